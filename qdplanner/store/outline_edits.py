"""Adding, renaming and removing plan documents, programs and projects (logged writes).

Removing is allowed only for an empty record (no tasks, programs, projects, indicators or
milestones under it): the user moves or deletes what it holds first, so nothing is lost by
accident and undo can put back the one record exactly (:func:`put_back`). A record is named
by its kind (:data:`~qdplanner.store.outline.OUTLINE_KINDS`) and id.
"""

from __future__ import annotations

from dataclasses import asdict

from qdplanner.domain.enums import PlanKind
from qdplanner.domain.limits import check_values, check_year
from qdplanner.domain.models import PlanDocument, Program, Project
from qdplanner.errors import N_, NotFoundError, ValidationError, record_word
from qdplanner.store.changes import ChangeSet
from qdplanner.store.outline import OUTLINE_KINDS, OutlineRecord, outline_record
from qdplanner.store.plan_store import PlanStore
from qdplanner.store.records import RecordKind

STREAM_TABLES = {"program": "programs", "project": "projects"}


def _next_position(store: PlanStore, table: str, where: str = "", params=()) -> int:
    sql = f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} {where}"
    return store.db.execute(sql, list(params)).fetchone()[0]


def add_plan_document(
    store: PlanStore,
    changes: ChangeSet,
    title: str,
    kind: PlanKind = PlanKind.OTHER,
    start_year: int | None = None,
    end_year: int | None = None,
    issuer: str = "",
) -> int:
    if not title.strip():
        raise ValidationError(N_("Messages", "the plan document needs a title"), field="title")
    check_values({"title": title, "issuer": issuer})
    for field, year in (("start_year", start_year), ("end_year", end_year)):
        if year is not None:
            check_year(year, field)
    if start_year and end_year and end_year < start_year:
        raise ValidationError(
            N_("Messages", "the plan ends ({end}) before it starts ({start})"),
            field="end_year",
            end=end_year,
            start=start_year,
        )
    return changes.insert(
        "plan_documents",
        {
            "title": title.strip(),
            "kind": kind,
            "start_year": start_year,
            "end_year": end_year,
            "issuer": issuer,
            "position": _next_position(store, "plan_documents"),
        },
    )


def add_stream(
    store: PlanStore,
    changes: ChangeSet,
    kind: str,
    plan_document_id: int,
    name: str,
    code: str = "",
) -> int:
    """Add a program (``kind`` "program") or project ("project") at the end of its document."""
    table = STREAM_TABLES[kind]
    if not name.strip():
        raise ValidationError(N_("Messages", "the name must not be empty"), field="name")
    check_values({"name": name, "code": code})
    if (
        store.db.execute("SELECT 1 FROM plan_documents WHERE id = ?", [plan_document_id]).fetchone()
        is None
    ):
        raise NotFoundError(
            N_("Messages", "plan document #{id} does not exist"), id=plan_document_id
        )
    return changes.insert(
        table,
        {
            "plan_document_id": plan_document_id,
            "name": name.strip(),
            "code": code,
            "position": _next_position(
                store, table, "WHERE plan_document_id = ?", [plan_document_id]
            ),
        },
    )


def _outline_kind(kind: RecordKind | str) -> RecordKind:
    kind = RecordKind(kind)
    if kind not in OUTLINE_KINDS:
        raise ValueError(f"not a kind of the outline: {kind}")
    return kind


def current_name(store: PlanStore, kind: RecordKind | str, record_id: int) -> str:
    """The title of a plan document, the name of a program or project."""
    record = outline_record(store, _outline_kind(kind), record_id)
    if record is None:
        raise NotFoundError(
            N_("Messages", "{table} #{id} does not exist"),
            table=record_word(RecordKind(kind)),
            id=record_id,
        )
    return record.title if isinstance(record, PlanDocument) else record.name


def rename(
    store: PlanStore, changes: ChangeSet, kind: RecordKind | str, record_id: int, name: str
) -> dict:
    """Rename a plan document (its title), program or project."""
    kind = _outline_kind(kind)
    if not name.strip():
        raise ValidationError(N_("Messages", "the name must not be empty"), field="name")
    column = "title" if kind == RecordKind.PLAN_DOCUMENTS else "name"
    check_values({column: name})
    return changes.update(kind, record_id, {column: name.strip()})


def _holdings(store: PlanStore, table: RecordKind, record_id: int) -> dict[str, int]:
    key = {
        "plan_documents": "plan_document_id",
        "programs": "program_id",
        "projects": "project_id",
    }[table]
    checks = (
        ["programs", "projects", "indicators"]
        if table == "plan_documents"
        else ["tasks", "milestones", "indicators"]
    )
    return {
        child: store.db.execute(
            f"SELECT count(*) FROM {child} WHERE {key} = ?", [record_id]
        ).fetchone()[0]
        for child in checks
    }


def remove_empty(
    store: PlanStore, changes: ChangeSet, kind: RecordKind | str, record_id: int
) -> OutlineRecord:
    """Remove an empty plan document, program or project; return it (for undo)."""
    kind = _outline_kind(kind)
    held = _holdings(store, kind, record_id)
    if any(held.values()):
        template = (
            N_("Messages", "it still holds programs ({programs}), projects ({projects}) and "
               "indicators ({indicators}): move or delete them first")
            if kind == RecordKind.PLAN_DOCUMENTS
            else N_("Messages", "it still holds tasks ({tasks}), milestones ({milestones}) and "
                    "indicators ({indicators}): move or delete them first")
        )  # fmt: skip
        raise ValidationError(template, **held)
    record = outline_record(store, kind, record_id)
    changes.delete(kind, record_id)  # NotFoundError when there is none
    assert record is not None
    return record


def put_back(changes: ChangeSet, record: OutlineRecord) -> None:
    """Insert back, with its id, a record :func:`remove_empty` returned (or one
    :func:`~qdplanner.store.outline.outline_record` read)."""
    changes.insert(_KIND_OF[type(record)], asdict(record))


_KIND_OF = {
    PlanDocument: RecordKind.PLAN_DOCUMENTS,
    Program: RecordKind.PROGRAMS,
    Project: RecordKind.PROJECTS,
}
