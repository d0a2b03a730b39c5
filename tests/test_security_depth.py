"""Deep nesting: SPARQL nested deeper than the bound is refused before the engine sees it
(queries, updates, `gaia-kg query`); JSON nested 1,000 levels is refused by name by every
reader (JSON-LD, DataCite, DCAT pages, STAC search) and a load keeps its good files (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from http_support import app_over, fixture_store

from graph_loader.errors import InputError
from graph_loader.formats import read_document
from graph_loader.mappings import datacite_json, jsonld
from graph_loader.pipeline import load_paths
from graph_loader.sources.dcat import _jsonld_links
from graph_loader.sparql_guard import MAX_DEPTH
from graph_loader.store import EmbeddedStore
from sparql_api.cli import main

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
FIX = Path(__file__).parent / "fixtures" / "load"


def _nested(depth: int) -> str:
    return "SELECT * WHERE " + "{ " * depth + "?s ?p ?o " + "} " * depth


def test_deep_sparql_is_refused_before_the_engine():
    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        client = app.test_client()
        fine = client.get("/sparql", query_string={"query": _nested(MAX_DEPTH - 1)})
        assert fine.status_code == 200
        for query in (
            _nested(MAX_DEPTH + 1),
            "ASK { FILTER(" + "(" * 300 + "1" + ")" * 300 + ") }",
        ):
            answer = client.get("/sparql", query_string={"query": query, "lang": "en"})
            assert answer.status_code == 400
            assert answer.get_data(as_text=True) == (
                f"The SPARQL text is nested deeper than {MAX_DEPTH} levels of braces, "
                "parentheses or brackets: simplify it.\n"
            )
        update = "INSERT { <http://x/s> <http://x/p> 1 } WHERE " + "{ " * 300 + "} " * 300
        answer = client.post(
            "/sparql/update", data=update, content_type="application/sparql-update", headers=AUTH
        )
        assert answer.status_code == 400
        assert "nested deeper" in answer.get_data(as_text=True)
        strings = 'SELECT * WHERE { ?s ?p "' + "{" * 1000 + '" }'  # braces in a string: text
        assert client.get("/sparql", query_string={"query": strings}).status_code == 200


def test_gaia_kg_query_refuses_deep_text(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(main, ["init", "--store", store]).exit_code == 0
    result = runner.invoke(main, ["query", "--store", store, _nested(300)])
    assert result.exit_code == 1
    assert f"nested deeper than {MAX_DEPTH} levels" in result.output


DEEP = "[" * 1000 + "]" * 1000


def test_deep_json_is_refused_by_name_by_every_reader():
    deep_jsonld = '{"@context": {"@vocab": "http://x/"}, "@id": "http://x/a", "p": ' + DEEP + "}"
    with pytest.raises(InputError, match="nested deeper than"):
        read_document(deep_jsonld.encode(), name="deep.jsonld")
    with pytest.raises(InputError, match="nested deeper than"):
        jsonld.load_json(deep_jsonld.encode())
    deep_datacite = ('{"titles": [{"title": "T"}], "creators": ' + DEEP + "}").encode()
    assert datacite_json.sniff(deep_datacite) in (True, False)  # no RecursionError
    with pytest.raises(InputError, match="nested deeper than"):
        datacite_json.to_record(deep_datacite)
    with pytest.raises(InputError, match="nested deeper than"):
        _jsonld_links(deep_jsonld.encode(), "http://x/page/1")


def test_stac_search_refuses_a_deep_body():
    with app_over(fixture_store()) as app:
        answer = app.test_client().post(
            "/stac/search", data='{"bbox": ' + DEEP + "}", content_type="application/json"
        )
        assert answer.status_code == 400
        assert answer.get_json()["error"] == "stac_bad_body"


def test_a_load_with_a_deep_json_file_keeps_the_good_files(tmp_path):
    (tmp_path / "deep.json").write_text('{"@context": {"@vocab": "http://x/"}, "p": ' + DEEP + "}")
    (tmp_path / "good.ttl").write_bytes((FIX / "catalogue.ttl").read_bytes())
    store = EmbeddedStore(None)
    report = load_paths(
        store,
        [tmp_path / "deep.json", tmp_path / "good.ttl"],
        base_iri="https://data.gaia-data.fr/",
    )
    assert report.count("loaded") == 2
    (error,) = report.file_errors
    assert "deep.json" in error and "nested deeper than" in error


def _unions(n: int) -> str:
    return "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * n) + " }"


def test_long_operator_chains_are_refused_before_the_engine():
    from graph_loader.sparql_guard import MAX_OPERATORS

    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        client = app.test_client()
        assert client.post("/sparql", data={"query": _unions(1000)}).status_code == 200
        for query in (
            _unions(10_000),  # crashed its worker: answered 503 "the store cannot be read"
            "ASK { FILTER(" + "||".join(["true"] * (MAX_OPERATORS // 2 + 2)) + ") }",
        ):
            answer = client.post("/sparql", data={"query": query, "lang": "en"})
            assert answer.status_code == 400
            assert answer.get_data(as_text=True) == (
                f"The SPARQL text chains more than {MAX_OPERATORS} operators (UNION, OPTIONAL, "
                "MINUS, paths, arithmetic or logic): split it.\n"
            )
        # updates run in the server process: the same bound keeps them from crashing it
        update = (
            "INSERT { ?s ?p ?o } WHERE { "
            + " UNION ".join(["{ ?s ?p ?o }"] * (MAX_OPERATORS + 2))
            + " }"
        )
        answer = client.post(
            "/sparql/update", data=update, content_type="application/sparql-update", headers=AUTH
        )
        assert answer.status_code == 400


def test_every_converter_refuses_a_document_nested_beyond_reason_by_name(tmp_path):
    """Whatever converter takes a deeply nested JSON document (Project Open Data here, which
    reads JSON itself), the load names the file and goes on with the good ones."""
    from graph_loader.backends import open_store
    from graph_loader.pipeline import load_paths

    depth = 5000
    deep = (
        '{"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": ['
        + '{"title": "x", "dataset": [' * depth
        + "]}" * depth
        + "]}"
    )
    (tmp_path / "deep.json").write_text(deep)
    (tmp_path / "good.ttl").write_text(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .\n"
        '<https://example.org/d/1> a dcat:Dataset ; dct:title "Good"@en ; '
        'dct:description "A good record of the same load."@en .\n'
    )
    report = load_paths(open_store(":memory:"), [tmp_path], base_iri="https://data.gaia-data.fr/")
    assert list(report.unreadable) == ["deep.json"]
    assert [o.resource for o in report.outcomes if o.kind != "source"] == [
        "https://example.org/d/1"
    ]
