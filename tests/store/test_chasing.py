"""Chasing late units: contact and phone, the round's due date, partial returns, late units.

Issue 16, item 5: a return with rows left empty is partial (stored per unit and period, naming
the rows) rather than returned; a unit past its round's due date with no return, or a partial
one, is late and listed with its contact and the tasks still unreported.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from qdplanner.domain.chasing import default_due, split_contact
from qdplanner.domain.enums import ChangeSource, ReturnStanding
from qdplanner.domain.periods import parse_period
from qdplanner.excel.collection_export import collect_workbooks
from qdplanner.excel.collection_import import apply_returns, preview_returns
from qdplanner.store import PlanStore
from qdplanner.store.collections import collection_status, late_units, lead_units
from qdplanner.store.progress import ReportInput, record_progress
from qdplanner.store.units import add_unit, read_unit_rows, update_unit
from tests.excel.collection_helpers import fill, progress_sheet, row_of_task, task_ids

FIXTURES = Path(__file__).parent.parent / "fixtures"
PERIOD = "2021Q4"
DUE = date(2022, 1, 10)
MIIT = "青岛市工业和信息化局"


@pytest.mark.parametrize(
    ("text", "person", "phone"),
    [
        ("张三 0532-85911234", "张三", "0532-85911234"),
        ("联系人：李四，电话：13800001234", "李四", "13800001234"),
        ("0532-85911234", "", "0532-85911234"),
        ("王五", "王五", ""),
        ("科技处 (0532)8591 1234转8001", "科技处", "(0532)8591 1234转8001"),
        ("", "", ""),
    ],
)
def test_a_contact_written_as_one_text_is_split_into_person_and_phone(text, person, phone):
    assert split_contact(text) == (person, phone)


def test_a_round_without_a_due_date_is_due_by_the_10th_of_the_next_month():
    assert default_due(parse_period("2021Q4")) == date(2022, 1, 10)
    assert default_due(parse_period("2024Q4")) == date(2025, 1, 10)
    assert default_due(parse_period("2024-06")) == date(2024, 7, 10)


def test_an_old_plan_gains_a_phone_split_from_its_contact(tmp_path):
    path = tmp_path / "old.qdplan"
    shutil.copy(FIXTURES / "plan-schema1.qdplan", path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO units (name, contact) VALUES ('测试单位甲', '张三 0532-85911234')")
    conn.execute("INSERT INTO units (name, contact) VALUES ('测试单位乙', '办公室')")
    conn.commit()
    conn.close()
    with PlanStore.open(path) as store:
        units = {u.name: u for u in read_unit_rows(store)}
    assert (units["测试单位甲"].contact, units["测试单位甲"].phone) == ("张三", "0532-85911234")
    assert (units["测试单位乙"].contact, units["测试单位乙"].phone) == ("办公室", "")


def test_contact_person_and_phone_are_kept_edited_and_logged(empty_plan):
    store = empty_plan
    with store.action(ChangeSource.FORM, "add") as changes:
        unit = add_unit(store, changes, "青岛市科学技术局", contact="张三", phone="0532-1")
    with store.action(ChangeSource.FORM, "edit") as changes:
        update_unit(store, changes, unit, {"phone": " 0532-85911234 "})
    (row,) = read_unit_rows(store)
    assert (row.contact, row.phone) == ("张三", "0532-85911234")
    logged = store.db.execute(
        "SELECT old_value, new_value FROM change_log WHERE entity = 'units' AND field = 'phone'"
    ).fetchall()
    assert "0532-1" in logged[-1][0] and "0532-85911234" in logged[-1][1]


# -- rounds, returns and lateness ------------------------------------------------------------


@pytest.fixture
def issued(sample_plan, tmp_path) -> dict[str, Path]:
    """The sample plan's 2021Q4 round (the sample has no report of it) issued to every
    lead unit, due 2022-01-10."""
    result = collect_workbooks(sample_plan, tmp_path / "out", PERIOD, due=DUE)
    return {w.unit_name: w.path for w in result.workbooks}


def returned(store: PlanStore, *paths: Path) -> None:
    preview = preview_returns(store, paths, period=PERIOD)
    assert not preview.errors, preview.errors
    apply_returns(store, preview)


def status_of(store: PlanStore, name: str, today: date = date(2022, 1, 20)):
    return next(s for s in collection_status(store, PERIOD, today) if s.unit_name == name)


def test_the_round_keeps_its_due_date_and_a_unit_turns_late_after_it(sample_plan, issued):
    before = status_of(sample_plan, MIIT, date(2022, 1, 10))
    assert before.standing == ReturnStanding.ISSUED and not before.late
    assert before.due_on == DUE and before.due_given
    after = status_of(sample_plan, MIIT, date(2022, 1, 11))
    assert after.standing == ReturnStanding.MISSING and after.late


def test_a_return_with_rows_left_empty_is_partial_and_names_them(sample_plan, issued):
    book = issued[MIIT]
    ids = task_ids(book)
    assert len(ids) == 4
    fill(book, {ids[0]: {"完成进度(%)": 90, "进展情况": "已完成"}, ids[2]: {"进展情况": "推进中"}})
    returned(sample_plan, book)
    s = status_of(sample_plan, MIIT)
    assert s.standing == ReturnStanding.PARTIAL and s.late and s.returned_at
    sheet = progress_sheet(openpyxl.load_workbook(book))
    expected = {(ids[1], row_of_task(sheet, ids[1])), (ids[3], row_of_task(sheet, ids[3]))}
    assert {(e.task_id, e.row) for e in s.left_empty} == expected
    assert all(e.title for e in s.left_empty)
    assert s.as_dict()["standing"] == "partial"
    # stored per unit and period: a reopened plan still knows
    stored = sample_plan.db.execute(
        "SELECT left_empty FROM collections WHERE period = ? AND unit_id = ?",
        [PERIOD, s.unit_id],
    ).fetchone()[0]
    assert str(ids[1]) in stored and str(ids[3]) in stored
    # before the due date a partial unit is not yet late
    assert not status_of(sample_plan, MIIT, date(2022, 1, 1)).late


def test_the_rows_left_empty_reported_later_make_the_return_whole(sample_plan, issued):
    book = issued[MIIT]
    ids = task_ids(book)
    filled = {"本期状态": "进行中", "完成进度(%)": 50}
    fill(book, {ids[0]: filled, ids[1]: filled, ids[2]: filled})
    returned(sample_plan, book)
    assert [e.task_id for e in status_of(sample_plan, MIIT).left_empty] == [ids[3]]
    with sample_plan.action(ChangeSource.FORM, "by phone") as changes:
        record_progress(sample_plan, changes, ids[3], ReportInput(PERIOD, "in_progress", 30))
    s = status_of(sample_plan, MIIT)
    assert s.standing == ReturnStanding.RETURNED and not s.late and s.left_empty == ()


def test_a_full_return_is_returned(sample_plan, issued):
    book = issued[MIIT]
    fill(book, {t: {"完成进度(%)": 50, "本期状态": "进行中"} for t in task_ids(book)})
    returned(sample_plan, book)
    s = status_of(sample_plan, MIIT)
    assert s.standing == ReturnStanding.RETURNED and not s.late


def test_late_units_list_their_contact_and_the_tasks_still_unreported(sample_plan, issued):
    unit_id = next(u.id for u in lead_units(sample_plan) if u.name == MIIT)
    with sample_plan.action(ChangeSource.FORM, "contact") as changes:
        update_unit(sample_plan, changes, unit_id, {"contact": "赵六", "phone": "0532-8591"})
    book = issued[MIIT]
    ids = task_ids(book)
    fill(book, {ids[0]: {"完成进度(%)": 90}})
    returned(sample_plan, book)
    assert late_units(sample_plan, PERIOD, date(2022, 1, 10)) == []
    late = late_units(sample_plan, PERIOD, date(2022, 1, 11))
    assert len(late) == len(issued)  # one partial, the others never returned
    miit = next(u for u in late if u.status.unit_id == unit_id)
    assert (miit.status.contact, miit.status.phone) == ("赵六", "0532-8591")
    assert [t.task_id for t in miit.open_tasks] == ids[1:]
    assert all(t.row for t in miit.open_tasks)  # the rows of the return left empty
    data = miit.as_dict()
    assert data["standing"] == "partial" and data["contact"] == "赵六"
    assert [t["task_id"] for t in data["open_tasks"]] == ids[1:]
    only = late_units(sample_plan, PERIOD, date(2022, 1, 11), unit_ids=[unit_id])
    assert [u.status.unit_id for u in only] == [unit_id]


def test_a_round_issued_without_a_due_date_is_late_after_the_default(sample_plan, tmp_path):
    collect_workbooks(sample_plan, tmp_path / "o", PERIOD)
    s = status_of(sample_plan, MIIT, date(2022, 1, 11))
    assert s.due_on == date(2022, 1, 10) and not s.due_given and s.late


def test_undoing_an_import_puts_the_partial_mark_back(sample_plan, issued):
    from qdplanner.excel.collection_import import returns_snapshot
    from qdplanner.store.collections import restore_collection

    book = issued[MIIT]
    fill(book, {task_ids(book)[0]: {"完成进度(%)": 90}})
    preview = preview_returns(sample_plan, [book], period=PERIOD)
    before = returns_snapshot(sample_plan, preview)
    apply_returns(sample_plan, preview)
    assert status_of(sample_plan, MIIT).standing == ReturnStanding.PARTIAL
    with sample_plan.action(ChangeSource.FORM, "undo") as changes:
        restore_collection(sample_plan, changes, before)
    assert status_of(sample_plan, MIIT).standing == ReturnStanding.MISSING
