"""What moved between two reporting periods (与上期相比): the rule, over two standings.

A period's *standing* is how the plan stood at its end: each task's light, status, percent and
latest narrative, each indicator's latest value, progress and light, each unit's return. A
closed period keeps its standing in the plan (``store/periods.py``); an open one is judged
live. :func:`compare` says, from the earlier standing to the later one:

* **lights better / worse** — both lights on the judged scale (done, on track, due soon, at
  risk, overdue), ranked by :data:`~qdplanner.domain.vocabulary.LIGHT_ORDER`, best first; a
  move from or to a light that judges nothing (not started / ongoing, no progress record) is
  *another change*, neither better nor worse;
* **newly done** — done in the later period, not in the earlier one;
* **newly overdue** — overdue (due date passed, not done, not set aside) in the later period,
  not in the earlier one;
* **no report this period** — neither done nor set aside, and no progress report of the
  later period;
* **indicators moved** — a different latest value, progress or light; better or worse by
  :data:`~qdplanner.domain.vocabulary.INDICATOR_LIGHT_ORDER` where both lights judge;
* **units late or not returned** — in the later period, a return that came after its due
  date, came back with rows left empty, or never came (the workbook was issued).

A task (indicator, unit) only in the later period counts as new: done or overdue, it is newly
so. Pure Python; no store, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from qdplanner.domain.enums import IndicatorLight, ReturnStanding, StatusLight, TaskStatus
from qdplanner.domain.periods import Period, parse_period
from qdplanner.domain.status_light import SET_ASIDE
from qdplanner.domain.vocabulary import INDICATOR_LIGHT_ORDER, LIGHT_ORDER

# Lights that judge how a task stands, best first; the others (GREY, NO_RECORD) judge nothing.
JUDGED_LIGHTS: tuple[StatusLight, ...] = tuple(
    light for light in LIGHT_ORDER if light not in (StatusLight.GREY, StatusLight.NO_RECORD)
)
JUDGED_INDICATOR_LIGHTS: tuple[IndicatorLight, ...] = tuple(
    light
    for light in INDICATOR_LIGHT_ORDER
    if light not in (IndicatorLight.NO_BASELINE, IndicatorLight.NO_DATA)
)
NOT_RETURNED = (ReturnStanding.ISSUED, ReturnStanding.MISSING)


class Move(StrEnum):
    """Which way a light went."""

    BETTER = "better"
    WORSE = "worse"
    OTHER = "other"  # changed, but from or to a light that judges nothing
    SAME = "same"


def light_move(before: StrEnum | None, after: StrEnum) -> Move:
    """Better, worse, another change or the same, from light ``before`` to ``after`` (a task's
    :class:`StatusLight` or an indicator's :class:`IndicatorLight`; ``before`` None: new)."""
    if before is None:
        return Move.OTHER
    if before == after:
        return Move.SAME
    scale = JUDGED_LIGHTS if isinstance(after, StatusLight) else JUDGED_INDICATOR_LIGHTS
    if before not in scale or after not in scale:
        return Move.OTHER
    return Move.BETTER if scale.index(after) < scale.index(before) else Move.WORSE


def previous_period(period: Period) -> Period:
    """The period of the same length just before ``period`` (2025Q4 → 2025Q3, 2025 → 2024,
    2025H1 → 2024H2, 2025-01 → 2024-12)."""
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    first = period.start.year * 12 + period.start.month - 1 - months
    start = date(first // 12, first % 12 + 1, 1)
    if months == 12:
        return parse_period(f"{start.year}")
    if months == 6:
        return parse_period(f"{start.year}H{1 if start.month == 1 else 2}")
    if months == 3:
        return parse_period(f"{start.year}Q{(start.month - 1) // 3 + 1}")
    return parse_period(f"{start.year}-{start.month:02d}")


def returned_late(returned_at: str | None, due: date | None) -> bool:
    """Whether a return (a stored UTC time, ISO) came in after the day it was due by, in the
    user's local calendar."""
    if not returned_at or due is None:
        return False
    try:
        day = datetime.fromisoformat(returned_at).astimezone().date()
    except ValueError:
        return False
    return day > due


# -- the standings ---------------------------------------------------------------------------


# Standings are slotted, not frozen: 20,000 frozen rows take 3x longer to build.
@dataclass(slots=True)
class TaskStanding:
    """A task as it stood at a period's end."""

    task_id: int
    code: str
    title: str
    lead_unit: str
    stream: str  # its program's or project's name
    due_date: date | None
    light: StatusLight
    status: TaskStatus
    percent: int
    recorded: bool  # False: no progress report by the period's end (status/percent unknown)
    reported: bool  # a progress report of (a part of) the period itself
    overdue: bool
    narrative: str = ""  # its latest narrative (进展情况) not after the period
    narrative_period: str = ""

    @property
    def done(self) -> bool:
        return self.light == StatusLight.DONE

    @property
    def set_aside(self) -> bool:
        return self.status in SET_ASIDE

    def as_dict(self) -> dict:
        return {
            "task_id": self.task_id,
            "code": self.code,
            "title": self.title,
            "lead_unit": self.lead_unit,
            "stream": self.stream,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "light": self.light.value,
            "status": self.status.value,
            "percent": self.percent if self.recorded else None,
            "reported": self.reported,
            "overdue": self.overdue,
            "narrative": self.narrative,
            "narrative_period": self.narrative_period or None,
        }


@dataclass(slots=True)
class IndicatorStanding:
    """An indicator as it stood at a period's end: its latest actual known then."""

    indicator_id: int
    code: str
    name: str
    measure_unit: str
    latest_value: float | None
    latest_when: str  # the year (and part of it) of that actual: 2025, 2025H1; '' none
    progress: float | None  # 0 at the baseline, 1 at the target
    light: IndicatorLight

    def as_dict(self) -> dict:
        return {
            "indicator_id": self.indicator_id,
            "code": self.code,
            "name": self.name,
            "measure_unit": self.measure_unit,
            "latest_value": self.latest_value,
            "latest_when": self.latest_when or None,
            "progress": self.progress,
            "light": self.light.value,
        }


@dataclass(slots=True)
class UnitStanding:
    """A unit's return for a period's collection round."""

    unit_id: int
    name: str
    standing: ReturnStanding
    tasks: int  # tasks it led
    reported: int  # of those, reported for the period
    left_empty: int  # rows its return left empty (tasks still unreported)
    due_on: date | None
    issued_at: str | None  # UTC ISO
    returned_at: str | None  # UTC ISO

    @property
    def late(self) -> bool:
        """Returned after the due date."""
        return returned_late(self.returned_at, self.due_on)

    @property
    def not_returned(self) -> bool:
        return self.standing in NOT_RETURNED

    @property
    def to_note(self) -> bool:
        """Late, partial or not returned at all: what the comparison lists."""
        return self.late or self.not_returned or self.standing == ReturnStanding.PARTIAL

    def as_dict(self) -> dict:
        return {
            "unit_id": self.unit_id,
            "unit": self.name,
            "standing": self.standing.value,
            "tasks": self.tasks,
            "reported": self.reported,
            "left_empty": self.left_empty,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "issued_at": self.issued_at,
            "returned_at": self.returned_at,
            "late": self.late,
        }


@dataclass(frozen=True)
class PeriodStanding:
    """The plan at a period's end: kept when the period was closed, else judged live."""

    period: str  # canonical code
    judged_at: date  # the day tasks and indicators were judged at
    closed: bool
    closed_at: str | None = None  # UTC ISO, when closed
    closed_by: str = ""
    tasks: tuple[TaskStanding, ...] = ()
    indicators: tuple[IndicatorStanding, ...] = ()
    units: tuple[UnitStanding, ...] = ()

    @property
    def lights(self) -> Counter:
        return Counter(t.light for t in self.tasks)

    def only(
        self,
        task_ids: Iterable[int] | None = None,
        indicator_ids: Iterable[int] | None = None,
        unit_ids: Iterable[int] | None = None,
    ) -> PeriodStanding:
        """The same standing kept to some tasks, indicators and units (a report's scope);
        None keeps them all."""
        keep = {
            "tasks": (self.tasks, task_ids, "task_id"),
            "indicators": (self.indicators, indicator_ids, "indicator_id"),
            "units": (self.units, unit_ids, "unit_id"),
        }
        changes = {}
        for name, (items, ids, key) in keep.items():
            if ids is not None:
                wanted = set(ids)
                changes[name] = tuple(i for i in items if getattr(i, key) in wanted)
        return replace(self, **changes)

    def header(self) -> dict:
        return {
            "period": self.period,
            "closed": self.closed,
            "closed_at": self.closed_at,
            "closed_by": self.closed_by or None,
            "judged_at": self.judged_at.isoformat(),
            "live": not self.closed,
            "tasks": len(self.tasks),
            "lights": {light.value: n for light, n in self.lights.items()},
        }


# -- the comparison --------------------------------------------------------------------------


@dataclass(slots=True)
class TaskMove:
    """A task in the later period, and how it stood in the earlier one (None: new)."""

    after: TaskStanding
    before: TaskStanding | None

    @property
    def move(self) -> Move:
        return light_move(self.before.light if self.before else None, self.after.light)

    def as_dict(self) -> dict:
        b = self.before
        return {
            **self.after.as_dict(),
            "light_before": b.light.value if b else None,
            "percent_before": b.percent if b and b.recorded else None,
            "status_before": b.status.value if b else None,
        }


@dataclass(frozen=True, slots=True)
class IndicatorMove:
    after: IndicatorStanding
    before: IndicatorStanding | None

    @property
    def move(self) -> Move:
        return light_move(self.before.light if self.before else None, self.after.light)

    def as_dict(self) -> dict:
        b = self.before
        return {
            **self.after.as_dict(),
            "move": self.move.value,
            "latest_value_before": b.latest_value if b else None,
            "latest_when_before": (b.latest_when or None) if b else None,
            "progress_before": b.progress if b else None,
            "light_before": b.light.value if b else None,
        }


@dataclass(frozen=True, slots=True)
class UnitMove:
    after: UnitStanding
    before: UnitStanding | None

    @property
    def again(self) -> bool:
        """Late, partial or not returned in the earlier period too."""
        return self.before is not None and self.before.to_note

    def as_dict(self) -> dict:
        b = self.before
        return {
            **self.after.as_dict(),
            "standing_before": b.standing.value if b else None,
            "late_before": b.late if b else None,
            "again": self.again,
        }


@dataclass
class PeriodComparison:
    """What moved from ``earlier`` to ``later`` (see the module docstring)."""

    earlier: PeriodStanding
    later: PeriodStanding
    better: list[TaskMove] = field(default_factory=list)
    worse: list[TaskMove] = field(default_factory=list)
    other: list[TaskMove] = field(default_factory=list)  # light changed, not on the scale
    newly_done: list[TaskMove] = field(default_factory=list)
    newly_overdue: list[TaskMove] = field(default_factory=list)
    no_report: list[TaskMove] = field(default_factory=list)
    indicators: list[IndicatorMove] = field(default_factory=list)  # every one that moved
    units: list[UnitMove] = field(default_factory=list)  # late, partial or not returned
    new_tasks: int = 0  # in the later period only
    gone_tasks: int = 0  # in the earlier period only (removed since)

    @property
    def indicators_better(self) -> list[IndicatorMove]:
        return [m for m in self.indicators if m.move == Move.BETTER]

    @property
    def indicators_worse(self) -> list[IndicatorMove]:
        return [m for m in self.indicators if m.move == Move.WORSE]

    @property
    def indicators_first_measured(self) -> list[IndicatorMove]:
        """Judged in the later period, not in the earlier one (no data or no baseline then):
        neither better nor worse, but newly measured."""
        return [
            m for m in self.indicators
            if m.after.light in JUDGED_INDICATOR_LIGHTS
            and (m.before is None or m.before.light not in JUDGED_INDICATOR_LIGHTS)
        ]  # fmt: skip

    @property
    def units_late(self) -> list[UnitMove]:
        """Returned, but after the due date (perhaps partly)."""
        return [m for m in self.units if m.after.late]

    @property
    def units_partial(self) -> list[UnitMove]:
        return [m for m in self.units if m.after.standing == ReturnStanding.PARTIAL]

    @property
    def units_not_returned(self) -> list[UnitMove]:
        return [m for m in self.units if m.after.not_returned]

    def counts(self) -> dict[str, int]:
        return {
            "tasks": len(self.later.tasks),
            "lights_better": len(self.better),
            "lights_worse": len(self.worse),
            "lights_other": len(self.other),
            "newly_done": len(self.newly_done),
            "newly_overdue": len(self.newly_overdue),
            "no_report": len(self.no_report),
            "indicators_moved": len(self.indicators),
            "indicators_better": len(self.indicators_better),
            "indicators_worse": len(self.indicators_worse),
            "indicators_first_measured": len(self.indicators_first_measured),
            "units_late": len(self.units_late),
            "units_partial": len(self.units_partial),
            "units_not_returned": len(self.units_not_returned),
            "new_tasks": self.new_tasks,
            "gone_tasks": self.gone_tasks,
        }

    def light_table(self) -> list[tuple[StatusLight, int, int]]:
        """(light, tasks earlier, tasks later) for every light either period shows."""
        before, after = self.earlier.lights, self.later.lights
        return [(light, before.get(light, 0), after.get(light, 0)) for light in LIGHT_ORDER
                if before.get(light) or after.get(light)]  # fmt: skip

    def as_dict(self) -> dict:
        return {
            "earlier": self.earlier.header(),
            "later": self.later.header(),
            "counts": self.counts(),
            "lights_better": [m.as_dict() for m in self.better],
            "lights_worse": [m.as_dict() for m in self.worse],
            "lights_other": [m.as_dict() for m in self.other],
            "newly_done": [m.as_dict() for m in self.newly_done],
            "newly_overdue": [m.as_dict() for m in self.newly_overdue],
            "no_report": [m.as_dict() for m in self.no_report],
            "indicators_moved": [m.as_dict() for m in self.indicators],
            "units_late_or_missing": [m.as_dict() for m in self.units],
        }


def _indicator_moved(a: IndicatorStanding, b: IndicatorStanding) -> bool:
    return (a.light, a.latest_value, a.latest_when, a.progress) != (
        b.light, b.latest_value, b.latest_when, b.progress,
    )  # fmt: skip


def compare(earlier: PeriodStanding, later: PeriodStanding) -> PeriodComparison:
    """What moved from ``earlier`` to ``later``; the lists keep the later period's plan order.

    Two standings of the same period compare too (a closed period with its live judgement):
    whatever changed since it was closed."""
    result = PeriodComparison(earlier, later)
    before = {t.task_id: t for t in earlier.tasks}
    rank = {light: n for n, light in enumerate(JUDGED_LIGHTS)}  # light_move, inlined: 20,000 rows
    for task in later.tasks:
        old = before.get(task.task_id)
        move = TaskMove(task, old)
        if old is not None and old.light != task.light:
            was, now = rank.get(old.light), rank.get(task.light)
            if was is None or now is None:
                result.other.append(move)
            elif now < was:
                result.better.append(move)
            else:
                result.worse.append(move)
        if task.done and (old is None or not old.done):
            result.newly_done.append(move)
        if task.overdue and (old is None or not old.overdue):
            result.newly_overdue.append(move)
        if not task.reported and not task.done and not task.set_aside:
            result.no_report.append(move)
    later_ids = {t.task_id for t in later.tasks}
    result.new_tasks = sum(1 for t in later.tasks if t.task_id not in before)
    result.gone_tasks = sum(1 for t in earlier.tasks if t.task_id not in later_ids)
    indicators = {i.indicator_id: i for i in earlier.indicators}
    for ind in later.indicators:
        old = indicators.get(ind.indicator_id)
        if old is None or _indicator_moved(old, ind):
            result.indicators.append(IndicatorMove(ind, old))
    units = {u.unit_id: u for u in earlier.units}
    result.units = [UnitMove(u, units.get(u.unit_id)) for u in later.units if u.to_note]
    return result


__all__ = [
    "JUDGED_INDICATOR_LIGHTS",
    "JUDGED_LIGHTS",
    "IndicatorMove",
    "IndicatorStanding",
    "Move",
    "PeriodComparison",
    "PeriodStanding",
    "TaskMove",
    "TaskStanding",
    "UnitMove",
    "UnitStanding",
    "compare",
    "light_move",
    "previous_period",
    "returned_late",
]
