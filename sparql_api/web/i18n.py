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

from flask import Flask, g
from jinja2 import pass_context
from jinja2.runtime import Context

from graph_loader.messages import LANGUAGES, Domain

__all__ = [
    "LANGUAGES",
    "MESSAGES",
    "WEB",
    "init_templates",
    "message",
    "pick_lang",
    "pick_label",
]

#: the messages of the pages and of the API
WEB = Domain("web", Path(__file__).resolve().parents[1] / "locale")

#: every message the API shows a human, in English and French
MESSAGES: dict[str, dict[str, str]] = {
    "endpoint_description": {
        "en": "SPARQL 1.1 query endpoint of the GAIA Data knowledge graph (read-only). "
        "Send a query with GET ?query=, or POST as a form or as application/sparql-query. "
        "Writes (/sparql/update, /sparql/graph) need an API token.",
        "fr": "Point d'accès SPARQL 1.1 du graphe de connaissances GAIA Data (lecture seule). "
        "Envoyez une requête par GET ?query=, ou par POST en formulaire ou en "
        "application/sparql-query. Les écritures (/sparql/update, /sparql/graph) demandent "
        "un jeton d'API.",
    },
    "endpoint_limits": {
        "en": "Queries are stopped after {seconds} s; results are cut at {cap} rows "
        "(or triples), and a cut is stated in the X-GAIA-Truncated header.",
        "fr": "Les requêtes sont arrêtées après {seconds} s ; les résultats sont coupés à "
        "{cap} lignes (ou triplets), et une coupure est signalée par l'en-tête X-GAIA-Truncated.",
    },
    "editor_link": {
        "en": "Open the query editor",
        "fr": "Ouvrir l'éditeur de requêtes",
    },
    "bad_request": {
        "en": "Bad request.",
        "fr": "Requête invalide.",
    },
    "source_not_found": {
        "en": "No harvest source is declared under the name '{name}'.",
        "fr": "Aucune source de moissonnage n'est déclarée sous le nom « {name} ».",
    },
    "sources_unreadable": {
        "en": "The harvest sources file cannot be read: {reason}",
        "fr": "Le fichier des sources de moissonnage est illisible : {reason}",
    },
    "query_missing": {
        "en": "No query: send one in the 'query' parameter.",
        "fr": "Aucune requête : envoyez-la dans le paramètre « query ».",
    },
    "query_syntax": {
        "en": "SPARQL syntax error: {detail}",
        "fr": "Erreur de syntaxe SPARQL : {detail}",
    },
    "query_encoding": {
        "en": "The query must be UTF-8 text.",
        "fr": "La requête doit être du texte UTF-8.",
    },
    "read_only": {
        "en": "This endpoint is read-only: SPARQL Update is refused here; send updates "
        "to /sparql/update with an API token.",
        "fr": "Ce point d'accès est en lecture seule : SPARQL Update est refusé ici ; envoyez "
        "les mises à jour à /sparql/update avec un jeton d'API.",
    },
    "timeout": {
        "en": "The query was stopped after the time limit of {seconds} s.",
        "fr": "La requête a été arrêtée après la limite de temps de {seconds} s.",
    },
    "busy": {
        "en": "All query workers are busy; try again later.",
        "fr": "Tous les processus de requête sont occupés ; réessayez plus tard.",
    },
    "not_acceptable": {
        "en": "No acceptable format for a {kind} result; available: {available}.",
        "fr": "Aucun format acceptable pour un résultat {kind} ; disponibles : {available}.",
    },
    "unknown_format": {
        "en": "Unknown format '{value}'; known: {known}.",
        "fr": "Format « {value} » inconnu ; formats connus : {known}.",
    },
    "unsupported_media_type": {
        "en": "Unsupported content type '{value}'; use {expected}.",
        "fr": "Type de contenu « {value} » non pris en charge ; utilisez {expected}.",
    },
    "unauthorized": {
        "en": "Writing needs an API token: send 'Authorization: Bearer <token>'. "
        "Anonymous users may only read.",
        "fr": "L'écriture demande un jeton d'API : envoyez « Authorization: Bearer <jeton> ». "
        "Les utilisateurs anonymes peuvent seulement lire.",
    },
    "bad_token": {
        "en": "Unknown API token (send 'Authorization: Bearer <token>', or no header at all "
        "to read anonymously).",
        "fr": "Jeton d'API inconnu (envoyez « Authorization: Bearer <jeton> », ou aucun "
        "en-tête pour lire anonymement).",
    },
    "role_busy": {
        "en": "Too many queries at once for {role} users ({slots} at most); "
        "try again in {seconds} s.",
        "fr": "Trop de requêtes simultanées pour les utilisateurs {role} ({slots} au plus) ; "
        "réessayez dans {seconds} s.",
    },
    "update_missing": {
        "en": "No update: send one in the 'update' field or as application/sparql-update.",
        "fr": "Aucune mise à jour : envoyez-la dans le champ « update » ou en "
        "application/sparql-update.",
    },
    "update_syntax": {
        "en": "SPARQL Update error: {detail}",
        "fr": "Erreur de mise à jour SPARQL : {detail}",
    },
    "update_dataset_conflict": {
        "en": "using-graph-uri / using-named-graph-uri cannot be sent with an update that "
        "writes USING, USING NAMED or WITH.",
        "fr": "using-graph-uri / using-named-graph-uri ne peuvent pas accompagner une mise à "
        "jour qui écrit USING, USING NAMED ou WITH.",
    },
    "parameter_repeated": {
        "en": "The '{name}' parameter is given {count} times; send exactly one.",
        "fr": "Le paramètre « {name} » est donné {count} fois ; envoyez-en un seul.",
    },
    "store_busy": {
        "en": "The store cannot be written now (another process is writing); try again later.",
        "fr": "L'entrepôt ne peut pas être modifié maintenant (un autre processus y écrit) ; "
        "réessayez plus tard.",
    },
    "graph_target": {
        "en": "Name exactly one graph: ?graph=<IRI> or ?default.",
        "fr": "Désignez exactement un graphe : ?graph=<IRI> ou ?default.",
    },
    "graph_not_found": {
        "en": "No graph <{iri}> in the store.",
        "fr": "Aucun graphe <{iri}> dans l'entrepôt.",
    },
    "bad_rdf": {
        "en": "The body is not valid {media}: {detail}",
        "fr": "Le corps n'est pas du {media} valide : {detail}",
    },
    "bad_graph_iri": {
        "en": "Malformed graph IRI '{value}'.",
        "fr": "IRI de graphe mal formée « {value} ».",
    },
    "bad_iri": {
        "en": "Malformed IRI '{value}'.",
        "fr": "IRI mal formée « {value} ».",
    },
    "iri_missing": {
        "en": "Give a resource: /api/resources/<kind>/<id> or /api/resources?iri=<IRI>.",
        "fr": "Indiquez une ressource : /api/resources/<type>/<id> ou /api/resources?iri=<IRI>.",
    },
    "resource_not_found": {
        "en": "No resource <{iri}> in the knowledge graph.",
        "fr": "Aucune ressource <{iri}> dans le graphe de connaissances.",
    },
    "quality_not_found": {
        "en": "No quality measures for <{iri}>: no dataset, service, publication or software "
        "record of that IRI has been loaded.",
        "fr": "Aucune mesure de qualité pour <{iri}> : aucune notice de jeu de données, de "
        "service, de publication ou de logiciel de cette IRI n'a été chargée.",
    },
    "quality_kind_unknown": {
        "en": "Records of kind « {kind} » are not scored: use one of {kinds}.",
        "fr": "Les ressources de type « {kind} » ne sont pas notées : utilisez {kinds}.",
    },
    "concept_not_found": {
        "en": "No concept <{iri}> in the loaded vocabularies.",
        "fr": "Aucun concept <{iri}> dans les vocabulaires chargés.",
    },
    "vocabulary_not_found": {
        "en": "No vocabulary '{value}' is loaded.",
        "fr": "Aucun vocabulaire « {value} » n'est chargé.",
    },
    "ask_missing": {
        "en": "No question: send it in the 'q' parameter.",
        "fr": "Aucune question : envoyez-la dans le paramètre « q ».",
    },
    "ask_too_long": {
        "en": "The question is too long ({length} characters; at most {limit}).",
        "fr": "La question est trop longue ({length} caractères ; au plus {limit}).",
    },
    "q_missing": {
        "en": "No text to complete: send it in the 'q' parameter.",
        "fr": "Aucun texte à compléter : envoyez-le dans le paramètre « q ».",
    },
    "q_too_long": {
        "en": "The text to complete is too long ({length} characters; at most {limit}).",
        "fr": "Le texte à compléter est trop long ({length} caractères ; au plus {limit}).",
    },
    "bad_limit": {
        "en": "'limit' must be a whole number from 1 to {limit}.",
        "fr": "« limit » doit être un nombre entier de 1 à {limit}.",
    },
    "search_q_too_long": {
        "en": "The search text is too long ({length} characters; at most {limit}).",
        "fr": "Le texte recherché est trop long ({length} caractères ; au plus {limit}).",
    },
    "search_too_many": {
        "en": "Too many values for '{name}' ({count}; at most {limit}).",
        "fr": "Trop de valeurs pour « {name} » ({count} ; au plus {limit}).",
    },
    "search_bad_iri": {
        "en": "'{name}' must be an IRI (http://… or https://…), not '{value}'.",
        "fr": "« {name} » doit être une IRI (http://… ou https://…), pas « {value} ».",
    },
    "search_bad_number": {
        "en": "'{name}' must be a number, not '{value}'.",
        "fr": "« {name} » doit être un nombre, pas « {value} ».",
    },
    "search_bad_int": {
        "en": "'{name}' must be a whole number from {low} to {high}, not '{value}'.",
        "fr": "« {name} » doit être un nombre entier de {low} à {high}, pas « {value} ».",
    },
    "search_bad_bbox": {
        "en": "'bbox' must be west,south,east,north in degrees (longitudes -180 to 180, "
        "latitudes -90 to 90, south <= north), not '{value}'.",
        "fr": "« bbox » doit valoir ouest,sud,est,nord en degrés (longitudes de -180 à 180, "
        "latitudes de -90 à 90, sud <= nord), pas « {value} ».",
    },
    "search_bad_date": {
        "en": "'{name}' must be an ISO date (2020-05-31, 2020-05 or 2020), not '{value}'.",
        "fr": "« {name} » doit être une date ISO (2020-05-31, 2020-05 ou 2020), pas « {value} ».",
    },
    "search_bad_range": {
        "en": "'{low}' must not be after '{high}'.",
        "fr": "« {low} » ne doit pas être après « {high} ».",
    },
    "search_bad_choice": {
        "en": "Unknown value '{value}' for '{name}'; known: {known}.",
        "fr": "Valeur « {value} » inconnue pour « {name} » ; valeurs connues : {known}.",
    },
    "uri_missing": {
        "en": "Give an IRI in the 'uri' parameter: /id?uri=<IRI>.",
        "fr": "Indiquez une IRI dans le paramètre « uri » : /id?uri=<IRI>.",
    },
    "ld_not_acceptable": {
        "en": "No acceptable format for this resource; available: {available}.",
        "fr": "Aucun format acceptable pour cette ressource ; disponibles : {available}.",
    },
    "feed_bad_value": {
        "en": "Unknown {name} '{value}': give a slug or an http(s) IRI.",
        "fr": "{name} « {value} » inconnu : indiquez un identifiant court ou une IRI http(s).",
    },
    "feed_bad_int": {
        "en": "'{name}' must be a whole number from 1 to {high}, not '{value}'.",
        "fr": "« {name} » doit être un nombre entier de 1 à {high}, pas « {value} ».",
    },
    "feed_bad_date": {
        "en": "'modified-since' must be an ISO date or date-time (2024-11-15, "
        "2024-11-15T08:00:00Z), not '{value}'.",
        "fr": "« modified-since » doit être une date ou une date-heure ISO (2024-11-15, "
        "2024-11-15T08:00:00Z), pas « {value} ».",
    },
    "stac_bad_bbox": {
        "en": "'bbox' must be west,south,east,north in degrees, not '{value}'.",
        "fr": "« bbox » doit valoir ouest,sud,est,nord en degrés, pas « {value} ».",
    },
    "stac_bad_datetime": {
        "en": "'datetime' must be an RFC 3339 instant or interval (a/b, ../b, a/..), "
        "not '{value}'.",
        "fr": "« datetime » doit être un instant ou un intervalle RFC 3339 (a/b, ../b, a/..), "
        "pas « {value} ».",
    },
    "stac_bad_int": {
        "en": "'{name}' must be a whole number from 1 to {high}, not '{value}'.",
        "fr": "« {name} » doit être un nombre entier de 1 à {high}, pas « {value} ».",
    },
    "stac_bad_list": {
        "en": "Expected a comma-separated list or a list of strings, not '{value}'.",
        "fr": "Liste attendue (séparée par des virgules, ou liste de chaînes), pas « {value} ».",
    },
    "stac_bad_body": {
        "en": "The search body must be a JSON object.",
        "fr": "Le corps de la recherche doit être un objet JSON.",
    },
    "stac_not_found": {
        "en": "No STAC collection or item '{value}'.",
        "fr": "Aucune collection ni aucun élément STAC « {value} ».",
    },
    "store_unavailable": {
        "en": "The store cannot be read.",
        "fr": "L'entrepôt ne peut pas être lu.",
    },
    "not_found": {
        "en": "Not found.",
        "fr": "Introuvable.",
    },
    "method_not_allowed": {
        "en": "Method not allowed.",
        "fr": "Méthode non autorisée.",
    },
    "too_large": {
        "en": "The request body is too large.",
        "fr": "Le corps de la requête est trop volumineux.",
    },
    "sparql_service_anonymous": {
        "en": "{keyword} is refused without an API token: anonymous queries never call "
        "other endpoints (federated queries need a token and an allowed endpoint).",
        "fr": "{keyword} est refusé sans jeton d'API : les requêtes anonymes n'appellent "
        "jamais d'autres points d'accès (une requête fédérée demande un jeton et un point "
        "d'accès autorisé).",
    },
    "sparql_service_not_allowed": {
        "en": "{keyword} to <{iri}> is not allowed: only the endpoints of "
        "GAIA_KG_SERVICE_ALLOW may be reached.",
        "fr": "{keyword} vers <{iri}> n'est pas autorisé : seuls les points d'accès de "
        "GAIA_KG_SERVICE_ALLOW peuvent être appelés.",
    },
    "sparql_too_deep": {
        "en": "The SPARQL text is nested deeper than {limit} levels of braces, parentheses "
        "or brackets: simplify it.",
        "fr": "Le texte SPARQL est imbriqué sur plus de {limit} niveaux d'accolades, de "
        "parenthèses ou de crochets : simplifiez-le.",
    },
    "sparql_too_complex": {
        "en": "The SPARQL text chains more than {limit} operators (UNION, OPTIONAL, MINUS, "
        "paths, arithmetic or logic): split it.",
        "fr": "Le texte SPARQL enchaîne plus de {limit} opérateurs (UNION, OPTIONAL, MINUS, "
        "chemins, arithmétique ou logique) : découpez-le.",
    },
    "host_not_allowed": {
        "en": "This server does not answer for the host named in the request.",
        "fr": "Ce serveur ne répond pas pour l'hôte nommé dans la requête.",
    },
    "internal": {
        "en": "Internal error; it has been logged.",
        "fr": "Erreur interne ; elle a été journalisée.",
    },
}

_KINDS = {
    "any": {"en": "SPARQL", "fr": "SPARQL"},
    "solutions": {"en": "SELECT", "fr": "SELECT"},
    "boolean": {"en": "ASK", "fr": "ASK"},
    "graph": {"en": "graph (CONSTRUCT/DESCRIBE)", "fr": "graphe (CONSTRUCT/DESCRIBE)"},
}


def message(key: str, lang: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (en or fr), with ``params`` filled in.

    >>> message("timeout", "fr", seconds=2)
    'La requête a été arrêtée après la limite de temps de 2 s.'
    """
    texts = MESSAGES[key]
    if "kind" in params and params["kind"] in _KINDS:
        params = {**params, "kind": _KINDS[str(params["kind"])][lang]}
    return texts.get(lang, texts["en"]).format(**params)


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
