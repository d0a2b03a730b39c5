"""Loading one large DataCite JSON record: time and memory per megabyte, by which list is long.

    python bench/datacite_large.py [--size 2000000] [--lists creators,contributors,subjects]

For each list (creators with ORCID and affiliation, organisational contributors, subjects,
related identifiers, geolocation points, funding references), writes one DataCite JSON record
(the REST API's ``attributes``) of about ``--size`` bytes whose list is that long, and the same
record at twice the size; loads each with ``gaia-kg load``'s pipeline (``load_paths``, in
memory) in a child process, and prints the seconds and peak memory (maxrss) of each, per
megabyte, and the ratio of the doubled size to the single one (2.0: linear). The baseline,
measured in the same run, is the same record's statements written as N-Triples and loaded by
the same pipeline: what the DataCite reader adds.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: one DataCite JSON record, to which the lists are added
BASE = {
    "doi": "10.5072/bench-large",
    "types": {"resourceTypeGeneral": "Dataset", "resourceType": "Dataset"},
    "creators": [{"name": "Bench, Maker", "nameType": "Personal"}],
    "titles": [{"title": "A record with long lists", "lang": "en"}],
    "publisher": "GAIA Data bench",
    "publicationYear": "2026",
    "identifiers": [{"identifierType": "DOI", "identifier": "10.5072/bench-large"}],
    "descriptions": [
        {"description": "Generated to time the DataCite reader.", "descriptionType": "Abstract"}
    ],
    "rightsList": [
        {"rights": "CC BY 4.0", "rightsUri": "https://creativecommons.org/licenses/by/4.0/"}
    ],
}

ORCID = "https://orcid.org/0000-0002-{:04d}-{:04d}"

#: list name -> (field of the record, the i-th item)
LISTS = {
    "creators": (
        "creators",
        lambda i: {
            "nameType": "Personal",
            "name": f"Family{i}, Given{i}",
            "givenName": f"Given{i}",
            "familyName": f"Family{i}",
            "nameIdentifiers": [
                {
                    "nameIdentifier": ORCID.format(i % 10000, i // 10000),
                    "nameIdentifierScheme": "ORCID",
                }
            ],
            "affiliation": [{"name": f"Laboratory {i % 500}"}],
        },
    ),
    "contributors": (
        "contributors",
        lambda i: {
            "nameType": "Organizational",
            "name": f"Group {i}",
            "contributorType": "ResearchGroup",
        },
    ),
    "subjects": ("subjects", lambda i: {"subject": f"keyword {i}", "lang": "en"}),
    "related": (
        "relatedIdentifiers",
        lambda i: {
            "relatedIdentifier": f"10.5072/related.{i}",
            "relatedIdentifierType": "DOI",
            "relationType": "References",
        },
    ),
    "points": (
        "geoLocations",
        lambda i: {
            "geoLocationPoint": {
                "pointLatitude": (i % 180) - 89.5,
                "pointLongitude": (i % 360) - 179.5,
            },
            "geoLocationPlace": f"Place {i}",
        },
    ),
    "funding": (
        "fundingReferences",
        lambda i: {
            "funderName": f"Funder {i}",
            "awardNumber": f"A-{i}",
            "awardTitle": f"Award {i}",
        },
    ),
}


def large_record(name: str, count: int) -> dict:
    """The record whose list ``name`` (a key of :data:`LISTS`) has ``count`` items."""
    field, item = LISTS[name]
    return {**BASE, field: [item(i) for i in range(count)]}


def record_of_size(name: str, size: int) -> bytes:
    """A record of about ``size`` bytes of JSON, grown by its list ``name``."""
    one = len(json.dumps(large_record(name, 2))) - len(json.dumps(large_record(name, 1)))
    return json.dumps(large_record(name, max(1, size // one))).encode()


def _child(path: str) -> None:
    """Load ``path`` in memory; print seconds, maxrss (MB), statements read."""
    from graph_loader.bootstrap import initialise
    from graph_loader.pipeline import load_paths
    from graph_loader.store import EmbeddedStore

    store = EmbeddedStore(None)
    list(initialise(store))
    started = time.perf_counter()
    report = load_paths(store, [path], base_iri="https://data.gaia-data.fr/")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak": peak, "read": report.triples_read}))


def measure(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def as_ntriples(data: bytes, folder: Path) -> Path:
    """The statements the DataCite reader makes of ``data``, as an N-Triples file."""
    import pyoxigraph as ox

    from graph_loader.formats import read_document

    _, quads = read_document(data, name="record.json", mint_base="https://data.gaia-data.fr/")
    path = folder / "record.nt"
    path.write_bytes(ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2_000_000)
    parser.add_argument("--lists", default=",".join(LISTS))
    parser.add_argument("--child")
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child)
        return 0
    print(f"{'list':<13} {'MB':>5} {'s':>7} {'s/MB':>6} {'peak MB':>8} {'MB/MB':>6} "
          f"{'N-Triples s':>11} {'x2 time':>8}")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name in args.lists.split(","):
            results = []
            for size in (args.size, 2 * args.size):
                data = record_of_size(name, size)
                path = folder / "record.json"
                path.write_bytes(data)
                got, base = measure(path), measure(as_ntriples(data, folder))
                mb = len(data) / 1e6
                results.append(got["seconds"])
                print(
                    f"{name:<13} {mb:5.1f} {got['seconds']:7.1f} {got['seconds'] / mb:6.1f} "
                    f"{got['peak']:8.0f} {got['peak'] / mb:6.0f} {base['seconds']:11.1f} "
                    f"{results[-1] / results[0]:8.2f}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
