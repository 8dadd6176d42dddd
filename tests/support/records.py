"""A small factory of TicketRecords for unit tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from generator.model import RawAttachment, RawTransaction, TicketRecord

T0 = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)


def record(
    id: int = 7,
    subject: str = "Example Community",
    body: str = "We need help running our pipelines.",
    custom_fields: dict | None = None,
    replies: tuple[str, ...] = (),
    comments: tuple[str, ...] = (),
    status_changes: tuple[tuple[str, str], ...] = (),
    **overrides,
) -> TicketRecord:
    transactions = [RawTransaction(1, "Create", T0)]
    attachments = [RawAttachment(1, 1, "text/plain", "", body)]
    next_id = 2
    for i, text in enumerate(replies):
        transactions.append(RawTransaction(next_id, "Correspond", T0 + timedelta(days=i + 1)))
        attachments.append(RawAttachment(next_id, next_id, "text/plain", "", text))
        next_id += 1
    for text in comments:
        transactions.append(RawTransaction(next_id, "Comment", T0 + timedelta(hours=next_id)))
        attachments.append(RawAttachment(next_id, next_id, "text/plain", "", text))
        next_id += 1
    for i, (old, new) in enumerate(status_changes):
        transactions.append(RawTransaction(next_id, "CustomField", T0 + timedelta(days=10 * (i + 1)),
                                           "Implementation status", old, new))
        next_id += 1
    fields = {"Implementation status": ("Assessed",), "Scientific discipline": ("Physics",)}
    fields.update(custom_fields or {})
    values = dict(
        id=id, queue="technical-support-cases", subject=subject, status="open",
        owner_name="agent", owner_real_name="Ada Agent", created=T0, last_updated=T0 + timedelta(days=40),
        resolved=None, requestors=("requestor@example.org",), cc=("watcher@example.org",),
        custom_fields=fields, transactions=tuple(transactions), attachments=tuple(attachments),
    )
    values.update(overrides)
    return TicketRecord(**values)
