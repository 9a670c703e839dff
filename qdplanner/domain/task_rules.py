"""What makes a task's fields valid, and how a typed deadline becomes dates.

One place for the rules the table, the forms, paste and import all apply: the store refuses
the same things with constraints, but these give the user a message naming the field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from difflib import SequenceMatcher

from qdplanner.domain import vocabulary
from qdplanner.domain.deadlines import DeadlineKind, parse_deadline
from qdplanner.domain.enums import TaskStatus
from qdplanner.domain.limits import shown
from qdplanner.domain.status_light import DONE_PERCENT
from qdplanner.errors import N_, ValidationError

TASK_FIELDS = (
    "code", "title", "description", "start_date", "due_date", "deadline_text", "status",
    "percent", "notes",
)  # fmt: skip


def task_problems(fields: dict) -> list[ValidationError]:
    """Problems of a task's complete set of fields (after an edit is merged in).

    Each is a :class:`ValidationError` whose ``field`` names the field it is about.
    """
    problems = []
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(
            ValidationError(N_("Messages", "the task title must not be empty"), field="title")
        )
    percent = fields.get("percent")
    if not isinstance(percent, int) or isinstance(percent, bool) or not 0 <= percent <= 100:
        problems.append(
            ValidationError(
                N_(
                    "Messages",
                    "percent complete must be a whole number from 0 to 100 (got {value})",
                ),
                field="percent",
                value=percent,
            )
        )
    status = fields.get("status")
    if status not in {s.value for s in TaskStatus}:
        problems.append(
            ValidationError(N_("Messages", "unknown status {value}"), field="status", value=status)
        )
    elif problem := status_percent_problem(status, percent):
        problems.append(problem)
    start, due = fields.get("start_date"), fields.get("due_date")
    for name, value in (("start_date", start), ("due_date", due)):
        if value is not None and not isinstance(value, date):
            problems.append(
                ValidationError(N_("Messages", "{value} is not a date"), field=name, value=value)
            )
    if problem := dates_problem(start, due):
        problems.append(problem)
    return problems


def status_percent_problem(
    status: TaskStatus | str | None, percent: object, *, done_means_100: bool = True
) -> ValidationError | None:
    """A task marked done is at 100 % (unless the office's settings say otherwise): the one
    consistency rule of status and percent, for every entry point."""
    if (
        done_means_100
        and status == TaskStatus.DONE
        and isinstance(percent, int)
        and not isinstance(percent, bool)
        and percent < DONE_PERCENT
    ):
        return ValidationError(
            N_(
                "Messages",
                "a task marked done (已完成) is at 100 %, not {percent} %; set the percent to "
                "100, or choose another status",
            ),
            field="percent",
            percent=percent,
        )
    return None


def dates_problem(start: object, due: object) -> ValidationError | None:
    """The due date is not before the start date."""
    if isinstance(start, date) and isinstance(due, date) and due < start:
        return ValidationError(
            N_("Messages", "the due date {due} is before the start date {start}"),
            field="due_date",
            due=due.isoformat(),
            start=start.isoformat(),
        )
    return None


def deadline_fields(text: str, *, start: date | None, keep_unread: bool = False) -> dict:
    """The fields a typed deadline sets: the phrase as written, the due date, maybe the start.

    ``2024年底前`` → due 2024-12-31; a range ``2022—2024年`` also fills an empty start;
    ``长期坚持`` / ``每年`` clear the due date (ongoing / recurring). Text the parser cannot
    read is never guessed: with ``keep_unread`` (the 完成时限 column) it is kept as the phrase
    and the due date left as it is — the row then shows that they disagree
    (:func:`~qdplanner.domain.deadlines.deadline_agrees`); else it raises
    :class:`ValidationError` naming it (a due-date cell).
    """
    deadline = parse_deadline(text)
    if deadline.kind == DeadlineKind.UNPARSED and keep_unread:
        return {"deadline_text": deadline.text.strip()}
    if deadline.kind == DeadlineKind.UNPARSED:
        raise ValidationError(
            N_(
                "Messages",
                "cannot read the deadline “{text}” (try 2024-12-31, 2024年底前, "
                "2023年6月底前, 2022—2024年, 长期坚持)",
            ),
            field="due_date",
            text=text,
        )
    result: dict = {"deadline_text": deadline.text.strip(), "due_date": deadline.due}
    if deadline.start is not None and start is None:
        result["start_date"] = deadline.start
    return result


def parse_status(text: str) -> TaskStatus:
    """A status from its code or any word for it (:mod:`qdplanner.domain.vocabulary`, either
    language, case and width ignored); ``ValidationError`` names the text."""
    status = vocabulary.parse(TaskStatus, text)
    if status is None:
        raise ValidationError(
            N_("Messages", "unknown status “{text}” (use 未开始, 进行中, 已完成, 暂缓 or 已取消)"),
            field="status",
            text=text,
        )
    return TaskStatus(status)


def parse_percent(text: str) -> int:
    """A percent complete from ``80``, ``80%``, ``80.0`` or full-width input; 0–100."""
    cleaned = text.strip().replace("％", "%").rstrip("%").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise ValidationError(
            N_("Messages", "“{text}” is not a percentage (type a number from 0 to 100)"),
            field="percent",
            text=shown(text),
        ) from None
    if not 0 <= value <= 100 or value != int(value):  # (inf and nan fail the range first)
        raise ValidationError(
            N_("Messages", "percent complete must be a whole number from 0 to 100 (got {value})"),
            field="percent",
            value=shown(text),
        )
    return int(value)


def shifted_dates(fields: dict, days: int) -> dict:
    """The date fields of a task moved by ``days`` (negative: earlier).

    The deadline phrase follows the moved due date where it can, in its own style
    (:func:`~qdplanner.domain.deadlines.follow_due`, applied by the one edit path); ongoing
    tasks (no due date) keep theirs.
    """
    step = timedelta(days=days)
    changes: dict = {}
    if fields.get("start_date"):
        changes["start_date"] = fields["start_date"] + step
    if fields.get("due_date"):
        changes["due_date"] = fields["due_date"] + step
    return changes


_NUMBERING = re.compile(
    r"^(?:[(（][0-9一二三四五六七八九十]+[)）]"
    r"|[0-9一二三四五六七八九十]+(?:[.．][0-9]+)*(?:[.、．)）]|\s)"
    r"|第[一二三四五六七八九十0-9]+[条项])\s*"
)


def title_key(title: str) -> str:
    """A task title as titles are matched: NFKC, case-folded, without blanks, punctuation or
    a numbering prefix (``1.``, ``（一）``, ``①``, ``第三条``) — so ``2.建设海洋科学考察船队。``
    and ``建设海洋科学考察船队`` are the same title."""
    text = unicodedata.normalize("NFKC", title.strip().lstrip("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"))
    text = text.strip()
    while (m := _NUMBERING.match(text)) and m.end() < len(text):
        text = text[m.end() :]
    return "".join(
        c for c in text.casefold() if not c.isspace() and unicodedata.category(c)[0] not in "PS"
    )


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are (0 … 1), compared by :func:`title_key`."""
    return SequenceMatcher(None, title_key(a), title_key(b)).ratio()
