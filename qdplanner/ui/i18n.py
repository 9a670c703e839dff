"""Loading the window's language (Qt translations; English source strings, zh_CN complete).

Qt's own dialogs (the file dialog, the print dialog, message-box buttons) speak from Qt's
``qtbase_<lang>.qm``, which PySide6-Essentials ships. That file lags Qt itself: Qt 6.11's file
dialog asks for ``&Look in:`` and ``Files of &type:`` (with mnemonics) and the icon provider's
``Folder``, which ``qtbase_zh_CN.qm`` does not have, so the dialog showed them in English
(issue 17, item 8). :data:`QT_GAPS` marks those texts in Qt's own contexts so they are
translated in our catalogue: Qt asks the translators newest first and takes the first
non-empty answer, so ours answers only where Qt's own has nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from qdplanner.errors import N_
from qdplanner.paths import resources_dir

LANGUAGES = {"zh_CN": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

# Texts of Qt's own widgets that Qt's shipped translation lacks (found by asking a QTranslator
# that logs every look-up while a zh_CN file dialog is shown), in Qt's contexts.
QT_GAPS = (
    N_("QFileDialog", "&Look in:"),
    N_("QFileDialog", "Files of &type:"),
    N_("QAbstractFileIconProvider", "Folder"),
    N_("QAbstractFileIconProvider", "Drive"),
)

_installed: list[QTranslator] = []
_current = "en"  # until a language is installed Qt shows the English source strings


def translations_dir():
    return resources_dir() / "translations"


def install_language(app: QCoreApplication, lang: str) -> bool:
    """Install ``lang``'s translators (ours and Qt's own dialogs); English needs none.

    Returns False when our translation file for ``lang`` is missing (the window is then
    English, and :func:`current_language` says so).
    """
    global _current
    _current = "en"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return True
    QLocale.setDefault(QLocale(lang))
    ours = QTranslator(app)
    if not ours.load(f"qdplanner_{lang}", str(translations_dir())):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    _current = lang
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
    return True


def current_language() -> str:
    """The language the window speaks now (a key of :data:`LANGUAGES`): the last one
    :func:`install_language` installed, English before any."""
    return _current
