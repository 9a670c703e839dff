"""Editing the task table in place, with undo and redo, and refusals at the cell."""

from __future__ import annotations

from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


def open_project(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.tree.setCurrentIndex(
        window.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    return window, store, ids


def cell(window, row, col):
    return window.plan_view.tasks.index(row, col)


def test_due_date_edited_inline_is_saved_logged_and_undone(qtbot, small_plan):
    window, store, ids = open_project(qtbot, small_plan)
    assert window.plan_view.tasks.setData(cell(window, 0, Col.DUE), "2023-06-30")
    assert store.db["tasks"].get(ids["late"])["due_date"] == "2023-06-30"
    assert cell(window, 0, Col.DUE).data() == "2023-06-30"
    log = store.db.execute(
        "SELECT old_value, new_value FROM change_log WHERE field = "
        "'due_date' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert log == ("2022-12-31", "2023-06-30")
    assert window.plan_view.undo_action.text().startswith("&Undo Edit Due of “逾期任务”")
    window.plan_view.undo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["due_date"] == "2022-12-31"
    assert cell(window, 0, Col.DUE).data() == "2022-12-31"
    window.plan_view.redo_action.trigger()
    assert store.db["tasks"].get(ids["late"])["due_date"] == "2023-06-30"


def test_typed_deadline_phrase_is_parsed_and_kept_as_written(qtbot, small_plan):
    window, store, ids = open_project(qtbot, small_plan)
    assert window.plan_view.tasks.setData(cell(window, 0, Col.DUE), "2024年底前")
    row = store.db["tasks"].get(ids["late"])
    assert (row["due_date"], row["deadline_text"]) == ("2024-12-31", "2024年底前")


def test_percent_out_of_range_is_refused_at_the_cell(qtbot, small_plan):
    window, store, ids = open_project(qtbot, small_plan)
    with qtbot.waitSignal(window.plan_view.tasks.edit_refused) as refused:
        assert not window.plan_view.tasks.setData(cell(window, 0, Col.PERCENT), "140")
    assert "0 to 100" in refused.args[1]
    assert "0 to 100" in window.plan_view.last_refusal
    assert store.db["tasks"].get(ids["late"])["percent"] == 50
    assert window.plan_view.ctx.undo_stack.count() == 0  # a refused edit is not an undo step


def test_due_before_start_is_refused(qtbot, small_plan):
    window, _store, _ids = open_project(qtbot, small_plan)
    assert not window.plan_view.tasks.setData(cell(window, 0, Col.DUE), "2021-01-01")
    assert "before the start date" in window.plan_view.last_refusal


def test_unknown_lead_unit_is_refused(qtbot, small_plan):
    window, _store, _ids = open_project(qtbot, small_plan)
    assert not window.plan_view.tasks.setData(cell(window, 0, Col.LEAD), "市火星局")
    assert "市火星局" in window.plan_view.last_refusal


def test_lead_unit_typed_by_short_name_then_undone(qtbot, small_plan):
    window, _store, _ids = open_project(qtbot, small_plan)
    assert window.plan_view.tasks.setData(cell(window, 0, Col.LEAD), "市财政局")
    assert cell(window, 0, Col.LEAD).data() == "市财政局"
    assert cell(window, 0, Col.SUPPORT).data() == ""  # no longer also supporting
    window.plan_view.undo_action.trigger()
    assert cell(window, 0, Col.LEAD).data() == "市科技局"
    assert cell(window, 0, Col.SUPPORT).data() == "市财政局"


def test_marking_done_turns_the_light_done(qtbot, small_plan):
    window, _store, _ids = open_project(qtbot, small_plan)
    assert "Overdue" in cell(window, 0, Col.LIGHT).data()
    assert window.plan_view.tasks.setData(cell(window, 0, Col.STATUS), "done")
    assert "Done" in cell(window, 0, Col.LIGHT).data()


def test_light_and_stream_columns_are_not_editable(qtbot, small_plan):
    from PySide6.QtCore import Qt

    window, _, _ = open_project(qtbot, small_plan)
    assert not cell(window, 0, Col.LIGHT).flags() & Qt.ItemFlag.ItemIsEditable
    assert cell(window, 0, Col.TITLE).flags() & Qt.ItemFlag.ItemIsEditable


def test_supporting_units_are_picked_from_a_list(qtbot, small_plan, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QStyleOptionViewItem

    from qdplanner.ui.delegates import UnitPickerDialog, UnitsLineEdit

    window, _, _ = open_project(qtbot, small_plan)
    delegate = window.plan_view.table.itemDelegateForColumn(Col.SUPPORT)
    index = cell(window, 0, Col.SUPPORT)
    editor = delegate.createEditor(window.plan_view.table, QStyleOptionViewItem(), index)
    assert isinstance(editor, UnitsLineEdit)
    delegate.setEditorData(editor, index)
    assert editor.text() == "市财政局"

    def tick_science_bureau(dialog):
        for row in range(dialog.list.count()):
            if dialog.list.item(row).text() == "市科技局":
                dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnitPickerDialog, "exec", tick_science_bureau)
    editor.pick()
    assert editor.text() == "市财政局、市科技局"
    delegate.setModelData(editor, window.plan_view.tasks, index)
    # the lead unit cannot also support: refused, and named
    assert "both the lead and a supporting unit" in window.plan_view.last_refusal
