"""``gaia-kg vocab load`` and ``gaia-kg vocab stats``, run as a user runs them (subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from helpers import corpus_file
from rdflib.namespace import RDF, SKOS

from graph_loader.paths import vocabularies_dir
from graph_loader.vocab import slugify

GAIA = rdflib.Namespace("https://w3id.org/gaia-kg/ontology#")
VOCAB_GRAPH = "https://w3id.org/gaia-kg/graph/vocabulary/"
AOD = "https://gcmd.earthdata.nasa.gov/kms/concept/61c3b720-abc8-4430-866c-f1da35d2cd0b"
GAIA_KG = str(Path(sys.executable).with_name("gaia-kg"))


def run(*args, cwd, check=True):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GAIA_KG_")}
    environ.update(LANG="C", CI="true")
    proc = subprocess.run(
        [GAIA_KG, *args], cwd=cwd, env=environ, capture_output=True, text=True, timeout=120
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def _gcmd(name: str) -> Path:
    return corpus_file("gcmd", f"{name}.rdf")


def _closure(graph: rdflib.Graph) -> set[tuple]:
    """broaderTransitive pairs, computed in Python from broader and inverse narrower."""
    parents: dict = {}
    edges = set(graph.subject_objects(SKOS.broader))
    edges |= {(n, b) for b, n in graph.subject_objects(SKOS.narrower)}
    for narrow, broad in edges:
        if isinstance(narrow, rdflib.URIRef) and isinstance(broad, rdflib.URIRef):
            parents.setdefault(narrow, set()).add(broad)
    pairs = set()
    for concept in parents:
        todo, seen = list(parents[concept]), set()
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(parents.get(node, ()))
        pairs |= {(concept, ancestor) for ancestor in seen}
    return pairs


def _query_count(store: Path, sparql: str, tmp_path: Path) -> int:
    out = run("query", "--store", str(store), "--format", "json", sparql, cwd=tmp_path).stdout
    (row,) = json.loads(out)["results"]["bindings"]
    return int(row["n"]["value"])


@pytest.mark.parametrize("name", ["sciencekeywords", "platforms"])
def test_vocab_load_writes_the_file_and_its_closure_idempotently(name, tmp_path):
    path = _gcmd(name)
    expected = rdflib.Graph().parse(path, format="xml")
    concepts = set(expected.subjects(RDF.type, SKOS.Concept))
    store = tmp_path / "store"
    first = run("vocab", "load", str(path), "--store", str(store), cwd=tmp_path).stdout
    assert f"vocabulary {name}: {len(concepts)} concepts" in first
    assert f"{len(expected)} triples read" in first
    stats = json.loads(
        run(
            "vocab", "stats", "--vocabulary", name, "--store", str(store), "--json", cwd=tmp_path
        ).stdout
    )
    assert stats["graph"] == VOCAB_GRAPH + name
    assert stats["concepts"] == len(concepts)
    pairs = _closure(expected)
    has_broader = {c for c, _ in pairs}
    assert stats["top_concepts"] == {
        str(top).rsplit("/", 1)[1]: sum(1 for c in concepts if (c, top) in pairs)
        for top in concepts - has_broader
    }
    graph = f"<{VOCAB_GRAPH}{name}>"
    closure = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + graph + " { ?c "
        "<http://www.w3.org/2004/02/skos/core#broaderTransitive> ?a } }"
    )
    assert _query_count(store, closure, tmp_path) == len(_closure(expected))
    total = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH " + graph + " { ?s ?p ?o } }"
    count = _query_count(store, total, tmp_path)
    second = run("vocab", "load", str(path), "--store", str(store), cwd=tmp_path).stdout
    assert second.split(" in ")[0] == first.split(" in ")[0]  # same counts, other seconds
    assert _query_count(store, total, tmp_path) == count


def test_a_gcmd_variable_has_its_whole_chain_as_broader_transitive(tmp_path):
    path = _gcmd("sciencekeywords")
    store = tmp_path / "store"
    run("vocab", "load", str(path), "--name", "GCMD Science", "--store", str(store), cwd=tmp_path)
    sparql = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?label WHERE { GRAPH <" + VOCAB_GRAPH + "gcmd-science> {\n"
        "  <" + AOD + "> skos:broaderTransitive ?a . ?a skos:prefLabel ?label } } ORDER BY ?label"
    )
    out = run("query", "--store", str(store), "--format", "json", sparql, cwd=tmp_path).stdout
    labels = [row["label"]["value"] for row in json.loads(out)["results"]["bindings"]]
    assert labels == ["AEROSOLS", "ATMOSPHERE", "EARTH SCIENCE", "Science Keywords"]


def _expected_stats() -> dict:
    """vocab stats of the GAIA thesaurus, computed from the Turtle file with rdflib."""
    graph = rdflib.Graph().parse(vocabularies_dir() / "gaia-thesaurus.ttl")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    levels = {
        name: len(set(graph.subjects(RDF.type, GAIA[cls])))
        for name, cls in [
            ("compartment", "Compartment"),
            ("sub-domain", "SubDomain"),
            ("variable", "Variable"),
        ]
    }
    tops = {
        str(c).rsplit("/", 1)[1]: sum(
            1 for d in concepts if d != c and c in graph.transitive_objects(d, SKOS.broader)
        )
        for c in concepts
        if graph.value(c, SKOS.broader) is None
    }

    def per_lang(prop) -> dict:
        found = Counter(o.language for c in concepts for o in graph.objects(c, prop))
        return dict(sorted(found.items()))

    return {
        "graph": "https://w3id.org/gaia-kg/graph/thesaurus",
        "concepts": len(concepts),
        "levels": levels,
        "top_concepts": dict(sorted(tops.items())),
        "labels": {
            "prefLabel": per_lang(SKOS.prefLabel),
            "altLabel": per_lang(SKOS.altLabel),
            "hiddenLabel": per_lang(SKOS.hiddenLabel),
        },
        "definitions": per_lang(SKOS.definition),
    }


def test_vocab_stats_of_the_gaia_thesaurus(tmp_path):
    store = str(tmp_path / "store")
    run("init", "--store", store, cwd=tmp_path)
    out = run("vocab", "stats", "--store", store, "--json", cwd=tmp_path).stdout
    expected = _expected_stats()
    assert json.loads(out) == expected
    assert expected["levels"] == {"compartment": 7, "sub-domain": 46, "variable": 128}
    checked = run("vocab", "stats", "--store", store, "--json", "--skosify", cwd=tmp_path).stdout
    assert json.loads(checked) == {**expected, "skosify": []}
    table = run("vocab", "stats", "--store", store, cwd=tmp_path).stdout
    assert "concepts per level:" in table
    french = run("vocab", "stats", "--store", store, "--lang", "fr", cwd=tmp_path).stdout
    assert "concepts par niveau :" in french


def test_vocab_stats_of_a_vocabulary_not_loaded_fails_in_words(tmp_path):
    store = str(tmp_path / "store")
    proc = run(
        "vocab", "stats", "--vocabulary", "nope", "--store", store, cwd=tmp_path, check=False
    )
    assert proc.returncode == 1
    assert f"no vocabulary graph <{VOCAB_GRAPH}nope> in the store" in proc.stderr


def test_slugify():
    assert slugify("GCMD Science Keywords (v9)") == "gcmd-science-keywords-v9"
    assert slugify("Thésaurus  Océans") == "thesaurus-oceans"
