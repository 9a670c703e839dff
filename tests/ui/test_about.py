"""Help → About names the version, the licence, the plan file and the data folder."""

from qdplanner import __version__
from qdplanner.ui.about import about_text


def test_about_names_version_licence_plan_and_data_folder(qapp, small_plan):
    store, _ = small_plan
    text = about_text(store, "/home/someone/.local/share/qdplanner")
    assert __version__ in text and "MIT" in text
    assert str(store.path) in text
    assert "/home/someone/.local/share/qdplanner" in text
