"""Dashboard cells painted with Qt: the window's dashboard and the report's chart pages.

What a cell shows is :mod:`qdplanner.reports.dashboard_cells`; how it looks is here, once,
for every painter: the window's (:class:`qdplanner.ui.dashboard_view.DashboardGrid`), the
PDF's page (vector lines and searchable text) and the picture the Word document embeds
(:meth:`ChartPage.image`). QtGui only: no widgets, no matplotlib (~0.5 s to import).

Sizes follow the matplotlib figure the Export Charts… command still draws: a cell is
:data:`~qdplanner.reports.dashboard_cells.CELL_SIZE` inches, lines, markers and text are
sized in points (``point``: device pixels per point), so a cell is 260 × 200 px at 100 dpi.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import cos, pi, sin

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from qdplanner.domain import vocabulary
from qdplanner.reports.dashboard_cells import (
    CELL_MARGINS,
    CELL_SIZE,
    NO_DATA,
    TARGET_COLOUR,
    DashboardCell,
)

HEAD_IN = 0.1  # inches above the first row of cells
TITLE_PT, SMALL_PT = 8, 7  # the title's and the numbers line's sizes, in points
BLACK = QColor("black")


@dataclass(frozen=True)
class CellFonts:
    """The two sizes a cell writes in, in the painter's pixels."""

    title: QFont
    small: QFont


def cell_fonts(base: QFont, point: float) -> CellFonts:
    """``base``'s family at the title's and the numbers line's sizes, ``point`` pixels a point."""
    title, small = QFont(base), QFont(base)
    title.setPixelSize(max(1, round(TITLE_PT * point)))
    small.setPixelSize(max(1, round(SMALL_PT * point)))
    return CellFonts(title, small)


def chart_font() -> QFont:
    """The charts' font, in the window and on paper, as matplotlib draws them: DejaVu Sans for
    digits, Latin letters and symbols (✔ ▲ ○ → ≥: CJK fonts lack ✔, Noto's SC draws ≥ as
    ⩾), else the CJK sans."""
    from qdplanner.reports.qt_fonts import cjk_font
    from qdplanner.reports.summary.fonts import SYMBOL_FALLBACK

    font = cjk_font(12)
    font.setFamilies([*dict.fromkeys([SYMBOL_FALLBACK, *font.families()])])
    return font


def _colour(text: str, alpha: int = 255) -> QColor:
    colour = QColor(text)
    colour.setAlpha(alpha)
    return colour


def _star(centre: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star (matplotlib's ``*`` marker)."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.38
        angle = pi / 2 + i * pi / 5
        points.append(QPointF(centre.x() + r * cos(angle), centre.y() - r * sin(angle)))
    return QPolygonF(points)


def plot_box(rect: QRectF) -> QRectF:
    """The plot box (frame, lines and dots) inside the whole cell ``rect``."""
    left, right, top, bottom = CELL_MARGINS
    return QRectF(
        rect.x() + left * rect.width(),
        rect.y() + top * rect.height(),
        (1 - left - right) * rect.width(),
        (1 - top - bottom) * rect.height(),
    )


def title_gap(box: QRectF) -> float:
    """The space between the plot box and the title above it (and the numbers below)."""
    return 0.03 * box.height()


def title_rect(rect: QRectF, box: QRectF, gap: float) -> QRectF:
    """Where a cell's title goes: inside its own cell, above the plot box (a title that
    went higher was cut by the cell above)."""
    return QRectF(box.x(), rect.y(), rect.right() - box.x(), box.y() - gap - rect.y())


def fitted_title(metrics: QFontMetrics, title: str, room: QRectF) -> str:
    """``title`` in as many lines as ``room`` holds, the last one elided (the window's
    tooltip names the whole indicator; the report's indicator table does)."""
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


def paint_cell(
    painter: QPainter, rect: QRectF, cell: DashboardCell, fonts: CellFonts, point: float
) -> None:
    """Paint ``cell`` into ``rect`` (the whole cell: title, plot box and numbers line);
    ``point`` is the painter's pixels per point (lines and markers are sized in points)."""
    box = plot_box(rect)
    colour = _colour(cell.colour)
    painter.setPen(QPen(colour, 1.2 * point))
    painter.setBrush(_colour(cell.colour, 0x14))
    painter.drawRect(box)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(BLACK)
    painter.setFont(fonts.title)
    gap = title_gap(box)
    room = title_rect(rect, box, gap)
    painter.drawText(
        room,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
        fitted_title(painter.fontMetrics(), cell.title, room),
    )

    def placed(point_in_box: tuple[float, float]) -> QPointF:
        x, y = point_in_box
        return QPointF(box.x() + x * box.width(), box.bottom() - y * box.height())

    if len(cell.target_path) > 1:
        painter.setPen(QPen(QColor(TARGET_COLOUR), 0.8 * point, Qt.PenStyle.DashLine))
        path = QPainterPath(placed(cell.target_path[0]))
        for p in cell.target_path[1:]:
            path.lineTo(placed(p))
        painter.drawPath(path)
    if cell.target_point is not None:  # a star 6 pt across with a 1 pt edge, as matplotlib's
        target = QColor(TARGET_COLOUR)
        edge = QPen(target, 1.0 * point)
        edge.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
        painter.setPen(edge)
        painter.setBrush(target)
        painter.drawPolygon(_star(placed(cell.target_point), 3.0 * point))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    if cell.actuals:
        points = [placed(p) for p in cell.actuals]
        if len(points) > 1:
            painter.setPen(QPen(colour, 1.5 * point))
            painter.drawPolyline(QPolygonF(points))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for p in points:  # dots 3 pt across with a 1 pt edge, as matplotlib's
            painter.drawEllipse(p, 2.0 * point, 2.0 * point)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setFont(fonts.small)
    if cell.no_data:  # compact: no numbers line, so "no data" inside the box
        painter.setPen(QColor(vocabulary.colour(NO_DATA)))
        inside = box.adjusted(0, 0, 0, -0.05 * box.height())
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        painter.drawText(inside, flags, cell.no_data)
    if cell.numbers:
        painter.setPen(BLACK)
        below = QRectF(
            box.x(), box.bottom() + gap, rect.right() - box.x(), rect.bottom() - box.bottom()
        )
        painter.drawText(
            below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, cell.numbers
        )


@dataclass(frozen=True)
class ChartPage:
    """Small multiples on a page of the report: ``cells`` in rows of ``columns``, each
    :data:`CELL_SIZE` inches at full size, :data:`HEAD_IN` above the first row."""

    cells: tuple[DashboardCell, ...]
    columns: int = 4

    @property
    def rows(self) -> int:
        return max(1, -(-len(self.cells) // self.columns))

    def size_inches(self) -> tuple[float, float]:
        return CELL_SIZE[0] * self.columns, CELL_SIZE[1] * self.rows + HEAD_IN

    def pixel_size(self, dpi: float) -> tuple[int, int]:
        width, height = self.size_inches()
        return round(width * dpi), round(height * dpi)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the cells into ``rect`` (the page's size scaled to fit; text stays text)."""
        width, height = self.size_inches()
        inch = min(rect.width() / width, rect.height() / height)  # pixels an inch
        fonts = cell_fonts(chart_font(), inch / 72)
        cell_w, cell_h = CELL_SIZE[0] * inch, CELL_SIZE[1] * inch
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for index, cell in enumerate(self.cells):
            r, c = divmod(index, self.columns)
            y = rect.y() + HEAD_IN * inch + r * cell_h
            paint_cell(painter, QRectF(rect.x() + c * cell_w, y, cell_w, cell_h), cell, fonts,
                       inch / 72)  # fmt: skip
        painter.restore()

    def image(self, size: tuple[int, int]) -> QImage:
        """The page as a picture of ``size`` pixels on white (for a format that takes
        pictures: the Word document)."""
        image = QImage(*size, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        self.paint(painter, QRectF(0, 0, *size))
        painter.end()
        return image
