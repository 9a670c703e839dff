"""The status light (红黄绿灯) of a task at an as-of date.

The light is derived, never typed. Offices set the thresholds differently, so they are a
:class:`LightRules` value stored in each plan file; :data:`DEFAULT_RULES` is the rule a new
plan starts with and the README states in words.

Default rule, in order (the first that applies wins):

1. status *done* (or 100 %)                               → DONE
2. status *suspended* / *cancelled*                        → GREY
3. no due date (ongoing, recurring, unknown)               → GREY
4. as-of date after the due date                           → RED (overdue)
5. as-of date before the start date                        → GREY (not started yet)
6. lag = expected % − percent complete, where expected % is the share of the
   start→due span elapsed at the as-of date:
   lag ≥ ``red_behind`` (30 points)                        → RED
   lag ≥ ``yellow_behind`` (10 points)                     → YELLOW
7. ``blue_within_days`` set and due within that many days   → BLUE
8. otherwise                                               → GREEN

With ``sticky_yellow`` a task that was behind at an earlier report and has caught up stays
YELLOW until it is done (some offices want late recoveries to remain visible): "behind at an
earlier report" is :func:`was_behind` — one of its progress reports whose period ended by the
as-of date put it at YELLOW or RED at that period's end (judged by these rules from that
report's status and percent). Rules 1–5 still come first: a done, set-aside, undated or
not-yet-started task is not kept yellow, and a task behind now shows its own light.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date

from qdplanner.domain.enums import StatusLight, TaskStatus


@dataclass(frozen=True)
class LightRules:
    """Thresholds of the status light. Points are percentage points of completion."""

    yellow_behind: float = 10.0
    red_behind: float = 30.0
    blue_within_days: int | None = None
    sticky_yellow: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.yellow_behind <= self.red_behind <= 100:
            raise ValueError(
                "status light thresholds must satisfy 0 ≤ yellow ≤ red ≤ 100 "
                f"(got yellow {self.yellow_behind}, red {self.red_behind})"
            )
        if self.blue_within_days is not None and self.blue_within_days < 0:
            raise ValueError("the 'due soon' window must be zero or more days")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> LightRules:
        """Build rules from stored settings, ignoring unknown keys (files from newer versions)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


DEFAULT_RULES = LightRules()


def expected_percent(start: date, due: date, as_of: date) -> float:
    """Share of the start→due span elapsed at ``as_of``, in percent, clamped to 0–100.

    A task whose start equals its due date is expected complete on that day.
    """
    if as_of >= due:
        return 100.0
    if as_of <= start:
        return 0.0
    span = (due - start).days + 1  # both ends inclusive: a one-day task spans one day
    return 100.0 * ((as_of - start).days + 1) / span


DONE_PERCENT = 100  # a task at this percent is done, whatever its status says
SET_ASIDE = (TaskStatus.SUSPENDED, TaskStatus.CANCELLED)  # neither late nor on time


def is_done(status: TaskStatus | str | None, percent: float | None) -> bool:
    """Done: its status says so, or it is at 100 %."""
    return status == TaskStatus.DONE or float(percent or 0) >= DONE_PERCENT


def is_overdue(
    status: TaskStatus | str | None, percent: float | None, due: date | None, as_of: date
) -> bool:
    """Overdue (逾期): the due date has passed, and the task is neither done nor set aside.

    The one rule: the status light's red for lateness, the status command's overdue list and
    the units' overdue counts (``qdplanner.store.units``, in SQL from these constants)."""
    return (
        due is not None and as_of > due and not is_done(status, percent) and status not in SET_ASIDE
    )


def status_light(
    *,
    status: TaskStatus | str | None,
    percent: float | None,
    start: date | None,
    due: date | None,
    as_of: date,
    rules: LightRules = DEFAULT_RULES,
    was_behind: bool = False,
) -> StatusLight:
    """The light of one task at ``as_of`` under ``rules`` (see the module docstring).

    ``start`` may be None: the task is then judged from its due date alone (never
    yellow or red for lag, only red when overdue). ``was_behind`` matters only with
    ``rules.sticky_yellow``.
    """
    pct = float(percent or 0)
    if is_done(status, pct):
        return StatusLight.DONE
    if status in SET_ASIDE:
        return StatusLight.GREY
    if due is None:
        return StatusLight.GREY
    if is_overdue(status, pct, due, as_of):
        return StatusLight.RED
    if start is not None:
        if as_of < start:
            return StatusLight.GREY
        lag = expected_percent(start, due, as_of) - pct
        if lag >= rules.red_behind:
            return StatusLight.RED
        if lag >= rules.yellow_behind:
            return StatusLight.YELLOW
    if rules.sticky_yellow and was_behind:
        return StatusLight.YELLOW
    if rules.blue_within_days is not None and (due - as_of).days <= rules.blue_within_days:
        return StatusLight.BLUE
    return StatusLight.GREEN


BEHIND = (StatusLight.YELLOW, StatusLight.RED)


def was_behind(
    reports: Iterable[tuple[date, TaskStatus | str, float | None]],
    *,
    start: date | None,
    due: date | None,
    rules: LightRules = DEFAULT_RULES,
) -> bool:
    """Whether a task was behind at one of its earlier progress reports, given as
    ``(period end, status, percent)``: its light at that period's end, from that report's
    status and percent, under ``rules``, was YELLOW or RED (the ``was_behind`` of
    :func:`status_light`, which matters with ``rules.sticky_yellow``). The caller passes the
    reports whose period ended by the as-of date."""
    return any(
        status_light(status=status, percent=percent, start=start, due=due, as_of=end, rules=rules)
        in BEHIND
        for end, status, percent in reports
    )


# --- as it stood at a past date -----------------------------------------------------------


def judged_as_it_stood(as_of: date | None, today: date) -> bool:
    """Whether a date the user chose is judged as the plan stood then (from the progress
    reports whose periods had ended) rather than with today's figures: a date in the past.
    Every surface (status, report, gantt, the window's View → As Of) asks this one rule."""
    return as_of is not None and as_of < today


def report_standing_at(
    reports: Iterable[tuple[date, date, TaskStatus | str, int]], day: date
) -> tuple[date, date, TaskStatus | str, int] | None:
    """The progress report that says how a task stood at ``day``, of its reports given as
    ``(period start, period end, status, percent)``: a report describes the state at its
    period's end, so of those whose period ended on or before ``day`` the one ending last
    (of two ending together — 2025Q4 and 2025 — the shorter, later-starting one); None when
    none had ended by then."""
    ended = [r for r in reports if r[1] <= day]
    return max(ended, key=lambda r: (r[1], r[0])) if ended else None


def light_without_record(*, start: date | None, due: date | None, as_of: date) -> StatusLight:
    """The light of a task judged as it stood at a past ``as_of`` with no progress report by
    then: what the dates alone tell — not started yet, or no due date (ongoing): GREY; else
    NO_RECORD (无进展记录). Today's figures are never borrowed for the past."""
    if due is None or (start is not None and as_of < start):
        return StatusLight.GREY
    return StatusLight.NO_RECORD
