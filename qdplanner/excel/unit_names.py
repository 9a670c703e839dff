"""Finding a unit by what a person typed: its name, an alias or its short name.

(A unit renamed in the workbook is also found by its former name, since other rows and
sheets of the same workbook still use it.)

Workbooks name units the way people write them: ``青岛市科学技术局``, ``市科技局``, ``市科技局、
市财政局``. :class:`UnitResolver` matches one name (full name first, then an alias, then a
short name that only one unit has), ignoring blanks, case and full-width/half-width forms;
:func:`split_names` cuts a cell listing several units.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from qdplanner.domain.task_rules import split_unit_names
from qdplanner.excel.sheet_specs import fold

LIST_JOINER = "、"


def split_names(text: str | None) -> list[str]:
    """The names listed in ``text`` (empty list for None or blank text); the domain's rule."""
    return split_unit_names(text or "")


@dataclass(frozen=True)
class UnitEntry:
    """A unit as the resolver knows it; ``key`` is its id, or a marker for a unit still to add."""

    key: Hashable
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    former: tuple[str, ...] = ()  # names it had before a rename in the same import


class AmbiguousUnit(Exception):
    def __init__(self, text: str, names: list[str]):
        super().__init__(text)
        self.names = names


class UnitResolver:
    """Look units up by name, alias or short name."""

    def __init__(self, units: Iterable[UnitEntry]):
        self._by_name: dict[str, UnitEntry] = {}
        self._by_alias: dict[str, UnitEntry] = {}
        self._by_former: dict[str, UnitEntry] = {}
        self._by_short: dict[str, list[UnitEntry]] = {}
        self._found: dict[str, UnitEntry | AmbiguousUnit | None] = {}  # text → outcome
        for unit in units:
            self._by_name.setdefault(fold(unit.name), unit)
            for alias in unit.aliases:
                self._by_alias.setdefault(fold(alias), unit)
            for former in unit.former:
                self._by_former.setdefault(fold(former), unit)
            if unit.short_name:
                self._by_short.setdefault(fold(unit.short_name), []).append(unit)

    def find(self, text: str) -> UnitEntry | None:
        """The unit ``text`` names; None when none does; AmbiguousUnit for a shared short name."""
        if text not in self._found:
            try:
                self._found[text] = self._find(text)
            except AmbiguousUnit as many:
                self._found[text] = many
        found = self._found[text]
        if isinstance(found, AmbiguousUnit):
            raise found
        return found

    def _find(self, text: str) -> UnitEntry | None:
        key = fold(text)
        unit = self._by_name.get(key) or self._by_alias.get(key) or self._by_former.get(key)
        if unit is not None:
            return unit
        shorts = self._by_short.get(key, [])
        if len(shorts) > 1:
            raise AmbiguousUnit(text, sorted(u.name for u in shorts))
        return shorts[0] if shorts else None

    def find_list(self, text: str | None) -> list[tuple[str, UnitEntry | None]]:
        """Each name a cell lists, with its unit (None when unknown).

        The whole cell is tried as one name first, so a unit whose name contains a separator
        (``、``) is still found.
        """
        if not text:
            return []
        whole = self.find(text)
        if whole is not None:
            return [(text, whole)]
        return [(name, self.find(name)) for name in split_names(text)]
