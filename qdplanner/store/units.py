"""Responsible units (责任单位): the units table with counts, and logged, reversible edits.

Every name a person may type for a unit — its name, its short name, its aliases — points to
one unit only, so :func:`qdplanner.store.task_edits.resolve_unit` and the workbook import
never have to guess; the edits here refuse a name another unit already answers to.
:func:`merge_units` (a government reorganisation) returns a :class:`MergeSnapshot` from
which :func:`unmerge` puts every row back with its id; :func:`delete_unit` likewise returns
what :func:`restore_unit` needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qdplanner.domain.enums import TaskStatus, UnitKind, UnitRole
from qdplanner.domain.limits import check_values
from qdplanner.domain.status_light import DONE_PERCENT, SET_ASIDE
from qdplanner.domain.unit_names import name_key
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.unit_directory import unit_forms

UNIT_FIELDS = ("name", "short_name", "kind", "contact", "phone", "notes", "is_illustrative")
_ALIAS_SEPARATOR = "\x1f"  # char(31): cannot be typed into a one-line alias
# Every word a unit answers to, by kind, with the unit's id and name.
_NAMES_SQL = """SELECT 'name', id, name, name FROM units
    UNION ALL SELECT 'short_name', id, short_name, name FROM units WHERE short_name != ''
    UNION ALL SELECT 'alias', a.unit_id, a.alias, u.name FROM unit_aliases a
        JOIN units u ON u.id = a.unit_id"""


@dataclass(frozen=True, slots=True)
class UnitRow:
    """A unit as the units table shows it, with how many tasks it leads and supports."""

    id: int
    name: str
    short_name: str
    kind: UnitKind
    contact: str  # the contact person (联系人)
    is_illustrative: bool
    aliases: tuple[str, ...]
    lead_count: int
    support_count: int
    overdue_count: int  # tasks it leads that are past due and neither done nor set aside
    phone: str = ""  # 联系电话


@dataclass
class UnitSnapshot:
    """A deleted unit and its aliases, to put back with the same ids."""

    unit: dict
    aliases: list[dict] = field(default_factory=list)


@dataclass
class MergeSnapshot:
    """What :func:`merge_units` changed, enough for :func:`unmerge` to restore it exactly."""

    keep_id: int
    gone: UnitSnapshot
    task_units_removed: list[dict] = field(default_factory=list)  # rows as they were
    task_units_added: list[tuple[int, int]] = field(default_factory=list)  # (task_id, unit_id)
    reports_moved: list[int] = field(default_factory=list)
    collections_moved: list[int] = field(default_factory=list)
    collections_removed: list[dict] = field(default_factory=list)
    aliases_added: list[int] = field(default_factory=list)


def read_unit_rows(store: PlanStore, as_of: date | None = None) -> list[UnitRow]:
    """Every unit with its aliases and task counts, in one query (~25 ms for 500 units and
    20,000 tasks: counts come from the task_units indexes); ordered by id.

    A task counts as overdue for its lead unit by the domain's one rule,
    :func:`~qdplanner.domain.status_light.is_overdue` (here in SQL, from its constants).
    """
    day = (as_of or date.today()).isoformat()
    aside = ", ".join(f"'{s.value}'" for s in (TaskStatus.DONE, *SET_ASIDE))
    sql = f"""
        SELECT u.id, u.name, u.short_name, u.kind, u.contact, u.is_illustrative,
               (SELECT group_concat(alias, char(31)) FROM
                   (SELECT alias FROM unit_aliases a WHERE a.unit_id = u.id ORDER BY a.id) AS al),
               COALESCE(c.lead, 0), COALESCE(c.support, 0), COALESCE(o.overdue, 0),
               u.phone
        FROM units u
        LEFT JOIN (SELECT unit_id, count(*) FILTER (WHERE role = 'lead') AS lead,
                          count(*) FILTER (WHERE role = 'support') AS support
                   FROM task_units GROUP BY unit_id) c ON c.unit_id = u.id
        LEFT JOIN (SELECT unit_id, count(*) AS overdue FROM task_units
                   WHERE role = 'lead' AND task_id IN (SELECT id FROM tasks WHERE due_date < :day
                       AND status NOT IN ({aside}) AND percent < {DONE_PERCENT})
                   GROUP BY unit_id) o ON o.unit_id = u.id
        ORDER BY u.id"""
    return [
        UnitRow(*r[:3], UnitKind(r[3]), r[4], bool(r[5]), _split(r[6]), *r[7:])
        for r in store.db.execute(sql, {"day": day})
    ]


def _split(aliases: str | None) -> tuple[str, ...]:
    return tuple(aliases.split(_ALIAS_SEPARATOR)) if aliases else ()


def _rows(store: PlanStore, sql: str, params: list) -> list[dict]:
    return [dict(r) for r in store.db.query(sql, params)]


def _unit(store: PlanStore, unit_id: int) -> dict:
    rows = _rows(store, "SELECT * FROM units WHERE id = ?", [unit_id])
    if not rows:
        raise NotFoundError(N_("Messages", "unit #{id} does not exist"), id=unit_id)
    return rows[0]


def _owner(store: PlanStore, word: str, exclude: int | None) -> tuple[str, str] | None:
    """(how, unit name) of another unit that answers to ``word`` — as written, or by its
    standard form (:mod:`qdplanner.store.unit_directory`); None when none does."""
    key = name_key(word)
    forms = unit_forms(store)
    standard = forms.standard(word)
    same_body = None
    for how, unit_id, other, owner in store.db.execute(_NAMES_SQL):
        if unit_id == exclude:
            continue
        if name_key(other) == key:
            return how, owner
        if same_body is None and forms.standard(other) == standard:
            same_body = ("standard", owner)
    return same_body


def _check_free(store: PlanStore, word: str, exclude: int | None, what: str) -> None:
    """Refuse ``word`` when another unit already answers to it (name, short name or alias)."""
    found = _owner(store, word, exclude)
    if found is None:
        return
    how, owner = found
    template = {
        "name": N_("Messages", "{word} is already the name of {owner}"),
        "short_name": N_("Messages", "{word} is already the short name of {owner}"),
        "alias": N_("Messages", "{word} is already an alias of {owner}"),
        "standard": N_(
            "Messages",
            "{word} is another way of writing {owner} (the same body); add it there as an "
            "alias, or merge the two units",
        ),
    }[how]
    raise ValidationError(
        template,
        field=what,
        record=None if exclude is None else f"units #{exclude}",
        word=f"“{word.strip()}”",
        owner=owner,
    )


def _clean_values(store: PlanStore, unit_id: int | None, values: dict) -> dict:
    unknown = set(values) - set(UNIT_FIELDS)
    if unknown:
        raise ValidationError(
            N_("Messages", "not a unit field: {names}"), names=", ".join(sorted(unknown))
        )
    clean = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    check_values(clean)
    if "name" in clean:
        if not clean["name"]:
            raise ValidationError(N_("Messages", "the unit name must not be empty"), field="name")
        _check_free(store, clean["name"], unit_id, "name")
    if clean.get("short_name"):
        _check_free(store, clean["short_name"], unit_id, "short_name")
    if "kind" in clean:
        try:
            clean["kind"] = UnitKind(clean["kind"])
        except ValueError as exc:
            raise ValidationError(
                N_("Messages", "not a kind of unit: {kind}"), field="kind", kind=clean["kind"]
            ) from exc
    return clean


def add_unit(store: PlanStore, changes: ChangeSet, name: str, **values) -> int:
    """Add a unit (``values``: short_name, kind, contact, phone, notes, is_illustrative);
    its id."""
    clean = _clean_values(store, None, {"name": name, **values})
    return changes.insert("units", clean)


def update_unit(store: PlanStore, changes: ChangeSet, unit_id: int, values: dict) -> dict:
    """Set fields of a unit (a rename is a change of ``name``); return the diff.

    The name must not be empty, and neither name nor short name may be one another unit
    answers to: :class:`ValidationError` names that unit.
    """
    _unit(store, unit_id)
    return changes.update("units", unit_id, _clean_values(store, unit_id, values))


def unit_aliases(store: PlanStore, unit_id: int) -> list[str]:
    """The aliases of a unit, in the order they were added."""
    sql = "SELECT alias FROM unit_aliases WHERE unit_id = ? ORDER BY id"
    return [r[0] for r in store.db.execute(sql, [unit_id])]


def set_aliases(store: PlanStore, changes: ChangeSet, unit_id: int, aliases: list[str]) -> bool:
    """Make ``aliases`` the unit's aliases; kept ones keep their rows. False if unchanged.

    Blank lines, repeats and the unit's own name are dropped; an alias another unit answers
    to is refused with a :class:`ValidationError` naming that unit.
    """
    unit = _unit(store, unit_id)
    wanted: dict[str, str] = {}
    for alias in (a.strip() for a in aliases):
        check_values({"aliases": alias})
        if alias and name_key(alias) not in wanted and name_key(alias) != name_key(unit["name"]):
            _check_free(store, alias, unit_id, "aliases")
            wanted[name_key(alias)] = alias
    current = store.db.execute(
        "SELECT id, alias FROM unit_aliases WHERE unit_id = ? ORDER BY id", [unit_id]
    ).fetchall()
    before = changes.changed
    for alias_id, alias in current:
        if wanted.get(name_key(alias)) == alias:
            del wanted[name_key(alias)]
        else:
            changes.delete("unit_aliases", alias_id)
    for alias in wanted.values():
        changes.insert("unit_aliases", {"unit_id": unit_id, "alias": alias})
    return changes.changed != before


def add_alias(changes: ChangeSet, unit_id: int, alias: str) -> int:
    """Give a unit one more alias as it is, unchecked (the workbook import has checked every
    name against the plan's units already); the new alias's id."""
    return changes.insert("unit_aliases", {"unit_id": unit_id, "alias": alias})


def remove_alias(store: PlanStore, changes: ChangeSet, unit_id: int, alias: str) -> bool:
    """Remove the alias ``alias`` (exactly as written) of a unit; False when it has none."""
    sql = "SELECT id FROM unit_aliases WHERE unit_id = ? AND alias = ?"
    row = store.db.execute(sql, [unit_id, alias]).fetchone()
    if row is None:
        return False
    changes.delete("unit_aliases", row[0])
    return True


def check_deletable(store: PlanStore, unit_id: int) -> None:
    """Raise :class:`ValidationError` saying why the unit cannot be deleted, if it cannot:
    tasks, progress reports or collection rounds still name it."""
    name = _unit(store, unit_id)["name"]
    tasks, reports, rounds = store.db.execute(
        """SELECT (SELECT count(*) FROM task_units WHERE unit_id = :u),
                  (SELECT count(*) FROM progress_reports WHERE reporting_unit_id = :u),
                  (SELECT count(*) FROM collections WHERE unit_id = :u)""",
        {"u": unit_id},
    ).fetchone()
    if tasks or reports or rounds:
        template = N_(
            "Messages",
            "{name} is still used by {tasks} task(s), {reports} progress report(s) and "
            "{rounds} collection round(s); merge it into another unit instead",
        )
        raise ValidationError(
            template,
            record=f"units #{unit_id}",
            name=name,
            tasks=tasks,
            reports=reports,
            rounds=rounds,
        )


def _remove_unit(store: PlanStore, changes: ChangeSet, unit_id: int) -> UnitSnapshot:
    """Delete a unit and its aliases, each logged (a cascade would not be)."""
    sql = "SELECT * FROM unit_aliases WHERE unit_id = ? ORDER BY id"
    snapshot = UnitSnapshot(_unit(store, unit_id), _rows(store, sql, [unit_id]))
    for alias in snapshot.aliases:
        changes.delete("unit_aliases", alias["id"])
    changes.delete("units", unit_id)
    return snapshot


def delete_unit(store: PlanStore, changes: ChangeSet, unit_id: int) -> UnitSnapshot:
    """Delete an unused unit and its aliases; return them for :func:`restore_unit`."""
    check_deletable(store, unit_id)
    return _remove_unit(store, changes, unit_id)


def restore_unit(changes: ChangeSet, snapshot: UnitSnapshot) -> int:
    """Insert back a unit removed by :func:`delete_unit`, same id and aliases."""
    changes.insert("units", snapshot.unit)
    for alias in snapshot.aliases:
        changes.insert("unit_aliases", alias)
    return snapshot.unit["id"]


def tasks_moving(store: PlanStore, gone_id: int) -> int:
    """How many tasks a merge of ``gone_id`` into another unit hands over."""
    sql = "SELECT count(DISTINCT task_id) FROM task_units WHERE unit_id = ?"
    return store.db.execute(sql, [gone_id]).fetchone()[0]


def _merge_task_units(
    store: PlanStore, changes: ChangeSet, keep: int, gone: int, snap: MergeSnapshot
) -> None:
    sql = """SELECT g.*, k.role AS keep_role, k.position AS keep_position,
                    k.is_illustrative AS keep_illustrative
             FROM task_units g LEFT JOIN task_units k ON k.task_id = g.task_id AND k.unit_id = ?
             WHERE g.unit_id = ? ORDER BY g.task_id"""
    for row in _rows(store, sql, [keep, gone]):
        keep_role = row.pop("keep_role")
        keep_row = {
            "task_id": row["task_id"],
            "unit_id": keep,
            "role": keep_role,
            "position": row.pop("keep_position"),
            "is_illustrative": row.pop("keep_illustrative"),
        }
        changes.delete("task_units", (row["task_id"], gone))
        snap.task_units_removed.append(row)
        if keep_role == UnitRole.LEAD or keep_role == row["role"]:
            continue  # keep already holds this task in the same or the stronger role
        if keep_role is not None:  # keep supports, gone led: keep takes the lead
            changes.delete("task_units", (row["task_id"], keep))
            snap.task_units_removed.append(keep_row)
        changes.insert("task_units", {**row, "unit_id": keep})
        snap.task_units_added.append((row["task_id"], keep))


def merge_units(store: PlanStore, changes: ChangeSet, keep_id: int, gone_id: int) -> MergeSnapshot:
    """Merge unit ``gone_id`` into ``keep_id`` and delete it (a reorganisation).

    Its tasks pass to ``keep`` — where a task has both, the stronger role stays (lead beats
    support), so no task ever has two leads; its progress reports and collection rounds are
    re-pointed (a round ``keep`` already has for the same period wins); its name, short
    name and aliases become aliases of ``keep`` (unless another unit answers to them), so
    old workbooks still import. Everything is logged; the snapshot lets :func:`unmerge`
    restore it.
    """
    if keep_id == gone_id:
        raise ValidationError(N_("Messages", "a unit cannot be merged into itself"))
    keep = _unit(store, keep_id)
    snap = MergeSnapshot(keep_id, UnitSnapshot(_unit(store, gone_id)))
    _merge_task_units(store, changes, keep_id, gone_id, snap)
    sql = "SELECT id FROM progress_reports WHERE reporting_unit_id = ? ORDER BY id"
    for (report_id,) in store.db.execute(sql, [gone_id]).fetchall():
        changes.update("progress_reports", report_id, {"reporting_unit_id": keep_id})
        snap.reports_moved.append(report_id)
    sql = "SELECT * FROM collections WHERE unit_id = ? ORDER BY id"
    for row in _rows(store, sql, [gone_id]):
        if store.db.execute(
            "SELECT 1 FROM collections WHERE unit_id = ? AND period = ?", [keep_id, row["period"]]
        ).fetchone():
            changes.delete("collections", row["id"])
            snap.collections_removed.append(row)
        else:
            changes.update("collections", row["id"], {"unit_id": keep_id})
            snap.collections_moved.append(row["id"])
    snap.gone = _remove_unit(store, changes, gone_id)
    gone = snap.gone.unit
    taken = {name_key(keep["name"]), *(name_key(a) for a in unit_aliases(store, keep_id))}
    for word in [gone["name"], gone["short_name"], *(a["alias"] for a in snap.gone.aliases)]:
        if word.strip() and name_key(word) not in taken and _owner(store, word, keep_id) is None:
            taken.add(name_key(word))
            alias_id = changes.insert("unit_aliases", {"unit_id": keep_id, "alias": word})
            snap.aliases_added.append(alias_id)
    return snap


def unmerge(store: PlanStore, changes: ChangeSet, snapshot: MergeSnapshot) -> int:
    """Undo :func:`merge_units`: the merged-away unit returns with its ids, roles, positions
    and aliases (assuming nothing touched those rows since). Returns its id."""
    for alias_id in snapshot.aliases_added:
        changes.delete("unit_aliases", alias_id)
    gone_id = restore_unit(changes, snapshot.gone)
    for task_id, unit_id in snapshot.task_units_added:
        changes.delete("task_units", (task_id, unit_id))
    for row in snapshot.task_units_removed:
        changes.insert("task_units", row)
    for report_id in snapshot.reports_moved:
        changes.update("progress_reports", report_id, {"reporting_unit_id": gone_id})
    for collection_id in snapshot.collections_moved:
        changes.update("collections", collection_id, {"unit_id": gone_id})
    for row in snapshot.collections_removed:
        changes.insert("collections", row)
    return gone_id


def unit_choices(store: PlanStore) -> list[tuple[int, str]]:
    """(id, name) of every unit, by name: for pick lists."""
    return store.db.execute("SELECT id, name FROM units ORDER BY name").fetchall()


_DISPLAY = "COALESCE(NULLIF(short_name, ''), name)"


def unit_display_names(store: PlanStore) -> list[str]:
    """Every unit as pickers and tables show it (short name, else full name), by name."""
    return [r[0] for r in store.db.execute(f"SELECT {_DISPLAY} FROM units ORDER BY name")]


def unit_display_name(store: PlanStore, unit_id: int) -> str | None:
    """One unit's short name (else full name); None when it does not exist."""
    row = store.db.execute(f"SELECT {_DISPLAY} FROM units WHERE id = ?", [unit_id]).fetchone()
    return row[0] if row else None
