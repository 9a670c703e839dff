"""The application icon: the PNG sizes made from resources/icons/qdplanner.svg.

PNGs rather than the SVG, so the icon needs no SVG plug-in and costs nothing at start-up.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from qdplanner.paths import resources_dir

_SIZE = re.compile(r"qdplanner-(\d+)\.png$")


def app_icon() -> QIcon:
    """The window and task-bar icon (empty if the icon files are missing)."""
    icon = QIcon()
    for path in sorted((resources_dir() / "icons").glob("qdplanner-*.png")):
        match = _SIZE.search(path.name)
        if match:
            side = int(match.group(1))
            icon.addFile(str(path), QSize(side, side))
    return icon
