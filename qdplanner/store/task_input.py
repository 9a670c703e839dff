"""Turning what a person types or pastes into a task cell into task fields.

Shared by the table's editors, paste from Excel and bulk edits, so a cell means the same
wherever it is typed. Raises :class:`ValidationError` naming the column and the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from qdplanner.domain.limits import check_values
from qdplanner.domain.task_rules import (
    deadline_fields,
    parse_percent,
    parse_status,
    split_unit_names,
)
from qdplanner.errors import N_, ValidationError
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_edits import read_task_fields, resolve_unit, task_units


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


def parse_cell(store: PlanStore, task_id: int, column: TaskColumn, text: str) -> TaskInput:
    """What typing ``text`` into ``column`` of task ``task_id`` changes.

    A value outside the limits of :mod:`qdplanner.domain.limits` (a control character, a
    text longer than a cell holds, a date past 2100) is refused here, naming its field.
    """
    parsed = _parse_cell(store, task_id, column, "" if text is None else str(text))
    check_values(parsed.fields)
    return parsed


def _parse_cell(store: PlanStore, task_id: int, column: TaskColumn, text: str) -> TaskInput:
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
        start = read_task_fields(store, task_id)["start_date"]
        return TaskInput(deadline_fields(text, start=start))
    lead, support = task_units(store, task_id)
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
