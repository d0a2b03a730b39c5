"""A large DataCite JSON record (bench/datacite_large.py's generator) loads whole: one
record, every item of its long lists, nothing lost or merged, and the same content hash as
the plain hash of its sorted statements."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest
from helpers import BASE

from graph_loader.backends import open_store
from graph_loader.pipeline import load_paths
from graph_loader.records import lines_hash

BENCH = Path(__file__).resolve().parents[1] / "bench" / "datacite_large.py"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("bench_datacite_large", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_record_with_thousands_of_creators_loads_whole(generator, tmp_path):
    record = generator.large_record("creators", 4000)
    record["subjects"] = generator.large_record("subjects", 3000)["subjects"]
    path = tmp_path / "large.json"
    path.write_text(json.dumps(record))
    assert path.stat().st_size > 1_000_000
    store = open_store(":memory:")
    report = load_paths(store, [path], base_iri=BASE)
    assert not report.file_errors
    assert [(o.kind, o.status) for o in report.outcomes if o.kind != "source"] == [
        ("dataset", "loaded")
    ]
    rows = store.select(
        f"""SELECT (COUNT(DISTINCT ?creator) AS ?creators) (COUNT(DISTINCT ?name) AS ?names) ?d
            WHERE {{ ?d <{DCT}creator> ?creator . OPTIONAL {{ ?creator <{FOAF}name> ?name }} }}
            GROUP BY ?d"""
    )
    assert [(int(r["creators"].value), int(r["names"].value)) for r in rows] == [(4000, 4000)]
    # the DOI's IRI (a digest suffix keeps DOIs that differ only by case apart)
    assert rows[0]["d"].value.startswith(BASE + "id/dataset/10.5072-bench-large-")
    keywords = store.select(
        "SELECT (COUNT(DISTINCT ?k) AS ?n) WHERE { ?d <http://www.w3.org/ns/dcat#keyword> ?k }"
    )
    assert int(keywords[0]["n"].value) == 3000


def test_the_content_hash_is_the_hash_of_the_joined_lines():
    lines = [f"<http://example.org/s{i}> <http://example.org/p> {i} ." for i in range(10_000)]
    expected = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    assert [lines_hash(lines), lines_hash(lines, chunk=7), lines_hash([])] == [
        expected,
        expected,
        hashlib.sha256(b"").hexdigest(),
    ]
