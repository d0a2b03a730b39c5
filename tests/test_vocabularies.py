"""The GAIA thesaurus, the organisations scheme and the gazetteer: structure, labels and the
agreed identifiers."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from graph_loader.parsing import parse_bbox
from graph_loader.paths import ontology_dir, vocabularies_dir

GAIA = Namespace("https://w3id.org/gaia-kg/ontology#")
THES = Namespace("https://w3id.org/gaia-kg/thesaurus/")
ORG = Namespace("https://w3id.org/gaia-kg/org/")
PLACE = Namespace("https://w3id.org/gaia-kg/place/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
SCHEME = THES.gaia
ORG_SCHEME = ORG.scheme
PLACE_SCHEME = PLACE.scheme

# The specification: compartment -> sub-domain -> variables agreed with the demo catalogue.
AGREED = {
    "atmosphere": {
        "aerosols": [
            "aerosol-optical-depth",
            "aerosol-extinction-profile",
            "aerosol-size-distribution",
            "dust",
        ],
        "air-quality": [
            "ozone",
            "nitrogen-dioxide",
            "carbon-monoxide",
            "particulate-matter",
            "sulphur-dioxide",
            "air-pollution-episodes",
            "wildfires",
        ],
        "atmospheric-climate": ["boundary-layer-height", "atmospheric-reanalysis"],
        "pressure": ["surface-pressure"],
        "radiation": ["surface-solar-radiation", "outgoing-longwave-radiation"],
        "atmospheric-temperature": ["air-temperature", "temperature-profile"],
        "water-vapour": ["specific-humidity", "total-column-water-vapour"],
        "winds": ["wind-speed", "wind-direction"],
        "clouds": ["cloud-fraction", "cloud-top-height", "cloud-phase"],
        "precipitation": ["precipitation-rate", "rainfall-accumulation"],
        "weather-events": ["storms", "lightning", "heatwaves"],
    },
    "oceans": {
        "ocean-temperature": [
            "sea-surface-temperature",
            "ocean-temperature-profile",
            "marine-heatwaves",
        ],
        "salinity": ["sea-surface-salinity", "salinity-profile"],
        "sea-level": ["sea-surface-height", "sea-level-anomaly", "sea-level-rise"],
        "ocean-circulation": ["ocean-currents", "mixed-layer-depth"],
        "ocean-biogeochemistry": [
            "dissolved-oxygen",
            "nutrients",
            "ocean-ph",
            "seawater-pco2",
            "deoxygenation",
        ],
        "sea-ice": ["sea-ice-concentration", "sea-ice-thickness"],
        "sea-state": ["significant-wave-height"],
        "ocean-colour": ["chlorophyll-a", "suspended-particulate-matter"],
        "bathymetry": ["seafloor-depth"],
    },
    "land-surfaces": {
        "snow-and-ice": [
            "snow-cover",
            "snow-water-equivalent",
            "glacier-mass-balance",
            "permafrost",
        ],
        "land-cover": ["land-cover-classes", "land-use"],
        "vegetation": ["ndvi", "leaf-area-index", "biomass"],
        "soil-moisture": ["surface-soil-moisture"],
        "surface-water": [
            "river-discharge",
            "lake-water-level",
            "water-bodies-extent",
            "water-quality",
            "floods",
        ],
        "land-temperature": ["land-surface-temperature"],
        "topography": ["elevation", "shoreline-change"],
    },
    "solid-earth": {
        "ground-deformation": [
            "ground-displacement",
            "interferograms",
            "strain-rate",
            "landslides",
        ],
        "seismicity": ["earthquake-catalogue", "seismic-waveforms"],
        "geodesy": ["gnss-positions", "gnss-velocities"],
        "geomagnetism": ["magnetic-field"],
        "volcanology": ["volcanic-gas-emissions", "thermal-anomalies"],
        "gravity-field": ["gravity-anomaly"],
        "geology": ["geological-maps"],
    },
    "climate": {
        "climate-indicators": ["temperature-anomaly"],
        "paleoclimate": ["ice-cores", "sediment-cores"],
        "climate-models": ["climate-projections"],
        "greenhouse-gases": ["carbon-dioxide", "methane", "carbon-emissions"],
    },
    "biodiversity": {
        "species-occurrence": ["species-occurrences", "abundance"],
        "ecosystems": ["habitat-maps"],
        "marine-biodiversity": ["plankton", "fish-stocks", "benthic-fauna"],
        "genetic-diversity": ["environmental-dna"],
    },
    "agro-environment": {
        "crops": ["crop-type", "crop-yield"],
        "soil-properties": ["soil-organic-carbon", "soil-texture"],
        "agricultural-practices": ["irrigation"],
        "water-resources": ["groundwater-level", "evapotranspiration"],
    },
}

AGREED_POLES = {
    "aeris": ["icare", "espri", "sedoo", "satmos"],
    "odatis": ["coriolis", "sismer", "cersat", "seanoe", "ctoh", "aviso"],
    "theia": ["theia-cnes", "cesbio", "hydroweb", "ozcar"],
    "formater": ["isdeform", "resif", "ipgp-datacentre", "renag", "bcmt"],
    "pndb": ["mnhn", "gbif-france"],
}

LEVELS = [GAIA.Compartment, GAIA.SubDomain, GAIA.Variable]
LABEL_PROPERTIES = [SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, FOAF.name]


@pytest.fixture(scope="module")
def thesaurus() -> Graph:
    return Graph().parse(vocabularies_dir() / "gaia-thesaurus.ttl", format="turtle")


@pytest.fixture(scope="module")
def organisations() -> Graph:
    return Graph().parse(vocabularies_dir() / "organisations.ttl", format="turtle")


@pytest.fixture(scope="module")
def places() -> Graph:
    return Graph().parse(vocabularies_dir() / "places.ttl", format="turtle")


#: each shipped SKOS file: its scheme and the depths of its tree
SHIPPED = {
    "thesaurus": (SCHEME, {0, 1, 2}),
    "organisations": (ORG_SCHEME, {0, 1, 2}),
    "places": (PLACE_SCHEME, {0}),
}


@pytest.fixture(scope="module", params=sorted(SHIPPED))
def vocabulary(request) -> tuple[Graph, URIRef]:
    return request.getfixturevalue(request.param), SHIPPED[request.param][0]


def concepts(graph: Graph, scheme: URIRef) -> set[URIRef]:
    return set(graph.subjects(SKOS.inScheme, scheme))


def langs(graph: Graph, subject: URIRef, prop: URIRef) -> list[str]:
    return sorted(o.language for o in graph.objects(subject, prop) if isinstance(o, Literal))


def slug(iri: URIRef, base: Namespace) -> str:
    assert iri.startswith(str(base)), iri
    return iri[len(base) :]


def depth(graph: Graph, concept: URIRef) -> int:
    """Steps up skos:broader to a top concept; fails on a cycle or a fork."""
    seen = [concept]
    while (None, SKOS.hasTopConcept, seen[-1]) not in graph:
        parents = list(graph.objects(seen[-1], SKOS.broader))
        assert len(parents) == 1, f"{seen[-1]} has broader {parents}"
        assert parents[0] not in seen, f"cycle through {seen}"
        seen.append(parents[0])
    return len(seen) - 1


def test_every_concept_has_one_preflabel_and_a_definition_per_language(vocabulary):
    graph, scheme = vocabulary
    bad = {
        c: (langs(graph, c, SKOS.prefLabel), langs(graph, c, SKOS.definition))
        for c in concepts(graph, scheme)
        if langs(graph, c, SKOS.prefLabel) != ["en", "fr"]
        or langs(graph, c, SKOS.definition) != ["en", "fr"]
    }
    assert bad == {}
    assert langs(graph, scheme, SKOS.prefLabel) == ["en", "fr"]
    assert langs(graph, scheme, SKOS.definition) == []


def test_scheme_has_title_and_description_in_both_languages(vocabulary):
    graph, scheme = vocabulary
    assert langs(graph, scheme, DCTERMS.title) == ["en", "fr"]
    assert langs(graph, scheme, DCTERMS.description) == ["en", "fr"]


def test_no_preflabel_is_used_twice_in_one_language(vocabulary):
    graph, scheme = vocabulary
    counts = Counter(
        (str(label), label.language)
        for c in concepts(graph, scheme)
        for label in graph.objects(c, SKOS.prefLabel)
    )
    assert [key for key, n in counts.items() if n > 1] == []


def test_no_literal_has_stray_spaces_or_lacks_a_language(vocabulary):
    graph, _ = vocabulary
    literals = [o for o in graph.objects() if isinstance(o, Literal)]
    texts = [str(o) for o in literals]
    assert [t for t in texts if t != t.strip() or "  " in t or "\n" in t] == []
    # text has a language; a typed literal (a place's WKT bbox) is a value
    assert [o for o in literals if o.datatype is None and o.language not in ("fr", "en")] == []


def test_pref_alt_and_hidden_labels_are_disjoint_per_concept(vocabulary):
    graph, scheme = vocabulary
    overlaps = {}
    for c in concepts(graph, scheme):
        sets = [set(graph.objects(c, p)) for p in LABEL_PROPERTIES[:3]]
        common = (sets[0] & sets[1]) | (sets[0] & sets[2]) | (sets[1] & sets[2])
        if common:
            overlaps[c] = common
    assert overlaps == {}


def test_top_concepts_are_declared_both_ways_and_narrower_is_not_written(vocabulary):
    graph, scheme = vocabulary
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == set(
        graph.subjects(SKOS.topConceptOf, scheme)
    )
    assert list(graph.triples((None, SKOS.narrower, None))) == []
    tops = set(graph.objects(scheme, SKOS.hasTopConcept))
    assert [c for c in tops if (c, SKOS.broader, None) in graph] == []


def test_every_concept_reaches_a_top_concept_through_one_broader_each(vocabulary):
    graph, scheme = vocabulary
    depths = Counter(depth(graph, c) for c in concepts(graph, scheme))
    assert set(depths) == next(d for s, d in SHIPPED.values() if s == scheme)
    # broader never leaves the scheme
    for c, parent in graph.subject_objects(SKOS.broader):
        assert (parent, SKOS.inScheme, scheme) in graph, (c, parent)


def test_thesaurus_holds_the_agreed_slugs_at_the_agreed_places(thesaurus):
    tops = {slug(c, THES) for c in thesaurus.objects(SCHEME, SKOS.hasTopConcept)}
    assert tops == set(AGREED)
    for compartment, subdomains in AGREED.items():
        for subdomain, variables in subdomains.items():
            assert (THES[subdomain], SKOS.broader, THES[compartment]) in thesaurus, subdomain
            for variable in variables:
                assert (THES[variable], SKOS.broader, THES[subdomain]) in thesaurus, variable


def test_subdomains_are_exactly_the_agreed_ones(thesaurus):
    found = {slug(c, THES) for c in thesaurus.subjects(RDF.type, GAIA.SubDomain)}
    assert found == {s for subdomains in AGREED.values() for s in subdomains}


def test_every_subdomain_has_at_least_two_variables(thesaurus):
    counts = Counter(
        slug(parent, THES)
        for c in thesaurus.subjects(RDF.type, GAIA.Variable)
        for parent in thesaurus.objects(c, SKOS.broader)
    )
    assert {s for s, n in counts.items() if n < 2} == set()
    assert set(counts) == {s for subdomains in AGREED.values() for s in subdomains}


def test_level_classes_match_the_depth(thesaurus):
    wrong = {}
    for c in concepts(thesaurus, SCHEME):
        types = set(thesaurus.objects(c, RDF.type))
        expected = {SKOS.Concept, LEVELS[depth(thesaurus, c)]}
        if types != expected:
            wrong[slug(c, THES)] = sorted(types)
    assert wrong == {}


def test_compartments_carry_a_bilingual_introduction(thesaurus):
    intros = {
        slug(c, THES): langs(thesaurus, c, GAIA.introduction)
        for c in thesaurus.subjects(RDF.type, GAIA.Compartment)
    }
    assert intros == {c: ["en", "fr"] for c in AGREED}
    assert set(thesaurus.subjects(GAIA.introduction, None)) <= set(
        thesaurus.subjects(RDF.type, GAIA.Compartment)
    )


@pytest.mark.parametrize(
    ("concept", "prop", "text", "lang"),
    [
        ("aerosol-optical-depth", SKOS.altLabel, "AOD", "en"),
        (
            "aerosol-optical-depth",
            SKOS.hiddenLabel,
            "epaisseur optique des aerosols",
            "fr",
        ),
        ("sea-surface-temperature", SKOS.altLabel, "SST", "en"),
        ("sea-surface-temperature", SKOS.altLabel, "SST", "fr"),
        (
            "sea-surface-temperature",
            SKOS.hiddenLabel,
            "temperature de surface de la mer",
            "fr",
        ),
        ("aerosols", SKOS.hiddenLabel, "aersol", "en"),
        ("sea-surface-salinity", SKOS.altLabel, "SSS", "en"),
        ("sea-level-anomaly", SKOS.altLabel, "SLA", "en"),
        ("ndvi", SKOS.altLabel, "NDVI", "fr"),
        ("particulate-matter", SKOS.altLabel, "PM2.5", "en"),
        ("carbon-dioxide", SKOS.altLabel, "CO2", "fr"),
        ("gnss-positions", SKOS.altLabel, "GNSS", "en"),
        ("interferograms", SKOS.altLabel, "InSAR", "en"),
        ("environmental-dna", SKOS.altLabel, "eDNA", "en"),
        ("seawater-pco2", SKOS.altLabel, "pCO2", "en"),
        ("wildfires", SKOS.altLabel, "Forest fires", "en"),
        ("wildfires", SKOS.altLabel, "Feux de forêt", "fr"),
        ("deoxygenation", SKOS.altLabel, "Hypoxia", "en"),
        ("floods", SKOS.altLabel, "Crues", "fr"),
        ("carbon-emissions", SKOS.altLabel, "Émissions de CO2", "fr"),
        ("marine-heatwaves", SKOS.altLabel, "Canicules marines", "fr"),
        ("sea-level-rise", SKOS.altLabel, "Sea level rise", "en"),
        ("shoreline-change", SKOS.altLabel, "Trait de côte", "fr"),
    ],
)
def test_search_labels_sit_on_the_right_concept(thesaurus, concept, prop, text, lang):
    label = Literal(text, lang=lang)
    assert (THES[concept], prop, label) in thesaurus
    holders = {slug(s, THES) for p in LABEL_PROPERTIES for s in thesaurus.subjects(p, label)}
    assert holders == {concept}


def test_organisations_are_the_agreed_poles_and_data_centres(organisations):
    poles = {slug(p, ORG) for p in organisations.subjects(RDF.type, GAIA.Pole)}
    centres = {slug(d, ORG) for d in organisations.subjects(RDF.type, GAIA.DataCentre)}
    assert poles == set(AGREED_POLES)
    assert centres == {d for members in AGREED_POLES.values() for d in members}
    tops = set(organisations.objects(ORG_SCHEME, SKOS.hasTopConcept))
    assert tops == {ORG["data-terra"]}
    assert (ORG["data-terra"], RDF.type, FOAF.Organization) in organisations


def test_each_data_centre_is_member_of_its_one_pole_and_narrower_than_it(organisations):
    membership = {
        slug(d, ORG): [slug(p, ORG) for p in organisations.objects(d, GAIA.memberOfPole)]
        for d in organisations.subjects(RDF.type, GAIA.DataCentre)
    }
    expected = {d: [pole] for pole, members in AGREED_POLES.items() for d in members}
    assert membership == expected
    for d, (pole,) in membership.items():
        assert list(organisations.objects(ORG[d], SKOS.broader)) == [ORG[pole]]
    for pole in AGREED_POLES:
        assert list(organisations.objects(ORG[pole], SKOS.broader)) == [ORG["data-terra"]]


def test_every_organisation_is_typed_named_and_has_a_web_homepage(organisations):
    bad = []
    for o in concepts(organisations, ORG_SCHEME):
        homepages = list(organisations.objects(o, FOAF.homepage))
        if (
            (o, RDF.type, FOAF.Organization) not in organisations
            or (o, RDF.type, SKOS.Concept) not in organisations
            or langs(organisations, o, FOAF.name) != ["en", "fr"]
            or len(homepages) != 1
            or not str(homepages[0]).startswith(("https://", "http://"))
            or isinstance(homepages[0], Literal)
        ):
            bad.append(slug(o, ORG))
    assert bad == []


def test_ontology_terms_used_by_the_vocabularies_are_declared(thesaurus, organisations, places):
    path = ontology_dir() / "gaia.ttl"
    if not path.exists():
        pytest.skip("ontology/gaia.ttl is not written yet")
    ontology = Graph().parse(path, format="turtle")
    declared = set(ontology.subjects(RDF.type, None))
    used = {
        term
        for graph in (thesaurus, organisations, places)
        for s, p, o in graph
        for term in (p, o)
        if isinstance(term, URIRef) and term.startswith(str(GAIA))
    }
    assert used - declared == set()


def test_every_place_is_typed_and_has_one_box_rounded_to_half_a_degree(places):
    members = concepts(places, PLACE_SCHEME)
    assert len(members) >= 25
    bad = {}
    for place in members:
        boxes = list(places.objects(place, DCAT.bbox))
        box = parse_bbox(str(boxes[0])) if len(boxes) == 1 else None
        types = set(places.objects(place, RDF.type))
        if (
            box is None
            or types != {GAIA.Place, SKOS.Concept, DCTERMS.Location}
            or any(2 * x != int(2 * x) for x in box)
            or boxes[0].datatype != GEO.wktLiteral
        ):
            bad[place] = (boxes, types)
    assert bad == {}
