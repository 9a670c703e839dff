"""How long the progress summary takes as a Word document (.docx) for a large plan.

    .venv/bin/python bench/bench_word.py [PLAN] [--repeat 3] [--as-of 2026-11-23] [--docx OUT]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py).
Times, ``--repeat`` times after one untimed warm-up (fonts, caches):

build    ``build_report``: every read from the plan (tasks, indicators, milestones, reports)
blocks   ``report_blocks``: the document's blocks, indicator chart pages (Qt drawings) included
docx     the Word document: styles, sections, tables as WordprocessingML, pictures, zip
total    all three: what ``qdplanner report PLAN OUT.docx`` spends after start-up (goal < 15 s)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

GOAL = 15.0  # seconds to write the Word document of the 20,000-task plan


def make_plan(folder: Path) -> Path:
    plan = folder / "large.qdplan"
    script = Path(__file__).with_name("make_large_plan.py")
    subprocess.run([sys.executable, str(script), str(plan), "--force", "--quiet"], check=True)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 23))
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--docx", type=Path, help="keep the last Word document here")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from qdplanner.reports.summary.content import ReportOptions, build_report
    from qdplanner.reports.summary.document import report_blocks
    from qdplanner.reports.summary.layout import Table
    from qdplanner.reports.summary.word import write_docx_blocks
    from qdplanner.store import PlanStore

    app = QApplication.instance() or QApplication(["bench"])  # noqa: F841 - the timeline page
    with tempfile.TemporaryDirectory() as tmp:
        plan = args.plan or make_plan(Path(tmp))
        out = args.docx or Path(tmp) / "summary.docx"
        options = ReportOptions(as_of=args.as_of, lang=args.lang)
        times: dict[str, list[float]] = {"build": [], "blocks": [], "docx": [], "total": []}
        rows = 0
        with PlanStore.open(plan, readonly=True) as store:
            for run in range(args.repeat + 1):
                t0 = time.perf_counter()
                report = build_report(store, options)
                t1 = time.perf_counter()
                blocks = report_blocks(report)
                t2 = time.perf_counter()
                write_docx_blocks(report, blocks, out)
                t3 = time.perf_counter()
                rows = sum(len(b.rows) for b in blocks if isinstance(b, Table))
                if run == 0:
                    continue  # warm-up
                for key, value in zip(times, (t1 - t0, t2 - t1, t3 - t2, t3 - t0), strict=True):
                    times[key].append(value)
            tasks = store.db.execute("SELECT count(*) FROM tasks").fetchone()[0]
        size = out.stat().st_size / 1e6
        print(f"plan: {plan} ({tasks} tasks), as of {args.as_of}, language {args.lang}")
        for key, values in times.items():
            print(
                f"{key:>7}: median {statistics.median(values):6.2f} s"
                f"  (min {min(values):.2f}, max {max(values):.2f}, {len(values)} runs)"
            )
        print(f"  table rows: {rows}   .docx size: {size:.1f} MB")
        total = statistics.median(times["total"])
        verdict = "MET" if total < GOAL else "MISSED"
        print(f"   goal: total < {GOAL:.0f} s — {verdict} ({total:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
