"""Finding the other language on a page: the texts a page shows people (text, ``title``,
``aria-label``, ``placeholder``, ``alt``) that are messages of the other language's catalogue
and not the same in both (``web`` and ``labels`` domains). Text inside an element marked with
another ``lang`` (the language switch, a record's own words) is the other language by design
and not counted."""

from __future__ import annotations

import re
from functools import cache

from html_support import Element, parse_html

from sparql_api.web.i18n import LANGUAGES, WEB
from sparql_api.web.labels import LABELS

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIPPED = {"script", "style", "code", "pre", "template"}
#: the shortest piece of a message with parameters searched for inside a text
SHORTEST_PIECE = 12


@cache
def foreign_messages(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The other language's whole messages (without parameters, case folded: a template may
    capitalise them) and pieces of its messages with parameters, keeping only what ``lang``'s
    catalogue never says."""
    other = next(o for o in LANGUAGES if o != lang)
    own_texts: list[str] = []
    whole: set[str] = set()
    pieces: set[str] = set()
    for domain in (WEB, LABELS):
        own, theirs = domain.all_texts(lang), domain.all_texts(other)
        own_texts.extend(own.values())
        for key, text in theirs.items():
            if own.get(key) == text:
                continue
            if "{" not in text:
                whole.add(" ".join(text.split()).casefold())
            else:
                pieces.update(
                    p.strip()
                    for p in re.split(r"\{[^}]*\}", text)
                    if len(p.strip()) >= SHORTEST_PIECE
                )
    said = "\n".join(own_texts)
    whole -= {" ".join(text.split()).casefold() for text in own_texts}
    return frozenset(whole), tuple(sorted(p for p in pieces if p not in said))


def shown_texts(root: Element, lang: str) -> list[str]:
    """The texts of a page a person reads in ``lang`` (not those marked with another)."""
    found: list[str] = []

    def walk(element: Element) -> None:
        if element.tag in SKIPPED or element.attrs.get("lang", lang).split("-")[0] != lang:
            return
        found.extend(" ".join(element.attrs[a].split()) for a in ATTRIBUTES if element.attrs.get(a))
        for child in element.children:
            if isinstance(child, str):
                if child.strip():
                    found.append(" ".join(child.split()))
            else:
                walk(child)

    html = root.find("html")
    walk(Element("#page", {}, [c for c in html.children if not isinstance(c, str)]))
    return found


def other_language_on(page: str, lang: str) -> list[str]:
    """The texts of ``page`` (HTML in ``lang``) that are the other language's messages."""
    whole, pieces = foreign_messages(lang)
    return sorted(
        {
            text
            for text in shown_texts(parse_html(page), lang)
            if text.casefold() in whole or any(p in text for p in pieces)
        }
    )
