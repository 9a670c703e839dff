"""Fill the sample plan's progress ledger: a report per task per quarter (issue 16, item 1).

The sample plan (``db/sample/qingdao.json``) had one or two progress reports per task, so a
report "as it stood" at a past date read mostly 无进展记录. This script adds the missing
quarters as DATA, by a rule that invents no fact and no figure (``db/sample/README.md``,
"What is illustrative"):

* for each task with reports, a report for every quarter from the quarter its work starts
  (its ``start``, else its deadline's first day, else its plan document's first year) up to
  its last existing report — never beyond it; only quarters that have no report are filled;
* the percent is linear between the known points (0 % at the start; each existing report's
  percent at its period's end), rounded half up and never decreasing; the status is
  ``in_progress`` (``not_started`` at 0 %; never ``done``: only an existing report says so);
* nothing after an existing report saying done, suspended or cancelled, and nothing for a
  task that is suspended, not started or cancelled now (the demo's statuses, kept as made);
* the narrative is a sentence marked （示例） with no figure; problems and next steps are
  empty; the reporting unit is the task's lead; ``reported_on`` is 10 days after the
  period's end; ``illustrative`` is true.

Existing reports are kept exactly as they are. Running it twice changes nothing.

    .venv/bin/python scripts/fill_sample_ledger.py            # fill db/sample/qingdao.json
    .venv/bin/python scripts/fill_sample_ledger.py --check    # exit 1 if it would change
    .venv/bin/python scripts/fill_sample_ledger.py --rebuild  # drop generated reports first
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qdplanner.domain.deadlines import parse_deadline  # noqa: E402
from qdplanner.domain.periods import Period, parse_period, period_of  # noqa: E402

SAMPLE = ROOT / "db" / "sample" / "qingdao.json"

# The generated reports' narratives: marked 示例, no figure, no fact beyond "work went on".
NARRATIVE = "（示例）本季度工作持续推进，完成比例按前后进展推算。"
NARRATIVE_NOT_STARTED = "（示例）本季度工作尚未启动。"
GENERATED_NARRATIVES = (NARRATIVE, NARRATIVE_NOT_STARTED)
REPORTED_AFTER = timedelta(days=10)  # reported_on: 10 days after the period's end
# Tasks whose status now is one of these get nothing invented (README: the demo's statuses)
KEPT_AS_MADE = {"suspended", "not_started", "cancelled"}
# Nothing is invented after a report saying one of these
CLOSING = {"done", "suspended", "cancelled"}


def is_generated(report: dict[str, Any]) -> bool:
    """A report this script made (its narrative, no problems, no next steps)."""
    return (
        report.get("narrative") in GENERATED_NARRATIVES
        and not report.get("problems")
        and not report.get("next_steps")
    )


def _round(value: float) -> int:
    return int(value + 0.5)  # half up (round() would round 42.5 to 42)


def _start(task: dict[str, Any], doc: dict[str, Any]) -> date | None:
    """When the task's work starts: as the loader reads it, else the document's first year."""
    if task.get("start"):
        return date.fromisoformat(task["start"])
    deadline = parse_deadline(task.get("deadline"))
    if deadline.start:
        return deadline.start
    return date(doc["start_year"], 1, 1) if doc.get("start_year") else None


def _percent_at(day: date, points: list[tuple[date, int]]) -> float:
    """The percent at ``day``, linear between the known ``points`` (sorted by date)."""
    before = [p for p in points if p[0] <= day]
    after = [p for p in points if p[0] > day]
    if not before:
        return 0.0
    (d0, p0) = before[-1]
    if not after:
        return float(p0)
    (d1, p1) = after[0]
    return p0 + (p1 - p0) * (day - d0).days / (d1 - d0).days


def fill_task(task: dict[str, Any], doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The reports ``task`` should have: its own, and the missing quarters' (new dicts)."""
    reports = task.get("progress", [])
    start = _start(task, doc)
    if not reports or start is None or task.get("status") in KEPT_AS_MADE:
        return reports
    known = sorted(((parse_period(r["period"]), r) for r in reports), key=lambda pr: pr[0])
    points = [(start, 0)] + [(p.end, r["percent"]) for p, r in known if p.end >= start]
    # Fill up to the last report, but not past one that closes the task's work
    last_end = known[-1][0].end
    for p, r in known:
        if r["status"] in CLOSING:
            last_end = p.end
            break
    taken = {p.end for p, _ in known}
    made: list[tuple[Period, dict[str, Any]]] = []
    quarter = period_of(start)
    while quarter.end <= last_end:
        if quarter.end not in taken:
            made.append((quarter, {}))
        quarter = period_of(quarter.end + timedelta(days=1))
    if not made:
        return reports
    merged = sorted(known + made, key=lambda pr: pr[0])
    result, floor = [], 0
    for period, report in merged:
        if report:  # an existing report, kept exactly as it is
            result.append(report)
            floor = max(floor, report["percent"])
            continue
        percent = max(floor, _round(_percent_at(period.end, points)))
        percent = min(percent, 99)  # 100 % is done, and only an existing report says done
        floor = percent
        result.append(
            {
                "period": period.code,
                "status": "in_progress" if percent else "not_started",
                "percent": percent,
                "narrative": NARRATIVE if percent else NARRATIVE_NOT_STARTED,
                "problems": "",
                "next_steps": "",
                "reporting_unit": task.get("lead", ""),
                "reported_on": (period.end + REPORTED_AFTER).isoformat(),
                "illustrative": True,
            }
        )
    return result


def _tasks(tasks: list[dict[str, Any]]):
    for task in tasks:
        yield task
        yield from _tasks(task.get("subtasks", []))


def fill_ledger(data: dict[str, Any], *, rebuild: bool = False) -> dict[str, Any]:
    """A copy of the sample ``data`` with every task's ledger filled (see the module's rule)."""
    data = copy.deepcopy(data)
    for doc in data["plan_documents"]:
        for stream in doc.get("programs", []) + doc.get("projects", []):
            for task in _tasks(stream.get("tasks", [])):
                if "progress" not in task:
                    continue
                if rebuild:
                    task["progress"] = [r for r in task["progress"] if not is_generated(r)]
                task["progress"] = fill_task(task, doc)
    return data


def dump(data: dict[str, Any]) -> str:
    """The sample file's own layout (2-space indent, Chinese kept as written)."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file would change")
    parser.add_argument(
        "--rebuild", action="store_true", help="drop the reports this script made, then fill"
    )
    args = parser.parse_args(argv)
    old = args.path.read_text(encoding="utf-8")
    data = json.loads(old)
    new = dump(fill_ledger(data, rebuild=args.rebuild))
    before = sum(len(t.get("progress", [])) for t in _all_tasks(data))
    after = sum(len(t.get("progress", [])) for t in _all_tasks(json.loads(new)))
    if new == old:
        print(f"{args.path}: up to date ({after} progress reports)")
        return 0
    if args.check:
        print(f"{args.path}: would change ({before} → {after} progress reports)")
        return 1
    args.path.write_text(new, encoding="utf-8")
    print(f"{args.path}: {before} → {after} progress reports")
    return 0


def _all_tasks(data: dict[str, Any]):
    for doc in data["plan_documents"]:
        for stream in doc.get("programs", []) + doc.get("projects", []):
            yield from _tasks(stream.get("tasks", []))


if __name__ == "__main__":
    sys.exit(main())
