"""Reminder Notices… (催办通知): the units late for a period, each notice saved as Word or printed.

The notices are :mod:`qdplanner.reports.reminder`'s, as ``qdplanner collect-remind`` writes
them: one per late unit (past the due date, its return not in or with rows left empty), with
its contact, the tasks still unreported and the office sending it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qdplanner.errors import QdError
from qdplanner.reports.reminder import Notice, notice_file_name, print_notices, write_notices
from qdplanner.ui.labels import light_text
from qdplanner.ui.messages import user_message

FOLDER_KEY = "reminders/folder"


class ReminderDialog(QDialog):
    """The late units of one period, checked; Save as Word… and Print… act on the checked."""

    def __init__(
        self, notices: list[Notice], period: str, lang: str, show_message, parent: QWidget
    ):
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.setWindowTitle(self.tr("Reminder Notices for %1").replace("%1", period))
        self.notices = notices
        self.show_message = show_message
        self.last_paths: list[Path] = []
        self.last_pages = 0
        intro = QLabel(
            self.tr(
                "%n unit(s) are late for %1: the due date has passed and their return is "
                "not in, or came back with rows left empty. Each checked unit gets a notice.",
                "",
                len(notices),
            ).replace("%1", period)
        )
        intro.setWordWrap(True)
        self.units = QTreeWidget()
        self.units.setRootIsDecorated(False)
        self.units.setHeaderLabels(
            [self.tr("Unit"), self.tr("Standing"), self.tr("Open tasks"), self.tr("Contact")]
        )
        for notice in notices:
            contact = " ".join(p for p in (notice.contact, notice.phone) if p)
            item = QTreeWidgetItem(
                [
                    notice.unit,
                    light_text(notice.standing),
                    str(len(notice.tasks)),
                    contact or self.tr("not on record"),
                ]
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            self.units.addTopLevelItem(item)
        for column in (0, 1, 2):
            self.units.resizeColumnToContents(column)
        self.lang = QComboBox()
        self.lang.addItem("中文", "zh")
        self.lang.addItem("English", "en")
        self.lang.setCurrentIndex(0 if lang.startswith("zh") else 1)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.lang)
        self.save_button = QPushButton(self.tr("Save as &Word…"))
        self.save_button.clicked.connect(self.choose_folder)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.choose_printer)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.units)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.units.itemChanged.connect(lambda *_a: self._enable())
        self._enable()
        self.resize(720, 420)

    def chosen(self) -> list[Notice]:
        """The notices of the checked units."""
        return [
            notice
            for i, notice in enumerate(self.notices)
            if self.units.topLevelItem(i).checkState(0) == Qt.CheckState.Checked
        ]

    def _enable(self) -> None:
        some = bool(self.chosen())
        self.save_button.setEnabled(some)
        self.print_button.setEnabled(some)

    def language(self) -> str:
        return self.lang.currentData()

    # -- save ----------------------------------------------------------------------------
    def choose_folder(self) -> None:
        start = QSettings().value(FOLDER_KEY, "")
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Save the Reminder Notices in"), start
        )
        if not folder:
            return
        QSettings().setValue(FOLDER_KEY, folder)
        notices, lang = self.chosen(), self.language()
        taken = [n for n in notices if (Path(folder) / notice_file_name(n, lang)).exists()]
        overwrite = False
        if taken:
            answer = QMessageBox.question(
                self,
                self.tr("Reminder Notices"),
                self.tr("%n notice(s) of the same name are in that folder already. Replace them?",
                        "", len(taken)),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
            overwrite = True
        self.save(Path(folder), overwrite=overwrite)

    def save(self, folder: Path, *, overwrite: bool = False) -> list[Path]:
        """Write the checked notices into ``folder``, one .docx each; [] when refused."""
        try:
            self.last_paths = write_notices(
                self.chosen(), folder, self.language(), overwrite=overwrite
            )
        except QdError as exc:
            QMessageBox.warning(self, self.tr("Reminder Notices"), user_message(exc))
            return []
        self.show_message(
            self.tr("Wrote %n reminder notice(s) to %1", "", len(self.last_paths)).replace(
                "%1", str(folder)
            )
        )
        return self.last_paths

    # -- print ---------------------------------------------------------------------------
    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the layout keeps its own margins from the paper's edge
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, device) -> int:
        """Print the checked notices on ``device`` (a QPrinter or QPdfWriter), one a page."""
        try:
            self.last_pages = print_notices(self.chosen(), self.language(), device)
        except (QdError, OSError) as exc:
            text = user_message(exc) if isinstance(exc, QdError) else str(exc)
            QMessageBox.warning(self, self.tr("Reminder Notices"), text)
            return 0
        self.show_message(self.tr("Printed %n page(s) of reminder notices", "", self.last_pages))
        return self.last_pages
