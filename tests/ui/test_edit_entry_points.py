"""Every way the window edits a task — a table cell, the detail panel, paste, a timeline drag —
goes through the store's one edit path (``store.task_edits``) and is one undo step; a lead
change reads in History as one line, "牵头单位: A → B", in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from qdplanner.domain.deadlines import deadline_agrees
from qdplanner.domain.timeline import PIXELS_PER_DAY, Zoom
from qdplanner.store import task_edits
from qdplanner.store.history import read_history
from qdplanner.store.task_input import TaskColumn
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.i18n import install_language
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.models.history_table import HistoryTableModel
from qdplanner.ui.models.task_table import Col
from tests.ui.test_timeline_view import bar_point, drag


@pytest.fixture(autouse=True)
def english(qapp):
    install_language(qapp, "en")
    yield
    install_language(qapp, "en")


@pytest.fixture
def store_path(monkeypatch):
    """Every task the store's edit path writes, with what it sets: (task, fields, units)."""
    written: list[tuple] = []
    real = task_edits.set_task_values

    def spy(store, changes, task_id, fields, units=None):
        written.append((task_id, dict(fields), units))
        return real(store, changes, task_id, fields, units)

    monkeypatch.setattr(task_edits, "set_task_values", spy)
    return written


@pytest.fixture
def window(qtbot, small_plan):
    store, ids = small_plan
    w = MainWindow(store, language="en")
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    w.plan_view.tree.setCurrentIndex(
        w.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
    )
    w.plan_view.table.setCurrentIndex(w.plan_view.tasks.index(0, Col.PERCENT))
    return w


def lead_of(store, task_id: int) -> int | None:
    return task_edits.task_units(store, task_id)[0]


def check_one_undo_step(window, depth: int, restored) -> None:
    stack = window.plan_view.ctx.undo_stack
    assert stack.count() == depth + 1
    window.plan_view.undo_action.trigger()
    assert restored()
    assert stack.count() == depth + 1 and stack.index() == depth


def test_a_table_cell_goes_through_the_store_path_as_one_undo_step(window, small_plan, store_path):
    store, ids = small_plan
    depth = window.plan_view.ctx.undo_stack.count()
    assert window.plan_view.tasks.setData(window.plan_view.tasks.index(0, Col.LEAD), "市财政局")
    assert store_path == [(ids["late"], {}, (ids["support"], []))]
    assert lead_of(store, ids["late"]) == ids["support"]
    check_one_undo_step(window, depth, lambda: lead_of(store, ids["late"]) == ids["lead"])


def test_the_detail_panel_goes_through_the_store_path_as_one_undo_step(
    window, small_plan, store_path
):
    store, ids = small_plan
    depth = window.plan_view.ctx.undo_stack.count()
    window.plan_view.detail.commit(TaskColumn.PERCENT, "65")
    assert store_path == [(ids["late"], {"percent": 65}, None)]
    check_one_undo_step(window, depth, lambda: store.db["tasks"].get(ids["late"])["percent"] == 50)


def test_paste_goes_through_the_store_path_as_one_undo_step(window, small_plan, store_path):
    store, ids = small_plan
    depth = window.plan_view.ctx.undo_stack.count()
    assert window.plan_view.clipboard.paste_text("60\t进行中\t市财政局\n") is None
    assert store_path == [
        (ids["late"], {"percent": 60, "status": "in_progress"}, (ids["support"], []))
    ]
    check_one_undo_step(
        window,
        depth,
        lambda: (
            (store.db["tasks"].get(ids["late"])["percent"], lead_of(store, ids["late"]))
            == (50, ids["lead"])
        ),
    )


def test_a_timeline_drag_goes_through_the_store_path_as_one_undo_step(
    window, small_plan, store_path
):
    store, ids = small_plan
    pane = window.plan_view.timeline
    pane.set_zoom(Zoom.QUARTER)
    depth = window.plan_view.ctx.undo_stack.count()
    drag(pane, bar_point(pane, ids["late"]), int(61 * PIXELS_PER_DAY[Zoom.QUARTER]))
    assert [(t, sorted(f)) for t, f, _u in store_path] == [
        (ids["late"], ["deadline_text", "due_date", "start_date"])  # the phrase follows
    ]
    task = store.db["tasks"].get(ids["late"])
    assert deadline_agrees(task["deadline_text"], date.fromisoformat(task["due_date"]))
    check_one_undo_step(
        window, depth, lambda: store.db["tasks"].get(ids["late"])["start_date"] == "2022-01-01"
    )


@pytest.mark.parametrize(
    ("lang", "lead", "support"),
    [("en", "Lead unit", "Supporting units"), ("zh_CN", "牵头单位", "配合单位")],
)
def test_history_shows_a_lead_change_as_one_line_with_unit_names(
    qapp, window, small_plan, lang, lead, support
):
    store, _ids = small_plan
    window.plan_view.tasks.setData(window.plan_view.tasks.index(0, Col.LEAD), "市财政局")
    assert [r.field for r in read_history(store, limit=2)] == ["support_units", "lead_unit"]
    install_language(qapp, lang)
    model = HistoryTableModel()
    model.load(store, limit=2)
    shown = [[model.index(r, c).data() for c in (5, 6, 7, 8)] for r in (1, 0)]
    assert shown == [
        ["逾期任务", lead, "青岛市科学技术局", "市财政局"],
        # the supporting unit that became the lead left the supporters: said, not dropped
        ["逾期任务", support, "市财政局", ""],
    ]
