"""The assistant's evaluation set: questions over the demo catalogue, half French, half English.

Each case of ``questions.json`` gives the filters a reader expects; the records that must be
cited are those the store gives for these filters by SPARQL (``sparql_for``), kept to the
season's months when a season is asked. The run prints precision and recall of the cited
records, per question and over the set, and fails below the floor.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from concept_support import BASE_IRI, demo_store
from search_support import memory_index

from graph_loader.terms import ORG_NS, THESAURUS_NS
from sparql_api.assistant import ask
from sparql_api.assistant.answer import _in_season
from sparql_api.assistant.gazetteer import places
from sparql_api.assistant.understand import season_months
from sparql_api.core.concept_index import build_concept_index
from sparql_api.search.engine import SearchParams, run_search, sparql_for

CASES = json.loads((Path(__file__).with_name("questions.json")).read_text("utf-8"))["cases"]
#: the build fails below these (over the whole set)
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
DATASET = BASE_IRI + "id/dataset/"


@pytest.fixture(scope="module")
def world():
    store = demo_store()
    index = memory_index(store)
    concepts = build_concept_index(store)
    temporal, page = {}, 1
    while True:
        result = run_search(index, SearchParams(size=100, page=page), "en")
        temporal.update({h["iri"]: h for h in result["hits"]})
        if result["links"]["next"] is None:
            break
        page += 1
    return store, index, concepts, temporal


def expected(store, hits: dict, expect: dict) -> set[str]:
    """The records of the expected filters, by SPARQL on the store."""
    if not expect.get("theme"):
        return set()
    place = next((p for p in places() if p.id == expect.get("place")), None)
    filters = {k: tuple(expect[k]) for k in ("type",) if expect.get(k)}
    for k in ("pole", "centre"):
        if expect.get(k):
            filters[k] = tuple(ORG_NS + v for v in expect[k])
    params = SearchParams(
        themes=tuple(THESAURUS_NS + t for t in expect["theme"]),
        filters=filters,
        bbox=place.bbox if place else None,
        start=date.fromisoformat(expect["start"]) if expect.get("start") else None,
        end=date.fromisoformat(expect["end"]) if expect.get("end") else None,
    )
    found = {row["r"].value for row in store.select(sparql_for(params))}
    if expect.get("season"):
        months = season_months(expect["season"], place)["months"]
        found = {r for r in found if _in_season(hits[r], months)}
    return found


def test_the_set_is_half_french_half_english():
    langs = [c["lang"] for c in CASES]
    assert len(CASES) >= 40 and langs.count("fr") == langs.count("en")


def test_precision_and_recall_of_cited_records(world, capsys):
    store, index, concepts, hits = world
    tp = cited_n = truth_n = 0
    rows, wrong_lang = [], []
    for case in CASES:
        answer = ask(index, concepts, case["q"])
        if answer["lang"] != case["lang"]:
            wrong_lang.append(case["q"])
        cited = {i for s in answer["answer"] for i in s["cites"]}
        truth = expected(store, hits, case["expect"])
        assert {DATASET + m for m in case.get("must", ())} <= cited, case["q"]
        if not truth:  # an absent subject: nothing found, nothing cited, suggestions
            assert answer["found"] == 0 and not cited and answer["suggestions"], case["q"]
        hit = len(cited & truth)
        tp, cited_n, truth_n = tp + hit, cited_n + len(cited), truth_n + len(truth)
        p = hit / len(cited) if cited else 1.0
        r = hit / len(truth) if truth else 1.0
        rows.append(f"{p:5.2f} {r:5.2f}  [{case['lang']}] {case['q']}")
    precision = tp / cited_n if cited_n else 1.0
    recall = tp / truth_n if truth_n else 1.0
    with capsys.disabled():
        print("\nprecision recall  question")
        print("\n".join(rows))
        print(f"overall: precision {precision:.3f}, recall {recall:.3f} ({len(CASES)} questions)")
    assert wrong_lang == []
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR, (precision, recall)
