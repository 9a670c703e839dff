"""What the benchmarks on a PostgreSQL server share: the plan they start from, and a server.

``bench_concurrent.py`` and ``bench_copy.py`` call these (run from the repository root).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def ensure_plan(plan: Path) -> None:
    """Make a 20,000-task plan at ``plan`` with make_large_plan.py, unless it exists."""
    if not plan.exists():
        script = Path(__file__).with_name("make_large_plan.py")
        subprocess.run([sys.executable, str(script), str(plan), "--quiet"], check=True)


def start_server(url: str | None):
    """None when ``url`` (an empty database given) is to be used; else a throw-away server
    started as the tests start theirs (tests/pg_server.py) — stop it when done."""
    if url is not None:
        return None
    from tests.pg_server import PgServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL binaries: apt-get install postgresql, or --url")
    return PgServer(bindir).start()
