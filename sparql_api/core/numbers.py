"""Whole numbers as parameters write them: ASCII digits (``str.isdigit`` also takes ``²`` and
``٣``, which ``int`` refuses), optionally with a zero fraction as JSON may write one (``60.0``).
"""

from __future__ import annotations

import re

__all__ = ["whole_number"]

_WHOLE = re.compile(r"[0-9]+(\.0+)?")


def whole_number(raw: object) -> int | None:
    """The whole number ``raw`` writes, or None.

    >>> whole_number("42"), whole_number("60.0"), whole_number("²"), whole_number("-1")
    (42, 60, None, None)
    """
    text = str(raw)
    return int(text.split(".")[0]) if _WHOLE.fullmatch(text) else None
