"""What the HTML pages show: the home, a compartment, a concept of the GAIA thesaurus.

Plain functions (no Flask) over the :class:`~sparql_api.core.concept_index.ConceptIndex` and the
store. Hierarchy, labels, texts, mappings and resource counts come from
:mod:`sparql_api.search.concepts` (the JSON API's functions); the pages add what the API does not
say: datasets per compartment and per data centre, and the first datasets of a concept,
read through what the inference graph materialises (``gaia:compartment`` of resources,
``skos:broaderTransitive``), so a store loaded with ``--no-infer`` shows them after
``gaia-kg infer``.
A shown label is ``{"text", "fallback"}``: ``fallback`` names the language of the text when
it is not the language asked for (the page marks it), else None.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

import pyoxigraph as ox

from graph_loader.bootstrap import ORGANISATIONS_GRAPH
from graph_loader.parsing import fold
from graph_loader.store import Store
from sparql_api.core.concept_index import ConceptIndex
from sparql_api.core.rq import load_query
from sparql_api.search.concepts import concept_iri, concept_tree, describe_concept, top_concepts
from sparql_api.web.i18n import LANGUAGES

__all__ = [
    "DATASETS_SHOWN",
    "shown",
    "link_target",
    "compartment_datasets",
    "compartment_centres",
    "home_page",
    "compartment_page",
    "concept_page",
]

#: how many datasets a concept page lists (the query's LIMIT)
DATASETS_SHOWN = 20


def shown(texts: Mapping[str, str | None] | None, lang: str) -> dict | None:
    """The text in ``lang``, else in the other language (marked), else untagged.

    >>> shown({"fr": None, "en": "Oceans"}, "fr")
    {'text': 'Oceans', 'fallback': 'en'}
    """
    if not texts:
        return None
    for key in (lang, *LANGUAGES, ""):
        if texts.get(key):
            return {"text": texts[key], "fallback": key if key not in (lang, "") else None}
    return None


def link_target(iri: str) -> str | None:
    """``iri`` when a browser may follow it (http or https), else None.

    >>> link_target("javascript:alert(1)") is None
    True
    """
    return iri if urlsplit(iri).scheme in ("http", "https") else None


def _is_compartment(index: ConceptIndex, iri: str) -> bool:
    concept = index.concepts.get(iri)
    return concept is not None and concept.in_thesaurus and not concept.broader


def compartment_datasets(store: Store) -> dict[str, int]:
    """Distinct datasets per compartment IRI (by their inferred ``gaia:compartment``)."""
    return {
        row["compartment"].value: int(row["n"].value)
        for row in store.select(load_query("compartment_datasets"))
    }


def _organisation_labels(store: Store) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    rows = store.select(load_query("organisation_labels"), {"organisations": ORGANISATIONS_GRAPH})
    for row in rows:
        literal = row["label"]
        lang = (literal.language or "").split("-")[0].lower()
        by_lang = labels.setdefault(row["o"].value, {})
        if lang not in by_lang or literal.value < by_lang[lang]:
            by_lang[lang] = literal.value
    return labels


def compartment_centres(store: Store, compartment: str, lang: str) -> list[dict]:
    """The data centres of the compartment's datasets: iri, label, count; most datasets first."""
    rows = store.select(
        load_query("compartment_centres"), {"compartment": ox.NamedNode(compartment)}
    )
    labels = _organisation_labels(store) if rows else {}
    centres = []
    for row in rows:
        iri = row["centre"].value
        label = shown(labels.get(iri), lang) or {"text": iri, "fallback": None}
        centres.append({"iri": iri, "label": label, "count": int(row["n"].value)})
    return sorted(centres, key=lambda c: (-c["count"], fold(c["label"]["text"]), c["iri"]))


def _node(summary: dict, lang: str) -> dict:
    """A concept as a page links it: id, iri, shown label, resource count."""
    label = shown(summary["labels"], lang) or {"text": summary["iri"], "fallback": None}
    return {"id": summary["id"], "iri": summary["iri"], "label": label, "count": summary["count"]}


def home_page(
    store: Store, index: ConceptIndex, lang: str, counts: Mapping[str, int] | None = None
) -> dict:
    """The compartments (label, datasets, resources), in label order; ``counts`` (datasets
    per compartment IRI, e.g. from the search index's facet) spares the store query."""
    tops = top_concepts(index, lang, "gaia")
    counts = compartment_datasets(store) if counts is None else counts
    compartments = []
    for summary in tops["concepts"] if tops else []:
        node = _node(summary, lang)
        compartments.append({**node, "datasets": counts.get(summary["iri"], 0)})
    return {"lang": lang, "compartments": compartments}


def compartment_page(store: Store, index: ConceptIndex, slug: str, lang: str) -> dict | None:
    """A compartment: labels, introduction, sub-domains with their variables, data centres
    (None when ``slug`` is not a compartment of the GAIA thesaurus)."""
    iri = concept_iri(slug)
    if not _is_compartment(index, iri):
        return None
    described = describe_concept(store, index, iri, lang)
    tree = concept_tree(index, iri, lang)
    subdomains = [
        {**_node(sub, lang), "variables": [_node(v, lang) for v in sub["children"]]}
        for sub in tree["children"]
    ]
    return {
        "lang": lang,
        "id": slug,
        "iri": iri,
        "label": shown(described["labels"]["pref"], lang),
        "introduction": shown(described["introduction"], lang),
        "definition": shown(described["definition"], lang),
        "count": described["count"],
        "datasets": compartment_datasets(store).get(iri, 0),
        "subdomains": subdomains,
        "centres": compartment_centres(store, iri, lang),
    }


def _datasets(store: Store, iri: str, lang: str) -> list[dict]:
    titles: dict[str, dict[str, str]] = {}
    for row in store.select(load_query("concept_datasets"), {"concept": ox.NamedNode(iri)}):
        by_lang = titles.setdefault(row["d"].value, {})
        title = row.get("title")
        if isinstance(title, ox.Literal):
            key = (title.language or "").split("-")[0].lower()
            if key not in by_lang or title.value < by_lang[key]:
                by_lang[key] = title.value
    datasets = [{"iri": d, "title": shown(t, lang)} for d, t in titles.items()]
    return sorted(
        datasets, key=lambda d: (fold(d["title"]["text"]) if d["title"] else "", d["iri"])
    )


def _mapping(mapping: dict, lang: str) -> dict:
    label = shown(mapping["labels"], lang)
    if label is None and mapping["label"]:  # a label in a third language, or untagged
        label = {"text": mapping["label"], "fallback": None}
    return {
        "type": mapping["type"],
        "iri": mapping["iri"],
        "href": link_target(mapping["iri"]),
        "label": label,
        # the loaded vocabulary holding the target, else the host naming it
        "vocabulary": mapping["vocabulary"] or urlsplit(mapping["iri"]).netloc or None,
        "id": mapping["id"],
    }


def concept_page(store: Store, index: ConceptIndex, slug: str, lang: str) -> dict | None:
    """A thesaurus concept: labels, definition, broader chain, narrower, mappings, count,
    first datasets (None when ``slug`` is not in the GAIA thesaurus)."""
    iri = concept_iri(slug)
    concept = index.concepts.get(iri)
    if concept is None or not concept.in_thesaurus:
        return None
    described = describe_concept(store, index, iri, lang)
    alt = described["labels"]["alt"]
    alt_shown = [{"text": t, "fallback": None} for t in alt[lang]]
    if not alt_shown:
        alt_shown = [{"text": t, "fallback": o} for o in LANGUAGES if o != lang for t in alt[o]]
    compartment = described["compartment"]
    datasets = _datasets(store, iri, lang)
    return {
        "lang": lang,
        "id": slug,
        "iri": iri,
        "label": shown(described["labels"]["pref"], lang),
        "alt_labels": alt_shown,
        "definition": shown(described["definition"], lang),
        "scope_note": shown(described["scopeNote"], lang),
        "introduction": shown(described["introduction"], lang),
        "is_compartment": not concept.broader,
        "compartment": _node(compartment, lang) if compartment else None,
        "broader": [_node(b, lang) for b in described["broader"]],
        "narrower": [_node(n, lang) for n in described["narrower"]],
        "mappings": [_mapping(m, lang) for m in described["mappings"]],
        "count": described["count"],
        "datasets": datasets,
        "datasets_capped": len(datasets) >= DATASETS_SHOWN,
    }
