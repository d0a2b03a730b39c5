"""OGC WMS (1.1.1, 1.3.0), WFS (1.1, 2.0) and WCS (1.1, 2.0) capabilities → DCAT-AP 3.

One ``dcat:DataService`` for the service (IRI minted from its endpoint URL) and one
``dcat:Dataset`` per named layer, feature type or coverage (IRI minted from the endpoint URL
and the layer name), linked by ``dcat:servesDataset``; each dataset has a distribution whose
``dcat:accessService`` is the service. Elements are matched by local name, so the several
versions and their namespaces (WMS, OWS 1.0 / 1.1 / 2.0) are read alike. Decisions:

- ``dcat:endpointURL`` is the GetCapabilities (else GetMap, else Service) online resource
  without its trailing ``?``; ``dcat:endpointDescription`` is the GetCapabilities request;
- texts carry their ``xml:lang``; capabilities without one (WMS has none) are tagged fr or en
  by :func:`~.build.guess_language` when clear, and a layer falls back on the service's language;
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
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "STANDARDS"]

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOTS = {"WMS_Capabilities": "wms", "WMT_MS_Capabilities": "wms", "WFS_Capabilities": "wfs"}
#: service kind -> the OGC service type IRI given as dct:conformsTo
STANDARDS = {k: f"http://www.opengis.net/def/serviceType/ogc/{k}" for k in ("wms", "wfs", "wcs")}
_NONE = {"", "none", "aucun", "aucune", "no", "unrestricted", "nocondition", "nan"}


def _root_kind(tag: str, head: str) -> str | None:
    name = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
    if name in _ROOTS:
        return _ROOTS[name]
    if name == "Capabilities" and "opengis.net/wcs" in head:
        return "wcs"
    return None


def sniff(data: bytes) -> bool:
    """The root element is WMS_Capabilities, WMT_MS_Capabilities, WFS_Capabilities or a
    WCS Capabilities."""
    head = data[:4096].decode("utf-8", "replace")
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


def _layers(root: Element, kind: str) -> list[tuple[str, Element, str | None]]:
    """(name, element, bbox) of each named layer, feature type or coverage."""
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
        candidates = [_href(g) for o in ops for g in _find(o, "Get")]
    for url in candidates:
        url = url.rstrip("?&")
        if is_url(url):
            return url
    raise InputError(f"{kind.upper()} capabilities give no http(s) endpoint URL")


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
    else:
        provider = _kid(root, "ServiceProvider")
        org, site = _text(_kid(provider, "ProviderName")), _href(_kid(provider, "ProviderSite"))
        person = _text(_kid(provider, "ServiceContact", "IndividualName"))
        mails = _find(provider, "ElectronicMailAddress") if provider is not None else []
        email = _text(mails[0]) if mails else ""
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
    return publisher, contact


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The data service and the datasets it serves, from OGC capabilities."""
    if not data.strip():
        raise InputError("empty record")
    try:
        root = parse_xml(data, name="capabilities")
    except (LookupError, ValueError) as exc:  # unknown or inconsistent encoding declaration
        raise InputError(f"capabilities: unreadable XML: {exc}") from exc
    kind = _root_kind(root.tag, data[:4096].decode("utf-8", "replace"))
    if kind is None:
        raise InputError(f"<{_local(root)}> is not WMS, WFS or WCS capabilities")
    ident = _kid(root, "Service") if kind == "wms" else _kid(root, "ServiceIdentification")
    if ident is None or not _kids(ident, "Title"):
        raise InputError(f"{kind.upper()} capabilities have no service title")
    endpoint = _endpoint(root, kind)
    service = ox.NamedNode(resource_iri("service", endpoint, base_iri))
    texts = _Texts(None)
    lang = texts.lang([*_kids(ident, "Title"), *_kids(ident, "Abstract")])
    texts.fallback = lang
    out = Triples()
    out.add(service, A, ox.NamedNode(DCAT + "DataService"))
    texts.add(out, service, DCT + "title", _kids(ident, "Title"), lang)
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
        if not name:
            continue
        dataset = ox.NamedNode(resource_iri("dataset", f"{endpoint}#{name}", base_iri))
        out.add(service, DCAT + "servesDataset", dataset)
        out.add(dataset, A, ox.NamedNode(DCAT + "Dataset"))
        titles = _kids(layer, "Title")
        layer_lang = texts.lang([*titles, *_kids(layer, "Abstract")])
        if titles:
            texts.add(out, dataset, DCT + "title", titles, layer_lang)
        else:
            out.add(dataset, DCT + "title", text(name, layer_lang))
        texts.add(out, dataset, DCT + "description", _kids(layer, "Abstract"), layer_lang)
        texts.add(out, dataset, DCAT + "keyword", _keywords(layer), layer_lang)
        out.add(dataset, DCT + "identifier", text(name))
        start, end = _time_extent(layer)
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
    return list(dict.fromkeys(out))
