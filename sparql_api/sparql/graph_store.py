"""The SPARQL 1.1 Graph Store Protocol on ``/sparql/graph``, as plain functions (no Flask).

Reads are CONSTRUCT queries run like any ``/sparql`` query (worker, time limit, row cap);
writes are SPARQL Updates built from the parsed body, so they work alike on every store
(in memory, on disk, remote) and each is one transaction.
"""

from __future__ import annotations

import pyoxigraph as ox

from graph_loader.errors import InputError
from graph_loader.mappings.xmlsafe import rdfxml_without_dtd
from graph_loader.sparql_text import bind
from graph_loader.store import Store
from sparql_api.core.execute import QueryJob
from sparql_api.core.rq import load_query

__all__ = ["BODY_FORMATS", "BadBody", "read_job", "graph_exists", "parse_body", "write_update"]

#: media types a GSP PUT/POST body may have -> pyoxigraph format
BODY_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/n3": ox.RdfFormat.N3,
}


class BadBody(ValueError):
    """The body does not parse in its declared format."""


def read_job(graph: ox.NamedNode | None, fmt: str, row_cap: int) -> QueryJob:
    """The query job answering ``GET /sparql/graph`` (``graph`` None: the default graph)."""
    if graph is None:
        return QueryJob(load_query("gsp_default"), None, fmt, row_cap, union=False)
    return QueryJob(bind(load_query("gsp_graph"), {"graph": graph}), None, fmt, row_cap)


def graph_exists(store: Store, graph: ox.NamedNode) -> bool:
    """Whether ``graph`` holds at least one triple."""
    return bool(store.query(load_query("gsp_exists"), {"graph": graph}))


def parse_body(body: bytes, media: str, base: str) -> list[ox.Triple]:
    """The triples of a request body of type ``media`` (a key of :data:`BODY_FORMATS`)."""
    try:
        if BODY_FORMATS[media] == ox.RdfFormat.RDF_XML:  # no DTD reaches the parser
            body = rdfxml_without_dtd(body, name="body")
        quads = ox.parse(body, format=BODY_FORMATS[media], base_iri=base)
        return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    except (SyntaxError, ValueError, UnicodeDecodeError, InputError) as exc:
        raise BadBody(str(exc)) from exc


def write_update(method: str, graph: ox.NamedNode | None, triples: list[ox.Triple]) -> str:
    """The SPARQL Update doing GSP ``method`` (PUT, POST, DELETE) on ``graph`` (None: default).

    The graph IRI is a validated ``NamedNode`` and the data is N-Triples written by
    pyoxigraph: no request text enters the update unparsed.
    """
    target = "DEFAULT" if graph is None else f"GRAPH {graph}"
    parts = []
    if method in ("PUT", "DELETE"):
        parts.append(f"DROP SILENT {target}")
    if method in ("PUT", "POST") and triples:
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
        parts.append(
            f"INSERT DATA {{ {data} }}"
            if graph is None
            else f"INSERT DATA {{ {target} {{ {data} }} }}"
        )
    return " ;\n".join(parts)  # empty: nothing to do (POST of an empty body)
