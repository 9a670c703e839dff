"""The sentences that explain an indicator's judgement where it is shown: the rule of an
"about N" target (约/左右) met by an overshoot, for the window's tooltips, the command line and
the printed summary. The rule itself is :func:`qdplanner.domain.indicators.meets_target`'s."""

from __future__ import annotations

from qdplanner.catalogue import translated
from qdplanner.domain.enums import Comparator, Direction, IndicatorLight
from qdplanner.domain.indicator_trend import format_number
from qdplanner.domain.indicators import IndicatorRules
from qdplanner.domain.models import Indicator
from qdplanner.errors import N_

_ABOUT_HIGHER = N_(
    "Report",
    "“About {target}” is met within ±{tolerance} of it ({low} to {high}), and by any value "
    "above it: an overshoot counts as met, never as behind.",
)
_ABOUT_LOWER = N_(
    "Report",
    "“About {target}” is met within ±{tolerance} of it ({low} to {high}), and by any value "
    "below it: an overshoot counts as met, never as behind.",
)
ABOUT_RULE_NOTE = N_(
    "Report",
    "“About” (约/左右) targets are met within the plan's tolerance of the target, or when "
    "exceeded in the better direction: an overshoot counts as met, never as behind.",
)


def is_about(ind: Indicator) -> bool:
    return ind.comparator == Comparator.ABOUT and ind.target_value is not None


def about_rule(ind: Indicator, rules: IndicatorRules, lang: str) -> str:
    """The rule an "about N" target is judged by, with its numbers; "" for other targets."""
    if not is_about(ind):
        return ""
    target, tol = ind.target_value, rules.about_tolerance
    span = tol * abs(target)
    unit = ind.measure_unit
    text = _ABOUT_LOWER if ind.direction == Direction.LOWER else _ABOUT_HIGHER
    return translated(
        "zh" if lang.startswith("zh") else "en",
        "Report",
        text,
        target=f"{format_number(target)}{unit}",
        tolerance=f"{tol:.0%}",
        low=f"{format_number(target - span)}{unit}",
        high=f"{format_number(target + span)}{unit}",
    )


def about_met(ind: Indicator, light: IndicatorLight | str) -> bool:
    """Whether an "about" target is shown as met (where the rule is worth saying)."""
    return is_about(ind) and light == IndicatorLight.ACHIEVED
