"""Writes and graph reads: ``POST /sparql/update`` and the Graph Store Protocol on
``/sparql/graph`` (``?graph=<IRI>`` or ``?default``).

Reading a graph is open to everyone; every write needs ``Authorization: Bearer <token>``
with a token of ``Settings.admin_tokens`` (anonymous: 401).
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, request

from graph_loader.errors import QueryError, StoreError

from ..graph_store import BODY_FORMATS, BadBody, graph_exists, parse_body, read_job, write_update
from ..http_errors import ApiError
from ..negotiation import GRAPH_FORMATS, UnknownFormat, known_formats, negotiate
from ..roles import Role
from . import get_backend
from .sparql import CORS, FORM, UPDATE_BODY, check_utf8, guard, request_role, run_query

__all__ = ["bp"]

bp = Blueprint("sparql_write", __name__)

WRITE_CORS = {**CORS, "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS"}


def _writer() -> Role:
    role = request_role()
    if not role.can_write:
        error = ApiError(401, "unauthorized")
        raise error.with_headers(WWW_Authenticate='Bearer realm="gaia-kg"')
    return role


def _write(update: str) -> None:
    try:
        get_backend().write(update)
    except QueryError as exc:
        raise ApiError(400, "update_syntax", detail=str(exc)) from exc
    except StoreError as exc:
        raise ApiError(503, "store_busy").with_headers(Retry_After="5") from exc


@bp.route("/sparql/update", methods=["POST", "OPTIONS"])
def update() -> Response:
    """SPARQL 1.1 Update (form ``update=`` or ``application/sparql-update``), token only."""
    if request.method == "OPTIONS":
        return Response(status=204, headers={**CORS, "Access-Control-Allow-Methods": "POST"})
    role = _writer()
    check_utf8(request.query_string)
    if request.mimetype == FORM:
        check_utf8(request.get_data(cache=True))  # kept for the form parser
        text = request.form.get("update")
        params = request.values
    elif request.mimetype == UPDATE_BODY:
        try:
            text = request.get_data().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "query_encoding") from exc
        params = request.args
    else:
        expected = f"{FORM} / {UPDATE_BODY}"
        raise ApiError(415, "unsupported_media_type", value=request.mimetype, expected=expected)
    if not text or not text.strip():
        raise ApiError(400, "update_missing")
    if "using-graph-uri" in params or "using-named-graph-uri" in params:
        raise ApiError(400, "update_dataset_unsupported")
    guard(text, role, get_backend().settings)
    _write(text)
    return Response(status=204, headers=CORS)


def _target() -> ox.NamedNode | None:
    """The graph named by ``?graph=`` (None for ``?default``); 400 unless exactly one."""
    graph, default = request.args.get("graph"), "default" in request.args
    if (graph is None) == (not default):
        raise ApiError(400, "graph_target")
    if graph is None:
        return None
    try:
        return ox.NamedNode(graph)
    except ValueError as exc:
        raise ApiError(400, "bad_graph_iri", value=graph) from exc


@bp.route("/sparql/graph", methods=["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"])
def graph() -> Response:
    """The Graph Store Protocol: read a graph (anyone), replace/add/delete (token)."""
    if request.method == "OPTIONS":
        return Response(status=204, headers=WRITE_CORS)
    if request.method in ("GET", "HEAD"):
        return _read(_target())
    _writer()
    target = _target()
    existed = True if target is None else _exists(target)
    if request.method == "DELETE":
        if not existed:
            raise ApiError(404, "graph_not_found", iri=target.value)
        _write(write_update("DELETE", target, []))
        return Response(status=204, headers=WRITE_CORS)
    media = request.mimetype
    if media not in BODY_FORMATS:
        expected = ", ".join(BODY_FORMATS)
        raise ApiError(415, "unsupported_media_type", value=media, expected=expected)
    base = target.value if target is not None else request.base_url
    try:
        triples = parse_body(request.get_data(), media, base)
    except BadBody as exc:
        raise ApiError(400, "bad_rdf", media=media, detail=str(exc)) from exc
    text = write_update(request.method, target, triples)
    if text:
        _write(text)
    return Response(status=204 if existed else 201, headers=WRITE_CORS)


def _exists(target: ox.NamedNode) -> bool:
    try:
        return graph_exists(get_backend().store, target)
    except StoreError as exc:
        raise ApiError(503, "store_unavailable") from exc


def _read(target: ox.NamedNode | None) -> Response:
    backend = get_backend()
    try:
        formats = negotiate(request.accept_mimetypes, request.args.get("format"))
    except UnknownFormat as exc:
        raise ApiError(400, "unknown_format", value=str(exc), known=known_formats()) from exc
    if formats.graph is None:
        available = ", ".join(media for media, _ in GRAPH_FORMATS.values())
        raise ApiError(406, "not_acceptable", kind="graph", available=available)
    role = request_role()
    if target is not None and not _exists(target):
        raise ApiError(404, "graph_not_found", iri=target.value)
    output = run_query(backend, read_job(target, formats.graph, backend.settings.row_cap), role)
    response = Response(output.body, mimetype=output.media_type, headers=WRITE_CORS)
    response.headers["X-GAIA-Truncated"] = "true" if output.truncated else "false"
    response.headers["X-GAIA-Row-Cap"] = str(output.row_cap)
    response.headers["Vary"] = "Accept"
    return response
