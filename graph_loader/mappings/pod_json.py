"""Project Open Data catalogues (``data.json``, POD metadata schema v1.1 and v1.0) → DCAT-AP 3.

The US federal open-data catalogues (data.gov and each agency's ``/data.json``) publish one JSON
document whose ``dataset`` array lists the datasets, with keys named after DCAT but no usable
JSON-LD context (the remote ``catalog.jsonld`` is not fetched, and the inline contexts of some
files map ``identifier`` or ``license`` to terms that do not exist). The keys are read as the
schema defines them, whatever ``@context`` says:

- ``title``, ``description``, ``keyword`` and ``theme`` (free words, kept as keywords so that
  keyword linking lands them in the thesaurus) are texts in the catalogue's ``language`` (else
  the language their words show, else English);
- ``identifier`` is kept as ``dct:identifier``; the dataset IRI is its ``@id``, else the
  identifier when it is a URL, else minted from it; ``modified`` / ``issued`` are dates;
- ``publisher`` (with its ``subOrganizationOf`` chain) and ``contactPoint`` (``fn``,
  ``hasEmail``) become a ``foaf:Organization`` and a ``vcard`` contact point;
- ``accessLevel`` gives ``dct:accessRights`` (public, restricted public, non-public),
  ``license`` and ``rights`` the licence and rights statement;
- ``spatial`` is a bounding box (``"W,S,E,N"``), a GeoJSON geometry or a place name;
  ``temporal`` an ISO 8601 interval (``start/end``, ``start/P1Y``);
- each ``distribution`` gives ``dcat:downloadURL`` / ``dcat:accessURL`` (the download URL
  when no access URL is given), ``dcat:mediaType``, ``dct:format``, title, description and
  ``dct:conformsTo``; ``landingPage``, ``references``, ``describedBy``, ``conformsTo``,
  ``isPartOf`` and ``accrualPeriodicity`` are kept as links.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import DCAT, DCT, FOAF, LOCN, RDFS, VCARD
from .build import (
    LANGUAGES,
    WKT,
    A,
    Triples,
    date_literal,
    geojson_box,
    is_url,
    licence_iri,
    plain,
)
from .iso_parts import _FILE_TYPES, FILE_TYPE
from .pod_values import IANA, access_rights, frequency, language, spatial_box, texts, url
from .xmlsafe import MAX_RECORD_BYTES

__all__ = ["sniff", "convert"]

POD_SCHEMA = "project-open-data.cio.gov"
_ORG_PARENT = "http://www.w3.org/ns/org#subOrganizationOf"
_DESCRIBED_BY = "http://www.w3.org/2007/05/powder-s#describedby"


def _datasets(document: object) -> list[dict] | None:
    """The dataset objects of a POD document, or None if it is not one."""
    if isinstance(document, dict):
        conforms = str(document.get("conformsTo", "")) + str(document.get("@context", ""))
        datasets = document.get("dataset")
        if POD_SCHEMA in conforms and isinstance(datasets, list):
            return [d for d in datasets if isinstance(d, dict)]
        return None
    if isinstance(document, list) and document and all(isinstance(d, dict) for d in document):
        # POD v1.0: a bare array of datasets
        if all("title" in d and ("accessLevel" in d or "bureauCode" in d) for d in document):
            return document
    return None


def sniff(data: bytes) -> bool:
    """A ``data.json`` catalogue of the Project Open Data schema (v1.1, or a v1.0 array)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"[") or len(data) > MAX_RECORD_BYTES:
        return False
    if POD_SCHEMA.encode() not in data[:65536] and b'"accessLevel"' not in data[:65536]:
        return False
    try:
        return _datasets(json.loads(data)) is not None
    except ValueError:
        return False


class _Mapper:
    def __init__(self, base_iri: str):
        self.base = base_iri
        self.out = Triples()

    def organisation(self, value: object, depth: int = 0) -> ox.BlankNode | None:
        if not isinstance(value, dict) or depth > 6:
            return None
        names = texts(value.get("name"))
        if not names:
            return None
        org = ox.BlankNode()
        out = self.out
        out.add(org, A, ox.NamedNode(FOAF.Organization))
        out.add(org, A, ox.NamedNode(FOAF.Agent))
        out.add(org, FOAF.name, ox.Literal(names[0]))
        for mail in texts(value.get("mbox")):
            address = mail.removeprefix("mailto:")
            if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
                out.add(org, FOAF.mbox, ox.NamedNode("mailto:" + address))
        parent = self.organisation(value.get("subOrganizationOf"), depth + 1)
        if parent is not None:
            out.add(org, _ORG_PARENT, parent)
        return org

    def contact(self, dataset, value: object) -> None:
        if not isinstance(value, dict):
            return
        name = next(iter(texts(value.get("fn"))), None)
        mails = [
            m.removeprefix("mailto:")
            for m in texts(value.get("hasEmail"))
            if re.fullmatch(r"(mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+", m)
        ]
        if name is None and not mails:
            return
        card = ox.BlankNode()
        self.out.add(dataset, DCAT.contactPoint, card)
        self.out.add(card, A, ox.NamedNode(VCARD.Kind))
        self.out.add(card, VCARD.fn, ox.Literal(name or mails[0]))
        for mail in mails:
            self.out.add(card, VCARD.hasEmail, ox.NamedNode("mailto:" + mail))

    def spatial(self, dataset, value: object) -> None:
        box = name = None
        if isinstance(value, str):
            box = spatial_box(value)
            if box is None and plain(value):
                try:
                    box = geojson_box(json.loads(value))
                except ValueError:
                    name = plain(value)
        elif isinstance(value, dict):
            box = geojson_box(value)
        if box is None and name is None:
            return
        location = ox.BlankNode()
        self.out.add(dataset, DCT.spatial, location)
        self.out.add(location, A, ox.NamedNode(DCT.Location))
        if box is not None:
            self.out.add(location, DCAT.bbox, ox.Literal(box, datatype=WKT))
        if name is not None:
            self.out.add(location, LOCN.geographicName, ox.Literal(name))

    def temporal(self, dataset, value: object) -> None:
        if not isinstance(value, str) or "/" not in value:
            return
        start_text, _, end_text = value.strip().partition("/")
        start = date_literal(start_text) if not start_text.startswith("P") else None
        end = date_literal(end_text, end=True) if not end_text.startswith("P") else None
        if start is None and end is None:
            return
        period = ox.BlankNode()
        self.out.add(dataset, DCT.temporal, period)
        self.out.add(period, A, ox.NamedNode(DCT.PeriodOfTime))
        self.out.add(period, DCAT.startDate, start)
        self.out.add(period, DCAT.endDate, end)

    def distribution(self, dataset, value: dict, lang: str) -> None:
        out = self.out
        download, access = url(value.get("downloadURL")), url(value.get("accessURL"))
        if download is None and access is None:
            return
        dist = ox.BlankNode()
        out.add(dataset, DCAT.distribution, dist)
        out.add(dist, A, ox.NamedNode(DCAT.Distribution))
        out.add(dist, DCAT.accessURL, access or download)
        out.add(dist, DCAT.downloadURL, download)
        for title in texts(value.get("title"))[:1]:
            out.add(dist, DCT.title, ox.Literal(title, language=lang))
        for description in texts(value.get("description"))[:1]:
            out.add(dist, DCT.description, ox.Literal(description, language=lang))
        for media in texts(value.get("mediaType"))[:1]:
            if re.fullmatch(r"[a-z]+/[A-Za-z0-9.+-]+", media):
                out.add(dist, DCAT.mediaType, ox.NamedNode(IANA + media))
        for name in texts(value.get("format"))[:1]:
            if name.lower() in _FILE_TYPES:
                iri = ox.NamedNode(FILE_TYPE + _FILE_TYPES[name.lower()])
                out.add(dist, DCT.format, iri)
                out.add(iri, A, ox.NamedNode(DCT.MediaType))
            else:
                node = ox.BlankNode()
                out.add(dist, DCT.format, node)
                out.add(node, A, ox.NamedNode(DCT.MediaType))
                out.add(node, RDFS.label, ox.Literal(name))
        out.add(dist, DCT.conformsTo, url(value.get("conformsTo")))
        out.add(dist, _DESCRIBED_BY, url(value.get("describedBy")))

    def dataset(self, value: dict, catalogue_language: str | None) -> None:
        out = self.out
        titles = texts(value.get("title"))
        identifier = next(iter(texts(value.get("identifier"))), None)
        dataset = self.subject(value, identifier, titles)
        if dataset is None:
            return
        lang = language(value, catalogue_language)
        out.add(dataset, A, ox.NamedNode(DCAT.Dataset))
        self.describe(dataset, value, titles, identifier, lang)
        out.add(dataset, DCT.publisher, self.organisation(value.get("publisher")))
        self.contact(dataset, value.get("contactPoint"))
        self.rights(dataset, value, lang)
        self.spatial(dataset, value.get("spatial"))
        self.temporal(dataset, value.get("temporal"))
        self.links(dataset, value)
        for dist in value.get("distribution") or []:
            if isinstance(dist, dict):
                self.distribution(dataset, dist, lang)

    def subject(self, value: dict, identifier: str | None, titles: list[str]):
        """The dataset's IRI: its ``@id``, else its identifier when it is a URL, else minted
        from its identifier or title; None without any of them."""
        key = value.get("@id") if isinstance(value.get("@id"), str) else None
        if key and is_url(key):
            return ox.NamedNode(key)
        if identifier and is_url(identifier):
            return ox.NamedNode(identifier)
        if identifier or titles:
            return ox.NamedNode(resource_iri("dataset", identifier or titles[0], self.base))
        return None

    def describe(self, dataset, value: dict, titles: list[str], identifier, lang: str) -> None:
        """Title, description, keywords (themes too), identifier, issue and change dates."""
        out = self.out
        for title in titles[:1]:
            out.add(dataset, DCT.title, ox.Literal(title, language=lang))
        for description in texts(value.get("description"))[:1]:
            out.add(dataset, DCT.description, ox.Literal(description, language=lang))
        words = texts(value.get("keyword")) + texts(value.get("theme"))
        for word in dict.fromkeys(words):
            out.add(dataset, DCAT.keyword, ox.Literal(word, language=lang))
        if identifier:
            out.add(dataset, DCT.identifier, ox.Literal(identifier))
        for prop in ("issued", "modified"):
            for date in texts(value.get(prop))[:1]:
                out.add(dataset, DCT[prop], date_literal(date))

    def rights(self, dataset, value: dict, lang: str) -> None:
        """Access rights (from ``accessLevel``), licence and rights statement."""
        out = self.out
        for level in texts(value.get("accessLevel"))[:1]:
            out.add(dataset, DCT.accessRights, access_rights(level))
        for licence in texts(value.get("license"))[:1]:
            iri = licence_iri(licence, spdx=False)
            out.add(dataset, DCT.license, iri)
            if iri is not None:
                out.add(iri, A, ox.NamedNode(DCT.LicenseDocument))
        for rights in texts(value.get("rights"))[:1]:
            statement = ox.BlankNode()
            out.add(dataset, DCT.rights, statement)
            out.add(statement, A, ox.NamedNode(DCT.RightsStatement))
            out.add(statement, RDFS.label, ox.Literal(rights, language=lang))

    def links(self, dataset, value: dict) -> None:
        """Landing page, frequency, languages, references and the other linked documents."""
        out = self.out
        for page in texts(value.get("landingPage"))[:1]:
            iri = url(page)
            out.add(dataset, DCAT.landingPage, iri)
            if iri is not None:
                out.add(iri, A, ox.NamedNode(FOAF.Document))
        for code in texts(value.get("accrualPeriodicity"))[:1]:
            out.add(dataset, DCT.accrualPeriodicity, frequency(code))
        for code in texts(value.get("language")):
            primary = code.split("-")[0].lower()
            if primary in LANGUAGES:
                out.add(dataset, DCT.language, ox.NamedNode(LANGUAGES[primary]))
        for ref in texts(value.get("references")):
            out.add(dataset, DCT.references, url(ref))
        out.add(dataset, DCT.conformsTo, url(value.get("conformsTo")))
        out.add(dataset, DCT.isPartOf, url(value.get("isPartOf")))
        out.add(dataset, _DESCRIBED_BY, url(value.get("describedBy")))


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The datasets of a Project Open Data catalogue, in DCAT-AP 3."""
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc
    datasets = _datasets(document)
    if datasets is None:
        raise InputError("not a Project Open Data catalogue (no dataset array)")
    language = None
    if isinstance(document, dict):
        codes = texts(document.get("language"))
        language = codes[0].split("-")[0].lower() if codes else None
    mapper = _Mapper(base_iri)
    for dataset in datasets:
        mapper.dataset(dataset, language)
    if not mapper.out:
        raise InputError("Project Open Data catalogue without any titled dataset")
    return list(dict.fromkeys(mapper.out))
