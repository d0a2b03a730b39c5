"""What a dataset page adds for a non-specialist, beside the generic resource page: a plain
summary (what, where, when, who), its pictures (thumbnails), the footprint for the map, the
temporal extent, the variables (thesaurus links), the taxa it covers, access (distributions,
"open in a notebook"), the ways to reach the data (data services with their protocol and
endpoint), how to cite it (text and BibTeX). Plain functions (no Flask) over the dataset's
description (:func:`sparql_api.linked_data.dereference.describe_triples`, read as
:class:`sparql_api.linked_data.schemaorg.Facts`).
A shown text is ``{"text", "fallback"}`` as in :mod:`sparql_api.portal.pages`.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pyoxigraph as ox

from graph_loader.mappings.ogc_capabilities import STANDARDS
from graph_loader.mappings.thredds import PROTOCOLS
from graph_loader.parsing import web_url
from graph_loader.store import Store
from graph_loader.terms import DCAT, DCT, FOAF, GAIA_NS, SDO, SKOS, THESAURUS_NS
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import describe_triples, local_path
from sparql_api.linked_data.resources import PICTURES
from sparql_api.linked_data.schemaorg import Facts, wkt_box
from sparql_api.portal.pages import link_target, shown

__all__ = [
    "dataset_extras",
    "citation",
    "bibtex",
    "notebook_link",
    "place_text",
    "protocol_label",
    "thumbnails",
    "RANKS",
]

LOCN_GEOMETRY = "http://www.w3.org/ns/locn#geometry"
_DOI = re.compile(r"(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)", re.IGNORECASE)
LABELS = (SKOS + "prefLabel", DCT + "title", FOAF + "name", SDO + "name")


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
    """A box in words: longitudes then latitudes, W/E and S/N (O for ouest in French).

    >>> place_text((-20.0, 0.0, 20.0, 25.0), "fr")
    '20°O – 20°E, 0° – 25°N'
    """
    west, south, east, north = bbox
    w = "O" if lang == "fr" else "W"
    lon = f"{_degrees(west, 'E', w)} – {_degrees(east, 'E', w)}"
    lat = f"{_degrees(south, 'N', 'S')} – {_degrees(north, 'N', 'S')}"
    return f"{lon}, {lat}"


def _footprint(facts: Facts, iri: str) -> tuple[float, float, float, float] | None:
    for place in facts.iris(iri, DCT + "spatial"):
        for wkt in facts.values(place, DCAT + "bbox", LOCN_GEOMETRY):
            box = wkt_box(wkt.value) if isinstance(wkt, ox.Literal) else None
            if box:
                return box
    return None


def _temporal(facts: Facts, iri: str) -> dict | None:
    for period in facts.iris(iri, DCT + "temporal"):
        start = _first_text(facts, period, DCAT + "startDate", SDO + "startDate")
        end = _first_text(facts, period, DCAT + "endDate", SDO + "endDate")
        if start or end:
            return {"start": start[:10] if start else None, "end": end[:10] if end else None}
    return None


def _doi(facts: Facts, iri: str) -> str | None:
    for value in facts.values(iri, DCT + "identifier", SDO + "identifier"):
        match = _DOI.fullmatch(value.value.strip())
        if match:
            return match.group(1)
    return None


def _agents(facts: Facts, iri: str, predicate: str, lang: str) -> list[dict]:
    out = []
    for value in facts.values(iri, predicate):
        if isinstance(value, ox.Literal):
            out.append({"label": {"text": value.value, "fallback": None}, "iri": None})
        elif isinstance(value, ox.NamedNode):
            out.append({"label": _label(facts, value.value, lang), "iri": value.value})
    return sorted(out, key=lambda a: a["label"]["text"])


def citation(
    authors: list[str], year: str | None, title: str, publisher: str | None, link: str
) -> str:
    """A DataCite-style citation: ``Authors (Year). Title. Publisher. link``.

    >>> citation(["SEDOO"], "2006", "AMMA radiosondes", "AERIS", "https://doi.org/10.1/x")
    'SEDOO (2006). AMMA radiosondes. AERIS. https://doi.org/10.1/x'
    """
    parts = [", ".join(authors) + (f" ({year})." if year else ".") if authors else None]
    parts += [title.rstrip(".") + ".", f"{publisher.rstrip('.')}." if publisher else None, link]
    return " ".join(p for p in parts if p)


def _bibtex_value(text: str) -> str:
    return re.sub(r"([{}\\%&$#_^~])", r"\\\1", text)


def bibtex(
    key: str,
    authors: list[str],
    year: str | None,
    title: str,
    publisher: str | None,
    doi: str | None,
    url: str,
) -> str:
    """A ``@misc`` BibTeX entry (braces, backslashes and TeX specials escaped).

    >>> print(bibtex("x", ["A & B"], "2020", "T_1", None, None, "https://e.org/x"))
    @misc{x,
      author = {A \\& B},
      year = {2020},
      title = {T\\_1},
      url = {https://e.org/x},
      howpublished = {Dataset}
    }
    """
    fields = [
        ("author", " and ".join(authors)),
        ("year", year),
        ("title", title),
        ("publisher", publisher),
        ("doi", doi),
        ("url", url),
        ("howpublished", "Dataset"),
    ]
    body = ",\n".join(f"  {k} = {{{_bibtex_value(v)}}}" for k, v in fields if v)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9_-]', '_', key)},\n{body}\n}}"


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


#: human names of the protocols services conform to (dct:conformsTo), by IRI
_PROTOCOLS: dict[str, dict[str, str]] = {
    "https://www.rfc-editor.org/rfc/rfc9110": {"fr": "HTTP", "en": "HTTP"},
    "https://www.rfc-editor.org/rfc/rfc2616": {"fr": "HTTP", "en": "HTTP"},
    "http://www.opengis.net/def/serviceType/ogc/csw": {"fr": "CSW", "en": "CSW"},
    "http://www.opengis.net/def/serviceType/ogc/wmts": {"fr": "WMTS", "en": "WMTS"},
    "http://www.opengis.net/def/serviceType/ogc/sos": {"fr": "SOS", "en": "SOS"},
    "http://www.opengis.net/def/serviceType/ogc/wps": {"fr": "WPS", "en": "WPS"},
    "https://docs.unidata.ucar.edu/tds/current/userguide/": {"fr": "THREDDS", "en": "THREDDS"},
    "https://coastwatch.pfeg.noaa.gov/erddap/rest.html": {"fr": "ERDDAP", "en": "ERDDAP"},
    "https://www.fdsn.org/webservices/": {"fr": "services web FDSN", "en": "FDSN web services"},
    "https://api.stacspec.org/v1.0.0/core": {"fr": "API STAC", "en": "STAC API"},
    "https://github.com/dewitt/opensearch": {"fr": "OpenSearch", "en": "OpenSearch"},
    "http://www.openarchives.org/OAI/2.0/": {"fr": "OAI-PMH", "en": "OAI-PMH"},
    "https://www.rfc-editor.org/rfc/rfc959": {"fr": "FTP", "en": "FTP"},
    "https://www.rfc-editor.org/rfc/rfc4253": {"fr": "SFTP", "en": "SFTP"},
}
_PROTOCOLS.update(
    {iri: {"fr": kind.upper(), "en": kind.upper()} for kind, iri in STANDARDS.items()}
)
_FRENCH = {
    "NetCDF Subset Service": "Service de sous-ensembles NetCDF (NCSS)",
    "ISO 19115 metadata": "Métadonnées ISO 19115",
    "UDDC (ACDD rubric)": "UDDC (grille ACDD)",
}
_PROTOCOLS.update(
    {
        iri: {"fr": _FRENCH.get(name, name), "en": name}
        for name, iri, _suffix in reversed(PROTOCOLS.values())
        if iri is not None and iri not in _PROTOCOLS
    }
)
#: protocols recognised in IRIs not listed above (first match wins)
_PROTOCOL_PATTERNS = (
    (re.compile(r"ogcapi|ogc-api", re.I), "OGC API"),
    (re.compile(r"opendap|\bdap\b|dap2|dap4", re.I), "OPeNDAP"),
    (re.compile(r"/ogc/(\w+)$|\b(wms|wmts|wfs|wcs|csw|sos|wps)\b", re.I), None),
    (re.compile(r"rfc(?:9110|7231|2616)|\bhttps?$", re.I), "HTTP"),
)


def protocol_label(iri: str, lang: str) -> str | None:
    """The name of the protocol ``iri`` (a service's ``dct:conformsTo``) stands for, or None
    (the page then shows the standard's own title, else its IRI).

    >>> protocol_label("https://www.opendap.org/pdf/ESE-RFC-004v1.2.pdf", "en")
    'OPeNDAP'
    >>> protocol_label("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", "fr")
    'OGC API'
    >>> protocol_label("http://www.opengis.net/def/serviceType/ogc/wms", "fr")
    'WMS'
    """
    known = _PROTOCOLS.get(iri)
    if known:
        return known.get(lang) or known["en"]
    for pattern, label in _PROTOCOL_PATTERNS:
        match = pattern.search(iri)
        if match:
            return label or next(g for g in match.groups() if g).upper()
    return None


#: taxonomic ranks from the top, with their names
RANKS: dict[str, dict[str, str]] = {
    "domain": {"fr": "domaine", "en": "domain"},
    "kingdom": {"fr": "règne", "en": "kingdom"},
    "phylum": {"fr": "embranchement", "en": "phylum"},
    "division": {"fr": "division", "en": "division"},
    "class": {"fr": "classe", "en": "class"},
    "order": {"fr": "ordre", "en": "order"},
    "family": {"fr": "famille", "en": "family"},
    "subfamily": {"fr": "sous-famille", "en": "subfamily"},
    "tribe": {"fr": "tribu", "en": "tribe"},
    "genus": {"fr": "genre", "en": "genus"},
    "species": {"fr": "espèce", "en": "species"},
    "subspecies": {"fr": "sous-espèce", "en": "subspecies"},
    "variety": {"fr": "variété", "en": "variety"},
}
_RANK_ORDER = {rank: i for i, rank in enumerate(RANKS)}


def _taxa(store: Store, iri: ox.NamedNode, lang: str, base: str) -> list[dict]:
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
                "rank": RANKS.get(rank.lower(), {}).get(lang, rank) if rank else None,
                "vernacular": mine or sorted({text for _key, text in e["common"]}),
                "order": _RANK_ORDER.get((rank or "").lower(), len(RANKS)),
            }
        )
    taxa.sort(key=lambda t: (t.pop("order"), t["name"].casefold(), t["iri"]))
    return taxa


def thumbnails(facts: Facts, iri: str) -> list[str]:
    """The http(s) pictures of ``iri`` (foaf:depiction, schema:thumbnailUrl, schema:image),
    sorted, each once; anything else (a script URL, a blank node) left out."""
    urls = {
        web_url(v.value) for v in facts.values(iri, *PICTURES) if not isinstance(v, ox.BlankNode)
    }
    return sorted(u for u in urls if u)


def _pick_text(texts: dict[str, str] | None, lang: str) -> str | None:
    found = shown(texts or {}, lang)
    return found["text"] if found else None


def _services(store: Store, iri: ox.NamedNode, lang: str, base: str) -> list[dict]:
    found: dict[str, dict] = {}
    for row in store.select(load_query("dataset_services"), {"iri": iri}):
        entry = found.setdefault(
            row["service"].value,
            {"titles": {}, "endpoint": None, "conforms": set(), "standards": {}},
        )
        title = row.get("title")
        if isinstance(title, ox.Literal):
            key = (title.language or "").split("-")[0].lower()
            if key not in entry["titles"] or title.value < entry["titles"][key]:
                entry["titles"][key] = title.value
        if isinstance(row.get("endpoint"), ox.NamedNode):
            entry["endpoint"] = link_target(row["endpoint"].value)
        if isinstance(row.get("conforms"), ox.NamedNode):
            entry["conforms"].add(row["conforms"].value)
            name = row.get("standard")
            if isinstance(name, ox.Literal):
                names = entry["standards"].setdefault(row["conforms"].value, {})
                key = (name.language or "").split("-")[0].lower()
                if key not in names or name.value < names[key]:
                    names[key] = name.value
    services = [
        {
            "iri": service,
            "href": local_path(service, base) or link_target(service),
            "title": shown(e["titles"], lang) or {"text": service, "fallback": None},
            "endpoint": e["endpoint"],
            "conforms": sorted(e["conforms"]),
            "protocols": sorted(
                {
                    p
                    for c in e["conforms"]
                    if (p := protocol_label(c, lang) or _pick_text(e["standards"].get(c), lang))
                },
                key=str.casefold,
            ),
        }
        for service, e in found.items()
    ]
    return sorted(services, key=lambda s: (s["title"]["text"], s["iri"]))


def _distributions(facts: Facts, iri: str, lang: str) -> list[dict]:
    out = []
    for dist in facts.iris(iri, DCAT + "distribution"):
        download = facts.iris(dist, DCAT + "downloadURL")
        access = facts.iris(dist, DCAT + "accessURL")
        url = link_target((download or access or [""])[0])
        formats = [
            _label(facts, f, lang)["text"] if f.startswith("http") else f
            for f in facts.iris(dist, DCT + "format", DCAT + "mediaType")
        ]
        formats += [
            v.value
            for v in facts.values(dist, DCAT + "mediaType", DCT + "format")
            if isinstance(v, ox.Literal)
        ]
        out.append(
            {
                "iri": dist,
                "title": shown(_texts(facts, dist, DCT + "title"), lang),
                "url": url,
                "download": bool(download),
                "formats": sorted(set(formats)),
            }
        )
    return out


def dataset_extras(
    store: Store, iri: ox.NamedNode, lang: str, *, base: str, notebook_url: str | None = None
) -> dict | None:
    """The dataset part of a page (None when the store says nothing about ``iri``)."""
    facts = Facts(describe_triples(store, iri))
    s = iri.value
    if not facts.by.get(s):
        return None
    title = shown(_texts(facts, s, DCT + "title", SDO + "name"), lang) or {
        "text": s,
        "fallback": None,
    }
    box = _footprint(facts, s)
    temporal = _temporal(facts, s)
    publishers = _agents(facts, s, DCT + "publisher", lang)
    creators = _agents(facts, s, DCT + "creator", lang)
    centres = [
        {"label": _label(facts, c, lang), "iri": c} for c in facts.iris(s, GAIA_NS + "dataCentre")
    ]
    poles = [{"label": _label(facts, p, lang), "iri": p} for p in facts.iris(s, GAIA_NS + "pole")]
    variables = []
    for concept in facts.iris(s, GAIA_NS + "variable", DCAT + "theme"):
        if concept.startswith(THESAURUS_NS) and all(v["iri"] != concept for v in variables):
            slug = concept.removeprefix(THESAURUS_NS)
            variables.append({"iri": concept, "id": slug, "label": _label(facts, concept, lang)})
    variables.sort(key=lambda v: v["label"]["text"].casefold())
    doi = _doi(facts, s)
    identifier = _first_text(facts, s, DCT + "identifier") or s
    issued = _first_text(facts, s, DCT + "issued")
    year = issued[:4] if issued else None
    who = [a["label"]["text"] for a in creators] or [a["label"]["text"] for a in publishers]
    publisher = (poles or publishers or [None])[0]
    publisher_text = publisher["label"]["text"] if publisher else None
    link = "https://doi.org/" + doi if doi else s
    path = local_path(s, base)
    return {
        "iri": s,
        "title": title,
        "where": place_text(box, lang) if box else None,
        "bbox": list(box) if box else None,
        "footprints": [{"path": path or s, "title": title["text"], "bbox": list(box)}]
        if box
        else [],
        "temporal": temporal,
        "publishers": publishers,
        "creators": creators,
        "centres": centres,
        "poles": poles,
        "variables": variables,
        "taxa": _taxa(store, iri, lang, base),
        "thumbnails": thumbnails(facts, s),
        "identifier": identifier,
        "doi": doi,
        "landing": [u for u in (link_target(x) for x in facts.iris(s, DCAT + "landingPage")) if u],
        "distributions": _distributions(facts, s, lang),
        "services": _services(store, iri, lang, base),
        "notebook": notebook_link(notebook_url, identifier, s),
        "citation": citation(who, year, title["text"], publisher_text, link),
        "bibtex": bibtex(identifier, who, year, title["text"], publisher_text, doi, link),
        "quality": _quality(store, s, lang, path),
    }


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
