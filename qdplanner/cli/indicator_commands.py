"""Indicator commands: the table of targets against actuals, and entering one value."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from qdplanner.cli.common import (
    AS_OF_DATE,
    LANG,
    PLAN_ARG,
    as_of_date,
    echo_json,
    lock_options,
    open_plan,
    user_errors,
)
from qdplanner.cli.language import tr
from qdplanner.domain.indicator_trend import format_number, target_label
from qdplanner.domain.vocabulary import INDICATOR_LIGHT_ORDER, symbol_word, word
from qdplanner.errors import N_

if TYPE_CHECKING:
    from qdplanner.store.indicators import IndicatorRow


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def indicator_json(row: IndicatorRow, lang: str = "zh") -> dict:
    """One indicator row as the ``--json`` output names it."""
    ind, latest = row.indicator, row.latest
    return {
        "id": ind.id,
        "code": ind.code,
        "name": ind.name,
        "plan_document": row.plan_document_title,
        "program": row.program_name,
        "project": row.project_name,
        "goal": row.goal_name,
        "measure_unit": ind.measure_unit,
        "direction": ind.direction.value,
        "comparator": ind.comparator.value,
        "nature": ind.nature.value,
        "nature_label": word(ind.nature, lang),
        "accumulation": ind.accumulation.value,
        "baseline": ind.baseline_value,
        "baseline_year": ind.baseline_year,
        "target": ind.target_value,
        "target_year": ind.target_year,
        "target_text": ind.target_text,
        "latest": latest.value if latest else None,
        "latest_year": latest.year if latest else None,
        "latest_period": latest.period if latest else None,
        "latest_source": latest.source if latest else None,
        "latest_source_date": latest.source_date.isoformat()
        if latest and latest.source_date
        else None,
        "progress": _round(row.progress),
        "light": row.light.value,
        "light_label": word(row.light, lang),
        "trend": row.trend.describe(lang),
    }


def indicators_text(
    plan: Path, as_of: date, rows: list[IndicatorRow], lang: str = "zh", rules=None
) -> str:
    """The table with lights, CJK-aware columns, one block per plan document; under an
    "about" target shown as met, the rule that makes an overshoot count as met."""
    from qdplanner.domain.indicators import DEFAULT_INDICATOR_RULES
    from qdplanner.reports.indicator_notes import about_met, about_rule
    from qdplanner.reports.status_text import _pad, _width

    rules = rules or DEFAULT_INDICATOR_RULES

    headers = [
        tr(N_("CommandLine", "Light"), lang),
        tr(N_("CommandLine", "Code"), lang),
        tr(N_("CommandLine", "Indicator"), lang),
        tr(N_("CommandLine", "Nature"), lang),
        tr(N_("CommandLine", "Target"), lang),
        tr(N_("CommandLine", "By"), lang),
        tr(N_("CommandLine", "Latest"), lang),
        tr(N_("CommandLine", "Year"), lang),
        tr(N_("CommandLine", "Progress"), lang),
    ]
    lines = [
        tr(N_("CommandLine", "Plan {plan} — indicators as of {date}"), lang, plan=plan,
           date=as_of.isoformat())
    ]  # fmt: skip
    table = []
    for r in rows:
        ind, latest = r.indicator, r.latest
        table.append(
            (
                r.plan_document_title,
                [
                    symbol_word(r.light, lang),
                    ind.code,
                    ind.name,
                    word(ind.nature, lang),
                    target_label(ind.comparator, ind.target_value, ind.measure_unit),
                    str(ind.target_year or "—"),
                    format_number(latest.value) + ind.measure_unit if latest else "—",
                    (latest.period or str(latest.year)) if latest else "—",
                    f"{r.progress:.0%}" if r.progress is not None else "—",
                ],
                r,
            )
        )
    widths = [
        max([_width(h)] + [_width(c[i]) for _, c, _ in table]) + 2 for i, h in enumerate(headers)
    ]
    document = None
    for title, cells, r in table:
        if title != document:
            document = title
            header = "".join(_pad(h, w) for h, w in zip(headers, widths, strict=True))
            lines += ["", title, header.rstrip()]
        lines.append("".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if r.latest is not None and (r.indicator.target_value is not None or r.trend.pace):
            lines.append(" " * widths[0] + r.trend.describe(lang))
        if about_met(r.indicator, r.light):
            lines.append(" " * widths[0] + about_rule(r.indicator, rules, lang))
    if not rows:
        lines.append(tr(N_("CommandLine", "No indicators."), lang))
    counts = {light: sum(r.light == light for r in rows) for light in INDICATOR_LIGHT_ORDER}
    lines += ["", "  ".join(f"{word(k, lang)} {n}" for k, n in counts.items())]
    return "\n".join(lines)


@click.command()
@PLAN_ARG
@AS_OF_DATE
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object each.")
@LANG
@user_errors
def indicators(plan: Path, as_of, as_json: bool, lang: str) -> None:
    """Indicators of PLAN: target, latest actual, progress, light and trend.

    Lights: achieved, on track (at or ahead of the straight line from baseline to target),
    behind, off track (behind by more than the plan's threshold, a quarter of the distance by
    default, or the target year passed unmet), no data. Values published after --as-of are
    ignored.
    """
    from qdplanner.store.indicators import indicator_rules, read_indicators

    day = as_of_date(as_of)
    with open_plan(plan, readonly=True) as store:
        rules = indicator_rules(store)
        rows = read_indicators(store, as_of=day, rules=rules)
    if as_json:
        data = [indicator_json(r, lang) for r in rows]
        echo_json(data)
    else:
        click.echo(indicators_text(plan, day, rows, lang, rules))
        click.echo(
            tr(
                N_(
                    "CommandLine",
                    "Off track: behind the straight line by more than {gap} of the "
                    "baseline→target distance, or past the target year unmet; "
                    "约/左右 (about): ±{about}.",
                ),
                gap=f"{rules.off_track_gap:.0%}",
                about=f"{rules.about_tolerance:.0%}",
            )
        )


@click.command("indicator-value")
@PLAN_ARG
@click.argument("indicator")
@click.argument("year", type=int)
@click.argument("value")
@click.option(
    "--period", default="", help="Part of the year: H1, Q3, 2025-09 (default: whole year)."
)
@click.option("--target", "is_target", is_flag=True, help="A yearly target, not an actual.")
@click.option("--source", default="", help="Where the figure comes from.")
@click.option("--source-date", default=None, help="Date of the source (YYYY-MM-DD).")
@click.option("--notes", default="", help="A note kept with the value.")
@lock_options
@LANG
@user_errors
def indicator_value(
    plan: Path,
    indicator: str,
    year: int,
    value: str,
    period: str,
    is_target: bool,
    source: str,
    source_date: str | None,
    notes: str,
    break_lock: bool,
    wait: float | None,
    lang: str,
) -> None:
    """Set one value of INDICATOR (its code, id or exact name) for YEAR in PLAN.

    Replaces the value already there for that year and period; the change log keeps both.
    Put -- before a negative VALUE: indicator-value PLAN I05 2024 -- -2.5
    """
    from qdplanner.domain.enums import ChangeSource, ValueKind
    from qdplanner.store.indicators import find_indicator, set_indicator_value

    with open_plan(plan, break_lock=break_lock, wait=wait) as store:
        indicator_id, name = find_indicator(store, indicator)
        kind = ValueKind.TARGET if is_target else ValueKind.ACTUAL
        command = f"indicator-value {indicator} {year} {value}"
        with store.action(ChangeSource.COMMAND, command) as changes:
            set_indicator_value(
                store, changes, indicator_id, year, value, period, kind, source, source_date, notes
            )
    text = (
        N_("CommandLine", "{indicator}: target for {year}{period} set to {value}")
        if is_target
        else N_("CommandLine", "{indicator}: actual for {year}{period} set to {value}")
    )
    click.echo(tr(text, indicator=name, year=year, period=f" {period}" if period else "",
                  value=value))  # fmt: skip


COMMANDS = [indicators, indicator_value]
