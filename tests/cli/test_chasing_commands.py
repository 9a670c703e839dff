"""collect-status --late, collect-remind (催办通知 as Word) and evidence (佐证材料 as .zip)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource
from qdplanner.store import PlanStore
from qdplanner.store.collections import lead_units
from qdplanner.store.progress import ReportInput, add_evidence, record_progress
from qdplanner.store.units import update_unit
from tests.excel.collection_helpers import fill, task_ids

MIIT = "青岛市工业和信息化局"
STI = "青岛市科学技术局"
OFFICE = "青岛市科学技术局规划办"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def plan(sample_address: str, tmp_path: Path) -> str:
    """The sample plan (either engine), MIIT with a contact, the 2021Q4 round issued (due
    2022-01-10) and MIIT's workbook returned with one of its four rows filled in."""
    path = sample_address
    with PlanStore.open(path) as store, store.action(ChangeSource.FORM, "contact") as changes:
        unit = next(u.id for u in lead_units(store) if u.name == MIIT)
        update_unit(store, changes, unit, {"contact": "赵六", "phone": "0532-85911234"})
    assert run("settings", path, "report.office", OFFICE).exit_code == 0
    out = tmp_path / "out"
    issued = run("collect", path, out, "--period", "2021Q4", "--due", "2022-01-10", "--json",
                 "--lang", "zh")  # fmt: skip
    books = {w["unit"]: Path(w["file"]) for w in json.loads(issued.stdout)["workbooks"]}
    ids = task_ids(books[MIIT])
    fill(books[MIIT], {ids[0]: {"本期状态": "进行中", "完成进度(%)": 90, "进展情况": "推进"}})
    assert run("collect-import", path, books[MIIT]).exit_code == 0
    return path


def miit_tasks(plan: Path) -> list[int]:
    with PlanStore.open(plan, readonly=True) as store:
        unit = next(u.id for u in lead_units(store) if u.name == MIIT)
        sql = "SELECT task_id FROM task_units WHERE unit_id = ? AND role = 'lead'"
        return sorted(r[0] for r in store.db.execute(sql, [unit]))


def test_status_late_lists_units_past_due_with_contact_and_open_tasks(plan):
    before = json.loads(run("collect-status", plan, "--late", "--as-of", "2022-01-10",
                            "--json").stdout)  # fmt: skip
    assert before["count"] == 0 and before["late"] == []
    data = json.loads(run("collect-status", plan, "--late", "--as-of", "2022-01-11",
                          "--json").stdout)  # fmt: skip
    units = {u["unit"]: u for u in data["late"]}
    assert data["period"] == "2021Q4" and data["count"] == len(units) == 13
    miit = units[MIIT]
    assert miit["standing"] == "partial" and miit["due_on"] == "2022-01-10"
    assert (miit["contact"], miit["phone"]) == ("赵六", "0532-85911234")
    assert len(miit["open_tasks"]) == 3 and all(t["row"] for t in miit["open_tasks"])
    assert units[STI]["standing"] == "missing" and units[STI]["open_tasks"]
    text = run("collect-status", plan, "--late", "--as-of", "2022-01-11", "--lang", "en").output
    assert "2021Q4: 13 unit(s) late at 2022-01-11" in text
    assert f"{MIIT}: ◐ Partly returned; due 2022-01-10; contact 赵六, phone 0532-85911234" in text
    assert "left empty)" in text


def test_status_names_the_rows_a_partial_return_left_empty(plan):
    text = run("collect-status", plan, "--period", "2021Q4", "--lang", "en").output
    assert "1 partly returned" in text and "Partly returned (rows left empty):" in text
    line = next(x for x in text.splitlines() if x.strip().startswith(MIIT))
    assert "left empty: row 5" in line and "row 6" in line and "row 7" in line
    data = json.loads(run("collect-status", plan, "--period", "2021Q4", "--json").stdout)
    (miit,) = data["partial"]
    assert [e["row"] for e in miit["left_empty"]] == [5, 6, 7] and miit["late"]


def test_remind_writes_a_word_notice_per_late_unit(plan, tmp_path):
    out = tmp_path / "notices"
    result = run("collect-remind", plan, "2021Q4", out, "--as-of", "2022-01-20", "--lang", "zh")
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.docx"))
    assert len(files) == 13
    notice = out / f"2021Q4_催办通知_{MIIT}.docx"
    doc = Document(notice)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "催办通知" in text and f"{MIIT}：" in text
    assert "赵六" in text and "0532-85911234" in text
    assert "2022年1月10日" in text and "2021年第四季度" in text and "未填写" in text
    assert OFFICE in text and "2022年1月20日" in text
    (table,) = doc.tables
    assert table.rows[0].cells[0].text == "序号"
    tasks = [r for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert len(tasks) == 3  # the three rows left empty
    assert [r.cells[4].text for r in tasks] == ["5", "6", "7"]
    # a line naming the program or project above its tasks: their codes restart in each
    streams = [r.cells[0].text for r in table.rows[1:] if not r.cells[0].text.isdigit()]
    assert streams and all(name.endswith(("计划", "工程")) for name in streams), streams
    section = doc.sections[0]
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    again = run("collect-remind", plan, "2021Q4", out, "--as-of", "2022-01-20", "--lang", "zh")
    assert again.exit_code == 1 and "已存在" in again.stderr


def test_remind_one_unit_and_refuse_one_not_late(plan, tmp_path):
    out = tmp_path / "one"
    result = run("collect-remind", plan, "2021Q4", out, "--unit", "市工信局", "--as-of",
                 "2022-01-20", "--lang", "en", "--json")  # fmt: skip
    data = json.loads(result.stdout)
    assert [n["unit"] for n in data["notices"]] == [MIIT] and data["notices"][0]["tasks"] == 3
    english = Document(data["notices"][0]["file"])
    assert "Reminder Notice" in "\n".join(p.text for p in english.paragraphs)
    early = run("collect-remind", plan, "2021Q4", out, "--unit", "市工信局", "--as-of",
                "2022-01-01", "--force")  # fmt: skip
    assert early.exit_code == 1 and "is not late for 2021Q4" in early.stderr
    none = run("collect-remind", plan, "2021Q4", tmp_path / "none", "--as-of", "2022-01-01")
    assert none.exit_code == 0 and "no unit is late" in none.output
    assert not (tmp_path / "none").exists()


# -- evidence --------------------------------------------------------------------------------


@pytest.fixture
def with_evidence(plan: Path) -> tuple[Path, list[int]]:
    tasks = miit_tasks(plan)
    with PlanStore.open(plan) as store, store.action(ChangeSource.FORM, "evidence") as changes:
        first = record_progress(store, changes, tasks[0], ReportInput("2021Q3", "in_progress", 40))
        second = record_progress(store, changes, tasks[1], ReportInput("2021Q3", "in_progress", 9))
        other = record_progress(store, changes, tasks[2], ReportInput("2021Q2", "in_progress", 5))
        add_evidence(store, changes, first, "验收报告.pdf", b"%PDF-1.4 report")
        add_evidence(store, changes, first, "=HYPERLINK(1).jpg", b"\xff\xd8photo")
        add_evidence(store, changes, second, "验收报告.pdf", b"%PDF-1.4 other")
        add_evidence(store, changes, other, "earlier.txt", b"not this period")
    return plan, tasks


def test_evidence_exports_a_periods_files_with_an_index_sheet(with_evidence, tmp_path):
    plan, _tasks = with_evidence
    out = tmp_path / "ev.zip"
    result = run("evidence", plan, "--period", "2021年第三季度", out, "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "2021Q3 佐证材料 3 个" in result.output
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert names[0] == "index.xlsx" and len(names) == 4
        contents = {n: archive.read(n) for n in names[1:]}
        index = openpyxl.load_workbook(io.BytesIO(archive.read("index.xlsx"))).active
    assert sorted(contents.values()) == sorted(
        [b"%PDF-1.4 report", b"\xff\xd8photo", b"%PDF-1.4 other"]
    )
    rows = list(index.iter_rows(values_only=True))
    assert rows[0] == ("任务编号", "任务名称", "期间", "单位", "文件", "大小（字节）", "上传时间")
    assert len(rows) == 4 and {r[2] for r in rows[1:]} == {"2021Q3"}
    assert {r[3] for r in rows[1:]} == {MIIT}
    assert set(contents) == {r[4] for r in rows[1:]}  # the index names each file as archived
    formula = next(r for r in rows[1:] if "HYPERLINK" in r[4])
    cell = next(c for c in index[rows.index(formula) + 1] if c.value == formula[4])
    assert cell.data_type == "s"  # text, never a formula
    assert [r[5] for r in rows[1:]] == [len(contents[r[4]]) for r in rows[1:]]


def test_evidence_list_and_refusals(with_evidence, tmp_path):
    plan, _tasks = with_evidence
    listed = json.loads(run("evidence", plan, "--period", "2021Q3", "--list", "--json").stdout)
    assert listed["count"] == 3 and {f["file"] for f in listed["files"]} == {
        "验收报告.pdf", "=HYPERLINK(1).jpg"
    }  # fmt: skip
    wrong = run("evidence", plan, "--period", "2021Q3", tmp_path / "ev.txt")
    assert wrong.exit_code == 1 and ".zip" in wrong.stderr
    empty = run("evidence", plan, "--period", "2023Q1", tmp_path / "e.zip")
    assert empty.exit_code == 1 and "no evidence file" in empty.stderr
    assert not (tmp_path / "e.zip").exists()
    missing = run("evidence", plan, "--period", "2021Q3")
    assert missing.exit_code == 1 and "--list" in missing.stderr
