"""Checks a workbook file passes before python-calamine reads it.

Calamine holds a sheet as a dense grid (rows × columns of the used area), so a file with one
cell at A1 and another at XFD1048576 would ask for billions of cells and end the process. We
therefore look at the file first, cheaply: its size, its kind (by its bytes, not its name), the
sizes inside the zip, and for .xlsx the highest row and column any cell names (a scan of the
sheet XML for rare patterns, without parsing it). The same pass finds formula cells, which
python-calamine reads only as their cached values and does not report.

Limits: .xls (BIFF) is not scanned (the format itself stops at 65,536 × 256); in .ods only
repeated rows/cells that carry a value are checked against the limits.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from qdplanner.errors import N_, QdError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 600 * 1024 * 1024  # all parts of the zip together, once inflated
# Excel's own limit: no sheet a spreadsheet program writes has more rows, so a plan's own
# export never exceeds it (the export refuses a plan that would); more is a hostile file.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 500
MAX_CELLS = 10_000_000  # rows × columns of one sheet's used area (the reader holds them all)
_TALL = 100_000  # a sheet with a row this far down gets its width measured before it is read
MAX_FORMULAS_LISTED = 10  # per sheet

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class WorkbookError(QdError):
    """A file that is not a workbook we will read: not a workbook, damaged, or too large."""


@dataclass
class FileScan:
    """What the checks learnt: the format and, per sheet, the formula cells seen (A1 refs)."""

    format: str  # "xlsx" | "xls" | "ods"
    formulas: dict[str, list[str]] = field(default_factory=dict)
    formula_counts: dict[str, int] = field(default_factory=dict)
    # Per sheet, the rows (Excel numbers, 1-based) and columns (0-based) hidden in the file
    # (.xlsx and .ods; a .xls's are not seen: python-calamine does not report them).
    hidden_rows: dict[str, set[int]] = field(default_factory=dict)
    hidden_columns: dict[str, set[int]] = field(default_factory=dict)
    # Per sheet, the cells (0-based row, column) formatted as a percentage (.xlsx): Excel
    # shows 0.8 there as 80%, and so must we read it.
    percent_cells: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    formulas_unknown: bool = False  # an .xls whose records could not be walked


# Column letters are worked out here rather than with openpyxl.utils: importing openpyxl
# (which imports numpy) costs ~0.3 s, and reading a workbook needs none of it.


def column_letter(column: int) -> str:
    """The letters of 1-based column ``column`` (1 → A, 27 → AA), as openpyxl's
    ``get_column_letter`` gives them (a test checks they agree)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """1-based column number of ``letters`` (A → 1, AA → 27)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def check_file(path: Path) -> FileScan:
    """Refuse (WorkbookError) what we will not read; return the format and formulas found."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(512)
    except FileNotFoundError:
        raise WorkbookError(N_("Messages", "{path}: no such file"), path=path) from None
    except IsADirectoryError:
        raise WorkbookError(
            N_("Messages", "{path}: is a folder, not a workbook"), path=path
        ) from None
    except OSError as exc:
        raise WorkbookError(
            N_("Messages", "{path}: cannot be read ({reason})"),
            path=path,
            reason=exc.strerror or exc,
        ) from None
    if size > MAX_FILE_BYTES:
        raise WorkbookError(
            N_("Messages", "{name}: the file is {size} MB; workbooks over {limit} MB are not read"),
            name=name,
            size=round(size / 1e6),
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    if size == 0:
        raise WorkbookError(
            N_("Messages", "{name}: the file is empty; it is not a workbook"), name=name
        )
    if head.startswith(OLE_MAGIC):
        if _is_encrypted_package(path):
            raise WorkbookError(
                N_(
                    "Messages",
                    "{name}: the workbook is password-protected (encrypted); open it in "
                    "Excel or WPS, remove the password (File → Info → Protect Workbook, or "
                    "Save As without a password) and import that copy",
                ),
                name=name,
            )
        return _check_xls(path)
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookError(_guess(head), name=name)
    try:
        with zipfile.ZipFile(path) as zf:
            return _check_zip(zf, name)
    except zipfile.BadZipFile:
        raise WorkbookError(
            N_("Messages", "{name}: the workbook is damaged (not a readable zip)"), name=name
        ) from None
    except (KeyError, ElementTree.ParseError, ValueError, RuntimeError):
        raise WorkbookError(
            N_("Messages", "{name}: the workbook is damaged (its parts cannot be read)"), name=name
        ) from None


def _check_xls(path: Path) -> FileScan:
    """The formula cells of an .xls (BIFF8): its Workbook stream is a run of records (type,
    length, data); the globals list each sheet's name and where its records begin
    (BOUNDSHEET8); in a sheet's records a FORMULA record starts with the cell's row and column.
    A stream that cannot be walked is left to python-calamine, which then says what is wrong."""
    import olefile

    scan = FileScan("xls")
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("Workbook"):  # BIFF5 (Excel 95) and older: not walked
                scan.formulas_unknown = True
                return scan
            data = ole.openstream("Workbook").read()
    except (OSError, ValueError):
        scan.formulas_unknown = True
        return scan
    sheets: dict[int, str] = {}  # offset of a sheet's BOF → its name
    sheet, offset = None, 0
    while offset + 4 <= len(data):
        kind, length = struct.unpack_from("<HH", data, offset)
        body = data[offset + 4 : offset + 4 + length]
        if kind == 0x0809:  # BOF: the globals, or a sheet found by its position
            sheet = sheets.get(offset)
        elif kind == 0x0085 and length >= 8:  # BOUNDSHEET8
            position, count, high = struct.unpack_from("<I", body)[0], body[6], body[7]
            raw = body[8 : 8 + count * (2 if high & 1 else 1)]
            sheets[position] = raw.decode("utf-16-le" if high & 1 else "latin-1", "replace")
        elif kind in (0x0006, 0x0406) and sheet is not None and length >= 4:  # FORMULA
            row, column = struct.unpack_from("<HH", body)
            refs = scan.formulas.setdefault(sheet, [])
            scan.formula_counts[sheet] = scan.formula_counts.get(sheet, 0) + 1
            ref = f"{column_letter(column + 1)}{row + 1}"
            if len(refs) < MAX_FORMULAS_LISTED and ref not in refs:
                refs.append(ref)
        offset += 4 + length
    return scan


# An encrypted .xlsx/.ods is an OLE compound file holding a stream of this name (MS-OFFCRYPTO)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _is_encrypted_package(path: Path) -> bool:
    try:
        return _ENCRYPTED_PACKAGE in path.read_bytes()
    except OSError:
        return False


def _is_text(head: bytes) -> bool:
    """Whether the first bytes read as text (UTF-8, cut anywhere, or GBK as offices save)."""
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and exc.start >= len(head) - 3:
                return True  # a character cut at the end of what was read
    return False


def _guess(head: bytes) -> str:
    """The message for a file that is not a workbook, from its first bytes."""
    if head.lstrip().startswith((b"<", b"\xef\xbb\xbf<")):
        return N_("Messages", "{name}: not a workbook; it looks like a web page or XML file")
    if head.startswith(b"%PDF"):
        return N_("Messages", "{name}: not a workbook; it is a PDF document")
    if b"\x00" in head or not _is_text(head):
        return N_("Messages", "{name}: not a workbook (.xlsx, .xls or .ods)")
    return N_("Messages", "{name}: not a workbook; it looks like a text file (save it as .xlsx)")


def _check_zip(zf: zipfile.ZipFile, name: str) -> FileScan:
    infos = zf.infolist()
    if sum(i.file_size for i in infos) > MAX_UNZIPPED_BYTES:
        raise WorkbookError(
            N_("Messages", "{name}: the workbook unpacks to more than {limit} MB; it is not read"),
            name=name,
            limit=MAX_UNZIPPED_BYTES // (1024 * 1024),
        )
    names = {i.filename for i in infos}
    if "xl/workbook.xml" in names:
        return _check_xlsx(zf, name, names)
    if "mimetype" in names and zf.read("mimetype").strip() == ODS_MIME:
        return _check_ods(zf, name)
    if "word/document.xml" in names:
        raise WorkbookError(
            N_("Messages", "{name}: this is a Word document, not a workbook"), name=name
        )
    raise WorkbookError(
        N_("Messages", "{name}: a zip archive, but not a workbook (.xlsx or .ods)"), name=name
    )


def _xlsx_sheet_parts(zf: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Sheet name → part name inside the zip (via workbook.xml and its relationships)."""
    book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        for rel in ElementTree.fromstring(zf.read(rels_name)):
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[rel.get("Id", "")] = posixpath.normpath(part)
    parts = {}
    for el in book.iter():
        if el.tag.endswith("}sheet") or el.tag == "sheet":
            part = targets.get(el.get(_NS_REL, ""))
            if part in names:
                parts[el.get("name", "")] = part
    return parts


# A cell reference with a row number of 6+ digits, or a column of 2+ letters (past Z): none in
# ordinary sheets of up to 26 columns, so the scan stays fast.
_BIG_REF = re.compile(rb' r="([A-Z]{0,3})([0-9]+)"')
_BIG_REF_FAST = re.compile(rb' r="(?:[A-Z]{2}|[A-Z]?[0-9]{6})')
# Where there are such references, those that may lie out of bounds (a column past SF = 500, a
# row of 7+ digits) are looked at one by one; the many of a tall sheet (rows 100,000–999,999
# of columns up to SF, always within bounds) only give its height, found in one pass.
_RARE_REF = re.compile(rb' r="(?:[A-Z]{3}|S[G-Z]|[T-Z][A-Z]|[A-Z]{0,2}[0-9]{7})')
_SIX_DIGIT_ROW = re.compile(rb' r="[A-Z]{0,2}([0-9]{6})"')
_WIDE_REF = re.compile(rb' r="[A-Z]{2}')  # a column past Z
# Two patterns with a literal start (fast to search): <f …> and a prefixed <x:f …>.
_FORMULAS = (re.compile(rb"<f[\s>/]"), re.compile(rb":f[\s>/]"))
_CELL_REF = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\sr="([A-Z]+[0-9]+)"')
_CHUNK = 4 * 1024 * 1024


def _percent_styles(zf: zipfile.ZipFile, names: set[str]) -> re.Pattern[bytes] | None:
    """A pattern of the ``s="…"`` attributes of the cell styles that show a percentage
    (built-in formats 9 and 10, or a format of the workbook's own with a ``%`` outside quotes),
    or None when the workbook has none."""
    if "xl/styles.xml" not in names:
        return None
    styles = ElementTree.fromstring(zf.read("xl/styles.xml"))
    codes: dict[str, str] = {}
    percent: list[int] = []
    for el in styles.iter():
        if el.tag.endswith("}numFmt") or el.tag == "numFmt":
            codes[el.get("numFmtId", "")] = el.get("formatCode", "")
    for el in styles.iter():
        if el.tag.endswith("}cellXfs") or el.tag == "cellXfs":
            for index, xf in enumerate(el):
                number_format = xf.get("numFmtId", "0")
                code = re.sub(r'"[^"]*"|\\.', "", codes.get(number_format, ""))
                if number_format in ("9", "10") or "%" in code:
                    percent.append(index)
            break
    if not percent:
        return None
    return re.compile(rb'\ss="(?:' + b"|".join(str(i).encode() for i in percent) + rb')"')


def _cell_position(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters) :]) - 1, column_index(letters) - 1


def _check_xlsx(zf: zipfile.ZipFile, name: str, names: set[str]) -> FileScan:
    scan = FileScan("xlsx")
    percent_style = _percent_styles(zf, names)
    for sheet, part in _xlsx_sheet_parts(zf, names).items():
        count, refs, tail, lowest, wide = 0, [], b"", 0, False
        with zf.open(part) as fh:
            while chunk := fh.read(_CHUNK):
                data = tail + chunk
                if _BIG_REF_FAST.search(data):  # (none in most sheets: one pass)
                    for match in _RARE_REF.finditer(data):
                        full = _BIG_REF.match(data, match.start())
                        if full:
                            _check_ref(name, sheet, full[1].decode(), int(full[2]))
                            lowest = max(lowest, int(full[2]))
                    if rows := _SIX_DIGIT_ROW.findall(data):  # six digits: max is the highest
                        lowest = max(lowest, int(max(rows)))
                    wide = wide or _WIDE_REF.search(data) is not None
                start = len(tail) and max(0, len(tail) - 8)
                for pattern in _FORMULAS:
                    for match in pattern.finditer(data, start):
                        if pattern is _FORMULAS[1] and not _is_prefixed_tag(data, match.start()):
                            continue  # ":f " in a text, not a tag
                        cell = _last_cell_ref(data, match.start())
                        if cell is None:  # not inside a cell: <formula1> of a validation …
                            continue
                        count += 1
                        if len(refs) < MAX_FORMULAS_LISTED and cell not in refs:
                            refs.append(cell)
                _hidden_xlsx(data, scan, sheet)
                if percent_style is not None:
                    for match in percent_style.finditer(data, start):
                        lt = data.rfind(b"<", 0, match.start())
                        cell = _CELL_REF.match(data, lt) if lt >= 0 else None
                        if cell is not None and data.find(b">", lt, match.start()) < 0:
                            where = _cell_position(cell[1].decode())
                            scan.percent_cells.setdefault(sheet, set()).add(where)
                tail = data[-512:]
        if count:
            scan.formulas[sheet] = refs
            scan.formula_counts[sheet] = count
        # (a sheet of columns A–Z only is within MAX_CELLS up to 384,615 rows: not measured)
        if lowest >= _TALL and (wide or lowest * 26 > MAX_CELLS):
            _check_area(zf, part, name, sheet, lowest)
    return scan


_ANY_REF = re.compile(rb' r="([A-Z]{1,3})[0-9]')


def _check_area(zf: zipfile.ZipFile, part: str, name: str, sheet: str, height: int) -> None:
    """Refuse a tall sheet whose used area (height × its widest column) is over
    :data:`MAX_CELLS`, before the reader allocates it: one more pass, for tall sheets only."""
    widest, tail = 0, b""
    with zf.open(part) as fh:
        while chunk := fh.read(_CHUNK):
            data = tail + chunk
            for letters in set(_ANY_REF.findall(data)):
                widest = max(widest, column_index(letters.decode()))
            tail = data[-16:]
    if height * widest > MAX_CELLS:
        raise WorkbookError(
            N_(
                "Messages",
                "{name}, sheet {sheet}: {rows} rows × {columns} columns is more than this "
                "program reads ({max_rows} rows, {max_columns} columns, {max_cells} cells "
                "in all)",
            ),
            name=name,
            sheet=sheet,
            rows=f"{height:,}",
            columns=f"{widest:,}",
            max_rows=f"{MAX_ROWS:,}",
            max_columns=MAX_COLUMNS,
            max_cells=f"{MAX_CELLS:,}",
        )


_HIDDEN_ATTRIBUTE = re.compile(rb'hidden="(?:1|true)"')  # a literal start: a fast search
_HIDDEN_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(col|row)\s[^<>]*>")
_ATTRIBUTE = re.compile(rb'\s(min|max|r)="([0-9]+)"')


def _hidden_xlsx(data: bytes, scan: FileScan, sheet: str) -> None:
    """Note the ``<col … hidden="1">`` and ``<row … hidden="1">`` of a chunk of sheet XML
    (found by the rare attribute first, so the scan stays fast)."""
    for match in _HIDDEN_ATTRIBUTE.finditer(data):
        if not data[match.start() - 1 : match.start()].isspace():
            continue  # part of another attribute's name
        start = data.rfind(b"<", 0, match.start())
        tag = _HIDDEN_TAG.match(data, start) if start >= 0 else None
        if tag is None or tag.end() < match.end():
            continue  # the attribute of another element, or a tag cut by the chunk's end
        numbers = {k: int(v) for k, v in _ATTRIBUTE.findall(tag[0])}
        if tag[1] == b"row" and b"r" in numbers:
            scan.hidden_rows.setdefault(sheet, set()).add(numbers[b"r"])
        elif tag[1] == b"col" and b"min" in numbers:
            last = min(numbers.get(b"max", numbers[b"min"]), MAX_COLUMNS)
            columns = range(numbers[b"min"] - 1, last)
            scan.hidden_columns.setdefault(sheet, set()).update(columns)


def _is_prefixed_tag(data: bytes, colon: int) -> bool:
    lt = data.rfind(b"<", max(0, colon - 64), colon)
    return lt >= 0 and _PREFIX.fullmatch(data, lt, colon) is not None


_PREFIX = re.compile(rb"<[A-Za-z_][\w.-]*")


def _last_cell_ref(data: bytes, end: int) -> str | None:
    start = data.rfind(b"<", 0, end)
    while start > 0 and not _CELL_REF.match(data, start):
        start = data.rfind(b"<", 0, start)
        if end - start > 4096:
            return None
    match = _CELL_REF.match(data, max(start, 0))
    return match[1].decode() if match else None


def _check_ref(name: str, sheet: str, letters: str, row: int) -> None:
    if row > MAX_ROWS:
        raise WorkbookError(
            N_(
                "Messages",
                "{name}, sheet {sheet}: it uses row {row}; sheets of more than {limit} rows "
                "are not read",
            ),
            name=name,
            sheet=sheet,
            row=f"{row:,}",
            limit=f"{MAX_ROWS:,}",
        )
    if letters and column_index(letters) > MAX_COLUMNS:
        raise WorkbookError(
            N_(
                "Messages",
                "{name}, sheet {sheet}: it uses column {column}; sheets of more than {limit} "
                "columns are not read",
            ),
            name=name,
            sheet=sheet,
            column=letters,
            limit=MAX_COLUMNS,
        )


_ODS_REPEAT = re.compile(rb'number-(rows|columns)-repeated="([0-9]+)"')
_ODS_FORMULA = re.compile(rb'table:formula="')


def _check_ods(zf: zipfile.ZipFile, name: str) -> FileScan:
    scan = FileScan("ods")
    data = zf.read("content.xml")
    for match in _ODS_REPEAT.finditer(data):
        repeat = int(match[2])
        rows = match[1] == b"rows"
        if repeat <= (MAX_ROWS if rows else MAX_COLUMNS):
            continue
        # Calc pads sheets with huge repeats of empty rows and cells: only values count.
        end = data.find(b"</table:table-row>" if rows else b">", match.end())
        element = data[match.end() : end if end >= 0 else len(data)]
        if b"office:value" in element or b"<text:p" in element or b"table:formula" in element:
            raise WorkbookError(
                N_("Messages", "{name}: a sheet repeats a value over {count} rows; it is not read")
                if rows
                else N_(
                    "Messages",
                    "{name}: a sheet repeats a value over {count} columns; it is not read",
                ),
                name=name,
                count=f"{repeat:,}",
            )
    count = len(_ODS_FORMULA.findall(data))
    if count:
        scan.formula_counts["*"] = count  # ods: not located by sheet
    if b"table:visibility=" in data:
        _hidden_ods(data, scan)
    return scan


_ODS_TABLE = re.compile(rb'<table:table\s[^>]*?table:name="([^"]*)"')
_ODS_LINE = re.compile(rb"<table:table-(column|row)(?=[\s/>])[^>]*>")
_ODS_REPEATED = re.compile(rb'number-(?:columns|rows)-repeated="([0-9]+)"')
_ODS_COLLAPSED = re.compile(rb'table:visibility="(?:collapse|filter)"')


def _hidden_ods(data: bytes, scan: FileScan) -> None:
    """Note the columns and rows an .ods hides (``table:visibility`` collapse or filter)."""
    from html import unescape

    tables = list(_ODS_TABLE.finditer(data))
    for i, table in enumerate(tables):
        end = tables[i + 1].start() if i + 1 < len(tables) else len(data)
        name = unescape(table[1].decode("utf-8", "replace"))
        next_index = {b"column": 0, b"row": 1}
        for line in _ODS_LINE.finditer(data, table.end(), end):
            kind, text = line[1], line[0]
            repeat = _ODS_REPEATED.search(text)
            count = int(repeat[1]) if repeat else 1
            first = next_index[kind]
            next_index[kind] = first + count
            if _ODS_COLLAPSED.search(text):
                limit = MAX_COLUMNS if kind == b"column" else MAX_ROWS
                hidden = range(first, min(first + count, limit + 1))
                if kind == b"column":
                    scan.hidden_columns.setdefault(name, set()).update(hidden)
                else:
                    scan.hidden_rows.setdefault(name, set()).update(hidden)
