"""Issue a collection round (季度填报): one workbook per lead unit with only the tasks it leads.

``collect_workbooks(store, outdir, "2024Q3")`` writes ``2024Q3_<unit name>.xlsx`` for every
unit that leads a task (or for the units asked for) and records each in the plan's
``collections`` table, all in one action (one undo step). The layout is described in
:mod:`collection_layout`. Input cells are pre-filled: with the unit's report for the period
when the plan already holds one, else status and percent with the task's current values; a
row returned unchanged counts as not reported.

Files appear whole or not at all (written beside their name, then renamed); an existing file
is not overwritten unless asked, so a returned workbook saved in the same folder is never
lost to a second round. If anything fails, or ``progress`` raises (a cancel), the workbooks
written so far are removed and the plan is left as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.periods import parse_period
from qdplanner.errors import N_, NotFoundError
from qdplanner.excel.collection_sheets import SheetContext, WorkbookBuilder
from qdplanner.excel.vocabulary import LANGUAGES
from qdplanner.excel.workbook_export import ExportError, save_workbook
from qdplanner.store import plan_tables
from qdplanner.store.collections import (
    earlier_reports,
    ensure_plan_identity,
    period_reports,
    record_issued,
    tasks_by_lead_unit,
)
from qdplanner.store.plan_store import PlanStore

Progress = Callable[[int, int], None]
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


@dataclass(frozen=True)
class IssuedWorkbook:
    unit_id: int
    unit_name: str
    path: Path
    tasks: int


@dataclass
class CollectResult:
    """What a round wrote: one workbook per unit, and the units asked for that lead nothing."""

    period: str
    issued_at: datetime
    workbooks: list[IssuedWorkbook] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unit names: no tasks to report on

    def as_json(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
            "workbooks": [
                {"unit_id": w.unit_id, "unit": w.unit_name, "file": str(w.path), "tasks": w.tasks}
                for w in self.workbooks
            ],
            "skipped": list(self.skipped),
        }


def workbook_file_name(period: str, unit_name: str) -> str:
    """``2024Q3_青岛市科学技术局.xlsx``: characters no file system accepts become ``_``."""
    stem = _UNSAFE.sub("_", f"{period}_{unit_name}").strip(" .")
    return f"{stem[:120]}.xlsx"


def collect_workbooks(
    store: PlanStore,
    outdir: str | Path,
    period: str,
    *,
    lang: str = "zh_CN",
    due: date | None = None,
    unit_ids: Iterable[int] | None = None,
    overwrite: bool = False,
    source: ChangeSource | str = ChangeSource.COMMAND,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> CollectResult:
    """Write one workbook per lead unit (or per unit of ``unit_ids``) into ``outdir`` and
    record each as issued for ``period`` (due by ``due``: the plan keeps it, so late
    units can be chased); see the module docstring."""
    if lang not in LANGUAGES:
        raise ExportError(
            N_("Messages", "unknown language {lang}; use one of {choices}"),
            lang=lang,
            choices=", ".join(LANGUAGES),
        )
    when = parse_period(period)
    issued_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    result = CollectResult(when.code, issued_at)
    by_unit = tasks_by_lead_unit(store)
    names = plan_tables.unit_names(store)
    wanted = sorted(by_unit) if unit_ids is None else list(dict.fromkeys(unit_ids))
    for unit_id in wanted:
        if unit_id not in names:
            raise NotFoundError(N_("Messages", "unit #{id} does not exist"), id=unit_id)
    result.skipped = [names[u] for u in wanted if not by_unit.get(u)]
    wanted = [u for u in wanted if by_unit.get(u)]
    folder = Path(outdir)
    paths = _paths(folder, when.code, {u: names[u] for u in wanted})
    if not overwrite:
        for path in paths.values():
            if path.exists():
                raise ExportError(
                    N_(
                        "Messages",
                        "{path} already exists; choose another folder, or allow overwriting",
                    ),
                    path=path,
                )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            N_("Messages", "{path}: cannot be written: {reason}"),
            path=folder,
            reason=exc.strerror or exc,
        ) from None
    context = SheetContext(
        lang=lang,
        period=when,
        due=due,
        issued_at=issued_at,
        plan=_plan_title(store),
        reports=period_reports(store, when.code),
        earlier=earlier_reports(store, when.code),
    )
    written: list[Path] = []
    description = f"collect {when.code}: {len(wanted)} workbook(s) to {folder}"
    try:
        with store.action(source, description) as changes:
            ident, key = ensure_plan_identity(store, changes)
            for n, unit_id in enumerate(wanted, start=1):
                path = paths[unit_id]
                book = WorkbookBuilder(context, ident, key, unit_id, names[unit_id]).build(
                    by_unit[unit_id]
                )
                save_workbook(book, path)
                written.append(path)
                record_issued(store, changes, when.code, unit_id, issued_at, path.name, due)
                result.workbooks.append(
                    IssuedWorkbook(unit_id, names[unit_id], path, len(by_unit[unit_id]))
                )
                if progress:
                    progress(n, len(wanted))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return result


def _paths(folder: Path, code: str, units: dict[int, str]) -> dict[int, Path]:
    names = {u: workbook_file_name(code, name) for u, name in units.items()}
    taken = [n.casefold() for n in names.values()]
    return {
        u: folder / (n if taken.count(n.casefold()) == 1 else f"{n[:-5]}_{u}.xlsx")
        for u, n in names.items()
    }


def _plan_title(store: PlanStore) -> str:
    titles = [d.title for d in plan_tables.plan_documents(store)]
    return "；".join(titles) or store.path.stem


__all__ = ["CollectResult", "IssuedWorkbook", "collect_workbooks", "workbook_file_name"]
