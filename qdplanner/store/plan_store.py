"""The plan store: one open plan file, its settings, and the door every write goes through."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from qdplanner.domain.enums import ChangeSource
from qdplanner.domain.status_light import LightRules
from qdplanner.errors import N_, PlanFileError, QdError, ValidationError
from qdplanner.store import plan_file
from qdplanner.store.changes import ChangeSet, current_user
from qdplanner.store.lock import PlanLock

LIGHT_RULES_KEY = "status_light_rules"


def _constraint_error(exc: sqlite3.IntegrityError) -> ValidationError:
    """The database's refusal, as a message fit to show."""
    text = str(exc)
    detail = text.split(":", 1)[-1].strip()
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
    """An open plan file. Create with :meth:`open` or :meth:`create`; close when done.

    A file-backed connection belongs to the thread that opened it: a worker thread opens
    its own ``PlanStore`` on the same path.
    """

    def __init__(
        self,
        path: Path,
        db: sqlite_utils.Database,
        *,
        readonly: bool = False,
        lock: PlanLock | None = None,
    ):
        self.path = Path(path)
        self.db = db
        self.readonly = readonly
        self.user = current_user()
        self.is_open = True
        self.lock = lock

    # -- life cycle -------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | Path, *, readonly: bool = False, break_lock: bool = False
    ) -> PlanStore:
        """Open a plan. For writing, take its lock first: :class:`PlanLockedError` says who
        holds it; ``break_lock`` takes it anyway (the user decided the holder is gone)."""
        path = Path(path)
        if readonly:
            return cls(path, plan_file.open_database(path, readonly=True), readonly=True)
        plan_file.inspect(path)  # refuse foreign files before writing a lock beside them
        lock = PlanLock(path)
        lock.acquire(steal=break_lock)
        try:
            return cls(path, plan_file.open_database(path), lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def create(cls, path: str | Path, *, overwrite: bool = False) -> PlanStore:
        path = Path(path)
        db = plan_file.create_database(path, overwrite=overwrite)
        lock = PlanLock(path)
        try:
            lock.acquire()
        except BaseException:
            db.close()
            raise
        return cls(path, db, lock=lock)

    def worker_store(self) -> PlanStore:
        """The same plan through a connection of its own, for a worker thread: call it in
        that thread and close it there. It works under this store's lock (and read-only
        when this store is), so it must be closed before this store is."""
        db = plan_file.open_database(self.path, readonly=self.readonly)
        store = PlanStore(self.path, db, readonly=self.readonly)
        store.user = self.user
        return store

    def close(self) -> None:
        if not self.is_open:
            return
        self.is_open = False
        self.db.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        """The plan's last change batch: anything prepared from the plan (an import preview)
        is still valid only while this is unchanged. Batch ids are never reused."""
        return self.db.execute("SELECT COALESCE(max(id), 0) FROM change_batches").fetchone()[0]

    # -- writes -----------------------------------------------------------------------
    @contextmanager
    def action(self, source: ChangeSource | str, description: str = "") -> Iterator[ChangeSet]:
        """One user action: a transaction whose changes are all logged, or none applied.

        A constraint the database refuses becomes a :class:`ValidationError` with a message
        fit to show; any error rolls the whole action back.
        """
        if self.readonly:
            raise PlanFileError(
                N_("Messages", "{path}: the plan is open read-only; nothing was changed"),
                path=self.path,
            )
        changes = ChangeSet(
            self.db, source=str(ChangeSource(source)), description=description, user=self.user
        )
        try:
            with self.db.atomic():
                yield changes
        except sqlite3.IntegrityError as exc:
            raise _constraint_error(exc) from exc
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise QdError(
                    N_(
                        "Messages",
                        "{path}: the plan is busy (another program is writing it); "
                        "nothing was changed, try again",
                    ),
                    path=self.path,
                ) from exc
            raise

    def save_copy(self, target: str | Path) -> None:
        """Write a consistent copy of the plan to ``target`` (SQLite's backup API).

        The copy is written beside the target first and renamed, so a failed copy never
        leaves a half-written plan under the chosen name. ``target`` may not be this plan.
        """
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
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if self.db.table("settings").count_where("key = ?", [key]):
            changes.update("settings", key, {"value": text})
        else:
            changes.insert("settings", {"key": key, "value": text})

    def light_rules(self) -> LightRules:
        """The plan's status-light thresholds (defaults when the plan sets none)."""
        return LightRules.from_dict(self.setting(LIGHT_RULES_KEY))

    def set_light_rules(self, changes: ChangeSet, rules: LightRules) -> None:
        self.set_setting(changes, LIGHT_RULES_KEY, rules.to_dict())
