"""Words are ranked, not all required: question words and generic words never filter, and a
search whose key words find fewer hits than a page is relaxed (any key word suffices, records
with more of them first), which the response says (``relaxed``, ``optional_words``)."""

from __future__ import annotations

import pytest
from search_support import DATASET, all_hits, memory_index, search_store

from graph_loader.bootstrap import initialise
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from sparql_api.core.concept_index import build_concept_index
from sparql_api.search.autocomplete import suggest
from sparql_api.search.engine import SearchParams, run_search
from sparql_api.search.naming import match_concepts
from sparql_api.search.query import COVERAGE_BOOST, plan_query
from sparql_api.search.words import OPTIONAL_WORDS, query_words

SEISMIC = {
    DATASET + "geoscope-network",
    DATASET + "resif-fr-broadband",
    DATASET + "ovpf-seismicity",
    DATASET + "ovsm-pelee",
    DATASET + "ovsg-soufriere",
}


@pytest.fixture(scope="module")
def engine():
    store = search_store()
    return memory_index(store), build_concept_index(store)


def search(engine, **args) -> dict:
    index, concepts = engine
    params = SearchParams.from_args({"size": "20", **args})
    return run_search(index, params, args.get("lang", "en"), concepts=concepts)


def test_question_and_generic_words_never_filter(engine):
    question = search(engine, q="Qui distribue les données sismologiques ?", lang="fr")
    alone = search(engine, q="sismologiques", lang="fr")
    assert [h["iri"] for h in question["hits"]] == [h["iri"] for h in alone["hits"]]
    assert (question["total"], question["relaxed"], question["optional_words"]) == (
        alone["total"],
        False,
        ["distribue", "donnees"],  # "qui" is a stop word: no word of its own
    )
    assert SEISMIC <= {h["iri"] for h in question["hits"]}
    english = search(engine, q="Who distributes seismological data?")
    assert english["optional_words"] == ["who", "distributes", "data"]
    assert [h["iri"] for h in english["hits"]] == [
        h["iri"] for h in search(engine, q="seismological")["hits"]
    ]


def test_auxiliaries_and_pronouns_never_filter(engine):
    """The English analyzer's stop words are few: *am*, *do*, *my* would be key words that no
    record has, and relax the search; they are optional words as *I* and *looking* are."""
    phrase = search(engine, q="I am looking for bird data")
    alone = search(engine, q="bird")
    assert (phrase["optional_words"], phrase["relaxed"]) == (["i", "am", "looking", "data"], False)
    assert [h["iri"] for h in phrase["hits"]] == [h["iri"] for h in alone["hits"]]
    french = search(engine, q="quelles données donnent le vent ?", lang="fr")
    assert french["optional_words"] == ["donnees", "donnent"]


def test_a_query_of_generic_words_only_searches_them(engine):
    result = search(engine, q="data products")
    assert (result["optional_words"], result["total"] > 0) == ([], True)


def test_few_hits_relax_to_any_key_word_with_the_fullest_first(engine):
    index, concepts = engine
    # no record has both words: each word's records, those of both first (none here)
    result = search(engine, q="lightning butterflies", size="100")
    assert (result["relaxed"], result["optional_words"]) == (True, ["lightning", "butterflies"])
    either = set(all_hits(index, {"q": "lightning"}, concepts)) | set(
        all_hits(index, {"q": "butterflies"}, concepts)
    )
    assert {h["iri"] for h in result["hits"]} == either
    assert result["total"] == len(either)
    # the facet counts are those of the hits shown
    assert sum(b["count"] for b in result["facets"]["type"]) == len(either)


def test_records_matching_more_key_words_rank_first_when_relaxed(engine):
    result = search(engine, q="ozone Corsica butterflies")
    assert result["relaxed"] is True
    # the Cape Corsica station has ozone and Corsica; it ranks above records with one word
    assert result["hits"][0]["iri"] == DATASET + "charmex-cape-corsica"


def test_enough_hits_keep_every_key_word_required(engine):
    result = search(engine, q="ozone aerosols", size="2")
    index, concepts = engine
    both = set(all_hits(index, {"q": "ozone"}, concepts)) & set(
        all_hits(index, {"q": "aerosols"}, concepts)
    )
    assert len(both) >= 2
    assert (result["relaxed"], result["optional_words"], result["total"]) == (False, [], len(both))


def test_optional_words_are_folded_words_of_both_languages():
    assert {"donnees", "data", "quelles", "where", "products", "mesures", "series"} <= set(
        OPTIONAL_WORDS
    )
    assert all(w == w.lower() and w.isascii() for w in OPTIONAL_WORDS)


@pytest.mark.parametrize(
    ("q", "lang", "concept", "tagged"),
    [
        ("feux de forêt", "fr", "wildfires", {"iasi-carbon-monoxide", "iagos-carbon-monoxide"}),
        ("hypoxia", "en", "deoxygenation", {"argo-biogeochemical"}),
        ("crues", "fr", "floods", {"ozcar-ohmcv"}),
        ("marine heatwaves", "en", "marine-heatwaves", {"odyssea-sst"}),
        ("émissions de CO2", "fr", "carbon-emissions", {"icos-france-atmosphere"}),
        ("glissement de terrain", "fr", "landslides", {"gdm-opt-sentinel2"}),
        (
            "montée des eaux",
            "fr",
            "sea-level-rise",
            {"duacs-sea-level-anomaly", "xtrack-coastal-altimetry"},
        ),
    ],
)
def test_phenomena_are_concepts_that_find_their_records(engine, q, lang, concept, tagged):
    result = search(engine, q=q, lang=lang)
    thesaurus = "https://w3id.org/gaia-kg/thesaurus/"
    assert [c["iri"] for c in result["concepts"]] == [thesaurus + concept]
    by_concept = {
        h["iri"].removeprefix(DATASET)
        for h in result["hits"]
        if any(w.get("concept") == thesaurus + concept for w in h["why"])
    }
    assert by_concept == tagged
    # the records tagged with the phenomenon come first
    assert {h["iri"].removeprefix(DATASET) for h in result["hits"][: len(tagged)]} == tagged


def test_a_prefix_typed_names_no_concept_it_merely_starts_like(engine):
    """ "tempér" (Enter while typing "température") searches its words: it is not the concept
    Tempêtes, one letter longer than a near match allows, and finds temperature records."""
    result = search(engine, q="tempér", lang="fr")
    assert result["concepts"] == []
    assert not any(w.get("concept") for h in result["hits"] for w in h["why"])
    titles = " ".join(h["title"] for h in result["hits"][:5]).casefold()
    assert "tempér" in titles and "tempête" not in titles


@pytest.mark.parametrize(
    ("q", "lang", "concepts"),
    [
        ("aviation", "en", []),  # not Radiation
        ("écologie", "fr", []),  # not Géologie nor Pédologie
        ("biologie", "fr", []),  # not Géologie
        ("analysis", "en", []),  # not Reanalysis
        ("orages", "fr", ["thunderstorms"]),  # not Forages
        ("seismolgy", "en", ["seismicity"]),
        ("foudres", "fr", ["lightning"]),
    ],
)
def test_a_typo_reading_keeps_the_first_letter(engine, q, lang, concepts):
    """People mistype the middle or end of a word, not its first letter: words of the
    records one letter from a label by their first letter (*aviation* / *Radiation*,
    *écologie* / *Géologie*) name no concept by a typo; real typos still do."""
    named = search(engine, q=q, lang=lang)["concepts"]
    assert [c["iri"].rsplit("/", 1)[-1] for c in named] == concepts


@pytest.mark.parametrize(
    ("q", "lang", "concept"),
    [
        ("tempête", "fr", "storms"),
        ("tempêtes", "fr", "storms"),
        ("storm", "en", "storms"),
        ("glissement de terrain", "fr", "landslides"),
        ("feu de forêt", "fr", "wildfires"),
        ("forest fire", "en", "wildfires"),
        ("inondation", "fr", "floods"),
        ("heatwave", "en", "heatwaves"),
        ("vague de chaleur marine", "fr", "marine-heatwaves"),
    ],
)
def test_singulars_and_plurals_name_the_same_concept(engine, q, lang, concept):
    result = search(engine, q=q, lang=lang)
    assert [c["iri"].rsplit("/", 1)[-1] for c in result["concepts"]] == [concept]


@pytest.mark.parametrize(
    ("q", "first", "never"),
    [
        ("fire", "Wildfires and fire emissions", {"Gravity field", "Wind direction"}),
        ("débit des rivières", "River discharge", set()),
        ("rivières", "River discharge", set()),
        ("CO2 émissions", "Carbon emissions", set()),
        ("canicule", "Heatwaves", set()),
    ],
)
def test_suggestions_from_any_word_and_without_drift(engine, q, first, never):
    _index, concepts = engine
    labels = [s["label"] for s in suggest(concepts, q, lang="en")]
    assert labels[0] == first
    assert never.isdisjoint(labels)


def test_the_assistant_keeps_every_key_word_required(engine):
    """A relaxed search would find the black marls of Draix for "black holes"; the assistant,
    which cites what it finds, asks for strict matching (``relax=False``)."""
    index, concepts = engine
    params = SearchParams.from_args({"q": "data about black holes", "size": "20"})
    relaxed = run_search(index, params, "en", concepts=concepts)
    strict = run_search(index, params, "en", concepts=concepts, relax=False)
    assert (relaxed["relaxed"], relaxed["total"] > 0) == (True, True)
    assert (strict["relaxed"], strict["total"], strict["optional_words"]) == (
        False,
        0,
        ["data", "about"],  # a generic noun and a preposition: neither filters
    )


def test_a_phenomenon_also_finds_the_variables_related_to_it(engine):
    """``skos:related`` links a phenomenon to the variables that observe it: "hypoxia"
    (deoxygenation, related to dissolved oxygen) finds the record tagged with it first, then
    those that measure dissolved oxygen, each hit saying so (``via: related``)."""
    result = search(engine, q="hypoxia")
    thesaurus = "https://w3id.org/gaia-kg/thesaurus/"
    via = {
        h["iri"].removeprefix(DATASET): sorted(
            (w["concept"].removeprefix(thesaurus), w["via"]) for w in h["why"]
        )
        for h in result["hits"]
    }
    assert via == {
        "argo-biogeochemical": [("deoxygenation", "concept"), ("dissolved-oxygen", "related")],
        "coriolis-gliders": [("dissolved-oxygen", "related")],
        "dyfamed-time-series": [("dissolved-oxygen", "related")],
        "ovide-hydrography": [("dissolved-oxygen", "related")],
    }
    assert result["hits"][0]["iri"] == DATASET + "argo-biogeochemical"
    assert result["concepts"][0]["aligned"] == []


@pytest.mark.parametrize(
    ("q", "lang"), [("seismological networks", "en"), ("réseaux sismologiques", "fr")]
)
def test_an_adjective_names_the_concept_of_its_noun_by_stem(engine, q, lang):
    """*Seismology* / *Sismologie* are labels of Seismicity: the adjective, of the same stem,
    names the concept too, and finds the records tagged below it."""
    result = search(engine, q=q, lang=lang)
    thesaurus = "https://w3id.org/gaia-kg/thesaurus/"
    assert [c["iri"] for c in result["concepts"]] == [thesaurus + "seismicity"]
    assert SEISMIC <= {
        h["iri"]
        for h in result["hits"]
        if any(w.get("concept", "").startswith(thesaurus) for w in h["why"])
    }


def test_a_place_word_does_not_look_in_the_names_of_facet_values(engine):
    """*Paris* in the name of the ESPRI data centre ("… (Paris)") is no place of its global
    products: they rank with every other record that merely covers Paris, after those lying in
    it; the names stay searchable by their own words."""
    hits = search(engine, q="Paris")["hits"]
    within = {
        DATASET + name
        for name in (
            "sirta-aerosol-lidar",
            "sirta-boundary-layer",
            "sirta-cloud-radar",
            "sirta-meteorology",
            "sirta-radiation-bsrn",
        )
    }
    assert {h["iri"] for h in hits[:5]} == within
    # the herbarium names Paris in its title and description, not by its box
    assert hits[5]["iri"] == DATASET + "mnhn-herbarium-paris"
    covering = {h["score"] for h in hits[6:]}
    assert len(covering) == 1, "a global product of a Paris data centre ranks no higher"
    espri = {h["iri"] for h in search(engine, q="ESPRI")["hits"]}
    assert {DATASET + "iasi-ozone", DATASET + "iasi-sulphur-dioxide"} <= espri


SCATTERED = """
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://data.gaia-data.fr/id/dataset/test-no2-flags> a dcat:Dataset ;
    dct:title "Snow flags and cloud cover of NO2 columns"@en ;
    dct:description "Nitrogen dioxide columns from a satellite spectrometer."@en ;
    dct:identifier "TEST-NO2" ; dct:issued "2020-01-01"^^xsd:date .

<https://data.gaia-data.fr/id/dataset/test-snow-extent> a dcat:Dataset ;
    dct:title "Alpine snow maps"@en ;
    dct:description "Daily maps of the snow cover of the Alps, from optical images at 20 m."@en ;
    dct:identifier "TEST-SNOW" ; dct:issued "2020-01-01"^^xsd:date .
"""


def test_the_words_of_a_concept_together_rank_before_the_same_words_apart(tmp_path):
    """*snow cover* names a concept (neither record is tagged with it): the record saying
    "snow cover" ranks before the one whose title has *snow* and *cover* apart, though that
    title matches both words more strongly; apart, the words gain neither what covering the
    concept gains nor what matching strictly gains (:data:`COVERAGE_BOOST`, a phrase of the
    words within :data:`PHRASE_SLOP`)."""
    (tmp_path / "records.ttl").write_text(SCATTERED, "utf-8")
    store = EmbeddedStore(None)
    list(initialise(store))
    report = load_paths(store, [tmp_path / "records.ttl"], base_iri="https://data.gaia-data.fr/")
    assert [o.status for o in report.outcomes] == ["loaded", "loaded"]  # one per record
    index = memory_index(store)
    params = SearchParams.from_args({"q": "snow cover", "size": "20"})
    result = run_search(index, params, "en", concepts=build_concept_index(store))
    hits = [(h["iri"].removeprefix(DATASET), h["score"]) for h in result["hits"]]
    assert [iri for iri, _score in hits] == ["test-snow-extent", "test-no2-flags"]
    assert hits[0][1] - hits[1][1] > COVERAGE_BOOST * 2


def _records(tmp_path, records: dict[str, tuple[str, str]]) -> tuple:
    """A store and index of English datasets ``{slug: (title, description)}``, and their
    concept index (the thesaurus of the bootstrap)."""
    lines = [
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
    ]
    for slug, (title, description) in records.items():
        lines.append(
            f'<{DATASET}{slug}> a dcat:Dataset ; dct:title "{title}"@en ; '
            f'dct:description "{description}"@en ; dct:identifier "{slug}" ; '
            'dct:issued "2020-01-01"^^xsd:date .'
        )
    (tmp_path / "records.ttl").write_text("\n".join(lines), "utf-8")
    store = EmbeddedStore(None)
    list(initialise(store))
    report = load_paths(store, [tmp_path / "records.ttl"], base_iri="https://data.gaia-data.fr/")
    assert [o.status for o in report.outcomes] == ["loaded"] * len(records)
    return memory_index(store), build_concept_index(store)


def _ranked(engine, q: str, lang: str) -> list[tuple[str, float]]:
    result = search(engine, q=q, lang=lang)
    return [(h["iri"].removeprefix(DATASET), h["score"]) for h in result["hits"]]


def test_a_record_naming_a_related_concept_ranks_higher(tmp_path):
    """*wildfires* finds both records by their fires; the one whose text names burn
    severity (a label of *burned area*, related to *wildfires*) ranks first, though the other
    title says *fires* more strongly (RELATED_TEXT_WEIGHT); a related concept alone finds
    nothing."""
    engine = _records(
        tmp_path,
        {
            "test-fires": ("Fires of 2020", "Fires of 2020."),
            "test-burn": ("Burn severity after the 2020 fires", "Mapped after the fires."),
            "test-scars": ("Burn severity of old scars", "Mapped from optical images."),
        },
    )
    assert [iri for iri, _score in _ranked(engine, "wildfires", "en")] == [
        "test-burn",
        "test-fires",
    ]


def test_another_label_covers_a_concept_only_with_its_words_together(tmp_path):
    """*courants océaniques* (ocean currents) finds two English records by another label
    of the concept, *Surface currents*: the one saying it ranks first by what covering the
    concept gains (COVERAGE_BOOST a word); the one with *surface* here and *currently* there
    is found, but gains nothing for covering it."""
    engine = _records(
        tmp_path,
        {
            "test-apart": ("Surface temperature of a lake", "Currently measured every hour."),
            "test-together": ("Surface currents of a gulf", "Measured every hour."),
        },
    )
    hits = _ranked(engine, "courants océaniques", "fr")
    assert [iri for iri, _score in hits] == ["test-together", "test-apart"]
    assert hits[0][1] - hits[1][1] > COVERAGE_BOOST * 2


def test_a_word_and_its_translation_count_once_once_relaxed(tmp_path):
    """Relaxed, *snow cover* counts its words or those of *couverture neigeuse*, the best
    wording, not both: a record saying *cover* and *couverture* gains little more than one
    saying *cover* alone (the tie-breaker's tenth), and the record saying *snow* stays first."""
    engine = _records(
        tmp_path,
        {
            "test-both": ("Ground cover", "Couverture du sol."),
            "test-english": ("Ground cover", "Du sol."),
            "test-snow": ("Snow water equivalent", "From a model."),
        },
    )
    hits = _ranked(engine, "snow cover", "en")
    assert [iri for iri, _score in hits] == ["test-snow", "test-both", "test-english"]
    scores = dict(hits)
    assert scores["test-both"] - scores["test-english"] < 0.1 * scores["test-english"]


def test_a_word_of_a_concept_does_not_count_inside_an_unrelated_concepts_label(tmp_path):
    """Relaxed, the *cover* of *snow cover* does not count in *Land cover* (a label of an
    unrelated concept), unless the record also says *snow cover*; the *snow* of *Snow water
    equivalent* (a concept beside *snow cover*, under *snow and ice*) still counts, and so
    does *cover* where no other concept's label has it."""
    engine = _records(
        tmp_path,
        {
            "test-land": ("Land cover", "Classes of land cover."),
            "test-swe": ("Snow water equivalent", "From a model."),
            "test-ground": ("Ground cover", "Mapped every year."),
            "test-both": ("Land cover and snow cover", "Two maps."),
        },
    )
    assert [iri for iri, _score in _ranked(engine, "snow cover", "en")] == [
        "test-both",
        "test-swe",
        "test-ground",
    ]


def test_a_french_adjective_finds_its_english_form(tmp_path):
    """*observatoires magnétiques* finds the English records saying *magnetic observatory*
    by the words' forms in English (*observatory*, *magnetic*: the French stemmer cuts them
    otherwise), found alike from the English adjective; a form made by rule is scored as
    found, not by its frequency, so the record saying both words ranks first."""
    engine = _records(
        tmp_path,
        {
            "test-observatory": ("Magnetic observatory records", "Minute means."),
            "test-magnetic": ("Magnetic anomaly map", "Magnetic survey, magnetic."),
            "test-gravity": ("Gravity records", "Minute means."),
        },
    )
    assert [iri for iri, _score in _ranked(engine, "observatoires magnétiques", "fr")] == [
        "test-observatory",
        "test-magnetic",
    ]


@pytest.mark.parametrize(
    ("q", "lang", "named"),
    [
        ("glace de la mer", "fr", [("sea-ice", "Glace de mer", (0, 1, 2, 3))]),
        (
            "données des observatoires magnétiques",
            "fr",
            [("magnetic-field", "Données d'observatoires magnétiques", (0, 1, 2, 3))],
        ),
        # a run starting with a stop word names only a label written so: "la" is not the run's
        ("la glace de mer", "fr", [("sea-ice", "Glace de mer", (1, 2, 3))]),
    ],
)
def test_stop_words_do_not_count_in_naming_a_concept(engine, q, lang, named):
    """A run names a label whatever stop words either has (*des* for *d'*, *de la* for
    *de*); a run that starts or ends with a stop word names only a label written so."""
    _index, concepts = engine
    words = [folded for folded, _typed in query_words(q)]
    found = match_concepts(concepts, words, lang)
    assert [(m.iri.rsplit("/", 1)[-1], m.label, m.words) for m in found] == named


@pytest.mark.parametrize(
    "q,lang",
    [
        ("wildfires", "en"),
        ("snow cover", "en"),
        ("couverture neigeuse des Alpes", "fr"),
        ("aérosols La Réunion", "fr"),
        ("ocean temperature salinity profiles", "en"),
    ],
)
def test_the_facets_count_what_the_ranked_query_matches(engine, q, lang):
    """The facet passes count ``QueryPlan.matching`` (and ``relaxed_matching``): the same
    records as the ranked query, without the clauses that only rank."""
    index, concepts = engine
    plan = plan_query(index.schema, q, concepts, index.meta.get("matches", {}), lang)
    searcher = index.searcher()

    def records(query) -> list[tuple[int, int]]:
        hits = searcher.search(query, 10_000, count=True).hits
        return sorted((a.segment_ord, a.doc) for _score, a in hits)

    ranked = records(plan.query)
    assert ranked and records(plan.matching) == ranked
    assert (plan.relaxed is None) == (plan.relaxed_matching is None)
    if plan.relaxed is not None:
        relaxed = records(plan.relaxed)
        assert len(relaxed) > len(ranked) and records(plan.relaxed_matching) == relaxed
