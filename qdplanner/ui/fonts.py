"""Picking an installed CJK font for the window, so Chinese never renders as boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# Preferred families, best first: the common ones on Linux, Windows and macOS.
PREFERRED_SANS = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
    "DengXian",
    "Noto Sans SC",
]
PREFERRED_SERIF = [
    "FangSong",
    "仿宋",
    "FangSong_GB2312",
    "STFangsong",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "SimSun",
    "宋体",
    "Songti SC",
    "AR PL UMing CN",
]


def _first_installed(candidates: list[str]) -> str | None:
    installed = set(QFontDatabase.families())
    for family in candidates:
        if family in installed:
            return family
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else None


def cjk_sans_family() -> str | None:
    """An installed font family that draws Simplified Chinese, or None when there is none."""
    return _first_installed(PREFERRED_SANS)


def cjk_serif_family() -> str | None:
    """A 仿宋/宋-style serif for printed body text, else any CJK family, else None."""
    return _first_installed(PREFERRED_SERIF) or cjk_sans_family()


def apply_cjk_font(app: QApplication) -> str | None:
    """Make the application font a CJK family; return it, or None when none is installed."""
    family = cjk_sans_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family
