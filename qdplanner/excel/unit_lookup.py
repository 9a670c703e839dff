"""The units an import names: found, learnt as aliases, or to create — never guessed.

Both importers (plan workbooks and task-breakdown sheets) look every written unit name up
through one :class:`UnitLookup` over the plan's resolver (:mod:`qdplanner.domain.unit_names`):

* a name found as written is that unit;
* a name found only by its standard form (``市工信局`` for 青岛市工业和信息化局) is that unit,
  and the written form becomes its alias — listed in the preview (``aliases_to_add``);
* names of no unit become units to create, one per body: 市科技局 and 青岛市科学技术局 in one
  sheet are one new unit, named by its fullest form, with the others as its aliases;
* a new name only *similar* to an existing unit is a warning naming both ("possibly the same
  unit"): the user decides, nothing is merged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qdplanner.domain.unit_names import UnitResolver, name_key
from qdplanner.errors import N_
from qdplanner.excel.import_model import CellError, ImportPreview, NewRef

Where = Callable[[], tuple[str, str, int | None, str | None]]  # file, sheet, row, column


class UnitLookup:
    def __init__(self, resolver: UnitResolver, labels: dict[Any, str]):
        self.resolver = resolver
        self.labels = labels  # unit key → the name shown in messages
        self.to_create: dict[str, NewRef] = {}  # standard form → the unit to create
        self.forms: dict[NewRef, list[str]] = {}  # every written form of a unit to create
        self.aliases: dict[tuple[Any, str], str] = {}  # (unit id, name key) → written form
        self.similar: list[CellError] = []
        self._warned: set[str] = set()

    def resolve(self, text: str, where: Where) -> Any:
        """The unit ``text`` names: an id (or a key of the resolver), or a NewRef of a unit
        to create. Raises :class:`~qdplanner.domain.unit_names.AmbiguousUnit`."""
        text = text.strip()
        found = self.resolver.match(text)
        if found is not None:
            if found.how == "standard" and isinstance(found.unit.key, int):
                self.aliases.setdefault((found.unit.key, name_key(text)), text)
            return found.unit.key
        standard = self.resolver.forms.standard(text)
        ref = self.to_create.get(standard)
        if ref is None:
            ref = self.to_create[standard] = NewRef("units", text)
            self.forms[ref] = []
            self._warn_similar(text, where)
        if name_key(text) not in {name_key(f) for f in self.forms[ref]}:
            self.forms[ref].append(text)
        return ref

    def _warn_similar(self, text: str, where: Where) -> None:
        near = self.resolver.similar(text)
        if not near or name_key(text) in self._warned:
            return
        self._warned.add(name_key(text))
        file, sheet, row, column = where()
        self.similar.append(
            CellError(
                file,
                sheet,
                row,
                column,
                N_(
                    "Messages",
                    "“{name}” is not a unit of the plan, but is possibly the same unit as "
                    "{near}; if it is, write that name (or give the unit this name as an "
                    "alias) and import again, otherwise it is created as a new unit",
                ),
                {"name": text, "near": "、".join(u.name for u in near)},
            )
        )

    def label(self, key: Any) -> str:
        if isinstance(key, NewRef):
            return self.new_name(key)
        return self.labels.get(key, str(key))

    def new_name(self, ref: NewRef) -> str:
        """A unit to create is named by its fullest written form (the others are aliases)."""
        return max(self.forms.get(ref) or [ref.key], key=len)

    def fill(self, preview: ImportPreview) -> None:
        """Put what was found into ``preview``: units to create, aliases to add, warnings."""
        preview.units_to_create = [ref.key for ref in self.to_create.values()]
        preview.new_units = {
            ref.key: (self.new_name(ref), [f for f in forms if f != self.new_name(ref)])
            for ref, forms in self.forms.items()
        }
        preview.aliases_to_add = [
            (unit_id, text, self.labels.get(unit_id, str(unit_id)))
            for (unit_id, _), text in self.aliases.items()
        ]
        preview.warnings.extend(self.similar)
