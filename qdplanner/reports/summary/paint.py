"""Painting laid-out pages on a QPdfWriter or QPrinter, with the running header and footer.

:func:`render` lays the blocks out on the device (:func:`qdplanner.reports.summary.layout.lay_out`)
and paints every page, so the footer knows the page count (``第X页 共Y页``).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPagedPaintDevice, QPaintEngine, QPainter, QPen

from qdplanner.reports.summary.fonts import ReportFonts
from qdplanner.reports.summary.layout import (
    ALIGN,
    CENTER,
    FOOTER_MM,
    HEADER_MM,
    MARGINS_MM,
    RULE,
    Block,
    Flow,
    Page,
    PageDecor,
    lay_out,
    page_layout,
)


# -- painting --------------------------------------------------------------------------------
def _decorate(painter: QPainter, flow: Flow, page: Page, decor: PageDecor, n: int, total: int):
    width, height = flow.size(page.landscape)
    px = flow.px
    left, right = MARGINS_MM[0] * px, width - MARGINS_MM[2] * px
    small = flow.fonts["small"]
    painter.setFont(small)
    painter.setPen(QPen(RULE))
    line_h = flow.metrics["small"].height()
    base = HEADER_MM * px
    box = QRectF(left, base - line_h, right - left, line_h)
    painter.drawText(box, ALIGN["left"], decor.header_left)
    painter.drawText(box, ALIGN["right"], decor.header_right)
    painter.setPen(QPen(RULE, 0.25 * px))
    painter.drawLine(QPointF(left, base + 1.2 * px), QPointF(right, base + 1.2 * px))
    painter.setPen(QPen(RULE))
    foot = QRectF(left, height - FOOTER_MM * px - line_h, right - left, line_h)
    painter.drawText(foot, CENTER, decor.footer_center.format(page=n, pages=total))
    painter.drawText(foot, ALIGN["right"], decor.footer_right)


def _paint_page(painter: QPainter, flow: Flow, page: Page) -> None:
    px = flow.px
    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, rect, style, flags, text, colour = op
            painter.setFont(flow.fonts[style])
            painter.setPen(QPen(QColor(colour) if colour else RULE))
            painter.drawText(rect, flags, text)
        elif kind == "tline":
            _, layout, index, origin = op
            painter.setPen(QPen(RULE))
            layout.lineAt(index).draw(painter, origin)
        elif kind == "rect":
            _, rect, fill, pen = op
            painter.setPen(QPen(pen, 0.2 * px) if pen is not None else Qt.PenStyle.NoPen)
            painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        elif kind == "image":
            _, rect, image = op
            painter.drawImage(rect, image)
        elif kind == "drawing":  # a vector drawing (a chart page, a timeline sheet) paints
            # itself into rect: its lines and text, not pixels
            _, rect, paint = op
            painter.save()
            paint(painter, rect)
            painter.restore()


def _turn(painter: QPainter, flow: Flow, landscape: bool) -> None:
    """Map a page of the other orientation onto the sheet, turned a quarter."""
    width, height = flow.size(landscape)
    if landscape:  # landscape on a portrait sheet: its top along the sheet's left edge
        painter.translate(0, width)
        painter.rotate(-90)
    else:  # portrait on a landscape sheet
        painter.translate(height, 0)
        painter.rotate(90)


def render(
    blocks: list[Block], device: QPagedPaintDevice, fonts: ReportFonts, decor: PageDecor
) -> int:
    """Lay ``blocks`` out on ``device`` and paint every page; return the page count.

    The device must not be painting yet; its page layout is set page by page (portrait or
    landscape A4), so the painter's origin is the paper's corner.
    """
    flow = Flow(device, fonts)
    pages = lay_out(blocks, device, fonts)
    device.setPageLayout(page_layout(pages[0].landscape))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the output device")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        # PDF engines take a new page size at every page; a printer or the print preview
        # cannot change it while printing, so there a landscape page is printed turned on
        # the portrait sheet (its top at the sheet's left edge), as bound reports do.
        switchable = painter.paintEngine().type() == QPaintEngine.Type.Pdf
        first = pages[0].landscape
        for n, page in enumerate(pages, start=1):
            if n > 1:
                if switchable:
                    device.setPageLayout(page_layout(page.landscape))
                device.newPage()
            painter.save()
            if not switchable and page.landscape != first:
                _turn(painter, flow, page.landscape)
            _paint_page(painter, flow, page)
            _decorate(painter, flow, page, decor, n, len(pages))
            painter.restore()
    finally:
        painter.end()
    return len(pages)
