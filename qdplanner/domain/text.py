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
    return _local(stamp, "%Y-%m-%d %H:%M")


def local_second(stamp: str | None) -> str:
    """As :func:`local_minute`, to the second: for telling apart edits a moment apart (a
    refused edit names when the other editor's change was made)."""
    return _local(stamp, "%Y-%m-%d %H:%M:%S")


def _local(stamp: str | None, form: str) -> str:
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime(form)
    except ValueError:
        return stamp


def size_text(size: int) -> str:
    """A file's size as lists show it: 900 → ``900 B``, 1536 → ``1.5 KB``, 3.2 MiB → ``3.2 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1048576:.1f} MB"
