"""The window's import preview of a workbook exported before others changed the plan: what the
plan changed since the export is listed under Kept (not applied, not an error); a cell changed
in both is an error."""

from __future__ import annotations

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.ui.excel_actions import ImportPreviewDialog
from qdplanner.ui.main_window import MainWindow
from tests.excel.conftest import SheetEditor, edit


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.ids = ids
    return w


def _exported_then_edited(window, tmp_path, percent=None):
    out = tmp_path / "plan.xlsx"
    window.plan_view.excel.export_to(out)
    with window.store.action(ChangeSource.TABLE, "another editor") as ch:
        ch.update("tasks", window.ids["late"], {"percent": 70})
    book, save = edit(out)
    tasks = SheetEditor(book["Tasks"])
    tasks.set(window.ids["child"], "Title", "改过的子任务")
    if percent is not None:
        tasks.set(window.ids["late"], "Percent complete", percent)
    save()
    return out


def _groups(dialog) -> dict[str, object]:
    tree = dialog.changes
    return {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }


def test_the_plans_changes_since_the_export_are_listed_as_kept(window, tmp_path):
    preview = window.plan_view.excel.preview(_exported_then_edited(window, tmp_path))
    dialog = ImportPreviewDialog(preview, window)
    assert dialog.apply_button.isEnabled()
    groups = _groups(dialog)
    kept = groups["Kept: changed in the plan since the export (1)"]
    item = kept.child(0)
    assert [item.text(c) for c in (2, 3)] == ["50", "70"]
    assert "changed in the plan since the export by" in item.child(0).text(1)
    assert "1 value(s) of the workbook kept" in dialog.summary.text()
    assert window.plan_view.excel.apply(preview)
    row = window.store.db.execute(
        "SELECT percent FROM tasks WHERE id = ?", [window.ids["late"]]
    ).fetchone()
    assert row[0] == 70


def test_a_cell_changed_in_both_is_an_error_in_the_preview(window, tmp_path):
    preview = window.plan_view.excel.preview(_exported_then_edited(window, tmp_path, 90))
    dialog = ImportPreviewDialog(preview, window)
    assert not dialog.apply_button.isEnabled()
    problem = dialog.errors.topLevelItem(0).text(3)
    assert "90" in problem and "70" in problem and "both" in problem
