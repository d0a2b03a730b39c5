"""Each serving process keeps its search index current: a daemon thread applies the store's
change feed every ``Settings.feed_poll`` seconds (:func:`graph_loader.index.follow.follow`).

One thread per process, started on first use and again in a process forked after it (the
workers of a pre-loading server); a poll with nothing new costs one small query. Several
processes sharing an index folder take turns: the one that finds the index's writer busy
skips the round, and reads the position the other one saved.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from graph_loader.errors import GaiaKGError
from graph_loader.index import SearchIndex
from graph_loader.index.follow import follow
from graph_loader.store import Store

__all__ = ["IndexFollower"]

log = logging.getLogger(__name__)


class IndexFollower:
    """Calls :func:`follow` on ``index()`` and ``store()`` every ``every`` seconds."""

    def __init__(
        self,
        index: Callable[[], SearchIndex],
        store: Callable[[], Store],
        every: float,
    ):
        self._index, self._store, self.every = index, store, every
        self._pid: int | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: what the last poll failed with (None when it went well)
        self.error: str | None = None

    def start(self) -> None:
        """Start the thread of this process, unless it runs (or polling is off)."""
        if self.every <= 0 or self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self._stop.clear()
            thread = threading.Thread(target=self._loop, name="gaia-kg-feed", daemon=True)
            thread.start()
            self._thread = thread

    def stop(self, wait: float = 0) -> None:
        """Stop polling: the thread ends after its current round, awaited up to ``wait``
        seconds (before the store it reads is closed)."""
        self._stop.set()
        self._pid = None
        thread, self._thread = self._thread, None
        if wait and thread is not None and thread is not threading.current_thread():
            thread.join(wait)

    def poll(self):
        """One round: apply what the feed has after the index's position; its report, or
        None (nothing new, or the index's writer busy in another process)."""
        try:
            report = follow(self._index(), self._store())
        except GaiaKGError as exc:  # the store down, the index written elsewhere: next round
            self.error = str(exc)
            log.warning("search index not brought up to date: %s", exc)
            return None
        self.error = None
        if report is not None:
            log.info("search index: %s", report.message())
        return report

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.poll()
            except Exception:  # never let the thread die: the next round may do better
                log.exception("search index: following the change feed failed")
