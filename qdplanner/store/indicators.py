"""Reading indicators with their values and lights; writing one yearly value.

Two queries whatever the number of indicators (one for the indicators with their plan
document, program, project and goal names, one for all their values; a third reads the
plan's rules when the caller passes none); the judging is
:func:`qdplanner.domain.indicators.assess`, the same rule the window and the report use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from qdplanner.domain.enums import (
    Accumulation,
    Comparator,
    Direction,
    IndicatorLight,
    IndicatorNature,
    ValueKind,
)
from qdplanner.domain.indicator_trend import Trend, assess
from qdplanner.domain.indicators import IndicatorRules, known_at, time_point
from qdplanner.domain.limits import check_values, check_year
from qdplanner.domain.models import Indicator, IndicatorValue
from qdplanner.domain.periods import period_in_year
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore

INDICATOR_RULES_KEY = "indicator_rules"

_INDICATORS_SQL = """
SELECT i.id, i.plan_document_id, i.program_id, i.project_id, i.goal_id, i.code, i.name,
       i.measure_unit, i.direction, i.comparator, i.baseline_year, i.baseline_value,
       i.baseline_text, i.target_year, i.target_value, i.target_text, i.nature, i.accumulation,
       i.notes, i.position,
       d.title AS _document, COALESCE(p.name, '') AS _program, COALESCE(j.name, '') AS _project,
       COALESCE(g.name, '') AS _goal
FROM indicators i
JOIN plan_documents d ON d.id = i.plan_document_id
LEFT JOIN programs p ON p.id = i.program_id
LEFT JOIN projects j ON j.id = i.project_id
LEFT JOIN goals g ON g.id = i.goal_id
{where}
ORDER BY d.position, d.id, i.position, i.id
"""
# The free-text source wins; else the title of the linked source record.
_VALUES_SQL = """
SELECT v.id, v.indicator_id, v.year, v.value, v.kind, v.period, v.source_id,
       COALESCE(NULLIF(v.source, ''), s.title, '') AS source, v.source_date, v.notes
FROM indicator_values v
JOIN indicators i ON i.id = v.indicator_id
LEFT JOIN sources s ON s.id = v.source_id
{where}
ORDER BY v.indicator_id, v.year, v.period, v.kind
"""


@dataclass(slots=True)
class IndicatorRow:
    """An indicator as the table, the JSON and the report show it, judged at an as-of date.

    ``values`` are the target values and the actuals known at the as-of date, oldest first;
    ``latest`` is the latest of those actuals (a whole-year value beats a part-year one of
    the same year: it ends later). ``progress`` is 0 at the baseline and 1 at the target
    (more when exceeded; None when unknown).
    """

    indicator: Indicator
    plan_document_title: str
    program_name: str
    project_name: str
    goal_name: str
    values: list[IndicatorValue]
    latest: IndicatorValue | None
    progress: float | None
    light: IndicatorLight
    trend: Trend

    @property
    def latest_value(self) -> float | None:
        return self.latest.value if self.latest else None

    @property
    def latest_year(self) -> int | None:
        return self.latest.year if self.latest else None

    @property
    def latest_source(self) -> str:
        return self.latest.source if self.latest else ""


def indicator_rules(store: PlanStore) -> IndicatorRules:
    """The plan's indicator-light thresholds (the defaults when the plan sets none)."""
    return IndicatorRules.from_dict(store.setting(INDICATOR_RULES_KEY))


def set_indicator_rules(store: PlanStore, changes: ChangeSet, rules: IndicatorRules) -> None:
    store.set_setting(changes, INDICATOR_RULES_KEY, rules.to_dict())


def _date(text: str | None) -> date | None:
    # An unreadable date an import let through reads as none: the value counts from its period end.
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _indicator(r: dict[str, Any]) -> Indicator:
    return Indicator(
        **{
            **r,
            "direction": Direction(r["direction"]),
            "comparator": Comparator(r["comparator"]),
            "nature": IndicatorNature(r["nature"]),
            "accumulation": Accumulation(r["accumulation"]),
        }
    )


def _value(r: dict[str, Any]) -> IndicatorValue:
    return IndicatorValue(
        **{**r, "kind": ValueKind(r["kind"]), "source_date": _date(r["source_date"])}
    )


def read_indicators(
    store: PlanStore,
    plan_document_id: int | None = None,
    as_of: date | None = None,
    rules: IndicatorRules | None = None,
) -> list[IndicatorRow]:
    """Indicators of one plan document (or all), in plan order, judged at ``as_of`` (today).

    Values not yet known at ``as_of`` (source date, else the end of their period, after it)
    are left out of ``values`` and of the judging; the rules are the plan's unless given.
    """
    as_of = as_of or date.today()
    rules = rules or indicator_rules(store)
    where, params = "", []
    if plan_document_id is not None:
        where, params = "WHERE i.plan_document_id = ?", [plan_document_id]
    values: dict[int, list[IndicatorValue]] = {}
    for r in store.db.query(_VALUES_SQL.format(where=where), params):
        values.setdefault(r["indicator_id"], []).append(_value(r))
    rows = []
    for r in store.db.query(_INDICATORS_SQL.format(where=where), params):
        names = [r.pop(k) for k in ("_document", "_program", "_project", "_goal")]
        ind = _indicator(r)
        own = values.get(ind.id, [])
        a = assess(ind, own, as_of, rules)
        known = sorted(known_at(own, as_of), key=lambda v: (time_point(v.year, v.period), v.kind))
        rows.append(IndicatorRow(ind, *names, known, a.latest, a.progress, a.light, a.trend))
    return rows


def read_indicator_values(store: PlanStore, indicator_id: int) -> list[IndicatorValue]:
    """Every value of one indicator, actual and target, whatever its date (for the value grid)."""
    where = "WHERE v.indicator_id = ?"
    return [_value(r) for r in store.db.query(_VALUES_SQL.format(where=where), [indicator_id])]


def find_indicator(store: PlanStore, key: str) -> tuple[int, str]:
    """``(id, name)`` of the one indicator whose code, id or exact name is ``key``."""
    found = store.db.execute(
        "SELECT id, name FROM indicators WHERE code = ? OR name = ? OR CAST(id AS TEXT) = ?",
        [key.strip()] * 3,
    ).fetchall()
    if not found:
        raise NotFoundError(f"{store.path}: no indicator has the code, id or name {key!r}")
    if len(found) > 1:
        names = "、".join(name for _, name in found)
        raise ValidationError(f"{store.path}: {key!r} names several indicators ({names})")
    return found[0]


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"{what}: the value must be a number (got {value!r})", field="value")
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        try:
            value = float(text)
        except ValueError:
            raise ValidationError(
                f"{what}: the value must be a number (got {value!r})", field="value"
            ) from None
    if not isinstance(value, int | float):
        raise ValidationError(f"{what}: the value must be a number (got {value!r})", field="value")
    check_values({"value": value}, what)  # finite, and not too large
    return float(value)


def _check_value(ind: dict[str, Any], number: float, what: str) -> None:
    if ind["comparator"] == Comparator.SHARE_GE and not 0 <= number <= 100:
        raise ValidationError(f"{what}: a share must be 0–100 % (got {number:g})", field="value")
    if ind["comparator"] == Comparator.TOP_N and number < 1:
        raise ValidationError(f"{what}: a rank must be 1 or more (got {number:g})", field="value")


def set_indicator_value(
    store: PlanStore,
    changes: ChangeSet,
    indicator_id: int,
    year: int,
    value: float | int | str,
    period: str = "",
    kind: ValueKind | str = ValueKind.ACTUAL,
    source: str = "",
    source_date: date | str | None = None,
    notes: str = "",
) -> int:
    """Insert or update one value of an indicator (the key is year, period and kind); its id.

    Goes through ``changes``, so the old and new values are in the change log. Refused with
    a :class:`ValidationError` naming the indicator and the year: a year, value, source date
    or text outside the limits of :mod:`qdplanner.domain.limits` (years 1900–2100; a finite
    number of at most 10**15 either side of zero — text such as ``"8,683"`` is read), a share
    outside 0–100 or a rank below 1, an unreadable period or one of another year, an unknown
    kind, a source date that is not a date. A ``source`` equal to the title of a source
    record links that record too.
    """
    rows = list(
        store.db.query("SELECT name, comparator FROM indicators WHERE id = ?", [indicator_id])
    )
    if not rows:
        raise NotFoundError(N_("Messages", "indicator #{id} does not exist"), id=indicator_id)
    ind = rows[0]
    what = f"indicator “{ind['name']}”, {year}"
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValidationError(f"{what}: the year must be a whole number", field="year")
    try:
        check_year(year, "year")
    except ValidationError as problem:
        raise ValidationError(
            N_("Messages", "{what}: {problem}"), field="year", what=what, problem=problem
        ) from None
    number = _number(value, what)
    _check_value(ind, number, what)
    period = period.strip().upper()
    try:
        written = period_in_year(period, year)
    except ValidationError as problem:
        raise ValidationError(
            N_("Messages", "{what}: {problem}"), field="period", what=what, problem=problem
        ) from None
    if written.start.year != year:
        raise ValidationError(f"{what}: period {period} is of another year", field="period")
    if written.code == str(year):  # the whole year, however written, is stored as ""
        period = ""
    elif not period.isascii():  # 2025年第三季度 is stored as 2025Q3
        period = written.code
    try:
        kind = ValueKind(kind)
    except ValueError:
        raise ValidationError(f"{what}: kind must be actual or target", field="kind") from None
    if isinstance(source_date, str):
        try:
            source_date = date.fromisoformat(source_date.strip()) if source_date.strip() else None
        except ValueError:
            raise ValidationError(
                f"{what}: source date {source_date!r} is not a date (YYYY-MM-DD)",
                field="source_date",
            ) from None
    check_values({"source": source, "source_date": source_date, "notes": notes}, what)
    linked = store.db.execute("SELECT id FROM sources WHERE title = ?", [source]).fetchone()
    record = {
        "value": number,
        "source": source,
        "source_id": linked[0] if linked and source else None,
        "source_date": source_date,
        "notes": notes,
    }
    key = [indicator_id, year, period, kind.value]
    existing = store.db.execute(
        "SELECT id FROM indicator_values WHERE indicator_id = ? AND year = ? AND period = ?"
        " AND kind = ?",
        key,
    ).fetchone()
    if existing:
        changes.update("indicator_values", existing[0], record)
        return existing[0]
    return changes.insert(
        "indicator_values",
        {"indicator_id": indicator_id, "year": year, "period": period, "kind": kind, **record},
    )


def delete_indicator_value(
    store: PlanStore,
    changes: ChangeSet,
    indicator_id: int,
    year: int,
    period: str = "",
    kind: ValueKind | str = ValueKind.ACTUAL,
) -> bool:
    """Remove one value (logged whole); False when there was none."""
    row = store.db.execute(
        "SELECT id FROM indicator_values WHERE indicator_id = ? AND year = ? AND period = ?"
        " AND kind = ?",
        [indicator_id, year, period.strip().upper(), str(ValueKind(kind))],
    ).fetchone()
    if row:
        changes.delete("indicator_values", row[0])
    return bool(row)
