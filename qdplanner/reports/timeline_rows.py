"""The lines of a timeline on paper: task rows, with a header row before each group."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from qdplanner.errors import N_
from qdplanner.reports.timeline_style import timeline_word
from qdplanner.store.task_rows import TaskRow


class GroupBy(StrEnum):
    NONE = "none"
    PROJECT = "project"  # program or project (the task's stream)
    UNIT = "unit"  # lead unit


@dataclass(frozen=True, slots=True)
class GroupHeader:
    """A group's title row (on paper): the program/project or the lead unit."""

    label: str
    count: int = 0


Line = TaskRow | GroupHeader


def group_key(row: TaskRow, by: GroupBy, lang: str | None = None) -> str:
    """The group ``row`` is in: its stream's name, or its lead unit (words in ``lang``; None:
    the window's)."""
    if by == GroupBy.UNIT:
        return row.lead_short or timeline_word(lang, N_("Timeline", "(no lead unit)"))
    if by == GroupBy.PROJECT:
        return row.stream_name
    return ""


def grouped_lines(rows: Sequence[TaskRow], by: GroupBy, lang: str | None = None) -> list[Line]:
    """``rows`` with a header before each group; by unit, rows are ordered by lead unit
    (stable, so plan order holds within a unit; tasks without a lead unit last). ``lang``:
    of the header words (None: the window's language)."""
    if by == GroupBy.NONE:
        return list(rows)
    ordered = list(rows)
    if by == GroupBy.UNIT:
        ordered.sort(key=lambda r: (not r.lead_short, r.lead_short))
    lines: list[Line] = []
    counts: dict[str, int] = {}
    for row in ordered:
        key = group_key(row, by, lang)
        counts[key] = counts.get(key, 0) + 1
    current = None
    for row in ordered:
        key = group_key(row, by, lang)
        if key != current:
            current = key
            lines.append(GroupHeader(key, counts[key]))
        lines.append(row)
    return lines
