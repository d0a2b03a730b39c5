"""A small in-process rate limiter (a sliding window per key), used on sign-in.

In-process means per worker process: behind several processes each counts on its own, so
the effective limit is multiplied by their number; a shared store (Redis) would be needed to
count across processes. The clock is injectable for tests.

>>> clock = [0.0]
>>> limiter = RateLimiter(2, 60, clock=lambda: clock[0])
>>> [limiter.hit("ip:1") for _ in range(3)]
[None, None, 60]
>>> clock[0] = 61.0
>>> limiter.hit("ip:1") is None
True
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

__all__ = ["RateLimiter"]


class RateLimiter:
    """At most ``limit`` hits per ``window`` seconds for each key."""

    def __init__(
        self, limit: int, window: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, *keys: str) -> int | None:
        """Count one hit on each key; None if allowed, else the seconds to wait (no count)."""
        moment = self.clock()
        with self._lock:
            waits = []
            for key in keys:
                hits = self._hits.setdefault(key, deque())
                while hits and hits[0] <= moment - self.window:
                    hits.popleft()
                if len(hits) >= self.limit:
                    waits.append(max(1, math.ceil(hits[0] + self.window - moment)))
            if waits:
                return max(waits)
            for key in keys:
                self._hits[key].append(moment)
            if len(self._hits) > 100_000:  # forget idle keys now and then
                self._hits = {k: v for k, v in self._hits.items() if v}
            return None

    def clear(self, key: str) -> None:
        """Forget the hits of ``key`` (after a successful sign-in)."""
        with self._lock:
            self._hits.pop(key, None)
