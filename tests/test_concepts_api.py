"""/api/concepts: top concepts, one concept with its context, subtrees; whole JSON values."""

from __future__ import annotations

import time

import pyoxigraph as ox
import pytest
import rdflib
from concept_support import (
    FIXTURES,
    GAIA,
    MINI,
    THES,
    demo_graph,
    demo_store,
    expected_count,
    load_vocabulary,
    thesaurus_graph,
)
from http_support import app_over
from rdflib import URIRef
from rdflib.namespace import DCAT, RDF, SKOS

from graph_loader.bootstrap import initialise, project_graphs
from sparql_api.core.concept_index import ConceptIndexHolder, build_concept_index
from sparql_api.search.autocomplete import matcher_for, suggest
from sparql_api.search.concepts import concept_tree, top_concepts

SCHEME = "https://w3id.org/gaia-kg/thesaurus/gaia"
COMPARTMENTS = [
    "agro-environment",
    "atmosphere",
    "biodiversity",
    "climate",
    "land-surfaces",
    "oceans",
    "solid-earth",
]
MATCHES = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"]
INVERSE = {"broadMatch": "narrowMatch", "narrowMatch": "broadMatch"}


@pytest.fixture(scope="module")
def store():
    store = demo_store()
    load_vocabulary(store, "mini", FIXTURES / "mini-vocab.ttl")
    return store


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


@pytest.fixture(scope="module")
def thesaurus():
    return thesaurus_graph()


@pytest.fixture(scope="module")
def demo():
    return demo_graph()


def summary(thesaurus, demo, slug, lang="en", vocabulary="gaia", depth=None):
    pref = {o.language: str(o) for o in thesaurus.objects(THES[slug], SKOS.prefLabel)}
    labels = {"en": pref["en"], "fr": pref["fr"]}
    return {
        "iri": str(THES[slug]),
        "id": slug,
        "label": labels[lang],
        "labels": labels,
        "vocabulary": vocabulary,
        "depth": depth,
        "count": expected_count(thesaurus, demo, slug),
    }


def expected_mappings(iri: str) -> list[dict]:
    """The mappings of ``iri`` in the project graph files, as the API shows them."""
    graph = rdflib.Graph()
    for paths in project_graphs().values():
        for path in paths:
            graph.parse(path)
    found = set()
    for name in MATCHES:
        for other in graph.objects(URIRef(iri), SKOS[name]):
            found.add((name, str(other)))
        for other in graph.subjects(SKOS[name], URIRef(iri)):
            found.add((INVERSE.get(name, name), str(other)))
    return [
        {
            "type": name,
            "iri": other,
            "id": None,
            "label": None,
            "labels": {"en": None, "fr": None},
            "vocabulary": None,
            "depth": None,
            "count": 0,
        }
        for name, other in sorted(found)
    ]


def test_top_concepts_are_the_seven_compartments_with_counts(client, thesaurus, demo):
    body = client.get("/api/concepts?lang=en").get_json()
    expected = [summary(thesaurus, demo, slug, "en", depth=0) for slug in COMPARTMENTS]
    expected.sort(key=lambda c: c["label"])
    assert body == {"vocabulary": "gaia", "scheme": SCHEME, "lang": "en", "concepts": expected}


def test_compartment_count_is_the_number_of_distinct_resources_under_it(client, thesaurus, demo):
    kinds = {}
    for slug in COMPARTMENTS:
        below = set(thesaurus.transitive_subjects(SKOS.broader, THES[slug]))
        tagged = {
            s for p in (GAIA.variable, DCAT.theme) for s, o in demo.subject_objects(p) if o in below
        }
        body = client.get(f"/api/concepts/{slug}").get_json()
        assert body["count"] == len(tagged) > 0, slug
        for s in tagged:
            for t in demo.objects(s, RDF.type):
                kinds.setdefault(slug, set()).add(str(t))
    # the datasets, and the tools and tutorials whose themes are below the compartment
    assert kinds["atmosphere"] == {
        str(DCAT.Dataset),
        "https://schema.org/SoftwareSourceCode",
        "https://schema.org/LearningResource",
    }


def test_aerosol_optical_depth_whole_json(client, thesaurus, demo):
    body = client.get("/api/concepts/aerosol-optical-depth").get_json()
    atmosphere = summary(thesaurus, demo, "atmosphere", depth=0)
    iri = str(THES["aerosol-optical-depth"])
    assert body == {
        "iri": iri,
        "id": "aerosol-optical-depth",
        "vocabulary": "gaia",
        "scheme": SCHEME,
        "types": [
            "http://www.w3.org/2004/02/skos/core#Concept",
            "https://w3id.org/gaia-kg/ontology#Variable",
        ],
        "lang": "en",
        "label": "Aerosol optical depth",
        "labels": {
            "pref": {"en": "Aerosol optical depth", "fr": "Épaisseur optique des aérosols"},
            "alt": {
                "en": ["Aerosol optical thickness", "AOD", "AOT"],
                "fr": ["AOD", "AOT", "Épaisseur optique en aérosols"],
            },
        },
        "definition": {
            "en": "Dimensionless measure of the extinction of solar radiation by aerosols "
            "over the whole atmospheric column at a given wavelength.",
            "fr": "Mesure sans dimension de l'atténuation du rayonnement solaire par les "
            "aérosols sur toute la colonne atmosphérique, à une longueur d'onde donnée.",
        },
        "scopeNote": None,
        "introduction": None,
        "depth": 2,
        "compartment": atmosphere,
        "broader": [atmosphere, summary(thesaurus, demo, "aerosols", depth=1)],
        "narrower": [],
        "mappings": expected_mappings(iri),
        "count": expected_count(thesaurus, demo, "aerosol-optical-depth"),
    }
    assert body["count"] == 15  # 14 datasets and pyaerocom (software/pyaerocom)


def test_lang_picks_the_label_and_both_languages_stay(client):
    body = client.get("/api/concepts/aerosols?lang=fr").get_json()
    assert body["label"] == "Aérosols"
    assert body["labels"]["pref"] == {"en": "Aerosols", "fr": "Aérosols"}
    assert [n["label"] for n in body["narrower"]] == [
        "Épaisseur optique des aérosols",
        "Granulométrie des aérosols",
        "Poussières désertiques",
        "Profil d'extinction des aérosols",
    ]
    assert [b["id"] for b in body["broader"]] == ["atmosphere"]


def test_compartment_carries_its_introduction_in_both_languages(client, thesaurus):
    body = client.get("/api/concepts/oceans").get_json()
    intro = {o.language: str(o) for o in thesaurus.objects(THES["oceans"], GAIA.introduction)}
    assert body["introduction"] == intro and set(intro) == {"en", "fr"}
    assert body["broader"] == [] and body["compartment"]["id"] == "oceans"


def test_tree_has_every_descendant_once_with_counts(client, thesaurus, demo):
    body = client.get("/api/concepts/atmosphere/tree").get_json()

    def walk(node):
        yield node
        for child in node["children"]:
            yield from walk(child)

    nodes = list(walk(body))
    below = set(thesaurus.transitive_subjects(SKOS.broader, THES["atmosphere"]))
    assert sorted(n["iri"] for n in nodes) == sorted(str(c) for c in below)
    for node in nodes:
        assert node["count"] == expected_count(thesaurus, demo, node["id"]), node["id"]


def test_unknown_concept_is_a_bilingual_404(client):
    response = client.get("/api/concepts/no-such-concept?lang=fr")
    assert response.status_code == 404
    assert response.get_json() == {
        "status": 404,
        "error": "concept_not_found",
        "message": "Aucun concept <https://w3id.org/gaia-kg/thesaurus/no-such-concept> "
        "dans les vocabulaires chargés.",
        "lang": "fr",
    }
    response = client.get("/api/concepts/no-such-concept/tree?lang=en")
    assert response.status_code == 404
    assert response.get_json()["message"] == (
        "No concept <https://w3id.org/gaia-kg/thesaurus/no-such-concept> "
        "in the loaded vocabularies."
    )


def test_external_concept_by_iri_with_compartment_from_its_mapped_ancestor(client):
    body = client.get("/api/concepts", query_string={"iri": MINI + "dust-kw"}).get_json()
    assert body["vocabulary"] == "mini"
    assert body["scheme"] == MINI + "scheme"
    assert body["id"] is None
    assert body["labels"] == {
        "pref": {"en": "DUST/ASH/SMOKE", "fr": None},
        "alt": {"en": ["Volcanic ash"], "fr": []},
    }
    assert body["definition"] == {"en": "Particles of dust, ash and smoke.", "fr": None}
    assert [b["iri"] for b in body["broader"]] == [MINI + "earth", MINI + "aerosols-kw"]
    assert body["compartment"]["id"] == "atmosphere"
    assert body["mappings"] == []
    mapped = client.get("/api/concepts", query_string={"iri": MINI + "aerosols-kw"}).get_json()
    assert [(m["type"], m["id"]) for m in mapped["mappings"]] == [("closeMatch", "aerosols")]
    gaia = client.get("/api/concepts/aerosols").get_json()
    assert ("closeMatch", MINI + "aerosols-kw") in [(m["type"], m["iri"]) for m in gaia["mappings"]]


def test_other_vocabulary_top_concepts_and_unknown_vocabulary(client):
    body = client.get("/api/concepts?vocabulary=mini").get_json()
    assert [c["iri"] for c in body["concepts"]] == [MINI + "earth"]
    assert body["scheme"] == MINI + "scheme"
    response = client.get("/api/concepts?vocabulary=nothing&lang=fr")
    assert response.status_code == 404
    assert response.get_json()["message"] == "Aucun vocabulaire « nothing » n'est chargé."


def test_index_is_rebuilt_when_a_vocabulary_changes(store):
    holder = ConceptIndexHolder(check_seconds=0)
    first = holder.get(store)
    assert holder.get(store) is first
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/vocabulary/extra")
    store.replace_graph(
        graph,
        [
            ox.Triple(
                ox.NamedNode(MINI + "extra"),
                ox.NamedNode(str(RDF.type)),
                ox.NamedNode(str(SKOS.Concept)),
            ),
            ox.Triple(
                ox.NamedNode(MINI + "extra"),
                ox.NamedNode(str(SKOS.prefLabel)),
                ox.Literal("Extra", language="en"),
            ),
        ],
    )
    try:
        second = holder.get(store)
        assert second is not first
        assert MINI + "extra" in second.concepts and MINI + "extra" not in first.concepts
    finally:
        store.drop_graphs([graph])
    assert MINI + "extra" not in holder.get(store).concepts


def test_background_refresh_keeps_serving_the_old_index_until_the_new_one_is_built(store):
    holder = ConceptIndexHolder(check_seconds=0, background=True, prepare=matcher_for)
    first = holder.get(store)
    assert "matcher" in first.cache  # the autocomplete tables are built before serving
    graph = ox.NamedNode("https://w3id.org/gaia-kg/graph/vocabulary/extra2")
    concept = ox.NamedNode(MINI + "extra2")
    store.replace_graph(
        graph,
        [
            ox.Triple(concept, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SKOS.Concept))),
            ox.Triple(concept, ox.NamedNode(str(SKOS.prefLabel)), ox.Literal("X", language="en")),
        ],
    )
    try:
        assert holder.get(store) is first  # answered at once; the check runs in a thread
        deadline = time.monotonic() + 10
        while MINI + "extra2" not in holder.get(store).concepts:
            assert time.monotonic() < deadline, "the index was not rebuilt"
            time.sleep(0.01)
        assert "matcher" in holder.get(store).cache
    finally:
        store.drop_graphs([graph])


def test_plain_functions_without_flask(store):
    index = build_concept_index(store)
    assert top_concepts(index, "en", "nothing") is None
    assert concept_tree(index, "https://example.org/none", "en") is None
    tree = concept_tree(index, MINI + "earth", "fr")
    assert tree["label"] == "EARTH SCIENCE"
    assert [c["iri"] for c in tree["children"]] == [MINI + "aerosols-kw"]


def test_index_reads_the_same_on_both_backends(any_store):
    list(initialise(any_store))
    load_vocabulary(any_store, "mini", FIXTURES / "mini-vocab.ttl")
    index = build_concept_index(any_store)
    assert [c["id"] for c in top_concepts(index, "en")["concepts"]] == [
        "agro-environment",
        "atmosphere",
        "biodiversity",
        "climate",
        "land-surfaces",
        "oceans",
        "solid-earth",
    ]
    assert index.concepts[MINI + "dust-kw"].compartment == str(THES["atmosphere"])
    assert index.concepts[MINI + "dust-kw"].depth == 2
    assert index.concepts[str(THES["aerosol-optical-depth"])].depth == 2
    assert [s["iri"] for s in suggest(index, "aod")] == [str(THES["aerosol-optical-depth"])]
