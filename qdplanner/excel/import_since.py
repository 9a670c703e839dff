"""Three-way imports: what the plan changed since a workbook was exported is not an edit.

A plan workbook names the plan's newest change batch at the export (``batch`` in its hidden
``_plan`` sheet). People edit it for days while others edit the plan; a two-way comparison
would read every change made in the plan meanwhile as an edit in the workbook (the workbook
still holds the old value) and undo it, and a record added in the plan as a removal. So an
import compares three values of every field it would change — the workbook's, the plan's
now, and the plan's at the export (from the change log, :mod:`qdplanner.store.changes_after`,
one query per import):

* the field was not changed in the plan since the export: the workbook's value, as always;
* it was, and the workbook holds the value it had at the export: the workbook did not touch
  it — the plan's value is **kept**, listed in the preview with who changed it and when;
* it was, and the workbook holds a third value: **both changed** — an error naming the cell,
  both values, who and when; nothing is applied until the user corrects the cell (or
  exports again). Never picked silently.

A record added in the plan since the export is not a removal; one removed since is not added
back when the workbook's row is as it was at the export (else an error), nor are the records
that went with it (their removal is not logged on its own). A task's lead and supporting
units are logged as fields of the task and are judged the same way, and so are a unit's
aliases (records of their own) and a progress report's reporting unit.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from qdplanner.errors import N_
from qdplanner.excel.import_model import KeptChange, record_word
from qdplanner.excel.sheet_specs import SHEETS_BY_KEY, Kind
from qdplanner.store.changes_after import Change, ChangesAfter

if TYPE_CHECKING:
    from qdplanner.excel.import_diff import Differ
    from qdplanner.excel.import_parse import ParsedRow

_DATES = ("due_date", "start_date")
_UNIT_KINDS = (Kind.UNIT, Kind.UNITS, Kind.NAMES)
_NUMBERS = (Kind.INT, Kind.PERCENT, Kind.REF, Kind.ID)
_BOTH = N_(
    "Messages",
    "changed both in the workbook ({book}) and in the plan since the export ({plan}, by {who} "
    "at {when}; it was {then}); correct the cell to the value wanted, or export the plan again",
)
_REMOVED_EDITED = N_(
    "Messages",
    "{who} removed this record from the plan at {when}, after the export, but the workbook "
    "changes it ({header}: {book}); remove the row, or add it again as a new row (blank ID)",
)


def from_log(text: str | None, kind: Kind) -> Any:
    """A value the change log keeps as text, as a workbook cell of ``kind`` is read."""
    if text is None:
        return None
    if kind in _NUMBERS or kind == Kind.FLOAT:
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() else number
    if kind == Kind.DATE:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return text
    if kind == Kind.BOOL:
        return text.strip().lower() in ("1", "true", "t", "yes")
    return text.strip() or None


def _same(a: Any, b: Any, kind: Kind) -> bool:
    from qdplanner.excel.import_diff import same

    if kind == Kind.PERCENT and a is not None and b is not None:
        return same(a, b, Kind.FLOAT)
    return same(a, b, kind)


def _kept(
    d: Differ, kind: str, key: Any, row: int | None, header: str, book: str, plan: str, by: Change
) -> None:
    label = d.label_of(kind, d.current[kind][key]) if key in d.current.get(kind, {}) else ""
    d.preview.kept.append(
        KeptChange(kind, key, row, label, header, book, plan, by.who, by.when, by.at)
    )


def fields(d: Differ, since: ChangesAfter, kind: str, *, after_rules: bool = False) -> None:
    """Judge every field of ``kind`` the comparison would change (before the rules run).

    An emptied due or start date of a task is judged after the rules (``after_rules``): beside
    a deadline phrase that names a date, empty means that date (import_rules._deadline)."""
    spec = SHEETS_BY_KEY[kind]
    per_record = d.changes.get(kind, {})
    for record_id, changes in list(per_record.items()):
        record = since.record(kind, record_id)
        if record is None or not record.fields:
            continue
        row = d.rows[kind][record_id].row
        left = []
        for change in changes:
            after = record.fields.get(change.key)
            deferred = kind == "tasks" and change.key in _DATES and (record_id, change.key)
            if after_rules and (not deferred or deferred not in d.deferred):
                after = None  # judged before the rules, or not to be judged
            elif not after_rules and deferred and change.new is None:
                d.deferred.add(deferred)
                after = None
            if after is None:
                left.append(change)
                continue
            column = spec.column(change.key)
            then = from_log(after.then, column.kind)
            book, plan = d.show(column, change.new), d.show(column, change.old)
            if _same(then, change.new, column.kind):
                _kept(d, kind, record_id, row, change.header, book, plan, after.last)
                continue
            both(d, kind, row, change.key, book, plan, d.show(column, then), after.last)
            left.append(change)
        if left:
            changes[:] = left
        else:
            del per_record[record_id]


def both(
    d: Differ, kind: str, row: int | None, key: str, book: str, plan: str, then: str, by: Change
) -> None:
    """The error of a field changed both in the workbook and in the plan since the export."""
    empty = "—"
    d.error(kind, row, key, _BOTH, book=book or empty, plan=plan or empty, then=then or empty,
            who=by.who, when=by.when)  # fmt: skip


def removals(d: Differ, since: ChangesAfter, kind: str, gone: list[ParsedRow]) -> None:
    """Records added in the plan since the export are not removals; rows of records removed
    since are not added back (an error when the workbook changed them)."""
    explicit = d.explicit.get(kind)
    if explicit:
        d.explicit[kind] = {i for i in explicit if since.added(kind, i) is None}
    spec = SHEETS_BY_KEY[kind]
    compared = [
        c
        for c in spec.columns
        if c.key in d.parsed[kind].columns
        and c.key != "id"
        and not c.readonly
        and c.kind not in _UNIT_KINDS  # a unit's name, not a field of the record
    ]
    for prow in gone:
        record = since.removed(kind, prow.id)
        if record is not None:
            then = record.values_then() or {}
            edited = next(
                (
                    c
                    for c in compared
                    if c.key in prow.values
                    and c.key in then
                    and not _same(from_log(then[c.key], c.kind), prow.values[c.key], c.kind)
                    and not (prow.values[c.key] is None and c.keep_if_empty)
                ),
                None,
            )
            by = record.removed
            assert by is not None
            if edited is not None:
                book = d.show(edited, prow.values[edited.key])
                d.error(kind, prow.row, edited.key, _REMOVED_EDITED, who=by.who, when=by.when,
                        header=d.header(kind, edited.key), book=book or "—")  # fmt: skip
                continue
            label = d.label_of(kind, prow.values)
            d.preview.kept.append(
                KeptChange(kind, prow.id, prow.row, label, "", "", "", by.who, by.when, by.at,
                           removed=True)
            )  # fmt: skip
            continue
        parent = _removed_parent(d, since, kind, prow)
        if parent is None:
            d.no_such_record(kind, prow)
            continue
        what, by = parent
        label = d.label_of(kind, prow.values)
        d.preview.kept.append(
            KeptChange(kind, prow.id, prow.row, label, "", "", "", by.who, by.when, by.at,
                       removed=True, removed_with=what)
        )  # fmt: skip


def _removed_parent(
    d: Differ, since: ChangesAfter, kind: str, prow: ParsedRow
) -> tuple[str, Change] | None:
    """The record removed since the export that took this row's record along (a task's
    milestones and reports go with it, unlogged), if any."""
    for column in SHEETS_BY_KEY[kind].columns:
        if column.kind != Kind.REF or column.ref is None:
            continue
        target = prow.values.get(column.key)
        record = since.removed(column.ref, target) if target is not None else None
        if record is not None and record.removed is not None:
            return f"{record_word(column.ref)} #{target}", record.removed
    return None


def removed_task(d: Differ, task: Any) -> bool:
    """Whether ``task`` was removed from the plan since the export."""
    since = d.since
    return since is not None and since.removed("tasks", task) is not None


def added_task(d: Differ, task: Any) -> bool:
    """Whether ``task`` was added to the plan since the export."""
    since = d.since
    return since is not None and since.added("tasks", task) is not None


def task_units(
    d: Differ, task: Any, row: int | None, view: tuple[Any, list[Any]],
    cur: tuple[Any, list[Any]], name: Any,
) -> tuple[Any, list[Any]]:  # fmt: skip
    """A task's (lead, supporting units) from the workbook, judged against the plan's
    changes since the export (logged as the task's ``lead_unit``/``support_units``):
    a part the plan changed and the workbook holds as at the export keeps the plan's.
    ``row``: the task's row of the Tasks sheet, or None: the units came from 任务分工."""
    since = d.since
    sheet = "tasks" if row is not None else "task_units"

    def column(key: str) -> str:
        return key if row is not None else "unit"

    record = since.record("tasks", task) if since is not None else None
    if record is None or not record.fields:
        return view
    lead, support = view
    after = record.fields.get("lead_unit")
    if after is not None and lead != cur[0]:
        then = from_log(after.then, Kind.INT)
        book, plan = _unit_text(name, lead), _unit_text(name, cur[0])
        header = d.header("tasks", "lead_unit")
        if then == lead:
            _kept(d, "tasks", task, row, header, book, plan, after.last)
            lead = cur[0]
        else:
            both(d, sheet, row, column("lead_unit"), book, plan, _unit_text(name, then),
                 after.last)  # fmt: skip
    after = record.fields.get("support_units")
    if after is not None and support != cur[1]:
        then_list = _id_list(after.then)
        book, plan = _unit_text(name, support), _unit_text(name, cur[1])
        header = d.header("tasks", "support_units")
        if then_list == support:
            _kept(d, "tasks", task, row, header, book, plan, after.last)
            support = list(cur[1])
        else:
            both(d, sheet, row, column("support_units"), book, plan,
                 _unit_text(name, then_list), after.last)  # fmt: skip
    return lead, support


def _id_list(text: str | None) -> list[Any]:
    import json

    try:
        values = json.loads(text) if text else []
    except ValueError:
        return []
    return list(values) if isinstance(values, list) else []


def _unit_text(name: Any, value: Any) -> str:
    if isinstance(value, list):
        return "、".join(name(v) for v in value)
    return name(value) if value is not None else ""


def reporting_unit(
    d: Differ, report: Any, row: int, key: Any, old: Any, names: dict[Any, str]
) -> Any:
    """A progress report's reporting unit from the workbook, judged the same way; returns
    the unit the report is to have."""
    after = d.since.field("progress_reports", report, "reporting_unit_id") if d.since else None
    if after is None or key == old:
        return key
    then = from_log(after.then, Kind.INT)
    book, plan = names.get(key, ""), names.get(old, "")
    if then == key:
        header = d.header("progress_reports", "reporting_unit")
        _kept(d, "progress_reports", report, row, header, book, plan, after.last)
        return old
    both(d, "progress_reports", row, "reporting_unit", book, plan, names.get(then, ""),
         after.last)  # fmt: skip
    return key


def aliases(d: Differ, unit_id: Any, row: int, book: list[str], now: list[str]) -> list[str]:
    """A unit's aliases from the workbook, judged against the aliases added and removed in
    the plan since the export; returns the aliases the unit is to have."""
    since = d.since
    if since is None or sorted(book) == sorted(now):
        return book
    then, last = set(now), None
    for record in since.of("unit_aliases").values():
        if record.added is not None and (record.added_values or {}).get("unit_id") == unit_id:
            then.discard((record.added_values or {}).get("alias"))
            last = _later(last, record.added)
        elif record.removed is not None and (record.removed_values or {}).get("unit_id") == unit_id:
            then.add((record.removed_values or {}).get("alias"))
            last = _later(last, record.removed)
    if last is None:
        return book
    header = d.header("units", "aliases")
    if set(book) == then:
        _kept(d, "units", unit_id, row, header, "、".join(book), "、".join(now), last)
        return now
    both(d, "units", row, "aliases", "、".join(book), "、".join(now),
         "、".join(sorted(a for a in then if a)), last)  # fmt: skip
    return book


def _later(a: Change | None, b: Change) -> Change:
    return b if a is None or b.batch_id > a.batch_id else a
