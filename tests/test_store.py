"""The Store interface, run identically on the embedded and the remote backend."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_loader.errors import QueryError
from graph_loader.store import EmbeddedStore, GraphWrite

EX = "http://example.org/"
G1, G2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")
S = ox.NamedNode(EX + "s")
P = ox.NamedNode(EX + "p")


def triples(*values: str) -> list[ox.Triple]:
    return [ox.Triple(S, P, ox.Literal(v, language="fr")) for v in values]


def test_write_and_read_graphs(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a", "b")), GraphWrite(G2, triples("c"))])
    assert sorted(g.value for g in any_store.named_graphs()) == [G1.value, G2.value]
    assert set(any_store.graph_triples(G1)) == set(triples("a", "b"))
    assert any_store.triple_count() == 3
    assert any_store.triple_count(G2) == 1


def test_replace_is_whole_graph(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a", "b"))])
    any_store.write_graphs([GraphWrite(G1, triples("z"))])
    assert set(any_store.graph_triples(G1)) == set(triples("z"))
    assert any_store.triple_count() == 1


def test_union_default_graph_and_bindings(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a")), GraphWrite(G2, triples('b "quoted"'))])
    rows = any_store.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", {"s": S, "p": P})
    assert [r["o"] for r in rows] == [
        ox.Literal("a", language="fr"),
        ox.Literal('b "quoted"', language="fr"),
    ]
    hostile = ox.Literal('x" } ; DROP ALL ; SELECT * WHERE { "')
    assert any_store.select("SELECT ?s WHERE { ?s ?p ?v }", {"v": hostile}) == []
    assert any_store.triple_count() == 2


def test_ask_and_construct(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a"))])
    assert bool(any_store.query("ASK { ?s ?p ?o }")) is True
    result = any_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert set(result) == set(triples("a"))


def test_drop_graphs(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a")), GraphWrite(G2, triples("b"))])
    any_store.drop_graphs([G1])
    assert [g.value for g in any_store.named_graphs()] == [G2.value]
    assert any_store.graph_triples(G1) == []


def test_syntax_error_is_query_error(any_store):
    with pytest.raises(QueryError):
        any_store.query("SELEC nothing")


def test_dump_round_trips(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a")), GraphWrite(G2, triples("b"))])
    quads = set(ox.parse(any_store.dump(ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS))
    assert quads == {
        ox.Quad(S, P, ox.Literal("a", language="fr"), G1),
        ox.Quad(S, P, ox.Literal("b", language="fr"), G2),
    }


def test_comments_do_not_change_the_query_form(any_store):
    any_store.write_graphs([GraphWrite(G1, triples("a"))])
    rows = any_store.select("# drop, insert, describe: words in a comment\nSELECT ?o { ?s ?p ?o }")
    assert rows == [{"o": ox.Literal("a", language="fr")}]


def test_a_read_only_store_closes_without_flushing(tmp_path):
    EmbeddedStore(tmp_path / "s").close()
    reader = EmbeddedStore(tmp_path / "s", read_only=True)
    assert reader.triple_count() == 0
    reader.close()  # pyoxigraph refuses flush() on a read-only store
