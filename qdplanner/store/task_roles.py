"""A task's units (责任单位): who leads it, who supports it, and changing that row by row.

A task has at most one lead unit (position 0) and supporting units in order (positions 1,
2, …), one ``task_units`` row each. :func:`set_task_roles` writes only the rows that differ
— a new lead replaces the old one in its row — and logs the change as two fields of the task,
``lead_unit`` (unit id) and ``support_units`` (a JSON list of unit ids), old → new: History
then reads "牵头单位: A → B", and a supporting unit that became the lead shows as leaving
``support_units`` in the same action, never silently. A change no list shows (a row's
``is_illustrative``, a position that keeps the order) is logged under the row's key.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from qdplanner.domain.enums import UnitRole
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore

LEAD_FIELD = "lead_unit"  # logged on the task: the lead unit's id
SUPPORT_FIELD = "support_units"  # logged on the task: the supporting units' ids, in order

TaskUnits = tuple[int | None, list[int]]  # (lead unit id or None, supporting unit ids)


@dataclass(frozen=True, slots=True)
class Role:
    """One unit's row on a task."""

    role: str  # a UnitRole value
    position: int
    illustrative: bool = False


Roles = Mapping[int, Role]  # unit id → its role on the task


def task_roles(store: PlanStore, task_id: int) -> dict[int, Role]:
    """Every unit of a task with its role, position and illustrative flag."""
    sql = "SELECT unit_id, role, position, is_illustrative FROM task_units WHERE task_id = ?"
    return {
        unit_id: Role(role, position, bool(flag))
        for unit_id, role, position, flag in store.db.execute(sql, [task_id])
    }


def lead_and_support(roles: Roles) -> TaskUnits:
    """(lead, supporting units in order) of ``roles``."""
    lead = next((u for u, r in roles.items() if r.role == UnitRole.LEAD), None)
    support = sorted(
        (u for u, r in roles.items() if r.role != UnitRole.LEAD),
        key=lambda u: (roles[u].position, u),
    )
    return lead, support


def task_units(store: PlanStore, task_id: int) -> TaskUnits:
    """(lead unit id or None, supporting unit ids in order) of a task."""
    return lead_and_support(task_roles(store, task_id))


def check_units(task_id: int, lead: int | None, support: list[int]) -> None:
    """Refuse a unit that would both lead and support, or support twice."""
    if lead is not None and lead in support:
        raise ValidationError(
            N_("Messages", "a unit cannot be both the lead and a supporting unit of a task"),
            field="support_units",
            record=f"tasks #{task_id}",
        )
    if len(set(support)) != len(support):
        raise ValidationError(
            N_("Messages", "a supporting unit is listed twice"),
            field="support_units",
            record=f"tasks #{task_id}",
        )


def wanted_roles(current: Roles, lead: int | None, support: list[int]) -> dict[int, Role]:
    """The rows that give a task ``lead`` and ``support``, moving as few as possible: kept
    units keep their flag, and their positions while the order allows; new supporting units
    listed after the kept ones go after them."""
    wanted: dict[int, Role] = {}
    if lead is not None:
        stays = lead in current and current[lead].role == UnitRole.LEAD
        wanted[lead] = current[lead] if stays else Role(UnitRole.LEAD, 0, _flag(current, lead))
    kept = [u for u in support if u in current and current[u].role != UnitRole.LEAD]
    positions = [current[u].position for u in kept]
    in_order = all(p > 0 for p in positions) and all(a < b for a, b in pairwise(positions))
    appended = not kept or set(support[: support.index(kept[-1]) + 1]) <= set(kept)
    if in_order and appended:
        later = max((r.position for r in current.values()), default=0)
        for unit in support:
            if unit in kept:
                wanted[unit] = current[unit]
            else:
                later += 1
                wanted[unit] = Role(UnitRole.SUPPORT, later, _flag(current, unit))
    else:
        for position, unit in enumerate(support, start=1):
            wanted[unit] = Role(UnitRole.SUPPORT, position, _flag(current, unit))
    return wanted


def _flag(current: Roles, unit: int) -> bool:
    return unit in current and current[unit].illustrative


def set_task_units(
    store: PlanStore, changes: ChangeSet, task_id: int, lead: int | None, support: list[int]
) -> bool:
    """Make ``lead`` the task's lead unit and ``support`` its supporting units, in order,
    writing only the rows that change (see :func:`set_task_roles`).

    A unit cannot both lead and support the same task. Returns False when nothing changed.
    """
    check_units(task_id, lead, support)
    current = task_roles(store, task_id)
    return set_task_roles(
        store, changes, task_id, wanted_roles(current, lead, support), current=current
    )


def set_task_roles(
    store: PlanStore,
    changes: ChangeSet,
    task_id: int,
    wanted: Roles,
    *,
    current: Roles | None = None,
) -> bool:
    """Give the task exactly the rows ``wanted``, changing only those that differ; log it on
    the task as ``lead_unit`` / ``support_units`` (module docstring). ``current``: the rows
    as :func:`task_roles` read them in this action. False when nothing changed.

    Raises :class:`ValidationError` for two leads, :class:`NotFoundError` for a unit that
    does not exist; nothing is written then.
    """
    if sum(r.role == UnitRole.LEAD for r in wanted.values()) > 1:
        raise ValidationError(
            N_(
                "Messages",
                "a task has one lead unit (牵头单位); put the others under supporting units",
            ),
            field="lead_unit",
            record=f"tasks #{task_id}",
        )
    current = task_roles(store, task_id) if current is None else current
    if dict(wanted) == dict(current):
        return False
    added = [u for u in wanted if u not in current]
    _check_exist(store, added)
    removed = [u for u in current if u not in wanted]
    # A row whose unit leaves takes a unit that arrives: the old lead's row the new lead's.
    reused: dict[int, int] = {}  # new unit → the row (old unit) it takes over
    lead_in = next((u for u in added if wanted[u].role == UnitRole.LEAD), None)
    lead_out = next((u for u in removed if current[u].role == UnitRole.LEAD), None)
    if lead_in is not None and lead_out is not None:
        reused[lead_in] = lead_out
    free = [u for u in removed if u not in reused.values()]
    for unit in (u for u in added if u not in reused):
        if free:
            reused[unit] = free.pop(0)
    # The one lead index is checked row by row: the old lead steps down before a new one
    # takes the lead, so the row that ends as lead is written last.
    db = store.db
    for unit in free:
        db.execute("DELETE FROM task_units WHERE task_id = ? AND unit_id = ?", [task_id, unit])
    moves = [(u, u) for u in wanted if u in current and wanted[u] != current[u]]
    moves += [(new, old) for new, old in reused.items()]
    inserts = [u for u in added if u not in reused]
    is_lead = lambda unit: wanted[unit].role == UnitRole.LEAD  # noqa: E731
    for unit, row in sorted(moves, key=lambda m: is_lead(m[0])):
        r = wanted[unit]
        db.execute(
            "UPDATE task_units SET unit_id = ?, role = ?, position = ?, is_illustrative = ?"
            " WHERE task_id = ? AND unit_id = ?",
            [unit, str(r.role), r.position, int(r.illustrative), task_id, row],
        )
    for unit in sorted(inserts, key=is_lead):
        r = wanted[unit]
        db.execute(
            "INSERT INTO task_units (task_id, unit_id, role, position, is_illustrative)"
            " VALUES (?, ?, ?, ?, ?)",
            [task_id, unit, str(r.role), r.position, int(r.illustrative)],
        )
    _log(changes, task_id, current, wanted)
    return True


def _check_exist(store: PlanStore, units: list[int]) -> None:
    if not units:
        return
    marks = ",".join("?" * len(units))
    found = {r[0] for r in store.db.execute(f"SELECT id FROM units WHERE id IN ({marks})", units)}
    for unit_id in units:
        if unit_id not in found:
            raise NotFoundError(N_("Messages", "unit #{id} does not exist"), id=unit_id)


def _log(changes: ChangeSet, task_id: int, current: Roles, wanted: Roles) -> None:
    (old_lead, old_support), (new_lead, new_support) = (
        lead_and_support(current),
        lead_and_support(wanted),
    )
    fields = []
    if old_lead != new_lead:
        fields.append((LEAD_FIELD, old_lead, new_lead))
    if old_support != new_support:
        fields.append((SUPPORT_FIELD, json.dumps(old_support), json.dumps(new_support)))
    if fields:
        changes.log_fields("tasks", task_id, fields)
    # what neither list shows: a flag, or a position that keeps the order
    for unit in (u for u in wanted if u in current):
        old, new = current[unit], wanted[unit]
        rows = []
        if old.illustrative != new.illustrative:
            rows.append(("is_illustrative", int(old.illustrative), int(new.illustrative)))
        if old.position != new.position and old_support == new_support and old.role == new.role:
            rows.append(("position", old.position, new.position))
        if rows:
            changes.log_fields("task_units", (task_id, unit), rows)
