"""NcML (netCDF Markup Language 2.2) → one ``dcat:Dataset`` from its ACDD global attributes.

The global ``attribute`` elements of the root ``netcdf`` element and the ``standard_name`` of
its ``variable`` elements are read (an ``aggregation``'s nested datasets are not: they are the
files aggregated); :mod:`.acdd` maps them. The dataset IRI is minted from
``naming_authority:id`` (a DOI when ``id`` is one), else from the ``location`` attribute, else
from the title. An NcML without a ``title`` attribute (one that only renames or adds variables
of another dataset) is not a record and is refused with that reason. As in NcML processing,
an attribute given twice keeps its last value.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ..errors import InputError
from .acdd import add_discovery, dataset_iri, from_attributes
from .build import Triples
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "NCML_NS", "read_attributes"]

NCML_NS = "http://www.unidata.ucar.edu/namespaces/netcdf/ncml-2.2"
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?netcdf[\s>/]")


def sniff(data: bytes) -> bool:
    """The first element is ``netcdf`` in the NcML 2.2 namespace."""
    head = re.sub(rb"<[?!][^>]*>", b"", data[:4096]).lstrip()
    return bool(_ROOT.match(head)) and NCML_NS.encode() in data[:4096]


def _local(el: Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _attributes(el: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for attr in el:
        if _local(attr) != "attribute" or not attr.get("name"):
            continue
        value = attr.get("value")
        if value is None:
            value = attr.text or ""
        found[attr.get("name", "")] = value.strip()  # a later attribute replaces an earlier
    return found


def read_attributes(root: Element) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The global attributes of an NcML ``netcdf`` element and the attributes of each of its
    variables (groups are read too, their attributes after the root's)."""
    globals_ = _attributes(root)
    variables = [_attributes(v) for v in root if _local(v) == "variable"]
    for group in (g for g in root.iter() if _local(g) == "group"):
        for name, value in _attributes(group).items():
            globals_.setdefault(name, value)
        variables += [_attributes(v) for v in group if _local(v) == "variable"]
    return globals_, variables


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The dataset described by the global attributes of an NcML document."""
    if not data.strip():
        raise InputError("empty record")
    try:
        root = parse_xml(data, name="NcML")
    except (LookupError, ValueError) as exc:
        raise InputError(f"NcML: unreadable XML: {exc}") from exc
    if _local(root) != "netcdf":
        raise InputError(f"<{_local(root)}> is not an NcML netcdf element")
    attrs, variables = read_attributes(root)
    found = from_attributes(attrs, variables)
    if not found.title:
        raise InputError(
            "NcML without a title attribute: it only adds to another dataset, not a record "
            "(NcML sans attribut title : complément d'un autre jeu de données, pas une notice)"
        )
    fallback = root.get("location") or found.title
    subject, key = dataset_iri(found, base_iri, fallback)
    out = Triples()
    add_discovery(out, subject, found, key)
    return list(dict.fromkeys(out))
