"""``gaia-kg quality show|report|rescore`` on a disk store holding the demo catalogue."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import BASE

from graph_loader.bootstrap import initialise
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from sparql_api.cli import main

ARGO = BASE + "id/dataset/argo-biogeochemical"
PROBLEMS = {
    "fr": f"le jeu de données « Profils Argo biogéochimiques » <{ARGO}> n'a pas d'identifiant "
    "pérenne (dct:identifier) : ajoutez son DOI, Handle ou ARK.",
    "en": f"the dataset « Biogeochemical Argo profiles » <{ARGO}> has no persistent identifier "
    "(dct:identifier): add its DOI, Handle or ARK.",
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("quality") / "store"
    with EmbeddedStore(path) as store:
        list(initialise(store))
        load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    return str(path)


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["quality", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_rescore_then_nothing_changes(store_path):
    # the load scored every record already
    assert _run("rescore", "--store", store_path, "--lang", "en") == (
        "0 record graphs (re)scored\n"
    )
    assert _run("rescore", "--store", store_path, "--lang", "fr") == (
        "0 graphe de notices (re)noté\n"  # French: 0 is singular
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_prints_the_fix_list(store_path, lang):
    _run("rescore", "--store", store_path)
    expected = json.loads(_run("show", ARGO, "--store", store_path, "--lang", lang, "--json"))
    assert expected["problems"] == [PROBLEMS[lang]]
    colon = " : " if lang == "fr" else ": "
    dims = ", ".join(f"{d['label']} {d['score']} %" for d in expected["dimensions"])
    score = "score de qualité" if lang == "fr" else "quality score"
    fix = "ce qu'il faut corriger :" if lang == "fr" else "what to fix:"
    assert _run("show", ARGO, "--store", store_path, "--lang", lang) == (
        f"« {expected['title']} » <{ARGO}>\n{score}{colon}{expected['score']} % ({dims})\n{fix}\n"
        + "".join(f"  - {p}\n" for p in expected["problems"])
    )


def test_show_refuses_an_unscored_iri_in_the_asked_language(store_path):
    result = CliRunner().invoke(
        main, ["quality", "show", BASE + "id/dataset/none", "--store", store_path, "--lang", "fr"]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: aucune mesure de qualité pour <{BASE}id/dataset/none> : aucune notice de jeu "
        "de données, de service, de publication ou de logiciel de cette IRI n'est chargée\n"
    )


def test_report_per_source_and_centre(store_path):
    _run("rescore", "--store", store_path)
    expected = json.loads(_run("report", "--store", store_path, "--lang", "en", "--json"))
    assert (expected["records"], expected["score"]) == (225, 86)
    out = _run("report", "--store", store_path, "--lang", "en").splitlines()
    assert out[0] == f"{expected['records']} records scored, mean score {expected['score']} %"
    assert out[1:3] == ["", "per source"]
    assert out[3] == (
        "   60 %      28 records  publications.ttl  — most failed: description (28), "
        "keywords (28), known licence (28)"
    )

    def line(group: dict) -> str:
        text = f"  {group['score']:>3} %  {group['records']:>6} records  {group['label']}"
        failing = ", ".join(f"{f['label']} ({f['records']})" for f in group["failing"][:3])
        return text + (f"  — most failed: {failing}" if failing else "")

    assert out[3:] == [line(g) for g in expected["sources"]] + ["", "per data centre"] + [
        line(g) for g in expected["centres"]
    ]
