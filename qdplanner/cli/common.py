"""What every command shares: one-line errors, the plan argument, the --as-of and --lang options."""

from __future__ import annotations

import json
import math
import os
import sys
from datetime import date, datetime
from functools import partial
from pathlib import Path

import click

from qdplanner.addresses import is_server_address
from qdplanner.cli.failure import notice, one_line_errors
from qdplanner.cli.language import error_text, locale_language, read_language, set_language
from qdplanner.errors import N_, QdError


def user_errors(func):
    """Turn our errors into one line on stderr; unexpected ones too, unless debugging."""
    return one_line_errors(func, (click.exceptions.Exit, click.ClickException, click.Abort))


def as_of_date(value: datetime | None) -> date:
    """The --as-of option's value as a date; today when not given."""
    return value.date() if value else date.today()


def as_it_stood(value: datetime | None, current_figures: bool = False) -> bool:
    """Whether --as-of asks for the plan as it stood then (a date in the past, unless
    --current-figures)."""
    from qdplanner.domain.status_light import judged_as_it_stood

    return not current_figures and judged_as_it_stood(value.date() if value else None, date.today())


def _as_of_options(func):
    func = click.option(
        "--current-figures",
        is_flag=True,
        help="With a past --as-of: judge today's status and percent at that date instead of "
        "the figures reported then.",
    )(func)
    return click.option(
        "--as-of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        help="Judge status lights at this date (YYYY-MM-DD); default today. A date in the "
        "past is judged as the plan stood then: each task from its latest progress report "
        "whose period had ended by that date (无进展记录 where there is none), never today's "
        "figures.",
    )(func)


AS_OF = _as_of_options  # status, report, gantt: tasks judged at a date
AS_OF_DATE = click.option(  # indicators: values known at a date
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Judge indicators at this date (YYYY-MM-DD) from the values known then; default today.",
)


class PlanArgument(click.Path):
    """A plan file's path, or a server plan's ``postgresql://`` address kept as it is typed
    (a Path would fold its ``//``)."""

    def convert(self, value, param, ctx):
        if is_server_address(value):
            return value
        return super().convert(value, param, ctx)


PLAN_ARG = click.argument("plan", type=PlanArgument(dir_okay=False, path_type=Path))


class Language(click.ParamType):
    """``zh`` or ``en``; ``zh_CN``, ``zh-CN``, ``en_US`` and the like are read as those two."""

    name = "language"

    def get_metavar(self, param, ctx=None) -> str:  # click 8.1 passes no ctx, 8.2 does
        return "[zh|en]"

    def convert(self, value, param, ctx):
        try:
            return read_language(value)
        except ValueError:
            self.fail(f"{value!r} is not a language: use zh or en (zh_CN is read as zh)")


def _speak(ctx, param, value):
    """Every message of the command from here on is in this language (None: the locale's)."""
    set_language(value)
    return value


def lang_option(*, default_from_locale: bool = True, help: str):
    """The ``--lang zh|en`` of every command: the language of what it prints, and of what it
    writes (workbooks, report, timeline). Default: the locale's (``qdplanner.cli.language``);
    ``default_from_locale=False`` (the window): None, the window's own choice."""
    return click.option(
        "--lang",
        type=Language(),
        default=locale_language if default_from_locale else None,
        show_default="from the locale: zh when LC_ALL, LC_MESSAGES or LANG starts with zh, else en"
        if default_from_locale
        else False,
        callback=_speak,
        is_eager=True,  # read first: whatever the command says from then on is in it
        help=help,
    )


LANG = lang_option(help="Language of what the command prints and writes.")


def workbook_language(lang: str) -> str:
    """The workbooks' tag for ``zh`` / ``en``: ``zh_CN`` / ``en``."""
    return "zh_CN" if lang == "zh" else "en"


def _finite(value):
    """``value`` with every non-finite number (older plans may hold one) as null."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def echo_json(data) -> None:
    """Print ``data`` as the ``--json`` output of every command: strict JSON (never
    ``Infinity`` or ``NaN``), Chinese as it is, indented. Written as it is when it holds no
    such number (3 ms of qdplanner status's 20k-task summary saved), else as null."""
    dump = partial(json.dumps, ensure_ascii=False, indent=2, allow_nan=False)
    try:
        text = dump(data)
    except ValueError:  # a non-finite number (older plans may hold one)
        text = dump(_finite(data))
    click.echo(text)


def lock_options(func):
    """``--break-lock`` and ``--wait`` for every command that writes the plan."""
    func = click.option(
        "--wait",
        type=click.FloatRange(min=0),
        default=None,
        metavar="SECONDS",
        help="How long to wait for another program writing the plan before giving up "
        "(default 5, or the QDPLANNER_LOCK_WAIT environment variable).",
    )(func)
    return click.option(
        "--break-lock",
        is_flag=True,
        help="Take the plan's lock even if it is held (or unreadable): only when you are "
        "sure nobody has the plan open, e.g. after a crash.",
    )(func)


RECOVERED = N_(
    "Messages",
    "{path}: the last change to this plan was interrupted (a crash or power cut) and has "
    "been undone; the plan is as it was before that change",
)


def open_plan(
    plan: Path, *, readonly: bool = False, break_lock: bool = False, wait: float | None = None
):
    """Open PLAN for a command (a :class:`~qdplanner.store.PlanStore`, to use in ``with``),
    saying once on stderr when an interrupted change had to be undone first."""
    from qdplanner.store import PlanStore

    store = PlanStore.open(plan, readonly=readonly, break_lock=break_lock, wait=wait)
    if store.recovered:
        notice(error_text(QdError(RECOVERED, path=plan)))
    return store


def offscreen_application():
    """The QApplication drawing commands need (a timeline is a QGraphicsScene); offscreen on
    Linux when there is no display. Kept by Qt as the instance; returned for the caller."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["qdplanner"])
