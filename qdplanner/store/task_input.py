"""Turning what a person types or pastes into a task cell into task fields.

Shared by the table's editors, the detail panel, paste from Excel and bulk edits, so a cell
means the same wherever it is typed: :func:`cells_edit` turns the cells of one task into the
:class:`~qdplanner.store.task_edits.TaskEdit` that the one edit path applies. Raises
:class:`ValidationError` naming the column and the text.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.limits import check_values
from qdplanner.domain.status_light import DONE_PERCENT
from qdplanner.domain.task_rules import (
    deadline_fields,
    parse_percent,
    parse_status,
)
from qdplanner.domain.unit_names import split_unit_names
from qdplanner.errors import N_, QdError, ValidationError
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_edits import TaskEdit, capture_task_edit, read_task_fields
from qdplanner.store.task_roles import Role, TaskUnits, check_units, lead_and_support, task_roles
from qdplanner.store.unit_directory import resolve_unit
from qdplanner.store.units import unit_display_name


class TaskColumn(StrEnum):
    """The editable columns of a task, by what they hold."""

    CODE = "code"
    TITLE = "title"
    PERCENT = "percent"
    STATUS = "status"
    LEAD = "lead_unit"
    SUPPORT = "support_units"
    DEADLINE = "deadline"
    START = "start_date"
    DUE = "due_date"
    NOTES = "notes"
    DESCRIPTION = "description"


@dataclass
class TaskInput:
    """Field values and, when units were typed, the new (lead, supporting) units."""

    fields: dict = field(default_factory=dict)
    units: tuple[int | None, list[int]] | None = None


def _unit_id(store: PlanStore, name: str, column: str) -> int:
    unit_id = resolve_unit(store, name)
    if unit_id is None:
        raise ValidationError(
            N_(
                "Messages",
                "unknown unit “{name}” (add it in the units view first, or use its "
                "full name, short name or alias)",
            ),
            field=column,
            name=name,
        )
    return unit_id


def _date(text: str, column: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            N_("Messages", "“{text}” is not a date (use YYYY-MM-DD)"), field=column, text=text
        ) from None


class _Task:
    """A task's stored fields and units, each read once, when first needed."""

    def __init__(self, store: PlanStore, task_id: int):
        self.store, self.task_id = store, task_id
        self._fields: dict | None = None
        self._roles: dict[int, Role] | None = None

    @property
    def fields(self) -> dict:
        if self._fields is None:
            self._fields = read_task_fields(self.store, self.task_id)
        return self._fields

    @property
    def roles(self) -> dict[int, Role]:
        if self._roles is None:
            self._roles = task_roles(self.store, self.task_id)
        return self._roles

    @property
    def units(self) -> TaskUnits:
        return lead_and_support(self.roles)


def parse_cell(store: PlanStore, task_id: int, column: TaskColumn, text: str) -> TaskInput:
    """What typing ``text`` into ``column`` of task ``task_id`` changes.

    A value outside the limits of :mod:`qdplanner.domain.limits` (a control character, a
    text longer than a cell holds, a date past 2100) is refused here, naming its field.
    """
    return _parsed(_Task(store, task_id), column, text)


def _parsed(task: _Task, column: TaskColumn, text: str | None) -> TaskInput:
    parsed = _parse_cell(task, column, "" if text is None else str(text))
    check_values(parsed.fields)
    return parsed


class CellRefused(ValidationError):
    """A cell :func:`cells_edit` refused: ``column`` says which; the message is the cause's."""

    def __init__(self, column: TaskColumn, cause: QdError):
        super().__init__(
            N_("Messages", "{problem}"),
            field=getattr(cause, "field", None) or column.value,
            problem=cause,
        )
        self.column = column
        self.cause = cause


def cells_edit(
    store: PlanStore, task_id: int, cells: list[tuple[TaskColumn, str | None]]
) -> TaskEdit:
    """The edit that typing each (column, text) of ``cells`` into task ``task_id`` makes, as
    one :class:`TaskEdit` with the values it replaces (one cell, or a pasted row).

    The lead and supporting units of one row are taken together: a unit typed as the lead
    leaves the supporting units (the edit's old and new units both say so), unless the row
    lists the supporting units too — then a unit in both is refused. A refusal is raised
    as :class:`CellRefused` naming its column; the task is read once, whatever the cells.
    """
    task = _Task(store, task_id)
    fields: dict = {}
    lead: int | None = None
    support: list[int] | None = None
    units_typed = False
    for column, text in cells:
        try:
            parsed = _parsed(task, column, text)
        except QdError as exc:
            raise CellRefused(column, exc) from exc
        fields.update(parsed.fields)
        if parsed.units is None:
            continue
        if column == TaskColumn.LEAD:
            lead = parsed.units[0]
        else:
            support = parsed.units[1]
        units_typed = True
    if (
        fields.get("status") == TaskStatus.DONE
        and "percent" not in fields
        and task.fields["percent"] < DONE_PERCENT
    ):
        fields["percent"] = DONE_PERCENT  # marked done: at 100 % (the domain's rule)
    units = None
    if units_typed:
        old_lead, old_support = task.units
        if not any(c == TaskColumn.LEAD for c, _ in cells):
            lead = old_lead
        if support is None:
            support = [u for u in old_support if u != lead]
        try:
            check_units(task_id, lead, support)
        except QdError as exc:
            raise CellRefused(TaskColumn.SUPPORT, exc) from exc
        units = (lead, support)
    if not fields and units is None:
        return TaskEdit(task_id, {}, {})
    return capture_task_edit(
        store,
        task_id,
        fields,
        units,
        current=task.fields if fields else None,
        current_roles=task.roles if units is not None else None,
    )


def unit_notices(store: PlanStore, edits: list[TaskEdit]) -> list[QdError]:
    """What ``edits`` did to units beyond what was typed, to tell the user once applied: a
    supporting unit made the lead leaves the supporting units (the rule of
    :func:`cells_edit`), so "市科技局 is now the lead and no longer a supporting unit"."""
    notices: list[QdError] = []
    for edit in edits:
        if edit.new_units is None or edit.old_units is None:
            continue
        (old_lead, old_support), (new_lead, new_support) = edit.old_units, edit.new_units
        if (
            new_lead is not None
            and new_lead != old_lead
            and new_lead in old_support
            and new_lead not in new_support
        ):
            notices.append(
                QdError(
                    N_("Messages", "{unit} is now the lead and no longer a supporting unit"),
                    unit=unit_display_name(store, new_lead) or f"#{new_lead}",
                )
            )
    return notices


def _parse_cell(task: _Task, column: TaskColumn, text: str) -> TaskInput:
    store = task.store
    if column in (TaskColumn.TITLE, TaskColumn.CODE, TaskColumn.NOTES, TaskColumn.DESCRIPTION):
        value = text.strip() if column in (TaskColumn.TITLE, TaskColumn.CODE) else text
        return TaskInput({column.value: value})
    if column == TaskColumn.PERCENT:
        return TaskInput({"percent": parse_percent(text)})
    if column == TaskColumn.STATUS:
        return TaskInput({"status": parse_status(text).value})
    if column == TaskColumn.START:
        return TaskInput({"start_date": _date(text, column.value)})
    if column in (TaskColumn.DUE, TaskColumn.DEADLINE):
        if not text.strip():
            return TaskInput({"due_date": None, "deadline_text": ""})
        if column == TaskColumn.DUE:
            with contextlib.suppress(ValueError):  # a date: the phrase follows it
                return TaskInput({"due_date": date.fromisoformat(text.strip())})
        keep = column == TaskColumn.DEADLINE  # an unread phrase is kept there, and flagged
        return TaskInput(deadline_fields(text, start=task.fields["start_date"], keep_unread=keep))
    lead, support = task.units
    if column == TaskColumn.LEAD:
        names = split_unit_names(text)
        if len(names) > 1:
            raise ValidationError(
                N_(
                    "Messages",
                    "a task has one lead unit (牵头单位); put the others under supporting units",
                ),
                field="lead_unit",
            )
        new_lead = _unit_id(store, names[0], column.value) if names else None
        return TaskInput(units=(new_lead, [u for u in support if u != new_lead]))
    if column == TaskColumn.SUPPORT:
        ids = [_unit_id(store, n, column.value) for n in split_unit_names(text)]
        return TaskInput(units=(lead, list(dict.fromkeys(ids))))
    raise ValidationError(
        N_("Messages", "{column} cannot be edited here"), field=str(column), column=str(column)
    )
