"""Grouping task rows by program / project: plan order, counts, light tallies, folding."""

from __future__ import annotations

from qdplanner.domain.enums import StatusLight, TaskStatus
from qdplanner.store.task_groups import (
    TaskGroup,
    group_rows,
    light_tally,
    spans_streams,
    stream_order,
)
from qdplanner.store.task_rows import TaskRow

L = StatusLight


def row(task_id: int, stream: str, light: StatusLight) -> TaskRow:
    program, project = (1, None) if stream == "计划一" else (None, int(stream[-1]))
    return TaskRow(
        task_id, None, program, project, stream, str(task_id), f"任务{task_id}", None, None, "",
        TaskStatus.IN_PROGRESS, 0, "", "", "", False, light=light,
    )  # fmt: skip


ROWS = [
    row(1, "计划一", L.GREEN),
    row(2, "计划一", L.RED),
    row(3, "工程2", L.DONE),
    row(4, "计划一", L.GREEN),  # plan order may come back to a stream after a sort
    row(5, "工程3", L.YELLOW),
]


def shape(lines) -> list:
    return [
        (line.label, line.count, line.lights) if isinstance(line, TaskGroup) else line.id
        for line in lines
    ]


def test_rows_come_under_their_stream_in_plan_order_with_counts_and_tallies():
    order = stream_order(ROWS)
    assert shape(group_rows(ROWS, order)) == [
        ("计划一", 3, ((L.GREEN, 2), (L.RED, 1))),
        1, 2, 4,
        ("工程2", 1, ((L.DONE, 1),)),
        3,
        ("工程3", 1, ((L.YELLOW, 1),)),
        5,
    ]  # fmt: skip


def test_a_sorted_list_is_sorted_within_groups_that_keep_plan_order():
    order = stream_order(ROWS)
    backwards = list(reversed(ROWS))
    assert shape(group_rows(backwards, order))[:4] == [
        ("计划一", 3, ((L.GREEN, 2), (L.RED, 1))),
        4, 2, 1,
    ]  # fmt: skip


def test_a_folded_group_keeps_its_header_count_and_tally_only():
    order = stream_order(ROWS)
    lines = group_rows(ROWS, order, collapsed={(1, None)})
    assert shape(lines)[:2] == [
        ("计划一", 3, ((L.GREEN, 2), (L.RED, 1))),
        ("工程2", 1, ((L.DONE, 1),)),
    ]
    assert lines[0].collapsed and not lines[1].collapsed


def test_groups_without_rows_are_left_out():
    order = stream_order(ROWS)
    filtered = [r for r in ROWS if r.light == L.DONE]
    assert shape(group_rows(filtered, order)) == [("工程2", 1, ((L.DONE, 1),)), 3]
    assert group_rows([], order) == []


def test_tally_follows_the_status_bars_order_and_moves_with_a_changed_light():
    assert light_tally([L.GREY, L.RED, L.DONE, L.RED]) == ((L.DONE, 1), (L.RED, 2), (L.GREY, 1))
    group = group_rows(ROWS, stream_order(ROWS))[0]
    moved = group.with_light_moved(L.RED, L.DONE)
    assert moved.lights == ((L.DONE, 1), (L.GREEN, 2)) and moved.count == 3
    assert group.with_light_moved(L.GREEN, L.GREEN) is group


def test_one_stream_needs_no_headers():
    assert spans_streams(ROWS)
    assert not spans_streams([r for r in ROWS if r.program_id == 1])
    assert not spans_streams([])
