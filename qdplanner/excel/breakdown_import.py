"""Import a government task-breakdown sheet (任务分解表) into the plan, previewed first.

The sheet is read by :mod:`breakdown_parse`; this module compares it with the plan and makes
an :class:`ImportPreview` that ``apply_import`` applies like any other import (one logged
action, nothing applied when there is an error):

* **Plan document**: the one the caller chose; else the one whose title the sheet's title
  row names; else, when the title names none (or the plan is empty), a new plan document
  with the title and the years read from it (``《…（2022—2024年）》重点任务分解表``). A sheet
  without a title goes into the only (or first) plan document, or a new one named after
  the file.
* **Programs and projects** named in the sheet are found in that document by name (or a
  name that contains, or is contained in, exactly one of them: ``实施…工程`` finds
  ``…工程``); missing ones are created. Tasks in no program or project go into a program
  named after the sheet.
* **Tasks** are matched within their program or project and parent by title only — the same
  title after :func:`~qdplanner.domain.task_rules.title_key` (blanks, punctuation and a
  numbering prefix aside) — never by number or position: a sheet's 序号 restarts and moves.
  A row whose title is only close to one task's (at least :data:`SIMILAR_RATIO` alike) is a
  :class:`SimilarMatch` the user decides (``matches`` in the options; the command line's
  ``--accept-similar`` / ``--add-similar``); until then the preview has an error and nothing
  is applied. Unmatched rows are additions. A matched task shows only the fields the sheet
  changes (number, deadline and the dates read from it, description and notes when the sheet
  has them, units). New tasks and sub-tasks are added in the sheet's order. A breakdown sheet
  is not the whole plan: tasks it does not list are kept.
* **Units** are found by name, short name or alias; names not in the plan are listed and
  created on apply. When the sheet lists a task's units, they replace the task's units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from qdplanner.domain.deadlines import DeadlineKind, parse_deadline
from qdplanner.domain.enums import PlanKind
from qdplanner.domain.models import Task
from qdplanner.domain.task_rules import title_key, title_similarity
from qdplanner.domain.unit_names import AmbiguousUnit, UnitResolver
from qdplanner.errors import N_, NotFoundError
from qdplanner.excel.breakdown_parse import BreakdownResult, ParsedTask, parse_breakdown
from qdplanner.excel.cells import open_workbook
from qdplanner.excel.file_checks import column_letter as get_column_letter
from qdplanner.excel.import_model import (
    CellError,
    FieldChange,
    ImportPreview,
    NewRef,
    RecordAdd,
    RecordChange,
    RecordRemove,
    display,
)
from qdplanner.excel.ods_merges import sheet_with_merges
from qdplanner.excel.sheet_specs import fold
from qdplanner.excel.unit_lookup import UnitLookup
from qdplanner.store import plan_tables
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_roles import task_roles
from qdplanner.store.unit_directory import unit_entries, unit_forms

FIELD_HEADERS = {  # how the preview names a changed field
    "code": "序号",
    "title": "任务名称",
    "description": "任务内容",
    "deadline_text": "完成时限",
    "due_date": "截止日期",
    "start_date": "开始日期",
    "notes": "备注",
    "role": "角色",
}


SIMILAR_RATIO = 0.6  # of two titles' characters alike, for "possibly the same task"


@dataclass
class BreakdownOptions:
    """What the user chose (the window's dialog, or the command line's options)."""

    sheet: str | None = None  # default: the first sheet with tasks
    # 0-based column → field (None: not read); default: from headers. Whole (a dialog's
    # choice for every column) or, with ``partial_mapping`` (--map), only the columns named.
    mapping: dict[int, str | None] | None = None
    plan_document_id: int | None = None  # default: see the module docstring
    # a row's task as the user decided it: Excel row → task id (the same task) or None (new)
    matches: dict[int, int | None] = field(default_factory=dict)
    accept_similar: bool = False  # every close title is the task it is close to
    add_similar: bool = False  # every close title is a new task
    partial_mapping: bool = False


@dataclass(frozen=True)
class SimilarMatch:
    """A sheet row whose title is close to a task's, and what became of it."""

    row: int
    title: str
    task_id: int
    task_title: str
    ratio: float
    decision: str  # "same" | "new" | "" (not decided: the preview cannot be applied)


@dataclass
class BreakdownPreview(ImportPreview):
    """An import preview that also says how the sheet was read (for the mapping dialog)."""

    result: BreakdownResult | None = None
    sheet_names: list[str] = field(default_factory=list)
    document: str = ""  # the plan document the tasks go into (its title)
    document_is_new: bool = False
    similar: list[SimilarMatch] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        data = super().as_json()
        if self.result is not None:
            data["sheet"] = self.result.sheet
            data["columns"] = [c.as_json() for c in self.result.columns]
        return data


def preview_breakdown(
    store: PlanStore, path: str | Path, options: BreakdownOptions | None = None
) -> BreakdownPreview:
    """Read a breakdown sheet of ``path`` and compare it with the plan. Writes nothing."""
    options = options or BreakdownOptions()
    path = Path(path)
    preview = BreakdownPreview(path, plan_version=store.version)
    with open_workbook(path) as book:
        preview.warnings += book.warnings
        preview.sheet_names = list(book.sheet_names)
        names = [options.sheet] if options.sheet else [*book.sheet_names]
        result = None
        for name in names:
            if name not in book.sheet_names:
                preview.errors.append(
                    CellError(path.name, name, None, None, N_("Messages", "no sheet of this name"))
                )
                return preview
            candidate = parse_breakdown(
                sheet_with_merges(book, name),
                path.name,
                options.mapping,
                partial=options.partial_mapping,
            )
            if result is None or (candidate.tasks and not result.tasks):
                result = candidate
            if candidate.tasks:
                break
    if result is None:
        return preview
    preview.result = result
    preview.sheets = ["tasks"]
    preview.errors += result.errors
    preview.warnings += result.warnings
    if not result.errors:
        _Matcher(store, result, preview, options).run()
    return preview


def _column(result: BreakdownResult, field_name: str) -> str | None:
    columns = result.layout.columns(field_name)
    if not columns:
        return None
    header = result.layout.headers.get(columns[0], "")
    letter = get_column_letter(columns[0] + 1)
    return f"{letter} ({header})" if header else letter


class _Matcher:
    def __init__(
        self,
        store: PlanStore,
        result: BreakdownResult,
        preview: BreakdownPreview,
        options: BreakdownOptions,
    ):
        self.store = store
        self.result = result
        self.preview = preview
        self.options = options
        self.units = self._unit_lookup(store)
        self.task_refs: list[Any] = []  # index in result.tasks → task id or NewRef

    # -- units ---------------------------------------------------------------------------
    def _unit_lookup(self, store: PlanStore) -> UnitLookup:
        entries = unit_entries(store)
        self.unit_names = {e.key: e.short_name or e.name for e in entries}
        return UnitLookup(UnitResolver(entries, unit_forms(store)), self.unit_names)

    def unit_label(self, unit: Any) -> str:
        return self.units.label(unit)

    def unit(self, name: str, task: ParsedTask, field_name: str) -> Any:
        column = _column(self.result, field_name) or _column(self.result, "units")

        def where() -> tuple[str, str, int | None, str | None]:
            return self.result.file, self.result.sheet, task.row, column

        try:
            return self.units.resolve(name, where)
        except AmbiguousUnit as many:
            self.preview.errors.append(
                CellError(
                    self.result.file,
                    self.result.sheet,
                    task.row,
                    column,
                    N_("Messages", "“{name}” could be any of {names}; write the full name"),
                    {"name": name, "names": "、".join(many.names)},
                )
            )
            return None

    # -- plan document, programs, projects ------------------------------------------------
    def document(self) -> Any:
        docs = [(d.id, d.title) for d in plan_tables.plan_documents(self.store)]
        chosen = self.options.plan_document_id
        if chosen is not None:
            if not any(d[0] == chosen for d in docs):
                raise NotFoundError(
                    N_("Messages", "no plan document has the ID {id} (see the plan's documents)"),
                    id=chosen,
                )
            self.preview.document = next(t for i, t in docs if i == chosen)
            return chosen
        title = self.result.title
        if title:
            for doc_id, doc_title in docs:
                if fold(doc_title) == fold(title):
                    self.preview.document = doc_title
                    return doc_id
        elif docs:
            doc_id = self._document_of_groups(docs) or docs[0][0]
            self.preview.document = next(t for i, t in docs if i == doc_id)
            return doc_id
        title = title or self.preview.path.stem
        years = self.result.years
        kind = (
            PlanKind.FIVE_YEAR_PLAN
            if "规划" in title or "五年" in title
            else PlanKind.ACTION_PLAN
            if "行动" in title or "方案" in title
            else PlanKind.OTHER
        )
        ref = NewRef("plan_documents", title)
        self.preview.added.append(
            RecordAdd(
                "plan_documents",
                self.result.layout.title_row,
                title,
                {
                    "title": title,
                    "kind": kind.value,
                    "start_year": years[0] if years else None,
                    "end_year": years[1] if years else None,
                    "position": None,
                },
                ref,
            )
        )
        self.preview.document = title
        self.preview.document_is_new = True
        return ref

    def _document_of_groups(self, docs: list[tuple[int, str]]) -> int | None:
        """The one plan document holding programs or projects the sheet names (a sheet
        without a title row); None when no document, or more than one, does."""
        named = {task.project or task.program for task in self.result.tasks} - {None}
        holders = {
            s.plan_document_id
            for read in (plan_tables.programs, plan_tables.projects)
            for s in read(self.store)
            if any(_find_by_name([(s.id, s.name)], name) for name in named)
        }
        return holders.pop() if len(holders) == 1 else None

    def groups(self, document: Any) -> dict[tuple[str, str], Any]:
        """(kind, sheet name) → id or NewRef, for every program / project the tasks name."""
        existing: dict[str, list[tuple[int, str]]] = {"programs": [], "projects": []}
        if not isinstance(document, NewRef):
            for table, read in (
                ("programs", plan_tables.programs),
                ("projects", plan_tables.projects),
            ):
                existing[table] = sorted(
                    (s.id, s.name) for s in read(self.store) if s.plan_document_id == document
                )
        wanted: list[tuple[str, str, int | None]] = []
        for task in self.result.tasks:
            if task.project:
                wanted.append(("projects", task.project, task.row))
            elif task.program:
                wanted.append(("programs", task.program, task.row))
            else:
                wanted.append(("programs", self.result.sheet, None))
        found: dict[tuple[str, str], Any] = {}
        for table, name, row in wanted:
            if (table, name) in found:
                continue
            found[(table, name)] = _find_by_name(existing[table], name) or self._add_group(
                table, name, row, document
            )
        return found

    def _add_group(self, table: str, name: str, row: int | None, document: Any) -> NewRef:
        group = next(
            (g for g in self.result.groups if g.name == name and g.kind + "s" == table), None
        )
        ref = NewRef(table, name)
        self.preview.added.append(
            RecordAdd(
                table,
                group.row if group else row,
                name,
                {
                    "plan_document_id": document,
                    "name": name,
                    "code": group.code if group else "",
                    "position": None,
                },
                ref,
            )
        )
        return ref

    # -- tasks ---------------------------------------------------------------------------
    def run(self) -> None:
        document = self.document()
        self._year_of_document(document)
        groups = self.groups(document)
        has_units = bool(
            self.result.layout.columns("lead")
            or self.result.layout.columns("units")
            or self.result.layout.columns("support")
        )
        claimed: set[int] = set()
        for task in self.result.tasks:
            if task.project:
                scope = ("project_id", groups[("projects", task.project)])
            elif task.program:
                scope = ("program_id", groups[("programs", task.program)])
            else:
                scope = ("program_id", groups[("programs", self.result.sheet)])
            parent = self.task_refs[task.parent_index] if task.parent_index is not None else None
            existing = self._match(scope, parent, task, claimed)
            if existing is None:
                ref = NewRef("tasks", task.row)
                self.task_refs.append(ref)
                self._add_task(task, scope, parent, ref)
            else:
                claimed.add(existing.id)
                self.task_refs.append(existing.id)
                self._change_task(task, existing)
            if has_units:
                self._units(task, self.task_refs[-1])
        self.units.fill(self.preview)

    def _match(
        self, scope: tuple[str, Any], parent: Any, task: ParsedTask, claimed: set[int]
    ) -> Task | None:
        if isinstance(scope[1], NewRef) or isinstance(parent, NewRef):
            return None
        rows = [
            t
            for t in plan_tables.tasks_under(self.store, parent, **{scope[0]: scope[1]})
            if t.id not in claimed
        ]
        if task.row in self.options.matches:  # the user decided
            chosen = self.options.matches[task.row]
            return next((t for t in rows if t.id == chosen), None) if chosen else None
        key = title_key(task.title)
        same = [t for t in rows if title_key(t.title) == key]
        if len(same) == 1:
            return same[0]
        if len(same) > 1:
            self._error(
                task,
                N_(
                    "Messages",
                    "“{title}” is the title of several tasks here ({ids}); give them "
                    "different titles in the plan first",
                ),
                title=task.title,
                ids="、".join(f"#{t.id}" for t in same),
            )
            return None
        scored = sorted(
            ((title_similarity(task.title, t.title), t) for t in rows),
            key=lambda pair: -pair[0],
        )
        if not scored or scored[0][0] < SIMILAR_RATIO:
            return None
        ratio, near = scored[0]
        decision = (
            "same" if self.options.accept_similar else "new" if self.options.add_similar else ""
        )
        self.preview.similar.append(
            SimilarMatch(task.row, task.title, near.id, near.title, ratio, decision)
        )
        if not decision:
            self._error(
                task,
                N_(
                    "Messages",
                    "“{title}” is not a task here as written, but is {percent}% like task "
                    "#{id} “{other}”: is it the same task? Decide with --accept-similar (the "
                    "same) or --add-similar (a new task); in the window, in the preview",
                ),
                title=task.title,
                percent=round(ratio * 100),
                id=near.id,
                other=near.title,
            )
        return near if decision == "same" else None

    def _error(self, task: ParsedTask, template: str, /, **params: Any) -> None:
        self.preview.errors.append(
            CellError(
                self.result.file,
                self.result.sheet,
                task.row,
                _column(self.result, "task"),
                template,
                params,
            )
        )

    def _year_of_document(self, document: Any) -> None:
        """Year-less deadlines (年底前, 6月底前) of a sheet whose title names no one year are
        read in the year of the plan document they go into, when it spans one year only
        (a 年度工作要点); their "cannot be read" warnings go."""
        if isinstance(document, NewRef) or (self.result.years and self.result.years[0] ==
                                            self.result.years[1]):  # fmt: skip
            return
        doc = next((d for d in plan_tables.plan_documents(self.store) if d.id == document), None)
        if doc is None or doc.start_year is None or doc.start_year != doc.end_year:
            return
        read_rows = set()
        for task in self.result.tasks:
            if task.deadline.kind == DeadlineKind.UNPARSED:
                again = parse_deadline(task.deadline_text, year=doc.start_year)
                if again.is_parsed:
                    task.deadline = again
                    read_rows.add(task.row)
        self.preview.warnings = [
            w for w in self.preview.warnings
            if not (isinstance(w, CellError) and w.row in read_rows
                    and w.params.get("text") is not None and "deadline" in w.template)
        ]  # fmt: skip

    def _values(self, task: ParsedTask) -> dict[str, Any]:
        deadline = task.deadline
        values: dict[str, Any] = {
            "code": task.code,
            "title": task.title,
            "deadline_text": task.deadline_text,
            "due_date": deadline.due.isoformat() if deadline.due else None,
        }
        if deadline.start is not None:
            values["start_date"] = deadline.start.isoformat()
        if task.description:
            values["description"] = task.description
        if task.notes:
            values["notes"] = task.notes
        return values

    def _add_task(self, task: ParsedTask, scope: tuple[str, Any], parent: Any, ref: NewRef):
        values = {scope[0]: scope[1], "parent_id": parent, "position": None}
        values.update(self._values(task))
        self.preview.added.append(RecordAdd("tasks", task.row, task.title, values, ref))

    def _change_task(self, task: ParsedTask, found: Task) -> None:
        existing = {key: _as_written(getattr(found, key)) for key in FIELD_HEADERS if key != "role"}
        new = self._values(task)
        if task.deadline.kind == DeadlineKind.UNPARSED:
            new.pop("due_date")  # an unreadable phrase does not clear a date set by hand
        if new.get("start_date") and existing["start_date"]:
            new.pop("start_date")  # a start typed in the plan wins over one read from a range
        fields = [
            FieldChange(
                key,
                FIELD_HEADERS.get(key, key),
                existing[key],
                value,
                display(existing[key]),
                display(value),
            )
            for key, value in new.items()
            if (existing[key] or None) != (value or None)
        ]
        if fields:
            self.preview.changed.append(
                RecordChange("tasks", found.id, task.row, task.title, fields)
            )

    def _units(self, task: ParsedTask, task_ref: Any) -> None:
        wanted: list[tuple[Any, str]] = []
        if task.lead:
            unit = self.unit(task.lead, task, "lead")
            if unit is not None:
                wanted.append((unit, "lead"))
        for name in task.support:
            unit = self.unit(name, task, "support")
            if unit is not None and all(unit != u for u, _ in wanted):
                wanted.append((unit, "support"))
        if isinstance(task_ref, NewRef):
            for position, (unit, role) in enumerate(wanted):
                self._add_role(task, task_ref, unit, role, position)
            return
        current = {unit_id: r.role for unit_id, r in task_roles(self.store, task_ref).items()}
        if not wanted:
            return  # the sheet leaves this task's units blank: keep them
        wanted_ids = {u for u, _ in wanted}
        for unit_id in current:
            if unit_id not in wanted_ids:
                label = f"{task.title} · {self.unit_label(unit_id)}"
                self.preview.removed.append(RecordRemove("task_units", (task_ref, unit_id), label))
        for position, (unit, role) in enumerate(wanted):
            if isinstance(unit, NewRef) or unit not in current:
                self._add_role(task, task_ref, unit, role, position)
            elif current[unit] != role:
                self.preview.changed.append(
                    RecordChange(
                        "task_units",
                        (task_ref, unit),
                        task.row,
                        f"{task.title} · {self.unit_label(unit)}",
                        [FieldChange("role", "角色", current[unit], role, current[unit], role)],
                    )
                )

    def _add_role(self, task: ParsedTask, task_ref: Any, unit: Any, role: str, position: int):
        self.preview.added.append(
            RecordAdd(
                "task_units",
                task.row,
                f"{task.title} · {self.unit_label(unit)}",
                {"task_id": task_ref, "unit_id": unit, "role": role, "position": position},
            )
        )


def _as_written(value: Any) -> Any:
    """A task's field as the breakdown's values write it: a date as ISO text."""
    return value.isoformat() if isinstance(value, date) else value


def _find_by_name(rows: list[tuple[int, str]], name: str) -> int | None:
    key = fold(name)
    exact = [i for i, n in rows if fold(n) == key]
    if exact:
        return exact[0]
    near = [i for i, n in rows if fold(n) in key or key in fold(n)]
    return near[0] if len(near) == 1 else None
