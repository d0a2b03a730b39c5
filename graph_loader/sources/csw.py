"""CSW 2.0.2 GetRecords harvester: ISO 19139 records, paged by startPosition / nextRecord."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

import httpx

from ..errors import InputError
from ..mappings.xmlsafe import parse_xml
from . import RawRecord, SourceError
from .http import fetch
from .xmlslice import child_documents

__all__ = ["CSWSource", "CSW_NS", "GMD_NS", "MDB_NS"]

CSW_NS = "http://www.opengis.net/cat/csw/2.0.2"
GMD_NS = "http://www.isotc211.org/2005/gmd"
OWS_NS = "http://www.opengis.net/ows"
MDB_NS = "http://standards.iso.org/iso/19115/-3/mdb/2.0"
#: prefixes of typeNames declared in GET requests
_PREFIXES = {"gmd": GMD_NS, "gmi": "http://www.isotc211.org/2005/gmi", "mdb": MDB_NS, "csw": CSW_NS}
_GCO = "{http://www.isotc211.org/2005/gco}"
_IDENTIFIER_PATHS = (
    f"{{{GMD_NS}}}fileIdentifier/{_GCO}CharacterString",
    f"{{{MDB_NS}}}metadataIdentifier//"
    "{http://standards.iso.org/iso/19115/-3/mcc/1.0}code/{http://standards.iso.org/iso/19115/-3/gco/1.0}CharacterString",
)

_GET_RECORDS = """<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2"
  resultType="results" startPosition="{start}" maxRecords="{size}" outputSchema={schema}>
  <csw:Query typeNames={type_names}><csw:ElementSetName>full</csw:ElementSetName>{constraint}
  </csw:Query>
</csw:GetRecords>"""
_SINCE = """
    <csw:Constraint version="1.1.0"><ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"
      xmlns:apiso="http://www.opengis.net/cat/csw/apiso/1.0"><ogc:PropertyIsGreaterThanOrEqualTo>
      <ogc:PropertyName>apiso:Modified</ogc:PropertyName><ogc:Literal>{since}</ogc:Literal>
    </ogc:PropertyIsGreaterThanOrEqualTo></ogc:Filter></csw:Constraint>"""
#: what ``since`` may be: an ISO 8601 date or date-time (it goes into a filter)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")


@dataclass
class CSWSource:
    """A CSW 2.0.2 endpoint; ``method`` "POST" sends GetRecords as XML, "GET" as KVP;
    ``since`` (an ISO date) asks only for records modified since then (incremental harvest)."""

    name: str
    url: str
    page_size: int = 50
    method: str = "POST"
    output_schema: str = GMD_NS
    type_names: str = "gmd:MD_Metadata"
    since: str | None = None
    max_pages: int = 100_000
    resume_token: str | None = None
    #: ``(identifier, datestamp) -> bool``, set by the harvest: whether that version is the
    #: one stored; such a record comes without its bytes, said unchanged (a page none of
    #: whose records is needed is not cut into documents)
    holds: Callable[[str, str], bool] | None = None

    def __post_init__(self) -> None:
        if self.since is not None and not _ISO_DATE.fullmatch(self.since):
            raise InputError(f"{self.name}: since {self.since!r} is not an ISO 8601 date")

    def records(self, client: httpx.Client, *, resume: str | None = None) -> Iterator[RawRecord]:
        """Every record of the catalogue from startPosition ``resume`` (1 if None)."""
        start = int(resume) if resume else 1
        self.resume_token = str(start)
        for _ in range(self.max_pages):
            try:
                following = yield from self._page(client, start, self.page_size)
            except SourceError as exc:
                if exc.transient or self.page_size == 1:
                    exc.skip = str(start + self.page_size)
                    raise
                following = yield from self._isolate(client, start)
            if following is None:
                self.resume_token = None
                return
            start = following
            self.resume_token = str(start)
        raise SourceError(self.name, f"startPosition={start}", "too many pages", resume=str(start))

    def _isolate(self, client: httpx.Client, start: int) -> Generator[RawRecord, None, int | None]:
        """Read a page that could not be read one record at a time: its good records are
        yielded; the first bad one raises SourceError with ``skip`` just after it."""
        following: int | None = None
        for position in range(start, start + self.page_size):
            self.resume_token = str(position)
            try:
                following = yield from self._page(client, position, 1)
            except SourceError as exc:
                exc.skip = str(position + 1)
                raise
            if following is None:
                return None
        return following

    def _page(
        self, client: httpx.Client, start: int, size: int
    ) -> Generator[RawRecord, None, int | None]:
        """Yield the records of the page at ``start``; return the next startPosition or None."""
        token = str(start)
        page = f"startPosition={start}"
        request = self._request(start, size)
        answer = fetch(client, request, source=self.name, page=page, resume=token)
        results = self._read(answer.data, page, token)
        yield from self._raw_records(results, answer.data, start, answer.unchanged)
        returned = len(results)
        matched = _int(results.parent.get("numberOfRecordsMatched"))
        following = _int(results.parent.get("nextRecord"))
        if following is None and matched is not None:
            following = start + returned if start + returned <= matched else 0
        if not returned or not following or (matched is not None and following > matched):
            return None
        if following <= start:
            raise SourceError(
                self.name, page, f"nextRecord {following} goes backwards", resume=token
            )
        return following

    def _request(self, start: int, size: int) -> httpx.Request:
        """The GetRecords request for the page beginning at ``start``."""
        if self.method.upper() == "GET":
            prefix = self.type_names.split(":", 1)[0]
            params = {
                "service": "CSW",
                "version": "2.0.2",
                "request": "GetRecords",
                "resultType": "results",
                "typeNames": self.type_names,
                "elementSetName": "full",
                "outputSchema": self.output_schema,
                "startPosition": str(start),
                "maxRecords": str(size),
                "namespace": f"xmlns({prefix}={_PREFIXES.get(prefix, GMD_NS)})",
            }
            if self.since:
                params["constraintLanguage"] = "CQL_TEXT"
                params["constraint_language_version"] = "1.1.0"
                params["constraint"] = f"apiso:Modified >= '{self.since}'"
            return httpx.Request("GET", self.url, params=params)
        body = _GET_RECORDS.format(
            start=start,
            size=size,
            schema=quoteattr(self.output_schema),
            type_names=quoteattr(self.type_names),
            constraint=_SINCE.format(since=escape(self.since)) if self.since else "",
        )
        headers = {"Content-Type": "application/xml"}
        return httpx.Request("POST", self.url, content=body.encode("utf-8"), headers=headers)

    def _read(self, data: bytes, page: str, token: str) -> _Results:
        """The SearchResults of a page; SourceError if unreadable."""
        try:
            root = parse_xml(data, name=f"{self.name} {page}")
        except InputError as exc:
            raise SourceError(self.name, page, str(exc), resume=token) from exc
        if root.tag == f"{{{OWS_NS}}}ExceptionReport":
            text = " ".join(t.strip() for t in root.itertext() if t.strip())
            raise SourceError(self.name, page, f"CSW exception: {text}", resume=token)
        search = root.find(f"{{{CSW_NS}}}SearchResults")
        if search is None:
            raise SourceError(self.name, page, f"no csw:SearchResults in {root.tag}", resume=token)
        return _Results(search, list(search))

    def _raw_records(
        self, results: _Results, data: bytes, start: int, unchanged: bool = False
    ) -> Iterator[RawRecord]:
        """One RawRecord per child of SearchResults, named by its metadata identifier
        (or by its position when it has none), its bytes cut out of the page ``data``;
        ``unchanged``: the page was answered 304, or the harvest :attr:`holds` the record."""
        documents: list[tuple[int, bytes]] = []
        for place, element in enumerate(results.children):
            identifier = _identifier(element) or f"{self.url}#record-{start + place}"
            stamp = element.findtext(f"{{{GMD_NS}}}dateStamp/{_GCO}DateTime") or element.findtext(
                f"{{{GMD_NS}}}dateStamp/{_GCO}Date"
            )
            if stamp and self.holds is not None and self.holds(identifier, stamp):
                yield RawRecord(self.name, identifier, b"", stamp, url=self.url, unchanged=True)
                continue
            if not documents:
                documents = child_documents(data, f"{CSW_NS} SearchResults")
                n, m = len(documents), len(results)
                if n != m:
                    raise InputError(f"{self.name}: {n} records cut of {m} ({n} notices sur {m})")
            yield RawRecord(
                self.name, identifier, documents[place][1], stamp, url=self.url, unchanged=unchanged
            )


@dataclass
class _Results:
    """csw:SearchResults and its children."""

    parent: ElementTree.Element
    children: list[ElementTree.Element]

    def __len__(self) -> int:
        return len(self.children)


def _identifier(element: ElementTree.Element) -> str | None:
    """The metadata identifier of an ISO record (19139 or 19115-3), if it has one."""
    for path in _IDENTIFIER_PATHS:
        text = element.findtext(path)
        if text and text.strip():
            return text.strip()
    return None


def _int(value: str | None) -> int | None:
    """An integer attribute, None if absent or not a number."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
