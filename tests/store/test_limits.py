"""Every store function that takes a value from a person or a file refuses one a plan cannot
hold (:mod:`qdplanner.domain.limits`), naming it, and writes nothing.

(These test qdplanner/store; they sit here while tests/store is being reworked.)
"""

from __future__ import annotations

import math
from datetime import date

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import ValidationError
from qdplanner.store.indicators import set_indicator_value
from qdplanner.store.milestones import MilestoneInput, add_milestone, update_milestone
from qdplanner.store.outline_edits import add_plan_document, add_stream, rename
from qdplanner.store.progress import ReportInput, record_progress
from qdplanner.store.task_edits import update_task
from qdplanner.store.task_input import TaskColumn, parse_cell
from qdplanner.store.task_structure import Place, insert_task
from qdplanner.store.timeline import save_baseline
from qdplanner.store.units import add_unit, set_aliases, update_unit

LONG = "长" * 32_768


def _refused(store, write, says: str, field: str | None = None) -> ValidationError:
    """Run ``write(changes)`` in an action: it must be refused, and the plan left as it was."""
    version = store.version
    log = store.db["change_log"].count
    with pytest.raises(ValidationError) as refused, store.action(ChangeSource.FORM, "t") as changes:
        write(changes)
    assert says in str(refused.value)
    if field is not None:
        assert refused.value.field == field
    assert (store.version, store.db["change_log"].count) == (version, log)
    return refused.value


@pytest.mark.parametrize(
    ("values", "field", "says"),
    [
        ({"title": "a\x01b"}, "title", "U+0001"),
        ({"notes": LONG}, "notes", "32,768 characters long"),
        ({"due_date": date(9999, 12, 31)}, "due_date", "between 1900-01-01 and 2100-12-31"),
        ({"start_date": date(1899, 1, 1)}, "start_date", "(got 1899-01-01)"),
    ],
)
def test_update_task_refuses_values_beyond_the_limits(small_plan, values, field, says):
    store, ids = small_plan
    error = _refused(store, lambda ch: update_task(store, ch, ids["late"], values), says, field)
    assert str(error).startswith("Task “逾期任务”:")


def test_insert_task_refuses_a_title_beyond_the_limits(small_plan):
    store, ids = small_plan
    place = Place(None, ids["project"], None, 0)
    _refused(store, lambda ch: insert_task(store, ch, place, "新\x00任务"), "U+0000")
    _refused(store, lambda ch: insert_task(store, ch, place, "新任务", notes=LONG), "32,768")


@pytest.mark.parametrize(
    ("column", "text", "says"),
    [
        (TaskColumn.TITLE, "\ufffe标题", "U+FFFE"),
        (TaskColumn.NOTES, LONG, "32,768 characters"),
        (TaskColumn.START, "9999-12-31", "between 1900-01-01"),
    ],
)
def test_a_typed_cell_beyond_the_limits_is_refused_naming_its_field(small_plan, column, text, says):
    store, ids = small_plan
    with pytest.raises(ValidationError) as refused:
        parse_cell(store, ids["late"], column, text)
    assert says in str(refused.value) and refused.value.field == column.value


@pytest.mark.parametrize(
    ("report", "field", "says"),
    [
        (ReportInput("2024Q3", "in_progress", 60, narrative="a\x07"), "narrative", "U+0007"),
        (ReportInput("2024Q3", "in_progress", 60, problems=LONG), "problems", "32,768"),
        (ReportInput("2024Q3", "done", 100, filled_by="张\x1b三"), "filled_by", "U+001B"),
        (
            ReportInput("2024Q3", "done", 100, reported_on=date(9999, 1, 1)),
            "reported_on",
            "(got 9999-01-01)",
        ),
    ],
)
def test_record_progress_refuses_a_report_beyond_the_limits(small_plan, report, field, says):
    store, ids = small_plan
    error = _refused(store, lambda ch: record_progress(store, ch, ids["late"], report), says, field)
    assert str(error).startswith("Progress of task “逾期任务” for 2024Q3:")
    assert store.db["progress_reports"].count == 0


@pytest.fixture
def indicator(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "indicator") as ch:
        return ch.insert("indicators", {"plan_document_id": ids["doc"], "name": "R&D"})


@pytest.mark.parametrize(
    ("value", "more", "says"),
    [
        (1e308, {}, "must be a number from"),
        (math.inf, {}, "(got inf)"),
        ("inf", {}, "must be a number"),
        ("nan", {}, "must be a number"),
        (10**20, {}, "(got 100000000000000000000)"),
        ("1e16", {}, "must be a number from"),
        (1, {"notes": "a\x01"}, "U+0001"),
        (1, {"source": LONG}, "32,768 characters"),
        (1, {"source_date": "9999-12-31"}, "(got 9999-12-31)"),
    ],
)
def test_an_indicator_value_beyond_the_limits_is_refused(small_plan, indicator, value, more, says):
    store, _ = small_plan
    error = _refused(
        store, lambda ch: set_indicator_value(store, ch, indicator, 2024, value, **more), says
    )
    assert "indicator “R&D”, 2024" in str(error)


def test_an_indicator_year_beyond_the_limits_is_refused(small_plan, indicator):
    store, _ = small_plan
    _refused(
        store,
        lambda ch: set_indicator_value(store, ch, indicator, 2101, 1),
        "between 1900 and 2100",
        "year",
    )


def test_milestones_refuse_values_beyond_the_limits(small_plan):
    store, ids = small_plan
    bad = MilestoneInput("节点\x01", date(2024, 6, 30))
    _refused(store, lambda ch: add_milestone(store, ch, ids["late"], bad), "U+0001", "title")
    late = MilestoneInput("节点", date(2101, 1, 1))
    _refused(store, lambda ch: add_milestone(store, ch, ids["late"], late), "2101-01-01")
    with store.action(ChangeSource.FORM, "add") as ch:
        milestone = add_milestone(store, ch, ids["late"], MilestoneInput("节点", date(2024, 6, 30)))
    long_notes = MilestoneInput("节点", date(2024, 6, 30), notes=LONG)
    _refused(store, lambda ch: update_milestone(store, ch, milestone, long_notes), "32,768")


def test_units_refuse_names_and_aliases_beyond_the_limits(small_plan):
    store, ids = small_plan
    _refused(store, lambda ch: add_unit(store, ch, "新\x05单位"), "U+0005", "name")
    _refused(store, lambda ch: update_unit(store, ch, ids["lead"], {"contact": LONG}), "32,768")
    _refused(store, lambda ch: set_aliases(store, ch, ids["lead"], ["科技\x1f局"]), "U+001F")


def test_plan_documents_programs_and_projects_refuse_values_beyond_the_limits(small_plan):
    store, ids = small_plan
    _refused(store, lambda ch: add_plan_document(store, ch, "规划\x00"), "U+0000", "title")
    _refused(
        store, lambda ch: add_plan_document(store, ch, "规划", end_year=2150), "2150", "end_year"
    )
    _refused(store, lambda ch: add_stream(store, ch, "program", ids["doc"], LONG), "32,768")
    _refused(store, lambda ch: rename(store, ch, "projects", ids["project"], "工程\x06"), "U+0006")


def test_a_baseline_name_beyond_the_limits_is_refused(small_plan):
    store, _ = small_plan
    _refused(store, lambda ch: save_baseline(store, ch, "基线\x01"), "U+0001", "name")
