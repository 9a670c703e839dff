"""Filtering task rows: text, unit, light, due-date range. Pure Python over TaskRow lists.

Run on the rows the table already holds, so a keystroke in the filter never queries the
plan file: on 20,000 rows a filter pass is a few milliseconds. The text each row is searched
in is folded once (:func:`prepare_search`, all rows together) and kept on the row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from qdplanner.domain.enums import StatusLight
from qdplanner.domain.text import fold
from qdplanner.store.task_rows import TaskRow


@dataclass(frozen=True)
class TaskFilter:
    """What the filter bar asks for; an empty filter lets every row through."""

    text: str = ""  # substring of title, description, notes or code (Chinese substrings too)
    unit: str = ""  # a unit, as lead or supporting, as the user typed it
    # the full names of the units ``unit`` finds (the unit resolver's partial match); None
    # when no resolver was asked (then ``unit`` is compared with the names as written)
    unit_names: frozenset[str] | None = None
    lights: frozenset[StatusLight] = field(default_factory=frozenset)
    due_from: date | None = None
    due_to: date | None = None

    def is_empty(self) -> bool:
        return not (
            self.text.strip() or self.unit.strip() or self.lights or self.due_from or self.due_to
        )


def filter_rows(rows: list[TaskRow], task_filter: TaskFilter) -> list[TaskRow]:
    """The rows ``task_filter`` lets through, in their order."""
    if task_filter.is_empty():
        return list(rows)
    needle = fold(task_filter.text.strip())
    unit = fold(task_filter.unit.strip())
    lights = task_filter.lights
    low, high = task_filter.due_from, task_filter.due_to
    if needle:
        prepare_search(rows)
    out = []
    for r in rows:
        if lights and r.light not in lights:
            continue
        if (low or high) and (
            r.due_date is None or (low and r.due_date < low) or (high and r.due_date > high)
        ):
            continue
        if unit and not _has_unit(r, unit, task_filter.unit_names):
            continue
        if needle and needle not in r.search_text:
            continue
        out.append(r)
    return out


def prepare_search(rows: list[TaskRow]) -> None:
    """Give every row of ``rows`` that has none its folded search text (code, title,
    description, notes): what the text filter looks in. The table does it while idle, soon
    after it loads, so that the first keystroke in the filter does not wait for it."""
    todo = [r for r in rows if r.search_text is None]
    if not todo:
        return
    texts = [f"{r.code}\n{r.title}\n{r.description}\n{r.notes}" for r in todo]
    for row, text in zip(todo, fold_all(texts), strict=True):
        row.search_text = text


# NUL between texts: no text of a plan holds one (checked), and normalisation never joins
# characters across it (it is a starter that composes with nothing)
_SEP = "\x00"
_EXOTIC: re.Pattern[str] | None = None  # characters that may change under NFKC (see below)
_MANY = 64  # more distinct such characters than this: normalise the whole text instead
_SAMPLE = 4096  # characters looked at first, at the least


def fold_all(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``, the same strings, about 4× faster on plan texts.

    ``fold`` normalises (NFKC) each text, and that costs ~5 µs a task: Chinese text with
    full-width punctuation (，（）) is never normalised already, so Python decomposes and
    recomposes every character. Here the texts are joined, and only the few distinct
    characters outside ASCII and the common CJK ranges are normalised, each on its own, and
    replaced (those of a sample of the text first; those of the whole when that was not
    all). Each replacement keeps the text compatibility-equivalent to the original, and
    equivalent texts have one NFKC form: so when the result is in NFKC form (a fast check) it
    *is* the original's NFKC form. When it is not (combining accents, say), or a text holds a
    NUL, the texts are normalised as a whole, still exactly.
    """
    if not texts:
        return []
    joined = _SEP.join(texts)
    # the odd characters of a plan are few and everywhere (，（）): looked for in a sample
    # first (a sixteenth of the text), then in the whole only if the result is not in NFKC form
    sample = joined[: max(_SAMPLE, len(joined) // 16)]
    for where in (sample, joined) if len(sample) < len(joined) else (joined,):
        changes = set()
        for char in set(_exotic().findall(where)):
            if (normal := unicodedata.normalize("NFKC", char)) != char:
                changes.add((char, normal))
        if len(changes) > _MANY:
            joined = unicodedata.normalize("NFKC", joined)
            break
        for char, normal in changes:
            joined = joined.replace(char, normal)
        if unicodedata.is_normalized("NFKC", joined):
            break
    else:
        joined = unicodedata.normalize("NFKC", joined)
    # fold() strips, then case-folds: case folding neither makes nor unmakes white space
    parts = joined.casefold().split(_SEP)
    if len(parts) != len(texts):  # a text held a NUL (normalising keeps every NUL)
        return [fold(t) for t in texts]
    return [t.strip() for t in parts]


def _exotic() -> re.Pattern[str]:
    """A pattern finding each character other than ASCII, the CJK ideographs and the CJK
    and general punctuation that NFKC leaves alone (a regular expression finds them far
    faster than ``set(text)``). Whether a character is left out here only changes the speed:
    the result is checked."""
    global _EXOTIC
    if _EXOTIC is None:
        plain = "".join(
            re.escape(c)
            for c in map(chr, [*range(0x2000, 0x2070), *range(0x3000, 0x3040)])
            if unicodedata.is_normalized("NFKC", c) and not unicodedata.combining(c)
        )
        _EXOTIC = re.compile(f"[^\x00-\x7f\u4e00-\u9fff{plain}]")
    return _EXOTIC


def _has_unit(r: TaskRow, unit: str, names: frozenset[str] | None) -> bool:
    if names is not None:
        return r.lead_unit in names or any(n in names for n in r.support_units.split("、"))
    return any(
        unit == fold(name)
        for name in (
            r.lead_unit,
            r.lead_short,
            *r.support_units.split("、"),
            *r.support_short.split("、"),
        )
    )
