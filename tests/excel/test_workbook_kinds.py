"""Import knows what a workbook is, and removes records only when asked.

Every workbook here is built in the test from a real export or collection round; for each
refusal the plan file is byte-for-byte what it was.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.excel.collection_export import collect_workbooks
from qdplanner.excel.workbook_identity import (
    IDENTITY_SHEET,
    OtherPlanWorkbookError,
    WrongWorkbookError,
)
from qdplanner.excel.workbook_import import (
    RemovalsRefused,
    apply_import,
    preview_workbook,
)
from qdplanner.store import PlanStore
from tests.excel.collection_helpers import fill, task_ids
from tests.excel.conftest import exported
from tests.plan_state import plan_state


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def returned_workbook(store: PlanStore, folder: Path) -> Path:
    """One unit's 2025Q4 workbook, filled in as the unit would."""
    result = collect_workbooks(store, folder / "round", "2025Q4")
    book = result.workbooks[0].path
    first = task_ids(book)[0]
    return fill(book, {first: {"完成进度(%)": 80, "进展情况": "按计划推进"}})


def test_a_returned_progress_workbook_given_to_import_names_collect_import(sample_plan, tmp_path):
    book = returned_workbook(sample_plan, tmp_path)
    plan = sample_plan.path
    sample_plan.close()
    before = plan_state(plan)
    result = run("import", plan, book)
    assert result.exit_code == 1
    assert "returned 2025Q4 progress workbook" in result.stderr
    assert "collect-import" in result.stderr
    assert plan_state(plan) == before


def test_a_returned_workbook_that_lost_its_hidden_sheet_is_still_known(sample_plan, tmp_path):
    book_path = returned_workbook(sample_plan, tmp_path)
    book = openpyxl.load_workbook(book_path)
    del book["_collection"]
    book.save(book_path)
    with pytest.raises(WrongWorkbookError, match="collect-import"):
        preview_workbook(sample_plan, book_path)


def test_a_plan_workbook_with_renamed_sheets_is_refused_not_read_as_a_breakdown(
    sample_plan, tmp_path
):
    path = exported(sample_plan, tmp_path)
    book = openpyxl.load_workbook(path)
    for n, ws in enumerate(book.worksheets):
        ws.title = f"Sheet{n + 1}"
    book.save(path)
    with pytest.raises(WrongWorkbookError, match="sheets were renamed") as refused:
        preview_workbook(sample_plan, path)
    assert "Sheet5 → 任务" in str(refused.value)


def test_a_plan_workbook_of_another_plan_is_refused_unless_asked_for(sample_plan, tmp_path):
    path = exported(sample_plan, tmp_path)
    other = PlanStore.create(tmp_path / "other.qdplan")
    with pytest.raises(OtherPlanWorkbookError, match="exported from another plan") as refused:
        preview_workbook(other, path)
    assert "--other-plan" in str(refused.value)
    assert "青岛" in str(refused.value)  # the plan it came from is named
    preview = preview_workbook(other, path, other_plan=True)  # read, as the user asked
    assert "tasks" in preview.sheets
    other.close()
    before = (tmp_path / "other.qdplan").read_bytes()
    result = run("import", tmp_path / "other.qdplan", path)
    assert result.exit_code == 1 and "another plan" in result.stderr
    assert (tmp_path / "other.qdplan").read_bytes() == before


def test_an_export_carries_the_plan_s_identity_in_a_hidden_sheet(sample_plan, tmp_path):
    book = openpyxl.load_workbook(exported(sample_plan, tmp_path))
    ws = book[IDENTITY_SHEET]
    assert ws.sheet_state == "hidden"
    fields = {row[0].value: row[1].value for row in ws.iter_rows()}
    assert fields["plan_uuid"] == sample_plan.setting("plan_uuid")
    assert fields["format"] == "qdplanner-plan-workbook/1"


def test_a_workbook_exported_before_plans_had_an_identity_is_still_read(sample_plan, tmp_path):
    path = exported(sample_plan, tmp_path)
    book = openpyxl.load_workbook(path)
    del book[IDENTITY_SHEET]
    book.save(path)
    preview = preview_workbook(sample_plan, path)
    assert preview.ok and preview.is_empty


def only_new_rows(store: PlanStore, folder: Path) -> Path:
    """The tasks sheet with every existing row deleted and one new task typed in."""
    path = exported(store, folder)
    book = openpyxl.load_workbook(path)
    ws = book["任务"]
    headers = {c.value: c.column for c in ws[1]}
    ws.delete_rows(2, ws.max_row - 1)
    project = store.db.execute("SELECT id FROM projects ORDER BY id").fetchone()[0]
    ws.cell(2, headers["工程ID"]).value = project
    ws.cell(2, headers["任务名称"]).value = "新增任务"
    book.save(path)
    return path


def test_an_import_that_would_remove_records_is_refused_with_the_counts(sample_plan, tmp_path):
    path = only_new_rows(sample_plan, tmp_path)
    plan = sample_plan.path
    sample_plan.close()
    before = plan_state(plan)
    dry = run("import", plan, path, "--dry-run", "--json")
    assert dry.exit_code == 1
    assert json.loads(dry.stdout)["removals_refused"] is True
    result = run("import", plan, path)
    assert result.exit_code == 1
    assert "would remove records" in result.stderr and "61 task" in result.stderr
    assert "--allow-removals" in result.stderr
    assert dry.stderr == result.stderr  # the dry run says what the real run does
    assert plan_state(plan) == before
    allowed = run("import", plan, path, "--allow-removals")
    assert allowed.exit_code == 0, allowed.stderr
    with PlanStore.open(plan, readonly=True) as store:
        titles = [r[0] for r in store.db.execute("SELECT title FROM tasks")]
    assert titles == ["新增任务"]


def test_apply_import_itself_refuses_removals_not_allowed(sample_plan, tmp_path):
    preview = preview_workbook(sample_plan, only_new_rows(sample_plan, tmp_path))
    version = sample_plan.version
    with pytest.raises(RemovalsRefused):
        apply_import(sample_plan, preview)
    assert sample_plan.version == version


def test_changes_from_a_hidden_sheet_are_named(sample_plan, tmp_path):
    path = exported(sample_plan, tmp_path)
    book = openpyxl.load_workbook(path)
    ws = book["节点"]
    ws.sheet_state = "hidden"
    ws.cell(2, 5).value = "改过的节点"
    book.save(path)
    preview = preview_workbook(sample_plan, path)
    assert len(preview.changed) == 1
    hidden = [w for w in preview.warnings if getattr(w, "sheet", "") == "节点"]
    assert hidden and "hidden" in str(hidden[0])


def test_a_password_protected_workbook_is_called_so(sample_plan, tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = exported(sample_plan, tmp_path)
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as src, locked.open("wb") as out:
        msoffcrypto.OOXMLFile(src).encrypt("secret", out)
    result = run("import", sample_plan.path, locked, "--dry-run")
    assert result.exit_code == 1
    assert "password-protected" in result.stderr and "damaged" not in result.stderr


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_formulas_of_an_xls_are_named_and_a_sheet_without_any_is_not_warned_about():
    from qdplanner.excel.cells import open_workbook

    with open_workbook(FIXTURES / "formulas.xls") as book:
        messages = [str(w) for w in book.warnings]
    assert len(messages) == 1, messages
    assert "sheet 任务" in messages[0] and "2 cell(s) hold formulas (B2, C5)" in messages[0]
    with open_workbook(FIXTURES / "breakdown-classic.xls") as book:
        assert book.warnings == []  # no formulas, no warning
