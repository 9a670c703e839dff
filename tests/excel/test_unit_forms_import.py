"""Units as a bureau writes them, through every importer: one unit per real body; a new written
form of a known unit becomes its alias (shown in the preview); similar names are asked about."""

from __future__ import annotations

from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.excel.workbook_import import apply_import, preview_workbook
from tests.excel.breakdown_books import write_book

HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]


def sheet(path, rows):
    return write_book(path, [["《测试行动方案（2023—2025年）》重点任务分解表"], HEADER, *rows])


def test_one_body_written_three_ways_becomes_one_unit_with_aliases(empty_plan, tmp_path):
    book = sheet(
        tmp_path / "分解表.xlsx",
        [
            [1, "任务一", "市科技局", "市工信局", "2023年底前"],
            [2, "任务二", "青岛市科学技术局", "市工业和信息化局", "2024年底前"],
            [3, "任务三", "青岛市工业和信息化局", "市科技局", "2025年底前"],
        ],
    )
    preview = preview_workbook(empty_plan, book)
    assert preview.ok, preview.errors
    created = sorted(preview.new_unit_name(k) for k in preview.units_to_create)
    assert created == ["青岛市工业和信息化局", "青岛市科学技术局"]
    assert "also written 市科技局" in preview.text()
    apply_import(empty_plan, preview)
    units = dict(empty_plan.db.execute("SELECT name, id FROM units").fetchall())
    assert set(units) == {"青岛市工业和信息化局", "青岛市科学技术局"}
    aliases = {a for (a,) in empty_plan.db.execute("SELECT alias FROM unit_aliases")}
    assert aliases == {"市科技局", "市工信局", "市工业和信息化局"}
    plan = empty_plan.path
    empty_plan.close()
    result = CliRunner().invoke(
        cli, ["collect", str(plan), str(tmp_path / "round"), "--period", "2025Q4"]
    )
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "round").glob("*.xlsx"))) == 2  # one workbook per bureau


def test_a_new_written_form_of_a_known_unit_becomes_its_alias(sample_plan, tmp_path):
    book = sheet(
        tmp_path / "分解表.xlsx", [[1, "新任务", "人力资源和社会保障局", None, "2025年底前"]]
    )
    preview = preview_workbook(sample_plan, book)
    assert preview.units_to_create == []
    assert [(a, n) for _, a, n in preview.aliases_to_add] == [
        ("人力资源和社会保障局", "市人力资源社会保障局")  # the unit as the plan shows it
    ]
    assert "alias to add: 人力资源和社会保障局 → 市人力资源社会保障局" in preview.text()
    apply_import(sample_plan, preview)
    assert sample_plan.db.execute(
        "SELECT count(*) FROM unit_aliases WHERE alias = '人力资源和社会保障局'"
    ).fetchone() == (1,)


def test_a_name_only_similar_to_a_unit_is_asked_about_not_merged(sample_plan, tmp_path):
    book = sheet(tmp_path / "分解表.xlsx", [[1, "新任务", "市财政", None, "2025年底前"]])
    preview = preview_workbook(sample_plan, book)
    assert preview.units_to_create == ["市财政"]  # created only if the user goes on
    [warning] = [w for w in preview.warnings if "possibly the same unit" in str(w)]
    assert "青岛市财政局" in str(warning) and warning.row == 3


def test_the_table_and_the_report_scope_take_any_written_form(sample_plan, tmp_path):
    from qdplanner.store.task_input import TaskColumn, parse_cell

    task = sample_plan.db.execute("SELECT id FROM tasks ORDER BY id").fetchone()[0]
    science = sample_plan.db.execute(
        "SELECT id FROM units WHERE name = '青岛市科学技术局'"
    ).fetchone()[0]
    for typed in ("市 科技局", "科学技术局", "青岛市科技局"):
        assert parse_cell(sample_plan, task, TaskColumn.LEAD, typed).units[0] == science
    plan = sample_plan.path
    sample_plan.close()
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(
        cli, ["report", str(plan), str(out), "--scope", "unit:青岛市科技局"]
    )
    assert result.exit_code == 0, result.stderr
