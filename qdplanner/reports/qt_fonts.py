"""A CJK font for drawing with Qt on paper and in files, so Chinese never prints as boxes.

Same preference as the window (``qdplanner.ui.fonts``): the common families on Linux, Windows
and macOS first, else any family that writes Simplified Chinese. Sizes are in pixels of the
96-dpi scene, so text keeps its size however the page is scaled.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_SANS = [
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei",
    "DengXian", "Noto Sans SC",
]  # fmt: skip


@cache
def cjk_family() -> str | None:
    """An installed family that draws Simplified Chinese, or None when there is none."""
    installed = set(QFontDatabase.families())
    for family in PREFERRED_SANS:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else None


def cjk_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """A font of ``pixel_size`` scene pixels in the CJK family (else the default family)."""
    font = QFont()
    family = cjk_family()
    if family:
        font.setFamilies([family, "DejaVu Sans"])
    # Noto CJK's 'locl' swaps digits after Latin text (in an English locale) for glyphs
    # that have no code point, and Qt's PDF writer then leaves them out of the text layer:
    # "Page 1 of 2" copies as "Page of". The SC family's default glyphs are already right.
    font.setFeature(QFont.Tag("locl"), 0)
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font
