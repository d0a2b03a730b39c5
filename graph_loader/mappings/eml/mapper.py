"""The mapping of one EML resource: identifiers, texts, keywords, rights, methods, project and
maintenance, with the parts of the other modules of the package.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...errors import InputError
from ...iri import resource_iri
from ...namespaces import ADMS, DCAT, DCT, FOAF, PROV, RDFS, SDO, SKOS
from .. import datacite_terms as dc
from ..build import A, date_literal, guess_language, licence_iri
from ..build import plain as _plain
from ..iso_common import local
from ..iso_parts import known_licence
from ..iso_record import _FREQUENCIES, FREQUENCY
from .coverage import Coverage
from .distributions import Distributions
from .people import Parties
from .reading import (
    _EML_FREQUENCIES,
    _URL,
    _XML_LANG,
    _doi,
    _first,
    _http,
    _kid,
    _kids,
    _language,
    _path,
    _str,
    flatten,
)
from .taxa import Taxa

__all__ = ["Mapper"]


class Mapper(Parties, Coverage, Taxa, Distributions):
    """The triples of the one resource of an EML document."""

    def __init__(self, root: Element, resource: Element, base_iri: str):
        self.root = root
        self.res_el = resource
        self.base = base_iri
        self.kind = local(resource.tag)
        self.triples: list[ox.Triple] = []
        self.seen: set[ox.Triple] = set()
        self.ids = {e.get("id"): e for e in root.iter() if e.get("id")}
        stated = [
            resource.get(_XML_LANG) or "",
            root.get(_XML_LANG) or "",
            _first(resource, "language"),
        ]
        self.stated = next((t for t in (_language(s) for s in stated) if t), None)
        titles = [_str(t) for t in _kids(resource, "title")]
        self.lang = self.stated or guess_language(*titles, flatten(_kid(resource, "abstract")))

    # -- triples
    def add(self, s, p: str, o) -> None:
        if o is None:
            return
        t = ox.Triple(s, ox.NamedNode(p), o)
        if t not in self.seen:
            self.seen.add(t)
            self.triples.append(t)

    def node(self, cls: str | None = None, subject=None):
        node = subject if subject is not None else ox.BlankNode()
        if cls:
            self.add(node, A.value, ox.NamedNode(cls))
        return node

    def literal(self, value: str, lang: str | None = None) -> ox.Literal | None:
        value = _plain(value)
        if not value:
            return None
        tag = lang or self.lang
        return ox.Literal(value, language=tag) if tag else ox.Literal(value)

    def el_literal(self, el: Element, value: str | None = None) -> ox.Literal | None:
        own = _language(el.get(_XML_LANG) or "")
        return self.literal(_str(el) if value is None else value, own)

    # -- the record
    def convert(self) -> list[ox.Triple]:
        el = self.res_el
        titles = [t for t in _kids(el, "title") if _str(t)]
        if not titles:
            raise InputError(f"EML {self.kind} without a title (notice EML sans titre)")
        cls, kind = {
            "dataset": (DCAT.Dataset, "dataset"),
            "software": (SDO.SoftwareSourceCode, "software"),
            "citation": (
                SDO + ("ScholarlyArticle" if _kid(el, "article") is not None else "CreativeWork"),
                "publication",
            ),
        }[self.kind]
        res = self.identifiers(kind)
        self.node(cls, res)
        for title in titles:
            self.add(res, DCT["title"], self.el_literal(title))
            if kind != "dataset":
                self.add(res, SDO.name, self.el_literal(title))
        for short in _kids(el, "shortName"):
            self.add(res, DCT.alternative, self.el_literal(short))
        for abstract in _kids(el, "abstract"):
            self.add(res, DCT.description, self.el_literal(abstract, flatten(abstract)))
        self.add(res, DCT.issued, date_literal(_first(el, "pubDate")))
        language = dc.language_iri(_language(_first(el, "language")) or "")
        self.add(res, DCT.language, ox.NamedNode(language) if language else None)
        self.keywords(res)
        self.parties(res)
        self.rights(res)
        if self.kind == "dataset":
            self.coverage(res)
            self.taxa(res)
            self.methods(res)
            self.project(res)
            self.maintenance(res)
            self.distributions(res)
        elif self.kind == "software":
            version = _first(el, "version")
            self.add(res, SDO.version, ox.Literal(version) if version else None)
            for url in _path(el, "implementation/distribution/online/url"):
                self.add(res, SDO.downloadUrl, _http(_str(url)))
        return self.triples

    def identifiers(self, kind: str) -> ox.NamedNode:
        package = (self.root.get("packageId") or "").strip()
        system = (self.root.get("system") or "").strip()
        alternates = [
            (_str(a), (a.get("system") or "").strip())
            for a in _kids(self.res_el, "alternateIdentifier")
        ]
        alternates = [(v, s) for v, s in alternates if v]
        candidates = ([(package, system)] if package else []) + alternates
        doi = next((d for d in (_doi(v, s) for v, s in candidates) if d and dc.doi_iri(d)), None)
        if doi:
            res = ox.NamedNode(resource_iri(kind, doi.lower(), self.base))
            doi_node = ox.NamedNode(dc.doi_iri(doi))
            self.add(res, DCT.identifier, ox.Literal(doi))
            self.add(res, SDO.identifier, doi_node)
            self.add(res, DCAT.landingPage if kind == "dataset" else SDO.url, doi_node)
        elif candidates:
            res = ox.NamedNode(resource_iri(kind, candidates[0][0], self.base))
            self.add(res, DCT.identifier, ox.Literal(candidates[0][0]))
        else:
            raise InputError(
                "EML record without a packageId nor an alternateIdentifier"
                " (notice EML sans identifiant)"
            )
        main = doi or candidates[0][0]
        for value, agency in candidates:
            if value == main or (doi and _doi(value, agency) == doi):
                continue
            ident = self.node(ADMS.Identifier)
            self.add(ident, SKOS.notation, ox.Literal(value))
            self.add(ident, ADMS.schemaAgency, ox.Literal(agency) if agency else None)
            self.add(res, ADMS.identifier, ident)
        return res

    # -- keywords
    def keywords(self, res) -> None:
        for block in _kids(self.res_el, "keywordSet"):
            thesaurus = _first(block, "keywordThesaurus")
            if thesaurus.lower() in ("none", "n/a", "na", "-"):
                thesaurus = ""
            scheme = None
            if thesaurus:
                url = _URL.search(thesaurus)
                iri = _http(url.group(0).rstrip(".,;")) if url else None
                title = thesaurus[: url.start()].strip(" :-,") if url else thesaurus
                scheme = iri or ox.BlankNode()
                self.add(scheme, DCT["title"], ox.Literal(title or thesaurus))
            for kw in _kids(block, "keyword"):
                label = self.el_literal(kw)
                if label is None:
                    continue
                self.add(res, DCAT.keyword, label)
                if scheme is not None:
                    concept = ox.BlankNode()
                    self.add(concept, SKOS.prefLabel, label)
                    self.add(concept, SKOS.inScheme, scheme)
                    self.add(res, DCT.subject, concept)

    # -- parties
    def rights(self, res) -> None:
        licences: list[ox.NamedNode] = []
        for lic in _kids(self.res_el, "licensed"):
            for value, spdx in (
                (_first(lic, "url"), True),
                (_first(lic, "identifier"), True),
                (_first(lic, "licenseName"), False),
            ):
                iri = licence_iri(value, spdx=spdx) if value else None
                if iri is not None:
                    licences.append(iri)
                    break
        for rights in _kids(self.res_el, "intellectualRights"):
            text = flatten(rights)
            urls = [u.get("url", "") for u in rights.iter() if local(u.tag) == "ulink"]
            found = known_licence(" ".join([*urls, text]))
            iri = licence_iri(found.value) if found is not None else None
            iri = iri or (licence_iri(text, spdx=False) if text else None)
            if iri is not None:
                licences.append(iri)
            if text:
                statement = self.node(DCT.RightsStatement)
                self.add(statement, RDFS.label, self.literal(text))
                self.add(res, DCT.rights, statement)
        for iri in licences:
            self.add(res, DCT.license, iri)

    # -- coverage
    def methods(self, res) -> None:
        for step in _path(self.res_el, "methods/methodStep"):
            for description in _kids(step, "description"):
                text = flatten(description)
                if text:
                    statement = self.node(DCT.ProvenanceStatement)
                    self.add(statement, RDFS.label, self.literal(text))
                    self.add(res, DCT.provenance, statement)

    def project(self, res) -> None:
        for project in _kids(self.res_el, "project"):
            activity = self.node(PROV.Activity)
            self.add(activity, A.value, ox.NamedNode(FOAF.Project))
            for title in _kids(project, "title"):
                self.add(activity, DCT["title"], self.el_literal(title))
            for abstract in _kids(project, "abstract"):
                self.add(activity, DCT.description, self.el_literal(abstract, flatten(abstract)))
            self.add(res, PROV.wasGeneratedBy, activity)
            for funding in _kids(project, "funding"):
                text = flatten(funding)
                if text:
                    grant = self.node(SDO.Grant)
                    self.add(grant, SDO.description, self.literal(text))
                    self.add(res, SDO.funding, grant)
            for award in _kids(project, "award"):
                self.award(res, award)

    def award(self, res, award: Element) -> None:
        name = _first(award, "funderName")
        funder = None
        if name:
            ident = " ".join(_str(i) for i in _kids(award, "funderIdentifier")[:1])
            iri = (dc.doi_iri(ident) or dc.ror_iri(ident)) if ident else None
            funder = self.node(FOAF.Organization, ox.NamedNode(iri) if iri else None)
            self.add(funder, FOAF.name, ox.Literal(name))
            self.add(res, SDO.funder, funder)
        number, title = _first(award, "awardNumber"), _first(award, "title")
        if number or title:
            grant = self.node(SDO.Grant)
            self.add(grant, SDO.identifier, ox.Literal(number) if number else None)
            self.add(grant, SDO.name, ox.Literal(title) if title else None)
            self.add(grant, SDO.url, _http(_first(award, "awardUrl")))
            self.add(grant, SDO.funder, funder)
            self.add(res, SDO.funding, grant)

    def maintenance(self, res) -> None:
        for value in _path(self.res_el, "maintenance/maintenanceUpdateFrequency"):
            code = _str(value)
            frequency = _FREQUENCIES.get(code) or _EML_FREQUENCIES.get(code)
            if frequency:
                iri = ox.NamedNode(FREQUENCY + frequency)
                self.add(res, DCT.accrualPeriodicity, self.node(DCT.Frequency, iri))

    # -- distributions
