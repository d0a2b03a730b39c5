"""The taxa a dataset covers (``gaia:taxon``), as its page lists them: scientific name, rank
named in the page's language, vernacular names, link; from the top rank down."""

from __future__ import annotations

import pyoxigraph as ox

from graph_loader.store import Store
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import local_path
from sparql_api.portal.pages import link_target
from sparql_api.web.labels import LABELS

__all__ = ["RANKS", "dataset_taxa"]


#: taxonomic ranks from the top, each with the key in :data:`LABELS` of its name
RANKS: dict[str, str] = {
    "domain": LABELS.mark("rank.domain"),
    "kingdom": LABELS.mark("rank.kingdom"),
    "phylum": LABELS.mark("rank.phylum"),
    "division": LABELS.mark("rank.division"),
    "class": LABELS.mark("rank.class"),
    "order": LABELS.mark("rank.order"),
    "family": LABELS.mark("rank.family"),
    "subfamily": LABELS.mark("rank.subfamily"),
    "tribe": LABELS.mark("rank.tribe"),
    "genus": LABELS.mark("rank.genus"),
    "species": LABELS.mark("rank.species"),
    "subspecies": LABELS.mark("rank.subspecies"),
    "variety": LABELS.mark("rank.variety"),
}
_RANK_ORDER = {rank: i for i, rank in enumerate(RANKS)}


def _rank_name(rank: str, lang: str) -> str:
    """The name of ``rank`` in ``lang`` (a rank not in :data:`RANKS` as given)."""
    key = RANKS.get(rank.lower())
    return LABELS.text(key, lang) if key else rank


def dataset_taxa(store: Store, iri: ox.NamedNode, lang: str, base: str) -> list[dict]:
    """The taxa of the dataset (``gaia:taxon``): scientific name, rank (named in ``lang``),
    vernacular names (those in ``lang``, else all), link; from the top rank down."""
    found: dict[str, dict] = {}
    for row in store.select(load_query("dataset_taxa"), {"iri": iri}):
        entry = found.setdefault(
            row["taxon"].value, {"names": set(), "ranks": set(), "common": set()}
        )
        for key, var in (("names", "name"), ("ranks", "rank")):
            if isinstance(row.get(var), ox.Literal):
                entry[key].add(row[var].value)
        common = row.get("common")
        if isinstance(common, ox.Literal):
            entry["common"].add(((common.language or "").split("-")[0].lower(), common.value))
    taxa = []
    for taxon, e in found.items():
        rank = min(e["ranks"], default=None)
        mine = sorted(text for key, text in e["common"] if key == lang)
        taxa.append(
            {
                "iri": taxon,
                "href": local_path(taxon, base) or link_target(taxon),
                "name": min(e["names"], default=taxon),
                "rank": _rank_name(rank, lang) if rank else None,
                "vernacular": mine or sorted({text for _key, text in e["common"]}),
                "order": _RANK_ORDER.get((rank or "").lower(), len(RANKS)),
            }
        )
    taxa.sort(key=lambda t: (t.pop("order"), t["name"].casefold(), t["iri"]))
    return taxa
