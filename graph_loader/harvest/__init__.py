"""Harvesting: sources → converters → keyword linking → validation → store, record by record.

``harvest(store, config, client=...)`` reads every record of one declared source
(:mod:`.config`) and never fails silently:

- each upstream record is converted, repaired (:mod:`graph_loader.repair`, each repair written
  in its provenance) and validated on its own: a record that cannot be read or converted, or
  that cannot be a record (no title, no IRI), is *rejected* with its reasons, and the harvest
  goes on; a record with another SHACL Violation is loaded flagged as not conformant, unless
  the source's ``policy`` is ``"strict"``; nothing of a rejected record is written (a record
  is all its graphs or nothing);
- records whose datestamp is the one stored, or that come on a page the server answered 304
  Not Modified (the CLI keeps the pages fetched in ``$GAIA_KG_HTTP_CACHE`` and asks for them
  with ``If-None-Match`` / ``If-Modified-Since``; see :mod:`graph_loader.sources.http`), are
  *unchanged* and neither converted nor rewritten (records of a page of many, DCAT or THREDDS,
  are known by IRIs found only once converted: they are converted, then found unchanged by
  their content hash); records deleted upstream (OAI-PMH ``deleted``) or, at the end of
  a complete full harvest, no longer listed are *withdrawn* (their graphs dropped);
- batches of :data:`~.run.BATCH` upstream records are converted, validated and judged in
  worker processes (:mod:`.convert`; ``jobs``), in parts of :data:`~.run.CONVERT`, while the
  next pages are fetched, and written in their order, one transaction (one bulk load of the
  N-Quads the workers made) each; a record whose datestamp the store holds is not even cut
  out of its CSW page; a checkpoint (resume token and identifiers read) is
  stored after a batch written at most every :data:`~.run.CHECKPOINT_SECONDS`, naming the
  page of that batch, so a harvest stopped midway (a crash, Ctrl-C, a server or a worker
  gone) resumes from its last checkpoint at the next run;
- a page the server fails to give (5xx, timeout) is retried ``retries`` times; a page that
  cannot be read is skipped when the protocol allows it (CSW), else the harvest stops with
  its checkpoint and says how to resume.

Each record graph is named after (source, upstream identifier, resource), so two sources
describing one resource keep their own graphs, and every link keeps who asserted it.

The parts, in the order a record meets them:

- :mod:`.config`: the sources declared in ``sources.toml``;
- :mod:`.run`: one run (pages, batches, retries, checkpoints, withdrawals), and
  :mod:`.pending` what it keeps on the way;
- :mod:`.units`: upstream records admitted, read, repaired, linked and split into units;
- :mod:`.convert`: batches of admitted records turned into writes, in worker processes;
- :mod:`.judging`: units validated together and turned into graph writes;
- :mod:`.ledger` and :mod:`.report`: what the run knows and what it tells;
- :mod:`.state` and :mod:`.status`: what the store remembers of each source (checkpoints,
  known records, past runs) and what ``/api/sources`` and ``gaia-kg sources`` show of it.
"""

from .report import STATUSES, HarvestReport, RecordResult
from .run import BATCH, CHECKPOINT_SECONDS, harvest

__all__ = ["harvest", "HarvestReport", "RecordResult", "BATCH", "CHECKPOINT_SECONDS", "STATUSES"]
