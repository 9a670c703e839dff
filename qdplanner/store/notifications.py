"""Other editors' changes as they are committed (issue 19): LISTEN/NOTIFY on a server plan.

Each action committed on a server plan sends ``NOTIFY qdplanner_changes, '<batch id>'`` in
its transaction (``PlanStore.action``), delivered when it commits. A window makes a
:class:`ChangeListener` for its store: a connection of its own that LISTENs, whose socket
(:meth:`ChangeListener.fileno`) a ``QSocketNotifier`` watches; :meth:`ChangeListener.poll`
never blocks and returns the batch ids other clients committed since the last poll (this
store's own, and its worker stores', left out).

A plan file has one writer at a time (its lock): its listener never has anything, and has
no socket (``fileno()`` is -1).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qdplanner.store.plan_store import PlanStore


class ChangeListener:
    """Batches other clients commit to ``store``'s plan."""

    def __init__(self, store: PlanStore):
        self.client = store.client
        self._pg = None
        if store.engine != "postgresql":
            return
        import psycopg

        from qdplanner.store import pg_database

        pg = pg_database.connect(store.path)  # type: ignore[arg-type]
        try:
            pg.execute(f"LISTEN {pg_database.CHANNEL}")
        except psycopg.Error as exc:
            pg.close()
            raise store.explain(exc) from exc
        self._pg = pg

    def fileno(self) -> int:
        """The socket to watch for notices (-1: none, a plan file)."""
        return -1 if self._pg is None else self._pg.pgconn.socket

    def poll(self) -> list[int]:
        """Batch ids committed by other clients since the last poll, oldest first; [] when
        none (never waits). A lost connection raises psycopg's error (``store.explain``
        says it in words)."""
        if self._pg is None:
            return []
        ids = []
        for notice in self._pg.notifies(timeout=0, stop_after=None):
            try:
                ids.append(int(notice.payload))
            except ValueError:
                continue
        if not ids:
            return []
        # the notice does not say who sent it: this client's own batches are left out
        own = {
            r[0]
            for r in self._pg.execute(
                "SELECT id FROM change_batches WHERE id = ANY(%s) AND client = %s",
                [ids, self.client],
            )
        }
        return sorted(i for i in set(ids) if i not in own)

    def close(self) -> None:
        if self._pg is not None:
            pg, self._pg = self._pg, None
            pg.close()
