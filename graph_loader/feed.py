"""The change feed: every write of graphs says, in the same transaction, which graphs it
changed, which resources they described before and after, and when, with a sequence number.

Entries live in the graph ``graph/derived/feed``::

    <…/graph/derived/feed/<uuid>> a gaia:Change ;
        gaia:sequence 42 ;                      # 1, 2, 3… in the order of the writes
        gaia:changedAt "2026-…Z"^^xsd:dateTime ;
        gaia:changedGraph <record graph>, … ;
        gaia:changedResource <dataset>, … ;     # described by those graphs before or after
        gaia:changedEverything true .           # a write whose graphs are unknown

The sequence is computed inside the write (one more than the feed's highest, kept on the feed
graph's own node: ``<…/derived/feed> gaia:sequence 42``, one lookup for writers and for a
follower's poll), so two writes never interleave their entries on a store that applies an
update as one transaction (pyoxigraph, ``oxigraph serve``). On Virtuoso, where a batch of
graphs is not one transaction, each graph written gets its own entry right after it. Entries
older than the store's ``feed_retention`` (seconds) are dropped by the writes, at most once
every :data:`PRUNE_EVERY` seconds per process (finding them reads every entry's time).
Followers (the search index of every serving process, :mod:`graph_loader.index.follow`) read
the entries after their position.

>>> change = new_change([ox.NamedNode("http://example.org/g")])
>>> "gaia-kg/ontology#changedGraph> <http://example.org/g>" in entry_op(change, 0.0)
True
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

import pyoxigraph as ox

from .namespaces import GAIA, GAIA_GRAPH, XSD
from .queries import load_query
from .terms import DESCRIBES, RDF_TYPE

__all__ = [
    "FEED_GRAPH",
    "DEFAULT_RETENTION",
    "Change",
    "FeedEntry",
    "Bounds",
    "new_change",
    "change_of",
    "wrap",
    "entry_op",
    "capture_op",
    "prune_op",
    "tidy_ops",
    "entry_nquads",
    "last",
    "bounds",
    "reaches",
    "entries_after",
    "lag",
]

FEED_GRAPH = ox.NamedNode(GAIA_GRAPH["derived/feed"])
DERIVED = GAIA_GRAPH["derived/"]
#: how long entries are kept by default (seconds): a week
DEFAULT_RETENTION = 7 * 86400.0
#: the least time between two prunings by one process (seconds)
PRUNE_EVERY = 60.0
_pruned = [0.0]  # when this process last pruned (time.monotonic())
CHANGE = ox.NamedNode(str(GAIA.Change))
SEQUENCE = ox.NamedNode(str(GAIA.sequence))
CHANGED_AT = ox.NamedNode(str(GAIA.changedAt))
CHANGED_GRAPH = ox.NamedNode(str(GAIA.changedGraph))
CHANGED_RESOURCE = ox.NamedNode(str(GAIA.changedResource))
CHANGED_EVERYTHING = ox.NamedNode(str(GAIA.changedEverything))
_DATETIME = ox.NamedNode(str(XSD.dateTime))
_INTEGER = ox.NamedNode(str(XSD.integer))
_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))


class Store(Protocol):
    """What reading the feed needs of a store (:class:`graph_loader.store.Store` has it)."""

    def select(self, sparql: str, bindings=None) -> list[dict]: ...


#: one operation of an update from the next (a comment ending the previous text stays ended)
SEPARATOR = "\n;\n"
#: the BASE and PREFIX declarations (and comments) that open an update
_PROLOGUE = re.compile(
    r"(?:\s+|\#[^\n]*(?:\n|$)|BASE\s*<[^<>\s]*>|PREFIX\s+[^\s:]*:\s*<[^<>\s]*>)*",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Change:
    """One entry to write: the graphs a write changes (``everything``: unknown graphs)."""

    entry: ox.NamedNode
    graphs: list[ox.NamedNode]
    everything: bool = False
    #: resources known to be described by the graphs, before or after (added to the entry)
    resources: set[str] = field(default_factory=set)


def new_change(graphs: Iterable[ox.NamedNode], *, everything: bool = False) -> Change:
    """A change of ``graphs`` (a fresh entry IRI); ``everything`` when they are unknown."""
    entry = ox.NamedNode(GAIA_GRAPH["derived/feed/" + uuid.uuid4().hex])
    return Change(entry, list(dict.fromkeys(graphs)), everything)


def change_of(graphs: Iterable[ox.NamedNode], touched: Iterable[str] = ()) -> Change | None:
    """The change of a write of ``graphs`` (naming the resources ``touched`` too), or None
    when it writes only bookkeeping graphs (``graph/derived/…``: store generations, the
    feed itself)."""
    kept = [g for g in graphs if not g.value.startswith(DERIVED)]
    if not kept:
        return None
    change = new_change(kept)
    change.resources.update(touched)
    return change


def _stamp(now: float) -> ox.Literal:
    text = datetime.fromtimestamp(now, UTC).isoformat(timespec="milliseconds")
    return ox.Literal(text.replace("+00:00", "Z"), datatype=_DATETIME)


def _values(graphs: Sequence[ox.NamedNode]) -> str:
    return "VALUES ?g { " + " ".join(str(g) for g in graphs) + " }"


def capture_op(change: Change) -> str:
    """The operation adding to the entry the resources its graphs describe now (run before
    and after the write: what was described, what is)."""
    if not change.graphs:
        return ""
    text = load_query("feed/capture").replace("#VALUES", _values(change.graphs))
    return _bind(text, change)


def entry_op(change: Change, now: float) -> str:
    """The operation writing the entry, numbered one past the highest sequence of the feed."""
    statements = [f"?e {CHANGED_GRAPH} {g} ." for g in change.graphs]
    statements += [f"?e {CHANGED_RESOURCE} {ox.NamedNode(r)} ." for r in sorted(change.resources)]
    if change.everything:
        statements.append(f"?e {CHANGED_EVERYTHING} {_TRUE} .")
    text = load_query("feed/entry").replace("#MORE", "\n    ".join(statements))
    return _bind(text, change, at=_stamp(now))


def prune_op(now: float, retention: float) -> str:
    """The operation dropping the entries older than ``retention`` seconds."""
    text = load_query("feed/prune")
    return _bind(text, None, cutoff=_stamp(now - max(retention, 1.0)))


def tidy_ops(now: float, retention: float) -> list[str]:
    """What follows an entry: the feed's former highest numbers dropped, and the entries
    older than ``retention`` when this process has not looked for them lately."""
    ops = [_bind(load_query("feed/heads"), None)]
    if time.monotonic() - _pruned[0] >= PRUNE_EVERY:
        _pruned[0] = time.monotonic()
        ops.append(prune_op(now, retention))
    return ops


def _bind(text: str, change: Change | None, **terms: ox.Literal) -> str:
    from .sparql_text import bind

    values = {
        "feed": FEED_GRAPH,
        "Change": CHANGE,
        "sequence": SEQUENCE,
        "changedAt": CHANGED_AT,
        "changedResource": CHANGED_RESOURCE,
        "describes": DESCRIBES,
        "type": RDF_TYPE,
        **terms,
    }
    if change is not None:
        values["e"] = change.entry
    return bind(text, values)


def wrap(body: str, change: Change | None, retention: float, *, after: bool = True) -> str:
    """The update ``body`` with its entry: the resources described before, the body, the
    resources described after (unless ``after`` is False: the caller knows them, in
    ``change.resources``), the entry, and the pruning of old entries — one request."""
    if change is None:
        return body
    now = time.time()
    body = body.strip().rstrip(";")
    # the body's prologue first: it then holds for the whole request (the entry's operations
    # use full IRIs only), and pyoxigraph takes no prologue after a ";"
    prologue = _PROLOGUE.match(body).group(0)
    capture = capture_op(change)
    ops = [capture, body[len(prologue) :], capture if after else "", entry_op(change, now)]
    return prologue + SEPARATOR.join(op for op in [*ops, *tidy_ops(now, retention)] if op)


def described_by(writes: Sequence) -> set[str]:
    """The resources the record graphs of ``writes`` (:class:`GraphWrite`) say they
    describe."""
    found = set()
    for w in writes:
        if w.described is not None:  # found beforehand (GraphWrite.prepared)
            found.update(w.described)
            continue
        prefix = f"{w.graph} {DESCRIBES} "
        found.update(t.object.value for t in w.triples if t.predicate == DESCRIBES)
        found.update(line[len(prefix) : -2].strip()[1:-1] for line in w.lines
                     if line.startswith(prefix))  # fmt: skip
        if w.text_only():  # N-Quads only: "<g> describes <r> <g> ."
            found.update(_said(w.text, prefix, f" {w.graph} ."))
    return found


def _said(text: str, prefix: str, suffix: str) -> Iterable[str]:
    """The IRIs ``<r>`` of the lines of ``text`` that are exactly ``prefix<r>suffix``.

    Found with ``str.find``: a pattern compiled for each graph missed ``re``'s cache (one
    per record of a harvest: 4 % of its CPU)."""
    start = 0
    while (i := text.find(prefix, start)) >= 0:
        start = i + len(prefix)
        end = text.find("\n", start)
        line = text[start : len(text) if end < 0 else end]
        if (i == 0 or text[i - 1] == "\n") and line.endswith(suffix):
            said = line[: -len(suffix)]
            if said.startswith("<") and said.endswith(">") and ">" not in said[1:-1]:
                yield said[1:-1]


def entry_nquads(change: Change, sequence: int, now: float) -> str:
    """The entry as N-Quads (for a bulk load of new graphs, which runs no update)."""
    e, g = change.entry, FEED_GRAPH
    number = ox.Literal(str(sequence), datatype=_INTEGER)
    quads = [(RDF_TYPE, CHANGE), (SEQUENCE, number), (CHANGED_AT, _stamp(now))]
    head = f"{g} {SEQUENCE} {number} {g} .\n"  # the feed's highest: the former one stays
    # until the update that follows the load (tidy_ops) drops it
    quads += [(CHANGED_GRAPH, graph) for graph in change.graphs]
    quads += [(CHANGED_RESOURCE, ox.NamedNode(r)) for r in sorted(change.resources)]
    if change.everything:
        quads.append((CHANGED_EVERYTHING, _TRUE))
    return head + "".join(f"{e} {p} {o} {g} .\n" for p, o in quads)


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bounds:
    """The lowest and highest sequence numbers in the feed (0, 0 when it is empty)."""

    first: int
    last: int


@dataclass(slots=True)
class FeedEntry:
    """One entry as read: its number, time, resources, and whether it changed everything."""

    sequence: int
    at: datetime
    resources: set[str] = field(default_factory=set)
    everything: bool = False


def described(store: Store, graphs: Sequence[ox.NamedNode]) -> dict[str, set[str]]:
    """The resources each of ``graphs`` describes now (read before they are replaced, where
    a write cannot capture them itself)."""
    found: dict[str, set[str]] = {}
    for start in range(0, len(graphs), 200):
        values = _values(graphs[start : start + 200])
        text = load_query("feed/described").replace("#VALUES", values)
        for row in store.select(text, {"describes": DESCRIBES}):
            found.setdefault(row["g"].value, set()).add(row["r"].value)
    return found


def last(store: Store) -> int:
    """The feed's highest sequence number, 0 when it is empty (one lookup)."""
    rows = store.select(load_query("feed/head"), {"feed": FEED_GRAPH, "sequence": SEQUENCE})
    return int(rows[0]["last"].value) if rows and "last" in rows[0] else 0


def bounds(store: Store) -> Bounds:
    """The sequence numbers the feed holds (the lowest costs a read of every entry)."""
    top = last(store)
    terms = {"feed": FEED_GRAPH, "sequence": SEQUENCE, "changedAt": CHANGED_AT}
    rows = store.select(load_query("feed/bounds"), terms)
    first = int(rows[0]["first"].value) if rows and "first" in rows[0] else top
    return Bounds(first, top)


def reaches(store: Store, at: int | None) -> bool:
    """Whether a follower at position ``at`` can catch up from the feed: the entries after
    it are all still there (none dropped, the sequence not restarted). Two lookups.

    >>> from graph_loader.store import EmbeddedStore
    >>> reaches(EmbeddedStore(None), 0), reaches(EmbeddedStore(None), 7)
    (True, False)
    """
    if at is None:
        return False
    top = last(store)
    return at == top or (at < top and bool(_numbered(store, [at + 1])))


#: entries read per query
_CHUNK = 500


def _numbered(store: Store, numbers: Sequence[int]) -> list[dict]:
    """The rows of the entries numbered ``numbers`` (consecutive numbers: index lookups)."""
    values = " ".join(str(ox.Literal(str(n), datatype=_INTEGER)) for n in numbers)
    text = load_query("feed/entries").replace("#VALUES", f"VALUES ?seq {{ {values} }}")
    terms = {
        "feed": FEED_GRAPH,
        "sequence": SEQUENCE,
        "changedAt": CHANGED_AT,
        "changedResource": CHANGED_RESOURCE,
        "changedEverything": CHANGED_EVERYTHING,
    }
    return store.select(text, terms)


def entries_after(store: Store, position: int) -> list[FeedEntry]:
    """The entries numbered above ``position``, in order (those the feed still holds)."""
    top = last(store)
    rows = []
    for start in range(position + 1, top + 1, _CHUNK):
        rows += _numbered(store, range(start, min(start + _CHUNK, top + 1)))
    entries: dict[int, FeedEntry] = {}
    for row in rows:
        n = int(row["seq"].value)
        entry = entries.get(n)
        if entry is None:
            entry = entries[n] = FeedEntry(n, _datetime(row["at"].value))
        if "r" in row:
            entry.resources.add(row["r"].value)
        if "all" in row:
            entry.everything = True
    return [entries[n] for n in sorted(entries)]


def _datetime(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def lag(store: Store, position: int) -> tuple[int, float]:
    """How far a follower at ``position`` is behind: changes not read, and the age in
    seconds of the oldest of them (0, 0.0 when it is current: one lookup)."""
    top = last(store)
    if top <= position:
        return 0, 0.0
    rows = [{"oldest": r["at"]} for r in _numbered(store, [position + 1])]
    rows = rows or store.select(
        load_query("feed/lag"),
        {
            "feed": FEED_GRAPH,
            "after": ox.Literal(str(position), datatype=_INTEGER),
            "sequence": SEQUENCE,
            "changedAt": CHANGED_AT,
        },
    )
    row = rows[0] if rows else {}
    if "oldest" not in row:  # entries pruned meanwhile
        return top - position, 0.0
    seconds = (datetime.now(UTC) - _datetime(row["oldest"].value)).total_seconds()
    return top - position, round(max(seconds, 0.0), 3)
