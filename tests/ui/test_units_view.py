"""The Units view: counts, sorting, rename in place, aliases, merge, delete — with undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLineEdit, QMessageBox

from qdplanner.store.task_edits import task_units
from qdplanner.store.unit_directory import resolve_unit
from qdplanner.ui.commands import EditContext
from qdplanner.ui.models.units_table import UnitCol
from qdplanner.ui.units_view import AliasesDialog, MergeDialog, UnitDialog, UnitsView

STI, FINANCE = "青岛市科学技术局", "市财政局"


@pytest.fixture
def view(qtbot, small_plan):
    store, _ids = small_plan
    messages: list[str] = []
    v = UnitsView(EditContext(store), show_message=messages.append)
    v.messages = messages
    qtbot.addWidget(v)
    v.show()
    return v


def names(view) -> list[str]:
    m = view.model
    return [m.index(r, UnitCol.NAME).data() for r in range(m.rowCount())]


def cell(view, name: str, col: UnitCol):
    return view.model.index(names(view).index(name), col)


def select(view, name: str) -> None:
    view.table.setCurrentIndex(cell(view, name, UnitCol.NAME))


@pytest.fixture
def answer(monkeypatch):
    """Answer every confirmation with the given button; records the questions asked."""
    asked: list[str] = []

    def patch(button):
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or button)
        return asked

    return patch


def test_table_shows_units_with_task_counts(view):
    assert names(view) == [STI, FINANCE]
    row = [cell(view, STI, col).data() for col in UnitCol]
    assert row[:6] == [STI, "市科技局", "Municipal department", 1, 0, 1]  # 2022 task overdue
    assert cell(view, FINANCE, UnitCol.SUPPORT).data() == 1


def test_sorting_happens_in_the_model(view):
    view.table.sortByColumn(UnitCol.LEAD, Qt.SortOrder.AscendingOrder)
    assert names(view) == [FINANCE, STI]
    view.table.sortByColumn(UnitCol.NAME, Qt.SortOrder.DescendingOrder)
    assert names(view) == sorted([STI, FINANCE], reverse=True)


def test_rename_in_place_is_one_undo_step_and_tells_other_views(view, qtbot):
    ctx = view.ctx
    with qtbot.waitSignal(ctx.structure_changed):
        assert view.model.setData(cell(view, STI, UnitCol.NAME), "青岛市科技创新局")
    assert names(view)[0] == "青岛市科技创新局"
    assert ctx.undo_stack.undoText() == f"Rename unit “{STI}”"
    ctx.undo_stack.undo()
    assert names(view)[0] == STI
    ctx.undo_stack.redo()
    assert resolve_unit(ctx.store, "青岛市科技创新局") is not None
    assert names(view)[0] == "青岛市科技创新局"


def test_short_name_edit_and_a_clash_refused_at_the_cell(view):
    assert view.model.setData(cell(view, FINANCE, UnitCol.SHORT_NAME), "财政局")
    assert cell(view, FINANCE, UnitCol.SHORT_NAME).data() == "财政局"
    assert not view.model.setData(cell(view, FINANCE, UnitCol.NAME), "市科技局")
    assert "already the short name of 青岛市科学技术局" in view.messages[-1]
    assert view.ctx.undo_stack.count() == 1
    assert not view.model.setData(cell(view, FINANCE, UnitCol.NAME), " ")
    assert "must not be empty" in view.messages[-1]


def test_rename_action_edits_the_name_cell_by_keyboard(view, qtbot):
    select(view, FINANCE)
    view.rename_action.trigger()
    assert view.table.state() == QAbstractItemView.State.EditingState
    editor = view.table.viewport().findChild(QLineEdit)
    editor.setText("青岛市财政局")  # QTest cannot type CJK characters
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "青岛市财政局" in names(view))  # the delegate commits queued
    assert view.ctx.undo_stack.count() == 1


def test_add_unit_through_its_dialog_then_undo_and_redo(view, monkeypatch):
    def fill(dialog):
        dialog.name.setText("青岛市统计局")
        dialog.short_name.setText("市统计局")
        dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnitDialog, "exec", fill)
    view.add_action.trigger()
    assert "青岛市统计局" in names(view)
    assert view.current_unit().name == "青岛市统计局"  # the new unit is selected
    new_id = view.current_unit().id
    view.ctx.undo_stack.undo()
    assert "青岛市统计局" not in names(view)
    view.ctx.undo_stack.redo()
    assert resolve_unit(view.ctx.store, "市统计局") == new_id  # same id back


def test_edit_aliases_one_per_line_with_undo(view, monkeypatch):
    def type_aliases(dialog):
        dialog.text.setPlainText("市财政\n\n财政局 \n")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AliasesDialog, "exec", type_aliases)
    select(view, FINANCE)
    view.aliases_action.trigger()
    assert cell(view, FINANCE, UnitCol.ALIASES).data() == "市财政、财政局"
    view.ctx.undo_stack.undo()
    assert cell(view, FINANCE, UnitCol.ALIASES).data() == ""


def test_an_alias_of_another_unit_is_refused_with_its_name(view):
    select(view, FINANCE)
    view.edit_aliases(["市科技局"])
    assert "“市科技局” is already the short name of 青岛市科学技术局" in view.messages[-1]
    assert view.ctx.undo_stack.count() == 0


def test_merge_asks_how_many_tasks_move_then_undo_restores(view, monkeypatch, answer):
    store = view.ctx.store
    sti_id = view.model.row_at(names(view).index(STI)).id
    monkeypatch.setattr(
        MergeDialog,
        "exec",
        lambda d: d.keep.setCurrentIndex(d.keep.findData(sti_id)) or QDialog.DialogCode.Accepted,
    )
    asked = answer(QMessageBox.StandardButton.Yes)
    before = store.db.execute("SELECT * FROM task_units ORDER BY task_id, unit_id").fetchall()
    select(view, FINANCE)
    view.merge_action.trigger()
    assert "1 task(s) move to “青岛市科学技术局”" in asked[0]
    assert names(view) == [STI]
    assert cell(view, STI, UnitCol.ALIASES).data() == FINANCE
    assert view.current_unit().id == sti_id
    view.ctx.undo_stack.undo()
    assert names(view) == [STI, FINANCE]
    after = store.db.execute("SELECT * FROM task_units ORDER BY task_id, unit_id").fetchall()
    assert after == before
    view.ctx.undo_stack.redo()
    assert names(view) == [STI]


def test_merge_answered_no_changes_nothing(view, answer):
    answer(QMessageBox.StandardButton.No)
    select(view, FINANCE)
    view.merge_current(keep_id=view.model.row_at(0).id)
    assert names(view) == [STI, FINANCE]
    assert view.ctx.undo_stack.count() == 0


def test_merge_dialog_finds_the_unit_by_part_of_its_name(view):
    gone, keep = view.model.row_at(1), view.model.row_at(0)
    dialog = MergeDialog(gone, [keep])
    dialog.keep.lineEdit().setText("科学技术")
    completer = dialog.keep.completer()
    completer.setCompletionPrefix("科学技术")
    assert completer.currentCompletion() == f"{STI}（市科技局）"
    assert dialog.keep_id() is None  # a part is not yet a choice
    dialog.keep.setEditText(completer.currentCompletion())
    assert dialog.keep_id() == keep.id


def test_delete_in_use_is_refused_without_asking(view, answer):
    asked = answer(QMessageBox.StandardButton.Yes)
    select(view, STI)
    view.delete_action.trigger()
    assert asked == []
    assert "still used by 1 task(s)" in view.messages[-1]
    assert names(view) == [STI, FINANCE]


def test_delete_unused_unit_after_confirmation_and_undo(view, answer):
    asked = answer(QMessageBox.StandardButton.Yes)
    view.add_unit({"name": "青岛市统计局"})
    select(view, "青岛市统计局")
    view.delete_action.trigger()
    assert "Delete unit “青岛市统计局”?" in asked[0]
    assert "青岛市统计局" not in names(view)
    view.ctx.undo_stack.undo()
    assert "青岛市统计局" in names(view)


def test_double_click_and_enter_open_the_units_tasks(view, qtbot):
    sti_id = view.model.row_at(0).id
    rect = view.table.visualRect(cell(view, STI, UnitCol.LEAD))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.unit_activated) as opened:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sti_id]
    select(view, FINANCE)
    view.table.setFocus()
    with qtbot.waitSignal(view.unit_activated) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.row_at(1).id]
    with qtbot.waitSignal(view.unit_activated) as opened:
        view.open_action.trigger()
    assert opened.args == [view.model.row_at(1).id]


def test_counts_follow_task_edits_announced_on_the_context(view, qtbot, small_plan):
    store, ids = small_plan
    from qdplanner.store.task_edits import set_task_units

    with store.action("table") as ch:
        set_task_units(store, ch, ids["ongoing"], ids["support"], [])
    view.ctx.tasks_changed.emit([ids["ongoing"]])
    qtbot.waitUntil(lambda: cell(view, FINANCE, UnitCol.LEAD).data() == 1)
    assert task_units(store, ids["ongoing"]) == (ids["support"], [])


def test_a_hidden_view_catches_up_when_shown(view, small_plan):
    store, ids = small_plan
    view.hide()
    with store.action("table") as ch:
        ch.update("units", ids["support"], {"short_name": "财政"})
    view.ctx.structure_changed.emit(None)
    assert cell(view, FINANCE, UnitCol.SHORT_NAME).data() == ""
    view.show()
    assert cell(view, FINANCE, UnitCol.SHORT_NAME).data() == "财政"


def test_rename_in_the_units_view_reaches_the_task_table(qtbot, small_plan):
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.models.task_table import Col

    store, _ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    units = UnitsView(window.plan_view.ctx, show_message=print)
    qtbot.addWidget(units)
    units.model.setData(cell(units, STI, UnitCol.SHORT_NAME), "科技局")
    leads = {
        window.plan_view.tasks.index(r, Col.LEAD).data()
        for r in range(window.plan_view.tasks.rowCount())
    }
    assert "科技局" in leads


def test_a_read_only_plan_shows_units_but_offers_no_edits(qtbot, small_plan):
    from qdplanner.store import PlanStore

    store, _ids = small_plan
    readonly = PlanStore.open(store.path, readonly=True)
    try:
        view = UnitsView(EditContext(readonly), show_message=print)
        qtbot.addWidget(view)
        assert names(view) == [STI, FINANCE]
        assert view.open_action.isEnabled()
        assert not any(a.isEnabled() for a in view.unit_actions()[1:])
        assert not view.model.flags(cell(view, STI, UnitCol.NAME)) & Qt.ItemFlag.ItemIsEditable
    finally:
        readonly.close()


def test_showing_a_units_tasks_from_the_window(qtbot, small_plan):
    from qdplanner.ui.main_window import MainWindow

    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    assert [window.plan_view.tabs.tabText(i) for i in range(4)] == [
        "Tasks",
        "Units",
        "Indicators",
        "History",
    ]
    window.plan_view.tabs.setCurrentIndex(1)
    window.plan_view.units_view.unit_activated.emit(ids["support"])
    assert window.plan_view.tabs.currentIndex() == 0
    titles = [row.title for row in window.plan_view.tasks.rows()]  # header lines left out
    assert titles == ["逾期任务"]
