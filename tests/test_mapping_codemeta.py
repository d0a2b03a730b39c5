"""CodeMeta converter: golden case, every corpus record, bad input, the loader."""

from __future__ import annotations

import pytest
from mapping_support import BASE, HERE, as_graph, assert_case, cases, corpus, load_outcomes

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import codemeta
from graph_loader.validate import load_shapes

FIXTURES = HERE / "fixtures" / "mappings" / "codemeta"
SOFTWARE = "SELECT ?s ?name WHERE { ?s a <https://schema.org/SoftwareSourceCode> ; "
SOFTWARE += "<https://schema.org/name> ?name }"


@pytest.mark.parametrize("case", cases("codemeta"), ids=lambda c: c.name)
def test_golden_case(case):
    assert_case(codemeta, case)


def test_every_corpus_record_is_one_named_software():
    found = {}
    for path in corpus("codemeta"):
        data = path.read_bytes()
        assert detect_format(data) == "codemeta", path.name
        graph = as_graph(codemeta.convert(data, base_iri=BASE))
        found[path.name] = sorted((str(s), str(n)) for s, n in graph.query(SOFTWARE))
    assert found == {
        "codemeta-software.json": [
            ("https://w3id.org/okn/i/mint/TOPOFLOW", "Topoflow Hydrology model")
        ],
        "codemeta.json": [
            (
                BASE + "id/software/codemetar",
                "codemetar: Generate CodeMeta Metadata for R Packages",
            )
        ],
        "schema-org-codemeta.json": [
            (
                BASE + "id/software/http-dx.doi.org-10.5281-zenodo.xxxx-1e49f6fe",
                "Generate CodeMeta Metadata for R Packages",
            )
        ],
    }


def test_nested_source_code_and_spdx_licence():
    """A SoftwareApplication's hasSourceCode repository is kept; SPDX URLs become SPDX IRIs."""
    for path in corpus("codemeta"):
        graph = as_graph(codemeta.convert(path.read_bytes(), base_iri=BASE))
        repos = graph.query("SELECT ?r WHERE { ?s <https://schema.org/codeRepository> ?r }")
        licences = graph.query("SELECT ?l WHERE { ?s <http://purl.org/dc/terms/license> ?l }")
        got = (sorted(str(r) for (r,) in repos), sorted(str(x) for (x,) in licences))
        assert (
            got
            == {
                "codemeta-software.json": (["https://github.com/peckhams/topoflow"], []),
                "codemeta.json": (
                    ["https://github.com/codemeta/codemetar"],
                    ["http://spdx.org/licenses/MIT"],
                ),
                "schema-org-codemeta.json": (
                    ["https://github.com/codemeta/codemetar"],
                    ["http://spdx.org/licenses/BSD-2-Clause"],
                ),
            }[path.name]
        )


def test_corpus_records_load_or_are_rejected_with_reasons():
    shapes = load_shapes()
    got = {p.name: load_outcomes(p, shapes) for p in corpus("codemeta")}
    assert got == {
        "codemeta-software.json": {"https://w3id.org/okn/i/mint/TOPOFLOW": "loaded"},
        "codemeta.json": {BASE + "id/software/codemetar": "loaded"},
        "schema-org-codemeta.json": {
            BASE + "id/software/http-dx.doi.org-10.5281-zenodo.xxxx-1e49f6fe": "loaded"
        },
    }


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.json", "empty record"),
        (
            "no-name.json",
            "CodeMeta software https://data.gaia-data.fr/id/software/"
            "https-github.com-example-x-c1f6f71c has no name",
        ),
        (
            "no-software.json",
            "no SoftwareSourceCode or SoftwareApplication in this CodeMeta record",
        ),
    ],
)
def test_bad_input_gives_a_clear_input_error(name, message):
    with pytest.raises(InputError) as caught:
        codemeta.convert((FIXTURES / name).read_bytes(), base_iri=BASE)
    assert str(caught.value) == message


def test_sniff_refuses_other_json():
    assert not codemeta.sniff(b'{"@context": "https://schema.org/", "@type": "Dataset"}')
    assert not codemeta.sniff(b'{"data": {"type": "dois", "attributes": {}}}')
    assert not codemeta.sniff(b"\x00\x01 not json")


def test_software_pointing_at_each_other_gives_the_first():
    data = b"""{"@context": "https://w3id.org/codemeta/3.0", "@id": "https://example.org/app",
      "@type": "SoftwareApplication", "name": "app",
      "hasSourceCode": {"@id": "https://example.org/src", "@type": "SoftwareSourceCode",
        "name": "app sources", "isSourceCodeOf": {"@id": "https://example.org/app"}}}"""
    graph = as_graph(codemeta.convert(data, base_iri=BASE))
    assert sorted((str(s), str(n)) for s, n in graph.query(SOFTWARE)) == [
        ("https://example.org/app", "app")
    ]
