"""RDF building blocks of the demo catalogue: namespaces, IRIs, prefixes, bilingual literals,
WKT boxes."""

from __future__ import annotations

from rdflib import OWL, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS as DCT

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

DCAT = Namespace("http://www.w3.org/ns/dcat#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SDO = Namespace("https://schema.org/")
CITO = Namespace("http://purl.org/spar/cito/")
GAIA = Namespace("https://w3id.org/gaia-kg/ontology#")
GSP = Namespace("http://www.opengis.net/ont/geosparql#")
DWC = Namespace("http://rs.tdwg.org/dwc/terms/")
ID = "https://data.gaia-data.fr/id/"
THESAURUS = "https://w3id.org/gaia-kg/thesaurus/"
ORG = "https://w3id.org/gaia-kg/org/"
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
