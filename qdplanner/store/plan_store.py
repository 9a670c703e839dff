"""The plan store: one open plan file, its settings, and the door every write goes through."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.status_light import LightRules
from qdplanner.errors import N_, PlanFileError, QdError, ValidationError
from qdplanner.store import plan_file
from qdplanner.store.changes import ChangeSet, current_user
from qdplanner.store.server_connect import is_server_address
from qdplanner.store.server_plan import ServerPlan

if TYPE_CHECKING:
    from qdplanner.store.conflicts import OtherChange
    from qdplanner.store.lock import PlanLock

LIGHT_RULES_KEY = "status_light_rules"


def _take_lock(path: Path, *, steal: bool, wait: float | None) -> PlanLock:
    """The plan's lock, taken: waiting up to ``wait`` seconds for another writer (None:
    :func:`~qdplanner.store.lock.default_wait`). The lock module is loaded here, when a plan
    is to be written: a plan read (``qdplanner status``) takes no lock."""
    from qdplanner.store.lock import PlanLock, default_wait

    lock = PlanLock(path)
    lock.acquire(steal=steal, wait=default_wait() if wait is None else wait)
    return lock


def _constraint_error(exc: Exception) -> ValidationError:
    """The database's refusal, as a message fit to show (either engine's: a server's is
    said as SQLite says it, so both give the same sentence)."""
    if isinstance(exc, sqlite3.IntegrityError):
        text = str(exc)
        detail = text.split(":", 1)[-1].strip()
    else:
        from qdplanner.store.pg_database import integrity_parts

        kind, detail = integrity_parts(exc)  # type: ignore[arg-type]
        text = f"{kind} constraint failed: {detail}" if kind else detail
    if "CHECK constraint failed" in text:
        template = N_("Messages", "Not saved: a value is out of range or inconsistent ({detail})")
    elif "UNIQUE constraint failed" in text:
        template = N_("Messages", "Not saved: a record with the same {detail} already exists")
    elif "FOREIGN KEY constraint failed" in text:
        template = N_(
            "Messages",
            "Not saved: it refers to a record that does not exist, or is still used by others",
        )
    elif "NOT NULL constraint failed" in text:
        template = N_("Messages", "Not saved: a required value is missing ({detail})")
    else:
        template = N_("Messages", "Not saved: {detail}")
        detail = text
    return ValidationError(template, detail=detail)


class PlanStore:
    """An open plan: a file, or a database on a PostgreSQL server (``path`` is then a
    :class:`~qdplanner.store.server_plan.ServerPlan`, and ``engine`` "postgresql"). Create
    with :meth:`open` or :meth:`create`; close when done.

    A connection belongs to the thread that opened it: a worker thread opens its own
    ``PlanStore`` on the same plan (:meth:`worker_store`).
    """

    engine = "sqlite"
    # the errors of the engine that a user's action can meet (a server store adds its own)
    _integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
    _engine_errors: tuple[type[Exception], ...] = (sqlite3.Error,)

    def __init__(
        self,
        path: Path | ServerPlan,
        db: Any,
        *,
        readonly: bool = False,
        lock: PlanLock | None = None,
    ):
        self.path = path if isinstance(path, ServerPlan) else Path(path)
        self.db = db
        self.readonly = readonly
        self.user = current_user()
        self.os_user = self.user
        if isinstance(path, ServerPlan):
            import psycopg

            self.engine = "postgresql"
            self._integrity_errors = (psycopg.IntegrityError,)
            self._engine_errors = (psycopg.Error,)
            self.user = db.role()  # the change log names the database role
        # this open plan, as the change log names the client of each batch: another window or
        # process — even of the same user — is "someone else" (store/conflicts.py)
        self.client = uuid.uuid4().hex
        self.is_open = True
        self.lock = lock
        self.recovered = False  # the last change was interrupted and has been undone on open
        # read-only because the server's role may only read the plan (not asked for)
        self.role_reads_only = False
        self._checked = False  # SQLite's quick check passed (done before the first write)
        # the engine's catalogue, read once (store.records): kind → key fields, → fields
        self._key_columns: dict[str, list[str]] = {}
        self._columns: dict[str, frozenset[str]] = {}

    # -- life cycle -------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        readonly: bool = False,
        break_lock: bool = False,
        wait: float | None = None,
    ) -> PlanStore:
        """Open a plan. For writing, take its lock first, waiting up to ``wait`` seconds
        (default :func:`~qdplanner.store.lock.default_wait`) for another writer:
        :class:`PlanLockedError` says who holds it; ``break_lock`` takes it anyway (the user
        decided the holder is gone).

        A plan whose last change was interrupted (a hot journal) is rolled back first, under
        the lock, also when it is opened read-only; ``recovered`` is then True so the caller
        can say so once. When that cannot be done here (someone else holds the lock, or the
        file is read-only) :class:`~qdplanner.store.plan_file.InterruptedChangeError` says
        what to do.

        ``path`` may be a server plan's address (``postgresql://…``): no lock is taken (each
        edit is a short transaction on the server), and ``break_lock`` and ``wait`` do not
        apply."""
        if isinstance(path, ServerPlan) or is_server_address(path):
            return cls._open_server(ServerPlan(path), readonly=readonly)  # type: ignore[arg-type]
        path = Path(path)
        recovered = False
        try:
            applied = plan_file.inspect(path)  # refuse foreign files before writing a lock
        except plan_file.InterruptedChangeError:
            recovered = cls._recover(path, break_lock=break_lock, wait=wait)
            applied = plan_file.inspect(path)
        if readonly and plan_file.pending_migrations(applied):
            cls._upgrade(path, break_lock=break_lock, wait=wait)
        if readonly:
            store = cls(path, plan_file.open_database(path, readonly=True), readonly=True)
            store.recovered = recovered
            return store
        lock = _take_lock(path, steal=break_lock, wait=wait)
        try:
            store = cls(path, plan_file.open_database(path), lock=lock)
        except BaseException:
            lock.release()
            raise
        store.recovered = recovered
        return store

    @staticmethod
    def _recover(path: Path, *, break_lock: bool, wait: float | None) -> bool:
        """Roll back an interrupted change under the plan's lock; True when one was undone."""
        from qdplanner.store.lock import PlanLockedError

        try:
            lock = _take_lock(path, steal=break_lock, wait=wait)
        except PlanLockedError as exc:
            holder = exc.info.describe() if exc.info else "?"
            raise plan_file.interrupted(path, holder) from exc
        except QdError as exc:  # no lock can be written here: a read-only folder
            raise plan_file.interrupted(path) from exc
        try:
            return plan_file.recover(path)
        finally:
            lock.release()

    @staticmethod
    def _upgrade(path: Path, *, break_lock: bool, wait: float | None) -> None:
        """Upgrade a plan written by an older version before it is read: under its lock,
        as any open for writing does (after a backup copy beside it)."""
        from qdplanner.store.lock import PlanLockedError

        try:
            lock = _take_lock(path, steal=break_lock, wait=wait)
        except PlanLockedError as exc:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: written by an older version of qdplanner, and must be upgraded "
                    "before it can be read; {who} has it open for editing: ask them to close "
                    "it (their program upgrades it when it next opens it)",
                ),
                path=path,
                who=exc.info.describe() if exc.info else "?",
            ) from exc
        try:
            plan_file.open_database(path).close()
        finally:
            lock.release()

    @classmethod
    def _open_server(cls, plan: ServerPlan, *, readonly: bool) -> PlanStore:
        from qdplanner.store import pg_database

        db = pg_database.open_database(plan, readonly=readonly)
        try:
            reader = not readonly and not db.may_write()  # the role may only read
            store = cls(plan, db, readonly=readonly or reader)
        except BaseException:
            db.close()
            raise
        store.role_reads_only = reader
        return store

    @classmethod
    def create(cls, path: str | Path, *, overwrite: bool = False) -> PlanStore:
        """A new, empty plan: a file, or on the empty database at a ``postgresql://``
        address (``overwrite`` applies to files only: a server plan is replaced with
        ``qdplanner copy``)."""
        if isinstance(path, ServerPlan) or is_server_address(path):
            from qdplanner.store import pg_database

            plan = ServerPlan(path)  # type: ignore[arg-type]
            db = pg_database.create_database(plan)
            try:
                return cls(plan, db)
            except BaseException:
                db.close()
                raise
        path = Path(path)
        db = plan_file.create_database(path, overwrite=overwrite)
        try:
            lock = _take_lock(path, steal=False, wait=0.0)
        except BaseException:
            db.close()
            raise
        return cls(path, db, lock=lock)

    def worker_store(self) -> PlanStore:
        """The same plan through a connection of its own, for a worker thread: call it in
        that thread and close it there. It works under this store's lock (and read-only
        when this store is), so it must be closed before this store is."""
        if isinstance(self.path, ServerPlan):
            from qdplanner.store import pg_database

            db = pg_database.open_database(self.path, readonly=self.readonly)
        else:
            db = plan_file.open_database(self.path, readonly=self.readonly)
        store = PlanStore(self.path, db, readonly=self.readonly)
        store.user = self.user
        store.client = self.client  # the same editor: its changes are not someone else's
        return store

    def ready_to_write(self) -> None:
        """Load now what the first write would load (a plan file's sqlite-utils, ~45 ms):
        the window calls it when idle after showing the plan, so the first edit does not
        wait for it. Nothing to do read-only or on a server."""
        from qdplanner.store.database import FileWriter

        if self.is_open and isinstance(self.db, FileWriter):
            self.db.writer  # noqa: B018  (made: sqlite-utils imported)

    def close(self) -> None:
        if not self.is_open:
            return
        self.is_open = False
        self.db.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        self.close()
        if isinstance(exc, self._engine_errors) and (told := self._told(exc)):
            raise told from exc

    def _told(self, exc: BaseException) -> QdError | None:
        if isinstance(self.path, ServerPlan):
            from qdplanner.store import pg_database

            return pg_database.explain(self.path, exc)
        return plan_file.explain(self.path, exc)  # type: ignore[arg-type]

    def explain(self, exc: BaseException) -> BaseException:
        """``exc`` as a sentence naming this plan when it is a refusal a user can meet
        (disk full, read-only, damaged file; on a server: connection lost, permission
        denied …); otherwise ``exc`` itself."""
        if isinstance(exc, self._engine_errors):
            return self._told(exc) or exc
        return exc

    def check_integrity(self) -> None:
        """Refuse (:class:`~qdplanner.store.plan_file.DamagedPlanError`) a damaged plan file;
        done once per store, before its first write, so a damaged plan is never written to.
        (A server checks its own pages: nothing to do for a server plan.)"""
        if not self._checked and self.engine == "sqlite":
            plan_file.quick_check(self.db.conn, self.path)
            self._checked = True

    @property
    def version(self) -> int:
        """The plan's last change batch: anything prepared from the plan (an import preview)
        is still valid only while this is unchanged. Batch ids are never reused."""
        return self.db.execute("SELECT COALESCE(max(id), 0) FROM change_batches").fetchone()[0]

    def latest_batch(self) -> int:
        """The newest batch id: what a view has read when it loads (pass it as ``seen``).
        On a server batch ids are commit-ordered, so every batch up to it is in what the
        view reads next."""
        return self.version

    def changed_by_me_since(self, batch_id: int) -> bool:
        """Whether this client (this store and its worker stores) wrote a batch after
        ``batch_id``."""
        row = self.db.execute(
            "SELECT 1 FROM change_batches WHERE id > ? AND client = ? LIMIT 1",
            [batch_id, self.client],
        ).fetchone()
        return row is not None

    def own_latest_batch(self) -> int | None:
        """The newest batch this client (this store and its worker stores) wrote."""
        return self.db.execute(
            "SELECT max(id) FROM change_batches WHERE client = ?", [self.client]
        ).fetchone()[0]

    def changed_since(
        self, batch_id: int, records: Iterable[tuple[str, Any]] | None = None
    ) -> list[OtherChange]:
        """What other clients changed after ``batch_id`` of ``records`` ((entity, id or key
        JSON) pairs; by default those batch ``batch_id`` logged — what undoing it would
        write): the newest change of each, oldest record first. Empty: safe to undo."""
        from qdplanner.store.conflicts import changed_since

        return changed_since(self, batch_id, records)

    # -- writes -----------------------------------------------------------------------
    @contextmanager
    def action(
        self,
        source: ChangeSource | str,
        description: str = "",
        *,
        seen: int | None = None,
        reread: Mapping[tuple[str, Any], int] | None = None,
    ) -> Iterator[ChangeSet]:
        """One user action: a transaction whose changes are all logged, or none applied.

        A constraint the database refuses becomes a :class:`ValidationError` with a message
        fit to show; any error rolls the whole action back.

        ``seen``: the newest batch the editing view had read (:meth:`latest_batch`). An
        update, removal or logged field change of a record another client changed after it
        raises :class:`~qdplanner.store.conflicts.ConflictError` (``reread``: records read
        again since, with the batch they were read at). None: no check (a command line's
        action reads what it changes in the same transaction).

        On a server each action first takes the plan's advisory lock (check-then-write is
        atomic, batch ids commit-ordered) and, when it wrote a batch, sends
        ``NOTIFY qdplanner_changes, '<batch id>'`` — delivered when it commits.
        """
        if self.role_reads_only:
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: your database role {role} may read this plan but not change it "
                    "(ask the plan's administrator); nothing was changed",
                ),
                path=self.path,
                role=self.user,
            )
        if self.readonly:
            raise PlanFileError(
                N_("Messages", "{path}: the plan is open read-only; nothing was changed"),
                path=self.path,
            )
        self.check_integrity()
        changes = ChangeSet(
            self.db,
            source=str(ChangeSource(source)),
            description=description,
            user=self.user,
            key_columns=self._key_columns,
            os_user=self.os_user,
            client=self.client,
            seen=seen,
            reread=reread,
            store=self,
        )
        server = self.engine == "postgresql"
        try:
            with self.db.atomic():
                if server:
                    from qdplanner.store.pg_database import begin_write

                    begin_write(self.db)
                yield changes
                if server and changes.written_batch is not None:
                    from qdplanner.store.pg_database import notify_batch

                    notify_batch(self.db, changes.written_batch)
        except self._integrity_errors as exc:
            raise _constraint_error(exc) from exc
        except self._engine_errors as exc:
            told = self._told(exc)
            if told is None:
                raise
            raise told from exc

    def save_copy(self, target: str | Path) -> None:
        """Write a consistent copy of the plan to ``target`` (SQLite's backup API).

        The copy is written beside the target first and renamed, so a failed copy never
        leaves a half-written plan under the chosen name. ``target`` may not be this plan.
        """
        if isinstance(self.path, ServerPlan) or is_server_address(target):
            raise PlanFileError(
                N_(
                    "Messages",
                    "{path}: a plan on a server is copied with qdplanner copy SOURCE TARGET",
                ),
                path=self.path,
            )
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise PlanFileError(
                N_("Messages", "{path}: that is the plan itself; choose another name"),
                path=target,
            )
        tmp = target.with_name(target.name + ".copying")
        try:
            tmp.unlink(missing_ok=True)
            dest = sqlite3.connect(str(tmp))
            try:
                self.db.conn.backup(dest)
            finally:
                dest.close()
            tmp.replace(target)
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            raise PlanFileError(
                N_("Messages", "{path}: cannot save the copy ({reason})"), path=target, reason=exc
            ) from exc

    # -- settings ---------------------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, changes: ChangeSet, key: str, value: Any) -> None:
        """Store ``value`` (as JSON) under ``key``, logged. A change is logged with the
        setting's name as its key, so the History names the setting."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if self.db.execute("SELECT 1 FROM settings WHERE key = ?", [key]).fetchone():
            changes.update("settings", (key,), {"value": text})
        else:
            changes.insert("settings", {"key": key, "value": text})

    def light_rules(self) -> LightRules:
        """The plan's status-light thresholds (defaults when the plan sets none)."""
        return LightRules.from_dict(self.setting(LIGHT_RULES_KEY))

    def set_light_rules(self, changes: ChangeSet, rules: LightRules) -> None:
        self.set_setting(changes, LIGHT_RULES_KEY, rules.to_dict())
