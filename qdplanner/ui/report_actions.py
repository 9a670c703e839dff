"""File → Print Summary… / Export Summary PDF…: the two menu actions of the printed summary.

They open :class:`qdplanner.ui.report_dialog.ReportDialog`, imported when first asked for:
the dialog brings the report's content, fonts and Qt's print support, which opening a plan
does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from qdplanner.ui.report_dialog import ReportDialog


class ReportActions(QObject):
    """File-menu actions of the printed summary: ``menu.addActions(ReportActions(...).actions())``.

    ``ctx_or_store`` is the window's EditContext (or a PlanStore); the dialog opens on
    ``parent_window``, at the date ``as_of()`` gives (the past date the window shows) when
    that is not None.
    """

    def __init__(self, ctx_or_store, parent_window: QWidget, as_of=None):
        super().__init__(parent_window)
        self.ctx = ctx_or_store
        self.window_ = parent_window
        self.as_of = as_of or (lambda: None)
        self.print_action = QAction(self.tr("&Print Summary…"), parent_window)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setObjectName("printSummaryAction")
        self.print_action.triggered.connect(lambda: self.open_dialog())
        self.pdf_action = QAction(self.tr("Export Summary P&DF…"), parent_window)
        self.pdf_action.setObjectName("exportSummaryPdfAction")
        self.pdf_action.triggered.connect(lambda: self.open_dialog(pdf=True))
        self.dialog: ReportDialog | None = None

    def actions(self) -> list[QAction]:
        return [self.print_action, self.pdf_action]

    def open_dialog(self, *, pdf: bool = False, show: bool = True) -> ReportDialog:
        from qdplanner.ui.report_dialog import ReportDialog

        dialog = ReportDialog(self.ctx, self.window_, as_of=self.as_of())
        (dialog.pdf_button if pdf else dialog.preview_button).setDefault(True)
        self.dialog = dialog
        if show:
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time
            dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
            dialog.open()
        return dialog
