"""Writing one unit's collection workbook (layout: :mod:`collection_layout`).

Every cell is written by :func:`~qdplanner.excel.cell_writer.put_value`: text goes in as
text (never a formula), shown as written, without the characters a workbook cannot hold; a
text longer than a cell holds is refused naming its task. Text has one kind of line break,
and the digests of the locked cells are taken of exactly what a reader gets back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from qdplanner.catalogue import with_illustrative_mark
from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.limits import FIRST_DATE, LAST_DATE
from qdplanner.domain.periods import Period
from qdplanner.excel import collection_layout as layout
from qdplanner.excel.cell_writer import clean_text, put_value
from qdplanner.excel.sheet_specs import Kind
from qdplanner.excel.vocabulary import label, labels
from qdplanner.store.task_rows import TaskRow

PREVIOUS_CHARS = 1_000  # of the earlier report's narrative shown as context
_EXCEL_EPOCH = date(1899, 12, 30)
_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_UNLOCKED = Protection(locked=False)
_WRAP_KEYS = {"stream", "title", "previous", "narrative", "problems", "next_steps"}


@dataclass
class SheetContext:
    lang: str
    period: Period
    due: date | None
    issued_at: datetime
    plan: str
    reports: dict[int, dict]
    earlier: dict[int, dict]


def _text(value: Any) -> str | None:
    """Text as a reader gets it back (and as its digest is taken): clean, one newline kind."""
    if value is None:
        return None
    text = clean_text(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip() or None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


class WorkbookBuilder:
    """One unit's workbook."""

    def __init__(self, ctx: SheetContext, ident: str, key: bytes, unit_id: int, unit: str):
        self.ctx = ctx
        self.lang = ctx.lang
        self.ident = ident
        self.key = key
        self.unit_id = unit_id
        self.unit = unit
        self.book = Workbook()
        self.book.properties.creator = "qdplanner"
        self.book.properties.title = clean_text(layout.title_text(ctx.period, unit, ctx.lang))

    def build(self, tasks: list[TaskRow]) -> Workbook:
        info = self.book.active
        info.title = layout.sheet_title("instructions", self.lang)
        ws = self.book.create_sheet(layout.sheet_title("progress", self.lang))
        rows = self._progress(ws, tasks)
        self._instructions(info, len(tasks))
        self._metadata(ws.title, rows)
        self.book.security = WorkbookProtection(lockStructure=True)
        self.book.active = 0
        return self.book

    # -- the progress sheet ---------------------------------------------------------------
    def _row_values(self, task: TaskRow) -> tuple[list[Any], dict[str, Any]]:
        """The cells of a task's row, and its pre-filled report values (codes, not labels)."""
        lang = self.lang
        previous = self.ctx.earlier.get(task.id)
        if previous:
            said = previous["narrative"].strip() or (
                f"{label(TaskStatus, previous['status'], lang)} {previous['percent']}%"
            )
            if len(said) > PREVIOUS_CHARS:
                said = said[:PREVIOUS_CHARS] + "…"
            # a report filled in for the sample says so (qdplanner.domain.illustrative)
            said = with_illustrative_mark(said, bool(previous.get("is_illustrative")), lang)
            previous_text = (
                f"{previous['period']}：{said}"
                if lang == "zh_CN"
                else (f"{previous['period']}: {said}")
            )
        else:
            previous_text = None
        report = self.ctx.reports.get(task.id)
        if report:
            prefill = {
                "status": report["status"],
                "percent": report["percent"],
                "narrative": _text(report["narrative"]),
                "problems": _text(report["problems"]),
                "next_steps": _text(report["next_steps"]),
                "reported_on": _day(report["reported_on"]),
                "filled_by": _text(report["filled_by"]),
            }
        else:
            prefill = {"status": task.status.value, "percent": task.percent}
        cells = [
            task.id,
            _text(task.code),
            _text(task.stream_name),
            _text(task.title),
            _text(task.deadline_text),
            task.due_date,
            label(TaskStatus, task.status.value, lang),
            task.percent,
            _text(previous_text),
            label(TaskStatus, prefill["status"], lang),
            prefill["percent"],
            *(prefill.get(k) for k in ("narrative", "problems", "next_steps")),
            prefill.get("reported_on"),
            prefill.get("filled_by"),
        ]
        return cells, prefill

    def _progress(self, ws: Any, tasks: list[TaskRow]) -> list[list[Any]]:
        lang, width = self.lang, len(layout.COLUMNS)
        last_col = get_column_letter(width)
        title = layout.title_text(self.ctx.period, self.unit, lang)
        put_value(ws.cell(layout.TITLE_ROW, 1), title).font = Font(bold=True, size=14)
        ws.merge_cells(f"A{layout.TITLE_ROW}:{last_col}{layout.TITLE_ROW}")
        note = put_value(ws.cell(layout.NOTE_ROW, 1), layout.note_text(lang))
        note.font = Font(italic=True, color="595959")
        ws.merge_cells(f"A{layout.NOTE_ROW}:{last_col}{layout.NOTE_ROW}")
        for index, column in enumerate(layout.COLUMNS, start=1):
            cell = put_value(ws.cell(layout.HEADER_ROW, index), column.header(lang))
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL if not column.readonly else _LOCKED_FILL
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            ws.column_dimensions[get_column_letter(index)].width = column.width
        meta_rows = []
        for n, task in enumerate(tasks):
            row = layout.FIRST_ROW + n
            values, prefill = self._row_values(task)
            record = f"{ws.title} #{task.id}"
            for index, (column, value) in enumerate(zip(layout.COLUMNS, values, strict=True)):
                where = f"{record}, {column.header(lang)}"
                self._cell(ws, row, index + 1, column, value, task.depth, where)
            digests = [
                layout.digest(self.key, task.id, c.key, values[layout.INDEX[c.key]])
                for c in layout.LOCKED
            ]
            meta_rows.append(
                [row, task.id, digests, layout.input_digest(self.key, task.id, prefill)]
            )
        last = layout.FIRST_ROW + max(len(tasks), 1) - 1
        self._validations(ws, last)
        ws.freeze_panes = f"E{layout.FIRST_ROW}"
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # widening a column to read is allowed
        ws.protection.formatRows = False
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
        return meta_rows

    def _cell(
        self, ws: Any, row: int, col: int, column: Any, value: Any, depth: int, where: str
    ) -> None:
        cell = put_value(ws.cell(row, col), value, where)
        cell.border = _BORDER
        wrap = column.key in _WRAP_KEYS
        indent = min(depth, 10) if column.key == "title" else 0
        cell.alignment = Alignment(wrap_text=wrap, vertical="top", indent=indent)
        if column.kind == Kind.DATE:
            cell.number_format = "yyyy-mm-dd"
        elif column.kind == Kind.TEXT:
            cell.number_format = "@"
        if column.readonly:
            cell.fill = _LOCKED_FILL
        else:
            cell.fill = _INPUT_FILL
            cell.protection = _UNLOCKED

    def _say(self, en: str, zh: str) -> str:
        return zh if self.lang == "zh_CN" else en

    def _validations(self, ws: Any, last: int) -> None:
        def area(key: str) -> str:
            letter = get_column_letter(layout.INDEX[key] + 1)
            return f"{letter}{layout.FIRST_ROW}:{letter}{last}"

        words = labels(TaskStatus, self.lang)
        status = DataValidation(type="list", formula1='"' + ",".join(words) + '"')
        status.error = self._say("Choose a status from the list.", "请从下拉列表中选择状态。")
        status.add(area("status"))
        percent = DataValidation(type="whole", operator="between", formula1="0", formula2="100")
        percent.error = self._say("A whole number from 0 to 100.", "请输入 0 到 100 之间的整数。")
        percent.add(area("percent"))
        low = (FIRST_DATE - _EXCEL_EPOCH).days
        high = (LAST_DATE - _EXCEL_EPOCH).days
        day = DataValidation(type="date", operator="between", formula1=str(low), formula2=str(high))
        day.error = self._say("A date, such as 2024-10-08.", "请输入日期，如 2024-10-08。")
        day.add(area("reported_on"))
        for dv in (status, percent, day):
            dv.allow_blank = True
            dv.showErrorMessage = True
            dv.errorTitle = self._say("Not accepted", "输入有误")
            ws.data_validations.append(dv)

    # -- the other sheets -------------------------------------------------------------------
    def _instructions(self, ws: Any, count: int) -> None:
        ctx = self.ctx
        local = ctx.issued_at.astimezone().strftime("%Y-%m-%d %H:%M")
        rows = layout.instructions(
            lang=self.lang,
            unit=self.unit,
            period=ctx.period,
            due=ctx.due,
            issued=local,
            tasks=count,
            plan=ctx.plan,
            statuses=labels(TaskStatus, self.lang),
        )
        title = layout.title_text(ctx.period, self.unit, self.lang)
        put_value(ws.cell(1, 1), title).font = Font(bold=True, size=14)
        for n, (head, text) in enumerate(rows, start=3):
            a = put_value(ws.cell(n, 1), _text(head), f"{ws.title} {n}")
            a.font = Font(bold=True)
            a.alignment = Alignment(
                vertical="top", horizontal="right" if head.isdigit() else "left"
            )
            b = put_value(ws.cell(n, 2), _text(text), f"{ws.title} {n}, {head}")
            b.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions["A"].width = 14
        ws.column_dimensions["B"].width = 80
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False

    def _metadata(self, sheet: str, rows: list[list[Any]]) -> None:
        ctx = self.ctx
        payload = {
            "format": layout.FORMAT,
            "plan_uuid": self.ident,
            "period": ctx.period.code,
            "unit_id": self.unit_id,
            "unit_name": self.unit,
            "issued_at": ctx.issued_at.isoformat(timespec="seconds"),
            "due": ctx.due.isoformat() if ctx.due else None,
            "lang": self.lang,
            "sheet": sheet,
            "columns": [c.key for c in layout.COLUMNS],
            "header_row": layout.HEADER_ROW,
            "rows": rows,
        }
        signature, chunks = layout.encode_payload(self.key, payload)
        ws = self.book.create_sheet(layout.META_SHEET)
        meta = [("format", layout.FORMAT), ("signature", signature)]
        for n, values in enumerate(meta + [("payload", chunk) for chunk in chunks], start=1):
            for c, value in enumerate(values, start=1):
                put_value(ws.cell(n, c), value)
        ws.sheet_state = "hidden"
        ws.protection.sheet = True
