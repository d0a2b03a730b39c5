"""The core's errors: plain exceptions, answered over HTTP in :mod:`sparql_api.web.http_errors`.

The core (:class:`~sparql_api.core.catalogue.Catalogue`, the query pool, the role gate) raises
these and the errors of :mod:`graph_loader.errors` it shares with the loader::

    StoreError (graph_loader)   the store cannot be opened or read        503
    └── StoreBusy               a writer holds the store: retry later     503 + Retry-After: 5
    GateFull                    every query slot of a role is taken       503 + Retry-After
    └── LaneFull                a query ran past the light lane's time    503 + Retry-After
                                while the long lane was full (stopped)
    ClientBusy                  one client runs its bound of queries      429 + Retry-After
    PoolBusy                    no query worker became free in time       503 + Retry-After: 1
    QueryError (graph_loader)   a malformed query (the surface says why)  400
    └── QueryTimeout            a query ran past its time limit            504

>>> GateFull(3, role="anonymous", slots=2).retry_after
3
"""

from __future__ import annotations

from graph_loader.errors import GaiaKGError, StoreError

__all__ = ["StoreBusy", "GateFull", "LaneFull", "ClientBusy", "PoolBusy"]


class StoreBusy(StoreError):
    """The store could not be written now (another process holds its lock)."""


class GateFull(GaiaKGError):
    """Every slot of ``role`` (``slots`` of them) is taken; ``retry_after`` (whole seconds) is
    a fair wait."""

    def __init__(self, retry_after: int, *, role: str = "anonymous", slots: int = 0):
        super().__init__(retry_after)
        self.retry_after = retry_after
        self.role = role
        self.slots = slots


class LaneFull(GateFull):
    """A query ran ``light`` seconds while the role's ``slots`` long queries were running: it
    was stopped, so that the light lane stays free."""

    def __init__(self, retry_after: int, *, role: str, slots: int, light: float):
        super().__init__(retry_after, role=role, slots=slots)
        self.light = light


class ClientBusy(GaiaKGError):
    """One client already runs (or waits for) ``limit`` queries."""

    def __init__(self, retry_after: int, *, limit: int):
        super().__init__(retry_after)
        self.retry_after = retry_after
        self.limit = limit


class PoolBusy(GaiaKGError):
    """No query worker became free in time."""
