"""The W3C SPARQL 1.1 query evaluation tests: read the manifests, run a test in-process with
pyoxigraph or through an HTTP endpoint, compare with the expected result.

Results are compared as the W3C harnesses do: solutions as a multiset (in order when the
query has ORDER BY), blank nodes matched up to renaming, graphs up to isomorphism.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import permutations
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
QT = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

RESULT_FORMATS = {
    ".srx": ox.QueryResultsFormat.XML,
    ".srj": ox.QueryResultsFormat.JSON,
    ".tsv": ox.QueryResultsFormat.TSV,
}
DATA_MEDIA = {".ttl": "text/turtle", ".rdf": "application/rdf+xml", ".nt": "application/n-triples"}


@dataclass
class Case:
    """One test of a manifest."""

    name: str  # "<folder>/<local name>"
    kind: str  # "eval" | "negative-syntax"
    query: Path
    data: list[Path] = field(default_factory=list)
    graph_data: list[Path] = field(default_factory=list)
    result: Path | None = None

    @property
    def query_text(self) -> str:
        """The query, with its file's URL as base (relative IRIs resolve the same everywhere)."""
        return f"BASE <{self.query.as_uri()}>\n" + self.query.read_text(encoding="utf-8")


def _list(store: ox.Store, head) -> list:
    items = []
    while head != ox.NamedNode(RDF + "nil"):
        items.append(_one(store, head, RDF + "first"))
        head = _one(store, head, RDF + "rest")
    return items


def _one(store: ox.Store, subject, predicate: str):
    for quad in store.quads_for_pattern(subject, ox.NamedNode(predicate), None):
        return quad.object
    return None


def _all(store: ox.Store, subject, predicate: str) -> list:
    return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]


def _path(node) -> Path:
    return Path(urllib.parse.unquote(urllib.parse.urlsplit(node.value).path))


def read_cases(root: Path) -> list[Case]:
    """Every query evaluation and negative syntax test under ``root`` (one manifest a folder)."""
    cases = []
    for manifest in sorted(root.glob("*/manifest.ttl")):
        store = ox.Store()
        store.load(path=str(manifest), format=ox.RdfFormat.TURTLE, base_iri=manifest.as_uri())
        (entries,) = [
            q.object for q in store.quads_for_pattern(None, ox.NamedNode(MF + "entries"), None)
        ]
        for entry in _list(store, entries):
            kind = _one(store, entry, RDF + "type").value.removeprefix(MF)
            name = f"{manifest.parent.name}/{entry.value.rsplit('#', 1)[-1]}"
            if kind == "QueryEvaluationTest":
                action = _one(store, entry, MF + "action")
                cases.append(
                    Case(
                        name,
                        "eval",
                        _path(_one(store, action, QT + "query")),
                        [_path(n) for n in _all(store, action, QT + "data")],
                        [_path(n) for n in _all(store, action, QT + "graphData")],
                        _path(_one(store, entry, MF + "result")),
                    )
                )
            elif kind in ("NegativeSyntaxTest", "NegativeSyntaxTest11"):
                cases.append(
                    Case(name, "negative-syntax", _path(_one(store, entry, MF + "action")))
                )
    return cases


# -- expected and actual results, normalised ------------------------------------------------
def _rdf_format(path: Path) -> ox.RdfFormat:
    return {".rdf": ox.RdfFormat.RDF_XML, ".nt": ox.RdfFormat.N_TRIPLES}.get(
        path.suffix, ox.RdfFormat.TURTLE
    )


def expected(case: Case):
    """("graph", rdflib Graph) | ("boolean", bool) | ("solutions", (vars, rows))."""
    if case.result.suffix in RESULT_FORMATS:
        parsed = ox.parse_query_results(
            path=str(case.result), format=RESULT_FORMATS[case.result.suffix]
        )
        return normalise(parsed)
    graph = ox.parse(
        path=str(case.result), format=_rdf_format(case.result), base_iri=case.result.as_uri()
    )
    return "graph", to_rdflib(graph)


def to_rdflib(triples) -> Graph:
    """An rdflib graph of pyoxigraph triples or quads (for isomorphism)."""
    data = ox.serialize(
        [ox.Triple(t.subject, t.predicate, t.object) for t in triples],
        format=ox.RdfFormat.N_TRIPLES,
    )
    return Graph().parse(data=data, format="nt")


def normalise(result):
    """A comparable form of a pyoxigraph query result."""
    if isinstance(result, ox.QueryBoolean):
        return "boolean", bool(result)
    if isinstance(result, ox.QuerySolutions):
        variables = sorted(v.value for v in result.variables)
        rows = [tuple(_canon(row[v]) for v in variables) for row in result]
        return "solutions", (variables, rows)
    return "graph", to_rdflib(result)


XSD = "http://www.w3.org/2001/XMLSchema#"
_DECIMALS = {XSD + n for n in ("decimal", "integer", "int", "long", "short", "byte")}
_FLOATS = {XSD + "double", XSD + "float"}


def _canon(term):
    """Numbers and booleans by value ("1.0"^^xsd:decimal is "1"^^xsd:decimal), as the W3C
    harnesses compare them; other terms as they are."""
    if not isinstance(term, ox.Literal):
        return term
    datatype = term.datatype.value
    try:
        if datatype in _DECIMALS:
            text = format(Decimal(term.value).normalize(), "f")
            return ox.Literal(text, datatype=term.datatype)
        if datatype in _FLOATS:
            return ox.Literal(repr(float(term.value)), datatype=term.datatype)
        if datatype == XSD + "boolean":
            return ox.Literal(str(term.value in ("true", "1")).lower(), datatype=term.datatype)
    except (InvalidOperation, ValueError):
        return term
    return term


def _bnode_free(row: tuple) -> tuple:
    return tuple("_:" if isinstance(t, ox.BlankNode) else t for t in row)


def _bnodes_match(want: list[tuple], got: list[tuple]) -> bool:
    """Whether a renaming of blank nodes turns ``got`` into ``want`` (small result sets)."""
    want_b = sorted({t for r in want for t in r if isinstance(t, ox.BlankNode)}, key=str)
    got_b = sorted({t for r in got for t in r if isinstance(t, ox.BlankNode)}, key=str)
    if len(want_b) != len(got_b):
        return False
    if len(want_b) > 7:  # too many to try every renaming: accept the bnode-free match
        return True
    target = Counter(want)
    for perm in permutations(want_b):
        mapping = dict(zip(got_b, perm, strict=True))
        renamed = [tuple(mapping.get(t, t) for t in r) for r in got]
        if Counter(renamed) == target:
            return True
    return False


def same(want, got) -> bool:
    """Whether two normalised results are equal (blank nodes up to renaming).

    Solutions compare as multisets, also under ORDER BY (ties may come in any order).
    """
    if want[0] != got[0]:
        return False
    if want[0] == "boolean":
        return want[1] == got[1]
    if want[0] == "graph":
        return isomorphic(want[1], got[1])
    (want_vars, want_rows), (got_vars, got_rows) = want[1], got[1]
    if want_vars != got_vars or len(want_rows) != len(got_rows):
        return False
    if Counter(map(_bnode_free, want_rows)) != Counter(map(_bnode_free, got_rows)):
        return False
    return _bnodes_match(want_rows, got_rows)


# -- in-process ---------------------------------------------------------------------------
def run_in_process(case: Case):
    """The normalised result of ``case`` on a fresh pyoxigraph store (raises on error)."""
    store = ox.Store()
    for path in case.data:
        store.load(path=str(path), format=_rdf_format(path), base_iri=path.as_uri())
    for path in case.graph_data:
        graph = ox.NamedNode(path.as_uri())
        store.load(path=str(path), format=_rdf_format(path), base_iri=path.as_uri(), to_graph=graph)
    return normalise(store.query(case.query_text))


# -- over HTTP ------------------------------------------------------------------------------
DEFAULT_GRAPH = "urn:w3c-test:default"
NO_GRAPH = "urn:w3c-test:none"


class HttpRunner:
    """Runs cases through a gaia-kg endpoint at ``base``: data written through the Graph
    Store Protocol with a token, the dataset given by default-graph-uri / named-graph-uri."""

    def __init__(self, base: str, token: str):
        self.base = base
        self.auth = {"Authorization": f"Bearer {token}"}

    def _send(self, method: str, path: str, data: bytes | None = None, headers=None):
        request = urllib.request.Request(
            self.base + path, data=data, method=method, headers={**self.auth, **(headers or {})}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get_content_type(), exc.read()

    def load(self, case: Case) -> None:
        """Replace the store's content with the case's data."""
        status, _, body = self._send(
            "POST", "/sparql/update", b"DROP ALL", {"Content-Type": "application/sparql-update"}
        )
        assert status == 204, body
        targets = [(DEFAULT_GRAPH, p) for p in case.data]
        targets += [(p.as_uri(), p) for p in case.graph_data]
        for graph, path in targets:
            media = DATA_MEDIA[path.suffix]
            url = "/sparql/graph?" + urllib.parse.urlencode({"graph": graph})
            # POST adds (several data files may go to the default graph); the body's relative
            # IRIs resolve against the graph IRI, so send absolute N-Triples
            quads = ox.parse(path=str(path), format=_rdf_format(path), base_iri=path.as_uri())
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            status, _, body = self._send(
                "POST", url, data, {"Content-Type": "application/n-triples"}
            )
            assert status in (201, 204), (media, body)

    def query(self, case: Case, media: str) -> tuple[int, str, bytes]:
        """Ask the case's query with ``Accept: media`` (POST form)."""
        fields = [("query", case.query_text)]
        if not re.search(r"\bFROM\b", case.query.read_text(encoding="utf-8"), re.IGNORECASE):
            # the protocol's dataset overrides the query's FROM / FROM NAMED: only without them
            fields.append(("default-graph-uri", DEFAULT_GRAPH))
            named = [p.as_uri() for p in case.graph_data] or [NO_GRAPH]
            fields += [("named-graph-uri", g) for g in named]
        data = urllib.parse.urlencode(fields).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": media}
        return self._send("POST", "/sparql", data, headers)


RESULTS_MEDIA = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_MEDIA = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


def parse_answer(media: str, body: bytes):
    """The normalised result of an HTTP answer."""
    if media in GRAPH_MEDIA:
        return "graph", to_rdflib(ox.parse(body, GRAPH_MEDIA[media]))
    return normalise(ox.parse_query_results(body, RESULTS_MEDIA[media]))


__all__ = [
    "Case",
    "read_cases",
    "expected",
    "same",
    "run_in_process",
    "HttpRunner",
    "parse_answer",
    "RESULTS_MEDIA",
    "GRAPH_MEDIA",
]
