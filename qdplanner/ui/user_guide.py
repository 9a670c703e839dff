"""Help → User guide: the guide (docs/user-guide.<lang>.md) shown in the window, pictures
scaled to fit, so it opens on any machine — Windows has no program for .md files."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from qdplanner.paths import docs_dir


def guide_path(language: str):
    """The guide in ``language`` (zh_CN or en), else the English one; None when neither ships."""
    for lang in (language, "en"):
        path = docs_dir() / f"user-guide.{lang}.md"
        if path.is_file():
            return path
    return None


class GuideBrowser(QTextBrowser):
    """A text browser that scales each picture down to the width of the view."""

    def loadResource(self, kind: int, url: QUrl):
        data = super().loadResource(kind, url)
        if kind == QTextDocument.ResourceType.ImageResource and data is not None:
            image = QImage.fromData(data) if not isinstance(data, QImage) else data
            room = max(self.viewport().width() - 40, 300)
            if not image.isNull() and image.width() > room:
                return image.scaledToWidth(room)
            return image
        return data


class UserGuideDialog(QDialog):
    def __init__(self, path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User Guide"))
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(960, 720)


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
