"""Plan → Close Period… and the Periods tab: close with one undo step, reopen, compare."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from qdplanner.store.periods import period_close, period_closes, read_snapshot
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.period_actions import ClosePeriodDialog


@pytest.fixture
def window(qtbot, sample_plan):
    w = MainWindow(sample_plan, language="en")
    qtbot.addWidget(w)
    return w


def plan_menu_texts(window) -> list[str]:
    return [a.text() for a in window.plan_menu.actions()]


def test_the_plan_menu_offers_close_and_reopen_and_the_tab_is_built_when_shown(window):
    texts = plan_menu_texts(window)
    assert "&Close Period…" in texts and "Re&open Period…" in texts
    view = window.plan_view
    holder, _make = view._tab_makers["periods"]
    assert holder.layout().count() == 0  # not built before it is shown
    view.tabs.setCurrentWidget(holder)
    assert holder.layout().count() == 1
    assert view.periods_view.closes.rowCount() == 0


def test_the_dialog_names_what_closing_keeps_and_refuses_what_it_cannot_close(window):
    ctx = window.plan_view.ctx
    dialog = ClosePeriodDialog(ctx, window)
    dialog.period_box.setCurrentText("2025Q3")
    text = dialog.what.text()
    assert "Closing 2025Q3 keeps in the plan, as it stood on 2025-09-30" in text
    assert "each of its 61 tasks" in text and "each of its 32 indicators" in text
    assert "never recomputed" in text and "Reopen Period" in text
    assert dialog.ok_button.isEnabled()
    dialog.period_box.setCurrentText("2099Q1")
    assert not dialog.ok_button.isEnabled() and "has not ended yet" in dialog.warning.text()
    dialog.period_box.setCurrentText("2025Q9")
    assert not dialog.ok_button.isEnabled() and "2025Q4" in dialog.warning.text()
    window.plan_view.periods.run_close("2025Q3")
    dialog.period_box.setCurrentText("2025Q3")
    assert not dialog.ok_button.isEnabled()
    assert "2025Q3 is already closed" in dialog.warning.text()


def test_close_is_one_undo_step_and_redo_writes_the_same_figures(window):
    view = window.plan_view
    store = view.store
    assert view.periods.run_close("2025Q3") is None
    kept = read_snapshot(store, "2025Q3")
    assert "Closed 2025Q3" in window.statusBar().currentMessage()
    assert view.ctx.undo_stack.undoText() == "Close period 2025Q3"
    view.ctx.undo_stack.undo()
    assert period_close(store, "2025Q3") is None  # undone: reopened, and logged so
    assert period_closes(store)[0].reopened_at is not None
    view.ctx.undo_stack.redo()
    again = read_snapshot(store, "2025Q3")
    assert again.tasks == kept.tasks and again.units == kept.units
    assert view.periods.run_close("2025Q3") is not None  # a second close is refused, with why


def test_reopen_asks_then_undo_puts_the_closing_back(window, monkeypatch):
    view = window.plan_view
    store = view.store
    view.periods.run_close("2025Q3")
    kept = read_snapshot(store, "2025Q3")
    asked = []

    def answer(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    view.periods.ask_reopen("2025Q3")
    assert "Reopen 2025Q3?" in asked[0] and "is logged" in asked[0]
    assert period_close(store, "2025Q3") is None
    view.ctx.undo_stack.undo()
    assert read_snapshot(store, "2025Q3") == kept  # the same closing: date, author, figures


def test_the_periods_tab_lists_closings_and_groups_what_moved(window):
    view = window.plan_view
    view.periods.run_close("2025Q3")
    tab = view.periods_view
    assert tab.closes.rowCount() == 1 and tab.closes.item(0, 0).text() == "2025Q3"
    tab.show_comparison("2025Q3", "2025Q4")
    assert "2025Q3: closed" in tab.note.text()
    assert "2025Q4: not closed: compared against the live judgement" in tab.note.text()
    assert "3 worse" in tab.summary.text()
    groups = {
        tab.tree.topLevelItem(i).text(0): tab.tree.topLevelItem(i)
        for i in range(tab.tree.topLevelItemCount())
    }
    worse = groups["Lights worse (3)"]
    assert worse.childCount() == 3
    assert worse.child(0).text(1).startswith("● On track")
    assert worse.child(0).text(2).startswith("▲ At risk")
    assert groups["No report for the period (39)"].childCount() == 39
    assert "Units late or not returned (0)" in groups
    view.periods.run_reopen("2025Q3")  # the tab follows
    assert tab.closes.item(0, 6).text()  # reopened: when and by whom
    assert "2025Q3: not closed" in tab.note.text()
