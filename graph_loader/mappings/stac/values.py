"""STAC values as the converter reads them: constants (kinds, roles, licence words),
plain strings and lists, absolute links, the links of a document by relation, languages and
numbers."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pyoxigraph as ox

from ...iri import resource_iri
from ...namespaces import DCT, XSD
from ..build import (
    LANGUAGES,
    guess_language,
)

__all__ = [
    "INSPIRE_ROLE",
    "IANA",
    "KINDS",
    "NOT_SPDX",
    "ROLES",
    "THUMBNAILS",
    "MEDIA_TYPE",
    "Doc",
    "as_str",
    "as_list",
    "absolute_url",
    "as_node",
    "collection_iri",
    "record_language",
    "box_numbers",
    "decimal_literal",
]

INSPIRE_ROLE = "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/"
IANA = "https://www.iana.org/assignments/media-types/"
KINDS = {"Collection", "Feature", "Catalog", "FeatureCollection"}
#: licence words of STAC that are not SPDX identifiers
NOT_SPDX = {"proprietary", "various", "other", "not-provided", "public-domain", "unknown", "none"}
#: provider role -> (INSPIRE role, DCAT property of the dataset or None)
ROLES = {
    "producer": ("originator", DCT.creator),
    "licensor": ("owner", DCT.rightsHolder),
    "processor": ("processor", None),
    "host": ("distributor", DCT.publisher),
}
THUMBNAILS = {"thumbnail", "overview", "preview"}
_URL = re.compile(r"^(https?|s?ftp|ftps)://[^/?#:@\s]+[^\s<>\"{}|\\^`]*$", re.IGNORECASE)
MEDIA_TYPE = re.compile(r"^[a-z]+/[A-Za-z0-9.+_-]+$")


def as_str(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def as_list(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def absolute_url(href, base: str | None) -> str | None:
    """``href`` as an absolute http(s)/ftp URL (resolved against ``base``), or None."""
    href = as_str(href)
    if not href:
        return None
    if not re.match(r"^[a-z][a-z0-9+.-]*:", href, re.IGNORECASE) and base:
        href = urljoin(base, href)
    href = href.replace(" ", "%20")
    return href if _URL.match(href) else None


def as_node(value: str | None) -> ox.NamedNode | None:
    if not value:
        return None
    try:
        return ox.NamedNode(value)
    except ValueError:
        return None


class Doc:
    """One STAC object with its links and self URL."""

    def __init__(self, obj: dict):
        self.obj = obj
        self.links = [link for link in as_list(obj.get("links")) if isinstance(link, dict)]
        selfs = [absolute_url(link.get("href"), None) for link in self.rel("self")]
        self.self = next((s for s in selfs if s and s.startswith("http")), None)

    def rel(self, *names: str) -> list[dict]:
        return [link for link in self.links if as_str(link.get("rel")).lower() in names]

    def hrefs(self, *names: str) -> list[str]:
        found = [absolute_url(link.get("href"), self.self) for link in self.rel(*names)]
        return list(dict.fromkeys(f for f in found if f))


def collection_iri(collection_id: str, link: str | None, base_iri: str) -> ox.NamedNode:
    """The dataset IRI of a collection: its absolute http(s) URL, else minted from its id."""
    if link and link.startswith(("http://", "https://")) and as_node(link):
        return ox.NamedNode(link)
    return ox.NamedNode(resource_iri("dataset", collection_id, base_iri))


def record_language(obj: dict, *texts: str) -> str | None:
    stated = obj.get("language")
    code = as_str(stated.get("code")) if isinstance(stated, dict) else as_str(stated)
    code = code.lower()[:2]
    return code if code in LANGUAGES else guess_language(*texts)


def box_numbers(box) -> list[float] | None:
    if not isinstance(box, list) or len(box) not in (4, 6):
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in box):
        return None
    return [float(v) for v in box]


def decimal_literal(value: float) -> ox.Literal:
    out = f"{value:.3f}".rstrip("0").rstrip(".")
    return ox.Literal("0" if out in ("-0", "") else out, datatype=ox.NamedNode(XSD.decimal))
