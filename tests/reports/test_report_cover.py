"""The summary's cover (issue 16, item 8): the office (编制单位) and date from the plan's
settings or this printing's own, and illustrative sample data marked 示例 wherever printed."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from qdplanner.catalogue import ILLUSTRATIVE_NOTICE, translate
from qdplanner.domain.cover_date import CoverDate, parse_cover_date
from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.illustrative import is_illustrative, marked
from qdplanner.domain.settings import parse_value
from qdplanner.errors import ValidationError
from qdplanner.excel.collection_export import collect_workbooks
from qdplanner.excel.collection_layout import FIRST_ROW
from qdplanner.reports.summary.content import ReportOptions, build_report
from qdplanner.reports.summary.document import report_blocks
from qdplanner.reports.summary.layout import Paragraph, Table
from qdplanner.store.plan_settings import read_settings, report_cover_date, write_settings
from qdplanner.store.progress import ReportInput, record_progress
from tests.excel.collection_helpers import header_columns, progress_sheet

NOTICE_ZH = "本文件含示例数据（标注“示例”者）：系为示例规划补充填写，并非各单位报送的数据。"
AS_OF = date(2025, 12, 31)


def texts(report) -> list[str]:
    """Every paragraph and table cell the report prints, in order."""
    out = []
    for block in report_blocks(report):
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [cell.text for row in block.rows for cell in row.cells]
    return out


def cover_lines(report) -> list[str]:
    lines = []
    for block in report_blocks(report):
        if isinstance(block, Paragraph):
            lines.append(block.text)
        if isinstance(block, Paragraph) and block.text.startswith(("一、", "1. ")):
            break
    return lines


def set_settings(store, **values) -> None:
    with store.action(ChangeSource.COMMAND, "cover") as changes:
        write_settings(store, changes, values)


# -- the cover's date: one way to read it ---------------------------------------------------


@pytest.mark.parametrize(("typed", "code"), [
    ("2026-01", "2026-01"), ("2026-1", "2026-01"), ("2026/1", "2026-01"), ("2026.01", "2026-01"),
    ("2026年1月", "2026-01"), (" 2026 年 1 月 ", "2026-01"), ("2026-01-15", "2026-01-15"),
    ("2026/1/5", "2026-01-05"), ("2026年1月15日", "2026-01-15"),
])  # fmt: skip
def test_a_cover_date_is_a_month_or_a_day_written_any_usual_way(typed, code):
    assert parse_cover_date(typed).code() == code


@pytest.mark.parametrize("typed", ["明年一月", "2026-13", "2026-02-30", "26-01", "2026", "1月"])
def test_a_cover_date_that_is_not_one_is_refused_saying_how_to_write_it(typed):
    with pytest.raises(ValidationError) as refused:
        parse_cover_date(typed)
    assert refused.value.field == "report.cover_date"
    assert "2026-01" in str(refused.value) and typed.strip() in str(refused.value)


def test_the_setting_keeps_the_date_in_one_form_and_empty_means_the_month_printed():
    assert parse_value("report.cover_date", "2026年1月") == "2026-01"
    assert parse_value("report.cover_date", "") == ""
    assert parse_cover_date("") is None


# -- the cover takes the plan's settings, or this printing's own ----------------------------


def test_the_cover_names_the_plan_issuer_and_the_month_printed_by_default(sample_plan):
    report = build_report(sample_plan, ReportOptions(as_of=AS_OF, period="2025Q4"))
    assert report.cover.issuer == "青岛市人民政府"  # the plan document's issuer
    assert report.cover.cover_date == CoverDate.of(date.today())
    lines = cover_lines(report)
    assert "编制单位：青岛市人民政府" in lines
    assert f"{date.today().year}年{date.today().month}月" in lines


def test_the_cover_takes_the_office_and_date_from_the_plans_settings(sample_plan):
    set_settings(sample_plan, **{"report.office": "青岛市科学技术局",
                                 "report.cover_date": "2026年1月"})  # fmt: skip
    assert read_settings(sample_plan)["report.cover_date"] == "2026-01"
    assert report_cover_date(sample_plan) == CoverDate(2026, 1)
    report = build_report(sample_plan, ReportOptions(as_of=AS_OF, period="2025Q4"))
    assert cover_lines(report)[4:6] == ["编制单位：青岛市科学技术局", "2026年1月"]
    english = build_report(sample_plan, ReportOptions(as_of=AS_OF, period="2025Q4", lang="en"))
    assert cover_lines(english)[4:6] == ["Prepared by: 青岛市科学技术局", "2026-01"]


def test_one_printing_may_give_its_own_office_and_date_without_changing_the_plan(sample_plan):
    set_settings(sample_plan, **{"report.cover_date": "2026-01"})
    options = ReportOptions(as_of=AS_OF, period="2025Q4", office="青岛市科技局规划处",
                            cover_date="2026-01-20")  # fmt: skip
    lines = cover_lines(build_report(sample_plan, options))
    assert "编制单位：青岛市科技局规划处" in lines and "2026年1月20日" in lines
    # '' for this printing: the month it is printed, whatever the plan says
    options = ReportOptions(as_of=AS_OF, period="2025Q4", cover_date="")
    assert build_report(sample_plan, options).cover.cover_date == CoverDate.of(date.today())
    assert read_settings(sample_plan)["report.cover_date"] == "2026-01"  # untouched


def test_a_bad_cover_date_or_office_is_refused_by_name(sample_plan):
    with pytest.raises(ValidationError) as refused:
        build_report(sample_plan, ReportOptions(as_of=AS_OF, cover_date="下个月"))
    assert refused.value.field == "report.cover_date"
    with pytest.raises(ValidationError) as refused:
        build_report(sample_plan, ReportOptions(as_of=AS_OF, office="局" * 201))
    assert refused.value.field == "report.office"


# -- illustrative data, marked 示例 where it is printed --------------------------------------


def test_the_rule_and_the_mark_are_one():
    class Row:
        is_illustrative = True

    assert is_illustrative(Row()) and is_illustrative(False, True)
    assert not is_illustrative(False, object())
    assert marked("任务", True, "（示例）") == "任务（示例）"
    assert marked("任务", False, "（示例）") == "任务"
    # the sample's generated narratives already say it: not twice
    said = "（示例）本季度工作持续推进，完成比例按前后进展推算。"
    assert marked(said, True, "（示例）") == said


def test_the_sample_summary_says_it_holds_illustrative_data_and_marks_each_row(sample_plan):
    report = build_report(sample_plan, ReportOptions(as_of=AS_OF, period="2025Q4"))
    assert report.cover.illustrative
    printed = texts(report)
    assert NOTICE_ZH in printed  # on the cover, once
    assert printed.count(NOTICE_ZH) == 1
    task_rows = [row for g in report.unit_groups for row in g.tasks]
    assert task_rows
    titles = [t for t in printed if t.endswith("（示例）")]
    assert len(titles) >= len(task_rows)  # every listed task's row carries the word
    assert not any("（示例）（示例）" in t or t.count("（示例）") > 2 for t in printed)
    english = build_report(sample_plan, ReportOptions(as_of=AS_OF, period="2025Q4", lang="en"))
    notice = translate("en", "Report", ILLUSTRATIVE_NOTICE)
    assert notice in texts(english)
    assert any(t.endswith(" (illustrative)") for t in texts(english))


def test_a_plan_with_nothing_illustrative_prints_no_mark(small_plan):
    store, _ids = small_plan
    report = build_report(store, ReportOptions(as_of=date(2024, 6, 30)))
    assert not report.cover.illustrative and report.illustrative_tasks == frozenset()
    printed = texts(report)
    assert NOTICE_ZH not in printed and not any("示例" in t for t in printed)


def test_a_report_a_person_records_is_no_longer_illustrative(sample_plan):
    task_id, period = sample_plan.db.execute(
        "SELECT task_id, period FROM progress_reports WHERE is_illustrative = 1 LIMIT 1"
    ).fetchone()
    with sample_plan.action(ChangeSource.FORM, "a real report") as changes:
        record_progress(sample_plan, changes, task_id, ReportInput(period, "in_progress", 50,
                                                                   "按计划推进。"))  # fmt: skip
    flag = sample_plan.db.execute(
        "SELECT is_illustrative FROM progress_reports WHERE task_id = ? AND period = ?",
        [task_id, period],
    ).fetchone()[0]
    assert flag == 0


def test_the_collection_workbook_marks_an_illustrative_previous_report(sample_plan, tmp_path):
    result = collect_workbooks(sample_plan, tmp_path, "2025Q4", due=date(2026, 1, 10))
    previous = []
    for workbook in result.workbooks:
        ws = progress_sheet(openpyxl.load_workbook(workbook.path))
        column = header_columns(ws)["上期进展"]
        previous += [ws.cell(r, column).value for r in range(FIRST_ROW, ws.max_row + 1)
                     if ws.cell(r, column).value]  # fmt: skip
    # every report of the sample is illustrative: each previous report says so, once
    assert previous and all(text.count("（示例）") == 1 for text in previous)


def test_the_word_document_has_the_same_cover_and_marks(sample_plan, tmp_path):
    import docx

    from qdplanner.reports.summary.word import write_docx

    set_settings(sample_plan, **{"report.cover_date": "2026-01-15"})
    options = ReportOptions(as_of=AS_OF, period="2025Q4", office="青岛市科学技术局",
                            sections=("overview", "tasks"))  # fmt: skip
    out = write_docx(build_report(sample_plan, options), tmp_path / "summary.docx")
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert "编制单位：青岛市科学技术局" in paragraphs and "2026年1月15日" in paragraphs
    assert NOTICE_ZH in paragraphs
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any(c.endswith("（示例）") for c in cells)


def test_a_derived_baseline_is_marked_derived_not_illustrative(sample_plan):
    from qdplanner.domain.illustrative import is_derived_baseline

    assert is_derived_baseline("推算值：2025-12-04发布“2025年8683家，较2020年增长98%”…")
    assert not is_derived_baseline("2020年61.77%（2025-12-04发布）")
    assert not is_derived_baseline(None)
    options = ReportOptions(as_of=AS_OF, period="2025Q4", sections=("indicators",))
    cells = texts(build_report(sample_plan, options))
    assert "4385家（2020）（推算）" in cells  # 国家高新技术企业: from "+98% on 2020"
    assert "61.77%（2020）" in cells  # published: no mark
    assert not any("示例" in c for c in cells if "（2020）" in c)


def test_a_reminder_notice_marks_the_samples_tasks(sample_plan, tmp_path):
    from qdplanner.reports.reminder import notice_blocks, reminder_notices

    collect_workbooks(sample_plan, tmp_path, "2025Q4", due=date(2026, 1, 10))
    notices = reminder_notices(sample_plan, "2025Q4", today=date(2026, 2, 1))
    assert notices
    rows = [row for b in notice_blocks(notices[0], "zh") if isinstance(b, Table)
            for row in b.rows if row.kind != "group"]  # fmt: skip
    titles = [row.cells[2].text for row in rows]  # No., code, task, deadline
    assert titles and all(t.endswith("（示例）") for t in titles)
