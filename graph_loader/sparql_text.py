"""Binding RDF terms into SPARQL text safely, the same way for every backend.

User values never enter a query by string formatting: :func:`bind` replaces a variable token
(``?name`` or ``$name``) by the term's N-Triples form as serialised by pyoxigraph, which
escapes it. Strings, IRIs and comments of the query are skipped, so a ``?name`` inside a
literal is left alone. Convention for the ``.rq`` files: bound variables appear in the
WHERE clause, not in the projection.

>>> from pyoxigraph import Literal
>>> bind('SELECT ?s WHERE { ?s ?p ?v } # ?v', {"v": Literal('say "hi"', language="en")})
'SELECT ?s WHERE { ?s ?p "say \\\\"hi\\\\""@en } # ?v'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pyoxigraph import BlankNode, Literal, NamedNode

__all__ = ["bind", "query_form", "has_relative_iri"]

# One alternation, tried left to right at each position: the things to skip come first.
_TOKENS = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<long>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\")
  | (?P<string>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$](?P<name>[A-Za-z0-9_\u00B7\u00C0-\uFFFF]+))
    """,
    re.VERBOSE | re.DOTALL,
)


def bind(sparql: str, bindings: Mapping[str, NamedNode | BlankNode | Literal] | None) -> str:
    """Return ``sparql`` with each bound variable replaced by its term."""
    if not bindings:
        return sparql
    for name, term in bindings.items():
        if not isinstance(term, NamedNode | Literal):
            raise TypeError(f"binding ?{name} must be a NamedNode or Literal, not {term!r}")

    def replace(match: re.Match) -> str:
        name = match.group("name")
        if name is not None and name in bindings:
            return str(bindings[name])
        return match.group(0)

    return _TOKENS.sub(replace, sparql)


_FORM = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE)


def query_form(sparql: str) -> str | None:
    r"""SELECT, CONSTRUCT, DESCRIBE or ASK: the first such keyword outside comments, strings
    and IRIs (None for an update or a malformed query).

    >>> query_form("# drop this\nPREFIX a: <http://x/ask> SELECT ?s { ?s a:p 'describe' }")
    'SELECT'
    """
    skeleton = _TOKENS.sub(lambda m: " " if m.group("var") is None else m.group(0), sparql)
    match = _FORM.search(skeleton)
    return match.group(1).upper() if match else None


#: an IRI reference with no scheme: ``<>``, ``<x>``, ``<#a>``, ``</path>`` (not ``<http:…>``)
_RELATIVE_IRI = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.\-]*:)[^<>\s\"{}|^`\\]*>")


def has_relative_iri(text: str) -> bool:
    """Whether SPARQL ``text`` writes an IRI reference without a scheme (a comparison such as
    ``?a < ?b`` is not one: it holds spaces)."""
    return bool(_RELATIVE_IRI.search(text))
