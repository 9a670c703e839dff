"""Quarterly collection (季度填报): issue a workbook per lead unit, import the returns, chase.

``collect`` writes one workbook per lead unit for a period; ``collect-import`` reads returned
workbooks (many at once), shows errors and conflicts and applies the good ones;
``collect-status`` lists which units returned (fully, or with rows left empty), which have
not, and which were never issued; ``collect-status --late`` the units to chase, and
``collect-remind`` writes a reminder notice (催办通知) for each.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click

from qdplanner.cli.common import (
    LANG,
    PLAN_ARG,
    echo_json,
    lock_options,
    open_plan,
    user_errors,
    workbook_language,
)
from qdplanner.cli.failure import EXIT_ERROR
from qdplanner.cli.language import tr
from qdplanner.domain.text import local_minute
from qdplanner.errors import N_, NotFoundError, QdError

PERIOD_HELP = "Reporting period: 2024Q3, 2024H1, 2024-09 or 2024."


_local = local_minute


@click.command("collect")
@PLAN_ARG
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--period", required=True, help=PERIOD_HELP)
@LANG
@click.option(
    "--due",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day units must return their workbook by (YYYY-MM-DD); shown in the workbook.",
)
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="Only this unit (name, short name or alias); repeatable. Default: every lead unit.",
)
@click.option("--force", is_flag=True, help="Overwrite workbooks of the same name in OUTDIR.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@lock_options
@user_errors
def collect_cmd(
    plan: Path,
    outdir: Path,
    period: str,
    lang: str,
    due: datetime | None,
    units: tuple[str, ...],
    force: bool,
    as_json: bool,
    break_lock: bool,
    wait: float | None,
) -> None:
    """Write one progress workbook per lead unit of PLAN into OUTDIR, for --period.

    Each holds only the tasks the unit leads; only the progress cells can be filled in.
    The plan records every workbook issued (see collect-status). The workbooks (sheets,
    headers, instructions, words) are in --lang.
    """
    from qdplanner.excel.collection_export import collect_workbooks
    from qdplanner.store.unit_directory import resolve_unit

    with open_plan(plan, break_lock=break_lock, wait=wait) as store:
        unit_ids = None
        if units:
            unit_ids = []
            for name in units:
                unit_id = resolve_unit(store, name)
                if unit_id is None:
                    raise NotFoundError(N_("Messages", "no unit is called {name}"), name=name)
                unit_ids.append(unit_id)
        result = collect_workbooks(
            store,
            outdir,
            period,
            lang=workbook_language(lang),
            due=due.date() if due else None,
            unit_ids=unit_ids,
            overwrite=force,
        )
    if as_json:
        echo_json(result.as_json())
        return
    for book in result.workbooks:
        click.echo(
            tr(N_("CommandLine", "{path}: {unit}, {n} task(s)"), path=book.path,
               unit=book.unit_name, n=book.tasks)
        )  # fmt: skip
    for name in result.skipped:
        click.echo(tr(N_("CommandLine", "{unit}: leads no task; no workbook written"), unit=name))
    click.echo(
        tr(N_("CommandLine", "{period}: {n} workbook(s) written to {folder}."),
           period=result.period, n=len(result.workbooks), folder=outdir)
    )  # fmt: skip


@click.command("collect-import")
@PLAN_ARG
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--period", default=None, help="Refuse workbooks of another period. " + PERIOD_HELP)
@click.option("--dry-run", is_flag=True, help="Show what would be applied; apply nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--prefer",
    multiple=True,
    metavar="FILE|plan",
    help="Settle conflicting reports for this file (its name or path), or for what the plan "
    "holds (plan); repeatable, the first that applies wins.",
)
@lock_options
@LANG
@user_errors
def collect_import_cmd(
    plan: Path,
    files: tuple[Path, ...],
    period: str | None,
    dry_run: bool,
    as_json: bool,
    prefer: tuple[str, ...],
    break_lock: bool,
    wait: float | None,
    lang: str,
) -> None:
    """Import returned progress workbooks FILE... into PLAN.

    A workbook with any error (another plan or period, changed read-only cells, a task the
    unit does not lead, a bad status, percent or date) is not applied; the others are.
    Two different reports for one task and period are conflicts: settle them with --prefer,
    else nothing is applied. Exit code 1 on errors or unresolved conflicts.
    """
    from qdplanner.cli.previews import returns_text
    from qdplanner.excel.collection_import import apply_returns, preview_returns

    result = None
    with open_plan(plan, readonly=dry_run, break_lock=break_lock, wait=wait) as store:
        preview = preview_returns(store, files, period=period)
        choices = preview.choices_for(prefer)
        unresolved = preview.unresolved(choices)
        if not dry_run and not unresolved and preview.ok_files:
            result = apply_returns(store, preview, choices)
    unused = [p for p in prefer if p.casefold() != "plan" and preview.file_named(p) is None]
    if as_json:
        data = {
            "dry_run": dry_run,
            **preview.as_json(choices),
            "result": result.as_dict() if result else None,
        }
        echo_json(data)
    else:
        click.echo(returns_text(preview, lang, choices))
        if result is not None:
            click.echo(
                tr(N_("CommandLine", "Applied to {path}: {added} report(s) added, {replaced} "
                      "replaced; {returned} workbook(s) marked returned."), path=plan,
                   added=result.added, replaced=result.replaced, returned=len(result.returned))
            )  # fmt: skip
        elif dry_run:
            click.echo(tr(N_("CommandLine", "Dry run: nothing was applied.")))
    for p in unused:
        text = tr(N_("CommandLine", "--prefer {file}: not one of the files given"), file=p)
        click.echo(f"qdplanner: {text}", err=True)
    if unresolved:
        text = tr(N_("CommandLine", "{n} conflict(s) unresolved; nothing was applied (choose "
                     "with --prefer FILE or --prefer plan)"), n=len(unresolved))  # fmt: skip
        click.echo(f"qdplanner: {text}", err=True)
    if preview.errors:
        bad = sum(not f.ok for f in preview.files)
        text = tr(N_("CommandLine", "{n} error(s) in {files} workbook(s); those workbooks were "
                     "not applied"), n=len(preview.errors), files=bad)  # fmt: skip
        click.echo(f"qdplanner: {text}", err=True)
    if unresolved or preview.errors:
        sys.exit(EXIT_ERROR)


AS_OF_LATE = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Judge who is late at this date (YYYY-MM-DD); default today.",
)


def _latest_period(store, period: str | None) -> str:
    from qdplanner.domain.periods import parse_period
    from qdplanner.store.collections import collection_periods

    if period is None:
        periods = collection_periods(store)
        if not periods:
            raise QdError(N_("Messages", "no collection round yet: give --period"))
        period = periods[0]
    return parse_period(period).code


def _rows_text(rows, lang: str) -> str:
    """Rows left empty as a line names them: ``5 (G2-5 …), 7 (…)``; a removed row by task."""
    parts = []
    for e in rows[:20]:
        what = f"{e.code} {e.title}".strip()
        if len(what) > 24:
            what = what[:23] + "…"
        if e.row:
            parts.append(tr(N_("CommandLine", "row {row} ({task})"), row=e.row, task=what))
        else:
            parts.append(tr(N_("CommandLine", "removed row ({task})"), task=what))
    more = len(rows) - len(parts)
    text = ("、" if lang == "zh" else ", ").join(parts)
    if more > 0:
        text += tr(N_("CommandLine", " and {n} more"), n=more)
    return text


def _contact_text(contact: str, phone: str) -> str:
    missing = tr(N_("CommandLine", "not on record"))
    return tr(
        N_("CommandLine", "contact {contact}, phone {phone}"),
        contact=contact or missing,
        phone=phone or missing,
    )


@click.command("collect-status")
@PLAN_ARG
@click.option("--period", default=None, help=PERIOD_HELP + " Default: the latest round.")
@click.option(
    "--late",
    is_flag=True,
    help="Only the units to chase: past the due date with no return, or a partial one; "
    "with their contact and the tasks still unreported.",
)
@AS_OF_LATE
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@LANG
@user_errors
def collect_status_cmd(
    plan: Path,
    period: str | None,
    late: bool,
    as_of: datetime | None,
    as_json: bool,
    lang: str,
) -> None:
    """Which lead units of PLAN returned their workbook for --period (fully or with rows
    left empty), which have not yet (and are past the due date), and which were never
    issued one. --late lists the units to chase."""
    from qdplanner.domain.enums import ReturnStanding
    from qdplanner.domain.vocabulary import symbol_word
    from qdplanner.store.collections import collection_status, late_units

    today = as_of.date() if as_of else date.today()
    with open_plan(plan, readonly=True) as store:
        code = _latest_period(store, period)
        if late:
            chase = late_units(store, code, today)
        else:
            rows = collection_status(store, code, today)
    separator, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
    if late:
        if as_json:
            echo_json({"period": code, "as_of": today.isoformat(), "count": len(chase),
                       "late": [u.as_dict() for u in chase]})  # fmt: skip
            return
        click.echo(
            tr(N_("CommandLine", "{period}: {n} unit(s) late at {date}"), period=code,
               n=len(chase), date=today.isoformat())
        )  # fmt: skip
        for unit in chase:
            s = unit.status
            day = s.due_on.isoformat() if s.due_on else "—"
            due = tr(N_("CommandLine", "due {date}"), date=day)
            if not s.due_given:
                due += tr(N_("CommandLine", " (the default: none was given)"))
            parts = [symbol_word(s.standing, lang), due, _contact_text(s.contact, s.phone)]
            click.echo(f"{s.unit_name}{colon}{separator.join(parts)}")
            click.echo("  " + tr(N_("CommandLine", "{n} open task(s):"), n=len(unit.open_tasks)))
            stream = None
            for task in unit.open_tasks:
                if task.stream and task.stream != stream:  # codes restart in each
                    stream = task.stream
                    click.echo(f"    {stream}")
                where = ""
                if task.row:
                    where = "  " + tr(N_("CommandLine", "(row {row} left empty)"), row=task.row)
                click.echo(f"      {task.code} {task.title}{where}".rstrip())
        return
    groups = {
        "returned": [r for r in rows if r.standing == ReturnStanding.RETURNED],
        "partial": [r for r in rows if r.standing == ReturnStanding.PARTIAL],
        "not_returned": [
            r for r in rows if r.standing in (ReturnStanding.ISSUED, ReturnStanding.MISSING)
        ],
        "never_issued": [r for r in rows if r.standing == ReturnStanding.NOT_ISSUED],
    }
    if as_json:
        data = {
            "period": code,
            "as_of": today.isoformat(),
            "counts": {**{k: len(v) for k, v in groups.items()},
                       "late": sum(r.late for r in rows)},
            **{k: [r.as_dict() for r in v] for k, v in groups.items()},
        }  # fmt: skip
        echo_json(data)
        return
    click.echo(
        tr(N_("CommandLine", "{period}: {units} unit(s): {returned} returned, {partial} "
              "partly returned, {not_returned} not returned, {never_issued} never issued; "
              "{late} late"), period=code, units=len(rows), late=sum(r.late for r in rows),
           **{k: len(v) for k, v in groups.items()})
    )  # fmt: skip
    titles = {
        "returned": N_("CommandLine", "Returned:"),
        "partial": N_("CommandLine", "Partly returned (rows left empty):"),
        "not_returned": N_("CommandLine", "Not returned:"),
        "never_issued": N_("CommandLine", "Never issued:"),
    }
    for key, members in groups.items():
        if not members:
            continue
        click.echo(tr(titles[key]))
        for r in members:
            parts = [tr(N_("CommandLine", "{n} task(s), {reported} reported"), n=r.task_count,
                        reported=r.reported)]  # fmt: skip
            if r.issued_at:
                parts.append(tr(N_("CommandLine", "issued {time}"), time=_local(r.issued_at)))
            if r.due_on and not r.returned_at:
                parts.append(tr(N_("CommandLine", "due {date}"), date=r.due_on.isoformat()))
            if r.late:
                parts.append(symbol_word(r.standing, lang))
            if r.returned_at:
                parts.append(
                    tr(N_("CommandLine", "returned {time} ({file})"),
                       time=_local(r.returned_at), file=r.returned_file)
                )  # fmt: skip
            if r.left_empty:
                parts.append(
                    tr(N_("CommandLine", "left empty: {rows}"), rows=_rows_text(r.left_empty, lang))
                )
            click.echo(f"  {r.unit_name}{colon}{separator.join(parts)}")


@click.command("collect-remind")
@PLAN_ARG
@click.argument("period")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--unit",
    "units",
    multiple=True,
    metavar="NAME",
    help="Only this unit (name, short name or alias); repeatable. Default: every late unit.",
)
@AS_OF_LATE
@click.option("--force", is_flag=True, help="Overwrite notices of the same name in OUTDIR.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@LANG
@user_errors
def collect_remind_cmd(
    plan: Path,
    period: str,
    outdir: Path,
    units: tuple[str, ...],
    as_of: datetime | None,
    force: bool,
    as_json: bool,
    lang: str,
) -> None:
    """Write a reminder notice (催办通知) as a Word document into OUTDIR for every unit of
    PLAN late for PERIOD: past the due date with no return, or with rows left empty.

    Each names the unit, its contact and phone, the period and due date, the tasks still
    unreported, and the office sending it (the plan setting report.office). In --lang.
    """
    from qdplanner.domain.periods import parse_period
    from qdplanner.reports.reminder import reminder_notices, write_notices
    from qdplanner.store.collections import collection_status
    from qdplanner.store.unit_directory import resolve_unit

    today = as_of.date() if as_of else date.today()
    code = parse_period(period).code
    with open_plan(plan, readonly=True) as store:
        unit_ids = None
        if units:
            unit_ids = []
            for name in units:
                unit_id = resolve_unit(store, name)
                if unit_id is None:
                    raise NotFoundError(N_("Messages", "no unit is called {name}"), name=name)
                unit_ids.append(unit_id)
        notices = reminder_notices(store, code, today, unit_ids=unit_ids)
        if unit_ids is not None:
            late = {n.unit_id for n in notices}
            standing = {r.unit_id: r for r in collection_status(store, code, today)}
            for unit_id, name in zip(unit_ids, units, strict=True):
                if unit_id not in late:
                    row = standing.get(unit_id)
                    raise QdError(
                        N_("Messages", "{unit} is not late for {period} ({standing}); no "
                           "notice was written"),
                        unit=name, period=code,
                        standing=symbol_word_of(row.standing if row else None, lang),
                    )  # fmt: skip
    paths = write_notices(notices, outdir, lang, overwrite=force) if notices else []
    if as_json:
        echo_json({
            "period": code,
            "as_of": today.isoformat(),
            "notices": [{"unit_id": n.unit_id, "unit": n.unit, "file": str(p),
                         "tasks": len(n.tasks)} for n, p in zip(notices, paths, strict=True)],
        })  # fmt: skip
        return
    for notice, path in zip(notices, paths, strict=True):
        click.echo(
            tr(N_("CommandLine", "{path}: {unit}, {n} open task(s)"), path=path,
               unit=notice.unit, n=len(notice.tasks))
        )  # fmt: skip
    if not notices:
        click.echo(tr(N_("CommandLine", "{period}: no unit is late at {date}; no notice "
                         "written."), period=code, date=today.isoformat()))  # fmt: skip
        return
    click.echo(
        tr(N_("CommandLine", "{period}: {n} reminder notice(s) written to {folder}."),
           period=code, n=len(paths), folder=outdir)
    )  # fmt: skip


def symbol_word_of(standing, lang: str) -> str:
    from qdplanner.domain.enums import ReturnStanding
    from qdplanner.domain.vocabulary import symbol_word

    return symbol_word(standing or ReturnStanding.NOT_ISSUED, lang)


COMMANDS = [collect_cmd, collect_import_cmd, collect_status_cmd, collect_remind_cmd]
