"""The items of the timeline scene: the header bands, the title column, the bars.

Each paints only the rows inside the rectangle it is asked for (the view's exposed part, or
the page's clip when the scene is rendered on paper), so a frame costs what is visible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from qdplanner.domain import vocabulary
from qdplanner.domain.timeline import Axis, bands, header_units, link_broken
from qdplanner.errors import N_
from qdplanner.reports.timeline_style import (
    AS_OF,
    BAND_HEIGHT,
    BAR_HEIGHT,
    BROKEN_LINK,
    GRID,
    HEADER_HEIGHT,
    INDENT,
    LIGHT_COLOURS,
    LIGHT_PATTERNS,
    LINK,
    ROW_HEIGHT,
    SELECTED,
    TODAY,
    timeline_word,
)
from qdplanner.store.task_rows import TaskRow

if TYPE_CHECKING:
    from qdplanner.reports.timeline_scene import Span, TimelineScene


def _visible(item: QGraphicsItem, painter: QPainter, option) -> QRectF:
    """The part of ``item`` to paint: the exposed rectangle, cut to the painter's clip (a
    printed page renders a slice of the scene, and QGraphicsScene.render exposes it all)."""
    rect = option.exposedRect  # empty when none of the item shows (the header's view)
    if painter.hasClipping():
        clip = painter.clipBoundingRect()
        if not clip.isEmpty():
            rect = rect.intersected(clip)
    return rect


def _rows_in(scene: TimelineScene, rect: QRectF) -> range:
    first = max(int(rect.top() // ROW_HEIGHT), 0)
    last = min(int(rect.bottom() // ROW_HEIGHT), len(scene.lines) - 1)
    return range(first, last + 1)


class _SceneItem(QGraphicsItem):
    def __init__(self, scene: TimelineScene):
        super().__init__()
        self.timeline = scene
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)


class HeaderItem(_SceneItem):
    """Two rows of bands (year/quarter, year/month or quarter/month by zoom) above the axis."""

    def boundingRect(self) -> QRectF:
        return QRectF(0, -HEADER_HEIGHT, self.timeline.axis.width, HEADER_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.timeline
        axis = scene.axis
        rect = _visible(self, painter, option)
        painter.fillRect(self.boundingRect(), QColor("#f3f3f3"))
        painter.setFont(scene.small_font)
        metrics = QFontMetricsF(scene.small_font)
        for level, unit in enumerate(header_units(scene.zoom)):
            top = -HEADER_HEIGHT + level * BAND_HEIGHT
            cells = bands(axis, unit, lang=scene.lang)
            form = _label_form(cells, axis, metrics)
            for band in cells:
                x0, x1 = axis.x(band.start), axis.x_end(band.end)
                if x1 < rect.left() or x0 > rect.right():
                    continue
                cell = QRectF(x0, top, x1 - x0, BAND_HEIGHT)
                painter.setPen(QPen(GRID, 0))
                painter.drawRect(cell)
                if form is not None:
                    painter.setPen(QColor("#333333"))
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, _shorter(band.label)[form])
        for day, colour in ((scene.data.today, TODAY), (scene.data.as_of, AS_OF)):
            if day and axis.start <= day <= axis.end:
                x = axis.x(day) + axis.px_per_day / 2
                path = QPainterPath(QPointF(x - 5, -7))
                path.lineTo(x + 5, -7)
                path.lineTo(x, 0)
                path.closeSubpath()
                painter.fillPath(path, colour)


def _label_form(cells, axis: Axis, metrics: QFontMetricsF) -> int | None:
    """The longest form of the labels that fits every full cell of a header row (the same
    form for all, so a row never mixes 2022年第3季度 and Q1); None when none fits."""
    full = [c for c in cells if c.start.day == 1] or cells
    for form in range(3):
        if all(
            metrics.horizontalAdvance(_shorter(c.label)[form])
            <= axis.x_end(c.end) - axis.x(c.start) - 2
            for c in full
        ):
            return form
    return None


def _shorter(label: str) -> list[str]:
    """A band's label, then shorter forms of it for narrow cells (2022年第3季度 → Q3 → 3)."""
    digits = "".join(c for c in label if c.isdigit())
    forms = [label]
    if "季度" in label or label.startswith("Q"):
        quarter = label.split("第")[-1][:1] if "第" in label else label[1:2]
        forms += [f"Q{quarter}", quarter]
    elif label.endswith("月"):
        forms.append(digits)
    elif len(digits) == 4:  # a year
        forms += [digits, f"'{digits[2:]}"]
    else:  # an English month name
        forms.append(label[:1])
    return (forms + [forms[-1]] * 2)[:3]


class TitlesItem(_SceneItem):
    """On paper: the task titles (code, title, indented by depth), group rows in bold."""

    def boundingRect(self) -> QRectF:
        scene = self.timeline
        return QRectF(-scene.title_width, -HEADER_HEIGHT, scene.title_width, HEADER_HEIGHT
                      + scene.body_height)  # fmt: skip

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.timeline
        rect = _visible(self, painter, option)
        left, width = -scene.title_width, scene.title_width
        head = QRectF(left, -HEADER_HEIGHT, width, HEADER_HEIGHT)
        painter.fillRect(head, QColor("#f3f3f3"))
        painter.setPen(QPen(GRID, 0))
        painter.drawRect(head)
        painter.setPen(QColor("#333333"))
        painter.setFont(scene.bold_font)
        painter.drawText(head.adjusted(6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                         timeline_word(scene.lang, N_("Timeline", "Task")))  # fmt: skip
        metrics = QFontMetricsF(scene.font)
        bold_metrics = QFontMetricsF(scene.bold_font)
        for i in _rows_in(scene, rect):
            line = scene.lines[i]
            cell = QRectF(left, i * ROW_HEIGHT, width, ROW_HEIGHT)
            if not isinstance(line, TaskRow):  # a group's header line
                painter.fillRect(cell, QColor("#e4e4e4"))
                painter.setFont(scene.bold_font)
                text = bold_metrics.elidedText(line.label, Qt.TextElideMode.ElideRight,
                                               width - 12)  # fmt: skip
            else:
                painter.setFont(scene.font)
                indent = 6 + INDENT * line.depth
                label = f"{line.code} {line.title}" if line.code else line.title
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - indent - 6)
                cell = cell.adjusted(indent - 6, 0, 0, 0)
            painter.setPen(QColor("#222222"))
            painter.drawText(cell.adjusted(6, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, text)
            painter.setPen(QPen(GRID, 0))
            painter.drawLine(QPointF(left, (i + 1) * ROW_HEIGHT), QPointF(0, (i + 1) * ROW_HEIGHT))
        painter.drawLine(QPointF(0, rect.top()), QPointF(0, rect.bottom()))


class BarsItem(_SceneItem):
    """Every row's bar, baseline, milestones; the grid, today and as-of lines; the links."""

    def boundingRect(self) -> QRectF:
        scene = self.timeline
        return QRectF(0, 0, scene.axis.width, max(scene.body_height, 1))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.timeline
        rect = _visible(self, painter, option).intersected(self.boundingRect())
        if rect.isEmpty():
            return
        rows = _rows_in(scene, rect)
        if not rows:
            return
        top, bottom = rows.start * ROW_HEIGHT, rows.stop * ROW_HEIGHT
        self._paint_grid(painter, rect, rows, top, bottom)
        for i in rows:
            line = scene.lines[i]
            y = i * ROW_HEIGHT
            if not isinstance(line, TaskRow):  # a group's header line
                painter.fillRect(QRectF(rect.left(), y, rect.width(), ROW_HEIGHT),
                                 QColor("#e4e4e4"))  # fmt: skip
                continue
            if i in scene.selected:
                painter.fillRect(QRectF(rect.left(), y, rect.width(), ROW_HEIGHT), SELECTED)
            self._paint_row(painter, line, i, y)
        self._paint_links(painter, rect, top, bottom)
        for day, colour, style in (
            (scene.data.today, TODAY, Qt.PenStyle.SolidLine),
            (scene.data.as_of, AS_OF, Qt.PenStyle.DashLine),
        ):
            if day and scene.axis.start <= day <= scene.axis.end:
                x = scene.axis.x(day) + scene.axis.px_per_day / 2
                painter.setPen(QPen(colour, 1.5, style))
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    def _paint_grid(self, painter: QPainter, rect: QRectF, rows: range, top, bottom) -> None:
        scene = self.timeline
        axis = scene.axis
        painter.setPen(QPen(GRID, 0))
        for band in bands(axis, header_units(scene.zoom)[1], lang=scene.lang):
            x = axis.x(band.start)
            if rect.left() <= x <= rect.right():
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        painter.setPen(QPen(QColor("#546e7a"), 2))
        for i in scene.group_starts(rows.start, rows.stop - 1):
            painter.drawLine(QPointF(rect.left(), i * ROW_HEIGHT), QPointF(rect.right(),
                             i * ROW_HEIGHT))  # fmt: skip

    def _paint_row(self, painter: QPainter, row: TaskRow, i: int, y: float) -> None:
        scene = self.timeline
        axis = scene.axis
        mid = y + ROW_HEIGHT / 2
        baseline = scene.data.baseline
        if baseline is not None and row.id in baseline.dates:
            b_start, b_due = baseline.dates[row.id]
            if b_due is not None and b_due >= axis.start and (b_start or b_due) <= axis.end:
                x0 = axis.x(axis.clamp(b_start or b_due))
                x1 = axis.x_end(axis.clamp(b_due))
                painter.fillRect(QRectF(x0, y + ROW_HEIGHT - 5, x1 - x0, 3), QColor("#7a7a7a"))
        preview = scene.preview
        dragged = preview is not None and preview[0] == i
        span = scene.span(row, preview[1], preview[2]) if dragged else scene.span(row)
        if span is not None:
            self._paint_bar(painter, row, span, mid, dragged, i in scene.selected)
        for mark in scene.data.milestones.get(row.id, ()):
            for day, filled in ((mark.planned, False), (mark.actual, True)):
                if day and axis.start <= day <= axis.end:
                    _diamond(painter, axis.x(day) + axis.px_per_day / 2, mid, filled)

    def _paint_bar(self, painter, row: TaskRow, span: Span, mid, dragged, selected) -> None:
        scene = self.timeline
        colour = LIGHT_COLOURS[row.light]
        bar = QRectF(span.x0, mid - BAR_HEIGHT / 2, max(span.x1 - span.x0, 2), BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(bar, colour.lighter(165))
        pattern = LIGHT_PATTERNS.get(row.light)
        if pattern is not None:
            painter.fillRect(bar, QBrush(colour.darker(130), pattern))
        if not span.open_end and span.done is not None:  # percent of the whole bar, clipped
            painter.fillRect(QRectF(span.x0, bar.top(), span.done - span.x0, bar.height()), colour)
        pen = QPen(colour.darker(150), 2 if selected else 1)
        if dragged:
            pen = QPen(QColor("#000000"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if span.open_end:
            # open to the right: no closing edge, a fading arrow instead
            painter.drawLine(bar.topLeft(), bar.topRight())
            painter.drawLine(bar.bottomLeft(), bar.bottomRight())
            painter.drawLine(bar.topLeft(), bar.bottomLeft())
            tip = QPointF(bar.right(), mid)
            painter.drawLine(tip + QPointF(-8, -5), tip)
            painter.drawLine(tip + QPointF(-8, 5), tip)
        else:
            painter.drawRect(bar)
        symbol = vocabulary.symbol(row.light)
        painter.setFont(scene.small_font)
        painter.setPen(colour.darker(140))
        if not span.open_end and span.x1 + 14 <= scene.axis.width:
            at = QRectF(span.x1 + 2, mid - 8, 14, 16)
        elif span.x0 >= 14:
            at = QRectF(span.x0 - 15, mid - 8, 14, 16)
        else:
            at = QRectF(span.x0 + 2, mid - 8, 14, 16)
            painter.setPen(QColor("#000000"))
        painter.drawText(at, Qt.AlignmentFlag.AlignCenter, symbol)

    def _paint_links(self, painter: QPainter, rect: QRectF, top: float, bottom: float) -> None:
        scene = self.timeline
        for a, b, link in scene._links:
            if max(a, b) * ROW_HEIGHT + ROW_HEIGHT < top or min(a, b) * ROW_HEIGHT > bottom:
                continue
            pred, succ = scene.lines[a], scene.lines[b]
            p_span, s_span = scene.span(pred), scene.span(succ)
            if p_span is None or s_span is None:
                continue
            broken = link_broken(pred.due_date, succ.start_date, link.lag_days)
            pen = QPen(BROKEN_LINK if broken else LINK, 1.5 if broken else 1)
            if broken:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            start = QPointF(p_span.x1, a * ROW_HEIGHT + ROW_HEIGHT / 2)
            end = QPointF(s_span.x0, b * ROW_HEIGHT + ROW_HEIGHT / 2)
            path = QPainterPath(start)
            elbow = start.x() + 6
            path.lineTo(elbow, start.y())
            turn_y = end.y() - (ROW_HEIGHT / 2 if end.y() > start.y() else -ROW_HEIGHT / 2)
            path.lineTo(elbow, turn_y)
            path.lineTo(end.x() - 6, turn_y)
            path.lineTo(end.x() - 6, end.y())
            path.lineTo(end)
            painter.drawPath(path)
            arrow = QPainterPath(end)
            arrow.lineTo(end + QPointF(-5, -3.5))
            arrow.lineTo(end + QPointF(-5, 3.5))
            arrow.closeSubpath()
            painter.fillPath(arrow, pen.color())


def _diamond(painter: QPainter, x: float, y: float, filled: bool, size: float = 5.5) -> None:
    path = QPainterPath(QPointF(x, y - size))
    path.lineTo(x + size, y)
    path.lineTo(x, y + size)
    path.lineTo(x - size, y)
    path.closeSubpath()
    painter.setPen(QPen(QColor("#222222"), 1.2))
    painter.setBrush(QColor("#222222") if filled else QColor("#ffffff"))
    painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def diamond(painter: QPainter, x: float, y: float, filled: bool) -> None:
    """A milestone mark (planned: hollow; reached: filled), as the legend draws it."""
    _diamond(painter, x, y, filled)
