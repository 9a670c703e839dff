"""A lock file beside a plan, so two people never write the same plan at once.

Plans sit on shared office drives, where SQLite's own locking is unreliable across machines.
Opening a plan for writing creates ``NAME.qdplan.lock`` (exclusively) holding who, where and
since when; a second writer finds it and opens read-only instead. A lock left by a crashed
program on this computer is recognised as stale; any lock can be broken by the user.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from qdplanner.errors import N_, QdError
from qdplanner.store.changes import current_user


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
                N_("Messages", "{path}: already open by someone (the lock file is unreadable)"),
                path=path,
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
            secrets.token_hex(8),
        )
        self.held = False

    def acquire(self, *, steal: bool = False) -> None:
        """Create the lock file; raise :class:`PlanLockedError` if another holds it.

        A stale lock (its program is gone) is replaced silently; ``steal`` replaces any.
        """
        existing = read_lock(self.plan) if self.path.exists() else None
        if self.path.exists() and (steal or is_stale(existing)):
            self.path.unlink(missing_ok=True)
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            raise PlanLockedError(self.plan, read_lock(self.plan)) from None
        except OSError as exc:
            raise QdError(
                N_(
                    "Messages",
                    "{path}: cannot create the lock file {lock} ({reason}); is the "
                    "folder read-only?",
                ),
                path=self.plan,
                lock=self.path.name,
                reason=exc.strerror,
            ) from exc
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self.info), fh, ensure_ascii=False)
        self.held = True

    def release(self) -> None:
        """Remove the lock file if it is still ours (someone may have broken it)."""
        if not self.held:
            return
        self.held = False
        if read_lock(self.plan) == self.info:
            self.path.unlink(missing_ok=True)
