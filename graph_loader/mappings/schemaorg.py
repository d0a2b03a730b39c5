"""schema.org Dataset JSON-LD (science-on-schema.org) → DCAT-AP 3 / GeoDCAT-AP.

The record is read as JSON-LD with a shipped schema.org context (no network), then every
``schema:Dataset`` in it becomes a ``dcat:Dataset``. Decisions:

- the dataset keeps its ``@id`` when it is an http(s) IRI (GeoDCAT-AP keeps publisher IRIs);
  otherwise its IRI is minted from its first identifier, url or name;
- agents keep their ``@id`` when it is an http(s) IRI (ORCID, ROR), else are blank nodes;
- the original schema.org triples are not kept: the graph holds one vocabulary (DCAT-AP), and
  the schema.org view of issue 8 is generated from it. Text citations, the data catalogue and
  measured variables with a property IRI stay in schema.org terms (``schema:citation``,
  ``schema:includedInDataCatalog``, ``schema:variableMeasured``) since DCAT has no place for them;
- titles and descriptions are language-tagged with the record's language (``inLanguage`` or a
  tagged value); when it states none, with :func:`~.build.guess_language` of the title and
  description (fr or en, only when clear; else untagged, which the shapes reject);
- names of DefinedTerms (controlled vocabularies) keep only their own language tag;
- a distribution without any URL is left out;
- a DataCatalog listing datasets of the document (``dataset``) is a ``dcat:Catalog`` record
  linking them with ``dcat:dataset``.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Namespace

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import DCAT, DCT, FOAF, GSP, SDO, SKOS, VCARD
from .build import (
    ACCESS_RIGHTS,
    LANGUAGES,
    WKT,
    A,
    Triples,
    bbox_wkt,
    date_literal,
    guess_language,
    is_url,
    licence_iri,
    text,
)
from .datacite_terms import language_iri
from .jsonld import Index, context_names, https, load_json, parse_jsonld
from .oai_dc_values import language_code

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
DCAT3 = Namespace(str(DCAT))

__all__ = ["sniff", "convert", "add_agent", "language_of", "strings"]

_TYPES = {"Dataset", "DataCatalog", "DataDownload"}
_GEODCAT_DISTRIBUTOR = "http://data.europa.eu/930/distributor"
_ROLES = {
    "creator": DCT.creator,
    "author": DCT.creator,
    "publisher": DCT.publisher,
    "contributor": DCT.contributor,
    "funder": SDO.funder,
}


def _is_schemaorg(name: str) -> bool:
    return name.rstrip("/").split("://")[-1] in ("schema.org", "www.schema.org")


def _types(node: object) -> set[str]:
    if not isinstance(node, dict):
        return set()
    found = node.get("@type", node.get("type", []))
    values = found if isinstance(found, list) else [found]
    return {str(v).rsplit("/", 1)[-1].removeprefix("schema:") for v in values}


def sniff(data: bytes) -> bool:
    """A JSON-LD object (or @graph, or list) in the schema.org context typed Dataset, or a
    Turtle / RDF/XML / N-Triples document with a schema.org Dataset."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"["):
        return _sniff_rdf(data)
    if b"schema.org" not in data[:4096]:
        return False
    try:
        document = load_json(data)
    except InputError:
        return False
    if any(_is_schemaorg(n) for n in context_names(document)):
        tops = document if isinstance(document, list) else [document]
        nodes = [n for top in tops if isinstance(top, dict) for n in [top, *top.get("@graph", [])]]
        if any(_types(n) & _TYPES for n in nodes):
            return True
    # schema.org reached another way (a prefix of the context, "schema:Dataset", full IRIs):
    # what the JSON-LD says once expanded decides
    return b"Dataset" in data and _names_sdo_dataset(document)


def _names_sdo_dataset(document) -> bool:
    try:
        triples = parse_jsonld(document)
    except InputError:
        return False
    types = {t.object.value for t in triples if t.predicate.value == _RDF_TYPE}
    return str(SDO.Dataset) in types and str(DCAT.Dataset) not in types  # DCAT is read as it is


_SDO_PREFIX = re.compile(
    rb"(?:@prefix|PREFIX)\s+([\w-]*):\s*<https?://(?:www\.)?schema\.org/?>"
    rb"|xmlns:([\w-]+)=[\"']https?://(?:www\.)?schema\.org/?[\"']",
    re.IGNORECASE,
)


def _mentions_dataset(data: bytes) -> bool:
    """Whether an RDF document names schema.org's Dataset class (full IRI or prefixed name)."""
    head = data[:1_000_000]
    if re.search(rb"https?://(www\.)?schema\.org/Dataset\b", head):
        return True
    prefixes = {m.group(1) or m.group(2) for m in _SDO_PREFIX.finditer(head[:65536])}
    return any(re.search(rb"(?<![\w-])" + re.escape(p) + rb":Dataset\b", head) for p in prefixes)


def _syntax(data: bytes) -> ox.RdfFormat | None:
    """The RDF syntax of a document that is not JSON: RDF/XML, N-Triples or Turtle."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF") or b"<rdf:RDF" in head:
        return ox.RdfFormat.RDF_XML
    if head.startswith(b"<") and not re.match(rb"<[a-z]+:", head):
        return ox.RdfFormat.N_TRIPLES if b"@prefix" not in head else ox.RdfFormat.TURTLE
    if re.search(rb"(?im)^\s*(@prefix|prefix|@base|base)\b", head) or head.startswith(b"#"):
        return ox.RdfFormat.TURTLE
    return None


def _sniff_rdf(data: bytes) -> bool:
    if b"schema.org" not in data[:65536] or not _mentions_dataset(data):
        return False
    fmt = _syntax(data)
    if fmt is None or (fmt == ox.RdfFormat.RDF_XML and b"<!DOCTYPE" in data[:65536]):
        return False
    try:
        triples = _rdf_triples(data, fmt)
    except InputError:
        return False
    types = {t.object.value for t in triples if t.predicate.value == _RDF_TYPE}
    return str(SDO.Dataset) in types and str(DCAT.Dataset) not in types  # DCAT is read as it is


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _rdf_triples(data: bytes, fmt: ox.RdfFormat) -> list[ox.Triple]:
    """The triples of an RDF document, schema.org terms in https."""
    try:
        quads = list(ox.parse(data, fmt))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"invalid {fmt.name}: {exc}") from exc
    return [ox.Triple(https(q.subject), https(q.predicate), https(q.object)) for q in quads]


def _triples(data: bytes) -> list[ox.Triple]:
    """The triples of a schema.org record: JSON-LD, or another RDF syntax."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"[") or not head:
        return parse_jsonld(load_json(data))
    fmt = _syntax(data)
    if fmt is None:
        raise InputError("neither JSON-LD nor Turtle, RDF/XML or N-Triples")
    return _rdf_triples(data, fmt)


def strings(idx: Index, node, prop: str) -> list[ox.Literal]:
    """The literal values of ``node prop`` (names of nodes given as values are taken too)."""
    out = []
    for value in idx.values(node, prop):
        if isinstance(value, ox.Literal):
            out.append(value)
        elif isinstance(value, ox.NamedNode) and str(prop) == str(SDO.url):
            out.append(ox.Literal(value.value))
    return out


def language_of(idx: Index, node) -> str | None:
    """The ISO 639-1 code of ``inLanguage`` (``en``, ``en-US``, ``eng``, ``English`` or a
    Language node) if the record gives one."""
    for value in idx.values(node, SDO.inLanguage):
        code = value.value if isinstance(value, ox.Literal) else None
        if code is None:
            name = idx.first(value, SDO.alternateName) or idx.first(value, SDO.name)
            code = name.value if isinstance(name, ox.Literal) else ""
        found = language_code(code)
        if found:
            return found
    return None


def _language_iri(code: str) -> ox.NamedNode | None:
    found = LANGUAGES.get(code) or language_iri(code)
    return ox.NamedNode(found) if found else None


def _texts(out: Triples, idx: Index, node, prop: str, target, pred: str, lang) -> None:
    for value in strings(idx, node, prop):
        out.add(target, pred, value if value.language else text(value.value, lang))


def _url(value) -> ox.NamedNode | None:
    raw = value.value if isinstance(value, ox.Literal | ox.NamedNode) else ""
    return ox.NamedNode(raw.strip()) if raw and is_url(raw) else None


def add_agent(out: Triples, idx: Index, node) -> ox.NamedNode | ox.BlankNode | None:
    """A foaf agent for a schema.org Person/Organization (or a bare name); None if nameless."""
    if isinstance(node, ox.Literal):
        agent = ox.BlankNode()
        out.add(agent, A, ox.NamedNode(FOAF.Agent))
        out.add(agent, FOAF.name, text(node.value))
        return agent
    types = idx.types(node)
    name = idx.first(node, SDO.name) or idx.first(node, SDO.legalName)
    if name is None:  # every given name (a list in some records), then the family names
        parts = [v for p in ("givenName", "familyName") for v in idx.values(node, SDO + p)]
        parts = list(dict.fromkeys(parts))  # a person described twice (author, maintainer)
        joined = " ".join(p.value.strip() for p in parts if isinstance(p, ox.Literal))
        name = ox.Literal(joined) if joined else None
    if not isinstance(name, ox.Literal):
        return None
    agent = node if isinstance(node, ox.NamedNode) and is_url(node.value) else ox.BlankNode()
    person = str(SDO.Person) in types
    out.add(agent, A, ox.NamedNode(FOAF + ("Person" if person else "Organization")))
    out.add(agent, A, ox.NamedNode(FOAF.Agent))
    out.add(agent, FOAF.name, name)
    for page in idx.values(node, SDO.url):
        out.add(agent, FOAF.homepage, _url(page))
    for mail in strings(idx, node, SDO.email):
        address = mail.value.strip().removeprefix("mailto:")
        if re.match(r"^[^@\s]+@[^@\s]+$", address):
            out.add(agent, FOAF.mbox, ox.NamedNode("mailto:" + address))
    return agent


def _contact(out: Triples, idx: Index, node) -> ox.BlankNode | None:
    name = idx.first(node, SDO.name) or idx.first(node, SDO.contactType)
    mail = idx.first(node, SDO.email)
    if not isinstance(name, ox.Literal) and not isinstance(mail, ox.Literal):
        return None
    contact = ox.BlankNode()
    out.add(contact, A, ox.NamedNode(VCARD.Kind))
    out.add(contact, VCARD.fn, text(name.value) if isinstance(name, ox.Literal) else None)
    if isinstance(mail, ox.Literal) and "@" in mail.value:
        out.add(contact, VCARD.hasEmail, ox.NamedNode("mailto:" + mail.value.strip()))
    out.add(contact, VCARD.hasURL, _url(idx.first(node, SDO.url)))
    return contact


def _pairs(numbers: list[float]) -> tuple[list[float], list[float]] | None:
    """(longitudes, latitudes) of a schema.org ``box``/``polygon``/``line``: pairs are
    "lat lon" by the specification, but many records (OBIS, ODIS) write "lon lat": when the
    first numbers cannot be latitudes and the second can, the pairs are read as lon lat."""
    if len(numbers) < 4 or len(numbers) % 2:
        return None
    firsts, seconds = numbers[0::2], numbers[1::2]
    if any(abs(v) > 90 for v in firsts) and all(abs(v) <= 90 for v in seconds):
        return firsts, seconds
    return seconds, firsts


def _numbers(text: str) -> list[float]:
    """The numbers of a ``box``/``polygon`` text: separated by spaces or commas, or, when every
    space-separated number has a decimal comma ("10,0438 -61,9299"), by spaces only."""
    tokens = text.split()
    if tokens and all(re.fullmatch(r"-?\d+,\d+|-?\d+", t) for t in tokens) and "," in text:
        return [float(t.replace(",", ".")) for t in tokens]
    return [float(n) for n in re.split(r"[\s,]+", text.strip()) if n]


def _box(idx: Index, geo) -> str | None:
    box = idx.first(geo, SDO.box)
    if isinstance(box, ox.Literal):
        try:
            numbers = _numbers(box.value)
        except ValueError:
            return None
        pairs = _pairs(numbers) if len(numbers) == 4 else None
        if pairs is None:
            return None
        (west, east), (south, north) = pairs
        return bbox_wkt(west, south, east, north)
    shape = idx.first(geo, SDO.polygon) or idx.first(geo, SDO.line)
    if isinstance(shape, ox.Literal):  # "lat,lon lat,lon ..." or "lat lon lat lon ...": envelope
        try:
            numbers = _numbers(shape.value)
        except ValueError:
            return None
        pairs = _pairs(numbers)
        if pairs is None:
            return None
        lons, lats = pairs
        return bbox_wkt(min(lons), min(lats), max(lons), max(lats))
    lat, lon = idx.first(geo, SDO.latitude), idx.first(geo, SDO.longitude)
    try:
        y, x = float(lat.value), float(lon.value)
    except (AttributeError, ValueError):
        return None
    return bbox_wkt(x, y, x, y)


def _envelope(boxes: list[str]) -> str:
    """The WKT box around several WKT boxes (a cruise's profiles, a set of stations)."""
    numbers = [[float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", b)] for b in boxes]
    xs = [n for ns in numbers for n in ns[0::2]]
    ys = [n for ns in numbers for n in ns[1::2]]
    return bbox_wkt(min(xs), min(ys), max(xs), max(ys))


def _spatial(out: Triples, idx: Index, dataset, place) -> None:
    location = ox.BlankNode()
    boxes = [b for geo in idx.values(place, SDO.geo) if (b := _box(idx, geo))]
    if len(boxes) > 1:  # several points or shapes of one place: the box around them all
        boxes = [_envelope(boxes)]
    if not boxes and not isinstance(place, ox.Literal):  # a Place with its own coordinates
        boxes = [b for b in [_box(idx, place)] if b]
    names = strings(idx, place, SDO.name) if not isinstance(place, ox.Literal) else [place]
    if not boxes and not names:
        return
    out.add(dataset, DCT.spatial, location)
    out.add(location, A, ox.NamedNode(DCT.Location))
    for wkt in boxes[:1]:
        out.add(location, DCAT.bbox, ox.Literal(wkt, datatype=WKT))
    for name in names:
        out.add(location, "http://www.w3.org/ns/locn#geographicName", text(name.value))


def _temporal(out: Triples, dataset, value) -> None:
    raw = value.value.strip() if isinstance(value, ox.Literal) else ""
    start_text, _, end_text = raw.partition("/") if "/" in raw else (raw, "", raw)
    start = date_literal(start_text) if start_text not in ("", "..") else None
    end = date_literal(end_text, end=True) if end_text not in ("", "..") else None
    if start is None and end is None:
        return
    period = ox.BlankNode()
    out.add(dataset, DCT.temporal, period)
    out.add(period, A, ox.NamedNode(DCT.PeriodOfTime))
    out.add(period, DCAT.startDate, start)
    out.add(period, DCAT.endDate, end)


def _distribution(out: Triples, idx: Index, dataset, node, lang) -> None:
    download = _url(idx.first(node, SDO.contentUrl))
    access = _url(idx.first(node, SDO.url)) or download
    if access is None:
        return
    dist = ox.BlankNode()
    out.add(dataset, DCAT.distribution, dist)
    out.add(dist, A, ox.NamedNode(DCAT.Distribution))
    out.add(dist, DCAT.accessURL, access)
    out.add(dist, DCAT.downloadURL, download)
    _texts(out, idx, node, SDO.name, dist, DCT["title"], lang)
    _texts(out, idx, node, SDO.description, dist, DCT.description, lang)
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
        subject = subject or _url(idx.first(value, SDO.url)) or ox.BlankNode()
        out.add(dataset, DCT.subject, subject)
        out.add(subject, SKOS.prefLabel, text(name.value, name.language))
        for termset in idx.values(value, SDO.inDefinedTermSet):
            scheme = _url(termset) or ox.BlankNode()
            out.add(subject, SKOS.inScheme, scheme)
            if isinstance(termset, ox.Literal) and _url(termset) is None:
                out.add(scheme, DCT["title"], text(termset.value))
    for variable in idx.values(node, SDO.variableMeasured):
        name = variable if isinstance(variable, ox.Literal) else idx.first(variable, SDO.name)
        if isinstance(name, ox.Literal):
            out.add(dataset, DCAT.keyword, text(name.value, name.language or lang))
        if not isinstance(variable, ox.Literal):
            for prop in idx.values(variable, SDO.propertyID):
                out.add(dataset, SDO.variableMeasured, _url(prop))


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
                out.add(dataset, target, _url(value))
    for value in idx.values(node, SDO.citation):
        if isinstance(value, ox.Literal):
            out.add(dataset, SDO.citation, text(value.value))
            continue
        work = value if isinstance(value, ox.NamedNode) and is_url(value.value) else None
        found = [w for i in _identifiers(idx, value) if (w := _url(ox.Literal(i)))]
        out.add(dataset, DCT.isReferencedBy, work or (found[0] if found else None))
    for value in idx.values(node, SDO.sameAs):
        out.add(dataset, "http://www.w3.org/2000/01/rdf-schema#seeAlso", _url(value))
    free = idx.first(node, SDO.isAccessibleForFree)
    if isinstance(free, ox.Literal):
        public = free.value.strip().lower() in ("true", "1")
        access = ACCESS_RIGHTS["public" if public else "restricted"]
        out.add(dataset, DCT.accessRights, ox.NamedNode(access))
    for catalog in idx.values(node, SDO.includedInDataCatalog):
        out.add(dataset, SDO.includedInDataCatalog, catalog)
        if not isinstance(catalog, ox.Literal):
            _texts(out, idx, catalog, SDO.name, catalog, SDO.name, None)
            out.add(catalog, SDO.url, _url(idx.first(catalog, SDO.url)))


_GEOSPARQL = "http://www.opengis.net/ont/geosparql#"
_LOCN_GEOMETRY = "http://www.w3.org/ns/locn#geometry"


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
    out.add(grant, SDO.url, _url(idx.first(node, SDO.url)))
    for funder in idx.values(node, SDO.funder):
        agent = add_agent(out, idx, funder)
        out.add(grant, SDO.funder, agent)
        out.add(dataset, SDO.funder, agent)
    out.add(dataset, SDO.funding, grant)


def _geometry(out: Triples, idx: Index, dataset, node) -> None:
    """A GeoSPARQL geometry of the dataset (ODIS: ``geosparql:hasGeometry`` / ``asWKT``): a
    ``dct:Location`` with the geometry and the box around it."""
    for wkt in idx.values(node, GSP.asWKT):
        if not isinstance(wkt, ox.Literal):
            continue
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:[eE]-?\d+)?", wkt.value)]
        crs = re.match(r"^\s*<([^>]+)>", wkt.value)
        if len(numbers) < 2 or len(numbers) % 2 or (crs and "CRS84" not in crs.group(1)):
            continue
        xs, ys = numbers[0::2], numbers[1::2]
        location = ox.BlankNode()
        out.add(location, A, ox.NamedNode(DCT.Location))
        out.add(location, _LOCN_GEOMETRY, ox.Literal(wkt.value.strip(), datatype=WKT))
        out.add(location, DCAT.bbox, ox.Literal(bbox_wkt(min(xs), min(ys), max(xs),
                                                              max(ys)), datatype=WKT))  # fmt: skip
        out.add(dataset, DCT.spatial, location)


def _dataset(out: Triples, idx: Index, node, base_iri: str) -> None:
    dataset = _dataset_iri(idx, node, base_iri)
    stated = language_of(idx, node)
    texts = [v.value for p in ("name", "description") for v in strings(idx, node, SDO + p)]
    lang = stated or guess_language(*texts)
    out.add(dataset, A, ox.NamedNode(DCAT.Dataset))
    _texts(out, idx, node, SDO.name, dataset, DCT["title"], lang)
    _texts(out, idx, node, SDO.description, dataset, DCT.description, lang)
    if stated:
        out.add(dataset, DCT.language, _language_iri(stated))
    for identifier in _identifiers(idx, node):
        out.add(dataset, DCT.identifier, text(identifier))
    for version in strings(idx, node, SDO.version):
        out.add(dataset, DCAT3.version, text(version.value))
    for prop, target in (("datePublished", "issued"), ("dateModified", "modified")):
        dates = [d for v in strings(idx, node, SDO + prop) if (d := date_literal(v.value))]
        if dates:  # one release (the first) and one modification date (the last)
            out.add(dataset, DCT + target, dates[0] if target == "issued" else dates[-1])
    _keywords(out, idx, node, dataset, lang)
    for role, prop in (*_ROLES.items(), ("provider", _GEODCAT_DISTRIBUTOR)):
        for agent in idx.values(node, SDO + role):
            for inner in _unwrap_role(idx, agent, role):
                out.add(dataset, prop, add_agent(out, idx, inner))
    for grant in idx.values(node, SDO.funding):
        _grant(out, idx, dataset, grant)
    for geometry in idx.values(node, GSP.hasGeometry):
        _geometry(out, idx, dataset, geometry)
    for contact in idx.values(node, SDO.contactPoint):
        out.add(dataset, DCAT.contactPoint, _contact(out, idx, contact))
    for place in idx.values(node, SDO.spatialCoverage):
        _spatial(out, idx, dataset, place)
    for period in idx.values(node, SDO.temporalCoverage):
        _temporal(out, dataset, period)
    for dist in idx.values(node, SDO.distribution):
        _distribution(out, idx, dataset, dist, lang)
    _links(out, idx, node, dataset, lang)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of the schema.org Datasets of a JSON-LD record (or of a Turtle,
    RDF/XML or N-Triples document in schema.org terms)."""
    json_ld = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
    idx = Index(_triples(data))
    datasets = idx.subjects(SDO.Dataset)
    if not datasets:
        raise InputError(f"no schema.org Dataset in this {'JSON-LD ' if json_ld else ''}record")
    named = [node for node in datasets if strings(idx, node, SDO.name)]
    if not named:
        raise InputError("schema.org Dataset with no name (schema:name): not a record")
    roots = set(idx.roots(SDO.Dataset))
    out = Triples()
    for node in datasets:
        # a nameless Dataset inside another node (the result of an action, a part) is a value,
        # not a record; a nameless one at the top with an identifier is kept (its record is
        # refused for its missing title, by name)
        if node in named or (node in roots and _has_key(idx, node)):
            _dataset(out, idx, node, base_iri)
    kept = {node for node in datasets if node in named or (node in roots and _has_key(idx, node))}
    for catalog in idx.subjects(SDO.DataCatalog):
        _catalog(out, idx, catalog, kept, base_iri)
    return list(dict.fromkeys(out))


def _catalog(out: Triples, idx: Index, node, kept: set, base_iri: str) -> None:
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
    _texts(out, idx, node, SDO.name, catalog, DCT["title"], lang)
    _texts(out, idx, node, SDO.description, catalog, DCT.description, lang)
    out.add(catalog, FOAF.homepage, _url(idx.first(node, SDO.url)))
    for publisher in idx.values(node, SDO.publisher):
        out.add(catalog, DCT.publisher, add_agent(out, idx, publisher))
    for member in members:
        out.add(catalog, DCAT.dataset, _dataset_iri(idx, member, base_iri))


def _has_key(idx: Index, node) -> bool:
    return (isinstance(node, ox.NamedNode) and is_url(node.value)) or bool(
        _identifiers(idx, node) or idx.values(node, SDO.url)
    )
