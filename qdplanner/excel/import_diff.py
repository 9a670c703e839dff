"""Comparing a read workbook with the plan: what each row adds, changes or removes.

Rows are matched by ID. A row with a blank ID is a new record; a record whose row is missing
from a sheet present in the workbook is removed, and with it whatever the plan's foreign keys
take along (:mod:`cascade`); a sheet missing from the workbook changes nothing. A column
missing from a sheet leaves that field alone. Values are compared after the same
normalisation on both sides (:func:`cells.normalise`), so an export imported unchanged is no
change at all. The rules particular to a kind of record (tasks, units, their roles) are in
:mod:`import_rules`.
"""

from __future__ import annotations

import math
from datetime import date
from itertools import repeat
from operator import itemgetter
from typing import Any

from qdplanner.errors import N_
from qdplanner.excel import import_rules, import_since
from qdplanner.excel.cells import normalise
from qdplanner.excel.import_model import (
    FieldChange,
    ImportPreview,
    NewRef,
    RecordAdd,
    RecordChange,
    RecordRemove,
    display,
    record_word,
)
from qdplanner.excel.import_parse import ParsedRow, ParsedSheet
from qdplanner.excel.plan_rows import PlanRows
from qdplanner.excel.sheet_specs import SHEETS, SHEETS_BY_KEY, Column, Kind
from qdplanner.excel.vocabulary import label
from qdplanner.store import records
from qdplanner.store.cascade import Cascade, walk
from qdplanner.store.changes_after import ChangesAfter
from qdplanner.store.plan_store import PlanStore

ID_KINDS = [s.key for s in SHEETS if s.columns[0].kind == Kind.ID]


def same(old: Any, new: Any, kind: Kind) -> bool:
    """Whether a cell's value equals the stored one (numbers within rounding of 1e-12)."""
    if kind == Kind.FLOAT and old is not None and new is not None:
        return math.isclose(old, new, rel_tol=1e-12, abs_tol=1e-12)
    return old == new


class Differ:
    """Works out an :class:`ImportPreview` from parsed sheets. Reads the plan; writes nothing."""

    def __init__(
        self,
        store: PlanStore,
        parsed: dict[str, ParsedSheet],
        preview: ImportPreview,
        since: ChangesAfter | None = None,
    ):
        self.store = store
        # the plan's changes since the workbook's export (three-way: import_since), or None
        self.since = since
        self.gone: dict[str, list[ParsedRow]] = {}  # rows of records no longer in the plan
        self.deferred: set[tuple[Any, str]] = set()  # (task, date field) judged after the rules
        self.parsed = parsed
        self.preview = preview
        self.plan = PlanRows(store, ordered=False)
        self.current: dict[str, dict[Any, dict[str, Any]]] = {}
        self.ids: dict[str, set[Any]] = {}
        self.rows: dict[str, dict[Any, ParsedRow]] = {}  # existing records' rows, by id
        self.changes: dict[str, dict[Any, list[FieldChange]]] = {}
        self.new_rows: dict[str, list[tuple[ParsedRow, dict[str, Any], NewRef]]] = {}
        self.explicit: dict[str, set[Any]] = {}
        self.cascade = Cascade()
        self.final: dict[str, set[Any]] = {}
        self.extra_adds: list[RecordAdd] = []
        self.extra_changes: list[RecordChange] = []
        self.extra_removes: list[RecordRemove] = []
        self.still_assigned: list[tuple[Any, Any]] = []  # (task, removed unit) still linked

    # -- helpers --------------------------------------------------------------------------------
    def error(
        self, kind: str, row: int | None, key: str | None, template: str, /, **params: Any
    ) -> None:
        """Report a refused value of sheet ``kind`` (``template`` marked with ``N_``)."""
        self.preview.errors.append(self.parsed[kind].error(row, key, template, **params))

    def lang(self) -> str:
        return self.preview.lang

    def header(self, kind: str, key: str) -> str:
        sheet = self.parsed.get(kind)
        if sheet and key in sheet.headers:
            return sheet.headers[key]
        return SHEETS_BY_KEY[kind].column(key).header(self.lang())

    def record(self, kind: str, record_id: Any) -> dict[str, Any]:
        """A record as it will be after the import (current values with the changes made)."""
        values = dict(self.current[kind][record_id])
        for change in self.changes.get(kind, {}).get(record_id, ()):
            values[change.key] = change.new
        return values

    def set_field(self, kind: str, record_id: Any, key: str, new: Any) -> None:
        """Make (or replace) the change of one field of an existing record."""
        changes = self.changes[kind].setdefault(record_id, [])
        changes[:] = [c for c in changes if c.key != key]
        old = self.current[kind][record_id].get(key)
        if old != new:
            changes.append(FieldChange(key, self.header(kind, key), old, new))

    def show(self, column: Column | None, value: Any) -> str:
        if column is not None and column.kind == Kind.ENUM and column.enum and value:
            return label(column.enum, value, self.lang())
        return display(value)

    # -- the comparison -------------------------------------------------------------------------
    def run(self) -> None:
        for kind in ID_KINDS:
            if kind in self.parsed:
                self._load_current(kind)
                self.ids[kind] = set(self.current[kind])  # each table read once
            else:
                self.ids[kind] = records.ids(self.store, kind)
        for kind in ID_KINDS:
            if kind in self.parsed:
                self._compare(kind)
                if self.since is not None:
                    import_since.fields(self, self.since, kind)
                    import_since.removals(self, self.since, kind, self.gone.get(kind, []))
        self._walk()
        import_rules.apply_rules(self)
        if self.since is not None and "tasks" in self.parsed:
            import_since.fields(self, self.since, "tasks", after_rules=True)
        self._check_references()
        self._collect()

    def _load_current(self, kind: str) -> None:
        spec = SHEETS_BY_KEY[kind]
        keys = [c.key for c in spec.columns]
        rows = self.plan.rows(spec)
        if not rows:
            self.current[kind] = {}
            return
        # column by column: only the columns holding text, floats or date-times need
        # normalising (as the cells read are), the others are taken as they are
        columns = [_normalised(column) for column in zip(*rows, strict=True)]
        self.current[kind] = dict(
            zip(
                columns[0],
                map(dict, map(zip, repeat(keys), zip(*columns, strict=True))),
                strict=True,
            )
        )

    def _compare(self, kind: str) -> None:
        sheet, spec = self.parsed[kind], SHEETS_BY_KEY[kind]
        current = self.current[kind]
        rows = self.rows[kind] = {}
        changes = self.changes[kind] = {}
        news = self.new_rows[kind] = []
        columns = {c.key: c for c in spec.columns}
        compared = [
            (key, columns[key].kind)
            for key in sheet.columns
            if key != "id" and not columns[key].readonly and columns[key].kind not in _LATER
        ]
        keep = {c.key for c in spec.columns if c.keep_if_empty}
        # a row whose compared cells all equal the record's (== implies `same`) changes
        # nothing: one comparison of tuples instead of one per field
        values_of = itemgetter(*(k for k, _ in compared)) if len(compared) > 1 else None
        for prow in sheet.rows:
            if prow.id is None:
                values = {c.key: c.default for c in spec.columns if not c.readonly}
                values.pop("id")
                values.update(prow.values)
                self._require(kind, prow, values)
                news.append((prow, values, NewRef(kind, prow.row)))
                continue
            old = current.get(prow.id)
            if old is None:
                if self.since is not None:  # removed since the export? (import_since)
                    self.gone.setdefault(kind, []).append(prow)
                else:
                    self.no_such_record(kind, prow)
                continue
            if prow.id in rows:
                self.error(
                    kind,
                    prow.row,
                    "id",
                    N_("Messages", "ID {id} appears twice (also row {row})"),
                    id=prow.id,
                    row=rows[prow.id].row,
                )
                continue
            rows[prow.id] = prow
            if values_of is not None:
                try:
                    if values_of(prow.values) == values_of(old):
                        continue
                except KeyError:  # a refused cell: compared field by field
                    pass
            found = [
                FieldChange(key, sheet.headers[key], old[key], prow.values[key])
                for key, ckind in compared
                if key in prow.values
                and not same(old[key], prow.values[key], ckind)
                and not (prow.values[key] is None and key in keep)
            ]
            if found:
                changes[prow.id] = found
                self._require(kind, prow, {c.key: c.new for c in found})
        self.explicit[kind] = {i for i in current if i not in rows}

    def no_such_record(self, kind: str, prow: ParsedRow) -> None:
        self.error(
            kind,
            prow.row,
            "id",
            N_(
                "Messages",
                "there is no record with ID {id} in this plan; leave the ID blank to add a new one",
            ),
            id=prow.id,
        )

    def _require(self, kind: str, prow: ParsedRow, values: dict[str, Any]) -> None:
        for column in SHEETS_BY_KEY[kind].columns:
            if column.required and column.key in values and values[column.key] in (None, ""):
                missing = column.key not in self.parsed[kind].columns
                self.error(
                    kind,
                    prow.row,
                    None if missing else column.key,
                    N_("Messages", "{header} is required (the column is missing)")
                    if missing
                    else N_("Messages", "{header} is required"),
                    header=column.header(self.lang()),
                )

    def _walk(self) -> None:
        """Follow removals through the foreign keys, sparing rows the import moves away."""
        kept: dict[tuple[str, str], set[Any]] = {}
        for kind, per_record in self.changes.items():
            for record_id, changes in per_record.items():
                for change in changes:
                    if SHEETS_BY_KEY[kind].column(change.key).kind == Kind.REF:
                        kept.setdefault((kind, change.key), set()).add(record_id)
        self.cascade = walk(self.store, {k: v for k, v in self.explicit.items() if v}, kept=kept)
        for kind in ID_KINDS:
            gone = self.explicit.get(kind, set()) | self.cascade.ids(kind)
            self.final[kind] = (self.ids[kind] - gone) | {
                ref for _, _, ref in self.new_rows.get(kind, ())
            }
        for kind, per_record in self.changes.items():
            for record_id, changes in per_record.items():
                parent = self.cascade.removed.get(kind, {}).get(record_id)
                if changes and parent:
                    self.error(
                        kind,
                        self.rows[kind][record_id].row,
                        changes[0].key,
                        N_(
                            "Messages",
                            "this row is changed, but the record goes with {what} #{id}, "
                            "which this import removes",
                        ),
                        what=record_word(parent[0]),
                        id=parent[1],
                    )

    def _check_references(self) -> None:
        """Changed and new rows must point at records that remain (or did not exist)."""
        for kind in self.parsed:
            spec = SHEETS_BY_KEY[kind]
            refs = [c for c in spec.columns if c.kind == Kind.REF and c.ref in self.final]
            if not refs or kind not in self.changes:
                continue
            checked = [(self.rows[kind][i], self.record(kind, i)) for i in self.changes[kind]]
            checked += [(prow, values) for prow, values, _ in self.new_rows.get(kind, ())]
            for prow, values in checked:
                for column in refs:
                    target = values.get(column.key)
                    if target is None or target in self.final[column.ref]:
                        continue
                    gone = target in self.ids[column.ref]
                    self.error(
                        kind,
                        prow.row,
                        column.key,
                        N_("Messages", "{what} #{id} is removed by this import")
                        if gone
                        else N_("Messages", "there is no {what} with ID {id}"),
                        what=record_word(column.ref),
                        id=target,
                    )

    # -- the preview's lists ------------------------------------------------------------------
    def label_of(self, kind: str, values: dict[str, Any]) -> str:
        spec = SHEETS_BY_KEY[kind]
        if kind == "progress_reports":
            return f"{values.get('task_title') or ''} {values.get('period') or ''}".strip()
        if kind == "indicator_values":
            name = values.get("indicator_name") or f"#{values.get('indicator_id')}"
            return f"{name} {values.get('year')}{values.get('period') or ''}"
        return display(values.get(spec.label))

    def _collect(self) -> None:
        preview = self.preview
        for kind in ID_KINDS:
            spec = SHEETS_BY_KEY[kind]
            for prow, values, ref in self.new_rows.get(kind, ()):
                preview.added.append(
                    RecordAdd(kind, prow.row, self.label_of(kind, values), values, ref)
                )
            for record_id, changes in self.changes.get(kind, {}).items():
                if not changes:
                    continue
                for change in changes:
                    column = next((c for c in spec.columns if c.key == change.key), None)
                    change.old_text = change.old_text or self.show(column, change.old)
                    change.new_text = change.new_text or self.show(column, change.new)
                preview.changed.append(
                    RecordChange(
                        kind,
                        record_id,
                        self.rows[kind][record_id].row,
                        self.label_of(kind, self.record(kind, record_id)),
                        changes,
                    )
                )
            for record_id in sorted(self.explicit.get(kind, ())):
                values = self.current[kind][record_id]
                preview.removed.append(RecordRemove(kind, record_id, self.label_of(kind, values)))
        preview.added += self.extra_adds
        preview.changed += self.extra_changes
        preview.removed += self.extra_removes
        labels = _cascade_labels(self)
        listed = {r.record_id for r in self.extra_removes}
        for table, taken in self.cascade.removed.items():
            for key, (parent, parent_id) in taken.items():
                if table == "task_units" and key in listed:
                    continue
                preview.removed.append(
                    RecordRemove(
                        table,
                        key,
                        labels.get((table, key), ""),
                        f"{record_word(parent)} #{parent_id}",
                    )
                )
        preview.set_null = list(self.cascade.set_null)


_LATER = (Kind.UNIT, Kind.UNITS, Kind.NAMES)  # compared by import_rules, once units are known
_AS_READ = {int, bool, date, type(None)}  # values that normalise() leaves as they are


def _normalised(column: tuple[Any, ...]) -> Any:
    """``normalise`` over one column of the plan's rows (as its cells would be read)."""
    types = set(map(type, column))
    if types <= _AS_READ:
        return column
    if types == {str}:
        return [text.strip() or None for text in column]
    return list(map(normalise, column))


def _cascade_labels(differ: Differ) -> dict[tuple[str, Any], str]:
    """Names of the records a removal takes along, for the preview."""
    out: dict[tuple[str, Any], str] = {}
    for table, removed in differ.cascade.removed.items():
        if table in differ.current:
            for key in removed:
                if key in differ.current[table]:
                    out[(table, key)] = differ.label_of(table, differ.current[table][key])
        elif table in SHEETS_BY_KEY and table != "task_units":
            for rid, text in records.names(differ.store, table, removed).items():
                out[(table, rid)] = text
        elif table == "task_units":
            names = differ.plan.unit_names
            for task_id, unit_id in removed:
                out[(table, (task_id, unit_id))] = names.get(unit_id, "")
    return out
