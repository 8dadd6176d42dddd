"""Ticket-like text for the screening benchmark and the screening speed test: ordinary EGI
support-case prose with the numbers, hosts, URLs, dates, versions and log lines real cases carry,
plus a secret, address or phone number every few messages. Deterministic: seeded."""

from __future__ import annotations

import random

_GREETINGS = ["Dear colleagues,", "Hi all,", "Hello,", "Dear Anna,", "Dear EGI support team,", ""]
_SIGNATURES = [
    "Best regards,\nthe EGI Community Support team",
    "Cheers,\nMarco\n--\nResearch Infrastructure Lab, University of Example",
    "Kind regards,\nJ. Novak\nSite administrator, EXAMPLE-CZ",
    "Thanks,\nthe VO managers",
]
_SENTENCES = [
    "The VO {vo} needs {cpu} CPU hours and {tb} TB of storage for the next {months} months.",
    "We installed version {ver} of the middleware on {host} on {date}.",
    "The site {site} agreed to support the community in the {phase} phase.",
    "Please see https://docs.example.org/{path}/ for the configuration of the {svc} service.",
    "The request is linked to ticket #{ticket} and to GGUS ticket {ticket2}.",
    "Funding comes from the project under grant agreement No {grant} (H2020-EINFRA-2017-1).",
    "The data set is published as doi:10.5281/zenodo.{zen} and cited in the proposal.",
    "The last job ran from {date} {time} to {date2}; {jobs} jobs finished, {fail} failed.",
    "The fix is in https://github.com/example-org/{repo}/commit/{sha}.",
    "Our contact point at {site} will follow up after the meeting on {date}.",
    "The community runs its analysis in containers on the cloud compute service at {site}.",
    "We discussed the integration with the AAI proxy and the group membership in Check-in.",
    "The accounting portal shows {cpu} normalised hours for {vo} since {year}.",
    "A first prototype is ready; the users are testing it with real workflows now.",
    "The storage element {host} exposes WebDAV on port 443 and xrootd on port 1094.",
    "The virtual machine image {image} is registered in AppDB with {cores} cores and {ram} GB RAM.",
    "We will review the status at the next weekly call; no action is needed before then.",
    "PI: ORCID {orcid}; the group has {people} researchers at {n_inst} institutions.",
    "The estimated start is Q{q} {year}, pending the agreement with the resource providers.",
    "Log: {date}T{time}Z INFO submitted job {jobid} to ce01.{site_l}.example.org (192.0.2.{ip})",
    "The pilot uses {tb} TB of disk, {cores} cores per node and a {gbps} Gb/s link.",
    "Thank you for the quick reply; the document has been updated accordingly.",
    "We agreed to move the case to the pre-production status once the SLA is signed.",
]
SECRETS = [
    "You can log in with password: Xk3!trl9Qw and change it later.",
    "Reach me at jane.doe@example.org or +44 20 7946 0958.",
    "Tel. 030 12345678, e-mail: m.rossi [at] example [dot] it",
    "export OS_PASSWORD=Swift-Test-2026!",
    "token: ghp_Ex4mpleT0kenAbCdEfGhIjKlMnOpQrStUv12",
    "This summary is confidential and internal only.",
    "git clone https://builder:Bu1ld3rPass@git.example.org/vo/repo.git",
    "AWS key AKIAEXAMPLE7Q3ZXK2LM was used by the pipeline.",
]
_VOS = ["vo.example-science.eu", "biomed", "vo.access.egi.eu", "eiscat.se", "vo.example-hep.org"]
_SITES = ["EXAMPLE-DE", "EXAMPLE-IT", "CESNET-EXAMPLE", "IFCA-EXAMPLE", "EXAMPLE-PL-CLOUD"]
_SVCS = ["HTCondor", "OpenStack", "dCache", "DIRAC", "Jupyter", "Rucio"]
_PHASES = ["preparatory", "test and integration", "pre-production", "production"]


def ticket_text(megabytes: float = 5.0, seed: int = 7) -> list[str]:
    """Messages (one string each) adding up to about ``megabytes`` of ticket-like text."""
    rnd = random.Random(seed)
    messages: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        parts = [rnd.choice(_GREETINGS)]
        for _ in range(rnd.randint(2, 5)):  # paragraphs
            para = " ".join(_sentence(rnd) for _ in range(rnd.randint(2, 6)))
            parts.append(para)
        if rnd.random() < 0.25:  # a quoted earlier reply
            quoted = " ".join(_sentence(rnd) for _ in range(rnd.randint(2, 4)))
            parts.append("On 2026-05-04 someone wrote:\n> " + quoted)
        if rnd.random() < 0.08:
            parts.append(rnd.choice(SECRETS))
        parts.append(rnd.choice(_SIGNATURES))
        message = "\n\n".join(p for p in parts if p)
        messages.append(message)
        size += len(message.encode())
    return messages


def _sentence(rnd: random.Random) -> str:
    site = rnd.choice(_SITES)
    return rnd.choice(_SENTENCES).format(
        vo=rnd.choice(_VOS),
        cpu=f"{rnd.randint(1, 40) * 50_000:,}",
        tb=rnd.choice([10, 50, 100, 500, 1200]),
        months=rnd.choice([6, 12, 18, 24]),
        ver=f"{rnd.randint(1, 9)}.{rnd.randint(0, 20)}.{rnd.randint(0, 9)}",
        host=f"se{rnd.randint(1, 9)}.{site.lower()}.example.org",
        date=f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
        date2=f"{rnd.randint(1, 28)}.{rnd.randint(1, 12)}.2026",
        time=f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
        site=site,
        site_l=site.lower(),
        phase=rnd.choice(_PHASES),
        path=rnd.choice(["compute/cloud", "data/storage", "aai/check-in", "accounting"]),
        svc=rnd.choice(_SVCS),
        ticket=rnd.randint(1000, 99999),
        ticket2=rnd.randint(100000, 999999),
        grant=rnd.choice([654142, 777536, 101017567, 857647]),
        zen=rnd.randint(1_000_000, 9_999_999),
        jobs=rnd.randint(100, 90000),
        fail=rnd.randint(0, 99),
        repo=rnd.choice(["vo-tools", "pipeline", "deploy"]),
        sha="".join(rnd.choice("0123456789abcdef") for _ in range(40)),
        year=rnd.choice([2024, 2025, 2026]),
        image=f"ubuntu-22.04-{rnd.randint(1, 9)}.{rnd.randint(0, 9)}",
        cores=rnd.choice([2, 4, 8, 16, 32]),
        ram=rnd.choice([4, 8, 16, 64]),
        orcid=f"0000-000{rnd.randint(1, 3)}-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}",
        people=rnd.randint(3, 80),
        n_inst=rnd.randint(1, 12),
        q=rnd.randint(1, 4),
        jobid=f"https://ce01.example.org:8443/{rnd.randint(10**8, 10**9)}",
        ip=rnd.randint(1, 254),
        gbps=rnd.choice([1, 10, 100]),
    )
