"""Undoable user actions: each is one store action going forward and one going back.

A command is pushed only after its first application succeeded (so a refused edit never
enters the undo history); redo and undo re-apply the recorded new or old values, each as one
logged transaction. Task edits are the store's :class:`~qdplanner.store.task_edits.TaskEdit`
records, applied by :func:`~qdplanner.store.task_edits.apply_task_edits`: a command only
says which way. Views refresh through :class:`EditContext` signals, never by holding data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.changes import ChangeSet
from qdplanner.store.task_edits import TaskEdit, apply_task_edits
from qdplanner.store.task_input import unit_notices
from qdplanner.ui.messages import user_message

# Begins the change log's name of an undo step's batch: the step's name follows (History
# words it in the window's language).
UNDO_PREFIX = "undo: "


class EditContext(QObject):
    """What every editing view shares: the plan, the undo stack, and change notices."""

    tasks_changed = Signal(list)  # task ids whose fields or units changed
    structure_changed = Signal(object)  # tasks added, removed or moved; the task to select
    notice = Signal(str)  # what an edit did beyond what was typed (a lead left support)

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)

    @property
    def readonly(self) -> bool:
        return self.store.readonly


class TaskEditsCommand(QUndoCommand):
    """Field and unit edits of one or more tasks: a cell, a pasted block, a bulk edit."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        edits: list[TaskEdit],
        source: ChangeSource = ChangeSource.TABLE,
    ):
        super().__init__(text)
        self.ctx = ctx
        self.edits = edits
        self.source = source
        self._applied = True  # pushed after the first application succeeded

    def redo(self) -> None:
        if self._applied:
            self._applied = False
        else:
            apply_task_edits(
                self.ctx.store,
                self.edits,
                forward=True,
                description=self.text(),
                source=self.source,
            )
        self.ctx.tasks_changed.emit([e.task_id for e in self.edits])

    def undo(self) -> None:
        apply_task_edits(
            self.ctx.store,
            self.edits,
            forward=False,
            description=UNDO_PREFIX + self.text(),
            source=self.source,
        )
        self.ctx.tasks_changed.emit([e.task_id for e in self.edits])


def edit_tasks(
    ctx: EditContext, text: str, edits: list[TaskEdit], source: ChangeSource = ChangeSource.TABLE
) -> str | None:
    """Apply ``edits`` and push them as one undo step; return an error message, or None."""
    if not edits:
        return None
    try:
        apply_task_edits(ctx.store, edits, forward=True, description=text, source=source)
    except QdError as exc:
        return user_message(exc)
    ctx.undo_stack.push(TaskEditsCommand(ctx, text, edits, source))
    for notice in unit_notices(ctx.store, edits):
        ctx.notice.emit(user_message(notice))
    return None


Step = Callable[[ChangeSet], None]


class StructureCommand(QUndoCommand):
    """A change to the task tree (insert, delete, move): re-read the table after each step.

    ``forward`` and ``backward`` each run inside one store action; they keep whatever they
    need between calls (a delete's snapshot) in their own closures.
    """

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        forward: Step,
        backward: Step,
        focus: Callable[[], int | None],
    ):
        super().__init__(text)
        self.ctx = ctx
        self.forward = forward
        self.backward = backward
        self.focus = focus
        self._applied = True

    def _run(self, step: Step, description: str) -> None:
        with self.ctx.store.action(ChangeSource.TABLE, description) as changes:
            step(changes)
        self.ctx.structure_changed.emit(self.focus())

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._run(self.forward, self.text())

    def undo(self) -> None:
        self._run(self.backward, UNDO_PREFIX + self.text())


def change_structure(
    ctx: EditContext, text: str, forward: Step, backward: Step, focus: Callable[[], int | None]
) -> str | None:
    """Run ``forward`` once as an action and push it as one undo step; or return the error."""
    try:
        with ctx.store.action(ChangeSource.TABLE, text) as changes:
            forward(changes)
    except QdError as exc:
        return user_message(exc)
    ctx.undo_stack.push(StructureCommand(ctx, text, forward, backward, focus))
    ctx.structure_changed.emit(focus())
    return None
