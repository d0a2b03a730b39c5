"""The store: the source of truth, one named graph per record, two backends.

:class:`Store` is the interface; :class:`EmbeddedStore` keeps the graph in pyoxigraph (on disk,
or in memory for tests) and :class:`graph_loader.remote.RemoteStore` talks to any SPARQL 1.1
server through the Query, Update and Graph Store protocols. Both return pyoxigraph result
objects, so callers never care which one they hold.

>>> store = EmbeddedStore(None)
>>> store.triple_count()
0
"""

from __future__ import annotations

import abc
import functools
import re
import time
from collections.abc import Iterable, Mapping, Sequence, Set
from pathlib import Path

import pyoxigraph as ox

from . import feed
from .config import FLUSH_BYTES
from .errors import GraphConflict, QueryError, StoreError
from .graph_write import GraphWrite, insert_data
from .memo import SnapshotMemo
from .sparql_text import bind
from .terms import CHANGE_TYPE, CONTENT_HASH, FIRST_LOADED, GENERATED_AT, RECORD_GRAPH, UPDATED

__all__ = ["Store", "EmbeddedStore", "GraphWrite", "Bindings", "QueryResult", "FLUSH_BYTES"]

Bindings = Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal]
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

#: what a graph removed counts for, in bytes of text (its statements are in the log, not in
#: the update's text): about a record's
REMOVED_GRAPH_BYTES = 4096

#: pyoxigraph's evaluation error for a graph an update may not find, or may not create
GRAPH_STATE = re.compile(r"The graph <(?P<graph>[^>]*)> (?P<state>does not exist|already exists)")

RECORD_HASHES = """
SELECT ?g ?hash WHERE { GRAPH ?g { ?g a ?recordGraph ; ?contentHash ?hash } }
"""
#: a graph as first loaded stores no first load: it is its load time, unless the graph says it
#: replaced one that did not say it (graph_loader.conformance.first_load)
RECORD_ISSUED = """
SELECT ?g ?issued WHERE { GRAPH ?g {
  ?g a ?recordGraph ; ?generatedAt ?loaded .
  OPTIONAL { ?g ?firstLoaded ?said } OPTIONAL { ?g ?changeType ?change }
  FILTER(BOUND(?said) || !BOUND(?change) || ?change != ?updated)
  BIND(COALESCE(?said, ?loaded) AS ?issued) } }
"""


class Store(abc.ABC):
    """What every backend offers. Writes are whole graphs, each replaced atomically."""

    #: a short name shown by ``gaia-kg stats`` and ``/health``
    backend: str = "abstract"
    #: how long the change feed keeps its entries, in seconds (:mod:`graph_loader.feed`)
    feed_retention: float = feed.DEFAULT_RETENTION
    #: SPARQL Update text in one transaction of a load at most (:mod:`graph_loader.load`),
    #: and for an on-disk store between two flushes of its log (:class:`EmbeddedStore`)
    flush_bytes: int = FLUSH_BYTES

    # -- reading ---------------------------------------------------------------------------
    def snapshot(self) -> object | None:
        """What reads are answered from when it cannot change (a read-only snapshot), to key
        what is kept from it (:attr:`memo`); None when the store may change under its
        readers."""
        return None

    @functools.cached_property
    def memo(self) -> SnapshotMemo:
        """Small answers kept while :meth:`snapshot` is the same (:mod:`graph_loader.memo`)."""
        return SnapshotMemo()

    @abc.abstractmethod
    def query(
        self, sparql: str, bindings: Bindings | None = None, *, union: bool = True
    ) -> QueryResult:
        """Run a SPARQL query; ``bindings`` are substituted as RDF terms, never as text.

        With ``union`` (the default) the default graph is the union of all named graphs.
        """

    def select(self, sparql: str, bindings: Bindings | None = None) -> list[dict[str, object]]:
        """A SELECT query's solutions as dicts from variable name to term (unbound omitted)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("select() needs a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            rows.append({n: solution[n] for n in names if solution[n] is not None})
        return rows

    @abc.abstractmethod
    def named_graphs(self) -> list[ox.NamedNode]:
        """Every named graph in the store."""

    @abc.abstractmethod
    def graph_triples(self, graph: ox.NamedNode) -> list[ox.Triple]:
        """The triples of one named graph (empty if absent)."""

    def triple_count(self, graph: ox.NamedNode | None = None) -> int:
        """Number of quads in the store, or in one graph."""
        if graph is None:
            q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            rows = self.select(q)
            n = int(rows[0]["n"].value)
            q0 = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
            return n + int(self._select_default(q0)[0]["n"].value)
        return len(self.graph_triples(graph))

    def _select_default(self, sparql: str) -> list[dict[str, object]]:
        result = self.query(sparql, union=False)
        names = [v.value for v in result.variables]
        return [{n: s[n] for n in names if s[n] is not None} for s in result]

    def record_hashes(self) -> dict[str, str]:
        """Content hash of every record graph, keyed by graph IRI (for "unchanged" detection)."""
        rows = self.select(
            RECORD_HASHES, {"recordGraph": RECORD_GRAPH, "contentHash": CONTENT_HASH}
        )
        return {row["g"].value: row["hash"].value for row in rows}

    def record_issued(self) -> dict[str, ox.Literal]:
        """When each record graph was first loaded (where it is known), keyed by graph IRI."""
        bindings = {
            "recordGraph": RECORD_GRAPH,
            "generatedAt": GENERATED_AT,
            "firstLoaded": FIRST_LOADED,
            "changeType": CHANGE_TYPE,
            "updated": UPDATED,
        }
        rows = self.select(RECORD_ISSUED, bindings)
        return {row["g"].value: row["issued"] for row in rows}

    # -- writing ---------------------------------------------------------------------------
    @abc.abstractmethod
    def write_graphs(
        self,
        writes: Sequence[GraphWrite],
        *,
        announce: bool = False,
        touched: Set[str] = frozenset(),
    ) -> None:
        """Replace each graph by its new content, all of ``writes`` in one transaction.

        With ``announce``, the change feed gets its entry for them in the same transaction
        (:mod:`graph_loader.feed`: loads, harvests, inference); ``touched``: more resources
        for the entry to name (those whose statements a non-record graph changed)."""

    def logged(self, w: GraphWrite) -> bool:
        """Whether writing ``w`` goes through the store's log, which a server opening the
        store replays (:attr:`flush_bytes` bounds it): on an on-disk embedded store, a graph
        it holds (replaced by an update) or a patch; new graphs are ingested without it."""
        return False

    @abc.abstractmethod
    def drop_graphs(self, graphs: Sequence[ox.NamedNode], *, announce: bool = False) -> None:
        """Remove whole graphs, in one transaction (``announce``: with a feed entry)."""

    @abc.abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (one transaction); no feed entry (see :meth:`record`)."""

    def record(self, sparql: str, graphs: Sequence[ox.NamedNode] | None) -> None:
        """Run a SPARQL 1.1 Update with the change feed's entry for ``graphs`` (None: the
        graphs it changes are unknown, and the entry says that everything may have)."""
        change = feed.new_change(graphs or [], everything=graphs is None)
        self.update(feed.wrap(sparql, change, self.feed_retention))

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Replace one graph (ontology, vocabulary, inference) atomically."""
        self.write_graphs([GraphWrite(graph, list(triples))])

    @abc.abstractmethod
    def dump(self, fmt: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """Every quad of the store, serialised (a dataset format) ."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store (flush to disk)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class EmbeddedStore(Store):
    """pyoxigraph in this process: on disk at ``path``, or in memory when ``path`` is None.

    On disk, every update is appended to RocksDB's log and kept in memory until it is written
    to table files, which RocksDB does only past 128 MB per index (a reload of 7,000 records
    left a 400 MB log). A server reading the store opens it read-only at each change, and an
    opening replays the whole log into memory (1.75 bytes per byte of log) and takes seconds:
    each serving process and query worker grew by gigabytes during a load. So the log is
    flushed once the updates sent since the last flush pass :attr:`flush_bytes` of SPARQL
    text, a graph removed counting for :data:`REMOVED_GRAPH_BYTES` (its text does not tell
    how much it removes): a reader replays about that and the transaction under way. (Not
    after every transaction: each flush adds a table file per index, and small ones pile up
    faster than RocksDB merges them.)
    """

    backend = "embedded"

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.unflushed = 0  # bytes of update text since the log was last flushed
        #: how many times the log was flushed (for tests and monitoring)
        self.flushes = 0
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    @property
    def raw(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store` (for the SPARQL endpoint's serialisers)."""
        return self._store

    def snapshot(self) -> object | None:
        return self._store if self.read_only else None

    def query(self, sparql, bindings=None, *, union=True):
        try:
            return self._store.query(bind(sparql, bindings), use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc

    def named_graphs(self):
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def graph_triples(self, graph):
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self._store.quads_for_pattern(None, None, None, graph)
        ]

    def triple_count(self, graph=None):
        if graph is None:
            return len(self._store)
        return super().triple_count(graph)

    def write_graphs(self, writes, *, announce=False, touched=frozenset()):
        if not writes:
            return
        existing = {
            w.graph.value
            for w in writes
            if w.removed is None and self._store.contains_named_graph(w.graph)
        }
        patched = any(w.removed is not None for w in writes)
        change = feed.change_of((w.graph for w in writes), touched) if announce else None
        try:
            if existing or patched:
                # DROP + INSERT must share one transaction: a SPARQL Update is one.
                text = insert_data(writes, existing)
                if change is not None:  # what the graphs describe after: in the writes
                    change.resources |= feed.described_by(writes)
                text = feed.wrap(text, change, self.feed_retention, after=False)
                self._updated(text, removed=len(existing))
            else:
                # New graphs only: the bulk loader builds the SST files of every index and
                # ingests them in one RocksDB ingestion, so a batch lands whole or not at all
                # (tests/test_pipeline.py kills a load midway to check it); it is 2x faster than
                # extend() and 4x faster than an update. Keep batches far below the bulk
                # loader's chunk size (millions of quads) so that one call is one ingestion.
                # N-Quads text costs less to build from Python than Quad objects.
                # The feed's entry is in the same ingestion: this process holds the
                # store's lock, so the sequence read just before is still the highest.
                data = "".join(w.nquads() for w in writes)
                if change is not None:
                    data += self._entry_nquads(change, writes)
                # lenient: every statement was serialised by pyoxigraph from its own terms,
                # checked when they were made (a load of them checks them twice otherwise)
                self._store.bulk_load(data.encode(), ox.RdfFormat.N_QUADS, lenient=True)
                if change is not None:
                    tidy = feed.tidy_ops(time.time(), self.feed_retention)
                    self._updated(feed.SEPARATOR.join(tidy))
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"write failed, nothing written: {exc}") from exc

    def logged(self, w: GraphWrite) -> bool:
        if self.path is None:
            return False
        return w.removed is not None or self._store.contains_named_graph(w.graph)

    def _updated(self, sparql: str, removed: int = 0) -> None:
        """Run ``sparql`` (which removes ``removed`` whole graphs), then flush the log if the
        updates since its last flush passed :attr:`flush_bytes` (an on-disk store)."""
        self._store.update(sparql)
        if self.path is not None:
            self.unflushed += len(sparql) + removed * REMOVED_GRAPH_BYTES
            if self.unflushed >= self.flush_bytes:
                self.flush_log()

    def flush_log(self) -> None:
        """Write what the log holds to the table files: a read-only opening replays none."""
        try:
            self._store.flush()
        except OSError as exc:  # the update before is written: only its log is kept
            raise StoreError(f"cannot flush the store's log: {exc}") from exc
        self.unflushed = 0
        self.flushes += 1

    def _entry_nquads(self, change: feed.Change, writes: Sequence[GraphWrite]) -> str:
        change.resources |= feed.described_by(writes)
        return feed.entry_nquads(change, feed.last(self) + 1, time.time())

    def drop_graphs(self, graphs, *, announce=False):
        if graphs:
            text = "\n".join(f"DROP SILENT GRAPH {g} ;" for g in graphs).rstrip(" ;")
            change = feed.change_of(graphs) if announce else None
            self._update(feed.wrap(text, change, self.feed_retention), removed=len(graphs))

    def update(self, sparql):
        self._update(sparql)

    def _update(self, sparql: str, removed: int = 0) -> None:
        try:
            self._updated(sparql, removed)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc
        except OSError as exc:
            raise StoreError(str(exc)) from exc
        except RuntimeError as exc:  # an evaluation error: a graph's state, a failed LOAD
            found = GRAPH_STATE.fullmatch(str(exc))
            if found:
                raise GraphConflict(found["graph"], found["state"] == "already exists") from exc
            raise QueryError(str(exc)) from exc

    def dump(self, fmt=ox.RdfFormat.N_QUADS):
        return self._store.dump(format=fmt)

    def close(self):
        if self.path is not None and not self.read_only:  # a read-only store cannot flush
            self._store.flush()
