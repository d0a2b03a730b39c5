"""Parsing untrusted XML: no DTD entities, no network, and a size limit.

Metadata records never need entity declarations; a document that declares any is refused
before parsing, which stops entity bombs and external entities whatever the parser.
"""

from __future__ import annotations

from xml.etree import ElementTree

from ..errors import InputError

__all__ = ["parse_xml", "MAX_RECORD_BYTES"]

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
