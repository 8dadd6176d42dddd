"""The screening report: which rules fired on which case and what was done.

It names cases, fields, rules, actions, counts and salted fingerprints, never the text found, so
it is safe to attach to a public CI run.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.screening.cases import CaseOutcome

REPORT_VERSION = 2


@dataclass(frozen=True)
class Quarantined:
    """A case the audit found something in after the build: withheld, the site built without it."""

    case_id: int
    path: str  # the output file, relative to the site
    rule: str
    fingerprint: str


@dataclass(frozen=True)
class ScreeningReport:
    outcomes: tuple[CaseOutcome, ...]
    quarantined: tuple[Quarantined, ...] = ()

    @property
    def quarantined_ids(self) -> tuple[int, ...]:
        return tuple(sorted({q.case_id for q in self.quarantined}))

    @property
    def published(self) -> int:
        quarantined = set(self.quarantined_ids)
        return sum(1 for o in self.outcomes if o.case is not None and o.case_id not in quarantined)

    @property
    def withheld(self) -> tuple[int, ...]:
        return tuple(o.case_id for o in self.outcomes if o.case is None)

    def to_dict(self) -> dict:
        rules = Counter(h.rule for o in self.outcomes for h in o.hits)
        actions = Counter(h.action.value for o in self.outcomes for h in o.hits)
        dropped: Counter[str] = Counter()
        for o in self.outcomes:
            dropped.update(dict(o.dropped))
        return {
            "report_version": REPORT_VERSION,
            "cases_screened": len(self.outcomes),
            "cases_published": self.published,
            "cases_withheld": list(self.withheld),
            "cases_quarantined": list(self.quarantined_ids),
            "findings_by_rule": dict(sorted(rules.items())),
            "findings_by_action": dict(sorted(actions.items())),
            "values_dropped": dict(sorted(dropped.items())),
            "quarantine": [{"id": q.case_id, "path": q.path, "rule": q.rule, "fingerprint": q.fingerprint}
                           for q in self.quarantined],
            "cases": [
                {
                    "id": o.case_id,
                    "published": o.case is not None and o.case_id not in self.quarantined_ids,
                    "withheld_reason": o.withheld_reason,
                    "values_dropped": dict(o.dropped),
                    "findings": [
                        {"field": h.field, "rule": h.rule, "category": h.category,
                         "action": h.action.value, "fingerprint": h.fingerprint}
                        for h in o.hits
                    ],
                }
                for o in self.outcomes
                if o.hits or o.case is None or o.dropped
            ],
        }

    def summary(self) -> str:
        data = self.to_dict()
        hits = sum(data["findings_by_rule"].values())
        line = (
            f"screened {data['cases_screened']} cases: {data['cases_published']} published, "
            f"{len(data['cases_withheld'])} withheld, {hits} findings"
        )
        if data["findings_by_action"]:
            line += " (" + ", ".join(f"{n} {a}" for a, n in data["findings_by_action"].items()) + ")"
        dropped = sum(data["values_dropped"].values())
        if dropped:
            line += f"; {dropped} value(s) of an unrecognised shape dropped"
        if self.quarantined_ids:
            line += f"; {len(self.quarantined_ids)} case(s) quarantined by the audit"
        return line

    def write(self, directory: Path) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "screening.json"
        path.write_text(json.dumps(self.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (directory / "screening.txt").write_text(self.summary() + "\n", encoding="utf-8")
        return path
