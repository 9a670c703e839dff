"""Errors a user can cause, with a message fit to show them (what is wrong, and where).

The CLI prints ``str(error)`` on one line; the window shows it in a message box. Nothing
that derives from :class:`QdError` should ever reach a user as a traceback.
"""

from __future__ import annotations


class QdError(Exception):
    """Base of every error whose message is meant for the user."""


class PlanFileError(QdError):
    """The file is not a plan we can open: missing, foreign, damaged or from a newer version."""


class ValidationError(QdError):
    """A value was refused; the message names the field and, where known, the record."""

    def __init__(self, message: str, *, field: str | None = None, record: str | None = None):
        super().__init__(message)
        self.field = field
        self.record = record


class NotFoundError(QdError):
    """A record named by id or name does not exist in the plan."""
