"""Opening, creating and upgrading plan files (``*.qdplan``), and refusing everything else.

A plan file is an SQLite database whose header carries our application id and whose
``_sqlite_migrations`` table lists the migrations applied. Anything else is refused with a
one-line message and left untouched: a file is only ever written after it is recognised.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from qdplanner.errors import N_, PlanFileError
from qdplanner.store import migrations as mig

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    # Plan files live on shared office drives, where WAL is unsafe: keep the rollback journal.
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA busy_timeout = 5000")


def _connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        return conn
    conn = sqlite3.connect(str(path))
    _configure(conn)
    return conn


def inspect(path: Path) -> list[str]:
    """Check that ``path`` is a plan this version can open; return the migrations applied.

    Raises :class:`PlanFileError` naming the file and the reason otherwise. Never writes.
    """
    if not path.exists():
        raise PlanFileError(N_("Messages", "{path}: no such file"), path=path)
    if path.is_dir():
        raise PlanFileError(N_("Messages", "{path}: is a folder, not a plan file"), path=path)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise PlanFileError(
            N_("Messages", "{path}: cannot be read ({reason})"), path=path, reason=exc.strerror
        ) from exc
    if not header.startswith(_SQLITE_MAGIC):
        raise PlanFileError(
            N_("Messages", "{path}: not a qdplanner plan file (it is not an SQLite database)"),
            path=path,
        )
    app_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    if app_id != mig.APPLICATION_ID:
        raise PlanFileError(
            N_("Messages", "{path}: an SQLite database, but not a qdplanner plan file"), path=path
        )
    try:
        conn = _connect(path, readonly=True)
        try:
            rows = conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                [mig.MIGRATION_SET],
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise PlanFileError(
            N_("Messages", "{path}: damaged or unreadable plan file ({reason})"),
            path=path,
            reason=exc,
        ) from exc
    applied = [r[0] for r in rows]
    unknown = [n for n in applied if n not in mig.known_names()]
    if unknown:
        raise PlanFileError(
            N_(
                "Messages",
                "{path}: written by a newer version of qdplanner (schema {schema}); "
                "please upgrade qdplanner to open it",
            ),
            path=path,
            schema=", ".join(unknown),
        )
    return applied


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.schema{version}-{stamp}.bak")


def open_database(path: Path, *, readonly: bool = False) -> sqlite_utils.Database:
    """Open an existing plan, upgrading its schema first (after a backup copy) if it is old."""
    path = Path(path)
    applied = inspect(path)
    pending = [n for n in mig.known_names() if n not in applied]
    if pending and readonly:
        raise PlanFileError(
            N_("Messages", "{path}: needs an upgrade to the current schema but is open read-only"),
            path=path,
        )
    if pending:
        backup = backup_path(path, mig.schema_version(applied))
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: cannot write the backup copy {backup} before upgrading "
                    "({reason}); the plan was left as it was",
                ),
                path=path,
                backup=backup.name,
                reason=exc.strerror,
            ) from exc
    try:
        conn = _connect(path, readonly=readonly)
    except sqlite3.Error as exc:
        raise PlanFileError(
            N_("Messages", "{path}: cannot open ({reason})"), path=path, reason=exc
        ) from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    if pending:
        try:
            mig.migrations.apply(db)
        except sqlite3.Error as exc:
            db.close()
            raise PlanFileError(
                N_("Messages", "{path}: upgrade failed ({reason}); the plan was left as it was"),
                path=path,
                reason=exc,
            ) from exc
    return db


def create_database(path: Path, *, overwrite: bool = False) -> sqlite_utils.Database:
    """Create an empty plan file at ``path`` with the current schema."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise PlanFileError(
            N_("Messages", "{path}: already exists (choose another name)"), path=path
        )
    if not path.parent.is_dir():
        raise PlanFileError(N_("Messages", "{folder}: no such folder"), folder=path.parent)
    tmp = path.with_name(path.name + ".creating")
    tmp.unlink(missing_ok=True)
    try:
        conn = _connect(tmp)
        db = sqlite_utils.Database(conn, execute_plugins=False)
        mig.migrations.apply(db)
        db.close()
        tmp.replace(path)  # a half-created plan never appears under the user's name
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise PlanFileError(
            N_("Messages", "{path}: cannot create the plan file ({reason})"), path=path, reason=exc
        ) from exc
    return open_database(path)
