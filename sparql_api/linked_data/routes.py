"""Dereferenceable IRIs: ``/id/<kind>/<slug>`` (and ``.ttl``, ``.jsonld``, ``.rdf``, ``.nt``,
``?f=``, ``Accept``), ``/id?uri=`` for any IRI, ``/doi/<doi>``.

The resource IRI answers 200 with the representation chosen (``Content-Location`` names the
document, ``Vary: Accept``); the documents with an extension answer 200 as themselves. See
``sparql_api/README.md`` ("Linked data") for the 303/200 convention. An unknown resource
gets a 404 page with suggestions, in the page language.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, g, redirect, render_template, request

from graph_loader.errors import StoreError
from graph_loader.terms import THESAURUS_NS
from sparql_api.linked_data.dereference import (
    FORMATS,
    RDF_FORMATS,
    UnknownFormat,
    choose_format,
    describe_triples,
    doi_variants,
    known_formats,
    local_path,
    lookup_identifier,
    serialize,
    split_extension,
    title_matches,
)
from sparql_api.linked_data.resource_page import href_for, resource_kind, resource_page
from sparql_api.linked_data.signposting import LINKSET_TYPE, link_header, linkset, signposts
from sparql_api.portal.previews import page_sources
from sparql_api.portal.routes import LANG_COOKIE, interface, page_lang
from sparql_api.search.autocomplete import suggest
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.headers import allow_sources
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp"]

bp = Blueprint("linkeddata", __name__)

_WORDS = re.compile(r"[^\W\d_]{3,}|\d{3,}", re.UNICODE)


class NotDescribed(Exception):
    """Nothing is said about the IRI asked for."""

    def __init__(self, iri: str, hint: str):
        super().__init__(iri)
        self.iri = iri
        self.hint = hint


bp.before_request(lambda: setattr(g, "page_lang", page_lang()))
bp.context_processor(interface)


@bp.after_request
def _headers(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.vary.add("Accept")
    if response.mimetype == "text/html":
        response.headers["Content-Language"] = g.get("page_lang", "en")
        response.vary.update(("Accept-Language", "Cookie"))
    return response


def _format(extension: str | None) -> str:
    accept = request.accept_mimetypes if request.headers.get("Accept") else None
    try:
        name = choose_format(extension, request.args.get("f"), accept)
    except UnknownFormat as exc:
        raise ApiError(
            400, WEB.mark("unknown_format"), value=str(exc), known=known_formats()
        ) from exc
    if name is None:
        available = ", ".join(f.media_type for f in FORMATS.values())
        raise ApiError(406, WEB.mark("ld_not_acceptable"), available=available)
    return name


def _described(iri: str) -> list[ox.Triple]:
    try:
        node = ox.NamedNode(iri)
    except ValueError:  # not an IRI (spaces, controls...): nothing can be said of it
        return []
    return describe_triples(get_catalogue().store, node)


def _answer(iri: str, triples: list[ox.Triple], name: str, document: str) -> Response:
    """The representation ``name`` of ``iri``; ``document`` is its page's path (no extension)."""
    catalogue = get_catalogue()
    base = catalogue.settings.base_iri
    public = base.rstrip("/") + document
    if name == "html":
        page = resource_page(
            catalogue.store, ox.NamedNode(iri), g.page_lang, base=base, triples=triples
        )
        kind = page["kind"] if page else "resource"
    else:
        page, kind = None, _kind(iri, triples)
    links = signposts(triples, iri, kind, public)
    if name == "linkset":
        body, media = linkset(links, public), LINKSET_TYPE
    elif name == "html":
        formats = [
            {"name": n, "media_type": FORMATS[n].media_type, "href": _doc(document, n)}
            for n in (*RDF_FORMATS, "linkset")
        ]
        if page["dataset"]:  # its pictures and map services, from their own origins
            extras = page["dataset"]
            allow_sources(**page_sources(extras["previews"], extras["thumbnails"]))
        body = render_template("resource.html", page=page, formats=formats, document=document)
        media = "text/html"
    else:
        body, media = serialize(triples, name), FORMATS[name].media_type
    response = Response(body, mimetype=media)
    response.headers["Link"] = link_header(links)
    if name != "linkset":
        response.headers["Content-Location"] = _doc(document, name)
    if request.args.get("lang") in ("en", "fr"):
        response.set_cookie(
            LANG_COOKIE, g.page_lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


def _doc(document: str, name: str) -> str:
    if "?" in document:  # /id?uri=…
        return f"{document}&f={name}"
    if name == "linkset":
        return f"{document}?f=linkset"
    return f"{document}.{FORMATS[name].extension}"


def _kind(iri: str, triples: list[ox.Triple]) -> str:
    types = [
        t.object.value
        for t in triples
        if t.subject.value == iri
        and t.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    ]
    return resource_kind(iri, types)


@bp.get("/id/<kind>/<slug>")
def resource(kind: str, slug: str) -> Response:
    """A resource under our base, in the negotiated format."""
    base = get_catalogue().settings.base_iri
    iri = f"{base}id/{kind}/{slug}"
    triples = _described(iri)
    extension = None
    if not triples:
        stem, extension = split_extension(slug)
        if extension:
            iri = f"{base}id/{kind}/{stem}"
            triples = _described(iri)
    name = _format(extension)
    if not triples:
        raise NotDescribed(iri, stem if extension else slug)
    return _answer(iri, triples, name, f"/id/{kind}/{split_extension(slug)[0]}")


@bp.get("/id")
def any_iri() -> Response:
    """Any IRI (``?uri=``): ours redirect (303) to their page; a known external identifier
    redirects to the resource it identifies; other described IRIs are served here."""
    uri = (request.args.get("uri") or "").strip()
    if not uri:
        raise ApiError(400, WEB.mark("uri_missing"))
    try:
        ox.NamedNode(uri)
    except ValueError as exc:
        raise ApiError(400, WEB.mark("bad_iri"), value=uri) from exc
    catalogue = get_catalogue()
    path = local_path(uri, catalogue.settings.base_iri)
    if path:
        return _see_other(path)
    name = _format(None)
    triples = _described(uri)
    if not triples:
        found = lookup_identifier(catalogue.store, [uri.lower()])
        if found:
            return _see_other(local_path(found, catalogue.settings.base_iri) or _id_path(found))
        raise NotDescribed(uri, uri.rstrip("/").rsplit("/", 1)[-1])
    if name == "html" and uri.startswith(THESAURUS_NS):
        return _see_other("/concepts/" + uri.removeprefix(THESAURUS_NS))
    return _answer(uri, triples, name, _id_path(uri))


@bp.get("/doi/<path:doi>")
def doi(doi: str) -> Response:
    """The resource a record identifies by this DOI: 303 to its page; 404 if none."""
    catalogue = get_catalogue()
    found = lookup_identifier(catalogue.store, doi_variants(doi))
    if found is None:
        raise NotDescribed("doi:" + doi, doi.rsplit("/", 1)[-1])
    return _see_other(local_path(found, catalogue.settings.base_iri) or _id_path(found))


def _id_path(iri: str) -> str:
    return "/id?uri=" + quote(iri, safe=":/")


def _see_other(location: str) -> Response:
    response = redirect(location, code=303)
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def _suggestions(hint: str, lang: str) -> dict:
    catalogue = get_catalogue()
    base = catalogue.settings.base_iri
    words = _WORDS.findall(hint)
    resources = [
        {**r, "href": href_for(r["iri"], base)} for r in title_matches(catalogue.store, words)
    ]
    concepts, seen = [], set()
    index = get_catalogue().concepts()
    for word in sorted(set(words), key=lambda w: (-len(w), w))[:4]:
        for s in suggest(index, word, lang=lang, limit=3):
            if s["iri"] not in seen:
                seen.add(s["iri"])
                concepts.append(
                    {"iri": s["iri"], "label": s["label"], "href": href_for(s["iri"], base)}
                )
    return {"resources": resources, "concepts": concepts[:8], "query": " ".join(words)}


@bp.errorhandler(NotDescribed)
def _not_described(exc: NotDescribed):
    lang = g.get("page_lang", "en")
    try:
        help_ = _suggestions(exc.hint, lang)
    except (StoreError, ApiError):
        help_ = {"resources": [], "concepts": [], "query": ""}
    body = render_template("resource_404.html", iri=exc.iri, help=help_)
    return Response(body, status=404, mimetype="text/html")
