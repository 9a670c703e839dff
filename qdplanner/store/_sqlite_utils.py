"""Import sqlite_utils without numpy and pandas: 80 ms less before the window shows.

sqlite_utils imports numpy and pandas, when installed, only to map their scalar types to column
types when it creates tables from Python values. qdplanner creates its tables from SQL and never
stores numpy values, but numpy is installed (matplotlib needs it), and importing it costs more
than everything else sqlite_utils loads. So the first import of sqlite_utils sees neither; numpy
itself stays importable afterwards (the charts import it when first drawn).
"""

from __future__ import annotations

import sys

_SKIPPED = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    blocked = [name for name in _SKIPPED if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # an import of it raises ImportError, which sqlite_utils expects
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


import_sqlite_utils()
