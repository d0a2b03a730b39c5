"""The terms of parsed RDF made sound, each change recorded as a :class:`~.repair.Repair`:
bytes that were not UTF-8 decoded, relative IRIs resolved, invalid IRIs percent-encoded (or
their statements dropped), URLs and prefixed names the text fixes of :mod:`.rdf_salvage`
marked turned into IRIs.

>>> percent_encoded("http://example.org/a b"), valid_iri("http:/no-authority") is None
('http://example.org/a%20b', True)
>>> repaired_iri(" http://example.org/{x} "), repaired_iri("not an IRI")
('http://example.org/%7Bx%7D', None)
"""

from __future__ import annotations

import codecs
import re

import pyoxigraph as ox

from .repair import Repair, email_iri, subject_text
from .repair.values import with_value

__all__ = [
    "KNOWN_PREFIXES",
    "BARE",
    "PREFIX",
    "MARKED",
    "marked_utf8",
    "has_scheme",
    "percent_encoded",
    "valid_iri",
    "valid_base",
    "repaired_iri",
    "RelativeMarker",
    "Cleaner",
]

# ---------------------------------------------------------------------------------------------
# text that is not UTF-8

#: an invalid byte B is first read as the private-use character U+F0000 + B, so that the
#: statements it lands in can be found and repaired (and recorded) after parsing
_MARK = 0xF0000
MARKED = re.compile("[\U000f0080-\U000f00ff]")


def _mark_invalid_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start : error.end]
    return "".join(chr(_MARK + b) for b in bad), error.end


codecs.register_error("gaia-kg-mark", _mark_invalid_bytes)


def marked_utf8(data: bytes) -> bytes:
    """``data`` (text that is not UTF-8) as UTF-8, its invalid bytes marked for
    :class:`Cleaner`."""
    return data.decode("utf-8", "gaia-kg-mark").encode("utf-8")


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

    return MARKED.sub(byte, text)


# ---------------------------------------------------------------------------------------------
# IRIs

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
#: IRIs written by the text fixes of :mod:`.rdf_salvage`, told apart by the cleaner: a URL
#: written without <>, a prefixed name of an undeclared prefix
BARE = "x-gaia-kg-bare:"
PREFIX = "x-gaia-kg-prefix:"

#: characters an IRI cannot hold, percent-encoded (a lone "%" too)
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]|%(?![0-9A-Fa-f]{2})')
_NEEDS_AUTHORITY = re.compile(r"^(https?|ftps?):(?!//[^/?#])", re.I)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def has_scheme(value: str) -> bool:
    """Whether ``value`` begins with a scheme (``http:``, ``urn:``...), as an absolute IRI does.

    >>> has_scheme("urn:x"), has_scheme("data/file.nc")
    (True, False)
    """
    return _SCHEME.match(value) is not None


def percent_encoded(value: str) -> str:
    """``value`` with the characters an IRI cannot hold percent-encoded."""
    return _NOT_IN_IRI.sub(lambda m: "".join(f"%{b:02X}" for b in m.group(0).encode()), value)


def valid_iri(value: str) -> ox.NamedNode | None:
    """The IRI ``value`` if pyoxigraph takes it and it has an authority where its scheme
    needs one, else ``None``."""
    try:
        node = ox.NamedNode(value)
    except ValueError:
        return None
    return None if _NEEDS_AUTHORITY.match(value) else node


def repaired_iri(value: str) -> str | None:
    """``value`` percent-encoded where an IRI cannot hold its characters, if that makes it an
    absolute IRI; else ``None``."""
    encoded = percent_encoded(value.strip())
    return encoded if valid_iri(encoded) is not None and has_scheme(encoded) else None


def valid_base(base: str | None, fallback: str) -> str:
    """``base`` if it is an absolute IRI, else percent-encoded, else ``fallback`` (a bad
    harvest URL must not cost the document)."""
    for candidate in (base, percent_encoded(base)) if base else ():
        if valid_iri(candidate) is not None and has_scheme(candidate):
            return candidate
    return fallback


class RelativeMarker:
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


# ---------------------------------------------------------------------------------------------
# the cleaner

#: one change to a term: (kind, before, after) in N-Triples form ("" after: dropped)
Step = tuple[str, str, str]


class Cleaner:
    """Every term of the parsed statements checked once: marked bytes decoded, relative IRIs
    resolved, invalid IRIs percent-encoded or their statements dropped; a repair recorded for
    each statement changed."""

    def __init__(
        self,
        marker: RelativeMarker | None,
        found: list[Repair],
        *,
        marked: bool,
        jsonld: bool = False,
    ):
        self.marker, self.found, self.marked, self.jsonld = marker, found, marked, jsonld
        #: IRI -> (IRI written or None to drop, steps)
        self.seen: dict[str, tuple[ox.NamedNode | None, tuple[Step, ...]] | None] = {}

    def clean(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """``quads`` with their terms made sound (those that cannot be, dropped)."""
        out: list[ox.Quad] = []
        seen, marked = self.seen, self.marked
        named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
        for quad in quads:
            # most statements: terms already seen sound (no call per term)
            s, o = quad.subject, quad.object
            ts, to = type(s), type(o)
            if (
                (ts is blank or (ts is named and seen.get(s.value, 0) is None))
                and seen.get(quad.predicate.value, 0) is None
                and (
                    to is blank
                    or (to is named and seen.get(o.value, 0) is None)
                    or (to is literal and not marked)
                )
            ):
                out.append(quad)
            else:
                self._clean_one(quad, out)
        return out

    def _clean_one(self, quad: ox.Quad, out: list[ox.Quad]) -> None:
        """``quad`` made sound, appended to ``out`` (or dropped), its repairs recorded."""
        terms = (quad.subject, quad.predicate, quad.object)
        fixed = [self._term(t) for t in terms]
        if fixed[0] is None and fixed[1] is None and fixed[2] is None:
            out.append(quad)
            return
        if self.jsonld and not has_scheme(quad.predicate.value):
            return  # a JSON-LD key its context does not map: not a statement
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

    def _term(self, term):
        """None if ``term`` is kept as is, else (the term written or None, steps)."""
        if isinstance(term, ox.NamedNode):
            value = term.value
            if value not in self.seen:
                self.seen[value] = self._iri(value)
            return self.seen[value]
        if self.marked and isinstance(term, ox.Literal) and MARKED.search(term.value):
            new = with_value(term, _unmark(term.value))
            old = with_value(term, _unmark(term.value, True))
            return new, (("encoding", str(old), str(new)),)
        return None

    def _iri(self, value: str):
        steps: list[Step] = []
        written = value
        if self.marked and MARKED.search(written):
            written = _unmark(written)
            steps.append(("encoding", f"<{_unmark(value, True)}>", f"<{written}>"))
        if written.startswith(BARE):
            written = written[len(BARE) :]
            steps.append(("bad-iri", written, f"<{written}>"))
        elif written.startswith(PREFIX):
            prefix, _, local = written[len(PREFIX) :].partition(":")
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
        node = valid_iri(written)
        if node is None:
            node = valid_iri(percent_encoded(written))
            steps.append(("bad-iri", f"<{written}>", "" if node is None else str(node)))
        if not steps:
            return None
        return node, tuple(steps)
