"""Reading JSON-LD records offline: contexts answered from shipped files, triples indexed.

schema.org terms are normalised to ``https://schema.org/`` whatever the record wrote
(``http://schema.org/``, with or without a trailing slash, as a string or an ``@vocab``).
"""

from __future__ import annotations

import json
from collections import defaultdict

import pyoxigraph as ox

from .. import jsonsafe
from ..errors import InputError
from .xmlsafe import MAX_RECORD_BYTES

__all__ = ["load_json", "context_names", "parse_jsonld", "Index"]

_HTTP_SDO = "http://schema.org/"
_SDO = "https://schema.org/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def load_json(data: bytes) -> object:
    """The JSON document of ``data``; :class:`InputError` if empty, too large or not JSON."""
    if len(data) > MAX_RECORD_BYTES:
        raise InputError(f"{len(data)} bytes is over the {MAX_RECORD_BYTES} bytes limit")
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise InputError("empty record")
    try:
        return jsonsafe.loads(data)  # deep nesting: InputError
    except UnicodeDecodeError as exc:
        raise InputError(f"JSON is not in UTF-8, UTF-16 or UTF-32: {exc}") from exc
    except ValueError as exc:
        raise InputError(f"invalid JSON: {exc}") from exc


def context_names(document: object) -> list[str]:
    """The context IRIs and ``@vocab`` values of the top-level object(s) of ``document``."""
    nodes = document if isinstance(document, list) else [document]
    names: list[str] = []
    for node in nodes:
        if not isinstance(node, dict):
            continue
        context = node.get("@context")
        for item in context if isinstance(context, list) else [context]:
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict) and isinstance(item.get("@vocab"), str):
                names.append(item["@vocab"])
    return names


def _vocab(context: object) -> object:
    if isinstance(context, dict) and str(context.get("@vocab", "")).rstrip("/") in (
        "http://schema.org",
        "https://schema.org",
    ):
        return {**context, "@vocab": _SDO}
    return context


def _https(term):
    if isinstance(term, ox.NamedNode) and term.value.startswith(_HTTP_SDO):
        return ox.NamedNode(_SDO + term.value[len(_HTTP_SDO) :])
    if isinstance(term, ox.Literal) and term.datatype.value.startswith(_HTTP_SDO):
        return ox.Literal(term.value, datatype=_https(term.datatype))
    return term


def _inline(document: object) -> object:
    from ..formats import inline_contexts  # formats imports this package: look it up late

    return inline_contexts(document, _vocab)


def parse_jsonld(document: object) -> list[ox.Triple]:
    """The triples of a JSON-LD ``document`` (contexts inlined, schema.org in https)."""
    inlined = json.dumps(_inline(document)).encode()
    try:
        quads = list(ox.parse(inlined, ox.RdfFormat.JSON_LD))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"invalid JSON-LD: {exc}") from exc
    return [ox.Triple(_https(q.subject), _https(q.predicate), _https(q.object)) for q in quads]


class Index:
    """Triples indexed by subject then predicate; RDF lists are read as their members."""

    def __init__(self, triples: list[ox.Triple]):
        self._by: dict = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self._by[t.subject][t.predicate.value].append(t.object)

    def subjects(self, type_iri: str) -> list:
        """Subjects typed ``type_iri``, in document order."""
        wanted = ox.NamedNode(type_iri)
        return [s for s, props in self._by.items() if wanted in props.get(_RDF + "type", ())]

    def roots(self, *type_iris: str) -> list:
        """Subjects typed one of ``type_iris`` that no other node points to (top-level)."""
        pointed = {o for props in self._by.values() for objs in props.values() for o in objs}
        return [s for s in self.typed(*type_iris) if s not in pointed]

    def typed(self, *type_iris: str) -> list:
        """Subjects typed one of ``type_iris``, in document order."""
        wanted = {ox.NamedNode(t) for t in type_iris}
        return [s for s, props in self._by.items() if wanted & set(props.get(_RDF + "type", ()))]

    def types(self, node) -> set[str]:
        """The rdf:type IRIs of ``node``."""
        return {t.value for t in self._by.get(node, {}).get(_RDF + "type", [])}

    def values(self, node, prop: str) -> list:
        """The objects of ``node prop``, RDF lists flattened."""
        out = []
        for value in self._by.get(node, {}).get(prop, []):
            out.extend(self._members(value) if self._is_list(value) else [value])
        return out

    def first(self, node, prop: str):
        """The first object of ``node prop``, or None."""
        found = self.values(node, prop)
        return found[0] if found else None

    def _is_list(self, node) -> bool:
        return node == ox.NamedNode(_RDF + "nil") or _RDF + "first" in self._by.get(node, {})

    def _members(self, node) -> list:
        out, seen = [], set()
        while node != ox.NamedNode(_RDF + "nil") and node not in seen:
            seen.add(node)
            out.extend(self._by[node].get(_RDF + "first", []))
            rest = self._by[node].get(_RDF + "rest", [])
            if not rest:
                break
            node = rest[0]
        return out
