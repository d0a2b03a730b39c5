"""bench/table.py: the README's table of issue 22's targets made from the benchmarks' figures,
and written between its markers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import table  # noqa: E402

LOAD = {
    "bench": "load",
    "n": 100000,
    "raw_seconds": 12.0,
    "seconds": 90.0,
    "cpu": 150.0,
    "read": 2898885,
    "written": 4000000,
    "rss": 1500 * 2**20,
}
HARVEST = {
    "bench": "harvest",
    "n": 10000,
    "fetch_seconds": 4.0,
    "seconds": 8.0,
    "again_seconds": 5.0,
    "read": 760000,
    "written": 788058,
    "rss": 250 * 2**20,
    "workers_rss": 100 * 2**20,
}
SEARCH = {
    "bench": "search",
    "n": 1000000,
    "rebuild_seconds": 190.0,
    "rebuild_mb": 2100.0,
    "requests": 200,
    "p50_ms": 32.7,
    "p95_ms": 112.2,
    "autocomplete_p50_ms": 0.78,
    "server_mb": 128.0,
}


def test_the_table_has_a_row_a_target_with_the_figures_and_whether_each_is_met():
    assert table.table([LOAD, HARVEST, SEARCH]) == (
        "| benchmark | figure | target (issue 22) |\n"
        "|---|---|---|\n"
        "| `python bench/load.py --n 100000`: `gaia-kg load` end to end against the raw "
        "`bulk_load` of the same N-Triples, same run | 90.0 s against 12.0 s: **7.50×** (CPU "
        "150.0 s); peak RSS 1,500 MB | ≤ 4× (**not met**) |\n"
        "| `python bench/load.py --n 100000`: triples written per triple read (provenance and "
        "quality included) | **1.38** (4,000,000 for 2,898,885) | ≤ 1.4 (met) |\n"
        "| `python bench/harvest.py --n 10000`: CSW harvest of ISO 19139 records | **1,250 "
        "records/s** (fetching alone 2,500/s; again, all unchanged, 2,000/s); peak RSS 250 MB, "
        "largest worker 100 MB | ≥ 1,000 records/s (met) |\n"
        "| `python bench/search.py --n 1000000`: `gaia-kg index rebuild` after the bulk load | "
        "**190.0 s**, peak RSS **2,100 MB** | ≤ 195 s (met), ≤ 2 GB (**not met**) |\n"
        "| `python bench/search.py --n 1000000`: `/api/search`, 200 requests | p50 32.7 ms, p95 "
        "112.2 ms; autocomplete p50 0.78 ms; server RSS 128 MB | no worse than before |\n"
    )


def test_the_load_row_says_what_the_index_update_took_when_the_run_measured_it():
    with_index = {**LOAD, "seconds": 108.0, "index_seconds": 18.0}
    assert table.rows([with_index])[0] == (
        "`python bench/load.py --n 100000`: `gaia-kg load` end to end against the raw "
        "`bulk_load` of the same N-Triples, same run",
        "108.0 s (the search index update included: 18.0 s) against 12.0 s: **9.00×** (CPU "
        "150.0 s); peak RSS 1,500 MB",
        "≤ 4× (**not met**)",
    )


def test_a_search_run_that_reused_its_index_has_no_rebuild_row():
    reused = {**SEARCH, "rebuild_seconds": None}
    assert [what for what, _, _ in table.rows([reused])] == [
        "`python bench/search.py --n 1000000`: `/api/search`, 200 requests"
    ]


def test_the_readme_block_between_the_markers_is_replaced_and_the_rest_kept():
    text = f"# Title\n\nbefore\n{table.START}\nold table\n{table.END}\nafter\n"
    assert table.replace_block(text, "| new |\n") == (
        f"# Title\n\nbefore\n{table.START}\n| new |\n{table.END}\nafter\n"
    )
    with pytest.raises(ValueError, match="bench-table"):
        table.replace_block("no markers\n", "| new |\n")


def test_the_command_writes_the_table_into_the_readme(tmp_path, capsys):
    files = []
    for figures in (LOAD, HARVEST):
        path = tmp_path / f"{figures['bench']}.json"
        path.write_text(json.dumps(figures), "utf-8")
        files.append(str(path))
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{table.START}\n{table.END}\nend\n", "utf-8")
    assert table.main([*files, "--readme", str(readme)]) == 0
    made = table.table([LOAD, HARVEST])
    assert readme.read_text("utf-8") == f"intro\n{table.START}\n{made}{table.END}\nend\n"
    assert capsys.readouterr().out == made


def test_figures_of_another_kind_are_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"bench": "sparql"}), "utf-8")
    with pytest.raises(SystemExit):
        table.main([str(path)])
