"""Where a rebuild of the search index spills the store's scan (about 2 GB at a million
datasets): beside the index, on the disk sized for the data, not in the system's temporary
folder (often a tmpfs, which would hold it in memory); what a killed rebuild left there is
removed by the next one; and a rebuild that cannot write it (here: a file size limit, as a
full disk) fails with a clear error and leaves the index as it was."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph_loader.bootstrap import initialise
from graph_loader.index import SearchIndex, index_stats, rebuild
from graph_loader.paths import demo_dir
from graph_loader.pipeline import load_paths
from graph_loader.store import EmbeddedStore

GAIA_KG = str(Path(sys.executable).parent / "gaia-kg")
BASE = "https://data.gaia-data.fr/"
DATASET = "http://www.w3.org/ns/dcat#Dataset"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
COUNT = f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a <{DATASET}> }}"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory) -> Path:
    """The demo catalogue in a closed on-disk store (232 searchable resources)."""
    path = tmp_path_factory.mktemp("spill") / "store"
    store = EmbeddedStore(path)
    list(initialise(store, infer=False, quiet=True))
    load_paths(store, sorted(demo_dir().glob("*.ttl")), base_iri=BASE)
    store.close()
    return path


def test_a_rebuild_spills_beside_the_index_and_not_in_the_temporary_folder(
    demo_store, tmp_path, monkeypatch
):
    system = tmp_path / "system-tmp"
    system.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    data = tmp_path / "data"
    data.mkdir()
    seen: list[tuple[list[str], list[str]]] = []

    def progress(done: int, total: int, stage: str) -> None:
        if stage == "read":  # while the scans are read: what each folder holds
            seen.append((sorted(p.name for p in data.iterdir()), sorted(system.iterdir())))

    store = EmbeddedStore(demo_store, read_only=True)
    report = rebuild(SearchIndex.open(data / "index"), store, progress=progress)
    assert report.documents == 232
    assert seen, "no progress while reading"
    spills = {names[0] for names, _ in seen}
    assert len(spills) == 1 and re.fullmatch(r"\.index-scan-\w+", spills.pop()), seen
    assert {(tuple(names[1:]), tuple(tmp)) for names, tmp in seen} == {(("index",), ())}
    assert sorted(p.name for p in data.iterdir()) == ["index"]  # the spill removed at the end


def test_a_rebuild_removes_what_a_killed_one_left_beside_its_index(demo_store, tmp_path):
    left = tmp_path / ".index-scan-killed"
    left.mkdir()
    (left / "scan-12.tsv").write_text("?r\t?v\n<a>\t<b>\n", "utf-8")
    other = tmp_path / ".other-scan-running"  # another index's spill: not this rebuild's
    other.mkdir()
    store = EmbeddedStore(demo_store, read_only=True)
    assert rebuild(SearchIndex.open(tmp_path / "index"), store).documents == 232
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other-scan-running", "index"]


def _small_files() -> None:
    """In the child: no file may grow past 8 KB (writing more fails with EFBIG, as on a full
    disk; Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


def test_a_rebuild_that_cannot_write_its_scan_fails_clearly_and_keeps_the_index(
    demo_store, tmp_path
):
    index = tmp_path / "index"
    command = [GAIA_KG, "index", "rebuild", "--store", str(demo_store), "--index", str(index)]
    first = subprocess.run([*command, "--lang", "en"], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = index_stats(SearchIndex.open(index))
    failed = subprocess.run(
        [*command, "--lang", "en"], capture_output=True, text=True, preexec_fn=_small_files
    )
    assert (failed.returncode, failed.stdout) == (1, "")
    error = "File too large (os error 27)"
    assert failed.stderr == (
        f"Error: the search index {index} was not rebuilt, and is left as it was: {error}; "
        f"its rebuild writes the store's scan in {tmp_path} (about 2 GB a million datasets) "
        f"/ l'index de recherche {index} n'a pas été reconstruit et reste tel quel : {error} "
        f"; sa reconstruction écrit la lecture de l'entrepôt dans {tmp_path} (environ 2 Go par "
        f"million de jeux de données)\n"
    )
    after = index_stats(SearchIndex.open(index))
    assert after == before and after["documents"] == 232
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]  # no spill left behind


def test_a_load_whose_index_cannot_be_rebuilt_still_loads_and_warns(tmp_path):
    # an index named so long that its spill folder (".<name>-scan-<8 characters>") cannot be
    # made (the file system's 255 bytes for a name): a real error of the system, as a full disk
    index = tmp_path / ("i" * 248)
    record = sorted(demo_dir().glob("*.ttl"))[0]
    env = {**os.environ, "GAIA_KG_INDEX": str(index)}
    store = ["--store", str(tmp_path / "store"), "--lang", "en"]
    loaded = subprocess.run(
        [GAIA_KG, "load", *store, str(record)], capture_output=True, text=True, env=env
    )
    assert loaded.returncode == 0, loaded.stderr
    spill = re.escape(str(tmp_path / f".{index.name}-scan-")) + r"\w+"
    error = re.escape("File name too long (") + spill + re.escape(")")
    said = re.escape(f"the search index {index} was not rebuilt, and is left as it was: ")
    said += error + re.escape(f"; its rebuild writes the store's scan in {tmp_path} (about 2 GB ")
    said += re.escape(f"a million datasets) / l'index de recherche {index} n'a pas été ")
    said += re.escape("reconstruit et reste tel quel : ") + error
    said += re.escape(f" ; sa reconstruction écrit la lecture de l'entrepôt dans {tmp_path} ")
    said += re.escape("(environ 2 Go par million de jeux de données)")
    warning = re.fullmatch(  # the run's last line: the whole warning
        re.escape("warning: ") + said + re.escape(" (`gaia-kg index rebuild`)\n"),
        loaded.stderr.splitlines(keepends=True)[-1],
    )
    assert warning, loaded.stderr
    counted = subprocess.run(
        [GAIA_KG, "query", *store[:2], "--format", "csv", COUNT], capture_output=True, text=True
    )
    assert counted.returncode == 0, counted.stderr
    datasets = {  # the records were loaded all the same: every dataset of the file
        q.subject
        for q in ox.parse(path=str(record), format=ox.RdfFormat.TURTLE)
        if q.predicate == ox.NamedNode(RDF_TYPE) and q.object == ox.NamedNode(DATASET)
    }
    assert counted.stdout == f"n\n{len(datasets)}\n" and datasets
