"""Importing government task-breakdown sheets (任务分解表) into a plan: preview, then apply."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource
from qdplanner.excel.breakdown_import import BreakdownOptions
from qdplanner.excel.workbook_import import apply_import, preview_workbook
from qdplanner.store import PlanStore
from tests.excel import breakdown_books as books

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def tasks(store) -> list[tuple]:
    return store.db.execute(
        """SELECT t.code, t.title, t.due_date, t.deadline_text, p.title
           FROM tasks t LEFT JOIN tasks p ON p.id = t.parent_id
           ORDER BY t.project_id, t.program_id, coalesce(p.position, t.position),
                    t.parent_id IS NOT NULL, t.position"""
    ).fetchall()


def roles(store, title: str) -> list[tuple[str, str]]:
    return store.db.execute(
        """SELECT u.name, tu.role FROM task_units tu JOIN units u ON u.id = tu.unit_id
           JOIN tasks t ON t.id = tu.task_id WHERE t.title = ? ORDER BY tu.position""",
        [title],
    ).fetchall()


def test_into_an_empty_plan_the_title_becomes_the_plan_document(empty_plan, tmp_path):
    sheet = books.classic(tmp_path / "classic.xlsx")
    preview = preview_workbook(empty_plan, sheet)
    assert preview.ok, [str(e) for e in preview.errors]
    assert preview.document_is_new
    assert "市科技局" in preview.units_to_create
    apply_import(empty_plan, preview)

    docs = empty_plan.db.execute("SELECT title, kind, start_year, end_year FROM plan_documents")
    assert docs.fetchall() == [
        ("青岛市打造国际化创新型城市三年行动方案（2022—2024年）", "action_plan", 2022, 2024)
    ]
    projects = [r[0] for r in empty_plan.db.execute("SELECT name FROM projects ORDER BY position")]
    assert projects == ["战略科技力量起势工程", "新兴产业创新工程"]
    rows = tasks(empty_plan)
    first = rows[0]
    assert first[:4] == (
        "1",
        "推进“透明海洋”“蓝色药库”等重大科技项目，培育海洋领域战略科技力量",
        "2024-12-31",
        "2022—2024年",
    )
    # sub-tasks （1） sit under their 1. task, in the sheet's order
    parsed = preview.result.tasks
    children = [t for t in parsed if t.parent_index is not None]
    assert children
    for child in children:
        parent = parsed[child.parent_index]
        assert (child.title, parent.title) in {(r[1], r[4]) for r in rows}
    # 配合单位 split on 、 and line breaks; the 牵头单位 leads
    assert roles(empty_plan, first[1]) == [
        ("市科技局", "lead"),
        ("市海洋发展局", "support"),
        ("崂山实验室", "support"),
        ("中国海大", "support"),
    ]
    batch = empty_plan.db.execute(
        "SELECT source, description FROM change_batches ORDER BY id DESC"
    ).fetchone()
    assert batch == (ChangeSource.IMPORT.value, "import of classic.xlsx")


def test_importing_the_same_sheet_again_changes_nothing(empty_plan, tmp_path):
    sheet = books.classic(tmp_path / "classic.xlsx")
    apply_import(empty_plan, preview_workbook(empty_plan, sheet))
    again = preview_workbook(empty_plan, sheet)
    assert again.ok and again.is_empty


def test_into_the_sample_plan_tasks_match_existing_ones_and_units_by_short_name(
    sample_plan, tmp_path
):
    sheet = books.classic(tmp_path / "classic.xlsx")
    before = sample_plan.db.execute("SELECT count(*) FROM projects").fetchone()[0]
    preview = preview_workbook(sample_plan, sheet)
    assert preview.ok and not preview.document_is_new
    assert preview.document == "青岛市打造国际化创新型城市三年行动方案（2022—2024年）"
    assert not [a for a in preview.added if a.kind == "projects"]  # both projects exist
    # 市科技局 is the short name of 青岛市科学技术局: found, not created
    assert "市科技局" not in preview.units_to_create
    matched = {c.label for c in preview.changed if c.kind == "tasks"}
    assert "开展重大科技基础设施预研" in matched
    added_titles = {a.label for a in preview.added if a.kind == "tasks"}
    assert "开展重大科技基础设施预研" not in added_titles
    apply_import(sample_plan, preview, allow_removals=True)  # supporting units replaced
    assert sample_plan.db.execute("SELECT count(*) FROM projects").fetchone()[0] == before
    assert roles(sample_plan, "开展重大科技基础设施预研")[0] == ("青岛市发展和改革委员会", "lead")


def test_a_single_responsible_unit_column_makes_the_first_unit_lead(empty_plan, tmp_path):
    sheet = books.single_units(tmp_path / "single.xlsx")
    preview = preview_workbook(empty_plan, sheet)
    # the last row lists units and a deadline but no task: named, nothing applied
    assert [(e.row, e.message) for e in preview.errors] == [(8, "this row has no task title")]
    with pytest.raises(Exception, match="nothing was applied"):
        apply_import(empty_plan, preview)
    assert empty_plan.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0


def test_programs_from_a_plan_column_and_the_lead_named_by_a_label(empty_plan, tmp_path):
    sheet = books.synonyms(tmp_path / "synonyms.xlsx")
    preview = preview_workbook(empty_plan, sheet)
    assert preview.ok, [str(e) for e in preview.errors]
    apply_import(empty_plan, preview)
    project_names = {r[0] for r in empty_plan.db.execute("SELECT name FROM projects")}
    assert "科技园区提升工程" in project_names
    assert roles(empty_plan, "谋划建设10个左右市级科技创新产业园")[0] == ("市科技局", "lead")


def test_unknown_headers_are_named_and_an_explicit_mapping_reads_them(empty_plan, tmp_path):
    sheet = books.unknown_headers(tmp_path / "unknown.xlsx")
    preview = preview_workbook(empty_plan, sheet)
    assert not preview.ok
    assert "栏目" in preview.errors[0].message and "事项" in preview.errors[0].message
    assert preview.result.layout.missing == ["task"]
    mapped = preview_workbook(
        empty_plan, sheet, breakdown=BreakdownOptions(mapping=books.UNKNOWN_MAPPING)
    )
    assert mapped.ok, [str(e) for e in mapped.errors]
    titles = [a.label for a in mapped.added if a.kind == "tasks"]
    assert "推进海洋科学考察船队等重大科技基础设施集群建设" in titles


def test_a_chosen_plan_document_receives_the_tasks(sample_plan, tmp_path):
    sheet = books.classic(tmp_path / "classic.xlsx")
    five_year = sample_plan.db.execute(
        "SELECT id FROM plan_documents WHERE kind = 'five_year_plan'"
    ).fetchone()[0]
    preview = preview_workbook(
        sample_plan, sheet, breakdown=BreakdownOptions(plan_document_id=five_year)
    )
    assert preview.document.startswith("青岛市打造国际化创新型城市五年规划")
    new_projects = [a.values for a in preview.added if a.kind == "projects"]
    assert new_projects and all(v["plan_document_id"] == five_year for v in new_projects)


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_xls_and_ods_files_import_like_the_xlsx(empty_plan, tmp_path, suffix):
    xlsx = preview_workbook(empty_plan, books.classic(tmp_path / "classic.xlsx"))
    other = tmp_path / f"classic.{suffix}"
    shutil.copy(FIXTURES / f"breakdown-classic.{suffix}", other)
    preview = preview_workbook(empty_plan, other)
    assert preview.ok, [str(e) for e in preview.errors]
    assert [(a.kind, a.label) for a in preview.added] == [(a.kind, a.label) for a in xlsx.added]
    assert preview.units_to_create == xlsx.units_to_create


def test_an_ambiguous_short_name_is_an_error_at_its_cell(empty_plan, tmp_path):
    with empty_plan.action(ChangeSource.COMMAND, "units") as changes:
        changes.insert("units", {"name": "青岛市科学技术局", "short_name": "市科技局"})
        changes.insert("units", {"name": "某市科学技术局", "short_name": "市科技局"})
    preview = preview_workbook(empty_plan, books.classic(tmp_path / "classic.xlsx"))
    error = preview.errors[0]
    assert error.row == 6 and error.column.startswith("C")
    assert "市科技局" in error.message


def test_command_line_import_of_a_breakdown_sheet(tmp_path):
    plan = tmp_path / "new.qdplan"
    PlanStore.create(plan).close()
    sheet = books.unknown_headers(tmp_path / "unknown.xlsx")
    runner = CliRunner()
    refused = runner.invoke(cli, ["import", str(plan), str(sheet), "--json"])
    assert refused.exit_code == 1
    errors = json.loads(refused.stdout)["errors"]
    assert "栏目" in errors[0]["message"]

    mapped = runner.invoke(
        cli,
        ["import", str(plan), str(sheet), "--json"]
        + [f"--map={c}={f}" for c, f in zip("ABCD", books.UNKNOWN_MAPPING.values(), strict=True)],
    )
    assert mapped.exit_code == 0, mapped.output
    outcome = json.loads(mapped.stdout)
    assert outcome["applied"] and outcome["added"]["tasks"] >= 2
    bad = runner.invoke(cli, ["import", str(plan), str(sheet), "--map", "B=titel"])
    assert bad.exit_code == 2 and "titel" in bad.output


def test_a_row_is_never_matched_by_its_number(sample_plan, tmp_path):
    """The office's two-row sheet: 序号 4 is another task's number in the plan, and
    开展重大科技基础设施预研 is task 2 there. Matching by title renames nothing."""
    from tests.excel.breakdown_books import write_book

    book = write_book(
        tmp_path / "two.xlsx",
        [
            ["序号", "重点任务", "牵头单位", "完成时限"],
            ["一、战略科技力量起势工程"],
            [2, "建设海洋科学考察船队", "市海洋发展局", "2024年底前"],
            [4, "开展重大科技基础设施预研", "市发展改革委", "2023年底前"],
        ],
    )
    preview = preview_workbook(sample_plan, book)
    assert not [c for c in preview.changed if c.field("title")]  # no task renamed
    changed = {c.label for c in preview.changed if c.kind == "tasks"}
    assert changed <= {"开展重大科技基础设施预研"}
    added = [a.label for a in preview.added if a.kind == "tasks"]
    assert added == ["建设海洋科学考察船队"]  # not in the plan: an addition, never a rename


def test_a_close_title_waits_for_the_user_s_decision(sample_plan, tmp_path):
    from qdplanner.excel.breakdown_import import BreakdownOptions
    from tests.excel.breakdown_books import write_book

    title = "开展重大科技基础设施预研"
    task_id = sample_plan.db.execute("SELECT id FROM tasks WHERE title = ?", [title]).fetchone()[0]
    book = write_book(
        tmp_path / "close.xlsx",
        [
            ["序号", "重点任务", "完成时限"],
            ["一、战略科技力量起势工程"],
            [1, "开展重大科技基础设施预研工作", "2024年底前"],
        ],
    )
    preview = preview_workbook(sample_plan, book)
    [similar] = preview.similar
    assert (similar.task_id, similar.decision) == (task_id, "")
    assert preview.errors and "is it the same task" in str(preview.errors[0])
    assert "row 3" in str(preview.errors[0])
    same = preview_workbook(sample_plan, book, breakdown=BreakdownOptions(accept_similar=True))
    assert same.ok and [c.record_id for c in same.changed if c.kind == "tasks"] == [task_id]
    new = preview_workbook(sample_plan, book, breakdown=BreakdownOptions(add_similar=True))
    assert new.ok and [a.label for a in new.added if a.kind == "tasks"] == [title + "工作"]
    chosen = preview_workbook(sample_plan, book, breakdown=BreakdownOptions(matches={3: None}))
    assert chosen.ok and not [c for c in chosen.changed if c.kind == "tasks"]
