"""Every statement the store writes for SQLite is one PostgreSQL can prepare (issue 19).

The store keeps one text of each statement; :func:`qdplanner.store.dialect.translate` says
it for the server. Here every complete statement written as a string in a store module
(module constants and literal arguments alike) is translated and ``PREPARE``d on the test
server: a construct the dialect does not know, a function PostgreSQL lacks, a type that
does not match, shows up here without a test having to reach it. Statements built by
f-string or ``.format`` at run time are not seen here: the store tests, run on the server
too (tests/conftest.py), reach those.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from qdplanner.store.dialect import DialectError, translate

psycopg = pytest.importorskip("psycopg")

STORE = Path(__file__).resolve().parents[2] / "qdplanner" / "store"
# Modules whose SQL is a file's own (PRAGMA, sqlite_master, migrations) or PostgreSQL's own
# (written for the server, not translated): not statements of the store's one text.
NOT_TRANSLATED = {
    "plan_file.py",
    "migrations.py",
    "pg_schema.py",
    "schema_catalogue.py",
    "pg_database.py",
    "plan_copy.py",
    "plan_sources.py",
    "plan_compare.py",
    "server_connect.py",
    "lock.py",
    "notifications.py",
}
_STATEMENT = re.compile(r"^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH)\s")  # as written


def store_statements() -> list[tuple[str, int, str]]:
    """(module, line, text) of every complete SQL statement written as a plain string."""
    found = []
    for path in sorted(STORE.glob("*.py")):
        if path.name in NOT_TRANSLATED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # not a docstring (one may start "Insert …"), nor a piece of an f-string
        skipped = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        skipped |= {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if _STATEMENT.match(text) and "{" not in text and "sqlite_" not in text:
                    found.append((path.name, node.lineno, text))
    return found


def _numbered(sql: str) -> str:
    """psycopg's placeholders as PREPARE's ($1, $2 …; a name keeps its number)."""
    names: dict[str, int] = {}
    count = 0

    def number(match: re.Match) -> str:
        nonlocal count
        if match.group(0) == "%%":
            return "%"
        name = match.group(1)
        if name is None:
            count += 1
            return f"${count}"
        if name not in names:
            count += 1
            names[name] = count
        return f"${names[name]}"

    return re.sub(r"%%|%\((\w+)\)s|%s", number, sql)


def test_the_collection_sees_the_store_s_statements():
    found = store_statements()
    modules = {m for m, _, _ in found}
    assert len(found) > 60
    assert {"task_rows.py", "history.py", "units.py", "periods.py"} <= modules


def test_every_statement_of_the_store_prepares_on_the_server(pg_server, server_plan_url):
    url = server_plan_url("empty")
    problems = []
    with psycopg.connect(url, autocommit=True) as pg:
        for n, (module, line, text) in enumerate(store_statements()):
            try:
                sql = _numbered(translate(text).sql)
            except DialectError as exc:
                problems.append(f"{module}:{line}: {exc}")
                continue
            try:
                pg.execute(f"PREPARE s{n} AS {sql}")
                pg.execute(f"DEALLOCATE s{n}")
            except psycopg.Error as exc:
                first = str(exc).splitlines()[0]
                problems.append(f"{module}:{line}: {first}\n    {sql[:200]}")
    assert problems == []


# -- the dialect's rules of step 1, without a server ---------------------------------------
def test_a_list_passed_as_json_goes_to_the_server_as_a_list_of_the_named_type():
    t = translate(
        "SELECT r.id FROM json_each(? /* bigint */) c JOIN r ON r.task_id = c.value"
        " WHERE r.period IN (SELECT value FROM json_each(? /* text */)) AND r.x = ?"
    )
    assert t.sql == (
        "SELECT r.id FROM unnest(%s::bigint[]) AS c(value) JOIN r ON r.task_id = c.value"
        " WHERE r.period IN (SELECT value FROM unnest(%s::text[]) AS json_each(value))"
        " AND r.x = %s"
    )
    assert t.params(["[1, 2]", '["2024Q1"]', 7]) == [[1, 2], ["2024Q1"], 7]
    assert t.params(["[]", "[]", 7]) == [[], [], 7]  # an empty list keeps its type
    with pytest.raises(DialectError, match="name the type"):
        translate("SELECT value FROM json_each(?)")
    with pytest.raises(DialectError, match="over a column"):
        translate("SELECT 1 FROM t, json_each(t.list)")


def test_numbered_parameters_are_repeated_for_the_server():
    t = translate("SELECT 1 FROM t WHERE a = ?1 OR b = ?1 AND c = ?2")
    assert t.sql == "SELECT 1 FROM t WHERE a = %s OR b = %s AND c = %s"
    assert t.params(["x", "y"]) == ["x", "x", "y"]


def test_sqlite_functions_and_hints_said_for_the_server():
    assert translate("SELECT group_concat(a), group_concat(b, char(31)) FROM t").sql == (
        "SELECT string_agg(CAST(a AS TEXT), ','), string_agg(CAST(b AS TEXT),  chr(31)) FROM t"
    )
    assert translate("SELECT 1 FROM l WHERE +l.entity = ? AND a + b > 1").sql == (
        "SELECT 1 FROM l WHERE l.entity = %s AND a + b > 1"
    )
    assert translate("SELECT 1 WHERE name LIKE :like").sql == ("SELECT 1 WHERE name ILIKE %(like)s")
