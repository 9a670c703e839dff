"""A lock file beside a plan, so two people never write the same plan at once.

Plans sit on shared office drives, where SQLite's own locking is unreliable across machines.
Opening a plan for writing creates ``NAME.qdplan.lock`` (exclusively) holding who, where and
since when; a second writer waits a few seconds for it (:data:`DEFAULT_WAIT`, or
``QDPLANNER_LOCK_WAIT``), then is refused with the holder named (the window offers read-only).
A lock left by a crashed program on this computer is recognised as stale, and so is a lock
file nobody can read (empty or garbled: its writer died while writing it, or the disk was
full) once it is older than :data:`UNREADABLE_GRACE` seconds; any lock can be broken by the
user (``--break-lock``, or the window's offer). A lock that cannot be written whole (a full
disk) is removed again, so it never strands the plan.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from qdplanner.errors import N_, QdError
from qdplanner.store.changes import current_user

DEFAULT_WAIT = 5.0  # seconds a writer waits for another writer's lock before refusing
UNREADABLE_GRACE = 10.0  # seconds after which a lock file nobody can read is stale
_POLL = 0.1


def default_wait() -> float:
    """Seconds to wait for another writer: ``QDPLANNER_LOCK_WAIT``, else :data:`DEFAULT_WAIT`."""
    try:
        return max(0.0, float(os.environ.get("QDPLANNER_LOCK_WAIT", DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: str  # ISO timestamp, UTC
    token: str = ""  # tells two locks of the same process apart

    def describe(self) -> str:
        return f"{self.user} @ {self.host}, {self.since[:16].replace('T', ' ')} UTC"


class PlanLockedError(QdError):
    """The plan is open for writing elsewhere; ``info`` says by whom (None if unreadable)."""

    def __init__(self, path: Path, info: LockInfo | None):
        if info is None:
            super().__init__(
                N_(
                    "Messages",
                    "{path}: already open by someone (the lock file {lock} is unreadable; if "
                    "nobody has the plan open, break the lock: --break-lock, or the window's "
                    "offer)",
                ),
                path=path,
                lock=lock_path(path).name,
            )
        else:
            super().__init__(
                N_("Messages", "{path}: already open by {who}"), path=path, who=info.describe()
            )
        self.path = path
        self.info = info


def lock_path(plan: Path) -> Path:
    return plan.with_name(plan.name + ".lock")


def read_lock(plan: Path) -> LockInfo | None:
    """The lock on ``plan``, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads(lock_path(plan).read_text(encoding="utf-8"))
        return LockInfo(
            str(data["user"]),
            str(data["host"]),
            int(data["pid"]),
            str(data["since"]),
            str(data.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def is_stale(info: LockInfo | None) -> bool:
    """True when the lock was left by a program on this computer that is no longer running."""
    return info is not None and info.host == socket.gethostname() and not _process_alive(info.pid)


def _unreadable_and_old(plan: Path) -> bool:
    """A lock file nobody can read, written more than :data:`UNREADABLE_GRACE` s ago: its
    writer died while writing it (or the disk was full). A younger one may be being written."""
    try:
        age = time.time() - lock_path(plan).stat().st_mtime
    except OSError:
        return False
    return read_lock(plan) is None and age > UNREADABLE_GRACE


class PlanLock:
    """Held while a plan is open for writing; :meth:`release` removes the file."""

    def __init__(self, plan: Path):
        self.plan = Path(plan)
        self.path = lock_path(self.plan)
        self.info = LockInfo(
            current_user(),
            socket.gethostname(),
            os.getpid(),
            datetime.now(UTC).isoformat(timespec="seconds"),
            os.urandom(8).hex(),  # as secrets.token_hex(8), without its hashlib (~5 ms)
        )
        self.held = False

    def acquire(self, *, steal: bool = False, wait: float = 0.0) -> None:
        """Create the lock file; raise :class:`PlanLockedError` if another holds it.

        A stale lock (its program is gone, or the file is unreadable and old) is replaced
        silently; ``steal`` replaces any. A live holder is waited for up to ``wait`` seconds.
        """
        deadline = time.monotonic() + wait
        while True:
            if self.path.exists() and (
                steal or is_stale(read_lock(self.plan)) or _unreadable_and_old(self.plan)
            ):
                self.path.unlink(missing_ok=True)
            try:
                self._create()
                return
            except PlanLockedError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(_POLL)

    def _create(self) -> None:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise PlanLockedError(self.plan, read_lock(self.plan)) from None
        except OSError as exc:
            raise self._cannot_write(exc) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self.info), fh, ensure_ascii=False)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:  # a full disk: never leave an empty lock behind
            self.path.unlink(missing_ok=True)
            raise self._cannot_write(exc) from exc
        self.held = True

    def _cannot_write(self, exc: OSError) -> QdError:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return QdError(
                N_(
                    "Messages",
                    "{path}: the disk is full (the lock file {lock} cannot be written); "
                    "nothing was changed. Free some space on the drive and try again",
                ),
                path=self.plan,
                lock=self.path.name,
            )
        return QdError(
            N_(
                "Messages",
                "{path}: cannot create the lock file {lock} ({reason}); is the folder read-only?",
            ),
            path=self.plan,
            lock=self.path.name,
            reason=exc.strerror,
        )

    def release(self) -> None:
        """Remove the lock file if it is still ours (someone may have broken it)."""
        if not self.held:
            return
        self.held = False
        if read_lock(self.plan) == self.info:
            self.path.unlink(missing_ok=True)
