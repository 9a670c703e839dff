"""Keyboard speed on the 20,000-task plan: a filter keystroke and a cell edit.

    .venv/bin/python bench/bench_editing.py [PLAN] [--repeat 20] [--first-runs 5]

Goals (issue 18): a keystroke in the filter updates the table in under 50 ms, the first as
the later ones; a cell edit is committed (validated, written, logged, the row re-read) in
under 30 ms — a percent and a lead unit (issue 15: only the changed ``task_units`` row is
written). Measured on the real
main window, offscreen, against a copy of PLAN (edits are written).

The first keystroke is timed in fresh processes (``--first-runs`` of each kind), two ways:
typed 0.3 s after the plan is painted — as soon as a person can react to what appeared (a
simple visual reaction takes ~0.25 s; moving to the filter box takes longer); by then the
table has read the descriptions and folded the searched text, 150 ms after loading — which
the goal is judged on (until 2026-12-04: 1 s after, the idle work 700 ms after loading); and,
for reference, typed at once, in the event-loop turn right after the paint, before that idle
work, which it then pays for: the most a keystroke can wait for the idle work it lands on.
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
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from qdplanner.store import PlanStore
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col

REACTION_S = 0.3  # the first keystroke the goal is judged on: as soon as a person reacts


def ms(values: list[float]) -> str:
    return (f"median {statistics.median(values) * 1000:6.1f} ms, "
            f"max {max(values) * 1000:6.1f} ms")  # fmt: skip


def first_keystroke(plan: Path, wait: float) -> float:
    """In this fresh process: the plan's window painted, ``wait`` seconds of events, then
    the time of the first keystroke in the filter to the table repainted."""
    app = QApplication.instance() or QApplication([])
    store = PlanStore.open(plan)
    window = MainWindow(store, language="zh_CN")
    window.resize(1400, 800)
    window.show()
    app.processEvents()
    until = time.perf_counter() + wait
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)
    start = time.perf_counter()
    window.plan_view.filter_bar.search.insert("推")
    window.plan_view.table.viewport().repaint()
    return time.perf_counter() - start


def first_keystrokes(plan: Path, runs: int) -> dict[str, list[float]]:
    """``runs`` fresh processes of each kind, interleaved."""
    found: dict[str, list[float]] = {"idle": [], "at_once": []}
    for _ in range(runs):
        for kind, wait in (("idle", REACTION_S), ("at_once", 0.0)):
            out = subprocess.run(
                [sys.executable, __file__, str(plan), "--first-only", str(wait)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            found[kind].append(float(out.split()[-1]))
    return found


def spread(values: list[float]) -> str:
    if not values:  # --first-runs 0
        return "not measured"
    mid, low, high = (f(values) * 1000 for f in (statistics.median, min, max))
    return f"median {mid:6.1f} ms (min {low:.1f}, max {high:.1f}, n={len(values)})"


def bench(plan: Path, repeat: int, first_runs: int) -> dict:
    firsts = first_keystrokes(plan, first_runs)
    app = QApplication.instance() or QApplication([])
    store = PlanStore.open(plan)
    window = MainWindow(store, language="zh_CN")
    window.resize(1400, 800)
    window.show()
    app.processEvents()
    search = window.plan_view.filter_bar.search

    typing = []
    for _ in range(repeat):  # type "推进科技" one character at a time, then clear
        for char in "推进科技":
            start = time.perf_counter()
            search.insert(char)
            window.plan_view.table.viewport().repaint()
            typing.append(time.perf_counter() - start)
        search.clear()
    shown = window.plan_view.tasks.rowCount()

    unit = []
    for name in ("市科学技术局", ""):
        start = time.perf_counter()
        window.plan_view.filter_bar.unit.setEditText(name)
        window.plan_view.table.viewport().repaint()
        unit.append(time.perf_counter() - start)

    edits = []
    model = window.plan_view.tasks
    # the tasks' lines (a program's or project's header line is no task)
    tasks = [r for r in range(min(model.rowCount(), 2000)) if model.row_at(r) is not None]
    for i in range(repeat):
        index = model.index(tasks[100 + i], Col.PERCENT)
        value = str((model.row_at(tasks[100 + i]).percent + 7) % 101)
        start = time.perf_counter()
        model.setData(index, value)
        window.plan_view.table.viewport().repaint()
        edits.append(time.perf_counter() - start)

    leads = []
    names = sorted({model.row_at(r).lead_short for r in tasks[:300]} - {""})[:5]
    for i in range(repeat):
        row = tasks[200 + i]
        name = next(n for n in names if n != model.row_at(row).lead_short)
        start = time.perf_counter()
        model.setData(model.index(row, Col.LEAD), name)
        window.plan_view.table.viewport().repaint()
        leads.append(time.perf_counter() - start)

    print(f"Plan {plan}: {window.plan_view.tasks.total_count()} tasks")
    print(f"first filter keystroke, 0.3 s after painting {spread(firsts['idle'])}  (goal < 50 ms)")
    print(f"first filter keystroke, typed at once (ref.) {spread(firsts['at_once'])}")
    print(f"filter keystroke → table repainted   {ms(typing)}  (goal < 50 ms)")
    print(f"unit filter set / cleared            {ms(unit)}")
    print(f"cell edit → committed and repainted  {ms(edits)}  (goal < 30 ms)")
    print(f"lead unit edit → committed, repainted {ms(leads)}  (goal < 30 ms)")
    print(f"(rows matching '推进科技' after clearing: {shown})")
    window.close()
    store.close()
    figures = {  # issue 18's goals, in seconds
        "filter_later": (statistics.median(typing[1:]), 0.050),
        "edit_percent": (statistics.median(edits), 0.030),
        "edit_lead": (statistics.median(leads), 0.030),
    }
    if firsts["idle"]:  # not with --first-runs 0
        figures["filter_first"] = (statistics.median(firsts["idle"]), 0.050)
    goals = {k: {"value": v, "limit": lim, "met": v < lim} for k, (v, lim) in figures.items()}
    for name, g in goals.items():
        verdict = "met" if g["met"] else "MISSED"
        print(f"goal {name}: {g['value'] * 1000:.1f} ms (limit {g['limit'] * 1000:.0f}) {verdict}")
    return {
        "goals": goals,
        "first": firsts,
        "typing": typing,
        "edits": edits,
        "leads": leads,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--first-runs", type=int, default=5, help="fresh processes of each kind")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--first-only", type=float, help=argparse.SUPPRESS)  # a child: wait
    args = parser.parse_args()
    if args.first_only is not None:
        print(first_keystroke(args.plan, args.first_only))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "plan.qdplan"
        if args.plan:
            shutil.copy(args.plan, copy)
        else:
            subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).with_name("make_large_plan.py")),
                    str(copy),
                    "--quiet",
                ],
                check=True,
            )
        figures = bench(copy, args.repeat, args.first_runs)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
