"""The SPARQL 1.1 Service Description of ``/sparql`` (and ``/sparql/update``), as RDF.

https://www.w3.org/TR/sparql11-service-description/ — answered on ``GET /sparql`` without a
query, in the RDF format the client accepts. No Flask here.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Namespace

from graph_loader.config import Settings
from graph_loader.namespaces import DCT, FORMATS, RDFS
from graph_loader.terms import RDF_TYPE
from sparql_api.sparql.negotiation import GRAPH_FORMATS, RESULTS_FORMATS
from sparql_api.web.i18n import LANGUAGES, WEB

__all__ = ["SD", "service_description", "FORMAT_IRIS"]

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

#: short format name -> its IRI in http://www.w3.org/ns/formats/
FORMAT_IRIS: dict[str, str] = {
    "json": str(FORMATS.SPARQL_Results_JSON),
    "xml": str(FORMATS.SPARQL_Results_XML),
    "csv": str(FORMATS.SPARQL_Results_CSV),
    "tsv": str(FORMATS.SPARQL_Results_TSV),
    "ttl": str(FORMATS.Turtle),
    "nt": str(FORMATS["N-Triples"]),
    "jsonld": str(FORMATS["JSON-LD"]),
    "rdfxml": str(FORMATS.RDF_XML),
}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD[name])


def service_description(endpoint: str, update_endpoint: str, settings: Settings) -> list:
    """The triples describing the query service at ``endpoint`` and the update service."""
    service = ox.NamedNode(endpoint)
    update = ox.NamedNode(update_endpoint)
    dataset, default = ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), service),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, RDF_TYPE, _sd("Graph")),
        ox.Triple(update, RDF_TYPE, _sd("Service")),
        ox.Triple(update, _sd("endpoint"), update),
        ox.Triple(update, _sd("supportedLanguage"), _sd("SPARQL11Update")),
    ]
    if settings.default_graph == "union":
        triples.append(ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")))
    for name in [*RESULTS_FORMATS, *GRAPH_FORMATS]:
        triples.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMAT_IRIS[name])))
    limits = {
        "seconds": f"{settings.query_timeout:g}",
        "cap": settings.row_cap,
    }
    for lang in LANGUAGES:
        title = "GAIA Data — SPARQL"
        triples += [
            ox.Triple(service, ox.NamedNode(DCT.title), ox.Literal(title, language=lang)),
            ox.Triple(
                service,
                ox.NamedNode(DCT.description),
                ox.Literal(WEB.text("endpoint_description", lang), language=lang),
            ),
            ox.Triple(
                service,
                ox.NamedNode(RDFS.comment),
                ox.Literal(WEB.text("endpoint_limits", lang, **limits), language=lang),
            ),
        ]
    return triples
