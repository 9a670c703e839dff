"""Record a task's progress for a period (进展填报), with evidence files, as one undo step.

One report per task and period: when the chosen period has a report, the dialog opens it to
edit (every field filled, its evidence listed) and says so; replacing it with a fresh report
is the New Report… button, confirmed. A report is never replaced without the user saying so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.models import ProgressReport
from qdplanner.domain.periods import parse_period, period_of
from qdplanner.errors import N_, QdError, ValidationError
from qdplanner.store.progress import (
    ReportInput,
    add_evidence,
    read_evidence,
    record_progress,
    remove_evidence,
    report_of,
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

# An evidence row of the dialog's list: a file already attached (its id) or one to add.
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Ask a yes/no question, No the default (tests replace this)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ProgressDialog(QDialog):
    """The form; :meth:`report`, :attr:`files` and :attr:`removed_evidence` hold what the
    user entered. :attr:`existing` is the stored report of the chosen period (or None);
    :attr:`editing` says the form shows it, :attr:`fresh` that the user chose to replace it.
    """

    def __init__(self, ctx: EditContext, task_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        store = ctx.store
        fields = read_task_fields(store, task_id)
        self.setWindowTitle(self.tr("Record Progress — %1").replace("%1", fields["title"]))
        self.store = store
        self.task_id = task_id
        self.task_fields = fields
        self.existing: ProgressReport | None = None
        self.editing = False
        self.fresh = False
        self.removed_evidence: list[int] = []
        self._period_code: str | None = None
        self._baseline: tuple[str, str, str] = ("", "", "")
        self.mode = QLabel()
        self.mode.setObjectName("progressMode")
        self.mode.setWordWrap(True)
        self.mode.setStyleSheet("QLabel { font-weight: bold; }")
        self.period = QLineEdit(period_of(date.today()).code)
        self.period.setToolTip(self.tr("2024Q3, 2024H1, 2024-09 or 2024"))
        self.status = QComboBox()
        for status in TaskStatus:
            self.status.addItem(status_label(status), status.value)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.narrative = QPlainTextEdit()
        self.problems = QPlainTextEdit()
        self.next_steps = QPlainTextEdit()
        for box in (self.narrative, self.problems, self.next_steps):
            box.setTabChangesFocus(True)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        names = unit_display_names(store)
        self.unit.addItems(["", *names])
        self.reported_on = DateLineEdit(phrases=False)
        self.file_list = QListWidget()
        self.file_list.setMaximumHeight(70)
        add = QPushButton(self.tr("Add Evidence…"))
        add.clicked.connect(self._add_files)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_file)
        self.new_button = QPushButton(self.tr("New Report…"))
        self.new_button.setToolTip(
            self.tr("Replace this period's report with a new one (you are asked first)")
        )
        self.new_button.clicked.connect(self.start_new_report)
        self.open_button = QPushButton(self.tr("Open the Existing Report"))
        self.open_button.clicked.connect(self.open_existing)

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
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 660)
        self._blank()
        self.period.textChanged.connect(self._period_changed)
        self._period_changed()

    # -- which report the form shows ---------------------------------------------------
    @property
    def files(self) -> list[Path]:
        """Files to attach (those added in this dialog, not yet removed)."""
        rows = (self.file_list.item(r).data(EVIDENCE_ROLE) for r in range(self.file_list.count()))
        return [value for value in rows if isinstance(value, Path)]

    def add_file(self, path: Path) -> None:
        item = QListWidgetItem(path.name)
        item.setData(EVIDENCE_ROLE, path)
        self.file_list.addItem(item)

    def _texts(self) -> tuple[str, str, str]:
        return (
            self.narrative.toPlainText(),
            self.problems.toPlainText(),
            self.next_steps.toPlainText(),
        )

    def is_dirty(self) -> bool:
        """Has the user typed progress, problems or next steps since the form was filled?"""
        return self._texts() != self._baseline

    def _report_date(self, report: ProgressReport) -> str:
        day = report.reported_on or report.received_on
        return day.isoformat() if day else "—"

    def _period_changed(self, *_args) -> None:
        """The period typed: open its report, if it has one (unless the user has typed text
        that loading would throw away — then OK asks before replacing it)."""
        try:
            code = parse_period(self.period.text()).code
        except QdError:
            self._period_code = None
            self.existing, self.editing, self.fresh = None, False, False
            self._show_mode()
            return
        if code == self._period_code:
            return
        self._period_code = code
        self.existing = report_of(self.store, self.task_id, code)
        self.editing, self.fresh = False, False
        self.removed_evidence = []
        if self.existing is not None and not self.is_dirty():
            self.load(self.existing)
            return
        if self.existing is None and not self.is_dirty():
            self._blank()
        self._drop_attached()
        self._show_mode()

    def _show_mode(self) -> None:
        period, report = self._period_code, self.existing
        self.new_button.setVisible(report is not None and self.editing)
        self.open_button.setVisible(report is not None and not self.editing)
        if period is None:
            text = self.tr("Type the period: 2024Q3, 2024H1, 2024-09 or 2024.")
        elif report is None:
            text = self.tr("New report for %1").replace("%1", period)
        elif self.editing:
            text = self.tr("Editing the %1 report of %2")
        elif self.fresh:
            text = self.tr("New %1 report, replacing the one of %2 when you press OK")
        else:
            text = self.tr(
                "%1 already has a report (of %2): open it to edit it, or press OK to be "
                "asked before it is replaced by this one."
            )
        if report is not None:
            text = text.replace("%1", period).replace("%2", self._report_date(report))
        self.mode.setText(text)

    def load(self, report: ProgressReport) -> None:
        """Fill the form with ``report`` (the period's stored report) to edit it."""
        self.status.setCurrentIndex(self.status.findData(report.status.value))
        self.percent.setValue(report.percent)
        self.narrative.setPlainText(report.narrative)
        self.problems.setPlainText(report.problems)
        self.next_steps.setPlainText(report.next_steps)
        unit = report.reporting_unit_id
        self.unit.setEditText(unit_display_name(self.store, unit) or "" if unit else "")
        self.reported_on.setText(report.reported_on.isoformat() if report.reported_on else "")
        self._drop_attached()
        for evidence in read_evidence(self.store, self.task_id):
            if evidence["period"] == report.period:
                item = QListWidgetItem(self.tr("%1 (attached)").replace("%1", evidence["filename"]))
                item.setData(EVIDENCE_ROLE, evidence["id"])
                self.file_list.insertItem(self.file_list.count(), item)
        self._baseline = self._texts()
        self.existing, self.editing, self.fresh = report, True, False
        self.removed_evidence = []
        self._show_mode()

    def _blank(self) -> None:
        """An empty report: the task's status and percent, its lead unit, today."""
        fields = self.task_fields
        self.status.setCurrentIndex(self.status.findData(fields["status"]))
        self.percent.setValue(fields["percent"])
        for box in (self.narrative, self.problems, self.next_steps):
            box.clear()
        lead = task_units(self.store, self.task_id)[0]
        self.unit.setEditText(unit_display_name(self.store, lead) or "" if lead else "")
        self.reported_on.setText(date.today().isoformat())
        self._baseline = self._texts()

    def _drop_attached(self) -> None:
        """Take the attached files of a report off the list (files to add stay)."""
        for row in reversed(range(self.file_list.count())):
            if isinstance(self.file_list.item(row).data(EVIDENCE_ROLE), int):
                self.file_list.takeItem(row)

    def start_new_report(self) -> None:
        """Replace the period's report by a new one, once the user has confirmed it."""
        report = self.existing
        if report is None or not self.confirm_replace():
            return
        self._blank()
        self._drop_attached()
        self.editing = False
        self._show_mode()

    def open_existing(self) -> None:
        """Show the period's stored report to edit it (what was typed here is dropped)."""
        if self.existing is not None:
            self.load(self.existing)

    def confirm_replace(self) -> bool:
        """Ask whether the period's report may be replaced by a new one."""
        report = self.existing
        if report is None:
            return True
        attached = [
            e for e in read_evidence(self.store, self.task_id) if e["period"] == report.period
        ]
        text = (
            self.tr(
                "Replace the %1 report of %2 with a new one? Its progress, problems and next "
                "steps are replaced by what you enter now"
            )
            .replace("%1", report.period)
            .replace("%2", self._report_date(report))
        )
        if attached:
            text += self.tr(", and its %n evidence file(s) are removed", "", len(attached))
        text += self.tr(". Undo (Ctrl+Z) brings it back.")
        if not ask(self, self.tr("New Report"), text):
            return False
        self.removed_evidence = [e["id"] for e in attached]  # they go with the old report
        self.fresh = True
        return True

    def ready_to_record(self) -> bool:
        """At OK: never replace a report the form does not show without asking."""
        if self.existing is None or self.editing or self.fresh:
            return True
        if self.confirm_replace():
            self._show_mode()
            return True
        return False

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Evidence"))
        for path in paths:
            self.add_file(Path(path))

    def _remove_file(self) -> None:
        row = self.file_list.currentRow()
        if row < 0:
            return
        value = self.file_list.takeItem(row).data(EVIDENCE_ROLE)
        if isinstance(value, int):
            self.removed_evidence.append(value)

    def step_name(self, period: str) -> str:
        """The undo step's name (and the change log's) for a report of ``period``."""
        if self.existing is not None and self.editing:
            return self.tr("Edit progress report %1").replace("%1", period)
        if self.existing is not None:
            return self.tr("Replace progress report %1").replace("%1", period)
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
        day = self.reported_on.text().strip()
        try:
            reported = date.fromisoformat(day) if day else None
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
    ctx: EditContext,
    task_id: int,
    report: ReportInput,
    files: list[tuple[str, bytes]],
    text: str,
    removed: list[int] | tuple[int, ...] = (),
) -> str | None:
    """Record ``report`` (adding ``files``, removing the evidence files ``removed``) as one
    undoable step; return an error or None. A report the period has is changed field by
    field, so History shows what changed."""
    store = ctx.store
    try:
        before = report_snapshot(store, task_id, report.period)
    except QdError as exc:
        return user_message(exc)

    def forward(changes):
        for evidence_id in removed:
            remove_evidence(store, changes, evidence_id)
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
        if not dialog.ready_to_record():
            continue
        try:
            report = dialog.report()
            period = parse_period(report.period).code
            files = [(p.name, p.read_bytes()) for p in dialog.files]
        except QdError as exc:
            show_message(user_message(exc))
            continue
        except OSError as exc:
            show_message(str(exc))
            continue
        error = record_progress_step(
            ctx,
            task_id,
            report,
            files,
            dialog.step_name(period),
            dialog.removed_evidence,
        )
        if error is None:
            return
        show_message(error)
