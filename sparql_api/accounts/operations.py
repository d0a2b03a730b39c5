"""The routes of the personal space for :data:`sparql_api.web.openapi.OPERATIONS` (same shape:
bilingual summaries, parameters, responses). Forms are POSTed with a ``csrf_token`` field."""

from __future__ import annotations

__all__ = ["ACCOUNT_OPERATIONS"]


def _param(name, where, en, fr, *, schema=None):
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": {"en": en, "fr": fr},
        "schema": schema or {"type": "string"},
    }


LANG = _param(
    "lang",
    "query",
    "Language of labels and messages (default: Accept-Language).",
    "Langue des libellés et des messages (par défaut : Accept-Language).",
    schema={"type": "string", "enum": ["en", "fr"]},
)
CID = _param(
    "cid",
    "path",
    "Number of one of your collections.",
    "Numéro d'une de vos collections.",
    schema={"type": "integer"},
)
SID = _param(
    "sid",
    "path",
    "Number of one of your saved searches.",
    "Numéro d'une de vos recherches enregistrées.",
    schema={"type": "integer"},
)
TID = _param(
    "tid",
    "path",
    "Number of one of your API tokens.",
    "Numéro d'un de vos jetons d'API.",
    schema={"type": "integer"},
)
TOKEN = _param("token", "path", "Secret token of a link.", "Jeton secret d'un lien.")
EXPORT = _param(
    "name",
    "path",
    "Export: ttl, jsonld (DCAT-AP catalogue), bib (BibTeX), ris (RIS), urls (access URLs).",
    "Export : ttl, jsonld (catalogue DCAT-AP), bib (BibTeX), ris (RIS), urls (URL d'accès).",
    schema={"type": "string", "enum": ["ttl", "jsonld", "bib", "ris", "urls"]},
)
FORM = ("application/x-www-form-urlencoded",)
HTML = {"200": "text/html"}
SEE_OTHER = {"303": "text/html", "400": "text/html"}
OWNED = {"303": "text/html", "400": "text/html", "404": "text/html"}
EXPORTS = {
    "200": "text/turtle",
    "404": "text/html",
}


JSON = "application/json"
BEARER = _param(
    "Authorization",
    "header",
    "Bearer gkg_… (an API token of /account/tokens).",
    "Bearer gkg_… (un jeton d'API de /account/tokens).",
)


def _api(en: str, fr: str, responses: dict, *params, body: bool = False) -> dict:
    """An operation of the collections API: bearer token, 401/403 when missing or short."""
    op = {
        "summary": (en, fr),
        "parameters": [*params, BEARER, LANG],
        "responses": {**responses, "401": JSON, "403": JSON},
    }
    if body:
        op["body"] = ("application/json",)
    return op


def _op(en: str, fr: str, responses: dict, *params, body: bool = False) -> dict:
    op = {"summary": (en, fr), "parameters": [*params, LANG], "responses": responses}
    if body:
        op["body"] = FORM
    return op


ACCOUNT_OPERATIONS: dict[tuple[str, str], dict] = {
    ("/account", "get"): _op("Your account (signed in)", "Votre compte (connecté)", HTML),
    ("/account/signup", "get"): _op("Sign-up form", "Formulaire de création de compte", HTML),
    ("/account/signup", "post"): _op(
        "Ask for a local account (email, password): a confirmation link is mailed; the same "
        "answer whether the address has an account (rate limited: 429 with Retry-After)",
        "Demander un compte local (adresse, mot de passe) : un lien de confirmation est "
        "envoyé ; la même réponse que l'adresse ait un compte ou non (limité : 429)",
        {"200": "text/html", "400": "text/html", "429": "text/html"},
        body=True,
    ),
    ("/account/signup/{token}", "get"): _op(
        "Confirm a sign-up with the mailed link: the account is created and signed in",
        "Confirmer une création de compte par le lien reçu : le compte est créé et connecté",
        {"303": "text/html", "400": "text/html"},
        TOKEN,
    ),
    ("/account/signin", "get"): _op("Sign-in form", "Formulaire de connexion", HTML),
    ("/account/signin", "post"): _op(
        "Sign in (rate limited: 429 with Retry-After)",
        "Se connecter (limité : 429 avec Retry-After)",
        {"303": "text/html", "401": "text/html", "429": "text/html"},
        body=True,
    ),
    ("/account/signout", "post"): _op("Sign out", "Se déconnecter", SEE_OTHER, body=True),
    ("/account/signout-everywhere", "post"): _op(
        "Sign out on every device", "Se déconnecter sur tous les appareils", SEE_OTHER, body=True
    ),
    ("/account/reset", "get"): _op(
        "Password reset request form", "Demande de réinitialisation du mot de passe", HTML
    ),
    ("/account/reset", "post"): _op(
        "Ask for a password reset link", "Demander un lien de réinitialisation", HTML, body=True
    ),
    ("/account/reset/{token}", "get"): _op(
        "New password form", "Formulaire de nouveau mot de passe", HTML, TOKEN
    ),
    ("/account/reset/{token}", "post"): _op(
        "Set a new password with a reset token",
        "Choisir un nouveau mot de passe avec un jeton de réinitialisation",
        {"200": "text/html", "400": "text/html"},
        TOKEN,
        body=True,
    ),
    ("/account/history", "get"): _op("Your search history", "Votre historique de recherches", HTML),
    ("/account/history/clear", "post"): _op(
        "Clear your search history",
        "Effacer votre historique de recherches",
        SEE_OTHER,
        body=True,
    ),
    ("/account/searches", "get"): _op(
        "Your saved searches, with what is new since your last visit",
        "Vos recherches enregistrées, avec les nouveautés depuis votre dernière visite",
        HTML,
    ),
    ("/account/searches", "post"): _op(
        "Save a search (name, query)",
        "Enregistrer une recherche (nom, requête)",
        SEE_OTHER,
        body=True,
    ),
    ("/account/searches/{sid}", "get"): _op(
        "A saved search: what is new since your last visit",
        "Une recherche enregistrée : les nouveautés depuis votre dernière visite",
        {**HTML, "404": "text/html"},
        SID,
    ),
    ("/account/searches/{sid}/delete", "post"): _op(
        "Delete a saved search", "Supprimer une recherche enregistrée", OWNED, SID, body=True
    ),
    ("/account/tokens", "get"): _op("Your API tokens", "Vos jetons d'API", HTML),
    ("/account/tokens", "post"): _op(
        "Create an API token (name, scope: collections:read, collections:write); shown once",
        "Créer un jeton d'API (nom, portée : collections:read, collections:write) ; montré une "
        "fois",
        {"200": "text/html", "400": "text/html"},
        body=True,
    ),
    ("/account/tokens/{tid}/revoke", "post"): _op(
        "Revoke an API token", "Révoquer un jeton d'API", OWNED, TID, body=True
    ),
    ("/api/collections", "get"): _api(
        "Your collections (token scope collections:read)",
        "Vos collections (portée du jeton collections:read)",
        {"200": JSON},
    ),
    ("/api/collections", "post"): _api(
        "Create a collection from {title, description} (scope collections:write)",
        "Créer une collection depuis {title, description} (portée collections:write)",
        {"201": JSON, "400": JSON},
        body=True,
    ),
    ("/api/collections/{cid}", "get"): _api(
        "One collection with its resources' IRIs (scope collections:read)",
        "Une collection et les IRI de ses ressources (portée collections:read)",
        {"200": JSON, "404": JSON},
        CID,
    ),
    ("/api/collections/{cid}", "delete"): _api(
        "Delete a collection (scope collections:write)",
        "Supprimer une collection (portée collections:write)",
        {"204": JSON, "404": JSON},
        CID,
    ),
    ("/api/collections/{cid}/items", "post"): _api(
        "Add a resource {iri} (scope collections:write)",
        "Ajouter une ressource {iri} (portée collections:write)",
        {"200": JSON, "400": JSON, "404": JSON},
        CID,
        body=True,
    ),
    ("/api/collections/{cid}/items", "delete"): _api(
        "Remove the resource ?iri= (scope collections:write)",
        "Retirer la ressource ?iri= (portée collections:write)",
        {"200": JSON, "404": JSON},
        CID,
        _param("iri", "query", "IRI of the resource.", "IRI de la ressource."),
    ),
    ("/api/collections/{cid}/export/{name}", "get"): _api(
        "Export a collection (scope collections:read)",
        "Exporter une collection (portée collections:read)",
        {**EXPORTS, "401": JSON},
        CID,
        EXPORT,
    ),
    ("/account/oidc/login", "get"): _op(
        "Sign in through the configured OpenID Connect provider (404 without one)",
        "Se connecter par le fournisseur OpenID Connect configuré (404 sans fournisseur)",
        {"302": "text/html", "404": "text/html", "502": "text/html"},
        _param("next", "query", "Where to come back.", "Où revenir."),
    ),
    ("/account/oidc/callback", "get"): _op(
        "The OpenID provider's answer (authorization code); signs in",
        "La réponse du fournisseur OpenID (code d'autorisation) ; connecte",
        {"303": "text/html", "400": "text/html", "404": "text/html"},
    ),
    ("/collections", "get"): _op("Your collections", "Vos collections", HTML),
    ("/collections", "post"): _op(
        "Create a collection", "Créer une collection", SEE_OTHER, body=True
    ),
    ("/collections/add", "post"): _op(
        "Add a resource to one of your collections (or to a new one)",
        "Ajouter une ressource à une de vos collections (ou à une nouvelle)",
        OWNED,
        body=True,
    ),
    ("/collections/{cid}", "get"): _op(
        "One of your collections", "Une de vos collections", {**HTML, "404": "text/html"}, CID
    ),
    ("/collections/{cid}", "post"): _op(
        "Rename and describe a collection",
        "Renommer et décrire une collection",
        OWNED,
        CID,
        body=True,
    ),
    ("/collections/{cid}/delete", "post"): _op(
        "Delete a collection", "Supprimer une collection", OWNED, CID, body=True
    ),
    ("/collections/{cid}/items", "post"): _op(
        "Add a resource (iri) to a collection",
        "Ajouter une ressource (iri) à une collection",
        OWNED,
        CID,
        body=True,
    ),
    ("/collections/{cid}/items/remove", "post"): _op(
        "Remove a resource (iri) from a collection",
        "Retirer une ressource (iri) d'une collection",
        OWNED,
        CID,
        body=True,
    ),
    ("/collections/{cid}/share", "post"): _op(
        "Create or renew the secret share link (read-only)",
        "Créer ou renouveler le lien de partage secret (lecture seule)",
        OWNED,
        CID,
        body=True,
    ),
    ("/collections/{cid}/unshare", "post"): _op(
        "Revoke the share link", "Révoquer le lien de partage", OWNED, CID, body=True
    ),
    ("/collections/{cid}/export/{name}", "get"): _op(
        "Export a collection: DCAT-AP (Turtle, JSON-LD), BibTeX, RIS, access URLs",
        "Exporter une collection : DCAT-AP (Turtle, JSON-LD), BibTeX, RIS, URL d'accès",
        EXPORTS,
        CID,
        EXPORT,
    ),
    ("/shared/{token}", "get"): _op(
        "A shared collection (read-only, no sign-in)",
        "Une collection partagée (lecture seule, sans connexion)",
        {**HTML, "404": "text/html"},
        TOKEN,
    ),
    ("/shared/{token}/export/{name}", "get"): _op(
        "Export a shared collection", "Exporter une collection partagée", EXPORTS, TOKEN, EXPORT
    ),
}
