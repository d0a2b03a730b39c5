"""A worker process of ``gaia-kg serve`` takes a connection only while it runs no request
(:func:`sparql_api.serving.balance`), and sends a client that would go before others back
to the queue; a request waiting for a query worker does not count as running."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from waitress.server import create_server

from sparql_api.core.elsewhere import set_hook, waiting_elsewhere
from sparql_api.serving import balance


class App:
    """A WSGI app whose ``/hold`` requests run (or wait elsewhere) until released."""

    def __init__(self, elsewhere: bool = False):
        self.release, self.elsewhere = threading.Event(), elsewhere
        self.holding = threading.Semaphore(0)

    def __call__(self, environ, start_response):
        if environ["PATH_INFO"] == "/hold":
            self.holding.release()
            if self.elsewhere:
                with waiting_elsewhere():
                    self.release.wait(10)
            else:
                self.release.wait(10)
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
        return [b"ok"]


@contextmanager
def worker(app: App) -> Iterator[int]:
    """One balanced waitress worker with eight threads on a free port of 127.0.0.1."""
    listener = socket.create_server(("127.0.0.1", 0))
    server = create_server(app, sockets=[listener], threads=8, asyncore_use_poll=True)
    balance(server)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        app.release.set()
        server.close()
        set_hook(None)


def accepted(port: int, timeout: float = 1.0, path: str = "/") -> bool:
    """Whether a new connection is answered (a request served) within ``timeout`` seconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        return connection.getresponse().read() == b"ok"
    except TimeoutError:
        return False
    finally:
        connection.close()


def hold(port: int, app: App) -> threading.Thread:
    """A client whose request runs in the worker until ``app.release``."""
    thread = threading.Thread(target=accepted, args=(port, 15.0, "/hold"), daemon=True)
    thread.start()
    assert app.holding.acquire(timeout=5)
    return thread


def test_a_worker_running_a_request_leaves_new_connections_to_the_others():
    app = App()
    with worker(app) as port:
        assert accepted(port)  # idle: it accepts
        holder = hold(port, app)
        assert not accepted(port, timeout=0.5)  # left in the kernel's queue
        waiting = threading.Thread(target=lambda: results.append(accepted(port, 5.0)))
        results: list[bool] = []
        waiting.start()
        time.sleep(0.2)
        app.release.set()  # idle again: the waiting connection is taken and served
        waiting.join(6)
        holder.join(6)
        assert results == [True]


def test_a_request_waiting_for_another_process_does_not_keep_connections_out():
    app = App(elsewhere=True)
    with worker(app) as port:
        holder = hold(port, app)
        assert accepted(port)
        app.release.set()
        holder.join(6)


@pytest.mark.parametrize("others_wait", [False, True])
def test_a_connection_is_kept_alive_unless_others_wait(others_wait):
    app = App()
    with worker(app) as port:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        client.request("GET", "/")
        first = client.getresponse()
        assert (first.read(), first.getheader("Connection")) == (b"ok", None)
        if others_wait:  # one request runs and another connection waits for the worker
            holder = hold(port, app)
            queued = threading.Thread(target=accepted, args=(port, 5.0), daemon=True)
            queued.start()
            time.sleep(0.2)
        client.request("GET", "/")  # served by another thread of the worker meanwhile
        second = client.getresponse()
        expected = "close" if others_wait else None
        assert (second.read(), second.getheader("Connection")) == (b"ok", expected)
        if others_wait:
            app.release.set()
            holder.join(6)
            queued.join(6)
        client.close()
