"""A real HTTP server on 127.0.0.1 (port 0, in a thread) answering with a test's app."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

__all__ = ["Request", "Answer", "FixtureServer", "serve"]


@dataclass(frozen=True)
class Request:
    """What the server received: method, path, query parameters, body and headers (names
    in lower case)."""

    method: str
    path: str
    query: dict[str, str]
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """What the app answers; ``delay`` seconds of silence first (cut short on stop);
    ``headers``: more header fields, as (name, value) pairs."""

    status: int
    content_type: str
    body: bytes
    delay: float = 0.0
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class FixtureServer:
    """The running server: its base URL, the requests it received and the statuses it
    answered them with, in order."""

    url: str
    requests: list[Request] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)


@contextmanager
def serve(app: Callable[[Request], Answer]) -> Iterator[FixtureServer]:
    """Serve ``app`` on 127.0.0.1 while the block runs."""
    state = FixtureServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self._answer(b"")

        def do_POST(self) -> None:  # noqa: N802
            self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

        def _answer(self, body: bytes) -> None:
            parts = urlsplit(self.path)
            headers = {k.lower(): v for k, v in self.headers.items()}
            query = dict(parse_qsl(parts.query))
            request = Request(self.command, parts.path, query, body, headers)
            state.requests.append(request)
            answer = app(request)
            if answer.delay and state.stopping.wait(answer.delay):
                return
            state.statuses.append(answer.status)
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            if answer.status == 304:  # no body, no content headers (RFC 9110 §15.4.5)
                self.end_headers()
                return
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        state.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=2)
