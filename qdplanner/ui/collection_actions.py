"""The File menu's quarterly collection (季度填报): issue a round, import the returns.

* **Collect Progress from Units…** — asks (:class:`CollectDialog`), then writes one protected
  workbook per lead unit off the UI thread.
* **Import Returned Workbooks…** — reads the chosen files, shows them (:class:`ReturnsDialog`)
  and applies them as one undo step.
* **Reminder Notices…** — the units late for a period (:class:`ReminderDialog`): a 催办通知
  for each, saved as Word documents into a folder or printed.

Each calls the functions ``qdplanner collect``, ``collect-import`` and ``collect-remind``
call.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import QdError
from qdplanner.ui.background import Cancelled, run_in_background
from qdplanner.ui.commands import EditContext, StructureCommand
from qdplanner.ui.messages import user_message
from qdplanner.ui.plan_place import plan_folder

if TYPE_CHECKING:  # python-docx comes with it: imported when the dialog is asked for
    from qdplanner.ui.reminder_dialog import ReminderDialog


class CollectionActions(QWidget):
    """The menu actions; ``collect`` and ``import_returns`` do the work without file dialogs."""

    changed = Signal()  # workbooks issued or returned: the Collection tab re-reads

    def __init__(self, ctx: EditContext, language, show_message, parent: QWidget):
        super().__init__(parent)
        self.hide()
        self.ctx = ctx
        self.language = language
        self.show_message = show_message
        self.window_ = parent
        self.collect_action = QAction(self.tr("Collec&t Progress from Units…"), parent)
        self.collect_action.triggered.connect(self.choose_collect)
        self.returns_action = QAction(self.tr("Import Returned &Workbooks…"), parent)
        self.returns_action.triggered.connect(self.choose_returns)
        for action in (self.collect_action, self.returns_action):
            action.setEnabled(not ctx.readonly)
        # reads only: open in a read-only window too
        self.remind_action = QAction(self.tr("Re&minder Notices…"), parent)
        self.remind_action.triggered.connect(lambda: self.choose_reminders())

    def actions(self) -> list[QAction]:
        return [self.collect_action, self.returns_action, self.remind_action]

    def reminder_dialog(self, period: str | None = None) -> ReminderDialog | None:
        """The dialog of the units late for ``period`` (default: the latest round) today;
        None, with a message saying why, when there is no round or no late unit."""
        from qdplanner.domain.periods import parse_period
        from qdplanner.reports.reminder import reminder_notices  # python-docx: when asked
        from qdplanner.store.collections import collection_periods
        from qdplanner.ui.reminder_dialog import ReminderDialog

        title = self.tr("Reminder Notices")
        if period is None:
            periods = collection_periods(self.ctx.store)
            if not periods:
                QMessageBox.information(
                    self.window_, title, self.tr("No workbooks have been issued yet.")
                )
                return None
            period = periods[0]
        try:
            code = parse_period(period).code
            notices = reminder_notices(self.ctx.store, code)
        except QdError as exc:
            QMessageBox.warning(self.window_, title, user_message(exc))
            return None
        if not notices:
            QMessageBox.information(
                self.window_,
                title,
                self.tr(
                    "No unit is late for %1: every return due so far is in and complete."
                ).replace("%1", code),
            )
            return None
        return ReminderDialog(notices, code, self.language() or "zh_CN", self.show_message,
                              self.window_)  # fmt: skip

    def choose_reminders(self, period: str | None = None) -> None:
        dialog = self.reminder_dialog(period)
        if dialog is not None:
            dialog.exec()

    def choose_collect(self) -> None:
        from qdplanner.ui.collect_dialog import CollectDialog

        dialog = CollectDialog(self.ctx, self.language(), self.window_)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.collect(
                dialog.folder(),
                dialog.period(),
                dialog.unit_ids(),
                dialog.due(),
                dialog.lang.currentData(),
            )

    def collect(
        self,
        folder: Path,
        period: str,
        unit_ids: list[int] | None = None,
        due: date | None = None,
        lang: str = "zh_CN",
        *,
        on_dialog=None,
    ):
        from qdplanner.excel.collection_export import collect_workbooks

        try:
            result = run_in_background(
                self.window_,
                self.ctx.store,
                self.tr("Writing the workbooks for %1…").replace("%1", period),
                lambda store, progress: collect_workbooks(
                    store,
                    folder,
                    period,
                    lang=lang,
                    due=due,
                    unit_ids=unit_ids,
                    source=ChangeSource.FORM,
                    progress=progress,
                ),
                on_dialog=on_dialog,
            )
        except Cancelled:
            self.show_message(self.tr("Cancelled; no workbook was written."))
            return None
        except QdError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Collect Progress from Units"), user_message(exc)
            )
            return None
        self.changed.emit()
        self.show_message(
            self.tr("Wrote %n workbook(s) to %1", "", len(result.workbooks)).replace(
                "%1", str(folder)
            )
        )
        return result

    def choose_returns(self) -> None:
        folder = QSettings().value("collection/folder", plan_folder(self.ctx.store))
        paths, _ = QFileDialog.getOpenFileNames(
            self.window_,
            self.tr("Import Returned Workbooks"),
            folder,
            self.tr("Workbooks (*.xlsx *.xls *.ods);;All files (*)"),
        )
        if paths:
            self.import_returns([Path(p) for p in paths])

    def read_returns(self, paths: list[Path], *, on_dialog=None):
        from qdplanner.excel.collection_import import preview_returns

        try:
            return run_in_background(
                self.window_,
                self.ctx.store,
                self.tr("Reading %n workbook(s)…", "", len(paths)),
                lambda store, progress: preview_returns(store, paths, progress=progress),
                on_dialog=on_dialog,
            )
        except Cancelled:
            self.show_message(self.tr("Cancelled; nothing was changed."))
        except QdError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Import Returned Workbooks"), user_message(exc)
            )
        return None

    def apply_returns(self, preview, choices: dict) -> bool:
        """Apply as one undo step (undo restores the reports and the returned marks)."""
        from qdplanner.excel.collection_import import apply_returns, returns_snapshot

        store = self.ctx.store
        try:
            before = returns_snapshot(store, preview, choices)
            result = run_in_background(
                self.window_,
                store,
                self.tr("Importing the returned workbooks…"),
                lambda worker, _progress: apply_returns(worker, preview, choices),
            )
            after = returns_snapshot(store, preview, choices)
        except QdError as exc:
            QMessageBox.warning(
                self.window_, self.tr("Import Returned Workbooks"), user_message(exc)
            )
            return False
        from qdplanner.store.collections import restore_collection

        text = self.tr("Import returned workbooks")
        self.ctx.undo_stack.push(
            StructureCommand(
                self.ctx,
                text,
                lambda changes: restore_collection(store, changes, after),
                lambda changes: restore_collection(store, changes, before),
                lambda: None,
                store.own_latest_batch(),  # written by the worker: undo checks it
            )
        )
        self.ctx.structure_changed.emit(None)
        self.changed.emit()
        self.show_message(
            self.tr("Reports added: %1, replaced: %2; workbooks marked returned: %3")
            .replace("%1", str(result.added))
            .replace("%2", str(result.replaced))
            .replace("%3", str(len(result.returned)))
        )
        return True

    def import_returns(self, paths: list[Path]) -> bool:
        preview = self.read_returns(paths)
        if preview is None:
            return False
        from qdplanner.ui.returns_dialog import ReturnsDialog

        dialog = ReturnsDialog(preview, self.window_)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply_returns(preview, dialog.choices())
