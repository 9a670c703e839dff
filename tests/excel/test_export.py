"""Exporting the whole plan: sheets, headers, IDs, dates, dropdowns, hierarchy, safe text."""

from __future__ import annotations

import datetime

import openpyxl
import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.excel.plan_rows import PlanRows
from qdplanner.excel.sheet_specs import SHEETS, SHEETS_BY_KEY
from qdplanner.excel.workbook_export import ExportError, export_plan
from tests.excel.conftest import exported


def test_one_sheet_per_kind_of_record_with_headers_in_the_language(small_plan, tmp_path):
    store, _ = small_plan
    zh = openpyxl.load_workbook(exported(store, tmp_path, "zh.xlsx"))
    en = openpyxl.load_workbook(exported(store, tmp_path, "en.xlsx", lang="en"))
    assert zh.sheetnames == [s.zh for s in SHEETS] + ["_lists", "_plan"]
    assert en.sheetnames == [s.en for s in SHEETS] + ["_lists", "_plan"]
    assert zh["_lists"].sheet_state == "hidden" and zh["_plan"].sheet_state == "hidden"
    assert [c.value for c in zh["任务"][1]][:3] == ["ID", "上级任务ID", "计划ID"]
    assert "Lead unit" in [c.value for c in en["Tasks"][1]]
    for spec in SHEETS:
        ws = zh[spec.zh]
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.cell(1, 1).value in ("ID", "任务ID")
    assert zh.active.title == "任务"


def test_tasks_keep_tree_order_ids_real_dates_and_labels(small_plan, tmp_path):
    store, ids = small_plan
    ws = openpyxl.load_workbook(exported(store, tmp_path))["任务"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    head = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(head)}
    assert [r[col["ID"]] for r in rows] == [ids["ongoing"], ids["late"], ids["child"]]
    child = rows[2]
    assert child[col["上级任务ID"]] == ids["late"]
    assert child[col["层级(只读)"]] == 2
    assert ws.row_dimensions[4].outlineLevel == 1
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    late = rows[1]
    assert late[col["截止日期"]] == datetime.datetime(2022, 12, 31)
    assert ws.cell(3, col["截止日期"] + 1).number_format == "yyyy-mm-dd"
    assert late[col["状态"]] == "进行中"
    assert late[col["牵头单位"]] == "青岛市科学技术局"
    assert late[col["配合单位"]] == "市财政局"
    assert late[col["示例数据"]] == "否"


def test_dropdowns_for_status_and_lead_units(small_plan, tmp_path):
    store, _ = small_plan
    book = openpyxl.load_workbook(exported(store, tmp_path))
    ws = book["任务"]
    head = [c.value for c in ws[1]]
    letter = {h: openpyxl.utils.get_column_letter(i + 1) for i, h in enumerate(head)}
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    status = validations[f"{letter['状态']}2:{letter['状态']}1048576"]
    assert status.formula1 == '"未开始,进行中,已完成,暂缓,已取消"'
    lead = validations[f"{letter['牵头单位']}2:{letter['牵头单位']}1048576"]
    assert lead.formula1 == "'_lists'!$A$1:$A$2"
    assert lead.errorStyle == "warning"  # a new unit may be typed
    assert sorted(c.value for c in book["_lists"]["A"]) == ["市财政局", "青岛市科学技术局"]


def test_column_widths_follow_headers_and_content(small_plan, tmp_path):
    store, _ = small_plan
    ws = openpyxl.load_workbook(exported(store, tmp_path))["任务"]
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert widths["A"] < widths["I"]  # ID narrower than the title
    assert all(6 <= w <= 60 for w in widths.values())


@pytest.mark.parametrize(
    "title", ['=HYPERLINK("http://evil.example","x")', "+1+2", "-3", "@SUM(A1)"]
)
def test_text_that_looks_like_a_formula_is_written_as_text(small_plan, tmp_path, title):
    store, ids = small_plan
    with store.action(ChangeSource.COMMAND, "test") as ch:
        ch.update("tasks", ids["late"], {"title": title})
    path = exported(store, tmp_path)
    ws = openpyxl.load_workbook(path)["任务"]
    cell = next(c for c in ws["I"] if c.value == title)
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert "<f>" not in _sheet_xml(path, "任务")


def _sheet_xml(path, title: str) -> str:
    import zipfile

    book = openpyxl.load_workbook(path, read_only=True)
    index = book.sheetnames.index(title) + 1
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{index}.xml").decode()


def test_progress_is_reported_and_cancelling_leaves_no_file(sample_plan, tmp_path):
    calls: list[tuple[int, int]] = []
    out = tmp_path / "plan.xlsx"
    export_plan(sample_plan, out, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]

    class Cancelled(Exception):
        pass

    def cancel(done, total):
        raise Cancelled

    target = tmp_path / "cancelled.xlsx"
    with pytest.raises(Cancelled):
        export_plan(sample_plan, target, progress=cancel)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.glob("*xlsx*")) == ["plan.xlsx"]


def test_export_into_a_missing_folder_is_a_clear_error(small_plan, tmp_path):
    store, _ = small_plan
    with pytest.raises(ExportError, match="does not exist"):
        export_plan(store, tmp_path / "nowhere" / "plan.xlsx")


def test_every_sheet_row_matches_its_columns(sample_plan):
    plan = PlanRows(sample_plan)
    for spec in SHEETS:
        rows = plan.rows(spec)
        assert rows, spec.key
        assert {len(r) for r in rows} == {len(spec.columns)}, spec.key
    assert len(plan.rows(SHEETS_BY_KEY["tasks"])) == sample_plan.db["tasks"].count


def test_every_sheet_holds_one_kind_of_the_stores_records():
    """The importer names what it changes by the sheet's key: a kind the store knows."""
    from qdplanner.store.records import RecordKind

    for spec in SHEETS:
        assert RecordKind(spec.key).value == spec.key
