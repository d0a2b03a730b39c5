"""Parsing untrusted XML: no DTD entities, no network, and a size limit; any text encoding.

Metadata records never need entity declarations; a document that declares any is refused
before parsing, which stops entity bombs and external entities whatever the parser.

:func:`utf8_document` turns a document in UTF-16 (with or without byte-order mark), UTF-8
with a byte-order mark, or a legacy encoding declared in its XML declaration
(``windows-1252``, ``ISO-8859-1``...) into UTF-8 bytes, its declaration saying so: the
converters' sniffers and parsers then read every input alike.

RDF/XML (:func:`rdfxml_without_dtd`) keeps one use of them, the namespace abbreviations of
ontology editors (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``): a simple internal
entity is expanded by expat (with its amplification limit) and the document goes on without
its DTD. Every other declaration is refused wherever the DTD stands: one whose value refers to
another entity (the nesting of a "billion laughs"), parameter entities, external entities.
"""

from __future__ import annotations

import codecs
import re
from xml.etree import ElementTree

from ..errors import InputError

__all__ = ["parse_xml", "rdfxml_without_dtd", "utf8_document", "invalid_utf8", "MAX_RECORD_BYTES"]

#: larger records are refused (a 50 MB "record" is an attack or a mistake)
MAX_RECORD_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARATION = re.compile(
    rb"^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)([\"'])([A-Za-z0-9._:-]+)\2", re.IGNORECASE
)
_UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without byte-order mark, recognised by the zero byte of its first ASCII
    characters (``<``, ``{``, ``@``...)."""
    if len(data) < 4 or len(data) % 2:
        return None
    if data[0] and not data[1] and data[2] and not data[3]:
        return "utf-16-le"
    if not data[0] and data[1] and not data[2] and data[3]:
        return "utf-16-be"
    return None


def utf8_document(data: bytes) -> bytes:
    """``data`` as UTF-8 without byte-order mark: UTF-16/32 (a byte-order mark, or UTF-16
    recognised from its zero bytes) and 8-bit encodings named by an XML declaration are
    decoded and the declaration rewritten to ``UTF-8``. Other bytes are returned unchanged
    (invalid UTF-8 is the reader's business); blank lines before an XML declaration are
    dropped."""
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], name
            break
    encoding = encoding or _utf16_without_bom(data)
    if not encoding and data[:1].isspace() and data.lstrip()[:5] == b"<?xml":
        data = data.lstrip()  # blank lines before the XML declaration, which must come first
    if encoding and encoding != "utf-8":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not valid {encoding.upper()}: {exc.reason} at byte {exc.start}"
            ) from None
        return _declared_utf8(text.encode("utf-8"))
    match = _DECLARATION.match(data[:512])
    if not match:
        return data
    declared = match.group(3).decode("ascii").lower()
    if declared in _UTF8_NAMES:
        return data
    if declared.startswith(("utf-16", "utf16", "utf-32", "ucs")):
        # declared UTF-16 but written in an 8-bit form (no zero bytes): read as UTF-8
        return _declared_utf8(data)
    try:
        codecs.lookup(declared)
    except LookupError:
        return data  # the XML parser names the unknown encoding
    try:
        text = data.decode(declared)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid {declared} as declared: {exc.reason} at byte {exc.start}"
        ) from None
    return _declared_utf8(text.encode("utf-8"))


def _declared_utf8(data: bytes) -> bytes:
    return _DECLARATION.sub(lambda m: m.group(1) + m.group(2) + b"UTF-8" + m.group(2), data, 1)


def invalid_utf8(data: bytes) -> str | None:
    """Where ``data`` is not UTF-8 (line, column, byte), or ``None`` if it is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return f"line {line}, column {column} (byte 0x{data[exc.start]:02x})"
    return None


def parse_xml(data: bytes, *, name: str = "record") -> ElementTree.Element:
    """The root element of ``data``; :class:`InputError` naming ``name`` if it is refused."""
    if len(data) > MAX_RECORD_BYTES:
        raise InputError(f"{name}: {len(data)} bytes is over the {MAX_RECORD_BYTES} bytes limit")
    try:
        data = utf8_document(data)
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    if b"<!ENTITY" in data:
        raise InputError(f"{name}: XML entity declarations are refused")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        where = invalid_utf8(data)
        if where is not None:
            raise InputError(
                f"{name}: malformed XML: not valid UTF-8 at {where}; "
                "a document in another encoding must declare it (<?xml encoding=...?>)"
            ) from exc
        raise InputError(f"{name}: malformed XML: {exc}") from exc


_MARKS = tuple(
    mark.encode(codec)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY(?P<rest>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
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
    for declaration in _ENTITY_DECLARATION.finditer(data):
        if not _SIMPLE.fullmatch(declaration.group("rest")):
            shown = declaration.group()[:80].decode("utf-8", "replace")
            raise InputError(
                f"{name}: XML entity declaration refused (external, parameter or nested "
                f"entities are never expanded): {shown}"
            )
    if data.count(b"<!ENTITY") != len(_ENTITY_DECLARATION.findall(data)):
        raise InputError(f"{name}: malformed XML entity declaration refused")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise InputError(
            f"{name}: XML refused (external entities and entity bombs are not expanded): {exc}"
        ) from exc
    return ElementTree.tostring(root, encoding="utf-8")
