"""How to cite a dataset, as its page shows it: a DataCite-style citation text and a BibTeX
entry. Plain functions over strings (the dataset page gathers authors, year, title…)."""

from __future__ import annotations

import re

__all__ = ["citation", "bibtex"]


def citation(
    authors: list[str], year: str | None, title: str, publisher: str | None, link: str
) -> str:
    """A DataCite-style citation: ``Authors (Year). Title. Publisher. link``.

    >>> citation(["SEDOO"], "2006", "AMMA radiosondes", "AERIS", "https://doi.org/10.1/x")
    'SEDOO (2006). AMMA radiosondes. AERIS. https://doi.org/10.1/x'
    """
    parts = [", ".join(authors) + (f" ({year})." if year else ".") if authors else None]
    parts += [title.rstrip(".") + ".", f"{publisher.rstrip('.')}." if publisher else None, link]
    return " ".join(p for p in parts if p)


def _bibtex_value(text: str) -> str:
    return re.sub(r"([{}\\%&$#_^~])", r"\\\1", text)


def bibtex(
    key: str,
    authors: list[str],
    year: str | None,
    title: str,
    publisher: str | None,
    doi: str | None,
    url: str,
) -> str:
    """A ``@misc`` BibTeX entry (braces, backslashes and TeX specials escaped).

    >>> print(bibtex("x", ["A & B"], "2020", "T_1", None, None, "https://e.org/x"))
    @misc{x,
      author = {A \\& B},
      year = {2020},
      title = {T\\_1},
      url = {https://e.org/x},
      howpublished = {Dataset}
    }
    """
    fields = [
        ("author", " and ".join(authors)),
        ("year", year),
        ("title", title),
        ("publisher", publisher),
        ("doi", doi),
        ("url", url),
        ("howpublished", "Dataset"),
    ]
    body = ",\n".join(f"  {k} = {{{_bibtex_value(v)}}}" for k, v in fields if v)
    return f"@misc{{{re.sub(r'[^A-Za-z0-9_-]', '_', key)},\n{body}\n}}"
