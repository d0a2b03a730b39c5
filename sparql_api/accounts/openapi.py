"""The personal space's part of the OpenAPI description: account, history, tokens, collections
(HTML forms POSTed with a ``csrf_token`` field) and the collections API."""

from __future__ import annotations

from sparql_api.web.openapi_parts import LANG, msg, param

__all__ = ["OPERATIONS"]

CID = param("cid", "path", "param.cid", schema={"type": "integer"})

SID = param("sid", "path", "param.sid", schema={"type": "integer"})

TID = param("tid", "path", "param.tid", schema={"type": "integer"})

TOKEN = param("token", "path", "param.token")

EXPORT = param(
    "name",
    "path",
    "param.export",
    schema={"type": "string", "enum": ["ttl", "jsonld", "bib", "ris", "urls"]},
)

#: a form of the personal space: fields of its own, and always the session's CSRF token (403
#: when it is missing or not this session's, before anything else is looked at)
FORM = {
    "application/x-www-form-urlencoded": {
        "type": "object",
        "properties": {"csrf_token": {"type": "string"}},
        "required": ["csrf_token"],
    }
}

HTML = {"200": "text/html"}

#: a page for signed-in visitors: anonymous ones are sent to the sign-in page (303)
PRIVATE = {"200": "text/html", "303": "text/html"}

SEE_OTHER = {"303": "text/html", "400": "text/html"}

OWNED = {"303": "text/html", "400": "text/html", "404": "text/html"}

#: a collection's exports, one media type per format (``EXPORT``)
EXPORTS = {
    "200": (
        "text/turtle",
        "application/ld+json",
        "application/x-bibtex",
        "application/x-research-info-systems",
        "text/plain",
    ),
    "404": "text/html",
}

JSON = "application/json"

BEARER = param("Authorization", "header", "param.bearer")


def _api(summary: str, responses: dict, *params, body: bool = False) -> dict:
    """An operation of the collections API: bearer token, 401/403 when missing or short."""
    op = {
        "summary": summary,
        "parameters": [*params, BEARER, LANG],
        "responses": {"400": JSON, **responses, "401": JSON, "403": JSON},
    }
    if body:
        op["body"] = ("application/json",)
    return op


def _op(summary: str, responses: dict, *params, body: bool = False) -> dict:
    """An operation of the personal space's pages (forms POSTed form-encoded, CSRF-checked)."""
    op = {"summary": summary, "parameters": [*params, LANG], "responses": responses}
    if body:
        op["body"] = FORM
        op["responses"] = {**responses, "403": "text/html"}
    return op


OPERATIONS: dict[tuple[str, str], dict] = {
    ("/account", "get"): _op(msg("op.get_account"), {**HTML, "302": "text/html"}),
    ("/account/signup", "get"): _op(msg("op.get_account_signup"), HTML),
    ("/account/signup", "post"): _op(
        msg("op.post_account_signup"),
        {"200": "text/html", "400": "text/html", "429": "text/html"},
        body=True,
    ),
    ("/account/signup/{token}", "get"): _op(
        msg("op.get_account_signup_token"),
        {"303": "text/html", "400": "text/html", "404": "text/html"},
        TOKEN,
    ),
    ("/account/signin", "get"): _op(msg("op.get_account_signin"), HTML),
    ("/account/signin", "post"): _op(
        msg("op.post_account_signin"),
        {"303": "text/html", "401": "text/html", "429": "text/html"},
        body=True,
    ),
    ("/account/signout", "post"): _op(msg("op.post_account_signout"), SEE_OTHER, body=True),
    ("/account/signout-everywhere", "post"): _op(
        msg("op.post_account_signout-everywhere"), SEE_OTHER, body=True
    ),
    ("/account/reset", "get"): _op(msg("op.get_account_reset"), HTML),
    ("/account/reset", "post"): _op(msg("op.post_account_reset"), HTML, body=True),
    ("/account/reset/{token}", "get"): _op(msg("op.get_account_reset_token"), HTML, TOKEN),
    ("/account/reset/{token}", "post"): _op(
        msg("op.post_account_reset_token"),
        {"200": "text/html", "400": "text/html"},
        TOKEN,
        body=True,
    ),
    ("/account/history", "get"): _op(msg("op.get_account_history"), PRIVATE),
    ("/account/history/clear", "post"): _op(
        msg("op.post_account_history_clear"), SEE_OTHER, body=True
    ),
    ("/account/searches", "get"): _op(msg("op.get_account_searches"), PRIVATE),
    ("/account/searches", "post"): _op(msg("op.post_account_searches"), SEE_OTHER, body=True),
    ("/account/searches/{sid}", "get"): _op(
        msg("op.get_account_searches_sid"), {**PRIVATE, "404": "text/html"}, SID
    ),
    ("/account/searches/{sid}/delete", "post"): _op(
        msg("op.post_account_searches_sid_delete"), OWNED, SID, body=True
    ),
    ("/account/tokens", "get"): _op(msg("op.get_account_tokens"), PRIVATE),
    ("/account/tokens", "post"): _op(
        msg("op.post_account_tokens"), {"200": "text/html", "400": "text/html"}, body=True
    ),
    ("/account/tokens/{tid}/revoke", "post"): _op(
        msg("op.post_account_tokens_tid_revoke"), OWNED, TID, body=True
    ),
    ("/api/collections", "get"): _api(msg("op.get_api_collections"), {"200": JSON}),
    ("/api/collections", "post"): _api(
        msg("op.post_api_collections"), {"201": JSON, "400": JSON}, body=True
    ),
    ("/api/collections/{cid}", "get"): _api(
        msg("op.get_api_collections_cid"), {"200": JSON, "404": JSON}, CID
    ),
    ("/api/collections/{cid}", "delete"): _api(
        msg("op.delete_api_collections_cid"), {"204": JSON, "404": JSON}, CID
    ),
    ("/api/collections/{cid}/items", "post"): _api(
        msg("op.post_api_collections_cid_items"),
        {"200": JSON, "400": JSON, "404": JSON},
        CID,
        body=True,
    ),
    ("/api/collections/{cid}/items", "delete"): _api(
        msg("op.delete_api_collections_cid_items"),
        {"200": JSON, "404": JSON},
        CID,
        param("iri", "query", "param.delete_api_collections_cid_items.iri"),
    ),
    ("/api/collections/{cid}/export/{name}", "get"): _api(
        msg("op.get_api_collections_cid_export_name"), {**EXPORTS, "401": JSON}, CID, EXPORT
    ),
    ("/account/oidc/login", "get"): _op(
        msg("op.get_account_oidc_login"),
        {"302": "text/html", "404": "text/html", "502": "text/html"},
        param("next", "query", "param.get_account_oidc_login.next"),
    ),
    ("/account/oidc/callback", "get"): _op(
        msg("op.get_account_oidc_callback"),
        {"303": "text/html", "400": "text/html", "404": "text/html"},
    ),
    ("/collections", "get"): _op(msg("op.get_collections"), PRIVATE),
    ("/collections", "post"): _op(msg("op.post_collections"), SEE_OTHER, body=True),
    ("/collections/add", "post"): _op(msg("op.post_collections_add"), OWNED, body=True),
    ("/collections/{cid}", "get"): _op(
        msg("op.get_collections_cid"), {**PRIVATE, "404": "text/html"}, CID
    ),
    ("/collections/{cid}", "post"): _op(msg("op.post_collections_cid"), OWNED, CID, body=True),
    ("/collections/{cid}/delete", "post"): _op(
        msg("op.post_collections_cid_delete"), OWNED, CID, body=True
    ),
    ("/collections/{cid}/items", "post"): _op(
        msg("op.post_collections_cid_items"), OWNED, CID, body=True
    ),
    ("/collections/{cid}/items/remove", "post"): _op(
        msg("op.post_collections_cid_items_remove"), OWNED, CID, body=True
    ),
    ("/collections/{cid}/share", "post"): _op(
        msg("op.post_collections_cid_share"), OWNED, CID, body=True
    ),
    ("/collections/{cid}/unshare", "post"): _op(
        msg("op.post_collections_cid_unshare"), OWNED, CID, body=True
    ),
    ("/collections/{cid}/export/{name}", "get"): _op(
        msg("op.get_collections_cid_export_name"), {**EXPORTS, "303": "text/html"}, CID, EXPORT
    ),
    ("/shared/{token}", "get"): _op(
        msg("op.get_shared_token"), {**HTML, "404": "text/html"}, TOKEN
    ),
    ("/shared/{token}/export/{name}", "get"): _op(
        msg("op.get_shared_token_export_name"), EXPORTS, TOKEN, EXPORT
    ),
}
