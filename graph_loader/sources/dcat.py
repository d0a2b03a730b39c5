"""DCAT catalogue harvester: RDF pages (Turtle, JSON-LD, RDF/XML) linked by Hydra ``next``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx
import pyoxigraph as ox

from .. import jsonsafe
from ..errors import InputError
from ..mappings.xmlsafe import parse_xml
from ..namespaces import HYDRA
from . import RawRecord, SourceError
from .http import fetch

__all__ = ["DCATSource", "NEXT_PROPERTIES"]

#: the links to the following page (Hydra core, and the older hydra:nextPage)
NEXT_PROPERTIES = (ox.NamedNode(HYDRA.next), ox.NamedNode(HYDRA.nextPage))
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
            answer = fetch(client, request, source=self.name, page=url, resume=url)
            following = self._next(answer.data, answer.media_type, url)
            yield RawRecord(self.name, url, answer.data, url=url, unchanged=answer.unchanged)
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
            if rdf_format == ox.RdfFormat.JSON_LD:
                links = _jsonld_links(data, url)
            else:
                links = _rdf_links(ox.parse(data, format=rdf_format, base_iri=url), url)
        except (InputError, SyntaxError, ValueError) as exc:
            raise SourceError(self.name, url, f"unreadable page: {exc}", resume=url) from exc
        if len(links) > 1:
            raise SourceError(self.name, url, f"several next pages: {', '.join(links)}", resume=url)
        return links[0] if links else None


def _rdf_links(quads: Iterable[ox.Quad], url: str) -> list[str]:
    """The distinct Hydra next links of a page, those of the page itself first if any."""
    found = [
        (q.subject, q.object.value)
        for q in quads
        if q.predicate in NEXT_PROPERTIES and isinstance(q.object, ox.NamedNode)
    ]
    own = sorted({o for s, o in found if s == ox.NamedNode(url)})
    return own or sorted({o for _, o in found})


def _jsonld_links(data: bytes, url: str) -> list[str]:
    """The Hydra next links of a JSON-LD page: as RDF when its contexts are inline, else
    read from the JSON itself (Hydra's remote context is not fetched: no network)."""
    try:
        document = jsonsafe.loads(data)  # deep nesting: InputError
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not JSON: {exc}") from exc
    try:
        return _rdf_links(ox.parse(data, format=ox.RdfFormat.JSON_LD, base_iri=url), url)
    except SyntaxError as exc:
        if "remote context" not in str(exc) and "LoadDocumentCallback" not in str(exc):
            raise
    return sorted({urljoin(url, link) for link in _json_values(document, _NEXT_KEYS)})


_NEXT_KEYS = frozenset(
    {"next", "nextPage", "hydra:next", "hydra:nextPage"} | {p.value for p in NEXT_PROPERTIES}
)


def _json_values(node: object, keys: frozenset[str]) -> Iterator[str]:
    """The IRIs under ``keys`` anywhere in a JSON document (strings or ``{"@id": ...}``)."""
    if isinstance(node, list):
        for item in node:
            yield from _json_values(item, keys)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in keys:
                for item in value if isinstance(value, list) else [value]:
                    link = item.get("@id") if isinstance(item, dict) else item
                    if isinstance(link, str) and link:
                        yield link
            elif key != "@context":
                yield from _json_values(value, keys)
