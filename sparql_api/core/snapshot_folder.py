"""Read-only snapshots of an on-disk store that its writer cannot delete files from.

RocksDB, opened read-only, reads a store's table files lazily: a query reads a file the
first time it needs it. A writer in another process (``gaia-kg load``) compacts the store
meanwhile and deletes the files it merged; the snapshot then meets a missing file, and
pyoxigraph's iterators, instead of failing, yield that error forever: a single query of the
serving process allocated 300 MB a second until it had the machine's memory (issue 21; 1 run
in 4 of ``bench/serve.py --during-load``, and a snapshot whose unread files were deleted
does it every time).

So each snapshot is opened from a folder of its own, next to the store
(``.<store>-snapshots/<pid>-<n>``): hard links to the table files (the writer's deletions
remove its own names, not these), copies of the manifest, ``CURRENT`` and the log (the writer
rewrites those in place). Links cost nothing and copies are bounded by the writer's flushes
(``GAIA_KG_FLUSH_BYTES``). A folder is removed once its snapshot is no longer referenced,
and folders of processes that are gone are removed when a reader starts. Where links cannot
be made (another file system, a read-only folder), the store is opened in place, as before.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox

__all__ = ["SnapshotFolders"]

log = logging.getLogger(__name__)

#: files the writer rewrites or appends to in place: copied, not linked
_COPIED = ("CURRENT", "IDENTITY", "MANIFEST-", "OPTIONS-")


class SnapshotFolders:
    """Opens read-only snapshots of the store at ``path``, each from a private folder."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.root = self.path.parent / f".{self.path.name}-snapshots"
        self._count = 0
        self._open: list[tuple[ox.Store, Path]] = []  # the newest last
        self.linked = True  # False once links failed: opened in place since
        self._remove_orphans()

    def open(self) -> ox.Store:
        """A new read-only snapshot (``OSError`` / ``RuntimeError`` as pyoxigraph raises)."""
        self.sweep()
        if not self.linked:
            return ox.Store.read_only(str(self.path))
        self._count += 1
        folder = self.root / f"{os.getpid()}-{self._count}"
        try:
            _copy(self.path, folder)
        except OSError as exc:  # another file system, no right to write next to the store
            shutil.rmtree(folder, ignore_errors=True)
            log.warning("store snapshots opened in place (cannot link its files: %s)", exc)
            self.linked = False
            return ox.Store.read_only(str(self.path))
        try:
            store = ox.Store.read_only(str(folder))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._open.append((store, folder))
        return store

    def sweep(self) -> None:
        """Remove the folders of the older snapshots that nothing references any more."""
        kept = []
        for i, (store, folder) in enumerate(self._open):
            # this list's tuple and getrefcount's argument: nobody else holds it
            if i < len(self._open) - 1 and sys.getrefcount(store) <= 3:
                del store
                shutil.rmtree(folder, ignore_errors=True)
            else:
                kept.append((store, folder))
        self._open = kept

    def folders(self) -> int:
        """How many snapshot folders this process holds (for tests and monitoring)."""
        return len(self._open)

    def _remove_orphans(self) -> None:
        """Remove the folders left by processes that are gone (killed)."""
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return
        for entry in entries:
            pid = entry.name.split("-")[0]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                shutil.rmtree(entry, ignore_errors=True)


def _copy(store: Path, folder: Path) -> None:
    """``folder`` made a snapshot of ``store``: the manifest first, then (listed again) links
    to the table files it names and copies of the log."""
    folder.mkdir(parents=True)
    for step in (_COPIED, (".sst", ".log")):
        for name in os.listdir(store):
            source, target = store / name, folder / name
            try:
                if step is _COPIED and name.startswith(_COPIED):
                    shutil.copyfile(source, target)
                elif step is not _COPIED and name.endswith(".sst"):
                    os.link(source, target)
                elif step is not _COPIED and name.endswith(".log"):
                    shutil.copyfile(source, target)
            except FileNotFoundError:  # deleted by the writer meanwhile: the opening fails
                continue
