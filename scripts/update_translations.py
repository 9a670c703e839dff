"""Refresh the translation sources and compile them.

    python scripts/update_translations.py          # lupdate → .ts, then lrelease → .qm
    python scripts/update_translations.py --check  # fail if a string lacks its zh_CN text
    python scripts/update_translations.py --fill zh.tsv  # add translations: source<TAB>text

Translators edit ``resources/translations/qdplanner_zh_CN.ts`` (Qt Linguist, or any editor);
this script keeps it in step with the code and writes the ``.qm`` the app loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ["zh_CN"]


def tool(name: str) -> str:
    """The pyside6 tool beside the running interpreter (a venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "qdplanner").rglob("*.py"))


def lupdate(ts: Path, lang: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-ts",
            str(ts),
            "-source-language",
            "en",
            "-target-language",
            lang,
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
            "-tr-function-alias",
            "QT_TRANSLATE_NOOP+=N_",
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def untranslated(ts: Path) -> list[str]:
    """Source strings of ``ts`` whose translation is missing, empty or marked unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        text = (
            " ".join(f.text or "" for f in forms)
            if forms
            else ("" if translation is None else translation.text or "")
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not text.strip()
        ):
            missing.append(source)
    return missing


def fill(ts: Path, table: Path) -> int:
    """Set translations from a tab-separated file of ``source<TAB>translation`` lines.

    Fills only entries that are still unfinished; returns how many it filled.
    """
    pairs = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            source, text = line.split("\t", 1)
            pairs[source.replace("\\n", "\n")] = text.replace("\\n", "\n")
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in pairs:
            forms = translation.findall("numerusform")
            if message.get("numerus") == "yes":  # Chinese has one plural form
                for extra in forms[1:]:
                    translation.remove(extra)
                form = forms[0] if forms else ET.SubElement(translation, "numerusform")
                form.text = pairs[source]
            else:
                translation.text = pairs[source]
            del translation.attrib["type"]
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def check(lang: str) -> list[str]:
    """Refresh a copy of the committed .ts against the code; list what lacks a translation."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / f"qdplanner_{lang}.ts"
        shutil.copy(TRANSLATIONS / f"qdplanner_{lang}.ts", copy)
        lupdate(copy, lang)
        return untranslated(copy)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--check", action="store_true", help="only report missing translations")
    parser.add_argument("--fill", type=Path, help="TSV of source<TAB>zh_CN translation")
    args = parser.parse_args()
    failed = False
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"qdplanner_{lang}.ts"
        if args.check:
            missing = check(lang)
            for source in missing:
                print(f"{ts.name}: no translation for {source!r}")
            failed |= bool(missing)
            continue
        lupdate(ts, lang)
        if args.fill:
            print(f"{ts.name}: filled {fill(ts, args.fill)} translation(s)")
        lrelease(ts, TRANSLATIONS / f"qdplanner_{lang}.qm")
        missing = untranslated(ts)
        print(f"{ts.name}: {len(missing)} string(s) still to translate")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
