"""A plan's address: a file path, or a plan on a server as ``postgresql://…`` (issue 19).

The one rule that tells the two apart (:func:`is_server_address`) and the address as every
message and the window's recent list show it, without a password (:func:`shown`). Pure
text, no store and no driver: the window reads its last plan with it before the store is
imported (the first frame shows before the store is loaded), and the store, the command
line and the window all use this one rule (``store.server_connect`` re-exports it).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

SCHEMES = ("postgresql://", "postgres://")


def is_server_address(text: object) -> bool:
    """Whether ``text`` names a plan on a server (else it is a file path)."""
    return isinstance(text, str) and text.strip().lower().startswith(SCHEMES)


def password_of(url: str) -> str | None:
    """The password typed into ``url`` (user part or ``?password=``), if any."""
    parts = urlsplit(url)
    if parts.password:
        return parts.password
    return dict(parse_qsl(parts.query)).get("password")


def shown(url: str) -> str:
    """``url`` without its password (in the user part or as ``?password=``)."""
    parts = urlsplit(url.strip())
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        netloc = f"{userinfo.partition(':')[0]}@{hostport}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
    query_text = urlencode(query, safe="/")
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query_text}" if query_text else "")
