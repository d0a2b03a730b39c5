"""For crawlers and linkers: ``sitemap.xml`` (with ``lastmod``), ``robots.txt`` and a VoID
description of the knowledge graph (counts per class, per non-record graph, and record graphs
per source). Plain functions (no Flask).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

import pyoxigraph as ox
from rdflib import Namespace

from graph_loader.namespaces import DCT, FORMATS, XSD
from graph_loader.store import Store
from graph_loader.terms import RDF_TYPE, THESAURUS_NS
from graph_loader.xmlchars import xml_safe
from sparql_api.core.rq import load_query
from sparql_api.linked_data.dereference import local_path

__all__ = ["sitemap", "robots_txt", "void_triples", "SITEMAP_MAX", "VOID"]

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: URLs per sitemap file (the protocol's limit); more make a sitemap index
SITEMAP_MAX = 50_000
VOID = Namespace("http://rdfs.org/ns/void#")


def _pages(store: Store, base: str) -> list[tuple[str, str | None]]:
    """(absolute URL, lastmod) of the home page, the record pages and the concept pages."""
    site = base.rstrip("/")
    pages: list[tuple[str, str | None]] = [(base, None)]
    rows = store.select(load_query("sitemap_pages"))
    for row in sorted(rows, key=lambda row: row["r"].value):
        iri = row["r"].value
        path = local_path(iri, base)
        if path is None:
            continue  # a resource outside our base has its own home
        lastmod = row["lastmod"].value if "lastmod" in row else None
        pages.append((site + path, lastmod if lastmod and len(lastmod) == 10 else None))
    for row in store.select(load_query("sitemap_concepts")):
        if row["c"].value.startswith(THESAURUS_NS):
            pages.append((f"{site}/concepts/{row['c'].value.removeprefix(THESAURUS_NS)}", None))
    return pages


def sitemap(store: Store, base: str) -> dict[int | None, bytes]:
    """Every answer of the sitemap, made at once (the pages are read in one query): by
    ``page`` None, one ``urlset`` when it holds, else a sitemap index of
    ``sitemap.xml?page=N``; by ``N``, that part (parts past the last are absent)."""
    pages = _pages(store, base)
    parts = max(1, -(-len(pages) // SITEMAP_MAX))
    out: dict[int | None, bytes] = {}
    for n in range(1, parts + 1):
        root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        for loc, lastmod in pages[(n - 1) * SITEMAP_MAX : n * SITEMAP_MAX]:
            entry = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = loc
            if lastmod:
                ET.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
        out[n] = _xml(root)
    if parts == 1:
        out[None] = out[1]
        return out
    root = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for n in range(1, parts + 1):
        entry = ET.SubElement(root, f"{{{SITEMAP_NS}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = f"{base}sitemap.xml?page={n}"
    out[None] = _xml(root)
    return out


def _xml(root: ET.Element) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(
        ET.tostring(root, encoding="utf-8", default_namespace=SITEMAP_NS)
    )


def robots_txt(base: str) -> str:
    """Crawl the pages and the feeds; leave the query services alone.

    >>> robots_txt("https://x.org/").splitlines()[-1]
    'Sitemap: https://x.org/sitemap.xml'
    """
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /sparql",
        "Disallow: /editor",
        "Disallow: /api/",
        "Disallow: /stac/search",
        "",
        f"Sitemap: {base}sitemap.xml",
    ]
    return "\n".join(lines) + "\n"


def _node(base: str, kind: str, key: str) -> ox.NamedNode:
    digest = hashlib.sha1(key.encode()).hexdigest()[:12]
    return ox.NamedNode(f"{base}.well-known/void#{kind}-{digest}")


def _int(n: object) -> ox.Literal:
    return ox.Literal(str(int(n.value)), datatype=ox.NamedNode(XSD.integer))  # type: ignore[attr-defined]


def void_triples(store: Store, base: str) -> list[ox.Triple]:
    """The VoID description: the dataset, its class partitions, one subset per non-record
    graph and one per record source, each with its counts."""
    t, v = ox.Triple, lambda local: ox.NamedNode(VOID[local])
    dataset = ox.NamedNode(base + ".well-known/void#gaia-kg")
    out = [
        t(dataset, RDF_TYPE, v("Dataset")),
        t(
            dataset,
            ox.NamedNode(DCT.title),
            ox.Literal("GAIA Data knowledge graph", language="en"),
        ),
        t(
            dataset,
            ox.NamedNode(DCT.title),
            ox.Literal("Graphe de connaissances GAIA Data", language="fr"),
        ),
        t(dataset, v("sparqlEndpoint"), ox.NamedNode(base + "sparql")),
        t(dataset, v("dataDump"), ox.NamedNode(base + "catalog")),
        t(dataset, v("rootResource"), ox.NamedNode(base + "catalog")),
        t(dataset, v("uriSpace"), ox.Literal(base + "id/")),
        t(dataset, v("exampleResource"), ox.NamedNode(base + "id/catalog/gaia-data-demo")),
        t(dataset, v("feature"), ox.NamedNode(FORMATS.Turtle)),
        t(dataset, v("feature"), ox.NamedNode("http://www.w3.org/ns/formats/JSON-LD")),
        t(dataset, v("feature"), ox.NamedNode("http://www.w3.org/ns/formats/RDF_XML")),
        t(dataset, v("feature"), ox.NamedNode("http://www.w3.org/ns/formats/N-Triples")),
    ]
    total = 0
    for row in store.select(load_query("void_classes")):
        node = _node(base, "class", row["class"].value)
        out += [
            t(dataset, v("classPartition"), node),
            t(node, v("class"), row["class"]),
            t(node, v("entities"), _int(row["n"])),
        ]
    records = {row["g"].value for row in store.select(load_query("void_record_graphs"))}
    for graph in sorted((g for g in store.named_graphs() if g.value not in records), key=str):
        n = store.select(load_query("void_graphs"), {"g": graph})[0]["n"]
        if not int(n.value):  # a graph emptied but not dropped holds nothing to describe
            continue
        node = _node(base, "graph", graph.value)
        total += int(n.value)
        out += [
            t(dataset, v("subset"), node),
            t(node, RDF_TYPE, v("Dataset")),
            t(node, ox.NamedNode("http://www.w3.org/ns/sparql-service-description#name"), graph),
            t(node, v("triples"), _int(n)),
        ]
    for row in store.select(load_query("void_sources")):
        node = _node(base, "source", row["source"].value)
        total += int(row["n"].value)
        out += [
            t(dataset, v("subset"), node),
            t(node, RDF_TYPE, v("Dataset")),
            t(node, ox.NamedNode(DCT.source), ox.Literal(row["source"].value)),
            t(node, v("documents"), _int(row["graphs"])),
            t(node, v("triples"), _int(row["n"])),
        ]
    out.append(t(dataset, v("triples"), ox.Literal(str(total), datatype=ox.NamedNode(XSD.integer))))
    return out
