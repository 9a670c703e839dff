"""sqlite-utils, imported only where a plan file is written or its schema made or upgraded.

Reading a plan needs none of it (a plan file opened read-only is read through plain sqlite3:
:class:`qdplanner.store.database.FileReader`), and importing it — with dateutil, decimal, uuid
and its plugin machinery behind it — costs ~40 ms of a command's start-up. So nothing imports
``sqlite_utils`` at module level: writers and migrations get it from here, when first needed.

sqlite_utils imports numpy and pandas, when installed, only to map their scalar types to column
types when it creates tables from Python values. qdplanner creates its tables from SQL and never
stores numpy values, but numpy is installed (matplotlib needs it), and importing it costs more
than everything else sqlite_utils loads. So the first import of sqlite_utils sees neither; numpy
itself stays importable afterwards (the charts import it when first drawn).
"""

from __future__ import annotations

import sqlite3
import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

_SKIPPED = ("numpy", "pandas")


def import_sqlite_utils() -> ModuleType:
    """The ``sqlite_utils`` module, imported (the first time) without numpy and pandas."""
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    blocked = [name for name in _SKIPPED if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # an import of it raises ImportError, which sqlite_utils expects
    try:
        import sqlite_utils
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return sqlite_utils


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """``conn`` as the ``sqlite_utils.Database`` a plan file open for writing, or being made
    or upgraded, is written through (no plugins: a plan's connection is ours alone)."""
    return import_sqlite_utils().Database(conn, execute_plugins=False)
