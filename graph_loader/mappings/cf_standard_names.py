"""The CF standard-name table (XML, ``<standard_name_table>``) as a SKOS vocabulary.

The table is how atmosphere and ocean data name their variables (the ``standard_name``
attribute of netCDF variables, ACDD keywords); as SKOS it loads with ``gaia-kg vocab load``
like any thesaurus, so that variables can be linked to it. Each ``entry`` becomes a concept
``http://vocab.nerc.ac.uk/standard_name/<name>/`` (the NERC Vocabulary Server's resolvable
form): the name as ``skos:notation``, the name in words as the English preferred label, the
description as the definition, the canonical units as a scope note; each ``alias`` becomes a
hidden label of the entry it points to, so that older names still find it.

>>> concept_label("sea_water_potential_temperature")
'sea water potential temperature'
"""

from __future__ import annotations

import pyoxigraph as ox

from ..errors import InputError
from ..namespaces import SKOS
from .build import A
from .xmlsafe import parse_xml

__all__ = ["sniff", "convert", "SCHEME", "concept_iri", "concept_label"]

SCHEME = ox.NamedNode("http://vocab.nerc.ac.uk/standard_name/")
_EN = "en"


def sniff(data: bytes) -> bool:
    """A CF standard-name table: its root element, in the first kilobytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and b"<standard_name_table" in head


def concept_iri(name: str) -> ox.NamedNode:
    """The concept of a standard name."""
    return ox.NamedNode(f"{SCHEME.value}{name}/")


def concept_label(name: str) -> str:
    """A standard name in words (underscores are the only separator CF uses)."""
    return name.replace("_", " ")


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The table as a SKOS concept scheme (``base_iri`` is unused: the IRIs are CF's own)."""
    root = parse_xml(data, name="CF standard-name table")
    if root.tag != "standard_name_table":
        raise InputError(f"root element <{root.tag}> is not <standard_name_table>")
    out = [
        ox.Triple(SCHEME, A, ox.NamedNode(SKOS.ConceptScheme)),
        ox.Triple(SCHEME, ox.NamedNode(SKOS.prefLabel), _text("CF standard names")),
    ]
    version = (root.findtext("version_number") or "").strip()
    if version:
        owl_version = ox.NamedNode("http://www.w3.org/2002/07/owl#versionInfo")
        out.append(ox.Triple(SCHEME, owl_version, ox.Literal(version)))
    names = set()
    for entry in root.iter("entry"):
        name = (entry.get("id") or "").strip()
        if not name:
            continue
        names.add(name)
        out += _entry(name, entry)
    for alias in root.iter("alias"):
        old, new = (alias.get("id") or "").strip(), (alias.findtext("entry_id") or "").strip()
        if old and new in names:
            out.append(ox.Triple(concept_iri(new), ox.NamedNode(SKOS.hiddenLabel), _text(old)))
    if not names:
        raise InputError("the CF standard-name table has no <entry>")
    return out


def _entry(name: str, entry) -> list[ox.Triple]:
    concept = concept_iri(name)
    out = [
        ox.Triple(concept, A, ox.NamedNode(SKOS.Concept)),
        ox.Triple(concept, ox.NamedNode(SKOS.inScheme), SCHEME),
        ox.Triple(concept, ox.NamedNode(SKOS.topConceptOf), SCHEME),
        ox.Triple(concept, ox.NamedNode(SKOS.notation), ox.Literal(name)),
        ox.Triple(concept, ox.NamedNode(SKOS.prefLabel), _text(concept_label(name))),
    ]
    description = " ".join((entry.findtext("description") or "").split())
    if description:
        out.append(ox.Triple(concept, ox.NamedNode(SKOS.definition), _text(description)))
    units = (entry.findtext("canonical_units") or "").strip()
    if units:
        note = _text(f"canonical units: {units}")
        out.append(ox.Triple(concept, ox.NamedNode(SKOS.scopeNote), note))
    return out


def _text(value: str) -> ox.Literal:
    return ox.Literal(value, language=_EN)
