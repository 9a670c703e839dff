"""The indicator dashboard in the window: the cells of :mod:`qdplanner.reports.dashboard_cells`
painted with Qt, in a scrolling grid as wide as the window allows.

Each cell is painted by :func:`qdplanner.reports.chart_paint.paint_cell`, as on the report's
chart pages: no matplotlib (~0.5 s to import, ~1 s to draw 200 cells; it draws the same cells
only for Export Charts…), each cell at its own size however many there are, and only the
cells in view are painted.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from qdplanner.domain import vocabulary
from qdplanner.reports.chart_paint import HEAD_IN, cell_fonts, chart_font, paint_cell
from qdplanner.reports.dashboard_cells import CELL_SIZE, DashboardCell

DPI = 100  # matplotlib's default: a cell is 260 × 200 px, as in an exported PNG at 100 dpi
CELL_W, CELL_H = round(CELL_SIZE[0] * DPI), round(CELL_SIZE[1] * DPI)
HEAD = round(HEAD_IN * DPI)  # px above the first row of cells
POINT = DPI / 72  # px per point (lines, markers and text are sized in points)


class DashboardGrid(QWidget):
    """The cells, as many to a row as the width holds (at least one), 260 × 200 px or wider."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardGrid")
        self.setBackgroundRole(QPalette.ColorRole.Base)  # white, as a printed chart
        self.setAutoFillBackground(True)
        self.cells: list[DashboardCell] = []
        self.columns = 1
        self.fonts = cell_fonts(chart_font(), POINT)  # as the report prints them

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
            paint_cell(painter, self.cell_rect(index), self.cells[index], self.fonts, POINT)
        painter.end()

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
