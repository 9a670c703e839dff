"""One table of issue 18's goals from the JSON files the benchmarks wrote.

    .venv/bin/python bench/goals.py OUT_DIR

Each benchmark run with ``--json OUT_DIR/<name>.json`` (bench/run_all.sh does) writes a
``goals`` object: goal name → measured value, limit and whether it was met. This script
prints them in the order of the issue's table; a goal whose benchmark did not run is listed
as "not run", never as met.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# (file, goal key, what is measured, unit of value and limit)
GOALS = [
    ("table", "table_ratio", "task table painted / floor doing the same work (20k)", "x"),
    ("startup", "window_cold_ratio", "main window + plan painted, cold / floor window", "x"),
    ("table-100k", "ours_100k", "100k tasks: table painted", "s"),
    ("table-100k", "window_100k", "100k tasks: main window painted", "s"),
    ("editing", "filter_first", "filter keystroke, the first (0.3 s after painting)", "ms"),
    ("editing", "filter_later", "filter keystroke, later ones", "ms"),
    ("editing", "edit_percent", "cell edit committed (percent)", "ms"),
    ("editing", "edit_lead", "cell edit committed (lead unit)", "ms"),
    ("excel", "import_edited_process_ratio", "import of an edited workbook / calamine, processes",
     "x"),
    ("excel", "export_ratio", "export / openpyxl write-only floor", "x"),
    ("commands", "roundtrip", "100k tasks: export + import of its own export", "s"),
    ("commands", "report-sample", "report of the sample plan, whole command", "s"),
    ("commands", "report", "report of 20k tasks, whole command", "s"),
    ("dashboard", "dashboard_cold", "dashboard of 200 indicators, first time after start-up",
     "s"),
    ("commands", "status", "qdplanner status --json, whole process (20k)", "s"),
]  # fmt: skip


def shown(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value * 1000:.1f} ms"
    return f"{value:.2f}{'×' if unit == 'x' else ' s'}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "bench/out")
    found: dict[str, dict] = {}
    for path in folder.glob("*.json"):
        try:
            found[path.stem] = json.loads(path.read_text(encoding="utf-8")).get("goals", {})
        except (OSError, ValueError, AttributeError):
            continue
    width = max(len(label) for _, _, label, _ in GOALS)
    print(f"{'goal':{width}}  {'measured':>10}  {'limit':>10}  verdict")
    missed = 0
    for file, key, label, unit in GOALS:
        goal = found.get(file, {}).get(key)
        if goal is None:
            print(f"{label:{width}}  {'—':>10}  {'':>10}  not run")
            continue
        verdict = "met" if goal["met"] else "MISSED"
        missed += not goal["met"]
        value, limit = shown(goal["value"], unit), shown(goal["limit"], unit)
        print(f"{label:{width}}  {value:>10}  {limit:>10}  {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
