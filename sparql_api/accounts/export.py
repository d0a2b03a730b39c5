"""A collection read back from the store, and written out: DCAT-AP catalogue (Turtle,
JSON-LD), BibTeX, RIS, plain list of access URLs. Plain functions (no Flask).

The catalogue is a ``dcat:Catalog`` named by the collection's URL, with ``dcat:dataset`` /
``dcat:service`` / ``dcat:resource`` links to its members and each member's description as the store
holds it (:func:`sparql_api.linked_data.dereference.describe_triples`). A member the store does not
know (withdrawn since) stays in the lists but is absent from the citations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph as ox

from graph_loader.namespaces import DCAT, DCAT3, DCT, XSD
from graph_loader.store import Store
from graph_loader.terms import RDF_TYPE
from sparql_api.linked_data.dereference import PREFIXES, describe_triples, local_path
from sparql_api.linked_data.facts import Facts
from sparql_api.portal.dataset_page import dataset_extras
from sparql_api.portal.pages import link_target

__all__ = ["Member", "members", "EXPORTS", "export", "catalogue_triples"]

_KIND_LINK = {str(DCAT.Dataset): "dataset", str(DCAT.DataService): "service"}
_ENDPOINT_URL = str(DCAT.endpointURL)


@dataclass
class Member:
    """One resource of a collection as the store describes it (``extras`` None if unknown);
    its description (``triples``) is read from ``store`` on first use (exports need it, the
    collection page does not)."""

    iri: str
    path: str | None
    extras: dict | None
    store: Store | None = field(default=None, repr=False)

    @cached_property
    def triples(self) -> list[ox.Triple]:
        if self.store is None or self.extras is None:
            return []
        return describe_triples(self.store, ox.NamedNode(self.iri))

    @property
    def title(self) -> str:
        return self.extras["title"]["text"] if self.extras else self.iri

    @property
    def year(self) -> str | None:
        issued = sorted(
            v.value
            for v in Facts(self.triples).values(self.iri, DCT.issued)
            if isinstance(v, ox.Literal)
        )
        return issued[0][:4] if issued else None

    @property
    def access_urls(self) -> list[str]:
        """Download/access URLs of the distributions, endpoints of a service, landing pages;
        else the IRI."""
        if not self.extras:
            return [self.iri]
        urls = [d["url"] for d in self.extras["distributions"] if d["url"]]
        urls += sorted(
            t.object.value
            for t in self.triples
            if t.subject.value == self.iri
            and t.predicate.value == _ENDPOINT_URL
            and link_target(t.object.value)
        )
        urls += self.extras["landing"]
        return list(dict.fromkeys(urls)) or [self.iri]


def members(store: Store, iris: list[str], base: str, lang: str) -> list[Member]:
    """The collection's resources with their descriptions, in the collection's order."""
    return [
        Member(
            iri,
            local_path(iri, base),
            dataset_extras(store, ox.NamedNode(iri), lang, base=base),
            store,
        )
        for iri in iris
    ]


def catalogue_triples(
    catalogue: str, title: str, description: str, modified: str, found: list[Member]
) -> list[ox.Triple]:
    """The DCAT-AP catalogue of the collection: the catalogue node and every description."""
    node = ox.NamedNode(catalogue)
    triples = {
        ox.Triple(node, RDF_TYPE, ox.NamedNode(DCAT.Catalog)),
        ox.Triple(node, ox.NamedNode(DCT.title), ox.Literal(title)),
        ox.Triple(
            node,
            ox.NamedNode(DCT.modified),
            ox.Literal(modified, datatype=ox.NamedNode(XSD.date)),
        ),
    }
    if description:
        triples.add(ox.Triple(node, ox.NamedNode(DCT.description), ox.Literal(description)))
    for member in found:
        types = {t.object.value for t in member.triples if t.predicate == RDF_TYPE}
        link = next((v for k, v in _KIND_LINK.items() if k in types), "resource")
        triples.add(ox.Triple(node, ox.NamedNode(DCAT3[link]), ox.NamedNode(member.iri)))
        triples.update(member.triples)
    return sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def _rdf(rdf_format: ox.RdfFormat) -> Callable[..., bytes]:
    def write(catalogue: str, title: str, description: str, modified: str, found) -> bytes:
        triples = catalogue_triples(catalogue, title, description, modified, found)
        return ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)

    return write


def _bibtex(catalogue, title, description, modified, found: list[Member]) -> bytes:
    entries = [m.extras["bibtex"] for m in found if m.extras]
    return ("\n\n".join(entries) + "\n").encode() if entries else b""


def _ris_line(tag: str, value: str | None) -> str | None:
    value = re.sub(r"\s+", " ", value or "").strip()
    return f"{tag}  - {value}" if value else None


def _ris(catalogue, title, description, modified, found: list[Member]) -> bytes:
    records = []
    for m in (m for m in found if m.extras):
        x = m.extras
        agents = x["creators"] or x["publishers"]
        publisher = (x["poles"] or x["publishers"] or [None])[0]
        lines = [
            "TY  - DATA",
            *(_ris_line("AU", a["label"]["text"]) for a in agents),
            _ris_line("TI", x["title"]["text"]),
            _ris_line("PY", m.year),
            _ris_line("PB", publisher["label"]["text"] if publisher else None),
            _ris_line("DO", x["doi"]),
            _ris_line("UR", "https://doi.org/" + x["doi"] if x["doi"] else m.iri),
            "ER  - ",
        ]
        records.append("\r\n".join(line for line in lines if line))
    return "\r\n".join(records).encode() + (b"\r\n" if records else b"")


def _urls(catalogue, title, description, modified, found: list[Member]) -> bytes:
    urls = dict.fromkeys(u for m in found for u in m.access_urls)
    return "".join(u + "\n" for u in urls).encode()


#: export name -> (media type, file extension, writer(catalogue, title, description, modified,
#: members) -> bytes)
EXPORTS: dict[str, tuple[str, str, Callable[..., bytes]]] = {
    "ttl": ("text/turtle; charset=utf-8", "ttl", _rdf(ox.RdfFormat.TURTLE)),
    "jsonld": ("application/ld+json", "jsonld", _rdf(ox.RdfFormat.JSON_LD)),
    "bib": ("application/x-bibtex; charset=utf-8", "bib", _bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris", _ris),
    "urls": ("text/plain; charset=utf-8", "txt", _urls),
}


def export(
    name: str, catalogue: str, title: str, description: str, modified: str, found: list[Member]
) -> bytes:
    """The collection in export ``name`` of :data:`EXPORTS` (KeyError if unknown)."""
    return EXPORTS[name][2](catalogue, title, description, modified, found)
