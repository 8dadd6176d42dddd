"""Policy: what to do about each finding, configured in one place.

Fail closed. What a finding leads to depends on its category and on the kind of field it is in:

* in a message (the description, a reply): a confidentiality marker withholds the **whole
  message** (a marker may point forward, backward or to "the next two paragraphs", in any
  language; the message is the unit its author marked); anything else is redacted in place,
  its span replaced by ``[redacted: <category>]``;
* in the subject: a marker withholds the **case**; anything else is redacted;
* in a short value (a custom-field value, the owner, the RT status, a contacts entry, a link):
  any finding **drops the value** (a short value is never worth publishing in part).

Per-case overrides come from a reviewed file: withhold a case on request, or accept a reviewed
false positive by its fingerprint (never by repeating its text).
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.screening.detectors import MARKER, Finding


class Action(enum.Enum):
    REDACT = "redact"
    WITHHOLD_MESSAGE = "withhold-message"
    DROP_VALUE = "drop-value"
    WITHHOLD_CASE = "withhold-case"


class FieldKind(enum.Enum):
    MESSAGE = "message"
    SUBJECT = "subject"
    VALUE = "value"


#: (category, field kind) -> action for the categories that differ from the default below
DEFAULT_ACTIONS: dict[tuple[str, FieldKind], Action] = {
    (MARKER, FieldKind.MESSAGE): Action.WITHHOLD_MESSAGE,
    (MARKER, FieldKind.SUBJECT): Action.WITHHOLD_CASE,
}

WITHHELD_MESSAGE = "[message withheld]"


class PolicyError(ValueError):
    """The overrides file is unreadable or malformed."""


@dataclass(frozen=True)
class Policy:
    #: category -> action, overriding the defaults in messages and subjects (a value is dropped)
    actions: dict[str, Action] = field(default_factory=dict)
    #: ticket ids withheld on request, whatever they contain
    withheld_cases: frozenset[int] = frozenset()
    #: fingerprints of reviewed false positives that may stay
    accepted: frozenset[str] = frozenset()
    #: secret key of the fingerprints, so that a public report cannot be reversed
    salt: bytes = b""

    def action_for(self, finding: Finding, kind: FieldKind = FieldKind.MESSAGE) -> Action:
        if kind is FieldKind.VALUE:
            return Action.DROP_VALUE
        if finding.category in self.actions:
            return self.actions[finding.category]
        return DEFAULT_ACTIONS.get((finding.category, kind), Action.REDACT)

    def action_table(self) -> str:
        """The categories whose action was changed, with their actions, as text for a digest."""
        return repr(sorted((k, v.value) for k, v in self.actions.items()))

    def fingerprint(self, case_id: int, rule: str, found: str) -> str:
        """Salted, keyed hash of what was found: stable across builds, reveals nothing."""
        message = f"{case_id}\x00{rule}\x00{found}".encode()
        return hmac.new(self.salt, message, hashlib.sha256).hexdigest()[:20]


def load_overrides(path: Path | None) -> tuple[frozenset[int], frozenset[str]]:
    """Reads ``withhold: [ids]`` and ``accept: [{fingerprint, reason}]`` from a YAML file."""
    if path is None or not path.exists():
        return frozenset(), frozenset()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        withhold = frozenset(int(i) for i in data.get("withhold") or [])
        accepted = frozenset(
            str(item["fingerprint"] if isinstance(item, dict) else item)
            for item in data.get("accept") or []
        )
    except (OSError, yaml.YAMLError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise PolicyError(f"{path}: cannot read screening overrides: {exc}") from None
    return withhold, accepted


def load_salt(path: Path, env_value: str | None = None) -> bytes:
    """The fingerprint key: from the environment if given, else kept (private) beside the cache.

    A kept key is written whole or not at all (a temporary file renamed over it), and read back
    only if it is what was written: 64 hex digits. Anything else is an error, never a key."""
    if env_value:
        return env_value.encode()
    if path.exists():
        value = path.read_bytes().strip()
        if not re.fullmatch(rb"[0-9a-f]{64}", value):
            raise PolicyError(
                f"{path}: damaged fingerprint key (expected 64 hex digits): restore it, or delete it to make a new "
                "one (accepted fingerprints in screening-overrides.yml then need review), or set "
                "CASECAT_FINGERPRINT_SALT"
            )
        return value
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    value = secrets.token_hex(32).encode()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            out.write(value + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return value
