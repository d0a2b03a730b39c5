"""The remote store on Virtuoso Open Source 7: its SPARQL endpoint and Graph Store Protocol.

Virtuoso is a SPARQL 1.1 server with habits of its own, which :class:`VirtuosoStore` handles
so that callers see exactly what the embedded store gives:

* **System graphs.** Its default graph is the union of *all* graphs, including its own
  (``virtrdf:`` mappings, service description, DAV, LDP). Queries carry
  ``define input:default-graph-exclude`` / ``input:named-graph-exclude`` pragmas for them,
  except those naming their graphs (``GRAPH <g>``, ``FROM``), which 7.2.5 answers wrongly
  under the pragmas; ``DROP ALL`` / ``CLEAR ALL`` drop only gaia-kg's graphs
  (:meth:`VirtuosoStore.clear`); ``DROP GRAPH <g>`` works on graphs never "created".
* **Writes.** ``INSERT DATA`` refuses blank nodes and fails beyond ~5,000 triples ("memory
  exhausted"); each graph is therefore written by one Graph Store Protocol ``PUT`` (N-Triples
  sent as Turtle), which Virtuoso applies atomically per graph. A batch of several graphs is
  *not* one transaction: a crash midway leaves the graphs written so far (each whole).
* **Silent caps.** ``ResultSetMaxRows`` truncates answers (HTTP 200, header
  ``X-SPARQL-MaxRows``) and a query past its time gives a partial answer (HTTP 200,
  ``X-SQL-State: S1TAT``). Both are turned into errors (:class:`StoreError`,
  :class:`QueryTimeout`), never returned as results. Each query sends ``timeout`` (ms).
* **Terms.** Results are read as SPARQL XML (its JSON says ``typed-literal`` and gives
  booleans as ``1``); blank nodes come back as ``nodeID://b…`` and are given plain labels.
  Virtuoso turns ``geo:wktLiteral`` values into its geometry type, rewriting the text and
  sometimes the shape: they are stored with a stand-in datatype (:data:`STAND_IN`) and read
  back, filtered and bound as ``geo:wktLiteral`` (full IRI; not the ``geo:`` prefixed name).
* **Authentication.** Anonymous ``/sparql`` writes need ``GRANT SPARQL_UPDATE TO "SPARQL"``;
  with credentials (``virtuoso+http://user:password@host:8890/sparql``) the store uses
  ``/sparql-auth`` and ``/sparql-graph-crud-auth`` with HTTP Digest authentication.
"""

from __future__ import annotations

import re
import time
import urllib.parse

import httpx
import pyoxigraph as ox

from . import feed
from .errors import GraphConflict, QueryError, QueryTimeout, StoreError
from .remote import RemoteStore
from .sparql_text import _TOKENS, bind, query_form

__all__ = ["VirtuosoStore", "STAND_IN", "is_virtuoso_url"]

#: graphs Virtuoso makes for itself (its own schemas, LDP, OWL, service description, DAV)
_SYSTEM_PATTERN = re.compile(
    r"^(http://www\.openlinksw\.com/schemas/|http://www\.w3\.org/ns/ldp#$"
    r"|http://www\.w3\.org/2002/07/owl#$|https?://[^/]+/(sparql|DAV/?)$)"
)
GEOMETRY = "http://www.openlinksw.com/schemas/virtrdf#Geometry"
WKT = "http://www.opengis.net/ont/geosparql#wktLiteral"
#: what geo:wktLiteral values are stored as: Virtuoso turns geo:wktLiteral into its geometry
#: type, rewriting the text and sometimes the shape (-180 becomes 180 in a polar band)
STAND_IN = "https://w3id.org/gaia-kg/virtuoso#wktLiteral"
_XML_FIXES = (
    (b"<bnode>nodeID://", b"<bnode>"),
    (f'<literal datatype="{GEOMETRY}">'.encode(), f'<literal datatype="{WKT}">'.encode()),
    (f'<literal datatype="{STAND_IN}">'.encode(), f'<literal datatype="{WKT}">'.encode()),
    (f"<uri>{STAND_IN}</uri>".encode(), f"<uri>{WKT}</uri>".encode()),
)
_CLEAR_ALL = re.compile(r"^\s*(DROP|CLEAR)\s+(SILENT\s+)?ALL\s*;?\s*$", re.IGNORECASE)
_ONE_GRAPH = re.compile(
    r"^\s*(?P<op>DROP|CLEAR)\s+GRAPH\s+<(?P<iri>[^<>\"{}|^`\\\s]*)>\s*;?\s*$", re.IGNORECASE
)
#: every graph: ``SELECT DISTINCT ?g`` over all quads takes minutes on Virtuoso 7.2.5 after a
#: load (a scan it cannot stop early), ``GROUP BY ?g`` with a count takes milliseconds
GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
SCHEME = "virtuoso+"


def is_virtuoso_url(url: str) -> bool:
    """True for ``virtuoso+http(s)://…`` store specs."""
    return url.startswith((SCHEME + "http://", SCHEME + "https://"))


class VirtuosoStore(RemoteStore):
    """A Virtuoso server through ``/sparql`` (or ``/sparql-auth``) and its GSP endpoint."""

    backend = "remote"
    #: which remote server (``/health`` shows ``backend``: still "remote")
    server = "virtuoso"

    def __init__(
        self,
        endpoint: str,
        *,
        timeout: float = 60.0,
        credentials: tuple[str, str] | None = None,
    ):
        parts = urllib.parse.urlsplit(endpoint)
        base = f"{parts.scheme}://{parts.netloc}"
        auth = "-auth" if credentials else ""
        super().__init__(
            base + "/sparql" + auth,
            base + "/sparql" + auth,
            base + "/sparql-graph-crud" + auth,
            timeout=timeout,
            credentials=credentials,
        )
        self._http = httpx.Client(
            auth=httpx.DigestAuth(*credentials) if credentials else None,
            timeout=httpx.Timeout(timeout + 5, connect=10),
        )
        self._system: tuple[str, ...] | None = None

    @classmethod
    def from_spec(cls, spec: str, **options) -> VirtuosoStore:
        """``virtuoso+http://[user:password@]host:port[/sparql]`` (or a plain ``http`` URL)."""
        url = spec[len(SCHEME) :] if is_virtuoso_url(spec) else spec
        parts = urllib.parse.urlsplit(url)
        if parts.username and not options.get("credentials"):
            options["credentials"] = (
                urllib.parse.unquote(parts.username),
                urllib.parse.unquote(parts.password or ""),
            )
        host = parts.hostname or "127.0.0.1"
        netloc = f"{host}:{parts.port}" if parts.port else host
        known = {k: v for k, v in options.items() if k in ("timeout", "credentials")}
        return cls(f"{parts.scheme}://{netloc}/sparql", **known)

    def __repr__(self) -> str:
        return f"VirtuosoStore({self.query_url!r})"

    # -- HTTP ------------------------------------------------------------------------------
    def _request(self, method: str, url: str, limit=None, **kwargs) -> httpx.Response:
        try:
            return self._http.request(method, url, **kwargs)
        except httpx.ReadTimeout as exc:
            if limit is None:  # a write or a graph read
                raise StoreError(f"{url}: no answer within {self.timeout + 5} s") from exc
            raise QueryTimeout(f"query stopped after {limit} s (no answer in time)") from exc
        except httpx.TimeoutException as exc:
            raise StoreError(f"{url}: {exc or 'timed out'}") from exc
        except httpx.HTTPError as exc:
            raise StoreError(f"{url}: {exc}") from exc

    def _sparql(
        self, field: str, text: str, accept: str, timeout: float, extra: list | None = None
    ) -> httpx.Response:
        data = [(field, text), *(extra or [])]
        if timeout:
            data.append(("timeout", str(int(timeout * 1000))))
        response = self._request(
            "POST",
            self.query_url,
            content=urllib.parse.urlencode(data).encode(),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            # Virtuoso stops the query at ``timeout`` (a partial answer, below) but may take
            # up to a second more to say so: the client gives up half a second after.
            timeout=httpx.Timeout(timeout + 0.5 if timeout else None, connect=10),
            limit=timeout or None,
        )
        if response.status_code == 400:
            raise QueryError(_virtuoso_message(response.text))
        if response.status_code >= 300:
            raise StoreError(
                f"{self.query_url}: HTTP {response.status_code} {_virtuoso_message(response.text)}"
            )
        if response.headers.get("X-SQL-State") == "S1TAT":
            raise QueryTimeout(f"query stopped after {timeout} s (Virtuoso: partial answer)")
        capped = response.headers.get("X-SPARQL-MaxRows")
        if capped:
            raise StoreError(
                f"{self.query_url}: answer truncated at {capped} rows by Virtuoso's "
                "ResultSetMaxRows; raise it in the [SPARQL] section of virtuoso.ini"
            )
        return response

    # -- system graphs ---------------------------------------------------------------------
    def system_graphs(self) -> tuple[str, ...]:
        """Virtuoso's own graphs present on this server (read once, then cached)."""
        if self._system is None:
            response = self._sparql(
                "query",
                GRAPHS,
                "application/sparql-results+xml",
                self.timeout,
            )
            graphs = ox.parse_query_results(_fix_xml(response.content), ox.QueryResultsFormat.XML)
            found = {s["g"].value for s in graphs if isinstance(s["g"], ox.NamedNode)}
            self._system = tuple(sorted(g for g in found if _SYSTEM_PATTERN.match(g)))
        return self._system

    def _pragmas(self) -> str:
        lines = []
        for g in self.system_graphs():
            iri = ox.NamedNode(g)
            lines.append(f"define input:default-graph-exclude {iri}")
            lines.append(f"define input:named-graph-exclude {iri}")
        # one line, before the query's first: Virtuoso's error line numbers stay right
        return " ".join(lines) + " "

    def _excluding(self, text: str) -> str:
        """``text`` with the system-graph exclusion pragmas, unless it names its graphs.

        Virtuoso 7.2.5 gets ``GRAPH <iri> { … }`` wrong under those pragmas (no rows for
        SELECT, a phantom row for COUNT and ASK), so a query naming a graph (``GRAPH <g>``,
        ``FROM``) goes without them: such a query reads the graphs it names.
        """
        return text if _names_graphs(text) else self._pragmas() + text

    # -- reading ---------------------------------------------------------------------------
    def query(self, sparql, bindings=None, *, union=True, timeout=None):
        text = _to_virtuoso(bind(sparql, bindings))
        return self._run(self._excluding(text), text, [], timeout)

    def protocol_query(
        self, sparql: str, default_graph=(), named_graphs=(), timeout: float | None = None
    ):
        """A query of the ``/sparql`` endpoint, with the protocol's dataset passed on (then
        the system graphs are out of it anyway; without one, they are excluded)."""
        fields = [("default-graph-uri", g) for g in default_graph]
        fields += [("named-graph-uri", g) for g in named_graphs]
        sparql = _to_virtuoso(sparql)
        text = sparql if fields else self._excluding(sparql)
        return self._run(text, sparql, fields, timeout)

    def _run(self, text: str, original: str, fields: list, timeout: float | None):
        form = query_form(original) or "SELECT"
        graph_query = form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_query else "application/sparql-results+xml"
        limit = self.timeout if timeout is None else timeout
        response = self._sparql("query", text, accept, limit, fields)
        try:
            if graph_query:
                scratch = ox.Store()
                scratch.extend(ox.Quad(*_read_triple(q)) for q in ox.parse(response.content, _NT))
                return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
            return ox.parse_query_results(_fix_xml(response.content), _XML)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.query_url}: unreadable answer: {exc}") from exc

    def named_graphs(self):
        rows = self.select(GRAPHS)
        return sorted((r["g"] for r in rows if isinstance(r.get("g"), ox.NamedNode)), key=str)

    def graph_triples(self, graph):
        response = self._request(
            "GET",
            self.gsp_url,
            params={"graph": graph.value},
            headers={"Accept": "application/n-triples"},
        )
        if response.status_code == 404:
            return []
        if response.status_code >= 300:
            raise StoreError(f"{self.gsp_url}: HTTP {response.status_code}")
        return [ox.Triple(*_read_triple(q)) for q in ox.parse(response.content, _NT)]

    # -- writing ---------------------------------------------------------------------------
    def update(self, sparql):
        if _CLEAR_ALL.match(sparql):  # never Virtuoso's own graphs
            self.clear()
            return
        one = _ONE_GRAPH.match(sparql)
        if one:  # Virtuoso refuses DROP GRAPH of a graph not made by CREATE GRAPH
            graph = ox.NamedNode(one.group("iri"))
            if not bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": graph})):
                raise GraphConflict(graph.value, exists=False)  # 409, as the other stores
            sparql = f"{one.group('op')} SILENT GRAPH {graph}"
        sparql = _long_delete(_to_virtuoso(sparql))
        self._sparql("update", self._excluding(sparql), "application/sparql-results+xml", 0)

    def clear(self) -> None:
        """Drop every graph but Virtuoso's own."""
        self.drop_graphs(self.named_graphs())

    def write_graphs(self, writes, *, announce=False, touched=frozenset()):
        """Each graph by one PUT, followed by its own change feed entry (Virtuoso applies a
        PUT alone: a batch is not one transaction, so each graph is announced once written)."""
        before = feed.described(self, [w.graph for w in writes if len(w)]) if announce else {}
        for w in writes:
            if not len(w):
                self.drop_graphs([w.graph], announce=announce)
                continue
            body = "".join(_stored(s) + " .\n" for s in w.statements()).encode()
            response = self._request(
                "PUT",
                self.gsp_url,
                params={"graph": w.graph.value},
                content=body,
                headers={"Content-Type": "text/turtle; charset=utf-8"},
            )
            if response.status_code not in (200, 201, 204):
                raise StoreError(
                    f"{self.gsp_url}: writing {w.graph.value} failed, HTTP "
                    f"{response.status_code} {_virtuoso_message(response.text)}"
                )
            change = feed.change_of([w.graph], touched) if announce else None
            if change is not None:
                change.resources |= before.get(w.graph.value, set()) | feed.described_by([w])
                now = time.time()
                tidy = feed.tidy_ops(now, self.feed_retention)
                self._run_update(feed.entry_op(change, now), *tidy)

    def _run_update(self, *ops: str) -> None:
        text = feed.SEPARATOR.join(op for op in ops if op)
        if text:
            self._sparql("update", text, "application/sparql-results+xml", 0)

    def record(self, sparql, graphs):
        """The update as :meth:`update` runs it, between the entry's two captures (three
        requests: Virtuoso's pragmas and rewrites stay those of the update alone)."""
        change = feed.new_change(graphs or [], everything=graphs is None)
        self._run_update(feed.capture_op(change))
        self.update(sparql)
        now = time.time()
        self._run_update(
            feed.capture_op(change),
            feed.entry_op(change, now),
            *feed.tidy_ops(now, self.feed_retention),
        )

    def drop_graphs(self, graphs, *, announce=False):
        for start in range(0, len(graphs), 200):
            chunk = graphs[start : start + 200]
            text = "\n".join(f"DROP SILENT GRAPH {g} ;" for g in chunk).rstrip(" ;")
            change = feed.change_of(chunk) if announce else None
            self._run_update(feed.wrap(text, change, self.feed_retention))

    def close(self) -> None:
        self._http.close()


_NT = ox.RdfFormat.N_TRIPLES


def _read_triple(q: ox.Quad) -> tuple:
    o = q.object
    if isinstance(o, ox.Literal) and o.datatype.value in (GEOMETRY, STAND_IN):
        o = ox.Literal(o.value, datatype=ox.NamedNode(WKT))
    elif isinstance(o, ox.NamedNode) and o.value == STAND_IN:
        o = ox.NamedNode(WKT)
    return q.subject, q.predicate, o


_WKT_SUFFIX, _STAND_IN_SUFFIX = f"^^<{WKT}>", f"^^<{STAND_IN}>"


def _stored(statement: str) -> str:
    """An N-Triples statement (no final dot) with a WKT object typed by the stand-in."""
    if statement.endswith(_WKT_SUFFIX):
        return statement[: -len(_WKT_SUFFIX)] + _STAND_IN_SUFFIX
    return statement


_DELETE_WHERE = re.compile(r"(?i)(?<![\w:.-])DELETE\s+WHERE\s*\{")


def _long_delete(text: str) -> str:
    """``DELETE WHERE { P }`` as ``DELETE { P } WHERE { P }`` (its definition): Virtuoso
    7.2.5 applies the short form to one graph only when ``P`` has ``GRAPH ?g``."""
    masked = _TOKENS.sub(lambda m: "_" * len(m.group(0)), text)
    for found in reversed(list(_DELETE_WHERE.finditer(masked))):
        depth, end = 1, found.end()
        while depth and end < len(masked):
            depth += {"{": 1, "}": -1}.get(masked[end], 0)
            end += 1
        if depth:
            return text  # unbalanced: let Virtuoso report the syntax error
        body = text[found.end() : end - 1]
        text = f"{text[: found.start()]}DELETE {{{body}}} WHERE {{{body}}}{text[end:]}"
    return text


def _to_virtuoso(text: str) -> str:
    """Query or update text with ``<…geosparql#wktLiteral>`` IRIs as the stand-in (bound
    WKT literals included; a prefixed name such as ``geo:wktLiteral`` is left as it is)."""
    iri = f"<{WKT}>"
    if iri not in text:
        return text
    return _TOKENS.sub(lambda m: f"<{STAND_IN}>" if m.group(0) == iri else m.group(0), text)


_XML = ox.QueryResultsFormat.XML
_NAMING = re.compile(r"(?i)(?<![\w:.-])(GRAPH\s*(<|[A-Za-z_][\w.-]*:|:)|FROM\s)")


def _names_graphs(text: str) -> bool:
    """Whether the query has ``GRAPH <iri>`` / ``GRAPH prefix:name`` or a ``FROM`` clause
    (outside comments, strings and IRIs)."""
    skeleton = _TOKENS.sub(lambda m: "<>" if m.group("iri") else " ", text)
    return _NAMING.search(skeleton) is not None


def _fix_xml(body: bytes) -> bytes:
    for old, new in _XML_FIXES:
        body = body.replace(old, new)
    return body


def _virtuoso_message(text: str) -> str:
    """The error line of a Virtuoso error page, without the echoed query."""
    return text.split("\n\nSPARQL query:", 1)[0].strip()[:2000]
