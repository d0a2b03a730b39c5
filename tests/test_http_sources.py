"""``/api/sources``: declared sources with what their harvests did, read from the store."""

from __future__ import annotations

import shutil

import pytest
from helpers import BASE
from source_catalogues import MINIMAL

from graph_loader.bootstrap import initialise
from graph_loader.config import Settings
from graph_loader.harvest import harvest
from graph_loader.harvest.config import read_sources
from graph_loader.store import EmbeddedStore
from sparql_api import create_app


@pytest.fixture
def client(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    for path in MINIMAL[:3]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.xml").write_text("<gmd:MD_Metadata")
    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[sources.files]\nkind = "directory"\npath = "records"\nlanguage = "fr"\n'
        'pole = "odatis"\ntitle = "Notices de test"\n'
        '[sources.never]\nkind = "csw"\nurl = "http://127.0.0.1:9/csw"\n'
    )
    store = EmbeddedStore(None)
    list(initialise(store, infer=False, quiet=True))
    harvest(store, read_sources(sources)["files"], base_iri=BASE)
    app = create_app(Settings(store=":memory:", sources=str(sources)), store=store)
    return app.test_client()


def test_sources_lists_each_declared_source_with_its_last_run(client):
    body = client.get("/api/sources").get_json()
    files, never = body["sources"]
    assert {k: files[k] for k in ("name", "kind", "title", "pole", "records", "checkpoint")} == {
        "name": "files",
        "kind": "directory",
        "title": "Notices de test",
        "pole": "odatis",
        "records": 3,
        "checkpoint": None,
    }
    report = files["lastRun"]["report"]
    assert report["counts"] == {
        "loaded": 3,
        "updated": 0,
        "unchanged": 0,
        "withdrawn": 0,
        "rejected": 1,
    }
    assert [r["identifier"] for r in report["rejected"]] == ["broken.xml"]
    assert "malformed" in report["rejected"][0]["reasons"][0].lower()
    assert never["lastRun"] is None and never["records"] == 0 and never["runs"] == []
    assert report["quality"]["records"] == 3 and 0 < report["quality"]["meanScore"] <= 100
    assert files["changes"] == {
        "since": None,
        "loaded": 3,
        "updated": 0,
        "withdrawn": 0,
        "rejected": 1,
        "meanScore": {"before": None, "after": report["quality"]["meanScore"], "delta": None},
    }


def test_changes_since_the_previous_harvest(client, tmp_path):
    from sparql_api.web.catalogue import get_catalogue

    app = client.application
    with app.app_context():
        store = get_catalogue().store
    (tmp_path / "records" / MINIMAL[0].name).unlink()
    shutil.copy(MINIMAL[3], tmp_path / "records" / MINIMAL[3].name)
    harvest(store, read_sources(tmp_path / "sources.toml")["files"], base_iri=BASE)
    changes = client.get("/api/sources/files").get_json()["changes"]
    first, second = client.get("/api/sources/files").get_json()["runs"][::-1]
    assert changes["since"] == first["started"]
    assert {k: changes[k] for k in ("loaded", "updated", "withdrawn", "rejected")} == {
        "loaded": 1,
        "updated": 0,
        "withdrawn": 1,
        "rejected": 1,
    }
    assert changes["meanScore"]["after"] == second["report"]["quality"]["meanScore"]


def test_one_source_and_an_unknown_one(client):
    one = client.get("/api/sources/files").get_json()
    assert one["name"] == "files" and len(one["runs"]) == 1
    missing = client.get("/api/sources/nope?lang=fr")
    assert missing.status_code == 404
    assert missing.get_json()["message"] == (
        "Aucune source de moissonnage n'est déclarée sous le nom « nope »."
    )


def test_an_unreadable_sources_file_is_a_503_with_the_reason(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text("[sources.a]\nkind = 'ftp'\n")
    app = create_app(Settings(store=":memory:", sources=str(bad)), store=EmbeddedStore(None))
    answer = app.test_client().get("/api/sources")
    assert answer.status_code == 503
    assert "kind 'ftp' unknown" in answer.get_json()["message"]
