"""How long until the 20,000-task table is on screen: ours against a bare floor.

    .venv/bin/python bench/bench_table.py [PLAN] [--repeat 5] [--json OUT] [--profile]
                                          [--only VARIANT] [--baseline DIR]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py).
Every run is a fresh subprocess (so each variant gets its own peak memory figure, and a run
times what a user gets: one open in a process that has started); ``--repeat`` rounds run the
variants interleaved, so a drift in the machine's speed hits all of them alike. Median, min and
max are printed; each time is from opening the file to the table's viewport having painted:

floor   the same rows, columns, joins and order without our code (bench/floor_table.py: raw
        ``sqlite3``, plan order sorted in Python, parents before sub-tasks, a light per row,
        supporting units named when painted) in a bare QAbstractTableModel, same QTableView.
ours    ``PlanStore.open`` + ``TaskTableModel().load(store, Scope())`` in the same QTableView.
window  ``PlanStore.open`` + ``MainWindow(store, language="en")`` (outline, the "All tasks"
        table, the status bar summary) + show: what a user waits for.

The goal (issue 18): the table shows in at most 1.3x that floor; on 100,000 tasks the table in
under 0.8 s and the main window in under 1.2 s.

``--baseline DIR`` also runs ours and window with another copy of the ``qdplanner`` package
(DIR holds it: e.g. ``git archive COMMIT qdplanner | tar -x -C DIR``), as variants
``ours@base`` and ``window@base``, interleaved with the others in every round: a before/after
figure in one run, the machine's drift shared alike.

Before timing, every child paints a small table with Chinese text once (font loading and
style set-up are one-time costs of the process, not of a variant), and ours and window import
our modules — the store and the plan view too, which the main window imports only when it
opens a plan (until 2026-12-04 they were imported inside the window's timing: ~0.2 s of Python
compiling modules here, where PYTHONDONTWRITEBYTECODE is set). The cold figure, imports and
all, is bench_startup.py --plan's. QSettings go to a temporary folder, so the user's saved
window state plays no part.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import argparse
import gc
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from floor_table import floor_model, floor_rows

VARIANTS = ("floor", "ours", "window")
GOAL_RATIO = 1.3
GOALS_100K = {"ours": 0.8, "window": 1.2}  # seconds, on 100,000 tasks
GOAL_SECONDS = 1.0
VIEW_SIZE = (1100, 760)  # about the table's share of the 1400x820 main window
ROW_HEIGHT = 24
# MainWindow's first-start widths, in its column order (No., task, light, %, status, lead,
# supporting, deadline, start, due, program/project, notes).
COLUMN_WIDTHS = [44, 400, 118, 64, 70, 150, 190, 104, 88, 88, 150, 200]


def peak_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, B on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# --- the child: one variant, timed in this process ---------------------------------------


def child(variant: str, path: Path, repeat: int, profile: bool) -> dict:
    from PySide6.QtCore import (
        QCoreApplication,
        QEvent,
        QObject,
        QSettings,
    )
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

    settings_dir = tempfile.mkdtemp(prefix="qdplanner-bench-settings-")
    QCoreApplication.setOrganizationName("qdplanner-bench")
    QCoreApplication.setApplicationName("qdplanner-bench")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    # The window's font (a CJK family) for every variant alike.
    from qdplanner.ui.fonts import apply_cjk_font

    apply_cjk_font(app)

    class PaintProbe(QObject):
        painted = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    def make_view(model) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for col, width in enumerate(COLUMN_WIDTHS):
            view.setColumnWidth(col, width)
        view.resize(*VIEW_SIZE)
        return view

    def show_and_paint(widget, viewport) -> bool:
        """Show ``widget``; return once ``viewport`` has painted (True if it had to be forced)."""
        probe = PaintProbe()
        viewport.installEventFilter(probe)
        widget.show()
        for _ in range(100):
            app.processEvents()
            if probe.painted:
                break
        forced = not probe.painted
        if forced:
            viewport.repaint()
        viewport.removeEventFilter(probe)
        return forced

    def dispose(*objects) -> None:
        """Close and delete what a run made, as the app does with a window it replaces."""
        for obj in objects:
            obj.close()
            if isinstance(obj, QObject):
                obj.deleteLater()  # frees it even where a signal's lambda refers back to it
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()
        gc.collect()

    def run_floor() -> tuple[dict, int]:
        t0 = time.perf_counter()
        rows, names = floor_rows(path, date.today())
        t1 = time.perf_counter()
        model = floor_model(rows, names)
        view = make_view(model)
        t2 = time.perf_counter()
        forced = show_and_paint(view, view.viewport())
        t3 = time.perf_counter()
        n = model.rowCount()
        dispose(view)
        return {
            "total": t3 - t0,
            "query": t1 - t0,
            "model+view": t2 - t1,
            "show+paint": t3 - t2,
            "forced": forced,
        }, n

    def run_ours() -> tuple[dict, int]:
        from qdplanner.store import PlanStore
        from qdplanner.store.task_rows import Scope
        from qdplanner.ui.models.task_table import TaskTableModel

        t0 = time.perf_counter()
        store = PlanStore.open(path)
        t1 = time.perf_counter()
        model = TaskTableModel()
        model.load(store, Scope())
        t2 = time.perf_counter()
        view = make_view(model)
        t3 = time.perf_counter()
        forced = show_and_paint(view, view.viewport())
        t4 = time.perf_counter()
        n = model.rowCount()
        dispose(view, store)
        return {
            "total": t4 - t0,
            "open": t1 - t0,
            "load": t2 - t1,
            "view": t3 - t2,
            "show+paint": t4 - t3,
            "forced": forced,
        }, n

    def run_window() -> tuple[dict, int]:
        from qdplanner.store import PlanStore
        from qdplanner.ui.main_window import MainWindow

        t0 = time.perf_counter()
        store = PlanStore.open(path)
        t1 = time.perf_counter()
        window = MainWindow(store, language="en")
        t2 = time.perf_counter()
        forced = show_and_paint(window, window.plan_view.table.viewport())
        t3 = time.perf_counter()
        n = window.plan_view.tasks.rowCount()
        dispose(window, store)
        return {
            "total": t3 - t0,
            "open": t1 - t0,
            "construct": t2 - t1,
            "show+paint": t3 - t2,
            "forced": forced,
        }, n

    runner = {"floor": run_floor, "ours": run_ours, "window": run_window}[variant]

    # Warm-up: fonts, style and Qt's lazy set-up are paid once per process, not per variant.
    warm_rows = [tuple(f"推进创新{i}{j}" for j in range(22)) for i in range(5)]
    warm = make_view(floor_model([(*r[:8], "", *r[9:]) for r in warm_rows], {}))
    show_and_paint(warm, warm.viewport())
    dispose(warm)
    if variant != "floor":  # import our modules outside the timing, as the app has at start
        # the main window imports its plan view (and the store) when it opens a plan: here,
        # so that the figure is the plan's, not Python compiling modules (cold figures:
        # bench_startup.py --plan)
        import qdplanner.store
        import qdplanner.ui.main_window
        import qdplanner.ui.plan_view
    base = peak_mb()

    runs = []
    rows = 0
    for _ in range(repeat):
        gc.collect()
        timing, rows = runner()
        runs.append(timing)
    import qdplanner

    result = {"variant": variant, "runs": runs, "rows": rows, "base_mb": base, "peak_mb": peak_mb()}
    result["package"] = os.path.dirname(qdplanner.__file__)
    if profile:
        import cProfile
        import io
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        runner()
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative")
        stats.print_stats(35)
        print(f"--- cProfile of one '{variant}' run ---\n{out.getvalue()}", file=sys.stderr)
    shutil.rmtree(settings_dir, ignore_errors=True)
    return result


# --- the parent: one subprocess per variant ------------------------------------------------


def run_variant(
    variant: str, path: Path, repeat: int, profile: bool, tree: Path | None = None
) -> dict:
    """One child process; ``tree``: a folder holding another ``qdplanner`` package to time."""
    cmd = [sys.executable, __file__, "--variant", variant, "--repeat", str(repeat), str(path)]
    if profile:
        cmd.append("--profile")
    env = None
    if tree is not None:
        env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if profile and proc.stderr:
        sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"variant {variant} failed (exit {proc.returncode})")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if tree is not None and not result["package"].startswith(str(tree.resolve())):
        raise SystemExit(f"variant {variant} ran {result['package']}, not the copy in {tree}")
    return result


def collect(
    variants: list[str], path: Path, repeat: int, profile: bool, baseline: Path | None = None
) -> dict[str, dict]:
    """``repeat`` rounds, each running every variant once in a fresh process, interleaved.

    Interleaving spreads any drift in the machine's speed over all variants alike, and a
    fresh process per run times what a user gets: one open in a process that has started.
    With ``baseline`` ours and window also run on that copy of the package (``ours@base``).
    """
    runs: list[tuple[str, str, Path | None]] = [(v, v, None) for v in variants]
    if baseline is not None:
        runs += [(f"{v}@base", v, baseline) for v in variants if v != "floor"]
    results = {
        name: {"variant": name, "runs": [], "rows": 0, "base_mb": 0.0, "peak_mb": 0.0}
        for name, _v, _tree in runs
    }
    for _ in range(repeat):
        for name, v, tree in runs:
            one = run_variant(v, path, 1, False, tree)
            acc = results[name]
            acc["runs"].extend(one["runs"])
            acc["rows"] = one["rows"]
            acc["base_mb"] = max(acc["base_mb"], one["base_mb"])
            acc["peak_mb"] = max(acc["peak_mb"], one["peak_mb"])
    if profile:
        for v in variants:
            run_variant(v, path, 1, True)  # the child prints its profile on stderr
    return results


def summarize_runs(result: dict) -> dict:
    runs = result["runs"]
    keys = [k for k in runs[0] if k != "forced"]
    return {
        "median": statistics.median(r["total"] for r in runs),
        "min": min(r["total"] for r in runs),
        "max": max(r["total"] for r in runs),
        "parts": {k: statistics.median(r[k] for r in runs) for k in keys if k != "total"},
        "forced": any(r["forced"] for r in runs),
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path, help="plan file (default: generate one)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--only", choices=VARIANTS, action="append", help="run only this variant (repeatable)"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also profile one run of each variant (cProfile, on stderr)",
    )
    parser.add_argument("--json", type=Path, help="write the results as JSON to this file")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="also time ours and window with the qdplanner package in this folder (before/after)",
    )
    args = parser.parse_args(argv)

    if args.variant:  # child
        if args.plan is None:
            parser.error("--variant needs PLAN")
        print(json.dumps(child(args.variant, args.plan, args.repeat, args.profile)))
        return 0

    tmp = None
    plan = args.plan
    if plan is None:
        tmp = tempfile.TemporaryDirectory(prefix="qdplanner-bench-")
        plan = Path(tmp.name) / "large.qdplan"
        # In a subprocess: this process stays small, so it does not lend the children its
        # high-water mark (Linux carries ru_maxrss over fork and exec).
        subprocess.run(
            [sys.executable, str(Path(__file__).with_name("make_large_plan.py")), str(plan)],
            check=True,
        )
    try:
        variants = args.only or list(VARIANTS)
        results = collect(variants, plan, args.repeat, args.profile, args.baseline)
    finally:
        if tmp is not None:
            tmp.cleanup()

    stats = {v: summarize_runs(r) for v, r in results.items()}
    print(
        f"Plan {plan}: {next(iter(results.values()))['rows']} task rows; "
        f"{args.repeat} runs each, open → table painted"
    )
    print(f"{'variant':12} {'median':>10} {'min':>10} {'max':>10} {'peak RSS':>10}  parts (median)")
    for v, s in stats.items():
        parts = ", ".join(f"{k} {v_ * 1000:.0f}" for k, v_ in s["parts"].items())
        print(
            f"{v:12} {ms(s['median'])} {ms(s['min'])} {ms(s['max'])} "
            f"{results[v]['peak_mb']:7.0f} MB  {parts} ms"
            + ("  (paint forced)" if s["forced"] else "")
        )
    summary = {"plan": str(plan), "repeat": args.repeat, "results": results, "stats": stats}
    if "floor" in stats:
        floor = stats["floor"]["median"]
        for v in ("ours", "window", "ours@base", "window@base"):
            if v in stats:
                ratio = stats[v]["median"] / floor
                summary[f"ratio_{v}"] = ratio
                print(
                    f"ratio {v}/floor: {ratio:.2f} (of medians), "
                    f"{stats[v]['min'] / stats['floor']['min']:.2f} (of mins)"
                )
    rows = next(iter(results.values()))["rows"]
    goals = {}
    if "floor" in stats and "ours" in stats:
        ratio = stats["ours"]["median"] / stats["floor"]["median"]
        goals["table_ratio"] = {"value": ratio, "limit": GOAL_RATIO, "met": ratio <= GOAL_RATIO}
    if rows >= 100_000:
        for v, limit in GOALS_100K.items():
            if v in stats:
                value = stats[v]["median"]
                goals[f"{v}_100k"] = {"value": value, "limit": limit, "met": value < limit}
    for name, g in goals.items():
        verdict = "met" if g["met"] else "MISSED"
        print(f"goal {name}: {g['value']:.2f} (limit {g['limit']}) {verdict}")
    summary["goals"] = goals
    print(
        "Peak memory (ru_maxrss per subprocess; base = after Qt start-up and warm-up): "
        + ", ".join(
            f"{v} {r['peak_mb']:.0f} MB (base {r['base_mb']:.0f})" for v, r in results.items()
        )
    )
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
