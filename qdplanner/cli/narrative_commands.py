"""The period's narrative: ``qdplanner narrative PLAN PERIOD`` shows it, ``--set`` edits it.

Per program and project, the four sections 总体进展 / 主要成效 / 存在问题 / 下步工作 of a
period (``qdplanner.store.narratives``): the plan's own text, else the previous period's as
the clerk edited it, else drafted from the data (``--draft``: drafted from the data,
whatever is kept). Each section says where its text comes from. ``--set SECTION --scope …
--text …`` (or ``--file``) keeps the clerk's text, logged; a closed period is refused.
"""

from __future__ import annotations

from pathlib import Path

import click

from qdplanner.cli.common import LANG, PLAN_ARG, echo_json, lock_options, open_plan, user_errors
from qdplanner.cli.language import tr
from qdplanner.errors import N_

SECTION_CHOICES = ("overall", "results", "problems", "next_steps")


def _source_line(section) -> str:
    """Where a section's text comes from, in a line."""
    from qdplanner.domain.text import local_minute
    from qdplanner.store.narratives import Origin, Source

    if section.source == Source.DATA:
        return tr(N_("CommandLine", "drafted from the data"))
    if section.source == Source.PREVIOUS:
        return tr(N_("CommandLine", "carried over from {period} (edited by {who}, {when})"),
                  period=section.from_period, who=section.updated_by,
                  when=local_minute(section.updated_at))  # fmt: skip
    template = {
        Origin.EDITED: N_("CommandLine", "edited by {who}, {when}"),
        Origin.DRAFTED: N_("CommandLine", "kept as drafted by {who}, {when}"),
        Origin.PREVIOUS: N_("CommandLine", "kept as carried over by {who}, {when}"),
    }[section.origin]
    return tr(template, who=section.updated_by, when=local_minute(section.updated_at))


def narrative_lines(narrative, lang: str) -> list[str]:
    """One program's or project's narrative as the command prints it."""
    from qdplanner.domain.narrative import SECTIONS, section_title

    kind = (
        tr(N_("CommandLine", "Program"))
        if narrative.scope.kind == "program"
        else tr(N_("CommandLine", "Project"))
    )
    lines = [f"== {kind}: {narrative.scope.name} · {narrative.period} =="]
    for section in SECTIONS:
        s = narrative.sections[section]
        lines.append(f"[{section_title(section, lang)}] ({_source_line(s)})")
        lines += [f"  {line}" for line in s.text.splitlines()] or ["  —"]
    return lines


@click.command("narrative")
@PLAN_ARG
@click.argument("period")
@click.option(
    "--scope",
    "scope_text",
    default=None,
    metavar="program:NAME|project:NAME",
    help="One program or project (default: every one, in outline order).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--draft",
    is_flag=True,
    help="Show the narrative drafted from the data, whatever the plan keeps (changes nothing).",
)
@click.option(
    "--set",
    "section_text",
    default=None,
    metavar="SECTION",
    help="Keep the text of this section (" + ", ".join(SECTION_CHOICES) + ", or 总体进展, "
    "主要成效, 存在问题, 下步工作) for --scope; with --text or --file.",
)
@click.option("--text", default=None, help="The text for --set.")
@click.option(
    "--file",
    "text_file",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help="Read the text for --set from this UTF-8 file ('-': standard input).",
)
@lock_options
@LANG
@user_errors
def narrative_cmd(
    plan: Path,
    period: str,
    scope_text: str | None,
    as_json: bool,
    draft: bool,
    section_text: str | None,
    text: str | None,
    text_file,
    break_lock: bool,
    wait: float | None,
    lang: str,
) -> None:
    """The narrative of PERIOD in PLAN (2025Q4, 2025H2, 2025-12 or 2025): per program and
    project, 总体进展 / 主要成效 / 存在问题 / 下步工作, each saying where its text comes from
    (kept in the plan, carried over from the previous period, or drafted from the data —
    the units' reports for the period, grouped, with counts, lights and the tasks named).
    With --set SECTION, --scope and --text or --file: keep the clerk's text for that section
    (logged; refused for a closed period)."""
    from qdplanner.domain.periods import parse_period
    from qdplanner.store.narratives import find_scope, narrative_scopes, read_narratives

    code = parse_period(period).code
    if section_text is not None:
        _set(plan, code, scope_text, section_text, text, text_file, as_json, lang,
             break_lock, wait)  # fmt: skip
        return
    if text is not None or text_file is not None:
        raise click.UsageError("--text and --file go with --set SECTION")
    with open_plan(plan, readonly=True) as store:
        scopes = [find_scope(store, scope_text)] if scope_text else narrative_scopes(store)
        narratives = read_narratives(store, code, lang, scopes=scopes, redraft=draft)
    if as_json:
        closed = narratives[0].closed if narratives else False
        echo_json({"period": code, "closed": closed, "drafted_only": draft,
                   "narratives": [n.as_dict() for n in narratives]})  # fmt: skip
        return
    if not narratives:
        click.echo(tr(N_("CommandLine", "{path} has no program or project."), path=plan))
        return
    if narratives[0].closed:
        click.echo(tr(N_("CommandLine", "{period} is closed: its narrative is kept as it is."),
                      period=code))  # fmt: skip
    blocks = ["\n".join(narrative_lines(n, lang)) for n in narratives]
    click.echo("\n\n".join(blocks))


def _set(plan, code, scope_text, section_text, text, text_file, as_json, lang, break_lock, wait):
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.domain.narrative import parse_section, section_title
    from qdplanner.store.narratives import find_scope, read_narrative, write_narrative

    if not scope_text:
        raise click.UsageError("--set needs --scope program:NAME or project:NAME")
    if (text is None) == (text_file is None):
        raise click.UsageError("--set needs one of --text or --file")
    section = parse_section(section_text)
    body = text if text is not None else text_file.read()
    with open_plan(plan, break_lock=break_lock, wait=wait) as store:
        scope = find_scope(store, scope_text)
        description = f"narrative {code} {scope}: {section.value}"
        with store.action(ChangeSource.COMMAND, description) as changes:
            written = write_narrative(store, changes, code, scope, {section: body})
        narrative = read_narrative(store, code, scope, lang)
    if as_json:
        echo_json({"written": written, **narrative.as_dict()})
        return
    if written:
        line = N_("CommandLine", "Kept the {section} of {scope} for {period} in {path}.")
    else:
        line = N_("CommandLine", "The {section} of {scope} for {period} is unchanged.")
    click.echo(tr(line, section=section_title(section, lang), scope=scope.name, period=code,
                  path=plan))  # fmt: skip


COMMANDS = [narrative_cmd]
