"""The search index of the kept site brought to a new snapshot: only the shards and document
chunks that hold a changed case are made again; every other file is the kept site's, as it is.

``search.build_index`` makes the whole index from every case's token weights, a few seconds at
10,000 cases even when the weights are kept. A night changes a few cases: their tokens, before
and after, fall into a few of the groups the shards are made by (``search.group_of``), and their
documents into a few chunks. The update reads those groups' shards and those chunks back from
the kept site, takes the changed cases' postings and entries out, puts their new ones in, and
makes each such group's shards as ``build_index`` does: the same files, byte for byte.

It holds only for the index the kept state describes (``IndexState``: made from these
hand-written pages, these cases in this order, each by its render digest, into files with these
sha256, which the kept site, checked file for file, holds); a case withdrawn (the documents after
it would be numbered anew), a case whose kept weights are gone, anything unexpected in a kept
file: ``update`` gives None, and the index is made whole.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import kept
from generator.model import PublicCase, PublicSnapshot
from generator.site.search import (
    DOCS_PER_CHUNK,
    build_index,
    case_document,
    case_texts,
    decode,
    group_of,
    handwritten_pages,
    index_bytes,
    manifest,
    texts_key,
    token_shards,
    weights_entry,
)

#: where the index's files are in the site
PREFIX = "search/"
#: the file a build keeps for the next: each case's token weights, and the state of its index
WEIGHTS_FORMAT = "casecat-search-weights/2"


@dataclass(frozen=True)
class IndexState:
    """What the index of a build was made from, and the files it made."""

    pages: str  # pages_key of the hand-written pages
    ids: list[int]  # the cases, in the order of their documents (after the pages')
    cases: list[str]  # each case's render digest (hex): equal digests, equal cases
    texts: list[str]  # each case's texts_key, the key of its kept weights
    files: dict[str, str]  # path under the site -> sha256 of its bytes

    def kept(self) -> dict:
        return {"pages": self.pages, "ids": self.ids, "cases": self.cases, "texts": self.texts, "files": self.files}

    @classmethod
    def of(cls, data) -> IndexState | None:
        """The state a kept file holds, or None when it holds anything else."""
        try:
            state = cls(data["pages"], list(data["ids"]), list(data["cases"]), list(data["texts"]), dict(data["files"]))
        except (TypeError, KeyError, ValueError):
            return None
        fine = (isinstance(state.pages, str) and len(state.ids) == len(state.cases) == len(state.texts)
                and all(isinstance(i, int) for i in state.ids)
                and all(isinstance(v, str) for v in (*state.cases, *state.texts, *state.files, *state.files.values())))
        return state if fine else None


def pages_key(pages: Sequence[tuple[str, str, str]]) -> str:
    return hashlib.sha256(repr(list(pages)).encode("utf-8", "surrogatepass")).hexdigest()


def file_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def update(state: IndexState, pages: Sequence[tuple[str, str, str]], cases: Sequence[PublicCase],
           digests: Sequence[str], weights: dict, site_files: Mapping[str, str],
           read: Callable[[str], bytes]) -> tuple[dict[str, bytes], list[str]] | None:
    """The index's files (``search.index_bytes``'s form) for ``cases`` (sorted by id, with their
    render ``digests``) and the hand-written ``pages``, made from the kept index, and each case's
    texts_key; ``weights`` is brought up to date as ``build_index`` does. ``site_files``: the
    kept site's files and their sha256; ``read(path)``: a kept file's bytes. None when the kept
    index cannot be brought (a full index is made then)."""
    kept_files = {rel: sha for rel, sha in site_files.items() if rel.startswith(PREFIX)}
    ids = [case.id for case in cases]
    if state.pages != pages_key(pages) or ids[:len(state.ids)] != state.ids or kept_files != state.files:
        return None
    first = len(pages)  # the number of the first case's document
    texts_keys = state.texts + [""] * (len(cases) - len(state.ids))
    changed = [i for i in range(len(cases)) if i >= len(state.ids) or state.cases[i] != digests[i]]
    moved: set[tuple[str, int]] = set()  # (token, weight) of a changed case, kept or new, not both
    entries: dict[int, tuple] = {}
    for i in changed:
        texts = case_texts(cases[i])
        texts_keys[i] = key = texts_key(texts)
        entries[i] = entry = weights.get(key) or weights_entry(texts)
        old = weights.get(state.texts[i]) if i < len(state.ids) else ((), ())
        if old is None:
            return None
        moved.update(set(zip(*old)) ^ set(zip(*entry)))
    current = {}
    for i, key in enumerate(texts_keys):
        entry = entries.get(i) or weights.get(key)
        if entry is None:
            return None
        current[key] = entry
    try:
        files = _updated(state, first, len(cases), cases, changed, entries, {t for t, _ in moved}, read)
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None  # a kept file that is not what the index writes
    if files is None:
        return None
    weights.clear()
    weights.update(current)
    return files, texts_keys


def _updated(state: IndexState, first: int, count: int, cases: Sequence[PublicCase], changed: list[int],
             entries: dict[int, tuple], moved: set[str], read: Callable[[str], bytes]) -> dict[str, bytes] | None:
    """The files of the groups holding a token whose postings changed (``moved``), read back and
    made again, and of the chunks holding a changed case; the others read as they are."""
    groups = {group_of(t) for t in moved}
    old_manifest = json.loads(read(PREFIX + "manifest.json"))
    old_shards = list(old_manifest["shards"])
    replaced = {first + i for i in changed}
    # the postings of the changed groups' tokens, read back from their kept shards
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    dropped = set()
    for shard in old_shards:
        prefix = decode(shard)
        if prefix is None:
            return None
        if group_of(prefix) not in groups:
            continue
        dropped.add(shard)
        flat = json.loads(read(f"{PREFIX}t/{shard}.json"))
        for coded, deltas in zip(flat[::2], flat[1::2]):
            token = decode(coded)
            if token is None or group_of(token) not in groups:
                return None
            number = 0
            found = postings[token]
            for delta, weight in zip(deltas[::2], deltas[1::2]):
                number += delta
                if number not in replaced:
                    found.append((number, weight))
    for i in changed:  # (in the other groups, a changed case's postings are the kept ones)
        for token, weight in zip(*entries[i]):
            if group_of(token) in groups:
                postings[token].append((first + i, weight))
    postings = {token: sorted(found) for token, found in postings.items() if found}
    made: dict[str, object] = {}
    new_shards = token_shards(postings, made)
    # the chunks holding a changed case's document
    docs = first + count
    for chunk in sorted({(first + i) // DOCS_PER_CHUNK for i in changed}):
        start = chunk * DOCS_PER_CHUNK
        rel = f"d/{chunk}.json"
        old = json.loads(read(PREFIX + rel)) if PREFIX + rel in state.files else []
        part = []
        for number in range(start, min(start + DOCS_PER_CHUNK, docs)):
            i = number - first
            if 0 <= i and i in entries:
                part.append(case_document(cases[i]))
            elif number - start < len(old):
                part.append(old[number - start])
            else:
                return None
        made[rel] = part
    made["manifest.json"] = manifest(docs, [s for s in old_shards if s not in dropped] + new_shards)
    files = index_bytes(made)
    gone_files = {f"{PREFIX}t/{s}.json" for s in dropped}
    for rel in state.files:
        if rel not in files and rel not in gone_files:
            files[rel] = read(rel)
    return files



def index_files(snapshot: PublicSnapshot, handwritten: Path, weights_file: Path, version: str,
                digests: Mapping[int, str] | None = None, site_files: Mapping[str, str] | None = None,
                site_dir: Path | None = None) -> dict[str, bytes]:
    """The search index of the snapshot and the hand-written pages in ``handwritten``, as
    ``search.index_bytes`` gives it. Kept in ``weights_file`` for the next build (for as long as
    ``version``, the tokeniser's, is the same): the cases' token weights, and with ``digests``
    (each case's render digest, by id) the state of this index. With the kept site's files
    (``site_files``: path -> sha256, checked) in ``site_dir``, the kept index is brought to the
    snapshot (``update``) when it can be, else made whole."""
    memo = kept.read(weights_file, WEIGHTS_FORMAT, version=version)
    weights = memo.get("weights")
    weights = dict(weights) if isinstance(weights, dict) else {}
    pages = handwritten_pages(handwritten)
    cases = sorted(snapshot.cases, key=lambda c: c.id)
    ordered = [digests.get(c.id) for c in cases] if digests is not None else None
    made = None
    state = IndexState.of(memo.get("index"))
    if ordered is not None and site_files is not None and site_dir is not None and state is not None:
        made = update(state, pages, cases, [d or "" for d in ordered], weights, site_files,
                      lambda rel: (site_dir / rel).read_bytes())
    if made is None:
        keys: list[str] = []
        files = index_bytes(build_index(snapshot, pages, weights, keys))
    else:
        files, keys = made
    index = None
    if ordered is not None and all(ordered):
        index = IndexState(pages_key(pages), [c.id for c in cases], [d or "" for d in ordered], keys,
                           {rel: file_sha(data) for rel, data in sorted(files.items())}).kept()
    kept.write(weights_file, WEIGHTS_FORMAT, {"weights": weights, "index": index}, version=version)
    return files
