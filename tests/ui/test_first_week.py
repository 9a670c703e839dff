"""A clerk's first week (issue 17): progress reports opened, never silently replaced; the
table's columns at a first start; refusals kept where the eye is; what an edit did to the
units said; mnemonics that do not collide; a light filter not cut short; the window kept
maximised across a language switch."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QDialog

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.periods import parse_period
from qdplanner.store.progress import ReportInput, add_evidence, record_progress
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui import progress_dialog
from qdplanner.ui.i18n import install_language
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.history_table import HistoryCol
from qdplanner.ui.models.task_table import REFUSAL_ROLE, Col
from qdplanner.ui.progress_dialog import ProgressDialog


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


def open_window(qtbot, store, language="en") -> MainWindow:
    window = MainWindow(store, language=language)
    qtbot.addWidget(window)
    return window


def select_late_task(window: MainWindow, ids) -> None:
    view = window.plan_view
    view.tree.setCurrentIndex(view._find_scope(Scope(ScopeKind.PROJECT, ids["project"])))
    view.table.setCurrentIndex(view.tasks.index(0, Col.TITLE))


def add_report(store, task_id, period="2024Q3", evidence=True) -> int:
    with store.action(ChangeSource.FORM, "earlier report") as changes:
        report = record_progress(
            store,
            changes,
            task_id,
            ReportInput(
                period,
                "in_progress",
                60,
                narrative="完成主体工程",
                problems="资金到位慢",
                next_steps="年底前验收",
                reported_on=date(2024, 9, 28),
            ),
        )
        if evidence:
            add_evidence(store, changes, report, "照片.jpg", b"jpeg")
    return report


def run_dialog(monkeypatch, window, fill) -> None:
    """Ctrl+R with ``fill(dialog)`` deciding each answer (Accepted / Rejected)."""
    monkeypatch.setattr(ProgressDialog, "exec", fill)
    window.plan_view.progress_action.trigger()


def report_row(store, task_id, period="2024Q3") -> dict:
    return dict(
        store.db.query(
            "SELECT * FROM progress_reports WHERE task_id = ? AND period = ?", [task_id, period]
        ).__next__()
    )


# -- 1. progress reports -------------------------------------------------------------------
def test_ctrl_r_opens_the_periods_report_filled_and_ok_edits_it_field_by_field(
    qtbot, small_plan, monkeypatch
):
    store, ids = small_plan
    add_report(store, ids["late"])
    monkeypatch.setattr(progress_dialog, "period_of", lambda _day: parse_period("2024Q3"))
    window = open_window(qtbot, store)
    select_late_task(window, ids)
    seen = {}

    def fill(dialog):
        seen["mode"] = dialog.mode.text()
        seen["fields"] = (
            dialog.narrative.toPlainText(),
            dialog.problems.toPlainText(),
            dialog.next_steps.toPlainText(),
            dialog.percent.value(),
            dialog.reported_on.text(),
        )
        seen["evidence"] = [
            dialog.file_list.item(r).text() for r in range(dialog.file_list.count())
        ]
        seen["new_visible"] = not dialog.new_button.isHidden()
        dialog.narrative.setPlainText("完成主体工程并通过初验")
        monkeypatch.setattr(ProgressDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        return QDialog.DialogCode.Accepted

    depth = window.plan_view.ctx.undo_stack.count()
    run_dialog(monkeypatch, window, fill)
    assert seen["mode"] == "Editing the 2024Q3 report of 2024-09-28"
    assert seen["fields"] == ("完成主体工程", "资金到位慢", "年底前验收", 60, "2024-09-28")
    assert seen["evidence"] == ["照片.jpg (attached)"] and seen["new_visible"]
    row = report_row(store, ids["late"])
    assert (row["narrative"], row["problems"], row["next_steps"]) == (
        "完成主体工程并通过初验",
        "资金到位慢",
        "年底前验收",
    )
    assert store.db["evidence_files"].count == 1  # the attached file stays
    stack = window.plan_view.ctx.undo_stack
    assert stack.count() == depth + 1 and stack.undoText() == "Edit progress report 2024Q3"
    # History: the one changed field, old → new
    history = window.plan_view.history_view
    history.refresh()
    rows = [
        [history.model.index(r, c).data() for c in HistoryCol]
        for r in range(history.model.rowCount())
    ]
    edit = [r for r in rows if r[HistoryCol.DESCRIPTION] == "Edit progress report 2024Q3"]
    assert [(r[HistoryCol.OLD], r[HistoryCol.NEW]) for r in edit if "完成" in str(r[7])] == [
        ("完成主体工程", "完成主体工程并通过初验")
    ]
    assert all(r[HistoryCol.FIELD] != "Added" for r in edit)  # edited, not replaced
    stack.undo()
    assert report_row(store, ids["late"])["narrative"] == "完成主体工程"
    undone = store.db.execute(
        "SELECT l.field FROM change_log l JOIN change_batches b ON b.id = l.batch_id"
        " WHERE b.description = 'undo: Edit progress report 2024Q3'"
    ).fetchall()
    assert ("narrative",) in undone and ("*",) not in undone  # undone field by field too


def test_choosing_a_period_that_has_a_report_loads_it_and_says_so(qtbot, small_plan):
    store, ids = small_plan
    add_report(store, ids["late"], "2024Q3")
    window = open_window(qtbot, store)
    dialog = ProgressDialog(window.plan_view.ctx, ids["late"], window)
    qtbot.addWidget(dialog)
    dialog.period.setText("2023Q1")
    assert dialog.mode.text() == "New report for 2023Q1"
    assert dialog.narrative.toPlainText() == "" and dialog.new_button.isHidden()
    dialog.period.setText("2024年第三季度")  # as offices write it
    assert dialog.mode.text() == "Editing the 2024Q3 report of 2024-09-28"
    assert dialog.narrative.toPlainText() == "完成主体工程"
    assert dialog.unit.currentText() == ""  # the report named no reporting unit
    dialog.period.setText("2024Q4")  # back to a period without one: an empty form
    assert dialog.narrative.toPlainText() == "" and dialog.existing is None


def test_a_new_report_for_the_period_is_asked_for_and_undone_in_one_step(
    qtbot, small_plan, monkeypatch
):
    store, ids = small_plan
    add_report(store, ids["late"])
    window = open_window(qtbot, store)
    select_late_task(window, ids)
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(
        progress_dialog, "ask", lambda _parent, _title, text: asked.append(text) or next(answers)
    )

    def fill(dialog):
        dialog.period.setText("2024Q3")
        dialog.new_button.click()  # No: the report stays in the form
        assert dialog.narrative.toPlainText() == "完成主体工程" and dialog.editing
        dialog.new_button.click()  # Yes: an empty form replaces it on OK
        assert dialog.narrative.toPlainText() == "" and dialog.fresh
        assert dialog.mode.text().startswith("New 2024Q3 report, replacing the one of 2024-09-28")
        assert dialog.file_list.count() == 0
        dialog.narrative.setPlainText("重新填报：已完成")
        dialog.percent.setValue(100)
        dialog.status.setCurrentIndex(dialog.status.findData("done"))
        monkeypatch.setattr(ProgressDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        return QDialog.DialogCode.Accepted

    depth = window.plan_view.ctx.undo_stack.count()
    run_dialog(monkeypatch, window, fill)
    assert "Replace the 2024Q3 report of 2024-09-28" in asked[0]
    assert "1 evidence file(s) are removed" in asked[0]
    row = report_row(store, ids["late"])
    assert (row["narrative"], row["problems"], row["percent"]) == ("重新填报：已完成", "", 100)
    assert store.db["evidence_files"].count == 0
    stack = window.plan_view.ctx.undo_stack
    assert stack.count() == depth + 1 and stack.undoText() == "Replace progress report 2024Q3"
    stack.undo()
    row = report_row(store, ids["late"])
    assert (row["narrative"], row["problems"], row["percent"]) == ("完成主体工程", "资金到位慢", 60)
    assert [r["filename"] for r in store.db["evidence_files"].rows] == ["照片.jpg"]
    stack.redo()
    assert report_row(store, ids["late"])["narrative"] == "重新填报：已完成"


def test_text_typed_before_choosing_a_reported_period_is_never_silently_saved_over_it(
    qtbot, small_plan, monkeypatch
):
    store, ids = small_plan
    add_report(store, ids["late"])
    window = open_window(qtbot, store)
    select_late_task(window, ids)
    asked = []
    monkeypatch.setattr(progress_dialog, "ask", lambda *a: asked.append(a[2]) or False)
    answers = iter([QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])

    def fill(dialog):
        if not asked:
            dialog.period.setText("2023Q1")
            dialog.narrative.setPlainText("刚打的字")
            dialog.period.setText("2024Q3")  # has a report: the typed text is kept
            assert dialog.narrative.toPlainText() == "刚打的字"
            assert dialog.mode.text().startswith("2024Q3 already has a report (of 2024-09-28)")
            assert not dialog.open_button.isHidden()
        return next(answers)

    run_dialog(monkeypatch, window, fill)
    assert len(asked) == 1  # OK asked; No kept the dialog open; then Cancel
    assert report_row(store, ids["late"])["narrative"] == "完成主体工程"


# -- 3. first start ------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1366, 768), (1600, 1000)])
def test_a_first_start_shows_light_lead_and_deadline_with_the_timeline_closed(
    qtbot, qapp, small_plan, size, language
):
    store, _ids = small_plan
    install_language(qapp, language)
    window = open_window(qtbot, store, language)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    view = window.plan_view
    assert not view.timeline.isVisible() and not view.timeline.toggle_action.isChecked()
    viewport = view.table.viewport().rect()
    for col in (Col.CODE, Col.TITLE, Col.LIGHT, Col.LEAD, Col.DEADLINE):
        rect = view.table.visualRect(view.tasks.index(0, col))
        assert viewport.contains(rect), (col.name, rect, viewport)
    assert view.table.columnWidth(Col.TITLE) >= 160  # the task still reads


def test_ctrl_t_opens_the_timeline_and_the_next_window_remembers_it(qtbot, small_plan):
    store, _ids = small_plan
    window = open_window(qtbot, store)
    window.show()
    action = window.plan_view.timeline.toggle_action
    assert action.shortcut().toString() == "Ctrl+T"
    action.trigger()
    assert window.plan_view.timeline.isVisible()
    window.close()
    again = open_window(qtbot, store)
    again.show()
    assert (
        again.plan_view.timeline.isVisible() and again.plan_view.timeline.toggle_action.isChecked()
    )
    again.plan_view.timeline.toggle_action.trigger()
    assert QSettings().value("timeline/visible", type=bool) is False


def test_columns_sized_by_hand_are_kept_not_refitted(qtbot, small_plan):
    store, _ids = small_plan
    window = open_window(qtbot, store)
    window.resize(1366, 768)
    window.show()
    header = window.plan_view.table.horizontalHeader()
    header.resizeSection(Col.TITLE, 333)  # as a drag does
    window.resize(1600, 1000)
    qtbot.wait(10)
    assert header.sectionSize(Col.TITLE) == 333


# -- 5. messages where the eye is ----------------------------------------------------------
def red_pixels_on_border(window, index) -> int:
    table = window.plan_view.table
    image = table.viewport().grab().toImage()
    rect = table.visualRect(index)
    red = QColor("#c62828")
    points = [QPoint(x, rect.top() + 1) for x in range(rect.left() + 4, rect.right() - 4)]
    return sum(
        1
        for p in points
        if abs(image.pixelColor(p).red() - red.red()) < 40 and image.pixelColor(p).green() < 90
    )


def test_a_refused_cell_keeps_its_border_tooltip_and_message_until_a_paste_succeeds(
    qtbot, small_plan
):
    store, ids = small_plan
    window = open_window(qtbot, store)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    select_late_task(window, ids)
    view, model = window.plan_view, window.plan_view.tasks
    cell = model.index(0, Col.PERCENT)
    assert not model.setData(cell, "140")
    message = "percent complete must be a whole number from 0 to 100 (got 140)"
    assert cell.data(REFUSAL_ROLE) == message
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == message
    assert window.statusBar().currentMessage() == message
    assert red_pixels_on_border(window, cell) > 10
    qtbot.wait(50)  # no timeout takes it away
    window.statusBar().showMessage("")  # what hovering a menu entry does
    assert window.statusBar().currentMessage() == message
    # a later paste that succeeds clears both
    view.table.setCurrentIndex(model.index(0, Col.NOTES))
    QGuiApplication.clipboard().setText("已核实")
    view.clipboard.paste.trigger()
    assert store.db["tasks"].get(ids["late"])["notes"] == "已核实"
    assert cell.data(REFUSAL_ROLE) is None
    assert cell.data(Qt.ItemDataRole.ToolTipRole) != message
    assert window.statusBar().currentMessage() == ""
    assert red_pixels_on_border(window, cell) == 0


def test_a_refused_paste_marks_the_cell_it_stopped_at(qtbot, small_plan):
    store, ids = small_plan
    window = open_window(qtbot, store)
    select_late_task(window, ids)
    view, model = window.plan_view, window.plan_view.tasks
    view.table.setCurrentIndex(model.index(0, Col.PERCENT))
    QGuiApplication.clipboard().setText("70\n140")
    view.clipboard.paste.trigger()
    refused = model.index(1, Col.PERCENT)
    assert "Row 2" in refused.data(REFUSAL_ROLE)
    assert window.statusBar().currentMessage() == refused.data(REFUSAL_ROLE)
    assert model.index(0, Col.PERCENT).data(REFUSAL_ROLE) is None
    assert store.db["tasks"].get(ids["late"])["percent"] == 50  # nothing changed
    # a successful edit of another cell clears it
    assert model.setData(model.index(0, Col.PERCENT), "70")
    assert refused.data(REFUSAL_ROLE) is None and window.statusBar().currentMessage() == ""


# -- 8. smaller ----------------------------------------------------------------------------
def test_making_a_supporting_unit_the_lead_says_it_left_the_supporting_units(qtbot, small_plan):
    store, ids = small_plan
    window = open_window(qtbot, store)
    select_late_task(window, ids)
    model = window.plan_view.tasks
    assert model.index(0, Col.SUPPORT).data() == "市财政局"
    assert model.setData(model.index(0, Col.LEAD), "市财政局")
    assert model.index(0, Col.SUPPORT).data() == ""
    assert window.statusBar().currentMessage() == (
        "市财政局 is now the lead and no longer a supporting unit"
    )
    # a lead that was not supporting says nothing
    assert model.setData(model.index(0, Col.LEAD), "市科技局")
    assert window.statusBar().currentMessage() == ""


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def clashes(actions) -> list[tuple[str, list[str]]]:
    keys: dict[str, list[str]] = {}
    for action in actions:
        if not action.isSeparator() and (key := mnemonic(action.text())):
            keys.setdefault(key, []).append(action.text())
    return [(key, texts) for key, texts in keys.items() if len(texts) > 1]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_menus_and_no_two_entries_of_a_menu_share_a_mnemonic(
    qtbot, qapp, small_plan, language
):
    store, _ids = small_plan
    install_language(qapp, language)
    window = open_window(qtbot, store, language)
    bar = window.menuBar().actions()
    assert clashes(bar) == []
    menus = [a.menu() for a in bar]
    while menus:
        menu = menus.pop()
        assert clashes(menu.actions()) == [], menu.title()
        menus.extend(a.menu() for a in menu.actions() if a.menu() is not None)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_light_filter_is_as_wide_as_its_longest_entry(qtbot, qapp, small_plan, language):
    store, _ids = small_plan
    install_language(qapp, language)
    window = open_window(qtbot, store, language)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    combo = window.plan_view.filter_bar.light
    metrics = combo.fontMetrics()
    longest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() >= longest + 20  # the text, and the arrow beside it


def test_a_language_switch_keeps_the_window_maximised(qapp, small_plan):
    from qdplanner.ui.app import Controller

    store, _ids = small_plan
    store.close()
    controller = Controller(qapp, "en")
    try:
        controller.open_plan(store.path)
        controller.window.showMaximized()
        controller.set_language("zh_CN")
        assert controller.window.isMaximized()
        controller.window.showNormal()
        controller.set_language("en")
        assert not controller.window.isMaximized()
    finally:
        controller.window.close()
        controller.shutdown()
