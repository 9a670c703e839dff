"""The detail panel: every field of the selected task, editable, with its milestones and
latest progress report. Edits go through the same parse → validate → undo path as the table
(source "form" in the change log)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from qdplanner.domain.enums import ChangeSource, TaskStatus
from qdplanner.errors import QdError
from qdplanner.store import records
from qdplanner.store.milestones import read_milestones
from qdplanner.store.progress import latest_report
from qdplanner.store.records import RecordKind
from qdplanner.store.task_edits import read_task_fields
from qdplanner.store.task_input import TaskColumn, cells_edit
from qdplanner.store.task_rows import read_task_row
from qdplanner.ui import milestone_editor
from qdplanner.ui.commands import EditContext, edit_tasks
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.labels import LIGHT_SYMBOLS, light_label, status_label
from qdplanner.ui.messages import user_message


class _FocusOut(QObject):
    """Calls ``commit`` when a multi-line editor loses focus (they have no editingFinished)."""

    def __init__(self, commit, parent=None):
        super().__init__(parent)
        self.commit = commit

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False


class DetailPanel(QWidget):
    """Shows one task; :meth:`show_task` with None clears it."""

    def __init__(self, ctx: EditContext, show_message, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.ctx = ctx
        self.show_message = show_message
        self.task_id: int | None = None
        self._loading = False

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.code = QLineEdit()
        self.title = QLineEdit()
        self.status = QComboBox()
        for status in TaskStatus:
            self.status.addItem(status_label(status), status.value)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.start = DateLineEdit(phrases=False)
        self.deadline = DateLineEdit(phrases=True)
        self.due = QLabel()
        self.lead = QLineEdit()
        self.support = QLineEdit()
        self.support.setPlaceholderText(self.tr("Several, separated by 、"))
        self.description = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        for box in (self.description, self.notes):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(70)
        self.milestones = QListWidget()
        self.milestones.setMaximumHeight(90)
        self.milestones.itemDoubleClicked.connect(lambda _item: self._edit_milestone())
        milestone_buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add"), self._add_milestone),
            (self.tr("Edit"), self._edit_milestone),
            (self.tr("Delete"), self._delete_milestone),
        ):
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(slot)
            milestone_buttons.addWidget(button)
        milestone_buttons.addStretch(1)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout(self)
        form.addRow(self.heading)
        form.addRow(self.tr("No."), self.code)
        form.addRow(self.tr("Task"), self.title)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Progress %"), self.percent)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Lead unit"), self.lead)
        form.addRow(self.tr("Supporting units"), self.support)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Milestones"), self.milestones)
        form.addRow("", milestone_buttons)
        form.addRow(self.tr("Latest progress"), self.progress)

        for edit, column in (
            (self.code, TaskColumn.CODE),
            (self.title, TaskColumn.TITLE),
            (self.start, TaskColumn.START),
            (self.deadline, TaskColumn.DEADLINE),
            (self.lead, TaskColumn.LEAD),
            (self.support, TaskColumn.SUPPORT),
        ):
            edit.editingFinished.connect(lambda e=edit, c=column: self.commit(c, e.text()))
        self.status.activated.connect(
            lambda _i: self.commit(TaskColumn.STATUS, self.status.currentData())
        )
        self.percent.editingFinished.connect(
            lambda: self.commit(TaskColumn.PERCENT, str(self.percent.value()))
        )
        for box, column in (
            (self.description, TaskColumn.DESCRIPTION),
            (self.notes, TaskColumn.NOTES),
        ):
            box.installEventFilter(
                _FocusOut(lambda b=box, c=column: self.commit(c, b.toPlainText()), box)
            )
        ctx.tasks_changed.connect(self._changed)
        ctx.structure_changed.connect(self._structure_changed)
        self.show_task(None)

    def _structure_changed(self, _focus) -> None:
        if self.task_id is not None:
            self.show_task(self.task_id if self._exists() else None)

    def _changed(self, task_ids: list[int]) -> None:
        if self.task_id in task_ids:
            self.show_task(self.task_id)

    def show_task(self, task_id: int | None) -> None:
        """Fill the form from the plan (or clear and disable it when ``task_id`` is None)."""
        self._loading = True
        self.task_id = task_id
        row = read_task_row(self.ctx.store, task_id) if task_id is not None else None
        self.setEnabled(row is not None and not self.ctx.readonly)
        if row is None:
            self.heading.setText(self.tr("Choose a task to see all its fields."))
            for edit in (self.code, self.title, self.start, self.deadline, self.lead, self.support):
                edit.clear()
            self.description.clear()
            self.notes.clear()
            self.status.setCurrentIndex(-1)
            self.percent.setValue(0)
            self.due.clear()
            self.milestones.clear()
            self.progress.clear()
            self._loading = False
            return
        fields = read_task_fields(self.ctx.store, task_id)
        self.heading.setText(
            f"{LIGHT_SYMBOLS[row.light]} {light_label(row.light)} · {row.stream_name}"
        )
        self.code.setText(row.code)
        self.title.setText(row.title)
        self.status.setCurrentIndex(self.status.findData(row.status.value))
        self.percent.setValue(row.percent)
        self.start.setText(row.start_date.isoformat() if row.start_date else "")
        self.deadline.setText(
            row.deadline_text or (row.due_date.isoformat() if row.due_date else "")
        )
        self.due.setText(row.due_date.isoformat() if row.due_date else "—")
        self.lead.setText(row.lead_short)
        self.support.setText(row.support_short)
        self.description.setPlainText(fields["description"])
        self.notes.setPlainText(fields["notes"])
        self._show_milestones(task_id)
        self._show_progress(task_id)
        self._loading = False

    def _exists(self) -> bool:
        return records.exists(self.ctx.store, RecordKind.TASKS, self.task_id)

    def _show_milestones(self, task_id: int) -> None:
        self.milestones.clear()
        for milestone in read_milestones(self.ctx.store, task_id):
            text = f"◆ {milestone.planned_date or '—'}  {milestone.title}"
            if milestone.actual_date:
                text += "  ✔ " + milestone.actual_date.isoformat()
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, milestone.id)
            self.milestones.addItem(item)

    def _current_milestone(self) -> int | None:
        item = self.milestones.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _add_milestone(self) -> None:
        if self.task_id is not None:
            milestone_editor.add(self.ctx, self.task_id, self, self.show_message)

    def _edit_milestone(self) -> None:
        if (milestone := self._current_milestone()) is not None:
            milestone_editor.edit(self.ctx, milestone, self, self.show_message)

    def _delete_milestone(self) -> None:
        if (milestone := self._current_milestone()) is not None:
            milestone_editor.delete(self.ctx, milestone, self, self.show_message)

    def _show_progress(self, task_id: int) -> None:
        report = latest_report(self.ctx.store, task_id)
        if report is None:
            self.progress.setText("—")
            return
        text = f"{report.period} · {report.percent}%\n{report.narrative}"
        if report.problems:
            text += "\n" + self.tr("Problems: %1").replace("%1", report.problems)
        self.progress.setText(text)

    def commit(self, column: TaskColumn, text: str) -> None:
        """Apply one field as the user left it; refusals are shown and the form re-read."""
        if self._loading or self.task_id is None or self.ctx.readonly:
            return
        store = self.ctx.store
        try:
            edit = cells_edit(store, self.task_id, [(column, text)])
        except QdError as exc:
            self.show_message(user_message(exc))
            self.show_task(self.task_id)
            return
        if not edit.changes_anything:
            return
        title = self.title.text() or "?"
        error = edit_tasks(
            self.ctx,
            self.tr("Edit “%1” in the form").replace("%1", title),
            [edit],
            ChangeSource.FORM,
        )
        if error:
            self.show_message(error)
            self.show_task(self.task_id)
