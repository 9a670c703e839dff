"""Enumerations of the plan's vocabulary. Values are what the plan file stores.

Their words (Chinese and English), symbols and colours are in :mod:`qdplanner.domain.vocabulary`.
"""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SUSPENDED = "suspended"  # 暂缓
    CANCELLED = "cancelled"  # 取消


class UnitRole(StrEnum):
    LEAD = "lead"  # 牵头单位: exactly one per task
    SUPPORT = "support"  # 配合单位: any number


class UnitKind(StrEnum):
    DEPARTMENT = "department"  # municipal department
    DISTRICT = "district"
    INSTITUTE = "institute"  # university, research institute, laboratory
    ENTERPRISE = "enterprise"
    OTHER = "other"


class PlanKind(StrEnum):
    FIVE_YEAR_PLAN = "five_year_plan"
    ACTION_PLAN = "action_plan"
    OTHER = "other"


class StatusLight(StrEnum):
    """The derived light of a task. Never typed by a user, never stored as input."""

    DONE = "done"
    GREEN = "green"  # on track
    BLUE = "blue"  # on track but due soon (only when the plan's rules turn it on)
    YELLOW = "yellow"  # at risk: behind the time-proportional expectation
    RED = "red"  # overdue, or far behind
    GREY = "grey"  # not started yet, ongoing, suspended or cancelled
    # judged "as it stood" at a past date: no progress report by then says how it stood
    NO_RECORD = "no_record"


class IndicatorLight(StrEnum):
    """The derived light of an indicator (:func:`qdplanner.domain.indicators.indicator_light`)."""

    ACHIEVED = "achieved"  # the latest actual meets the target
    ON_TRACK = "on_track"  # at or ahead of the straight line to the target
    BEHIND = "behind"
    OFF_TRACK = "off_track"  # far behind, or the target year passed unmet
    NO_BASELINE = "no_baseline"  # an actual, but no baseline (nor an earlier actual) to judge by
    NO_DATA = "no_data"  # no target, or no actual


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better (a rank)


class Comparator(StrEnum):
    GE = "ge"  # ≥, 以上
    GT = "gt"  # >, 超过
    EQ = "eq"  # 达到
    ABOUT = "about"  # 约, 左右
    TOP_N = "top_n"  # 前N位
    LE = "le"
    LT = "lt"
    SHARE_GE = "share_ge"  # a share (%), e.g. ≥ 50% of the province


class IndicatorNature(StrEnum):
    ASPIRATIONAL = "aspirational"  # 预期性
    BINDING = "binding"  # 约束性


class Accumulation(StrEnum):
    ANNUAL = "annual"  # a yearly rate, e.g. R&D spending growth
    CUMULATIVE = "cumulative"  # a stock or level, e.g. number of enterprises


class ValueKind(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"


class ChangeSource(StrEnum):
    FORM = "form"
    TABLE = "table"
    IMPORT = "import"
    COMMAND = "command"
    SAMPLE = "sample"
    TIMELINE = "timeline"
    MIGRATION = "migration"


class ReturnStanding(StrEnum):
    """A unit's standing in one period's collection round (see :mod:`qdplanner.domain.chasing`)."""

    RETURNED = "returned"  # its workbook came back with every row filled in
    PARTIAL = "partial"  # it came back with rows left empty: those tasks are not reported
    ISSUED = "issued"  # issued, not back yet, not yet due
    MISSING = "missing"  # issued, not back, and the due date has passed
    NOT_ISSUED = "not_issued"  # leads tasks, but no workbook was issued for the period
