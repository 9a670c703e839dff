"""The report's indicator chart pages: the dashboard's cells painted by Qt (chart_paint), as
lines and searchable text in the PDF, without matplotlib."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from qdplanner.reports.chart_paint import ChartPage
from qdplanner.reports.dashboard_cells import dashboard_cells
from qdplanner.reports.summary.content import ReportOptions, build_report
from qdplanner.reports.summary.document import CHART_CELLS, CHART_DPI, report_blocks
from qdplanner.reports.summary.layout import Image
from qdplanner.reports.summary.render import write_pdf
from qdplanner.store import PlanStore
from qdplanner.store.indicators import read_indicators

AS_OF = date(2025, 12, 31)
PDFTOTEXT = shutil.which("pdftotext")


@pytest.fixture(scope="module")
def plan(sample_template, tmp_path_factory):
    path = tmp_path_factory.mktemp("charts") / "sample.qdplan"
    shutil.copy(sample_template, path)
    return path


@pytest.fixture(scope="module")
def store(plan):
    store = PlanStore.open(plan, readonly=True)
    yield store
    store.close()


@pytest.fixture(scope="module")
def report(qapp, store):
    return build_report(store, ReportOptions(as_of=AS_OF, sections=("charts",)))


def test_a_chart_page_is_a_drawing_of_the_dashboards_cells(report, store):
    charts = [b for b in report_blocks(report) if isinstance(b, Image)]
    cells = dashboard_cells(read_indicators(store, as_of=AS_OF), lang="zh")
    assert len(charts) == -(-len(cells) // CHART_CELLS)
    first = charts[0].drawing
    assert isinstance(first, ChartPage) and list(first.cells) == cells[:CHART_CELLS]
    assert charts[0].pixel_size() == first.pixel_size(CHART_DPI) == (2080, 1220)
    image = charts[0].qimage()
    colours = {
        image.pixelColor(x, y).name() for x in range(0, 2080, 13) for y in range(0, 1220, 13)
    }
    assert len(colours) > 5  # frames, tints, lines and text on white


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler) missing")
def test_the_charts_titles_and_numbers_are_text_in_the_pdf(report, store, tmp_path):
    out = tmp_path / "charts.pdf"
    write_pdf(report, out)
    done = subprocess.run([PDFTOTEXT, str(out), "-"], capture_output=True, text=True, check=True)
    text = "".join(done.stdout.split())
    for cell in dashboard_cells(read_indicators(store, as_of=AS_OF), lang="zh"):
        assert cell.name[:8] in text
        assert all(part in text for part in cell.numbers.split())  # digits too: searchable


def test_the_report_command_imports_no_matplotlib(plan, tmp_path):
    code = textwrap.dedent(
        f"""
        import sys
        from qdplanner.cli import main
        sys.argv = ["qdplanner", "report", {str(plan)!r},
                    {str(tmp_path / "r.pdf")!r}, "--lang", "zh"]
        try:
            main()
        except SystemExit as exc:
            assert not exc.code, exc.code
        print(sorted(m for m in sys.modules if m.startswith("matplotlib")))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    assert done.stdout.strip().splitlines()[-1] == "[]"
