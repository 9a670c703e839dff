"""The plan summary's streams and overdue list, against the plain rules they follow."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.status_light import is_overdue
from qdplanner.store.summary import summarize
from qdplanner.store.task_rows import read_task_rows


def plain_streams(rows):
    """Each stream in order of first appearance: (kind, id, name, tasks, lights)."""
    found: dict = {}
    for r in rows:
        key = (r.program_id, r.project_id)
        if key not in found:
            kind, sid = ("program", r.program_id) if r.program_id else ("project", r.project_id)
            found[key] = [kind, sid, r.stream_name, 0, Counter()]
        found[key][3] += 1
        found[key][4][r.light] += 1
    return [tuple(v) for v in found.values()]


def plain_overdue(rows, as_of):
    late = [
        r
        for r in rows
        if r.light is not StatusLight.NO_RECORD
        and is_overdue(r.status, r.percent, r.due_date, as_of)
    ]
    return sorted(late, key=lambda r: (r.lead_unit, r.due_date, r.id))


def as_tuples(streams):
    return [(s.kind, s.id, s.name, s.tasks, s.lights) for s in streams]


@pytest.mark.parametrize(
    ("as_of", "history"),
    [
        (date(2025, 6, 30), False),
        (date(2026, 1, 1), False),
        (date(2025, 6, 30), True),
        (date(2024, 6, 30), True),  # a task with no report by then: 无进展记录
    ],
)
def test_streams_and_overdue_follow_the_plain_rules(sample_plan, as_of, history):
    summary = summarize(sample_plan, as_of=as_of, history=history)
    rows = read_task_rows(sample_plan, as_of=as_of, history=history)
    assert [r.id for r in summary.rows] == [r.id for r in rows]
    assert as_tuples(summary.streams) == plain_streams(rows)
    assert [r.id for r in summary.overdue] == [r.id for r in plain_overdue(rows, as_of)]
    assert bool(summary.overdue) == (as_of.year >= 2025)  # the sample plan's overdue tasks
    assert sum(s.tasks for s in summary.streams) == len(rows) == sum(summary.lights.values())


def test_rows_in_any_order_are_counted_alike(sample_plan):
    # the window passes its own rows: a stream's rows need not come together
    as_of = date(2025, 3, 1)
    rows = read_task_rows(sample_plan, as_of=as_of)
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    summary = summarize(sample_plan, as_of=as_of, rows=shuffled)
    assert as_tuples(summary.streams) == plain_streams(shuffled)
    assert [r.id for r in summary.overdue] == [r.id for r in plain_overdue(rows, as_of)]
