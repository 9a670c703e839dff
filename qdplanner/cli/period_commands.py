"""Closed periods (关账): ``period close``, ``period reopen``, ``period list``, ``period compare``.

Closing keeps, in the plan, every task's light, status, percent and latest narrative, every
indicator's latest value, progress and light and every unit's return as they stood at the
period's end (``qdplanner.store.periods``); ``compare`` says what moved from one period to
another, each closed period from what it kept, an open one judged live (and says so).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from qdplanner.cli.common import (
    LANG,
    PLAN_ARG,
    Language,
    echo_json,
    lock_options,
    open_plan,
    user_errors,
)
from qdplanner.cli.language import current_language, set_language, tr
from qdplanner.errors import N_

PERIOD_ARG_HELP = "PERIOD is written 2025Q4, 2025H2, 2025-12 or 2025."
DEFAULT_LIMIT = 20


def _speak_if_given(ctx, param, value):
    """A sub-command's --lang: when given, what it prints is in it; else the group's or the
    locale's language stays."""
    if value is not None:
        set_language(value)
    return value or current_language()


SUB_LANG = click.option(
    "--lang",
    type=Language(),
    default=None,
    callback=_speak_if_given,
    is_eager=True,
    help="Language of what the command prints (default: the locale's, or period --lang).",
)
JSON = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")


@click.group("period")
@LANG
def period_group(lang: str) -> None:
    """Close a reporting period (keep the plan as it stood at its end), reopen it, list the
    closed periods and compare two periods: what moved from one to the other."""


def _time(stamp: str | None) -> str:
    from qdplanner.domain.text import local_minute

    return local_minute(stamp)


def _lights(lights, lang: str) -> str:
    from qdplanner.domain.vocabulary import LIGHT_ORDER, symbol_word

    parts = [f"{symbol_word(light, lang)} {lights[light]}" for light in LIGHT_ORDER
             if lights.get(light)]  # fmt: skip
    return ("，" if lang == "zh" else ", ").join(parts)


@period_group.command("close")
@PLAN_ARG
@click.argument("period")
@JSON
@lock_options
@SUB_LANG
@user_errors
def close_cmd(
    plan: Path, period: str, as_json: bool, break_lock: bool, wait: float | None, lang: str
) -> None:
    """Close PERIOD of PLAN: keep every task's light, status, percent and latest narrative,
    every indicator's latest value, progress and light, and every unit's return, as they
    stood at the period's end. A closed period is never recomputed; closing it again is
    refused (reopen it first)."""
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.domain.periods import parse_period
    from qdplanner.store.periods import close_period

    code = parse_period(period).code
    opened = open_plan(plan, break_lock=break_lock, wait=wait)
    with opened as store, store.action(ChangeSource.COMMAND, f"period close {code}") as changes:
        closed = close_period(store, changes, code)
    if as_json:
        echo_json(closed.as_dict())
        return
    click.echo(
        tr(N_("CommandLine", "Closed {period} in {path}: {tasks} task(s), {indicators} "
              "indicator(s) and {units} unit return(s) kept as they stood at {date}."),
           period=code, path=plan, tasks=closed.tasks, indicators=closed.indicators,
           units=closed.units, date=closed.judged_at.isoformat())
    )  # fmt: skip
    if closed.lights:
        click.echo("  " + _lights(closed.lights, lang))


@period_group.command("reopen")
@PLAN_ARG
@click.argument("period")
@JSON
@lock_options
@SUB_LANG
@user_errors
def reopen_cmd(
    plan: Path, period: str, as_json: bool, break_lock: bool, wait: float | None, lang: str
) -> None:
    """Reopen PERIOD of PLAN: what its closing kept is removed (the reopening is logged with
    who and when) and the period is judged live until it is closed again."""
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.domain.periods import parse_period
    from qdplanner.store.periods import reopen_period

    code = parse_period(period).code
    opened = open_plan(plan, break_lock=break_lock, wait=wait)
    with opened as store, store.action(ChangeSource.COMMAND, f"period reopen {code}") as changes:
        was = reopen_period(store, changes, code)
    if as_json:
        echo_json({**was.as_dict(), "reopened": True})
        return
    click.echo(
        tr(N_("CommandLine", "Reopened {period} in {path} (closed {when} by {who}); it is "
              "judged live until it is closed again."),
           period=code, path=plan, when=_time(was.closed_at), who=was.closed_by)
    )  # fmt: skip


@period_group.command("list")
@PLAN_ARG
@JSON
@SUB_LANG
@user_errors
def list_cmd(plan: Path, as_json: bool, lang: str) -> None:
    """The closed periods of PLAN, latest first, with who closed them and when; reopened
    closings too."""
    from qdplanner.store.periods import period_closes

    with open_plan(plan, readonly=True) as store:
        closes = period_closes(store)
    if as_json:
        echo_json({"closes": [c.as_dict() for c in closes],
                   "closed": [c.period for c in closes if c.in_force]})  # fmt: skip
        return
    if not closes:
        click.echo(tr(N_("CommandLine", "No period of {path} has been closed."), path=plan))
        return
    for c in closes:
        text = tr(
            N_("CommandLine", "{period}: closed {when} by {who}, as it stood at {date}: "
               "{tasks} task(s), {indicators} indicator(s), {units} unit(s)"),
            period=c.period, when=_time(c.closed_at), who=c.closed_by,
            date=c.judged_at.isoformat(), tasks=c.tasks, indicators=c.indicators, units=c.units,
        )  # fmt: skip
        if not c.in_force:
            text += tr(N_("CommandLine", "; reopened {when} by {who}"),
                       when=_time(c.reopened_at), who=c.reopened_by)  # fmt: skip
        click.echo(text)


# -- compare ---------------------------------------------------------------------------------


def standing_line(standing, today: date) -> str:
    """How a period's standing was had: kept at closing, or judged live (and how)."""
    if standing.closed:
        return tr(N_("CommandLine", "{period}: closed {when} by {who}, as the plan stood at "
                     "{date}"), period=standing.period, when=_time(standing.closed_at),
                  who=standing.closed_by, date=standing.judged_at.isoformat())  # fmt: skip
    if standing.judged_at < today:
        return tr(N_("CommandLine", "{period}: not closed: compared against the live judgement "
                     "at the period's end ({date}), from what the plan holds now"),
                  period=standing.period, date=standing.judged_at.isoformat())  # fmt: skip
    return tr(N_("CommandLine", "{period}: not closed and not over: judged today ({date}) "
                 "with the current figures"), period=standing.period,
              date=standing.judged_at.isoformat())  # fmt: skip


def _width(text: str) -> int:
    """Terminal cells of ``text``: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _task_text(move, lang: str, *, lights: bool = True, due: bool = False) -> str:
    """A task that moved: its program or project (codes restart in each), code, title and
    lead unit, then its lights and percents (and its due date, for a newly overdue one)."""
    from qdplanner.domain.vocabulary import symbol_word

    t, b = move.after, move.before
    what = f"{t.stream} {t.code} {t.title}".strip()
    if t.lead_unit:
        what += f" ({t.lead_unit})" if lang != "zh" else f"（{t.lead_unit}）"
    if due and t.due_date:
        what += tr(N_("CommandLine", ", due {date}"), date=t.due_date.isoformat())
    if not lights:
        return what
    after = symbol_word(t.light, lang)
    percent = f"{t.percent}%" if t.recorded else "—"
    if b is None:
        return f"{what}: {after}, {percent}" if lang != "zh" else f"{what}：{after}，{percent}"
    before = symbol_word(b.light, lang)
    was = f"{b.percent}%" if b.recorded else "—"
    colon, comma = ("：", "，") if lang == "zh" else (": ", ", ")
    return f"{what}{colon}{before} → {after}{comma}{was} → {percent}"


def _indicator_text(move, lang: str) -> str:
    from qdplanner.domain.indicator_trend import format_number
    from qdplanner.domain.vocabulary import symbol_word

    def value(i) -> str:
        if i is None or i.latest_value is None:
            return "—"
        text = f"{format_number(i.latest_value)}{i.measure_unit}"
        return f"{text} ({i.latest_when})" if i.latest_when else text

    a, b = move.after, move.before
    colon, comma = ("：", "，") if lang == "zh" else (": ", ", ")
    lights = symbol_word(a.light, lang)
    if b is not None and b.light != a.light:
        lights = f"{symbol_word(b.light, lang)} → {lights}"
    values = value(a) if b is None else f"{value(b)} → {value(a)}"
    return f"{a.name}{colon}{lights}{comma}{values}"


def _unit_text(move, lang: str) -> str:
    from qdplanner.domain.vocabulary import symbol_word

    u = move.after
    colon, comma = ("：", "，") if lang == "zh" else (": ", ", ")
    parts = [symbol_word(u.standing, lang)]
    if u.late:
        parts.append(tr(N_("CommandLine", "returned {when}, due {date}"),
                        when=_time(u.returned_at), date=u.due_on.isoformat()))  # fmt: skip
    if u.left_empty:
        parts.append(tr(N_("CommandLine", "{n} row(s) left empty"), n=u.left_empty))
    if move.again:
        parts.append(tr(N_("CommandLine", "also in the earlier period")))
    return f"{u.name}{colon}{comma.join(parts)}"


def comparison_text(result, lang: str, today: date, limit: int = DEFAULT_LIMIT) -> str:
    """The comparison as the command prints it: how each period was had, the counts, the
    lights of both, then each group (at most ``limit`` lines each; 0: all)."""
    from qdplanner.domain.vocabulary import symbol_word

    c = result.counts()
    earlier, later = result.earlier, result.later
    lines = [
        tr(N_("CommandLine", "From {earlier} to {later} ({tasks} task(s)):"),
           earlier=earlier.period, later=later.period, tasks=c["tasks"]),
        "  " + standing_line(earlier, today),
        "  " + standing_line(later, today),
        tr(N_("CommandLine", "Lights: {better} better, {worse} worse, {other} other change(s); "
              "{done} newly done, {overdue} newly overdue; {no_report} task(s) with no report "
              "for {period}."),
           better=c["lights_better"], worse=c["lights_worse"], other=c["lights_other"],
           done=c["newly_done"], overdue=c["newly_overdue"], no_report=c["no_report"],
           period=later.period),
        tr(N_("CommandLine", "Indicators: {moved} moved ({better} better, {worse} worse, {first} "
              "measured for the first time). Units: {late} returned late, {partial} partly "
              "returned, {missing} not returned."),
           moved=c["indicators_moved"], better=c["indicators_better"],
           first=c["indicators_first_measured"],
           worse=c["indicators_worse"], late=c["units_late"], partial=c["units_partial"],
           missing=c["units_not_returned"]),
    ]  # fmt: skip
    if c["new_tasks"] or c["gone_tasks"]:
        added = N_("CommandLine", "{new} task(s) added since {earlier}, {gone} removed.")
        lines.append(tr(added, new=c["new_tasks"], gone=c["gone_tasks"], earlier=earlier.period))
    table = result.light_table()
    if table:
        lines.append("")
        width = max(_width(symbol_word(light, lang)) for light, _a, _b in table) + 2
        lines.append(f"  {_pad('', width)}{earlier.period:>8}{later.period:>8}")
        for light, a, b in table:
            lines.append(f"  {_pad(symbol_word(light, lang), width)}{a:>8}{b:>8}")
    groups: list[tuple[str, list, Callable]] = [
        (N_("CommandLine", "Lights worse ({n}):"), result.worse, _task_text),
        (N_("CommandLine", "Lights better ({n}):"), result.better, _task_text),
        (N_("CommandLine", "Other light changes ({n}):"), result.other, _task_text),
        (N_("CommandLine", "Newly done ({n}):"), result.newly_done, _task_text),
        (N_("CommandLine", "Newly overdue ({n}):"), result.newly_overdue,
         lambda m, lg: _task_text(m, lg, due=True)),
        (N_("CommandLine", "No report for the period ({n}):"), result.no_report,
         lambda m, lg: _task_text(m, lg, lights=False)),
        (N_("CommandLine", "Indicators moved ({n}):"), result.indicators, _indicator_text),
        (N_("CommandLine", "Units late or not returned ({n}):"), result.units, _unit_text),
    ]  # fmt: skip
    for title, items, text in groups:
        if not items:
            continue
        lines += ["", tr(title, n=len(items))]
        shown = items if limit <= 0 else items[:limit]
        lines += [f"  {text(item, lang)}" for item in shown]
        if len(items) > len(shown):
            lines.append("  " + tr(N_("CommandLine", "… and {n} more (--limit 0 lists all)"),
                                   n=len(items) - len(shown)))  # fmt: skip
    return "\n".join(lines)


@period_group.command("compare")
@PLAN_ARG
@click.argument("first")
@click.argument("second")
@JSON
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=DEFAULT_LIMIT,
    show_default=True,
    help="Lines listed per group (0: all); --json always lists all.",
)
@SUB_LANG
@user_errors
def compare_cmd(plan: Path, first: str, second: str, as_json: bool, limit: int, lang: str) -> None:
    """What moved in PLAN from one period to another (FIRST and SECOND, in either order):
    lights better or worse, newly done, newly overdue, tasks with no report for the later
    period, indicators moved, units that returned late or not at all. A closed period is
    read from what its closing kept; an open one is judged live, and the output says so."""
    from qdplanner.store.periods import compare_periods

    today = date.today()
    with open_plan(plan, readonly=True) as store:
        result = compare_periods(store, first, second, today)
    if as_json:
        echo_json(result.as_dict())
        return
    click.echo(comparison_text(result, lang, today, limit))


COMMANDS = [period_group]
