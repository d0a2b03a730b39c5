"""EML 2.x converter: golden cases, every corpus file, encodings, shapes, field retention."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pyoxigraph as ox
import pytest
from helpers import (
    BASE,
    CORPORA,
    as_graph,
    assert_isomorphic,
    cases,
    corpus,
    corpus_file,
    load_outcomes,
)
from rdflib import Graph
from rdflib.compare import isomorphic

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import eml
from graph_loader.mappings.eml.taxa import taxon_iri
from graph_loader.mappings.licences import canonical_url
from graph_loader.validation import load_shapes, validate

DWC = "http://rs.tdwg.org/dwc/terms/"
GAIA = "https://w3id.org/gaia-kg/ontology#"
NOT_EML = {"metadig-testdocs/test-run.xml"}


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _input(case: Path) -> bytes:
    """A golden case's input: its own ``input.xml`` (an excerpt), or the corpus file named in
    ``source.txt`` (skipped when ../shared is absent)."""
    source = case / "source.txt"
    if not source.exists():
        return (case / "input.xml").read_bytes()
    path = corpus_file("real", source.read_text().strip())
    return path.read_bytes()


@pytest.mark.parametrize("case", cases("eml"), ids=lambda c: c.name)
def test_golden_case(case):
    data = _input(case)
    assert eml.sniff(data)
    got = as_graph(eml.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    assert_isomorphic(got, expected)


def _eml_files() -> list[Path]:
    return [p for p in corpus("real", "eml") if _name(p) not in NOT_EML]


def test_every_corpus_file_is_detected_and_converted_or_refused_by_name():
    outcomes = {}
    for path in corpus("real", "eml"):
        data = path.read_bytes()
        try:
            fmt = detect_format(data)
            triples = eml.convert(data, base_iri=BASE)
            types = {str(t.object) for t in triples if t.predicate.value.endswith("#type")}
            kinds = sorted(
                t.split("/")[-1].split("#")[-1]
                for t in types
                if t.strip("<>")
                in ("http://www.w3.org/ns/dcat#Dataset", "https://schema.org/SoftwareSourceCode")
            )
            outcomes[_name(path)] = (fmt, kinds)
        except InputError as exc:
            outcomes[_name(path)] = ("refused", str(exc))
    expected = {name: ("eml", ["Dataset>"]) for name in map(_name, _eml_files())}
    expected["dataone-cn-testdocs/serviceDescriptionEML.xml"] = ("eml", ["SoftwareSourceCode>"])
    expected["metadig-testdocs/test-run.xml"] = (
        "refused",
        "XML whose root element is <mdq:run> is not a supported format (RDF/XML expected)",
    )
    assert outcomes == expected


#: Violations of the shapes that come from the records themselves (checked by reading them)
SOURCE_DEFECTS = {
    # a 2-line test record: no abstract, placeholder DOI 10.xxxx (its short title, in no stated
    # language, and the Estonian / Spanish titles of two others are titles: warnings only)
    "knb-alaska-algae/eml-simple.xml": ["Dataset-description", "Dataset-doi"],
}


def test_converted_graphs_conform_to_the_shapes_or_their_violations_are_source_defects():
    shapes = load_shapes()
    got = {}
    for path in _eml_files():
        store = ox.Store()
        for t in eml.convert(path.read_bytes(), base_iri=BASE):
            store.add(ox.Quad(t.subject, t.predicate, t.object))
        violations = sorted(
            {
                p.shape.value.split("#")[-1]
                for p in validate(store, shapes)
                if p.severity.endswith("Violation")
            }
        )
        if violations:
            got[_name(path)] = violations
    assert got == SOURCE_DEFECTS


# ----------------------------------------------------------------------- field retention
def _collapse(text: str) -> str:
    return " ".join(text.split())


def _xml_fields(root: ElementTree.Element) -> dict[str, list[str]]:
    """The values a reader expects to find, read with ElementTree paths (not the converter)."""
    res = next(c for c in root if c.tag in ("dataset", "software", "citation"))

    def texts(path: str) -> list[str]:
        return [v for v in (_collapse("".join(e.itertext())) for e in res.findall(path)) if v]

    licences = texts("licensed/url")
    licences += [u.get("url") for u in res.findall("intellectualRights//ulink") if u.get("url")]
    for text in texts("intellectualRights"):
        licences += [
            u.rstrip(".")
            for u in re.findall(r"https?://\S+", text)
            if re.search("creativecommons|spdx|opendatacommons", u)
        ]
    urls = [u for u in texts(".//distribution/online/url") if re.match(r"(https?|ftp)://", u)]
    taxa = [
        part.strip()
        for v in texts(".//taxonomicClassification/taxonRankValue")
        for part in v.split(",")
        if part.strip()
    ]
    return {
        "title": texts("title"),
        "abstract": [t[:80] for t in texts("abstract")],
        "keywords": texts("keywordSet/keyword"),
        "bbox": texts(".//geographicCoverage/boundingCoordinates/*"),
        "temporal": texts(".//temporalCoverage//calendarDate"),
        "creators": [
            _collapse(" ".join(e.itertext()))
            for c in res.findall("creator")
            for e in c.findall("individualName/surName") + c.findall("organizationName")[:1]
        ],
        "taxa": taxa,
        "licence": licences,
        "urls": urls,
        "identifiers": [root.get("packageId", "")] + texts("alternateIdentifier"),
    }


def _found(field: str, value: str, graph: Graph, literals: list[str], iris: set[str]) -> bool:
    if field == "bbox":
        if not re.fullmatch(r"[+-]?\d+(\.\d+)?", value):
            return True  # altitude units and the like
        numbers = {
            float(n)
            for lit in literals
            if lit.startswith("POLYGON")
            for n in re.findall(r"-?\d+(?:\.\d+)?", lit)
        } | {float(n) for lit in literals for n in [lit] if re.fullmatch(r"-?\d+(\.\d+)?", lit)}
        return float(value) in numbers
    if field == "temporal":
        return any(lit.startswith(value[:10]) for lit in literals)
    if field in ("urls", "licence"):

        def norm(u: str) -> str:
            u = re.sub(r"^(https?|ftp)://(www\.)?", "", u.strip()).rstrip("/")
            return re.sub(r"(\.html|/legalcode)$", "", u)

        # a licence is kept in its canonical form (graph_loader.mappings.licences)
        return any(norm(value) in norm(i) for i in iris) or canonical_url(value) in iris
    if field == "identifiers":
        doi = re.sub(r"^(doi:|https?://(dx\.)?doi\.org/)", "", value, flags=re.IGNORECASE)
        return any(value == lit or doi == lit for lit in literals)
    return any(value in lit for lit in literals)


def test_field_retention_over_the_corpus_is_at_least_95_percent():
    seen = found = 0
    missed: dict[str, list[str]] = {}
    per_field: dict[str, list[int]] = {}
    for path in _eml_files():
        data = path.read_bytes()
        graph = as_graph(eml.convert(data, base_iri=BASE))
        literals = [_collapse(str(o)) for o in graph.objects() if not hasattr(o, "n3") or True]
        literals = [_collapse(str(o)) for _s, _p, o in graph if o.__class__.__name__ == "Literal"]
        iris = {str(o) for _s, _p, o in graph if o.__class__.__name__ == "URIRef"}
        iris |= {str(s) for s, _p, _o in graph if s.__class__.__name__ == "URIRef"}
        for field, values in _xml_fields(ElementTree.fromstring(data)).items():
            for value in values:
                ok = _found(field, value, graph, literals, iris)
                seen, found = seen + 1, found + ok
                per_field.setdefault(field, [0, 0])
                per_field[field][0] += 1
                per_field[field][1] += ok
                if not ok:
                    missed.setdefault(_name(path), []).append(f"{field}: {value[:60]}")
    assert seen > 500
    assert found / seen >= 0.95, (found, seen, missed)
    for field, (total, kept) in per_field.items():
        assert kept / total >= 0.9, (field, kept, total, missed)


# ----------------------------------------------------------------------- specific fields
def _corpus_file(relative: str) -> bytes:
    return corpus_file("real", "eml", relative).read_bytes()


def _select(data: bytes, query: str) -> list[tuple]:
    graph = as_graph(eml.convert(data, base_iri=BASE))
    return sorted(tuple(str(v) for v in row) for row in graph.query(query))


def test_eml_2_2_licensed_award_and_placeholder_orcids():
    """arcticdata-polaris: ``licensed`` → SPDX IRI; the award → funder and grant; the five
    creators given ORCID 0000-0000-0000-0000 (a wrong check digit) stay five people."""
    data = _corpus_file("arcticdata-polaris/eml-data-paper.xml")
    assert _select(data, "SELECT ?l WHERE { ?d <http://purl.org/dc/terms/license> ?l }") == [
        ("https://creativecommons.org/licenses/by/4.0/",)  # the canonical IRI of CC-BY-4.0
    ]
    creators = _select(
        data,
        "SELECT ?c ?n WHERE { ?d <http://purl.org/dc/terms/creator> ?c . "
        "?c <http://xmlns.com/foaf/0.1/name> ?n }",
    )
    names = sorted(n for _c, n in creators)
    assert names == [
        "John Schade", "Laura Jardine", "Paul Mann", "Robert Holmes", "Sarah Ludwig",
        "Susan Natali",
    ]  # fmt: skip
    assert [c for c, n in creators if c.startswith("https://orcid.org/")] == [
        "https://orcid.org/0000-0002-2873-479X"
    ]
    grant = _select(
        data,
        "PREFIX s: <https://schema.org/> SELECT ?id ?name ?url ?funder ?fname WHERE { "
        "?d s:funding ?g . ?g s:identifier ?id ; s:name ?name ; s:url ?url ; s:funder ?funder . "
        "?funder <http://xmlns.com/foaf/0.1/name> ?fname . ?d s:funder ?funder }",
    )
    assert grant == [
        (
            "1546024",
            "Scientia Arctica: A Knowledge Archive for Discovery and Reproducible Science in "
            "the Arctic",
            "https://www.nsf.gov/awardsearch/showAward?AWD_ID=1546024",
            "https://doi.org/10.13039/00000001",
            "National Science Foundation",
        )
    ]
    dist = _select(
        data,
        "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?u ?size ?media ?title WHERE { "
        "?d dcat:distribution ?x . ?x dcat:downloadURL ?u ; dcat:byteSize ?size ; "
        "dcat:mediaType ?media ; <http://purl.org/dc/terms/title> ?title }",
    )
    assert dist == [
        (
            "https://cn.dataone.org/cn/v2/resolve/urn:uuid:ec704da8-f174-49db-b993-bae479cdc5d9",
            "17172",
            "https://www.iana.org/assignments/media-types/text/csv",
            "Polaris_2017_Permafrost.csv",
        )
    ]


def test_taxa_with_rank_parent_and_split_lists():
    """WII herbarium: a value listing several families gives one taxon per family, without
    the (ambiguous) common name; a kingdom keeps its common name."""
    data = _corpus_file("gbif-ipt-wii-herbarium/eml.xml")
    rows = _select(
        data,
        f"SELECT ?t ?name ?rank WHERE {{ ?d <{GAIA}taxon> ?t . ?t a <{GAIA}Taxon> ; "
        f"<{DWC}scientificName> ?name ; <{DWC}taxonRank> ?rank }}",
    )
    by_rank: dict[str, list[str]] = {}
    for _t, name, rank in rows:
        by_rank.setdefault(rank, []).append(name)
    assert by_rank["kingdom"] == ["Plantae"]
    assert by_rank["phylum"] == [
        "Equisetophyta", "Lycopodiophyta", "Magnoliophyta", "Pinophyta", "Pteridophyta",
    ]  # fmt: skip
    assert "Poaceae" in by_rank["family"] and "" not in by_rank["family"]
    vernacular = _select(data, f"SELECT ?t ?v WHERE {{ ?t <{DWC}vernacularName> ?v }}")
    assert vernacular == [(BASE + "id/taxon/kingdom-plantae", "Common name1")]


def test_gbif_taxon_identifier_and_epithet_completed_by_genus():
    data = b"""<eml:eml xmlns:eml="https://eml.ecoinformatics.org/eml-2.2.0" packageId="p.1">
      <dataset><title xml:lang="en">Roses</title>
        <coverage><taxonomicCoverage><taxonomicClassification>
          <taxonRankName>Genus</taxonRankName><taxonRankValue>Rosa</taxonRankValue>
          <taxonomicClassification><taxonRankName>Species</taxonRankName>
            <taxonRankValue>canina</taxonRankValue><commonName>Dog rose</commonName>
            <taxonId provider="GBIF">https://www.gbif.org/species/3002469</taxonId>
          </taxonomicClassification></taxonomicClassification></taxonomicCoverage></coverage>
      </dataset></eml:eml>"""
    rows = _select(
        data,
        f"SELECT ?t ?name ?rank ?parent WHERE {{ ?d <{GAIA}taxon> ?t . ?t <{DWC}scientificName> "
        f"?name ; <{DWC}taxonRank> ?rank . "
        "OPTIONAL { ?t <http://www.w3.org/2004/02/skos/core#broader> ?parent } }",
    )
    assert rows == [
        (BASE + "id/taxon/genus-rosa", "Rosa", "genus", "None"),
        (
            "https://www.gbif.org/species/3002469",
            "Rosa canina",
            "species",
            BASE + "id/taxon/genus-rosa",
        ),
    ]


# ----------------------------------------------------------------------- encodings, refusals
def test_utf16_and_bom_variants_give_the_same_graph():
    for relative in ("gbif-ipt-nhm-denmark/eml.xml", "arcticdata-polaris/eml-data-paper.xml"):
        data = _corpus_file(relative)
        text = data.decode("utf-8")
        variants = {
            "utf-8 bom": b"\xef\xbb\xbf" + data,
            "utf-16 bom": text.encode("utf-16"),  # keeps a declaration saying UTF-8
            "utf-16-le no bom": text.encode("utf-16-le"),
            "utf-16-be bom": b"\xfe\xff" + text.encode("utf-16-be"),
            "utf-8 declared utf-16": b'<?xml version="1.0" encoding="UTF-16"?>\n'
            + re.sub(rb"^<\?xml[^>]*\?>", b"", data),
        }
        expected = as_graph(eml.convert(data, base_iri=BASE))
        for name, variant in variants.items():
            assert detect_format(variant) == "eml", (relative, name)
            assert isomorphic(as_graph(eml.convert(variant, base_iri=BASE)), expected), name


_HEAD = '<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1" packageId="x.1">'


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty EML record (notice EML vide)"),
        (
            b'<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1"><dataset><title>t</title>'
            b"</dataset></eml:eml>",
            "EML record without a packageId nor an alternateIdentifier (notice EML sans",
        ),
        (_HEAD.encode() + b"<dataset><title>t</title>", "EML record: malformed XML"),
        (_HEAD.encode() + b"<access/></eml:eml>", "holds no dataset, software, citation"),
        (
            _HEAD.encode() + b"<dataset><abstract>a</abstract></dataset></eml:eml>",
            "without a title",
        ),
        (
            _HEAD.encode() + b"<protocol><title>p</title></protocol></eml:eml>",
            "holds a protocol (a method description), not a dataset",
        ),
        (b'<eml xmlns="http://example.org/eml">x</eml>', "not an EML 2.x record"),
    ],
)
def test_bad_input_is_refused_with_a_named_reason(data, message):
    with pytest.raises(InputError, match=re.escape(message)):
        eml.convert(data, base_iri=BASE)


def test_sniff_needs_the_eml_namespace_on_the_root():
    assert eml.sniff(_HEAD.encode() + b"<dataset/></eml:eml>")
    assert eml.sniff(
        b'<?xml version="1.0"?>\n<!-- c --><eml xmlns="https://eml.ecoinformatics.org/eml-2.2.0"/>'
    )
    assert not eml.sniff(b'<eml:eml xmlns:eml="http://example.org/eml-2.1.1"/>')
    assert not eml.sniff(b'<x:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1"/>')
    assert not eml.sniff(b'<dataset xmlns:eml="eml://ecoinformatics.org/eml-2.1.1"/>')
    assert not eml.sniff(b"@prefix eml: <eml://ecoinformatics.org/eml-2.1.1> .")


def test_citation_root_is_a_publication():
    data = b"""<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.2.0"
         packageId="sbclter-bibliography.201.1" system="knb">
       <citation id="sbclter-bibliography.201">
          <alternateIdentifier system="sbclter-bibliography">201</alternateIdentifier>
          <title>A conceptual model for river water and sediment dispersal in the Santa Barbara
            Channel, California</title>
          <creator><individualName><givenName>J</givenName><givenName>A</givenName>
            <surName>Warrick</surName></individualName></creator>
          <pubDate>2004</pubDate>
          <article><journal>Continental-Shelf Research</journal><volume>24</volume></article>
       </citation></eml:eml>"""
    assert detect_format(data) == "eml"
    rows = _select(
        data,
        "SELECT ?s ?type ?name ?who ?year WHERE { ?s a ?type ; <https://schema.org/name> ?name ; "
        "<http://purl.org/dc/terms/creator> [ <http://xmlns.com/foaf/0.1/name> ?who ] ; "
        "<http://purl.org/dc/terms/issued> ?year }",
    )
    assert rows == [
        (
            BASE + "id/publication/sbclter-bibliography.201.1",
            "https://schema.org/ScholarlyArticle",
            "A conceptual model for river water and sediment dispersal in the Santa Barbara "
            "Channel, California",
            "J A Warrick",
            "2004",
        )
    ]


def test_corpus_records_load_through_the_pipeline():
    shapes = load_shapes()
    for relative, resource in (
        ("gbif-ipt-nhm-denmark/eml.xml", "cb643105-2e6b-403d-a23b-2c8128d1f97c-v10.2-4a2068f7"),
        ("lter-harvard-forest/hf205.xml", "knb-lter-hfr.205.4"),
        ("arcticdata-polaris/eml-data-paper.xml", "10.18739-a2kk3f-2a82af1b"),
    ):
        _corpus_file(relative)
        path = CORPORA / "real" / "eml" / relative
        assert load_outcomes(path, shapes) == {BASE + "id/dataset/" + resource: "loaded"}


_ITIS = "https://www.itis.gov/servlet/SingleRpt/SingleRpt?search_topic=TSN&search_value="


@pytest.mark.parametrize(
    ("provider", "value", "iri"),
    [
        ("GBIF", "https://www.gbif.org/species/3002469/", "https://www.gbif.org/species/3002469"),
        ("https://www.gbif.org", "2480528", "https://www.gbif.org/species/2480528"),
        ("ITIS", "11274", _ITIS + "11274"),
        ("https://www.itis.gov", "180543", _ITIS + "180543"),
        ("", "urn:lsid:itis.gov:itis_tsn:180543", _ITIS + "180543"),
        ("https://biohub.bc.ca", "AMARALB", BASE + "id/taxon/species-amaranthus-albus"),
        ("British Columbia", "12", BASE + "id/taxon/species-amaranthus-albus"),
        (
            "https://www.ncbi.nlm.nih.gov/taxonomy",
            "35122",
            BASE + "id/taxon/species-amaranthus-albus",
        ),
    ],
)
def test_taxon_iri_is_the_gbif_or_itis_page_else_minted(provider, value, iri):
    assert taxon_iri("species", "Amaranthus albus", [(provider, value)], BASE) == iri
