"""The plan's outline: plan documents with their programs and projects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qdplanner.domain.enums import PlanKind
from qdplanner.domain.models import PlanDocument, Program, Project
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.records import RecordKind


@dataclass
class DocumentOutline:
    document: PlanDocument
    programs: list[Program] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)


OutlineRecord = PlanDocument | Program | Project
OUTLINE_KINDS = (RecordKind.PLAN_DOCUMENTS, RecordKind.PROGRAMS, RecordKind.PROJECTS)


def _document(r: dict) -> PlanDocument:
    issued = date.fromisoformat(r["issued_on"]) if r["issued_on"] else None
    return PlanDocument(
        r["id"],
        r["title"],
        PlanKind(r["kind"]),
        r["start_year"],
        r["end_year"],
        r["issuer"],
        issued,
        r["description"],
        r["position"],
    )


def _stream(kind: type[Program] | type[Project], r: dict) -> Program | Project:
    return kind(
        r["id"], r["plan_document_id"], r["name"], r["code"], r["description"], r["position"]
    )


def read_outline(store: PlanStore) -> list[DocumentOutline]:
    """Every plan document in order, each with its programs and projects in order."""
    docs: dict[int, DocumentOutline] = {}
    for r in store.db.query("SELECT * FROM plan_documents ORDER BY position, id"):
        docs[r["id"]] = DocumentOutline(_document(r))
    for r in store.db.query("SELECT * FROM programs ORDER BY position, id"):
        docs[r["plan_document_id"]].programs.append(_stream(Program, r))
    for r in store.db.query("SELECT * FROM projects ORDER BY position, id"):
        docs[r["plan_document_id"]].projects.append(_stream(Project, r))
    return list(docs.values())


def outline_record(
    store: PlanStore, kind: RecordKind | str, record_id: int
) -> OutlineRecord | None:
    """One plan document, program or project (``kind`` one of :data:`OUTLINE_KINDS`), or
    None when there is none with that id."""
    kind = RecordKind(kind)
    if kind not in OUTLINE_KINDS:
        raise ValueError(f"not a kind of the outline: {kind}")
    rows = list(store.db.query(f"SELECT * FROM {kind.value} WHERE id = ?", [record_id]))
    if not rows:
        return None
    if kind == RecordKind.PLAN_DOCUMENTS:
        return _document(rows[0])
    return _stream(Program if kind == RecordKind.PROGRAMS else Project, rows[0])
