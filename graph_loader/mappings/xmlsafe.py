"""Parsing untrusted XML: no DTD entities, no network, and a size limit.

Metadata records never need entity declarations; a document that declares any is refused
before parsing, which stops entity bombs and external entities whatever the parser.

RDF/XML (:func:`rdfxml_without_dtd`) keeps one use of them, the namespace abbreviations of
ontology editors (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``): a simple internal
entity is expanded by expat (with its amplification limit) and the document goes on without
its DTD. Every other declaration is refused wherever the DTD stands: one whose value refers to
another entity (the nesting of a "billion laughs"), parameter entities, external entities.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

from ..errors import InputError

__all__ = ["parse_xml", "rdfxml_without_dtd", "MAX_RECORD_BYTES"]

#: larger records are refused (a 50 MB "record" is an attack or a mistake)
MAX_RECORD_BYTES = 20 * 1024 * 1024


def parse_xml(data: bytes, *, name: str = "record") -> ElementTree.Element:
    """The root element of ``data``; :class:`InputError` naming ``name`` if it is refused."""
    if len(data) > MAX_RECORD_BYTES:
        raise InputError(f"{name}: {len(data)} bytes is over the {MAX_RECORD_BYTES} bytes limit")
    if b"<!ENTITY" in data or "<!ENTITY".encode("utf-16-le") in data:
        raise InputError(f"{name}: XML entity declarations are refused")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InputError(f"{name}: malformed XML: {exc}") from exc


_MARKS = tuple(
    mark.encode(codec)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_DECLARATION = re.compile(rb"<!ENTITY(?P<rest>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_SIMPLE = re.compile(rb"""\s+[^\s%]+\s+(?:"[^"&%<]*"|'[^'&%<]*')\s*""")


def rdfxml_without_dtd(data: bytes, *, name: str = "RDF/XML") -> bytes:
    """``data`` ready for an RDF/XML parser that must never see a DTD: unchanged without one;
    else its simple internal entities expanded by expat and the DTD left out. InputError
    naming ``name`` for any other entity declaration, wherever it stands, or a DTD that
    expat refuses (undefined entities, amplification)."""
    if not any(mark in data for mark in _MARKS):
        return data
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"<", b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: not XML")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00<" in data[:4] or b"<\x00" in data[:4]:
        raise InputError(f"{name}: XML with a DTD must be in UTF-8 (entity declarations)")
    for declaration in _DECLARATION.finditer(data):
        if not _SIMPLE.fullmatch(declaration.group("rest")):
            shown = declaration.group()[:80].decode("utf-8", "replace")
            raise InputError(
                f"{name}: XML entity declaration refused (external, parameter or nested "
                f"entities are never expanded): {shown}"
            )
    if data.count(b"<!ENTITY") != len(_DECLARATION.findall(data)):
        raise InputError(f"{name}: malformed XML entity declaration refused")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InputError(
            f"{name}: XML refused (external entities and entity bombs are not expanded): {exc}"
        ) from exc
    return ElementTree.tostring(root, encoding="utf-8")
