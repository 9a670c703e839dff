"""The period's narrative in the summary: per program and project, after the overview, in the
PDF and the Word document alike — the clerk's text where kept, else the draft."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import docx
import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.narrative import Section
from qdplanner.reports.summary.content import SECTIONS, ReportOptions, ReportScope, build_report
from qdplanner.reports.summary.document import report_blocks
from qdplanner.reports.summary.layout import Heading, Paragraph
from qdplanner.reports.summary.render import write_pdf
from qdplanner.reports.summary.word import write_docx
from qdplanner.store.narratives import find_scope, write_narrative

PDFTOTEXT = shutil.which("pdftotext")
KEPT = "海洋科技创新平台建设全面提速，崂山实验室服务保障持续加强。"
OPTIONS = ReportOptions(as_of=date(2025, 12, 31), period="2025Q3", lang="zh")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def kept(sample_plan):
    store = sample_plan
    scope = find_scope(store, "program:创新策源能力提升计划")
    with store.action(ChangeSource.COMMAND, "narrative") as changes:
        write_narrative(store, changes, "2025Q3", scope, {Section.RESULTS: KEPT})
    return store


def test_the_narrative_follows_the_overview_one_heading_per_program_and_project(kept):
    assert SECTIONS[:2] == ("overview", "narrative")
    report = build_report(kept, OPTIONS)
    assert report.sections[:2] == ("overview", "narrative") and len(report.narratives) == 15
    blocks = report_blocks(report)
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    start = headings.index("二、各计划、工程进展情况")
    assert headings[start + 1] == "（一）创新策源能力提升计划"
    assert headings[start + 15] == "（十五）创新生态优化工程"
    assert headings[start + 16] == "三、主要指标完成情况"
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    first = texts.index(
        "1.总体进展。2025年第三季度，共有任务5项，其中正常推进3项、进度滞后1项、未开始或持续推进1项；"
        "平均完成进度74%。"
    )
    assert texts[first + 1] == "全部5项任务均报送了本期进展。"
    assert f"2.主要成效。{KEPT}" in texts  # the clerk's text, not the draft
    assert (
        "3.存在问题。重大平台建设涉及国家、省、市多方协同，部分事项推进周期较长（任务1）。" in texts
    )


def test_a_scope_prints_its_own_narrative_and_a_unit_s_none(kept):
    options = ReportOptions(as_of=date(2025, 12, 31), period="2025Q3", lang="en",
                            scope=ReportScope.parse("project:开放合作深耕工程"))  # fmt: skip
    report = build_report(kept, options)
    assert [str(n.scope) for n in report.narratives] == ["project:开放合作深耕工程"]
    lines = [b.text for b in report_blocks(report) if isinstance(b, Paragraph)]
    assert any(line.startswith("1. Overall progress: In 2025 Q3, 8 tasks:") for line in lines)
    unit = ReportOptions(as_of=date(2025, 12, 31), period="2025Q3",
                         scope=ReportScope.parse("unit:市科技局"))  # fmt: skip
    report = build_report(kept, unit)
    assert report.narratives == [] and "narrative" not in report.sections


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) missing")
def test_the_pdf_prints_the_narrative(qapp, kept, tmp_path):
    out = tmp_path / "summary.pdf"
    write_pdf(build_report(kept, OPTIONS), out)
    text = squeeze(subprocess.run([PDFTOTEXT, str(out), "-"], capture_output=True, text=True,
                                  check=True).stdout)  # fmt: skip
    assert "二、各计划、工程进展情况" in text
    assert squeeze(f"2.主要成效。{KEPT}") in text
    assert "整体进度落后于时间进度（任务2）。" in text


def test_the_word_document_prints_the_same_narrative(kept, tmp_path):
    out = write_docx(build_report(kept, OPTIONS), tmp_path / "summary.docx")
    document = docx.Document(str(out))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "二、各计划、工程进展情况") in paragraphs
    assert ("Heading 2", "（一）创新策源能力提升计划") in paragraphs
    assert any(text == f"2.主要成效。{KEPT}" for _style, text in paragraphs)
    assert any(
        text.startswith("1.总体进展。2025年第三季度，共有任务5项") for _s, text in paragraphs
    )
