"""What a workbook is, before anything in it is read as changes to the plan.

Three kinds of workbook come back to the office, and each has its own command:

* a **plan workbook** (``export``, edited, then ``import``): its sheets are named after the
  kinds of record, and a hidden sheet ``_plan`` carries the identity of the plan it was
  exported from (the plan's UUID, its title, when and from which file). Rows are matched to
  records by ID, so a plan workbook of *another* plan would change unrelated records: it is
  refused unless the user asks for it;
* a **returned progress workbook** (``collect``, filled in by a unit, then ``collect-import``):
  its hidden, signed sheet ``_collection`` names the unit and the period;
* a **task-breakdown sheet** (任务分解表) of the office's own making (``import``): anything else
  with a task column.

:func:`identify` tells them apart from the workbook's sheet names, hidden sheets and header
rows; :func:`check_for_import` refuses the wrong command with a sentence that names the right
one. A plan workbook whose sheets were renamed is recognised by its header rows and refused
(it would otherwise be read as a breakdown sheet and duplicate every task).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from qdplanner.errors import N_, QdError
from qdplanner.excel import collection_layout
from qdplanner.excel.cells import SheetCells, WorkbookCells
from qdplanner.excel.sheet_specs import SHEETS, SheetSpec, column_for_header, spec_for_sheet

IDENTITY_SHEET = "_plan"  # hidden: which plan a plan workbook was exported from
FORMAT = "qdplanner-plan-workbook/1"
HEADER_ROWS = 5  # rows searched for a renamed sheet's headers
_RENAMED_SHARE = 0.6  # of a sheet kind's headers that make a renamed sheet of that kind


class WorkbookKind(StrEnum):
    PLAN = "plan"  # a plan workbook (this plan's, or one without identity)
    OTHER_PLAN = "other_plan"  # a plan workbook exported from another plan
    RENAMED_PLAN = "renamed_plan"  # a plan workbook whose sheets were renamed
    COLLECTION = "collection"  # a returned progress workbook
    OTHER = "other"  # anything else: read as a task-breakdown sheet


class WrongWorkbookError(QdError):
    """The workbook is of a kind another command reads; the message names that command."""


class OtherPlanWorkbookError(WrongWorkbookError):
    """A plan workbook of another plan: refused unless the user asks for it."""


@dataclass(frozen=True)
class WorkbookIdentity:
    kind: WorkbookKind
    plan_uuid: str | None = None
    plan_title: str = ""
    exported_at: str = ""
    plan_file: str = ""
    batch: int | None = None  # the plan's newest change batch at the export (None: older book)
    unit: str = ""
    period: str = ""
    renamed: tuple[tuple[str, str], ...] = ()  # (sheet as named, the sheet it should be)


def identity_rows(
    plan_uuid: str | None, plan_title: str, file_name: str, batch: int | None = None
) -> list[list[Any]]:
    """The rows of the hidden ``_plan`` sheet an export writes. ``batch``: the plan's newest
    change batch when its rows were read — what a later import compares against (changes
    after it were made in the plan since the export, not in the workbook)."""
    rows: list[list[Any]] = [
        ["format", FORMAT],
        ["plan_uuid", plan_uuid or ""],
        ["plan_title", plan_title],
        ["plan_file", file_name],
        ["exported_at", datetime.now().astimezone().isoformat(timespec="seconds")],
    ]
    if batch is not None:
        rows.append(["batch", batch])
    return rows


def write_identity(
    book: Any, plan_uuid: str | None, plan_title: str, file_name: str, batch: int | None = None
) -> None:
    """Add the hidden ``_plan`` sheet to ``book`` (an openpyxl workbook, write-only or not)."""
    from openpyxl.cell import WriteOnlyCell

    from qdplanner.excel.cell_writer import put_value

    ws = book.create_sheet(IDENTITY_SHEET)
    ws.sheet_state = "hidden"
    for key, value in identity_rows(plan_uuid, plan_title, file_name, batch):
        ws.append([key, put_value(WriteOnlyCell(ws), value, IDENTITY_SHEET)])


def _fields(sheet: SheetCells) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for row in sheet.rows:
        if len(row) >= 2 and isinstance(row[0], str):
            fields.setdefault(row[0], row[1])
    return fields


def identify(book: WorkbookCells) -> WorkbookIdentity:
    """The kind of ``book`` and what it says of itself (reads only small hidden sheets and,
    for unknown sheet names, their first rows)."""
    names = book.sheet_names
    if collection_layout.META_SHEET in names:
        return _collection(book)
    if any(spec_for_sheet(n) is not None for n in names):
        return _plan(book)
    if any(_is_progress_sheet(book.sheet(n)) for n in names if n in _PROGRESS_SHEETS):
        return WorkbookIdentity(WorkbookKind.COLLECTION)  # its hidden sheet was lost
    renamed: list[tuple[str, str]] = []
    taken: set[str] = set()
    for name in names:
        if name == IDENTITY_SHEET:
            continue
        # kinds with the same headers (计划 and 工程) are told apart by the sheets' order
        candidates = _renamed_specs(book.sheet(name))
        spec = next((c for c in candidates if c.key not in taken), None) or (
            candidates[0] if candidates else None
        )
        if spec is not None:
            taken.add(spec.key)
            renamed.append((name, spec.zh))
    if renamed or IDENTITY_SHEET in names:
        return WorkbookIdentity(WorkbookKind.RENAMED_PLAN, renamed=tuple(renamed))
    return WorkbookIdentity(WorkbookKind.OTHER)


def _collection(book: WorkbookCells) -> WorkbookIdentity:
    fields: dict[str, list[str]] = {}
    for row in book.sheet(collection_layout.META_SHEET).rows:
        if len(row) >= 2 and isinstance(row[0], str):
            fields.setdefault(row[0], []).append(row[1] if isinstance(row[1], str) else "")
    decoded = collection_layout.decode_payload(fields.get("payload", []))
    payload = decoded[0] if decoded else {}
    return WorkbookIdentity(
        WorkbookKind.COLLECTION,
        plan_uuid=payload.get("plan_uuid"),
        unit=str(payload.get("unit_name") or ""),
        period=str(payload.get("period") or ""),
    )


def _plan(book: WorkbookCells) -> WorkbookIdentity:
    if IDENTITY_SHEET not in book.sheet_names:
        return WorkbookIdentity(WorkbookKind.PLAN)  # exported before plans had an identity
    fields = _fields(book.sheet(IDENTITY_SHEET))
    return WorkbookIdentity(
        WorkbookKind.PLAN,
        plan_uuid=str(fields.get("plan_uuid") or "") or None,
        plan_title=str(fields.get("plan_title") or ""),
        exported_at=str(fields.get("exported_at") or ""),
        plan_file=str(fields.get("plan_file") or ""),
        batch=_batch(fields.get("batch")),
    )


def _batch(value: Any) -> int | None:
    """The export's batch as the sheet holds it (a number; text if someone retyped it)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


_PROGRESS_SHEETS = set(collection_layout.SHEETS["progress"])


def _is_progress_sheet(sheet: SheetCells) -> bool:
    """A collection workbook's progress sheet, by its header row."""
    row = sheet.rows[collection_layout.HEADER_ROW - 1] if len(sheet.rows) >= 3 else []
    texts = {v for v in row if isinstance(v, str)}
    known = sum(1 for c in collection_layout.COLUMNS if c.zh in texts or c.en in texts)
    return known >= _RENAMED_SHARE * len(collection_layout.COLUMNS)


def _renamed_specs(sheet: SheetCells) -> list[SheetSpec]:
    """The kinds of plan sheet whose header row ``sheet`` has (at least 60 % of its headers,
    the ID column among them), best first; those that match equally well in sheet order."""
    scored: dict[str, tuple[float, int, SheetSpec]] = {}
    for row in sheet.rows[:HEADER_ROWS]:
        texts = [v for v in row if isinstance(v, str)]
        if len(texts) < 3:
            continue
        for order, spec in enumerate(SHEETS):
            found = {c.key for t in texts if (c := column_for_header(spec, t)) is not None}
            if spec.columns[0].key not in found or len(found) < _RENAMED_SHARE * len(spec.columns):
                continue
            # the share of the kind's headers found, less the row's headers it lacks:
            # 目标's five headers are all on 计划 too, but 计划 has one more
            score = len(found) / len(spec.columns) - (len(texts) - len(found)) / len(texts)
            if spec.key not in scored or score > scored[spec.key][0]:
                scored[spec.key] = (score, order, spec)
    if not scored:
        return []
    best = max(score for score, _, _ in scored.values())
    return [spec for score, _, spec in sorted(scored.values(), key=lambda t: t[1]) if score == best]


def check_for_import(
    identity: WorkbookIdentity, file_name: str, plan_uuid: str | None, *, other_plan: bool
) -> WorkbookIdentity:
    """Refuse a workbook ``import`` must not read; return the identity of one it may.

    A plan workbook of another plan is an :class:`OtherPlanWorkbookError` unless
    ``other_plan`` (the user asked for it)."""
    if identity.kind == WorkbookKind.COLLECTION and not identity.unit:
        raise WrongWorkbookError(
            N_(
                "Messages",
                "{name}: this is a returned progress workbook (its hidden sheet is missing), "
                "not a plan workbook; progress workbooks are imported with collect-import (in "
                "the window: File → Import Returned Workbooks…), which needs the workbook as "
                "it was issued",
            ),
            name=file_name,
        )
    if identity.kind == WorkbookKind.COLLECTION:
        raise WrongWorkbookError(
            N_(
                "Messages",
                "{name}: this is {unit}'s returned {period} progress workbook, not a plan "
                "workbook; import it with collect-import (in the window: File → Import "
                "Returned Workbooks…)",
            ),
            name=file_name,
            unit=identity.unit or "?",
            period=identity.period or "?",
        )
    if identity.kind == WorkbookKind.RENAMED_PLAN:
        sheets = "、".join(f"{name} → {should}" for name, should in identity.renamed)
        raise WrongWorkbookError(
            N_(
                "Messages",
                "{name}: a plan workbook whose sheets were renamed ({sheets}); give them back "
                "their names (任务, 计划, 工程 … or Tasks, Programs …) and import it again",
            ),
            name=file_name,
            sheets=sheets or "?",
        )
    if (
        identity.kind == WorkbookKind.PLAN
        and identity.plan_uuid
        and plan_uuid
        and identity.plan_uuid != plan_uuid
    ):
        if not other_plan:
            raise OtherPlanWorkbookError(
                N_(
                    "Messages",
                    "{name}: this workbook was exported from another plan ({title}, {date}); "
                    "its rows are matched by ID and would change unrelated records of this "
                    "plan. Nothing was read. If you really mean to, import it with "
                    "--other-plan (in the window: answer Import Anyway)",
                ),
                name=file_name,
                title=identity.plan_title or identity.plan_file or "?",
                date=identity.exported_at[:10] or "?",
            )
        return WorkbookIdentity(WorkbookKind.OTHER_PLAN, identity.plan_uuid, identity.plan_title)
    return identity
