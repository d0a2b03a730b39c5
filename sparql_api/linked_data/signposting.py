"""FAIR Signposting (https://signposting.org/FAIR/) for a landing page: typed links as an HTTP
``Link`` header and as an RFC 9264 linkset (``application/linkset+json``).

Links of a landing page (the resource IRI, which dereferences to it):

- ``cite-as``: the DOI URL when the record gives a DOI, else the resource IRI;
- ``describedby``: the description in every RDF format of the negotiation table;
- ``type``: the schema.org type of the resource, and ``AboutPage``;
- ``item``: each distribution's download (else access) URL, typed by the distribution's
  ``dcat:mediaType`` (an IANA IRI or text), else, for a download URL, by its ``dct:format``
  (EU file types with a registered media type, :data:`FILE_TYPES`); an access URL (a page
  or a service) is not typed by the format of the data behind it;
- ``license``: each licence IRI; ``author``: each creator IRI (else the publisher);
- ``linkset``: the linkset itself.

All targets are absolute, under the configured base (the public address of the service).
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from graph_loader.file_types import MEDIA_TYPES
from graph_loader.namespaces import DCAT, DCT, EU_AUTHORITY, IANA_MEDIA_TYPES
from sparql_api.linked_data.dereference import FORMATS, RDF_FORMATS
from sparql_api.linked_data.facts import Facts

__all__ = ["signposts", "link_header", "linkset", "SCHEMA_TYPES", "LINKSET_TYPE"]

LINKSET_TYPE = "application/linkset+json"

#: schema.org type of each kind of resource (``type`` links)
SCHEMA_TYPES: dict[str, str] = {
    "dataset": "https://schema.org/Dataset",
    "service": "https://schema.org/WebAPI",
    "publication": "https://schema.org/ScholarlyArticle",
    "software": "https://schema.org/SoftwareSourceCode",
    "tutorial": "https://schema.org/LearningResource",
    "catalog": "https://schema.org/DataCatalog",
    "distribution": "https://schema.org/DataDownload",
    "agent": "https://schema.org/Organization",
    "datacentre": "https://schema.org/Organization",
    "pole": "https://schema.org/Organization",
    "concept": "https://schema.org/DefinedTerm",
}


#: EU file types (``dct:format``) -> their registered media type
FILE_TYPES: dict[str, str] = {
    str(EU_AUTHORITY["file-type/" + code]): media for code, media in MEDIA_TYPES.items()
}
_IANA = (str(IANA_MEDIA_TYPES), str(IANA_MEDIA_TYPES).replace("https://", "http://"))
_MEDIA_TYPE = re.compile(r"[\w.+-]+/[\w.+-]+")


def _media(value: ox.NamedNode | ox.Literal) -> str | None:
    """A media type from an IANA IRI, an EU file type or a text ``type/subtype``; else None."""
    text = value.value.strip()
    if isinstance(value, ox.NamedNode):
        prefix = next((p for p in _IANA if text.startswith(p)), None)
        if prefix is None:
            return FILE_TYPES.get(text)
        text = text.removeprefix(prefix)
    return text if _MEDIA_TYPE.fullmatch(text) else None


def item_type(facts: Facts, dist: str, download: bool) -> str | None:
    """The media type of a distribution's item link (see the module docstring).

    >>> d = "urn:d"
    >>> facts = Facts([ox.Triple(ox.NamedNode(d), ox.NamedNode(DCT.format),
    ...     ox.NamedNode(EU_AUTHORITY["file-type/NETCDF"]))])
    >>> item_type(facts, d, True), item_type(facts, d, False)
    ('application/x-netcdf', None)
    """
    for value in facts.values(dist, DCAT.mediaType):
        found = _media(value)
        if found:
            return found
    if download:
        for value in facts.values(dist, DCT.format):
            found = _media(value)
            if found:
                return found
    return None


def signposts(triples: list[ox.Triple], iri: str, kind: str, document: str) -> list[dict[str, str]]:
    """The typed links of the landing page of ``iri``: ``{href, rel, type?}`` in a stable
    order. ``document`` is the absolute URL of the page without extension."""
    facts = Facts(triples)
    links: list[dict[str, str]] = []
    doi = facts.doi(iri)
    links.append({"href": "https://doi.org/" + doi if doi else iri, "rel": "cite-as"})
    for name in RDF_FORMATS:
        fmt = FORMATS[name]
        links.append(
            {"href": f"{document}.{fmt.extension}", "rel": "describedby", "type": fmt.media_type}
        )
    if kind in SCHEMA_TYPES:
        links.append({"href": SCHEMA_TYPES[kind], "rel": "type"})
    links.append({"href": "https://schema.org/AboutPage", "rel": "type"})
    for dist in facts.iris(iri, DCAT.distribution):
        download = facts.iris(dist, DCAT.downloadURL)
        url = download or facts.iris(dist, DCAT.accessURL)
        if url:
            item = {"href": url[0], "rel": "item"}
            media = item_type(facts, dist, bool(download))
            if media:
                item["type"] = media
            links.append(item)
    for licence in facts.iris(iri, DCT.license):
        links.append({"href": licence, "rel": "license"})
    authors = facts.iris(iri, DCT.creator) or facts.iris(iri, DCT.publisher)
    for author in authors:
        links.append({"href": author, "rel": "author"})
    links.append({"href": f"{document}?f=linkset", "rel": "linkset", "type": LINKSET_TYPE})
    seen, unique = set(), []
    for link in links:
        key = (link["href"], link["rel"], link.get("type"))
        if key not in seen:
            seen.add(key)
            unique.append(link)
    return unique


def link_header(links: list[dict[str, str]]) -> str:
    """The links as one RFC 8288 ``Link`` header value.

    >>> link_header([{"href": "https://x.org/a", "rel": "cite-as"}])
    '<https://x.org/a> ; rel="cite-as"'
    """
    parts = []
    for link in links:
        text = f'<{link["href"]}> ; rel="{link["rel"]}"'
        if "type" in link:
            text += f' ; type="{link["type"]}"'
        parts.append(text)
    return ", ".join(parts)


def linkset(links: list[dict[str, str]], anchor: str) -> bytes:
    """The links as an RFC 9264 JSON linkset anchored at the landing page, with the reverse
    ``describes`` link from each metadata document."""
    context: dict[str, object] = {"anchor": anchor}
    for link in links:
        target = {"href": link["href"]}
        if "type" in link:
            target["type"] = link["type"]
        context.setdefault(link["rel"], []).append(target)
    sets = [context]
    for link in links:
        if link["rel"] == "describedby":
            sets.append({"anchor": link["href"], "describes": [{"href": anchor}]})
    return json.dumps({"linkset": sets}, ensure_ascii=False, indent=1).encode()
