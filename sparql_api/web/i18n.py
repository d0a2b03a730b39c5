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
    "pick_lang",
    "pick_label",
]

#: the messages of the pages and of the API
WEB = Domain("web", Path(__file__).resolve().parents[1] / "locale")


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
