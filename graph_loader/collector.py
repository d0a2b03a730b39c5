"""Python's cyclic garbage collector held back while a load or a harvest builds millions of
objects that live until the end (issue 22).

The collector runs a full collection each time the objects it tracks grew by a quarter: each
one walks every list, tuple, dict and term that the run holds. A load of one file of 100,000
datasets holds 2.9 million statements, their index by subject and the records' owned nodes,
and its main process spent a third of its reading and planning in those walks (the N-Triples
of ``bench/synthetic.py`` parsed, cleaned and planned: 18.1 s with the collector on, 12.0 s
off). These runs free their objects by reference counting and make few reference cycles: the
load of the 1,331 files of real records (3,916 records) left 868,000 objects in cycles, 61 MB,
when nothing collected them. An index rebuild holds few containers (a million IRIs in one
dict): pausing the collector there changed nothing at 1M (199.7 / 204.7 s against 201.8 /
196.1 s), so it is not paused.

:func:`collector_paused` turns the automatic collector off for such a run, and
:func:`collect_young` collects, at the end of each unit of work (a file read, a document
judged, a chunk, a batch), the cycles among the objects made since the last one without
walking the old ones: garbage cycles never outgrow a unit. When the run ends, the collector
is as it was.

>>> import gc
>>> with collector_paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collect_young", "collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside; the collector as it was on leaving."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collect_young() -> None:
    """Inside :func:`collector_paused`: collect the cycles among the objects made since the
    last collection (generations 0 and 1: the objects that lived through it are not walked
    again). Outside, nothing: the automatic collector does it."""
    if not gc.isenabled():
        gc.collect(1)
