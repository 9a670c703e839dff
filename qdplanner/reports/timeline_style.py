"""Colours, symbols and patterns of the timeline: a status light reads in colour, and in
black and white by its symbol and its hatching.

A light's colour, symbol and word are :mod:`qdplanner.domain.vocabulary`'s, the same as the
task table's and the printed summary's; here they are only turned into Qt colours. The
drawing's other words are the window's (context ``Timeline``), in the scene's language:
:func:`timeline_word`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from qdplanner.catalogue import translate
from qdplanner.domain.enums import StatusLight
from qdplanner.domain.vocabulary import colour


def timeline_word(lang: str | None, text: str) -> str:
    """One of the drawing's words (marked ``N_("Timeline", text)``) in ``lang``, whatever
    language the window has installed (a report in English from the Chinese window); None:
    the installed language's."""
    if lang is None:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Timeline", text)
    return translate(lang, "Timeline", text)


LIGHT_COLOURS = {light: QColor(colour(light)) for light in StatusLight}

# Hatching of the unfinished part of a bar, so "at risk" and "overdue" survive a grey print.
LIGHT_PATTERNS = {
    StatusLight.YELLOW: Qt.BrushStyle.BDiagPattern,
    StatusLight.RED: Qt.BrushStyle.DiagCrossPattern,
}

# Sizes in scene pixels (96 dpi); the task table's rows are ROW_HEIGHT tall too.
ROW_HEIGHT = 24
BAND_HEIGHT = 20
HEADER_HEIGHT = 2 * BAND_HEIGHT
BAR_HEIGHT = 12
# Font sizes in scene pixels: 11 px is 8.25 pt on paper at the scene's scale (96 px to the
# inch); the small text (header bands, light symbols) is 9 px on screen and 10 px (7.5 pt) on
# paper and in files, so nothing printed at full scale is smaller than 7 pt.
FONT_PX = 11
SMALL_FONT_PX = 9
PAPER_SMALL_FONT_PX = 10
EDGE_GRAB = 5  # pixels either side of a bar's end that resize instead of move
INDENT = 12

GRID = QColor("#d0d0d0")
SELECTED = QColor(30, 136, 229, 45)
TODAY = QColor("#c62828")
AS_OF = QColor("#1565c0")
LINK = QColor("#455a64")
BROKEN_LINK = QColor("#d50000")
