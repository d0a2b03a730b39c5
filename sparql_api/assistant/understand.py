"""From a question in French or English to a structured search, without a language model.

:func:`understand` finds, in this order, on the folded words of the question (accents
dropped, casefolded):

- **time**: ranges (``2010-2015``, ``between 2010 and 2015``, ``entre 2010 et 2015``,
  ``from 2010 to 2015``, ``de 2010 à 2015``), ``since``/``depuis``/``after``/``après``
  (start), ``before``/``avant`` (end the year before), ``until``/``jusqu'en`` (end that
  year), decades (``the 1990s``, ``années 1990``) and single years (that whole year);
- **season**: dry, wet (rainy, monsoon), summer, winter, spring, autumn in either language.
  The months come from the place when the gazetteer gives its seasons (West Africa: dry
  November-April, wet June-September), else from its hemisphere (summer is December-February
  south of the equator); without a place, the **default** is the northern hemisphere, and for
  dry/wet seasons the northern tropics (dry November-April, wet June-September);
- **place**: the longest name of :mod:`gazetteer.json <sparql_api.assistant.gazetteer>`;
- **type**: datasets, software, publications, services (``données`` alone is no type);
- **pole / centre**: the acronyms of the organisations of the index (AERIS, SEDOO…);
- **variables**: runs of the remaining words naming a concept of the GAIA thesaurus (pref,
  alt or hidden labels, acronyms, in French or English) or of an external vocabulary aligned
  with one; an exact label beats near ones for the same words, and a compartment (a top
  concept) is dropped when a more specific concept was named too. Words left over that are
  not question words become the text query ``q``.

The language of the question is guessed from its function words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from graph_loader.parsing import tokens
from graph_loader.terms import THESAURUS_NS
from sparql_api.assistant.gazetteer import Place, find_place
from sparql_api.core.concept_index import ConceptIndex
from sparql_api.search.naming import match_concepts
from sparql_api.search.params import SearchParams

__all__ = ["Understanding", "understand", "guess_language", "SEASONS", "season_months"]

_FR = {"quelles", "quels", "quel", "quelle", "donnees", "de", "des", "du", "la", "le", "les"}
_FR |= {"sur", "depuis", "dans", "pendant", "entre", "et", "avec", "jeux", "mer", "saison"}
_FR |= {"existe", "il", "y", "a", "ou", "trouver", "au", "aux", "une", "un", "est", "ce"}
_FR |= {"en", "d", "l", "pour", "par", "dont", "sont", "hiver", "ete", "printemps", "automne"}
_EN = {"what", "which", "data", "the", "of", "over", "since", "in", "during", "between"}
_EN |= {"and", "with", "datasets", "is", "are", "there", "any", "season", "sea", "for"}
_EN |= {"about", "from", "find", "where", "do", "you", "have", "on", "measured", "show"}
_EN |= {"at", "by", "to", "winter", "summer", "spring", "autumn", "dry", "wet", "near"}

#: question words that name neither a subject nor a filter
FILLERS = {
    "quelles", "quels", "quel", "quelle", "donnees", "donnee", "de", "des", "du", "la", "le",
    "les", "l", "d", "sur", "en", "dans", "pendant", "durant", "et", "ou", "avec", "existe",
    "t", "il", "y", "a", "au", "aux", "un", "une", "est", "ce", "qui", "que", "quoi", "trouver",
    "disponibles", "disponible", "mesures", "mesure", "mesurees", "observations", "par", "pour",
    "what", "which", "data", "the", "of", "over", "in", "during", "and", "or", "with", "is",
    "are", "there", "any", "about", "on", "for", "find", "where", "do", "you", "have", "show",
    "me", "measured", "measurements", "available", "can", "i", "get", "to",
    "some", "all", "by", "from", "at", "how", "many", "records", "notices", "combien",
    "tous", "toutes", "existent", "concernant", "related", "relating", "autour", "around",
    "region", "zone", "area", "an", "s", "ya",
}  # fmt: skip

TYPE_WORDS = {
    "dataset": ("datasets", "dataset", "jeux de donnees", "jeu de donnees"),
    "software": ("software", "softwares", "logiciel", "logiciels", "code", "codes", "tools"),
    "publication": ("publications", "publication", "articles", "article", "papers", "paper"),
    "service": ("services", "service", "api", "apis"),
    "tutorial": ("tutorials", "tutorial", "tutoriels", "tutoriel"),
}

#: season name -> (folded phrases, northern-hemisphere months, kind)
SEASONS = {
    "dry": (("dry season", "saison seche"), (11, 12, 1, 2, 3, 4)),
    "wet": (
        ("wet season", "rainy season", "monsoon", "saison des pluies", "saison humide", "mousson"),
        (6, 7, 8, 9),
    ),
    "summer": (("summer", "en ete", "l ete", "d ete", "estival"), (6, 7, 8)),
    "winter": (("winter", "hiver", "hivernal"), (12, 1, 2)),
    "spring": (("spring", "printemps"), (3, 4, 5)),
    "autumn": (("autumn", "fall", "automne"), (9, 10, 11)),
}
_SOUTH = {"summer": "winter", "winter": "summer", "spring": "autumn", "autumn": "spring"}

_Y = r"(1[89]\d\d|20\d\d|2100)"
_TIME = [
    ("range", re.compile(rf"\b(?:between|entre|from|de|du)\s+{_Y}\s+(?:and|et|to|a|au)\s+{_Y}\b")),
    ("range", re.compile(rf"\b{_Y}\s+(?:to\s+|a\s+|au\s+)?{_Y}\b")),
    ("decade", re.compile(r"\b(?:the\s+|les\s+annees\s+|annees\s+)(1[89]\d0|20\d0)\s*s?\b")),
    ("since", re.compile(rf"\b(?:since|depuis|after|apres|a partir de|from)\s+{_Y}\b")),
    ("before", re.compile(rf"\b(?:before|avant)\s+{_Y}\b")),
    ("until", re.compile(rf"\b(?:until|till|up to|jusqu en|jusqu a)\s+{_Y}\b")),
    ("year", re.compile(rf"\b(?:in\s+|en\s+|of\s+)?{_Y}\b")),
]


@dataclass(slots=True)
class Understanding:
    """What a question asks, as search filters (see the module docstring)."""

    question: str
    lang: str
    concepts: list[dict] = field(default_factory=list)  # {iri, label, matched, lang}
    place: Place | None = None
    start: date | None = None
    end: date | None = None
    time_text: str | None = None
    season: dict | None = None  # {name, months, hemisphere, default, text}
    types: list[str] = field(default_factory=list)
    poles: list[str] = field(default_factory=list)
    centres: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def params(self, *, size: int = 100, page: int = 1) -> SearchParams:
        """The search these filters make (the season is applied by the assistant)."""
        filters = {}
        for name, values in (("type", self.types), ("pole", self.poles), ("centre", self.centres)):
            if values:
                filters[name] = tuple(values)
        return SearchParams(
            q=" ".join(self.words),
            themes=tuple(c["iri"] for c in self.concepts),
            filters=filters,
            bbox=tuple(self.place.bbox) if self.place else None,
            start=self.start,
            end=self.end,
            size=size,
            page=page,
        )


def guess_language(words: list[str], default: str = "en") -> str:
    """``fr`` or ``en`` by the function words of ``words`` (folded); ``default`` on a tie."""
    fr = sum(w in _FR for w in words)
    en = sum(w in _EN for w in words)
    return "fr" if fr > en else "en" if en > fr else default


def season_months(name: str, place: Place | None) -> dict:
    """The months of season ``name`` for ``place`` (see the module docstring)."""
    months = SEASONS[name][1]
    if place is not None and name in place.seasons:
        return {"months": list(place.seasons[name]), "hemisphere": place.hemisphere, "default": 0}
    hemisphere = place.hemisphere if place is not None else "N"
    if hemisphere == "S" and name in _SOUTH:
        months = SEASONS[_SOUTH[name]][1]
    return {"months": list(months), "hemisphere": hemisphere, "default": int(place is None)}


def _cut(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _phrase(text: str, phrase: str) -> re.Match | None:
    return re.search(r"\b" + re.escape(phrase) + r"\b", text)


def _time(u: Understanding, text: str) -> str:
    for kind, pattern in _TIME:
        m = pattern.search(text)
        if m is None:
            continue
        a = int(m.group(1))
        if kind == "range":
            b = int(m.group(2))
            a, b = min(a, b), max(a, b)
            u.start, u.end = date(a, 1, 1), date(b, 12, 31)
        elif kind == "decade":
            u.start, u.end = date(a, 1, 1), date(a + 9, 12, 31)
        elif kind == "since":
            u.start = date(a, 1, 1)
        elif kind == "before":
            u.end = date(a - 1, 12, 31)
        elif kind == "until":
            u.end = date(a, 12, 31)
        else:
            u.start, u.end = date(a, 1, 1), date(a, 12, 31)
        u.time_text = m.group(0).strip()
        return _cut(text, m.start(), m.end())
    return text


def _season(text: str) -> tuple[str | None, str, str]:
    for name, (phrases, _months) in SEASONS.items():
        for phrase in phrases:
            m = _phrase(text, phrase)
            if m:
                return name, m.group(0), _cut(text, m.start(), m.end())
    return None, "", text


def _types(u: Understanding, text: str) -> str:
    for kind, phrases in TYPE_WORDS.items():
        for phrase in sorted(phrases, key=len, reverse=True):
            m = _phrase(text, phrase)
            if m:
                if kind not in u.types:
                    u.types.append(kind)
                text = _cut(text, m.start(), m.end())
    return text


def _orgs(u: Understanding, text: str, orgs: dict[str, tuple[str, str]]) -> str:
    for acronym, (facet, iri) in sorted(orgs.items(), key=lambda kv: -len(kv[0])):
        m = _phrase(text, acronym)
        if m:
            target = u.poles if facet == "pole" else u.centres
            if iri not in target:
                target.append(iri)
            text = _cut(text, m.start(), m.end())
    return text


def _concepts(u: Understanding, text: str, index: ConceptIndex, matches: dict) -> None:
    segments = [tokens(part) for part in re.split(r"\s{2,}|[,;:?!.()]", text)]
    for words in segments:
        while words and words[0] in FILLERS:
            words = words[1:]
        while words and words[-1] in FILLERS:
            words = words[:-1]
        found = match_concepts(index, words, u.lang) if words else []
        exact = {m.words for m in found if tokens(m.label) == [words[i] for i in m.words]}
        found = [
            m
            for m in found
            if m.words not in exact or tokens(m.label) == [words[i] for i in m.words]
        ]
        covered: set[int] = set()
        for m in found:
            concept = index.concepts[m.iri]
            gaia = (
                [m.iri]
                if concept.in_thesaurus
                else [i for i in matches.get(m.iri, ()) if i.startswith(THESAURUS_NS)]
            )
            if not gaia:
                continue
            covered.update(m.words)
            for iri in gaia:
                if all(c["iri"] != iri for c in u.concepts):
                    pref = index.concepts[iri].pref if iri in index.concepts else {}
                    label = pref.get(u.lang) or pref.get("en") or m.label
                    u.concepts.append({"iri": iri, "label": label, "matched": m.label})
        for i, word in enumerate(words):
            if i not in covered and word not in FILLERS and not word.isdigit():
                u.words.append(word)


def understand(
    question: str,
    index: ConceptIndex | None,
    *,
    lang: str | None = None,
    orgs: dict[str, tuple[str, str]] | None = None,
    matches: dict[str, list[str]] | None = None,
) -> Understanding:
    """The filters of ``question``.

    ``orgs`` maps folded acronyms to ``(facet, IRI)`` (see :func:`organisation_acronyms`),
    ``matches`` concept alignments (the search index's ``meta["matches"]``); ``lang`` is
    used when the question's language cannot be told.
    """
    text = " ".join(tokens(question))
    place, text = find_place(text)  # before the language: "La Réunion" is no French word
    u = Understanding(question, guess_language(text.split(), lang or "en"), place=place)
    text = _time(u, text)
    season, season_text, text = _season(text)
    if season:
        u.season = {"name": season, "text": season_text, **season_months(season, u.place)}
    text = _types(u, text)
    text = _orgs(u, text, orgs or {})
    if index is not None:
        _concepts(u, text, index, matches or {})
        tops = [c for c in u.concepts if not index.concepts[c["iri"]].broader]
        if len(tops) < len(u.concepts):  # "wind speed over the oceans": the compartment goes
            u.concepts = [c for c in u.concepts if c not in tops]
    else:
        u.words = [w for w in text.split() if w not in FILLERS and not w.isdigit()]
    return u
