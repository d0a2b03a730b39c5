"""An error of the system (a full disk, a file size limit, a folder it may not write) stops a
command with one sentence in the user's language, not a traceback (with the likely cause when
the error says it), and loses nothing: the same
load run again once there is room gives the store one load gives. The limit is real:
``RLIMIT_FSIZE`` in the child (writing past it fails with EFBIG; Python ignores SIGXFSZ)."""

from __future__ import annotations

import errno
import re
import resource
import subprocess
import sys
from pathlib import Path

from graph_loader.cli import refused
from graph_loader.paths import demo_dir

GAIA_KG = str(Path(sys.executable).parent / "gaia-kg")
#: the triples of each record graph (provenance included: its times differ, not its size)
PER_GRAPH = (
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
    "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/gaia-kg/graph/record/')) } GROUP BY ?g ORDER BY ?g"
)
SAID = {
    "en": (
        "Error: The system refused: File too large{where}. A full disk, or a limit on the size "
        "of files? The command stopped there.\n"
    ),
    "fr": (
        "Error: Le système a refusé : File too large{where}. Un disque plein, ou une taille de "
        "fichier limitée ? La commande s'est arrêtée là.\n"
    ),
}


def _one_megabyte() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))


def _load(store: Path, lang: str, limited: bool) -> subprocess.CompletedProcess:
    files = [str(f) for f in sorted(demo_dir().glob("*.ttl"))]
    return subprocess.run(
        [GAIA_KG, "load", "--store", str(store), "--lang", lang, *files],
        capture_output=True,
        text=True,
        preexec_fn=_one_megabyte if limited else None,
    )


def _graphs(store: Path) -> str:
    command = [GAIA_KG, "query", "--store", str(store), "--format", "csv", PER_GRAPH]
    answer = subprocess.run(command, capture_output=True, text=True)
    assert answer.returncode == 0, answer.stderr
    return answer.stdout


def test_a_load_refused_by_the_system_says_so_and_a_second_run_loses_nothing(tmp_path):
    store = tmp_path / "store"
    for lang in ("en", "fr"):
        refused = _load(store, lang, limited=True)
        assert refused.returncode == 1, refused.stdout
        pattern = re.escape(SAID[lang]).replace(re.escape("{where}"), r"(?: \([^)]+\))?")
        assert re.fullmatch(pattern, refused.stderr), refused.stderr
    again = _load(store, "en", limited=False)
    assert again.returncode == 0, again.stderr
    once = tmp_path / "once"
    assert _load(once, "en", limited=False).returncode == 0
    expected = _graphs(once)
    assert len(expected.splitlines()) > 200  # the demo's records (a header, a line each)
    assert _graphs(store) == expected


def test_the_likely_cause_is_said_only_when_the_error_says_it():
    forbidden = OSError(errno.EACCES, "Permission denied", "/srv/gaia/var/index")
    assert refused(forbidden, "en") == (
        "The system refused: Permission denied (/srv/gaia/var/index). A file or folder it may "
        "not write? The command stopped there."
    )
    assert refused(forbidden, "fr") == (
        "Le système a refusé : Permission denied (/srv/gaia/var/index). Un fichier ou un "
        "dossier où elle ne peut pas écrire ? La commande s'est arrêtée là."
    )
    taken = OSError(errno.EADDRINUSE, "Address already in use")
    assert refused(taken, "en") == (
        "The system refused: Address already in use. The command stopped there."
    )
