"""End-to-end load throughput against pyoxigraph's raw bulk load, in the same run.

    python bench/load.py --n 100000

Generates N synthetic datasets (bench/synthetic.py), then measures, each on a fresh on-disk
store: (1) ``pyoxigraph.Store.bulk_load`` of the N-Triples file (the baseline), and of the same
statements as N-Quads with a named graph per dataset (what any per-record store pays), (2)
``gaia-kg load``'s pipeline: parse + split into record graphs + SHACL validation + transactional
writes with provenance. Prints datasets/s, triples/s, and the ratio. Medians over --repeat runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_catalogue  # noqa: E402

from graph_loader.pipeline import load_paths  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402


def raw_bulk_load(path: Path, workdir: Path, fmt: ox.RdfFormat) -> float:
    store = ox.Store(str(workdir))
    started = time.perf_counter()
    store.bulk_load(path=str(path), format=fmt)
    store.flush()
    return time.perf_counter() - started


def pipeline_load(path: Path, workdir: Path):
    store = EmbeddedStore(workdir)
    started = time.perf_counter()
    report = load_paths(store, [path], base_iri="https://data.gaia-data.fr/")
    store.close()
    seconds = time.perf_counter() - started
    return seconds, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="datasets [10000]")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, median [1]")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nt, nq = tmp / "catalogue.nt", tmp / "catalogue.nq"
        triples = write_catalogue(nt, args.n)
        write_catalogue(nq, args.n, graphs=True)
        print(f"{args.n} datasets, {triples} triples ({triples / args.n:.1f} per dataset)")
        raw, raw_graphs, ours, report = [], [], [], None
        for r in range(args.repeat):
            raw.append(raw_bulk_load(nt, tmp / f"raw{r}", ox.RdfFormat.N_TRIPLES))
            raw_graphs.append(raw_bulk_load(nq, tmp / f"rawq{r}", ox.RdfFormat.N_QUADS))
            seconds, report = pipeline_load(nt, tmp / f"gaia{r}")
            ours.append(seconds)
        loaded, written = report.count("loaded"), report.triples_written
        raw_s, ours_s = statistics.median(raw), statistics.median(ours)
        graphs_s = statistics.median(raw_graphs)
        print(
            f"raw pyoxigraph bulk_load   : {raw_s:8.2f} s  {triples / raw_s:10.0f} triples/s"
            f"  {args.n / raw_s:8.0f} datasets/s  (N-Triples, default graph)"
        )
        print(
            f"  same, a graph per dataset: {graphs_s:8.2f} s  {triples / graphs_s:10.0f} "
            f"triples/s  {args.n / graphs_s:8.0f} datasets/s  (N-Quads)"
        )
        print(
            f"gaia-kg load (end to end)  : {ours_s:8.2f} s  {triples / ours_s:10.0f} triples/s"
            f"  {args.n / ours_s:8.0f} datasets/s  ({loaded} records, {written} triples "
            "written incl. provenance)"
        )
        print(
            f"ratio gaia-kg / raw        : {ours_s / raw_s:8.2f}x slower "
            f"({ours_s / graphs_s:.2f}x against the raw load into a graph per dataset)"
        )
        phases = ", ".join(f"{k} {v:.1f} s" for k, v in report.phases.items())
        print(f"gaia-kg phases (last run)  : {phases}")


if __name__ == "__main__":
    main()
