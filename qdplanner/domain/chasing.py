"""Chasing the units of a collection round (催办): who is late, what a return left empty.

The rules, in one place for the command line, the window and the 催办通知:

* a round's due date is the one given when it was issued; a round issued without one is due
  by :func:`default_due` — the 10th of the month after the period ends, the habit of the
  offices this program serves (a quarter's returns by the 10th of the month after it);
* a unit is *late* (:func:`is_late`) once that day has passed while its return is not in,
  or came back with rows left empty (a *partial* return);
* a unit's contact (联系人) and phone (联系电话) are two fields; a contact written as one text
  (``张三 0532-85911234``, how older plans kept it) is split by :func:`split_contact`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from qdplanner.domain.periods import Period

DEFAULT_DUE_DAY = 10  # returns are due by this day of the month after the period
# A phone number as offices write one: 0532-85911234, (0532)8591 1234, 13800000000,
# +86 532 8591 1234, 85911234转8001 — at least seven digits.
_PHONE = re.compile(
    r"(?:\+?\d{1,3}[\s-]?)?(?:[(（]\d{2,4}[)）][\s-]?)?\d[\d\s-]{5,}\d(?:\s*(?:转|ext\.?|x)\s*\d{1,6})?",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"(联系人|联系电话|电话|手机|座机|Tel\.?|Phone|Contact)\s*[:：]?", re.IGNORECASE
)
_SEPARATORS = " \t,，;；、/|:：()（）"


def default_due(period: Period) -> date:
    """The day a round of ``period`` issued without a due date is due by."""
    after = period.end + timedelta(days=1)
    return after.replace(day=DEFAULT_DUE_DAY)


def round_due(period: Period, due_on: date | None) -> date:
    """The day a round is due by: the one it was issued with, else :func:`default_due`."""
    return due_on if due_on is not None else default_due(period)


def is_late(due: date, today: date, *, returned: bool, partial: bool) -> bool:
    """Whether a unit is to be chased: the due day has passed and its return is not in
    (or came back partial)."""
    return today > due and (not returned or partial)


def split_contact(text: str) -> tuple[str, str]:
    """``(person, phone)`` from a contact written as one text: ``张三 0532-85911234`` →
    ``("张三", "0532-85911234")``; a text with no phone number is all person."""
    text = (text or "").strip()
    if not text:
        return "", ""
    found = _PHONE.search(text)
    if found is None or sum(c.isdigit() for c in found.group()) < 7:
        return text, ""
    phone = found.group().strip()
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    person = _LABELS.sub(" ", rest)
    person = " ".join(person.split()).strip(_SEPARATORS)
    return person, phone


@dataclass(frozen=True, slots=True)
class LeftEmpty:
    """A row of a returned workbook that was left empty (or as issued): no report came for
    its task. ``row`` is the Excel row; 0 when the row was missing from the workbook."""

    task_id: int
    row: int

    def as_dict(self) -> dict:
        return {"task_id": self.task_id, "row": self.row or None}


__all__ = [
    "DEFAULT_DUE_DAY",
    "LeftEmpty",
    "default_due",
    "is_late",
    "round_due",
    "split_contact",
]
