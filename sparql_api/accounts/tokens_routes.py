"""API tokens and the collections API: ``/account/tokens`` (create with scopes, revoke) and
``/api/collections`` (JSON, ``Authorization: Bearer gkg_…``; no cookie, no CSRF token).

Scopes: ``collections:read`` for GET, ``collections:write`` for the rest. A missing or
unknown token answers 401 with ``WWW-Authenticate: Bearer``, a token without the scope 403,
another user's collection 404. Errors are ``{status, error, message, lang}`` in fr/en.
"""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, redirect, render_template, request, url_for

from sparql_api.accounts import collections as core
from sparql_api.accounts import tokens
from sparql_api.accounts.collections import NotFound
from sparql_api.accounts.collections_routes import export_response
from sparql_api.accounts.users import AccountError, get_user
from sparql_api.accounts.web_session import (
    AccountPageError,
    SignInRequired,
    check_csrf,
    finish_page,
    get_db,
    page_context,
    render_error,
    require_user,
    to_signin,
)
from sparql_api.portal.routes import page_lang
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp", "is_admin_token"]

bp = Blueprint("tokens", __name__)
READ, WRITE = "collections:read", "collections:write"


class ApiRefusal(Exception):
    """A JSON error answer of the collections API."""

    def __init__(self, status: int, key: str, **params: object):
        super().__init__(key)
        self.status, self.key, self.params = status, key, params


def _is_api() -> bool:
    return request.path.startswith("/api/")


@bp.before_request
def _before() -> None:
    g.page_lang = request_lang() if _is_api() else page_lang()
    if request.method == "POST" and not _is_api():
        check_csrf()


@bp.after_request
def _after(response: Response) -> Response:
    response.vary.add("Authorization")
    return finish_page(response)


bp.context_processor(page_context)
bp.errorhandler(SignInRequired)(to_signin)


def _json_error(status: int, key: str, **params: object) -> Response:
    lang = g.get("page_lang", "en")
    response = jsonify(
        {"status": status, "error": key, "message": WEB.text(key, lang, **params)} | {"lang": lang}
    )
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="gaia-kg", error="invalid_token"'
    return response


@bp.errorhandler(ApiRefusal)
def _refusal(exc: ApiRefusal):
    return _json_error(exc.status, exc.key, **exc.params)


@bp.errorhandler(ApiError)  # e.g. an unknown ?lang=, refused before the view
@bp.errorhandler(AccountPageError)
def _page_error(exc: AccountPageError | ApiError):
    return _json_error(exc.status, exc.key, **exc.params) if _is_api() else render_error(exc)


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound):
    is_token = exc.args and exc.args[0] == "token"
    key = WEB.mark("token_not_found") if is_token else WEB.mark("collection_not_found")
    return _page_error(AccountPageError(404, key))


@bp.errorhandler(AccountError)
def _refused(exc: AccountError):
    return _page_error(AccountPageError(400, exc.key))


# -- token management (HTML, signed in) --


def _tokens_page(created: str | None = None, status: int = 200):
    uid = require_user()
    rows = tokens.list_tokens(get_db(), uid)
    page = render_template(
        "account_tokens.html", rows=rows, created=created, may_admin=_is_admin(uid)
    )
    return page, status


@bp.get("/account/tokens")
def tokens_page():
    """The user's API tokens and a form to create one."""
    return _tokens_page()


@bp.post("/account/tokens")
def create_token():
    """Create a token (``name``, ``scope`` repeated); it is shown once, on this answer."""
    uid = require_user()
    token, _ = tokens.create_token(
        get_db(),
        uid,
        request.form.get("name", ""),
        request.form.getlist("scope"),
        may_admin=_is_admin(uid),
    )
    return _tokens_page(created=token)


def _is_admin(uid: int | None) -> bool:
    user = get_user(get_db(), uid)
    return user is not None and user.email in get_catalogue().settings.admin_users


def is_admin_token(token: str) -> bool:
    """Whether ``token`` is a user's API token with the ``admin`` scope whose owner is still
    an administrator (``Settings.admin_users``): what :func:`sparql_api.core.roles.role_for` can
    accept beside ``Settings.admin_tokens``. Needs an app context."""
    return _is_admin(tokens.check_token(get_db(), token, "admin"))


@bp.post("/account/tokens/<int:tid>/revoke")
def revoke_token(tid: int):
    """Revoke a token."""
    tokens.revoke_token(get_db(), require_user(), tid)
    return redirect(url_for("tokens.tokens_page"), 303)


# -- the collections API (JSON, bearer token) --


def _bearer(scope: str) -> int:
    header = request.headers.get("Authorization", "")
    kind, _, token = header.partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        raise ApiRefusal(401, WEB.mark("token_missing"))
    uid = tokens.check_token(get_db(), token.strip(), scope)
    if uid is None:
        other = READ if scope == WRITE else WRITE
        if tokens.check_token(get_db(), token.strip(), other) is not None:
            raise ApiRefusal(403, WEB.mark("token_scope"), scope=scope)
        raise ApiRefusal(401, WEB.mark("token_missing"))
    return uid


def _body(*fields: str) -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not all(isinstance(body.get(f, ""), str) for f in fields):
        raise ApiRefusal(400, WEB.mark("body_invalid"), fields=", ".join(fields))
    return body


def _collection_json(found) -> dict:
    return {
        "id": found.id,
        "title": found.title,
        "description": found.description,
        "items": [item.iri for item in found.items],
        "shared": found.share_token is not None,
        "links": {
            "html": url_for("collections.show", cid=found.id),
            "exports": {
                name: url_for("tokens.api_export", cid=found.id, name=name)
                for name in ("ttl", "jsonld", "bib", "ris", "urls")
            },
        },
    }


@bp.get("/api/collections")
def api_list():
    """The token owner's collections: ``[{id, title, description, count, shared}]``."""
    return jsonify(core.list_collections(get_db(), _bearer(READ)))


@bp.post("/api/collections")
def api_create():
    """Create a collection from ``{title, description?}``; 201 with the collection."""
    uid, body = _bearer(WRITE), _body("title", "description")
    found = core.create_collection(
        get_db(), uid, body.get("title", ""), body.get("description", "")
    )
    response = jsonify(_collection_json(found))
    response.status_code = 201
    response.headers["Location"] = url_for("tokens.api_get", cid=found.id)
    return response


@bp.get("/api/collections/<int:cid>")
def api_get(cid: int):
    """One collection with the IRIs of its resources."""
    return jsonify(_collection_json(core.get_collection(get_db(), _bearer(READ), cid)))


@bp.delete("/api/collections/<int:cid>")
def api_delete(cid: int):
    """Delete a collection; 204."""
    core.delete_collection(get_db(), _bearer(WRITE), cid)
    return Response(status=204)


@bp.post("/api/collections/<int:cid>/items")
def api_add(cid: int):
    """Add a resource ``{iri}``; the collection."""
    uid, body = _bearer(WRITE), _body("iri")
    return jsonify(_collection_json(core.add_item(get_db(), uid, cid, body.get("iri", ""))))


@bp.delete("/api/collections/<int:cid>/items")
def api_remove(cid: int):
    """Remove the resource ``?iri=``; the collection."""
    uid = _bearer(WRITE)
    return jsonify(_collection_json(core.remove_item(get_db(), uid, cid, request.args.get("iri"))))


@bp.get("/api/collections/<int:cid>/export/<name>")
def api_export(cid: int, name: str):
    """A collection's export (as ``/collections/<id>/export/<name>``)."""
    found = core.get_collection(get_db(), _bearer(READ), cid)
    return export_response(found, name, url_for("collections.show", cid=cid, _external=True))
