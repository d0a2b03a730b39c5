"""Search history and saved searches of the personal space: ``/account/history``,
``/account/searches`` (with "what's new since my last visit"). Searches of ``/search`` made
while signed in are kept by :func:`remember_search`, an after-request hook of the app.
"""

from __future__ import annotations

from urllib.parse import parse_qs, parse_qsl

from flask import Blueprint, Flask, Response, g, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from sparql_api.accounts import history as core
from sparql_api.accounts.collections import NotFound
from sparql_api.accounts.users import AccountError
from sparql_api.accounts.web_session import (
    SESSION_COOKIE,
    AccountPageError,
    SignInRequired,
    check_csrf,
    current_user_id,
    finish_page,
    get_db,
    page_context,
    render_error,
    require_user,
    to_signin,
)
from sparql_api.linked_data.dereference import local_path
from sparql_api.portal.routes import page_lang
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp", "init_history", "remember_search", "NEW_WINDOW"]

bp = Blueprint("history", __name__)

#: hits of a saved search looked at for "what's new" (the newest first)
NEW_WINDOW = 100
SEARCH_ENDPOINT = "pages.search"


def init_history(app: Flask) -> None:
    """Register the blueprint and the hook keeping the searches of signed-in users."""
    app.register_blueprint(bp)
    app.after_request(remember_search)


def remember_search(response: Response) -> Response:
    """After a ``/search`` page answered 200 to a signed-in user: keep it in their history."""
    if (
        request.endpoint == SEARCH_ENDPOINT
        and response.status_code == 200
        and SESSION_COOKIE in request.cookies
    ):
        uid = current_user_id()
        query = core.query_string(request.args.to_dict(flat=False))
        if uid is not None:
            core.remember(get_db(), uid, query)
    return response


@bp.before_request
def _before() -> None:
    g.page_lang = page_lang()
    if request.method == "POST":
        check_csrf()


@bp.after_request
def _after(response: Response) -> Response:
    return finish_page(response)


bp.context_processor(page_context)
bp.errorhandler(AccountPageError)(render_error)
bp.errorhandler(ApiError)(render_error)  # e.g. an unknown ?lang=, refused before the view
bp.errorhandler(SignInRequired)(to_signin)


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound):
    return render_error(AccountPageError(404, WEB.mark("search_not_found")))


@bp.errorhandler(AccountError)
def _refused(exc: AccountError):
    return render_error(AccountPageError(400, exc.key))


def _label(query: str) -> dict:
    pairs = parse_qsl(query)
    return {"q": next((v for k, v in pairs if k == "q"), ""), "filters": len(pairs)}


@bp.get("/account/history")
def history_page():
    """The user's searches, newest first, each with a "save" form."""
    entries = core.history(get_db(), require_user())
    for entry in entries:
        entry.update(_label(entry["query"]))
    return render_template("account_history.html", entries=entries)


@bp.post("/account/history/clear")
def clear():
    """Forget the user's searches."""
    core.clear_history(get_db(), require_user())
    return redirect(url_for("history.history_page"), 303)


def _fresh(query: str, seen) -> list[dict] | None:
    """The hits of ``query`` (the newest :data:`NEW_WINDOW`) loaded since ``seen``."""
    args = MultiDict(parse_qsl(query))
    args.setlist("size", [str(NEW_WINDOW)])
    args.setlist("sort", ["date"])
    args.setlist("page", ["1"])
    from sparql_api.search.routes import search_page

    try:
        result = search_page(args, g.page_lang)
    except ApiError:
        return None
    backend = get_catalogue()
    loaded = core.loaded_since(backend.store, [h["iri"] for h in result["hits"]], seen)
    return [
        {**h, "loaded": loaded[h["iri"]], "href": local_path(h["iri"], backend.settings.base_iri)}
        for h in result["hits"]
        if h["iri"] in loaded
    ]


@bp.get("/account/searches")
def searches():
    """Saved searches, each with how many of its resources are new since the last visit."""
    uid = require_user()
    rows = []
    for found in core.saved_searches(get_db(), uid):
        fresh = _fresh(found.query, found.seen)
        rows.append({"search": found, "new": None if fresh is None else len(fresh)})
    return render_template("account_searches.html", rows=rows)


@bp.post("/account/searches")
def save():
    """Save a search (``name``, ``query``: the search's query string)."""
    form = request.form
    query = core.query_string(parse_qs(form.get("query", "").lstrip("?")))
    core.save_search(get_db(), require_user(), form.get("name", ""), query)
    return redirect(url_for("history.searches"), 303)


@bp.get("/account/searches/<int:sid>")
def saved(sid: int):
    """A saved search: what is new since the last visit (then this visit counts as seen)."""
    uid = require_user()
    found = core.get_saved(get_db(), uid, sid)
    fresh = _fresh(found.query, found.seen)
    core.mark_seen(get_db(), uid, sid)
    return render_template("account_search.html", search=found, fresh=fresh)


@bp.post("/account/searches/<int:sid>/delete")
def delete(sid: int):
    """Delete a saved search."""
    core.delete_saved(get_db(), require_user(), sid)
    return redirect(url_for("history.searches"), 303)
