"""OGC capabilities → DCAT-AP 3: WMS (1.1.1, 1.3.0), WFS (1.1, 2.0), WCS (1.1, 2.0), WMTS 1.0,
SOS (1.0, 2.0), WPS 1.0 and CSW 2.0.2.

One ``dcat:DataService`` for the service (IRI minted from its endpoint URL) and one
``dcat:Dataset`` per named layer, feature type, coverage, tile layer or observation offering
(IRI minted from the endpoint URL and the layer name), linked by ``dcat:servesDataset``; each
dataset has a distribution whose ``dcat:accessService`` is the service. A WPS (processes) and
a CSW (a catalogue) serve no dataset of their own. Elements are matched by local name, so the
several versions and their namespaces (WMS, OWS 1.0 / 1.1 / 2.0) are read alike. Decisions:

- ``dcat:endpointURL`` is the GetCapabilities (else GetMap, else Service) online resource
  without its trailing ``?``; ``dcat:endpointDescription`` is the GetCapabilities request;
- texts carry their ``xml:lang``; else the language the capabilities declare (root
  ``xml:lang``, INSPIRE ``ResponseLanguage`` / ``DefaultLanguage``, OWS ``Languages``), else
  fr or en when :func:`~.build.guess_language` is clear about the service's texts, or about
  all the texts of the document together; a layer falls back on the service's language;
- an SOS offering's envelope in a geographic EPSG CRS (``EPSG/0/4326``) is read latitude
  first, as EPSG orders it; in CRS84 (or without CRS) longitude first; others are skipped;
- access constraints "none" / "aucun" become ``dct:accessRights`` PUBLIC; a URL or a licence
  name (``Licence Ouverte Etalab 2.0``) ``dct:license``; other texts a ``dct:RightsStatement``;
- a layer inherits the bounding box of its parent layer (WMS inheritance rules);
- a WMS time dimension (a list of instants or ``start/end/resolution``) gives ``dct:temporal``.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from .build import (
    ACCESS_RIGHTS,
    DCAT,
    DCT,
    FOAF,
    RDFS,
    VCARD,
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
from .iso_agents import tel_iri
from .iso_common import lang_tag
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "STANDARDS"]

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOTS = {"WMS_Capabilities": "wms", "WMT_MS_Capabilities": "wms", "WFS_Capabilities": "wfs"}
#: namespace part of a ``Capabilities`` root -> service kind
_CAPABILITIES_NS = {
    "opengis.net/wcs": "wcs",
    "opengis.net/wmts": "wmts",
    "opengis.net/sos": "sos",
    "opengis.net/wps": "wps",
    "opengis.net/cat/csw": "csw",
}
KINDS = ("wms", "wfs", "wcs", "wmts", "sos", "wps", "csw")
#: service kind -> the OGC service type IRI given as dct:conformsTo
STANDARDS = {k: f"http://www.opengis.net/def/serviceType/ogc/{k}" for k in KINDS}
_NONE = {"", "none", "aucun", "aucune", "no", "unrestricted", "nocondition", "nan"}


def _root_kind(tag: str, head: str) -> str | None:
    """The service kind of a root element: ``tag`` is ``{ns}name`` (parsed) or ``prefix:name``
    (sniffed; the prefix's namespace is looked up in ``head``)."""
    if tag.startswith("{"):
        namespace, name = tag[1:].split("}", 1)
    else:
        prefix, _, name = tag.rpartition(":")
        attribute = "xmlns:" + prefix if prefix else "xmlns"
        declared = re.search(re.escape(attribute) + r"\s*=\s*[\"']([^\"']+)", head)
        namespace = declared.group(1) if declared else ""
    if name in _ROOTS:
        return _ROOTS[name]
    if name == "Capabilities":
        return next((k for part, k in _CAPABILITIES_NS.items() if part in namespace), None)
    return None


def sniff(data: bytes) -> bool:
    """The root element is WMS_Capabilities, WMT_MS_Capabilities, WFS_Capabilities or the
    Capabilities of a WCS, WMTS, SOS, WPS or CSW."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    head = data[:8192].decode("utf-16" if utf16 else "utf-8", "replace").lstrip("\ufeff")
    found = re.search(r"<([A-Za-z_][\w.:-]*)", re.sub(r"<[?!][^>]*>", "", head))
    return bool(found) and _root_kind(found.group(1), head) is not None


def _local(el: Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _kids(el: Element | None, *names: str) -> list[Element]:
    return [c for c in el if _local(c) in names] if el is not None else []


def _kid(el: Element | None, *path: str) -> Element | None:
    for name in path:
        found = _kids(el, name)
        el = found[0] if found else None
    return el


def _either(*elements: Element | None) -> Element | None:
    """The first element that is not None (an element without children is falsy)."""
    return next((e for e in elements if e is not None), None)


def _href(el: Element | None) -> str:
    return el.get(_XLINK_HREF, "").strip() if el is not None else ""


def _text(el: Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def _find(el: Element, name: str) -> list[Element]:
    return [e for e in el.iter() if _local(e) == name]


class _Texts:
    """Language-tagged texts of one part of the capabilities."""

    def __init__(self, fallback: str | None):
        self.fallback = fallback

    def lang(self, elements: list[Element]) -> str | None:
        """The language of ``elements``: their xml:lang, a clear guess, or the fallback."""
        tagged = [e.get(_XML_LANG) for e in elements if e.get(_XML_LANG)]
        if tagged:
            return tagged[0][:2].lower()
        return guess_language(*(_text(e) for e in elements)) or self.fallback

    def add(self, out: Triples, subject, prop: str, elements: list[Element], lang) -> None:
        """One literal per non-empty element, with its own xml:lang or ``lang``."""
        for el in elements:
            if _text(el):
                own = el.get(_XML_LANG)
                out.add(subject, prop, text(_text(el), own[:2].lower() if own else lang))


def _keywords(el: Element) -> list[Element]:
    lists = _kids(el, "KeywordList", "Keywords")
    return [k for kl in lists for k in _kids(kl, "Keyword")]


def _ows_bbox(el: Element) -> str | None:
    box = _kid(el, "WGS84BoundingBox")
    try:
        west, south = (float(v) for v in _text(_kid(box, "LowerCorner")).split())
        east, north = (float(v) for v in _text(_kid(box, "UpperCorner")).split())
    except ValueError:
        return None
    return bbox_wkt(west, south, east, north)


def _envelope_bbox(el: Element) -> str | None:
    """The WKT box of a GML envelope (SOS offerings): latitude first in a geographic EPSG CRS,
    longitude first in CRS84 or without CRS, None in another CRS or out of range."""
    env = next(iter(_find(el, "Envelope")), None)
    if env is None:
        return None
    srs = env.get("srsName", "")
    code = re.search(r"EPSG(?:/0/|::|:)(\d+)$", srs)
    try:
        low = [float(v) for v in _text(_kid(env, "lowerCorner")).split()]
        high = [float(v) for v in _text(_kid(env, "upperCorner")).split()]
    except ValueError:
        return None
    if len(low) < 2 or len(high) < 2:
        return None
    if code and code.group(1).startswith("4") and ("/0/" in srs or "::" in srs):
        (south, west), (north, east) = low[:2], high[:2]
    elif not srs or "CRS84" in srs or (code and code.group(1) == "4326"):
        (west, south), (east, north) = low[:2], high[:2]
    else:
        return None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        return None
    return bbox_wkt(west, south, east, north)


def _period(el: Element) -> tuple[ox.Literal | None, ox.Literal | None]:
    """(start, end) of the first GML TimePeriod below ``el``."""
    period = next(iter(_find(el, "TimePeriod")), None)
    if period is None:
        return None, None
    begin = _text(next(iter(_find(period, "beginPosition")), None))
    end = _text(next(iter(_find(period, "endPosition")), None))
    return date_literal(begin) if begin else None, date_literal(end, end=True) if end else None


def _wms_bbox(el: Element) -> str | None:
    box = _kid(el, "EX_GeographicBoundingBox")
    sides = ("westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude")
    try:
        if box is not None:
            return bbox_wkt(*(float(_text(_kid(box, s))) for s in sides))
        old = _kid(el, "LatLonBoundingBox")
        if old is not None:
            return bbox_wkt(*(float(old.get(a, "")) for a in ("minx", "miny", "maxx", "maxy")))
    except ValueError:
        return None
    return None


def _time_extent(layer: Element) -> tuple[ox.Literal | None, ox.Literal | None]:
    """(start, end) of a WMS time dimension (1.3.0 Dimension, 1.1.1 Extent): a list of
    instants or ``start/end/resolution`` intervals."""
    for el in (*_kids(layer, "Dimension"), *_kids(layer, "Extent")):
        if el.get("name", "").lower() != "time" or not _text(el):
            continue
        values = [v.strip() for v in _text(el).split(",") if v.strip()]
        first, last = values[0].split("/"), values[-1].split("/")
        end = last[1] if len(last) > 1 else last[0]
        if end.lower() in ("current", "present"):
            end = ""
        return date_literal(first[0]), date_literal(end, end=True) if end else None
    return None, None


def _offerings(root: Element) -> list[Element]:
    """The observation offerings of an SOS (1.0 ``ObservationOfferingList``, 2.0 ``offering``)."""
    return [o for o in _find(root, "ObservationOffering")]


def _offering_name(offering: Element) -> str:
    names = [
        *_kids(offering, "identifier"),
        *_kids(offering, "name"),
    ]
    found = next((_text(n) for n in names if _text(n)), "")
    return (
        found
        or offering.get("{http://www.opengis.net/gml}id", "")
        or offering.get("{http://www.opengis.net/gml/3.2}id", "")
    )


def _layers(root: Element, kind: str) -> list[tuple[str, Element, str | None]]:
    """(name, element, bbox) of each named layer, feature type, coverage or offering."""
    if kind in ("wps", "csw"):
        return []
    if kind == "sos":
        return [(_offering_name(o), o, _envelope_bbox(o)) for o in _offerings(root)]
    if kind == "wmts":
        layers = _kids(_kid(root, "Contents"), "Layer")
        return [(_text(_kid(la, "Identifier")), la, _ows_bbox(la)) for la in layers]
    if kind == "wfs":
        return [(_text(_kid(f, "Name")), f, _ows_bbox(f)) for f in _find(root, "FeatureType")]
    if kind == "wcs":
        summaries = _find(root, "CoverageSummary")
        names = [_text(_either(_kid(c, "CoverageId"), _kid(c, "Identifier"))) for c in summaries]
        return [(n, c, _ows_bbox(c)) for n, c in zip(names, summaries, strict=True)]
    found: list[tuple[str, Element, str | None]] = []

    def walk(layer: Element, inherited: str | None) -> None:
        bbox = _wms_bbox(layer) or inherited
        if _text(_kid(layer, "Name")):
            found.append((_text(_kid(layer, "Name")), layer, bbox))
        for child in _kids(layer, "Layer"):
            walk(child, bbox)

    for top in _kids(_kid(root, "Capability"), "Layer"):
        walk(top, None)
    return found


def _endpoint(root: Element, kind: str) -> str:
    if kind == "wms":
        request = _kid(root, "Capability", "Request")
        operations = [_kid(request, op) for op in ("GetCapabilities", "GetMap")]
        found = [r for op in operations if op is not None for r in _find(op, "OnlineResource")]
        candidates = [_href(r) for r in found] + [_href(_kid(root, "Service", "OnlineResource"))]
    else:
        ops = [o for o in _find(root, "Operation") if o.get("name") == "GetCapabilities"]
        others = [o for o in _find(root, "Operation") if o.get("name") != "GetCapabilities"]
        candidates = [_href(g) for o in ops + others for g in _find(o, "Get")]
        candidates += [_href(g) for o in others for g in _find(o, "Post")]
        # a RESTful WMTS names its capabilities document instead
        candidates += [_href(m) for m in _kids(root, "ServiceMetadataURL")]
    for url in candidates:
        url = url.rstrip("?&")
        if is_url(url):
            return url
    raise InputError(f"{kind.upper()} capabilities give no http(s) endpoint URL")


def _declared_language(root: Element) -> str | None:
    """The language the capabilities declare: the root's ``xml:lang``, INSPIRE
    ``ResponseLanguage`` / ``DefaultLanguage``, or the first OWS ``Language``."""
    candidates = [root.get(_XML_LANG, "")]
    for name in ("ResponseLanguage", "DefaultLanguage", "Languages"):
        candidates += [_text(e) for block in _find(root, name) for e in _find(block, "Language")]
    for code in candidates:
        tag = lang_tag(code) if code else None
        if tag:
            return tag
    return None


def _rights(out: Triples, subject, constraints: list[str], lang) -> None:
    for value in constraints:
        if value.strip().lower().replace(" ", "") in _NONE:
            out.add(subject, DCT + "accessRights", ox.NamedNode(ACCESS_RIGHTS["public"]))
        elif licence_iri(value, field=False) is not None:
            out.add(subject, DCT + "license", licence_iri(value, field=False))
        else:
            statement = ox.BlankNode()
            out.add(subject, DCT + "accessRights", statement)
            out.add(statement, A, ox.NamedNode(DCT + "RightsStatement"))
            out.add(statement, RDFS + "label", text(value, lang))


def _parties(out: Triples, root: Element, kind: str):
    """(publisher, contact point) of the service, either possibly None."""
    if kind == "wms":
        info = _kid(root, "Service", "ContactInformation")
        primary = _kid(info, "ContactPersonPrimary")
        org, person = (
            _text(_kid(primary, "ContactOrganization")),
            _text(_kid(primary, "ContactPerson")),
        )
        email, site = _text(_kid(info, "ContactElectronicMailAddress")), ""
        phone = _text(_kid(info, "ContactVoiceTelephone"))
    else:
        provider = _kid(root, "ServiceProvider")
        org, site = _text(_kid(provider, "ProviderName")), _href(_kid(provider, "ProviderSite"))
        person = _text(_kid(provider, "ServiceContact", "IndividualName"))
        mails = _find(provider, "ElectronicMailAddress") if provider is not None else []
        email = _text(mails[0]) if mails else ""
        voices = _find(provider, "Voice") if provider is not None else []
        phone = _text(voices[0]) if voices else ""
    publisher = contact = None
    if org:
        publisher = ox.BlankNode()
        out.add(publisher, A, ox.NamedNode(FOAF + "Organization"))
        out.add(publisher, A, ox.NamedNode(FOAF + "Agent"))
        out.add(publisher, FOAF + "name", text(org))
        out.add(publisher, FOAF + "homepage", ox.NamedNode(site) if is_url(site) else None)
    if org or person or email:
        contact = ox.BlankNode()
        out.add(contact, A, ox.NamedNode(VCARD + ("Organization" if org else "Kind")))
        out.add(contact, VCARD + "fn", text(org or person or email))
        if person and org:
            out.add(contact, VCARD + "organization-unit", text(person))
        if re.match(r"^[^@\s]+@[^@\s]+$", email):
            out.add(contact, VCARD + "hasEmail", ox.NamedNode("mailto:" + email))
        out.add(contact, VCARD + "hasTelephone", tel_iri(phone) if phone else None)
    return publisher, contact


def _layer_dataset(
    out: Triples,
    texts: _Texts,
    service: ox.NamedNode,
    kind: str,
    endpoint: str,
    layer_info: tuple,
    shared: tuple,
    base_iri: str,
) -> None:
    """The dataset of one layer (offering, feature type, coverage) served by the service."""
    name, layer, bbox = layer_info
    publisher, contact, constraints, lang = shared
    dataset = ox.NamedNode(resource_iri("dataset", f"{endpoint}#{name}", base_iri))
    out.add(service, DCAT + "servesDataset", dataset)
    out.add(dataset, A, ox.NamedNode(DCAT + "Dataset"))
    abstracts = _kids(layer, "Abstract", "description")
    titles = _kids(layer, "Title")
    if kind == "sos":  # an offering's name is often a URN: its description names it better
        # (and stays its description)
        names = [n for n in _kids(layer, "name") if " " in _text(n)]
        titles = names or [a for a in abstracts if 0 < len(_text(a)) <= 200]
    layer_lang = texts.lang([*titles, *abstracts])
    if titles:
        texts.add(out, dataset, DCT + "title", titles, layer_lang)
    else:
        out.add(dataset, DCT + "title", text(name, layer_lang))
    texts.add(out, dataset, DCT + "description", abstracts, layer_lang)
    texts.add(out, dataset, DCAT + "keyword", _keywords(layer), layer_lang)
    out.add(dataset, DCT + "identifier", text(name))
    start, end = _period(layer) if kind == "sos" else _time_extent(layer)
    if start is not None or end is not None:
        period = ox.BlankNode()
        out.add(dataset, DCT + "temporal", period)
        out.add(period, A, ox.NamedNode(DCT + "PeriodOfTime"))
        out.add(period, DCAT + "startDate", start)
        out.add(period, DCAT + "endDate", end)
    if bbox:
        location = ox.BlankNode()
        out.add(dataset, DCT + "spatial", location)
        out.add(location, A, ox.NamedNode(DCT + "Location"))
        out.add(location, DCAT + "bbox", ox.Literal(bbox, datatype=WKT))
    dist = ox.BlankNode()
    out.add(dataset, DCAT + "distribution", dist)
    out.add(dist, A, ox.NamedNode(DCAT + "Distribution"))
    out.add(dist, DCAT + "accessURL", ox.NamedNode(endpoint))
    out.add(dist, DCAT + "accessService", service)
    out.add(dist, DCT + "conformsTo", ox.NamedNode(STANDARDS[kind]))
    out.add(dataset, DCT + "publisher", publisher)
    out.add(dataset, DCAT + "contactPoint", contact)
    _rights(out, dataset, constraints, lang)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The data service and the datasets it serves, from OGC capabilities."""
    if not data.strip():
        raise InputError("empty record")
    try:
        root = parse_xml(data, name="capabilities")
    except (LookupError, ValueError) as exc:  # unknown or inconsistent encoding declaration
        raise InputError(f"capabilities: unreadable XML: {exc}") from exc
    kind = _root_kind(root.tag, "")
    if kind is None:
        raise InputError(
            f"<{_local(root)}> is not WMS, WFS, WCS, WMTS, SOS, WPS or CSW capabilities"
        )
    ident = _kid(root, "Service") if kind == "wms" else _kid(root, "ServiceIdentification")
    if ident is None:
        raise InputError(f"{kind.upper()} capabilities have no service identification")
    endpoint = _endpoint(root, kind)
    service = ox.NamedNode(resource_iri("service", endpoint, base_iri))
    texts = _Texts(_declared_language(root))
    lang = texts.lang([*_kids(ident, "Title"), *_kids(ident, "Abstract")])
    if lang is None:  # all the document's titles, abstracts and keywords together
        words = ("Title", "Abstract", "Keyword", "description")
        everything = [e for e in root.iter() if _local(e) in words]
        lang = texts.lang(everything)
    texts.fallback = lang
    out = Triples()
    out.add(service, A, ox.NamedNode(DCAT + "DataService"))
    if any(_text(t) for t in _kids(ident, "Title")):
        texts.add(out, service, DCT + "title", _kids(ident, "Title"), lang)
    else:  # an untitled service is named by what it is (the datasets it serves stay readable)
        out.add(service, DCT + "title", text(f"Service {kind.upper()} : {endpoint}", "fr"))
        out.add(service, DCT + "title", text(f"{kind.upper()} service: {endpoint}", "en"))
    texts.add(out, service, DCT + "description", _kids(ident, "Abstract"), lang)
    texts.add(out, service, DCAT + "keyword", _keywords(ident), lang)
    out.add(service, DCAT + "endpointURL", ox.NamedNode(endpoint))
    version = root.get("version", "")
    request = f"SERVICE={kind.upper()}&REQUEST=GetCapabilities" + (
        f"&VERSION={version}" if re.match(r"^[0-9.]+$", version) else ""
    )
    out.add(service, DCAT + "endpointDescription", ox.NamedNode(f"{endpoint}?{request}"))
    out.add(service, DCT + "conformsTo", ox.NamedNode(STANDARDS[kind]))
    constraints = [_text(e) for e in _kids(ident, "AccessConstraints")]
    fees = [_text(e) for e in _kids(ident, "Fees")]
    _rights(out, service, constraints + [f for f in fees if f.lower() not in _NONE], lang)
    publisher, contact = _parties(out, root, kind)
    out.add(service, DCT + "publisher", publisher)
    out.add(service, DCAT + "contactPoint", contact)
    for name, layer, bbox in _layers(root, kind):
        if name:
            shared = (publisher, contact, constraints, lang)
            _layer_dataset(
                out, texts, service, kind, endpoint, (name, layer, bbox), shared, base_iri
            )
    return list(dict.fromkeys(out))
