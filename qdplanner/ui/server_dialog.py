"""File → Open Server Plan…: the address of a plan kept on a PostgreSQL server (issue 19).

The dialog asks for host, port, database and user — or a ``postgresql://`` address typed
whole — and keeps the two in step: what is typed in the fields is written as the address,
an address typed or pasted is read back into the fields. It never asks for a password and
keeps none: libpq reads it from ``~/.pgpass``, a service file or ``PGPASSWORD`` (the
dialog says so). A password typed into the address is used to connect, never remembered
(the recent list keeps the address without it, :func:`qdplanner.addresses.shown`).

Also here: :func:`password_help`, what the window adds when the server asks for a
password, and :func:`remembered_servers`, the server addresses of the recent list.
"""

from __future__ import annotations

import getpass
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qdplanner.addresses import is_server_address, shown

DEFAULT_PORT = 5432
SCHEME = "postgresql://"
# libpq's error for "this server wants a password" (SQLSTATE 28P01 when one was wrong)
_PASSWORD_STATES = {"28P01"}
_PASSWORD_WORDS = ("password", "口令", "密码")


def compose(host: str, port: str, database: str, user: str) -> str:
    """The libpq URL of these fields (a host starting with / is a Unix socket's folder)."""
    host, port, database, user = (x.strip() for x in (host, port, database, user))
    netloc = f"{quote(user, safe='')}@" if user else ""
    query: list[str] = []
    if host.startswith("/"):
        query.append(f"host={quote(host, safe='/')}")
        if port:
            query.append(f"port={port}")
    else:
        netloc += f"[{host}]" if ":" in host else quote(host, safe=".-")
        if port:
            netloc += f":{port}"
    text = f"{SCHEME}{netloc}/{quote(database, safe='')}"
    return text + ("?" + "&".join(query) if query else "")


def fields_of(address: str) -> dict[str, str] | None:
    """host, port, database and user read from ``address`` (None: not a server address)."""
    if not is_server_address(address):
        return None
    parts = urlsplit(address.strip())
    query = dict(parse_qsl(parts.query))
    netloc = parts.netloc
    userinfo, _, hostport = netloc.rpartition("@")
    if hostport.startswith("["):
        host, _, rest = hostport[1:].partition("]")
        port = rest.removeprefix(":")
    else:
        host, _, port = hostport.partition(":")
    return {
        "host": query.get("host", unquote(host)),
        "port": query.get("port", port),
        "database": query.get("dbname", unquote(parts.path.lstrip("/"))),
        "user": query.get("user", unquote(userinfo.partition(":")[0])),
    }


def remembered_servers() -> list[str]:
    """The server addresses of the recent list, newest first (kept without passwords)."""
    recent = QSettings().value("files/recent", [], type=list)
    return [a for a in recent if a and is_server_address(a)]


def asks_for_password(exc: BaseException) -> bool:
    """Whether ``exc`` (a refusal to connect) is the server asking for a password."""
    seen: BaseException | None = exc
    while seen is not None:
        if getattr(seen, "sqlstate", None) in _PASSWORD_STATES:
            return True
        if any(word in str(seen).lower() for word in _PASSWORD_WORDS):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def password_help() -> str:
    """How to give the server a password (qdplanner never asks for one or keeps one)."""
    return QCoreApplication.translate(
        "ServerPlan",
        "The server asks for a password. qdplanner never asks for one or keeps one: "
        "PostgreSQL's client reads it from the file ~/.pgpass (one line per server, "
        "host:port:database:user:password, readable by you alone: chmod 600 ~/.pgpass; on "
        "Windows %APPDATA%\\postgresql\\pgpass.conf), from a service file "
        "(~/.pg_service.conf), or from the PGPASSWORD environment variable set before "
        "qdplanner starts. Add it there, then open the plan again.",
    )


class ServerPlanDialog(QDialog):
    """Host, port, database and user, or the address whole; :meth:`address` when accepted."""

    def __init__(self, parent: QWidget | None = None, address: str = ""):
        super().__init__(parent)
        self.setObjectName("serverPlanDialog")
        self.setWindowTitle(self.tr("Open Server Plan"))
        intro = QLabel(
            self.tr(
                "A plan kept in a PostgreSQL database, which several people can edit at once. "
                "Your office's IT gives you its host, database and user name."
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName("serverHost")
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.port = QLineEdit()
        self.port.setObjectName("serverPort")
        self.port.setValidator(QIntValidator(1, 65535, self.port))
        self.port.setPlaceholderText(str(DEFAULT_PORT))
        self.port.setMaximumWidth(90)
        self.database = QLineEdit()
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit()
        self.user.setObjectName("serverUser")
        self.user.setPlaceholderText(self.tr("your login name: %1").replace("%1", _login_name()))
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("serverAddress")
        self.address_edit.setPlaceholderText("postgresql://user@host:5432/database")
        self.address_edit.setMinimumWidth(420)
        form = QFormLayout()
        for text, edit in (
            (self.tr("&Host:"), self.host),
            (self.tr("&Port:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User:"), self.user),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        address_label = QLabel(self.tr("Or the whole &address:"))
        address_label.setBuddy(self.address_edit)
        form.addRow(line)
        form.addRow(address_label, self.address_edit)
        self.password_note = QLabel(
            self.tr(
                "No password is asked for or kept here: PostgreSQL's client reads it from "
                "~/.pgpass, a service file or the PGPASSWORD environment variable."
            )
        )
        self.password_note.setObjectName("passwordNote")
        self.password_note.setWordWrap(True)
        self.password_note.setStyleSheet("color: palette(dark);")
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            self.tr("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.password_note)
        layout.addWidget(self.buttons)
        for edit in (self.host, self.port, self.database, self.user):
            edit.textEdited.connect(self._fields_edited)
        self.address_edit.textEdited.connect(self._address_edited)
        self.set_address(address)

    def set_address(self, address: str) -> None:
        """Show ``address`` (without its password) in the address and the fields."""
        self.address_edit.setText(shown(address) if is_server_address(address) else address)
        self._address_edited(self.address_edit.text())

    def address(self) -> str:
        """The address as typed (a password typed into it is used, never remembered)."""
        return self.address_edit.text().strip()

    def _fields_edited(self, _text: str = "") -> None:
        self.address_edit.setText(
            compose(self.host.text(), self.port.text(), self.database.text(), self.user.text())
        )
        self._update_button()

    def _address_edited(self, text: str) -> None:
        fields = fields_of(text)
        if fields is not None:
            for name, value in fields.items():
                getattr(self, name).setText(value)
        self._update_button()

    def _update_button(self) -> None:
        fields = fields_of(self.address())
        self.open_button.setEnabled(fields is not None and bool(fields["database"]))


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name known (a container without one)
        return "—"


def ask_server_address(parent: QWidget | None, suggested: str = "") -> str | None:
    """Ask for a server plan's address; None when cancelled."""
    dialog = ServerPlanDialog(parent, suggested or next(iter(remembered_servers()), ""))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.address() or None
