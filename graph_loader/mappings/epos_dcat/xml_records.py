"""The first EPOS-DCAT-AP serialisation, XML under ``<eposap:Epos>``, read as the statements of
the RDF profile so that :mod:`graph_loader.mappings.epos_dcat` maps both the same way.

``eposap:Person`` and ``eposap:Organisation`` (vcard fields) become schema.org persons and
organisations; ``eposap:WebService`` an ``epos:WebService`` whose ``foaf:page`` (the service
URL) is its one Hydra operation; ``eposap:Dataset`` a ``dcat:Dataset`` with its
``eposap:distribution``; ``eposap:domain`` / ``subDomain`` its categories; ``eposap:DDSS-ID``
an ``adms:identifier``. Contacts and publishers are written as references (an ORCID, an
identifier, a PIC, an e-mail address) and resolved against the persons and organisations of
the document. Resource IRIs are minted from the identifier (else the title) under the base.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox
from rdflib import Namespace

from ...errors import InputError
from ...iri import resource_iri
from ...namespaces import ADMS, DCAT, DCT, HYDRA, LOCN, OWL, SDO_HTTP, SKOS, VCARD
from ..build import A, is_url, plain
from ..xmlsafe import parse_xml

__all__ = ["read_epos_xml"]

EPOS_XML = "http://www.epos-ip.org/"
EPOS = Namespace("https://www.epos-eu.org/epos-dcat-ap#")
_AFFILIATION = ox.NamedNode(SDO_HTTP.affiliation)
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])")


def _local(el: Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _ns(el: Element) -> str:
    return el.tag[1:].split("}", 1)[0] if isinstance(el.tag, str) and el.tag[:1] == "{" else ""


def _text(el: Element) -> str:
    """The text of an element, or of its single wrapped child (``<dct:language>
    <dct:LinguisticSystem>en</dct:LinguisticSystem></dct:language>``)."""
    own = plain(el.text or "")
    if own:
        return own
    for child in el:
        inner = _text(child)
        if inner:
            return inner
    return ""


def _kids(el: Element, ns: str, name: str) -> list[Element]:
    return [c for c in el if _local(c) == name and _ns(c) == ns]


class _Reader:
    def __init__(self, root: Element, base_iri: str):
        self.root = root
        self.base = base_iri
        self.triples: list[ox.Triple] = []
        self.people: dict[str, object] = {}  # reference (orcid, identifier, e-mail) -> node
        self.orgs: dict[str, object] = {}

    def add(self, s, p: str, o) -> None:
        if o is not None:
            self.triples.append(ox.Triple(s, ox.NamedNode(p), o))

    def lit(self, s, p: str, value: str) -> None:
        if value:
            self.add(s, p, ox.Literal(value))

    # ---- agents
    def person(self, el: Element) -> None:
        url = next((_text(u) for u in _kids(el, VCARD, "hasURL")), "")
        ident = next((_text(i) for i in _kids(el, str(DCT), "identifier")), "")
        orcid = _ORCID.search(f"{ident} {url}")
        node = ox.NamedNode("https://orcid.org/" + orcid.group(1)) if orcid else ox.BlankNode()
        self.add(node, A.value, ox.NamedNode(SDO_HTTP.Person))
        for child in el:
            name, value = _local(child), _text(child)
            if name == "fn":
                self.lit(node, SDO_HTTP.name, value)
            elif name == "hasEmail":
                self.lit(node, SDO_HTTP.email, value)
                self.people[value.lower().removeprefix("mailto:")] = node
            elif name == "hasTelephone":
                self.lit(node, SDO_HTTP.telephone, value)
            elif name == "hasURL" and is_url(value):
                self.add(node, SDO_HTTP.url, ox.NamedNode(value))
            elif name == "affiliation":
                self.lit(node, SDO_HTTP.affiliation, value)  # resolved in finish()
        for key in (ident, url, orcid.group(1) if orcid else ""):
            if key:
                self.people[key.lower()] = node

    def organisation(self, el: Element) -> None:
        node = ox.BlankNode()
        self.add(node, A.value, ox.NamedNode(SDO_HTTP.Organization))
        for child in el:
            name, value = _local(child), _text(child)
            if name == "fn":
                self.lit(node, SDO_HTTP.legalName, value)
            elif name == "organization-name":
                self.lit(node, SDO_HTTP.alternateName, value)
            elif name == "hasEmail":
                self.lit(node, SDO_HTTP.email, value)
            elif name == "hasURL" and is_url(value):
                self.add(node, SDO_HTTP.url, ox.NamedNode(value))
            elif name == "identifier" and value:
                self.orgs[value.lower()] = node
                pic = re.match(r"(?i)^PIC:?\s*(\d+)$", value)
                if pic:
                    self.identifier(node, pic.group(1), "PIC")
                else:
                    self.lit(node, DCT.identifier, value)

    def identifier(self, node, value: str, agency: str) -> None:
        ident = ox.BlankNode()
        self.add(node, ADMS.identifier, ident)
        self.lit(ident, SKOS.notation, value)
        self.lit(ident, ADMS.schemaAgency, agency)

    def person_ref(self, value: str):
        key = value.strip().lower()
        orcid = _ORCID.search(value)
        found = self.people.get(orcid.group(1).lower() if orcid else key) or self.people.get(
            key.removeprefix("mailto:")
        )
        if found is not None:
            return found
        if orcid:  # a person described in another file of the service: the ORCID is kept
            return ox.NamedNode("https://orcid.org/" + orcid.group(1).upper())
        if re.fullmatch(r"(mailto:)?[^@\s]+@[^@\s]+", key):
            card = ox.BlankNode()
            self.lit(card, VCARD.hasEmail, key.removeprefix("mailto:"))
            self.add(card, A.value, ox.NamedNode(VCARD.Kind))
            return card
        return None

    def org_ref(self, value: str):
        return self.orgs.get(value.strip().lower())

    # ---- resources
    def resource(self, el: Element, kind: str) -> None:
        ident = next((_text(i) for i in _kids(el, str(DCT), "identifier")), "")
        title = next((_text(t) for t in _kids(el, str(DCT), "title")), "")
        if not (ident or title):
            return
        key = ident or title
        node = ox.NamedNode(ident if is_url(ident) else resource_iri(kind, key, self.base))
        if kind == "service":
            self.add(node, A.value, ox.NamedNode(EPOS.WebService))
        elif kind == "software":
            self.add(node, A.value, ox.NamedNode(SDO_HTTP.SoftwareApplication))
        else:
            self.add(node, A.value, ox.NamedNode(DCAT.Dataset))
        self.fields(el, node, kind)

    def fields(self, el: Element, node, kind: str) -> None:
        for child in el:
            name, ns, value = _local(child), _ns(child), _text(child)
            if name in ("title", "description", "issued", "modified", "created") and ns == str(DCT):
                self.lit(node, DCT + name, value)
            elif name == "identifier" and ns == str(DCT):
                self.lit(node, DCT.identifier, value)
            elif name == "keyword":
                self.lit(node, DCAT.keyword, value)
            elif name in ("domain", "subDomain", "theme", "subject"):
                self.lit(node, DCAT.theme, value)
            elif name == "license":
                self.lit(node, DCT.license, value)
            elif name in ("rights", "accessRights"):
                self.lit(node, DCT.accessRights, value)
            elif name == "language":
                self.lit(node, DCT.language, value)
            elif name == "provenance":
                self.lit(node, DCT.provenance, value)
            elif name == "type" and ns == str(DCT):
                self.lit(node, DCT.type, value)
            elif name == "hasVersion":
                self.lit(node, OWL.versionInfo, value)
            elif name == "landingPage":
                self.lit(node, DCAT.landingPage, value)
            elif name == "page" and kind == "service":
                self.operation(node, value)
            elif name.lower() in ("programminglanguages", "programminglanguage"):
                for language in re.split(r"\s*,\s*", value):
                    self.lit(node, SDO_HTTP.programmingLanguage, language)
            elif name in ("codeRepository", "downloadURL", "softwareVersion"):
                self.lit(node, SDO_HTTP + name.replace("URL", "Url"), value)
            elif name == "documentation":
                self.lit(node, SDO_HTTP.documentation, value)
            elif name == "DDSS-ID":
                self.identifier(node, value, "DDSS-ID")
            elif name == "contactPoint":
                self.add(node, DCAT.contactPoint, self.person_ref(value))
            elif name == "publisher":
                self.add(node, DCT.publisher, self.org_ref(value))
            elif name == "spatial":
                for geometry in child.iter():
                    if _local(geometry) == "geometry" and _text(geometry):
                        place = ox.BlankNode()
                        self.add(node, DCT.spatial, place)
                        self.lit(place, LOCN.geometry, _text(geometry))
            elif name == "temporal":
                period = ox.BlankNode()
                self.add(node, DCT.temporal, period)
                for date in child.iter():
                    if _local(date) in ("startDate", "endDate"):
                        self.lit(period, SDO_HTTP + _local(date), _text(date))
            elif name == "distribution":
                for dist_el in child:
                    dist = ox.BlankNode()
                    self.add(node, DCAT.distribution, dist)
                    self.distribution(dist_el, dist)

    def distribution(self, el: Element, dist) -> None:
        self.add(dist, A.value, ox.NamedNode(DCAT.Distribution))
        for child in el:
            name, value = _local(child), _text(child)
            if name in ("title", "description", "issued", "modified", "license", "format"):
                self.lit(dist, DCT + name, value)
            elif name in ("accessURL", "downloadURL"):
                self.lit(dist, DCAT[name], value)

    def operation(self, service, url: str) -> None:
        if not is_url(url.strip()):
            return
        op = ox.BlankNode()
        template = ox.BlankNode()
        self.add(service, HYDRA.supportedOperation, op)
        self.add(op, A.value, ox.NamedNode(HYDRA.Operation))
        self.add(op, HYDRA.property, template)
        self.add(template, A.value, ox.NamedNode(HYDRA.IriTemplate))
        self.lit(template, HYDRA.template, url.strip())

    def finish(self) -> None:
        """Affiliations written as references become links to the organisations."""
        resolved = []
        for t in self.triples:
            if t.predicate == _AFFILIATION and isinstance(t.object, ox.Literal):
                org = self.org_ref(t.object.value)
                if org is None:
                    continue
                t = ox.Triple(t.subject, t.predicate, org)
            resolved.append(t)
        self.triples = resolved

    def read(self) -> list[ox.Triple]:
        elements = [el for el in self.root.iter() if _ns(el).startswith(EPOS_XML)]
        for el in elements:
            if _local(el) == "Organisation":
                self.organisation(el)
        for el in elements:
            if _local(el) == "Person":
                self.person(el)
        for el in elements:
            if _local(el) == "WebService":
                self.resource(el, "service")
            elif _local(el) == "Dataset":
                self.resource(el, "dataset")
            elif _local(el) == "SoftwareApplication":
                self.resource(el, "software")
        self.finish()
        return self.triples


def read_epos_xml(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The statements of an ``<eposap:Epos>`` document, in the vocabulary of the RDF profile."""
    try:
        root = parse_xml(data, name="EPOS-DCAT-AP XML")
    except (LookupError, ValueError) as exc:
        raise InputError(f"EPOS-DCAT-AP XML: unreadable: {exc}") from exc
    return _Reader(root, base_iri).read()
