"""Pieces of an ISO record mapped to GeoDCAT-AP: texts, agents, constraints, online resources.

Follows SEMIC's ISO 19139 → GeoDCAT-AP conventions (``iso-19139-to-dcat-ap.xsl``) where they
fit DCAT-AP 3: agents with ``prov:qualifiedAttribution`` and ``dcat:hadRole``, INSPIRE code-list
IRIs, OGC service endpoints as ``dcat:accessService``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..iri import resource_iri
from ..namespaces import DCAT, DCT, GEODCAT, RDFS
from .iso_common import (
    Triples,
    code_of,
    descendants,
    either,
    find,
    first,
    href_of,
    http_iri,
    plain,
    text_of,
)
from .licences import canonical_url, find_licence, is_licence_url

__all__ = [
    "Texts",
    "Constraints",
    "constraints",
    "add_online",
    "known_licence",
    "add_formats",
    "ogc_protocol",
    "service_label",
    "add_service",
    "transfer_bytes",
]


_OGC = {
    key: f"http://www.opengeospatial.org/standards/{key}"
    for key in ("wms", "wfs", "wcs", "wmts", "csw", "sos", "wps")
}


FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
#: common format names -> EU file-type codes
_FILE_TYPES = {
    "netcdf": "NETCDF",
    "csv": "CSV",
    "json": "JSON",
    "geojson": "GEOJSON",
    "xml": "XML",
    "zip": "ZIP",
    "pdf": "PDF",
    "shapefile": "SHP",
    "esri shapefile": "SHP",
    "shp": "SHP",
    "geotiff": "TIFF",
    "tiff": "TIFF",
    "gml": "GML",
    "kml": "KML",
    "html": "HTML",
    "hdf": "HDF",
    "hdf5": "HDF",
    "grib": "GRIB",
    "grib2": "GRIB",
}


@dataclass
class Texts:
    """Language handling of one record: default language and the locales of PT_FreeText."""

    default: str | None = None
    locales: dict[str, str | None] = field(default_factory=dict)

    def of(self, el: Element | None) -> list[tuple[str, str | None]]:
        """Every (text, language) of a free-text property, default text first, no duplicates."""
        if el is None:
            return []
        found: list[tuple[str, str | None]] = []
        value = plain(text_of(el))
        if value:
            found.append((value, self.default))
        for lcs in descendants(el, "LocalisedCharacterString"):
            text = plain(lcs.text or "")
            lang = self.locales.get(lcs.get("locale", "").lstrip("#"), self.default)
            if text and (text, lang) not in found:
                found.append((text, lang))
        return found

    def one(self, el: Element | None) -> str:
        """The default text of a property."""
        return plain(text_of(el)) if el is not None else ""


@dataclass
class Constraints:
    """Licences, access rights and rights statements, as terms ready to attach."""

    licenses: list = field(default_factory=list)
    access_rights: list = field(default_factory=list)
    rights: list = field(default_factory=list)


def known_licence(text: str) -> ox.NamedNode | None:
    """The canonical IRI of a licence named or linked in free text (CC, Etalab, ODbL…), or None
    (:func:`~.licences.find_licence`, the one normaliser).

    >>> known_licence("Licence: CC-BY 4.0").value
    'https://creativecommons.org/licenses/by/4.0/'
    """
    return find_licence(text)


def _licence_url(url: ox.NamedNode | None) -> ox.NamedNode | None:
    """A licence link in its canonical form (other links as they are)."""
    if url is None or not is_licence_url(url.value):
        return url
    return ox.NamedNode(canonical_url(url.value))


def _statement(out: Triples, el: Element, kind: str, texts: Texts):
    values = texts.of(el)
    iri = http_iri(href_of(el))
    if kind == "LicenseDocument":
        iri = _licence_url(iri)
    if iri is None and kind == "LicenseDocument":
        iri = next((x for x in (known_licence(v) for v, _lang in values) if x is not None), None)
        if iri is not None:
            out.texts(iri, RDFS.label, values)
    if iri is not None:
        out.node(DCT + kind, subject=iri)
        return iri
    if not values:
        return None
    node = out.node(DCT + kind)
    out.texts(node, RDFS.label, values)
    return node


def constraints(out: Triples, ident: Element | None, texts: Texts) -> Constraints:
    """The constraints of an identification section (MD_LegalConstraints, MD_Constraints)."""
    found = Constraints()
    for block in find(
        ident, "resourceConstraints", "MD_LegalConstraints|MD_Constraints|MD_SecurityConstraints"
    ):
        access = any(code_of(e) for e in find(block, "accessConstraints"))
        use = any(code_of(e) for e in find(block, "useConstraints"))
        for other in find(block, "otherConstraints"):
            href = href_of(other)
            if "LimitationsOnPublicAccess" in href or (access and "ConditionsApplying" not in href):
                found.access_rights.append(_statement(out, other, "RightsStatement", texts))
            limitation = "LimitationsOnPublicAccess" in href
            if "ConditionsApplying" in href or (not limitation and (use or not access)):
                found.licenses.append(_statement(out, other, "LicenseDocument", texts))
        for limitation in find(block, "useLimitation"):
            found.rights.append(_statement(out, limitation, "RightsStatement", texts))
        for ref in find(block, "reference", "CI_Citation"):
            url = _licence_url(
                http_iri(
                    href_of(first(ref, "title"))
                    or text_of(first(ref, "onlineResource", "CI_OnlineResource", "linkage"))
                )
            )
            if url is not None:
                found.licenses.append(out.node(DCT.LicenseDocument, subject=url))
    found.licenses = [x for x in found.licenses if x is not None]
    found.access_rights = [x for x in found.access_rights if x is not None]
    found.rights = [x for x in found.rights if x is not None]
    return found


def ogc_protocol(resource: Element) -> str | None:
    """The OGC standard IRI named by an online resource's protocol, or None."""
    protocol = first(resource, "protocol")
    words = (href_of(protocol) + " " + text_of(protocol)).lower()
    for key, iri in _OGC.items():
        if f"/ogc/{key}" in words or f"ogc:{key}" in words or f" {key} " in f" {words} ":
            return iri
    if "web map service" in words:
        return _OGC["wms"]
    if "web feature service" in words:
        return _OGC["wfs"]
    return None


def add_formats(out: Triples, dist, formats: list[Element]) -> None:
    """dcat:mediaType for IANA format IRIs, dct:format for the others."""
    for fmt in formats:
        name = either(
            first(fmt, "name"), first(fmt, "formatSpecificationCitation", "CI_Citation", "title")
        )
        iri = http_iri(href_of(name))
        if iri is not None and "iana.org/assignments/media-types" in iri.value:
            out.add(dist, DCAT.mediaType, out.node(DCT.MediaType, subject=iri))
        elif iri is not None:
            out.add(dist, DCT["format"], out.node(DCT.MediaType, subject=iri))
        elif plain(text_of(name)).lower() in _FILE_TYPES:
            iri = ox.NamedNode(FILE_TYPE + _FILE_TYPES[plain(text_of(name)).lower()])
            out.add(dist, DCT["format"], out.node(DCT.MediaType, subject=iri))
            out.add(iri, RDFS.label, ox.Literal(plain(text_of(name))))  # as written
        elif text_of(name):
            node = out.node(DCT.MediaType)
            out.add(dist, DCT["format"], node)
            out.add(node, RDFS.label, ox.Literal(plain(text_of(name))))


#: (pattern over protocol words and URL, label) of services that are not OGC ones
_SERVICES = [
    (re.compile(r"opendap|\bdap\b|/dodsc/"), "OPeNDAP"),
    (re.compile(r"erddap|/griddap/|/tabledap/"), "ERDDAP"),
    (re.compile(r"ncwms"), "WMS"),
    (re.compile(r"thredds"), "THREDDS"),
    (re.compile(r"esri|/arcgis/rest/services"), "ArcGIS REST"),
    (re.compile(r"ogc api"), "OGC API"),
    (re.compile(r"ncss"), "NetCDF Subset Service"),
]


def service_label(resource: Element) -> str | None:
    """The kind of service an online resource is the endpoint of (``WMS``, ``OPeNDAP``…),
    or None for a plain link or file."""
    protocol = first(resource, "protocol")
    words = (href_of(protocol) + " " + text_of(protocol)).lower()
    standard = ogc_protocol(resource)
    if standard is not None:
        return standard.rsplit("/", 1)[-1].upper()
    if words.strip().startswith("www:"):
        return None  # a web link or a file, whatever its URL looks like
    url = text_of(first(resource, "linkage")).lower()
    return next((label for pattern, label in _SERVICES if pattern.search(f"{words} {url}")), None)


def add_service(
    out: Triples, url: ox.NamedNode, *, label: str, names, target, base_iri: str
) -> ox.NamedNode:
    """A ``dcat:DataService`` (its own record) for a service endpoint of ``target``: IRI minted
    from the endpoint and ``target`` (one record's description of its access, never shared),
    title from the online resource's name, else the kind of service."""
    endpoint = http_iri(url.value.split("?")[0]) or url
    service = ox.NamedNode(resource_iri("service", f"{endpoint.value} {target.value}", base_iri))
    out.node(DCAT.DataService, subject=service)
    out.texts(
        service,
        DCT["title"],
        names
        or [
            (f"Service {label} : {endpoint.value}", "fr"),
            (f"{label} service: {endpoint.value}", "en"),
        ],
    )
    out.add(service, DCAT.endpointURL, endpoint)
    if "getcapabilities" in url.value.lower() or url != endpoint:
        out.add(service, DCAT.endpointDescription, url)
    out.add(service, DCAT.servesDataset, target)
    standard = _OGC.get(label.lower())
    if standard is not None:
        out.add(
            service,
            GEODCAT.serviceProtocol,
            out.node(DCT.Standard, subject=ox.NamedNode(standard)),
        )
        out.add(service, DCT.conformsTo, ox.NamedNode(standard))
    return service


def transfer_bytes(megabytes: str) -> ox.Literal | None:
    """``dcat:byteSize`` of an ISO ``transferSize`` (megabytes, 10^6 bytes), in whole bytes.

    >>> transfer_bytes("1.5").value, transfer_bytes("x")
    ('1500000', None)
    """
    try:
        size = Decimal(megabytes.strip())
    except (InvalidOperation, AttributeError):
        return None
    if not size.is_finite() or size < 0:
        return None
    return ox.Literal(
        str(int((size * 1_000_000).to_integral_value())),
        datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"),
    )


def add_online(
    out: Triples,
    resource: Element,
    texts: Texts,
    *,
    target,
    formats: list[Element],
    base_iri: str | None = None,
    size: str = "",
) -> ox.BlankNode | None:
    """A dcat:Distribution of ``target`` for an online resource (with its access service, a
    ``dcat:DataService`` of its own, when the protocol is a service's: OGC, OPeNDAP…); None
    when its linkage is not a URL."""
    linkage = first(resource, "linkage")
    url = http_iri(text_of(linkage))
    if url is None:
        return None
    function = code_of(first(resource, "function"))
    names = texts.of(first(resource, "name"))
    dist = out.node(DCAT.Distribution)
    out.add(target, DCAT.distribution, dist)
    out.texts(dist, DCT["title"], names)
    out.texts(dist, DCT.description, texts.of(first(resource, "description")))
    out.add(dist, DCAT.accessURL, url)
    out.add(dist, DCAT.byteSize, transfer_bytes(size) if size else None)
    protocol = text_of(first(resource, "protocol")).lower()
    label = service_label(resource)
    if label is not None and base_iri is not None:
        service = add_service(
            out,
            url,
            label=label,
            names=names or texts.of(first(resource, "description")),
            target=target,
            base_iri=base_iri,
        )
        out.add(dist, DCAT.accessService, service)
    elif function == "download" or "download" in protocol:
        out.add(dist, DCAT.downloadURL, url)
    add_formats(out, dist, formats)
    return dist
