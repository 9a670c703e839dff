"""``qdplanner copy``: a plan moved whole from a file to a server, back, or file to file.

Everything a plan holds is copied, table by table in reference order (a table after those it
refers to): the plan itself, the change log (``change_batches``, ``change_log``), evidence
files (SQLite BLOBs ↔ PostgreSQL ``bytea``), collection rounds, settings, narratives, closed
periods and their snapshots, and ``_sqlite_migrations`` — so the copy reports the schema
version of the source. Ids are kept as they are (workbooks sent out name tasks by id), and
the ids a table has given are carried too: a server's identity sequences, and a file's
``sqlite_sequence``, continue past the highest id the source ever gave, so a record removed
before the copy never has its id given again after it. Columns are matched by name, never
by a list kept here: a column a later migration adds is copied without a change here.

**The copy is the same plan, not a new one: ``plan_uuid`` and ``collection_key`` are kept.**
Moving a plan to a server (or back) must not orphan what is out in the world: the collection
workbooks the units are filling in carry the plan's identity and are signed with its key,
and a returned workbook must import into the plan wherever it now lives. The change log
names the same records, and File → Save a Copy (SQLite's backup) keeps the identity too.
Two live copies of one plan would both accept the same workbook; a copy is for moving a
plan, and the source is best archived once the copy is in use.

All or nothing on the destination: a server plan is made and filled in one transaction
(the schema, every row, the sequences; indexes after the rows), so a failure leaves the
database as it was; a file is written under a temporary name and renamed when complete.
Refused with one line naming the place (an address never shows its password): a destination
that exists (a file) or is not empty (a database) unless ``overwrite`` — and even then only a
qdplanner plan is replaced, a file only when nobody has it open; a source from a newer
version; a server that cannot be reached or refuses (permission denied).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from qdplanner.errors import N_, PlanFileError, QdError
from qdplanner.store import migrations as mig
from qdplanner.store import plan_file
from qdplanner.store.dialect import quote
from qdplanner.store.lock import PlanLock
from qdplanner.store.pg_schema import (
    create_plan_schema,
    create_schema_objects,
    reference_plan,
    schema_objects,
)
from qdplanner.store.plan_sources import PG_TYPES, PlanSource, open_source
from qdplanner.store.schema_catalogue import Table, describe_sqlite
from qdplanner.store.server_connect import (
    ServerError,
    connect,
    explain,
    is_server_address,
    reason,
    shown,
)

ADVISORY_LOCK = 0x51445031  # 'QDP1': one copy or init at a time into a database


@dataclass
class CopyReport:
    source: str
    target: str
    rows: dict[str, int] = field(default_factory=dict)  # table → rows copied
    seconds: float = 0.0
    size: int = 0  # bytes the plan takes at the destination

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


@dataclass(frozen=True)
class _Schema:
    """The current schema, as this version makes it: tables in reference order."""

    objects: tuple
    tables: dict[str, Table]

    @classmethod
    def current(cls) -> _Schema:
        conn = reference_plan()
        try:
            objects = schema_objects(conn)
            described = describe_sqlite(conn)
        finally:
            conn.close()
        order = [o.name for o in objects if o.kind == "table"]
        return cls(objects, {name: described[name] for name in order})


def address_of(plan: str | Path) -> str:
    """How a plan is named in messages: a path, or an address without its password."""
    return shown(str(plan)) if is_server_address(plan) else str(plan)


# -- destinations ----------------------------------------------------------------------
class _Target:
    address: str

    def write(self, table: Table, columns: list[str], batches: Iterator[list[tuple]]) -> int:
        raise NotImplementedError

    def finish(self, ids_given: dict[str, int]) -> int:
        """Set the ids given, commit; the bytes the plan takes there come back."""
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class _FileTarget(_Target):
    """A new plan file, written as ``NAME.copying`` and renamed over ``path`` when whole."""

    def __init__(self, path: Path, schema: _Schema, *, overwrite: bool, option: str):
        self.path = path
        self.address = str(path)
        self.schema = schema
        if not path.parent.is_dir():
            raise PlanFileError(N_("Messages", "{folder}: no such folder"), folder=path.parent)
        if path.exists():
            if not overwrite:
                raise PlanFileError(
                    N_(
                        "Messages",
                        "{path}: already exists; nothing was written (to replace it, use {option})",
                    ),
                    path=path,
                    option=option,
                )
            if path.is_dir():
                raise PlanFileError(
                    N_("Messages", "{path}: is a folder, not a plan file"), path=path
                )
            plan_file.inspect(path)  # only a plan file (of a version we know) is replaced
        self.lock = PlanLock(path)
        self.lock.acquire(wait=0)  # nobody may have it open while it is replaced
        self.tmp = path.with_name(path.name + ".copying")
        try:
            self.tmp.unlink(missing_ok=True)
            self.conn = sqlite3.connect(str(self.tmp), isolation_level=None)
            self.conn.execute("PRAGMA journal_mode = DELETE")
            mig.apply(self.conn)
            self.conn.execute("PRAGMA foreign_keys = OFF")  # checked whole before commit
            self.conn.execute("BEGIN")
            for name in schema.tables:  # what the migrations wrote (version, identity)
                self.conn.execute(f"DELETE FROM {quote(name)}")
            self.conn.execute("DELETE FROM sqlite_sequence")
        except BaseException as exc:
            self.abort()
            if isinstance(exc, sqlite3.Error | OSError):
                raise self._failed(exc) from exc
            raise

    def _failed(self, exc: BaseException) -> QdError:
        if isinstance(exc, sqlite3.Error) and (told := plan_file.explain(self.path, exc)):
            return told
        return PlanFileError(
            N_("Messages", "{path}: cannot write the copy ({reason}); nothing was written"),
            path=self.path,
            reason=exc,
        )

    def write(self, table: Table, columns: list[str], batches: Iterator[list[tuple]]) -> int:
        names = ", ".join(quote(c) for c in columns)
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
        count = 0
        for batch in batches:
            self.conn.executemany(sql, batch)
            count += len(batch)
        return count

    def finish(self, ids_given: dict[str, int]) -> int:
        try:
            counted = set(r[0] for r in self.conn.execute("SELECT name FROM sqlite_sequence"))
            for name, value in ids_given.items():
                if "AUTOINCREMENT" not in _create_sql(self.conn, name).upper() or not value:
                    continue  # a rowid table gives max(id) + 1: nothing to keep
                if name in counted:
                    self.conn.execute(
                        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?",
                        [value, name],
                    )
                else:
                    self.conn.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [name, value]
                    )
            broken = self.conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise PlanFileError(
                    N_(
                        "Messages",
                        "{path}: the copy would hold records that refer to missing ones "
                        "({where}); nothing was written",
                    ),
                    path=self.path,
                    where=", ".join(f"{t} {rowid}" for t, rowid, *_ in broken[:5]),
                )
            self.conn.execute("COMMIT")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.close()
            os.replace(self.tmp, self.path)  # the whole plan appears under its name, or none
            return self.path.stat().st_size
        except (sqlite3.Error, OSError) as exc:
            raise self._failed(exc) from exc
        finally:
            self.abort()

    def abort(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        self.tmp.unlink(missing_ok=True)
        self.lock.release()


def _create_sql(conn: sqlite3.Connection, table: str) -> str:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()
    return row[0] if row else ""


class _ServerTarget(_Target):
    """A plan made on a database, in one transaction that :meth:`finish` commits."""

    def __init__(
        self, url: str, schema: _Schema, *, overwrite: bool, option: str, tables: bool = True
    ):
        self.url = url
        self.option = option
        self.address = shown(url)
        self.schema = schema
        self.pg = connect(url, purpose="qdplanner copy")
        try:
            self.pg.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK])
            existing = [
                r[0]
                for r in self.pg.execute(
                    "SELECT relname FROM pg_class WHERE relnamespace ="
                    " current_schema()::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'f')"
                    " ORDER BY relname"
                )
            ]
            if existing:
                self._replace(existing, overwrite)
            if tables:
                with self.pg.cursor() as cur:
                    create_schema_objects(cur, schema.objects, "table")
        except BaseException as exc:
            self.abort()
            raise self._failed(exc) from exc

    def _replace(self, existing: list[str], overwrite: bool) -> None:
        listed = ", ".join(existing[:5]) + (", …" if len(existing) > 5 else "")
        if not overwrite:
            raise ServerError(
                N_(
                    "Messages",
                    "{address}: the database is not empty ({tables}); nothing was written "
                    "(to replace a plan there, use {option})",
                ),
                address=self.address,
                tables=listed,
                option=self.option,
            )
        foreign = [t for t in existing if t not in self.schema.tables]
        if foreign or "_sqlite_migrations" not in existing:
            raise ServerError(
                N_(
                    "Messages",
                    "{address}: the database holds tables that are not a qdplanner plan's "
                    "({tables}); nothing was replaced",
                ),
                address=self.address,
                tables=", ".join((foreign or existing)[:5]),
            )
        # the same transaction: if the copy fails, the plan that was there is still there
        self.pg.execute("DROP TABLE " + ", ".join(quote(t) for t in existing) + " CASCADE")

    def _failed(self, exc: BaseException) -> BaseException:
        if isinstance(exc, QdError):
            return exc
        told = explain(self.url, exc)
        if told is not None:
            return told
        try:
            import psycopg
        except ImportError:  # pragma: no cover - connect() needed it
            return exc
        if isinstance(exc, psycopg.Error):  # data the server will not take: say which
            return ServerError(
                N_(
                    "Messages",
                    "{address}: the server refused the copy ({reason}); nothing was written",
                ),
                address=self.address,
                reason=reason(exc, self.url),
            )
        return exc

    def write(self, table: Table, columns: list[str], batches: Iterator[list[tuple]]) -> int:
        kinds = {c.name: c.kind for c in table.columns}
        types = [PG_TYPES.get(kinds[c], "text") for c in columns]
        names = ", ".join(quote(c) for c in columns)
        count = 0
        try:
            with (
                self.pg.cursor() as cur,
                cur.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN (FORMAT BINARY)") as copy,
            ):
                copy.set_types(types)
                for batch in batches:
                    for row in batch:
                        copy.write_row(row)
                    count += len(batch)
        except Exception as exc:
            raise self._failed(exc) from exc
        return count

    def finish(self, ids_given: dict[str, int]) -> int:
        try:
            with self.pg.cursor() as cur:
                create_schema_objects(cur, self.schema.objects, "index")
                for name, value in ids_given.items():
                    cur.execute(
                        "SELECT setval(pg_get_serial_sequence(%s, 'id'), %s, %s)",
                        [quote(name), max(value, 1), value > 0],
                    )
            return self.commit()
        except Exception as exc:
            raise self._failed(exc) from exc
        finally:
            self.abort()

    def commit(self) -> int:
        self.pg.commit()
        (size,) = self.pg.execute(
            "SELECT coalesce(sum(pg_total_relation_size(oid)), 0) FROM pg_class"
            " WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'"
        ).fetchone()
        self.pg.rollback()
        return int(size)

    def abort(self) -> None:
        if not self.pg.closed:
            try:
                self.pg.rollback()
            finally:
                self.pg.close()


def _target(plan: str | Path, schema: _Schema, overwrite: bool, option: str) -> _Target:
    if is_server_address(plan):
        return _ServerTarget(str(plan), schema, overwrite=overwrite, option=option)
    return _FileTarget(Path(plan), schema, overwrite=overwrite, option=option)


def _same_place(a: str | Path, b: str | Path) -> bool:
    if is_server_address(a) != is_server_address(b):
        return False
    if is_server_address(a):
        return shown(str(a)) == shown(str(b))
    return Path(a).resolve() == Path(b).resolve()


# -- the copy --------------------------------------------------------------------------
def _columns(source: PlanSource, schema: _Schema) -> dict[str, list[str]]:
    """Per table of the current schema, the columns both sides have; refuses a source
    holding a table or column this version would not keep (nothing may be lost)."""
    theirs = source.tables()
    lost = [t for t in theirs if t not in schema.tables]
    for name, table in schema.tables.items():
        ours = {c.name for c in table.columns}
        lost += [f"{name}.{c.name}" for c in theirs.get(name, table).columns if c.name not in ours]
    if lost:
        raise PlanFileError(
            N_(
                "Messages",
                "{path}: holds {what}, which this version of qdplanner does not know; "
                "nothing was copied",
            ),
            path=source.address,
            what=", ".join(lost[:5]),
        )
    copied = {}
    for name, table in schema.tables.items():
        present = {c.name for c in theirs[name].columns} if name in theirs else set()
        copied[name] = [c.name for c in table.columns if c.name in present]
    return copied


def copy_plan(
    source: str | Path, target: str | Path, *, overwrite: bool = False, option: str = "--overwrite"
) -> CopyReport:
    """Copy the plan at ``source`` to ``target`` (each a file path or a server address),
    every table and every row, in one transaction at the target (see the module).
    ``option``: what a refusal of an existing target names as the way to replace it."""
    started = time.perf_counter()
    if _same_place(source, target):
        raise PlanFileError(
            N_("Messages", "{path}: that is the plan itself; choose another name"),
            path=address_of(target),
        )
    schema = _Schema.current()
    with open_source(source) as reader:
        columns = _columns(reader, schema)
        report = _copy(reader, _target(target, schema, overwrite, option), schema, columns)
    report.seconds = time.perf_counter() - started
    return report


def _copy(
    reader: PlanSource, writer: _Target, schema: _Schema, columns: dict[str, list[str]]
) -> CopyReport:
    report = CopyReport(reader.address, writer.address)
    try:
        theirs = reader.tables()
        for name, table in schema.tables.items():
            if columns[name]:
                report.rows[name] = writer.write(
                    table, columns[name], reader.rows(theirs[name], columns[name])
                )
        report.size = writer.finish(reader.ids_given())
    except BaseException:
        writer.abort()
        raise
    return report


def init_server_plan(url: str, *, sample: bool = False, overwrite: bool = False) -> CopyReport:
    """A new plan on the database at ``url``: empty (the schema, version and a fresh
    identity, as a new plan file), or the sample plan — made in a temporary file the normal
    way, then copied (so it is exactly the sample a file would hold). The database is
    checked (reachable, empty or ``overwrite``) before the sample is made."""
    started = time.perf_counter()
    schema = _Schema.current()
    target = _ServerTarget(url, schema, overwrite=overwrite, option="--force", tables=sample)
    if sample:
        from qdplanner.store.sample import create_sample_plan

        try:
            with tempfile.TemporaryDirectory(prefix="qdplanner-sample-") as folder:
                made = Path(folder) / "sample.qdplan"
                create_sample_plan(made).close()
                with open_source(made) as reader:
                    report = _copy(reader, target, schema, _columns(reader, schema))
        finally:
            target.abort()
        report.source = ""
        report.seconds = time.perf_counter() - started
        return report
    try:
        tables = create_plan_schema(target.pg)
        size = target.commit()
    except BaseException as exc:
        raise target._failed(exc) from exc
    finally:
        target.abort()
    return CopyReport(
        "", target.address, dict.fromkeys(tables, 0), time.perf_counter() - started, size
    )
