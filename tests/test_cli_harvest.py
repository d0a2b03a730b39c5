"""``gaia-kg harvest`` and ``gaia-kg sources``, run as a user runs them: subprocesses in a
folder holding ``sources.toml``, one source a folder, one a CSW catalogue on 127.0.0.1."""

from __future__ import annotations

import json
import shutil

from fixture_server import Answer, serve
from source_catalogues import MINIMAL, SOURCE_FIXTURES, CSWCatalogue, iso_records
from test_cli import run


def _declare(folder, csw_url: str) -> None:
    (folder / "records").mkdir()
    for path in MINIMAL[:2]:
        shutil.copy(path, folder / "records" / path.name)
    (folder / "sources.toml").write_text(
        f'[sources.files]\nkind = "directory"\npath = "records"\nlanguage = "fr"\n'
        f'[sources.csw]\nkind = "csw"\nurl = "{csw_url}"\npage_size = 2\nlanguage = "en"\n'
    )


def test_harvest_every_source_then_again(tmp_path):
    records = [xml for _, xml in iso_records(MINIMAL)]
    with serve(CSWCatalogue(records)) as server:
        _declare(tmp_path, f"{server.url}/csw")
        first = run("harvest", "--all", cwd=tmp_path).stdout
        again = run("harvest", "csw", "--json", cwd=tmp_path).stdout
        listed = json.loads(run("sources", "--json", cwd=tmp_path).stdout)
        indexed = json.loads(run("index", "stats", "--json", cwd=tmp_path).stdout)
        (tmp_path / "records" / MINIMAL[0].name).unlink()  # gone upstream: withdrawn
        withdrawn = run("harvest", "files", cwd=tmp_path).stdout
        after = json.loads(run("index", "stats", "--json", cwd=tmp_path).stdout)
    assert "files (directory, full): 2 upstream records" in first
    assert "2 loaded, 0 updated, 0 unchanged, 0 withdrawn, 0 rejected" in first
    assert "csw (csw, full): 5 upstream records" in first
    assert "5 loaded, 0 updated, 0 unchanged, 0 withdrawn, 0 rejected" in first
    # both sources describe minimal-a and minimal-b (same file identifiers): 5 resources
    assert "5 resources indexed, 0 removed" in first  # built whole the first time
    assert "0 loaded, 0 updated, 1 unchanged, 1 withdrawn, 0 rejected" in withdrawn
    # minimal-a is still described by the CSW source: re-indexed, not removed
    assert "1 resource indexed, 0 removed" in withdrawn
    assert (indexed["documents"], after["documents"]) == (5, 5)
    (report,) = json.loads(again)
    assert report["counts"] == {
        "loaded": 0,
        "updated": 0,
        "unchanged": 5,
        "withdrawn": 0,
        "rejected": 0,
    }
    assert [(s["name"], s["records"], s["lastRun"]["report"]["complete"]) for s in listed] == [
        ("files", 2, True),
        ("csw", 5, True),
    ]


def test_harvest_in_french_reports_a_rejected_record_and_exits_1(tmp_path):
    _declare(tmp_path, "http://127.0.0.1:9/csw")
    (tmp_path / "records" / "vide.xml").write_text("")
    proc = run("harvest", "files", "--lang", "fr", cwd=tmp_path, check=False)
    assert proc.returncode == 1
    assert "2 chargées, 0 mise à jour, 0 inchangée, 0 retirée, 1 rejetée" in proc.stdout
    assert "✗ vide.xml" in proc.stdout and "notice vide" in proc.stdout


def test_records_skipped_as_unreadable_exit_1_and_say_so(tmp_path):
    catalogue = CSWCatalogue([xml for _, xml in iso_records(MINIMAL)])
    truncated = (SOURCE_FIXTURES / "csw-truncated.xml").read_bytes()
    catalogue.failing[3] = Answer(200, "application/xml", truncated)
    with serve(catalogue) as server:
        _declare(tmp_path, f"{server.url}/csw")
        english = run("harvest", "csw", cwd=tmp_path, check=False)
        french = run("harvest", "csw", "--lang", "fr", "--json", cwd=tmp_path, check=False)
    assert english.returncode == 1
    # the page is read again record by record: only the record at position 3 is lost
    assert "4 loaded, 0 updated, 0 unchanged, 0 withdrawn, 0 rejected" in english.stdout
    assert "pages skipped:" in english.stdout and "malformed XML" in english.stdout
    assert english.stdout.rstrip().endswith(
        "harvest incomplete: 1 upstream page or record could not be read and was skipped"
    )
    assert french.returncode == 1
    (report,) = json.loads(french.stdout)
    assert len(report["pageErrors"]) == 1
    assert "moissonnage incomplet : 1 page ou notice amont illisible a été sautée" in french.stderr


def test_a_source_that_cannot_be_reached_says_how_to_resume(tmp_path):
    _declare(tmp_path, "http://127.0.0.1:9/csw")  # nothing listens on the discard port
    with open(tmp_path / "sources.toml", "a") as toml:
        toml.write("retries = 1\n")
    proc = run("harvest", "csw", cwd=tmp_path, check=False)
    assert proc.returncode == 1
    assert "harvest stopped:" in proc.stdout and "network error" in proc.stdout
    assert "run `gaia-kg harvest csw` again to resume" in proc.stdout


def test_unknown_source_and_missing_file_are_usage_errors(tmp_path):
    missing = run("harvest", "x", cwd=tmp_path, check=False)
    assert missing.returncode == 1
    assert "sources.toml: cannot read the sources file" in missing.stderr
    _declare(tmp_path, "http://127.0.0.1:9/csw")
    unknown = run("harvest", "nope", cwd=tmp_path, check=False)
    assert unknown.returncode == 2
    assert "unknown source: nope; declared: " in unknown.stderr
