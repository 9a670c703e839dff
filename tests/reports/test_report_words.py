"""The printed summary's words come from the window's catalogue (context ``Report``).

``zh_CN_report.tsv`` beside this file holds the Chinese text of every ``N_("Report", …)``
string; ``scripts/update_translations.py --fill tests/reports/zh_CN_report.tsv`` puts them
into the translation file. The Chinese summary of the sample plan reads word for word as it
did when the report kept its own zh/en table (the expected lines below were made by that
code).
"""

from __future__ import annotations

import ast
import string
from datetime import date
from pathlib import Path

import pytest

from qdplanner.catalogue import catalogue
from qdplanner.domain.periods import parse_period
from qdplanner.reports.summary.content import ReportOptions, ReportScope, build_report
from qdplanner.reports.summary.document import decor, report_blocks
from qdplanner.reports.summary.layout import Heading, Paragraph, Table
from qdplanner.reports.summary.words import REPORT, date_text, period_text
from qdplanner.store import PlanStore
from qdplanner.store.sample import create_sample_plan

ROOT = Path(__file__).resolve().parents[2]
TABLE = Path(__file__).with_name("zh_CN_report.tsv")
AS_OF = date(2026, 11, 23)
PRINTED = date(2026, 12, 3)


def _calls(name: str):
    """Every call of ``name(…)`` in ``qdplanner/reports``, with the file it is in."""
    for path in [
        *sorted((ROOT / "qdplanner" / "reports").rglob("*.py")),
        ROOT / "qdplanner" / "catalogue.py",
    ]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == name
            ):
                yield path, node


def marked_words() -> set[str]:
    return {
        node.args[1].value
        for _path, node in _calls("N_")
        if isinstance(node.args[0], ast.Constant) and node.args[0].value == REPORT
    }


def translations() -> dict[str, str]:
    pairs = (line.split("\t", 1) for line in TABLE.read_text(encoding="utf-8").splitlines())
    return {source.replace("\\n", "\n"): text.replace("\\n", "\n") for source, text in pairs}


def fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_every_report_word_has_its_chinese_text_in_the_window_s_catalogue():
    words, table = marked_words(), translations()
    assert len(words) > 80  # every word of the summary, none left in a table of its own
    assert sorted(words - set(table)) == []  # the .tsv has them all …
    assert sorted(set(table) - words) == []  # … and only them
    zh = catalogue("zh")
    for source, text in table.items():
        assert fields(source) == fields(text), source
        assert zh.translate(REPORT, source) == text, source  # compiled into the .qm
        assert catalogue("en").translate(REPORT, source) == source


def test_every_word_the_summary_prints_is_a_marked_one():
    """``word(lang, text)`` is only given ``N_``-marked text, never a bare string."""
    for path, node in _calls("word"):
        if len(node.args) >= 2 and isinstance(node.args[1], ast.Constant):
            pytest.fail(f"{path.name}:{node.lineno}: {node.args[1].value!r} is not marked")


def test_periods_and_dates_in_both_languages():
    expected = {
        "2024": ("2024年", "2024"),
        "2024H1": ("2024年上半年", "2024 H1"),
        "2024H2": ("2024年下半年", "2024 H2"),
        "2024Q1": ("2024年第一季度", "2024 Q1"),
        "2024Q4": ("2024年第四季度", "2024 Q4"),
        "2024-09": ("2024年9月", "2024-09"),
    }
    for code, (zh, en) in expected.items():
        assert period_text(parse_period(code), "zh") == zh
        assert period_text(parse_period(code), "en") == en
    assert date_text(date(2026, 1, 5), "zh") == "2026年1月5日"
    assert date_text(date(2026, 1, 5), "en") == "2026-01-05"


# -- the sample plan's summary, as it read before the words moved to the catalogue ----------
@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("words") / "sample.qdplan"
    create_sample_plan(path).close()
    store = PlanStore.open(path, readonly=True)
    yield store
    store.close()


def block_lines(report) -> list[str]:
    """The report's text, one line per heading, paragraph, table header and row."""
    report.cover.printed_on = PRINTED
    d = decor(report)
    lines = [f"DECOR|{d.header_left}|{d.header_right}|{d.footer_center}|{d.footer_right}"]
    for block in report_blocks(report):
        if isinstance(block, Heading):
            lines.append(f"H{block.level}|{block.text}")
        elif isinstance(block, Paragraph):
            lines.append(f"P|{block.text}")
        elif isinstance(block, Table):
            lines.append("T|" + "|".join(c.header for c in block.columns))
            lines += ["R|" + "|".join(c.text for c in row.cells) for row in block.rows]
    return lines


ZH_SAMPLE = [
    # cover and running header/footer
    "DECOR|青岛市打造国际化创新型城市进展情况汇总|2026年第三季度|第{page}页 共{pages}页|"
    "打印日期：2026年12月3日",
    "P|青岛市打造国际化创新型城市\n进展情况汇总",
    "P|（2026年第三季度）",
    "P|范围：全部规划",
    "P|统计截至：2026年11月23日",
    "P|编制单位：青岛市人民政府",
    "P|2026年12月",  # the cover's date: the month it is printed (no plan setting)
    "P|本文件含示例数据（标注“示例”者）：系为示例规划补充填写，并非各单位报送的数据。",
    # headings
    "H1|一、总体情况",
    "H2|（一）按状态统计",
    "H2|（二）按计划、工程统计",
    "H1|二、各计划、工程进展情况",
    "H2|（一）创新策源能力提升计划",
    "H1|三、主要指标完成情况",
    "H1|四、指标走势图",
    "H1|五、节点完成情况",
    "H2|（一）本期到期节点",
    "H2|（二）逾期未完成节点",
    "H1|六、逾期及滞后任务",
    "H1|七、季度进展报送情况",
    "H1|八、进度时间轴",
    # sentences
    "P|截至2026年11月23日，全部规划共有任务61项，平均完成进度83%。其中已完成21项，"
    "正常推进0项，即将到期0项，进度滞后8项，逾期或严重滞后16项，未开始或持续推进16项。",
    "P|注：完成进度按基期值至目标值计算；评价按规划设定的阈值判定。",
    "P|本期没有到期节点。",
    "P|截至2026年11月23日，逾期或严重滞后任务16项、进度滞后任务8项，按牵头单位列示如下。",
    "P|2026年第三季度应报送单位13家，已报送0家，已下发未报送0家，未下发13家。",
    # the light symbols' words: the last row of the program/project table, never a page apart
    "R|✔ 已完成\u3000● 正常推进\u3000◆ 即将到期\u3000▲ 进度滞后\u3000■ 逾期/严重滞后"
    "\u3000○ 未开始/持续推进",
    # table headers
    "T|状态|任务数|占比",
    "T|计划/工程|任务数|✔|●|◆|▲|■|○|平均进度",
    "T|序号|指标|属性|计划/工程|单位|基期值|目标值|最新实际值|完成进度|评价",
    "T|节点|所属任务/计划/工程|计划日期|实际完成|情况",
    "T|序号|任务|完成时限|进度|状态|最新进展",
    "T|序号|单位|牵头任务|已报进展|报送情况|报送日期",
    # rows
    "R|合计|61|100%",
    "R|3|国家高新技术企业数量|预期性|企业创新能力提升计划|家|4385家（2020）（推算）|超过1万家（2026）|"
    "8683家（2025）|77%|▲ 滞后",
    "R|国家重点实验室数量达到全省50%以上|战略科技力量起势工程|2024-12-31|—|■ 逾期",
    "R|青岛市科学技术局（15项）",
    "R|1|3 争取国家重点实验室数量达到全省50%以上（示例）|2024年底前\n（2024-12-31）|88%|"
    "■ 逾期/严重滞后|〔2025Q3〕优化重组全国重点实验室16家，占全省44%。（示例）",
    "R|1|青岛市科学技术局|40|0|○ 未下发|—",
]

EN_SAMPLE = [
    "DECOR|青岛市打造国际化创新型城市 — progress summary|2026 Q3|Page {page} of {pages}|"
    "Printed 2026-12-03",
    "P|青岛市打造国际化创新型城市\nProgress Summary",
    "P|(2026 Q3)",
    "P|Status as of: 2026-11-23",
    "H1|1. Overview",
    "H2|By status",
    "H1|2. Progress by program and project",
    "H1|8. Timeline",
    "P|As of 2026-11-23 (whole plan): 61 tasks, 83% complete on average; 21 done, 0 on track, "
    "0 due soon, 8 at risk, 16 overdue or far behind, 16 not started or ongoing.",
    "T|No.|Unit|Tasks led|Reported|Standing|Returned on",
    "R|1|3 争取国家重点实验室数量达到全省50%以上 (illustrative)|2024年底前\n(2024-12-31)|88%|"
    "■ Overdue / far behind|[2025Q3] 优化重组全国重点实验室16家，占全省44%。 (illustrative)",
    "P|2026-12",
    "P|This document contains illustrative data, marked “(illustrative)”: filled in for the "
    "sample plan, not reported by any unit.",
]


@pytest.mark.parametrize(("lang", "window", "expected"), [
    ("zh", "en", ZH_SAMPLE),
    ("en", "zh_CN", EN_SAMPLE),
])  # fmt: skip
def test_the_sample_summary_reads_as_before_in_its_own_language(
    lang, window, expected, qapp, sample
):
    """Word for word; whatever language the window has installed (the report dialog's
    choice, not the window's)."""
    from qdplanner.ui.i18n import install_language

    install_language(qapp, window)
    try:
        report = build_report(sample, ReportOptions(as_of=AS_OF, period="2026Q3", lang=lang))
        lines = block_lines(report)
    finally:
        install_language(qapp, "en")
    missing = [line for line in expected if line not in lines]
    assert missing == []


def test_scopes_and_empty_sections_in_chinese(sample):
    options = ReportOptions(
        as_of=date(2020, 1, 5), period="2020Q1", scope=ReportScope.parse("unit:市科技局"),
        sections=("overview", "indicators", "tasks"),
    )  # fmt: skip
    lines = block_lines(build_report(sample, options))
    for line in ("P|范围：牵头单位：市科技局", "P|本范围内没有指标。", "P|没有逾期或滞后的任务。"):
        assert line in lines
