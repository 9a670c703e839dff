"""The summary as blocks for the layout engine: numbered headings, paragraphs, tables, charts.

Every word is marked ``N_("Report", …)`` here and read in the report's language through
:func:`words.word` (the window's catalogue); the structure (which table is landscape, what a
row holds) is decided here once for the PDF, the printer and the preview.
"""

from __future__ import annotations

from qdplanner.catalogue import (
    DERIVED_MARK,
    ILLUSTRATIVE_NOTICE,
    cover_date_text,
    with_illustrative_mark,
)
from qdplanner.domain import vocabulary
from qdplanner.domain.enums import StatusLight
from qdplanner.domain.illustrative import is_derived_baseline, marked
from qdplanner.domain.indicator_trend import format_number, target_label
from qdplanner.domain.periods import parse_period
from qdplanner.domain.text import local_minute, size_text
from qdplanner.domain.vocabulary import (
    colour,
    in_sentence,
    lights_to_show,
    symbol,
    symbol_word,
)
from qdplanner.errors import N_
from qdplanner.reports.indicator_notes import ABOUT_RULE_NOTE, about_met
from qdplanner.reports.summary.content import NARRATIVE_LIMIT, SummaryReport
from qdplanner.reports.summary.layout import (
    Block,
    Cell,
    Column,
    DrawnPages,
    Heading,
    Image,
    NewPage,
    PageDecor,
    Paragraph,
    Row,
    Spacer,
    Table,
)
from qdplanner.reports.summary.words import (
    date_text,
    heading_number,
    light_counts,
    period_text,
    with_year,
    word,
)
from qdplanner.store.collections import CollectionState

CHART_CELLS = 12  # indicators per chart page (4 × 3 small charts)
CHART_DPI = 200
LANDSCAPE = {"indicators": True, "charts": True, "tasks": True, "timeline": True}
SECTION_TITLES = {
    "overview": N_("Report", "Overview"),
    "narrative": N_("Report", "Progress by program and project"),
    "indicators": N_("Report", "Indicators"),
    "charts": N_("Report", "Indicator charts"),
    "milestones": N_("Report", "Milestones"),
    "tasks": N_("Report", "Overdue and at-risk tasks"),
    "collection": N_("Report", "Quarterly returns from units"),
    "timeline": N_("Report", "Timeline"),
    "comparison": N_("Report", "Compared with the previous period"),
}
_SCOPES = {
    "program": N_("Report", "program: {name}"),
    "project": N_("Report", "project: {name}"),
    "unit": N_("Report", "lead unit: {name}"),
}
# column headers used by more than one table
NO = N_("Report", "No.")
STATUS = N_("Report", "Status")
TASKS = N_("Report", "Tasks")
STREAM = N_("Report", "Program / project")
UNIT = N_("Report", "Unit")
NO_INDICATORS = N_("Report", "There are no indicators in this scope.")


def _columns(lang: str, *specs: tuple) -> list[Column]:
    """Table columns from (marked header, width weight[, alignment]) triples."""
    return [Column(word(lang, header), *rest) for header, *rest in specs]


def _percent(x: float) -> str:
    return f"{x:.0f}%"


def _scope_text(report: SummaryReport) -> str:
    scope, lang = report.options.scope, report.lang
    if scope.kind == "plan":
        return word(lang, N_("Report", "whole plan"))
    return word(lang, _SCOPES[scope.kind], name=scope.name)


def decor(report: SummaryReport) -> PageDecor:
    lang, cover = report.lang, report.cover
    printed = date_text(cover.printed_on, lang)
    return PageDecor(
        header_left=word(lang, N_("Report", "{plan} — progress summary"), plan=cover.plan_title),
        header_right=period_text(cover.period, lang),
        footer_center=word(lang, N_("Report", "Page {page} of {pages}"), page="{page}",
                           pages="{pages}"),
        footer_right=word(lang, N_("Report", "Printed {date}"), date=printed),
    )  # fmt: skip


def _cover(report: SummaryReport) -> list[Block]:
    lang, c = report.lang, report.cover
    issuer = c.issuer or word(lang, N_("Report", "________________________"))  # to fill in
    title = word(lang, N_("Report", "{plan}\nProgress Summary"), plan=c.plan_title)
    period = word(lang, N_("Report", "({period})"), period=period_text(c.period, lang))
    scope = word(lang, N_("Report", "Scope: {scope}"), scope=_scope_text(report))
    as_of = word(lang, N_("Report", "Status as of: {date}"), date=date_text(c.as_of, lang))
    issued = word(lang, N_("Report", "Prepared by: {issuer}"), issuer=issuer)
    dated = cover_date_text(c.cover_date, lang)  # the plan's date, else the month printed
    blocks: list[Block] = [
        NewPage(False),
        Spacer(45),
        Paragraph(title, "title", False, "center", 10),
        Paragraph(period, "subtitle", False, "center", 40),
        Paragraph(scope, "cover", False, "center", 4),
        Paragraph(as_of, "cover", False, "center", 4),
        Paragraph(issued, "cover", False, "center", 4),
        Paragraph(dated, "cover", False, "center", 30),
        Paragraph("\n".join(c.document_titles), "note", False, "center", 0),
    ]
    if c.illustrative:  # what the marks on rows and values mean, once
        blocks += [Spacer(8), Paragraph(word(lang, ILLUSTRATIVE_NOTICE), "note", False, "center")]
    return blocks


def _overview(report: SummaryReport) -> list[Block]:
    lang, o = report.lang, report.overview
    text = word(
        lang,
        N_("Report", "As of {date} ({scope}): {tasks} tasks, {percent}% complete on average; "
           "{lights}."),
        date=date_text(report.as_of, lang), scope=_scope_text(report), tasks=o.tasks,
        percent=f"{o.percent:.0f}", lights=light_counts(o.lights, lang),
    )  # fmt: skip
    blocks: list[Block] = [Paragraph(text), Heading(word(lang, N_("Report", "By status")), 2)]
    rows = [
        Row([Cell(symbol_word(light, lang), colour(light)),
             Cell(str(o.lights.get(light, 0))),
             Cell(_percent(100 * o.lights.get(light, 0) / o.tasks) if o.tasks else "—")])
        for light in lights_to_show(o.lights)
    ]  # fmt: skip
    total = word(lang, N_("Report", "Total"))
    rows.append(Row([Cell(total), Cell(str(o.tasks)), Cell("100%")], "total"))
    columns = _columns(
        lang, (STATUS, 3), (TASKS, 1.2, "right"), (N_("Report", "Share"), 1.2, "right")
    )
    blocks.append(Table(columns, rows))
    if o.streams:
        blocks.append(Heading(word(lang, N_("Report", "By program and project")), 2))
        lights = lights_to_show(o.lights)
        columns = _columns(lang, (STREAM, 4.2), (TASKS, 1.1, "right"))
        columns += [Column(symbol(light), 0.8, "center") for light in lights]
        columns += _columns(lang, (N_("Report", "Avg. %"), 1.3, "right"))
        rows = [
            Row([Cell(s.name), Cell(str(s.tasks))]
                + [Cell(str(s.lights.get(light, 0) or "")) for light in lights]
                + [Cell(_percent(s.percent))])
            for s in o.streams
        ]  # fmt: skip
        legend = "　".join(symbol_word(light, lang) for light in lights)
        rows.append(Row([Cell(legend)], "note"))  # the symbols' words, never a page apart
        blocks.append(Table(columns, rows))
    return blocks


def _narrative_section(report: SummaryReport) -> list[Block]:
    """Per program and project (a numbered heading each), its four sections — 1. 总体进展,
    2. 主要成效, 3. 存在问题, 4. 下步工作 — each a paragraph per line of its text: the plan's
    own text for the period, else the previous period's as edited, else the draft."""
    from qdplanner.domain.narrative import SECTIONS as PARTS
    from qdplanner.domain.narrative import section_title

    lang, blocks = report.lang, []
    for narrative in report.narratives:
        blocks.append(Heading(narrative.scope.name, 2))
        for n, part in enumerate(PARTS, start=1):
            lines = [line.strip() for line in narrative.text(part).splitlines() if line.strip()]
            title = section_title(part, lang)
            first = word(lang, N_("Report", "{n}. {title}: {text}"), n=n, title=title,
                         text=lines[0] if lines else "—")  # fmt: skip
            blocks.append(Paragraph(first))
            blocks += [Paragraph(line) for line in lines[1:]]
    return blocks


def _indicator_value(x: float | None, unit: str) -> str:
    return "—" if x is None else f"{format_number(x)}{unit}"


def _indicators(report: SummaryReport) -> list[Block]:
    lang = report.lang
    if not report.indicators:
        return [Paragraph(word(lang, NO_INDICATORS))]
    columns = _columns(
        lang,
        (NO, 0.6, "center"),
        (N_("Report", "Indicator"), 3.7),
        (N_("Report", "Nature"), 1.0, "center"),
        (STREAM, 2.0),
        (UNIT, 0.9),
        (N_("Report", "Baseline"), 1.6, "right"),
        (N_("Report", "Target"), 1.8, "right"),
        (N_("Report", "Latest actual"), 1.9, "right"),
        (N_("Report", "Progress"), 1.2, "right"),
        (N_("Report", "Assessment"), 1.9),
    )
    rows: list[Row] = []
    group = None
    for n, r in enumerate(report.indicators, start=1):
        ind = r.indicator
        stream = r.program_name or r.project_name
        if r.plan_document_title != group:
            group = r.plan_document_title
            rows.append(Row([Cell(group)], "group"))
        baseline = _indicator_value(ind.baseline_value, ind.measure_unit)
        if ind.baseline_value is not None and ind.baseline_year:
            baseline = with_year(lang, baseline, ind.baseline_year)
        if ind.baseline_value is not None and is_derived_baseline(ind.baseline_text):
            baseline = marked(baseline, True, word(lang, DERIVED_MARK))  # 推算, not published
        target = ind.target_text or target_label(ind.comparator, ind.target_value, ind.measure_unit)
        if ind.target_year:
            target = with_year(lang, target, ind.target_year)
        actual = _indicator_value(r.latest_value, ind.measure_unit)
        if r.latest is not None:
            period = r.latest.period or ""
            when = period if period.startswith(str(r.latest.year)) else f"{r.latest.year}{period}"
            actual = with_year(lang, actual, when)
        rows.append(
            Row([
                Cell(str(n)), Cell(ind.name), Cell(vocabulary.word(ind.nature, lang)),
                Cell(stream), Cell(ind.measure_unit), Cell(baseline),
                Cell(target), Cell(actual),
                Cell("—" if r.progress is None else _percent(100 * r.progress)),
                Cell(symbol_word(r.light, lang), colour(r.light)),
            ])
        )  # fmt: skip
    note = N_(
        "Report",
        "Note: progress runs from the baseline to the target; the assessment follows the "
        "plan's thresholds.",
    )
    notes = [word(lang, note)]
    if any(about_met(r.indicator, r.light) for r in report.indicators):
        notes.append(word(lang, ABOUT_RULE_NOTE))
    return [Table(columns, rows), Paragraph(" ".join(notes), "note", indent=False)]


def _charts(report: SummaryReport) -> list[Block]:
    """The indicators' small multiples, :data:`CHART_CELLS` a page, painted by Qt from the
    same cells as the window's dashboard (compact above ``COMPACT_ABOVE`` indicators, as
    on screen)."""
    from qdplanner.reports.chart_paint import ChartPage
    from qdplanner.reports.dashboard_cells import dashboard_cells

    lang, rows = report.lang, report.indicators
    if not rows:
        return [Paragraph(word(lang, NO_INDICATORS))]
    cells = dashboard_cells(rows, lang=lang)
    blocks: list[Block] = []
    for start in range(0, len(cells), CHART_CELLS):
        if start:
            blocks.append(NewPage(True))
        page = ChartPage(tuple(cells[start : start + CHART_CELLS]), columns=4)
        blocks.append(_chart_image(page))
    return blocks


def _chart_image(page) -> Image:
    """A chart page as a drawing: the PDF paints its lines and words (sharp at any zoom,
    searchable); the Word document gets its pixels at ``CHART_DPI``."""
    return Image(drawing=page, size=page.pixel_size(CHART_DPI))


def _milestone_rows(report: SummaryReport, lines, missed: bool) -> list[Row]:
    lang, rows = report.lang, []
    for m in lines:
        if m.actual is not None and m.actual > m.planned:
            state = word(lang, N_("Report", "▲ reached late"))
        elif m.actual is not None:
            state = word(lang, N_("Report", "✔ reached"))
        elif m.planned < report.as_of:
            state = word(lang, N_("Report", "■ missed"))
        else:
            state = word(lang, N_("Report", "○ not yet due"))
        actual = m.actual.isoformat() if m.actual else "—"
        title = with_illustrative_mark(m.title, m.illustrative, lang)
        rows.append(Row([Cell(title), Cell(m.owner), Cell(m.planned.isoformat()),
                         Cell(actual), Cell(state)]))  # fmt: skip
    return rows


def _milestones(report: SummaryReport) -> list[Block]:
    lang = report.lang
    columns = _columns(
        lang,
        (N_("Report", "Milestone"), 3.6),
        (N_("Report", "Of task / program / project"), 3.6),
        (N_("Report", "Planned"), 1.8, "center"),
        (N_("Report", "Reached"), 1.8, "center"),
        (N_("Report", "State"), 1.9),
    )
    blocks: list[Block] = [Heading(word(lang, N_("Report", "Due in the period")), 2)]
    if report.milestones_due:
        blocks.append(Table(columns, _milestone_rows(report, report.milestones_due, False)))
    else:
        blocks.append(Paragraph(word(lang, N_("Report", "No milestone falls due in the period."))))
    blocks.append(Heading(word(lang, N_("Report", "Missed (past due, not reached)")), 2))
    if report.milestones_missed:
        blocks.append(Table(columns, _milestone_rows(report, report.milestones_missed, True)))
    else:
        no_missed = N_("Report", "No milestone is past due and unreached.")
        blocks.append(Paragraph(word(lang, no_missed)))
    return blocks


def _narrative(lang: str, text: str, period: str) -> str:
    if not text:
        return word(lang, N_("Report", "(no progress reported)"))
    text = " ".join(text.split())
    if len(text) > NARRATIVE_LIMIT:
        text = text[:NARRATIVE_LIMIT] + word(lang, N_("Report", "…"))  # cut short
    return word(lang, N_("Report", "[{period}] {text}"), period=period, text=text)


def _tasks(report: SummaryReport) -> list[Block]:
    lang = report.lang
    text = word(
        lang,
        N_("Report", "As of {date}, {red} tasks are {red_word} and {yellow} {yellow_word}, "
           "listed by lead unit."),
        date=date_text(report.as_of, lang), red=report.red, yellow=report.yellow,
        red_word=in_sentence(StatusLight.RED, lang),
        yellow_word=in_sentence(StatusLight.YELLOW, lang),
    )  # fmt: skip
    if not report.unit_groups:
        return [Paragraph(word(lang, N_("Report", "No task is overdue or at risk.")))]
    columns = _columns(
        lang,
        (NO, 0.55, "center"),
        (N_("Report", "Task"), 4.2),
        (N_("Report", "Deadline"), 1.6),
        (N_("Report", "%"), 0.65, "right"),
        (STATUS, 2.3),
        (N_("Report", "Latest progress"), 5.5),
    )
    rows: list[Row] = []
    n = 0
    for group in report.unit_groups:
        unit = group.unit or word(lang, N_("Report", "No lead unit"))
        heading = word(lang, N_("Report", "{unit} ({n})"), unit=unit, n=len(group.tasks))
        rows.append(Row([Cell(heading)], "group"))
        for line in group.tasks:
            n += 1
            r = line.row
            deadline = r.deadline_text or (date_text(r.due_date, lang) if r.due_date else "—")
            if r.due_date and r.deadline_text:  # the date the written deadline was read as
                deadline = word(lang, N_("Report", "{deadline}\n({date})"), deadline=deadline,
                                date=r.due_date.isoformat())  # fmt: skip
            # the row's units, dates and status, and its report: marked when illustrative
            marked = r.id in report.illustrative_tasks
            task = with_illustrative_mark(f"{r.code} {r.title}".strip(), marked, lang)
            said = with_illustrative_mark(_narrative(lang, line.narrative, line.narrative_period),
                                          line.narrative_illustrative, lang)  # fmt: skip
            rows.append(Row([
                Cell(str(n)), Cell(task), Cell(deadline),
                Cell(f"{r.percent}%" if r.recorded else "—"),
                Cell(symbol_word(r.light, lang), colour(r.light)),
                Cell(said),
            ]))  # fmt: skip
    return [Paragraph(text), Table(columns, rows)]


_STATE_WORDS = {
    CollectionState.RETURNED: N_("Report", "✔ returned"),
    CollectionState.ISSUED: N_("Report", "■ not returned"),
    CollectionState.NOT_ISSUED: N_("Report", "○ not issued"),
}


def _collection(report: SummaryReport) -> list[Block]:
    """Who returned the period's workbooks, then the evidence files (佐证材料) attached."""
    return _returns(report) + _evidence(report)


def _returns(report: SummaryReport) -> list[Block]:
    lang, rows = report.lang, report.collection
    if not rows:
        return [Paragraph(word(lang, N_("Report", "No unit is due to report for the period.")))]
    states = [r.state for r in rows]
    text = word(
        lang,
        N_("Report", "For {period}, {units} units are due to report: {returned} returned, "
           "{issued} issued and not returned, {none} not issued."),
        period=period_text(report.period, lang), units=len(rows),
        returned=states.count(CollectionState.RETURNED),
        issued=states.count(CollectionState.ISSUED), none=states.count(CollectionState.NOT_ISSUED),
    )  # fmt: skip
    columns = _columns(
        lang,
        (NO, 0.6, "center"),
        (UNIT, 4.6),
        (N_("Report", "Tasks led"), 1.1, "right"),
        (N_("Report", "Reported"), 1.1, "right"),
        (N_("Report", "Standing"), 1.6),
        (N_("Report", "Returned on"), 1.7, "center"),
    )
    order = {CollectionState.NOT_ISSUED: 1, CollectionState.ISSUED: 0, CollectionState.RETURNED: 2}
    table_rows = []
    for n, r in enumerate(sorted(rows, key=lambda r: (order[r.state], r.unit_id)), start=1):
        returned = r.returned_at[:10] if r.returned_at else "—"
        table_rows.append(Row([
            Cell(str(n)), Cell(r.unit_name), Cell(str(r.task_count)), Cell(str(r.reported)),
            Cell(word(lang, _STATE_WORDS[r.state])), Cell(returned),
        ]))  # fmt: skip
    return [Paragraph(text), Table(columns, table_rows)]


def _evidence(report: SummaryReport) -> list[Block]:
    """The evidence files of the period's reports, per task (plan order): names and sizes."""
    lang, tasks = report.lang, report.evidence
    if not tasks:
        return [Paragraph(word(lang, N_("Report", "No evidence file is attached to the "
                                            "period's progress reports.")))]  # fmt: skip
    files = sum(len(t.files) for t in tasks)
    text = word(lang, N_("Report", "Evidence files attached to the period's progress reports: "
                               "{files} for {tasks} tasks."),
                files=files, tasks=len(tasks))  # fmt: skip
    columns = _columns(
        lang,
        (NO, 0.6, "center"),
        (N_("Report", "Task"), 4.4),
        (N_("Report", "Lead unit"), 2.6),
        (N_("Report", "Evidence files"), 4.4),
    )
    rows = []
    for n, t in enumerate(tasks, start=1):
        listed = "\n".join(f"{f.filename} ({size_text(f.size)})" for f in t.files)
        rows.append(Row([
            Cell(str(n)), Cell(f"{t.code} {t.title}".strip()), Cell(t.unit or "—"),
            Cell(listed),
        ]))  # fmt: skip
    return [Paragraph(text), Table(columns, rows)]


def _timeline(report: SummaryReport) -> list[Block]:
    # Only listed in report.sections when timeline_page.timeline_pages found tasks to show;
    # each target cuts the sheets for the room its pages have.
    return [DrawnPages(report.timeline)] if report.timeline is not None else []


MOVES_LIMIT = 300  # tasks listed under lights better or worse (the command lists them all)


def _standing_note(lang: str, standing) -> str:
    """How a period's figures were had: kept when it was closed, or judged live."""
    period = parse_period(standing.period)
    name = period_text(period, lang)
    if standing.closed:
        return word(
            lang,
            N_("Report", "{period}: closed on {date} by {who}, as the plan stood on {end}."),
            period=name, date=local_minute(standing.closed_at), who=standing.closed_by,
            end=date_text(standing.judged_at, lang),
        )  # fmt: skip
    if standing.judged_at == period.end:
        return word(
            lang,
            N_("Report", "{period}: not closed; judged live, as the plan stood on {end} from "
               "what it holds now."),
            period=name, end=date_text(period.end, lang),
        )  # fmt: skip
    return word(
        lang,
        N_("Report", "{period}: not over yet; judged on {date} with the current figures."),
        period=name, date=date_text(standing.judged_at, lang),
    )  # fmt: skip


def _move_row(lang: str, n: int, move, illustrative: frozenset[int] = frozenset()) -> Row:
    t, b = move.after, move.before
    # its program or project first: codes restart in each
    named = f"{t.stream} {t.code} {t.title}".strip()
    task = with_illustrative_mark(named, t.task_id in illustrative, lang)
    before = b.light if b else None
    percent = f"{t.percent}%" if t.recorded else "—"
    if b is not None:
        percent = f"{b.percent if b.recorded else '—'}{'%' if b.recorded else ''} → {percent}"
    return Row([
        Cell(str(n)), Cell(task), Cell(t.lead_unit),
        Cell(symbol_word(before, lang), colour(before)) if before else Cell("—"),
        Cell(symbol_word(t.light, lang), colour(t.light)), Cell(percent),
    ])  # fmt: skip


def _comparison(report: SummaryReport) -> list[Block]:
    lang, c = report.lang, report.comparison
    if c is None:
        return []
    counts = c.counts()
    earlier = period_text(parse_period(c.earlier.period), lang)
    later = period_text(parse_period(c.later.period), lang)
    text = word(
        lang,
        N_("Report", "Compared with {earlier}, in {later} {better} tasks' lights got better and "
           "{worse} worse; {done} tasks were newly done and {overdue} newly overdue; "
           "{no_report} tasks had no progress report for the period. {moved} indicators "
           "moved ({ind_better} better, {ind_worse} worse, {ind_first} measured for the first "
           "time). {late} units returned late, {partial} partly and {missing} not at all."),
        earlier=earlier, later=later, better=counts["lights_better"],
        worse=counts["lights_worse"], done=counts["newly_done"],
        overdue=counts["newly_overdue"], no_report=counts["no_report"],
        moved=counts["indicators_moved"], ind_better=counts["indicators_better"],
        ind_worse=counts["indicators_worse"], ind_first=counts["indicators_first_measured"],
        late=counts["units_late"],
        partial=counts["units_partial"], missing=counts["units_not_returned"],
    )  # fmt: skip
    blocks: list[Block] = [Paragraph(text)]
    notes = f"{_standing_note(lang, c.earlier)}\n{_standing_note(lang, c.later)}"
    blocks.append(Paragraph(notes, "note", indent=False))
    blocks.append(Heading(word(lang, N_("Report", "By status")), 2))
    columns = [
        *_columns(lang, (STATUS, 3)), Column(earlier, 1.6, "right"),
        Column(later, 1.6, "right"), Column(word(lang, N_("Report", "Change")), 1.2, "right"),
    ]  # fmt: skip
    rows = [
        Row([Cell(symbol_word(light, lang), colour(light)), Cell(str(a)), Cell(str(b)),
             Cell(f"{b - a:+d}" if b != a else "—")])
        for light, a, b in c.light_table()
    ]  # fmt: skip
    blocks.append(Table(columns, rows))
    blocks.append(Heading(word(lang, N_("Report", "Lights better or worse")), 2))
    if not c.better and not c.worse:
        no_moves = N_("Report", "No task's light got better or worse.")
        blocks.append(Paragraph(word(lang, no_moves)))
    else:
        columns = [
            *_columns(lang, (NO, 0.55, "center"), (N_("Report", "Task"), 4.4),
                      (N_("Report", "Lead unit"), 2.2)),
            Column(earlier, 2.0), Column(later, 2.0),
            Column(word(lang, N_("Report", "%")), 1.8, "right"),
        ]  # fmt: skip
        rows, n = [], 0
        groups = ((N_("Report", "Worse ({n})"), c.worse), (N_("Report", "Better ({n})"), c.better))
        for title, moves in groups:
            if not moves or n >= MOVES_LIMIT:
                continue
            rows.append(Row([Cell(word(lang, title, n=len(moves)))], "group"))
            for move in moves[: MOVES_LIMIT - n]:
                n += 1
                rows.append(_move_row(lang, n, move, report.illustrative_tasks))
        blocks.append(Table(columns, rows))
        total = len(c.better) + len(c.worse)
        if total > n:
            more = N_("Report", "The first {n} of {total} are listed; qdplanner period compare "
                      "lists them all.")  # fmt: skip
            blocks.append(Paragraph(word(lang, more, n=n, total=total), "note", indent=False))
    if c.units:
        blocks.append(Heading(word(lang, N_("Report", "Units late or not returned")), 2))
        columns = _columns(
            lang, (NO, 0.6, "center"), (UNIT, 4.4), (N_("Report", "Standing"), 2.0),
            (N_("Report", "Due"), 1.6, "center"), (N_("Report", "Returned on"), 1.7, "center"),
            (N_("Report", "Last period"), 1.9),
        )  # fmt: skip
        rows = []
        for n, move in enumerate(c.units, start=1):
            u = move.after
            standing = symbol_word(u.standing, lang)
            if u.late:
                standing += word(lang, N_("Report", " (late)"))
            last = word(lang, N_("Report", "also")) if move.again else "—"
            rows.append(Row([
                Cell(str(n)), Cell(u.name), Cell(standing, colour(u.standing)),
                Cell(u.due_on.isoformat() if u.due_on else "—"),
                Cell(local_minute(u.returned_at)[:10] if u.returned_at else "—"), Cell(last),
            ]))  # fmt: skip
        blocks.append(Table(columns, rows))
    return blocks


_SECTIONS = {
    "overview": _overview,
    "narrative": _narrative_section,
    "indicators": _indicators,
    "charts": _charts,
    "milestones": _milestones,
    "tasks": _tasks,
    "collection": _collection,
    "timeline": _timeline,
    "comparison": _comparison,
}


def report_blocks(report: SummaryReport) -> list[Block]:
    """The whole document: cover, then each chosen section under a numbered heading.

    A section starts a new page when its orientation differs from the page before it (wide
    tables and charts are landscape), and always after the cover.
    """
    lang = report.lang
    blocks = _cover(report)
    landscape: bool | None = None
    for n, key in enumerate(report.sections, start=1):
        wanted = LANDSCAPE.get(key, False)
        if wanted != landscape:
            blocks.append(NewPage(wanted))
            landscape = wanted
        blocks.append(Heading(heading_number(1, n, lang) + word(lang, SECTION_TITLES[key]), 1))
        section = _SECTIONS[key](report)
        # level-2 headings are numbered （一）（二） within their section
        sub = 0
        for block in section:
            if isinstance(block, Heading) and block.level == 2:
                sub += 1
                block.text = heading_number(2, sub, lang) + block.text
        blocks.extend(section)
    if lang != "zh":  # the two-character first-line indent is a Chinese habit
        for block in blocks:
            if isinstance(block, Paragraph):
                block.indent = False
    return blocks
