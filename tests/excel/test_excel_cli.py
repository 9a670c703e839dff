"""The export and import commands: output for people and scripts, exit codes, --dry-run."""

from __future__ import annotations

import json

from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.store import PlanStore
from tests.excel.conftest import SheetEditor, edit


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def title(plan, task_id: int) -> str:
    with PlanStore.open(plan, readonly=True) as store:
        return store.db["tasks"].get(task_id)["title"]


def test_export_then_import_reports_no_changes(small_plan, tmp_path):
    store, _ = small_plan
    store.close()  # the command opens the plan itself
    out = tmp_path / "plan.xlsx"
    result = run("export", str(store.path), str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert out.exists() and "3 tasks" in result.output
    result = run("import", str(store.path), str(out))
    assert result.exit_code == 0, result.output
    assert "no changes" in result.output


def test_import_dry_run_prints_the_changes_and_applies_nothing(small_plan, tmp_path):
    store, ids = small_plan
    store.close()  # the command opens the plan itself
    out = tmp_path / "plan.xlsx"
    run("export", str(store.path), str(out), "--lang", "zh")
    book, save = edit(out)
    SheetEditor(book["任务"]).set(ids["late"], "任务名称", "改过的名称")
    save()
    result = run("import", str(store.path), str(out), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "任务名称: 逾期任务 → 改过的名称" in result.output
    assert "nothing was applied" in result.output
    assert title(store.path, ids["late"]) == "逾期任务"

    result = run("import", str(store.path), str(out), "--json")
    data = json.loads(result.output)
    assert data["applied"] is True
    assert data["changed"] == {"tasks": 1}
    assert data["added"] == {} and data["removed"] == {}
    assert data["units_created"] == [] and data["errors"] == []
    assert title(store.path, ids["late"]) == "改过的名称"


def test_import_errors_give_a_non_zero_exit_and_json_errors(small_plan, tmp_path):
    store, ids = small_plan
    store.close()  # the command opens the plan itself
    out = tmp_path / "plan.xlsx"
    run("export", str(store.path), str(out), "--lang", "zh")
    book, save = edit(out)
    row = SheetEditor(book["任务"]).set(ids["late"], "完成进度(%)", 140)
    save()
    result = run("import", str(store.path), str(out), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["applied"] is False
    assert data["errors"] == [
        {
            "file": "plan.xlsx",
            "sheet": "任务",
            "row": row,
            "column": "O (完成进度(%))",
            "message": "percent complete must be a whole number from 0 to 100 (got 140)",
        }
    ]
    assert "1 error(s)" in result.stderr


def test_a_file_that_is_not_a_workbook_is_one_line_on_stderr(small_plan, tmp_path):
    store, _ = small_plan
    store.close()
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    result = run("import", str(store.path), str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("qdplanner: bad.xlsx: not a workbook")
    assert len(result.stderr.strip().splitlines()) == 1


def test_commands_have_help():
    for name in ("export", "import"):
        result = run(name, "--help")
        assert result.exit_code == 0 and "PLAN" in result.output


def test_export_under_another_ending_is_refused_naming_the_right_one(small_plan, tmp_path):
    store, _ = small_plan
    store.close()
    for name in ("out.xls", "out.ods", "out"):
        result = CliRunner().invoke(
            cli, ["export", str(store.path), str(tmp_path / name), "--lang", "en"]
        )
        assert result.exit_code != 0
        assert "written as .xlsx" in result.output and "out.xlsx" in result.output
        assert not (tmp_path / name).exists()
