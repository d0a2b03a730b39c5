"""Who is asking (anonymous or a token holder), and how much each role may run at once.

No Flask here. A request carrying ``Authorization: Bearer <token>`` with a token from
``Settings.admin_tokens`` is a *token* request: it may write (SPARQL Update, Graph Store
Protocol) and its queries get ``token_query_timeout`` and their own workers. Anything else
is *anonymous*: read-only, ``query_timeout``, ``query_workers`` queries at once.

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
from sparql_api.core.errors import GateFull

__all__ = ["Role", "BadToken", "role_for", "RoleGate", "ROLES"]

ROLES = ("anonymous", "token")


@dataclass(frozen=True, slots=True)
class Role:
    """A role and its limits."""

    name: str  # "anonymous" | "token"
    timeout: float
    slots: int

    @property
    def can_write(self) -> bool:
        return self.name == "token"


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
    """The anonymous role of ``settings``."""
    return Role("anonymous", settings.query_timeout, max(1, settings.query_workers))


__all__ += ["anonymous"]


class RoleGate:
    """At most ``role.slots`` queries of each role at once; the next one is refused at once.

    Refusing (503 + ``Retry-After``) instead of queueing keeps one client's burst of slow
    queries from holding the other clients' requests; ``retry_after`` is the time until the
    first running query of that role reaches its time limit.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._running: dict[str, dict[int, float]] = {name: {} for name in ROLES}
        self._ticket = 0

    def running(self, role: str) -> int:
        """How many queries of ``role`` run now."""
        with self._lock:
            return len(self._running[role])

    def enter(self, role: Role) -> int:
        """Take a slot (returns a ticket for :meth:`leave`) or raise :class:`GateFull`."""
        now = time.monotonic()
        with self._lock:
            running = self._running[role.name]
            if len(running) >= role.slots:
                wait = min(running.values()) - now
                raise GateFull(max(1, math.ceil(wait)), role=role.name, slots=role.slots)
            self._ticket += 1
            running[self._ticket] = now + role.timeout
            return self._ticket

    def leave(self, role: Role, ticket: int) -> None:
        """Give back the slot taken by ``ticket``."""
        with self._lock:
            self._running[role.name].pop(ticket, None)
