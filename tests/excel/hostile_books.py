"""A corpus of broken and hostile workbooks, built on demand (nothing binary is committed).

Each builder writes one file into a folder and returns a :class:`Case`: the file, the
``qdplanner`` sub-command to give it to (``import`` or ``collect-import``) and what must
happen (:class:`Expect`: refused with exit code 1 and a message holding certain words, or
accepted). Plan workbooks are made by ``qdplanner export`` and then edited with openpyxl;
returned progress workbooks by ``qdplanner collect … --period 2025Q4`` and then filled in;
the file-level attacks from raw bytes or hand-made zips. :class:`Sources` runs those two
commands once on a plan and keeps their output, so that many cases can be cut from them.

    sources = Sources(folder / "sources", plan_path)   # the sample plan, closed
    case = build("percent_140", folder, sources)
    qdplanner <case.command> <case.plan or plan_path> <case.path> <case.args…>

Every case of :data:`NAMES` runs against a copy of the plan ``sources`` was made from
(after its collection round: the returned workbooks are signed with that plan's key).
"""

from __future__ import annotations

import datetime
import re
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import openpyxl
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from qdplanner.cli.commands import cli
from tests.excel import breakdown_books
from tests.excel.collection_helpers import (
    fill,
    header_columns,
    progress_sheet,
    row_of_task,
    task_ids,
)
from tests.excel.conftest import SheetEditor, edit

PERIOD = "2025Q4"
TASKS = "任务"
MB = 1024 * 1024
BOMB_MB = 620  # inflated: more than the 600 MB a workbook may unpack to


# -- what a case is ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """What must happen. ``words``: each must be in the output (stdout and stderr); an
    entry that is a tuple is satisfied by any one of its words. ``warnings``: words of a
    ``warning:`` line (an accepted case). ``absent``: never in the output."""

    refused: bool
    words: tuple[str | tuple[str, ...], ...] = ()
    warnings: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


def refused(*words: str | tuple[str, ...], absent: tuple[str, ...] = ()) -> Expect:
    return Expect(True, words, absent=absent)


def accepted(*, warnings: tuple[str, ...] = ()) -> Expect:
    return Expect(False, warnings=warnings)


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    command: str  # "import" | "collect-import"
    expect: Expect
    args: tuple[str, ...] = ()  # more options (--allow-removals …)
    plan: Path | None = None  # run on this plan instead of the copy of the sample plan

    def argv(self, plan: Path, *, dry_run: bool) -> list[str]:
        """The command line (without ``qdplanner``) for ``plan`` (unless the case has its own)."""
        argv = [self.command, str(self.plan or plan), str(self.path), *self.args]
        return [*argv, "--dry-run"] if dry_run else argv


def run_cli(*args: Any):
    """``qdplanner ARGS`` in this process (click's runner); the Result."""
    return CliRunner().invoke(cli, [str(a) for a in args])


# -- the real workbooks the cases are cut from ------------------------------------------------


@dataclass
class Sources:
    """A plan's export and 2025Q4 collection round, made once by the real commands.

    Making the round records it in the plan (and gives the plan its collection key): run the
    cases on copies of ``plan`` made after :attr:`round` was first asked for.
    """

    folder: Path
    plan: Path

    @cached_property
    def export(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        out = self.folder / "plan.xlsx"
        result = run_cli("export", self.plan, out, "--lang", "zh")
        assert result.exit_code == 0, result.output
        return out

    @cached_property
    def round(self) -> list[Path]:
        """The round's workbooks, one per lead unit, those with the most tasks first."""
        outdir = self.folder / "round"
        result = run_cli("collect", self.plan, outdir, "--period", PERIOD, "--lang", "zh")
        assert result.exit_code == 0, result.output
        books = sorted(outdir.glob("*.xlsx"), key=lambda p: (-len(task_ids(p)), p.name))
        assert len(books) >= 2, result.output
        return books

    @cached_property
    def task_rows(self) -> int:
        """How many tasks the plan has (rows of the exported tasks sheet)."""
        return len(record_ids(self.export, TASKS))

    @cached_property
    def collected_tasks(self) -> list[int]:
        """Every task of the round, in the order of :attr:`round`."""
        return [t for book in self.round for t in task_ids(book)]

    def prepare(self) -> Sources:
        """Make the export and the round now (before the plan is copied for the cases)."""
        _ = self.round, self.export  # the round first: the export then shows the plan as run
        return self


# -- editing a plan workbook ------------------------------------------------------------------


@dataclass
class Edit:
    """An exported workbook open for editing, saved as ``out``; remembers the cells it set."""

    out: Path
    book: Any
    _save: Callable[[], Path]
    where: list[tuple[str, int, str]] = field(default_factory=list)  # sheet, row, column

    def sheet(self, name: str) -> SheetEditor:
        return SheetEditor(self.book[name])

    def set(self, sheet: str, record_id: int, header: str, value: Any) -> int:
        """Set a cell (text as text: never turned into a formula); return its row."""
        editor = self.sheet(sheet)
        row = editor.row_of(record_id)
        column = editor.columns[header]
        put(self.book[sheet].cell(row, column), value)
        self.where.append((sheet, row, f"{get_column_letter(column)} ({header})"))
        return row

    def words(self, index: int = -1) -> tuple[str, ...]:
        """``sheet S``, ``row R``, ``column C (header)`` of the cell set ``index``-th."""
        sheet, row, column = self.where[index]
        return (f"sheet {sheet}", f"row {row}", f"column {column}")

    def save(self) -> Path:
        return self._save()


def put(cell: Any, value: Any) -> None:
    """What a person types into ``cell``; a text (even ``=…``, or longer than openpyxl's
    setter keeps) stays a text cell, as Excel keeps it when typed with a leading '."""
    if isinstance(value, str):
        cell._value = value
        cell.data_type = "s"
        if value.startswith(("=", "+", "-", "@")):
            cell.quotePrefix = True
    else:
        cell.value = value


def edit_export(sources: Sources, out: Path) -> Edit:
    book, save = edit(sources.export, out)
    return Edit(out, book, save)


def record_ids(path: Path, sheet: str) -> list[Any]:
    """The IDs in column A of ``sheet``, top to bottom."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = book[sheet].iter_rows(min_row=2, max_col=1, values_only=True)
        return [r[0] for r in rows if r[0] is not None]
    finally:
        book.close()


def first_id(sources: Sources, sheet: str) -> int:
    return record_ids(sources.export, sheet)[0]


# -- editing the parts of a zip ---------------------------------------------------------------


def zip_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info.filename) for info in zf.infolist()}


def write_parts(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def sheet_part(parts: dict[str, bytes], sheet: str) -> str:
    """The part of the zip holding ``sheet`` (via workbook.xml and its relationships)."""
    book = parts["xl/workbook.xml"].decode("utf-8")
    rels = parts["xl/_rels/workbook.xml.rels"].decode("utf-8")
    for match in re.finditer(r"<sheet\b[^>]*>", book):
        tag = match[0]
        if re.search(rf'\bname="{re.escape(sheet)}"', tag):
            rid = re.search(r'r:id="([^"]+)"', tag)[1]
            rel = next(r for r in re.findall(r"<Relationship\b[^>]*>", rels) if f'Id="{rid}"' in r)
            target = re.search(r'Target="([^"]+)"', rel)[1]
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise KeyError(sheet)


def inline_text(value: str) -> bytes:
    """How ``value`` appears in the sheet XML openpyxl writes (characters as references)."""
    return "".join(ch if ch.isascii() else f"&#{ord(ch)};" for ch in value).encode("ascii")


def replace_in_sheet(path: Path, sheet: str, old: str, new: bytes, out: Path) -> Path:
    """``out``: ``path`` with the text ``old`` of ``sheet`` replaced by raw XML bytes ``new``."""
    parts = zip_parts(path)
    part = sheet_part(parts, sheet)
    needle = inline_text(old)
    assert parts[part].count(needle) == 1, f"{old!r} in {part}"
    parts[part] = parts[part].replace(needle, new)
    return write_parts(out, parts)


# -- a zip written by hand: sizes that lie, a stream that inflates without end --------------


@dataclass(frozen=True)
class ZipEntry:
    name: str
    stored: bytes  # raw deflate
    crc: int
    size: int  # inflated
    declared: int | None = None  # the size written in the headers, if not ``size``


def deflated(name: str, data: bytes) -> ZipEntry:
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return ZipEntry(name, comp.compress(data) + comp.flush(), zlib.crc32(data), len(data))


def write_zip(path: Path, entries: list[ZipEntry]) -> Path:
    """A plain zip (no zip64; every part deflated) with the sizes each entry declares."""
    out, central = bytearray(), bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        size = e.size if e.declared is None else e.declared
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, e.crc, len(e.stored), size,
            len(name), 0,
        )  # fmt: skip
        out += name + e.stored
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, e.crc, len(e.stored),
            size, len(name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += name
    eocd = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
        len(out), 0,
    )  # fmt: skip
    path.write_bytes(bytes(out + central + eocd))
    return path


SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


@cache
def _blank_stream(megabytes: int, head: bytes, tail: bytes) -> tuple[bytes, int, int]:
    """(deflated, crc, inflated size) of ``head``, ``megabytes`` MB of blanks, ``tail``.

    Cheap: after a full flush deflate forgets what came before, so every MB of blanks
    deflates to the same ~1 KB, made once and repeated."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    blanks = b" " * MB
    first = comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(blanks) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(blanks) + comp.flush(zlib.Z_FULL_FLUSH)
    assert block == again
    last = comp.compress(tail) + comp.flush()
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(blanks, crc)
    crc = zlib.crc32(tail, crc)
    stored = first + block * megabytes + last
    return stored, crc, len(head) + megabytes * MB + len(tail)


def bomb_entry(name: str, declared: int | None = None, *, styles: bool = False) -> ZipEntry:
    """A part of ``BOMB_MB`` MB, most of it blanks inside valid XML (a sheet or the styles)."""
    head, tail = SHEET_HEAD, SHEET_TAIL
    if styles:
        head = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        )
        tail = b"</styleSheet>"
    stored, crc, size = _blank_stream(BOMB_MB, head, tail)
    return ZipEntry(name, stored, crc, size, declared)


def export_with_part(sources: Sources, out: Path, replaced: ZipEntry) -> Path:
    """The export, written by hand, with one part replaced by ``replaced``."""
    parts = zip_parts(sources.export)
    assert replaced.name in parts
    entries = [replaced if n == replaced.name else deflated(n, d) for n, d in parts.items()]
    return write_zip(out, entries)


# -- the builders -----------------------------------------------------------------------------

Builder = Callable[[Path, Sources], Case]
BUILDERS: dict[str, Builder] = {}


def builder(*names: str):
    def register(func: Builder) -> Builder:
        for name in names:
            BUILDERS[name] = func
        return func

    return register


def _case(name: str, path: Path, expect: Expect, command: str = "import", **kw: Any) -> Case:
    return Case(name, path, command, expect, **kw)


# 1. File-level attacks: each is given to import and to collect-import -------------------------

FileAttack = Callable[[Path, Sources], tuple[Path, tuple[str | tuple[str, ...], ...]]]
FILE_ATTACKS: dict[str, FileAttack] = {}


def file_attack(name: str):
    def register(func: FileAttack) -> FileAttack:
        FILE_ATTACKS[name] = func
        return func

    return register


@file_attack("empty_file")
def _empty(folder: Path, sources: Sources):
    path = folder / "empty.xlsx"
    path.write_bytes(b"")
    return path, ("empty",)


@file_attack("pdf")
def _pdf(folder: Path, sources: Sources):
    path = folder / "report.pdf"
    path.write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return path, ("PDF",)


@file_attack("csv_named_xlsx")
def _csv(folder: Path, sources: Sources):
    path = folder / "tasks.xlsx"
    path.write_text("ID,任务名称,完成进度(%)\n1,立足建设国家战略科技力量,80\n", encoding="utf-8")
    return path, ("text",)


@file_attack("word_docx")
def _docx(folder: Path, sources: Sources):
    path = folder / "report.docx"
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    write_parts(
        path,
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                b'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                b'ContentType="application/xml"/><Override PartName="/word/document.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.'
                b'wordprocessingml.document.main+xml"/></Types>'
            ),
            "word/document.xml": (
                f'<w:document xmlns:w="{ns}"><w:body><w:p><w:r><w:t>进展情况</w:t></w:r>'
                "</w:p></w:body></w:document>"
            ).encode(),
        },
    )
    return path, ("Word",)


@file_attack("plain_zip")
def _plain_zip(folder: Path, sources: Sources):
    path = folder / "archive.xlsx"
    write_parts(path, {"readme.txt": b"hello", "data/tasks.csv": b"ID,title\n1,x\n"})
    return path, ("zip",)


@file_attack("truncated_xlsx")
def _truncated(folder: Path, sources: Sources):
    path = folder / "truncated.xlsx"
    data = sources.export.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path, ("damaged",)


def _with_shared_string(sources: Sources, out: Path, doctype: bytes, text: bytes) -> Path:
    """The export with the first task's title moved into xl/sharedStrings.xml (``text``, after
    the DTD ``doctype``), the part declared in the content types and relationships."""
    parts = zip_parts(sources.export)
    part = sheet_part(parts, TASKS)
    xml = parts[part]
    xml, n = re.subn(rb'<c r="I2"([^>]*?) t="inlineStr"><is>.*?</is></c>',
                     rb'<c r="I2"\1 t="s"><v>0</v></c>', xml, count=1)  # fmt: skip
    assert n == 1
    parts[part] = xml
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + doctype
        + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>' + text + b"</t></si></sst>"
    )
    return write_parts(out, parts)


BILLION_LAUGHS = (
    b'<!DOCTYPE sst [\n<!ENTITY lol0 "lol">\n'
    + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
    + b"]>\n"
)
XXE = b'<!DOCTYPE sst [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'


@file_attack("billion_laughs")
def _billion_laughs(folder: Path, sources: Sources):
    path = _with_shared_string(sources, folder / "laughs.xlsx", BILLION_LAUGHS, b"&lol9;")
    return path, ()


@file_attack("xxe")
def _xxe(folder: Path, sources: Sources):
    path = _with_shared_string(sources, folder / "xxe.xlsx", XXE, b"&xxe;")
    return path, ()


@file_attack("zip_bomb")
def _zip_bomb(folder: Path, sources: Sources):
    parts = zip_parts(sources.export)
    entry = bomb_entry(sheet_part(parts, TASKS))
    return export_with_part(sources, folder / "bomb.xlsx", entry), (("600 MB", "MB"),)


@file_attack("zip_lying_sizes_sheet")
def _lying_sheet(folder: Path, sources: Sources):
    """The tasks sheet inflates to 620 MB; both headers say 4 KB."""
    parts = zip_parts(sources.export)
    entry = bomb_entry(sheet_part(parts, TASKS), declared=4096)
    return export_with_part(sources, folder / "lying.xlsx", entry), ()


@file_attack("zip_lying_sizes_styles")
def _lying_styles(folder: Path, sources: Sources):
    """The styles part (not a sheet: not scanned before reading) inflates to 620 MB; its
    headers say 4 KB."""
    entry = bomb_entry("xl/styles.xml", declared=4096, styles=True)
    return export_with_part(sources, folder / "lying_styles.xlsx", entry), ()


@file_attack("cell_at_xfd1048576")
def _far_cell(folder: Path, sources: Sources):
    e = edit_export(sources, folder / "far.xlsx")
    e.book[TASKS]["XFD1048576"] = "x"
    e.save()
    return e.out, (f"sheet {TASKS}", ("1,048,576", "1048576", "XFD"))


@file_attack("password_protected")
def _encrypted(folder: Path, sources: Sources):
    from msoffcrypto.format.ooxml import OOXMLFile

    path = folder / "locked.xlsx"
    with sources.export.open("rb") as src, path.open("wb") as out:
        OOXMLFile(src).encrypt("secret", out)
    return path, ("password",)


def _file_builder(attack: str, command: str) -> Builder:
    def build(folder: Path, sources: Sources) -> Case:
        path, words = FILE_ATTACKS[attack](folder, sources)
        name = attack if command == "import" else f"{attack}_collect"
        # /etc/passwd's first line never reaches the output
        return _case(name, path, refused(path.name, *words, absent=("root:x:0:0",)), command)

    return build


for _attack in FILE_ATTACKS:
    BUILDERS[_attack] = _file_builder(_attack, "import")
    BUILDERS[f"{_attack}_collect"] = _file_builder(_attack, "collect-import")


# 2. and 3. Cell faults and values at the limits in a plan workbook ------------------------------


def _cell_fault(name: str, sheet: str, header: str, value: Any) -> Builder:
    """The export with one cell (of the first record of ``sheet``) set to ``value``."""

    def build(folder: Path, sources: Sources) -> Case:
        e = edit_export(sources, folder / f"{name}.xlsx")
        e.set(sheet, first_id(sources, sheet), header, value)
        e.save()
        return _case(name, e.out, refused(e.out.name, *e.words()))

    return build


CELL_FAULTS: dict[str, tuple[str, str, Any]] = {
    # 2. cell faults
    "text_in_integer_column": (TASKS, "完成进度(%)", "约八成"),
    "percent_140": (TASKS, "完成进度(%)", 140),
    "date_next_spring": (TASKS, "截止日期", "next spring"),
    "unknown_status": (TASKS, "状态", "大概吧"),
    "parent_missing": (TASKS, "上级任务ID", 999_999),
    # 3. values at the limits
    "sort_order_1e20": (TASKS, "排序", 1e20),
    "integer_25_digits": (TASKS, "排序", "1234567890123456789012345"),
    "integer_400_digits": (TASKS, "排序", "9" * 400),
    "target_1e308": ("指标", "目标值", 1e308),
    "target_inf": ("指标", "目标值", "inf"),
    "target_nan": ("指标", "目标值", "nan"),
    "title_x0000_escape": (TASKS, "任务名称", "立足_x0000_建设"),
    "title_x0001_escape": (TASKS, "任务名称", "立足_x0001_建设"),
    "title_40000_chars": (TASKS, "任务名称", "长" * 40_000),
    "due_9999_12_31": (TASKS, "截止日期", datetime.date(9999, 12, 31)),
    "due_1800_01_01": (TASKS, "截止日期", datetime.date(1800, 1, 1)),
    "due_1800_01_01_text": (TASKS, "截止日期", "1800-01-01"),  # how Excel keeps it
}
for _name, (_sheet, _header, _value) in CELL_FAULTS.items():
    BUILDERS[_name] = _cell_fault(_name, _sheet, _header, _value)


@builder("duplicate_id")
def _duplicate_id(folder: Path, sources: Sources) -> Case:
    e = edit_export(sources, folder / "duplicate_id.xlsx")
    ids = record_ids(sources.export, TASKS)
    e.set(TASKS, ids[1], "ID", ids[0])  # the second row now has the first row's ID
    e.save()
    return _case("duplicate_id", e.out, refused(e.out.name, *e.words()))


@builder("parent_cycle")
def _parent_cycle(folder: Path, sources: Sources) -> Case:
    """Two top-level tasks of one program, each made the other's parent."""
    e = edit_export(sources, folder / "parent_cycle.xlsx")
    col = {h: c - 1 for h, c in e.sheet(TASKS).columns.items()}
    rows = list(e.book[TASKS].iter_rows(min_row=2, values_only=True))
    top = [r for r in rows if r[col["上级任务ID"]] is None and r[col["计划ID"]] is not None]
    a, b = next(
        (x, y) for x in top for y in top if x is not y and x[col["计划ID"]] == y[col["计划ID"]]
    )
    e.set(TASKS, a[0], "上级任务ID", b[0])
    e.set(TASKS, b[0], "上级任务ID", a[0])
    e.save()
    sheet, _, column = e.where[0]
    rows_named = tuple(f"row {r}" for _, r, _ in e.where)
    return _case(
        "parent_cycle", e.out, refused(e.out.name, f"sheet {sheet}", rows_named, f"column {column}")
    )


def _raw_title(name: str, raw: bytes) -> Builder:
    """A task title holding a raw byte the sheet XML may not contain (written into the zip
    after openpyxl, which refuses control characters)."""

    def build(folder: Path, sources: Sources) -> Case:
        marker = "QDMARKQD"
        e = edit_export(sources, folder / "staged.xlsx")
        first = e.book[TASKS].cell(2, 1).value
        e.set(TASKS, first, "任务名称", f"立足{marker}建设")
        e.save()
        out = replace_in_sheet(e.out, TASKS, marker, raw, folder / f"{name}.xlsx")
        e.out.unlink()
        return _case(name, out, refused(out.name, *e.words()))

    return build


BUILDERS["title_raw_nul_byte"] = _raw_title("title_raw_nul_byte", b"\x00")
BUILDERS["title_raw_u0001_byte"] = _raw_title("title_raw_u0001_byte", b"\x01")
BUILDERS["title_u0001_char_ref"] = _raw_title("title_u0001_char_ref", b"&#1;")


# 4. Formula-looking text: taken as text ------------------------------------------------------

FORMULA_TITLES = {
    "formula_hyperlink": '=HYPERLINK("http://x","click")',
    "formula_x0001_hyperlink": '_x0001_=HYPERLINK("http://x","click")',
    "formula_at_sum": "@SUM(1)",
    "formula_plus_1": "+1",
    "formula_minus_1": "-1",
}


def cell_text(literal: str) -> str:
    """What a cell holds for readers to show ``literal``: a literal ``_xHHHH_`` is written
    ``_x005F_xHHHH_`` (as Excel writes what a person typed)."""
    return re.sub("_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", literal)


def formula_titles(sources: Sources) -> dict[int, str]:
    """Task ID → formula-looking title, one per title of FORMULA_TITLES, each a task of the
    collection round (so that ``collect`` writes it too)."""
    tasks = sources.collected_tasks
    assert len(tasks) >= len(FORMULA_TITLES)
    return dict(zip(tasks, FORMULA_TITLES.values(), strict=False))


def formula_book(folder: Path, sources: Sources, titles: dict[int, str]) -> Path:
    """The export with the tasks of ``titles`` retitled (typed as text)."""
    e = edit_export(sources, folder / "formula_titles.xlsx")
    for task, title in titles.items():
        e.set(TASKS, task, "任务名称", cell_text(title))
    return e.save()


def _formula(name: str) -> Builder:
    def build(folder: Path, sources: Sources) -> Case:
        task = next(iter(formula_titles(sources)))
        e = edit_export(sources, folder / f"{name}.xlsx")
        e.set(TASKS, task, "任务名称", cell_text(FORMULA_TITLES[name]))
        e.save()
        return _case(name, e.out, accepted())

    return build


for _name in FORMULA_TITLES:
    BUILDERS[_name] = _formula(_name)


@builder("plan_book_title_changed")
def _control_plan(folder: Path, sources: Sources) -> Case:
    """A control: an ordinary edit is applied."""
    e = edit_export(sources, folder / "edited.xlsx")
    e.set(TASKS, first_id(sources, TASKS), "任务名称", "立足建设国家战略科技力量（改）")
    e.save()
    return _case("plan_book_title_changed", e.out, accepted())


# 5. The wrong kind of workbook ---------------------------------------------------------------


def returned(sources: Sources, out: Path, which: int = 0) -> Path:
    """The ``which``-th workbook of the round, its first task reported on (80 %)."""
    book = sources.round[which]
    first = task_ids(book)[0]
    return fill(book, {first: {"完成进度(%)": 80, "进展情况": "按计划推进"}}, out)


@builder("collection_book_to_import")
def _collection_to_import(folder: Path, sources: Sources) -> Case:
    path = returned(sources, folder / "returned.xlsx")
    return _case("collection_book_to_import", path, refused(path.name, "collect-import", PERIOD))


@builder("collection_book_without_meta_to_import")
def _collection_no_meta(folder: Path, sources: Sources) -> Case:
    path = returned(sources, folder / "returned_no_meta.xlsx")
    book = openpyxl.load_workbook(path)
    del book["_collection"]
    book.save(path)
    return _case(
        "collection_book_without_meta_to_import", path, refused(path.name, "collect-import")
    )


@builder("plan_book_sheets_renamed")
def _renamed(folder: Path, sources: Sources) -> Case:
    """Every sheet renamed Sheet1, Sheet2 …: the message must say which is which."""
    e = edit_export(sources, folder / "renamed.xlsx")
    was = {}
    for n, ws in enumerate(e.book.worksheets, start=1):
        if ws.sheet_state == "visible":
            was[f"Sheet{n}"] = ws.title
        ws.title = f"Sheet{n}"
    e.save()
    mapping = [f"{new} → {old}" for new, old in was.items()]
    return _case("plan_book_sheets_renamed", e.out, refused(e.out.name, "renamed", *mapping))


@builder("plan_book_of_other_plan")
def _other_plan(folder: Path, sources: Sources) -> Case:
    other = folder / "other.qdplan"
    result = run_cli("init", other)
    assert result.exit_code == 0, result.output
    path = folder / "from_sample.xlsx"
    shutil.copy(sources.export, path)
    return _case("plan_book_of_other_plan", path, refused(path.name, "--other-plan"), plan=other)


@builder("plan_book_to_collect_import")
def _plan_to_collect(folder: Path, sources: Sources) -> Case:
    path = folder / "plan.xlsx"
    shutil.copy(sources.export, path)
    return _case("plan_book_to_collect_import", path, refused(path.name), "collect-import")


@builder("breakdown_sheet_to_collect_import")
def _breakdown_to_collect(folder: Path, sources: Sources) -> Case:
    path = breakdown_books.classic(folder / "分解表.xlsx")
    return _case("breakdown_sheet_to_collect_import", path, refused(path.name), "collect-import")


# 6. Removals ---------------------------------------------------------------------------------


def only_new_row(folder: Path, sources: Sources) -> Path:
    """The tasks sheet with every row deleted and one new task typed in."""
    e = edit_export(sources, folder / "only_new_row.xlsx")
    ws = e.book[TASKS]
    columns = SheetEditor(ws).columns
    project = first_id(sources, "工程")
    ws.delete_rows(2, ws.max_row - 1)
    ws.cell(2, columns["工程ID"]).value = project
    ws.cell(2, columns["任务名称"]).value = "新增任务"
    return e.save()


@builder("removals_refused")
def _removals(folder: Path, sources: Sources) -> Case:
    path = only_new_row(folder, sources)
    return _case(
        "removals_refused",
        path,
        refused(path.name, "--allow-removals", f"{sources.task_rows} task"),
    )


@builder("removals_allowed")
def _removals_allowed(folder: Path, sources: Sources) -> Case:
    path = only_new_row(folder, sources)
    return _case("removals_allowed", path, accepted(), args=("--allow-removals",))


# 7. Tampered collection returns --------------------------------------------------------------


def _tampered(name: str, header: str, value: Any, *, locked: bool = False) -> Builder:
    """The round's first workbook, its first task reported on, one cell of its row set."""

    def build(folder: Path, sources: Sources) -> Case:
        path = returned(sources, folder / f"{name}.xlsx")
        book = openpyxl.load_workbook(path)
        ws = progress_sheet(book)
        columns = header_columns(ws)
        row = row_of_task(ws, task_ids(path)[0])
        if locked:
            ws.protection.sheet = False  # as a person who knows the trick does
        put(ws.cell(row, columns[header]), value)
        book.save(path)
        column = f"{get_column_letter(columns[header])} ({header})"
        return _case(
            name,
            path,
            refused(path.name, f"sheet {ws.title}", f"row {row}", f"column {column}"),
            "collect-import",
        )

    return build


BUILDERS["collection_locked_title_changed"] = _tampered(
    "collection_locked_title_changed", "任务", "一项改过标题的任务", locked=True
)
BUILDERS["collection_percent_140"] = _tampered("collection_percent_140", "完成进度(%)", 140)
BUILDERS["collection_date_yesterday"] = _tampered(
    "collection_date_yesterday", "填报日期", "yesterday"
)


@builder("collection_row_of_another_unit")
def _foreign_row(folder: Path, sources: Sources) -> Case:
    """A row copied from another unit's workbook, pasted below this unit's rows, filled in."""
    path = returned(sources, folder / "foreign_row.xlsx")
    other = openpyxl.load_workbook(sources.round[1])
    source_ws = progress_sheet(other)
    source_row = row_of_task(source_ws, task_ids(sources.round[1])[0])
    book = openpyxl.load_workbook(path)
    ws = progress_sheet(book)
    ws.protection.sheet = False
    target = max(row_of_task(ws, t) for t in task_ids(path)) + 1
    for c in range(1, source_ws.max_column + 1):
        ws.cell(target, c).value = source_ws.cell(source_row, c).value
    columns = header_columns(ws)
    ws.cell(target, columns["完成进度(%)"]).value = 95
    ws.cell(target, columns["进展情况"]).value = "代报其他单位任务"
    book.save(path)
    return _case(
        "collection_row_of_another_unit",
        path,
        refused(path.name, f"sheet {ws.title}", f"row {target}", "column A (任务ID)"),
        "collect-import",
    )


@builder("collection_good_return")
def _good_return(folder: Path, sources: Sources) -> Case:
    """A control: a return filled in as asked is applied."""
    path = returned(sources, folder / "good.xlsx")
    return _case("collection_good_return", path, accepted(), "collect-import")


# 8. A hidden sheet, edited -------------------------------------------------------------------


@builder("hidden_sheet_edited")
def _hidden(folder: Path, sources: Sources) -> Case:
    e = edit_export(sources, folder / "hidden.xlsx")
    ws = e.book["节点"]
    ws.sheet_state = "hidden"
    e.set("节点", first_id(sources, "节点"), "节点名称", "改过的节点")
    e.save()
    return _case("hidden_sheet_edited", e.out, accepted(warnings=("节点", "hidden")))


# -- the corpus --------------------------------------------------------------------------------

NAMES: tuple[str, ...] = tuple(BUILDERS)


def build(name: str, folder: Path, sources: Sources) -> Case:
    """Build case ``name`` in ``folder`` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    case = BUILDERS[name](folder, sources)
    assert case.name == name, (case.name, name)
    return case


def corpus(folder: Path, plan: Path) -> list[Case]:
    """Every case, each in its own sub-folder of ``folder``, from ``plan`` (the sample plan,
    closed). The plan gets a 2025Q4 collection round first: run the cases on copies of it."""
    sources = Sources(folder / "sources", plan).prepare()
    return [build(name, folder / name, sources) for name in NAMES]
