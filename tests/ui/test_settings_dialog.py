"""Plan → Settings…: the office's rules from the window, one undo step, every light at once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QLineEdit

from qdplanner.domain.enums import ChangeSource
from qdplanner.store import PlanStore
from qdplanner.store.plan_settings import read_settings, write_settings
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.history_table import HistoryCol
from qdplanner.ui.models.task_table import Col
from qdplanner.ui.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot, small_plan):
    """The small plan with a task half-way through its span (judged today) and 6 points
    behind: green by the default rule (10 points), yellow from 5."""
    store, ids = small_plan
    today = date.today()
    with store.action(ChangeSource.COMMAND, "a task under way") as ch:
        ids["under_way"] = ch.insert(
            "tasks",
            {
                "project_id": ids["project"],
                "title": "进行中任务",
                "start_date": (today - timedelta(days=100)).isoformat(),
                "due_date": (today + timedelta(days=100)).isoformat(),
                "status": "in_progress",
                "percent": 44,
                "position": 3,
            },
        )
    win = MainWindow(store, language="en")
    qtbot.addWidget(win)
    view = win.plan_view
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.PROJECT, ids["project"])))
    row = view.tasks.row_of_task(ids["under_way"])
    view.table.setCurrentIndex(view.tasks.index(row, Col.TITLE))
    return win, store, ids


def light_of(view, task_id) -> str:
    return view.tasks.index(view.tasks.row_of_task(task_id), Col.LIGHT).data()


def type_into(qtbot, editor, text: str) -> None:
    """As a user does: focus, select what is there, type."""
    line = editor if isinstance(editor, QLineEdit) else editor.lineEdit()
    editor.setFocus()
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # Chinese arrives through an input method, not key by key
        line.insert(text)


def answer_with(monkeypatch, *fills):
    """The dialog's exec, once per fill: the fill edits the form and says OK or Cancel."""
    answers = iter(fills)
    monkeypatch.setattr(SettingsDialog, "exec", lambda dialog: next(answers)(dialog))


def test_a_lower_yellow_threshold_turns_the_task_yellow_and_undo_restores_it(
    qtbot, window, monkeypatch
):
    win, store, ids = window
    view = win.plan_view
    assert "On track" in light_of(view, ids["under_way"])

    def fill(dialog):
        type_into(qtbot, dialog.editors["light.yellow_behind"], "5")
        return QDialog.DialogCode.Accepted

    answer_with(monkeypatch, fill)
    view.settings_action.trigger()
    assert read_settings(store)["light.yellow_behind"] == 5.0
    assert "At risk" in light_of(view, ids["under_way"])
    assert "At risk" in view.lights_label.text()  # the status bar's tally follows too
    assert view.task_actions.current_task() == ids["under_way"]  # the selection stays
    undo = view.undo_action.text().replace("&", "")
    assert undo == "Undo Setting “Yellow when behind by”: 5 points"
    view.undo_action.trigger()
    assert read_settings(store)["light.yellow_behind"] == 10.0
    assert "On track" in light_of(view, ids["under_way"])
    view.redo_action.trigger()
    assert "At risk" in light_of(view, ids["under_way"])


def test_several_changes_are_one_undo_step(qtbot, window, monkeypatch):
    win, store, _ids = window
    view = win.plan_view

    def fill(dialog):
        type_into(qtbot, dialog.editors["light.yellow_behind"], "5")
        days = dialog.editors["light.blue_days"]
        days.on.setFocus()
        qtbot.keyClick(days.on, Qt.Key.Key_Space)  # on, with the days offered
        type_into(qtbot, days.days, "30")
        type_into(qtbot, dialog.editors["report.office"], "青岛市科学技术局")
        return QDialog.DialogCode.Accepted

    answer_with(monkeypatch, fill)
    view.settings_action.trigger()
    values = read_settings(store)
    assert (values["light.yellow_behind"], values["light.blue_days"]) == (5.0, 30)
    assert values["report.office"] == "青岛市科学技术局"
    assert view.ctx.undo_stack.count() == 1
    view.undo_action.trigger()
    values = read_settings(store)
    assert (values["light.yellow_behind"], values["light.blue_days"]) == (10.0, None)
    assert values["report.office"] == ""


def test_yellow_above_red_keeps_the_dialog_open_with_the_reason(qtbot, window, monkeypatch):
    win, store, _ids = window
    view = win.plan_view
    seen = {}
    version = store.version

    def too_high(dialog):
        type_into(qtbot, dialog.editors["light.yellow_behind"], "50")
        return QDialog.DialogCode.Accepted

    def cancel(dialog):
        seen["error"] = dialog.error.text()
        seen["focus"] = dialog.editors["light.yellow_behind"].hasFocus()
        return QDialog.DialogCode.Rejected

    answer_with(monkeypatch, too_high, cancel)
    view.settings_action.trigger()
    assert "light.yellow_behind (50) must not be more than light.red_behind (30)" in seen["error"]
    assert "light.yellow_behind" in view.last_refusal
    assert store.version == version  # nothing written
    assert view.ctx.undo_stack.count() == 0


def test_the_dialog_shows_the_plans_values_and_restores_the_defaults(qtbot, window):
    win, store, _ids = window
    with store.action(ChangeSource.COMMAND, "office rules") as ch:
        write_settings(store, ch, {"light.red_behind": 40.0, "light.sticky_yellow": True})
    dialog = SettingsDialog(win.plan_view.ctx, win)
    qtbot.addWidget(dialog)
    assert dialog.editors["light.red_behind"].value() == 40.0
    assert dialog.editors["light.red_behind"].text() == "40 points"  # as the CLI writes it
    dialog.editors["light.red_behind"].lineEdit().setText("42.5")
    dialog.editors["light.red_behind"].interpretText()
    assert dialog.editors["light.red_behind"].value() == 42.5
    assert dialog.editors["light.red_behind"].text() == "42.5 points"
    assert dialog.editors["light.sticky_yellow"].isChecked()
    assert not dialog.editors["light.blue_days"].days.isEnabled()  # off
    assert isinstance(dialog.editors["indicator.off_track_gap"], QDoubleSpinBox)
    assert dialog.editors["indicator.off_track_gap"].suffix() == "%"
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.changes() == {"light.red_behind": 30.0, "light.sticky_yellow": False}


def test_the_change_reads_in_words_in_the_history(qtbot, window, monkeypatch):
    win, _store, _ids = window
    view = win.plan_view

    def fill(dialog):
        type_into(qtbot, dialog.editors["light.yellow_behind"], "5")
        return QDialog.DialogCode.Accepted

    answer_with(monkeypatch, fill)
    view.settings_action.trigger()
    history = view.history_view
    history.refresh()
    model = history.model
    row = next(
        r for r in range(model.rowCount())
        if model.index(r, HistoryCol.DESCRIPTION).data().startswith("Setting “Yellow")
    )  # fmt: skip
    assert model.index(row, HistoryCol.RECORD).data() == "Rules of the task lights"
    assert "Yellow when behind by: 5 points" in model.index(row, HistoryCol.NEW).data()


def test_a_read_only_plan_shows_its_settings_without_changing_them(qtbot, small_plan):
    store, _ids = small_plan
    path = store.path
    store.close()
    with PlanStore.open(path, readonly=True) as readonly:
        win = MainWindow(readonly, language="en")
        qtbot.addWidget(win)
        dialog = SettingsDialog(win.plan_view.ctx, win)
        qtbot.addWidget(dialog)
        assert not dialog.editors["light.yellow_behind"].isEnabled()
        win.close()
