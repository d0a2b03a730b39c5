"""/api/autocomplete: folding, prefixes, typos, ranking, and the issue's must-show queries."""

from __future__ import annotations

import pytest
from concept_support import FIXTURES, MINI, THES, demo_store, load_vocabulary
from http_support import app_over

from graph_loader.bootstrap import initialise
from graph_loader.parsing import fold, tokens
from graph_loader.store import EmbeddedStore
from sparql_api.core.concept_index import build_concept_index
from sparql_api.search import autocomplete
from sparql_api.search.autocomplete import (
    MATCH_LEVELS,
    MAX_QUERY_CHARS,
    Matcher,
    matcher_for,
    max_typos,
    suggest,
)

AOD = str(THES["aerosol-optical-depth"])
AEROSOLS = str(THES["aerosols"])
SST = str(THES["sea-surface-temperature"])


@pytest.fixture(scope="module")
def store():
    store = demo_store()
    load_vocabulary(store, "mini", FIXTURES / "mini-vocab.ttl")
    return store


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def complete(client, q, **args):
    response = client.get("/api/autocomplete", query_string={"q": q, **args})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["suggestions"]


def test_fold_drops_accents_and_case():
    assert fold("Épaisseur Optique des AÉROSOLS") == "epaisseur optique des aerosols"
    assert fold("Straße") == "strasse"
    assert tokens("Qualité de l'air — PM2.5") == ["qualite", "de", "l", "air", "pm2", "5"]
    assert [max_typos(n) for n in (1, 3, 4, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize("q", ["aérosols", "aerosol", "AOD", "epaisseur optique", "aersol"])
def test_aerosol_queries_suggest_aod_or_its_sub_domain_first_or_second(client, q):
    first_two = [s["iri"] for s in complete(client, q)[:2]]
    assert AOD in first_two or AEROSOLS in first_two, (q, first_two)


@pytest.mark.parametrize(
    "q", ["température de surface de la mer", "SST", "temperature surface mer"]
)
def test_sea_surface_temperature_first(client, q):
    assert complete(client, q)[0]["iri"] == SST


def test_suggestion_whole_value(client):
    assert complete(client, "AOD", lang="fr", limit=1) == [
        {
            "iri": AOD,
            "label": "Épaisseur optique des aérosols",
            "labelLang": "fr",
            "matched": {"text": "AOD", "kind": "alt", "lang": "fr"},
            "match": "exact",
            "compartment": {"iri": str(THES["atmosphere"]), "label": "Atmosphère"},
            "scheme": "https://w3id.org/gaia-kg/thesaurus/gaia",
            "vocabulary": "gaia",
            "depth": 2,
            "count": 15,  # 14 datasets and a tool, pyaerocom (tests/test_concepts_api.py)
        }
    ]


def test_matched_label_kind_and_language_are_reported(client):
    hit = complete(client, "epaisseur optique des aerosols", lang="en")[0]
    assert hit["iri"] == AOD and hit["label"] == "Aerosol optical depth"
    assert hit["match"] == "exact"
    # the prefLabel folds to the same text as the hidden one: pref wins
    assert hit["matched"] == {
        "text": "Épaisseur optique des aérosols",
        "kind": "pref",
        "lang": "fr",
    }
    hit = complete(client, "aerosol optical thick")[0]
    assert (hit["iri"], hit["match"]) == (AOD, "prefix")
    assert hit["matched"] == {"text": "Aerosol optical thickness", "kind": "alt", "lang": "en"}


def test_typos_are_fuzzy_matches(client):
    hits = complete(client, "chlorophyle")
    assert hits[0]["iri"] == str(THES["chlorophyll-a"])
    for typo, slug in [
        ("sesimicity", "seismicity"),  # transposition
        ("glaicer", "glacier-mass-balance"),  # transposition
        ("humidty", "specific-humidity"),  # deletion
        ("evapotranspiraton", "evapotranspiration"),
    ]:
        hit = complete(client, typo)[0]
        assert (hit["iri"], hit["match"]) == (str(THES[slug]), "fuzzy"), typo
    assert complete(client, "xqzw") == []
    assert complete(client, "sal")[0]["match"] == "prefix"  # short tokens: no typo allowed


def test_ranking_exact_then_prefix_then_fuzzy_then_thesaurus_first(client):
    hits = complete(client, "aerosols", limit=50)
    levels = [MATCH_LEVELS.index(h["match"]) for h in hits]
    assert levels == sorted(levels)
    keys = [(MATCH_LEVELS.index(h["match"]), h["vocabulary"] != "gaia") for h in hits]
    assert keys == sorted(keys)
    external = [h for h in hits if h["vocabulary"] == "mini"]
    assert external[0]["iri"] == MINI + "aerosols-kw"
    assert external[0]["compartment"] == {"iri": str(THES["atmosphere"]), "label": "Atmosphere"}
    # among prefix matches of the thesaurus, shallower then more used come first
    prefix = [h for h in hits if h["match"] == "prefix" and h["vocabulary"] == "gaia"]
    order = [(h["depth"], -h["count"]) for h in prefix]
    assert order == sorted(order)


def test_external_vocabulary_labels_are_searched(client):
    hits = complete(client, "volcanic ash")
    assert hits[0]["iri"] == str(THES["volcanic-ash"])  # the thesaurus's own concept first
    mini = [h for h in hits if h["vocabulary"] != "gaia"]
    assert mini[0]["iri"] == MINI + "dust-kw"
    assert mini[0]["vocabulary"] == "mini" and mini[0]["scheme"] == MINI + "scheme"
    assert mini[0]["matched"] == {"text": "Volcanic ash", "kind": "alt", "lang": "en"}


def test_ties_are_deterministic_whatever_the_load_order(store):
    reversed_store = EmbeddedStore(None)
    for graph in reversed(store.named_graphs()):
        reversed_store.replace_graph(graph, list(reversed(store.graph_triples(graph))))
    a, b = build_concept_index(store), build_concept_index(reversed_store)
    for q in ("a", "air", "temp", "ocean", "sol", "precipitaton"):
        assert suggest(a, q, lang="fr", limit=50) == suggest(b, q, lang="fr", limit=50), q


def test_kept_word_matches_equal_fresh_ones_and_stay_bounded(store, monkeypatch):
    """A matcher keeps what each word matched for the next runs of a query and the next
    keystrokes: the same labels as a matcher that never saw the word, and no more words kept
    than its bound."""
    index = build_concept_index(store)
    kept = matcher_for(index)
    words = ["aer", "aerosol", "temperture", "ocean", "sol", "glace de mer", "precipitaton"]
    for fuzzy in (True, False):
        for q in words * 2:
            assert kept.label_matches(q, fuzzy=fuzzy) == Matcher(index).label_matches(
                q, fuzzy=fuzzy
            ), q
    monkeypatch.setattr(autocomplete, "LEVELS_KEPT", 5)
    bounded = Matcher(index)
    for q in words:
        bounded.label_matches(q)
        assert len(bounded._levels) <= 5
    assert bounded.label_matches("aerosol") == Matcher(index).label_matches("aerosol")


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ({}, "q_missing"),
        ({"q": "   "}, "q_missing"),
        ({"q": "a" * (MAX_QUERY_CHARS + 1)}, "q_too_long"),
        ({"q": "air", "limit": "0"}, "bad_limit"),
        ({"q": "air", "limit": "many"}, "bad_limit"),
        ({"q": "air", "limit": "51"}, "bad_limit"),
    ],
)
def test_bad_requests_are_bilingual_400(client, args, error):
    for lang in ("en", "fr"):
        response = client.get("/api/autocomplete", query_string={**args, "lang": lang})
        assert response.status_code == 400
        body = response.get_json()
        assert (body["error"], body["lang"]) == (error, lang)
    assert body["message"].startswith(("Aucun", "Le texte", "« limit »"))


def test_query_without_words_suggests_nothing(client):
    assert complete(client, "!!! ...") == []


NARROWER_OF_WINDS = ["SURFACE WINDS", "UPPER LEVEL WINDS", "WIND PROFILES"]
GCMD_WINDS = "https://gcmd.earthdata.nasa.gov/kms/concept/df160e31-ae45-41a4-9093-a80fe5303cea"


@pytest.fixture(scope="module")
def gcmd_client(shared):
    """The thesaurus (no demo) plus GCMD science keywords and platforms from ../shared."""
    store = EmbeddedStore(None)
    list(initialise(store))
    for name in ("sciencekeywords", "platforms"):
        load_vocabulary(store, f"gcmd-{name}", shared / "corpora" / "gcmd" / f"{name}.rdf")
    with app_over(store) as app:
        yield app.test_client()


def test_with_gcmd_loaded_the_must_show_queries_still_hold(gcmd_client):
    for q in ("aérosols", "aerosol", "AOD", "epaisseur optique", "aersol"):
        first_two = [s["iri"] for s in complete(gcmd_client, q)[:2]]
        assert AOD in first_two or AEROSOLS in first_two, (q, first_two)
    for q in ("température de surface de la mer", "SST"):
        assert complete(gcmd_client, q)[0]["iri"] == SST


def test_gcmd_keywords_are_suggested_and_described(gcmd_client):
    hits = complete(gcmd_client, "atmospheric winds")
    assert hits[0]["iri"] == str(THES["winds"])  # the thesaurus first, then GCMD
    hit = hits[1]
    assert hit["iri"] == GCMD_WINDS
    assert (hit["match"], hit["vocabulary"]) == ("exact", "gcmd-sciencekeywords")
    assert (
        hit["scheme"]
        == "https://gcmd.earthdata.nasa.gov/kms/concepts/concept_scheme/sciencekeywords"
    )
    assert hit["matched"] == {"text": "ATMOSPHERIC WINDS", "kind": "pref", "lang": "en"}
    platform = complete(gcmd_client, "sentinel-2", limit=1)[0]
    assert platform["vocabulary"] == "gcmd-platforms" and platform["label"] == "SENTINEL-2"
    body = gcmd_client.get("/api/concepts", query_string={"iri": GCMD_WINDS}).get_json()
    assert [b["label"] for b in body["broader"]] == [
        "Science Keywords",
        "EARTH SCIENCE",
        "ATMOSPHERE",
    ]
    assert body["definition"] == {
        "en": "Air in motion relative to the surface of the earth.",
        "fr": None,
    }
    # six narrower in the file; only the three the (partial) corpus describes are concepts
    assert [n["label"] for n in body["narrower"]] == NARROWER_OF_WINDS
