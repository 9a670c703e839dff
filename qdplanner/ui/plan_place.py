"""Where the open plan is, as the window needs it: a file, or a plan on a server (issue 19).

A file plan's ``store.path`` is a Path; a server plan's is a ``ServerPlan`` — shown without
its password, named (``name``, ``stem``) by its database — which has no folder. The file
dialogs start in the plan's folder for a file plan, in the user's Documents for a server
plan (:func:`plan_folder`); the window's title says which it is (:func:`title_name`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from qdplanner.errors import QdError
from qdplanner.paths import PLAN_SUFFIX
from qdplanner.ui.messages import user_message

if TYPE_CHECKING:
    from qdplanner.store import PlanStore


def on_server(store: PlanStore) -> bool:
    """Whether ``store`` is a plan on a server (else a file)."""
    return store.engine == "postgresql"


def documents_folder() -> str:
    """The user's Documents folder (else home): where a server plan's files are offered."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents or str(Path.home())


def plan_folder(store: PlanStore) -> str:
    """The folder the file dialogs start in: the plan file's, or Documents for a server."""
    return documents_folder() if on_server(store) else str(store.path.parent)


def title_name(store: PlanStore) -> str:
    """The plan as the window's title names it: the file's name, or the database's with
    "(server)"."""
    if on_server(store):
        return QCoreApplication.translate("MainWindow", "%1 (server)").replace(
            "%1", store.path.name
        )
    return store.path.name


def save_a_copy(parent: QWidget, store: PlanStore, file_filter: str) -> str | None:
    """File → Save a Copy As…: a plan file holding the whole plan, as it is now; the name
    saved, or None (cancelled, or refused: said in a message box).

    A file plan is copied by SQLite's backup; a server plan is copied into a plan file as
    ``qdplanner copy ADDRESS FILE`` does (every table, its change log and identity kept)."""
    title = QCoreApplication.translate("PlanView", "Save a Copy As")
    if on_server(store):
        start = str(Path(documents_folder()) / f"{store.path.stem}{PLAN_SUFFIX}")
    else:
        start = str(store.path.parent)
    path, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    if not path:
        return None
    if not path.endswith(PLAN_SUFFIX):
        path += PLAN_SUFFIX
    try:
        if on_server(store):
            from qdplanner.store.plan_copy import copy_plan

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:  # the file dialog asked before replacing a file
                copy_plan(store.path.conninfo, path, overwrite=Path(path).exists())
            finally:
                QApplication.restoreOverrideCursor()
        else:
            store.save_copy(path)
    except QdError as exc:
        QMessageBox.warning(parent, title, user_message(exc))
        return None
    return path
