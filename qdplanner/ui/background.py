"""Long work (Excel export and import) off the UI thread, with a progress bar and Cancel.

:func:`run_in_background` runs ``work(store, progress)`` in a worker thread on a connection
of its own (``PlanStore.worker_store``), shows a window-modal progress dialog, and returns the
result, or raises what the work raised. ``progress(done, total)`` raises :class:`Cancelled`
once the user presses Cancel, which every long job lets through, so a cancelled write rolls
back and a cancelled export leaves no file. The window stays responsive (it repaints, and
the progress dialog answers) while the work runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from qdplanner.errors import N_, QdError
from qdplanner.store import PlanStore

Progress = Callable[[int, int], None]


class Cancelled(QdError):
    """The user pressed Cancel: the work stopped and changed nothing."""

    def __init__(self) -> None:
        super().__init__(N_("Messages", "cancelled; nothing was changed"))


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, store: PlanStore, work: Callable[[PlanStore, Progress], Any]):
        super().__init__()
        self.store = store
        self.work = work
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            store = self.store.worker_store()
        except BaseException as exc:  # reported to the UI thread, never lost in the thread
            self.error = exc
            return
        try:
            self.result = self.work(store, self._progress)
        except BaseException as exc:
            self.error = exc
        finally:
            store.close()


def run_in_background(
    parent: QWidget,
    store: PlanStore,
    label: str,
    work: Callable[[PlanStore, Progress], Any],
    *,
    on_dialog: Callable[[QProgressDialog], None] | None = None,
) -> Any:
    """Run ``work`` off the UI thread behind a progress dialog; return its result.

    Raises :class:`Cancelled` when the user cancelled, else whatever ``work`` raised.
    ``on_dialog`` receives the progress dialog once shown (tests press its Cancel button).
    """
    worker = _Worker(store, work)
    dialog = QProgressDialog(
        label, QCoreApplication.translate("Background", "Cancel"), 0, 0, parent
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flash of a dialog
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.canceled.connect(worker.cancel.set)
    dialog.canceled.connect(
        lambda: dialog.setLabelText(QCoreApplication.translate("Background", "Cancelling…"))
    )

    def progressed(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    worker.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    loop = QEventLoop()
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker.start()
    if on_dialog is not None:
        on_dialog(dialog)
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # finished before a late Cancel was seen: the work stands
