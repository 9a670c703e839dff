"""How names and search text are compared, everywhere: one rule."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Text in the form it is compared in: full-width → half-width (NFKC), trimmed, case-folded.

    So ``市科技局`` typed with a trailing space, or ``ＡＩ`` against ``ai``, still match.
    """
    return unicodedata.normalize("NFKC", text).strip().casefold()
