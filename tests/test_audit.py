"""The audit gate reads every file of a built site as text, through screening's own view, and
tells which case a finding belongs to."""

import gzip
import hashlib
import json
import shutil
from datetime import UTC, datetime
from importlib import util
from pathlib import Path

import pytest

from generator.audit import attribute, audit_site, gate, read_parts
from generator.audit.read import Parts
from generator.model import PublicCase, PublicSnapshot
from generator.site.build import drop_source_maps
from generator.site.search import code


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "cases" / "1").mkdir(parents=True)
    (root / "cases" / "1" / "index.html").write_text("<p>Nothing to see</p>")
    return root


def rules(findings):
    return {(f.path, f.rule) for f in findings}


def test_clean_site_passes(site):
    assert audit_site(site) == []


@pytest.mark.parametrize("name, content", [
    ("cases/1/index.html", "<p>write to pi@example.org</p>"),
    ("search/search_index.json", '{"docs": [{"text": "mail pi@example.org"}]}'),
    ("data/cases.csv", "id,subject\n1,pi@example.org\n"),
    ("feed.xml", "<feed><entry><title>pi@example.org</title></entry></feed>"),
    ("feed.xml", "<feed><entry><content type='html'>&lt;p&gt;pi&lt;b&gt;@&lt;/b&gt;example.org&lt;/p&gt;</content></entry></feed>"),
    ("assets/whatever.bin", "\x00\x01pi@example.org\x02"),
    ("cases/1/index.html", '<a href="mailto:pi@example.org">x</a>'),
    ("cases/1/index.html", "<p>pi&#64;example&#46;org</p>"),
    ("cases/1/index.html", "<p>pi<span>@</span>example.org</p>"),
    ("data/cases.json", json.dumps({"cases": [{"text": "pi＠example．org"}]})),
])
def test_any_file_type_is_read(site, name, content):
    path = site / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    found = audit_site(site)
    assert any(f.path == name and f.rule.startswith("email") for f in found), found


def test_compressed_files_are_read(site):
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset><loc>jan.novak@example.org</loc></urlset>"))
    assert any(f.path == "sitemap.xml.gz" for f in audit_site(site))


def test_script_urls_in_markup_fail_but_not_in_prose(site):
    (site / "cases" / "1" / "index.html").write_text('<a href=" javascript:alert(1)">x</a>')
    assert rules(audit_site(site)) == {("cases/1/index.html", "markup.script-url")}
    (site / "cases" / "1" / "index.html").write_text("<p>Links like href=javascript:alert(1) are stripped.</p>")
    assert audit_site(site) == []


def test_escaped_json_is_read_as_its_strings(site):
    """A placeholder stays a placeholder once JSON-escaped (it was read as `=\\"$...` before)."""
    (site / "data").mkdir()
    (site / "data" / "cases.json").write_text(json.dumps({"text": 'export OS_PASSWORD="$OS_PASSWORD_INPUT"'}))
    assert audit_site(site) == []


def test_a_json_data_block_in_a_page_is_read_as_its_strings(site):
    """A page's JSON-LD: its escapes (\\u0027 for a quote, \\u003c for <) are not a random token,
    and a secret in one of its strings is still found once decoded."""
    page = site / "cases" / "1" / "index.html"
    quoted = json.dumps({"name": "Omega Photonics;=cmd|' /C calc'!A0;@SUM(9*9)"}).replace("'", "\\u0027")
    page.write_text(f'<p>Omega</p><script type="application/ld+json">{quoted}</script>')
    assert audit_site(site) == []
    hidden = json.dumps({"name": "mail pi@example.org"}).replace("@", "\\u0040")
    page.write_text(f'<script type="application/ld+json">{hidden}</script>')
    assert any(f.rule.startswith("email") for f in audit_site(site))
    # a plain script is read as it is written
    page.write_text('<script>var a = "pi@example.org";</script>')
    assert any(f.rule.startswith("email") for f in audit_site(site))


def test_cells_and_parts_never_make_one_number(site):
    """Two table cells or two attributes are separate parts: no phone number spans them."""
    (site / "cases" / "1" / "index.html").write_text(
        "<table><tr><td>2026</td><td>0612</td><td>3456</td><td>78</td></tr></table>")
    assert audit_site(site) == []


def test_search_tokens_are_decoded_and_read_without_context(site):
    (site / "search" / "t").mkdir(parents=True)
    shard = site / "search" / "t" / "x.json"
    shard.write_text(json.dumps([code("confidential"), [0, 1], code("computing"), [0, 1]]))
    assert audit_site(site) == []  # a marker word out of its sentence says nothing
    shard.write_text(json.dumps([code("rssmra85t10a562s"), [0, 1]]))  # a codice fiscale, lower-cased
    assert rules(audit_site(site)) == {("search/t/x.json", "personal.national-id")}
    # a bare number's check digit passes for one number in ten: out of its sentence, a run's number
    # ("runs/9412233802") is no one's id; the page it comes from is read with its sentence
    shard.write_text(json.dumps([code("9412233802"), [0, 1], code("90090515836"), [0, 1]]))
    assert audit_site(site) == []


def test_source_maps_are_flagged_and_dropped_by_the_build(site):
    (site / "bundle.js.map").write_text("{}")
    assert ("bundle.js.map", "policy.source-map-shipped") in rules(audit_site(site))
    assert drop_source_maps(site) == 1
    assert audit_site(site) == []


def test_exact_theme_files_are_accepted_but_not_edited_copies(site):
    spec = util.find_spec("mkdocs")
    tinyseg = next(Path(spec.submodule_search_locations[0]).rglob("tinyseg.js"))
    target = site / "search" / "lunr" / "tinyseg.js"
    target.parent.mkdir(parents=True)
    shutil.copy(tinyseg, target)
    assert audit_site(site) == []
    target.write_text(tinyseg.read_text() + "\n// contact: maintainer@example.org")
    assert any(f.path == "search/lunr/tinyseg.js" for f in audit_site(site))


def test_svg_geometry_is_not_read_as_phone_numbers():
    svg = b'<svg viewBox="0 0 24 24"><path d="M12 4.5 7 4.5 2 12 5.5 3.54 2.36-2.19 5.5-3.54 9-3.54V8c-3.5"/></svg>'
    assert "3.54" not in "".join(read_parts("x.html", svg).text)


def test_a_binary_file_is_read_as_its_printable_runs(site):
    """An image's compressed data is random by nature: its printable runs are no token; text
    it carries (a PNG comment, say) is read like any other."""
    import random

    noise = random.Random(7).randbytes(300_000)
    image = site / "assets" / "images" / "card.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + noise)
    assert audit_site(site) == []
    comment = b"tEXtComment\x00Ask jane.doe@example.org, password: Tr0ub4dor&3x\x00"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + noise[:1000] + comment + noise[1000:])
    assert {"email.plain", "credential.password"} <= {f.rule for f in audit_site(site)}


def test_the_links_between_pages_of_a_list_read_as_words():
    """Pager links side by side in a flex row read as "Previous12345Next" without whitespace
    between them: a random-looking string to the audit on every long list."""
    from generator.site.pages import template_env

    class Pager:
        number, count, previous, next = 2, 5, "page/1/", "page/3/"

        def window(self):
            return [(n, f"page/{n}/") for n in range(1, 6)]

    macros = template_env(Path(__file__).parent.parent / "templates" / "pages").get_template("_macros.html.j2")
    nav = str(macros.module.pages_nav(Pager(), "../")).encode()
    text, _ = read_parts("year/2026/page/2/index.html", nav).joined()
    assert {"Previous", "3", "Next"} <= set(text.split())
    assert gate._scan(text) == []


def test_missing_site_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        audit_site(tmp_path / "absent")


def test_two_processes_find_the_same_as_one(tmp_path):
    root = tmp_path / "site"
    for i in range(12):
        page = root / "cases" / str(i) / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<p>case {i}</p>" + ("<p>ring +44 20 7946 0958</p>" if i % 5 == 0 else ""))
    one = audit_site(root, workers=1)
    import generator.audit.gate as gate

    old, gate.PARALLEL_FROM = gate.PARALLEL_FROM, 1
    try:
        two = audit_site(root, workers=2)
    finally:
        gate.PARALLEL_FROM = old
    assert [f.line() for f in one] == [f.line() for f in two] and len(one) == 3


# --- which case a finding belongs to ----------------------------------------------------------------


def _case(cid: int, text: str) -> PublicCase:
    t = datetime(2026, 1, 1, tzinfo=UTC)
    return PublicCase(cid, f"Case {cid}", "open", None, (), (), (), (), "", t, t, text, (), (), ())


def test_findings_belong_to_the_case_whose_page_or_text_holds_them(site):
    snapshot = PublicSnapshot(cases=(_case(1, "Nothing to see"), _case(2, "ring +44 20 7946 0958 today")))
    (site / "cases" / "2").mkdir()
    (site / "cases" / "2" / "index.html").write_text("<p>ring +44 20 7946 0958 today</p>")
    (site / "data").mkdir()
    (site / "data" / "cases.json").write_text(json.dumps([{"id": 2, "text": "ring +44 20 7946 0958 today"}]))
    (site / "about").mkdir()
    (site / "about" / "index.html").write_text("<p>Write to team@example.org</p>")
    by_case, orphans = attribute(audit_site(site), snapshot)
    assert sorted(by_case) == [2] and {f.path for f in by_case[2]} == {"cases/2/index.html", "data/cases.json"}
    assert [f.path for f in orphans] == ["about/index.html"]  # a hand-written page: no case to quarantine


def test_a_short_match_held_by_many_cases_belongs_to_the_one_whose_text_makes_the_finding(site):
    """An index page's finding matched four digits that other cases' words hold too: only the
    case whose own text the detectors find them in is withheld, not every case holding them."""
    snapshot = PublicSnapshot(cases=(_case(1, "job 4711 failed twice"), _case(2, "door PIN: 4711"),
                                     _case(3, "run 4711 and 4712 again")))
    (site / "cases" / "index.html").write_text("<ul><li>job 4711 failed twice</li><li>door PIN: 4711</li>"
                                                "<li>run 4711 and 4712 again</li></ul>")
    by_case, orphans = attribute(audit_site(site), snapshot)
    assert sorted(by_case) == [2] and orphans == []
    assert {f.rule for f in by_case[2]} == {"credential.password", "credential.pin"}


def test_a_finding_no_single_case_makes_still_withholds_every_case_holding_it(site):
    """When no case's own text gives the finding (it needs the text of two cases, say), every case
    holding its match is withheld, as a finding that belongs to nobody in particular must be."""
    finding = gate.AuditFinding("cases/index.html", "credential.pin", 1, ("4711",))
    snapshot = PublicSnapshot(cases=(_case(1, "job 4711 failed"), _case(2, "run 4711 again")))
    by_case, orphans = attribute([finding], snapshot)
    assert sorted(by_case) == [1, 2] and orphans == []


def test_a_finding_a_listing_glued_to_a_case_text_belongs_to_the_case_holding_its_longest_run(site):
    """A page that lists cases adds its own words to a case's (a count after a label): no case's
    text holds the match whole, and the case holding the longest run of its letters and digits
    is the one quarantined, not the whole catalogue failed (h56: a discipline "Cryptography
    (secret sharing, post-quantum)" and its chart's count read "post-quantum)1")."""
    snapshot = PublicSnapshot(cases=(_case(1, "Cryptography (secret sharing, post-quantum)"),
                                     _case(2, "Quantum chemistry on two sites")))
    finding = gate.AuditFinding("dashboard/index.html", "credential.token", 1, ("post-quantum)1",))
    by_case, orphans = attribute([finding], snapshot)
    assert sorted(by_case) == [1] and orphans == []


def test_a_finding_whose_every_run_is_short_or_common_still_belongs_to_no_case(site):
    snapshot = PublicSnapshot(cases=tuple(_case(i, f"the secret of case {i}") for i in range(1, 300)))
    few = gate.AuditFinding("about/index.html", "credential.password", 1, ("zq-7Kx-secret",))
    assert attribute([few], snapshot)[1] == [few]  # "secret": in 299 cases, no one's in particular
    none = gate.AuditFinding("about/index.html", "credential.password", 1, ("zq-7Kx-9wP",))
    assert attribute([none], snapshot)[1] == [none]


def test_an_svg_chart_label_and_its_count_are_read_apart(site):
    (site / "dashboard").mkdir()
    (site / "dashboard" / "index.html").write_text(
        '<svg><g class="cc-row"><text class="cc-label">Cryptography (secret sharing, post-quantum)</text>'
        '<rect class="cc-bar" width="3" height="12"/><text class="cc-value">1</text></g></svg>')
    assert audit_site(site) == []


def test_a_page_address_made_from_a_site_name_withholds_no_case(site):
    """A resource centre named by several cases has a page at ``centre/<slug>/``, the name lower
    -cased: "IN2P3-CC" passes screening, "in2p3-cc" reads as a random token. The address is the
    name, which the audit reads on the same pages; it withholds no case (the held-out corpora
    built six to a catalogue: 14 cases naming IN2P3-CC were quarantined)."""
    t = datetime(2026, 1, 1, tzinfo=UTC)
    named = [PublicCase(i, f"Case {i}", "open", None, (), (), ("IN2P3-CC",), (), "", t, t, "Jobs fail.", (), (), ())
             for i in (1, 2)]
    snapshot = PublicSnapshot(cases=(*named, _case(3, "my token is in2p3-cc")))
    (site / "cases" / "1").mkdir(exist_ok=True)
    (site / "cases" / "1" / "index.html").write_text('<p><a href="../../centre/in2p3-cc/">IN2P3-CC</a></p>')
    (site / "centre").mkdir(exist_ok=True)
    (site / "centre" / "index.html").write_text('<ul><li><a href="in2p3-cc/">IN2P3-CC</a> (2 cases)</li></ul>')
    findings = audit_site(site)
    assert {f.path for f in findings} == {"cases/1/index.html", "centre/index.html"}  # (what the detectors read)
    by_case, orphans = attribute(findings, snapshot)
    assert by_case == {} and orphans == []
    (site / "cases" / "3").mkdir(exist_ok=True)  # the same string in a case's own text, no name of its: that case's
    (site / "cases" / "3" / "index.html").write_text("<p>my token is in2p3-cc</p>")
    by_case, orphans = attribute(audit_site(site), snapshot)
    assert sorted(by_case) == [3] and orphans == []


def test_markup_findings_belong_to_no_case(site):
    snapshot = PublicSnapshot(cases=(_case(1, "javascript:alert(1)"),))
    (site / "cases" / "1" / "index.html").write_text('<a href="javascript:alert(1)">x</a>')
    by_case, orphans = attribute(audit_site(site), snapshot)
    assert by_case == {} and [f.rule for f in orphans] == ["markup.script-url"]


def _export(cases: list[str]) -> str:
    return json.dumps({"cases": [{"id": i, "description": text} for i, text in enumerate(cases)]})


def test_a_large_file_whose_earlier_version_was_clean_has_only_its_new_parts_read(tmp_path, monkeypatch):
    """The data export holds every case: on a night that changes a few, the detectors read the
    parts the earlier (clean) version lacks, and still find what is in those."""
    texts = [f"Case {i}: the community runs simulations on {i % 7 + 2} sites and plans a pilot." for i in range(2000)]
    kept, staged = tmp_path / "kept", tmp_path / "staging"
    for root in (kept, staged):
        (root / "data").mkdir(parents=True)
    (kept / "data" / "cases.json").write_text(_export(texts))
    assert audit_site(kept) == []
    night = texts[:1500] + ["A new case: write to pi@example.org for the pilot."] + texts[1500:]
    (staged / "data" / "cases.json").write_text(_export(night))
    assert (staged / "data" / "cases.json").stat().st_size >= gate.KNOWN_PARTS_FROM

    read: list[str] = []
    real = gate._scan
    monkeypatch.setattr(gate, "_scan", lambda text: read.append(text) or real(text))
    assert rules(audit_site(staged, clean=kept)) == {("data/cases.json", "email.plain")}
    # (read once, then again as the verdict because it has a finding: both times only the new part)
    assert read and all("pi@example.org" in r and "Case 7:" not in r for r in read)
    read.clear()
    assert rules(audit_site(staged)) == {("data/cases.json", "email.plain")}  # without it: every part
    assert "Case 7:" in read[0]


def test_the_parts_of_a_large_file_found_clean_are_kept_and_looked_up_instead_of_read_again(tmp_path, monkeypatch):
    """A large file found clean leaves the digests of its parts (by its bytes, for this audit);
    the next night looks the kept version's parts up there instead of reading that version again,
    and its verdict is the one of reading it: the new parts only are read, a finding in them found."""
    from generator.audit.known import KnownParts

    texts = [f"Case {i}: the community runs simulations on {i % 7 + 2} sites and plans a pilot." for i in range(2000)]
    kept, staged = tmp_path / "kept", tmp_path / "staging"
    for root in (kept, staged):
        (root / "data").mkdir(parents=True)
    (kept / "data" / "cases.json").write_text(_export(texts))
    parts = KnownParts(tmp_path / "known-parts", "audit-1")
    assert audit_site(kept, parts=parts) == []
    kept_sha = hashlib.sha256((kept / "data" / "cases.json").read_bytes()).hexdigest()
    assert parts.of(kept_sha) is not None and not (tmp_path / "known-parts" / "audit-2").exists()

    night = texts[:1500] + ["A new case: write to pi@example.org for the pilot."] + texts[1500:]
    (staged / "data" / "cases.json").write_text(_export(night))
    reads: list[str] = []
    scans: list[str] = []
    real_read, real_scan = gate.read_parts, gate._scan
    monkeypatch.setattr(gate, "read_parts", lambda rel, data: reads.append(rel) or real_read(rel, data))
    monkeypatch.setattr(gate, "_scan", lambda text: scans.append(text) or real_scan(text))
    assert rules(audit_site(staged, clean=kept, parts=parts)) == {("data/cases.json", "email.plain")}
    assert reads == ["data/cases.json"]  # the staged file only: the kept one was looked up
    assert scans and all("pi@example.org" in r and "Case 7:" not in r for r in scans)
    # another audit's entries are never used: the kept version is read again
    reads.clear()
    other = KnownParts(tmp_path / "known-parts", "audit-2")
    assert rules(audit_site(staged, clean=kept, parts=other)) == {("data/cases.json", "email.plain")}
    assert reads == ["data/cases.json", "data/cases.json"]
    # a file with a finding leaves no entry; pruning keeps the named files of this audit only
    assert parts.of(hashlib.sha256((staged / "data" / "cases.json").read_bytes()).hexdigest()) is None
    other.prune(set())
    assert not (tmp_path / "known-parts" / "audit-1").exists() and parts.of(kept_sha) is None


def test_the_parts_of_a_large_file_audited_ahead_are_kept_too(tmp_path, monkeypatch):
    """A full build audits the files it copies (the exports) ahead, in helper processes: a large
    one found clean there leaves its parts as the audit after the build does (the first night
    after a full build then looks them up instead of reading the whole export again); one with a
    finding leaves nothing."""
    from generator.audit.known import KnownParts

    texts = [f"Case {i}: the community runs simulations on {i % 7 + 2} sites and plans a pilot." for i in range(2000)]
    docs, kept = tmp_path / "docs", tmp_path / "kept"
    for root in (docs, kept):
        (root / "data").mkdir(parents=True)
    (docs / "data" / "cases.json").write_text(_export(texts))
    (docs / "data" / "leak.json").write_text(_export(texts + ["write to pi@example.org"]))
    parts = KnownParts(tmp_path / "known-parts", "audit-1")
    with gate.Auditor(2, parts=parts) as auditor:
        auditor.ahead([(str(docs / "data" / name), f"data/{name}") for name in ("cases.json", "leak.json")])
        verdicts = auditor.known()
    assert verdicts["data/cases.json"][1] == [] and verdicts["data/leak.json"][1]
    assert parts.of(verdicts["data/cases.json"][0]) is not None and parts.of(verdicts["data/leak.json"][0]) is None

    shutil.copyfile(docs / "data" / "cases.json", kept / "data" / "cases.json")
    staged = tmp_path / "staging"
    (staged / "data").mkdir(parents=True)
    (staged / "data" / "cases.json").write_text(_export(texts[:1500] + ["A new case: mail pi@example.org."] + texts[1500:]))
    reads: list[str] = []
    real_read = gate.read_parts
    monkeypatch.setattr(gate, "read_parts", lambda rel, data: reads.append(rel) or real_read(rel, data))
    assert rules(audit_site(staged, clean=kept, parts=parts, workers=1)) == {("data/cases.json", "email.plain")}
    assert reads == ["data/cases.json"]  # the kept version's parts were looked up, not read


def test_a_file_without_an_earlier_version_or_a_small_one_is_read_whole(tmp_path, monkeypatch):
    kept, staged = tmp_path / "kept", tmp_path / "staging"
    (kept / "cases" / "1").mkdir(parents=True)
    (staged / "cases" / "1").mkdir(parents=True)
    (kept / "cases" / "1" / "index.html").write_text("<p>mail pi@example.org</p>")  # (never clean: not trusted)
    (staged / "cases" / "1" / "index.html").write_text("<p>mail pi@example.org</p><p>and more</p>")
    (staged / "data").mkdir()
    (staged / "data" / "cases.json").write_text(_export(["mail pi@example.org"] * 3000))
    assert rules(audit_site(staged, clean=kept)) == {("cases/1/index.html", "email.plain"),
                                                     ("data/cases.json", "email.plain")}


def test_a_finding_in_a_part_two_files_repeat_is_reported_in_both(tmp_path, monkeypatch):
    """The detectors read each distinct part once per run when it is clean (the frame of every
    page), but a part with a finding is read, and reported, in every file that holds it."""
    root = tmp_path / "site"
    frame = "<header>Case catalogue</header><nav><a href='/'>Home</a></nav>"
    for i in (1, 2):
        (root / "cases" / str(i)).mkdir(parents=True)
        (root / "cases" / str(i) / "index.html").write_text(
            f"{frame}<p>case {i}</p><p>ring +44 20 7946 0958</p><p>ring +44 20 7946 0958</p>")
    (root / "index.html").write_text(f"{frame}<p>ring +44 20 7946 0958</p>")
    read: list[str] = []
    real = gate._scan
    monkeypatch.setattr(gate, "_scan", lambda text: read.append(text) or real(text))
    found = audit_site(root, workers=1)
    assert [(f.path, f.count) for f in found] == [("cases/1/index.html", 2), ("cases/2/index.html", 2),
                                                  ("index.html", 1)]
    assert len({f.rule for f in found}) == 1
    assert sum("Case catalogue" in text for text in read) >= 3  # never memoised with a finding beside it

    read.clear()
    (root / "index.html").write_text(f"{frame}<p>nothing here</p>")
    (root / "cases" / "2" / "index.html").write_text(f"{frame}<p>case 2</p>")
    assert [f.path for f in audit_site(root, workers=1)] == ["cases/1/index.html"]
    index_read = [text for text in read if "nothing here" in text]
    assert index_read and "Case catalogue" not in index_read[0]  # clean in cases/2: not read again


def test_two_processes_with_a_memo_each_find_what_one_finds(tmp_path):
    root = tmp_path / "site"
    frame = "<header>Case catalogue</header>"
    for i in range(40):
        page = root / "cases" / str(i) / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(frame + f"<p>case {i}</p>" + ("<p>ring +44 20 7946 0958</p>" if i % 7 == 0 else ""))
    one = audit_site(root, workers=1)
    old, gate.PARALLEL_FROM, gate.RUNS_PER_WORKER = (gate.PARALLEL_FROM, gate.RUNS_PER_WORKER), 1, 3
    try:
        two = audit_site(root, workers=2)
    finally:
        gate.PARALLEL_FROM, gate.RUNS_PER_WORKER = old
    assert [f.line() for f in one] == [f.line() for f in two] and len(one) == 6


def test_a_finding_of_the_new_parts_alone_is_judged_on_the_whole_file(tmp_path):
    """The memo leaves out parts already found clean, but a verdict is always the whole file's:
    the same with and without the memo, whichever file a process happened to read first."""
    from generator.audit.memo import CleanParts

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    frame = "<p>Catalogue of cases</p>"
    (site / "a" / "index.html").write_text(frame + "<p>plain words about the pilot</p>")
    page = site / "b.html"
    page.write_text(frame + "<p>write to pi@example.org</p>")
    memo = CleanParts()
    assert gate.audit_file(site / "a" / "index.html", "a/index.html", memo=memo) == []
    with_memo = gate.audit_file(page, "b.html", memo=memo)
    assert with_memo == gate.audit_file(page, "b.html")
    assert [f.rule for f in with_memo] == ["email.plain"]


def test_a_large_file_is_read_in_batches_and_judged_whole_on_a_finding(tmp_path, monkeypatch):
    """The detectors read a large export's parts a batch at a time (a reading of the whole costs
    about the square of its size); a finding in any batch has the whole file read, and that
    reading is the verdict, the same as without batches."""
    texts = [f"Case {i}: the community runs simulations on {i % 7 + 2} sites and plans a pilot." for i in range(3000)]
    site = tmp_path / "site"
    (site / "data").mkdir(parents=True)
    export = site / "data" / "cases.json"
    export.write_text(_export(texts))
    read: list[str] = []
    real = gate._scan
    monkeypatch.setattr(gate, "_scan", lambda text: read.append(text) or real(text))
    assert audit_site(site, workers=1) == []
    assert len(read) > 3 and max(len(r) for r in read) <= 2 * gate.READ_BATCH
    assert any("Case 2999:" in r for r in read)  # every batch read, the last one too

    export.write_text(_export(texts[:1500] + ["A new case: write to pi@example.org for the pilot."] + texts[1500:]))
    read.clear()
    found = audit_site(site, workers=1)
    assert rules(found) == {("data/cases.json", "email.plain")}
    assert [f.line() for f in found] == [f.line() for f in gate.audit_file(export, "data/cases.json")]
    assert any("Case 7:" in r and "pi@example.org" in r and "Case 2999:" in r for r in read)  # judged whole


def test_files_audited_ahead_stand_only_for_the_same_bytes(tmp_path, monkeypatch):
    """A verdict given ahead (on a file of the docs folder, while the engine builds) stands for the
    site's file of that path only when it holds the very bytes read then; any other is read."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for root in (docs, site):
        (root / "data").mkdir(parents=True)
    (docs / "data" / "cases.json").write_text(_export(["ring +44 20 7946 0958 today", "plain words"]))
    (docs / "feed.xml").write_text("<feed><title>Cases</title></feed>")
    (docs / "old.csv").write_text("id,text\n1,plain words\n")
    (site / "index.html").write_text("<p>write to team@example.org</p>")  # not read ahead
    for rel in ("data/cases.json", "feed.xml"):
        shutil.copyfile(docs / rel, site / rel)
    (site / "old.csv").write_text("id,text\n1,write to pi@example.org\n")  # not the bytes read ahead
    submitted: list[str] = []
    real_audit = gate.Auditor.audit

    def audit(self, files, clean, parts=None):
        submitted.extend(rel for _, rel in files)
        return real_audit(self, files, clean, parts)

    monkeypatch.setattr(gate.Auditor, "audit", audit)
    with gate.Auditor(2) as auditor:
        auditor.ahead([(str(docs / rel), rel) for rel in ("data/cases.json", "feed.xml", "old.csv")])
        assert rules(auditor.known()["data/cases.json"][1]) == {("data/cases.json", "phone.international")}
        found = audit_site(site, auditor=auditor)
    assert sorted(submitted) == ["index.html", "old.csv"]  # the others' verdicts were given ahead
    assert rules(found) == {("data/cases.json", "phone.international"), ("index.html", "email.plain"),
                            ("old.csv", "email.plain")}
    assert [f.line() for f in found] == [f.line() for f in audit_site(site, workers=1)]


def test_a_topic_phrase_broken_by_a_rendered_line_break_is_still_a_topic(site):
    """Screening read "(confidential\\ncomputing)" as a technology; the page renders the line break
    as <br>, and the audit must read it as screening did (or it quarantines a harmless case)."""
    page = site / "cases" / "1" / "index.html"
    page.write_text("<p>Der Kurs behandelt vertrauliche Berechnungen (confidential<br>\ncomputing) für Biobanken.</p>")
    assert audit_site(site) == []
    page.write_text("<p>Der Kurs ist vertraulich<br>\nund wird nicht veröffentlicht.</p>")
    assert rules(audit_site(site)) == {("cases/1/index.html", "marker.confidential")}


def test_the_helpers_server_is_started_before_the_render_of_a_large_full_build_only(monkeypatch):
    """Its import of the audit runs beside the render instead of holding up the build's first
    helper: started when the build will audit ahead (a full build of a large site), never for a
    small site or one that may be built over a kept site of the same inputs and audit."""
    from generator import ledger

    started: list[int] = []
    monkeypatch.setattr(ledger, "start_helpers_server", lambda: started.append(1))
    big, small = ledger.AHEAD_FROM, ledger.AHEAD_FROM - 1
    for cases, kept, expected in ((big, None, 1), (big, ("other inputs", "audit"), 1), (big, ("inputs", "old"), 1),
                                  (big, ("inputs", "audit"), 0), (small, None, 0)):
        started.clear()
        ledger.prepare_ahead(cases, kept, "inputs", "audit")
        assert len(started) == expected, (cases, kept)


def test_a_started_helpers_server_serves_the_helpers(tmp_path):
    (tmp_path / "page.html").write_text("<p>write to team@example.org</p>")
    gate.start_helpers_server()
    gate.start_helpers_server()  # once is enough: a second call finds it running
    with gate.Auditor(2) as auditor:
        found = auditor.audit([(str(tmp_path / "page.html"), "page.html")], None)
    assert rules(found["page.html"]) == {("page.html", "email.plain")}


def test_the_audits_helpers_start_with_the_theme_files_listed():
    """The server the helpers come from lists the theme packages' files (casecat's own theme files
    are looked up among them by size) before it forks any (each would else list them again)."""
    from concurrent.futures import ProcessPoolExecutor

    listed = "__import__('generator.audit.theme', fromlist=['theme'])._theme_files_by_size.cache_info().currsize"
    with ProcessPoolExecutor(1, mp_context=gate.helper_context()) as pool:
        assert pool.submit(eval, listed).result() == 1


def test_the_audits_helpers_start_with_the_detectors_tables_made():
    """The detectors make their tables when the first text is screened; the fork server that the
    audit's helpers come from makes them once, before it forks any (each would else make its own)."""
    from concurrent.futures import ProcessPoolExecutor

    context = gate.helper_context()
    unmade = "len(__import__('generator.screening.detectors.base', fromlist=['base'])._UNBUILT)"
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        assert pool.submit(eval, unmade).result() == 0


def test_no_finding_runs_from_one_part_into_the_next(site):
    """A home phrase whose address was cut, then the next entry's address and title: the address
    block stops at its part (a match across parts belongs to no one text, and its verdict would
    hang on which parts a batch put together: it failed a whole build once)."""
    (site / "search" / "d").mkdir(parents=True)
    doc = site / "search" / "d" / "0.json"
    doc.write_text(json.dumps([["cases/57/", "Meine neue Privatadresse:\n[redacted: personal]"],
                               ["cases/58/", "Community 58: cloud resources for data analysis (case 58)"]]))
    assert audit_site(site) == []
    doc.write_text(json.dumps([["cases/57/", "Meine neue Privatadresse:\nLindenweg 14, 37073 Göttingen"],
                               ["cases/58/", "Community 58: cloud resources for data analysis (case 58)"]]))
    found = audit_site(site)
    assert [(f.rule, f.matched) for f in found] == [("personal.address", ("Lindenweg 14, 37073 Gottingen",))]  # (as the view reads it)


def test_one_parts_encoding_never_changes_how_another_reads(site):
    """What says a text is quoted-printable ("=C3=A5") says it of its own part: in the same export,
    a base64 value ending its line ("...Cg==") stays what it is, not a soft line break run into the
    next line's word (it read as a random token there, and the case was withheld)."""
    (site / "data").mkdir(exist_ok=True)
    export = site / "data" / "cases.json"
    config = ("ConfigMap (public) in base64:\n\n  site.conf: c2l0ZV9uYW1lPUdSSUYKY2VfaG9zdD1ncmlkMzYubGFsLmluMnAzLmZyCg=="
              "\n\ndecoded: site_name=GRIF")
    for order in ([config, "Underh=C3=A5llet p=C3=A5 NSC =C3=A4r klart."],
                  ["Underh=C3=A5llet p=C3=A5 NSC =C3=A4r klart.", config]):
        export.write_text(json.dumps({"cases": [{"description": d} for d in order]}))
        assert audit_site(site) == []


def test_encoded_words_read_decoded_in_every_part_of_an_export(site):
    """A mail header's encoded word is decoded in its own part even when another part of the same
    export is quoted-printable (only that part's escapes are): an export holding both once read
    every encoded word as a random token, and the build failed."""
    (site / "data").mkdir(exist_ok=True)
    word = "=?UTF-8?B?U3BlaWNoZXJxdW90ZSBmw7xyIHZvLmxvZmFyLmV1IMO8YmVyc2Nocml0dGVu?="
    parts = [word, "Underh=C3=A5llet p=C3=A5 NSC =C3=A4r klart."]
    text, _ = Parts(parts).joined()
    assert "Speicherquote fur vo.lofar.eu uberschritten" in text and "Underhallet pa NSC" in text
    (site / "data" / "cases.json").write_text(json.dumps({"cases": [{"subject": parts[0]}, {"description": parts[1]}]}))
    assert audit_site(site) == []


def test_quoted_printable_parts_read_decoded_wherever_the_header_stands(site):
    """Parts said to be quoted-printable by their escapes and by a header, in any order, each read
    decoded (the parts' spans were once looked up unsorted, and a part after the header's was not)."""
    (site / "data").mkdir(exist_ok=True)
    parts = ["Content-Transfer-Encoding: quoted-printable\n\nHej", "Die Wartung ist f=C3=BCr den 12. M=C3=A4rz geplant.",
             "Underh=C3=A5llet p=C3=A5 NSC =C3=A4r klart."]
    text, _ = Parts(parts).joined()
    assert "12. Marz geplant" in text and "Underhallet pa NSC" in text
    (site / "data" / "cases.json").write_text(json.dumps({"cases": [{"description": p} for p in parts]}))
    assert audit_site(site) == []


def test_a_parts_escaped_lines_read_as_lines_after_another_part_was_decoded():
    """The parts a per-part decoding applies to are found in the text it rewrites: an earlier pass
    (JSON escapes) shortened the parts before them, and the escaped lines of a later part were
    once looked for at the old places and left as written."""
    parts = ["x \\u002F\\u002F\\u002F\\u002F\\u002F\\u002F y", "C:\\new one", "a\\nb\\nc"]
    text, _ = Parts(parts).joined()
    assert text.endswith("a\nb\nc") and "C:\\new one" in text
