"""The plan at a glance: counts, lights per program/project, overdue tasks.

Used by ``qdplanner status``, the window's status bar and the printed summary alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.status_light import is_overdue
from qdplanner.store.bulk import paused_gc
from qdplanner.store.outline import record_counts
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import TaskRow, read_task_rows


@dataclass
class StreamSummary:
    kind: str  # "program" or "project"
    id: int
    name: str
    tasks: int = 0
    lights: Counter = field(default_factory=Counter)


@dataclass
class PlanSummary:
    as_of: date
    counts: dict[str, int]
    lights: Counter
    streams: list[StreamSummary]
    overdue: list[TaskRow]
    history: bool = False  # judged as the plan stood at ``as_of`` (see read_task_rows)
    rows: list[TaskRow] = field(default_factory=list)  # every task, in plan order


def summarize(
    store: PlanStore,
    *,
    as_of: date | None = None,
    rows: list[TaskRow] | None = None,
    history: bool = False,
) -> PlanSummary:
    """Counts, lights and the overdue tasks (due date passed, not done), at ``as_of``;
    with ``history``, as the plan stood then (a task with no progress report by then is
    counted 无进展记录 and is not listed overdue: nobody said how it stood).

    ``rows`` may pass every task of the plan, already read at ``as_of`` (the window's
    "All tasks" table), to save reading them again.
    """
    with paused_gc():  # many rows, no cycles: see qdplanner.store.bulk
        return _summarize(store, as_of or date.today(), rows, history)


def _summarize(
    store: PlanStore, as_of: date, rows: list[TaskRow] | None, history: bool
) -> PlanSummary:
    if rows is None:
        rows = read_task_rows(store, as_of=as_of, history=history)
    streams: dict[tuple[str, int], StreamSummary] = {}
    lights: Counter = Counter()
    for row in rows:
        kind, sid = ("program", row.program_id) if row.program_id else ("project", row.project_id)
        stream = streams.get((kind, sid))
        if stream is None:
            stream = streams[(kind, sid)] = StreamSummary(kind, sid, row.stream_name)
        stream.tasks += 1
        stream.lights[row.light] += 1
        lights[row.light] += 1
    overdue = sorted(
        (
            r
            for r in rows
            if r.light is not StatusLight.NO_RECORD
            and is_overdue(r.status, r.percent, r.due_date, as_of)
        ),
        key=lambda r: (r.lead_unit, r.due_date, r.id),
    )
    return PlanSummary(
        as_of, record_counts(store), lights, list(streams.values()), overdue, history, rows
    )
