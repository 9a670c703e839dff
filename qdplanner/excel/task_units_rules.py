"""The units of each task after an import: one fact, one editable cell.

Two sheets of a plan workbook show who leads a task and who supports it: 任务 (Tasks: its
牵头单位 / 配合单位 columns) and 任务分工 (Task units: one row per unit). When the workbook has
the Tasks sheet, those columns are the task's units and 任务分工 is a read-only view (the export
greys it): its differences are named in one warning and ignored — else a workbook edited in
one sheet would set a unit on its first import and set it back on the next. A workbook
without the Tasks sheet takes its units from 任务分工 (its order and illustrative flags too).
From the Tasks sheet the lead gets position 0 and the supporting units 1, 2, … in the order
listed.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from qdplanner.domain.enums import UnitRole
from qdplanner.domain.unit_names import LIST_JOINER, AmbiguousUnit, split_unit_names
from qdplanner.errors import N_
from qdplanner.excel.import_model import (
    CellError,
    FieldChange,
    NewRef,
    RecordAdd,
    RecordChange,
    RecordRemove,
    record_word,
)
from qdplanner.excel.vocabulary import label
from qdplanner.store.plan_tables import task_titles

if TYPE_CHECKING:
    from qdplanner.excel.import_diff import Differ
    from qdplanner.excel.import_rules import Units

Role = tuple[str, int, bool]  # role, position, illustrative
Assignment = dict[Any, Role]  # unit → role


def _lead_and_support(roles: Assignment) -> tuple[Any, list[Any]]:
    """The first lead unit, and the supporting units by position (ties as listed)."""
    lead = None
    support = []
    for unit, role in roles.items():
        if role[0] == "lead":
            if lead is None:
                lead = unit
        elif role[0] == "support":
            support.append((role[1], unit))
    if len(support) > 1:
        support.sort(key=itemgetter(0))  # stable: ties keep their order
    return lead, [unit for _, unit in support]


def merge(d: Differ, units: Units) -> None:
    """Work out every task's units; add the role records to add, change and remove."""
    current: dict[Any, Assignment] = defaultdict(dict)
    for task_id, unit_id, role, position, illustrative in d.plan.assignments:
        current[task_id][unit_id] = (role, position, illustrative)
    from_tasks = _from_tasks_sheet(d, units, current)
    view_only = "tasks" in d.parsed and "task_units" in d.parsed
    from_roles = _from_roles_sheet(d, units) if not view_only and _roles_usable(d) else None
    if view_only:
        _warn_view_differs(d, units, current, from_tasks)
    final_tasks = d.final.get("tasks") or d.ids["tasks"]
    titles = _titles(d)
    for task in final_tasks:
        cur = current.get(task, {})
        wanted = cur
        tasks_view = from_tasks.get(task)
        roles_view = from_roles.get(task, {}) if from_roles is not None else None
        if d.since is not None:
            tasks_view, roles_view = _since_export(d, units, task, cur, tasks_view, roles_view)
        t_changed = tasks_view is not None and tasks_view[0] != _lead_and_support(cur)
        r_changed = roles_view is not None and roles_view != cur
        if t_changed and r_changed:
            if _lead_and_support(roles_view) != tasks_view[0]:  # type: ignore[arg-type]
                d.error(
                    "tasks",
                    tasks_view[1],  # type: ignore[index]
                    "lead_unit",
                    N_(
                        "Messages",
                        "the units of this task differ from those in the {sheet} sheet; "
                        "change them in one sheet only",
                    ),
                    sheet=d.parsed["task_units"].name,
                )
                continue
            wanted = roles_view  # type: ignore[assignment]
        elif r_changed:
            wanted = roles_view  # type: ignore[assignment]
        elif t_changed:
            wanted = _built(tasks_view[0], cur)  # type: ignore[index]
        if wanted is not cur:
            _record(d, units, task, cur, wanted, titles.get(task, ""))
        for unit in wanted:
            if unit in units.removed_ids:
                d.still_assigned.append((task, unit))


def _since_export(
    d: Differ, units: Units, task: Any, cur: Assignment, tasks_view: Any, roles_view: Any
) -> tuple[Any, Any]:
    """The workbook's units of a task, less what the plan changed since the export and the
    workbook holds as it was then (:func:`import_since.task_units`)."""
    from qdplanner.excel import import_since

    if roles_view is not None and not roles_view and import_since.added_task(d, task):
        roles_view = None  # a task added in the plan since the export has no rows: no change
    now = _lead_and_support(cur)

    def name(unit: Any) -> str:
        return units.names.get(unit, str(unit))

    if tasks_view is not None and tasks_view[0] != now:
        view = import_since.task_units(d, task, tasks_view[1], tasks_view[0], now, name)
        tasks_view = (view, tasks_view[1])
    elif roles_view is not None and roles_view != cur:
        wanted = _lead_and_support(roles_view)
        view = import_since.task_units(d, task, None, wanted, now, name)
        if view == now:
            roles_view = cur
        elif view != wanted:
            roles_view = _built(view, cur)
    return tasks_view, roles_view


def _warn_view_differs(
    d: Differ, units: Units, current: dict[Any, Assignment], from_tasks: dict
) -> None:
    """One warning when the read-only 任务分工 sheet says other units than the tasks will have."""
    sheet = d.parsed["task_units"]
    seen: dict[Any, set[tuple[Any, str]]] = defaultdict(set)
    keys: dict[str, Any] = {}  # text → the unit it names (its key), or the text itself
    for prow in sheet.rows:
        values = prow.values
        task, text, role = values.get("task_id"), values.get("unit"), values.get("role")
        if task is None or not text or role is None:
            continue
        key = keys.get(text)
        if key is None:
            try:
                unit = units.lookup.resolver.find(text)
            except AmbiguousUnit:  # a difference like any other
                unit = None
            key = keys[text] = unit.key if unit is not None else text
        seen[task].add((key, role))
    differing = 0
    for task, pairs in seen.items():
        view = from_tasks.get(task)
        lead, support = view[0] if view is not None else _lead_and_support(current.get(task, {}))
        if pairs != {(lead, "lead")} - {(None, "lead")} | {(u, "support") for u in support}:
            differing += 1
    if differing:
        d.preview.warnings.append(
            CellError(
                sheet.file,
                sheet.name,
                None,
                None,
                N_(
                    "Messages",
                    "this sheet only shows each task's units (read-only); its {count} "
                    "difference(s) from the 牵头单位/配合单位 columns of the task sheet were "
                    "ignored: change units there",
                ),
                {"count": differing},
            )
        )


def _built(view: tuple[Any, list[Any]], cur: Assignment) -> Assignment:
    lead, support = view
    wanted: Assignment = {}
    if lead is not None:
        wanted[lead] = ("lead", 0, cur.get(lead, ("", 0, False))[2])
    for position, unit in enumerate(support, start=1):
        wanted[unit] = ("support", position, cur.get(unit, ("", 0, False))[2])
    return wanted


def _from_tasks_sheet(
    d: Differ, units: Units, current: dict[Any, Assignment]
) -> dict[Any, tuple[tuple[Any, list[Any]], int]]:
    """Task → ((lead, supporting units), Excel row), for the rows of the Tasks sheet."""
    sheet = d.parsed.get("tasks")
    if sheet is None or not ({"lead_unit", "support_units"} & set(sheet.columns)):
        return {}
    rows = [(i, p.row, p.values) for i, p in d.rows["tasks"].items()]
    rows += [(ref, p.row, values) for p, values, ref in d.new_rows.get("tasks", ())]
    out = {}
    both = {"lead_unit", "support_units"} <= set(sheet.columns)
    names: dict[Any, list[str]] = {}  # a cell's text → the names it lists
    for task, row, values in rows:
        lead, support = (None, []) if both else _lead_and_support(current.get(task, {}))
        if "lead_unit" in sheet.columns:
            text = values.get("lead_unit")
            lead = units.resolve("tasks", row, "lead_unit", text) if text else None
        if "support_units" in sheet.columns:
            support = []
            listed = values.get("support_units")
            if listed not in names:
                names[listed] = split_unit_names(listed)
            for name in names[listed]:
                key = units.resolve("tasks", row, "support_units", name)
                if key is None:
                    continue
                if key == lead or key in support:
                    d.error(
                        "tasks",
                        row,
                        "support_units",
                        N_("Messages", "{name} is listed twice among this task's units"),
                        name=name,
                    )
                    continue
                support.append(key)
        out[task] = ((lead, support), row)
    return out


def _roles_usable(d: Differ) -> bool:
    """The Task units sheet is used when it has its task, unit and role columns."""
    sheet = d.parsed.get("task_units")
    if sheet is None:
        return False
    missing = [k for k in ("unit", "role") if k not in sheet.columns]
    for key in missing:
        header = sheet.spec.column(key).header(d.lang())
        d.error(
            "task_units",
            None,
            None,
            N_("Messages", "the {header} column is missing"),
            header=header,
        )
    return not missing


def _from_roles_sheet(d: Differ, units: Units) -> dict[Any, Assignment]:
    sheet = d.parsed["task_units"]
    out: dict[Any, Assignment] = defaultdict(dict)
    rows: dict[tuple[Any, Any], int] = {}
    leads: dict[Any, int] = {}
    final = d.final.get("tasks")
    known = d.ids["tasks"]
    for prow in sheet.rows:
        values = prow.values
        task, text, role = values.get("task_id"), values.get("unit"), values.get("role")
        if task is None or text is None or role is None:
            for key, value in (("task_id", task), ("unit", text), ("role", role)):
                if value is None and key in sheet.columns:
                    d.error("task_units", prow.row, key, N_("Messages", "a value is required"))
            continue
        if task not in known:
            if d.since is not None and _removed_since(d, task):
                continue  # removed in the plan since the export: its rows are not read
            d.error(
                "task_units",
                prow.row,
                "task_id",
                N_("Messages", "there is no {what} with ID {id}"),
                what=record_word("tasks"),
                id=task,
            )
            continue
        if final is not None and task not in final:
            continue  # the task is removed by this import: its roles go with it
        unit = units.resolve("task_units", prow.row, "unit", text)
        if unit is None:
            continue
        if (task, unit) in rows:
            d.error(
                "task_units",
                prow.row,
                "unit",
                N_("Messages", "{name} is listed twice for task #{task} (also row {row})"),
                name=text,
                task=task,
                row=rows[(task, unit)],
            )
            continue
        if role == UnitRole.LEAD:
            if task in leads:
                d.error(
                    "task_units",
                    prow.row,
                    "role",
                    N_(
                        "Messages",
                        "task #{task} has a lead unit already (row {row}); "
                        "a task has one lead unit",
                    ),
                    task=task,
                    row=leads[task],
                )
                continue
            leads[task] = prow.row
        rows[(task, unit)] = prow.row
        position = values.get("position")
        if position is None:
            position = max((r[1] for r in out[task].values()), default=-1) + 1
        out[task][unit] = (role, position, bool(values.get("is_illustrative")))
    return out


def _removed_since(d: Differ, task: Any) -> bool:
    from qdplanner.excel import import_since

    return import_since.removed_task(d, task)


def _titles(d: Differ) -> dict[Any, str]:
    if "tasks" in d.current:
        titles = {i: r["title"] for i, r in d.current["tasks"].items()}
    else:
        titles = task_titles(d.store)
    for prow, values, ref in d.new_rows.get("tasks", ()):
        titles[ref] = values.get("title") or f"row {prow.row}"
    return titles


def _record(
    d: Differ, units: Units, task: Any, cur: Assignment, wanted: Assignment, title: str
) -> None:
    """The role records to add, change and remove, and the task's lead/support as a change."""
    lang = d.lang()

    def name(unit: Any) -> str:
        return units.names.get(unit, str(unit))

    def text(unit: Any, role: str) -> str:
        return f"{title} — {name(unit)} ({label(UnitRole, role, lang)})"

    for unit, role in wanted.items():
        if unit not in cur:
            values = {
                "task_id": task,
                "unit_id": unit,
                "role": role[0],
                "position": role[1],
                "is_illustrative": role[2],
            }
            d.extra_adds.append(RecordAdd("task_units", None, text(unit, role[0]), values))
        elif cur[unit] != role:
            fields = [
                FieldChange(key, key, old, new, str(old), str(new))
                for key, old, new in zip(
                    ("role", "position", "is_illustrative"), cur[unit], role, strict=True
                )
                if old != new
            ]
            d.extra_changes.append(
                RecordChange("task_units", (task, unit), None, text(unit, role[0]), fields)
            )
    for unit, role in cur.items():
        if unit not in wanted:
            d.extra_removes.append(RecordRemove("task_units", (task, unit), text(unit, role[0])))
    if "tasks" not in d.changes or isinstance(task, NewRef):
        return
    old, new = _lead_and_support(cur), _lead_and_support(wanted)
    changes = d.changes["tasks"].setdefault(task, [])
    for key, before, after in (("lead_unit", old[0], new[0]), ("support_units", old[1], new[1])):
        if before != after:
            joined = [
                LIST_JOINER.join(map(name, v))
                if isinstance(v, list)
                else (name(v) if v is not None else "")
                for v in (before, after)
            ]
            changes.append(FieldChange(key, d.header("tasks", key), before, after, *joined))
