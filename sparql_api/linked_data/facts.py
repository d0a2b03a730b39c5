"""A resource's description read as subject → predicate → objects (:class:`Facts`), the form
the schema.org JSON-LD, the dataset page, Signposting, the OAI-PMH records and the exports of
collections read it in; and :data:`DOI`, the pattern of a DOI however it is written.

Predicates are given as typed terms (``DCT.title``, ``SDO["name"]``) or plain IRI strings:
:meth:`Facts.values` compares their string form with the IRIs of the data.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pyoxigraph as ox

from graph_loader.namespaces import DCT, FOAF, SDO, SKOS

__all__ = ["Facts", "DOI", "is_iri"]

#: a DOI, bare, as ``doi:…`` or as a doi.org URL (group 1: the ``10.…`` name)
DOI = re.compile(r"(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)

#: where a resource's DOI is looked for
_IDENTIFIERS = (str(DCT.identifier), str(SDO.identifier))
#: what names a resource, in order of preference
_LABELS = (str(SKOS.prefLabel), str(DCT.title), str(FOAF.name), str(SDO["name"]))


class Facts:
    """The description as subject -> predicate -> objects, with label helpers."""

    def __init__(self, triples: list[ox.Triple]):
        self.by: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for t in triples:
            self.by[t.subject.value][t.predicate.value].append(t.object)

    def values(self, subject: str, *predicates: str) -> list:
        """The objects of ``subject`` for each of ``predicates`` (in that order)."""
        out = []
        for predicate in predicates:
            out.extend(self.by.get(subject, {}).get(str(predicate), []))
        return out

    def iris(self, subject: str, *predicates: str) -> list[str]:
        """The IRIs among those objects, sorted, once each."""
        return sorted({v.value for v in self.values(subject, *predicates) if is_iri(v)})

    def text(self, subject: str, *predicates: str, lang: str = "en") -> str | None:
        """A literal in ``lang``, else untagged, else in any language (smallest first)."""
        literals = [v for v in self.values(subject, *predicates) if isinstance(v, ox.Literal)]
        for wanted in (lang, ""):
            found = sorted(v.value for v in literals if (v.language or "")[:2] == wanted)
            if found:
                return found[0]
        return min((v.value for v in literals), default=None)

    def label(self, subject: str, lang: str = "en") -> str | None:
        """The name of ``subject`` (``skos:prefLabel``, ``dct:title``, ``foaf:name``,
        ``schema:name``) in ``lang`` if it has one."""
        return self.text(subject, *_LABELS, lang=lang)

    def doi(self, subject: str) -> str | None:
        """The DOI name (``10.…``) of ``subject``: its first ``dct:identifier`` or
        ``schema:identifier`` written as a DOI."""
        for value in self.values(subject, *_IDENTIFIERS):
            match = DOI.fullmatch(value.value.strip())
            if match:
                return match.group(1)
        return None


def is_iri(term: object) -> bool:
    """Whether an object of the description is an IRI (not a literal nor a blank node)."""
    return isinstance(term, ox.NamedNode)
