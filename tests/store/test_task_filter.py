"""Filtering task rows by text, unit, light and due-date range."""

from __future__ import annotations

from datetime import date

from qdplanner.domain.enums import StatusLight
from qdplanner.store.task_filter import TaskFilter, filter_rows
from qdplanner.store.task_rows import read_task_rows

AS_OF = date(2023, 3, 1)


def titles(rows):
    return [r.title for r in rows]


def test_empty_filter_keeps_every_row(small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    assert filter_rows(rows, TaskFilter()) == rows


def test_text_matches_chinese_substrings_of_title_and_notes(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.update("tasks", ids["ongoing"], {"notes": "需协调海洋发展局"})
    rows = read_task_rows(store, as_of=AS_OF)
    assert titles(filter_rows(rows, TaskFilter(text="逾期"))) == ["逾期任务"]
    assert titles(filter_rows(rows, TaskFilter(text="海洋"))) == ["长期任务"]
    assert titles(filter_rows(rows, TaskFilter(text="任务"))) == ["长期任务", "逾期任务", "子任务"]


def test_unit_matches_lead_or_supporting_by_full_or_short_name(small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    assert titles(filter_rows(rows, TaskFilter(unit="市科技局"))) == ["逾期任务"]
    assert titles(filter_rows(rows, TaskFilter(unit="青岛市科学技术局"))) == ["逾期任务"]
    assert titles(filter_rows(rows, TaskFilter(unit="市财政局"))) == ["逾期任务"]  # supporting
    assert filter_rows(rows, TaskFilter(unit="市教育局")) == []


def test_light_and_due_range(small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    red = TaskFilter(lights=frozenset([StatusLight.RED]))
    assert titles(filter_rows(rows, red)) == ["逾期任务"]
    in_2024 = TaskFilter(due_from=date(2024, 1, 1), due_to=date(2024, 12, 31))
    assert titles(filter_rows(rows, in_2024)) == ["子任务"]  # no due date never matches a range


def test_full_width_and_case_are_folded(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.update("tasks", ids["ongoing"], {"title": "建设ＡＩ国际客厅"})
    rows = read_task_rows(store, as_of=AS_OF)
    assert titles(filter_rows(rows, TaskFilter(text="ai"))) == ["建设ＡＩ国际客厅"]
