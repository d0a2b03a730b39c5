"""ISO 19115-3 (``mdb:MD_Metadata``) → DCAT-AP 3 / GeoDCAT-AP triples.

The same mapping as ISO 19139 (:mod:`graph_loader.mappings.iso_record` reads elements by
local name); accepts one record or a CSW answer wrapping several.
"""

from __future__ import annotations

import pyoxigraph as ox

from ..errors import InputError
from .iso19139 import convert_document
from .iso19139 import convert_each as _convert_each
from .iso_common import ISO19115_3_NS, sniff_root

__all__ = ["sniff", "convert", "convert_each"]


def sniff(data: bytes) -> bool:
    """Whether ``data`` is an ISO 19115-3 record or a CSW answer holding some."""
    return sniff_root(data, ISO19115_3_NS)


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The triples of every ISO 19115-3 record in ``data``."""
    return convert_document(data, base_iri=base_iri, namespaces=ISO19115_3_NS, label="ISO 19115-3")


def convert_each(data: bytes, *, base_iri: str) -> list[list[ox.Triple] | InputError]:
    """Per ISO 19115-3 record of ``data``: its triples or the InputError that refused it."""
    return _convert_each(data, base_iri=base_iri, namespaces=ISO19115_3_NS)
