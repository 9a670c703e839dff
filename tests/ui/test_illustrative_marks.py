"""Illustrative sample data in the window says so with the printouts' one word (issue 16, item 8):
the detail panel's progress and the task table's lead unit, （示例） / (illustrative)."""

from __future__ import annotations

import pytest

from qdplanner.catalogue import illustrative_mark
from qdplanner.domain.enums import ChangeSource
from qdplanner.store.progress import ReportInput, latest_period, record_progress
from qdplanner.ui.commands import EditContext
from qdplanner.ui.detail_panel import DetailPanel
from qdplanner.ui.i18n import install_language


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def a_reported_task(store) -> int:
    return store.db.execute(
        "SELECT task_id FROM progress_reports WHERE is_illustrative = 1"
        " AND narrative NOT LIKE '%示例%' ORDER BY task_id LIMIT 1"
    ).fetchone()[0]


def test_the_detail_panel_marks_an_illustrative_report_once(qtbot, chinese, sample_plan):
    panel = DetailPanel(EditContext(sample_plan), show_message=lambda _m: None)
    qtbot.addWidget(panel)
    task_id = a_reported_task(sample_plan)
    panel.show_task(task_id)
    assert panel.progress.text().count("（示例）") == 1
    # a report a person records in its place is not illustrative: no mark
    period = latest_period(sample_plan, task_id)
    with sample_plan.action(ChangeSource.FORM, "real") as changes:
        record_progress(sample_plan, changes, task_id, ReportInput(period, "in_progress", 60,
                                                                   "按计划推进。"))  # fmt: skip
    panel.show_task(task_id)
    assert "示例" not in panel.progress.text()


def test_the_window_and_the_printouts_share_one_word(chinese):
    assert illustrative_mark("zh") == "（示例）"
    assert illustrative_mark("en") == " (illustrative)"
