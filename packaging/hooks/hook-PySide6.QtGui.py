# Replaces PyInstaller's hook for PySide6.QtGui (hooks in the spec's hookspath win over the built-in
# ones): the same Qt plug-ins, less those qdplanner never loads. Dropped here, before PyInstaller
# looks for their dependencies, so the system libraries only they need are not bundled either
# (libqgtk3 alone would pull half of GTK's dependencies, without GTK itself).
# ruff: noqa
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)

DROPPED_TYPES = {
    "egldeviceintegrations",  # eglfs: full-screen embedded devices without a window system
    "generic",  # evdev / tuio input for eglfs and linuxfb
}
DROPPED_PLUGINS = {
    # platforms: kept are xcb, wayland, offscreen, minimal (Linux) and windows (Windows)
    "qeglfs",
    "qlinuxfb",
    "qminimalegl",
    "qvkkhrdisplay",
    "qvnc",
    "qdirect2d",
    # platform theme that needs the system's GTK 3 (Qt falls back to its own; the XDG portal
    # theme, for GNOME/KDE file dialogs in sandboxes, stays)
    "qgtk3",
    # image formats the program neither reads nor writes (PNG is built in; kept: gif, ico,
    # jpeg, svg)
    "qicns",
    "qtga",
    "qtiff",
    "qwbmp",
    "qwebp",
}


def _kept(src: str, dest: str) -> bool:
    plugin_type = Path(dest).name
    stem = Path(src).name.split(".")[0]
    stem = stem[3:] if stem.startswith("lib") else stem
    return plugin_type not in DROPPED_TYPES and stem not in DROPPED_PLUGINS


binaries = [(src, dest) for src, dest in binaries if _kept(src, dest)]
