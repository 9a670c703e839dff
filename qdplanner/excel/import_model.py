"""What an import found: the records to add, change and remove, the errors, and how to show them.

An :class:`ImportPreview` is made by ``preview_import`` without writing anything, shown to
the user (``text()`` for the command line, the lists for a dialog, ``as_json()`` for scripts),
and handed to ``apply_import``. A preview with errors cannot be applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from qdplanner.errors import N_, RECORD_WORDS, Word, record_word  # noqa: F401 (re-exported)
from qdplanner.excel.sheet_specs import SHEETS_BY_KEY

KIND_NAMES = {key: spec.en.lower() for key, spec in SHEETS_BY_KEY.items()}


@dataclass(frozen=True)
class NewRef:
    """Stands for the id of a record the import will add: a sheet row, or a unit to create."""

    kind: str
    key: Hashable  # the Excel row of the new record, or the name of the unit to create

    def __str__(self) -> str:
        return f"new {self.kind} ({self.key})"


@dataclass(frozen=True)
class CellError:
    """A value refused: where (file, sheet, Excel row, column letter and header) and why.

    ``template`` is an English message marked with ``N_`` and filled from ``params``;
    ``message`` is the English text, ``text(translate)`` the text in another language.
    """

    file: str
    sheet: str
    row: int | None
    column: str | None
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.text()

    def text(self, translate: Callable[[str], str] | None = None) -> str:
        """The message; ``translate(english) -> str`` gives it (and its Word fields) translated."""
        if translate is None:
            return self.template.format(**self.params) if self.params else self.template
        params = {k: translate(v) if isinstance(v, Word) else v for k, v in self.params.items()}
        return translate(self.template).format(**params) if params else translate(self.template)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def __str__(self) -> str:
        if not self.sheet and self.message.startswith(self.file):
            return self.message  # a whole-file refusal names the file itself
        where = [self.file] + ([f"sheet {self.sheet}"] if self.sheet else [])
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class FieldChange:
    key: str  # the column key (a table column, or lead_unit / support_units / aliases)
    header: str  # as the workbook wrote it
    old: Any
    new: Any
    old_text: str = ""
    new_text: str = ""


@dataclass
class RecordChange:
    kind: str  # sheet key
    record_id: Any  # int, or (task id, unit id) for task_units
    row: int | None  # Excel row
    label: str
    fields: list[FieldChange] = field(default_factory=list)

    def field(self, key: str) -> FieldChange | None:
        return next((f for f in self.fields if f.key == key), None)


@dataclass
class RecordAdd:
    kind: str
    row: int | None
    label: str
    values: dict[str, Any]  # table columns → values (ids may be NewRef)
    ref: NewRef | None = None


@dataclass
class RecordRemove:
    kind: str  # a sheet key, or another table for records that go with them
    record_id: Any
    label: str
    cascade_of: str = ""  # "" when the row was deleted from the sheet; else what takes it along


@dataclass
class KeptChange:
    """A difference of the workbook that is not an edit: the plan changed the field (or
    removed the record) since the export, and the workbook still holds the value it had then.
    The plan's value is kept; the preview lists it with who changed it and when."""

    kind: str
    record_id: Any
    row: int | None  # Excel row
    label: str
    header: str  # the column ("" for a record removed from the plan)
    book_text: str  # the workbook's value: the plan's at the export
    plan_text: str  # the plan's value now
    who: str
    when: str  # local time, for people
    at: str = ""  # UTC ISO time, as the change log keeps it
    removed: bool = False  # the record was removed from the plan since the export
    removed_with: str = ""  # … along with this record (``task #4``)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": _jsonable(self.record_id),
            "row": self.row,
            "label": self.label,
            "field": self.header or None,
            "workbook": self.book_text,
            "plan": None if self.removed else self.plan_text,
            "removed": self.removed,
            "with": self.removed_with or None,
            "by": self.who,
            "at": self.at or self.when,
        }


@dataclass
class ImportPreview:
    """The outcome of reading a workbook against the plan. Nothing has been written."""

    path: Path
    lang: str = "zh_CN"
    sheets: list[str] = field(default_factory=list)  # kinds of record present
    added: list[RecordAdd] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)
    removed: list[RecordRemove] = field(default_factory=list)
    set_null: list[tuple[str, Any, str]] = field(default_factory=list)  # table, pk, column
    units_to_create: list[str] = field(default_factory=list)  # keys of the NewRefs
    # unit to create (its NewRef key) → (name it gets, other written forms: its aliases)
    new_units: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    # a written form found by its standard form: (unit id, the form, the unit's name)
    aliases_to_add: list[tuple[Any, str, str]] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    warnings: list[str | CellError] = field(default_factory=list)  # CellError: at a cell
    plan_version: int = 0  # the last change batch when previewed
    # differences that are the plan's changes since the export, not edits (three-way)
    kept: list[KeptChange] = field(default_factory=list)
    export_batch: int | None = None  # the plan's batch the workbook was exported at
    applied: bool = False

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def is_empty(self) -> bool:
        return not (
            self.added
            or self.changed
            or self.removed
            or self.units_to_create
            or self.aliases_to_add
        )

    def new_unit_name(self, key: str) -> str:
        """The name a unit to create gets (its fullest written form)."""
        return self.new_units.get(key, (key, []))[0]

    def new_unit_aliases(self, key: str) -> list[str]:
        return self.new_units.get(key, (key, []))[1]

    def counts(self) -> dict[str, dict[str, int]]:
        """added / changed / removed: the number of records per kind (sheet key or table)."""
        return {
            "added": dict(Counter(a.kind for a in self.added)),
            "changed": dict(Counter(c.kind for c in self.changed)),
            "removed": dict(Counter(r.kind for r in self.removed)),
        }

    def as_json(self) -> dict[str, Any]:
        """One object for scripts (``import --json``)."""
        counts = self.counts()
        return {
            "file": self.file_name,
            "applied": self.applied,
            **counts,
            "units_created": [self.new_unit_name(k) for k in self.units_to_create],
            "unit_aliases": {
                self.new_unit_name(k): self.new_unit_aliases(k)
                for k in self.units_to_create
                if self.new_unit_aliases(k)
            },
            "aliases_added": [
                {"unit_id": unit_id, "unit": name, "alias": alias}
                for unit_id, alias, name in self.aliases_to_add
            ],
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [str(w) for w in self.warnings],
            "export_batch": self.export_batch,
            "kept": [k.as_dict() for k in self.kept],
            "changes": [
                {
                    "kind": c.kind,
                    "id": _jsonable(c.record_id),
                    "row": c.row,
                    "label": c.label,
                    "fields": [
                        {"field": f.key, "header": f.header, "old": f.old_text, "new": f.new_text}
                        for f in c.fields
                    ],
                }
                for c in self.changed
            ],
            "additions": [{"kind": a.kind, "row": a.row, "label": a.label} for a in self.added],
            "removals": [
                {
                    "kind": r.kind,
                    "id": _jsonable(r.record_id),
                    "label": r.label,
                    "with": r.cascade_of or None,
                }
                for r in self.removed
            ],
        }

    def text(self, *, limit: int = 200) -> str:
        """The preview for people: errors first, then each change, field by field."""
        lines: list[str] = []
        for error in self.errors:
            lines.append(f"error: {error}")
        for warning in self.warnings:
            lines.append(f"warning: {warning}")
        if self.errors:
            lines.append(f"{len(self.errors)} error(s): nothing can be applied.")
            return "\n".join(lines)
        if self.is_empty:
            lines.append(f"{self.file_name}: no changes.")
            return "\n".join(lines)
        shown = 0
        for key in self.units_to_create:
            also = self.new_unit_aliases(key)
            lines.append(
                f"unit to create: {self.new_unit_name(key)}"
                + (f" (also written {'、'.join(also)}: its aliases)" if also else "")
            )
        for _unit_id, alias, name in self.aliases_to_add:
            lines.append(f"alias to add: {alias} → {name}")
        for add in self.added:
            if shown < limit:
                lines.append(
                    f"add {KIND_NAMES.get(add.kind, add.kind)} (row {add.row}): {add.label}"
                )
            shown += 1
        for change in self.changed:
            if shown < limit:
                where = f"#{_jsonable(change.record_id)}" + (
                    f", row {change.row}" if change.row else ""
                )
                lines.append(
                    f"change {KIND_NAMES.get(change.kind, change.kind)} {where}: {change.label}"
                )
                lines.extend(
                    f"    {f.header}: {f.old_text or '(empty)'} → {f.new_text or '(empty)'}"
                    for f in change.fields
                )
            shown += 1
        for removal in self.removed:
            if shown < limit:
                also = f" (with {removal.cascade_of})" if removal.cascade_of else ""
                kind = KIND_NAMES.get(removal.kind, removal.kind)
                lines.append(
                    f"remove {kind} #{_jsonable(removal.record_id)}: {removal.label}{also}"
                )
            shown += 1
        if shown > limit:
            lines.append(f"… and {shown - limit} more")
        counts = self.counts()
        summary = "; ".join(
            f"{what} " + ", ".join(f"{n} {KIND_NAMES.get(k, k)}" for k, n in sorted(per.items()))
            for what, per in counts.items()
            if per
        )
        lines.append(f"{self.file_name}: {summary}.")
        return "\n".join(lines)


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, NewRef):
        return str(value)
    return value


def display(value: Any) -> str:
    """A value as the preview shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "、".join(display(v) for v in value)
    return str(value)
