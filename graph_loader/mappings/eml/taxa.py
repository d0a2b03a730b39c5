"""Taxonomic coverage: every ``taxonomicClassification`` as a ``gaia:Taxon`` (IRIs of GBIF or
ITIS pages when the record names one).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import pyoxigraph as ox

from ...iri import resource_iri
from ...namespaces import DWC, SKOS
from ...terms import TAXON, TAXON_CLASS
from ..iso_common import local
from .reading import (
    _BELOW_GENUS,
    _first,
    _kids,
    _str,
)

__all__ = ["taxon_iri", "Taxa"]

_DIGITS = re.compile(r"(\d+)$")
#: taxon identifier providers, recognised in the provider attribute or the identifier itself
_PROVIDERS = {
    "gbif": re.compile(r"\bgbif\b"),
    "itis": re.compile(r"\bitis\b|itis\.gov"),
    "worms": re.compile(r"\bworms\b|marinespecies\.org|aphia"),
    "ncbi": re.compile(r"\bncbi\b"),
}


def _provider(provider: str, value: str) -> str:
    text = f"{provider} {value}".lower()
    return next((key for key, pattern in _PROVIDERS.items() if pattern.search(text)), "")


def _taxon_id_iri(provider: str, value: str) -> str | None:
    """The IRI of a taxon identifier of a known provider (GBIF, ITIS, WoRMS, NCBI), or None."""
    digits = _DIGITS.search(value.strip().rstrip("/"))
    if not digits:
        return None
    number = str(int(digits.group(1)))
    if provider == "gbif":
        return f"https://www.gbif.org/species/{number}"
    if provider == "itis":
        return (
            "https://www.itis.gov/servlet/SingleRpt/SingleRpt?search_topic=TSN&search_value="
            + number
        )
    if provider == "worms":
        return f"https://www.marinespecies.org/aphia.php?p=taxdetails&id={number}"
    if provider == "ncbi":
        return f"https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id={number}"
    return None


def taxon_iri(rank: str, name: str, ids: list[tuple[str, str]], base_iri: str) -> str:
    """A taxon's IRI: its GBIF species page, else its ITIS report, when the record gives the
    identifier; else minted under ``base_iri`` from its rank and scientific name (the same
    taxon named by two records gets the same IRI).

    >>> taxon_iri("species", "Rosa canina", [("GBIF", "https://www.gbif.org/species/3002469")],
    ...           "https://data.gaia-data.fr/")
    'https://www.gbif.org/species/3002469'
    >>> taxon_iri("species", "Macrocystis pyrifera", [("ITIS", "11274")], "https://x.org/")
    'https://www.itis.gov/servlet/SingleRpt/SingleRpt?search_topic=TSN&search_value=11274'
    >>> taxon_iri("genus", "Oncorhynchus", [], "https://x.org/")
    'https://x.org/id/taxon/genus-oncorhynchus'
    """
    for wanted in ("gbif", "itis"):
        for provider, value in ids:
            if _provider(provider, value) == wanted and _taxon_id_iri(wanted, value):
                return _taxon_id_iri(wanted, value)
    key = "-".join(f"{rank} {name}".lower().split())
    return resource_iri("taxon", key, base_iri)


class Taxa:
    """The taxonomic part of :class:`.mapper.Mapper`."""

    def taxa(self, res) -> None:
        """Every taxonomicClassification, nested ones included, as a ``gaia:Taxon``:
        ``dwc:scientificName`` (a bare epithet completed by its genus), ``dwc:taxonRank``
        (lower case), ``dwc:vernacularName`` (tagged), ``dwc:taxonID`` (each identifier as
        given), ``skos:exactMatch`` (the other providers' IRIs), ``skos:broader`` its parent;
        the dataset links each by ``gaia:taxon``. A value listing several names ("Poaceae,
        Asteraceae") gives one taxon per name, without the common names and identifiers
        (which would be ambiguous)."""
        covers = [c for c in self.res_el.iter() if local(c.tag) == "taxonomicCoverage"]
        for cover in covers:
            for top in _kids(cover, "taxonomicClassification"):
                self.classification(res, top, None, "")

    def classification(self, res, el: Element, parent, parent_name: str) -> None:
        rank = " ".join(_first(el, "taxonRankName").lower().split())
        value = _first(el, "taxonRankValue")
        names = [n.strip() for n in value.split(",")] if "," in value else [value]
        names = list(dict.fromkeys(n for n in names if n))
        single = len(names) == 1
        taxa = []
        for name in names:
            if rank in _BELOW_GENUS and parent_name and re.fullmatch(r"[a-z][a-z-]+", name):
                name = f"{parent_name} {name}"
            ids = (
                [
                    ((i.get("provider") or "").strip(), _str(i))
                    for i in _kids(el, "taxonId")
                    if _str(i)
                ]
                if single
                else []
            )
            taxon = self.node(
                TAXON_CLASS.value, ox.NamedNode(taxon_iri(rank, name, ids, self.base))
            )
            self.add(taxon, DWC.scientificName, ox.Literal(name))
            self.add(taxon, DWC.taxonRank, ox.Literal(rank) if rank else None)
            if single:
                for common in _kids(el, "commonName", "commonNames"):
                    self.add(taxon, DWC.vernacularName, self.el_literal(common))
            for provider, ident in ids:
                self.add(taxon, DWC.taxonID, ox.Literal(ident))
                other = _taxon_id_iri(_provider(provider, ident), ident)
                if other and other != taxon.value:
                    self.add(taxon, SKOS.exactMatch, ox.NamedNode(other))
            self.add(taxon, SKOS.broader, parent)
            self.add(res, TAXON.value, taxon)
            taxa.append((taxon, name))
        for child in _kids(el, "taxonomicClassification"):
            if single and taxa:
                self.classification(res, child, taxa[0][0], taxa[0][1])
            else:
                self.classification(res, child, None, "")

    # -- methods, project, maintenance
