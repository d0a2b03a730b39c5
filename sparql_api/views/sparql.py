"""``/sparql``: the SPARQL 1.1 Protocol, queries only, with a time limit and a row cap."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, request
from markupsafe import escape

from graph_loader.errors import QueryError, QueryTimeout, StoreError

from ..backend import DatasetUnsupported
from ..execute import NotAcceptable, QueryJob, QueryOutput
from ..http_errors import ApiError, request_lang
from ..i18n import message
from ..negotiation import (
    GRAPH_FORMATS,
    RESULTS_FORMATS,
    Negotiated,
    UnknownFormat,
    known_formats,
    negotiate,
)
from ..pool import PoolBusy
from . import get_backend

__all__ = ["bp", "SparqlRequest", "parse_request", "looks_like_update"]

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept, Accept-Language",
    "Access-Control-Expose-Headers": "X-GAIA-Truncated, X-GAIA-Row-Cap",
}

_COMMENT = re.compile(r"#[^\n]*")
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def looks_like_update(text: str) -> bool:
    """Whether ``text`` (which failed to parse as a query) is a SPARQL Update.

    >>> looks_like_update("PREFIX a: <x:> INSERT DATA { a:s a:p a:o }")
    True
    """
    return bool(_UPDATE.match(_COMMENT.sub("", text)))


@dataclass(frozen=True, slots=True)
class SparqlRequest:
    """A /sparql request, parsed."""

    query: str | None
    formats: Negotiated
    default_graph: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def parse_request() -> SparqlRequest:
    """Read the query, the dataset and the formats from the current request."""
    params = request.args
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == UPDATE_BODY:
            raise ApiError(403, "read_only")
        if mimetype == FORM:
            params = request.values
            query = request.form.get("query")
        elif mimetype == QUERY_BODY:
            try:
                query = request.get_data().decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ApiError(400, "query_encoding") from exc
        else:
            expected = f"{FORM} / {QUERY_BODY}"
            raise ApiError(415, "unsupported_media_type", value=mimetype, expected=expected)
    else:
        query = params.get("query")
    if "update" in params:
        raise ApiError(403, "read_only")
    try:
        formats = negotiate(request.accept_mimetypes, params.get("format"))
    except UnknownFormat as exc:
        raise ApiError(400, "unknown_format", value=str(exc), known=known_formats()) from exc
    return SparqlRequest(
        query=query,
        formats=formats,
        default_graph=_graph_iris(params.getlist("default-graph-uri")),
        named_graphs=_graph_iris(params.getlist("named-graph-uri")),
    )


def _graph_iris(values: list[str]) -> tuple[str, ...]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise ApiError(400, "bad_graph_iri", value=value) from exc
    return tuple(values)


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
def sparql() -> Response:
    """Answer a SPARQL query (or describe the endpoint when there is none)."""
    if request.method == "OPTIONS":
        return Response(status=204, headers=CORS)
    parsed = parse_request()
    if parsed.query is None:
        return _describe()
    if not parsed.query.strip():
        raise ApiError(400, "query_missing")
    if not parsed.formats.acceptable:
        raise ApiError(406, "not_acceptable", kind="any", available=_all_media())
    backend = get_backend()
    job = QueryJob(
        query=parsed.query,
        results_format=parsed.formats.results,
        graph_format=parsed.formats.graph,
        row_cap=backend.settings.row_cap,
        default_graph=parsed.default_graph,
        named_graphs=parsed.named_graphs,
    )
    return _respond(_run(backend, job))


def _run(backend, job: QueryJob) -> QueryOutput:
    try:
        return backend.run(job)
    except QueryTimeout as exc:
        raise ApiError(504, "timeout", seconds=f"{backend.settings.query_timeout:g}") from exc
    except PoolBusy as exc:
        raise ApiError(503, "busy") from exc
    except QueryError as exc:
        if looks_like_update(job.query):
            raise ApiError(403, "read_only") from exc
        raise ApiError(400, "query_syntax", detail=str(exc)) from exc
    except NotAcceptable as exc:
        kind = exc.args[0]
        table = GRAPH_FORMATS if kind == "graph" else RESULTS_FORMATS
        available = ", ".join(media for media, _ in table.values())
        raise ApiError(406, "not_acceptable", kind=kind, available=available) from exc
    except DatasetUnsupported as exc:
        raise ApiError(400, "dataset_unsupported") from exc
    except StoreError as exc:
        raise ApiError(503, "store_unavailable") from exc


def _respond(output: QueryOutput) -> Response:
    response = Response(output.body, mimetype=output.media_type, headers=CORS)
    if output.kind != "boolean":
        response.headers["X-GAIA-Truncated"] = "true" if output.truncated else "false"
        response.headers["X-GAIA-Row-Cap"] = str(output.row_cap)
    response.headers["Vary"] = "Accept"
    return response


def _all_media() -> str:
    return ", ".join(media for media, _ in [*RESULTS_FORMATS.values(), *GRAPH_FORMATS.values()])


def _describe() -> Response:
    """A short description of the endpoint, in HTML for a browser, else JSON."""
    settings = get_backend().settings
    lang = request_lang()
    description = message("endpoint_description", lang)
    limits = message(
        "endpoint_limits", lang, seconds=f"{settings.query_timeout:g}", cap=settings.row_cap
    )
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    if best == "text/html":
        page = (
            f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
            f"<title>SPARQL — GAIA Data</title><h1>SPARQL</h1>"
            f"<p>{escape(description)}</p><p>{escape(limits)}</p></html>"
        )
        return Response(page, mimetype="text/html", headers=CORS)
    response = jsonify(
        {
            "endpoint": request.base_url,
            "description": description,
            "limits": limits,
            "timeoutSeconds": settings.query_timeout,
            "rowCap": settings.row_cap,
            "formats": {
                "results": {name: media for name, (media, _) in RESULTS_FORMATS.items()},
                "graph": {name: media for name, (media, _) in GRAPH_FORMATS.items()},
            },
        }
    )
    response.headers.update(CORS)
    return response
