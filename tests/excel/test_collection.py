"""Quarterly collection (季度填报): a workbook per lead unit, filled in, returned, imported."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, date, datetime

import openpyxl
import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.excel import collection_layout as layout
from qdplanner.excel.collection_export import collect_workbooks, workbook_file_name
from qdplanner.excel.collection_import import (
    ReturnsRefused,
    apply_returns,
    preview_returns,
    returns_snapshot,
)
from qdplanner.excel.collection_model import PLAN
from qdplanner.excel.workbook_export import ExportError
from qdplanner.store.collections import (
    PLAN_UUID_KEY,
    CollectionState,
    collection_status,
    plan_uuid,
    restore_collection,
)
from qdplanner.store.progress import ReportInput, record_progress
from qdplanner.store.task_edits import set_task_units, task_units
from qdplanner.store.task_rows import read_task_rows
from tests.excel.collection_helpers import (
    fill,
    header_columns,
    progress_sheet,
    row_of_task,
    set_cell,
    task_ids,
)
from tests.excel.conftest import needs_soffice, soffice_convert

PERIOD = "2021Q4"  # the sample has no report of it (its ledger starts 2022Q1)
ISSUED = datetime(2022, 1, 1, 2, 0, tzinfo=UTC)
STI = "青岛市科学技术局"  # unit 1 of the sample: leads 40 tasks
MIIT = "青岛市工业和信息化局"  # unit 2: leads 4


def unit_id(store, name: str) -> int:
    return store.db.execute("SELECT id FROM units WHERE name = ?", [name]).fetchone()[0]


@pytest.fixture
def round_(sample_plan, tmp_path):
    """The sample plan after a 2021Q4 round: (store, {unit name: workbook path})."""
    result = collect_workbooks(
        sample_plan, tmp_path / "out", PERIOD, due=date(2022, 1, 10), now=ISSUED
    )
    return sample_plan, {w.unit_name: w.path for w in result.workbooks}


def reports(store, period: str = PERIOD) -> dict[int, dict]:
    return {
        r["task_id"]: dict(r)
        for r in store.db.query("SELECT * FROM progress_reports WHERE period = ?", [period])
    }


def done(narrative: str, **more) -> dict:
    return {"本期状态": "已完成", "完成进度(%)": 100, "进展情况": narrative, **more}


# -- issuing ---------------------------------------------------------------------------------


def test_collect_writes_one_workbook_per_lead_unit_with_only_its_tasks(round_):
    store, books = round_
    leads = dict(
        store.db.execute(
            "SELECT u.name, count(*) FROM task_units l JOIN units u ON u.id = l.unit_id "
            "WHERE l.role = 'lead' GROUP BY u.id"
        ).fetchall()
    )
    assert set(books) == set(leads) and len(books) == 13
    assert books[STI].name == "2021Q4_青岛市科学技术局.xlsx"
    outline = [r.id for r in read_task_rows(store)]
    for name, path in books.items():
        ids = task_ids(path)
        uid = unit_id(store, name)
        assert len(ids) == leads[name]
        assert all(task_units(store, t)[0] == uid for t in ids), name
        assert ids == sorted(ids, key=outline.index)  # the plan's outline order
    issued = store.db.execute("SELECT unit_id, issued_at, issued_file FROM collections").fetchall()
    assert len(issued) == 13
    assert (unit_id(store, STI), "2022-01-01T02:00:00+00:00", books[STI].name) in issued
    assert re.fullmatch(r"[0-9a-f-]{36}", plan_uuid(store))
    batch = store.db.execute("SELECT source, description FROM change_batches ORDER BY id DESC")
    assert batch.fetchone()[0] == "command"


def test_the_instructions_name_the_unit_period_and_deadline(round_):
    _, books = round_
    book = openpyxl.load_workbook(books[MIIT])
    assert book.sheetnames == ["填报说明", "进展填报", layout.META_SHEET]
    text = "\n".join(str(c.value) for row in book["填报说明"].iter_rows() for c in row if c.value)
    for needed in (MIIT, "2021年第四季度", "2021-10-01", "2021-12-31", "2022-01-10", "已完成"):
        assert needed in text


def test_only_the_progress_cells_are_unlocked_and_the_sheets_are_protected(round_):
    _, books = round_
    book = openpyxl.load_workbook(books[MIIT])
    ws = progress_sheet(book)
    assert ws.protection.sheet and book["填报说明"].protection.sheet
    assert book.security.lockStructure
    meta = book[layout.META_SHEET]
    assert meta.sheet_state == "hidden" and meta.protection.sheet
    inputs = {layout.INDEX[c.key] + 1 for c in layout.INPUTS}
    last = ws.max_row
    assert last == layout.FIRST_ROW + 4 - 1
    for row in ws.iter_rows(min_row=1, max_row=last + 3, max_col=len(layout.COLUMNS) + 2):
        for cell in row:
            unlocked = cell.row >= layout.FIRST_ROW and cell.row <= last and cell.column in inputs
            assert cell.protection.locked is not unlocked, cell.coordinate
    headers = header_columns(ws)
    assert [h for h in headers][:4] == ["任务ID", "序号", "所属计划/工程", "任务"]
    rules = {dv.type: dv for dv in ws.data_validations.dataValidation}
    assert rules["list"].formula1 == '"未开始,进行中,已完成,暂缓,已取消"'
    assert (rules["whole"].formula1, rules["whole"].formula2) == ("0", "100")
    assert str(rules["list"].sqref) == f"J4:J{last}" and "date" in rules
    # pre-filled: status and percent as they are now, the texts empty
    first = layout.FIRST_ROW
    assert ws.cell(first, headers["本期状态"]).value == ws.cell(first, headers["当前状态"]).value
    assert (
        ws.cell(first, headers["完成进度(%)"]).value == ws.cell(first, headers["当前进度(%)"]).value
    )
    assert ws.cell(first, headers["进展情况"]).value is None


def test_an_existing_file_is_not_overwritten_unless_asked(round_, tmp_path):
    store, books = round_
    with pytest.raises(ExportError, match="already exists"):
        collect_workbooks(store, tmp_path / "out", PERIOD)
    again = datetime(2022, 1, 2, tzinfo=UTC)
    result = collect_workbooks(
        store, tmp_path / "out", PERIOD, unit_ids=[unit_id(store, MIIT)], overwrite=True, now=again
    )
    assert [w.path for w in result.workbooks] == [books[MIIT]]
    rows = store.db.execute("SELECT issued_at FROM collections WHERE period = ?", [PERIOD])
    assert sorted(r[0][:10] for r in rows) == ["2022-01-01"] * 12 + ["2022-01-02"]


def test_file_names_are_safe():
    assert workbook_file_name("2021Q4", 'a/b:c*"d"?') == "2021Q4_a_b_c_d_.xlsx"


# -- returning -------------------------------------------------------------------------------


def test_two_returned_workbooks_add_the_period_reports_and_mark_them_returned(round_, tmp_path):
    store, books = round_
    sti, miit = task_ids(books[STI]), task_ids(books[MIIT])
    fill(books[STI], {sti[0]: done("已建成", 填报日期=date(2022, 1, 8), 填报人="张三")})
    fill(books[STI], {sti[1]: {"完成进度(%)": 45, "存在问题": "资金不足", "下步打算": "加快"}})
    fill(books[MIIT], {miit[0]: {"本期状态": "进行中", "完成进度(%)": 75, "进展情况": "推进中"}})
    preview = preview_returns(store, [books[STI], books[MIIT]], period=PERIOD)
    assert preview.errors == [] and preview.conflicts == []
    assert preview.counts() == {
        "add": 3, "replace": 0, "unchanged": 0, "conflicts": 0, "unresolved": 0,
    }  # fmt: skip
    assert reports(store) == {}  # a preview writes nothing
    result = apply_returns(store, preview)
    assert (result.added, result.replaced) == (3, 0)
    got = reports(store)
    assert set(got) == {sti[0], sti[1], miit[0]}
    assert got[sti[0]]["status"] == "done" and got[sti[0]]["narrative"] == "已建成"
    assert got[sti[0]]["reported_on"] == "2022-01-08" and got[sti[0]]["filled_by"] == "张三"
    assert got[sti[0]]["reporting_unit_id"] == unit_id(store, STI)
    assert got[sti[1]]["percent"] == 45 and got[sti[1]]["problems"] == "资金不足"
    assert got[miit[0]]["reporting_unit_id"] == unit_id(store, MIIT)
    assert got[miit[0]]["source"] == f"import:{books[MIIT].name}"
    status = {r.unit_name: r for r in collection_status(store, PERIOD)}
    assert status[STI].state == CollectionState.RETURNED
    assert status[STI].returned_file == books[STI].name and status[STI].reported == 2
    assert status[MIIT].state == CollectionState.RETURNED
    assert status["崂山实验室"].state == CollectionState.ISSUED
    source, description = store.db.execute(
        "SELECT source, description FROM change_batches ORDER BY id DESC"
    ).fetchone()
    assert source == "import" and books[STI].name in description and books[MIIT].name in description
    with pytest.raises(ReturnsRefused):
        apply_returns(store, preview)  # once only


def test_an_import_is_undone_and_redone_from_snapshots(round_):
    store, books = round_
    miit = task_ids(books[MIIT])
    with store.action(ChangeSource.FORM, "by hand") as changes:
        record_progress(store, changes, miit[1], ReportInput(PERIOD, "in_progress", 60, "手工"))
    fill(books[MIIT], {miit[0]: done("甲"), miit[1]: done("乙")})
    preview = preview_returns(store, [books[MIIT]])
    choices = preview.choices_for([books[MIIT].name])
    tasks = "SELECT id, status, percent FROM tasks ORDER BY id"
    was = store.db.execute(tasks).fetchall()
    before = returns_snapshot(store, preview, choices)
    apply_returns(store, preview, choices)
    after = returns_snapshot(store, preview, choices)
    assert reports(store)[miit[1]]["narrative"] == "乙"
    with store.action(ChangeSource.FORM, "undo") as changes:
        restore_collection(store, changes, before)
    assert {k: v["narrative"] for k, v in reports(store).items()} == {miit[1]: "手工"}
    assert collection_status(store, PERIOD)[1].state == CollectionState.ISSUED
    assert store.db.execute(tasks).fetchall() == was
    with store.action(ChangeSource.FORM, "redo") as changes:
        restore_collection(store, changes, after)
    assert {k: v["narrative"] for k, v in reports(store).items()} == {miit[0]: "甲", miit[1]: "乙"}
    assert collection_status(store, PERIOD)[1].state == CollectionState.RETURNED


def test_rows_left_as_issued_are_not_reports(round_):
    store, books = round_
    preview = preview_returns(store, [books[MIIT]])
    assert preview.files[0].reports == [] and preview.files[0].skipped_rows == 4
    apply_returns(store, preview)
    assert reports(store) == {}
    assert collection_status(store, PERIOD)[1].state == CollectionState.RETURNED


def test_a_changed_read_only_title_is_named_and_the_file_not_applied(round_, tmp_path):
    store, books = round_
    sti = task_ids(books[STI])
    fill(books[STI], {sti[0]: done("已建成"), sti[1]: {"任务": "改过的标题"}})
    fill(books[MIIT], {task_ids(books[MIIT])[0]: done("好")})
    preview = preview_returns(store, [books[STI], books[MIIT]])
    row = row_of_task(progress_sheet(openpyxl.load_workbook(books[STI])), sti[1])
    [error] = preview.errors
    assert (error.file, error.sheet, error.row, error.column) == (
        books[STI].name, "进展填报", row, "D (任务)",
    )  # fmt: skip
    assert "read-only" in error.message
    apply_returns(store, preview)
    assert set(reports(store)) == {task_ids(books[MIIT])[0]}  # the good file only
    states = {r.unit_name: r.state for r in collection_status(store, PERIOD)}
    assert states[STI] == CollectionState.ISSUED and states[MIIT] == CollectionState.RETURNED


def test_a_changed_task_id_is_named(round_):
    store, books = round_
    sti = task_ids(books[STI])
    set_cell(books[STI], f"A{layout.FIRST_ROW}", sti[5])
    fill(books[STI], {sti[1]: done("x")})
    [error] = preview_returns(store, [books[STI]]).errors  # the row of sti[5] itself is fine
    assert (error.row, error.column) == (layout.FIRST_ROW, "A (任务ID)")
    assert error.message == f"this read-only cell was changed: the row was issued for task {sti[0]}"


def test_a_row_of_another_units_task_pasted_in_is_refused(round_):
    store, books = round_
    other = progress_sheet(openpyxl.load_workbook(books[MIIT]))
    source_row = [c.value for c in other[layout.FIRST_ROW]]
    book = openpyxl.load_workbook(books[STI])
    ws = progress_sheet(book)
    target = ws.max_row + 1
    for col, value in enumerate(source_row, start=1):
        ws.cell(target, col).value = value
    ws.cell(target, header_columns(ws)["进展情况"]).value = "不是我们的任务"
    book.save(books[STI])
    [error] = preview_returns(store, [books[STI]]).errors
    assert (error.row, error.column) == (target, "A (任务ID)")
    assert f"led by {MIIT}, not by {STI}" in error.message
    # pasted over a row of its own: the row's task is not the unit's either
    book = openpyxl.load_workbook(books[STI])
    ws = progress_sheet(book)
    ws.delete_rows(target)
    for col, value in enumerate(source_row, start=1):
        ws.cell(layout.FIRST_ROW, col).value = value
    book.save(books[STI])
    [error] = preview_returns(store, [books[STI]]).errors
    assert error.row == layout.FIRST_ROW and f"led by {MIIT}" in error.message


def test_an_unknown_task_id_is_refused(round_):
    store, books = round_
    book = openpyxl.load_workbook(books[MIIT])
    ws = progress_sheet(book)
    ws.cell(ws.max_row + 1, 1).value = 99999
    ws.cell(ws.max_row, 10).value = "已完成"
    book.save(books[MIIT])
    [error] = preview_returns(store, [books[MIIT]]).errors
    assert error.message == "there is no task with ID 99999"


def test_a_bad_percent_status_and_date_are_named_by_cell(round_):
    store, books = round_
    miit = task_ids(books[MIIT])
    fill(
        books[MIIT],
        {
            miit[0]: {"完成进度(%)": 150},
            miit[1]: {"本期状态": "差不多完成了", "进展情况": "x"},
            miit[2]: {"完成进度(%)": 12.5, "填报日期": "十月"},
        },
    )
    preview = preview_returns(store, [books[MIIT]])
    found = {(e.row, e.column): e.message for e in preview.errors}
    first = layout.FIRST_ROW
    assert "from 0 to 100 (got 150)" in found[(first, "K (完成进度(%))")]
    assert "not a status" in found[(first + 1, "J (本期状态)")]
    assert "whole number from 0 to 100 (got 12.5)" in found[(first + 2, "K (完成进度(%))")]
    assert "not a date" in found[(first + 2, "O (填报日期)")]
    assert len(found) == 4
    with pytest.raises(ReturnsRefused, match="each has errors"):
        apply_returns(store, preview)


def test_labels_in_english_and_codes_and_other_status_words_are_accepted(round_):
    store, books = round_
    miit = task_ids(books[MIIT])
    fill(
        books[MIIT],
        {
            miit[0]: {"本期状态": "Done", "完成进度(%)": "100%"},
            miit[1]: {"本期状态": "suspended", "进展情况": "暂停"},
            miit[2]: {"本期状态": "推进中", "进展情况": "a"},
            miit[3]: {"本期状态": "已完成", "完成进度(%)": None, "进展情况": "b"},
        },
    )
    preview = preview_returns(store, [books[MIIT]])
    assert preview.errors == []
    got = {r.task_id: (r.values.status, r.values.percent) for r in preview.files[0].reports}
    assert got[miit[0]] == ("done", 100) and got[miit[1]][0] == "suspended"
    assert got[miit[2]][0] == "in_progress" and got[miit[3]] == ("done", 100)


def test_a_workbook_of_another_period_or_plan_is_refused(round_):
    store, books = round_
    fill(books[MIIT], {task_ids(books[MIIT])[0]: done("x")})
    [error] = preview_returns(store, [books[MIIT]], period="2024Q4").errors
    assert error.message == "this workbook is for the period 2021Q4, not 2024Q4"
    assert error.row is None and error.file == books[MIIT].name
    with store.action(ChangeSource.COMMAND, "another plan") as changes:
        store.set_setting(changes, PLAN_UUID_KEY, "00000000-0000-0000-0000-000000000000")
    [error] = preview_returns(store, [books[MIIT]]).errors
    assert "another plan" in error.message


def test_a_changed_hidden_sheet_or_a_foreign_file_is_refused(round_, tmp_path):
    store, books = round_
    book = openpyxl.load_workbook(books[MIIT])
    book[layout.META_SHEET]["B2"] = "0" * 64
    book.save(books[MIIT])
    [error] = preview_returns(store, [books[MIIT]]).errors
    assert error.sheet == layout.META_SHEET and "was changed" in error.message
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    text = tmp_path / "notes.xlsx"
    text.write_text("hello")
    errors = preview_returns(store, [plain, text]).errors
    assert "not a returned progress workbook" in errors[0].message
    assert errors[1].file == "notes.xlsx" and "not a workbook" in errors[1].message


def test_a_task_whose_lead_changed_since_issue_is_refused(round_):
    store, books = round_
    sti = task_ids(books[STI])
    with store.action(ChangeSource.FORM, "new lead") as changes:
        set_task_units(store, changes, sti[2], unit_id(store, MIIT), [])
    fill(books[STI], {sti[2]: done("x")})
    [error] = preview_returns(store, [books[STI]]).errors
    assert f"now led by {MIIT}" in error.message and error.column == "A (任务ID)"


# -- conflicts -------------------------------------------------------------------------------


def test_two_files_disagreeing_are_a_conflict_settled_by_choice(round_, tmp_path):
    store, books = round_
    miit = task_ids(books[MIIT])
    a = fill(books[MIIT], {miit[0]: done("版本一")}, tmp_path / "a.xlsx")
    b = fill(books[MIIT], {miit[0]: done("版本二"), miit[1]: done("同")}, tmp_path / "b.xlsx")
    c = fill(books[MIIT], {miit[0]: done("版本一")}, tmp_path / "c.xlsx")
    preview = preview_returns(store, [a, b, c])
    [conflict] = preview.conflicts
    assert conflict.key == (miit[0], PERIOD)
    assert [x.key for x in conflict.candidates] == ["a.xlsx", "b.xlsx", "c.xlsx"]
    assert conflict.candidates[1].values.narrative == "版本二"
    with pytest.raises(ReturnsRefused, match="not resolved"):
        apply_returns(store, preview)
    assert reports(store) == {}
    choices = preview.choices_for(["b.xlsx"])
    assert choices == {conflict.key: "b.xlsx"}
    apply_returns(store, preview, choices)
    got = reports(store)
    assert got[miit[0]]["narrative"] == "版本二" and got[miit[1]]["narrative"] == "同"


def test_identical_reports_in_two_files_are_not_a_conflict(round_, tmp_path):
    store, books = round_
    miit = task_ids(books[MIIT])
    a = fill(books[MIIT], {miit[0]: done("同样")}, tmp_path / "a.xlsx")
    b = fill(books[MIIT], {miit[0]: done("同样 ")}, tmp_path / "b.xlsx")
    preview = preview_returns(store, [a, b])
    assert preview.conflicts == [] and preview.counts()["add"] == 1


def test_a_file_disagreeing_with_the_plan_is_a_conflict(round_):
    store, books = round_
    miit = task_ids(books[MIIT])
    with store.action(ChangeSource.FORM, "by hand") as changes:
        record_progress(store, changes, miit[0], ReportInput(PERIOD, "in_progress", 60, "手工"))
        record_progress(store, changes, miit[1], ReportInput(PERIOD, "done", 100, "相同"))
    fill(books[MIIT], {miit[0]: done("单位填报"), miit[1]: done("相同"), miit[2]: done("新")})
    preview = preview_returns(store, [books[MIIT]])
    [conflict] = preview.conflicts
    plan, file = conflict.candidates
    assert plan.key == PLAN and plan.values.narrative == "手工" and plan.source == "form"
    assert file.key == books[MIIT].name and file.report.row == layout.FIRST_ROW
    assert preview.counts() == {
        "add": 1, "replace": 0, "unchanged": 1, "conflicts": 1, "unresolved": 1,
    }  # fmt: skip
    # keep what the plan holds
    choices = preview.choices_for(["plan"])
    assert preview.counts(choices)["unresolved"] == 0
    apply_returns(store, preview, choices)
    got = reports(store)
    assert got[miit[0]]["narrative"] == "手工" and got[miit[2]]["narrative"] == "新"


def test_choosing_the_file_over_the_plan_replaces_the_report(round_):
    store, books = round_
    miit = task_ids(books[MIIT])
    with store.action(ChangeSource.FORM, "by hand") as changes:
        record_progress(store, changes, miit[0], ReportInput(PERIOD, "in_progress", 60, "手工"))
    fill(books[MIIT], {miit[0]: done("单位填报")})
    preview = preview_returns(store, [books[MIIT]])
    choices = preview.choices_for([str(books[MIIT])])
    assert preview.counts(choices)["replace"] == 1
    result = apply_returns(store, preview, choices)
    assert result.replaced == 1 and reports(store)[miit[0]]["narrative"] == "单位填报"


def test_a_preview_is_refused_once_the_plan_changed(round_):
    store, books = round_
    fill(books[MIIT], {task_ids(books[MIIT])[0]: done("x")})
    preview = preview_returns(store, [books[MIIT]])
    with store.action(ChangeSource.FORM, "meanwhile") as changes:
        changes.update("units", 1, {"contact": "0532"})
    with pytest.raises(ReturnsRefused, match="changed after"):
        apply_returns(store, preview)


def test_an_existing_report_for_the_period_is_prefilled_and_unchanged_is_no_conflict(
    sample_plan, tmp_path
):
    store = sample_plan
    held = reports(store, "2024Q4")
    result = collect_workbooks(store, tmp_path, "2024Q4")
    preview = preview_returns(store, [w.path for w in result.workbooks], period="2024Q4")
    assert preview.errors == [] and preview.conflicts == []
    assert sum(len(f.reports) for f in preview.files) == 0
    book = next(w for w in result.workbooks if w.unit_name == STI)
    ws = progress_sheet(openpyxl.load_workbook(book.path))
    task = next(t for t in task_ids(book.path) if t in held)
    assert ws.cell(row_of_task(ws, task), 12).value == held[task]["narrative"].strip()


def test_an_english_workbook_reads_back(sample_plan, tmp_path):
    store = sample_plan
    result = collect_workbooks(store, tmp_path, PERIOD, lang="en")
    path = next(w.path for w in result.workbooks if w.unit_name == MIIT)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Instructions", "Progress", layout.META_SHEET]
    ws = book["Progress"]
    columns = header_columns(ws)
    ws.cell(layout.FIRST_ROW, columns["Status"]).value = "Done"
    ws.cell(layout.FIRST_ROW, columns["Percent complete"]).value = 100
    book.save(path)
    preview = preview_returns(store, [path])
    assert preview.errors == [] and len(preview.files[0].reports) == 1


@needs_soffice
def test_a_workbook_saved_again_by_libreoffice_still_imports(round_, tmp_path):
    store, books = round_
    miit = task_ids(books[MIIT])
    fill(
        books[MIIT],
        {miit[0]: done("第一行\n第二行", 填报日期=date(2022, 1, 9)), miit[1]: {"完成进度(%)": 33}},
    )
    resaved = soffice_convert(books[MIIT], "xlsx", tmp_path / "lo")
    preview = preview_returns(store, [resaved], period=PERIOD)
    assert preview.errors == []
    got = {r.task_id: r.values for r in preview.files[0].reports}
    assert got[miit[0]].narrative == "第一行\n第二行"
    assert got[miit[0]].reported_on == date(2022, 1, 9) and got[miit[1]].percent == 33
    apply_returns(store, preview)
    assert set(reports(store)) == {miit[0], miit[1]}


# (every collection message's Chinese text is checked with the others in test_messages.py)


def test_collect_leaves_no_file_when_cancelled(sample_plan, tmp_path):
    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    identity = plan_uuid(sample_plan)  # every plan has one from the start (schema 3)
    version = sample_plan.version
    with pytest.raises(KeyboardInterrupt):
        collect_workbooks(sample_plan, tmp_path / "out", PERIOD, progress=cancel)
    assert list((tmp_path / "out").iterdir()) == []
    assert sample_plan.db.execute("SELECT count(*) FROM collections").fetchone()[0] == 0
    assert plan_uuid(sample_plan) == identity and sample_plan.version == version
    shutil.rmtree(tmp_path / "out")
