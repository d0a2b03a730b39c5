"""How many worker processes a load or a harvest uses: one rule for both.

``jobs`` when given, else ``$GAIA_KG_LOAD_JOBS``, else the number of cores this process may
use; 0 means the number of cores, 1 everything in the calling process.

Why the cores by default: on the project's 2-core machine, shared by other sessions (load
average 11), on 2026-12-06, in one run of each, alternating: ``bench/harvest.py --n 2000 --jobs
1`` against ``--jobs 2`` took 41.1 s and 43.6 s against 27.7 s and 38.1 s (two workers 1.5× and
1.1× faster); ``bench/load.py --n 10000 --jobs 1 --jobs 2 --repeat 2`` took 61.5 s against
62.0 s (the same, with a peak RSS of 372 MB against 579 MB). An earlier load measured on a quiet
machine, 68 s in process against 112 s with two workers, is why ``--jobs 1`` stays one option
away.
"""

from __future__ import annotations

import os

from .errors import InputError

__all__ = ["JOBS_ENV", "default_jobs", "cores"]

JOBS_ENV = "GAIA_KG_LOAD_JOBS"


def cores() -> int:
    """The number of cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_jobs(jobs: int | None = None) -> int:
    """Worker processes: ``jobs``, else ``$GAIA_KG_LOAD_JOBS``, else :func:`cores` (0: the
    cores); :class:`InputError` for a negative number or a value that is not one.

    >>> default_jobs(3), default_jobs(0) == cores()
    (3, True)
    """
    if jobs is None:
        text = os.environ.get(JOBS_ENV, "").strip()
        if text:
            try:
                jobs = int(text)
            except ValueError:
                raise InputError(f"{JOBS_ENV} must be a whole number, not {text!r}") from None
    if jobs is None:
        return cores()
    if jobs < 0:
        raise InputError(f"the number of jobs must be 0 (the cores) or more, not {jobs}")
    return jobs or cores()
