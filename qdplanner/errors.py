"""Errors a user can cause, with a message fit to show them (what is wrong, and where).

A message is an English template with named fields, marked with :func:`N_` so that
``pyside6-lupdate`` (run with ``-tr-function-alias QT_TRANSLATE_NOOP+=N_``) puts it in the
translation file. ``str(error)`` is the English text (the CLI prints it on one line); the
window shows ``qdplanner.ui.messages.user_message(error)``, the same text in the chosen
language. Nothing that derives from :class:`QdError` should reach a user as a traceback.
"""

from __future__ import annotations

from typing import Any

MESSAGES = "Messages"  # the translation context of every error template


def N_(context: str, template: str) -> str:
    """Mark ``template`` for translation; returns it unchanged (translated where shown)."""
    return template


class Word(str):
    """A word in a message's fields that is itself translated (``task``, ``program`` …)."""

    __slots__ = ()


RECORD_WORDS = {
    "plan_documents": N_("Messages", "plan document"),
    "goals": N_("Messages", "goal"),
    "programs": N_("Messages", "program"),
    "projects": N_("Messages", "project"),
    "tasks": N_("Messages", "task"),
    "milestones": N_("Messages", "milestone"),
    "units": N_("Messages", "unit"),
    "indicators": N_("Messages", "indicator"),
    "sources": N_("Messages", "source"),
    "indicator_values": N_("Messages", "indicator value"),
    "progress_reports": N_("Messages", "progress report"),
    "task_units": N_("Messages", "unit role"),
    "unit_aliases": N_("Messages", "unit alias"),
    "evidence_files": N_("Messages", "evidence file"),
}


def record_word(table: str) -> Word:
    """``tasks`` → ``task``: how messages name one record of a table (translated when shown)."""
    return Word(RECORD_WORDS.get(table, table.replace("_", " ")))


class QdError(Exception):
    """Base of every error whose message is meant for the user.

    ``template`` uses ``{name}`` fields filled from ``params``; a param may itself be a
    :class:`QdError` (a cause), which is translated too when shown.
    """

    def __init__(self, template: str, /, **params: Any):
        self.template = template
        self.params = params
        super().__init__(self.text())

    def text(self, translate=None) -> str:
        """The message; ``translate(template) -> str`` gives it in another language."""
        translate = translate or (lambda t: t)
        if not self.params:  # a plain message: no fields to fill (it may contain braces)
            return translate(self.template)
        values = {
            k: v.text(translate) if isinstance(v, QdError)
            else translate(v) if isinstance(v, Word) else v
            for k, v in self.params.items()
        }  # fmt: skip
        return translate(self.template).format(**values)


class PlanFileError(QdError):
    """The file is not a plan we can open: missing, foreign, damaged or from a newer version."""


class ValidationError(QdError):
    """A value was refused; the message names the field and, where known, the record."""

    def __init__(
        self,
        template: str,
        /,
        *,
        field: str | None = None,
        record: str | None = None,
        **params: Any,
    ):
        super().__init__(template, **params)
        self.field = field
        self.record = record


class NotFoundError(QdError):
    """A record named by id or name does not exist in the plan."""
