"""End-to-end load throughput against pyoxigraph's raw bulk load, in the same run.

    python bench/load.py --n 100000 [--profile load.prof]

Generates N synthetic datasets (bench/synthetic.py), then measures, each on a fresh on-disk
store and in a process of its own (so that each peak RSS is its own): (1)
``pyoxigraph.Store.bulk_load`` of the N-Triples file (the baseline), and of the same
statements as N-Quads with a named graph per dataset (what any per-record store pays), (2)
``gaia-kg load``'s pipeline: parse + split into record graphs + SHACL validation + quality +
transactional writes with provenance, then the search index brought up to the store as
``gaia-kg load`` does after it (here: built, the store being new); both are the end-to-end
time (issue 22 counts the index update in). Prints datasets/s, triples/s, the ratio to the raw load,
the triples written per triple read (record statements, provenance, quality) and the peak RSS
of each process, and the CPU seconds of each load (workers included) with their ratio: on a
shared machine a steadier figure than the elapsed time. Medians over --repeat runs.
``--profile FILE`` runs the gaia-kg load once more under cProfile, writes the stats to FILE
and prints their top lines.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rss import own_peak  # noqa: E402
from synthetic import write_catalogue  # noqa: E402

from graph_loader.index import SearchIndex  # noqa: E402
from graph_loader.index.follow import follow  # noqa: E402
from graph_loader.pipeline import load_paths  # noqa: E402
from graph_loader.store import EmbeddedStore  # noqa: E402

#: the quality triples of the record graphs: gq:fails, or the DQV measurements of versions
#: before the compact form (to measure both in the same way)
_QUALITY = """SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o
  FILTER((?s = ?g && ?p = <https://w3id.org/gaia-kg/quality#fails>)
         || STRSTARTS(STR(?s), CONCAT(STR(?g), "#quality-"))
         || ?p = <http://www.w3.org/ns/dqv#hasQualityMeasurement>) } }"""


#: the bound tests/test_quality.py holds the loader to (issue 22), provenance included
WRITTEN_PER_READ = 1.40


def cpu_seconds() -> float:
    """CPU seconds of this process (every thread) and of its children that ended (workers):
    less hostage to a shared machine than the elapsed time."""
    return sum(
        u.ru_utime + u.ru_stime
        for u in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def raw_bulk_load(path: Path, workdir: Path, fmt: str) -> dict:
    store = ox.Store(str(workdir))
    started, cpu = time.perf_counter(), cpu_seconds()
    store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, fmt))
    store.flush()
    return {"seconds": time.perf_counter() - started, "cpu": cpu_seconds() - cpu}


def pipeline_load(
    path: Path, workdir: Path, profile: str | None = None, jobs: int | None = None
) -> dict:
    store = EmbeddedStore(workdir)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu = time.perf_counter(), cpu_seconds()
    report = load_paths(store, [path], base_iri="https://data.gaia-data.fr/", jobs=jobs)
    loaded = time.perf_counter()
    follow(SearchIndex.open(workdir.parent / f"{workdir.name}-index"), store)  # as the CLI
    index_seconds = time.perf_counter() - loaded
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu  # the workers have ended
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    quality = store.select(_QUALITY)
    provenance = store.select(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g ?p ?o } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/gaia-kg/graph/record/') "
        "&& ?p != <https://w3id.org/gaia-kg/quality#fails>) }"
    )
    store.close()
    return {
        "seconds": seconds,
        "index_seconds": index_seconds,
        "cpu": cpu,
        "loaded": report.count("loaded"),
        "read": report.triples_read,
        "written": report.triples_written,
        "quality": int(quality[0]["n"].value),
        "provenance": int(provenance[0]["n"].value),
        "phases": report.phases,
    }


def _child(queue, fn, args) -> None:
    found = fn(*args)
    found["rss"] = own_peak()  # its own, not the peak of this bench's process (bench/rss.py)
    queue.put(found)


def in_process(fn, *args) -> dict:
    """``fn(*args)`` in a fresh process; its result with the peak RSS of that process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child, args=(queue, fn, args))
    child.start()
    found = queue.get()
    child.join()
    return found


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def print_profile(path: str, top: int = 25) -> None:
    import pstats

    print(f"\ncProfile of the gaia-kg load ({path}), top {top} by own time:")
    pstats.Stats(path, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="datasets [10000]")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, median [1]")
    parser.add_argument("--profile", help="cProfile the gaia-kg load into this file")
    parser.add_argument("--json", type=Path, help="write the figures here (bench/table.py)")
    parser.add_argument(
        "--jobs",
        type=int,
        action="append",
        help="worker processes of the gaia-kg load (repeat to compare, e.g. --jobs 1 --jobs 2)"
        " [GAIA_KG_LOAD_JOBS, else the cores]",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nt, nq = tmp / "catalogue.nt", tmp / "catalogue.nq"
        triples = write_catalogue(nt, args.n)
        write_catalogue(nq, args.n, graphs=True)
        print(f"{args.n} datasets, {triples} triples ({triples / args.n:.1f} per dataset)")
        settings = args.jobs or [None]
        raw, raw_graphs, runs = [], [], {jobs: [] for jobs in settings}
        for r in range(args.repeat):
            raw.append(in_process(raw_bulk_load, nt, tmp / f"raw{r}", "N_TRIPLES"))
            raw_graphs.append(in_process(raw_bulk_load, nq, tmp / f"rawq{r}", "N_QUADS"))
            for jobs in settings:
                work = tmp / f"gaia{r}-{jobs}"
                runs[jobs].append(in_process(pipeline_load, nt, work, None, jobs))
        raw_s = statistics.median(x["seconds"] for x in raw)
        raw_cpu = statistics.median(x["cpu"] for x in raw)
        graphs_s = statistics.median(x["seconds"] for x in raw_graphs)
        print(
            f"raw pyoxigraph bulk_load   : {raw_s:8.2f} s  {triples / raw_s:10.0f} triples/s"
            f"  {args.n / raw_s:8.0f} datasets/s  peak RSS {_mb(max(x['rss'] for x in raw))}"
            f"  (N-Triples, default graph; CPU {raw_cpu:.2f} s)"
        )
        print(
            f"  same, a graph per dataset: {graphs_s:8.2f} s  {triples / graphs_s:10.0f} "
            f"triples/s  {args.n / graphs_s:8.0f} datasets/s  peak RSS "
            f"{_mb(max(x['rss'] for x in raw_graphs))}  (N-Quads)"
        )
        for jobs, ours in runs.items():
            last = ours[-1]
            ours_s = statistics.median(x["seconds"] for x in ours)
            ours_cpu = statistics.median(x["cpu"] for x in ours)
            index_s = statistics.median(x["index_seconds"] for x in ours)
            named = "gaia-kg load" + (f" --jobs {jobs}" if jobs else "")
            print(
                f"{named + ' (end to end)':27}: {ours_s:8.2f} s  {triples / ours_s:10.0f} "
                f"triples/s  {args.n / ours_s:8.0f} datasets/s  peak RSS "
                f"{_mb(max(x['rss'] for x in ours))}  ({last['loaded']} records; of which "
                f"the index update {index_s:.2f} s)"
            )
            print(
                f"ratio gaia-kg / raw        : {ours_s / raw_s:8.2f}x slower "
                f"({ours_s / graphs_s:.2f}x against the raw load into a graph per dataset); "
                f"CPU {ours_cpu:.2f} s, {ours_cpu / raw_cpu:.2f}x the raw load's"
            )
            # "validate (workers)": the seconds validating, summed over the workers
            phases = ", ".join(f"{k} {v:.1f} s" for k, v in last["phases"].items())
            print(f"gaia-kg phases (last run)  : {phases}")
        read, written = last["read"], last["written"]
        statements = written - last["provenance"] - last["quality"]
        print(
            f"triples written / read     : {written / read:8.2f}  (target <= "
            f"{WRITTEN_PER_READ:.2f}; {written} written for {read} read: record statements "
            f"{statements / read:.2f}, provenance "
            f"{last['provenance'] / read:.2f}, quality {last['quality'] / read:.2f})"
        )
        if args.json:
            ours = runs[settings[-1]]
            figures = {
                "bench": "load",
                "n": args.n,
                "raw_seconds": raw_s,
                "seconds": statistics.median(x["seconds"] for x in ours),
                "index_seconds": statistics.median(x["index_seconds"] for x in ours),
                "cpu": statistics.median(x["cpu"] for x in ours),
                "read": read,
                "written": written,
                "rss": max(x["rss"] for x in ours),
            }
            args.json.write_text(json.dumps(figures, indent=1), "utf-8")
        if args.profile:  # a run of its own: cProfile slows the load down
            profiled = in_process(pipeline_load, nt, tmp / "profiled", args.profile, settings[-1])
            print(f"\nprofiled gaia-kg load: {profiled['seconds']:.2f} s under cProfile")
            print_profile(args.profile)


if __name__ == "__main__":
    main()
