"""A period's evidence files (佐证材料) as one .zip, with an index sheet.

``export_evidence(store, "2025Q4", "out.zip")`` writes every file attached to a progress
report of the period into ``out.zip``, one folder per task (``G2-5_实现规模以上工业企业…/``),
beside ``index.xlsx``: one row per file — task code, task, period, unit, the file's path in
the archive, its size and when it was attached — written through the formula-safe writer
(:mod:`qdplanner.excel.cell_writer`), so a file called ``=cmd.xlsx`` stays text. The archive
appears whole or not at all; the files are read from the plan one at a time.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from qdplanner.catalogue import translated
from qdplanner.domain.periods import parse_period
from qdplanner.domain.text import local_minute
from qdplanner.errors import N_
from qdplanner.excel.cell_writer import ExportError, put_value
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.progress import EvidenceFile, evidence_content, evidence_files

INDEX_NAME = "index.xlsx"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
Progress = Callable[[int, int], None]
HEADERS = (
    ("task_code", N_("Evidence", "Task code"), 10),
    ("task", N_("Evidence", "Task title"), 40),
    ("period", N_("Evidence", "Period"), 10),
    ("unit", N_("Evidence", "Unit"), 24),
    ("file", N_("Evidence", "File"), 50),
    ("size", N_("Evidence", "Size (bytes)"), 14),
    ("added", N_("Evidence", "Attached on"), 18),
)


@dataclass
class EvidenceExport:
    """What an export wrote: the archive, and each file's path in it."""

    path: Path
    period: str
    files: list[tuple[EvidenceFile, str]] = field(default_factory=list)

    @property
    def total_size(self) -> int:
        return sum(f.size for f, _ in self.files)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "period": self.period,
            "count": len(self.files),
            "bytes": self.total_size,
            "files": [{**f.as_dict(), "path": name} for f, name in self.files],
        }


def _safe(text: str, limit: int = 60) -> str:
    return _UNSAFE.sub("_", text).strip(" .")[:limit].strip(" .") or "_"


def archive_names(files: list[EvidenceFile]) -> list[str]:
    """Each file's path in the archive: ``<task code>_<task title>/<file name>``; a name
    taken twice in one folder (or differing only in case) gets ``(2)``, ``(3)`` …"""
    taken: set[str] = {INDEX_NAME.casefold()}
    names = []
    for f in files:
        folder = _safe(f"{f.task_code}_{f.task_title}" if f.task_code else f.task_title, 50)
        name = PurePosixPath(_safe(f.filename, 120))
        candidate, n = f"{folder}/{name}", 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{folder}/{name.stem} ({n}){name.suffix}"
        taken.add(candidate.casefold())
        names.append(candidate)
    return names


def _index(files: list[EvidenceFile], names: list[str], lang: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = translated(lang, "Evidence", N_("Evidence", "Evidence files"))
    for column, (_key, header, width) in enumerate(HEADERS, start=1):
        cell = put_value(sheet.cell(1, column), translated(lang, "Evidence", header))
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = width
    for row, (f, name) in enumerate(zip(files, names, strict=True), start=2):
        record = f"{f.task_code} {f.task_title}".strip()
        values = (f.task_code, f.task_title, f.period, f.unit, name, f.size,
                  local_minute(f.added_at))  # fmt: skip
        for column, value in enumerate(values, start=1):
            put_value(sheet.cell(row, column), value, record)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_evidence(
    store: PlanStore,
    period: str,
    path: str | Path,
    *,
    lang: str = "zh",
    progress: Progress | None = None,
) -> EvidenceExport:
    """Write the evidence files of ``period`` and their index into the archive ``path``
    (module docstring). Refused (:class:`ExportError`) for a name not ending ``.zip``, a
    folder that does not exist, or when there is no file to export."""
    code = parse_period(period).code
    path = Path(path)
    if path.suffix.casefold() != ".zip":
        raise ExportError(
            N_(
                "Messages",
                "{path}: evidence is exported as a .zip archive; end the name with .zip",
            ),
            path=path,
        )
    if not path.parent.is_dir():
        raise ExportError(N_("Messages", "{path}: the folder does not exist"), path=path)
    files = evidence_files(store, period=code)
    if not files:
        raise ExportError(
            N_("Messages", "no evidence file is attached to a report of {period}; nothing was "
               "written"),
            period=code,
        )  # fmt: skip
    names = archive_names(files)
    result = EvidenceExport(path, code, list(zip(files, names, strict=True)))
    tmp = path.with_name(path.name + ".writing")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            now = datetime.now().timetuple()[:6]
            index = zipfile.ZipInfo(INDEX_NAME, date_time=now)
            index.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(index, _index(files, names, lang))
            for n, (f, name) in enumerate(result.files, start=1):
                _filename, content = evidence_content(store, f.id)
                entry = zipfile.ZipInfo(name, date_time=_stamp(f.added_at) or now)
                entry.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(entry, content)
                if progress:
                    progress(n, len(files))
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportError(
            N_("Messages", "{path}: cannot be written: {reason}"),
            path=path,
            reason=exc.strerror or exc,
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


def _stamp(added_at: str) -> tuple[int, int, int, int, int, int] | None:
    """A zip entry's time (local) from the stored UTC time; None when it cannot be read."""
    try:
        when = datetime.fromisoformat(added_at).astimezone()
    except ValueError:
        return None
    return (
        (when.year, when.month, when.day, when.hour, when.minute, when.second)
        if (when.year >= 1980)
        else None
    )


__all__ = ["EvidenceExport", "archive_names", "export_evidence"]
