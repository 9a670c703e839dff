"""Indicators (指标): is a target met, how far along is it, its light and its trend.

The rules exist once, here; the store, the CLI, the window and the printed report call them.

Time. A whole-year value of year Y stands at the end of Y (coordinate ``Y``); a part-year
value at the end of its period: ``2025H1`` → ``2024.5``, ``2025Q3`` → ``2024.75``,
``2025-09`` → ``2024.75``. So a whole-year value beats a part-year one of the same year as
"the latest". Baseline and target years are whole years. A value is known from its source
date, else from the end of its period; values not yet known at the as-of date are ignored.

The light (:func:`indicator_light`), first match wins:

1. no target value, or no actual value                            → NO_DATA
2. the latest actual meets the target (:func:`meets_target`; an "about N" target that
   is higher-is-better counts as met when exceeded: 超额完成)       → ACHIEVED
3. the target year has passed (as-of year after it, or the latest
   actual is of the target year itself) and the target is unmet   → OFF_TRACK
4. annual (a yearly rate), no target year, or "about" overshot:
   shortfall = gap to the target / |target|;
   more than ``off_track_gap`` → OFF_TRACK, else                  → BEHIND
5. the latest actual is at or beyond the target value itself but
   misses a strict comparator (300 vs "more than 300")            → ON_TRACK
6. the straight line from the start (baseline year and value; else the earliest
   earlier actual) through any yearly target values to the target: the expected
   value at the latest actual's time. No start point → NO_BASELINE (无基期: the path
   cannot be drawn — record the baseline, or an earlier actual).
   gap = shortfall behind the line / |target − start| (or |target|, or 1, when that is 0);
   gap ≤ 0 → ON_TRACK; gap > ``off_track_gap`` → OFF_TRACK; else BEHIND.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from functools import lru_cache
from itertools import pairwise

from qdplanner.domain.enums import Accumulation, Comparator, Direction, IndicatorLight, ValueKind
from qdplanner.domain.models import Indicator, IndicatorValue
from qdplanner.domain.periods import period_in_year
from qdplanner.errors import ValidationError

EPSILON = 1e-9  # floating tolerance of "equal"


@dataclass(frozen=True)
class IndicatorRules:
    """Thresholds of the indicator light, a setting of each plan.

    ``off_track_gap``: an indicator behind its straight-line path by more than this share of
    the baseline→target distance (an annual one: short of its target by more than this share
    of the target) is off track; behind by this share or less, it is behind.
    ``about_tolerance``: the relative tolerance of 约/左右: "about 10" with 0.1 is met by any
    value from 9 to 11 inclusive, not by 8.9 or 11.1.
    """

    off_track_gap: float = 0.25
    about_tolerance: float = 0.1

    def __post_init__(self) -> None:
        if not self.off_track_gap >= 0:
            raise ValueError(f"the off-track gap must be zero or more (got {self.off_track_gap})")
        if not 0 <= self.about_tolerance < 1:
            raise ValueError(f"the 'about' tolerance must be 0 to <1 (got {self.about_tolerance})")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> IndicatorRules:
        """Build rules from stored settings, ignoring unknown keys (files from newer versions)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


DEFAULT_INDICATOR_RULES = IndicatorRules()


def meets_target(
    value: float,
    target: float,
    comparator: Comparator | str,
    direction: Direction | str = Direction.HIGHER,
    *,
    rules: IndicatorRules = DEFAULT_INDICATOR_RULES,
) -> bool:
    """Whether ``value`` meets ``target``: comparators mean what they say.

    ``gt`` (超过) is not met by the target itself; ``ge``/``share_ge`` are; ``eq`` only within
    1e-9; ``about`` within ``rules.about_tolerance`` of the target, ends included, or beyond
    it in the better ``direction`` (exceeded: "about 10" parks is met by 12); ``top_n``
    by a rank of N or better (lower). Apart from ``about``, ``direction`` never changes a
    comparator's meaning (≥ is ≥ for a rank too).
    """
    c = Comparator(comparator)
    if c in (Comparator.GE, Comparator.SHARE_GE):
        return value >= target - EPSILON
    if c == Comparator.GT:
        return value > target + EPSILON
    if c in (Comparator.LE, Comparator.TOP_N):
        return value <= target + EPSILON
    if c == Comparator.LT:
        return value < target - EPSILON
    if c == Comparator.ABOUT:
        within = abs(value - target) <= rules.about_tolerance * abs(target) + EPSILON
        exceeded = (value - target) * _better(direction) > 0  # "about 10" parks, 12 built
        return within or exceeded
    return abs(value - target) <= EPSILON  # EQ


def _better(direction: Direction | str) -> int:
    return -1 if Direction(direction) == Direction.LOWER else 1


def progress(
    baseline: float | None,
    target: float | None,
    latest: float | None,
    direction: Direction | str = Direction.HIGHER,
) -> float | None:
    """Share of the way from ``baseline`` to ``target`` that ``latest`` has come.

    0 at the baseline (never below: worse than the baseline is 0), 1 at the target, above 1
    when exceeded. Without a baseline: ``latest/target`` when higher is better, ``target/latest``
    when lower is better (rank 20 toward top 10 → 0.5). A baseline equal to the target gives
    1 when ``latest`` is at or beyond it, else 0. None when target or latest is None, or when
    there is no baseline and the divisor is not positive.
    """
    if target is None or latest is None:
        return None
    if baseline is None:
        num, den = (latest, target) if _better(direction) > 0 else (target, latest)
        return max(0.0, num / den) if den > 0 else None
    if abs(target - baseline) <= EPSILON:
        return 1.0 if (latest - target) * _better(direction) >= -EPSILON else 0.0
    return max(0.0, (latest - baseline) / (target - baseline))


@lru_cache(maxsize=4096)
def _end_month(year: int, period: str) -> int:
    # Judging never fails on a period an import let through: unreadable counts as whole-year.
    if not period.strip():
        return 12
    try:
        return period_in_year(period, year).end.month
    except ValidationError:
        return 12


def period_end(year: int, period: str = "") -> date:
    """The last day of a value's period (31 December for a whole year or an unreadable period)."""
    month = _end_month(year, period)
    return date(year, month, calendar.monthrange(year, month)[1])


def time_point(year: int, period: str = "") -> float:
    """The coordinate of a value on the time axis (see the module docstring)."""
    return year - 1 + _end_month(year, period) / 12


def value_time(v: IndicatorValue) -> float:
    return time_point(v.year, v.period)


def known_at(values: Iterable[IndicatorValue], as_of: date) -> list[IndicatorValue]:
    """Target values, and the actuals known at ``as_of`` (source date, else period end)."""
    return [
        v
        for v in values
        if v.kind == ValueKind.TARGET or (v.source_date or period_end(v.year, v.period)) <= as_of
    ]


def actuals(values: Iterable[IndicatorValue]) -> list[IndicatorValue]:
    """Actual values with a number, oldest first (whole year after part-year of that year)."""
    return sorted(
        (v for v in values if v.kind == ValueKind.ACTUAL and v.value is not None), key=value_time
    )


def expected_value(ind: Indicator, values: Sequence[IndicatorValue], at: float) -> float | None:
    """The value the straight-line path expects at time ``at`` (see the module docstring).

    The path runs from the start point through the yearly target values (kind ``target``)
    to the target; it is flat before its start and after its end. None without a target
    year and value or without a start point.
    """
    if ind.target_value is None or ind.target_year is None:
        return None
    start = _start_point(ind, actuals(values))
    if start is None:
        return None
    path = [start]
    for v in sorted(values, key=value_time):
        if (
            v.kind == ValueKind.TARGET
            and v.value is not None
            and start[0] < value_time(v) < ind.target_year
        ):
            path.append((value_time(v), v.value))
    path.append((float(max(ind.target_year, start[0])), ind.target_value))
    if at <= path[0][0]:
        return path[0][1]
    for (t0, v0), (t1, v1) in pairwise(path):
        if at <= t1:
            return v1 if t1 == t0 else v0 + (v1 - v0) * (at - t0) / (t1 - t0)
    return path[-1][1]


def _start_point(ind: Indicator, acts: list[IndicatorValue]) -> tuple[float, float] | None:
    """The baseline; else the earliest actual, when an actual later than it exists."""
    if ind.baseline_year is not None and ind.baseline_value is not None:
        return float(ind.baseline_year), ind.baseline_value
    if len(acts) >= 2 and value_time(acts[0]) < value_time(acts[-1]):
        return value_time(acts[0]), acts[0].value
    return None


def _shortfall_light(short: float, scale: float, rules: IndicatorRules) -> IndicatorLight:
    gap = short / scale if scale > EPSILON else math.inf
    return (
        IndicatorLight.OFF_TRACK if gap > rules.off_track_gap + EPSILON else IndicatorLight.BEHIND
    )


def indicator_light(
    ind: Indicator,
    values: Sequence[IndicatorValue],
    as_of_year: int,
    rules: IndicatorRules = DEFAULT_INDICATOR_RULES,
) -> IndicatorLight:
    """The light of one indicator from its (already as-of filtered) values; module docstring."""
    acts, target = actuals(values), ind.target_value
    if target is None or not acts:
        return IndicatorLight.NO_DATA
    latest = acts[-1]
    value, at, better = latest.value, value_time(latest), _better(ind.direction)
    if meets_target(value, target, ind.comparator, ind.direction, rules=rules):
        return IndicatorLight.ACHIEVED
    if ind.target_year is not None and (as_of_year > ind.target_year or at >= ind.target_year):
        return IndicatorLight.OFF_TRACK
    beyond = (value - target) * better >= -EPSILON
    if (
        ind.accumulation == Accumulation.ANNUAL
        or ind.target_year is None
        or (beyond and ind.comparator == Comparator.ABOUT)
    ):
        short = abs(value - target) - rules.about_tolerance * abs(target) * (
            ind.comparator == Comparator.ABOUT
        )
        return _shortfall_light(short, abs(target), rules)
    if beyond:
        return IndicatorLight.ON_TRACK
    expected = expected_value(ind, values, at)
    if expected is None:
        return IndicatorLight.NO_BASELINE
    start = _start_point(ind, acts)[1]
    short = (expected - value) * better
    if short <= EPSILON:
        return IndicatorLight.ON_TRACK
    return _shortfall_light(short, abs(target - start) or abs(target) or 1.0, rules)
