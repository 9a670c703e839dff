"""Help → About: what this program is, its version and licence, and where its files are."""

from __future__ import annotations

import html
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from qdplanner import __version__
from qdplanner.store import PlanStore


def about_text(store: PlanStore | None, data_folder: str) -> str:
    """The About box's text (rich text), in the window's language."""
    # Each string spelled out with its context: pyside6-lupdate files a call through a
    # local helper under no context, where the window never looks it up.
    rows = [
        (QCoreApplication.translate("About", "Version"), __version__),
        (QCoreApplication.translate("About", "Licence"), "MIT"),
        (
            QCoreApplication.translate("About", "Plan on a server")
            if store is not None and store.engine == "postgresql"
            else QCoreApplication.translate("About", "Plan file"),
            str(store.path) if store is not None else "—",
        ),
        (QCoreApplication.translate("About", "Data folder"), data_folder),
        (
            QCoreApplication.translate("About", "Built with"),
            f"Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {pyside_version}",
        ),
    ]
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    intro = QCoreApplication.translate(
        "About",
        "Keeps a city innovation plan — programs, projects, tasks, milestones, responsible "
        "units and indicators — in one file, and exchanges it with Excel.",
    )
    return f"<h3>qdplanner</h3><p>{html.escape(intro)}</p><table>{table}</table>"


def show_about(parent: QWidget, store: PlanStore | None) -> None:
    from qdplanner.ui.app import data_folder

    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About qdplanner"),
        about_text(store, str(data_folder())),
    )
