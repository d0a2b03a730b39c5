"""Input formats: detected from the content, never from the file name alone.

A registry maps each format name to a sniffing rule and a reader; adding a format (ISO 19139,
DataCite, ...) is one reader plus one line in :data:`READERS`. Every reader turns bytes into
pyoxigraph triples with no network access (JSON-LD contexts are shipped locally).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import cache
from importlib import resources

import pyoxigraph as ox

from . import jsonsafe
from .config import DEFAULT_BASE
from .errors import InputError, UnknownContextError
from .mappings import MAPPINGS, mapping, sniff_mapping
from .mappings.xmlsafe import invalid_utf8, rdfxml_without_dtd, utf8_document
from .repair import Repair, email_iri, subject_text

__all__ = [
    "detect_format",
    "read_document",
    "read_syntax",
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


def _merged(quads):
    """Quads of named graphs moved to the default graph."""
    default = ox.DefaultGraph()
    return (
        q if q.graph_name == default else ox.Quad(q.subject, q.predicate, q.object) for q in quads
    )


def _jsonld_input(data: bytes) -> bytes:
    try:
        document = jsonsafe.loads(data)  # deep nesting: InputError, not RecursionError
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc
    return json.dumps(inline_contexts(document)).encode()


def _rdfxml_input(data: bytes) -> bytes:
    """A document with a DTD is first expanded by expat, which refuses external entities and
    stops entity-expansion bombs wherever the DTD stands, then handed to pyoxigraph without
    its DTD."""
    return rdfxml_without_dtd(data, name="RDF/XML")


#: format name -> (input preparation, pyoxigraph format) of the salvaging reader
_SYNTAXES: dict[str, tuple[Callable[[bytes], bytes], ox.RdfFormat]] = {
    "turtle": (bytes, ox.RdfFormat.TURTLE),
    "trig": (bytes, ox.RdfFormat.TRIG),
    # N-Triples read as Turtle (a superset): relative IRIs, invalid in N-Triples, are resolved
    "ntriples": (bytes, ox.RdfFormat.TURTLE),
    "nquads": (bytes, ox.RdfFormat.N_QUADS),
    "rdfxml": (_rdfxml_input, ox.RdfFormat.RDF_XML),
    "jsonld": (_jsonld_input, ox.RdfFormat.JSON_LD),
}

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
    quads = _read_rdf(fmt, data, base_iri, found, marked)
    if repairs is not None:
        repairs.extend(found)
    return quads


def note_repair(repair: Repair) -> None:
    """Record ``repair`` (made by a converter to what it read) with the repairs of the
    document :func:`read_document` is reading, if any."""
    reading = _READING.get()
    if reading:
        reading[0].append(repair)


def repaired_iri(value: str) -> str | None:
    """``value`` percent-encoded where an IRI cannot hold its characters, if that makes it an
    absolute IRI; else ``None``."""
    encoded = _percent_encoded(value.strip())
    return encoded if _valid_iri(encoded) is not None and _SCHEME.match(encoded) else None


def _reader(fmt: str) -> Callable[[bytes, str | None], Iterator[ox.Quad]]:
    def reader(data: bytes, base_iri: str | None) -> Iterator[ox.Quad]:
        reading = _READING.get()
        repairs, base = reading if reading else (None, base_iri)
        return iter(read_syntax(fmt, data, base_iri=_valid_base(base, DEFAULT_BASE),
                                repairs=repairs))  # fmt: skip

    return reader


#: format name -> reader(bytes, base_iri) giving quads, all in the default graph; salvaging
#: (see :func:`read_syntax`), its repairs recorded when called by a converter under
#: :func:`read_document`
READERS: dict[str, Callable[[bytes, str | None], Iterator[ox.Quad]]] = {
    fmt: _reader(fmt) for fmt in _SYNTAXES
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
            reading = _READING.set((found, _valid_base(base_iri, mint_base)))
            try:
                triples = mapping(fmt).convert(data, base_iri=mint_base)
            finally:
                _READING.reset(reading)
            quads = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
            if marked:
                quads = _Cleaner(None, found, marked=True).clean(quads)
        else:
            quads = _read_rdf(fmt, data, _valid_base(base_iri, mint_base), found, marked)
    except InputError as exc:
        raise type(exc)(f"{name}: {exc}") from exc
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{name}: not valid {fmt}: {exc}") from exc
    except RecursionError:  # a converter walking a document nested beyond reason
        raise InputError(f"{name}: nested too deeply to be a metadata record ({fmt})") from None
    if repairs is not None:
        repairs.extend(found)
    return fmt, quads


# ---------------------------------------------------------------------------------------------
# text that is not UTF-8

#: an invalid byte B is first read as the private-use character U+F0000 + B, so that the
#: statements it lands in can be found and repaired (and recorded) after parsing
_MARK = 0xF0000
_MARKED = re.compile("[\U000f0080-\U000f00ff]")


def _mark_invalid_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return "".join(chr(_MARK + b) for b in bad), error.end


codecs.register_error("gaia-kg-mark", _mark_invalid_bytes)


def _unmark(text: str, replacement: bool = False) -> str:
    """Marked bytes read as windows-1252 (or shown as U+FFFD when ``replacement``)."""

    def byte(m: re.Match) -> str:
        if replacement:
            return "\ufffd"
        b = bytes([ord(m.group(0)) - _MARK])
        try:
            return b.decode("cp1252")
        except UnicodeDecodeError:
            return b.decode("latin-1")

    return _MARKED.sub(byte, text)


def _utf8_or_fallback(data: bytes, fmt: str) -> tuple[bytes, bool]:
    """``data`` if it is UTF-8; XML that is not is refused (it must declare its encoding);
    other text has its invalid bytes marked for :class:`_Cleaner`."""
    where = invalid_utf8(data)
    if where is None:
        return data, False
    if fmt == "rdfxml" or (fmt in MAPPINGS and data.lstrip()[:1] == b"<"):
        raise InputError(
            f"malformed XML: not valid UTF-8 at {where}; "
            "a document in another encoding must declare it (<?xml encoding=...?>)"
        )
    return data.decode("utf-8", "gaia-kg-mark").encode("utf-8"), True


# ---------------------------------------------------------------------------------------------
# RDF syntaxes, salvaged


#: syntax errors a document survives: a bad IRI costs its statement, not the document
_IRI_ERROR = re.compile(r"invalid IRI|parsing IRI|absolute IRI|has not been declared", re.I)
_UNDECLARED = re.compile(r"prefix (\S*?):? has not been declared")

#: prefixes often used without being declared, and their namespaces
KNOWN_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dct": "http://purl.org/dc/terms/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "adms": "http://www.w3.org/ns/adms#",
    "locn": "http://www.w3.org/ns/locn#",
    "gsp": "http://www.opengis.net/ont/geosparql#",
    "hydra": "http://www.w3.org/ns/hydra/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "odrl": "http://www.w3.org/ns/odrl/2/",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "dqv": "http://www.w3.org/ns/dqv#",
}
#: IRIs written by the text fixes, told apart by the cleaner
_BARE = "x-gaia-kg-bare:"
_PREFIX = "x-gaia-kg-prefix:"
#: a URL written without <>, outside strings and IRIs
_BARE_URL = re.compile(
    r"(?<![\w<\"':/.-])[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]*[^\s<>\"{}|\\^`.;,]"
)
_MAX_PASSES = 20


def _read_rdf(fmt: str, data: bytes, base: str, found: list[Repair], marked: bool) -> list[ox.Quad]:
    prepare, syntax = _SYNTAXES[fmt]
    data = prepare(data)
    marker = _RelativeMarker(base)
    fixable = syntax in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)
    for _ in range(_MAX_PASSES):
        quads, errors = _parse_salvaging(data, syntax, marker.base)
        if not errors or not fixable:
            break
        data, changed = _fix_text(data, errors)
        if not changed:
            break
    bad_lines: set[int] = set()
    for error in errors:
        line = _error_line(error)
        if _IRI_ERROR.search(str(error)):
            if line not in bad_lines:
                found.append(Repair("bad-iri", "", "", _source_line(data, line), ""))
            bad_lines.add(line)
        elif line not in bad_lines or line == 0:
            if syntax == ox.RdfFormat.RDF_XML:
                marker = _RelativeMarker(base, None)  # rdflib resolves no other scheme
                quads = _rdflib_rdfxml(data, marker.base, error)
                break
            raise error
    return _Cleaner(marker, found, marked=marked, jsonld=fmt == "jsonld").clean(quads)


def _valid_base(base: str | None, fallback: str) -> str:
    """``base`` if it is an absolute IRI, else percent-encoded, else ``fallback`` (a bad
    harvest URL must not cost the document)."""
    for candidate in (base, _percent_encoded(base)) if base else ():
        if _valid_iri(candidate) is not None and _SCHEME.match(candidate):
            return candidate
    return fallback


def _fix_text(data: bytes, errors: list[SyntaxError]) -> tuple[bytes, bool]:
    """Turtle or TriG with its IRI errors mended where the fix is certain: URLs written without
    ``<>`` bracketed, undeclared prefixes declared (their IRIs marked for the cleaner)."""
    lines = data.split(b"\n")
    changed = False
    declare: list[str] = []
    for error in errors:
        message = str(error)
        line = _error_line(error)
        if not _IRI_ERROR.search(message) or not 0 < line <= len(lines):
            continue
        text = lines[line - 1].decode("utf-8", "replace")
        fixed = _bracket_bare_urls(text)
        if fixed != text:
            lines[line - 1] = fixed.encode("utf-8")
            changed = True
            continue
        undeclared = _UNDECLARED.search(message)
        if undeclared and undeclared.group(1) not in declare:
            prefix = undeclared.group(1)
            if (
                re.fullmatch(r"[A-Za-z][\w.-]*|", prefix)
                and f"@prefix {prefix}: <{_PREFIX}".encode() not in data
            ):
                declare.append(prefix)
    if declare:
        head = "".join(f"@prefix {p}: <{_PREFIX}{p}:> . " for p in declare).encode()
        lines[0] = head + lines[0]
        changed = True
    return b"\n".join(lines), changed


def _bracket_bare_urls(line: str) -> str:
    """``line`` with the URLs written outside strings and ``<>`` put between ``<>``
    (marked for the cleaner to record)."""
    out, i = [], 0
    quote = None
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                out.append(line[i : i + 2])
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "<":
            end = line.find(">", i)
            end = len(line) - 1 if end < 0 else end
            out.append(line[i : end + 1])
            i = end + 1
            continue
        elif c == "#":
            out.append(line[i:])
            break
        else:
            match = _BARE_URL.match(line, i) if (i == 0 or not line[i - 1].isalnum()) else None
            if match and (i == 0 or line[i - 1] in " \t,;[("):
                out.append(f"<{_BARE}{match.group(0)}>")
                i = match.end()
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _rdflib_rdfxml(data: bytes, base: str, error: SyntaxError) -> list[ox.Quad]:
    """RDF/XML pyoxigraph refuses (text beside ``rdf:resource``...), read by rdflib, which
    skips what it cannot read; the original error if rdflib refuses it too."""
    import logging

    import rdflib

    rdflib_logger = logging.getLogger("rdflib")
    level = rdflib_logger.level
    rdflib_logger.setLevel(logging.ERROR)
    try:
        graph = rdflib.Graph()
        graph.parse(data=data, format="xml", publicID=base)
    except Exception:  # noqa: BLE001 - rdflib raises many kinds; the first error is reported
        raise error from None
    finally:
        rdflib_logger.setLevel(level)

    def term(t) -> str:  # IRIs as they are (the cleaner checks them), unlike rdflib's writer
        if isinstance(t, rdflib.URIRef):
            return "<" + str(t).replace(">", "%3E").replace("\n", "%0A") + ">"
        if isinstance(t, rdflib.BNode):
            return f"_:b{t}"
        return t.n3()

    lines = "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in graph).encode()
    return _parse_salvaging(lines, ox.RdfFormat.N_TRIPLES, None)[0]


def _parse_salvaging(
    data: bytes, syntax: ox.RdfFormat, base: str | None
) -> tuple[list[ox.Quad], list[SyntaxError]]:
    """The statements pyoxigraph reads (leniently: IRIs are checked afterwards), and the
    syntax errors it skipped over."""
    quads: list[ox.Quad] = []
    errors: list[SyntaxError] = []
    parsed = iter(ox.parse(data, syntax, base_iri=base, lenient=True))
    while True:
        try:
            quads.append(next(parsed))
        except StopIteration:
            break
        except SyntaxError as exc:
            errors.append(exc)
            if len(errors) > _MAX_ERRORS or syntax in (ox.RdfFormat.RDF_XML, ox.RdfFormat.JSON_LD):
                break  # these parsers do not recover
    if syntax.supports_datasets:
        quads = list(_merged(quads))
    return quads, errors


_MAX_ERRORS = 1000


def _error_line(error: SyntaxError) -> int:
    match = re.search(r"line (\d+)", str(error))
    return int(match.group(1)) if match else (error.lineno or 0)


def _source_line(data: bytes, line: int) -> str:
    """Line ``line`` (1-based) of ``data``, shortened, to show what was dropped."""
    if line <= 0:
        return ""
    text = data.split(b"\n", line)[line - 1] if data.count(b"\n") >= line - 1 else b""
    shown = text.decode("utf-8", "replace").strip()
    return f"line {line}: {shown[:200]}"


class _RelativeMarker:
    """A base IRI under which the IRIs that were relative in the document can be told apart:
    the real base's scheme and authority are replaced by a marker, put back after parsing."""

    HOST = "relative.invalid"

    def __init__(self, base: str, marker: str | None = "x-gaia-kg-relative"):
        match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):(//[^/?#]*)?([^#]*)", base)
        self.real = base
        if match is None or match.group(2) is None:
            self.base, self.prefix = base, None
            return
        scheme, authority, rest = match.groups()
        self.scheme, self.authority = scheme, authority
        # the marker's own scheme: an absolute IRI of the base's scheme (http://…) is not
        # taken for a network-path reference (//host/…); None keeps the base's scheme
        marker = marker or scheme
        self.base = f"{marker}://{self.HOST}{rest}"
        self.prefix = f"{marker}://"
        self.directory = rest[: rest.rfind("/") + 1] if "/" in rest else "/"

    def resolve(self, value: str) -> tuple[str, str, str] | None:
        """(kind, reference as written, IRI) for an IRI that was relative in the document."""
        if self.prefix is None or not value.startswith(self.prefix):
            return None
        after = value[len(self.prefix) :]
        if not after.startswith(self.HOST):  # a network-path reference: //host/path
            return "relative-iri", f"//{after}", f"{self.scheme}://{after}"
        path = after[len(self.HOST) :]
        reference = path[len(self.directory) :] if path.startswith(self.directory) else path
        mailto = email_iri(reference) if "/" not in reference else None
        if mailto:
            return "mailto", reference, mailto
        return "relative-iri", reference, f"{self.scheme}:{self.authority}{path}"


#: characters an IRI cannot hold, percent-encoded (a lone "%" too)
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]|%(?![0-9A-Fa-f]{2})')
_NEEDS_AUTHORITY = re.compile(r"^(https?|ftps?):(?!//[^/?#])", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _percent_encoded(value: str) -> str:
    return _NOT_IN_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), value)


def _valid_iri(value: str) -> ox.NamedNode | None:
    try:
        node = ox.NamedNode(value)
    except ValueError:
        return None
    return None if _NEEDS_AUTHORITY.match(value) else node


#: one change to a term: (kind, before, after) in N-Triples form ("" after: dropped)
Step = tuple[str, str, str]


class _Cleaner:
    """Every term of the parsed statements checked once: marked bytes decoded, relative IRIs
    resolved, invalid IRIs percent-encoded or their statements dropped; a repair recorded for
    each statement changed."""

    def __init__(
        self,
        marker: _RelativeMarker | None,
        found: list[Repair],
        *,
        marked: bool,
        jsonld: bool = False,
    ):
        self.marker, self.found, self.marked, self.jsonld = marker, found, marked, jsonld
        #: IRI -> (IRI written or None to drop, steps)
        self.seen: dict[str, tuple[ox.NamedNode | None, tuple[Step, ...]] | None] = {}

    def clean(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        out: list[ox.Quad] = []
        for quad in quads:
            terms = (quad.subject, quad.predicate, quad.object)
            fixed = [self._term(t) for t in terms]
            if fixed[0] is None and fixed[1] is None and fixed[2] is None:
                out.append(quad)
                continue
            if self.jsonld and not _SCHEME.match(quad.predicate.value):
                continue  # a JSON-LD key its context does not map: not a statement
            after = [t if f is None else f[0] for t, f in zip(terms, fixed, strict=True)]
            subject = subject_text(after[0] if after[0] is not None else terms[0])
            if after[1] is not None:
                predicate = after[1].value
            else:  # dropped: as written
                predicate = fixed[1][1][-1][1].removeprefix("<").removesuffix(">")
            for f in fixed:
                for kind, before, written in f[1] if f else ():
                    self.found.append(Repair(kind, subject, predicate, before, written))
            if all(a is not None for a in after):
                out.append(ox.Quad(after[0], after[1], after[2]))
        return out

    def _term(self, term):
        """None if ``term`` is kept as is, else (the term written or None, steps)."""
        if isinstance(term, ox.NamedNode):
            value = term.value
            if value not in self.seen:
                self.seen[value] = self._iri(value)
            return self.seen[value]
        if self.marked and isinstance(term, ox.Literal) and _MARKED.search(term.value):
            value = _unmark(term.value)
            if term.language:
                new = ox.Literal(value, language=term.language)
                old = ox.Literal(_unmark(term.value, True), language=term.language)
            else:
                new = ox.Literal(value, datatype=term.datatype)
                old = ox.Literal(_unmark(term.value, True), datatype=term.datatype)
            return new, (("encoding", str(old), str(new)),)
        return None

    def _iri(self, value: str):
        steps: list[Step] = []
        written = value
        if self.marked and _MARKED.search(written):
            written = _unmark(written)
            steps.append(("encoding", f"<{_unmark(value, True)}>", f"<{written}>"))
        if written.startswith(_BARE):
            written = written[len(_BARE) :]
            steps.append(("bad-iri", written, f"<{written}>"))
        elif written.startswith(_PREFIX):
            prefix, _, local = written[len(_PREFIX) :].partition(":")
            namespace = KNOWN_PREFIXES.get(prefix)
            name = f"{prefix}:{local}"
            if namespace is None:
                return None, (("bad-iri", name, ""),)
            written = namespace + local
            steps.append(("bad-iri", name, f"<{written}>"))
        resolved = self.marker.resolve(written) if self.marker else None
        if resolved:
            kind, reference, written = resolved
            steps.append((kind, f"<{reference}>", f"<{written}>"))
        node = _valid_iri(written)
        if node is None:
            node = _valid_iri(_percent_encoded(written))
            steps.append(("bad-iri", f"<{written}>", "" if node is None else str(node)))
        if not steps:
            return None
        return node, tuple(steps)


def read_quads(data: bytes, *, name: str, **options) -> list[ox.Quad]:
    """Like :func:`read_document`, the statements only."""
    return read_document(data, name=name, **options)[1]


def read_triples(data: bytes, *, name: str, **options) -> list[ox.Triple]:
    """Like :func:`read_quads`, as triples."""
    return [q.triple for q in read_quads(data, name=name, **options)]
