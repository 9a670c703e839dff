"""Build the one-folder app with PyInstaller: dist/qdplanner/ (Linux or Windows, on that system).

    python packaging/build.py [--clean] [--archive] [--installer]

Run from anywhere with the project's Python, after ``pip install -e '.[build]'``. Steps:

1. check the icon files exist (scripts/make_icons.py makes them from the SVG);
2. write packaging/windows/version_info.txt from ``qdplanner.__version__`` (only if it changed);
3. run PyInstaller on packaging/qdplanner.spec (work files in build/pyinstaller/);
4. Linux: strip libpython's debug symbols; copy install-linux.sh into dist/qdplanner/, so the
   unpacked folder installs itself;
5. print the size of dist/qdplanner/ and its number of files;
6. ``--archive``: also pack dist/qdplanner-VERSION-PLATFORM.tar.gz (Linux) or .zip (Windows);
   ``--installer`` (Windows): also run Inno Setup's ISCC on packaging/windows/qdplanner.iss.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
APP_DIR = DIST / "qdplanner"
WORK = ROOT / "build" / "pyinstaller"
VERSION_FILE = PACKAGING / "windows" / "version_info.txt"
ISS = PACKAGING / "windows" / "qdplanner.iss"

VERSION_TEMPLATE = """\
# UTF-8
# Windows version information of qdplanner.exe and qdplanner-cli.exe (PyInstaller version file).
# Written by packaging/build.py from qdplanner.__version__: edit the template there, not here.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [StringStruct('CompanyName', 'qdplanner'),
         StringStruct('FileDescription', 'qdplanner - city innovation plan manager'),
         StringStruct('FileVersion', '{version}'),
         StringStruct('InternalName', 'qdplanner'),
         StringStruct('LegalCopyright', 'Copyright (c) qdplanner developers. MIT License.'),
         StringStruct('OriginalFilename', 'qdplanner.exe'),
         StringStruct('ProductName', 'qdplanner'),
         StringStruct('ProductVersion', '{version}')]),
      StringTable(
        '080404B0',
        [StringStruct('CompanyName', 'qdplanner'),
         StringStruct('FileDescription', 'qdplanner 创新城市规划管理'),
         StringStruct('FileVersion', '{version}'),
         StringStruct('InternalName', 'qdplanner'),
         StringStruct('LegalCopyright', 'Copyright (c) qdplanner developers. MIT License.'),
         StringStruct('OriginalFilename', 'qdplanner.exe'),
         StringStruct('ProductName', 'qdplanner'),
         StringStruct('ProductVersion', '{version}')])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200, 2052, 1200])])
  ]
)
"""


def project_version() -> str:
    text = (ROOT / "qdplanner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise SystemExit("qdplanner/__init__.py: no __version__")
    return match.group(1)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a pre-release suffix ('1.2.0rc1') is dropped."""
    parts = [int(re.match(r"\d+", p).group()) for p in version.split(".")[:4] if p[:1].isdigit()]
    return tuple([*parts, 0, 0, 0, 0][:4])


def version_info_text(version: str) -> str:
    return VERSION_TEMPLATE.format(version=version, numbers=version_numbers(version))


def write_version_info() -> bool:
    """Refresh packaging/windows/version_info.txt; True if it changed."""
    text = version_info_text(project_version())
    if VERSION_FILE.exists() and VERSION_FILE.read_text(encoding="utf-8") == text:
        return False
    VERSION_FILE.write_text(text, encoding="utf-8")
    return True


def strip_libpython() -> None:
    """Drop the debug symbols of Python's own libraries if built with them (pyenv: 26 MB less).

    Only libpython and the standard library's extensions: stripping the wheels' libraries
    breaks them (see the spec).
    """
    strip = shutil.which("strip")
    if not strip:
        return
    internal = APP_DIR / "_internal"
    libs = [*internal.glob("libpython3*.so*"), *internal.glob("python3*/lib-dynload/*.so")]
    for lib in libs:
        if not lib.is_symlink():
            subprocess.run([strip, "--strip-debug", str(lib)], check=True)


def folder_size(path: Path) -> tuple[int, int]:
    total = files = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            files += 1
    return total, files


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--archive", action="store_true", help="also pack a .tar.gz / .zip")
    parser.add_argument("--installer", action="store_true", help="Windows: also run Inno Setup")
    args = parser.parse_args(argv)

    check = [sys.executable, str(ROOT / "scripts" / "make_icons.py"), "--check"]
    if subprocess.run(check, cwd=ROOT).returncode != 0:
        raise SystemExit("icon files missing: run scripts/make_icons.py")
    if write_version_info():
        print(f"updated {VERSION_FILE.relative_to(ROOT)}")

    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if args.clean:
        command.append("--clean")
    command.append(str(PACKAGING / "qdplanner.spec"))
    print("$", " ".join(command), flush=True)
    # Byte-code must be compiled into the bundle even where the environment turns it off.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, cwd=ROOT, env=env, check=True)

    if sys.platform.startswith("linux"):
        strip_libpython()
        shutil.copy2(PACKAGING / "install-linux.sh", APP_DIR / "install-linux.sh")

    size, files = folder_size(APP_DIR)
    print(f"built {APP_DIR.relative_to(ROOT)}: {size / 2**20:.1f} MiB in {files} files")

    version = project_version()
    if args.archive:
        base = DIST / f"qdplanner-{version}-{platform_tag()}"
        fmt = "zip" if sys.platform == "win32" else "gztar"
        archive = shutil.make_archive(str(base), fmt, root_dir=DIST, base_dir="qdplanner")
        mib = Path(archive).stat().st_size / 2**20
        print(f"archive {Path(archive).relative_to(ROOT)}: {mib:.1f} MiB")
    if args.installer:
        if sys.platform != "win32":
            raise SystemExit("--installer: Inno Setup runs on Windows only")
        iscc = shutil.which("ISCC") or shutil.which("iscc")
        if not iscc:
            raise SystemExit("--installer: ISCC.exe (Inno Setup 6) is not on PATH")
        subprocess.run([iscc, f"/DAppVersion={version}", str(ISS)], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
