"""STAC harvester against a real HTTP server on 127.0.0.1 serving corpus collections: an API
``/collections`` in pages, and a static catalogue followed through its ``child`` links."""

from __future__ import annotations

import json

import pytest
from fixture_server import Answer, Request, serve
from helpers import BASE, corpus, fresh_store
from source_catalogues import client
from source_catalogues import harvest as pull

from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig
from graph_loader.iri import resource_iri
from graph_loader.sources.stac import STACSource

JSON = "application/json"


def _collections(n: int) -> list[dict]:
    files = corpus("real", "stac", "nasa-veda", glob="*.json")
    return [json.loads(p.read_bytes()) for p in files[:n]]


class API:
    """A STAC API: landing page, ``/collections`` in pages of ``size`` with ``next`` links."""

    def __init__(self, collections: list, size: int, fail: dict[str, int] | None = None):
        self.collections, self.size, self.fail = collections, size, dict(fail or {})
        self.url = ""
        self.data = True  # the landing page names /collections by a "data" link

    def __call__(self, request: Request) -> Answer:
        if request.path == "/stac":
            links = [{"rel": "data", "href": f"{self.url}/stac/collections"}] if self.data else []
            body = {"type": "Catalog", "id": "api", "stac_version": "1.0.0", "links": links}
            body["conformsTo"] = ["https://api.stacspec.org/v1.0.0/collections"]
            return Answer(200, JSON, json.dumps(body).encode())
        if request.path != "/stac/collections":
            return Answer(404, JSON, b"{}")
        page = int(request.query.get("page", "1"))
        if self.fail.get(str(page), 0) > 0:
            self.fail[str(page)] -= 1
            return Answer(500, JSON, b"{}")
        start = (page - 1) * self.size
        body = {"collections": self.collections[start : start + self.size], "links": []}
        if start + self.size < len(self.collections):
            href = f"{self.url}/stac/collections?page={page + 1}"
            body["links"].append({"rel": "next", "href": href, "type": JSON})
        return Answer(200, JSON, json.dumps(body).encode())


def _run(store, url: str, **options):
    config = SourceConfig("land", "stac", {"url": url, **options}, language=None, retries=0)
    with client() as http:
        return harvest(store, config, client=http, base_iri=BASE, backoff=0)


@pytest.mark.parametrize("data_link", [True, False])
def test_api_collections_in_three_pages_with_a_bad_collection_rejected_alone(data_link):
    collections = _collections(5)
    bad = {"type": "Collection", "stac_version": "1.0.0", "description": "no id"}
    app = API([*collections[:3], bad, *collections[3:]], size=2)
    app.data = data_link
    store = fresh_store()
    with serve(app) as server:
        app.url = server.url
        report = _run(store, f"{server.url}/stac")
    pages = [(r.path, r.query.get("page")) for r in server.requests]
    assert pages == [
        ("/stac", None),
        ("/stac/collections", None),
        ("/stac/collections", "2"),
        ("/stac/collections", "3"),
    ]
    assert report.complete and not report.page_errors
    assert (report.count("loaded"), report.count("rejected")) == (5, 1)
    (rejected,) = [r for r in report.results if r.status == "rejected"]
    assert rejected.identifier == f"{server.url}/stac/collections?page=2#collection-1"
    assert rejected.reasons == [f"{rejected.identifier}: STAC Collection without an id"]
    assert sorted((r.identifier, r.resource) for r in report.results if r.status == "loaded") == [
        (f"{server.url}/stac/collections/{c['id']}", resource_iri("dataset", c["id"], BASE))
        for c in collections
    ]


def test_api_page_failing_stops_then_resumes_with_exactly_the_rest():
    collections = _collections(5)
    app = API(collections, size=2, fail={"2": 1})
    with serve(app) as server, client() as http:
        app.url = server.url
        source = STACSource("land", f"{server.url}/stac/collections")
        got, error = pull(source, http)
        assert [json.loads(r.data)["id"] for r in got] == [c["id"] for c in collections[:2]]
        assert error is not None and error.transient
        assert error.resume == f"{server.url}/stac/collections?page=2"
        rest, error = pull(STACSource("land", source.url), http, resume=error.resume)
    assert error is None
    assert [json.loads(r.data)["id"] for r in rest] == [c["id"] for c in collections[2:]]


class Static:
    """A static catalogue: root → sub-catalogue → collections (relative child links), plus a
    missing child (404), a child that is not JSON, and a collection below the depth limit."""

    def __init__(self, collections: list):
        self.collections = collections
        self.url = ""

    def catalog(self, ident: str, children: list[str]) -> bytes:
        links = [{"rel": "child", "href": c} for c in children]
        body = {"type": "Catalog", "id": ident, "stac_version": "1.0.0", "description": ident}
        return json.dumps({**body, "links": links}).encode()

    def __call__(self, request: Request) -> Answer:
        c = self.collections
        pages = {
            "/catalog.json": self.catalog(
                "root", ["./land/catalog.json", "./gone/collection.json", "./bad/collection.json"]
            ),
            "/land/catalog.json": self.catalog(
                "land", ["../c0/collection.json", "./deep/catalog.json"]
            ),
            "/land/deep/catalog.json": self.catalog("deep", ["../../c1/collection.json"]),
            "/bad/collection.json": b"{not json",
            "/c0/collection.json": json.dumps(c[0]).encode(),
            "/c1/collection.json": json.dumps(c[1]).encode(),
        }
        if request.path not in pages:
            return Answer(404, JSON, b"{}")
        return Answer(200, JSON, pages[request.path])


@pytest.mark.parametrize(("depth", "found"), [(3, 2), (2, 1)])
def test_static_catalogue_followed_through_child_links(depth, found):
    collections = _collections(2)
    store = fresh_store()
    with serve(Static(collections)) as server:
        report = _run(store, f"{server.url}/catalog.json", max_depth=depth)
    assert report.complete
    assert len(report.page_errors) == 2  # the missing child and the one that is not JSON
    assert any("HTTP 404" in e and "/gone/collection.json" in e for e in report.page_errors)
    assert any("not JSON" in e and "/bad/collection.json" in e for e in report.page_errors)
    served = [f"{server.url}/c0/collection.json", f"{server.url}/c1/collection.json"][:found]
    # a collection without an absolute self link is known by the URL it was read from
    assert sorted(r.identifier for r in report.results) == served
    assert sorted(r.resource for r in report.results) == served
    visited = {r.path for r in server.requests}
    assert ("/c1/collection.json" in visited) == (found == 2)


def test_static_catalogue_stopped_by_a_failing_child_resumes_with_exactly_the_rest():
    """A child failing with 500 stops the walk (transient: retried later, not skipped); the
    resume token is the queue still to visit, so resuming reads exactly what was left; a
    child that is missing or not JSON is skipped (``skip``) and the walk goes on."""
    collections = _collections(2)
    static = Static(collections)
    failures = {"/land/catalog.json": 1}

    def app(request: Request) -> Answer:
        if failures.get(request.path, 0) > 0:
            failures[request.path] -= 1
            return Answer(500, JSON, b"{}")
        return static(request)

    with serve(app) as server, client() as http:
        source = STACSource("land", f"{server.url}/catalog.json")
        got, error = pull(source, http)
        assert got == [] and error is not None and error.transient
        assert json.loads(error.resume) == [
            [f"{server.url}/land/catalog.json", 1],
            [f"{server.url}/gone/collection.json", 1],
            [f"{server.url}/bad/collection.json", 1],
        ]
        resume, errors = error.resume, []
        while True:  # what the harvester does: a bad child is skipped, the walk goes on
            more, error = pull(STACSource("land", source.url), http, resume=resume)
            got += more
            if error is None:
                break
            assert not error.transient and error.skip is not None
            errors.append(error.page.removeprefix(server.url))
            resume = error.skip
    assert [json.loads(r.data)["id"] for r in got] == [c["id"] for c in collections]
    assert errors == ["/gone/collection.json", "/bad/collection.json"]
    paths = [r.path for r in server.requests]
    assert paths.count("/land/catalog.json") == 2 and paths.count("/catalog.json") == 1


def test_a_second_harvest_leaves_the_collections_unchanged_and_keeps_their_datestamp():
    collections = _collections(3)
    collections[0] = {**collections[0], "updated": "2024-05-01T12:00:00Z"}
    app = API(collections, size=2)
    store = fresh_store()
    with serve(app) as server:
        app.url = server.url
        first = _run(store, f"{server.url}/stac")
        second = _run(store, f"{server.url}/stac")
    assert (first.count("loaded"), second.count("unchanged"), second.count("loaded")) == (3, 3, 0)
    rows = store.select(
        "SELECT ?d WHERE { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#upstreamDatestamp> ?d"
        " } }"
    )
    assert [r["d"].value for r in rows] == ["2024-05-01T12:00:00Z"]
