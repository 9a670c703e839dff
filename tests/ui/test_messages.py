"""Errors from the store reach the user in the window's language."""

from __future__ import annotations

from qdplanner.errors import N_, ValidationError
from qdplanner.store.task_rows import Scope, ScopeKind
from qdplanner.ui.i18n import install_language
from qdplanner.ui.main_window import MainWindow
from qdplanner.ui.messages import user_message
from qdplanner.ui.models.task_table import Col


def test_nested_messages_are_translated_with_their_fields(qapp):
    install_language(qapp, "zh_CN")
    try:
        problem = ValidationError(
            N_("Messages", "the due date {due} is before the start date {start}"),
            due="2021-01-01",
            start="2022-01-01",
        )
        error = ValidationError(
            N_("Messages", "Task “{title}”: {problem}"), title="逾期任务", problem=problem
        )
        assert user_message(error) == "任务“逾期任务”：截止日期 2021-01-01 早于开始日期 2022-01-01"
        assert str(error) == (
            "Task “逾期任务”: the due date 2021-01-01 is before the start date 2022-01-01"
        )  # the CLI's English
    finally:
        install_language(qapp, "en")


def test_a_refused_cell_edit_is_explained_in_chinese(qtbot, qapp, small_plan):
    store, ids = small_plan
    install_language(qapp, "zh_CN")
    try:
        window = MainWindow(store, language="zh_CN")
        qtbot.addWidget(window)
        window.plan_view.tree.setCurrentIndex(
            window.plan_view._find_scope(Scope(ScopeKind.PROJECT, ids["project"]))
        )
        assert not window.plan_view.tasks.setData(
            window.plan_view.tasks.index(0, Col.PERCENT), "140"
        )
        assert window.plan_view.last_refusal == "完成进度须为 0 到 100 的整数（填写的是 140）"
    finally:
        install_language(qapp, "en")


def test_a_plain_message_with_braces_is_shown_as_is():
    assert user_message(ValidationError("cell {not a field}")) == "cell {not a field}"
