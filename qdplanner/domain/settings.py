"""The plan's settings an office may change: one table, read by the window and the command line.

Each :class:`Setting` names its key (``light.yellow_behind``), its kind, its default, its
bounds, and its English label and help (marked ``N_("PlanSettings", …)``, translated where
shown). The window's Plan → Settings… dialog builds its rows from :data:`SETTINGS`; the
``qdplanner settings PLAN [KEY [VALUE]]`` command lists, reads and sets the same keys and
reads a typed value with :func:`parse_value`. Every value, however it arrived, passes
:func:`check_settings` before it is stored: a refusal names the key and the allowed range.

Values here are in the user's units (points, days, percent, MB); how a plan file stores
them — the light rules and indicator rules as one record each, the evidence limit in bytes —
is the store's business (:mod:`qdplanner.store.plan_settings`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from qdplanner.domain.cover_date import parse_cover_date
from qdplanner.domain.indicators import IndicatorRules
from qdplanner.domain.limits import CONTROL_CHARACTERS, shown
from qdplanner.domain.status_light import LightRules
from qdplanner.errors import N_, ValidationError

CONTEXT = "PlanSettings"  # the translation context of the labels, helps and words below


class SettingKind(StrEnum):
    NUMBER = "number"  # a decimal number (one decimal shown)
    WHOLE = "whole"  # a whole number
    DAYS_OR_OFF = "days_or_off"  # a whole number of days, or off (None)
    YES_NO = "yes_no"
    TEXT = "text"
    MONTH_OR_DAY = "month_or_day"  # a month or a day (qdplanner.domain.cover_date), or empty


@dataclass(frozen=True)
class Setting:
    """One setting of a plan: what it is called, what it holds, and what it may hold."""

    key: str
    kind: SettingKind
    default: Any
    label: str  # N_("PlanSettings", …): the dialog's row, the listing's description
    help: str  # N_("PlanSettings", …): a sentence on what it does
    group: str  # N_("PlanSettings", …): the dialog's box it sits in
    low: float | None = None
    high: float | None = None
    unit: str = ""  # N_("PlanSettings", …): points, days, %, MB

    def bounds(self) -> str:
        """The allowed range as a message shows it: ``0 to 100``."""
        return f"{_number(self.low)}–{_number(self.high)}"


TASK_LIGHTS = N_("PlanSettings", "Task lights")
INDICATOR_LIGHTS = N_("PlanSettings", "Indicator lights")
SUMMARY = N_("PlanSettings", "Progress summary")
EVIDENCE = N_("PlanSettings", "Evidence files")
MAX_OFFICE = 200  # characters of the office named on the summary's cover
# The largest evidence file a plan takes unless it says otherwise: plans travel by e-mail and
# on USB sticks (the one default: qdplanner.store.progress keeps the limit in bytes from it).
DEFAULT_EVIDENCE_MB = 10

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "light.yellow_behind",
        SettingKind.NUMBER,
        10.0,
        N_("PlanSettings", "Yellow when behind by"),
        N_(
            "PlanSettings",
            "A task whose percent complete lags the share of its start→due span already "
            "elapsed by this many points or more is yellow (at risk).",
        ),
        TASK_LIGHTS,
        0,
        100,
        N_("PlanSettings", "points"),
    ),
    Setting(
        "light.red_behind",
        SettingKind.NUMBER,
        30.0,
        N_("PlanSettings", "Red when behind by"),
        N_(
            "PlanSettings",
            "A task lagging by this many points or more is red, as an overdue task is. "
            "At least the yellow threshold.",
        ),
        TASK_LIGHTS,
        0,
        100,
        N_("PlanSettings", "points"),
    ),
    Setting(
        "light.blue_days",
        SettingKind.DAYS_OR_OFF,
        None,
        N_("PlanSettings", "Blue when due within"),
        N_(
            "PlanSettings",
            "A task on track whose due date is this many days away or fewer is blue (due "
            "soon). Off: no blue light.",
        ),
        TASK_LIGHTS,
        0,
        366,
        N_("PlanSettings", "days"),
    ),
    Setting(
        "light.sticky_yellow",
        SettingKind.YES_NO,
        False,
        N_("PlanSettings", "Keep a late recovery yellow"),
        N_(
            "PlanSettings",
            "A task that was behind (yellow or red) at the end of an earlier reporting "
            "period, by its progress report, stays yellow after catching up, until it is done.",
        ),
        TASK_LIGHTS,
    ),
    Setting(
        "indicator.off_track_gap",
        SettingKind.NUMBER,
        25.0,
        N_("PlanSettings", "Off track when behind by more than"),
        N_(
            "PlanSettings",
            "An indicator behind the straight line from baseline to target by more than this "
            "share of the distance (an annual one: short of its target by more than this "
            "share) is off track; behind by less, it is behind.",
        ),
        INDICATOR_LIGHTS,
        0,
        100,
        "%",
    ),
    Setting(
        "report.office",
        SettingKind.TEXT,
        "",
        N_("PlanSettings", "Issuing office"),
        N_(
            "PlanSettings",
            "The office named on the cover of the progress summary. Empty: the issuer of "
            "the plan document.",
        ),
        SUMMARY,
        0,
        MAX_OFFICE,
    ),
    Setting(
        "report.cover_date",
        SettingKind.MONTH_OR_DAY,
        "",
        N_("PlanSettings", "Date on the cover"),
        N_(
            "PlanSettings",
            "The date on the cover of the progress summary: a month (2026-01, printed "
            "2026年1月) or a day (2026-01-15). Empty: the month the summary is printed.",
        ),
        SUMMARY,
        0,
        20,
    ),
    Setting(
        "evidence.max_mb",
        SettingKind.WHOLE,
        DEFAULT_EVIDENCE_MB,
        N_("PlanSettings", "Largest evidence file"),
        N_(
            "PlanSettings",
            "An evidence file (佐证材料) larger than this is refused: plans travel by e-mail "
            "and on USB sticks.",
        ),
        EVIDENCE,
        1,
        500,
        "MB",
    ),
)
BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
KEYS = tuple(BY_KEY)
DEFAULTS: dict[str, Any] = {s.key: s.default for s in SETTINGS}

# What a typed yes, no and off may be (either language, any case).
_YES = {"yes", "y", "true", "on", "1", "是", "开", "开启"}
_NO = {"no", "n", "false", "off", "0", "否", "关", "关闭"}
_OFF = {"off", "none", "no", "", "关", "关闭", "无"}


def _number(value: float | None) -> str:
    """10.0 → ``10``, 12.5 → ``12.5``."""
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def setting(key: str) -> Setting:
    """The setting ``key``; refused (naming every key) when there is none."""
    found = BY_KEY.get(key.strip())
    if found is None:
        raise ValidationError(
            N_("Messages", "“{key}” is not a plan setting; the settings are: {keys}"),
            field=key,
            key=shown(key),
            keys=", ".join(KEYS),
        )
    return found


def _range_error(s: Setting, value: object) -> ValidationError:
    if s.kind == SettingKind.DAYS_OR_OFF:
        template = N_(
            "Messages", "{key} must be a whole number of days from {low} to {high}, or off "
            "(got “{value}”)",
        )  # fmt: skip
    elif s.kind == SettingKind.WHOLE:
        template = N_(
            "Messages", "{key} must be a whole number from {low} to {high} (got “{value}”)"
        )
    else:
        template = N_("Messages", "{key} must be a number from {low} to {high} (got “{value}”)")
    return ValidationError(
        template, field=s.key, key=s.key, low=_number(s.low), high=_number(s.high),
        value=shown(value),
    )  # fmt: skip


def check_value(s: Setting, value: Any) -> Any:
    """``value`` for ``s`` when it is of its kind and within its bounds (a whole-number
    float is taken as the whole number); refused, naming the key and the range."""
    if s.kind == SettingKind.YES_NO:
        if not isinstance(value, bool):
            raise ValidationError(
                N_("Messages", "{key} must be yes or no (got “{value}”)"),
                field=s.key,
                key=s.key,
                value=shown(value),
            )
        return value
    if s.kind == SettingKind.TEXT:
        if not isinstance(value, str):
            raise ValidationError(
                N_("Messages", "{key} must be text (got “{value}”)"),
                field=s.key,
                key=s.key,
                value=shown(value),
            )
        value = value.strip()
        if len(value) > s.high:
            raise ValidationError(
                N_("Messages", "{key} must be at most {high} characters (got {length})"),
                field=s.key,
                key=s.key,
                high=_number(s.high),
                length=len(value),
            )
        if CONTROL_CHARACTERS.search(value):
            raise ValidationError(
                N_("Messages", "{key} must not hold control characters (got “{value}”)"),
                field=s.key,
                key=s.key,
                value=shown(value),
            )
        return value
    if s.kind == SettingKind.MONTH_OR_DAY:
        if not isinstance(value, str):
            raise ValidationError(
                N_("Messages", "{key} must be text (got “{value}”)"),
                field=s.key,
                key=s.key,
                value=shown(value),
            )
        found = parse_cover_date(value)  # refused in words that say how to write one
        return found.code() if found else ""
    if s.kind == SettingKind.DAYS_OR_OFF and value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _range_error(s, value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _range_error(s, value)
        if s.kind != SettingKind.NUMBER:
            if not value.is_integer():
                raise _range_error(s, value)
            value = int(value)
    if not s.low <= value <= s.high:
        raise _range_error(s, value)
    return float(value) if s.kind == SettingKind.NUMBER else value


def parse_value(key: str, text: str) -> Any:
    """The value typed (on the command line) for setting ``key``, checked."""
    s = setting(key)
    typed = text.strip()
    folded = typed.casefold()
    if s.kind in (SettingKind.TEXT, SettingKind.MONTH_OR_DAY):
        return check_value(s, text)
    if s.kind == SettingKind.YES_NO:
        if folded in _YES:
            return True
        if folded in _NO:
            return False
        return check_value(s, typed)  # refused: names the key
    if s.kind == SettingKind.DAYS_OR_OFF and folded in _OFF:
        return None
    try:
        number: float | int = int(typed) if s.kind != SettingKind.NUMBER else float(typed)
        return check_value(s, number)
    except (ValueError, ValidationError):
        raise _range_error(s, typed) from None  # says the value as it was typed


def check_settings(values: Mapping[str, Any], keys: Iterable[str] | None = None) -> dict[str, Any]:
    """Every setting's value (``values``, the defaults for those left out) checked, alone
    and together; refused naming the key (the first that is wrong).

    ``keys``: check only these alone (the ones being changed: a value an older version
    stored out of today's bounds does not block changing another); the rule that holds
    between settings (yellow before red) is checked always."""
    for key in values:
        setting(key)  # an unknown key is refused by name
    wanted = set(KEYS if keys is None else keys)
    checked = {
        s.key: check_value(s, values.get(s.key, s.default)) if s.key in wanted
        else values.get(s.key, s.default)
        for s in SETTINGS
    }  # fmt: skip
    yellow, red = checked["light.yellow_behind"], checked["light.red_behind"]
    if yellow > red:
        raise ValidationError(
            N_(
                "Messages",
                "light.yellow_behind ({yellow}) must not be more than light.red_behind ({red}): "
                "a task turns yellow before it turns red",
            ),
            field="light.red_behind"
            if "light.yellow_behind" not in wanted
            else "light.yellow_behind",
            yellow=_number(yellow),
            red=_number(red),
        )
    return checked


def light_rules(values: Mapping[str, Any]) -> LightRules:
    """The task-light rules that checked ``values`` (of :func:`check_settings`) set."""
    return LightRules(
        yellow_behind=values["light.yellow_behind"],
        red_behind=values["light.red_behind"],
        blue_within_days=values["light.blue_days"],
        sticky_yellow=values["light.sticky_yellow"],
    )


def light_values(rules: LightRules) -> dict[str, Any]:
    """The settings of the task-light rules ``rules``: the reverse of :func:`light_rules`."""
    return {
        "light.yellow_behind": float(rules.yellow_behind),
        "light.red_behind": float(rules.red_behind),
        "light.blue_days": rules.blue_within_days,
        "light.sticky_yellow": bool(rules.sticky_yellow),
    }


def indicator_rules(values: Mapping[str, Any], rules: IndicatorRules) -> IndicatorRules:
    """``rules`` with the off-track gap that checked ``values`` set (a percent: 25 → 0.25)."""
    gap = values["indicator.off_track_gap"] / 100
    return IndicatorRules(off_track_gap=gap, about_tolerance=rules.about_tolerance)


def indicator_values(rules: IndicatorRules) -> dict[str, Any]:
    """The settings of the indicator rules ``rules`` (the gap as a percent: 0.25 → 25)."""
    return {"indicator.off_track_gap": round(rules.off_track_gap * 100, 6)}


Translate = Callable[[str], str]  # a text marked N_("PlanSettings", …) → in the shown language


def value_text(key: str, value: Any, translate: Translate = lambda t: t, *, unit=True) -> str:
    """A value as a person reads it: ``10 points``, ``off``, ``yes``, ``10 MB``."""
    s = BY_KEY[key]
    if s.kind == SettingKind.YES_NO:
        return translate(N_("PlanSettings", "yes") if value else N_("PlanSettings", "no"))
    if s.kind == SettingKind.TEXT:
        return str(value)
    if s.kind == SettingKind.MONTH_OR_DAY:
        return str(value) or translate(N_("PlanSettings", "month printed"))
    if value is None:
        return translate(N_("PlanSettings", "off"))
    text = _number(float(value) if s.kind == SettingKind.NUMBER else value)
    if not unit or not s.unit:
        return text
    if s.unit == "%":
        return f"{text}%"
    return translate(N_("PlanSettings", "{value} {unit}")).format(
        value=text, unit=translate(s.unit)
    )


def changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The keys whose value differs between ``old`` and ``new``: key → (old, new)."""
    return {k: (old.get(k), v) for k, v in new.items() if old.get(k) != v}


def labelled(keys: Iterable[str], translate: Translate = lambda t: t) -> list[str]:
    """The labels of ``keys``, in the shown language."""
    return [translate(BY_KEY[k].label) for k in keys]


__all__ = [
    "BY_KEY",
    "CONTEXT",
    "DEFAULTS",
    "DEFAULT_EVIDENCE_MB",
    "KEYS",
    "SETTINGS",
    "Setting",
    "SettingKind",
    "changed",
    "check_settings",
    "check_value",
    "indicator_rules",
    "indicator_values",
    "labelled",
    "light_rules",
    "light_values",
    "parse_value",
    "setting",
    "value_text",
]
