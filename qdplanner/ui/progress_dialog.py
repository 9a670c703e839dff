"""Record a task's progress for a period (进展填报), with evidence files, as one undo step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.periods import period_of
from qdplanner.errors import N_, QdError, ValidationError
from qdplanner.store.progress import (
    ReportInput,
    add_evidence,
    record_progress,
    report_snapshot,
    restore_report,
)
from qdplanner.store.task_edits import read_task_fields, task_units
from qdplanner.store.unit_directory import resolve_unit
from qdplanner.store.units import unit_display_name, unit_display_names
from qdplanner.ui.commands import EditContext, change_structure
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.labels import status_label
from qdplanner.ui.messages import user_message


class ProgressDialog(QDialog):
    """The form; :meth:`report` and :attr:`files` hold what the user entered."""

    def __init__(self, ctx: EditContext, task_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        store = ctx.store
        fields = read_task_fields(store, task_id)
        self.setWindowTitle(self.tr("Record Progress — %1").replace("%1", fields["title"]))
        self.store = store
        self.period = QLineEdit(period_of(date.today()).code)
        self.period.setToolTip(self.tr("2024Q3, 2024H1, 2024-09 or 2024"))
        self.status = QComboBox()
        for status in TaskStatus:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(fields["status"]))
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(fields["percent"])
        self.narrative = QPlainTextEdit()
        self.problems = QPlainTextEdit()
        self.next_steps = QPlainTextEdit()
        for box in (self.narrative, self.problems, self.next_steps):
            box.setTabChangesFocus(True)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        names = unit_display_names(store)
        self.unit.addItems(["", *names])
        lead = task_units(store, task_id)[0]
        if lead is not None:
            self.unit.setEditText(unit_display_name(store, lead) or "")
        self.reported_on = DateLineEdit(phrases=False)
        self.reported_on.setText(date.today().isoformat())
        self.files: list[Path] = []
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(70)
        add = QPushButton(self.tr("Add Evidence…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_file)

        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Progress %"), self.percent)
        form.addRow(self.tr("Progress made"), self.narrative)
        form.addRow(self.tr("Problems"), self.problems)
        form.addRow(self.tr("Next steps"), self.next_steps)
        form.addRow(self.tr("Reporting unit"), self.unit)
        form.addRow(self.tr("Reported on"), self.reported_on)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        form.addRow(self.tr("Evidence"), self.file_list)
        form.addRow("", buttons_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Evidence"))
        for path in paths:
            self.files.append(Path(path))
            self.file_list.addItem(Path(path).name)

    def _remove_file(self) -> None:
        row = self.file_list.currentRow()
        if row >= 0:
            self.file_list.takeItem(row)
            del self.files[row]

    def step_name(self, period: str) -> str:
        """The undo step's name (and the change log's) for a report of ``period``."""
        return self.tr("Record progress %1").replace("%1", period)

    def report(self) -> ReportInput:
        unit_text = self.unit.currentText().strip()
        unit_id = resolve_unit(self.store, unit_text) if unit_text else None
        if unit_text and unit_id is None:
            raise ValidationError(
                N_(
                    "Messages",
                    "unknown unit “{name}” (add it in the units "
                    "view first, or use its full name, short "
                    "name or alias)",
                ),
                name=unit_text,
            )
        try:
            reported = date.fromisoformat(self.reported_on.text().strip())
        except ValueError:
            raise ValidationError(
                N_("Messages", "“{text}” is not a date (use YYYY-MM-DD)"),
                text=self.reported_on.text(),
            ) from None
        return ReportInput(
            period=self.period.text(),
            status=self.status.currentData(),
            percent=self.percent.value(),
            narrative=self.narrative.toPlainText(),
            problems=self.problems.toPlainText(),
            next_steps=self.next_steps.toPlainText(),
            reporting_unit_id=unit_id,
            reported_on=reported,
            filled_by=self.store.user,
        )


def record_progress_step(
    ctx: EditContext, task_id: int, report: ReportInput, files: list[tuple[str, bytes]], text: str
) -> str | None:
    """Record ``report`` (and its evidence) as one undoable step; return an error or None."""
    store = ctx.store
    try:
        before = report_snapshot(store, task_id, report.period)
    except QdError as exc:
        return user_message(exc)

    def forward(changes):
        report_id = record_progress(store, changes, task_id, report)
        for name, content in files:
            add_evidence(store, changes, report_id, name, content)

    def backward(changes):
        restore_report(store, changes, before)

    error = change_structure(ctx, text, forward, backward, lambda: task_id)
    if error is None:
        ctx.tasks_changed.emit([task_id])
    return error


def ask_and_record(ctx: EditContext, task_id: int, parent: QWidget, show_message) -> None:
    """Show the dialog; on OK record the report; keep the dialog open while it is refused."""
    dialog = ProgressDialog(ctx, task_id, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            report = dialog.report()
            files = [(p.name, p.read_bytes()) for p in dialog.files]
        except QdError as exc:
            show_message(user_message(exc))
            continue
        except OSError as exc:
            show_message(str(exc))
            continue
        error = record_progress_step(ctx, task_id, report, files, dialog.step_name(report.period))
        if error is None:
            return
        show_message(error)
