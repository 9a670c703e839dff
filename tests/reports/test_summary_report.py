"""The printed progress summary: what it gathers, and the PDF it makes of the sample plan.

The PDF's text is read back with ``pdftotext`` (poppler-utils, the same tool that makes the
page images in scripts/report_pages.py): text that comes back is real, searchable text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPdfWriter

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.periods import parse_period
from qdplanner.errors import ValidationError
from qdplanner.reports.summary.content import (
    SECTIONS,
    ReportOptions,
    ReportScope,
    build_report,
)
from qdplanner.reports.summary.document import report_blocks
from qdplanner.reports.summary.fonts import report_fonts
from qdplanner.reports.summary.layout import (
    MARGINS_MM,
    Cell,
    Column,
    Heading,
    Paragraph,
    Row,
    Table,
    lay_out,
)
from qdplanner.reports.summary.render import write_pdf
from qdplanner.reports.summary.words import chinese_number, period_text
from qdplanner.store import PlanStore
from qdplanner.store.sample import create_sample_plan

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) missing")
AS_OF = date(2026, 11, 23)


def pdf_pages(path: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    out = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("summary") / "sample.qdplan"
    create_sample_plan(path).close()
    store = PlanStore.open(path, readonly=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def zh_pdf(qapp, sample, tmp_path_factory):
    report = build_report(sample, ReportOptions(as_of=AS_OF, period="2026Q3"))
    out = tmp_path_factory.mktemp("pdf") / "summary.pdf"
    pages = write_pdf(report, out)
    return report, out, pages


# -- what the report gathers -----------------------------------------------------------------
def test_small_plan_report_lists_the_overdue_task_under_its_lead_unit(small_plan):
    store, _ids = small_plan
    report = build_report(store, ReportOptions(as_of=date(2024, 3, 1), period="2024Q1"))
    assert report.overview.tasks == 3
    assert report.overview.lights[StatusLight.RED] == 1
    assert [g.unit for g in report.unit_groups] == ["青岛市科学技术局"]
    assert [t.row.title for t in report.unit_groups[0].tasks] == ["逾期任务"]
    assert report.cover.plan_title == "行动方案"
    assert report.cover.issuer == ""  # a blank line to fill in on the cover


def test_issuing_office_comes_from_the_plan_setting_first(small_plan):
    store, _ids = small_plan
    with store.action("command", "issuer") as ch:
        store.set_setting(ch, "report_issuer", "青岛市科学技术局规划处")
    assert build_report(store, ReportOptions()).cover.issuer == "青岛市科学技术局规划处"


def test_default_period_is_the_quarter_of_the_as_of_date(small_plan):
    store, _ids = small_plan
    report = build_report(store, ReportOptions(as_of=date(2024, 8, 15)))
    assert report.period == parse_period("2024Q3")


def test_unit_scope_keeps_only_the_tasks_that_unit_leads(small_plan):
    store, _ids = small_plan
    report = build_report(store, ReportOptions(scope=ReportScope.parse("unit:市科技局")))
    assert report.overview.tasks == 1
    assert report.indicators == []


@pytest.mark.parametrize("text", ["program", "city:青岛", "unit:"])
def test_a_scope_that_is_not_one_is_refused_by_name(text):
    with pytest.raises(ValidationError, match="not a report scope"):
        ReportScope.parse(text)


def test_an_unknown_program_or_section_is_refused(small_plan):
    store, _ids = small_plan
    with pytest.raises(ValidationError, match="no program named"):
        build_report(store, ReportOptions(scope=ReportScope("program", "没有的计划")))
    with pytest.raises(ValidationError, match="unknown report section"):
        build_report(store, ReportOptions(sections=("overview", "gossip")))


def test_the_timeline_page_shows_the_period_and_is_left_out_when_nothing_runs(qapp, small_plan):
    store, _ids = small_plan
    report = build_report(store, ReportOptions(period="2022Q3", as_of=date(2022, 9, 30)))
    assert report.sections == SECTIONS  # the overdue task runs through 2022
    from qdplanner.reports.summary.timeline_page import timeline_pages

    assert timeline_pages(store, parse_period("2022Q3"), date(2022, 9, 30), [], "zh") is None


def test_periods_and_numbers_read_as_government_documents_write_them():
    assert period_text(parse_period("2024Q3"), "zh") == "2024年第三季度"
    assert period_text(parse_period("2024H1"), "zh") == "2024年上半年"
    assert period_text(parse_period("2024-09"), "zh") == "2024年9月"
    assert period_text(parse_period("2024Q3"), "en") == "2024 Q3"
    assert [chinese_number(n) for n in (1, 10, 12, 20, 21)] == [
        "一",
        "十",
        "十二",
        "二十",
        "二十一",
    ]


# -- the layout engine ----------------------------------------------------------------------
def test_a_long_table_repeats_its_header_and_never_cuts_a_row(qapp, tmp_path):
    writer = QPdfWriter(str(tmp_path / "unused.pdf"))
    writer.setResolution(300)
    rows = [Row([Cell(str(i)), Cell("很长的任务名称" * (1 + i % 5))]) for i in range(200)]
    table = Table([Column("序号", 1), Column("任务表头", 5)], rows)
    pages = lay_out([Heading("一、测试"), Paragraph("说明。"), table], writer, report_fonts())
    assert len(pages) > 3
    px = writer.logicalDpiY() / 25.4
    bottom = (297 - MARGINS_MM[3]) * px
    for page in pages:
        texts = [op[4] for op in page.ops if op[0] == "text"]
        assert "任务表头" in texts  # the header row on every page
        for op in page.ops:
            if op[0] == "rect":
                assert op[1].bottom() <= bottom + 0.5  # every row ends above the margin
    numbers = [op[4] for p in pages for op in p.ops if op[0] == "text" and op[4].isdigit()]
    assert numbers == [str(i) for i in range(200)]  # every row once, in order


# -- the sample plan's PDF ------------------------------------------------------------------
@needs_pdftotext
def test_sample_pdf_has_a_page_count_every_footer_agrees_with(zh_pdf):
    _report, out, pages = zh_pdf
    texts = pdf_pages(out)
    assert len(texts) == pages
    assert 8 <= pages <= 40
    for n, text in enumerate(texts, start=1):
        assert f"第{n}页 共{pages}页" in text
        assert "青岛市打造国际化创新型城市进展情况汇总" in squeeze(text)  # running header
        assert "2026年第三季度" in text


def column_text(path: Path, blocks, first_header: str, header: str) -> str:
    """The text of one column of a landscape table, page by page (a wrapped cell reads whole)."""
    table = next(
        b for b in blocks if isinstance(b, Table) and b.columns[0].header == first_header
        and any(c.header == header for c in b.columns)
    )  # fmt: skip
    total = sum(c.weight for c in table.columns)
    width = 297 - MARGINS_MM[0] - MARGINS_MM[2]
    x = MARGINS_MM[0]
    for c in table.columns:
        w = width * c.weight / total
        if c.header == header:
            break
        x += w
    pt = 72 / 25.4  # pdftotext crops in pixels at -r 72, i.e. points
    crop = ["-x", str(int(x * pt)), "-y", "0", "-W", str(int(w * pt)), "-H", str(int(210 * pt))]
    cmd = [PDFTOTEXT, "-r", "72", *crop, str(path), "-"]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


@needs_pdftotext
def test_every_overdue_task_title_is_searchable_text_in_the_pdf(zh_pdf):
    report, out, _pages = zh_pdf
    text = squeeze(column_text(out, report_blocks(report), "序号", "任务"))
    overdue = [
        t.row.title
        for g in report.unit_groups
        for t in g.tasks
        if t.row.light == StatusLight.RED and t.row.due_date and t.row.due_date < AS_OF
    ]
    assert overdue, "the sample plan has overdue tasks at this date"
    for title in overdue:
        assert squeeze(title) in text


@needs_pdftotext
def test_sample_pdf_has_the_sections_in_government_numbering(zh_pdf):
    _report, out, _pages = zh_pdf
    text = squeeze("".join(pdf_pages(out)))
    for heading in ["一、总体情况", "二、各计划、工程进展情况", "三、主要指标完成情况",
                    "四、指标走势图", "五、节点完成情况", "六、逾期及滞后任务",
                    "七、季度进展报送情况", "（一）按状态统计"]:  # fmt: skip
        assert heading in text
    assert "■逾期/严重滞后" in text  # the light as symbol and word, not colour alone
    assert "国家高新技术企业数量" in text  # the indicators table
    assert "〔2025Q3〕" in text  # digits beside Latin letters survive extraction
    assert "⻘" not in text and "青岛" in text  # ideographs, not look-alike radicals


def test_cjk_fonts_are_embedded_in_the_pdf(zh_pdf):
    _report, out, _pages = zh_pdf
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler) missing")
    listing = subprocess.run([pdffonts, str(out)], capture_output=True, text=True).stdout
    cjk = [line for line in listing.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk)


@needs_pdftotext
def test_english_summary_says_page_x_of_y(qapp, sample, tmp_path):
    report = build_report(
        sample, ReportOptions(as_of=AS_OF, lang="en", sections=("overview", "tasks"))
    )
    out = tmp_path / "en.pdf"
    pages = write_pdf(report, out)
    texts = pdf_pages(out)
    assert len(texts) == pages
    assert all(f"Page {n} of {pages}" in t for n, t in enumerate(texts, start=1))
    assert "Overdue and at-risk tasks" in texts[-1] or any(
        "Overdue and at-risk tasks" in t for t in texts
    )
    assert "Progress Summary" in texts[0]


def test_an_empty_plan_still_prints_a_cover_and_an_overview(qapp, empty_plan, tmp_path):
    report = build_report(empty_plan, ReportOptions(as_of=AS_OF))
    assert write_pdf(report, tmp_path / "empty.pdf") >= 2
