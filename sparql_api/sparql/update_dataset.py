"""The SPARQL 1.1 Protocol's ``using-graph-uri`` / ``using-named-graph-uri`` on updates.

They set the dataset of every ``DELETE``/``INSERT … WHERE`` operation of the request, as
``USING <g>`` / ``USING NAMED <g>`` clauses would: they are written into the update text,
before each top-level ``WHERE`` that follows a template (a ``DELETE WHERE { … }`` shorthand
takes no dataset). A request that also writes ``USING``, ``USING NAMED`` or ``WITH`` is an
error (Protocol §2.2.3): :class:`DatasetConflict`.
"""

from __future__ import annotations

import re

__all__ = ["DatasetConflict", "with_dataset"]

#: the pieces of SPARQL text that can hide a keyword: strings, IRIs, comments
_SKIP = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*"
)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class DatasetConflict(ValueError):
    """The update names its own dataset (USING, USING NAMED or WITH) as well."""


def _top_level_words(text: str):
    """(start, WORD) for each keyword-like word outside braces, strings, IRIs, comments."""
    depth, i = 0, 0
    previous = " "
    while i < len(text):
        char = text[i]
        skip = _SKIP.match(text, i)
        if skip and char in "'\"<#":
            i = skip.end()
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif (char.isalpha() or char == "_") and previous not in "?$:_-.":
            word = _WORD.match(text, i)
            if depth == 0 and not text.startswith(":", word.end()):
                yield i, word.group().upper()
            i = word.end()
            previous = text[i - 1]
            continue
        previous = char
        i += 1


def with_dataset(text: str, using: list[str], using_named: list[str]) -> str:
    """``text`` with ``USING``/``USING NAMED`` clauses for the protocol's graph IRIs.

    >>> with_dataset("INSERT { ?s a <x:T> } WHERE { ?s ?p ?o }", ["x:g"], [])
    'INSERT { ?s a <x:T> } USING <x:g> WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return text
    words = list(_top_level_words(text))
    if any(word in ("USING", "WITH") for _, word in words):
        raise DatasetConflict(text)
    clause = " ".join(
        [*(f"USING <{g}>" for g in using), *(f"USING NAMED <{g}>" for g in using_named)]
    )
    cuts = [
        start
        for (start, word), (_, before) in zip(words[1:], words[:-1], strict=True)
        if word == "WHERE" and before != "DELETE"
    ]
    for start in reversed(cuts):
        text = f"{text[:start]}{clause} {text[start:]}"
    return text
