"""The task table's group header lines (one per program / project): how they look and fold.

The grouping and the tallies are the store's (:mod:`qdplanner.store.task_groups`), held by the
model (:class:`~qdplanner.ui.models.task_table.TaskTableModel`); here a header line is drawn
(``▾ 工程名 — 12 项任务  ✔ 2 ● 8 ▲ 1``, symbols in the lights' colours, :class:`TaskTableView`)
and folded — by a click on it, Space or Enter, ← and → — and View → Group by Program / Project
turns the header lines on or off (remembered), with Collapse / Expand All Groups.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QTableView

from qdplanner.domain.vocabulary import symbol
from qdplanner.ui.labels import light_colour
from qdplanner.ui.models.task_table import GROUP_BACKGROUND, TaskTableModel

GROUPING_KEY = "tasks/groupByStream"  # QSettings: header lines on (the default) or off


class TaskTableView(QTableView):
    """The task table; a group's header line is drawn across the whole width, over its
    (empty) cells: ``▾ 工程名 — 12 项任务  ✔ 2  ● 8  ▲ 1``, each light's symbol in its colour.

    Drawn after the cells, for the lines in view only, so it costs nothing per task, stays
    whole whichever columns are moved, hidden or scrolled, and keeps the lines' height (the
    timeline beside lines up with them)."""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if not isinstance(model, TaskTableModel) or not model.grouped:
            return
        viewport = self.viewport()
        first = self.rowAt(event.rect().top())
        last = self.rowAt(event.rect().bottom())
        if first < 0:
            return
        if last < 0:
            last = model.rowCount() - 1
        painter = None
        for row in range(first, last + 1):
            group = model.group_at(row)
            if group is None:
                continue
            if painter is None:
                painter = QPainter(viewport)
            self._paint_header(painter, model, group, row)
        if painter is not None:
            painter.end()

    def _paint_header(self, painter: QPainter, model: TaskTableModel, group, row: int) -> None:
        top, height = self.rowViewportPosition(row), self.rowHeight(row)
        band = QRect(0, top, self.viewport().width(), height)
        painter.fillRect(band, GROUP_BACKGROUND)
        painter.setPen(QColor("#b0b0b0"))
        painter.drawLine(band.bottomLeft(), band.bottomRight())
        if self.currentIndex().row() == row and self.hasFocus():
            painter.setPen(self.palette().highlight().color())
            painter.drawRect(band.adjusted(0, 0, -1, -1))
        bold = QFont(self.font())
        bold.setBold(True)
        x = 6  # the words stay at the left edge when the table is scrolled sideways
        baseline = top + (height + QFontMetrics(bold).ascent() - QFontMetrics(bold).descent()) // 2
        text = self.palette().text().color()
        parts = [("▾ " if not group.collapsed else "▸ ", None, False)]
        parts.append((group.label, None, True))
        parts.append(("  —  " + model.count_text(group), None, False))
        for light, count in group.lights:
            parts.append(("    " + symbol(light), light_colour(light), True))
            parts.append((f" {count}", None, False))
        for words, colour, strong in parts:
            font = bold if strong else self.font()
            painter.setFont(font)
            painter.setPen(colour or text)
            painter.drawText(QPoint(x, baseline), words)
            x += QFontMetrics(font).horizontalAdvance(words)


class GroupRows(QObject):
    """Folding and the View-menu entries of ``table``'s group header lines."""

    def __init__(self, table: QTableView, model: TaskTableModel, parent: QObject | None = None):
        super().__init__(parent)
        self.table, self.model = table, model
        model.set_grouping(QSettings().value(GROUPING_KEY, True, type=bool))
        table.clicked.connect(self._clicked)
        table.installEventFilter(self)

        self.grouping = QAction(self.tr("&Group by Program / Project"), self, checkable=True)
        self.grouping.setObjectName("groupByStreamAction")
        self.grouping.setStatusTip(
            self.tr("Show all tasks and a plan document's under a line per program or project")
        )
        self.grouping.setChecked(model.grouping)
        self.grouping.toggled.connect(self.set_grouping)
        self.collapse_all = QAction(self.tr("C&ollapse All Groups"), self)
        self.collapse_all.triggered.connect(lambda: self.model.set_all_collapsed(True))
        self.expand_all = QAction(self.tr("E&xpand All Groups"), self)
        self.expand_all.triggered.connect(lambda: self.model.set_all_collapsed(False))

    def actions(self) -> list[QAction]:
        return [self.grouping, self.collapse_all, self.expand_all]

    def set_grouping(self, on: bool) -> None:
        self.model.set_grouping(on)
        QSettings().setValue(GROUPING_KEY, on)
        self.table.scrollTo(self.table.currentIndex())

    def _clicked(self, index) -> None:
        if index.isValid():
            self.model.toggle_group(index.row())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            index = self.table.currentIndex()
            group = self.model.group_at(index.row()) if index.isValid() else None
            if group is None:
                return False
            key = event.key()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.model.set_collapsed(group.key, not group.collapsed)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                self.model.set_collapsed(group.key, key == Qt.Key.Key_Left)
                return True
        return False


__all__ = ["GROUPING_KEY", "GroupRows", "TaskTableView"]
