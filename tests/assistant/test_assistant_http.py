"""/api/ask and /ask over HTTP: the issue's two questions give the right filters and cite only
matching records; an absent subject answers nothing found with suggestions; bad input 400."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from concept_support import BASE_IRI, demo_store
from http_support import app_over

from graph_loader.terms import THESAURUS_NS

SST_Q = "quelles données de température de surface de la mer en Méditerranée depuis 2015 ?"
AOD_Q = "aerosol optical depth over West Africa during the dry season"
D = BASE_IRI + "id/dataset/"


@pytest.fixture(scope="module")
def client():
    with app_over(demo_store()) as app:
        yield app.test_client()


def ask(client, q, status=200, **args):
    response = client.get("/api/ask", query_string={"q": q, **args})
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def cited(answer) -> set[str]:
    return {i for s in answer["answer"] for i in s["cites"]}


def test_sea_surface_temperature_in_the_mediterranean_since_2015(client):
    answer = ask(client, SST_Q)
    assert answer["lang"] == "fr"
    assert answer["understood"] == {
        "concepts": [
            {
                "iri": THESAURUS_NS + "sea-surface-temperature",
                "label": "Température de surface de la mer",
                "matched": "Température de surface de la mer",
            }
        ],
        "place": {
            "id": "mediterranean-sea",
            "kind": "sea",
            "name": "Méditerranée",
            "bbox": [-6.0, 30.0, 36.5, 46.0],
        },
        "start": "2015-01-01",
        "end": None,
        "time": "depuis 2015",
        "season": None,
        "type": [],
        "pole": [],
        "centre": [],
        "q": "",
    }
    # pirata-moorings has the concept but lies south of 25°N: not cited
    assert cited(answer) == {
        D + "coriolis-nrt-insitu",
        D + "gosud-thermosalinographs",
        D + "odyssea-sst",
    }
    assert answer["answer"][0] == {
        "text": "3 notices correspondent : 3 jeu(x) de données.",
        "cites": [s["cites"][0] for s in answer["answer"] if s.get("best")],
    }
    assert answer["links"]["search"] == (
        "/search?theme=sea-surface-temperature&bbox=-6%2C30%2C36.5%2C46&start=2015-01-01"
    )
    sparql = unquote(answer["links"]["sparql"].removeprefix("/editor?query="))
    assert "sea-surface-temperature" in sparql and '"2015-01-01"' in sparql
    assert answer["suggestions"] == []


def test_aerosol_optical_depth_over_west_africa_in_the_dry_season(client):
    answer = ask(client, AOD_Q, lang="fr")
    assert answer["lang"] == "en"  # the question's language, not the interface's
    understood = answer["understood"]
    assert [c["iri"] for c in understood["concepts"]] == [THESAURUS_NS + "aerosol-optical-depth"]
    assert understood["place"]["id"] == "west-africa"
    assert understood["season"] == {
        "name": "dry",
        "text": "dry season",
        "months": [11, 12, 1, 2, 3, 4],
        "hemisphere": "N",
        "default": 0,
    }
    got = cited(answer)
    # the monsoon campaign (June-July 2016) and the boxes outside West Africa are left out
    assert D + "dacciwa-campaign" not in got and D + "charmex-adrimed-aircraft" not in got
    assert D + "sentinel2-l2a-maja" not in got
    assert {D + "mbour-aeronet", D + "seviri-dust-africa", D + "modis-terra-aerosols"} <= got
    assert len(got) == answer["found"] == 10
    assert {r["iri"] for r in answer["records"]} == got


def test_an_absent_subject_finds_nothing_cites_nothing_and_suggests(client):
    answer = ask(client, "microplastics in the North Sea")
    assert answer["found"] == 0 and answer["records"] == []
    assert answer["answer"] == [
        {"text": "No record of the catalogue matches this question.", "cites": []}
    ]
    labels = [s["label"] for s in answer["suggestions"]]
    assert "broader concept: Oceans" in labels and "without the filter words" in labels
    for s in answer["suggestions"]:
        assert s["count"] > 0
        args = dict(parse_qsl(urlsplit(s["api"]).query))
        assert client.get("/api/search", query_string=args).get_json()["total"] == s["count"]


def test_bad_questions_are_bilingual_400s(client):
    assert ask(client, "", 400, lang="fr")["message"] == (
        "Aucune question : envoyez-la dans le paramètre « q »."
    )
    long = ask(client, "x" * 301, 400, lang="en")
    assert long["message"] == "The question is too long (301 characters; at most 300)."


def test_the_ask_page_shows_the_answer_with_citations_and_editable_filters(client):
    page = client.get("/ask", query_string={"q": SST_Q, "lang": "fr"})
    assert page.status_code == 200 and page.headers["Content-Language"] == "fr"
    html = page.get_data(as_text=True)
    assert "3 notices correspondent" in html and 'href="#record-1"' in html
    assert 'name="theme" value="' + THESAURUS_NS + 'sea-surface-temperature" checked' in html
    assert 'name="bbox" value="-6.0,30.0,36.5,46.0"' in html
    assert 'name="start" value="2015-01-01"' in html
    assert html.count('<li id="record-') == 3
    empty = client.get("/ask", query_string={"lang": "en"})
    assert empty.status_code == 200 and "Ask a question" in empty.get_data(as_text=True)
    bad = client.get("/ask", query_string={"q": " ", "lang": "en"})
    assert bad.status_code == 400 and "No question" in bad.get_data(as_text=True)
