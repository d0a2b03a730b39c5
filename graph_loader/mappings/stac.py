"""STAC (SpatioTemporal Asset Catalog) JSON → DCAT-AP 3 / GeoDCAT-AP.

A STAC document is a Collection, an Item (GeoJSON ``Feature``), an ItemCollection
(``FeatureCollection``), a Catalog, or a STAC API ``/collections`` answer (each of its
collections). Decisions:

- **Collection → ``dcat:Dataset``**. Its IRI is its ``self`` link when that is an absolute
  http(s) URL, else minted under the base from its ``id`` (:func:`graph_loader.iri.resource_iri`,
  kind ``dataset``). The id is ``dct:identifier`` and an ``adms:identifier``; a missing title is
  the id (what STAC browsers show). Titles, descriptions (CommonMark kept as text) and keywords
  are tagged with the record's language: the ``language`` field when given, else
  :func:`~.build.guess_language` (fr or en, only when clear).
- ``extent.spatial.bbox``: every box is a ``dct:spatial`` location (the first one is the
  overall box); a 3D box gives the vertical extent of the first one as
  ``gaia:minimumAltitude``/``gaia:maximumAltitude`` (metres). ``extent.temporal.interval``:
  one ``dct:temporal`` period per interval, open ends left out.
- Providers are ``foaf:Organization``s (``foaf:name``, ``foaf:homepage``), each role a
  ``prov:qualifiedAttribution`` with the INSPIRE role: producer → originator (and
  ``dct:creator``), licensor → owner (and ``dct:rightsHolder``), processor → processor,
  host → distributor (and ``dct:publisher``).
- Licence: an SPDX id → ``http://spdx.org/licenses/<id>`` (:func:`~.build.licence_iri`);
  ``proprietary``, ``various``, ``other`` (and the non-SPDX words of :data:`NOT_SPDX`) → the
  href of the ``license`` links, else a ``dct:rights`` statement labelled with the word.
- Summaries (or an Item's properties) ``platform``, ``constellation`` and ``instruments`` are
  keywords (a comma-separated value is split); :mod:`graph_loader.enrich` links them at load
  time to the GCMD platforms and instruments vocabularies when those are loaded
  (``gaia:platform`` / ``gaia:instrument``).
- Assets with an http(s)/ftp href (relative hrefs resolved against the ``self`` link) are
  distributions (``dcat:accessURL`` and ``dcat:downloadURL``, ``dcat:mediaType`` from the
  ``type`` without its parameters, which are kept whole in ``dct:format``, ``dct:title``,
  ``dct:description``, roles as ``dct:type`` literals); assets on other schemes (``s3://``,
  ``abfs://``) or with a relative href and no absolute ``self`` are left out. ``item_assets``
  have no href: those with the role ``data`` (or no role) are distributions reached through the
  collection's ``items`` link when it has an absolute one, else left out.
- Thumbnails — assets with the role ``thumbnail``, ``overview`` or ``preview``, links with
  that rel — are ``foaf:depiction``.
- Scientific extension: ``sci:doi`` is the DOI (``dct:identifier`` bare, ``schema:identifier``
  ``https://doi.org/…``), as is a ``cite-as`` link to doi.org; ``sci:citation`` is
  ``dct:bibliographicCitation``; ``sci:publications`` are ``dct:isReferencedBy`` (their DOI) or
  ``schema:citation`` (text only).
- Links: ``about`` → ``dcat:landingPage``; ``describedby`` and ``help`` → ``foaf:page``.
- **Item with a collection** (its ``collection`` field or a ``collection`` link): a granule,
  not a record. It gives one statement, ``<collection> dct:hasPart <item>``, the collection's
  IRI computed like the collection's own (its absolute ``collection`` link, else minted from the
  collection id), so items in other files or other loads attach to it. The item's IRI is its
  absolute ``self`` link, else minted (kind ``item``) from collection and item ids.
- **Item without a collection**: a dataset of its own, mapped like a collection from its
  properties (``datetime`` or ``start_datetime``/``end_datetime``, ``bbox``, assets).
- **Catalog → ``dcat:Catalog``** (title, description, ``dct:hasPart`` to each ``child`` link
  that resolves to an absolute URL).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from ..terms import GAIA_NS, PROV
from .build import (
    DCAT,
    DCT,
    FOAF,
    LANGUAGES,
    RDFS,
    SDO,
    SKOS,
    WKT,
    A,
    Triples,
    bbox_wkt,
    date_literal,
    guess_language,
    licence_iri,
    text,
)
from .datacite_terms import doi_iri, normalise_doi
from .jsonld import load_json

__all__ = ["sniff", "convert", "collection_iri", "NOT_SPDX"]

ADMS = "http://www.w3.org/ns/adms#"
XSD = "http://www.w3.org/2001/XMLSchema#"
INSPIRE_ROLE = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/"
IANA = "https://www.iana.org/assignments/media-types/"
KINDS = {"Collection", "Feature", "Catalog", "FeatureCollection"}
#: licence words of STAC that are not SPDX identifiers
NOT_SPDX = {"proprietary", "various", "other", "not-provided", "public-domain", "unknown", "none"}
#: provider role -> (INSPIRE role, DCAT property of the dataset or None)
ROLES = {
    "producer": ("originator", DCT + "creator"),
    "licensor": ("owner", DCT + "rightsHolder"),
    "processor": ("processor", None),
    "host": ("distributor", DCT + "publisher"),
}
THUMBNAILS = {"thumbnail", "overview", "preview"}
_URL = re.compile(r"^(https?|s?ftp|ftps)://[^/?#:@\s]+[^\s<>\"{}|\\^`]*$", re.IGNORECASE)
_MEDIA = re.compile(r"^[a-z]+/[A-Za-z0-9.+_-]+$")


def sniff(data: bytes) -> bool:
    """A JSON object with ``stac_version`` and a STAC ``type`` (or a ``/collections`` answer)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte order mark
        try:
            data = data.decode("utf-16").encode()
        except UnicodeDecodeError:
            return False
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] != b"{" or b'"stac_version"' not in data:
        return False
    try:
        document = load_json(data)
    except InputError:
        return False
    return isinstance(document, dict) and _kind(document) is not None


def _kind(document: dict) -> str | None:
    collections = document.get("collections")
    if isinstance(collections, list) and collections and "stac_version" not in document:
        # a STAC API /collections answer saved to a file
        ok = all(isinstance(c, dict) and "stac_version" in c for c in collections)
        return "Collections" if ok else None
    if "stac_version" not in document:
        return None
    kind = document.get("type")
    if kind in KINDS:
        return kind
    if kind is None and "extent" in document:  # STAC 0.x collections had no type
        return "Collection"
    if kind is None and "id" in document and "links" in document:
        return "Catalog"
    return None


def _str(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _absolute(href, base: str | None) -> str | None:
    """``href`` as an absolute http(s)/ftp URL (resolved against ``base``), or None."""
    href = _str(href)
    if not href:
        return None
    if not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) and base:
        href = urljoin(base, href)
    href = href.replace(" ", "%20")
    return href if _URL.match(href) else None


def _node(value: str | None) -> ox.NamedNode | None:
    if not value:
        return None
    try:
        return ox.NamedNode(value)
    except ValueError:
        return None


class _Doc:
    """One STAC object with its links and self URL."""

    def __init__(self, obj: dict):
        self.obj = obj
        self.links = [link for link in _list(obj.get("links")) if isinstance(link, dict)]
        selfs = [_absolute(link.get("href"), None) for link in self.rel("self")]
        self.self = next((s for s in selfs if s and s.startswith("http")), None)

    def rel(self, *names: str) -> list[dict]:
        return [link for link in self.links if _str(link.get("rel")).lower() in names]

    def hrefs(self, *names: str) -> list[str]:
        found = [_absolute(link.get("href"), self.self) for link in self.rel(*names)]
        return list(dict.fromkeys(f for f in found if f))


def collection_iri(collection_id: str, link: str | None, base_iri: str) -> ox.NamedNode:
    """The dataset IRI of a collection: its absolute http(s) URL, else minted from its id."""
    if link and link.startswith(("http://", "https://")) and _node(link):
        return ox.NamedNode(link)
    return ox.NamedNode(resource_iri("dataset", collection_id, base_iri))


def _language(obj: dict, *texts: str) -> str | None:
    stated = obj.get("language")
    code = _str(stated.get("code")) if isinstance(stated, dict) else _str(stated)
    code = code.lower()[:2]
    return code if code in LANGUAGES else guess_language(*texts)


def _numbers(box) -> list[float] | None:
    if not isinstance(box, list) or len(box) not in (4, 6):
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in box):
        return None
    return [float(v) for v in box]


def _decimal(value: float) -> ox.Literal:
    out = f"{value:.3f}".rstrip("0").rstrip(".")
    return ox.Literal("0" if out in ("-0", "") else out, datatype=ox.NamedNode(XSD + "decimal"))


def _spatial(out: Triples, subject, boxes: list) -> None:
    first = True
    for raw in boxes:
        box = _numbers(raw)
        if box is None:
            continue
        if len(box) == 6:
            west, south, low, east, north, high = box
            if first:
                out.add(subject, GAIA_NS + "minimumAltitude", _decimal(min(low, high)))
                out.add(subject, GAIA_NS + "maximumAltitude", _decimal(max(low, high)))
        else:
            west, south, east, north = box
        location = ox.BlankNode()
        out.add(subject, DCT + "spatial", location)
        out.add(location, A, ox.NamedNode(DCT + "Location"))
        out.add(
            location, DCAT + "bbox", ox.Literal(bbox_wkt(west, south, east, north), datatype=WKT)
        )
        first = False


def _instant(value, *, end: bool = False) -> ox.Literal | None:
    """A date literal of an RFC 3339 instant (which may separate date and time by a space)."""
    if not isinstance(value, str):
        return None
    return date_literal(re.sub(r"^(\d{4}-\d{2}-\d{2}) (\d)", r"\1T\2", value.strip()), end=end)


def _period(out: Triples, subject, start, end) -> None:
    begin = _instant(start)
    finish = _instant(end, end=True)
    if begin is None and finish is None:
        return
    period = ox.BlankNode()
    out.add(subject, DCT + "temporal", period)
    out.add(period, A, ox.NamedNode(DCT + "PeriodOfTime"))
    out.add(period, DCAT + "startDate", begin)
    out.add(period, DCAT + "endDate", finish)


def _providers(out: Triples, subject, providers) -> None:
    for provider in _list(providers):
        name = _str(provider.get("name")) if isinstance(provider, dict) else ""
        if not name:
            continue
        agent = ox.BlankNode()
        out.add(agent, A, ox.NamedNode(FOAF + "Organization"))
        out.add(agent, FOAF + "name", text(name))
        out.add(agent, FOAF + "homepage", _node(_absolute(provider.get("url"), None)))
        roles = [_str(r).lower() for r in _list(provider.get("roles"))]
        for role in dict.fromkeys(r for r in roles if r in ROLES):
            code, prop = ROLES[role]
            if prop is not None:
                out.add(subject, prop, agent)
            attribution = ox.BlankNode()
            out.add(subject, PROV + "qualifiedAttribution", attribution)
            out.add(attribution, A, ox.NamedNode(PROV + "Attribution"))
            out.add(attribution, PROV + "agent", agent)
            out.add(attribution, DCAT + "hadRole", ox.NamedNode(INSPIRE_ROLE + code))
        if not any(r in ROLES for r in roles):
            out.add(subject, DCT + "contributor", agent)


def _licence(out: Triples, subject, obj: dict, doc: _Doc) -> None:
    word = _str(obj.get("license"))
    links = doc.hrefs("license")
    if word and word.lower() not in NOT_SPDX:
        out.add(subject, DCT + "license", licence_iri(word))
        return
    if links:
        for href in links:
            out.add(subject, DCT + "license", licence_iri(href) or _node(href))
    elif word:
        statement = ox.BlankNode()
        out.add(subject, DCT + "rights", statement)
        out.add(statement, A, ox.NamedNode(DCT + "RightsStatement"))
        out.add(statement, RDFS + "label", ox.Literal(word))


def _media(out: Triples, dist, kind) -> None:
    kind = _str(kind)
    if not kind:
        return
    base = kind.split(";")[0].strip()
    if _MEDIA.match(base):
        out.add(dist, DCAT + "mediaType", ox.NamedNode(IANA + base))
    if base != kind or not _MEDIA.match(base):
        out.add(dist, DCT + "format", ox.Literal(kind))


def _distribution(out: Triples, subject, asset: dict, url: str, lang, *, download: bool) -> None:
    dist = ox.BlankNode()
    out.add(subject, DCAT + "distribution", dist)
    out.add(dist, A, ox.NamedNode(DCAT + "Distribution"))
    out.add(dist, DCAT + "accessURL", ox.NamedNode(url))
    if download:
        out.add(dist, DCAT + "downloadURL", ox.NamedNode(url))
    _media(out, dist, asset.get("type"))
    if _str(asset.get("title")):
        out.add(dist, DCT + "title", text(asset["title"], lang))
    if _str(asset.get("description")):
        out.add(dist, DCT + "description", text(asset["description"], lang))
    for role in dict.fromkeys(_str(r) for r in _list(asset.get("roles"))):
        out.add(dist, DCT + "type", ox.Literal(role) if role else None)
    size = asset.get("file:size")
    if isinstance(size, int) and not isinstance(size, bool) and size >= 0:
        out.add(
            dist, DCAT + "byteSize", ox.Literal(str(size), datatype=ox.NamedNode(XSD + "integer"))
        )


def _is_thumbnail(asset: dict) -> bool:
    return any(_str(r).lower() in THUMBNAILS for r in _list(asset.get("roles")))


def _assets(out: Triples, subject, obj: dict, doc: _Doc, lang) -> None:
    assets = obj.get("assets")
    for asset in assets.values() if isinstance(assets, dict) else []:
        if not isinstance(asset, dict):
            continue
        url = _absolute(asset.get("href"), doc.self)
        node = _node(url)
        if node is None:
            continue
        if _is_thumbnail(asset):
            out.add(subject, FOAF + "depiction", node)
        else:
            _distribution(out, subject, asset, url, lang, download=True)
    for href in doc.hrefs(*THUMBNAILS):
        out.add(subject, FOAF + "depiction", _node(href))
    items = next((h for h in doc.hrefs("items") if h.startswith("http")), None)
    item_assets = obj.get("item_assets")
    if items is None or not isinstance(item_assets, dict):
        return
    for asset in item_assets.values():
        roles = (
            {_str(r).lower() for r in _list(asset.get("roles"))}
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
    out.add(subject, DCT + "identifier", ox.Literal(doi))
    out.add(subject, SDO + "identifier", ox.NamedNode(iri))
    return True


def _science(out: Triples, subject, obj: dict, doc: _Doc, lang) -> None:
    if isinstance(obj.get("sci:doi"), str):
        _doi(out, subject, obj["sci:doi"])
    if _str(obj.get("sci:citation")):
        out.add(subject, DCT + "bibliographicCitation", text(obj["sci:citation"]))
    for publication in _list(obj.get("sci:publications")):
        if not isinstance(publication, dict):
            continue
        iri = doi_iri(_str(publication.get("doi"))) if _str(publication.get("doi")) else None
        if iri:
            out.add(subject, DCT + "isReferencedBy", ox.NamedNode(iri))
        elif _str(publication.get("citation")):
            out.add(subject, SDO + "citation", text(publication["citation"]))
    for href in doc.hrefs("cite-as"):
        if not (normalise_doi(href) and _doi(out, subject, href)):
            out.add(
                subject, DCT + "identifier", ox.Literal(href, datatype=ox.NamedNode(XSD + "anyURI"))
            )
    for href in doc.hrefs("about"):
        out.add(subject, DCAT + "landingPage", _node(href))
    for href in doc.hrefs("describedby", "help"):
        out.add(subject, FOAF + "page", _node(href))


def _keywords(out: Triples, subject, values, lang) -> None:
    for value in _list(values):
        if isinstance(value, str) and value.strip():
            out.add(subject, DCAT + "keyword", text(value, lang))


def _dataset(out: Triples, subject, obj: dict, props: dict, doc: _Doc) -> None:
    """The dataset statements of a collection (``props`` = itself) or a lone item (its
    properties)."""
    ident = _str(obj.get("id"))
    title = _str(props.get("title")) or ident
    description = _str(props.get("description"))
    lang = _language(props, title, description)
    out.add(subject, A, ox.NamedNode(DCAT + "Dataset"))
    out.add(subject, DCT + "title", text(title, lang))
    if description:
        out.add(subject, DCT + "description", text(description, lang))
    if lang:
        out.add(subject, DCT + "language", ox.NamedNode(LANGUAGES[lang]))
    out.add(subject, DCT + "identifier", ox.Literal(ident))
    identifier = ox.BlankNode()
    out.add(subject, ADMS + "identifier", identifier)
    out.add(identifier, A, ox.NamedNode(ADMS + "Identifier"))
    out.add(identifier, SKOS + "notation", ox.Literal(ident))
    _keywords(out, subject, props.get("keywords"), lang)
    summaries = props.get("summaries") if isinstance(props.get("summaries"), dict) else props
    for key in ("constellation", "platform", "instruments"):
        # one name per string; "terra,aqua" (a combined product) is read as two
        names = [n for v in _list(summaries.get(key)) if isinstance(v, str) for n in v.split(",")]
        _keywords(out, subject, names, None)
    _providers(out, subject, props.get("providers"))
    _licence(out, subject, props if "license" in props else obj, doc)
    _science(out, subject, props, doc, lang)
    _assets(out, subject, obj, doc, lang)


def _collection(out: Triples, obj: dict, base_iri: str) -> None:
    doc = _Doc(obj)
    ident = _str(obj.get("id"))
    if not ident:
        raise InputError("STAC Collection without an id")
    subject = collection_iri(ident, doc.self, base_iri)
    _dataset(out, subject, obj, obj, doc)
    extent = obj.get("extent") if isinstance(obj.get("extent"), dict) else {}
    spatial = extent.get("spatial")
    # STAC 0.6 wrote the box and the interval bare: "spatial": [w, s, e, n]
    boxes = spatial.get("bbox") if isinstance(spatial, dict) else spatial
    _spatial(
        out, subject, boxes if isinstance(boxes, list) and _numbers(boxes) is None else [boxes]
    )
    temporal = extent.get("temporal")
    intervals = temporal.get("interval") if isinstance(temporal, dict) else temporal
    if isinstance(intervals, list) and len(intervals) == 2 and not isinstance(intervals[0], list):
        intervals = [intervals]  # one interval written without its outer list
    for interval in _list(intervals):
        if isinstance(interval, list) and len(interval) == 2:
            _period(out, subject, interval[0], interval[1])


def item_collection(obj: dict, base_iri: str) -> tuple[ox.NamedNode, ox.NamedNode] | None:
    """(collection IRI, item IRI) of an Item that belongs to a collection, else None."""
    doc = _Doc(obj)
    links = [_absolute(link.get("href"), doc.self) for link in doc.rel("collection")]
    link = next((h for h in links if h and h.startswith("http")), None)
    ident = _str(obj.get("collection"))
    if not ident and doc.rel("collection"):
        href = _str(doc.rel("collection")[0].get("href")).rstrip("/")
        ident = href.rsplit("/", 1)[-1].removesuffix(".json") if link is None else ""
        if ident in ("", "collection"):
            ident = ""
    if not ident and link is None:
        return None
    collection = collection_iri(ident or link or "", link, base_iri)
    item_id = _str(obj.get("id"))
    item = _node(doc.self) or ox.NamedNode(
        resource_iri("item", f"{ident or collection.value}/{item_id}", base_iri)
    )
    return collection, item


def _item(out: Triples, obj: dict, base_iri: str) -> None:
    if not _str(obj.get("id")):
        raise InputError("STAC Item without an id")
    attached = item_collection(obj, base_iri)
    if attached is not None:
        out.add(attached[0], DCT + "hasPart", attached[1])
        return
    doc = _Doc(obj)
    props = obj.get("properties") if isinstance(obj.get("properties"), dict) else {}
    subject = _node(doc.self) or ox.NamedNode(resource_iri("dataset", obj["id"], base_iri))
    _dataset(out, subject, obj, props, doc)
    _spatial(out, subject, [obj.get("bbox")])
    start = props.get("start_datetime") or props.get("datetime")
    end = props.get("end_datetime") or props.get("datetime")
    _period(out, subject, start, end)


def _catalog(out: Triples, obj: dict, base_iri: str) -> None:
    doc = _Doc(obj)
    ident = _str(obj.get("id"))
    if not ident:
        raise InputError("STAC Catalog without an id")
    subject = _node(doc.self) or ox.NamedNode(resource_iri("catalog", ident, base_iri))
    title = _str(obj.get("title")) or ident
    description = _str(obj.get("description"))
    lang = _language(obj, title, description)
    out.add(subject, A, ox.NamedNode(DCAT + "Catalog"))
    out.add(subject, DCT + "title", text(title, lang))
    if description:
        out.add(subject, DCT + "description", text(description, lang))
    out.add(subject, DCT + "identifier", ox.Literal(ident))
    for href in doc.hrefs("child"):
        if href.startswith("http"):
            out.add(subject, DCT + "hasPart", _node(href))
    if "license" in obj:
        _licence(out, subject, obj, doc)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The triples of one STAC document (see the module docstring)."""
    document = load_json(data)
    kind = _kind(document) if isinstance(document, dict) else None
    if kind is None:
        raise InputError("not a STAC Collection, Item, ItemCollection, Catalog or /collections")
    out = Triples()
    if kind == "Collection":
        _collection(out, document, base_iri)
    elif kind == "Feature":
        _item(out, document, base_iri)
    elif kind == "Catalog":
        _catalog(out, document, base_iri)
    elif kind == "Collections":
        for collection in document["collections"]:
            _collection(out, collection, base_iri)
    else:
        features = [f for f in _list(document.get("features")) if isinstance(f, dict)]
        if not features:
            raise InputError("STAC ItemCollection without features")
        for feature in features:
            _item(out, {"stac_version": document["stac_version"], **feature}, base_iri)
    return list(dict.fromkeys(out))


def count_items(records, formats: dict[str, str], declared_in: dict) -> tuple[dict, dict]:
    """STAC items of a load, by collection IRI: (all, those whose collection is not in the
    load). Items attach to their collection's record (read as ``stac``); an item whose
    collection is elsewhere stays in its file's source record, still naming the collection."""
    from collections import Counter
    from urllib.parse import unquote

    every: Counter = Counter()
    apart: Counter = Counter()
    has_part = ox.NamedNode(DCT + "hasPart")
    for record in records:
        if record.kind == "source":
            source = unquote(record.resource.value.rsplit("/", 1)[-1])
        elif record.kind == "dataset":
            source = declared_in.get(record.resource, "")
        else:
            continue
        if formats.get(source) != "stac":
            continue
        for t in record.triples:
            if t.predicate == has_part and (
                record.kind == "source" or t.subject == record.resource
            ):
                every[t.subject.value] += 1
                if record.kind == "source":
                    apart[t.subject.value] += 1
    return dict(every), dict(apart)
