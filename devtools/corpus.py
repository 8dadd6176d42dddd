"""Measure the screening on a labelled corpus, end to end: every planted item must stay out of
every byte the build writes, benign look-alikes must stay on their case's page.

A corpus is a folder with ``planted.jsonl`` and ``benign.jsonl`` (one JSON object a line):

* planted: ``id``, ``category``, ``slot``, ``text`` (the whole field or message), ``secret``
  (the substring of ``text`` that must not be published), ``note``;
* benign: ``id``, ``kind``, ``slot``, ``text``, ``keep`` (the substring that must survive).

Each item becomes one ticket of a raw queue (casecat-raw/1), its text in its slot: ``subject``,
``description``, ``reply``, ``reply-html``, ``vo``, ``discipline``, ``sites``, ``links``,
``contacts``, ``owner`` (the owner's real name) or ``status`` (RT's own status field); the
other fields hold plain filler. The queue is then built twice:

* **screened**: screen, render and ``mkdocs build``, without the audit gate: what screening
  alone lets through;
* **published**: the real ``build_site``, audit included: what the public would see (nothing,
  if the audit stops the build): the site folder and the reports that CI uploads.

An item leaks when its secret appears in any output file (the built site, the generated
pages, the public snapshot, the reports) or in any file's path: as written, HTML- or
JSON-escaped, percent-encoded, or in a normalised view of the file (entities decoded, NFKC,
invisible characters dropped, whitespace folded); for secrets that are not prose, also any
run of 12 of its non-space characters; a secret shorter than 8 characters counts only where it stands
as a word of its own (not inside a digest). Search shards are read with their tokens decoded.

    python -m devtools.corpus CORPUS_DIR [--work DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import html
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import ahocorasick

from generator.audit.theme import is_theme_asset, is_theme_file
from generator.config import Config
from generator.model import RawQueue
from generator.rt.records import RAW_FORMAT
from generator.rt.source import load_raw_queue
from generator.screening.policy import Policy

SLOTS = ("subject", "description", "reply", "reply-html", "vo", "discipline", "sites", "links", "contacts",
         "owner", "status")
CF_IDS = {"Implementation status": "2", "Scientific discipline": "3", "Virtual Organisation": "4",
          "Sites involved": "5", "External contacts": "6", "Links to related documents": "7"}
FILLER = {
    "subject": "Community {n}: cloud resources for data analysis",
    "description": "We would like to run our analysis on the federation's cloud resources. "
                   "Our group has 12 researchers and needs about 200 cores.",
    "reply": "Thank you for the request. We will discuss it at the next weekly meeting.",
    "vo": "vo.community{n}.example.eu",
    "discipline": "Natural Sciences / Physical sciences",
    "sites": "SITE-EXAMPLE-{n}",
    "links": "https://docs.example.org/community{n}/",
    "contacts": "Jo Example, University of Example (principal investigator)",
    "owner": "Support Team",
    "status": "open",
}
SHORT = 8  # a needle shorter than this counts only where it stands as a word of its own
PARTIAL = 12  # a run of this many characters of a non-prose secret is a partial leak (15 are always seen)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\u180e]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Item:
    id: str
    kind: str  # planted: category; benign: kind
    slot: str
    text: str
    target: str  # planted: the secret; benign: what must be kept
    note: str
    planted: bool


def load_corpus(folder: Path) -> list[Item]:
    items = []
    for name, planted in (("planted.jsonl", True), ("benign.jsonl", False)):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            slot = d.get("slot") or "description"
            if slot not in SLOTS:
                raise ValueError(f"{folder / name}: {d['id']}: unknown slot {slot!r}")
            target = d["secret"] if planted else d.get("keep") or d["text"]
            if target not in d["text"]:
                raise ValueError(f"{folder / name}: {d['id']}: its {'secret' if planted else 'keep'} is not in its text")
            items.append(Item(d["id"], d.get("category") or d.get("kind") or "", slot, d["text"], target,
                              d.get("note", ""), planted))
    ids = [i.id for i in items]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{folder}: duplicate ids")
    return items


# --- the raw queue ----------------------------------------------------------------------------


def raw_queue(items: list[Item], first_id: int = 1) -> tuple[dict[str, Any], dict[str, int]]:
    """A casecat-raw/1 queue with one ticket per item; returns it and item id -> ticket id."""
    tickets, where = [], {}
    for n, item in enumerate(items, start=first_id):
        tickets.append(_entry(n, item))
        where[item.id] = n
    raw = {"format": RAW_FORMAT, "queue": "technical-support-cases", "fetched_at": "2026-11-20T03:00:00Z",
           "source": "rt", "rt_web_url": "", "tickets": tickets}
    return raw, where


def _entry(n: int, item: Item) -> dict[str, Any]:
    value = {slot: FILLER.get(slot, "").format(n=n) for slot in SLOTS}
    value[item.slot] = item.text
    created = "2026-01-05T10:00:00Z"
    cfs = {
        "Implementation status": ["Assessed"],
        "Scientific discipline": [value["discipline"]],
        "Virtual Organisation": [value["vo"]],
        "Sites involved": [value["sites"]],
        "External contacts": [value["contacts"]],
        "Links to related documents": [value["links"]],
    }
    ticket = {
        "id": str(n), "type": "ticket", "Subject": value["subject"], "Status": value["status"],
        "Owner": {"id": "support", "Name": "support", "RealName": value["owner"], "type": "user"},
        "Created": created, "LastUpdated": "2026-01-06T10:00:00Z", "Resolved": "1970-01-01T00:00:00Z",
        "Queue": {"id": "3", "Name": "technical-support-cases", "type": "queue"},
        "Requestor": [], "Cc": [],
        "CustomFields": [{"id": CF_IDS[name], "name": name, "type": "customfield", "values": values}
                         for name, values in sorted(cfs.items())],
    }
    create, reply = 1000 * n + 1, 1000 * n + 2
    transactions = [
        {"id": str(create), "type": "transaction", "Type": "Create", "Created": created, "ObjectId": str(n),
         "ObjectType": "RT::Ticket", "Field": "", "OldValue": "", "NewValue": ""},
        {"id": str(reply), "type": "transaction", "Type": "Correspond", "Created": "2026-01-06T10:00:00Z",
         "ObjectId": str(n), "ObjectType": "RT::Ticket", "Field": "", "OldValue": "", "NewValue": ""},
    ]
    html_reply = item.slot == "reply-html"
    attachments = [
        {"id": str(create), "type": "attachment", "TransactionId": str(create), "ContentType": "text/plain",
         "Filename": "", "Content": value["description"]},
        {"id": str(reply), "type": "attachment", "TransactionId": str(reply),
         "ContentType": "text/html" if html_reply else "text/plain", "Filename": "",
         "Content": value["reply-html"] if html_reply else value["reply"]},
    ]
    return {"ticket": ticket, "transactions": transactions, "attachments": attachments}


# --- what the build wrote -----------------------------------------------------------------------


def fold(text: str) -> str:
    """The normalised view of an output: entities decoded, NFKC, invisibles gone, spaces folded."""
    text = html.unescape(html.unescape(text))
    text = unicodedata.normalize("NFKC", text)
    return _SPACE.sub(" ", _INVISIBLE.sub("", text))


def _decode_token(code: str) -> str:
    """Search shards write tokens as two letters a-p per UTF-8 byte (generator/site/search.py)."""
    if len(code) % 2 or not re.fullmatch(r"[a-p]*", code):
        return ""
    try:
        return bytes((ord(code[i]) - 97) * 16 + ord(code[i + 1]) - 97 for i in range(0, len(code), 2)).decode()
    except UnicodeDecodeError:
        return ""


def _shard_tokens(data: Any) -> list[str]:
    tokens = []
    if isinstance(data, list):
        for value in data:
            if isinstance(value, str):
                word = _decode_token(value)
                if word:
                    tokens.append(word)
    return tokens


@dataclass
class Output:
    """Every file a build wrote, as text in the forms a leak could take."""

    raw: dict[str, str] = field(default_factory=dict)  # path -> text as written
    folded: dict[str, str] = field(default_factory=dict)  # path -> normalised view
    #: the theme's own files, byte for byte the installed theme's (scripts, styles, fonts): no text
    #: of a case reaches them, so none is searched for a secret (lunr's segmenter holds every
    #: 4-digit number a door code may be); their text only says which runs of a secret are common
    theme: dict[str, str] = field(default_factory=dict)
    _cache: dict[int, tuple[str, list[int], list[str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, roots: dict[str, Path]) -> Output:
        out = cls()
        for label, root in roots.items():
            if not root.exists():
                continue
            paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
            for path in paths:
                rel = f"{label}/{path.relative_to(root).as_posix()}" if root.is_dir() else label
                data = path.read_bytes()
                if path.suffix == ".gz":
                    data = gzip.decompress(data)
                text = data.decode("utf-8", "replace")
                inside = path.relative_to(root).as_posix() if root.is_dir() else ""
                if label == "site" and is_theme_asset(inside) and is_theme_file(data, inside):
                    out.theme[rel] = text
                    continue
                if "/search/t/" in "/" + rel:
                    try:
                        text += "\n" + " ".join(_shard_tokens(json.loads(text)))
                    except ValueError:
                        pass
                out.raw[rel] = text + "\n" + rel
                out.folded[rel] = fold(text + "\n" + rel)
        return out

    def where(self, needles: set[str], folded_needles: set[str]) -> list[str]:
        """The files holding any of the needles (as written) or folded needles (normalised view)."""
        return self.where_each({"": (needles, folded_needles)}).get("", [])

    def where_each(self, wanted: dict[str, tuple[set[str], set[str]]]) -> dict[str, list[str]]:
        """``where`` for many items at once: one Aho-Corasick pass over each view finds every
        needle of every item (a search of the whole output per needle cost 3 ms each, a third of
        a corpus's run); item -> the files holding one of its needles, for items found only."""
        found: dict[str, list[str]] = {}
        for view, side in ((self._joined(self.raw), 0), (self._joined(self.folded), 1)):
            owners: dict[str, list[str]] = defaultdict(list)
            for key, pair in wanted.items():
                for needle in pair[side]:
                    owners[needle].append(key)
            if not owners:
                continue
            automaton = ahocorasick.Automaton()
            for needle in owners:
                automaton.add_word(needle, needle)
            automaton.make_automaton()
            big, starts, names = view
            for end, needle in automaton.iter(big):
                i = end - len(needle) + 1
                if _inside_a_longer_word(big, needle, i):
                    continue
                name = names[bisect.bisect_right(starts, i) - 1]
                for key in owners[needle]:
                    files = found.setdefault(key, [])
                    if name not in files:
                        files.append(name)
        return found

    def _joined(self, texts: dict[str, str]) -> tuple[str, list[int], list[str]]:
        """All texts in one string (a needle is then found in one scan), with where each starts."""
        key = id(texts)
        if key not in self._cache:
            starts, names, pieces, at = [], [], [], 0
            for name, text in texts.items():
                starts.append(at)
                names.append(name)
                pieces.append(text)
                at += len(text) + 1
            self._cache[key] = ("\0".join(pieces), starts, names)
        return self._cache[key]


_TAG = re.compile(r"<[^>]*>")
#: a window that is a scheme and the first characters of a host ("https://www.", "https://s3.c")
_SCHEME_START = re.compile(r"(?:https?|s?ftp|wss?)://[\w.-]{0,5}")
_SCHEME_AND_HOST = re.compile(r"(?:https?|s?ftp|wss?)://[^/\s?#@]+/?")
_LINK_ADDRESS = re.compile(r" \((?:https?|mailto|ftp):[^()\s]*\)")


def _inside_a_longer_word(big: str, needle: str, i: int) -> bool:
    """A short needle (a PIN, "5820") inside a longer run of letters and digits (a digest in a
    cache file, "a3f5820bc") is not that secret; nor is a number of any length inside a longer
    number (a passport's "23456789" inside a meeting's id "91234567890")."""
    end = i + len(needle)
    if needle.isdigit() and ((i > 0 and big[i - 1].isdigit()) or (end < len(big) and big[end].isdigit())):
        return True
    if len(needle) >= SHORT or not needle[0].isalnum() or not needle[-1].isalnum():
        return False
    return (i > 0 and big[i - 1].isalnum()) or (end < len(big) and big[end].isalnum())


def needles(item: Item, common: str = "") -> tuple[set[str], set[str]]:
    """The forms of a planted secret to look for in raw files and in the folded view (for an
    HTML reply, the secret is HTML source: its text, tags dropped and entities decoded, too).
    A partial run that also occurs in ``common`` (text that is published legitimately: the
    fillers, the benign items, the item's own text around its secret, all folded and without
    spaces) says nothing about the secret and is not looked for."""
    if item.slot == "reply-html":
        text_form = Item(item.id, item.kind, "reply", item.text, html.unescape(_TAG.sub("", item.target)),
                         item.note, item.planted)
        raw, folded = needles(text_form, common)
        more_raw, more_folded = needles(replace(item, slot="reply"), common)
        # (a run of the source that holds markup, "KEY-----<br>", is the markup's, not the secret's:
        # the text form's runs cover what is the secret's own)
        return raw | more_raw, folded | {n for n in more_folded if "<" not in n and ">" not in n}
    s = item.target
    raw = {s, html.escape(s), html.escape(s, quote=False), json.dumps(s)[1:-1], json.dumps(s, ensure_ascii=False)[1:-1],
           quote(s, safe="")}
    folded = {fold(s).strip()}
    # (a line or a sentence of the secret that other text of the corpus publishes legitimately,
    # a chat's "[13:41] Zuzana: jasné" that a benign paste also holds, says nothing of the secret)
    lines = [ln.strip() for ln in s.splitlines() if len(ln.strip()) >= 16 and not ln.strip().startswith("-----")]
    if len(lines) > 1:
        lines = [ln for ln in lines if "".join(fold(ln).split()) not in common]
        raw.update(lines)
        folded.update(fold(ln).strip() for ln in lines)
    if item.kind == "marker":  # prose: its sentences, not windows of it
        folded.update(fold(x).strip() for x in re.split(r"(?<=[.!?])\s+", s) if len(x.strip()) >= 24
                      and "".join(fold(x).split()) not in common)
    else:
        compact = "".join(fold(s).split())
        if len(compact) >= PARTIAL + 4:
            # every 4th window: any leaked run of PARTIAL + 3 characters holds one of them
            # (a window within an address's scheme and host, "https://storage.googleapis.com/", is
            # the public service's name, which a theme's template may hold: not the secret's)
            hosts = [m.span() for m in _SCHEME_AND_HOST.finditer(compact)]
            windows = {compact[i:i + PARTIAL] for i in range(0, len(compact) - PARTIAL + 1, 4)
                       if not any(lo <= i and i + PARTIAL <= hi for lo, hi in hosts)}
            around = "".join(fold(item.text.replace(s, "\0")).split())
            folded.update(w for w in windows  # a run of letters may be any word ("access_token" a parameter's
                          # name), a scheme any address's
                          if not re.sub(r"[_-]", "", w).isalpha() and not _SCHEME_START.fullmatch(w)
                          and w not in common and w not in around)
    return {n for n in raw if n}, {n for n in folded if len(n) >= 4}


# --- the two builds -----------------------------------------------------------------------------


def _config(base: Path) -> Config:
    return replace(Config(), cache_dir=base / "cache", build_dir=base / "build", site_dir=base / "site",
                   reports_dir=base / "reports")


def build_screened(raw: RawQueue, base: Path) -> tuple[Output, list[str]]:
    """Screen, render and build without the audit gate; returns the output and the audit's lines."""
    from generator import pipeline, publish
    from generator.audit import audit_site

    config = _config(base)
    policy = Policy(salt=b"corpus")
    history = publish.History("corpus", frozenset(), frozenset(), None)
    laps = pipeline._Laps()
    result = pipeline.screen(raw, config, policy, history, allow_shrink=True, log=lambda m: None)
    rendered = pipeline.render(result.snapshot, config, pipeline.PROJECT_ROOT, laps, config.site_dir)
    staging = base / "staging"
    built = pipeline.build(rendered, config, staging, laps, config.site_dir, fresh=True)
    pipeline.put_in_place(staging, config.site_dir, built)
    findings = [f.line() for f in audit_site(config.site_dir)]
    return Output.read({"site": config.site_dir, "build": config.build_dir, "reports": config.reports_dir}), findings


def build_published(raw: RawQueue, base: Path, with_build_folder: bool = False) -> tuple[Output, str]:
    """The real build, audit gate included; returns what was published and how the build ended
    (and, ``with_build_folder``, the build folder's files too: what the screened build reads)."""
    from generator import pipeline, publish

    config = _config(base)
    try:
        result = pipeline.build_site(raw, config, Policy(salt=b"corpus"), allow_shrink=True)
        ending = f"published {result.cases} cases"
    except (pipeline.PipelineError, publish.PublishError) as exc:
        ending = f"failed: {str(exc).splitlines()[0]}"
    folders = {"site": config.site_dir, "reports": config.reports_dir}
    if with_build_folder:
        folders["build"] = config.build_dir
    return Output.read(folders), ending


def _quarantined(base: Path) -> int:
    """How many cases the published build's audit quarantined (its screening report says)."""
    report = _config(base).reports_dir / "screening.json"
    if not report.exists():
        return 1
    quarantined = json.loads(report.read_text(encoding="utf-8")).get("cases_quarantined", 0)
    return len(quarantined) if isinstance(quarantined, list) else int(quarantined)


def kept(item: Item, ticket: int, out: Output) -> bool:
    """Is the benign text on its case page (read as text: markup between its lines is layout)?
    An HTML reply is compared without spaces: its source says nothing of the spaces a reader sees
    between two paragraphs or cells (``<p>Hi,</p><p>the``), so one can't be asked of the page."""
    page = fold(_TAG.sub(" ", out.raw.get(f"site/cases/{ticket}/index.html", "")))
    if item.slot == "reply-html":  # a link's address after its text is the renderer's, not lost text
        target = "".join(fold(html.unescape(_TAG.sub("", item.target))).split())
        # (a table's message is published one row to a line, its cells between bars: layout too)
        pages = (page, _LINK_ADDRESS.sub("", page))
        return any(target in "".join(p.split()) or "|" not in target and target in "".join(p.split()).replace("|", "")
                   for p in pages)
    return fold(item.target).strip() in page


@dataclass
class Score:
    planted: int = 0
    leaked: list[str] = field(default_factory=list)
    benign: int = 0
    lost: list[str] = field(default_factory=list)
    #: planted items found in the output whose whole secret is also a benign item's text
    unattributable: list[str] = field(default_factory=list)

    def line(self) -> str:
        recall = 100 * (self.planted - len(self.leaked)) / max(self.planted, 1)
        preserved = 100 * (self.benign - len(self.lost)) / max(self.benign, 1)
        line = (f"recall {recall:.1f}% ({self.planted - len(self.leaked)}/{self.planted} planted items absent), "
                f"preservation {preserved:.1f}% ({self.benign - len(self.lost)}/{self.benign} benign kept)")
        if self.unattributable:
            line += f"; {len(self.unattributable)} planted found only as a benign item's text ({', '.join(self.unattributable)})"
        return line


class _Common(str):
    """``common_text`` with the runs of ``PARTIAL`` characters it holds in a set: a secret's
    windows are each looked up there, not searched for in the whole text (a catalogue of several
    corpora publishes megabytes of it). Built of the text and of its lower case: the search
    index keeps words lower-cased (a dCache id "0000A1B2C3D4..." of one item is the token
    "0000a1b2c3d4..." that another item's signature "...0a1b2c3d4e5f6..." shares a run with)."""

    _windows: set[str] | None = None

    def __contains__(self, part: object) -> bool:
        if isinstance(part, str) and len(part) == PARTIAL:
            if self._windows is None:
                self._windows = {self[i:i + PARTIAL] for i in range(len(self) - PARTIAL + 1)}
            return part in self._windows
        return str.__contains__(self, part)  # type: ignore[operator]


def common_text(items: list[Item]) -> str:
    """What the corpus publishes legitimately: the fillers, the benign items, and the planted
    items' text around their secrets (folded, no spaces): a run of a secret that another item's
    harmless text also holds (a writer who reused a random string for a job's id) says nothing."""
    texts = [v.format(n=0) for v in FILLER.values()] + [i.text for i in items if not i.planted] \
        + [i.text.replace(i.target, "\0") for i in items if i.planted]
    return "\0".join("".join(fold(t).split()) for t in texts)


def theme_text(out: Output) -> str:
    """The theme's own files (``Output.theme``), folded and without spaces: a run of a secret
    found there ("i/v4/project" in a script) says nothing."""
    return "\0".join("".join(fold(text).split()) for text in out.theme.values())


def score(items: list[Item], where: dict[str, int], out: Output,
          catalogue: list[Item] | None = None) -> tuple[Score, dict[str, list[str]]]:
    """Score ``items`` on ``out``, a build of ``catalogue`` (every item its queue held; by
    default, ``items``): what any of them publishes legitimately says nothing of a secret."""
    return score_each({"": items}, where, out, catalogue)[""]


def score_each(corpora: dict[str, list[Item]], where: dict[str, int], out: Output,
               catalogue: list[Item] | None = None) -> dict[str, tuple[Score, dict[str, list[str]]]]:
    """``score`` for each of several corpora built in one catalogue, the output searched once
    for the needles of them all."""
    catalogue = [i for items in corpora.values() for i in items] if catalogue is None else catalogue
    published = common_text(catalogue) + "\0" + theme_text(out)
    common = _Common(published + "\0" + published.lower())
    benign = "\0".join("".join(fold(i.text).split()) for i in catalogue if not i.planted)
    places = out.where_each({i.id: needles(i, common) for items in corpora.values() for i in items if i.planted})
    return {name: _tally(items, where, out, places, benign) for name, items in corpora.items()}


def _tally(items: list[Item], where: dict[str, int], out: Output, places: dict[str, list[str]],
           benign: str) -> tuple[Score, dict[str, list[str]]]:
    s, leaks = Score(), {}
    for item in items:
        if item.planted:
            s.planted += 1
            found = places.get(item.id, [])
            own_page = f"site/cases/{where[item.id]}/"
            if found and "".join(fold(item.target).split()) in benign and not any(f.startswith(own_page) for f in found):
                # (a benign item holds the whole secret: its page, and the files every case is in, may
                # show it; the planted item's own page may not)
                s.unattributable.append(item.id)
            elif found:
                s.leaked.append(item.id)
                leaks[item.id] = found[:5]
        else:
            s.benign += 1
            if not kept(item, where[item.id], out):
                s.lost.append(item.id)
    return s, leaks


def measure(corpus: Path, work: Path, both_builds: bool = True) -> dict[str, Any]:
    """Build the corpus's queue twice (screened, then published) and score both. ``both_builds``
    false: the published build first, and the screened one only if the audit quarantined a case or
    failed the build; when it quarantined none, its output is the screened build's (the same
    pages, the audit having changed nothing), read with the build folder, and scored once."""
    return measure_many([corpus], work, both_builds)[str(corpus)]


def measure_many(corpora: list[Path], work: Path, both_builds: bool = True) -> dict[str, dict[str, Any]]:
    """``measure`` for several corpora through one catalogue: their tickets side by side in one
    queue (numbered on), built once, each corpus scored on its own items. A build's fixed costs
    (MkDocs, the theme, the search index, the audit) are then paid once, not once a corpus.
    Text another corpus publishes legitimately says nothing of a secret, as in one corpus."""
    loaded = {str(c): load_corpus(c) for c in corpora}
    everything = [item for items in loaded.values() for item in items]
    ids = [i.id for i in everything]
    if len(ids) != len(set(ids)):
        raise ValueError("two corpora share an item id: they can't be measured in one catalogue")
    raw_dict, where = raw_queue(everything)
    work.mkdir(parents=True, exist_ok=True)
    raw_file = work / "corpus.raw.json"
    raw_file.write_text(json.dumps(raw_dict, ensure_ascii=False, indent=1), encoding="utf-8")
    raw = load_raw_queue(raw_file)
    shutil.rmtree(work / "screened", ignore_errors=True)
    shutil.rmtree(work / "published", ignore_errors=True)
    screened_out: Output | None = None
    audit_lines: list[str] = []
    if both_builds:
        screened_out, audit_lines = build_screened(raw, work / "screened")
    published_out, ending = build_published(raw, work / "published", with_build_folder=not both_builds)
    if not both_builds and not (ending.startswith("published ") and not _quarantined(work / "published")):
        # (a case withheld: what the screening alone lets through is measured apart)
        screened_out, audit_lines = build_screened(raw, work / "screened")
    published = score_each(loaded, where, published_out)
    # (screened_out None: the published build is the screened one, the audit having changed nothing)
    screened = published if screened_out is None else score_each(loaded, where, screened_out)
    return {name: _result(name, items, *screened[name], *published[name], ending, len(audit_lines))
            for name, items in loaded.items()}


def _result(corpus: str, items: list[Item], screened: Score, leaks: dict[str, list[str]], published: Score,
            published_leaks: dict[str, list[str]], ending: str, audit_findings: int) -> dict[str, Any]:
    by_item = {i.id: i for i in items}
    classes: dict[str, Counter] = defaultdict(Counter)
    for item in items:
        if item.planted:
            classes[f"{item.kind} in {item.slot}"]["planted"] += 1
            classes[f"{item.kind} in {item.slot}"]["leaked"] += item.id in leaks
    return {
        "corpus": corpus,
        "planted": screened.planted,
        "benign": screened.benign,
        "screened": {"line": screened.line(), "leaked": screened.leaked, "lost": screened.lost,
                     "audit_findings": audit_findings},
        "published": {"line": published.line(), "leaked": published.leaked, "lost": published.lost, "build": ending},
        "leaks": {i: {"category": by_item[i].kind, "slot": by_item[i].slot, "note": by_item[i].note, "files": f}
                  for i, f in leaks.items()},
        "published_leaks": published_leaks,
        "by_class": {k: dict(v) for k, v in sorted(classes.items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.corpus", description="Screening recall and "
                                     "preservation of a labelled corpus, measured on every output byte.")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--work", type=Path, help="where to build (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="write the whole result here")
    parser.add_argument("--verbose", action="store_true", help="list every leaked and lost item")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="casecat-corpus-"))
    result = measure(args.corpus, work)
    print(f"{result['corpus']}: {result['planted']} planted, {result['benign']} benign")
    print(f"  screened (no audit gate): {result['screened']['line']}; "
          f"the audit would report {result['screened']['audit_findings']} finding(s)")
    print(f"  published ({result['published']['build']}): {result['published']['line']}")
    if args.verbose:
        for i, leak in result["leaks"].items():
            print(f"  leaked {i} ({leak['category']} in {leak['slot']}: {leak['note']}): {', '.join(leak['files'][:3])}")
        for i in result["screened"]["lost"]:
            print(f"  lost {i}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
