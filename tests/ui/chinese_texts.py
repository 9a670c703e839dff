"""Collecting what a window shows, to find English left in the Chinese window.

:class:`Texts` gathers every text a user can read in a widget tree — window titles, labels,
buttons, group titles, combo items, tab labels, placeholders, tooltips, actions and their
menus, the header labels and cells of item views, the text of a drawn scene or chart —
and :func:`english` finds the Latin words among them that are neither the plan's own data
nor a name that stays Latin in Chinese text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Names that stay Latin in Chinese text: the program, file formats and tools, the name of
# the other language in the language menu, and the keys of a shortcut.
KEPT = {
    "qdplanner",
    "excel",
    "pdf",
    "png",
    "svg",
    "xlsx",
    "xls",
    "ods",
    "word",  # Microsoft Word: a product name, written so in Chinese too
    "docx",
    "wps",
    "english",
    "python",
    "qt",
    "pyside",
    "mit",
    "ctrl",
    "shift",
    "postgresql",  # the database server a plan may be kept on (issue 19)
    "pgpassword",  # the environment variable libpq reads a password from
    "chmod",  # the command that makes ~/.pgpass readable by its owner alone
}
# Columns of the sample plan whose text is data (titles, notes …), not a code.
FREE_TEXT = {
    "title",
    "name",
    "short_name",
    "code",
    "description",
    "notes",
    "narrative",
    "problems",
    "next_steps",
    "deadline_text",
    "target_text",
    "baseline_text",
    "measure_unit",
    "alias",
    "contact",
    "issuer",
    "publisher",
    "url",
    "filename",
}
FREE_TEXT_SOURCE = ("indicator_values", "source")  # elsewhere "source" is a code
LATIN = re.compile(r"[A-Za-z]{2,}")
_TOKEN = re.compile(r"[A-Za-z0-9_]+")  # a word, or a code when it holds a digit
_TAGS = re.compile(r"<[^>]*>")
_PATHS = re.compile(r"\S*[/\\]\S*")  # a path, a folder, a web address
_FILES = re.compile(r"[\w*.-]*\.(qdplan|xlsx|xls|ods|pdf|png|svg|json|md)\b", re.IGNORECASE)
MAX_ROWS = 5000


def data_words(store) -> set[str]:
    """The Latin words of the plan's own data (its free-text columns) and of the user's
    name (History names who changed what), case-folded."""
    words = {w.casefold() for w in LATIN.findall(store.user)}
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        columns = [r[1] for r in store.db.execute(f"PRAGMA table_info({table})")]
        wanted = [
            c for c in columns if c in FREE_TEXT or (table, c) == ("indicator_values", "source")
        ]
        if not wanted:
            continue
        for row in store.db.execute(f"SELECT {', '.join(wanted)} FROM {table}"):
            for value in row:
                if isinstance(value, str):
                    words.update(w.casefold() for w in LATIN.findall(value))
    return words


def english(texts: Iterable[tuple[str, str]], allowed: set[str]) -> list[str]:
    """``where: text`` of every text with a Latin word neither ``allowed`` nor :data:`KEPT`."""
    found = []
    for where, text in texts:
        plain = html.unescape(_TAGS.sub(" ", text)).replace("&", "")
        plain = _FILES.sub(" ", _PATHS.sub(" ", plain))
        words = [w for w in _words(plain) if w.casefold() not in KEPT | allowed]
        if words:
            found.append(f"{where}: {text!r} ({', '.join(words)})")
    return sorted(set(found))


def _words(text: str) -> list[str]:
    """The Latin words of ``text``: codes (2024Q3, I17, a hex key) are not words."""
    return [
        word
        for token in _TOKEN.findall(text)
        if not any(c.isdigit() for c in token)
        for word in LATIN.findall(token)
    ]


def mnemonic(text: str) -> str | None:
    """The Alt key of ``&``-marked ``text`` (``&&`` is a literal ampersand)."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def mnemonic_clashes(window: QWidget, where: str) -> list[str]:
    """Buttons and labels of one window (not of a window within it) whose Alt keys collide."""
    keys: dict[str, list[str]] = {}
    for w in window.findChildren(QWidget):
        if w.window() is not window or isinstance(w, QTabBar):
            continue
        labelled = isinstance(w, QAbstractButton) or (
            isinstance(w, QLabel) and w.buddy() is not None
        )
        if labelled and (key := mnemonic(w.text())) is not None:
            keys.setdefault(key, []).append(w.text())
    return [f"{where}: {key} in {texts}" for key, texts in keys.items() if len(texts) > 1]


class Texts:
    """The texts seen so far, each with where it was seen."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.clashes: list[str] = []  # mnemonics two controls of one window share

    def add(self, where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            self.seen.append((where, text))

    # -- widgets ---------------------------------------------------------------------------
    def widget(self, root: QWidget, where: str) -> None:
        """Every readable text of ``root`` and its children (shown or not)."""
        if root.isWindow() and not isinstance(root, QMenu):
            self.clashes += mnemonic_clashes(root, where)
        for w in [root, *root.findChildren(QWidget)]:
            name = f"{where}/{type(w).__name__}"
            if w.isWindow():
                self.add(f"{name} title", w.windowTitle())
            self.add(f"{name} tooltip", w.toolTip())
            if isinstance(w, (QLabel, QAbstractButton)):
                self.add(name, w.text())
            elif isinstance(w, QGroupBox):
                self.add(name, w.title())
            elif isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
                self.add(f"{name} placeholder", w.placeholderText())
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    self.add(f"{name} item", w.itemText(i))
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    self.add(f"{name} tab", w.tabText(i))
                    self.add(f"{name} tab tooltip", w.tabToolTip(i))
            elif isinstance(w, QMenu):
                self.actions(w.actions(), name)
            if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model():
                self.model(w.model(), name)
            if isinstance(w, QGraphicsView) and w.scene() is not None:
                self.scene(w.scene(), name)
            if hasattr(w, "figure") and hasattr(w.figure, "findobj"):  # a matplotlib canvas
                self.figure(w.figure, name)
            self.actions(w.actions(), f"{name} action")

    def actions(self, actions: Iterable[QAction], where: str) -> None:
        for action in actions:
            if action.isSeparator():
                continue
            self.add(where, action.text())
            if action.toolTip() != action.text().replace("&", ""):
                self.add(f"{where} tooltip", action.toolTip())
            if action.menu() is not None:
                self.actions(action.menu().actions(), f"{where}/{action.text()}")

    def model(self, model: QAbstractItemModel, where: str) -> None:
        """Header labels and the text and tooltip of every cell (up to MAX_ROWS rows)."""
        for orientation, count in (
            (Qt.Orientation.Horizontal, _columns(model, QModelIndex())),
            (Qt.Orientation.Vertical, min(model.rowCount(QModelIndex()), MAX_ROWS)),
        ):
            for section in range(count):
                self.add(f"{where} header", model.headerData(section, orientation))
        todo = [QModelIndex()]
        rows = 0
        while todo and rows < MAX_ROWS:
            parent = todo.pop()
            for row in range(model.rowCount(parent)):
                rows += 1
                for column in range(_columns(model, parent)):
                    index = model.index(row, column, parent)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        self.add(f"{where} cell", index.data(role))
                first = model.index(row, 0, parent)
                if first.isValid() and model.rowCount(first):
                    todo.append(first)

    def scene(self, scene, where: str) -> None:
        for item in scene.items():
            if isinstance(item, QGraphicsSimpleTextItem):
                self.add(f"{where} drawing", item.text())
            elif isinstance(item, QGraphicsTextItem):
                self.add(f"{where} drawing", item.toPlainText())
            self.add(f"{where} drawing tooltip", item.toolTip())

    def figure(self, figure, where: str) -> None:
        from matplotlib.text import Text

        for text in figure.findobj(Text):
            if text.get_visible():
                self.add(f"{where} chart", text.get_text())

    def windows(self, where: str, keep: QWidget) -> None:
        """Every other window shown now (a dialog opened without exec); then close it."""
        for w in QApplication.topLevelWidgets():
            if w is not keep and w.isVisible() and not isinstance(w, QMenu):
                self.widget(w, f"{where}/{type(w).__name__}")
                w.close()


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps its one column private
        return 1
