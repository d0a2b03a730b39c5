"""Big documents prepared by worker processes (graph_loader.load.workers, issue 22 item 2): a
load with workers writes exactly what the in-process load writes, and reports the same."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from helpers import BASE, ROOT

from graph_loader.derived import STORE_STATE_GRAPH
from graph_loader.errors import InputError
from graph_loader.feed import FEED_GRAPH
from graph_loader.jobs import cores
from graph_loader.load import workers
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore
from graph_loader.terms import GENERATED_AT

MIXED = Path(__file__).parent / "fixtures" / "load" / "mixed"
ID = BASE + "id/dataset/"
#: records that name one another (validated in one chunk), a concept no record owns (the
#: file's source record, judged once), a dataset without an IRI (rejected once)
LINKED = f"""
<{BASE}id/catalog/big> a <http://www.w3.org/ns/dcat#Catalog> ;
  <http://purl.org/dc/terms/title> "Big catalogue"@en ;
  <http://www.w3.org/ns/dcat#dataset> <{ID}bench-3> , <{ID}bench-70> .
<{BASE}id/service/big> a <http://www.w3.org/ns/dcat#DataService> ;
  <http://purl.org/dc/terms/title> "Big service"@en ;
  <http://www.w3.org/ns/dcat#servesDataset> <{ID}bench-100> .
<http://example.org/concept/x> a <http://www.w3.org/2004/02/skos/core#Concept> ;
  <http://www.w3.org/2004/02/skos/core#prefLabel> "x"@en .
_:anonymous a <http://www.w3.org/ns/dcat#Dataset> ;
  <http://purl.org/dc/terms/title> "Without an IRI"@en .
"""


def _folder(tmp_path: Path) -> Path:
    """The mixed fixtures, a small file of 30 datasets, then a big one of 120 (30 of them
    already loaded from the small one: duplicates) with records naming one another."""
    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import write_catalogue

    folder = tmp_path / "records"
    shutil.copytree(MIXED, folder)
    write_catalogue(folder / "a-small.nt", 30)
    write_catalogue(folder / "b-big.nt", 120)
    with (folder / "b-big.nt").open("a", encoding="utf-8") as f:
        f.write(LINKED)
    return folder


def _load(folder: Path, jobs: int) -> tuple[set, dict, dict]:
    store = EmbeddedStore(None)
    report = load_paths(store, [folder], base_iri=BASE, jobs=jobs)
    quads = {
        (g.value, t)
        for g in store.named_graphs()
        if g not in (FEED_GRAPH, STORE_STATE_GRAPH)
        for t in store.graph_triples(g)
        if t.predicate != GENERATED_AT
    }
    said = {
        "outcomes": sorted(report.outcomes, key=lambda o: (o.resource, o.status)),
        "duplicates": sorted(report.duplicates),
        "duplicate_files": report.duplicate_files,
        "keywords": report.keywords,
        "orphans": report.orphan_subjects,
        "written": report.triples_written,
        "summary": report.summary(),
    }
    return quads, said, report.phases


def test_workers_write_and_report_what_the_load_in_process_does(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "MIN_RECORDS", 50)
    monkeypatch.setattr(workers, "CHUNK", 16)
    folder = _folder(tmp_path)
    here, here_said, here_phases = _load(folder, jobs=1)
    there, there_said, there_phases = _load(folder, jobs=2)
    assert "validate (workers)" not in here_phases and "validate (workers)" in there_phases
    assert len(here_said["duplicates"]) == 30
    assert [o.status for o in here_said["outcomes"]].count("rejected") >= 2
    assert there_said == here_said
    assert there == here


def test_a_load_twice_with_workers_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "MIN_RECORDS", 50)
    monkeypatch.setattr(workers, "CHUNK", 16)
    folder = _folder(tmp_path)
    store = EmbeddedStore(None)
    load_paths(store, [folder], base_iri=BASE, jobs=2)
    again = load_paths(store, [folder], base_iri=BASE, jobs=2)
    assert (again.count("loaded"), again.count("updated"), again.triples_written) == (0, 0, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3", 3), ("", cores()), ("0", cores()), ("-1", "0 \\(the cores\\)"),
     ("two", "GAIA_KG_LOAD_JOBS must be a whole number")],
)  # fmt: skip
def test_the_number_of_jobs_comes_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv(workers.JOBS_ENV, value)
    if isinstance(expected, int):
        assert (workers.load_jobs(), workers.load_jobs(1)) == (expected, 1)
    else:
        with pytest.raises(InputError, match=expected):
            workers.load_jobs()
