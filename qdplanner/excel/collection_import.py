"""Import returned collection workbooks, many at once: preview, resolve conflicts, apply.

``preview_returns(store, paths, period=…)`` reads every file and checks it; it writes
nothing. A file is refused whole — listed with its errors by file, sheet, row and column —
when it is not a collection workbook of this plan, is for another period than asked, had
its read-only cells or hidden sheet changed, carries a row of a task its unit does not lead
(now, or ever: a row copied from another unit's workbook), or has a value that is not a
status, a whole percent from 0 to 100, or a date. Rows left empty, or as they were issued,
are not reports: a return with such rows is recorded as *partial*, naming them (while their
tasks have no report for the period). The other files still apply.

Two different reports for one task and period — from two files of the batch, or from a file
and the plan — are a :class:`~qdplanner.excel.collection_model.Conflict`;
``apply_returns(store, preview, choices)`` refuses while any is left open, then records every
report through :func:`qdplanner.store.progress.record_progress` and marks each good file's
round returned, all as one action (source ``import``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.models import ProgressReport
from qdplanner.domain.periods import parse_period
from qdplanner.errors import N_, QdError
from qdplanner.excel.collection_model import (
    PLAN,
    Candidate,
    Conflict,
    ConflictKey,
    PlannedReport,
    ReportValues,
    ReturnedReport,
    ReturnsPreview,
)
from qdplanner.excel.collection_read import FileReader, PlanFacts
from qdplanner.store import plan_tables
from qdplanner.store.collections import (
    CollectionSnapshot,
    collection_key,
    lead_of_tasks,
    plan_uuid,
    record_returned,
    reported_tasks,
    snapshot_collection,
)
from qdplanner.store.conflicts import ConflictError, stale_preview
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.progress import ReportInput, record_progress

Progress = Callable[[int, int], None]


class ReturnsRefused(QdError):
    """Returned workbooks cannot be applied: conflicts open, or the plan changed since."""


def preview_returns(
    store: PlanStore,
    paths: Iterable[str | Path],
    *,
    period: str | None = None,
    progress: Progress | None = None,
) -> ReturnsPreview:
    """Read and check returned workbooks against the plan; write nothing (module docstring)."""
    wanted = parse_period(period).code if period else None
    plan = PlanFacts(
        plan_uuid(store),
        collection_key(store),
        lead_of_tasks(store),
        plan_tables.task_titles(store),
        plan_tables.unit_names(store),
    )
    unique: dict[Path, Path] = {}
    for p in paths:
        unique.setdefault(Path(p).resolve(), Path(p))
    preview = ReturnsPreview(wanted, plan_version=store.version)
    for n, path in enumerate(unique.values(), start=1):
        preview.files.append(FileReader(plan, path, wanted).read())
        if progress:
            progress(n, len(unique))
    names = [f.name for f in preview.files]
    for f in preview.files:
        f.key = f.name if names.count(f.name) == 1 else str(f.path)
        f.reports = [_with_file(r, f.key) for r in f.reports]
    _compare(store, preview)
    return preview


def _with_file(report: ReturnedReport, key: str) -> ReturnedReport:
    return ReturnedReport(
        key, report.sheet, report.row, report.task_id, report.task_title, report.unit_id,
        report.period, report.values,
    )  # fmt: skip


# -- across files: the plan's reports, duplicates and conflicts --------------------------------


def _stored_values(report: ProgressReport) -> ReportValues:
    day = report.reported_on
    return ReportValues(
        report.status.value, report.percent, report.narrative, report.problems,
        report.next_steps, day if isinstance(day, date) else None, report.filled_by,
    )  # fmt: skip


def _compare(store: PlanStore, preview: ReturnsPreview) -> None:
    groups: dict[ConflictKey, list[ReturnedReport]] = {}
    for f in preview.ok_files:
        for report in f.reports:
            groups.setdefault(report.key, []).append(report)
    periods = sorted({period for _, period in groups})
    stored: dict[ConflictKey, ProgressReport] = {}
    for period in periods:
        for report in plan_tables.progress_reports(store, period):
            stored[(report.task_id, period)] = report
    for key, reports in groups.items():
        plan_row = stored.get(key)
        plan_values = _stored_values(plan_row) if plan_row else None
        contents = {r.values.content for r in reports}
        if len(contents) == 1:
            if plan_values is None:
                preview.planned.append(PlannedReport(reports[0], False))
                continue
            if plan_values.content in contents:
                preview.unchanged.append(reports[0])
                continue
        candidates = [Candidate(r.file, r.values, r, "file") for r in reports]
        if plan_row is not None and plan_values is not None:
            candidates.insert(0, Candidate(PLAN, plan_values, None, plan_row.source))
        preview.conflicts.append(Conflict(key[0], reports[0].task_title, key[1], candidates))
    preview.conflicts.sort(key=lambda c: (c.period, c.task_id))


# -- apply ---------------------------------------------------------------------------------------


@dataclass
class ReturnsResult:
    added: int
    replaced: int
    unchanged: int
    returned: list[str]  # the keys of the files marked returned

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "returned": list(self.returned),
        }


def apply_returns(
    store: PlanStore,
    preview: ReturnsPreview,
    choices: Mapping[ConflictKey, str] | None = None,
    *,
    now: datetime | None = None,
) -> ReturnsResult:
    """Apply the good files of ``preview`` as one action; see the module docstring.

    ``choices`` maps each conflict's key to the key of the candidate to keep (``plan`` or a
    file's key). Refused (:class:`ReturnsRefused`) when a conflict is left open, when no file
    can be applied, when applied already, or when the plan changed since the preview.
    """
    if preview.applied:
        raise ReturnsRefused(N_("Messages", "these returned workbooks were applied already"))
    if store.changed_by_me_since(preview.plan_version):
        raise ReturnsRefused(
            N_(
                "Messages",
                "{plan}: the plan changed after the returned workbooks were read; nothing was "
                "applied, read them again",
            ),
            plan=store.path.name,
        )
    open_conflicts = preview.unresolved(choices)
    if open_conflicts:
        raise ReturnsRefused(
            N_(
                "Messages",
                "{count} conflict(s) between reports are not resolved; nothing was applied",
            ),
            count=len(open_conflicts),
        )
    files = preview.ok_files
    if not files:
        raise ReturnsRefused(N_("Messages", "no returned workbook can be applied: each has errors"))
    planned = preview.to_apply(choices)
    names = [f.key for f in files]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    description = f"import of returned progress: {shown}"
    try:
        _apply_planned(store, description, planned, files, when, preview.plan_version)
    except ConflictError as exc:
        raise stale_preview(exc, shown) from exc
    preview.applied = True
    return ReturnsResult(
        sum(not p.replaces for p in planned),
        sum(p.replaces for p in planned),
        len(preview.unchanged),
        names,
    )


def _apply_planned(store, description, planned, files, when, seen) -> None:
    # others' changes after the preview refuse it only where they meet what it writes
    with store.action(ChangeSource.IMPORT, description, seen=seen) as changes:
        for item in planned:
            r, v = item.report, item.report.values
            record_progress(
                store,
                changes,
                r.task_id,
                ReportInput(
                    r.period,
                    v.status,
                    v.percent,
                    v.narrative,
                    v.problems,
                    v.next_steps,
                    r.unit_id,
                    v.reported_on,
                    v.filled_by,
                ),
                source=f"import:{Path(r.file).name}",
            )
        reported: dict[str, set[int]] = {}
        for f in files:
            assert f.period is not None and f.unit_id is not None
            if f.period not in reported:
                reported[f.period] = reported_tasks(store, f.period)
            left = [e for e in f.left_empty if e.task_id not in reported[f.period]]
            record_returned(
                store, changes, f.period, f.unit_id, when, f.name, issued_at=f.issued_at,
                left_empty=left,
            )  # fmt: skip


def returns_snapshot(
    store: PlanStore, preview: ReturnsPreview, choices: Mapping[ConflictKey, str] | None = None
) -> CollectionSnapshot:
    """What applying ``preview`` with ``choices`` may change, as it is now (for undo: take
    one before ``apply_returns`` and one after, and restore either with
    :func:`qdplanner.store.collections.restore_collection`)."""
    return snapshot_collection(
        store,
        [p.report.key for p in preview.to_apply(choices)],
        [(f.period, f.unit_id) for f in preview.ok_files if f.period and f.unit_id is not None],
    )


__all__ = [
    "ReturnsRefused",
    "ReturnsResult",
    "apply_returns",
    "preview_returns",
    "returns_snapshot",
]
