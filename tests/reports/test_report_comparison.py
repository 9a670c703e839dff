"""The summary's 与上期相比 section: what moved since the previous period, in both languages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import docx
import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.reports.summary.content import SECTIONS, ReportOptions, ReportScope, build_report
from qdplanner.reports.summary.document import report_blocks
from qdplanner.reports.summary.layout import Heading, Paragraph, Table
from qdplanner.reports.summary.render import write_pdf
from qdplanner.reports.summary.word import write_docx
from qdplanner.reports.summary.words import chinese_number
from qdplanner.store.periods import close_period

PDFTOTEXT = shutil.which("pdftotext")


def lines(report) -> list[str]:
    """The comparison section's text: its heading onwards, one line per block or row."""
    out, inside = [], False
    for block in report_blocks(report):
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text.endswith(("与上期相比", "Compared with the previous period"))
        if not inside:
            continue
        if isinstance(block, Heading):
            out.append(f"H{block.level}|{block.text}")
        elif isinstance(block, Paragraph):
            out.append(f"P|{block.text}")
        elif isinstance(block, Table):
            out.append("T|" + "|".join(c.header for c in block.columns))
            out += ["R|" + "|".join(c.text for c in row.cells) for row in block.rows]
    return out


@pytest.fixture
def closed_q3(sample_plan):
    sample_plan.user = "张三"
    with sample_plan.action(ChangeSource.COMMAND, "period close 2025Q3") as changes:
        close_period(sample_plan, changes, "2025Q3", today=date(2026, 1, 20))
    return sample_plan


def options(lang: str, **more) -> ReportOptions:
    return ReportOptions(as_of=date(2025, 12, 31), period="2025Q4", lang=lang, **more)


def test_the_section_comes_last_and_compares_with_the_closed_previous_quarter(closed_q3):
    report = build_report(closed_q3, options("zh"))
    assert SECTIONS[-1] == "comparison" and report.sections[-1] == "comparison"
    c = report.comparison
    assert (c.earlier.period, c.later.period) == ("2025Q3", "2025Q4")
    assert c.earlier.closed and not c.later.closed
    text = lines(report)
    assert text[0] == f"H1|{chinese_number(len(report.sections))}、与上期相比"
    assert text[1] == (
        "P|与2025年第三季度相比，2025年第四季度亮灯好转0项、变差3项，新完成0项、新增逾期0项，"
        "39项任务本期未报送进展；指标变动21项（好转0项、变差0项、首次有数据6项）；逾期报送单位0家、部分报送0家、"
        "未报送0家。"
    )
    assert text[2].startswith("P|2025年第三季度：张三已于") and "关账" in text[2]
    assert "2025年第四季度：未关账" in text[2]
    assert "T|状态|2025年第三季度|2025年第四季度|增减" in text
    assert "R|● 正常推进|11|8|-3" in text
    assert "H2|（二）亮灯好转或变差" in text
    assert "R|变差（3项）" in text
    assert any(line.startswith("R|1|") and "● 正常推进|▲ 进度滞后|65% → 65%" in line
               for line in text)  # fmt: skip


def test_the_section_in_english(closed_q3):
    text = lines(build_report(closed_q3, options("en", sections=("overview", "comparison"))))
    assert text[0] == "H1|2. Compared with the previous period"
    assert text[1].startswith("P|Compared with 2025 Q3, in 2025 Q4 0 tasks' lights got better")
    assert "T|No.|Task|Lead unit|2025 Q3|2025 Q4|%" in text
    assert "R|Worse (3)" in text


def test_the_section_keeps_to_the_report_s_scope(closed_q3):
    scope = ReportScope.parse("unit:市科技局")
    report = build_report(closed_q3, options("zh", scope=scope))
    c = report.comparison
    assert {t.lead_unit for t in c.later.tasks} == {"青岛市科学技术局"}
    assert c.later.indicators == () and len(c.later.units) <= 1
    assert len(c.later.tasks) == report.overview.tasks


def test_without_a_period_to_compare_the_section_is_left_out(closed_q3):
    report = build_report(closed_q3, ReportOptions(period="2099Q1", lang="zh"))
    assert report.comparison is None and "comparison" not in report.sections
    quiet = build_report(closed_q3, options("zh", sections=("overview",)))
    assert quiet.comparison is None and quiet.sections == ("overview",)


def test_the_pdf_and_the_word_document_carry_the_section(closed_q3, qapp, tmp_path):
    report = build_report(closed_q3, options("zh", sections=("overview", "comparison")))
    document = docx.Document(str(write_docx(report, tmp_path / "summary.docx")))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "二、与上期相比" in body and "亮灯好转0项、变差3项" in body
    if PDFTOTEXT is None:
        pytest.skip("pdftotext (poppler) missing")
    write_pdf(report, tmp_path / "summary.pdf")
    out = subprocess.run([PDFTOTEXT, str(tmp_path / "summary.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "与上期相比" in out.replace(" ", "")
