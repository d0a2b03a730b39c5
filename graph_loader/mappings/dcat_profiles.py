"""National and geospatial DCAT-AP profiles (DCAT-AP.de, GeoDCAT-AP) → the DCAT-AP 3 the
catalogue reads: every statement of the document is kept, and what the profile says in its own
terms is also said in DCAT-AP.

- **DCAT-AP.de** (``http://dcat-ap.de/def/dcatde/``): ``dcatde:maintainer`` (the body that
  keeps the data) and ``dcatde:originator`` become ``prov:qualifiedAttribution`` with the roles
  ``custodian`` and ``originator``, and the maintainer gives the ``dcat:contactPoint`` (a
  ``vcard:Organization`` with its name and mailbox) when the dataset has none;
  ``dcatde:politicalGeocodingURI`` (the administrative area) becomes a ``dct:spatial`` link,
  ``dcatde:geocodingDescription`` the name of a ``dct:Location``; ``dcatde:contributorID``
  and the other dcatde terms are kept as they are.
- **GeoDCAT-AP** geometries written in several encodings at once (``dcat:bbox`` /
  ``locn:geometry`` as WKT, GML ``Envelope`` and GeoJSON): the WKT box is the one
  ``dcat:bbox`` (the catalogue's spatial index reads WKT), computed from the GML envelope or
  the GeoJSON geometry when no WKT is given; the other encodings stay as ``locn:geometry``.
- Language tags written as ISO 639-2 codes (``xml:lang="ger"``, ``"fre"``, ``"eng"``, as the
  GeoNetwork DCAT-AP CH formatters write them) become BCP 47 tags (``de``, ``fr``, ``en``).
- Empty ``dct:issued`` / ``dct:modified`` values (an element written with no date) are left
  out: they state nothing.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
from rdflib import Namespace

from ..errors import InputError
from ..namespaces import DCAT, DCT, FOAF, LOCN, PROV, VCARD
from .build import WKT, A, geojson_box, points_box
from .iso_common import lang_tag

__all__ = ["sniff", "convert", "DCATDE"]

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
ROLE = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/"
#: predicates compared with pyoxigraph ``.value`` (strings)
_ISSUED, _MODIFIED, _BBOX = str(DCT.issued), str(DCT.modified), str(DCAT.bbox)
_GEOMETRY, _CONTACT_POINT = str(LOCN.geometry), str(DCAT.contactPoint)
_NAME, _MBOX = str(FOAF.name), str(FOAF.mbox)
_GEO_TYPES = (b"gmlLiteral", b"geoJSONLiteral", b"vnd.geo+json")
_DCAT = (b"http://www.w3.org/ns/dcat#",)
_ISO_TAGS = re.compile(
    rb'xml:lang="(ger|deu|fre|fra|eng|ita|spa|dut|nld|roh)"|"@(ger|fre|eng|ita)\b'
)


def sniff(data: bytes) -> bool:
    """RDF text using the DCAT vocabulary with DCAT-AP.de terms or GeoDCAT-AP geometries in
    other encodings than WKT (JSON-LD and converter formats are left to their readers)."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"[") or not any(ns in data[:262144] for ns in _DCAT):
        return False
    if head[:1] == b"<" and not re.search(rb"<(\w+:)?RDF\b", head):
        return False
    return (
        DCATDE.encode() in data[:262144]
        or any(t in data for t in _GEO_TYPES)
        or _ISO_TAGS.search(data[:262144]) is not None
    )


def _read(data: bytes, base_iri: str) -> list[ox.Triple]:
    from .. import formats  # here: formats imports this package

    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    fmt = "rdfxml" if head.startswith(b"<") else "turtle"
    try:
        return [q.triple for q in formats.READERS[fmt](data, base_iri)]
    except SyntaxError as exc:
        raise InputError(f"DCAT: not valid {fmt}: {exc}") from exc


def geometry_box(literal: ox.Literal) -> str | None:
    """The WKT box of a GML envelope or a GeoJSON geometry literal, else None.

    >>> geometry_box(ox.Literal('<gml:Envelope><gml:lowerCorner>2 44</gml:lowerCorner>'
    ...     '<gml:upperCorner>7 46.5</gml:upperCorner></gml:Envelope>'))
    'POLYGON((2 44, 7 44, 7 46.5, 2 46.5, 2 44))'
    """
    text = literal.value.strip()
    if text.startswith("{"):
        try:
            geometry = json.loads(text)
        except ValueError:
            return None
        return geojson_box(geometry)
    lower = re.search(r"lowerCorner>\s*(-?[\d.]+)\s+(-?[\d.]+)\s*<", text)
    upper = re.search(r"upperCorner>\s*(-?[\d.]+)\s+(-?[\d.]+)\s*<", text)
    if lower and upper:
        # CRS84 (lon lat) as GeoDCAT-AP writes it; EPSG:4326 envelopes are lat lon
        swap = "EPSG/0/4326" in text or "EPSG:4326" in text
        (x1, y1), (x2, y2) = (tuple(float(v) for v in m.groups()) for m in (lower, upper))
        if swap:
            (x1, y1), (x2, y2) = (y1, x1), (y2, x2)
        return points_box([(x1, y1), (x2, y2)])
    return None


def _is_wkt(literal: ox.Literal) -> bool:
    return literal.datatype == WKT or (
        literal.datatype.value.endswith("#string")
        and literal.value.lstrip().upper().startswith(("POLYGON", "<HTTP"))
    )


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The document's statements, with the profile's terms also said in DCAT-AP 3."""
    if not data.strip():
        raise InputError("empty record")
    triples = _read(data, base_iri)
    by_subject: dict = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)
    out: list[ox.Triple] = []
    added: list[ox.Triple] = []

    def add(s, p: str, o) -> None:
        added.append(ox.Triple(s, ox.NamedNode(p), o))

    for t in triples:
        p, o = t.predicate.value, t.object
        if isinstance(o, ox.Literal) and o.language and len(o.language) == 3:
            tag = lang_tag(o.language)
            if tag and tag != o.language:
                o = ox.Literal(o.value, language=tag)
                t = ox.Triple(t.subject, t.predicate, o)
        if p in (_ISSUED, _MODIFIED) and isinstance(o, ox.Literal) and not o.value.strip():
            continue
        if p in (_BBOX, _GEOMETRY) and isinstance(o, ox.Literal):
            boxes = [
                x.object
                for x in by_subject.get(t.subject, [])
                if x.predicate.value == _BBOX and isinstance(x.object, ox.Literal)
            ]
            wkt = [b for b in boxes if _is_wkt(b)]
            if p == _BBOX and _is_wkt(o):
                if o != wkt[0]:
                    continue  # one box per location
            elif p == _BBOX:
                # another encoding of the box: kept as a geometry; a WKT box made if none
                out.append(ox.Triple(t.subject, ox.NamedNode(LOCN.geometry), o))
                box = geometry_box(o)
                if (
                    not wkt
                    and box is not None
                    and not any(
                        a.subject == t.subject and a.predicate.value == _BBOX for a in added
                    )
                ):
                    add(t.subject, DCAT.bbox, ox.Literal(box, datatype=WKT))
                continue
        out.append(t)
    for subject, statements in by_subject.items():
        _dcatde(subject, statements, by_subject, add)
    return list(dict.fromkeys(out + added))


def _dcatde(subject, statements: list[ox.Triple], by_subject: dict, add) -> None:
    props = {}
    for t in statements:
        props.setdefault(t.predicate.value, []).append(t.object)
    for term, role in (("maintainer", "custodian"), ("originator", "originator")):
        for agent in props.get(str(DCATDE[term]), []):
            attribution = ox.BlankNode()
            add(subject, PROV.qualifiedAttribution, attribution)
            add(attribution, A.value, ox.NamedNode(PROV.Attribution))
            add(attribution, PROV.agent, agent)
            add(attribution, DCAT.hadRole, ox.NamedNode(ROLE + role))
    maintainers = props.get(str(DCATDE.maintainer), [])
    if maintainers and _CONTACT_POINT not in props:
        agent = {t.predicate.value: t.object for t in by_subject.get(maintainers[0], [])}
        name = agent.get(_NAME)
        if isinstance(name, ox.Literal):
            card = ox.BlankNode()
            add(subject, DCAT.contactPoint, card)
            add(card, A.value, ox.NamedNode(VCARD.Organization))
            add(card, VCARD.fn, name)
            mail = agent.get(_MBOX)
            address = mail.value.removeprefix("mailto:") if mail is not None else ""
            if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
                add(card, VCARD.hasEmail, ox.NamedNode("mailto:" + address))
    for area in props.get(str(DCATDE.politicalGeocodingURI), []):
        if isinstance(area, ox.NamedNode):
            add(subject, DCT.spatial, area)
            add(area, A.value, ox.NamedNode(DCT.Location))
    for name in props.get(str(DCATDE.geocodingDescription), []):
        if isinstance(name, ox.Literal) and name.value.strip():
            location = ox.BlankNode()
            add(subject, DCT.spatial, location)
            add(location, A.value, ox.NamedNode(DCT.Location))
            add(location, LOCN.geographicName, name)
