"""The desktop packaging (issue 8): Windows version file, desktop entry, MIME type, frozen build.

The build itself (PyInstaller, about 40 s, then the smoke test under Xvfb) is marked slow and
runs only where the ``build`` extra is installed: ``pip install -e '.[build]'``.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qdplanner import __version__
from qdplanner.store import migrations

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"


def load_build_script():
    spec = importlib.util.spec_from_file_location("qdp_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_windows_version_file_is_current():
    """packaging/windows/version_info.txt carries qdplanner.__version__ (build.py rewrites it)."""
    build = load_build_script()
    text = (PACKAGING / "windows" / "version_info.txt").read_text(encoding="utf-8")
    assert text == build.version_info_text(__version__), "run packaging/build.py to refresh it"
    assert build.version_numbers("1.2.3rc1") == (1, 2, 3, 0)


def test_windows_version_file_parses_with_pyinstaller(monkeypatch):
    pytest.importorskip("PyInstaller")
    import types

    import PyInstaller.compat

    # versioninfo imports Windows-only modules at the top; the parser needs neither.
    monkeypatch.setitem(sys.modules, "pefile", types.ModuleType("pefile"))
    monkeypatch.setattr(PyInstaller.compat, "win32api", None, raising=False)
    from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file

    info = load_version_info_from_text_file(str(PACKAGING / "windows" / "version_info.txt"))
    strings = {s.name: s.val for table in info.kids[0].kids for s in table.kids}
    assert strings["ProductVersion"] == __version__
    assert strings["ProductName"] == "qdplanner"
    assert "MIT" in strings["LegalCopyright"]
    assert info.toRaw()


def test_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(RESOURCES / "qdplanner.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "qdplanner %f"
    assert desktop["Icon"] == "qdplanner"
    assert "application/x-qdplan;" in desktop["MimeType"]
    assert desktop["Categories"] == "Office;ProjectManagement;"
    assert desktop["Name[zh_CN]"]
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", RESOURCES / "qdplanner.desktop"], check=True)


def test_mime_type_matches_the_plan_file_header():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(RESOURCES / "qdplanner-mime.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime.get("type") == "application/x-qdplan"
    assert mime.find("m:glob", ns).get("pattern") == "*.qdplan"
    outer = mime.find("m:magic/m:match", ns)
    assert (outer.get("offset"), outer.get("value")) == ("0", "SQLite format 3")
    inner = outer.find("m:match", ns)
    assert inner.get("offset") == "68"  # where SQLite keeps PRAGMA application_id, big-endian
    assert inner.get("value").encode() == migrations.APPLICATION_ID.to_bytes(4, "big")


def test_install_script_and_inno_setup_name_the_same_files():
    install = (PACKAGING / "install-linux.sh").read_text(encoding="utf-8")
    for name in ("qdplanner.desktop", "qdplanner-mime.xml", "qdplanner.svg"):
        assert name in install
        assert list(RESOURCES.rglob(name)), name
    iss = (PACKAGING / "windows" / "qdplanner.iss").read_text(encoding="utf-8")
    assert '#define AssocExt ".qdplan"' in iss
    assert '"""{app}\\{#AppExe}"" ""%1"""' in iss
    assert (PACKAGING / "windows" / "license.txt").exists()


@pytest.mark.slow
def test_frozen_build_runs_its_commands_and_window(tmp_path):
    """Build dist/qdplanner with PyInstaller, then run packaging/smoke_test.py on it."""
    pytest.importorskip("PyInstaller")
    if sys.platform.startswith("linux") and not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        pytest.skip("Xvfb and xwininfo are needed to start the window")
    subprocess.run([sys.executable, str(PACKAGING / "build.py")], check=True, timeout=900)
    result = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "smoke_test.py"),
            "--repeat",
            "1",
            "--screenshot",
            str(tmp_path / "window.png"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stdout
    assert (tmp_path / "window.png").stat().st_size > 10_000
