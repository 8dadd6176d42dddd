"""Site search: a chunked full-text index of the public cases, written next to the site.

Material's built-in search ships one ``search_index.json`` holding every page's text (3.6 MB at
1,000 pages, ~40 MB at 10,000) that a reader downloads whole before the first result, and
building it is about 40% of MkDocs' time. This index is made from the public snapshot instead
(the same screened text the pages show, no HTML parsing) and split so that a query fetches
only what it needs:

* ``search/manifest.json``: the token prefixes that have a shard, and how documents are chunked;
* ``search/t/<code of prefix>.json``: ``[code, [doc, weight, doc-delta, weight, ...], code, ...]``
  for the tokens starting with that prefix (a prefix whose shard would be too large is split one
  letter deeper);
* ``search/d/<n>.json``: ``[[url, title, status, snippet], ...]`` for ``DOCS_PER_CHUNK`` cases.

Tokens are written as ``code(token)``: each UTF-8 byte as two letters a-p. A word list read out
of context trips the audit's detectors, rightly context-sensitive (``non-confidential`` becomes the
marker word ``confidential``, a grant number next to ``00`` reads as a phone number); the code has
no digits, no '@', and none of the letters q-z that every marker and credential word holds. It
keeps prefixes (a token's prefix codes to a prefix of its code), so search as you type works.

What a reader downloads before the first result: the script, the manifest, one shard per query
word and the chunks holding the first results: a few hundred KB at 10,000 cases. The snippet
around the match is cut from the result's own page, fetched by the client for the results shown,
so the index holds no second copy of the text. Withdrawn cases are not in the snapshot's cases,
so they are never indexed; the hand-written pages (``docs/*.md``) are.
The client is ``templates/theme/assets/javascripts/casecat-search.js``.

The tokeniser is one spec for both sides (``tokens`` here, ``tokens`` in the client), tested on
the same vectors (tests/data/tokeniser-vectors.json) in Python and in Chromium:

1. Unicode NFKC (compatibility forms fold: full-width letters, ligatures, superscripts);
2. lower case (Unicode's default mapping, as ``str.lower`` and ``toLowerCase``), then the final
   sigma ``ς`` as ``σ``;
3. accents dropped from Latin, Greek and Cyrillic letters (NFD, the nonspacing marks after a
   letter of those scripts removed, NFC): ``café`` composed or decomposed is ``cafe``; marks of
   other scripts, whose vowels they often are, stay;
4. tokens are the runs of letters, marks, digits and ``_``; Han, Hiragana and Katakana
   characters, written without spaces, are a token each; other tokens need two characters, and
   keep their first 32.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

import markdown
import yaml
from backrefs import bre

from generator.model import FieldKind, FieldSource, PublicCase, PublicSnapshot, PublishedField, published_fields
from generator.site import fieldtables, urls
from generator.site.text import without_bidi_controls

FORMAT = "casecat-search/1"
DOCS_PER_CHUNK = 64
SHARD_LIMIT = 48_000  # bytes; a larger shard is split by one more letter of its tokens
MAX_PREFIX = 4
SNIPPET = 160
SCRIPT = "assets/javascripts/casecat-search.js"  # the client, shipped by the theme (templates/theme)
WEIGHT_TITLE, WEIGHT_FACT, WEIGHT_TEXT_MAX = 8, 4, 3
MAX_TOKEN = 32
# the same expressions are in casecat-search.js (JavaScript's \p{...} with the u flag)
_ACCENTED = bre.compile(r"([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{Mn}+")
_IDEOGRAPH = bre.compile(r"[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]")
_WORD = bre.compile(r"[\p{L}\p{M}\p{N}_]+")


def normalise(text: str) -> str:
    """Steps 1 to 3 of the tokeniser spec (see the module's docstring)."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("ς", "σ")
    return unicodedata.normalize("NFC", _ACCENTED.sub(r"\1", unicodedata.normalize("NFD", folded)))


def tokens(text: str) -> list[str]:
    """The search tokens of a text, by the spec in the module's docstring."""
    if text.isascii():  # most ticket text: the same tokens, several times faster
        return _ascii_tokens(text)
    # a text with a few words that are not ASCII (a dash, a name): its runs of ASCII words take
    # the fast path, each other word every step of the spec. No token spans white space, and no
    # step of the spec joins or changes anything across it (no normal form composes a space
    # with what follows, NFKC makes every other space an ASCII one), so the tokens are the same
    found: list[str] = []
    run: list[str] = []
    for word in text.split():
        if word.isascii():
            run.append(word)
            continue
        if run:
            found += _ascii_tokens(" ".join(run))
            run.clear()
        found += unicode_tokens(word)
    if run:
        found += _ascii_tokens(" ".join(run))
    return found


def _ascii_tokens(text: str) -> list[str]:
    words = _ASCII_WORD.findall(text.lower())
    if max(map(len, words), default=0) > MAX_TOKEN:  # seldom: a hash, a long identifier
        return [w[:MAX_TOKEN] for w in words]
    return words


def unicode_tokens(text: str) -> list[str]:
    """``tokens`` for any text, each step of the spec taken."""
    spaced = _IDEOGRAPH.sub(r" \g<0> ", normalise(text))
    words = [m.group() for m in _WORD.finditer(spaced)]
    return [w[:MAX_TOKEN] for w in words if len(w) >= 2 or _IDEOGRAPH.fullmatch(w)]


#: the spec on ASCII text: NFKC and accents change nothing, there are no marks or ideographs, and
#: the letters, digits and ``_`` left after lower-casing are these
_ASCII_WORD = re.compile(r"[a-z0-9_]{2,}")  # a token has two characters or more


def _snippet(text: str) -> str:
    """The start of a text, its lines kept (the client folds them to spaces): what the snippet
    says reads as the page reads, a value on the line after its label is not run into it."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    flat = without_bidi_controls(_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip())
    if len(flat) <= SNIPPET:
        return flat
    cut = flat[: SNIPPET - 1]
    at = max(cut.rfind(" "), cut.rfind("\n"))
    cut = (cut[:at] if at > 0 else cut).rstrip()
    line_start = cut.rfind("\n")
    if line_start > 0 and " " not in cut[line_start + 1:]:
        cut = cut[:line_start].rstrip()  # a word cut from its line would stand alone as a value would
    sentences = list(_SENTENCE_END.finditer(cut))
    if sentences and sentences[-1].end() >= SNIPPET // 2:
        # a snippet ends with a whole sentence when one ends in its second half: a sentence cut
        # short loses what makes it what it is ("... za povjerljive podatke na…" without its
        # question mark read as a marking; screening read the question)
        cut = cut[:sentences[-1].end()]
    return cut + "…"


_SENTENCE_END = re.compile(r"[.!?](?=\s)")


_BLANK_LINES = re.compile(r"\n{3,}")


def searched_texts(case: PublicCase, weight_class: str) -> list[str]:
    """The texts of the case's published fields (model.PUBLISHED_FIELDS) whose words the index
    weighs as ``weight_class`` ("title", "fact" or "text")."""
    found: list[str] = []
    for f in published_fields():
        if f.source is FieldSource.SITE:
            continue
        value = getattr(case, f.attr)
        if f.kind is FieldKind.RECORDS:
            found += [text for item in value for p in f.parts if p.search == weight_class
                      for text in _texts(p, getattr(item, p.attr))]
        elif f.search == weight_class:
            found += _texts(f, value)
    return found


def _texts(f: PublishedField, value) -> list[str]:
    if f.kind is FieldKind.TEXTS:
        return list(value)
    if f.kind is FieldKind.STATUS:
        return [value.label] if value else []
    return [str(value)]


def _weights(texts: tuple[list[str], list[str], list[str]]) -> dict[str, int]:
    """A case's token weights from its ``case_texts``."""
    title, fact, text = texts
    counts: Counter[str] = Counter()
    for part in text:
        counts.update(tokens(part))
    weights: dict[str, int] = defaultdict(int, {t: min(n, WEIGHT_TEXT_MAX) for t, n in counts.items()})
    for token in tokens(" ".join(fact)):
        weights[token] = max(weights[token], WEIGHT_FACT)
    for token in tokens(" ".join(title)):
        weights[token] = WEIGHT_TITLE + min(weights[token], WEIGHT_FACT)
    return weights


def _page_weights(title: str, text: str) -> dict[str, int]:
    weights: dict[str, int] = defaultdict(int)
    for token in tokens(text):
        if weights[token] < WEIGHT_TEXT_MAX:
            weights[token] += 1
    for token in tokens(title):
        weights[token] = WEIGHT_TITLE + min(weights[token], WEIGHT_FACT)
    return weights


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def handwritten_pages(docs_dir: Path) -> list[tuple[str, str, str]]:
    """``(url, title, text)`` of each hand-written page in ``docs_dir`` (its Markdown rendered
    and stripped to text), unless its front matter says ``search: {exclude: true}``."""
    found = []
    for path in sorted(docs_dir.rglob("*.md")):
        source = fieldtables.fill(path.read_text(encoding="utf-8"), str(path))
        meta: dict = {}
        if source.startswith("---\n"):
            head, _, source = source[4:].partition("\n---\n")
            meta = yaml.safe_load(head) or {}
        if (meta.get("search") or {}).get("exclude"):
            continue
        parser = _Text()
        parser.feed(markdown.markdown(source, extensions=["tables"]))
        text = " ".join("".join(parser.parts).split())
        heading = next((line[2:].strip() for line in source.splitlines() if line.startswith("# ")), "")
        rel = path.relative_to(docs_dir).as_posix()
        found.append((urls.page_url(rel), str(meta.get("title") or heading or rel), text))
    return found


def case_texts(case: PublicCase) -> tuple[list[str], list[str], list[str]]:
    """The case's searched texts of each weight class: title, fact, text."""
    return searched_texts(case, "title"), searched_texts(case, "fact"), searched_texts(case, "text")


def texts_key(texts: tuple[list[str], list[str], list[str]]) -> str:
    """What a case's search weights are made from (its ``case_texts``), as one digest
    (``build_index``'s cache key)."""
    return hashlib.sha256(repr(tuple(tuple(t) for t in texts)).encode("utf-8", "surrogatepass")).hexdigest()


def build_index(snapshot: PublicSnapshot, pages: Sequence[tuple[str, str, str]] = (),
                weights: dict | None = None, keys: list[str] | None = None) -> dict[str, object]:
    """``{relative path under the site: JSON-able content}`` of the whole index: the hand-written
    ``pages`` (``handwritten_pages``), then the public cases. ``weights``: a cache of each case's
    token weights by ``texts_key`` (kept by ``search_update.index_files``), read and brought up
    to date: tokenising is most of the work, and a night changes few cases. ``keys``: filled with
    each case's ``texts_key``, in the order of the documents."""
    cases = sorted(snapshot.cases, key=lambda c: c.id)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    docs = []
    # the hand-written pages first, then the cases by id: a new case (the highest id) is added at
    # the end, and the numbers of every other document stay, and so do the files holding them
    for number, (url, title, text) in enumerate(pages):
        docs.append([url, title, "", _snippet(text)])
        for token, weight in _page_weights(title, text).items():
            postings[token].append((number, weight))
    known = weights if weights is not None else {}
    current = {}
    for number, case in enumerate(cases, start=len(docs)):
        docs.append(case_document(case))
        texts = case_texts(case)  # what the key is made from, and the weights when not kept
        key = texts_key(texts)
        entry = current[key] = known.get(key) or weights_entry(texts)
        for token, weight in zip(*entry):
            postings[token].append((number, weight))
        if keys is not None:
            keys.append(key)
    if weights is not None:
        weights.clear()
        weights.update(current)

    files: dict[str, object] = {}
    for start in range(0, len(docs), DOCS_PER_CHUNK):
        files[f"d/{start // DOCS_PER_CHUNK}.json"] = docs[start:start + DOCS_PER_CHUNK]
    shards = token_shards(postings, files)
    files["manifest.json"] = manifest(len(docs), shards)
    return files


def case_document(case: PublicCase) -> list[str]:
    """A case's entry in the document chunks: its address, title, status and snippet."""
    status = case.implementation_status.label if case.implementation_status else ""
    return [urls.page_url(urls.case_path(case.id)), without_bidi_controls(f"{case.subject} (case {case.id})"),
            status, _snippet(case.description)]


def manifest(docs: int, shards: Sequence[str]) -> dict:
    return {"format": FORMAT, "docs": docs, "docs_per_chunk": DOCS_PER_CHUNK, "shards": sorted(set(shards))}


def token_shards(postings: dict[str, list[tuple[int, int]]], files: dict[str, object]) -> list[str]:
    """The shards of these tokens' postings (each list in document order) put into ``files``
    (``t/<code>.json``), grouped by their first two letters; returns the shards' codes. A group's
    shards depend on its own tokens only (``search_update`` makes a changed group's again)."""

    def encode(entries: list[tuple[int, int]]) -> list[int]:
        flat: list[int] = []
        previous = 0
        for number, weight in entries:
            flat += (number - previous, weight)
            previous = number
        return flat

    encoded = {token: encode(entries) for token, entries in postings.items()}
    shards: list[str] = []

    def flat(members: list[str]) -> list:
        return [item for t in members for item in (code(t), encoded[t])]

    def place(prefix: str, members: list[str]) -> None:
        shard = flat(members)
        size = len(json.dumps(shard, separators=(",", ":"), ensure_ascii=False).encode())
        if size > SHARD_LIMIT and len(prefix) < MAX_PREFIX:
            deeper: dict[str, list[str]] = defaultdict(list)
            exact = [t for t in members if len(t) <= len(prefix)]
            for t in members:
                if len(t) > len(prefix):
                    deeper[t[: len(prefix) + 1]].append(t)
            if exact:  # the tokens no longer than the prefix stay in the prefix's own shard
                shards.append(code(prefix))
                files[f"t/{code(prefix)}.json"] = flat(exact)
            for sub, sub_members in sorted(deeper.items()):
                place(sub, sub_members)
            return
        shards.append(code(prefix))
        files[f"t/{code(prefix)}.json"] = shard

    by_two: dict[str, list[str]] = defaultdict(list)
    for token in sorted(encoded):
        by_two[group_of(token)].append(token)
    for prefix, members in sorted(by_two.items()):
        place(prefix, members)
    return shards


def group_of(token: str) -> str:
    """The group of a token (or of a shard's prefix): its first two letters."""
    return token[:2]


def weights_entry(texts: tuple[list[str], list[str], list[str]]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """A case's token weights from its ``case_texts``, as the cache keeps them: tokens, weights."""
    weights = _weights(texts)
    return tuple(weights), tuple(weights.values())


_NIBBLES = "abcdefghijklmnop"


def code(token: str) -> str:
    """Each UTF-8 byte of the token as two letters a-p (see the module's docstring); the same
    as ``code()`` in casecat-search.js."""
    return "".join(_NIBBLES[b >> 4] + _NIBBLES[b & 15] for b in token.encode())


def decode(coded: str) -> str | None:
    """The token that ``code`` wrote (None for text that is not a code)."""
    if len(coded) % 2 or not set(coded) <= set(_NIBBLES):
        return None
    try:
        return bytes(_NIBBLES.index(coded[i]) * 16 + _NIBBLES.index(coded[i + 1]) for i in range(0, len(coded), 2)).decode()
    except UnicodeDecodeError:
        return None


def first_result_bytes(site_dir: Path) -> dict[str, int]:
    """What a reader downloads before the first result, as a bound read from the built files:
    the script, the manifest, the 4 largest shards (a query loads one per word, up to 4 for the
    word being typed) and the 10 largest document chunks (the 10 results shown)."""
    root = site_dir / "search"

    def sizes(pattern: str) -> list[int]:
        return sorted((p.stat().st_size for p in root.glob(pattern)), reverse=True)

    script = site_dir / SCRIPT
    fixed = (root / "manifest.json").stat().st_size + (script.stat().st_size if script.is_file() else 0)
    shards, chunks = sizes("t/*.json"), sizes("d/*.json")
    return {"first_result_bytes": fixed + sum(shards[:4]) + sum(chunks[:10]), "fixed_bytes": fixed,
            "largest_shard_bytes": shards[0] if shards else 0, "files": len(shards) + len(chunks),
            "total_index_bytes": sum(shards) + sum(chunks) + (root / "manifest.json").stat().st_size}


def index_bytes(files: dict[str, object]) -> dict[str, bytes]:
    """``build_index``'s files as they are written: ``{path under the site: bytes}``."""
    return {f"search/{rel}": json.dumps(content, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
            for rel, content in files.items()}


def write_index(files: dict[str, object], site_dir: Path) -> int:
    """Writes ``build_index``'s files under ``site_dir/search/``; returns their number."""
    for rel, data in index_bytes(files).items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return len(files)

