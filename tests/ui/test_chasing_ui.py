"""Chasing and evidence in the window: partial returns in the Collection tab, Reminder
Notices… (saved as Word or printed), contact and phone in the Units tab, and the detail
panel's evidence files (listed by period, opened from a temporary copy, saved out)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QPdfWriter

from qdplanner.domain.enums import ChangeSource
from qdplanner.store.collections import lead_units
from qdplanner.store.progress import ReportInput, add_evidence, record_progress
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.collection_table import StatusCol
from qdplanner.ui.models.units_table import UnitCol
from tests.excel.collection_helpers import fill, task_ids

PERIOD = "2021Q4"
MIIT = "青岛市工业和信息化局"


@pytest.fixture
def window(qtbot, sample_plan):
    w = MainWindow(sample_plan, language="en")
    qtbot.addWidget(w)
    return w


@pytest.fixture
def partial(window, tmp_path):
    """MIIT and STI issued the 2021Q4 round (due 2022-01-10, long past); MIIT returned one
    of its four rows."""
    units = [u.id for u in lead_units(window.store) if u.name in (MIIT, "青岛市科学技术局")]
    actions = window.plan_view.collection
    result = actions.collect(tmp_path / "out", PERIOD, units, date(2022, 1, 10), "zh_CN")
    book = next(w.path for w in result.workbooks if w.unit_name == MIIT)
    ids = task_ids(book)
    fill(book, {ids[0]: {"本期状态": "进行中", "完成进度(%)": 90}})
    preview = actions.read_returns([book])
    assert actions.apply_returns(preview, {})
    return ids


def row_of(model, unit_short: str) -> int:
    return next(
        r for r in range(model.rowCount()) if model.index(r, StatusCol.UNIT).data() == unit_short
    )


def test_the_collection_tab_shows_a_partial_return_and_its_empty_rows(window, partial):
    view = window.plan_view.collection_view
    view.load_periods(PERIOD)
    model = view.model
    miit = row_of(model, "市工业和信息化局")
    assert model.index(miit, StatusCol.STATE).data() == "◐ Partly returned"
    assert model.index(miit, StatusCol.LEFT_EMPTY).data() == "rows 5, 6, 7"
    assert model.index(miit, StatusCol.DUE).data() == "2022-01-10"
    tip = model.index(miit, StatusCol.STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "row 5" in tip and "row 7" in tip
    sti = row_of(model, "市科技局")
    assert model.index(sti, StatusCol.STATE).data() == "■ Late, not returned"
    assert "(1 with rows left empty); 2 late" in view.counts.text()
    assert view.remind.isEnabled()


def test_reminder_notices_are_saved_as_word_and_printed(window, partial, tmp_path):
    dialog = window.plan_view.collection.reminder_dialog(PERIOD)
    assert dialog is not None and dialog.units.topLevelItemCount() == 2
    names = [dialog.units.topLevelItem(i).text(0) for i in range(2)]
    assert MIIT in names
    paths = dialog.save(tmp_path / "notices")
    assert len(paths) == 2 and all(p.exists() for p in paths)
    assert "Wrote 2 reminder notice(s)" in window.statusBar().currentMessage()
    miit = next(p for p in paths if MIIT in p.name)
    (table,) = Document(miit).tables
    tasks = [r for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert len(tasks) == 3  # the three rows MIIT left empty, under their programs' names
    # only MIIT checked: one notice, one page
    for i in range(2):
        item = dialog.units.topLevelItem(i)
        item.setCheckState(0, Qt.CheckState.Checked if item.text(0) == MIIT else
                           Qt.CheckState.Unchecked)  # fmt: skip
    assert [n.unit for n in dialog.chosen()] == [MIIT]
    pdf = tmp_path / "notices.pdf"
    writer = QPdfWriter(str(pdf))
    assert dialog.print_to(writer) == 1
    del writer
    assert pdf.stat().st_size > 1000
    for i in range(2):
        dialog.units.topLevelItem(i).setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()


def test_no_late_unit_means_no_dialog(window, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "qdplanner.ui.collection_actions.QMessageBox.information",
        lambda *args: shown.append(args[2]),
    )
    assert window.plan_view.collection.reminder_dialog(None) is None
    assert shown == ["No workbooks have been issued yet."]


def test_contact_person_and_phone_are_edited_in_the_units_tab(window):
    view = window.plan_view.units_view
    model = view.model
    row = model.row_of_unit(next(u.id for u in lead_units(window.store) if u.name == MIIT))
    assert model.setData(model.index(row, UnitCol.PHONE), "0532-85911234")
    assert model.setData(model.index(row, UnitCol.CONTACT), "赵六")
    unit = window.store.db.execute(
        "SELECT contact, phone FROM units WHERE name = ?", [MIIT]
    ).fetchone()
    assert unit == ("赵六", "0532-85911234")
    assert model.headers()[UnitCol.PHONE] == "Phone"
    window.plan_view.ctx.undo_stack.undo()
    assert (
        window.store.db.execute("SELECT contact FROM units WHERE name = ?", [MIIT]).fetchone()[0]
        == ""
    )


@pytest.fixture
def evidence(window):
    store = window.store
    task = store.db.execute("SELECT id FROM tasks ORDER BY id LIMIT 1").fetchone()[0]
    with store.action(ChangeSource.FORM, "evidence") as changes:
        q3 = record_progress(store, changes, task, ReportInput("2021Q2", "in_progress", 30))
        q4 = record_progress(store, changes, task, ReportInput("2021Q3", "in_progress", 40))
        add_evidence(store, changes, q3, "现场照片.jpg", b"\xff\xd8q3")
        add_evidence(store, changes, q4, "验收报告.pdf", b"%PDF-1.4 q4" * 200)
    window.plan_view.detail.show_task(task)
    return task


def test_the_detail_panel_lists_evidence_by_period(window, evidence):
    tree = window.plan_view.detail.evidence
    rows = [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1),
             tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())]  # fmt: skip
    assert rows == [("2021Q2", "现场照片.jpg", "4 B"), ("2021Q3", "验收报告.pdf", "2.1 KB")]


def test_evidence_opens_from_a_temporary_copy(window, evidence, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    detail = window.plan_view.detail
    detail.evidence.setCurrentItem(detail.evidence.topLevelItem(1))
    detail.evidence_open.click()
    (url,) = opened
    path = Path(url.toLocalFile())
    assert path.name == "验收报告.pdf" and path.read_bytes() == b"%PDF-1.4 q4" * 200


def test_evidence_is_saved_out(window, evidence, tmp_path):
    detail = window.plan_view.detail
    target = tmp_path / "saved.jpg"
    assert detail.save_evidence(detail.current_evidence(), target)
    assert target.read_bytes() == b"\xff\xd8q3"
    assert "Saved" in window.statusBar().currentMessage()
    assert not detail.save_evidence(detail.current_evidence(), tmp_path / "no" / "x.jpg")
