"""Help → User Guide shows the guide in the window's language, pictures and all."""

from qdplanner.ui.user_guide import guide_path, show_user_guide


def test_the_guide_opens_in_the_window_language_with_its_pictures(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    assert guide_path("zh_CN").name == "user-guide.zh_CN.md"
    assert guide_path("fr").name == "user-guide.en.md"  # no French guide: English
    dialog = show_user_guide(parent, "zh_CN")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "使用手册" in text and "季度填报" in text
    assert "images/zh_CN/main_window.png" in dialog.browser.toHtml()


def test_a_window_picture_stays_legible_and_opens_full_size_on_a_click(qtbot):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QWidget

    from qdplanner.ui.user_guide import LEAST_SCALE, PictureDialog, linked_pictures

    assert linked_pictures("![主窗口](images/a.png)") == "[![主窗口](images/a.png)](images/a.png)"
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = show_user_guide(parent, "zh_CN")
    qtbot.addWidget(dialog)
    dialog.browser.resize(700, 600)  # narrower than the 1500-px screenshots
    url = QUrl("images/zh_CN/main_window.png")
    shown = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource, url)
    assert shown.width() >= round(1500 * LEAST_SCALE)  # not squeezed to 660 px
    dialog.browser.anchorClicked.emit(url)
    assert isinstance(dialog.picture, PictureDialog)
    from PySide6.QtWidgets import QLabel

    full = [
        w.pixmap().width() for w in dialog.picture.findChildren(QLabel) if not w.pixmap().isNull()
    ]
    assert full == [1500]  # at its own size, scrolled
    assert "main_window.png" in dialog.browser.toHtml()
