"""View → As Of… in the window (issue 16, item 1): a past date shows every view as the plan
stood then — each task from its latest progress report whose period had ended, 无进展记录 where
none had — under a banner with Back to Today; the tasks cannot be edited meanwhile, and the
date is not remembered."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDialog

from qdplanner.domain.enums import ChangeSource, StatusLight
from qdplanner.ui import as_of_dialog
from qdplanner.ui.as_of_dialog import AsOfDialog, ended_quarters
from qdplanner.ui.i18n import install_language
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import LIGHT_ROLE, Col
from qdplanner.ui.models.units_table import UnitCol

THEN = date(2024, 12, 31)
FULL_COVERAGE = "实现规模以上工业企业研发机构“全覆盖”"  # G2-5: 90 % in 2024Q4, 92 % in 2025Q3
UNREPORTED = "新增任务：无进展记录的示例"  # added by the test, no progress report at all
REFUSAL = "go back to today (View → Back to Today) to edit"


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


@pytest.fixture
def plan(sample_plan):
    """The sample plan and one more task of G2's project, running 2024–2025, never reported."""
    project = sample_plan.db.execute(
        "SELECT project_id FROM tasks WHERE title = ?", [FULL_COVERAGE]
    ).fetchone()[0]
    with sample_plan.action(ChangeSource.COMMAND, "a task nobody reported on") as changes:
        changes.insert(
            "tasks",
            {
                "project_id": project,
                "title": UNREPORTED,
                "start_date": "2024-01-01",
                "due_date": "2025-12-31",
                "status": "in_progress",
                "percent": 40,
                "position": 99,
            },
        )
    return sample_plan


def open_window(qtbot, store, language="en") -> MainWindow:
    window = MainWindow(store, language=language)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def choose(monkeypatch, window, day: date | None, *, today_button=False) -> None:
    """View → As Of… with ``day`` typed (or Today pressed) and OK."""

    def run(dialog: AsOfDialog):
        if today_button:
            dialog.today_button.click()
        else:
            dialog.set_date(day)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AsOfDialog, "exec", run)
    window.plan_view.as_of_action.trigger()


def row_of(window, title: str) -> int:
    model = window.plan_view.tasks
    return next(
        i for i in range(model.rowCount()) if model.row_at(i) and model.row_at(i).title == title
    )


def cell(window, title: str, col: Col, role=Qt.ItemDataRole.DisplayRole):
    model = window.plan_view.tasks
    return model.index(row_of(window, title), col).data(role)


def test_a_past_date_shows_g2_5_at_its_2024q4_report_and_back_to_today_restores_today(
    qtbot, monkeypatch, plan
):
    window = open_window(qtbot, plan)
    view = window.plan_view
    assert cell(window, FULL_COVERAGE, Col.PERCENT) == 92
    assert not view.as_of_banner.isVisible()
    assert not view.back_to_today_action.isEnabled()

    choose(monkeypatch, window, THEN)
    assert view.as_of == THEN
    assert cell(window, FULL_COVERAGE, Col.PERCENT) == 90
    assert cell(window, FULL_COVERAGE, Col.LIGHT, LIGHT_ROLE) == StatusLight.YELLOW.value
    assert cell(window, FULL_COVERAGE, Col.LIGHT) == "▲ At risk"
    tip = cell(window, FULL_COVERAGE, Col.LIGHT, Qt.ItemDataRole.ToolTipRole)
    assert "2024Q4" in tip and "90%" in tip
    assert "2024Q4" in cell(window, FULL_COVERAGE, Col.PERCENT, Qt.ItemDataRole.ToolTipRole)
    assert view.as_of_banner.isVisible()
    assert view.as_of_label.text() == (
        "As it stood on 2024-12-31 — from the progress reports of periods ended by then"
    )
    assert view.back_to_today_action.isEnabled()

    view.back_to_today_button.click()
    assert view.as_of is None
    assert cell(window, FULL_COVERAGE, Col.PERCENT) == 92
    assert cell(window, FULL_COVERAGE, Col.LIGHT, LIGHT_ROLE) != StatusLight.YELLOW.value
    assert not view.as_of_banner.isVisible()
    assert not view.back_to_today_action.isEnabled()
    first = view.tasks.row_of_task(view.tasks.rows()[0].id)  # line 0 heads its program
    assert view.tasks.flags(view.tasks.index(first, Col.PERCENT)) & Qt.ItemFlag.ItemIsEditable


def test_a_task_with_no_report_by_then_shows_a_dash_and_no_progress_record_in_chinese(
    qtbot, qapp, monkeypatch, plan
):
    install_language(qapp, "zh_CN")
    window = open_window(qtbot, plan, "zh_CN")
    view = window.plan_view
    assert cell(window, UNREPORTED, Col.PERCENT) == 40  # today's figure, today
    assert "无进展记录" not in view.lights_label.text()

    choose(monkeypatch, window, THEN)
    assert cell(window, UNREPORTED, Col.PERCENT) == "—"
    assert cell(window, UNREPORTED, Col.STATUS) == "—"
    assert cell(window, UNREPORTED, Col.LIGHT) == "? 无进展记录"
    assert "2024-12-31" in cell(window, UNREPORTED, Col.LIGHT, Qt.ItemDataRole.ToolTipRole)
    # the status bar's tallies count it, in the window's language
    assert "无进展记录 1" in view.lights_label.text()
    assert "无进展记录: 1" in view.lights_label.toolTip()
    assert view.as_of_label.text() == "2024-12-31 时的状况 — 依据当时已结束各期的进展报告"
    # the detail panel says the same, read-only
    view.table.setCurrentIndex(view.tasks.index(row_of(window, UNREPORTED), Col.TITLE))
    assert view.detail.percent.text() == "—"
    assert view.detail.status.currentIndex() == -1
    assert "无进展记录" in view.detail.heading.text()


def test_editing_a_past_date_is_refused_with_the_reason(qtbot, monkeypatch, plan):
    window = open_window(qtbot, plan)
    view = window.plan_view
    choose(monkeypatch, window, THEN)
    model = view.tasks
    index = model.index(row_of(window, FULL_COVERAGE), Col.PERCENT)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable

    # an edit that reaches the model is refused, at the cell, and changes nothing
    assert not model.setData(index, 50)
    assert REFUSAL in view.last_refusal and "2024-12-31" in view.last_refusal
    assert REFUSAL in window.statusBar().currentMessage()

    # a double-click or typing into a cell opens no editor: it says why
    view.show_message("")
    view.table.setCurrentIndex(index)
    rect = view.table.visualRect(index)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.table.state() != QAbstractItemView.State.EditingState
    assert REFUSAL in view.last_refusal
    view.show_message("")
    qtbot.keyClick(view.table, Qt.Key.Key_5)
    assert view.table.state() != QAbstractItemView.State.EditingState
    assert REFUSAL in view.last_refusal

    # paste and the table's other editing actions are off; their keys say why
    assert not view.clipboard.paste.isEnabled()
    assert not any(a.isEnabled() for a in view.task_actions.actions())
    QGuiApplication.clipboard().setText("10")
    view.show_message("")
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert REFUSAL in view.last_refusal
    view.show_message("")
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert REFUSAL in view.last_refusal

    # Ctrl+R (Record Progress) says why instead of opening the form
    opened = []
    from qdplanner.ui import progress_dialog

    monkeypatch.setattr(progress_dialog, "ask_and_record", lambda *args: opened.append(args))
    view.show_message("")
    view.progress_action.trigger()
    assert REFUSAL in view.last_refusal and opened == []

    # the detail panel is read-only; a drag in the timeline is refused
    assert view.detail.code.isReadOnly() and view.detail.title.isReadOnly()
    assert not view.detail.percent.isEnabled() and not view.detail.status.isEnabled()
    assert view.detail.percent.value() == 90
    row = view.tasks.row_at(index.row())
    line = view.timeline.scene.line_of(row.id)
    view.show_message("")
    assert not view.timeline.reschedule(line, date(2024, 1, 1), date(2026, 12, 31))
    assert REFUSAL in view.last_refusal

    stored = plan.db.execute("SELECT percent, due_date FROM tasks WHERE id = ?", [row.id])
    assert tuple(stored.fetchone()) == (92, "2024-12-31")

    # back at today the same cell edits again
    view.show_as_of(None)
    assert view.clipboard.paste.isEnabled()
    index = model.index(row_of(window, FULL_COVERAGE), Col.PERCENT)
    assert model.setData(index, 95)
    assert cell(window, FULL_COVERAGE, Col.PERCENT) == 95


def test_the_timeline_marks_the_date_and_colours_bars_as_they_stood(qtbot, monkeypatch, plan):
    window = open_window(qtbot, plan)
    view = window.plan_view
    pane = view.timeline
    pane.toggle_action.setChecked(True)
    choose(monkeypatch, window, THEN)
    assert pane.scene.data.as_of == THEN
    line = pane.scene.line_of(view.tasks.row_at(row_of(window, FULL_COVERAGE)).id)
    assert pane.scene.lines[line].light == StatusLight.YELLOW
    unreported = pane.scene.lines[
        pane.scene.line_of(view.tasks.row_at(row_of(window, UNREPORTED)).id)
    ]
    assert unreported.light == StatusLight.NO_RECORD
    assert pane.scene.span(unreported).done is None  # today's 40 % is not drawn in the past
    view.show_as_of(None)
    assert pane.scene.data.as_of is None


def test_units_count_overdue_tasks_as_they_stood_and_say_so(qtbot, monkeypatch, plan):
    window = open_window(qtbot, plan)
    view = window.plan_view
    units = view.units_view  # built before the date is chosen
    today = {u.name: u.overdue_count for u in units.model.rows()}
    assert sum(today.values()) > 0  # tasks due by 2024 that are not done, today
    choose(monkeypatch, window, THEN)
    then = {u.name: u.overdue_count for u in units.model.rows()}
    assert sum(then.values()) == 0  # at the end of 2024 none was overdue yet
    assert units.as_of_note.isVisibleTo(units)
    assert "2024-12-31" in units.as_of_note.text()
    header = units.model.headerData(UnitCol.OVERDUE, Qt.Orientation.Horizontal,
                                    Qt.ItemDataRole.ToolTipRole)  # fmt: skip
    assert "2024-12-31" in header
    view.show_as_of(None)
    assert {u.name: u.overdue_count for u in units.model.rows()} == today
    assert not units.as_of_note.isVisibleTo(units)


def test_tabs_built_later_and_the_report_dialog_take_the_date(qtbot, monkeypatch, plan):
    window = open_window(qtbot, plan)
    view = window.plan_view
    choose(monkeypatch, window, THEN)
    assert view.indicators_view.as_of == THEN  # built after the date was chosen
    assert view.indicators_view.as_of_note.isVisibleTo(view.indicators_view)
    units = view.units_view
    assert sum(u.overdue_count for u in units.model.rows()) == 0
    dialog = view.report_actions.open_dialog(show=False)
    assert dialog.as_of.date().toPython() == THEN
    assert dialog.options().history
    view.show_as_of(None)
    assert view.indicators_view.as_of is None
    assert view.report_actions.open_dialog(show=False).as_of.date().toPython() != THEN


def test_the_date_is_not_remembered_and_today_or_cancel_change_nothing(qtbot, monkeypatch, plan):
    window = open_window(qtbot, plan)
    view = window.plan_view
    assert "not remembered" in view.as_of_action.toolTip()
    assert view.as_of_action.shortcut() == QKeySequence("Ctrl+Shift+A")
    choose(monkeypatch, window, THEN)
    assert view.as_of == THEN
    choose(monkeypatch, window, None, today_button=True)  # Today is the plan as it is
    assert view.as_of is None and not view.as_of_banner.isVisible()
    choose(monkeypatch, window, THEN)
    monkeypatch.setattr(AsOfDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    view.as_of_action.trigger()
    assert view.as_of == THEN  # cancelled: as it was
    window.close()
    again = open_window(qtbot, plan)
    assert again.plan_view.as_of is None
    assert cell(again, FULL_COVERAGE, Col.PERCENT) == 92


def test_ctrl_shift_a_is_no_other_entry_s_shortcut(qtbot, plan):
    window = open_window(qtbot, plan)
    mine = QKeySequence("Ctrl+Shift+A")
    others = [
        a.text()
        for a in window.findChildren(type(window.plan_view.as_of_action))
        if a is not window.plan_view.as_of_action
        and any(k.matches(mine) == QKeySequence.SequenceMatch.ExactMatch for k in a.shortcuts())
    ]
    assert others == []


def test_the_dialog_offers_dates_up_to_today_and_the_ends_of_quarters(qtbot):
    dialog = AsOfDialog(None, today=date(2026, 2, 10))
    qtbot.addWidget(dialog)
    assert dialog.date_edit.maximumDate().toPython() == date(2026, 2, 10)
    assert dialog.chosen() == date(2026, 2, 10)
    assert ended_quarters(date(2026, 2, 10))[:3] == [
        date(2025, 12, 31),
        date(2025, 9, 30),
        date(2025, 6, 30),
    ]
    dialog.quarter.setCurrentIndex(2)
    dialog.quarter.activated.emit(2)
    assert dialog.chosen() == date(2025, 9, 30)
    dialog.today_button.click()
    assert dialog.chosen() == date(2026, 2, 10)
    assert "not remembered" in as_of_dialog.not_remembered_text()
