"""Dereferenceable resources: the negotiation table, the description of a resource, its
serialisations, and lookups by external identifier.

The description of a resource is what its record graph(s) say (provenance of the record
included); for a resource no record describes (an agent, a distribution, a concept, a data
centre) it is a concise bounded description: the statements about it in any graph but the
inference graph, and, recursively, about its own fragments (``<iri>#...``) and blank nodes.
Both come with the labels of the IRIs they link to, so a client needs no second request to
show them, and with their types and concept schemes, which DCAT-AP checks (a theme is a
``skos:Concept``, a licence a ``dct:LicenseDocument``, a frequency one of its authority table),
and, derived on read as in the feed and exports, a known licence's ADMS licence type.

>>> choose_format(None, None, None)
'html'
>>> choose_format("ttl", "nt", None)
'ttl'
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from graph_loader.centroid import centroids
from graph_loader.conformance import first_load_triples, licence_types_of
from graph_loader.file_types import format_triples
from graph_loader.namespaces import PREFIXES as PROJECT_PREFIXES
from graph_loader.store import Store
from graph_loader.terms import RDF_TYPE
from graph_loader.xmlchars import xml_safe
from sparql_api.core.rq import load_query
from sparql_api.sparql.negotiation import without_parameters

__all__ = [
    "Format",
    "FORMATS",
    "RDF_FORMATS",
    "F_ALIASES",
    "MEDIA_ALIASES",
    "UnknownFormat",
    "choose_format",
    "split_extension",
    "describe_triples",
    "linked_facts",
    "serialize",
    "PREFIXES",
    "local_path",
    "lookup_identifier",
    "doi_variants",
    "title_matches",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One representation: short name, media type, file extension, pyoxigraph format."""

    name: str
    media_type: str
    extension: str | None
    rdf: ox.RdfFormat | None


#: the negotiation table, in order of preference when a client accepts several equally
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", "text/html", "html", None),
        Format("ttl", "text/turtle", "ttl", ox.RdfFormat.TURTLE),
        Format("jsonld", "application/ld+json", "jsonld", ox.RdfFormat.JSON_LD),
        Format("rdf", "application/rdf+xml", "rdf", ox.RdfFormat.RDF_XML),
        Format("nt", "application/n-triples", "nt", ox.RdfFormat.N_TRIPLES),
        Format("linkset", "application/linkset+json", None, None),
    )
}
#: the formats that serialise the description graph
RDF_FORMATS = tuple(name for name, f in FORMATS.items() if f.rdf is not None)
#: other names ``?f=`` accepts
F_ALIASES: dict[str, str] = {
    "turtle": "ttl",
    "json-ld": "jsonld",
    "rdfxml": "rdf",
    "xml": "rdf",
    "ntriples": "nt",
    "n-triples": "nt",
}
#: other media types clients send, and the format they stand for
MEDIA_ALIASES: dict[str, str] = {
    "application/xhtml+xml": "html",
    "application/x-turtle": "ttl",
    "application/json": "jsonld",
    "application/xml": "rdf",
    "text/plain": "nt",
}
_EXTENSIONS = {f.extension: name for name, f in FORMATS.items() if f.extension}

#: the prefixes of the serialisations and of the pages' CURIEs (some of the project's)
PREFIXES: dict[str, str] = {
    prefix: str(PROJECT_PREFIXES[prefix])
    for prefix in ("dcat", "dct", "foaf", "gaia", "schema", "skos", "vcard", "prov", "xsd")
}

INFERENCE_GRAPH = "https://w3id.org/gaia-kg/graph/inference"


class UnknownFormat(ValueError):
    """``?f=`` or an extension names no known format."""


def split_extension(slug: str) -> tuple[str, str | None]:
    """``("x", "ttl")`` for ``"x.ttl"``; ``(slug, None)`` without a known extension.

    >>> split_extension("argo.v2.jsonld"), split_extension("argo.v2")
    (('argo.v2', 'jsonld'), ('argo.v2', None))
    """
    stem, dot, ext = slug.rpartition(".")
    if dot and stem and ext in _EXTENSIONS:
        return stem, ext
    return slug, None


def choose_format(extension: str | None, f: str | None, accept: object | None) -> str | None:
    """The format's short name: the extension wins, then ``?f=``, then ``Accept`` (a werkzeug
    ``MIMEAccept``; absent or empty: HTML). None when nothing acceptable is offered.

    Raises :class:`UnknownFormat` for an unknown extension or ``?f=`` value.
    """
    if extension:
        if extension not in _EXTENSIONS:
            raise UnknownFormat(extension)
        return _EXTENSIONS[extension]
    if f is not None:  # given, even empty: it must name a format
        name = F_ALIASES.get(f.lower(), f.lower())
        if name not in FORMATS:
            raise UnknownFormat(f)
        return name
    if not accept:
        return "html"
    media = {fmt.media_type: name for name, fmt in FORMATS.items()}
    media.update(MEDIA_ALIASES)
    best = without_parameters(accept).best_match(list(media))
    return media.get(best) if best else None


def known_formats() -> str:
    """The names ``?f=`` accepts, for error messages."""
    return ", ".join(FORMATS)


__all__ += ["known_formats"]


def _owned(node: object, iri: ox.NamedNode) -> bool:
    if isinstance(node, ox.BlankNode):
        return True
    return isinstance(node, ox.NamedNode) and node.value.startswith(iri.value + "#")


def describe_triples(store: Store, iri: ox.NamedNode) -> list[ox.Triple]:
    """The description of ``iri`` (see the module docstring), sorted; empty if unknown."""
    found: set[ox.Triple] = set()
    graphs = [row["g"] for row in store.select(load_query("ld_record_graphs"), {"iri": iri})]
    for graph in graphs:
        statements = store.graph_triples(graph)
        found.update(statements)
        # derived on read: the first load and change type, each box's centroid, file types
        found.update(first_load_triples(graph, statements))
        found.update(centroids(statements))
        found.update(format_triples(statements))
    if not graphs:
        pending, seen = [iri], {iri}
        while pending:
            subject = pending.pop()
            if isinstance(subject, ox.BlankNode):
                continue  # blank nodes are skolemised at load time; none to follow
            for row in store.select(load_query("ld_subject"), {"iri": subject}):
                found.add(ox.Triple(subject, row["p"], row["o"]))
                if _owned(row["o"], iri) and row["o"] not in seen:
                    seen.add(row["o"])
                    pending.append(row["o"])
        if not found:
            return []
    described = {t.subject for t in found}  # what the description itself speaks of
    linked = sorted(
        {t.object for t in found if isinstance(t.object, ox.NamedNode) and t.predicate != RDF_TYPE}
        - described,
        key=str,
    )
    for said in linked_facts(store, linked).values():
        found.update(said)
    found.update(licence_types_of(found))  # derived on read, as in the feed and exports
    return sorted(found, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def linked_facts(store: Store, linked: list[ox.NamedNode]) -> dict[object, list[ox.Triple]]:
    """What a description says of each IRI it links to (query ``ld_labels``): its labels,
    types and concept schemes, kept while the store's snapshot is the same
    (:class:`graph_loader.memo.SnapshotMemo`: the same publishers, themes, licences and
    formats come back on every page)."""

    def read(keys: list) -> dict:
        # one small query each: faster than one VALUES join here
        return {
            key: [
                ox.Triple(key[1], row["lp"], row["label"])
                for row in store.select(load_query("ld_labels"), {"o": key[1]})
            ]
            for key in keys
        }

    return store.memo.get_many(store.snapshot(), [("ld_labels", o) for o in linked], read)


def serialize(triples: list[ox.Triple], name: str) -> bytes:
    """The triples in format ``name`` of :data:`FORMATS` (an RDF one)."""
    rdf = FORMATS[name].rdf
    if rdf is None:
        raise UnknownFormat(name)
    if rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD):
        try:
            body = ox.serialize(triples, format=rdf, prefixes=PREFIXES)
        except TypeError:  # a format whose serialiser takes no prefixes
            body = ox.serialize(triples, format=rdf)
    else:
        body = ox.serialize(triples, format=rdf)
    return xml_safe(body) if rdf == ox.RdfFormat.RDF_XML else body


def local_path(iri: str, base: str) -> str | None:
    """``/id/<kind>/<slug>`` for an IRI under the base, else None.

    >>> local_path("https://data.gaia-data.fr/id/dataset/argo", "https://data.gaia-data.fr/")
    '/id/dataset/argo'
    """
    prefix = base + "id/"
    if not iri.startswith(prefix):
        return None
    rest = iri.removeprefix(prefix)
    kind, slash, slug = rest.partition("/")
    if not (slash and kind and slug) or "/" in slug or "#" in slug or "?" in slug:
        return None
    return f"/id/{kind}/{slug}"


def doi_variants(doi: str) -> list[str]:
    """The lower-case spellings of a DOI a record may hold.

    >>> doi_variants("https://doi.org/10.1785/GSSRL.81.3.530")[0]
    '10.1785/gssrl.81.3.530'
    """
    bare = doi.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "http://dx.doi.org/", "doi:"):
        if bare.startswith(prefix):
            bare = bare.removeprefix(prefix)
    return [bare, "https://doi.org/" + bare, "http://dx.doi.org/" + bare, "doi:" + bare]


def lookup_identifier(store: Store, variants: list[str]) -> str | None:
    """The resource a record identifies by one of ``variants`` (lower case), else None."""
    padded = (variants + variants[-1:] * 4)[:4]
    bindings = {name: ox.Literal(v) for name, v in zip("abcd", padded, strict=True)}
    rows = store.select(load_query("ld_lookup"), bindings)
    return rows[0]["r"].value if rows else None


def title_matches(store: Store, words: list[str]) -> list[dict]:
    """Records whose title contains one of ``words`` (longest words first; up to 8)."""
    found: dict[str, str] = {}
    for word in sorted({w.lower() for w in words if len(w) >= 3}, key=lambda w: (-len(w), w)):
        for row in store.select(load_query("ld_title_search"), {"word": ox.Literal(word)}):
            found.setdefault(row["r"].value, row["title"].value)
        if len(found) >= 8:
            break
    return [{"iri": iri, "title": title} for iri, title in list(found.items())[:8]]
