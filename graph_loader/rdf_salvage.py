"""RDF syntaxes read so that one bad statement does not cost the document: pyoxigraph reads
leniently and skips what it cannot parse; Turtle and TriG with IRI errors are mended where the
fix is certain (URLs written without ``<>``, undeclared prefixes); RDF/XML pyoxigraph refuses
goes to rdflib; the terms are then made sound by :class:`~.term_cleaning.Cleaner`.

>>> bracket_bare_urls('<a> <b> http://example.org/x ; <c> "http://not/me" .')
'<a> <b> <x-gaia-kg-bare:http://example.org/x> ; <c> "http://not/me" .'
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pyoxigraph as ox

from . import jsonsafe
from .errors import InputError
from .jsonld_contexts import inline_contexts, schemaorg_in_https
from .mappings.xmlsafe import rdfxml_without_dtd
from .repair import Repair
from .term_cleaning import BARE, PREFIX, Cleaner, RelativeMarker

__all__ = ["SYNTAXES", "read_rdf", "bracket_bare_urls"]


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
    return json.dumps(inline_contexts(document, shipped=schemaorg_in_https)).encode()


def _rdfxml_input(data: bytes) -> bytes:
    """A document with a DTD is first expanded by expat, which refuses external entities and
    stops entity-expansion bombs wherever the DTD stands, then handed to pyoxigraph without
    its DTD."""
    return rdfxml_without_dtd(data, name="RDF/XML")


#: format name -> (input preparation, pyoxigraph format) of the salvaging reader
SYNTAXES: dict[str, tuple[Callable[[bytes], bytes], ox.RdfFormat]] = {
    "turtle": (bytes, ox.RdfFormat.TURTLE),
    "trig": (bytes, ox.RdfFormat.TRIG),
    # N-Triples read as Turtle (a superset): relative IRIs, invalid in N-Triples, are resolved
    "ntriples": (bytes, ox.RdfFormat.TURTLE),
    "nquads": (bytes, ox.RdfFormat.N_QUADS),
    "rdfxml": (_rdfxml_input, ox.RdfFormat.RDF_XML),
    "jsonld": (_jsonld_input, ox.RdfFormat.JSON_LD),
}

#: syntax errors a document survives: a bad IRI costs its statement, not the document
_IRI_ERROR = re.compile(r"invalid IRI|parsing IRI|absolute IRI|has not been declared", re.I)
_UNDECLARED = re.compile(r"prefix (\S*?):? has not been declared")

#: a URL written without <>, outside strings and IRIs
_BARE_URL = re.compile(
    r"(?<![\w<\"':/.-])[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"{}|\\^`]*[^\s<>\"{}|\\^`.;,]"
)
_MAX_PASSES = 20
_MAX_ERRORS = 1000


def read_rdf(fmt: str, data: bytes, base: str, found: list[Repair], marked: bool) -> list[ox.Quad]:
    """The statements of ``data`` in syntax ``fmt`` (a key of :data:`SYNTAXES`), salvaged, all
    in the default graph; the repairs appended to ``found``; ``marked`` when invalid bytes were
    marked (:func:`~.term_cleaning.marked_utf8`)."""
    prepare, syntax = SYNTAXES[fmt]
    data = prepare(data)
    marker = RelativeMarker(base)
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
                marker = RelativeMarker(base, None)  # rdflib resolves no other scheme
                quads = _rdflib_rdfxml(data, marker.base, error)
                break
            raise error
    return Cleaner(marker, found, marked=marked, jsonld=fmt == "jsonld").clean(quads)


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
        fixed = bracket_bare_urls(text)
        if fixed != text:
            lines[line - 1] = fixed.encode("utf-8")
            changed = True
            continue
        undeclared = _UNDECLARED.search(message)
        if undeclared and undeclared.group(1) not in declare:
            prefix = undeclared.group(1)
            if (
                re.fullmatch(r"[A-Za-z][\w.-]*|", prefix)
                and f"@prefix {prefix}: <{PREFIX}".encode() not in data
            ):
                declare.append(prefix)
    if declare:
        head = "".join(f"@prefix {p}: <{PREFIX}{p}:> . " for p in declare).encode()
        lines[0] = head + lines[0]
        changed = True
    return b"\n".join(lines), changed


def bracket_bare_urls(line: str) -> str:
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
                out.append(f"<{BARE}{match.group(0)}>")
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
