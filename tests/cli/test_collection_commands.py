"""collect, collect-import and collect-status on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource
from qdplanner.store import PlanStore
from qdplanner.store.progress import ReportInput, record_progress
from tests.excel.collection_helpers import fill, set_cell, task_ids

STI = "青岛市科学技术局"
MIIT = "青岛市工业和信息化局"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def plan(sample_address) -> str:
    """The sample plan on either engine: a file's path or a server plan's address."""
    return sample_address


@pytest.fixture
def books(plan: Path, tmp_path: Path) -> dict[str, Path]:
    out = tmp_path / "out"
    result = run(
        "collect", plan, out, "--period", "2021Q4", "--due", "2022-01-10", "--json", "--lang", "zh"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return {w["unit"]: Path(w["file"]) for w in data["workbooks"]}


def period_reports(plan: Path) -> dict[int, str]:
    with PlanStore.open(plan, readonly=True) as store:
        return dict(
            store.db.execute(
                "SELECT task_id, narrative FROM progress_reports WHERE period = '2021Q4'"
            ).fetchall()
        )


def test_collect_writes_a_workbook_per_lead_unit(plan, tmp_path):
    result = run("collect", plan, tmp_path / "out", "--period", "2021年第四季度", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "2021Q4: 13 workbook(s) written" in result.output
    assert (tmp_path / "out" / "2021Q4_青岛市科学技术局.xlsx").exists()
    again = run("collect", plan, tmp_path / "out", "--period", "2021Q4")
    assert again.exit_code == 1 and "already exists" in again.stderr
    one = run(
        "collect", plan, tmp_path / "out", "--period", "2021Q4", "--unit", "市科技局", "--force"
    )
    assert one.exit_code == 0 and "1 workbook(s)" in one.output
    assert run("collect", plan, tmp_path / "o", "--period", "2024Q5").exit_code == 1
    english = run("collect", plan, tmp_path / "en", "--period", "2021Q4", "--lang", "en")
    assert english.exit_code == 0


def test_import_two_returned_workbooks_then_status(plan, books):
    sti, miit = task_ids(books[STI]), task_ids(books[MIIT])
    fill(books[STI], {sti[0]: {"本期状态": "已完成", "完成进度(%)": 100, "进展情况": "甲"}})
    fill(books[MIIT], {miit[0]: {"完成进度(%)": 90, "进展情况": "乙"}})
    dry = run("collect-import", plan, books[STI], books[MIIT], "--dry-run", "--json")
    assert dry.exit_code == 0, dry.output
    data = json.loads(dry.stdout)
    assert data["reports"] == {"add": 2, "replace": 0, "unchanged": 0}
    assert data["errors"] == [] and data["conflicts"] == [] and data["result"] is None
    assert period_reports(plan) == {}
    result = run(
        "collect-import", plan, books[STI], books[MIIT], "--period", "2021Q4", "--lang", "en"
    )
    assert result.exit_code == 0, result.output
    assert "2 report(s) added" in result.output
    assert period_reports(plan) == {sti[0]: "甲", miit[0]: "乙"}
    status = json.loads(run("collect-status", plan, "--period", "2021Q4", "--json").output)
    # each filled one row of several: both returns are partial, the rest are late
    assert status["counts"] == {
        "returned": 0, "partial": 2, "not_returned": 11, "never_issued": 0, "late": 13
    }  # fmt: skip
    returned = {u["unit"]: u for u in status["partial"]}
    assert returned[STI]["returned_file"] == books[STI].name and returned[STI]["reported"] == 1
    assert returned[STI]["issued_at"] and returned[STI]["returned_at"]
    assert MIIT not in {u["unit"] for u in status["not_returned"]}
    text = run("collect-status", plan, "--lang", "en").output  # the latest round
    assert (
        "2021Q4: 13 unit(s): 0 returned, 2 partly returned, 11 not returned, 0 never issued; "
        "13 late" in text
    )
    assert "Partly returned (rows left empty):" in text and "Not returned:" in text


def test_status_lists_lead_units_never_issued(plan, tmp_path):
    run("collect", plan, tmp_path / "out", "--period", "2021Q4", "--unit", MIIT, "--lang", "zh")
    status = json.loads(run("collect-status", plan, "--period", "2021Q4", "--json").output)
    assert status["counts"] == {
        "returned": 0, "partial": 0, "not_returned": 1, "never_issued": 12, "late": 1
    }  # fmt: skip
    assert STI in {u["unit"] for u in status["never_issued"]}
    assert run("collect-status", plan, "--period", "2023Q1").exit_code == 0


def test_errors_are_listed_by_cell_and_only_good_files_apply(plan, books):
    sti, miit = task_ids(books[STI]), task_ids(books[MIIT])
    fill(books[STI], {sti[0]: {"完成进度(%)": 150}})
    set_cell(books[STI], "D5", "改了标题")
    fill(books[MIIT], {miit[0]: {"进展情况": "好"}})
    result = run("collect-import", plan, books[STI], books[MIIT], "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {(e["row"], e["column"]) for e in data["errors"]} == {
        (4, "K (完成进度(%))"),
        (5, "D (任务)"),
    }
    assert all(e["file"] == books[STI].name and e["sheet"] == "进展填报" for e in data["errors"])
    assert period_reports(plan) == {miit[0]: "好"}
    assert data["result"]["returned"] == [books[MIIT].name]


def test_conflicts_stop_the_import_until_preferred(plan, books, tmp_path):
    miit = task_ids(books[MIIT])
    with PlanStore.open(plan) as store, store.action(ChangeSource.FORM, "hand") as changes:
        record_progress(store, changes, miit[1], ReportInput("2021Q4", "in_progress", 10, "手"))
    a = fill(
        books[MIIT],
        {miit[0]: {"进展情况": "一"}, miit[1]: {"进展情况": "单位"}},
        tmp_path / "a.xlsx",
    )
    b = fill(books[MIIT], {miit[0]: {"进展情况": "二"}}, tmp_path / "b.xlsx")
    result = run("collect-import", plan, a, b, "--json", "--lang", "en")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["conflicts"]) == 2 and data["result"] is None
    first = next(c for c in data["conflicts"] if c["task_id"] == miit[0])
    assert [c["choice"] for c in first["candidates"]] == ["a.xlsx", "b.xlsx"]
    assert first["candidates"][1]["narrative"] == "二" and first["chosen"] is None
    second = next(c for c in data["conflicts"] if c["task_id"] == miit[1])
    assert [c["choice"] for c in second["candidates"]] == ["plan", "a.xlsx"]
    assert "unresolved" in result.stderr
    assert period_reports(plan) == {miit[1]: "手"}
    half = run("collect-import", plan, a, b, "--prefer", "b.xlsx")
    assert half.exit_code == 1 and period_reports(plan) == {miit[1]: "手"}
    done = run("collect-import", plan, a, b, "--prefer", "plan", "--prefer", str(b))
    assert done.exit_code == 0, done.output + done.stderr
    assert period_reports(plan) == {miit[0]: "二", miit[1]: "手"}
