"""What the printed progress summary says, gathered from the plan once (no Qt).

:func:`build_report` reads the plan and returns a :class:`SummaryReport` of plain dataclasses;
the PDF, the printer and the print preview all render that same object
(:mod:`qdplanner.reports.summary.render`). Reads are bulk (one query per kind of record), so a
20,000-task plan is gathered in well under a second.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from qdplanner.domain.cover_date import CoverDate, parse_cover_date
from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.illustrative import is_illustrative
from qdplanner.domain.period_compare import PeriodComparison, compare, previous_period
from qdplanner.domain.periods import Period, parse_period, period_of
from qdplanner.domain.vocabulary import LANGS
from qdplanner.errors import N_, ValidationError
from qdplanner.store.collections import CollectionStatusRow, collection_status
from qdplanner.store.indicators import IndicatorRow, read_indicators
from qdplanner.store.milestones import dated_milestones
from qdplanner.store.outline import read_outline
from qdplanner.store.plan_settings import report_cover_date, report_office
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.progress import (
    EvidenceFile,
    evidence_files,
    illustrative_report_tasks,
    latest_narratives,
)
from qdplanner.store.task_rows import Scope, ScopeKind, TaskRow, read_task_rows
from qdplanner.store.unit_directory import resolve_unit, unit_name

if TYPE_CHECKING:
    from qdplanner.reports.timeline_summary import TimelinePages
    from qdplanner.store.narratives import PeriodNarrative

SECTIONS = (
    "overview",
    "narrative",  # 总体进展 / 主要成效 / 存在问题 / 下步工作 per program and project
    "indicators", "charts", "milestones", "tasks", "collection", "timeline",
    "comparison",  # 与上期相比: last, so the sections before it keep their numbers
)  # fmt: skip
TITLE_KEY = "report_plan_title"  # plan setting: the plan's name on the cover and in headers
NARRATIVE_LIMIT = 300  # characters of a narrative printed in a table row (a row fits a page)
TIMELINE_MODULE = "qdplanner.reports.timeline_export"


@dataclass(frozen=True)
class ReportScope:
    """Whole plan (``kind='plan'``), or one program, project or lead unit, by name."""

    kind: str = "plan"  # plan | program | project | unit
    name: str = ""

    @classmethod
    def parse(cls, text: str | None) -> ReportScope:
        """``plan``, ``program:NAME``, ``project:NAME`` or ``unit:NAME``."""
        text = (text or "plan").strip()
        if text == "plan":
            return cls()
        kind, _, name = text.partition(":")
        if kind not in ("program", "project", "unit") or not name.strip():
            raise ValidationError(
                N_(
                    "Messages",
                    "“{text}” is not a report scope (write plan, program:NAME, project:NAME "
                    "or unit:NAME)",
                ),
                field="scope",
                text=text,
            )
        return cls(kind, name.strip())

    def __str__(self) -> str:
        return self.kind if self.kind == "plan" else f"{self.kind}:{self.name}"


@dataclass(frozen=True)
class ReportOptions:
    as_of: date | None = None  # default today
    period: str | None = None  # default: the quarter the as-of date falls in
    scope: ReportScope = ReportScope()
    lang: str = "zh"
    sections: tuple[str, ...] = SECTIONS
    # judge tasks as they stood at the as-of date, from the progress reports whose periods
    # had ended (qdplanner.domain.status_light.judged_as_it_stood: a date in the past)
    history: bool = False
    # the cover's 编制单位 and date for this printing (None: the plan's settings report.office
    # and report.cover_date; the date a month 2026-01 or a day 2026-01-15, any way
    # qdplanner.domain.cover_date reads, '' the month it is printed)
    office: str | None = None
    cover_date: str | None = None

    def resolved_as_of(self) -> date:
        return self.as_of or date.today()

    def resolved_period(self) -> Period:
        return parse_period(self.period) if self.period else period_of(self.resolved_as_of())


@dataclass
class Cover:
    plan_title: str
    document_titles: list[str]
    issuer: str  # blank: a line to fill in by hand
    period: Period
    as_of: date
    printed_on: date
    dated: CoverDate | None = None  # the date on the cover (None: the month printed_on is in)
    # anything printed is illustrative (qdplanner.domain.illustrative): the cover says so
    illustrative: bool = False

    @property
    def cover_date(self) -> CoverDate:
        return self.dated or CoverDate.of(self.printed_on)


@dataclass
class StreamLine:
    name: str
    kind: str  # program | project
    tasks: int
    lights: Counter
    percent: float


@dataclass
class Overview:
    tasks: int
    lights: Counter
    percent: float  # mean percent complete of the tasks in scope (cancelled left out)
    streams: list[StreamLine]


@dataclass
class MilestoneLine:
    title: str
    owner: str
    planned: date
    actual: date | None
    illustrative: bool = False  # filled in for the sample (qdplanner.domain.illustrative)


@dataclass
class TaskLine:
    row: TaskRow
    narrative: str
    narrative_period: str
    narrative_illustrative: bool = False  # its progress report was filled in for the sample


@dataclass
class UnitGroup:
    unit: str
    tasks: list[TaskLine]


@dataclass
class TaskEvidence:
    """A task's evidence files for the report's period (names and sizes, not content)."""

    task_id: int
    code: str
    title: str
    unit: str  # the task's lead unit (full name)
    files: list[EvidenceFile]


def _evidence(store: PlanStore, rows: list[TaskRow], period: Period) -> list[TaskEvidence]:
    by_task: dict[int, list[EvidenceFile]] = {}
    for f in evidence_files(store, period=period.code):
        by_task.setdefault(f.task_id, []).append(f)
    return [
        TaskEvidence(r.id, r.code, r.title, r.lead_unit, by_task[r.id])
        for r in rows
        if r.id in by_task
    ]


@dataclass
class SummaryReport:
    options: ReportOptions
    cover: Cover
    sections: tuple[str, ...]  # what is printed, in order (timeline only when available)
    overview: Overview
    indicators: list[IndicatorRow]
    milestones_due: list[MilestoneLine]
    milestones_missed: list[MilestoneLine]
    unit_groups: list[UnitGroup]
    red: int
    yellow: int
    collection: list[CollectionStatusRow]
    timeline: TimelinePages | None = None  # the period's timeline (timeline_page.py)
    extra: dict = field(default_factory=dict)
    # the evidence files (佐证材料) of the period's reports, per task in scope, outline order
    evidence: list[TaskEvidence] = field(default_factory=list)
    # 与上期相比: what moved from the previous period to this one, in scope (None: not asked
    # for, or a period not begun); each period from its closing when closed, else judged live
    comparison: PeriodComparison | None = None
    # the period's narrative per program and project in scope (store.narratives): the plan's
    # own text, else the previous period's as edited, else drafted from the data
    narratives: list[PeriodNarrative] = field(default_factory=list)
    # the tasks in scope whose printed values are illustrative (qdplanner.domain.illustrative):
    # the task's own (units, dates, status) or a progress report it is judged by
    illustrative_tasks: frozenset[int] = frozenset()

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def period(self) -> Period:
        return self.cover.period

    @property
    def as_of(self) -> date:
        return self.cover.as_of


def _common_title(titles: list[str]) -> str:
    """The words two plan documents share (青岛市打造国际化创新型城市), else the first title."""
    if len(titles) <= 1:
        return titles[0] if titles else ""
    prefix = titles[0]
    for t in titles[1:]:
        while prefix and not t.startswith(prefix):
            prefix = prefix[:-1]
    return prefix.rstrip("（(—-·：:") if len(prefix) >= 4 else (titles[0] if titles else "")


def _cover(store: PlanStore, outline, options: ReportOptions, period: Period) -> Cover:
    from qdplanner.domain.settings import BY_KEY, check_value

    titles = [d.document.title for d in outline]
    office = report_office(store)  # the setting report.office, else the plan's issuer
    if options.office is not None:  # this printing's own (checked as the setting is)
        office = check_value(BY_KEY["report.office"], options.office)
    dated = report_cover_date(store)  # the setting report.cover_date (None: the month)
    if options.cover_date is not None:  # this printing's own ('': the month printed)
        dated = parse_cover_date(options.cover_date)
    return Cover(
        plan_title=store.setting(TITLE_KEY) or _common_title(titles) or store.path.stem,
        document_titles=titles,
        issuer=office,
        period=period,
        as_of=options.resolved_as_of(),
        printed_on=date.today(),
        dated=dated,
    )


def _scoped_rows(
    store: PlanStore, outline, scope: ReportScope, as_of: date, history: bool = False
) -> list[TaskRow]:
    if scope.kind in ("program", "project"):
        streams = [
            s
            for d in outline
            for s in (d.programs if scope.kind == "program" else d.projects)
            if s.name == scope.name or s.code == scope.name
        ]
        if not streams:
            template = (
                N_("Messages", "the plan has no program named “{name}”")
                if scope.kind == "program"
                else N_("Messages", "the plan has no project named “{name}”")
            )
            raise ValidationError(template, field="scope", name=scope.name)
        kind = ScopeKind.PROGRAM if scope.kind == "program" else ScopeKind.PROJECT
        return read_task_rows(store, Scope(kind, streams[0].id), as_of=as_of, history=history)
    rows = read_task_rows(store, as_of=as_of, history=history)
    if scope.kind == "unit":
        name = unit_name(store, _scope_unit(store, scope))
        rows = [r for r in rows if r.lead_unit == name]
    return rows


def _scope_unit(store: PlanStore, scope: ReportScope) -> int:
    """The unit a ``unit:NAME`` scope names, by any written form (the one unit resolver)."""
    unit_id = resolve_unit(store, scope.name)
    if unit_id is None:
        raise ValidationError(
            N_("Messages", "the plan has no unit named “{name}”"), field="scope", name=scope.name
        )
    return unit_id


def _overview(rows: list[TaskRow]) -> Overview:
    lights: Counter = Counter(r.light for r in rows)
    streams: dict[tuple, StreamLine] = {}
    sums: Counter = Counter()
    counted: Counter = Counter()
    for r in rows:
        key = ("program", r.program_id) if r.program_id else ("project", r.project_id)
        line = streams.get(key)
        if line is None:
            line = streams[key] = StreamLine(r.stream_name, key[0], 0, Counter(), 0.0)
        line.tasks += 1
        line.lights[r.light] += 1
        if r.status != TaskStatus.CANCELLED and r.recorded:  # no report by then: not known
            sums[key] += r.percent
            counted[key] += 1
    for key, line in streams.items():
        line.percent = sums[key] / counted[key] if counted[key] else 0.0
    total = sum(counted.values())
    percent = sum(sums.values()) / total if total else 0.0
    return Overview(len(rows), lights, percent, list(streams.values()))


def _indicators(store: PlanStore, scope: ReportScope, as_of: date) -> list[IndicatorRow]:
    if scope.kind == "unit":
        return []  # indicators belong to programs and projects, not to units
    rows = read_indicators(store, as_of=as_of)
    if scope.kind == "program":
        rows = [r for r in rows if r.program_name == scope.name]
    elif scope.kind == "project":
        rows = [r for r in rows if r.project_name == scope.name]
    return rows


def _milestones(
    store: PlanStore, rows: list[TaskRow], scope: ReportScope, period: Period, as_of: date
) -> tuple[list[MilestoneLine], list[MilestoneLine]]:
    task_ids = {r.id for r in rows}
    program_ids = {r.program_id for r in rows if r.program_id}
    project_ids = {r.project_id for r in rows if r.project_id}
    due, missed = [], []
    for m in dated_milestones(store):
        if m.task_id is not None:
            inside = m.task_id in task_ids
        elif scope.kind == "unit":
            inside = False  # a program's or project's own milestones have no lead unit
        else:
            inside = (
                m.program_id in program_ids or m.project_id in project_ids or scope.kind == "plan"
            )
        if not inside:
            continue
        line = MilestoneLine(m.title, m.owner, m.planned_date, m.actual_date, is_illustrative(m))
        if period.start <= line.planned <= period.end:
            due.append(line)
        if line.planned < as_of and line.actual is None:
            missed.append(line)
    return due, missed


def _unit_groups(store: PlanStore, rows: list[TaskRow], period: Period) -> list[UnitGroup]:
    flagged = [r for r in rows if r.light in (StatusLight.RED, StatusLight.YELLOW)]
    narratives = latest_narratives(store, {r.id for r in flagged}, period)
    groups: dict[str, UnitGroup] = {}
    # red before yellow, then the earliest due date first
    flagged.sort(key=lambda r: (r.light != StatusLight.RED, r.due_date or date.max, r.id))
    for r in flagged:
        code, text, illustrative = narratives.get(r.id, ("", "", False))
        group = groups.setdefault(r.lead_unit, UnitGroup(r.lead_unit, []))
        group.tasks.append(TaskLine(r, text, code, illustrative))
    # units with the most overdue tasks first; the tasks without a lead unit last
    return sorted(
        groups.values(),
        key=lambda g: (not g.unit, -sum(t.row.light == StatusLight.RED for t in g.tasks), g.unit),
    )


class _Standings:
    """Each period's standing (store.periods.period_standing: what its closing kept, else
    judged live — every task read) read once per report: the comparison and the narrative
    share the report period's."""

    def __init__(self, store: PlanStore):
        self.store, self.today, self._found = store, date.today(), {}

    def __call__(self, code: str):
        from qdplanner.store.periods import period_standing

        if code not in self._found:
            self._found[code] = period_standing(self.store, code, self.today)
        return self._found[code]


def _comparison(
    standings: _Standings, scope: ReportScope, period: Period, rows: list[TaskRow]
) -> PeriodComparison | None:
    """What moved from the period before ``period`` to ``period``, kept to the report's scope:
    each period from what its closing kept, else judged live (store.periods)."""
    store = standings.store
    try:
        earlier = standings(previous_period(period).code)
        later = standings(period.code)
    except ValidationError:  # the period has not begun: nothing to compare yet
        return None
    if scope.kind != "plan":
        tasks = {r.id for r in rows}
        leads = {r.lead_unit for r in rows}
        indicators = {r.indicator.id for r in _indicators(store, scope, period.end)}
        units = {u.unit_id for u in later.units if u.name in leads}
        if scope.kind == "unit":
            units = {_scope_unit(store, scope)}
        earlier = earlier.only(tasks, indicators, units)
        later = later.only(tasks, indicators, units)
    return compare(earlier, later)


def _narratives(
    standings: _Standings, scope: ReportScope, period: Period, rows: list[TaskRow], lang: str
) -> list[PeriodNarrative]:
    """The period's narrative of each program and project in scope with tasks in it, in
    outline order; none for a unit's scope (narratives are of programs and projects) or a
    period not begun."""
    from qdplanner.store.narratives import narrative_scopes, narrative_tasks, read_narratives

    store = standings.store
    if scope.kind == "unit":
        return []
    having = {("program", r.program_id) if r.program_id else ("project", r.project_id)
              for r in rows}  # fmt: skip
    scopes = [s for s in narrative_scopes(store) if s.key in having]
    if not scopes:
        return []
    try:
        return read_narratives(
            store, period.code, lang, standings.today, scopes=scopes,
            tasks=lambda: narrative_tasks(store, period.code, standings.today,
                                          standing=standings(period.code)),
        )  # fmt: skip
    except ValidationError:  # the period has not begun: nothing to draft from
        return []


def _illustrative_tasks(store: PlanStore, rows: list[TaskRow], period: Period) -> frozenset[int]:
    """The tasks in scope filled in for the sample: their units, dates and status, or a
    progress report of a period ended by ``period`` that they may be judged by."""
    reported = illustrative_report_tasks(store, period)
    return frozenset(r.id for r in rows if is_illustrative(r, r.id in reported))


def build_report(store: PlanStore, options: ReportOptions) -> SummaryReport:
    """Everything the summary prints, read from ``store`` at ``options.as_of``.

    Raises ValidationError (a message fit to show) for an unknown scope, period or language.
    """
    if options.lang not in LANGS:
        raise ValidationError(
            N_("Messages", "“{lang}” is not a report language (zh or en)"), field="lang",
            lang=options.lang,
        )  # fmt: skip
    unknown = [s for s in options.sections if s not in SECTIONS]
    if unknown:
        raise ValidationError(
            N_("Messages", "unknown report section “{name}” (choose from {choices})"),
            field="sections",
            name=unknown[0],
            choices=", ".join(SECTIONS),
        )
    as_of = options.resolved_as_of()
    period = options.resolved_period()
    outline = read_outline(store)
    cover = _cover(store, outline, options, period)  # a bad office or date: refused first
    rows = _scoped_rows(store, outline, options.scope, as_of, options.history)
    wanted = set(options.sections)
    timeline = None
    if "timeline" in wanted:
        from qdplanner.reports.summary.timeline_page import timeline_pages

        timeline = timeline_pages(store, period, as_of, rows, options.lang)
    standings = _Standings(store)
    comparison = None
    if "comparison" in wanted:
        comparison = _comparison(standings, options.scope, period, rows)
    narratives = []
    if "narrative" in wanted:
        narratives = _narratives(standings, options.scope, period, rows, options.lang)
    sections = tuple(
        s for s in SECTIONS if s in wanted and (s != "timeline" or timeline is not None)
        and (s != "comparison" or comparison is not None)
        and (s != "narrative" or narratives)
    )  # fmt: skip
    due, missed = ([], [])
    if "milestones" in wanted:
        due, missed = _milestones(store, rows, options.scope, period, as_of)
    # lateness judged at the report's date, as everything else in it
    collection = collection_status(store, period.code, as_of) if "collection" in wanted else []
    if options.scope.kind == "unit":
        unit_id = _scope_unit(store, options.scope)
        collection = [c for c in collection if c.unit_id == unit_id]
    want_indicators = wanted & {"indicators", "charts"}
    illustrative_tasks = _illustrative_tasks(store, rows, period)
    cover.illustrative = bool(illustrative_tasks) or is_illustrative(
        *(m.illustrative for m in due + missed)
    )
    return SummaryReport(
        options=options,
        cover=cover,
        sections=sections,
        overview=_overview(rows),
        indicators=_indicators(store, options.scope, as_of) if want_indicators else [],
        milestones_due=due,
        milestones_missed=missed,
        unit_groups=_unit_groups(store, rows, period) if "tasks" in wanted else [],
        red=sum(1 for r in rows if r.light == StatusLight.RED),
        yellow=sum(1 for r in rows if r.light == StatusLight.YELLOW),
        collection=collection,
        timeline=timeline,
        evidence=_evidence(store, rows, period),
        comparison=comparison,
        narratives=narratives,
        illustrative_tasks=illustrative_tasks,
    )


__all__ = [
    "SECTIONS",
    "ReportOptions",
    "ReportScope",
    "SummaryReport",
    "TaskEvidence",
    "build_report",
]
