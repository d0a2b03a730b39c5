"""Search and pages over what the poles' own converters give: the taxa of an EML record (taxon
facet, filter and names), the platforms, instruments and thumbnail of a STAC collection
(platform and instrument facets with the GCMD labels, pictures on result cards, dataset pages
and in the JSON), the access services of a THREDDS catalogue (the dataset page's ways to reach
the data). The records are the golden inputs of tests/cases, converted and loaded by the real
pipeline (the STAC collection as its golden converted graph: its input is in ../shared)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from helpers import BASE, TESTS
from html_support import parse_html
from http_support import app_over

from graph_loader.bootstrap import initialise
from graph_loader.index import SearchIndex, rebuild
from graph_loader.index.resources import read_resources
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from graph_loader.vocab import load_vocabulary
from sparql_api.search.engine import SearchParams, run_search, sparql_for

FIXTURES = TESTS / "fixtures" / "search-follow"
CASES = TESTS / "cases"
STAC = "https://catalogue.dev-1.hsc.eofarm.com/stac/collections/sentinel-2-l2a"
STAC_THUMBNAIL = (
    "https://ai4edatasetspublicassets.blob.core.windows.net/assets/pc_thumbnails/sentinel-2.png"
)
KELP = BASE + "id/dataset/knb-alaska-algae.1.1"
GENUS = BASE + "id/taxon/genus-macrocystis"
SPECIES = "https://www.itis.gov/servlet/SingleRpt/SingleRpt?search_topic=TSN&search_value=11274"
FUTURE = BASE + "id/dataset/cida.usgs.gov-cida.usgs.gov-ca-bcm-2014-future-e5fcfffe"
FUTURE_TITLE = "Future California Basin Characterization Model Downscaled Climate and Hydrology"
CRAFTED = BASE + "id/dataset/test-crafted-pictures"
GCMD = "https://example.org/gcmd/"


@pytest.fixture(scope="module")
def store():
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))
    load_vocabulary(store, FIXTURES / "gcmd-devices.ttl", name="gcmd-devices")
    paths = [
        CASES / "eml" / "taxon-ids-2.2.0" / "input.xml",
        CASES / "thredds" / "cida-ca-bcm-inherited-services" / "input.xml",
        CASES / "stac" / "sentinel-2-l2a" / "expected.ttl",
        FIXTURES / "crafted-pictures.ttl",
    ]
    report = load_paths(store, paths, base_iri=BASE)
    assert {o.status for o in report.outcomes} == {"loaded"}, report.outcomes
    return store


@pytest.fixture(scope="module")
def index(store):
    index = SearchIndex.open(None)
    rebuild(index, store, threads=1)
    return index


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


def api(client, **args) -> dict:
    response = client.get("/api/search", query_string=args)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def url(*pairs) -> str:
    return "/api/search" + ("?" + urlencode(pairs) if pairs else "")


def bucket(facet, value, label, count, *, selected=(), others=()) -> dict:
    """A flat facet bucket of a search whose only filters are ``selected`` values of
    ``facet`` and the pairs ``others`` (after it in the query string)."""
    chosen = value in selected
    applied = list(selected) if chosen else [*selected, value]
    return {
        "value": value,
        "label": label,
        "count": count,
        "selected": chosen,
        "apply": url(*[(facet, v) for v in applied], *others),
        "remove": url(*[(facet, v) for v in selected if v != value], *others),
    }


def sparql_set(store, args: dict) -> set[str]:
    return {row["r"].value for row in store.select(sparql_for(SearchParams.from_args(args)))}


def test_stac_platforms_and_instruments_are_facets_with_their_gcmd_labels(client, store):
    # the collection's summaries name Sentinel-2A, Sentinel-2B and msi: enrich.py linked them
    # to the GCMD concepts of those labels (tests/fixtures/search-follow/gcmd-devices.ttl)
    result = api(client, lang="en")
    lang = [("lang", "en")]
    assert result["facets"]["platform"] == [
        bucket("platform", GCMD + "platform/sentinel-2a", "Sentinel-2A", 1, others=lang),
        bucket("platform", GCMD + "platform/sentinel-2b", "Sentinel-2B", 1, others=lang),
    ]
    assert result["facets"]["instrument"] == [
        bucket("instrument", GCMD + "instrument/msi", "MSI", 1, others=lang),
    ]
    msi = {"instrument": GCMD + "instrument/msi"}
    found = api(client, **msi, lang="en")
    assert [h["iri"] for h in found["hits"]] == [STAC]
    assert sparql_set(store, msi) == {STAC}
    both = {"instrument": GCMD + "instrument/msi", "platform": GCMD + "platform/sentinel-2b"}
    assert (
        [h["iri"] for h in api(client, **both)["hits"]] == [STAC] == list(sparql_set(store, both))
    )


def test_the_taxon_facet_is_a_tree_counting_each_taxon_and_those_above_it(client, store):
    result = api(client, lang="fr")
    lang = [("lang", "fr")]
    # the EML record names the genus and, inside it, the species (its ITIS IRI): a tree
    species = bucket("taxon", SPECIES, "Macrocystis pyrifera", 1, others=lang)
    assert result["facets"]["taxon"] == [
        {**bucket("taxon", GENUS, "Macrocystis", 1, others=lang), "children": [
            {**species, "children": []}
        ]},
    ]  # fmt: skip
    selected = api(client, taxon=GENUS, lang="fr")
    assert selected["total"] == 1
    assert [h["iri"] for h in selected["hits"]] == [KELP]
    species = bucket("taxon", SPECIES, "Macrocystis pyrifera", 1, selected=[GENUS], others=lang)
    assert selected["facets"]["taxon"] == [
        {**bucket("taxon", GENUS, "Macrocystis", 1, selected=[GENUS], others=lang), "children": [
            {**species, "children": []}
        ]},
    ]  # fmt: skip
    assert sparql_set(store, {"taxon": GENUS}) == sparql_set(store, {"taxon": SPECIES}) == {KELP}
    # AND across facets: no STAC platform has taxa
    assert api(client, taxon=GENUS, platform=GCMD + "platform/sentinel-2a")["total"] == 0


@pytest.mark.parametrize(
    "q", ["Macrocystis pyrifera", "giant kelp", "Macrocystis", "kelp géant macrocystis"]
)
def test_free_text_finds_a_dataset_by_the_names_of_its_taxa(index, store, q):
    result = run_search(index, SearchParams.from_args({"q": q}), "en")
    hits = [h["iri"] for h in result["hits"]]
    if q.startswith("kelp géant"):  # "géant" is in no name: found by the others, relaxed
        assert (hits, result["relaxed"], result["optional_words"]) == (
            [KELP],
            True,
            ["kelp", "geant", "macrocystis"],  # folded, as the index compares them
        )
        return
    assert hits == [KELP]
    assert sparql_set(store, {"q": q}) == {KELP}


def test_a_hit_carries_its_thumbnail_and_only_a_web_one(client):
    hits = {h["iri"]: h for h in api(client, size=50)["hits"]}
    assert hits[STAC]["thumbnail"] == STAC_THUMBNAIL
    assert hits[CRAFTED]["thumbnail"] is None
    assert hits[KELP]["thumbnail"] is None


def test_the_resource_json_carries_the_thumbnail(client):
    found = client.get("/api/resources", query_string={"iri": STAC}).get_json()
    assert found["thumbnail"] == STAC_THUMBNAIL
    crafted = client.get("/api/resources", query_string={"iri": CRAFTED}).get_json()
    assert crafted["thumbnail"] is None


def test_result_cards_show_the_thumbnail_as_a_lazy_image(client):
    html = parse_html(client.get("/search?q=sentinel&lang=en").get_data(as_text=True))
    cards = html.find_all("li", "hit")
    assert [c.find("a", "hit-link").attrs["href"] for c in cards] == [STAC]  # not ours: its IRI
    images = [img.attrs for card in cards for img in card.find_all("img")]
    assert images == [
        {
            "class": "thumbnail",
            "src": STAC_THUMBNAIL,
            "alt": "Sentinel-2 Level-2A",
            "loading": "lazy",
            "referrerpolicy": "no-referrer",
        }
    ]
    crafted = client.get("/search?q=crafted&lang=en").get_data(as_text=True)
    assert [c.find_all("img") for c in parse_html(crafted).find_all("li", "hit")] == [[]]
    assert "javascript:" not in crafted and "onerror" not in crafted


@pytest.mark.parametrize(("lang", "title"), [("en", "Taxon"), ("fr", "Taxon")])
def test_the_search_page_shows_the_taxon_tree_opened_along_the_selection(client, lang, title):
    html = parse_html(client.get(f"/search?lang={lang}").get_data(as_text=True))
    facet = html.find("section", id="facet-taxon")
    assert facet.find("h3").text() == title
    # closed: the genus only, a link that applies it
    assert [(a.text(), a.attrs["href"]) for a in facet.find_all("a")] == [
        ("Macrocystis", "/search?" + urlencode({"taxon": GENUS, "lang": lang}))
    ]
    html = parse_html(
        client.get("/search?" + urlencode({"taxon": GENUS, "lang": lang})).get_data(as_text=True)
    )
    facet = html.find("section", id="facet-taxon")
    links = [(a.text(), a.attrs["href"]) for a in facet.find_all("a")]
    assert links == [
        ("✓ Macrocystis", "/search?lang=" + lang),
        ("Macrocystis pyrifera", "/search?" + urlencode(
            [("taxon", GENUS), ("taxon", SPECIES), ("lang", lang)]
        )),
    ]  # fmt: skip
    chips = [(c.attrs["data-param"], c.text()) for c in html.find_all("a", "chip")]
    assert chips == [("taxon", "Taxon Macrocystis ×")]


def page(client, iri: str, lang: str):
    path = iri.removeprefix(BASE[:-1]) if iri.startswith(BASE) else "/id?" + urlencode({"uri": iri})
    response = client.get(path + ("&" if "?" in path else "?") + "lang=" + lang)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == "text/html"
    return parse_html(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("lang", "heading", "genus", "species"),
    [
        ("en", "Taxa covered", "(genus)", "(species)"),
        ("fr", "Taxons étudiés", "(genre)", "(espèce)"),
    ],
)
def test_the_dataset_page_lists_its_taxa(client, lang, heading, genus, species):
    section = page(client, KELP, lang).find("section", id="taxa")
    assert section.find("h2").text() == heading
    rows = [
        (
            li.find("a", "taxon-link").attrs["href"],
            li.find("i").text(),
            li.find("span", "rank").text(),
            [v.text() for v in li.find_all("span", "vernacular")],
            parse_qs(urlsplit(li.find("a", "taxon-search").attrs["href"]).query),
        )
        for li in section.find_all("li", "taxon")
    ]
    assert rows == [
        ("/id/taxon/genus-macrocystis", "Macrocystis", genus, [], {"taxon": [GENUS]}),
        (SPECIES, "Macrocystis pyrifera", species, ["Giant Kelp"], {"taxon": [SPECIES]}),
    ]
    assert {a.attrs["href"].split("?")[0] for a in section.find_all("a", "taxon-search")} == {
        "/search"
    }


@pytest.mark.parametrize(("lang", "heading"), [("en", "Preview"), ("fr", "Aperçu")])
def test_the_dataset_page_shows_its_pictures(client, lang, heading):
    section = page(client, STAC, lang).find("section", id="pictures")
    assert section.find("h2").text() == heading
    assert [img.attrs for img in section.find_all("img")] == [
        {
            "src": STAC_THUMBNAIL,
            "alt": "Sentinel-2 Level-2A",
            "loading": "lazy",
            "referrerpolicy": "no-referrer",
        }
    ]
    crafted = page(client, CRAFTED, lang)
    assert crafted.find_all("section", id="pictures") == []
    assert crafted.find_all("img") == []


@pytest.mark.parametrize(
    ("lang", "heading", "iso"),
    [
        ("en", "Ways to reach the data", "ISO 19115 metadata"),
        ("fr", "Accès aux données", "Métadonnées ISO 19115"),
    ],
)
def test_the_dataset_page_lists_the_ways_to_reach_the_data(client, lang, heading, iso):
    section = page(client, FUTURE, lang).find("section", id="services")
    assert section.find("h2").text() == heading
    rows = [
        (
            [b.text() for b in li.find_all("span", "protocol")],
            li.find("a", "service-link").text(),
            li.find("a", "service-link").attrs["href"],
            li.find("a", "endpoint-link").attrs["href"],
        )
        for li in section.find_all("li", "service")
    ]
    service = "/id/service/https-cida.usgs.gov-thredds-"
    tag = " (en)" if lang == "fr" else ""  # English titles only: marked so in French
    iso_path = service + "iso-ca-bcm-2014-future-36b95c85"
    dap_path = service + "dodsc-ca-bcm-2014-future-76e6c9d0"
    endpoint = "https://cida.usgs.gov/thredds/"
    assert rows == [
        (
            [iso],
            f"ISO 19115 metadata: {FUTURE_TITLE}{tag}",
            iso_path,
            endpoint + "iso/CA-BCM-2014/future",
        ),
        (
            ["OPeNDAP"],
            f"OPeNDAP: {FUTURE_TITLE}{tag}",
            dap_path,
            endpoint + "dodsC/CA-BCM-2014/future",
        ),
    ]


def test_a_whole_store_scan_reads_taxa_and_pictures_as_per_resource_queries(store):
    scanned = read_resources(store)
    one_by_one = read_resources(store, sorted(scanned))

    def tidy(resources):
        return {
            i: {k: sorted(v) if isinstance(v, list) else v for k, v in r.items()}
            for i, r in resources.items()
        }

    assert tidy(scanned) == tidy(one_by_one)
    assert sorted(v for k, v in scanned[KELP]["links"] if k == "taxon") == sorted([GENUS, SPECIES])
    assert [v for k, v in scanned[STAC]["extents"] if k == "thumbnail"] == [STAC_THUMBNAIL]
