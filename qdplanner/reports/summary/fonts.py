"""Fonts for the printed summary: a 仿宋-style serif for the body, a 黑体-style sans for headings.

Government documents print their body in 仿宋 (FangSong) and headings in 黑体 (SimHei); where
those are not installed the Noto/Source Han CJK families stand in. Without any CJK font the
report cannot print Chinese: :func:`cjk_font_missing` lets the window and the CLI say so in
words instead of printing empty boxes. Needs a QGuiApplication.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase

BODY_FAMILIES = [
    "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC",
    "Source Han Serif SC", "Source Han Serif CN", "SimSun", "宋体", "Songti SC",
    "AR PL UMing CN",
]  # fmt: skip
HEADING_FAMILIES = [
    "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
]  # fmt: skip
# The title (方正小标宋-style): a bold serif where one is installed.
TITLE_FAMILIES = [
    "FZXiaoBiaoSong-B05S",
    "方正小标宋简体",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
]
SYMBOL_FALLBACK = "DejaVu Sans"  # ✔ ◆ and friends, which some CJK fonts lack
# Digits and Latin letters in a Latin face, as government documents set them (Times New
# Roman beside 仿宋). It also keeps numbers searchable: Qt's PDF writer loses the text of
# digits that Noto/Source Han CJK fonts shape in a Latin run ("2025Q3" extracts as "Q").
LATIN_SERIF = ["Times New Roman", "Liberation Serif", "Nimbus Roman", "DejaVu Serif"]
LATIN_SANS = ["Arial", "Liberation Sans", "Nimbus Sans", "DejaVu Sans"]


@dataclass(frozen=True)
class ReportFonts:
    body: str | None
    heading: str | None
    title: str | None
    latin_serif: str | None = None
    latin_sans: str | None = None

    def font(self, role: str, points: float, bold: bool = False) -> QFont:
        family = {"body": self.body, "heading": self.heading, "title": self.title}[role]
        latin = self.latin_sans if role == "heading" else self.latin_serif
        font = QFont()
        families = [f for f in (latin, family, self.body, self.heading) if f]
        font.setFamilies([*dict.fromkeys(families), SYMBOL_FALLBACK])
        font.setPointSizeF(points)
        font.setBold(bold)
        font.setKerning(True)
        return font


def _first(candidates: list[str], installed: set[str]) -> str | None:
    return next((f for f in candidates if f in installed), None)


def report_fonts() -> ReportFonts:
    """The installed families the report prints with (None where nothing fits)."""
    installed = set(QFontDatabase.families())
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    any_cjk = chinese[0] if chinese else None
    body = _first(BODY_FAMILIES, installed) or any_cjk
    heading = _first(HEADING_FAMILIES, installed) or body
    title = _first(TITLE_FAMILIES, installed) or heading
    return ReportFonts(
        body, heading, title, _first(LATIN_SERIF, installed), _first(LATIN_SANS, installed)
    )


def cjk_font_missing() -> bool:
    """True when no installed font draws Simplified Chinese (the report would print boxes)."""
    return not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
