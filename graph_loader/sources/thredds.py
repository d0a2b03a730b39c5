"""THREDDS catalogue harvester: a catalogue and the catalogues its ``catalogRef``s lead to.

The crawl is breadth first from ``url``; a ``catalogRef`` (its ``xlink:href`` resolved against
the catalogue's URL) is followed while its depth (the root is 0) is at most ``max_depth``;
deeper references are listed in :attr:`THREDDSSource.beyond_depth`, not fetched. Only http(s)
references on the root's host are followed (``other_hosts`` lifts the second condition); the
others are listed in :attr:`THREDDSSource.not_followed`. Each
catalogue that holds datasets is one RawRecord (identifier = its URL), its root element given
``xml:base`` = that URL when it has none, so that the converter
(:mod:`graph_loader.mappings.thredds`) resolves service bases into endpoint URLs; the loader
splits it into its dataset and service records. A catalogue already met in the run is not
fetched twice. With ``fetch_ncml``, the NcML of each dataset that offers an NCML service
is fetched too and embedded in the dataset element (the converter then completes the
catalogue's metadata with the ACDD attributes of the data); an NcML that cannot be had is
listed in :attr:`THREDDSSource.ncml_errors` and the dataset keeps what its catalogue says.

Resume token: the catalogues still to read, ``[[url, depth], …]`` as JSON, the one being read
first (it is read again after an interruption: records come at least once). A child catalogue
that cannot be read (HTTP 4xx, malformed XML, not a catalogue) raises SourceError with
``skip`` = the queue without it, so the harvest reports it and goes on with the others; a
server or network failure (5xx, timeout) is transient: retried, then the harvest stops with
the token of that catalogue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

import httpx

from ..errors import InputError
from ..mappings.ncml import NCML_NS
from ..mappings.thredds import dataset_accesses
from ..mappings.thredds.tree import XML_BASE, catalog_refs
from ..mappings.xmlsafe import parse_xml
from . import RawRecord, SourceError
from .http import fetch

__all__ = ["THREDDSSource"]

_ACCEPT = "application/xml, text/xml;q=0.9"
_CATALOG_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?catalog(?=[\s>/])")


def _encode(queue: list[tuple[str, int]]) -> str:
    return json.dumps([[url, depth] for url, depth in queue], separators=(",", ":"))


def _decode(token: str) -> list[tuple[str, int]]:
    try:
        items = json.loads(token)
        return [(str(url), int(depth)) for url, depth in items]
    except (ValueError, TypeError) as exc:
        raise InputError(
            f"THREDDS resume token is not a list of [url, depth] (jeton de reprise illisible): "
            f"{token[:80]!r}"
        ) from exc


def with_base(data: bytes, url: str) -> bytes:
    """``data`` with ``xml:base="url"`` on its root ``catalog`` element (added only if absent)."""
    match = _CATALOG_TAG.search(data, 0, 65536)
    if match is None:
        return data
    end = data.find(b">", match.end())
    if b"xml:base" in data[match.end() : end]:
        return data
    attribute = f" xml:base={quoteattr(url)}".encode()
    return data[: match.end()] + attribute + data[match.end() :]


def _titled(element: ElementTree.Element) -> bool:
    """An NcML element with a ``title`` global attribute."""
    return element.tag == f"{{{NCML_NS}}}netcdf" and any(
        a.tag == f"{{{NCML_NS}}}attribute" and a.get("name") == "title" for a in element
    )


@dataclass
class THREDDSSource:
    """A THREDDS server's catalogue, followed through its catalogRefs down to ``max_depth``."""

    name: str
    url: str
    max_depth: int = 5
    max_catalogues: int = 10_000
    #: also fetch each dataset's NcML (its NCML service) and embed it in the catalogue, so that
    #: the ACDD attributes of the data fill what the catalogue leaves unsaid
    fetch_ncml: bool = False
    resume_token: str | None = None
    #: follow catalogRefs to other hosts than the root catalogue's
    other_hosts: bool = False
    #: catalogRefs not followed because they lie deeper than max_depth: (url, depth)
    beyond_depth: list[tuple[str, int]] = field(default_factory=list)
    #: catalogRefs not followed because they are not http(s) or lead to another host
    not_followed: list[str] = field(default_factory=list)
    #: NcML documents that could not be fetched or read: (url, reason); the dataset keeps
    #: what its catalogue says
    ncml_errors: list[tuple[str, str]] = field(default_factory=list)

    def records(self, client: httpx.Client, *, resume: str | None = None) -> Iterator[RawRecord]:
        """Every catalogue holding datasets, from the queue ``resume`` (the root if None)."""
        queue = _decode(resume) if resume is not None else [(self.url, 0)]
        seen = {url for url, _depth in queue}
        read = 0
        while queue:
            self.resume_token = _encode(queue)
            url, depth = queue[0]
            rest = queue[1:]
            if read >= self.max_catalogues:
                raise SourceError(
                    self.name, url, f"over {self.max_catalogues} catalogues", resume=_encode(queue)
                )
            read += 1
            data, root, unchanged = self._fetch(client, url, depth, rest)
            children = []
            for child, _title in catalog_refs(root, url):
                if child in seen:
                    continue
                seen.add(child)
                parts = urlsplit(child)
                if parts.scheme not in ("http", "https") or (
                    not self.other_hosts and parts.netloc != urlsplit(self.url).netloc
                ):
                    self.not_followed.append(child)
                    continue
                if depth + 1 > self.max_depth:
                    self.beyond_depth.append((child, depth + 1))
                else:
                    children.append((child, depth + 1))
            if any(el.tag.rsplit("}", 1)[-1] == "dataset" for el in root.iter()):
                if self.fetch_ncml and self._embed_ncml(client, root):
                    data = ElementTree.tostring(root, encoding="utf-8")
                    unchanged = False  # its NcML documents were not asked conditionally
                yield RawRecord(self.name, url, with_base(data, url), url=url, unchanged=unchanged)
            queue = rest + children
        self.resume_token = None

    def _embed_ncml(self, client: httpx.Client, root: ElementTree.Element) -> int:
        """Fetch the NcML of each dataset offering an NCML service and add it to the dataset
        element (unless it holds an NcML with a title already); the number embedded."""
        embedded = 0
        for dataset, kind, url in dataset_accesses(root):
            if kind != "ncml" or any(_titled(n) for n in dataset):
                continue
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or (
                not self.other_hosts and parts.netloc != urlsplit(self.url).netloc
            ):
                self.ncml_errors.append((url, "not followed: not http(s) or another host"))
                continue
            request = httpx.Request("GET", url, headers={"Accept": _ACCEPT})
            try:
                ncml = parse_xml(
                    fetch(client, request, source=self.name, page=url, resume=None).data,
                    name=f"{self.name} {url}",
                )
            except (SourceError, InputError) as exc:
                self.ncml_errors.append((url, getattr(exc, "reason", str(exc))))
                continue
            if ncml.tag != f"{{{NCML_NS}}}netcdf":
                self.ncml_errors.append((url, f"<{ncml.tag}> is not NcML"))
                continue
            dataset.append(ncml)
            embedded += 1
        return embedded

    def _fetch(self, client: httpx.Client, url: str, depth: int, rest: list[tuple[str, int]]):
        """The bytes and root element of the catalogue at ``url``, and whether it was answered
        304; SourceError when it cannot be read (``skip`` = the queue after it, except for
        server or network failures)."""
        token, skip = _encode([(url, depth), *rest]), _encode(rest)
        request = httpx.Request("GET", url, headers={"Accept": _ACCEPT})
        try:
            answer = fetch(client, request, source=self.name, page=url, resume=token)
        except SourceError as exc:
            status = re.match(r"HTTP (4\d\d)$", exc.reason)
            if status and status.group(1) not in ("408", "429"):
                exc.transient, exc.skip = False, skip  # a broken link, not a failing server
            raise
        try:
            root = parse_xml(answer.data, name=f"{self.name} {url}")
        except InputError as exc:
            raise SourceError(self.name, url, str(exc), resume=token, skip=skip) from exc
        local = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
        if local != "catalog" or "thredds" not in root.tag:
            reason = f"<{local}> is not a THREDDS catalog (pas un catalogue THREDDS)"
            raise SourceError(self.name, url, reason, resume=token, skip=skip)
        if root.get(XML_BASE) is None:
            root.set(XML_BASE, url)
        return answer.data, root, answer.unchanged
