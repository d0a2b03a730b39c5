"""Sections where a request's thread waits for work done elsewhere (a query worker process,
a remote SPARQL server) and uses no processor time of its own process.

The server (:func:`sparql_api.serving.balance`) lets a worker process accept a new connection
only while none of its requests is running, so that requests queue once for all processes;
a request waiting here does not count meanwhile, so a slow SPARQL query does not keep its
process from accepting. Outside that server (tests, the CLI, the MCP server) no hook is set
and the section does nothing.

>>> calls = []
>>> set_hook(calls.append)
>>> with waiting_elsewhere():
...     calls.append("waiting")
>>> set_hook(None)
>>> calls
[-1, 'waiting', 1]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["waiting_elsewhere", "set_hook"]

_hook: Callable[[int], None] | None = None


def set_hook(hook: Callable[[int], None] | None) -> None:
    """``hook(-1)`` is called when a thread starts waiting elsewhere, ``hook(1)`` when it is
    back (None: no hook)."""
    global _hook
    _hook = hook


@contextmanager
def waiting_elsewhere() -> Iterator[None]:
    """The enclosed code waits for another process or server."""
    hook = _hook
    if hook is None:
        yield
        return
    hook(-1)
    try:
        yield
    finally:
        hook(1)
