"""One helper for every XML writer: drop the characters XML 1.0 cannot carry.

The load strips them from literals (:func:`graph_loader.repair.strip_control_chars`, repair
kind ``control-chars``), but data written before that repair, or later through
``/sparql/update`` and ``/sparql/graph``, can still hold NUL, BEL, ESC… Every XML output
(RDF/XML pages and feeds, SPARQL XML results, OAI-PMH) passes its bytes through
:func:`xml_safe` so that it stays well-formed: the characters are dropped, as at load.
"""

from __future__ import annotations

import re

__all__ = ["xml_safe"]

#: in UTF-8: the C0 controls but tab, LF and CR, DEL, U+FFFE and U+FFFF (the same set as
#: ``repair.strip_control_chars``). Bytes below 0x80 are always whole characters in UTF-8,
#: and EF BF BE / EF BF BF encode only U+FFFE / U+FFFF, so a byte substitution is exact.
_CONTROL = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xef\xbf[\xbe\xbf]")


def xml_safe(body: bytes) -> bytes:
    """``body`` (UTF-8 XML) without the characters XML 1.0 cannot carry."""
    return _CONTROL.sub(b"", body)
