"""The summary as blocks for the layout engine: numbered headings, paragraphs, tables, charts.

Every word comes from :mod:`words` in the report's language; the structure (which table is
landscape, what a row holds) is decided here once for the PDF, the printer and the preview.
"""

from __future__ import annotations

import io

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.indicator_trend import format_number, target_label
from qdplanner.domain.vocabulary import LIGHT_ORDER, colour, in_sentence, symbol, symbol_word
from qdplanner.reports.summary.content import NARRATIVE_LIMIT, SummaryReport
from qdplanner.reports.summary.layout import (
    Block,
    Cell,
    Column,
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
    word,
)
from qdplanner.store.collections import CollectionState

CHART_CELLS = 12  # indicators per chart page (4 × 3 small charts)
CHART_DPI = 200
LANDSCAPE = {"indicators": True, "charts": True, "tasks": True, "timeline": True}


def _columns(lang: str, *specs: tuple) -> list[Column]:
    """Table columns from (word key, width weight[, alignment]) triples."""
    return [Column(word(key, lang), *rest) for key, *rest in specs]


def _percent(x: float) -> str:
    return f"{x:.0f}%"


def _scope_text(report: SummaryReport) -> str:
    scope, lang = report.options.scope, report.lang
    if scope.kind == "plan":
        return word("scope_plan", lang)
    return word(f"scope_{scope.kind}", lang, name=scope.name)


def decor(report: SummaryReport) -> PageDecor:
    lang, cover = report.lang, report.cover
    title = cover.plan_title + ("进展情况汇总" if lang == "zh" else " — progress summary")
    return PageDecor(
        header_left=title,
        header_right=period_text(cover.period, lang),
        footer_center=word("footer", lang, page="{page}", pages="{pages}"),
        footer_right=word("printed_short", lang, date=date_text(cover.printed_on, lang)),
    )


def _cover(report: SummaryReport) -> list[Block]:
    lang, c = report.lang, report.cover
    issuer = c.issuer or word("blank", lang)
    return [
        NewPage(False),
        Spacer(45),
        Paragraph(word("title", lang, plan=c.plan_title), "title", False, "center", 10),
        Paragraph(f"（{period_text(c.period, lang)}）" if lang == "zh"
                  else f"({period_text(c.period, lang)})", "subtitle", False, "center", 40),
        Paragraph(word("scope", lang, scope=_scope_text(report)), "cover", False, "center", 4),
        Paragraph(word("as_of", lang, date=date_text(c.as_of, lang)), "cover", False, "center", 4),
        Paragraph(word("issuer", lang, issuer=issuer), "cover", False, "center", 4),
        Paragraph(word("printed", lang, date=date_text(c.printed_on, lang)), "cover", False,
                  "center", 30),
        Paragraph("\n".join(c.document_titles), "note", False, "center", 0),
    ]  # fmt: skip


def _overview(report: SummaryReport) -> list[Block]:
    lang, o = report.lang, report.overview
    text = word(
        "overview_text", lang, date=date_text(report.as_of, lang), scope=_scope_text(report),
        tasks=o.tasks, percent=f"{o.percent:.0f}", lights=light_counts(o.lights, lang),
    )  # fmt: skip
    blocks: list[Block] = [Paragraph(text), Heading(word("by_light", lang), 2)]
    rows = [
        Row([Cell(symbol_word(light, lang), colour(light)),
             Cell(str(o.lights.get(light, 0))),
             Cell(_percent(100 * o.lights.get(light, 0) / o.tasks) if o.tasks else "—")])
        for light in LIGHT_ORDER
    ]  # fmt: skip
    rows.append(Row([Cell(word("total", lang)), Cell(str(o.tasks)), Cell("100%")], "total"))
    blocks.append(
        Table(
            [Column(word("col_light", lang), 3), Column(word("col_count", lang), 1.2, "right"),
             Column(word("col_share", lang), 1.2, "right")],
            rows,
        )
    )  # fmt: skip
    if o.streams:
        blocks.append(Heading(word("by_stream", lang), 2))
        lights = LIGHT_ORDER
        columns = [
            Column(word("col_stream", lang), 4.2),
            Column(word("col_count", lang), 1.1, "right"),
        ]
        columns += [Column(symbol(light), 0.8, "center") for light in lights]
        columns.append(Column(word("col_percent", lang), 1.3, "right"))
        rows = [
            Row([Cell(s.name), Cell(str(s.tasks))]
                + [Cell(str(s.lights.get(light, 0) or "")) for light in lights]
                + [Cell(_percent(s.percent))])
            for s in o.streams
        ]  # fmt: skip
        blocks.append(Table(columns, rows))
        legend = "　".join(symbol_word(light, lang) for light in lights)
        blocks.append(Paragraph(legend, "note", indent=False))
    return blocks


def _indicator_value(x: float | None, unit: str) -> str:
    return "—" if x is None else f"{format_number(x)}{unit}"


def _indicators(report: SummaryReport) -> list[Block]:
    lang = report.lang
    if not report.indicators:
        return [Paragraph(word("no_indicators", lang))]
    columns = _columns(
        lang,
        ("col_no", 0.6, "center"),
        ("col_indicator", 4.3),
        ("col_stream", 2.4),
        ("col_unit", 0.9),
        ("col_baseline", 1.6, "right"),
        ("col_target", 1.8, "right"),
        ("col_actual", 1.9, "right"),
        ("col_progress", 1.2, "right"),
        ("col_ind_light", 1.9),
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
            baseline += f"（{ind.baseline_year}）" if lang == "zh" else f" ({ind.baseline_year})"
        target = ind.target_text or target_label(ind.comparator, ind.target_value, ind.measure_unit)
        if ind.target_year:
            target += f"（{ind.target_year}）" if lang == "zh" else f" ({ind.target_year})"
        actual = _indicator_value(r.latest_value, ind.measure_unit)
        if r.latest is not None:
            period = r.latest.period or ""
            when = period if period.startswith(str(r.latest.year)) else f"{r.latest.year}{period}"
            actual += f"（{when}）" if lang == "zh" else f" ({when})"
        rows.append(
            Row([
                Cell(str(n)), Cell(ind.name), Cell(stream), Cell(ind.measure_unit), Cell(baseline),
                Cell(target), Cell(actual),
                Cell("—" if r.progress is None else _percent(100 * r.progress)),
                Cell(symbol_word(r.light, lang), colour(r.light)),
            ])
        )  # fmt: skip
    return [Table(columns, rows), Paragraph(word("indicator_note", lang), "note", indent=False)]


def _charts(report: SummaryReport) -> list[Block]:
    from qdplanner.reports.indicator_charts import COMPACT_ABOVE, dashboard_figure

    lang, rows = report.lang, report.indicators
    if not rows:
        return [Paragraph(word("no_indicators", lang))]
    blocks: list[Block] = []
    compact = len(rows) > COMPACT_ABOVE
    for start in range(0, len(rows), CHART_CELLS):
        if start:
            blocks.append(NewPage(True))
        # compact cells (no numbers line) for a plan of many indicators, as on screen
        fig = dashboard_figure(
            rows[start : start + CHART_CELLS], lang=lang, columns=4, compact=compact
        )
        buffer = io.BytesIO()
        # fast PNG compression: the PDF writer compresses the image again anyway
        fig.savefig(buffer, format="png", dpi=CHART_DPI, pil_kwargs={"compress_level": 1})
        blocks.append(Image(buffer.getvalue()))
    return blocks


def _milestone_rows(report: SummaryReport, lines, missed: bool) -> list[Row]:
    lang, rows = report.lang, []
    for m in lines:
        if m.actual is not None:
            state = word("ms_reached_late" if m.actual > m.planned else "ms_reached", lang)
        elif m.planned < report.as_of:
            state = word("ms_late", lang)
        else:
            state = word("ms_open", lang)
        actual = m.actual.isoformat() if m.actual else "—"
        rows.append(Row([Cell(m.title), Cell(m.owner), Cell(m.planned.isoformat()),
                         Cell(actual), Cell(state)]))  # fmt: skip
    return rows


def _milestones(report: SummaryReport) -> list[Block]:
    lang = report.lang
    columns = _columns(
        lang,
        ("col_milestone", 3.6),
        ("col_owner", 3.6),
        ("col_planned", 1.8, "center"),
        ("col_actual_date", 1.8, "center"),
        ("col_ms_state", 1.9),
    )
    blocks: list[Block] = [Heading(word("ms_due", lang), 2)]
    if report.milestones_due:
        blocks.append(Table(columns, _milestone_rows(report, report.milestones_due, False)))
    else:
        blocks.append(Paragraph(word("no_ms_due", lang)))
    blocks.append(Heading(word("ms_missed", lang), 2))
    if report.milestones_missed:
        blocks.append(Table(columns, _milestone_rows(report, report.milestones_missed, True)))
    else:
        blocks.append(Paragraph(word("no_ms_missed", lang)))
    return blocks


def _narrative(lang: str, text: str, period: str) -> str:
    if not text:
        return word("no_narrative", lang)
    text = " ".join(text.split())
    if len(text) > NARRATIVE_LIMIT:
        text = text[:NARRATIVE_LIMIT] + word("truncated", lang)
    return word("reported_in", lang, period=period) + text


def _tasks(report: SummaryReport) -> list[Block]:
    lang = report.lang
    text = word("tasks_text", lang, date=date_text(report.as_of, lang), red=report.red,
                yellow=report.yellow, red_word=in_sentence(StatusLight.RED, lang),
                yellow_word=in_sentence(StatusLight.YELLOW, lang))  # fmt: skip
    if not report.unit_groups:
        return [Paragraph(word("no_tasks", lang))]
    columns = _columns(
        lang,
        ("col_no", 0.55, "center"),
        ("col_task", 4.2),
        ("col_deadline", 1.6),
        ("col_task_percent", 0.65, "right"),
        ("col_light", 2.3),
        ("col_latest", 5.5),
    )
    rows: list[Row] = []
    n = 0
    for group in report.unit_groups:
        unit = group.unit or word("no_lead", lang)
        rows.append(Row([Cell(word("unit_group", lang, unit=unit, n=len(group.tasks)))], "group"))
        for line in group.tasks:
            n += 1
            r = line.row
            deadline = r.deadline_text or (date_text(r.due_date, lang) if r.due_date else "—")
            if r.due_date and r.deadline_text:
                deadline += (
                    f"\n（{r.due_date.isoformat()}）" if lang == "zh" else f"\n({r.due_date})"
                )
            rows.append(Row([
                Cell(str(n)), Cell(f"{r.code} {r.title}".strip()), Cell(deadline),
                Cell(f"{r.percent}%"), Cell(symbol_word(r.light, lang), colour(r.light)),
                Cell(_narrative(lang, line.narrative, line.narrative_period)),
            ]))  # fmt: skip
    return [Paragraph(text), Table(columns, rows)]


_STATE_WORDS = {
    CollectionState.RETURNED: "state_returned",
    CollectionState.ISSUED: "state_issued",
    CollectionState.NOT_ISSUED: "state_not_issued",
}


def _collection(report: SummaryReport) -> list[Block]:
    lang, rows = report.lang, report.collection
    if not rows:
        return [Paragraph(word("no_collection", lang))]
    states = [r.state for r in rows]
    text = word(
        "collection_text", lang, period=period_text(report.period, lang), units=len(rows),
        returned=states.count(CollectionState.RETURNED),
        issued=states.count(CollectionState.ISSUED), none=states.count(CollectionState.NOT_ISSUED),
    )  # fmt: skip
    columns = _columns(
        lang,
        ("col_no", 0.6, "center"),
        ("col_reporting_unit", 4.6),
        ("col_led", 1.1, "right"),
        ("col_reported", 1.1, "right"),
        ("col_state", 1.6),
        ("col_returned_on", 1.7, "center"),
    )
    order = {CollectionState.NOT_ISSUED: 1, CollectionState.ISSUED: 0, CollectionState.RETURNED: 2}
    table_rows = []
    for n, r in enumerate(sorted(rows, key=lambda r: (order[r.state], r.unit_id)), start=1):
        returned = r.returned_at[:10] if r.returned_at else "—"
        table_rows.append(Row([
            Cell(str(n)), Cell(r.unit_name), Cell(str(r.task_count)), Cell(str(r.reported)),
            Cell(word(_STATE_WORDS[r.state], lang)), Cell(returned),
        ]))  # fmt: skip
    return [Paragraph(text), Table(columns, table_rows)]


def _timeline(report: SummaryReport) -> list[Block]:
    # Only listed in report.sections when timeline_page.timeline_image gave an image.
    return [Image(report.timeline)] if report.timeline else []


_SECTIONS = {
    "overview": _overview,
    "indicators": _indicators,
    "charts": _charts,
    "milestones": _milestones,
    "tasks": _tasks,
    "collection": _collection,
    "timeline": _timeline,
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
        blocks.append(Heading(heading_number(1, n, lang) + word(key, lang), 1))
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
