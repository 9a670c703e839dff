"""Values a plan cannot hold are refused in the import's preview, named by file, sheet, row
and column; the dry run says what the real run says, and the plan file is not touched."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource
from qdplanner.excel.breakdown_import import preview_breakdown
from qdplanner.excel.workbook_import import ImportRefused, apply_import, preview_import
from qdplanner.store import PlanStore
from tests.excel.breakdown_books import SHEET
from tests.excel.conftest import SheetEditor, edit, exported
from tests.plan_state import plan_state


def _with_indicator(store) -> int:
    doc = store.db.execute("SELECT id FROM plan_documents").fetchone()[0]
    with store.action(ChangeSource.COMMAND, "indicator") as ch:
        return ch.insert("indicators", {"plan_document_id": doc, "name": "R&D", "target_value": 3})


def _over_long(cell) -> None:
    """Put 40,000 characters into a cell (openpyxl's setter would cut them at 32,767)."""
    cell._value = "长" * 40_000
    cell.data_type = "s"


# (sheet, record, header, value, letter, what the message says)
CASES = [
    ("任务", "late", "排序", 1e20, "G", "whole number must be between"),
    ("任务", "late", "排序", "1234567890123456789012345", "G", "whole number must be between"),
    ("任务", "late", "排序", "9" * 400, "G", "(got 9999999999"),
    ("任务", "late", "排序", "9" * 5000, "G", "whole number must be between"),
    ("指标", "indicator", "目标值", 1e308, "O", "(got 1e+308)"),
    ("指标", "indicator", "目标值", "inf", "O", "must be a number from"),
    ("指标", "indicator", "目标值", "nan", "O", "(got nan)"),
    ("指标", "indicator", "目标值", "1e400", "O", "(got 1e400)"),
    ("指标", "indicator", "目标值", "-2e15", "O", "must be a number from"),
    ("任务", "late", "截止日期", "9999-12-31", "L", "between 1900-01-01 and 2100-12-31"),
    ("任务", "late", "截止日期", datetime.date(9999, 12, 31), "L", "(got 9999-12-31)"),
    ("任务", "late", "开始日期", "1899-12-31", "K", "(got 1899-12-31)"),
    ("任务", "late", "任务名称", "_x0001_b", "I", "control character U+0001"),
    ("任务", "late", "任务名称", "_x0000_abc", "I", "control character U+0000"),
    ("任务", "late", "备注", "a_x001F_b", "R", "control character U+001F"),
    ("责任单位", "lead", "别名", "别名_x0002_", "H", "control character U+0002"),
    ("任务", "late", "任务名称", _over_long, "I", "40,000 characters long"),
]


@pytest.mark.parametrize(("sheet", "record", "header", "value", "letter", "says"), CASES)
def test_a_value_a_plan_cannot_hold_is_refused_in_the_preview(
    small_plan, tmp_path, sheet, record, header, value, letter, says
):
    store, ids = small_plan
    ids = {**ids, "indicator": _with_indicator(store)}
    path = exported(store, tmp_path)
    book, save = edit(path)
    editor = SheetEditor(book[sheet])
    if callable(value):
        row = editor.row_of(ids[record])
        value(book[sheet].cell(row, editor.columns[header]))
    else:
        row = editor.set(ids[record], header, value)
    save()
    store.close()
    before = plan_state(store.path)
    with PlanStore.open(store.path) as store:
        preview = preview_import(store, path)
        assert [(e.file, e.sheet, e.row, e.column) for e in preview.errors] == [
            ("plan.xlsx", sheet, row, f"{letter} ({header})")
        ], preview.text()
        assert says in preview.errors[0].message
        with pytest.raises(ImportRefused, match="1 error"):
            apply_import(store, preview)
    assert plan_state(store.path) == before


def _run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_dry_run_reports_the_error_the_real_run_reports(small_plan, tmp_path):
    store, ids = small_plan
    indicator = _with_indicator(store)
    store.close()
    before = plan_state(store.path)
    out = tmp_path / "plan.xlsx"
    assert _run("export", str(store.path), str(out), "--lang", "zh").exit_code == 0
    book, save = edit(out)
    SheetEditor(book["任务"]).set(ids["late"], "排序", 1e20)
    SheetEditor(book["指标"]).set(indicator, "目标值", 1e308)
    SheetEditor(book["规划文件"]).set(ids["doc"], "标题", "_x0000_规划")
    save()
    dry = _run("import", str(store.path), str(out), "--dry-run", "--json")
    real = _run("import", str(store.path), str(out), "--json")
    assert dry.exit_code == real.exit_code != 0
    dry_errors = json.loads(dry.stdout)["errors"]
    assert dry_errors == json.loads(real.stdout)["errors"]
    assert {(e["sheet"], e["column"]) for e in dry_errors} == {
        ("任务", "G (排序)"),
        ("指标", "O (目标值)"),
        ("规划文件", "B (标题)"),
    }
    assert "internal error" not in dry.output + real.output
    assert plan_state(store.path) == before


# -- a government task-breakdown sheet --------------------------------------------------------


def _breakdown(path: Path, rows: list[list]) -> Path:
    """A breakdown sheet of ``rows``; a text longer than openpyxl keeps is written whole."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = SHEET
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c)
            cell._value, cell.data_type = value, "s" if isinstance(value, str) else "n"
    book.save(path)
    return path


HEAD = ["序号", "重点任务", "目标", "牵头单位", "配合单位", "完成时限", "备注"]
LONG = "说" * 40_000


@pytest.mark.parametrize(
    ("task", "target", "notes", "column", "says"),
    [
        ("推进_x0001_合作", None, None, "B (重点任务)", "control character U+0001"),
        ("推进合作", None, "备注_x001B_备注", "G (备注)", "control character U+001B"),
        ("推进合作。" + LONG, None, None, "B (重点任务)", "40,005 characters long"),
        ("推进合作。\n" + LONG[:20_000], LONG[:20_000], None, "B (重点任务)", "40,004 characters"),
    ],
)
def test_a_breakdown_text_a_plan_cannot_hold_is_named(
    small_plan, tmp_path, task, target, notes, column, says
):
    store, _ = small_plan
    store.close()
    before = plan_state(store.path)
    path = _breakdown(
        tmp_path / "分解表.xlsx",
        [
            ["《示例行动方案（2022—2024年）》重点任务分解表"],
            HEAD,
            [1, "建设创新平台", None, "市科技局", "市财政局", "2024年底前", None],
            [2, task, target, "市科技局", None, "2023年底前", notes],
        ],
    )
    with PlanStore.open(store.path) as store:
        preview = preview_breakdown(store, path)
        found = [(e.file, e.sheet, e.row, e.column) for e in preview.errors]
        assert found == [("分解表.xlsx", SHEET, 4, column)], found
        assert says in preview.errors[0].message
        with pytest.raises(ImportRefused):
            apply_import(store, preview)
    assert plan_state(store.path) == before


def test_breakdown_title_years_past_2100_are_not_read(small_plan, tmp_path):
    store, _ = small_plan
    path = _breakdown(
        tmp_path / "分解表.xlsx",
        [
            ["《远景方案（2022—2150年）》重点任务分解表"],
            ["序号", "重点任务", "牵头单位", "完成时限"],
            [1, "建设创新平台", "市科技局", "2101年底前"],
        ],
    )
    preview = preview_breakdown(store, path)
    assert preview.errors == []
    doc = next(a for a in preview.added if a.kind == "plan_documents")
    assert (doc.values["start_year"], doc.values["end_year"]) == (None, None)
    task = next(a for a in preview.added if a.kind == "tasks")
    assert task.values.get("due_date") is None  # "2101年底前" is kept as written, not read
