"""Record quality over HTTP: ``/api/records/<kind>/<slug>/quality``,
``/quality/<kind>/<slug>`` and the ``/quality`` dashboard."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from concept_support import demo_store
from helpers import BASE
from html_support import parse_html
from http_support import app_over

from graph_loader.inference import rebuild_inference
from graph_loader.quality import record_quality, score_store

ARGO = BASE + "id/dataset/argo-biogeochemical"
DCT_TITLE = "http://purl.org/dc/terms/title"


@pytest.fixture(scope="module")
def store():
    store = demo_store()
    rebuild_inference(store)
    score_store(store)  # what the load pipeline does per record once it calls quality_triples
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(store):
    with app_over(store) as app:
        yield app.test_client()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_record_quality_as_json(client, store, lang):
    response = client.get(f"/api/records/dataset/argo-biogeochemical/quality?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang
    assert response.get_json() == {
        **record_quality(store, ARGO, lang),
        "lang": lang,
        "links": {
            "resource": "/id/dataset/argo-biogeochemical",
            "html": f"/quality/dataset/argo-biogeochemical?lang={lang}",
            "self": f"/api/records/dataset/argo-biogeochemical/quality?lang={lang}",
        },
    }


def test_unknown_records_and_kinds_are_bilingual_404s(client):
    missing = client.get("/api/records/dataset/nothing-here/quality?lang=fr")
    assert missing.status_code == 404
    assert missing.get_json() == {
        "status": 404,
        "error": "quality_not_found",
        "message": f"Aucune mesure de qualité pour <{BASE}id/dataset/nothing-here> : aucune "
        "notice de jeu de données, de service, de publication ou de logiciel de cette IRI "
        "n'a été chargée.",
        "lang": "fr",
    }
    kind = client.get("/api/records/agent/coriolis/quality?lang=en")
    assert kind.status_code == 404
    assert kind.get_json()["message"] == (
        "Records of kind « agent » are not scored: use one of dataset, service, publication, "
        "software."
    )
    page = client.get("/quality/dataset/nothing-here?lang=en")
    assert page.status_code == 404 and page.mimetype == "text/html"
    assert "No quality measures for" in parse_html(page.get_data(as_text=True)).text()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_record_quality_page(client, store, lang):
    response = client.get(f"/quality/dataset/argo-biogeochemical?lang={lang}")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = parse_html(response.get_data(as_text=True))
    expected = record_quality(store, ARGO, lang)
    problems = [li.text().strip() for li in html.find("ul", cls="quality-problems").find_all("li")]
    assert problems == expected["problems"]
    rows = html.find("table", cls="quality-measures").find_all("tr")[1:]
    shown = [(r.find_all("td")[0].text().strip(), "unmet" in r.classes) for r in rows]
    assert shown == [(m["label"], not m["value"]) for m in expected["measures"]]
    score = html.find("p", id="score").find("strong").text()
    assert score == f"{expected['score']} %"
    assert html.find("h1").text() == expected["title"]


def test_dashboard_per_source_and_per_centre(client):
    response = client.get("/quality?lang=en")
    assert response.status_code == 200
    html = parse_html(response.get_data(as_text=True))
    sources = {
        row.find("th").text().strip(): [td.text().strip() for td in row.find_all("td")][:2]
        for row in html.find("section", id="sources").find_all("tr")[1:]
    }
    assert sources == {
        "publications.ttl": ["28", "60 %"],
        "software.ttl": ["11", "70 %"],
        "services.ttl": ["24", "77 %"],
        "aeris.ttl": ["60", "93 %"],
        "odatis.ttl": ["34", "93 %"],
        "pndb.ttl": ["14", "93 %"],
        "theia.ttl": ["33", "93 %"],
        "formater.ttl": ["21", "94 %"],
    }
    centres = html.find("section", id="centres")
    assert any(a.text().startswith("Coriolis") for a in centres.find_all("a"))
    assert html.find("p", id="score").find("strong").text() == "86 %"
    french = parse_html(client.get("/quality?lang=fr").get_data(as_text=True))
    assert french.find("h1").text() == "Qualité des notices"
    assert [h.text() for h in french.find_all("h2")] == [
        "Par source",
        "Par centre de données",
        "Notices chargées avec défauts (non conformes)",
    ]
    # the demo has no record loaded not conformant
    assert french.find("section", id="flagged").find("p").text() == "Aucune notice non conforme."


def test_harvested_text_is_escaped(client, store):
    argopy = ox.NamedNode(BASE + "id/software/argopy")
    (row,) = store.select(
        "SELECT ?g WHERE { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> ?r } }",
        {"r": argopy},
    )
    titles = {"http://purl.org/dc/terms/title", "https://schema.org/name"}
    kept = [t for t in store.graph_triples(row["g"]) if t.predicate.value not in titles]
    crafted = ox.Literal('<script>alert("q")</script> & co')
    store.replace_graph(row["g"], [*kept, ox.Triple(argopy, ox.NamedNode(DCT_TITLE), crafted)])
    body = client.get("/quality/software/argopy?lang=en").get_data(as_text=True)
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#34;q&#34;)&lt;/script&gt; &amp; co" in body
    assert record_quality(store, argopy.value, "en")["title"] == crafted.value
