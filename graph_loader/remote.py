"""The remote backend: any SPARQL 1.1 server, through the Query, Update and Graph Store
protocols (SPARQLWrapper for query and update, plain HTTP for graph reads).

The server must answer queries on the default graph with the union of its named graphs
(``oxigraph serve --union-default-graph``; Virtuoso does so by default), since gaia-kg writes
only named graphs. Each :meth:`RemoteStore.write_graphs` call is one SPARQL Update request
(``DROP SILENT GRAPH`` + ``INSERT DATA``), which the server applies as one transaction.

Results come back as pyoxigraph objects, exactly as from the embedded backend.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
import warnings

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from . import feed
from .errors import GraphConflict, QueryError, StoreError
from .graph_write import insert_data
from .sparql_text import bind, query_form
from .store import GRAPH_STATE, Store

__all__ = ["RemoteStore"]


class RemoteStore(Store):
    """A SPARQL 1.1 server at ``query_url`` (with its update and graph-store endpoints)."""

    backend = "remote"

    def __init__(
        self,
        query_url: str,
        update_url: str,
        gsp_url: str | None = None,
        *,
        timeout: float = 60.0,
        credentials: tuple[str, str] | None = None,
    ):
        self.query_url = query_url
        self.update_url = update_url
        self.gsp_url = gsp_url
        self.timeout = timeout
        self.credentials = credentials

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    def _wrapper(self, url: str) -> SPARQLWrapper:
        w = SPARQLWrapper(url)
        w.setMethod(POST)
        w.setTimeout(int(self.timeout))
        if self.credentials:
            w.setCredentials(*self.credentials)
        return w

    # -- reading ---------------------------------------------------------------------------
    def query(self, sparql, bindings=None, *, union=True):
        text = bind(sparql, bindings)
        w = self._wrapper(self.query_url)
        with warnings.catch_warnings():
            # SPARQLWrapper guesses the form from keywords, comments included; we tell it.
            warnings.simplefilter("ignore", RuntimeWarning)
            w.setQuery(text)
        form = query_form(text) or "SELECT"
        w.queryType = form
        graph_query = form in ("CONSTRUCT", "DESCRIBE")
        w.setReturnFormat(TURTLE if graph_query else JSON)
        try:
            raw = w.query().response.read()
        except QueryBadFormed as exc:
            raise QueryError(_message(exc)) from exc
        except (SPARQLWrapperException, urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{self.query_url}: {_message(exc)}") from exc
        if not graph_query:
            return ox.parse_query_results(raw, ox.QueryResultsFormat.JSON)
        # Re-query a scratch store so callers get a genuine QueryTriples object.
        scratch = ox.Store()
        scratch.load(raw, ox.RdfFormat.TURTLE)
        return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def named_graphs(self):
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [r["g"] for r in rows if isinstance(r.get("g"), ox.NamedNode)]

    def graph_triples(self, graph):
        if self.gsp_url:
            url = self.gsp_url + "?" + urllib.parse.urlencode({"graph": graph.value})
            request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                    data = response.read()
            except urllib.error.HTTPError as exc:
                if exc.code == 404:
                    return []
                raise StoreError(f"{url}: HTTP {exc.code}") from exc
            except (urllib.error.URLError, OSError) as exc:
                raise StoreError(f"{url}: {exc}") from exc
            return [
                ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)
            ]
        result = self.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
        return list(result)

    def triple_count(self, graph=None):
        if graph is not None:
            return super().triple_count(graph)
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value)

    # -- writing ---------------------------------------------------------------------------
    def update(self, sparql):
        w = self._wrapper(self.update_url)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            w.setQuery(sparql)
        w.queryType = "INSERT"  # any update keyword: SPARQLWrapper then posts ``update=``
        try:
            w.query().response.read()
        except QueryBadFormed as exc:
            raise QueryError(_message(exc)) from exc
        except (SPARQLWrapperException, urllib.error.URLError, OSError) as exc:
            found = GRAPH_STATE.search(_message(exc))  # oxigraph serve answers 500 for it
            if found:
                raise GraphConflict(found["graph"], found["state"] == "already exists") from exc
            raise StoreError(f"{self.update_url}: {_message(exc)}") from exc

    def write_graphs(self, writes, *, announce=False, touched=frozenset()):
        if writes:
            text = insert_data(writes, {w.graph.value for w in writes})
            change = feed.change_of((w.graph for w in writes), touched) if announce else None
            if change is not None:  # what the graphs describe after: in the writes
                change.resources |= feed.described_by(writes)
            self.update(feed.wrap(text, change, self.feed_retention, after=False))

    def drop_graphs(self, graphs, *, announce=False):
        if graphs:
            text = "\n".join(f"DROP SILENT GRAPH {g} ;" for g in graphs).rstrip(" ;")
            change = feed.change_of(graphs) if announce else None
            self.update(feed.wrap(text, change, self.feed_retention))

    def clear(self) -> None:
        """Remove every graph (tests and ``DROP ALL``-style resets)."""
        self.update("DROP ALL")

    def dump(self, fmt=ox.RdfFormat.N_QUADS):
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        quads = [ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows]
        return ox.serialize(quads, format=fmt)


def _message(exc: Exception) -> str:
    text = str(exc)
    return text.split("Response:", 1)[-1].strip() or text
