"""Slow openings off the UI thread (ui/background.py): a plan on a server that is slow to
answer is waited for behind a busy dialog, and giving up does not leak what it opens."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from qdplanner.errors import QdError
from qdplanner.ui.background import Cancelled, open_in_background


class Opened:
    def __init__(self) -> None:
        self.closed = threading.Event()

    def close(self) -> None:
        self.closed.set()


def test_what_is_opened_is_returned_and_what_fails_is_raised(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = Opened()
    assert open_in_background(parent, "Opening…", lambda: opened) is opened

    def refuse():
        raise QdError("{what}: cannot open", what="plan")

    with pytest.raises(QdError, match="plan: cannot open"):
        open_in_background(parent, "Opening…", refuse)


def test_cancel_gives_up_at_once_and_what_opens_later_is_closed(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = Opened()
    release = threading.Event()

    def slow():
        release.wait(10)
        return opened

    shown = []

    def on_dialog(dialog):
        def cancel():
            shown.append(dialog.isVisible())
            dialog.findChild(QPushButton).click()

        QTimer.singleShot(600, cancel)  # after the 0.4 s the dialog waits before it shows

    started = time.monotonic()
    with pytest.raises(Cancelled):
        open_in_background(parent, "Connecting…", slow, on_dialog=on_dialog)
    assert time.monotonic() - started < 2
    assert shown == [True]
    assert not opened.closed.is_set()
    release.set()  # the opening ends after all: what it opened is closed, not left open
    qtbot.waitUntil(opened.closed.is_set, timeout=5_000)
