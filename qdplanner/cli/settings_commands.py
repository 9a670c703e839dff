"""``qdplanner settings PLAN [KEY [VALUE]]``: list, show and change the plan's settings.

The keys, their kinds, defaults and bounds are :data:`qdplanner.domain.settings.SETTINGS`,
the table the window's Plan → Settings… dialog is built from; setting one is one logged
action, as an edit in the window is. An unknown key or a refused value is one line naming
the key and what it may be, exit code 2, and nothing is changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from qdplanner.cli.common import LANG, PLAN_ARG, echo_json, lock_options, open_plan, user_errors
from qdplanner.cli.failure import fail
from qdplanner.cli.language import error_text, tr
from qdplanner.domain import settings as domain
from qdplanner.errors import N_, ValidationError

EXIT_USAGE = 2  # click's code for a command line it cannot take


def _words(lang: str):
    """The settings table's words (context ``PlanSettings``) in ``lang``."""
    from qdplanner.catalogue import translate

    return lambda text: translate(lang, domain.CONTEXT, text)


def setting_json(key: str, value: Any, default: Any, lang: str) -> dict:
    """One setting as ``--json`` prints it (keys English; label and help in ``lang``)."""
    s, words = domain.BY_KEY[key], _words(lang)
    return {
        "key": key,
        "value": value,
        "default": default,
        "kind": s.kind.value,
        "low": s.low,
        "high": s.high,
        "unit": words(s.unit) if s.unit else "",
        "label": words(s.label),
        "help": words(s.help),
    }


def settings_text(plan: Path, values: dict, defaults: dict, lang: str) -> str:
    """Every setting on a line: key, value, default and what it is (CJK-aware columns)."""
    from qdplanner.reports.status_text import _pad, _width

    words = _words(lang)
    headers = [
        tr(N_("CommandLine", "Setting"), lang),
        tr(N_("CommandLine", "Value"), lang),
        tr(N_("CommandLine", "Default"), lang),
        tr(N_("CommandLine", "What it sets"), lang),
    ]
    table = [
        [
            s.key,
            domain.value_text(s.key, values[s.key], words) or "—",
            domain.value_text(s.key, defaults[s.key], words) or "—",
            words(s.label),
        ]
        for s in domain.SETTINGS
    ]
    widths = [max([_width(h)] + [_width(r[i]) for r in table]) + 2 for i, h in enumerate(headers)]
    lines = [tr(N_("CommandLine", "Settings of plan {plan}"), lang, plan=plan), ""]
    for cells in [headers, *table]:
        lines.append("".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip())
    lines += ["", tr(N_("CommandLine", "Change one with: qdplanner settings PLAN KEY VALUE"), lang)]
    return "\n".join(lines)


def setting_text(key: str, value: Any, default: Any, lang: str) -> str:
    """One setting: its value, then what it is, its default and range, and its help."""
    s, words = domain.BY_KEY[key], _words(lang)
    lines = [f"{key} = {domain.value_text(key, value, words)}", words(s.label)]
    lines.append(
        tr(N_("CommandLine", "Default: {default}"), lang,
           default=domain.value_text(key, default, words) or "—")
    )  # fmt: skip
    if s.kind == domain.SettingKind.TEXT:
        lines.append(tr(N_("CommandLine", "At most {high} characters"), lang, high=f"{s.high:g}"))
    elif s.kind == domain.SettingKind.DAYS_OR_OFF:
        lines.append(
            tr(N_("CommandLine", "From {low} to {high}, or off"), lang, low=s.low, high=s.high)
        )
    elif s.kind == domain.SettingKind.YES_NO:
        lines.append(tr(N_("CommandLine", "Yes or no"), lang))
    elif s.kind == domain.SettingKind.MONTH_OR_DAY:
        lines.append(tr(N_("CommandLine", "A month (2026-01) or a day (2026-01-15), or empty"),
                        lang))  # fmt: skip
    else:
        lines.append(tr(N_("CommandLine", "From {low} to {high}"), lang, low=s.low, high=s.high))
    lines.append(words(s.help))
    return "\n".join(lines)


@click.command("settings")
@PLAN_ARG
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON: every setting, or KEY, with its value, "
    "default, kind, range, label and help."
)  # fmt: skip
@lock_options
@LANG
@user_errors
def settings(
    plan: Path,
    key: str | None,
    value: str | None,
    as_json: bool,
    break_lock: bool,
    wait: float | None,
    lang: str,
) -> None:
    """List, show or change the settings of PLAN.

    \b
    settings PLAN              every setting, with its value and default
    settings PLAN KEY          one setting, with its range and what it does
    settings PLAN KEY VALUE    set it (one change, kept in the change log)

    \b
    Keys: light.yellow_behind, light.red_behind (points behind the time-proportional
    expectation, 0–100, yellow at most red), light.blue_days (0–366 days, or off),
    light.sticky_yellow (yes/no: keep a late recovery yellow until done),
    indicator.off_track_gap (percent, 0–100), report.office (the office on the progress
    summary's cover; "" for the plan document's issuer), evidence.max_mb (1–500).
    Every light follows at once: the window's, status, gantt and report.
    """
    from qdplanner.domain.enums import ChangeSource
    from qdplanner.store.plan_settings import read_settings, setting_defaults, write_settings

    try:
        wanted = domain.setting(key).key if key is not None else None
        typed = domain.parse_value(wanted, value) if value is not None else None
    except ValidationError as exc:
        fail(error_text(exc), EXIT_USAGE)
        return
    if value is None:
        with open_plan(plan, readonly=True) as store:
            values, defaults = read_settings(store), setting_defaults(store)
        if as_json:
            keys = [wanted] if wanted else list(domain.KEYS)
            data = [setting_json(k, values[k], defaults[k], lang) for k in keys]
            echo_json(data[0] if wanted else data)
        elif wanted:
            click.echo(setting_text(wanted, values[wanted], defaults[wanted], lang))
        else:
            click.echo(settings_text(plan, values, defaults, lang))
        return
    with open_plan(plan, break_lock=break_lock, wait=wait) as store:
        try:
            with store.action(ChangeSource.COMMAND, f"settings {wanted} {value}") as changes:
                diff = write_settings(store, changes, {wanted: typed})
        except ValidationError as exc:  # refused together with another (yellow above red)
            fail(error_text(exc), EXIT_USAGE)
            return
        now, default = read_settings(store)[wanted], setting_defaults(store)[wanted]
    if as_json:
        echo_json(setting_json(wanted, now, default, lang))
        return
    words = _words(lang)
    if wanted not in diff:
        click.echo(
            tr(N_("CommandLine", "{key} is already {value}; nothing changed"), lang,
               key=wanted, value=domain.value_text(wanted, now, words) or "“”")
        )  # fmt: skip
        return
    old = diff[wanted][0]
    click.echo(
        tr(N_("CommandLine", "{key}: {old} → {new}"), lang, key=wanted,
           old=domain.value_text(wanted, old, words) or "“”",
           new=domain.value_text(wanted, now, words) or "“”")
    )  # fmt: skip


COMMANDS = [settings]
