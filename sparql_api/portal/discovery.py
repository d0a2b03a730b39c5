"""What the discovery portal adds to the pages: recent additions, the map settings, the
search page's links, chips and footprints, all as plain values (no Flask).

The search page is rendered from :func:`sparql_api.search.engine.run_search`'s dict (the same JSON
as ``/api/search``): its ready-made ``apply``/``remove`` links point at ``/api/search``, and
:func:`page_link` turns each into the same state of the HTML page ``/search``, so every state
of the page has a shareable URL.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from urllib.parse import urlencode

from markupsafe import Markup, escape

from graph_loader.terms import THESAURUS_NS
from sparql_api.web.i18n import WEB

__all__ = [
    "RECENT_SHOWN",
    "RECENT_SEARCH",
    "home_extras",
    "FACETS",
    "page_link",
    "chips",
    "footprints",
    "map_config",
    "search_page",
    "highlight",
    "bbox_from_sides",
    "resource_path",
]

#: how many recent additions the home page lists
RECENT_SHOWN = 6
#: the search behind the home: datasets, newest first (modified, else issued)
RECENT_SEARCH = {"type": ["dataset"], "sort": ["date"], "size": [str(RECENT_SHOWN)]}

#: the flat facets of the search page, in the order shown, with their message
FACETS: dict[str, str] = {
    "pole": WEB.mark("facet_pole"),
    "centre": WEB.mark("facet_centre"),
    "type": WEB.mark("facet_type"),
    "format": WEB.mark("facet_format"),
    "licence": WEB.mark("facet_licence"),
    "platform": WEB.mark("facet_platform"),
    "instrument": WEB.mark("facet_instrument"),
    "taxon": WEB.mark("facet_taxon"),
}

#: query parameters that narrow a search (each one a removable chip)
FILTER_PARAMS = ("theme", *FACETS, "place", "bbox", "start", "end", "vmin", "vmax")


def resource_path(iri: str, base: str) -> str | None:
    """The site path of a resource minted under ``base`` (``/id/<kind>/<slug>``), else None.

    >>> resource_path("https://data.gaia-data.fr/id/dataset/x", "https://data.gaia-data.fr/")
    '/id/dataset/x'
    """
    return "/" + iri.removeprefix(base) if iri.startswith(base + "id/") else None


def home_extras(result: dict) -> dict:
    """What the home takes from one search (datasets, newest first): the recent additions
    (``{path, iri, title, pole}``) and the datasets per compartment IRI (the theme facet's
    top level), so the home reads the index, not the store (1-4 s at 100k datasets).
    """
    recent = [
        {
            "iri": h["iri"],
            "path": h["path"] or h["iri"],
            "title": h["title"],
            "pole": h["pole"]["label"] if h.get("pole") else None,
        }
        for h in result["hits"]
    ]
    counts = {node["iri"]: node["count"] for node in result["facets"].get("themes", [])}
    return {"recent": recent, "counts": counts}


def page_link(api_url: str | None, lang: str | None = None) -> str | None:
    """The ``/search`` page for an ``/api/search?…`` link (None stays None).

    >>> page_link("/api/search?q=ozone&theme=aerosols&page=2")
    '/search?q=ozone&theme=aerosols&page=2'
    """
    if api_url is None:
        return None
    # The links are urlencode()d by the API: their pairs are kept as they are written rather
    # than decoded and encoded again (a search page has thousands of facet links)
    query = api_url.partition("#")[0].partition("?")[2]
    pairs = [p for p in query.split("&") if p.partition("=")[2] and p.partition("=")[0] != "lang"]
    if lang:
        pairs.append(_lang_pair(lang))
    return "/search" + ("?" + "&".join(pairs) if pairs else "")


@functools.lru_cache(maxsize=16)
def _lang_pair(lang: str) -> str:
    return urlencode([("lang", lang)])


def chips(args: Mapping[str, list[str]], labels: Mapping[tuple[str, str], str]) -> list[dict]:
    """The active filters of a search, each ``{param, value, label, remove}``: ``remove`` is
    the same search without that one value (and back on page 1).

    ``args`` maps each query parameter to its values (``request.args.to_dict(flat=False)``);
    ``labels`` gives the label shown for a (param, value), else the value is shown.

    >>> chips({"q": ["ozone"], "pole": ["aeris", "odatis"]}, {("pole", "aeris"): "AERIS"})[0]
    {'param': 'pole', 'value': 'aeris', 'label': 'AERIS', 'remove': '/search?q=ozone&pole=odatis'}
    """
    found = []
    for param in FILTER_PARAMS:
        for value in args.get(param, []):
            if not value:
                continue
            rest = [
                (k, v)
                for k, values in args.items()
                if k not in ("page", "lang")
                for v in values
                if v and not (k == param and v == value)
            ]
            found.append(
                {
                    "param": param,
                    "value": value,
                    "label": labels.get((param, value), value),
                    "remove": "/search" + ("?" + urlencode(rest) if rest else ""),
                }
            )
    return found


def footprints(hits: list[dict]) -> list[dict]:
    """The hits' bounding boxes for the map: ``{path, title, bbox}`` (hits without one left out)."""
    return [
        {"path": h["path"], "title": h["title"] or h["iri"], "bbox": h["bbox"]}
        for h in hits
        if h.get("bbox") and len(h["bbox"]) == 4
    ]


def map_config(tiles: str | None, basemap: str, detail: str | None = None) -> dict:
    """What the map script reads (as a JSON data attribute): a tile URL template, else the
    URLs of the shipped outlines (``basemap`` for the world, ``detail`` once zoomed in).

    >>> map_config(None, "/110m.json", "/10m.json")
    {'tiles': None, 'basemap': '/110m.json', 'detail': '/10m.json'}
    >>> map_config("https://t.example.org/{z}/{x}/{y}.png", "/110m.json", "/10m.json")
    {'tiles': 'https://t.example.org/{z}/{x}/{y}.png', 'basemap': None, 'detail': None}
    """
    if tiles:
        return {"tiles": tiles, "basemap": None, "detail": None}
    return {"tiles": None, "basemap": basemap, "detail": detail}


def _relink(node: dict, lang: str) -> dict:
    """A facet value or theme node with its ``apply``/``remove`` turned into page links."""
    out = {**node, "apply": page_link(node.get("apply"), lang)}
    out["remove"] = page_link(node.get("remove"), lang)
    if "children" in node:
        out["children"] = [_relink(child, lang) for child in node["children"]]
    # a node shows its children when it or a node below it is selected
    out["open"] = bool(node.get("selected")) or any(c["open"] for c in out.get("children", []))
    return out


def _selected_labels(result: dict) -> dict[tuple[str, str], str]:
    """(param, value) → label for every selected facet value and theme node."""
    labels: dict[tuple[str, str], str] = {}
    for param in FACETS:
        buckets = list(result.get("facets", {}).get(param, []))
        while buckets:  # the taxon facet is a tree: its children too
            bucket = buckets.pop()
            buckets.extend(bucket.get("children", ()))
            labels[(param, bucket["value"])] = bucket["label"]
            # the URLs name an organisation by the end of its IRI (``centre=sedoo``)
            labels.setdefault(
                (param, bucket["value"].rstrip("/").rsplit("/", 1)[-1]), bucket["label"]
            )

    def walk(nodes: list[dict]) -> None:
        for node in nodes:
            labels[("theme", node["id"])] = node["label"]
            labels[("theme", node["iri"])] = node["label"]
            walk(node.get("children", []))

    walk(result.get("facets", {}).get("themes", []))
    for place in result.get("places", []):
        # the URLs name a place by the end of its IRI (``place=ligurian-sea``)
        labels[("place", place["iri"])] = place["label"]
        labels[("place", place["iri"].rsplit("/", 1)[-1])] = place["label"]
    return labels


def _box_labels(args: Mapping[str, list[str]], lang: str) -> dict[tuple[str, str], str]:
    """The area chip in words (``20°O – 20°E, 0° – 25°N``) when ``bbox`` is four numbers."""
    from sparql_api.portal.dataset_page import place_text

    labels = {}
    for value in args.get("bbox", []):
        try:
            west, south, east, north = (float(v) for v in value.split(","))
        except ValueError:
            continue
        labels[("bbox", value)] = place_text((west, south, east, north), lang)
    return labels


def _sides(bbox: str | None) -> list[tuple[str, str]]:
    values = (bbox or "").split(",")
    if len(values) != 4:
        values = ["", "", "", ""]
    return list(zip(("west", "south", "east", "north"), values, strict=True))


def search_page(result: dict, args: Mapping[str, list[str]], lang: str) -> dict:
    """The ``/search`` page's context from a :func:`~sparql_api.search.engine.run_search` dict and
    the request's query parameters (``{name: [values]}``)."""
    state = [(k, v) for k, values in args.items() if k != "lang" for v in values if v]
    total, size, page = result["total"], result["size"], result["page"]
    pages = max(1, -(-total // size)) if size else 1
    sorts = []
    for sort in ("relevance", "date", "title"):
        rest = [(k, v) for k, v in state if k not in ("sort", "page")]
        sorts.append({"value": sort, "selected": result["sort"] == sort, "rest": rest})
    keep = [(k, v) for k, v in state if k not in ("bbox", "page")]
    facets = result.get("facets", {})
    return {
        "q": result.get("q") or "",
        "total": total,
        "page": page,
        "pages": pages,
        "size": size,
        "sort": result["sort"],
        "sorts": sorts,
        "sort_keep": [(k, v) for k, v in state if k not in ("sort", "page")],
        "hits": result["hits"],
        "themes": [_relink(n, lang) for n in facets.get("themes", [])],
        "facets": [
            {"param": p, "key": key, "buckets": [_relink(b, lang) for b in facets.get(p, [])]}
            for p, key in FACETS.items()
            if facets.get(p)
        ],
        "concepts": [
            {"label": c["label"], "href": "/concepts/" + c["iri"].removeprefix(THESAURUS_NS)}
            for c in result.get("concepts", [])
            if c["iri"].startswith(THESAURUS_NS)
        ],
        "chips": chips(args, {**_selected_labels(result), **_box_labels(args, lang)}),
        # places named by the words, offered as filters (a place only ranks until applied)
        "places": [
            {"label": p["label"], "apply": page_link(p["apply"], lang)}
            for p in result.get("places", [])
            if not p.get("selected")
        ],
        "relaxed": bool(result.get("relaxed")),
        "beyond": result.get("beyond", {}).get("message"),
        "clear": page_link("/search?" + urlencode([(k, v) for k, v in state if k == "q"]), lang),
        "prev": page_link(result["links"].get("prev"), lang),
        "next": page_link(result["links"].get("next"), lang),
        "self": page_link(result["links"].get("self"), lang),
        "json": result["links"].get("self"),
        "sparql": result["links"].get("sparql"),
        "footprints": footprints(result["hits"]),
        "draw": {
            "form": "bbox-form",
            "keep": keep,
            "bbox": ",".join(args.get("bbox", [])[:1]),
            "sides": _sides((args.get("bbox") or [None])[0]),
        },
    }


_MARK = re.compile(r"(</?mark>)")


def highlight(text: str | None) -> Markup:
    """A highlight of the search (escaped text with ``<mark>`` … ``</mark>`` only) as markup:
    everything but the mark tags is unescaped and escaped again, so nothing else can pass.

    >>> str(highlight("<mark>Ozone</mark> &amp; &lt;b&gt;"))
    '<mark>Ozone</mark> &amp; &lt;b&gt;'
    >>> str(highlight("<script>x</script>"))
    '&lt;script&gt;x&lt;/script&gt;'
    """
    out = []
    opened = False
    for piece in _MARK.split(text or ""):
        if piece == "<mark>" and not opened:
            out.append(Markup("<mark>"))
            opened = True
        elif piece == "</mark>" and opened:
            out.append(Markup("</mark>"))
            opened = False
        elif piece not in ("<mark>", "</mark>"):
            out.append(escape(html.unescape(piece)))
    if opened:
        out.append(Markup("</mark>"))
    return Markup("").join(out)


SIDES = ("west", "south", "east", "north")


def bbox_from_sides(args: Mapping[str, list[str]]) -> list[tuple[str, str]] | None:
    """The query of the no-JavaScript area form (``west``, ``south``, ``east``, ``north``)
    as one ``bbox=w,s,e,n`` (the search's own parameter), or None when the form was not used.
    An incomplete box is dropped; a south above the north is taken as the north (the box
    between the two latitudes, as a range's bounds in either order).

    >>> bbox_from_sides({"q": ["x"], "bbox": [""], "west": ["-10"], "south": ["40"],
    ...                  "east": ["5"], "north": ["52"]})
    [('q', 'x'), ('bbox', '-10,40,5,52')]
    >>> bbox_from_sides({"west": ["-10"], "south": ["52"], "east": ["5"], "north": ["40"]})
    [('bbox', '-10,40,5,52')]
    """
    if not any(side in args for side in SIDES):
        return None
    values = [(args.get(side) or [""])[0].strip() for side in SIDES]
    pairs = [(k, v) for k, vs in args.items() if k not in (*SIDES, "bbox", "page") for v in vs if v]
    if all(values):
        west, south, east, north = values
        try:
            if float(south) > float(north):
                south, north = north, south
        except ValueError:
            pass  # not a number: refused by the search, naming it
        pairs.append(("bbox", ",".join((west, south, east, north))))
    return pairs
