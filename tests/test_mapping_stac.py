"""STAC converter: golden cases, every corpus file, shapes, field retention, items, loader."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import BASE, CORPORA, TESTS, as_graph, assert_isomorphic, corpus, corpus_file
from rdflib import Graph, Literal, URIRef

from graph_loader.backends import open_store
from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.iri import resource_iri
from graph_loader.mappings import stac
from graph_loader.pipeline import load_paths
from graph_loader.validation import load_shapes, validate

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
CASES = sorted(p for p in (TESTS / "cases" / "stac").iterdir() if p.is_dir())


def _source(case: Path) -> Path:
    return corpus_file("real", (case / "source.txt").read_text().strip())


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden_case(case):
    """The whole graph of each real record, checked by hand against the JSON."""
    data = _source(case).read_bytes()
    assert stac.sniff(data) and detect_format(data) == "stac"
    got = as_graph(stac.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    assert_isomorphic(got, expected)


def test_sniff_takes_stac_only():
    assert stac.sniff(b'{"stac_version": "1.0.0", "type": "Collection", "id": "x"}')
    assert stac.sniff(b'{"type": "Feature", "stac_version": "1.1.0", "id": "x"}')
    assert not stac.sniff(b'{"type": "Feature", "geometry": null}')  # plain GeoJSON
    assert not stac.sniff(b'{"stac_version": "1.0.0", "type": "Dataset"}')
    assert not stac.sniff(b'{"@context": "https://schema.org/", "stac_version": 1')
    assert not stac.sniff(b"<stac_version/>")


def test_bad_input_is_refused_with_a_reason():
    with pytest.raises(InputError, match="STAC Collection without an id"):
        stac.convert(b'{"stac_version": "1.0.0", "type": "Collection"}', base_iri=BASE)
    with pytest.raises(InputError, match="invalid JSON"):
        stac.convert(b'{"stac_version": "1.0.0", "type": ', base_iri=BASE)
    with pytest.raises(InputError, match="without features"):
        stac.convert(b'{"stac_version": "1.0.0", "type": "FeatureCollection"}', base_iri=BASE)


def _documents() -> list[tuple[Path, dict]]:
    return [(p, json.loads(p.read_bytes())) for p in corpus("real", "stac")]


def _collection_of(doc: dict) -> str | None:
    """The collection an Item names (independent reading of the JSON)."""
    if doc.get("type") != "Feature":
        return None
    return doc.get("collection") or next(
        (link["href"] for link in doc.get("links", []) if link.get("rel") == "collection"), None
    )


def test_every_corpus_file_converts():
    """Each file is a Collection or a lone Item (one dataset) or an attached Item (one
    dct:hasPart from its collection); none is refused."""
    kinds = {"dataset": 0, "item": 0}
    for path, doc in _documents():
        g = as_graph(stac.convert(path.read_bytes(), base_iri=BASE))
        datasets = set(g.subjects(URIRef(RDF_TYPE), URIRef(DCAT + "Dataset")))
        if _collection_of(doc):
            assert len(g) == 1 and not datasets, path.name
            ((collection, _, item),) = g.triples((None, URIRef(DCT + "hasPart"), None))
            if doc.get("collection") and not str(collection).startswith("https://catalogue"):
                assert str(collection) == resource_iri("dataset", doc["collection"], BASE)
            kinds["item"] += 1
        else:
            assert len(datasets) == 1, path.name
            kinds["dataset"] += 1
    # 195 collections + 17 lone items (16 Sentinel-3, 1 Planet); 82 items of a collection
    assert kinds == {"dataset": 212, "item": 82}


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _boxes(doc: dict) -> list[list[float]]:
    if doc.get("type") == "Feature":
        raw = [doc.get("bbox")]
    else:
        raw = doc.get("extent", {}).get("spatial", {}).get("bbox", [])
    return [b for b in raw if isinstance(b, list) and len(b) in (4, 6)]


def _out_of_globe(box: list[float]) -> bool:
    w, s, e, n = (box[0], box[1], box[3], box[4]) if len(box) == 6 else box
    return any(abs(v) > 180 for v in (w, e)) or any(abs(v) > 90 for v in (s, n))


def test_shape_violations_are_source_defects():
    """Converted graphs conform, or each Violation is one of the source defects listed here,
    checked against the JSON: a box off the globe, or no description (lone Items). (A title
    in no stated language is a title: a warning.)"""
    shapes = load_shapes()
    seen = set()
    for path, doc in _documents():
        if _collection_of(doc):
            continue
        triples = stac.convert(path.read_bytes(), base_iri=BASE)
        staging = ox.Store()
        staging.extend([ox.Quad(t.subject, t.predicate, t.object) for t in triples])
        props = doc.get("properties", doc) if doc["type"] == "Feature" else doc
        for problem in validate(staging, shapes):
            if problem.severity != "Violation":
                continue
            path_iri = problem.path.value if problem.path else ""
            if path_iri == DCAT + "bbox":
                assert any(_out_of_globe(b) for b in _boxes(doc)), path.name
                seen.add("box off the globe")
            elif path_iri == DCT + "description":
                assert not props.get("description"), path.name
                seen.add("no description")
            else:
                pytest.fail(f"{path.name}: {problem.messages.get('en')}")
    assert seen == {"box off the globe", "no description"}


def _expected_fields(doc: dict) -> dict[str, list]:
    """What the JSON holds, read independently of the converter."""
    props = doc.get("properties", {}) if doc["type"] == "Feature" else doc
    assets = list((doc.get("assets") or {}).values())

    def thumb(a):
        return bool({"thumbnail", "overview", "preview"} & set(a.get("roles", [])))

    def http(a):
        return str(a.get("href", "")).startswith(("http://", "https://"))

    licence = props.get("license")
    links = [x["href"] for x in doc.get("links", []) if x.get("rel") == "license"]
    intervals = (
        doc.get("extent", {}).get("temporal", {}).get("interval", [])
        if doc["type"] != "Feature"
        else [[props.get("start_datetime") or props.get("datetime"), None]]
    )
    return {
        "title": [props.get("title") or doc["id"]],
        "description": [props["description"]] if props.get("description") else [],
        "keywords": props.get("keywords", []),
        "bbox": _boxes(doc),
        "temporal": [i for i in intervals if any(i)],
        "providers": [p["name"] for p in props.get("providers", [])],
        "licence": [licence or links] if licence or links else [],
        "assets": [a["href"] for a in assets if http(a) and not thumb(a)],
        "thumbnails": [a["href"] for a in assets if http(a) and thumb(a)],
        "doi": [props["sci:doi"]] if props.get("sci:doi") else [],
    }


def _retained(g: Graph, root, field: str, value) -> bool:
    def objects(p):
        return list(g.objects(root, URIRef(p)))

    if field in ("title", "description"):
        return any(str(o) == value.strip() for o in objects(DCT + field))
    if field == "keywords":
        return Literal(value.strip()) in [Literal(str(o)) for o in objects(DCAT + "keyword")]
    if field == "bbox":
        return len(objects(DCT + "spatial")) >= 1
    if field == "temporal":
        return len(objects(DCT + "temporal")) >= 1
    if field == "providers":
        return any(str(n) == value for n in g.objects(None, URIRef(FOAF + "name")))
    if field == "licence":
        return bool(objects(DCT + "license") or objects(DCT + "rights"))
    if field == "assets":
        return (None, URIRef(DCAT + "downloadURL"), URIRef(value)) in g
    if field == "thumbnails":
        return URIRef(value) in objects(FOAF + "depiction")
    if field == "doi":
        return any(str(o).lower() == value.lower() for o in objects(DCT + "identifier"))
    raise AssertionError(field)


def test_field_retention_is_at_least_95_percent():
    total, kept, lost = 0, 0, []
    for path, doc in _documents():
        if _collection_of(doc):
            continue
        g = as_graph(stac.convert(path.read_bytes(), base_iri=BASE))
        (root,) = set(g.subjects(URIRef(RDF_TYPE), URIRef(DCAT + "Dataset")))
        for field, values in _expected_fields(doc).items():
            for value in values:
                total += 1
                if _retained(g, root, field, value):
                    kept += 1
                else:
                    lost.append((path.name, field, str(value)[:60]))
    assert total > 1500
    assert kept / total >= 0.95, lost[:20]


def test_items_attach_to_their_collection_in_a_load(tmp_path):
    """A collection and its item in one load: the item is a dct:hasPart of the collection's
    record; an item whose collection is not loaded is kept (source graph), not dropped."""
    folder = CORPORA / "real" / "stac" / "stactools-modis"
    if not folder.is_dir():
        pytest.skip("corpus absent")
    collection = folder / "modis-061__modis-13Q1-061__collection.json"
    item = next(folder.glob("modis-13Q1-061__*"))
    lone = next(folder.glob("modis-13A1-061__*"))  # its collection is not in this load
    for f in (collection, item, lone):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    store = open_store(":memory:")
    report = load_paths(store, [tmp_path], base_iri=BASE)
    records = [o for o in report.outcomes if o.kind != "source"]
    assert [(o.resource, o.status) for o in records] == [
        (resource_iri("dataset", "modis-13Q1-061", BASE), "loaded")
    ]
    rows = store.select(
        "SELECT ?g ?c ?i WHERE { GRAPH ?g { ?c <http://purl.org/dc/terms/hasPart> ?i } }"
    )
    assert {r["c"].value for r in rows} == {
        resource_iri("dataset", "modis-13Q1-061", BASE),
        resource_iri("dataset", "modis-13A1-061", BASE),
    }
    assert report.stac_items == {
        resource_iri("dataset", "modis-13Q1-061", BASE): 1,
        resource_iri("dataset", "modis-13A1-061", BASE): 1,
    }
    assert report.stac_items_unattached == {resource_iri("dataset", "modis-13A1-061", BASE): 1}
    from graph_loader.report import print_load_report

    for lang, head in (
        ("en", "STAC items (granules, not records) attached to 2 collections: 2"),
        ("fr", "éléments STAC (granules, pas des fiches) rattachés à 2 collections : 2"),
    ):
        lines: list[str] = []
        print_load_report(report, lang=lang, echo=lines.append)
        assert head in lines
        (apart,) = [line for line in lines if "modis-13a1-061" in line]
        assert apart.startswith("  1 ")


def test_lone_item_and_catalog_and_item_collection():
    catalog = {
        "stac_version": "1.0.0",
        "type": "Catalog",
        "id": "root",
        "description": "The root catalogue of the land surface products",
        "links": [
            {"rel": "self", "href": "https://example.org/stac/catalog.json"},
            {"rel": "child", "href": "./sentinel-2/collection.json"},
            {"rel": "child", "href": "s3://bucket/other.json"},
        ],
    }
    g = as_graph(stac.convert(json.dumps(catalog).encode(), base_iri=BASE))
    root = URIRef("https://example.org/stac/catalog.json")
    assert (root, URIRef(RDF_TYPE), URIRef(DCAT + "Catalog")) in g
    assert set(g.objects(root, URIRef(DCT + "hasPart"))) == {
        URIRef("https://example.org/stac/sentinel-2/collection.json")
    }
    features = {
        "stac_version": "1.0.0",
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": "a", "collection": "c1", "properties": {}},
            {"type": "Feature", "id": "b", "collection": "c1", "properties": {}},
        ],
    }
    g = as_graph(stac.convert(json.dumps(features).encode(), base_iri=BASE))
    assert len(g) == 2
    assert set(g.subjects()) == {URIRef(resource_iri("dataset", "c1", BASE))}


def test_three_dimensional_box_and_licences():
    collection = {
        "stac_version": "1.0.0",
        "type": "Collection",
        "id": "argo-3d",
        "title": "Argo float profiles in the Bay of Biscay",
        "description": "Temperature and salinity of the sea from the floats of the programme",
        "license": "various",
        "extent": {
            "spatial": {"bbox": [[-10, 43, -2000, -1, 48, 0], [-5, 44, -3, 46]]},
            "temporal": {"interval": [[None, "2020-01-31T00:00:00Z"]]},
        },
        "links": [{"rel": "license", "href": "https://creativecommons.org/licenses/by/4.0/"}],
    }
    g = as_graph(stac.convert(json.dumps(collection).encode(), base_iri=BASE))
    root = URIRef(resource_iri("dataset", "argo-3d", BASE))
    gaia = "https://w3id.org/gaia-kg/ontology#"
    assert [str(o) for o in g.objects(root, URIRef(gaia + "minimumAltitude"))] == ["-2000"]
    assert [str(o) for o in g.objects(root, URIRef(gaia + "maximumAltitude"))] == ["0"]
    boxes = {str(b) for b in g.objects(None, URIRef(DCAT + "bbox"))}
    assert boxes == {
        "POLYGON((-10 43, -1 43, -1 48, -10 48, -10 43))",
        "POLYGON((-5 44, -3 44, -3 46, -5 46, -5 44))",
    }
    assert list(g.objects(root, URIRef(DCT + "license"))) == [
        URIRef("https://creativecommons.org/licenses/by/4.0/")
    ]
    (period,) = g.objects(root, URIRef(DCT + "temporal"))
    assert [str(o) for o in g.objects(period, URIRef(DCAT + "endDate"))] == [
        "2020-01-31T00:00:00+00:00"
    ]
    assert not list(g.objects(period, URIRef(DCAT + "startDate")))
    collection["links"] = []
    collection["license"] = "proprietary"
    g = as_graph(stac.convert(json.dumps(collection).encode(), base_iri=BASE))
    (rights,) = g.objects(root, URIRef(DCT + "rights"))
    assert str(g.value(rights, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == (
        "proprietary"
    )
    for word, iri in (
        ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),  # the canonical IRI
        ("Apache-2.0", "http://spdx.org/licenses/Apache-2.0"),
    ):
        collection["license"] = word
        g = as_graph(stac.convert(json.dumps(collection).encode(), base_iri=BASE))
        assert list(g.objects(root, URIRef(DCT + "license"))) == [URIRef(iri)]


INSTRUMENTS = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/instrument/modis> a skos:Concept ; skos:prefLabel "MODIS"@en ;
    skos:inScheme <https://gcmd.earthdata.nasa.gov/kms/concepts/concept_scheme/instruments> .
<https://example.org/instrument/other> a skos:Concept ; skos:prefLabel "terra"@en ;
    skos:inScheme <https://example.org/not-gcmd> .
"""


def test_platforms_and_instruments_link_to_the_loaded_gcmd_vocabularies(tmp_path):
    """The summaries' platforms (aqua, terra) land on the GCMD platforms concepts named
    Aqua and Terra, the instrument (modis) on the instruments concept labelled MODIS; a concept
    of another scheme with the same label is not used, nor an alternative label (the keyword
    "Satellite" is an altLabel of the generic GCMD concept SATELLITES)."""
    from graph_loader.bootstrap import initialise
    from graph_loader.records import record_graph_iri
    from graph_loader.vocab import load_vocabulary

    platforms = CORPORA / "gcmd" / "platforms.rdf"
    collection = CORPORA / "real/stac/stactools-modis/modis-061__modis-13Q1-061__collection.json"
    if not platforms.is_file() or not collection.is_file():
        pytest.skip("corpus absent")
    store = open_store(":memory:")
    list(initialise(store, infer=False, quiet=True))
    load_vocabulary(store, platforms, name="platforms")
    (tmp_path / "instruments.ttl").write_text(INSTRUMENTS)
    load_vocabulary(store, tmp_path / "instruments.ttl", name="instruments")
    report = load_paths(store, [collection], base_iri=BASE)
    root = resource_iri("dataset", "modis-13Q1-061", BASE)
    gaia = "https://w3id.org/gaia-kg/ontology#"
    got = {
        (t.predicate.value, t.object.value)
        for t in store.graph_triples(record_graph_iri(root))
        if t.predicate.value in (gaia + "platform", gaia + "instrument")
    }
    concept = "https://gcmd.earthdata.nasa.gov/kms/concept/"
    assert got == {
        (gaia + "platform", concept + "80eca755-c564-4616-b910-a4c4387b7c54"),  # Terra
        (gaia + "platform", concept + "ea7fd15d-190d-43f3-bdd3-75f5d88dc3f8"),  # Aqua
        (gaia + "instrument", "https://example.org/instrument/modis"),
    }
    # platform names are not reported as keywords missing from the thesaurus
    missed = report.keywords.unmatched.get(collection.name, {})
    assert not {"aqua", "terra", "modis"} & set(missed)


def test_a_saved_collections_answer_gives_each_collection():
    """A STAC API /collections answer saved to a file: one dataset per collection."""
    folder = CORPORA / "real" / "stac" / "stactools-viirs"
    if not folder.is_dir():
        pytest.skip("corpus absent")
    collections = [json.loads(p.read_bytes()) for p in sorted(folder.glob("examples__*"))[:3]]
    answer = json.dumps({"collections": collections, "links": []}).encode()
    assert detect_format(answer) == "stac"
    g = as_graph(stac.convert(answer, base_iri=BASE))
    assert set(g.subjects(URIRef(RDF_TYPE), URIRef(DCAT + "Dataset"))) == {
        URIRef(resource_iri("dataset", c["id"], BASE)) for c in collections
    }
    assert not stac.sniff(b'{"collections": [{"id": "not stac"}]}')


def test_stac_0_6_bare_extent_and_utf16_input():
    """STAC 0.6 wrote the extent bare (no "bbox"/"interval", no "type"); a file may be UTF-16
    with its byte order mark."""
    old = {
        "stac_version": "0.6.1",
        "id": "old",
        "title": "Land surface temperature of the past",
        "description": "The temperature of the land seen from the satellite in the past years",
        "license": "CC0-1.0",
        "extent": {"spatial": [-10, 40, 10, 50], "temporal": ["2015-01-01T00:00:00Z", None]},
        "links": [],
    }
    data = json.dumps(old).encode("utf-16")
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") and detect_format(data) == "stac"
    g = as_graph(stac.convert(data, base_iri=BASE))
    assert {str(b) for b in g.objects(None, URIRef(DCAT + "bbox"))} == {
        "POLYGON((-10 40, 10 40, 10 50, -10 50, -10 40))"
    }
    assert len(list(g.objects(None, URIRef(DCAT + "startDate")))) == 1
    assert not list(g.objects(None, URIRef(DCAT + "endDate")))


def test_a_keyword_naming_a_thesaurus_concept_is_not_a_platform(tmp_path):
    """GCMD has a spacecraft called WIND; a record whose keyword "wind" names the thesaurus
    variable gets the theme, not the spacecraft."""
    from graph_loader.bootstrap import initialise
    from graph_loader.records import record_graph_iri
    from graph_loader.vocab import load_vocabulary

    platforms = CORPORA / "gcmd" / "platforms.rdf"
    if not platforms.is_file():
        pytest.skip("corpus absent")
    store = open_store(":memory:")
    list(initialise(store, infer=False, quiet=True))
    load_vocabulary(store, platforms, name="platforms")
    record = tmp_path / "wind.ttl"
    record.write_text(
        """@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
<https://example.org/d/wind> a dcat:Dataset ; dct:title "Wind speed at Trappes"@en ;
    dct:description "Ten-minute wind speed and direction measured at Trappes."@en ;
    dcat:keyword "wind"@en, "WIND"@en ."""
    )
    load_paths(store, [record], base_iri=BASE)
    gaia = "https://w3id.org/gaia-kg/ontology#"
    graph = store.graph_triples(record_graph_iri("https://example.org/d/wind"))
    theme = "http://www.w3.org/ns/dcat#theme"
    wanted = {gaia + "platform", gaia + "instrument", theme}
    linked = {(t.predicate.value, t.object.value) for t in graph if t.predicate.value in wanted}
    assert linked == {(theme, "https://w3id.org/gaia-kg/thesaurus/winds")}
