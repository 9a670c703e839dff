"""Undoable user actions: each is one store action going forward and one going back.

A command is pushed only after its first application succeeded (so a refused edit never
enters the undo history); redo and undo re-apply the recorded new or old values, each as one
logged transaction. Views refresh through :class:`EditContext` signals, never by holding data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.changes import ChangeSet
from qdplanner.store.task_edits import read_task_fields, set_task_units, task_units, update_task
from qdplanner.ui.messages import user_message


class EditContext(QObject):
    """What every editing view shares: the plan, the undo stack, and change notices."""

    tasks_changed = Signal(list)  # task ids whose fields or units changed
    structure_changed = Signal(object)  # tasks added, removed or moved; the task to select

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)

    @property
    def readonly(self) -> bool:
        return self.store.readonly


@dataclass
class TaskEdit:
    """New and old values of one task's fields (and units, when they change)."""

    task_id: int
    new_fields: dict
    old_fields: dict
    new_units: tuple[int | None, list[int]] | None = None
    old_units: tuple[int | None, list[int]] | None = None

    @classmethod
    def capture(
        cls,
        store: PlanStore,
        task_id: int,
        fields: dict,
        units: tuple[int | None, list[int]] | None = None,
    ) -> TaskEdit:
        current = read_task_fields(store, task_id)
        old_units = task_units(store, task_id) if units is not None else None
        return cls(task_id, dict(fields), {k: current[k] for k in fields}, units, old_units)


def apply_task_edits(
    store: PlanStore,
    edits: list[TaskEdit],
    *,
    forward: bool,
    description: str,
    source: ChangeSource = ChangeSource.TABLE,
) -> None:
    """Apply the new (``forward``) or old values of ``edits`` as one logged action."""
    with store.action(source, description) as changes:
        for edit in edits:
            fields = edit.new_fields if forward else edit.old_fields
            units = edit.new_units if forward else edit.old_units
            if fields:
                update_task(store, changes, edit.task_id, fields)
            if units is not None:
                set_task_units(store, changes, edit.task_id, *units)


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
            description=f"undo: {self.text()}",
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
        self._run(self.backward, f"undo: {self.text()}")


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
