"""A plan on PostgreSQL has exactly the schema of a new plan file (issue 19, first step).

The server is real (tests/pg_server.py: started by the test run, on a Unix socket); these
tests are skipped only when its binaries are missing. The schema on the server is made from
the plan file's own migrations (qdplanner/store/pg_schema.py), never from a second copy.
"""

from __future__ import annotations

import sqlite3

import pytest

from qdplanner.store import PlanStore
from qdplanner.store import migrations as mig
from qdplanner.store.dialect import DialectError, ddl_to_postgres, to_postgres
from qdplanner.store.pg_schema import create_plan_schema, references, schema_objects
from qdplanner.store.records import RecordKind
from qdplanner.store.schema_catalogue import describe_postgres, describe_sqlite

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def pg(pg_url):
    """A connection to a fresh database holding a new plan's schema."""
    with psycopg.connect(pg_url) as conn:
        create_plan_schema(conn)
        yield conn


@pytest.fixture
def plan_file(tmp_path) -> sqlite3.Connection:
    store = PlanStore.create(tmp_path / "plan.qdplan")
    yield store.db.conn
    store.close()


def _differences(file_tables, server_tables) -> list[str]:
    problems = []
    for name in sorted(set(file_tables) | set(server_tables)):
        a, b = file_tables.get(name), server_tables.get(name)
        if a is None or b is None:
            problems.append(f"{name}: only in the {'server' if a is None else 'file'}")
            continue
        for part in ("columns", "primary_key", "uniques", "foreign_keys", "checks", "indexes"):
            if getattr(a, part) != getattr(b, part):
                problems.append(
                    f"{name}.{part}: file {getattr(a, part)} ≠ server {getattr(b, part)}"
                )
    return problems


def test_server_plan_has_the_schema_of_a_new_plan_file(pg, plan_file):
    file_tables = describe_sqlite(plan_file)
    server_tables = describe_postgres(pg)
    assert _differences(file_tables, server_tables) == []
    # the comparison is not vacuous: every table, and what each kind of rule looks like
    assert {k.value for k in RecordKind} | {"change_log", "settings"} <= set(server_tables)
    tasks = server_tables["tasks"]
    assert [c.name for c in tasks.columns][:3] == ["id", "program_id", "project_id"]
    assert len(tasks.checks) == 5 and tasks.primary_key == ("id",)
    assert any(fk.table == "tasks" and fk.on_delete == "CASCADE" for fk in tasks.foreign_keys)
    assert server_tables["task_units"].primary_key == ("task_id", "unit_id")
    assert ("name",) in server_tables["units"].uniques
    assert any(i.partial and i.unique for i in server_tables["task_units"].indexes)
    # a column added by a later migration (004) is there, where the file has it
    assert [c.name for c in server_tables["units"].columns][-1] == "phone"


def test_server_plan_has_the_schema_version_and_identity_of_a_new_plan(pg, plan_file):
    applied = [r[0] for r in pg.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == mig.known_names()
    (uuid,) = pg.execute(
        "SELECT value FROM settings WHERE key = %s", [mig.PLAN_UUID_KEY]
    ).fetchone()
    (file_uuid,) = plan_file.execute(
        "SELECT value FROM settings WHERE key = ?", [mig.PLAN_UUID_KEY]
    ).fetchone()
    assert uuid.startswith('"') and uuid != file_uuid  # a plan of its own, not a copy


def test_creating_the_schema_is_all_or_nothing(pg_url):
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE tasks (id BIGINT)")  # in the way: the creation must fail
        conn.commit()
        with pytest.raises(psycopg.errors.DuplicateTable):
            create_plan_schema(conn)
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
    assert tables == [("tasks",)]


# -- rows read back the same on both engines --------------------------------------------
# Written once, for SQLite; dialect.to_postgres gives the server's spelling. Ids are left
# to each engine, and come out the same.
_ROWS = [
    (
        "INSERT INTO plan_documents (title, kind, start_year, end_year) VALUES (?, ?, ?, ?)",
        ["青岛市科技创新行动方案", "action_plan", 2022, 2025],
    ),
    (
        "INSERT INTO programs (plan_document_id, code, name) VALUES (?, ?, ?)",
        [1, "一", "创新主体培育计划"],
    ),
    ("INSERT INTO projects (plan_document_id, name) VALUES (?, ?)", [1, "海洋工程"]),
    (
        "INSERT INTO units (name, short_name, contact, phone) VALUES (?, ?, ?, ?)",
        ["青岛市科学技术局", "市科技局", "张三", "0532-85911234"],
    ),
    ("INSERT INTO units (name) VALUES (?)", ["市财政局"]),
    (
        "INSERT INTO tasks (program_id, title, start_date, due_date, status, percent)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [1, "建设海洋科学实验室", "2022-01-01", "2024-12-31", "in_progress", 60],
    ),
    (
        "INSERT INTO tasks (program_id, parent_id, title, position) VALUES (?, ?, ?, ?)",
        [1, 1, "子任务：完成可研", 1],
    ),
    ("INSERT INTO task_units (task_id, unit_id, role) VALUES (?, ?, 'lead')", [1, 1]),
    (
        "INSERT INTO task_units (task_id, unit_id, role, position) VALUES (?, ?, ?, ?)",
        [1, 2, "support", 1],
    ),
    (
        "INSERT INTO progress_reports (task_id, period, status, percent, narrative,"
        " reporting_unit_id, reported_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [1, "2024Q3", "in_progress", 60, "已完成主体工程 60%，\n下步推进设备采购", 1, "2024-10-08"],
    ),
    (
        "INSERT INTO indicators (plan_document_id, name, baseline_value, target_value)"
        " VALUES (?, ?, ?, ?)",
        [1, "研发投入强度", 2.45, 3.1],
    ),
    (
        "INSERT INTO evidence_files (progress_report_id, filename, size, content, added_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [1, "佐证.pdf", 4, b"%PDF", "2024-10-08T02:00:00+00:00"],
    ),
    (
        "INSERT INTO change_batches (at, user, source) VALUES (?, ?, ?)",
        ["2024-10-08T02:00:00+00:00", "zhangsan", "form"],
    ),
]
_READS = [
    ("SELECT * FROM plan_documents ORDER BY id", []),
    ("SELECT * FROM programs ORDER BY id", []),
    ("SELECT * FROM units ORDER BY name", []),
    ("SELECT * FROM tasks ORDER BY id", []),
    ("SELECT id FROM tasks WHERE parent_id IS ?", [None]),  # NULL compared as a value
    ("SELECT id FROM tasks WHERE parent_id IS NOT ? ORDER BY id", [None]),
    ("SELECT task_id, unit_id, role, position FROM task_units ORDER BY task_id, unit_id", []),
    ("SELECT * FROM progress_reports WHERE period = ? ORDER BY id", ["2024Q3"]),
    ("SELECT * FROM indicators ORDER BY id", []),
    ("SELECT id, filename, size, content FROM evidence_files", []),
    ("SELECT user, source FROM change_batches WHERE user = :user", {"user": "zhangsan"}),
]


def _read(execute, sql, params):
    cursor = execute(sql, params)
    return [c[0] for c in cursor.description], [
        tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
        for row in cursor.fetchall()
    ]


def test_rows_insert_and_read_back_the_same_on_both_engines(pg, plan_file):
    for sql, params in _ROWS:
        plan_file.execute(sql, params)
        pg.execute(to_postgres(sql), params)
    plan_file.commit()
    pg.commit()
    for sql, params in _READS:
        on_file = _read(plan_file.execute, sql, params)
        on_server = _read(lambda s, p: pg.execute(to_postgres(s), p), sql, params)
        assert on_server == on_file, sql
        assert on_file[1], f"{sql}: read nothing"
    # the server hands out the next id after the ones given, as the file does
    next_sql = "INSERT INTO units (name) VALUES (?) RETURNING id"
    assert pg.execute(to_postgres(next_sql), ["市发展改革委"]).fetchone() == (3,)
    assert plan_file.execute(next_sql, ["市发展改革委"]).fetchone() == (3,)


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        ("INSERT INTO tasks (program_id, title, percent) VALUES (?, ?, ?)", [1, "任务", 101]),
        ("INSERT INTO tasks (program_id, title, status) VALUES (?, ?, ?)", [1, "任务", "late"]),
        ("INSERT INTO tasks (program_id, title) VALUES (?, ?)", [1, "   "]),
        ("INSERT INTO tasks (title) VALUES (?)", ["既无计划也无工程"]),
        ("INSERT INTO tasks (program_id, title) VALUES (?, ?)", [99, "无此计划"]),
        ("INSERT INTO task_units (task_id, unit_id, role) VALUES (?, ?, ?)", [1, 1, "lead"]),
    ],
    ids=["percent", "status", "blank-title", "no-stream", "no-such-program", "second-lead"],
)
def test_both_engines_refuse_the_same_bad_rows(pg, plan_file, sql, params):
    setup = [
        ("INSERT INTO plan_documents (id, title) VALUES (?, ?)", [1, "方案"]),
        ("INSERT INTO programs (id, plan_document_id, name) VALUES (?, ?, ?)", [1, 1, "计划"]),
        ("INSERT INTO units (id, name) VALUES (?, ?)", [1, "市科技局"]),
        ("INSERT INTO units (id, name) VALUES (?, ?)", [2, "市财政局"]),
        ("INSERT INTO tasks (id, program_id, title) VALUES (?, ?, ?)", [1, 1, "任务"]),
        ("INSERT INTO task_units (task_id, unit_id, role) VALUES (?, ?, ?)", [1, 2, "lead"]),
    ]
    for s, p in setup:
        plan_file.execute(s, p)
        pg.execute(to_postgres(s), p)
    with pytest.raises(sqlite3.IntegrityError):
        plan_file.execute(sql, params)
    with pytest.raises(psycopg.errors.IntegrityError):
        pg.execute(to_postgres(sql), params)


# -- the dialect layer, without a server -------------------------------------------------
def test_statements_get_the_servers_placeholders_and_quoting():
    assert to_postgres("SELECT user FROM change_batches WHERE b.user = :user AND id = ?") == (
        'SELECT "user" FROM change_batches WHERE b."user" = %(user)s AND id = %s'
    )
    assert to_postgres('SELECT 1 FROM t WHERE "a" IS ? AND b IS NOT :b AND c IS NULL') == (
        'SELECT 1 FROM t WHERE "a" IS NOT DISTINCT FROM %s AND b IS DISTINCT FROM %(b)s'
        " AND c IS NULL"
    )
    # inside a string nothing is a placeholder; a literal % is doubled for psycopg
    assert to_postgres("SELECT '?:x' || [tasks].title FROM tasks WHERE title LIKE '50%'") == (
        "SELECT '?:x' || \"tasks\".title FROM tasks WHERE title ILIKE '50%%'"
    )


def test_definitions_say_ids_types_and_rowid_tables_for_the_server():
    sql = ddl_to_postgres(
        "CREATE TABLE t (\n id INTEGER PRIMARY KEY AUTOINCREMENT, -- the ID\n"
        " v REAL, b BLOB, n INTEGER NOT NULL DEFAULT 0, CHECK (CAST(n AS INTEGER) >= 0))"
    )
    assert "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" in sql
    assert "v DOUBLE PRECISION, b BYTEA, n BIGINT NOT NULL" in sql
    assert "CAST(n AS BIGINT)" in sql and "--" not in sql and "AUTOINCREMENT" not in sql
    keyed = ddl_to_postgres("CREATE TABLE k (a INTEGER PRIMARY KEY, b TEXT) WITHOUT ROWID")
    assert "IDENTITY" not in keyed and "ROWID" not in keyed  # no rowid: a plain key column
    with pytest.raises(DialectError, match="NOCASE"):
        ddl_to_postgres("CREATE TABLE c (name TEXT COLLATE NOCASE)")


def test_every_table_comes_after_the_tables_it_refers_to():
    seen: set[str] = set()
    for o in schema_objects():
        if o.kind == "table":
            assert references(o.sqlite_sql) - {o.name} <= seen, o.name
            seen.add(o.name)


def test_the_comparison_sees_a_difference(pg, plan_file):
    pg.execute("ALTER TABLE tasks ALTER COLUMN notes DROP DEFAULT")
    pg.execute("ALTER TABLE units DROP CONSTRAINT units_name_key")
    pg.execute("DROP INDEX idx_task_units_one_lead")
    problems = _differences(describe_sqlite(plan_file), describe_postgres(pg))
    assert [p.split(":")[0] for p in problems] == [
        "task_units.indexes",
        "tasks.columns",
        "units.uniques",
    ]
