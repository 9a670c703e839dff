"""The plan file: open/create, schema and migrations, reads and logged writes."""

from qdplanner.paths import PLAN_SUFFIX
from qdplanner.store.plan_store import PlanStore

__all__ = ["PLAN_SUFFIX", "PlanStore"]
