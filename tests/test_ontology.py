"""The ontology files, the GAIA typed constants, and the terms of graph_loader.terms agree."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

from graph_loader import terms
from graph_loader.namespaces import CITO, GAIA, SDO
from graph_loader.ontology import ONTOLOGY_FILES, ontology_triples
from graph_loader.paths import ontology_dir

NS = terms.GAIA_NS
ONTOLOGY = URIRef("https://w3id.org/gaia-kg/ontology")

# The agreed terms: the ontology declares exactly these (a new term is added here on purpose).
AGREED = {
    "Pole", "DataCentre", "Compartment", "SubDomain", "Variable", "Place", "RecordGraph",
    "ValidationOutcome", "variable", "pole", "dataCentre", "memberOfPole", "compartment",
    "platform", "instrument", "usedWithDataset", "hasSoftware", "introduction", "describes",
    "source", "contentHash", "tripleCount", "validationOutcome", "warningCount", "violationCount",
    "validationMessage", "converter",
    "Conforms", "ConformsWithWarnings", "NotConformant",
    "HarvestSource", "HarvestRun", "harvestSource", "upstreamIdentifier", "upstreamDatestamp",
    "resumeToken", "seenIdentifier", "runReport",
    "minimumAltitude", "maximumAltitude", "Taxon", "taxon",
    "Repair", "repair", "repairKind", "valueBefore", "valueAfter",
    "Change", "sequence", "changedAt", "changedGraph", "changedResource", "changedEverything",
}  # fmt: skip


def _graph(name: str) -> Graph:
    return Graph().parse(ontology_dir() / name, format="turtle")


@pytest.fixture(scope="module")
def gaia_ttl() -> Graph:
    return _graph("gaia.ttl")


@pytest.fixture(scope="module")
def alignments() -> Graph:
    return _graph("alignments.ttl")


def _declared(graph: Graph) -> set[str]:
    return {str(s)[len(NS) :] for s in graph.subjects(RDF.type) if str(s).startswith(NS)}


def test_ontology_files_parse_with_both_parsers():
    assert [len(_graph(name)) > 0 for name in ONTOLOGY_FILES] == [True, True, True]
    every = sum(len(_graph(name)) for name in ("gaia.ttl", "alignments.ttl", "quality.ttl"))
    assert len(ontology_triples()) == every


def test_gaia_ttl_declares_exactly_the_agreed_terms(gaia_ttl):
    assert _declared(gaia_ttl) == AGREED
    subjects = {str(s) for s in gaia_ttl.subjects() if isinstance(s, URIRef)}
    assert subjects == {NS + t for t in AGREED} | {str(ONTOLOGY)}


def test_alignments_declare_no_gaia_term(alignments):
    assert {s for s in alignments.subjects() if str(s).startswith(NS)} == set()


def test_every_gaia_iri_used_is_declared(gaia_ttl, alignments):
    used = {
        str(term)[len(NS) :]
        for graph in (gaia_ttl, alignments)
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(NS)
    }
    assert used - AGREED == set()


@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment], ids=["label", "comment"])
def test_every_term_has_one_value_in_french_and_english(gaia_ttl, prop):
    missing = {}
    for local in sorted(AGREED):
        langs = sorted(o.language for o in gaia_ttl.objects(URIRef(NS + local), prop))
        if langs != ["en", "fr"]:
            missing[local] = langs
    assert missing == {}


def test_ontology_header_is_bilingual(gaia_ttl):
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in gaia_ttl
    for prop in (DCTERMS.title, DCTERMS.description):
        assert sorted(o.language for o in gaia_ttl.objects(ONTOLOGY, prop)) == ["en", "fr"]


def test_literals_have_no_stray_spaces(gaia_ttl, alignments):
    bad = [
        str(o)
        for graph in (gaia_ttl, alignments)
        for o in graph.objects()
        if isinstance(o, Literal) and (str(o) != str(o).strip() or "  " in str(o))
    ]
    assert bad == []


def test_links_to_reused_vocabularies(gaia_ttl):
    expected = {
        (GAIA.variable, RDFS.subPropertyOf, DCAT.theme),
        (GAIA.usedWithDataset, RDFS.subPropertyOf, DCTERMS.relation),
        (GAIA.hasSoftware, RDFS.subPropertyOf, DCTERMS.relation),
        (GAIA.usedWithDataset, OWL.inverseOf, GAIA.hasSoftware),
        (GAIA.Pole, RDFS.subClassOf, FOAF.Organization),
        (GAIA.DataCentre, RDFS.subClassOf, FOAF.Organization),
        (GAIA.Compartment, RDFS.subClassOf, SKOS.Concept),
        (GAIA.SubDomain, RDFS.subClassOf, SKOS.Concept),
        (GAIA.Variable, RDFS.subClassOf, SKOS.Concept),
        (GAIA.Place, RDFS.subClassOf, SKOS.Concept),
        (GAIA.Place, RDFS.subClassOf, DCTERMS.Location),
        (GAIA.Taxon, RDFS.subClassOf, URIRef("http://rs.tdwg.org/dwc/terms/Taxon")),
        (GAIA.taxon, RDFS.range, GAIA.Taxon),
        (GAIA.RecordGraph, RDFS.subClassOf, PROV.Entity),
        (GAIA.memberOfPole, RDFS.domain, GAIA.DataCentre),
        (GAIA.memberOfPole, RDFS.range, GAIA.Pole),
        (GAIA.validationOutcome, RDFS.range, GAIA.ValidationOutcome),
        (GAIA.Conforms, RDF.type, GAIA.ValidationOutcome),
        (GAIA.ConformsWithWarnings, RDF.type, GAIA.ValidationOutcome),
        (GAIA.NotConformant, RDF.type, GAIA.ValidationOutcome),
    }
    assert expected - set(gaia_ttl) == set()


def test_alignment_axioms(alignments):
    axioms = {t for t in alignments if t[0] != URIRef(str(ONTOLOGY) + "/alignments")}
    assert axioms == {
        (DCAT.Dataset, RDFS.subClassOf, DCAT.Resource),
        (DCAT.DataService, RDFS.subClassOf, DCAT.Resource),
        (SDO.ScholarlyArticle, RDFS.subClassOf, SDO.Article),
        (SDO.Article, RDFS.subClassOf, SDO.CreativeWork),
        (SDO.SoftwareSourceCode, RDFS.subClassOf, SDO.CreativeWork),
        (FOAF.Organization, RDFS.subClassOf, FOAF.Agent),
        (DCTERMS.references, OWL.inverseOf, DCTERMS.isReferencedBy),
        (CITO.citesAsDataSource, RDFS.subPropertyOf, DCTERMS.references),
        (SKOS.broader, RDFS.subPropertyOf, SKOS.broaderTransitive),
        (SKOS.broader, OWL.inverseOf, SKOS.narrower),
        (SKOS.narrower, RDFS.subPropertyOf, SKOS.narrowerTransitive),
        (SKOS.broaderTransitive, RDF.type, OWL.TransitiveProperty),
        (SKOS.broaderTransitive, OWL.inverseOf, SKOS.narrowerTransitive),
        (SKOS.narrowerTransitive, RDF.type, OWL.TransitiveProperty),
        (SKOS.related, RDF.type, OWL.SymmetricProperty),
        (SKOS.topConceptOf, RDFS.subPropertyOf, SKOS.inScheme),
        (SKOS.topConceptOf, OWL.inverseOf, SKOS.hasTopConcept),
        (SKOS.exactMatch, RDF.type, OWL.SymmetricProperty),
        (SKOS.closeMatch, RDF.type, OWL.SymmetricProperty),
        (SKOS.relatedMatch, RDF.type, OWL.SymmetricProperty),
        (SKOS.broadMatch, OWL.inverseOf, SKOS.narrowMatch),
    }


def test_defined_namespace_lists_exactly_the_terms_of_gaia_ttl(gaia_ttl):
    assert set(GAIA.__annotations__) == _declared(gaia_ttl)
    assert {str(getattr(GAIA, name)) for name in AGREED} == {NS + t for t in AGREED}
    with pytest.raises(AttributeError):
        GAIA.datacentre  # noqa: B018 - a typo must fail


def test_terms_module_gaia_constants_exist_in_gaia_ttl(gaia_ttl):
    constants = {
        name: value.value[len(NS) :]
        for name, value in vars(terms).items()
        if isinstance(value, ox.NamedNode) and value.value.startswith(NS)
    }
    declared = _declared(gaia_ttl)
    assert {n: local for n, local in constants.items() if local not in declared} == {}
    assert constants["RECORD_GRAPH"] == "RecordGraph"  # the scan does find them
