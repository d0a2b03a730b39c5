"""The gazetteer (vocabularies/places.ttl) and what search does with it: loaded by init, read
with the concept index (never as concepts), runs of words matched to places, the within
filter (whole sets of resources, computed from the store's boxes), the hits' why; and the
other word-level fixes (word forms, words stemmed as typed, stop words inside a run)."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
import tantivy
from concept_support import BASE_IRI
from rdflib.namespace import DCAT, SKOS
from search_support import CORAL, all_hits, memory_index, search_store

from graph_loader.bootstrap import initialise
from graph_loader.parsing import fold, parse_bbox, tokens
from graph_loader.paths import vocabularies_dir
from graph_loader.store import EmbeddedStore
from graph_loader.terms import PLACE_NS, PLACES_GRAPH
from sparql_api.assistant.gazetteer import GAZETTEER
from sparql_api.core.concept_index import build_concept_index, signature
from sparql_api.core.places import (
    enlarged,
    margins,
    near,
    near_query,
    overlaps_query,
    within,
    within_query,
)
from sparql_api.search.autocomplete import suggest
from sparql_api.search.engine import SearchParams, run_search
from sparql_api.search.naming import match_concepts
from sparql_api.search.words import query_words

PLACES_FILE = vocabularies_dir() / "places.ttl"
GAIA_PLACE = rdflib.URIRef("https://w3id.org/gaia-kg/ontology#Place")
ID = BASE_IRI + "id/"
OVPF_GNSS = ID + "dataset/ovpf-gnss"  # on Piton de la Fournaise; never names La Réunion
PELEE = ID + "dataset/ovsm-pelee"  # says volcanic, volcanological; never volcano
DCT_SPATIAL = "http://purl.org/dc/terms/spatial"


@pytest.fixture(scope="module")
def store():
    return search_store()  # the demo catalogue and the edge cases (a box across 180°)


@pytest.fixture(scope="module")
def concepts(store):
    return build_concept_index(store)


@pytest.fixture(scope="module")
def index(store):
    return memory_index(store)


@pytest.fixture(scope="module")
def places_file() -> rdflib.Graph:
    return rdflib.Graph().parse(PLACES_FILE)


def _box_of(graph: rdflib.Graph, place) -> tuple[float, ...]:
    """(west, south, east, north) read from the place's WKT rectangle, written west-south
    first (so west > east when it crosses the antimeridian)."""
    (wkt,) = graph.objects(place, DCAT.bbox)
    xs_ys = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", str(wkt))]
    xs, ys = xs_ys[0::2], xs_ys[1::2]
    return xs[0], min(ys), xs[1], max(ys)


# -- the gazetteer as loaded ------------------------------------------------------------------
def test_init_loads_the_gazetteer_into_its_own_graph(places_file):
    store = EmbeddedStore(None)
    lines = list(initialise(store, infer=False))
    assert any(line.startswith(PLACES_GRAPH.value + ": ") for line in lines)
    assert len(store.graph_triples(PLACES_GRAPH)) == len(places_file)
    again = list(initialise(store, infer=False))
    assert f"{PLACES_GRAPH.value}: unchanged ({len(places_file)} triples)" in again


def test_the_gazetteer_read_from_the_store_is_the_file(concepts, places_file):
    gazetteer = concepts.places
    expected = set(places_file.subjects(rdflib.RDF.type, GAIA_PLACE))
    assert set(gazetteer.places) == {str(p) for p in expected}
    for place in expected:
        read = gazetteer.places[str(place)]
        for lang in ("fr", "en"):
            (label,) = [o for o in places_file.objects(place, SKOS.prefLabel) if o.language == lang]
            assert read.pref[lang] == str(label)
        assert read.box == _box_of(places_file, place)
    names = {(e.iri, e.text, e.kind, e.lang) for e in gazetteer.names.labels}
    for place in expected:
        for kind, predicate in (("pref", SKOS.prefLabel), ("alt", SKOS.altLabel)):
            for label in places_file.objects(place, predicate):
                assert (str(place), str(label), kind, label.language) in names


def test_places_are_never_concepts(concepts):
    assert not [iri for iri in concepts.concepts if iri.startswith(PLACE_NS)]
    assert not [s for s in suggest(concepts, "Martinique", limit=50) if PLACE_NS in s["iri"]]


def test_the_signature_follows_the_places_graph(store):
    before = dict(signature(store))
    assert before["places"] == len(store.graph_triples(PLACES_GRAPH))
    copy = EmbeddedStore(None)
    list(initialise(copy, infer=False))
    triples = copy.graph_triples(PLACES_GRAPH)
    copy.replace_graph(PLACES_GRAPH, triples[:-1])
    assert dict(signature(copy))["places"] == len(triples) - 1


def test_the_boxes_hold_those_of_the_assistant_gazetteer(places_file):
    """A place named in both gazetteers: the box here holds the assistant's (a typo in a
    coordinate, or a sign, shows up here)."""
    mine = {}
    for place in places_file.subjects(rdflib.RDF.type, GAIA_PLACE):
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for label in places_file.objects(place, predicate):
                mine[fold(str(label))] = _box_of(places_file, place)
    compared = 0
    for other in json.loads(GAZETTEER.read_text("utf-8"))["places"]:
        names = {fold(n) for ns in other["names"].values() for n in ns}
        boxes = {mine[n] for n in names if n in mine}
        assert len(boxes) <= 1, other["id"]
        for box in boxes:
            compared += 1
            assert within(other["bbox"], box), (other["id"], box)
    assert compared >= 20


# -- matching runs of words -------------------------------------------------------------------
@pytest.mark.parametrize(
    "q, lang, found",
    [
        ("La Réunion", "fr", [("la-reunion", "La Réunion", "fr", (0, 1))]),
        ("Reunion island", "en", [("la-reunion", "Réunion Island", "en", (0, 1))]),
        (
            "courants du golfe de Gascogne",
            "fr",
            [("bay-of-biscay", "Golfe de Gascogne", "fr", (2, 3, 4))],
        ),
        ("West African monsoon", "en", [("west-africa", "West Africa", "en", (0, 1))]),
        ("Martinique volcano", "en", [("martinique", "Martinique", "en", (0,))]),
        ("Guadelupe", "fr", [("guadeloupe", "Guadeloupe", "fr", (0,))]),  # a typo
        ("SST mer Méditerranée", "fr", [("mediterranean-sea", "Mer Méditerranée", "fr", (1, 2))]),
        ("océan Austral", "en", [("southern-ocean", "Océan Austral", "fr", (0, 1))]),
        ("sea ice", "en", []),
        ("volcano", "en", []),
        ("ocean", "en", []),
        ("Paris", "fr", [("paris", "Paris", "fr", (0,))]),
        ("aux Antilles", "fr", [("caribbean", "Antilles", "fr", (1,))]),
    ],
)
def test_runs_of_words_name_places(concepts, q, lang, found):
    words = [folded for folded, _typed in query_words(q)]
    matched = match_concepts(concepts.places.names, words, lang)
    assert [(m.iri.removeprefix(PLACE_NS), m.label, m.lang, m.words) for m in matched] == found


# -- the within filter ------------------------------------------------------------------------
def _inside(box, place) -> bool:
    """``box`` inside ``place`` enlarged by its margins, measuring longitudes eastwards from
    the enlarged place's west edge (a box across the antimeridian needs no special case)."""
    w, s, e, n = box
    pw, ps, pe, pn = place
    m_lon, m_lat = margins(place)
    if not (ps - m_lat <= s and n <= pn + m_lat):
        return False
    place_width = (pe - pw) % 360 or 360
    if place_width + 2 * m_lon >= 360:
        return True
    width = (e - w) % 360 if (e - w) % 360 or w == e else 360
    start = (w - (pw - m_lon)) % 360
    return start + width <= place_width + 2 * m_lon


def _boxes(store, index) -> dict[str, tuple]:
    """Every indexed resource with a box, from the store (SPARQL), parsed."""
    searcher = index.searcher()
    every = searcher.search(tantivy.Query.all_query(), 10_000).hits
    indexed = {searcher.doc(a)["iri"][0] for _s, a in every}
    rows = store.select(
        "SELECT ?r ?wkt WHERE { ?r <" + DCT_SPATIAL + "> ?l . ?l <" + str(DCAT.bbox) + "> ?wkt }"
    )
    out = {}
    for row in rows:
        iri = row["r"].value
        if iri in indexed and (box := parse_bbox(row["wkt"].value)) is not None:
            out[iri] = box
    return out


def _found(index, box) -> set[str]:
    searcher = index.searcher()
    hits = searcher.search(within_query(index.schema, box), 10_000).hits
    return {searcher.doc(a)["iri"][0] for _s, a in hits}


FIJI = (170.0, -25.0, -170.0, -10.0)  # a place across the antimeridian


@pytest.mark.parametrize(
    "slug",
    ["la-reunion", "mediterranean-sea", "alps", "brittany", "southern-ocean", "metropolitan-france"]
    + ["indian-ocean", "arctic", None],
)
def test_the_within_filter_finds_exactly_the_resources_inside_the_box(store, index, concepts, slug):
    box = concepts.places.places[PLACE_NS + slug].box if slug else FIJI
    boxes = _boxes(store, index)
    expected = {iri for iri, b in boxes.items() if _inside(b, box)}
    assert _found(index, box) == expected
    assert {iri for iri, b in boxes.items() if within(b, box)} == expected  # the why's test
    if slug is None:
        assert expected == {CORAL}


def _overlap(box, place) -> bool:
    """``box`` and ``place`` share a point, longitudes measured eastwards from ``place``'s
    west edge (apart from the module under test)."""
    w, s, e, n = box
    pw, ps, pe, pn = place
    if s > pn or n < ps:
        return False
    place_width = (pe - pw) % 360 or 360
    width = (e - w) % 360 if (e - w) % 360 or w == e else 360
    start = (w - pw) % 360
    return start <= place_width or start + width >= 360


@pytest.mark.parametrize(
    "slug", ["west-africa", "la-reunion", "mediterranean-sea", "alps", "indian-ocean", "arctic"]
)
def test_near_finds_exactly_the_resources_mostly_inside_the_box(store, index, concepts, slug):
    """Mostly within: not inside the place, overlapping it, and inside it grown by a quarter
    of its size (5° at most), as the ground truth computes it from the records' boxes."""
    box = concepts.places.places[PLACE_NS + slug].box
    boxes = _boxes(store, index)
    expected = {
        iri
        for iri, b in boxes.items()
        if not _inside(b, box) and _overlap(b, box) and _inside(b, enlarged(box))
    }
    searcher = index.searcher()
    hits = searcher.search(near_query(index.schema, box), 10_000).hits
    assert {searcher.doc(a)["iri"][0] for _s, a in hits} == expected
    assert {iri for iri, b in boxes.items() if near(b, box)} == expected
    if slug == "west-africa":
        amma = ("amma-atr42-aircraft", "amma-radiosondes", "dacciwa-campaign", "seviri-dust-africa")
        assert expected == {ID + "dataset/" + name for name in amma}  # boxes of 0-25°N, 20°W-20°E


def test_a_record_mostly_in_a_place_ranks_before_those_covering_it(index, concepts):
    """The AMMA aircraft's box (0-25°N, 20°W-20°E) sticks out of West Africa's by 4° south
    and east: it ranks with the records inside the region, before the global products (it
    ranked 14th when only a box inside the region's counted)."""
    result = run_search(
        index,
        SearchParams.from_args({"q": "aerosols West Africa", "size": "20"}),
        "en",
        concepts=concepts,
    )
    ranked = [h["iri"].removeprefix(ID + "dataset/") for h in result["hits"]]
    # inside or mostly inside, before every global aerosol product (which covers the region)
    assert set(ranked[:5]) == {
        "dacciwa-campaign",  # mostly inside, and says West Africa
        "mbour-aeronet",  # inside (Senegal)
        "ozcar-amma-catch",  # inside (Niger, Benin, Mali)
        "seviri-dust-africa",  # mostly inside: desert dust, an aerosol
        "amma-atr42-aircraft",  # mostly inside: aerosol measurements
    }


def test_within_is_not_intersection(store, index, concepts):
    med = concepts.places.places[PLACE_NS + "mediterranean-sea"].box
    inside = _found(index, med)
    crossing = set(all_hits(index, {"bbox": ",".join(str(x) for x in med)}))
    assert inside and inside < crossing  # a global dataset crosses the box, is not inside
    assert ID + "dataset/iasi-sulphur-dioxide" in crossing - inside


# -- search -----------------------------------------------------------------------------------
def test_a_place_finds_the_records_inside_it_and_says_why(index, concepts):
    result = run_search(
        index, SearchParams.from_args({"q": "La Réunion", "size": "100"}), "fr", concepts=concepts
    )
    place = PLACE_NS + "la-reunion"
    assert result["places"] == [
        {
            "iri": place,
            "label": "La Réunion",
            "matched": "La Réunion",
            "lang": "fr",
            "bbox": [55.0, -21.5, 56.0, -20.5],
            "selected": False,
            "apply": "/api/search?q=La+R%C3%A9union&place=la-reunion&size=100",
            "remove": "/api/search?q=La+R%C3%A9union&size=100",
        }
    ]
    hit = next(h for h in result["hits"] if h["iri"] == OVPF_GNSS)
    assert hit["why"] == [{"place": place, "label": "La Réunion", "lang": "fr", "via": "place"}]
    outside = [h for h in result["hits"] if not within(h["bbox"], (55.0, -21.5, 56.0, -20.5))]
    assert all(w.get("via") != "place" for h in outside for w in h["why"])


def _overlapping(index, box) -> set[str]:
    searcher = index.searcher()
    hits = searcher.search(overlaps_query(index.schema, box), 10_000).hits
    return {searcher.doc(a)["iri"][0] for _s, a in hits}


def test_words_of_a_place_still_match_text(index, concepts):
    """The hits are those of the words' own text (the search without the gazetteer) and
    every resource overlapping the place's box (inside it, or covering it as a global
    product does), nothing else; those inside first, those only covering it last."""
    args = {"q": "Reunion island", "lang": "en"}
    found = all_hits(index, args, concepts)
    # the two words' own text (each alone: both without the gazetteer find few, and that
    # search is relaxed to either word)
    text = set(all_hits(index, {"q": "Reunion", "lang": "en"}, None)) & set(
        all_hits(index, {"q": "island", "lang": "en"}, None)
    )
    box = concepts.places.places[PLACE_NS + "la-reunion"].box
    inside, overlapping = _found(index, box), _overlapping(index, box)
    assert text and OVPF_GNSS not in text and OVPF_GNSS in inside
    assert inside < overlapping and ID + "dataset/iasi-sulphur-dioxide" in overlapping
    assert set(found) == text | overlapping
    covering = overlapping - inside - text
    assert set(found[: len(inside | text)]) == inside | text
    assert set(found[len(inside | text) :]) == covering
    english = run_search(index, SearchParams.from_args(args), "en", concepts=concepts)
    assert english["places"][0]["label"] == "Réunion"
    assert english["places"][0]["matched"] == "Réunion Island"


def test_a_place_ranks_and_the_place_parameter_filters(index, concepts):
    """A place in the words keeps the global records that cover it (after those inside);
    applied by the user (``place=``, the chip's ``apply`` URL) it filters, and its ``remove``
    URL lifts the filter."""
    box = concepts.places.places[PLACE_NS + "mediterranean-sea"].box
    words = run_search(
        index,
        SearchParams.from_args({"q": "sea surface temperature Mediterranean"}),
        "en",
        concepts=concepts,
    )
    assert ID + "dataset/odyssea-sst" in {h["iri"] for h in words["hits"]}  # global, covers it
    chip = words["places"][0]
    assert (chip["iri"], chip["selected"]) == (PLACE_NS + "mediterranean-sea", False)
    assert chip["apply"] == (
        "/api/search?q=sea+surface+temperature+Mediterranean&place=mediterranean-sea"
    )
    applied = run_search(
        index,
        SearchParams.from_args({"q": "ozone", "place": "mediterranean-sea"}),
        "en",
        concepts=concepts,
    )
    ozone = set(all_hits(index, {"q": "ozone"}, concepts))
    assert {h["iri"] for h in applied["hits"]} == ozone & _overlapping(index, box)
    assert applied["total"] == len(ozone & _overlapping(index, box)) < len(ozone)
    assert applied["places"] == [
        {
            "iri": PLACE_NS + "mediterranean-sea",
            "label": "Mediterranean Sea",
            "matched": None,
            "lang": None,
            "bbox": list(box),
            "selected": True,
            "apply": "/api/search?q=ozone&place=mediterranean-sea",
            "remove": "/api/search?q=ozone",
        }
    ]
    # the facet counts are those of the filtered hits
    assert sum(b["count"] for b in applied["facets"]["type"]) == applied["total"]


def test_an_unknown_place_word_never_empties_the_results(index, concepts):
    result = run_search(
        index, SearchParams.from_args({"q": "ozone Tombouctou"}), "en", concepts=concepts
    )
    assert (result["relaxed"], result["places"]) == (True, [])
    assert set(all_hits(index, {"q": "ozone"}, concepts)) <= {h["iri"] for h in result["hits"]}


def test_a_word_form_finds_a_record_that_never_uses_the_word(store, index, concepts):
    texts = " ".join(
        row["t"].value
        for row in store.select("SELECT ?t WHERE { <" + PELEE + "> ?p ?t . FILTER(isLiteral(?t)) }")
    ).casefold()
    assert "volcanic" in texts and not re.search(r"\bvolcano(es)?\b", texts)
    assert PELEE in all_hits(index, {"q": "volcano", "lang": "en"}, concepts)
    assert PELEE in all_hits(index, {"q": "Martinique volcano", "lang": "en"}, concepts)


@pytest.mark.parametrize(
    "q",
    ["Méditerranée", "Me\u0301diterrane\u0301e", "l'été 2020", "PM2.5 ℃ ﬁne", "क़ाफ़िला", "a_b"],
)
def test_typed_words_fold_to_the_words_concepts_are_matched_on(q):
    pairs = query_words(q)
    assert [folded for folded, _typed in pairs] == tokens(q)
    assert all(tokens(typed) == [folded] for folded, typed in pairs)


def test_words_are_stemmed_as_typed(index, concepts):
    """``Méditerranée`` stems to what the indexed text stems to; folded first, it did not."""
    result = run_search(
        index, SearchParams.from_args({"q": "Méditerranée", "size": "100"}), "fr", concepts=None
    )
    titles = {h["iri"]: h["highlights"]["title"] for h in result["hits"]}
    assert "<mark>Méditerranée</mark>" in titles[ID + "publication/drobinski-2014-hymex"]


def test_a_stop_word_inside_a_concept_needs_no_match_of_its_own(index, concepts):
    # a publication (never tagged) whose French title says "glace de mer"
    assert ID + "publication/lavergne-2019-osisaf" in all_hits(
        index, {"q": "glace de mer", "lang": "fr"}, concepts
    )


def test_the_gazetteer_has_the_places_the_poles_work_on(places_file):
    """At least 80 places, among them overseas groupings, French regions and massifs, seas,
    river basins, polar regions and continents."""
    slugs = {str(p).rsplit("/", 1)[-1] for p in places_file.subjects(rdflib.RDF.type, GAIA_PLACE)}
    assert len(slugs) >= 80
    assert {
        "taaf",
        "french-west-indies",
        "occitanie",
        "massif-central",
        "ligurian-sea",
        "seine-basin",
        "antarctic-peninsula",
        "svalbard",
        "africa",
        "south-america",
        "pacific-ocean",
        "tropics",
    } <= slugs


def test_a_stop_word_alone_names_no_place(index, concepts):
    """ "and" is a stop word, not the Andes (whose label it would match as a singular)."""
    result = run_search(
        index, SearchParams.from_args({"q": "volcanoes and lakes"}), "en", concepts=concepts
    )
    assert result["places"] == []
