"""The date on the cover of the progress summary (进展情况汇总): a month, or a day.

A government summary is dated on its cover by the month it is prepared (``2026年1月``), or by
the day when the office wants it (``2026年1月15日``, GB/T 9704's 成文日期 with its numerals in
full). The plan's setting ``report.cover_date`` keeps one (``2026-01`` or ``2026-01-15``);
empty, the cover is dated the month the summary is printed. The report dialog and
``qdplanner report --cover-date`` may give another for one printing. :func:`parse_cover_date`
reads every way a clerk writes one; the text printed is the catalogue's
(:func:`qdplanner.catalogue.cover_date_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from qdplanner.domain.limits import shown
from qdplanner.errors import N_, ValidationError

COVER_DATE_FIELD = "report.cover_date"
_FORMS = (
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?"),
)


@dataclass(frozen=True)
class CoverDate:
    """A month (``day`` None) or a day."""

    year: int
    month: int
    day: int | None = None

    @classmethod
    def of(cls, day: date, *, whole_day: bool = False) -> CoverDate:
        """The month of ``day`` (or ``day`` itself when ``whole_day``)."""
        return cls(day.year, day.month, day.day if whole_day else None)

    def code(self) -> str:
        """How a plan keeps it: ``2026-01`` or ``2026-01-15``."""
        month = f"{self.year:04}-{self.month:02}"
        return month if self.day is None else f"{month}-{self.day:02}"

    def first_day(self) -> date:
        return date(self.year, self.month, self.day or 1)


def parse_cover_date(text: str | None) -> CoverDate | None:
    """``2026-01``, ``2026/1``, ``2026.1``, ``2026年1月``, or with a day (``2026-01-15``,
    ``2026年1月15日``) → a CoverDate; empty → None (the month it is printed). Refused, in
    words that say how to write one, for anything else or a day the calendar has not."""
    typed = (text or "").strip()
    if not typed:
        return None
    for form in _FORMS:
        found = form.fullmatch(typed)
        if found:
            year, month = int(found[1]), int(found[2])
            day = int(found[3]) if found[3] else None
            try:
                date(year, month, day or 1)
            except ValueError:
                break
            if 1900 <= year <= 2200:
                return CoverDate(year, month, day)
            break
    raise ValidationError(
        N_(
            "Messages",
            "“{text}” is not a date for the cover: write a month (2026-01 or 2026年1月) or a "
            "day (2026-01-15 or 2026年1月15日)",
        ),
        field=COVER_DATE_FIELD,
        text=shown(typed),
    )


__all__ = ["COVER_DATE_FIELD", "CoverDate", "parse_cover_date"]
