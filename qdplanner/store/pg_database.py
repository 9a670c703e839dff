"""A plan on a PostgreSQL server, behind the narrow surface the store uses of sqlite-utils.

For a plan file ``store.db`` is the ``sqlite_utils.Database`` itself, or a plain-sqlite3
reader (:mod:`qdplanner.store.database`): nothing here is on the file's path. For a server
plan ``store.db`` is a :class:`PgDatabase`: one psycopg 3 connection offering what the store
calls — ``execute(sql, params)`` (a cursor: ``fetchone``,
``fetchall``, iteration, ``description``, ``rowcount``), ``query()`` (dict rows),
``table(name).insert/get/delete/count_where``, ``table_names()``, ``atomic()`` (a
transaction; a savepoint inside one) and ``conn.executemany``. Each statement, written once
for SQLite, is said for PostgreSQL by :func:`qdplanner.store.dialect.translate` (cached per
statement text) and its parameters adapted (a ``json_each`` list passed as a list).

The connection runs in autocommit: a read is not left holding a transaction open (other
editors' changes are seen at the next statement), and every write goes through ``atomic()``
— one short transaction per user action. PostgreSQL's ``numeric`` (what ``SUM`` of integers
answers) comes back as ``int`` or ``float``, as SQLite answers, never as ``Decimal``.

The address is a libpq URL, ``postgresql://[user@]host[:port]/dbname[?…]``. A password is
never kept by the store: libpq finds it in ``~/.pgpass``, a service file or ``PGPASSWORD``;
one typed into the URL is used to connect and left out of every name the store shows
(:class:`ServerPlan`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Loader
from psycopg.rows import dict_row

from qdplanner.errors import N_, PlanFileError, QdError
from qdplanner.store import migrations as mig
from qdplanner.store import server_connect
from qdplanner.store.database import Database
from qdplanner.store.dialect import ddl_to_postgres, translate
from qdplanner.store.server_plan import ServerPlan

APPLICATION_NAME = "qdplanner"
# Editors at once (store/conflicts.py): every write transaction of a plan first takes this
# advisory lock (advisory locks are per database: one plan), so reading what others changed
# and writing are one step and batch ids are given in commit order; and each committed
# action tells the plan's other windows its batch id on this channel.
EDIT_LOCK = 0x51445045  # 'QDPE'
CHANNEL = "qdplanner_changes"


class _NumericLoader(Loader):
    """``numeric`` as SQLite would answer it: an integer as ``int``, else ``float``."""

    def load(self, data: Any) -> int | float:
        text = bytes(data)
        if text.lstrip(b"-").isdigit():
            return int(text)
        return float(text)


class _Conn:
    """The part of a DB-API connection the store uses directly (``db.conn``)."""

    def __init__(self, db: PgDatabase):
        self._db = db
        self._pg = db.pg

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement for many rows (psycopg pipelines them: one round trip)."""
        t = translate(sql)
        rows = list(rows)
        if not rows:
            return
        if self._db.trace is not None:
            for _ in rows:
                self._db.trace(sql)
        with self._pg.cursor() as cur:
            cur.executemany(t.sql, [t.params(r) for r in rows])

    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        return self._db.execute(sql, params)

    def set_trace_callback(self, callback: Any) -> None:
        """As sqlite3's: ``callback(sql)`` for each statement run (the store's text, before
        it is said for PostgreSQL), or None to stop."""
        self._db.trace = callback

    @property
    def in_transaction(self) -> bool:
        return self._pg.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        self._pg.close()


class PgDatabase(Database):
    """A plan's database on a server, as the store calls a ``sqlite_utils.Database``."""

    engine = "postgresql"

    def __init__(self, pg: psycopg.Connection, plan: ServerPlan):
        self.pg = pg
        self.plan = plan
        self.trace: Any = None  # conn.set_trace_callback
        self.conn = _Conn(self)

    # -- statements -------------------------------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> psycopg.Cursor:
        t = translate(sql)
        if self.trace is not None:
            self.trace(sql)
        # parameters always given: psycopg then reads %% in the text as one %
        return self.pg.execute(t.sql, t.params(params if params is not None else ()))

    def query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        t = translate(sql)
        if self.trace is not None:
            self.trace(sql)
        cur = self.pg.cursor(row_factory=dict_row)
        cur.execute(t.sql, t.params(params if params is not None else ()))
        yield from cur

    def table_names(self) -> list[str]:
        """The plan's tables, in the order they were made (each after those it refers to)."""
        return [
            r[0]
            for r in self.pg.execute(
                "SELECT relname FROM pg_class WHERE relkind = 'r'"
                " AND relnamespace = current_schema()::regnamespace ORDER BY oid"
            )
        ]

    @contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction (a savepoint inside one): committed when the block ends, rolled
        back when it raises."""
        with self.pg.transaction():
            yield self

    def close(self) -> None:
        self.pg.close()

    # -- the plan ---------------------------------------------------------------------
    def role(self) -> str:
        """The database role the connection works as: the user the change log names."""
        return self.pg.execute("SELECT current_user").fetchone()[0]

    def may_write(self) -> bool:
        """Whether the role may change the plan: edit its tasks and log the change (a role
        granted SELECT only — the README's plan_readers — may not)."""
        sql = (
            "SELECT has_table_privilege('tasks', 'UPDATE')"
            " AND has_table_privilege('change_batches', 'INSERT')"
        )
        return bool(self.pg.execute(sql).fetchone()[0])

    def applied_migrations(self) -> list[str] | None:
        """The plan's migrations applied, oldest first; None when the database holds no plan."""
        found = self.pg.execute("SELECT to_regclass('_sqlite_migrations')").fetchone()[0]
        if found is None:
            return None
        return [
            r[0]
            for r in self.pg.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = %s ORDER BY id",
                [mig.MIGRATION_SET],
            )
        ]


def begin_write(db: PgDatabase) -> None:
    """The start of a write transaction: wait for the plan's other writers to commit."""
    db.pg.execute("SELECT pg_advisory_xact_lock(%s)", [EDIT_LOCK])


def notify_batch(db: PgDatabase, batch_id: int) -> None:
    """Tell the plan's listeners about ``batch_id`` (delivered when the action commits)."""
    db.pg.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(batch_id)])


def connect(plan: ServerPlan, *, readonly: bool = False) -> psycopg.Connection:
    """A connection to the server plan's database, or :class:`ServerError` saying why not
    (server unreachable, no such database, authentication refused), naming the plan."""
    pg = server_connect.connect(plan.conninfo, purpose=APPLICATION_NAME)
    pg.autocommit = True  # each read sees the latest; each write is one atomic() block
    pg.adapters.register_loader("numeric", _NumericLoader)
    if readonly:
        pg.execute("SET default_transaction_read_only = on")
    return pg


def open_database(plan: ServerPlan, *, readonly: bool = False) -> PgDatabase:
    """Open the plan on ``plan``'s database, upgrading its schema first when it is older
    (portable migrations only, in one transaction)."""
    db = PgDatabase(connect(plan, readonly=readonly), plan)
    try:
        applied = db.applied_migrations()
        if applied is None:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: the database holds no qdplanner plan (make one with "
                    "qdplanner init or qdplanner copy)",
                ),
                path=plan,
            )
        unknown = [n for n in applied if n not in mig.known_names()]
        if unknown:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: written by a newer version of qdplanner (schema {schema}); "
                    "please upgrade qdplanner to open it",
                ),
                path=plan,
                schema=", ".join(unknown),
            )
        pending = [n for n in mig.known_names() if n not in applied]
        if pending and readonly:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: needs an upgrade to the current schema but is open read-only",
                ),
                path=plan,
            )
        if pending:
            _upgrade(db, pending)
    except BaseException:
        db.close()
        raise
    return db


def _upgrade(db: PgDatabase, pending: list[str]) -> None:
    missing = [n for n in pending if n not in mig.PORTABLE]
    if missing:
        raise PlanFileError(
            N_(
                "Messages",
                "{path}: the plan's schema cannot be upgraded on the server ({schema}); "
                "copy it to a file and back with qdplanner copy",
            ),
            path=db.plan,
            schema=", ".join(missing),
        )
    try:
        with db.pg.transaction():
            for name in pending:
                for statement in mig.PORTABLE[name]:
                    db.pg.execute(ddl_to_postgres(statement))
                db.pg.execute(
                    "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                    " VALUES (%s, %s, now()::text)",
                    [mig.MIGRATION_SET, name],
                )
    except psycopg.Error as exc:
        raise PlanFileError(
            N_("Messages", "{path}: upgrade failed ({reason}); the plan was left as it was"),
            path=db.plan,
            reason=_first_line(exc),
        ) from exc


def create_database(plan: ServerPlan) -> PgDatabase:
    """Make a new plan on ``plan``'s database, which must hold no tables yet."""
    from qdplanner.store.pg_schema import create_plan_schema

    pg = connect(plan)
    try:
        tables = pg.execute(
            "SELECT count(*) FROM pg_class WHERE relkind = 'r'"
            " AND relnamespace = current_schema()::regnamespace"
        ).fetchone()[0]
        if tables:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: the database is not empty (it has {count} tables); "
                    "make the plan in a new database",
                ),
                path=plan,
                count=tables,
            )
        create_plan_schema(pg)
    except psycopg.Error as exc:
        pg.close()
        raise PlanFileError(
            N_("Messages", "{path}: cannot create the plan ({reason})"),
            path=plan,
            reason=_first_line(exc),
        ) from exc
    except BaseException:
        pg.close()
        raise
    return PgDatabase(pg, plan)


# -- refusals, in words -------------------------------------------------------------------
def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def integrity_parts(exc: psycopg.IntegrityError) -> tuple[str, str]:
    """(kind, detail) of a constraint the server refused, as SQLite says them: kind is one
    of CHECK, UNIQUE, FOREIGN KEY, NOT NULL (else ''), detail ``table.column`` where known,
    else the constraint's name."""
    diag = exc.diag
    table, column = diag.table_name or "", diag.column_name or ""
    if isinstance(exc, pg_errors.CheckViolation):
        return "CHECK", diag.constraint_name or ""
    if isinstance(exc, pg_errors.UniqueViolation):
        detail = diag.message_detail or ""  # Key (name)=(…) already exists.
        columns = detail[detail.find("(") + 1 : detail.find(")")] if "(" in detail else ""
        names = [f"{table}.{c.strip()}" for c in columns.split(",") if c.strip()]
        return "UNIQUE", ", ".join(names) or diag.constraint_name or ""
    if isinstance(exc, pg_errors.ForeignKeyViolation):
        return "FOREIGN KEY", diag.constraint_name or ""
    if isinstance(exc, pg_errors.NotNullViolation):
        return "NOT NULL", f"{table}.{column}" if table else column
    return "", _first_line(exc)


def explain(plan: ServerPlan, exc: BaseException) -> QdError | None:
    """A server's refusal a user can meet, as a sentence naming the plan: the connection
    lost, permission denied, a conflicting edit, a read-only connection, the server busy or
    out of space. None for anything else (an SQL error is a bug, and stays one)."""
    if not isinstance(exc, psycopg.Error):
        return None
    reason = _first_line(exc)
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: your database role may not make this change ({reason}); nothing was "
                "changed. Ask whoever runs the server for the rights you need",
            ),
            path=plan,
            reason=reason,
        )
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return PlanFileError(
            N_("Messages", "{path}: the plan is open read-only; nothing was changed"), path=plan
        )
    if isinstance(exc, pg_errors.SerializationFailure | pg_errors.DeadlockDetected):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: someone else changed the same records at the same moment; nothing "
                "was changed, try again",
            ),
            path=plan,
        )
    if isinstance(exc, pg_errors.LockNotAvailable | pg_errors.QueryCanceled):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: the plan is busy (another program is writing it); "
                "nothing was changed, try again",
            ),
            path=plan,
        )
    if isinstance(exc, pg_errors.DiskFull | pg_errors.InsufficientResources):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: the server has no room left ({reason}); nothing was changed. Ask "
                "whoever runs it",
            ),
            path=plan,
            reason=reason,
        )
    if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: the connection to the server was lost ({reason}); the change in "
                "progress was not saved. Check the network and open the plan again",
            ),
            path=plan,
            reason=reason,
        )
    return None
