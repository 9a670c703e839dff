"""A CJK font for matplotlib, so chart labels in Chinese never render as boxes.

matplotlib caches its font list; a font installed after the cache was written is invisible
to it until the cache is rebuilt, which :func:`configure_cjk_font` does once when needed.
Imported only when a chart is drawn (matplotlib is too heavy for start-up).
"""

from __future__ import annotations

from functools import cache

PREFERRED = [
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei",
    "Noto Sans SC", "Noto Serif CJK SC",
]  # fmt: skip


def _installed_families() -> set[str]:
    from matplotlib import font_manager

    return {f.name for f in font_manager.fontManager.ttflist}


def _pick(families: set[str]) -> str | None:
    return next((name for name in PREFERRED if name in families), None)


@cache
def configure_cjk_font() -> str | None:
    """Put an installed CJK family first in matplotlib's sans-serif list; return its name.

    Returns None when no CJK font is installed at all (callers tell the user in words).
    """
    import matplotlib
    from matplotlib import font_manager

    family = _pick(_installed_families())
    if family is None:
        # The cache may predate the font's installation: rebuild it once and look again.
        font_manager.fontManager = font_manager._load_fontmanager(try_read_cache=False)
        family = _pick(_installed_families())
    if family is None:
        return None
    sans = matplotlib.rcParams["font.sans-serif"]
    matplotlib.rcParams["font.sans-serif"] = [family, *[f for f in sans if f != family]]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212
    return family
