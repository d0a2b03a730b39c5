"""What the tests' CGI servers share (:mod:`wms_server`: MapServer, :mod:`wmts_server`:
MapCache): relaying a CGI program's answer over HTTP, and an HTTP server running in a thread."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["cgi_reply", "serving"]


def cgi_reply(
    handler: BaseHTTPRequestHandler,
    done: subprocess.CompletedProcess,
    extra: tuple[tuple[str, str], ...] = (),
) -> None:
    """Send what a CGI program printed (``done.stdout``: headers, a blank line, the body) as the
    answer of ``handler``: its ``Status:`` header as the status (200 without one, 500 if the
    program failed), its other headers, then ``extra``, with the body's own length."""
    head, sep, body = done.stdout.partition(b"\r\n\r\n")
    if not sep:
        head, _, body = done.stdout.partition(b"\n\n")
    status, headers = 200, []
    for line in head.decode("latin-1").splitlines():
        name, _, value = line.partition(":")
        name, value = name.strip(), value.strip()
        if name.lower() == "status":
            status = int(value.split()[0])
        elif name and value and name.lower() != "content-length":
            headers.append((name, value))
    handler.send_response(status if done.returncode == 0 else 500)
    for name, value in (*headers, *extra):
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[ThreadingHTTPServer]:
    """``server`` answering in a thread until the block ends, then shut down and closed."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
