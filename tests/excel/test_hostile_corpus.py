"""Broken and hostile workbooks through the command line (issue 13): never a crash, the dry
run says what the real run does, a refusal names the file (and the sheet, row and column of
a bad cell), and a refused workbook leaves the plan file byte for byte as it was.

The corpus is built by tests/excel/hostile_books.py from a real export and a real collection
round of the sample plan (made once for the module); each case runs on a fresh copy of it.
"""

from __future__ import annotations

import re
import shutil
import traceback
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from qdplanner.excel import collection_layout as layout
from qdplanner.store import PlanStore
from tests.excel.hostile_books import (
    NAMES,
    TASKS,
    Sources,
    build,
    formula_book,
    formula_titles,
    run_cli,
)


@pytest.fixture(scope="module")
def sources(sample_template: Path, tmp_path_factory) -> Sources:
    """The sample plan, its export and its 2025Q4 round (the plan records the round)."""
    folder = tmp_path_factory.mktemp("hostile")
    plan = folder / "sample.qdplan"
    shutil.copy(sample_template, plan)
    return Sources(folder / "sources", plan).prepare()


def fresh_plan(sources: Sources, folder: Path) -> Path:
    path = folder / "sample.qdplan"
    shutil.copy(sources.plan, path)
    return path


def crash(result) -> str | None:
    """What shows the command crashed (exit code 3, an internal error, a traceback), or None."""
    text = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return "".join(traceback.format_exception(result.exception))
    if result.exit_code == 3 or "internal error" in text or "Traceback" in text:
        return f"exit code {result.exit_code}: {text}"
    return None


def error_lines(result) -> list[str]:
    return [
        line for line in result.stdout.splitlines() if line.startswith("error:")
    ] + result.stderr.splitlines()


def has(text: str, word: str) -> bool:
    """``word`` in ``text``; ``row 2`` is not found in ``row 21``."""
    tail = r"(?![0-9])" if word[-1:].isdigit() else ""
    return re.search(re.escape(word) + tail, text) is not None


def shown(result) -> str:
    return (
        f"exit code {result.exit_code}\n--- stdout ---\n{result.stdout[-3000:]}"
        f"\n--- stderr ---\n{result.stderr[-3000:]}"
    )


@pytest.mark.parametrize("name", NAMES)  # each well under 2 s: none is marked slow
def test_hostile_workbook(name: str, sources: Sources, tmp_path: Path):
    plan = fresh_plan(sources, tmp_path)
    case = build(name, tmp_path / "case", sources)
    target = case.plan or plan
    before = target.read_bytes()
    dry = run_cli(*case.argv(plan, dry_run=True))
    after_dry = target.read_bytes()
    real = run_cli(*case.argv(plan, dry_run=False))
    after = target.read_bytes()

    problems = []
    for which, result in (("dry run", dry), ("real run", real)):
        if (why := crash(result)) is not None:
            problems.append(f"{which} crashed: {why}")
        if re.search(r"sheet [,:]", result.output):
            problems.append(f"{which}: a message names a sheet without its name")
        problems += [
            f"{which}: {w!r} is in the output" for w in case.expect.absent if has(result.output, w)
        ]
    if dry.exit_code != real.exit_code:
        problems.append(f"exit codes differ: dry run {dry.exit_code}, real run {real.exit_code}")
    if error_lines(dry) != error_lines(real):
        problems.append(f"error lines differ:\n{error_lines(dry)}\n{error_lines(real)}")
    if after_dry != before:
        problems.append("the dry run changed the plan file")
    if case.expect.refused:
        if real.exit_code != 1:
            problems.append(f"not refused with exit code 1 (got {real.exit_code})")
        missing = [
            w
            for w in case.expect.words
            if not any(has(real.output, x) for x in (w if isinstance(w, tuple) else (w,)))
        ]
        if missing:
            problems.append(f"the message lacks {missing}")
        if after != before:
            problems.append("refused, yet the plan file changed")
    else:
        if real.exit_code != 0:
            problems.append(f"not accepted (exit code {real.exit_code})")
        elif "Applied to" not in real.stdout:
            problems.append("accepted, but nothing was applied")
        warnings = [line for line in real.stdout.splitlines() if line.startswith("warning:")]
        if case.expect.warnings and not any(
            all(w in line for w in case.expect.warnings) for line in warnings
        ):
            problems.append(f"no warning line naming {case.expect.warnings}: {warnings}")
    assert not problems, (
        f"{name} ({case.command} {case.path.name} {' '.join(case.args)}):\n"
        + "\n".join(problems)
        + f"\n=== dry run: {shown(dry)}\n=== real run: {shown(real)}"
    )


# -- formula-looking text: imported as text, and never written back as a formula ---------------


@pytest.fixture(scope="module")
def formula_plan(sources: Sources, tmp_path_factory) -> tuple[Path, dict[int, str]]:
    """A copy of the plan with tasks retitled =HYPERLINK(…), _x0001_=HYPERLINK(…), @SUM(1),
    +1 and -1 through ``qdplanner import``."""
    folder = tmp_path_factory.mktemp("formula")
    plan = fresh_plan(sources, folder)
    titles = formula_titles(sources)
    result = run_cli("import", plan, formula_book(folder, sources, titles))
    assert crash(result) is None and result.exit_code == 0, shown(result)
    return plan, titles


def no_formula_cells(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path)
    return [
        f"{path.name}!{ws.title}!{cell.coordinate}: {cell.value!r}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def calamine_rows(path: Path, sheet: str) -> list[list]:
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(sheet).to_python()


def test_formula_looking_titles_are_imported_as_text(formula_plan):
    plan, titles = formula_plan
    with PlanStore.open(plan, readonly=True) as store:
        stored = {
            t: store.db.execute("SELECT title FROM tasks WHERE id = ?", [t]).fetchone()[0]
            for t in titles
        }
    assert stored == titles


def test_an_export_after_them_holds_no_formula_and_the_literal_text(formula_plan, tmp_path):
    plan, titles = formula_plan
    out = tmp_path / "again.xlsx"
    result = run_cli("export", plan, out, "--lang", "zh")
    assert result.exit_code == 0, shown(result)
    assert no_formula_cells(out) == []
    rows = calamine_rows(out, TASKS)
    title = rows[0].index("任务名称")
    read = {int(r[0]): r[title] for r in rows[1:] if r[0] != "" and int(r[0]) in titles}
    assert read == titles


def test_a_collection_after_them_holds_no_formula_and_the_literal_text(formula_plan, tmp_path):
    plan, titles = formula_plan
    copy = tmp_path / "plan.qdplan"
    shutil.copy(plan, copy)
    outdir = tmp_path / "round"
    result = run_cli("collect", copy, outdir, "--period", "2026Q1", "--lang", "zh")
    assert result.exit_code == 0, shown(result)
    books = sorted(outdir.glob("*.xlsx"))
    assert books
    assert [f for book in books for f in no_formula_cells(book)] == []
    read = {}
    for book in books:
        for row in calamine_rows(book, "进展填报")[layout.FIRST_ROW - 1 :]:
            if row[0] != "" and int(row[0]) in titles:
                read[int(row[0])] = row[layout.INDEX["title"]]
    assert read == titles
