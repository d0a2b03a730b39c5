"""The element tree of a THREDDS catalogue: its namespaces, children and texts, the nodes of
the dataset hierarchy with their inherited metadata, references to other catalogues and the
services through which each dataset is reached."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import pyoxigraph as ox

__all__ = [
    "CATALOG_NAMESPACES",
    "XLINK",
    "XML_BASE",
    "SIZES",
    "INHERITED_ATTRIBUTES",
    "COLLECTIONS",
    "DATASETS",
    "DISCOVERY",
    "local_name",
    "child_elements",
    "element_text",
    "child_text",
    "catalog_refs",
    "CatalogNode",
    "own_metadata",
    "is_bare",
    "has_access",
    "expand_service",
    "data_size",
]

CATALOG_NAMESPACES = (
    "http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0",
    "http://www.unidata.ucar.edu/thredds",
)
XLINK = "{http://www.w3.org/1999/xlink}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

SIZES = {"bytes": 1, "kbytes": 10**3, "mbytes": 10**6, "gbytes": 10**9, "tbytes": 10**12}
INHERITED_ATTRIBUTES = ("serviceName", "authority", "dataType")

COLLECTIONS = {"datasetScan", "featureCollection"}
DATASETS = {"dataset"} | COLLECTIONS
#: elements that are discovery metadata (name, urlPath, dataSize, date are not)
DISCOVERY = {
    "documentation",
    "keyword",
    "creator",
    "publisher",
    "contributor",
    "geospatialCoverage",
    "timeCoverage",
    "variables",
    "project",
}


def local_name(el: Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def child_elements(el: Element, *names: str) -> list[Element]:
    return [c for c in el if local_name(c) in names]


def element_text(el: Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def child_text(el: Element | None, name: str) -> str:
    if el is None:
        return ""
    found = child_elements(el, name)
    return element_text(found[0]) if found else ""


def catalog_refs(root: Element, url: str) -> list[tuple[str, str]]:
    """(absolute URL, title) of each ``catalogRef`` of a catalogue fetched from ``url``."""
    base = root.get(XML_BASE) or url
    refs = []
    for ref in root.iter():
        if local_name(ref) == "catalogRef" and ref.get(f"{XLINK}href", "").strip():
            href = ref.get(f"{XLINK}href", "").strip()
            refs.append((urljoin(base, href), ref.get(f"{XLINK}title") or ref.get("name", "")))
    return refs


# ---------------------------------------------------------------- the tree


@dataclass
class CatalogNode:
    """A dataset element with what it inherits."""

    el: Element
    inherited: list[Element]  # inherited metadata blocks of the ancestors, nearest first
    attributes: dict[str, str]
    parent_record: ox.NamedNode | None
    path: list[str] = field(default_factory=list)

    def containers(self) -> list[Element]:
        """Where the dataset's metadata live: itself, its metadata blocks, then inherited."""
        own = [m for m in child_elements(self.el, "metadata") if not m.get(f"{XLINK}href")]
        return [self.el, *own, *self.inherited]

    def all(self, name: str) -> list[Element]:
        return [e for c in self.containers() for e in child_elements(c, name)]

    def first(self, name: str) -> Element | None:
        found = self.all(name)
        return found[0] if found else None

    def attribute(self, name: str) -> str:
        return self.el.get(name) or element_text(self.first(name)) or self.attributes.get(name, "")


def own_metadata(el: Element) -> bool:
    blocks = [el, *(m for m in child_elements(el, "metadata") if not m.get(f"{XLINK}href"))]
    if any(child_elements(b, *DISCOVERY) for b in blocks):
        return True
    return any(child_elements(n, "attribute") for n in child_elements(el, "netcdf"))


def is_bare(el: Element) -> bool:
    """A file: a leaf with access and nothing of its own but name, urlPath, size and date."""
    if child_elements(el, *DATASETS) or own_metadata(el) or child_elements(el, "netcdf"):
        return False
    return has_access(el)


def has_access(el: Element) -> bool:
    return local_name(el) == "dataset" and (
        bool(el.get("urlPath")) or bool(child_elements(el, "access"))
    )


def expand_service(service: Element, depth: int = 0) -> list[Element]:
    if service.get("serviceType", "").lower() != "compound":
        return [service]
    if depth > 5:
        return []
    return [m for s in child_elements(service, "service") for m in expand_service(s, depth + 1)]


def data_size(el: Element | None) -> int | None:
    if el is None:
        return None
    factor = SIZES.get(el.get("units", "bytes").strip().lower())
    try:
        value = float(element_text(el))
    except ValueError:
        return None
    return int(value * factor) if factor and value >= 0 else None
