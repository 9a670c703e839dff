"""Long work (Excel export and import) off the UI thread, with a progress bar and Cancel.

:func:`run_in_background` runs ``work(store, progress)`` in a worker thread on a connection
of its own (``PlanStore.worker_store``), shows a window-modal progress dialog, and returns the
result, or raises what the work raised. ``progress(done, total)`` raises :class:`Cancelled`
once the user presses Cancel, which every long job lets through, so a cancelled write rolls
back and a cancelled export leaves no file. The window stays responsive (it repaints, and
the progress dialog answers) while the work runs. :func:`open_in_background` opens a plan
on a server the same way, so a server that does not answer leaves the window responsive and
the wait can be given up.
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

    def __init__(self, job: Callable[[Progress], Any]):
        super().__init__()
        self.job = job
        self.cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def _progress(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self.result = self.job(self._progress)
        except BaseException as exc:  # reported to the UI thread, never lost in the thread
            self.error = exc


def _on_worker_store(store: PlanStore, work: Callable[[PlanStore, Progress], Any]):
    """``work`` run on a connection of its own (``store.worker_store()``), closed after."""

    def job(progress: Progress) -> Any:
        worker_store = store.worker_store()
        try:
            return work(worker_store, progress)
        finally:
            worker_store.close()

    return job


def _dialog(parent: QWidget, label: str) -> QProgressDialog:
    dialog = QProgressDialog(
        label, QCoreApplication.translate("Background", "Cancel"), 0, 0, parent
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flash of a dialog
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setValue(0)  # starts the 0.4 s count (else Qt's first show waits 4 s for progress)
    return dialog


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
    worker = _Worker(_on_worker_store(store, work))
    dialog = _dialog(parent, label)
    dialog.canceled.connect(worker.cancel.set)
    dialog.canceled.connect(
        lambda: dialog.setLabelText(QCoreApplication.translate("Background", "Cancelling…"))
    )

    def progressed(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    worker.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    _start_and_wait(worker, dialog, on_dialog)
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # finished before a late Cancel was seen: the work stands


def _start_and_wait(
    worker: _Worker,
    dialog: QProgressDialog,
    on_dialog: Callable[[QProgressDialog], None] | None,
    *,
    cancel_stops_waiting: bool = False,
) -> None:
    """Start ``worker`` and run the event loop (the window answering, the dialog shown after
    its 0.4 s) until it finishes — or, with ``cancel_stops_waiting``, until Cancel."""
    loop = QEventLoop()
    if cancel_stops_waiting:
        dialog.canceled.connect(loop.quit)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    worker.start()
    if on_dialog is not None:
        on_dialog(dialog)
    if not worker.isFinished():
        loop.exec()


_abandoned: set[_Worker] = set()  # openings given up on, kept until their thread ends


def open_in_background(
    parent: QWidget,
    label: str,
    opener: Callable[[], Any],
    *,
    on_dialog: Callable[[QProgressDialog], None] | None = None,
) -> Any:
    """Open something slow to reach — a plan on a server that may not answer — off the UI
    thread behind a busy dialog (shown after 0.4 s); return what ``opener`` returned, or raise
    what it raised. Cancel gives up waiting at once and raises :class:`Cancelled`: a
    connection cannot be interrupted, so the opening runs on and what it opens is closed
    when it ends. The window repaints meanwhile."""
    worker = _Worker(lambda _progress: opener())
    dialog = _dialog(parent, label)
    _start_and_wait(worker, dialog, on_dialog, cancel_stops_waiting=True)
    cancelled = dialog.wasCanceled() and not worker.isFinished()
    dialog.close()
    dialog.deleteLater()
    if cancelled:
        _abandoned.add(worker)
        worker.finished.connect(lambda: _close_abandoned(worker))
        if worker.isFinished():  # it ended between the check and the connect
            _close_abandoned(worker)
        raise Cancelled
    worker.wait()
    if worker.error is not None:
        raise worker.error
    return worker.result


def _close_abandoned(worker: _Worker) -> None:
    if worker not in _abandoned:
        return
    _abandoned.discard(worker)
    worker.wait()
    if worker.result is not None and hasattr(worker.result, "close"):
        worker.result.close()
