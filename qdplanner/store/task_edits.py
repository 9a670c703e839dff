"""Changing tasks: validated, logged field edits and unit assignments — the one edit path.

Every edit of a task's fields or units — a table cell, the detail panel, a pasted block, a
timeline drag, a date shift — is a :class:`TaskEdit` (new and old values) made by
:func:`capture_task_edit` and written by :func:`apply_edits` / :func:`apply_task_edits`;
the window's undo commands only call these, forward or back.

Each function works inside one ``PlanStore.action()`` (a :class:`ChangeSet`), so a caller
can combine several into one user action — one undo step, one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from qdplanner.domain.deadlines import follow_due
from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.limits import shown, value_problems
from qdplanner.domain.task_rules import TASK_FIELDS, task_problems
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet, to_sql
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_roles import (
    Role,
    TaskUnits,
    lead_and_support,
    set_task_roles,
    set_task_units,
    task_roles,
)
from qdplanner.store.task_roles import task_units as task_units  # read a task's units here too


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
    stored_sql = {k: to_sql(v) for k, v in stored.items()}
    return changes.update("tasks", task_id, values, old=stored_sql)


@dataclass
class TaskEdit:
    """An edit of one task: the fields and units it sets, and the values they had, so the
    same record applies it (forward) and takes it back. ``units`` are (lead, supporting);
    ``old_roles`` the task's unit rows as they were (flags, positions), which taking the
    edit back restores exactly."""

    task_id: int
    new_fields: dict
    old_fields: dict
    new_units: TaskUnits | None = None
    old_units: TaskUnits | None = None
    old_roles: dict[int, Role] | None = None

    @property
    def changes_anything(self) -> bool:
        """False when applying it would write nothing (every new value equals the old)."""
        return self.new_fields != self.old_fields or self.new_units != self.old_units


def capture_task_edit(
    store: PlanStore,
    task_id: int,
    fields: dict,
    units: TaskUnits | None = None,
    *,
    current: dict | None = None,
    current_roles: dict[int, Role] | None = None,
) -> TaskEdit:
    """The edit that sets ``fields`` and ``units`` on a task, with their values now.

    ``current`` / ``current_roles``: what :func:`read_task_fields` /
    :func:`~qdplanner.store.task_roles.task_roles` just returned, when the caller has read
    them (saves reading them again). Raises :class:`NotFoundError` for a task that does not
    exist.
    """
    if fields and current is None:
        current = _task_fields(store, task_id)
    if current is not None and "due_date" in fields and "deadline_text" not in fields:
        # the phrase follows its due date, in its own style; where it cannot, it is kept
        # and the disagreement shown (qdplanner.domain.deadlines.follow_due)
        phrase = follow_due(current["deadline_text"], fields["due_date"])
        if phrase is not None and phrase != current["deadline_text"]:
            fields = {**fields, "deadline_text": phrase}
    old_fields = {k: current[k] for k in fields} if current is not None else {}
    if units is None:
        return TaskEdit(task_id, dict(fields), old_fields)
    roles = task_roles(store, task_id) if current_roles is None else dict(current_roles)
    new_units = (units[0], list(units[1]))
    return TaskEdit(task_id, dict(fields), old_fields, new_units, lead_and_support(roles), roles)


def set_task_values(
    store: PlanStore,
    changes: ChangeSet,
    task_id: int,
    fields: dict,
    units: TaskUnits | None = None,
) -> None:
    """Set fields (validated, :func:`update_task`) and units (only the rows that change,
    :func:`~qdplanner.store.task_roles.set_task_units`) of one task."""
    if fields:
        update_task(store, changes, task_id, fields)
    if units is not None:
        set_task_units(store, changes, task_id, units[0], list(units[1]))


def apply_edits(
    store: PlanStore, changes: ChangeSet, edits: Iterable[TaskEdit], *, forward: bool = True
) -> None:
    """Write the new (``forward``) or the old values of ``edits`` inside an action (the
    old ones last edit first, so two edits of one task come back to where they began)."""
    for edit in edits if forward else reversed(list(edits)):
        if forward:
            set_task_values(store, changes, edit.task_id, edit.new_fields, edit.new_units)
        elif edit.old_roles is not None:
            set_task_values(store, changes, edit.task_id, edit.old_fields)
            set_task_roles(store, changes, edit.task_id, edit.old_roles)
        else:
            set_task_values(store, changes, edit.task_id, edit.old_fields, edit.old_units)


def apply_task_edits(
    store: PlanStore,
    edits: list[TaskEdit],
    *,
    forward: bool = True,
    description: str,
    source: ChangeSource = ChangeSource.TABLE,
    seen: int | None = None,
    reread: Mapping[tuple[str, Any], int] | None = None,
) -> int | None:
    """Apply the new (``forward``) or old values of ``edits`` as one logged action: all of
    them or, on a refusal (:class:`~qdplanner.errors.QdError`), none. ``seen``/``reread``:
    as ``PlanStore.action`` (a task another editor changed since is refused). Returns the
    batch written (None: nothing changed)."""
    with store.action(source, description, seen=seen, reread=reread) as changes:
        apply_edits(store, changes, edits, forward=forward)
    return changes.written_batch
