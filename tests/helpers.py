"""Helpers shared by the test files: where things are (the tests, the ``../shared`` corpora),
the base IRI of the loads, graphs compared by isomorphism, golden cases, per-record outcomes.

The corpora live beside the clone, in ``../shared/corpora``; the helpers that read them skip
the test cleanly when they are absent (a fresh clone).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph_loader.backends import open_store
from graph_loader.bootstrap import initialise
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
REAL = CORPORA / "real"
BASE = "https://data.gaia-data.fr/"

#: the statuses a harvest report counts, and the counts of one report
HARVEST_COUNTS = ("loaded", "updated", "unchanged", "withdrawn", "rejected")


def fresh_store() -> EmbeddedStore:
    """An in-memory store holding what ``gaia-kg init`` writes (ontology, thesauri), no
    inference."""
    store = EmbeddedStore(None)
    list(initialise(store, infer=False, quiet=True))
    return store


def harvest_counts(report) -> dict[str, int]:
    """``{status: records}`` of a harvest report, every status of ``HARVEST_COUNTS`` present."""
    return {status: report.count(status) for status in HARVEST_COUNTS}


def statuses(**counts: int) -> dict[str, int]:
    """Every status of ``HARVEST_COUNTS`` at 0 but those given: what ``harvest_counts`` of a
    report should be."""
    return dict.fromkeys(HARVEST_COUNTS, 0) | counts


#: marks a test that reads ``../shared/corpora`` (skipped on a fresh clone)
needs_corpora = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is absent")


def as_graph(triples) -> Graph:
    """An rdflib graph of pyoxigraph triples."""
    data = ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


def assert_isomorphic(got: Graph, expected: Graph) -> None:
    """Fails with the triples missing from ``got`` and those beyond ``expected``."""
    if not isomorphic(got, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(
            f"missing:\n{missing.serialize(format='nt')}\nextra:\n{extra.serialize(format='nt')}"
        )


def corpus(*parts: str, glob: str = "*") -> list[Path]:
    """The files of a corpus folder matching ``glob`` (recursively); skips when it is absent."""
    folder = CORPORA.joinpath(*parts)
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (fresh clone): corpus tests skipped")
    return sorted(p for p in folder.rglob(glob) if p.is_file())


def corpus_file(*parts: str) -> Path:
    """A file of the corpora; skips when it is absent."""
    path = CORPORA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{path} is absent (fresh clone): corpus tests skipped")
    return path


def cases(fmt: str) -> list[Path]:
    """The golden case folders of a format (``tests/cases/<fmt>/*``)."""
    return sorted(c for c in (TESTS / "cases" / fmt).iterdir() if c.is_dir())


def assert_case(module, case: Path) -> None:
    """The conversion of ``case/input.*`` is isomorphic to ``case/expected.ttl``."""
    data = next(case.glob("input.*")).read_bytes()
    assert module.sniff(data)
    got = as_graph(module.convert(data, base_iri=BASE))
    assert_isomorphic(got, Graph().parse(case / "expected.ttl"))


def load_outcomes(path: Path, shapes) -> dict:
    """Each record of ``path`` loaded alone into a fresh store: resource -> status or problems;
    a file that cannot be read gives ``{"file": [errors]}``."""
    report = load_paths(open_store(":memory:"), [path], base_iri=BASE, shapes=shapes)
    if report.file_errors:
        return {"file": [e.split(": ", 1)[1] for e in report.file_errors]}
    return {
        o.resource: o.problems if o.status == "rejected" else o.status
        for o in report.outcomes
        if o.kind != "source"
    }
