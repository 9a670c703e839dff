"""Recording progress: one report per task and period; the latest sets the task; evidence."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.periods import parse_period, period_of
from qdplanner.errors import ValidationError
from qdplanner.store.progress import (
    ReportInput,
    add_evidence,
    evidence_content,
    read_evidence,
    record_progress,
    report_snapshot,
    restore_report,
)


@pytest.mark.parametrize(
    ("text", "code", "end"),
    [
        ("2024Q3", "2024Q3", date(2024, 9, 30)),
        ("2024年第三季度", "2024Q3", date(2024, 9, 30)),
        ("2024年三季度", "2024Q3", date(2024, 9, 30)),
        ("2024h1", "2024H1", date(2024, 6, 30)),
        ("2024年上半年", "2024H1", date(2024, 6, 30)),
        ("2024-09", "2024-09", date(2024, 9, 30)),
        ("2024年2月", "2024-02", date(2024, 2, 29)),
        ("2024", "2024", date(2024, 12, 31)),
        ("２０２４Ｑ４", "2024Q4", date(2024, 12, 31)),
    ],
)
def test_periods_as_offices_write_them(text, code, end):
    period = parse_period(text)
    assert (period.code, period.end) == (code, end)


@pytest.mark.parametrize("text", ["", "2024Q5", "2024-13", "Q3", "去年", "1800"])
def test_unreadable_periods_are_refused_by_name(text):
    with pytest.raises(ValidationError):
        parse_period(text)


def test_periods_sort_by_when_they_end():
    codes = ["2024", "2024Q3", "2024H1", "2024-02", "2023Q4"]
    assert [p.code for p in sorted(map(parse_period, codes))] == [
        "2023Q4",
        "2024-02",
        "2024H1",
        "2024Q3",
        "2024",
    ]
    assert period_of(date(2024, 8, 15)).code == "2024Q3"


def test_the_latest_report_sets_the_task_status_and_percent(small_plan):
    store, ids = small_plan
    with store.action("form", "report") as ch:
        record_progress(
            store,
            ch,
            ids["late"],
            ReportInput("2024Q3", "in_progress", 80, narrative="已完成主体工程"),
        )
    task = store.db["tasks"].get(ids["late"])
    assert (task["status"], task["percent"]) == ("in_progress", 80)
    with store.action("form", "older report") as ch:  # an older period does not
        record_progress(store, ch, ids["late"], ReportInput("2024Q1", "in_progress", 30))
    assert store.db["tasks"].get(ids["late"])["percent"] == 80
    with store.action("form", "same period again") as ch:  # replaces, never duplicates
        record_progress(store, ch, ids["late"], ReportInput("2024年第三季度", "done", 100))
    assert (
        store.db.execute(
            "SELECT count(*) FROM progress_reports WHERE task_id = ?", [ids["late"]]
        ).fetchone()[0]
        == 2
    )
    assert store.db["tasks"].get(ids["late"])["status"] == "done"


def test_a_bad_report_is_refused_and_changes_nothing(small_plan):
    store, ids = small_plan
    with pytest.raises(ValidationError, match="0 to 100"), store.action("form") as ch:
        record_progress(store, ch, ids["late"], ReportInput("2024Q3", "done", 120))
    assert store.db["progress_reports"].count == 0


def test_evidence_is_stored_in_the_plan_with_a_size_limit(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        report = record_progress(store, ch, ids["late"], ReportInput("2024Q3", "done", 100))
        evidence = add_evidence(store, ch, report, "验收报告.pdf", b"%PDF-1.4 ...")
    assert evidence_content(store, evidence) == ("验收报告.pdf", b"%PDF-1.4 ...")
    assert read_evidence(store, ids["late"])[0]["media_type"] == "application/pdf"
    with store.action("form") as ch:
        store.set_setting(ch, "evidence_max_bytes", 1024)
    with pytest.raises(ValidationError, match="at most"), store.action("form") as ch:
        add_evidence(store, ch, report, "照片.jpg", b"x" * 2048)


def test_snapshot_and_restore_undo_a_report_exactly(small_plan):
    store, ids = small_plan
    with store.action("form") as ch:
        report = record_progress(store, ch, ids["late"], ReportInput("2024Q3", "in_progress", 60))
        add_evidence(store, ch, report, "a.txt", b"a")
    before = report_snapshot(store, ids["late"], "2024Q3")
    with store.action("form") as ch:
        record_progress(store, ch, ids["late"], ReportInput("2024Q3", "done", 100))
    with store.action("form", "undo") as ch:
        restore_report(store, ch, before)
    assert report_snapshot(store, ids["late"], "2024Q3") == before


def test_the_latest_report_is_chosen_by_when_periods_end_not_by_spelling(small_plan):
    from qdplanner.store.progress import latest_report

    store, ids = small_plan
    with store.action("form") as ch:
        for period, pct in (("2024H1", 40), ("2024Q3", 70), ("2024-08", 60)):
            record_progress(store, ch, ids["late"], ReportInput(period, "in_progress", pct))
    assert latest_report(store, ids["late"]).period == "2024Q3"
