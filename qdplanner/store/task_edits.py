"""Changing tasks: validated, logged field edits and unit assignments.

Each function works inside one ``PlanStore.action()`` (a :class:`ChangeSet`), so a caller
can combine several into one user action — one undo step, one transaction.
"""

from __future__ import annotations

from datetime import date

from qdplanner.domain.enums import UnitRole
from qdplanner.domain.limits import shown, value_problems
from qdplanner.domain.task_rules import TASK_FIELDS, task_problems
from qdplanner.domain.text import fold
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore


def _task_fields(store: PlanStore, task_id: int) -> dict:
    row = store.db.execute(
        f"SELECT {', '.join(TASK_FIELDS)} FROM tasks WHERE id = ?", [task_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(N_("Messages", "task #{id} does not exist"), id=task_id)
    fields = dict(zip(TASK_FIELDS, row, strict=True))
    for name in ("start_date", "due_date"):
        fields[name] = date.fromisoformat(fields[name]) if fields[name] else None
    return fields


def read_task_fields(store: PlanStore, task_id: int) -> dict:
    """The editable fields of one task, dates as ``date``."""
    return _task_fields(store, task_id)


def update_task(store: PlanStore, changes: ChangeSet, task_id: int, values: dict) -> dict:
    """Set fields of a task after checking the whole task stays valid; return the diff.

    Raises :class:`ValidationError` naming the task and the field — a value outside the
    limits of :mod:`qdplanner.domain.limits` too; nothing is written then.
    """
    unknown = set(values) - set(TASK_FIELDS)
    if unknown:
        raise ValidationError(
            N_("Messages", "not a task field: {names}"), names=", ".join(sorted(unknown))
        )
    stored = _task_fields(store, task_id)
    merged = {**stored, **values}
    problems = value_problems(values) or task_problems(merged)
    if problems:
        first = problems[0]
        raise ValidationError(
            N_("Messages", "Task “{title}”: {problem}"),
            field=first.field,
            record=f"tasks #{task_id}",
            title=shown(merged["title"] if first.field != "title" else stored["title"]),
            problem=first,
        )
    return changes.update("tasks", task_id, values)


def resolve_unit(store: PlanStore, text: str) -> int | None:
    """The unit a typed or imported name means: by name, short name or alias; else None."""
    key = fold(text)
    if not key:
        return None
    for sql in (
        "SELECT id, name FROM units",
        "SELECT id, short_name FROM units WHERE short_name != ''",
        "SELECT unit_id, alias FROM unit_aliases",
    ):
        for unit_id, name in store.db.execute(sql):
            if fold(name) == key:
                return unit_id
    return None


def task_units(store: PlanStore, task_id: int) -> tuple[int | None, list[int]]:
    """(lead unit id or None, supporting unit ids in order) of a task."""
    lead, support = None, []
    for unit_id, role in store.db.execute(
        "SELECT unit_id, role FROM task_units WHERE task_id = ? ORDER BY position", [task_id]
    ):
        if role == UnitRole.LEAD:
            lead = unit_id
        else:
            support.append(unit_id)
    return lead, support


def set_task_units(
    store: PlanStore, changes: ChangeSet, task_id: int, lead: int | None, support: list[int]
) -> bool:
    """Make ``lead`` the task's lead unit and ``support`` its supporting units, in order.

    A unit cannot both lead and support the same task. Returns False when nothing changed.
    """
    if lead is not None and lead in support:
        raise ValidationError(
            N_("Messages", "a unit cannot be both the lead and a supporting unit of a task"),
            field="support_units",
            record=f"tasks #{task_id}",
        )
    if len(set(support)) != len(support):
        raise ValidationError(
            N_("Messages", "a supporting unit is listed twice"),
            field="support_units",
            record=f"tasks #{task_id}",
        )
    if (lead, support) == task_units(store, task_id):
        return False
    known = {r[0] for r in store.db.execute("SELECT id FROM units")}
    for unit_id in [u for u in [lead, *support] if u is not None]:
        if unit_id not in known:
            raise NotFoundError(N_("Messages", "unit #{id} does not exist"), id=unit_id)
    for (unit_id,) in store.db.execute(
        "SELECT unit_id FROM task_units WHERE task_id = ?", [task_id]
    ).fetchall():
        changes.delete("task_units", (task_id, unit_id))
    if lead is not None:
        changes.insert(
            "task_units", {"task_id": task_id, "unit_id": lead, "role": "lead", "position": 0}
        )
    for pos, unit_id in enumerate(support, start=1):
        changes.insert(
            "task_units",
            {"task_id": task_id, "unit_id": unit_id, "role": "support", "position": pos},
        )
    return True
