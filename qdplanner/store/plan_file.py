"""Opening, creating and upgrading plan files (``*.qdplan``), and refusing everything else.

A plan file is an SQLite database whose header carries our application id and whose
``_sqlite_migrations`` table lists the migrations applied. Anything else is refused with a
one-line message and left untouched: a file is only ever written after it is recognised.

A write cut short (the program killed, the power lost) leaves a *hot* rollback journal,
``NAME.qdplan-journal``, beside the plan. It holds the pages as they were before the write,
and SQLite puts them back the next time the file is opened for writing: :func:`recover`
does that under the plan's lock and says so. A read-only connection cannot roll it back
(:class:`InterruptedChangeError` says what to do). The journal is never deleted by hand:
without it the half-written file really is damaged.

:func:`explain` puts SQLite's refusals that a user can meet (disk full, read-only file or
folder, damaged file, a drive that failed) into a sentence naming the plan.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from qdplanner.errors import N_, PlanFileError
from qdplanner.store import migrations as mig
from qdplanner.store._sqlite_utils import database
from qdplanner.store.database import FileReader, FileWriter

if TYPE_CHECKING:
    import sqlite_utils

_SQLITE_MAGIC = b"SQLite format 3\x00"

# SQLite result codes (primary code = extended code & 0xFF)
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
SQLITE_READONLY_ROLLBACK = SQLITE_READONLY | (3 << 8)  # a hot journal met read-only


class InterruptedChangeError(PlanFileError):
    """The plan's last change was cut short and must be rolled back before it is read."""


class DamagedPlanError(PlanFileError):
    """SQLite found the plan file damaged: it is not written to."""


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def error_code(exc: BaseException) -> int | None:
    """SQLite's extended result code of ``exc`` (None for errors that carry none)."""
    return getattr(exc, "sqlite_errorcode", None)


def explain(path: Path, exc: sqlite3.Error) -> PlanFileError | None:
    """``exc`` as a sentence naming ``path`` and what to do, or None when it is not one a
    user can meet (an SQL error is a bug, and stays one)."""
    code = error_code(exc)
    if code is None:
        text = str(exc)  # errors raised before SQLite answered carry no code
        code = SQLITE_FULL if "disk is full" in text else None
    if code is None:
        return None
    primary = code & 0xFF
    if code == SQLITE_READONLY_ROLLBACK:
        return interrupted(path)
    if primary == SQLITE_FULL:
        return PlanFileError(
            N_(
                "Messages",
                "{path}: the disk is full; nothing was changed. Free some space on the "
                "drive and try again",
            ),
            path=path,
        )
    if primary in (SQLITE_READONLY, SQLITE_CANTOPEN):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: cannot write the plan: the file or its folder is read-only for you; "
                "nothing was changed. Ask for write access, or save a copy elsewhere",
            ),
            path=path,
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(path, exc)
    if primary == SQLITE_IOERR:
        return PlanFileError(
            N_(
                "Messages",
                "{path}: the drive could not read or write the plan ({reason}); nothing was "
                "changed. Check the drive or the network connection and try again",
            ),
            path=path,
            reason=exc,
        )
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return PlanFileError(
            N_(
                "Messages",
                "{path}: the plan is busy (another program is writing it); "
                "nothing was changed, try again",
            ),
            path=path,
        )
    return None


def interrupted(path: Path, holder: str | None = None) -> InterruptedChangeError:
    """The message for a plan whose last change was cut short and cannot be undone here."""
    if holder:
        return InterruptedChangeError(
            N_(
                "Messages",
                "{path}: the last change to this plan was interrupted (a crash or power cut) "
                "and must be undone before the plan can be read; {who} has it open for "
                "editing: ask them to close it, then open it again. Do not delete {journal}: "
                "it holds what is needed to undo the change",
            ),
            path=path,
            who=holder,
            journal=journal_path(path).name,
        )
    return InterruptedChangeError(
        N_(
            "Messages",
            "{path}: the last change to this plan was interrupted (a crash or power cut) and "
            "must be undone before the plan can be read; open it for editing once (in the "
            "window, or with any command that changes it) by someone allowed to write the "
            "file and its folder. Do not delete {journal}: it holds what is needed to undo "
            "the change",
        ),
        path=path,
        journal=journal_path(path).name,
    )


def damaged(path: Path, reason: object) -> DamagedPlanError:
    return DamagedPlanError(
        N_(
            "Messages",
            "{path}: the plan file is damaged ({reason}); it was not changed. Open a backup "
            "copy (a NAME.qdplan…bak beside it, or your own), or save what can still be read "
            "with File → Save a Copy As…",
        ),
        path=path,
        reason=reason,
    )


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
        if error_code(exc) == SQLITE_READONLY_ROLLBACK:
            raise interrupted(path) from exc
        primary = (error_code(exc) or 0) & 0xFF
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            raise damaged(path, exc) from exc
        raise explain(path, exc) or PlanFileError(
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


def recover(path: Path) -> bool:
    """Roll back the interrupted change of ``path`` (a hot journal), as SQLite does on the
    first read of a connection that may write. Call it holding the plan's lock. Returns
    True when a change was undone. Raises :class:`PlanFileError` when it cannot be (a
    read-only file or folder): the journal is left where it is."""
    journal = journal_path(path)
    had_journal = journal.exists()
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        primary = (error_code(exc) or 0) & 0xFF
        if primary in (SQLITE_READONLY, SQLITE_CANTOPEN) or (
            primary == SQLITE_IOERR and journal.exists()
        ):
            raise interrupted(path) from exc
        raise explain(path, exc) or damaged(path, exc) from exc
    return had_journal and not journal.exists()


def quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`DamagedPlanError` unless SQLite's quick check finds the file sound
    (every page and record readable; about 50 ms for a 20,000-task plan)."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise explain(path, exc) or damaged(path, exc) from exc
    problems = [r[0] for r in rows if r[0] != "ok"]
    if problems:
        raise damaged(path, "; ".join(problems)[:300])


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.schema{version}-{stamp}.bak")


def pending_migrations(applied: list[str]) -> list[str]:
    """The migrations a plan with ``applied`` still needs, oldest first."""
    return [n for n in mig.known_names() if n not in applied]


def open_database(path: Path, *, readonly: bool = False) -> sqlite_utils.Database | FileReader:
    """Open an existing plan, upgrading its schema first (after a backup copy) if it is old.
    Read-only, it is read through plain sqlite3 (:class:`FileReader`: no sqlite-utils)."""
    path = Path(path)
    applied = inspect(path)
    pending = pending_migrations(applied)
    if pending and readonly:
        raise PlanFileError(
            N_("Messages", "{path}: needs an upgrade to the current schema but is open read-only"),
            path=path,
        )
    if pending:
        backup = backup_path(path, mig.schema_version(applied))
        try:
            import shutil  # only here: an upgrade is rare, a plan opened often

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
    if readonly:
        return FileReader(conn)
    if not pending:
        return FileWriter(conn)
    db = database(conn)
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
        try:
            mig.apply(conn)
        finally:
            conn.close()
        tmp.replace(path)  # a half-created plan never appears under the user's name
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise PlanFileError(
            N_("Messages", "{path}: cannot create the plan file ({reason})"), path=path, reason=exc
        ) from exc
    return open_database(path)
