"""Peak memory of the benchmarks' processes, measured so that a parent's peak does not leak
into its children's.

``ru_maxrss`` is not the peak of a process's own memory on Linux: a child started with
``vfork`` + ``exec`` (``subprocess.Popen``, ``multiprocessing``'s spawn) inherits the peak of
its parent's address space at ``exec``. A benchmark that bulk-loaded a store (2.3 GB) and then
started ``gaia-kg index rebuild`` read 2.3 GB for a rebuild whose own peak was 1.5 GB. The
peak of one address space is ``VmHWM`` (``/proc/<pid>/status``), reset at ``exec``; a child's
exact peak comes from ``wait4`` when its parent is small (:func:`run_measured` starts it
through a launcher process of a few megabytes).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

__all__ = ["own_peak", "run_measured", "ChildrenPeak"]

#: started by :func:`run_measured`: runs its arguments, then prints their peak RSS (KiB)
_LAUNCHER = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print(f'\\npeak-rss-kib {usage.ru_maxrss}', flush=True)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def _hwm(pid: int | str = "self") -> int | None:
    """``VmHWM`` of a process in bytes, None when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def own_peak() -> int:
    """The peak RSS of this process's own memory, in bytes (``ru_maxrss`` where ``/proc``
    is missing: an upper bound)."""
    return _hwm() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_measured(command: list[str], out) -> tuple[int, int]:
    """Run ``command`` (its output to the file ``out``); its exit code and its peak RSS in
    bytes, read by ``wait4`` in a launcher of a few megabytes."""
    launcher = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command], stdout=out, stderr=subprocess.STDOUT
    )
    out.seek(0)
    peak = 0
    for line in out.read().splitlines():
        if line.startswith("peak-rss-kib "):
            peak = int(line.split()[1]) * 1024
    return launcher.returncode, peak


class ChildrenPeak:
    """The largest peak RSS among this process's children (worker processes), read from
    their ``VmHWM`` every ``every`` seconds while in the ``with`` block (a sweep of ``/proc``
    costs about 2 ms: under 1 % of a core)."""

    def __init__(self, every: float = 0.25):
        self.every, self.peak = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        me = str(os.getpid())
        while not self._stop.wait(self.every):
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if stat.rsplit(")", 1)[-1].split()[1] == me:  # its parent is this process
                    self.peak = max(self.peak, _hwm(entry.name) or 0)

    def __enter__(self) -> ChildrenPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
