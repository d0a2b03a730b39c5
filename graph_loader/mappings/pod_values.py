"""Reading the values of Project Open Data records: texts, URLs, languages, bounding boxes,
access levels and update frequencies (for :mod:`graph_loader.mappings.pod_json`).

>>> texts([" Ozone ", 3, ""]), url("https://example.org/a"), url("not a url")
(['Ozone'], <NamedNode value=https://example.org/a>, None)
>>> frequency("R/P1M").value, access_rights("restricted public") is not None
('http://publications.europa.eu/resource/authority/frequency/MONTHLY', True)
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..parsing import box_in_range
from .build import ACCESS_RIGHTS, bbox_wkt, guess_language, is_url, plain

__all__ = ["texts", "url", "language", "spatial_box", "frequency", "access_rights", "IANA"]

IANA = "https://www.iana.org/assignments/media-types/"
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
#: ISO 8601 repeating durations of the POD schema -> EU frequency codes
FREQUENCIES = {
    "R/PT1S": "CONT",
    "R/PT1H": "HOURLY",
    "R/P1D": "DAILY",
    "R/P3.5D": "BIWEEKLY",
    "R/P1W": "WEEKLY",
    "R/P0.5M": "BIMONTHLY",
    "R/P2W": "BIWEEKLY",
    "R/P1M": "MONTHLY",
    "R/P2M": "BIMONTHLY",
    "R/P3M": "QUARTERLY",
    "R/P4M": "ANNUAL_3",
    "R/P6M": "ANNUAL_2",
    "R/P1Y": "ANNUAL",
    "R/P2Y": "BIENNIAL",
    "R/P3Y": "TRIENNIAL",
    "R/P10Y": "DECENNIAL",
    "irregular": "IRREG",
}
ACCESS = {"public": "public", "restricted public": "restricted", "non-public": "non-public"}
NUMBER = r"-?\d+(?:\.\d+)?"


def texts(value: object) -> list[str]:
    """The non-empty strings of a value (a string or a list of strings)."""
    items = value if isinstance(value, list) else [value]
    return [plain(v) for v in items if isinstance(v, str) and plain(v)]


def url(value: object) -> ox.NamedNode | None:
    """An IRI of a URL (spaces percent-encoded), else None."""
    if isinstance(value, str) and is_url(value.strip()):
        try:
            return ox.NamedNode(value.strip().replace(" ", "%20"))
        except ValueError:
            return None
    return None


def language(dataset: dict, catalogue_language: str | None) -> str:
    """The primary language of a dataset: its own, else the catalogue's, else the one its
    title and description show, else English."""
    for code in texts(dataset.get("language")):
        primary = code.split("-")[0].lower()
        if re.fullmatch(r"[a-z]{2}", primary):
            return primary
    if catalogue_language:
        return catalogue_language
    words = texts(dataset.get("title")) + texts(dataset.get("description"))
    return guess_language(*words) or "en"


def spatial_box(value: str) -> str | None:
    """A WKT polygon of a POD bounding box ``"W,S,E,N"`` (spaces or commas), else None.

    >>> spatial_box("-124.7,24.5,-66.9,49.4")
    'POLYGON((-124.7 24.5, -66.9 24.5, -66.9 49.4, -124.7 49.4, -124.7 24.5))'
    >>> spatial_box("United States") is None
    True
    """
    parts = re.split(r"\s*,\s*|\s+", value.strip())
    if len(parts) != 4 or not all(re.fullmatch(NUMBER, p) for p in parts):
        return None
    west, south, east, north = (float(p) for p in parts)
    if not box_in_range(west, south, east, north):
        return None
    return bbox_wkt(west, south, east, north)


def frequency(code: str) -> ox.NamedNode | None:
    """The EU frequency of an ISO 8601 repeating duration of the POD schema, else None."""
    found = FREQUENCIES.get(code)
    return ox.NamedNode(FREQUENCY + found) if found else None


def access_rights(level: str) -> ox.NamedNode | None:
    """The EU access right of a POD ``accessLevel``, else None."""
    right = ACCESS_RIGHTS.get(ACCESS.get(level.lower(), ""))
    return ox.NamedNode(right) if right else None
