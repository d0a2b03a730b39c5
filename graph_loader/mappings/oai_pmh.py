"""OAI-PMH answers (``GetRecord``, ``ListRecords`` pages) → their records, each through the
converter of its metadata format.

The metadata of each ``record`` is taken out of the OAI envelope and handed to the converter
that recognises it: ``oai_dc`` to :mod:`.oai_dc`, DataCite (``datacite``, and ``oai_datacite``
whose ``payload`` wraps a DataCite resource) to :mod:`.datacite_xml`, ISO 19139 / 19115-3 to
theirs. Deleted records (``header status="deleted"``) carry no metadata and are skipped. A
record in a format gaia-kg does not read (CMDI, MARC, METS…) is refused alone, with its OAI
identifier and its format named: :func:`convert_each` gives each record's triples or the
error that refused it; :func:`convert` gives the triples of the records that could be read and
refuses the page only when none could (naming why). Answers that hold no metadata
(``Identify``, ``ListSets``, ``ListIdentifiers``, ``ListMetadataFormats``, an OAI ``error``)
are refused, saying what they hold.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..errors import InputError
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "convert_each", "OAI_NS"]

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
_O = f"{{{OAI_NS}}}"
_OAI_DATACITE = "{http://schema.datacite.org/oai/oai-1.1/}"
_ROOT = re.compile(
    rb"<(?:[\w.-]+:)?OAI-PMH\b[^>]*?\bxmlns(?::[\w.-]+)?\s*=\s*[\"']"
    rb"http://www\.openarchives\.org/OAI/2\.0/?[\"']"
)
_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.DOTALL)
#: verbs whose answers hold no metadata record -> what they hold
_NO_RECORDS = {
    "Identify": "the description of the repository",
    "ListSets": "the list of its sets",
    "ListIdentifiers": "record identifiers only (ask ListRecords for the metadata)",
    "ListMetadataFormats": "the list of its metadata formats",
}
#: namespaces of metadata formats gaia-kg does not read -> their usual name
_FORMATS = {
    "http://www.clarin.eu/cmd/": "CMDI",
    "http://www.clarin.eu/cmd/1": "CMDI",
    "http://www.loc.gov/MARC21/slim": "MARC 21",
    "http://www.loc.gov/METS/": "METS",
    "http://www.loc.gov/mods/v3": "MODS",
    "http://www.openarchives.org/OAI/2.0/rdf/": "OAI RDF",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "RDF",
    "http://www.lyncode.com/xoai": "DSpace XOAI",
    "http://ddialliance.org/Specification/DDI-Codebook/2.5/XMLSchema": "DDI",
}


def sniff(data: bytes) -> bool:
    """Is ``data`` an OAI-PMH answer (root ``OAI-PMH`` in the OAI-PMH 2.0 namespace)?"""
    head = data[:8192]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", "ignore").encode()
    head = _PROLOG.sub(b"", head.lstrip(b"\xef\xbb\xbf \t\r\n")).lstrip()
    return bool(_ROOT.match(head))


def _root(data: bytes) -> Element:
    if not data.strip():
        raise InputError("empty OAI-PMH answer")
    try:
        root = parse_xml(data, name="OAI-PMH answer")
    except (LookupError, ValueError) as exc:
        raise InputError(f"OAI-PMH answer: unreadable XML: {exc}") from exc
    if root.tag != f"{_O}OAI-PMH":
        raise InputError(f"not an OAI-PMH answer: root element is {root.tag}")
    return root


def _verb(root: Element) -> str:
    for child in root:
        name = child.tag.removeprefix(_O)
        if name not in ("responseDate", "request"):
            return name
    return ""


def _metadata_document(metadata: Element) -> tuple[bytes, str]:
    """The record inside ``<metadata>`` as a document of its own, and its format's name."""
    children = list(metadata)
    if not children:
        raise InputError("its <metadata> is empty")
    record = children[0]
    if record.tag == f"{_OAI_DATACITE}oai_datacite":  # DataCite in its OAI envelope
        payload = record.find(f"{_OAI_DATACITE}payload")
        inner = list(payload) if payload is not None else []
        if not inner:
            raise InputError("its oai_datacite envelope has no payload")
        record = inner[0]
    namespace = record.tag[1:].split("}")[0] if record.tag.startswith("{") else ""
    name = _FORMATS.get(namespace) or _FORMATS.get(namespace.rstrip("/") + "/") or namespace
    return ElementTree.tostring(record, encoding="utf-8"), name or record.tag


def _convert_record(record: Element, base_iri: str) -> list[ox.Triple] | None:
    """The triples of one OAI record; None when it is deleted; InputError when refused."""
    from . import mapping, sniff_mapping  # this package imports this module: look it up late

    header = record.find(f"{_O}header")
    identifier = header.findtext(f"{_O}identifier", "").strip() if header is not None else ""
    if header is not None and header.get("status") == "deleted":
        return None
    who = f"OAI record {identifier}" if identifier else "OAI record"
    metadata = record.find(f"{_O}metadata")
    if metadata is None:
        raise InputError(f"{who}: no <metadata> (and not marked deleted)")
    try:
        document, name = _metadata_document(metadata)
    except InputError as exc:
        raise InputError(f"{who}: {exc}") from exc
    fmt = sniff_mapping(document)
    if fmt is None or fmt == "oai-pmh":
        raise InputError(f"{who}: metadata format {name} is not read by gaia-kg")
    try:
        return mapping(fmt).convert(document, base_iri=base_iri)
    except InputError as exc:
        raise InputError(f"{who}: {exc}") from exc


def convert_each(data: bytes, *, base_iri: str) -> list[list[ox.Triple] | InputError]:
    """Per record of an OAI-PMH answer (deleted ones left out): its triples, or the InputError
    that refused it. An answer that holds no records raises InputError itself."""
    root = _root(data)
    verb = _verb(root)
    if verb == "error":
        error = root.find(f"{_O}error")
        code = error.get("code", "") if error is not None else ""
        message = (error.text or "").strip() if error is not None else ""
        raise InputError(f"OAI-PMH error answer {code}: {message}".rstrip(": "))
    if verb in _NO_RECORDS:
        raise InputError(f"OAI-PMH {verb} answer: it holds {_NO_RECORDS[verb]}, no metadata record")
    container = root.find(f"{_O}{verb}") if verb else None
    records = container.findall(f"{_O}record") if container is not None else []
    results: list[list[ox.Triple] | InputError] = []
    for record in records:
        try:
            triples = _convert_record(record, base_iri)
        except InputError as exc:
            results.append(exc)
            continue
        if triples is not None:
            results.append(triples)
    if not records:
        raise InputError(f"OAI-PMH {verb or 'answer'} with no record")
    return results


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The triples of the records of an OAI-PMH answer that could be read; InputError when
    none could (each refused record named with its reason)."""
    results = convert_each(data, base_iri=base_iri)
    triples = [t for r in results if not isinstance(r, InputError) for t in r]
    refused = [str(r) for r in results if isinstance(r, InputError)]
    if not triples and refused:
        raise InputError("; ".join(refused))
    if not triples:
        raise InputError("OAI-PMH answer whose records are all deleted")
    return triples
