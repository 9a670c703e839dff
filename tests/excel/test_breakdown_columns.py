"""Every column of a breakdown sheet accounted for (issue 14, item 3): what each column is read
as, or why not; two columns of one meaning are a question, never a choice made silently; hidden
columns and rows are named; ``--map`` sets the columns it names and leaves the rest as found."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.excel.breakdown_headers import FIELDS, match_header
from qdplanner.excel.breakdown_import import BreakdownOptions
from qdplanner.excel.file_checks import check_file
from qdplanner.excel.workbook_import import apply_import, preview_workbook
from tests.excel import breakdown_books as books

TITLE = "《青岛市打造国际化创新型城市三年行动方案（2022—2024年）》重点任务分解表"
TASK_1 = "建设海洋科学考察船队"
TASK_2 = "开展重大科技基础设施预研"


def two_deadlines(path: Path, *, hide: str | None = None, hide_row: int | None = None) -> Path:
    """A sheet with a superseded deadline column beside the current one (F may be hidden)."""
    rows = [
        [TITLE, None, None, None, None, None],
        ["序号", "重点任务", "牵头单位", "协同部门", "完成时限", "完成时限（调整前）"],
        [1, TASK_1, "市科技局", "市海洋发展局", "2024年底前", "2023年底前"],
        [2, TASK_2, "市发展改革委", "市科技局", "2025年6月底前", "2024年6月底前"],
    ]
    books.write_book(path, rows, ("A1:F1",))
    if hide or hide_row:
        book = openpyxl.load_workbook(path)
        sheet = book.active
        if hide:
            sheet.column_dimensions[hide].hidden = True
        if hide_row:
            sheet.row_dimensions[hide_row].hidden = True
        book.save(path)
    return path


def run(*args: str):
    return CliRunner().invoke(cli, [*map(str, args), "--lang", "en"], catch_exceptions=False)


def test_two_deadline_columns_are_a_question_naming_both(empty_plan, tmp_path):
    preview = preview_workbook(empty_plan, two_deadlines(tmp_path / "two.xlsx"))
    assert not preview.ok
    (error,) = [e for e in preview.errors if "would all be read as" in e.message]
    assert "E (完成时限)" in error.message and "F (完成时限（调整前）)" in error.message
    assert "the deadline (完成时限)" in error.message
    assert "--map E=deadline --map F=skip" in error.message
    assert error.row == 2
    assert not preview.added  # nothing read, nothing to apply


def test_the_chinese_message_names_the_field_in_chinese(empty_plan, tmp_path):
    from qdplanner.catalogue import catalogue

    preview = preview_workbook(empty_plan, two_deadlines(tmp_path / "two.xlsx"))
    error = next(e for e in preview.errors if "would all be read as" in e.message)
    zh = catalogue("zh_CN")
    text = error.text(lambda english: zh.translate("Messages", english))
    assert "完成时限" in text and "请指定读取哪一列" in text and "would" not in text


def test_map_names_the_one_column_and_the_other_is_set_aside_with_a_warning(empty_plan, tmp_path):
    path = two_deadlines(tmp_path / "two.xlsx")
    options = BreakdownOptions(mapping={4: "deadline"}, partial_mapping=True)
    preview = preview_workbook(empty_plan, path, breakdown=options)
    assert preview.ok, [str(e) for e in preview.errors]
    warnings = [str(w) for w in preview.warnings]
    assert any("set aside, not read: F (完成时限（调整前）)" in w for w in warnings), warnings
    apply_import(empty_plan, preview)
    rows = empty_plan.db.execute("SELECT title, due_date FROM tasks ORDER BY position").fetchall()
    assert rows == [(TASK_1, "2024-12-31"), (TASK_2, "2025-06-30")]


def test_on_the_command_line_too(empty_plan, tmp_path):
    path = two_deadlines(tmp_path / "two.xlsx")
    plan = empty_plan.path
    empty_plan.close()
    refused = run("import", plan, path)
    assert refused.exit_code == 1
    assert "--map E=deadline --map F=skip" in refused.output
    taken = run("import", plan, path, "--map", "E=deadline", "--map", "F=skip", "--json")
    assert taken.exit_code == 0, taken.output
    data = json.loads(taken.output)
    assert data["applied"] and data["added"]["tasks"] == 2


def test_json_lists_every_column_with_what_it_was_read_as(empty_plan, tmp_path):
    path = two_deadlines(tmp_path / "two.xlsx", hide="F")
    plan = empty_plan.path
    empty_plan.close()
    result = run("import", plan, path, "--dry-run", "--json", "--map", "F=skip")
    assert result.exit_code == 0, result.output
    columns = json.loads(result.output)["columns"]
    assert [(c["column"], c["header"], c["read_as"]) for c in columns] == [
        ("A", "序号", "seq"),
        ("B", "重点任务", "task"),
        ("C", "牵头单位", "lead"),
        ("D", "协同部门", "support"),  # a header real sheets use, recognised
        ("E", "完成时限", "deadline"),
        ("F", "完成时限（调整前）", None),
    ]
    assert columns[-1]["not_read"] == "set_aside" and columns[-1]["would_be"] == "deadline"
    assert columns[-1]["hidden"] and not columns[0]["hidden"]


def test_a_hidden_column_and_a_hidden_row_are_named(empty_plan, tmp_path):
    path = two_deadlines(tmp_path / "hidden.xlsx", hide="F", hide_row=4)
    options = BreakdownOptions(mapping={5: None}, partial_mapping=True)
    preview = preview_workbook(empty_plan, path, breakdown=options)
    warnings = [str(w) for w in preview.warnings]
    assert any("hidden columns, not read: F (完成时限（调整前）)" in w for w in warnings), warnings
    assert any("1 hidden row(s), read all the same: 4" in w for w in warnings), warnings
    assert (
        len([a for a in preview.added if a.kind == "tasks"]) == 2
    )  # hiding is not deleting: the row is read, and said so


def test_supporting_units_under_a_one_row_header_are_read_not_dropped(empty_plan, tmp_path):
    path = two_deadlines(tmp_path / "two.xlsx")
    options = BreakdownOptions(mapping={5: "skip"}, partial_mapping=True)
    preview = preview_workbook(empty_plan, path, breakdown=options)
    assert preview.ok
    apply_import(empty_plan, preview)
    roles = empty_plan.db.execute(
        """SELECT u.name, tu.role FROM task_units tu JOIN units u ON u.id = tu.unit_id
           JOIN tasks t ON t.id = tu.task_id WHERE t.title = ? ORDER BY tu.position""",
        [TASK_1],
    ).fetchall()
    assert roles == [("市科技局", "lead"), ("市海洋发展局", "support")]


def test_map_of_one_column_keeps_the_others_as_found(empty_plan, tmp_path):
    rows = [
        [TITLE, None, None, None],
        ["序号", "重点任务", "牵头单位", "联系人员"],  # not a header this program knows
        [1, TASK_1, "市科技局", "市海洋发展局"],
    ]
    path = books.write_book(tmp_path / "unknown.xlsx", rows, ("A1:D1",))
    found = preview_workbook(empty_plan, path)
    assert any("not recognised, not read: D (联系人员)" in str(w) for w in found.warnings)
    options = BreakdownOptions(mapping={3: "support"}, partial_mapping=True)
    preview = preview_workbook(empty_plan, path, breakdown=options)
    assert preview.ok, [str(e) for e in preview.errors]
    task = preview.result.tasks[0]
    assert (task.title, task.lead, task.support) == (TASK_1, "市科技局", ["市海洋发展局"])


def test_one_merged_header_over_two_columns_is_one_meaning_not_two(empty_plan, tmp_path):
    rows = [
        [TITLE, None, None, None],
        ["序号", "重点任务", None, "牵头单位"],
        [1, TASK_1, "新建2艘科考船", "市科技局"],
    ]
    path = books.write_book(tmp_path / "merged.xlsx", rows, ("A1:D1", "B2:C2"))
    preview = preview_workbook(empty_plan, path)
    assert preview.ok, [str(e) for e in preview.errors]
    assert preview.result.tasks[0].title == TASK_1


def test_headers_of_real_breakdown_sheets_are_recognised():
    assert {
        header: match_header(header)
        for header in ("协同部门", "协办单位", "配合部门", "责任处室", "时间节点", "完成时间",
                       "牵头处室", "协作单位", "完成时间节点")
    } == {
        "协同部门": "support", "协办单位": "support", "配合部门": "support",
        "责任处室": "units", "时间节点": "deadline", "完成时间": "deadline",
        "牵头处室": "lead", "协作单位": "support", "完成时间节点": "deadline",
    }  # fmt: skip


def test_the_command_line_lists_the_fields_the_importer_knows():
    from qdplanner.cli.excel_commands import BREAKDOWN_FIELDS

    assert BREAKDOWN_FIELDS == FIELDS


def test_an_ods_file_s_hidden_columns_and_rows_are_seen(tmp_path):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
        "<office:spreadsheet>"
        '<table:table table:name="分解表">'
        '<table:table-column table:number-columns-repeated="2"/>'
        '<table:table-column table:visibility="collapse"/>'
        "<table:table-column/>"
        "<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:visibility="collapse"><table:table-cell/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "hidden.ods"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    scan = check_file(path)
    assert scan.hidden_columns == {"分解表": {2}}
    assert scan.hidden_rows == {"分解表": {2}}


def test_year_less_deadlines_take_the_year_of_a_one_year_title(empty_plan, tmp_path):
    rows = [
        ["《2023年全市科技创新工作要点》任务分解表", None, None, None],
        ["序号", "重点任务", "牵头单位", "完成时限"],
        [1, TASK_1, "市科技局", "年底前"],
        [2, TASK_2, "市科技局", "6月底前"],
        [3, "推进“蓝色药库”重大科技项目", "市科技局", "明年春节前"],
    ]
    path = books.write_book(tmp_path / "2023.xlsx", rows, ("A1:D1",))
    preview = preview_workbook(empty_plan, path)
    dates = [(t.deadline_text, t.deadline.due) for t in preview.result.tasks]
    assert [str(d) for _, d in dates[:2]] == ["2023-12-31", "2023-06-30"]
    assert dates[2][1] is None  # kept as written and flagged, never guessed
    assert any("明年春节前" in str(w) for w in preview.warnings)
    # a title spanning several years gives no year: 年底前 stays flagged
    rows[0][0] = TITLE
    path = books.write_book(tmp_path / "multi.xlsx", rows, ("A1:D1",))
    preview = preview_workbook(empty_plan, path)
    assert preview.result.tasks[0].deadline.due is None


def test_year_less_deadlines_take_the_year_of_a_one_year_plan_document(empty_plan, tmp_path):
    from qdplanner.domain.enums import PlanKind
    from qdplanner.store.outline_edits import add_plan_document

    rows = [
        ["序号", "重点任务", "牵头单位", "完成时限"],
        [1, TASK_1, "市科技局", "年底前"],
        [2, TASK_2, "市科技局", "明年春节前"],
    ]
    path = books.write_book(tmp_path / "no-title.xlsx", rows)
    with empty_plan.action("form", "add a document") as changes:
        doc = add_plan_document(
            empty_plan, changes, "2023年全市科技创新工作要点", PlanKind.OTHER, 2023, 2023
        )
    preview = preview_workbook(empty_plan, path, breakdown=BreakdownOptions(plan_document_id=doc))
    assert preview.ok, [str(e) for e in preview.errors]
    assert str(preview.result.tasks[0].deadline.due) == "2023-12-31"
    warnings = [str(w) for w in preview.warnings]
    assert not any("年底前" in w for w in warnings)
    assert any("明年春节前" in w for w in warnings)  # still not read: kept, flagged
