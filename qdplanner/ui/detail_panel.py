"""The detail panel: every field of the selected task, editable, with its milestones, latest
progress report and evidence files (佐证材料, by period: opened with the system's viewer from a
temporary copy, or saved out). Edits go through the same parse → validate → undo path as the
table (source "form" in the change log).

At a past date (View → As Of) the panel shows the task as it stood then — light, status,
percent and the progress report they come from — and its fields are read-only."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from qdplanner.catalogue import with_illustrative_mark
from qdplanner.domain.enums import ChangeSource, TaskStatus
from qdplanner.domain.text import size_text
from qdplanner.errors import QdError
from qdplanner.store import records
from qdplanner.store.records import RecordKind
from qdplanner.store.task_edits import read_task_fields
from qdplanner.store.task_input import TaskColumn, cells_edit
from qdplanner.store.task_rows import Scope, ScopeKind, TaskRow, read_task_rows
from qdplanner.ui.as_of_dialog import no_record_text, refusal_text, reported_text
from qdplanner.ui.commands import EditContext, edit_tasks
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.labels import LIGHT_SYMBOLS, lang, light_label, local_time, status_label
from qdplanner.ui.messages import user_message

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')  # no file system takes these


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
        self.as_of: date | None = None  # a past date shown (View → As Of): read-only
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
        self.milestone_buttons: list[QToolButton] = []
        for text, slot in (
            (self.tr("Add"), self._add_milestone),
            (self.tr("Edit"), self._edit_milestone),
            (self.tr("Delete"), self._delete_milestone),
        ):
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(slot)
            milestone_buttons.addWidget(button)
            self.milestone_buttons.append(button)
        milestone_buttons.addStretch(1)
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence = QTreeWidget()
        self.evidence.setObjectName("evidenceList")
        self.evidence.setRootIsDecorated(False)
        self.evidence.setHeaderLabels([self.tr("Period"), self.tr("File"), self.tr("Size")])
        self.evidence.setMaximumHeight(110)
        self.evidence.itemDoubleClicked.connect(lambda _item, _col: self._open_evidence())
        self.evidence.currentItemChanged.connect(lambda *_a: self._enable_evidence())
        self.evidence_open = QToolButton()
        self.evidence_open.setText(self.tr("Open"))
        self.evidence_open.clicked.connect(self._open_evidence)
        self.evidence_save = QToolButton()
        self.evidence_save.setText(self.tr("Save As…"))
        self.evidence_save.clicked.connect(self._save_evidence)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.evidence_open)
        evidence_buttons.addWidget(self.evidence_save)
        evidence_buttons.addStretch(1)
        self._evidence_dir: tempfile.TemporaryDirectory | None = None

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
        form.addRow(self.tr("Evidence"), self.evidence)
        form.addRow("", evidence_buttons)

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

    def set_as_of(self, day: date | None) -> None:
        """Show the task as it stood on ``day`` (a past date), read-only; None: today."""
        self.as_of = day
        self._set_editable(day is None)
        self.show_task(self.task_id)

    def _set_editable(self, on: bool) -> None:
        for edit in (self.code, self.title, self.start, self.deadline, self.lead, self.support):
            edit.setReadOnly(not on)
        for box in (self.description, self.notes):
            box.setReadOnly(not on)
        for widget in (self.status, self.percent, *self.milestone_buttons):
            widget.setEnabled(on)
        if on:
            self.percent.setRange(0, 100)
            self.percent.setSpecialValueText("")
        else:  # a task with no report by then shows —, not a percent
            self.percent.setRange(-1, 100)
            self.percent.setSpecialValueText("—")

    def _read_row(self, task_id: int) -> TaskRow | None:
        rows = read_task_rows(
            self.ctx.store,
            Scope(ScopeKind.TASK, task_id),
            as_of=self.as_of,
            history=self.as_of is not None,
        )
        return rows[0] if rows else None

    def show_task(self, task_id: int | None) -> None:
        """Fill the form from the plan (or clear and disable it when ``task_id`` is None)."""
        self._loading = True
        self.task_id = task_id
        row = self._read_row(task_id) if task_id is not None else None
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
            self.evidence.clear()
            self._enable_evidence()
            self._loading = False
            return
        fields = read_task_fields(self.ctx.store, task_id)
        heading = f"{LIGHT_SYMBOLS[row.light]} {light_label(row.light)} · {row.stream_name}"
        if self.as_of is not None:
            heading += "\n" + self._past_heading(row)
        self.heading.setText(heading)
        self.code.setText(row.code)
        self.title.setText(row.title)
        if row.recorded:
            self.status.setCurrentIndex(self.status.findData(row.status.value))
            self.percent.setValue(row.percent)
        else:  # no progress report by the past date shown: not known
            self.status.setCurrentIndex(-1)
            self.percent.setValue(self.percent.minimum())
        self.start.setText(row.start_date.isoformat() if row.start_date else "")
        self.deadline.setText(
            row.deadline_text or (row.due_date.isoformat() if row.due_date else "")
        )
        self.due.setText(row.due_date.isoformat() if row.due_date else "—")
        self.lead.setText(row.lead_short)
        self.support.setText(row.support_short)
        for edit in (self.title, self.deadline, self.lead, self.support):
            edit.setCursorPosition(0)  # a long text shows its beginning, not its tail
        self.description.setPlainText(fields["description"])
        self.notes.setPlainText(fields["notes"])
        self._show_milestones(task_id)
        self._show_progress(task_id, row)
        self._show_evidence(task_id)
        self._loading = False

    def _past_heading(self, row: TaskRow) -> str:
        day = self.as_of.isoformat()
        if not row.recorded or row.reported_period is None:
            return no_record_text(self.as_of)
        stood = self.tr("As it stood on %1").replace("%1", day)
        return reported_text(stood, row.reported_period)

    def _exists(self) -> bool:
        return records.exists(self.ctx.store, RecordKind.TASKS, self.task_id)

    def _show_milestones(self, task_id: int) -> None:
        from qdplanner.store.milestones import read_milestones

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

    @staticmethod
    def _milestone_editor():
        """:mod:`qdplanner.ui.milestone_editor`, imported when a milestone is first edited: the
        panel, like its task's milestones, progress and evidence, reads nothing at start-up,
        when no task is chosen yet."""
        from qdplanner.ui import milestone_editor

        return milestone_editor

    def _refused_in_the_past(self) -> bool:
        """At a past date nothing is edited: say why."""
        if self.as_of is None:
            return False
        self.show_message(refusal_text(self.as_of))
        return True

    def _add_milestone(self) -> None:
        if self._refused_in_the_past():
            return
        if self.task_id is not None:
            self._milestone_editor().add(self.ctx, self.task_id, self, self.show_message)

    def _edit_milestone(self) -> None:
        if self._refused_in_the_past():
            return
        if (milestone := self._current_milestone()) is not None:
            self._milestone_editor().edit(self.ctx, milestone, self, self.show_message)

    def _delete_milestone(self) -> None:
        if self._refused_in_the_past():
            return
        if (milestone := self._current_milestone()) is not None:
            self._milestone_editor().delete(self.ctx, milestone, self, self.show_message)

    def _show_progress(self, task_id: int, row: TaskRow) -> None:
        from qdplanner.store.progress import latest_report, report_of

        if self.as_of is None:
            report = latest_report(self.ctx.store, task_id)
        elif row.reported_period is not None:  # the report it stood by then
            report = report_of(self.ctx.store, task_id, row.reported_period)
        else:
            report = None
        if report is None:
            self.progress.setText("—")
            return
        # a report filled in for the sample says so, as every printout does
        said = with_illustrative_mark(report.narrative, report.is_illustrative, lang())
        text = f"{report.period} · {report.percent}%\n{said}"
        if report.problems:
            text += "\n" + self.tr("Problems: %1").replace("%1", report.problems)
        self.progress.setText(text)

    # -- evidence (佐证材料) ------------------------------------------------------------
    def _show_evidence(self, task_id: int) -> None:
        from qdplanner.store.progress import evidence_files

        self.evidence.clear()
        for f in evidence_files(self.ctx.store, task_id=task_id):
            item = QTreeWidgetItem([f.period, f.filename, size_text(f.size)])
            item.setData(0, Qt.ItemDataRole.UserRole, f.id)
            item.setToolTip(1, self.tr("%1, attached %2").replace("%1", f.filename)
                            .replace("%2", local_time(f.added_at)))  # fmt: skip
            self.evidence.addTopLevelItem(item)
        self.evidence.resizeColumnToContents(0)
        if self.evidence.topLevelItemCount():
            self.evidence.setCurrentItem(self.evidence.topLevelItem(0))
        self._enable_evidence()

    def _enable_evidence(self) -> None:
        chosen = self.current_evidence() is not None
        self.evidence_open.setEnabled(chosen)
        self.evidence_save.setEnabled(chosen)

    def current_evidence(self) -> int | None:
        item = self.evidence.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def evidence_copy(self, evidence_id: int) -> Path:
        """A temporary copy of an evidence file, under its own name (removed on exit)."""
        from qdplanner.store.progress import evidence_content

        name, content = evidence_content(self.ctx.store, evidence_id)
        if self._evidence_dir is None:
            self._evidence_dir = tempfile.TemporaryDirectory(prefix="qdplanner-evidence-")
        folder = Path(self._evidence_dir.name) / str(evidence_id)
        folder.mkdir(exist_ok=True)
        path = folder / (_UNSAFE_NAME.sub("_", name).strip(" .") or "evidence")
        path.write_bytes(content)
        return path

    def _open_evidence(self) -> None:
        evidence_id = self.current_evidence()
        if evidence_id is None:
            return
        try:
            path = self.evidence_copy(evidence_id)
        except (QdError, OSError) as exc:
            self.show_message(user_message(exc) if isinstance(exc, QdError) else str(exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_message(
                self.tr("No program on this computer opens %1; use Save As…").replace(
                    "%1", path.name
                )
            )

    def _save_evidence(self) -> None:
        evidence_id = self.current_evidence()
        if evidence_id is None:
            return
        item = self.evidence.currentItem()
        folder = QSettings().value("evidence/folder", str(Path.home()))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Evidence File As"), str(Path(folder) / item.text(1))
        )
        if target:
            QSettings().setValue("evidence/folder", str(Path(target).parent))
            self.save_evidence(evidence_id, Path(target))

    def save_evidence(self, evidence_id: int, target: Path) -> bool:
        """Write an evidence file out to ``target``; say so in the status bar."""
        from qdplanner.store.progress import evidence_content

        try:
            _name, content = evidence_content(self.ctx.store, evidence_id)
            target.write_bytes(content)
        except QdError as exc:
            self.show_message(user_message(exc))
            return False
        except OSError as exc:
            self.show_message(
                self.tr("%1: cannot be written: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc))
            )
            return False
        self.show_message(self.tr("Saved %1").replace("%1", str(target)))
        return True

    def commit(self, column: TaskColumn, text: str) -> None:
        """Apply one field as the user left it; refusals are shown and the form re-read."""
        if self._loading or self.task_id is None or self.ctx.readonly or self.as_of is not None:
            return  # (read-only at a past date: nothing to commit)
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
