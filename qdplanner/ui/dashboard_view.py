"""The indicator dashboard in the window: the cells of :mod:`qdplanner.reports.dashboard_cells`
painted with Qt, in a scrolling grid as wide as the window allows.

matplotlib draws the same cells for the report and for exports; here Qt's painter does, so
the dashboard shows without importing matplotlib (~0.5 s) or drawing 200 cells with it
(~1 s), each cell at its own size however many there are, and only the cells in view are
painted.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from qdplanner.domain import vocabulary
from qdplanner.reports.dashboard_cells import (
    CELL_MARGINS,
    CELL_SIZE,
    NO_DATA,
    TARGET_COLOUR,
    DashboardCell,
)

DPI = 100  # matplotlib's default: a cell is 260 × 200 px, as in an exported PNG at 100 dpi
CELL_W, CELL_H = round(CELL_SIZE[0] * DPI), round(CELL_SIZE[1] * DPI)
HEAD = 10  # px above the first row of cells
POINT = DPI / 72  # px per point (matplotlib sizes lines, markers and text in points)


def _colour(text: str, alpha: int = 255) -> QColor:
    colour = QColor(text)
    colour.setAlpha(alpha)
    return colour


def _star(centre: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star (matplotlib's ``*`` marker)."""
    from math import cos, pi, sin

    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.38
        angle = pi / 2 + i * pi / 5
        points.append(QPointF(centre.x() + r * cos(angle), centre.y() - r * sin(angle)))
    return QPolygonF(points)


class DashboardGrid(QWidget):
    """The cells, as many to a row as the width holds (at least one), 260 × 200 px or wider."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardGrid")
        self.setBackgroundRole(QPalette.ColorRole.Base)  # white, as a printed chart
        self.setAutoFillBackground(True)
        self.cells: list[DashboardCell] = []
        self.columns = 1
        self.title_font = QFont(self.font())
        self.title_font.setPixelSize(round(8 * POINT))
        self.small_font = QFont(self.font())
        self.small_font.setPixelSize(round(7 * POINT))

    def set_cells(self, cells: list[DashboardCell]) -> None:
        self.cells = cells
        self._fit()
        self.update()

    def _fit(self) -> None:
        self.columns = max(1, self.width() // CELL_W)
        rows = max(1, -(-len(self.cells) // self.columns))
        self.setMinimumHeight(HEAD + rows * CELL_H)

    def resizeEvent(self, event) -> None:
        columns = self.columns
        self._fit()
        if self.columns != columns:
            self.update()
        super().resizeEvent(event)

    def cell_rect(self, index: int) -> QRectF:
        """The whole cell of ``cells[index]`` (plot box, title and numbers line)."""
        r, c = divmod(index, self.columns)
        width = self.width() / self.columns
        return QRectF(c * width, HEAD + r * CELL_H, width, CELL_H)

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell at ``(x, y)``, or None."""
        if y < HEAD or not self.cells:
            return None
        column = min(int(x * self.columns / max(1, self.width())), self.columns - 1)
        index = int((y - HEAD) // CELL_H) * self.columns + column
        return index if 0 <= index < len(self.cells) else None

    def paintEvent(self, event) -> None:
        if not self.cells:
            return
        shown = event.rect()
        first = max(0, (shown.top() - HEAD) // CELL_H) * self.columns
        last = min(len(self.cells), (max(0, shown.bottom() - HEAD) // CELL_H + 1) * self.columns)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index in range(first, last):
            self._paint_cell(painter, self.cell_rect(index), self.cells[index])
        painter.end()

    def _paint_cell(self, painter: QPainter, rect: QRectF, cell: DashboardCell) -> None:
        left, right, top, bottom = CELL_MARGINS
        box = QRectF(
            rect.x() + left * rect.width(),
            rect.y() + top * rect.height(),
            (1 - left - right) * rect.width(),
            (1 - top - bottom) * rect.height(),
        )
        colour = _colour(cell.colour)
        painter.setPen(QPen(colour, 1.2 * POINT))
        painter.setBrush(_colour(cell.colour, 0x14))
        painter.drawRect(box)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("black"))
        painter.setFont(self.title_font)
        gap = 0.03 * box.height()
        painter.drawText(
            self._title_rect(rect, box, gap),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            self._title(painter.fontMetrics(), cell.title, box, gap, rect),
        )

        def placed(point: tuple[float, float]) -> QPointF:
            return QPointF(box.x() + point[0] * box.width(), box.bottom() - point[1] * box.height())

        if len(cell.target_path) > 1:
            pen = QPen(QColor(TARGET_COLOUR), 0.8 * POINT, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            path = QPainterPath(placed(cell.target_path[0]))
            for point in cell.target_path[1:]:
                path.lineTo(placed(point))
            painter.drawPath(path)
        if cell.target_point is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TARGET_COLOUR))
            painter.drawPolygon(_star(placed(cell.target_point), 3.5 * POINT))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if cell.actuals:
            points = [placed(p) for p in cell.actuals]
            painter.setPen(QPen(colour, 1.5 * POINT))
            if len(points) > 1:
                painter.drawPolyline(QPolygonF(points))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            for point in points:
                painter.drawEllipse(point, 1.5 * POINT, 1.5 * POINT)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(self.small_font)
        if cell.no_data:
            painter.setPen(QColor(vocabulary.colour(NO_DATA)))
            inside = box.adjusted(0, 0, 0, -0.05 * box.height())
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            painter.drawText(inside, flags, cell.no_data)
        if cell.numbers:
            painter.setPen(QColor("black"))
            below = QRectF(box.x(), box.bottom() + gap, rect.width(), rect.bottom() - box.bottom())
            painter.drawText(
                below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, cell.numbers
            )

    @staticmethod
    def _title_rect(rect: QRectF, box: QRectF, gap: float) -> QRectF:
        """Where a cell's title goes: inside its own cell, above the plot box (a title that
        went higher was cut by the cell above)."""
        return QRectF(box.x(), rect.y(), rect.right() - box.x(), box.y() - gap - rect.y())

    def _title(self, metrics, title: str, box: QRectF, gap: float, rect: QRectF) -> str:
        """The title in as many lines as the room above the box holds, the last one elided
        (the tooltip names the whole indicator)."""
        room = self._title_rect(rect, box, gap)
        fits = max(1, int(room.height() // metrics.lineSpacing()))
        width = int(room.width())
        words, lines = title.replace("\n", ""), []
        while words and len(lines) < fits - 1 and metrics.horizontalAdvance(words) > width:
            cut = len(words)
            while cut > 1 and metrics.horizontalAdvance(words[:cut]) > width:
                cut -= 1
            lines.append(words[:cut])
            words = words[cut:]
        lines.append(metrics.elidedText(words, Qt.TextElideMode.ElideRight, width))
        return "\n".join(lines)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            index = self.cell_at(event.pos().x(), event.pos().y())
            if index is None:
                QToolTip.hideText()
            else:
                cell = self.cells[index]
                text = f"{vocabulary.symbol(cell.light)} {cell.name}"
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)


class DashboardView(QScrollArea):
    """:class:`DashboardGrid` in a scroll area that gives it its width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.grid = DashboardGrid()
        self.setWidgetResizable(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no width jumps
        self.setWidget(self.grid)

    def set_cells(self, cells: list[DashboardCell]) -> None:
        self.grid.set_cells(cells)
