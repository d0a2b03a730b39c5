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
from ..namespaces import DCAT, DCT, FOAF, GEODCAT, INSPIRE, LOCN, PROV, RDFS, VCARD
from .iso_common import (
    Triples,
    code_iri,
    code_of,
    descendants,
    either,
    find,
    first,
    href_of,
    http_iri,
    local,
    plain,
    text_of,
)
from .licences import canonical_url, find_licence, is_licence_url

__all__ = [
    "Texts",
    "Party",
    "agent_parties",
    "add_agent",
    "foaf_agent",
    "vcard",
    "Constraints",
    "constraints",
    "add_online",
    "known_licence",
    "add_formats",
    "ogc_protocol",
    "tel_iri",
    "service_label",
    "add_service",
    "transfer_bytes",
]


#: CI_RoleCode -> GeoDCAT-AP property of the resource (beside the qualified attribution)
ROLE_PROPERTIES = {
    "owner": DCT.rightsHolder,
    "publisher": DCT.publisher,
    "author": DCT.creator,
    "originator": GEODCAT.originator,
    "custodian": GEODCAT.custodian,
    "distributor": GEODCAT.distributor,
    "principalInvestigator": GEODCAT.principalInvestigator,
    "processor": GEODCAT.processor,
    "resourceProvider": GEODCAT.resourceProvider,
    "user": GEODCAT.user,
}

#: CI_Address element -> (vcard property, locn property)
_ADDRESS = {
    "deliveryPoint": ("street-address", "thoroughfare"),
    "city": ("locality", "postName"),
    "administrativeArea": ("region", "adminUnitL2"),
    "postalCode": ("postal-code", "postCode"),
    "country": ("country-name", "adminUnitL1"),
}

#: protocol keys -> OGC standard IRIs
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
class Party:
    """A responsible party: role, organisation and/or person name, e-mail, web page."""

    role: str
    organisation: list[tuple[str, str | None]]
    individual: list[tuple[str, str | None]]
    email: str
    url: str
    address: dict[str, str] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)

    @property
    def named(self) -> bool:
        """Whether the party has a name (an agent needs one; an e-mail alone is a contact)."""
        return bool(self.organisation or self.individual)


def agent_parties(parent: Element | None, texts: Texts, *steps: str) -> list[Party]:
    """The parties under ``parent`` at ``steps`` (CI_ResponsibleParty or CI_Responsibility)."""
    parties = []
    for el in find(parent, *steps):
        for party in (
            c for c in el if local(c.tag) in ("CI_ResponsibleParty", "CI_Responsibility")
        ):
            org = either(
                first(party, "organisationName"), first(party, "party", "CI_Organisation", "name")
            )
            person = either(
                first(party, "individualName"),
                first(party, "party", "CI_Individual", "name"),
                first(party, "party", "CI_Organisation", "individual", "CI_Individual", "name"),
            )
            email = next((text_of(e) for e in descendants(party, "electronicMailAddress")), "")
            url = next(
                (text_of(first(r, "linkage")) for r in descendants(party, "CI_OnlineResource")), ""
            )
            contact = either(
                first(party, "contactInfo", "CI_Contact"),
                first(party, "party", "CI_Organisation|CI_Individual", "contactInfo", "CI_Contact"),
            )
            address = first(contact, "address", "CI_Address")
            lines = {k: texts.one(first(address, k)) for k in _ADDRESS}
            individual = texts.of(person)
            if not individual:  # the Swiss profile splits it: individualFirstName / LastName
                parts = [
                    texts.one(first(party, n))
                    for n in ("individualFirstName", "individualLastName")
                ]
                full = " ".join(p for p in parts if p)
                individual = [(full, None)] if full else []
            if not individual and not texts.of(org):
                # a position alone ("Data manager") names the contact
                individual = texts.of(
                    either(
                        first(party, "positionName"),
                        first(party, "party", "CI_Individual", "positionName"),
                    )
                )
            parties.append(
                Party(
                    code_of(first(party, "role")),
                    texts.of(org),
                    individual,
                    email.strip(),
                    url,
                    {k: v for k, v in lines.items() if v},
                    _phones(party),
                )
            )
    # an empty CI_ResponsibleParty (no name, no e-mail) says nothing: skipped
    return [p for p in parties if p.named or p.email]


def _phones(party: Element) -> list[str]:
    """The voice numbers of a party (ISO 19139 ``voice``; ISO 19115-3 ``number`` whose
    ``numberType`` is voice or unsaid)."""
    found = [text_of(v) for v in descendants(party, "voice")]
    for phone in descendants(party, "CI_Telephone"):
        kind = code_of(first(phone, "numberType"))
        if kind in ("", "voice"):
            found.append(text_of(first(phone, "number")))
    return list(dict.fromkeys(p for p in found if p))


def tel_iri(phone: str) -> ox.NamedNode | None:
    """A ``tel:`` IRI of a phone number as written (RFC 3966: separators as ``-``, an
    extension as ``;ext=``), or None when it has fewer than four digits.

    >>> tel_iri("+33 (0)1 44 27 00 00").value, tel_iri("(301) 763-8142 x 103").value
    ('tel:+33-0-1-44-27-00-00', 'tel:301-763-8142;ext=103')
    """
    found = re.match(r"(?i)^(.*?\d)\s*(?:x|ext\.?)\s*(\d+)\s*$", phone.strip())
    main, ext = (found.group(1), found.group(2)) if found else (phone.strip(), "")
    number = re.sub(r"[^\d+]+", "-", main).strip("-").replace("+-", "+")
    number = re.sub(r"^\++", "+", number)  # "++49" is written for "+49"
    if sum(c.isdigit() for c in number) < 4 or "+" in number[1:]:
        return None
    return ox.NamedNode("tel:" + number + (f";ext={ext}" if ext else ""))


def _mailto(email: str) -> ox.NamedNode | None:
    return http_iri("mailto:" + email) if "@" in email else None


def foaf_agent(out: Triples, party: Party) -> ox.BlankNode:
    """A prov:Agent (foaf:Organization or foaf:Person) for ``party``."""
    kind = FOAF + ("Organization" if party.organisation else "Person")
    agent = out.node(PROV.Agent, kind)
    out.texts(agent, FOAF.name, party.organisation or party.individual)
    out.add(agent, FOAF.mbox, _mailto(party.email))
    out.add(agent, FOAF.homepage, http_iri(party.url) if party.url else None)
    for phone in party.phones:
        out.add(agent, FOAF.phone, tel_iri(phone))
    if party.address:
        address = out.node(LOCN.Address)
        out.add(agent, LOCN.address, address)
        for key, value in party.address.items():
            out.add(address, LOCN + _ADDRESS[key][1], ox.Literal(value))
    return agent


def vcard(out: Triples, party: Party) -> ox.BlankNode:
    """A vcard contact point for ``party``."""
    card = out.node(VCARD + ("Organization" if party.organisation else "Individual"))
    out.texts(card, VCARD.fn, party.organisation or party.individual)
    if party.organisation and party.individual:
        out.texts(card, VCARD["organization-name"], party.organisation)
    out.add(card, VCARD.hasEmail, _mailto(party.email))
    out.add(card, VCARD.hasURL, http_iri(party.url) if party.url else None)
    for phone in party.phones:
        out.add(card, VCARD.hasTelephone, tel_iri(phone))
    if party.address:
        address = out.node(VCARD.Address)
        out.add(card, VCARD.hasAddress, address)
        for key, value in party.address.items():
            out.add(address, VCARD + _ADDRESS[key][0], ox.Literal(value))
    return card


def add_agent(out: Triples, subject, party: Party) -> None:
    """Attach ``party`` to ``subject`` by its role, the GeoDCAT-AP way; a party without a
    name (an e-mail alone) can only be a contact point: an agent needs a name."""
    if party.role == "pointOfContact" or not party.named:
        out.add(subject, DCAT.contactPoint, vcard(out, party))
    elif party.role in ROLE_PROPERTIES:
        out.add(subject, ROLE_PROPERTIES[party.role], foaf_agent(out, party))
    if party.role == "originator" and party.named:
        out.add(subject, DCT.creator, foaf_agent(out, party))
    role = code_iri(INSPIRE["ResponsiblePartyRole/"], party.role)
    if role is not None and party.named:
        out.node(DCAT.Role, subject=role)
        attribution = out.node(PROV.Attribution)
        out.add(subject, PROV.qualifiedAttribution, attribution)
        out.add(attribution, DCAT.hadRole, role)
        out.add(attribution, PROV.agent, foaf_agent(out, party))


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
