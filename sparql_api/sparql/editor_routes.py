"""``GET /editor``: the YASGUI query editor over ``/sparql`` (``?query=`` prefilled), fr/en."""

from __future__ import annotations

from flask import Blueprint, Response, g, render_template, request, url_for

from sparql_api.portal.routes import LANG_COOKIE, page_lang
from sparql_api.sparql.editor import blank_query, editor_prefixes, examples
from sparql_api.web.i18n import other_lang

__all__ = ["bp"]

bp = Blueprint("editor", __name__)

#: the longest ?query= prefilled (longer ones are cut off, not refused)
MAX_PREFILL = 20_000


@bp.get("/editor")
def editor() -> Response:
    """The query editor page."""
    lang = page_lang()
    g.page_lang = lang
    other = other_lang(lang)
    listed = examples(lang)
    query = request.args.get("query", "")[:MAX_PREFILL] or listed[0]["query"]
    config = {
        "endpoint": url_for("sparql.sparql", _external=True),
        "prefixes": editor_prefixes(),
        "blank": blank_query(),
        "query": query,
        "prefilled": bool(request.args.get("query")),
        "examples": listed,
    }
    html = render_template(
        "editor.html",
        lang=lang,
        other_lang=other,
        config=config,
        examples=listed,
    )
    response = Response(html, mimetype="text/html")
    response.headers["Content-Language"] = lang
    response.vary.update(("Accept-Language", "Cookie"))
    if request.args.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax")
    return response
