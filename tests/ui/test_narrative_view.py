"""The Narrative tab: a period's four sections per program and project, drafted, edited, saved
as one undo step, and read-only for a closed period and at a past date."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.narrative import Section
from qdplanner.store.narratives import Origin, Source, find_scope, snapshot
from qdplanner.ui.main_window import MainWindow

SCOPE = "program:创新策源能力提升计划"


@pytest.fixture
def window(qtbot, sample_plan):
    w = MainWindow(sample_plan, language="en")
    qtbot.addWidget(w)
    return w


@pytest.fixture
def view(window):
    plan_view = window.plan_view
    holder, _make = plan_view._tab_makers["narrative"]
    assert holder.layout().count() == 0  # built when first shown
    plan_view.tabs.setCurrentWidget(holder)
    narrative = plan_view.narrative_view
    narrative.choose("2025Q3", SCOPE)
    return narrative


def test_the_tab_shows_the_draft_of_the_chosen_program(view):
    assert view.heading.text() == "创新策源能力提升计划 · 2025Q3"
    overall = view.editors[Section.OVERALL].toPlainText()
    assert overall.startswith("In 2025 Q3, 5 tasks: 3 on track, 1 at risk")
    assert "(task 1)" in view.editors[Section.RESULTS].toPlainText()
    assert view.notes[Section.RESULTS].text() == "drafted from the data"
    assert view.save_button.isEnabled()  # a draft not kept yet can be kept as it is
    assert not view.editors[Section.RESULTS].isReadOnly()
    scopes = [view.tree.topLevelItem(0).child(i).text(0)
              for i in range(view.tree.topLevelItem(0).childCount())]  # fmt: skip
    assert len(scopes) == 7 and scopes[0].endswith("创新策源能力提升计划")


def test_save_is_one_undo_step_marking_each_section_drafted_or_edited(window, view):
    store, ctx = view.ctx.store, view.ctx
    scope = find_scope(store, SCOPE)
    view.editors[Section.RESULTS].setPlainText("海洋科技创新平台建设全面提速。")
    assert view.save() is None
    kept = snapshot(store, "2025Q3", scope)
    assert kept[Section.RESULTS].text == "海洋科技创新平台建设全面提速。"
    assert kept[Section.RESULTS].origin == Origin.EDITED
    assert kept[Section.OVERALL].origin == Origin.DRAFTED
    assert ctx.undo_stack.undoText() == "Narrative of 创新策源能力提升计划 for 2025Q3"
    assert view.notes[Section.RESULTS].text().startswith("edited by ")
    assert not view.save_button.isEnabled()
    ctx.undo_stack.undo()
    assert snapshot(store, "2025Q3", scope) == dict.fromkeys(kept)
    assert view.narrative.sections[Section.RESULTS].source == Source.DATA
    ctx.undo_stack.redo()
    assert (
        snapshot(store, "2025Q3", scope)[Section.RESULTS].text == "海洋科技创新平台建设全面提速。"
    )
    assert view.editors[Section.RESULTS].toPlainText() == "海洋科技创新平台建设全面提速。"


def test_redraft_from_data_replaces_the_kept_text_once_saved(view):
    store = view.ctx.store
    scope = find_scope(store, SCOPE)
    view.editors[Section.PROBLEMS].setPlainText("暂无问题。")
    view.save()
    view.redraft()
    assert view.editors[Section.PROBLEMS].toPlainText().startswith("重大平台建设涉及")
    assert snapshot(store, "2025Q3", scope)[Section.PROBLEMS].text == "暂无问题。"  # not yet
    view.save()
    kept = snapshot(store, "2025Q3", scope)[Section.PROBLEMS]
    assert kept.text.startswith("重大平台建设涉及") and kept.origin == Origin.DRAFTED


def test_moving_to_another_program_keeps_what_was_typed(view):
    store = view.ctx.store
    view.editors[Section.NEXT_STEPS].setPlainText("加快推进。")
    view.choose("2025Q3", "program:企业创新能力提升计划")
    assert view.heading.text() == "企业创新能力提升计划 · 2025Q3"
    kept = snapshot(store, "2025Q3", find_scope(store, SCOPE))
    assert kept[Section.NEXT_STEPS].text == "加快推进。"
    view.choose("2025Q4", SCOPE)  # the next period starts from this one's
    assert view.editors[Section.NEXT_STEPS].toPlainText() == "加快推进。"
    assert view.notes[Section.NEXT_STEPS].text().startswith("carried over from 2025Q3")


def test_a_closed_period_and_a_past_date_are_shown_read_only(window, view):
    plan_view = window.plan_view
    assert plan_view.periods.run_close("2025Q3") is None
    assert view.editors[Section.RESULTS].isReadOnly()
    assert not view.save_button.isEnabled() and not view.redraft_button.isEnabled()
    assert "2025Q3 is closed" in view.state.text()
    view.editors[Section.RESULTS].setPlainText("改写")
    assert "2025Q3 is closed" in view.save()
    plan_view.ctx.undo_stack.undo()  # reopened
    assert not view.editors[Section.RESULTS].isReadOnly()
    plan_view.show_as_of(date(2025, 12, 31))
    assert view.editors[Section.RESULTS].isReadOnly()
    assert "as it stood on 2025-12-31" in view.state.text()
    plan_view.show_as_of(None)
    assert not view.editors[Section.RESULTS].isReadOnly() and view.state.text() == ""


def test_a_period_not_a_period_says_so(view):
    view.period_box.setCurrentText("2025Q9")
    view.reload()
    assert view.narrative is None and "2025Q4" in view.state.text()
    assert not view.save_button.isEnabled()


def test_the_tab_follows_the_program_or_project_chosen_in_the_outline(window, qtbot):
    from qdplanner.store.task_rows import Scope, ScopeKind

    plan_view = window.plan_view
    store = plan_view.store
    program = find_scope(store, SCOPE)
    plan_view.tree.setCurrentIndex(plan_view._find_scope(Scope(ScopeKind.PROGRAM, program.id)))
    plan_view.tabs.setCurrentWidget(plan_view._tab_makers["narrative"][0])
    view = plan_view.narrative_view
    assert view.scope().key == ("program", program.id)
    project_id = store.db.execute("SELECT min(id) FROM projects").fetchone()[0]
    plan_view.tree.setCurrentIndex(plan_view._find_scope(Scope(ScopeKind.PROJECT, project_id)))
    assert view.scope().key == ("project", project_id)
    assert view.heading.text().startswith(view.scope().name)
    # the whole plan chosen: the tab keeps what it shows
    plan_view.tree.setCurrentIndex(plan_view.outline.index(0, 0))
    assert view.scope().key == ("project", project_id)


def test_the_task_details_give_their_room_to_the_periods_and_narrative_tabs(window):
    plan_view = window.plan_view
    window.show()
    for name in ("narrative", "periods", "indicators"):
        plan_view.tabs.setCurrentWidget(plan_view._tab_makers[name][0])
        assert plan_view.detail_scroll.isHidden(), name
    plan_view.tabs.setCurrentIndex(0)  # the tasks
    assert not plan_view.detail_scroll.isHidden()
