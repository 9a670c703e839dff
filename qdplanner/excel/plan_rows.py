"""The plan's records as the workbook's rows: one tuple per record, in the sheet's column order.

Export writes these rows; import compares the rows it reads against the same rows, so the
two can never disagree about what a record "looks like" in a sheet. Values are plain Python:
``int``, ``float``, ``str`` (``""`` when empty), ``datetime.date``, ``bool``, ``None``; coded
values are codes (``in_progress``) and units are their full names.

The records come from the store (:mod:`qdplanner.store.plan_tables`), each kind read at most
once per ``PlanRows``. Tasks come in tree order (each task followed by its sub-tasks,
siblings by position), per plan document and program/project; other sheets in their natural
order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter
from typing import Any

from qdplanner.domain.enums import TaskStatus, UnitRole
from qdplanner.excel.sheet_specs import Kind, SheetSpec
from qdplanner.store import plan_tables
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import tree_order

Row = tuple[Any, ...]
Assignment = tuple[int, int, str, int, bool]  # task id, unit id, role, position, illustrative

# sheet key → how the store reads its records, kept while the rows are read (the tasks and
# progress reports are read, not kept: their rows are built as they are read)
_READERS: dict[str, Callable[[PlanStore], list[Any]]] = {
    "plan_documents": plan_tables.plan_documents,
    "goals": plan_tables.goals,
    "programs": plan_tables.programs,
    "projects": plan_tables.projects,
    "milestones": plan_tables.milestones,
    "units": plan_tables.units,
    "indicators": plan_tables.indicators,
    "sources": plan_tables.sources,
    "indicator_values": plan_tables.indicator_values,
}


@dataclass(slots=True)
class _TreeNode:  # what store.task_rows.tree_order needs
    id: int
    parent_id: int | None
    row: list[Any]
    depth: int = 0
    has_children: bool = False


def _code(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


class PlanRows:
    """Reads the plan's records sheet by sheet. Cheap to make; each sheet is read on demand."""

    def __init__(self, store: PlanStore, *, ordered: bool = True):
        self.store = store
        self.ordered = ordered  # False: any order will do (comparing by ID), a little faster
        self._records: dict[str, list[Any]] = {}
        self._unit_names: dict[int, str] | None = None
        self._assignments: list[Assignment] | None = None
        self._task_order: dict[int, int] = {}
        self._task_titles: dict[int, str] = {}
        self._reporting: dict[int, int | None] | None = None

    def records(self, key: str) -> list[Any]:
        """The store's records of the sheet ``key`` (read once)."""
        if key not in self._records:
            self._records[key] = _READERS[key](self.store)
        return self._records[key]

    # -- shared lookups -------------------------------------------------------------------
    @property
    def unit_names(self) -> dict[int, str]:
        """Unit id → full name."""
        if self._unit_names is None:
            self._unit_names = {u.id: u.name for u in self.records("units")}
        return self._unit_names

    @property
    def assignments(self) -> list[Assignment]:
        """Every task–unit role, by task, the lead first, then by position."""
        if self._assignments is None:
            # plain tuples, kept through an import: the collector skips tuples of plain values
            codes = {role: role.value for role in UnitRole}  # (a dict: faster than .value)
            self._assignments = [
                (a.task_id, a.unit_id, codes[a.role], a.position, a.is_illustrative)
                for a in plan_tables.task_units(self.store)
            ]
        return self._assignments

    def reporting_units(self) -> dict[int, int | None]:
        """Progress report id → the id of the unit that reported it."""
        if self._reporting is None:
            reports = plan_tables.progress_reports(self.store)
            self._reporting = {r.id: r.reporting_unit_id for r in reports}
        return self._reporting

    # -- rows -------------------------------------------------------------------------------
    def rows(self, spec: SheetSpec) -> list[Row]:
        """The rows of ``spec``'s sheet, in sheet order and column order."""
        reader = getattr(self, f"_{spec.key}", None)
        return reader() if reader else self._simple(spec)

    def _simple(self, spec: SheetSpec) -> list[Row]:
        """A sheet whose every column is a field of its record."""
        rows = list(map(attrgetter(*(c.key for c in spec.columns)), self.records(spec.key)))
        coded = [i for i, c in enumerate(spec.columns) if c.kind == Kind.ENUM]
        if not coded:
            return rows
        out = []
        for r in rows:
            row = list(r)
            for i in coded:
                row[i] = _code(row[i])
            out.append(tuple(row))
        return out

    def _tasks(self) -> list[Row]:
        leads: dict[int, str] = {}
        supports: defaultdict[int, list[str]] = defaultdict(list)
        names = self.unit_names
        for task_id, unit_id, role, _position, _flag in self.assignments:
            if role == UnitRole.LEAD:
                leads[task_id] = names[unit_id]
            else:
                supports[task_id].append(names[unit_id])
        programs = {p.id: p.name for p in self.records("programs")}
        projects = {p.id: p.name for p in self.records("projects")}
        rows = []
        statuses = {status: status.value for status in TaskStatus}
        for t in plan_tables.tasks(self.store):  # 20,000 records: read, not kept
            stream = programs[t.program_id] if t.program_id is not None else projects[t.project_id]
            rows.append([
                t.id, t.parent_id, t.program_id, t.project_id, stream, 1, t.position, t.code,
                t.title, t.description, t.start_date, t.due_date, t.deadline_text,
                statuses[t.status], t.percent, leads.get(t.id, ""),
                "、".join(supports.get(t.id, ())), t.notes, t.is_illustrative,
            ])  # fmt: skip
        if self.ordered:  # tree order and levels (read-only: comparing by ID needs neither)
            nodes = tree_order([_TreeNode(r[0], r[1], r) for r in rows])
            rows = [node.row for node in nodes]
            for node in nodes:
                node.row[5] = node.depth + 1
        self._task_order = {r[0]: index for index, r in enumerate(rows)}
        self._task_titles = {r[0]: r[8] for r in rows}
        return list(map(tuple, rows))

    def _ensure_task_order(self) -> None:
        if not self._task_order:
            self._tasks()

    def _task_units(self) -> list[Row]:
        self._ensure_task_order()
        order, titles, names = self._task_order, self._task_titles, self.unit_names
        rows = [
            (task_id, titles.get(task_id, ""), names[unit_id], role, position, flag)
            for task_id, unit_id, role, position, flag in self.assignments
        ]
        if self.ordered:
            rows.sort(key=lambda r: (order.get(r[0], len(order)), r[3] != "lead", r[4]))
        return rows

    def _units(self) -> list[Row]:
        return [
            (
                u.id,
                u.name,
                u.short_name,
                u.kind.value,
                u.contact,
                u.phone,
                u.notes,
                "、".join(u.aliases),
                u.is_illustrative,
            )
            for u in self.records("units")
        ]

    def _indicator_values(self) -> list[Row]:
        names = {i.id: i.name for i in self.records("indicators")}
        return [
            (
                v.id,
                v.indicator_id,
                names[v.indicator_id],
                v.year,
                v.period,
                v.kind.value,
                v.value,
                v.source_id,
                v.source,
                v.source_date,
                v.notes,
            )
            for v in self.records("indicator_values")
        ]

    def _progress_reports(self) -> list[Row]:
        self._ensure_task_order()
        order, titles, names = self._task_order, self._task_titles, self.unit_names
        reports = plan_tables.progress_reports(self.store)
        rows = [
            (
                r.id,
                r.task_id,
                titles.get(r.task_id, ""),
                r.period,
                r.status.value,
                r.percent,
                r.narrative,
                r.problems,
                r.next_steps,
                names.get(r.reporting_unit_id, "") if r.reporting_unit_id is not None else "",
                r.reported_on,
                r.received_on,
                r.filled_by,
                r.source,
                r.is_illustrative,
            )
            for r in reports
        ]
        self._reporting = {r.id: r.reporting_unit_id for r in reports}
        if self.ordered:
            rows.sort(key=lambda r: (order.get(r[1], len(order)), r[3], r[0]))
        return rows
