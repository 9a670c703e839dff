"""The progress summary as an editable Word document (.docx), laid out as GB/T 9704-2012.

The document is read back two ways: with python-docx (its page set-up, styles, fonts, tables
and footers, and that it says what the PDF says, block by block), and through LibreOffice
(``soffice --headless --convert-to pdf``, skipped where it is not installed) with
``pdftotext``: what a reader opening the file sees, page numbers and all.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Emu, Mm

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.vocabulary import colour, symbol_word
from qdplanner.errors import QdError
from qdplanner.reports.summary.content import ReportOptions, build_report
from qdplanner.reports.summary.document import report_blocks
from qdplanner.reports.summary.layout import (
    DrawnPages,
    Heading,
    Image,
    NewPage,
    Paragraph,
    Table,
    png_size,
)
from qdplanner.reports.summary.word import (
    BODY_LINE_PT,
    CHARS,
    LINES,
    WordFonts,
    docx_bytes,
    word_fonts,
    write_docx,
)
from qdplanner.store.sample import create_sample_plan

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice (soffice) or pdftotext (poppler-utils) not installed",
)
OPTIONS = ReportOptions(as_of=date(2025, 12, 31), period="2025Q4", lang="zh")
# fonts named as on a government office's Windows machine (the test does not depend on
# which fonts this machine has)
GOVERNMENT_FONTS = word_fonts({"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"})


def element_text(element) -> str:
    """The text of a paragraph or cell as a reader sees it (line breaks as newlines)."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        parts.append(node.text or "" if node.tag == qn("w:t") else "\n")
    return "".join(parts)


def document_lines(document) -> list[str]:
    """Every line of text of the document's body, in order: paragraphs, then table cells."""
    lines = []
    for child in document.element.body:
        if child.tag == qn("w:p"):
            lines += element_text(child).split("\n")
        elif child.tag == qn("w:tbl"):
            for cell in child.iter(qn("w:tc")):
                lines += element_text(cell).split("\n")
    return [line for line in lines if line.strip()]


def block_lines(blocks) -> list[str]:
    """The same for the blocks the PDF is painted from."""
    lines = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            lines += block.text.split("\n")
        elif isinstance(block, Table):
            for text in [c.header for c in block.columns] + [
                cell.text for row in block.rows for cell in row.cells
            ]:
                lines += text.split("\n")
    return [line for line in lines if line.strip()]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("word-sample") / "sample.qdplan"
    store = create_sample_plan(path)
    yield store
    store.close()


@pytest.fixture(scope="module")
def report(qapp, sample):
    return build_report(sample, OPTIONS)


@pytest.fixture(scope="module")
def blocks(report):
    return report_blocks(report)


@pytest.fixture(scope="module")
def docx_path(report, blocks, tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "summary.docx"
    path.write_bytes(docx_bytes(report, blocks, GOVERNMENT_FONTS))
    return path


@pytest.fixture(scope="module")
def document(docx_path):
    return docx.Document(str(docx_path))


# -- what it says ----------------------------------------------------------------------------
def test_the_word_document_says_what_the_pdf_says_in_the_same_order(document, blocks):
    assert document_lines(document) == block_lines(blocks)


def test_tables_are_word_tables_whose_header_row_repeats_on_every_page(document, blocks):
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(document.tables) == len(tables) >= 5
    for table, block in zip(document.tables, tables, strict=True):
        rows = table._tbl.findall(qn("w:tr"))
        assert len(rows) == len(block.rows) + 1
        assert rows[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
        assert all(r.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for r in rows)
        assert all(r.find(qn("w:trPr")).find(qn("w:tblHeader")) is None for r in rows[1:])
        headers = [element_text(tc) for tc in rows[0].findall(qn("w:tc"))]
        assert headers == [c.header for c in block.columns]


def test_lights_are_symbol_and_word_with_the_symbol_in_the_lights_colour(document):
    red = symbol_word(StatusLight.RED, "zh")  # ■ 逾期/严重滞后
    cells = [tc for t in document.tables for tc in t._tbl.iter(qn("w:tc"))]
    red_cells = [tc for tc in cells if element_text(tc) == red]
    assert red_cells, "the overdue tasks' lights"
    runs = red_cells[0].findall(f".//{qn('w:r')}")
    first = runs[0]
    assert element_text(first) == red[0]
    shade = first.find(qn("w:rPr")).find(qn("w:color")).get(qn("w:val"))
    assert shade == colour(StatusLight.RED).lstrip("#").upper()


WORD_TEXT_MM = (297 - 37 - 35, 210 - 28 - 30)  # the landscape type area: 225 × 152 mm


def picture_pngs(document) -> list[bytes]:
    """The PNG of every picture of the document, in order."""
    parts = document.part.related_parts
    return [parts[blip.get(qn("r:embed"))].blob
            for blip in document.element.body.iter(qn("a:blip"))]  # fmt: skip


def timeline_pictures(document) -> list:
    """The pictures after the timeline's heading (the last section) and their PNGs."""
    paragraphs = document.element.body.findall(qn("w:p"))
    heading = next(i for i, p in enumerate(paragraphs) if "进度时间轴" in element_text(p))
    before = sum(len(p.findall(f".//{qn('w:drawing')}")) for p in paragraphs[:heading])
    return list(zip(document.inline_shapes, picture_pngs(document), strict=True))[before:]


def test_the_timeline_and_the_charts_are_pictures(report, document, blocks):
    pictures = document.inline_shapes
    charts = [b for b in blocks if isinstance(b, Image)]
    timelines = [b for b in blocks if isinstance(b, DrawnPages)]
    sheets = timelines[0].drawing.sheets(*WORD_TEXT_MM)  # as many as for the Word page
    assert len(timelines) == 1 and len(charts) >= 1 and len(sheets) > 1
    assert len(pictures) == len(charts) + len(timeline_pictures(document))
    for picture in pictures:  # each fits the landscape type area
        assert picture.width <= Mm(WORD_TEXT_MM[0]) + 1
        assert picture.height <= Mm(WORD_TEXT_MM[1]) + 1


def test_a_chart_is_the_same_picture_in_the_pdf_and_in_word(blocks, document):
    """The charts are drawings (the PDF paints their lines and text); Word gets the same
    drawing's pixels as PNG, pixel for pixel."""
    from PySide6.QtGui import QImage

    chart = next(b for b in blocks if isinstance(b, Image))
    painted = chart.qimage()
    in_word = QImage.fromData(picture_pngs(document)[0], "PNG")
    assert (painted.width(), painted.height()) == chart.pixel_size() == png_size(chart.png_data())
    assert in_word.convertToFormat(QImage.Format.Format_RGB32) == painted


def test_the_timeline_is_one_sheet_a_page_cut_for_the_word_page(report, document):
    """The sheets are cut for the Word page's 225 mm (not the PDF's 245 mm, shrunk), one
    picture a page, the first under the section's heading."""
    pictures = timeline_pictures(document)
    assert len(pictures) > 1
    holders = [p for p in document.paragraphs if p._p.findall(f".//{qn('w:drawing')}")]
    breaks = [p.paragraph_format.page_break_before for p in holders[-len(pictures) :]]
    assert breaks == [None] + [True] * (len(pictures) - 1)
    heading_mm = 2 * BODY_LINE_PT * 25.4 / 72  # two lines of the page left for the heading
    for shape, _png in pictures:
        assert shape.width == Mm(WORD_TEXT_MM[0])
        assert WORD_TEXT_MM[1] - heading_mm - 1 < shape.height.mm <= WORD_TEXT_MM[1] - heading_mm
    pdf_sheets = report.timeline.sheets(245, 138)
    assert len(pictures) >= len(pdf_sheets)  # no fewer than the PDF's: nothing shrunk


def test_the_word_timelines_smallest_text_is_at_least_7_pt(document):
    """Each sheet is printed at the size it was drawn for: its smallest text (the header
    bands, symbols and legend, 10 scene pixels = 7.5 pt at 96 dpi) stays ≥ 7 pt in Word,
    read from the picture's pixels and the width Word prints it at."""
    from qdplanner.reports.summary.word import SHEET_SCALE
    from qdplanner.reports.timeline_export import LEGEND_FONT_PX
    from qdplanner.reports.timeline_style import PAPER_SMALL_FONT_PX

    smallest_px = min(LEGEND_FONT_PX, PAPER_SMALL_FONT_PX)
    pictures = timeline_pictures(document)
    assert pictures
    for shape, png in pictures:
        drawn_mm = png_size(png)[0] / SHEET_SCALE / 96 * 25.4  # the sheet's width at 1:1
        printed = shape.width.mm / drawn_mm
        assert printed == pytest.approx(1.0, abs=0.002)
        assert smallest_px * 72 / 96 * printed >= 7.0


# -- how it is laid out ----------------------------------------------------------------------
def test_pages_are_a4_with_the_margins_of_government_documents(document, blocks):
    portrait = [s for s in document.sections if s.orientation == WD_ORIENT.PORTRAIT]
    landscape = [s for s in document.sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert portrait and landscape  # wide tables and charts turn the page, as in the PDF
    turns = [b.landscape for b in blocks if isinstance(b, NewPage)]
    assert any(turns) and not all(turns)
    for section in portrait:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        margins = (section.top_margin, section.bottom_margin, section.left_margin,
                   section.right_margin)  # fmt: skip
        assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    for section in landscape:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_body_is_3hao_fangsong_on_22_lines_of_28_characters(document):
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16  # 3号
    fonts = normal.element.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    spacing = normal.paragraph_format
    assert spacing.line_spacing.pt == pytest.approx(BODY_LINE_PT)
    section = document.sections[1]
    height_pt = Emu(section.page_height - section.top_margin - section.bottom_margin).pt
    width_pt = Emu(section.page_width - section.left_margin - section.right_margin).pt
    assert LINES * BODY_LINE_PT <= height_pt < (LINES + 1) * BODY_LINE_PT
    condensed = int(normal.element.find(qn("w:rPr")).find(qn("w:spacing")).get(qn("w:val")))
    pitch = 16 + condensed / 20
    assert CHARS * pitch <= width_pt < (CHARS + 1) * pitch
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == str(round(BODY_LINE_PT * 20))
    assert normal.paragraph_format.first_line_indent is not None  # two characters


def test_title_and_headings_use_the_fonts_the_standard_names(document):
    def east_asia(style_name: str) -> str:
        rpr = document.styles[style_name].element.find(qn("w:rPr"))
        return rpr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert east_asia("Title") == "方正小标宋简体"
    assert document.styles["Title"].font.size.pt == 22  # 2号
    assert east_asia("Heading 1") == "黑体"
    assert east_asia("Heading 2") == "楷体_GB2312"
    assert east_asia("Heading 3") == east_asia("Heading 4") == "仿宋_GB2312"
    headings = [p for p in document.paragraphs if p.style.name.startswith("Heading")]
    level_one = [p.text for p in headings if p.style.name == "Heading 1"]
    assert level_one[0] == "一、总体情况"
    assert all(p.text.startswith("（") for p in headings if p.style.name == "Heading 2")


def test_a_machine_without_the_government_fonts_names_ones_it_has():
    linux = word_fonts({"Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans"})
    assert linux == WordFonts(
        title="Noto Serif CJK SC", title_bold=True, body="Noto Serif CJK SC",
        heading="Noto Sans CJK SC", kai="Noto Serif CJK SC", song="Noto Serif CJK SC",
    )  # fmt: skip
    windows = word_fonts({"SimSun", "FangSong", "SimHei", "KaiTi"})
    assert (windows.body, windows.heading, windows.kai, windows.title) == (
        "FangSong", "SimHei", "KaiTi", "SimSun",
    )  # fmt: skip
    assert windows.title_bold  # 小标宋 missing: a bold 宋体 stands in
    unknown = word_fonts(None)  # fonts cannot be listed: the Windows names
    assert (unknown.body, unknown.heading, unknown.kai) == ("仿宋", "黑体", "楷体")


def test_page_numbers_are_dashed_right_on_odd_pages_and_left_on_even(document):
    assert document.settings.odd_and_even_pages_header_footer
    cover, body = document.sections[0], document.sections[1]
    assert cover.footer.is_linked_to_previous  # the cover has no page number
    number = body._sectPr.find(qn("w:pgNumType"))
    assert number.get(qn("w:start")) == "1"
    assert all(s._sectPr.find(qn("w:pgNumType")) is None for s in document.sections[2:])
    for footer, side in ((body.footer, "right"), (body.even_page_footer, "left")):
        (paragraph,) = footer.paragraphs
        assert paragraph.alignment is not None and paragraph.alignment.name == side.upper()
        assert element_text(paragraph._p) == "— 1 —"
        instructions = "".join(t.text for t in paragraph._p.iter(qn("w:instrText")))
        assert instructions.strip() == "PAGE"
        assert paragraph.style.font.size.pt == 14  # 4号
    assert all(s.footer.is_linked_to_previous for s in document.sections[2:])


def test_an_english_summary_has_no_chinese_first_line_indent(qapp, sample):
    report = build_report(sample, ReportOptions(as_of=date(2025, 12, 31), lang="en",
                                                sections=("overview",)))  # fmt: skip
    document = docx.Document(io.BytesIO(docx_bytes(report)))
    assert document.styles["Normal"].paragraph_format.first_line_indent in (None, 0)
    assert "1. Overview" in [p.text for p in document.paragraphs]


# -- writing the file ------------------------------------------------------------------------
def test_write_docx_writes_the_file_whole_and_refuses_a_missing_folder(report, tmp_path):
    out = write_docx(report, tmp_path / "summary.docx")
    assert out.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.docx"]  # no temporary left
    with pytest.raises(QdError, match="the folder does not exist"):
        write_docx(report, tmp_path / "missing" / "summary.docx")


def test_a_file_that_cannot_be_written_is_said_and_leaves_nothing(report, tmp_path):
    (tmp_path / "taken.docx").mkdir()  # a folder where the file should go
    with pytest.raises(QdError, match="cannot write the Word document"):
        write_docx(report, tmp_path / "taken.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.docx"]


def test_save_as_word_in_the_report_dialog(qtbot, small_plan, tmp_path):
    from qdplanner.ui.report_dialog import ReportDialog

    store, _ids = small_plan
    dialog = ReportDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.word_button.isEnabled()
    out = tmp_path / "summary.docx"
    assert dialog.save_word(out) == out
    document = docx.Document(str(out))
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)
    assert document.tables


# -- through LibreOffice ---------------------------------------------------------------------
def soffice_pdf(source: Path, outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{outdir / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = outdir / f"{source.stem}.pdf"
    assert pdf.exists(), f"LibreOffice did not write {pdf}"
    return pdf


def pdf_pages(pdf: Path, *extra: str) -> list[str]:
    out = subprocess.run([PDFTOTEXT, *extra, str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return out.split("\f")[:-1]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def libreoffice_pdf(docx_path, tmp_path_factory):
    if SOFFICE is None or PDFTOTEXT is None:
        pytest.skip("LibreOffice (soffice) or pdftotext (poppler-utils) not installed")
    return soffice_pdf(docx_path, tmp_path_factory.mktemp("lo"))


@pytest.fixture(scope="module")
def libreoffice_pages(libreoffice_pdf):
    return pdf_pages(libreoffice_pdf)


@needs_libreoffice
def test_libreoffice_opens_it_and_reads_the_text_back(libreoffice_pages, report, blocks):
    text = squeeze("".join(libreoffice_pages))
    assert squeeze(report.cover.plan_title) in text
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert headings[0].startswith("一、") and len(headings) >= 5
    positions = [text.find(squeeze(h)) for h in headings]
    assert -1 not in positions and positions == sorted(positions)  # all there, in order
    overdue = [line.row for group in report.unit_groups for line in group.tasks]
    assert overdue and all(squeeze(r.title)[:12] in text for r in overdue)


@needs_libreoffice
def test_libreoffice_numbers_the_pages_after_the_cover_from_one(libreoffice_pages):
    cover, *pages = libreoffice_pages
    assert not re.search(r"—\d+—", squeeze(cover))
    numbers = [re.findall(r"—(\d+)—", squeeze(page)) for page in pages]
    assert numbers == [[str(n)] for n in range(1, len(pages) + 1)]


@needs_libreoffice
def test_libreoffice_puts_odd_numbers_right_and_even_ones_left(libreoffice_pdf):
    html = subprocess.run([PDFTOTEXT, "-bbox", "-f", "2", "-l", "3", str(libreoffice_pdf), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    pages = html.split("<page ")[1:]  # the pages numbered 1 and 2
    assert len(pages) == 2
    sides = []
    for page in pages:
        width = float(re.match(r'width="([\d.]+)"', page).group(1))
        dashes = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"[^>]*>—</word>', page)]
        assert len(dashes) == 2  # — N —
        sides.append("right" if min(dashes) > width / 2 else "left" if max(dashes) < width / 2
                     else "middle")  # fmt: skip
    assert sides == ["right", "left"]


@needs_libreoffice
def test_a_full_page_holds_22_lines_of_28_characters(report, tmp_path):
    # 22 × 28 characters of continuous text (no punctuation, which may move at a line's end)
    text = "青岛市打造国际化创新型城市科技创新策源能力提升计划" * 40
    blocks = [
        NewPage(False), Paragraph("封面", "title"),
        NewPage(False), Paragraph(text[: CHARS * (LINES + 3)], indent=False),
    ]  # fmt: skip
    source = tmp_path / "grid.docx"
    source.write_bytes(docx_bytes(report, blocks, word_fonts({"Noto Serif CJK SC"})))
    pages = pdf_pages(soffice_pdf(source, tmp_path / "lo"))
    body = [line for line in pages[1].splitlines() if line.strip() and "—" not in line]
    assert len(body) == LINES
    assert all(len(line) == CHARS for line in body)
