"""Reading a government task-breakdown sheet (任务分解表) into tasks, without touching a plan.

The sheets look like this, top to bottom::

    附件1                                                    (optional; skipped)
    《青岛市……三年行动方案（2022—2024年）》重点任务分解表        (title, merged across)
    序号 | 重点任务 |      责任单位       | 完成时限 | 备注         (header: one or two rows)
         |          | 牵头单位 | 配合单位 |          |
    一、战略科技力量起势工程                                      (section row)
    1    | 推进……   | 市科技局 | 市海洋发展局、崂山实验室 | 2022—2024年 |
         | （1）……  |  (merged down) |  …                      (a sub-task of 1)
                                                              (blank rows are skipped)
    注：……                                                     (footnote: ends the table)

Columns are recognised by their headers (:mod:`~qdplanner.excel.breakdown_headers`); a mapping
chosen by the user may replace the detected one. Cell text (titles, numbers, multi-line task
text, unit lists) is read by :mod:`~qdplanner.excel.breakdown_text`. What the rows become:

* A merged cell gives its value to every cell it covers (except down the 序号 column); a
  program / project / group column also carries its last value down over blank cells.
* A **section row** has no units, deadline, notes or target, and is numbered ``一、`` /
  ``（一）``, or is one text merged across the row, or has no task text, or its task text ends
  in 计划 / 工程. It sets the current project (text with 工程) or program (text with 计划, or
  any other heading not numbered ``（一）``); a ``一、`` heading starts afresh. A ``（一）``
  heading naming neither is kept as the tasks' ``heading``. A new value in a program /
  project / group column (a group is a program unless it names a 工程) does the same.
* A **task row** has task text. Its leading number (else the 序号 value) becomes ``code``.
  Numbering styles nest in the order they first appear below a section, so ``（1）`` rows under
  ``1.`` are its sub-tasks (``depth`` 1, ``parent_index`` the ``1.`` task's index).
* A 工作目标 (target) column is added to the description as ``header：text``.
* **Units**: a single 责任单位 column's first unit leads and the others support (unless a label
  or a ``（牵头）`` mark says otherwise); several names in a 牵头单位 column: the first leads,
  the others support, with a warning.
* The deadline is kept as written (a date cell as ``2024-06-30``) and read with
  :func:`parse_deadline`; a phrase it cannot read is a warning, never a guess.
* A row starting ``注：`` / ``备注：`` / ``说明：`` begins the footnote, which ends the table.

Problems are :class:`CellError` s naming sheet, Excel row and column; content never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qdplanner.domain.deadlines import Deadline, DeadlineKind, parse_deadline
from qdplanner.domain.limits import check_text
from qdplanner.errors import N_, ValidationError
from qdplanner.excel.breakdown_headers import (
    FIELD_WORDS,
    FIELDS,
    SKIP,
    ColumnRead,
    Layout,
    column_reads,
    detect_layout,
    distinct_texts,
    filled_rows,
)
from qdplanner.excel.breakdown_text import (
    BARE_NUMBER,
    CN_NUMERALS,
    HEADING_NUMBER,
    TITLE_END,
    TitleInfo,
    cell_text,
    heading_parts,
    leading_number,
    lines_of,
    split_task_text,
    split_units,
    title_info,
    unit_names,
)
from qdplanner.excel.cells import CellValue, SheetCells
from qdplanner.excel.file_checks import column_letter as get_column_letter
from qdplanner.excel.import_model import CellError, Word

__all__ = [
    "BreakdownResult",
    "ParsedGroup",
    "ParsedTask",
    "TitleInfo",
    "parse_breakdown",
    "split_task_text",
    "split_units",
    "title_info",
    "unit_names",
]

_DETAILS = ("lead", "support", "units", "deadline", "notes", "target")
_HIERARCHY = ("program", "project", "group")
_NOTE = re.compile(r"^(?:注|备注|说明)\s*[0-9]*\s*[:：]")


@dataclass
class ParsedGroup:
    """A program or project named in the sheet (by a section row or its column)."""

    kind: str  # "program" | "project"
    name: str
    code: str  # the number it was written with ("一", "(二)"), or ""
    row: int  # Excel row where it first appears


@dataclass
class ParsedTask:
    row: int  # Excel row
    program: str | None
    project: str | None
    heading: str | None  # a （一）-level sub-heading naming neither program nor project
    code: str  # "1", "1.2", "(1)", "①", "一", "(一)" or ""
    title: str
    description: str = ""
    lead: str | None = None
    support: list[str] = field(default_factory=list)
    deadline_text: str = ""
    deadline: Deadline = field(default_factory=lambda: Deadline("", DeadlineKind.NONE, None))
    notes: str = ""
    depth: int = 0  # 0 for a task, 1 for its sub-task …
    parent_index: int | None = None  # index in BreakdownResult.tasks of the parent task


@dataclass
class BreakdownResult:
    file: str
    sheet: str
    layout: Layout
    title_text: str | None  # the title row as written
    title: str | None  # the plan document's title (TitleInfo.document)
    years: tuple[int, int] | None
    groups: list[ParsedGroup] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    footnote: str | None = None
    columns: list[ColumnRead] = field(default_factory=list)  # every column, and how it was read
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)


class _Reader:
    def __init__(self, sheet: SheetCells, file: str, layout: Layout):
        self.sheet, self.file, self.layout = sheet, file, layout
        self.cols = {name: layout.columns(name) for name in FIELDS}
        self.result = BreakdownResult(file, sheet.name, layout, layout.title, None, None)
        if layout.title:
            info = title_info(layout.title)
            self.result.title, self.result.years = info.document, info.years
        self.program: str | None = None
        self.project: str | None = None
        self.heading: str | None = None
        self.last: dict[str, str] = {}  # hierarchy column → its last value
        self.outline: list[tuple[str | None, int]] = []  # (numbering style, task index)
        self.refused_rows: set[int] = set()  # Excel rows with a cell a plan cannot hold
        # the year a phrase without one (年底前, 6月底前) means: the title's, when it names one
        # year only (《2023年科技创新工作要点》); else such phrases stay flagged
        years = self.result.years
        self.one_year = years[0] if years and years[0] == years[1] else None

    def error(self, row: int | None, name: str | None, template: str, **params) -> None:
        self.result.errors.append(self.cell_error(row, name, template, params))

    def warning(self, row: int | None, name: str | None, template: str, **params) -> None:
        self.result.warnings.append(self.cell_error(row, name, template, params))

    def cell_error(self, row: int | None, name: str | None, template: str, params) -> CellError:
        where = None
        if name and self.cols.get(name):
            column = self.cols[name][0]
            header = self.layout.headers.get(column, name)
            where = f"{get_column_letter(column + 1)} ({header})"
        return CellError(self.file, self.sheet.name, row, where, template, params)

    def run(self) -> BreakdownResult:
        layout = self.layout
        header_row = layout.header_rows[0] if layout.header_rows else None
        if layout.header_rows:
            self.result.columns = column_reads(layout, self.sheet)
        unmapped = ", ".join(f"{get_column_letter(c + 1)} ({t})" for c, t in layout.unmapped)
        if header_row is None:
            self.error(None, None, N_("Messages", "no header row was found"))
        elif layout.missing:
            template = N_(
                "Messages", "the task column was not found; columns not recognised: {columns}"
            )
            self.error(header_row, None, template, columns=unmapped or "—")
        for name, columns in layout.conflicts().items():
            template = N_(
                "Messages",
                "columns {columns} would all be read as {field}; say which one is (on the "
                "command line --map {example}, in the window Columns and Destination…)",
            )
            first = get_column_letter(columns[0] + 1)
            others = " ".join(f"--map {get_column_letter(c + 1)}={SKIP}" for c in columns[1:])
            self.error(
                header_row,
                None,
                template,
                columns=self.names(columns),
                field=Word(FIELD_WORDS[name]),
                example=f"{first}={name} {others}",
            )
        if self.result.errors:
            return self.result
        if unmapped:
            template = N_("Messages", "columns not recognised, not read: {columns}")
            self.warning(header_row, None, template, columns=unmapped)
        if layout.set_aside:
            template = N_("Messages", "columns set aside, not read: {columns}")
            self.warning(header_row, None, template, columns=self.names(layout.set_aside))
        self.hidden_warnings(header_row)
        self.refused_rows = self.check_limits()
        rows = filled_rows(self.sheet)
        for r in range(layout.data_start - 1, len(rows)):
            if not self.row(r, rows):
                break
        if not self.result.tasks:
            self.error(header_row, None, N_("Messages", "no tasks were found below the header"))
        return self.result

    def names(self, columns) -> str:
        """``E (完成时限), F (完成时限（调整前）)``: columns by letter and header."""
        return ", ".join(
            f"{get_column_letter(c + 1)} ({self.layout.headers[c]})"
            if c in self.layout.headers else get_column_letter(c + 1)
            for c in sorted(columns)
        )  # fmt: skip

    def hidden_warnings(self, header_row: int | None) -> None:
        """Name the hidden columns and the hidden rows of the table (they are read as the
        others are: hiding is not deleting, but the user should know)."""
        sheet, layout = self.sheet, self.layout
        read = sorted(c for c in sheet.hidden_columns if c in layout.mapping)
        unread = sorted(c for c in sheet.hidden_columns if c in layout.headers and c not in read)
        if read:
            template = N_("Messages", "hidden columns, read all the same: {columns}")
            self.warning(header_row, None, template, columns=self.names(read))
        if unread:
            template = N_("Messages", "hidden columns, not read: {columns}")
            self.warning(header_row, None, template, columns=self.names(unread))
        rows = sorted(
            r
            for r in sheet.hidden_rows
            if layout.data_start <= r <= len(sheet.rows) and distinct_texts(sheet.rows[r - 1])
        )
        if rows:
            shown = ", ".join(map(str, rows[:12])) + (" …" if len(rows) > 12 else "")
            template = N_("Messages", "{count} hidden row(s), read all the same: {rows}")
            self.warning(None, None, template, count=len(rows), rows=shown)

    def check_limits(self) -> set[int]:
        """Refuse every text cell of the title row and the table that a plan cannot hold
        (:mod:`qdplanner.domain.limits`); the Excel rows of those cells. A merged range is
        checked once, at its top-left cell."""
        layout, rows = self.layout, self.sheet.rows
        wanted = range(layout.data_start - 1, len(rows))
        if layout.title_row is not None:
            wanted = [layout.title_row - 1, *wanted]
        refused = set()
        for r in wanted:
            for c, value in enumerate(rows[r]):
                if type(value) is not str:
                    continue
                try:
                    check_text(value)
                except ValidationError as exc:
                    header = layout.headers.get(c)
                    letter = get_column_letter(c + 1)
                    where = f"{letter} ({header})" if header else letter
                    self.result.errors.append(
                        CellError(
                            self.file, self.sheet.name, r + 1, where, exc.template, exc.params
                        )
                    )
                    refused.add(r + 1)
        return refused

    def check_fields(self, excel: int, fields: dict[str, tuple[str, str]]) -> bool:
        """Whether the texts a task row makes, each maybe joined from several cells
        (``fields``: field → (column name, text)), fit the limits; an error for each that does
        not."""
        ok = True
        for column, text in fields.values():
            try:
                check_text(text)
            except ValidationError as exc:
                ok = False
                self.error(excel, column, exc.template, **exc.params)
        return ok

    def value(self, cells: list[CellValue], name: str) -> str:
        texts = [_at(cells, c) for c in self.cols[name]]
        return "\n".join(dict.fromkeys(t for t in texts if t))

    def row(self, r: int, rows: list[list[CellValue]]) -> bool:
        """Read row ``r`` (0-based); False when it begins the footnote."""
        cells, excel = rows[r], r + 1
        texts = distinct_texts(cells)
        if not texts:
            return True
        if _NOTE.match(texts[0]):
            notes = ["".join(distinct_texts(rest)) for rest in rows[r:]]
            self.result.footnote = "\n".join(n for n in notes if n)
            return False
        task = self.value(cells, "task")
        task_columns = self.cols["task"]
        if task and task == self.layout.headers.get(task_columns[0]):
            return True  # the header, repeated on a later page
        seq = " ".join(cell_text(self.sheet.value(r, c)) for c in self.cols["seq"]).strip()
        spread = [c for c, v in enumerate(cells) if cell_text(v) == texts[0]]
        if len(texts) == 1 and len(spread) > 1 and spread[0] <= min(self.cols["task"]):
            self.section(texts[0], excel)  # one text merged across the row
            return True
        details = any(self.value(cells, name) for name in _DETAILS)
        self.hierarchy_columns(cells, excel)
        if not details and (heading := self.section_text(cells, task, seq)):
            self.section(heading, excel)
        elif task:
            self.task(excel, cells, task, seq)
        elif details:
            self.error(excel, "task", N_("Messages", "this row has no task title"))
        return True

    def section_text(self, cells: list[CellValue], task: str, seq: str) -> str | None:
        """The heading a row without units or deadline gives, or None (a task, or nothing)."""
        first_task = min(self.cols["task"])
        hierarchy = {c for name in _HIERARCHY for c in self.cols[name]}
        others = [cell_text(v) for c, v in enumerate(cells) if c not in hierarchy
                  and (c in self.cols["seq"] or c <= first_task) and cell_text(v)]  # fmt: skip
        if not others:
            return None
        if seq and re.fullmatch(rf"[{CN_NUMERALS}]+[、.．]?", seq) and task:
            return f"{seq.rstrip('、.．')}、{task}"
        if HEADING_NUMBER.match(others[0]) and not task:
            return others[0]
        if not task:
            return None if BARE_NUMBER.fullmatch(others[0]) else others[0]
        if HEADING_NUMBER.match(task):
            return task
        numbered = leading_number(task)[1] or BARE_NUMBER.fullmatch(seq or "-")
        if not numbered and lines_of(task)[0].rstrip(TITLE_END).endswith(("计划", "工程")):
            return task
        return None

    def section(self, text: str, excel: int) -> None:
        level, code, name = heading_parts(text)
        kind = "project" if "工程" in name else "program" if "计划" in name else None
        if level == 1:
            self.program = self.project = None
        if level < 2:
            kind = kind or "program"
        self.heading = None
        self.set_group(kind, name, code, excel)
        self.outline = []

    def set_group(self, kind: str | None, name: str, code: str, excel: int) -> None:
        if kind is None:
            self.heading = name
            return
        if kind == "program":
            self.program, self.project = name, None
            self.last.pop("project", None)
        else:
            self.project = name
        if not any(g.kind == kind and g.name == name for g in self.result.groups):
            self.result.groups.append(ParsedGroup(kind, name, code, excel))

    def hierarchy_columns(self, cells: list[CellValue], excel: int) -> None:
        for name in _HIERARCHY:
            text = self.value(cells, name)
            if not text or text == self.last.get(name):
                continue  # blank cells carry the value above down
            self.last[name] = text
            level, code, group = heading_parts(text)
            if not level:  # not 一、 / （一）: perhaps 1. or （1）
                code, _, rest = leading_number(text)
                group = heading_parts(rest)[2]
            if name == "group":
                name = "project" if "工程" in group else "program"
            self.heading = None
            self.set_group(name, group, code, excel)
            self.outline = []

    def task(self, excel: int, cells: list[CellValue], text: str, seq: str) -> None:
        code, style, rest = leading_number(text)
        if style is None and seq:  # the 序号 column: 1, 1.2, （1）, 一 …
            code, style, _ = leading_number(seq)
            if style is None:
                code, style, _ = leading_number(seq + "、")
        title, description = split_task_text(rest)
        if not title:
            self.error(excel, "task", N_("Messages", "this row has no task title"))
            return
        if target := self.value(cells, "target"):
            header = self.layout.headers.get(self.cols["target"][0], "")
            description = "\n".join(filter(None, [description, f"{header}：{target}"]))
        leads, support = [], []
        for name in ("lead", "units", "support"):
            for column in self.cols[name]:
                more_leads, more_support = split_units(_at(cells, column), name)
                leads += more_leads
                support += more_support
        leads = list(dict.fromkeys(leads))
        if len(leads) > 1:
            template = N_(
                "Messages",
                "{count} lead units are listed; {lead} is taken as the lead and the others as "
                "supporting units",
            )
            self.warning(excel, "lead" if self.cols["lead"] else "units", template,
                         count=len(leads), lead=leads[0])  # fmt: skip
        lead = leads[0] if leads else None
        support = [n for n in dict.fromkeys(leads[1:] + support) if n != lead]
        deadline_text = next((t for c in self.cols["deadline"] if (t := _at(cells, c))), "")
        deadline = parse_deadline(deadline_text, year=self.one_year)
        if not deadline.is_parsed:
            template = N_("Messages", "the deadline “{text}” cannot be read; it is kept as written")
            self.warning(excel, "deadline", template, text=deadline_text)
        notes = self.value(cells, "notes")
        if excel not in self.refused_rows and not self.check_fields(
            excel,
            {
                "title": ("task", title),
                "description": ("task", description),
                "notes": ("notes", notes),
            },
        ):
            return
        index = len(self.result.tasks)
        styles = [s for s, _ in self.outline]
        if style in styles:
            del self.outline[styles.index(style) :]
        self.outline.append((style, index))
        depth = len(self.outline) - 1
        self.result.tasks.append(
            ParsedTask(
                row=excel,
                program=self.program,
                project=self.project,
                heading=self.heading,
                code=code,
                title=title,
                description=description,
                lead=lead,
                support=support,
                deadline_text=deadline_text,
                deadline=deadline,
                notes=notes,
                depth=depth,
                parent_index=self.outline[-2][1] if depth else None,
            )
        )


def _at(cells: list[CellValue], column: int) -> str:
    return cell_text(cells[column]) if column < len(cells) else ""


def parse_breakdown(
    sheet: SheetCells,
    file_name: str,
    mapping: dict[int, str | None] | None = None,
    *,
    partial: bool = False,
) -> BreakdownResult:
    """Read a breakdown sheet. ``mapping`` (0-based column → field, e.g. from a dialog)
    replaces the columns found from the headers, or with ``partial`` (``--map``) only those
    it names (see :meth:`Layout.remapped`); ``detect_layout`` shows what was found."""
    layout = detect_layout(sheet)
    if mapping is not None:
        layout = layout.remapped(mapping, partial=partial)
    return _Reader(sheet, file_name, layout).run()
