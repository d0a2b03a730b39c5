"""The README's table of issue 22's targets, made from the benchmarks' own figures.

    python bench/load.py --n 100000 --json /tmp/load.json
    python bench/harvest.py --n 10000 --json /tmp/harvest.json
    python bench/search.py --n 1000000 --sparql 0 --json /tmp/search.json
    python bench/table.py /tmp/load.json /tmp/harvest.json /tmp/search.json --readme README.md

Each ``--json`` file holds what its benchmark printed (``"bench"`` names which). This script
prints the table in Markdown, one row a target, and with ``--readme`` writes it into the
README between the markers ``<!-- bench-table -->`` and ``<!-- /bench-table -->``, so that
the figures there are the figures of the runs, not copied by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["rows", "table", "replace_block", "START", "END"]

START, END = "<!-- bench-table -->", "<!-- /bench-table -->"

#: issue 22's targets
LOAD_RATIO = 4.0
WRITTEN_PER_READ = 1.4
HARVEST_RATE = 1000.0
REBUILD_SECONDS = 195.0
REBUILD_MB = 2048.0


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _index_part(f: dict) -> str:
    """What of the load's time the index update took (figures of the benchmark before it
    counted the update in have none)."""
    index = f.get("index_seconds")
    return "" if index is None else f" (the search index update included: {index:.1f} s)"


def _load(f: dict) -> list[tuple[str, str, str]]:
    ratio, per_read = f["seconds"] / f["raw_seconds"], f["written"] / f["read"]
    command = f"`python bench/load.py --n {f['n']}`"
    return [
        (
            f"{command}: `gaia-kg load` end to end against the raw `bulk_load` of the same "
            "N-Triples, same run",
            f"{f['seconds']:.1f} s{_index_part(f)} against {f['raw_seconds']:.1f} s: "
            f"**{ratio:.2f}×** (CPU {f['cpu']:.1f} s); peak RSS {f['rss'] / 2**20:,.0f} MB",
            f"≤ {LOAD_RATIO:g}× ({_met(ratio <= LOAD_RATIO)})",
        ),
        (
            f"{command}: triples written per triple read (provenance and quality included)",
            f"**{per_read:.2f}** ({f['written']:,} for {f['read']:,})",
            f"≤ {WRITTEN_PER_READ:g} ({_met(per_read <= WRITTEN_PER_READ)})",
        ),
    ]


def _harvest(f: dict) -> list[tuple[str, str, str]]:
    rate, fetch = f["n"] / f["seconds"], f["n"] / f["fetch_seconds"]
    return [
        (
            f"`python bench/harvest.py --n {f['n']}`: CSW harvest of ISO 19139 records",
            f"**{rate:,.0f} records/s** (fetching alone {fetch:,.0f}/s; again, all unchanged, "
            f"{f['n'] / f['again_seconds']:,.0f}/s); peak RSS {f['rss'] / 2**20:,.0f} MB, "
            f"largest worker {f['workers_rss'] / 2**20:,.0f} MB",
            f"≥ {HARVEST_RATE:,.0f} records/s ({_met(rate >= HARVEST_RATE)})",
        )
    ]


def _search(f: dict) -> list[tuple[str, str, str]]:
    found = []
    if f.get("rebuild_seconds") is not None:
        seconds, mb = f["rebuild_seconds"], f["rebuild_mb"]
        found.append(
            (
                f"`python bench/search.py --n {f['n']}`: `gaia-kg index rebuild` after the "
                "bulk load",
                f"**{seconds:.1f} s**, peak RSS **{mb:,.0f} MB**",
                f"≤ {REBUILD_SECONDS:g} s ({_met(seconds <= REBUILD_SECONDS)}), ≤ 2 GB "
                f"({_met(mb <= REBUILD_MB)})",
            )
        )
    found.append(
        (
            f"`python bench/search.py --n {f['n']}`: `/api/search`, {f['requests']} requests",
            f"p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms; autocomplete p50 "
            f"{f['autocomplete_p50_ms']:.2f} ms; server RSS {f['server_mb']:,.0f} MB",
            "no worse than before",
        )
    )
    return found


_ROWS = {"load": _load, "harvest": _harvest, "search": _search}


def rows(figures: list[dict]) -> list[tuple[str, str, str]]:
    """The table's rows, ``(what, figure, target)``, for each benchmark's figures in turn."""
    return [row for f in figures for row in _ROWS[f["bench"]](f)]


def table(figures: list[dict]) -> str:
    """The Markdown table of :func:`rows`."""
    lines = ["| benchmark | figure | target (issue 22) |", "|---|---|---|"]
    lines += [f"| {what} | {figure} | {target} |" for what, figure, target in rows(figures)]
    return "\n".join(lines) + "\n"


def replace_block(text: str, block: str) -> str:
    """``text`` with what lies between :data:`START` and :data:`END` replaced by ``block``;
    ValueError when the markers are missing."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"no {START} … {END} block to replace")
    return text[: start + len(START)] + "\n" + block + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", nargs="+", type=Path, help="--json files of the benchmarks")
    parser.add_argument("--readme", type=Path, help="write the table into this README")
    args = parser.parse_args(argv)
    figures = [json.loads(p.read_text("utf-8")) for p in args.figures]
    unknown = [f.get("bench") for f in figures if f.get("bench") not in _ROWS]
    if unknown:
        parser.error(f"not the figures of bench/load.py, harvest.py or search.py: {unknown}")
    made = table(figures)
    print(made, end="")
    if args.readme:
        args.readme.write_text(replace_block(args.readme.read_text("utf-8"), made), "utf-8")
        print(f"{args.readme}: table written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
