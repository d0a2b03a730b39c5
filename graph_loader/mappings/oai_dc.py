"""OAI-PMH simple Dublin Core (``oai_dc:dc``) → DCAT-AP 3.

Choices (the values are read by :mod:`.oai_dc_values`):

- ``dc:type`` chooses the class: Dataset (and every type not listed) → ``dcat:Dataset``,
  Software → ``schema:SoftwareSourceCode``, Text/Article and other publication types (also
  as ``info:eu-repo/semantics/...``) → ``schema:ScholarlyArticle``, Service →
  ``dcat:DataService``; a DCMI type is kept as ``dct:type``;
- the resource IRI is minted with :func:`graph_loader.iri.resource_iri` from the best
  ``dc:identifier``: a DOI (lower-cased) before a handle, a URL, then any other text; a record
  without identifier is refused. Each identifier is kept as ``dct:identifier`` (a DOI bare);
  DOIs, handles and URLs resolve to landing pages (``dcat:landingPage`` of datasets and
  services, ``schema:url`` of the others); the URLs of a service are its ``dcat:endpointURL``,
  forge URLs of software its ``schema:codeRepository``;
- texts take their ``xml:lang``, else the record's one ``dc:language``; when the record names
  several languages, the language of each text is guessed among them (French or English common
  words), else it is left untagged (the harvester then applies the source's language);
- ``dc:subject`` → ``dcat:keyword`` as written (the keyword linker adds the themes);
- creators, contributors and publishers → ``foaf:Agent`` with ``foaf:name``; an agent whose
  text carries a valid ORCID is that ORCID IRI (also a ``foaf:Person``), its name without it;
- the earliest ``dc:date`` → ``dct:issued``, the latest → ``dct:modified``, the others
  ``dct:date``; a date interval → ``dct:temporal``;
- ``dc:rights``: a licence URL, SPDX identifier or well-known licence name → ``dct:license``,
  ``info:eu-repo`` access modes → ``dct:accessRights``, the rest → a ``dct:RightsStatement``;
- ``dc:coverage``: a DCMI Box, DCMI Point or ``W,S,E,N`` numbers → a ``dct:Location`` with
  ``dcat:bbox``, a DCMI Period or a date interval → ``dct:temporal``, other text → a
  ``dct:Location`` labelled with it;
- a dataset gets one distribution whose ``dcat:accessURL`` is its first URL (else its DOI or
  handle), carrying the ``dc:format`` values (a media type as ``dcat:mediaType``, a size as
  ``dct:extent``, other text as ``dct:format``); other resources keep ``dct:format``;
- ``dc:relation`` / ``dc:source`` → ``dct:relation`` / ``dct:source``: the resolver IRI of a
  DOI, handle or URL; a citation ending with a DOI → that DOI's IRI with the citation as its
  ``dct:bibliographicCitation``; other text → a blank node labelled with it.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import DCAT, DCT, FOAF, RDFS, SDO, SKOS
from . import datacite_terms as terms
from . import oai_dc_values as values
from .build import (
    WKT,
    A,
    Triples,
    bbox_wkt,
    guess_language,
    plain,
)
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "OAI_DC_NS", "DC_NS", "KINDS"]

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOT = re.compile(
    rb"<(?:[\w.-]+:)?dc\b[^>]*?\bxmlns(?::[\w.-]+)?\s*=\s*[\"']"
    rb"http://www\.openarchives\.org/OAI/2\.0/oai_dc/?[\"']"
)
_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL)
_DCMI_TYPES = (
    "Collection Dataset Event Image InteractiveResource MovingImage PhysicalObject Service "
    "Software Sound StillImage Text"
).split()
#: dc:type (last path segment, letters only, lower case) -> kind of resource
KINDS = {
    "dataset": "dataset", "collection": "dataset", "software": "software",
    "computationalnotebook": "software", "workflow": "software", "service": "service",
    "dataservice": "service", "webservice": "service", "text": "publication",
    "article": "publication", "journalarticle": "publication", "conferencepaper": "publication",
    "conferenceobject": "publication", "preprint": "publication", "report": "publication",
    "book": "publication", "bookpart": "publication", "doctoralthesis": "publication",
    "masterthesis": "publication", "thesis": "publication", "workingpaper": "publication",
    "datapaper": "publication", "review": "publication", "publication": "publication",
}  # fmt: skip
_CLASSES = {
    "dataset": DCAT.Dataset,
    "software": SDO.SoftwareSourceCode,
    "publication": SDO.ScholarlyArticle,
    "service": DCAT.DataService,
}
_FORGE = re.compile(
    r"^https?://(github\.com|gitlab\.[^/]+|bitbucket\.org|codeberg\.org|framagit\.org"
    r"|sourceforge\.net|forge\.[^/]+|git\.[^/]+)/[^/]+/[^/]+",
    re.IGNORECASE,
)
_SIZE = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:[kMGT]i?)?(?:B|bytes?|octets?|o)$", re.IGNORECASE)
_CITED_DOI = re.compile(r"((?:doi:\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+?)[.,;)]?$", re.I)
_ACCESS = re.compile(r"^info:eu-repo/semantics/\w+Access$", re.IGNORECASE)


def sniff(data: bytes) -> bool:
    """Is ``data`` an oai_dc record (root ``dc`` in the OAI-PMH oai_dc namespace)?"""
    head = data[:8192]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", "ignore").encode()
    head = _PROLOG.sub(b"", head.lstrip(b"\xef\xbb\xbf \t\r\n")).lstrip()
    return bool(_ROOT.match(head))


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of one oai_dc record; :class:`InputError` if it is unusable."""
    if not data.strip():
        raise InputError("empty oai_dc record (notice oai_dc vide)")
    try:
        root = parse_xml(data, name="oai_dc record")
    except InputError as exc:
        raise InputError(f"{exc} (notice oai_dc illisible)") from exc
    except (LookupError, ValueError) as exc:  # unknown declared encoding, bad bytes
        raise InputError(f"oai_dc record: unreadable XML (XML illisible): {exc}") from exc
    if root.tag != f"{{{OAI_DC_NS}}}dc":
        raise InputError(
            f"not an oai_dc record: root element is {root.tag} "
            f"(pas une notice oai_dc : l'élément racine est {root.tag})"
        )
    return _Record(root, base_iri).triples()


class _Record:
    """The Dublin Core elements of one record and the triples made of them."""

    def __init__(self, root: ElementTree.Element, base: str):
        self.base = base
        self.elements: dict[str, list[ElementTree.Element]] = {}
        for child in root:
            if child.tag.startswith(f"{{{DC_NS}}}") and "".join(child.itertext()).strip():
                self.elements.setdefault(child.tag.split("}")[1], []).append(child)
        codes = (values.language_code(self.text(e)) for e in self.all("language"))
        self.languages = list(dict.fromkeys(c for c in codes if c))
        self.out = Triples()
        self.agents: dict[tuple[str, str | None], ox.NamedNode | ox.BlankNode] = {}

    def all(self, name: str) -> list[ElementTree.Element]:
        return self.elements.get(name, [])

    @staticmethod
    def text(element: ElementTree.Element) -> str:
        return " ".join("".join(element.itertext()).split())

    def texts(self, name: str) -> list[str]:
        return list(dict.fromkeys(self.text(e) for e in self.all(name)))

    def literal(self, element: ElementTree.Element, *, markup: bool = False) -> ox.Literal:
        """The element's text, tagged with its language when known."""
        value = self.text(element)
        if markup:  # HTML in the text: tags dropped, <br> and </p> kept as line breaks
            parts = re.split(r"<br\s*/?>|</p>", "".join(element.itertext()), flags=re.I)
            value = "\n".join(line for part in parts if (line := " ".join(plain(part).split())))
        lang = values.language_code(element.get(_XML_LANG))
        if lang is None and len(self.languages) == 1:
            lang = self.languages[0]
        elif lang is None and len(self.languages) > 1:
            guessed = guess_language(value)
            lang = guessed if guessed in self.languages else None
        return ox.Literal(value, language=lang) if lang else ox.Literal(value)

    def kind(self) -> tuple[str, str | None]:
        """The kind of resource (from the first dc:type understood) and the DCMI type IRI."""
        names = [
            re.sub(r"[^a-z]", "", re.split(r"[/:#]", value.rstrip("/"))[-1].lower())
            for value in self.texts("type")
        ]
        kind = next((KINDS[name] for name in names if name in KINDS), "dataset")
        dcmi = next((t for name in names for t in _DCMI_TYPES if t.lower() == name), None)
        return kind, f"http://purl.org/dc/dcmitype/{dcmi}" if dcmi else None

    def triples(self) -> list[ox.Triple]:
        titles = self.all("title")
        if not titles:
            raise InputError("oai_dc record without a title (dc:title) (notice sans titre)")
        idents = list(dict.fromkeys(values.identifier(t) for t in self.texts("identifier")))
        if not idents:
            raise InputError(
                "oai_dc record without an identifier (dc:identifier) (notice sans identifiant)"
            )
        order = ("doi", "handle", "url", "other")
        best = min(idents, key=lambda i: order.index(i.kind))
        kind, dcmi = self.kind()
        key = best.value.lower() if best.kind == "doi" else best.value
        res = ox.NamedNode(resource_iri(kind, key, self.base))
        self.out.add(res, A, ox.NamedNode(_CLASSES[kind]))
        self.out.add(res, DCT.type, ox.NamedNode(dcmi) if dcmi else None)
        self._identifiers(res, kind, idents)
        self._titles(res, kind, titles)
        for element in self.all("description"):
            self.out.add(res, DCT.description, self.literal(element, markup=True))
        for element in self.all("subject"):
            self.out.add(res, DCAT.keyword, self.literal(element))
        for name, prop in (("creator", DCT.creator), ("contributor", DCT.contributor)):
            for text in self.texts(name):
                self.out.add(res, prop, self._agent(text))
        for text in self.texts("publisher"):
            self.out.add(res, DCT.publisher, self._agent(text))
        self._dates(res)
        for text in self.texts("rights"):
            self._rights(res, text)
        for text in self.texts("coverage"):
            self._coverage(res, text)
        for code in self.languages:
            language = terms.language_iri(code)
            self.out.add(res, DCT.language, ox.NamedNode(language) if language else None)
        self._formats(res, kind, idents)
        for name, prop in (("relation", DCT.relation), ("source", DCT.source)):
            for text in self.texts(name):
                self.out.add(res, prop, self._related(text))
        return list(dict.fromkeys(self.out))

    def _identifiers(self, res: ox.NamedNode, kind: str, idents: list) -> None:
        for ident in idents:
            self.out.add(res, DCT.identifier, ox.Literal(ident.value))
            if ident.kind == "doi":
                self.out.add(res, SDO.identifier, ox.NamedNode(ident.iri))
            if ident.iri is None:
                continue
            page = ox.NamedNode(ident.iri)
            if kind == "service" and ident.kind == "url":
                self.out.add(res, DCAT.endpointURL, page)
            elif kind in ("dataset", "service"):
                self.out.add(res, DCAT.landingPage, page)
            else:
                self.out.add(res, SDO.url, page)
            if kind == "software" and ident.kind == "url" and _FORGE.match(ident.iri):
                self.out.add(res, SDO.codeRepository, page)

    def _titles(self, res: ox.NamedNode, kind: str, titles: list[ElementTree.Element]) -> None:
        """The first title in each language is the title, the next ones alternatives."""
        seen: set[str] = set()
        for element in titles:
            title = self.literal(element, markup=True)
            first = (title.language or "") not in seen
            seen.add(title.language or "")
            self.out.add(res, DCT.title if first else DCT.alternative, title)
            if first and kind in ("software", "publication"):
                self.out.add(res, SDO.name, title)

    def _agent(self, text: str) -> ox.NamedNode | ox.BlankNode | None:
        """A foaf:Agent named ``text`` (its ORCID IRI when the text carries one)."""
        name, orcid = values.orcid(text)
        if not name:
            return None
        if (name, orcid) not in self.agents:
            agent = ox.NamedNode(orcid) if orcid else ox.BlankNode()
            self.out.add(agent, A, ox.NamedNode(FOAF.Agent))
            if orcid:
                self.out.add(agent, A, ox.NamedNode(FOAF.Person))
            self.out.add(agent, FOAF.name, ox.Literal(name))
            self.agents[(name, orcid)] = agent
        return self.agents[(name, orcid)]

    def _dates(self, res: ox.NamedNode) -> None:
        dates = []
        for text in self.texts("date"):
            literal = values.date_literal(text)
            if literal is not None:
                dates.append(literal)
            elif (span := values.period(text)) is not None:
                self._period(res, span)
        dates = sorted(dict.fromkeys(dates), key=lambda d: d.value)
        if dates:  # the earliest is the release, the latest (DSpace: last change) the update
            self.out.add(res, DCT.issued, dates[0])
        if len(dates) > 1:
            self.out.add(res, DCT.modified, dates[-1])
        for other in dates[1:-1]:
            self.out.add(res, DCT.date, other)

    def _period(self, res: ox.NamedNode, span: tuple) -> None:
        period = ox.BlankNode()
        self.out.add(period, A, ox.NamedNode(DCT.PeriodOfTime))
        self.out.add(period, DCAT.startDate, span[0])
        self.out.add(period, DCAT.endDate, span[1])
        self.out.add(res, DCT.temporal, period)

    def _rights(self, res: ox.NamedNode, text: str) -> None:
        licence = values.licence(text)
        if licence:
            self.out.add(res, DCT.license, ox.NamedNode(licence))
            return
        access = terms.access_rights_iri(text) if _ACCESS.match(text) else None
        if access:
            self.out.add(res, DCT.accessRights, ox.NamedNode(access))
            return
        url = values.identifier(text)
        statement = ox.NamedNode(url.iri) if url.kind == "url" else ox.BlankNode()
        self.out.add(statement, A, ox.NamedNode(DCT.RightsStatement))
        if url.kind != "url":
            self.out.add(statement, RDFS.label, ox.Literal(text))
        self.out.add(res, DCT.rights, statement)

    def _coverage(self, res: ox.NamedNode, text: str) -> None:
        for kind, found, label in values.coverage(text):
            if kind == "period":
                self._period(res, found)
            else:
                self._location(res, kind, found, label)

    def _location(self, res: ox.NamedNode, kind: str, found: tuple | None, label: str) -> None:
        location = ox.BlankNode()
        self.out.add(location, A, ox.NamedNode(DCT.Location))
        if kind == "box":
            self.out.add(location, DCAT.bbox, ox.Literal(bbox_wkt(*found), datatype=WKT))
        elif kind == "point":
            box = bbox_wkt(*found, *found)
            point = box.removeprefix("POLYGON((").split(",")[0]
            self.out.add(location, DCAT.centroid, ox.Literal(f"POINT({point})", datatype=WKT))
            self.out.add(location, DCAT.bbox, ox.Literal(box, datatype=WKT))
        if label:
            self.out.add(location, SKOS.prefLabel, ox.Literal(label))
        self.out.add(res, DCT.spatial, location)

    def _formats(self, res: ox.NamedNode, kind: str, idents: list) -> None:
        formats = self.texts("format")
        urls = [i.iri for i in idents if i.kind == "url"]
        urls += [i.iri for i in idents if i.kind in ("doi", "handle")]
        if kind != "dataset" or not urls:
            for text in formats:
                self.out.add(res, DCT.format, ox.Literal(text))
            return
        dist = ox.BlankNode()
        self.out.add(dist, A, ox.NamedNode(DCAT.Distribution))
        self.out.add(dist, DCAT.accessURL, ox.NamedNode(urls[0]))
        for text in formats:
            head, _, rest = text.partition(
                ","
            )  # PANGAEA: "text/tab-separated-values, 8 data points"
            media = terms.media_type_iri(head.split(";")[0])
            if media:
                self.out.add(dist, DCAT.mediaType, ox.NamedNode(media))
                self.out.add(dist, DCT.extent, ox.Literal(rest.strip()) if rest.strip() else None)
            elif _SIZE.match(text):
                self.out.add(dist, DCT.extent, ox.Literal(text))
            else:
                self.out.add(dist, DCT.format, ox.Literal(text))
        self.out.add(res, DCAT.distribution, dist)

    def _related(self, text: str) -> ox.NamedNode | ox.BlankNode:
        """The resource a relation names: its IRI; for a citation, the DOI it ends with
        (with the citation) or a blank node labelled with it."""
        target = values.identifier(text)
        if target.iri:
            return ox.NamedNode(target.iri)
        cited = _CITED_DOI.search(text)
        doi = values.identifier(cited.group(1)) if cited else None
        node = ox.NamedNode(doi.iri) if doi and doi.kind == "doi" else ox.BlankNode()
        prop = DCT.bibliographicCitation if doi and doi.kind == "doi" else RDFS.label
        self.out.add(node, prop, ox.Literal(text))
        return node
