"""HTML pages: ``/`` (compartments), ``/compartments/<slug>``, ``/concepts/<slug>``, in fr/en.

The language is ``?lang=`` (then remembered in the ``lang`` cookie), else the cookie, else
Accept-Language. Errors raised by these views answer as HTML pages in that language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from sparql_api.portal.dataset_page import notebook_link
from sparql_api.portal.discovery import (
    RECENT_SEARCH,
    bbox_from_sides,
    highlight,
    home_extras,
    map_config,
    search_page,
)
from sparql_api.portal.knowledge import about_concept, listing
from sparql_api.portal.pages import compartment_page, concept_page, home_page
from sparql_api.portal.previews import page_sources
from sparql_api.search.concepts import concept_iri
from sparql_api.search.forms import LAT, LON
from sparql_api.search.params import SearchParams
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.error_pages import LANG_COOKIE, error_page, page_lang
from sparql_api.web.headers import allow_sources
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import LANGUAGES, WEB, other_lang
from sparql_api.web.limits import MAX_PATH

__all__ = [
    "bp",
    "LANG_COOKIE",
    "page_lang",
    "PageNotFound",
    "bilingual",
    "interface",
    "remember_lang",
]

bp = Blueprint("pages", __name__)

COOKIE_SECONDS = 365 * 24 * 3600


class PageNotFound(Exception):
    """No compartment or concept for the slug asked."""

    def __init__(self, slug: str):
        super().__init__(slug)
        self.slug = slug


def _resource_href(iri: str) -> str:
    base = get_catalogue().settings.base_iri + "id/"
    if iri.startswith(base):
        return url_for("resources.resource", rid=iri.removeprefix(base))
    return url_for("resources.resource") + "?iri=" + quote(iri, safe="")


def remember_lang(response: Response) -> Response:
    """Say the page's language, and remember an explicit ``?lang=`` in the cookie."""
    lang = g.get("page_lang", "en")
    response.headers["Content-Language"] = lang
    response.vary.update(("Accept-Language", "Cookie"))
    if request.args.get("lang") in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=COOKIE_SECONDS, samesite="Lax", httponly=True
        )
    return response


def interface() -> dict:
    """What every page template gets: its language and the other one (the messages are the
    globals ``_`` and ``_n`` of :mod:`sparql_api.web.i18n`)."""
    lang = g.get("page_lang", "en")
    return {"lang": lang, "other_lang": other_lang(lang)}


def bilingual(blueprint: Blueprint, is_page: Callable[[], bool] | None = None) -> None:
    """Give ``blueprint`` the pages' language: chosen per request (:func:`page_lang` for its
    pages, :func:`~sparql_api.web.http_errors.request_lang` for its API routes when ``is_page``
    tells them apart), remembered in the cookie, and the templates' :func:`interface`."""

    def choose() -> None:
        g.page_lang = page_lang() if is_page is None or is_page() else request_lang()

    def after(response: Response) -> Response:
        return remember_lang(response) if is_page is None or is_page() else response

    blueprint.before_request(choose)
    blueprint.after_request(after)
    blueprint.context_processor(interface)


bilingual(bp)


@bp.app_template_global()
def page_url(lang: str) -> str:
    """The current page (with its query, so a search stays the same search) in ``lang``;
    the home page for a path longer than any page's (an error page does not echo it)."""
    if len(request.path) > MAX_PATH:
        return "/?" + urlencode([("lang", lang)])
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return request.path + "?" + urlencode([*pairs, ("lang", lang)])


def _page(template: str, status: int = 200, **context) -> tuple[str, int]:
    return render_template(template, **context), status


@bp.get("/")
def home():
    """The compartments as tiles."""
    from sparql_api.search.routes import search_page as search_result

    lang = g.page_lang
    result = search_result(MultiDict(RECENT_SEARCH), lang)
    extras = home_extras(result)
    # an index not built yet (a store loaded before the index existed): count in the store
    counts = extras["counts"] if result["total"] else None
    catalogue = get_catalogue()
    page = home_page(catalogue.store, catalogue.concepts(), lang, counts)
    page["recent"] = extras["recent"]
    return _page("home.html", page=page)


@bp.get("/compartments/<slug>")
def compartment(slug: str):
    """A compartment: introduction, sub-domains and variables, data centres."""
    catalogue = get_catalogue()
    index = catalogue.concepts()
    page = compartment_page(catalogue.store, index, slug, g.page_lang)
    if page is None:
        concept = index.concepts.get(concept_iri(slug))
        if concept is not None and concept.in_thesaurus:  # a sub-domain or a variable
            return redirect(url_for("pages.concept", slug=slug))
        raise PageNotFound(slug)
    page["knowledge"] = _knowledge(slug)
    return _page("compartment.html", page=page)


@bp.get("/concepts/<slug>")
def concept(slug: str):
    """A concept of the GAIA thesaurus: hierarchy, labels, definition, mappings, datasets."""
    catalogue = get_catalogue()
    page = concept_page(catalogue.store, catalogue.concepts(), slug, g.page_lang)
    if page is None:
        raise PageNotFound(slug)
    for dataset in page["datasets"]:
        dataset["href"] = _resource_href(dataset["iri"])
    page["knowledge"] = _knowledge(slug)
    return _page("concept.html", page=page)


def _knowledge(slug: str) -> list[dict]:
    """The tutorials and tools about the concept ``slug`` (:mod:`sparql_api.portal.knowledge`)."""
    from sparql_api.search.engine import list_hits

    index = get_catalogue().index()

    def search(args: MultiDict, lang: str) -> dict:
        return list_hits(index, SearchParams.from_args(args), lang)

    return about_concept(search, slug, g.page_lang, _resource_href)


def _check_sides() -> None:
    """Refuse (400) a side of the area form that is neither blank nor a number of degrees."""
    for side, form in (("west", LON), ("south", LAT), ("east", LON), ("north", LAT)):
        for value in request.args.getlist(side):
            if value.strip() and not re.fullmatch(form, value.strip()):
                raise ApiError(400, WEB.mark("search_bad_bbox"), value=value)


@bp.get("/search")
def search():
    """Search results: hits, facet tree and flat facets, chips, sort, paging, a map."""
    from sparql_api.search.routes import search_page as search_result

    canonical = bbox_from_sides(request.args.to_dict(flat=False))
    if canonical is not None:  # the area form without JavaScript: one bbox= in the URL
        _check_sides()  # checked first, as given and as redirected to: 400, not a redirect
        SearchParams.from_args(request.args)
        SearchParams.from_args(MultiDict(canonical))
        return redirect(url_for("pages.search") + "?" + urlencode(canonical), 303)
    result = search_result(request.args, g.page_lang)
    page = search_page(result, request.args.to_dict(flat=False), g.page_lang)
    page["listing"] = listing(request.args)
    pictures = [h["thumbnail"] for h in page["hits"] if h.get("thumbnail")]
    allow_sources(img=page_sources([], pictures)["img"])  # the hits' pictures, from their sites
    return _page("search.html", page=page, map_settings=map_settings())


@bp.app_template_global()
def map_settings() -> dict:
    """The map script's settings: the configured tiles, else the shipped Natural Earth outlines
    (1:110m, and 1:10m for a region)."""
    basemap = url_for("static", filename="vendor/world-atlas/countries-110m.json")
    detail = url_for("static", filename="vendor/world-atlas/countries-10m.json")
    return map_config(get_catalogue().settings.map_tiles, basemap, detail)


bp.add_app_template_filter(highlight, "highlight")


@bp.app_template_global()
def notebook_href(identifier: str, iri: str) -> str | None:
    """The "open in a notebook" link: the configured VRE/JupyterHub URL for a dataset, else None."""
    return notebook_link(get_catalogue().settings.notebook_url, identifier, iri)


@bp.errorhandler(PageNotFound)
def _not_found(exc: PageNotFound):
    return error_page(404, WEB.mark("not_found_text"), slug=exc.slug)


#: the parameter a refusal of the search names, by message key, when not in its ``name``
REFUSED = {"search_bad_bbox": "bbox", "search_q_too_long": "q"}


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    """The page of a refusal; on the results page, with the same search without the parameter
    at fault."""
    name = exc.params.get("name") or REFUSED.get(exc.key)
    fix = None
    if request.endpoint == "pages.search" and exc.status == 400 and name in request.args:
        pairs = [(k, v) for k, v in request.args.items(multi=True) if k != name]
        lang = g.get("page_lang", "en")
        label = WEB.text("search_without", lang, name=name)
        fix = (label, url_for("pages.search") + "?" + urlencode(pairs))
    response = error_page(exc.status, exc.key, fix=fix, **exc.params)
    response.headers.update(exc.headers)
    return response
