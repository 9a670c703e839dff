"""Our errors in the window's language (their templates are in the translation file)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qdplanner.errors import MESSAGES, QdError


def user_message(error: BaseException) -> str:
    """The text to show for ``error``: translated when it is one of ours."""
    if isinstance(error, QdError):
        return error.text(lambda template: QCoreApplication.translate(MESSAGES, template))
    return str(error)


def translated(template: str) -> str:
    """One of our message templates (marked with ``N_``) in the window's language."""
    return QCoreApplication.translate(MESSAGES, template)
