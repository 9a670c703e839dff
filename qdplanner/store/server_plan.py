"""What a server plan's store keeps where a file plan's keeps its path (issue 19).

:class:`ServerPlan` is the address of a plan on a PostgreSQL server: shown without a
password (:func:`~qdplanner.store.server_connect.shown`; one typed into the URL is used to
connect, never shown or stored), and named by its database (``name``, ``stem``) as a file
plan is named by its file — the workbook and report code name a plan by ``store.path.name``
and ``.stem``, on either engine. Pure text: no driver is imported here.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from qdplanner.store.server_connect import is_server_address, shown


class ServerPlan:
    """The address of a plan on a server."""

    def __init__(self, url: str | ServerPlan):
        if isinstance(url, ServerPlan):
            url = url.conninfo
        if not is_server_address(url):
            raise ValueError(f"not a postgresql:// address: {url!r}")
        self.conninfo = str(url)  # what libpq is given: the address as typed
        self.shown = shown(self.conninfo)
        self.dbname = unquote(urlsplit(self.conninfo).path.lstrip("/"))

    @property
    def name(self) -> str:
        return self.dbname or self.shown

    @property
    def stem(self) -> str:
        return self.name

    def resolve(self) -> ServerPlan:
        return self

    def __str__(self) -> str:
        return self.shown

    def __repr__(self) -> str:
        return f"ServerPlan({self.shown!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ServerPlan) and other.shown == self.shown

    def __hash__(self) -> int:
        return hash(self.shown)
