"""The parts of large files found clean, kept between builds by each file's bytes.

A night that changes a few cases of a large file (the data export, a list page, a search shard)
has the detectors read only the parts that the file's kept version, proven clean by the ledger,
lacks (``gate.without_known_parts``). What that kept version holds was found by reading it
again, as much work as reading the new one; kept here, it is looked up instead. A file's entry
is written when the audit finds the file clean, and holds the digest of each of its parts (text
parts and search tokens apart, as the audit reads them): what the site publishes anyway.

The folder is one audit's (``ledger.audit_version``): an entry made by another audit, whose
reading or detectors may differ, is never used. A missing or damaged entry is an empty one:
the kept version is read again.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import kept
from generator.audit.read import Parts

FORMAT = "casecat-known-parts/3"
#: the bytes of a part's digest
DIGEST_SIZE = 16


def digest(part: str) -> bytes:
    return hashlib.blake2b(part.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


def digests(parts: list[str]) -> set[bytes]:
    return {digest(part) for part in parts}


@dataclass(frozen=True)
class PartDigests:
    """The digest of each text part and of each token of a file, in their order: made once per
    file, for looking its parts up and for keeping them (each digest of a large export is a
    second's work at 10,000 cases)."""

    text: list[bytes]
    tokens: list[bytes]

    @classmethod
    def of(cls, parts: Parts) -> PartDigests:
        return cls([digest(p) for p in parts.text], [digest(t) for t in parts.tokens])


@dataclass(frozen=True)
class KnownParts:
    """The entries of one audit, under ``folder / version``, by the sha256 of a file's bytes."""

    folder: Path
    version: str

    @property
    def here(self) -> Path:
        return self.folder / self.version

    def of(self, file_sha: str) -> tuple[set[bytes], set[bytes]] | None:
        """The digests of the text parts and of the tokens of the file with these bytes, if kept."""
        entry = kept.read(self.here / f"{file_sha}.marshal", FORMAT)
        text, tokens = entry.get("text"), entry.get("tokens")
        if not isinstance(text, bytes) or not isinstance(tokens, bytes) or len(text) % DIGEST_SIZE \
                or len(tokens) % DIGEST_SIZE:
            return None
        return _split(text), _split(tokens)

    def keep(self, file_sha: str, parts: Parts | PartDigests) -> None:
        """The parts of the file with these bytes, found clean (whole or not at all). Each set of
        digests is kept as one string of them (marshal writes a set of a million small strings
        fifty times slower: a second of every night at 10,000 cases)."""
        made = parts if isinstance(parts, PartDigests) else PartDigests.of(parts)
        try:
            kept.write(self.here / f"{file_sha}.marshal", FORMAT,
                       {"text": b"".join(set(made.text)), "tokens": b"".join(set(made.tokens))})
        except OSError:
            pass  # a folder that cannot take it only costs the next audit a reading

    def prune(self, file_shas: set[str]) -> None:
        """Only the entries of these files (the site's) stay, and only this audit's folder."""
        if self.folder.is_dir():
            for other in self.folder.iterdir():
                if other != self.here:
                    shutil.rmtree(other, ignore_errors=True) if other.is_dir() else other.unlink(missing_ok=True)
        if self.here.is_dir():
            for entry in self.here.iterdir():
                if entry.name.removesuffix(".marshal") not in file_shas:
                    entry.unlink(missing_ok=True)


def _split(joined: bytes) -> set[bytes]:
    return {joined[i:i + DIGEST_SIZE] for i in range(0, len(joined), DIGEST_SIZE)}
