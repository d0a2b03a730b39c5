"""The messages of the web surface (pages and API), and the choice of language for a request.

Every text the HTTP layer shows a person is a message of the gettext domain :data:`WEB`
(``sparql_api/locale/<lang>/LC_MESSAGES/web.po``), looked up by its key: ``WEB.text(key, lang,
**params)`` in the code, ``WEB.plural(key, n, lang)`` for a count. Templates read the same
messages through the globals ``_("key", **params)`` and ``_n("key", n, **params)``, bound to
the page's language (its ``lang``, else ``g.page_lang``), and ``has_text(key)`` tells whether
a key built from data (``"kind_" ~ kind``) is a message.

>>> WEB.text("timeout", "fr", seconds=2)
'La requête a été arrêtée après la limite de temps de 2 s.'
>>> WEB.plural("datasets", 1, "fr"), WEB.plural("datasets", 0, "en")
('1 jeu de données', '0 datasets')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import pass_context
from jinja2.runtime import Context

from graph_loader.messages import LANGUAGES, Domain

if TYPE_CHECKING:
    from flask import Flask

__all__ = [
    "LANGUAGES",
    "WEB",
    "init_templates",
    "other_lang",
    "pick_lang",
    "pick_label",
]

#: the messages of the pages and of the API
WEB = Domain("web", Path(__file__).resolve().parents[1] / "locale")

#: the messages the templates look up by a key built from data, by family
DATA_MESSAGES = {
    # a resource's kind (``kind_`` ~ kind: resource pages, related resources, collection facets)
    "kinds": (
        WEB.mark("kind_agent"),
        WEB.mark("kind_catalog"),
        WEB.mark("kind_concept"),
        WEB.mark("kind_datacentre"),
        WEB.mark("kind_dataset"),
        WEB.mark("kind_distribution"),
        WEB.mark("kind_pole"),
        WEB.mark("kind_publication"),
        WEB.mark("kind_resource"),
        WEB.mark("kind_service"),
        WEB.mark("kind_software"),
        WEB.mark("kind_tutorial"),
    ),
    # a search hit's type (``type_`` ~ type)
    "types": (
        WEB.mark("type_agent"),
        WEB.mark("type_catalog"),
        WEB.mark("type_dataset"),
        WEB.mark("type_publication"),
        WEB.mark("type_service"),
        WEB.mark("type_software"),
        WEB.mark("type_tutorial"),
    ),
    # a search facet (``facet_`` ~ name) and a filter chip (``chip_`` ~ parameter)
    "facets": (
        WEB.mark("facet_centre"),
        WEB.mark("facet_format"),
        WEB.mark("facet_instrument"),
        WEB.mark("facet_licence"),
        WEB.mark("facet_platform"),
        WEB.mark("facet_pole"),
        WEB.mark("facet_taxon"),
        WEB.mark("facet_themes"),
        WEB.mark("facet_type"),
        WEB.mark("chip_bbox"),
        WEB.mark("chip_end"),
        WEB.mark("chip_place"),
        WEB.mark("chip_q"),
        WEB.mark("chip_start"),
        WEB.mark("chip_theme"),
        WEB.mark("chip_vmax"),
        WEB.mark("chip_vmin"),
    ),
    # a sort order (``sort_`` ~ value) and a side of the map's box (``bbox_`` ~ side)
    "sorts": (
        WEB.mark("sort_date"),
        WEB.mark("sort_relevance"),
        WEB.mark("sort_title"),
        WEB.mark("bbox_east"),
        WEB.mark("bbox_north"),
        WEB.mark("bbox_south"),
        WEB.mark("bbox_west"),
    ),
    # a SKOS mapping (the property's local name)
    "mappings": (
        WEB.mark("broadMatch"),
        WEB.mark("closeMatch"),
        WEB.mark("exactMatch"),
        WEB.mark("narrowMatch"),
        WEB.mark("relatedMatch"),
    ),
    # a language a label falls back to (``lang_`` ~ code)
    "languages": (
        WEB.mark("lang_en"),
        WEB.mark("lang_fr"),
    ),
    # a record's validation outcome (``outcome_`` ~ outcome)
    "outcomes": (
        WEB.mark("outcome_Conforms"),
        WEB.mark("outcome_ConformsWithWarnings"),
        WEB.mark("outcome_NotConformant"),
    ),
    # a machine format (``format_`` ~ name) and a collection's export (``col_export_`` ~ name)
    "formats": (
        WEB.mark("format_jsonld"),
        WEB.mark("format_linkset"),
        WEB.mark("format_nt"),
        WEB.mark("format_rdf"),
        WEB.mark("format_ttl"),
        WEB.mark("col_export_bib"),
        WEB.mark("col_export_jsonld"),
        WEB.mark("col_export_ris"),
        WEB.mark("col_export_ttl"),
        WEB.mark("col_export_urls"),
    ),
}


def other_lang(lang: str) -> str:
    """The language a page offers to switch to.

    >>> other_lang("fr"), other_lang("en")
    ('en', 'fr')
    """
    return next(other for other in LANGUAGES if other != lang)


def pick_lang(arg: str | None, accept_language: object | None = None) -> str:
    """``?lang=`` if it names a known language, else the best of ``Accept-Language``, else en.

    ``accept_language`` is a werkzeug ``LanguageAccept`` (``request.accept_languages``).
    """
    if arg in LANGUAGES:
        return arg
    if accept_language:
        best = accept_language.best_match(LANGUAGES)
        if best in LANGUAGES:
            return best
    return "en"


def pick_label(labels: Mapping[str, str | None], lang: str) -> str | None:
    """The label in ``lang``, falling back to the other language, then to an untagged one.

    >>> pick_label({"fr": "Océans", "en": None}, "en")
    'Océans'
    """
    for key in (lang, *LANGUAGES, ""):
        if labels.get(key):
            return labels[key]
    return None


def _page_lang(context: Context) -> str:
    """The language of the page being rendered: its ``lang``, else the request's."""
    from flask import g  # the messages themselves serve code without Flask (mail, assistant)

    return context.get("lang") or g.get("page_lang", "en")


@pass_context
def page_text(context: Context, key: str, **params: object) -> str:
    """The message ``key`` in the page's language (the template global ``_``)."""
    return WEB.text(key, _page_lang(context), **params)


@pass_context
def page_plural(context: Context, key: str, n: int, **params: object) -> str:
    """The plural message ``key`` for ``n`` in the page's language (the template global ``_n``)."""
    return WEB.plural(key, n, _page_lang(context), **params)


@pass_context
def has_text(context: Context, key: str) -> bool:
    """Whether ``key`` (built from data, e.g. ``"kind_" ~ kind``) names a message."""
    return key in WEB.keys(_page_lang(context))


def init_templates(app: Flask) -> None:
    """Give every template ``_``, ``_n`` and ``has_text``, bound to the page's language."""
    app.add_template_global(page_text, "_")
    app.add_template_global(page_plural, "_n")
    app.add_template_global(has_text)
