"""Server plans made ahead of need, so a server test does not wait for its database.

Each server run of an engine fixture gets a database of its own, a copy of a session
template (``CREATE DATABASE … TEMPLATE``) with a fresh ``plan_uuid``. Made when the test
asks, that copy is most of a server test's extra time (~0.15 s on an idle 2-core machine,
~0.45 s while the tests load it), and dropping it after is more. :class:`Spares` does both in
a background thread: it keeps :data:`DEPTH` copies of each template in use ready, and drops
the databases tests are done with — work for the server's process on the second core, while
the test process runs the next test. A copy is handed out once and never reused.
"""

from __future__ import annotations

import json
import queue
import threading
import uuid
from collections.abc import Callable

DEPTH = 2  # copies kept ready per template


class Spares:
    """Copies of templates made, and databases dropped, in a background thread."""

    def __init__(self, server, prepare: Callable[[str], None] | None = None):
        self.server = server
        self.prepare = prepare or fresh_identity
        self.ready: dict[str, queue.Queue[str | BaseException]] = {}
        self.drops: list[str] = []
        self.wake = threading.Condition()
        self.stopping = False
        self.thread = threading.Thread(target=self._work, name="pg-spares", daemon=True)
        self.thread.start()

    def take(self, template: str) -> str:
        """A fresh copy of the database ``template`` (made now if none is ready)."""
        with self.wake:
            ready = self.ready.setdefault(template, queue.Queue())
            self.wake.notify()
        made = ready.get(timeout=120)
        if isinstance(made, BaseException):
            raise made
        with self.wake:
            self.wake.notify()  # one taken: make another
        return made

    def drop(self, name: str) -> None:
        """Drop ``name`` in the background."""
        with self.wake:
            self.drops.append(name)
            self.wake.notify()

    def _next(self) -> tuple[str, str] | None:
        with self.wake:
            while not self.stopping:
                # a test waiting for a copy comes before tidying up
                short = [t for t, q in self.ready.items() if q.qsize() < DEPTH]
                if short:
                    return "make", min(short, key=lambda t: self.ready[t].qsize())
                if self.drops:
                    return "drop", self.drops.pop()
                self.wake.wait()
            return None

    def _work(self) -> None:
        while (job := self._next()) is not None:
            what, name = job
            if what == "drop":
                self.server.drop_database(name)
                continue
            try:
                made = self.server.create_database(template=name)
                self.prepare(self.server.url(made))
            except BaseException as exc:  # said to the test that takes it
                self.ready[name].put(exc)
            else:
                self.ready[name].put(made)

    def close(self) -> None:
        """Stop the thread; drop every copy not handed out and every database left to drop."""
        with self.wake:
            self.stopping = True
            self.wake.notify()
        self.thread.join(timeout=120)
        left = list(self.drops)
        for ready in self.ready.values():
            while not ready.empty():
                made = ready.get_nowait()
                if isinstance(made, str):
                    left.append(made)
        for name in left:
            self.server.drop_database(name)


def fresh_identity(url: str) -> None:
    """Give the plan at ``url`` an identity of its own (copies of a template share one)."""
    import psycopg

    from qdplanner.store.migrations import PLAN_UUID_KEY

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "UPDATE settings SET value = %s WHERE key = %s",
            [json.dumps(str(uuid.uuid4())), PLAN_UUID_KEY],
        )
