"""CodeMeta converter: golden case, every corpus record, bad input, the loader."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from helpers import BASE, TESTS, as_graph, assert_case, cases, corpus, load_outcomes

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import codemeta
from graph_loader.validation import load_shapes

FIXTURES = TESTS / "fixtures" / "mappings" / "codemeta"
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
            "CodeMeta software https://data.gaia-data.fr/id/software/x-1 has no name (name, "
            "alternateName or code repository): not a record",
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


def _software(document: dict) -> dict[str, list[tuple[str, str]]]:
    """Software IRI -> sorted (property, value) of a CodeMeta document converted."""
    import json

    out: dict[str, list[tuple[str, str]]] = {}
    for t in codemeta.convert(json.dumps(document).encode(), base_iri=BASE):
        if t.subject.value.startswith(("http", BASE)) and not isinstance(t.subject, ox.BlankNode):
            prop = t.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            out.setdefault(t.subject.value, []).append((prop, t.object.value))
    return {k: sorted(v) for k, v in out.items()}


def test_codemeta_1_terms_are_read():
    """CodeMeta 1.0 (bolognese fixtures, "master" context): title, authors/agents by role,
    licenseId; lower-case person types."""
    got = _software({
        "@context": "https://raw.githubusercontent.com/codemeta/codemeta/master/codemeta.jsonld",
        "@type": "SoftwareSourceCode", "@id": "https://doi.org/10.5438/QEG0-3GM3",
        "title": "Maremma: a Ruby library for simplified network calls",
        "agents": [
            {"@id": "http://orcid.org/0000-0003-0077-4738", "@type": "person",
             "name": "Matt Jones", "isMaintainer": True,
             "role": {"roleCode": ["originator", "resourceProvider"]}},
            {"@type": "organization", "name": "UCSB", "role": {"roleCode": "copyrightHolder"}},
        ],
        "licenseId": "MIT",
    })  # fmt: skip
    facts = got["https://doi.org/10.5438/QEG0-3GM3"]
    assert ("name", "Maremma: a Ruby library for simplified network calls") in facts
    assert ("title", "Maremma: a Ruby library for simplified network calls") in facts
    assert ("license", "http://spdx.org/licenses/MIT") in facts
    assert ("creator", "http://orcid.org/0000-0003-0077-4738") in facts
    assert ("maintainer", "http://orcid.org/0000-0003-0077-4738") in facts
    assert [p for p, _ in facts].count("rightsHolder") == 1
    assert got["http://orcid.org/0000-0003-0077-4738"] == [
        ("name", "Matt Jones"),
        ("type", "http://xmlns.com/foaf/0.1/Agent"),
        ("type", "http://xmlns.com/foaf/0.1/Person"),
    ]


@pytest.mark.parametrize(
    "context",
    [
        "http://purl.org/codemeta/2.0",
        "https://doi.org/doi:10.5063/schema/codemeta-2.0",
        "https://doi.org/10.5063/schema/codemeta-1.0",
        ["https://w3id.org/codemeta/3.0", "http://schema.org", "https://w3id.org/software-types"],
        [
            "https://raw.githubusercontent.com/codemeta/codemeta/2.0/codemeta.jsonld",
            "https://raw.githubusercontent.com/schemaorg/schemaorg/main/data/releases/13.0/"
            "schemaorgcontext.jsonld",
            "https://w3id.org/software-iodata",
            "https://w3id.org/nwo-research-fields",
            "https://raw.githubusercontent.com/jantman/repostatus.org/master/badges/latest/"
            "ontology.jsonld",
            "https://w3id.org/research-technology-readiness-levels",
        ],
    ],
)
def test_context_spellings_met_in_real_records(context):
    got = _software({"@context": context, "@type": "SoftwareSourceCode",
                     "@id": "https://example.org/sw", "name": "sw"})  # fmt: skip
    assert ("name", "sw") in got["https://example.org/sw"]


def test_a_repository_names_software_without_a_name():
    got = _software({"@context": "https://doi.org/10.5063/schema/codemeta-2.0",
                     "@id": "https://example.org/sw", "codeRepository":
                     "https://github.com/datacite/maremma.git", "version": "1.0"})  # fmt: skip
    assert ("name", "maremma") in got["https://example.org/sw"]
