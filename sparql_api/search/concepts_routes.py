"""``/api/concepts`` and ``/api/autocomplete``: the thesaurus and the other vocabularies as JSON."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, jsonify, request

from sparql_api.core.numbers import whole_number
from sparql_api.search.autocomplete import MAX_LIMIT, MAX_QUERY_CHARS, suggest
from sparql_api.search.concepts import concept_iri, concept_tree, describe_concept, top_concepts
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["bp", "AutocompleteParams"]

bp = Blueprint("concepts", __name__)

DEFAULT_LIMIT = 10


def _json(payload: dict | list, lang: str) -> Response:
    response = jsonify(payload)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = lang
    return response


def _concept(iri: str, lang: str, *, tree: bool = False) -> Response:
    catalogue = get_catalogue()
    index = catalogue.concepts()
    if tree:
        payload = concept_tree(index, iri, lang)
    else:
        payload = describe_concept(catalogue.store, index, iri, lang)
    if payload is None:
        raise ApiError(404, WEB.mark("concept_not_found"), iri=iri)
    return _json(payload, lang)


@bp.get("/api/concepts")
def concepts() -> Response:
    """Top concepts of a vocabulary (``?vocabulary=``, default the GAIA thesaurus), or with
    ``?iri=`` one concept of any loaded vocabulary (``&tree=1`` for its subtree)."""
    lang = request_lang()
    iri = request.args.get("iri")
    if iri is not None:  # given, even empty: a concept is asked for (404 if none has it)
        return _concept(iri, lang, tree=request.args.get("tree") in ("1", "true"))
    vocabulary = request.args.get("vocabulary", "gaia")
    payload = top_concepts(get_catalogue().concepts(), lang, vocabulary)
    if payload is None:
        raise ApiError(404, WEB.mark("vocabulary_not_found"), value=vocabulary)
    return _json(payload, lang)


@bp.get("/api/concepts/<slug>")
def concept(slug: str) -> Response:
    """One concept of the GAIA thesaurus with its context."""
    return _concept(concept_iri(slug), request_lang())


@bp.get("/api/concepts/<slug>/tree")
def tree(slug: str) -> Response:
    """The subtree under one concept of the GAIA thesaurus, with counts."""
    return _concept(concept_iri(slug), request_lang(), tree=True)


@dataclass(frozen=True, slots=True)
class AutocompleteParams:
    """``/api/autocomplete`` parameters, checked."""

    q: str
    lang: str
    limit: int

    @classmethod
    def from_request(cls) -> AutocompleteParams:
        """Read ``q``, ``lang`` and ``limit``; ApiError 400 when missing or out of range."""
        q = request.args.get("q", "").strip()
        if not q:
            raise ApiError(400, WEB.mark("q_missing"))
        if len(q) > MAX_QUERY_CHARS:
            raise ApiError(400, WEB.mark("q_too_long"), length=len(q), limit=MAX_QUERY_CHARS)
        raw = request.args.get("limit", str(DEFAULT_LIMIT))
        limit = whole_number(raw)
        if limit is None or not 1 <= limit <= MAX_LIMIT:
            raise ApiError(400, WEB.mark("bad_limit"), limit=MAX_LIMIT)
        return cls(q, request_lang(), limit)


@bp.get("/api/autocomplete")
def autocomplete() -> Response:
    """Ranked suggestions for ``q`` over the labels of every loaded vocabulary."""
    params = AutocompleteParams.from_request()
    index = get_catalogue().concepts()
    suggestions = suggest(index, params.q, lang=params.lang, limit=params.limit)
    return _json({"q": params.q, "lang": params.lang, "suggestions": suggestions}, params.lang)
