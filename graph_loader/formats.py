"""Input formats: detected from the content, never from the file name alone.

A registry maps each format name to a sniffing rule and a reader; adding a format (ISO 19139,
DataCite, ...) is one reader plus one line in :data:`READERS`. Every reader turns bytes into
pyoxigraph triples with no network access (JSON-LD contexts are shipped locally).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources

import pyoxigraph as ox

from . import jsonsafe
from .config import DEFAULT_BASE
from .errors import InputError, UnknownContextError
from .mappings import MAPPINGS, mapping, sniff_mapping
from .mappings.xmlsafe import rdfxml_without_dtd

__all__ = [
    "detect_format",
    "read_document",
    "read_quads",
    "read_triples",
    "READERS",
    "CONTEXTS",
    "inline_contexts",
]

#: remote JSON-LD contexts answered from files shipped in ``graph_loader/data/contexts``
CONTEXTS: dict[str, str] = {
    "https://w3id.org/gaia-kg/context.jsonld": "gaia-kg.jsonld",
    "https://schema.org": "schemaorg.jsonld",
    "https://schema.org/": "schemaorg.jsonld",
    "http://schema.org": "schemaorg.jsonld",
    "http://schema.org/": "schemaorg.jsonld",
    "https://schema.org/docs/jsonldcontext.jsonld": "schemaorg.jsonld",
    "https://doi.org/10.5063/schema/codemeta-2.0": "codemeta.jsonld",
    "https://w3id.org/codemeta/v2.0": "codemeta.jsonld",
    "https://w3id.org/codemeta/3.0": "codemeta.jsonld",
    "https://w3id.org/codemeta/3.1": "codemeta.jsonld",
    "https://raw.githubusercontent.com/codemeta/codemeta/master/codemeta.jsonld": "codemeta.jsonld",
    "https://raw.githubusercontent.com/codemeta/codemeta/2.0/codemeta.jsonld": "codemeta.jsonld",
}

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
            next(iter(ox.parse(first.encode(), ox.RdfFormat.N_TRIPLES)))
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


@cache
def _context_document(iri: str) -> str:
    """The shipped document of a remote context, as JSON text (parsed anew by each caller)."""
    name = CONTEXTS.get(iri) or CONTEXTS.get(iri.rstrip("/"))
    if name is None:
        raise UnknownContextError(
            f"JSON-LD context {iri!r} is not shipped with gaia-kg and the network is not used; "
            "inline the context or add it to graph_loader/data/contexts"
        )
    text = resources.files("graph_loader").joinpath("data/contexts", name).read_text("utf-8")
    return json.dumps(json.loads(text)["@context"])


def inline_contexts(node: object, adapt: Callable[[object], object] | None = None) -> object:
    """Replace every remote ``@context`` reference by the shipped document; ``adapt`` may
    rewrite the contexts written inline in the document."""
    if isinstance(node, list):
        return [inline_contexts(n, adapt) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "@context":
            items = value if isinstance(value, list) else [value]
            resolved = [
                json.loads(_context_document(v)) if isinstance(v, str) else adapt(v) if adapt else v
                for v in items
            ]
            out[key] = resolved if isinstance(value, list) else resolved[0]
        else:
            out[key] = inline_contexts(value, adapt)
    return out


def _parse(fmt: ox.RdfFormat) -> Callable[[bytes, str | None], Iterator[ox.Quad]]:
    def reader(data: bytes, base_iri: str | None) -> Iterator[ox.Quad]:
        quads = ox.parse(data, fmt, base_iri=base_iri)
        if not fmt.supports_datasets:
            return quads  # all in the default graph already: no copy
        default = ox.DefaultGraph()
        return (
            q if q.graph_name == default else ox.Quad(q.subject, q.predicate, q.object)
            for q in quads
        )

    return reader


def _read_jsonld(data: bytes, base_iri: str | None) -> Iterator[ox.Quad]:
    try:
        document = jsonsafe.loads(data)  # deep nesting: InputError, not RecursionError
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc
    inlined = json.dumps(inline_contexts(document)).encode()
    yield from _parse(ox.RdfFormat.JSON_LD)(inlined, base_iri)


def _read_rdfxml(data: bytes, base_iri: str | None) -> Iterator[ox.Quad]:
    """RDF/XML; a document with a DTD is first expanded by expat, which refuses external
    entities and stops entity-expansion bombs, then handed to pyoxigraph without its DTD."""
    data = rdfxml_without_dtd(data, name="RDF/XML")  # wherever the DTD stands
    yield from _parse(ox.RdfFormat.RDF_XML)(data, base_iri)


#: format name -> reader(bytes, base_iri) yielding quads, all in the default graph
READERS: dict[str, Callable[[bytes, str | None], Iterator[ox.Quad]]] = {
    "turtle": _parse(ox.RdfFormat.TURTLE),
    "trig": _parse(ox.RdfFormat.TRIG),
    "ntriples": _parse(ox.RdfFormat.N_TRIPLES),
    "nquads": _parse(ox.RdfFormat.N_QUADS),
    "rdfxml": _read_rdfxml,
    "jsonld": _read_jsonld,
}


def read_document(
    data: bytes, *, name: str, base_iri: str | None = None, mint_base: str = DEFAULT_BASE
) -> tuple[str, list[ox.Quad]]:
    """The format of ``data`` (detected from its content) and its statements, as quads of the
    default graph (named graphs of N-Quads and TriG are merged); errors name ``name``.

    ``base_iri`` resolves relative IRIs of RDF input; ``mint_base`` is the base under which
    converters of other formats mint resource IRIs.
    """
    fmt = "?"
    try:
        fmt = detect_format(data)
        if fmt in MAPPINGS:
            triples = mapping(fmt).convert(data, base_iri=mint_base)
            return fmt, [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
        return fmt, list(READERS[fmt](data, base_iri))
    except InputError as exc:
        raise type(exc)(f"{name}: {exc}") from exc
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{name}: not valid {fmt}: {exc}") from exc


def read_quads(data: bytes, *, name: str, **options) -> list[ox.Quad]:
    """Like :func:`read_document`, the statements only."""
    return read_document(data, name=name, **options)[1]


def read_triples(data: bytes, *, name: str, **options) -> list[ox.Triple]:
    """Like :func:`read_quads`, as triples."""
    return [q.triple for q in read_quads(data, name=name, **options)]
