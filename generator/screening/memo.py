"""The screening memo: each ticket's screened outcome, kept for the next build, so that a night
screens only the tickets that changed.

Screening one ticket is a pure function of the ticket as read, the settings, the policy
(actions, accepted fingerprints, the salt of the fingerprints, whether the ticket is withheld on
request) and screening's code and libraries. The memo keys each outcome by a digest of all of
that, keyed in turn with the salt (an HMAC: nobody without the salt can test a guess of a
ticket's text against the memo), and holds only what screening made public: the public case,
and what the public screening report says of the ticket (rules, actions, salted fingerprints,
counts). It is a public artefact, kept with the site between builds.

A memo that is missing, damaged or of another format is an empty one: everything is screened.
A ticket whose screening failed is never kept: it is screened again next time.
"""

from __future__ import annotations

import hashlib
import hmac
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.config import Config
from generator.kept import read as read_kept
from generator.kept import write as write_kept
from generator.model import DigestedTickets, TicketRecord
from generator.screening.cases import CaseOutcome
from generator.screening.policy import Action, Policy
from generator.screening.snapshot import case_read_back, case_to_dict_kept
from generator.screening.text import Hit

MEMO_FORMAT = "casecat-screening-memo/3"


class TicketDigests:
    """The sha256 of each ticket as read, made once per build for both the memo and the hash of
    the whole queue (``publish.raw_content_hash``). A ticket of the raw reading (``DigestedTickets``) has
    it from its raw entry (no parsing, no pickling); any other record, from its pickle (pickling
    ten thousand tickets costs seconds). A ticket is known by its id *and* its object: any other
    record is digested anew, so a digest is never that of another version of the ticket."""

    def __init__(self, tickets: Sequence[TicketRecord] = ()) -> None:
        self._source = tickets if isinstance(tickets, DigestedTickets) else None
        self._by_id: dict[int, tuple[TicketRecord, bytes]] = {}
        if self._source is None:
            self._by_id = {t.id: (t, self.make(t)) for t in tickets}

    @staticmethod
    def make(record: TicketRecord) -> bytes:
        return hashlib.sha256(pickle.dumps(record, protocol=5)).digest()

    def of(self, record: TicketRecord) -> bytes:
        if self._source is not None and self._source.holds(record):
            digest = self._source.digest(self._source.position(record.id))
            if digest is not None:
                return digest
        kept = self._by_id.get(record.id)
        return kept[1] if kept is not None and kept[0] is record else self.make(record)

    def at(self, tickets: Sequence[TicketRecord], index: int) -> bytes:
        """The digest of ``tickets[index]``, without parsing it when ``tickets`` is the raw
        reading these digests were made for and its entry has a key."""
        if tickets is self._source:
            digest = tickets.digest(index)
            if digest is not None:
                return digest
        return self.of(tickets[index])


def memo_key(config: Config, policy: Policy, code_version: str) -> bytes:
    """The key of every ticket's digest: what screens all tickets alike (kept in memory only)."""
    digest = hashlib.sha256(b"casecat screening memo\0" + code_version.encode() + b"\0")
    digest.update(config.published_settings().encode())
    digest.update(policy.action_table().encode())
    digest.update(repr(sorted(policy.accepted)).encode())
    digest.update(policy.salt)
    return digest.digest()


class Memo:
    """The outcomes kept from the last screening, and those of this one as they are made."""

    def __init__(self, key: bytes, policy: Policy, entries: dict[str, Any] | None = None,
                 tickets: TicketDigests | None = None) -> None:
        self._key = key
        self._tickets = tickets or TicketDigests()
        self._withheld = policy.withheld_cases
        self._old = entries or {}
        self._new: dict[str, Any] = {}
        self._digests: dict[int, str] = {}
        self.reused = 0

    @classmethod
    def load(cls, path: Path, config: Config, policy: Policy, code_version: str,
             tickets: TicketDigests | None = None) -> Memo:
        """``tickets``: the digests of the tickets to be screened, if made already."""
        key = memo_key(config, policy, code_version)
        return cls(key, policy, read_kept(path, MEMO_FORMAT), tickets)

    def _digest(self, case_id: int, ticket_digest: bytes) -> str:
        withheld = b"\1" if case_id in self._withheld else b"\0"
        digest = hmac.new(self._key, ticket_digest + withheld, hashlib.sha256).hexdigest()
        self._digests[case_id] = digest
        return digest

    def outcome(self, record: TicketRecord) -> CaseOutcome | None:
        """The kept outcome of this very ticket under these very settings and code, if any."""
        return self._kept(record.id, self._digest(record.id, self._tickets.of(record)))

    def outcome_at(self, tickets: Sequence[TicketRecord], index: int, case_id: int) -> CaseOutcome | None:
        """``outcome(tickets[index])`` (whose id is ``case_id``), without parsing the ticket
        when its digest is known from its raw entry (``TicketDigests.at``)."""
        return self._kept(case_id, self._digest(case_id, self._tickets.at(tickets, index)))

    def _kept(self, case_id: int, digest: str) -> CaseOutcome | None:
        entry = self._old.get(digest)
        if entry is None:
            return None
        try:
            outcome = outcome_from_dict(entry)
        except (TypeError, KeyError, ValueError, AttributeError):
            return None  # a damaged entry: screened again
        if outcome.case_id != case_id:
            return None
        self._new[digest] = entry
        self.reused += 1
        return outcome

    def keep(self, record: TicketRecord, outcome: CaseOutcome) -> None:
        digest = self._digests.get(record.id) or self._digest(record.id, self._tickets.of(record))
        self._new[digest] = outcome_to_dict(outcome)

    def save(self, path: Path) -> None:
        """The outcomes of this screening only (a ticket gone from the queue leaves the memo),
        written whole or not at all."""
        write_kept(path, MEMO_FORMAT, dict(sorted(self._new.items())), exact=True)  # whichever process screened


def outcome_to_dict(outcome: CaseOutcome) -> dict[str, Any]:
    return {
        "id": outcome.case_id,
        "case": None if outcome.case is None else case_to_dict_kept(outcome.case),
        "hits": [[h.field, h.rule, h.category, h.action.value, h.fingerprint] for h in outcome.hits],
        "withheld_reason": outcome.withheld_reason,
        "warnings": list(outcome.warnings),
        "dropped": [[name, count] for name, count in outcome.dropped],
    }


def outcome_from_dict(d: dict[str, Any]) -> CaseOutcome:
    return CaseOutcome(
        int(d["id"]),
        None if d["case"] is None else case_read_back(d["case"]),
        tuple(Hit(str(f), str(r), str(c), Action(a), str(p)) for f, r, c, a, p in d["hits"]),
        str(d["withheld_reason"]),
        tuple(str(w) for w in d["warnings"]),
        tuple((str(name), int(count)) for name, count in d["dropped"]),
    )
