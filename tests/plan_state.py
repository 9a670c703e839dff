"""What "the plan is unchanged" is checked by, on either engine (issue 19).

A plan file is compared by its bytes: the strongest check there is, and the file's tests
always said it so. A plan on a server has no bytes to read: it is compared by its content —
every row of every table in primary-key order, the schema version and the ids each table has
given — read through :mod:`qdplanner.store.plan_sources`, as ``qdplanner copy --verify``
reads a plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qdplanner.store import PlanStore
from qdplanner.store.plan_sources import open_source
from qdplanner.store.server_plan import ServerPlan


def plan_address(plan: PlanStore | ServerPlan | Path | str) -> str | Path:
    """The plan's path, or its server address as libpq is given it (for commands too)."""
    if isinstance(plan, PlanStore):
        plan = plan.path
    if isinstance(plan, ServerPlan):
        return plan.conninfo
    return plan


def plan_rows(plan: PlanStore | ServerPlan | Path | str) -> dict[str, Any]:
    """Every row of every table, the migrations applied and the ids given, on either engine."""
    with open_source(plan_address(plan)) as source:
        tables = source.tables()
        rows: dict[str, Any] = {
            name: [
                row
                for batch in source.rows(table, [c.name for c in table.columns])
                for row in batch
            ]
            for name, table in sorted(tables.items())
        }
        rows["(migrations)"] = source.applied()
        rows["(ids given)"] = source.ids_given()
    return rows


def plan_state(plan: PlanStore | ServerPlan | Path | str) -> Any:
    """Something equal before and after exactly when nothing was written to the plan: a
    file's bytes, a server plan's rows (:func:`plan_rows`)."""
    address = plan_address(plan)
    if isinstance(address, str) and address.startswith("postgresql"):
        return plan_rows(address)
    return Path(address).read_bytes()
