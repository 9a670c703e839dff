"""The summary's timeline on paper: as many landscape pages as it needs, nothing under 7 pt,
the title column and the header bands on every page (cut like ``gantt --tile``).

The text sizes are read from the PDF's own drawing commands by
``scripts/report_timeline_pages.py`` (the script that makes the pages' PNGs to look at).
"""

from __future__ import annotations

import importlib.util
import math
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from qdplanner.reports.summary.content import ReportOptions, build_report
from qdplanner.reports.summary.layout import sheet_size_mm
from qdplanner.reports.summary.render import write_pdf
from qdplanner.reports.timeline_rows import GroupHeader
from qdplanner.reports.timeline_scene import ROW_HEIGHT
from qdplanner.reports.timeline_summary import period_timeline
from qdplanner.store import PlanStore
from qdplanner.store.sample import create_sample_plan

ROOT = Path(__file__).resolve().parents[2]
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils missing")
AS_OF = date(2025, 12, 31)


def _script():
    spec = importlib.util.spec_from_file_location(
        "report_timeline_pages", ROOT / "scripts" / "report_timeline_pages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pages_script = _script()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline-pages") / "sample.qdplan"
    create_sample_plan(path).close()
    store = PlanStore.open(path, readonly=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def zh_pdf(qapp, sample, tmp_path_factory):
    report = build_report(sample, ReportOptions(as_of=AS_OF, period="2025Q4"))
    out = tmp_path_factory.mktemp("pdf") / "summary.pdf"
    write_pdf(report, out)
    return report, out


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_size(pdf: Path, page: int) -> str:
    out = subprocess.run(["pdfinfo", "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return next(x for x in out.splitlines() if x.startswith(f"Page{page:>5} size:"))


@needs_poppler
def test_the_timeline_runs_over_landscape_pages_with_nothing_under_7_pt(zh_pdf):
    report, pdf = zh_pdf
    sheets = report.timeline.sheets(*sheet_size_mm())
    texts = pages_script.pdf_page_texts(pdf)
    numbers = pages_script.timeline_pages(pdf, pages_script.timeline_caption(report))
    # one page per sheet, one after another, as many as the rows need
    assert len(numbers) == len(sheets) > 1
    assert numbers == list(range(numbers[0], numbers[0] + len(sheets)))
    lines = sheets[0].scene.lines
    ends = [s.piece.last for s in sheets]
    assert [s.piece.first for s in sheets] == [0, *ends[:-1]]  # every row once, in order
    assert sheets[-1].piece.last == len(lines)
    per_sheet = sheets[0].piece.last - sheets[0].piece.first
    assert per_sheet >= 15 and len(sheets) <= math.ceil(len(lines) / (per_sheet - 1))
    for sheet in sheets[:-1]:  # a group's title never ends a page without its first task
        assert not isinstance(lines[sheet.piece.last - 1], GroupHeader)
    sizes = pages_script.text_sizes(pdf)
    for n, sheet in zip(numbers, sheets, strict=True):
        assert "842 x 595" in page_size(pdf, n)  # A4 landscape
        assert min(sizes[n - 1]) >= 7.0, (n, sorted(set(sizes[n - 1])))
        text = squeeze(texts[n - 1])
        # the title column's header, the header bands and the sheet's own rows, every page
        for words in ("任务", "2025年第4季度", "10月", "11月", "12月", "截至2025-12-31",
                      f"时间进度图第{sheet.number}张共{len(sheets)}张", "正常推进"):  # fmt: skip
            assert words in text, (n, words)
        for line in sheet.scene.lines[sheet.piece.first : sheet.piece.last]:
            label = line.label if isinstance(line, GroupHeader) else line.title
            assert squeeze(label)[:8] in text, (n, label)
    # the report's own heading once, on the first of them
    assert "进度时间轴" in texts[numbers[0] - 1]
    assert all("进度时间轴" not in texts[n - 1] for n in numbers[1:])


def test_sheets_fit_the_page_and_are_drawn_at_full_size(qapp, sample, tmp_path):
    """The layout places each sheet 1:1 (96 scene pixels to the inch): the sizes read from
    the PDF above are the scene's fonts at full size, 8.25 pt titles and 7.5 pt bands."""
    from PySide6.QtGui import QPdfWriter

    from qdplanner.reports.summary.fonts import report_fonts
    from qdplanner.reports.summary.layout import DrawnPages, Heading, NewPage, lay_out

    report = build_report(sample, ReportOptions(as_of=AS_OF, period="2025Q4"))
    width_mm, height_mm = sheet_size_mm()
    assert (width_mm, height_mm) == (297 - 28 - 24, 210 - 30 - 26 - 16)  # text area - heading
    sheets = report.timeline.sheets(width_mm, height_mm)
    assert all((s.width_mm, s.height_mm) == (width_mm, height_mm) for s in sheets)
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setResolution(1200)
    blocks = [NewPage(True), Heading("七、进度时间轴"), DrawnPages(report.timeline)]
    pages = lay_out(blocks, writer, report_fonts())
    drawings = [op for page in pages for op in page.ops if op[0] == "drawing"]
    assert len(pages) == len(drawings) == len(sheets)
    px_per_mm = 1200 / 25.4
    for _kind, rect, _paint in drawings:
        assert rect.width() == pytest.approx(width_mm * px_per_mm)
        assert rect.height() == pytest.approx(height_mm * px_per_mm)
    assert all(page.landscape for page in pages)
    # a sheet as a picture too (for a document that takes pictures only), the same size
    from PySide6.QtGui import QImage

    image = QImage.fromData(sheets[0].png(scale=1.0))
    width_px, height_px = sheets[0].size_px
    assert (image.width(), image.height()) == (int(width_px), int(height_px))


def test_each_target_cuts_the_sheets_for_the_room_it_has(qapp, sample):
    """A narrower, lower page (a Word page's 225 mm) gets sheets of its own size, the axis
    fitted to it and the rows cut to fit: every row once, nothing shrunk to fit. Each size
    is cut once (the print preview lays the report out again and again)."""
    from qdplanner.reports.timeline_scene import HEADER_HEIGHT
    from qdplanner.reports.timeline_summary import CAPTION_HEIGHT, px

    report = build_report(sample, ReportOptions(as_of=AS_OF, period="2025Q4"))
    timeline = report.timeline
    wide, narrow = timeline.sheets(245, 138), timeline.sheets(225, 131.5)
    assert timeline.sheets(225, 131.5) is narrow
    assert all((s.width_mm, s.height_mm) == (225, 131.5) for s in narrow)
    assert len(narrow) >= len(wide)
    scene = narrow[0].scene
    assert scene.title_width + scene.axis.width == pytest.approx(px(225) - 1)  # fitted
    assert scene.axis.width < wide[0].scene.axis.width
    assert [s.piece.first for s in narrow] == [0, *[s.piece.last for s in narrow[:-1]]]
    assert narrow[-1].piece.last == len(timeline.lines)
    for sheet in narrow:  # caption, header bands and rows inside the sheet, legend below
        rows = (sheet.piece.last - sheet.piece.first) * ROW_HEIGHT
        assert CAPTION_HEIGHT + HEADER_HEIGHT + rows < px(131.5)


def test_too_many_tasks_keep_the_late_ones_and_say_so(qapp, sample):
    from qdplanner.store.task_rows import read_task_rows

    q4 = (date(2025, 10, 1), date(2025, 12, 31))
    every = read_task_rows(sample, as_of=AS_OF)
    timeline = period_timeline(sample, *q4, AS_OF, [r.id for r in every], "en", max_rows=5)
    kept = {x.id for x in timeline.lines if not isinstance(x, GroupHeader)}
    running = [r for r in every if (r.start_date or q4[0]) <= q4[1]
               and (r.due_date is None or r.due_date >= q4[0])]  # fmt: skip
    assert len(kept) == 5 and len(running) == 33
    assert "5 of 33 tasks shown: overdue and at risk first" in timeline.caption
    assert timeline.sheets(245, 138)[0].caption == timeline.caption
    rank = {"red": 0, "yellow": 1}  # overdue, then at risk, then the rest
    kept_ranks = [rank.get(r.light.value, 2) for r in running if r.id in kept]
    left_out = [rank.get(r.light.value, 2) for r in running if r.id not in kept]
    assert min(kept_ranks) < 2 and max(kept_ranks) <= min(left_out)


def test_a_range_too_wide_for_the_page_is_cut_into_strips_like_gantt_tile(qapp, sample):
    """Five years do not fit a page at the year zoom's scale: strips across, each repeating
    the titles from the first row (the summary's periods are at most a year; the rule holds
    for any range)."""
    from qdplanner.store.task_rows import read_task_rows

    ids = [r.id for r in read_task_rows(sample, as_of=AS_OF)]
    timeline = period_timeline(sample, date(2022, 1, 1), date(2026, 12, 31), AS_OF, ids)
    sheets = timeline.sheets(245, 138)
    pieces = [p.piece for p in sheets]
    strips = sorted({(p.x0, p.x1) for p in pieces})
    assert len(strips) > 1 and strips[0][0] == 0
    assert strips[-1][1] == pytest.approx(sheets[0].scene.axis.width)
    assert all(any(p.first == 0 and p.x0 == x0 for p in pieces) for x0, _ in strips)
    rows_h = (pieces[0].last - pieces[0].first) * ROW_HEIGHT
    assert rows_h + 40 < sheets[0].size_px[1]  # rows and header bands fit the sheet
