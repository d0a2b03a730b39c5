"""The knowledge graph as tools for any AI assistant: an MCP server (PyPI ``mcp``, v2 SDK).

Tools, each answering with the IRIs an assistant can cite:

- ``search``: the faceted search of ``/api/search`` (same parameters, same filters);
- ``get_resource``: a resource's title, summary, properties and related resources;
- ``related``: :func:`sparql_api.linked_data.related.related_resources` (with who asserted
  each link);
- ``concepts``: the thesaurus: autocompletion of ``query``, the subtree under ``iri``, or
  the top concepts;
- ``sparql``: a read-only SPARQL query under the endpoint's guardrails (the anonymous time
  limit and worker slots, the row cap; updates refused);
- ``ask``: the discovery assistant's grounded answer (:func:`sparql_api.assistant.ask`).

Nothing here imports Flask: a :class:`~sparql_api.core.catalogue.Catalogue` opens the store,
the search index and the concept index as the app does. ``gaia-kg mcp`` (:mod:`sparql_api.cli`)
serves it on stdio.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pyoxigraph as ox
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from graph_loader.config import Settings
from graph_loader.errors import GaiaKGError
from graph_loader.sparql_guard import SparqlRefused, check_sparql
from graph_loader.store import Store
from sparql_api.assistant import ask as assistant_ask
from sparql_api.core.catalogue import Catalogue
from sparql_api.core.errors import GateFull
from sparql_api.core.execute import QueryJob
from sparql_api.core.roles import anonymous
from sparql_api.linked_data.related import related_resources
from sparql_api.linked_data.resource_page import resource_page
from sparql_api.search.autocomplete import matcher_for, suggest
from sparql_api.search.concepts import concept_tree, top_concepts
from sparql_api.search.engine import SearchParams, run_search
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["build_server", "TOOLS", "looks_like_update"]

TOOLS = ("search", "get_resource", "related", "concepts", "sparql", "ask")
_COMMENT = re.compile(r"#[^\n]*")
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_IRI = re.compile(r"^https?://\S+$")
INSTRUCTIONS = (
    "The GAIA Data knowledge graph (Data Terra, France): Earth-system datasets, "
    "services, software and publications. Cite the IRIs the tools return."
)


def looks_like_update(text: str) -> bool:
    """True for a SPARQL Update (refused by the ``sparql`` tool).

    >>> looks_like_update("PREFIX a: <x:> INSERT DATA { a:s a:p a:o }")
    True
    >>> looks_like_update("SELECT * { ?s ?p ?o } # DELETE")
    False
    """
    return bool(_UPDATE.match(_COMMENT.sub("", text)))


def _iri(value: str) -> ox.NamedNode:
    if not _IRI.match(value or ""):
        raise ToolError(f"Not an IRI: {value!r}")
    return ox.NamedNode(value)


def _api_error(exc: ApiError, lang: str) -> ToolError:
    return ToolError(WEB.text(exc.key, lang, **exc.params))


def build_server(settings: Settings, store: Store | None = None) -> MCPServer:
    """The MCP server over ``store`` (or ``settings.store``)."""
    catalogue = Catalogue(settings, store, prepare=matcher_for)
    server = MCPServer("gaia-kg", instructions=INSTRUCTIONS)
    for add_tools in (_add_search, _add_resource_tools, _add_concepts, _add_sparql, _add_ask):
        add_tools(server, catalogue)
    server.catalogue = catalogue  # for callers that close it
    return server


def _add_search(server: MCPServer, catalogue: Catalogue) -> None:
    @server.tool(structured_output=True)
    def search(
        q: str = "",
        theme: list[str] | None = None,
        pole: list[str] | None = None,
        centre: list[str] | None = None,
        type: list[str] | None = None,
        taxon: list[str] | None = None,
        platform: list[str] | None = None,
        instrument: list[str] | None = None,
        bbox: str | None = None,
        start: str | None = None,
        end: str | None = None,
        sort: str = "relevance",
        page: int = 1,
        size: int = 10,
        lang: str = "en",
    ) -> dict[str, Any]:
        """Faceted search of the catalogue (as /api/search): words in French or English,
        thesaurus concepts (theme slugs or IRIs), data hubs (pole), data centres (centre),
        resource types (dataset, service, publication, software), taxa (IRIs; a taxon also
        finds the resources of the taxa below it), platforms and instruments (IRIs),
        bbox=west,south,east,north, start/end ISO dates (overlap). Returns the total and the
        hits with their IRIs."""
        args = {"q": q, "theme": theme or [], "pole": pole or [], "centre": centre or []}
        args |= {"type": type or [], "sort": sort, "page": str(page), "size": str(size)}
        args |= {"taxon": taxon or [], "platform": platform or [], "instrument": instrument or []}
        args |= {k: v for k, v in (("bbox", bbox), ("start", start), ("end", end)) if v}
        try:
            params = SearchParams.from_args(args)
            result = run_search(catalogue.index(), params, lang, concepts=catalogue.concepts())
        except ApiError as exc:
            raise _api_error(exc, lang) from exc
        hits = [
            {
                "iri": h["iri"],
                "type": h["type"],
                "title": h["title"],
                "centre": (h["centre"] or {}).get("label"),
                "temporal": h["temporal"],
                "bbox": h["bbox"],
            }
            for h in result["hits"]
        ]
        return {"total": result["total"], "hits": hits, "sparql": result["links"]["sparql"]}


def _add_resource_tools(server: MCPServer, catalogue: Catalogue) -> None:
    @server.tool(structured_output=True)
    def get_resource(iri: str, lang: str = "en") -> dict[str, Any]:
        """One resource of the graph: title, summary, types, properties (values with their
        IRIs) and related resources."""
        page = resource_page(catalogue.store, _iri(iri), lang, base=catalogue.settings.base_iri)
        if page is None:
            raise ToolError(f"Nothing is known about <{iri}>.")
        return {k: v for k, v in page.items() if k not in ("jsonld",)}

    @server.tool(structured_output=True)
    def related(iri: str, lang: str = "en") -> dict[str, Any]:
        """The resources linked to ``iri`` either way, with the relation and the sources
        that assert each link."""
        return {"iri": iri, "related": related_resources(catalogue.store, _iri(iri), lang)}


def _add_concepts(server: MCPServer, catalogue: Catalogue) -> None:
    @server.tool(structured_output=True)
    def concepts(
        query: str = "", iri: str = "", lang: str = "en", limit: int = 10
    ) -> dict[str, Any]:
        """The thesaurus: concepts whose labels complete ``query`` (French or English), or the
        hierarchy under the concept ``iri``, or else the top concepts (compartments)."""
        index = catalogue.concepts()
        if query:
            return {"suggestions": suggest(index, query, lang=lang, limit=max(1, min(limit, 50)))}
        if iri:
            tree = concept_tree(index, iri, lang)
            if tree is None:
                raise ToolError(f"No concept <{iri}> in the loaded vocabularies.")
            return tree
        return top_concepts(index, lang) or {}


def _add_sparql(server: MCPServer, catalogue: Catalogue) -> None:
    @server.tool(structured_output=True)
    def sparql(query: str) -> dict[str, Any]:
        """A read-only SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the union of
        the graphs, with the public endpoint's time limit and row cap. SELECT and ASK answer
        SPARQL JSON results, CONSTRUCT and DESCRIBE N-Triples; ``truncated`` says a cut."""
        if looks_like_update(query):
            raise ToolError("Updates are refused: this tool only reads.")
        settings = catalogue.settings
        try:  # no SERVICE, no deep nesting: the anonymous endpoint's guardrails
            check_sparql(query, anonymous=True, settings=settings)
        except SparqlRefused as exc:
            raise ToolError(f"Query refused: {exc}") from exc
        job = QueryJob(query, results_format="json", graph_format="nt", row_cap=settings.row_cap)
        try:
            out = catalogue.run(job, anonymous(settings))
        except GateFull as exc:
            raise ToolError("Every query slot is busy: retry in a few seconds.") from exc
        except (GaiaKGError, SyntaxError, ValueError) as exc:
            raise ToolError(f"Query failed: {exc}") from exc
        body = out.body.decode("utf-8")
        result = json.loads(body) if out.kind != "graph" else body
        return {"kind": out.kind, "truncated": out.truncated, "result": result}


def _add_ask(server: MCPServer, catalogue: Catalogue) -> None:
    @server.tool(structured_output=True)
    def ask(question: str, lang: str = "en") -> dict[str, Any]:
        """The discovery assistant: a question in French or English answered from the records
        only; every statement lists the IRIs of the records it rests on."""
        return assistant_ask(catalogue.index(), catalogue.concepts(), question, lang)
