"""Are two plans the same? Table by table: the schema, every row, the ids given.

:func:`compare_plans` reads two plans — files or server addresses, in any mix — through
:mod:`plan_sources` and names where they differ, first differences first: the schema version
(``_sqlite_migrations``), each table's schema (:func:`schema_catalogue.schema_differences`:
columns, keys, references, checks, indexes), then the rows of every table, streamed side by
side in primary-key order (a row only one side has; a value that differs, by column), and
the highest id each table has given. Values are compared as Python reads them from either
engine: integers, floats, text, bytes (an evidence file's BLOB or ``bytea``), None.

Used by ``qdplanner copy --verify`` and by the round-trip test file → server → file. Each
difference is a :class:`PlanDifference` (an error template with fields, shown in the
user's language); an empty list means the same plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qdplanner.errors import N_, QdError
from qdplanner.store.plan_sources import PlanSource, open_source
from qdplanner.store.schema_catalogue import Table, schema_differences

PER_TABLE = 3  # differences named per table before going on to the next


class PlanDifference(QdError):
    """One way two plans differ; ``first`` and ``second`` name the plans."""


def _value(value: object) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} bytes>"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _only(a: object, b: object) -> tuple[str, str]:
    """What of a schema part only one side has (all of it when it is not a collection)."""
    if isinstance(a, tuple | frozenset) and isinstance(b, tuple | frozenset):
        left = [x for x in a if x not in b] or list(a)
        right = [x for x in b if x not in a] or list(b)
        return "; ".join(map(str, left)), "; ".join(map(str, right))
    return str(a), str(b)


def _rows(source: PlanSource, table: Table, columns: list[str]) -> Iterator[tuple]:
    for batch in source.rows(table, columns):
        yield from batch


def _key_of(table: Table, columns: list[str]) -> list[int]:
    key = table.primary_key or tuple(columns)
    return [columns.index(k) for k in key]


class _Comparison:
    def __init__(self, first: PlanSource, second: PlanSource, limit: int):
        self.first, self.second, self.limit = first, second, limit
        self.found: list[PlanDifference] = []

    @property
    def full(self) -> bool:
        return len(self.found) >= self.limit

    def add(self, template: str, **fields: object) -> None:
        if not self.full:
            self.found.append(
                PlanDifference(
                    template, first=self.first.address, second=self.second.address, **fields
                )
            )

    def schema(self) -> list[str]:
        """Compare versions and schemas; the tables both have with the same columns."""
        a, b = self.first.applied(), self.second.applied()
        if a != b:
            self.add(
                N_("Messages", "schema version: {a} in {first}, {b} in {second}"),
                a=", ".join(a) or "—",
                b=", ".join(b) or "—",
            )
        ta, tb = self.first.tables(), self.second.tables()
        for table, part, x, y in schema_differences(ta, tb):
            if part == "table":
                self.add(
                    N_("Messages", "{table}: a table only in {plan}"),
                    table=table,
                    plan=self.first.address if x else self.second.address,
                )
            else:
                shown_a, shown_b = _only(x, y)
                self.add(
                    N_("Messages", "{table}: the {part} differ: {a} in {first}, {b} in {second}"),
                    table=table,
                    part=part.replace("_", " "),
                    a=shown_a,
                    b=shown_b,
                )
        return [
            name
            for name in sorted(set(ta) & set(tb))
            if [c.name for c in ta[name].columns] == [c.name for c in tb[name].columns]
        ]

    def rows(self, name: str) -> None:
        ta, tb = self.first.tables()[name], self.second.tables()[name]
        columns = [c.name for c in ta.columns]
        key = _key_of(ta, columns)
        left, right = _rows(self.first, ta, columns), _rows(self.second, tb, columns)
        a, b = next(left, None), next(right, None)
        counts = [0, 0]
        told = 0
        while a is not None or b is not None:
            ka = tuple(a[i] for i in key) if a is not None else None
            kb = tuple(b[i] for i in key) if b is not None else None
            if kb is None or (ka is not None and ka < kb):
                told += self._only_in(name, ka, self.first, told)
                counts[0] += 1
                a = next(left, None)
            elif ka is None or kb < ka:
                told += self._only_in(name, kb, self.second, told)
                counts[1] += 1
                b = next(right, None)
            else:
                if a != b and told < PER_TABLE and not self._upgrade_time(name, a, b, columns):
                    column = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
                    self.add(
                        N_(
                            "Messages",
                            "{table}: row {key}: {column} is {a} in {first}, {b} in {second}",
                        ),
                        table=name,
                        key=_key_text(ka),
                        column=columns[column],
                        a=_value(a[column]),
                        b=_value(b[column]),
                    )
                    told += 1
                counts[0] += 1
                counts[1] += 1
                a, b = next(left, None), next(right, None)

    def _upgrade_time(self, name: str, a: tuple, b: tuple, columns: list[str]) -> bool:
        """Whether ``a`` and ``b`` differ only in when a migration was applied that one side
        applied just now, reading an older file (its time is the time of reading)."""
        if name != "_sqlite_migrations":
            return False
        upgraded = set(self.first.upgraded) | set(self.second.upgraded)
        row = dict(zip(columns, a, strict=True))
        other = dict(zip(columns, b, strict=True))
        row.pop("applied_at", None), other.pop("applied_at", None)
        return row == other and row.get("name") in upgraded

    def _only_in(self, name: str, key: tuple | None, plan: PlanSource, told: int) -> int:
        if told >= PER_TABLE:
            return 0
        self.add(
            N_("Messages", "{table}: row {key} only in {plan}"),
            table=name,
            key=_key_text(key),
            plan=plan.address,
        )
        return 1

    def ids(self) -> None:
        a, b = self.first.ids_given(), self.second.ids_given()
        for name in sorted(set(a) & set(b)):
            if a[name] != b[name]:
                self.add(
                    N_(
                        "Messages",
                        "{table}: ids given up to {a} in {first}, up to {b} in {second}",
                    ),
                    table=name,
                    a=a[name],
                    b=b[name],
                )


def _key_text(key: tuple | None) -> str:
    if key is None:
        return "?"
    return ", ".join(map(str, key)) if len(key) > 1 else str(key[0])


def compare_sources(first: PlanSource, second: PlanSource, limit: int = 20) -> list[PlanDifference]:
    """Where the two plans being read differ (at most ``limit``); [] when they are the same."""
    comparison = _Comparison(first, second, limit)
    for name in comparison.schema():
        if comparison.full:
            break
        comparison.rows(name)
    if not comparison.full:
        comparison.ids()
    return comparison.found


def compare_plans(first: str | Path, second: str | Path, limit: int = 20) -> list[PlanDifference]:
    """Where the plans at ``first`` and ``second`` (paths or server addresses) differ."""
    with open_source(first) as a, open_source(second) as b:
        return compare_sources(a, b, limit)
