"""``gaia-kg mcp``: the knowledge graph as an MCP server on stdio (see sparql_api.mcp_server).

The lead registers it in ``graph_loader/cli.py`` with ``main.add_command(mcp)``; it lives in
``sparql_api`` because it serves the same search, resources and SPARQL guardrails as the app.
"""

from __future__ import annotations

import click

from graph_loader.config import Settings

__all__ = ["mcp"]


@click.command("mcp")
@click.option(
    "--store",
    "store_spec",
    envvar="GAIA_KG_STORE",
    default=None,
    metavar="PATH|URL",
    help="Store folder or SPARQL server URL [default: ./var/store, or $GAIA_KG_STORE].",
)
def mcp(store_spec: str | None) -> None:
    """Serve the graph to AI assistants over MCP (stdio): search, get_resource, related,
    concepts, sparql (read-only) and ask, each answering with citable IRIs."""
    from .mcp_server import build_server

    server = build_server(Settings.from_env(store=store_spec))
    try:
        server.run("stdio")
    finally:
        server.catalogue.close()
