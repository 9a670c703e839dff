"""Reading government task-breakdown sheets (任务分解表): layout, sections, tasks, units, dates."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from qdplanner.domain.deadlines import DeadlineKind
from qdplanner.excel.breakdown_headers import detect_layout, match_header
from qdplanner.excel.breakdown_parse import (
    BreakdownResult,
    ParsedGroup,
    TitleInfo,
    parse_breakdown,
    split_task_text,
    split_units,
    title_info,
    unit_names,
)
from qdplanner.excel.cells import SheetCells, normalise_row, open_workbook
from qdplanner.excel.ods_merges import ods_merged_ranges, sheet_with_merges
from tests.excel import breakdown_books as books

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
THREE_YEAR_PLAN = "青岛市打造国际化创新型城市三年行动方案（2022—2024年）"


def read(path: Path, mapping: dict[int, str] | None = None) -> BreakdownResult:
    with open_workbook(path) as book:
        sheet = sheet_with_merges(book, books.SHEET)
    return parse_breakdown(sheet, path.name, mapping)


def sheet_of(rows: list[list], merged: tuple = ()) -> SheetCells:
    """A sheet as ``open_workbook`` would give it (values normalised), without a file."""
    return SheetCells("S", [normalise_row(r) for r in rows], list(merged))


def summary(result: BreakdownResult) -> list[tuple]:
    return [
        (t.row, t.project or t.program, t.code, t.title, t.lead, t.support, t.deadline_text)
        for t in result.tasks
    ]


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


# -- (a) the classic layout ------------------------------------------------------------------


def test_classic_layout_is_found_below_a_merged_title_and_a_two_row_header(tmp_path):
    with open_workbook(books.classic(tmp_path / "c.xlsx")) as book:
        layout = detect_layout(book.sheet(books.SHEET))
    assert layout.title == "《青岛市打造国际化创新型城市三年行动方案（2022—2024年）》重点任务分解表"
    assert (layout.title_row, layout.header_rows, layout.data_start) == (2, (3, 4), 5)
    assert layout.mapping == {
        0: "seq", 1: "task", 2: "lead", 3: "support", 4: "deadline", 5: "notes"
    }  # fmt: skip
    assert layout.headers[2] == "牵头单位" and layout.headers[3] == "配合单位"
    assert layout.unmapped == [] and layout.missing == []


def test_classic_sheet_reads_sections_tasks_sub_tasks_and_units(tmp_path):
    result = read(books.classic(tmp_path / "c.xlsx"))
    assert result.errors == [] and result.warnings == []
    assert (result.title, result.years) == (THREE_YEAR_PLAN, (2022, 2024))
    assert result.groups == [
        ParsedGroup("project", "战略科技力量起势工程", "一", 5),
        ParsedGroup("project", "新兴产业创新工程", "二", 10),
    ]
    g1, g2 = "战略科技力量起势工程", "新兴产业创新工程"
    assert summary(result) == [
        (6, g1, "1", "推进“透明海洋”“蓝色药库”等重大科技项目，培育海洋领域战略科技力量",
         "市科技局", ["市海洋发展局", "崂山实验室", "中国海大"], "2022—2024年"),
        (7, g1, "2", "开展重大科技基础设施预研", "市发展改革委", ["市科技局", "市财政局"],
         "2023年底前"),
        (8, g1, "3", "争取国家重点实验室数量达到全省50%以上", "市科技局",
         ["崂山实验室", "中国海大", "中科院海洋所"], "2024年底前"),
        (11, g2, "1", "围绕24条产业链部署创新链", "市工业和信息化局",
         ["市科技局", "市发展改革委"], "2022年底前"),
        (12, g2, "2", "支持“链主”企业开展关键技术攻关", "市工业和信息化局",
         ["市科技局", "市财政局"], "每年"),
        (13, g2, "3", "梯次培育体系科技型企业", "市科技局",
         ["市工业和信息化局", "青岛高新区管委会"], "2022—2024年"),
        (14, g2, "(1)", "以“线下+云上”多元化方式推进企业研发机构建设", "市科技局",
         ["市工业和信息化局"], "2023年6月底前"),
        (15, g2, "(2)", "实现规模以上工业企业研发机构“全覆盖”", "市科技局",
         ["市工业和信息化局", "市财政局"], "2024年底前"),
    ]  # fmt: skip
    tasks = result.tasks
    assert all(t.program is None and t.heading is None for t in tasks)
    assert [(t.depth, t.parent_index) for t in tasks[5:]] == [(0, None), (1, 5), (1, 5)]
    assert tasks[1].description == "组织开展设施论证和项目储备。"
    assert tasks[1].notes == "示例"
    assert tasks[0].deadline.start == datetime.date(2022, 1, 1)
    assert tasks[0].deadline.due == datetime.date(2024, 12, 31)
    assert result.footnote == "注：1.表中牵头单位、配合单位为示例填写。\n2.完成时限以方案原文为准。"


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_xls_and_ods_copies_read_as_the_xlsx_does(tmp_path, suffix):
    """The fixtures were converted from ``books.classic`` by LibreOffice (tests/fixtures/README)."""
    expected = read(books.classic(tmp_path / "breakdown-classic.xlsx"))
    copy = read(FIXTURES / f"breakdown-classic{suffix}")
    assert copy.tasks == expected.tasks
    assert (copy.title, copy.years, copy.groups) == (
        expected.title,
        expected.years,
        expected.groups,
    )
    assert (copy.footnote, copy.errors, copy.warnings) == (expected.footnote, [], [])


def test_ods_merged_ranges_are_read_from_the_file(tmp_path):
    with open_workbook(books.classic(tmp_path / "c.xlsx")) as book:
        expected = sorted(book.sheet(books.SHEET).merged)
    ods = FIXTURES / "breakdown-classic.ods"
    with open_workbook(ods) as book:
        assert book.sheet(books.SHEET).merged == []  # python-calamine gives none for .ods
    assert sorted(ods_merged_ranges(ods)[books.SHEET]) == expected


# -- (b) synonyms, one header row, a project column merged down -------------------------------


def test_synonym_headers_and_a_project_column_merged_down(tmp_path):
    result = read(books.synonyms(tmp_path / "s.xlsx"))
    assert result.layout.mapping == {
        0: "seq", 1: "project", 2: "task", 3: "lead", 4: "support", 5: "deadline", 6: "target"
    }  # fmt: skip
    assert (result.title, result.years) == (
        "青岛市打造国际化创新型城市三年行动方案（2022-2024年）",
        (2022, 2024),
    )
    assert [(g.kind, g.name, g.row) for g in result.groups] == [
        ("project", "科技园区提升工程", 3), ("project", "开放合作深耕工程", 7)
    ]  # fmt: skip
    assert [t.project for t in result.tasks] == ["科技园区提升工程"] * 4 + ["开放合作深耕工程"] * 3
    assert [t.code for t in result.tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    first, _, third, *_, last = result.tasks
    assert first.description == "工作目标：建成10个左右市级科技创新产业园"
    assert first.support == ["青岛高新区管委会", "西海岸新区管委"]
    assert (third.lead, third.support) == ("市科技局", ["市南区政府", "市北区政府"])
    assert last.deadline.kind is DeadlineKind.ONGOING
    assert result.errors == []
    assert messages(result.warnings) == [
        "s.xlsx, sheet 分解表, row 5, column D (牵头部门): 2 lead units are listed; 市科技局 is "
        "taken as the lead and the others as supporting units"
    ]


# -- (c) one 责任单位 column -------------------------------------------------------------------


def test_single_units_column_the_first_unit_leads(tmp_path):
    result = read(books.single_units(tmp_path / "u.xlsx"))
    assert result.layout.mapping[3] == "units"
    assert (result.title, result.years) == (
        "青岛市打造国际化创新型城市五年规划（2022～2026年）",
        (2022, 2026),
    )
    assert [(t.program, t.lead, t.support) for t in result.tasks] == [
        ("创新策源能力提升计划", "市科技局", ["市海洋发展局", "崂山实验室"]),
        ("创新策源能力提升计划", "市发展改革委", ["市科技局", "市海洋发展局"]),
        ("创新策源能力提升计划", "市科技局", ["中科院海洋所", "中科院青岛能源所"]),  # （牵头）
        ("科技惠民提升计划", "市卫生健康委", ["市科技局", "青岛大学"]),  # 牵头单位：… labels
        ("科技惠民提升计划", "市农业农村局", []),
    ]  # fmt: skip
    assert [g.name for g in result.groups] == ["创新策源能力提升计划", "科技惠民提升计划"]
    assert result.tasks[-1].notes == "示例"
    assert messages(result.errors) == [
        "u.xlsx, sheet 分解表, row 8, column C (具体举措): this row has no task title"
    ]


# -- (d) headers not recognised, then mapped by hand ------------------------------------------


def test_unknown_headers_are_listed_and_nothing_is_read(tmp_path):
    result = read(books.unknown_headers(tmp_path / "x.xlsx"))
    layout = result.layout
    assert layout.header_rows == (2,) and layout.title == "2023年度科技创新重点工作安排"
    assert layout.unmapped == [(0, "栏目"), (1, "事项"), (2, "承接"), (3, "办结")]
    assert layout.missing == ["task"]
    assert result.tasks == []
    assert messages(result.errors) == [
        "x.xlsx, sheet 分解表, row 2: the task column was not found; columns not recognised: "
        "A (栏目), B (事项), C (承接), D (办结)"
    ]


def test_an_explicit_mapping_reads_the_same_sheet(tmp_path):
    result = read(books.unknown_headers(tmp_path / "x.xlsx"), books.UNKNOWN_MAPPING)
    assert result.errors == [] and result.warnings == []
    assert result.layout.unmapped == [] and result.layout.missing == []
    assert [(t.program, t.title, t.lead, t.support, t.deadline.due) for t in result.tasks] == [
        ("创新策源能力提升计划", "推进海洋科学考察船队等重大科技基础设施集群建设", "市发展改革委",
         ["市科技局"], datetime.date(2023, 12, 31)),
        ("创新策源能力提升计划", "加快山东能源研究院建设", "市科技局", [],
         datetime.date(2023, 6, 30)),
    ]  # fmt: skip
    assert result.years == (2023, 2023)


def test_a_partial_mapping_lists_the_columns_left_out(tmp_path):
    result = read(books.unknown_headers(tmp_path / "x.xlsx"), {1: "task"})
    assert [t.title for t in result.tasks][:1] == ["推进海洋科学考察船队等重大科技基础设施集群建设"]
    assert messages(result.warnings) == [
        "x.xlsx, sheet 分解表, row 2: columns not recognised, not read: "
        "A (栏目), C (承接), D (办结)"
    ]


def test_a_mapping_to_an_unknown_field_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError, match="owner"):
        read(books.unknown_headers(tmp_path / "x.xlsx"), {1: "task", 2: "owner"})


# -- (e) deadlines in words --------------------------------------------------------------------


def test_deadlines_in_words_dates_and_numbers(tmp_path):
    result = read(books.deadlines(tmp_path / "d.xlsx"))
    D = datetime.date
    assert [(t.deadline_text, t.deadline.kind, t.deadline.start, t.deadline.due)
            for t in result.tasks] == [
        ("2022年底前", DeadlineKind.FIXED, None, D(2022, 12, 31)),
        ("长期坚持", DeadlineKind.ONGOING, None, None),
        ("2023年6月底前", DeadlineKind.FIXED, None, D(2023, 6, 30)),
        ("2022—2024年", DeadlineKind.FIXED, D(2022, 1, 1), D(2024, 12, 31)),
        ("2024-06-30", DeadlineKind.FIXED, None, D(2024, 6, 30)),
        ("2024", DeadlineKind.FIXED, None, D(2024, 12, 31)),
        ("每年", DeadlineKind.RECURRING, None, None),
        ("视情况推进", DeadlineKind.UNPARSED, None, None),
        ("", DeadlineKind.NONE, None, None),
    ]  # fmt: skip
    assert result.errors == []
    assert messages(result.warnings) == [
        "d.xlsx, sheet 分解表, row 10, column D (完成时限): the deadline “视情况推进” cannot be "
        "read; it is kept as written"
    ]


# -- the pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "document", "years"),
    [
        ("《青岛市打造国际化创新型城市三年行动方案（2022—2024年）》重点任务分解表",
         THREE_YEAR_PLAN, (2022, 2024)),
        ("青岛市打造国际化创新型城市五年规划(2022-2026年)任务分解表",
         "青岛市打造国际化创新型城市五年规划(2022-2026年)", (2022, 2026)),
        ("《XX行动方案（２０２３～２０２５年）》\n分解表", "XX行动方案（２０２３～２０２５年）",
         (2023, 2025)),
        ("关于落实《XX规划（2021至2025年）》的重点任务分解表", "XX规划（2021至2025年）",
         (2021, 2025)),
        ("XX计划 2022–2024 任务清单", "XX计划 2022–2024", (2022, 2024)),
        ("2024年科技工作要点任务分解表", "2024年科技工作要点", (2024, 2024)),
        ("科技创新工作任务分解表", "科技创新工作", None),
        ("《XX方案（2025—2022年）》分解表", "XX方案（2025—2022年）", None),
    ],
)  # fmt: skip
def test_title_info(title, document, years):
    assert title_info(title) == TitleInfo(document, years)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("重 点\n任 务", "task"), ("完成时限：", "deadline"), ("牵头单位（部门）", "lead"),
        ("＊序号", "seq"), ("计划完成时间", "deadline"), ("任务类别", "group"),
        ("具体举措", "task"), ("协办单位", "support"), ("时间节点", "deadline"),
        ("责任单位", "units"), ("重点工程", "project"), ("专项计划", "program"),
        ("预期成效", "target"), ("备　注", "notes"), ("进展情况", None), ("责任人", None),
        ("推进海洋科学考察船队等重大科技基础设施集群建设", None), (None, None), (2024, None),
    ],
)  # fmt: skip
def test_headers_are_matched_folded_and_by_synonym(header, field):
    assert match_header(header) == field


def test_responsible_unit_beside_a_support_column_is_the_lead():
    layout = detect_layout(sheet_of([["序号", "重点任务", "责任单位", "配合单位", "完成时限"]]))
    assert layout.mapping == {0: "seq", 1: "task", 2: "lead", 3: "support", 4: "deadline"}


def test_two_row_header_without_merges_as_an_ods_file_gives_it():
    sheet = sheet_of([
        ["重点任务分解表"],
        ["序号", "重点任务", "责任单位", None, "完成时限"],
        [None, None, "牵头单位", "配合单位", None],
        [1, "举办颠覆性技术创新大赛", "市科技局", "市财政局", "每年"],
    ])  # fmt: skip
    layout = detect_layout(sheet)
    assert (layout.header_rows, layout.data_start) == ((2, 3), 4)
    assert layout.mapping == {0: "seq", 1: "task", 2: "lead", 3: "support", 4: "deadline"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("市科技局、市财政局", ["市科技局", "市财政局"]),
        ("市科技局，市财政局；市教育局/市外办", ["市科技局", "市财政局", "市教育局", "市外办"]),
        ("市科技局\n市财政局 市教育局　市外办", ["市科技局", "市财政局", "市教育局", "市外办"]),
        ("市科技局、市科技局", ["市科技局"]),
        ("各区（市）政府", ["各区（市）政府"]),
        ("", []),
    ],
)
def test_unit_names(text, names):
    assert unit_names(text) == names


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("市科技局、市财政局", "units", (["市科技局"], ["市财政局"])),
        ("市科技局、市财政局", "lead", (["市科技局", "市财政局"], [])),
        ("市科技局、市财政局", "support", ([], ["市科技局", "市财政局"])),
        ("市财政局、市科技局（牵头）", "units", (["市科技局"], ["市财政局"])),
        ("市财政局、市科技局(牵头)", "support", (["市科技局"], ["市财政局"])),
        ("牵头单位：市科技局\n配合单位：市财政局、市教育局", "units",
         (["市科技局"], ["市财政局", "市教育局"])),
        ("牵头：市科技局；配合：市财政局", "units", (["市科技局"], ["市财政局"])),
    ],
)  # fmt: skip
def test_split_units(text, role, expected):
    assert split_units(text, role) == expected


@pytest.mark.parametrize(
    ("text", "title", "description"),
    [
        ("举办颠覆性技术创新大赛", "举办颠覆性技术创新大赛", ""),
        ("举办颠覆性技术创新大赛。", "举办颠覆性技术创新大赛", ""),
        ("推进“透明海洋”“蓝色药库”等重大科技项目，\n培育海洋领域战略科技力量",
         "推进“透明海洋”“蓝色药库”等重大科技项目，培育海洋领域战略科技力量", ""),
        ("开展重大科技基础设施预研。\n组织开展设施论证。\n做好项目储备。",
         "开展重大科技基础设施预研", "组织开展设施论证。\n做好项目储备。"),
        ("科技园区提升：\n谋划建设市级科技创新产业园", "科技园区提升",
         "谋划建设市级科技创新产业园"),
        ("建设AI\nLab平台", "建设AI", "Lab平台"),
        ("支持建设面向未来产业的新型研发机构（\n如海洋物联网）",
         "支持建设面向未来产业的新型研发机构（如海洋物联网）", ""),
        ("\n\n", "", ""),
    ],
)  # fmt: skip
def test_split_task_text(text, title, description):
    assert split_task_text(text) == (title, description)


def test_numbering_styles_nest_in_the_order_they_appear():
    sheet = sheet_of([
        ["重点任务", "牵头单位"],
        ["1.开展重大科技基础设施预研", "市发展改革委"],
        ["1.1组织设施论证", "市科技局"],
        ["（1）海洋科学考察船队", "市海洋发展局"],
        ["①船队论证", "市海洋发展局"],
        ["（2）热物理试验装置", "市科技局"],
        ["1.2做好项目储备", "市科技局"],
        ["2、推行科技项目“揭榜挂帅”", "市科技局"],
        ["（一）深化科技体制改革", "市科技局"],
        ["探索科技创新容错机制", "市司法局"],
    ])  # fmt: skip
    result = parse_breakdown(sheet, "n.xlsx")
    assert [(t.code, t.depth, t.parent_index) for t in result.tasks] == [
        ("1", 0, None), ("1.1", 1, 0), ("(1)", 2, 1), ("①", 3, 2), ("(2)", 2, 1),
        ("1.2", 1, 0), ("2", 0, None), ("(一)", 1, 6), ("", 2, 7),
    ]  # fmt: skip
    assert result.tasks[3].title == "船队论证"


def test_section_rows_written_without_merges():
    sheet = sheet_of([
        ["《XX五年规划（2022—2026年）》重点任务分解表"],
        ["序号", "重点任务", "牵头单位", "完成时限"],
        ["一", "创新策源能力提升计划", None, None],  # numeral in 序号, name in the task column
        [1, "推进海洋科学考察船队等重大科技基础设施集群建设", "市发展改革委", "2026年底前"],
        ["（一）重大平台"],  # a sub-heading naming neither program nor project
        [2, "加快山东能源研究院建设", "市科技局", "2026年底前"],
        [None, "科技园区提升工程", None, None],  # an unnumbered task text ending in 工程
        [1, "谋划建设10个左右市级科技创新产业园", "市科技局", "2024年底前"],
        ["二、企业创新能力提升计划。培育世界一流企业"],  # the heading's first sentence
        [1, "培育世界一流企业", "市工业和信息化局", "长期坚持"],
        [1, "序号"],  # a stray row: a number alone in 序号 and text in the task column
    ])  # fmt: skip
    result = parse_breakdown(sheet, "s.xlsx")
    assert [(t.program, t.project, t.heading, t.code) for t in result.tasks] == [
        ("创新策源能力提升计划", None, None, "1"),
        ("创新策源能力提升计划", None, "重大平台", "2"),
        ("创新策源能力提升计划", "科技园区提升工程", None, "1"),
        ("企业创新能力提升计划", None, None, "1"),
        ("企业创新能力提升计划", None, None, "1"),
    ]  # fmt: skip
    assert [(g.kind, g.name, g.code) for g in result.groups] == [
        ("program", "创新策源能力提升计划", "一"),
        ("project", "科技园区提升工程", ""),
        ("program", "企业创新能力提升计划", "二"),
    ]


def test_a_program_cell_standing_alone_and_carried_down():
    sheet = sheet_of([
        ["计划", "工程", "重点任务", "责任单位"],
        ["科技惠民提升计划", None, None, None],
        [None, None, "开展重大疾病发病机制及防治研究", "市卫生健康委、市科技局"],
        [None, "成果转化促进工程", "引导研发机构定向服务企业", "市科技局"],
        [None, None, "支持科技成果示范应用场景建设", "市科技局"],
        ["国际科技合作提升计划", None, "融入全球创新网络", "市科技局"],
    ])  # fmt: skip
    result = parse_breakdown(sheet, "p.xlsx")
    assert [(t.program, t.project) for t in result.tasks] == [
        ("科技惠民提升计划", None),
        ("科技惠民提升计划", "成果转化促进工程"),
        ("科技惠民提升计划", "成果转化促进工程"),
        ("国际科技合作提升计划", None),  # a new program leaves the project behind
    ]


def test_group_column_is_a_program_unless_it_names_a_project():
    sheet = sheet_of([
        ["重点领域", "重点任务", "牵头单位"],
        ["（一）海洋科技", "建设海洋科学城", "市海洋发展局"],
        ["2.未来产业培育工程", "举办颠覆性技术创新大赛", "市科技局"],
    ])  # fmt: skip
    result = parse_breakdown(sheet, "g.xlsx")
    assert [(t.program, t.project) for t in result.tasks] == [
        ("海洋科技", None), ("海洋科技", "未来产业培育工程")
    ]  # fmt: skip
    assert [(g.kind, g.code) for g in result.groups] == [("program", "(一)"), ("project", "2")]


def test_repeated_header_rows_and_spacers_are_skipped():
    sheet = sheet_of([
        ["重点任务", "牵头单位"],
        ["举办颠覆性技术创新大赛", "市科技局"],
        [None, None],
        ["重点任务", "牵头单位"],  # the header again, on a new printed page
        ["探索科技创新容错机制", "市司法局"],
        ["备注：以上为示例"],
        ["这一行在脚注之后，不读"],
    ])  # fmt: skip
    result = parse_breakdown(sheet, "r.xlsx")
    assert [t.title for t in result.tasks] == ["举办颠覆性技术创新大赛", "探索科技创新容错机制"]
    assert result.footnote == "备注：以上为示例\n这一行在脚注之后，不读"
    assert result.errors == [] and result.warnings == []


def test_a_lone_task_column():
    sheet = sheet_of([["任务清单"], ["重点任务"], ["举办颠覆性技术创新大赛"], ["深化科技体制改革"]])
    result = parse_breakdown(sheet, "t.xlsx")
    assert (result.layout.title_row, result.layout.header_rows) == (1, (2,))
    assert [t.title for t in result.tasks] == ["举办颠覆性技术创新大赛", "深化科技体制改革"]


def test_an_empty_sheet_and_a_header_without_tasks():
    empty = parse_breakdown(sheet_of([]), "e.xlsx")
    assert messages(empty.errors) == ["e.xlsx, sheet S: no header row was found"]
    bare = parse_breakdown(sheet_of([["重点任务", "牵头单位"]]), "b.xlsx")
    assert messages(bare.errors) == ["b.xlsx, sheet S, row 1: no tasks were found below the header"]


def test_messages_are_translatable_templates(tmp_path):
    result = read(books.deadlines(tmp_path / "d.xlsx"))
    (warning,) = result.warnings
    assert warning.template == "the deadline “{text}” cannot be read; it is kept as written"
    assert warning.params == {"text": "视情况推进"}
    assert (warning.row, warning.column) == (10, "D (完成时限)")
