"""Closed periods in the plan file: close, refuse, never recompute, reopen, compare."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from qdplanner.domain.enums import ChangeSource, ReturnStanding, StatusLight
from qdplanner.errors import ValidationError
from qdplanner.store import PlanStore
from qdplanner.store.collections import lead_units, record_issued, record_returned
from qdplanner.store.periods import (
    close_period,
    closed_periods,
    compare_periods,
    judge_period,
    period_close,
    period_closes,
    read_snapshot,
    reopen_period,
)
from qdplanner.store.progress import ReportInput, record_progress
from qdplanner.store.task_structure import delete_tasks

TODAY = date(2026, 1, 20)  # 2025Q4 is over, its returns were due on 2026-01-10
FIXTURES = Path(__file__).parent.parent / "fixtures"


def close(store, period, today=TODAY):
    with store.action(ChangeSource.COMMAND, f"period close {period}") as changes:
        return close_period(store, changes, period, today=today)


def reopen(store, period):
    with store.action(ChangeSource.COMMAND, f"period reopen {period}") as changes:
        return reopen_period(store, changes, period)


def reported_task(store, period="2025Q3") -> tuple[int, str]:
    """A task with a narrative for ``period``, and the narrative."""
    return store.db.execute(
        "SELECT task_id, narrative FROM progress_reports WHERE period = ? AND narrative != ''"
        " ORDER BY task_id LIMIT 1",
        [period],
    ).fetchone()


def test_closing_keeps_every_task_indicator_and_unit_as_they_stood_at_the_period_end(sample_plan):
    store = sample_plan
    judged = judge_period(store, "2025Q3", TODAY)
    closed = close(store, "2025年第三季度")  # read as offices write it, kept as 2025Q3
    assert closed.period == "2025Q3" and closed.judged_at == date(2025, 9, 30)
    assert (closed.tasks, closed.indicators) == (61, 32)
    assert closed.units == len(lead_units(store))
    assert closed.closed_by == store.user and closed.in_force
    assert sum(closed.lights.values()) == 61
    kept = read_snapshot(store, "2025Q3")
    assert kept.closed and kept.closed_by == store.user and kept.judged_at == date(2025, 9, 30)
    assert kept.tasks == judged.tasks  # the plan as it stood at 2025-09-30, whole
    assert kept.indicators == judged.indicators and kept.units == judged.units
    task_id, narrative = reported_task(store)
    row = next(t for t in kept.tasks if t.task_id == task_id)
    assert (row.narrative, row.narrative_period, row.reported) == (narrative, "2025Q3", True)
    assert closed_periods(store) == ["2025Q3"]


def test_closing_is_one_logged_action(sample_plan):
    store = sample_plan
    before = store.version
    close(store, "2025Q3")
    assert store.version == before + 1  # one change batch: one undo step, one transaction
    logged = store.db.execute(
        "SELECT entity, field, new_value FROM change_log WHERE batch_id = ? ORDER BY id",
        [store.version],
    ).fetchall()
    entities = [e for e, _f, _n in logged]
    assert entities == ["period_closes", "period_tasks", "period_indicators", "period_units"]
    assert "61 tasks of 2025Q3 as at 2025-09-30" in logged[1][2]


def test_a_closed_period_is_never_recomputed(sample_plan):
    store = sample_plan
    close(store, "2025Q3")
    kept = read_snapshot(store, "2025Q3")
    task_id, _narrative = reported_task(store)
    old = next(t for t in kept.tasks if t.task_id == task_id)
    with store.action(ChangeSource.FORM, "a late correction") as changes:
        record_progress(store, changes, task_id,
                        ReportInput("2025Q3", "in_progress", 5, narrative="改过了"))  # fmt: skip
        delete_tasks(store, changes, [kept.tasks[-1].task_id])
    again = read_snapshot(store, "2025Q3")
    assert again.tasks == kept.tasks  # the changed report and the removed task: as closed
    live = judge_period(store, "2025Q3", TODAY)
    now = next(t for t in live.tasks if t.task_id == task_id)
    assert (now.percent, now.narrative) == (5, "改过了")
    assert (old.percent, old.narrative) != (5, "改过了")
    assert len(live.tasks) == len(kept.tasks) - 1


def test_closing_again_is_refused_naming_when_and_by_whom(sample_plan):
    store = sample_plan
    store.user = "张三"
    close(store, "2025Q3")
    version = store.version
    with pytest.raises(ValidationError, match=r"2025Q3 is already closed \(closed .* by 张三\)"):
        close(store, "2025Q3")
    assert store.version == version  # nothing written
    assert len(period_closes(store)) == 1


def test_a_period_not_over_is_refused(sample_plan):
    store = sample_plan
    with pytest.raises(
        ValidationError, match=r"2026Q1 has not ended yet \(it ends on 2026-03-31\)"
    ):
        close(store, "2026Q1")
    with pytest.raises(ValidationError, match="not a reporting period"):
        close(store, "2025Q5")
    with pytest.raises(ValidationError, match="has not begun yet"):
        compare_periods(store, "2025Q4", "2026Q3", TODAY)
    assert period_closes(store) == []


def test_reopening_is_explicit_logged_and_allows_closing_anew(sample_plan):
    store = sample_plan
    first = close(store, "2025Q3")
    with pytest.raises(ValidationError, match="2025Q2 is not closed"):
        reopen(store, "2025Q2")
    store.user = "李四"
    was = reopen(store, "2025Q3")
    assert was.id == first.id
    assert period_close(store, "2025Q3") is None and read_snapshot(store, "2025Q3") is None
    (record,) = period_closes(store)
    assert not record.in_force and record.reopened_by == "李四" and record.reopened_at
    fields = {f for (f,) in store.db.execute(
        "SELECT field FROM change_log WHERE batch_id = ? AND entity = 'period_closes'",
        [store.version],
    )}  # fmt: skip
    assert fields == {"reopened_at", "reopened_by"}
    for table in ("period_tasks", "period_indicators", "period_units"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    second = close(store, "2025Q3")
    assert second.id != first.id and second.closed_by == "李四"
    assert [c.in_force for c in period_closes(store)] == [True, False]  # latest closing first


def test_a_standing_written_again_keeps_its_figures_author_and_time(sample_plan):
    """What the window's undo of a reopening does: the kept rows go back, never recomputed."""
    store = sample_plan
    close(store, "2025Q3")
    kept = read_snapshot(store, "2025Q3")
    reopen(store, "2025Q3")
    with store.action(ChangeSource.FORM, "undo: reopen") as changes:
        close_period(store, changes, "2025Q3", standing=kept)
    again = read_snapshot(store, "2025Q3")
    assert again == kept


def test_units_returns_are_kept_with_late_and_missing_ones(sample_plan):
    store = sample_plan
    units = [u.id for u in lead_units(store)][:3]
    issued = datetime(2025, 10, 1, tzinfo=UTC)
    with store.action(ChangeSource.COMMAND, "round") as changes:
        for unit_id in units:
            record_issued(store, changes, "2025Q3", unit_id, issued, "x.xlsx", date(2025, 10, 10))
        record_returned(store, changes, "2025Q3", units[0], datetime(2025, 10, 8, 3, tzinfo=UTC),
                        "a.xlsx")  # fmt: skip
        record_returned(store, changes, "2025Q3", units[1], datetime(2025, 10, 20, 3, tzinfo=UTC),
                        "b.xlsx")  # fmt: skip
    close(store, "2025Q3")
    kept = {u.unit_id: u for u in read_snapshot(store, "2025Q3").units}
    assert kept[units[0]].standing == ReturnStanding.RETURNED and not kept[units[0]].late
    assert kept[units[1]].standing == ReturnStanding.RETURNED and kept[units[1]].late
    assert kept[units[2]].standing == ReturnStanding.MISSING
    assert kept[units[2]].due_on == date(2025, 10, 10)
    result = compare_periods(store, "2025Q2", "2025Q3", TODAY)
    assert {m.after.unit_id for m in result.units_late} == {units[1]}
    assert {m.after.unit_id for m in result.units_not_returned} == {units[2]}


def test_comparing_a_closed_period_with_an_open_one_judges_the_open_one_live(sample_plan):
    store = sample_plan
    live = compare_periods(store, "2025Q3", "2025Q2", TODAY)  # either order: earlier first
    assert (live.earlier.period, live.later.period) == ("2025Q2", "2025Q3")
    close(store, "2025Q3")
    mixed = compare_periods(store, "2025Q2", "2025Q3", TODAY)
    assert not mixed.earlier.closed and mixed.earlier.judged_at == date(2025, 6, 30)
    assert mixed.later.closed
    assert mixed.counts() == live.counts()  # nothing changed since: the same answer
    assert mixed.worse and all(m.after.light in (StatusLight.YELLOW, StatusLight.RED)
                               for m in mixed.worse)  # fmt: skip
    with pytest.raises(ValidationError, match="two different periods"):
        compare_periods(store, "2025Q3", "2025年第三季度", TODAY)


def test_a_plan_from_the_first_schema_gains_the_period_tables(tmp_path):
    copy = tmp_path / "old.qdplan"
    shutil.copy(FIXTURES / "plan-schema1.qdplan", copy)
    with PlanStore.open(copy) as store:
        assert period_closes(store) == []
        tables = set(store.db.table_names())
    assert {"period_closes", "period_tasks", "period_indicators", "period_units"} <= tables
