"""When a writer compacts the store: after bulk writes big against the store.

Each batch the bulk loader ingests (a load writes 2,500 records a batch, a harvest 1,000) adds
table files whose keys overlap those of every other batch, and a read looks into each of them
until RocksDB merges them. After a load of 100k datasets (40 batches) a scan of one property
took 5.6 s, 1.6 s once the store was compacted (6.4 s to compact), and
`gaia-kg index rebuild` 35.4 s against 19.6 s. A full compaction rewrites the whole store,
so it is worth it after a first load, a full reload or a big harvest, not after a few thousand
records added to a big store.
"""

from __future__ import annotations

from .messages import CLI
from .store import Store

__all__ = ["COMPACT_AFTER", "COMPACT_SHARE", "compact_after_bulk_writes"]


#: a writer compacts the store after bulk writes of at least this share of its table files
#: (N-Quads text against compressed files holding each statement in six indexes: a load into
#: an empty store is about 0.3)
COMPACT_SHARE = 0.1
#: ... and at least this many bulk ingestions
COMPACT_AFTER = 4


def compact_after_bulk_writes(store: Store, progress=None) -> bool:
    """Compact ``store`` (:meth:`Store.compact`) when this process bulk-wrote much to it since
    it opened or last compacted it: :data:`COMPACT_AFTER` ingestions at least, of text
    passing :data:`COMPACT_SHARE` of its table files. A full compaction rewrites the whole
    store (4 s a GB here), so a few thousand records added to a big store do not pay for it;
    a first load, a full reload or a big harvest do, and every read after them (inference,
    the index, the server) is faster. ``progress(key, total)`` as for a load; whether it
    compacted."""
    if getattr(store, "ingested", 0) < COMPACT_AFTER:
        return False
    if store.ingested_bytes < COMPACT_SHARE * store.table_bytes():
        return False
    tick = progress(CLI.mark("progress.compact"), 1) if progress else None
    done = store.compact()
    if tick:
        tick(1)
    return done
