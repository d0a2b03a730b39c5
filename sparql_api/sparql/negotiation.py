"""Content negotiation for the SPARQL endpoint: two tables and one function.

SELECT and ASK answer in a *results* format, CONSTRUCT and DESCRIBE in a *graph* format.
``format=`` (a short name) overrides ``Accept``. A graph query asked for a results-only
media type (rdflib's SPARQLStore sends ``application/sparql-results+xml``) is answered in
Turtle rather than refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MIMEAccept

__all__ = [
    "RESULTS_FORMATS",
    "GRAPH_FORMATS",
    "MEDIA_ALIASES",
    "FORMAT_ALIASES",
    "Negotiated",
    "UnknownFormat",
    "negotiate",
    "without_parameters",
]

#: short name -> (media type, name of the pyoxigraph ``QueryResultsFormat`` member)
RESULTS_FORMATS: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "JSON"),
    "xml": ("application/sparql-results+xml", "XML"),
    "csv": ("text/csv", "CSV"),
    "tsv": ("text/tab-separated-values", "TSV"),
}

#: short name -> (media type, name of the pyoxigraph ``RdfFormat`` member)
GRAPH_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("text/turtle", "TURTLE"),
    "nt": ("application/n-triples", "N_TRIPLES"),
    "jsonld": ("application/ld+json", "JSON_LD"),
    "rdfxml": ("application/rdf+xml", "RDF_XML"),
}

#: other media types clients send, and the short name they stand for
MEDIA_ALIASES: dict[str, str] = {
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "nt",
}


#: other ``format=`` values clients send (SPARQLWrapper's names, media types), and the short
#: name they stand for; N3 is answered in Turtle, which is valid N3
FORMAT_ALIASES: dict[str, str] = {
    "turtle": "ttl",
    "n3": "ttl",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdf": "rdfxml",
    "rdf+xml": "rdfxml",
    "json-ld": "jsonld",
    "srj": "json",
    "srx": "xml",
}


class UnknownFormat(ValueError):
    """``format=`` names no known format."""


@dataclass(frozen=True, slots=True)
class Negotiated:
    """The chosen short name for each kind of result (None: nothing acceptable)."""

    results: str | None
    graph: str | None
    #: for ASK, when it differs from ``results``: SPARQL CSV/TSV define no boolean, so a
    #: client that only *accepts* CSV/TSV (rdflib's SPARQLStore) gets SPARQL JSON for an ASK;
    #: ``format=csv|tsv`` still gives pyoxigraph's one-line ``true``/``false``
    boolean: str | None = None

    @property
    def acceptable(self) -> bool:
        return self.results is not None or self.graph is not None


def without_parameters(accept: object | None) -> object | None:
    """``accept`` (a werkzeug ``MIMEAccept``) with the media-type parameters other than ``q``
    dropped: ``text/turtle; charset=utf-8`` accepts ``text/turtle`` (werkzeug otherwise
    requires the parameters to match, and the answer would be 406).

    >>> from werkzeug.http import parse_accept_header
    >>> accept = parse_accept_header("text/turtle; charset=utf-8;q=0.5", MIMEAccept)
    >>> list(without_parameters(accept))
    [('text/turtle', 0.5)]
    """
    if not accept:
        return accept
    return MIMEAccept([(value.split(";", 1)[0].strip(), q) for value, q in accept])


def _media_table(table: dict[str, tuple[str, str]]) -> dict[str, str]:
    media = {mt: name for name, (mt, _) in table.items()}
    media.update({mt: name for mt, name in MEDIA_ALIASES.items() if name in table})
    return media


_GRAPH_COUNTERPART = {"xml": "rdfxml", "json": "jsonld"}
#: the results format closest to a graph format, for a SELECT or ASK asked for one (TSV writes
#: terms as Turtle and N-Triples do)
_RESULTS_COUNTERPART = {"rdfxml": "xml", "jsonld": "json", "ttl": "tsv", "nt": "tsv"}


def _best(accept: object | None, table: dict[str, tuple[str, str]]) -> str | None:
    """The short name of ``table``'s best match in ``accept`` (None: none acceptable)."""
    if not accept:
        return None
    media = _media_table(table)
    best = without_parameters(accept).best_match(list(media))
    return media.get(best) if best else None


def negotiate(accept: object | None, fmt: str | None = None) -> Negotiated:
    """Choose the formats from ``format=`` or a werkzeug ``MIMEAccept`` (empty: defaults).

    ``format=`` names a serialisation for both kinds of answer: a results format for a
    graph query (CONSTRUCT, DESCRIBE) stands for its closest graph format, and a graph
    format for a SELECT or an ASK for its closest results format, so that any query may be
    asked in any format (a format ``Accept`` prefers for the other kind still wins).

    >>> negotiate(None, "csv")
    Negotiated(results='csv', graph='ttl', boolean=None)
    >>> negotiate(None, "rdfxml")
    Negotiated(results='xml', graph='rdfxml', boolean=None)
    """
    if fmt:
        fmt = FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
        if "/" in fmt:  # a media type
            fmt = {**_media_table(RESULTS_FORMATS), **_media_table(GRAPH_FORMATS)}.get(fmt, fmt)
        if fmt in RESULTS_FORMATS:
            # a graph query asked for a results format: the Accept header's graph format, else
            # the graph format closest to the one named (SPARQLWrapper's XML means RDF/XML)
            graph = _best(accept, GRAPH_FORMATS) or _GRAPH_COUNTERPART.get(fmt, "ttl")
            return Negotiated(fmt, graph)
        if fmt in GRAPH_FORMATS:
            results = _best(accept, RESULTS_FORMATS) or _RESULTS_COUNTERPART[fmt]
            return Negotiated(results, fmt)
        raise UnknownFormat(fmt)
    if not accept:
        return Negotiated("json", "ttl")
    results_name = _best(accept, RESULTS_FORMATS)
    graph_name = _best(accept, GRAPH_FORMATS)
    if graph_name is None and results_name is not None:
        graph_name = "ttl"
    boolean = None
    if results_name in ("csv", "tsv"):
        boolean = _best(accept, {k: RESULTS_FORMATS[k] for k in ("json", "xml")}) or "json"
    return Negotiated(results_name, graph_name, boolean)


def known_formats() -> str:
    """The short names of ``format=``, for error messages."""
    return ", ".join([*RESULTS_FORMATS, *GRAPH_FORMATS])


__all__ += ["known_formats"]
