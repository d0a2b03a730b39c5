"""/api/resources: one resource as JSON, whole values."""

from __future__ import annotations

import pytest
from http_support import app_over, fixture_store

XSD = "http://www.w3.org/2001/XMLSchema#"
IAGOS = "https://data.gaia-data.fr/id/dataset/iagos-co"


def lit(value, lang=None, datatype=None):
    return {"value": value, "type": "literal", "lang": lang, "datatype": datatype}


def iri(value, label):
    return {"value": value, "type": "iri", "lang": None, "datatype": None, "label": label}


def iagos(lang_of_labels: str) -> dict:
    variable_label = {"fr": "Monoxyde de carbone", "en": "Carbon monoxide"}[lang_of_labels]
    return {
        "iri": IAGOS,
        "types": ["http://www.w3.org/ns/dcat#Dataset"],
        "labels": {"en": "IAGOS carbon monoxide", "fr": "Monoxyde de carbone IAGOS"},
        "descriptions": {
            "en": "CO profiles measured by airliners.",
            "fr": "Profils de CO mesurés par des avions de ligne.",
        },
        "thumbnail": None,
        "properties": [
            {
                "predicate": "http://purl.org/dc/terms/description",
                "values": [
                    lit("CO profiles measured by airliners.", "en"),
                    lit("Profils de CO mesurés par des avions de ligne.", "fr"),
                ],
            },
            {
                "predicate": "http://purl.org/dc/terms/issued",
                "values": [lit("2014-01-01", datatype=XSD + "date")],
            },
            {
                "predicate": "http://purl.org/dc/terms/title",
                "values": [
                    lit("IAGOS carbon monoxide", "en"),
                    lit("Monoxyde de carbone IAGOS", "fr"),
                ],
            },
            {
                "predicate": "http://www.w3.org/ns/dcat#keyword",
                "values": [lit("CO", datatype=XSD + "string"), lit("aviation", "en")],
            },
            {
                "predicate": "https://w3id.org/gaia-kg/ontology#pole",
                "values": [iri("https://w3id.org/gaia-kg/org/aeris", "AERIS")],
            },
            {
                "predicate": "https://w3id.org/gaia-kg/ontology#variable",
                "values": [
                    iri("https://w3id.org/gaia-kg/thesaurus/carbon-monoxide", variable_label)
                ],
            },
        ],
        "record": {
            "graph": "https://w3id.org/gaia-kg/graph/record/test/iagos-co",
            "source": "https://csw.example.org/records/iagos-co",
            "contentHash": "sha256:0f3a",
            "loadedAt": "2024-05-01T12:00:00Z",
            "validationOutcome": "https://w3id.org/gaia-kg/ontology#ConformsWithWarnings",
            "warningCount": 2,
            "violationCount": None,
            "notConformant": False,
            "defects": {"fr": [], "en": []},
        },
    }


@pytest.fixture(scope="module")
def client():
    with app_over(fixture_store()) as app:
        yield app.test_client()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_dataset_by_its_id_whole(client, lang):
    response = client.get(f"/api/resources/dataset/iagos-co?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.json == iagos(lang)


def test_accept_language_chooses_value_labels(client):
    response = client.get("/api/resources/dataset/iagos-co", headers={"Accept-Language": "fr"})
    assert response.json == iagos("fr")


def test_any_iri_by_query_parameter_without_record(client):
    response = client.get(
        "/api/resources", query_string={"iri": "https://w3id.org/gaia-kg/org/aeris"}
    )
    assert response.json == {
        "iri": "https://w3id.org/gaia-kg/org/aeris",
        "types": ["https://w3id.org/gaia-kg/ontology#Pole"],
        "labels": {"en": "AERIS", "fr": "AERIS"},
        "descriptions": {"en": None, "fr": None},
        "thumbnail": None,
        "properties": [
            {
                "predicate": "http://xmlns.com/foaf/0.1/name",
                "values": [lit("AERIS", datatype=XSD + "string")],
            }
        ],
        "record": None,
    }


def test_unknown_resource_is_404_in_the_asked_language(client):
    response = client.get("/api/resources/dataset/nope", headers={"Accept-Language": "fr-FR"})
    assert response.status_code == 404
    assert response.json == {
        "status": 404,
        "error": "resource_not_found",
        "message": "Aucune ressource <https://data.gaia-data.fr/id/dataset/nope> "
        "dans le graphe de connaissances.",
        "lang": "fr",
    }


@pytest.mark.parametrize(
    ("url", "status", "value"),
    [
        # a path that makes no IRI names nothing: 404; an IRI given that is none: 400
        ("/api/resources/dataset/a%20b", 404, "https://data.gaia-data.fr/id/dataset/a b"),
        ("/api/resources?iri=not-an-iri", 400, "not-an-iri"),
        ("/api/resources?iri=http://x/%3E%20%7D", 400, "http://x/> }"),
    ],
)
def test_malformed_iri_is_refused(client, url, status, value):
    response = client.get(url)
    assert response.status_code == status
    assert response.json == {
        "status": status,
        "error": "bad_iri",
        "message": f"Malformed IRI '{value}'.",
        "lang": "en",
    }


def test_no_resource_named_is_400(client):
    response = client.get("/api/resources?lang=fr")
    assert response.status_code == 400
    assert response.json["message"] == (
        "Indiquez une ressource : /api/resources/<type>/<id> ou /api/resources?iri=<IRI>."
    )
