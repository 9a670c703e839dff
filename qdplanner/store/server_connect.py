"""A server plan for ``qdplanner copy`` and ``init``: its address shown, a connection to it.

A plan is a file path or a server address in libpq's URL form,
``postgresql://[user@]host[:port]/dbname`` (``postgres://`` too; ``?host=/run/postgresql``
for a Unix socket). The password comes from ``~/.pgpass``, a service file or the
environment, as libpq reads them; one typed into the address is used but never shown:
:func:`shown` is the address every message names (no password in the user part, none as
``?password=``).

:func:`connect` opens a psycopg 3 connection (autocommit off: the caller's transaction) and
turns a refusal into one line naming the address (:class:`ServerError`); :func:`explain`
does the same for what the server refuses later (permission denied, a lock not granted, the
connection lost). psycopg is imported only when a server is used. Copying works on the
connection directly (``COPY``, one transaction), not through the store's engine facade.
"""

from __future__ import annotations

from typing import Any

from qdplanner.addresses import SCHEMES, is_server_address, shown
from qdplanner.addresses import password_of as _password
from qdplanner.errors import N_, QdError

__all__ = ["SCHEMES", "ServerError", "connect", "explain", "is_server_address", "reason", "shown"]

CONNECT_TIMEOUT = 10  # seconds, unless the address says otherwise
LOCK_TIMEOUT = "10s"  # how long a copy waits for a plan others are using


class ServerError(QdError):
    """The server cannot be reached, or refused what was asked; names the address."""


def reason(exc: BaseException, url: str = "") -> str:
    """The server's own words for ``exc`` on one line, any password taken out."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    for prefix in ("connection failed: ", "FATAL:  ", "ERROR:  "):
        text = text.removeprefix(prefix)
    text = text.replace("failed: FATAL:  ", "failed: ")  # libpq: 'connection to server at …'
    password = _password(url) if url else None
    if password:
        text = text.replace(password, "***")
    return text


def _refusal(exc: BaseException, said: str) -> str:
    """The message for a refusal to connect: a password missing or wrong says where
    qdplanner's password comes from (it asks for none), anything else is libpq's words."""
    if getattr(exc, "sqlstate", None) == "28P01" or "password authentication failed" in said:
        return N_(
            "Messages",
            "{address}: the server refused the password ({reason}): the one given for this "
            "user in ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf) or PGPASSWORD is "
            "not the role's; ask whoever runs the server",
        )
    if "no password supplied" in said:
        return N_(
            "Messages",
            "{address}: the server asks for a password and none was found ({reason}): put it "
            "in ~/.pgpass, one line host:port:database:user:password readable by you alone "
            "(chmod 600 ~/.pgpass; Windows: %APPDATA%\\postgresql\\pgpass.conf), or in "
            "PGPASSWORD; qdplanner never asks for one",
        )
    return N_("Messages", "{address}: cannot connect to the server ({reason})")


def connect(url: str, *, purpose: str = "qdplanner") -> Any:
    """A psycopg connection to the plan at ``url`` (autocommit off); :class:`ServerError`
    naming the address when there is no driver, no server, no database or no permission."""
    try:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict
    except ImportError as exc:
        raise ServerError(
            N_(
                "Messages",
                "{address}: a plan on a server needs the PostgreSQL driver psycopg, which is "
                "not installed (pip install 'psycopg[binary]')",
            ),
            address=shown(url),
        ) from exc
    try:
        given = conninfo_to_dict(url)
        extra: dict[str, Any] = {}
        if "connect_timeout" not in given:
            extra["connect_timeout"] = CONNECT_TIMEOUT
        if "application_name" not in given:
            extra["application_name"] = purpose
        conn = psycopg.connect(url, autocommit=False, **extra)
    except psycopg.Error as exc:
        raise ServerError(
            _refusal(exc, reason(exc, url)), address=shown(url), reason=reason(exc, url)
        ) from None  # psycopg's own text may carry the address as typed
    conn.execute(f"SET lock_timeout = '{LOCK_TIMEOUT}'")
    conn.commit()
    return conn


def explain(url: str, exc: BaseException) -> ServerError | None:
    """What the server refused, as a line naming the address; None when ``exc`` is not a
    refusal a user can meet (an SQL error is a bug, and stays one)."""
    try:
        import psycopg
        from psycopg import errors
    except ImportError:
        return None
    if not isinstance(exc, psycopg.Error):
        return None
    fields = {"address": shown(url), "reason": reason(exc, url)}
    if isinstance(exc, errors.InsufficientPrivilege):
        return ServerError(
            N_("Messages", "{address}: permission denied ({reason}); nothing was changed"),
            **fields,
        )
    if isinstance(exc, errors.LockNotAvailable):
        return ServerError(
            N_(
                "Messages",
                "{address}: the plan is in use by others and was not released in time "
                "({reason}); nothing was changed, try again",
            ),
            **fields,
        )
    if isinstance(exc, psycopg.OperationalError):
        return ServerError(
            N_(
                "Messages",
                "{address}: the connection to the server failed ({reason}); nothing was changed",
            ),
            **fields,
        )
    return None
