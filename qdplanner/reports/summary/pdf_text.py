"""Make the PDF's Chinese text search and copy as the characters that were printed.

Qt writes each embedded font's ToUnicode map by asking, for every code point from U+0000 up,
which glyph it uses, and keeps the *first* code point found for a glyph. CJK fonts (Noto,
Source Han) draw a radical such as ⻘ (U+2EDD) or ⼈ (U+2F08) with the same glyph as the
ideograph 青 or 人, and radicals come first, so "青岛" would be extracted as "⻘岛" and a
search for 青岛 would miss. :func:`fix_radicals` rewrites those entries to the ideograph that
shares the glyph. Both are four hex digits, so the file's byte offsets do not move.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = range(0x4E00, 0xA000)  # CJK Unified Ideographs
_BLOCK = re.compile(rb"beginbf(range|char)\n(.*?)endbf(?:range|char)", re.S)
_RANGE_ENTRY = re.compile(rb"(<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*)(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CHAR_ENTRY = re.compile(rb"(<[0-9A-Fa-f]+>\s*)(<[0-9A-Fa-f]+>)")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


@cache
def _family_map(family: str) -> dict[int, int]:
    """Radical → the ideograph drawn with the same glyph in ``family``."""
    raw = QRawFont.fromFont(QFont(family))
    if not raw.isValid():
        return {}
    ideographs = "".join(map(chr, IDEOGRAPHS))
    by_glyph: dict[int, int] = {}
    for ch, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, ord(ch))
    radicals = "".join(map(chr, RADICALS))
    result = {}
    for ch, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
        if glyph in by_glyph:
            result[ord(ch)] = by_glyph[glyph]
    return result


def radical_map(families: list[str]) -> dict[int, int]:
    """Radical → ideograph for these font families (Unicode's own mapping where it has one)."""
    mapping: dict[int, int] = {}
    for cp in RADICALS:
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp) and len(folded) == 1:
            mapping[cp] = ord(folded)
    for family in families:
        for radical, ideograph in _family_map(family).items():
            mapping[radical] = ideograph  # the glyph the font really drew wins
    return mapping


def _fix_tokens(text: bytes, mapping: dict[int, int]) -> bytes:
    def swap(m: re.Match) -> bytes:
        cp = int(m.group(1), 16)
        return b"<%04X>" % mapping[cp] if cp in mapping else m.group(0)

    return _HEX.sub(swap, text)


def fix_radicals(path: str | Path, families: list[str]) -> int:
    """Rewrite the ToUnicode maps of the PDF at ``path`` in place; return entries changed."""
    path = Path(path)
    data = path.read_bytes()
    mapping = radical_map([f for f in families if f])
    changed = 0

    def block(m: re.Match) -> bytes:
        nonlocal changed
        entry = _RANGE_ENTRY if m.group(1) == b"range" else _CHAR_ENTRY

        def fix(e: re.Match) -> bytes:
            nonlocal changed
            source = e.group(1).split()
            if len(source) == 2 and source[0] != source[1] and not e.group(2).startswith(b"["):
                return e.group(0)  # <lo> <hi> <first>: a run of code points, left as it is
            new = _fix_tokens(e.group(2), mapping)
            changed += new != e.group(2)
            return e.group(1) + new

        return m.group(0).replace(m.group(2), entry.sub(fix, m.group(2)))

    fixed = _BLOCK.sub(block, data)
    if len(fixed) != len(data):  # pragma: no cover - same-length swaps only
        raise AssertionError("ToUnicode rewrite changed the file's length")
    if changed:
        path.write_bytes(fixed)
    return changed
