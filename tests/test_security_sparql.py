"""SPARQL guardrails: anonymous queries never federate (SERVICE refused, 400 naming it), token
holders only to the endpoints of GAIA_KG_SERVICE_ALLOW, LOAD likewise; an internal endpoint
is never called (issue 21)."""

from __future__ import annotations

import pytest
from fixture_server import Answer, serve
from http_support import app_over, fixture_store

from graph_loader.config import Settings
from graph_loader.sparql_guard import SparqlRefused, check_sparql, remote_iris

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
RESULTS = (
    b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://x/s"}}]}}'
)


def _endpoint(request):
    return Answer(200, "application/sparql-results+json", RESULTS)


@pytest.fixture
def internal():
    with serve(_endpoint) as server:
        yield server


def _query(url: str, silent: str = "") -> str:
    return f"SELECT ?s WHERE {{ SERVICE {silent}<{url}/internal> {{ ?s ?p ?o }} }}"


def test_an_anonymous_service_query_is_refused_and_nothing_is_called(internal):
    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        client = app.test_client()
        for query in (
            _query(internal.url),
            _query(internal.url, "SILENT "),
            f"PREFIX in: <{internal.url}/> SELECT * WHERE {{ service in:internal {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ \\u0053ERVICE <{internal.url}/x> {{ ?s ?p ?o }} }}",
        ):
            for answer in (
                client.get("/sparql", query_string={"query": query}),
                client.post("/sparql", data={"query": query}),
                client.post("/sparql", data=query, content_type="application/sparql-query"),
            ):
                assert answer.status_code == 400, query
                assert "SERVICE" in answer.get_data(as_text=True)
        fr = client.get("/sparql", query_string={"query": _query(internal.url), "lang": "fr"})
        assert "SERVICE" in fr.get_data(as_text=True) and "jeton" in fr.get_data(as_text=True)
    assert internal.requests == []


def test_service_in_a_string_or_a_comment_is_not_a_call():
    query = 'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1/>" } # SERVICE <http://x/>'
    assert remote_iris(query) == ([], [])
    assert remote_iris("SELECT * WHERE { ?s a dcat:DataService ; ex:service ?x }") == ([], [])


def test_a_token_holder_reaches_only_the_allowed_endpoints(internal):
    allowed = internal.url + "/internal"
    with app_over(fixture_store(), admin_tokens=(TOKEN,), service_allow=(allowed,)) as app:
        client = app.test_client()
        answer = client.get("/sparql", query_string={"query": _query(internal.url)}, headers=AUTH)
        assert answer.status_code == 200, answer.get_data(as_text=True)
        assert len(internal.requests) == 1
        other = f"SELECT * WHERE {{ SERVICE <{internal.url}/other> {{ ?s ?p ?o }} }}"
        refused = client.get("/sparql", query_string={"query": other}, headers=AUTH)
        assert refused.status_code == 400
        assert f"{internal.url}/other" in refused.get_data(as_text=True)
        variable = "SELECT * WHERE { SERVICE ?where { ?s ?p ?o } }"
        assert (
            client.get("/sparql", query_string={"query": variable}, headers=AUTH).status_code == 400
        )
        assert len(internal.requests) == 1


def test_load_in_an_update_is_refused_unless_allowed(internal):
    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        client = app.test_client()
        for update in (
            f"LOAD <{internal.url}/data.ttl>",
            f"LOAD SILENT <{internal.url}/data.ttl> INTO GRAPH <http://g/>",
            f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{internal.url}/q> {{ ?s ?p ?o }} }}",
        ):
            answer = client.post(
                "/sparql/update",
                data=update,
                content_type="application/sparql-update",
                headers=AUTH,
            )
            assert answer.status_code == 400, update
            text = answer.get_data(as_text=True)
            assert "LOAD" in text or "SERVICE" in text
    assert internal.requests == []


def test_the_guard_and_its_setting():
    settings = Settings(service_allow=("https://sparql.example.org/q",))
    check_sparql(
        "SELECT * WHERE { SERVICE <https://sparql.example.org/q> { ?s ?p ?o } }",
        anonymous=False,
        settings=settings,
    )
    with pytest.raises(SparqlRefused) as refused:
        check_sparql(
            "SELECT * WHERE { SERVICE <https://sparql.example.org/q> { ?s ?p ?o } }",
            anonymous=True,
            settings=settings,
        )
    assert refused.value.key == "sparql_service_anonymous"
    with pytest.raises(SparqlRefused):
        check_sparql(
            "BASE <https://sparql.example.org/> SELECT * { SERVICE <other> { ?s ?p ?o } }",
            anonymous=False,
            settings=settings,
        )


def test_invalid_utf8_is_refused_in_every_way_of_sending_a_query():
    with app_over(fixture_store()) as app:
        client = app.test_client()
        raw = "ASK%7B%3Fs%20%3Fp%20%22%FF%22%7D"
        answers = [
            client.get(f"/sparql?query={raw}"),
            client.post(
                "/sparql",
                data=f"query={raw}".encode(),
                content_type="application/x-www-form-urlencoded",
            ),
            client.post("/sparql", data=b'ASK { ?s ?p "\xff" }', content_type=QUERY),
        ]
        for answer in answers:
            assert answer.status_code == 400
            assert answer.get_data(as_text=True) == "The query must be UTF-8 text.\n"
        fine = client.get("/sparql?query=ASK%7B%3Fs%20%3Fp%20%22%C3%A9%22%7D")
        assert fine.status_code == 200
    with app_over(fixture_store(), admin_tokens=(TOKEN,)) as app:
        update = app.test_client().post(
            "/sparql/update",
            data=b"update=INSERT%20DATA%20%7B%3Chttp://x/s%3E%20%3Chttp://x/p%3E%20%22%FF%22%7D",
            content_type="application/x-www-form-urlencoded",
            headers=AUTH,
        )
        assert update.status_code == 400


QUERY = "application/sparql-query"


def test_the_mcp_sparql_tool_never_federates(internal):
    import anyio
    from demo_support import demo_store
    from mcp import Client

    from sparql_api.mcp.server import build_server

    server = build_server(Settings(store=":memory:", query_workers=1), demo_store())

    async def run():
        async with Client(server) as client:
            return await client.call_tool("sparql", {"query": _query(internal.url)})

    try:
        refused = anyio.run(run)
    finally:
        server.catalogue.close()
    assert refused.is_error
    assert refused.content[0].text.endswith(
        "Query refused: SERVICE is refused without an API token"
    )
    assert internal.requests == []
