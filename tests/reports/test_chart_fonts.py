"""Chinese chart labels are drawn with a real CJK font, not boxes."""

from __future__ import annotations

import warnings

import pytest

from qdplanner.reports import chart_fonts


def test_a_cjk_font_is_found_for_matplotlib():
    family = chart_fonts.configure_cjk_font()
    assert family, "no CJK font installed: install fonts-noto-cjk (see README)"


def test_chinese_text_renders_without_missing_glyph_warnings(tmp_path):
    if not chart_fonts.configure_cjk_font():
        pytest.skip("no CJK font")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2))
    ax = fig.add_subplot()
    ax.set_title("高新技术企业数量（家）")
    ax.plot([2020, 2025], [4385, 8683])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" would fail here
        fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000


def test_a_stale_font_cache_is_rebuilt(monkeypatch):
    """A font installed after matplotlib wrote its cache is found after one rebuild."""
    from matplotlib import font_manager

    chart_fonts.configure_cjk_font.cache_clear()
    real = font_manager.fontManager
    stale = font_manager.FontManager.__new__(font_manager.FontManager)
    stale.__dict__.update(real.__dict__)
    stale.ttflist = [f for f in real.ttflist if f.name not in chart_fonts.PREFERRED]
    monkeypatch.setattr(font_manager, "fontManager", stale)
    try:
        assert chart_fonts.configure_cjk_font() is not None
        assert font_manager.fontManager is not stale
    finally:
        chart_fonts.configure_cjk_font.cache_clear()
