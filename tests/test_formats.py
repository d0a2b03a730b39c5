"""Format detection from content, safe XML, offline JSON-LD contexts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph_loader.errors import InputError, UnknownContextError
from graph_loader.formats import detect_format, read_triples

S, P = "http://example.org/s", "http://purl.org/dc/terms/title"
RDFXML_HEAD = (
    '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n{entities}\n]>\n'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:dct="http://purl.org/dc/terms/">\n'
    '<rdf:Description rdf:about="http://example.org/s"><dct:title>{value}</dct:title>'
    "</rdf:Description></rdf:RDF>\n"
)
EXPECTED = [ox.Triple(ox.NamedNode(S), ox.NamedNode(P), ox.Literal("hello"))]


@pytest.mark.parametrize(
    "data,fmt",
    [
        (
            b"@prefix dct: <http://purl.org/dc/terms/> .\n"
            b"<http://example.org/s> dct:title 'hello' .",
            "turtle",
        ),
        (
            b"PREFIX dct: <http://purl.org/dc/terms/>\n<http://example.org/s> dct:title 'hello' .",
            "turtle",
        ),
        (
            b'# comment\n<http://example.org/s> <http://purl.org/dc/terms/title> "hello" .\n',
            "ntriples",
        ),
        (
            b'<http://example.org/s> <http://purl.org/dc/terms/title> "hello" <http://g> .\n',
            "nquads",
        ),
        (
            b"@prefix dct: <http://purl.org/dc/terms/> .\n<http://g> { <http://example.org/s> "
            b"dct:title 'hello' }",
            "trig",
        ),
        (RDFXML_HEAD.format(entities="", value="hello").encode(), "rdfxml"),
        (b'{"@id": "http://example.org/s", "http://purl.org/dc/terms/title": "hello"}', "jsonld"),
        (
            b'\xef\xbb\xbf  [{"@id": "http://example.org/s", '
            b'"http://purl.org/dc/terms/title": "hello"}]',
            "jsonld",
        ),
    ],
)
def test_detect_and_read(data, fmt):
    assert detect_format(data) == fmt
    assert read_triples(data, name="x") == EXPECTED


def test_harmless_internal_entities_are_expanded():
    data = RDFXML_HEAD.format(entities='<!ENTITY h "hello">', value="&h;").encode()
    assert read_triples(data, name="x") == EXPECTED


def test_external_entities_are_refused():
    data = RDFXML_HEAD.format(
        entities='<!ENTITY x SYSTEM "file:///etc/passwd">', value="&x;"
    ).encode()
    with pytest.raises(InputError, match="entity declaration refused"):
        read_triples(data, name="evil.rdf")


def test_entity_bombs_are_refused():
    levels = ['<!ENTITY a "' + "a" * 50 + '">']
    for prev, cur in zip("abcdefg", "bcdefgh", strict=True):
        levels.append(f'<!ENTITY {cur} "' + f"&{prev};" * 20 + '">')
    data = RDFXML_HEAD.format(entities="\n".join(levels), value="&h;").encode()
    with pytest.raises(InputError, match="entity declaration refused"):
        read_triples(data, name="bomb.rdf")


def test_non_rdf_xml_names_its_root():
    with pytest.raises(InputError, match="ows:Capabilities"):
        read_triples(b'<?xml version="1.0"?>\n<ows:Capabilities xmlns:ows="x"/>', name="caps.xml")


def test_shipped_context_is_used_offline():
    data = (
        b'{"@context": "https://w3id.org/gaia-kg/context.jsonld", '
        b'"@id": "http://example.org/s", "title": {"en": "hello"}}'
    )
    assert read_triples(data, name="x") == [
        ox.Triple(ox.NamedNode(S), ox.NamedNode(P), ox.Literal("hello", language="en"))
    ]


def test_unknown_remote_context_is_a_clear_error():
    with pytest.raises(
        UnknownContextError, match="x.jsonld: JSON-LD context 'https://example.org/ctx.jsonld'"
    ):
        read_triples(
            b'{"@context": "https://example.org/ctx.jsonld", "name": "n"}', name="x.jsonld"
        )


def test_schemaorg_context_is_shipped_and_normalised_to_https():
    """Plain schema.org JSON-LD (not a Dataset) is read offline, in https://schema.org/."""
    for context in (b'"http://schema.org"', b'"https://schema.org/"'):
        data = b'{"@context": ' + context + b', "@id": "http://example.org/s", "name": "n"}'
        assert read_triples(data, name="x.jsonld") == [
            ox.Triple(
                ox.NamedNode("http://example.org/s"),
                ox.NamedNode("https://schema.org/name"),
                ox.Literal("n"),
            )
        ]


def test_syntax_errors_name_the_file_and_format():
    with pytest.raises(InputError, match=r"^cat\.ttl: not valid turtle: "):
        read_triples(b"@prefix a: <x:> .\na:s a:p 'unterminated .", name="cat.ttl")


def test_empty_input():
    with pytest.raises(InputError, match="empty"):
        read_triples(b"  \n", name="empty.ttl")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<gmd:MD_Metadata", "record.xml: XML: malformed XML: unclosed token"),
        (
            b'<x:catalogue xmlns:x="urn:example"><x:item/></x:catalogue>',
            "record.xml: XML whose root element is <x:catalogue> is not a supported format",
        ),
    ],
    ids=["truncated", "unknown-root"],
)
def test_xml_without_declaration_is_explained_not_read_as_turtle(data, message):
    with pytest.raises(InputError) as error:
        read_triples(data, name="record.xml")
    assert str(error.value).startswith(message)


def test_a_turtle_iri_that_looks_like_a_tag_is_still_turtle():
    assert detect_format(b"<urn:isbn> <http://example.org/p> <http://example.org/o> .\n") == (
        "ntriples"
    )
