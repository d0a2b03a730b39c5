"""Characters XML 1.0 cannot carry (NUL, BEL, ESC and the other C0 controls but tab, LF and
CR) written into the store after the load (here through the Graph Store Protocol with a
token) never reach an XML output: every XML answer stays well-formed for a strict parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from demo_support import demo_store
from helpers import BASE
from http_support import app_over

from sparql_api.oai.routes import PAGE_SIZE_KEY

TOKEN = "t0ken-for-xml-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DCT = "http://purl.org/dc/terms/"
OAI = "{http://www.openarchives.org/OAI/2.0/}"
AMMA = BASE + "id/dataset/amma-atr42-aircraft"
IDENTIFIER = "oai:data.gaia-data.fr:dataset/amma-atr42-aircraft"
#: what the stored literal holds, and what an XML output may carry of it
STORED = "Bad\x00title\x1b[31m with \x07bell\tand tab"
SHOWN = "Badtitle[31m with bell\tand tab"


@pytest.fixture(scope="module")
def client():
    store = demo_store()
    graph = store.select(
        "SELECT ?g WHERE { GRAPH ?g { ?g <https://w3id.org/gaia-kg/ontology#describes> "
        f"<{AMMA}> }} }}"
    )[0]["g"].value
    with app_over(store, admin_tokens=(TOKEN,)) as app:
        app.config[PAGE_SIZE_KEY] = 500
        client = app.test_client()
        nt = f'<{AMMA}> <{DCT}title> "Bad\\u0000title\\u001B[31m with \\u0007bell\\tand tab"@en .\n'
        response = client.post(
            "/sparql/graph?graph=" + quote(graph, safe=""),
            data=nt.encode(),
            content_type="application/n-triples",
            headers=AUTH,
        )
        assert response.status_code in (200, 201, 204), response.data
        # the store does hold the characters (written after the load, no repair on the way)
        check = client.get(
            "/sparql",
            query_string={
                "query": f'ASK {{ <{AMMA}> <{DCT}title> "{STORED}"@en }}'.replace("\x00", "\\u0000")
                .replace("\x1b", "\\u001B")
                .replace("\x07", "\\u0007")
                .replace("\t", "\\t")
            },
            headers={"Accept": "application/sparql-results+json"},
        )
        assert check.get_json()["boolean"] is True
        yield client


def _strict(response) -> ET.Element:
    assert response.status_code == 200, response.data[:500]
    return ET.fromstring(response.data)  # expat: not well-formed raises ParseError


def _texts(root: ET.Element) -> set[str]:
    return {e.text for e in root.iter() if e.text}


def test_rdf_xml_page(client):
    root = _strict(client.get("/id/dataset/amma-atr42-aircraft?f=rdf"))
    assert SHOWN in _texts(root)


def test_catalog_as_rdf_xml(client):
    root = _strict(client.get("/catalog?size=500&f=rdf"))
    assert SHOWN in _texts(root)


def test_sparql_xml_results_and_rdf_xml_graphs(client):
    select = f"SELECT ?t WHERE {{ <{AMMA}> <{DCT}title> ?t }}"
    root = _strict(
        client.get(
            "/sparql",
            query_string={"query": select},
            headers={"Accept": "application/sparql-results+xml"},
        )
    )
    assert SHOWN in _texts(root)
    construct = f"CONSTRUCT {{ <{AMMA}> <{DCT}title> ?t }} WHERE {{ <{AMMA}> <{DCT}title> ?t }}"
    root = _strict(
        client.get(
            "/sparql",
            query_string={"query": construct},
            headers={"Accept": "application/rdf+xml"},
        )
    )
    assert SHOWN in _texts(root)


@pytest.mark.parametrize("prefix", ["dcat", "oai_dc"])
def test_oai_get_record(client, prefix):
    root = _strict(
        client.get(f"/oai?verb=GetRecord&metadataPrefix={prefix}&identifier={IDENTIFIER}")
    )
    assert root.find(f"{OAI}error") is None
    assert SHOWN in _texts(root)


@pytest.mark.parametrize("prefix", ["dcat", "oai_dc"])
def test_oai_list_records(client, prefix):
    root = _strict(client.get(f"/oai?verb=ListRecords&metadataPrefix={prefix}"))
    assert SHOWN in _texts(root)
