"""The plan's units as a directory of written names: the one resolver every entry point uses.

:func:`unit_resolver` builds a :class:`~qdplanner.domain.unit_names.UnitResolver` over every
unit's name, short name and aliases, with the plan's table of written forms (``db/
unit_forms.tsv`` plus the plan's own rows in the setting ``unit_forms``). The table, paste,
the detail panel, the progress form, the filter bar, the command line (``collect --unit``,
``report --scope unit:…``) and every importer find units through it, so a name means the same
unit wherever it is typed.
"""

from __future__ import annotations

import weakref
from functools import cache

from qdplanner.domain.unit_names import AmbiguousUnit, UnitEntry, UnitForms, UnitResolver
from qdplanner.errors import N_, ValidationError
from qdplanner.paths import db_dir
from qdplanner.store.plan_store import PlanStore

UNIT_FORMS_KEY = "unit_forms"  # a plan's own rows: [["form", long, short], ["prefix", text] …]


@cache
def _shipped_forms() -> str:
    try:
        return (db_dir() / "unit_forms.tsv").read_text(encoding="utf-8")
    except OSError:
        return ""


def unit_forms(store: PlanStore) -> UnitForms:
    """The written forms that mean one body: the shipped table and the plan's own rows."""
    extra = store.setting(UNIT_FORMS_KEY) or []
    rows = [r for r in extra if isinstance(r, list) and all(isinstance(c, str) for c in r)]
    return UnitForms.parse(_shipped_forms(), rows)


def unit_entries(store: PlanStore) -> list[UnitEntry]:
    """Every unit with its name, short name and aliases, by id."""
    aliases: dict[int, list[str]] = {}
    for unit_id, alias in store.db.execute("SELECT unit_id, alias FROM unit_aliases ORDER BY id"):
        aliases.setdefault(unit_id, []).append(alias)
    return [
        UnitEntry(unit_id, name, short or "", tuple(aliases.get(unit_id, ())))
        for unit_id, name, short in store.db.execute(
            "SELECT id, name, short_name FROM units ORDER BY id"
        )
    ]


_RESOLVERS: weakref.WeakKeyDictionary[PlanStore, tuple[int, UnitResolver]] = (
    weakref.WeakKeyDictionary()
)


def unit_resolver(store: PlanStore) -> UnitResolver:
    """The resolver over the plan's units as they are now: built once per change of the
    plan (its version), so a cell edit does not read every unit again."""
    version = store.version
    cached = _RESOLVERS.get(store)
    if cached is not None and cached[0] == version:
        return cached[1]
    resolver = UnitResolver(unit_entries(store), unit_forms(store))
    _RESOLVERS[store] = (version, resolver)
    return resolver


def resolve_unit(store: PlanStore, text: str) -> int | None:
    """The unit a typed or imported name means (as written, else by its standard form);
    None when none does. Several units answering to it is a :class:`ValidationError`
    naming them: never a guess."""
    try:
        entry = unit_resolver(store).find(text)
    except AmbiguousUnit as many:
        raise ambiguous(text, many.names) from None
    return None if entry is None else entry.key  # type: ignore[return-value]


def ambiguous(text: str, names: list[str]) -> ValidationError:
    return ValidationError(
        N_("Messages", "“{name}” could be any of {names}; write the full name"),
        field="unit",
        name=text,
        names="、".join(names),
    )


def unit_name(store: PlanStore, unit_id: int) -> str | None:
    """One unit's full name; None when it does not exist."""
    row = store.db.execute("SELECT name FROM units WHERE id = ?", [unit_id]).fetchone()
    return row[0] if row else None
