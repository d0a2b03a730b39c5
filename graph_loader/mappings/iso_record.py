"""One ISO 19139 / ISO 19115-3 metadata record → GeoDCAT-AP triples (shared by both formats).

IRIs: a resource whose citation identifier is an HTTP(S) URI keeps it as its IRI (GeoDCAT-AP
convention); otherwise the IRI is minted by :func:`graph_loader.iri.resource_iri` from the
file identifier (or the first citation identifier). Periods, locations, agents, distributions
and the catalogue record are blank nodes (the loader skolemises them).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pyoxigraph as ox
from rdflib import Namespace

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import ADMS, DCAT, DCT, FOAF, GEODCAT, INSPIRE, OWL, PROV, SDO_HTTP, SKOS
from .iso_agents import add_agent, agent_parties, foaf_agent, vcard
from .iso_common import (
    Triples,
    code_iri,
    code_of,
    date_literal,
    doi_of,
    either,
    find,
    first,
    href_of,
    http_iri,
    identification,
    lang_iri,
    lang_tag,
    local,
    text_of,
    typed_literal,
)
from .iso_distributions import (
    CHARSETS,
    CNT,
    add_coupled_services,
    add_distributions,
    add_service_of,
)
from .iso_parts import Texts, constraints
from .iso_sections import (
    add_associations,
    add_extents,
    add_keywords,
    add_quality,
    add_reference_systems,
    add_resolution,
)

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:DatasetSeries``)
DCAT3 = Namespace(str(DCAT))

__all__ = ["convert_record"]

FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
#: MD_MaintenanceFrequencyCode -> EU frequency code
_FREQUENCIES = {
    "continual": "CONT",
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "fortnightly": "BIWEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "biannually": "ANNUAL_2",
    "annually": "ANNUAL",
    "asNeeded": "OTHER",
    "irregular": "IRREG",
    "notPlanned": "NEVER",
    "unknown": "UNKNOWN",
}
_DATE_PROPERTIES = {
    "creation": DCT.created,
    "publication": DCT.issued,
    "revision": DCT.modified,
}


def _language_code(el: Element | None) -> str:
    return code_of(first(el, "LanguageCode")) or text_of(el) if el is not None else ""


def _texts(md: Element) -> Texts:
    default = _language_code(first(md, "language")) or _language_code(
        first(md, "defaultLocale", "PT_Locale", "language")
    )
    texts = Texts(lang_tag(default) if default else None)
    for locale in (
        *find(md, "locale", "PT_Locale"),
        *find(md, "otherLocale|defaultLocale", "PT_Locale"),
    ):
        code = _language_code(first(locale, "languageCode")) or _language_code(
            first(locale, "language")
        )
        texts.locales[locale.get("id", "")] = lang_tag(code) if code else None
    return texts


def _identifiers(ident: Element | None) -> list[tuple[str, str, str]]:
    """(code, href, codeSpace) of each citation identifier."""
    found = []
    for id_el in find(
        ident, "citation", "CI_Citation", "identifier", "MD_Identifier|RS_Identifier"
    ):
        code = first(id_el, "code")
        value = text_of(code)
        if value or href_of(code):
            found.append((value, href_of(code), text_of(first(id_el, "codeSpace"))))
    return found


def _dois(ident) -> list[str]:
    return [d for v, h, sp in _identifiers(ident) if (d := doi_of(h, sp) or doi_of(v, sp))]


def _subject_iri(md, ident, kind: str, base_iri: str, name: str) -> ox.NamedNode:
    dois = _dois(ident)
    if dois:  # as the DataCite converters mint it: one dataset, one IRI, whatever the format
        return ox.NamedNode(resource_iri(kind, dois[0].lower(), base_iri))
    for value, href, _space in _identifiers(ident):
        for candidate in (href, value):
            if candidate.startswith(("http://", "https://")) and http_iri(candidate):
                return http_iri(candidate)
    file_id = text_of(first(md, "fileIdentifier")) or text_of(
        first(md, "metadataIdentifier", "MD_Identifier", "code")
    )
    key = file_id or next((v for v, _h, _s in _identifiers(ident) if v), "")
    if not key:
        # No identifier at all: the dataset URI, else the title names the resource (a record
        # is identified by what it describes; the same title gives the same IRI).
        uri = text_of(first(md, "dataSetURI"))
        if http_iri(uri) is not None:
            return http_iri(uri)
        key = uri or " ".join(text_of(first(ident, "citation", "CI_Citation", "title")).split())
    if not key:
        raise InputError(f"{name}: record has no file identifier, resource identifier nor title")
    return ox.NamedNode(resource_iri(kind, key, base_iri))


def _add_identifiers(out: Triples, subject, ident) -> None:
    """Each citation identifier: ``dct:identifier`` and an ``adms:identifier`` (its code as
    ``skos:notation``, its code space as creator); a DOI as the DataCite converters give it
    (bare ``dct:identifier``, ``schema:identifier`` and landing page ``https://doi.org/…``)."""
    for value, href, space in _identifiers(ident):
        doi = doi_of(href, space) or doi_of(value, space)
        literal = href or value
        if doi:
            resolver = ox.NamedNode("https://doi.org/" + doi.lower())
            out.add(subject, DCT.identifier, ox.Literal(doi))
            out.add(subject, SDO_HTTP.identifier, resolver)
            out.add(subject, DCAT.landingPage, out.node(FOAF.Document, subject=resolver))
        elif literal.startswith(("http://", "https://")):
            out.add(subject, DCT.identifier, typed_literal(literal, "anyURI"))
        else:
            joint = "" if not space or space.endswith(("/", ":", "#")) else ":"
            text = f"{space}{joint}{value}"
            out.add(subject, DCT.identifier, typed_literal(text, "string"))
        code = doi or value or href
        if code:
            node = out.node(ADMS.Identifier)
            out.add(subject, ADMS.identifier, node)
            out.add(node, SKOS.notation, ox.Literal(code))
            out.add(node, DCT.creator, ox.Literal(space) if space else None)


def _add_dates(out: Triples, subject, ident) -> None:
    """Creation, publication and revision dates; a date written several times (several
    revisions) gives one value, as the shapes want: the latest revision, the first creation
    and publication."""
    found: dict[str, list[ox.Literal]] = {}
    for ci_date in find(ident, "citation", "CI_Citation", "date", "CI_Date"):
        prop = _DATE_PROPERTIES.get(code_of(first(ci_date, "dateType")))
        date = first(ci_date, "date")
        literal = date_literal(text_of(date)) if date is not None else None
        if prop and literal is not None:
            found.setdefault(prop, []).append(literal)
    for prop, literals in found.items():
        pick = max if prop == DCT.modified else min
        out.add(subject, prop, pick(literals, key=lambda lit: lit.value))


def _add_catalogue_record(out: Triples, subject, md, texts: Texts) -> None:
    record = out.node(DCAT.CatalogRecord)
    out.add(subject, FOAF.isPrimaryTopicOf, record)
    out.add(record, FOAF.primaryTopic, subject)
    standard = ox.NamedNode(GEODCAT)
    out.add(record, DCT.conformsTo, out.node(DCT.Standard, subject=standard))
    file_id = text_of(first(md, "fileIdentifier")) or text_of(
        first(md, "metadataIdentifier", "MD_Identifier", "code")
    )
    out.add(record, DCT.identifier, typed_literal(file_id, "string") if file_id else None)
    code = _language_code(first(md, "language")) or _language_code(
        first(md, "defaultLocale", "PT_Locale", "language")
    )
    language = lang_iri(code) if code else None
    if language is not None:
        out.add(record, DCT.language, out.node(DCT.LinguisticSystem, subject=language))
    stamp = text_of(first(md, "dateStamp")) or next(
        (
            text_of(first(d, "date"))
            for d in find(md, "dateInfo", "CI_Date")
            if code_of(first(d, "dateType")) in ("revision", "creation")
        ),
        "",
    )
    modified = date_literal(stamp)
    out.add(record, DCT.modified, modified)
    charset = code_of(first(md, "characterSet")) or code_of(
        first(md, "defaultLocale", "PT_Locale", "characterEncoding")
    )
    if modified is not None or charset:
        source = out.node(DCAT.CatalogRecord)
        out.add(record, DCT.source, source)
        out.add(source, DCT.modified, date_literal(stamp, date_only=True))
        if charset:
            out.add(
                source,
                CNT.characterEncoding,
                typed_literal(CHARSETS.get(charset, charset), "string"),
            )
        standard_names = texts.of(first(md, "metadataStandardName"))
        if standard_names:
            iso = out.node(DCT.Standard)
            out.add(source, DCT.conformsTo, iso)
            out.texts(iso, DCT["title"], standard_names)
            out.texts(iso, OWL.versionInfo, texts.of(first(md, "metadataStandardVersion")))
    for party in agent_parties(md, texts, "contact"):
        add_agent(out, record, party)


def convert_record(md: Element, *, base_iri: str, name: str) -> list[ox.Triple]:
    """The triples of one MD_Metadata element (see the module docstring for IRIs)."""
    texts = _texts(md)
    ident = identification(md)
    if ident is None:
        raise InputError(f"{name}: record has no identificationInfo")
    service = local(ident.tag).endswith("ServiceIdentification")
    scope = code_of(first(md, "hierarchyLevel")) or code_of(
        first(md, "metadataScope", "MD_MetadataScope", "resourceScope")
    )
    if code_iri(INSPIRE, scope) is None:
        scope = "service" if service else "dataset"
    kind = "service" if service else "dataset"
    subject = _subject_iri(md, ident, kind, base_iri, name)
    titles = texts.of(first(ident, "citation", "CI_Citation", "title"))
    if not titles:
        raise InputError(f"{name}: record {subject.value} has no title")
    out = Triples()
    rtype = DCAT3["DataService" if service else "DatasetSeries" if scope == "series" else "Dataset"]
    out.node(rtype, *(() if service else (PROV.Entity,)), subject=subject)
    out.add(subject, GEODCAT.resourceType, ox.NamedNode(INSPIRE["ResourceType/"] + scope))
    out.texts(subject, DCT["title"], titles)
    out.texts(subject, DCT.description, texts.of(first(ident, "abstract")))
    out.texts(subject, GEODCAT.purpose, texts.of(first(ident, "purpose")))
    _add_identifiers(out, subject, ident)
    _add_dates(out, subject, ident)
    _add_description(out, subject, md, ident)
    add_keywords(out, subject, ident, texts)
    add_extents(out, subject, ident)
    add_resolution(out, subject, ident)
    add_reference_systems(out, subject, md)
    add_quality(out, subject, md, texts)
    _add_parties(out, subject, md, ident, texts)
    rights = constraints(out, ident, texts)
    add_associations(out, subject, ident, base_iri)
    _add_parent(out, subject, md, base_iri)
    representation = [code_of(e) for e in find(ident, "spatialRepresentationType")]
    if service:
        add_service_of(out, subject, md, ident, rights, base_iri)
    else:
        distributed = add_distributions(out, subject, md, texts, rights, representation, base_iri)
        distributed += add_coupled_services(out, subject, md, ident, texts, base_iri)
        for lic in rights.licenses:
            if isinstance(lic, ox.NamedNode) or not distributed:
                out.add(subject, DCT.license, lic)
        for right in rights.access_rights:
            out.add(subject, DCT.accessRights, right)
    for right in rights.rights:
        out.add(subject, DCT.rights, right)
    _add_catalogue_record(out, subject, md, texts)
    return list(dict.fromkeys(out.triples))  # a service reached twice is described once


def _add_parties(out: Triples, subject, md, ident, texts: Texts) -> None:
    """Resource agents by role; when the record names no publisher, its distributors publish,
    and when the resource has no point of contact, the metadata contact is its contact point."""
    parties = [
        *agent_parties(ident, texts, "pointOfContact"),
        *agent_parties(ident, texts, "citation", "CI_Citation", "citedResponsibleParty"),
        *agent_parties(
            md,
            texts,
            "distributionInfo",
            "MD_Distribution",
            "distributor",
            "MD_Distributor",
            "distributorContact",
        ),
        *agent_parties(
            md,
            texts,
            "distributionInfo",
            "MD_Distribution",
            "distributionFormat",
            "MD_Format",
            "formatDistributor",
            "MD_Distributor",
            "distributorContact",
        ),
    ]
    for party in parties:
        add_agent(out, subject, party)
    roles = {p.role for p in parties}
    if "publisher" not in roles:
        for party in (p for p in parties if p.role == "distributor" and p.named):
            out.add(subject, DCT.publisher, foaf_agent(out, party))
    if "pointOfContact" not in roles:
        for party in agent_parties(md, texts, "contact"):
            out.add(subject, DCAT.contactPoint, vcard(out, party))


def _add_description(out: Triples, subject, md, ident) -> None:
    """Languages, topic categories, update frequency, landing pages and pictures."""
    for lang in [*find(ident, "language"), *find(ident, "defaultLocale", "PT_Locale", "language")]:
        iri = lang_iri(_language_code(lang))
        if iri is not None:
            out.add(subject, DCT.language, out.node(DCT.LinguisticSystem, subject=iri))
    for topic in find(ident, "topicCategory", "MD_TopicCategoryCode"):
        if text_of(topic).isalnum():
            iri = ox.NamedNode(INSPIRE["TopicCategory/"] + text_of(topic))
            out.add(subject, GEODCAT.topicCategory, iri)
            out.add(subject, DCT.subject, iri)
    for code in find(
        ident, "resourceMaintenance", "MD_MaintenanceInformation", "maintenanceAndUpdateFrequency"
    ):
        frequency = _FREQUENCIES.get(code_of(code))
        if frequency:
            iri = ox.NamedNode(FREQUENCY + frequency)
            out.add(subject, DCT.accrualPeriodicity, out.node(DCT.Frequency, subject=iri))
    for uri in find(md, "dataSetURI"):
        page = http_iri(text_of(uri))
        out.add(
            subject,
            DCAT.landingPage,
            out.node(FOAF.Document, subject=page) if page else None,
        )
    for graphic in find(ident, "graphicOverview", "MD_BrowseGraphic"):
        for picture in _browse_graphics(graphic):
            out.add(subject, FOAF.depiction, picture)


def _browse_graphics(graphic) -> list[ox.NamedNode]:
    """The http(s) URLs of a browse graphic (ISO ``MD_BrowseGraphic``), each once: its file
    name (a character string, an Anchor's ``xlink:href`` or a ``FileName``'s ``src``) when it
    is a URL, and its online resource (ISO 19115-3 ``linkage``)."""
    found = []
    for name in find(graphic, "fileName"):
        sources = [child.get("src", "") for child in name if local(child.tag) == "FileName"]
        found.append(
            next(filter(None, map(http_iri, [text_of(name), href_of(name), *sources])), None)
        )
    for link in find(graphic, "linkage", "CI_OnlineResource", "linkage"):
        found.append(http_iri(text_of(link)))
    return list(dict.fromkeys(f for f in found if f is not None))


def _add_parent(out: Triples, subject, md, base_iri: str) -> None:
    """``dct:isPartOf`` the parent record (its IRI, else minted from its identifier)."""
    parent = either(first(md, "parentIdentifier"), first(md, "parentMetadata"))
    parent_id = text_of(parent) or text_of(
        first(parent, "CI_Citation", "identifier", "MD_Identifier", "code")
    )
    parent_id = (parent_id or (parent.get("uuidref", "") if parent is not None else "")).strip()
    if parent_id:
        out.add(
            subject,
            DCT.isPartOf,
            http_iri(parent_id) or ox.NamedNode(resource_iri("dataset", parent_id, base_iri)),
        )
