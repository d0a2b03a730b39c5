"""Grounded answers: the search of a question, summarised with a citation on every statement.

:func:`ask` understands the question (:func:`~.understand.understand`), runs the search over
the index (every page, up to :data:`MAX_RECORDS`), keeps the records whose temporal extent
meets the season's months when a season was asked (a record spanning a year or more, or
ongoing, always does; a record without dates never does), and writes statements built only
from those records: how many and of which types, which centres, which periods, which areas,
and the best matches with one line each. Each statement lists the IRIs it rests on. When
nothing matches, the answer says so, cites nothing and suggests broader concepts and the
same search without one of its filters, each with its number of records.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from urllib.parse import quote

from graph_loader.index import SearchIndex
from graph_loader.parsing import tokens
from graph_loader.terms import THESAURUS_NS
from sparql_api.assistant.understand import Understanding, understand
from sparql_api.core.concept_index import ConceptIndex
from sparql_api.search.as_sparql import sparql_for
from sparql_api.search.autocomplete import suggest
from sparql_api.search.engine import run_search
from sparql_api.search.params import SearchParams
from sparql_api.web.i18n import WEB

__all__ = ["ask", "organisation_acronyms", "MAX_RECORDS", "BEST"]

#: most records an answer reads (the count says "at least" beyond)
MAX_RECORDS = 500
#: best matches listed one line each
BEST = 5
#: centres named one by one (the others in one statement)
CENTRES = 6

#: the words of each record type, season and filter in the statements
_TYPES = {
    "dataset": WEB.mark("answer_type_dataset"),
    "service": WEB.mark("answer_type_service"),
    "publication": WEB.mark("answer_type_publication"),
    "software": WEB.mark("answer_type_software"),
    "tutorial": WEB.mark("answer_type_tutorial"),
}
_SEASONS = {
    "dry": WEB.mark("answer_season_dry"),
    "wet": WEB.mark("answer_season_wet"),
    "summer": WEB.mark("answer_season_summer"),
    "winter": WEB.mark("answer_season_winter"),
    "spring": WEB.mark("answer_season_spring"),
    "autumn": WEB.mark("answer_season_autumn"),
}


def _short(label: str) -> str:
    return label.split(" – ")[0].strip()


def organisation_acronyms(index: SearchIndex, lang: str = "en") -> dict[str, tuple[str, str]]:
    """Folded acronym -> (``pole`` or ``centre``, IRI), from the organisations of the index:
    the part of the label before `` – `` and the last segment of the IRI."""
    facets = run_search(index, SearchParams(size=1), lang)["facets"]
    out: dict[str, tuple[str, str]] = {}
    for facet in ("pole", "centre"):
        for bucket in facets[facet]:
            names = [_short(bucket["label"]), bucket["value"].rstrip("/").rsplit("/", 1)[-1]]
            for name in names:
                folded = " ".join(tokens(name))
                if len(folded) >= 3 and len(folded.split()) <= 2 and "-" not in name:
                    out.setdefault(folded, (facet, bucket["value"]))
    return out


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _in_season(hit: dict, months: list[int]) -> bool:
    temporal = hit.get("temporal") or {}
    start, end = _day(temporal.get("start")), _day(temporal.get("end"))
    if start is None:
        return False
    if end is None or (end - start).days >= 365:
        return True
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        if m in months:
            return True
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return False


def _retrieve(index, concepts, params: SearchParams, lang: str) -> tuple[list[dict], int]:
    hits, page, total = [], 1, 0
    while len(hits) < MAX_RECORDS:
        result = run_search(
            index, replace(params, page=page, size=100), lang, concepts=concepts, relax=False
        )
        hits += result["hits"]
        total = result["total"]
        if result["links"]["next"] is None:
            break
        page += 1
    return hits[:MAX_RECORDS], total


def _is_global(bbox) -> bool:
    return bool(bbox) and bbox[2] - bbox[0] >= 350 and bbox[3] - bbox[1] >= 170


def _period(hit: dict, lang: str) -> str:
    temporal = hit.get("temporal") or {}
    if not temporal.get("start"):
        return WEB.text("answer_no_dates", lang)
    end = temporal.get("end")
    return f"{temporal['start'][:4]}–{end[:4] if end else WEB.text('answer_today', lang)}"


def _area(hit: dict, lang: str) -> str:
    bbox = hit.get("bbox")
    if not bbox:
        return "–"
    if _is_global(bbox):
        return WEB.text("answer_global_area", lang)
    return "{:g}, {:g}, {:g}, {:g}".format(*(round(x, 1) for x in bbox))


def _centre(hit: dict, lang: str) -> str:
    if hit.get("centre"):
        return _short(hit["centre"]["label"])
    return WEB.text("answer_unknown", lang)


def _line(hit: dict, lang: str) -> str:
    """One best match in words: its title, centre, period and area."""
    period, area = _period(hit, lang), _area(hit, lang)
    centre = _centre(hit, lang)
    return WEB.text(
        "answer_line", lang, title=hit["title"], centre=centre, period=period, area=area
    )


def _centres(hits: list[dict], lang: str) -> list[dict]:
    """How many records come from each centre (the biggest :data:`CENTRES`, then the rest)."""
    out = []
    by_centre: dict[str, list[dict]] = {}
    for h in hits:
        by_centre.setdefault(_centre(h, lang), []).append(h)
    ranked = sorted(by_centre.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    for label, group in ranked[:CENTRES]:
        out.append(
            {
                "text": WEB.text("answer_centre", lang, n=len(group), centre=label),
                "cites": [h["iri"] for h in group],
            }
        )
    rest = [h for _label, group in ranked[CENTRES:] for h in group]
    if rest:
        text = WEB.text("answer_centre_others", lang, n=len(rest), k=len(ranked) - CENTRES)
        out.append({"text": text, "cites": [h["iri"] for h in rest]})
    return out


def _statements(u: Understanding, hits: list[dict], total: int, lang: str) -> list[dict]:
    every = [h["iri"] for h in hits]
    kinds: dict[str, int] = {}
    for h in hits:
        kinds[h["type"]] = kinds.get(h["type"], 0) + 1
    types = ", ".join(
        f"{n} {WEB.text(_TYPES[k], lang) if k in _TYPES else k}" for k, n in kinds.items()
    )
    more = total > len(hits) and not u.season
    key = WEB.mark("answer_count_more") if more else WEB.mark("answer_count")
    out = [{"text": WEB.text(key, lang, n=len(hits), types=types), "cites": every}]
    if u.season:
        names = WEB.text("answer_months", lang).split()
        months = ", ".join(names[m - 1] for m in u.season["months"])
        season = WEB.text(_SEASONS[u.season["name"]], lang)
        text = WEB.text("answer_season", lang, season=season, months=months)
        out.append({"text": text, "cites": every})
    out += _centres(hits, lang)
    dated = [h for h in hits if (h.get("temporal") or {}).get("start")]
    if dated:
        first = min(h["temporal"]["start"][:4] for h in dated)
        ongoing = [h for h in dated if not h["temporal"].get("end")]
        last = (
            WEB.text("answer_today", lang)
            if ongoing
            else max(h["temporal"]["end"][:4] for h in dated)
        )
        text = WEB.text("answer_period", lang, start=first, end=last)
        out.append({"text": text, "cites": [h["iri"] for h in dated]})
        if ongoing:
            text = WEB.text("answer_ongoing", lang, n=len(ongoing))
            out.append({"text": text, "cites": [h["iri"] for h in ongoing]})
    world = [h for h in hits if _is_global(h.get("bbox"))]
    regional = [h for h in hits if h.get("bbox") and not _is_global(h["bbox"])]
    if world:
        text = WEB.text("answer_global", lang, n=len(world))
        out.append({"text": text, "cites": [h["iri"] for h in world]})
    if regional:
        place = WEB.text("answer_place", lang, place=u.place.name(lang)) if u.place else ""
        out.append(
            {
                "text": WEB.text("answer_regional", lang, n=len(regional), place=place),
                "cites": [h["iri"] for h in regional],
            }
        )
    out += [{"text": _line(h, lang), "cites": [h["iri"]], "best": True} for h in hits[:BEST]]
    return out


def _without_filters(params: SearchParams, lang: str) -> list[tuple[str, SearchParams]]:
    """The same search without one of its filters (time, place, type, words)."""
    out = []
    if params.start or params.end:
        name = WEB.text("answer_filter_time", lang)
        out.append(
            (WEB.text("answer_without", lang, name=name), replace(params, start=None, end=None))
        )
    if params.bbox:
        name = WEB.text("answer_filter_place", lang)
        out.append((WEB.text("answer_without", lang, name=name), replace(params, bbox=None)))
    if params.filters.get("type"):
        name = WEB.text("answer_filter_type", lang)
        out.append((WEB.text("answer_without", lang, name=name), params.without("type")))
    if params.q and (params.themes or params.bbox or params.filters or params.start or params.end):
        name = WEB.text("answer_filter_words", lang)
        out.append((WEB.text("answer_without", lang, name=name), replace(params, q="")))
    return out


def _suggestions(index, concepts, u: Understanding, params: SearchParams, lang: str) -> list:
    candidates: list[tuple[str, SearchParams]] = []
    if concepts is not None:
        for c in u.concepts:
            concept = concepts.concepts.get(c["iri"])
            for b in concept.broader if concept else ():
                pref = concepts.concepts[b].pref
                label = pref.get(lang) or pref.get("en") or b
                themes = tuple(x for x in params.themes if x != c["iri"]) + (b,)
                candidates.append(
                    (WEB.text("answer_broader", lang, label=label), replace(params, themes=themes))
                )
        if not u.concepts:
            for word in u.words:
                for s in suggest(concepts, word, lang=lang, limit=3):
                    if s["iri"].startswith(THESAURUS_NS):
                        rest = " ".join(w for w in u.words if w != word)
                        p = replace(params, themes=(s["iri"],), q=rest)
                        text = WEB.text("answer_concept", lang, label=s["label"])
                        candidates.append((text, p))
        if not u.concepts:  # nothing to broaden: the compartments of the thesaurus
            tops = [c for c in concepts.concepts.values() if c.in_thesaurus and not c.broader]
            for c in sorted(tops, key=lambda c: (-c.count, c.iri))[:4]:
                label = c.pref.get(lang) or c.pref.get("en") or c.iri
                p = replace(params, themes=(c.iri,), q="")
                candidates.append((WEB.text("answer_broader", lang, label=label), p))
    candidates += _without_filters(params, lang)
    out, seen = [], set()
    for label, p in candidates:
        p = replace(p, size=20, page=1)
        url = p.url("/search")
        if url in seen:
            continue
        seen.add(url)
        count = run_search(index, replace(p, size=1), lang, concepts=concepts)["total"]
        if count:
            out.append({"label": label, "count": count, "search": url, "api": p.url()})
    return out[:8]


def _filters(u: Understanding, lang: str) -> dict:
    return {
        "concepts": u.concepts,
        "place": u.place.as_dict(lang) if u.place else None,
        "start": u.start.isoformat() if u.start else None,
        "end": u.end.isoformat() if u.end else None,
        "time": u.time_text,
        "season": u.season,
        "type": u.types,
        "pole": u.poles,
        "centre": u.centres,
        "q": " ".join(u.words),
    }


def ask(
    index: SearchIndex,
    concepts: ConceptIndex | None,
    question: str,
    lang: str | None = None,
) -> dict:
    """The grounded answer to ``question`` (see the module docstring) as JSON.

    ``lang`` is the interface language, used when the question's own cannot be told.
    """
    orgs = organisation_acronyms(index, lang or "en")
    u = understand(question, concepts, lang=lang, orgs=orgs, matches=index.meta.get("matches", {}))
    lang = u.lang
    params = u.params()
    hits, total = _retrieve(index, concepts, params, lang)
    if u.season:
        hits = [h for h in hits if _in_season(h, u.season["months"])]
    shown = replace(params, size=20)
    links = {
        "search": shown.url("/search"),
        "api": shown.url(),
        "sparql": "/editor?query=" + quote(sparql_for(params), safe=""),
    }
    if not hits:
        return {
            "question": question,
            "lang": lang,
            "understood": _filters(u, lang),
            "found": 0,
            "answer": [{"text": WEB.text("answer_nothing", lang), "cites": []}],
            "records": [],
            "suggestions": _suggestions(index, concepts, u, params, lang),
            "links": links,
        }
    statements = _statements(u, hits, total, lang)
    cited = {i for s in statements for i in s["cites"]}
    return {
        "question": question,
        "lang": lang,
        "understood": _filters(u, lang),
        "found": len(hits),
        "answer": statements,
        "records": [
            {"iri": h["iri"], "path": h["path"], "title": h["title"], "type": h["type"]}
            for h in hits
            if h["iri"] in cited
        ],
        "suggestions": [],
        "links": links,
    }
