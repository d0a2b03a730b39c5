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

import pyoxigraph as ox

from ...errors import InputError
from ...iri import resource_iri
from ...namespaces import DCAT, DCT
from ..build import (
    A,
    Triples,
    text,
)
from ..jsonld import load_json
from .dataset import add_licence, add_period, add_spatial, dataset_statements
from .values import (
    KINDS,
    Doc,
    absolute_url,
    as_list,
    as_node,
    as_str,
    box_numbers,
    collection_iri,
    record_language,
)

__all__ = ["sniff", "convert", "collection_iri", "item_collection", "count_items", "NOT_SPDX"]


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


def _collection(out: Triples, obj: dict, base_iri: str) -> None:
    doc = Doc(obj)
    ident = as_str(obj.get("id"))
    if not ident:
        raise InputError("STAC Collection without an id")
    subject = collection_iri(ident, doc.self, base_iri)
    dataset_statements(out, subject, obj, obj, doc)
    extent = obj.get("extent") if isinstance(obj.get("extent"), dict) else {}
    spatial = extent.get("spatial")
    # STAC 0.6 wrote the box and the interval bare: "spatial": [w, s, e, n]
    boxes = spatial.get("bbox") if isinstance(spatial, dict) else spatial
    add_spatial(
        out, subject, boxes if isinstance(boxes, list) and box_numbers(boxes) is None else [boxes]
    )
    temporal = extent.get("temporal")
    intervals = temporal.get("interval") if isinstance(temporal, dict) else temporal
    if isinstance(intervals, list) and len(intervals) == 2 and not isinstance(intervals[0], list):
        intervals = [intervals]  # one interval written without its outer list
    for interval in as_list(intervals):
        if isinstance(interval, list) and len(interval) == 2:
            add_period(out, subject, interval[0], interval[1])


def item_collection(obj: dict, base_iri: str) -> tuple[ox.NamedNode, ox.NamedNode] | None:
    """(collection IRI, item IRI) of an Item that belongs to a collection, else None."""
    doc = Doc(obj)
    links = [absolute_url(link.get("href"), doc.self) for link in doc.rel("collection")]
    link = next((h for h in links if h and h.startswith("http")), None)
    ident = as_str(obj.get("collection"))
    if not ident and doc.rel("collection"):
        href = as_str(doc.rel("collection")[0].get("href")).rstrip("/")
        ident = href.rsplit("/", 1)[-1].removesuffix(".json") if link is None else ""
        if ident in ("", "collection"):
            ident = ""
    if not ident and link is None:
        return None
    collection = collection_iri(ident or link or "", link, base_iri)
    item_id = as_str(obj.get("id"))
    item = as_node(doc.self) or ox.NamedNode(
        resource_iri("item", f"{ident or collection.value}/{item_id}", base_iri)
    )
    return collection, item


def _item(out: Triples, obj: dict, base_iri: str) -> None:
    if not as_str(obj.get("id")):
        raise InputError("STAC Item without an id")
    attached = item_collection(obj, base_iri)
    if attached is not None:
        out.add(attached[0], DCT.hasPart, attached[1])
        return
    doc = Doc(obj)
    props = obj.get("properties") if isinstance(obj.get("properties"), dict) else {}
    subject = as_node(doc.self) or ox.NamedNode(resource_iri("dataset", obj["id"], base_iri))
    dataset_statements(out, subject, obj, props, doc)
    add_spatial(out, subject, [obj.get("bbox")])
    start = props.get("start_datetime") or props.get("datetime")
    end = props.get("end_datetime") or props.get("datetime")
    add_period(out, subject, start, end)


def _catalog(out: Triples, obj: dict, base_iri: str) -> None:
    doc = Doc(obj)
    ident = as_str(obj.get("id"))
    if not ident:
        raise InputError("STAC Catalog without an id")
    subject = as_node(doc.self) or ox.NamedNode(resource_iri("catalog", ident, base_iri))
    title = as_str(obj.get("title")) or ident
    description = as_str(obj.get("description"))
    lang = record_language(obj, title, description)
    out.add(subject, A, ox.NamedNode(DCAT.Catalog))
    out.add(subject, DCT.title, text(title, lang))
    if description:
        out.add(subject, DCT.description, text(description, lang))
    out.add(subject, DCT.identifier, ox.Literal(ident))
    for href in doc.hrefs("child"):
        if href.startswith("http"):
            out.add(subject, DCT.hasPart, as_node(href))
    if "license" in obj:
        add_licence(out, subject, obj, doc)


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
        features = [f for f in as_list(document.get("features")) if isinstance(f, dict)]
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
    has_part = ox.NamedNode(DCT.hasPart)
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
