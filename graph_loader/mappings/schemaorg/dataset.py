"""One schema.org Dataset (or DataCatalog) → DCAT-AP: identifiers, keywords, distributions,
links, grants and agents.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Namespace

from ...errors import InputError
from ...iri import resource_iri
from ...namespaces import DCAT, DCT, FOAF, GEODCAT, GSP, SDO, SKOS
from ..build import (
    ACCESS_RIGHTS,
    A,
    Triples,
    date_literal,
    guess_language,
    is_url,
    licence_iri,
    text,
)
from ..jsonld import Index
from .extents import add_geometry, add_spatial, add_temporal
from .values import (
    add_agent,
    add_contact,
    add_texts,
    language_iri_of,
    language_of,
    strings,
    url_node,
)

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
DCAT3 = Namespace(str(DCAT))

__all__ = ["add_dataset", "add_catalog", "has_key"]

_ROLES = {
    "creator": DCT.creator,
    "author": DCT.creator,
    "publisher": DCT.publisher,
    "contributor": DCT.contributor,
    "funder": SDO.funder,
}


def _distribution(out: Triples, idx: Index, dataset, node, lang) -> None:
    download = url_node(idx.first(node, SDO.contentUrl))
    access = url_node(idx.first(node, SDO.url)) or download
    if access is None:
        return
    dist = ox.BlankNode()
    out.add(dataset, DCAT.distribution, dist)
    out.add(dist, A, ox.NamedNode(DCAT.Distribution))
    out.add(dist, DCAT.accessURL, access)
    out.add(dist, DCAT.downloadURL, download)
    add_texts(out, idx, node, SDO.name, dist, DCT["title"], lang)
    add_texts(out, idx, node, SDO.description, dist, DCT.description, lang)
    for fmt in strings(idx, node, SDO.encodingFormat):
        media = fmt.value.strip()
        if re.match(r"^[a-z]+/[A-Za-z0-9.+-]+$", media):
            iana = "https://www.iana.org/assignments/media-types/" + media
            out.add(dist, DCAT.mediaType, ox.NamedNode(iana))
        else:
            out.add(dist, DCT["format"], text(media))


def _keywords(out: Triples, idx: Index, node, dataset, lang) -> None:
    for value in idx.values(node, SDO.keywords):
        if isinstance(value, ox.Literal):
            words = value.value.split(",") if "," in value.value else [value.value]
            for word in (w for w in words if w.strip()):
                out.add(dataset, DCAT.keyword, text(word, value.language or lang))
            continue
        name = idx.first(value, SDO.name)
        if not isinstance(name, ox.Literal):
            continue
        out.add(dataset, DCAT.keyword, text(name.value, name.language))
        subject = value if isinstance(value, ox.NamedNode) and is_url(value.value) else None
        subject = subject or url_node(idx.first(value, SDO.url)) or ox.BlankNode()
        out.add(dataset, DCT.subject, subject)
        out.add(subject, SKOS.prefLabel, text(name.value, name.language))
        for termset in idx.values(value, SDO.inDefinedTermSet):
            scheme = url_node(termset) or ox.BlankNode()
            out.add(subject, SKOS.inScheme, scheme)
            if isinstance(termset, ox.Literal) and url_node(termset) is None:
                out.add(scheme, DCT["title"], text(termset.value))
    for variable in idx.values(node, SDO.variableMeasured):
        name = variable if isinstance(variable, ox.Literal) else idx.first(variable, SDO.name)
        if isinstance(name, ox.Literal):
            out.add(dataset, DCAT.keyword, text(name.value, name.language or lang))
        if not isinstance(variable, ox.Literal):
            for prop in idx.values(variable, SDO.propertyID):
                out.add(dataset, SDO.variableMeasured, url_node(prop))


def _identifiers(idx: Index, node) -> list[str]:
    found = []
    for value in idx.values(node, SDO.identifier):
        if isinstance(value, ox.Literal):
            found.append(value.value.strip())
        elif isinstance(value, ox.NamedNode) and is_url(value.value):
            found.append(value.value)
        else:
            for prop in (SDO.value, SDO.url):
                found.extend(v.value.strip() for v in idx.values(value, prop))
    return [f for f in dict.fromkeys(found) if f]


def _dataset_iri(idx: Index, node, base_iri: str) -> ox.NamedNode:
    if isinstance(node, ox.NamedNode) and is_url(node.value):
        return node
    keys = [*_identifiers(idx, node), *(v.value for v in idx.values(node, SDO.url))]
    keys += [v.value for v in strings(idx, node, SDO.name)]
    if not keys:
        raise InputError("schema.org Dataset with no @id, identifier, url or name")
    return ox.NamedNode(resource_iri("dataset", keys[0], base_iri))


def _licence(value) -> ox.NamedNode | None:
    """A licence given by IRI or URL (any), or as a text naming a known licence or SPDX
    identifier; other texts ("TBD", "Restricted access") are rights statements."""
    if value is None:
        return None
    if isinstance(value, ox.NamedNode) or is_url(value.value):
        return licence_iri(value.value)
    return licence_iri(value.value, field=False)


def _links(out: Triples, idx: Index, node, dataset, lang) -> None:
    for prop, target in (("license", DCT.license), ("url", DCAT.landingPage)):
        for value in idx.values(node, SDO + prop):
            if isinstance(value, ox.BlankNode):
                value = idx.first(value, SDO.url) or idx.first(value, SDO.name)
            if prop == "license":
                licence = _licence(value)
                if licence is None and isinstance(value, ox.Literal):
                    statement = ox.BlankNode()
                    out.add(dataset, DCT.rights, statement)
                    out.add(statement, A, ox.NamedNode(DCT.RightsStatement))
                    out.add(
                        statement, "http://www.w3.org/2000/01/rdf-schema#label", text(value.value)
                    )
                out.add(dataset, target, licence)
            else:
                out.add(dataset, target, url_node(value))
    for value in idx.values(node, SDO.citation):
        if isinstance(value, ox.Literal):
            out.add(dataset, SDO.citation, text(value.value))
            continue
        work = value if isinstance(value, ox.NamedNode) and is_url(value.value) else None
        found = [w for i in _identifiers(idx, value) if (w := url_node(ox.Literal(i)))]
        out.add(dataset, DCT.isReferencedBy, work or (found[0] if found else None))
    for value in idx.values(node, SDO.sameAs):
        out.add(dataset, "http://www.w3.org/2000/01/rdf-schema#seeAlso", url_node(value))
    free = idx.first(node, SDO.isAccessibleForFree)
    if isinstance(free, ox.Literal):
        public = free.value.strip().lower() in ("true", "1")
        access = ACCESS_RIGHTS["public" if public else "restricted"]
        out.add(dataset, DCT.accessRights, ox.NamedNode(access))
    for catalog in idx.values(node, SDO.includedInDataCatalog):
        out.add(dataset, SDO.includedInDataCatalog, catalog)
        if not isinstance(catalog, ox.Literal):
            add_texts(out, idx, catalog, SDO.name, catalog, SDO.name, None)
            out.add(catalog, SDO.url, url_node(idx.first(catalog, SDO.url)))


def _pictures(out: Triples, idx: Index, node, dataset) -> None:
    """``thumbnailUrl``, ``thumbnail`` and ``image`` (a URL, or an ImageObject's ``contentUrl``,
    else its ``url``, else its IRI) are ``foaf:depiction``."""
    for prop in ("thumbnailUrl", "thumbnail", "image"):
        for value in idx.values(node, SDO + prop):
            inner = [] if isinstance(value, ox.Literal) else [idx.first(value, SDO.contentUrl)]
            if not isinstance(value, ox.Literal):
                inner.append(idx.first(value, SDO.url))
            found = next((u for u in map(url_node, [*inner, value]) if u), None)
            out.add(dataset, FOAF.depiction, found)


def _unwrap_role(idx: Index, value, prop: str) -> list:
    """The agents of a schema.org ``Role`` (``{"@type": "Role", "author": {...}, "roleName":
    "Lead Author"}``), or the value itself."""
    if isinstance(value, ox.Literal) or not idx.has_type(value, SDO.Role):
        return [value]
    return idx.values(value, SDO + prop)


def _grant(out: Triples, idx: Index, dataset, node) -> None:
    """A ``funding`` Grant: ``schema:funding`` a ``schema:Grant`` with its name, identifier and
    page, and its funder (also ``schema:funder`` of the dataset)."""
    if isinstance(node, ox.Literal):
        grant = ox.BlankNode()
        out.add(grant, A, ox.NamedNode(SDO.Grant))
        out.add(grant, SDO.name, text(node.value))
        out.add(dataset, SDO.funding, grant)
        return
    grant = node if isinstance(node, ox.NamedNode) and is_url(node.value) else ox.BlankNode()
    out.add(grant, A, ox.NamedNode(SDO.Grant))
    for prop in ("name", "identifier"):
        for value in strings(idx, node, SDO + prop):
            out.add(grant, SDO + prop, text(value.value))
    out.add(grant, SDO.url, url_node(idx.first(node, SDO.url)))
    for funder in idx.values(node, SDO.funder):
        agent = add_agent(out, idx, funder)
        out.add(grant, SDO.funder, agent)
        out.add(dataset, SDO.funder, agent)
    out.add(dataset, SDO.funding, grant)


def add_dataset(out: Triples, idx: Index, node, base_iri: str) -> None:
    dataset = _dataset_iri(idx, node, base_iri)
    stated = language_of(idx, node)
    texts = [v.value for p in ("name", "description") for v in strings(idx, node, SDO + p)]
    lang = stated or guess_language(*texts)
    out.add(dataset, A, ox.NamedNode(DCAT.Dataset))
    add_texts(out, idx, node, SDO.name, dataset, DCT["title"], lang)
    add_texts(out, idx, node, SDO.description, dataset, DCT.description, lang)
    if stated:
        out.add(dataset, DCT.language, language_iri_of(stated))
    for identifier in _identifiers(idx, node):
        out.add(dataset, DCT.identifier, text(identifier))
    for version in strings(idx, node, SDO.version):
        out.add(dataset, DCAT3.version, text(version.value))
    for prop, target in (("datePublished", "issued"), ("dateModified", "modified")):
        dates = [d for v in strings(idx, node, SDO + prop) if (d := date_literal(v.value))]
        if dates:  # one release (the first) and one modification date (the last)
            out.add(dataset, DCT + target, dates[0] if target == "issued" else dates[-1])
    _keywords(out, idx, node, dataset, lang)
    for role, prop in (*_ROLES.items(), ("provider", GEODCAT.distributor)):
        for agent in idx.values(node, SDO + role):
            for inner in _unwrap_role(idx, agent, role):
                out.add(dataset, prop, add_agent(out, idx, inner))
    for grant in idx.values(node, SDO.funding):
        _grant(out, idx, dataset, grant)
    for geometry in idx.values(node, GSP.hasGeometry):
        add_geometry(out, idx, dataset, geometry)
    for contact in idx.values(node, SDO.contactPoint):
        out.add(dataset, DCAT.contactPoint, add_contact(out, idx, contact))
    for place in idx.values(node, SDO.spatialCoverage):
        add_spatial(out, idx, dataset, place)
    for period in idx.values(node, SDO.temporalCoverage):
        add_temporal(out, dataset, period)
    for dist in idx.values(node, SDO.distribution):
        _distribution(out, idx, dataset, dist, lang)
    _links(out, idx, node, dataset, lang)
    _pictures(out, idx, node, dataset)


def add_catalog(out: Triples, idx: Index, node, kept: set, base_iri: str) -> None:
    """A DataCatalog listing datasets of the document (``dataset``) → a ``dcat:Catalog`` record
    with ``dcat:dataset`` links to them; a catalogue only named by its datasets
    (``includedInDataCatalog``) stays a ``schema:includedInDataCatalog`` value."""
    members = [d for d in idx.values(node, SDO.dataset) if d in kept]
    names = strings(idx, node, SDO.name)
    if not members or not names:
        return
    lang = language_of(idx, node) or guess_language(*(n.value for n in names))
    iri = node if isinstance(node, ox.NamedNode) and is_url(node.value) else None
    catalog = iri or ox.NamedNode(resource_iri("catalog", names[0].value, base_iri))
    out.add(catalog, A, ox.NamedNode(DCAT.Catalog))
    add_texts(out, idx, node, SDO.name, catalog, DCT["title"], lang)
    add_texts(out, idx, node, SDO.description, catalog, DCT.description, lang)
    out.add(catalog, FOAF.homepage, url_node(idx.first(node, SDO.url)))
    for publisher in idx.values(node, SDO.publisher):
        out.add(catalog, DCT.publisher, add_agent(out, idx, publisher))
    for member in members:
        out.add(catalog, DCAT.dataset, _dataset_iri(idx, member, base_iri))


def has_key(idx: Index, node) -> bool:
    return (isinstance(node, ox.NamedNode) and is_url(node.value)) or bool(
        _identifiers(idx, node) or idx.values(node, SDO.url)
    )
