"""The ``dcat:DataService`` of OGC capabilities: endpoint, texts, rights, publisher and
contact point (which the datasets it serves share)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...errors import InputError
from ...namespaces import DCAT, DCT, FOAF, RDFS, VCARD
from ..build import ACCESS_RIGHTS, A, Triples, is_url, licence_iri, text
from ..iso_agents import tel_iri
from .reading import STANDARDS, Texts, content, descendants, href, keywords, kid, kids

__all__ = ["Service", "endpoint_url", "add_rights", "add_service"]

#: access constraints and fees that restrict nothing
_NONE = {"", "none", "aucun", "aucune", "no", "unrestricted", "nocondition", "nan"}


@dataclass
class Service:
    """The service being described, and what the datasets it serves share with it."""

    node: ox.NamedNode
    kind: str
    endpoint: str
    texts: Texts
    lang: str | None
    publisher: ox.BlankNode | None = None
    contact: ox.BlankNode | None = None
    #: the texts of its access constraints
    constraints: list[str] = field(default_factory=list)


def endpoint_url(root: Element, kind: str) -> str:
    """The GetCapabilities (else GetMap, else Service) online resource without its trailing
    ``?``; :class:`InputError` when the capabilities give no http(s) URL."""
    if kind == "wms":
        request = kid(root, "Capability", "Request")
        operations = [kid(request, op) for op in ("GetCapabilities", "GetMap")]
        found = [r for op in operations for r in descendants(op, "OnlineResource")]
        candidates = [href(r) for r in found] + [href(kid(root, "Service", "OnlineResource"))]
    else:
        operations = list(descendants(root, "Operation"))
        ops = [o for o in operations if o.get("name") == "GetCapabilities"]
        others = [o for o in operations if o.get("name") != "GetCapabilities"]
        candidates = [href(g) for o in ops + others for g in descendants(o, "Get")]
        candidates += [href(g) for o in others for g in descendants(o, "Post")]
        # a RESTful WMTS names its capabilities document instead
        candidates += [href(m) for m in kids(root, "ServiceMetadataURL")]
    for url in candidates:
        url = url.rstrip("?&")
        if is_url(url):
            return url
    raise InputError(f"{kind.upper()} capabilities give no http(s) endpoint URL")


def add_rights(out: Triples, subject, constraints: list[str], lang) -> None:
    """Access constraints (and fees): "none" is public access, a licence URL or name a
    licence, any other text a rights statement."""
    for value in constraints:
        if value.strip().lower().replace(" ", "") in _NONE:
            out.add(subject, DCT.accessRights, ox.NamedNode(ACCESS_RIGHTS["public"]))
        elif licence_iri(value, field=False) is not None:
            out.add(subject, DCT.license, licence_iri(value, field=False))
        else:
            statement = ox.BlankNode()
            out.add(subject, DCT.accessRights, statement)
            out.add(statement, A, ox.NamedNode(DCT.RightsStatement))
            out.add(statement, RDFS.label, text(value, lang))


def _contact_info(root: Element, kind: str) -> tuple[str, str, str, str, str]:
    """(organisation, person, e-mail, web site, telephone) of the service's provider."""
    if kind == "wms":
        info = kid(root, "Service", "ContactInformation")
        primary = kid(info, "ContactPersonPrimary")
        org = content(kid(primary, "ContactOrganization"))
        person = content(kid(primary, "ContactPerson"))
        email = content(kid(info, "ContactElectronicMailAddress"))
        return org, person, email, "", content(kid(info, "ContactVoiceTelephone"))
    provider = kid(root, "ServiceProvider")
    org, site = content(kid(provider, "ProviderName")), href(kid(provider, "ProviderSite"))
    person = content(kid(provider, "ServiceContact", "IndividualName"))
    email = content(next(descendants(provider, "ElectronicMailAddress"), None))
    phone = content(next(descendants(provider, "Voice"), None))
    return org, person, email, site, phone


def _parties(out: Triples, root: Element, kind: str):
    """(publisher, contact point) of the service, either possibly None."""
    org, person, email, site, phone = _contact_info(root, kind)
    publisher = contact = None
    if org:
        publisher = ox.BlankNode()
        out.add(publisher, A, ox.NamedNode(FOAF.Organization))
        out.add(publisher, A, ox.NamedNode(FOAF.Agent))
        out.add(publisher, FOAF.name, text(org))
        out.add(publisher, FOAF.homepage, ox.NamedNode(site) if is_url(site) else None)
    if org or person or email:
        contact = ox.BlankNode()
        out.add(contact, A, ox.NamedNode(VCARD.Organization if org else VCARD.Kind))
        out.add(contact, VCARD.fn, text(org or person or email))
        if person and org:
            out.add(contact, VCARD["organization-unit"], text(person))
        if re.match(r"^[^@\s]+@[^@\s]+$", email):
            out.add(contact, VCARD.hasEmail, ox.NamedNode("mailto:" + email))
        out.add(contact, VCARD.hasTelephone, tel_iri(phone) if phone else None)
    return publisher, contact


def _add_texts(out: Triples, service: Service, ident: Element) -> None:
    """Titles (an untitled service is named by what it is, so that the datasets it serves
    stay readable), descriptions and keywords."""
    node, kind, lang = service.node, service.kind, service.lang
    if any(content(t) for t in kids(ident, "Title")):
        service.texts.add(out, node, DCT.title, kids(ident, "Title"), lang)
    else:
        out.add(node, DCT.title, text(f"Service {kind.upper()} : {service.endpoint}", "fr"))
        out.add(node, DCT.title, text(f"{kind.upper()} service: {service.endpoint}", "en"))
    service.texts.add(out, node, DCT.description, kids(ident, "Abstract"), lang)
    service.texts.add(out, node, DCAT.keyword, keywords(ident), lang)


def _add_endpoint(out: Triples, service: Service, version: str) -> None:
    """The endpoint URL, the GetCapabilities request (of ``version`` when it is a number) as
    endpoint description, and the standard."""
    kind, endpoint = service.kind, service.endpoint
    out.add(service.node, DCAT.endpointURL, ox.NamedNode(endpoint))
    request = f"SERVICE={kind.upper()}&REQUEST=GetCapabilities" + (
        f"&VERSION={version}" if re.match(r"^[0-9.]+$", version) else ""
    )
    out.add(service.node, DCAT.endpointDescription, ox.NamedNode(f"{endpoint}?{request}"))
    out.add(service.node, DCT.conformsTo, ox.NamedNode(STANDARDS[kind]))


def add_service(out: Triples, service: Service, root: Element, ident: Element) -> None:
    """The service's triples; sets its publisher, contact and constraints."""
    out.add(service.node, A, ox.NamedNode(DCAT.DataService))
    _add_texts(out, service, ident)
    _add_endpoint(out, service, root.get("version", ""))
    service.constraints = [content(e) for e in kids(ident, "AccessConstraints")]
    fees = [content(e) for e in kids(ident, "Fees")]
    rights = service.constraints + [f for f in fees if f.lower() not in _NONE]
    add_rights(out, service.node, rights, service.lang)
    service.publisher, service.contact = _parties(out, root, service.kind)
    out.add(service.node, DCT.publisher, service.publisher)
    out.add(service.node, DCAT.contactPoint, service.contact)
