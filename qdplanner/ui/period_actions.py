"""Plan → Close Period… and Reopen Period…: keep a period as it stood at its end, or let it go.

Closing asks first (:class:`ClosePeriodDialog`: which period, and what is kept), then judges
the plan at the period's end and writes it as one action — the function ``qdplanner period
close`` calls (:func:`qdplanner.store.periods.close_period`). Closing and reopening are each
one undo step: undoing a close reopens the period (logged), redoing it writes the very
figures judged the first time, and undoing a reopening puts back what the closing kept, with
its date and author — never recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.periods import parse_period, period_of
from qdplanner.errors import QdError
from qdplanner.ui.commands import EditContext, LoggedCommand
from qdplanner.ui.labels import local_time
from qdplanner.ui.messages import user_message

if TYPE_CHECKING:
    from qdplanner.domain.period_compare import PeriodStanding

RECENT_QUARTERS = 8  # quarters offered in the period lists


def _periods():
    """:mod:`qdplanner.store.periods`, imported when a period is first closed, reopened or
    asked about (opening a plan does not need it, nor the comparison it brings)."""
    from qdplanner.store import periods

    return periods


def recent_periods(today, closed: list[str]) -> list[str]:
    """The periods offered: the quarters that ended lately and the closed periods, latest
    first."""
    from qdplanner.domain.period_compare import previous_period  # not needed at start-up

    quarters, period = [], previous_period(period_of(today))
    for _ in range(RECENT_QUARTERS):
        quarters.append(period.code)
        period = previous_period(period)
    return sorted(set(quarters) | set(closed), key=parse_period, reverse=True)


class PeriodCommand(LoggedCommand):
    """Closing (``closing``) or reopening a period: one undo step, each way a logged action.

    ``standing`` is what the closing keeps: judged before the close, read before a reopening;
    written again as it is, never judged anew. A step the plan changed under (another editor
    since, the period closed or reopened meanwhile) is refused, saying why, and leaves the
    undo list (:class:`~qdplanner.ui.commands.LoggedCommand`)."""

    def __init__(
        self,
        actions: PeriodActions,
        text: str,
        code: str,
        standing,
        closing: bool,
        batch: int | None = None,
    ):
        super().__init__(actions.ctx, text, batch)
        self.actions = actions
        self.code = code
        self.standing = standing
        self.closing = closing

    def _write(self, close: bool, description: str, seen: int | None) -> int | None:
        store = self.actions.ctx.store
        with store.action(ChangeSource.FORM, description, seen=seen) as changes:
            if close:
                _periods().close_period(store, changes, self.code, standing=self.standing)
            else:
                _periods().reopen_period(store, changes, self.code)
        return changes.written_batch

    def _run(self, forward: bool) -> None:
        close = self.closing if forward else not self.closing
        self.step(forward, lambda description, seen: self._write(close, description, seen))
        self.actions.changed.emit()

    def redo(self) -> None:
        if self.first_redo():
            return
        self._run(True)

    def undo(self) -> None:
        self._run(False)


class ClosePeriodDialog(QDialog):
    """Which period to close, and what closing it keeps."""

    def __init__(self, ctx: EditContext, parent: QWidget | None = None, today=None):
        super().__init__(parent)
        from qdplanner.store.periods import closed_periods

        self.ctx = ctx
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Close Period"))
        closed = closed_periods(ctx.store)
        self.period_box = QComboBox()
        self.period_box.setObjectName("closePeriodBox")
        self.period_box.setEditable(True)
        offered = [p for p in recent_periods(self.today, closed) if p not in closed]
        self.period_box.addItems(offered)
        self.what = QLabel()
        self.what.setObjectName("closePeriodWhat")
        self.what.setWordWrap(True)
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = QLabel()
        self.warning.setObjectName("closePeriodWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Close Period"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Period:"), self.period_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.what)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.period_box.currentTextChanged.connect(self._check)
        self._check(self.period_box.currentText())

    def period(self) -> str | None:
        """The period chosen, as a code; None when the text is not a period."""
        try:
            return parse_period(self.period_box.currentText()).code
        except QdError:
            return None

    def _check(self, _text: str) -> None:
        from qdplanner.store.collections import collection_status
        from qdplanner.store.summary import record_counts

        code = self.period()
        problem = ""
        self.what.clear()
        if code is None:
            problem = self.tr("Write a period such as 2025Q4.")
        else:
            when = parse_period(code)
            close = _periods().period_close(self.ctx.store, code)
            if close is not None:
                problem = (
                    self.tr("%1 is already closed (closed %2 by %3). Reopen it first.")
                    .replace("%1", code)
                    .replace("%2", local_time(close.closed_at))
                    .replace("%3", close.closed_by)
                )
            elif when.end >= self.today:
                problem = (
                    self.tr("%1 has not ended yet (it ends on %2).")
                    .replace("%1", code)
                    .replace("%2", when.end.isoformat())
                )
            else:
                counts = record_counts(self.ctx.store)
                units = len(collection_status(self.ctx.store, code, self.today))
                self.what.setText(
                    self.tr(
                        "Closing %1 keeps in the plan, as it stood on %2:\n"
                        "• the light, status, percent and latest progress of each of its %3 "
                        "tasks;\n"
                        "• the latest value, progress and light of each of its %4 indicators;\n"
                        "• the return of each of %5 units (issued, returned, partly returned "
                        "or missing).\n\n"
                        "A closed period is never recomputed: reports entered later change "
                        "nothing in it. Edit → Undo, or Plan → Reopen Period…, reopens it; "
                        "both are logged."
                    )
                    .replace("%1", code)
                    .replace("%2", when.end.isoformat())
                    .replace("%3", str(counts["tasks"]))
                    .replace("%4", str(counts["indicators"]))
                    .replace("%5", str(units))
                )
        self.warning.setText(problem)
        self.warning.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem and not self.ctx.readonly)


class PeriodActions(QWidget):
    """The Plan menu's entries; :meth:`run_close` and :meth:`run_reopen` work without dialogs."""

    changed = Signal()  # a period closed or reopened: the Periods tab re-reads

    def __init__(self, ctx: EditContext, show_message: Callable[[str], None], parent: QWidget):
        super().__init__(parent)
        self.hide()
        self.ctx = ctx
        self.show_message = show_message
        self.window_ = parent
        self.close_action = QAction(self.tr("&Close Period…"), parent)
        self.close_action.setObjectName("closePeriodAction")
        self.close_action.triggered.connect(self.ask_close)
        self.reopen_action = QAction(self.tr("Re&open Period…"), parent)
        self.reopen_action.setObjectName("reopenPeriodAction")
        self.reopen_action.triggered.connect(lambda: self.ask_reopen())
        for action in (self.close_action, self.reopen_action):
            action.setEnabled(not ctx.readonly)

    def actions(self) -> list[QAction]:
        return [self.close_action, self.reopen_action]

    # -- the work --------------------------------------------------------------------
    def run_close(self, period: str, today=None) -> str | None:
        """Close ``period`` as one undo step; the refusal, or None."""
        store = self.ctx.store
        try:
            code = parse_period(period).code
            text = self.tr("Close period %1").replace("%1", code)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                periods = _periods()
                standing: PeriodStanding | None = None
                ended = parse_period(code).end < (today or date.today())
                if ended and periods.period_close(store, code) is None:  # else refused, saying why
                    standing = periods.judge_period(store, code, today)
                with store.action(ChangeSource.FORM, text) as changes:
                    closed = periods.close_period(
                        store, changes, code, standing=standing, today=today
                    )
                batch = changes.written_batch
            finally:
                QApplication.restoreOverrideCursor()
        except QdError as exc:
            return user_message(exc)
        self.ctx.undo_stack.push(
            PeriodCommand(self, text, code, standing, closing=True, batch=batch)
        )
        self.changed.emit()
        self.show_message(
            self.tr(
                "Closed %1: %2 tasks, %3 indicators and %4 unit returns kept as they stood on %5."
            )
            .replace("%1", code)
            .replace("%2", str(closed.tasks))
            .replace("%3", str(closed.indicators))
            .replace("%4", str(closed.units))
            .replace("%5", closed.judged_at.isoformat())
        )
        return None

    def run_reopen(self, period: str) -> str | None:
        """Reopen ``period`` as one undo step; the refusal, or None."""
        store = self.ctx.store
        try:
            code = parse_period(period).code
            text = self.tr("Reopen period %1").replace("%1", code)
            kept = _periods().read_snapshot(store, code)  # what undoing puts back
            with store.action(ChangeSource.FORM, text) as changes:
                _periods().reopen_period(store, changes, code)
        except QdError as exc:
            return user_message(exc)
        self.ctx.undo_stack.push(
            PeriodCommand(self, text, code, kept, closing=False, batch=changes.written_batch)
        )
        self.changed.emit()
        self.show_message(
            self.tr("Reopened %1: it is judged live until closed again.").replace("%1", code)
        )
        return None

    # -- the dialogs -----------------------------------------------------------------
    def ask_close(self) -> None:
        dialog = ClosePeriodDialog(self.ctx, self.window_)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.period() is None:
            return
        error = self.run_close(dialog.period())
        if error:
            QMessageBox.warning(self.window_, self.tr("Close Period"), error)

    def ask_reopen(self, period: str | None = None) -> None:
        from PySide6.QtWidgets import QInputDialog

        from qdplanner.store.periods import closed_periods

        title = self.tr("Reopen Period")
        closed = closed_periods(self.ctx.store)
        if not closed:
            QMessageBox.information(self.window_, title, self.tr("No period is closed."))
            return
        if period is None:
            period, ok = QInputDialog.getItem(
                self.window_, title, self.tr("Period to reopen:"), closed, 0, False
            )
            if not ok:
                return
        close = _periods().period_close(self.ctx.store, period)
        if close is None:
            return
        question = (
            self.tr(
                "Reopen %1? What its closing kept (closed %2 by %3) is removed, and the "
                "period is judged live from what the plan holds until it is closed again. "
                "The reopening is logged; Edit → Undo puts the closing back."
            )
            .replace("%1", close.period)
            .replace("%2", local_time(close.closed_at))
            .replace("%3", close.closed_by)
        )
        answer = QMessageBox.question(self.window_, title, question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        error = self.run_reopen(close.period)
        if error:
            QMessageBox.warning(self.window_, title, error)
