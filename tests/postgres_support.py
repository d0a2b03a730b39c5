"""A throwaway PostgreSQL server on 127.0.0.1, for the tests of the shared user database.

:class:`PostgresServer` makes a cluster in a temporary folder with Debian's ``initdb`` (as
the ``postgres`` user when run as root: PostgreSQL refuses root), starts it on a free port
listening on 127.0.0.1 only, with trust authentication, creates a database, and stops it by
``pg_ctl stop``. The ``postgres_url`` session fixture yields its SQLAlchemy URL and skips,
with the reason, when Debian's ``postgresql`` is not installed (``.ci/install-postgres.sh``
installs it; CI runs it).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

__all__ = ["PostgresServer", "postgres_bin", "postgres_url"]


def postgres_bin() -> Path | None:
    """The folder of Debian's PostgreSQL server binaries (the newest), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A cluster in its own folder, on a free port of 127.0.0.1."""

    def __init__(self, binaries: Path):
        self.bin = binaries
        self.folder = Path(tempfile.mkdtemp(prefix="gaia-kg-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120)

    def start(self) -> PostgresServer:
        if self._as:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                  "--auth=trust", "--encoding=UTF8", "--no-sync")  # fmt: skip
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                  "-l", str(self.folder / "server.log"), "-w", "start")  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                          "-U", "postgres", "gaia")  # fmt: skip
                return self
            except subprocess.CalledProcessError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/gaia"

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_url():
    """The SQLAlchemy URL of a throwaway PostgreSQL database (skipped without PostgreSQL)."""
    binaries = postgres_bin()
    if binaries is None:
        pytest.skip("PostgreSQL is not installed (bash .ci/install-postgres.sh installs it)")
    pytest.importorskip("psycopg", reason="psycopg is missing (pip install -e '.[test]')")
    server = PostgresServer(binaries).start()
    yield server.url
    server.stop()
