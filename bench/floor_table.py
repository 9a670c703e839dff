"""The floor of the task table: the least a program does to show the same table, the same way.

One floor for bench_table.py (warm, in-process) and bench_startup.py (a cold process, the
table in a bare main window). It does the work ours does, without our code:

- **the same rows, columns and joins:** one ``sqlite3`` query over the same tables and joins
  as ``qdplanner.store.task_rows``: the fields the table shows (code, title, percent,
  status, lead unit by short and full name, deadline, start, due, program/project, notes),
  the supporting units as ids (named when a row is painted, from one read of ``units``, as
  ours does), and the keys of plan order;
- **the same order:** plan order (document, programs before projects, stream, position)
  sorted in Python on the same key, then parents before their sub-tasks, depth-first;
- **a light per row:** done / overdue / due soon / on track from status, percent and due
  date (three comparisons, not our rules: the floor's stand-in for the work of judging);
- **no garbage collection during the read**, as ours;
- **a bare model:** ``data()`` answers the display role (the light as a word) and nothing
  else; no colours, tooltips, fonts or edit roles.
"""

from __future__ import annotations

import gc
import sqlite3
from datetime import date
from operator import itemgetter
from pathlib import Path

FLOOR_SQL = """
SELECT t.id, t.parent_id, t.code, t.title, t.percent, t.status,
       COALESCE(NULLIF(lu.short_name, ''), lu.name, ''), COALESCE(lu.name, ''),
       COALESCE((SELECT group_concat(unit_id) FROM (SELECT s.unit_id FROM task_units s
           WHERE s.task_id = t.id AND s.role = 'support' ORDER BY s.position)), ''),
       t.deadline_text, t.start_date, t.due_date, COALESCE(pr.name, pj.name), t.notes,
       d.position, d.id, t.project_id IS NOT NULL, COALESCE(pr.position, pj.position),
       t.program_id, t.project_id, t.position
FROM tasks t
LEFT JOIN programs pr ON pr.id = t.program_id
LEFT JOIN projects pj ON pj.id = t.project_id
JOIN plan_documents d ON d.id = COALESCE(pr.plan_document_id, pj.plan_document_id)
LEFT JOIN task_units l ON l.task_id = t.id AND l.role = 'lead'
LEFT JOIN units lu ON lu.id = l.unit_id
"""
_ORDER = itemgetter(14, 15, 16, 17, 18, 19, 20, 0)
HEADERS = ["No.", "Task", "Light", "Progress %", "Status", "Lead unit", "Supporting units",
           "Deadline", "Start", "Due", "Program / project", "Notes"]  # fmt: skip
# table column → field of the row tuple (the light and supporting units are worked out)
_FIELD = {0: 2, 1: 3, 3: 4, 4: 5, 5: 6, 7: 9, 8: 10, 9: 11, 10: 12, 11: 13}


def _light(status: str, percent: int, due: str | None, today: str, soon: str) -> str:
    if status == "done" or percent >= 100:
        return "done"
    if due and due < today:
        return "overdue"
    if due and due < soon:
        return "due soon"
    return "on track"


def floor_rows(path: Path, today: date) -> tuple[list[tuple], dict[int, str]]:
    """Every task of the plan at ``path`` in plan order, parents first, each with its light
    appended; and unit id → the name the table shows. The garbage collector is paused
    meanwhile, as ours pauses it (qdplanner.store.bulk)."""
    gc.disable()
    try:
        return _floor_rows(path, today)
    finally:
        gc.enable()


def _floor_rows(path: Path, today: date) -> tuple[list[tuple], dict[int, str]]:
    conn = sqlite3.connect(str(path))
    try:
        fetched = conn.execute(FLOOR_SQL).fetchall()
        names = {uid: short for uid, short in conn.execute(
            "SELECT id, COALESCE(NULLIF(short_name, ''), name) FROM units")}  # fmt: skip
    finally:
        conn.close()
    fetched.sort(key=_ORDER)
    iso, soon = today.isoformat(), date.fromordinal(today.toordinal() + 14).isoformat()
    children: dict[int | None, list[tuple]] = {}
    ids = {r[0] for r in fetched}
    for r in fetched:
        children.setdefault(r[1] if r[1] in ids else None, []).append(r)
    ordered: list[tuple] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        r = stack.pop()
        ordered.append((*r, _light(r[5], r[4], r[11], iso, soon)))
        stack.extend(reversed(children.get(r[0], [])))
    return ordered, names


def floor_model(rows: list[tuple], names: dict[int, str]):
    """A bare ``QAbstractTableModel`` over ``rows`` (PySide6 is imported here)."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    display = Qt.ItemDataRole.DisplayRole

    class FloorModel(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
            return 0 if parent.isValid() else len(rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else len(HEADERS)

        def headerData(self, section, orientation, role=display):
            if orientation == Qt.Orientation.Horizontal and role == display:
                return HEADERS[section]
            return None

        def data(self, index, role=display):
            if role != display:
                return None
            row, col = rows[index.row()], index.column()
            if col == 2:
                return row[-1]
            if col == 6:
                return "、".join(names[int(u)] for u in row[8].split(",")) if row[8] else ""
            return row[_FIELD[col]]

    return FloorModel()
