"""Input formats: detected from the content, never from the file name alone.

A registry maps each format name to a sniffing rule and a reader; adding a format (ISO 19139,
DataCite, ...) is one reader plus one line in :data:`READERS`. Every reader turns bytes into
pyoxigraph triples with no network access (JSON-LD contexts are shipped locally:
:mod:`.jsonld_contexts`). RDF is salvaged statement by statement (:mod:`.rdf_salvage`), its
terms made sound (:mod:`.term_cleaning`), each change recorded as a
:class:`~graph_loader.repair.Repair`.

>>> detect_format(b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c ."), detect_format(b"[]")
('turtle', 'jsonld')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar

import pyoxigraph as ox

from .config import DEFAULT_BASE
from .errors import InputError
from .mappings import MAPPINGS, mapping, sniff_mapping
from .mappings.xmlsafe import invalid_utf8, utf8_document
from .rdf_salvage import SYNTAXES, read_rdf
from .repair import Repair
from .term_cleaning import Cleaner, marked_utf8, valid_base

__all__ = [
    "detect_format",
    "read_document",
    "read_syntax",
    "read_quads",
    "read_triples",
    "note_repair",
    "READERS",
]

_NT_LINE = re.compile(r"^\s*(<[^>]*>|_:\S+)\s+<[^>]*>\s+.+\.\s*$")
_TURTLE_HINT = re.compile(r"^\s*(@prefix|@base|PREFIX|BASE)\b", re.MULTILINE | re.IGNORECASE)


def _first_statement(text: str) -> str:
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return stripped
    return ""


def detect_format(data: bytes) -> str:
    """Name the format of ``data``: a converter of :mod:`graph_loader.mappings` (ISO 19139,
    DataCite, ...) if one recognises it, else turtle, trig, ntriples, nquads, rdfxml, jsonld."""
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise InputError("empty input")
    converter = sniff_mapping(data)
    if converter is not None:
        return converter
    if head[:1] in (b"{", b"["):
        return "jsonld"
    if head[:1] == b"<" and (head.startswith(b"<?xml") or head.startswith(b"<!--")):
        text = head.decode("utf-8", "replace")
        if re.search(r"<(\w+:)?RDF\b", text):
            return "rdfxml"
        _explain_xml(data)
    if head.startswith(b"<rdf:RDF"):
        return "rdfxml"
    if _XML_ELEMENT.match(head) and (b"xmlns" in head or b">" not in head):
        _explain_xml(data)
    text = head.decode("utf-8", "replace")
    if _TURTLE_HINT.search(text):
        return "trig" if re.search(r"^\s*(GRAPH\s+)?<[^>]*>\s*\{", text, re.MULTILINE) else "turtle"
    first = _first_statement(text)
    if _NT_LINE.match(first):
        try:
            next(iter(ox.parse(first.encode(), ox.RdfFormat.N_TRIPLES, lenient=True)))
            return "ntriples"
        except SyntaxError:
            return "nquads"
    return "turtle"


#: an XML start tag (prefixed, or with attributes), not a Turtle IRI such as <http://…>
_XML_ELEMENT = re.compile(rb"<[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*([\s/>]|\Z)|\s+[\w:.-]+\s*=)")


def _explain_xml(data: bytes) -> None:
    """XML that is not RDF/XML and no converter took: say whether it is malformed or names an
    unsupported root element."""
    from .mappings.xmlsafe import parse_xml

    parse_xml(data, name="XML")
    text = data[:65536].decode("utf-8", "replace")
    root = re.search(r"<([\w:.-]+)[\s>/]", re.sub(r"<[?!][^>]*>", "", text))
    raise InputError(
        f"XML whose root element is <{root.group(1) if root else '?'}> "
        "is not a supported format (RDF/XML expected)"
    )


#: while :func:`read_document` runs a converter: where the repairs of the RDF it reads go, and
#: the document's base IRI (converters of RDF profiles read through :data:`READERS`)
_READING: ContextVar[tuple[list, str] | None] = ContextVar("gaia_kg_reading", default=None)


def read_syntax(
    fmt: str, data: bytes, *, base_iri: str, repairs: list[Repair] | None = None
) -> list[ox.Quad]:
    """The statements of RDF ``data`` in syntax ``fmt`` (turtle, trig, ntriples, nquads,
    rdfxml, jsonld), all in the default graph, salvaged as :func:`read_document` says; the
    changes are appended to ``repairs``. :class:`SyntaxError` or :class:`InputError` for a
    document that cannot be read."""
    found: list[Repair] = []
    data = utf8_document(data)
    data, marked = _utf8_or_fallback(data, fmt)
    quads = read_rdf(fmt, data, base_iri, found, marked)
    if repairs is not None:
        repairs.extend(found)
    return quads


def note_repair(repair: Repair) -> None:
    """Record ``repair`` (made by a converter to what it read) with the repairs of the
    document :func:`read_document` is reading, if any."""
    reading = _READING.get()
    if reading:
        reading[0].append(repair)


def _reader(fmt: str) -> Callable[[bytes, str | None], Iterator[ox.Quad]]:
    def reader(data: bytes, base_iri: str | None) -> Iterator[ox.Quad]:
        reading = _READING.get()
        repairs, base = reading if reading else (None, base_iri)
        return iter(read_syntax(fmt, data, base_iri=valid_base(base, DEFAULT_BASE),
                                repairs=repairs))  # fmt: skip

    return reader


#: format name -> reader(bytes, base_iri) giving quads, all in the default graph; salvaging
#: (see :func:`read_syntax`), its repairs recorded when called by a converter under
#: :func:`read_document`
READERS: dict[str, Callable[[bytes, str | None], Iterator[ox.Quad]]] = {
    fmt: _reader(fmt) for fmt in SYNTAXES
}


def read_document(
    data: bytes,
    *,
    name: str,
    base_iri: str | None = None,
    mint_base: str = DEFAULT_BASE,
    repairs: list[Repair] | None = None,
) -> tuple[str, list[ox.Quad]]:
    """The format of ``data`` (detected from its content) and its statements, as quads of the
    default graph (named graphs of N-Quads and TriG are merged); errors name ``name``.

    ``base_iri`` resolves relative IRIs of RDF input (``mint_base`` when it is ``None``);
    ``mint_base`` is the base under which converters of other formats mint resource IRIs.

    Nothing is lost to one bad statement: relative IRIs are resolved, invalid IRIs
    percent-encoded (or their statements dropped when that cannot make them valid), text in
    UTF-16, with a byte-order mark or in a declared legacy encoding decoded, and text that is
    not UTF-8 read as windows-1252; each change is appended to ``repairs`` as a
    :class:`~graph_loader.repair.Repair`. Malformed documents are refused
    (:class:`InputError`).
    """
    fmt = "?"
    found: list[Repair] = []
    try:
        data = utf8_document(data)
        fmt = detect_format(data)
        data, marked = _utf8_or_fallback(data, fmt)
        if fmt in MAPPINGS:
            reading = _READING.set((found, valid_base(base_iri, mint_base)))
            try:
                triples = mapping(fmt).convert(data, base_iri=mint_base)
            finally:
                _READING.reset(reading)
            quads = [  # Quad(*t): twice as fast as the three terms of a triple read apart
                ox.Quad(*t) if type(t) is ox.Triple else ox.Quad(t.subject, t.predicate, t.object)
                for t in triples
            ]
            if marked:
                quads = Cleaner(None, found, marked=True).clean(quads)
        else:
            quads = read_rdf(fmt, data, valid_base(base_iri, mint_base), found, marked)
    except InputError as exc:
        raise type(exc)(f"{name}: {exc}") from exc
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{name}: not valid {fmt}: {exc}") from exc
    except RecursionError:  # a converter walking a document nested beyond reason
        raise InputError(f"{name}: nested too deeply to be a metadata record ({fmt})") from None
    if repairs is not None:
        repairs.extend(found)
    return fmt, quads


def _utf8_or_fallback(data: bytes, fmt: str) -> tuple[bytes, bool]:
    """``data`` if it is UTF-8; XML that is not is refused (it must declare its encoding);
    other text has its invalid bytes marked for :class:`~.term_cleaning.Cleaner`."""
    where = invalid_utf8(data)
    if where is None:
        return data, False
    if fmt == "rdfxml" or (fmt in MAPPINGS and data.lstrip()[:1] == b"<"):
        raise InputError(
            f"malformed XML: not valid UTF-8 at {where}; "
            "a document in another encoding must declare it (<?xml encoding=...?>)"
        )
    return marked_utf8(data), True


def read_quads(data: bytes, *, name: str, **options) -> list[ox.Quad]:
    """Like :func:`read_document`, the statements only."""
    return read_document(data, name=name, **options)[1]


def read_triples(data: bytes, *, name: str, **options) -> list[ox.Triple]:
    """Like :func:`read_quads`, as triples."""
    return [q.triple for q in read_quads(data, name=name, **options)]
