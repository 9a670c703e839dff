"""The README's set-up of a server plan, followed on a real server (issue 19).

The SQL an office's IT is told to run (README.md, "Plans on a PostgreSQL server", the blocks
marked ``server-setup``) is run as written — with the role and database names made unique to
this test run — then the plan's administrator creates the plan with ``qdplanner init``, an
editor edits it, a reader reads it and is refused a change, and the change log names the
editor's role.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from qdplanner.cli.commands import cli
from qdplanner.domain.enums import ChangeSource
from qdplanner.errors import QdError
from qdplanner.store import PlanStore
from qdplanner.store.task_rows import read_task_rows
from tests.conftest import add_small_plan

README = Path(__file__).resolve().parents[2] / "README.md"
NAMES = ("qingdao_plan", "plan_admin", "plan_editors", "plan_readers", "zhangsan", "lisi")


def setup_sql(part: str) -> str:
    """The SQL block of the README marked ``<!-- server-setup: part -->``."""
    text = README.read_text(encoding="utf-8")
    found = re.search(rf"<!-- server-setup: {part} -->\s*```sql\n(.*?)```", text, re.S)
    assert found, f"README.md has no server-setup block {part!r}"
    return found.group(1)


def unique(sql: str, suffix: str) -> str:
    for name in NAMES:
        sql = re.sub(rf"\b{name}\b", f"{name}{suffix}", sql)
    return sql


BEFORE_15 = "public as before PostgreSQL 15"


@pytest.fixture
def office(pg_server, request):
    """The README's roles and database on the test server; their names → URLs per role.
    Parametrized with :data:`BEFORE_15`, the schema ``public`` is as PostgreSQL 13 and 14 make
    it: the bootstrap superuser's, with CREATE for everyone (15 gives it to the database's
    owner, and CREATE to no one else)."""
    import psycopg

    suffix = f"_{os.getpid()}"
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        for statement in unique(setup_sql("cluster"), suffix).split(";"):
            if statement.strip():
                conn.execute(statement)
    database = f"qingdao_plan{suffix}"
    with psycopg.connect(pg_server.url(database), autocommit=True) as conn:
        if getattr(request, "param", None) == BEFORE_15:
            conn.execute("ALTER SCHEMA public OWNER TO CURRENT_USER")
            conn.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")
        conn.execute(unique(setup_sql("database"), suffix))

    def url(role: str) -> str:
        return (
            f"postgresql:///{database}?host={quote(str(pg_server.socket_dir))}&user={role}{suffix}"
        )

    yield url
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        for role in ("zhangsan", "lisi", "plan_editors", "plan_readers", "plan_admin"):
            conn.execute(f'DROP ROLE IF EXISTS "{role}{suffix}"')


def test_the_readmes_set_up_gives_an_administrator_editors_and_readers(office):
    made = CliRunner().invoke(cli, ["init", office("plan_admin"), "--lang", "en"])
    assert made.exit_code == 0, made.output
    with PlanStore.open(office("zhangsan")) as store:  # an editor
        ids = add_small_plan(store)
        with store.action(ChangeSource.FORM, "percent") as changes:
            changes.update("tasks", ids["late"], {"percent": 70})
        user = store.db.execute(
            "SELECT user FROM change_batches ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        assert user == f"zhangsan_{os.getpid()}"  # the change log names the person's role
    with PlanStore.open(office("lisi"), readonly=True) as store:  # a reader
        assert [r.percent for r in read_task_rows(store) if r.id == ids["late"]] == [70]
    with PlanStore.open(office("lisi")) as store:  # a reader, not asking for read-only
        assert store.readonly and store.role_reads_only  # opened read-only: the role reads
        with pytest.raises(QdError) as refused, store.action(ChangeSource.FORM, "pct") as ch:
            ch.update("tasks", ids["late"], {"percent": 80})
    assert refused.value.text() == (
        f"{office('lisi')}: your database role lisi_{os.getpid()} may read this plan but not "
        "change it (ask the plan's administrator); nothing was changed"
    )
    with PlanStore.open(office("zhangsan")) as store:  # an editor's plan is not read-only
        assert not store.readonly and not store.role_reads_only


@pytest.mark.parametrize("office", [BEFORE_15], indirect=True)
def test_the_readmes_set_up_works_where_public_is_the_superusers_as_before_15(office):
    """Tried on a fresh machine: without ``ALTER SCHEMA public OWNER TO plan_admin`` the
    README's set-up left the administrator no schema to create the plan in on PostgreSQL 13
    and 14 (``qdplanner init``: permission denied for schema public)."""
    made = CliRunner().invoke(cli, ["init", office("plan_admin"), "--lang", "en"])
    assert made.exit_code == 0, made.output
    with PlanStore.open(office("zhangsan")) as store:  # an editor
        ids = add_small_plan(store)
        with store.action(ChangeSource.FORM, "percent") as changes:
            changes.update("tasks", ids["late"], {"percent": 70})
    with PlanStore.open(office("lisi"), readonly=True) as store:  # a reader
        assert [r.percent for r in read_task_rows(store) if r.id == ids["late"]] == [70]


def test_a_plan_of_an_older_layout_is_upgraded_by_its_administrator_not_an_editor(
    office, pg_server
):
    import psycopg

    from qdplanner.errors import PlanFileError

    assert CliRunner().invoke(cli, ["init", office("plan_admin")]).exit_code == 0
    database = office("plan_admin").split("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url(database), autocommit=True) as conn:  # as before 007
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = '007_os_user'")
        conn.execute("ALTER TABLE change_batches DROP COLUMN os_user")
    with pytest.raises(PlanFileError) as refused:
        PlanStore.open(office("zhangsan"))
    assert "the plan was left as it was" in refused.value.text()
    with PlanStore.open(office("plan_admin")) as store:  # the owner of its tables
        assert "os_user" in {c for c, *_ in store.db.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'change_batches'"
        ).fetchall()}  # fmt: skip
    PlanStore.open(office("zhangsan")).close()  # upgraded: the editor opens it now
