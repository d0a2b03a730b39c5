"""Converters from metadata formats to DCAT-AP 3 / GeoDCAT-AP triples: pure, no network.

Each module of this package offers::

    sniff(data: bytes) -> bool          # is this record in my format? (cheap, content only)
    convert(data: bytes, *, base_iri: str) -> list[pyoxigraph.Triple]

:data:`MAPPINGS` names them (a format name → a module path); :mod:`graph_loader.formats`
asks each in turn, so ``gaia-kg load`` accepts every format listed here. Adding a format is
one module plus one line below.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["MAPPINGS", "mapping", "sniff_mapping"]

#: format name -> module (imported lazily); tried in this order
MAPPINGS: dict[str, str] = {
    "datacite-xml": "graph_loader.mappings.datacite_xml",
    "stac": "graph_loader.mappings.stac",
    "datacite-json": "graph_loader.mappings.datacite_json",
    "pod-json": "graph_loader.mappings.pod_json",
    "oai_dc": "graph_loader.mappings.oai_dc",
    "iso19139": "graph_loader.mappings.iso19139",
    "iso19115-3": "graph_loader.mappings.iso19115_3",
    "schemaorg": "graph_loader.mappings.schemaorg",
    "codemeta": "graph_loader.mappings.codemeta",
    "ogc-capabilities": "graph_loader.mappings.ogc_capabilities",
    "cf-standard-names": "graph_loader.mappings.cf_standard_names",
    "eml": "graph_loader.mappings.eml",
    "epos-dcat": "graph_loader.mappings.epos_dcat",
    "dcat-profiles": "graph_loader.mappings.dcat_profiles",
    "thredds": "graph_loader.mappings.thredds",
    "ncml": "graph_loader.mappings.ncml",
    "cdl": "graph_loader.mappings.cdl",
}


def mapping(name: str) -> ModuleType:
    """The converter module of a format."""
    return importlib.import_module(MAPPINGS[name])


def sniff_mapping(data: bytes) -> str | None:
    """The name of the first format whose ``sniff`` accepts ``data``, or None."""
    for name in MAPPINGS:
        if mapping(name).sniff(data):
            return name
    return None
