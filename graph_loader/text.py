"""Text normalisation shared by matching code (keyword linking, autocompletion)."""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]


def fold(text: str) -> str:
    """Text without accents, casefolded.

    >>> fold("Épaisseur optique des AÉROSOLS")
    'epaisseur optique des aerosols'
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
