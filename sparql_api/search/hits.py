"""One hit of a search page: the record's summary, its highlighted text and why it matched.

Titles and descriptions are shown in the requested language when the record has it (else
English, French, any), with the words of the query marked (``<mark>``, the rest escaped).
``why`` lists the matched concepts (or those aligned, narrower or related) the record is
tagged with, and the named places its box lies within.
"""

from __future__ import annotations

from html import escape

import orjson
import tantivy

from graph_loader.index import SearchIndex
from sparql_api.core.places import within
from sparql_api.search.facets import value_label
from sparql_api.search.query import QueryPlan
from sparql_api.web.i18n import pick_label

__all__ = ["hit"]

_DESCRIPTION_CHARS = 300
_TITLE_CHARS = 500


def _mark(text: str, ranges: list[tuple[int, int]]) -> str:
    raw, out, pos = text.encode(), [], 0
    for start, end in sorted(ranges):
        if start < pos:
            continue
        out.append(escape(raw[pos:start].decode(errors="ignore")))
        out.append("<mark>" + escape(raw[start:end].decode(errors="ignore")) + "</mark>")
        pos = end
    out.append(escape(raw[pos:].decode(errors="ignore")))
    return "".join(out)


def _highlight(searcher, schema, plan, doc, field: str, text: str, chars: int) -> str:
    if plan is None or plan.highlight is None or not text:
        return escape(text[:chars])
    # one generator per field and length for the whole page (creating one costs the most)
    generators = plan.generators
    generator = generators.get((field, chars))
    if generator is None:
        generator = tantivy.SnippetGenerator.create(searcher, plan.highlight, schema, field)
        generator.set_max_num_chars(chars)
        generators[(field, chars)] = generator
    snippet = generator.snippet_from_doc(doc)
    fragment = snippet.fragment()
    if not fragment:
        return escape(text[:chars])
    return _mark(fragment, [(r.start, r.end) for r in snippet.highlighted()])


def _pick(values: dict[str, str], lang: str) -> tuple[str, str]:
    for key in (lang, "en", "fr", "", *sorted(values)):
        if values.get(key):
            return values[key], key
    return "", lang


def _why(index: SearchIndex, plan: QueryPlan | None, payload: dict, lang: str) -> list[dict]:
    """The concepts and places of ``plan`` by which the record of ``payload`` matched."""
    why: list[dict] = []
    if plan is None:
        return why
    concepts, direct = set(payload["concepts"]), set(payload["direct"])
    matched = {c.iri: c for c in plan.concepts}
    for iri_c, (origin, via) in plan.expansion.items():
        if iri_c in concepts:
            how = via if via != "concept" else "concept" if iri_c in direct else "narrower"
            found = matched[origin]
            label = pick_label(index.meta.get("pref", {}).get(iri_c, {}), lang) or found.label
            why.append({"concept": iri_c, "label": label, "lang": found.lang, "via": how})
    for place in plan.places:
        info = plan.place_info[place.iri]
        if within(payload["bbox"], info.box):
            label = pick_label(info.pref, lang) or place.label
            why.append({"place": place.iri, "label": label, "lang": place.lang, "via": "place"})
    return why


def hit(index: SearchIndex, searcher, plan: QueryPlan | None, score, address, lang) -> dict:
    """The hit of the record at ``address`` (a search result's document address)."""
    doc = searcher.doc(address)
    iri = doc["iri"][0]
    payload = orjson.loads(doc["payload"][0])
    title, tlang = _pick(payload["title"], lang)
    desc, dlang = _pick(payload["description"], lang)
    tfield = f"title_{tlang if tlang in ('fr', 'en') else lang}"
    dfield = f"description_{dlang if dlang in ('fr', 'en') else lang}"
    orgs = {}
    for key in ("pole", "centre"):
        value = payload.get(key)
        orgs[key] = {"iri": value, "label": value_label(index, key, value, lang)} if value else None
    schema = index.schema
    return {
        "iri": iri,
        "path": iri[iri.index("/id/") :] if "/id/" in iri else iri,
        "type": payload["type"],
        "title": title,
        "description": desc,
        "highlights": {
            "title": _highlight(searcher, schema, plan, doc, tfield, title, _TITLE_CHARS),
            "description": _highlight(
                searcher, schema, plan, doc, dfield, desc, _DESCRIPTION_CHARS
            ),
        },
        **orgs,
        "bbox": payload["bbox"],
        "temporal": payload["temporal"],
        "thumbnail": payload.get("thumbnail"),
        "score": score if isinstance(score, float) else None,
        "why": _why(index, plan, payload, lang),
    }
