"""/stac: a STAC API over the demo catalogue, used through pystac-client over a real server."""

from __future__ import annotations

import re

import pytest
from demo_support import demo_store, served
from helpers import BASE
from http_support import app_over
from pystac_client import Client

FOOTPRINTS = """SELECT ?d ?wkt ?start ?end WHERE {
  GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> ?d .
    ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/spatial> ?p .
    ?p <http://www.w3.org/ns/dcat#bbox> ?wkt .
    OPTIONAL { ?d <http://purl.org/dc/terms/temporal> ?t .
      OPTIONAL { ?t <http://www.w3.org/ns/dcat#startDate> ?start }
      OPTIONAL { ?t <http://www.w3.org/ns/dcat#endDate> ?end } } }
}"""
DISTRIBUTIONS = """SELECT ?d ?x WHERE { GRAPH ?g {
  ?g <https://w3id.org/gaia-kg/ontology#describes> ?d .
  ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://www.w3.org/ns/dcat#distribution> ?x } }"""


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def footprints(store):
    """slug -> (west, south, east, north, start, end) read straight from the store."""
    out = {}
    for row in store.select(FOOTPRINTS):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", row["wkt"].value)]
        xs, ys = numbers[0::2], numbers[1::2]
        slug = row["d"].value.rsplit("/", 1)[-1]
        start = row["start"].value if "start" in row else None
        end = row["end"].value if "end" in row else None
        out[slug] = (min(xs), min(ys), max(xs), max(ys), start, end)
    return out


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app, served(app) as root:
        yield Client.open(root + "/stac"), app.test_client()


def _items_by_dataset(store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in store.select(DISTRIBUTIONS):
        out.setdefault(row["d"].value.rsplit("/", 1)[-1], []).append(
            row["x"].value.rsplit("/", 1)[-1]
        )
    return out


def test_every_dataset_with_a_footprint_is_a_collection(client, footprints):
    stac, _ = client
    collections = {c.id: c for c in stac.get_collections()}
    assert sorted(collections) == sorted(footprints)
    amma = collections["amma-atr42-aircraft"]
    assert amma.title == "AMMA SAFIRE ATR 42 airborne measurements"
    assert amma.license == "CC-BY-4.0"
    assert amma.extent.spatial.bboxes == [[-20.0, 0.0, 20.0, 25.0]]
    interval = [[d.isoformat() for d in amma.extent.temporal.intervals[0]]]
    assert interval == [["2006-06-01T00:00:00+00:00", "2006-08-31T23:59:59+00:00"]]
    assert [i.id for i in amma.get_items()] == ["amma-atr42-aircraft-1"]


def test_collections_come_in_pages_linked_by_next(client, footprints):
    """``limit`` cuts the collections in pages linked by ``next``; the pages together are
    every collection once, in the order of the whole list."""
    _, http = client
    pages, url = [], "/stac/collections?limit=7"
    while url:
        body = http.get(url).get_json()
        pages.append([c["id"] for c in body["collections"]])
        assert body["numberMatched"] == len(footprints)
        assert body["numberReturned"] == len(pages[-1])
        url = next((x["href"] for x in body["links"] if x["rel"] == "next"), None)
        url = url and url.removeprefix("http://localhost")
    whole = [c["id"] for c in http.get("/stac/collections").get_json()["collections"]]
    assert [len(p) for p in pages] == [7] * (len(whole) // 7) + [len(whole) % 7] * bool(
        len(whole) % 7
    )
    assert [cid for p in pages for cid in p] == whole
    assert sorted(whole) == sorted(footprints)


def _intersects(q, box) -> bool:
    w, s, e, n = q
    spans = [(w, 180.0), (-180.0, e)] if w > e else [(w, e)]
    return s <= box[3] and n >= box[1] and any(a <= box[2] and box[0] <= b for a, b in spans)


@pytest.mark.parametrize(
    "bbox",
    [[-10.0, 40.0, 10.0, 55.0], [68.0, -51.0, 71.0, -48.0], [170.0, -50.0, -170.0, -40.0]],
)
def test_search_by_bbox_through_the_pages(client, store, footprints, bbox):
    stac, _ = client
    search = stac.search(bbox=bbox, limit=25)
    found = sorted(item.id for item in search.items())
    items = _items_by_dataset(store)
    expected = sorted(
        i for slug, box in footprints.items() if _intersects(bbox, box) for i in items.get(slug, [])
    )
    assert found == expected
    assert 0 < len(found) < sum(len(v) for v in items.values())


def test_search_by_bbox_and_datetime(client, store, footprints):
    """In time an Item is what its properties say: a closed period, else its start instant."""
    stac, _ = client
    bbox, first, last = [-10.0, 40.0, 10.0, 55.0], "2010-01-01", "2012-12-31"
    found = sorted(i.id for i in stac.search(bbox=bbox, datetime=f"{first}/{last}").items())
    items = _items_by_dataset(store)
    expected = sorted(
        i
        for slug, (*box, start, end) in footprints.items()
        if _intersects(bbox, box)
        and start is not None
        and start[:10] <= last
        and (end if end is not None else start)[:10] >= first
        for i in items.get(slug, [])
    )
    assert found == expected
    everything = sorted(i.id for i in stac.search(bbox=bbox).items())
    assert set(found) < set(everything)


def test_search_by_collection_and_get_method(client):
    stac, _ = client
    search = stac.search(collections=["amma-atr42-aircraft", "amma-radiosondes"], method="GET")
    assert sorted(i.id for i in search.items()) == ["amma-atr42-aircraft-1", "amma-radiosondes-1"]


def test_an_item_whole(client):
    _, http = client
    item = http.get("/stac/collections/amma-atr42-aircraft/items/amma-atr42-aircraft-1").get_json()
    root = "http://localhost/stac"
    assert item == {
        "type": "Feature",
        "stac_version": "1.1.0",
        "stac_extensions": [],
        "id": "amma-atr42-aircraft-1",
        "collection": "amma-atr42-aircraft",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[-20.0, 0.0], [20.0, 0.0], [20.0, 25.0], [-20.0, 25.0], [-20.0, 0.0]]],
        },
        "bbox": [-20.0, 0.0, 20.0, 25.0],
        "properties": {
            "title": "AMMA SAFIRE ATR 42 airborne measurements (Plain text)",
            "datetime": None,
            "start_datetime": "2006-06-01T00:00:00Z",
            "end_datetime": "2006-08-31T23:59:59Z",
        },
        "links": [
            {
                "rel": "self",
                "href": root + "/collections/amma-atr42-aircraft/items/amma-atr42-aircraft-1",
                "type": "application/geo+json",
            },
            {
                "rel": "collection",
                "href": root + "/collections/amma-atr42-aircraft",
                "type": "application/json",
            },
            {
                "rel": "parent",
                "href": root + "/collections/amma-atr42-aircraft",
                "type": "application/json",
            },
            {"rel": "root", "href": root, "type": "application/json"},
            {
                "rel": "about",
                "href": BASE + "id/distribution/amma-atr42-aircraft-1",
                "type": "text/html",
            },
        ],
        "assets": {
            "data": {
                "href": "https://baobab.sedoo.fr/",
                "title": "AMMA SAFIRE ATR 42 airborne measurements (Plain text)",
                "roles": ["data"],
            }
        },
    }


@pytest.mark.parametrize(
    ("url", "status", "error"),
    [
        ("/stac/search?bbox=1,2,3", 400, "stac_bad_bbox"),
        ("/stac/search?bbox=1,80,3,70", 400, "stac_bbox_south_above_north"),
        ("/stac/search?bbox=1e1,0,20,5", 400, "stac_bad_bbox"),
        ("/stac/search?bbox=+1,0,2,5", 400, "stac_bad_bbox"),
        ("/stac/search?bbox=1,0,181,5", 400, "stac_bad_bbox"),
        ("/stac/search?datetime=2015-02-29T00:00:00Z", 400, "stac_bad_datetime"),
        ("/stac/search?datetime=2015-01-01T00:00:00%2B24:00", 400, "stac_bad_datetime"),
        ("/stac/search?limit=%D9%A3", 400, "stac_bad_limit"),
        ("/stac/search?limit=1.5", 400, "stac_bad_limit"),
        ("/stac/search?datetime=yesterday", 400, "stac_bad_datetime"),
        ("/stac/search?datetime=../..", 400, "stac_bad_datetime"),
        ("/stac/search?limit=0", 400, "stac_bad_limit"),
        ("/stac/search?page=0", 400, "stac_bad_int"),
        ("/stac/collections?bbox=a,b,c,d", 400, "stac_bad_bbox"),
        ("/stac/collections/nope", 404, "stac_not_found"),
        ("/stac/collections/amma-atr42-aircraft/items/nope", 404, "stac_not_found"),
    ],
)
def test_bad_requests_are_bilingual_4xx(client, url, status, error):
    _, http = client
    for lang in ("en", "fr"):
        body = http.get(url + ("&" if "?" in url else "?") + f"lang={lang}").get_json()
        assert (body["status"], body["error"], body["lang"]) == (status, error, lang)


def test_a_post_search_with_a_bad_body_is_400(client):
    _, http = client
    response = http.post("/stac/search", data="[1]", content_type="application/json")
    assert (response.status_code, response.get_json()["error"]) == (400, "stac_bad_body")
    refused = {
        "bbox": {"bbox": "1,2,3,4"},
        "bbox numbers": {"bbox": ["1", 2, 3, 4]},
        "limit": {"limit": 5.5},
        "limit text": {"limit": "5"},
        "limit true": {"limit": True},
        "page": {"page": ""},
        "intersects": {"intersects": '{"type": "Point", "coordinates": [1, 2]}'},
    }
    answers = {
        name: (response.status_code, response.get_json()["error"])
        for name, body in refused.items()
        for response in [http.post("/stac/search", json=body)]
    }
    assert answers == {
        "bbox": (400, "stac_bad_bbox"),
        "bbox numbers": (400, "stac_bad_bbox"),
        "limit": (400, "stac_bad_limit"),
        "limit text": (400, "stac_bad_limit"),
        "limit true": (400, "stac_bad_limit"),
        "page": (400, "stac_bad_int"),
        "intersects": (400, "stac_bad_intersects"),
    }


def test_a_post_search_takes_nulls_as_absent_and_whole_json_numbers(client):
    _, http = client
    nulls = dict.fromkeys(["bbox", "datetime", "collections", "ids", "intersects", "limit"])
    answer = http.post("/stac/search", json={**nulls, "limit": 2.0})
    assert (answer.status_code, len(answer.get_json()["features"])) == (200, 2)


def test_collections_follow_the_store(store):
    """A dataset loaded after the first request appears on the next one (no restart).

    Written as a load writes a record: with a new store generation in the same transaction
    (what tells the answers kept for an in-memory store that it changed)."""
    import pyoxigraph as ox

    from graph_loader.derived import new_generation
    from graph_loader.store import GraphWrite

    fresh = demo_store()
    with app_over(fresh) as app:
        http = app.test_client()
        before = {c["id"] for c in http.get("/stac/collections").get_json()["collections"]}
        d = ox.NamedNode(BASE + "id/dataset/late-arrival")
        place = ox.NamedNode(BASE + "id/dataset/late-arrival#spatial")
        graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/record/late-arrival")
        gaia, dcat = "https://w3id.org/gaia-kg/ontology#", "http://www.w3.org/ns/dcat#"
        wkt = ox.Literal(
            "POLYGON((1 2, 3 2, 3 4, 1 4, 1 2))",
            datatype=ox.NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral"),
        )
        t = ox.Triple
        fresh.write_graphs(
            [
                GraphWrite(
                    graph,
                    [
                        t(
                            d,
                            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                            ox.NamedNode(dcat + "Dataset"),
                        ),
                        t(d, ox.NamedNode("http://purl.org/dc/terms/spatial"), place),
                        t(place, ox.NamedNode(dcat + "bbox"), wkt),
                        t(
                            graph,
                            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                            ox.NamedNode(gaia + "RecordGraph"),
                        ),
                        t(graph, ox.NamedNode(gaia + "describes"), d),
                        t(
                            graph,
                            ox.NamedNode("http://www.w3.org/ns/prov#generatedAtTime"),
                            ox.Literal(
                                "2099-01-01T00:00:00Z",
                                datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"),
                            ),
                        ),
                    ],
                ),
                new_generation(),
            ]
        )
        after = {c["id"] for c in http.get("/stac/collections").get_json()["collections"]}
    assert after - before == {"late-arrival"}


def test_the_landing_page_links_conformance_data_search_and_the_openapi(client):
    _, http = client
    page = http.get("/stac").get_json()
    assert (page["type"], page["stac_version"], page["id"]) == ("Catalog", "1.1.0", "gaia-data")
    assert {(link["rel"], link["href"]) for link in page["links"]} == {
        ("self", "http://localhost/stac"),
        ("root", "http://localhost/stac"),
        ("conformance", "http://localhost/stac/conformance"),
        ("data", "http://localhost/stac/collections"),
        ("service-desc", "http://localhost/openapi.json"),
        ("search", "http://localhost/stac/search"),
    }
    assert http.get("/stac/conformance").get_json()["conformsTo"] == page["conformsTo"]
