"""Finding the title, the header rows and the meaning of each column of a task-breakdown sheet.

A government task-breakdown sheet (任务分解表) has, from the top: perhaps an ``附件1`` line, a
title row (usually merged across the table), then one or two header rows. In a two-row header
a merged parent such as ``责任单位`` stands over its children ``牵头单位`` / ``配合单位``; the
children name the columns. :func:`detect_layout` finds these rows and maps each column to a
field (see :data:`FIELDS`) by its header words and their common synonyms. Header text is
compared folded, without blanks, line breaks, ``*`` or ``:``, so ``重 点\\n任 务`` and
``完成时限：`` read as ``重点任务`` and ``完成时限``; a trailing note in brackets
(``牵头单位（部门）``) is ignored when the whole text is not a known header.

Rows are Excel row numbers (1-based) and columns 0-based indices, in every public field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from qdplanner.domain.text import fold
from qdplanner.errors import N_
from qdplanner.excel.cells import CellValue, SheetCells

__all__ = [
    "FIELDS",
    "ColumnRead",
    "Layout",
    "column_reads",
    "detect_layout",
    "distinct_texts",
    "filled_rows",
    "match_header",
]

FIELDS = (
    "seq",  # 序号
    "program",  # 计划
    "project",  # 工程
    "group",  # 重点领域 / 任务类别: a program, or a project when its text names a 工程
    "task",  # 重点任务: the only required column
    "lead",  # 牵头单位
    "support",  # 配合单位
    "units",  # a single 责任单位 column: the first unit leads, the others support
    "deadline",  # 完成时限
    "notes",  # 备注
    "target",  # 工作目标: goes into the task's description
)
REQUIRED = ("task",)
# Fields one column holds: two columns read as one of these are a question, never a choice
# made here (the supporting units, notes and targets of several columns are joined).
SINGLE = ("seq", "program", "project", "group", "task", "lead", "units", "deadline")
SKIP = "skip"  # what --map calls a column not to read
FIELD_WORDS = {  # a field in a message's words (translated as a Word of context Messages)
    "seq": N_("Messages", "the number (序号)"),
    "program": N_("Messages", "the program (计划)"),
    "project": N_("Messages", "the project (工程)"),
    "group": N_("Messages", "the program or project"),
    "task": N_("Messages", "the task (重点任务)"),
    "lead": N_("Messages", "the lead unit (牵头单位)"),
    "support": N_("Messages", "the supporting units (配合单位)"),
    "units": N_("Messages", "the responsible units (责任单位)"),
    "deadline": N_("Messages", "the deadline (完成时限)"),
    "notes": N_("Messages", "the notes (备注)"),
    "target": N_("Messages", "the target (工作目标)"),
}

_SYNONYMS = {
    "seq": "序号 编号 序 号",
    "program": "计划 专项计划 重点计划 所属计划 计划名称",
    "project": "工程 重点工程 专项工程 所属工程 工程名称 科技创新工程",
    "group": "重点领域 任务类别 工作方向 领域 类别 板块 方向 专项 工作板块",
    "task": "重点任务 工作任务 具体举措 主要任务 任务内容 工作内容 任务名称 任务 具体任务 "
    "重点工作 工作措施 主要举措 工作举措 具体措施 任务举措 重点举措 具体工作",
    "lead": "牵头单位 牵头部门 牵头 牵头责任单位 主责单位 牵头领导单位 牵头处室 主办单位 "
    "牵头责任部门 主责部门",
    "support": "配合单位 协办单位 配合部门 参与单位 协同单位 配合 协办 责任单位配合 协同部门 "
    "协作单位 协作部门 参与部门 协办部门 配合处室 协同 配合责任单位",
    "units": "责任单位 责任部门 责任主体 承办单位 实施单位 责任处室 责任科室 主体单位",
    "deadline": "完成时限 时间节点 完成时间 时限 时间安排 完成期限 时间进度 完成时限要求 "
    "完成时间节点 时间要求 进度安排 计划完成时间 完成节点",
    "notes": "备注 说明",
    "target": "目标 预期成效 工作目标 预期目标 阶段目标 目标要求 绩效目标",
}
HEADER_WORDS = {word: key for key, words in _SYNONYMS.items() for word in words.split()}
# Words a longer header contains, tried in this order when the whole text is not known
# (so 计划完成时间 is a deadline and 任务类别 a group, not a task).
_KEYWORDS = (
    ("序号", "seq"), ("备注", "notes"), ("牵头", "lead"), ("配合", "support"),
    ("协办", "support"), ("参与", "support"), ("协同", "support"), ("协作", "support"),
    ("处室", "units"), ("责任单位", "units"), ("责任部门", "units"),
    ("时限", "deadline"), ("时间", "deadline"), ("节点", "deadline"), ("期限", "deadline"),
    ("目标", "target"), ("成效", "target"), ("领域", "group"), ("类别", "group"),
    ("工程", "project"), ("计划", "program"), ("任务", "task"), ("举措", "task"),
    ("措施", "task"),
)  # fmt: skip
_MAX_HEADER_LENGTH = 12  # longer text is data, not a header
_SCAN_ROWS = 20  # the header is looked for in this many rows from the top
_NOISE = re.compile(r"[\s*:]+")
_BRACKETED = re.compile(r"\([^()]*\)$")
_ANNEX = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?")


def header_key(text: str) -> str:
    """Header text as compared: folded, without blanks, line breaks, ``*`` and ``:``."""
    return _NOISE.sub("", fold(text))


def match_header(text: CellValue, *, exact: bool = False) -> str | None:
    """The field a header cell names (``牵头部门`` → ``lead``), or None; ``exact``: only by
    a known header word, not by a word the text contains."""
    if not isinstance(text, str):
        return None
    key = header_key(text)
    if not key or len(key) > _MAX_HEADER_LENGTH:
        return None
    for candidate in (key, _BRACKETED.sub("", key)):
        if candidate in HEADER_WORDS:
            return HEADER_WORDS[candidate]
    if exact:
        return None
    return next((name for word, name in _KEYWORDS if word in key), None)


def filled_rows(sheet: SheetCells) -> list[list[CellValue]]:
    """The sheet's rows, as wide as its widest row or merge, with every merged range filled
    from its top-left cell. ``SheetCells.merged`` holds 0-based inclusive
    ``((first_row, first_col), (last_row, last_col))`` ranges, as python-calamine gives them."""
    width = max([sheet.width, *(c2 + 1 for (_, _), (_, c2) in sheet.merged)])
    height = max([len(sheet.rows), *(r2 + 1 for (_, _), (r2, _) in sheet.merged)])
    rows = [[sheet.value(r, c) for c in range(width)] for r in range(height)]
    for (r1, c1), (r2, c2) in sheet.merged:
        value = rows[r1][c1]
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                rows[r][c] = value
    return rows


@dataclass
class Layout:
    """Where the table is and what its columns mean (see the module docstring for numbering)."""

    title: str | None  # the title row as written (lines joined), or None
    title_row: int | None
    header_rows: tuple[int, ...]  # one or two rows; empty when no header row was found
    data_start: int  # the first row below the header
    mapping: dict[int, str] = field(default_factory=dict)  # column → field
    headers: dict[int, str] = field(default_factory=dict)  # column → header text as written
    unmapped: list[tuple[int, str]] = field(default_factory=list)  # header cells not understood
    missing: list[str] = field(default_factory=list)  # required fields with no column
    # columns whose header cell is their own (not the continuation of a merged header cell)
    own_headers: set[int] = field(default_factory=set)
    set_aside: dict[int, str] = field(default_factory=dict)  # column → field, not read by choice

    def columns(self, name: str) -> list[int]:
        """The columns mapped to field ``name``, left to right."""
        return sorted(c for c, f in self.mapping.items() if f == name)

    def conflicts(self) -> dict[str, list[int]]:
        """Fields of :data:`SINGLE` that two or more columns (each with a header of its own)
        are read as: field → its columns. One merged header over several columns is one."""
        found: dict[str, list[int]] = {}
        for name in SINGLE:
            columns = [c for c in self.columns(name) if c in self.own_headers]
            if len(columns) > 1:
                found[name] = columns
        return found

    def remapped(self, mapping: dict[int, str | None], *, partial: bool = False) -> Layout:
        """This layout with ``mapping`` (column → field; None or :data:`SKIP`: not read).

        Whole (a dialog's choice for every column): it replaces the columns found. Partial
        (``--map`` for some columns): the columns given are read as given, a field of
        :data:`SINGLE` given to one column is taken from every other, and the rest stay as
        found."""
        chosen = {c: (None if f == SKIP else f) for c, f in mapping.items()}
        unknown = sorted({f for f in chosen.values() if f is not None} - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown breakdown fields: {', '.join(unknown)}")
        result = dict(self.mapping) if partial else {}
        set_aside = {}
        for column, name in chosen.items():
            if name in SINGLE and partial:
                for other in [c for c, f in result.items() if f == name and c not in chosen]:
                    set_aside[other] = result.pop(other)
            if name is None:
                if column in result:
                    set_aside[column] = result.pop(column)
            else:
                result[column] = name
        if not partial:
            set_aside = {c: f for c, f in self.mapping.items() if c not in result}
        return replace(
            self,
            mapping=result,
            unmapped=[
                (c, t)
                for c, t in sorted(self.headers.items())
                if c not in result and c not in set_aside
            ],
            missing=[f for f in REQUIRED if f not in result.values()],
            own_headers=self.own_headers | (set(chosen) - set(self.headers)),
            set_aside=set_aside,
        )


@dataclass(frozen=True)
class ColumnRead:
    """How one column of the sheet was read: ``field`` or, when None, why not (``why``:
    ``not_recognised`` — a header this program does not know; ``set_aside`` — it would have
    been read as ``was`` but the user's mapping gave that field to another column or said
    skip; ``no_header`` — cells below an empty header)."""

    column: int
    letter: str
    header: str
    field: str | None
    why: str = ""
    was: str | None = None
    hidden: bool = False

    def as_json(self) -> dict:
        return {
            "column": self.letter,
            "header": self.header,
            "read_as": self.field,
            **({"not_read": self.why} if self.field is None else {}),
            **({"would_be": self.was} if self.was else {}),
            "hidden": self.hidden,
        }


def column_reads(layout: Layout, sheet: SheetCells) -> list[ColumnRead]:
    """Every column of the table, left to right, with what it was read as (or why not)."""
    from qdplanner.excel.file_checks import column_letter as get_column_letter

    below = sheet.rows[layout.data_start - 1 :]
    width = max([sheet.width, *layout.headers, *layout.mapping], default=-1) + 1
    reads = []
    for c in range(width):
        header = layout.headers.get(c, "")
        name = layout.mapping.get(c)
        if name is None and not header and not any(c < len(r) and r[c] is not None for r in below):
            continue  # an empty column
        why = (
            "" if name else "set_aside" if c in layout.set_aside
            else "not_recognised" if header else "no_header"
        )  # fmt: skip
        reads.append(ColumnRead(c, get_column_letter(c + 1), header, name, why,
                                layout.set_aside.get(c), c in sheet.hidden_columns))  # fmt: skip
    return reads


def _text(value: CellValue) -> str:
    return "" if value is None else str(value).strip()


def distinct_texts(row: list[CellValue]) -> list[str]:
    seen: list[str] = []
    for value in row:
        text = _text(value)
        if text and text not in seen:
            seen.append(text)
    return seen


def _score(row: list[CellValue]) -> int:
    return len({match_header(v) for v in row} - {None})


def _is_child_header(row: list[CellValue], above: list[CellValue]) -> bool:
    """Whether ``row`` is the lower row of a two-row header under ``above``: every cell in it
    is a known header word or repeats the cell above (a vertical merge), and one is new."""
    new = [c for c, v in enumerate(row) if v is not None and v != above[c]]
    return bool(new) and all(match_header(row[c], exact=True) for c in new)


def _is_parent_header(upper: list[CellValue], score: int, lower: list[CellValue]) -> bool:
    return score > 0 and len(distinct_texts(upper)) > 1 and _is_child_header(lower, upper)


def detect_layout(sheet: SheetCells) -> Layout:
    """Find the title, the header row(s) and the column mapping of a breakdown sheet."""
    rows = filled_rows(sheet)
    top = rows[:_SCAN_ROWS]
    scores = [_score(r) for r in top]
    best = max(scores, default=0)
    if best >= 2:
        header = scores.index(best)
        if header and _is_parent_header(rows[header - 1], scores[header - 1], rows[header]):
            header -= 1  # the best row is the lower of two (it repeats the upper's merges)
    else:  # a lone task column, or else the first row of several cells (headers unknown)
        tasks = (
            r for r, row in enumerate(top) if "task" in {match_header(v, exact=True) for v in row}
        )
        several = (r for r, row in enumerate(top) if len(distinct_texts(row)) >= 2)
        header = next(tasks, None) if best else None
        header = next(several, None) if header is None else header
    if header is None:
        title_row = _title_row(rows, len(top))
        return Layout(
            _title(rows, title_row), _excel(title_row), (), len(rows) + 1, missing=["task"]
        )
    header_rows = [header]
    if header + 1 < len(rows) and _is_child_header(rows[header + 1], rows[header]):
        header_rows.append(header + 1)
    mapping, headers, own = {}, {}, set()
    for column in range(len(rows[header])):
        cells = [rows[r][column] for r in header_rows]
        text = next((_text(v) for v in reversed(cells) if _text(v)), "")
        if not text:
            continue
        headers[column] = text
        if column == 0 or any(
            sheet.value(r, column) is not None or rows[r][column] != rows[r][column - 1]
            for r in header_rows
        ):
            own.add(column)  # not the continuation of a header cell merged from the left
        name = next((n for n in map(match_header, reversed(cells)) if n), None)
        if name:
            mapping[column] = name
    if "support" in mapping.values():  # 责任单位 beside 配合单位 is the lead column
        mapping = {c: "lead" if f == "units" else f for c, f in mapping.items()}
    title_row = _title_row(rows, header)
    layout = Layout(
        _title(rows, title_row),
        _excel(title_row),
        tuple(r + 1 for r in header_rows),
        header_rows[-1] + 2,
        headers=headers,
        own_headers=own,
    )
    return layout.remapped(mapping)


def _title_row(rows: list[list[CellValue]], header: int) -> int | None:
    """The first row above the header holding one text (not an ``附件1`` line), or None."""
    for r in range(header):
        texts = distinct_texts(rows[r])
        if len(texts) == 1 and not _ANNEX.fullmatch(texts[0]) and len(texts[0]) >= 4:
            return r
    return None


def _title(rows: list[list[CellValue]], title_row: int | None) -> str | None:
    if title_row is None:
        return None
    return "".join(line.strip() for line in distinct_texts(rows[title_row])[0].splitlines())


def _excel(row: int | None) -> int | None:
    return None if row is None else row + 1
