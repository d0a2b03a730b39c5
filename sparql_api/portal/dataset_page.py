"""What a dataset page adds for a non-specialist, beside the generic resource page: a plain
summary (what, where, when, who), its pictures (thumbnails), the footprint for the map, the
temporal extent, the variables (thesaurus links), the taxa it covers, access (distributions,
"open in a notebook"), the ways to reach the data (data services with their protocol and
endpoint: :mod:`sparql_api.portal.data_services`), the map services that show it
(:mod:`sparql_api.portal.previews`), how to cite it (text and BibTeX:
:mod:`sparql_api.portal.citations`). Plain functions (no Flask) over the dataset's
description (:func:`sparql_api.linked_data.dereference.describe_triples`, read as
:class:`sparql_api.linked_data.facts.Facts`); the taxa are :mod:`sparql_api.portal.taxa`.
A shown text is ``{"text", "fallback"}`` as in :mod:`sparql_api.portal.pages`.
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox

from graph_loader.namespaces import DCAT, DCT, FOAF, GAIA, LOCN, SDO, SKOS
from graph_loader.parsing import web_url
from graph_loader.store import Store
from graph_loader.terms import THESAURUS_NS
from sparql_api.linked_data.dereference import describe_triples, local_path
from sparql_api.linked_data.facts import Facts
from sparql_api.linked_data.resources import PICTURES
from sparql_api.linked_data.schemaorg import wkt_box
from sparql_api.portal.citations import bibtex, citation
from sparql_api.portal.data_services import dataset_services
from sparql_api.portal.pages import link_target, shown
from sparql_api.portal.previews import map_previews
from sparql_api.portal.taxa import dataset_taxa
from sparql_api.web.i18n import WEB

__all__ = ["dataset_extras", "notebook_link", "place_text", "thumbnails"]

#: where a thing's label is read
LABELS = (SKOS.prefLabel, DCT.title, FOAF.name, SDO["name"])


def _texts(facts: Facts, subject: str, *predicates: str) -> dict[str, str]:
    """One literal per language (the smallest), ``""`` for untagged ones."""
    out: dict[str, str] = {}
    for value in facts.values(subject, *predicates):
        if isinstance(value, ox.Literal):
            key = (value.language or "").split("-")[0].lower()
            if key not in out or value.value < out[key]:
                out[key] = value.value
    return out


def _label(facts: Facts, iri: str, lang: str) -> dict:
    return shown(_texts(facts, iri, *LABELS), lang) or {"text": iri, "fallback": None}


def _first_text(facts: Facts, subject: str, *predicates: str) -> str | None:
    values = sorted(
        v.value for v in facts.values(subject, *predicates) if isinstance(v, ox.Literal)
    )
    return values[0] if values else None


def _degrees(value: float, positive: str, negative: str) -> str:
    number = f"{abs(value):g}°"
    return number if value == 0 else number + (positive if value > 0 else negative)


def place_text(bbox: tuple[float, float, float, float], lang: str) -> str:
    """A box in words: longitudes then latitudes, W/E and S/N (O for ouest in French: the
    compass letters are messages).

    >>> place_text((-20.0, 0.0, 20.0, 25.0), "fr")
    '20°O – 20°E, 0° – 25°N'
    """
    west, south, east, north = bbox
    e, w = WEB.text("compass_east", lang), WEB.text("compass_west", lang)
    n, s = WEB.text("compass_north", lang), WEB.text("compass_south", lang)
    lon = f"{_degrees(west, e, w)} – {_degrees(east, e, w)}"
    lat = f"{_degrees(south, n, s)} – {_degrees(north, n, s)}"
    return f"{lon}, {lat}"


def _footprint(facts: Facts, iri: str) -> tuple[float, float, float, float] | None:
    for place in facts.iris(iri, DCT.spatial):
        for wkt in facts.values(place, DCAT.bbox, LOCN.geometry):
            box = wkt_box(wkt.value) if isinstance(wkt, ox.Literal) else None
            if box:
                return box
    return None


def _temporal(facts: Facts, iri: str) -> dict | None:
    for period in facts.iris(iri, DCT.temporal):
        start = _first_text(facts, period, DCAT.startDate, SDO.startDate)
        end = _first_text(facts, period, DCAT.endDate, SDO.endDate)
        if start or end:
            return {"start": start[:10] if start else None, "end": end[:10] if end else None}
    return None


def _agents(facts: Facts, iri: str, predicate: str, lang: str) -> list[dict]:
    out = []
    for value in facts.values(iri, predicate):
        if isinstance(value, ox.Literal):
            out.append({"label": {"text": value.value, "fallback": None}, "iri": None})
        elif isinstance(value, ox.NamedNode):
            out.append({"label": _label(facts, value.value, lang), "iri": value.value})
    return sorted(out, key=lambda a: a["label"]["text"])


def notebook_link(template: str | None, identifier: str, iri: str) -> str | None:
    """The configured VRE/JupyterHub URL for a dataset (None without a template).

    >>> notebook_link("https://hub.example/open?dataset={id}", "AMMA RS/2006", "https://x/1")
    'https://hub.example/open?dataset=AMMA%20RS%2F2006'
    """
    if not template:
        return None
    return template.replace("{id}", quote(identifier, safe="")).replace(
        "{iri}", quote(iri, safe="")
    )


def thumbnails(facts: Facts, iri: str) -> list[str]:
    """The http(s) pictures of ``iri`` (foaf:depiction, schema:thumbnailUrl, schema:image),
    sorted, each once; anything else (a script URL, a blank node) left out."""
    urls = {
        web_url(v.value) for v in facts.values(iri, *PICTURES) if not isinstance(v, ox.BlankNode)
    }
    return sorted(u for u in urls if u)


def _distributions(facts: Facts, iri: str, lang: str) -> list[dict]:
    out = []
    for dist in facts.iris(iri, DCAT.distribution):
        download = facts.iris(dist, DCAT.downloadURL)
        access = facts.iris(dist, DCAT.accessURL)
        url = link_target((download or access or [""])[0])
        formats = [
            _label(facts, f, lang)["text"] if f.startswith("http") else f
            for f in facts.iris(dist, DCT["format"], DCAT.mediaType)
        ]
        formats += [
            v.value
            for v in facts.values(dist, DCAT.mediaType, DCT["format"])
            if isinstance(v, ox.Literal)
        ]
        out.append(
            {
                "iri": dist,
                "title": shown(_texts(facts, dist, DCT.title), lang),
                "url": url,
                "download": bool(download),
                "formats": sorted(set(formats)),
            }
        )
    return out


def dataset_extras(
    store: Store,
    iri: ox.NamedNode,
    lang: str,
    *,
    base: str,
    notebook_url: str | None = None,
    triples: list[ox.Triple] | None = None,
) -> dict | None:
    """The dataset part of a page (None when the store says nothing about ``iri``);
    ``triples``: the description of ``iri`` when the caller already has it."""
    facts = Facts(triples if triples is not None else describe_triples(store, iri))
    s = iri.value
    if not facts.by.get(s):
        return None
    title = shown(_texts(facts, s, DCT.title, SDO["name"]), lang) or {"text": s, "fallback": None}
    box = _footprint(facts, s)
    publishers = _agents(facts, s, DCT.publisher, lang)
    creators = _agents(facts, s, DCT.creator, lang)
    poles = [{"label": _label(facts, p, lang), "iri": p} for p in facts.iris(s, GAIA.pole)]
    doi = facts.doi(s)
    identifier = _first_text(facts, s, DCT.identifier) or s
    path = local_path(s, base)
    # how to cite it: the creators (else the publishers), the pole (else the publisher)
    issued = _first_text(facts, s, DCT.issued)
    year = issued[:4] if issued else None
    who = [a["label"]["text"] for a in creators or publishers]
    publisher = (poles or publishers or [None])[0]
    publisher_text = publisher["label"]["text"] if publisher else None
    link = "https://doi.org/" + doi if doi else s
    services = dataset_services(store, iri, lang, base)
    return {
        "iri": s,
        "title": title,
        "where": place_text(box, lang) if box else None,
        "bbox": list(box) if box else None,
        "footprints": [{"path": path or s, "title": title["text"], "bbox": list(box)}]
        if box
        else [],
        "temporal": _temporal(facts, s),
        "publishers": publishers,
        "creators": creators,
        "centres": [
            {"label": _label(facts, c, lang), "iri": c} for c in facts.iris(s, GAIA.dataCentre)
        ],
        "poles": poles,
        "variables": _variables(facts, s, lang),
        "taxa": dataset_taxa(store, iri, lang, base),
        "thumbnails": thumbnails(facts, s),
        "identifier": identifier,
        "doi": doi,
        "landing": [u for u in (link_target(x) for x in facts.iris(s, DCAT.landingPage)) if u],
        "distributions": _distributions(facts, s, lang),
        "services": services,
        "previews": map_previews(services, _layer_names(facts, s)),
        "notebook": notebook_link(notebook_url, identifier, s),
        "citation": citation(who, year, title["text"], publisher_text, link),
        "bibtex": bibtex(identifier, who, year, title["text"], publisher_text, doi, link),
        "quality": _quality(store, s, lang, path),
    }


def _layer_names(facts: Facts, s: str) -> list[str]:
    """What may name the dataset's layer in a map service: its identifiers, then the titles
    of its distributions (an ISO online resource's name is its layer's)."""
    names = sorted(v.value for v in facts.values(s, DCT.identifier) if isinstance(v, ox.Literal))
    for dist in facts.iris(s, DCAT.distribution):
        names += sorted(_texts(facts, dist, DCT.title).values())
    return names


def _variables(facts: Facts, s: str, lang: str) -> list[dict]:
    """The thesaurus concepts of the dataset (``gaia:variable``, ``dcat:theme``), by label."""
    variables = []
    for concept in facts.iris(s, GAIA.variable, DCAT.theme):
        if concept.startswith(THESAURUS_NS) and all(v["iri"] != concept for v in variables):
            slug = concept.removeprefix(THESAURUS_NS)
            variables.append({"iri": concept, "id": slug, "label": _label(facts, concept, lang)})
    return sorted(variables, key=lambda v: v["label"]["text"].casefold())


def _quality(store: Store, iri: str, lang: str, path: str | None) -> dict | None:
    """The record's FAIR score and dimension scores (graph_loader.quality), None if unscored."""
    from graph_loader.quality import record_quality

    found = record_quality(store, iri, lang)
    if found is None:
        return None
    return {
        "score": found["score"],
        "dimensions": [{"label": d["label"], "score": d["score"]} for d in found["dimensions"]],
        "problems": len(found["problems"]),
        "href": "/quality" + path.removeprefix("/id") if path else None,
    }
