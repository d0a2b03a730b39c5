"""TSV cells of the store's scans (as oxigraph writes SPARQL results in TSV) read as terms
(:func:`parse_term`) and put on the resource dicts of :mod:`graph_loader.index.resources`
(:func:`fill`)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

__all__ = ["parse_term", "fill"]

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ESCAPED = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f"}


def _unescape(match: re.Match) -> str:
    code = match.group(1) or match.group(2)
    if code:
        return chr(int(code, 16))
    char = match.group(3)
    return _ESCAPED.get(char, char)


def parse_term(text: str) -> tuple[str, str, str] | None:
    r"""A term as SPARQL TSV writes it: ``("iri", value, "")`` or ``("literal", value, lang)``
    (the primary language subtag, lowercased), or None for a blank node or nothing.

    >>> parse_term('"Ozone \\"IAGOS\\"\\n"@fr-FR')
    ('literal', 'Ozone "IAGOS"\n', 'fr')
    >>> parse_term("<https://example.org/a>")
    ('iri', 'https://example.org/a', '')
    >>> parse_term('"2006-06-01"^^<http://www.w3.org/2001/XMLSchema#date>')
    ('literal', '2006-06-01', '')
    """
    if not text:
        return None
    head = text[0]
    if head == "<":
        return "iri", text[1:-1], ""
    if head == '"':
        end = text.rfind('"')
        value = text[1:end]
        if "\\" in value:
            value = _ESCAPE.sub(_unescape, value)
        tail = text[end + 1 :]
        lang = tail[1:].split("-")[0].lower() if tail.startswith("@") else ""
        return "literal", value, lang
    if head == "_":
        return None
    return "literal", text, ""  # a number or boolean written bare


def fill(resources: dict[str, dict], rows: Iterable[list[str]], gives: dict) -> None:
    """Put each ``[iri, code, cell]`` of ``rows`` on its resource, giving what ``code``
    gives (:meth:`~.scan.ResourceScan.gives`): a text is a literal, a link an IRI, an extent
    either (a million datasets put 25 million values: a link's IRI is taken as it is)."""
    intern = sys.intern
    for iri, code, cell in rows:
        head = cell[:1]
        if not head or head == "_":  # nothing, or a blank node
            continue
        res, term = resources[iri], None
        for group, name in gives[code]:
            if group == "links":
                if head == "<":
                    res["links"].append((name, intern(cell[1:-1])))
                continue
            kind, value, lang = term = term or parse_term(cell)
            if group == "text":
                if kind == "literal":
                    res["text"].append((name, lang, value))
            else:
                res["extents"].append((name, value))
