"""EPOS-DCAT-AP (the European Plate Observing System's profile, solid earth) → DCAT-AP 3.

The thematic core services of EPOS (seismology, GNSS, volcano observatories, geomagnetism,
anthropogenic hazards, satellite data, geology…) describe their datasets and web services in
EPOS-DCAT-AP, as RDF (Turtle or RDF/XML, namespace ``https://www.epos-eu.org/epos-dcat-ap#``)
or, in its first version, as XML under ``<eposap:Epos xmlns:eposap="http://www.epos-ip.org/">``
(read by :mod:`.epos_xml` into the same statements). Choices:

- ``dcat:Dataset`` keeps its IRI and DCAT properties; an ``epos:WebService`` becomes a
  ``dcat:DataService`` (schema.org name, description, keywords, dates and provider read as
  ``dct:title``… ``dct:publisher``); its Hydra operations give ``dcat:endpointURL`` (the base of
  each ``hydra:IriTemplate``: the URL before its first ``{`` variable) and are kept as
  ``hydra:supportedOperation`` (method, returned media type, template); ``hydra:entrypoint``, the
  ``hydra:ApiDocumentation`` it conforms to and ``schema:documentation`` give
  ``dcat:endpointDescription``;
- a distribution whose ``dct:conformsTo`` is a web service, or whose ``dcat:accessURL`` is one of
  its operations, gets ``dcat:accessService`` and the operation's endpoint as access URL, and
  the service ``dcat:servesDataset`` the distribution's dataset;
- ``dcat:theme`` / ``dcat:category`` values (``<epos:SeismicWaveform>``, ``<#MagneticField>``,
  XML ``eposap:domain``/``subDomain`` names) keep the EPOS category, written ``<epos:NAME>`` when
  the alignment ``vocabularies/alignments/epos-categories.ttl`` knows it, and add the GAIA
  thesaurus concepts it lands on (strongest mapping first, as for GCMD);
- ``schema:ContactPoint`` / ``vcard`` contacts become ``vcard`` contact points named after the
  person or organisation that owns them (e-mail, telephone); persons and organisations become
  ``foaf`` agents (name, given/family names, homepage, mailbox, PIC/ROR/ORCID identifiers), the
  persons behind a contact point also as ``prov:qualifiedAttribution`` with the role
  ``pointOfContact``;
- ``locn:geometry`` WKT is kept and its envelope written as ``dcat:bbox``; ``schema:startDate``
  / ``endDate`` become ``dcat:startDate`` / ``endDate``; identifiers (``dct:identifier``,
  ``schema:identifier``, ``adms:identifier`` with its notation and agency, DOIs) are kept;
- texts with no language take the record's ``dct:language``, else the language their words
  show, else English (the working language of the EPOS catalogue);
- only what describes datasets, services, software and their agents is written: equipment,
  facilities, projects and concept schemes of the document are left out.
"""

from __future__ import annotations

import re
from functools import cache

import pyoxigraph as ox
from rdflib import Namespace

from ..alignment import MATCH_RANK, fold_category
from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import (
    ADMS,
    DCAT,
    DCT,
    FOAF,
    HYDRA,
    LOCN,
    OWL,
    PROV,
    RDFS,
    SDO,
    SDO_HTTP,
    SKOS,
    VCARD,
)
from ..paths import vocabularies_dir
from ..terms import THESAURUS_NS
from .build import (
    ACCESS_RIGHTS,
    LANGUAGES,
    WKT,
    A,
    Triples,
    bbox_wkt,
    guess_language,
    is_url,
    licence_iri,
    plain,
)
from .iso_common import date_literal
from .iso_parts import _FILE_TYPES, FILE_TYPE
from .jsonld import Index

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
DCAT3 = Namespace(str(DCAT))

__all__ = ["sniff", "convert", "EPOS_NAMESPACES", "category_concepts"]

#: the namespaces the EPOS-DCAT-AP RDF files use for the profile's own terms
EPOS_NAMESPACES = (
    "https://www.epos-eu.org/epos-dcat-ap#",
    "http://www.epos-eu.org/epos-dcat-ap#",
    "http://www.epos-eu.org/epos/dcat-ap#",
    "https://www.epos-eu.org/epos/dcat-ap#",
)
EPOS_XML = "http://www.epos-ip.org/"
SCHEMAS = (SDO_HTTP, SDO)
IANA = "https://www.iana.org/assignments/media-types/"
POINT_OF_CONTACT = (
    "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/pointOfContact"
)
_ADMS_TYPO = Namespace("http://www.w3.org/nd/adms#")  # written so in several WP10 files
_VOCABULARY = re.compile(rb"\b(owl:Ontology|owl:Class|rdfs:Class|owl#Ontology|owl#Class)\b")


def sniff(data: bytes) -> bool:
    """RDF (or EPOS XML) that uses the EPOS-DCAT-AP namespace and is not its ontology."""
    head = data[:262144]
    if not any(ns.encode() in head for ns in (*EPOS_NAMESPACES, EPOS_XML)):
        return False
    if EPOS_XML.encode() in head and re.search(rb"<(\w+:)?Epos[\s>]", head):
        return True
    if not any(ns.encode() in head for ns in EPOS_NAMESPACES):
        return False
    return _VOCABULARY.search(head) is None


# ------------------------------------------------------------------------------ categories
@cache
def _alignment() -> dict[str, tuple[str, list[tuple[int, str]]]]:
    """Folded EPOS category name -> (its ``epos:NAME`` IRI, [(rank, GAIA concept)])."""
    path = vocabularies_dir() / "alignments" / "epos-categories.ttl"
    found: dict[str, tuple[str, list[tuple[int, str]]]] = {}
    ranks = {str(p): r for p, r in MATCH_RANK.items()}
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if t.predicate.value not in ranks or not t.subject.value.startswith(THESAURUS_NS):
            continue
        key = fold_category(_local_name(t.object.value))
        found.setdefault(key, (t.object.value, []))[1].append(
            (ranks[t.predicate.value], t.subject.value)
        )
    return found


def _local_name(iri: str) -> str:
    """What names a category in an IRI: after ``#``, else after the scheme or last ``/``."""
    if "#" in iri:
        return iri.rsplit("#", 1)[1]
    if iri.startswith(("epos:", "category:")):
        return iri.split(":", 1)[1]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def category_concepts(name: str) -> tuple[str | None, list[str]]:
    """The ``epos:NAME`` IRI of an EPOS category (by IRI or name) and the GAIA concepts it
    lands on (the strongest mappings), or (None, []) when the alignment does not know it.

    >>> category_concepts("MAGNETIC ACTIVITY")
    ('epos:Magneticactivity', ['https://w3id.org/gaia-kg/thesaurus/magnetic-indices'])
    """
    entry = _alignment().get(fold_category(_local_name(name) if ":" in name else name))
    if entry is None:
        return None, []
    iri, targets = entry
    best = min(rank for rank, _ in targets)
    return iri, sorted(c for rank, c in targets if rank == best)


# ------------------------------------------------------------------------------ reading
def _read(data: bytes, base_iri: str) -> list[ox.Triple]:
    """The statements of an EPOS-DCAT-AP document, through the generic readers (Turtle or
    RDF/XML), or from the EPOS XML."""
    from .. import formats  # here: formats imports this package

    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if EPOS_XML.encode() in head and re.search(rb"<(\w+:)?Epos[\s>]", head):
        from .epos_xml import read_epos_xml

        return read_epos_xml(data, base_iri=base_iri)
    if head[:1] in (b"{", b"["):
        fmt = "jsonld"
    elif head.startswith(b"<") and re.search(rb"<(\w+:)?RDF\b", head):
        fmt = "rdfxml"
    else:
        fmt = "turtle"
    try:
        return [q.triple for q in formats.READERS[fmt](data, base_iri)]
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"EPOS-DCAT-AP: not valid {fmt}: {exc}") from exc


def _is(idx: Index, node, *locals_: str) -> bool:
    types = idx.types(node)
    return any(
        t.endswith(("#" + name, "/" + name)) and not t.startswith(HYDRA) or t == name
        for t in types
        for name in locals_
    )


def _epos_typed(idx: Index, node, name: str) -> bool:
    return any(ns + name in idx.types(node) for ns in EPOS_NAMESPACES)


def _values(idx: Index, node, *props: str) -> list:
    """The objects of ``node`` for every property (schema.org in both its http and https
    namespaces when written ``schema:``)."""
    out = []
    for prop in props:
        if prop.startswith("schema:"):
            for ns in SCHEMAS:
                out.extend(idx.values(node, ns + prop[7:]))
        else:
            out.extend(idx.values(node, prop))
    return list(dict.fromkeys(out))


def _strings(idx: Index, node, *props: str) -> list[ox.Literal]:
    out = []
    for value in _values(idx, node, *props):
        if isinstance(value, ox.Literal) and plain(value.value):
            out.append(value)
    return out


def _url_of(value) -> ox.NamedNode | None:
    """An http(s)/ftp IRI from an IRI or an ``xsd:anyURI``/plain literal holding a URL."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        raw = value.value.strip()
        if is_url(raw):
            try:
                return ox.NamedNode(raw.replace(" ", "%20"))
            except ValueError:
                return None
    return None


def _iri_of(value) -> ox.NamedNode | None:
    """An IRI as written, or the URL a literal holds."""
    if isinstance(value, ox.NamedNode):
        return value
    return _url_of(value)


_SPLIT = re.compile(r"\s*[,;]\s*")


def split_keywords(values: list[str]) -> list[str]:
    """Keywords as EPOS writes them (one per literal or several separated by commas)."""
    out = []
    for value in values:
        out.extend(k for k in (plain(p) for p in _SPLIT.split(plain(value))) if k)
    return list(dict.fromkeys(out))


# ------------------------------------------------------------------------------ geometry
_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"


def wkt_envelope(wkt: str) -> tuple[str | None, str | None]:
    """(the WKT as a clean geometry or None, the WKT polygon of its envelope or None).

    >>> wkt_envelope("POINT(-7.5 40.25 684)")[1]
    'POLYGON((-7.5 40.25, -7.5 40.25, -7.5 40.25, -7.5 40.25, -7.5 40.25))'
    >>> wkt_envelope("POINT(40.227,15.918)")
    (None, None)
    >>> wkt_envelope("POLYGON(14.0 39.0,16.0 39.0,16.0 42.0,14.0 42.0,14.0 39.0)")[0] is None
    True
    >>> wkt_envelope("POLYGON((90 -180,90 180,-90 180,-90 -180, 90 -180))")
    (None, 'POLYGON((-180 -90, 180 -90, 180 90, -180 90, -180 -90))')
    """
    text = re.sub(r"^\s*<[^>]*>\s*", "", wkt).strip()
    match = re.match(
        r"(?i)^(POINT|MULTIPOINT|LINESTRING|POLYGON|MULTIPOLYGON)\s*(Z\s*)?\((.*)\)$", text
    )
    if not match:
        return None, None
    points = []
    for group in re.split(r"\s*,\s*", re.sub(r"[()]", " ", match.group(3)).strip()):
        numbers = group.split()
        if len(numbers) < 2 or not all(re.fullmatch(_NUMBER, n) for n in numbers):
            return None, None
        points.append((float(numbers[0]), float(numbers[1])))
    if not points:
        return None, None
    # a polygon without its ring's parentheses still gives its box, but is no WKT to keep
    kind = match.group(1).upper()
    if kind.endswith("POLYGON") and not re.match(r"(?i)^\w+\s*(Z\s*)?\(\s*\(", text):
        text = None
    lons, lats = [p[0] for p in points], [p[1] for p in points]

    def on_globe(xs: list[float], ys: list[float]) -> bool:
        return -180 <= min(xs) <= max(xs) <= 180 and -90 <= min(ys) <= max(ys) <= 90

    if not on_globe(lons, lats):
        if not on_globe(lats, lons):
            return text, None
        lons, lats, text = lats, lons, None  # written lat lon: the box is swapped back
    return text, bbox_wkt(min(lons), min(lats), max(lons), max(lats))


# ------------------------------------------------------------------------------ the mapping
class _Mapper:
    def __init__(self, triples: list[ox.Triple], base_iri: str):
        self.idx = Index(triples)
        self.base = base_iri
        self.out = Triples()
        self.done: set = set()
        subjects = list(dict.fromkeys(t.subject for t in triples))
        #: the nodes the document says something of
        self.described = set(subjects)
        self.datasets = [s for s in subjects if self.idx.has_type(s, DCAT.Dataset)]
        self.services = [
            s
            for s in subjects
            if _epos_typed(self.idx, s, "WebService")
            or self.idx.has_type(s, DCAT.DataService)
            or (_epos_typed(self.idx, s, "Service") and s not in self.datasets)
        ]
        self.programs = [
            s
            for s in subjects
            if _is(self.idx, s, "SoftwareApplication", "SoftwareSourceCode")
            and s not in self.services
        ]
        # operation -> the service that supports it
        self.operation_of: dict = {}
        for service in self.services:
            for op in _values(self.idx, service, HYDRA.supportedOperation):
                self.operation_of.setdefault(op, service)
        self.serves: dict = {}
        #: contact point -> the persons and organisations that name it (schema:contactPoint)
        self.holders: dict = {}
        for t in triples:
            if t.predicate.value in (ns + "contactPoint" for ns in SCHEMAS):
                self.holders.setdefault(t.object, []).append(t.subject)
        self.attributed: set = set()
        self.dated: set = set()

    # ---- texts
    def language(self, node) -> str:
        for value in _values(self.idx, node, DCT.language):
            code = _language_code(self.idx, value)
            if code:
                return code
        texts = [v.value for v in _strings(self.idx, node, DCT["title"], "schema:name")]
        texts += [v.value for v in _strings(self.idx, node, DCT.description, "schema:description")]
        return guess_language(*texts) or "en"

    def texts(self, node, target, prop: str, lang: str, *sources: str) -> None:
        for value in _strings(self.idx, node, *sources):
            self.out.add(target, prop, _tagged(value, lang))

    # ---- shared parts
    def common(self, node, lang: str) -> None:
        """What datasets, services and software share."""
        idx, out = self.idx, self.out
        self.texts(node, node, DCT["title"], lang, DCT["title"], "schema:name")
        self.texts(node, node, DCT.description, lang, DCT.description, "schema:description")
        words = [
            v.value for v in _strings(idx, node, DCAT.keyword, "schema:keywords", "schema:keyword")
        ]
        for word in split_keywords(words):
            out.add(node, DCAT.keyword, ox.Literal(word, language=lang))
        for prop, sources in (
            (DCT.issued, (DCT.issued, "schema:datePublished")),
            (DCT.modified, (DCT.modified, "schema:dateModified")),
            (DCT.created, (DCT.created, "schema:dateCreated")),
        ):
            self.date(node, prop, [v.value for v in _strings(idx, node, *sources)])
        for value in _strings(idx, node, OWL.versionInfo, DCAT3.version, "schema:softwareVersion")[
            :1
        ]:
            out.add(node, DCAT3.version, ox.Literal(plain(value.value)))
        self.identifiers(node, node)
        self.themes(node)
        for value in _values(idx, node, DCT.license, "schema:license"):
            licence = (
                licence_iri(value.value, spdx=False)
                if not isinstance(value, ox.BlankNode)
                else None
            )
            if licence is not None:
                out.add(node, DCT.license, licence)
                out.add(licence, A, ox.NamedNode(DCT.LicenseDocument))
        for value in _values(idx, node, DCT.accessRights, DCT.rights):
            right = (
                ACCESS_RIGHTS.get(value.value.strip().lower())
                if isinstance(value, ox.Literal)
                else None
            )
            if right:
                out.add(node, DCT.accessRights, ox.NamedNode(right))
        for value in _values(idx, node, DCT.accrualPeriodicity):
            out.add(node, DCT.accrualPeriodicity, _url_of(value))
        for value in _values(idx, node, DCT.type):
            out.add(node, DCT.type, _url_of(value))
        for value in _values(
            idx, node, DCAT.landingPage, FOAF.page, "schema:mainEntityOfPage", "schema:url"
        ):
            page = _url_of(value)
            if page is not None:
                out.add(node, DCAT.landingPage, page)
                out.add(page, A, ox.NamedNode(FOAF.Document))
        for value in _values(idx, node, DCT.isPartOf, DCT.source, DCT.relation):
            target = _url_of(value)
            if target is not None:
                prop = DCT + ("isPartOf" if value in idx.values(node, DCT.isPartOf) else "relation")
                out.add(node, prop, target)
        for value in _values(idx, node, DCT.provenance):
            for statement in (
                [value]
                if isinstance(value, ox.Literal)
                else _strings(idx, value, RDFS.label, DCT.description)
            ):
                node_p = ox.BlankNode()
                out.add(node, DCT.provenance, node_p)
                out.add(node_p, A, ox.NamedNode(DCT.ProvenanceStatement))
                out.add(node_p, RDFS.label, _tagged(statement, lang))
        for agent in _values(idx, node, DCT.publisher, "schema:provider", "schema:publisher"):
            out.add(node, DCT.publisher, self.agent(agent))
        for contact in _values(idx, node, DCAT.contactPoint, "schema:contactPoint"):
            self.contact(node, contact)
        for place in _values(idx, node, DCT.spatial):
            self.spatial(node, place)
        for period in _values(idx, node, DCT.temporal):
            self.temporal(node, period)

    def date(self, node, prop: str, values: list[str]) -> None:
        """One date per node and property (DCAT-AP allows one): the latest modification, the
        earliest release or creation, when a document states several."""
        # "2018-04-11Z": a date with a time zone and no time, written as xsd:dateTime
        values = [re.sub(r"^(\d{4}-\d{2}-\d{2})Z$", r"\1", v.strip()) for v in values]
        dates = [d for d in (date_literal(v) for v in values) if d is not None]
        if (node, prop) in self.dated or not dates:
            return
        self.dated.add((node, prop))
        pick = max if prop == DCT.modified else min
        self.out.add(node, prop, pick(dates, key=lambda d: d.value))

    def identifiers(self, node, target) -> None:
        idx = self.idx
        values = _values(idx, node, DCT.identifier, "schema:identifier")
        for value in values:
            if isinstance(value, ox.Literal) and plain(value.value):
                self.identifier(target, plain(value.value), None)
            elif not isinstance(value, ox.Literal):  # schema:PropertyValue
                ident = next(iter(_strings(idx, value, "schema:value")), None)
                scheme = next(iter(_strings(idx, value, "schema:propertyID")), None)
                if ident is not None:
                    self.identifier(target, plain(ident.value), scheme and plain(scheme.value))
        for value in _values(idx, node, ADMS.identifier, _ADMS_TYPO.identifier):
            if isinstance(value, ox.Literal):
                self.identifier(target, plain(value.value), None)
                continue
            notation = next(iter(_strings(idx, value, SKOS.notation)), None)
            agency = next(iter(_strings(idx, value, ADMS.schemaAgency, ADMS.schemeAgency)), None)
            if notation is not None:
                self.identifier(target, plain(notation.value), agency and plain(agency.value))

    def identifier(self, target, value: str, scheme: str | None) -> None:
        out = self.out
        doi = re.match(r"(?i)^(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", value)
        if doi:
            out.add(target, DCT.identifier, ox.Literal(doi.group(1)))
            iri = ox.NamedNode("https://doi.org/" + doi.group(1))
            out.add(target, SDO.identifier, iri)
            scheme = "DOI"
            value = doi.group(1)
        elif scheme is None:
            out.add(target, DCT.identifier, ox.Literal(value))
            return
        node = ox.BlankNode()
        out.add(target, ADMS.identifier, node)
        out.add(node, A, ox.NamedNode(ADMS.Identifier))
        out.add(node, SKOS.notation, ox.Literal(value))
        out.add(node, ADMS.schemaAgency, ox.Literal(scheme))
        if scheme.upper() != "DOI" and scheme.upper() not in ("PIC", "ROR", "ORCID"):
            out.add(target, DCT.identifier, ox.Literal(value))

    def themes(self, node) -> None:
        idx, out = self.idx, self.out
        for value in _values(idx, node, DCAT.theme, DCAT3.category):
            names = []
            if isinstance(value, ox.NamedNode):
                names.append(value.value)
                names += [v.value for v in _strings(idx, value, SKOS.prefLabel)]
            elif isinstance(value, ox.Literal):
                names += split_keywords([value.value])
            landed = False
            for name in names:
                iri, concepts = category_concepts(name)
                if iri is None:
                    continue
                landed = True
                out.add(node, DCAT.theme, ox.NamedNode(iri))
                for concept in concepts:
                    out.add(node, DCAT.theme, ox.NamedNode(concept))
                break
            if not landed and isinstance(value, ox.NamedNode):
                out.add(node, DCAT.theme, value)
            elif not landed:
                for name in names:
                    out.add(node, DCAT.keyword, ox.Literal(name, language="en"))

    def spatial(self, node, place) -> None:
        idx, out = self.idx, self.out
        for geometry in (
            _strings(idx, place, LOCN.geometry, DCAT.bbox)
            if not isinstance(place, ox.Literal)
            else [place]
        ):
            clean, box = wkt_envelope(geometry.value)
            if clean is None and box is None:
                continue
            location = ox.BlankNode()
            out.add(node, DCT.spatial, location)
            out.add(location, A, ox.NamedNode(DCT.Location))
            if clean is not None:
                out.add(location, LOCN.geometry, ox.Literal(clean, datatype=WKT))
            if box is not None:
                out.add(location, DCAT.bbox, ox.Literal(box, datatype=WKT))

    def temporal(self, node, period) -> None:
        if isinstance(period, ox.Literal):
            return
        idx = self.idx
        start = next(iter(_strings(idx, period, "schema:startDate", DCAT.startDate)), None)
        end = next(iter(_strings(idx, period, "schema:endDate", DCAT.endDate)), None)
        start = date_literal(start.value) if start is not None else None
        end = date_literal(end.value) if end is not None else None
        if start is None and end is None:
            return
        node_t = ox.BlankNode()
        self.out.add(node, DCT.temporal, node_t)
        self.out.add(node_t, A, ox.NamedNode(DCT.PeriodOfTime))
        self.out.add(node_t, DCAT.startDate, start)
        self.out.add(node_t, DCAT.endDate, end)

    # ---- agents
    def agent(self, node) -> ox.NamedNode | ox.BlankNode | None:
        """A foaf agent for a person or organisation of the document; None if it has no name."""
        idx, out = self.idx, self.out
        if isinstance(node, ox.Literal):
            return None
        if isinstance(node, ox.NamedNode) and node not in self.described:
            return node  # described elsewhere (a PIC, a ROR, an ORCID): the reference is kept
        person = _is(idx, node, "Person")
        names = _strings(
            idx,
            node,
            "schema:legalName",
            "schema:name",
            FOAF.name,
            VCARD.fn,
            VCARD["organization-name"],
        )
        given = next(iter(_strings(idx, node, "schema:givenName", FOAF.givenName)), None)
        family = next(iter(_strings(idx, node, "schema:familyName", FOAF.familyName)), None)
        if not names and (given or family):
            names = [ox.Literal(" ".join(plain(p.value) for p in (given, family) if p is not None))]
        if not names:
            return None
        if node in self.done:
            return node
        self.done.add(node)
        out.add(node, A, ox.NamedNode(FOAF + ("Person" if person else "Organization")))
        out.add(node, A, ox.NamedNode(FOAF.Agent))
        for name in names:
            out.add(node, FOAF.name, ox.Literal(plain(name.value)))
        if given is not None:
            out.add(node, FOAF.givenName, ox.Literal(plain(given.value)))
        if family is not None:
            out.add(node, FOAF.familyName, ox.Literal(plain(family.value)))
        for alt in _strings(idx, node, "schema:alternateName"):
            out.add(node, FOAF.nick, ox.Literal(plain(alt.value)))
        for value in _values(idx, node, "schema:url", VCARD.hasURL):
            page = _url_of(value)
            if page is not None and page != node:
                out.add(node, FOAF.homepage, page)
        for mail in _mails(idx, node):
            out.add(node, FOAF.mbox, mail)
        self.identifiers(node, node)
        return node

    def contact(self, owner, node) -> None:
        """``owner dcat:contactPoint`` a vcard built from a contact point of the document (or a
        person / organisation given directly)."""
        idx, out = self.idx, self.out
        if isinstance(node, ox.Literal):
            return
        if isinstance(node, ox.NamedNode) and node not in self.described:
            out.add(owner, DCAT.contactPoint, node)  # described elsewhere: kept as a link
            return
        holders = [
            s
            for s in self.holders.get(node, ())
            if _is(idx, s, "Person", "Organization", "Organisation")
        ]
        if _is(idx, node, "Person", "Organization", "Organisation"):
            holders = [node]
        person = next((h for h in holders if _is(idx, h, "Person")), None)
        holder = person or (holders[0] if holders else None)
        card = node
        name = None
        if holder is not None:
            agent = self.agent(holder)
            if agent is not None:
                name = self._name(holder)
            if agent is not None and person is not None and (owner, person) not in self.attributed:
                self.attributed.add((owner, person))
                attribution = ox.BlankNode()
                out.add(owner, PROV.qualifiedAttribution, attribution)
                out.add(attribution, A, ox.NamedNode(PROV.Attribution))
                out.add(attribution, PROV.agent, agent)
                out.add(attribution, DCAT.hadRole, ox.NamedNode(POINT_OF_CONTACT))
        fn = name or next(iter(_strings(idx, node, VCARD.fn, "schema:name")), None)
        mails = _mails(idx, node) or (_mails(idx, holder) if holder is not None else [])
        phones = _strings(idx, node, "schema:telephone", VCARD.hasTelephone) or (
            _strings(idx, holder, "schema:telephone", VCARD.hasTelephone)
            if holder is not None
            else []
        )
        if fn is None and not mails:
            return
        if holder is node:
            card = ox.BlankNode()  # the agent keeps its IRI; its contact card is a node of its own
        out.add(owner, DCAT.contactPoint, card)
        if card in self.done:
            return
        self.done.add(card)
        kind = (
            "Individual" if person is not None else "Organization" if holder is not None else "Kind"
        )
        out.add(card, A, ox.NamedNode(VCARD + kind))
        out.add(card, VCARD.fn, ox.Literal(plain(fn.value)) if fn is not None else None)
        for mail in mails:
            out.add(card, VCARD.hasEmail, mail)
        for phone in phones:
            number = re.sub(r"[^\d+]", "", phone.value)
            if re.fullmatch(r"\+?\d{4,}", number):
                out.add(card, VCARD.hasTelephone, ox.NamedNode("tel:" + number))
        for role in _strings(idx, node, "schema:contactType"):
            out.add(card, VCARD.role, ox.Literal(plain(role.value)))
        if person is not None:
            for org in _values(idx, person, "schema:affiliation"):
                org_name = self._name(org)
                if org_name is not None:
                    out.add(card, VCARD["organization-name"], org_name)

    def _name(self, node) -> ox.Literal | None:
        idx = self.idx
        names = _strings(idx, node, "schema:legalName", "schema:name", FOAF.name, VCARD.fn)
        if names:
            return ox.Literal(plain(names[0].value))
        parts = _strings(idx, node, "schema:givenName") + _strings(idx, node, "schema:familyName")
        joined = " ".join(plain(p.value) for p in parts)
        return ox.Literal(joined) if joined else None

    # ---- services
    def endpoints(self, service) -> tuple[list[ox.NamedNode], list[ox.NamedNode]]:
        """(endpoint URLs, endpoint descriptions) of a web service."""
        idx = self.idx
        # EPOS-DCAT-AP 3 writes the endpoint itself (an IRI or an xsd:anyURI literal)
        urls = [u for u in (_url_of(v) for v in _values(idx, service, DCAT.endpointURL)) if u]
        if _values(idx, service, HYDRA.property, HYDRA.template):
            urls += [u for u in (template_base(t) for t in self.templates(service)) if u]
        # its Hydra operations: hydra:supportedOperation, or (version 3) dcat:endpointDescription
        # pointing at an operation the document describes
        written = _values(idx, service, DCAT.endpointDescription)
        operations = _values(idx, service, HYDRA.supportedOperation)
        operations += [d for d in written if d in self.described]
        for op in operations:
            url = self.operation(service, op)
            if url is not None and url not in urls:
                urls.append(url)
        descriptions: list[ox.NamedNode] = []
        sources = [d for d in written if d not in self.described]
        sources += _values(
            idx, service, HYDRA.entrypoint, "schema:documentation", HYDRA.apiDocumentation
        )
        for doc in _values(
            idx, service, DCT.conformsTo, "http://purl.org/dc/elements/1.1/conformsTo"
        ):
            if doc in self.described:  # an ApiDocumentation of the document
                sources += _values(idx, doc, HYDRA.entrypoint, "schema:url")
            else:  # a standard or a document known by its IRI only
                sources.append(doc)
        for value in sources:
            url = _url_of(value)
            if url is not None and url.value.startswith(self.base):
                continue  # a relative reference resolved against the loader's base: no URL
            if url is not None and url not in descriptions:
                descriptions.append(url)
        if not urls:
            urls = [
                u for u in (_url_of(v) for v in _values(idx, service, "schema:url", FOAF.page)) if u
            ]
        if not urls:
            urls = descriptions[:1]
        return urls, descriptions

    def templates(self, op) -> list[str]:
        """The Hydra IRI templates of an operation (or of a service written as one)."""
        found = []
        for prop in _values(self.idx, op, HYDRA.property, HYDRA.IriTemplate):
            if not isinstance(prop, ox.Literal):
                found += _strings(self.idx, prop, HYDRA.template)
        found += _strings(self.idx, op, HYDRA.template)
        return [plain(v.value) for v in found]

    def operation(self, service, op) -> ox.NamedNode | None:
        """Keep a Hydra operation (method, media type returned, template); its endpoint URL."""
        idx, out = self.idx, self.out
        templates = self.templates(op)
        out.add(service, HYDRA.supportedOperation, op)
        if op not in self.done:
            self.done.add(op)
            out.add(op, A, ox.NamedNode(HYDRA.Operation))
            for method in _strings(idx, op, HYDRA.method)[:1]:
                out.add(op, HYDRA.method, ox.Literal(plain(method.value).upper()))
            for returned in _strings(idx, op, HYDRA.returns):
                out.add(op, HYDRA.returns, ox.Literal(plain(returned.value)))
            for template in templates:
                node = ox.BlankNode()
                out.add(op, HYDRA.property, node)
                out.add(node, A, ox.NamedNode(HYDRA.IriTemplate))
                out.add(node, HYDRA.template, ox.Literal(template))
        for template in templates:
            url = template_base(template)
            if url is not None:
                return url
        return None

    def service(self, service) -> None:
        idx, out = self.idx, self.out
        lang = self.language(service)
        out.add(service, A, ox.NamedNode(DCAT.DataService))
        for dataset in _values(idx, service, DCAT.servesDataset):
            if isinstance(dataset, ox.NamedNode):
                self.serves.setdefault(service, []).append(dataset)
        self.common(service, lang)
        urls, descriptions = self.endpoints(service)
        for url in urls:
            out.add(service, DCAT.endpointURL, url)
        for url in descriptions:
            out.add(service, DCAT.endpointDescription, url)
        for returned in (
            r
            for op in _values(idx, service, HYDRA.supportedOperation)
            for r in _strings(idx, op, HYDRA.returns)
        ):
            media = _media_type(returned.value)
            if media is not None:
                out.add(service, DCAT.mediaType, media)

    # ---- datasets
    def dataset(self, dataset) -> None:
        idx, out = self.idx, self.out
        lang = self.language(dataset)
        out.add(dataset, A, ox.NamedNode(DCAT.Dataset))
        self.common(dataset, lang)
        for value in _values(idx, dataset, DCT.language):
            code = _language_code(idx, value)
            if code in LANGUAGES:
                out.add(dataset, DCT.language, ox.NamedNode(LANGUAGES[code]))
        for dist in _values(idx, dataset, DCAT.distribution, "schema:distribution"):
            # a distribution the document does not describe says nothing: left out
            if not isinstance(dist, ox.Literal) and dist in self.described:
                self.distribution(dataset, dist, lang)

    def distribution(self, dataset, dist, lang: str) -> None:
        idx, out = self.idx, self.out
        out.add(dataset, DCAT.distribution, dist)
        out.add(dist, A, ox.NamedNode(DCAT.Distribution))
        self.texts(dist, dist, DCT["title"], lang, DCT["title"], "schema:name")
        self.texts(dist, dist, DCT.description, lang, DCT.description, "schema:description")
        for value in _strings(idx, dist, DCT.identifier)[:1]:
            out.add(dist, DCT.identifier, ox.Literal(plain(value.value)))
        for prop in ("issued", "modified"):
            for value in _strings(idx, dist, DCT + prop)[:1]:
                out.add(dist, DCT + prop, date_literal(value.value))
        for value in _values(idx, dist, DCT.type):
            out.add(dist, DCT.type, _url_of(value))
        for value in _values(idx, dist, DCT.license, "schema:license"):
            licence = (
                licence_iri(value.value, spdx=False)
                if not isinstance(value, ox.BlankNode)
                else None
            )
            out.add(dist, DCT.license, licence)
            if licence is not None:
                out.add(licence, A, ox.NamedNode(DCT.LicenseDocument))
        services = [
            s for s in _values(idx, dist, DCT.conformsTo, DCAT.accessService) if s in self.services
        ]
        access: list[ox.NamedNode] = []
        for value in _values(idx, dist, DCAT.accessURL):
            if value in self.operation_of:
                services.append(self.operation_of[value])
                url = self.operation(self.operation_of[value], value)
                if url is not None:
                    access.append(url)
            elif value in self.services:
                services.append(value)
            elif _url_of(value) is not None:
                access.append(_url_of(value))
        for value in _values(idx, dist, DCT.conformsTo):
            if value not in self.services and _url_of(value) is not None:
                out.add(dist, DCT.conformsTo, _url_of(value))
        downloads = [u for u in (_url_of(v) for v in _values(idx, dist, DCAT.downloadURL)) if u]
        for service in dict.fromkeys(services):
            out.add(dist, DCAT.accessService, service)
            self.serves.setdefault(service, []).append(dataset)
            if not access:
                access += self.endpoints(service)[0][:1]
        for url in dict.fromkeys(access or downloads):
            out.add(dist, DCAT.accessURL, url)
        for url in downloads:
            out.add(dist, DCAT.downloadURL, url)
        for value in _values(idx, dist, DCT["format"]):
            self.format(dist, value)
        for value in _strings(idx, dist, DCAT.mediaType):
            out.add(dist, DCAT.mediaType, _media_type(value.value))
        for value in _values(idx, dist, DCAT.mediaType):
            if isinstance(value, ox.NamedNode):
                out.add(dist, DCAT.mediaType, value)
        for op in _values(idx, dist, DCAT.accessURL):
            for returned in _strings(idx, op, HYDRA.returns) if op in self.operation_of else []:
                out.add(dist, DCAT.mediaType, _media_type(returned.value))

    def format(self, dist, value) -> None:
        out = self.out
        iri = _iri_of(value)
        if iri is not None and isinstance(value, ox.NamedNode | ox.Literal) and is_url(iri.value):
            out.add(dist, DCT["format"], iri)
            out.add(iri, A, ox.NamedNode(DCT.MediaType))
            return
        name = plain(value.value) if isinstance(value, ox.Literal) else ""
        if name.lower() in _FILE_TYPES:
            iri = ox.NamedNode(FILE_TYPE + _FILE_TYPES[name.lower()])
            out.add(dist, DCT["format"], iri)
            out.add(iri, A, ox.NamedNode(DCT.MediaType))
        elif re.fullmatch(r"[a-z]+/[A-Za-z0-9.+-]+", name):
            out.add(dist, DCAT.mediaType, _media_type(name))
        elif name:
            node = ox.BlankNode()
            out.add(dist, DCT["format"], node)
            out.add(node, A, ox.NamedNode(DCT.MediaType))
            out.add(node, RDFS.label, ox.Literal(name))

    def software(self, node) -> None:
        out = self.out
        lang = self.language(node)
        kind = (
            "SoftwareSourceCode"
            if _is(self.idx, node, "SoftwareSourceCode")
            else "SoftwareApplication"
        )
        out.add(node, A, ox.NamedNode(SCHEMAS[1] + kind))
        self.common(node, lang)
        for value in _strings(self.idx, node, DCT["title"], "schema:name"):
            out.add(node, SDO.name, _tagged(value, lang))
        for value in _values(self.idx, node, "schema:codeRepository", "schema:downloadUrl"):
            url = _url_of(value)
            if url is not None:
                out.add(node, SDO.codeRepository, url)
        for value in _strings(self.idx, node, "schema:programmingLanguage"):
            out.add(node, SDO.programmingLanguage, ox.Literal(plain(value.value)))

    def run(self) -> list[ox.Triple]:
        for dataset in self.datasets:
            self.dataset(dataset)
        for service in self.services:
            self.service(service)
        for service, datasets in self.serves.items():
            for dataset in dict.fromkeys(datasets):
                self.out.add(service, DCAT.servesDataset, dataset)
        for node in self.programs:
            self.software(node)
        if not (self.datasets or self.services or self.programs):
            # persons and organisations only: kept, so that the load says what the file held
            for node in self.idx.typed(
                *(ns + t for ns in SCHEMAS for t in ("Person", "Organization"))
            ):
                self.agent(node)
        return list(dict.fromkeys(self.out))


def template_base(template: str) -> ox.NamedNode | None:
    """The URL of a Hydra IRI template before its first variable (and query).

    >>> template_base("http://www.orfeus-eu.org/fdsnws/dataselect/1/query{?starttime,endtime}").value
    'http://www.orfeus-eu.org/fdsnws/dataselect/1/query'
    >>> template_base("https://glass.epos.ubi.pt:8080/webresources/stations/{format}/{geoJSON}").value
    'https://glass.epos.ubi.pt:8080/webresources/stations/'
    """
    base = re.split(r"[{(?]", template.strip(), maxsplit=1)[0].strip()
    return _url_of(ox.Literal(base)) if base else None


def _tagged(value: ox.Literal, lang: str) -> ox.Literal:
    text_value = plain(value.value)
    if value.language:
        return ox.Literal(text_value, language=value.language.lower())
    return ox.Literal(text_value, language=lang)


def _language_code(idx: Index, value) -> str | None:
    if isinstance(value, ox.NamedNode):
        code = value.value.rstrip("/").rsplit("/", 1)[-1]
    elif isinstance(value, ox.Literal):
        code = value.value
    else:
        found = _strings(idx, value, RDFS.label, SKOS.prefLabel)
        code = found[0].value if found else ""
    code = code.strip().lower()
    three = {
        "eng": "en",
        "fra": "fr",
        "fre": "fr",
        "deu": "de",
        "ger": "de",
        "ita": "it",
        "spa": "es",
    }
    code = three.get(code, code)
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def _media_type(value: str) -> ox.NamedNode | None:
    if is_url(value.strip()) and "/media-types/" in value:
        return ox.NamedNode(value.strip())
    value = plain(value).lower()
    if re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", value):
        return ox.NamedNode(IANA + value)
    return None


def _mails(idx: Index, node) -> list[ox.NamedNode]:
    out = []
    for value in _values(idx, node, "schema:email", VCARD.hasEmail, FOAF.mbox):
        address = (
            value.value.strip().removeprefix("mailto:")
            if not isinstance(value, ox.BlankNode)
            else ""
        )
        if re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", address):
            out.append(ox.NamedNode("mailto:" + address))
    return list(dict.fromkeys(out))


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """DCAT-AP 3 statements of an EPOS-DCAT-AP document (RDF or EPOS XML)."""
    if not data.strip():
        raise InputError("empty record")
    source = _read(data, base_iri)
    triples = _Mapper(source, base_iri).run()
    if triples:
        return triples
    if source:
        # concept schemes, equipment, facilities: no record, but kept as read (the load names
        # what the file held)
        return source
    raise InputError(
        "EPOS-DCAT-AP document describing no dataset, web service, software, person or organisation"
    )


#: IRIs minted for EPOS XML resources (used by :mod:`.epos_xml`)
def minted(kind: str, identifier: str, base_iri: str) -> ox.NamedNode:
    return ox.NamedNode(resource_iri(kind, identifier, base_iri))
