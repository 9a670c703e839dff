"""The application icon: every size made from the SVG, and a multi-size Windows .ico."""

from __future__ import annotations

import struct

from qdplanner.paths import resources_dir
from qdplanner.ui.icons import app_icon

SIZES = (16, 24, 32, 48, 64, 128, 256)


def test_app_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in SIZES} <= sizes


def test_windows_ico_holds_every_size():
    data = (resources_dir() / "icons" / "qdplanner.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sides = []
    for i in range(count):
        width, _h, _c, _r, _planes, _bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(data)
        sides.append(width or 256)
    assert sorted(sides) == list(SIZES)
