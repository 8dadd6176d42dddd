"""Incremental and parallel builds give the site a build from scratch gives, byte for byte.

A catalogue of screened synthetic cases is built; then some cases change (a new reply, a status
change, a case added, one withdrawn, one merged into another) and the site is built again over
the first one. The same changed snapshot built from scratch on two cores (pages rendered, built
and audited in two processes) and in one gives the same files, every byte of them: pages, sitemap, feed, search index, exports.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from support.sitebuild import build_snapshot, folders

from generator import incremental, ledger
from generator.audit import Auditor
from generator.config import Config
from generator.model import ImplementationStatus, PublicMessage, RawQueue, StatusChange
from generator.rt.records import parse_entries, parse_rt_datetime
from generator.screening import screen_queue
from generator.screening.policy import Policy
from generator.site import render

#: slow (each test builds a 70-case catalogue two or three times and compares every byte): in make test, out of the fast loop
pytestmark = pytest.mark.slow

CASES = 70


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def empty_folders(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir() and not any(p.iterdir())]


@pytest.fixture(scope="module")
def first():
    """A screened synthetic catalogue (the snapshot the nightly would build first)."""
    from devtools.synthetic import make_queue

    data = make_queue(CASES, seed=11)
    raw = RawQueue(tickets=tuple(parse_entries(data)), queue=data["queue"],
                   fetched_at=parse_rt_datetime(data["fetched_at"]), is_sample=False,
                   rt_web_url=data["rt_web_url"], origin="synthetic")
    return screen_queue(raw, Config(), Policy(salt=b"test-salt")).snapshot


def changed(snapshot):
    """The next night: k cases changed in every way a night can change them."""
    cases = sorted(snapshot.cases, key=lambda c: c.id)
    later = snapshot.fetched_at + timedelta(days=1)
    replied, moved, withdrawn, merged, survivor = cases[3], cases[10], cases[20], cases[30], cases[31]
    reply = PublicMessage(later - timedelta(hours=3), "reply", "We ran the first jobs; the results look right.", "community")
    step = next(s for s in ImplementationStatus if s is not moved.implementation_status and not s.is_ended)
    new_cases = {
        replied.id: replace(replied, messages=replied.messages + (reply,), last_updated=reply.date),
        moved.id: replace(moved, implementation_status=step, last_updated=later - timedelta(hours=2),
                          status_history=moved.status_history + (
                              StatusChange(later - timedelta(hours=2), moved.implementation_status, step),)),
    }
    added = replace(cases[5], id=max(c.id for c in cases) + 1, subject="Newcomers – a first case",
                    created=later - timedelta(hours=1), last_updated=later - timedelta(hours=1),
                    messages=(), virtual_organisations=("vo.newcomers.example.org",))
    kept = [new_cases.get(c.id, c) for c in cases if c.id not in (withdrawn.id, merged.id)] + [added]
    return replace(snapshot, cases=tuple(kept), fetched_at=later,
                   withdrawn_ids=tuple(sorted({*snapshot.withdrawn_ids, withdrawn.id, merged.id})),
                   redirects={**snapshot.redirects, merged.id: survivor.id})


def test_an_incremental_build_and_builds_from_scratch_give_the_same_site(first, tmp_path, monkeypatch):
    second = changed(first)
    kept = folders(tmp_path / "kept")
    with monkeypatch.context() as both_cores:  # pages rendered in two processes: the helper's case rows are kept too
        both_cores.setattr(render, "PARALLEL_FROM", 1)
        full = build_snapshot(first, kept, workers=2)
    assert full.assembled.changes.full
    before = digests(kept.site_dir)
    rows = kept_rows(kept)
    assert {key.split(" ", 1)[1] for key in rows} >= {"all ../", "list ../../", "status ../../"}
    assert sum(1 for key in rows if key.endswith(" all ../")) == len(first.cases)

    again = build_snapshot(second, kept)
    changes = again.assembled.changes
    assert not changes.full
    touched = {c.id for c in first.cases} ^ {c.id for c in second.cases}  # added, withdrawn, merged
    touched |= {c.id for c in second.cases if c not in first.cases}  # replied, moved
    assert len(touched) == 5
    # their pages and what lists or counts them; every other case page is kept as it was
    assert {p for p in changes.changed if p.startswith("cases/") and p != "cases/index.md"} == \
        {f"cases/{i}.md" for i in touched}
    assert {"data/cases.json", "feed.xml", "index.md", "cases/index.md", "sitemap.xml"} - set(changes.changed) \
        == {"sitemap.xml"}  # the sitemap is made after the engine, not from the docs folder
    assert len(changes.changed) < len(again.digests) / 3
    # gone: only the forwards of VOs and centres that only the withdrawn and merged cases named
    assert changes.removed and all(p.startswith(("vo/", "centre/")) and p.endswith("/index.html")
                                   for p in changes.removed)
    # audited: exactly the files whose bytes are new (the ledger proves the others)
    after = digests(kept.site_dir)
    assert again.audited == sum(1 for name, digest in after.items() if before.get(name) != digest)

    scratch_two, scratch_one = folders(tmp_path / "two"), folders(tmp_path / "one")
    judged_ahead: set[str] = set()
    engine_outputs: list[Path] = []
    with monkeypatch.context() as both_cores:  # every stage on two cores: pages rendered, and files audited ahead
        both_cores.setattr(render, "PARALLEL_FROM", 1)
        both_cores.setattr(ledger, "AHEAD_FROM", 0)
        real_known, real_folder, real_submit = Auditor.known, Auditor.ahead_folder, Auditor.submit
        jobs: list[str] = []
        both_cores.setattr(Auditor, "submit", lambda self, job, *args: jobs.append(job.__name__)
                           or real_submit(self, job, *args))
        both_cores.setattr(Auditor, "known", lambda self: judged_ahead.update(real_known(self)) or real_known(self))
        both_cores.setattr(Auditor, "ahead_folder",
                           lambda self, folder: engine_outputs.append(folder) or real_folder(self, folder))
        built_two = build_snapshot(second, scratch_two, fresh=True, workers=2)
    assert built_two.auditor is not None and built_two.audited == len(digests(scratch_two.site_dir))
    # the copied files while the engine built the pages; each engine process's pages once it was
    # done (those not yet moved into the site when a helper came to them)
    assert {"data/cases.json", "feed.xml"} <= judged_ahead
    assert sorted(folder.parent.name for folder in engine_outputs) == ["0", "1"]  # in the order they ended
    assert jobs == ["index_files"]  # the search index made by a helper (the same bytes: below)
    build_snapshot(second, scratch_one, fresh=True, workers=1)

    site = digests(kept.site_dir)
    assert len(site) > 200 and {"sitemap.xml", "sitemap.xml.gz", "feed.xml", "data/cases.json",
                                "data/cases.csv", "search/manifest.json"} <= set(site)
    for other in (scratch_two, scratch_one):
        theirs = digests(other.site_dir)
        assert sorted(site) == sorted(theirs), set(site) ^ set(theirs)
        assert [name for name in site if site[name] != theirs[name]] == []
    assert empty_folders(kept.site_dir) == []
    # the state kept beside the site says what is there
    state = incremental.read_site_state(kept.site_dir)
    assert state.files == site and state.pages == again.digests


def test_a_night_without_a_withdrawal_brings_the_kept_search_index_to_the_same_bytes(first, tmp_path, monkeypatch):
    """A reply, a change of status and a new case: the search index is brought from the kept
    site's (only the groups and chunks they touch are made again), and the site is the one a
    build from scratch gives, every byte of it. A withdrawal numbers the documents after it anew:
    the index is made whole (the test above)."""
    from generator.site import search_update

    second, last = changed(first), max(c.id for c in first.cases)
    now = {c.id: c for c in second.cases}  # (the withdrawn and the merged case stay)
    night = replace(second, cases=tuple(now.get(c.id, c) for c in sorted(first.cases, key=lambda c: c.id))
                    + tuple(c for c in second.cases if c.id > last),
                    withdrawn_ids=first.withdrawn_ids, redirects=first.redirects)
    assert {c.id for c in first.cases} < {c.id for c in night.cases} and len(set(night.cases) - set(first.cases)) == 3
    kept = folders(tmp_path / "kept")
    build_snapshot(first, kept)
    whole: list[int] = []
    real = search_update.build_index
    monkeypatch.setattr(search_update, "build_index", lambda *a, **k: whole.append(1) or real(*a, **k))
    again = build_snapshot(night, kept)
    assert not again.assembled.changes.full and whole == []
    remade = [rel for rel in again.assembled.staged if rel.startswith("search/")]
    assert "search/manifest.json" in remade and len(remade) < len([r for r in again.assembled.files
                                                                    if r.startswith("search/")]) / 2
    scratch = folders(tmp_path / "scratch")
    build_snapshot(night, scratch, fresh=True)
    assert whole == [1]
    site, theirs = digests(kept.site_dir), digests(scratch.site_dir)
    assert sorted(site) == sorted(theirs) and [name for name in site if site[name] != theirs[name]] == []


def kept_rows(config: Config) -> dict[str, str]:
    return marshal.loads((config.build_dir / incremental.CASE_ROWS_NAME).read_bytes())["cases"]


def night_over_a_marked_memo(first, base: Path, memo_name: str, mark) -> tuple[Config, int, int]:
    """Builds ``first``; in the memo ``memo_name`` marks the entries of a case the next night
    replies to and of one it leaves as it was (``mark(key, value)`` -> the entry's case id and
    its marked value, or (None, None) to leave it); builds the next night over it. Returns the
    folders, the replied case's id and the other's."""
    config = folders(base)
    build_snapshot(first, config)
    second = changed(first)
    replied = next(c for c in second.cases if c not in first.cases and c.messages)
    still = next(c for c in second.cases if c in first.cases)
    memo_file = config.build_dir / memo_name
    data = marshal.loads(memo_file.read_bytes())
    marked = set()
    for key, value in data["cases"].items():
        case_id, new = mark(key, value)
        if case_id in (replied.id, still.id):
            data["cases"][key] = new
            marked.add(case_id)
    assert marked == {replied.id, still.id}
    memo_file.write_bytes(marshal.dumps(data))
    build_snapshot(second, config, audit=False)
    return config, replied.id, still.id


def test_a_kept_case_row_is_used_for_a_case_as_it_was_and_never_for_a_changed_one(first, tmp_path):
    """The rows of the case tables come from the last render for the cases whose row digest is
    the same, and are rendered again for the others (a reply changes the all-cases row)."""
    def mark(key: str, row: str):
        if not key.endswith(" all ../"):
            return None, None
        case_id = int(row.split("<td>", 2)[1].split("<", 1)[0])
        return case_id, row.replace("</tr>", f"<td>kept row {case_id}</td></tr>")

    config, replied, still = night_over_a_marked_memo(first, tmp_path / "site", incremental.CASE_ROWS_NAME, mark)
    listing = (config.build_dir / "docs" / "cases" / "index.md").read_text(encoding="utf-8")
    assert f"kept row {still}" in listing  # read from the kept rows, not rendered again
    assert f"kept row {replied}" not in listing  # its digest changed: rendered anew
    assert not any(f"kept row {replied}" in row for row in kept_rows(config).values())  # dropped with its case


def test_a_kept_export_record_is_used_for_a_case_as_it_was_and_never_for_a_changed_one(first, tmp_path):
    def mark(key: str, value: list[str]):
        record, line = value
        case_id = json.loads(record)["id"]
        return case_id, [record.replace("{", '{"kept":%d,' % case_id, 1), line]

    config, replied, still = night_over_a_marked_memo(first, tmp_path / "site", incremental.CASE_EXPORTS_NAME, mark)
    records = json.loads((config.build_dir / "docs" / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]
    # the unchanged case's record came from the memo; the replied one's was encoded anew
    assert {r["id"]: r.get("kept") for r in records if r["id"] in (replied, still)} == {still: still, replied: None}


def test_case_rows_made_with_other_templates_are_not_used(first, tmp_path, monkeypatch):
    config = folders(tmp_path / "site")
    build_snapshot(first, config)
    rows_file = config.build_dir / incremental.CASE_ROWS_NAME
    data = marshal.loads(rows_file.read_bytes())
    data["cases"] = {key: row.replace("</tr>", "<td>stale</td></tr>") for key, row in data["cases"].items()}
    rows_file.write_bytes(marshal.dumps(data))
    monkeypatch.setenv("SITE_URL", "https://cases.example.org/")  # what shapes every page: another inputs hash
    build_snapshot(first, config, audit=False)
    assert "stale" not in (config.build_dir / "docs" / "cases" / "index.md").read_text(encoding="utf-8")
    assert not any("stale" in row for row in kept_rows(config).values())


def test_a_page_gone_leaves_no_file_and_no_empty_folder(first, tmp_path):
    """A list that shrinks below a page of its own: its later pages go, with their folders."""
    config = folders(tmp_path / "site")
    build_snapshot(first, config)
    biggest = max(first.cases, key=lambda c: c.id)
    shrunk = replace(first, cases=tuple(c for c in first.cases if c.id != biggest.id),
                     withdrawn_ids=tuple(sorted({*first.withdrawn_ids, biggest.id})))
    lonely = [c for c in first.cases if c.virtual_organisations and c.id != biggest.id][:1]
    build_snapshot(shrunk, config)
    fresh = folders(tmp_path / "fresh")
    build_snapshot(shrunk, fresh, fresh=True)
    assert digests(config.site_dir) == digests(fresh.site_dir)
    assert empty_folders(config.site_dir) == [] and lonely


def test_a_change_to_what_shapes_every_page_is_a_full_build(first, tmp_path, monkeypatch):
    config = folders(tmp_path / "site")
    build_snapshot(first, config)
    monkeypatch.setenv("SITE_URL", "https://cases.example.org/")
    rebuilt = build_snapshot(first, config)
    assert rebuilt.assembled.changes.full
    assert "https://cases.example.org/cases/" in (config.site_dir / "sitemap.xml").read_text()


def test_a_kept_site_edited_by_hand_is_built_again_from_scratch(first, tmp_path):
    config = folders(tmp_path / "site")
    build_snapshot(first, config)
    page = config.site_dir / "cases" / str(first.cases[0].id) / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<p>edited</p></body>"))
    again = build_snapshot(first, config)
    assert again.assembled.changes.full and page.read_bytes() == original
    # a full build stages, and audits, every file
    assert again.audited == len(again.assembled.files)


def test_an_interrupted_render_renders_every_page_next_time(first, tmp_path):
    config = folders(tmp_path / "site")
    build_snapshot(first, config)
    state = config.build_dir / incremental.DOCS_STATE_NAME
    assert json.loads(state.read_text())["pages"]
    state.unlink()  # as a build killed while writing the docs folder leaves it
    (config.build_dir / "docs" / "index.md").write_text("half written")
    build_snapshot(first, config)
    assert "half written" not in (config.build_dir / "docs" / "index.md").read_text()


def test_a_case_quarantined_on_an_incremental_night_leaves_the_site_a_build_from_scratch_gives(tmp_path):
    """The audit of an incremental build reads only the staged files; a finding in a changed
    case's output there quarantines the case, and the build runs again over the kept site
    without it. The site is then the one a build from scratch of the same queue gives, with the
    same history (the case was published the night before: it becomes a withdrawal notice)."""
    import shutil

    from support.builds import raw_queue
    from test_pipeline_quarantine import PHONE, _hostile, _hostile_id

    import generator.screening.text as screening_text
    from generator.pipeline import build_site
    from generator.rt import records
    from generator.rt.source import READING_MEMO_NAME, load_raw_queue, remember_reading

    policy = Policy(salt=b"test-salt")
    kept, scratch = folders(tmp_path / "kept"), folders(tmp_path / "scratch")
    build_site(load_raw_queue(raw_queue(tmp_path, name="clean.json")), kept, policy)
    before = digests(kept.site_dir)
    shutil.copytree(kept.cache_dir, scratch.cache_dir)  # the same history; no site, no docs kept
    hostile = raw_queue(tmp_path, name="hostile.json", edit=_hostile)
    real = screening_text.find_all  # screening blind to phone numbers, the audit not
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(screening_text, "find_all",
                      lambda text, *args: [f for f in real(text, *args) if f.category != "phone"])
        night = build_site(load_raw_queue(hostile), kept, policy)
        fresh = build_site(load_raw_queue(hostile), scratch, policy)

    assert night.work["full"] is False and fresh.work["full"] is True
    assert night.publish["quarantined"] == fresh.publish["quarantined"] == 1
    site = digests(kept.site_dir)
    # read by the last audit: the files whose bytes are new, never the kept ones
    assert night.work["audited"] == sum(1 for name, digest in site.items() if before.get(name) != digest)
    assert site == digests(scratch.site_dir)
    published = json.loads((kept.site_dir / "data" / "cases.json").read_text(encoding="utf-8"))["cases"]
    assert _hostile_id(hostile) not in {c["id"] for c in published} and len(published) == 11
    assert not any(PHONE in p.read_text(errors="replace") for p in kept.site_dir.rglob("*") if p.is_file())


def test_a_night_screened_with_the_memo_gives_the_site_a_screening_of_every_ticket_gives(tmp_path, monkeypatch):
    """The next night screens only the tickets that changed (the others' outcomes are kept in
    the build folder); its site is, byte for byte, the one a build that screens every ticket
    gives, with the same history."""
    import shutil

    from support.builds import raw_queue

    import generator.screening as screening
    from generator.pipeline import build_site
    from generator.rt import records
    from generator.rt.source import READING_MEMO_NAME, load_raw_queue, remember_reading

    def next_night(data: dict) -> None:
        data["tickets"][1]["ticket"]["Subject"] += " (second phase)"
        data["tickets"][4]["attachments"][0]["Content"] += "\n\nThe pilot jobs finished; results look right."
        del data["tickets"][6]

    policy = Policy(salt=b"test-salt")
    kept, scratch = folders(tmp_path / "kept"), folders(tmp_path / "scratch")
    reading = kept.cache_dir / READING_MEMO_NAME  # the entries read before are not parsed again
    first = load_raw_queue(raw_queue(tmp_path, name="first.json"), memo=reading)
    build_site(first, kept, policy)
    remember_reading(first, reading)
    shutil.copytree(kept.cache_dir, scratch.cache_dir)  # the same history; no memo, no site kept
    night_file = raw_queue(tmp_path, name="night.json", edit=next_night)

    screened: list[int] = []
    parsed: list[int] = []
    real, real_parse = screening.screen_record, records.parse_entry
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(screening, "screen_record", lambda record, *a: screened.append(record.id) or real(record, *a))
        patch.setattr(records, "parse_entry", lambda *a: parsed.append(1) or real_parse(*a))
        with_memo = build_site(load_raw_queue(night_file, memo=reading), kept, policy)
    night = load_raw_queue(night_file)
    assert sorted(screened) == sorted(t.id for t in night.tickets if t.id in (2, 5)) and len(parsed) == 2
    fresh = build_site(night, scratch, policy)

    assert with_memo.work["full"] is False and fresh.work["full"] is True
    assert digests(kept.site_dir) == digests(scratch.site_dir)
    assert (kept.build_dir / "public" / "snapshot.json").read_bytes() == \
        (scratch.build_dir / "public" / "snapshot.json").read_bytes()
    assert (kept.reports_dir / "screening.json").read_bytes() == (scratch.reports_dir / "screening.json").read_bytes()
