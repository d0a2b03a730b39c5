"""Tutorials and scientific tools as records of the graph, and the portal's pages for them:
a ``schema:LearningResource`` loads and validates like any record, is found by ``type``, and
shows on the header's listings and on the pages of its concept and of its compartment, in
French and English."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from concept_support import BASE_IRI, demo_store
from helpers import assert_isomorphic
from html_support import parse_html
from http_support import app_over
from rdflib.namespace import SDO

from graph_loader.pipeline import load_paths
from sparql_api.web.i18n import WEB
from sparql_api.web.labels import LABELS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "knowledge"
TUTORIAL = BASE_IRI + "id/tutorial/test-glider-notebooks"
TITLES = {"fr": "Carnets pour planeurs sous-marins", "en": "Glider notebooks"}
GLIDER_URL = "https://example.org/glider-notebooks/"
#: the demo's real tutorials, and the test's two (one flagged for its address, loaded all the same)
ALL_TUTORIALS = sorted(
    BASE_IRI + "id/tutorial/" + slug
    for slug in (
        "argopy-documentation",
        "copernicus-marine-toolbox-documentation",
        "obspy-tutorial",
        "otb-cookbook",
        "pangeo-gallery",
        "pythia-foundations",
        "xarray-tutorial",
        "test-glider-notebooks",
        "test-bad-url",
    )
)


@pytest.fixture(scope="module")
def loaded():
    store = demo_store()
    report = load_paths(store, sorted(FIXTURES.iterdir()), base_iri=BASE_IRI)
    return store, report


@pytest.fixture(scope="module")
def client(loaded):
    with app_over(loaded[0]) as app:
        yield app.test_client()


def _page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return parse_html(response.get_data(as_text=True))


def _links(page, cls: str) -> list[tuple[str, str]]:
    return [(a.attrs["href"], a.text()) for a in page.find_all("a", cls)]


def test_a_tutorial_loads_as_a_record_of_its_own_kind(loaded):
    _, report = loaded
    outcomes = {o.resource: o for o in report.outcomes if o.kind != "source"}
    good = outcomes[TUTORIAL]
    assert (good.kind, good.status, good.problems, good.warnings) == (
        "tutorial",
        "loaded",
        [],
        [],
    )


def test_a_tutorial_read_at_no_web_address_is_flagged_by_its_shape(loaded):
    _, report = loaded
    bad = next(o for o in report.outcomes if o.resource.endswith("/tutorial/test-bad-url"))
    assert (bad.kind, bad.status, bad.defect_kinds) == (
        "tutorial",
        "loaded",
        ["The tutorial's address (schema:url) must be a well-formed http or https IRI."],
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_search_finds_tutorials_by_type(client, lang):
    response = client.get(f"/api/search?type=tutorial&size=100&lang={lang}")
    hits = {h["iri"]: (h["type"], h["title"]) for h in response.get_json()["hits"]}
    assert hits[TUTORIAL] == ("tutorial", TITLES[lang])
    assert {kind for kind, _ in hits.values()} == {"tutorial"}
    assert sorted(hits) == ALL_TUTORIALS


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_header_links_the_tools_and_tutorials_listings(client, lang):
    page = _page(client, f"/?lang={lang}")
    assert _links(page, "nav-tools") == [("/search?type=software", WEB.text("nav_tools", lang))]
    assert _links(page, "nav-tutorials") == [
        ("/search?type=tutorial", WEB.text("nav_tutorials", lang))
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_tutorials_listing_has_its_heading_and_the_tutorial(client, lang):
    page = _page(client, f"/search?type=tutorial&size=100&lang={lang}")
    assert page.find("h1").text() == WEB.text("nav_tutorials", lang)
    assert page.find("p", id="listing-hint").text() == WEB.text("listing_hint_tutorials", lang)
    titles = [a.text() for a in page.find_all("a", "hit-link")]
    assert TITLES[lang] in titles and len(titles) == len(ALL_TUTORIALS)
    # filtered by a compartment through the theme tree: the oceans' tutorials only
    page = _page(client, f"/search?type=tutorial&theme=oceans&sort=title&lang={lang}")
    assert [a.text() for a in page.find_all("a", "hit-link")] == sorted(
        [
            "A tutorial read nowhere",
            "argopy documentation",
            "Copernicus Marine Toolbox documentation",
            TITLES[lang],
            "Pangeo Gallery",
            "Xarray Tutorial",
        ],
        key=str.casefold,
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_concept_page_lists_its_tutorials_and_tools(client, lang):
    page = _page(client, f"/concepts/mixed-layer-depth?lang={lang}")
    tutorials = page.find("section", id="tutorial-list")
    assert tutorials.find("h2").text() == WEB.text("nav_tutorials", lang) + " 1"
    assert _links(tutorials, "knowledge-link") == [
        ("/api/resources/tutorial/test-glider-notebooks", TITLES[lang])
    ]
    tools = page.find("section", id="software-list")
    assert tools.find("p").text() == WEB.text("no_tools", lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_compartment_page_lists_the_tutorials_and_tools_below_it(client, lang):
    page = _page(client, f"/compartments/oceans?lang={lang}")
    tools = page.find("section", id="software-list")
    assert [a.text() for a in tools.find_all("a", "knowledge-link")] == [
        "argopy",
        "Copernicus Marine Toolbox",
        "SST toolkit",
        "xarray",
    ]
    tutorials = page.find("section", id="tutorial-list")
    assert len(tutorials.find_all("a", "knowledge-link")) == 6


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_codemeta_tool_reaches_its_concept_page_through_its_keywords(client, loaded, lang):
    outcome = next(o for o in loaded[1].outcomes if o.source == "codemeta-tool.json")
    assert (outcome.kind, outcome.status, outcome.problems) == ("software", "loaded", [])
    page = _page(client, f"/concepts/sea-surface-temperature?lang={lang}")
    tools = page.find("section", id="software-list")
    assert [a.text() for a in tools.find_all("a", "knowledge-link")] == ["SST toolkit"]
    tutorials = page.find("section", id="tutorial-list")
    assert tutorials.find("p").text() == WEB.text("no_tutorials", lang)
    listing = _page(client, f"/search?type=software&theme=sea-surface-temperature&lang={lang}")
    assert listing.find("h1").text() == WEB.text("nav_tools", lang)
    assert [a.text() for a in listing.find_all("a", "hit-link")] == ["SST toolkit"]


def _properties(page) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """The properties table: (name, [(value, links)])."""
    return [
        (
            row.find("th").text(),
            [
                (v.text(), [a.attrs["href"] for a in v.find_all("a")])
                for v in row.find_all("span", cls="value")
            ],
        )
        for row in page.find("table", cls="properties").find_all("tr")
    ]


@pytest.mark.parametrize(
    ("lang", "language", "theme"),
    [
        ("fr", "anglais", "Profondeur de la couche de mélange"),
        ("en", "English", "Mixed layer depth"),
    ],
)
def test_a_tutorial_page_names_its_properties_and_its_language_for_people(
    client, lang, language, theme
):
    page = _page(client, f"/id/tutorial/test-glider-notebooks?lang={lang}")
    assert page.find("h1").text() == TITLES[lang]
    rows = [
        (LABELS.text("prop.sdo.url", lang), [(GLIDER_URL, [GLIDER_URL])]),
        (LABELS.text("prop.sdo.inLanguage", lang), [(language, [])]),  # "en", named
        (LABELS.text("prop.sdo.name", lang), [("Glider notebooks", [])]),
        (LABELS.text("prop.dcat.theme", lang), [(theme, ["/concepts/mixed-layer-depth"])]),
    ]
    assert _properties(page) == sorted(rows, key=lambda row: row[0].casefold())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_schema_description_is_the_summary_and_a_bad_address_no_link(client, lang):
    page = _page(client, f"/id/tutorial/test-bad-url?lang={lang}")
    summary = page.find("section", id="summary").find("p")
    assert summary.text() == "Its address is not a web address." + (" (en)" if lang == "fr" else "")
    rows = [
        (LABELS.text("prop.sdo.url", lang), [("javascript:alert(1)", [])]),
        (LABELS.text("prop.sdo.name", lang), [("A tutorial read nowhere", [])]),
        (
            LABELS.text("prop.dcat.theme", lang),
            [({"fr": "Océans", "en": "Oceans"}[lang], ["/concepts/oceans"])],
        ),
    ]
    assert _properties(page) == sorted(rows, key=lambda row: row[0].casefold())


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [("text/turtle", ox.RdfFormat.TURTLE), ("application/ld+json", ox.RdfFormat.JSON_LD)],
)
def test_a_tutorial_is_served_as_rdf(client, accept, fmt):
    response = client.get("/id/tutorial/test-glider-notebooks", headers={"Accept": accept})
    assert (response.status_code, response.mimetype) == (200, accept)
    # read by pyoxigraph: rdflib's JSON-LD parser warns (ConjunctiveGraph)
    quads = ox.serialize(ox.parse(response.data, fmt), format=ox.RdfFormat.N_QUADS)
    served = rdflib.Graph().parse(data=quads, format="nt")
    expected = rdflib.Graph().parse(FIXTURES / "tutorial.ttl")
    name = rdflib.Literal("Glider notebooks")
    expected.remove((None, SDO.name, name))  # the loader tags the name's language (a repair)
    expected.add((rdflib.URIRef(TUTORIAL), SDO.name, rdflib.Literal(name, lang="en")))
    own = rdflib.Graph()
    for triple in served.triples((rdflib.URIRef(TUTORIAL), None, None)):
        own.add(triple)
    assert_isomorphic(own, expected)
