"""Making the window's font a CJK family, so Chinese never renders as boxes.

The family is the one printed pages and exported files draw with
(:func:`qdplanner.reports.qt_fonts.cjk_family`): one list of preferred families for both.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from qdplanner.reports.qt_fonts import cjk_family


def apply_cjk_font(app: QApplication) -> str | None:
    """Make the application font a CJK family; return it, or None when none is installed."""
    family = cjk_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family
