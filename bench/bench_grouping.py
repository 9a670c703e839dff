"""What the task table's program / project header lines cost: grouped against flat, same rows.

    .venv/bin/python bench/bench_grouping.py [PLAN] [--repeat 5]

Without PLAN a 100,000-task plan is generated in a temporary folder (make_large_plan.py).
One process, the two variants interleaved (so a drift in the machine's speed hits both alike);
each figure is the median over ``--repeat`` rounds, on a TaskTableModel in a QTableView of
the window's table class (offscreen):

load      ``TaskTableModel.load`` of 全部任务 (query, lights, tree order — and grouping);
filter    a search text set, then cleared (the filter pass, sort, grouping, relayout), once
          the rows' folded text is made (a first search makes it, grouped or not);
sort      by due date, then back to plan order;
paint     a full repaint of the view's viewport (header lines drawn over their cells);
fold      every group folded, then unfolded (grouped only).

The goal: a grouped filter (set and cleared) under 100 ms, the keystroke goal of
bench_editing; load and paint within 20 % of flat (folding is new: its figure is reported).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bench(plan: Path, repeat: int) -> dict[str, dict[str, float]]:
    from PySide6.QtCore import QCoreApplication, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("qdplanner-bench-grouping")
    app = QApplication.instance() or QApplication([])
    QSettings().clear()
    from qdplanner.store import PlanStore
    from qdplanner.store.task_filter import TaskFilter
    from qdplanner.store.task_rows import Scope
    from qdplanner.ui.fonts import apply_cjk_font
    from qdplanner.ui.group_rows import TaskTableView
    from qdplanner.ui.models.task_table import Col, TaskTableModel

    apply_cjk_font(app)
    store = PlanStore.open(plan)
    times: dict[str, dict[str, list[float]]] = {"flat": {}, "grouped": {}}

    def timed(variant: str, name: str, work) -> None:
        start = time.perf_counter()
        work()
        times[variant].setdefault(name, []).append(time.perf_counter() - start)

    for _ in range(repeat):
        for variant in ("flat", "grouped"):
            model = TaskTableModel()
            model.set_grouping(variant == "grouped")
            view = TaskTableView()
            view.setModel(model)
            view.resize(1100, 760)
            view.verticalHeader().setDefaultSectionSize(24)
            view.show()
            timed(variant, "load", lambda m=model: m.load(store, Scope()))
            app.processEvents()
            model.set_filter(TaskFilter(text="推进科技"))  # the rows' folded text, made once
            model.set_filter(TaskFilter())

            def filtering(m=model):
                m.set_filter(TaskFilter(text="推进科技"))
                m.set_filter(TaskFilter())

            timed(variant, "filter", filtering)

            def sorting(m=model):
                m.sort(Col.DUE, Qt.SortOrder.AscendingOrder)
                m.sort(-1, Qt.SortOrder.AscendingOrder)

            timed(variant, "sort", sorting)
            timed(variant, "paint", view.viewport().repaint)
            if variant == "grouped":

                def folding(m=model):
                    m.set_all_collapsed(True)
                    m.set_all_collapsed(False)

                timed(variant, "fold", folding)
            rows, lines = model.task_count(), model.rowCount()
            view.close()
            view.deleteLater()
            app.processEvents()
    store.close()
    print(f"Plan {plan}: {rows} tasks, {lines} lines grouped; median of {repeat} rounds")
    return {v: {k: statistics.median(x) for k, x in parts.items()} for v, parts in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        plan = args.plan
        if plan is None:
            plan = Path(tmp) / "large.qdplan"
            maker = Path(__file__).with_name("make_large_plan.py")
            cmd = [sys.executable, str(maker), str(plan), "--tasks", "100000", "--quiet"]
            subprocess.run(cmd, check=True)
        result = bench(plan, args.repeat)
    flat, grouped = result["flat"], result["grouped"]
    print(f"{'':8} {'flat':>10} {'grouped':>10}  ratio")
    for name in ("load", "filter", "sort", "paint"):
        ratio = grouped[name] / flat[name]
        print(f"{name:8} {flat[name] * 1000:7.1f} ms {grouped[name] * 1000:7.1f} ms  {ratio:.2f}")
    print(f"{'fold':8} {'':>10} {grouped['fold'] * 1000:7.1f} ms  (fold all, unfold all)")
    met = grouped["filter"] < 0.1 and all(grouped[k] <= 1.2 * flat[k] for k in ("load", "paint"))
    verdict = "MET" if met else "MISSED"
    print(f"Goal 'grouped filter under 100 ms, load and paint within 20 % of flat': {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
