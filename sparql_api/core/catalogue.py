"""The catalogue: what every surface reads (store, query pool, search and concept indexes)."""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections.abc import Callable, Hashable
from functools import partial
from pathlib import Path
from typing import TypeVar

from graph_loader.backends import open_store
from graph_loader.config import Settings
from graph_loader.derived import store_generation
from graph_loader.errors import StoreError
from graph_loader.index import SearchIndex, rebuild
from graph_loader.store import EmbeddedStore, Store
from sparql_api.core.answers import AnswerCache
from sparql_api.core.concept_index import ConceptIndex, ConceptIndexHolder
from sparql_api.core.errors import StoreBusy
from sparql_api.core.execute import QueryJob, QueryOutput
from sparql_api.core.follower import IndexFollower
from sparql_api.core.pool import REOPEN_SECONDS, FixedReader, QueryPool, SnapshotReader
from sparql_api.core.remote_query import run_remote
from sparql_api.core.roles import Role, RoleGate, anonymous

__all__ = ["Catalogue", "LiveReadOnlyStore", "CHECK_SECONDS"]

T = TypeVar("T")

#: how often the concept index checks whether the store changed
CHECK_SECONDS = 10.0
#: how long an answer computed from a remote store is kept (other clients may write to it)
REMOTE_ANSWER_SECONDS = 60.0


class LiveReadOnlyStore(EmbeddedStore):
    """An on-disk store opened read-only, reopened when another process has written to it.

    The HTTP layer writes nothing, so it takes no lock: ``gaia-kg load`` can run meanwhile.
    """

    def __init__(self, path: str | Path, *, interval: float = REOPEN_SECONDS):
        self.path = Path(path)
        self._reader = SnapshotReader(self.path, interval=interval)

    @property
    def _store(self):  # EmbeddedStore reads self._store: give it the fresh snapshot
        return self._reader.current()

    def snapshot(self) -> object | None:
        """The snapshot being read (replaced when another process wrote)."""
        return self._reader.current()

    def invalidate(self) -> None:
        """Reopen on next use (this process has just written to the store)."""
        self._reader.invalidate()

    def close(self) -> None:
        """Nothing to flush: this store never writes."""

    def version(self) -> tuple:
        """Changes whenever any process wrote to the store (see :class:`SnapshotReader`)."""
        return self._reader.fingerprint()


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
        self.workers = anonymous(settings).slots  # the anonymous role's slots
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
        self._writes = 0  # updates made through this catalogue
        self.answers = AnswerCache()
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
        return LiveReadOnlyStore(settings.store_path(), interval=settings.reopen_seconds)

    def version(self) -> tuple:
        """A value that changes whenever the store may have changed: the files of an on-disk
        store (whichever process wrote); for a store in memory, the updates made through
        this catalogue and the store generation (loads); for a remote store, the updates
        made through this catalogue, the generation, and ``REMOTE_ANSWER_SECONDS`` windows
        (another client may write to it unseen)."""
        store = self.store
        if isinstance(store, LiveReadOnlyStore):
            return ("disk", store.version())
        version = (self._writes, store_generation(store))
        if isinstance(store, EmbeddedStore):
            return ("memory", *version)
        return ("remote", *version, int(time.monotonic() // REMOTE_ANSWER_SECONDS))

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, kept for ``key`` while :meth:`version` is the same (see
        :class:`~sparql_api.core.answers.AnswerCache`); ``compute`` reads the store as it
        is now."""
        return self.answers.get(key, self.version(), compute)

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
                    interval = self.settings.reopen_seconds
                    reader = partial(SnapshotReader, store.path, interval=interval)
                # anonymous queries take at most ``workers`` of them (RoleGate): token
                # holders always find theirs free
                size = self.workers + max(1, self.settings.token_query_workers)
                self._pool = QueryPool(reader, size=size, timeout=self.settings.query_timeout)
                atexit.register(self._pool.close)
            return self._pool

    def run(
        self, job: QueryJob, role: Role | None = None, client: str | None = None
    ) -> QueryOutput:
        """Run a /sparql query of ``client`` (its address; None: not bounded per client)
        within the role's time limit and concurrency bounds (:class:`RoleGate`).

        Raises :class:`~sparql_api.core.errors.GateFull` when the role's slots are all taken
        (:class:`~sparql_api.core.errors.LaneFull` when the query was stopped at the end of
        the light lane), :class:`~sparql_api.core.errors.ClientBusy` when ``client`` runs
        its bound of queries.
        """
        role = role or anonymous(self.settings)
        ticket = self.gate.enter(role, client)
        try:
            pool = self.pool
            if pool is not None:
                checkpoint = None
                if role.lanes:  # past the light lane's time, a long slot or the end
                    checkpoint = (role.light_seconds, partial(self.gate.promote, role, ticket))
                return pool.run(job, timeout=role.timeout, checkpoint=checkpoint)
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
                self._run(store, update, graphs)  # in memory, or remote
            else:
                writer = EmbeddedStore(store.path)
                try:
                    self._run(writer, update, graphs)
                finally:
                    writer.close()
                    del writer  # pyoxigraph releases the lock when the store is freed
                    store.invalidate()  # seen by this process's next request
            self._writes += 1
            pool = self._pool
            if pool is not None:  # forked workers hold a copy of the in-memory store, or a
                pool.refresh()  # snapshot of the on-disk one checked once a second

    def _run(self, store: Store, update: str, graphs: list | None) -> None:
        """``update`` on ``store``, with its change-feed entry unless the feed is off."""
        if not self.settings.feed:
            store.update(update)
            return
        store.feed_retention = self.settings.feed_retention
        store.record(update, graphs)

    def close(self) -> None:
        """Stop the workers and the feed's follower, and close a store this catalogue
        opened."""
        self.follower.stop(wait=30)  # its round done before the store closes
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                atexit.unregister(self._pool.close)
                self._pool = None
            if self._store is not None and self._given is None:
                self._store.close()
                self._store = None
