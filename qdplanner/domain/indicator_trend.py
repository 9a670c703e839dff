"""Indicator trends and the full assessment: pace so far, pace needed, year reached.

The trend is linear (the same straight line the light uses), so it works for counts,
shares and ranks alike. Sentences are plain data in Chinese and English for the CLI and the
printed report; the window translates its own labels.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from qdplanner.domain.enums import Comparator, Direction, IndicatorLight
from qdplanner.domain.indicators import (
    DEFAULT_INDICATOR_RULES,
    EPSILON,
    IndicatorRules,
    actuals,
    indicator_light,
    known_at,
    meets_target,
    progress,
    value_time,
)
from qdplanner.domain.models import Indicator, IndicatorValue
from qdplanner.domain.vocabulary import symbol


def format_number(x: float) -> str:
    """A number as a table shows it: at most two decimals, no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".") if abs(x) >= 0.005 else "0"


def target_label(comparator: Comparator | str, target: float | None, unit: str = "") -> str:
    """A target as a table shows it: ``>10000家``, ``≈10个``, ``前10位``; ``—`` without one."""
    if target is None:
        return "—"
    if Comparator(comparator) == Comparator.TOP_N:
        return f"前{format_number(target)}位"
    return f"{symbol(Comparator(comparator))}{format_number(target)}{unit}"


TREND_HORIZON = 100  # years: a target the current pace does not reach within this is "never"
_TEXT = {  # key: (English, Chinese) — plain data for the CLI and the report
    "sep": ("; ", "；"),
    "no_actual": ("no actual values yet", "暂无实际值"),
    "no_target": ("no target", "无目标值"),
    "pace": ("{first}–{last}: {change} a year on average", "{first}—{last}年平均每年{change}"),
    "met": ("the target is met ({year})", "已达到目标（{year}年）"),
    "one_actual": ("one actual value only, no pace yet", "仅有一个实际值，尚无法计算速度"),
    "reached": ("at the {first}–{last} pace the target is reached in {year}",
                "按{first}—{last}年的速度，预计{year}年达到目标"),
    "late": ("at the {first}–{last} pace the target is reached in {year}, after {ty}",
             "按{first}—{last}年的速度，预计{year}年达到目标，晚于目标年{ty}年"),
    "never": ("at the {first}–{last} pace the target is not reached",
              "按{first}—{last}年的速度，无法达到目标"),
    "needed": ("it needs {change} a year to meet the target by {ty}",
               "需每年{change}才能在{ty}年达到目标"),
    "pass": ("it must move past {target} by {ty}", "需在{ty}年前超越{target}"),
    "passed": ("the target year {ty} has passed", "目标年{ty}年已过"),
}  # fmt: skip


@dataclass(frozen=True)
class Trend:
    """Where the actuals are heading, and what it takes to meet the target.

    ``pace`` is linear: (latest actual − first point) / the years between them, the first
    point being the baseline when it is older than every actual. Linear, not compound: it is
    the same straight line the light is judged against, and it works for shares, rates and
    ranks, which compound growth does not; for growing counts it is the cautious estimate.
    ``needed_pace`` is the change a year from the latest actual that meets the target in its
    target year (None when met, without a target, or when the target year has passed).
    ``reached_year``: the first whole year in which the latest actual moved on at ``pace``
    meets the target (the latest actual's year when it already does; None when the pace is
    unknown, zero or moving away, or later than :data:`TREND_HORIZON` years).
    """

    first_year: int | None = None
    last_year: int | None = None
    latest: float | None = None
    pace: float | None = None
    target: float | None = None
    target_year: int | None = None
    needed_pace: float | None = None
    reached_year: int | None = None
    met: bool = False
    unit: str = ""

    def _change(self, x: float, lang: str) -> str:
        if lang == "zh":
            return ("增加" if x >= 0 else "减少") + format_number(abs(x)) + self.unit
        unit = f" {self.unit}" if self.unit else ""
        return ("+" if x >= 0 else "−") + format_number(abs(x)) + unit

    def describe(self, lang: str = "zh") -> str:
        """One sentence, in Chinese (``zh``) or English (``en``), for the CLI and the report."""
        lang = "zh" if lang.startswith("zh") else "en"
        t = {k: v[lang == "zh"] for k, v in _TEXT.items()}
        span = {"first": self.first_year, "last": self.last_year}
        if self.latest is None:
            return t["no_actual"]
        if self.target is None and self.pace is None:
            return t["no_target"]
        if self.target is None:
            return t["pace"].format(change=self._change(self.pace, lang), **span)
        if self.met:
            return t["met"].format(year=self.last_year)
        ty, parts = self.target_year, []
        if self.pace is None:
            parts.append(t["one_actual"])
        elif self.reached_year is None:
            parts.append(t["never"].format(**span))
        elif ty is not None and self.reached_year > ty:
            parts.append(t["late"].format(year=self.reached_year, ty=ty, **span))
        else:
            parts.append(t["reached"].format(year=self.reached_year, **span))
        if self.needed_pace is not None and abs(self.needed_pace) > EPSILON:
            parts.append(t["needed"].format(change=self._change(self.needed_pace, lang), ty=ty))
        elif self.needed_pace is not None:
            parts.append(t["pass"].format(target=format_number(self.target) + self.unit, ty=ty))
        elif ty is not None:
            parts.append(t["passed"].format(ty=ty))
        return t["sep"].join(parts)


def trend(
    values: Sequence[IndicatorValue],
    target: float | None,
    target_year: int | None,
    direction: Direction | str = Direction.HIGHER,
    *,
    comparator: Comparator | str = Comparator.GE,
    baseline_year: int | None = None,
    baseline_value: float | None = None,
    unit: str = "",
    as_of_year: int | None = None,
    rules: IndicatorRules = DEFAULT_INDICATOR_RULES,
) -> Trend:
    """The :class:`Trend` of the actuals among ``values`` (already as-of filtered)."""
    acts = actuals(values)
    if not acts:
        return Trend(target=target, target_year=target_year, unit=unit)
    last = acts[-1]
    t_last, v_last = value_time(last), last.value
    first_t, first_year, first_v = value_time(acts[0]), acts[0].year, acts[0].value
    if baseline_year is not None and baseline_value is not None and baseline_year < first_t:
        first_t, first_year, first_v = float(baseline_year), baseline_year, baseline_value
    pace = (v_last - first_v) / (t_last - first_t) if first_t < t_last - EPSILON else None
    met = target is not None and meets_target(v_last, target, comparator, direction, rules=rules)
    needed = reached = None
    if target is not None and not met:
        if (
            target_year is not None
            and target_year > t_last + EPSILON
            and (as_of_year is None or as_of_year <= target_year)
        ):
            needed = (target - v_last) / (target_year - t_last)
        for year in range(math.floor(t_last) + 1, math.floor(t_last) + 1 + TREND_HORIZON):
            if not pace:
                break
            projected = v_last + pace * (year - t_last)
            crossed = (
                comparator == Comparator.ABOUT and (projected - target) * (v_last - target) <= 0
            )
            if crossed or meets_target(projected, target, comparator, direction, rules=rules):
                reached = year
                break
    return Trend(
        first_year=first_year if pace is not None else None,
        last_year=last.year,
        latest=v_last,
        pace=pace,
        target=target,
        target_year=target_year,
        needed_pace=needed,
        reached_year=last.year if met else reached,
        met=met,
        unit=unit,
    )


@dataclass(frozen=True)
class Assessment:
    """Everything derived about one indicator at an as-of date."""

    latest: IndicatorValue | None
    progress: float | None
    light: IndicatorLight
    trend: Trend


def assess(
    ind: Indicator,
    values: Iterable[IndicatorValue],
    as_of: date,
    rules: IndicatorRules = DEFAULT_INDICATOR_RULES,
) -> Assessment:
    """Latest actual, progress, light and trend of ``ind`` at ``as_of``.

    Values not yet known at ``as_of`` (source date, else period end, after it) are ignored;
    the as-of year is ``as_of.year``.
    """
    known = known_at(values, as_of)
    acts = actuals(known)
    latest = acts[-1] if acts else None
    return Assessment(
        latest=latest,
        progress=progress(
            ind.baseline_value, ind.target_value, latest and latest.value, ind.direction
        ),
        light=indicator_light(ind, known, as_of.year, rules),
        trend=trend(
            known,
            ind.target_value,
            ind.target_year,
            ind.direction,
            comparator=ind.comparator,
            baseline_year=ind.baseline_year,
            baseline_value=ind.baseline_value,
            unit=ind.measure_unit,
            as_of_year=as_of.year,
            rules=rules,
        ),
    )
