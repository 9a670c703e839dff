"""Which unit a written name means: one rule for the table, paste, filters, commands, reports
and every importer.

Offices write one body in many forms: 青岛市科学技术局 / 市科技局, 青岛市工业和信息化局 /
市工业和信息化局 / 市工信局, … A name is compared

1. **as written** (:func:`name_key`: NFKC, case-folded, without any blank): the unit's name,
   an alias, a former name, or a short name only one unit has;
2. else **in its standard form** (:meth:`UnitForms.standard`): the city prefix dropped and each
   long form replaced by its short one, from the table ``db/unit_forms.tsv`` (which an office
   can extend). A written form that reaches exactly one unit's standard form is that unit; an
   importer records it as the unit's alias, and says so in its preview.

Names that are only *similar* (:meth:`UnitResolver.similar`) are offered as "possibly the same
unit", never taken. Two units that reach one standard form are an ambiguity, named.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from qdplanner.domain.text import fold

UNIT_SEPARATORS = "、，,；;/／\r\n"
LIST_JOINER = "、"
SIMILAR_RATIO = 0.75  # of the standard forms' characters, for "possibly the same unit"


def name_key(text: str) -> str:
    """A name as it is compared as written: NFKC, case-folded, every blank removed."""
    return "".join(fold(text).split())


def split_unit_names(text: str | None) -> list[str]:
    """Unit names from one cell: separated by 、 ， , ； ; / or line breaks."""
    names, current = [], ""
    for char in text or "":
        if char in UNIT_SEPARATORS:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [n.strip() for n in names if n.strip()]


@dataclass(frozen=True)
class UnitForms:
    """The table of written forms: city prefixes, names that keep theirs, long → short forms."""

    prefixes: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    forms: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, text: str, extra: Iterable[Iterable[str]] = ()) -> UnitForms:
        """The table from ``db/unit_forms.tsv``'s text, plus ``extra`` rows (a plan's own)."""
        prefixes: list[str] = []
        keep: list[str] = []
        forms: list[tuple[str, str]] = []
        rows = [line.split("\t") for line in text.splitlines() if line and line[0] != "#"]
        for row in [*rows, *(list(r) for r in extra)]:
            cells = [name_key(c) for c in row[1:]]
            if row[0] == "prefix" and len(cells) >= 1 and cells[0]:
                prefixes.append(cells[0])
            elif row[0] == "keep" and len(cells) >= 1 and cells[0]:
                keep.append(cells[0])
            elif row[0] == "form" and len(cells) >= 2 and cells[0] and cells[1]:
                forms.append((cells[0], cells[1]))
        return cls(
            tuple(sorted(set(prefixes), key=len, reverse=True)),
            tuple(keep),
            tuple(sorted(set(forms), key=lambda f: len(f[0]), reverse=True)),
        )

    def standard(self, text: str) -> str:
        """``text`` in its standard form (see the module docstring)."""
        key = name_key(text)
        if not any(key.startswith(k) for k in self.keep):
            for prefix in self.prefixes:
                if key.startswith(prefix) and len(key) > len(prefix):
                    key = key[len(prefix) :]
                    break
        for long, short in self.forms:
            if long in key:
                key = key.replace(long, short)
        return key


NO_FORMS = UnitForms()


class AmbiguousUnit(Exception):
    """A written name that several units answer to; ``names`` lists them."""

    def __init__(self, text: str, names: list[str]):
        super().__init__(text)
        self.names = names


@dataclass(frozen=True)
class UnitEntry:
    """A unit as the resolver knows it; ``key`` is its id, or a marker for a unit still to add."""

    key: Hashable
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    former: tuple[str, ...] = ()  # names it had before a rename in the same import

    def written_forms(self) -> tuple[str, ...]:
        return (self.name, self.short_name, *self.aliases, *self.former)


@dataclass(frozen=True)
class UnitMatch:
    """A unit found for a written name, and how: ``name``, ``alias``, ``former``, ``short``
    or ``standard`` (by its standard form: the written name is new to the unit)."""

    unit: UnitEntry
    how: str


@dataclass
class UnitResolver:
    """Look units up by what a person wrote (see the module docstring)."""

    units: list[UnitEntry]
    forms: UnitForms = NO_FORMS
    _exact: dict[str, tuple[str, UnitEntry]] = field(default_factory=dict, repr=False)
    _short: dict[str, list[UnitEntry]] = field(default_factory=dict, repr=False)
    _standard: dict[str, list[UnitEntry]] = field(default_factory=dict, repr=False)
    _keys: dict[Hashable, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _found: dict[str, UnitMatch | AmbiguousUnit | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.units = list(self.units)
        for how in ("name", "alias", "former"):  # a name wins over another unit's alias
            for unit in self.units:
                texts = {"name": (unit.name,), "alias": unit.aliases, "former": unit.former}
                for text in texts[how]:
                    self._exact.setdefault(name_key(text), (how, unit))
        for unit in self.units:
            if unit.short_name:
                self._short.setdefault(name_key(unit.short_name), []).append(unit)
            standards = {self.forms.standard(t) for t in unit.written_forms() if t}
            for standard in standards:
                self._standard.setdefault(standard, []).append(unit)
            written = {name_key(t) for t in unit.written_forms() if t}
            self._keys[unit.key] = tuple(written | standards)

    def match(self, text: str) -> UnitMatch | None:
        """The unit ``text`` names and how; None when none does; :class:`AmbiguousUnit` when
        several do."""
        if text not in self._found:
            try:
                self._found[text] = self._match(text)
            except AmbiguousUnit as many:
                self._found[text] = many
        found = self._found[text]
        if isinstance(found, AmbiguousUnit):
            raise found
        return found

    def find(self, text: str) -> UnitEntry | None:
        """The unit ``text`` names (see :meth:`match`)."""
        found = self.match(text)
        return found.unit if found else None

    def _match(self, text: str) -> UnitMatch | None:
        key = name_key(text)
        if not key:
            return None
        if key in self._exact:
            how, unit = self._exact[key]
            return UnitMatch(unit, how)
        shorts = _distinct(self._short.get(key, []))
        if len(shorts) > 1:
            raise AmbiguousUnit(text, sorted(u.name for u in shorts))
        if shorts:
            return UnitMatch(shorts[0], "short")
        same = _distinct(self._standard.get(self.forms.standard(text), []))
        if len(same) > 1:
            raise AmbiguousUnit(text, sorted(u.name for u in same))
        return UnitMatch(same[0], "standard") if same else None

    def find_list(self, text: str | None) -> list[tuple[str, UnitEntry | None]]:
        """Each name a cell lists, with its unit (None when unknown). The whole cell is tried
        as one name first, so a unit whose name holds a separator (、) is still found."""
        if not text:
            return []
        whole = self.find(text)
        if whole is not None:
            return [(text, whole)]
        return [(name, self.find(name)) for name in split_unit_names(text)]

    def similar(self, text: str, limit: int = 3) -> list[UnitEntry]:
        """Units whose standard form is close to ``text``'s (at least 75 % alike, or one
        holding the other): "possibly the same unit", for the user to decide."""
        wanted = self.forms.standard(text)
        if len(wanted) < 2:
            return []
        scored: list[tuple[float, str, UnitEntry]] = []
        for standard, units in self._standard.items():
            if standard == wanted:
                continue
            inside = len(min(standard, wanted, key=len)) >= 3 and (
                standard in wanted or wanted in standard
            )
            ratio = SequenceMatcher(None, wanted, standard).ratio()
            if inside or ratio >= SIMILAR_RATIO:
                scored.extend((max(ratio, 0.9 if inside else 0), u.name, u) for u in units)
        seen: set[Hashable] = set()
        result = []
        for _, _, unit in sorted(scored, key=lambda s: (-s[0], s[1])):
            if unit.key not in seen:
                seen.add(unit.key)
                result.append(unit)
        return result[:limit]

    def matching(self, text: str) -> list[UnitEntry]:
        """Units any of whose written forms, or standard form, holds ``text`` (a filter as
        one types: ``市科技`` finds 青岛市科学技术局)."""
        key = name_key(text)
        if not key:
            return list(self.units)
        standard = self.forms.standard(text)
        return [
            u
            for u in self.units
            if any(key in k or standard in k for k in self._keys.get(u.key, ()))
        ]


def _distinct(units: list[UnitEntry]) -> list[UnitEntry]:
    seen: dict[Hashable, UnitEntry] = {}
    for unit in units:
        seen.setdefault(unit.key, unit)
    return list(seen.values())
