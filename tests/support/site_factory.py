"""Hand-made public cases and snapshots for the renderer's unit tests (tests/test_site_*.py).

Tests may build public objects directly; in the generator only screening does.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from generator.model import ImplementationStatus, PublicCase, PublicMessage, PublicSnapshot, StatusChange

S = ImplementationStatus
T0 = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)


def at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def case(
    id: int = 1,
    subject: str = "Example Community – pipelines",
    history: tuple[tuple[float, ImplementationStatus], ...] = ((0, S.PRE_ASSESSMENT),),
    replies: tuple[float, ...] = (),
    disciplines: tuple[str, ...] = ("Natural Sciences / Physical sciences / Astronomy",),
    vos: tuple[str, ...] = (),
    created: float = 0,
    status: ImplementationStatus | None | str = "from-history",
    **overrides,
) -> PublicCase:
    """A case whose history is ``(day, status)`` pairs counted from T0; replies are days too."""
    changes, previous = [], None
    for day, to in history:
        changes.append(StatusChange(at(day), previous, to))
        previous = to
    current = previous if status == "from-history" else status
    values = dict(
        id=id, subject=subject, rt_status="open", implementation_status=current,
        disciplines=disciplines, virtual_organisations=vos, sites=(), links=(), owner="Ada Agent",
        created=at(created), last_updated=at(max([created, *[d for d, _ in history], *replies])),
        description="We need help.", messages=tuple(PublicMessage(at(d), "reply", "Noted.") for d in replies),
        status_history=tuple(changes), external_contacts=(),
    )
    values.update(overrides)
    return PublicCase(**values)


def snapshot(*cases: PublicCase, fetched: float = 100, **overrides) -> PublicSnapshot:
    values = dict(cases=tuple(cases), fetched_at=at(fetched), queue="technical-support-cases",
                  rt_web_url="https://rt.example.org")
    values.update(overrides)
    return PublicSnapshot(**values)
