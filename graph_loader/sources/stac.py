"""STAC harvester: a STAC API's ``/collections`` (paged by ``next`` links) or a static
catalogue followed through its ``child`` links, down to ``max_depth``.

``url`` may be an API landing page (its ``data`` link, else ``/collections`` below it), a
``/collections`` page, or a static ``catalog.json`` / ``collection.json``. Each Collection is
one RawRecord (its JSON alone, named by its absolute ``self`` link, else its URL under
``/collections`` or the URL it was read from); the converter (:mod:`graph_loader.mappings.stac`)
maps it. Items are granules, not records: they are not fetched. A collection of a static
catalogue without an absolute ``self`` link is given the URL it was read from as ``self`` (so
its relative hrefs resolve). A collection's ``updated`` is its datestamp.

Resume: in API mode the token is the URL of the page to read next (like ``dcat``); in a static
catalogue it is the JSON list of ``[url, depth]`` still to visit. Isolation: a collection that
is not valid STAC is still yielded (the harvester rejects it with its reason, and goes on); a
child that cannot be fetched (HTTP 4xx) or read is skipped — :class:`SourceError` with ``skip``
— and the harvest goes on without it; a page of ``/collections`` that fails stops the harvest
with its checkpoint (its ``next`` link is unknown).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin

import httpx

from .. import jsonsafe
from ..errors import InputError
from . import RawRecord, SourceError
from .http import fetch

__all__ = ["STACSource"]

_ACCEPT = "application/json, application/geo+json;q=0.9"


def _links(document: dict, rel: str, base: str) -> list[str]:
    found = []
    for link in document.get("links") or []:
        if isinstance(link, dict) and link.get("rel") == rel and isinstance(link.get("href"), str):
            found.append(urljoin(base, link["href"].strip()))
    return [f for f in dict.fromkeys(found) if f.startswith(("http://", "https://"))]


def _self(document: dict) -> str | None:
    for link in document.get("links") or []:
        href = link.get("href") if isinstance(link, dict) else None
        if link.get("rel") == "self" and isinstance(href, str) and re.match(r"https?://", href):
            return href.strip()
    return None


def _updated(document: object) -> str | None:
    """The collection's ``updated`` date-time (the datestamp that lets an unchanged collection
    be skipped), if it gives one."""
    value = document.get("updated") if isinstance(document, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


@dataclass
class STACSource:
    """A STAC API or static STAC catalogue (see the module docstring)."""

    name: str
    url: str
    max_depth: int = 8
    max_pages: int = 100_000
    resume_token: str | None = None
    #: the pages answered 304 Not Modified (their collections are said unchanged)
    unchanged_pages: set[str] = field(default_factory=set)

    def records(self, client: httpx.Client, *, resume: str | None = None) -> Iterator[RawRecord]:
        """Every collection, from ``resume`` (a page URL, or a JSON queue) or the start."""
        if resume and resume.startswith("["):
            yield from self._static(client, [tuple(p) for p in json.loads(resume)])
            return
        if resume:
            yield from self._api(client, resume)
            return
        document = self._get(client, self.url, self.url)
        if isinstance(document.get("collections"), list):
            yield from self._api(client, self.url, first=document)
            return
        data = _links(document, "data", self.url)
        if not data and isinstance(document.get("conformsTo"), list):
            # an API landing page without a "data" link: /collections is the standard path
            data = [self.url.split("?")[0].rstrip("/") + "/collections"]
        if data:
            yield from self._api(client, data[0])
            return
        yield from self._static(client, [(self.url, 0)], first=document)

    def _get(self, client: httpx.Client, url: str, token: str, skip: str | None = None) -> dict:
        request = httpx.Request("GET", url, headers={"Accept": _ACCEPT})
        try:
            answer = fetch(client, request, source=self.name, page=url, resume=token)
        except SourceError as exc:
            if skip is not None and re.match(r"HTTP 4\d\d", exc.reason):
                exc.transient, exc.skip = False, skip  # a missing child: go on without it
            raise
        try:
            document = jsonsafe.loads(answer.data)
        except (UnicodeDecodeError, ValueError, InputError) as exc:
            raise SourceError(
                self.name, url, f"not JSON (pas du JSON): {exc}", resume=token, skip=skip
            ) from exc
        if not isinstance(document, dict):
            reason = "not a JSON object (pas un objet JSON)"
            raise SourceError(self.name, url, reason, resume=token, skip=skip)
        if answer.unchanged:
            self.unchanged_pages.add(url)
        return document

    def _api(self, client, url: str, first: dict | None = None) -> Iterator[RawRecord]:
        """The collections of ``/collections`` pages, following ``next``."""
        seen = {url}
        self.resume_token = url
        document = first
        for _ in range(self.max_pages):
            if document is None:
                document = self._get(client, url, url)
            collections = document.get("collections")
            if not isinstance(collections, list):
                raise SourceError(self.name, url, "no 'collections' list", resume=url)
            for position, collection in enumerate(collections):
                # named by its self link, else its URL under /collections (stable across
                # pages), else by its place in the page
                identifier = f"{url}#collection-{position}"
                if isinstance(collection, dict):
                    ident = collection.get("id")
                    home = url.split("?")[0].rstrip("/") + "/"
                    identifier = _self(collection) or (
                        urljoin(home, quote(ident, safe=""))
                        if isinstance(ident, str)
                        else identifier
                    )
                data = json.dumps(collection, ensure_ascii=False).encode()
                yield RawRecord(
                    self.name,
                    identifier,
                    data,
                    _updated(collection),
                    url=url,
                    unchanged=url in self.unchanged_pages,
                )
            following = _links(document, "next", url)
            if not following:
                self.resume_token = None
                return
            if following[0] in seen:
                raise SourceError(self.name, url, f"next {following[0]} loops back", resume=url)
            url = following[0]
            seen.add(url)
            self.resume_token = url
            document = None
        raise SourceError(self.name, url, "too many pages", resume=url)

    def _static(self, client, queue: list[tuple], first: dict | None = None) -> Iterator[RawRecord]:
        """A catalogue tree, breadth first; each Collection met is a record."""
        seen = {url for url, _ in queue}
        while queue:
            url, depth = queue[0]
            token = json.dumps([list(q) for q in queue])
            self.resume_token = token
            skip = json.dumps([list(q) for q in queue[1:]])
            if first is not None:
                document, first = first, None
            else:
                document = self._get(client, url, token, skip=skip)
            queue = queue[1:]
            if depth < self.max_depth:
                for child in _links(document, "child", url):
                    if child not in seen:
                        seen.add(child)
                        queue.append((child, depth + 1))
            self.resume_token = json.dumps([list(q) for q in queue]) if queue else None
            if document.get("type") == "Collection" or "extent" in document:
                if _self(document) is None:
                    links = [x for x in document.get("links") or [] if isinstance(x, dict)]
                    links = [x for x in links if x.get("rel") != "self"]
                    document = {**document, "links": [*links, {"rel": "self", "href": url}]}
                data = json.dumps(document, ensure_ascii=False).encode()
                yield RawRecord(
                    self.name,
                    _self(document) or url,
                    data,
                    _updated(document),
                    url=url,
                    unchanged=url in self.unchanged_pages,
                )
