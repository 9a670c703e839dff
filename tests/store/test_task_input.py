"""What typing into a task cell means, and what is refused (with the column named)."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.task_rules import parse_percent, parse_status
from qdplanner.domain.unit_names import split_unit_names
from qdplanner.errors import ValidationError
from qdplanner.store.task_edits import set_task_units, task_units, update_task
from qdplanner.store.task_input import TaskColumn, parse_cell
from qdplanner.store.unit_directory import resolve_unit


@pytest.mark.parametrize("text", ["80", "80%", "80 %", "80.0", "８０％"])
def test_percent_accepts_what_people_type(text):
    assert parse_percent(text) == 80


@pytest.mark.parametrize("text", ["101", "-1", "80.5", "abc", ""])
def test_percent_refuses_the_rest(text):
    with pytest.raises(ValidationError):
        parse_percent(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [("进行中", "in_progress"), ("已完成", "done"), ("Done", "done"), ("暂缓", "suspended")],
)
def test_status_words_in_either_language(text, code):
    assert parse_status(text) == code


def test_unit_cells_split_on_the_usual_separators():
    assert split_unit_names("市科技局、市财政局，市教育局;崂山区\n西海岸新区 / 市商务局") == [
        "市科技局",
        "市财政局",
        "市教育局",
        "崂山区",
        "西海岸新区",
        "市商务局",
    ]


def test_units_resolve_by_name_short_name_and_alias(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        ch.insert("unit_aliases", {"unit_id": ids["lead"], "alias": "青岛市科技局"})
    assert resolve_unit(store, "青岛市科学技术局") == ids["lead"]
    assert resolve_unit(store, "市科技局") == ids["lead"]
    assert resolve_unit(store, " 青岛市科技局 ") == ids["lead"]
    assert resolve_unit(store, "不存在的单位") is None


def test_a_deadline_phrase_sets_due_date_and_keeps_the_words(small_plan):
    store, ids = small_plan
    parsed = parse_cell(store, ids["late"], TaskColumn.DUE, "2023年6月底前")
    assert parsed.fields == {"deadline_text": "2023年6月底前", "due_date": date(2023, 6, 30)}


def test_an_ongoing_phrase_clears_the_due_date(small_plan):
    store, ids = small_plan
    parsed = parse_cell(store, ids["late"], TaskColumn.DEADLINE, "长期坚持")
    assert parsed.fields == {"deadline_text": "长期坚持", "due_date": None}


def test_an_unreadable_deadline_is_refused_not_guessed(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="尽快"):
        parse_cell(store, ids["late"], TaskColumn.DUE, "尽快")


def test_an_unknown_unit_is_refused_with_its_name(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="市不存在局"):
        parse_cell(store, ids["late"], TaskColumn.SUPPORT, "市财政局、市不存在局")


def test_two_lead_units_in_one_cell_are_refused(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="one lead unit"):
        parse_cell(store, ids["late"], TaskColumn.LEAD, "市科技局、市财政局")


def test_making_a_supporting_unit_the_lead_removes_it_from_support(small_plan):
    store, ids = small_plan
    parsed = parse_cell(store, ids["late"], TaskColumn.LEAD, "市财政局")
    assert parsed.units == (ids["support"], [])


def test_due_before_start_is_refused_naming_the_task_and_nothing_changes(small_plan):
    store, ids = small_plan
    with (
        pytest.raises(ValidationError, match=r"逾期任务.*before the start date"),
        store.action("table") as ch,
    ):
        update_task(store, ch, ids["late"], {"due_date": date(2021, 12, 31)})
    assert store.db["tasks"].get(ids["late"])["due_date"] == "2022-12-31"


def test_setting_units_is_logged_and_keeps_their_order(small_plan):
    store, ids = small_plan
    with store.action("table", "units") as ch:
        assert set_task_units(store, ch, ids["ongoing"], ids["support"], [ids["lead"]])
    assert task_units(store, ids["ongoing"]) == (ids["support"], [ids["lead"]])
    with store.action("table", "same again") as ch:
        assert not set_task_units(store, ch, ids["ongoing"], ids["support"], [ids["lead"]])


@pytest.mark.parametrize("word", ["已办结", "推进中", "已完成", "进行中", "Done"])
def test_every_entry_point_reads_the_same_status_words(word):
    from qdplanner.domain import vocabulary
    from qdplanner.domain.enums import TaskStatus

    assert parse_status(word) == vocabulary.parse(TaskStatus, word)


def test_marking_a_task_done_brings_it_to_100_and_a_row_saying_otherwise_is_refused(small_plan):
    from qdplanner.store.task_edits import apply_task_edits
    from qdplanner.store.task_input import cells_edit

    store, ids = small_plan
    edit = cells_edit(store, ids["late"], [(TaskColumn.STATUS, "已完成")])
    assert edit.new_fields == {"status": "done", "percent": 100}
    assert edit.old_fields == {"status": "in_progress", "percent": 50}
    row = cells_edit(
        store, ids["late"], [(TaskColumn.STATUS, "已完成"), (TaskColumn.PERCENT, "50")]
    )
    with pytest.raises(ValidationError, match="at 100 %, not 50 %"):
        apply_task_edits(store, [row], forward=True, description="paste")
    assert store.db["tasks"].get(ids["late"])["status"] == "in_progress"
