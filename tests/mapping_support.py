"""Helpers of the converter tests: graphs compared by isomorphism, corpus files, load outcomes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph_loader.backends import open_store
from graph_loader.pipeline import load_paths

HERE = Path(__file__).resolve().parent
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
BASE = "https://data.gaia-data.fr/"


def as_graph(triples: list[ox.Triple]) -> Graph:
    """An rdflib graph of pyoxigraph triples."""
    return Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")


def cases(fmt: str) -> list[Path]:
    """The golden case folders of a format."""
    return sorted(c for c in (HERE / "cases" / fmt).iterdir() if c.is_dir())


def assert_case(module, case: Path) -> None:
    """The conversion of ``case/input.*`` is isomorphic to ``case/expected.ttl``."""
    data = next(case.glob("input.*")).read_bytes()
    assert module.sniff(data)
    got = as_graph(module.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    if not isomorphic(got, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(
            f"missing:\n{missing.serialize(format='nt')}\nextra:\n{extra.serialize(format='nt')}"
        )


def corpus(*parts: str) -> list[Path]:
    """The files of a corpus folder (recursively); skips when ../shared is absent."""
    folder = CORPORA.joinpath(*parts)
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (fresh clone): corpus tests skipped")
    return sorted(p for p in folder.rglob("*") if p.is_file())


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
