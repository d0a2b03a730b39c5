"""The mapping of one EPOS-DCAT-AP document: what every described node shares (titles,
dates, identifiers, themes, extents), then each kind in turn.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import (
    ADMS,
    DCAT,
    DCT,
    FOAF,
    HYDRA,
    LOCN,
    OWL,
    RDFS,
    SDO,
    SKOS,
)
from ..build import (
    ACCESS_RIGHTS,
    WKT,
    A,
    Triples,
    guess_language,
    licence_iri,
    plain,
)
from ..iso_common import date_literal
from ..jsonld import Index
from .agents import Agents
from .categories import category_concepts

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)
from .reading import (
    ADMS_TYPO,
    DCAT3,
    SCHEMAS,
    epos_typed,
    is_a,
    language_code,
    split_keywords,
    strings_of,
    tagged,
    url_of,
    values_of,
    wkt_envelope,
)
from .services import Services

__all__ = ["Mapper"]


class Mapper(Agents, Services):
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
            if epos_typed(self.idx, s, "WebService")
            or self.idx.has_type(s, DCAT.DataService)
            or (epos_typed(self.idx, s, "Service") and s not in self.datasets)
        ]
        self.programs = [
            s
            for s in subjects
            if is_a(self.idx, s, "SoftwareApplication", "SoftwareSourceCode")
            and s not in self.services
        ]
        # operation -> the service that supports it
        self.operation_of: dict = {}
        for service in self.services:
            for op in values_of(self.idx, service, HYDRA.supportedOperation):
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
        for value in values_of(self.idx, node, DCT.language):
            code = language_code(self.idx, value)
            if code:
                return code
        texts = [v.value for v in strings_of(self.idx, node, DCT["title"], "schema:name")]
        texts += [
            v.value for v in strings_of(self.idx, node, DCT.description, "schema:description")
        ]
        return guess_language(*texts) or "en"

    def texts(self, node, target, prop: str, lang: str, *sources: str) -> None:
        for value in strings_of(self.idx, node, *sources):
            self.out.add(target, prop, tagged(value, lang))

    # ---- shared parts
    def common(self, node, lang: str) -> None:
        """What datasets, services and software share."""
        idx, out = self.idx, self.out
        self.texts(node, node, DCT["title"], lang, DCT["title"], "schema:name")
        self.texts(node, node, DCT.description, lang, DCT.description, "schema:description")
        words = [
            v.value
            for v in strings_of(idx, node, DCAT.keyword, "schema:keywords", "schema:keyword")
        ]
        for word in split_keywords(words):
            out.add(node, DCAT.keyword, ox.Literal(word, language=lang))
        for prop, sources in (
            (DCT.issued, (DCT.issued, "schema:datePublished")),
            (DCT.modified, (DCT.modified, "schema:dateModified")),
            (DCT.created, (DCT.created, "schema:dateCreated")),
        ):
            self.date(node, prop, [v.value for v in strings_of(idx, node, *sources)])
        for value in strings_of(
            idx, node, OWL.versionInfo, DCAT3.version, "schema:softwareVersion"
        )[:1]:
            out.add(node, DCAT3.version, ox.Literal(plain(value.value)))
        self.identifiers(node, node)
        self.themes(node)
        self.rights(node)
        self.links(node, lang)
        for agent in values_of(idx, node, DCT.publisher, "schema:provider", "schema:publisher"):
            out.add(node, DCT.publisher, self.agent(agent))
        for contact in values_of(idx, node, DCAT.contactPoint, "schema:contactPoint"):
            self.contact(node, contact)
        for place in values_of(idx, node, DCT.spatial):
            self.spatial(node, place)
        for period in values_of(idx, node, DCT.temporal):
            self.temporal(node, period)

    def rights(self, node) -> None:
        """Licence, access rights, update frequency and resource type."""
        idx, out = self.idx, self.out
        for value in values_of(idx, node, DCT.license, "schema:license"):
            licence = (
                licence_iri(value.value, spdx=False)
                if not isinstance(value, ox.BlankNode)
                else None
            )
            if licence is not None:
                out.add(node, DCT.license, licence)
                out.add(licence, A, ox.NamedNode(DCT.LicenseDocument))
        for value in values_of(idx, node, DCT.accessRights, DCT.rights):
            right = (
                ACCESS_RIGHTS.get(value.value.strip().lower())
                if isinstance(value, ox.Literal)
                else None
            )
            if right:
                out.add(node, DCT.accessRights, ox.NamedNode(right))
        for value in values_of(idx, node, DCT.accrualPeriodicity):
            out.add(node, DCT.accrualPeriodicity, url_of(value))
        for value in values_of(idx, node, DCT.type):
            out.add(node, DCT.type, url_of(value))

    def links(self, node, lang: str) -> None:
        """Landing pages, related resources and provenance statements."""
        idx, out = self.idx, self.out
        for value in values_of(
            idx, node, DCAT.landingPage, FOAF.page, "schema:mainEntityOfPage", "schema:url"
        ):
            page = url_of(value)
            if page is not None:
                out.add(node, DCAT.landingPage, page)
                out.add(page, A, ox.NamedNode(FOAF.Document))
        for value in values_of(idx, node, DCT.isPartOf, DCT.source, DCT.relation):
            target = url_of(value)
            if target is not None:
                prop = DCT + ("isPartOf" if value in idx.values(node, DCT.isPartOf) else "relation")
                out.add(node, prop, target)
        for value in values_of(idx, node, DCT.provenance):
            for statement in (
                [value]
                if isinstance(value, ox.Literal)
                else strings_of(idx, value, RDFS.label, DCT.description)
            ):
                node_p = ox.BlankNode()
                out.add(node, DCT.provenance, node_p)
                out.add(node_p, A, ox.NamedNode(DCT.ProvenanceStatement))
                out.add(node_p, RDFS.label, tagged(statement, lang))

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
        values = values_of(idx, node, DCT.identifier, "schema:identifier")
        for value in values:
            if isinstance(value, ox.Literal) and plain(value.value):
                self.identifier(target, plain(value.value), None)
            elif not isinstance(value, ox.Literal):  # schema:PropertyValue
                ident = next(iter(strings_of(idx, value, "schema:value")), None)
                scheme = next(iter(strings_of(idx, value, "schema:propertyID")), None)
                if ident is not None:
                    self.identifier(target, plain(ident.value), scheme and plain(scheme.value))
        for value in values_of(idx, node, ADMS.identifier, ADMS_TYPO.identifier):
            if isinstance(value, ox.Literal):
                self.identifier(target, plain(value.value), None)
                continue
            notation = next(iter(strings_of(idx, value, SKOS.notation)), None)
            agency = next(iter(strings_of(idx, value, ADMS.schemaAgency, ADMS.schemeAgency)), None)
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
        for value in values_of(idx, node, DCAT.theme, DCAT3.category):
            names = []
            if isinstance(value, ox.NamedNode):
                names.append(value.value)
                names += [v.value for v in strings_of(idx, value, SKOS.prefLabel)]
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
            strings_of(idx, place, LOCN.geometry, DCAT.bbox)
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
        start = next(iter(strings_of(idx, period, "schema:startDate", DCAT.startDate)), None)
        end = next(iter(strings_of(idx, period, "schema:endDate", DCAT.endDate)), None)
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
