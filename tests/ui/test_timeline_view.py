"""The timeline beside the task table: same rows, selection and scrolling both ways, dragging
a bar reschedules the task as one undo step logged from the timeline, zoom and grouping."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.timeline import PIXELS_PER_DAY, Zoom
from qdplanner.reports.timeline_scene import ROW_HEIGHT, GroupBy
from qdplanner.store.task_filter import TaskFilter
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col
from qdplanner.ui.timeline_view import TimelinePane, attach_timeline


@pytest.fixture(autouse=True)
def english(qapp):
    """Labels in English, whatever language an earlier test left installed (and after)."""
    from qdplanner.ui.i18n import install_language

    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


@pytest.fixture
def window(qtbot, small_plan):
    store, _ = small_plan
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    attach_timeline(window.plan_view)  # no-op: the plan view attached it itself
    window.plan_view.timeline.toggle_action.setChecked(True)  # hidden at a first start
    window.resize(1400, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def pane_of(window) -> TimelinePane:
    return window.plan_view.timeline


def bar_point(pane: TimelinePane, task_id: int, where: str = "middle") -> QPoint:
    """Where on the body's viewport a task's bar is (its middle, start or end)."""
    line = pane.scene.line_of(task_id)
    span = pane.scene.span(pane.scene.lines[line])
    x = {"middle": (span.x0 + span.x1) / 2, "start": span.x0 + 1, "end": span.x1 - 1}[where]
    return pane.body.mapFromScene(QPointF(x, line * ROW_HEIGHT + ROW_HEIGHT / 2))


def send_mouse(widget, kind: QEvent.Type, pos: QPoint, buttons=Qt.MouseButton.LeftButton):
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(
        kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def drag(pane: TimelinePane, start: QPoint, dx: int) -> None:
    viewport = pane.body.viewport()
    send_mouse(viewport, QEvent.Type.MouseButtonPress, start)
    send_mouse(viewport, QEvent.Type.MouseMove, start + QPoint(dx // 2, 0))
    send_mouse(viewport, QEvent.Type.MouseMove, start + QPoint(dx, 0))
    send_mouse(viewport, QEvent.Type.MouseButtonRelease, start + QPoint(dx, 0),
               Qt.MouseButton.NoButton)  # fmt: skip


def line_names(pane) -> list[str]:
    """The timeline's lines: task titles, and a program's or project's header line."""
    return [getattr(line, "title", None) or f"[{line.label}]" for line in pane.scene.lines]


def test_timeline_shows_the_tables_rows_in_order_and_follows_the_filter(window):
    pane = pane_of(window)
    assert line_names(pane) == ["[计划一]", "长期任务", "[工程一]", "逾期任务", "子任务"]
    assert pane.range == (date(2022, 1, 1), date(2024, 12, 31))  # the plan document's years
    window.plan_view.filter_bar.changed.emit(TaskFilter(text="逾期"))
    assert line_names(pane) == ["[工程一]", "逾期任务"]
    window.plan_view.filter_bar.changed.emit(TaskFilter())
    assert len(pane.scene.lines) == window.plan_view.tasks.rowCount() == 5


def test_rows_line_up_with_the_tables_rows(window):
    pane = pane_of(window)
    table_top = window.plan_view.table.viewport().mapTo(window, QPoint(0, 0)).y()
    body_top = pane.body.viewport().mapTo(window, QPoint(0, 0)).y()
    assert table_top == body_top
    assert window.plan_view.table.rowHeight(0) == ROW_HEIGHT


def test_selecting_a_row_highlights_its_bar_and_clicking_a_bar_selects_its_row(window, small_plan):
    _, ids = small_plan
    pane = pane_of(window)
    window.plan_view.table.selectRow(2)
    assert pane.scene.selected == {2}
    point = bar_point(pane, ids["late"])
    send_mouse(pane.body.viewport(), QEvent.Type.MouseButtonPress, point)
    send_mouse(pane.body.viewport(), QEvent.Type.MouseButtonRelease, point, Qt.MouseButton.NoButton)
    assert window.plan_view.table.currentIndex().row() == pane.scene.line_of(ids["late"])
    assert (
        window.plan_view.tasks.row_at(window.plan_view.table.currentIndex().row()).id == ids["late"]
    )
    assert pane.scene.selected == {pane.scene.line_of(ids["late"])}
    assert (
        window.plan_view.detail.task_id == ids["late"]
    )  # the detail panel follows, as for a table click


def test_dragging_a_bar_moves_both_dates_snapped_as_one_undo_step(window, small_plan):
    store, ids = small_plan
    pane = pane_of(window)
    pane.set_zoom(Zoom.QUARTER)
    depth = window.plan_view.ctx.undo_stack.count()
    # about two months later: the quarter view snaps to the 1st or the 16th
    drag(pane, bar_point(pane, ids["late"]), int(61 * PIXELS_PER_DAY[Zoom.QUARTER]))
    task = store.db["tasks"].get(ids["late"])
    assert (task["start_date"], task["due_date"]) == ("2022-03-01", "2023-02-28")
    assert window.plan_view.ctx.undo_stack.count() == depth + 1
    source, description = store.db.execute(
        "SELECT source, description FROM change_batches ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert source == "timeline" and "逾期任务" in description
    # the table shows the new dates (the model re-read the row)
    row = pane.scene.line_of(ids["late"])
    assert window.plan_view.tasks.index(row, Col.START).data() == "2022-03-01"
    window.plan_view.undo_action.trigger()
    task = store.db["tasks"].get(ids["late"])
    assert (task["start_date"], task["due_date"]) == ("2022-01-01", "2022-12-31")
    undo_source = store.db.execute(
        "SELECT source FROM change_batches ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert undo_source == "timeline"


def test_dragging_the_end_changes_only_the_due_date_to_a_month_end(window, small_plan):
    store, ids = small_plan
    pane = pane_of(window)
    pane.set_zoom(Zoom.YEAR)  # snaps to month boundaries
    drag(pane, bar_point(pane, ids["late"], "end"), int(95 * PIXELS_PER_DAY[Zoom.YEAR]))
    task = store.db["tasks"].get(ids["late"])
    assert (task["start_date"], task["due_date"]) == ("2022-01-01", "2023-03-31")


def test_dragging_a_start_past_the_due_date_stops_at_the_due_date(window):
    pane = pane_of(window)
    pane.set_zoom(Zoom.MONTH)
    assert pane.dragged_dates("start", date(2022, 1, 1), date(2022, 3, 31), 500) == (
        date(2022, 3, 31),
        date(2022, 3, 31),
    )
    assert pane.dragged_dates("end", date(2022, 1, 1), date(2022, 3, 31), -500) == (
        date(2022, 1, 1),
        date(2022, 1, 1),
    )


def test_a_read_only_plan_is_not_rescheduled_by_dragging(window, small_plan, monkeypatch):
    store, ids = small_plan
    pane = pane_of(window)
    monkeypatch.setattr(type(window.plan_view.ctx), "readonly", property(lambda self: True))
    drag(pane, bar_point(pane, ids["late"]), 200)
    assert store.db["tasks"].get(ids["late"])["start_date"] == "2022-01-01"


def test_zoom_and_fit_change_the_scale(window):
    pane = pane_of(window)
    pane.set_zoom(Zoom.MONTH)
    assert pane.scene.axis.px_per_day == PIXELS_PER_DAY[Zoom.MONTH]
    pane.set_zoom(Zoom.YEAR)
    assert pane.scene.axis.px_per_day == PIXELS_PER_DAY[Zoom.YEAR]
    pane.fit()
    assert abs(pane.scene.axis.width - pane.body.viewport().width()) <= 3
    assert pane.header.sceneRect().width() == pane.scene.axis.width


def test_grouping_by_lead_unit_sorts_the_table_and_the_timeline_alike(window):
    pane = pane_of(window)
    window.plan_view.group_rows.grouping.setChecked(False)  # no program / project lines
    pane.set_group_by(GroupBy.UNIT)
    titles = [
        window.plan_view.tasks.row_at(r).title for r in range(window.plan_view.tasks.rowCount())
    ]
    assert titles[0] == "逾期任务"  # the only task with a lead unit comes first
    assert [r.title for r in pane.scene.lines] == titles
    assert pane.scene.group_starts(0, 2) == [1]
    pane.set_group_by(GroupBy.PROJECT)
    assert [r.title for r in pane.scene.lines] == ["长期任务", "逾期任务", "子任务"]


def test_tooltip_names_title_dates_units_and_light(window, small_plan):
    _, ids = small_plan
    pane = pane_of(window)
    point = pane.body.mapToScene(bar_point(pane, ids["late"]))
    text = pane.tooltip_at(point)
    assert "逾期任务" in text and "2022-01-01 – 2022-12-31" in text
    assert "青岛市科学技术局" in text and "市财政局" in text
    late = pane.scene.lines[pane.scene.line_of(ids["late"])]
    assert late.light == StatusLight.RED and "■" in text


def test_saved_baseline_is_drawn_and_slips_are_listed(window, small_plan):
    store, ids = small_plan
    pane = pane_of(window)
    assert pane.actions_.save("approved")
    assert ids["late"] in pane.scene.data.baseline.dates
    drag(pane, bar_point(pane, ids["late"]), int(61 * pane.scene.axis.px_per_day))
    from qdplanner.store.timeline import slipped_tasks

    assert [s.task_id for s in slipped_tasks(store)] == [ids["late"]]


def test_exports_and_print_use_the_rows_shown(window, tmp_path):
    pane = pane_of(window)
    for name in ("t.pdf", "t.png", "t.svg"):
        assert pane.actions_.export_to(tmp_path / name) == 1
        assert (tmp_path / name).stat().st_size > 1000
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert pane.actions_.paint_on(printer) == 1


def test_scrolling_the_table_scrolls_the_timeline_and_the_wheel_scrolls_both(qtbot, sample_plan):
    window = MainWindow(sample_plan, language="en")
    qtbot.addWidget(window)
    pane = attach_timeline(window.plan_view)
    window.resize(1400, 600)
    window.show()
    qtbot.waitExposed(window)
    table_bar = window.plan_view.table.verticalScrollBar()
    assert table_bar.maximum() > 100
    table_bar.setValue(100)
    assert pane.body.verticalScrollBar().value() == 100
    table_bar.setValue(table_bar.maximum())
    assert pane.body.verticalScrollBar().value() == table_bar.maximum()
    window.plan_view.table.selectRow(40)
    assert pane.scene.selected == {40}
    table_bar.setValue(0)
    wheel = QWheelEvent(
        QPointF(50, 50), QPointF(pane.body.viewport().mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(pane.body.viewport(), wheel)
    assert table_bar.value() == 3 * ROW_HEIGHT  # one wheel step: three rows, both sides
    assert pane.body.verticalScrollBar().value() == 3 * ROW_HEIGHT


def test_the_timeline_is_attached_once_and_shares_the_tables_colours(window):
    from qdplanner.reports import timeline_style
    from qdplanner.ui import labels

    assert attach_timeline(window.plan_view) is window.plan_view.timeline
    assert window.findChildren(TimelinePane) == [window.plan_view.timeline]
    assert {k: c.name() for k, c in timeline_style.LIGHT_COLOURS.items()} == {
        k: labels.light_colour(k).name() for k in timeline_style.LIGHT_COLOURS
    }


def test_view_menu_toggles_the_timeline(window):
    pane = pane_of(window)
    assert pane.isVisible()
    pane.toggle_action.trigger()
    assert not pane.isVisible() and not pane.toolbar.isVisible()
    pane.toggle_action.trigger()
    assert pane.isVisible()


def test_links_are_made_and_removed_as_undo_steps_and_broken_ones_flagged(window, small_plan):
    from qdplanner.domain.timeline import link_broken
    from qdplanner.store.timeline import read_links

    store, ids = small_plan
    pane = pane_of(window)
    assert pane.actions_.link(ids["late"], ids["child"])
    assert [(k.predecessor_id, k.successor_id) for k in read_links(store)] == [
        (ids["late"], ids["child"])
    ]
    pane.reload_data()
    assert len(pane.scene._links) == 1
    late = pane.scene.lines[pane.scene.line_of(ids["late"])]
    child = pane.scene.lines[pane.scene.line_of(ids["child"])]
    assert link_broken(late.due_date, child.start_date)  # drawn red and dashed
    assert not pane.actions_.link(ids["child"], ids["late"])  # a loop is refused
    window.plan_view.undo_action.trigger()
    assert read_links(store) == []
    window.plan_view.redo_action.trigger()
    assert pane.actions_.unlink(read_links(store))
    assert read_links(store) == []
    menu = pane.actions_.link_menu(ids["child"], "子任务")
    assert [a.text() for a in menu.actions()][1] == "Remove the links of “子任务”"
