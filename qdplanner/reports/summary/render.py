"""The summary rendered three ways from one layout: PDF, printer, and print preview.

The print preview (``QPrintPreviewDialog.paintRequested``) and the printer call
:func:`print_report` with their ``QPrinter``; :func:`write_pdf` uses a ``QPdfWriter``. Both lay
the same blocks out on their own device and paint them with the same code. A
QGuiApplication must exist (the CLI makes an offscreen one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QPdfWriter

from qdplanner.errors import N_, QdError
from qdplanner.reports.qt_fonts import cjk_family
from qdplanner.reports.summary.content import SummaryReport
from qdplanner.reports.summary.document import decor, report_blocks
from qdplanner.reports.summary.fonts import cjk_font_missing, report_fonts
from qdplanner.reports.summary.layout import page_layout
from qdplanner.reports.summary.paint import render
from qdplanner.reports.summary.pdf_text import fix_radicals

PDF_DPI = 1200


class NoChineseFontError(QdError):
    """No installed font draws Chinese: the report would print empty boxes."""


def check_fonts(report: SummaryReport) -> None:
    """Refuse a Chinese report when no CJK font is installed, with a message that says why."""
    if report.lang == "zh" and cjk_font_missing():
        raise NoChineseFontError(
            N_(
                "Messages",
                "No Chinese font is installed, so the summary would print empty boxes; "
                "install one (e.g. fonts-noto-cjk) or print it in English",
            )
        )


def paint_report(report: SummaryReport, device: QPagedPaintDevice) -> int:
    """Lay out and paint ``report`` on ``device`` (a QPrinter or QPdfWriter); return the pages."""
    check_fonts(report)
    return render(report_blocks(report), device, report_fonts(), decor(report))


def write_pdf(report: SummaryReport, path: str | Path) -> int:
    """Write ``report`` to ``path`` as an A4 PDF (fonts embedded, text searchable); return pages."""
    check_fonts(report)
    return write_pdf_blocks(report, report_blocks(report), path)


def write_pdf_blocks(report: SummaryReport, blocks: list, path: str | Path) -> int:
    """:func:`write_pdf` with the blocks already made (the benchmark times the two apart)."""
    check_fonts(report)
    path = Path(path)
    if not path.parent.is_dir():
        raise QdError(N_("Messages", "{path}: the folder does not exist"), path=path)
    tmp = path.with_name(path.name + ".writing")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(False))
    writer.setCreator("qdplanner")
    writer.setTitle(decor(report).header_left)
    try:
        pages = render(blocks, writer, report_fonts(), decor(report))
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise QdError(N_("Messages", "{path}: cannot write the PDF ({reason})"), path=path,
                      reason=exc) from exc  # fmt: skip
    del writer  # closes the file
    fonts = report_fonts()  # and the CJK sans the charts and the timeline are drawn in
    fix_radicals(tmp, [fonts.body, fonts.heading, fonts.title, cjk_family()])
    try:
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise QdError(N_("Messages", "{path}: cannot write the PDF ({reason})"), path=path,
                      reason=exc) from exc  # fmt: skip
    return pages
