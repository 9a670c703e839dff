"""The summary's data lists each task's evidence files (佐证材料) for its period, and judges
units' returns (partial, late) at its date."""

from __future__ import annotations

from datetime import date

from qdplanner.domain.enums import ChangeSource, ReturnStanding
from qdplanner.excel.collection_export import collect_workbooks
from qdplanner.reports.summary.content import ReportOptions, build_report
from qdplanner.store.progress import ReportInput, add_evidence, record_progress


def test_the_report_lists_evidence_per_task_for_its_period(small_plan):
    store, ids = small_plan
    with store.action(ChangeSource.FORM, "evidence") as changes:
        q4 = record_progress(store, changes, ids["late"], ReportInput("2022Q4", "in_progress", 60))
        q3 = record_progress(store, changes, ids["late"], ReportInput("2022Q3", "in_progress", 50))
        add_evidence(store, changes, q4, "验收报告.pdf", b"%PDF")
        add_evidence(store, changes, q4, "照片.jpg", b"jpg")
        add_evidence(store, changes, q3, "earlier.pdf", b"old")
    report = build_report(store, ReportOptions(as_of=date(2022, 12, 31), period="2022Q4"))
    (task,) = report.evidence
    assert task.task_id == ids["late"] and task.title == "逾期任务"
    assert task.unit == "青岛市科学技术局"
    assert [f.filename for f in task.files] == ["验收报告.pdf", "照片.jpg"]
    assert [f.size for f in task.files] == [4, 3]
    assert {f.period for f in task.files} == {"2022Q4"}


def test_the_returns_table_judges_lateness_at_the_report_date(small_plan, tmp_path):
    store, _ids = small_plan
    collect_workbooks(store, tmp_path, "2022Q4", due=date(2023, 1, 10))
    early = build_report(store, ReportOptions(as_of=date(2023, 1, 5), period="2022Q4"))
    late = build_report(store, ReportOptions(as_of=date(2023, 1, 20), period="2022Q4"))
    assert [r.standing for r in early.collection] == [ReturnStanding.ISSUED]
    assert [r.standing for r in late.collection] == [ReturnStanding.MISSING]
    assert late.collection[0].late and not early.collection[0].late


def test_the_printed_summary_lists_the_evidence_files_in_pdf_and_word(small_plan):
    from qdplanner.reports.summary.document import report_blocks
    from qdplanner.reports.summary.layout import Paragraph, Table

    store, ids = small_plan
    with store.action(ChangeSource.FORM, "evidence") as changes:
        q4 = record_progress(store, changes, ids["late"], ReportInput("2022Q4", "in_progress", 60))
        add_evidence(store, changes, q4, "验收报告.pdf", b"%PDF" * 512)
        add_evidence(store, changes, q4, "照片.jpg", b"jpg")

    def printed(period: str, lang: str) -> list[str]:
        options = ReportOptions(as_of=date(2022, 12, 31), period=period, lang=lang)
        out = []
        for block in report_blocks(build_report(store, options)):  # PDF and Word print these
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                out += [cell.text for row in block.rows for cell in row.cells]
        return out

    zh = printed("2022Q4", "zh")
    assert "本期进展报送所附佐证材料：共2份，涉及任务1项。" in zh
    assert "验收报告.pdf (2.0 KB)\n照片.jpg (3 B)" in zh
    assert any(text.endswith("逾期任务") for text in zh)
    en = printed("2022Q3", "en")
    assert "No evidence file is attached to the period's progress reports." in en
