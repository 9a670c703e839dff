"""The report dialog's cover fields (issue 16, item 8): 编制单位 and date prefilled from the plan's
settings, used for this printing, and remembered for the plan as one undo step when asked."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from qdplanner.domain.enums import ChangeSource
from qdplanner.store.plan_settings import read_settings, write_settings
from qdplanner.ui.commands import EditContext
from qdplanner.ui.report_dialog import ReportDialog


def dialog_for(qtbot, ctx_or_store) -> ReportDialog:
    dialog = ReportDialog(ctx_or_store)
    qtbot.addWidget(dialog)
    return dialog


def test_the_fields_start_from_the_plans_settings(qtbot, sample_plan):
    with sample_plan.action(ChangeSource.COMMAND, "cover") as changes:
        write_settings(sample_plan, changes, {"report.office": "青岛市科学技术局",
                                              "report.cover_date": "2026-01"})  # fmt: skip
    dialog = dialog_for(qtbot, EditContext(sample_plan))
    assert dialog.office.text() == "青岛市科学技术局"
    assert dialog.cover_date.text() == "2026-01"
    assert dialog.office.placeholderText() == "青岛市人民政府"  # empty: the plan's issuer
    assert not dialog.remember_cover.isChecked()
    options = dialog.options()
    assert (options.office, options.cover_date) == ("青岛市科学技术局", "2026-01")


def test_this_printing_only_unless_remember_is_ticked(qtbot, sample_plan, tmp_path):
    ctx = EditContext(sample_plan)
    dialog = dialog_for(qtbot, ctx)
    dialog.section_boxes["timeline"].setChecked(False)
    dialog.office.setText("青岛市科技局规划处")
    dialog.cover_date.setText("2026年1月20日")
    options = dialog.options()
    assert (options.office, options.cover_date) == ("青岛市科技局规划处", "2026-01-20")
    dialog.save_settings()  # what every output does first
    assert read_settings(sample_plan)["report.office"] == "青岛市人民政府"  # unchanged
    assert ctx.undo_stack.count() == 0

    dialog.remember_cover.setChecked(True)
    dialog.save_settings()
    settings = read_settings(sample_plan)
    assert settings["report.office"] == "青岛市科技局规划处"
    assert settings["report.cover_date"] == "2026-01-20"
    assert ctx.undo_stack.count() == 1  # one step for both
    dialog.save_settings()  # the same again: nothing new to undo
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    settings = read_settings(sample_plan)
    assert (settings["report.office"], settings["report.cover_date"]) == ("青岛市人民政府", "")
    again = dialog_for(qtbot, ctx)
    assert again.office.text() == "青岛市人民政府" and again.cover_date.text() == ""


def test_empty_fields_mean_the_plans_issuer_and_the_month_printed(qtbot, sample_plan):
    dialog = dialog_for(qtbot, sample_plan)
    dialog.office.clear()
    dialog.cover_date.clear()
    options = dialog.options()
    assert options.office == "青岛市人民政府" and options.cover_date == ""
    assert date.today().strftime("%Y-%m") in dialog.cover_date.placeholderText()


def test_a_bad_date_is_told_in_words_and_nothing_is_written(qtbot, sample_plan, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    ctx = EditContext(sample_plan)
    dialog = dialog_for(qtbot, ctx)
    dialog.cover_date.setText("明年一月")
    dialog.remember_cover.setChecked(True)
    assert dialog.build() is None
    assert told and "明年一月" in told[0] and "2026-01" in told[0]
    assert read_settings(sample_plan)["report.cover_date"] == "" and ctx.undo_stack.count() == 0


def test_remember_needs_a_plan_it_may_change(qtbot, sample_plan):
    assert not dialog_for(qtbot, sample_plan).remember_cover.isEnabled()  # a store alone
    assert dialog_for(qtbot, EditContext(sample_plan)).remember_cover.isEnabled()
