"""Recognising schema.org Dataset records (JSON-LD, Turtle, RDF/XML, N-Triples) and reading
their statements.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...errors import InputError
from ...namespaces import DCAT, SDO
from ..jsonld import https, load_json, parse_jsonld

__all__ = [
    "TYPES",
    "is_schemaorg",
    "types_of",
    "names_sdo_dataset",
    "sniff_rdf",
    "read_triples",
]

TYPES = {"Dataset", "DataCatalog", "DataDownload"}


def is_schemaorg(name: str) -> bool:
    return name.rstrip("/").split("://")[-1] in ("schema.org", "www.schema.org")


def types_of(node: object) -> set[str]:
    if not isinstance(node, dict):
        return set()
    found = node.get("@type", node.get("type", []))
    values = found if isinstance(found, list) else [found]
    return {str(v).rsplit("/", 1)[-1].removeprefix("schema:") for v in values}


def names_sdo_dataset(document) -> bool:
    try:
        triples = parse_jsonld(document)
    except InputError:
        return False
    types = {t.object.value for t in triples if t.predicate.value == _RDF_TYPE}
    return str(SDO.Dataset) in types and str(DCAT.Dataset) not in types  # DCAT is read as it is


_SDO_PREFIX = re.compile(
    rb"(?:@prefix|PREFIX)\s+([\w-]*):\s*<https?://(?:www\.)?schema\.org/?>"
    rb"|xmlns:([\w-]+)=[\"']https?://(?:www\.)?schema\.org/?[\"']",
    re.IGNORECASE,
)


def _mentions_dataset(data: bytes) -> bool:
    """Whether an RDF document names schema.org's Dataset class (full IRI or prefixed name)."""
    head = data[:1_000_000]
    if re.search(rb"https?://(www\.)?schema\.org/Dataset\b", head):
        return True
    prefixes = {m.group(1) or m.group(2) for m in _SDO_PREFIX.finditer(head[:65536])}
    return any(re.search(rb"(?<![\w-])" + re.escape(p) + rb":Dataset\b", head) for p in prefixes)


def _syntax(data: bytes) -> ox.RdfFormat | None:
    """The RDF syntax of a document that is not JSON: RDF/XML, N-Triples or Turtle."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF") or b"<rdf:RDF" in head:
        return ox.RdfFormat.RDF_XML
    if head.startswith(b"<") and not re.match(rb"<[a-z]+:", head):
        return ox.RdfFormat.N_TRIPLES if b"@prefix" not in head else ox.RdfFormat.TURTLE
    if re.search(rb"(?im)^\s*(@prefix|prefix|@base|base)\b", head) or head.startswith(b"#"):
        return ox.RdfFormat.TURTLE
    return None


def sniff_rdf(data: bytes) -> bool:
    if b"schema.org" not in data[:65536] or not _mentions_dataset(data):
        return False
    fmt = _syntax(data)
    if fmt is None or (fmt == ox.RdfFormat.RDF_XML and b"<!DOCTYPE" in data[:65536]):
        return False
    try:
        triples = _rdf_triples(data, fmt)
    except InputError:
        return False
    types = {t.object.value for t in triples if t.predicate.value == _RDF_TYPE}
    return str(SDO.Dataset) in types and str(DCAT.Dataset) not in types  # DCAT is read as it is


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _rdf_triples(data: bytes, fmt: ox.RdfFormat) -> list[ox.Triple]:
    """The triples of an RDF document, schema.org terms in https."""
    try:
        quads = list(ox.parse(data, fmt))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"invalid {fmt.name}: {exc}") from exc
    return [ox.Triple(https(q.subject), https(q.predicate), https(q.object)) for q in quads]


def read_triples(data: bytes) -> list[ox.Triple]:
    """The triples of a schema.org record: JSON-LD, or another RDF syntax."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"[") or not head:
        return parse_jsonld(load_json(data))
    fmt = _syntax(data)
    if fmt is None:
        raise InputError("neither JSON-LD nor Turtle, RDF/XML or N-Triples")
    return _rdf_triples(data, fmt)
