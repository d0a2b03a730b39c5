"""Reading the free-text values of simple Dublin Core (oai_dc): languages, identifiers, ORCIDs,
dates, licences and coverage.

>>> language_code("fre"), language_code("en-GB"), language_code("Français"), language_code("xx")
('fr', 'en', 'fr', None)
>>> identifier("https://doi.org/10.5281/ZENODO.123").kind, identifier("hdl:20.500.1/7").iri
('doi', 'https://hdl.handle.net/20.500.1/7')
>>> orcid("Dupont, Jean (https://orcid.org/0000-0002-1825-0097)")
('Dupont, Jean', 'https://orcid.org/0000-0002-1825-0097')
>>> licence("CC BY-SA 4.0"), licence("info:eu-repo/semantics/openAccess")
('https://creativecommons.org/licenses/by-sa/4.0/', None)
>>> licence("Attribution-NonCommercial-ShareAlike 4.0 International")
'https://creativecommons.org/licenses/by-nc-sa/4.0/'

>>> coverage("northlimit=51.1; southlimit=41.3; westlimit=-5.2; eastlimit=9.6; name=France")
[('box', (-5.2, 41.3, 9.6, 51.1), 'France')]
>>> coverage("-5.2, 41.3, 9.6, 51.1"), coverage("Golfe de Gascogne")
([('box', (-5.2, 41.3, 9.6, 51.1), '')], [('place', None, 'Golfe de Gascogne')])
>>> coverage("LATITUDE: 78.92 * LONGITUDE: 11.93 * ELEVATION: 5 m")
[('point', (11.93, 78.92), '')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pyoxigraph as ox

from . import build, licences
from . import datacite_terms as terms
from .build import date_literal

__all__ = [
    "Identifier",
    "identifier",
    "language_code",
    "orcid",
    "date_literal",
    "licence",
    "coverage",
    "period",
]

#: ISO 639-2 (bibliographic and terminology codes) and common names -> ISO 639-1
_LANGUAGES = {
    "eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "spa": "es", "ita": "it",
    "dut": "nl", "nld": "nl", "por": "pt", "cat": "ca", "bre": "br", "oci": "oc", "baq": "eu",
    "eus": "eu", "cos": "co", "lat": "la", "rus": "ru", "chi": "zh", "zho": "zh", "jpn": "ja",
    "ara": "ar", "pol": "pl", "swe": "sv", "nor": "no", "nob": "nb", "dan": "da", "fin": "fi",
    "gre": "el", "ell": "el", "cze": "cs", "ces": "cs", "hun": "hu", "rum": "ro", "ron": "ro",
    "tur": "tr", "kor": "ko", "ukr": "uk", "epo": "eo", "gle": "ga", "wel": "cy", "cym": "cy",
    "ice": "is", "isl": "is", "hrv": "hr", "slv": "sl", "slo": "sk", "slk": "sk", "bul": "bg",
    "est": "et", "lav": "lv", "lit": "lt", "heb": "he", "hin": "hi", "vie": "vi", "ind": "id",
    "may": "ms", "msa": "ms", "per": "fa", "fas": "fa",
    "english": "en", "anglais": "en", "french": "fr", "français": "fr", "francais": "fr",
    "german": "de", "deutsch": "de", "allemand": "de", "spanish": "es", "español": "es",
    "espagnol": "es", "italian": "it", "italien": "it",
}  # fmt: skip
_ISO639_1 = set(_LANGUAGES.values())

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ALT_IDENTIFIER = re.compile(r"^info:eu-repo/semantics/altIdentifier/(\w+)/(.+)$", re.IGNORECASE)
_HANDLE = re.compile(r"^(?:hdl:\s*|https?://hdl\.handle\.net/)(\d[\d.]*/\S+)$", re.IGNORECASE)
_ORCID = re.compile(
    r"[\s,;]*[\[(]?\s*(?:orcid\s*(?:id)?\s*:?\s*)?(?:https?://orcid\.org/)?"
    r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\s*[\])]?",
    re.IGNORECASE,
)
_NUMBER = r"[-+]?\d+(?:\.\d+)?"
_FOUR_NUMBERS = re.compile(rf"^\s*({_NUMBER})(?:\s*[,;]\s*|\s+)({_NUMBER})(?:\s*[,;]\s*|\s+)"
                           rf"({_NUMBER})(?:\s*[,;]\s*|\s+)({_NUMBER})\s*$")  # fmt: skip
_DCMI_PAIR = re.compile(r"^\s*([A-Za-z]+)\s*=\s*(.*?)\s*$")


class Identifier(NamedTuple):
    """One ``dc:identifier`` read: its kind (doi, handle, url, other), its normalised value
    (the bare DOI or handle) and the IRI that resolves it, if any."""

    kind: str
    value: str
    iri: str | None


def identifier(text: str) -> Identifier:
    """What a ``dc:identifier`` (or a ``dc:relation``) names."""
    text = re.sub(r"^url:(?=https?://)", "", " ".join(text.split()), flags=re.IGNORECASE)
    alternate = _ALT_IDENTIFIER.match(text)
    if alternate:  # OpenAIRE: info:eu-repo/semantics/altIdentifier/doi/<the DOI>
        scheme, text = alternate.group(1).lower(), alternate.group(2)
        text = {"doi": "doi:", "handle": "hdl:"}.get(scheme, "") + text
    doi = terms.normalise_doi(text)
    if doi and _DOI.match(doi):
        return Identifier("doi", doi, terms.doi_iri(doi))
    handle = _HANDLE.match(text)
    if handle and terms.iri_or_none("https://hdl.handle.net/" + handle.group(1)):
        return Identifier("handle", handle.group(1), "https://hdl.handle.net/" + handle.group(1))
    if build.is_url(text) and terms.iri_or_none(text):
        return Identifier("url", text, text)
    return Identifier("other", text, None)


def language_code(text: str | None) -> str | None:
    """The ISO 639-1 code of a language given as ISO 639-1, 639-2, a BCP 47 tag or an English
    or French name; None when unknown."""
    value = (text or "").strip().lower()
    head = re.split(r"[-_]", value)[0]
    if head in _ISO639_1:
        return head
    return _LANGUAGES.get(head) or _LANGUAGES.get(value)


def _orcid_checksum(digits: str) -> bool:
    """The ISO 7064 11,2 check character of an ORCID is right."""
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return digits[-1].upper() == ("X" if check == 10 else str(check))


def orcid(text: str) -> tuple[str, str | None]:
    """The name in an agent's text and the ORCID IRI it carries (a valid one), if any."""
    for match in _ORCID.finditer(text):
        if _orcid_checksum(match.group(1).replace("-", "")):
            name = (text[: match.start()] + text[match.end() :]).strip(" ,;-")
            return " ".join(name.split()), f"https://orcid.org/{match.group(1).upper()}"
    return " ".join(text.split()), None


def licence(text: str) -> str | None:
    """The canonical IRI of a licence given as a known licence URL, an SPDX identifier or a
    well-known name (``CC BY 4.0``, ``Attribution-ShareAlike 4.0 International``, ``Licence
    Ouverte Etalab 2.0``), alone or in ``id: name`` form; None for other rights statements
    (:func:`~.licences.licence_iri`, the one normaliser)."""
    found = licences.licence_iri(text, field=False)
    return found.value if found is not None else None


def _dcmi(text: str) -> dict[str, str]:
    """The ``name=value`` pairs of a DCMI Box, Point or Period (``;``-separated)."""
    pairs = [_DCMI_PAIR.match(part) for part in text.split(";") if part.strip()]
    if not pairs or not all(pairs):
        return {}
    return {m.group(1).lower(): m.group(2) for m in pairs if m}


def _box(west: float, south: float, east: float, north: float) -> bool:
    """A box on the globe (west may exceed east across the antimeridian)."""
    lons_ok = all(-180 <= v <= 180 for v in (west, east))
    return lons_ok and -90 <= south <= north <= 90


def coverage(text: str) -> list[tuple[str, tuple | None, str]]:
    """``(kind, values, label)`` of each part of a ``dc:coverage``: ``box`` (west, south, east,
    north), ``point`` (lon, lat), ``period`` (start, end literals) or ``place`` (the text)."""
    text = " ".join(text.split())
    found = _pangaea(text)
    if found:
        return found
    pairs = _dcmi(text)
    try:
        if {"northlimit", "southlimit", "eastlimit", "westlimit"} <= pairs.keys():
            keys = ("westlimit", "southlimit", "eastlimit", "northlimit")
            box = tuple(float(pairs[k].split()[0]) for k in keys)
            if _box(*box):
                return [("box", box, pairs.get("name", ""))]
        if {"east", "north"} <= pairs.keys():
            lon, lat = float(pairs["east"].split()[0]), float(pairs["north"].split()[0])
            if _box(lon, lat, lon, lat):
                return [("point", (lon, lat), pairs.get("name", ""))]
    except (ValueError, IndexError):
        pass
    numbers = _FOUR_NUMBERS.match(text)
    if numbers and _box(*(float(v) for v in numbers.groups())):
        return [("box", tuple(float(v) for v in numbers.groups()), "")]
    span = period(text)
    if span is not None:
        return [("period", span, pairs.get("name", ""))]
    return [("place", None, text)]


def _pangaea(text: str) -> list[tuple[str, tuple | None, str]]:
    """The box or point and the period of a PANGAEA coverage (``LATITUDE: 78.9 * LONGITUDE:
    11.9 * DATE/TIME START: ...``), [] for other texts."""
    fields = {}
    for part in re.split(r"\s+\*\s+", text):
        key, sep, value = part.partition(":")
        if not sep:
            return []
        fields[key.strip().upper()] = value.strip()
    out: list[tuple[str, tuple | None, str]] = []
    sides = ("WEST-BOUND LONGITUDE", "SOUTH-BOUND LATITUDE", "EAST-BOUND LONGITUDE")
    sides += ("NORTH-BOUND LATITUDE",)
    try:
        if all(k in fields for k in sides) and _box(*(box := [float(fields[k]) for k in sides])):
            out.append(("box", tuple(box), ""))
        elif {"LATITUDE", "LONGITUDE"} <= fields.keys():
            lon, lat = float(fields["LONGITUDE"]), float(fields["LATITUDE"])
            out += [("point", (lon, lat), "")] if _box(lon, lat, lon, lat) else []
    except ValueError:
        pass
    start = fields.get("DATE/TIME START") or fields.get("DATE/TIME")
    end = fields.get("DATE/TIME END") or fields.get("DATE/TIME")
    bounds = (date_literal(start) if start else None, date_literal(end) if end else None)
    return out + ([("period", bounds, "")] if any(bounds) else [])


def period(text: str) -> tuple[ox.Literal | None, ox.Literal | None] | None:
    """The start and end of a DCMI Period (``start=...; end=...``) or an ISO 8601 interval
    (``2010-01-01/2015-12-31``), or None."""
    pairs = _dcmi(text)
    if pairs.keys() & {"start", "end"}:
        start, end = pairs.get("start", ""), pairs.get("end", "")
    elif text.count("/") == 1:
        start, end = text.split("/")
    else:
        return None
    bounds = (date_literal(start) if start else None, date_literal(end) if end else None)
    return bounds if any(bounds) else None
