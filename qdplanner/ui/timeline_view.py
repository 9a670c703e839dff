"""The timeline beside the task table: the same rows, scrolled and selected together.

The pane draws the model's rows in the model's order (so the filter, the sort and the scope
apply), on the :class:`~qdplanner.reports.timeline_scene.TimelineScene` that paper and files
use too. It keeps no plan data of its own: the rows are the model's list, and milestones,
links and the baseline are re-read from the store when the context announces a change.
Dragging a bar (or either end) reschedules the task, snapped to the zoom, as one undo step
logged with source ``timeline``.

At a past date (View → As Of) the rows are the tasks as they stood then (bar colours and
filled parts from the progress reports of periods ended by then), a dashed line marks the
date, and a drag is refused with the reason.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.timeline import PIXELS_PER_DAY, Axis, Zoom, moved, snap, snap_end
from qdplanner.errors import QdError
from qdplanner.reports.timeline_scene import (
    HEADER_HEIGHT,
    ROW_HEIGHT,
    GroupBy,
    TimelineData,
    TimelineScene,
    axis_for,
)
from qdplanner.store.task_edits import capture_task_edit
from qdplanner.store.task_rows import TaskRow
from qdplanner.store.timeline import (
    latest_baseline,
    read_links,
    read_milestone_marks,
    read_stream_years,
)
from qdplanner.ui.as_of_dialog import no_record_text, refusal_text
from qdplanner.ui.commands import EditContext, edit_tasks
from qdplanner.ui.labels import LIGHT_SYMBOLS, light_label
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.task_table import Col, TaskTableModel
from qdplanner.ui.timeline_actions import TimelineActions
from qdplanner.ui.timeline_widgets import TimelineBody, TimelineHeader, legend_button

SCROLL_PAD = 400  # the timeline may scroll further than the table, never less far


class TimelinePane(QWidget):
    """A timeline following ``table`` (a QTableView over ``model``) row for row."""

    message = Signal(str)

    def __init__(
        self,
        ctx: EditContext,
        table: QTableView,
        model: TaskTableModel,
        *,
        language: str = "zh_CN",
        toolbar_inside: bool = True,
        parent: QWidget | None = None,
        closed: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("timelinePane")
        self.ctx, self.table, self.model, self.language = ctx, table, model, language
        # Closed (View → Timeline off, as at a first start): following the table's rows and
        # reading milestones, links and the baseline wait until the pane opens, or until
        # anything reads the scene (see :attr:`scene`), so opening a plan does not pay for them
        self._closed = closed
        self._pending: set[str] = set()
        self._catching_up = False
        self.as_of: date | None = None  # a past date shown (View → As Of)
        self.zoom = Zoom.QUARTER
        self.fitted = True  # the whole plan at first sight; zoom in from the toolbar
        self.range = self._default_range()
        axis = Axis(*self.range, PIXELS_PER_DAY[self.zoom])
        self._scene = TimelineScene(
            model.lines(), TimelineData(), axis, self.zoom, lang=language, parent=self
        )
        self.header = TimelineHeader(self)
        self.body = TimelineBody(self)
        self.body.setObjectName("timelineBody")
        self.actions_ = TimelineActions(self)
        self.toolbar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, table.frameWidth(), 0, 0)
        layout.setSpacing(0)
        if toolbar_inside:
            layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(self.body)

        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalScrollBar().valueChanged.connect(self._table_scrolled)
        self.body.horizontalScrollBar().valueChanged.connect(
            self.header.horizontalScrollBar().setValue
        )
        model.modelReset.connect(self._model_reset)
        model.layoutChanged.connect(self._rows_changed)
        model.rowsInserted.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        model.dataChanged.connect(self._data_changed)
        table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload_data)
        ctx.tasks_changed.connect(lambda _ids: self._reload_timer.start())
        ctx.structure_changed.connect(lambda _focus: self._reload_timer.start())
        self.reload_data()
        self._apply_axis()

    # -- put off while closed ------------------------------------------------------------------
    @property
    def scene(self) -> TimelineScene:
        """The scene drawn, up to date with the table and the plan (work put off while the
        pane was closed is done first)."""
        if self._pending and not self._catching_up:
            self._catch_up()
        return self._scene

    def set_open(self, on: bool) -> None:
        """The pane is shown (``on``) or closed; opening it does the work put off."""
        self._closed = not on
        if on and self._pending:
            self._catch_up()

    def _later(self, work: str) -> bool:
        """While closed, note ``work`` to do when the pane opens: True if put off."""
        if self._closed and not self._catching_up:
            self._pending.add(work)
            return True
        return False

    def _follow_height(self) -> None:
        """While closed, the body still scrolls as far as the table and follows it: its
        height is the lines' count, with no need of the scene."""
        height = len(self.model.lines()) * ROW_HEIGHT
        self.body.setSceneRect(0, 0, self._scene.axis.width, height + SCROLL_PAD)
        self._table_scrolled(self.table.verticalScrollBar().value())

    def _catch_up(self) -> None:
        pending, self._pending = self._pending, set()
        self._catching_up = True
        try:
            if "data" in pending:
                self.reload_data()
            if "reset" in pending:
                self._model_reset()  # range, rows and axis
            else:
                if "rows" in pending:
                    self._rows_changed()  # the selection too
                elif "selection" in pending:
                    self._table_selection_changed()
                if "axis" in pending:
                    self._apply_axis()
            if "scroll" in pending:
                self.scroll_to_date(self.as_of or self._scene.data.today)
        finally:
            self._catching_up = False

    # -- toolbar ----------------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self.tr("Timeline"))
        bar.setObjectName("timelineToolbar")
        self.zoom_group = QActionGroup(self)
        self.zoom_actions = {}
        for zoom, text in (
            (Zoom.YEAR, self.tr("Year")),
            (Zoom.QUARTER, self.tr("Quarter")),
            (Zoom.MONTH, self.tr("Month")),
        ):
            action = QAction(text, self, checkable=True)
            action.triggered.connect(lambda _=False, z=zoom: self.set_zoom(z))
            self.zoom_group.addAction(action)
            self.zoom_actions[zoom] = action
            bar.addAction(action)
        self.fit_action = QAction(self.tr("Fit"), self, checkable=True)
        self.fit_action.setToolTip(self.tr("Fit the whole range into the window"))
        self.fit_action.setChecked(self.fitted)
        self.fit_action.triggered.connect(self.fit)
        self.zoom_group.addAction(self.fit_action)
        bar.addAction(self.fit_action)
        bar.addSeparator()
        self.group_box = QComboBox()
        self.group_box.setObjectName("timelineGroupBy")
        for group, text in (
            (GroupBy.PROJECT, self.tr("Group by program / project")),
            (GroupBy.UNIT, self.tr("Group by lead unit")),
            (GroupBy.NONE, self.tr("No grouping")),
        ):
            self.group_box.addItem(text, group.value)
        self.group_box.currentIndexChanged.connect(
            lambda _i: self.set_group_by(GroupBy(self.group_box.currentData()))
        )
        self.scene.group_by = GroupBy.PROJECT
        bar.addWidget(self.group_box)
        self.legend_button = legend_button(self.scene, self.tr("Legend"))
        bar.addWidget(self.legend_button)
        bar.addSeparator()
        for action in self.actions_.actions():
            bar.addAction(action)
        return bar

    # -- following the table ------------------------------------------------------------------
    def _default_range(self) -> tuple[date, date]:
        """The plan documents' years of the rows shown (2022–2024 for the action plan)."""
        years = read_stream_years(self.ctx.store)
        span = years.span((r.program_id, r.project_id) for r in self.model.rows())
        first, last = span or (date.today().year, date.today().year)
        return date(first, 1, 1), date(last, 12, 31)

    def _model_reset(self) -> None:
        if self._later("reset"):
            self._follow_height()
            return
        self.range = self._default_range()
        self._rows_changed()
        self._apply_axis()

    def _rows_changed(self, *_args) -> None:
        if self._later("rows"):
            self._follow_height()
            return
        self.scene.set_lines(self.model.lines())  # tasks and group headers, as the table
        self._update_scene_rects()
        self._table_selection_changed()
        self._table_scrolled(self.table.verticalScrollBar().value())

    def reload_data(self) -> None:
        """Re-read milestones, links and the baseline (one query each)."""
        store = self.ctx.store
        if not store.is_open or self._later("data"):
            return
        self.scene.set_data(
            TimelineData(
                milestones=read_milestone_marks(store),
                links=read_links(store),
                baseline=latest_baseline(store),
                years=read_stream_years(store),
                today=date.today(),
                as_of=self.as_of,
            )
        )

    def set_as_of(self, day: date | None) -> None:
        """Mark ``day`` (a past date shown; the rows come from the model) with the dashed
        as-of line and bring it into view; None: today only."""
        self.as_of = day
        self.reload_data()
        if not self._later("scroll"):
            self.scroll_to_date(day or self.scene.data.today)

    def _table_scrolled(self, value: int) -> None:
        self.body.verticalScrollBar().setValue(value)

    def _data_changed(self, *_args) -> None:
        if not self._later("rows"):
            self.scene.rows_changed()

    def _table_selection_changed(self, *_args) -> None:
        if self._later("selection"):
            return
        lines: set[int] = set()
        for selected in self.table.selectionModel().selection():
            lines.update(range(selected.top(), selected.bottom() + 1))
        self.scene.set_selected(lines)

    def select_line(self, line: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        """Select the task of ``line`` in the table (Ctrl adds to the selection)."""
        flags = QItemSelectionModel.SelectionFlag.Rows
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            flags |= QItemSelectionModel.SelectionFlag.Toggle
        else:
            flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect
        # the leftmost visible column: selecting from the timeline must not scroll the
        # table sideways
        column = max(self.table.columnAt(1), 0)
        self.table.selectionModel().setCurrentIndex(self.model.index(line, column), flags)

    # -- axis -------------------------------------------------------------------------------
    def set_zoom(self, zoom: Zoom) -> None:
        self.zoom, self.fitted = zoom, False
        self.zoom_actions[zoom].setChecked(True)
        self._apply_axis()

    def zoom_step(self, step: int) -> None:
        order = [Zoom.YEAR, Zoom.QUARTER, Zoom.MONTH]
        index = min(max(order.index(self.zoom) + step, 0), len(order) - 1)
        self.set_zoom(order[index])

    def fit(self) -> None:
        self.fitted = True
        self.fit_action.setChecked(True)
        self._apply_axis()

    def _apply_axis(self) -> None:
        if self._later("axis"):
            return
        start, end = self.range
        if self.fitted:
            width = max(self.body.viewport().width() - 2, 100)
            axis, zoom = axis_for(start, end, width=width)
        else:
            axis, zoom = Axis(start, end, PIXELS_PER_DAY[self.zoom]), self.zoom
        self.scene.set_axis(axis, zoom)
        self._update_scene_rects()
        self.scroll_to_date(self.scene.data.as_of or self.scene.data.today)

    def scroll_to_date(self, day: date) -> None:
        """Show ``day`` a third of the way in (the range's start when ``day`` is outside it)."""
        axis = self.scene.axis
        x = axis.x(day) - self.body.viewport().width() / 3 if axis.start <= day <= axis.end else 0
        self.body.horizontalScrollBar().setValue(int(max(x, 0)))

    def _update_scene_rects(self) -> None:
        width = self.scene.axis.width
        self.header.setSceneRect(0, -HEADER_HEIGHT, width, HEADER_HEIGHT)
        self.body.setSceneRect(0, 0, width, self.scene.body_height + SCROLL_PAD)
        self._table_scrolled(self.table.verticalScrollBar().value())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self._apply_axis()

    def set_group_by(self, group_by: GroupBy) -> None:
        """Separate groups by a line; by lead unit, the table is sorted by lead unit too."""
        self.scene.group_by = group_by
        index = self.group_box.findData(group_by.value)
        if index != self.group_box.currentIndex():
            self.group_box.setCurrentIndex(index)
        if group_by == GroupBy.UNIT:
            self.table.sortByColumn(Col.LEAD, Qt.SortOrder.AscendingOrder)
        elif group_by == GroupBy.PROJECT:
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.scene.bars.update()

    @property
    def group_by(self) -> GroupBy:
        return self.scene.group_by

    # -- hover and drag ---------------------------------------------------------------------
    def tooltip_at(self, pos) -> str:
        hit = self.scene.hit(pos)
        if hit is None:
            return ""
        row = self.scene.lines[hit.line]
        if not isinstance(row, TaskRow):
            return ""
        axis = self.scene.axis
        for mark in self.scene.data.milestones.get(row.id, ()):
            day = mark.actual or mark.planned
            if day and abs(axis.x(day) + axis.px_per_day / 2 - pos.x()) <= 6:
                reached = mark.actual.isoformat() if mark.actual else "—"
                return (
                    self.tr("Milestone: %1\nPlanned: %2\nReached: %3")
                    .replace("%1", mark.title)
                    .replace("%2", mark.planned.isoformat() if mark.planned else "—")
                    .replace("%3", reached)
                )
        start = row.start_date.isoformat() if row.start_date else "—"
        due = row.due_date.isoformat() if row.due_date else (row.deadline_text or "—")
        lines = [
            row.title,
            self.tr("Dates: %1 – %2").replace("%1", start).replace("%2", due),
            self.tr("Lead unit: %1").replace("%1", row.lead_unit or "—"),
        ]
        if row.support_units:
            lines.append(self.tr("Supporting units: %1").replace("%1", row.support_units))
        lines.append(
            self.tr("Light: %1 %2 · %3%")
            .replace("%1", LIGHT_SYMBOLS[row.light])
            .replace("%2", light_label(row.light))
            .replace("%3", str(row.percent) if row.recorded else "—")
        )
        if self.as_of is not None and row.reported_period is not None:
            lines.append(
                self.tr("As it stood on %1, by the progress report for %2")
                .replace("%1", self.as_of.isoformat())
                .replace("%2", row.reported_period)
            )
        elif self.as_of is not None:
            lines.append(no_record_text(self.as_of))
        return "\n".join(lines)

    def dragged_dates(
        self, part: str, start: date | None, due: date | None, days: int
    ) -> tuple[date | None, date | None]:
        """Where a drag of ``days`` puts the dates, snapped to the zoom (never start > due)."""
        zoom = self.scene.zoom
        if part == "bar":
            if start is None:
                return start, snap_end(due + timedelta(days=days), zoom) if due else None
            new_start = snap(start + timedelta(days=days), zoom)
            return moved(start, due, (new_start - start).days)
        if part == "start" and start is not None:
            new_start = snap(start + timedelta(days=days), zoom)
            return (min(new_start, due) if due else new_start), due
        if part == "end" and due is not None:
            new_due = snap_end(due + timedelta(days=days), zoom)
            return start, (max(new_due, start) if start else new_due)
        return start, due

    def reschedule(self, line: int, start: date | None, due: date | None) -> bool:
        """Give the task of ``line`` new dates as one undoable, logged step."""
        row = self.scene.lines[line]
        if not isinstance(row, TaskRow):
            return False
        fields = {}
        if start != row.start_date and not (
            row.start_date is None and start == self.scene.effective_start(row)
        ):
            fields["start_date"] = start
        if due != row.due_date:
            fields["due_date"] = due
        if not fields:
            return False
        if self.as_of is not None:  # the rows are the past: not edited
            self.message.emit(refusal_text(self.as_of))
            return False
        text = self.tr("Reschedule “%1”").replace("%1", row.title)
        try:
            edit = capture_task_edit(self.ctx.store, row.id, fields)
        except QdError as exc:  # the task went away under the drag
            self.message.emit(user_message(exc))
            return False
        error = edit_tasks(self.ctx, text, [edit], ChangeSource.TIMELINE)
        if error:
            self.message.emit(error)
            return False
        return True


def attach_timeline(view) -> TimelinePane:
    """Put a timeline beside the task table of ``view``, a ``PlanView`` (View → Timeline,
    Ctrl+T, toggles it; hidden until the user first opens it).

    The table and the timeline share a splitter in the Tasks tab; the timeline's toolbar sits
    above both, and the table's header is as tall as the timeline's year/month header, so the
    rows line up.
    """
    existing = getattr(view, "timeline", None)
    if isinstance(existing, TimelinePane):  # attached once per plan view
        return existing
    table = view.table
    column = table.parentWidget().layout()
    position = column.indexOf(table)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("timelineSplitter")
    column.insertWidget(position, splitter)
    splitter.addWidget(table)
    # Hidden at a first start, so the table shows its light, unit and deadline columns;
    # Ctrl+T opens it, and the choice is remembered.
    visible = QSettings().value("timeline/visible", False, type=bool)
    pane = TimelinePane(
        view.ctx, table, view.tasks, language=view.language, toolbar_inside=False,
        closed=not visible,
    )  # fmt: skip
    splitter.addWidget(pane)
    splitter.setSizes([520, 480])
    column.insertWidget(position, pane.toolbar)
    column.setStretchFactor(splitter, 1)
    table.horizontalHeader().setFixedHeight(HEADER_HEIGHT)
    pane.message.connect(view.show_message)

    action = QAction(QCoreApplication.translate("TimelinePane", "&Timeline"), view, checkable=True)
    action.setShortcut(QKeySequence("Ctrl+T"))
    action.setChecked(visible)

    def show(on: bool) -> None:
        pane.set_open(on)
        pane.setVisible(on)
        pane.toolbar.setVisible(on)
        QSettings().setValue("timeline/visible", on)

    action.toggled.connect(show)
    show(visible)
    view.add_view_action(action)
    pane.toggle_action = action
    pane.splitter = splitter
    view.timeline = pane
    return pane


__all__ = ["TimelinePane", "attach_timeline"]
