"""The change feed (graph_loader.feed) on every backend, the search indexes that follow it
(graph_loader.index.follow), and what /health says of their lag."""

from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox
from search_support import all_hits

from graph_loader import feed
from graph_loader.config import Settings
from graph_loader.index import SearchIndex
from graph_loader.index.follow import follow, position
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore, GraphWrite
from graph_loader.terms import DESCRIBES, RDF_TYPE
from graph_loader.virtuoso import VirtuosoStore
from sparql_api import create_app

BASE = "https://data.gaia-data.fr/"
CATALOGUE = Path(__file__).parent / "fixtures" / "load" / "catalogue.ttl"
EX = "http://example.org/feed/"
DATASET = ox.NamedNode("http://www.w3.org/ns/dcat#Dataset")
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")


def _n(name: str) -> ox.NamedNode:
    return ox.NamedNode(EX + name)


def _record(graph: str, resource: str) -> GraphWrite:
    g, r = _n(graph), _n(resource)
    return GraphWrite(g, [ox.Triple(g, DESCRIBES, r), ox.Triple(r, RDF_TYPE, DATASET)])


def _summary(entries) -> list[tuple[list[str], bool]]:
    return [(sorted(r[len(EX) :] for r in e.resources), e.everything) for e in entries]


def test_announced_writes_are_numbered_with_the_resources_before_and_after(any_store):
    store = any_store
    store.write_graphs([_record("g1", "r1"), _record("g2", "r2")], announce=True)
    store.write_graphs([_record("g1", "r3")], announce=True)  # g1 described r1, now r3
    store.drop_graphs([_n("g2")], announce=True)  # a withdrawal
    store.write_graphs([GraphWrite(_n("g1"), [])], announce=True)  # an empty graph: dropped
    store.record(f"INSERT DATA {{ GRAPH {_n('g3')} {{ {_n('g3')} {DESCRIBES} {_n('r4')} }} }}",
                 [_n("g3")])  # fmt: skip
    unknown = f"INSERT DATA {{ GRAPH {_n('g6')} {{ {_n('s')} {_n('p')} 1 }} }} # no newline"
    store.record(unknown, None)  # the graphs it changes are not told
    store.write_graphs([_record("g5", "r5")])  # not announced: no entry
    first = (
        [(["r1"], False), (["r2"], False)]  # Virtuoso: one entry per graph written
        if isinstance(store, VirtuosoStore)
        else [(["r1", "r2"], False)]
    )
    expected = [*first, (["r1", "r3"], False), (["r2"], False), (["r3"], False),
                (["r4"], False), ([], True)]  # fmt: skip
    entries = feed.entries_after(store, 0)
    assert _summary(entries) == expected
    assert [e.sequence for e in entries] == list(range(1, len(expected) + 1))
    assert feed.bounds(store) == feed.Bounds(1, len(expected))
    assert _summary(feed.entries_after(store, len(expected) - 2)) == expected[-2:]
    changes, seconds = feed.lag(store, len(expected) - 2)
    assert changes == 2 and 0.0 <= seconds < 600.0
    assert feed.lag(store, len(expected)) == (0, 0.0)


def test_old_entries_are_pruned_but_the_newest_keeps_the_sequence_going(any_store):
    store = any_store
    for i in range(3):
        store.write_graphs([_record(f"g{i}", f"r{i}")], announce=True)
    store.update(feed.prune_op(time.time() + 3600, 60))  # an hour from now, all are old
    assert feed.bounds(store) == feed.Bounds(3, 3)
    store.write_graphs([_record("g9", "r9")], announce=True)
    assert _summary(feed.entries_after(store, 3)) == [(["r9"], False)]
    assert feed.bounds(store) == feed.Bounds(3, 4)


def _indexed(index: SearchIndex) -> list[str]:
    return sorted(all_hits(index, {}))


def test_an_index_follows_loads_updates_withdrawals_and_rebuilds_when_it_must(tmp_path):
    store = EmbeddedStore(None)
    load_paths(store, [CATALOGUE], base_iri=BASE)
    index = SearchIndex.open(tmp_path / "index")
    assert position(index) is None
    assert follow(index, store).documents == 2  # never built: built whole
    loaded = _indexed(index)
    assert (loaded, position(index)) == (
        [BASE + "id/dataset/test-aod", BASE + "id/service/test-opendap"],
        feed.bounds(store).last,
    )
    assert follow(index, store) is None

    g, r = _n("graph"), _n("dataset")
    insert = f'INSERT DATA {{ GRAPH {g} {{ {g} {DESCRIBES} {r} . {r} a {DATASET} ; {TITLE} "Feed test"@en }} }}'  # noqa: E501
    store.record(insert, [g])
    report = follow(index, store)
    assert (report.documents, report.removed) == (1, 0)
    assert _indexed(index) == sorted([*loaded, r.value])
    store.drop_graphs([g], announce=True)  # withdrawn
    assert follow(index, store).documents == 0
    assert _indexed(index) == loaded

    store.record(insert, None)  # graphs unknown: rebuilt
    assert follow(index, store).documents == 3
    assert _indexed(index) == sorted([*loaded, r.value])
    # the feed no longer reaches back to the index's position: rebuilt
    reopened = SearchIndex.open(tmp_path / "index")
    store.drop_graphs([g], announce=True)
    store.drop_graphs([g], announce=True)
    store.update(feed.prune_op(time.time() + 3600, 60))
    assert follow(reopened, store).documents == 2
    assert (_indexed(reopened), position(reopened)) == (loaded, feed.bounds(store).last)


def test_health_gives_the_lag_of_the_index_and_the_server_catches_up(tmp_path):
    with EmbeddedStore(tmp_path / "store") as store:
        load_paths(store, [CATALOGUE], base_iri=BASE)
        loaded = feed.bounds(store).last
    del store  # pyoxigraph lets the store go when the object is freed
    settings = Settings(store=str(tmp_path / "store"), admin_tokens=("tok",), feed_poll=0)
    app = create_app(settings)
    client = app.test_client()
    catalogue = app.extensions["gaia_kg"]
    lag = client.get("/health").json["index"]
    assert (lag["position"], lag["changes"]) == (None, loaded)
    catalogue.follower.poll()
    assert client.get("/health").json["index"] == {
        "position": loaded, "changes": 0, "seconds": 0.0
    }  # fmt: skip

    g, r = _n("graph"), _n("dataset")
    insert = f'INSERT DATA {{ GRAPH {g} {{ {g} {DESCRIBES} {r} . {r} a {DATASET} ; {TITLE} "Feed test"@en }} }}'  # noqa: E501
    auth = {"Authorization": "Bearer tok"}
    response = client.post("/sparql/update", data={"update": insert}, headers=auth)
    assert response.status_code == 204
    lag = client.get("/health").json["index"]
    assert (lag["position"], lag["changes"]) == (loaded, 1)
    assert client.get("/api/search?q=feed").json["total"] == 0
    catalogue.follower.poll()
    assert client.get("/health").json["index"]["changes"] == 0
    hits = client.get("/api/search?q=feed").json["hits"]
    assert [h["iri"] for h in hits] == [r.value]
    catalogue.close()


def test_the_resources_a_graph_given_as_n_quads_says_it_describes():
    """Only whole lines ``<g> describes <r> <g> .`` count: not another graph's, not a
    literal, not a statement indented or about another subject."""
    g, d = f"<{EX}g>", f"<{DESCRIBES.value}>"
    lines = [
        f"{g} {d} <{EX}r1> {g} .",
        f"<{EX}x> {d} <{EX}r0> {g} .",
        f" {g} {d} <{EX}r0> {g} .",
        f"{g} {d} <{EX}r0> <{EX}other> .",
        f'{g} {d} "{EX}r0" {g} .',
        f"{g} {d} <{EX}r2> {g} .",
    ]
    write = GraphWrite(_n("g"), [], text="\n".join(lines) + "\n")
    assert feed.described_by([write]) == {EX + "r1", EX + "r2"}
