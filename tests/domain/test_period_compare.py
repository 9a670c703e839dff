"""What moved between two periods (与上期相比): the rule over two standings, no store."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.enums import IndicatorLight, ReturnStanding, StatusLight, TaskStatus
from qdplanner.domain.period_compare import (
    IndicatorStanding,
    Move,
    PeriodStanding,
    TaskStanding,
    UnitStanding,
    compare,
    light_move,
    previous_period,
    returned_late,
)
from qdplanner.domain.periods import parse_period

L = StatusLight


def task(task_id, light, *, status=TaskStatus.IN_PROGRESS, percent=50, reported=True,
         overdue=False, recorded=True):  # fmt: skip
    return TaskStanding(
        task_id, f"T{task_id}", f"任务{task_id}", "市科技局", "工程一", date(2025, 12, 31),
        light, status, percent, recorded, reported, overdue,
    )  # fmt: skip


def indicator(indicator_id, light, value, when="2025"):
    return IndicatorStanding(indicator_id, "", f"指标{indicator_id}", "家", value, when, 0.5, light)


def unit(unit_id, standing, *, returned_at=None, due=date(2026, 1, 10), left_empty=0):
    return UnitStanding(
        unit_id, f"单位{unit_id}", standing, 4, 4 - left_empty, left_empty, due,
        "2026-01-02T01:00:00+00:00", returned_at,
    )  # fmt: skip


def standing(period, tasks=(), indicators=(), units=(), closed=True):
    end = parse_period(period).end
    when, who = ("2026-01-20T02:00:00+00:00", "张三") if closed else (None, "")
    return PeriodStanding(period, end, closed, when, who, tuple(tasks), tuple(indicators),
                          tuple(units))  # fmt: skip


@pytest.mark.parametrize(
    ("before", "after", "move"),
    [
        (L.GREEN, L.DONE, Move.BETTER),
        (L.YELLOW, L.GREEN, Move.BETTER),
        (L.RED, L.YELLOW, Move.BETTER),
        (L.GREEN, L.BLUE, Move.WORSE),  # due soon is below on track in the light order
        (L.GREEN, L.RED, Move.WORSE),
        (L.GREY, L.GREEN, Move.OTHER),  # not started → started: neither better nor worse
        (L.NO_RECORD, L.RED, Move.OTHER),  # no report before: nothing to be worse than
        (L.YELLOW, L.NO_RECORD, Move.OTHER),
        (L.RED, L.RED, Move.SAME),
        (None, L.RED, Move.OTHER),  # a new task
        (IndicatorLight.BEHIND, IndicatorLight.ACHIEVED, Move.BETTER),
        (IndicatorLight.ON_TRACK, IndicatorLight.OFF_TRACK, Move.WORSE),
        (IndicatorLight.NO_DATA, IndicatorLight.BEHIND, Move.OTHER),
    ],
)
def test_lights_are_better_or_worse_by_the_light_order_only_where_both_judge(before, after, move):
    assert light_move(before, after) == move


@pytest.mark.parametrize(
    ("period", "before"),
    [("2025Q4", "2025Q3"), ("2025Q1", "2024Q4"), ("2025H1", "2024H2"), ("2025H2", "2025H1"),
     ("2025", "2024"), ("2025-01", "2024-12"), ("2025-07", "2025-06")],
)  # fmt: skip
def test_the_previous_period_has_the_same_length(period, before):
    assert previous_period(parse_period(period)).code == before


def test_a_return_is_late_when_it_came_after_the_due_day():
    due = date(2026, 1, 10)
    assert returned_late("2026-01-20T02:00:00+00:00", due)
    assert not returned_late("2026-01-09T02:00:00+00:00", due)
    assert not returned_late(None, due)
    assert not returned_late("2026-01-20T02:00:00+00:00", None)


def test_compare_sorts_tasks_into_what_moved():
    earlier = standing("2025Q3", [
        task(1, L.YELLOW), task(2, L.GREEN), task(3, L.GREEN, percent=90), task(4, L.GREEN),
        task(5, L.GREY), task(6, L.DONE, status=TaskStatus.DONE, percent=100), task(9, L.RED),
    ])  # fmt: skip
    later = standing("2025Q4", [
        task(1, L.GREEN),  # better
        task(2, L.RED, overdue=True),  # worse, newly overdue
        task(3, L.DONE, status=TaskStatus.DONE, percent=100),  # better, newly done
        task(4, L.GREEN, reported=False),  # the same light, no report this quarter
        task(5, L.GREEN),  # started: another change
        task(6, L.DONE, status=TaskStatus.DONE, percent=100, reported=False),  # done before
        task(7, L.RED, overdue=True, reported=False),  # new: newly overdue, no report
        task(8, L.GREY, status=TaskStatus.SUSPENDED, reported=False),  # set aside: no report due
    ])  # fmt: skip
    result = compare(earlier, later)
    ids = lambda moves: [m.after.task_id for m in moves]  # noqa: E731
    assert ids(result.better) == [1, 3]
    assert ids(result.worse) == [2]
    assert ids(result.other) == [5]
    assert ids(result.newly_done) == [3]
    assert ids(result.newly_overdue) == [2, 7]
    assert ids(result.no_report) == [4, 7]
    assert (result.new_tasks, result.gone_tasks) == (2, 1)
    assert result.worse[0].before.light == L.GREEN
    counts = result.counts()
    assert counts["lights_better"] == 2 and counts["no_report"] == 2 and counts["tasks"] == 8
    table = {light: (a, b) for light, a, b in result.light_table()}
    assert table[L.GREEN] == (3, 3) and table[L.RED] == (1, 2) and L.BLUE not in table


def test_compare_lists_indicators_that_moved_and_units_late_or_not_returned():
    earlier = standing(
        "2025Q3",
        indicators=[indicator(1, IndicatorLight.BEHIND, 100),
                    indicator(2, IndicatorLight.ON_TRACK, 5)],
        units=[unit(1, ReturnStanding.MISSING), unit(2, ReturnStanding.RETURNED,
                                                     returned_at="2025-10-05T02:00:00+00:00")],
    )  # fmt: skip
    later = standing(
        "2025Q4",
        indicators=[indicator(1, IndicatorLight.ACHIEVED, 120),
                    indicator(2, IndicatorLight.ON_TRACK, 5),
                    indicator(3, IndicatorLight.NO_DATA, None, "")],
        units=[
            unit(1, ReturnStanding.RETURNED, returned_at="2026-01-20T02:00:00+00:00"),  # late
            unit(2, ReturnStanding.PARTIAL, returned_at="2026-01-08T02:00:00+00:00",
                 left_empty=2),
            unit(3, ReturnStanding.MISSING),
            unit(4, ReturnStanding.RETURNED, returned_at="2026-01-08T02:00:00+00:00"),  # on time
            unit(5, ReturnStanding.NOT_ISSUED, due=None),
        ],
    )  # fmt: skip
    result = compare(earlier, later)
    assert [(m.after.indicator_id, m.move) for m in result.indicators] == [
        (1, Move.BETTER), (3, Move.OTHER),
    ]  # fmt: skip
    assert [m.after.unit_id for m in result.units] == [1, 2, 3]
    assert [m.after.unit_id for m in result.units_late] == [1]
    assert [m.after.unit_id for m in result.units_partial] == [2]
    assert [m.after.unit_id for m in result.units_not_returned] == [3]
    assert [m.again for m in result.units] == [True, False, False]  # unit 1 was missing before
    data = result.as_dict()
    assert data["earlier"]["closed"] and data["earlier"]["closed_by"] == "张三"
    assert data["units_late_or_missing"][0]["standing_before"] == "missing"
    assert data["indicators_moved"][0]["latest_value_before"] == 100


def test_a_standing_kept_to_a_scope_drops_the_rest():
    s = standing("2025Q4", [task(1, L.GREEN), task(2, L.RED)],
                 [indicator(1, IndicatorLight.BEHIND, 1)],
                 [unit(1, ReturnStanding.MISSING)])  # fmt: skip
    kept = s.only(task_ids=[2], indicator_ids=[], unit_ids=None)
    assert [t.task_id for t in kept.tasks] == [2]
    assert kept.indicators == () and len(kept.units) == 1
    assert kept.header()["live"] is False and kept.header()["lights"] == {"red": 1}


def test_an_indicator_judged_for_the_first_time_is_counted_as_first_measured():
    earlier = standing("2025Q3", indicators=[indicator(1, IndicatorLight.NO_DATA, None, ""),
                                             indicator(2, IndicatorLight.BEHIND, 3)])  # fmt: skip
    later = standing("2025Q4", indicators=[indicator(1, IndicatorLight.ACHIEVED, 9),
                                           indicator(2, IndicatorLight.ON_TRACK, 4),
                                           indicator(3, IndicatorLight.BEHIND, 1)])  # fmt: skip
    result = compare(earlier, later)
    # no data → achieved is neither better nor worse: it is measured for the first time
    assert [m.after.indicator_id for m in result.indicators_first_measured] == [1, 3]
    counts = result.counts()
    assert (counts["indicators_moved"], counts["indicators_better"]) == (3, 1)
    assert counts["indicators_first_measured"] == 2
