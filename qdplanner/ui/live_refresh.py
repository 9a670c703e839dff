"""Other editors' changes, shown as they happen (issue 19): a server plan's window listens.

A window on a plan kept on a server listens for the batches other editors commit
(``store.notifications.ChangeListener``: a socket a ``QSocketNotifier`` watches, and a slow
poll beside it should a notice sit unread in the driver's buffer). Batches that arrive
together are shown together (:data:`DEBOUNCE_MS`); then every view reads the plan again
the way it does after an edit of one's own that changes the tree (``structure_changed``) —
the task table, the outline, the status bar, the timeline, the detail panel and each tab
already built — keeping the chosen task and cell, the selected rows and where the table and
the outline were scrolled (:func:`keep_place` / :func:`restore_place`). What is being typed
is never interrupted: while a cell's editor is open, a field of the task details holds
changed text, a dialog is open or a menu is up, the refresh waits (:data:`RETRY_MS`) and
comes after. The status bar then says who changed what: the change log's newest batch, its
user and its description in the window's language.

A window on a plan file has no listener: a file has one editor at a time (its lock), and
the window behaves as it always has.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSocketNotifier,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from qdplanner.errors import QdError
from qdplanner.ui.messages import user_message
from qdplanner.ui.plan_place import on_server

if TYPE_CHECKING:
    from qdplanner.ui.plan_view import PlanView

DEBOUNCE_MS = 250  # batches arriving within this are shown together
RETRY_MS = 400  # while something is being typed, look again after this
POLL_MS = 1000  # the slow poll beside the socket


@dataclass
class Place:
    """Where the user is in the task table and the outline."""

    current: tuple[int, int] | None = None  # (task id, column) of the current cell
    selected: list[int] = field(default_factory=list)  # task ids of the selected rows
    top: tuple[int, int] | None = None  # (task id, pixels above the viewport) of the top row
    top_row: int = -1
    vertical: int = 0
    horizontal: int = 0
    outline: int = 0


def keep_place(view: PlanView) -> Place:
    """The current cell, the selected rows and the scroll positions of ``view``."""
    table, tasks = view.table, view.tasks
    place = Place(
        vertical=table.verticalScrollBar().value(),
        horizontal=table.horizontalScrollBar().value(),
        outline=view.tree.verticalScrollBar().value(),
    )
    current = table.currentIndex()
    row = tasks.row_at(current.row()) if current.isValid() else None
    if row is not None:
        place.current = (row.id, current.column())
    for index in table.selectionModel().selectedRows():
        if (selected := tasks.row_at(index.row())) is not None:
            place.selected.append(selected.id)
    top_row = table.rowAt(0)
    top = tasks.row_at(top_row) if top_row >= 0 else None
    if top is not None:
        place.top = (top.id, table.rowViewportPosition(top_row))
        place.top_row = top_row
    return place


def restore_place(view: PlanView, place: Place) -> None:
    """Choose the same task and cell, select the same rows (those still shown) and scroll
    the table and the outline back to where they were — by the task that was at the top,
    when it is still shown, so rows added or removed above do not move what the user reads."""
    table, tasks = view.table, view.tasks
    table.doItemsLayout()  # the scroll ranges of the rows just read, not those before
    view.tree.doItemsLayout()
    selection_model = table.selectionModel()
    if place.current is not None and (row := tasks.row_of_task(place.current[0])) is not None:
        flags = QItemSelectionModel.SelectionFlag.NoUpdate
        selection_model.setCurrentIndex(tasks.index(row, place.current[1]), flags)
    selection = QItemSelection()
    last = tasks.columnCount() - 1
    for task_id in place.selected:
        if (row := tasks.row_of_task(task_id)) is not None:
            selection.select(tasks.index(row, 0), tasks.index(row, last))
    selection_model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    bar = table.verticalScrollBar()
    bar.setValue(place.vertical)
    if place.top is not None and (row := tasks.row_of_task(place.top[0])) is not None:
        if table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            bar.setValue(place.vertical + row - place.top_row)
        else:
            bar.setValue(bar.value() + table.rowViewportPosition(row) - place.top[1])
    table.horizontalScrollBar().setValue(place.horizontal)
    view.tree.verticalScrollBar().setValue(place.outline)


def _typing_in(widget) -> bool:
    """Whether ``widget`` holds text the user changed and has not yet saved."""
    if isinstance(widget, QLineEdit):
        return widget.isModified()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.document().isModified()
    return False


class LiveRefresh(QObject):
    """Shows other editors' changes in ``view`` (a window on a server plan)."""

    refreshed = Signal(list)  # the batch ids just shown

    def __init__(self, view: PlanView, listener):
        super().__init__(view)
        self.view = view
        self.listener = listener
        self.pending: list[int] = []
        self.stopped = ""  # why listening stopped, if it did
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply)
        self.notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self.poll)
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._poll_timer.start()

    def poll(self) -> None:
        """Read what has arrived; show it once the burst is over."""
        if self.stopped:
            return
        try:
            batches = self.listener.poll()
        except Exception as exc:
            self._stop(exc)
            return
        if batches:
            self.pending.extend(batches)
            if not self._timer.isActive():  # a steady stream still shows every DEBOUNCE_MS
                self._timer.start(DEBOUNCE_MS)

    def busy(self) -> bool:
        """Whether the user is in the middle of something a refresh would interrupt."""
        view = self.view
        if view.table.state() == QAbstractItemView.State.EditingState:
            return True
        if QApplication.activeModalWidget() is not None:
            return True
        if QApplication.activePopupWidget() is not None:
            return True
        focus = QApplication.focusWidget()
        return focus is not None and view.detail.isAncestorOf(focus) and _typing_in(focus)

    def apply(self) -> None:
        """Read the plan again in every view, the user kept where they were."""
        if not self.pending or not self.view.store.is_open:
            return
        if self.busy():
            self._timer.start(RETRY_MS)
            return
        batches, self.pending = self.pending, []
        view = self.view
        place = keep_place(view)
        view.ctx.structure_changed.emit(None)  # every view reads the plan again
        restore_place(view, place)
        view.show_message(changed_by_text(view, batches))
        self.refreshed.emit(batches)

    def _stop(self, exc: BaseException) -> None:
        told = self.view.store.explain(exc) if isinstance(exc, Exception) else None
        reason = user_message(told) if isinstance(told, QdError) else str(exc)
        if sys.stderr is not None:
            print(f"qdplanner: live updates stopped: {exc!r}", file=sys.stderr)
        self.stopped = reason
        self.notifier.setEnabled(False)
        self._poll_timer.stop()
        self.view.show_message(
            QCoreApplication.translate(
                "LiveRefresh",
                "Other editors' changes are no longer shown as they happen (%1). "
                "View → Refresh reads the plan again.",
            ).replace("%1", reason)
        )

    def close(self) -> None:
        """Stop listening (the window closes, or shows another plan)."""
        if self.listener is None:
            return
        self._poll_timer.stop()
        self._timer.stop()
        self.notifier.setEnabled(False)
        listener, self.listener = self.listener, None
        with contextlib.suppress(Exception):  # a connection lost has nothing to close
            listener.close()


def changed_by_text(view: PlanView, batches: list[int]) -> str:
    """Who changed what: the newest of ``batches`` as the change log has it."""
    from qdplanner.store.history import read_history

    newest = read_history(view.store, limit=1)
    row = newest[0] if newest and newest[0].batch_id in batches else None
    if row is None:
        return QCoreApplication.translate(
            "LiveRefresh", "The plan was changed by others: shown as it is now"
        )
    others = len(set(batches)) - 1
    if others:
        text = QCoreApplication.translate(
            "LiveRefresh", "%1 changed the plan: %2 (and %n more change(s) by others)", "", others
        )
    else:
        text = QCoreApplication.translate("LiveRefresh", "%1 changed the plan: %2")
    from qdplanner.ui.models.history_words import action_text  # a server plan's, when needed

    text = text.replace("%1", row.user).replace("%2", action_text(row.description))
    return text


def attach_live_refresh(view: PlanView) -> LiveRefresh | None:
    """Listen for other editors' changes when ``view`` shows a server plan; None for a file
    (or when the listener cannot be made: said in the status bar, the window works on)."""
    if not on_server(view.store):
        return None
    from qdplanner.store.notifications import ChangeListener

    try:
        listener = ChangeListener(view.store)
    except QdError as exc:
        reason = user_message(exc)
        view.show_message(
            QCoreApplication.translate(
                "LiveRefresh",
                "Other editors' changes are not shown as they happen (%1). "
                "View → Refresh reads the plan again.",
            ).replace("%1", reason)
        )
        return None
    return LiveRefresh(view, listener)
