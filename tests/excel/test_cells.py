"""The reader's edge: normalised values, and files refused before they are read."""

from __future__ import annotations

import datetime
import os
import zipfile

import openpyxl
import pytest

from qdplanner.errors import QdError
from qdplanner.excel.cells import WorkbookError, normalise, open_workbook
from qdplanner.excel.workbook_import import preview_import


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (3.0, 3),
        (3.5, 3.5),
        ("  text \n", "text"),
        ("", None),
        ("   ", None),
        (datetime.datetime(2024, 6, 30), datetime.date(2024, 6, 30)),
        (datetime.datetime(2024, 6, 30, 9, 15), datetime.datetime(2024, 6, 30, 9, 15)),
        (True, True),
        (0, 0),
    ],
)
def test_values_are_normalised_at_the_edge(raw, expected):
    value = normalise(raw)
    assert value == expected
    assert type(value) is type(expected)


def test_rows_and_columns_are_addressed_as_in_excel(tmp_path):
    path = tmp_path / "t.xlsx"
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "S"
    ws["C3"] = 7.0
    ws["D5"] = datetime.datetime(2024, 1, 2)
    book.save(path)
    with open_workbook(path) as wb:
        sheet = wb.sheet("S")
    assert sheet.value(2, 2) == 7 and type(sheet.value(2, 2)) is int
    assert sheet.value(4, 3) == datetime.date(2024, 1, 2)
    assert sheet.value(0, 0) is None and sheet.value(99, 99) is None


def _refused(path, *fragments):
    with pytest.raises(WorkbookError) as info, open_workbook(path):
        pass
    message = str(info.value)
    assert path.name in message
    for fragment in fragments:
        assert fragment in message
    assert isinstance(info.value, QdError)
    return message


def test_random_bytes_named_xlsx_are_refused(tmp_path):
    path = tmp_path / "random.xlsx"
    path.write_bytes(os.urandom(4096))
    _refused(path, "not a workbook")


def test_a_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("ID,title\n1,x\n", encoding="utf-8")
    _refused(path, "text file")


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    _refused(path, "empty")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _refused(path, "not a workbook")


def test_a_truncated_workbook_is_refused_as_damaged(tmp_path):
    good = tmp_path / "good.xlsx"
    openpyxl.Workbook().save(good)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[:-200])
    _refused(path, "damaged")


def test_a_damaged_sheet_is_refused(tmp_path):
    path = tmp_path / "broken.xlsx"
    good = tmp_path / "good.xlsx"
    openpyxl.Workbook().save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(WorkbookError, match=r"broken\.xlsx"), open_workbook(path) as wb:
        wb.sheet(wb.sheet_names[0])


def test_a_cell_far_away_is_refused_before_it_is_read(tmp_path):
    """One cell at XFD1048576 would make the reader allocate the whole grid."""
    path = tmp_path / "far.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.active["XFD1048576"] = "y"
    book.save(path)
    _refused(path, "column XFD")
    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.active["B1048576"] = "y"  # a long way down, in a narrow sheet: 2 million cells
    book.active["Z1048576"] = "z"  # 26 columns: 27 million cells, over the cells limit
    far = tmp_path / "far-down.xlsx"
    book.save(far)
    _refused(far, "10,000,000 cells")


def test_too_many_columns_are_refused(tmp_path):
    path = tmp_path / "wide.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "宽表"
    book.active["ZZ1"] = "x"
    book.save(path)
    _refused(path, "宽表", "column ZZ")


def test_an_oversized_file_is_refused(tmp_path, monkeypatch):
    from qdplanner.excel import file_checks

    monkeypatch.setattr(file_checks, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.xlsx"
    openpyxl.Workbook().save(path)
    _refused(path, "MB")


def test_a_zip_bomb_is_refused(tmp_path, monkeypatch):
    from qdplanner.excel import file_checks

    monkeypatch.setattr(file_checks, "MAX_UNZIPPED_BYTES", 10_000)
    path = tmp_path / "bomb.xlsx"
    good = tmp_path / "good.xlsx"
    openpyxl.Workbook().save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("xl/padding.bin", b"\0" * 50_000)
    _refused(path, "unpacks")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(WorkbookError, match="no such file"), open_workbook(tmp_path / "gone.xlsx"):
        pass


def test_import_of_a_hostile_file_names_it_and_changes_nothing(small_plan, tmp_path):
    store, _ = small_plan
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    with pytest.raises(WorkbookError, match=r"hostile\.xlsx"):
        preview_import(store, path)


def test_xls_and_misnamed_files_are_read_by_their_content(tmp_path):
    path = tmp_path / "really-xlsx.xls"
    book = openpyxl.Workbook()
    book.active.title = "S"
    book.active["A1"] = "ok"
    book.save(path)
    with open_workbook(path) as wb:
        assert wb.format == "xlsx"
        assert wb.sheet("S").value(0, 0) == "ok"


def test_column_letters_are_openpyxl_s_without_importing_it_to_read():
    import subprocess
    import sys

    from openpyxl.utils import column_index_from_string, get_column_letter

    from qdplanner.excel.file_checks import column_index, column_letter

    for n in (*range(1, 800), 16384):
        assert column_letter(n) == get_column_letter(n)
        assert column_index(column_letter(n)) == column_index_from_string(get_column_letter(n))
    code = (
        "import sys, qdplanner.excel.workbook_import, qdplanner.excel.collection_import;"
        "print('openpyxl' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # reading a workbook needs neither openpyxl nor numpy
