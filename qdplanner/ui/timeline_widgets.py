"""The two views of the timeline pane: the header bands and the rows (hover, click, drag)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPicture
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsView,
    QMenu,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
    QWidgetAction,
)

from qdplanner.reports.timeline_scene import HEADER_HEIGHT, ROW_HEIGHT
from qdplanner.store.task_rows import TaskRow

if TYPE_CHECKING:
    from qdplanner.ui.timeline_view import TimelinePane


class TimelineBody(QGraphicsView):
    """The rows: hover, click and drag; wheel scrolling goes to the table it follows."""

    def __init__(self, pane: TimelinePane):
        super().__init__(pane.scene)
        self.pane = pane
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlags(
            QGraphicsView.OptimizationFlag.DontSavePainterState
            | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing
        )
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setMouseTracking(True)
        self._drag: tuple | None = None

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.pane.tooltip_at(self.mapToScene(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def wheelEvent(self, event) -> None:
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            self.pane.zoom_step(1 if event.angleDelta().y() > 0 else -1)
            return
        if mods & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            return
        bar = self.pane.table.verticalScrollBar()
        bar.setValue(bar.value() - event.angleDelta().y() // 120 * 3 * ROW_HEIGHT)

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = self.mapToScene(event.position().toPoint())
        hit = self.pane.scene.hit(pos)
        if hit is None:
            return
        self.pane.select_line(hit.line, event.modifiers())
        row = self.pane.scene.lines[hit.line]
        if hit.part and isinstance(row, TaskRow) and not self.pane.ctx.readonly:
            start = self.pane.scene.effective_start(row)
            self._drag = (hit.line, hit.part, pos.x(), start, row.due_date, None)

    def contextMenuEvent(self, event) -> None:
        hit = self.pane.scene.hit(self.mapToScene(event.pos()))
        row = self.pane.scene.lines[hit.line] if hit else None
        if isinstance(row, TaskRow):
            self.pane.actions_.link_menu(row.id, row.title).exec(event.globalPos())

    def mouseMoveEvent(self, event) -> None:
        pos = self.mapToScene(event.position().toPoint())
        if self._drag is None:
            hit = self.pane.scene.hit(pos)
            part = hit.part if hit else None
            shape = {
                "start": Qt.CursorShape.SizeHorCursor,
                "end": Qt.CursorShape.SizeHorCursor,
                "bar": Qt.CursorShape.OpenHandCursor,
            }.get(part or "", Qt.CursorShape.ArrowCursor)
            self.viewport().setCursor(shape)
            return
        line, part, x0, start, due, _ = self._drag
        days = round((pos.x() - x0) / self.pane.scene.axis.px_per_day)
        new = self.pane.dragged_dates(part, start, due, days)
        self._drag = (line, part, x0, start, due, new)
        self.pane.scene.set_preview((line, *new))

    def mouseReleaseEvent(self, event) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        self.pane.scene.set_preview(None)
        line, _part, _x0, _start, _due, new = drag
        if new is not None:
            self.pane.reschedule(line, *new)


class TimelineHeader(QGraphicsView):
    """The year/quarter/month bands, scrolled sideways with the body."""

    def __init__(self, pane: TimelinePane):
        super().__init__(pane.scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(HEADER_HEIGHT)
        self.setInteractive(False)


class TimelineLegend(QWidget):
    """The legend of the window's timeline, for its toolbar: the lights' colours, symbols and
    hatching, milestones, baseline and the lines, drawn by the printed timeline's own
    :func:`qdplanner.reports.timeline_export.paint_legend` in the scene's language."""

    def __init__(self, scene, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineLegend")
        self.scene = scene
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._picture: QPicture | None = None
        self._size: QSize | None = None

    def picture(self) -> QPicture:
        if self._picture is None:
            from qdplanner.reports.timeline_export import paint_legend

            picture = QPicture()
            painter = QPainter(picture)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_legend(painter, self.scene, 0, 0)
            painter.end()
            self._picture = picture
        return self._picture

    def sizeHint(self) -> QSize:
        if self._size is None:  # what the legend inks (a picture's bounds miss its text)
            box = self.picture().boundingRect()
            image = QImage(box.right() + 400, box.bottom() + 8, QImage.Format.Format_ARGB32)
            image.fill(0)
            painter = QPainter(image)
            self.picture().play(painter)
            painter.end()
            data, line = bytes(image.constBits()), image.bytesPerLine()
            right = max(
                len(data[y * line : (y + 1) * line].rstrip(b"\0")) // 4
                for y in range(image.height())
            )
            self._size = QSize(right + 12, box.bottom() + 12)
        return self._size

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.translate(6, 6)
        self.picture().play(painter)
        painter.end()


def legend_button(scene, text: str) -> QToolButton:
    """A toolbar button that opens the :class:`TimelineLegend` under it (the toolbar is as
    narrow as the timeline: the legend itself would be pushed out of sight)."""
    button = QToolButton()
    button.setObjectName("timelineLegendButton")
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    action = QWidgetAction(menu)
    legend = TimelineLegend(scene, menu)
    legend.setContentsMargins(6, 6, 6, 6)
    action.setDefaultWidget(legend)
    menu.addAction(action)
    button.setMenu(menu)
    button.legend = legend
    return button
