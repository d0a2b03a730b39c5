"""ISO 19139 / 19115-3 language codes (ISO 639-2, two-letter codes, ``eng; CAN``) as BCP 47
tags and as the EU authority table's language IRIs."""

from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = ["lang_iri", "lang_tag"]

#: ISO 639-2 (B or T) -> (BCP 47 tag, EU authority language code)
_LANGUAGES = {
    "eng": ("en", "ENG"),
    "fre": ("fr", "FRA"),
    "fra": ("fr", "FRA"),
    "ger": ("de", "DEU"),
    "deu": ("de", "DEU"),
    "ita": ("it", "ITA"),
    "spa": ("es", "SPA"),
    "dut": ("nl", "NLD"),
    "nld": ("nl", "NLD"),
    "por": ("pt", "POR"),
    "cat": ("ca", "CAT"),
    "bre": ("br", "BRE"),
    "gre": ("el", "ELL"),
    "ell": ("el", "ELL"),
    "pol": ("pl", "POL"),
    "cze": ("cs", "CES"),
    "ces": ("cs", "CES"),
    "slo": ("sk", "SLK"),
    "slk": ("sk", "SLK"),
    "slv": ("sl", "SLV"),
    "hrv": ("hr", "HRV"),
    "hun": ("hu", "HUN"),
    "rum": ("ro", "RON"),
    "ron": ("ro", "RON"),
    "bul": ("bg", "BUL"),
    "swe": ("sv", "SWE"),
    "dan": ("da", "DAN"),
    "fin": ("fi", "FIN"),
    "nor": ("no", "NOR"),
    "ice": ("is", "ISL"),
    "isl": ("is", "ISL"),
    "est": ("et", "EST"),
    "lav": ("lv", "LAV"),
    "lit": ("lt", "LIT"),
    "gle": ("ga", "GLE"),
    "mlt": ("mt", "MLT"),
    "ltz": ("lb", "LTZ"),
    "wel": ("cy", "CYM"),
    "cym": ("cy", "CYM"),
    "baq": ("eu", "EUS"),
    "eus": ("eu", "EUS"),
    "glg": ("gl", "GLG"),
    "oci": ("oc", "OCI"),
    "rus": ("ru", "RUS"),
    "ukr": ("uk", "UKR"),
    "tur": ("tr", "TUR"),
    "chi": ("zh", "ZHO"),
    "zho": ("zh", "ZHO"),
    "jpn": ("ja", "JPN"),
    "kor": ("ko", "KOR"),
    "ara": ("ar", "ARA"),
}
_TWO_LETTERS = {tag: code for tag, code in _LANGUAGES.values()}


def _primary_code(code: str) -> str:
    """The language part of ``eng; CAN``, ``fr-FR`` or ``en_GB``, lower-cased."""
    return re.split(r"[;,\s_-]+", code.strip().lower())[0]


def lang_tag(code: str) -> str | None:
    """The BCP 47 tag of an ISO 639-2 code (or of a two-letter code), or None.

    >>> lang_tag("eng; CAN"), lang_tag("fr-FR"), lang_tag("xx-")
    ('en', 'fr', 'xx')
    """
    code = _primary_code(code)
    if code in _LANGUAGES:
        return _LANGUAGES[code][0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def lang_iri(code: str) -> ox.NamedNode | None:
    """The EU authority IRI of a language code (``eng`` → ``…/language/ENG``), or None."""
    code = _primary_code(code)
    eu = _LANGUAGES[code][1] if code in _LANGUAGES else _TWO_LETTERS.get(code)
    if eu is None and re.fullmatch(r"[a-z]{3}", code):
        eu = code.upper()
    return (
        ox.NamedNode("http://publications.europa.eu/resource/authority/language/" + eu)
        if eu
        else None
    )
