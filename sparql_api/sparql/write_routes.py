"""Writes and graph reads: ``POST /sparql/update`` and the Graph Store Protocol on
``/sparql/graph`` (``?graph=<IRI>`` or ``?default``).

Reading a graph is open to everyone; every write needs ``Authorization: Bearer <token>``
with a token of ``Settings.admin_tokens`` (anonymous: 401).
"""

from __future__ import annotations

import uuid

import pyoxigraph as ox
from flask import Blueprint, Response, request

from graph_loader.errors import GraphConflict, QueryError
from sparql_api.core.roles import Role
from sparql_api.sparql.graph_store import (
    BODY_FORMATS,
    BadBody,
    graph_exists,
    parse_body,
    read_job,
    write_update,
)
from sparql_api.sparql.negotiation import GRAPH_FORMATS, UnknownFormat, known_formats, negotiate
from sparql_api.sparql.routes import (
    CORS,
    FORM,
    UPDATE_BODY,
    check_size,
    check_utf8,
    guard,
    read_body,
    read_form,
    request_role,
    run_query,
    single,
    with_base,
)
from sparql_api.sparql.update_dataset import DatasetConflict, with_dataset
from sparql_api.sparql.update_graphs import update_graphs
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp"]

bp = Blueprint("sparql_write", __name__)

MULTIPART = "multipart/form-data"
WRITE_CORS = {**CORS, "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, DELETE, OPTIONS"}


def _writer() -> Role:
    role = request_role()
    if not role.can_write:
        error = ApiError(401, WEB.mark("unauthorized"))
        raise error.with_headers(WWW_Authenticate='Bearer realm="gaia-kg"')
    return role


def _write(update: str, graphs: list[ox.NamedNode] | None) -> None:
    """Run ``update``, recorded in the change feed as a change of ``graphs`` (None: unknown)."""
    try:
        get_catalogue().write(update, graphs)
    except GraphConflict as exc:  # the text is right, the store's state forbids it: 409
        key = "update_graph_exists" if exc.exists else "update_graph_missing"
        raise ApiError(409, WEB.mark(key), value=exc.graph) from exc
    except QueryError as exc:
        raise ApiError(400, WEB.mark("update_syntax"), detail=str(exc)) from exc


@bp.route("/sparql/update", methods=["POST", "OPTIONS"])
def update() -> Response:
    """SPARQL 1.1 Update (form ``update=`` or ``application/sparql-update``), token only."""
    if request.method == "OPTIONS":
        return Response(status=204, headers={**CORS, "Access-Control-Allow-Methods": "POST"})
    role = _writer()
    check_utf8(request.query_string)
    if request.mimetype == FORM:
        read_form()
        text = request.form.get("update")
        params = request.values
    elif request.mimetype == UPDATE_BODY:
        text = read_body()
        params = request.args
    else:
        expected = f"{FORM} / {UPDATE_BODY}"
        raise ApiError(
            415, WEB.mark("unsupported_media_type"), value=request.mimetype, expected=expected
        )
    if not text or not text.strip():
        raise ApiError(400, WEB.mark("update_missing"))
    single(params, "update")
    check_size(text)
    guard(text, role, get_catalogue().settings)
    try:
        text = with_dataset(
            text,
            _graph_iris(params, "using-graph-uri"),
            _graph_iris(params, "using-named-graph-uri"),
        )
    except DatasetConflict as exc:
        raise ApiError(400, WEB.mark("update_dataset_conflict")) from exc
    text = with_base(text)
    _write(text, update_graphs(text))
    return Response(status=204, headers=CORS)


def _direct(url: str, status: int = 400) -> ox.NamedNode:
    """The graph named by this URL (direct identification); ``status`` if it is no IRI."""
    try:
        return ox.NamedNode(url)
    except ValueError as exc:
        raise ApiError(status, WEB.mark("bad_graph_iri"), value=url) from exc


def _graph_iris(params, name: str) -> list[str]:
    values = params.getlist(name)
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise ApiError(400, WEB.mark("bad_graph_iri"), value=value) from exc
    return values


def _target(create: bool = False) -> ox.NamedNode | None:
    """The graph named by ``?graph=`` (None for ``?default``); 400 unless exactly one."""
    graph, default = request.args.get("graph"), "default" in request.args
    if create and graph is None and not default:
        # a POST naming no graph creates one (Graph Store Protocol §5.5): a fresh IRI under
        # this endpoint, answered 201 with its Location
        return ox.NamedNode(f"{request.base_url.rstrip('/')}/{uuid.uuid4().hex}")
    if (graph is None) == (not default):
        raise ApiError(400, WEB.mark("graph_target"))
    if graph is None:
        return None
    try:
        return ox.NamedNode(graph)
    except ValueError as exc:
        raise ApiError(400, WEB.mark("bad_graph_iri"), value=graph) from exc


GSP_METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE", "OPTIONS"]


@bp.route("/sparql/graph", methods=GSP_METHODS)
@bp.route("/sparql/graph/<name>", methods=GSP_METHODS)
def graph(name: str | None = None) -> Response:
    """The Graph Store Protocol: read a graph (anyone), replace/add/delete (token).

    Graphs are named by ``?graph=<IRI>`` (indirect identification) or, for the graphs a POST
    created here, by their own IRI ``/sparql/graph/<name>`` (direct identification).
    """
    if request.method == "OPTIONS":
        return Response(status=204, headers=WRITE_CORS)
    if request.method in ("GET", "HEAD"):  # a URL that is no IRI names no graph: 404
        return _read(_direct(request.base_url, 404) if name is not None else _target())
    _writer()  # writers only, before the request is looked at
    direct = _direct(request.base_url) if name is not None else None
    created = request.method == "POST" and direct is None and not request.args
    target = direct or _target(create=request.method == "POST")
    existed = False if created else True if target is None else _exists(target)
    if request.method == "DELETE":
        if not existed:
            raise ApiError(404, WEB.mark("graph_not_found"), iri=target.value)
        _write(write_update("DELETE", target, []), None if target is None else [target])
        return Response(status=204, headers=WRITE_CORS)
    base = target.value if target is not None else request.base_url
    if request.mimetype == MULTIPART and request.method == "POST":
        # several RDF documents in one POST (Graph Store Protocol §5.5), each with its type
        parts = [(part.read(), part.mimetype) for part in request.files.values()]
    else:
        parts = [(request.get_data(), request.mimetype)]
    triples = []
    for body, media in parts:
        if media not in BODY_FORMATS:
            expected = ", ".join(BODY_FORMATS)
            raise ApiError(415, WEB.mark("unsupported_media_type"), value=media, expected=expected)
        try:
            triples += parse_body(body, media, base)
        except BadBody as exc:
            raise ApiError(400, WEB.mark("bad_rdf"), media=media, detail=str(exc)) from exc
    text = write_update(request.method, target, triples)
    if text:
        _write(text, None if target is None else [target])
    response = Response(status=204 if existed else 201, headers=WRITE_CORS)
    if created:
        response.headers["Location"] = target.value
    return response


def _exists(target: ox.NamedNode) -> bool:
    return graph_exists(get_catalogue().store, target)


def _read(target: ox.NamedNode | None) -> Response:
    catalogue = get_catalogue()
    try:
        formats = negotiate(request.accept_mimetypes, request.args.get("format"))
    except UnknownFormat as exc:
        raise ApiError(
            400, WEB.mark("unknown_format"), value=str(exc), known=known_formats()
        ) from exc
    if formats.graph is None:
        available = ", ".join(media for media, _ in GRAPH_FORMATS.values())
        raise ApiError(406, WEB.mark("not_acceptable_graph"), available=available)
    role = request_role()
    if target is not None and not _exists(target):
        raise ApiError(404, WEB.mark("graph_not_found"), iri=target.value)
    output = run_query(catalogue, read_job(target, formats.graph, catalogue.settings.row_cap), role)
    response = Response(output.body, mimetype=output.media_type, headers=WRITE_CORS)
    response.headers["X-GAIA-Truncated"] = "true" if output.truncated else "false"
    response.headers["X-GAIA-Row-Cap"] = str(output.row_cap)
    response.headers["Vary"] = "Accept"
    return response
