"""A small pool of query worker processes, so that a query past its time limit is killed.

pyoxigraph cannot cancel a running query, so every ``/sparql`` query on an embedded store
runs in a worker process; when the time limit passes the worker is killed (SIGKILL) and a
fresh one is forked for the next query. Workers are forked (Linux), so they start fast and,
for an in-memory store, inherit its data as it was when they were forked.

An on-disk store is opened by each worker with ``pyoxigraph.Store.read_only``: that takes no
lock, so ``gaia-kg load`` may write in another process meanwhile. A read-only opener sees
the store as it was when opened, so :class:`SnapshotReader` reopens it when the folder has
changed since (a write appends to the log, a compaction rewrites files), at most once every
:data:`REOPEN_SECONDS`. Opening during a
compaction can fail for a moment (a table file just deleted): it is retried.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph_loader.errors import QueryError, QueryTimeout, StoreError
from sparql_api.core.elsewhere import waiting_elsewhere
from sparql_api.core.errors import PoolBusy
from sparql_api.core.execute import NotAcceptable, QueryJob, QueryOutput, run_job
from sparql_api.core.snapshot_folder import SnapshotFolders

__all__ = ["QueryPool", "SnapshotReader", "FixedReader", "NotAcceptable", "REOPEN_SECONDS"]

log = logging.getLogger(__name__)

_OPEN_RETRIES = 8
_PARENT_CHECK = 2.0  # seconds between checks that the server process is still there
#: seconds between two checks that another process wrote to an on-disk store
REOPEN_SECONDS = 1.0


class FixedReader:
    """A store already open in this process (in memory, inherited by fork)."""

    def __init__(self, store: ox.Store):
        self._store = store

    def current(self) -> ox.Store:
        return self._store

    def invalidate(self) -> None:
        """Nothing to reopen."""


class SnapshotReader:
    """An on-disk store opened read-only, reopened when another process has written to it.

    A load writes many times a second: reopening at each change cost a new snapshot (its
    own caches and write-ahead log replayed) per request, and a serving process grew by
    gigabytes during a load. The folder is therefore checked at most once every
    ``interval`` seconds, and the store reopened only when it changed: a write by another
    process is seen within ``interval``; :meth:`invalidate` forces a check on next use (after
    this process wrote). One thread at a time reopens it.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        interval: float = REOPEN_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.path = str(path)
        self.interval = interval
        self.clock = clock
        #: how many times the store was opened (for tests and monitoring)
        self.opens = 0
        self._store: ox.Store | None = None
        self._fingerprint: tuple | None = None
        self._checked: float | None = None
        self._opening = False
        self._epoch = 0  # counts invalidations
        self._lock = threading.Lock()
        #: each snapshot opened from a folder of its own, which the writer cannot delete
        #: table files from (:mod:`sparql_api.core.snapshot_folder`)
        self.folders = SnapshotFolders(self.path)

    def fingerprint(self) -> tuple:
        """Names, sizes and modification times of the store's files: any write by any
        process changes it (a compaction too)."""
        try:
            return self._scan()
        except OSError as exc:
            raise StoreError(f"cannot read the store folder {self.path}: {exc}") from exc

    def _scan(self) -> tuple:
        found = []
        with os.scandir(self.path) as entries:
            for entry in entries:
                try:
                    st = entry.stat()
                except FileNotFoundError:  # deleted by the writer's compaction meanwhile
                    continue
                if stat.S_ISREG(st.st_mode):
                    found.append((entry.name, st.st_size, st.st_mtime_ns))
        return tuple(sorted(found))

    def current(self) -> ox.Store:
        """The store, reopened first if the folder changed since it was opened (checked at
        most once every ``interval`` seconds). While one thread reopens it, the others go on
        reading the previous snapshot."""
        with self._lock:
            store, now = self._store, self.clock()
            recent = self._checked is not None and now - self._checked < self.interval
            if store is not None and (recent or self._opening):
                return store
            try:
                fingerprint = self._scan()
            except OSError as exc:
                raise StoreError(f"cannot read the store folder {self.path}: {exc}") from exc
            self._checked = now
            if store is not None and fingerprint == self._fingerprint:
                return store
            if store is None:  # nothing to read meanwhile: open under the lock
                return self._replace(fingerprint)
            self._opening, epoch = True, self._epoch
        try:
            fresh = self._open()
        finally:
            with self._lock:
                self._opening = False
        with self._lock:
            self.opens += 1
            if epoch == self._epoch:  # else invalidated meanwhile: may predate that write
                self._store, self._fingerprint = fresh, fingerprint
            return fresh

    def _replace(self, fingerprint: tuple) -> ox.Store:
        self._store = self._open()
        self._fingerprint = fingerprint
        self.opens += 1
        return self._store

    def invalidate(self) -> None:
        """Forget the open store: the next :meth:`current` reopens it."""
        with self._lock:
            self._store = None
            self._epoch += 1

    def _open(self) -> ox.Store:
        error = ""
        for attempt in range(_OPEN_RETRIES):
            try:
                return self.folders.open()
            except (OSError, RuntimeError) as exc:  # a compaction deleted a file meanwhile
                # its text only: the exception kept would hold this frame and its callers'
                # (the snapshot current until now among them) until the cyclic collector
                # runs, and the snapshot's folder would outlive it (SnapshotFolders.sweep)
                error = str(exc)
            time.sleep(0.02 * (attempt + 1))
        raise StoreError(f"cannot open the store at {self.path} read-only: {error}")


def _worker_loop(
    conn: Connection,
    parent_end: Connection,
    make_reader: Callable[[], FixedReader | SnapshotReader],
) -> None:
    """Body of a worker: answer jobs until the pipe closes or the parent process is gone."""
    parent_end.close()  # else this worker would hold its own pipe open and never see EOF
    parent = os.getppid()
    reader = make_reader()
    while True:
        try:
            while not conn.poll(_PARENT_CHECK):
                if os.getppid() != parent:  # the server was killed: do not linger
                    return
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(reader, job))


def _answer(reader: FixedReader | SnapshotReader, job: QueryJob) -> tuple:
    for attempt in (1, 2):
        try:
            return ("ok", run_job(reader.current(), job))
        except SyntaxError as exc:
            return ("syntax", str(exc))
        except NotAcceptable as exc:
            return ("not_acceptable", exc.args[0])
        except ValueError as exc:  # e.g. an IRI given as a graph name
            return ("syntax", str(exc))
        except (OSError, RuntimeError, StoreError) as exc:
            if attempt == 2:
                return ("store", str(exc))
            reader.invalidate()
    raise AssertionError("unreachable")


def _wait(
    conn: Connection, timeout: float, checkpoint: tuple[float, Callable[[], None]] | None
) -> bool:
    """Whether ``conn`` has an answer within ``timeout`` seconds, making the ``checkpoint``
    call on the way (see :meth:`QueryPool.run`)."""
    if checkpoint is None or checkpoint[0] >= timeout:
        return conn.poll(timeout)
    seconds, call = checkpoint
    if conn.poll(seconds):
        return True
    call()
    return conn.poll(timeout - seconds)


@dataclass(eq=False)
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    generation: int

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        """Kill the process and reap it, so that no zombie is left behind."""
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """``size`` worker processes running queries with a time limit of ``timeout`` seconds.

    ``make_reader`` runs in each new worker and returns what gives it the store.
    """

    def __init__(
        self,
        make_reader: Callable[[], FixedReader | SnapshotReader],
        *,
        size: int = 2,
        timeout: float = 30.0,
    ):
        self.make_reader = make_reader
        self.size = max(1, size)
        self.timeout = timeout
        self._idle: list[_Worker] = []
        self._count = 0
        self._generation = 0
        self._lock = threading.Condition()
        self._context = mp.get_context("fork")

    def pids(self) -> list[int]:
        """Process ids of the idle workers (for tests and monitoring)."""
        with self._lock:
            return [w.process.pid for w in self._idle]

    def run(
        self,
        job: QueryJob,
        timeout: float | None = None,
        checkpoint: tuple[float, Callable[[], None]] | None = None,
    ) -> QueryOutput:
        """Run ``job`` in a worker; raise :class:`QueryTimeout` (worker killed) past the limit.

        ``timeout`` overrides the pool's time limit for this query (per-role limits).
        ``checkpoint`` = (seconds, call): when the query still runs after ``seconds``,
        ``call()`` is made; if it raises, the query is stopped (its worker killed) and the
        exception goes to the caller (the light lane of :class:`~sparql_api.core.roles.RoleGate`).
        """
        timeout = self.timeout if timeout is None else timeout
        with waiting_elsewhere():
            worker = self._acquire(timeout)
        try:
            worker.conn.send(job)
            with waiting_elsewhere():
                ready = _wait(worker.conn, timeout, checkpoint)
            answer = worker.conn.recv() if ready else None
        except (EOFError, OSError) as exc:
            self._discard(worker)
            raise StoreError(f"query worker {worker.process.pid} died: {exc}") from exc
        except BaseException:
            self._discard(worker)
            raise
        if answer is None:
            log.warning("query stopped after %s s (worker %s killed)", timeout, worker.pid)
            self._discard(worker)
            raise QueryTimeout(f"query stopped after {timeout} s")
        self._release(worker)
        status, value = answer
        if status == "ok":
            return value
        if status == "syntax":
            raise QueryError(value)
        if status == "not_acceptable":
            raise NotAcceptable(value)
        raise StoreError(value)

    def refresh(self) -> None:
        """Replace every worker (an in-memory store changed since they were forked)."""
        with self._lock:
            self._generation += 1
            idle, self._idle = self._idle, []
            self._count -= len(idle)
            self._lock.notify_all()
        for worker in idle:
            worker.stop()

    def close(self) -> None:
        """Stop the idle workers; busy ones are stopped when their query returns."""
        self.refresh()

    # -- internals -------------------------------------------------------------------------
    def _acquire(self, timeout: float) -> _Worker:
        deadline = time.monotonic() + timeout
        with self._lock:
            while not self._idle and self._count >= self.size:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise PoolBusy("no query worker became free")
                self._lock.wait(remaining)
            if self._idle:
                return self._idle.pop()
            self._count += 1
            generation = self._generation
        try:
            return self._spawn(generation)
        except BaseException:
            with self._lock:
                self._count -= 1
                self._lock.notify()
            raise

    def _spawn(self, generation: int) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_worker_loop,
            args=(child, parent, self.make_reader),
            daemon=True,
            name="gaia-kg-query",
        )
        process.start()
        child.close()
        return _Worker(process, parent, generation)

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self._generation:
            self._discard(worker)
            return
        with self._lock:
            self._idle.append(worker)
            self._lock.notify()

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._count -= 1
            self._lock.notify()
