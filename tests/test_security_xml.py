"""XML entity expansion in RDF/XML wherever the DTD stands (not only in the first 64 KiB),
in loads and in Graph Store Protocol bodies: nested (billion laughs), parameter and external
entity declarations are refused; a simple internal entity is still expanded (issue 21).

The bombs here have 3 levels: small enough to be harmless if a guard failed."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from http_support import app_over, fixture_store

from graph_loader.errors import InputError
from graph_loader.formats import read_triples
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore

#: a comment naming rdf:RDF (so the head looks like RDF/XML) pushes the DTD past 64 KiB
PADDING = "<!-- <rdf:RDF> " + "x" * 70_000 + " -->\n"
BODY = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:dct="http://purl.org/dc/terms/">\n'
    '<rdf:Description rdf:about="http://example.org/s"><dct:title>{value}</dct:title>'
    "</rdf:Description></rdf:RDF>\n"
)
LAUGHS = (
    '<!ENTITY a "laugh">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
)


def rdfxml(entities: str, value: str, padding: str = PADDING) -> bytes:
    head = '<?xml version="1.0"?>\n' + padding
    return (head + f"<!DOCTYPE rdf:RDF [\n{entities}\n]>\n" + BODY.format(value=value)).encode()


@pytest.mark.parametrize(
    "entities",
    [
        LAUGHS,
        '<!ENTITY x SYSTEM "file:///etc/hostname">',
        "<!ENTITY % p \"<!ENTITY q 'x'>\"> %p;",
        '<!ENTITY x PUBLIC "-//x//EN" "http://127.0.0.1:9/x.dtd">',
    ],
)
def test_entity_declarations_after_64_kib_are_refused(entities):
    value = "&c;" if "&a;" in entities else "&x;" if "x" in entities.split()[1] else "t"
    with pytest.raises(InputError, match="entity"):
        read_triples(rdfxml(entities, value), name="late-bomb.rdf")
    with pytest.raises(InputError, match="entity"):
        read_triples(rdfxml(entities, value, padding=""), name="early-bomb.rdf")


def test_a_simple_internal_entity_is_still_expanded_wherever_it_stands():
    data = rdfxml('<!ENTITY h "hello">', "&h;")
    assert read_triples(data, name="x.rdf") == [
        ox.Triple(
            ox.NamedNode("http://example.org/s"),
            ox.NamedNode("http://purl.org/dc/terms/title"),
            ox.Literal("hello"),
        )
    ]


def test_a_load_with_a_bomb_keeps_the_good_files(tmp_path):
    (tmp_path / "bomb.rdf").write_bytes(rdfxml(LAUGHS, "&c;"))
    good = (
        '<?xml version="1.0"?>\n'
        + BODY.format(value="fine").replace(
            'rdf:about="http://example.org/s"',
            'rdf:about="https://data.gaia-data.fr/id/dataset/fine"',
        )
    ).replace(
        "<dct:title>",
        '<rdf:type rdf:resource="http://www.w3.org/ns/dcat#Dataset"/><dct:title>',
    )
    (tmp_path / "good.rdf").write_text(good)
    report = load_paths(
        EmbeddedStore(None),
        [tmp_path / "bomb.rdf", tmp_path / "good.rdf"],
        base_iri="https://data.gaia-data.fr/",
    )
    assert [o.resource for o in report.outcomes] == ["https://data.gaia-data.fr/id/dataset/fine"]
    (error,) = report.file_errors
    assert "bomb.rdf" in error and "entity" in error


def test_graph_store_bodies_refuse_entity_declarations():
    token = "s3cret-token"
    with app_over(fixture_store(), admin_tokens=(token,)) as app:
        client = app.test_client()
        for method in (client.put, client.post):
            answer = method(
                "/sparql/graph?graph=http://example.org/g",
                data=rdfxml(LAUGHS, "&c;"),
                content_type="application/rdf+xml",
                headers={"Authorization": f"Bearer {token}"},
            )
            assert answer.status_code == 400
            assert "entity" in answer.get_data(as_text=True)
        read = client.get("/sparql/graph?graph=http://example.org/g")
        assert read.status_code == 404  # nothing was written
