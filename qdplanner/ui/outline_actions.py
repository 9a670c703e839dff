"""Plan menu / tree context menu: add, rename and remove plan documents, programs, projects."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTreeView,
    QWidget,
)

from qdplanner.domain.enums import PlanKind
from qdplanner.domain.limits import LAST_YEAR
from qdplanner.store.outline import outline_record
from qdplanner.store.outline_edits import (
    add_plan_document,
    add_stream,
    current_name,
    put_back,
    remove_empty,
    rename,
)
from qdplanner.store.records import RecordKind
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.commands import EditContext, change_structure
from qdplanner.ui.labels import label

KIND_OF = {  # the records the outline's nodes are, as the store names them
    ScopeKind.DOCUMENT: RecordKind.PLAN_DOCUMENTS,
    ScopeKind.PROGRAM: RecordKind.PROGRAMS,
    ScopeKind.PROJECT: RecordKind.PROJECTS,
}
STREAM_KINDS = {"program": RecordKind.PROGRAMS, "project": RecordKind.PROJECTS}


class PlanDocumentDialog(QDialog):
    """Title, kind and years of a new plan document."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Plan Document"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 三年行动方案（2022—2024年）"))
        self.kind = QComboBox()
        for kind in PlanKind:
            self.kind.addItem(label(kind), kind)
        self.start = QSpinBox()
        self.end = QSpinBox()
        for box, value in ((self.start, 2022), (self.end, 2024)):
            box.setRange(1990, LAST_YEAR)
            box.setValue(value)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("First year"), self.start)
        form.addRow(self.tr("Last year"), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class OutlineActions(QObject):
    """The actions; each change is one undo step that redraws the outline."""

    def __init__(
        self, ctx: EditContext, tree: QTreeView, scope, show_message, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.ctx, self.tree, self.scope, self.show_message = ctx, tree, scope, show_message
        self.add_document = self._action(self.tr("Add Plan &Document…"), self.new_document)
        self.add_program = self._action(
            self.tr("Add &Program…"), lambda: self.new_stream("program")
        )
        self.add_project = self._action(
            self.tr("Add Pro&ject…"), lambda: self.new_stream("project")
        )
        self.rename = self._action(self.tr("&Rename…"), self.rename_current, "F2")
        self.remove = self._action(self.tr("Re&move"), self.remove_current, "Delete")
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in self.actions():
            self.tree.addAction(action)
            action.setEnabled(not ctx.readonly)

    def _action(self, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.tree)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [self.add_document, self.add_program, self.add_project, self.rename, self.remove]

    def _document_of_scope(self) -> int | None:
        scope: Scope | None = self.scope()
        if scope is None or scope.kind == ScopeKind.ALL:
            return None
        if scope.kind == ScopeKind.DOCUMENT:
            return scope.id
        stream = outline_record(self.ctx.store, KIND_OF[scope.kind], scope.id)
        return stream.plan_document_id if stream is not None else None

    def _undoable_insert(self, text: str, make) -> None:
        """``make(changes)`` adds a record and returns (its kind, its id)."""
        store = self.ctx.store
        state: dict = {"kind": None, "record": None}

        def forward(changes):
            if state["record"] is None:
                state["kind"], record_id = make(changes)
                state["record"] = outline_record(store, state["kind"], record_id)
            else:
                put_back(changes, state["record"])

        def backward(changes):
            remove_empty(store, changes, state["kind"], state["record"].id)

        error = change_structure(self.ctx, text, forward, backward, lambda: None)
        if error:
            self.show_message(error)

    def new_document(self) -> None:
        dialog = PlanDocumentDialog(self.tree)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        store = self.ctx.store
        self._undoable_insert(
            self.tr("Add plan document"),
            lambda ch: (
                RecordKind.PLAN_DOCUMENTS,
                add_plan_document(
                    store,
                    ch,
                    dialog.title.text(),
                    dialog.kind.currentData(),
                    dialog.start.value(),
                    dialog.end.value(),
                ),
            ),
        )

    def new_stream(self, kind: str) -> None:
        document = self._document_of_scope()
        if document is None:
            self.show_message(self.tr("Choose a plan document in the tree first."))
            return
        label = self.tr("Program name") if kind == "program" else self.tr("Project name")
        name, ok = QInputDialog.getText(self.tree, label, label)
        if not ok:
            return
        store = self.ctx.store
        text = self.tr("Add program") if kind == "program" else self.tr("Add project")
        self._undoable_insert(
            text, lambda ch: (STREAM_KINDS[kind], add_stream(store, ch, kind, document, name))
        )

    def rename_current(self) -> None:
        scope: Scope | None = self.scope()
        if scope is None or scope.kind not in KIND_OF:
            return
        kind = KIND_OF[scope.kind]
        store = self.ctx.store
        old = current_name(store, kind, scope.id)
        name, ok = QInputDialog.getText(self.tree, self.tr("Rename"), self.tr("New name"), text=old)
        if not ok or name.strip() == old:
            return
        error = change_structure(
            self.ctx,
            self.tr("Rename “%1”").replace("%1", old),
            lambda ch: rename(store, ch, kind, scope.id, name),
            lambda ch: rename(store, ch, kind, scope.id, old),
            lambda: None,
        )
        if error:
            self.show_message(error)

    def remove_current(self) -> None:
        scope: Scope | None = self.scope()
        if scope is None or scope.kind not in KIND_OF:
            return
        kind = KIND_OF[scope.kind]
        store = self.ctx.store
        answer = QMessageBox.question(
            self.tree,
            self.tr("Remove"),
            self.tr("Remove “%1”? Only an empty one can be removed.").replace(
                "%1", self.tree.currentIndex().data() or ""
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        state: dict = {}

        def forward(changes):
            state["record"] = remove_empty(store, changes, kind, scope.id)

        error = change_structure(
            self.ctx,
            self.tr("Remove"),
            forward,
            lambda ch: put_back(ch, state["record"]),
            lambda: None,
        )
        if error:
            self.show_message(error)
