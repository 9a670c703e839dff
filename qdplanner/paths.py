"""Where the program's own files are: the schema, the sample plan, translations, icons.

In a checkout they sit at the top of the repository (``db/``, ``resources/``); in an
installed wheel they are copied into ``qdplanner/_data/`` (see pyproject's force-include). The
frozen app (packaging/qdplanner.spec) bundles them at that same ``qdplanner/_data/`` path under
its ``_internal/`` folder (``sys._MEIPASS``), where PyInstaller also points ``__file__``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

# What a plan file is called (``qingdao.qdplan``); the window offers it in file dialogs.
PLAN_SUFFIX = ".qdplan"


@cache
def _root() -> Path:
    installed = _PACKAGE / "_data"
    if (installed / "db").is_dir():
        return installed
    return _PACKAGE.parent


def db_dir() -> Path:
    """The ``db`` folder: ``schema/*.sql`` and ``sample/*.json``."""
    return _root() / "db"


def resources_dir() -> Path:
    """The ``resources`` folder: translations, icons, the desktop file."""
    return _root() / "resources"


def sample_plan_data() -> Path:
    return db_dir() / "sample" / "qingdao.json"


def docs_dir() -> Path:
    """The ``docs`` folder: the user guides (``user-guide.<lang>.md``) and their pictures."""
    return _root() / "docs"
