"""HTML pages: the home, a compartment, a concept, in French and English; whole values read
back from the HTML and compared with what rdflib computes from the thesaurus and demo files."""

from __future__ import annotations

import string
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from concept_support import THES, demo_graph, demo_store, expected_count, thesaurus_graph
from html_support import parse_html
from http_support import app_over
from rdflib.namespace import DCAT, RDF, SKOS

from graph_loader.bootstrap import initialise
from graph_loader.inference import rebuild_inference
from graph_loader.paths import vocabularies_dir
from graph_loader.store import EmbeddedStore
from graph_loader.terms import GRAPHS_NS, vocabulary_graph
from sparql_api.web.i18n import WEB

GAIA = rdflib.Namespace("https://w3id.org/gaia-kg/ontology#")
PAGES_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
CRAFTED_TITLE = '<script>alert("gaia")</script> & co'


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@pytest.fixture(scope="module")
def client():
    store = demo_store()
    rebuild_inference(store)
    with app_over(store) as app:
        yield app.test_client()


@pytest.fixture(scope="module")
def thesaurus():
    return thesaurus_graph()


@pytest.fixture(scope="module")
def demo():
    return demo_graph()


@pytest.fixture(scope="module")
def organisations():
    return rdflib.Graph().parse(vocabularies_dir() / "organisations.ttl")


def get(client, url: str, status: int = 200, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return parse_html(response.get_data(as_text=True))


def pref(graph: rdflib.Graph, iri, lang: str) -> str:
    return next(str(o) for o in graph.objects(iri, SKOS.prefLabel) if o.language == lang)


def narrower(thesaurus: rdflib.Graph, iri, lang: str) -> list[tuple[str, str]]:
    """(href, label) of the concepts directly below ``iri``, in the order of their labels."""
    below = [(pref(thesaurus, c, lang), c) for c in thesaurus.subjects(SKOS.broader, iri)]
    below.sort(key=lambda pair: (fold(pair[0]), str(pair[1])))
    return [("/concepts/" + str(c).removeprefix(str(THES)), label) for label, c in below]


def datasets_in(thesaurus, demo, slug: str) -> set:
    """Datasets tagged with the concept or a concept below it."""
    below = set(thesaurus.transitive_subjects(SKOS.broader, THES[slug]))
    return {
        d
        for tag in (GAIA.variable, DCAT.theme)
        for d, t in demo.subject_objects(tag)
        if t in below and (d, RDF.type, DCAT.Dataset) in demo
    }


def datasets_fr(n: int) -> str:
    return f"{n} jeu de données" if n < 2 else f"{n} jeux de données"


def datasets_en(n: int) -> str:
    return f"{n} dataset" if n == 1 else f"{n} datasets"


def slug_of(href: str) -> str:
    return href.removeprefix("/concepts/")


def links(page, cls: str | None) -> list[tuple[str, str]]:
    return [(a.attrs["href"], a.text()) for a in page.find_all("a", cls)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_compartment_lists_its_subdomains_and_variables(client, thesaurus, demo, lang):
    page = get(client, f"/compartments/atmosphere?lang={lang}")
    expected = narrower(thesaurus, THES.atmosphere, lang)
    assert links(page, "subdomain-link") == expected
    assert len(expected) == 11
    shown = {
        block.find("a", "subdomain-link").attrs["href"]: (
            block.find("h3").find("span", "count").text(),
            [
                (li.find("a").attrs["href"], li.find("a").text(), li.find("span", "count").text())
                for li in block.find_all("li")
            ],
        )
        for block in page.find_all("div", "subdomain")
    }
    assert shown == {
        href: (
            str(expected_count(thesaurus, demo, slug_of(href))),
            [
                (v_href, v_label, str(expected_count(thesaurus, demo, slug_of(v_href))))
                for v_href, v_label in narrower(thesaurus, THES[slug_of(href)], lang)
            ],
        )
        for href, _ in expected
    }


def test_compartment_page_texts_follow_the_language(client, thesaurus):
    fr = get(client, "/compartments/atmosphere?lang=fr")
    en = get(client, "/compartments/atmosphere?lang=en")
    assert fr.find("html").attrs["lang"] == "fr"
    assert en.find("html").attrs["lang"] == "en"
    assert fr.find("h1").text() == "Découvrez le compartiment Atmosphère"
    assert en.find("h1").text() == "Discover the Atmosphere compartment"
    for lang, page in (("fr", fr), ("en", en)):
        intro = next(
            o for o in thesaurus.objects(THES.atmosphere, GAIA.introduction) if o.language == lang
        )
        assert page.find("section", id="introduction").find("p").text() == " ".join(intro.split())
        assert [h.text() for h in page.find_all("h2")] == [
            *(WEB.text(key, lang) for key in ("introduction", "subdomains", "data_centres")),
            # the demo's tutorials (xarray, Pangeo, Pythia) and tools (xarray, pyaerocom)
            WEB.text("nav_tutorials", lang) + " 3",
            WEB.text("nav_tools", lang) + " 2",
        ]


@pytest.mark.parametrize("slug", ["atmosphere", "oceans", "solid-earth"])
def test_data_centres_with_their_dataset_counts(client, thesaurus, demo, organisations, slug):
    datasets = datasets_in(thesaurus, demo, slug)
    counts = Counter(c for d in datasets for c in demo.objects(d, GAIA.dataCentre))
    expected = sorted(
        ((pref(organisations, c, "fr"), n) for c, n in counts.items()),
        key=lambda pair: (-pair[1], fold(pair[0])),
    )
    page = get(client, f"/compartments/{slug}?lang=fr")
    shown = [
        (li.find("span", "centre-label").text(), li.find("span", "count").text())
        for li in page.find("ul", "centres").find_all("li")
    ]
    assert shown == [(label, datasets_fr(n)) for label, n in expected]
    assert expected  # the demo has data centres in each of these compartments
    assert page.find("span", "count", id="datasets").text() == datasets_fr(len(datasets))


def test_home_lists_the_compartments_with_dataset_counts(client, thesaurus, demo):
    page = get(client, "/?lang=en")
    tops = list(thesaurus.subjects(SKOS.topConceptOf, THES.gaia))
    expected = sorted(
        (
            (
                "/compartments/" + str(c).removeprefix(str(THES)),
                pref(thesaurus, c, "en"),
                datasets_en(len(datasets_in(thesaurus, demo, str(c).removeprefix(str(THES))))),
            )
            for c in tops
        ),
        key=lambda row: fold(row[1]),
    )
    shown = [
        (
            li.find("a").attrs["href"],
            li.find("span", "tile-label").text(),
            li.find("span", "count").text(),
        )
        for li in page.find_all("li", "tile")
    ]
    assert shown == expected
    assert len(shown) == 7


def test_concept_page_breadcrumbs_labels_and_mappings(client, thesaurus):
    page = get(client, "/concepts/sea-surface-temperature?lang=fr")
    crumbs = page.find("nav", "breadcrumb")
    assert (
        crumbs.text()
        == "Accueil › Océans › Température de l'océan › Température de surface de la mer"
    )
    assert [a.attrs["href"] for a in crumbs.find_all("a")] == [
        "/",
        "/concepts/oceans",
        "/concepts/ocean-temperature",
    ]
    assert page.find("h1").text() == "Température de surface de la mer"
    sst = THES["sea-surface-temperature"]
    alt = sorted(
        (str(o) for o in thesaurus.objects(sst, SKOS.altLabel) if o.language == "fr"), key=fold
    )
    assert [s.text() for s in page.find_all("span", "alt-label")] == alt
    definition = next(o for o in thesaurus.objects(sst, SKOS.definition) if o.language == "fr")
    assert page.find("section", id="definition").find("p").text() == str(definition)
    alignments = rdflib.Graph()
    for path in sorted((vocabularies_dir() / "alignments").glob("*.ttl")):
        alignments.parse(path)
    expected = sorted(
        (WEB.text(p.removeprefix(str(SKOS)), "fr"), str(o))
        for p, o in alignments.predicate_objects(sst)
        if str(p).endswith("Match")
    )
    rows = page.find("table", "mappings").find_all("tr")
    assert [
        (r.find("td", "mapping-type").text(), r.find("a").attrs["href"]) for r in rows
    ] == expected
    assert [
        (r.find("td", "mapping-target").text(), r.find("td", "mapping-vocabulary").text())
        for r in rows
    ] == [(iri, urlsplit(iri).netloc) for _, iri in expected]


def test_concept_page_lists_narrower_concepts_and_datasets(client, thesaurus, demo):
    page = get(client, "/concepts/ocean-temperature?lang=en")
    assert links(page, "narrower-link") == narrower(thesaurus, THES["ocean-temperature"], "en")
    titles = sorted(
        (
            "/api/resources/" + str(d).removeprefix("https://data.gaia-data.fr/id/"),
            next(str(t) for t in demo.objects(d, rdflib.DCTERMS.title) if t.language == "en"),
        )
        for d in datasets_in(thesaurus, demo, "ocean-temperature")
    )
    assert sorted(links(page, "dataset-link")) == titles
    count = expected_count(thesaurus, demo, "ocean-temperature")
    assert page.find("span", "count", id="resources").text() == f"{count} resource" + (
        "" if count == 1 else "s"
    )


def test_the_language_is_remembered_in_a_cookie(demo_app):
    client = demo_app.test_client()
    response = client.get("/concepts/oceans?lang=fr", headers={"Accept-Language": "en"})
    assert response.headers["Content-Language"] == "fr"
    assert "lang=fr" in response.headers["Set-Cookie"]
    page = get(client, "/concepts/oceans", **{"Accept-Language": "en"})
    assert (page.find("html").attrs["lang"], page.find("h1").text()) == ("fr", "Océans")
    switch = page.find("a", "switch")
    assert (switch.attrs["href"], switch.text()) == ("/concepts/oceans?lang=en", "EN")
    client.get(switch.attrs["href"])
    assert get(client, "/concepts/oceans").find("h1").text() == "Oceans"


def test_without_cookie_accept_language_decides(demo_app):
    fr = get(demo_app.test_client(), "/concepts/oceans", **{"Accept-Language": "fr-FR,fr;q=0.9"})
    en = get(demo_app.test_client(), "/concepts/oceans")
    assert (fr.find("h1").text(), en.find("h1").text()) == ("Océans", "Oceans")


@pytest.mark.parametrize(
    ("url", "lang", "title", "text"),
    [
        (
            "/concepts/no-such-thing?lang=fr",
            "fr",
            "Page introuvable",
            "Aucun compartiment ni concept « no-such-thing » dans le thésaurus GAIA.",
        ),
        (
            "/compartments/no-such-thing?lang=en",
            "en",
            "Page not found",
            "No compartment or concept 'no-such-thing' in the GAIA thesaurus.",
        ),
        (
            "/compartments/%3Cb%3Ex?lang=en",
            "en",
            "Page not found",
            "No compartment or concept '<b>x' in the GAIA thesaurus.",
        ),
    ],
)
def test_unknown_slugs_answer_an_html_404(client, url, lang, title, text):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "<b>" not in response.get_data(as_text=True)
    page = parse_html(response.get_data(as_text=True))
    assert page.find("html").attrs["lang"] == lang
    assert (page.find("h1").text(), page.find("p", "error-text").text()) == (title, text)
    assert links(page, "home-link") == [("/", WEB.text("back_home", lang))]


def test_a_subdomain_under_compartments_redirects_to_its_concept_page(client):
    response = client.get("/compartments/aerosols")
    assert (response.status_code, response.headers["Location"]) == (302, "/concepts/aerosols")


@pytest.fixture(scope="module")
def demo_app():
    store = demo_store()
    with app_over(store) as app:
        yield app


@pytest.fixture(scope="module")
def crafted_client():
    """The project graphs, one crafted dataset, and a one-concept GCMD excerpt."""
    store = EmbeddedStore(None)
    list(initialise(store))
    crafted = ox.parse(path=PAGES_FIXTURES / "crafted.ttl", format=ox.RdfFormat.TURTLE)
    store.replace_graph(
        ox.NamedNode(GRAPHS_NS + "record/test/crafted"),
        [ox.Triple(q.subject, q.predicate, q.object) for q in crafted],
    )
    gcmd = ox.parse(path=PAGES_FIXTURES / "gcmd-excerpt.ttl", format=ox.RdfFormat.TURTLE)
    store.replace_graph(
        vocabulary_graph("gcmd-excerpt"),
        [ox.Triple(q.subject, q.predicate, q.object) for q in gcmd],
    )
    with app_over(store) as app:
        yield app.test_client()


def test_harvested_text_is_escaped(crafted_client):
    response = crafted_client.get("/concepts/ozone?lang=fr")
    body = response.get_data(as_text=True)
    assert "<script>" not in body
    assert "&lt;script&gt;alert(&#34;gaia&#34;)&lt;/script&gt; &amp; co" in body
    page = parse_html(body)
    assert links(page, "dataset-link") == [("/api/resources/dataset/crafted", CRAFTED_TITLE)]


def test_a_mapping_to_a_non_web_iri_is_not_a_link(crafted_client):
    page = get(crafted_client, "/concepts/ozone?lang=en")
    targets = {r.find("td", "mapping-target").text(): r.find_all("a") for r in page.find_all("tr")}
    assert targets["javascript:alert(1)"] == []


def test_mapping_labels_come_from_the_loaded_vocabulary_with_their_language(crafted_client):
    page = get(crafted_client, "/concepts/sea-surface-temperature?lang=fr")
    rows = page.find("table", "mappings").find_all("tr")
    assert [
        (
            r.find("td", "mapping-type").text(),
            r.find("td", "mapping-target").text(),
            r.find("td", "mapping-vocabulary").text(),
        )
        for r in rows
    ] == [("équivalent exact", "SEA SURFACE TEMPERATURE (en)", "gcmd-excerpt")]
    marker = page.find("span", "fallback")
    assert (marker.text(), marker.attrs["title"]) == ("(en)", "libellé en anglais")


def test_every_web_message_takes_the_same_parameters_in_both_languages():
    fields = string.Formatter()
    names = {
        lang: {
            key: {f for _, f, _, _ in fields.parse(text) if f}
            for key, text in WEB.all_texts(lang).items()
        }
        for lang in ("fr", "en")
    }
    assert names["fr"] == names["en"]
    for key in ("datasets", "resources", "results"):
        for lang in ("fr", "en"):
            assert [WEB.plural(key, n, lang).split()[0] for n in (0, 1, 2)] == ["0", "1", "2"]
    assert WEB.plural("datasets", 1, "fr") != WEB.plural("datasets", 2, "fr")


def test_a_compartment_concept_page_links_its_compartment_page(client):
    page = get(client, "/concepts/atmosphere?lang=en")
    assert page.find("nav", "breadcrumb").text() == "Home › Atmosphere"
    assert ("/compartments/atmosphere", "Page of the Atmosphere compartment") in links(page, None)
