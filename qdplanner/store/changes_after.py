"""What the plan's change log says happened after a batch: for three-way imports.

A plan workbook remembers the newest batch of the plan when it was exported
(``latest_batch()``, written in its hidden ``_plan`` sheet). When it comes back days later,
the plan may have moved on; the import compares three things — the workbook, the plan now,
and the plan at the export — and needs, for every record, which of its fields were changed
after the export, by whom and when, and the value each had at the export (the old value of
its first change after the batch). Records added and removed after the batch are told
apart the same way (their ``*`` rows).

:func:`changes_after` reads all of it in one query over the batches after the batch (the
change log's key range on ``change_batches``, joined through ``idx_change_log_batch``),
on either engine; everyone's changes count, this client's included (the same person may
have edited the plan in the window since the export).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qdplanner.domain.text import local_minute

if TYPE_CHECKING:
    from qdplanner.store.plan_store import PlanStore

_AFTER_SQL = (
    "SELECT l.entity, l.entity_id, l.entity_key, l.field, l.old_value, l.new_value,"
    " b.id, b.user, b.os_user, b.at"
    " FROM change_batches b JOIN change_log l ON l.batch_id = b.id"
    " WHERE b.id > ? ORDER BY b.id, l.id"
)


@dataclass(frozen=True)
class Change:
    """Who changed something, and when (one batch)."""

    batch_id: int
    user: str
    os_user: str
    at: str  # UTC ISO time, as the log keeps it

    @property
    def who(self) -> str:
        """The user, and the account on the computer beside it when it differs."""
        if self.os_user and self.os_user != self.user:
            return f"{self.user} ({self.os_user})"
        return self.user

    @property
    def when(self) -> str:
        """When, in local time."""
        return local_minute(self.at)


@dataclass
class FieldAfter:
    """One field changed after the batch: its value then (as the log keeps it: text or
    None) and the newest change."""

    then: str | None
    last: Change


@dataclass
class RecordAfter:
    """What happened to one record after the batch."""

    fields: dict[str, FieldAfter] = field(default_factory=dict)
    added: Change | None = None  # it did not exist at the batch
    removed: Change | None = None  # it existed at the batch and is gone now
    removed_values: dict[str, Any] | None = None  # its values when removed (the log's JSON)
    added_values: dict[str, Any] | None = None  # its values when added (the log's JSON)

    def values_then(self) -> dict[str, Any] | None:
        """A removed record's values at the batch, as logged text (None: not removed)."""
        if self.removed_values is None:
            return None
        values = {k: None if v is None else str(v) for k, v in self.removed_values.items()}
        for name, changed in self.fields.items():
            if name in values:
                values[name] = changed.then
        return values


@dataclass
class ChangesAfter:
    """Every record changed after ``batch``, by (entity, id or key JSON)."""

    batch: int
    records: dict[tuple[str, Any], RecordAfter] = field(default_factory=dict)

    def record(self, entity: str, key: Any) -> RecordAfter | None:
        return self.records.get((entity, key))

    def field(self, entity: str, key: Any, name: str) -> FieldAfter | None:
        found = self.records.get((entity, key))
        return found.fields.get(name) if found is not None else None

    def added(self, entity: str, key: Any) -> Change | None:
        found = self.records.get((entity, key))
        return found.added if found is not None else None

    def removed(self, entity: str, key: Any) -> RecordAfter | None:
        found = self.records.get((entity, key))
        return found if found is not None and found.removed is not None else None

    def of(self, entity: str) -> dict[Any, RecordAfter]:
        """The records of one entity changed after the batch, by key."""
        return {k: r for (e, k), r in self.records.items() if e == entity}


def changes_after(store: PlanStore, batch: int) -> ChangesAfter:
    """Everything the change log holds after ``batch``, per record and field (one query)."""
    out = ChangesAfter(batch)
    records = out.records
    changes: dict[int, Change] = {}
    for entity, entity_id, key, name, old, new, batch_id, user, os_user, at in store.db.execute(
        _AFTER_SQL, [batch]
    ):
        change = changes.get(batch_id)
        if change is None:
            change = changes[batch_id] = Change(batch_id, user, os_user or "", at)
        rk = (entity, entity_id if entity_id is not None else key)
        record = records.get(rk)
        if record is None:
            record = records[rk] = RecordAfter()
        if name != "*":
            found = record.fields.get(name)
            if found is None:
                record.fields[name] = FieldAfter(old, change)
            else:
                found.last = change
        elif rk[1] is None:
            continue  # a bulk statement over a table: no record to name
        elif old is None and new is not None:  # inserted
            if record.removed is not None:
                record.removed = record.removed_values = None  # removed, then put back
            elif not record.fields:
                record.added = change
                record.added_values = _record_json(new)
        elif old is not None and new is None and record.added is None:  # removed
            record.removed = change
            record.removed_values = _record_json(old)
        elif old is not None and new is None:
            # added and removed after the batch: the workbook never had it
            record.added = record.added_values = None
            record.fields.clear()
    return out


def _record_json(text: str) -> dict[str, Any]:
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}
