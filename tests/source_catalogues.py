"""Catalogue apps for tests/fixture_server.py (CSW, OAI-PMH, DCAT endpoints) and harvest helpers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pyoxigraph as ox
from fixture_server import Answer, Request

from graph_loader.mappings.xmlsafe import parse_xml
from graph_loader.paths import demo_dir
from graph_loader.sources import RawRecord, SourceError

__all__ = [
    "MINIMAL",
    "DEMO",
    "client",
    "harvest",
    "blank",
    "text_without_declaration",
    "SOURCE_FIXTURES",
    "iso_records",
    "CSWCatalogue",
    "OAIRecord",
    "OAICatalogue",
    "DCATCatalogue",
    "Conditional",
    "HYDRA",
]

SOURCE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
HYDRA = "http://www.w3.org/ns/hydra/core#"
CSW = "http://www.opengis.net/cat/csw/2.0.2"
_GMD = "{http://www.isotc211.org/2005/gmd}"
_MDB = "{http://standards.iso.org/iso/19115/-3/mdb/2.0}"
_RECORD_TAGS = {
    _GMD + "MD_Metadata",
    "{http://www.isotc211.org/2005/gmi}MI_Metadata",
    _MDB + "MD_Metadata",
}
_IDENTIFIERS = (
    f"{_GMD}fileIdentifier/{{http://www.isotc211.org/2005/gco}}CharacterString",
    f"{_MDB}metadataIdentifier/{{http://standards.iso.org/iso/19115/-3/mcc/1.0}}MD_Identifier/"
    "{http://standards.iso.org/iso/19115/-3/mcc/1.0}code/"
    "{http://standards.iso.org/iso/19115/-3/gco/1.0}CharacterString",
)
_XML = "application/xml"

MINIMAL = sorted(SOURCE_FIXTURES.glob("iso-minimal-*.xml"))
DEMO = sorted(demo_dir().glob("*.ttl"))


def client(timeout: float = 2.0) -> httpx.Client:
    """A client with a short timeout and no environment proxies."""
    return httpx.Client(timeout=timeout, trust_env=False)


def harvest(
    source, http: httpx.Client, resume: str | None = None
) -> tuple[list[RawRecord], SourceError | None]:
    """The records yielded until the end or a SourceError (returned, not raised)."""
    got: list[RawRecord] = []
    try:
        for record in source.records(http, resume=resume):
            got.append(record)
    except SourceError as exc:
        return got, exc
    return got, None


def blank(triples: list[ox.Triple]) -> list[tuple[str, ...]]:
    """The triples as sorted strings, every blank node written ``_:``."""

    def term(node: object) -> str:
        return "_:" if isinstance(node, ox.BlankNode) else str(node)

    return sorted((term(t.subject), str(t.predicate), term(t.object)) for t in triples)


def text_without_declaration(path: Path) -> str:
    """A record file's text without its XML declaration (to embed it in a page)."""
    text = path.read_text(encoding="utf-8-sig")
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


def iso_records(paths: list[Path]) -> list[tuple[str, str]]:
    """``(identifier, record XML)`` of every ISO 19139 / 19115-3 record in ``paths``, in order."""
    found = []
    for path in paths:
        root = parse_xml(path.read_bytes(), name=str(path))
        for element in root.iter():
            if element.tag in _RECORD_TAGS:
                identifier = next(filter(None, map(element.findtext, _IDENTIFIERS)))
                found.append(
                    (identifier.strip(), ElementTree.tostring(element, encoding="unicode"))
                )
    return found


@dataclass
class CSWCatalogue:
    """A CSW 2.0.2 GetRecords endpoint over record XML strings; ``failing`` maps a
    startPosition to the answer given instead of the page."""

    records: list[str]
    failing: dict[int, Answer] = field(default_factory=dict)

    def __call__(self, request: Request) -> Answer:
        """The GetRecordsResponse page the request asks for."""
        if request.method == "POST":
            query = parse_xml(request.body, name="GetRecords")
            start = int(query.get("startPosition", "1"))
            size = int(query.get("maxRecords", "10"))
            since = query.findtext(".//{http://www.opengis.net/ogc}Literal") or ""
        else:
            start = int(request.query.get("startPosition", "1"))
            size = int(request.query.get("maxRecords", "10"))
            found = re.fullmatch(r"apiso:Modified >= '(.*)'", request.query.get("constraint", ""))
            since = found.group(1) if found else ""
        if start in self.failing:
            return self.failing[start]
        chosen = [xml for xml in self.records if _date_stamp(xml) >= since]
        page = chosen[start - 1 : start - 1 + size]
        following = start + len(page) if start - 1 + len(page) < len(chosen) else 0
        body = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="{CSW}"'
            f' version="2.0.2"><csw:SearchStatus timestamp="2026-01-01T00:00:00Z"/>'
            f'<csw:SearchResults numberOfRecordsMatched="{len(chosen)}"'
            f' numberOfRecordsReturned="{len(page)}" nextRecord="{following}" elementSet="full">'
            + "".join(page)
            + "</csw:SearchResults></csw:GetRecordsResponse>"
        )
        return Answer(200, _XML, body.encode("utf-8"))


def _date_stamp(xml: str) -> str:
    """The gmd:dateStamp of an ISO record ("" if none)."""
    if len(xml) > 1_000_000:
        return ""
    root = parse_xml(xml.encode("utf-8"))
    stamp = f"{_GMD}dateStamp/{{http://www.isotc211.org/2005/gco}}"
    return root.findtext(stamp + "Date") or root.findtext(stamp + "DateTime") or ""


@dataclass(frozen=True)
class OAIRecord:
    """One record of an OAI-PMH repository; ``metadata`` None means deleted."""

    identifier: str
    datestamp: str
    metadata: str | None


@dataclass
class OAICatalogue:
    """An OAI-PMH ListRecords endpoint, ``page_size`` records a page, tokens "offset/from/until";
    ``failing`` maps a resumptionToken (None: the first page) to the answer given instead."""

    records: list[OAIRecord]
    page_size: int = 3
    failing: dict[str | None, Answer] = field(default_factory=dict)
    #: the repository's datestamp granularity: "YYYY-MM-DD" refuses a window to the second
    granularity: str = "YYYY-MM-DDThh:mm:ssZ"

    def __call__(self, request: Request) -> Answer:
        """The ListRecords page the request asks for, or an OAI-PMH error."""
        token = request.query.get("resumptionToken")
        if token in self.failing:
            return self.failing[token]
        window = (request.query.get("from", ""), request.query.get("until", ""))
        if self.granularity == "YYYY-MM-DD" and any(len(w) > 10 for w in window):
            return self._error("badArgument", "the granularity of this repository is the day")
        if token is None:
            offset, since, until = 0, request.query.get("from", ""), request.query.get("until", "")
        else:
            parts = token.split("/")
            if len(parts) != 3 or not parts[0].isdigit():
                return self._error("badResumptionToken", f"unknown token {token}")
            offset, since, until = int(parts[0]), parts[1], parts[2]
        chosen = [
            r for r in self.records if r.datestamp >= since and (not until or r.datestamp <= until)
        ]
        if not chosen:
            return self._error("noRecordsMatch", "no record in that window")
        page = chosen[offset : offset + self.page_size]
        following = offset + len(page)
        next_token = f"{following}/{since}/{until}" if following < len(chosen) else ""
        body = "".join(map(_oai_record, page))
        body += f'<resumptionToken completeListSize="{len(chosen)}">{next_token}</resumptionToken>'
        return self._answer(f"<ListRecords>{body}</ListRecords>")

    def _error(self, code: str, text: str) -> Answer:
        """An OAI-PMH error answer."""
        return self._answer(f'<error code="{code}">{text}</error>')

    @staticmethod
    def _answer(content: str) -> Answer:
        """An OAI-PMH document around ``content``."""
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
            "<responseDate>2026-01-01T00:00:00Z</responseDate>"
            '<request verb="ListRecords">http://127.0.0.1/oai</request>'
            f"{content}</OAI-PMH>"
        )
        return Answer(200, "text/xml; charset=utf-8", body.encode("utf-8"))


def _oai_record(record: OAIRecord) -> str:
    """One oai:record element."""
    status = ' status="deleted"' if record.metadata is None else ""
    header = (
        f"<header{status}><identifier>{record.identifier}</identifier>"
        f"<datestamp>{record.datestamp}</datestamp></header>"
    )
    if record.metadata is None:
        return f"<record>{header}</record>"
    return f"<record>{header}<metadata>{record.metadata}</metadata></record>"


@dataclass
class DCATCatalogue:
    """A DCAT endpoint serving Turtle files as pages /dcat/page/1, 2, ... linked by hydra:next
    (page 2 as RDF/XML, page 3 as JSON-LD with hydra:nextPage, the others as Turtle)."""

    files: list[Path]
    failing: dict[int, Answer] = field(default_factory=dict)
    base: str = ""

    def __call__(self, request: Request) -> Answer:
        """Page N of the catalogue."""
        number = int(request.path.rsplit("/", 1)[1])
        if number in self.failing:
            return self.failing[number]
        return self.page(number)

    def page(self, number: int) -> Answer:
        """The content of page ``number`` with its Hydra view."""
        url = f"{self.base}/dcat/page/{number}"
        text = self.files[number - 1].read_text(encoding="utf-8")
        has_next = number < len(self.files)
        if number in (2, 3):
            quads = list(ox.parse(text, format=ox.RdfFormat.TURTLE))
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            view = ox.NamedNode(url)
            triples.append(ox.Triple(view, ox.NamedNode(HYDRA + "itemsPerPage"), ox.Literal("1")))
            if has_next:
                link = ox.NamedNode(HYDRA + ("next" if number == 2 else "nextPage"))
                triples.append(
                    ox.Triple(view, link, ox.NamedNode(f"{self.base}/dcat/page/{number + 1}"))
                )
            rdf_format = ox.RdfFormat.RDF_XML if number == 2 else ox.RdfFormat.JSON_LD
            return Answer(200, rdf_format.media_type, ox.serialize(triples, format=rdf_format))
        view = f"\n<{url}> a <{HYDRA}PartialCollectionView>"
        if has_next:
            view += f" ;\n  <{HYDRA}next> <{number + 1}>"
        return Answer(200, "text/turtle; charset=utf-8", (text + view + " .\n").encode("utf-8"))


@dataclass
class Conditional:
    """A catalogue app behind conditional requests (RFC 9110 §13.1): a 200 answer carries an
    ETag (a hash of its body) and ``last_modified``; a GET whose ``If-None-Match`` names the
    ETag of the answer it would get, or that has no ``If-None-Match`` and an
    ``If-Modified-Since`` equal to ``last_modified``, is answered 304 Not Modified."""

    app: Callable[[Request], Answer]
    last_modified: str = "Thu, 01 Jan 2026 00:00:00 GMT"

    def __call__(self, request: Request) -> Answer:
        answer = self.app(request)
        if answer.status != 200:
            return answer
        etag = '"' + hashlib.sha256(answer.body).hexdigest()[:32] + '"'
        headers = (("ETag", etag), ("Last-Modified", self.last_modified))
        asked = request.headers.get("if-none-match")
        if request.method == "GET" and (
            etag in [t.strip() for t in asked.split(",")]
            if asked is not None
            else request.headers.get("if-modified-since") == self.last_modified
        ):
            return Answer(304, answer.content_type, b"", headers=headers)
        return Answer(200, answer.content_type, answer.body, headers=headers)
