"""STAC item search against ground truths computed apart from the service (issue 20).

Through pystac-client over a real server on the demo catalogue: footprints and collection
membership come from SPARQL over the store, time from the Items' own properties (what a STAC
client sees), geometry tests from shapely. Then the parameter rules of the STAC API: RFC 3339
date-times with any offset, reversed intervals refused, ``limit`` capped, ``bbox`` and
``intersects`` exclusive, and the ``self``/``root`` links of every page.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
import shapely
from demo_support import demo_store, served
from http_support import app_over
from pystac_client import Client

from sparql_api.stac.api import MAX_LIMIT, Collection
from sparql_api.stac.search import SearchParams, search

#: every distribution of a dataset with a footprint: the dataset's slug and its WKT box
ITEMS = """SELECT ?d ?x ?wkt WHERE { GRAPH ?g {
  ?g <https://w3id.org/gaia-kg/ontology#describes> ?d .
  ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://www.w3.org/ns/dcat#distribution> ?x ;
     <http://purl.org/dc/terms/spatial> ?p .
  ?p <http://www.w3.org/ns/dcat#bbox> ?wkt } }"""
#: the datasets' periods (what the search matched before: an open end matched any later time)
PERIODS = """SELECT ?d ?start ?end WHERE { GRAPH ?g {
  ?g <https://w3id.org/gaia-kg/ontology#describes> ?d .
  ?d a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/temporal> ?t .
  ?t <http://www.w3.org/ns/dcat#startDate> ?start .
  OPTIONAL { ?t <http://www.w3.org/ns/dcat#endDate> ?end } } }"""

TIMES = [
    "2015-01-01T00:00:00Z/2016-12-31T23:59:59Z",
    "2006-07-15T12:00:00Z",
    "../1990-01-01T00:00:00Z",
    "2020-06-01T00:00:00+02:00/..",
]


def _slug(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def store():
    return demo_store()


@pytest.fixture(scope="module")
def stac(store):
    with app_over(store) as app, served(app) as root:
        yield Client.open(root + "/stac"), app.test_client()


@pytest.fixture(scope="module")
def truth(store) -> dict[str, tuple[str, tuple[float, float, float, float]]]:
    """item id -> (collection id, footprint west, south, east, north), read by SPARQL."""
    out = {}
    for row in store.select(ITEMS):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", row["wkt"].value)]
        xs, ys = numbers[0::2], numbers[1::2]
        out[_slug(row["x"].value)] = (_slug(row["d"].value), (min(xs), min(ys), max(xs), max(ys)))
    return out


@pytest.fixture(scope="module")
def periods(stac) -> dict[str, tuple[datetime, datetime]]:
    """item id -> its first and last instants, from its own properties (every Item, by pages)."""
    client, _ = stac
    out = {}
    for item in client.search(limit=50).items():
        p = item.properties
        first, last = (
            (p["datetime"], p["datetime"])
            if p["datetime"]
            else (
                p["start_datetime"],
                p["end_datetime"],
            )
        )
        out[item.id] = (_time(first), _time(last))
    return out


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _overlaps(query: str, first: datetime, last: datetime) -> bool:
    start, _, end = query.partition("/") if "/" in query else (query, "", query)
    return (start == ".." or last >= _time(start)) and (end == ".." or first <= _time(end))


def _shape(box) -> shapely.Geometry:
    w, s, e, n = box
    if w > e:  # across the antimeridian
        return shapely.union(shapely.box(w, s, 180.0, n), shapely.box(-180.0, s, e, n))
    return shapely.box(w, s, e, n)


def test_the_searched_items_are_all_the_items_with_a_footprint(periods, truth):
    assert sorted(periods) == sorted(truth)


@pytest.mark.parametrize("when", TIMES)
def test_datetime_matches_the_items_own_properties(stac, periods, when):
    client, _ = stac
    found = sorted(i.id for i in client.search(datetime=when, limit=100).items())
    expected = sorted(i for i, (first, last) in periods.items() if _overlaps(when, first, last))
    assert found == expected


def test_a_2015_2016_search_no_longer_answers_the_datasets_open_periods(stac, store, periods):
    """The defect measured in issue 20: 131 items (the open periods) where the items say 22."""
    client, _ = stac
    when = TIMES[0]
    found = {i.id for i in client.search(datetime=when, limit=100).items()}
    open_or_overlapping = set()
    for row in store.select(PERIODS):
        end = row["end"].value if "end" in row else "9999-12-31"
        if row["start"].value[:10] <= "2016-12-31" and end[:10] >= "2015-01-01":
            open_or_overlapping.add(_slug(row["d"].value))
    by_dataset_period = {i for i in periods if i.rsplit("-", 1)[0] in open_or_overlapping}
    assert found == {i for i, (a, b) in periods.items() if _overlaps(when, a, b)}
    assert found < by_dataset_period


@pytest.mark.parametrize(
    ("bbox", "when", "collections"),
    [
        ([-10.0, 40.0, 10.0, 55.0], "2000-01-01T00:00:00Z/2012-12-31T23:59:59Z", None),
        ([170.0, -60.0, -170.0, -30.0], None, None),
        (
            None,
            "2006-01-01T00:00:00Z/2006-12-31T23:59:59Z",
            ["amma-atr42-aircraft", "argo-gdac-profiles"],
        ),
        (
            [-20.0, 0.0, 20.0, 30.0],
            "1990-01-01T00:00:00Z/..",
            ["amma-atr42-aircraft", "amma-radiosondes"],
        ),
    ],
)
def test_bbox_datetime_and_collections_together(stac, truth, periods, bbox, when, collections):
    client, _ = stac
    search = client.search(bbox=bbox, datetime=when, collections=collections, limit=20)
    found = sorted(i.id for i in search.items())
    expected = sorted(
        i
        for i, (cid, box) in truth.items()
        if (bbox is None or _shape(bbox).intersects(_shape(box)))
        and (when is None or _overlaps(when, *periods[i]))
        and (collections is None or cid in collections)
    )
    assert found == expected
    assert 0 < len(found) < len(truth)


GEOMETRIES = [
    {"type": "Polygon", "coordinates": [[[-10, 0], [10, 0], [0, 30], [-10, 0]]]},
    {"type": "Point", "coordinates": [2.26, 48.025]},
    {"type": "LineString", "coordinates": [[-30, -60], [80, -40]]},
    {
        "type": "Polygon",
        "coordinates": [
            [[-40, 20], [60, 20], [60, 70], [-40, 70], [-40, 20]],
            [[-30, 30], [50, 30], [50, 60], [-30, 60], [-30, 30]],
        ],
    },
    {
        "type": "MultiPolygon",
        "coordinates": [
            [[[175, -50], [180, -50], [180, -40], [175, -40], [175, -50]]],
            [[[69, -50], [71, -50], [71, -49], [69, -49], [69, -50]]],
        ],
    },
]


@pytest.mark.parametrize("geometry", GEOMETRIES, ids=lambda g: g["type"])
def test_intersects_equals_shapely(stac, truth, geometry):
    client, _ = stac
    found = sorted(i.id for i in client.search(intersects=geometry, limit=100).items())
    shape = shapely.geometry.shape(geometry)
    expected = sorted(i for i, (_, box) in truth.items() if shape.intersects(_shape(box)))
    assert found == expected
    assert len(found) < len(truth)


def test_intersects_by_get_is_json_text(stac):
    _, http = stac
    geometry = GEOMETRIES[0]
    by_get = http.get("/stac/search", query_string={"intersects": json.dumps(geometry)})
    by_post = http.post("/stac/search", json={"intersects": geometry})
    assert by_get.status_code == 200
    assert by_get.get_json()["features"] == by_post.get_json()["features"]


def _one_item(start: str | None, end: str | None) -> dict[str, Collection]:
    c = Collection("https://x.org/id/dataset/d", "d", (0.0, 0.0, 1.0, 1.0), start=start, end=end)
    c.items.append({"iri": "https://x.org/id/distribution/d-1", "collection": c, "titles": {}})
    return {"d": c}


def _found(collections: dict[str, Collection], when: str) -> list[dict]:
    params = SearchParams.from_mapping({"datetime": when})
    return [f["properties"] for f in search(collections, params, "http://x.org/stac")["features"]]


def test_years_and_months_of_a_period_are_whole():
    """xsd:gYear and gYearMonth bounds: their first and last instants (were a 500)."""
    closed = _one_item("2006", "2008-02")
    expected = {
        "title": "d-1",
        "datetime": None,
        "start_datetime": "2006-01-01T00:00:00Z",
        "end_datetime": "2008-02-29T23:59:59Z",
    }
    assert _found(closed, "2008-02-29T12:00:00Z") == [expected]
    assert _found(closed, "2008-03-01T00:00:00Z/..") == []
    opened = _one_item("2006", None)
    assert _found(opened, "../2006-01-01T00:00:00Z") == [
        {"title": "d-1", "datetime": "2006-01-01T00:00:00Z"}
    ]
    assert _found(opened, "2010-01-01T00:00:00Z/..") == []


def test_negative_offsets_are_rfc_3339(stac):
    _, http = stac
    west = http.get("/stac/search?datetime=2015-01-01T00:00:00-08:00/2016-12-31T15:59:59-08:00")
    utc = http.get("/stac/search?datetime=2015-01-01T08:00:00Z/2016-12-31T23:59:59Z")
    assert (west.status_code, utc.status_code) == (200, 200)
    assert west.get_json()["features"] == utc.get_json()["features"]
    assert west.get_json()["numberMatched"] > 0
    instant = http.get("/stac/search", query_string={"datetime": "1996-12-19T16:39:57-08:00"})
    assert instant.status_code == 200


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("2016-01-01T00:00:00Z/2015-01-01T00:00:00Z", "stac_reversed_datetime"),
        ("2015-01-01T00:00:00+01:00/2015-01-01T00:00:00+02:00", "stac_reversed_datetime"),
        ("1985-04-12", "stac_bad_datetime"),
        ("1985-12-12T23:20:50.52", "stac_bad_datetime"),
        ("1937-01-01T12:00:27.87+0100", "stac_bad_datetime"),
        ("1985-04-12T23:20:50.Z", "stac_bad_datetime"),
        ("1985-04-12T23:20:50,52Z", "stac_bad_datetime"),
        ("2015-02-30T00:00:00Z", "stac_bad_datetime"),
    ],
)
def test_bad_datetimes_are_400(stac, value, error):
    _, http = stac
    for lang in ("en", "fr"):
        body = http.get("/stac/search", query_string={"datetime": value, "lang": lang}).get_json()
        assert (body["status"], body["error"], body["lang"]) == (400, error, lang)
    posted = http.post("/stac/search", json={"datetime": value})
    assert (posted.status_code, posted.get_json()["error"]) == (400, error)


def test_a_lowercase_t_and_z_are_rfc_3339(stac):
    _, http = stac
    response = http.get("/stac/search", query_string={"datetime": "1985-04-12t23:20:50.000z"})
    assert response.status_code == 200


def test_a_limit_over_the_maximum_is_capped(stac, periods):
    _, http = stac
    assert SearchParams.from_mapping({"limit": "5000"}).limit == MAX_LIMIT
    assert SearchParams.from_mapping({"limit": 10**6}, body=True).limit == MAX_LIMIT
    for response in (
        http.get("/stac/search?limit=100000"),
        http.post("/stac/search", json={"limit": 100000}),
    ):
        body = response.get_json()
        assert (response.status_code, body["numberReturned"]) == (200, len(periods))
    for bad in ("0", "-3", "many"):
        body = http.get(f"/stac/search?limit={bad}").get_json()
        assert (body["status"], body["error"]) == (400, "stac_bad_limit")


def test_bbox_and_intersects_together_are_400(stac):
    _, http = stac
    point = {"type": "Point", "coordinates": [0.5, 0.5]}
    by_get = http.get(
        "/stac/search", query_string={"bbox": "0,0,1,1", "intersects": json.dumps(point)}
    )
    by_post = http.post("/stac/search", json={"bbox": [0, 0, 1, 1], "intersects": point})
    for response in (by_get, by_post):
        assert (response.status_code, response.get_json()["error"]) == (
            400,
            "stac_bbox_and_intersects",
        )


@pytest.mark.parametrize(
    "geometry",
    [
        "not json",
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
        {"type": "Point", "coordinates": [200, 0]},
        {"type": "Circle", "coordinates": [0, 0]},
        {"type": "Point", "coordinates": ["a", "b"]},
        {"type": ["Point"], "coordinates": [0, 0]},  # was a 500 (found by schemathesis)
        {"type": "GeometryCollection", "geometries": [{"type": {}, "coordinates": [0, 0]}]},
    ],
)
def test_a_bad_intersects_is_400(stac, geometry):
    _, http = stac
    response = http.post("/stac/search", json={"intersects": geometry})
    assert (response.status_code, response.get_json()["error"]) == (400, "stac_bad_intersects")


def test_a_deeply_nested_intersects_by_get_is_400(stac):
    _, http = stac
    response = http.get("/stac/search", query_string={"intersects": "[" * 50000})
    assert (response.status_code, response.get_json()["error"]) == (400, "stac_bad_intersects")


def test_a_posted_bbox_must_be_a_list(stac):
    _, http = stac
    response = http.post("/stac/search", json={"bbox": "100.0, 0.0, 105.0, 1.0"})
    assert (response.status_code, response.get_json()["error"]) == (400, "stac_bad_bbox")


def _rels(page: dict) -> dict[str, str]:
    return {link["rel"]: link["href"] for link in page["links"] if link["rel"] != "search"}


def test_every_page_links_self_and_root(stac):
    _, http = stac
    root = "http://localhost/stac"
    cid, iid = "amma-atr42-aircraft", "amma-atr42-aircraft-1"
    items_url = f"{root}/collections/{cid}/items?limit=5"
    assert _rels(http.get(f"/stac/collections/{cid}/items?limit=5").get_json()) == {
        "self": items_url,
        "root": root,
    }
    search = http.get("/stac/search?collections=amma-atr42-aircraft&limit=1").get_json()
    assert _rels(search) == {
        "self": root + "/search?collections=amma-atr42-aircraft&limit=1",
        "root": root,
    }
    posted = http.post("/stac/search", json={"limit": 1}).get_json()
    assert {k: v for k, v in _rels(posted).items() if k != "next"} == {
        "self": root + "/search",
        "root": root,
    }
    assert _rels(http.get("/stac/collections").get_json()) == {
        "self": root + "/collections",
        "root": root,
    }
    assert {"self", "root", "parent", "items"} <= set(
        _rels(http.get(f"/stac/collections/{cid}").get_json())
    )
    item = http.get(f"/stac/collections/{cid}/items/{iid}").get_json()
    assert {k: _rels(item)[k] for k in ("self", "root", "collection", "parent")} == {
        "self": f"{root}/collections/{cid}/items/{iid}",
        "root": root,
        "collection": f"{root}/collections/{cid}",
        "parent": f"{root}/collections/{cid}",
    }
    assert all(
        {"self", "root", "collection"} <= set(_rels(feature)) for feature in search["features"]
    )


def test_the_next_link_of_a_collection_s_items_stays_on_its_items(stac):
    _, http = stac
    page = http.get("/stac/collections/argo-gdac-profiles/items?limit=1").get_json()
    assert (page["numberMatched"], _rels(page)["next"]) == (
        2,
        "http://localhost/stac/collections/argo-gdac-profiles/items"
        "?collections=argo-gdac-profiles&limit=1&page=2",
    )
    first = http.get("/stac/search?limit=2&datetime=1990-01-01T00:00:00Z/..").get_json()
    assert _rels(first)["next"] == (
        "http://localhost/stac/search?datetime=1990-01-01T00%3A00%3A00Z%2F..&limit=2&page=2"
    )
