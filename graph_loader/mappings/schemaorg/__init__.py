"""schema.org Dataset JSON-LD (science-on-schema.org) → DCAT-AP 3 / GeoDCAT-AP.

The record is read as JSON-LD with a shipped schema.org context (no network), then every
``schema:Dataset`` in it becomes a ``dcat:Dataset``. Decisions:

- the dataset keeps its ``@id`` when it is an http(s) IRI (GeoDCAT-AP keeps publisher IRIs);
  otherwise its IRI is minted from its first identifier, url or name;
- agents keep their ``@id`` when it is an http(s) IRI (ORCID, ROR), else are blank nodes;
- the original schema.org triples are not kept: the graph holds one vocabulary (DCAT-AP), and
  the schema.org view of issue 8 is generated from it. Text citations, the data catalogue and
  measured variables with a property IRI stay in schema.org terms (``schema:citation``,
  ``schema:includedInDataCatalog``, ``schema:variableMeasured``) since DCAT has no place for them;
- titles and descriptions are language-tagged with the record's language (``inLanguage`` or a
  tagged value); when it states none, with :func:`~.build.guess_language` of the title and
  description (fr or en, only when clear; else untagged, which the shapes reject);
- names of DefinedTerms (controlled vocabularies) keep only their own language tag;
- a distribution without any URL is left out;
- pictures (``thumbnailUrl``, ``thumbnail``, ``image``: a URL, or an ImageObject's
  ``contentUrl``, else its ``url``) are ``foaf:depiction``, as the other formats' pictures;
- a DataCatalog listing datasets of the document (``dataset``) is a ``dcat:Catalog`` record
  linking them with ``dcat:dataset``.
"""

from __future__ import annotations

import pyoxigraph as ox

from ...errors import InputError
from ...namespaces import SDO
from ..build import Triples
from ..jsonld import Index, context_names, load_json
from .dataset import add_catalog, add_dataset, has_key
from .detection import TYPES, is_schemaorg, names_sdo_dataset, read_triples, sniff_rdf, types_of
from .values import strings

__all__ = ["sniff", "convert"]


def sniff(data: bytes) -> bool:
    """A JSON-LD object (or @graph, or list) in the schema.org context typed Dataset, or a
    Turtle / RDF/XML / N-Triples document with a schema.org Dataset."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] not in (b"{", b"["):
        return sniff_rdf(data)
    if b"schema.org" not in data[:4096]:
        return False
    try:
        document = load_json(data)
    except InputError:
        return False
    if any(is_schemaorg(n) for n in context_names(document)):
        tops = document if isinstance(document, list) else [document]
        nodes = [n for top in tops if isinstance(top, dict) for n in [top, *top.get("@graph", [])]]
        if any(types_of(n) & TYPES for n in nodes):
            return True
    # schema.org reached another way (a prefix of the context, "schema:Dataset", full IRIs):
    # what the JSON-LD says once expanded decides
    return b"Dataset" in data and names_sdo_dataset(document)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The DCAT-AP triples of the schema.org Datasets of a JSON-LD record (or of a Turtle,
    RDF/XML or N-Triples document in schema.org terms)."""
    json_ld = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
    idx = Index(read_triples(data))
    datasets = idx.subjects(SDO.Dataset)
    if not datasets:
        raise InputError(f"no schema.org Dataset in this {'JSON-LD ' if json_ld else ''}record")
    named = [node for node in datasets if strings(idx, node, SDO.name)]
    if not named:
        raise InputError("schema.org Dataset with no name (schema:name): not a record")
    roots = set(idx.roots(SDO.Dataset))
    out = Triples()
    for node in datasets:
        # a nameless Dataset inside another node (the result of an action, a part) is a value,
        # not a record; a nameless one at the top with an identifier is kept (its record is
        # refused for its missing title, by name)
        if node in named or (node in roots and has_key(idx, node)):
            add_dataset(out, idx, node, base_iri)
    kept = {node for node in datasets if node in named or (node in roots and has_key(idx, node))}
    for catalog in idx.subjects(SDO.DataCatalog):
        add_catalog(out, idx, catalog, kept, base_iri)
    return list(dict.fromkeys(out))
