"""Help → User guide: the guide (docs/user-guide.<lang>.md) shown in the window, so it opens
on any machine — Windows has no program for .md files. A picture is shown at its own size
when it fits, else scaled down to the view's width but never below ``LEAST_SCALE`` (a
window's screenshot at 60 % has 8-pixel text nobody can read: the view scrolls sideways
instead); a click on a picture opens it at full size."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qdplanner.paths import docs_dir


def guide_path(language: str):
    """The guide in ``language`` (zh_CN or en), else the English one; None when neither ships."""
    for lang in (language, "en"):
        path = docs_dir() / f"user-guide.{lang}.md"
        if path.is_file():
            return path
    return None


LEAST_SCALE = 0.75  # a screenshot's 13-px text stays ≥ 10 px
_PICTURE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def linked_pictures(markdown: str) -> str:
    """``markdown`` with each picture made a link to itself (a click opens it full size)."""
    return _PICTURE.sub(lambda m: f"[{m.group(0)}]({m.group(2)})", markdown)


class GuideBrowser(QTextBrowser):
    """A text browser that scales wide pictures down to the width of the view, not below
    ``LEAST_SCALE``; a click on a picture emits it to :attr:`picture_clicked`."""

    def loadResource(self, kind: int, url: QUrl):
        data = super().loadResource(kind, url)
        if kind == QTextDocument.ResourceType.ImageResource and data is not None:
            image = QImage.fromData(data) if not isinstance(data, QImage) else data
            room = max(self.viewport().width() - 40, 300)
            if not image.isNull() and image.width() > room:
                width = max(room, round(image.width() * LEAST_SCALE))
                return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            return image
        return data


class PictureDialog(QDialog):
    """One of the guide's pictures at its own size, scrolled when larger than the screen."""

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture"))
        picture = QLabel()
        picture.setPixmap(QPixmap(path))
        area = QScrollArea()
        area.setWidget(picture)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(area)
        screen = self.screen().availableGeometry()
        size = picture.sizeHint()
        self.resize(min(size.width() + 24, int(screen.width() * 0.9)),
                    min(size.height() + 24, int(screen.height() * 0.9)))  # fmt: skip


class UserGuideDialog(QDialog):
    def __init__(self, path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(False)  # pictures open in a window; the rest below
        self.browser.anchorClicked.connect(self._clicked)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path)))
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(linked_pictures(path.read_text(encoding="utf-8")))
        hint = QLabel(self.tr("Click a picture to see it at full size."))
        hint.setContentsMargins(8, 4, 8, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.browser)
        screen = self.screen().availableGeometry()
        self.resize(min(1240, int(screen.width() * 0.9)), min(860, int(screen.height() * 0.9)))
        self.picture: PictureDialog | None = None

    def _clicked(self, url: QUrl) -> None:
        target = self.browser.document().baseUrl().resolved(url)
        if target.isLocalFile() and target.toLocalFile().lower().endswith(".png"):
            self.picture = PictureDialog(target.toLocalFile(), self)
            self.picture.show()
        elif target.scheme() in ("http", "https"):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(target)
        elif target.hasFragment():  # a link inside the guide
            self.browser.scrollToAnchor(target.fragment())


def show_user_guide(parent: QWidget, language: str) -> UserGuideDialog | None:
    path = guide_path(language)
    if path is None:
        QMessageBox.information(
            parent,
            UserGuideDialog.tr("User Guide"),
            UserGuideDialog.tr("The user guide is not installed with this copy of qdplanner."),
        )
        return None
    dialog = UserGuideDialog(path, parent)
    dialog.show()
    return dialog
