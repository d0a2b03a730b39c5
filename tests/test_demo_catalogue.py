"""The shipped demo catalogue: parses, is complete, bilingual, linked, and DCAT-AP 3 conformant."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest
from helpers import CORPORA
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from graph_loader.paths import demo_dir, vocabularies_dir

DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SDO = Namespace("https://schema.org/")
CITO = Namespace("http://purl.org/spar/cito/")
GAIA = Namespace("https://w3id.org/gaia-kg/ontology#")
THESAURUS = "https://w3id.org/gaia-kg/thesaurus/"
ORG = "https://w3id.org/gaia-kg/org/"
SKOS_CONCEPT = URIRef("http://www.w3.org/2004/02/skos/core#Concept")
EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
DCAT_AP = CORPORA / "shacl" / "dcat-ap-3.0.1"

POLES = ["aeris", "odatis", "theia", "formater", "pndb"]
VALID_FILES = [
    *POLES,
    "catalog",
    "services",
    "publications",
    "software",
    "tutorials",
    "agents",
    "references",
]
INVALID_FILES = [
    "dataset-without-title.ttl",
    "dataset-without-description.ttl",
    "dataset-bbox-out-of-range.ttl",
    "dataset-start-after-end.ttl",
    "distribution-without-access-url.ttl",
    "service-without-endpoint.ttl",
]
COMPARTMENTS = {
    "atmosphere": "aerosols air-quality atmospheric-climate pressure radiation "
    "atmospheric-temperature water-vapour winds clouds precipitation weather-events",
    "oceans": "ocean-temperature salinity sea-level ocean-circulation ocean-biogeochemistry "
    "sea-ice sea-state ocean-colour bathymetry",
    "land-surfaces": "snow-and-ice land-cover vegetation soil-moisture surface-water "
    "land-temperature topography",
    "solid-earth": "ground-deformation seismicity geodesy geomagnetism volcanology "
    "gravity-field geology",
    "climate": "climate-indicators paleoclimate climate-models greenhouse-gases",
    "biodiversity": "species-occurrence ecosystems marine-biodiversity genetic-diversity",
    "agro-environment": "crops soil-properties agricultural-practices water-resources",
}
# Agreed variable slugs, by sub-domain (docs/slugs: the demo may use only these).
VARIABLES = {
    "aerosols": "aerosol-optical-depth aerosol-extinction-profile aerosol-size-distribution dust",
    "air-quality": (
        "ozone nitrogen-dioxide carbon-monoxide particulate-matter sulphur-dioxide"
        " air-pollution-episodes wildfires"
    ),
    "atmospheric-climate": "boundary-layer-height atmospheric-reanalysis",
    "pressure": "surface-pressure",
    "radiation": "surface-solar-radiation outgoing-longwave-radiation",
    "atmospheric-temperature": "air-temperature temperature-profile",
    "water-vapour": "specific-humidity total-column-water-vapour",
    "winds": "wind-speed wind-direction",
    "clouds": "cloud-fraction cloud-top-height cloud-phase",
    "precipitation": "precipitation-rate rainfall-accumulation",
    "weather-events": "storms lightning heatwaves",
    "ocean-temperature": "sea-surface-temperature ocean-temperature-profile marine-heatwaves",
    "salinity": "sea-surface-salinity salinity-profile",
    "sea-level": "sea-surface-height sea-level-anomaly sea-level-rise",
    "ocean-circulation": "ocean-currents mixed-layer-depth",
    "ocean-biogeochemistry": "dissolved-oxygen nutrients ocean-ph seawater-pco2 deoxygenation",
    "sea-ice": "sea-ice-concentration sea-ice-thickness",
    "sea-state": "significant-wave-height",
    "ocean-colour": "chlorophyll-a suspended-particulate-matter",
    "bathymetry": "seafloor-depth",
    "snow-and-ice": "snow-cover snow-water-equivalent glacier-mass-balance permafrost",
    "land-cover": "land-cover-classes land-use",
    "vegetation": "ndvi leaf-area-index biomass",
    "soil-moisture": "surface-soil-moisture",
    "surface-water": "river-discharge lake-water-level water-bodies-extent water-quality floods",
    "land-temperature": "land-surface-temperature",
    "topography": "elevation shoreline-change",
    "ground-deformation": "ground-displacement interferograms strain-rate landslides",
    "seismicity": "earthquake-catalogue seismic-waveforms",
    "geodesy": "gnss-positions gnss-velocities",
    "geomagnetism": "magnetic-field",
    "volcanology": "volcanic-gas-emissions thermal-anomalies",
    "gravity-field": "gravity-anomaly",
    "geology": "geological-maps",
    "climate-indicators": "temperature-anomaly",
    "paleoclimate": "ice-cores sediment-cores",
    "climate-models": "climate-projections",
    "greenhouse-gases": "carbon-dioxide methane carbon-emissions",
    "species-occurrence": "species-occurrences abundance",
    "ecosystems": "habitat-maps",
    "marine-biodiversity": "plankton fish-stocks benthic-fauna",
    "genetic-diversity": "environmental-dna",
    "crops": "crop-type crop-yield",
    "soil-properties": "soil-organic-carbon soil-texture",
    "agricultural-practices": "irrigation",
    "water-resources": "groundwater-level evapotranspiration",
}
SUBDOMAIN_OF = {sub: comp for comp, subs in COMPARTMENTS.items() for sub in subs.split()}
COMPARTMENT_OF_VARIABLE = {
    var: SUBDOMAIN_OF[sub] for sub, vars_ in VARIABLES.items() for var in vars_.split()
}
AGREED_CONCEPTS = set(COMPARTMENTS) | set(SUBDOMAIN_OF) | set(COMPARTMENT_OF_VARIABLE)
BBOX = re.compile(r"^POLYGON\(\(([-0-9.]+ [-0-9.]+(?:, [-0-9.]+ [-0-9.]+)+)\)\)$")


def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@pytest.fixture(scope="module")
def demo() -> Graph:
    g = Graph()
    for name in VALID_FILES:
        g += _parse(demo_dir() / f"{name}.ttl")
    return g


@pytest.fixture(scope="module")
def datasets(demo: Graph) -> list[URIRef]:
    return sorted(demo.subjects(RDF.type, DCAT.Dataset))


@pytest.mark.parametrize("name", VALID_FILES)
def test_every_demo_file_parses_with_pyoxigraph_and_rdflib(name: str) -> None:
    path = demo_dir() / f"{name}.ttl"
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(_parse(path)) > 0


def test_at_least_150_datasets_each_with_fr_and_en_title_and_description(
    demo: Graph, datasets: list[URIRef]
) -> None:
    assert len(datasets) >= 150
    missing = []
    for d in datasets:
        for p in (DCT.title, DCT.description):
            langs = {o.language for o in demo.objects(d, p) if isinstance(o, Literal)}
            if langs != {"fr", "en"}:
                missing.append((str(d), str(p), sorted(filter(None, langs))))
        for o in demo.objects(d, DCT.description):
            if len(str(o)) < 80 or str(o).count(". ") < 1:
                missing.append((str(d), "short description", o.language))
    assert missing == []


def test_dataset_iris_are_under_the_demo_base(datasets: list[URIRef]) -> None:
    outside = [
        str(d) for d in datasets if not str(d).startswith("https://data.gaia-data.fr/id/dataset/")
    ]
    assert outside == []


def test_variables_and_themes_use_only_agreed_concepts(demo: Graph, datasets: list[URIRef]) -> None:
    unknown, counts = set(), []
    for d in datasets:
        variables = list(demo.objects(d, GAIA.variable))
        counts.append(len(variables))
        for concept in [*variables, *demo.objects(d, DCAT.theme)]:
            text = str(concept)
            if text.startswith(EU_THEME):
                continue
            slug = text.removeprefix(THESAURUS)
            if slug == text or slug not in AGREED_CONCEPTS:
                unknown.add(text)
        eu = [t for t in demo.objects(d, DCAT.theme) if str(t).startswith(EU_THEME)]
        assert eu, f"{d} has no EU data theme"
    assert unknown == set()
    # at most four measured variables, plus a phenomenon they document (deoxygenation…)
    assert min(counts) >= 1 and max(counts) <= 5


def test_agreed_concepts_exist_in_the_thesaurus_when_present() -> None:
    path = vocabularies_dir() / "gaia-thesaurus.ttl"
    if not path.exists():
        pytest.skip("vocabularies/gaia-thesaurus.ttl not written yet")
    concepts = {str(c) for c in _parse(path).subjects(RDF.type, SKOS_CONCEPT)}
    assert {THESAURUS + slug for slug in AGREED_CONCEPTS} - concepts == set()


def test_every_pole_and_compartment_has_datasets(demo: Graph, datasets: list[URIRef]) -> None:
    poles, compartments = {}, {}
    for d in datasets:
        pole = str(demo.value(d, GAIA.pole)).removeprefix(ORG)
        poles[pole] = poles.get(pole, 0) + 1
        for c in {
            COMPARTMENT_OF_VARIABLE[str(v).removeprefix(THESAURUS)]
            for v in demo.objects(d, GAIA.variable)
        }:
            compartments[c] = compartments.get(c, 0) + 1
    assert sorted(poles) == sorted(POLES)
    assert sorted(compartments) == sorted(COMPARTMENTS)
    assert compartments["atmosphere"] >= len(datasets) // 4


def test_data_centres_belong_to_the_pole_of_the_dataset(
    demo: Graph, datasets: list[URIRef]
) -> None:
    orgs = (
        _parse(vocabularies_dir() / "organisations.ttl")
        if (vocabularies_dir() / "organisations.ttl").exists()
        else None
    )
    if orgs is None:
        pytest.skip("vocabularies/organisations.ttl not written yet")
    wrong = [
        str(d)
        for d in datasets
        if (demo.value(d, GAIA.dataCentre), GAIA.memberOfPole, demo.value(d, GAIA.pole)) not in orgs
    ]
    assert wrong == []


LINKS = [
    (DCAT.servesDataset, DCAT.Dataset),
    (DCT.isReferencedBy, None),
    (CITO.citesAsDataSource, DCAT.Dataset),
    (GAIA.usedWithDataset, DCAT.Dataset),
    (DCAT.distribution, DCAT.Distribution),
    (DCAT.accessService, DCAT.DataService),
    (DCT.publisher, None),
    (DCAT.dataset, DCAT.Dataset),
    (DCAT.service, DCAT.DataService),
]


@pytest.mark.parametrize(("prop", "cls"), LINKS, ids=[str(p).rsplit("/", 1)[-1] for p, _ in LINKS])
def test_every_link_target_is_described_in_the_demo(demo: Graph, prop: URIRef, cls) -> None:
    targets = set(demo.objects(None, prop))
    assert targets
    undescribed = sorted(str(t) for t in targets if (t, RDF.type, None) not in demo)
    wrong_type = sorted(
        str(t) for t in targets if cls is not None and (t, RDF.type, cls) not in demo
    )
    assert (undescribed, wrong_type) == ([], [])


def test_referenced_by_and_cites_as_data_source_are_mutual(demo: Graph) -> None:
    cites = {(d, p) for p, d in demo.subject_objects(CITO.citesAsDataSource)}
    referenced = {
        (d, p)
        for d, p in demo.subject_objects(DCT.isReferencedBy)
        if (d, RDF.type, DCAT.Dataset) in demo
    }
    assert cites == referenced


def test_counts_of_services_publications_software(demo: Graph) -> None:
    counts = {
        "services": len(set(demo.subjects(RDF.type, DCAT.DataService))),
        "publications": len(set(demo.subjects(RDF.type, SDO.ScholarlyArticle))),
        "software": len(set(demo.subjects(RDF.type, SDO.SoftwareSourceCode))),
        "catalogues": len(set(demo.subjects(RDF.type, DCAT.Catalog))),
    }
    assert counts["services"] >= 15 and counts["publications"] >= 20
    assert counts["software"] >= 10 and counts["catalogues"] == 1


def _bbox_problems(g: Graph) -> list[str]:
    problems = []
    for loc, text in g.subject_objects(DCAT.bbox):
        m = BBOX.match(str(text))
        if not m:
            problems.append(f"{loc}: not a WKT polygon")
            continue
        points = [tuple(map(float, p.split())) for p in m.group(1).split(", ")]
        if points[0] != points[-1] or len(points) < 4:
            problems.append(f"{loc}: ring not closed")
        if any(not (-180 <= x <= 180 and -90 <= y <= 90) for x, y in points):
            problems.append(f"{loc}: coordinate out of range")
    return problems


def _date_problems(g: Graph) -> list[str]:
    return [
        str(period)
        for period, start in g.subject_objects(DCAT.startDate)
        if (end := g.value(period, DCAT.endDate)) is not None and start.toPython() > end.toPython()
    ]


def test_bboxes_are_closed_polygons_within_range(demo: Graph) -> None:
    assert len(list(demo.subject_objects(DCAT.bbox))) >= 150
    assert _bbox_problems(demo) == []


def test_start_dates_precede_end_dates(demo: Graph) -> None:
    assert _date_problems(demo) == []


@pytest.mark.parametrize("name", INVALID_FILES)
def test_invalid_records_parse_and_are_listed_in_the_readme(name: str) -> None:
    path = demo_dir() / "invalid" / name
    assert len(_parse(path)) > 10
    assert f"`{name}`" in (demo_dir() / "invalid" / "README.md").read_text(encoding="utf-8")


def _subject(g: Graph, cls: URIRef) -> URIRef:
    (node,) = set(g.subjects(RDF.type, cls))
    return node


def test_invalid_records_carry_their_defect() -> None:
    inv = {name: _parse(demo_dir() / "invalid" / name) for name in INVALID_FILES}
    dataset = {name: _subject(g, DCAT.Dataset) for name, g in inv.items() if "service" not in name}
    no_url = inv["distribution-without-access-url.ttl"]
    found = {
        "dataset-without-title.ttl": (dataset["dataset-without-title.ttl"], DCT.title, None)
        not in inv["dataset-without-title.ttl"],
        "dataset-without-description.ttl": (
            dataset["dataset-without-description.ttl"],
            DCT.description,
            None,
        )
        not in inv["dataset-without-description.ttl"],
        "dataset-bbox-out-of-range.ttl": bool(_bbox_problems(inv["dataset-bbox-out-of-range.ttl"])),
        "dataset-start-after-end.ttl": bool(_date_problems(inv["dataset-start-after-end.ttl"])),
        "distribution-without-access-url.ttl": (
            _subject(no_url, DCAT.Distribution),
            DCAT.accessURL,
            None,
        )
        not in no_url,
        "service-without-endpoint.ttl": (None, DCAT.endpointURL, None)
        not in inv["service-without-endpoint.ttl"],
    }
    assert found == dict.fromkeys(INVALID_FILES, True)


SHAPE_SETS = {
    # The full file points at two endpoint range shapes that only ranges.ttl defines.
    "full": ("dcat-ap-SHACL.ttl", "dcat-ap-3.0.1-html-mdr-vocabularies.shape.ttl"),
    "split": (
        "dcat-ap-3.0.1-html-shapes.ttl",
        "dcat-ap-3.0.1-html-range.ttl",
        "dcat-ap-3.0.1-html-mdr-vocabularies.shape.ttl",
    ),
}


def _dcat_ap_shapes(kind: str) -> Graph:
    if not DCAT_AP.exists():
        pytest.skip("../shared corpora absent")
    shapes = Graph()
    for name in SHAPE_SETS[kind]:
        shapes.parse(DCAT_AP / name, format="turtle")
    if kind == "full":
        ranges = Graph().parse(DCAT_AP / "ranges.ttl", format="turtle")
        for ref in set(shapes.objects(None, SH.property)):
            if (ref, SH.path, None) not in shapes:
                shapes += ranges.triples((ref, None, None))
    return shapes


SH = Namespace("http://www.w3.org/ns/shacl#")


def _violations(data: Graph, shapes: Graph) -> list[str]:
    pyshacl = pytest.importorskip("pyshacl")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    # Only top-level results: those nested under sh:detail explain a Warning-level sh:node.
    return sorted(
        f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}"
        for r in report.objects(None, SH.result)
        if (r, SH.resultSeverity, SH.Violation) in report
    )


@pytest.mark.shared
@pytest.mark.parametrize("kind", sorted(SHAPE_SETS))
def test_demo_conforms_to_dcat_ap_3_shapes(demo: Graph, kind: str) -> None:
    shapes = _dcat_ap_shapes(kind)
    data = Graph() + demo
    data += _parse(vocabularies_dir() / "gaia-thesaurus.ttl")
    assert _violations(data, shapes) == []


@pytest.mark.shared
def test_dcat_ap_shapes_reject_the_invalid_records() -> None:
    shapes = _dcat_ap_shapes("full")
    refs = _parse(demo_dir() / "references.ttl") + _parse(demo_dir() / "agents.ttl")
    refs += _parse(vocabularies_dir() / "gaia-thesaurus.ttl")
    names = (
        "dataset-without-title.ttl",
        "dataset-without-description.ttl",
        "distribution-without-access-url.ttl",
        "service-without-endpoint.ttl",
    )
    paths = {
        n: [
            v.rsplit(" ", 1)[-1]
            for v in _violations(refs + _parse(demo_dir() / "invalid" / n), shapes)
        ]
        for n in names
    }
    assert paths == {
        "dataset-without-title.ttl": [str(DCT.title)],
        "dataset-without-description.ttl": [str(DCT.description)],
        "distribution-without-access-url.ttl": [str(DCAT.accessURL)],
        "service-without-endpoint.ttl": [str(DCAT.endpointURL)],
    }
