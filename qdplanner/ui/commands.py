"""Undoable user actions: each is one store action going forward and one going back.

A command is pushed only after its first application succeeded (so a refused edit never
enters the undo history); redo and undo re-apply the recorded new or old values, each as one
logged transaction. Task edits are the store's :class:`~qdplanner.store.task_edits.TaskEdit`
records, applied by :func:`~qdplanner.store.task_edits.apply_task_edits`: a command only
says which way. Views refresh through :class:`EditContext` signals, never by holding data.

Editors at once (issue 19, :mod:`qdplanner.store.conflicts`): an edit passes the newest
batch the views had read (:attr:`EditContext.seen`), so a record another editor changed
since is refused (:class:`~qdplanner.store.conflicts.ConflictError`) and its row read
again. Each step keeps the batch it wrote; undo and redo refuse a step whose records others
changed after it, saying who changed what — the step then leaves the undo list (what it
did stays in the plan, and the steps around it stay undoable), as any other refusal of
undo or redo does: the undo list never claims a step undone that was not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.changes import ChangeSet
from qdplanner.store.conflicts import ConflictError, undo_refusal
from qdplanner.store.task_edits import TaskEdit, apply_task_edits
from qdplanner.store.task_input import unit_notices
from qdplanner.ui.messages import user_message

# Begins the change log's name of an undo step's batch: the step's name follows (History
# words it in the window's language).
UNDO_PREFIX = "undo: "


class EditContext(QObject):
    """What every editing view shares: the plan, the undo stack, and change notices.

    ``seen``: the newest batch the views had read when they last loaded (the window sets
    it from ``store.latest_batch()`` each time it reads the plan again); ``reread``: records
    read again since, after an edit of theirs was refused, with the batch they stand at."""

    tasks_changed = Signal(list)  # task ids whose fields or units changed
    structure_changed = Signal(object)  # tasks added, removed or moved; the task to select
    notice = Signal(str)  # what an edit did beyond what was typed (a lead left support)

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.reread: dict[tuple[str, Any], int] = {}
        self._seen = store.latest_batch()
        self.refused = ""  # the last undo or redo refused (the notice follows it)

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    @property
    def seen(self) -> int:
        return self._seen

    @seen.setter
    def seen(self, batch: int) -> None:
        self._seen = batch
        self.reread = {k: b for k, b in self.reread.items() if b > batch}

    def conflict(self, exc: ConflictError) -> None:
        """An edit was refused: another editor changed the record. Its tasks' rows are read
        again (the fresh values shown) and the record counts as read from now on."""
        self.reread[exc.record_key] = exc.change.batch_id
        if exc.task_ids:
            self.tasks_changed.emit(exc.task_ids)

    def refuse_step(self, command: QUndoCommand, exc: QdError, *, forward: bool) -> None:
        """Undo (redo, ``forward``) of ``command`` was refused: it leaves the undo list and
        the reason is said — after the stack has moved (its index change clears the status
        bar's message)."""
        if isinstance(exc, ConflictError) and "step" not in exc.params:
            exc = undo_refusal(self.store, command.text(), exc.change, 1, redo=forward)
        command.setObsolete(True)
        message = self.refused = user_message(exc)
        QTimer.singleShot(0, self, lambda: self.notice.emit(message))


Write = Callable[[str, int | None], int | None]  # (description, seen) → the batch written


class LoggedCommand(QUndoCommand):
    """An undo step that keeps the batch it last wrote (``batch``) and refuses to undo or
    redo when other editors changed that batch's records since (:meth:`step`)."""

    def __init__(self, ctx: EditContext, text: str, batch: int | None = None):
        super().__init__(text)
        self.ctx = ctx
        self.batch = batch
        self._applied = True  # pushed after the first application succeeded

    def step(self, forward: bool, write: Write) -> bool:
        """Run ``write`` one way (``forward``: redo) as one action; False when refused (the
        step then leaves the undo list, and the reason is said)."""
        store = self.ctx.store
        description = self.text() if forward else UNDO_PREFIX + self.text()
        try:
            if self.batch is not None and (later := store.changed_since(self.batch)):
                raise undo_refusal(store, self.text(), later[0], len(later), redo=forward)
            batch = write(description, self.batch)
        except QdError as exc:
            self.ctx.refuse_step(self, exc, forward=forward)
            return False
        if batch is not None:
            self.batch = batch
        return True

    def first_redo(self) -> bool:
        """True the first time redo is called (on push: the step is applied already)."""
        if self._applied:
            self._applied = False
            return True
        return False


class TaskEditsCommand(LoggedCommand):
    """Field and unit edits of one or more tasks: a cell, a pasted block, a bulk edit."""

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        edits: list[TaskEdit],
        source: ChangeSource = ChangeSource.TABLE,
        batch: int | None = None,
    ):
        super().__init__(ctx, text, batch)
        self.edits = edits
        self.source = source

    def _apply(self, forward: bool) -> None:
        self.step(forward, lambda description, seen: apply_task_edits(
            self.ctx.store, self.edits, forward=forward, description=description,
            source=self.source, seen=seen,
        ))  # fmt: skip
        self.ctx.tasks_changed.emit([e.task_id for e in self.edits])

    def redo(self) -> None:
        if self.first_redo():
            self.ctx.tasks_changed.emit([e.task_id for e in self.edits])
        else:
            self._apply(True)

    def undo(self) -> None:
        self._apply(False)


def edit_tasks(
    ctx: EditContext, text: str, edits: list[TaskEdit], source: ChangeSource = ChangeSource.TABLE
) -> str | None:
    """Apply ``edits`` and push them as one undo step; return an error message, or None."""
    if not edits:
        return None
    try:
        batch = apply_task_edits(
            ctx.store, edits, forward=True, description=text, source=source, seen=ctx.seen,
            reread=ctx.reread,
        )  # fmt: skip
    except ConflictError as exc:
        ctx.conflict(exc)
        return user_message(exc)
    except QdError as exc:
        return user_message(exc)
    ctx.undo_stack.push(TaskEditsCommand(ctx, text, edits, source, batch))
    for notice in unit_notices(ctx.store, edits):
        ctx.notice.emit(user_message(notice))
    return None


Step = Callable[[ChangeSet], None]


class StructureCommand(LoggedCommand):
    """A change to the task tree (insert, delete, move): re-read the table after each step.

    ``forward`` and ``backward`` each run inside one store action; they keep whatever they
    need between calls (a delete's snapshot) in their own closures. ``batch``: the batch
    the first application wrote.
    """

    def __init__(
        self,
        ctx: EditContext,
        text: str,
        forward: Step,
        backward: Step,
        focus: Callable[[], int | None],
        batch: int | None = None,
    ):
        super().__init__(ctx, text, batch)
        self.forward = forward
        self.backward = backward
        self.focus = focus

    def _run(self, run: Step, forward: bool) -> None:
        def write(description: str, seen: int | None) -> int | None:
            with self.ctx.store.action(ChangeSource.TABLE, description, seen=seen) as changes:
                run(changes)
            return changes.written_batch

        done = self.step(forward, write)
        self.ctx.structure_changed.emit(self.focus() if done else None)

    def redo(self) -> None:
        if self.first_redo():
            return
        self._run(self.forward, True)

    def undo(self) -> None:
        self._run(self.backward, False)


def change_structure(
    ctx: EditContext, text: str, forward: Step, backward: Step, focus: Callable[[], int | None]
) -> str | None:
    """Run ``forward`` once as an action and push it as one undo step; or return the error."""
    try:
        with ctx.store.action(
            ChangeSource.TABLE, text, seen=ctx.seen, reread=ctx.reread
        ) as changes:
            forward(changes)
    except ConflictError as exc:
        ctx.conflict(exc)
        return user_message(exc)
    except QdError as exc:
        return user_message(exc)
    ctx.undo_stack.push(
        StructureCommand(ctx, text, forward, backward, focus, changes.written_batch)
    )
    ctx.structure_changed.emit(focus())
    return None
