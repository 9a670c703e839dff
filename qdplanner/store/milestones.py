"""Milestones (节点): dated checkpoints of a task, a program or a project; logged writes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from qdplanner.domain.limits import check_values
from qdplanner.domain.models import Milestone
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore


@dataclass
class MilestoneInput:
    title: str
    planned_date: date | None
    actual_date: date | None = None
    notes: str = ""


def _checked(values: MilestoneInput) -> dict:
    if not values.title.strip():
        raise ValidationError(N_("Messages", "the milestone needs a title"), field="title")
    if values.planned_date is None:
        raise ValidationError(
            N_("Messages", "the milestone needs a planned date"), field="planned_date"
        )
    checked = {
        "title": values.title.strip(),
        "planned_date": values.planned_date,
        "actual_date": values.actual_date,
        "notes": values.notes,
    }
    check_values(checked)
    return checked


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


MILESTONE_FIELDS = (
    "SELECT id, title, planned_date, actual_date, task_id, program_id, project_id, notes,"
    " is_illustrative, position FROM milestones"
)


def read_milestones(store: PlanStore, task_id: int) -> list[Milestone]:
    """A task's milestones, by planned date."""
    sql = MILESTONE_FIELDS + " WHERE task_id = ? ORDER BY planned_date, position, id"
    return read_milestone_rows(store, sql, [task_id])


def read_milestone(store: PlanStore, milestone_id: int) -> Milestone:
    """One milestone; :class:`NotFoundError` when there is none with that id."""
    found = read_milestone_rows(store, MILESTONE_FIELDS + " WHERE id = ?", [milestone_id])
    if not found:
        raise NotFoundError(N_("Messages", "milestone #{id} does not exist"), id=milestone_id)
    return found[0]


def read_milestone_rows(
    store: PlanStore, sql: str, params: list, *, day: Callable[[str | None], Any] | None = None
) -> list[Milestone]:
    """Milestones from ``sql`` (:data:`MILESTONE_FIELDS` and a condition); ``day`` reads a
    stored date (default: ISO text, else None)."""
    day = day or _day
    return [
        Milestone(
            id=r[0],
            title=r[1],
            planned_date=day(r[2]),
            actual_date=day(r[3]),
            task_id=r[4],
            program_id=r[5],
            project_id=r[6],
            notes=r[7],
            is_illustrative=bool(r[8]),
            position=r[9],
        )
        for r in store.db.execute(sql, params)
    ]


@dataclass(frozen=True, slots=True)
class DatedMilestone:
    """A milestone with a planned date, with what it belongs to (the task's program or
    project for a task's milestone) and that owner's name."""

    title: str
    planned_date: date
    actual_date: date | None
    task_id: int | None
    program_id: int | None
    project_id: int | None
    owner: str  # the task's title, else the program's or project's name


_DATED_SQL = """
SELECT m.title, m.planned_date, m.actual_date, m.task_id,
       COALESCE(t.program_id, m.program_id), COALESCE(t.project_id, m.project_id),
       COALESCE(t.title, pr.name, pj.name, '')
FROM milestones m
LEFT JOIN tasks t ON t.id = m.task_id
LEFT JOIN programs pr ON pr.id = m.program_id
LEFT JOIN projects pj ON pj.id = m.project_id
WHERE m.planned_date IS NOT NULL
ORDER BY m.planned_date, m.position, m.id
"""


def dated_milestones(store: PlanStore) -> list[DatedMilestone]:
    """Every milestone that has a planned date, by planned date."""

    return [
        DatedMilestone(title, date.fromisoformat(planned), _day(actual), *rest)
        for title, planned, actual, *rest in store.db.execute(_DATED_SQL)
    ]


def add_milestone(
    store: PlanStore, changes: ChangeSet, task_id: int, values: MilestoneInput
) -> int:
    if store.db.execute("SELECT 1 FROM tasks WHERE id = ?", [task_id]).fetchone() is None:
        raise NotFoundError(N_("Messages", "task #{id} does not exist"), id=task_id)
    position = store.db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM milestones WHERE task_id = ?", [task_id]
    ).fetchone()[0]
    return changes.insert(
        "milestones", {"task_id": task_id, "position": position, **_checked(values)}
    )


def update_milestone(
    store: PlanStore, changes: ChangeSet, milestone_id: int, values: MilestoneInput
) -> dict:
    return changes.update("milestones", milestone_id, _checked(values))


def delete_milestone(store: PlanStore, changes: ChangeSet, milestone_id: int) -> Milestone:
    """Delete a milestone; return it, for :func:`put_back_milestone` (undo)."""
    milestone = read_milestone(store, milestone_id)
    changes.delete("milestones", milestone_id)
    return milestone


def put_back_milestone(changes: ChangeSet, milestone: Milestone) -> None:
    """Insert back, with its id, a milestone :func:`delete_milestone` (or
    :func:`read_milestone`) returned."""
    changes.insert("milestones", asdict(milestone))


def milestone_row(store: PlanStore, milestone_id: int) -> dict:
    row = store.db.execute("SELECT 1 FROM milestones WHERE id = ?", [milestone_id]).fetchone()
    if row is None:
        raise NotFoundError(N_("Messages", "milestone #{id} does not exist"), id=milestone_id)
    return dict(store.db["milestones"].get(milestone_id))


def as_input(row: dict) -> MilestoneInput:
    """The editable values of a stored milestone row."""

    def day(text):
        return date.fromisoformat(text) if text else None

    return MilestoneInput(
        row["title"], day(row["planned_date"]), day(row["actual_date"]), row["notes"]
    )
