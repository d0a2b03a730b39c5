"""Harvest throughput: CSW paging + ISO 19139 conversion + keyword linking + SHACL + load.

    python bench/harvest.py --n 10000

Generates N ISO 19139 records (bilingual PT_FreeText titles and abstracts, a thesaurus keyword,
bbox, temporal extent, contact, licence, a download link), serves them from a CSW 2.0.2
endpoint on 127.0.0.1 (50 records a page), and measures on a fresh on-disk store, in one run:

1. fetch only: the CSW source paging through every record (the I/O baseline);
2. ``gaia-kg harvest``: fetch + convert + link + validate + write, batches converted by
   ``--jobs`` worker processes (default: $GAIA_KG_LOAD_JOBS, else the number of cores) while
   the next pages are fetched;
3. the same harvest again: every record unchanged (skipped by its datestamp, not converted);
4. with ``--files``: ``gaia-kg load`` of the same N records written as files.

Prints records/s of each, the ratio of each to fetch-only in the same run, the triples
written per triple read, and the peak RSS of the harvest process (run in a process of its
own) and of its largest worker. Medians over --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import httpx
from rss import ChildrenPeak, own_peak

from graph_loader.bootstrap import initialise
from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig
from graph_loader.harvest.convert import default_jobs
from graph_loader.pipeline import load_paths
from graph_loader.sources.csw import CSWSource
from graph_loader.store import EmbeddedStore

BASE = "https://data.gaia-data.fr/"
PAGE = 50
KEYWORDS = [
    "Sea surface temperature",
    "Aerosol optical depth",
    "Ozone",
    "Snow cover",
    "Chlorophyll-a",
    "Precipitation",
    "Soil moisture",
    "Wind speed",
    "Land cover",
    "Methane",
]
CENTRES = ["SEDOO", "ICARE", "SEANOE", "CDS-THEIA", "FORM@TER", "PNDB"]
WORDS = ["ocean", "coast", "aerosol", "snow", "forest", "rain", "glacier", "soil", "lake"]
#: one ISO 19139 record with {placeholders} (str.format)
TEMPLATE = (Path(__file__).parent / "data" / "iso19139-record.xml").read_text(encoding="utf-8")


def record(i: int, rng: random.Random) -> str:
    """The ISO 19139 XML of record ``i``."""
    west = round(rng.uniform(-180, 150), 2)
    south = round(rng.uniform(-90, 60), 2)
    start = rng.randint(1980, 2015)
    keyword = KEYWORDS[i % len(KEYWORDS)]
    centre = CENTRES[i % len(CENTRES)]
    return TEMPLATE.format(
        id=f"bench-{i:07d}",
        title_fr=f"Série {i} : {keyword.lower()} ({rng.choice(WORDS)})",
        title_en=f"{keyword} series {i} ({rng.choice(WORDS)})",
        abstract_fr=f"Mesures de {keyword.lower()} du centre {centre}, série numéro {i}.",
        abstract_en=f"Measurements of {keyword.lower()} from the {centre} centre, series {i}.",
        keyword=keyword,
        word=rng.choice(WORDS),
        west=west,
        east=round(west + rng.uniform(1, 30), 2),
        south=south,
        north=round(south + rng.uniform(1, 30), 2),
        start=f"{start}-01-01",
        end=f"{start + rng.randint(1, 10)}-12-31",
        stamp=f"2025-{1 + i % 12:02d}-01T10:00:00",
        centre=centre,
        centre_l=centre.lower().replace("@", "a"),
    )


def pages(records: list[str]) -> dict[int, bytes]:
    """GetRecords answers by startPosition, PAGE records each."""
    out = {}
    csw = "http://www.opengis.net/cat/csw/2.0.2"
    for start in range(1, len(records) + 1, PAGE):
        chunk = records[start - 1 : start - 1 + PAGE]
        following = start + len(chunk) if start - 1 + len(chunk) < len(records) else 0
        out[start] = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="{csw}"'
            f' version="2.0.2"><csw:SearchResults numberOfRecordsMatched="{len(records)}"'
            f' numberOfRecordsReturned="{len(chunk)}" nextRecord="{following}">'
            + "".join(chunk)
            + "</csw:SearchResults></csw:GetRecordsResponse>"
        ).encode()
    return out


def serve(answers: dict[int, bytes]) -> tuple[ThreadingHTTPServer, str]:
    """A CSW endpoint on a free port of 127.0.0.1 answering POSTed GetRecords."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            start = int(ElementTree.fromstring(body).get("startPosition", "1"))
            data = answers.get(start, answers[1])
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/csw"


def _harvest_child(queue, path: Path, url: str, jobs: int | None) -> None:
    """Both harvests of the source on a fresh store, in a process of its own (spawned: its
    peak RSS is the harvest's own)."""
    config = SourceConfig("bench", "csw", {"url": url, "page_size": PAGE}, language="fr")
    store = fresh_store(path)
    with httpx.Client(timeout=60) as client, ChildrenPeak() as workers:
        started = time.perf_counter()
        report = harvest(store, config, client=client, base_iri=BASE, jobs=jobs)
        first = time.perf_counter() - started
        started = time.perf_counter()
        second = harvest(store, config, client=client, base_iri=BASE, jobs=jobs)
        again = time.perf_counter() - started
    store.close()
    queue.put(
        {
            "first": first,
            "again": again,
            "counts": report.to_json()["counts"],
            "unchanged": second.count("unchanged"),
            "linked": sum(report.keywords.linked.values()),
            "written": report.triples_written,
            "read": report.triples_read,
            "read_again": second.triples_read,
            "written_again": second.triples_written,
            # their own peaks, not those of the processes that started them (bench/rss.py)
            "rss": own_peak(),
            "workers_rss": workers.peak,  # the largest of the worker processes
        }
    )


def harvest_in_process(path: Path, url: str, jobs: int | None) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_harvest_child, args=(queue, path, url, jobs))
    child.start()
    found = queue.get()
    child.join()
    return found


def fresh_store(path: Path) -> EmbeddedStore:
    store = EmbeddedStore(path)
    list(initialise(store, infer=False, quiet=True))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="ISO 19139 records [10000]")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, median [1]")
    parser.add_argument(
        "--files", action="store_true", help="also time `gaia-kg load` of the records as files"
    )
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes [$GAIA_KG_LOAD_JOBS or cores]"
    )
    parser.add_argument("--json", type=Path, help="write the figures here (bench/table.py)")
    args = parser.parse_args()
    rng = random.Random(42)
    records = [record(i, rng) for i in range(args.n)]
    server, url = serve(pages(records))
    fetch, full, again, files, runs = [], [], [], [], []

    def say(label: str, seconds: float) -> None:
        print(f"  {label:<46} {seconds:8.2f} s  {args.n / seconds:9.0f} records/s", flush=True)

    print(f"{args.n} ISO 19139 records over CSW ({PAGE} a page)", flush=True)
    with tempfile.TemporaryDirectory() as tmp, httpx.Client(timeout=60) as client:
        tmp = Path(tmp)
        folder = tmp / "records"
        folder.mkdir()
        for i, xml in enumerate(records):
            (folder / f"{i:07d}.xml").write_text(xml, encoding="utf-8")
        for r in range(args.repeat):
            started = time.perf_counter()
            n = sum(1 for _ in CSWSource("bench", url, page_size=PAGE).records(client))
            fetch.append(time.perf_counter() - started)
            say("fetch only (CSW paging)", fetch[-1])
            assert n == args.n, n
            run = harvest_in_process(tmp / f"store-{r}", url, args.jobs)
            full.append(run["first"])
            say("harvest: fetch+convert+link+validate+write", full[-1])
            again.append(run["again"])
            say("harvest again (all unchanged)", again[-1])
            assert run["unchanged"] == args.n, run["counts"]
            runs.append(run)
            if args.files:
                store = fresh_store(tmp / f"files-{r}")
                started = time.perf_counter()
                loaded = load_paths(store, [folder], base_iri=BASE)
                files.append(time.perf_counter() - started)
                say("gaia-kg load of the same records as files", files[-1])
                store.close()
                assert loaded.count("loaded") == args.n, loaded.count("rejected")
    server.shutdown()
    last = runs[-1]
    print(f"jobs: {args.jobs or default_jobs()}")
    print(f"first harvest: {last['counts']}")
    print(f"keywords linked: {last['linked']}")
    print(
        f"triples read: {last['read']}, written: {last['written']} "
        f"({last['written'] / max(1, last['read']):.2f} written per triple read, provenance and "
        f"quality included; {last['written'] / args.n:.1f} a record)"
    )
    print(
        f"harvest again: {last['unchanged']} unchanged, {last['read_again']} triples read "
        f"(converted), {last['written_again']} written"
    )
    print(
        f"peak RSS: harvest process {max(x['rss'] for x in runs) / 2**20:,.0f} MB, "
        f"largest worker {max(x['workers_rss'] for x in runs) / 2**20:,.0f} MB"
    )
    f, h, a = (statistics.median(x) for x in (fetch, full, again))
    print(f"medians of {args.repeat} run(s):")
    say("fetch only", f)
    say("harvest", h)
    say("harvest again", a)
    print(f"harvest records/s / fetch-only records/s: {f / h:.2f} (time ratio {h / f:.1f}x)")
    print(f"harvest again records/s / fetch-only records/s: {f / a:.2f} (time ratio {a / f:.1f}x)")
    if files:
        say("file load", statistics.median(files))
        print(f"harvest / file load time: {h / statistics.median(files):.2f}x")
    if args.json:
        figures = {
            "bench": "harvest",
            "n": args.n,
            "fetch_seconds": f,
            "seconds": h,
            "again_seconds": a,
            "read": last["read"],
            "written": last["written"],
            "rss": max(x["rss"] for x in runs),
            "workers_rss": max(x["workers_rss"] for x in runs),
        }
        args.json.write_text(json.dumps(figures, indent=1), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
