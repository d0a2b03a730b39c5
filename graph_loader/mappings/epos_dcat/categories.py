"""EPOS categories → the concepts of the GAIA thesaurus, through the alignment table."""

from __future__ import annotations

from functools import cache

import pyoxigraph as ox

from ...alignment import MATCH_RANK, fold_category
from ...paths import vocabularies_dir
from ...terms import THESAURUS_NS

#: DCAT 3 read openly: rdflib's ``DCAT`` knows DCAT 2 terms only (no ``dcat:version``)

__all__ = ["category_concepts"]


# ------------------------------------------------------------------------------ categories
@cache
def _alignment() -> dict[str, tuple[str, list[tuple[int, str]]]]:
    """Folded EPOS category name -> (its ``epos:NAME`` IRI, [(rank, GAIA concept)])."""
    path = vocabularies_dir() / "alignments" / "epos-categories.ttl"
    found: dict[str, tuple[str, list[tuple[int, str]]]] = {}
    ranks = {str(p): r for p, r in MATCH_RANK.items()}
    for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if t.predicate.value not in ranks or not t.subject.value.startswith(THESAURUS_NS):
            continue
        key = fold_category(_local_name(t.object.value))
        found.setdefault(key, (t.object.value, []))[1].append(
            (ranks[t.predicate.value], t.subject.value)
        )
    return found


def _local_name(iri: str) -> str:
    """What names a category in an IRI: after ``#``, else after the scheme or last ``/``."""
    if "#" in iri:
        return iri.rsplit("#", 1)[1]
    if iri.startswith(("epos:", "category:")):
        return iri.split(":", 1)[1]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def category_concepts(name: str) -> tuple[str | None, list[str]]:
    """The ``epos:NAME`` IRI of an EPOS category (by IRI or name) and the GAIA concepts it
    lands on (the strongest mappings), or (None, []) when the alignment does not know it.

    >>> category_concepts("MAGNETIC ACTIVITY")
    ('epos:Magneticactivity', ['https://w3id.org/gaia-kg/thesaurus/magnetic-indices'])
    """
    entry = _alignment().get(fold_category(_local_name(name) if ":" in name else name))
    if entry is None:
        return None, []
    iri, targets = entry
    best = min(rank for rank, _ in targets)
    return iri, sorted(c for rank, c in targets if rank == best)


# ------------------------------------------------------------------------------ reading
