"""How names and search text are compared, everywhere: one rule."""

from __future__ import annotations

import unicodedata
from datetime import datetime


def fold(text: str) -> str:
    """Text in the form it is compared in: full-width → half-width (NFKC), trimmed, case-folded.

    So ``市科技局`` typed with a trailing space, or ``ＡＩ`` against ``ai``, still match.
    """
    return unicodedata.normalize("NFKC", text).strip().casefold()


def local_minute(stamp: str | None) -> str:
    """A stored UTC time (ISO text) as the user's local date and time, to the minute; text
    that is not such a time as it is (the window and the command line show times so)."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
