"""The timeline drawing and its PDF, PNG and SVG files: pages, sizes, titles, legend."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.timeline import Axis, Zoom
from qdplanner.domain.vocabulary import symbol
from qdplanner.reports.timeline_export import (
    PageFit,
    Paper,
    PrintHeader,
    build_print_scene,
    export_timeline,
    image_size,
    page_size_px,
    slices,
)
from qdplanner.reports.timeline_scene import (
    ROW_HEIGHT,
    GroupBy,
    GroupHeader,
    TimelineData,
    TimelineScene,
    grouped_lines,
)
from qdplanner.reports.timeline_style import BROKEN_LINK, LIGHT_COLOURS
from qdplanner.store import PlanStore
from qdplanner.store.task_rows import Scope, ScopeKind, read_task_rows
from qdplanner.store.timeline import (
    add_link,
    latest_baseline,
    read_links,
    read_milestone_marks,
    read_stream_years,
)

PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not (PDFTOTEXT and PDFINFO), reason="poppler-utils missing")
AS_OF = date(2024, 6, 30)
RANGE = (date(2022, 1, 1), date(2024, 12, 31))


def pdf_text(path: Path, page: int | None = None) -> str:
    args = [PDFTOTEXT, "-layout"]
    if page:
        args += ["-f", str(page), "-l", str(page)]
    text = subprocess.run([*args, str(path), "-"], capture_output=True, text=True).stdout
    return text  # as printed: the export maps Qt's look-alike radicals back (青, not ⻘)


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def timeline_data(store, as_of=AS_OF) -> TimelineData:
    return TimelineData(
        read_milestone_marks(store),
        read_links(store),
        latest_baseline(store),
        read_stream_years(store),
        today=date(2023, 3, 1),
        as_of=as_of,
    )


def scene_of(store, group_by=GroupBy.PROJECT, **kwargs) -> TimelineScene:
    rows = read_task_rows(store, as_of=AS_OF)
    return build_print_scene(
        grouped_lines(rows, group_by), timeline_data(store), *RANGE, lang="en", **kwargs
    )


HEADER = PrintHeader("行动方案", *RANGE, AS_OF)


@pytest.fixture(autouse=True)
def english(qapp):
    """Labels in English, whatever language an earlier test left installed (and after)."""
    from qdplanner.ui.i18n import install_language

    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


def test_rows_are_grouped_by_project_or_by_lead_unit(qapp, small_plan):
    store, _ = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    by_project = grouped_lines(rows, GroupBy.PROJECT)
    assert [x.label if isinstance(x, GroupHeader) else x.title for x in by_project] == [
        "计划一", "长期任务", "工程一", "逾期任务", "子任务",
    ]  # fmt: skip
    by_unit = grouped_lines(rows, GroupBy.UNIT)
    labels = [x.label if isinstance(x, GroupHeader) else x.title for x in by_unit]
    assert labels == ["市科技局", "逾期任务", "(no lead unit)", "长期任务", "子任务"]
    assert grouped_lines(rows, GroupBy.NONE) == rows


def test_bars_run_start_to_due_and_ongoing_tasks_stay_open(qapp, small_plan):
    store, ids = small_plan
    rows = read_task_rows(store, as_of=AS_OF)
    axis = Axis(*RANGE, 1.0)
    scene = TimelineScene(rows, timeline_data(store), axis, Zoom.QUARTER)
    late = rows[scene.line_of(ids["late"])]
    span = scene.span(late)
    assert (span.x0, span.x1, span.open_end) == (0, 365, False)
    ongoing = scene.span(rows[scene.line_of(ids["ongoing"])])
    # no start of its own: from the plan document's first day, open to the end of the axis
    assert (ongoing.x0, ongoing.x1, ongoing.open_end) == (0, axis.width, True)
    line = scene.line_of(ids["late"])
    y = line * ROW_HEIGHT + ROW_HEIGHT / 2
    assert scene.hit(QPointF(1, y)).part == "start"
    assert scene.hit(QPointF(364, y)).part == "end"
    assert scene.hit(QPointF(200, y)).part == "bar"
    assert scene.hit(QPointF(600, y)).part is None


@needs_poppler
def test_pdf_fits_a4_landscape_with_titles_legend_and_page_numbers(qapp, small_plan, tmp_path):
    store, _ = small_plan
    out = tmp_path / "t.pdf"
    assert export_timeline(scene_of(store), out, HEADER) == 1
    info = pdf_info(out)
    assert info["Pages"].strip() == "1"
    assert "842 x 595" in info["Page size"]  # A4 landscape, in points
    text = pdf_text(out)
    for expected in ["行动方案", "逾期任务", "子任务", "长期任务", "工程一", "计划一"]:
        assert expected in text
    assert "Page 1 of 1" in text
    assert "as of 2024-06-30" in text
    assert symbol(read_task_rows(store, as_of=AS_OF)[1].light) in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "CJK" in fonts  # Chinese drawn with a real CJK font, embedded


@needs_poppler
def test_many_rows_run_over_pages_and_tiles_repeat_the_titles(qapp, sample_plan, tmp_path):
    out = tmp_path / "sample.pdf"
    scene = scene_of(sample_plan)
    pages = export_timeline(scene, out, HEADER)
    assert pages == int(pdf_info(out)["Pages"]) > 1
    rows_per_page = len(scene.lines) / pages
    assert rows_per_page > 15
    first_title = next(x.title for x in scene.lines if not isinstance(x, GroupHeader))
    assert first_title[:10] in pdf_text(out, 1).replace("\n", "")
    assert f"Page {pages} of {pages}" in pdf_text(out, pages)

    tiled = tmp_path / "tiled.pdf"
    scene = scene_of(sample_plan, fit=PageFit.TILE, zoom=Zoom.MONTH, paper=Paper.A3)
    tiled_pages = export_timeline(scene, tiled, HEADER, Paper.A3)
    assert "1191 x 842" in pdf_info(tiled)["Page size"]  # A3 landscape
    layout = slices(scene, *page_size_px(Paper.A3))
    assert len(layout) == tiled_pages > pages
    strips = sorted({(p.x0, p.x1) for p in layout})
    assert len(strips) > 1 and strips[0][0] == 0 and strips[-1][1] == scene.axis.width
    # the first rows again, on the second strip: titles and header repeated
    again = next(i for i, p in enumerate(layout, 1) if p.first == 0 and p.x0 > 0)
    text = pdf_text(tiled, again).replace("\n", "")
    assert first_title[:10] in text and "Task" in text


def test_png_is_the_whole_drawing_and_marks_lights_and_broken_links(qapp, small_plan, tmp_path):
    store, ids = small_plan
    with store.action(ChangeSource.TIMELINE, "link") as ch:
        # the sub-task starts when its parent starts, long before the parent is due: broken
        add_link(store, ch, ids["late"], ids["child"])
    scene = scene_of(store, width=800)
    out = tmp_path / "t.png"
    assert export_timeline(scene, out, HEADER) == 1
    image = QImage(str(out))
    assert image.size() == image_size(scene)
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert BROKEN_LINK.name() in colours
    late = read_task_rows(store, as_of=AS_OF)[1]
    assert LIGHT_COLOURS[late.light].name() in colours
    assert QColor("#ffffff").name() in colours


def test_svg_keeps_text_as_text(qapp, small_plan, tmp_path):
    store, _ = small_plan
    out = tmp_path / "t.svg"
    export_timeline(scene_of(store, width=800), out, HEADER)
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml")
    for expected in ["逾期任务", "长期任务", "Page 1 of 1"]:
        assert expected in svg


def test_an_unknown_suffix_is_refused(qapp, small_plan, tmp_path):
    from qdplanner.errors import QdError

    store, _ = small_plan
    with pytest.raises(QdError, match=r"pdf, \.png or \.svg"):
        export_timeline(scene_of(store), tmp_path / "t.jpg", HEADER)


def test_scoped_rows_draw_only_their_tasks(qapp, small_plan, tmp_path):
    store, ids = small_plan
    rows = read_task_rows(store, Scope(ScopeKind.PROJECT, ids["project"]), as_of=AS_OF)
    scene = build_print_scene(rows, timeline_data(store), *RANGE, width=600)
    assert [r.title for r in scene.lines] == ["逾期任务", "子任务"]
    assert scene.line_of(ids["ongoing"]) is None


def test_a_cancelled_pdf_export_leaves_no_file(qapp, sample_plan, tmp_path):
    from qdplanner.reports.timeline_export import ExportCancelled

    out = tmp_path / "cancelled.pdf"
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(ExportCancelled):
        export_timeline(scene_of(sample_plan), out, HEADER, Paper.A4, progress)
    assert seen[-1][0] == 2 and seen[-1][1] > 2
    assert not out.exists()


def test_the_summarys_timeline_shows_the_periods_tasks(qapp, small_plan):
    from qdplanner.reports.timeline_summary import period_timeline

    store, ids = small_plan
    all_ids = list(ids[k] for k in ("late", "child", "ongoing"))
    timeline = period_timeline(store, date(2023, 1, 1), date(2023, 3, 31), AS_OF, all_ids)
    sheet = timeline.sheets(245, 138)[0]
    # the late task ended in 2022: only the sub-task and the ongoing task run in 2023 Q1
    assert {x.title for x in sheet.scene.lines if not isinstance(x, GroupHeader)} == {
        "子任务", "长期任务",
    }  # fmt: skip
    image = QImage.fromData(sheet.png())
    assert not image.isNull() and image.width() > 1000
    none = period_timeline(store, date(2030, 1, 1), date(2030, 3, 31), AS_OF, [ids["late"]])
    assert none is None


# -- the fill rule: percent of the whole bar, on every surface -------------------------------
LONG = (date(2022, 1, 1), date(2026, 12, 31))  # five years, in a plan document of 2022–2024
FILLED_TO = date(2024, 10, 1)  # 55 % of the whole bar: filled through September 2024


def add_long_task(store, ids) -> int:
    with store.action(ChangeSource.COMMAND, "long task") as ch:
        return ch.insert("tasks", {
            "project_id": ids["project"], "title": "五年任务", "start_date": LONG[0].isoformat(),
            "due_date": LONG[1].isoformat(), "status": "in_progress", "percent": 55,
            "position": 9,
        })  # fmt: skip


def assert_filled_to(scene: TimelineScene, task_id: int, day: date | None) -> None:
    """The bar of ``task_id`` is cut to the range and filled from its start to ``day``."""
    span = scene.span(scene.lines[scene.line_of(task_id)])
    axis = scene.axis
    assert span.x0 == axis.x(axis.clamp(LONG[0]))
    assert span.x1 == pytest.approx(axis.width)  # the bar runs on past the range: cut there
    if day is None:
        assert span.done is None
    else:
        assert axis.day_at(span.done) == day, axis.day_at(span.done)


def test_bars_are_filled_by_percent_of_the_whole_bar_on_every_surface(qtbot, small_plan, tmp_path):
    """A 2022–2026 task at 55 % shown over 2022–2024 is filled through 2024-09 (not to
    2023-08, 55 % of the part shown): in the window, in gantt and in the summary."""
    from click.testing import CliRunner

    from qdplanner.cli.timeline_commands import gantt_cmd
    from qdplanner.reports.timeline_export import MARGIN, TITLE_WIDTH, TOP_HEIGHT
    from qdplanner.reports.timeline_scene import HEADER_HEIGHT
    from qdplanner.reports.timeline_summary import period_timeline
    from qdplanner.ui.main_window import MainWindow

    store, ids = small_plan
    long = add_long_task(store, ids)
    # the window: the plan document's years, 2022–2024
    window = MainWindow(store, language="en")
    qtbot.addWidget(window)
    scene = window.plan_view.timeline.scene
    assert (scene.axis.start, scene.axis.end) == RANGE
    assert_filled_to(scene, long, FILLED_TO)
    # gantt's scene, fitted to the page and tiled
    for fit in (PageFit.WIDTH, PageFit.TILE):
        assert_filled_to(scene_of(store, fit=fit), long, FILLED_TO)
    # the summary's sheets: a year (filled to October), a quarter after the fill ends (none)
    for start, end, day in ((date(2024, 1, 1), date(2024, 12, 31), FILLED_TO),
                            (date(2025, 1, 1), date(2025, 3, 31), None)):  # fmt: skip
        sheets = period_timeline(store, start, end, AS_OF, [long]).sheets(245, 138)
        assert_filled_to(sheets[0].scene, long, day)
        assert all(sheet.scene is sheets[0].scene for sheet in sheets)
    window.close()
    store.close()

    # gantt's drawing, read back from its PNG: full colour to 2024-09, lighter after
    png = tmp_path / "g.png"
    result = CliRunner().invoke(
        gantt_cmd, [str(store.path), str(png), "--as-of", "2024-06-30", "--current-figures"]
    )
    assert result.exit_code == 0, result.output
    image = QImage(str(png))
    axis = Axis.fitted(*RANGE, 1400)  # a PNG's axis
    with PlanStore.open(store.path, readonly=True) as again:
        rows = read_task_rows(again, as_of=AS_OF)
    lines = grouped_lines(rows, GroupBy.PROJECT)
    row = next(i for i, x in enumerate(lines) if not isinstance(x, GroupHeader) and x.id == long)
    y = int(MARGIN + TOP_HEIGHT + HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2 + 2)
    colour = LIGHT_COLOURS[lines[row].light].name()

    def at(day: date) -> str:
        return image.pixelColor(int(MARGIN + TITLE_WIDTH + axis.x(day)), y).name()

    assert at(date(2023, 9, 1)) == colour  # 55 % of the range shown would end in 2023-08
    assert at(date(2024, 9, 20)) == colour
    assert at(date(2024, 10, 20)) != colour


def test_pages_never_end_on_a_groups_title(qapp, small_plan):
    from qdplanner.reports.timeline_export import cut

    store, _ = small_plan
    scene = scene_of(store)  # 计划一, 长期任务, 工程一, 逾期任务, 子任务
    assert isinstance(scene.lines[2], GroupHeader)
    pieces = cut(scene, 3 * ROW_HEIGHT, 10_000)
    assert [(p.first, p.last) for p in pieces] == [(0, 2), (2, 5)]  # 工程一 goes over with its rows
