"""Alignments of the GAIA thesaurus to GCMD Science Keywords and to the EU data themes."""

from __future__ import annotations

import importlib
import sys
from functools import cache
from pathlib import Path

import pytest
from helpers import CORPORA, needs_corpora
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from graph_loader.alignment import (
    MATCH_RANK,
    gaia_matches,
    label_paths,
    normalise_keyword_path,
    resolve_gcmd,
    resolve_gcmd_keyword,
)
from graph_loader.paths import vocabularies_dir

THES = Namespace("https://w3id.org/gaia-kg/thesaurus/")
GCMD = Namespace("https://gcmd.earthdata.nasa.gov/kms/concept/")
THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
TOOLS = Path(__file__).resolve().parents[1] / "tools"
GCMD_FILE = CORPORA / "gcmd" / "sciencekeywords.rdf"
THEMES_FILE = CORPORA / "skos" / "eu-vocabularies" / "data-theme-filtered.rdf"
ALIGNMENTS = vocabularies_dir() / "alignments"
GCMD_ALIGNMENT = ALIGNMENTS / "gcmd-sciencekeywords.ttl"
EU_ALIGNMENT = ALIGNMENTS / "eu-data-themes.ttl"

# Where a GCMD Topic's Terms may land: the GAIA compartments that hold such data.
ALLOWED_COMPARTMENTS = {
    "AGRICULTURE": {"agro-environment", "land-surfaces", "biodiversity"},
    "ATMOSPHERE": {"atmosphere"},
    "BIOLOGICAL CLASSIFICATION": {"biodiversity"},
    "BIOSPHERE": {"biodiversity", "land-surfaces"},
    "CLIMATE INDICATORS": {"climate"},
    "CRYOSPHERE": {"land-surfaces", "oceans"},
    "HUMAN DIMENSIONS": {"land-surfaces", "agro-environment", "atmosphere", "biodiversity"},
    "LAND SURFACE": {"land-surfaces", "agro-environment"},
    "OCEANS": {"oceans", "biodiversity", "solid-earth", "atmosphere"},  # ocean surface winds
    "PALEOCLIMATE": {"climate"},
    "SOLID EARTH": {"solid-earth"},
    "SPECTRAL/ENGINEERING": {"atmosphere"},
    "SUN-EARTH INTERACTIONS": {"atmosphere", "solid-earth"},
    "TERRESTRIAL HYDROSPHERE": {"land-surfaces", "agro-environment"},
}


def _parse(path: Path, fmt: str) -> Graph:
    graph = Graph()
    graph.parse(path, format=fmt)
    return graph


@cache
def thesaurus() -> Graph:
    return _parse(vocabularies_dir() / "gaia-thesaurus.ttl", "turtle")


@cache
def gcmd() -> Graph:
    return _parse(GCMD_FILE, "xml")


@cache
def gcmd_alignment() -> Graph:
    return _parse(GCMD_ALIGNMENT, "turtle")


@cache
def gcmd_paths() -> dict[str, URIRef]:
    (root,) = [s for s, o in gcmd().subject_objects(SKOS.prefLabel) if str(o) == "EARTH SCIENCE"]
    return label_paths(gcmd(), root)


def compartment(concept: URIRef) -> str:
    """Slug of the GAIA compartment at the top of ``concept``'s broader chain."""
    while (parent := thesaurus().value(concept, SKOS.broader)) is not None:
        concept = parent
    return concept.removeprefix(str(THES))


def resolve(path: str) -> set[str]:
    found = resolve_gcmd(gcmd_paths()[path], gcmd(), gcmd_alignment())
    return {c.removeprefix(str(THES)) for c in found}


def mapping_triples(graph: Graph) -> list[tuple[URIRef, URIRef, URIRef]]:
    return [(s, p, o) for s, p, o in graph if p in MATCH_RANK]


def test_alignment_files_hold_only_mappings_from_gaia_concepts() -> None:
    gaia = set(thesaurus().subjects(SKOS.inScheme, THES.gaia))
    for path in (GCMD_ALIGNMENT, EU_ALIGNMENT):
        graph = _parse(path, "turtle")
        assert len(graph) > 0
        assert mapping_triples(graph) == list(graph), path
        assert {s for s, _, _ in graph} - gaia == set(), path


@needs_corpora
def test_every_gcmd_iri_exists_in_the_corpus() -> None:
    known = set(gcmd().subjects(SKOS.prefLabel, None))
    targets = {o for _, _, o in gcmd_alignment()}
    assert all(o.startswith(str(GCMD)) for o in targets)
    assert targets - known == set()


@needs_corpora
def test_every_eu_theme_iri_exists_in_the_corpus() -> None:
    known = set(_parse(THEMES_FILE, "xml").subjects(SKOS.prefLabel, None))
    targets = {o for _, _, o in _parse(EU_ALIGNMENT, "turtle")}
    assert targets - known == set()
    assert THEME.ENVI in targets and THEME.AGRI in targets


def test_every_compartment_is_under_an_eu_theme() -> None:
    eu = _parse(EU_ALIGNMENT, "turtle")
    tops = set(thesaurus().subjects(SKOS.topConceptOf, THES.gaia))
    assert len(tops) == 7
    assert {t for t in tops if (t, SKOS.broadMatch, THEME.ENVI) in eu} == tops


@needs_corpora
def test_every_gcmd_topic_and_term_resolves_to_a_gaia_concept() -> None:
    levels = [p for p in gcmd_paths() if p.count(" > ") <= 1]
    assert len(levels) == 134  # 14 Topics and their 120 Terms in this corpus
    unresolved = [p for p in levels if not resolve(p)]
    assert unresolved == []


@needs_corpora
def test_every_gcmd_concept_below_earth_science_resolves() -> None:
    unresolved = [p for p in gcmd_paths() if not resolve(p)]
    assert unresolved == []


@needs_corpora
def test_every_gcmd_term_lands_in_a_compartment_its_topic_allows() -> None:
    assert {p for p in gcmd_paths() if " > " not in p} == set(ALLOWED_COMPARTMENTS)
    wrong = {}
    for path in (p for p in gcmd_paths() if p.count(" > ") <= 1):
        topic = path.split(" > ")[0]
        landed = {compartment(THES[slug]) for slug in resolve(path)}
        if not landed <= ALLOWED_COMPARTMENTS[topic]:
            wrong[path] = landed
    assert wrong == {}


SPOT_CHECKS = {
    "ATMOSPHERE > AEROSOLS > AEROSOL OPTICAL DEPTH/THICKNESS": {"aerosol-optical-depth"},
    # a level-5 variable lands through its level-4 parent
    "ATMOSPHERE > AEROSOLS > AEROSOL OPTICAL DEPTH/THICKNESS > ANGSTROM EXPONENT": {
        "aerosol-optical-depth"
    },
    "OCEANS > OCEAN TEMPERATURE > SEA SURFACE TEMPERATURE": {"sea-surface-temperature"},
    "CRYOSPHERE > SNOW/ICE > SNOW COVER": {"snow-cover"},
    "TERRESTRIAL HYDROSPHERE > SNOW/ICE > SNOW COVER": {"snow-cover"},
    "ATMOSPHERE > AEROSOLS": {"aerosols"},
    "ATMOSPHERE": {"atmosphere"},
    # a Term without GAIA equivalent lands on the closest broader GAIA concept
    "ATMOSPHERE > ATMOSPHERIC CHEMISTRY": {"atmosphere"},
    "ATMOSPHERE > ATMOSPHERIC CHEMISTRY > HALOCARBONS AND HALOGENS": {"atmosphere"},
    "ATMOSPHERE > ATMOSPHERIC CHEMISTRY > CARBON AND HYDROCARBON COMPOUNDS > METHANE": {"methane"},
    "CRYOSPHERE": {"snow-and-ice", "sea-ice"},
    "OCEANS > SEA ICE > ICE DEPTH/THICKNESS": {"sea-ice-thickness"},
    "SOLID EARTH > TECTONICS > EARTHQUAKES > SEISMIC PROFILE > SEISMIC BODY WAVES": {
        "seismic-waveforms"
    },
    "HUMAN DIMENSIONS > NATURAL HAZARDS > FLOODS": {"floods"},
    "HUMAN DIMENSIONS > POPULATION": {"land-use"},
    "SPECTRAL/ENGINEERING > LIDAR > LIDAR BACKSCATTER": {"aerosols", "clouds"},
    "BIOSPHERE > VEGETATION > VEGETATION INDEX": {"ndvi"},
    "BIOLOGICAL CLASSIFICATION > PROTISTS > PLANKTON > PHYTOPLANKTON": {"plankton"},
}


@needs_corpora
@pytest.mark.parametrize(("path", "expected"), sorted(SPOT_CHECKS.items()))
def test_spot_checks(path: str, expected: set[str]) -> None:
    assert resolve(path) == expected


@needs_corpora
def test_exact_matches_of_agreed_variables() -> None:
    exact = {
        (s.removeprefix(str(THES)), o) for s, o in gcmd_alignment().subject_objects(SKOS.exactMatch)
    }
    paths = gcmd_paths()
    assert (
        "aerosol-optical-depth",
        paths["ATMOSPHERE > AEROSOLS > AEROSOL OPTICAL DEPTH/THICKNESS"],
    ) in exact
    assert (
        "sea-surface-temperature",
        paths["OCEANS > OCEAN TEMPERATURE > SEA SURFACE TEMPERATURE"],
    ) in exact
    # every GAIA compartment is reachable: the alignment touches all seven
    touched = {compartment(s) for s, _, _ in gcmd_alignment()}
    assert touched == {
        "atmosphere",
        "oceans",
        "land-surfaces",
        "solid-earth",
        "climate",
        "biodiversity",
        "agro-environment",
    }


def test_resolution_walks_up_and_prefers_the_strongest_mapping() -> None:
    ex = Namespace("https://example.org/")
    hierarchy, links = Graph(), Graph()
    hierarchy.add((ex["term"], SKOS.broader, ex.topic))
    hierarchy.add((ex.topic, SKOS.narrower, ex.var))  # narrower only: still walked up
    hierarchy.add((ex.deep, SKOS.broader, ex.var))
    links.add((THES.atmosphere, SKOS.narrowMatch, ex.topic))
    links.add((THES.aerosols, SKOS.relatedMatch, ex["term"]))
    links.add((ex["term"], SKOS.exactMatch, THES.dust))  # stated from the external side
    links.add((THES["sea-ice"], SKOS.exactMatch, ex.other))
    links.add((ex.elsewhere, SKOS.exactMatch, ex["term"]))  # not a GAIA concept: ignored
    assert resolve_gcmd(ex["term"], hierarchy, links) == [THES.dust]
    assert resolve_gcmd(ex.deep, hierarchy, links) == [THES.atmosphere]
    assert resolve_gcmd(ex.unknown, hierarchy, links) == []
    assert gaia_matches(ex["term"], links) == {
        THES.aerosols: SKOS.relatedMatch,
        THES.dust: SKOS.exactMatch,
    }


def test_resolution_survives_a_cycle() -> None:
    ex = Namespace("https://example.org/")
    hierarchy, links = Graph(), Graph()
    hierarchy.add((ex.a, SKOS.broader, ex.b))
    hierarchy.add((ex.b, SKOS.broader, ex.a))
    hierarchy.add((ex.a, SKOS.prefLabel, Literal("A", lang="en")))
    hierarchy.add((ex.b, SKOS.prefLabel, Literal("B", lang="en")))
    assert resolve_gcmd(ex.a, hierarchy, links) == []
    assert label_paths(hierarchy, ex.a) == {"B": ex.b}


KEYWORDS = {
    # as written in ISO 19139 / DIF records: full path, any case and spacing
    "EARTH SCIENCE > OCEANS > OCEAN TEMPERATURE > SEA SURFACE TEMPERATURE": {
        "sea-surface-temperature"
    },
    "Earth Science>Atmosphere>Aerosols>Aerosol Optical Depth/Thickness": {"aerosol-optical-depth"},
    # a detailed variable the corpus does not hold: trimmed to its known parent
    "EARTH SCIENCE > ATMOSPHERE > AEROSOLS > AEROSOL OPTICAL DEPTH/THICKNESS > AOD AT 550 NM": {
        "aerosol-optical-depth"
    },
    # a bare label: every GCMD concept carrying it
    "snow cover": {"snow-cover"},
    "ATMOSPHERE": {"atmosphere"},
    "NOT A GCMD KEYWORD": set(),
    "EARTH SCIENCE > NOT A TOPIC > AEROSOLS": set(),
    " > ": set(),
}


@needs_corpora
@pytest.mark.parametrize(("text", "expected"), sorted(KEYWORDS.items()))
def test_keyword_strings_resolve(text: str, expected: set[str]) -> None:
    found = resolve_gcmd_keyword(text, gcmd_paths(), gcmd(), gcmd_alignment())
    assert {c.removeprefix(str(THES)) for c in found} == expected


def test_normalise_keyword_path() -> None:
    assert normalise_keyword_path(" earth science >OCEANS>  sea  ice ") == "OCEANS > SEA ICE"
    assert normalise_keyword_path("Oceans") == "OCEANS"
    assert normalise_keyword_path("") == ""


def _build_module():
    sys.path.insert(0, str(TOOLS))
    try:
        return importlib.import_module("build_alignments")
    finally:
        sys.path.remove(str(TOOLS))


@needs_corpora
def test_committed_files_are_what_the_tables_build() -> None:
    build = _build_module()
    gaia = set(thesaurus().subjects(SKOS.inScheme, THES.gaia))
    themes = _parse(THEMES_FILE, "xml")
    assert build.to_turtle(build.build_gcmd(gcmd(), gaia)) == GCMD_ALIGNMENT.read_text("utf-8")
    assert build.to_turtle(build.build_eu_themes(themes, gaia)) == EU_ALIGNMENT.read_text("utf-8")


@needs_corpora
def test_build_fails_loudly_on_unknown_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build_module()
    gaia = set(thesaurus().subjects(SKOS.inScheme, THES.gaia))
    rows = [
        ("OCEANS > SEA ICE", "exact", "sea-ice"),
        ("OCEANS > SEA ICES", "exact", "sea-ice"),
        ("OCEANS", "exact", "ocean"),
        ("OCEANS", "same", "oceans"),
    ]
    monkeypatch.setattr(build, "read_rows", lambda name: rows)
    with pytest.raises(build.AlignmentError) as caught:
        build.build_gcmd(gcmd(), gaia)
    assert str(caught.value).splitlines() == [
        "cannot build the GCMD alignment:",
        "  GCMD path not found: 'OCEANS > SEA ICES'",
        "  GAIA slug not in the thesaurus: 'ocean' (row 'OCEANS')",
        "  unknown relation 'same' (row 'OCEANS')",
    ]


EPOS_ALIGNMENT = ALIGNMENTS / "epos-categories.ttl"


def test_epos_categories_land_only_in_the_solid_earth_compartment() -> None:
    graph = _parse(EPOS_ALIGNMENT, "turtle")
    gaia = set(thesaurus().subjects(SKOS.inScheme, THES.gaia))
    assert mapping_triples(graph) == list(graph)
    assert {s for s, _, _ in graph} <= gaia
    assert {compartment(s) for s, _, _ in graph} == {"solid-earth"}
    assert all(str(o).startswith("epos:") for _, _, o in graph)
    # every EPOS category is one row, whatever its case or punctuation
    build = _build_module()
    assert build.to_turtle(build.build_epos(gaia)) == EPOS_ALIGNMENT.read_text("utf-8")


def test_epos_build_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    build = _build_module()
    gaia = set(thesaurus().subjects(SKOS.inScheme, THES.gaia))
    rows = [
        ("SeismicWaveform", "exact", "seismic-waveforms"),
        ("Seismic waveform", "exact", "seismic-waveforms"),
        ("Ozone", "exact", "ozone"),
        ("Geology", "same", "geology"),
    ]
    monkeypatch.setattr(build, "read_rows", lambda name: rows)
    with pytest.raises(build.AlignmentError) as caught:
        build.build_epos(gaia)
    assert str(caught.value).splitlines() == [
        "cannot build the EPOS category alignment:",
        "  EPOS category listed twice (names fold alike): 'Seismic waveform'",
        "  GAIA slug not in the solid-earth compartment: 'ozone' ('Ozone')",
        "  unknown relation 'same' (row 'Geology')",
    ]


def test_the_alignment_tables_are_csv_data_files() -> None:
    build = _build_module()
    assert list((TOOLS / "alignment_tables").glob("*.py")) == []
    rows = build.read_rows("eu_themes")
    assert rows[0] == ("atmosphere", "broad", "ENVI")
    assert all(len(row) == 3 and not row[0].startswith("#") for row in rows)
