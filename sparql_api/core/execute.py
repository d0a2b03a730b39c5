"""Running one SPARQL query and serialising its result, capped: no Flask, no processes.

Used inside the query workers (:mod:`sparql_api.core.pool`) and, for a remote store, directly.
SELECT results are cut at ``row_cap`` rows and CONSTRUCT/DESCRIBE results at ``row_cap``
triples; a cut is always stated (``QueryOutput.truncated``, and a ``gaia`` member in SPARQL
JSON results). The cut is made on pyoxigraph's own TSV / N-Triples output (one line per row
or triple), which is then re-serialised by pyoxigraph in the format asked: no Python object
per row, so the cap costs a few per cent (``bench/sparql.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox

from graph_loader.xmlchars import xml_safe
from sparql_api.sparql.negotiation import GRAPH_FORMATS, RESULTS_FORMATS

__all__ = ["QueryJob", "QueryOutput", "NotAcceptable", "run_job", "render", "solutions_json"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"


@dataclass(frozen=True, slots=True)
class QueryJob:
    """One query to run, with the formats chosen for each kind of result."""

    query: str
    results_format: str | None = "json"
    graph_format: str | None = "ttl"
    row_cap: int = 10_000
    default_graph: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    #: the default graph is the union of all graphs (False: the store's own default graph)
    union: bool = True
    #: the format of an ASK result when it differs from ``results_format``
    boolean_format: str | None = None
    #: the IRI relative IRIs of the query resolve against (the endpoint's URL)
    base_iri: str | None = None


@dataclass(frozen=True, slots=True)
class QueryOutput:
    """A serialised result, ready to send."""

    kind: str  # "solutions" | "boolean" | "graph"
    media_type: str
    body: bytes
    truncated: bool = False
    row_cap: int = 0


class NotAcceptable(Exception):
    """The result's kind has no acceptable format; ``args[0]`` is the kind."""


def run_job(store: ox.Store, job: QueryJob) -> QueryOutput:
    """Run ``job`` on a pyoxigraph store (the default graph is the union unless one is named)."""
    options: dict[str, object] = {"base_iri": job.base_iri}
    if job.default_graph or job.named_graphs:
        # a dataset given by the protocol: the default graph is the merge of the graphs
        # named as default (none: empty), whatever the union setting
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graph]
    else:
        options["use_default_graph_as_union"] = job.union
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    return render(store.query(job.query, **options), job)


def render(result: object, job: QueryJob) -> QueryOutput:
    """Serialise a pyoxigraph query result in the format ``job`` chose for its kind."""
    if isinstance(result, ox.QueryBoolean):
        name = _need(job.boolean_format or job.results_format, "boolean")
        media, member = RESULTS_FORMATS[name]
        body = result.serialize(format=getattr(ox.QueryResultsFormat, member))
        return QueryOutput("boolean", media, _xml_safe(body, member))
    if isinstance(result, ox.QuerySolutions):
        name = _need(job.results_format, "solutions")
        return _render_solutions(result, name, job.row_cap)
    name = _need(job.graph_format, "graph")
    media, member = GRAPH_FORMATS[name]
    lines, truncated = _capped_lines(result, ox.RdfFormat.N_TRIPLES, job.row_cap)
    if name == "nt":
        body = lines
    else:
        triples = ox.parse(lines, ox.RdfFormat.N_TRIPLES)
        body = _xml_safe(ox.serialize(triples, format=getattr(ox.RdfFormat, member)), member)
    return QueryOutput("graph", media, body, truncated, job.row_cap)


def _xml_safe(body: bytes, member: str) -> bytes:
    """``body`` without the characters XML cannot carry when format ``member`` is XML."""
    return xml_safe(body) if member in ("XML", "RDF_XML") else body


def _need(name: str | None, kind: str) -> str:
    if name is None:
        raise NotAcceptable(kind)
    return name


class _Full(Exception):
    """The line budget of a :class:`_LineBudget` is spent."""


class _LineBudget:
    """A file-like sink for pyoxigraph's serialisers that stops them after ``limit`` lines."""

    def __init__(self, limit: int):
        self.limit = limit
        self.lines = 0
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        data = bytes(data)
        self.parts.append(data)
        self.lines += data.count(b"\n")
        if self.lines > self.limit:
            raise _Full()
        return len(data)

    def flush(self) -> None:
        """Nothing buffered here."""


def _capped_lines(result, fmt, lines: int, header: int = 0) -> tuple[bytes, bool]:
    """``result`` serialised by pyoxigraph in a one-line-per-item format (TSV, N-Triples),
    cut after ``lines`` items (and ``header`` lines): (text, whether it was cut).

    Both formats escape line breaks inside terms, so a line is a row or a triple; pyoxigraph
    writes in chunks and stops at the first chunk past the budget, so a huge result is never
    held whole. Everything stays in pyoxigraph's serialisers and parsers (no Python objects
    per row): the cap costs a few per cent over plain serialisation.
    """
    budget = _LineBudget(lines + header)
    try:
        result.serialize(budget, format=fmt)
    except _Full:
        text = b"".join(budget.parts)
        cut = -1
        for _ in range(lines + header):
            cut = text.index(b"\n", cut + 1)
        return text[: cut + 1], True
    return b"".join(budget.parts), False


def _render_solutions(result: ox.QuerySolutions, name: str, cap: int) -> QueryOutput:
    tsv, truncated = _capped_lines(result, ox.QueryResultsFormat.TSV, cap, header=1)
    media, member = RESULTS_FORMATS[name]
    if name == "tsv":
        body = tsv
    else:
        capped = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
        body = _xml_safe(capped.serialize(format=getattr(ox.QueryResultsFormat, member)), member)
    if name == "json" and truncated:
        # the cut is stated in the document too: {"head": …, "results": …, "gaia": {…}}
        assert body.endswith(b"}")
        mark = json.dumps({"truncated": True, "rowCap": cap}, separators=(",", ":"))
        body = body[:-1] + b',"gaia":' + mark.encode() + b"}"
    return QueryOutput("solutions", media, body, truncated, cap)


def solutions_json(variables: list[str], rows: list[ox.QuerySolution]) -> dict:
    """SPARQL 1.1 JSON results (as a dict) for ``rows``."""
    bindings = []
    for row in rows:
        binding = {}
        for name in variables:
            term = row[name]
            if term is not None:
                binding[name] = _term_json(term)
        bindings.append(binding)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def _term_json(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            if term.direction is not None:
                out["its:dir"] = str(term.direction).rsplit(".", 1)[-1].lower()
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term_json(getattr(term, p)) for p in parts}}
    raise TypeError(f"unexpected term {term!r}")
