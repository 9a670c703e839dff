"""Workbook export and import of the 20,000-task plan, each against a bare floor.

    .venv/bin/python bench/bench_excel.py [PLAN] [--repeat 3] [--json OUT] [--only VARIANT …]

Without PLAN a 20,000-task plan is generated in a temporary folder (make_large_plan.py) and
exported once to make the workbook the import variants read. Every run is a fresh subprocess
(its own peak memory figure); ``--repeat`` rounds run the variants interleaved, so a drift in
the machine's speed hits all of them alike. Median, min and max are printed.

export-floor   openpyxl write-only mode writing exactly the cells the export writes (the
               same values, dates and labels, already in memory; no styles, no validation,
               no SQL): the least openpyxl can do for this workbook.
export         ``export_plan(store, path)``: reading the plan, converting, styles, dropdowns,
               outline levels, writing.
export-normal  (reference) openpyxl's normal mode writing the same cells as export-floor:
               why the export uses write-only mode.
import-floor   python-calamine reading every sheet of the exported workbook (``to_python``).
import         ``preview_import`` + ``apply_import`` of the unedited export (no changes):
               file checks, reading, normalising, validating, comparing, applying.
import-edited  the same for a workbook with 1 % of its tasks edited (due dates, titles, lead
               units), 20 tasks added and 20 removed (with what goes with them).
export-floor-nogc, import-floor-nogc  (reference, only with --only) the floors with Python's
               cyclic garbage collector paused, as export_plan and the import pause it.

Goals (issue 5): export at most 1.3x its floor, import at most 3x its floor. Peak memory is
the child's peak resident set size (VmHWM), with its peak before the timed work began.

``--base DIR`` also runs every chosen variant (but the floors) on another copy of the
program (``DIR/qdplanner``, e.g. a copy taken before a change), interleaved with this one,
shown as ``VARIANT@base``: an A/B comparison on a noisy machine without touching the tree.
``--keep DIR`` keeps the exported and edited workbooks in DIR and reuses them next time.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VARIANTS = ("export-floor", "export", "export-normal", "import-floor", "import", "import-edited")
# (reference, on request) the floors with Python's cyclic garbage collector paused, as the
# export and the import pause it: what the floor would cost without that overhead
REFERENCES = ("export-floor-nogc", "import-floor-nogc")
GOALS = {"export": ("export-floor", 1.3), "import": ("import-floor", 3.0)}


def rss_mb() -> float:
    """This process's peak resident size so far, in MB.

    VmHWM (Linux) starts afresh in a new program; ru_maxrss would carry the parent's peak
    over the fork.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- the children --------------------------------------------------------------------------


def _same_cells(plan_path: Path) -> list[tuple[object, list[tuple]]]:
    """The export's sheets as plain rows of cell values (text cells unwrapped)."""
    from openpyxl import Workbook

    from qdplanner.excel.plan_rows import PlanRows
    from qdplanner.excel.sheet_specs import SHEETS
    from qdplanner.excel.workbook_export import _Writer
    from qdplanner.store import PlanStore

    with PlanStore.open(plan_path, readonly=True) as store:
        plan = PlanRows(store)
        writer = _Writer("zh_CN", 0, None)
        scratch = Workbook(write_only=True).create_sheet("scratch")
        sheets = []
        for spec in SHEETS:
            rows = writer._converted(scratch, spec, plan.rows(spec))
            plain = [tuple(getattr(v, "value", v) for v in row) for row in rows]
            sheets.append((spec, [tuple(c.zh for c in spec.columns), *plain]))
    return sheets


def _write_floor(sheets, out: Path, *, write_only: bool) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    for spec, rows in sheets:
        ws = book.create_sheet(spec.zh)
        for row in rows:
            ws.append(row)
    book.save(out)


def child(variant: str, plan: Path, workbook: Path, edited: Path, work: Path) -> dict:
    """Run one variant once; return its time and memory."""
    result: dict = {"variant": variant}
    if variant.endswith("-nogc"):
        import gc

        gc.disable()
        variant = variant.removesuffix("-nogc")
    if variant in ("export-floor", "export-normal"):
        sheets = _same_cells(plan)
        before = rss_mb()
        t0 = time.perf_counter()
        _write_floor(sheets, work / "floor.xlsx", write_only=variant == "export-floor")
    elif variant == "export":
        from qdplanner.excel.workbook_export import export_plan
        from qdplanner.store import PlanStore

        before = rss_mb()
        t0 = time.perf_counter()
        with PlanStore.open(plan, readonly=True) as store:
            export_plan(store, work / "export.xlsx")
    elif variant == "import-floor":
        import python_calamine

        before = rss_mb()
        t0 = time.perf_counter()
        with python_calamine.CalamineWorkbook.from_path(str(workbook)) as book:
            cells = sum(
                len(row) for name in book.sheet_names
                for row in book.get_sheet_by_name(name).to_python()
            )  # fmt: skip
        result["cells"] = cells
    else:
        from qdplanner.excel.workbook_import import apply_import, preview_import
        from qdplanner.store import PlanStore

        copy = work / "copy.qdplan"
        shutil.copy(plan, copy)
        source = edited if variant == "import-edited" else workbook
        before = rss_mb()
        t0 = time.perf_counter()
        with PlanStore.open(copy) as store:
            preview = preview_import(store, source)
            if preview.errors:
                raise SystemExit(f"{variant}: {preview.errors[:3]}")
            if not preview.is_empty:
                apply_import(store, preview, allow_removals=True)  # the edit removes rows
        result["counts"] = preview.counts()
    result["seconds"] = time.perf_counter() - t0
    result["rss_before_mb"] = round(before, 1)
    result["rss_peak_mb"] = round(rss_mb(), 1)
    return result


# -- the parent ------------------------------------------------------------------------------


def make_edited(plan: Path, workbook: Path, out: Path) -> dict[str, int]:
    """Edit 1 % of the tasks of ``workbook`` (dates, titles, leads), add 20, remove 20."""
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    ws = book["任务"]
    head = {c.value: c.column for c in ws[1]}
    units = [c.value for c in book["_lists"]["A"]][:50]
    rows = ws.max_row
    edits = 0
    for row in range(2, rows + 1, 100):
        ws.cell(row, head["截止日期"]).value = datetime.date(2027, 6, 30)
        ws.cell(row, head["任务名称"]).value = f"{ws.cell(row, head['任务名称']).value}（修订）"
        ws.cell(row, head["牵头单位"]).value = units[row % len(units)]
        edits += 1
    program = ws.cell(2, head["计划ID"]).value
    for n in range(20):
        row = ws.max_row + 1
        ws.cell(row, head["计划ID"]).value = program
        ws.cell(row, head["任务名称"]).value = f"新增任务{n}"
        ws.cell(row, head["完成时限"]).value = "2026年底前"
        ws.cell(row, head["牵头单位"]).value = units[n]
    removed = 0
    for row in range(rows, 2, -997):  # leaf or not: what goes with them is removed too
        ws.delete_rows(row)
        removed += 1
    book.save(out)
    return {"edited rows": edits, "added": 20, "removed rows": removed}


def run_child(args: argparse.Namespace, variant: str, paths: dict[str, Path]) -> dict:
    variant, _, base = variant.partition("@")
    cmd = [sys.executable, __file__, "--child", variant]
    cmd += [str(paths[k]) for k in ("plan", "workbook", "edited", "work")]
    env = dict(os.environ)
    if base:  # the other copy of the program comes first on the path
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.base), env.get("PYTHONPATH")]))
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    process = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{variant} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_seconds"] = process  # the whole process: start-up, imports, work, exit
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=VARIANTS + REFERENCES)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--base", type=Path, help="also run the variants on DIR/qdplanner")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the workbooks in DIR")
    parser.add_argument("--child", nargs=5, metavar=("VARIANT", "PLAN", "WB", "EDITED", "WORK"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args(argv)
    if args.child:
        variant, *rest = args.child
        print(json.dumps(child(variant, *map(Path, rest))))
        return 0

    sys.path.insert(0, str(HERE))
    from make_large_plan import make_plan

    from qdplanner.excel.workbook_export import export_plan
    from qdplanner.store import PlanStore

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        plan = args.plan or tmp_path / "large.qdplan"
        if args.plan is None:
            print("making a 20,000-task plan …", flush=True)
            make_plan(plan)
        books = args.keep or tmp_path
        books.mkdir(parents=True, exist_ok=True)
        paths = {"plan": plan, "workbook": books / "plan.xlsx",
                 "edited": books / "edited.xlsx", "work": tmp_path}  # fmt: skip
        if not (args.keep and paths["workbook"].exists() and paths["edited"].exists()):
            with PlanStore.open(plan, readonly=True) as store:
                counts = export_plan(store, paths["workbook"])
            print("workbook:", ", ".join(f"{n} {k}" for k, n in counts.items()))
            print("edited:", make_edited(plan, paths["workbook"], paths["edited"]))
        variants = args.only or list(VARIANTS)
        if args.base:
            variants = [w for v in variants
                        for w in (v, f"{v}@base")[: 1 if "floor" in v else 2]]  # fmt: skip
        runs: dict[str, list[dict]] = {v: [] for v in variants}
        for round_ in range(args.repeat):
            for variant in variants:
                runs[variant].append(run_child(args, variant, paths))
            print(f"round {round_ + 1}/{args.repeat} done", flush=True)
    return report(runs, args.json)


def report(runs: dict[str, list[dict]], out: Path | None) -> int:
    figures = {}
    print(f"\n{'variant':19s} {'median s':>9s} {'min s':>7s} {'max s':>7s} "
          f"{'process med':>11s} {'min':>6s} {'rss before':>11s} {'rss peak':>9s}")  # fmt: skip
    for variant, results in runs.items():
        times = [r["seconds"] for r in results]
        figures[variant] = {
            "median": statistics.median(times),
            "min": min(times),
            "max": max(times),
            "rss_before_mb": max(r["rss_before_mb"] for r in results),
            "rss_peak_mb": max(r["rss_peak_mb"] for r in results),
            "counts": results[-1].get("counts"),
            "process_median": statistics.median(r["process_seconds"] for r in results),
            "process_min": min(r["process_seconds"] for r in results),
        }
        f = figures[variant]
        print(f"{variant:19s} {f['median']:9.2f} {f['min']:7.2f} {f['max']:7.2f} "
              f"{f['process_median']:11.2f} {f['process_min']:6.2f} "
              f"{f['rss_before_mb']:9.0f}MB {f['rss_peak_mb']:7.0f}MB")  # fmt: skip
    failed = False
    print()
    for ours, (floor, goal) in GOALS.items():
        for variant in (ours, f"{ours}-edited"):
            if variant in figures and floor in figures:
                ratio = figures[variant]["median"] / figures[floor]["median"]
                ok = ratio <= goal
                failed |= variant == ours and not ok
                print(f"{variant}: {ratio:.2f}x its floor (goal {goal}x) "
                      f"{'ok' if ok else 'OVER'}")  # fmt: skip
    if "export-normal" in figures and "export-floor" in figures:
        ratio = figures["export-normal"]["median"] / figures["export-floor"]["median"]
        print(f"openpyxl normal mode: {ratio:.2f}x write-only mode for the same cells")
    if "import-edited" in figures:
        print(f"import-edited changes: {figures['import-edited']['counts']}")
    goals = {}  # issue 18: export in-process against its floor; import as whole processes
    if "export" in figures and "export-floor" in figures:
        ratio = figures["export"]["median"] / figures["export-floor"]["median"]
        goals["export_ratio"] = {"value": ratio, "limit": 1.2, "met": ratio <= 1.2}
    if "import-edited" in figures and "import-floor" in figures:
        edited, floor = (figures[v]["process_median"] for v in ("import-edited", "import-floor"))
        ratio = edited / floor
        goals["import_edited_process_ratio"] = {"value": ratio, "limit": 2.5, "met": ratio <= 2.5}
        print(f"import-edited, whole processes: {edited:.2f} s = {ratio:.2f}x the floor's "
              f"{floor:.2f} s (goal 2.5x)")  # fmt: skip
    for variant in [v for v in figures if v.endswith("@base") and "import" in v]:
        if "import-floor" in figures:
            ratio = figures[variant]["process_median"] / figures["import-floor"]["process_median"]
            print(f"{variant}, whole processes: {figures[variant]['process_median']:.2f} s = "
                  f"{ratio:.2f}x the floor's")  # fmt: skip
    for ours, floor in (("export", "export-floor-nogc"), ("import-edited", "import-floor-nogc")):
        if ours in figures and floor in figures:
            a, b = figures[ours], figures[floor]
            print(f"{ours}: {a['median'] / b['median']:.2f}x {floor} in-process, "
                  f"{a['process_median'] / b['process_median']:.2f}x as whole processes "
                  "(reference)")  # fmt: skip
    if out:
        out.write_text(json.dumps({**figures, "goals": goals}, indent=2), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
