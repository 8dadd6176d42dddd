"""REST 1.0 shows ticket dates in the account's time zone without saying which: how the tickets
read tell UTC from another zone (no RT needed; test_rt_changes.py proves it on a real RT)."""

from generator.rt.holdings import Holdings
from generator.rt.read_rest1 import zone_evidence


def held(*tickets):
    """Tickets as (Created shown, Create transaction, LastUpdated shown, newest transaction)."""
    h = Holdings()
    for i, (created, create, updated, newest) in enumerate(tickets, 1):
        h.items[i] = {"id": str(i), "Created": created, "LastUpdated": updated}
        h.history[i] = {"1": {"id": "1", "Type": "Create", "Created": create},
                        "2": {"id": "2", "Type": "Correspond", "Created": newest}}
    return h


NORMAL = ("2026-01-01T10:00:00Z", "2026-01-01T10:00:00Z", "2026-01-02T10:00:07Z", "2026-01-02T10:00:07Z")
# created with an old date by an import, commented on later (the comment is not seen)
IMPORTED = ("2020-03-01T00:00:00Z", "2026-01-01T10:15:00Z", "2026-01-03T10:00:00Z", "2026-01-03T09:13:41Z")


def shifted(hours: int):
    def at(text):
        day, time = text[:11], int(text[11:13])
        return f"{day}{time + hours:02d}{text[13:]}"
    created, create, updated, newest = NORMAL
    return at(created), create, at(updated), newest


def test_utc_is_what_most_tickets_show_even_beside_imported_ones():
    assert zone_evidence(held(NORMAL, IMPORTED, IMPORTED), {1, 2, 3}) is True


def test_another_zone_is_the_gap_most_tickets_show():
    assert zone_evidence(held(shifted(-5), shifted(-5), IMPORTED), {1, 2, 3}) is False
    assert zone_evidence(held(shifted(+1), NORMAL, shifted(+1)), {1, 2, 3}) is False


def test_nothing_to_compare_says_nothing():
    assert zone_evidence(held(IMPORTED), {1}) is None and zone_evidence(Holdings(), set()) is None
