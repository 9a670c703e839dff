"""The timeline on the 20,000-task plan: first draw, frame time while scrolling, PDF export.

    .venv/bin/python bench/bench_timeline.py [PLAN] [--frames 200] [--json OUT]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py).
Measured on the real main window (offscreen, 1400x820) with the timeline attached:

first draw   from creating a timeline pane over the window's table (scene built for every
             row; milestones, links, baseline read) to its viewport having painted once.
scroll       one frame = move the table's scroll bar by 3 rows (a wheel step; the timeline
             follows), repaint the table's and then the timeline's viewport synchronously;
             timed: the timeline's repaint, and the whole frame. Quarter zoom. Goal: < 16 ms.
fit scroll   the same at "Fit" (every bar of the range visible, the densest picture).
pdf          every task, grouped by project, fitted to A4 landscape width: pages and seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

GOAL_FRAME_MS = 16.0


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def frames(app, window, pane, count: int) -> tuple[list[float], list[float]]:
    """Per frame: (the timeline's repaint, the whole frame: scroll + table + timeline)."""
    bar = window.plan_view.table.verticalScrollBar()
    step = 3 * window.plan_view.table.rowHeight(0)
    bar.setValue(0)
    app.processEvents()
    timeline, whole = [], []
    for i in range(count):
        value = (i + 1) * step if i < count // 2 else bar.value() - step
        start = time.perf_counter()
        bar.setValue(value)
        window.plan_view.table.viewport().repaint()
        middle = time.perf_counter()
        pane.body.viewport().repaint()
        end = time.perf_counter()
        timeline.append(end - middle)
        whole.append(end - start)
    return timeline, whole


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "median_ms": ms(statistics.median(times)),
        "p95_ms": ms(ordered[int(len(ordered) * 0.95) - 1]),
        "max_ms": ms(max(times)),
    }


def bench(plan: Path, count: int) -> dict:
    app = QApplication.instance() or QApplication([])
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(plan.parent))
    from qdplanner.reports.timeline_export import PrintHeader, build_print_scene, export_pdf
    from qdplanner.reports.timeline_scene import GroupBy, grouped_lines
    from qdplanner.store import PlanStore
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.main_window import MainWindow
    from qdplanner.ui.timeline_view import TimelinePane

    apply_cjk_font(app)
    store = PlanStore.open(plan)
    window = MainWindow(store, language="zh_CN")
    window.resize(1400, 820)
    window.show()
    app.processEvents()
    rows = window.plan_view.tasks.rowCount()

    # A pane of its own beside the window's table (whether or not the window attaches one):
    # the same work as View → Timeline, timed from nothing to painted.
    start = time.perf_counter()
    pane = TimelinePane(
        window.plan_view.ctx, window.plan_view.table, window.plan_view.tasks, language="zh_CN"
    )
    pane.resize(700, 760)
    pane.show()
    app.processEvents()
    pane.body.viewport().repaint()
    first_draw = time.perf_counter() - start

    pane.set_zoom(pane.zoom.QUARTER)
    app.processEvents()
    scroll, scroll_whole = frames(app, window, pane, count)
    pane.fit()
    app.processEvents()
    fit_scroll, fit_whole = frames(app, window, pane, count)

    out = plan.with_name("timeline.pdf")
    start = time.perf_counter()
    lines = grouped_lines(window.plan_view.tasks.rows(), GroupBy.PROJECT)
    scene = build_print_scene(lines, pane.scene.data, *pane.range)
    built = time.perf_counter() - start
    pages = export_pdf(scene, out, PrintHeader("bench", *pane.range, date.today()))
    pdf = time.perf_counter() - start
    result = {
        "tasks": rows,
        "first_draw_ms": ms(first_draw),
        "scroll": summary(scroll),
        "fit_scroll": summary(fit_scroll),
        "scroll_with_table": summary(scroll_whole),
        "fit_scroll_with_table": summary(fit_whole),
        "pdf": {
            "pages": pages,
            "seconds": round(pdf, 2),
            "scene_ms": ms(built),
            "mb": round(out.stat().st_size / 1e6, 1),
        },
    }
    pane.close()
    window.close()
    store.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "plan.qdplan"
        if args.plan:
            shutil.copy(args.plan, copy)
        else:
            script = Path(__file__).with_name("make_large_plan.py")
            subprocess.run([sys.executable, str(script), str(copy), "--quiet"], check=True)
        result = bench(copy, args.frames)
    print(f"tasks: {result['tasks']}")
    print(f"first draw of the timeline: {result['first_draw_ms']} ms")
    for name in ("scroll", "fit_scroll", "scroll_with_table", "fit_scroll_with_table"):
        s = result[name]
        verdict = "ok" if s["p95_ms"] < GOAL_FRAME_MS else "OVER the 16 ms goal"
        print(
            f"{name:21s} frame: median {s['median_ms']} ms, p95 {s['p95_ms']} ms, "
            f"max {s['max_ms']} ms ({verdict})"
        )
    p = result["pdf"]
    print(f"PDF export: {p['pages']} pages in {p['seconds']} s ({p['mb']} MB)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
