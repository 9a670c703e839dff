"""Adding, renaming and removing plan documents, programs and projects (logged writes).

Removing is allowed only for an empty record (no tasks, programs, projects, indicators or
milestones under it): the user moves or deletes what it holds first, so nothing is lost by
accident and undo can put back the one row exactly.
"""

from __future__ import annotations

from qdplanner.domain.enums import PlanKind
from qdplanner.domain.limits import check_values, check_year
from qdplanner.errors import N_, NotFoundError, ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.plan_store import PlanStore

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


def rename(store: PlanStore, changes: ChangeSet, table: str, record_id: int, name: str) -> dict:
    """Rename a plan document (its title), program or project."""
    if not name.strip():
        raise ValidationError(N_("Messages", "the name must not be empty"), field="name")
    column = "title" if table == "plan_documents" else "name"
    check_values({column: name})
    return changes.update(table, record_id, {column: name.strip()})


def _holdings(store: PlanStore, table: str, record_id: int) -> list[str]:
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
    held = []
    for child in checks:
        n = store.db.execute(
            f"SELECT count(*) FROM {child} WHERE {key} = ?", [record_id]
        ).fetchone()[0]
        if n:
            held.append(f"{n} {child}")
    return held


def remove_empty(store: PlanStore, changes: ChangeSet, table: str, record_id: int) -> dict:
    """Remove an empty plan document, program or project; return its row (for undo)."""
    held = _holdings(store, table, record_id)
    if held:
        raise ValidationError(
            N_("Messages", "it still holds {what}: move or delete them first"),
            what=", ".join(held),
        )
    row = dict(store.db[table].get(record_id))
    changes.delete(table, record_id)
    return row


def put_back(changes: ChangeSet, table: str, row: dict) -> None:
    """Insert back a row :func:`remove_empty` returned, with its id."""
    changes.insert(table, row)
