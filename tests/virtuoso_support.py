"""A throwaway Virtuoso Open Source 7 server on 127.0.0.1, for the remote-store tests.

:class:`VirtuosoServer` writes its own ``virtuoso.ini`` (derived from Debian's, with free
ports, a database in a temporary folder, no result-row cap and no server-side anytime
timeout), starts ``virtuoso-t`` in the foreground, waits until both the SQL and the HTTP
ports answer, and stops it by its PID. The ``virtuoso_server`` session fixture yields its
base URL and skips, with the reason, when Debian's ``virtuoso-opensource`` is not installed
(``.ci/install-virtuoso.sh`` installs it; CI runs it).

Run as a script, it starts a server and prints its URL until interrupted (for the demo:
``gaia-kg demo --store <url>/sparql``).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

__all__ = [
    "VirtuosoServer",
    "skip_without_virtuoso",
    "virtuoso_binary",
    "virtuoso_server",
    "virtuoso_store",
]

SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
SERVER = "/usr/bin/virtuoso-t"
ISQL = "/usr/bin/isql-vt"

#: ``[section] key = value`` settings written over Debian's ini (the folder is substituted).
SETTINGS = {
    # 4 GB row of Debian's table: plenty for a few million triples.
    ("Parameters", "NumberOfBuffers"): "340000",
    ("Parameters", "MaxDirtyBuffers"): "250000",
    ("Parameters", "DirsAllowed"): "., /usr/share/virtuoso-opensource-7/vad, {dir}",
    ("Parameters", "MaxClientConnections"): "20",
    ("HTTPServer", "MaxClientConnections"): "20",
    ("HTTPServer", "ServerThreads"): "20",
    # The silent 10,000-row cap off (RemoteStore also detects it, by X-SPARQL-MaxRows).
    ("SPARQL", "ResultSetMaxRows"): "100000000",
    # No "anytime" partial answers: RemoteStore sends its own timeout per request and
    # turns the partial-result signal (X-SQL-State: S1TAT) into an error.
    ("SPARQL", "MaxQueryExecutionTime"): "0",
    ("SPARQL", "MaxQueryCostEstimationTime"): "0",
}


def virtuoso_binary() -> str | None:
    """The server binary, or None when Debian's ``virtuoso-opensource`` is absent."""
    found = shutil.which("virtuoso-t") or (SERVER if Path(SERVER).exists() else None)
    if found and SYSTEM_INI.exists() and (shutil.which("isql-vt") or Path(ISQL).exists()):
        return found
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ini(text: str, folder: Path, sql_port: int, http_port: int, settings: dict) -> str:
    """Debian's ini with our folder, ports and settings (keys matched within their section)."""
    values = {
        ("Parameters", "ServerPort"): f"127.0.0.1:{sql_port}",
        ("HTTPServer", "ServerPort"): f"127.0.0.1:{http_port}",
        **{key: value.format(dir=folder / "import") for key, value in settings.items()},
    }
    seen: set[tuple[str, str]] = set()
    out, section = [], ""
    for line in text.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/db/").splitlines():
        header = re.match(r"^\[(\w[\w ]*)\]", line)
        if header:
            out.extend(_missing(values, seen, section))
            section = header.group(1)
        key = re.match(r"^\s*;?\s*(\w+)\s*=", line)
        if key and (section, key.group(1)) in values:
            name = (section, key.group(1))
            if name not in seen:
                out.append(f"{key.group(1)} = {values[name]}")
                seen.add(name)
            continue
        if re.match(r"^VADInstallDir\b", line):
            continue  # no Conductor auto-install: 3 s less at start
        out.append(line)
    out.extend(_missing(values, seen, section))
    return "\n".join(out) + "\n"


def _missing(values, seen, section) -> list[str]:
    lines = [f"{k} = {v}" for (s, k), v in values.items() if s == section and (s, k) not in seen]
    seen.update((s, k) for (s, k) in values if s == section)
    return lines


class VirtuosoServer:
    """One ``virtuoso-t`` with a throwaway database; ``url`` is its HTTP base URL.

    ``settings`` override :data:`SETTINGS` (``{("SPARQL", "ResultSetMaxRows"): "100"}``).
    """

    def __init__(self, folder: Path | None = None, settings: dict | None = None):
        self.settings = {**SETTINGS, **(settings or {})}
        self._own_folder = folder is None
        self.folder = Path(folder or tempfile.mkdtemp(prefix="virtuoso-"))
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.proc: subprocess.Popen | None = None

    @property
    def sparql(self) -> str:
        """The SPARQL endpoint (query and, after :meth:`grant_update`, update)."""
        return self.url + "/sparql"

    def start(self, timeout: float = 90.0) -> VirtuosoServer:
        binary = virtuoso_binary()
        if binary is None:
            raise RuntimeError("virtuoso-opensource is not installed (.ci/install-virtuoso.sh)")
        (self.folder / "db").mkdir(parents=True, exist_ok=True)
        (self.folder / "import").mkdir(exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        text = SYSTEM_INI.read_text()
        ini.write_text(_ini(text, self.folder, self.sql_port, self.http_port, self.settings))
        with open(self.folder / "server.out", "wb") as out:
            self.proc = subprocess.Popen(
                [binary, "+configfile", str(ini), "+foreground"],
                cwd=self.folder,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while not self._ready():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log = self.log()
                self.stop()
                raise RuntimeError(f"Virtuoso did not start:\n{log}")
            time.sleep(0.3)
        return self

    def _ready(self) -> bool:
        try:
            url = self.sparql + "?query=ASK%7B%7D"
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - 127.0.0.1
                pass
        except OSError:
            return False
        return self.isql("SELECT 1;", check=False).returncode == 0

    def log(self) -> str:
        parts = []
        for name in ("server.out", "db/virtuoso.log"):
            path = self.folder / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-4000:])
        return "\n".join(parts)

    def isql(self, sql: str, *, check: bool = True) -> subprocess.CompletedProcess:
        """Run SQL statements as ``dba`` through ``isql-vt`` (never with ``-K``)."""
        isql = shutil.which("isql-vt") or ISQL
        done = subprocess.run(
            [isql, f"127.0.0.1:{self.sql_port}", "dba", "dba"],
            input=sql,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if check and (done.returncode != 0 or "*** Error" in done.stdout + done.stderr):
            raise RuntimeError(f"isql failed: {done.stdout}\n{done.stderr}")
        return done

    def grant_update(self) -> None:
        """Let anonymous clients of ``/sparql`` write (fine: the server binds 127.0.0.1)."""
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";\n')

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.isql("shutdown;\n", check=False)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                self.proc.wait(timeout=30)
        self.proc = None
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def skip_without_virtuoso() -> None:
    """Skip the calling test, saying why, when Virtuoso is not installed."""
    if virtuoso_binary() is None:
        pytest.skip(
            "Virtuoso is not installed (Debian package virtuoso-opensource; "
            "run .ci/install-virtuoso.sh): Virtuoso remote-store tests skipped"
        )


_SHARED: dict[str, VirtuosoServer] = {}


@pytest.fixture(scope="session")
def virtuoso_server(request, tmp_path_factory):
    """A running throwaway Virtuoso (updates granted to anonymous ``/sparql``): its base URL.

    One server per test session, however many modules import this fixture (each import is
    a fixture definition of its own); it stops when the session ends.
    """
    skip_without_virtuoso()
    server = _SHARED.get("server")
    if server is None:
        server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
        try:
            server.start()
        except RuntimeError as exc:
            pytest.fail(str(exc))
        server.grant_update()
        _SHARED["server"] = server
        request.config.add_cleanup(server.stop)
    return server.url


@pytest.fixture
def virtuoso_store(virtuoso_server):
    """An empty :class:`~graph_loader.remote.RemoteStore` on the Virtuoso server."""
    from graph_loader.backends import remote_store

    store = remote_store(virtuoso_server + "/sparql")
    store.clear()
    yield store
    store.close()


if __name__ == "__main__":
    with VirtuosoServer() as server:
        server.grant_update()
        print(f"Virtuoso ready: {server.sparql}  (folder {server.folder}; Ctrl-C stops it)")
        try:
            while server.proc and server.proc.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
