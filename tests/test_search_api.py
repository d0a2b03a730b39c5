"""/api/search over HTTP: whole facet trees with siblings kept, antimeridian boxes, time
overlap, cross-lingual semantic search with its reasons, highlights, sort, paging, links
and bilingual 400s."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import rdflib
from concept_support import thesaurus_graph
from http_support import app_over
from rdflib.namespace import SKOS
from search_support import (
    CORAL,
    DATASET,
    SNOW,
    expected_counts,
    search_store,
    sparql_resources,
)

from graph_loader.terms import THESAURUS_NS
from sparql_api.search.engine import SearchParams

AEROSOLS = THESAURUS_NS + "aerosols"
AOD = THESAURUS_NS + "aerosol-optical-depth"
SST = THESAURUS_NS + "sea-surface-temperature"
SNOW_COVER = THESAURUS_NS + "snow-cover"


@pytest.fixture(scope="module")
def store():
    return search_store()


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def search(client, status=200, **args):
    response = client.get("/api/search", query_string=args)
    assert response.status_code == status, response.get_json()
    return response.get_json()


def url(*pairs: tuple[str, str]) -> str:
    return "/api/search" + ("?" + urlencode(pairs) if pairs else "")


def expected_tree(counts: dict[str, int], themes: list[str], others: list, lang: str) -> list:
    """The theme tree built from the thesaurus file (rdflib) and SPARQL counts; ``themes``
    are the selected slugs, ``others`` the other parameters of the search."""
    graph = thesaurus_graph()
    children: dict[str | None, list[str]] = {}
    for concept in set(graph.subjects(rdflib.RDF.type, SKOS.Concept)):
        parents = [str(b) for b in graph.objects(concept, SKOS.broader)] or [None]
        for parent in parents:
            children.setdefault(parent, []).append(str(concept))

    def label(iri):
        labels = graph.objects(rdflib.URIRef(iri), SKOS.prefLabel)
        return next(str(o) for o in labels if o.language == lang)

    def node(iri):
        kids = [n for c in children.get(iri, []) if (n := node(c))]
        slug = iri.removeprefix(THESAURUS_NS)
        if not counts.get(iri) and slug not in themes and not kids:
            return None
        kids.sort(key=lambda n: (-n["count"], n["label"].casefold()))
        applied = themes if slug in themes else [*themes, slug]
        return {
            "iri": iri,
            "id": slug,
            "label": label(iri),
            "count": counts.get(iri, 0),
            "selected": slug in themes,
            "apply": url(*[("theme", t) for t in applied], *others),
            "remove": url(*[("theme", t) for t in themes if t != slug], *others),
            "children": kids,
        }

    roots = [n for r in children[None] if (n := node(r))]
    return sorted(roots, key=lambda n: (-n["count"], n["label"].casefold()))


def test_the_whole_facet_tree_keeps_siblings_of_a_selected_branch(client, store):
    result = search(client, theme="aerosol-optical-depth", pole="aeris", lang="fr")
    params = SearchParams.from_args({"theme": "aerosol-optical-depth", "pole": "aeris"})
    counts = expected_counts(store, params, None)
    others = [("pole", "aeris"), ("lang", "fr")]
    tree = expected_tree(counts["theme"], ["aerosol-optical-depth"], others, "fr")
    assert result["facets"]["themes"] == tree
    aerosols = next(
        n
        for root in tree
        for n in root["children"]
        if n["iri"] == AEROSOLS  # the selected variable's sub-domain, with all its variables
    )
    assert len(aerosols["children"]) > 1
    assert [n["selected"] for n in aerosols["children"]].count(True) == 1
    assert result["total"] == len(sparql_resources(store, params))


def test_flat_facets_are_whole_buckets_with_their_links(client, store):
    result = search(client, type="service", lang="en")
    lang = ("lang", "en")

    def bucket(kind, label, count):
        chosen = kind == "service"
        return {
            "value": kind,
            "label": label,
            "count": count,
            "selected": chosen,
            "apply": url(("type", "service"), lang) if chosen else url(*_both(kind), lang),
            "remove": url(lang) if chosen else url(("type", "service"), lang),
        }

    assert result["facets"]["type"] == [
        bucket("dataset", "Dataset", 166),
        bucket("publication", "Publication", 28),
        bucket("service", "Data service", 24),
        bucket("software", "Software", 11),
        bucket("tutorial", "Tutorial", 7),
    ]
    assert result["total"] == 24


#: scientific name and broader taxon of every taxon, read from the store without the index
_TAXA = """SELECT ?t ?name ?b WHERE {
  ?t a <https://w3id.org/gaia-kg/ontology#Taxon> ;
     <http://rs.tdwg.org/dwc/terms/scientificName> ?name .
  OPTIONAL { ?t <http://www.w3.org/2004/02/skos/core#broader> ?b }
}"""


def test_the_taxon_facet_is_the_tree_of_the_taxa_with_their_counts(client, store):
    # the demo's birds, bats, insects and butterflies, and the two salmonid test datasets
    chordata = DATASET.replace("dataset/", "taxon/") + "phylum-chordata"
    result = search(client, taxon=chordata, lang="en")
    counts = expected_counts(store, SearchParams.from_args({"taxon": chordata}), None)["taxon"]
    names, parents = {}, {}
    for row in store.select(_TAXA):
        names[row["t"].value] = row["name"].value
        if row.get("b") is not None:
            parents.setdefault(row["t"].value, set()).add(row["b"].value)
    others = [("lang", "en")]

    def node(taxon):
        kids = [node(t) for t in counts if parents.get(t, set()) & {taxon}]
        kids.sort(key=lambda n: (-n["count"], n["label"].casefold(), n["value"]))
        chosen = taxon == chordata
        applied = [chordata] if chosen else [chordata, taxon]
        return {
            "value": taxon,
            "label": names[taxon],
            "count": counts[taxon],
            "selected": chosen,
            "apply": url(*[("taxon", t) for t in applied], *others),
            "remove": url(*others) if chosen else url(("taxon", chordata), *others),
            "children": kids,
        }

    roots = [t for t in counts if not parents.get(t, set()) & set(counts)]
    tree = sorted((node(t) for t in roots), key=lambda n: (-n["count"], n["label"].casefold()))
    assert result["facets"]["taxon"] == tree
    # counted without its own filter (disjunctive): every taxon, the selected one marked; the
    # demo's birds (2) and bats (1) are the chordates, its insects are arthropods, and the
    # salmonid test datasets have no taxon above their family
    assert [(n["label"], n["count"]) for n in tree] == [("Animalia", 5), ("Salmonidae", 2)]
    assert result["total"] == counts[chordata] == 3
    assert sorted(names[t] for t in counts) == [
        "Animalia", "Arthropoda", "Aves", "Chiroptera", "Chordata", "Insecta", "Lepidoptera",
        "Mammalia", "Oncorhynchus", "Oncorhynchus keta", "Oncorhynchus mykiss", "Salmonidae",
    ]  # fmt: skip


def _both(kind):
    return [("type", "service"), ("type", kind)]


@pytest.mark.parametrize(
    ("bbox", "found"),
    [
        ("175,-30,179,-5", True),  # the western half of the record's box
        ("-179,-30,-175,-5", True),  # its eastern half
        ("178,-20,-178,-15", True),  # a query box across the antimeridian too
        ("100,-30,160,-5", False),
        ("-160,-30,-100,-5", False),
        ("175,-9,179,0", False),  # north of it
    ],
)
def test_a_box_across_the_antimeridian(client, store, bbox, found):
    hits = search(client, bbox=bbox, q="coral", size=100)["hits"]
    assert (CORAL in [h["iri"] for h in hits]) is found
    params = SearchParams.from_args({"bbox": bbox})
    assert search(client, bbox=bbox)["total"] == len(sparql_resources(store, params))


@pytest.mark.parametrize(
    ("args", "coral", "snow"),
    [
        ({"start": "2015-06-01", "end": "2015-06-30"}, True, False),
        ({"start": "2015-12-31"}, True, True),  # the last day of 2015 overlaps; ongoing too
        ({"start": "2016-01-01"}, False, True),
        ({"end": "2015-01-01"}, True, False),  # the first day overlaps
        ({"end": "2014-12-31"}, False, False),
        ({"start": "2030", "end": "2031"}, False, True),  # no end: ongoing
        ({"start": "2014", "end": "2016"}, True, False),
        ({"start": "2016", "end": "2014"}, True, False),  # either order: 2014 to 2016
        ({"start": "2015-06-30", "end": "2015-06-01"}, True, False),
    ],
)
def test_time_ranges_keep_overlapping_extents(client, args, coral, snow):
    iris = {h["iri"] for h in search(client, size=100, pole=["odatis", "theia"], **args)["hits"]}
    assert (CORAL in iris, SNOW in iris) == (coral, snow)


ARGO = DATASET + "argo-gdac-profiles"  # -2000 .. 0 m
PIC_DU_MIDI = DATASET + "pic-du-midi-ozone"  # 2877 m
MAIDO = DATASET + "maido-lidars"  # from 2160 m, top unknown


def test_vertical_ranges_narrow_the_total(client, store):
    """Each narrower altitude range (metres, depth negative) finds fewer resources: those
    whose vertical extent overlaps it, as its SPARQL equivalent finds them; an unknown top
    is open and the bounds are inclusive."""
    ranges = [
        {},
        {"vmin": "-100"},
        {"vmin": "-100", "vmax": "2500"},
        {"vmin": "1000", "vmax": "2500"},
        {"vmin": "2200", "vmax": "2500"},
    ]
    totals, found = [], []
    for args in ranges:
        result = search(client, size=100, **args)
        totals.append(result["total"])
        assert result["total"] == len(sparql_resources(store, SearchParams.from_args(args)))
        iris = {h["iri"] for h in result["hits"]}
        found.append((ARGO in iris, PIC_DU_MIDI in iris, MAIDO in iris))
    assert totals == sorted(totals, reverse=True) and len(set(totals)) == len(totals)
    assert found == [
        (True, True, True),
        (True, True, True),
        (True, False, True),
        (False, False, True),
        (False, False, True),
    ]
    reversed_range = search(client, size=100, vmin="2500", vmax="-100")  # either order
    assert reversed_range == search(client, size=100, vmin="-100", vmax="2500")
    assert reversed_range["total"] == totals[2]
    exact = {h["iri"] for h in search(client, size=100, vmin="2877", vmax="2877")["hits"]}
    above = {h["iri"] for h in search(client, size=100, vmin="2877.5")["hits"]}
    assert (PIC_DU_MIDI in exact, PIC_DU_MIDI in above) == (True, False)


def test_a_french_query_finds_a_record_described_only_in_english(client):
    result = search(client, q="température de surface de la mer", lang="fr", size=100)
    hit = next(h for h in result["hits"] if h["iri"] == CORAL)
    assert hit["why"] == [
        {
            "concept": SST,
            "label": "Température de surface de la mer",
            "lang": "fr",
            "via": "concept",
        }
    ]
    assert hit["title"] == "Coral reef bleaching heat stress around Fiji"
    assert result["concepts"][0]["iri"] == SST


def test_an_english_query_finds_a_record_described_only_in_french(client):
    result = search(client, q="snow cover", lang="en", size=100)
    hit = next(h for h in result["hits"] if h["iri"] == SNOW)
    assert hit["why"] == [
        {"concept": SNOW_COVER, "label": "Snow cover", "lang": "en", "via": "concept"}
    ]


def test_an_acronym_expands_to_the_concept_and_narrower_ones(client):
    result = search(client, q="aerosols", lang="en", size=100)
    whys = {h["iri"]: h["why"] for h in result["hits"]}
    narrower = [w for ws in whys.values() for w in ws if w["via"] == "narrower"]
    assert narrower and all(w["concept"] == AEROSOLS for w in narrower)
    aod = search(client, q="AOD", lang="en", size=100)
    assert aod["concepts"][0]["iri"] == AOD and aod["concepts"][0]["matched"] == "AOD"
    # every record tagged with it, and those whose text names one of its labels (after them)
    tagged = search(client, theme="aerosol-optical-depth", size=100)
    tagged_iris = {h["iri"] for h in tagged["hits"]}
    ranked = [h["iri"] for h in aod["hits"]]
    assert set(ranked[: tagged["total"]]) == tagged_iris
    extra = [h for h in aod["hits"] if h["iri"] not in tagged_iris]
    assert all(not h["why"] for h in extra)


def test_highlights_are_escaped_text_with_marks(client):
    result = search(client, q="ozone IAGOS", lang="fr")
    assert result["hits"][0]["highlights"]["title"] == (
        "<mark>Ozone</mark> <mark>IAGOS</mark> mesuré à bord d&#x27;avions de ligne"
    )


def test_sort_by_title_and_paging(client):
    first = search(client, sort="title", size=10, lang="en")
    second = search(client, sort="title", size=10, page=2, lang="en")
    both = search(client, sort="title", size=20, lang="en")
    assert [h["iri"] for h in first["hits"] + second["hits"]] == [h["iri"] for h in both["hits"]]
    titles = [h["title"].casefold() for h in both["hits"]]
    assert titles == sorted(titles)
    assert first["links"]["next"] == url(
        ("sort", "title"), ("page", "2"), ("size", "10"), ("lang", "en")
    )
    assert first["links"]["prev"] is None
    assert second["links"]["prev"] == url(("sort", "title"), ("size", "10"), ("lang", "en"))
    last = search(client, size=100, page=3)
    assert (len(last["hits"]), last["links"]["next"]) == (36, None)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_page_beyond_the_10000th_result_is_served_empty_with_the_way_back(client, lang):
    """Paging stops at the 10,000th result: a page beyond it (501 in pages of 20) is a page
    without hits, with the count and facets of the search, naming the last page reachable
    and linking to it."""
    beyond = search(client, q="ozone", page="501", lang=lang)
    first = search(client, q="ozone", lang=lang)
    texts = {
        "en": "Page 501 is beyond the last one paging reaches at this page size (500): narrow "
        "the search to see results after the 10,000th.",
        "fr": "La page 501 est au-delà de la dernière que la pagination atteint avec cette "
        "taille de page (500) : affinez la recherche pour voir les résultats après le 10 000e.",
    }
    assert beyond == first | {
        "page": 501,
        "hits": [],
        "beyond": {"last": 500, "message": texts[lang]},
        "links": first["links"]
        | {
            "self": url(("q", "ozone"), ("page", "501"), ("lang", lang)),
            "next": None,
            "prev": url(("q", "ozone"), ("page", "500"), ("lang", lang)),
        },
    }


def test_the_sparql_link_finds_the_same_resources(client, store):
    result = search(client, theme="oceans", bbox="-10,35,20,60", start="2000")
    link = urlsplit(result["links"]["sparql"])
    assert link.path == "/editor"
    query = dict(parse_qsl(link.query))["query"]
    found = {row["r"].value for row in store.select(query)}
    assert len(found) == result["total"] > 0


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ({"bbox": "1,2,3"}, "search_bad_bbox"),
        ({"bbox": "0,10,5,5"}, "search_bad_bbox"),
        ({"bbox": "-200,0,5,5"}, "search_bad_bbox"),
        ({"start": "yesterday"}, "search_bad_date"),
        ({"vmin": "deep"}, "search_bad_number"),
        ({"size": "0"}, "search_bad_int"),
        ({"size": "101"}, "search_bad_int"),
        ({"page": "x"}, "search_bad_int"),
        ({"page": "10001"}, "search_bad_int"),
        ({"sort": "random"}, "search_bad_choice"),
        ({"type": "person"}, "search_bad_choice"),
        ({"q": "x" * 201}, "search_q_too_long"),
        ({"theme": "sea ice<"}, "search_bad_iri"),
        ({"centre": "https://example.org/a b"}, "search_bad_iri"),
        ({"licence": "CC-BY-4.0"}, "search_bad_iri"),
        ({"taxon": "Salmonidae"}, "search_bad_iri"),  # a taxon is named by its IRI
        ({"platform": "https://example.org/a b"}, "search_bad_iri"),
        ({"instrument": "<MSI>"}, "search_bad_iri"),
    ],
)
def test_invalid_parameters_get_a_bilingual_400(client, args, key):
    en = search(client, 400, lang="en", **args)
    fr = search(client, 400, lang="fr", **args)
    assert (en["error"], fr["error"], en["status"]) == (key, key, 400)
    assert en["message"] != fr["message"] and en["lang"] == "en" and fr["lang"] == "fr"


TOGGLE_CASES = [
    {},
    {"q": "sea ice & snow", "theme": ["oceans", "sea-ice"], "pole": "odatis"},
    {"format": "http://publications.europa.eu/resource/authority/file-type/NETCDF"},
    {"q": "x", "bbox": "170,-30,-170,0", "start": "2010", "end": "2012-05", "vmin": "-10"},
    {"type": ["dataset", "service"], "sort": "date", "page": "3", "size": "5", "lang": "fr"},
]


@pytest.mark.parametrize("args", TOGGLE_CASES, ids=range(len(TOGGLE_CASES)))
def test_ready_made_facet_urls_equal_the_toggled_search(args):
    """The apply/remove URLs built from pre-encoded parts are those of the toggled search."""
    params = SearchParams.from_args(args)
    urls = params.toggle_urls()
    values = {
        "theme": [*params.themes, THESAURUS_NS + "ozone"],
        "pole": [*params.filters.get("pole", ()), "https://data.gaia-data.fr/id/organization/x"],
        "type": ["dataset", "software"],
        "format": ["a b&c=d/é"],
        "licence": ["http://creativecommons.org/licenses/by/4.0/"],
        "centre": [],
        "platform": ["https://example.org/p"],
    }
    checked = 0
    for facet, candidates in values.items():
        for value in candidates:
            for on in (True, False):
                expected = params.toggled(facet, value, on=on).url()
                assert urls.url(facet, value, on=on) == expected
                checked += 1
    assert checked == 2 * sum(len(v) for v in values.values())
