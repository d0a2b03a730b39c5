"""The catalogue: what every surface reads (store, query pool, search and concept indexes)."""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from graph_loader.backends import open_store
from graph_loader.config import Settings
from graph_loader.errors import StoreError
from graph_loader.index import SearchIndex, rebuild
from graph_loader.store import EmbeddedStore, Store
from sparql_api.core.concept_index import ConceptIndex, ConceptIndexHolder
from sparql_api.core.errors import StoreBusy
from sparql_api.core.execute import QueryJob, QueryOutput
from sparql_api.core.follower import IndexFollower
from sparql_api.core.pool import FixedReader, QueryPool, SnapshotReader
from sparql_api.core.remote_query import run_remote
from sparql_api.core.roles import Role, RoleGate, anonymous

__all__ = ["Catalogue", "LiveReadOnlyStore", "CHECK_SECONDS"]

#: how often the concept index checks whether the store changed
CHECK_SECONDS = 10.0


class LiveReadOnlyStore(EmbeddedStore):
    """An on-disk store opened read-only, reopened when another process has written to it.

    The HTTP layer writes nothing, so it takes no lock: ``gaia-kg load`` can run meanwhile.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._reader = SnapshotReader(self.path)

    @property
    def _store(self):  # EmbeddedStore reads self._store: give it the fresh snapshot
        return self._reader.current()

    def close(self) -> None:
        """Nothing to flush: this store never writes."""


class Catalogue:
    """Settings, store, query pool, search index and concept index of one app or server.

    Everything is opened on first use, once per process (a fork after first use reopens);
    ``create_app`` and the MCP server open it the same way:
    ``Catalogue(settings, store, prepare=matcher_for)`` (``prepare`` derives the autocomplete
    tables from each new concept index). The concept index is checked for a change of the
    store every ``check_seconds``, in a background thread unless ``background`` is False.
    Errors are the core's plain exceptions (:mod:`sparql_api.core.errors`), never HTTP answers.
    """

    def __init__(
        self,
        settings: Settings,
        store: Store | None = None,
        *,
        prepare: Callable[[ConceptIndex], object] | None = None,
        check_seconds: float = CHECK_SECONDS,
        background: bool = True,
    ):
        self.settings = settings
        self.workers = max(1, settings.query_workers)  # the anonymous role's slots
        self._given = store
        self._store: Store | None = store
        self._pool: QueryPool | None = None
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.gate = RoleGate()
        self._concepts = ConceptIndexHolder(
            check_seconds=check_seconds, background=background, prepare=prepare
        )
        self._index: SearchIndex | None = None
        self._index_built_for: int | None = None
        self._index_lock = threading.Lock()
        #: keeps an on-disk index up to the store's change feed (a thread per process)
        self.follower = IndexFollower(self.index, lambda: self.store, settings.feed_poll)

    def _check_process(self) -> None:
        if os.getpid() != self._pid:  # forked after first use (e.g. a pre-loading server)
            self._pid = os.getpid()
            self._store, self._pool = self._given, None

    @property
    def store(self) -> Store:
        """The store, opened on first use (an on-disk one read-only)."""
        with self._lock:
            self._check_process()
            if self._store is None:
                self._store = self._open()
            return self._store

    def _open(self) -> Store:
        settings = self.settings
        if settings.is_remote:  # its HTTP client carries the time limit
            return open_store(
                settings.store,
                update_endpoint=settings.update_endpoint,
                gsp_endpoint=settings.gsp_endpoint,
                timeout=settings.query_timeout,
            )
        if settings.store == ":memory:":
            return open_store(settings.store)
        return LiveReadOnlyStore(settings.store_path())

    def concepts(self) -> ConceptIndex:
        """The concept index of the store (built on first use, rebuilt on change)."""
        return self._concepts.get(self.store)

    def index(self) -> SearchIndex:
        """The search index: ``Settings.index_path()``, else built in memory from the store
        (tests, ``:memory:``) and rebuilt when the store's triple count changes."""
        path = self.settings.index_path()
        with self._index_lock:
            if path is not None:
                if self._index is None:
                    self._index = SearchIndex.open(path)
                self.follower.start()
                return self._index
            store = self.store
            size = store.triple_count()
            if self._index is None or self._index_built_for != size:
                index = SearchIndex.open(None)
                rebuild(index, store, threads=1)
                self._index, self._index_built_for = index, size
            return self._index

    @property
    def pool(self) -> QueryPool | None:
        """The worker pool of an embedded store (None for a remote store)."""
        store = self.store
        with self._lock:
            if self._pool is None and isinstance(store, EmbeddedStore):
                if store.path is None:
                    reader = partial(FixedReader, store.raw)
                else:
                    reader = partial(SnapshotReader, store.path)
                # anonymous queries take at most ``workers`` of them (RoleGate): token
                # holders always find theirs free
                size = self.workers + max(1, self.settings.token_query_workers)
                self._pool = QueryPool(reader, size=size, timeout=self.settings.query_timeout)
                atexit.register(self._pool.close)
            return self._pool

    def run(self, job: QueryJob, role: Role | None = None) -> QueryOutput:
        """Run a /sparql query within the role's time limit and concurrency bound.

        Raises :class:`~sparql_api.core.errors.GateFull` when the role's slots are all taken.
        """
        role = role or anonymous(self.settings)
        ticket = self.gate.enter(role)
        try:
            pool = self.pool
            if pool is not None:
                return pool.run(job, timeout=role.timeout)
            return run_remote(self.store, job, role.timeout)
        finally:
            self.gate.leave(role, ticket)

    def write(self, update: str, graphs: list | None = None) -> None:
        """Run a SPARQL Update on the store (one at a time); queries see it next. The change
        feed records it, in the same transaction, as a change of ``graphs`` (None: unknown,
        and the search indexes following the feed rebuild).

        An on-disk store is opened read-write for the update only, so a ``gaia-kg load``
        running meanwhile makes it fail (:class:`StoreBusy`: the store is locked) instead of
        waiting; a malformed update raises ``QueryError``.
        """
        try:
            self._write(update, graphs)
        except StoreError as exc:
            raise StoreBusy(str(exc)) from exc

    def _write(self, update: str, graphs: list | None) -> None:
        store = self.store
        with self._write_lock:
            if not isinstance(store, LiveReadOnlyStore):
                store.feed_retention = self.settings.feed_retention
                store.record(update, graphs)  # in memory, or remote
            else:
                writer = EmbeddedStore(store.path)
                writer.feed_retention = self.settings.feed_retention
                try:
                    writer.record(update, graphs)
                finally:
                    writer.close()
                    del writer  # pyoxigraph releases the lock when the store is freed
            pool = self._pool
            if pool is not None and getattr(store, "path", None) is None:
                pool.refresh()  # forked workers hold a copy of the in-memory store

    def close(self) -> None:
        """Stop the workers and the feed's follower, and close a store this catalogue
        opened."""
        self.follower.stop()
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                atexit.unregister(self._pool.close)
                self._pool = None
            if self._store is not None and self._given is None:
                self._store.close()
                self._store = None
