"""Who is asking (anonymous or a token holder), and how much each role may run at once.

No Flask here. A request carrying ``Authorization: Bearer <token>`` with a token from
``Settings.admin_tokens`` is a *token* request: it may write (SPARQL Update, Graph Store
Protocol) and its queries get ``token_query_timeout`` and their own workers. Anything else
is *anonymous*: read-only, ``query_timeout``, ``query_workers`` long queries at once plus
``light_query_workers`` kept for light ones, ``client_queries`` at once from one client.

>>> from graph_loader.config import Settings
>>> s = Settings(admin_tokens=("s3cret",))
>>> role_for("Bearer s3cret", s).name, role_for(None, s).name
('token', 'anonymous')
"""

from __future__ import annotations

import hmac
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from graph_loader.config import Settings
from sparql_api.core.errors import ClientBusy, GateFull, LaneFull

__all__ = ["Role", "BadToken", "role_for", "RoleGate", "ROLES"]

ROLES = ("anonymous", "token")


@dataclass(frozen=True, slots=True)
class Role:
    """A role and its limits.

    ``slots`` queries of the role run at once. With lanes (``long_slots`` > 0), only
    ``long_slots`` of them may run past ``light_seconds``: the others are kept for light
    queries, and a query reaching ``light_seconds`` while the long lane is full is stopped.
    ``per_client`` bounds the queries one client runs (or waits to run) at once (0: none).
    """

    name: str  # "anonymous" | "token"
    timeout: float
    slots: int
    long_slots: int = 0
    light_seconds: float = 0.0
    per_client: int = 0

    @property
    def can_write(self) -> bool:
        return self.name == "token"

    @property
    def lanes(self) -> bool:
        """Whether a light lane is kept (some slots only for queries ending quickly)."""
        return 0 < self.long_slots < self.slots and self.light_seconds < self.timeout


class BadToken(Exception):
    """An ``Authorization`` header was sent but names no known token."""


def role_for(
    authorization: str | None,
    settings: Settings,
    user_token: Callable[[str], bool] | None = None,
) -> Role:
    """The role of a request from its ``Authorization`` header (None: anonymous).

    A header that is not a known bearer token raises :class:`BadToken` rather than falling
    back to anonymous, so a mistyped token is noticed. ``user_token`` also accepts a user's
    API token with the ``admin`` scope (issue 10:
    :func:`sparql_api.accounts.tokens_routes.is_admin_token`).
    """
    if not authorization:
        return anonymous(settings)
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise BadToken()
    given = token.encode()
    known = any(hmac.compare_digest(given, t.encode()) for t in settings.admin_tokens)
    if not known and user_token is not None:
        known = user_token(token)
    if not known:
        raise BadToken()
    return Role("token", settings.token_query_timeout, max(1, settings.token_query_workers))


def anonymous(settings: Settings) -> Role:
    """The anonymous role of ``settings``: ``query_workers`` long queries at once, and
    ``light_query_workers`` more slots for queries ending within ``light_query_seconds``;
    ``client_queries`` at once from one client."""
    long_slots = max(1, settings.query_workers)
    return Role(
        "anonymous",
        settings.query_timeout,
        long_slots + max(0, settings.light_query_workers),
        long_slots=long_slots,
        light_seconds=settings.light_query_seconds,
        per_client=max(0, settings.client_queries),
    )


__all__ += ["anonymous"]


@dataclass(slots=True)
class _Running:
    """A query admitted by a :class:`RoleGate`."""

    client: str | None
    free_at: float  # when its slot is free at the latest (light lane: ends or moves on)
    long: bool = False


class RoleGate:
    """At most ``role.slots`` queries of each role at once, ``role.per_client`` of them from one
    client, ``role.long_slots`` of them past ``role.light_seconds``.

    A client over its bound is refused at once (:class:`ClientBusy`, 429). When every slot of
    the role is taken, a role with a light lane waits up to ``light_seconds`` for one (its
    light slots turn over that fast), else the query is refused (:class:`GateFull`, 503 +
    ``Retry-After``): one client's burst of slow queries never holds the other clients'
    requests, and light queries keep a lane whatever runs long.
    """

    def __init__(self):
        self._lock = threading.Condition()
        self._running: dict[str, dict[int, _Running]] = {name: {} for name in ROLES}
        self._clients: dict[tuple[str, str], int] = {}  # queries running or waiting
        self._ticket = 0

    def running(self, role: str) -> int:
        """How many queries of ``role`` run now."""
        with self._lock:
            return len(self._running[role])

    def long_running(self, role: str) -> int:
        """How many queries of ``role`` run in the long lane now."""
        with self._lock:
            return sum(1 for query in self._running[role].values() if query.long)

    def enter(self, role: Role, client: str | None = None) -> int:
        """Take a slot for a query of ``client`` (a ticket for :meth:`leave`), or raise
        :class:`ClientBusy` or :class:`GateFull`."""
        key = (role.name, client) if client is not None and role.per_client else None
        with self._lock:
            running = self._running[role.name]
            if key is not None:
                if self._clients.get(key, 0) >= role.per_client:
                    mine = [r.free_at for r in running.values() if r.client == client]
                    raise ClientBusy(_wait_for(mine), limit=role.per_client)
                self._clients[key] = self._clients.get(key, 0) + 1
            try:
                self._wait_for_slot(role, running)
            except GateFull:
                self._forget(key)
                raise
            self._ticket += 1
            now = time.monotonic()
            light = role.light_seconds if role.lanes else role.timeout
            running[self._ticket] = _Running(client, now + light)
            return self._ticket

    def promote(self, role: Role, ticket: int) -> None:
        """The query of ``ticket`` ran ``role.light_seconds``: it goes on in the long lane, or
        :class:`LaneFull` is raised (the caller stops it)."""
        with self._lock:
            running = self._running[role.name]
            longs = [r.free_at for r in running.values() if r.long]
            if len(longs) >= role.long_slots:
                raise LaneFull(
                    _wait_for(longs), role=role.name, slots=role.long_slots,
                    light=role.light_seconds,
                )  # fmt: skip
            query = running[ticket]
            query.long = True
            query.free_at = time.monotonic() + role.timeout - role.light_seconds

    def leave(self, role: Role, ticket: int) -> None:
        """Give back the slot taken by ``ticket``."""
        with self._lock:
            query = self._running[role.name].pop(ticket, None)
            if query is not None and query.client is not None and role.per_client:
                self._forget((role.name, query.client))
            self._lock.notify_all()

    def _wait_for_slot(self, role: Role, running: dict[int, _Running]) -> None:
        deadline = time.monotonic() + (role.light_seconds if role.lanes else 0.0)
        while len(running) >= role.slots:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                frees = [r.free_at for r in running.values()]
                raise GateFull(_wait_for(frees), role=role.name, slots=role.slots)
            self._lock.wait(remaining)

    def _forget(self, key: tuple[str, str] | None) -> None:
        if key is None:
            return
        left = self._clients.get(key, 0) - 1
        if left > 0:
            self._clients[key] = left
        else:
            self._clients.pop(key, None)


def _wait_for(free_at: list[float]) -> int:
    """Whole seconds until the first of ``free_at`` (monotonic times), at least 1."""
    if not free_at:
        return 1
    return max(1, math.ceil(min(free_at) - time.monotonic()))
