"""The statements of a STAC dataset (a Collection, or an Item of its own): extent, providers,
licence, assets as distributions, the scientific extension, keywords."""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import ADMS, DCAT, DCT, FOAF, GAIA, PROV, RDFS, SDO, SKOS, XSD
from .. import build
from ..build import (
    LANGUAGES,
    WKT,
    A,
    Triples,
    bbox_wkt,
    date_literal,
    licence_iri,
    text,
)
from ..datacite_terms import doi_iri, normalise_doi
from .values import (
    IANA,
    INSPIRE_ROLE,
    MEDIA_TYPE,
    NOT_SPDX,
    ROLES,
    THUMBNAILS,
    Doc,
    absolute_url,
    as_list,
    as_node,
    as_str,
    box_numbers,
    decimal_literal,
    record_language,
)

__all__ = ["dataset_statements", "instant"]


def add_spatial(out: Triples, subject, boxes: list) -> None:
    first = True
    for raw in boxes:
        box = box_numbers(raw)
        if box is None:
            continue
        if len(box) == 6:
            west, south, low, east, north, high = box
            if first:
                out.add(subject, GAIA.minimumAltitude, decimal_literal(min(low, high)))
                out.add(subject, GAIA.maximumAltitude, decimal_literal(max(low, high)))
        else:
            west, south, east, north = box
        location = ox.BlankNode()
        out.add(subject, DCT.spatial, location)
        out.add(location, A, ox.NamedNode(DCT.Location))
        out.add(location, DCAT.bbox, ox.Literal(bbox_wkt(west, south, east, north), datatype=WKT))
        first = False


def instant(value, *, end: bool = False) -> ox.Literal | None:
    """A date literal of an RFC 3339 instant (which may separate date and time by a space)."""
    if not isinstance(value, str):
        return None
    return date_literal(re.sub(r"^(\d{4}-\d{2}-\d{2}) (\d)", r"\1T\2", value.strip()), end=end)


def add_period(out: Triples, subject, start, end) -> None:
    """The ``dct:temporal`` period of STAC's ``start`` and ``end`` instants."""
    build.add_period(out, subject, instant(start), instant(end, end=True))


def _providers(out: Triples, subject, providers) -> None:
    for provider in as_list(providers):
        name = as_str(provider.get("name")) if isinstance(provider, dict) else ""
        if not name:
            continue
        agent = ox.BlankNode()
        out.add(agent, A, ox.NamedNode(FOAF.Organization))
        out.add(agent, FOAF.name, text(name))
        out.add(agent, FOAF.homepage, as_node(absolute_url(provider.get("url"), None)))
        roles = [as_str(r).lower() for r in as_list(provider.get("roles"))]
        for role in dict.fromkeys(r for r in roles if r in ROLES):
            code, prop = ROLES[role]
            if prop is not None:
                out.add(subject, prop, agent)
            attribution = ox.BlankNode()
            out.add(subject, PROV.qualifiedAttribution, attribution)
            out.add(attribution, A, ox.NamedNode(PROV.Attribution))
            out.add(attribution, PROV.agent, agent)
            out.add(attribution, DCAT.hadRole, ox.NamedNode(INSPIRE_ROLE + code))
        if not any(r in ROLES for r in roles):
            out.add(subject, DCT.contributor, agent)


def add_licence(out: Triples, subject, obj: dict, doc: Doc) -> None:
    word = as_str(obj.get("license"))
    links = doc.hrefs("license")
    if word and word.lower() not in NOT_SPDX:
        out.add(subject, DCT.license, licence_iri(word))
        return
    if links:
        for href in links:
            out.add(subject, DCT.license, licence_iri(href) or as_node(href))
    elif word:
        statement = ox.BlankNode()
        out.add(subject, DCT.rights, statement)
        out.add(statement, A, ox.NamedNode(DCT.RightsStatement))
        out.add(statement, RDFS.label, ox.Literal(word))


def _media(out: Triples, dist, kind) -> None:
    kind = as_str(kind)
    if not kind:
        return
    base = kind.split(";")[0].strip()
    if MEDIA_TYPE.match(base):
        out.add(dist, DCAT.mediaType, ox.NamedNode(IANA + base))
    if base != kind or not MEDIA_TYPE.match(base):
        out.add(dist, DCT.format, ox.Literal(kind))


def _distribution(out: Triples, subject, asset: dict, url: str, lang, *, download: bool) -> None:
    dist = ox.BlankNode()
    out.add(subject, DCAT.distribution, dist)
    out.add(dist, A, ox.NamedNode(DCAT.Distribution))
    out.add(dist, DCAT.accessURL, ox.NamedNode(url))
    if download:
        out.add(dist, DCAT.downloadURL, ox.NamedNode(url))
    _media(out, dist, asset.get("type"))
    if as_str(asset.get("title")):
        out.add(dist, DCT.title, text(asset["title"], lang))
    if as_str(asset.get("description")):
        out.add(dist, DCT.description, text(asset["description"], lang))
    for role in dict.fromkeys(as_str(r) for r in as_list(asset.get("roles"))):
        out.add(dist, DCT.type, ox.Literal(role) if role else None)
    size = asset.get("file:size")
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        out.add(dist, DCAT.byteSize, ox.Literal(str(size), datatype=ox.NamedNode(XSD.integer)))


def _is_thumbnail(asset: dict) -> bool:
    return any(as_str(r).lower() in THUMBNAILS for r in as_list(asset.get("roles")))


def _assets(out: Triples, subject, obj: dict, doc: Doc, lang) -> None:
    assets = obj.get("assets")
    for asset in assets.values() if isinstance(assets, dict) else []:
        if not isinstance(asset, dict):
            continue
        url = absolute_url(asset.get("href"), doc.self)
        node = as_node(url)
        if node is None:
            continue
        if _is_thumbnail(asset):
            out.add(subject, FOAF.depiction, node)
        else:
            _distribution(out, subject, asset, url, lang, download=True)
    for href in doc.hrefs(*THUMBNAILS):
        out.add(subject, FOAF.depiction, as_node(href))
    items = next((h for h in doc.hrefs("items") if h.startswith("http")), None)
    item_assets = obj.get("item_assets")
    if items is None or not isinstance(item_assets, dict):
        return
    for asset in item_assets.values():
        roles = (
            {as_str(r).lower() for r in as_list(asset.get("roles"))}
            if isinstance(asset, dict)
            else {"-"}
        )
        if not roles or "data" in roles:
            _distribution(out, subject, asset, items, lang, download=False)


def _doi(out: Triples, subject, value: str) -> bool:
    doi = normalise_doi(value)
    iri = doi_iri(value) if doi else None
    if not iri:
        return False
    out.add(subject, DCT.identifier, ox.Literal(doi))
    out.add(subject, SDO.identifier, ox.NamedNode(iri))
    return True


def _science(out: Triples, subject, obj: dict, doc: Doc, lang) -> None:
    if isinstance(obj.get("sci:doi"), str):
        _doi(out, subject, obj["sci:doi"])
    if as_str(obj.get("sci:citation")):
        out.add(subject, DCT.bibliographicCitation, text(obj["sci:citation"]))
    for publication in as_list(obj.get("sci:publications")):
        if not isinstance(publication, dict):
            continue
        iri = doi_iri(as_str(publication.get("doi"))) if as_str(publication.get("doi")) else None
        if iri:
            out.add(subject, DCT.isReferencedBy, ox.NamedNode(iri))
        elif as_str(publication.get("citation")):
            out.add(subject, SDO.citation, text(publication["citation"]))
    for href in doc.hrefs("cite-as"):
        if not (normalise_doi(href) and _doi(out, subject, href)):
            out.add(subject, DCT.identifier, ox.Literal(href, datatype=ox.NamedNode(XSD.anyURI)))
    for href in doc.hrefs("about"):
        out.add(subject, DCAT.landingPage, as_node(href))
    for href in doc.hrefs("describedby", "help"):
        out.add(subject, FOAF.page, as_node(href))


def _keywords(out: Triples, subject, values, lang) -> None:
    for value in as_list(values):
        if isinstance(value, str) and value.strip():
            out.add(subject, DCAT.keyword, text(value, lang))


def dataset_statements(out: Triples, subject, obj: dict, props: dict, doc: Doc) -> None:
    """The dataset statements of a collection (``props`` = itself) or a lone item (its
    properties)."""
    ident = as_str(obj.get("id"))
    title = as_str(props.get("title")) or ident
    description = as_str(props.get("description"))
    lang = record_language(props, title, description)
    out.add(subject, A, ox.NamedNode(DCAT.Dataset))
    out.add(subject, DCT.title, text(title, lang))
    if description:
        out.add(subject, DCT.description, text(description, lang))
    if lang:
        out.add(subject, DCT.language, ox.NamedNode(LANGUAGES[lang]))
    out.add(subject, DCT.identifier, ox.Literal(ident))
    identifier = ox.BlankNode()
    out.add(subject, ADMS.identifier, identifier)
    out.add(identifier, A, ox.NamedNode(ADMS.Identifier))
    out.add(identifier, SKOS.notation, ox.Literal(ident))
    _keywords(out, subject, props.get("keywords"), lang)
    summaries = props.get("summaries") if isinstance(props.get("summaries"), dict) else props
    for key in ("constellation", "platform", "instruments"):
        # one name per string; "terra,aqua" (a combined product) is read as two
        names = [n for v in as_list(summaries.get(key)) if isinstance(v, str) for n in v.split(",")]
        _keywords(out, subject, names, None)
    _providers(out, subject, props.get("providers"))
    add_licence(out, subject, props if "license" in props else obj, doc)
    _science(out, subject, props, doc, lang)
    _assets(out, subject, obj, doc, lang)
