"""schema.org Dataset JSON-LD converter: golden cases, every corpus record, bad input, loader."""

from __future__ import annotations

import json

import pytest
from helpers import BASE, TESTS, as_graph, assert_case, cases, corpus, load_outcomes
from rdflib import URIRef

from graph_loader.errors import InputError, UnknownContextError
from graph_loader.formats import detect_format
from graph_loader.mappings import codemeta, schemaorg
from graph_loader.mappings.build import guess_language
from graph_loader.validation import load_shapes

DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

FIXTURES = TESTS / "fixtures" / "mappings" / "schemaorg"
BOREHOLE = "borehole-temperature-data-from-pima-county-arizona-55cb2f04"
CORE = "https://science-on-schema.org/test/resources/dataset_core.jsonld#ds-core-"


@pytest.mark.parametrize("case", cases("schemaorg"), ids=lambda c: c.name)
def test_golden_case(case):
    assert_case(schemaorg, case)


def test_sniff_claims_schemaorg_datasets_only():
    """Datasets in the schema.org context (http or https, string or @vocab) and nothing else."""
    names = {p.name: schemaorg.sniff(p.read_bytes()) for p in corpus("schemaorg-jsonld", "soso")}
    assert names == {
        "data-repository-full.jsonld": False,  # a Service/ResearchProject: plain JSON-LD
        "dataset-full.jsonld": True,
        "dataset_core.jsonld": True,
        "minimal.jsonld": True,
        "selfiegeojson.jsonld": False,  # GeoJSON with SELFIE contexts
        "variableMeasured-gridDataset.jsonld": True,
        "variableMeasured_LarvalKrill.jsonld": True,
        "variableMeasured_NGDSBoreholeTemperature.jsonld": True,
    }
    assert not any(schemaorg.sniff(p.read_bytes()) for p in corpus("codemeta"))
    assert not schemaorg.sniff(b"<?xml version='1.0'?><a/>")
    assert not schemaorg.sniff(b'{"@context": "https://schema.org/", "@type": "Dataset"')


def test_every_corpus_dataset_converts_to_one_titled_dataset_per_schema_dataset():
    query = "SELECT ?d WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }"
    counts = {}
    for path in corpus("schemaorg-jsonld", "soso"):
        data = path.read_bytes()
        if schemaorg.sniff(data):
            assert detect_format(data) == "schemaorg", path.name
            counts[path.name] = len(as_graph(schemaorg.convert(data, base_iri=BASE)).query(query))
    assert counts == {
        "dataset-full.jsonld": 1,
        "dataset_core.jsonld": 9,
        "minimal.jsonld": 1,
        "variableMeasured-gridDataset.jsonld": 1,
        "variableMeasured_LarvalKrill.jsonld": 1,
        "variableMeasured_NGDSBoreholeTemperature.jsonld": 1,
    }


def test_corpus_records_load_or_are_rejected_with_reasons():
    """Each corpus file loaded alone: every record stored or rejected with its reasons."""
    shapes = load_shapes()
    got = {p.name: load_outcomes(p, shapes) for p in corpus("schemaorg-jsonld", "soso")}
    assert got == {
        "data-repository-full.jsonld": {},  # no dataset: plain JSON-LD, no record
        "dataset-full.jsonld": {"http://lod.example-data-repository.org/id/dataset/3300": "loaded"},
        # the science-on-schema.org test file of deliberately incomplete datasets: their
        # two-word titles are titles (too short to tell their language: a warning); the one
        # without a description is loaded flagged; only the one without a title is rejected
        "dataset_core.jsonld": {
            f"{CORE}01": "loaded",
            f"{CORE}02": [
                f"error: the dataset <{CORE}02> has no title in any language (dct:title, "
                "schema:name, foaf:name or rdfs:label): it cannot be a record"
            ],
            f"{CORE}03": "loaded",
            f"{CORE}04": "loaded",
            f"{CORE}05": "loaded",
            f"{CORE}06": "loaded",
            f"{CORE}07": "loaded",
            f"{CORE}08": "loaded",
            f"{CORE}09": "loaded",
        },
        "minimal.jsonld": {"https://example.org/datasets/1234567890": "loaded"},
        "selfiegeojson.jsonld": {
            "file": [
                "JSON-LD context 'https://opengeospatial.github.io/SELFIE/contexts/elf-index"
                ".jsonld' is not shipped with gaia-kg and the network is not used; inline the "
                "context or add it to graph_loader/data/contexts"
            ]
        },
        "variableMeasured-gridDataset.jsonld": {
            BASE + "id/dataset/surface-geology-and-geophysics-grid-0a403710": "loaded"
        },
        "variableMeasured_LarvalKrill.jsonld": {
            "http://lod.example-data-repository.org/id/dataset/3300/metadata": "loaded"
        },
        "variableMeasured_NGDSBoreholeTemperature.jsonld": {
            BASE
            + "id/dataset/borehole-temperature-data-from-pima-county-arizona-55cb2f04": "loaded"
        },
    }


def test_point_open_period_text_keywords_and_graph():
    """GeoCoordinates give a zero-area box, ``../end`` an open period, a keyword text is split,
    and a dataset without @id in an @graph gets a minted IRI."""
    data = (FIXTURES / "point-open-period-graph.jsonld").read_bytes()
    graph = as_graph(schemaorg.convert(data, base_iri=BASE))
    rows = graph.query(
        """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?d ?bbox ?start ?end ?rights WHERE {
          ?d dct:spatial/dcat:bbox ?bbox ; dct:temporal ?t ; dct:accessRights ?rights .
          OPTIONAL { ?t dcat:startDate ?start } OPTIONAL { ?t dcat:endDate ?end } }"""
    )
    assert [tuple(str(v) if v is not None else None for v in row) for row in rows] == [
        (
            BASE + "id/dataset/dyfamed-t-d2aa97af",
            "POLYGON((7.89 43.41, 7.89 43.41, 7.89 43.41, 7.89 43.41, 7.89 43.41))",
            None,
            "2020-12-31",
            "http://publications.europa.eu/resource/authority/access-right/RESTRICTED",
        )
    ]
    keywords = graph.query("SELECT ?k WHERE { ?d <http://www.w3.org/ns/dcat#keyword> ?k }")
    assert sorted((str(k), k.language) for (k,) in keywords) == [
        ("Ligurian Sea", "en"),
        ("mooring", "en"),
        ("temperature", "en"),
    ]


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("empty.jsonld", InputError, "empty record"),
        (
            "truncated.jsonld",
            InputError,
            "invalid JSON: Unterminated string starting at: line 1 column 65 (char 64)",
        ),
        (
            "latin1.jsonld",
            InputError,
            "JSON is not in UTF-8, UTF-16 or UTF-32: 'utf-8' codec can't decode byte 0xe9 in "
            "position 69: invalid continuation byte",
        ),
        (
            "no-name.jsonld",
            InputError,
            "schema.org Dataset with no name (schema:name): not a record",
        ),
        (
            "unknown-context.jsonld",
            UnknownContextError,
            "JSON-LD context 'https://example.org/private-context.jsonld' is not shipped with "
            "gaia-kg and the network is not used; inline the context or add it to "
            "graph_loader/data/contexts",
        ),
    ],
)
def test_bad_input_gives_a_clear_input_error(name, error, message):
    with pytest.raises(error) as caught:
        schemaorg.convert((FIXTURES / name).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


def test_no_dataset_is_an_input_error():
    with pytest.raises(InputError, match="^no schema.org Dataset in this JSON-LD record$"):
        schemaorg.convert(b'{"@context": "https://schema.org", "@type": "Person"}', base_iri=BASE)


def test_language_is_guessed_only_when_clear():
    assert guess_language("Profils de température des flotteurs dans le golfe") == "fr"
    assert guess_language("Profiles of temperature from the floats in the Bay") == "en"
    assert guess_language("No url") is None
    assert guess_language("Argo la the de of") is None  # as many of each: no guess


def test_codemeta_records_are_not_claimed():
    assert all(codemeta.sniff(p.read_bytes()) for p in corpus("codemeta"))


def test_oversized_record_is_refused_before_parsing():
    data = (
        b'{"@context": "https://schema.org/", "@type": "Dataset", "name": "'
        + b"x" * (21 * 1024 * 1024)
        + b'"}'
    )
    assert not schemaorg.sniff(data)
    with pytest.raises(InputError, match=r"^22020163 bytes is over the 20971520 bytes limit$"):
        schemaorg.convert(data, base_iri=BASE)


def test_polygon_gives_its_envelope():
    data = b"""{"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://ex.org/d",
      "name": "Glider sections in the Bay of Biscay", "description": "Sections of the glider.",
      "spatialCoverage": {"@type": "Place", "geo": {"@type": "GeoShape",
        "polygon": "43.5,-2.0 45.0,-1.5 44.8,-4.2 43.5,-2.0"}}}"""
    graph = as_graph(schemaorg.convert(data, base_iri=BASE))
    boxes = graph.query("SELECT ?b WHERE { ?d ?p [ <http://www.w3.org/ns/dcat#bbox> ?b ] }")
    assert [str(b) for (b,) in boxes] == [
        "POLYGON((-4.2 43.5, -1.5 43.5, -1.5 45, -4.2 45, -4.2 43.5))"
    ]


def _datasets(document: dict) -> dict[str, list[str]]:
    """Dataset IRI -> its titles, of a JSON-LD document converted."""
    import json

    graph = as_graph(schemaorg.convert(json.dumps(document).encode(), base_iri=BASE))
    rows = graph.query(
        "SELECT ?d ?t WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> ; "
        "<http://purl.org/dc/terms/title> ?t }"
    )
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(str(row.d), []).append(str(row.t))
    return out


def test_null_empty_and_relative_ids_do_not_lose_the_record():
    """``"id": null`` (dataspice), ``"@id": ""`` (DesignSafe) and a relative ``@id`` without
    a base (USGS NWIS) keep the dataset; a nameless Dataset inside an action is no record."""
    context = {"@context": {"@vocab": "https://schema.org/", "id": "@id"}}
    got = _datasets({
        **context, "@id": "metadata-nwis-sites", "@type": "Dataset", "name": "NWIS sites",
        "url": "https://waterservices.usgs.gov/rest/Site-Service.html",
        "creator": {"@type": "Person", "id": None, "name": "Jeanette Clark"},
        "potentialAction": {"@type": "SearchAction", "result": {
            "@type": "Dataset", "description": "USGS RDB (tab-delimited) format"}},
    })  # fmt: skip
    assert list(got.values()) == [["NWIS sites"]]
    (iri,) = got
    assert iri.startswith(BASE + "id/dataset/https-waterservices.usgs.gov-rest-site-service")
    empty = _datasets({**context, "@id": "", "@type": "Dataset", "name": "LEAP-2018"})
    assert list(empty.values()) == [["LEAP-2018"]]


def test_a_catalogue_gives_one_record_per_dataset_and_a_catalogue_record():
    import json

    document = {
        "@context": "https://schema.org/", "@type": "DataCatalog", "name": "A catalogue",
        "@id": "https://example.org/catalogue",
        "dataset": [
            {"@type": "Dataset", "@id": "https://example.org/d/1", "name": "First"},
            {"@type": "Dataset", "@id": "https://example.org/d/2", "name": "Second"},
        ],
    }  # fmt: skip
    got = _datasets(document)
    assert got == {"https://example.org/d/1": ["First"], "https://example.org/d/2": ["Second"]}
    graph = as_graph(schemaorg.convert(json.dumps(document).encode(), base_iri=BASE))
    rows = graph.query(
        "SELECT ?t ?d WHERE { <https://example.org/catalogue> a "
        "<http://www.w3.org/ns/dcat#Catalog> ; <http://purl.org/dc/terms/title> ?t ; "
        "<http://www.w3.org/ns/dcat#dataset> ?d }"
    )
    assert sorted((str(r.t), str(r.d)) for r in rows) == [
        ("A catalogue", "https://example.org/d/1"),
        ("A catalogue", "https://example.org/d/2"),
    ]


def test_a_nameless_dataset_is_refused_saying_why():
    with pytest.raises(InputError, match="no name"):
        _datasets({"@context": "https://schema.org/", "@type": "Dataset", "url": "https://x.org"})


def test_place_coordinates_and_spec_order_boxes():
    """A Place with its own latitude/longitude is a point; ``box`` is "south west north east"
    (lat lon) as schema.org says unless the numbers can only be lon lat."""
    import json

    def boxes(place: dict) -> list[str]:
        doc = {"@context": "https://schema.org/", "@type": "Dataset", "@id": "https://x.org/d",
               "name": "D", "spatialCoverage": place}  # fmt: skip
        triples = schemaorg.convert(json.dumps(doc).encode(), base_iri=BASE)
        return [t.object.value for t in triples if t.predicate.value.endswith("#bbox")]

    assert boxes({"@type": "Place", "latitude": 33.65, "longitude": -105.15}) == [
        "POLYGON((-105.15 33.65, -105.15 33.65, -105.15 33.65, -105.15 33.65, -105.15 33.65))"
    ]
    spec = {"@type": "Place", "geo": {"@type": "GeoShape", "box": "41 -5 51 10"}}
    assert boxes(spec) == ["POLYGON((-5 41, 10 41, 10 51, -5 51, -5 41))"]
    swapped = {"@type": "Place", "geo": {"@type": "GeoShape", "box": "135.9 -43.6 150.2 -35.0"}}
    assert boxes(swapped) == [
        "POLYGON((135.9 -43.6, 150.2 -43.6, 150.2 -35, 135.9 -35, 135.9 -43.6))"
    ]


def test_dcat_documents_naming_schemaorg_are_left_to_the_rdf_reader():
    turtle = (
        b"@prefix schema: <https://schema.org/> .\n@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
        b'<https://x.org/d> a dcat:Dataset, schema:Dataset ; schema:name "D" .\n'
    )
    assert not schemaorg.sniff(turtle)
    assert detect_format(turtle) == "turtle"
    assert schemaorg.sniff(turtle.replace(b"dcat:Dataset, ", b""))


def test_a_dataset_named_through_a_prefix_of_the_context_is_read():
    """schema.org reached through a prefix of an inline context ("schema:Dataset"), as CKAN's
    DCAT extension writes it (WIFIRE): the Dataset is converted, not left in a source graph."""
    doc = {
        "@context": {"schema": "https://schema.org/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
        "@graph": [
            {
                "@id": "https://example.org/dataset/lidar-az",
                "@type": "schema:Dataset",
                "schema:name": "Lidar of the Colorado River, lot 2",
                "schema:description": "Airborne lidar point clouds of the lower Colorado River.",
            }
        ],
    }
    data = json.dumps(doc).encode()
    assert detect_format(data) == "schemaorg"
    g = as_graph(schemaorg.convert(data, base_iri=BASE))
    titles = {(str(s), str(o)) for s, o in g.subject_objects(URIRef(DCT + "title"))}
    assert titles == {
        ("https://example.org/dataset/lidar-az", "Lidar of the Colorado River, lot 2")
    }


def test_wifire_datasets_are_read():
    """Each WIFIRE file of the corpus gives its one Dataset, titled by its schema:name."""
    for path in corpus("real", "schemaorg", "wifire"):
        nodes = json.loads(path.read_bytes())["@graph"]
        names = {n["schema:name"] for n in nodes if n.get("@type") == "schema:Dataset"}
        assert detect_format(path.read_bytes()) == "schemaorg", path.name
        g = as_graph(schemaorg.convert(path.read_bytes(), base_iri=BASE))
        datasets = set(g.subjects(URIRef(RDF_TYPE), URIRef(DCAT + "Dataset")))
        got = {str(o) for d in datasets for o in g.objects(d, URIRef(DCT + "title"))}
        assert (len(datasets), got) == (1, names), path.name
