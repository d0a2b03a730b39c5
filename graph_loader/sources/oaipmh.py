"""OAI-PMH ListRecords harvester: paged by resumptionToken, deleted records flagged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree import ElementTree

import httpx

from ..errors import InputError
from ..mappings.xmlsafe import parse_xml
from . import RawRecord, SourceError
from .http import fetch
from .xmlslice import child_documents

__all__ = ["OAIPMHSource", "OAI_NS", "ENVELOPES"]

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
_O = f"{{{OAI_NS}}}"
#: envelopes around a record in some metadata formats: root tag -> the element holding the record
_OAI_DATACITE = "http://schema.datacite.org/oai/oai-1.1/"
ENVELOPES = {f"{{{_OAI_DATACITE}}}oai_datacite": f"{_OAI_DATACITE} payload"}


@dataclass
class OAIPMHSource:
    """An OAI-PMH endpoint; ``since`` / ``until`` (ISO dates) ask only for records changed
    in that window (incremental harvest)."""

    name: str
    url: str
    metadata_prefix: str = "oai_dc"
    set_spec: str | None = None
    since: str | None = None
    until: str | None = None
    max_pages: int = 100_000
    resume_token: str | None = None

    def records(self, client: httpx.Client, *, resume: str | None = None) -> Iterator[RawRecord]:
        """Every record of the list, from resumptionToken ``resume`` (the first page if None)."""
        token = resume
        self.resume_token = token
        seen: set[str] = set()
        for _ in range(self.max_pages):
            page = f"resumptionToken={token}" if token else "first page / première page"
            answer = fetch(client, self._request(token), source=self.name, page=page, resume=token)
            if token is None and self._to_the_day(answer.data):  # asked again, by the day
                answer = fetch(
                    client, self._request(token), source=self.name, page=page, resume=token
                )
            listing = self._read(answer.data, page, token)
            if listing is None:
                self.resume_token = None
                return
            yield from self._raw_records(listing, answer.data, answer.unchanged)
            following = (listing.findtext(f"{_O}resumptionToken") or "").strip()
            if not following:
                self.resume_token = None
                return
            if following in seen or following == token:
                raise SourceError(
                    self.name, page, f"resumptionToken {following} repeats", resume=token
                )
            seen.add(following)
            token = following
            self.resume_token = token
        raise SourceError(self.name, f"resumptionToken={token}", "too many pages", resume=token)

    def _to_the_day(self, data: bytes) -> bool:
        """Whether the window (``from``, ``until``) was given to the second and the repository
        refused it as a bad argument: a repository of day granularity (``YYYY-MM-DD``) must
        be asked by the day; the window is then widened to whole days (records read twice
        are unchanged, none is missed)."""
        timed = [w for w in (self.since, self.until) if w and "T" in w]
        if not timed or b"badArgument" not in data:
            return False
        try:
            root = parse_xml(data, name=f"{self.name} first page")
        except InputError:
            return False
        codes = {e.get("code") for e in root.findall(f"{_O}error")}
        if codes != {"badArgument"}:
            return False
        self.since = self.since[:10] if self.since else None
        self.until = self.until[:10] if self.until else None
        return True

    def _request(self, token: str | None) -> httpx.Request:
        """The ListRecords request of a page."""
        params = {"verb": "ListRecords"}
        if token:
            params["resumptionToken"] = token
        else:
            params["metadataPrefix"] = self.metadata_prefix
            optional = {"set": self.set_spec, "from": self.since, "until": self.until}
            params.update({key: value for key, value in optional.items() if value})
        return httpx.Request("GET", self.url, params=params)

    def _read(self, data: bytes, page: str, token: str | None) -> ElementTree.Element | None:
        """The ListRecords of a page; None for noRecordsMatch, SourceError for other errors."""
        try:
            root = parse_xml(data, name=f"{self.name} {page}")
        except InputError as exc:
            raise SourceError(self.name, page, str(exc), resume=token) from exc
        if root.tag != f"{_O}OAI-PMH":
            raise SourceError(self.name, page, f"not an OAI-PMH answer: {root.tag}", resume=token)
        errors = root.findall(f"{_O}error")
        if errors and all(e.get("code") == "noRecordsMatch" for e in errors):
            return None
        if errors:
            text = "; ".join(f"{e.get('code')}: {(e.text or '').strip()}" for e in errors)
            raise SourceError(self.name, page, f"OAI-PMH error: {text}", resume=token)
        listing = root.find(f"{_O}ListRecords")
        if listing is None:
            raise SourceError(self.name, page, "no ListRecords in the answer", resume=token)
        return listing

    def _raw_records(
        self, listing: ElementTree.Element, data: bytes, unchanged: bool = False
    ) -> Iterator[RawRecord]:
        """One RawRecord per oai:record: its metadata as a document (out of its envelope,
        e.g. oai_datacite's payload), or deleted; ``unchanged``: the page was answered 304."""
        documents = dict(child_documents(data, f"{OAI_NS} metadata"))
        metadata_number = 0
        for record in listing.findall(f"{_O}record"):
            header = record.find(f"{_O}header")
            if header is None:
                continue
            identifier = (header.findtext(f"{_O}identifier") or "").strip()
            stamp = (header.findtext(f"{_O}datestamp") or "").strip() or None
            deleted = header.get("status") == "deleted"
            document = b""
            metadata = record.find(f"{_O}metadata")
            if metadata is not None:
                metadata_number += 1
                document = documents.get(metadata_number, b"")
                envelope = ENVELOPES.get(metadata[0].tag) if len(metadata) else None
                if envelope and document:
                    inner = child_documents(document, envelope)
                    document = inner[0][1] if inner else b""
            yield RawRecord(self.name, identifier, document, stamp, deleted, self.url, unchanged)
