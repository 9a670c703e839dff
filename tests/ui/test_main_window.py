"""The first window: outline tree, task table of the chosen node, status bar, remembered state."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import DEPTH_ROLE, Col


def select_scope(window: MainWindow, scope: Scope) -> None:
    index = window.plan_view._find_scope(scope)
    assert index is not None, scope
    window.plan_view.tree.setCurrentIndex(index)


def column(window: MainWindow, col: Col, role=Qt.ItemDataRole.DisplayRole) -> list:
    """A column's cells on the tasks' lines (not the programs' and projects' header lines)."""
    model = window.plan_view.tasks
    return [model.index(r, col).data(role) for r in range(model.rowCount()) if model.row_at(r)]


def test_window_opens_on_all_tasks_in_plan_order(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    assert window.plan_view.current_scope() == Scope(ScopeKind.ALL)
    # the program's task first (programs before projects), then the project's, sub-task last
    assert column(window, Col.TITLE) == ["长期任务", "逾期任务", "子任务"]
    assert column(window, Col.TITLE, DEPTH_ROLE) == [0, 0, 1]


def test_choosing_a_project_shows_only_its_tasks_with_units(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    select_scope(window, Scope(ScopeKind.PROJECT, ids["project"]))
    assert column(window, Col.TITLE) == ["逾期任务", "子任务"]
    assert column(window, Col.LEAD)[0] == "市科技局"  # the short name offices use
    assert (
        window.plan_view.tasks.index(0, Col.LEAD).data(Qt.ItemDataRole.ToolTipRole)
        == "青岛市科学技术局"
    )
    assert column(window, Col.SUPPORT)[0] == "市财政局"
    assert column(window, Col.DUE)[0] == "2022-12-31"
    assert column(window, Col.DEADLINE)[0] == "2022年底前"


def test_overdue_task_shows_red_light_in_words_not_colour_alone(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    lights = dict(zip(column(window, Col.TITLE), column(window, Col.LIGHT), strict=True))
    assert "Overdue" in lights["逾期任务"]
    assert "Done" in lights["子任务"]
    assert "ongoing" in lights["长期任务"]


def test_status_bar_names_the_file_and_counts(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    assert str(store.path) in window.plan_view.file_label.text()
    assert "3 tasks" in window.plan_view.counts_label.text()
    assert "2 units" in window.plan_view.counts_label.text()


def test_sorting_by_due_date_happens_in_the_model(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.group_rows.grouping.setChecked(False)  # one list (grouped: within groups)
    window.plan_view.table.sortByColumn(Col.DUE, Qt.SortOrder.DescendingOrder)
    assert column(window, Col.DUE) == ["2024-12-31", "2022-12-31", ""]


def test_window_state_is_remembered(qtbot, small_plan):
    store, _ = small_plan
    first = MainWindow(store, language="en")
    qtbot.addWidget(first)
    first.resize(first.minimumSizeHint().width() + 1, 520)  # the offscreen screen is 800×600
    first.plan_view.table.setColumnWidth(Col.TITLE, 333)
    first.show()
    width = first.width()
    first.close()
    second = MainWindow(store, language="en")
    qtbot.addWidget(second)
    assert second.plan_view.table.columnWidth(Col.TITLE) == 333
    assert second.size().height() == 520
    # the width as left, fitted to the screen (the offscreen one is 800 px wide, a little
    # less than the window's least width)
    fitted = min(width, second.screen().availableGeometry().width())
    assert abs(second.size().width() - fitted) <= 2


def test_as_of_date_drives_the_lights(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.tasks.load(
        store, Scope(ScopeKind.PROJECT, ids["project"]), as_of=date(2022, 1, 2)
    )
    assert "On track" in column(window, Col.LIGHT)[0]


def test_hidden_columns_stay_hidden_next_time(qtbot, small_plan):
    store, _ = small_plan
    first = MainWindow(store, language="en")
    qtbot.addWidget(first)
    notes = next(a for a in first.plan_view.column_menu().actions() if a.text() == "Notes")
    notes.setChecked(False)
    assert first.plan_view.table.horizontalHeader().isSectionHidden(Col.NOTES)
    first.close()
    second = MainWindow(store, language="en")
    qtbot.addWidget(second)
    assert second.plan_view.table.horizontalHeader().isSectionHidden(Col.NOTES)
    title = next(a for a in second.plan_view.column_menu().actions() if a.text() == "Task")
    assert not title.isEnabled()


def test_other_tabs_are_built_when_first_shown_and_show_what_happened_before(qtbot, small_plan):
    from qdplanner.ui.history_view import HistoryView

    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    view = window.plan_view
    history_tab = view.tabs.widget(3)
    assert view.tabs.tabText(3) == "History"
    assert history_tab.findChild(HistoryView) is None  # not built with the window
    # An edit made before the tab is ever opened…
    model = view.tasks
    first = model.row_of_task(model.rows()[0].id)  # below its program's header line
    assert model.setData(model.index(first, Col.PERCENT), 40, Qt.ItemDataRole.EditRole)
    view.tabs.setCurrentIndex(3)
    history = history_tab.findChild(HistoryView)
    assert history is view.history_view
    # …is listed when it is.
    fields = [history.model.index(r, c).data() for r in range(history.model.rowCount())
              for c in range(history.model.columnCount())]  # fmt: skip
    assert "40" in " ".join(str(f) for f in fields)


def test_a_closed_window_leaves_no_late_signal_behind(qtbot, small_plan, capfd):
    """A window closed right after it painted (a plan replaced at once) must not fire its
    first-painted signal from a deleted object: PySide prints an error for that."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    store, _ = small_plan
    window = MainWindow(store, language="en")
    window.show()
    QApplication.processEvents()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(20)
    assert "Signal source has been deleted" not in capfd.readouterr().err
