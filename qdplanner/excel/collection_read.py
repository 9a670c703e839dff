"""Reading one returned collection workbook: its hidden sheet, its rows, every check.

Used by :mod:`collection_import`; see its docstring for what is refused and why. Errors are
:class:`~qdplanner.excel.import_model.CellError` s naming the file, sheet, Excel row and column
(``J (本期状态)``); a file with any error yields no usable report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qdplanner.domain.chasing import LeftEmpty
from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.limits import shown
from qdplanner.domain.task_rules import parse_status, status_percent_problem
from qdplanner.errors import N_, ValidationError
from qdplanner.excel import collection_layout as layout
from qdplanner.excel.cells import SheetCells, WorkbookCells, open_workbook
from qdplanner.excel.collection_model import ReportValues, ReturnedFile, ReturnedReport
from qdplanner.excel.file_checks import WorkbookError
from qdplanner.excel.file_checks import column_letter as get_column_letter
from qdplanner.excel.import_model import CellError, record_word
from qdplanner.excel.import_parse import CONVERTERS, Bad
from qdplanner.excel.sheet_specs import Column, Kind
from qdplanner.excel.vocabulary import labels
from qdplanner.excel.workbook_identity import WorkbookKind, identify

_TASK_ID = re.compile("[0-9]{1,18}")


@dataclass
class PlanFacts:
    """What the checks need to know of the plan, read once per preview."""

    uuid: str | None
    key: bytes | None
    lead: dict[int, int]  # task id → lead unit id
    titles: dict[int, str]
    units: dict[int, str]


# -- one file ----------------------------------------------------------------------------------


@dataclass
class _Issued:
    row: int
    task_id: int
    digests: list[str]
    prefill: str


@dataclass
class FileReader:
    plan: PlanFacts
    path: Path
    wanted: str | None
    file: ReturnedFile = field(init=False)
    sheet_name: str = ""
    lang: str = "zh_CN"  # of the workbook, for the headers messages name
    headers: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.file = ReturnedFile(self.path)

    def error(self, row: int | None, key: str | None, template: str, /, **params: Any) -> None:
        where = None
        if key is not None:
            index = layout.INDEX[key]
            header = self.headers[index] if index < len(self.headers) else None
            header = str(header or layout.COLUMNS[index].header(self.lang))
            where = f"{get_column_letter(index + 1)} ({header})"
        self.file.errors.append(
            CellError(self.path.name, self.sheet_name, row, where, template, params)
        )

    def read(self) -> ReturnedFile:
        try:
            with open_workbook(self.path) as book:
                self.file.warnings += book.warnings
                self._book(book)
        except WorkbookError as exc:
            self.file.errors.append(
                CellError(self.path.name, "", None, None, exc.template, dict(exc.params))
            )
        return self.file

    def _book(self, book: WorkbookCells) -> None:
        payload = self._payload(book)
        if payload is None:
            return
        f = self.file
        f.period, f.unit_id = payload["period"], payload["unit_id"]
        f.unit_name, f.issued_at = payload["unit_name"], payload["issued_at"]
        if self.wanted and f.period != self.wanted:
            self.error(
                None,
                None,
                N_("Messages", "this workbook is for the period {found}, not {wanted}"),
                found=f.period,
                wanted=self.wanted,
            )
            return
        if f.unit_id not in self.plan.units:
            self.error(
                None,
                None,
                N_("Messages", "the unit of this workbook, {unit}, is no longer in the plan"),
                unit=f.unit_name,
            )
            return
        f.unit_name = self.plan.units[f.unit_id]
        self.sheet_name = payload["sheet"]
        if self.sheet_name not in book.sheet_names:
            sheet, self.sheet_name = self.sheet_name, ""
            self.error(
                None,
                None,
                N_("Messages", "the sheet {sheet} is missing (was it renamed or deleted?)"),
                sheet=sheet,
            )
            return
        cells = book.sheet(self.sheet_name)
        if self._headers_ok(cells):
            self._rows(cells, payload)

    def _payload(self, book: WorkbookCells) -> dict | None:
        """The hidden sheet's content, checked to be this plan's and unchanged; else None."""
        if layout.META_SHEET not in book.sheet_names:
            kind = identify(book).kind
            if kind in (WorkbookKind.PLAN, WorkbookKind.RENAMED_PLAN):
                self.error(
                    None,
                    None,
                    N_(
                        "Messages",
                        "this is a plan workbook (exported from a plan), not a returned "
                        "progress workbook; import it with import (in the window: File → "
                        "Import from Excel…)",
                    ),
                )
            elif kind == WorkbookKind.OTHER:
                self.error(
                    None,
                    None,
                    N_(
                        "Messages",
                        "not a returned progress workbook (its hidden sheet {sheet} is "
                        "missing); a task-breakdown sheet is imported with import (in the "
                        "window: File → Import from Excel…)",
                    ),
                    sheet=layout.META_SHEET,
                )
            else:
                self.error(
                    None,
                    None,
                    N_(
                        "Messages",
                        "not a progress collection workbook (its hidden sheet {sheet} is missing)",
                    ),
                    sheet=layout.META_SHEET,
                )
            return None
        meta = book.sheet(layout.META_SHEET)
        fields: dict[str, list[str]] = {}
        for row in meta.rows:
            if len(row) >= 2 and isinstance(row[0], str):
                fields.setdefault(row[0], []).append(row[1] if isinstance(row[1], str) else "")
        decoded = layout.decode_payload(fields.get("payload", []))
        signature = (fields.get("signature") or [""])[0]
        if fields.get("format") != [layout.FORMAT] or decoded is None or not signature:
            self.sheet_name = layout.META_SHEET
            self.error(
                None,
                None,
                N_(
                    "Messages",
                    "the hidden sheet {sheet} is damaged or from another program; "
                    "the workbook cannot be checked",
                ),
                sheet=layout.META_SHEET,
            )
            return None
        payload, data = decoded
        self.lang = "en" if payload.get("lang") == "en" else "zh_CN"
        if not self.plan.uuid or payload.get("plan_uuid") != self.plan.uuid:
            self.error(
                None,
                None,
                N_("Messages", "this workbook was issued from another plan, not from this one"),
            )
            return None
        if (
            self.plan.key is None
            or not layout.signature_ok(self.plan.key, data, signature)
            or payload.get("columns") != [c.key for c in layout.COLUMNS]
        ):
            self.sheet_name = layout.META_SHEET
            self.error(
                None,
                None,
                N_(
                    "Messages",
                    "the hidden sheet {sheet} was changed; the workbook cannot be checked",
                ),
                sheet=layout.META_SHEET,
            )
            return None
        return payload

    def _headers_ok(self, cells: SheetCells) -> bool:
        row = layout.HEADER_ROW - 1
        self.headers = [cells.value(row, i) or "" for i in range(len(layout.COLUMNS))]
        ok = True
        for index, column in enumerate(layout.COLUMNS):
            if self.headers[index] not in (column.zh, column.en):
                ok = False
                self.error(
                    layout.HEADER_ROW,
                    column.key,
                    N_(
                        "Messages",
                        "the header of this column was changed (it was {header}); were "
                        "columns added, removed or moved?",
                    ),
                    header=column.header(self.lang),
                )
        return ok

    # -- rows -----------------------------------------------------------------------------
    def _rows(self, cells: SheetCells, payload: dict) -> None:
        issued = [_Issued(*r) for r in payload["rows"]]
        by_task = {i.task_id: i for i in issued}
        by_row = {i.row: i for i in issued}
        seen: dict[int, int] = {}
        width = len(layout.COLUMNS)
        for index in range(layout.FIRST_ROW - 1, len(cells.rows)):
            row = index + 1
            values = [cells.value(index, c) for c in range(width)]
            if all(v is None for v in values):
                continue
            task_id = _whole(values[0])
            expected = by_row.get(row)
            if expected and task_id != expected.task_id and self._matches(values, expected, 1):
                self.error(
                    row,
                    "task_id",
                    N_(
                        "Messages",
                        "this read-only cell was changed: the row was issued for task {id}",
                    ),
                    id=expected.task_id,
                )
                continue
            entry = by_task.get(task_id) if task_id is not None else None
            if entry is None:
                self._foreign_row(row, task_id, values)
                continue
            if task_id in seen:
                self.error(
                    row,
                    "task_id",
                    N_("Messages", "task {id} appears twice (also row {row})"),
                    id=task_id,
                    row=seen[task_id],
                )
                continue
            seen[task_id] = row
            self._row(row, values, entry)
        missing = [i.task_id for i in issued if i.task_id not in seen]
        self.file.left_empty.extend(LeftEmpty(task_id, 0) for task_id in missing)
        if missing:
            shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
            self.file.warnings.append(
                CellError(
                    self.path.name,
                    self.sheet_name,
                    None,
                    None,
                    N_(
                        "Messages",
                        "the rows of {count} task(s) are missing ({ids}); they are not reported",
                    ),
                    {"count": len(missing), "ids": shown},
                )
            )

    def _matches(self, values: list[Any], entry: _Issued, start: int = 0) -> bool:
        return not self._changed(values, entry, start)

    def _changed(self, values: list[Any], entry: _Issued, start: int = 0) -> list[str]:
        key = self.plan.key
        assert key is not None
        return [
            column.key
            for column, expected in list(zip(layout.LOCKED, entry.digests, strict=True))[start:]
            if layout.digest(key, entry.task_id, column.key, values[layout.INDEX[column.key]])
            != expected
        ]

    def _foreign_row(self, row: int, task_id: int | None, values: list[Any]) -> None:
        """A row that was not in the workbook as issued."""
        unit_id = self.file.unit_id
        if task_id is None:
            self.error(row, "task_id", N_("Messages", "this row was not in the workbook as issued"))
        elif task_id not in self.plan.titles:
            self.error(
                row,
                "task_id",
                N_("Messages", "there is no {what} with ID {id}"),
                what=record_word("tasks"),
                id=values[0],
            )
        elif self.plan.lead.get(task_id) != unit_id:
            lead = self.plan.lead.get(task_id)
            self.error(
                row,
                "task_id",
                N_(
                    "Messages",
                    "task {id} is led by {lead}, not by {unit}: is this row from another "
                    "unit's workbook?",
                ),
                id=task_id,
                lead=self.plan.units.get(lead, "—") if lead else "—",
                unit=self.file.unit_name,
            )
        else:
            self.error(
                row,
                "task_id",
                N_("Messages", "task {id} was not in this workbook as issued"),
                id=task_id,
            )

    def _row(self, row: int, values: list[Any], entry: _Issued) -> None:
        errors_before = len(self.file.errors)
        for key in self._changed(values, entry):
            self.error(
                row,
                key,
                N_(
                    "Messages",
                    "this read-only cell was changed; put it back as issued (nothing of this "
                    "workbook is imported until then)",
                ),
            )
        task_id, unit_id = entry.task_id, self.file.unit_id
        inputs = {c.key: values[layout.INDEX[c.key]] for c in layout.INPUTS}
        if all(v is None for v in inputs.values()):
            self.file.skipped_rows += 1
            self.file.left_empty.append(LeftEmpty(task_id, row))
            return
        parsed = self._parse(row, inputs)
        if parsed is None or len(self.file.errors) > errors_before:
            return
        assert self.plan.key is not None
        if layout.input_digest(self.plan.key, task_id, parsed) == entry.prefill:
            self.file.skipped_rows += 1  # as issued: not a report
            self.file.left_empty.append(LeftEmpty(task_id, row))
            return
        if task_id not in self.plan.titles:
            self.error(
                row,
                "task_id",
                N_("Messages", "task {id} was removed from the plan after the workbook was issued"),
                id=task_id,
            )
            return
        if self.plan.lead.get(task_id) != unit_id:
            lead = self.plan.lead.get(task_id)
            self.error(
                row,
                "task_id",
                N_("Messages", "task {id} is now led by {lead}, not by {unit}"),
                id=task_id,
                lead=self.plan.units.get(lead, "—") if lead else "—",
                unit=self.file.unit_name,
            )
            return
        assert self.file.period is not None and unit_id is not None
        self.file.reports.append(
            ReturnedReport(
                self.path.name,
                self.sheet_name,
                row,
                task_id,
                self.plan.titles[task_id],
                unit_id,
                self.file.period,
                ReportValues(
                    parsed["status"],
                    parsed["percent"],
                    parsed["narrative"] or "",
                    parsed["problems"] or "",
                    parsed["next_steps"] or "",
                    parsed["reported_on"],
                    parsed["filled_by"] or "",
                ),
            )
        )

    def _parse(self, row: int, inputs: dict[str, Any]) -> dict[str, Any] | None:
        """The row's report values, or None (with errors) when a cell cannot be read."""
        parsed: dict[str, Any] = {}
        ok = True
        for column in layout.INPUTS:
            value = inputs[column.key]
            try:
                parsed[column.key] = _convert(column, value)
            except Bad as bad:
                ok = False
                self.error(row, column.key, bad.template, **bad.params)
        if not ok:
            return None
        for key in layout.TEXT_INPUTS:
            parsed[key] = layout.canonical(parsed[key]) or None
        if parsed["status"] is None:
            self.error(row, "status", N_("Messages", "choose the task's status for this period"))
            return None
        if parsed["percent"] is None:
            if parsed["status"] in (TaskStatus.DONE, TaskStatus.NOT_STARTED):
                parsed["percent"] = 100 if parsed["status"] == TaskStatus.DONE else 0
            else:
                self.error(
                    row, "percent", N_("Messages", "fill in the percent complete (0 to 100)")
                )
                return None
        if problem := status_percent_problem(parsed["status"], parsed["percent"]):
            self.error(row, "percent", problem.template, **problem.params)
            return None
        return parsed


def _whole(value: Any) -> int | None:
    """A task ID cell's number; None for anything else (ASCII digits only: ``"²".isdigit()``,
    and ``int()`` refuses 4,300 digits or more)."""
    if type(value) is int:
        return value
    if isinstance(value, str) and _TASK_ID.fullmatch(value.strip()):
        return int(value.strip())
    return None


def _convert(column: Column, value: Any) -> Any:
    """One input cell's value: a status code, a whole percent, a date or text; Bad if not."""
    if column.kind == Kind.ENUM and value is not None:
        try:
            return CONVERTERS[Kind.ENUM](value, column)
        except Bad:
            try:  # the other words people write for a status (推进中, 完成 …)
                return parse_status(str(value)).value
            except ValidationError:
                raise Bad(
                    N_(
                        "Messages",
                        "“{value}” is not a status; choose one from the list: {choices}",
                    ),
                    value=shown(value),
                    choices="、".join(labels(TaskStatus, "zh_CN"))
                    + " / "
                    + ", ".join(labels(TaskStatus, "en")),
                ) from None
    return CONVERTERS[column.kind](value, column)
