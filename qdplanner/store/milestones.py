"""Milestones (节点): dated checkpoints of a task, a program or a project; logged writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qdplanner.domain.limits import check_values
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


def read_milestones(store: PlanStore, task_id: int) -> list[dict]:
    """A task's milestones, by planned date."""
    return [
        dict(r)
        for r in store.db.query(
            "SELECT * FROM milestones WHERE task_id = ? ORDER BY planned_date, position, id",
            [task_id],
        )
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
