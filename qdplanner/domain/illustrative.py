"""Illustrative data (示例): what was filled in for the sample plan, not reported by anyone.

The sample plan's seeds name no unit, date or status for a task, and give one or two progress
reports where a quarter-by-quarter ledger is wanted; what was filled in for it is flagged
``is_illustrative`` in the plan file (tasks — their units, dates, status and percent —, the
units they are given, progress reports, including every report
``scripts/fill_sample_ledger.py`` adds, and milestones; ``db/sample/README.md`` says what and
why). A report a person records, in the window or by a returned workbook, is never
illustrative (:func:`qdplanner.store.progress.record_progress` clears the flag).

:func:`is_illustrative` is the one rule every printout asks; the one word they print it with is
the catalogue's (:func:`qdplanner.catalogue.illustrative_mark`: ``（示例）`` / `` (illustrative)``),
put after a text by :func:`marked`. Indicator values are the sources' own figures and are not
illustrative. A baseline the sample derives from a published growth rate (国家高新技术企业: 8,683
in 2025, "+98% on 2020", so about 4,385 in 2020) is not invented either: its own text begins
推算 with the sentence it comes from, and :func:`is_derived_baseline` reads that, so the
printouts mark such a value derived (``（推算）``), not illustrative.
"""

from __future__ import annotations

# How the sample's own texts already carry the word (the generated narratives begin with it):
# a text holding it is not marked twice.
SAMPLE_MARKS = ("（示例）", "(示例)", "(illustrative)")
DERIVED_PREFIX = "推算"  # how a derived baseline's own text begins (db/sample/qingdao.json)


def is_illustrative(*records: object) -> bool:
    """True when any of ``records`` — a task row, a progress report, a milestone, a unit, or
    a flag itself (a bool) — is illustrative."""
    return any(
        r if isinstance(r, bool) else bool(getattr(r, "is_illustrative", False)) for r in records
    )


def is_derived_baseline(baseline_text: str | None) -> bool:
    """True when an indicator's baseline was derived (推算), not published: its text says so."""
    return (baseline_text or "").strip().startswith(DERIVED_PREFIX)


def marked(text: str, illustrative: bool, mark: str) -> str:
    """``text`` with ``mark`` after it when ``illustrative``, once: a text that already says
    it (the sample's generated narratives begin （示例）) is left as it is."""
    if not illustrative or any(m in text.casefold() for m in SAMPLE_MARKS):
        return text
    return text + mark


__all__ = ["DERIVED_PREFIX", "SAMPLE_MARKS", "is_derived_baseline", "is_illustrative", "marked"]
