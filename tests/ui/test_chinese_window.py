"""The Chinese window shows no English: every menu, tab and dialog, walked in zh_CN.

Each test opens the window on the sample plan, does what a user would (edits, undo, a
progress report, an import, a collection round, the printed summary), opens every menu
entry — every modal dialog is shown, read and closed instead of waiting for the user —
and then reads every tab. A Latin word fails the test unless it is the sample plan's own
data, a file name or path, or a name kept in Latin (see ``chinese_texts.KEPT``).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from qdplanner.reports.timeline_scene import ROW_HEIGHT
from qdplanner.store.collections import lead_units
from qdplanner.store.task_rows import TaskRow
from qdplanner.ui import milestone_editor
from qdplanner.ui.excel_actions import ImportPreviewDialog
from qdplanner.ui.i18n import install_language
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.task_table import Col
from qdplanner.ui.progress_dialog import ProgressDialog
from tests.excel.collection_helpers import fill, task_ids
from tests.excel.conftest import SheetEditor, edit
from tests.ui.chinese_texts import Texts, data_words, english

PERIOD = "2021Q4"  # the sample has no report of it (its ledger starts 2022Q1)


class ModalStandIn:
    """Stands in for every modal dialog and message box: shows it, reads it, closes it.

    A dialog is rejected unless ``answers`` holds an answer for its class (used once);
    message boxes answer No, input and file dialogs are cancelled.
    """

    def __init__(self, texts: Texts, monkeypatch):
        self.texts = texts
        self.answers: dict[type, list] = {}
        for cls in (QDialog, QPrintDialog):
            monkeypatch.setattr(cls, "exec", lambda dialog: self._exec(dialog))
        for name in ("question", "warning", "information", "critical", "about"):
            monkeypatch.setattr(QMessageBox, name, self._box(name))
        for name in ("getText", "getInt", "getDouble", "getItem", "getMultiLineText"):
            monkeypatch.setattr(QInputDialog, name, self._input(name))
        for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName"):
            monkeypatch.setattr(QFileDialog, name, self._file(name))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)

    def _exec(self, dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        self.texts.widget(dialog, f"dialog {type(dialog).__name__}")
        queued = self.answers.get(type(dialog))
        answer = queued.pop(0) if queued else QDialog.DialogCode.Rejected
        dialog.hide()
        return answer

    def _box(self, name: str):
        def box(parent, title, text, *_args, **_kwargs):
            self.texts.add(f"QMessageBox.{name} title", title)
            self.texts.add(f"QMessageBox.{name}", text)
            return QMessageBox.StandardButton.No

        return box

    def _input(self, name: str):
        def ask(parent, title, label, *_args, **_kwargs):
            self.texts.add(f"QInputDialog.{name} title", title)
            self.texts.add(f"QInputDialog.{name}", label)
            return ("", False) if name in ("getText", "getItem", "getMultiLineText") else (0, False)

        return ask

    def _file(self, name: str):
        def choose(parent=None, caption="", folder="", filters="", *_args, **_kwargs):
            self.texts.add(f"QFileDialog.{name} title", caption)
            self.texts.add(f"QFileDialog.{name} filter", filters)
            return ([] if name == "getOpenFileNames" else "", "")

        return choose

    def _folder(self, parent=None, caption="", *_args, **_kwargs):
        self.texts.add("QFileDialog.getExistingDirectory title", caption)
        return ""


@pytest.fixture
def chinese(qapp):
    assert install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


@pytest.fixture
def walk(qtbot, chinese, sample_plan, monkeypatch):
    """The window on the sample plan in Chinese, what it has shown, and the stand-in."""
    texts = Texts()
    modal = ModalStandIn(texts, monkeypatch)
    window = MainWindow(sample_plan, language="zh_CN")
    qtbot.addWidget(window)
    window.show()
    window.statusBar().messageChanged.connect(lambda text: texts.add("status bar", text))
    view = window.plan_view
    view.table.setCurrentIndex(view.tasks.index(0, Col.TITLE))
    return window, texts, modal


def no_english(window: MainWindow, texts: Texts) -> None:
    """Read every tab (the History tab last: it shows what the test did) and assert."""
    view = window.plan_view
    view.ctx.structure_changed.emit(None)
    for index in [*range(view.tabs.count()), view.tabs.indexOf(view.history_view.parent())]:
        view.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        texts.widget(window, f"tab {view.tabs.tabText(index)}")
    found = english(texts.seen, data_words(window.store))
    assert not found, "English in the Chinese window:\n" + "\n".join(found)
    clashes = sorted(set(texts.clashes))
    assert not clashes, "Alt keys shared in one window:\n" + "\n".join(clashes)


def every_action(menu_actions) -> list:
    found = []
    for action in menu_actions:
        if action.menu() is not None:
            action.menu().aboutToShow.emit()
            found += every_action(action.menu().actions())
        elif not action.isSeparator():
            found.append(action)
    return found


def test_every_menu_entry_and_the_dialogs_it_opens_speak_chinese(walk):
    window, texts, modal = walk
    view = window.plan_view
    quit_text = QCoreApplication.translate("MainWindow", "&Quit")
    # A step to undo and one to redo: their names show in the Edit menu and in History.
    view.tasks.setData(view.tasks.index(0, Col.PERCENT), "55")
    modal.answers[ProgressDialog] = [QDialog.DialogCode.Accepted]
    view.progress_action.trigger()
    view.undo_action.trigger()
    texts.actions(window.menuBar().actions(), "menu")
    # Once on all tasks, once on a program: the Plan menu's entries need a node of the tree
    # (found again each time: the tree is rebuilt after every change).
    for program in (False, True):
        for action in every_action(window.menuBar().actions()):
            if action.text() == quit_text:
                continue
            view.tabs.setCurrentIndex(0)
            document = view.outline.index(1, 0)
            view.tree.setCurrentIndex(
                view.outline.index(0, 0, document) if program else view.outline.index(0, 0)
            )
            view.table.setCurrentIndex(view.tasks.index(0, Col.TITLE))
            action.trigger()
            if action.isCheckable():
                action.trigger()
            QApplication.processEvents()
            texts.windows(f"menu {action.text()}", window)
    texts.actions(window.menuBar().actions(), "menu after use")
    texts.actions(view.column_menu().actions(), "column menu")
    no_english(window, texts)


def test_every_tab_its_actions_and_their_dialogs_speak_chinese(walk):
    window, texts, _modal = walk
    view = window.plan_view
    store = window.store
    # the timeline's toolbar and a bar's context menu
    timeline = view.timeline
    for action in timeline.actions_.actions():
        action.trigger()
        texts.windows(f"timeline {action.text()}", window)
    task = view.tasks.rows()[0]  # line 0 is its program's header line
    texts.actions(timeline.actions_.link_menu(task.id, task.title).actions(), "timeline menu")
    scene = timeline.scene
    for line, row in enumerate(scene.lines):
        span = scene.span(row) if isinstance(row, TaskRow) else None
        if span is not None:
            middle = QPointF((span.x0 + span.x1) / 2, line * ROW_HEIGHT + ROW_HEIGHT / 2)
            texts.add("timeline tooltip", timeline.tooltip_at(middle))
    # the detail panel's milestones
    milestone_task, milestone = store.db.execute("SELECT task_id, id FROM milestones").fetchone()
    milestone_editor.add(view.ctx, milestone_task, window, view.show_message)
    milestone_editor.edit(view.ctx, milestone, window, view.show_message)
    milestone_editor.delete(view.ctx, milestone, window, view.show_message)
    # the units and their actions
    units = view.units_view
    view.tabs.setCurrentIndex(view.tabs.indexOf(units.parent()))
    units.table.setCurrentIndex(units.model.index(0, 0))
    for action in units.unit_actions():
        action.trigger()
        QApplication.processEvents()
        texts.windows(f"units {action.text()}", window)
    units.model.setData(units.model.index(0, 0), units.model.index(0, 0).data() + "（改）")
    view.ctx.undo_stack.undo()
    # the indicators' inner tabs: the table, the values by year, the charts
    indicators = view.indicators_view
    view.tabs.setCurrentIndex(view.tabs.indexOf(indicators.parent()))
    for inner in range(indicators.inner.count()):
        indicators.inner.setCurrentIndex(inner)
        QApplication.processEvents()
        texts.widget(indicators, f"indicators {indicators.inner.tabText(inner)}")
    indicators.table.setCurrentIndex(indicators.model.index(0, 0))
    indicators.charts.show_indicator(indicators.model.row_at(0))
    texts.widget(indicators.charts, "indicator chart")
    no_english(window, texts)


def test_import_collection_and_summary_dialogs_speak_chinese(walk, tmp_path):
    window, texts, modal = walk
    view = window.plan_view
    progress = lambda dialog: texts.widget(dialog, "progress dialog")  # noqa: E731
    # a plan workbook, one title changed: the preview, then the import
    workbook = tmp_path / "plan.xlsx"
    assert view.excel.export_to(workbook, on_dialog=progress)
    book, save = edit(workbook)
    SheetEditor(book["任务"]).set(view.tasks.rows()[0].id, "任务名称", "改过的任务")
    save()
    assert view.excel.preview(workbook, on_dialog=progress) is not None
    modal.answers[ImportPreviewDialog] = [QDialog.DialogCode.Accepted]
    assert view.excel.import_from(workbook)
    # a collection round: the dialog, two workbooks, returns with a conflict
    view.collection.choose_collect()
    units = [u.id for u in lead_units(window.store)][:2]
    result = view.collection.collect(tmp_path, PERIOD, units, on_dialog=progress)
    first = result.workbooks[0].path
    returned = task_ids(first)[0]
    a = fill(first, {returned: {"本期状态": "进行中", "完成进度(%)": 40}}, tmp_path / "a.xlsx")
    b = fill(first, {returned: {"本期状态": "进行中", "完成进度(%)": 60}}, tmp_path / "b.xlsx")
    assert view.collection.read_returns([a, b], on_dialog=progress) is not None
    view.collection.import_returns([a, b])
    preview = view.collection.read_returns([a])
    assert view.collection.apply_returns(preview, {})
    view.ctx.undo_stack.undo()
    view.collection_view.load_periods(PERIOD)
    # the printed summary: its dialog, the print preview, the progress of a PDF
    dialog = view.report_actions.open_dialog(show=False)
    texts.widget(dialog, "summary dialog")
    dialog.preview(on_dialog=lambda d: texts.widget(d, "print preview"))
    assert dialog.save_pdf(tmp_path / "summary.pdf", on_dialog=progress)
    no_english(window, texts)
