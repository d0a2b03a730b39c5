"""DCAT catalogue harvester: RDF pages (Turtle, JSON-LD, RDF/XML) linked by Hydra ``next``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pyoxigraph as ox

from ..errors import InputError
from ..mappings.xmlsafe import parse_xml
from . import RawRecord, SourceError
from .http import fetch

__all__ = ["DCATSource", "NEXT_PROPERTIES"]

_HYDRA = "http://www.w3.org/ns/hydra/core#"
#: the links to the following page (Hydra core, and the older hydra:nextPage)
NEXT_PROPERTIES = (ox.NamedNode(_HYDRA + "next"), ox.NamedNode(_HYDRA + "nextPage"))
_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
}
_ACCEPT = "text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.8"


@dataclass
class DCATSource:
    """A DCAT catalogue endpoint; each page becomes one RawRecord (the loader splits it)."""

    name: str
    url: str
    max_pages: int = 100_000
    resume_token: str | None = None

    def records(self, client: httpx.Client, *, resume: str | None = None) -> Iterator[RawRecord]:
        """Every page from ``resume`` (a page URL; the catalogue URL if None)."""
        url = resume or self.url
        self.resume_token = url
        seen = {url}
        for _ in range(self.max_pages):
            request = httpx.Request("GET", url, headers={"Accept": _ACCEPT})
            data, media = fetch(client, request, source=self.name, page=url, resume=url)
            following = self._next(data, media, url)
            yield RawRecord(self.name, url, data, url=url)
            if following is None:
                self.resume_token = None
                return
            if following in seen:
                raise SourceError(self.name, url, f"hydra:next {following} loops back", resume=url)
            seen.add(following)
            url = following
            self.resume_token = url
        raise SourceError(self.name, url, "too many pages", resume=url)

    def _next(self, data: bytes, media: str, url: str) -> str | None:
        """The page after ``url`` named by the page itself; SourceError if it cannot be read."""
        rdf_format = _FORMATS.get(media) or ox.RdfFormat.from_media_type(media)
        if rdf_format is None:
            raise SourceError(self.name, url, f"unsupported media type {media!r}", resume=url)
        try:
            if rdf_format == ox.RdfFormat.RDF_XML:
                parse_xml(data, name=f"{self.name} {url}")
            quads = list(ox.parse(data, format=rdf_format, base_iri=url))
        except (InputError, SyntaxError, ValueError) as exc:
            raise SourceError(self.name, url, f"unreadable page: {exc}", resume=url) from exc
        links = sorted(
            {
                q.object.value
                for q in quads
                if q.predicate in NEXT_PROPERTIES and isinstance(q.object, ox.NamedNode)
            }
        )
        if len(links) > 1:
            raise SourceError(self.name, url, f"several next pages: {', '.join(links)}", resume=url)
        return links[0] if links else None
