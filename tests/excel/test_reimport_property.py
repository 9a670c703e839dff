"""Importing a workbook a second time changes nothing, whatever was edited in it (issue 14:
one fact, one cell). Random edits of a real export, each imported twice."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qdplanner.excel.workbook_import import apply_import, preview_import
from qdplanner.store import PlanStore
from qdplanner.store.plan_copy import copy_plan
from tests.excel.conftest import SheetEditor, edit, exported
from tests.plan_state import plan_address

UNITS = ["青岛市科学技术局", "市财政局"]
PHRASES = ["2025年6月底前", "2024年底前", "长期坚持", "2023—2025年", "明年春节前"]

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["late", "child", "ongoing"]),
        st.sampled_from(["title", "percent", "lead", "support", "phrase", "clear_due", "notes"]),
        st.integers(0, 4),
    ),
    min_size=1,
    max_size=6,
)


def apply_edit(tasks: SheetEditor, task_id: int, what: str, n: int) -> None:
    if what == "title":
        tasks.set(task_id, "任务名称", f"改过的任务{n}")
    elif what == "percent":
        tasks.set(task_id, "完成进度(%)", n * 20)
        tasks.set(task_id, "状态", "进行中")
    elif what == "lead":
        tasks.set(task_id, "牵头单位", UNITS[n % 2])
        tasks.set(task_id, "配合单位", UNITS[(n + 1) % 2])
    elif what == "support":
        tasks.set(task_id, "配合单位", None)
    elif what == "phrase":
        tasks.set(task_id, "完成时限", PHRASES[n])
    elif what == "clear_due":
        tasks.set(task_id, "截止日期", None)
    else:
        tasks.set(task_id, "备注", f"备注{n}")


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=EDITS)
def test_a_second_import_of_the_same_workbook_changes_nothing(small_plan, tmp_path, request, edits):
    store, ids = small_plan
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    if store.engine == "postgresql":  # a copy on the server, replaced for each example
        plan = request.getfixturevalue("pg_url")
        copy_plan(plan_address(store), plan, overwrite=True)
    else:
        plan = folder / "plan.qdplan"
        store.save_copy(plan)
    with PlanStore.open(plan) as copy:
        path = exported(copy, folder)
        book, save = edit(path)
        tasks = SheetEditor(book["任务"])
        for task, what, n in edits:
            apply_edit(tasks, ids[task], what, n)
        save()
        first = preview_import(copy, path)
        if first.errors:
            return  # a refused workbook changes nothing, as the other tests show
        apply_import(copy, first, allow_removals=True)
        again = preview_import(copy, path)
        assert again.errors == [] and again.is_empty, (edits, again.changed, again.added)
    shutil.rmtree(folder)
