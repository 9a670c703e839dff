"""Import rules particular to a kind of record: units and their names, tasks, uniqueness.

* Units are found by name, alias or short name (:mod:`unit_names`) among the units the plan
  will have after the import (renamed and new rows of the Units sheet included); a name that
  finds none becomes a unit to create, one that names a removed unit is an error.
* A task belongs to one program or one project (a new sub-task inherits its parent's), its
  parent must remain and must not be its own sub-task, its start is not after its due date.
  When its deadline text changes, the text is read again (:func:`parse_deadline`) and sets
  the due date unless the due date was edited too.
* The units of a task can be edited in the Tasks sheet (lead, supporting) or in the Task units
  sheet (rows of task, unit, role); for one task, edit them in one sheet only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qdplanner.domain.deadlines import DeadlineKind, parse_deadline
from qdplanner.domain.task_rules import dates_problem, status_percent_problem
from qdplanner.domain.unit_names import AmbiguousUnit, UnitEntry, UnitResolver
from qdplanner.errors import N_
from qdplanner.excel import import_since, task_units_rules
from qdplanner.excel.import_model import CellError, FieldChange, NewRef
from qdplanner.excel.unit_lookup import UnitLookup
from qdplanner.store.unit_directory import unit_entries, unit_forms

if TYPE_CHECKING:
    from qdplanner.excel.import_diff import Differ

UNIQUE_KEYS = {
    "goals": ("plan_document_id", "name"),
    "indicator_values": ("indicator_id", "year", "period", "kind"),
    "progress_reports": ("task_id", "period"),
}


def apply_rules(d: Differ) -> None:
    units = Units(d)
    _tasks(d)
    _documents_and_milestones(d)
    task_units_rules.merge(d, units)
    _reporting_units(d, units)
    for kind, keys in UNIQUE_KEYS.items():
        if kind in d.parsed:
            _unique(d, kind, keys)
    units.check_removed_still_used()
    units.lookup.fill(d.preview)


class Units:
    """The units the plan will have, and lookups by what a person typed."""

    def __init__(self, d: Differ):
        self.d = d
        self.names: dict[Any, str] = dict(d.plan.unit_names)
        entries = {e.key: e for e in unit_entries(d.store)}  # by id
        aliases = {key: list(e.aliases) for key, e in entries.items()}
        kept, removed = [], []
        short = {key: e.short_name for key, e in entries.items()}
        explicit = d.explicit.get("units", set())
        if "units" in d.parsed:
            self._compare_aliases(aliases)
        for unit_id, name in d.plan.unit_names.items():
            entry_aliases = tuple(aliases.get(unit_id, ()))
            if "units" in d.parsed and unit_id not in explicit:
                record = d.record("units", unit_id)
                new_name = record["name"] or name
                former = (name,) if new_name != name else ()  # other sheets may use the old name
                aliases_now = tuple(record["aliases"] or ())
                entry = UnitEntry(
                    unit_id, new_name, record["short_name"] or "", aliases_now, former
                )
                self.names[unit_id] = new_name
            else:
                entry = UnitEntry(unit_id, name, short.get(unit_id) or "", entry_aliases)
            (removed if unit_id in explicit else kept).append(entry)
        for _prow, values, ref in d.new_rows.get("units", ()):
            if values.get("name"):
                kept.append(
                    UnitEntry(
                        ref,
                        values["name"],
                        values.get("short_name") or "",
                        tuple(values.get("aliases") or ()),
                    )
                )
                self.names[ref] = values["name"]
        forms = unit_forms(d.store)
        self.lookup = UnitLookup(UnitResolver(kept, forms), self.names)
        self.removed = UnitResolver(removed, forms)
        self.removed_ids = explicit
        self._known: dict[str, Any] = {}  # text → the plan's unit it names (see resolve)
        if "units" in d.parsed:
            self._unique_names(kept)

    def _compare_aliases(self, aliases: dict[int, list[str]]) -> None:
        d = self.d
        sheet = d.parsed["units"]
        for unit_id, prow in d.rows["units"].items():
            d.current["units"][unit_id]["aliases"] = aliases.get(unit_id, [])
            if "aliases" in sheet.columns:
                new = prow.values.get("aliases") or []
                if d.since is not None:
                    new = import_since.aliases(d, unit_id, prow.row, new, aliases.get(unit_id, []))
                if sorted(new) != sorted(aliases.get(unit_id, [])):
                    d.set_field("units", unit_id, "aliases", new)

    def _unique_names(self, entries: list[UnitEntry]) -> None:
        d, seen, owners = self.d, {}, {}
        changed = set(d.changes.get("units", {})) | {
            e.key for e in entries if isinstance(e.key, NewRef)
        }
        for entry in entries:
            for word, what in [(entry.name, "name"), *((a, "alias") for a in entry.aliases)]:
                other = seen.get(word) if what == "name" else owners.get(word)
                if (
                    other is not None
                    and other != entry.key
                    and (entry.key in changed or other in changed)
                ):
                    owner = self.names.get(other, other)
                    self._error(
                        entry.key,
                        "name" if what == "name" else "aliases",
                        N_("Messages", "{word} is also the name of another unit ({owner})")
                        if what == "name"
                        else N_("Messages", "{word} is also an alias of another unit ({owner})"),
                        word=word,
                        owner=owner,
                    )
                (seen if what == "name" else owners).setdefault(word, entry.key)

    def _error(self, key: Any, column: str, template: str, /, **params: Any) -> None:
        d = self.d
        row = key.key if isinstance(key, NewRef) else d.rows["units"][key].row
        d.error("units", row, column, template, **params)

    def resolve(self, kind: str, row: int, column: str, text: str) -> Any:
        """The unit ``text`` names: an id, a NewRef of a unit to add, or None after an error."""
        known = self._known.get(text)
        if known is not None:
            return known
        try:
            key = self.lookup.resolve(text, lambda: self._where(kind, row, column))
        except AmbiguousUnit as many:
            self.d.error(
                kind,
                row,
                column,
                N_("Messages", "“{text}” may mean {names}; write the full name"),
                text=text,
                names="、".join(many.names),
            )
            return None
        if isinstance(key, NewRef):
            gone = self.removed.find(text) if text else None
            if gone is not None:
                self.d.error(
                    kind,
                    row,
                    column,
                    N_(
                        "Messages",
                        "unit {name} is removed from the Units sheet, but still named here",
                    ),
                    name=gone.name,
                )
                return None
            self.names[key] = self.lookup.new_name(key)
        elif key is not None:
            # a unit of the plan: the same text finds it again with nothing more to note
            # (its alias, if any, is noted already); new units and errors are per cell
            self._known[text] = key
        return key

    def _where(self, kind: str, row: int, column: str) -> tuple[str, str, int | None, str | None]:
        sheet = self.d.parsed[kind]
        return sheet.file, sheet.name, row, sheet.where(column)

    def check_removed_still_used(self) -> None:
        d = self.d
        for task_id, unit_id in d.still_assigned:
            if unit_id in self.removed_ids:
                d.error(
                    "units",
                    None,
                    None,
                    N_(
                        "Messages",
                        "unit {name} (ID {id}) is removed, but is still a unit of task #{task}; "
                        "remove it there too",
                    ),
                    name=self.names.get(unit_id),
                    id=unit_id,
                    task=task_id,
                )


def _task_stream(values: dict[str, Any]) -> tuple[Any, Any]:
    return values.get("program_id"), values.get("project_id")


def _tasks(d: Differ) -> None:
    if "tasks" not in d.parsed:
        return
    current = d.current["tasks"]
    parents = {i: r["parent_id"] for i, r in current.items()}
    touched: list[tuple[Any, int, dict[str, Any], bool]] = []  # key, row, final values, new?
    for task_id, changes in d.changes["tasks"].items():
        for change in changes:
            if change.key == "parent_id":
                parents[task_id] = change.new
        touched.append((task_id, d.rows["tasks"][task_id].row, d.record("tasks", task_id), False))
    for prow, values, ref in d.new_rows.get("tasks", ()):
        touched.append((ref, prow.row, values, True))
    for key, row, values, new in touched:
        _deadline(d, key, row, values, new)
        if new and values.get("parent_id") and _task_stream(values) == (None, None):
            parent = current.get(values["parent_id"])
            if parent:
                values["program_id"], values["project_id"] = _task_stream(parent)
        program, project = _task_stream(values)
        if (program is None) == (project is None):
            d.error(
                "tasks",
                row,
                "program_id",
                N_(
                    "Messages",
                    "a task belongs to one program or one project: give exactly one of the two",
                ),
            )
        parent_id = values.get("parent_id")
        if parent_id is not None and parent_id in current:
            if _task_stream(d.record("tasks", parent_id)) != (program, project):
                d.error(
                    "tasks",
                    row,
                    "parent_id",
                    N_(
                        "Messages",
                        "task #{id} is in another program or project; "
                        "a sub-task belongs to its parent's",
                    ),
                    id=parent_id,
                )
            if not new and _cycles(parents, key):
                d.error(
                    "tasks",
                    row,
                    "parent_id",
                    N_("Messages", "a task cannot be placed inside its own sub-task"),
                )
        for problem in (
            dates_problem(values.get("start_date"), values.get("due_date")),
            status_percent_problem(values.get("status"), values.get("percent")),
        ):
            if problem is not None:  # the domain's rules, as every entry point applies them
                d.error("tasks", row, problem.field, problem.template, **problem.params)


def _cycles(parents: dict[Any, Any], start: Any) -> bool:
    seen, node = {start}, parents.get(start)
    while node is not None:
        if node in seen:
            return True
        seen.add(node)
        node = parents.get(node)
    return False


def _deadline(d: Differ, key: Any, row: int, values: dict[str, Any], new: bool) -> None:
    """The due date (截止日期) and the deadline phrase (完成时限) are one fact in two cells.

    So that importing a workbook once or twice gives one answer:

    * a changed (or new) phrase beside a due date that names another day is an error naming
      both (clear the due date to take the phrase's date) — setting the date from the phrase
      would be undone by the stale due date on the next import;
    * an emptied due date beside a phrase that names a date takes that date;
    * a changed due date beside an unchanged phrase is taken; the phrase, which now names
      another day, is kept as written and the row warned (the window flags it);
    * a changed phrase beside an empty due date sets it; an unreadable phrase is kept and
      flagged, the due date left as it is."""
    changes = {} if new else {c.key: c for c in d.changes["tasks"][key]}
    if not new and not ({"deadline_text", "due_date", "start_date"} & set(changes)):
        return
    deadline = parse_deadline(values.get("deadline_text"))
    sheet = d.parsed["tasks"]
    due = values.get("due_date")
    named = deadline.due if deadline.kind == DeadlineKind.FIXED else None  # 长期坚持: none
    disagree = (
        deadline.kind in (DeadlineKind.FIXED, DeadlineKind.ONGOING, DeadlineKind.RECURRING)
        and due is not None
        and due != named
    )
    if disagree and not new and "deadline_text" not in changes:
        d.preview.warnings.append(
            CellError(
                sheet.file,
                sheet.name,
                row,
                sheet.where("deadline_text"),
                N_(
                    "Messages",
                    "the due date is now {due}, but the deadline “{text}” means {target}: it is "
                    "kept as written and flagged; rewrite it to match",
                ),
                {"due": due, "text": deadline.text, "target": _named(named)},
            )
        )
        return
    if disagree:
        d.error(
            "tasks",
            row,
            "due_date",
            N_(
                "Messages",
                "the due date {due} and the deadline “{text}” (which means {target}) disagree; "
                "clear the due date to take the deadline's date, or make the two agree",
            ),
            due=due,
            text=deadline.text,
            target=_named(named),
        )
        return
    if not new and "deadline_text" not in changes:
        _keep_phrase_date(d, key, values, changes.get("due_date"), "due")
        _keep_phrase_date(d, key, values, changes.get("start_date"), "start")
        return
    if new and not values.get("deadline_text"):
        return
    if deadline.kind == DeadlineKind.UNPARSED:
        d.preview.warnings.append(
            CellError(
                sheet.file,
                sheet.name,
                row,
                sheet.where("deadline_text"),
                N_(
                    "Messages",
                    "the deadline “{text}” is not understood; it is kept as written and "
                    "flagged, and the due date is left as it is",
                ),
                {"text": deadline.text},
            )
        )
        return
    if deadline.kind == DeadlineKind.NONE or (due is not None and deadline.due == due):
        return
    updates = {"due_date": deadline.due if deadline.kind == DeadlineKind.FIXED else None}
    if deadline.start and values.get("start_date") is None:
        updates["start_date"] = deadline.start
    for field, value in updates.items():
        values[field] = value
        if not new:
            d.set_field("tasks", key, field, value)


def _named(day: Any) -> Any:
    """The date a phrase names, for a message: an ongoing or yearly phrase names none."""
    return day if day is not None else "—"


def _keep_phrase_date(d: Differ, key: Any, values: dict[str, Any], change: Any, which: str) -> None:
    """An emptied due (or start) date beside a deadline phrase that names it is the phrase's
    date: one fact in two cells. (Else a workbook whose date was cleared and whose phrase was
    typed would set the date on its first import and clear it on the next.)"""
    if change is None or change.new is not None:
        return
    phrase = parse_deadline(values.get("deadline_text"))
    if phrase.kind == DeadlineKind.FIXED and getattr(phrase, which) == change.old:
        field = f"{which}_date"
        d.set_field("tasks", key, field, change.old)  # no change
        values[field] = change.old


def _documents_and_milestones(d: Differ) -> None:
    for kind in ("plan_documents", "milestones"):
        if kind not in d.parsed:
            continue
        checked = [(d.rows[kind][i].row, d.record(kind, i)) for i in d.changes[kind]]
        checked += [(prow.row, values) for prow, values, _ in d.new_rows.get(kind, ())]
        for row, values in checked:
            if kind == "plan_documents":
                start, end = values.get("start_year"), values.get("end_year")
                if start is not None and end is not None and start > end:
                    d.error(
                        kind,
                        row,
                        "end_year",
                        N_("Messages", "end year {end} is before start year {start}"),
                        end=end,
                        start=start,
                    )
            elif not any(values.get(k) for k in ("task_id", "program_id", "project_id")):
                d.error(
                    kind,
                    row,
                    "task_id",
                    N_(
                        "Messages",
                        "a milestone belongs to a task, a program or a project: "
                        "give one of their IDs",
                    ),
                )


def _reporting_units(d: Differ, units: Units) -> None:
    sheet = d.parsed.get("progress_reports")
    if sheet is None or "reporting_unit" not in sheet.columns:
        return
    current = d.plan.reporting_units()
    header = sheet.headers["reporting_unit"]
    for report_id, prow in d.rows["progress_reports"].items():
        text = prow.values.get("reporting_unit")
        key = units.resolve("progress_reports", prow.row, "reporting_unit", text) if text else None
        old = current.get(report_id)
        d.current["progress_reports"][report_id]["reporting_unit_id"] = old
        if d.since is not None and not (text and key is None):
            key = import_since.reporting_unit(d, report_id, prow.row, key, old, units.names)
        if (text and key is None) or key == old:
            continue
        changes = d.changes["progress_reports"].setdefault(report_id, [])
        changes.append(
            FieldChange(
                "reporting_unit_id",
                header,
                old,
                key,
                units.names.get(old, ""),
                units.names.get(key, ""),
            )
        )
    for prow, values, _ in d.new_rows.get("progress_reports", ()):
        text = values.pop("reporting_unit", None)
        values["reporting_unit_id"] = (
            units.resolve("progress_reports", prow.row, "reporting_unit", text) if text else None
        )


def _unique(d: Differ, kind: str, keys: tuple[str, ...]) -> None:
    seen: dict[tuple, tuple[int, bool]] = {}
    changed = d.changes[kind]
    final = [
        (p.row, d.record(kind, i) if i in changed else d.current[kind][i], i in changed)
        for i, p in d.rows[kind].items()
    ]
    final += [(p.row, values, True) for p, values, _ in d.new_rows.get(kind, ())]
    for row, values, edited in final:
        key = tuple(values.get(k) or "" for k in keys)
        if key in seen and (edited or seen[key][1]):
            d.error(
                kind,
                row,
                keys[-1],
                N_("Messages", "the same {fields} as row {row}"),
                fields=", ".join(keys),
                row=seen[key][0],
            )
        seen.setdefault(key, (row, edited))
