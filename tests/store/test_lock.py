"""A plan open for writing is locked; a second writer is told who has it."""

from __future__ import annotations

import json
import socket

import pytest

from qdplanner.store import PlanStore
from qdplanner.store.lock import PlanLockedError, lock_path, read_lock


def test_opening_for_writing_creates_a_lock_naming_the_user_and_closing_removes_it(plan_path):
    with PlanStore.create(plan_path) as store:
        info = read_lock(plan_path)
        assert info.user == store.user and info.host == socket.gethostname()
    assert not lock_path(plan_path).exists()


def test_a_second_writer_is_refused_with_the_owner_named(plan_path):
    with PlanStore.create(plan_path):
        with pytest.raises(PlanLockedError, match="already open by") as refused:
            PlanStore.open(plan_path)
        assert refused.value.info.host == socket.gethostname()
        with PlanStore.open(plan_path, readonly=True) as reader:  # reading is always allowed
            assert reader.readonly


def test_a_lock_left_by_a_dead_process_on_this_computer_is_stale(plan_path):
    PlanStore.create(plan_path).close()
    lock_path(plan_path).write_text(
        json.dumps(
            {
                "user": "ghost",
                "host": socket.gethostname(),
                "pid": 2**22 + 12345,
                "since": "2026-01-01T00:00:00+00:00",
            }
        )
    )
    with PlanStore.open(plan_path) as store:  # replaced silently
        assert read_lock(plan_path).pid == store.lock.info.pid


def test_a_lock_from_another_computer_can_be_broken_on_request(plan_path):
    PlanStore.create(plan_path).close()
    lock_path(plan_path).write_text(
        json.dumps(
            {
                "user": "王科员",
                "host": "office-pc-7",
                "pid": 1,
                "since": "2026-11-20T01:00:00+00:00",
            }
        )
    )
    with pytest.raises(PlanLockedError, match="王科员 @ office-pc-7"):
        PlanStore.open(plan_path)
    with PlanStore.open(plan_path, break_lock=True) as store:
        assert read_lock(plan_path).user == store.user


def test_a_broken_lock_is_not_removed_by_its_old_holder(plan_path):
    first = PlanStore.create(plan_path)
    second = PlanStore.open(plan_path, break_lock=True)
    first.close()  # must not delete the second holder's lock
    assert read_lock(plan_path).pid == second.lock.info.pid
    second.close()
    assert not lock_path(plan_path).exists()


def test_no_lock_is_written_beside_a_foreign_file(tmp_path):
    other = tmp_path / "notes.qdplan"
    other.write_text("hello")
    with pytest.raises(Exception, match="not an SQLite database"):
        PlanStore.open(other)
    assert not lock_path(other).exists()
