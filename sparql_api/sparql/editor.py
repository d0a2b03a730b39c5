"""What the query editor page (``/editor``) offers: the project's prefixes and the example
queries of ``queries/examples/*.rq``. No Flask here.

Each example file starts with two comment lines giving its title, ``# en: …`` and
``# fr: …``; the rest is the query.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from graph_loader.namespaces import PREFIXES

__all__ = ["Example", "examples", "editor_prefixes", "blank_query"]


class Example(dict):
    """``{name, titles: {en, fr}, query}`` (a dict, so it goes to JSON as is)."""


@cache
def _load() -> tuple[Example, ...]:
    folder = files("sparql_api") / "queries" / "examples"
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        titles = {}
        for line in text.splitlines()[:2]:
            lang, _, title = line.removeprefix("#").strip().partition(":")
            titles[lang.strip()] = title.strip()
        found.append(Example(name=entry.name.removesuffix(".rq"), titles=titles, query=text))
    return tuple(found)


def examples(lang: str) -> list[dict]:
    """The example queries, each ``{name, title, query}`` with the title in ``lang``."""
    return [
        {
            "name": e["name"],
            "title": e["titles"].get(lang) or e["titles"]["en"],
            "query": e["query"],
        }
        for e in _load()
    ]


def editor_prefixes() -> dict[str, str]:
    """The prefixes the editor declares (those the project writes Turtle with)."""
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def blank_query() -> str:
    """What a new editor tab starts with: the project's prefixes and a small query."""
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in sorted(editor_prefixes().items())]
    return "\n".join([*lines, "", "SELECT * WHERE {", "  ?s ?p ?o", "}", "LIMIT 10", ""])
