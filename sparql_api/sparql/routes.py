"""``/sparql``: the SPARQL 1.1 Protocol (queries), with per-role time limits and a row cap.

Writes (``/sparql/update``, ``/sparql/graph``) are in :mod:`sparql_api.sparql.write_routes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

import pyoxigraph as ox
from flask import Blueprint, Response, jsonify, request
from markupsafe import escape

from graph_loader.errors import QueryError, QueryTimeout
from graph_loader.sparql_guard import SparqlRefused, check_sparql
from graph_loader.sparql_text import has_relative_iri
from sparql_api.accounts.tokens_routes import is_admin_token
from sparql_api.core.execute import NotAcceptable, QueryJob, QueryOutput
from sparql_api.core.roles import BadToken, Role, role_for
from sparql_api.sparql.negotiation import (
    GRAPH_FORMATS,
    RESULTS_FORMATS,
    Negotiated,
    UnknownFormat,
    known_formats,
    negotiate,
    without_parameters,
)
from sparql_api.sparql.service_description import service_description
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB
from sparql_api.web.limits import FORM_BODY_BYTES, MAX_QUERY_BYTES

__all__ = [
    "bp",
    "SparqlRequest",
    "parse_request",
    "looks_like_update",
    "request_role",
    "single",
    "with_base",
    "base_iri",
    "CORS",
    "read_form",
    "read_body",
    "check_size",
]

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept, Accept-Language, Authorization",
    "Access-Control-Expose-Headers": "X-GAIA-Truncated, X-GAIA-Row-Cap, Retry-After",
    "Access-Control-Max-Age": "86400",
}
#: what GET /sparql without a query answers in: the Service Description's RDF formats, the
#: older JSON summary, or a page for a browser
DESCRIPTION_MEDIA = {
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/n-triples": "nt",
    "application/json": "json",
    "text/html": "html",
}

#: the message refusing each kind of result for want of an acceptable format
NOT_ACCEPTABLE = {
    "solutions": WEB.mark("not_acceptable_solutions"),
    "boolean": WEB.mark("not_acceptable_boolean"),
    "graph": WEB.mark("not_acceptable_graph"),
}
#: the messages :func:`graph_loader.sparql_guard.check_sparql` refuses a text with
GUARD_MESSAGES = (
    WEB.mark("sparql_service_anonymous"),
    WEB.mark("sparql_service_not_allowed"),
    WEB.mark("sparql_too_deep"),
    WEB.mark("sparql_too_complex"),
)
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


def check_utf8(raw: bytes) -> None:
    """400 unless the percent-encoded ``raw`` (a query string, a form body) is UTF-8 once
    decoded (Werkzeug would silently put replacement characters in the query)."""
    try:
        unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, WEB.mark("query_encoding")) from exc


def read_form() -> None:
    """Let the current form request (``application/x-www-form-urlencoded``) be as large as a
    percent-encoded text of ``MAX_QUERY_BYTES``, and check that it is UTF-8."""
    request.max_content_length = FORM_BODY_BYTES
    check_utf8(request.get_data(cache=True))  # kept for the form parser


def read_body() -> str:
    """The SPARQL text of a direct POST (``application/sparql-query`` or ``-update``): 413
    over ``MAX_QUERY_BYTES`` (the message of :func:`check_size`), 400 unless UTF-8."""
    size = request.content_length
    if size is not None and size > MAX_QUERY_BYTES:
        raise ApiError(413, WEB.mark("query_too_large"), size=size, limit=MAX_QUERY_BYTES)
    try:
        return request.get_data().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, WEB.mark("query_encoding")) from exc


def check_size(text: str | None) -> None:
    """413 when the SPARQL ``text`` (a query or an update) is over ``MAX_QUERY_BYTES`` in
    UTF-8: the same limit whether it came in a URL, a form or a direct POST."""
    if text is None or len(text) * 4 <= MAX_QUERY_BYTES:  # at most 4 bytes a character
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise ApiError(413, WEB.mark("query_too_large"), size=size, limit=MAX_QUERY_BYTES)


def parse_request() -> SparqlRequest:
    """Read the query, the dataset and the formats from the current request."""
    params = request.args
    check_utf8(request.query_string)
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == UPDATE_BODY:
            raise ApiError(403, WEB.mark("read_only"))
        if mimetype == FORM:
            read_form()
            params = request.values
            query = request.form.get("query")
        elif mimetype == QUERY_BODY:
            query = read_body()
        else:
            expected = f"{FORM} / {QUERY_BODY}"
            raise ApiError(
                415, WEB.mark("unsupported_media_type"), value=mimetype, expected=expected
            )
    else:
        query = params.get("query")
    if "update" in params:
        raise ApiError(403, WEB.mark("read_only"))
    single(params, "query")
    check_size(query)
    try:
        formats = negotiate(request.accept_mimetypes, params.get("format"))
    except UnknownFormat as exc:
        raise ApiError(
            400, WEB.mark("unknown_format"), value=str(exc), known=known_formats()
        ) from exc
    return SparqlRequest(
        query=query,
        formats=formats,
        default_graph=_graph_iris(params.getlist("default-graph-uri")),
        named_graphs=_graph_iris(params.getlist("named-graph-uri")),
    )


def single(params, name: str) -> None:
    """400 when the parameter ``name`` is given more than once (SPARQL 1.1 Protocol)."""
    count = len(params.getlist(name))
    if count > 1:
        raise ApiError(400, WEB.mark("parameter_repeated"), name=name, count=count)


def base_iri() -> str:
    """The base IRI of a request's SPARQL text: the endpoint's URL (SPARQL 1.1 Protocol:
    relative IRIs resolve against a service-defined base, which may be the endpoint)."""
    return request.base_url.replace(">", "%3E")


def with_base(text: str) -> str:
    """``text`` with the endpoint's URL as its base IRI when it writes a relative IRI (a
    ``BASE`` in the text, coming after, still wins); on the first line, so error positions
    keep their line. Text without a relative IRI goes as it is: a store server (Virtuoso)
    need not take a ``BASE`` it has no use for."""
    return f"BASE <{base_iri()}> {text}" if has_relative_iri(text) else text


def _graph_iris(values: list[str]) -> tuple[str, ...]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError as exc:
            raise ApiError(400, WEB.mark("bad_graph_iri"), value=value) from exc
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
        raise ApiError(400, WEB.mark("query_missing"))
    if not parsed.formats.acceptable:
        raise ApiError(406, WEB.mark("not_acceptable_any"), available=_all_media())
    catalogue = get_catalogue()
    role = request_role()
    guard(parsed.query, role, catalogue.settings)
    job = QueryJob(
        query=parsed.query,
        base_iri=base_iri(),
        results_format=parsed.formats.results,
        graph_format=parsed.formats.graph,
        boolean_format=parsed.formats.boolean,
        row_cap=catalogue.settings.row_cap,
        default_graph=parsed.default_graph,
        named_graphs=parsed.named_graphs,
        union=catalogue.settings.default_graph == "union",
    )
    return _respond(run_query(catalogue, job, role))


def guard(text: str, role: Role, settings) -> None:
    """Refuse (400) SPARQL text nested too deep, or calling endpoints (SERVICE, LOAD) that
    ``role`` may not reach (see :mod:`graph_loader.sparql_guard`)."""
    try:
        check_sparql(text, anonymous=role.name == "anonymous", settings=settings)
    except SparqlRefused as exc:
        raise ApiError(400, exc.key, **exc.params) from exc


def request_role() -> Role:
    """The role of the current request (401 for an unknown token)."""
    try:
        header, settings = request.headers.get("Authorization"), get_catalogue().settings
        return role_for(header, settings, user_token=is_admin_token)
    except BadToken as exc:
        error = ApiError(401, WEB.mark("bad_token"))
        raise error.with_headers(WWW_Authenticate='Bearer realm="gaia-kg"') from exc


def run_query(catalogue, job: QueryJob, role: Role) -> QueryOutput:
    """Run ``job`` for ``role`` and the client's address (bounded per client), turning the
    failures of the query into their HTTP error (those of the store, the gates and the
    client bound are answered by :mod:`sparql_api.web.http_errors`)."""
    try:
        return catalogue.run(job, role, client=request.remote_addr or "")
    except QueryTimeout as exc:
        raise ApiError(504, WEB.mark("timeout"), seconds=f"{role.timeout:g}") from exc
    except QueryError as exc:
        if looks_like_update(job.query):
            raise ApiError(403, WEB.mark("read_only")) from exc
        raise ApiError(400, WEB.mark("query_syntax"), detail=str(exc)) from exc
    except NotAcceptable as exc:
        kind = exc.args[0]
        table = GRAPH_FORMATS if kind == "graph" else RESULTS_FORMATS
        available = ", ".join(media for media, _ in table.values())
        raise ApiError(406, NOT_ACCEPTABLE[kind], available=available) from exc


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
    """The Service Description (RDF by Accept), a JSON summary, or a page for a browser."""
    settings = get_catalogue().settings
    lang = request_lang()
    accept = without_parameters(request.accept_mimetypes)
    best = accept.best_match(list(DESCRIPTION_MEDIA)) or "text/turtle"
    fmt = DESCRIPTION_MEDIA[best]
    if fmt == "html":
        return _describe_html(settings, lang)
    if fmt == "json":
        return _describe_json(settings, lang)
    update = request.host_url.rstrip("/") + "/sparql/update"
    triples = service_description(request.base_url, update, settings)
    media, member = GRAPH_FORMATS[fmt]
    body = ox.serialize(triples, format=getattr(ox.RdfFormat, member))
    response = Response(body, mimetype=media, headers=CORS)
    response.headers["Vary"] = "Accept"
    return response


def _describe_html(settings, lang: str) -> Response:
    description = WEB.text("endpoint_description", lang)
    limits = WEB.text(
        "endpoint_limits", lang, seconds=f"{settings.query_timeout:g}", cap=settings.row_cap
    )
    editor = WEB.text("editor_link", lang)
    page = (
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
        f"<title>SPARQL — GAIA Data</title><h1>SPARQL</h1>"
        f"<p>{escape(description)}</p><p>{escape(limits)}</p>"
        f'<p><a href="/editor?lang={lang}">{escape(editor)}</a></p></html>'
    )
    response = Response(page, mimetype="text/html", headers=CORS)
    response.headers["Vary"] = "Accept"
    return response


def _describe_json(settings, lang: str) -> Response:
    limits = WEB.text(
        "endpoint_limits", lang, seconds=f"{settings.query_timeout:g}", cap=settings.row_cap
    )
    response = jsonify(
        {
            "endpoint": request.base_url,
            "description": WEB.text("endpoint_description", lang),
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
    response.headers["Vary"] = "Accept"
    return response
