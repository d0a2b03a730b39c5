"""The gaia-kg command line, run as a user runs it: a subprocess in some folder."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

FIX = Path(__file__).parent / "fixtures" / "load"
GAIA = str(Path(sys.executable).with_name("gaia-kg"))
ID = "https://data.gaia-data.fr/id/"
DATASETS = "SELECT ?d WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> } ORDER BY ?d"


def run(*args, cwd, env=None, check=True):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GAIA_KG_")}
    # the harvest's HTTP cache (and any other) in the test's folder, not the user's
    environ["XDG_CACHE_HOME"] = str(Path(cwd) / ".cache")
    environ.update(env or {}, LANG="C", CI="true")
    proc = subprocess.run(
        [GAIA, *args], cwd=cwd, env=environ, capture_output=True, text=True, timeout=120
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def test_load_defaults_to_var_store_in_the_current_folder(tmp_path):
    out = run("load", str(FIX / "catalogue.ttl"), cwd=tmp_path).stdout
    assert (tmp_path / "var" / "store").is_dir()
    assert "2 loaded, 0 updated, 0 unchanged, 0 rejected" in out
    again = run("load", str(FIX / "catalogue.ttl"), cwd=tmp_path).stdout
    assert "0 loaded, 0 updated, 2 unchanged, 0 rejected" in again


def test_store_option_and_environment(tmp_path):
    run("load", "--store", str(tmp_path / "a"), str(FIX / "catalogue.ttl"), cwd=tmp_path)
    run(
        "load", str(FIX / "catalogue.ttl"), cwd=tmp_path, env={"GAIA_KG_STORE": str(tmp_path / "b")}
    )
    assert (tmp_path / "a").is_dir() and (tmp_path / "b").is_dir()
    assert not (tmp_path / "var").exists()


def test_query_formats(tmp_path):
    run("load", str(FIX / "catalogue.ttl"), cwd=tmp_path)
    as_json = json.loads(run("query", "--format", "json", DATASETS, cwd=tmp_path).stdout)
    assert as_json == {
        "head": {"vars": ["d"]},
        "results": {"bindings": [{"d": {"type": "uri", "value": ID + "dataset/test-aod"}}]},
    }
    rows = list(
        csv.reader(io.StringIO(run("query", "--format", "csv", DATASETS, cwd=tmp_path).stdout))
    )
    assert rows == [["d"], [ID + "dataset/test-aod"]]
    table = run("query", DATASETS, cwd=tmp_path).stdout.splitlines()
    assert table[0].strip() == "d"
    assert table[2].strip() == ID + "dataset/test-aod"
    assert table[3] == "(1 row)"


def test_bad_query_is_a_clear_error(tmp_path):
    proc = run("query", "SELEC ?x", cwd=tmp_path, check=False)
    assert proc.returncode == 1
    assert "Error" in proc.stderr and "Traceback" not in proc.stderr


def test_rejections_are_reported_and_exit_1(tmp_path):
    proc = run(
        "load",
        str(FIX / "catalogue.ttl"),
        str(FIX / "dataset-without-title.ttl"),
        str(FIX / "broken.ttl"),
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 1
    assert "2 loaded, 0 updated, 0 unchanged, 1 rejected" in proc.stdout
    assert ID + "dataset/test-untitled" in proc.stdout
    assert "broken.ttl" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_stats(tmp_path):
    run("load", str(FIX / "catalogue.ttl"), cwd=tmp_path)
    figures = json.loads(run("stats", "--json", cwd=tmp_path).stdout)
    assert figures["records by kind"] == {"data service": 1, "dataset": 1}
    assert figures["records by pole"] == {"aeris": 1}
    assert figures["record graphs"] == 2


MIXED = FIX / "mixed"


def test_a_violation_loads_flagged_and_strict_rejects_it(tmp_path):
    flagged = str(MIXED / "dataset-without-description.ttl")
    proc = run("load", "--no-infer", flagged, cwd=tmp_path)  # exit 0: nothing rejected
    lines = proc.stdout.splitlines()
    assert "1 loaded, 0 updated, 0 unchanged, 0 rejected, 8 warnings" in lines
    assert "0 loaded as they are, 0 loaded with repairs, 1 loaded with defects flagged" in lines
    head = lines.index("Loaded with defects flagged as not conformant (by kind):")
    assert lines[head + 1] == (
        "  ⚑ 1 × dataset: A description (dct:description) is mandatory and must be a text."
    )
    assert lines[head + 2].startswith(
        "      dataset-without-description.ttl: error: the dataset « A dataset without a "
        f"description » <{ID}dataset/test-undescribed>, description (dct:description)"
    )
    strict = run(
        "load", "--no-infer", "--strict", "--store", "s2", flagged, cwd=tmp_path, check=False
    )
    assert strict.returncode == 1
    assert "0 loaded, 0 updated, 0 unchanged, 1 rejected" in strict.stdout


def test_the_summary_names_every_category_in_french(tmp_path):
    proc = run("load", "--no-infer", "--lang", "fr", str(MIXED), cwd=tmp_path, check=False)
    assert proc.returncode == 1  # one record rejected, one file unreadable
    out = proc.stdout.splitlines()
    # plural forms: French 0 and 1 are singular
    assert "4 chargés, 0 mis à jour, 0 inchangé, 1 rejeté, 17 avertissements" in out
    assert (
        "2 chargées telles quelles, 1 chargée avec réparations, 1 chargée avec défauts signalés"
        in out
    )
    assert "réparations : mailto 1" in out
    assert "1 fichier qui n'a donné aucune fiche :" in out
    assert any(line.startswith("  ? organisations.ttl: aucun jeu de données") for line in out)
    assert any(line.startswith("  ✗ ") and "broken.ttl" in line for line in out)
    assert "Traceback" not in proc.stderr


def test_relative_iris_resolve_against_the_base_given(tmp_path):
    (tmp_path / "x.ttl").write_text(
        '<#ds> a <http://www.w3.org/ns/dcat#Dataset> ; <http://purl.org/dc/terms/title> "X"@en .'
    )
    run(
        "load",
        "--no-infer",
        "--base",
        "https://example.org/cat/",
        str(tmp_path / "x.ttl"),
        cwd=tmp_path,
    )
    rows = run("query", "--format", "csv", DATASETS, cwd=tmp_path).stdout.split()
    assert rows == ["d", "https://example.org/cat/x.ttl#ds"]


def test_derived_data_catch_up_after_a_load_killed_before_indexing_and_inference(tmp_path):
    """A load killed after writing its records, during inference or indexing: run again on
    the same files, it finds them unchanged, yet brings the index and inference up to date."""
    import tantivy

    from graph_loader.index import SearchIndex
    from graph_loader.store import EmbeddedStore
    from graph_loader.terms import INFERENCE_GRAPH

    env = {"GAIA_KG_STORE": str(tmp_path / "store")}
    run("load", str(Path(__file__).parent / "fixtures" / "sources" / "iso-minimal-b.xml"),
        cwd=tmp_path, env=env)  # fmt: skip
    # the killed load (another process): its records are written, the index and the
    # inference graph are not
    crash = (
        "import sys\n"
        "from graph_loader.pipeline import load_paths\n"
        "from graph_loader.store import EmbeddedStore\n"
        "store = EmbeddedStore(sys.argv[1])\n"
        "report = load_paths(store, [sys.argv[2]], base_iri=sys.argv[3])\n"
        "store.close()\n"
        "print(report.count('loaded'))\n"
    )
    crashed = subprocess.run(
        [sys.executable, "-c", crash, str(tmp_path / "store"), str(FIX / "catalogue.ttl"),
         ID.removesuffix("id/")],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert crashed.stdout.strip() == "2"
    again = run("load", str(FIX / "catalogue.ttl"), cwd=tmp_path, env=env).stdout
    assert "0 loaded, 0 updated, 2 unchanged, 0 rejected" in again
    index = SearchIndex.open(tmp_path / "index")
    found = {
        iri: index.searcher().search(tantivy.Query.term_query(index.schema, "iri", iri)).count
        for iri in (ID + "dataset/test-aod", ID + "service/test-opendap", ID + "dataset/minimal-b")
    }
    assert found == {iri: 1 for iri in found}
    store = EmbeddedStore(tmp_path / "store", read_only=True)
    try:
        inferred = set(store.graph_triples(INFERENCE_GRAPH))
    finally:
        store.close()
    dcat_resource = ox.NamedNode("http://www.w3.org/ns/dcat#Resource")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for iri in ("dataset/test-aod", "service/test-opendap"):
        assert ox.Triple(ox.NamedNode(ID + iri), rdf_type, dcat_resource) in inferred


def test_each_load_updates_the_index_before_it_returns(tmp_path):
    """The index follows every load in the same run: a record loaded into a store whose index
    is built is found by its words as soon as `gaia-kg load` returns, with the others."""
    from search_support import all_hits

    from graph_loader.index import SearchIndex

    env = {"GAIA_KG_STORE": str(tmp_path / "store")}
    first = run("load", str(FIX / "catalogue.ttl"), cwd=tmp_path, env=env).stdout
    assert f"Index {tmp_path / 'index'}: 2 resources indexed, 0 removed" in first
    record = Path(__file__).parent / "fixtures" / "sources" / "iso-minimal-b.xml"
    second = run("load", str(record), cwd=tmp_path, env=env).stdout
    assert "1 loaded, 0 updated, 0 unchanged, 0 rejected" in second
    assert f"Index {tmp_path / 'index'}: 1 resource indexed, 0 removed" in second
    index = SearchIndex.open(tmp_path / "index")
    assert all_hits(index, {"q": "relevé minimal"}) == [ID + "dataset/minimal-b"]
    assert sorted(all_hits(index, {})) == [
        ID + "dataset/minimal-b", ID + "dataset/test-aod", ID + "service/test-opendap"
    ]  # fmt: skip
