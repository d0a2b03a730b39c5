"""RDF building blocks of the demo catalogue: namespaces, IRIs, prefixes, bilingual literals,
WKT boxes."""

from __future__ import annotations

from rdflib import OWL, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as DCT

from graph_loader.namespaces import CITO, DCAT, DWC, FOAF, GAIA, GSP, SDO, SKOS, VCARD
from graph_loader.terms import ORG_NS, THESAURUS_NS

__all__ = [
    "DCAT",
    "DCT",
    "FOAF",
    "VCARD",
    "SKOS",
    "SDO",
    "CITO",
    "GAIA",
    "GSP",
    "DWC",
    "ID",
    "THESAURUS",
    "ORG",
    "EU",
    "iri",
    "new_graph",
    "bilingual",
    "wkt",
]

ID = "https://data.gaia-data.fr/id/"
THESAURUS = THESAURUS_NS
ORG = ORG_NS
EU = "http://publications.europa.eu/resource/authority/"


def iri(kind: str, slug: str) -> URIRef:
    """The demo IRI of a resource, e.g. ``iri("dataset", "argo-gdac-profiles")``."""
    return URIRef(f"{ID}{kind}/{slug}")


def new_graph() -> Graph:
    """An empty graph with the prefixes used by the demo files."""
    g = Graph()
    for prefix, ns in {
        "dcat": DCAT,
        "dct": DCT,
        "foaf": FOAF,
        "vcard": VCARD,
        "skos": SKOS,
        "schema": SDO,
        "cito": CITO,
        "gaia": GAIA,
        "gsp": GSP,
        "dwc": DWC,
        "owl": OWL,
        "xsd": XSD,
        "thes": Namespace(THESAURUS),
        "gaiaorg": Namespace(ORG),
        "dataset": Namespace(ID + "dataset/"),
        "distribution": Namespace(ID + "distribution/"),
        "service": Namespace(ID + "service/"),
        "agent": Namespace(ID + "agent/"),
        "taxon": Namespace(ID + "taxon/"),
        "publication": Namespace(ID + "publication/"),
        "software": Namespace(ID + "software/"),
        "tutorial": Namespace(ID + "tutorial/"),
    }.items():
        g.bind(prefix, ns)
    return g


def bilingual(g: Graph, s: URIRef, p: URIRef, pair: tuple[str, str]) -> None:
    """Add the French and English literals of ``pair`` to ``s p``."""
    g.add((s, p, Literal(pair[0], lang="fr")))
    g.add((s, p, Literal(pair[1], lang="en")))


def wkt(area: tuple[float, float, float, float]) -> Literal:
    """A closed WKT polygon for a (min lon, min lat, max lon, max lat) box."""
    w, s, e, n = area
    ring = [(w, s), (e, s), (e, n), (w, n), (w, s)]
    text = "POLYGON((" + ", ".join(f"{x:g} {y:g}" for x, y in ring) + "))"
    return Literal(text, datatype=GSP.wktLiteral)
