"""EPOS-DCAT-AP (RDF and EPOS XML) → DCAT-AP 3: golden cases taken from the corpus, every corpus
file gives records or a named reason, the shapes, field retention and the category alignment."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from helpers import BASE, CORPORA, TESTS, as_graph, assert_isomorphic, corpus, corpus_file
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, SKOS

from graph_loader.errors import InputError
from graph_loader.formats import detect_format, read_document
from graph_loader.mappings import epos_dcat
from graph_loader.mappings.epos_dcat.categories import category_concepts
from graph_loader.mappings.epos_dcat.reading import EPOS_NAMESPACES
from graph_loader.validation import describe, load_shapes, validate

EPOS_DIR = CORPORA / "real" / "epos-dcat"
CASES = sorted(p for p in (TESTS / "cases" / "epos-dcat").iterdir() if p.is_dir())
THES = "https://w3id.org/gaia-kg/thesaurus/"
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
LOCN = Namespace("http://www.w3.org/ns/locn#")
ADMS = Namespace("http://www.w3.org/ns/adms#")
EPOS_NS = [Namespace(ns) for ns in EPOS_NAMESPACES]
SCHEMAS = [Namespace("http://schema.org/"), Namespace("https://schema.org/")]
X = {
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}

#: Violations the corpus files carry themselves (checked by reading each file), by file
SOURCE_DEFECTS = {
    # the dataset has no dct:description at all
    "epos-shapeness-examples/sample-data__EPOS-DCAT-AP_example.ttl": {
        "A description (dct:description) is mandatory and must be a text."
    },
    # the distribution has neither an access nor a download URL (commented out in the file)
    "epos-ingestor-testdata/pablo.ttl": {
        "An access URL (dcat:accessURL) is mandatory and must be a well-formed http, https, "
        "ftp or sftp IRI."
    },
    # the web service's hydra:entrypoint is commented out and its only template is not an IRI
    # template ("…/intermagnet/(?Request, observatoryIagaCode, …)"): no endpoint URL to give
    "epos-wp13-geomagnetism/EPOS-DCAT-AP_WP13_DDSS-001_INTERMAGNET_2.ttl": {
        "The endpoint URL (dcat:endpointURL) is mandatory and must be a well-formed http, "
        "https, ftp or sftp IRI."
    },
}
#: files the generic readers refuse: the reason (none since the readers salvage a bad IRI, an
#: undeclared prefix or windows-1252 text, see tests/test_formats.py)
UNREADABLE: dict[str, str] = {}


def _corpus_files() -> list[Path]:
    return corpus("real", "epos-dcat")


def _rel(path: Path) -> str:
    return path.relative_to(EPOS_DIR).as_posix()


# ------------------------------------------------------------------------------ golden cases
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden_case(case: Path) -> None:
    data = corpus_file((case / "source.txt").read_text().strip()).read_bytes()
    assert epos_dcat.sniff(data)
    assert detect_format(data) == "epos-dcat"
    got = as_graph(epos_dcat.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    assert_isomorphic(got, expected)


def test_the_web_service_serves_its_dataset_through_its_hydra_operation() -> None:
    case = TESTS / "cases" / "epos-dcat" / "seismology-webservice-hydra" / "expected.ttl"
    graph = Graph().parse(case)
    rows = graph.query(
        """PREFIX dcat: <http://www.w3.org/ns/dcat#>
        SELECT ?service ?endpoint ?dataset WHERE {
          ?service a dcat:DataService ; dcat:endpointURL ?endpoint ; dcat:servesDataset ?dataset .
          ?dataset dcat:distribution ?d .
          ?d dcat:accessService ?service ; dcat:accessURL ?endpoint .
        }"""
    )
    base = "https://www.epos-eu.org/epos-dcat-ap/Seismology/"
    assert {tuple(str(v) for v in row) for row in rows} == {
        (
            base + "WebService/001",
            "http://www.orfeus-eu.org/fdsnws/dataselect/1/query/",
            base + "Dataset/001",
        )
    }


# ------------------------------------------------------------------------------ sniffing
def test_sniff_takes_epos_documents_not_the_ontology_nor_plain_dcat(shared: Path) -> None:
    ontology = shared / "corpora/real/vocabularies/epos-dcat-ap-ontology/epos-dcat-ap.ttl"
    if ontology.is_file():
        assert not epos_dcat.sniff(ontology.read_bytes())
    plain_dcat = b"""@prefix dcat: <http://www.w3.org/ns/dcat#> .
    <https://example.org/d> a dcat:Dataset ."""
    assert not epos_dcat.sniff(plain_dcat)
    assert epos_dcat.sniff(b'<eposap:Epos xmlns:eposap="http://www.epos-ip.org/"></eposap:Epos>')


def test_bad_input_is_a_named_error() -> None:
    with pytest.raises(InputError, match="not valid turtle"):
        epos_dcat.convert(
            b"@prefix epos: <https://www.epos-eu.org/epos-dcat-ap#> .\n<a> a epos:WebService",
            base_iri=BASE,
        )
    with pytest.raises(InputError, match="no dataset, web service"):
        epos_dcat.convert(b'<e:Epos xmlns:e="http://www.epos-ip.org/"/>', base_iri=BASE)


# ------------------------------------------------------------------------------ categories
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("epos:SeismicWaveform", ("epos:SeismicWaveform", ["seismic-waveforms"])),
        ("https://data.gaia-data.fr/#MagneticField", ("epos:Magneticfield", ["magnetic-field"])),
        ("GEOELECTROMAGNETISM", ("epos:Geoelectromagnetism", ["geomagnetism"])),
        ("reservoir impoundment", ("epos:Reservoirimpoundment", ["seismicity"])),
        ("epos:GNSSProductsPortal", ("epos:GNSSProductsPortal", ["geodesy"])),
        ("epos:Converters", (None, [])),
    ],
)
def test_categories_land_in_the_solid_earth_compartment(name, expected) -> None:
    iri, concepts = category_concepts(name)
    assert (iri, [c.removeprefix(THES) for c in concepts]) == expected


# ------------------------------------------------------------------------------ the corpus
@cache
def _converted() -> dict[str, object]:
    """Corpus file -> converted triples, or the InputError message."""
    out: dict[str, object] = {}
    for path in _corpus_files():
        try:
            fmt, quads = read_document(path.read_bytes(), name=_rel(path), mint_base=BASE)
        except InputError as exc:
            out[_rel(path)] = str(exc)
            continue
        assert fmt == "epos-dcat", _rel(path)
        out[_rel(path)] = [q.triple for q in quads]
    return out


RECORD_TYPES = {
    "http://www.w3.org/ns/dcat#Dataset",
    "http://www.w3.org/ns/dcat#DataService",
    "https://schema.org/SoftwareApplication",
    "https://schema.org/SoftwareSourceCode",
}


def test_every_corpus_file_gives_records_or_a_named_reason() -> None:
    converted = _converted()
    assert len(converted) == len(_corpus_files())
    unreadable = {name: v for name, v in converted.items() if isinstance(v, str)}
    # only files known to be broken are refused
    assert set(unreadable) == set(UNREADABLE), unreadable
    for name, message in unreadable.items():
        assert UNREADABLE[name] in message and name in message
    records = 0
    for name, triples in converted.items():
        if isinstance(triples, str):
            continue
        kinds = [t.object.value for t in triples if t.predicate.value == str(RDF.type)]
        found = sum(1 for k in kinds if k in RECORD_TYPES)
        records += found
        if not found:
            # a file that gives no record holds none: persons and organisations only, concept
            # schemes, equipment (read independently of the converter)
            assert not [r for r in _source_fields(EPOS_DIR / name) if r[1] == "title"], name
    assert records >= 500


def test_converted_graphs_conform_or_carry_a_listed_source_defect() -> None:
    shapes = load_shapes()
    found: dict[str, set[str]] = {}
    for name, triples in _converted().items():
        if isinstance(triples, str):
            continue
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        for problem in validate(store, shapes):
            if problem.severity.endswith("Violation"):
                found.setdefault(name, set()).add(
                    problem.messages.get("en", describe(problem, store))
                )
    assert found == SOURCE_DEFECTS


# ------------------------------------------------------------------------------ retention
def _schema(graph: Graph, node, local: str) -> list:
    return [o for ns in SCHEMAS for o in graph.objects(node, ns[local])]


def _source_fields_rdf(path: Path) -> list[tuple[str, str, str]]:
    """(resource, field, value) read from an RDF source with rdflib, independently of the
    converter: datasets and web services with their fields."""
    graph = Graph()
    fmt = "xml" if path.read_bytes().lstrip().startswith(b"<") else "turtle"
    graph.parse(path, format=fmt, publicID=BASE)
    resources = set(graph.subjects(RDF.type, DCAT.Dataset))
    for ns in EPOS_NS:
        resources |= set(graph.subjects(RDF.type, ns.WebService))
    rows = []
    for r in resources:
        key = str(r)
        for v in list(graph.objects(r, DCTERMS.title)) + _schema(graph, r, "name"):
            rows.append((key, "title", str(v).strip()))
        for v in list(graph.objects(r, DCTERMS.description)) + _schema(graph, r, "description"):
            rows.append((key, "description", " ".join(str(v).split())))
        words = list(graph.objects(r, DCAT.keyword)) + _schema(graph, r, "keywords")
        for v in words:
            for word in re.split(r"\s*[,;]\s*", str(v).strip()):
                if word.strip():
                    rows.append((key, "keyword", " ".join(word.split())))
        for _ in graph.objects(r, DCAT.theme):
            rows.append((key, "theme", "present"))
        for v in graph.objects(r, DCAT.contactPoint):
            rows.append((key, "contact", str(v)))
        for place in graph.objects(r, DCTERMS.spatial):
            for geometry in graph.objects(place, LOCN.geometry):
                if re.match(r"\s*(POINT|POLYGON)\s*\(\s*\(?\s*-?\d+(\.\d+)?\s", str(geometry)):
                    rows.append((key, "spatial", "present"))
        for period in graph.objects(r, DCTERMS.temporal):
            for start in _schema(graph, period, "startDate") + list(
                graph.objects(period, DCAT.startDate)
            ):
                rows.append((key, "temporal", str(start)[:10]))
        for op in graph.objects(r, HYDRA.supportedOperation):
            for template in graph.objects(op, HYDRA.template) or []:
                rows.append((key, "endpoint", str(template)))
            for prop in graph.objects(op, HYDRA.property):
                for template in graph.objects(prop, HYDRA.template):
                    if str(template).startswith("http"):
                        rows.append((key, "endpoint", re.split(r"[{(?]", str(template))[0]))
        for v in list(graph.objects(r, DCTERMS.identifier)) + [
            n for i in graph.objects(r, ADMS.identifier) for n in graph.objects(i, SKOS.notation)
        ]:
            if isinstance(v, Literal) and str(v).strip():
                rows.append((key, "identifier", str(v).strip()))
    return rows


def _source_fields_xml(path: Path) -> list[tuple[str, str, str]]:
    """The same fields from an ``<eposap:Epos>`` file, by XPath."""
    root = ElementTree.fromstring(path.read_bytes())
    epos = root.tag[1:].split("}")[0]
    dct, dcat = X["dct"], X["dcat"]
    rows = []
    for kind in ("WebService", "Dataset"):
        for el in root.iter(f"{{{epos}}}{kind}"):
            title = (el.findtext(f"{{{dct}}}title") or "").strip()
            if not title:
                continue
            key = "title:" + title
            rows.append((key, "title", title))
            for d in el.findall(f"{{{dct}}}description"):
                rows.append((key, "description", " ".join((d.text or "").split())))
            for k in el.findall(f"{{{dcat}}}keyword"):
                for word in re.split(r"\s*[,;]\s*", (k.text or "").strip()):
                    if word.strip():
                        rows.append((key, "keyword", " ".join(word.split())))
            if el.findall(f"{{{epos}}}domain") or el.findall(f"{{{epos}}}subDomain"):
                rows.append((key, "theme", "present"))
            for page in el.iter(f"{{{X['foaf']}}}primaryTopic"):
                text = (page.text or "").strip()
                if kind == "WebService" and text.startswith("http"):
                    rows.append((key, "endpoint", re.split(r"[{(?]", text)[0]))
            for geometry in el.iter("{http://www.w3.org/ns/locn#}geometry"):
                if re.match(
                    r"\s*(POINT|POLYGON)\s*\(\s*\(?\s*-?\d+(\.\d+)?\s", geometry.text or ""
                ):
                    rows.append((key, "spatial", "present"))
            for contact in el.findall(f"{{{dcat}}}contactPoint"):
                if (contact.text or "").strip():
                    rows.append((key, "contact", contact.text.strip()))
            for ident in el.findall(f"{{{dct}}}identifier") + el.findall(f"{{{epos}}}DDSS-ID"):
                if (ident.text or "").strip():
                    rows.append((key, "identifier", ident.text.strip()))
            for start in el.iter("{http://schema.org/}startDate"):
                rows.append((key, "temporal", (start.text or "").strip()[:10]))
    return rows


def _source_fields(path: Path) -> list[tuple[str, str, str]]:
    data = path.read_bytes()
    if b"http://www.epos-ip.org/" in data[:4096]:
        return _source_fields_xml(path)
    return _source_fields_rdf(path)


def _has(graph: Graph, key: str, field: str, value: str) -> bool:
    if key.startswith("title:"):
        subjects = {
            s for s, _, o in graph.triples((None, DCTERMS.title, None)) if str(o) == key[6:]
        }
    else:
        subjects = {URIRef(key)}
    for s in subjects:
        if field == "title" and any(str(o) == value for o in graph.objects(s, DCTERMS.title)):
            return True
        if field == "description" and any(
            " ".join(str(o).split()) == value for o in graph.objects(s, DCTERMS.description)
        ):
            return True
        if field == "keyword" and any(str(o) == value for o in graph.objects(s, DCAT.keyword)):
            return True
        if field == "theme" and any(True for _ in graph.objects(s, DCAT.theme)):
            return True
        if field == "contact" and any(True for _ in graph.objects(s, DCAT.contactPoint)):
            return True
        if field == "spatial" and any(True for _ in graph.objects(s, DCTERMS.spatial)):
            return True
        if field == "temporal" and any(
            str(o).startswith(value)
            for p in graph.objects(s, DCTERMS.temporal)
            for o in graph.objects(p, DCAT.startDate)
        ):
            return True
        if field == "endpoint" and any(
            str(o) == value
            for o in list(graph.objects(s, DCAT.endpointURL))
            + [
                u
                for d in graph.objects(s, DCAT.distribution)
                for u in graph.objects(d, DCAT.accessURL)
            ]
        ):
            return True
        if field == "identifier" and value in {
            str(o) for o in graph.objects(s, DCTERMS.identifier)
        } | {
            str(n)
            for i in graph.objects(s, ADMS.identifier)
            for n in graph.objects(i, SKOS.notation)
        }:
            return True
    return False


def test_fields_are_retained() -> None:
    kept, seen = Counter(), Counter()
    missing: dict[str, list] = {}
    for name, triples in _converted().items():
        if isinstance(triples, str):
            continue
        try:
            rows = _source_fields(EPOS_DIR / name)
        except Exception:  # noqa: BLE001 - rdflib refuses a file oxigraph read: not counted
            continue
        graph = as_graph(triples)
        for key, field, value in set(rows):
            seen[field] += 1
            if _has(graph, key, field, value):
                kept[field] += 1
            else:
                missing.setdefault(field, []).append((name, key, value))
    for field in (
        "title",
        "description",
        "keyword",
        "theme",
        "contact",
        "spatial",
        "temporal",
        "endpoint",
        "identifier",
    ):
        assert seen[field] > 0, field
        ratio = kept[field] / seen[field]
        print(f"{field}: {kept[field]}/{seen[field]} = {ratio:.3f}")
        assert ratio >= 0.95, (field, f"{ratio:.3f}", missing.get(field, [])[:10])


V3 = b"""@prefix epos: <https://www.epos-eu.org/epos-dcat-ap#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://ex.org/Dataset/001> a dcat:Dataset ; dct:title "Primary Seismic Waveform Data" ;
  dct:description "Primary Seismic Waveform Data" ; dcat:theme <epos:SeismicWaveform> ;
  dcat:distribution <https://ex.org/Distribution/001> .
<https://ex.org/Distribution/001> a dcat:Distribution ;
  dcat:accessURL "http://www.orfeus-eu.org/fdsnws/dataselect/1/query"^^xsd:anyURI ;
  dcat:accessService <https://ex.org/DataService/001> .
<https://ex.org/DataService/001> a dcat:DataService ; dct:title "FDSN Dataselect" ;
  dcat:endpointURL "http://www.orfeus-eu.org/fdsnws/dataselect/1/query"^^xsd:anyURI ;
  dcat:endpointDescription <https://ex.org/DataService/001/Operation/001> ;
  dcat:servesDataset <https://ex.org/Dataset/001> .
<https://ex.org/DataService/001/Operation/001> a hydra:Operation ; hydra:method "GET" ;
  hydra:property [ a hydra:IriTemplate ;
    hydra:template "http://www.orfeus-eu.org/fdsnws/dataselect/1/query{?starttime,endtime}" ] .
"""


def test_epos_dcat_ap_3_data_services_are_read_as_written() -> None:
    """Version 3 of the profile writes dcat:DataService, its endpoint as an xsd:anyURI literal
    and its Hydra operation as dcat:endpointDescription (the shape of its full example)."""
    graph = as_graph(epos_dcat.convert(V3, base_iri=BASE))
    rows = graph.query(
        """PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX hydra: <http://www.w3.org/ns/hydra/core#>
        SELECT ?endpoint ?served ?template ?access WHERE {
          ?s a dcat:DataService ; dcat:endpointURL ?endpoint ; dcat:servesDataset ?served ;
             hydra:supportedOperation/hydra:property/hydra:template ?template .
          ?served dcat:distribution ?d . ?d dcat:accessService ?s ; dcat:accessURL ?access .
          FILTER NOT EXISTS { ?s dcat:endpointDescription ?any }
        }"""
    )
    query = "http://www.orfeus-eu.org/fdsnws/dataselect/1/query"
    assert {tuple(str(v) for v in row) for row in rows} == {
        (query, "https://ex.org/Dataset/001", query + "{?starttime,endtime}", query)
    }
