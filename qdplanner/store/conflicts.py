"""Editors at once: a record someone else changed since it was read is not overwritten.

The change log is the record versions (issue 19). Every batch names the client that wrote
it (``change_batches.client``: an id made when a :class:`~qdplanner.store.PlanStore` opens,
so "someone else" is another window or process, even of the same user). An editing view
remembers the newest batch it has read (``PlanStore.latest_batch()``) and passes it to
``PlanStore.action(..., seen=…)``: at the action's first write, every change logged by other
clients in batches after ``seen`` is read once (:func:`read_others`), and an ``update``,
``delete`` or ``log_fields`` of a record changed there raises :class:`ConflictError` —
naming the record in words, who changed it and when, with the record's values now — and
the whole action rolls back.

Undo uses the same log: a step keeps the batch it wrote, and undoing it is refused when
other clients changed, in later batches, the records that batch logged
(:func:`changed_since`; the undo's action also passes its batch as ``seen``, so the check
and the write are one transaction).

On a server the check and the write are atomic because every write transaction first takes
an advisory lock of the plan (``PlanStore.action``), which also makes batch ids
commit-ordered: a reader that sees batch N has seen every batch before it. On a file the
file's lock already lets one writer in at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qdplanner.domain.text import local_second
from qdplanner.errors import N_, QdError, record_word
from qdplanner.store.changes_after import Change

if TYPE_CHECKING:
    from qdplanner.store.plan_store import PlanStore

# (entity, entity id or the JSON of its key); (entity, None): the whole table (a bulk note)
RecordKey = tuple[str, Any]

# Every change of other clients after a batch: one row per logged field.
_OTHERS_SQL = (
    "SELECT l.entity, l.entity_id, l.entity_key, b.id, b.user, b.os_user, b.at"
    " FROM change_batches b JOIN change_log l ON l.batch_id = b.id"
    " WHERE b.id > ? AND (b.client IS NULL OR b.client <> ?)"
)

# How a record is named in a message, by its kind: the query of its name, and the words.
_NAMES = {
    "tasks": ("SELECT code, title FROM tasks WHERE id = ?",
              N_("Messages", "task {code}“{name}”")),
    "units": ("SELECT '', name FROM units WHERE id = ?", N_("Messages", "unit “{name}”")),
    "programs": ("SELECT code, name FROM programs WHERE id = ?",
                 N_("Messages", "program {code}“{name}”")),
    "projects": ("SELECT code, name FROM projects WHERE id = ?",
                 N_("Messages", "project {code}“{name}”")),
    "milestones": ("SELECT '', title FROM milestones WHERE id = ?",
                   N_("Messages", "milestone “{name}”")),
    "indicators": ("SELECT code, name FROM indicators WHERE id = ?",
                   N_("Messages", "indicator {code}“{name}”")),
    "goals": ("SELECT '', name FROM goals WHERE id = ?", N_("Messages", "goal “{name}”")),
    "plan_documents": ("SELECT '', title FROM plan_documents WHERE id = ?",
                       N_("Messages", "plan document “{name}”")),
    "progress_reports": (
        "SELECT p.period, t.title FROM progress_reports p JOIN tasks t ON t.id = p.task_id"
        " WHERE p.id = ?",
        N_("Messages", "the progress report of “{name}” for {code}"),
    ),
    "indicator_values": (
        "SELECT CASE WHEN v.period = '' THEN CAST(v.year AS TEXT) ELSE v.period END,"
        " i.name FROM indicator_values v"
        " JOIN indicators i ON i.id = v.indicator_id WHERE v.id = ?",
        N_("Messages", "the value of “{name}” for {code}"),
    ),
    "period_narratives": ("SELECT period, section FROM period_narratives WHERE id = ?",
                          N_("Messages", "the narrative of {code} ({name})")),
    "evidence_files": ("SELECT '', filename FROM evidence_files WHERE id = ?",
                       N_("Messages", "evidence file “{name}”")),
}  # fmt: skip


@dataclass(frozen=True)
class OtherChange(Change):
    """The newest change another client made to one record after a given batch: who and when
    (:class:`~qdplanner.store.changes_after.Change`), and to what."""

    entity: str = ""
    key: Any = None  # the record's id, the JSON of its key, or None: the whole table

    @property
    def when(self) -> str:
        """When, in local time, to the second."""
        return local_second(self.at)


class RecordName(QdError):
    """A record in words (``task 1.2 “…”``), translated where the message is shown."""


class ConflictError(QdError):
    """An edit of a record someone else changed since it was read: nothing was saved.

    ``record`` names it in words, ``change`` says who changed it and when, ``fresh`` holds
    the record's values now (None when it was removed)."""

    def __init__(
        self,
        template: str,
        /,
        *,
        change: OtherChange,
        record: RecordName,
        fresh: dict[str, Any] | None,
        **params: Any,
    ):
        super().__init__(template, record=record, who=change.who, when=change.when, **params)
        self.change = change
        self.fresh = fresh

    @property
    def record_key(self) -> RecordKey:
        return (self.change.entity, self.change.key)

    @property
    def task_ids(self) -> list[int]:
        """The tasks whose shown rows are stale: the task changed, or the task of a unit row."""
        entity, key = self.record_key
        if entity == "tasks" and isinstance(key, int):
            return [key]
        if entity == "task_units" and isinstance(key, str):
            task = json.loads(key).get("task_id")
            return [task] if isinstance(task, int) else []
        return []


def record_key(entity: str, entity_id: Any, entity_key: Any) -> RecordKey:
    return (entity, entity_id if entity_id is not None else entity_key)


def read_others(db: Any, after: int, client: str) -> dict[RecordKey, OtherChange]:
    """Every record other clients changed in batches after ``after``: its newest change."""
    found: dict[RecordKey, OtherChange] = {}
    for entity, entity_id, key, batch, user, os_user, at in db.execute(
        _OTHERS_SQL, [after, client]
    ):
        rk = record_key(entity, entity_id, key)
        old = found.get(rk)
        if old is None or batch > old.batch_id:
            found[rk] = OtherChange(batch, user, os_user or "", at, entity=entity, key=rk[1])
    return found


def stale(
    others: Mapping[RecordKey, OtherChange],
    entity: str,
    key: Any,
    reread: Mapping[RecordKey, int] | None = None,
) -> OtherChange | None:
    """The change of others that makes writing record ``key`` of ``entity`` a lost update:
    the record itself, or its whole table changed in bulk; None when there is none (or when
    the record was read again, ``reread``, after that change)."""
    change = others.get((entity, key)) or others.get((entity, None))
    if change is None:
        return None
    if reread and change.batch_id <= reread.get((entity, key), 0):
        return None
    return change


def _where(store: PlanStore, entity: str, key: Any) -> tuple[str, list[Any]] | None:
    if isinstance(key, int):
        return "id = ?", [key]
    if isinstance(key, str):
        try:
            values = json.loads(key)
        except ValueError:
            return None
        if isinstance(values, dict) and values:
            return " AND ".join(f'"{c}" = ?' for c in values), list(values.values())
    return None


def fresh_values(store: PlanStore, entity: str, key: Any) -> dict[str, Any] | None:
    """The record's values now (None when it is gone, or for a whole table)."""
    where = _where(store, entity, key)
    if where is None:
        return None
    rows = list(store.db.query(f'SELECT * FROM "{entity}" WHERE {where[0]}', where[1]))
    return rows[0] if rows else None


def record_name(store: PlanStore, entity: str, key: Any, fresh: dict | None) -> RecordName:
    """The record in words: its kind and name while it exists, else its kind and key."""
    if entity in _NAMES and isinstance(key, int):
        sql, words = _NAMES[entity]
        row = store.db.execute(sql, [key]).fetchone()
        if row is not None:
            code, name = (str(v) if v is not None else "" for v in row)
            if "{code}“" in words and code:  # a number before the name: "task 1.2 “…”"
                code += " "
            return RecordName(words, code=code, name=name)
    if entity == "task_units" and fresh is None and isinstance(key, str):
        task = json.loads(key).get("task_id")
        if isinstance(task, int):
            return RecordName(N_("Messages", "the units of {task}"),
                              task=record_name(store, "tasks", task, None))  # fmt: skip
    if entity == "settings" and isinstance(key, str):
        name = json.loads(key).get("key", key) if key.startswith("{") else key
        return RecordName(N_("Messages", "the setting {name}"), name=name)
    shown = key if key is not None else "*"
    return RecordName(N_("Messages", "{kind} record #{key}"), kind=record_word(entity), key=shown)


def conflict_error(store: PlanStore, change: OtherChange) -> ConflictError:
    """The refusal of an edit of the record ``change`` names (read inside the action)."""
    fresh = fresh_values(store, change.entity, change.key)
    name = record_name(store, change.entity, change.key, fresh)
    gone = fresh is None and change.key is not None and _where(store, change.entity, change.key)
    if gone:
        template = N_(
            "Messages",
            "Not saved: {who} removed {record} at {when}, after it was read here",
        )
    else:
        template = N_(
            "Messages",
            "Not saved: {who} changed {record} at {when}, after it was read here; its values "
            "now are shown — make the change again if it is still needed",
        )
    return ConflictError(template, change=change, record=name, fresh=fresh)


def logged_records(store: PlanStore, batch_id: int) -> list[RecordKey]:
    """The records the batch ``batch_id`` logged (what undoing it would write)."""
    rows = store.db.execute(
        "SELECT DISTINCT entity, entity_id, entity_key FROM change_log WHERE batch_id = ?",
        [batch_id],
    )
    return [record_key(*r) for r in rows]


def changed_since(
    store: PlanStore, batch_id: int, records: Iterable[RecordKey] | None = None
) -> list[OtherChange]:
    """The newest change by other clients, after ``batch_id``, of each of ``records`` (by
    default the records batch ``batch_id`` logged: those an undo of it would write)."""
    wanted = list(logged_records(store, batch_id) if records is None else records)
    if not wanted:
        return []
    others = read_others(store.db, batch_id, store.client)
    found = []
    for entity, key in wanted:
        change = stale(others, entity, key)
        if change is not None and change not in found:
            found.append(change)
    return found


def undo_refusal(
    store: PlanStore, step: str, change: OtherChange, count: int, *, redo: bool = False
) -> ConflictError:
    """Undoing (or redoing) ``step`` is refused: ``change`` (one of ``count``) came after it."""
    fresh = fresh_values(store, change.entity, change.key)
    name = record_name(store, change.entity, change.key, fresh)
    if redo:
        template = N_(
            "Messages",
            "Cannot redo “{step}”: {who} changed {record} at {when}, after it; nothing was "
            "changed, and the step leaves the undo list",
        )
    else:
        template = N_(
            "Messages",
            "Cannot undo “{step}”: {who} changed {record} at {when}, after it; nothing was "
            "changed, and the step leaves the undo list",
        )
    error = ConflictError(template, change=change, record=name, fresh=fresh, step=step)
    error.count = count
    return error


def stale_preview(error: ConflictError, name: str) -> ConflictError:
    """``error`` met applying an import previewed from ``name``: preview it again."""
    return ConflictError(
        N_(
            "Messages",
            "{name}: {who} changed {record} at {when}, after the preview; nothing was "
            "applied, preview the import again",
        ),
        change=error.change,
        record=error.params["record"],
        fresh=error.fresh,
        name=name,
    )
