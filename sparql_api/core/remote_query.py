"""A /sparql query sent to a remote store's query endpoint, with the protocol's dataset.

:class:`graph_loader.remote.RemoteStore` runs the pipeline's own queries; the endpoint needs
more: ``default-graph-uri`` / ``named-graph-uri`` passed on, a time limit per request (the
role's), and the answer in a form pyoxigraph parses so that the row cap and every output
format work as for an embedded store. No Flask here.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from graph_loader.errors import QueryError, QueryTimeout, StoreError
from graph_loader.remote import RemoteStore
from graph_loader.sparql_text import has_relative_iri, query_form
from sparql_api.core.elsewhere import waiting_elsewhere
from sparql_api.core.execute import QueryJob, QueryOutput, render

__all__ = ["run_remote"]

_ACCEPT = {
    "graph": "application/n-triples",
    "results": "application/sparql-results+json",
}


def run_remote(store: RemoteStore, job: QueryJob, timeout: float) -> QueryOutput:
    """Run ``job`` on the remote query endpoint within ``timeout`` seconds, capped."""
    relative = job.base_iri and has_relative_iri(job.query)
    text = f"BASE <{job.base_iri}> {job.query}" if relative else job.query
    own = getattr(store, "protocol_query", None)  # a server with its own dialect (Virtuoso)
    if own is not None:
        return render(own(text, job.default_graph, job.named_graphs, timeout), job)
    form = query_form(job.query)
    graph = form in ("CONSTRUCT", "DESCRIBE")
    fields = [("query", text)]
    fields += [("default-graph-uri", g) for g in job.default_graph]
    fields += [("named-graph-uri", g) for g in job.named_graphs]
    headers = {
        "Accept": _ACCEPT["graph" if graph else "results"],
        "Content-Type": "application/x-www-form-urlencoded",
    }
    if store.credentials:
        pair = ":".join(store.credentials).encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(store.query_url, data=data, headers=headers)
    try:
        with waiting_elsewhere(), urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:2000]
        if exc.code == 400 or form is None:
            raise QueryError(detail or f"HTTP {exc.code}") from exc
        raise StoreError(f"{store.query_url}: HTTP {exc.code} {detail}") from exc
    except TimeoutError as exc:
        raise QueryTimeout(f"query stopped after {timeout} s") from exc
    except (urllib.error.URLError, OSError) as exc:
        if isinstance(getattr(exc, "reason", None), TimeoutError):
            raise QueryTimeout(f"query stopped after {timeout} s") from exc
        raise StoreError(f"{store.query_url}: {exc}") from exc
    try:
        if graph:
            scratch = ox.Store()
            scratch.load(body, ox.RdfFormat.N_TRIPLES)
            result = scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
        else:
            result = ox.parse_query_results(body, ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"{store.query_url}: unreadable answer: {exc}") from exc
    return render(result, job)
