"""Distributions of one ISO 19139 / ISO 19115-3 record: its online resources, their formats
and transfer sizes, and the services (operated or coupled) that give access to the resource.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pyoxigraph as ox
from rdflib import Namespace

from ..iri import resource_iri
from ..namespaces import ADMS, DCAT, DCT, FOAF, GEODCAT, INSPIRE
from .iso_common import (
    XLINK_HREF,
    Triples,
    code_of,
    descendants,
    find,
    first,
    http_iri,
    identification,
    local,
    text_of,
)
from .iso_parts import (
    Texts,
    add_formats,
    add_online,
    add_service,
    ogc_protocol,
    service_label,
    transfer_bytes,
)

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:DatasetSeries``)

#: W3C Representing Content in RDF (the character encoding of a record or a file)
CNT = Namespace("http://www.w3.org/2011/content#")

CHARSETS = {
    "utf8": "UTF-8",
    "utf16": "UTF-16",
    "8859part1": "ISO-8859-1",
    "8859part15": "ISO-8859-15",
}

__all__ = ["CNT", "CHARSETS", "add_distributions", "add_service_of", "add_coupled_services"]


def _online_resources(md) -> list[tuple[Element, list[Element], str]]:
    """(CI_OnlineResource, formats, transfer size in MB) of the distribution section; a
    transfer size written in transfer options of its own (without online resource) is that
    of the resources of its distribution that give none."""
    found = []

    def options(parent, step: str, formats: list[Element]) -> None:
        blocks = find(parent, step, "MD_DigitalTransferOptions")
        shared = next(
            (
                text_of(first(b, "transferSize"))
                for b in blocks
                if not find(b, "onLine") and text_of(first(b, "transferSize"))
            ),
            "",
        )
        for block in blocks:
            size = text_of(first(block, "transferSize")) or shared
            for res in find(block, "onLine", "CI_OnlineResource"):
                found.append((res, formats, size))

    for dist in find(md, "distributionInfo", "MD_Distribution"):
        formats = find(dist, "distributionFormat", "MD_Format")
        options(dist, "transferOptions", formats)
        for distributor in find(dist, "distributor", "MD_Distributor"):
            own = find(distributor, "distributorFormat", "MD_Format") or formats
            options(distributor, "distributorTransferOptions", own)
        for fmt in formats:  # a format's own distributors (MD_Format/formatDistributor)
            for distributor in find(fmt, "formatDistributor", "MD_Distributor"):
                options(distributor, "distributorTransferOptions", [fmt])
    return found


def add_distributions(out, subject, md, texts, rights, representation, base_iri) -> int:
    """Add a distribution per online resource (landing pages aside); their number."""
    count = 0
    ident = identification(md)
    charset_code = code_of(first(ident, "characterSet"))
    charset = CHARSETS.get(charset_code, charset_code)
    pages: list[ox.NamedNode] = []
    for resource, formats, size in _online_resources(md):
        protocol = text_of(first(resource, "protocol")).upper()
        page = http_iri(text_of(first(resource, "linkage")))
        function = code_of(first(resource, "function"))
        if (
            page is not None
            and (
                function in ("information", "search", "browsing") or protocol.startswith("WWW:LINK")
            )
            and "DOWNLOAD" not in protocol  # WWW:LINK-1.0-http--downloaddata is a file
            and function != "download"
        ):
            out.add(subject, DCAT.landingPage, out.node(FOAF.Document, subject=page))
            out.texts(page, DCT["title"], texts.of(first(resource, "name")))
            out.texts(page, DCT.description, texts.of(first(resource, "description")))
            pages.append(page)
            continue
        dist = add_online(
            out, resource, texts, target=subject, formats=formats, base_iri=base_iri, size=size
        )
        if dist is None:
            continue
        count += 1
        _describe_distribution(out, dist, rights, charset, representation)
    formats = find(md, "distributionInfo", "MD_Distribution", "distributionFormat", "MD_Format")
    sizes = [
        text_of(e) for e in descendants(first(md, "distributionInfo"), "transferSize") if text_of(e)
    ]
    if not count and pages and (formats or sizes):
        # formats and sizes but no online resource beside landing pages: the distribution
        # they describe is reached through the first landing page (DCAT's accessURL may be one)
        dist = out.node(DCAT.Distribution)
        out.add(subject, DCAT.distribution, dist)
        out.add(dist, DCAT.accessURL, pages[0])
        out.add(dist, DCAT.byteSize, transfer_bytes(sizes[0]) if sizes else None)
        add_formats(out, dist, formats)
        _describe_distribution(out, dist, rights, charset, representation)
        count += 1
    return count


def _describe_distribution(out, dist, rights, charset: str, representation) -> None:
    """What every distribution of the record says: licences, rights, encoding, representation."""
    for lic in rights.licenses:
        out.add(dist, DCT.license, lic)
    for right in rights.access_rights:
        out.add(dist, DCT.accessRights, right)
    out.add(dist, CNT.characterEncoding, ox.Literal(charset) if charset else None)
    for code in representation:
        if code.isalnum():
            out.add(
                dist,
                ADMS.representationTechnique,
                ox.NamedNode(INSPIRE["SpatialRepresentationType/"] + code),
            )


def add_service_of(out, subject, md, ident, rights, base_iri) -> None:
    service_type = text_of(first(ident, "serviceType"))
    if service_type.lower() in (
        "view",
        "download",
        "discovery",
        "transformation",
        "invoke",
        "other",
    ):
        out.add(
            subject,
            GEODCAT.serviceType,
            ox.NamedNode(INSPIRE["SpatialDataServiceType/"] + service_type.lower()),
        )
    for lic in rights.licenses:
        out.add(subject, DCT.license, lic)
    for right in rights.access_rights:
        out.add(subject, DCT.accessRights, right)
    resources = [r for r, _f, _s in _online_resources(md)] + find(
        ident, "containsOperations", "SV_OperationMetadata", "connectPoint", "CI_OnlineResource"
    )
    for resource in resources:
        url = http_iri(text_of(first(resource, "linkage")))
        if url is None:
            continue
        standard = ogc_protocol(resource)
        if standard is not None:
            out.add(
                subject,
                GEODCAT.serviceProtocol,
                out.node(DCT.Standard, subject=ox.NamedNode(standard)),
            )
        endpoint = http_iri(url.value.split("?")[0]) or url
        if "getcapabilities" in url.value.lower() or url.value.rstrip("?") != endpoint.value:
            out.add(subject, DCAT.endpointDescription, url)  # a request on the endpoint
        out.add(subject, DCAT.endpointURL, endpoint)
    for operates in find(ident, "operatesOn"):
        href = operates.get(XLINK_HREF, "")
        uuid = operates.get("uuidref", "")
        target = http_iri(href) if href and "#" not in href and "GetRecord" not in href else None
        if target is None and uuid:
            target = ox.NamedNode(resource_iri("dataset", uuid, base_iri))
        out.add(subject, DCAT.servesDataset, target)


def add_coupled_services(out: Triples, subject, md, ident, texts: Texts, base_iri: str) -> int:
    """The service sections of a dataset record (ncISO and ERDDAP write one
    SV_ServiceIdentification per access service beside the data identification): each connect
    point a ``dcat:DataService`` serving the dataset, and a distribution reaching it (titled
    and described by the connect point's name and description); their number."""
    count = 0
    for info in find(md, "identificationInfo"):
        for section in info:
            if section is ident or not local(section.tag).endswith("ServiceIdentification"):
                continue
            names = texts.of(first(section, "citation", "CI_Citation", "title"))
            kind = text_of(first(section, "serviceType"))
            for resource in find(
                section,
                "containsOperations",
                "SV_OperationMetadata",
                "connectPoint",
                "CI_OnlineResource",
            ):
                url = http_iri(text_of(first(resource, "linkage")))
                if url is None:
                    continue
                label = service_label(resource) or kind or "data"
                service = add_service(
                    out,
                    url,
                    label=label,
                    names=names,
                    target=subject,
                    base_iri=base_iri,
                )
                out.texts(service, DCT.description, texts.of(first(section, "abstract")))
                dist = out.node(DCAT.Distribution)
                out.add(subject, DCAT.distribution, dist)
                out.texts(dist, DCT["title"], texts.of(first(resource, "name")) or names)
                out.texts(dist, DCT.description, texts.of(first(resource, "description")))
                out.add(dist, DCAT.accessURL, url)
                out.add(dist, DCAT.accessService, service)
                count += 1
    return count
