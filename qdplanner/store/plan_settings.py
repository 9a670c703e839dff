"""The plan's settings (:mod:`qdplanner.domain.settings`) as a plan file keeps them.

The keys an office sets are stored where the rest of the program reads them, as they were
before there was a dialog for them: the task-light rules as one record (``status_light_rules``,
read by :meth:`PlanStore.light_rules`), the indicator rules as another (``indicator_rules``),
the evidence limit in bytes (``evidence_max_bytes``, read by
:func:`qdplanner.store.progress.evidence_limit`), the summary's issuing office
(``report_issuer``) and the date on its cover (``report_cover_date``: ``2026-01`` or
``2026-01-15``, '' for the month it is printed). :func:`read_settings` gives every key's
value in the user's units; :func:`write_settings` checks new values and writes each changed
record once, in the caller's action (so the change log keeps old → new, and one undo step
undoes them all).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qdplanner.domain import settings as domain
from qdplanner.domain.cover_date import CoverDate, parse_cover_date
from qdplanner.errors import ValidationError
from qdplanner.store.changes import ChangeSet
from qdplanner.store.indicators import indicator_rules, set_indicator_rules
from qdplanner.store.plan_store import LIGHT_RULES_KEY, PlanStore
from qdplanner.store.progress import EVIDENCE_LIMIT_KEY, MEGABYTE, evidence_limit

REPORT_OFFICE_KEY = "report_issuer"  # the office named on the summary's cover
REPORT_COVER_DATE_KEY = "report_cover_date"  # the date on the summary's cover ('': the month)

_LIGHT_KEYS = ("light.yellow_behind", "light.red_behind", "light.blue_days", "light.sticky_yellow")


def plan_issuer(store: PlanStore) -> str:
    """The issuer of the plan's first document that names one ('' when none does)."""
    row = store.db.execute(
        "SELECT issuer FROM plan_documents WHERE issuer != '' ORDER BY position, id LIMIT 1"
    ).fetchone()
    return row[0] if row else ""


def report_office(store: PlanStore) -> str:
    """The office the progress summary names on its cover: the plan's setting, else the
    plan document's issuer ('' when neither: the cover leaves a line to fill in)."""
    return store.setting(REPORT_OFFICE_KEY) or plan_issuer(store)


def report_cover_date(store: PlanStore) -> CoverDate | None:
    """The date the plan puts on the summary's cover, or None: the month it is printed (a
    value an older or hand-edited file holds that does not read as a date counts as none)."""
    try:
        return parse_cover_date(str(store.setting(REPORT_COVER_DATE_KEY) or ""))
    except ValidationError:
        return None


def setting_defaults(store: PlanStore) -> dict[str, Any]:
    """Each key's default; the office's is this plan's document issuer."""
    return {**domain.DEFAULTS, "report.office": plan_issuer(store)}


def read_settings(store: PlanStore) -> dict[str, Any]:
    """Every setting's value in this plan (its default where the plan sets none)."""
    limit = evidence_limit(store) / MEGABYTE
    return {
        **domain.light_values(store.light_rules()),
        **domain.indicator_values(indicator_rules(store)),
        "report.office": report_office(store),
        "report.cover_date": (found.code() if (found := report_cover_date(store)) else ""),
        "evidence.max_mb": int(limit) if limit.is_integer() else limit,
    }


def write_settings(
    store: PlanStore, changes: ChangeSet, values: Mapping[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """Set ``values`` (key → value in the user's units) in ``changes``' action, after
    checking them (:func:`qdplanner.domain.settings.check_settings`: nothing is written when
    one is refused). Returns what changed: key → (old, new)."""
    current = read_settings(store)
    merged = domain.check_settings({**current, **values}, keys=values)
    if merged["report.office"] == "":  # empty: the plan document's issuer again
        merged["report.office"] = plan_issuer(store)
    diff = domain.changed(current, {k: merged[k] for k in values})
    if any(k in diff for k in _LIGHT_KEYS):
        store.set_light_rules(changes, domain.light_rules(merged))
    if "indicator.off_track_gap" in diff:
        rules = domain.indicator_rules(merged, indicator_rules(store))
        set_indicator_rules(store, changes, rules)
    if "evidence.max_mb" in diff:
        store.set_setting(changes, EVIDENCE_LIMIT_KEY, int(merged["evidence.max_mb"] * MEGABYTE))
    if "report.office" in diff:
        office = merged["report.office"]
        # the issuer's own name is kept as '' so the cover follows the plan document
        store.set_setting(
            changes, REPORT_OFFICE_KEY, "" if office == plan_issuer(store) else office
        )
    if "report.cover_date" in diff:
        store.set_setting(changes, REPORT_COVER_DATE_KEY, merged["report.cover_date"])
    return diff


# Where each key is kept: (stored setting, field of its record or None), for the History.
STORED_AS: dict[str, tuple[str, str | None]] = {
    "light.yellow_behind": (LIGHT_RULES_KEY, "yellow_behind"),
    "light.red_behind": (LIGHT_RULES_KEY, "red_behind"),
    "light.blue_days": (LIGHT_RULES_KEY, "blue_within_days"),
    "light.sticky_yellow": (LIGHT_RULES_KEY, "sticky_yellow"),
    "indicator.off_track_gap": ("indicator_rules", "off_track_gap"),
    "report.office": (REPORT_OFFICE_KEY, None),
    "report.cover_date": (REPORT_COVER_DATE_KEY, None),
    "evidence.max_mb": (EVIDENCE_LIMIT_KEY, None),
}


def stored_values(stored_key: str, value: Any) -> list[tuple[str, Any]] | None:
    """A stored setting's value (as logged, JSON-decoded) as (key, value in the user's
    units) pairs, so the History reads ``Yellow when behind by: 5 points``; None for a
    stored setting that is not one of the office's (the plan's identity, its unit forms)."""
    pairs = []
    for key, (stored, field) in STORED_AS.items():
        if stored != stored_key:
            continue
        if field is None:
            raw = value
        elif isinstance(value, dict) and field in value:
            raw = value[field]
        else:
            continue
        if key == "indicator.off_track_gap" and isinstance(raw, int | float):
            raw = round(raw * 100, 6)
        elif key == "evidence.max_mb" and isinstance(raw, int | float):
            raw = raw / MEGABYTE
        pairs.append((key, raw))
    return pairs or None
