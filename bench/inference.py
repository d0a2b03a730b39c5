"""Benchmark: rebuild the inference graph over N synthetic datasets, one named graph each.

Usage: ``.venv/bin/python bench/inference.py [N ...]`` (default 10000). Each size runs on a
fresh in-memory store holding the project graphs (ontology, thesaurus, organisations) and N
record graphs from bench/synthetic.py; prints triples in, triples inferred per rule, seconds.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_catalogue  # noqa: E402

from graph_loader.bootstrap import initialise  # noqa: E402
from graph_loader.inference import rebuild_inference  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402
from graph_loader.terms import GRAPHS_NS, INFERENCE_GRAPH  # noqa: E402

RECORD = "https://data.gaia-data.fr/id/dataset/bench-"


def record_quads(path: Path):
    """Quads of the catalogue, each dataset (and its nodes) in its own record graph."""
    graph = ox.NamedNode(GRAPHS_NS + "record/bench/0")
    for triple in (q.triple for q in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES)):
        subject = triple.subject.value
        if isinstance(triple.subject, ox.NamedNode) and subject.startswith(RECORD):
            graph = ox.NamedNode(GRAPHS_NS + "record/bench/" + subject[len(RECORD) :])
        yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)


def run(n: int) -> None:
    store = EmbeddedStore(None)
    list(initialise(store, infer=False))  # ontology, thesaurus, organisations
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalogue.nt"
        write_catalogue(path, n)
        store.raw.bulk_extend(record_quads(path))
    size = store.triple_count()
    start = time.perf_counter()
    report = rebuild_inference(store)
    elapsed = time.perf_counter() - start
    inferred = store.triple_count(INFERENCE_GRAPH)
    print(f"{n} datasets, {size} quads: {report}; {inferred} written; {elapsed:.2f} s wall")


def main() -> None:
    for n in [int(a) for a in sys.argv[1:]] or [10_000]:
        run(n)


if __name__ == "__main__":
    main()
