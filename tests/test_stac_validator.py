"""stac-api-validator, offline, over a real server: core, collections, features, item-search.

The validator (and the stac-validator and stac-check it drives) fetch the STAC and GeoJSON JSON
Schemas from the web; here their addresses map to the copies in ``fixtures/stac-schemas``
(stac-validator's own ``schema_map``, which the validator's command line does not expose), so
every check runs without network. The server holds a few datasets of the demo: the validator
validates every collection twice, and the whole demo takes a minute for no more coverage.
Asset and link URLs are not opened (they are the data centres' and licences' sites).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from demo_support import demo_store, served
from http_support import app_over
from stac_api_validator.validations import QueryConfig, validate_api
from stac_validator import validate as stac_validate

from graph_loader.store import EmbeddedStore

SCHEMAS = Path(__file__).resolve().parent / "fixtures" / "stac-schemas"
STACSPEC = "https://schemas.stacspec.org/v1.1.0"
FOLDERS = {"catalog.json": "catalog-spec", "collection.json": "collection-spec"}
#: the datasets served: a closed period, two open ones with two items each, a station (a tiny
#: box); the validator searches in the last (a regional box: a global one makes it ask for
#: bbox=181,91,182,92, refused)
DATASETS = ["amma-atr42-aircraft", "argo-gdac-profiles", "bcmt-kerguelen", "sentinel2-l2a-maja"]
GRAPHS = """SELECT DISTINCT ?g ?d WHERE { GRAPH ?g {
  ?g a <https://w3id.org/gaia-kg/ontology#RecordGraph> ;
     <https://w3id.org/gaia-kg/ontology#describes> ?d } }"""
CLASSES = ["core", "collections", "features", "item-search"]
GEOMETRY = {"type": "Polygon", "coordinates": [[[0, 45], [5, 45], [5, 50], [0, 50], [0, 45]]]}


def schema_map() -> dict[str, str]:
    """Remote schema address -> local copy."""
    out = {}
    for path in sorted((SCHEMAS / "v1.1.0").glob("*.json")):
        folder = FOLDERS.get(path.name, "item-spec")
        out[f"{STACSPEC}/{folder}/json-schema/{path.name}"] = str(path)
    for path in sorted((SCHEMAS / "geojson").glob("*.json")):
        out[f"https://geojson.org/schema/{path.name}"] = str(path)
    return out


@pytest.fixture
def offline_schemas(monkeypatch):
    """Every StacValidate (the validator's and stac-check's) reads the local schemas.

    And opens no link: the ``about`` and ``license`` links point to the web, and stac-validator
    only lists the links it could open, it never fails on them (the validator follows the
    API's own links itself).
    """
    original = stac_validate.StacValidate.__init__
    mapping = schema_map()

    def init(self, *args, **kwargs):
        kwargs.setdefault("schema_map", mapping)
        kwargs["links"] = False
        original(self, *args, **kwargs)

    monkeypatch.setattr(stac_validate.StacValidate, "__init__", init)


def few_datasets() -> EmbeddedStore:
    """The record graphs of :data:`DATASETS` from the demo."""
    demo = demo_store()
    graphs = {
        row["g"] for row in demo.select(GRAPHS) if row["d"].value.rsplit("/", 1)[-1] in DATASETS
    }
    store = EmbeddedStore(None)
    store.raw.extend(q for g in graphs for q in demo.raw.quads_for_pattern(None, None, None, g))
    return store


def test_the_schema_copies_are_the_ones_the_validator_asks_for():
    mapping = schema_map()
    for address, path in mapping.items():
        declared = json.loads(Path(path).read_text(encoding="utf-8"))["$id"]
        assert declared.rstrip("#") in (address, address.replace("common.json", "commonjson"))
    assert len(mapping) == 13


# the validator calls pystac's deprecated get_all_items (pytest makes warnings errors)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_stac_api_validator_finds_no_error(offline_schemas):
    with app_over(few_datasets()) as app, served(app) as base:
        root = base + "/stac"
        warnings, errors = validate_api(
            root_url=root,
            ccs_to_validate=CLASSES,
            collection="sentinel2-l2a-maja",
            geometry=json.dumps(GEOMETRY),
            auth_bearer_token=None,
            auth_query_parameter=None,
            fields_nested_property=None,
            validate_pagination=True,
            query_config=QueryConfig(*[None] * 13),
            transaction_collection=None,
            headers=None,
            open_assets_urls=False,
        )
    assert [message for _, message in errors.errors] == []
    collection = f"{root}/collections/sentinel2-l2a-maja"
    # recommendations, and one check the served datasets cannot run (no item near 20°N 20°E)
    assert [message for _, message in warnings.errors] == [
        "/ : Link[rel=service-doc] should exist",
        *[
            f"[Collections] : GET {collection} has these stac-check recommendations: "
            "A STAC collection should contain a summaries field,It is recommended to store "
            "information like eo:bands in summaries,,Links in catalogs and collections should "
            "always have a 'title' field,"
        ]
        * 2,
        "[Item Search] GET Search within bbox=20,20,21,21 to validate ids does not override "
        "all other parameters returned 0 results",
    ]
