"""The MCP server through the SDK's own client (in-process session), over the demo catalogue:
each tool answers with IRIs; the sparql tool reads and refuses updates."""

from __future__ import annotations

import sys

import anyio
import pytest
from concept_support import BASE_IRI, demo_store
from mcp import Client

from graph_loader.config import Settings
from graph_loader.terms import THESAURUS_NS
from sparql_api.mcp.server import TOOLS, build_server

D = BASE_IRI + "id/dataset/"


@pytest.fixture(scope="module")
def server():
    server = build_server(Settings(store=":memory:", query_workers=1), demo_store())
    yield server
    server.catalogue.close()


def call(server, name: str, args: dict):
    async def run():
        async with Client(server) as client:
            return await client.call_tool(name, args)

    return anyio.run(run)


def test_the_tools_listed(server):
    async def run():
        async with Client(server) as client:
            return await client.list_tools()

    assert sorted(t.name for t in anyio.run(run).tools) == sorted(TOOLS)


def test_search_returns_the_hits_iris(server):
    result = call(server, "search", {"theme": ["sea-surface-temperature"], "size": 50})
    assert not result.is_error
    got = result.structured_content
    assert got["total"] == 4
    assert {h["iri"] for h in got["hits"]} == {
        D + "coriolis-nrt-insitu",
        D + "gosud-thermosalinographs",
        D + "odyssea-sst",
        D + "pirata-moorings",
    }
    bad = call(server, "search", {"bbox": "1,2,3"})
    assert bad.is_error and "bbox" in bad.content[0].text


def test_search_by_taxon_finds_the_taxa_below(server):
    # the demo's bird datasets cover the class Aves; the phylum Chordata is above it, and
    # above the bats' order Chiroptera (graph_loader/demo/pndb.ttl)
    taxon = BASE_IRI + "id/taxon/"
    birds = call(server, "search", {"taxon": [taxon + "class-aves"]}).structured_content
    assert {h["iri"] for h in birds["hits"]} == {
        D + "vigie-nature-stoc",
        D + "crbpo-bird-ringing",
    }
    chordates = call(server, "search", {"taxon": [taxon + "phylum-chordata"]}).structured_content
    assert {h["iri"] for h in chordates["hits"]} == {
        D + "vigie-nature-stoc",
        D + "crbpo-bird-ringing",
        D + "vigie-chiro",
    }


def test_get_resource_and_related(server):
    page = call(server, "get_resource", {"iri": D + "odyssea-sst"}).structured_content
    assert page["iri"] == D + "odyssea-sst" and page["title"]
    related = call(server, "related", {"iri": D + "odyssea-sst"}).structured_content
    assert related["related"] and all(r["iri"].startswith("http") for r in related["related"])
    missing = call(server, "get_resource", {"iri": D + "no-such-thing"})
    assert missing.is_error


def test_concepts_autocomplete_and_tree(server):
    found = call(server, "concepts", {"query": "température de surface", "lang": "fr"})
    iris = [s["iri"] for s in found.structured_content["suggestions"]]
    assert THESAURUS_NS + "sea-surface-temperature" in iris
    tree = call(server, "concepts", {"iri": THESAURUS_NS + "sea-level"}).structured_content
    assert {c["iri"] for c in tree["children"]} == {
        THESAURUS_NS + "sea-surface-height",
        THESAURUS_NS + "sea-level-anomaly",
        THESAURUS_NS + "sea-level-rise",
    }


def test_sparql_reads_and_refuses_updates(server):
    query = (
        "SELECT ?d WHERE { ?d <http://www.w3.org/ns/dcat#theme> "
        f"<{THESAURUS_NS}sea-ice-thickness> }}"
    )
    result = call(server, "sparql", {"query": query}).structured_content
    assert result["kind"] == "solutions" and result["truncated"] is False
    rows = result["result"]["results"]["bindings"]
    assert [r["d"]["value"] for r in rows] == [D + "cryosat-sea-ice-thickness"]
    refused = call(server, "sparql", {"query": "INSERT DATA { <x:a> <x:b> <x:c> }"})
    assert refused.is_error and "Updates are refused" in refused.content[0].text
    broken = call(server, "sparql", {"query": "SELECT WHERE {"})
    assert broken.is_error


def test_ask_cites_records(server):
    answer = call(server, "ask", {"question": "sea ice thickness in the Arctic"}).structured_content
    assert {i for s in answer["answer"] for i in s["cites"]} == {D + "cryosat-sea-ice-thickness"}


def test_gaia_kg_mcp_over_stdio_on_a_disk_store(tmp_path):
    """The click command as a subprocess on a store folder, through the SDK's stdio client."""
    from mcp import StdioServerParameters

    from graph_loader.index import SearchIndex, rebuild
    from graph_loader.store import EmbeddedStore

    path = tmp_path / "store"
    store = EmbeddedStore(path)
    store.raw.extend(demo_store().raw.quads_for_pattern(None, None, None, None))
    store.raw.flush()
    index = SearchIndex.open(tmp_path / "index")
    rebuild(index, store, threads=1)
    store.close()
    del store
    params = StdioServerParameters(
        command=sys.executable,
        args=["-c", "from sparql_api.cli import main; main()", "mcp", "--store", str(path)],
        env={"GAIA_KG_QUERY_WORKERS": "1"},
    )

    async def run():
        async with Client(params) as client:
            found = await client.call_tool("search", {"q": "sea ice thickness", "size": 5})
            asked = await client.call_tool("ask", {"question": "sismicité en France"})
            return found.structured_content, asked.structured_content

    found, asked = anyio.run(run)
    assert found["hits"][0]["iri"] == D + "cryosat-sea-ice-thickness"
    assert asked["lang"] == "fr" and asked["found"] == 4
