"""Editors at once (issue 19): an edit of a record someone else changed since it was read is
refused with who and when; undo's check; imports against the preview's batch; NOTIFY.

Each test runs on a plan file and on a server plan. "Someone else" is another client: on a
server another ``PlanStore`` on the same database; on a file (one writer at a time: its
lock) a worker store given another client id stands for a second process that wrote.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from qdplanner.domain.enums import ChangeSource
from qdplanner.store import PlanStore
from qdplanner.store.conflicts import ConflictError
from qdplanner.store.notifications import ChangeListener
from qdplanner.store.task_edits import apply_task_edits, capture_task_edit
from qdplanner.store.task_roles import set_task_units, task_units


def other_client(store: PlanStore) -> PlanStore:
    """A second editor of ``store``'s plan."""
    if store.engine == "postgresql":
        return PlanStore.open(store.path)
    other = store.worker_store()
    other.client = uuid.uuid4().hex  # another process, as the log tells clients apart
    return other


def edit(store: PlanStore, task_id: int, seen: int | None = None, **fields) -> int | None:
    change = capture_task_edit(store, task_id, fields)
    return apply_task_edits(store, [change], description="edit", seen=seen)


def batches(store: PlanStore) -> int:
    return store.db.execute("SELECT count(*) FROM change_batches").fetchone()[0]


def test_an_edit_of_a_task_another_editor_changed_since_is_refused_with_who_and_when(
    small_plan,
):
    store, ids = small_plan
    other = other_client(store)
    try:
        seen = store.latest_batch()
        edit(other, ids["late"], percent=70)
        count = batches(store)
        with pytest.raises(ConflictError) as refused:
            edit(store, ids["late"], seen=seen, percent=60)
        text = refused.value.text()
        assert "task" in text and "逾期任务" in text and other.user in text, text
        assert "tasks" not in text  # the record in words, not a table
        assert refused.value.fresh["percent"] == 70  # the fresh values come with it
        assert refused.value.task_ids == [ids["late"]]
        assert batches(store) == count  # the whole action rolled back
        assert store.db["tasks"].get(ids["late"])["percent"] == 70
        # another task, or the same after reading it again: saved
        edit(store, ids["ongoing"], seen=seen, percent=30)
        reread = {refused.value.record_key: refused.value.change.batch_id}
        change = capture_task_edit(store, ids["late"], {"percent": 60})
        apply_task_edits(store, [change], description="again", seen=seen, reread=reread)
        assert store.db["tasks"].get(ids["late"])["percent"] == 60
        # one's own changes after seen are not someone else's
        seen = store.latest_batch()
        edit(store, ids["late"], seen=seen, percent=64)
        edit(store, ids["late"], seen=seen, percent=65)
        # and without seen (a command line reading what it changes) there is no check
        edit(store, ids["late"], percent=66)
    finally:
        other.close()


def test_a_lead_unit_changed_by_another_conflicts_with_an_edit_of_that_task(small_plan):
    store, ids = small_plan
    other = other_client(store)
    try:
        seen = store.latest_batch()
        with other.action(ChangeSource.TABLE, "lead") as changes:
            set_task_units(other, changes, ids["late"], ids["support"], [])
        with pytest.raises(ConflictError):
            edit(store, ids["late"], seen=seen, percent=55)
        with pytest.raises(ConflictError), store.action(ChangeSource.TABLE, "x", seen=seen) as ch:
            set_task_units(store, ch, ids["late"], ids["lead"], [ids["support"]])
        assert task_units(store, ids["late"]) == (ids["support"], [])
    finally:
        other.close()


def test_a_record_removed_by_another_is_said_removed(small_plan):
    store, _ids = small_plan
    other = other_client(store)
    try:
        with store.action(ChangeSource.TABLE, "add") as changes:
            unit = changes.insert("units", {"name": "市统计局"})
        seen = store.latest_batch()
        with other.action(ChangeSource.TABLE, "remove") as changes:
            changes.delete("units", unit)
        rename = store.action(ChangeSource.TABLE, "rename", seen=seen)
        with pytest.raises(ConflictError) as refused, rename as changes:
            changes.update("units", unit, {"name": "改名"})
        assert "removed" in refused.value.text() and refused.value.fresh is None
    finally:
        other.close()


def test_changed_since_names_later_changes_of_others_to_the_records_of_a_batch(small_plan):
    store, ids = small_plan
    other = other_client(store)
    try:
        mine = edit(store, ids["late"], percent=60)
        assert mine is not None and store.changed_since(mine) == []
        edit(store, ids["ongoing"], percent=30)  # mine again: not someone else's
        edit(other, ids["child"], notes="另一条")  # another record
        assert store.changed_since(mine) == []
        later = edit(other, ids["late"], title="改过的标题")
        [change] = store.changed_since(mine)
        assert (change.entity, change.key, change.batch_id) == ("tasks", ids["late"], later)
        assert change.user == other.user and change.when
        assert store.changed_since(mine, [("tasks", ids["ongoing"])]) == []
        # an undo written with its batch as seen is refused in the same transaction
        with pytest.raises(ConflictError):
            edit(store, ids["late"], seen=mine, percent=50)
    finally:
        other.close()


def test_a_worker_store_is_the_same_client(small_plan):
    store, ids = small_plan
    seen = store.latest_batch()
    worker = store.worker_store()
    try:
        edit(worker, ids["late"], percent=61)
    finally:
        worker.close()
    edit(store, ids["late"], seen=seen, percent=62)  # no conflict with oneself
    assert store.changed_by_me_since(seen)


def test_latest_batch_is_the_newest_batch(small_plan):
    store, ids = small_plan
    before = store.latest_batch()
    batch = edit(store, ids["late"], percent=61)
    assert batch == store.latest_batch() > before


def test_an_import_refuses_only_where_someone_changed_what_it_writes_after_the_preview(
    small_plan, tmp_path
):
    from qdplanner.excel.workbook_import import ImportRefused, apply_import, preview_import
    from tests.excel.conftest import SheetEditor, exported
    from tests.excel.conftest import edit as edit_book

    store, ids = small_plan
    path = exported(store, tmp_path)
    book, save = edit_book(path)
    SheetEditor(book["任务"]).set(ids["late"], "完成进度(%)", 80)
    save()
    other = other_client(store)
    try:
        preview = preview_import(store, path)
        edit(other, ids["ongoing"], percent=35)  # not a record the import writes
        apply_import(store, preview)
        assert store.db["tasks"].get(ids["late"])["percent"] == 80
        assert store.db["tasks"].get(ids["ongoing"])["percent"] == 35  # theirs kept
        # exported again: the first workbook's cell, edited again, would now be a change made
        # both in the workbook and (by its own first import) in the plan since its export
        path = exported(store, tmp_path, "again.xlsx")
        book, save = edit_book(path)
        SheetEditor(book["任务"]).set(ids["late"], "完成进度(%)", 85)
        save()
        preview = preview_import(store, path)
        edit(other, ids["late"], notes="另一位编辑")  # one it writes
        with pytest.raises(ConflictError) as refused:
            apply_import(store, preview)
        text = refused.value.text()
        assert "preview the import again" in text and "逾期任务" in text, text
        assert store.db["tasks"].get(ids["late"])["percent"] == 80  # nothing applied
        # a change of one's own after the preview refuses it as before
        preview = preview_import(store, path)
        edit(store, ids["child"], notes="我的")
        with pytest.raises(ImportRefused):
            apply_import(store, preview)
    finally:
        other.close()


def test_a_listener_hears_other_clients_batches_and_a_file_has_nothing(small_plan):
    store, ids = small_plan
    listener = ChangeListener(store)
    other = other_client(store)
    try:
        if store.engine == "sqlite":
            assert listener.fileno() == -1
            edit(other, ids["late"], percent=61)
            assert listener.poll() == []
            return
        assert listener.fileno() >= 0
        mine = edit(store, ids["late"], percent=61)
        theirs = edit(other, ids["ongoing"], percent=31)
        with pytest.raises(ConflictError):  # a refused action is never announced
            edit(other, ids["late"], seen=mine - 1, percent=1)
        deadline = time.monotonic() + 5
        heard: list[int] = []
        while not heard and time.monotonic() < deadline:
            heard = listener.poll()
            time.sleep(0.02)
        assert heard == [theirs] and mine not in heard
        assert listener.poll() == []
    finally:
        listener.close()
        other.close()


_KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from qdplanner.excel.workbook_import import apply_import, preview_import
    from qdplanner.store import PlanStore

    store = PlanStore.open(sys.argv[1])
    preview = preview_import(store, sys.argv[2])
    def progress(done, total):
        print("applying", done, total, flush=True)
        time.sleep(60)  # killed here, in the middle of the import's transaction
    apply_import(store, preview, progress=progress)
    """
)


def test_a_client_killed_mid_import_leaves_nothing(small_plan, tmp_path):
    from tests.excel.conftest import SheetEditor, exported
    from tests.excel.conftest import edit as edit_book

    store, ids = small_plan
    if store.engine != "postgresql":
        pytest.skip("a file's interrupted import is rolled back by its journal (test_plan_file)")
    path = exported(store, tmp_path)
    book, save = edit_book(path)
    tasks = SheetEditor(book["任务"])
    for task, percent in ((ids["late"], 81), (ids["ongoing"], 83)):
        tasks.set(task, "完成进度(%)", percent)
    save()
    before = [store.latest_batch(), batches(store)]
    percents = {r[0]: r[1] for r in store.db.execute("SELECT id, percent FROM tasks")}
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_IMPORT, store.path.conninfo, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    try:
        line = child.stdout.readline()
        assert line.startswith("applying"), line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    deadline = time.monotonic() + 10  # the server notices the dead connection and rolls back
    while time.monotonic() < deadline:
        held = store.db.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND state LIKE 'idle in transaction%'"
        ).fetchone()[0]
        if not held:
            break
        time.sleep(0.05)
    assert [store.latest_batch(), batches(store)] == before
    assert {r[0]: r[1] for r in store.db.execute("SELECT id, percent FROM tasks")} == percents
    edit(store, ids["late"], seen=before[0], percent=84)  # and the plan is not held locked
