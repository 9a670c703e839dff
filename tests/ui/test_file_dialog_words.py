"""Qt's own file dialog speaks Chinese in a zh_CN window (issue 17, item 8): the texts Qt's
shipped ``qtbase_zh_CN.qm`` lacks are in our catalogue (qdplanner.ui.i18n.QT_GAPS)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel

from qdplanner.ui.i18n import QT_GAPS, install_language

LATIN = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield qapp
    install_language(qapp, "en")


def test_the_file_dialog_labels_and_buttons_are_chinese(qtbot, chinese, tmp_path):
    dialog = QFileDialog(None, "保存", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel) if w.text()}
    assert labels["lookInLabel"] == "查找范围(&L)："
    assert labels["fileTypeLabel"] == "文件类型(&T)："
    assert labels["fileNameLabel"] == "文件名称(&N)："
    shown = [*labels.values()]
    shown += [b.text() or b.toolTip() for b in dialog.findChildren(QAbstractButton)]
    english = [text for text in shown if LATIN.search(text.replace("&", ""))]
    assert english == []


def test_our_words_only_fill_what_qts_own_translation_lacks(chinese):
    """Qt asks its own translation first: ours answers only the texts marked in QT_GAPS."""
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "文件名称(&N)："  # Qt's
    assert len(QT_GAPS) == 4


def test_an_english_window_keeps_qts_english(qapp):
    install_language(qapp, "en")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
