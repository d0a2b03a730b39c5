"""DataCite XML and JSON converters: golden cases, every corpus record, bad input, the loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import BASE, TESTS, as_graph, assert_case, cases, corpus
from rdflib.compare import isomorphic

from graph_loader.backends import open_store
from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import datacite_json, datacite_xml
from graph_loader.pipeline import load_paths
from graph_loader.records import RECORD_KINDS
from graph_loader.validation import load_shapes

FIXTURES = TESTS / "fixtures" / "mappings" / "datacite"
MODULES = {"datacite-xml": datacite_xml, "datacite-json": datacite_json}
CASES = [case for fmt in MODULES for case in cases(fmt)]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_golden_case(case: Path):
    """Each hand-written expected.ttl is isomorphic to the conversion of its input."""
    assert_case(MODULES[case.parent.name], case)


@pytest.mark.parametrize("fmt", MODULES)
def test_every_corpus_record_converts(fmt: str):
    """Every corpus record is sniffed as its own format only and converts to a typed resource."""
    classes = {}
    for path in corpus(fmt):
        data = path.read_bytes()
        assert detect_format(data) == fmt, path.name
        other = MODULES["datacite-json" if fmt == "datacite-xml" else "datacite-xml"]
        assert not other.sniff(data), path.name
        graph = as_graph(MODULES[fmt].convert(data, base_iri=BASE))
        query = "SELECT ?c WHERE { ?r a ?c ; <http://purl.org/dc/terms/identifier> ?id }"
        classes[path.name] = sorted(
            str(row.c) for row in graph.query(query) if str(row.c) in RECORD_KINDS
        )
    assert all(len(c) == 1 for c in classes.values()), classes


EXPECTED_TYPES = {
    "all-fields-v4.4.xml": ["dcat#Dataset"],
    # Text / "report" and Report: a report, not an article
    "datacite-example-Box_dateCollected_DataCollector-v4.xml": ["CreativeWork", "Report"],
    "datacite-example-HasMetadata-v4.xml": ["CreativeWork", "Report"],
    "datacite-example-affiliation-v4.xml": ["SoftwareSourceCode"],
    "datacite-example-ancientdates-v4.xml": ["dcat#Dataset"],
    "datacite-example-workflow-v4.xml": ["SoftwareSourceCode"],
    "datacite-example-ResourceTypeGeneral_Collection-v4.json": ["dcat#Dataset"],
    "datacite-example-datapaper-v4.json": ["ScholarlyArticle"],
    "datacite-example-video-v4.json": ["dcat#Dataset"],
}


def test_resource_type_general_chooses_the_class():
    """Articles (JournalArticle, DataPaper...) → schema:ScholarlyArticle, other texts (Text,
    Report, Book...) → schema:CreativeWork and their precise class, Software/Workflow →
    software, the rest (Collection too) → dataset."""
    got = {}
    for name in EXPECTED_TYPES:
        fmt = "datacite-xml" if name.endswith(".xml") else "datacite-json"
        path = next((p for p in corpus(fmt) if p.name == name), None)
        assert path is not None, name
        triples = MODULES[fmt].convert(path.read_bytes(), base_iri=BASE)
        got[name] = sorted(
            t.object.value.rsplit("/", 1)[-1]
            for t in triples
            if t.predicate.value.endswith("#type") and t.subject.value.startswith(BASE)
        )
    assert got == EXPECTED_TYPES


# outcome of each corpus file loaded alone: "loaded", the defects of a record loaded flagged
# as not conformant, or the rejection with its problems
_NO_DESCRIPTION = (
    "description (dct:description): A description (dct:description) is mandatory and must be "
    "a text."
)
EXPECTED_LOAD = {
    "datacite-example-ancientdates-v4.xml": (
        "flagged",
        [
            "error: the dataset « Silver Denarius of Augustus, Emerita, 25 BC - 23 BC "
            "1969.222.1267 » <https://data.gaia-data.fr/id/dataset/10.5072-0945113-8dac96d2>, "
            + _NO_DESCRIPTION
        ],
    ),
    # a title in English only is a title (the rule "in fr or en" is a warning)
    "datacite-example-polygon-v4.json": (
        "flagged",
        [
            "error: the dataset « Meteo measurements at the Sand Motor » "
            "<https://data.gaia-data.fr/id/dataset/10.5072-example-polygon-eaa4894d>, "
            + _NO_DESCRIPTION
        ],
    ),
}


@pytest.mark.parametrize("fmt", MODULES)
def test_corpus_records_load_or_are_rejected_with_reasons(fmt: str):
    """Each corpus file, loaded alone, is stored or rejected with readable reasons (listed)."""
    shapes = load_shapes()
    outcomes = {}
    for path in corpus(fmt):
        report = load_paths(open_store(":memory:"), [path], base_iri=BASE, shapes=shapes)
        assert not report.file_errors, report.file_errors
        records = [o for o in report.outcomes if o.kind != "source"]
        assert len(records) == 1, (path.name, records)
        outcome = records[0]
        outcomes[path.name] = (
            outcome.problems
            if outcome.status == "rejected"
            else ("flagged", outcome.defects)
            if outcome.defects
            else outcome.status
        )
    expected = {p.name: EXPECTED_LOAD.get(p.name, "loaded") for p in corpus(fmt)}
    assert outcomes == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.xml", "empty DataCite XML record"),
        ("malformed.xml", "DataCite record: malformed XML: mismatched tag: line 4, column 33"),
        ("entity-bomb.xml", "DataCite record: XML entity declarations are refused"),
        ("external-entity.xml", "DataCite record: XML entity declarations are refused"),
        (
            "latin1-declared-utf8.xml",
            "DataCite record: malformed XML: not valid UTF-8 at line 4, column 36 (byte 0xe9); "
            "a document in another encoding must declare it (<?xml encoding=...?>)",
        ),
        ("unknown-encoding.xml", "DataCite record: unreadable XML: unknown encoding: x-klingon"),
        ("no-title.xml", "DataCite record without a title"),
    ],
)
def test_bad_xml_gives_a_clear_input_error(name: str, message: str):
    with pytest.raises(InputError) as caught:
        datacite_xml.convert((FIXTURES / name).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "latin1.json",
            "DataCite JSON record: invalid JSON: 'utf-8' codec can't decode byte 0xe9 "
            "in position 68: invalid continuation byte",
        ),
        (
            "truncated.json",
            "DataCite JSON record: invalid JSON: Unterminated string starting at: "
            "line 1 column 67 (char 66)",
        ),
        (
            "jsonld-not-datacite.json",
            "not a DataCite JSON record: no creators, titles and DOI or types",
        ),
    ],
)
def test_bad_json_gives_a_clear_input_error(name: str, message: str):
    with pytest.raises(InputError) as caught:
        datacite_json.convert((FIXTURES / name).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


def test_empty_json_record():
    with pytest.raises(InputError, match="^empty DataCite JSON record$"):
        datacite_json.convert(b"  \n", base_iri=BASE)


def test_sniffing_routes_bad_records_to_their_converter():
    """Broken DataCite records reach the DataCite converter (and its clear message); JSON-LD,
    other XML and empty input are never taken."""
    taken = {
        f.name: [name for name, m in MODULES.items() if m.sniff(f.read_bytes())]
        for f in sorted(FIXTURES.iterdir())
    }
    assert taken == {
        "empty.xml": [],
        "entity-bomb.xml": ["datacite-xml"],
        "external-entity.xml": ["datacite-xml"],
        "jsonld-not-datacite.json": [],
        "latin1-declared-utf8.xml": ["datacite-xml"],
        "latin1.json": ["datacite-json"],
        "malformed.xml": ["datacite-xml"],
        "no-doi.xml": ["datacite-xml"],
        "no-title.xml": ["datacite-xml"],
        "truncated.json": ["datacite-json"],
        "unknown-encoding.xml": ["datacite-xml"],
    }
    for other in (
        b'<?xml version="1.0"?><MD_Metadata xmlns="http://www.isotc211.org/2005/gmd"/>',
        b"",
        b"[]",
        b"\x00\xff",
    ):
        assert not datacite_xml.sniff(other) and not datacite_json.sniff(other)


@pytest.mark.parametrize("module", [datacite_xml, datacite_json], ids=["xml", "json"])
def test_oversized_record_is_refused(module):
    head = (
        b'<resource xmlns="http://datacite.org/schema/kernel-4">'
        if module is datacite_xml
        else b'{"doi": "10.5072/big", "creators": [], "titles": [{"title": "'
    )
    with pytest.raises(InputError, match="bytes is over the 20971520 bytes limit"):
        module.convert(head + b" " * (21 * 1024 * 1024), base_iri=BASE)


@pytest.mark.parametrize("encoding", ["utf-16", "iso-8859-1"])
def test_declared_encodings_are_read(encoding: str):
    """A record in UTF-16 (with BOM) or declared ISO-8859-1 converts like its UTF-8 original."""
    case = TESTS / "cases" / "datacite-xml" / "kernel3-orcid-etalab" / "input.xml"
    text = case.read_text("utf-8").replace('encoding="UTF-8"', f'encoding="{encoding}"')
    data = text.encode(encoding)
    assert datacite_xml.sniff(data)
    expected = as_graph(datacite_xml.convert(case.read_bytes(), base_iri=BASE))
    assert isomorphic(as_graph(datacite_xml.convert(data, base_iri=BASE)), expected)
