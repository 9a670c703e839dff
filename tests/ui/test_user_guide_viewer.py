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
