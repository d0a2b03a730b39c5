"""``/api/concepts`` and ``/api/autocomplete``: the thesaurus and the other vocabularies as JSON."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, current_app, jsonify, request

from graph_loader.errors import StoreError
from sparql_api.core.concept_index import ConceptIndex, ConceptIndexHolder
from sparql_api.search.autocomplete import MAX_LIMIT, MAX_QUERY_CHARS, matcher_for, suggest
from sparql_api.search.concepts import concept_iri, concept_tree, describe_concept, top_concepts
from sparql_api.web.backend import get_backend
from sparql_api.web.http_errors import ApiError, request_lang

__all__ = ["bp", "INDEX_EXTENSION", "AutocompleteParams", "get_concept_index"]

bp = Blueprint("concepts", __name__)

INDEX_EXTENSION = "gaia_kg_concepts"
DEFAULT_LIMIT = 10
#: how often the app checks whether the store changed (in a background thread)
CHECK_SECONDS = 10.0


@bp.record_once
def _init(state) -> None:
    state.app.extensions.setdefault(
        INDEX_EXTENSION,
        ConceptIndexHolder(background=True, check_seconds=CHECK_SECONDS, prepare=matcher_for),
    )


def get_concept_index() -> ConceptIndex:
    """The concept index of the current app's store (built on first use, rebuilt on change)."""
    holder: ConceptIndexHolder = current_app.extensions[INDEX_EXTENSION]
    try:
        return holder.get(get_backend().store)
    except StoreError as exc:
        raise ApiError(503, "store_unavailable") from exc


def _json(payload: dict | list, lang: str) -> Response:
    response = jsonify(payload)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = lang
    return response


def _concept(iri: str, lang: str, *, tree: bool = False) -> Response:
    index = get_concept_index()
    if tree:
        payload = concept_tree(index, iri, lang)
    else:
        try:
            payload = describe_concept(get_backend().store, index, iri, lang)
        except StoreError as exc:
            raise ApiError(503, "store_unavailable") from exc
    if payload is None:
        raise ApiError(404, "concept_not_found", iri=iri)
    return _json(payload, lang)


@bp.get("/api/concepts")
def concepts() -> Response:
    """Top concepts of a vocabulary (``?vocabulary=``, default the GAIA thesaurus), or with
    ``?iri=`` one concept of any loaded vocabulary (``&tree=1`` for its subtree)."""
    lang = request_lang()
    iri = request.args.get("iri")
    if iri:
        return _concept(iri, lang, tree=request.args.get("tree") in ("1", "true"))
    vocabulary = request.args.get("vocabulary", "gaia")
    payload = top_concepts(get_concept_index(), lang, vocabulary)
    if payload is None:
        raise ApiError(404, "vocabulary_not_found", value=vocabulary)
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
            raise ApiError(400, "q_missing")
        if len(q) > MAX_QUERY_CHARS:
            raise ApiError(400, "q_too_long", length=len(q), limit=MAX_QUERY_CHARS)
        raw = request.args.get("limit", str(DEFAULT_LIMIT))
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
            raise ApiError(400, "bad_limit", limit=MAX_LIMIT)
        return cls(q, request_lang(), int(raw))


@bp.get("/api/autocomplete")
def autocomplete() -> Response:
    """Ranked suggestions for ``q`` over the labels of every loaded vocabulary."""
    params = AutocompleteParams.from_request()
    suggestions = suggest(get_concept_index(), params.q, lang=params.lang, limit=params.limit)
    return _json({"q": params.q, "lang": params.lang, "suggestions": suggestions}, params.lang)
