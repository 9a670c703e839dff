"""What every command shares: one-line errors, the plan argument, the --as-of option."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from qdplanner.cli.failure import one_line_errors


def user_errors(func):
    """Turn our errors into one line on stderr; unexpected ones too, unless debugging."""
    return one_line_errors(func, (click.exceptions.Exit, click.ClickException, click.Abort))


def as_of_date(value: datetime | None) -> date:
    """The --as-of option's value as a date; today when not given."""
    return value.date() if value else date.today()


AS_OF = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Judge status lights at this date (YYYY-MM-DD); default today.",
)
PLAN_ARG = click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))


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
