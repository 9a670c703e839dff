"""Reading many rows at once without Python's cyclic garbage collector running meanwhile.

Reading 20,000 tasks allocates a few hundred thousand objects (rows, dates, tuples) that hold
no reference cycles; each allocation burst sets off the collector, whose full passes walk
every live object of the process — the more the window holds, the longer. Pausing it over
the read saves 15–20 % of ``read_task_rows`` (bench/bench_table.py); it runs again after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting goes on)."""
    if not gc.isenabled():  # paused already (nested): leave it to the outer block
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
