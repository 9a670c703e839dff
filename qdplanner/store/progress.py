"""Progress reports (进展) and their evidence files (佐证材料), stored in the plan file.

One report per task and period. Recording the report of the task's latest period also sets
the task's status and percent complete, so the table and the lights follow what units report.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import NamedTuple

from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.limits import check_values, shown
from qdplanner.domain.models import ProgressReport
from qdplanner.domain.periods import Period, parse_period
from qdplanner.domain.settings import DEFAULT_EVIDENCE_MB
from qdplanner.domain.task_rules import task_problems
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store import plan_tables
from qdplanner.store.changes import ChangeSet, to_sql
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_edits import read_task_fields, update_task

EVIDENCE_LIMIT_KEY = "evidence_max_bytes"
MEGABYTE = 1024 * 1024
# per file: the domain's one default (the setting evidence.max_mb), in bytes
DEFAULT_EVIDENCE_LIMIT = DEFAULT_EVIDENCE_MB * MEGABYTE


@dataclass
class ReportInput:
    """What a person (or a returned workbook) reports for one task and period."""

    period: str
    status: TaskStatus | str
    percent: int
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""
    reporting_unit_id: int | None = None
    reported_on: date | None = None
    filled_by: str = ""


def _validated(report: ReportInput) -> dict:
    period = parse_period(report.period)
    problems = task_problems(
        {
            "title": "-",
            "percent": report.percent,
            "status": str(getattr(report.status, "value", report.status)),
            "start_date": None,
            "due_date": None,
        }
    )
    if problems:
        raise problems[0]
    values = {
        "period": period.code,
        "status": str(getattr(report.status, "value", report.status)),
        "percent": report.percent,
        "narrative": report.narrative,
        "problems": report.problems,
        "next_steps": report.next_steps,
        "reporting_unit_id": report.reporting_unit_id,
        "reported_on": report.reported_on,
        "filled_by": report.filled_by,
    }
    return values


def latest_period(store: PlanStore, task_id: int) -> str | None:
    periods = [
        r[0]
        for r in store.db.execute(
            "SELECT period FROM progress_reports WHERE task_id = ?", [task_id]
        )
    ]
    return max(periods, key=lambda p: parse_period(p)) if periods else None


def report_of(store: PlanStore, task_id: int, period: str) -> ProgressReport | None:
    """The report of ``task_id`` for ``period`` (any spelling :func:`parse_period` reads),
    or None when there is none. Raises :class:`ValidationError` for an unreadable period."""
    found = plan_tables.progress_reports(store, parse_period(period).code, task_id=task_id)
    return found[0] if found else None


def latest_report(store: PlanStore, task_id: int) -> ProgressReport | None:
    """The report of the task's latest period (by when periods end), or None."""
    period = latest_period(store, task_id)
    if period is None:
        return None
    return plan_tables.progress_reports(store, period, task_id=task_id)[0]


class Narrative(NamedTuple):
    """What a task's report of one period says happened (进展情况)."""

    period: str  # the period's code, e.g. 2024Q3
    text: str
    illustrative: bool = False  # the report was filled in for the sample (domain.illustrative)


def latest_narratives(
    store: PlanStore, task_ids: Collection[int], period: Period
) -> dict[int, Narrative]:
    """Task id → the narrative of its latest report not after ``period`` that has one, for
    the tasks of ``task_ids`` (one read of every report)."""
    best: dict[int, tuple[Period, Narrative]] = {}
    parsed: dict[str, Period] = {}
    sql = (
        "SELECT task_id, period, narrative, is_illustrative FROM progress_reports"
        " WHERE narrative != ''"
    )
    for task_id, code, narrative, illustrative in store.db.execute(sql):
        if task_id not in task_ids:
            continue
        when = parsed.get(code) or parsed.setdefault(code, parse_period(code))
        if when > period:
            continue
        current = best.get(task_id)
        if current is None or when > current[0]:
            best[task_id] = (when, Narrative(code, narrative, bool(illustrative)))
    return {task_id: narrative for task_id, (_when, narrative) in best.items()}


def illustrative_report_tasks(store: PlanStore, period: Period) -> set[int]:
    """The tasks with an illustrative progress report of a period ended by ``period``'s end
    (what a report of ``period`` may have judged them by)."""
    sql = "SELECT DISTINCT task_id, period FROM progress_reports WHERE is_illustrative = 1"
    parsed: dict[str, Period] = {}
    found = set()
    for task_id, code in store.db.execute(sql):
        when = parsed.get(code) or parsed.setdefault(code, parse_period(code))
        if when.end <= period.end:
            found.add(task_id)
    return found


def record_progress(
    store: PlanStore, changes: ChangeSet, task_id: int, report: ReportInput, *, source: str = "form"
) -> int:
    """Add or replace the report of ``task_id`` for ``report.period``; return its id.

    When it is the task's latest period, the task's status and percent follow it. Refused
    (:class:`ValidationError` naming the period and the value) outside the limits of
    :mod:`qdplanner.domain.limits`: every way a report enters (the window's dialog,
    returned collection workbooks) comes through here.
    """
    task = read_task_fields(store, task_id)  # NotFoundError for an unknown task
    values = _validated(report)
    try:
        check_values(values)
    except ValidationError as problem:
        raise ValidationError(
            N_("Messages", "Progress of task “{title}” for {period}: {problem}"),
            field=problem.field,
            record=f"tasks #{task_id}",
            title=shown(task["title"]),
            period=values["period"],
            problem=problem,
        ) from None
    existing = store.db.execute(
        "SELECT id FROM progress_reports WHERE task_id = ? AND period = ?",
        [task_id, values["period"]],
    ).fetchone()
    values["received_on"] = to_sql(datetime.now(UTC).date())
    values["source"] = source
    values["is_illustrative"] = 0  # a person's report (qdplanner.domain.illustrative)
    if existing:
        report_id = existing[0]
        changes.update("progress_reports", report_id, values)
    else:
        report_id = changes.insert("progress_reports", {"task_id": task_id, **values})
    if latest_period(store, task_id) == values["period"]:
        update_task(
            store, changes, task_id, {"status": values["status"], "percent": values["percent"]}
        )
    return report_id


def evidence_limit(store: PlanStore) -> int:
    return int(store.setting(EVIDENCE_LIMIT_KEY, DEFAULT_EVIDENCE_LIMIT))


def add_evidence(
    store: PlanStore, changes: ChangeSet, report_id: int, filename: str, content: bytes
) -> int:
    """Store one evidence file inside the plan; refused (named) above the plan's size limit."""
    limit = evidence_limit(store)
    if len(content) > limit:
        raise ValidationError(
            N_("Messages", "{name} is {size} MB; evidence files may be at most {limit} MB"),
            field="evidence",
            name=filename,
            size=f"{len(content) / 1048576:.1f}",
            limit=f"{limit / 1048576:.0f}",
        )
    if (
        store.db.execute("SELECT 1 FROM progress_reports WHERE id = ?", [report_id]).fetchone()
        is None
    ):
        raise NotFoundError(N_("Messages", "progress report #{id} does not exist"), id=report_id)
    media_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return changes.insert(
        "evidence_files",
        {
            "progress_report_id": report_id,
            "filename": filename,
            "media_type": media_type,
            "size": len(content),
            "content": content,
            "added_at": to_sql(datetime.now(UTC)),
        },
    )


def remove_evidence(store: PlanStore, changes: ChangeSet, evidence_id: int) -> None:
    """Remove one evidence file from its report (logged whole, so undo puts it back)."""
    if (
        store.db.execute("SELECT 1 FROM evidence_files WHERE id = ?", [evidence_id]).fetchone()
        is None
    ):
        raise NotFoundError(N_("Messages", "evidence file #{id} does not exist"), id=evidence_id)
    changes.delete("evidence_files", evidence_id)


def report_snapshot(store: PlanStore, task_id: int, period: str) -> dict:
    """Everything recording a report may change, so it can be put back exactly (undo)."""
    code = parse_period(period).code
    row = store.db.execute(
        "SELECT * FROM progress_reports WHERE task_id = ? AND period = ?", [task_id, code]
    ).fetchone()
    report = (
        dict(
            zip(
                [
                    d[0]
                    for d in store.db.execute("SELECT * FROM progress_reports LIMIT 0").description
                ],
                row,
                strict=True,
            )
        )
        if row
        else None
    )
    evidence = (
        [
            dict(r)
            for r in store.db.query(
                "SELECT * FROM evidence_files WHERE progress_report_id = ?", [report["id"]]
            )
        ]
        if report
        else []
    )
    task = read_task_fields(store, task_id)
    return {
        "task_id": task_id,
        "period": code,
        "report": report,
        "evidence": evidence,
        "task": {"status": task["status"], "percent": task["percent"]},
    }


def restore_report(store: PlanStore, changes: ChangeSet, snapshot: dict) -> None:
    """Put a task's report for one period, and the task's status and percent, back.

    A report that is still there (it was edited) gets its fields back one by one, so the
    change log says what undo changed field by field; its evidence files are put back and
    those added since removed."""
    cursor = store.db.execute(
        "SELECT * FROM progress_reports WHERE task_id = ? AND period = ?",
        [snapshot["task_id"], snapshot["period"]],
    )
    row = cursor.fetchone()
    current = dict(zip((d[0] for d in cursor.description), row, strict=True)) if row else None
    saved = snapshot["report"]
    if current and saved and current["id"] == saved["id"]:
        fields = {k: v for k, v in saved.items() if k != "id"}
        changes.update("progress_reports", current["id"], fields, old=current)
        kept = {e["id"] for e in snapshot["evidence"]}
        there = {
            r[0]
            for r in store.db.execute(
                "SELECT id FROM evidence_files WHERE progress_report_id = ?", [current["id"]]
            )
        }
        for evidence_id in sorted(there - kept):
            changes.delete("evidence_files", evidence_id)
        for evidence in snapshot["evidence"]:
            if evidence["id"] not in there:
                changes.insert("evidence_files", evidence)
    else:
        if current:
            changes.delete("progress_reports", current["id"])  # its evidence goes with it
        if saved:
            changes.insert("progress_reports", saved)
            for evidence in snapshot["evidence"]:
                changes.insert("evidence_files", evidence)
    update_task(store, changes, snapshot["task_id"], snapshot["task"])


def read_evidence(store: PlanStore, task_id: int) -> list[dict]:
    """Evidence files of a task's reports (without their content): id, period, name, size."""
    return [
        dict(r)
        for r in store.db.query(
            """SELECT e.id, r.period, e.filename, e.media_type, e.size, e.added_at
           FROM evidence_files e JOIN progress_reports r ON r.id = e.progress_report_id
           WHERE r.task_id = ? ORDER BY r.period, e.id""",
            [task_id],
        )
    ]


def evidence_content(store: PlanStore, evidence_id: int) -> tuple[str, bytes]:
    row = store.db.execute(
        "SELECT filename, content FROM evidence_files WHERE id = ?", [evidence_id]
    ).fetchone()
    if row is None:
        raise NotFoundError(N_("Messages", "evidence file #{id} does not exist"), id=evidence_id)
    return row[0], bytes(row[1])


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """An evidence file (佐证材料) as lists show it: whose, for when, what (not its content)."""

    id: int
    task_id: int
    task_code: str
    task_title: str
    period: str
    unit: str  # the unit that reported it, else the task's lead unit ('' when neither)
    filename: str
    media_type: str
    size: int
    added_at: str  # ISO UTC

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "task_id": self.task_id,
            "task_code": self.task_code,
            "task": self.task_title,
            "period": self.period,
            "unit": self.unit,
            "file": self.filename,
            "media_type": self.media_type,
            "size": self.size,
            "added_at": self.added_at,
        }


_EVIDENCE_SQL = """
    SELECT e.id, r.task_id, t.code, t.title, r.period,
           COALESCE(ru.name, lu.name, ''), e.filename, e.media_type, e.size, e.added_at
    FROM evidence_files e
    JOIN progress_reports r ON r.id = e.progress_report_id
    JOIN tasks t ON t.id = r.task_id
    LEFT JOIN units ru ON ru.id = r.reporting_unit_id
    LEFT JOIN task_units l ON l.task_id = r.task_id AND l.role = 'lead'
    LEFT JOIN units lu ON lu.id = l.unit_id"""


def evidence_files(
    store: PlanStore, *, period: str | None = None, task_id: int | None = None
) -> list[EvidenceFile]:
    """The evidence files of one period's reports (``period``), of one task (``task_id``),
    or of every report; by task id, period, then the order they were attached in."""
    where, params = [], []
    if period is not None:
        where.append("r.period = ?")
        params.append(parse_period(period).code)
    if task_id is not None:
        where.append("r.task_id = ?")
        params.append(task_id)
    sql = _EVIDENCE_SQL + (" WHERE " + " AND ".join(where) if where else "")
    rows = [EvidenceFile(*r) for r in store.db.execute(sql, params)]
    parsed: dict[str, Period] = {}
    for code in {r.period for r in rows}:
        try:
            parsed[code] = parse_period(code)
        except ValidationError:  # pragma: no cover - stored periods are canonical
            parsed[code] = parse_period("1900")
    rows.sort(key=lambda r: (r.task_id, parsed[r.period], r.id))
    return rows
