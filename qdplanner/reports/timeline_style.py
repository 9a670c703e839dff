"""Colours, symbols and patterns of the timeline: a status light reads in colour, and in
black and white by its symbol and its hatching.

The colours and symbols are also the task table's (``qdplanner.ui.labels`` takes them from
here): one table for screen, timeline and paper.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from qdplanner.domain.enums import StatusLight

LIGHT_COLOURS = {
    StatusLight.DONE: QColor("#2e7d32"),
    StatusLight.GREEN: QColor("#66bb6a"),
    StatusLight.BLUE: QColor("#1e88e5"),
    StatusLight.YELLOW: QColor("#f9a825"),
    StatusLight.RED: QColor("#d32f2f"),
    StatusLight.GREY: QColor("#9e9e9e"),
}
LIGHT_SYMBOLS = {
    StatusLight.DONE: "✔",
    StatusLight.GREEN: "●",
    StatusLight.BLUE: "◆",
    StatusLight.YELLOW: "▲",
    StatusLight.RED: "■",
    StatusLight.GREY: "○",
}
# Hatching of the unfinished part of a bar, so "at risk" and "overdue" survive a grey print.
LIGHT_PATTERNS = {
    StatusLight.YELLOW: Qt.BrushStyle.BDiagPattern,
    StatusLight.RED: Qt.BrushStyle.DiagCrossPattern,
}
LIGHT_ORDER = [
    StatusLight.RED,
    StatusLight.YELLOW,
    StatusLight.BLUE,
    StatusLight.GREEN,
    StatusLight.DONE,
    StatusLight.GREY,
]

# Sizes in scene pixels (96 dpi); the task table's rows are ROW_HEIGHT tall too.
ROW_HEIGHT = 24
BAND_HEIGHT = 20
HEADER_HEIGHT = 2 * BAND_HEIGHT
BAR_HEIGHT = 12
EDGE_GRAB = 5  # pixels either side of a bar's end that resize instead of move
INDENT = 12

GRID = QColor("#d0d0d0")
SELECTED = QColor(30, 136, 229, 45)
TODAY = QColor("#c62828")
AS_OF = QColor("#1565c0")
LINK = QColor("#455a64")
BROKEN_LINK = QColor("#d50000")


def light_words(light: StatusLight) -> str:
    """The light's name, in the same words (and translations) as the task table."""
    return {
        StatusLight.DONE: QCoreApplication.translate("Labels", "Done"),
        StatusLight.GREEN: QCoreApplication.translate("Labels", "On track"),
        StatusLight.BLUE: QCoreApplication.translate("Labels", "Due soon"),
        StatusLight.YELLOW: QCoreApplication.translate("Labels", "At risk"),
        StatusLight.RED: QCoreApplication.translate("Labels", "Overdue / far behind"),
        StatusLight.GREY: QCoreApplication.translate("Labels", "Not started / ongoing"),
    }[light]
