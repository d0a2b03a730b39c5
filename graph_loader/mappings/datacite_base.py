"""Shared pieces of the DataCite converters: value access, triple collection."""

from __future__ import annotations

import re

import pyoxigraph as ox

from . import datacite_terms as terms
from .build import Triples

__all__ = [
    "Mapper",
    "n",
    "text",
    "get",
    "items",
    "GEO_WKT",
]

GEO_WKT = ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral")


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def text(value: object) -> str:
    r"""A string with its whitespace collapsed; only ``<br>`` makes a line break.

    >>> text("  two\n   lines<br/>and a break ")
    'two lines\nand a break'
    """
    parts = re.split(r"<br\s*/?>", str(value or ""), flags=re.IGNORECASE)
    lines = (" ".join(part.split()) for part in parts)
    return "\n".join(line for line in lines if line)


def get(entry: dict, *keys: str) -> str:
    for key in keys:
        value = entry.get(key)
        if value not in (None, ""):
            return text(value)
    return ""


def items(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _language(text: str) -> str | None:
    """The BCP 47 tag of the record's ``language``: ``en``, ``en-US``, and also ISO 639-2
    codes (``GER``, ``fre``) and English names (``English``), as records write them."""
    from .oai_dc_values import language_code

    text = text.strip()
    if re.fullmatch(r"[A-Za-z]{2}(-[A-Za-z0-9]{2,8})*", text):
        return terms.lang_tag(text)
    return language_code(text) or terms.lang_tag(text)


class Mapper(Triples):
    """Collects the triples of one record (the converters' one collector, with the record's
    language for its literals)."""

    def __init__(self, record: dict, base_iri: str):
        super().__init__()
        self.record = record
        self.base = base_iri
        self.lang = _language(get(record, "language"))

    def literal(self, text: str, lang: str | None = None) -> ox.Literal:
        tag = terms.lang_tag(lang) or self.lang
        return ox.Literal(text, language=tag) if tag else ox.Literal(text)
