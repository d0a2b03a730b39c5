"""/editor: YASGUI over /sparql with the project's prefixes, example queries that run on the
demo, ``?query=`` prefilled (escaped), in French and English; "show as SPARQL" opens it."""

from __future__ import annotations

import json
import re

import pytest
from helpers import ROOT
from http_support import app_over
from markupsafe import escape
from sparql_support import demo_store

from graph_loader.namespaces import PREFIXES
from sparql_api.sparql.editor import examples
from sparql_api.web.static_files import static_version

EXAMPLES = sorted((ROOT / "sparql_api" / "queries" / "examples").glob("*.rq"))
CONFIG = re.compile(r'<script type="application/json" id="editor-config">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def config_of(page) -> dict:
    return json.loads(CONFIG.search(page.get_data(as_text=True)).group(1))


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.data
    return response.get_json(force=True)["results"]["bindings"]


def direct(store, query: str) -> list[dict]:
    from sparql_api.core.execute import solutions_json

    result = store.raw.query(query, use_default_graph_as_union=True)
    variables = [v.value for v in result.variables]
    return solutions_json(variables, list(result))["results"]["bindings"]


@pytest.mark.parametrize(
    ("lang", "title"), [("fr", "Éditeur de requêtes SPARQL"), ("en", "SPARQL query editor")]
)
def test_the_editor_page_in_each_language(client, lang, title):
    page = client.get(f"/editor?lang={lang}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    static = f"/static/{static_version()}/vendor/yasgui/build/yasgui.min"
    assert (f'src="{static}.js"' in html, f'href="{static}.css"' in html) == (True, True)
    config = config_of(page)
    assert config["endpoint"] == "http://localhost/sparql"
    assert config["prefixes"] == {p: str(ns) for p, ns in PREFIXES.items()}
    assert [e["name"] for e in config["examples"]] == [p.stem for p in EXAMPLES]
    assert [e["title"] for e in config["examples"]] == [e["title"] for e in examples(lang)]
    assert config["query"] == EXAMPLES[0].read_text(encoding="utf-8")
    assert config["prefilled"] is False
    for example in examples(lang):  # each example is also a plain link (no JavaScript needed)
        assert str(escape(example["title"])) in html


def test_every_example_has_both_titles():
    for en, fr in zip(examples("en"), examples("fr"), strict=True):
        assert en["title"] and fr["title"] and en["title"] != fr["title"]


def test_query_is_prefilled_and_escaped(client):
    query = 'SELECT * WHERE { ?s ?p "</script><b>x</b>" }'
    page = client.get("/editor", query_string={"query": query})
    html = page.get_data(as_text=True)
    assert "</script><b>" not in html
    config = config_of(page)
    assert (config["query"], config["prefilled"]) == (query, True)


def test_the_vendored_editor_is_served_with_its_licence(client):
    script = client.get("/static/vendor/yasgui/build/yasgui.min.js")
    assert script.status_code == 200
    assert script.data.startswith(b"(function(e,t)")
    script.close()
    licence = (ROOT / "sparql_api/static/vendor/yasgui/LICENSE").read_text()
    assert "MIT License" in licence and "Permission is hereby granted" in licence


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_query_returns_rows_on_the_demo(client, store, path):
    query = path.read_text(encoding="utf-8")
    got = rows(client.post("/sparql", data={"query": query}))
    assert got, f"{path.name} returns no rows on the demo"
    assert got == direct(store, query)


@pytest.mark.parametrize("search", ["centre=sedoo", "type=software", "centre=icare&type=dataset"])
def test_show_as_sparql_opens_the_equivalent_query_in_the_editor(client, search):
    found = client.get(f"/api/search?size=100&{search}").get_json()
    assert 0 < found["total"] <= 100
    page = client.get(found["links"]["sparql"])
    config = config_of(page)
    assert config["prefilled"] is True
    resources = {
        b["r"]["value"] for b in rows(client.post("/sparql", data={"query": config["query"]}))
    }
    assert resources == {hit["iri"] for hit in found["hits"]}
