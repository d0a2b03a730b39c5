"""The production server: gunicorn's arbiter over worker processes that each run waitress.

gunicorn manages the processes (one listening socket shared by ``workers`` forked processes,
a dead or silent worker replaced, graceful stop on SIGTERM, one more or one less on
SIGTTIN / SIGTTOU); inside each worker, waitress serves the app with ``threads`` threads.
waitress reads every request asynchronously and hands it to a thread only once its headers
and body are all in: a client sending its request byte by byte costs a socket, never a
thread (gunicorn's own threaded worker blocks a thread on such a client until it finishes).
Each worker accepts up to :data:`CONNECTIONS` connections (polled, not ``select``-ed) and
closes one idle for :data:`IDLE_SECONDS`.

Each worker builds its own app after the fork (``create_app``): the query workers, the
search index reader, the concept index and the in-process caches and rate limiters are per
process (see ``docs/deployment.md``).
"""

from __future__ import annotations

import logging
import os
import select
import sys
import threading
import time
from collections.abc import Callable

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.workers.base import Worker

from sparql_api.core.elsewhere import set_hook

__all__ = ["WaitressWorker", "serve", "balance", "bind_address", "CONNECTIONS", "IDLE_SECONDS"]

#: connections one worker process keeps open at most (slow ones included)
CONNECTIONS = 1000
#: seconds without a byte after which a connection (a request half sent) is closed
IDLE_SECONDS = 30
#: seconds of silence after which gunicorn replaces a worker (its heartbeat stopped)
HEARTBEAT_SECONDS = 30


def default_workers() -> int:
    """The number of processes ``gaia-kg serve`` starts: the cores this process may use."""
    return max(1, len(os.sched_getaffinity(0)))


class WaitressWorker(Worker):
    """A gunicorn worker serving its app with waitress on the sockets the arbiter bound."""

    def run(self) -> None:
        from waitress.server import create_server

        server = create_server(
            self.wsgi,
            sockets=[listener.sock for listener in self.sockets],
            threads=self.cfg.threads,
            connection_limit=CONNECTIONS,
            channel_timeout=IDLE_SECONDS,
            cleanup_interval=min(10, IDLE_SECONDS),
            asyncore_use_poll=True,  # select() stops at 1,024 descriptors
            ident="gaia-kg",
            clear_untrusted_proxy_headers=True,
        )
        balance(server)
        threading.Thread(target=self._heartbeat, name="gaia-kg-heartbeat", daemon=True).start()
        server.run()  # returns on SystemExit / KeyboardInterrupt, its threads stopped
        self._exit()

    def _exit(self) -> None:
        """Stop the query workers, then leave without the interpreter's teardown: the
        native stores and indexes still referenced by threads crashed it (SIGSEGV)."""
        from sparql_api.web.catalogue import EXTENSION

        try:
            catalogue = getattr(self.wsgi, "extensions", {}).get(EXTENSION)
            if catalogue is not None:
                catalogue.close()
        finally:
            logging.shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def _heartbeat(self) -> None:
        """Tell the arbiter this worker lives; stop it if the arbiter is gone."""
        while self.alive:
            self.notify()
            if os.getppid() != self.ppid:
                self.log.info("parent changed, shutting down: %s", self)
                os.kill(os.getpid(), 15)  # SIGTERM: the handler below stops the loop
                return
            time.sleep(1.0)

    def handle_exit(self, sig, frame) -> None:
        """SIGTERM: stop accepting and end the waitress loop (running requests finish)."""
        self.alive = False
        raise SystemExit(0)


def balance(server) -> None:
    """Share the requests between the worker processes by their load, not by connection.

    The workers share one listening socket, and waitress accepts every connection it can:
    a keep-alive client stays with the worker that accepted it, whatever that worker's load.
    Measured with 32 keep-alive clients on two workers, one held 22 connections and the
    other 10, and the first one's clients waited twice as long; and in a worker, eight
    threads sharing the interpreter made a search wait behind every request that came after
    it. So, as unicorn's accept-when-idle and Puma's ``wait_for_less_busy_worker`` do, a
    worker accepts a connection only while none of its requests is running (one waiting
    for a query worker or a remote server does not count:
    :mod:`sparql_api.core.elsewhere`): a new connection waits in the kernel's queue for
    the first idle worker. A response sent while others wait, in this worker or in that
    queue, closes its connection (``Connection: close``): that client's next request queues
    behind them for any worker, instead of going first. When nobody waits, connections are
    kept alive as before, and every thread of a worker still serves the requests of the
    connections it holds.
    """
    from waitress.channel import HTTPChannel
    from waitress.server import BaseWSGIServer
    from waitress.task import WSGITask

    sockets = server.map if hasattr(server, "map") else server._map  # several or one
    load = _Load(
        server.task_dispatcher, [s for s in list(sockets.values()) if isinstance(s, BaseWSGIServer)]
    )

    class Task(WSGITask):
        def service(self):
            load.count(1)
            try:
                super().service()
            finally:
                load.count(-1)

        def build_response_header(self):
            if load.others_waiting():  # this client queues again behind them, for any worker
                self.set_close_on_finish()
            return super().build_response_header()

    class Channel(HTTPChannel):
        task_class = Task

    for listener in load.listeners:
        accepting = listener.readable
        listener.readable = lambda accepting=accepting: accepting() and not load.busy()
        listener.channel_class = Channel
    set_hook(load.count)


class _Load:
    """The requests running in one worker (not those waiting elsewhere) and those waiting."""

    def __init__(self, dispatcher, listeners: list):
        self.dispatcher, self.listeners = dispatcher, listeners
        self.descriptors = [listener.socket.fileno() for listener in listeners]
        self.running = 0
        self._lock = threading.Lock()

    def count(self, delta: int) -> None:
        """One more (1) or one fewer (-1) request running here."""
        with self._lock:
            self.running += delta
        if delta < 0:
            self.listeners[0].pull_trigger()  # the loop checks again whether to accept

    def busy(self) -> bool:
        return bool(self.dispatcher.queue) or self.running > 0

    def others_waiting(self) -> bool:
        """A request queued in this worker, or a connection no worker accepted yet."""
        if self.dispatcher.queue:
            return True
        try:  # select is thread-safe, unlike a poll object
            ready, _, _ = select.select(self.descriptors, [], [], 0)
        except (OSError, ValueError):  # the socket closed: the worker is stopping
            return False
        return bool(ready)


class _Application(BaseApplication):
    """gunicorn configured from code, not from a command line or a file."""

    def __init__(self, make_app: Callable[[], Flask], options: dict):
        self._make_app = make_app
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self._make_app()  # in each worker, after the fork


def bind_address(host: str, port: int) -> str:
    """gunicorn's ``bind`` value for ``host`` and ``port`` (IPv6 in brackets).

    >>> bind_address("::", 8000), bind_address("127.0.0.1", 80)
    ('[::]:8000', '127.0.0.1:80')
    """
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def serve(make_app: Callable[[], Flask], host: str, port: int, *, workers: int, threads: int):
    """Serve ``make_app()`` on ``host:port`` with ``workers`` processes of ``threads``
    threads until SIGINT or SIGTERM."""
    options = {
        "bind": [bind_address(host, port)],
        "workers": max(1, workers),
        "threads": max(1, threads),
        "worker_class": f"{__name__}.WaitressWorker",
        "timeout": HEARTBEAT_SECONDS,
        "graceful_timeout": 10,
        "preload_app": False,
        "proc_name": "gaia-kg",
        "accesslog": None,
        "loglevel": "warning",
    }
    _Application(make_app, options).run()
