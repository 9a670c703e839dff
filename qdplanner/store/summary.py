"""The plan at a glance: counts, lights per program/project, overdue tasks.

Used by ``qdplanner status``, the window's status bar and the printed summary alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from itertools import groupby
from operator import attrgetter

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.status_light import is_overdue
from qdplanner.store.bulk import paused_gc
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import TaskRow, read_task_rows


@dataclass
class StreamSummary:
    kind: str  # "program" or "project"
    id: int
    name: str
    tasks: int = 0
    lights: Counter = field(default_factory=Counter)


COUNTED_TABLES = {
    "plan_documents": "plan_documents",
    "programs": "programs",
    "projects": "projects",
    "tasks": "tasks",
    "milestones": "milestones",
    "units": "units",
    "indicators": "indicators",
    "indicator_values": "indicator_values",
    "progress_reports": "progress_reports",
}


def record_counts(store: PlanStore) -> dict[str, int]:
    """How many records of each kind the plan holds (one query)."""
    sql = " UNION ALL ".join(
        f"SELECT '{name}', count(*) FROM {table}" for name, table in COUNTED_TABLES.items()
    )
    return {name: n for name, n in store.db.execute(sql).fetchall()}


_LIGHT = attrgetter("light")
_STREAM = attrgetter("program_id", "project_id", "stream_name")
_OVERDUE_ORDER = attrgetter("lead_unit", "due_date", "id")


@dataclass
class PlanSummary:
    as_of: date
    counts: dict[str, int]
    lights: Counter
    history: bool = False  # judged as the plan stood at ``as_of`` (see read_task_rows)
    # every task, in plan order (read by summarize without descriptions: None)
    rows: list[TaskRow] = field(default_factory=list)

    # Worked out from the rows when first asked for: the window's status bar asks for the
    # counts and lights alone.
    @cached_property
    def streams(self) -> list[StreamSummary]:
        """Each program and project with its tasks, in plan order, and their lights."""
        streams: dict[tuple[int | None, int | None], StreamSummary] = {}
        # rows in plan order come stream by stream: each run counted in C (rows in any
        # other order are counted right too, run by shorter run)
        for (program_id, project_id, name), run in groupby(self.rows, _STREAM):
            stream = streams.get((program_id, project_id))
            if stream is None:
                kind, sid = ("program", program_id) if program_id else ("project", project_id)
                stream = streams[program_id, project_id] = StreamSummary(kind, sid, name)
            lights = Counter(map(_LIGHT, run))
            stream.tasks += lights.total()
            stream.lights.update(lights)
        return list(streams.values())

    @cached_property
    def overdue(self) -> list[TaskRow]:
        """The overdue tasks (due date passed, not done) by lead unit, due date and id."""
        as_of = self.as_of
        no_record = StatusLight.NO_RECORD
        late: dict[tuple, bool] = {}  # past due: overdue or not by status and percent alone
        found = []
        for r in self.rows:
            due = r.due_date
            if due is None or due >= as_of or r.light is no_record:
                continue  # not past due (is_overdue's first test, here without a call)
            key = (r.status, r.percent)
            judged = late.get(key)
            if judged is None:
                judged = late[key] = is_overdue(r.status, r.percent, due, as_of)
            if judged:
                found.append(r)
        found.sort(key=_OVERDUE_ORDER)
        return found


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
        # no description and no supporting units: nothing a summary shows or counts
        rows = read_task_rows(
            store, as_of=as_of, history=history, descriptions=False, supporting=False
        )
    lights = Counter(map(_LIGHT, rows))  # counted in C
    return PlanSummary(as_of, record_counts(store), lights, history, rows)
