"""A small page-layout engine for printed reports: blocks in, pages of drawing operations out.

Two passes: :func:`lay_out` measures every block on the target paint device (a QPdfWriter or
a QPrinter: the same code for both) and cuts the flow into pages of drawing operations;
:func:`qdplanner.reports.summary.paint.render` then draws them, knowing the page count for
the ``第X页 共Y页`` footer. Rules the layout keeps:

- A4, portrait unless a :class:`NewPage` asks for landscape (wide tables, charts);
- a table repeats its header row on every page it continues on and never cuts a row
  (a row is kept shorter than a page by its producer; a taller one is clipped);
- paragraphs wrap (CJK anywhere, Latin at word boundaries) and may continue on the next
  page line by line; a heading is never the last thing on a page;
- drawn pages (:class:`DrawnPages`, the timeline) are cut into sheets as large as the text
  area less a heading's room (:func:`sheet_size_mm`) and placed 1:1, one to a page;
- each page has a header (left and right text over a rule) and a footer (centre, right).

All lengths are device pixels, computed from millimetres and the device's resolution, so a
1200-dpi PDF and a 600-dpi printer get the same page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextLayout,
    QTextOption,
)

from qdplanner.reports.summary.fonts import ReportFonts

# Margins in mm (left, top, right, bottom): binding side 28 mm as in GB/T 9704 documents,
# and room above and below the text for the running header and footer.
MARGINS_MM = (28.0, 30.0, 24.0, 26.0)
A4_MM = (210.0, 297.0)
SHEET_HEADING_MM = 16.0  # room for a section's heading above the first drawn sheet
HEADER_MM = 17.0  # baseline of the running header, from the top edge
FOOTER_MM = 14.0  # baseline of the footer, from the bottom edge
CELL_PAD_MM = 1.4
WIDOW_ROWS = 3  # a table continued on a new page carries at least this many rows there
LINE_SPACING = 1.45
SHRINK_TO = 0.75  # an image may shrink to this share of its size to fit below a heading
STYLES = {  # role, points, bold
    "title": ("title", 22.0, True),
    "subtitle": ("body", 16.0, False),
    "cover": ("body", 14.0, False),
    "h1": ("heading", 15.0, False),
    "h2": ("heading", 12.5, False),
    "body": ("body", 12.0, False),
    "note": ("body", 10.0, False),
    "table": ("body", 10.5, False),
    "table_bold": ("heading", 10.5, False),
    "small": ("body", 9.0, False),
}
RULE = QColor("#000000")
GRID = QColor("#555555")
HEAD_FILL = QColor("#e6e6e6")
GROUP_FILL = QColor("#f2f2f2")


# -- blocks ----------------------------------------------------------------------------------
@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Paragraph:
    text: str
    style: str = "body"
    indent: bool = True  # first-line indent of two characters (Chinese habit)
    align: str = "left"  # left | center
    space_after_mm: float = 2.0


@dataclass
class Column:
    header: str
    weight: float
    align: str = "left"  # left | center | right


@dataclass
class Cell:
    text: str
    colour: str | None = None  # a swatch before the text (the status light's colour)


@dataclass
class Row:
    cells: list[Cell]
    # normal | group (one cell across the table, bold, shaded) | total | note (one cell
    # across, as a normal row: a legend that must not leave its table)
    kind: str = "normal"


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]


class Picture(Protocol):
    """A drawing of a fixed shape (a chart page): vectors on a page, pixels for a file."""

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint it into ``rect`` (its shape, at the size it gets on the device)."""

    def image(self, size: tuple[int, int]) -> QImage:
        """It as a picture of ``size`` pixels on white."""


@dataclass(eq=False)
class Image:
    """A picture: PNG file contents, ``rgba`` pixels (``size`` = width, height; opaque), or
    a ``drawing`` (the charts) that paints its lines and text straight onto the PDF's page
    and becomes pixels (``size``) only for a format that needs a file (the Word document,
    :meth:`png_data`)."""

    png: bytes = b""
    caption: str = ""
    rgba: bytes = b""
    size: tuple[int, int] = (0, 0)
    drawing: Picture | None = None

    def pixel_size(self) -> tuple[int, int] | None:
        """(width, height) in pixels; None when it is no picture."""
        if self.drawing is not None:
            return self.size if min(self.size) > 0 else None
        if self.rgba:
            return self.size if len(self.rgba) == 4 * self.size[0] * self.size[1] else None
        return png_size(self.png)

    def png_data(self) -> bytes:
        """PNG file contents (the pixels encoded fast: a document compresses them again)."""
        if self.drawing is not None:
            return encode_png(self.qimage())
        if not self.rgba:
            return self.png
        from PIL import Image as PILImage

        buffer = io.BytesIO()
        picture = PILImage.frombuffer("RGBA", self.size, self.rgba, "raw", "RGBA", 0, 1)
        picture.save(buffer, "PNG", compress_level=1)
        return buffer.getvalue()

    def qimage(self) -> QImage:
        """The picture for a painter (a null image when it is none)."""
        size = self.pixel_size()
        if self.drawing is not None and size is not None:
            return self.drawing.image(size)
        if not self.rgba or size is None:
            return decode_png(self.png)
        width, height = size
        pixels = QImage(self.rgba, width, height, 4 * width, QImage.Format.Format_RGBX8888)
        return pixels.convertToFormat(QImage.Format.Format_RGB32)  # a copy: owns its pixels


class Sheet(Protocol):
    """One page of a drawing: ``width_mm`` × ``height_mm`` at full size."""

    width_mm: float
    height_mm: float

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the sheet as vectors into ``rect`` (its size on the device)."""

    def png(self, scale: float = 2.0) -> bytes:
        """The sheet as a picture, ``scale`` × 96 dpi (for a format that takes pictures)."""


class PagedDrawing(Protocol):
    """A drawing too large for a page, cut into sheets for the size a target prints at."""

    def sheets(self, width_mm: float, height_mm: float) -> Sequence[Sheet]:
        """At least one sheet, each ``width_mm`` × ``height_mm``."""


@dataclass
class DrawnPages:
    """A drawing printed one sheet to a page (the timeline): each target cuts it for the
    room it has (:func:`sheet_size_mm` here, the Word document its own), so the sheets are
    printed at full size everywhere."""

    drawing: PagedDrawing


@dataclass
class NewPage:
    landscape: bool = False


@dataclass
class Spacer:
    mm: float


@dataclass
class PageDecor:
    """Running header and footer texts; the footer's centre is a template with {page}, {pages}."""

    header_left: str
    header_right: str
    footer_center: str
    footer_right: str


Block = Heading | Paragraph | Table | Image | DrawnPages | NewPage | Spacer


# -- pages -----------------------------------------------------------------------------------
@dataclass
class Page:
    landscape: bool
    ops: list[tuple] = field(default_factory=list)


def sheet_size_mm(landscape: bool = True) -> tuple[float, float]:
    """The size of a drawn page's sheet: a page's text area less a heading's room."""
    left, top, right, bottom = MARGINS_MM
    width, height = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
    return width - left - right, height - top - bottom - SHEET_HEADING_MM


def page_layout(landscape: bool) -> QPageLayout:
    """A4 without device margins: the engine keeps its own (the painter's origin is the corner)."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter, QMarginsF(0, 0, 0, 0),
    )  # fmt: skip


class Flow:
    """Places blocks top to bottom, page after page."""

    def __init__(self, device: QPagedPaintDevice, fonts: ReportFonts):
        self.device = device
        self.px = device.logicalDpiY() / 25.4  # pixels per mm
        self.fonts: dict[str, QFont] = {
            name: fonts.font(role, points, bold) for name, (role, points, bold) in STYLES.items()
        }
        self.metrics = {name: QFontMetricsF(f, device) for name, f in self.fonts.items()}
        self.pages: list[Page] = []
        self.y = 0.0
        self.landscape = False

    # geometry
    def size(self, landscape: bool) -> tuple[float, float]:
        w, h = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
        return w * self.px, h * self.px

    @property
    def left(self) -> float:
        return MARGINS_MM[0] * self.px

    @property
    def top(self) -> float:
        return MARGINS_MM[1] * self.px

    @property
    def width(self) -> float:
        return self.size(self.landscape)[0] - (MARGINS_MM[0] + MARGINS_MM[2]) * self.px

    @property
    def bottom(self) -> float:
        return self.size(self.landscape)[1] - MARGINS_MM[3] * self.px

    @property
    def room(self) -> float:
        return self.bottom - self.y

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self, landscape: bool | None = None) -> None:
        if landscape is not None:
            self.landscape = landscape
        self.pages.append(Page(self.landscape))
        self.y = self.top

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits below the cursor (or the page is empty)."""
        if not self.pages or (height > self.room and self.y > self.top):
            self.new_page()

    # measuring
    def line_height(self, style: str) -> float:
        return self.metrics[style].height() * LINE_SPACING

    def text_height(self, style: str, width: float, text: str, flags: int) -> float:
        metrics = self.metrics[style]
        # Most cells are one short line: measuring the advance is ~5x cheaper than wrapping.
        if "\n" not in text and metrics.horizontalAdvance(text) <= width:
            return metrics.height()
        return metrics.boundingRect(QRectF(0, 0, width, 1e7), flags, text).height()

    def text_lines(self, text: str, style: str, width: float, indent: float) -> QTextLayout:
        layout = QTextLayout(text, self.fonts[style], self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        step = self.line_height(style)
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            first = line.lineNumber() == 0
            line.setLineWidth(width - (indent if first else 0))
            line.setPosition(QPointF(indent if first else 0, y))
            y += step
        layout.endLayout()
        return layout


# -- placing each kind of block --------------------------------------------------------------
def _first_height(flow: Flow, block: Block | None) -> float:
    """Roughly the height of the first unbreakable piece of ``block`` (keep-with-next)."""
    if isinstance(block, DrawnPages):
        sheets = _sheets(flow, block)
        return _drawing_rect(flow, sheets[0]).height() if sheets else 0.0
    if isinstance(block, Image):
        size = block.pixel_size()
        if size is not None:
            full = min(flow.width * size[1] / size[0], flow.bottom - flow.top)
            return full * SHRINK_TO
    if isinstance(block, Table):
        return 4 * flow.line_height("table")
    return 3 * flow.line_height("body")


def _heading(flow: Flow, block: Heading, following: Block | None = None) -> None:
    style = "h1" if block.level == 1 else "h2"
    before = (4.0 if block.level == 1 else 2.5) * flow.px
    height = flow.line_height(style)
    flow.ensure(before + height + _first_height(flow, following))  # keep with what follows
    if flow.y > flow.top:
        flow.y += before
    rect = QRectF(flow.left, flow.y, flow.width, height)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    flow.page.ops.append(("text", rect, style, flags, block.text, None))
    flow.y += height + 1.0 * flow.px


def _paragraph(flow: Flow, block: Paragraph) -> None:
    for text in block.text.split("\n"):
        if block.align == "center":
            height = flow.text_height(block.style, flow.width, text, _WRAP | CENTER)
            flow.ensure(height)
            rect = QRectF(flow.left, flow.y, flow.width, height)
            flow.page.ops.append(("text", rect, block.style, _WRAP | CENTER, text, None))
            flow.y += height
            continue
        indent = 2 * flow.metrics[block.style].horizontalAdvance("中") if block.indent else 0
        layout = flow.text_lines(text, block.style, flow.width, indent)
        step = flow.line_height(block.style)
        for i in range(layout.lineCount()):
            flow.ensure(step)
            line = layout.lineAt(i)
            # QTextLine.draw adds the line's own position: shift the origin back by it.
            origin = QPointF(flow.left, flow.y - line.position().y() + (step - line.height()) / 2)
            flow.page.ops.append(("tline", layout, i, origin))
            flow.y += step
    flow.y += block.space_after_mm * flow.px


_WRAP = int(Qt.TextFlag.TextWordWrap)
CENTER = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
ALIGN = {
    "left": int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
    "center": CENTER,
    "right": int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
}


def _table(flow: Flow, block: Table) -> None:
    pad = CELL_PAD_MM * flow.px
    total = sum(c.weight for c in block.columns)
    widths = [flow.width * c.weight / total for c in block.columns]
    swatch = 2.2 * flow.px

    def cell_rects(y: float, height: float) -> list[QRectF]:
        x, rects = flow.left, []
        for w in widths:
            rects.append(QRectF(x, y, w, height))
            x += w
        return rects

    def measure(row: Row) -> float:
        style = "table" if row.kind in ("normal", "note") else "table_bold"
        if row.kind in ("group", "note"):
            texts = [(flow.width, row.cells[0])]
        else:
            texts = list(zip(widths, row.cells, strict=True))
        tallest = flow.metrics[style].height()
        for w, cell in texts:
            inner = w - 2 * pad - (swatch + pad if cell.colour else 0)
            tallest = max(tallest, flow.text_height(style, inner, cell.text, _WRAP))
        return tallest + 2 * pad

    header = Row([Cell(c.header) for c in block.columns], kind="header")
    header_h = measure(header)

    def draw_row(row: Row, height: float) -> None:
        ops = flow.page.ops
        style = "table" if row.kind in ("normal", "note") else "table_bold"
        if row.kind in ("group", "note"):
            rect = QRectF(flow.left, flow.y, flow.width, height)
            ops.append(("rect", rect, GROUP_FILL if row.kind == "group" else None, GRID))
            inner = rect.adjusted(pad, pad, -pad, -pad)
            ops.append(("text", inner, style, _WRAP | ALIGN["left"], row.cells[0].text, None))
            flow.y += height
            return
        fill = HEAD_FILL if row.kind == "header" else None
        for rect, cell, col in zip(
            cell_rects(flow.y, height), row.cells, block.columns, strict=True
        ):
            ops.append(("rect", rect, fill, GRID))
            inner = rect.adjusted(pad, pad, -pad, -pad)
            if cell.colour:
                mark = QRectF(inner.left(), rect.center().y() - swatch / 2, swatch, swatch)
                ops.append(("rect", mark, QColor(cell.colour), None))
                inner.setLeft(inner.left() + swatch + pad)
            align = ALIGN["center"] if row.kind == "header" else ALIGN[col.align]
            ops.append(("text", inner, style, _WRAP | align, cell.text, None))
        flow.y += height

    flow.ensure(header_h + (measure(block.rows[0]) if block.rows else 0))
    draw_row(header, header_h)
    limit = flow.bottom - flow.top - header_h
    heights = [min(measure(row), limit) for row in block.rows]  # a giant row is clipped
    for i, row in enumerate(block.rows):
        height = heights[i]
        needed = height
        if row.kind == "group" and i + 1 < len(block.rows):
            needed += heights[i + 1]  # a unit's name never ends a page without its first task
        left = len(block.rows) - i
        after_group = i > 0 and block.rows[i - 1].kind == "group"  # stays with its group row
        if left == WIDOW_ROWS and not after_group and sum(heights[i:]) > flow.room:
            needed = sum(heights[i:])  # the last rows go over together, never one or two alone
        fresh = flow.y <= flow.top + header_h + 1  # only the header row on this page yet
        if needed > flow.room and not fresh:
            flow.new_page()
            draw_row(header, header_h)  # the header row again on every page
        draw_row(row, height)
    flow.y += 3.0 * flow.px


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header, without decoding it; None if it is not a PNG."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return (width, height) if width and height else None


def encode_png(image: QImage) -> bytes:
    """A QImage as PNG file contents. Qt's quality 50 compresses a chart page of 2400×1700
    pixels to ~240 KB in ~0.1 s (90 would write 12 MB: hardly compressed)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 50)
    buffer.close()
    return bytes(data.data())


def decode_png(data: bytes) -> QImage:
    """A PNG as a QImage. The format is named so that Qt does not probe every image plugin:
    probing (QSvg's) connects a QObject, which in a worker thread holding the GIL can
    deadlock with the UI thread deleting widgets (seen in the report dialog's Save PDF)."""
    return QImage.fromData(data, "PNG")


def _drawing_rect(flow: Flow, sheet: Sheet) -> QRectF:
    """Where a vector sheet goes at full size (scaled down only if it is wider than the
    text or taller than a page): centred below the cursor."""
    width, height = sheet.width_mm * flow.px, sheet.height_mm * flow.px
    scale = min(1.0, flow.width / width, (flow.bottom - flow.top) / height)
    width, height = width * scale, height * scale
    return QRectF(flow.left + (flow.width - width) / 2, flow.y, width, height)


def _sheets(flow: Flow, block: DrawnPages) -> Sequence[Sheet]:
    """``block``'s sheets, cut for this layout's pages (in the flow's orientation)."""
    return block.drawing.sheets(*sheet_size_mm(flow.landscape))


def _drawn_pages(flow: Flow, block: DrawnPages) -> None:
    """The sheets one after another, as vectors, a new page where one does not fit."""
    for sheet in _sheets(flow, block):
        flow.ensure(_drawing_rect(flow, sheet).height())
        rect = _drawing_rect(flow, sheet)  # at the cursor of a page it fits on
        flow.page.ops.append(("drawing", rect, sheet.paint))
        flow.y += rect.height() + 3.0 * flow.px


def _image(flow: Flow, block: Image) -> None:
    if block.drawing is not None:  # painted as vectors at the size it gets
        size = block.pixel_size()
        if size is None:
            return
        image, (pixels_w, pixels_h) = block.drawing.paint, size
    else:
        image = block.qimage()
        if image.isNull():
            return
        pixels_w, pixels_h = image.width(), image.height()
    caption_h = flow.line_height("note") if block.caption else 0
    width = flow.width
    height = width * pixels_h / pixels_w
    page_h = flow.bottom - flow.top - caption_h
    if height > page_h:  # scale down to fit one page
        width, height = width * page_h / height, page_h
    flow.ensure(height * SHRINK_TO + caption_h)  # shrink a little rather than leave a gap
    if height > flow.room - caption_h:
        scale = (flow.room - caption_h) / height
        width, height = width * scale, height * scale
    x = flow.left + (flow.width - width) / 2
    kind = "drawing" if block.drawing is not None else "image"
    flow.page.ops.append((kind, QRectF(x, flow.y, width, height), image))
    flow.y += height
    if block.caption:
        rect = QRectF(flow.left, flow.y, flow.width, caption_h)
        flow.page.ops.append(("text", rect, "note", CENTER, block.caption, None))
        flow.y += caption_h
    flow.y += 3.0 * flow.px


def lay_out(blocks: list[Block], device: QPagedPaintDevice, fonts: ReportFonts) -> list[Page]:
    """Cut ``blocks`` into pages for ``device`` (its resolution sets the pixel lengths)."""
    flow = Flow(device, fonts)
    placers: dict[type, Callable] = {
        Paragraph: _paragraph,
        Table: _table,
        Image: _image,
        DrawnPages: _drawn_pages,
    }
    for i, block in enumerate(blocks):
        if isinstance(block, NewPage):
            flow.new_page(block.landscape)
        elif isinstance(block, Spacer):
            flow.ensure(0)
            flow.y = min(flow.bottom, flow.y + block.mm * flow.px)
        elif isinstance(block, Heading):
            flow.ensure(0)
            _heading(flow, block, blocks[i + 1] if i + 1 < len(blocks) else None)
        else:
            flow.ensure(0)
            placers[type(block)](flow, block)
    if not flow.pages:
        flow.new_page()
    return flow.pages
