"""Adding, editing and deleting a task's milestones (节点), each one undo step."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from qdplanner.errors import N_, QdError, ValidationError
from qdplanner.store.milestones import (
    MilestoneInput,
    add_milestone,
    as_input,
    delete_milestone,
    milestone_row,
    put_back_milestone,
    read_milestone,
    update_milestone,
)
from qdplanner.ui.commands import EditContext, change_structure
from qdplanner.ui.delegates import DateLineEdit
from qdplanner.ui.messages import user_message


class MilestoneDialog(QDialog):
    def __init__(self, values: MilestoneInput | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Milestone"))
        self.title = QLineEdit(values.title if values else "")
        self.planned = DateLineEdit(phrases=False)
        self.actual = DateLineEdit(phrases=False)
        self.notes = QLineEdit(values.notes if values else "")
        if values and values.planned_date:
            self.planned.setText(values.planned_date.isoformat())
        if values and values.actual_date:
            self.actual.setText(values.actual_date.isoformat())
        self.actual.setPlaceholderText(self.tr("when reached"))
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Planned date"), self.planned)
        form.addRow(self.tr("Actual date"), self.actual)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _day(edit: DateLineEdit) -> date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                N_("Messages", "“{text}” is not a date (use YYYY-MM-DD)"), text=text
            ) from None

    def values(self) -> MilestoneInput:
        return MilestoneInput(
            self.title.text(), self._day(self.planned), self._day(self.actual), self.notes.text()
        )


def _ask(values: MilestoneInput | None, parent: QWidget, show_message) -> MilestoneInput | None:
    dialog = MilestoneDialog(values, parent)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return dialog.values()
        except QdError as exc:
            show_message(user_message(exc))
    return None


def add(ctx: EditContext, task_id: int, parent: QWidget, show_message) -> None:
    values = _ask(None, parent, show_message)
    if values is None:
        return
    store = ctx.store
    state: dict = {"row": None}

    def forward(changes):
        if state["row"] is None:
            state["row"] = read_milestone(store, add_milestone(store, changes, task_id, values))
        else:
            put_back_milestone(changes, state["row"])

    def backward(changes):
        delete_milestone(store, changes, state["row"].id)

    error = change_structure(
        ctx, MilestoneDialog.tr("Add milestone"), forward, backward, lambda: task_id
    )
    if error:
        show_message(error)


def edit(ctx: EditContext, milestone_id: int, parent: QWidget, show_message) -> None:
    store = ctx.store
    old = as_input(milestone_row(store, milestone_id))
    new = _ask(old, parent, show_message)
    if new is None or new == old:
        return
    task_id = milestone_row(store, milestone_id)["task_id"]
    error = change_structure(
        ctx,
        MilestoneDialog.tr("Edit milestone “%1”").replace("%1", old.title),
        lambda ch: update_milestone(store, ch, milestone_id, new),
        lambda ch: update_milestone(store, ch, milestone_id, old),
        lambda: task_id,
    )
    if error:
        show_message(error)


def delete(ctx: EditContext, milestone_id: int, parent: QWidget, show_message) -> None:
    store = ctx.store
    row = read_milestone(store, milestone_id)
    answer = QMessageBox.question(
        parent,
        MilestoneDialog.tr("Delete Milestone"),
        MilestoneDialog.tr("Delete the milestone “%1”?").replace("%1", row.title),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    error = change_structure(
        ctx,
        MilestoneDialog.tr("Delete milestone “%1”").replace("%1", row.title),
        lambda ch: delete_milestone(store, ch, milestone_id),
        lambda ch: put_back_milestone(ch, row),
        lambda: row.task_id,
    )
    if error:
        show_message(error)
