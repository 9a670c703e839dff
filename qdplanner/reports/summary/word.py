"""The progress summary (进展情况汇总) as an editable Word document, laid out as GB/T 9704-2012.

:func:`write_docx` writes the blocks :func:`document.report_blocks` makes for the PDF — the
same cover, numbered headings, paragraphs, tables and pictures, in the same words — as a
``.docx`` (python-docx) that the office edits in Word or WPS and sends on. The page is the
one Chinese government documents use (GB/T 9704-2012 党政机关公文格式):

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a type area of
  156 × 225 mm, on a document grid of 22 lines of 28 characters;
- the title in 2号 (22 pt) 小标宋 (宋体 where it is not installed, made bold), the body in
  3号 (16 pt) 仿宋; headings 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋, all 3号, indented
  two characters as the body is; digits and Latin letters in Times New Roman;
- page numbers ``— 1 —`` in 4号 宋体 7 mm below the type area, one character in from the
  right on odd pages and from the left on even ones (the cover has none; the body starts at 1);
- wide tables, charts and the timeline on landscape pages, as in the PDF; the timeline's
  sheets are cut for this page's room (225 mm wide, where the PDF has 245 mm) and placed at
  full size, one picture a page, so its smallest text is 7.5 pt here too.

Tables are real Word tables (header row repeated on every page, rows never split across
pages), lights are their symbol and word with the symbol in the light's colour. Fonts are
named as the machine writing the file has them: 仿宋_GB2312 or 仿宋 (FangSong) where
installed, else the nearest installed family (Noto/Source Han Serif on Linux), else the
Windows name. No Qt is used except to ask which fonts are installed when a Qt application is
running; the tables are written as WordprocessingML directly, so a 20,000-task plan's document
is written in seconds.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

from qdplanner.errors import N_, QdError
from qdplanner.reports.summary.content import SummaryReport
from qdplanner.reports.summary.document import decor, report_blocks
from qdplanner.reports.summary.layout import (
    Block,
    DrawnPages,
    Heading,
    Image,
    NewPage,
    Paragraph,
    Row,
    Spacer,
    Table,
)

# -- the page (GB/T 9704-2012, 5.2 and 7.1) --------------------------------------------------
A4 = (210.0, 297.0)  # mm
MARGINS = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}  # portrait pages
# Landscape pages (wide tables, charts, the timeline): the same margins turned with the page,
# the binding edge (28 mm) at the top; a little more room below for the page number.
LANDSCAPE_MARGINS = {"top": 28.0, "bottom": 30.0, "left": 37.0, "right": 35.0}
LINES, CHARS = 22, 28  # lines per page, characters per line
PAGE_NUMBER_GAP_MM = 7.0  # from the foot of the type area to the top of the page number

# -- sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt -----------------------------------
TITLE_PT = 22.0
BODY_PT = 16.0
PAGE_NUMBER_PT = 14.0
NOTE_PT = 14.0
TABLE_PT = 10.5
SMALL_PT = 9.0
TITLE_LINE_PT = 35.0
NOTE_LINE_PT = 22.0
PAGE_NUMBER_LINE_PT = 18.0
CELL_MARGIN_MM = 1.4  # left and right padding in a table cell, as in the PDF
COVER_SPACE = 0.6  # the cover's blank space, scaled to fit the narrower type area
PICTURE_ROOM_LINES = 2  # a picture leaves this many lines of its page for the heading above
SHEET_SCALE = 2.0  # a drawn sheet's picture (the timeline's): 2 × 96 dpi = 192 dpi

HEAD_FILL = "E6E6E6"  # the PDF's table colours
GROUP_FILL = "F2F2F2"
GRID_COLOUR = "555555"

# -- fonts: the first installed family of each list is named in the document -------------
LATIN = "Times New Roman"  # Liberation Serif stands in for it everywhere Word files are read
TITLE_FAMILIES = [
    "方正小标宋简体",
    "方正小标宋_GBK",
    "FZXiaoBiaoSong-B05S",
    "FZXiaoBiaoSong-B05",
    "小标宋",
]
SONG_FAMILIES = [
    "宋体", "SimSun", "Songti SC", "STSong", "华文宋体", "Noto Serif CJK SC", "Source Han Serif SC",
    "Source Han Serif CN", "思源宋体", "AR PL UMing CN", "AR PL SungtiL GB",
]  # fmt: skip
FANGSONG_FAMILIES = ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋"]
HEI_FAMILIES = [
    "黑体", "SimHei", "STHeiti", "华文黑体", "Noto Sans CJK SC", "Source Han Sans SC",
    "Source Han Sans CN", "思源黑体", "Microsoft YaHei", "微软雅黑", "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
]  # fmt: skip
KAI_FAMILIES = [
    "楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "AR PL UKai CN",
    "AR PL KaitiM GB",
]  # fmt: skip
# The Windows names, used when the installed fonts cannot be listed.
DEFAULTS = {"title": "宋体", "body": "仿宋", "heading": "黑体", "kai": "楷体", "song": "宋体"}

_W = nsdecls("w")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ALIGN = {"left": "left", "center": "center", "right": "right"}
_AFTER_PAGE_NUMBERS = {
    qn(f"w:{t}")
    for t in ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
              "rtlGutter", "docGrid", "printerSettings")
}  # fmt: skip


@dataclass(frozen=True)
class WordFonts:
    """The families the document names, by role (CJK text; Latin is Times New Roman)."""

    title: str
    title_bold: bool  # True when 小标宋 is not installed and a 宋体 stands in, made bold
    body: str  # 仿宋
    heading: str  # 黑体
    kai: str  # 楷体
    song: str  # 宋体 (page numbers)


def _pick(candidates: list[str], installed: set[str] | None) -> str | None:
    if installed is None:
        return None
    return next((f for f in candidates if f in installed), None)


def word_fonts(installed: Iterable[str] | None) -> WordFonts:
    """The document's fonts from the installed family names (None: not known; Windows names)."""
    names = set(installed) if installed is not None else None
    song = _pick(SONG_FAMILIES, names) or DEFAULTS["song"]
    xiaobiaosong = _pick(TITLE_FAMILIES, names)
    body = _pick(FANGSONG_FAMILIES, names) or _pick(SONG_FAMILIES, names) or DEFAULTS["body"]
    heading = _pick(HEI_FAMILIES, names) or DEFAULTS["heading"]
    kai = _pick(KAI_FAMILIES, names) or (body if names is not None else DEFAULTS["kai"])
    if names is None:
        return WordFonts(DEFAULTS["title"], True, body, heading, kai, song)
    return WordFonts(xiaobiaosong or song, xiaobiaosong is None, body, heading, kai, song)


@cache
def _fontconfig_families() -> frozenset[str] | None:
    tool = shutil.which("fc-list")
    if tool is None:
        return None
    try:
        out = subprocess.run(
            [tool, ":", "family"], capture_output=True, text=True, timeout=20, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(n.strip() for line in out.splitlines() for n in line.split(",") if n.strip())


def installed_families() -> set[str] | None:
    """The font families this machine has: Qt's list when a Qt application runs (the window,
    the command line), else fontconfig's; None when neither can tell."""
    try:
        from PySide6.QtGui import QFontDatabase, QGuiApplication

        if QGuiApplication.instance() is not None:
            return set(QFontDatabase.families())
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    found = _fontconfig_families()
    return set(found) if found is not None else None


# -- small helpers ---------------------------------------------------------------------------
def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _text(text: str) -> str:
    return escape(_INVALID_XML.sub("", text.replace("\t", " ")))


def _runs_xml(text: str, colour: str | None = None) -> str:
    """Runs for ``text``: lines joined by line breaks; with ``colour``, the first character
    (a light's symbol) drawn in it."""
    parts = []
    if colour and text:
        first, text = text[0], text[1:]
        parts.append(f'<w:r><w:rPr><w:color w:val="{colour.lstrip("#").upper()}"/></w:rPr>'
                     f'<w:t xml:space="preserve">{_text(first)}</w:t></w:r>')  # fmt: skip
    lines = text.split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{_text(line)}</w:t>' for line in lines)
    parts.append(f"<w:r>{body}</w:r>")
    return "".join(parts)


def _fonts_xml(east: str, latin: str) -> str:
    return (f'<w:rFonts w:ascii="{escape(latin)}" w:hAnsi="{escape(latin)}" '
            f'w:eastAsia="{escape(east)}" w:cs="{escape(latin)}" w:hint="eastAsia"/>')  # fmt: skip


def _line_xml(points: float, snap: bool) -> str:
    """Exact line height in points (and whether the paragraph keeps to the document grid)."""
    snap_xml = "" if snap else '<w:snapToGrid w:val="0"/>'
    return f'{snap_xml}<w:spacing w:before="0" w:after="0" w:line="{round(points * 20)}" ' \
        'w:lineRule="exact"/>'  # fmt: skip


def _set_style(
    style,
    east: str,
    latin: str,
    points: float,
    *,
    bold: bool = False,
    line: float,
    snap: bool = True,
    align: str | None = None,
    indent_chars: int = 0,
    keep_next: bool = False,
    outline: int | None = None,
    condense: int = 0,
) -> None:
    """Replace a paragraph style's paragraph and run properties (the default template's
    theme fonts and colours are dropped: theme fonts would win over the fonts named here)."""
    element = style.element
    for old in element.findall(qn("w:pPr")) + element.findall(qn("w:rPr")):
        element.remove(old)
    keep = "<w:keepNext/><w:keepLines/>" if keep_next else ""
    jc = f'<w:jc w:val="{align}"/>' if align else ""
    ind = (f'<w:ind w:firstLineChars="{indent_chars * 100}" w:firstLine="'
           f'{round(indent_chars * points * 20)}"/>' if indent_chars else
           '<w:ind w:firstLineChars="0" w:firstLine="0"/>')  # fmt: skip
    level = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    ppr = f"<w:pPr {_W}>{keep}{_line_xml(line, snap)}{ind}{jc}{level}</w:pPr>"
    weight = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    size = round(points * 2)
    spacing = f'<w:spacing w:val="{condense}"/>' if condense else ""
    rpr = (f'<w:rPr {_W}>{_fonts_xml(east, latin)}{weight}<w:i w:val="0"/>'
           f'<w:color w:val="000000"/>{spacing}<w:kern w:val="0"/><w:sz w:val="{size}"/>'
           f'<w:szCs w:val="{size}"/></w:rPr>')  # fmt: skip
    element.append(parse_xml(ppr))
    element.append(parse_xml(rpr))


# -- the writer ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _PageShape:
    landscape: bool

    @property
    def margins(self) -> dict[str, float]:
        return LANDSCAPE_MARGINS if self.landscape else MARGINS

    @property
    def size(self) -> tuple[float, float]:
        return (A4[1], A4[0]) if self.landscape else A4

    @property
    def text_width(self) -> float:
        return self.size[0] - self.margins["left"] - self.margins["right"]

    @property
    def text_height(self) -> float:
        return self.size[1] - self.margins["top"] - self.margins["bottom"]


PORTRAIT_SHAPE = _PageShape(False)
BODY_LINE_PT = int(PORTRAIT_SHAPE.text_height / 25.4 * 72 * 20 / LINES) / 20  # 28.95 pt


def _condensed() -> int:
    """Character spacing (twentieths of a point, negative) that fits 28 characters of 3号 on
    the 156 mm line: 16 pt characters need 158 mm, so each gives up a quarter of a point.
    (Word's character grid would squeeze them the same way, but LibreOffice gives each
    character that does not fit a grid cell two cells: the grid is by lines only.)"""
    pitch = PORTRAIT_SHAPE.text_width / 25.4 * 72 / CHARS
    return math.floor((pitch - BODY_PT) * 20)


class _WordWriter:
    def __init__(self, report: SummaryReport, fonts: WordFonts):
        self.report = report
        self.zh = report.lang == "zh"
        self.fonts = fonts
        self.doc = Document()
        self.body = self.doc.element.body
        self.shape = PORTRAIT_SHAPE
        self.started = False  # anything written yet (the cover)
        self.numbered = False  # the numbered pages (after the cover) have begun
        self.break_pending = False  # the next block starts a new page
        self._styles()
        self._settings()
        self._page_setup(self.doc.sections[0], PORTRAIT_SHAPE)

    # -- set-up -----------------------------------------------------------------------------
    def _styles(self) -> None:
        f, styles = self.fonts, self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        if defaults is not None:
            styles.element.remove(defaults)
        size = round(BODY_PT * 2)
        styles.element.insert(0, parse_xml(
            f"<w:docDefaults {_W}><w:rPrDefault><w:rPr>{_fonts_xml(f.body, LATIN)}"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            "</w:pPr></w:pPrDefault></w:docDefaults>"
        ))  # fmt: skip
        indent = 2 if self.zh else 0  # the two-character indent is a Chinese habit
        line = BODY_LINE_PT
        body_align = "both" if self.zh else "left"
        condense = _condensed()
        _set_style(styles["Normal"], f.body, LATIN, BODY_PT, line=line, indent_chars=indent,
                   align=body_align, condense=condense)  # fmt: skip
        # GB/T 9704 7.3.3: 一、 黑体, （一） 楷体, 1. and （1） 仿宋 (the body's size and grid)
        heading_fonts = [(f.heading, f.heading), (f.kai, LATIN), (f.body, LATIN), (f.body, LATIN)]
        for level, (east, latin) in enumerate(heading_fonts, start=1):
            _set_style(styles[f"Heading {level}"], east, latin, BODY_PT, line=line,
                       indent_chars=indent, keep_next=True, outline=level - 1,
                       condense=condense)  # fmt: skip
        _set_style(styles["Title"], f.title, f.title, TITLE_PT, bold=f.title_bold,
                   line=TITLE_LINE_PT, snap=False, align="center")  # fmt: skip
        self.style_ids: dict[str, str] = {}

        def add(key: str, name: str, east: str, latin: str, points: float, **kw) -> None:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            _set_style(style, east, latin, points, **kw)
            self.style_ids[key] = style.style_id

        add("subtitle", "QD Subtitle", f.kai, LATIN, BODY_PT, line=line, align="center",
            condense=condense)  # fmt: skip
        add("cover", "QD Cover", f.body, LATIN, BODY_PT, line=line, align="center",
            condense=condense)  # fmt: skip
        add("note", "QD Note", f.body, LATIN, NOTE_PT, line=NOTE_LINE_PT, snap=False)
        add("small", "QD Small", f.body, LATIN, SMALL_PT, line=SMALL_PT * 1.4, snap=False)
        add("table", "QD Table", f.body, LATIN, TABLE_PT, line=TABLE_PT * 1.3, snap=False)
        add("table_head", "QD Table Heading", f.heading, f.heading, TABLE_PT,
            line=TABLE_PT * 1.3, snap=False)  # fmt: skip
        add("picture", "QD Picture", f.body, LATIN, BODY_PT, line=0, snap=False, align="center")
        # a picture's paragraph: single spacing (an exact line would clip the picture)
        spacing = styles["QD Picture"].element.find(qn("w:pPr")).find(qn("w:spacing"))
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
        add("page_number", "QD Page Number", f.song, f.song, PAGE_NUMBER_PT,
            line=PAGE_NUMBER_LINE_PT, snap=False)  # fmt: skip
        add("spacer", "QD Spacer", f.body, LATIN, 1.0, line=1.0, snap=False)
        self.style_ids["title"] = styles["Title"].style_id
        self.style_ids["body"] = styles["Normal"].style_id
        for level in range(1, 5):
            self.style_ids[f"h{level}"] = styles[f"Heading {level}"].style_id

    def _settings(self) -> None:
        settings = self.doc.settings
        settings.odd_and_even_pages_header_footer = True
        lang = settings.element.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:eastAsia"), "zh-CN")
        props = self.doc.core_properties
        props.title = decor(self.report).header_left
        props.author = self.report.cover.issuer or "qdplanner"
        props.last_modified_by = "qdplanner"
        props.comments = ""
        props.created = props.modified = datetime.now().replace(microsecond=0)
        props.revision = 1

    def _page_setup(self, section, shape: _PageShape) -> None:
        section.orientation = WD_ORIENT.LANDSCAPE if shape.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(shape.size[0]), Mm(shape.size[1])
        m = shape.margins
        section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
        section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
        section.gutter = Mm(0)
        section.header_distance = Mm(15)
        number_height = PAGE_NUMBER_LINE_PT * 25.4 / 72
        section.footer_distance = Mm(m["bottom"] - PAGE_NUMBER_GAP_MM - number_height)
        sect = section._sectPr
        for old in sect.findall(qn("w:docGrid")):
            sect.remove(old)
        pitch = round(BODY_LINE_PT * 20)
        sect.append(parse_xml(f'<w:docGrid {_W} w:type="lines" w:linePitch="{pitch}"/>'))
        self.shape = shape

    def _number_pages(self, section) -> None:
        """From this section on: ``— N —`` at the foot, right on odd pages, left on even,
        counting from 1 (the later sections inherit the footers)."""
        for old in section._sectPr.findall(qn("w:pgNumType")):
            section._sectPr.remove(old)
        number_type = parse_xml(f'<w:pgNumType {_W} w:fmt="decimal" w:start="1"/>')
        # before w:cols (CT_SectPr's order: … pgMar, paperSrc, pgBorders, lnNumType,
        # pgNumType, cols, …, docGrid)
        after = next((e for e in section._sectPr if e.tag in _AFTER_PAGE_NUMBERS), None)
        (after.addprevious if after is not None else section._sectPr.append)(number_type)
        section.footer.is_linked_to_previous = False
        section.even_page_footer.is_linked_to_previous = False
        for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
            paragraph = footer.paragraphs[0]
            element = paragraph._p
            element.getparent().replace(element, parse_xml(self._page_number_xml(side)))

    def _page_number_xml(self, side: str) -> str:
        style = self.style_ids["page_number"]
        # one character in from the edge of the type area (GB/T 9704 7.5)
        indent = f'w:{side}Chars="100" w:{side}="{round(PAGE_NUMBER_PT * 20)}"'
        field = (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
        return (f'<w:p {_W}><w:pPr><w:pStyle w:val="{style}"/><w:ind {indent}/>'
                f'<w:jc w:val="{side}"/></w:pPr>'
                f'<w:r><w:t xml:space="preserve">— </w:t></w:r>{field}'
                f'<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')  # fmt: skip

    # -- flow -------------------------------------------------------------------------------
    def _new_section(self, landscape: bool) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        for old in section._sectPr.findall(qn("w:pgNumType")):  # numbering goes on
            section._sectPr.remove(old)
        # the paragraph that closes the section before: as thin as can be
        closing = self.body.findall(qn("w:p"))[-1]
        ppr = closing.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:pStyle {_W} w:val="{self.style_ids["spacer"]}"/>'))
        self._page_setup(section, _PageShape(landscape))
        if not self.numbered:
            self._number_pages(section)
            self.numbered = True

    def _new_page(self, landscape: bool) -> None:
        if not self.started:  # the document's first page
            if landscape != self.shape.landscape:
                self._page_setup(self.doc.sections[0], _PageShape(landscape))
            return
        if landscape != self.shape.landscape or not self.numbered:
            self._new_section(landscape)  # the cover ends, or the page turns
            self.break_pending = False
        else:
            self.break_pending = True

    def _append(self, xml: str) -> None:
        self.body.sectPr.addprevious(parse_xml(xml))
        self.started = True

    def _page_break(self) -> str:
        """``<w:pageBreakBefore/>`` for the next paragraph when a new page is due."""
        if self.break_pending:
            self.break_pending = False
            return "<w:pageBreakBefore/>"
        return ""

    def _paragraph_xml(self, style: str, text: str, *, align: str | None = None,
                       indent: bool = True, after_mm: float = 0.0) -> str:  # fmt: skip
        props = [f'<w:pStyle w:val="{self.style_ids[style]}"/>', self._page_break()]
        if after_mm:
            props.append(f'<w:spacing w:after="{_twips(after_mm)}"/>')
        if not indent:
            props.append('<w:ind w:firstLineChars="0" w:firstLine="0"/>')
        if align:
            props.append(f'<w:jc w:val="{align}"/>')
        return f"<w:p {_W}><w:pPr>{''.join(props)}</w:pPr>{_runs_xml(text)}</w:p>"

    def heading(self, block: Heading) -> None:
        level = min(max(block.level, 1), 4)
        self._append(self._paragraph_xml(f"h{level}", block.text, indent=self.zh))

    def paragraph(self, block: Paragraph) -> None:
        style = block.style if block.style in self.style_ids else "body"
        align = {"center": "center"}.get(block.align)
        if style == "title":  # one paragraph, its lines broken
            after = self._space(block.space_after_mm)
            self._append(self._paragraph_xml(style, block.text, after_mm=after))
            return
        lines = block.text.split("\n")
        for i, line in enumerate(lines):
            last = i == len(lines) - 1 and style != "body"
            after = self._space(block.space_after_mm) if last else 0.0
            indent = block.indent and self.zh and style == "body" and align is None
            self._append(self._paragraph_xml(style, line, align=align, indent=indent,
                                             after_mm=after))  # fmt: skip

    def _space(self, mm: float) -> float:
        return mm if self.numbered else mm * COVER_SPACE

    def spacer(self, block: Spacer) -> None:
        height = max(1.0, self._space(block.mm) * 72 / 25.4)
        self._append(
            f'<w:p {_W}><w:pPr><w:pStyle w:val="{self.style_ids["spacer"]}"/>'
            f'{self._page_break()}<w:spacing w:line="{round(height * 20)}" w:lineRule="exact"/>'
            "</w:pPr></w:p>"
        )

    def _picture_room(self) -> tuple[float, float]:
        """The largest picture this page takes, in mm: the type area's width, its height
        less the lines left for a heading above."""
        room = self.shape.text_height - PICTURE_ROOM_LINES * BODY_LINE_PT * 25.4 / 72
        return self.shape.text_width, room

    def picture(self, block: Image) -> None:
        size = block.pixel_size()
        if size is None:
            return
        width, room = self._picture_room()
        if block.caption:
            room -= NOTE_LINE_PT * 25.4 / 72
        height = width * size[1] / size[0]
        if height > room:
            width, height = width * room / height, room
        self._place(block.png_data(), width, height)
        if block.caption:
            self._append(self._paragraph_xml("note", block.caption, align="center", indent=False))

    def drawn_pages(self, block: DrawnPages) -> None:
        """The drawing's sheets cut for this page's picture room, each one picture at full
        size on a page of its own (the first below the heading before it)."""
        for i, sheet in enumerate(block.drawing.sheets(*self._picture_room())):
            if i:
                self.break_pending = True
            self._place(sheet.png(scale=SHEET_SCALE), sheet.width_mm, sheet.height_mm)

    def _place(self, png: bytes, width_mm: float, height_mm: float) -> None:
        """A centred paragraph holding ``png`` printed ``width_mm`` × ``height_mm``."""
        paragraph = self.doc.add_paragraph(style=self.doc.styles["QD Picture"])
        if self.break_pending:
            paragraph.paragraph_format.page_break_before = True
            self.break_pending = False
        paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm), height=Mm(height_mm))
        self.started = True

    def table(self, block: Table) -> None:
        if self.break_pending:  # a table cannot begin a page by itself: an empty line does
            self._append(self._paragraph_xml("spacer", ""))
        total = sum(c.weight for c in block.columns) or 1.0
        width = _twips(self.shape.text_width)
        widths = [int(width * c.weight / total) for c in block.columns]
        border = f'w:val="single" w:sz="4" w:space="0" w:color="{GRID_COLOUR}"'
        edges = "".join(f"<w:{e} {border}/>" for e in
                        ("top", "left", "bottom", "right", "insideH", "insideV"))  # fmt: skip
        pad = _twips(CELL_MARGIN_MM)
        parts = [
            f'<w:tbl {_W}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="{pad}" w:type="dxa"/>'
            f'<w:bottom w:w="40" w:type="dxa"/><w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid>",
        ]  # fmt: skip
        table_style, head_style = self.style_ids["table"], self.style_ids["table_head"]
        head = Row([_HeaderCell(c.header) for c in block.columns], "header")
        rows = [head, *block.rows]
        aligns = [_ALIGN.get(c.align, "left") for c in block.columns]
        for n, row in enumerate(rows):
            header = row.kind == "header"
            # the row above a note keeps with it (a legend never alone under a repeated header)
            keep = "<w:keepNext/>" if n + 1 < len(rows) and rows[n + 1].kind == "note" else ""
            repeat = "<w:tblHeader/>" if header else ""
            parts.append(f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>")
            style = table_style if row.kind in ("normal", "note") else head_style
            if row.kind in ("group", "note"):  # one cell across the table
                cell = row.cells[0] if row.cells else _HeaderCell("")
                group = row.kind == "group"  # shaded, kept with the row below
                shade = (f'<w:shd w:val="clear" w:color="auto" w:fill="{GROUP_FILL}"/>'
                         if group else "")  # fmt: skip
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{sum(widths)}" w:type="dxa"/>'
                    f'<w:gridSpan w:val="{len(widths)}"/>{shade}</w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{"<w:keepNext/>" if group else ""}'
                    f"</w:pPr>{_runs_xml(cell.text)}</w:p></w:tc></w:tr>"
                )
                continue
            fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEAD_FILL}"/>' if header else ""
            for w, cell, align in zip(widths, row.cells, aligns, strict=False):
                jc = "center" if header else align
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{fill}'
                    f'<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>'
                    f'{keep}<w:jc w:val="{jc}"/></w:pPr>{_runs_xml(cell.text, cell.colour)}'
                    "</w:p></w:tc>"
                )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        self._append("".join(parts))
        # a table is followed by a paragraph (Word needs one between tables and before the
        # section's end); a short one stands for the PDF's gap after a table
        self._append(
            f'<w:p {_W}><w:pPr><w:pStyle w:val="{self.style_ids["spacer"]}"/>'
            f'<w:spacing w:line="{round(NOTE_LINE_PT * 10)}" w:lineRule="exact"/></w:pPr></w:p>'
        )

    def write(self, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, NewPage):
                self._new_page(block.landscape)
            elif isinstance(block, Spacer):
                self.spacer(block)
            elif isinstance(block, Heading):
                self.heading(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Image):
                self.picture(block)
            elif isinstance(block, DrawnPages):
                self.drawn_pages(block)
            else:  # a new kind of block must be taught to the Word document too
                raise TypeError(f"the Word document cannot write {type(block).__name__}")
        if not self.numbered:  # the cover alone: its page is numbered
            self._number_pages(self.doc.sections[0])


@dataclass
class _HeaderCell:
    text: str
    colour: str | None = None


# -- public ----------------------------------------------------------------------------------
def docx_bytes(report: SummaryReport, blocks: list[Block] | None = None,
               fonts: WordFonts | None = None) -> bytes:  # fmt: skip
    """The Word document of ``report`` (its blocks made here unless given), as bytes."""
    writer = _WordWriter(report, fonts or word_fonts(installed_families()))
    writer.write(report_blocks(report) if blocks is None else blocks)
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()


def write_docx(report: SummaryReport, path: str | Path) -> Path:
    """Write ``report`` to ``path`` as an editable Word document; return the path."""
    return write_docx_blocks(report, report_blocks(report), path)


def write_docx_blocks(report: SummaryReport, blocks: list[Block], path: str | Path) -> Path:
    """:func:`write_docx` with the blocks already made (the window and the benchmark time the
    stages apart). The file appears whole or not at all."""
    path = Path(path)
    if not path.parent.is_dir():
        raise QdError(N_("Messages", "{path}: the folder does not exist"), path=path)
    data = docx_bytes(report, blocks)
    tmp = path.with_name(path.name + ".writing")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise QdError(
            N_("Messages", "{path}: cannot write the Word document ({reason})"),
            path=path, reason=exc.strerror or exc,
        ) from exc  # fmt: skip
    return path


__all__ = [
    "WordFonts",
    "docx_bytes",
    "installed_families",
    "word_fonts",
    "write_docx",
    "write_docx_blocks",
]
