"""Fixtures and helpers for the workbook tests: plans, exports, and editing a workbook by header."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from qdplanner.excel.workbook_export import export_plan
from qdplanner.store import PlanStore

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def exported(store: PlanStore, folder: Path, name: str = "plan.xlsx", lang: str = "zh_CN") -> Path:
    out = folder / name
    export_plan(store, out, lang=lang)
    return out


class SheetEditor:
    """Edit a sheet of a workbook by header text and record ID, as a person would in Excel."""

    def __init__(self, ws: Any):
        self.ws = ws
        self.columns = {c.value: c.column for c in ws[1] if c.value is not None}

    def row_of(self, record_id: int) -> int:
        for row in range(2, self.ws.max_row + 1):
            if self.ws.cell(row, 1).value == record_id:
                return row
        raise KeyError(record_id)

    def get(self, record_id: int, header: str) -> Any:
        return self.ws.cell(self.row_of(record_id), self.columns[header]).value

    def set(self, record_id: int, header: str, value: Any) -> int:
        row = self.row_of(record_id)
        self.ws.cell(row, self.columns[header]).value = value
        return row

    def append(self, values: dict[str, Any]) -> int:
        row = self.ws.max_row + 1
        for header, value in values.items():
            self.ws.cell(row, self.columns[header]).value = value
        return row

    def delete(self, record_id: int) -> None:
        self.ws.delete_rows(self.row_of(record_id))


def edit(path: Path, out: Path | None = None):
    """Open ``path`` for editing; returns (workbook, save) where save() writes ``out``."""
    book = openpyxl.load_workbook(path)

    def save() -> Path:
        book.save(out or path)
        return out or path

    return book, save


def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    """Re-save ``source`` with LibreOffice as ``fmt`` (xlsx, ods) in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = outdir / f"{source.stem}.{fmt}"
    assert result.exists(), f"LibreOffice did not write {result}"
    return result
