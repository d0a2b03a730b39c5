"""Question understanding: time phrases, seasons by place and hemisphere, places, types,
organisations, concepts in either language, and the language of the question."""

from __future__ import annotations

from datetime import date

import pytest
from concept_support import demo_store

from graph_loader.terms import ORG_NS, THESAURUS_NS
from sparql_api.assistant import find_place, guess_language, understand
from sparql_api.assistant.understand import season_months
from sparql_api.core.concept_index import build_concept_index

ORGS = {"aeris": ("pole", ORG_NS + "aeris"), "sedoo": ("centre", ORG_NS + "sedoo")}


@pytest.fixture(scope="module")
def concepts():
    return build_concept_index(demo_store())


@pytest.mark.parametrize(
    ("question", "start", "end", "text"),
    [
        ("ozone since 2015", date(2015, 1, 1), None, "since 2015"),
        ("ozone depuis 2015", date(2015, 1, 1), None, "depuis 2015"),
        ("ozone après 2015", date(2015, 1, 1), None, "apres 2015"),
        ("ozone between 2015 and 2010", date(2010, 1, 1), date(2015, 12, 31), None),
        ("ozone entre 2010 et 2015", date(2010, 1, 1), date(2015, 12, 31), None),
        ("ozone from 2010 to 2015", date(2010, 1, 1), date(2015, 12, 31), None),
        ("ozone 2010-2015", date(2010, 1, 1), date(2015, 12, 31), "2010 2015"),
        ("ozone in the 1990s", date(1990, 1, 1), date(1999, 12, 31), "the 1990s"),
        ("ozone des années 1990", date(1990, 1, 1), date(1999, 12, 31), "annees 1990"),
        ("ozone before 2000", None, date(1999, 12, 31), "before 2000"),
        ("ozone jusqu'en 2000", None, date(2000, 12, 31), "jusqu en 2000"),
        ("ozone en 2006", date(2006, 1, 1), date(2006, 12, 31), "en 2006"),
        ("ozone", None, None, None),
    ],
)
def test_time(concepts, question, start, end, text):
    u = understand(question, concepts)
    assert (u.start, u.end) == (start, end)
    if text is not None:
        assert u.time_text == text
    assert [c["iri"] for c in u.concepts] == [THESAURUS_NS + "ozone"] and u.words == []


def test_seasons_follow_the_place():
    assert season_months("dry", None) == {
        "months": [11, 12, 1, 2, 3, 4],
        "hemisphere": "N",
        "default": 1,
    }
    reunion, _ = find_place("la reunion")
    assert season_months("summer", reunion) == {
        "months": [12, 1, 2],
        "hemisphere": "S",
        "default": 0,
    }
    assert season_months("wet", reunion)["months"] == [12, 1, 2, 3]
    kerguelen, _ = find_place("kerguelen")
    assert season_months("winter", kerguelen)["months"] == [6, 7, 8]


def test_places_longest_name_first():
    assert find_place("salinite atlantique nord")[0].id == "north-atlantic"
    assert find_place("salinity in the atlantic")[0].id == "atlantic-ocean"
    assert find_place("courants du golfe de gascogne")[0].bbox == (-10.0, 43.0, -1.0, 48.5)
    assert find_place("rien ici") == (None, "rien ici")


def test_types_organisations_and_words(concepts):
    u = understand("carbon monoxide datasets and software from SEDOO at AERIS", concepts, orgs=ORGS)
    assert u.types == ["dataset", "software"]
    assert (u.poles, u.centres) == ([ORG_NS + "aeris"], [ORG_NS + "sedoo"])
    assert [c["iri"] for c in u.concepts] == [THESAURUS_NS + "carbon-monoxide"]
    assert u.words == []
    params = u.params(size=20)
    assert params.filters == {
        "type": ("dataset", "software"),
        "pole": (ORG_NS + "aeris",),
        "centre": (ORG_NS + "sedoo",),
    }
    assert params.themes == (THESAURUS_NS + "carbon-monoxide",)


def test_an_unknown_subject_becomes_words(concepts):
    u = understand("microplastiques en mer du Nord", concepts)
    assert (u.lang, u.words, u.concepts, u.place.id) == ("fr", ["microplastiques"], [], "north-sea")


def test_language_of_the_question():
    assert guess_language("quelles donnees sur l ozone".split()) == "fr"
    assert guess_language("what data about ozone".split()) == "en"
    assert guess_language(["ozone"], "fr") == "fr"
