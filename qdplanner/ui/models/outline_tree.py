"""The navigation tree: plan documents → programs / projects, each node a task scope."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from qdplanner.store import PlanStore
from qdplanner.store.outline import read_outline
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.labels import label

SCOPE_ROLE = Qt.ItemDataRole.UserRole + 10


def _item(text: str, scope: Scope, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(scope, SCOPE_ROLE)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def build_outline_model(store: PlanStore, model: QStandardItemModel) -> None:
    """Fill ``model`` with the plan's outline (a few dozen nodes; rebuilt on every reload)."""
    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("OutlineTree", "Plan")])
    root = model.invisibleRootItem()
    root.appendRow(
        _item(QCoreApplication.translate("OutlineTree", "All tasks"), Scope(ScopeKind.ALL))
    )
    for outline in read_outline(store):
        doc = outline.document
        years = f"（{doc.start_year}—{doc.end_year}）" if doc.start_year and doc.end_year else ""
        doc_item = _item(
            doc.title,
            Scope(ScopeKind.DOCUMENT, doc.id),
            f"{label(doc.kind)} {years}\n{doc.issuer}".strip(),
        )
        root.appendRow(doc_item)
        for program in outline.programs:
            doc_item.appendRow(
                _item(program.name, Scope(ScopeKind.PROGRAM, program.id), program.description)
            )
        for project in outline.projects:
            doc_item.appendRow(
                _item(project.name, Scope(ScopeKind.PROJECT, project.id), project.description)
            )
