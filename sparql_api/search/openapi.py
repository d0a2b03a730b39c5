"""The search surface's part of the OpenAPI description: ``/api/search``,
concepts, autocompletion."""

from __future__ import annotations

from sparql_api.search import forms
from sparql_api.search.params import MAX_Q, MAX_RESULTS, MAX_SIZE, MAX_VALUES, SORTS, TYPES
from sparql_api.web.openapi_parts import IRI, LANG, NOT_SPACE, SPACE, TEXT, msg, param

__all__ = ["OPERATIONS", "SEARCH_PARAMETERS", "SLUG", "LON", "LAT"]

SLUG = param("slug", "path", "param.slug")

#: a value the search drops: empty, or only spaces
BLANK = {"type": "string", "pattern": rf"^{SPACE}*$"}
#: a value naming something by its http(s) IRI
WEB_IRI = {"type": "string", "format": "iri", "pattern": "^https?://"}


def _trimmed(pattern: str) -> dict:
    """A string of ``pattern`` (one of :mod:`sparql_api.search.forms`), spaces around allowed."""
    return {"type": "string", "pattern": rf"^{SPACE}*({pattern}){SPACE}*$"}


def _or_blank(schema: dict) -> dict:
    """``schema``, or blank (a blank value is dropped: as if the parameter were not given)."""
    return {"anyOf": [BLANK, schema]}


def _values(*forms: dict) -> dict:
    """A repeatable parameter whose values each take one of ``forms`` (or are blank)."""
    return {"type": "array", "maxItems": MAX_VALUES, "items": {"anyOf": [BLANK, *forms]}}


#: a side of the area form, in degrees
LON = {"anyOf": [BLANK, _trimmed(forms.LON)]}
LAT = {"anyOf": [BLANK, _trimmed(forms.LAT)]}
#: a box: its form is the pattern's, its south not above its north the format's (named:
#: JSON Schema compares no two parts of a text)
BOX = {**_trimmed(forms.BBOX), "format": "bbox"}
#: a date: year, year-month, ISO date or RFC 3339 date-time
DATE = {
    "anyOf": [
        BLANK,
        _trimmed(forms.YEAR_MONTH),
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date-time"},
    ]
}
#: words (at most MAX_Q characters once trimmed)
WORDS = {
    "type": "string",
    "pattern": rf"^{SPACE}*({NOT_SPACE}([\s\S]{{0,{MAX_Q - 2}}}{NOT_SPACE})?)?{SPACE}*$",
}
#: a facet value: a name in the facet's namespace, or an IRI
NAMED = _values(_trimmed(forms.LOCAL_NAME), WEB_IRI)
#: a facet value that must be an IRI (formats, licences, platforms, instruments, taxa)
IRI_ONLY = _values(WEB_IRI)
#: the facets named in a namespace; the others need IRIs (but ``type``, a kind)
_NAMED_FACETS = ("pole", "centre")

#: the parameters of ``/api/search`` (the portal's results page takes them too)
SEARCH_PARAMETERS = [
    param("q", "query", "param.get_api_search.q", schema=WORDS),
    param("theme", "query", "param.facet", schema=NAMED, fill={"name": "theme"}),
    *[
        param(name, "query", "param.facet", schema=NAMED, fill={"name": name})
        for name in _NAMED_FACETS
    ],
    param(
        "type",
        "query",
        "param.facet",
        schema=_values({"type": "string", "enum": list(TYPES)}),
        fill={"name": "type"},
    ),
    *[
        param(name, "query", "param.facet", schema=IRI_ONLY, fill={"name": name})
        for name in ("format", "licence")
    ],
    *[
        param(name, "query", "param.facet_iri", schema=IRI_ONLY, fill={"name": name})
        for name in ("platform", "instrument")
    ],
    param("taxon", "query", "param.get_api_search.taxon", schema=IRI_ONLY),
    param("bbox", "query", "param.get_api_search.bbox", schema=_or_blank(BOX)),
    param("place", "query", "param.get_api_search.place", schema=NAMED),
    param("start", "query", "param.get_api_search.start", schema=DATE),
    param("end", "query", "param.get_api_search.end", schema=DATE),
    param("vmin", "query", "param.get_api_search.vmin", schema=_or_blank({"type": "number"})),
    param("vmax", "query", "param.get_api_search.vmax", schema=_or_blank({"type": "number"})),
    param(
        "sort",
        "query",
        "param.get_api_search.sort",
        schema=_or_blank({"type": "string", "enum": list(SORTS)}),
    ),
    param(
        "page",
        "query",
        "param.get_api_search.page",
        schema=_or_blank({"type": "integer", "minimum": 1, "maximum": MAX_RESULTS}),
    ),
    param(
        "size",
        "query",
        "param.get_api_search.size",
        schema=_or_blank({"type": "integer", "minimum": 1, "maximum": MAX_SIZE}),
    ),
    LANG,
]

OPERATIONS: dict[tuple[str, str], dict] = {
    ("/api/concepts", "get"): {
        "summary": msg("op.get_api_concepts"),
        "parameters": [
            param("vocabulary", "query", "param.get_api_concepts.vocabulary"),
            IRI,
            param("tree", "query", "param.get_api_concepts.tree"),
            LANG,
        ],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts/{slug}", "get"): {
        "summary": msg("op.get_api_concepts_slug"),
        "parameters": [SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts/{slug}/tree", "get"): {
        "summary": msg("op.get_api_concepts_slug_tree"),
        "parameters": [SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/autocomplete", "get"): {
        "summary": msg("op.get_api_autocomplete"),
        "parameters": [
            param("q", "query", "param.get_api_autocomplete.q", required=True, schema=TEXT),
            param(
                "limit",
                "query",
                "param.get_api_autocomplete.limit",
                schema={"type": "integer", "minimum": 1, "maximum": 50},
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/api/search", "get"): {
        "summary": msg("op.get_api_search"),
        "parameters": SEARCH_PARAMETERS,
        "responses": {"200": "application/json", "400": "application/json"},
    },
}
