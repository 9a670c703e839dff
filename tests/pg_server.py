"""A throw-away PostgreSQL server for the tests (issue 19).

The test run starts its own server: ``initdb`` into a temporary folder, then ``pg_ctl start``
with TCP switched off, listening on a Unix socket in that folder only. Nothing of the
machine's own PostgreSQL (a cluster of the Debian package, ``~/.pgpass``, a service file) is
read or touched. The binaries are Debian's (``/usr/lib/postgresql/<version>/bin``, from
``apt-get install postgresql``), or those in ``QDPLANNER_PG_BINDIR``, or on the ``PATH``.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
unprivileged user ``nobody`` (``runuser``, else ``setpriv``) and the folder belongs to it;
a normal user runs it as themself. Authentication is ``trust`` for the superuser
``postgres``: the socket sits in a folder only the server's user and root can enter.

:func:`find_bindir` says where the binaries are (None when missing: the fixtures skip and
say what to install). :class:`PgServer` starts and stops the server and makes databases.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

SKIP_REASON = "PostgreSQL server binaries not found: apt-get install postgresql"
SERVER_USER = "nobody"  # who runs the server when the tests run as root
SUPERUSER = "postgres"  # the database superuser initdb creates (trust authentication)
_NEEDED = ("initdb", "pg_ctl", "postgres")


def _has_binaries(folder: Path) -> bool:
    return all((folder / name).is_file() for name in _NEEDED)


def _version_key(folder: Path) -> tuple[int, ...]:
    """``/usr/lib/postgresql/15/bin`` → (15,): the newest version wins."""
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name)) or (0,)


def find_bindir() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or None."""
    chosen = os.environ.get("QDPLANNER_PG_BINDIR")
    if chosen:
        return Path(chosen) if _has_binaries(Path(chosen)) else None
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_version_key, reverse=True)
    for folder in debian:
        if _has_binaries(folder):
            return folder
    on_path = shutil.which("initdb")
    if on_path and _has_binaries(Path(on_path).parent):
        return Path(on_path).parent
    return None


def _as_server_user() -> list[str]:
    """The command prefix that runs a program as the server's user ([] when not root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser"):
        return ["runuser", "-u", SERVER_USER, "--"]
    if shutil.which("setpriv"):
        return ["setpriv", f"--reuid={SERVER_USER}", f"--regid={SERVER_USER}", "--clear-groups"]
    raise RuntimeError(
        "the tests run as root and neither runuser nor setpriv is here to start "
        f"PostgreSQL as {SERVER_USER!r}"
    )


class PgServer:
    """One server in a temporary folder: :meth:`start`, :meth:`url`, :meth:`stop`."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="qdp-pg-"))  # short: a socket path is ≤ 107
        self.data = self.root / "data"
        self.socket_dir = self.root
        self.log = self.root / "server.log"
        self.running = False
        self._prefix = _as_server_user()
        if self._prefix:
            shutil.chown(self.root, user=SERVER_USER, group=_group_of(SERVER_USER))
        self._serial = 0
        self._serial_lock = threading.Lock()  # databases are also made by Spares' thread

    # -- life cycle ------------------------------------------------------------------
    def _run(self, *args: str) -> None:
        command = [*self._prefix, *args]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
        done = subprocess.run(
            command, cwd=self.root, env=env, capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{log}"
            )

    def start(self) -> PgServer:
        self._run(
            str(self.bindir / "initdb"),
            "--pgdata",
            str(self.data),
            "--username",
            SUPERUSER,
            "--auth",
            "trust",
            "--encoding",
            "UTF8",
            "--locale",
            "C",  # byte order, as SQLite's BINARY collation sorts text
            "--no-sync",
        )
        options = " ".join(
            [
                "-c listen_addresses=''",  # no TCP: the Unix socket only
                f"-c unix_socket_directories='{self.socket_dir}'",
                "-c fsync=off",  # a throw-away server: speed over durability
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=50",
            ]
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--log",
            str(self.log),
            "--options",
            options,
            "--wait",
            "--timeout",
            "60",
            "start",
        )
        self.running = True
        return self

    def stop(self) -> None:
        """Stop the server (fast: open connections are cut) and remove its folder."""
        if self.running or (self.data / "postmaster.pid").exists():  # also a start cut short
            self.running = False
            try:
                self._run(
                    str(self.bindir / "pg_ctl"), "--pgdata", str(self.data), "-m", "fast", "stop"
                )
            finally:
                shutil.rmtree(self.root, ignore_errors=True)
        else:
            shutil.rmtree(self.root, ignore_errors=True)

    # -- databases -------------------------------------------------------------------
    def url(self, dbname: str = "postgres") -> str:
        """The libpq URL of ``dbname`` on this server (the socket folder as ``host``)."""
        return f"postgresql:///{quote(dbname)}?host={quote(str(self.socket_dir))}&user={SUPERUSER}"

    def _admin(self):
        import psycopg

        return psycopg.connect(self.url(), autocommit=True)

    def create_database(self, prefix: str = "plan", *, template: str | None = None) -> str:
        """A fresh database, empty or a copy of the database ``template`` (which nobody may
        be connected to: a file-level copy, much faster than making a plan's schema); its
        name back."""
        with self._serial_lock:
            self._serial += 1
            name = f"{prefix}_{os.getpid()}_{self._serial}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _group_of(user: str) -> str | int:
    import grp
    import pwd

    gid = pwd.getpwnam(user).pw_gid
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return gid
