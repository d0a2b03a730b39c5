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

__all__ = ["ask", "organisation_acronyms", "MAX_RECORDS", "BEST", "TEXTS"]

#: most records an answer reads (the count says "at least" beyond)
MAX_RECORDS = 500
#: best matches listed one line each
BEST = 5
#: centres named one by one (the others in one statement)
CENTRES = 6

TEXTS = {
    "en": {
        "count": "{n} records match: {types}.",
        "count_more": "At least {n} records match: {types}.",
        "centre": "{n} from {centre}.",
        "centre_others": "{n} from {k} other centres.",
        "period": "Their periods run from {start} to {end}.",
        "ongoing": "{n} are still ongoing.",
        "global": "{n} cover the whole globe.",
        "regional": "{n} cover a region{place}.",
        "place": " meeting {place}",
        "line": "{title} ({centre}; {period}; {area}).",
        "today": "today",
        "global_area": "global",
        "season": "Only records whose dates meet {season} ({months}) are kept.",
        "nothing": "No record of the catalogue matches this question.",
        "broader": "broader concept: {label}",
        "concept": "concept: {label}",
        "without": "without the filter {name}",
        "types": {
            "dataset": "dataset(s)",
            "service": "data service(s)",
            "publication": "publication(s)",
            "software": "software",
        },
        "seasons": {
            "dry": "the dry season",
            "wet": "the wet season",
            "summer": "summer",
            "winter": "winter",
            "spring": "spring",
            "autumn": "autumn",
        },
        "filters": {"time": "period", "place": "place", "type": "type", "words": "words"},
        "and": " and ",
        "unknown": "no centre",
        "no_dates": "no dates",
    },
    "fr": {
        "count": "{n} notices correspondent : {types}.",
        "count_more": "Au moins {n} notices correspondent : {types}.",
        "centre": "{n} de {centre}.",
        "centre_others": "{n} de {k} autres centres.",
        "period": "Leurs périodes vont de {start} à {end}.",
        "ongoing": "{n} sont toujours en cours.",
        "global": "{n} couvrent le globe entier.",
        "regional": "{n} couvrent une région{place}.",
        "place": " recoupant {place}",
        "line": "{title} ({centre} ; {period} ; {area}).",
        "today": "aujourd'hui",
        "global_area": "mondial",
        "season": "Seules les notices dont les dates recoupent {season} ({months}) sont gardées.",
        "nothing": "Aucune notice du catalogue ne correspond à cette question.",
        "broader": "concept plus large : {label}",
        "concept": "concept : {label}",
        "without": "sans le filtre {name}",
        "types": {
            "dataset": "jeu(x) de données",
            "service": "service(s) de données",
            "publication": "publication(s)",
            "software": "logiciel(s)",
        },
        "seasons": {
            "dry": "la saison sèche",
            "wet": "la saison des pluies",
            "summer": "l'été",
            "winter": "l'hiver",
            "spring": "le printemps",
            "autumn": "l'automne",
        },
        "filters": {"time": "période", "place": "lieu", "type": "type", "words": "mots"},
        "and": " et ",
        "unknown": "sans centre",
        "no_dates": "sans dates",
    },
}
_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
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


def _period(hit: dict, t: dict) -> str:
    temporal = hit.get("temporal") or {}
    if not temporal.get("start"):
        return t["no_dates"]
    end = temporal.get("end")
    return f"{temporal['start'][:4]}–{end[:4] if end else t['today']}"


def _area(hit: dict, t: dict) -> str:
    bbox = hit.get("bbox")
    if not bbox:
        return "–"
    if _is_global(bbox):
        return t["global_area"]
    return "{:g}, {:g}, {:g}, {:g}".format(*(round(x, 1) for x in bbox))


def _statements(u: Understanding, hits: list[dict], total: int, lang: str) -> list[dict]:
    t = TEXTS[lang]
    every = [h["iri"] for h in hits]
    kinds: dict[str, int] = {}
    for h in hits:
        kinds[h["type"]] = kinds.get(h["type"], 0) + 1
    types = ", ".join(f"{n} {t['types'].get(k, k)}" for k, n in kinds.items())
    key = "count_more" if total > len(hits) and not u.season else "count"
    out = [{"text": t[key].format(n=len(hits), types=types), "cites": every}]
    if u.season:
        months = ", ".join(_MONTHS[lang][m - 1] for m in u.season["months"])
        season = t["seasons"][u.season["name"]]
        out.append({"text": t["season"].format(season=season, months=months), "cites": every})
    by_centre: dict[str, list[dict]] = {}
    for h in hits:
        label = _short(h["centre"]["label"]) if h.get("centre") else t["unknown"]
        by_centre.setdefault(label, []).append(h)
    ranked = sorted(by_centre.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    for label, group in ranked[:CENTRES]:
        out.append(
            {
                "text": t["centre"].format(n=len(group), centre=label),
                "cites": [h["iri"] for h in group],
            }
        )
    rest = [h for _label, group in ranked[CENTRES:] for h in group]
    if rest:
        text = t["centre_others"].format(n=len(rest), k=len(ranked) - CENTRES)
        out.append({"text": text, "cites": [h["iri"] for h in rest]})
    dated = [h for h in hits if (h.get("temporal") or {}).get("start")]
    if dated:
        first = min(h["temporal"]["start"][:4] for h in dated)
        ongoing = [h for h in dated if not h["temporal"].get("end")]
        last = t["today"] if ongoing else max(h["temporal"]["end"][:4] for h in dated)
        text = t["period"].format(start=first, end=last)
        out.append({"text": text, "cites": [h["iri"] for h in dated]})
        if ongoing:
            text = t["ongoing"].format(n=len(ongoing))
            out.append({"text": text, "cites": [h["iri"] for h in ongoing]})
    world = [h for h in hits if _is_global(h.get("bbox"))]
    regional = [h for h in hits if h.get("bbox") and not _is_global(h["bbox"])]
    if world:
        out.append({"text": t["global"].format(n=len(world)), "cites": [h["iri"] for h in world]})
    if regional:
        place = t["place"].format(place=u.place.name(lang)) if u.place else ""
        out.append(
            {
                "text": t["regional"].format(n=len(regional), place=place),
                "cites": [h["iri"] for h in regional],
            }
        )
    for h in hits[:BEST]:
        centre = _short(h["centre"]["label"]) if h.get("centre") else t["unknown"]
        line = t["line"].format(
            title=h["title"], centre=centre, period=_period(h, t), area=_area(h, t)
        )
        out.append({"text": line, "cites": [h["iri"]], "best": True})
    return out


def _suggestions(index, concepts, u: Understanding, params: SearchParams, lang: str) -> list:
    t = TEXTS[lang]
    candidates: list[tuple[str, SearchParams]] = []
    if concepts is not None:
        for c in u.concepts:
            concept = concepts.concepts.get(c["iri"])
            for b in concept.broader if concept else ():
                pref = concepts.concepts[b].pref
                label = pref.get(lang) or pref.get("en") or b
                themes = tuple(x for x in params.themes if x != c["iri"]) + (b,)
                candidates.append(
                    (t["broader"].format(label=label), replace(params, themes=themes))
                )
        if not u.concepts:
            for word in u.words:
                for s in suggest(concepts, word, lang=lang, limit=3):
                    if s["iri"].startswith(THESAURUS_NS):
                        rest = " ".join(w for w in u.words if w != word)
                        p = replace(params, themes=(s["iri"],), q=rest)
                        candidates.append((t["concept"].format(label=s["label"]), p))
        if not u.concepts:  # nothing to broaden: the compartments of the thesaurus
            tops = [c for c in concepts.concepts.values() if c.in_thesaurus and not c.broader]
            for c in sorted(tops, key=lambda c: (-c.count, c.iri))[:4]:
                label = c.pref.get(lang) or c.pref.get("en") or c.iri
                p = replace(params, themes=(c.iri,), q="")
                candidates.append((t["broader"].format(label=label), p))
    names = t["filters"]
    if params.start or params.end:
        candidates.append(
            (t["without"].format(name=names["time"]), replace(params, start=None, end=None))
        )
    if params.bbox:
        candidates.append((t["without"].format(name=names["place"]), replace(params, bbox=None)))
    if params.filters.get("type"):
        candidates.append((t["without"].format(name=names["type"]), params.without("type")))
    if params.q and (params.themes or params.bbox or params.filters or params.start or params.end):
        candidates.append((t["without"].format(name=names["words"]), replace(params, q="")))
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
            "answer": [{"text": TEXTS[lang]["nothing"], "cites": []}],
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
