"""The History view: the change log in a read-only table, with its filters."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from qdplanner.store.task_edits import update_task
from qdplanner.ui.commands import EditContext
from qdplanner.ui.history_view import INVALID_STYLE, HistoryView
from qdplanner.ui.models.history_table import HistoryCol
from qdplanner.ui.units_view import UnitsView


@pytest.fixture
def view(qtbot, small_plan):
    store, ids = small_plan
    store.user = "alice"
    with store.action("table", "edit status") as ch:
        update_task(store, ch, ids["ongoing"], {"status": "suspended"})
    v = HistoryView(EditContext(store))
    qtbot.addWidget(v)
    v.show()
    return v


def column(view, col: HistoryCol) -> list[str]:
    m = view.model
    return [m.index(r, col).data() for r in range(m.rowCount())]


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_shows_the_log_newest_first_with_old_and_new_values(view, small_plan):
    store, _ids = small_plan
    total = store.db["change_log"].count
    assert view.model.rowCount() == total
    first = [view.model.index(0, c).data() for c in HistoryCol]
    assert first[1:] == [
        "alice",
        "Table",
        "edit status",
        "Task",
        "长期任务",
        "Status",
        "In progress",
        "Suspended",
    ]
    assert f"{total} change(s)" == view.status.text()


def test_the_table_is_read_only(view):
    index = view.model.index(0, HistoryCol.NEW)
    assert not view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert view.table.editTriggers() == view.table.EditTrigger.NoEditTriggers


def test_filter_by_record_type_and_user(view):
    choose(view.entity, "units")
    assert set(column(view, HistoryCol.ENTITY)) == {"Unit"}
    assert set(column(view, HistoryCol.FIELD)) == {"(added)"}
    choose(view.entity, None)
    choose(view.user, "alice")
    assert column(view, HistoryCol.DESCRIPTION) == ["edit status"]


def test_filter_by_unit_and_text(view, qtbot, small_plan):
    _store, ids = small_plan
    choose(view.unit, ids["support"])
    records = set(column(view, HistoryCol.RECORD))
    assert "市财政局" in records and "逾期任务 · 市财政局" in records
    assert "长期任务" not in records  # a task it has nothing to do with
    choose(view.unit, None)
    view.text.setText("长期")
    qtbot.waitUntil(lambda: set(column(view, HistoryCol.RECORD)) == {"长期任务"})


def test_dates_filter_by_local_day_and_a_bad_date_is_marked_not_applied(view, qtbot):
    everything = view.model.rowCount()
    view.date_from.setText(date.today().isoformat())
    qtbot.waitUntil(lambda: view.model.rowCount() == everything)
    view.date_to.setText("2001-01-01")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    view.date_to.setText("2001-13-01")
    qtbot.waitUntil(lambda: view.model.rowCount() == everything)
    assert view.date_to.styleSheet() == INVALID_STYLE
    view.date_to.clear()
    qtbot.waitUntil(lambda: view.date_to.styleSheet() == "")


def test_follows_edits_made_in_other_views(view, qtbot):
    units = UnitsView(view.ctx, show_message=print)
    qtbot.addWidget(units)
    units.model.setData(units.model.index(1, 0), "青岛市财政局")
    qtbot.waitUntil(lambda: column(view, HistoryCol.NEW)[0] == "青岛市财政局")
    assert column(view, HistoryCol.OLD)[0] == "市财政局"
    assert column(view, HistoryCol.DESCRIPTION)[0] == "Rename unit “市财政局”"
    view.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: column(view, HistoryCol.DESCRIPTION)[0].startswith("Undo:"))


def test_new_users_and_record_types_appear_in_the_filters(view, small_plan):
    store, ids = small_plan
    assert view.user.findData("bob") == -1
    store.user = "bob"
    with store.action("form", "notes") as ch:
        update_task(store, ch, ids["late"], {"notes": "跟进"})
    view.refresh()
    assert view.user.findData("bob") > 0
    choose(view.user, "bob")
    view.refresh()  # a refresh keeps the chosen filter
    assert view.user.currentData() == "bob"
    assert column(view, HistoryCol.NEW) == ["跟进"]


def test_sorting_by_column(view):
    view.table.sortByColumn(HistoryCol.WHEN, Qt.SortOrder.AscendingOrder)
    ids = [view.model.row_at(r).id for r in range(view.model.rowCount())]
    assert ids == sorted(ids)
    view.table.sortByColumn(HistoryCol.USER, Qt.SortOrder.DescendingOrder)
    users = column(view, HistoryCol.USER)
    assert users == sorted(users, reverse=True) and "alice" in users


def test_a_whole_record_reads_field_by_field_in_words_never_as_json(view):
    choose(view.entity, "tasks")
    rows = range(view.model.rowCount())
    added = [
        view.model.index(r, HistoryCol.NEW).data()
        for r in rows
        if view.model.index(r, HistoryCol.FIELD).data() == "(added)"
    ]
    late = next(text for text in added if "逾期任务" in text)
    assert "Title: 逾期任务" in late and "Status: In progress" in late
    assert "Progress %: 50" in late and "Deadline: 2022年底前" in late
    assert not any("{" in text or "_" in text for text in added)


def test_actions_other_layers_name_in_english_read_in_the_window_language():
    from qdplanner.ui.models.history_words import action_text

    assert action_text("undo: sample plan qingdao.json") == "Undo: Sample plan qingdao.json"
    assert action_text("import of returned progress: a.xlsx and 3 more") == (
        "Import of returned progress: a.xlsx and 3 more"
    )
    assert action_text("Rename unit “市财政局”") == "Rename unit “市财政局”"
