"""Bilingual messages of the HTTP layer, and the choice of language for a request."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "MESSAGES", "message", "pick_lang", "pick_label"]

LANGUAGES = ("en", "fr")

#: every message the API shows a human, in English and French
MESSAGES: dict[str, dict[str, str]] = {
    "endpoint_description": {
        "en": "SPARQL 1.1 query endpoint of the GAIA Data knowledge graph (read-only). "
        "Send a query with GET ?query=, or POST as a form or as application/sparql-query.",
        "fr": "Point d'accès SPARQL 1.1 du graphe de connaissances GAIA Data (lecture seule). "
        "Envoyez une requête par GET ?query=, ou par POST en formulaire ou en "
        "application/sparql-query.",
    },
    "endpoint_limits": {
        "en": "Queries are stopped after {seconds} s; results are cut at {cap} rows "
        "(or triples), and a cut is stated in the X-GAIA-Truncated header.",
        "fr": "Les requêtes sont arrêtées après {seconds} s ; les résultats sont coupés à "
        "{cap} lignes (ou triplets), et une coupure est signalée par l'en-tête X-GAIA-Truncated.",
    },
    "bad_request": {
        "en": "Bad request.",
        "fr": "Requête invalide.",
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
        "en": "This endpoint is read-only: SPARQL Update is refused.",
        "fr": "Ce point d'accès est en lecture seule : SPARQL Update est refusé.",
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
    "dataset_unsupported": {
        "en": "default-graph-uri and named-graph-uri are not supported with a remote store.",
        "fr": "default-graph-uri et named-graph-uri ne sont pas pris en charge "
        "avec un entrepôt distant.",
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
    "concept_not_found": {
        "en": "No concept <{iri}> in the loaded vocabularies.",
        "fr": "Aucun concept <{iri}> dans les vocabulaires chargés.",
    },
    "vocabulary_not_found": {
        "en": "No vocabulary '{value}' is loaded.",
        "fr": "Aucun vocabulaire « {value} » n'est chargé.",
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
    "uri_missing": {
        "en": "Give an IRI in the 'uri' parameter: /id?uri=<IRI>.",
        "fr": "Indiquez une IRI dans le paramètre « uri » : /id?uri=<IRI>.",
    },
    "ld_not_acceptable": {
        "en": "No acceptable format for this resource; available: {available}.",
        "fr": "Aucun format acceptable pour cette ressource ; disponibles : {available}.",
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
