"""The plan at a glance: counts, lights per program/project, overdue tasks.

Used by ``qdplanner status``, the window's status bar and the printed summary alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter

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


_LIGHT = attrgetter("light")
_STREAM = attrgetter("program_id", "project_id")
_STREAM_NAME = attrgetter("stream_name")


@dataclass
class PlanSummary:
    as_of: date
    counts: dict[str, int]
    lights: Counter
    history: bool = False  # judged as the plan stood at ``as_of`` (see read_task_rows)
    rows: list[TaskRow] = field(default_factory=list)  # every task, in plan order

    # Worked out from the rows when first asked for: the window's status bar asks for the
    # counts and lights alone.
    @cached_property
    def streams(self) -> list[StreamSummary]:
        """Each program and project with its tasks, in plan order, and their lights."""
        rows = self.rows
        keys = list(map(_STREAM, rows))  # counted in C (Counter, zip, map), not row by row
        names = dict(zip(keys, map(_STREAM_NAME, rows), strict=True))  # in order of appearance
        streams: dict[tuple[int | None, int | None], StreamSummary] = {}
        for key, name in names.items():
            program_id, project_id = key
            kind, sid = ("program", program_id) if program_id else ("project", project_id)
            streams[key] = StreamSummary(kind, sid, name)
        for (key, light), n in Counter(zip(keys, map(_LIGHT, rows), strict=True)).items():
            stream = streams[key]
            stream.tasks += n
            stream.lights[light] = n
        return list(streams.values())

    @cached_property
    def overdue(self) -> list[TaskRow]:
        """The overdue tasks (due date passed, not done) by lead unit, due date and id."""
        as_of = self.as_of
        return sorted(
            (
                r
                for r in self.rows
                if r.light is not StatusLight.NO_RECORD
                and is_overdue(r.status, r.percent, r.due_date, as_of)
            ),
            key=lambda r: (r.lead_unit, r.due_date, r.id),
        )


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
    lights = Counter(map(_LIGHT, rows))  # counted in C
    return PlanSummary(as_of, record_counts(store), lights, history, rows)
