"""What a harvest run keeps on the way (:mod:`.run`): the batches sent to conversion, in
parts, until they are written; the pages it failed to read."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field

from ..store import GraphWrite

__all__ = ["Troubles", "Part", "Pending"]


@dataclass
class Troubles:
    """The pages a run failed to read so far."""

    #: retries made, by the resume token of the page
    attempts: Counter = field(default_factory=Counter)
    #: pages skipped in a row without a record read between them
    skipped: int = 0
    read_before: int = 0


@dataclass
class Part:
    """Part of a batch sent to conversion: its size, the results said when its records were
    admitted (by place) and the graphs they drop, and its conversion (None: nothing to
    convert)."""

    size: int
    said: dict[int, list]
    drops: list[GraphWrite]
    future: Future | None

    def done(self) -> bool:
        return self.future is None or self.future.done()


@dataclass
class Pending:
    """A batch on its way, written in one transaction once closed and converted: its parts,
    and where to resume from once it is written (set when it is closed)."""

    parts: list[Part] = field(default_factory=list)
    token: str | None = None
    closed: bool = False

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)

    def done(self) -> bool:
        return self.closed and all(p.done() for p in self.parts)
