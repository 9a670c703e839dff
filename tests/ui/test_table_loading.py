"""What the window reads late to open faster still reaches the user: descriptions for the
search box, the timeline's rows when it is opened."""

from __future__ import annotations

from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col


def titles(window) -> list[str]:
    m = window.plan_view.tasks
    return [m.index(r, Col.TITLE).data() for r in range(m.rowCount()) if m.row_at(r)]


def test_the_search_box_finds_a_task_by_its_description(qtbot, small_plan):
    store, ids = small_plan
    store.db.execute("UPDATE tasks SET description = '对接省级平台' WHERE id = ?", [ids["ongoing"]])
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    window.plan_view.filter_bar.search.setText("省级平台")
    assert titles(window) == ["长期任务"]


def test_a_timeline_opened_after_filtering_shows_the_rows_the_table_shows(qtbot, small_plan):
    store, ids = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    view = window.plan_view
    assert not view.timeline.toggle_action.isChecked()  # closed at a first start
    view.filter_bar.search.setText("任务")
    view.tasks.sort(Col.TITLE)
    view.timeline.toggle_action.setChecked(True)
    scene = view.timeline.scene
    assert list(scene.lines) == list(view.tasks.lines())
    assert scene.line_of(ids["late"]) == view.tasks.row_of_task(ids["late"])
    view.filter_bar.search.setText("逾期")  # and it follows the table from then on
    assert list(view.timeline.scene.lines) == list(view.tasks.lines())
