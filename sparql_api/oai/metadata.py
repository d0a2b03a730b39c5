"""The metadata formats of the OAI-PMH provider: Dublin Core (``oai_dc``), DataCite kernel 4
(``oai_datacite``) and the DCAT description in RDF/XML (``dcat``), each an ElementTree
element built from a resource's description
(:func:`sparql_api.linked_data.dereference.describe_triples`).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pyoxigraph as ox

from graph_loader.namespaces import DCAT, DCAT3, DCT, GAIA, RDF, SDO, SKOS
from graph_loader.terms import THESAURUS_NS
from graph_loader.xmlchars import xml_safe
from sparql_api.linked_data.facts import Facts
from sparql_api.linked_data.schemaorg import wkt_box

__all__ = ["METADATA_FORMATS", "metadata_element", "RESOURCE_TYPES"]

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
DATACITE = "http://datacite.org/schema/kernel-4"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: metadataPrefix -> (schema, namespace)
METADATA_FORMATS: dict[str, tuple[str, str]] = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC),
    "oai_datacite": ("http://schema.datacite.org/meta/kernel-4.5/metadata.xsd", DATACITE),
    "dcat": ("http://www.w3.org/ns/dcat.ttl", str(RDF)),
}
#: rdf:type -> (DataCite resourceTypeGeneral, Dublin Core type)
RESOURCE_TYPES: dict[str, tuple[str, str]] = {
    str(t): kinds
    for t, kinds in {
        DCAT.Dataset: ("Dataset", "Dataset"),
        DCAT3.DatasetSeries: ("Dataset", "Dataset"),
        DCAT.DataService: ("Service", "Service"),
        SDO.ScholarlyArticle: ("JournalArticle", "Text"),
        SDO.LearningResource: ("InteractiveResource", "InteractiveResource"),
        SDO.CreativeWork: ("Text", "Text"),
        SDO.SoftwareSourceCode: ("Software", "Software"),
        SDO.SoftwareApplication: ("Software", "Software"),
    }.items()
}
ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)
ET.register_namespace("datacite", DATACITE)


def _literals(facts: Facts, s: str, *predicates: str) -> list[ox.Literal]:
    found = {v for v in facts.values(s, *predicates) if isinstance(v, ox.Literal)}
    return sorted(found, key=lambda v: (v.language or "", v.value))


def _lang(element: ET.Element, literal: ox.Literal) -> ET.Element:
    if literal.language:
        element.set(XML_LANG, literal.language)
    return element


def _creators(facts: Facts, s: str) -> list[str]:
    names = []
    for value in facts.values(s, DCT.creator) or facts.values(s, DCT.publisher):
        name = value.value if isinstance(value, ox.Literal) else facts.label(value.value)
        if name:
            names.append(name)
    return sorted(set(names))


def _types(facts: Facts, s: str) -> tuple[str, str]:
    for t in facts.iris(s, RDF.type):
        if t in RESOURCE_TYPES:
            return RESOURCE_TYPES[t]
    return ("Other", "Dataset")


def _subjects(facts: Facts, s: str) -> list[ox.Literal]:
    words = _literals(facts, s, DCAT.keyword)
    for concept in facts.iris(s, GAIA.variable, DCAT.theme):
        if concept.startswith(THESAURUS_NS):
            words += _literals(facts, concept, SKOS.prefLabel)
    return sorted(set(words), key=lambda v: (v.language or "", v.value))


def _period(facts: Facts, s: str) -> tuple[str | None, str | None]:
    for period in facts.iris(s, DCT.temporal):
        start = facts.text(period, DCAT.startDate)
        end = facts.text(period, DCAT.endDate)
        if start or end:
            return start, end
    return None, None


def _box(facts: Facts, s: str) -> tuple[float, float, float, float] | None:
    for place in facts.iris(s, DCT.spatial):
        for wkt in _literals(facts, place, DCAT.bbox):
            box = wkt_box(wkt.value)
            if box:
                return box
    return None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def dublin_core(facts: Facts, s: str) -> ET.Element:
    """``oai_dc:dc`` of the resource ``s``."""
    root = ET.Element(f"{{{OAI_DC}}}dc")
    d = f"{{{DC}}}"
    for title in _literals(facts, s, DCT.title, SDO["name"]):
        _lang(_sub(root, d + "title", title.value), title)
    for name in _creators(facts, s):
        _sub(root, d + "creator", name)
    for word in _subjects(facts, s):
        _lang(_sub(root, d + "subject", word.value), word)
    for text in _literals(facts, s, DCT.description, SDO.description):
        _lang(_sub(root, d + "description", text.value), text)
    for publisher in facts.iris(s, DCT.publisher):
        _sub(root, d + "publisher", facts.label(publisher) or publisher)
    for date in _literals(facts, s, DCT.issued):
        _sub(root, d + "date", date.value)
    _sub(root, d + "type", _types(facts, s)[1])
    _sub(root, d + "identifier", s)
    doi = facts.doi(s)
    if doi:
        _sub(root, d + "identifier", "https://doi.org/" + doi)
    for page in facts.iris(s, DCAT.landingPage):
        _sub(root, d + "relation", page)
    start, end = _period(facts, s)
    if start or end:
        _sub(root, d + "coverage", f"{start or '..'}/{end or '..'}")
    box = _box(facts, s)
    if box:
        _sub(
            root,
            d + "coverage",
            "westlimit={}; southlimit={}; eastlimit={}; northlimit={}".format(*box),
        )
    for licence in facts.iris(s, DCT.license):
        _sub(root, d + "rights", licence)
    return root


def datacite(facts: Facts, s: str) -> ET.Element:
    """A DataCite kernel-4 ``resource`` of the resource ``s`` (its DOI, else its IRI)."""
    n = _DATACITE
    root = ET.Element(n + "resource")
    _datacite_identity(root, facts, s)
    words = _subjects(facts, s)
    if words:
        subjects = _sub(root, n + "subjects")
        for word in words:
            _lang(_sub(subjects, n + "subject", word.value), word)
    _datacite_dates(root, facts, s)
    licences = facts.iris(s, DCT.license)
    if licences:
        rights = _sub(root, n + "rightsList")
        for licence in licences:
            label = facts.label(licence) or licence
            _sub(rights, n + "rights", label, rightsURI=licence)
    descriptions = _literals(facts, s, DCT.description, SDO.description)
    if descriptions:
        element = _sub(root, n + "descriptions")
        for text in descriptions:
            item = _sub(element, n + "description", text.value, descriptionType="Abstract")
            _lang(item, text)
    box = _box(facts, s)
    if box:
        location = _sub(_sub(root, n + "geoLocations"), n + "geoLocation")
        geo = _sub(location, n + "geoLocationBox")
        for tag, value in zip(_BOX_TAGS, box, strict=True):
            _sub(geo, n + tag, str(value))
    return root


_DATACITE = f"{{{DATACITE}}}"
#: the elements of a DataCite ``geoLocationBox``, in the order of :func:`wkt_box`'s numbers
_BOX_TAGS = ("westBoundLongitude", "southBoundLatitude", "eastBoundLongitude", "northBoundLatitude")


def _datacite_identity(root: ET.Element, facts: Facts, s: str) -> None:
    """The mandatory DataCite properties: identifier, creators, titles, publisher,
    publication year, resource type (and the IRI as an alternate identifier)."""
    n = _DATACITE
    doi = facts.doi(s)
    if doi:
        _sub(root, n + "identifier", doi, identifierType="DOI")
    else:  # not disseminated by the provider (DataCite identifies by DOI); kept well-formed
        _sub(root, n + "identifier", s, identifierType="URL")
    creators = _sub(root, n + "creators")
    for name in _creators(facts, s) or ["(:unav)"]:
        _sub(_sub(creators, n + "creator"), n + "creatorName", name)
    alternates = _sub(root, n + "alternateIdentifiers")
    _sub(alternates, n + "alternateIdentifier", s, alternateIdentifierType="URL")
    titles = _sub(root, n + "titles")
    for title in _literals(facts, s, DCT.title, SDO["name"]):
        _lang(_sub(titles, n + "title", title.value), title)
    publishers = facts.iris(s, DCT.publisher)
    _sub(root, n + "publisher", facts.label(publishers[0]) if publishers else "GAIA Data")
    issued = facts.text(s, DCT.issued) or facts.text(s, DCT.modified) or ""
    year = issued[:4] if issued[:4].isdigit() else "(:unav)"
    _sub(root, n + "publicationYear", year)
    general, _ = _types(facts, s)
    _sub(root, n + "resourceType", general, resourceTypeGeneral=general)


def _datacite_dates(root: ET.Element, facts: Facts, s: str) -> None:
    """``dates``: issued, updated, and the period covered."""
    n = _DATACITE
    dates = _sub(root, n + "dates")
    for predicate, kind in ((DCT.issued, "Issued"), (DCT.modified, "Updated")):
        for value in _literals(facts, s, predicate):
            _sub(dates, n + "date", value.value, dateType=kind)
    start, end = _period(facts, s)
    if start or end:
        _sub(dates, n + "date", f"{start or ''}/{end or ''}", dateType="Coverage")


def dcat_rdf(triples: list[ox.Triple]) -> ET.Element:
    """The description as an ``rdf:RDF`` element (RDF/XML)."""
    return ET.fromstring(xml_safe(ox.serialize(triples, format=ox.RdfFormat.RDF_XML)))


def metadata_element(prefix: str, triples: list[ox.Triple], s: str) -> ET.Element:
    """The ``metadata`` content of the resource ``s`` in format ``prefix``."""
    if prefix == "dcat":
        return dcat_rdf(triples)
    facts = Facts(triples)
    return dublin_core(facts, s) if prefix == "oai_dc" else datacite(facts, s)
