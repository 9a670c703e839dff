"""The plan's records as the workbook's rows: one tuple per record, in the sheet's column order.

Export writes these rows; import compares the rows it reads against the same rows, so the
two can never disagree about what a record "looks like" in a sheet. Values are plain Python:
``int``, ``float``, ``str`` (``""`` when empty), ``datetime.date``, ``bool``, ``None``; coded
values are codes (``in_progress``) and units are their full names.

Tasks come in tree order (each task followed by its sub-tasks, siblings by position), per plan
document and program/project; other sheets in their natural order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from qdplanner.excel.sheet_specs import SHEETS_BY_KEY, SheetSpec
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.task_rows import tree_order

Row = tuple[Any, ...]


def _date(text: str | None) -> date | str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:  # not written by us; show it as it is rather than lose it
        return text


@dataclass(slots=True)
class _TreeNode:  # what store.task_rows.tree_order needs
    id: int
    parent_id: int | None
    row: list[Any]
    depth: int = 0
    has_children: bool = False


_SIMPLE_SQL = {
    "plan_documents": "SELECT id, title, kind, start_year, end_year, issuer, issued_on,"
    " description, position FROM plan_documents ORDER BY position, id",
    "goals": "SELECT g.id, g.plan_document_id, g.name, g.description, g.position FROM goals g"
    " JOIN plan_documents d ON d.id = g.plan_document_id ORDER BY d.position, d.id, g.position,"
    " g.id",
    "programs": "SELECT s.id, s.plan_document_id, s.code, s.name, s.description, s.position"
    " FROM programs s JOIN plan_documents d ON d.id = s.plan_document_id"
    " ORDER BY d.position, d.id, s.position, s.id",
    "projects": "SELECT s.id, s.plan_document_id, s.code, s.name, s.description, s.position"
    " FROM projects s JOIN plan_documents d ON d.id = s.plan_document_id"
    " ORDER BY d.position, d.id, s.position, s.id",
    "milestones": "SELECT id, task_id, program_id, project_id, title, planned_date, actual_date,"
    " notes, is_illustrative, position FROM milestones"
    " ORDER BY task_id IS NULL, task_id, program_id, project_id, position, id",
    "indicators": "SELECT i.id, i.plan_document_id, i.program_id, i.project_id, i.goal_id,"
    " i.code, i.name, i.measure_unit, i.direction, i.comparator, i.baseline_year,"
    " i.baseline_value, i.baseline_text, i.target_year, i.target_value, i.target_text,"
    " i.nature, i.accumulation, i.notes, i.position FROM indicators i"
    " JOIN plan_documents d ON d.id = i.plan_document_id"
    " ORDER BY d.position, d.id, i.position, i.id",
    "sources": "SELECT id, title, publisher, published, url FROM sources ORDER BY id",
    "indicator_values": "SELECT v.id, v.indicator_id, i.name, v.year, v.period, v.kind, v.value,"
    " v.source_id, v.source, v.source_date, v.notes FROM indicator_values v"
    " JOIN indicators i ON i.id = v.indicator_id"
    " JOIN plan_documents d ON d.id = i.plan_document_id"
    " ORDER BY d.position, d.id, i.position, i.id, v.year, v.period, v.kind, v.id",
}

_TASK_SQL = """
SELECT t.id, t.parent_id, t.program_id, t.project_id, COALESCE(pr.name, pj.name), t.position,
       t.code, t.title, t.description, t.start_date, t.due_date, t.deadline_text, t.status,
       t.percent, t.notes, t.is_illustrative
FROM tasks t
LEFT JOIN programs pr ON pr.id = t.program_id
LEFT JOIN projects pj ON pj.id = t.project_id
JOIN plan_documents d ON d.id = COALESCE(pr.plan_document_id, pj.plan_document_id)
ORDER BY d.position, d.id, t.project_id IS NOT NULL, COALESCE(pr.position, pj.position),
         COALESCE(t.program_id, t.project_id), t.position, t.id
"""


class PlanRows:
    """Reads the plan's records sheet by sheet. Cheap to make; each sheet is read on demand."""

    def __init__(self, store: PlanStore, *, ordered: bool = True):
        self.store = store
        self.ordered = ordered  # False: any order will do (comparing by ID), a little faster
        self._unit_names: dict[int, str] | None = None
        self._assignments: list[tuple[int, int, str, int, int]] | None = None
        self._task_order: dict[int, int] = {}
        self._task_titles: dict[int, str] = {}

    # -- shared lookups -------------------------------------------------------------------
    @property
    def unit_names(self) -> dict[int, str]:
        """Unit id → full name."""
        if self._unit_names is None:
            self._unit_names = dict(self.store.db.execute("SELECT id, name FROM units").fetchall())
        return self._unit_names

    @property
    def assignments(self) -> list[tuple[int, int, str, int, int]]:
        """Every task–unit role: (task id, unit id, role, position, illustrative)."""
        if self._assignments is None:
            self._assignments = self.store.db.execute(
                "SELECT task_id, unit_id, role, position, is_illustrative FROM task_units"
                " ORDER BY task_id, role <> 'lead', position, unit_id"
            ).fetchall()
        return self._assignments

    def count(self, spec: SheetSpec) -> int:
        """How many rows ``rows(spec)`` will give (one query)."""
        return self.store.db.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]

    # -- rows -------------------------------------------------------------------------------
    def rows(self, spec: SheetSpec) -> list[Row]:
        """The rows of ``spec``'s sheet, in sheet order and column order."""
        reader = getattr(self, f"_{spec.key}", None)
        rows = reader() if reader else self._simple(spec)
        return rows

    def _simple(self, spec: SheetSpec) -> list[Row]:
        dates = [i for i, c in enumerate(spec.columns) if c.kind == "date"]
        bools = [i for i, c in enumerate(spec.columns) if c.kind == "bool"]
        rows = self.store.db.execute(_SIMPLE_SQL[spec.key]).fetchall()
        if not dates and not bools:
            return rows
        out = []
        for r in rows:
            row = list(r)
            for i in dates:
                row[i] = _date(row[i])
            for i in bools:
                row[i] = bool(row[i])
            out.append(tuple(row))
        return out

    def _tasks(self) -> list[Row]:
        leads: dict[int, str] = {}
        supports: defaultdict[int, list[str]] = defaultdict(list)
        names = self.unit_names
        for task_id, unit_id, role, _pos, _ill in self.assignments:
            if role == "lead":
                leads[task_id] = names[unit_id]
            else:
                supports[task_id].append(names[unit_id])
        nodes = []
        for r in self.store.db.execute(_TASK_SQL):
            row = [
                r[0], r[1], r[2], r[3], r[4], 0, r[5], r[6], r[7], r[8], _date(r[9]),
                _date(r[10]), r[11], r[12], r[13], leads.get(r[0], ""),
                "、".join(supports.get(r[0], ())), r[14], bool(r[15]),
            ]  # fmt: skip
            nodes.append(_TreeNode(r[0], r[1], row))
        ordered = tree_order(nodes) if self.ordered else nodes
        out = []
        for index, node in enumerate(ordered):
            node.row[5] = node.depth + 1
            self._task_order[node.id] = index
            self._task_titles[node.id] = node.row[8]
            out.append(tuple(node.row))
        return out

    def _ensure_task_order(self) -> None:
        if not self._task_order:
            self._tasks()

    def _task_units(self) -> list[Row]:
        self._ensure_task_order()
        order, titles, names = self._task_order, self._task_titles, self.unit_names
        rows = [
            (task_id, titles.get(task_id, ""), names[unit_id], role, pos, bool(ill))
            for task_id, unit_id, role, pos, ill in self.assignments
        ]
        if self.ordered:
            rows.sort(key=lambda r: (order.get(r[0], len(order)), r[3] != "lead", r[4]))
        return rows

    def _units(self) -> list[Row]:
        aliases: defaultdict[int, list[str]] = defaultdict(list)
        for unit_id, alias in self.store.db.execute(
            "SELECT unit_id, alias FROM unit_aliases ORDER BY unit_id, id"
        ):
            aliases[unit_id].append(alias)
        return [
            (r[0], r[1], r[2], r[3], r[4], r[5], "、".join(aliases.get(r[0], ())), bool(r[6]))
            for r in self.store.db.execute(
                "SELECT id, name, short_name, kind, contact, notes, is_illustrative FROM units"
                " ORDER BY id"
            )
        ]

    def _progress_reports(self) -> list[Row]:
        self._ensure_task_order()
        order, titles, names = self._task_order, self._task_titles, self.unit_names
        rows = [
            (
                r[0],
                r[1],
                titles.get(r[1], ""),
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7],
                names.get(r[8], "") if r[8] is not None else "",
                _date(r[9]),
                _date(r[10]),
                r[11],
                r[12],
                bool(r[13]),
            )
            for r in self.store.db.execute(
                "SELECT id, task_id, period, status, percent, narrative, problems, next_steps,"
                " reporting_unit_id, reported_on, received_on, filled_by, source,"
                " is_illustrative FROM progress_reports"
            )
        ]
        if self.ordered:
            rows.sort(key=lambda r: (order.get(r[1], len(order)), r[3], r[0]))
        return rows


def iter_sheets(plan: PlanRows) -> Iterator[tuple[SheetSpec, list[Row]]]:
    """Every sheet of the workbook with its rows, in workbook order."""
    for spec in SHEETS_BY_KEY.values():
        yield spec, plan.rows(spec)
