"""What reading returned collection workbooks found: reports, errors, conflicts — and choices.

:func:`~qdplanner.excel.collection_import.preview_returns` makes a :class:`ReturnsPreview`
without writing anything; a dialog (or the command line) shows its files, errors and
conflicts, lets the user pick a candidate for every conflict, and hands it with those
``choices`` — ``{conflict.key: candidate.key}`` — to ``apply_returns``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from qdplanner.domain.chasing import LeftEmpty
from qdplanner.excel.import_model import CellError

PLAN = "plan"  # the candidate key of the report the plan already holds

ConflictKey = tuple[int, str]  # (task id, period)


def _clean(text: str | None) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


@dataclass(frozen=True)
class ReportValues:
    """One report's content: what two reports must share to be the same report."""

    status: str  # code: not_started, in_progress, done, suspended, cancelled
    percent: int
    narrative: str = ""
    problems: str = ""
    next_steps: str = ""
    reported_on: date | None = None
    filled_by: str = ""

    @property
    def content(self) -> tuple:
        """What makes two reports differ (the date and who filled it in do not)."""
        return (
            self.status,
            self.percent,
            _clean(self.narrative),
            _clean(self.problems),
            _clean(self.next_steps),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "percent": self.percent,
            "narrative": self.narrative,
            "problems": self.problems,
            "next_steps": self.next_steps,
            "reported_on": self.reported_on.isoformat() if self.reported_on else None,
            "filled_by": self.filled_by,
        }


@dataclass(frozen=True)
class ReturnedReport:
    """A filled-in row of a returned workbook: a report for one task and period."""

    file: str  # the file's key (its name; its path when two files share a name)
    sheet: str
    row: int  # Excel row
    task_id: int
    task_title: str
    unit_id: int
    period: str
    values: ReportValues

    @property
    def key(self) -> ConflictKey:
        return (self.task_id, self.period)


@dataclass
class ReturnedFile:
    """One returned workbook: whose and for when, its reports, and what is wrong with it.

    A file with any error is not applied at all; its reports are listed but not used.
    """

    path: Path
    key: str = ""  # how choices and messages name it: the file name, or the path if needed
    unit_id: int | None = None
    unit_name: str = ""
    period: str | None = None
    issued_at: str | None = None  # ISO UTC, as the workbook says
    reports: list[ReturnedReport] = field(default_factory=list)
    skipped_rows: int = 0  # rows left empty or unchanged: not reported
    # those rows (and rows removed from the workbook, row 0), by task: the return is partial
    left_empty: list[LeftEmpty] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[str | CellError] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.key or self.name,
            "unit_id": self.unit_id,
            "unit": self.unit_name or None,
            "period": self.period,
            "issued_at": self.issued_at,
            "reports": len(self.reports),
            "skipped_rows": self.skipped_rows,
            "left_empty": [e.as_dict() for e in self.left_empty],
            "errors": len(self.errors),
            "ok": self.ok,
        }


@dataclass(frozen=True)
class Candidate:
    """One of the disagreeing reports of a conflict: from a returned file, or the plan's."""

    key: str  # PLAN, or the file's key: what a choice names
    values: ReportValues
    report: ReturnedReport | None = None  # None for the plan's own report
    source: str = ""  # the plan's report: where it came from (form, import:…); else "file"

    @property
    def is_plan(self) -> bool:
        return self.key == PLAN

    def as_dict(self) -> dict[str, Any]:
        where = (
            {"file": self.report.file, "sheet": self.report.sheet, "row": self.report.row}
            if self.report
            else {"file": None, "sheet": None, "row": None}
        )
        return {"choice": self.key, "source": self.source, **where, **self.values.as_dict()}


@dataclass
class Conflict:
    """Two or more different reports for the same task and period."""

    task_id: int
    task_title: str
    period: str
    candidates: list[Candidate]

    @property
    def key(self) -> ConflictKey:
        return (self.task_id, self.period)

    def candidate(self, key: str) -> Candidate | None:
        return next((c for c in self.candidates if c.key == key), None)

    def as_dict(self, chosen: str | None = None) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "task": self.task_title,
            "period": self.period,
            "candidates": [c.as_dict() for c in self.candidates],
            "chosen": chosen,
        }


@dataclass(frozen=True)
class PlannedReport:
    report: ReturnedReport
    replaces: bool  # the plan holds a (different) report for the task and period


@dataclass
class ReturnsPreview:
    """Returned workbooks read against the plan. Nothing has been written."""

    period: str | None  # the period asked for; None: any
    files: list[ReturnedFile] = field(default_factory=list)
    planned: list[PlannedReport] = field(default_factory=list)  # no conflict: to apply
    unchanged: list[ReturnedReport] = field(default_factory=list)  # the plan holds the same
    conflicts: list[Conflict] = field(default_factory=list)
    plan_version: int = 0
    applied: bool = False

    @property
    def errors(self) -> list[CellError]:
        return [e for f in self.files for e in f.errors]

    @property
    def warnings(self) -> list[str]:
        return [w for f in self.files for w in f.warnings]

    @property
    def ok_files(self) -> list[ReturnedFile]:
        return [f for f in self.files if f.ok]

    def unresolved(self, choices: Mapping[ConflictKey, str] | None = None) -> list[Conflict]:
        """The conflicts ``choices`` leaves open (or answers with a name not a candidate)."""
        choices = choices or {}
        return [c for c in self.conflicts if c.candidate(choices.get(c.key, "")) is None]

    def to_apply(self, choices: Mapping[ConflictKey, str] | None = None) -> list[PlannedReport]:
        """The reports applying with ``choices`` records (a conflict's plan choice: none)."""
        choices = choices or {}
        result = list(self.planned)
        for conflict in self.conflicts:
            chosen = conflict.candidate(choices.get(conflict.key, ""))
            if chosen is not None and chosen.report is not None:
                has_plan = conflict.candidate(PLAN) is not None
                result.append(PlannedReport(chosen.report, has_plan))
        return result

    def counts(self, choices: Mapping[ConflictKey, str] | None = None) -> dict[str, int]:
        planned = self.to_apply(choices)
        return {
            "add": sum(not p.replaces for p in planned),
            "replace": sum(p.replaces for p in planned),
            "unchanged": len(self.unchanged),
            "conflicts": len(self.conflicts),
            "unresolved": len(self.unresolved(choices)),
        }

    def choices_for(self, prefer: Sequence[str]) -> dict[ConflictKey, str]:
        """Choices that settle each conflict for the first of ``prefer`` among its candidates.

        Each entry names a file (its name or path) or ``plan`` (what the plan holds).
        """
        chosen: dict[ConflictKey, str] = {}
        for conflict in self.conflicts:
            for wanted in prefer:
                match = next((c for c in conflict.candidates if self._names(c, wanted)), None)
                if match is not None:
                    chosen[conflict.key] = match.key
                    break
        return chosen

    def file_named(self, wanted: str) -> ReturnedFile | None:
        """The file ``wanted`` names: its key, its name (when no other file has it) or path."""
        for f in self.files:
            if wanted == f.key:
                return f
        for f in self.files:
            if Path(wanted).name == f.name and sum(g.name == f.name for g in self.files) == 1:
                return f
        try:
            target = Path(wanted).resolve()
        except OSError:
            return None
        return next((f for f in self.files if f.path.resolve() == target), None)

    def _names(self, candidate: Candidate, wanted: str) -> bool:
        if candidate.is_plan:
            return wanted.strip().casefold() == PLAN
        file = self.file_named(wanted)
        return file is not None and file.key == candidate.key

    def as_json(self, choices: Mapping[ConflictKey, str] | None = None) -> dict[str, Any]:
        choices = choices or {}
        return {
            "period": self.period,
            "applied": self.applied,
            "files": [f.as_dict() for f in self.files],
            "reports": {
                k: v
                for k, v in self.counts(choices).items()
                if k in ("add", "replace", "unchanged")
            },
            "conflicts": [c.as_dict(choices.get(c.key)) for c in self.conflicts],
            "unresolved": len(self.unresolved(choices)),
            "errors": [e.as_dict() for e in self.errors],
            "warnings": self.warnings,
        }
