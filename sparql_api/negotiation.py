"""Content negotiation for the SPARQL endpoint: two tables and one function.

SELECT and ASK answer in a *results* format, CONSTRUCT and DESCRIBE in a *graph* format.
``format=`` (a short name) overrides ``Accept``. A graph query asked for a results-only
media type (rdflib's SPARQLStore sends ``application/sparql-results+xml``) is answered in
Turtle rather than refused.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "RESULTS_FORMATS",
    "GRAPH_FORMATS",
    "MEDIA_ALIASES",
    "Negotiated",
    "UnknownFormat",
    "negotiate",
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


class UnknownFormat(ValueError):
    """``format=`` names no known format."""


@dataclass(frozen=True, slots=True)
class Negotiated:
    """The chosen short name for each kind of result (None: nothing acceptable)."""

    results: str | None
    graph: str | None

    @property
    def acceptable(self) -> bool:
        return self.results is not None or self.graph is not None


def _media_table(table: dict[str, tuple[str, str]]) -> dict[str, str]:
    media = {mt: name for name, (mt, _) in table.items()}
    media.update({mt: name for mt, name in MEDIA_ALIASES.items() if name in table})
    return media


def negotiate(accept: object | None, fmt: str | None = None) -> Negotiated:
    """Choose the formats from ``format=`` or a werkzeug ``MIMEAccept`` (empty: defaults).

    >>> negotiate(None, "csv")
    Negotiated(results='csv', graph='ttl')
    """
    if fmt:
        if fmt in RESULTS_FORMATS:
            return Negotiated(fmt, "ttl")
        if fmt in GRAPH_FORMATS:
            return Negotiated(None, fmt)
        raise UnknownFormat(fmt)
    if not accept:
        return Negotiated("json", "ttl")
    results_media = _media_table(RESULTS_FORMATS)
    graph_media = _media_table(GRAPH_FORMATS)
    results = accept.best_match(list(results_media))
    graph = accept.best_match(list(graph_media))
    results_name = results_media.get(results) if results else None
    graph_name = graph_media.get(graph) if graph else None
    if graph_name is None and results_name is not None:
        graph_name = "ttl"
    return Negotiated(results_name, graph_name)


def known_formats() -> str:
    """The short names of ``format=``, for error messages."""
    return ", ".join([*RESULTS_FORMATS, *GRAPH_FORMATS])


__all__ += ["known_formats"]
