"""The period's narrative (进展情况汇总) per program and project: drafted, kept and edited.

A period's narrative has, for each program and project, four sections (总体进展, 主要成效,
存在问题, 下步工作 — :class:`~qdplanner.domain.narrative.Section`). What the plan keeps of
them is in ``period_narratives``: one row per period, program or project and section, with
its text, how it was had (``drafted`` from the data, carried over from the ``previous``
period, or ``edited`` by the clerk), who wrote it and when. Every write goes through the
change log (History shows it; the window's undo puts the rows back as they were), and a
closed period's narrative is not written (reopen the period first).

:func:`read_narrative` gives a section's text from where it is: the plan's own for the
period; else the previous period's as the clerk edited it (the next period's draft starts
from this one's); else drafted from the data — the period's progress reports and each
task's light, status and percent at the period's end (from its snapshot when the period is
closed, else judged as :func:`~qdplanner.store.periods.judge_period` judges it) by
:func:`~qdplanner.domain.narrative.draft_narrative`. Each section says which
(:attr:`NarrativeSection.source`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.domain.narrative import (
    SECTIONS,
    NarrativeTask,
    Section,
    check_text,
    draft_narrative,
)
from qdplanner.domain.period_compare import TaskStanding, previous_period
from qdplanner.domain.periods import Period, parse_period
from qdplanner.domain.text import fold, local_minute
from qdplanner.errors import N_, ValidationError
from qdplanner.store.changes import ChangeSet, to_sql
from qdplanner.store.outline import read_outline
from qdplanner.store.periods import period_close, period_standing
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.records import RecordKind


class Source(StrEnum):
    """Where a section's text comes from."""

    STORED = "stored"  # the plan's own for the period
    PREVIOUS = "previous"  # the previous period's, as the clerk edited it
    DATA = "data"  # drafted from the data


class Origin(StrEnum):
    """How a stored section was written."""

    DRAFTED = "drafted"  # kept as drafted from the data
    PREVIOUS = "previous"  # kept as carried over from the previous period
    EDITED = "edited"  # written or changed by the clerk


_CARRIED = (Origin.EDITED.value, Origin.PREVIOUS.value)  # what the next period starts from
_COLUMNS = "id, program_id, project_id, section, text, origin, updated_at, updated_by"


@dataclass(frozen=True, slots=True)
class NarrativeScope:
    """A program or a project, as a narrative belongs to it."""

    kind: str  # program | project
    id: int
    name: str
    code: str = ""
    document: str = ""  # its plan document's title

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    def __str__(self) -> str:
        return f"{self.kind}:{self.name}"


@dataclass(frozen=True, slots=True)
class StoredSection:
    """One section as the plan keeps it."""

    id: int
    section: Section
    text: str
    origin: Origin
    updated_at: str  # UTC ISO
    updated_by: str


@dataclass(frozen=True, slots=True)
class NarrativeSection:
    """One section's text and where it comes from."""

    section: Section
    text: str
    source: Source
    origin: Origin | None = None  # stored: how it was written
    updated_at: str | None = None  # stored: when (UTC ISO), by whom
    updated_by: str = ""
    from_period: str = ""  # PREVIOUS: the period it was carried over from

    def as_dict(self) -> dict:
        return {
            "section": self.section.value,
            "text": self.text,
            "source": self.source.value,
            "origin": self.origin.value if self.origin else None,
            "edited": self.origin == Origin.EDITED,
            "updated_at": self.updated_at,
            "updated_by": self.updated_by or None,
            "from_period": self.from_period or None,
        }


@dataclass(frozen=True, slots=True)
class PeriodNarrative:
    """A period's narrative of one program or project."""

    period: str
    scope: NarrativeScope
    sections: dict[Section, NarrativeSection]
    closed: bool  # the period is closed: the narrative is not edited

    def text(self, section: Section) -> str:
        return self.sections[section].text

    def as_dict(self) -> dict:
        return {
            "period": self.period,
            "scope": str(self.scope),
            "kind": self.scope.kind,
            "name": self.scope.name,
            "code": self.scope.code or None,
            "closed": self.closed,
            "sections": [self.sections[s].as_dict() for s in SECTIONS],
        }


Snapshot = dict[Section, StoredSection | None]
TaskMap = Mapping[tuple[str, int], list[NarrativeTask]]
TaskSource = TaskMap | Callable[[], TaskMap]


def _period(text: str) -> Period:
    return parse_period(text)


# -- the programs and projects -----------------------------------------------------------------


def narrative_scopes(store: PlanStore) -> list[NarrativeScope]:
    """Every program and project, in outline order (each document's programs, then its
    projects)."""
    scopes = []
    for d in read_outline(store):
        for kind, streams in (("program", d.programs), ("project", d.projects)):
            scopes += [NarrativeScope(kind, s.id, s.name, s.code, d.document.title)
                       for s in streams if s.id is not None]  # fmt: skip
    return scopes


def find_scope(store: PlanStore, text: str) -> NarrativeScope:
    """The program or project ``program:NAME`` or ``project:NAME`` names (by its name or
    code; a bare NAME when only one program or project has it). ValidationError names the
    text."""
    kind, _, name = str(text or "").strip().partition(":")
    if not name:
        kind, name = "", kind
    if kind not in ("", "program", "project") or not name.strip():
        raise ValidationError(
            N_("Messages", "“{text}” is not a program or project (write program:NAME or "
               "project:NAME)"),
            field="scope", text=text,
        )  # fmt: skip
    wanted = fold(name)
    found = [
        s for s in narrative_scopes(store)
        if (not kind or s.kind == kind) and wanted in (fold(s.name), fold(s.code))
    ]  # fmt: skip
    if len(found) == 1:
        return found[0]
    if not found:
        template = {
            "program": N_("Messages", "the plan has no program named “{name}”"),
            "project": N_("Messages", "the plan has no project named “{name}”"),
        }.get(kind, N_("Messages", "the plan has no program or project named “{name}”"))
        raise ValidationError(template, field="scope", name=name.strip())
    raise ValidationError(
        N_("Messages", "“{name}” names both a program and a project: write program:{name} or "
           "project:{name}"),
        field="scope", name=name.strip(),
    )  # fmt: skip


# -- what the plan keeps -----------------------------------------------------------------------


def _stored(row: tuple) -> tuple[tuple[str, int], StoredSection]:
    key = ("program", row[1]) if row[1] is not None else ("project", row[2])
    return key, StoredSection(row[0], Section(row[3]), row[4], Origin(row[5]), row[6], row[7])


def stored_narratives(
    store: PlanStore, period: str
) -> dict[tuple[str, int], dict[Section, StoredSection]]:
    """(kind, id) → section → what the plan keeps for ``period`` (one query)."""
    code = _period(period).code
    out: dict[tuple[str, int], dict[Section, StoredSection]] = {}
    sql = f"SELECT {_COLUMNS} FROM period_narratives WHERE period = ?"
    for row in store.db.execute(sql, [code]):
        key, section = _stored(row)
        out.setdefault(key, {})[section.section] = section
    return out


def snapshot(store: PlanStore, period: str, scope: NarrativeScope) -> Snapshot:
    """Each section of ``scope``'s narrative for ``period`` as the plan keeps it (None: not
    kept): what an undo puts back."""
    kept = stored_narratives(store, period).get(scope.key, {})
    return {section: kept.get(section) for section in SECTIONS}


# -- the data ----------------------------------------------------------------------------------


def _inside(store: PlanStore, period: Period) -> list[str]:
    """The report periods of the plan that lie within ``period`` (itself, its months …),
    earliest first."""
    found = []
    for (code,) in store.db.execute("SELECT DISTINCT period FROM progress_reports"):
        try:
            when = parse_period(code)
        except ValidationError:  # a period an old import let through
            continue
        if period.start <= when.start and when.end <= period.end:
            found.append((when, code))
    return [code for _when, code in sorted(found)]


def _texts(store: PlanStore, codes: list[str]) -> dict[int, tuple[str, str, str]]:
    """Task id → (进展情况, 存在问题, 下步打算) of its reports of ``codes`` (in their order)."""
    if not codes:
        return {}
    order = {code: n for n, code in enumerate(codes)}
    sql = (
        "SELECT task_id, period, narrative, problems, next_steps FROM progress_reports"
        " WHERE period IN (SELECT value FROM json_each(? /* text */))"
    )
    rows = sorted(store.db.execute(sql, [json.dumps(codes)]), key=lambda r: order[r[1]])
    out: dict[int, tuple[str, str, str]] = {}
    for task_id, _code, narrative, problems, next_steps in rows:
        was = out.get(task_id)
        now = (narrative or "", problems or "", next_steps or "")
        if was is not None:  # reports of several parts of the period: joined in order
            now = tuple("\n".join(p for p in pair if p) for pair in zip(was, now, strict=True))
        out[task_id] = now  # type: ignore[assignment]
    return out


def _first_done(store: PlanStore) -> dict[int, Period]:
    """Task id → the earliest period a report of it says done."""
    first: dict[int, Period] = {}
    parsed: dict[str, Period | None] = {}
    for task_id, code in store.db.execute(
        "SELECT task_id, period FROM progress_reports WHERE status = 'done'"
    ):
        if code not in parsed:
            try:
                parsed[code] = parse_period(code)
            except ValidationError:
                parsed[code] = None
        when = parsed[code]
        if when is not None and (task_id not in first or when.end < first[task_id].end):
            first[task_id] = when
    return first


def narrative_tasks(
    store: PlanStore, period: str, today: date | None = None, *, standing=None
) -> dict[tuple[str, int], list[NarrativeTask]]:
    """(kind, id) of each program and project → its tasks (plan order) as ``period``'s
    narrative reads them: light, status and percent at the period's end (the closing's when
    the period is closed, else judged live), and the texts of the period's reports.

    ValidationError when ``period`` is not a period or has not begun by ``today``.
    ``standing``: the period's :func:`period_standing`, when the caller has read it."""
    when = _period(period)
    if standing is None:
        standing = period_standing(store, when.code, today)
    streams: dict[int, tuple[str, int]] = {}
    for task_id, program_id, project_id in store.db.execute(
        "SELECT id, program_id, project_id FROM tasks"
    ):
        if program_id is not None:
            streams[task_id] = ("program", program_id)
        elif project_id is not None:
            streams[task_id] = ("project", project_id)
    by_name = {s.name: s.key for s in narrative_scopes(store)}  # a closing's removed tasks
    texts = _texts(store, _inside(store, when))
    first_done = _first_done(store)
    out: dict[tuple[str, int], list[NarrativeTask]] = {}
    for t in standing.tasks:
        key = streams.get(t.task_id) or by_name.get(t.stream)
        if key is None:
            continue
        out.setdefault(key, []).append(_task(t, texts.get(t.task_id), first_done, when))
    return out


def _task(
    t: TaskStanding, texts: tuple[str, str, str] | None, first_done: dict[int, Period], when
) -> NarrativeTask:
    done_in = first_done.get(t.task_id)
    newly = (
        t.light == StatusLight.DONE
        and done_in is not None
        and when.start <= done_in.end <= when.end
    )
    narrative, problems, next_steps = texts or ("", "", "")
    return NarrativeTask(
        t.code, t.title, t.light, TaskStatus(t.status), t.percent, t.recorded,
        t.reported or texts is not None, t.overdue, newly, narrative, problems, next_steps,
    )  # fmt: skip


# -- reading -----------------------------------------------------------------------------------


def _assemble(
    code: str,
    scope: NarrativeScope,
    kept: Mapping[Section, StoredSection],
    before: Mapping[Section, StoredSection],
    before_code: str,
    drafted: Mapping[Section, str] | None,
    closed: bool,
) -> PeriodNarrative:
    sections: dict[Section, NarrativeSection] = {}
    for section in SECTIONS:
        mine, theirs = kept.get(section), before.get(section)
        if mine is not None:
            sections[section] = NarrativeSection(
                section, mine.text, Source.STORED, mine.origin, mine.updated_at, mine.updated_by
            )
        elif theirs is not None and theirs.origin.value in _CARRIED:
            sections[section] = NarrativeSection(
                section, theirs.text, Source.PREVIOUS, from_period=before_code,
                updated_at=theirs.updated_at, updated_by=theirs.updated_by,
            )  # fmt: skip
        else:
            text = (drafted or {}).get(section, "")
            sections[section] = NarrativeSection(section, text, Source.DATA)
    return PeriodNarrative(code, scope, sections, closed)


def read_narratives(
    store: PlanStore,
    period: str,
    lang: str = "zh",
    today: date | None = None,
    *,
    scopes: list[NarrativeScope] | None = None,
    redraft: bool = False,
    tasks: TaskSource | None = None,
) -> list[PeriodNarrative]:
    """``period``'s narrative of each of ``scopes`` (default: every program and project, in
    outline order): per section the plan's own text; else the previous period's as the
    clerk edited it; else drafted from the data in ``lang``. ``redraft``: every section
    drafted from the data, whatever is kept. ``tasks``: :func:`narrative_tasks` of the
    period read before, or a function giving them when a section is drafted (the window
    reads them once per period).

    ValidationError when ``period`` is not a period, or has not begun by ``today`` and a
    section must be drafted."""
    when = _period(period)
    code = when.code
    scopes = narrative_scopes(store) if scopes is None else scopes
    kept = {} if redraft else stored_narratives(store, code)
    before_code = previous_period(when).code
    before = {} if redraft else stored_narratives(store, before_code)
    needs_data = redraft or any(
        section not in kept.get(s.key, {})
        and (section not in before.get(s.key, {})
             or before[s.key][section].origin.value not in _CARRIED)
        for s in scopes for section in SECTIONS
    )  # fmt: skip
    if needs_data:
        tasks = tasks() if callable(tasks) else tasks
        if tasks is None:
            tasks = narrative_tasks(store, code, today)
    closed = period_close(store, code) is not None
    out = []
    for s in scopes:
        drafted = draft_narrative((tasks or {}).get(s.key, []), when, lang) if needs_data else None
        out.append(
            _assemble(code, s, kept.get(s.key, {}), before.get(s.key, {}), before_code, drafted,
                      closed)
        )  # fmt: skip
    return out


def read_narrative(
    store: PlanStore,
    period: str,
    scope: NarrativeScope,
    lang: str = "zh",
    today: date | None = None,
    *,
    redraft: bool = False,
    tasks: TaskSource | None = None,
) -> PeriodNarrative:
    """``period``'s narrative of one program or project (see :func:`read_narratives`)."""
    return read_narratives(
        store, period, lang, today, scopes=[scope], redraft=redraft, tasks=tasks
    )[0]


# -- writing -----------------------------------------------------------------------------------


def check_open(store: PlanStore, period: str) -> str:
    """``period``'s code; ValidationError when it is closed (naming when and by whom)."""
    code = _period(period).code
    close = period_close(store, code)
    if close is not None:
        raise ValidationError(
            N_("Messages", "{period} is closed (closed {when} by {who}): its narrative is kept "
               "as it was; reopen the period to edit it"),
            field="period", period=code, when=local_minute(close.closed_at), who=close.closed_by,
        )  # fmt: skip
    return code


def _scope_columns(scope: NarrativeScope) -> dict[str, int | None]:
    if scope.kind == "program":
        return {"program_id": scope.id, "project_id": None}
    return {"program_id": None, "project_id": scope.id}


def write_narrative(
    store: PlanStore,
    changes: ChangeSet,
    period: str,
    scope: NarrativeScope,
    texts: Mapping[Section, str],
    origins: Mapping[Section, Origin] | None = None,
) -> int:
    """Keep ``texts`` (section → text) as ``scope``'s narrative for ``period``, each section
    with its origin (default: edited), now, by this user; every change logged. Sections not
    in ``texts`` are left as they are; a section whose text and origin are unchanged is not
    written. Returns how many sections were written.

    ValidationError (nothing written) when the period is closed or a text is too long."""
    code = check_open(store, period)
    cleaned = {Section(s): check_text(Section(s), t) for s, t in texts.items()}
    kept = snapshot(store, code, scope)
    now = to_sql(datetime.now(UTC))
    written = 0
    for section, text in cleaned.items():
        origin = Origin((origins or {}).get(section, Origin.EDITED))
        old = kept[section]
        values = {"text": text, "origin": origin.value, "updated_at": now,
                  "updated_by": changes.user}  # fmt: skip
        if old is None:
            record = {"period": code, **_scope_columns(scope), "section": section.value}
            changes.insert(RecordKind.PERIOD_NARRATIVES, {**record, **values})
        elif old.text != text or old.origin != origin:
            changes.update(RecordKind.PERIOD_NARRATIVES, old.id, values)
        else:
            continue
        written += 1
    return written


def restore_narrative(
    store: PlanStore, changes: ChangeSet, period: str, scope: NarrativeScope, kept: Snapshot
) -> None:
    """Put ``scope``'s narrative for ``period`` back as :func:`snapshot` read it (undo): a
    section not kept then is removed, the others get back their text, origin, author and
    time; every change logged. ValidationError when the period is closed."""
    code = check_open(store, period)
    now = snapshot(store, code, scope)
    for section in SECTIONS:
        was, current = kept.get(section), now[section]
        if was is None:
            if current is not None:
                changes.delete(RecordKind.PERIOD_NARRATIVES, current.id)
            continue
        values = {"text": was.text, "origin": was.origin.value, "updated_at": was.updated_at,
                  "updated_by": was.updated_by}  # fmt: skip
        if current is None:
            record = {"period": code, **_scope_columns(scope), "section": section.value}
            changes.insert(RecordKind.PERIOD_NARRATIVES, {**record, **values})
        else:
            changes.update(RecordKind.PERIOD_NARRATIVES, current.id, values)


__all__ = [
    "NarrativeScope",
    "NarrativeSection",
    "Origin",
    "PeriodNarrative",
    "Source",
    "StoredSection",
    "check_open",
    "find_scope",
    "narrative_scopes",
    "narrative_tasks",
    "read_narrative",
    "read_narratives",
    "restore_narrative",
    "snapshot",
    "stored_narratives",
    "write_narrative",
]
