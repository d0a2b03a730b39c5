"""ISO 19139 (``gmd:MD_Metadata``, ``gmi:MI_Metadata``) → DCAT-AP 3 / GeoDCAT-AP triples.

Accepts one record, or a CSW ``GetRecords`` / ``GetRecordById`` answer wrapping several; see
:mod:`graph_loader.mappings.iso_record` for the mapping and the IRI conventions.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..errors import InputError
from .iso_common import ISO19139_NS, metadata_records, read_document, sniff_root
from .iso_record import convert_record

__all__ = ["sniff", "convert", "convert_each", "convert_document"]


def sniff(data: bytes) -> bool:
    """Whether ``data`` is an ISO 19139 record or a CSW answer holding some."""
    return sniff_root(data, ISO19139_NS)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The triples of every ISO 19139 record in ``data``."""
    return convert_document(data, base_iri=base_iri, namespaces=ISO19139_NS, label="ISO 19139")


def convert_each(
    data: bytes, *, base_iri: str, namespaces: tuple[str, ...] = ISO19139_NS
) -> list[list[ox.Triple] | InputError]:
    """Per record of a document (e.g. a CSW answer): its triples, or the InputError that
    refused it, so that a harvester can keep the good records and report the bad ones.
    An unreadable document raises InputError itself."""
    label = "ISO 19139" if namespaces == ISO19139_NS else "ISO 19115-3"
    root = read_document(data, name=f"{label} record")
    results: list[list[ox.Triple] | InputError] = []
    for number, md in enumerate(metadata_records(root, namespaces), 1):
        try:
            results.append(convert_record(md, base_iri=base_iri, name=f"{label} record {number}"))
        except InputError as exc:
            results.append(exc)
    return results


def convert_document(
    data: bytes, *, base_iri: str, namespaces: tuple[str, ...], label: str
) -> list[ox.Triple]:
    """The triples of every record of ``namespaces`` in ``data`` (shared with ISO 19115-3)."""
    root = read_document(data, name=f"{label} record")
    records = metadata_records(root, namespaces)
    if not records:
        raise InputError(f"{label}: no metadata record found (root element {root.tag})")
    triples: list[ox.Triple] = []
    for number, md in enumerate(records, 1):
        triples += convert_record(md, base_iri=base_iri, name=f"{label} record {number}")
    return triples
