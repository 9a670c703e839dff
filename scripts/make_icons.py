"""Render the application icon from its SVG: PNG sizes for Linux and the window, and a Windows .ico.

    .venv/bin/python scripts/make_icons.py [--check]

Reads ``resources/icons/qdplanner.svg`` (and ``qdplanner-small.svg``, drawn on a 16 px grid,
for 16 and 24 px); writes ``resources/icons/qdplanner-{N}.png`` for each size in SIZES and
``resources/icons/qdplanner.ico`` holding all of them (PNG-compressed entries, which Windows
reads since Vista and PyInstaller and Inno Setup embed as they are). Drawn with Qt (QtSvg), so
no other tool is needed. ``--check`` writes nothing and exits 1 when a file is missing.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "qdplanner.svg"
SMALL_SVG = ICONS / "qdplanner-small.svg"  # drawn on a 16 px grid: sharp at 16 and 24 px
SMALL_SIZES = (16, 24)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"qdplanner-{size}.png"


def render_png(renderer, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode the {size} px PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are the given PNGs (size 256 is written as 0, as ICO wants)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files exist")
    args = parser.parse_args(argv)
    outputs = [png_path(size) for size in SIZES] + [ICONS / "qdplanner.ico"]
    if args.check:
        missing = [str(p) for p in outputs if not p.exists()]
        print("\n".join(missing) or "all icon files present")
        return 1 if missing else 0

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderers = {}
    for svg in (SVG, SMALL_SVG):
        renderers[svg] = QSvgRenderer(str(svg))
        if not renderers[svg].isValid():
            raise SystemExit(f"{svg}: not a valid SVG")
    pngs = {
        size: render_png(renderers[SMALL_SVG if size in SMALL_SIZES else SVG], size)
        for size in SIZES
    }
    for size, png in pngs.items():
        png_path(size).write_bytes(png)
    (ICONS / "qdplanner.ico").write_bytes(ico_bytes(pngs))
    for path in outputs:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
