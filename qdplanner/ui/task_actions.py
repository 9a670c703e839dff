"""The task-tree actions of the Edit menu: insert, add sub-task, delete, indent, move."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableView

from qdplanner.domain.deadlines import deadline_agrees, due_phrase, follow_due
from qdplanner.domain.task_rules import shifted_dates
from qdplanner.store.task_edits import capture_task_edit, read_task_fields
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.store.task_structure import (
    Place,
    delete_tasks,
    indent_target,
    insert_task,
    move_task,
    outdent_target,
    place_of,
    restore_snapshot,
    shift_target,
    sub_task_count,
)
from qdplanner.ui.commands import EditContext, change_structure, edit_tasks
from qdplanner.ui.models.task_table import Col, TaskTableModel


class TaskActions(QObject):
    """Creates the actions and carries them out through undoable store steps."""

    def __init__(
        self,
        ctx: EditContext,
        table: QTableView,
        model: TaskTableModel,
        scope,
        show_message,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.ctx, self.table, self.model = ctx, table, model
        self.scope = scope  # () -> Scope | None: the node chosen in the navigation tree
        self.show_message = show_message  # (text) -> None
        self.insert = self._action(self.tr("&Insert Task"), "Insert", self.insert_task)
        self.add_child = self._action(self.tr("Add &Sub-task"), "Ctrl+Insert", self.add_sub_task)
        self.delete = self._action(
            self.tr("&Delete Tasks…"), QKeySequence.StandardKey.Delete, self.delete_tasks
        )
        self.indent = self._action(self.tr("I&ndent"), "Alt+Shift+Right", self.indent_task)
        self.outdent = self._action(self.tr("&Outdent"), "Alt+Shift+Left", self.outdent_task)
        self.move_up = self._action(self.tr("Mo&ve Up"), "Alt+Shift+Up", lambda: self.shift(-1))
        self.move_down = self._action(
            self.tr("Move Do&wn"), "Alt+Shift+Down", lambda: self.shift(+1)
        )
        self.shift_dates = self._action(
            self.tr("S&hift Dates…"), "Ctrl+Shift+D", self.shift_selected_dates
        )
        self.fix_deadlines = self._action(
            self.tr("Dead&line from Due Date"), "Ctrl+Shift+L", self.deadlines_from_due_dates
        )
        for action in self.actions():
            action.setEnabled(not ctx.readonly)

    def _action(self, text, shortcut, slot) -> QAction:
        action = QAction(text, self.table)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.table.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [
            self.insert,
            self.add_child,
            self.delete,
            self.indent,
            self.outdent,
            self.move_up,
            self.move_down,
            self.shift_dates,
            self.fix_deadlines,
        ]

    # -- which tasks ---------------------------------------------------------------
    def current_task(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row is not None else None  # None on a group's header line

    def selected_tasks(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [row.id for r in rows if (row := self.model.row_at(r)) is not None]

    def _report(self, error: str | None) -> None:
        if error:
            self.show_message(error)

    # -- insert --------------------------------------------------------------------
    def _insert_at(self, place: Place, text: str) -> None:
        store = self.ctx.store
        state: dict = {"id": None, "snapshot": None}
        title = self.tr("New task")

        def forward(changes):
            if state["snapshot"] is None:
                state["id"] = insert_task(store, changes, place, title)
            else:
                restore_snapshot(store, changes, state["snapshot"])

        def backward(changes):
            state["snapshot"] = delete_tasks(store, changes, [state["id"]])

        self._report(change_structure(self.ctx, text, forward, backward, lambda: state["id"]))
        row = self.model.row_of_task(state["id"]) if state["id"] else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, Col.TITLE))
            self.table.edit(self.model.index(row, Col.TITLE))

    def insert_task(self) -> None:
        """A new task right after the current one, or at the end of the chosen stream."""
        current = self.current_task()
        if current is not None:
            here = place_of(self.ctx.store, current)
            place = Place(here.program_id, here.project_id, here.parent_id, here.position + 1)
        else:
            scope: Scope | None = self.scope()
            if scope is None or scope.kind not in (ScopeKind.PROGRAM, ScopeKind.PROJECT):
                self.show_message(self.tr("Choose a program or project in the tree first."))
                return
            program = scope.id if scope.kind == ScopeKind.PROGRAM else None
            project = scope.id if scope.kind == ScopeKind.PROJECT else None
            place = Place(program, project, None, 1_000_000)
        self._insert_at(place, self.tr("Insert task"))

    def add_sub_task(self) -> None:
        current = self.current_task()
        if current is None:
            self.show_message(self.tr("Choose the task to add a sub-task to."))
            return
        self._insert_at(Place(None, None, current, 1_000_000), self.tr("Add sub-task"))

    # -- delete --------------------------------------------------------------------
    def delete_tasks(self) -> None:
        ids = self.selected_tasks()
        if not ids:
            return
        store = self.ctx.store
        subs = sub_task_count(store, ids)
        question = self.tr("Delete %n task(s)?", "", len(ids))
        if subs:
            question += "\n" + self.tr("Their %n sub-task(s) will be deleted too.", "", subs)
        question += "\n" + self.tr("You can undo this with Ctrl+Z.")
        answer = QMessageBox.question(
            self.table,
            self.tr("Delete Tasks"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        state: dict = {"snapshot": None}

        def forward(changes):
            state["snapshot"] = delete_tasks(store, changes, ids)

        def backward(changes):
            restore_snapshot(store, changes, state["snapshot"])

        text = self.tr("Delete %n task(s)", "", len(ids))
        self._report(change_structure(self.ctx, text, forward, backward, lambda: None))

    # -- bulk dates ----------------------------------------------------------------
    def shift_selected_dates(self) -> None:
        """Move the start and due dates of the selected tasks by a number of days."""
        ids = self.selected_tasks()
        if not ids:
            return
        days, ok = QInputDialog.getInt(
            self.table,
            self.tr("Shift Dates"),
            self.tr(
                "Move the dates of %n task(s) by this many days (negative: earlier):", "", len(ids)
            ),
            0,
            -3650,
            3650,
        )
        if ok and days:
            self.shift_tasks(ids, days)

    def deadlines_from_due_dates(self) -> None:
        """Rewrite the deadline phrase of each selected task whose phrase does not say its due
        date (in its own style where it can, else as 2023年11月底前), as one undo step."""
        store = self.ctx.store
        edits = []
        for tid in self.selected_tasks():
            current = read_task_fields(store, tid)
            text, due = current["deadline_text"], current["due_date"]
            if deadline_agrees(text, due):
                continue
            phrase = follow_due(text, due) or due_phrase(due)
            edits.append(capture_task_edit(store, tid, {"deadline_text": phrase}, current=current))
        if not edits:
            self.show_message(self.tr("The deadlines of the selected tasks say their due dates."))
            return
        text = self.tr("Deadline from due date, %n task(s)", "", len(edits))
        self._report(edit_tasks(self.ctx, text, edits))

    def shift_tasks(self, ids: list[int], days: int) -> None:
        store = self.ctx.store
        edits = []
        for tid in ids:
            current = read_task_fields(store, tid)
            dates = shifted_dates(current, days)
            edits.append(capture_task_edit(store, tid, dates, current=current))
        text = self.tr("Shift dates of %n task(s)", "", len(ids))
        self._report(edit_tasks(self.ctx, text, [e for e in edits if e.new_fields]))

    # -- move ----------------------------------------------------------------------
    def _move(self, target_of, text: str) -> None:
        task = self.current_task()
        if task is None:
            return
        store = self.ctx.store
        target = target_of(store, task)
        if target is None:
            return
        state: dict = {"old": None}

        def forward(changes):
            state["old"] = move_task(store, changes, task, target)

        def backward(changes):
            move_task(store, changes, task, state["old"])

        self._report(change_structure(self.ctx, text, forward, backward, lambda: task))

    def indent_task(self) -> None:
        self._move(indent_target, self.tr("Indent task"))

    def outdent_task(self) -> None:
        self._move(outdent_target, self.tr("Outdent task"))

    def shift(self, step: int) -> None:
        text = self.tr("Move task up") if step < 0 else self.tr("Move task down")
        self._move(lambda store, task: shift_target(store, task, step), text)
