"""催办通知: one short notice per late unit, as a Word document or on the printer.

:func:`reminder_notices` reads who is late for a period (:func:`qdplanner.store.collections.
late_units`: the round's due date passed, its return not in or partial) and makes one
:class:`Notice` per unit: the unit and its contact person and phone, the period and the due
date, the tasks it leads that are still unreported (in a table: those a partial return left
empty carry their row), and the office that sends it (the plan's ``report.office`` setting,
else the plan document's issuer).

:func:`notice_blocks` lays a notice out as the progress summary's blocks, so it is written
by the summary's Word writer (:mod:`qdplanner.reports.summary.word`: GB/T 9704 page, fonts and
page number) and printed by its layout engine (:func:`print_notices`, one notice a page).
Every word is marked ``N_("Reminder", …)`` and read in the language asked for.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

from qdplanner.catalogue import date_text, period_text, translated, with_illustrative_mark
from qdplanner.domain.enums import ReturnStanding
from qdplanner.domain.periods import Period, parse_period
from qdplanner.errors import N_, QdError
from qdplanner.reports.summary import word as word_doc
from qdplanner.reports.summary.layout import (
    Block,
    Cell,
    Column,
    NewPage,
    PageDecor,
    Paragraph,
    Row,
    Table,
)
from qdplanner.store.collections import LateUnit, OpenTask, late_units
from qdplanner.store.plan_settings import report_office
from qdplanner.store.plan_store import PlanStore

CONTEXT = "Reminder"  # the translation context of the notice's words
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def say(lang: str, text: str, /, **fields: object) -> str:
    """``text`` (marked ``N_("Reminder", text)``) in ``lang``, with ``fields`` filled in."""
    return translated(lang, CONTEXT, text, **fields)


class ReminderError(QdError):
    """The notices could not be written (the message names the file and why)."""


@dataclass(frozen=True)
class Notice:
    """One 催办通知: to whom, for what, and what is still open."""

    unit_id: int
    unit: str  # full name
    contact: str
    phone: str
    period: Period
    due: date
    due_given: bool  # False: the round was issued without one; the default due day applies
    standing: ReturnStanding  # MISSING or PARTIAL
    returned_on: date | None
    tasks: list[OpenTask]
    office: str
    written_on: date


def _returned_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone().date()
    except ValueError:  # pragma: no cover - stored times are ISO
        return None


def notice_for(late: LateUnit, office: str, today: date) -> Notice:
    s = late.status
    assert s.due_on is not None  # a late unit was issued a workbook, so it has a due date
    return Notice(
        s.unit_id, s.unit_name, s.contact, s.phone, parse_period(late.period), s.due_on,
        s.due_given, s.standing, _returned_day(s.returned_at), list(late.open_tasks), office,
        today,
    )  # fmt: skip


def reminder_notices(
    store: PlanStore,
    period: str,
    today: date | None = None,
    *,
    unit_ids: Iterable[int] | None = None,
) -> list[Notice]:
    """A notice for every unit late for ``period`` at ``today`` (or for those of
    ``unit_ids`` among them), by unit id."""
    today = today or date.today()
    office = report_office(store)
    return [
        notice_for(late, office, today)
        for late in late_units(store, period, today, unit_ids=unit_ids)
    ]


# -- the notice as blocks --------------------------------------------------------------------
def _contact_line(notice: Notice, lang: str) -> str:
    missing = say(lang, N_("Reminder", "not on record"))
    return say(
        lang,
        N_("Reminder", "Contact: {contact}; phone: {phone}"),
        contact=notice.contact or missing,
        phone=notice.phone or missing,
    )


def _body(notice: Notice, lang: str) -> str:
    fields = {
        "due": date_text(notice.due, lang),
        "period": period_text(notice.period, lang),
        "today": date_text(notice.written_on, lang),
        "n": len(notice.tasks),
    }
    if notice.standing == ReturnStanding.PARTIAL:
        returned = notice.returned_on or notice.written_on
        return say(
            lang,
            N_(
                "Reminder",
                "Your progress report for {period} was due by {due}. In the workbook you "
                "returned on {returned}, the following {n} task(s) were left empty; please "
                "report them as soon as possible:",
            ),
            returned=date_text(returned, lang),
            **fields,
        )
    return say(
        lang,
        N_(
            "Reminder",
            "Your progress report for {period} was due by {due}. As of {today} we have not "
            "received it; please report on the following {n} task(s) as soon as possible:",
        ),
        **fields,
    )


def _task_table(notice: Notice, lang: str) -> Table:
    partial = notice.standing == ReturnStanding.PARTIAL
    specs = [
        (N_("Reminder", "No."), 0.8, "center"),
        (N_("Reminder", "Code"), 1.0, "left"),
        (N_("Reminder", "Task"), 5.4 if partial else 6.3, "left"),
        (N_("Reminder", "Deadline"), 1.9, "center"),
    ]
    if partial:
        specs.append((N_("Reminder", "Row"), 0.9, "center"))
    columns = [Column(say(lang, header), weight, align) for header, weight, align in specs]
    rows = []
    stream = None
    for n, task in enumerate(notice.tasks, start=1):
        if task.stream and task.stream != stream:  # codes restart in each program or project
            stream = task.stream
            rows.append(Row([Cell(stream)], "group"))
        deadline = task.deadline_text or (date_text(task.due_date, lang) if task.due_date else "—")
        title = with_illustrative_mark(task.title, task.is_illustrative, lang)  # the sample's
        cells = [Cell(str(n)), Cell(task.code or "—"), Cell(title), Cell(deadline)]
        if partial:
            cells.append(Cell(str(task.row) if task.row else "—"))
        rows.append(Row(cells))
    return Table(columns, rows)


def notice_blocks(notice: Notice, lang: str) -> list[Block]:
    """The notice as blocks: title, addressee, contact, body, table of tasks, closing, and
    the sending office and date (right-aligned: ``align="right"``)."""
    office = notice.office or say(lang, N_("Reminder", "________________"))
    closing = say(
        lang,
        N_(
            "Reminder",
            "If you have sent it already, please disregard this notice. For questions, please "
            "contact {office}.",
        ),
        office=office,
    )
    due_note = (
        []
        if notice.due_given
        else [
            Paragraph(
                say(
                    lang,
                    N_(
                        "Reminder",
                        "(The round was issued without a due date; returns are due by the "
                        "10th of the month after the period.)",
                    ),
                ),
                "note",
                False,
            )
        ]
    )
    return [
        NewPage(False),
        Paragraph(say(lang, N_("Reminder", "Reminder Notice")), "title", False, "center", 8),
        Paragraph(say(lang, N_("Reminder", "{unit}:"), unit=notice.unit), "body", False),
        Paragraph(_contact_line(notice, lang), "note", False),
        Paragraph(_body(notice, lang), "body", True),
        *due_note,
        _task_table(notice, lang),
        Paragraph(closing, "body", True, "left", 8),
        Paragraph(office, "body", False, "right", 0),
        Paragraph(date_text(notice.written_on, lang), "body", False, "right", 0),
    ]


# -- Word ------------------------------------------------------------------------------------
class _NoticeWriter(word_doc._WordWriter):  # the summary's writer, reused whole
    """The summary's Word writer (GB/T 9704 page, styles, fonts, page number) for a notice:
    its own document properties, and signature lines set right."""

    def __init__(self, lang: str, title: str, author: str, fonts: word_doc.WordFonts):
        self._title, self._author = title, author
        super().__init__(SimpleNamespace(lang=lang), fonts)  # type: ignore[arg-type]

    def _settings(self) -> None:
        self.doc.settings.odd_and_even_pages_header_footer = True
        props = self.doc.core_properties
        props.title = self._title
        props.author = self._author or "qdplanner"
        props.last_modified_by = "qdplanner"
        props.comments = ""
        props.created = props.modified = datetime.now().replace(microsecond=0)
        props.revision = 1

    def paragraph(self, block: Paragraph) -> None:
        if block.align != "right":
            super().paragraph(block)
            return
        for line in block.text.split("\n"):
            self._append(self._paragraph_xml(block.style, line, align="right", indent=False))


def notice_docx(notice: Notice, lang: str, fonts: word_doc.WordFonts | None = None) -> bytes:
    """The notice as an editable Word document (GB/T 9704 page), as bytes."""
    fonts = fonts or word_doc.word_fonts(word_doc.installed_families())
    title = say(lang, N_("Reminder", "Reminder Notice")) + f" — {notice.unit}"
    writer = _NoticeWriter(lang, title, notice.office, fonts)
    writer.write(notice_blocks(notice, lang))
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return buffer.getvalue()


def notice_file_name(notice: Notice, lang: str) -> str:
    """``2024Q3_催办通知_青岛市科学技术局.docx``: characters no file system accepts become ``_``."""
    kind = say(lang, N_("Reminder", "reminder"))
    stem = _UNSAFE.sub("_", f"{notice.period.code}_{kind}_{notice.unit}").strip(" .")
    return f"{stem[:120]}.docx"


def write_notices(
    notices: list[Notice], outdir: str | Path, lang: str, *, overwrite: bool = False
) -> list[Path]:
    """Write one ``.docx`` per notice into ``outdir``; return the paths. An existing file
    is refused (nothing written) unless ``overwrite``; each file appears whole or not at all."""
    folder = Path(outdir)
    paths = [folder / notice_file_name(n, lang) for n in notices]
    if not overwrite:
        for path in paths:
            if path.exists():
                raise ReminderError(
                    N_(
                        "Messages",
                        "{path} already exists; choose another folder, or allow overwriting",
                    ),
                    path=path,
                )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReminderError(
            N_("Messages", "{path}: cannot be written: {reason}"),
            path=folder,
            reason=exc.strerror or exc,
        ) from None
    fonts = word_doc.word_fonts(word_doc.installed_families())
    written: list[Path] = []
    try:
        for notice, path in zip(notices, paths, strict=True):
            tmp = path.with_name(path.name + ".writing")
            try:
                tmp.write_bytes(notice_docx(notice, lang, fonts))
                tmp.replace(path)
            except OSError as exc:
                tmp.unlink(missing_ok=True)
                raise ReminderError(
                    N_("Messages", "{path}: cannot write the Word document ({reason})"),
                    path=path,
                    reason=exc.strerror or exc,
                ) from exc
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


# -- print -----------------------------------------------------------------------------------
def print_blocks(notices: list[Notice], lang: str) -> list[Block]:
    """Every notice, one a page, for the layout engine (which sets no text right: the
    signature lines are centred there)."""
    blocks: list[Block] = []
    for notice in notices:
        for block in notice_blocks(notice, lang):
            if isinstance(block, Paragraph) and block.align == "right":
                block = replace(block, align="center")
            blocks.append(block)
    return blocks


def print_notices(notices: list[Notice], lang: str, device) -> int:
    """Lay out and paint the notices on ``device`` (a QPrinter or QPdfWriter), one a page;
    return the pages. Needs a QGuiApplication."""
    from qdplanner.reports.summary.fonts import report_fonts
    from qdplanner.reports.summary.paint import render
    from qdplanner.reports.summary.render import check_fonts

    check_fonts(SimpleNamespace(lang=lang))  # type: ignore[arg-type]
    title = say(lang, N_("Reminder", "Reminder Notice"))
    printed = date_text(notices[0].written_on if notices else date.today(), lang)
    decor = PageDecor(title, period_text(notices[0].period, lang) if notices else "", "", printed)
    return render(print_blocks(notices, lang), device, report_fonts(), decor)


__all__ = [
    "CONTEXT",
    "Notice",
    "ReminderError",
    "notice_blocks",
    "notice_docx",
    "notice_file_name",
    "print_blocks",
    "print_notices",
    "reminder_notices",
    "write_notices",
]
