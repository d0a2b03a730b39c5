"""Format detection from content, safe XML, offline JSON-LD contexts."""

from __future__ import annotations

import json

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


# ---------------------------------------------------------------------------------------------
# read-level repairs: relative IRIs, invalid IRIs, encodings (issue 16)

from pathlib import Path  # noqa: E402

from helpers import as_graph, corpus_file  # noqa: E402

from graph_loader.formats import read_document, read_syntax  # noqa: E402
from graph_loader.mappings.xmlsafe import parse_xml, utf8_document  # noqa: E402
from graph_loader.repair import Repair  # noqa: E402

DOC = "file:///data/catalogue/doc.ttl"
DCT_TITLE, DCAT_NS = "http://purl.org/dc/terms/title", "http://www.w3.org/ns/dcat#"
VCARD_EMAIL = "http://www.w3.org/2006/vcard/ns#hasEmail"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _read(data: bytes, **options) -> tuple[list[ox.Triple], list[Repair]]:
    repairs: list[Repair] = []
    quads = read_document(data, name="doc", repairs=repairs, **options)[1]
    return [q.triple for q in quads], repairs


def _nt(triples: list[ox.Triple]) -> set[str]:
    return {str(t) for t in triples}


def test_relative_iris_are_resolved_against_the_base_and_recorded():
    data = b"""@prefix dct: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
<d1> dct:title "A" ; dct:isPartOf <../cat#root> ; vcard:hasEmail <jean@example.org> .
<http://example.org/abs> dct:relation <#frag> .
"""
    triples, repairs = _read(data, base_iri=DOC)
    assert _nt(triples) == {
        f'<file:///data/catalogue/d1> <{DCT_TITLE}> "A"',
        "<file:///data/catalogue/d1> <http://purl.org/dc/terms/isPartOf> <file:///data/cat#root>",
        f"<file:///data/catalogue/d1> <{VCARD_EMAIL}> <mailto:jean@example.org>",
        "<http://example.org/abs> <http://purl.org/dc/terms/relation> <file:///data/catalogue/doc.ttl#frag>",
    }  # fmt: skip
    d1 = "file:///data/catalogue/d1"
    assert repairs == [
        Repair("relative-iri", d1, DCT_TITLE, "<d1>", f"<{d1}>"),
        Repair("relative-iri", d1, "http://purl.org/dc/terms/isPartOf", "<d1>", f"<{d1}>"),
        Repair("relative-iri", d1, "http://purl.org/dc/terms/isPartOf", "</data/cat#root>",
               "<file:///data/cat#root>"),
        Repair("relative-iri", d1, VCARD_EMAIL, "<d1>", f"<{d1}>"),
        Repair("mailto", d1, VCARD_EMAIL, "<jean@example.org>", "<mailto:jean@example.org>"),
        Repair("relative-iri", "http://example.org/abs", "http://purl.org/dc/terms/relation",
               "<doc.ttl#frag>", "<file:///data/catalogue/doc.ttl#frag>"),
    ]  # fmt: skip


def test_without_a_base_relative_iris_are_resolved_against_the_mint_base():
    triples, repairs = _read(b'<d1> <http://purl.org/dc/terms/title> "A" .',
                             mint_base="https://data.example.org/")  # fmt: skip
    assert _nt(triples) == {f'<https://data.example.org/d1> <{DCT_TITLE}> "A"'}
    assert [r.kind for r in repairs] == ["relative-iri"]


@pytest.mark.parametrize(
    ("base", "resolved"),
    [
        ("https://example.org/a feed/page 1.xml", "https://example.org/a%20feed/d1"),
        ("not a base", "https://data.example.org/d1"),
    ],
)
def test_an_invalid_base_does_not_cost_the_document(base, resolved):
    triples, _ = _read(b'<d1> <http://purl.org/dc/terms/title> "A" .', base_iri=base,
                       mint_base="https://data.example.org/")  # fmt: skip
    assert _nt(triples) == {f'<{resolved}> <{DCT_TITLE}> "A"'}


def test_an_absolute_base_in_the_document_is_not_a_repair():
    data = b'@base <http://example.org/> .\n<d1> <http://purl.org/dc/terms/title> "A" .'
    triples, repairs = _read(data, base_iri=DOC)
    assert (_nt(triples), repairs) == ({f'<http://example.org/d1> <{DCT_TITLE}> "A"'}, [])


def test_invalid_iris_are_percent_encoded_or_their_statement_dropped():
    data = b"""@prefix dct: <http://purl.org/dc/terms/> .
<http://example.org/a b> dct:title "A" ; dct:source <http://example.org/{x}> .
<http://example.org/c> dct:title "C" ; dct:relation <http:/broken> ;
    dct:subject <mailto:foo bar> .
"""
    triples, repairs = _read(data, base_iri=DOC)
    assert _nt(triples) == {
        f'<http://example.org/a%20b> <{DCT_TITLE}> "A"',
        "<http://example.org/a%20b> <http://purl.org/dc/terms/source> <http://example.org/%7Bx%7D>",
        f'<http://example.org/c> <{DCT_TITLE}> "C"',
        "<http://example.org/c> <http://purl.org/dc/terms/subject> <mailto:foo%20bar>",
    }
    ab, c = "http://example.org/a%20b", "http://example.org/c"
    assert repairs == [
        Repair("bad-iri", ab, DCT_TITLE, "<http://example.org/a b>", f"<{ab}>"),
        Repair("bad-iri", ab, "http://purl.org/dc/terms/source", "<http://example.org/a b>",
               f"<{ab}>"),
        Repair("bad-iri", ab, "http://purl.org/dc/terms/source", "<http://example.org/{x}>",
               "<http://example.org/%7Bx%7D>"),
        Repair("bad-iri", c, "http://purl.org/dc/terms/relation", "<http:/broken>", ""),
        Repair("bad-iri", c, "http://purl.org/dc/terms/subject", "<mailto:foo bar>",
               "<mailto:foo%20bar>"),
    ]  # fmt: skip


def test_turtle_urls_without_brackets_and_undeclared_prefixes_cost_only_their_statement():
    data = b"""@prefix dct: <http://purl.org/dc/terms/> .
<http://example.org/d> a dcat:Dataset ;
    dct:title "D" ;
    dcat:landingPage http://example.org/page ; dct:description "see http://example.org/x" ;
    http:paramValue "GetData" ; # http://example.org/in-a-comment
    dct:description "not an IRI: <http://example.org/y>" .
<http://example.org/e> dct:title "E" .
"""
    triples, repairs = _read(data, base_iri=DOC)
    d = "http://example.org/d"
    assert _nt(triples) == {
        f"<{d}> <{RDF_TYPE}> <{DCAT_NS}Dataset>",
        f'<{d}> <{DCT_TITLE}> "D"',
        f"<{d}> <{DCAT_NS}landingPage> <http://example.org/page>",
        f'<{d}> <http://purl.org/dc/terms/description> "see http://example.org/x"',
        f'<{d}> <http://purl.org/dc/terms/description> "not an IRI: <http://example.org/y>"',
        f'<http://example.org/e> <{DCT_TITLE}> "E"',
    }
    assert sorted(repairs, key=repr) == sorted([
        Repair("bad-iri", d, RDF_TYPE, "dcat:Dataset", f"<{DCAT_NS}Dataset>"),
        Repair("bad-iri", d, f"{DCAT_NS}landingPage", "dcat:landingPage",
               f"<{DCAT_NS}landingPage>"),
        Repair("bad-iri", d, f"{DCAT_NS}landingPage", "http://example.org/page",
               "<http://example.org/page>"),
        Repair("bad-iri", d, "http:paramValue", "http:paramValue", ""),
    ], key=repr)  # fmt: skip


def test_jsonld_relative_ids_are_resolved_and_unmapped_keys_ignored():
    data = json.dumps({
        "@context": {"title": "http://purl.org/dc/terms/title"},
        "@id": "records/r1", "title": "R", "accessLevel": "public",
    }).encode()  # fmt: skip
    triples, repairs = _read(data, base_iri="https://example.org/feed/page.json")
    r1 = "https://example.org/feed/records/r1"
    assert _nt(triples) == {f'<{r1}> <{DCT_TITLE}> "R"'}
    assert repairs == [Repair("relative-iri", r1, DCT_TITLE, "<records/r1>", f"<{r1}>")]


def _dcat_jsonld(node_id: str) -> bytes:
    return json.dumps({
        "@context": {"dcat": DCAT_NS, "dct": "http://purl.org/dc/terms/"},
        "@id": node_id, "@type": "dcat:Dataset", "dct:title": "T",
    }).encode()  # fmt: skip


def _each_statement(kind, subject, before, after):
    return [Repair(kind, subject, p, before, after) for p in (RDF_TYPE, DCT_TITLE)]


def test_a_jsonld_id_with_a_space_is_percent_encoded_and_recorded():
    # an http base: absolute http IRIs are not taken for network-path references (//host/…)
    triples, repairs = _read(_dcat_jsonld("http://example.org/data set/1"),
                             base_iri="http://base.example/dir/doc.jsonld")  # fmt: skip
    d = "http://example.org/data%20set/1"
    assert _nt(triples) == {f"<{d}> <{RDF_TYPE}> <{DCAT_NS}Dataset>", f'<{d}> <{DCT_TITLE}> "T"'}
    assert repairs == _each_statement("bad-iri", d, "<http://example.org/data set/1>", f"<{d}>")


def test_a_jsonld_id_that_is_not_an_iri_is_resolved_and_percent_encoded():
    triples, repairs = _read(_dcat_jsonld("not an iri"),
                             base_iri="http://base.example/dir/doc.jsonld")  # fmt: skip
    d = "http://base.example/dir/not%20an%20iri"
    assert _nt(triples) == {f"<{d}> <{RDF_TYPE}> <{DCAT_NS}Dataset>", f'<{d}> <{DCT_TITLE}> "T"'}
    resolved = "<http://base.example/dir/not an iri>"
    assert sorted(repairs, key=repr) == sorted(
        _each_statement("relative-iri", d, "<not an iri>", resolved)
        + _each_statement("bad-iri", d, resolved, f"<{d}>"),
        key=repr,
    )


def test_a_schema_org_dataset_whose_id_is_not_a_valid_iri_is_kept_and_recorded():
    data = json.dumps({
        "@context": "https://schema.org/", "@type": "Dataset",
        "@id": "https://example.org/data set/1", "name": "Bathymetry", "inLanguage": "en",
    }).encode()  # fmt: skip
    triples, repairs = _read(data, base_iri="https://base.example/doc.jsonld")
    d = "https://example.org/data%20set/1"
    assert {t.subject.value for t in triples if str(t.predicate) == f"<{RDF_TYPE}>"} >= {d}
    assert ox.Triple(ox.NamedNode(d), ox.NamedNode(DCT_TITLE),
                     ox.Literal("Bathymetry", language="en")) in triples  # fmt: skip
    assert repairs == [Repair("bad-iri", d, "", "<https://example.org/data set/1>", f"<{d}>")]


def test_rdfxml_pyoxigraph_refuses_is_read_by_rdflib():
    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/">
  <dcat:Dataset rdf:about="http://example.org/d">
    <dct:title>D</dct:title>
    <dcat:theme rdf:resource="http://inspire.ec.europa.eu/theme/ef">Environment</dcat:theme>
  </dcat:Dataset>
</rdf:RDF>"""
    triples, repairs = _read(data, base_iri=DOC)
    d = "http://example.org/d"
    assert _nt(triples) == {
        f"<{d}> <{RDF_TYPE}> <{DCAT_NS}Dataset>",
        f'<{d}> <{DCT_TITLE}> "D"',
        f"<{d}> <{DCAT_NS}theme> <http://inspire.ec.europa.eu/theme/ef>",
    }
    assert repairs == []


def test_rdfxml_that_no_parser_reads_is_refused_with_its_reason():
    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  stray text
  <rdf:Description rdf:about="http://example.org/d"
    rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2024-02-23</rdf:Description>
</rdf:RDF>"""
    with pytest.raises(InputError, match=r"^doc: not valid rdfxml: Unexpected text"):
        _read(data, base_iri=DOC)


def test_a_syntax_error_that_is_not_an_iri_still_refuses_the_file():
    with pytest.raises(InputError, match=r"^doc: not valid turtle: "):
        _read(b'@prefix ex: <http://example.org/> .\nex:a ex:p "unterminated .', base_iri=DOC)


# encodings

RDFXML_DOC = """<?xml version="1.0" encoding="{encoding}"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:dct="http://purl.org/dc/terms/">
  <rdf:Description rdf:about="http://example.org/s">
    <dct:title>Bouée – côte</dct:title></rdf:Description>
</rdf:RDF>
"""  # fmt: skip
TITLE = ox.Triple(ox.NamedNode(S), ox.NamedNode(P), ox.Literal("Bouée – côte"))


@pytest.mark.parametrize(
    ("declared", "codec", "bom"),
    [
        ("UTF-8", "utf-8", b""),
        ("UTF-8", "utf-8", b"\xef\xbb\xbf"),
        ("UTF-16", "utf-16-le", b"\xff\xfe"),
        ("UTF-16", "utf-16-be", b"\xfe\xff"),
        ("UTF-16", "utf-16-le", b""),
        ("UTF-16", "utf-16-be", b""),
        ("UTF-8", "utf-16-le", b"\xff\xfe"),  # declared UTF-8, written in UTF-16
        ("windows-1252", "cp1252", b""),
        ("ISO-8859-15", "iso-8859-15", b""),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf16-declared-utf8",
        "windows-1252",
        "iso-8859-15",
    ],  # fmt: skip
)
def test_rdfxml_in_any_declared_or_marked_encoding(declared, codec, bom):
    text = RDFXML_DOC.format(encoding=declared)
    if codec == "iso-8859-15":
        text = text.replace("–", "-")
    data = bom + text.encode(codec)
    expected = TITLE if codec != "iso-8859-15" else ox.Triple(
        TITLE.subject, TITLE.predicate, ox.Literal("Bouée - côte"))  # fmt: skip
    assert _read(data, base_iri=DOC) == ([expected], [])
    assert parse_xml(data).find("{*}Description/{*}title").text == expected.object.value


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b""),
                                       ("utf-8", b"\xef\xbb\xbf")])  # fmt: skip
def test_turtle_and_jsonld_in_utf16_or_with_a_bom(codec, bom):
    ttl = f'<{S}> <{P}> "Bouée – côte" .\n'
    assert _read(bom + ttl.encode(codec), base_iri=DOC) == ([TITLE], [])
    jsonld = json.dumps({"@id": S, P: "Bouée – côte"}, ensure_ascii=False)
    assert _read(bom + jsonld.encode(codec), base_iri=DOC) == ([TITLE], [])


def test_turtle_in_windows_1252_is_decoded_and_recorded():
    data = f'@base <{S}> .\n<{S}> <{P}> "Bouée – côte" ; <{P}2> "plain" .\n'.encode("cp1252")
    triples, repairs = _read(data, base_iri=DOC)
    assert _nt(triples) == {str(TITLE), f'<{S}> <{P}2> "plain"'}
    assert repairs == [Repair("encoding", S, P, '"Bou\ufffde \ufffd c\ufffdte"', '"Bouée – côte"')]


def test_xml_that_is_not_utf8_and_does_not_say_so_is_refused_with_a_clear_reason():
    data = RDFXML_DOC.format(encoding="UTF-8").encode("cp1252")
    with pytest.raises(InputError, match=r"^doc: malformed XML: not valid UTF-8 at line 5, "):
        _read(data, base_iri=DOC)
    with pytest.raises(InputError, match=r"^record: malformed XML: not valid UTF-8 at line 5, "):
        parse_xml(data)


def test_malformed_xml_is_refused_with_a_clear_reason():
    data = RDFXML_DOC.format(encoding="UTF-8").replace("</rdf:Description>", "").encode()
    with pytest.raises(
        InputError,
        match=r"^doc: not valid rdfxml: ill-formed document: expected `</rdf:Description>`",
    ):
        _read(data, base_iri=DOC)
    with pytest.raises(InputError, match=r"^record: malformed XML: mismatched tag: line 6, col"):
        parse_xml(data)


def test_utf8_document_leaves_utf8_alone_and_rewrites_the_declaration():
    plain = b'<?xml version="1.0" encoding="utf-8"?><a/>'
    assert utf8_document(plain) is plain
    assert utf8_document("<?xml version=\"1.0\" encoding='UTF-16'?><a>é</a>".encode("utf-16")) == (
        "<?xml version=\"1.0\" encoding='UTF-8'?><a>é</a>".encode()
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16"])
def test_entity_declarations_in_utf16_are_refused(codec):
    data = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'.encode(codec)
    with pytest.raises(InputError, match="^record: XML entity declarations are refused$"):
        parse_xml(data)


def test_blank_lines_before_the_xml_declaration_are_dropped():
    data = b"\n\n" + RDFXML_DOC.format(encoding="UTF-8").encode()
    assert _read(data, base_iri=DOC) == ([TITLE], [])
    assert parse_xml(b"\r\n<?xml version='1.0'?><a/>").tag == "a"


def test_converters_read_utf16_records():
    case = Path(__file__).parent / "cases" / "datacite-xml" / "parallel-languages" / "input.xml"
    utf8 = case.read_bytes()
    utf16 = utf8.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    fmt, quads = read_document(utf8, name="a", mint_base="https://data.example.org/")
    fmt16, quads16 = read_document(utf16, name="b", mint_base="https://data.example.org/")
    assert fmt16 == fmt == "datacite-xml"
    assert as_graph([q.triple for q in quads16]).isomorphic(as_graph([q.triple for q in quads]))


# the shared corpus (skipped when ../shared is absent)


def _read_file(path: Path, data: bytes | None = None, fmt: str = "turtle"):
    """The statements of a corpus file as the salvaging RDF reader gives them (converters of
    RDF profiles, EPOS-DCAT-AP for one, read through it) and the repairs."""
    repairs: list[Repair] = []
    quads = read_syntax(
        fmt, path.read_bytes() if data is None else data, base_iri=path.as_uri(), repairs=repairs
    )
    return [q.triple for q in quads], repairs


def _read_whole(path: Path) -> tuple[str, list[Repair]]:
    """The format read_document finds and the repairs it records, through any converter."""
    repairs: list[Repair] = []
    fmt, quads = read_document(path.read_bytes(), name=path.name, base_iri=path.as_uri(),
                               repairs=repairs)  # fmt: skip
    assert quads
    return fmt, repairs


def _blank_free(triples) -> set[str]:
    return {str(t) for t in triples if "_:" not in str(t)}


def test_corpus_undeclared_prefix_costs_only_its_statements():
    path = corpus_file("real", "epos-dcat", "epos-wp13-geomagnetism",
                        "EPOS-DCAT-AP_WP13_DDSS-001_INTERMAGNET_2.ttl")  # fmt: skip
    data = path.read_bytes()
    bad = data.count(b"http:paramValue")
    corrected = data.replace(b"http:paramValue", b"<http://example.org/paramValue>")
    triples, repairs = _read_file(path)
    fixed, _ = _read_file(path, corrected)
    assert bad > 0 and len(triples) == len(fixed) - bad
    dropped = [r for r in repairs if r.kind == "bad-iri"]
    assert [(r.property, r.before, r.after) for r in dropped] == [
        ("http:paramValue", "http:paramValue", "")
    ] * bad
    assert _blank_free(triples) == {
        t for t in _blank_free(fixed) if "example.org/paramValue" not in t
    }
    fmt, recorded = _read_whole(path)  # the EPOS converter reads it through the same reader
    assert [(r.property, r.before) for r in recorded if r.kind == "bad-iri"] == [
        (r.property, r.before) for r in dropped
    ]


def test_corpus_iris_with_spaces_are_percent_encoded():
    path = corpus_file("real", "epos-dcat", "epos-wp17-geoenergy",
                        "WP17_EnvironmentalMonitoring__VoP-gw_complete.ttl")  # fmt: skip
    data = path.read_bytes()
    corrected = data.replace(b"<WP17-004 Download>", b"<WP17-004%20Download>").replace(
        b"<epos:Geoenergy test beds>", b"<epos:Geoenergy%20test%20beds>"
    )
    assert corrected != data
    triples, repairs = _read_file(path)
    fixed, fixed_repairs = _read_file(path, corrected)
    assert as_graph(triples).isomorphic(as_graph(fixed))
    assert len([r for r in repairs if r.kind == "bad-iri"]) == 13
    assert not [r for r in fixed_repairs if r.kind == "bad-iri"]
    fmt, recorded = _read_whole(path)
    assert [r for r in recorded if r.kind == "bad-iri"] == [
        r for r in repairs if r.kind == "bad-iri"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "WP17_EnvironmentalMonitoring__Fylde-gw_complete.ttl",
        "WP17_EnvironmentalMonitoring__VOP-gw_complete.ttl",
    ],  # fmt: skip
)
def test_corpus_turtle_in_windows_1252(name):
    path = corpus_file("real", "epos-dcat", "epos-wp17-geoenergy", name)
    data = path.read_bytes()
    triples, repairs = _read_file(path)
    fixed, _ = _read_file(path, data.decode("cp1252").encode("utf-8"))
    assert as_graph(triples).isomorphic(as_graph(fixed))
    encoding = [r for r in repairs if r.kind == "encoding"]
    assert len(encoding) == data.count(b"\x96") == 1
    assert "\ufffd" in encoding[0].before and "–" in encoding[0].after
    quads = read_document(data, name=name, base_iri=path.as_uri())[1]  # through the converter
    assert quads and not any("\U000f0096" in str(q) for q in quads)


def test_corpus_rdfxml_with_text_beside_resources_and_an_iri_with_a_space():
    path = corpus_file("real", "dcat", "fr-geonetwork-gardon-basin", "geonetwork.xml")
    triples, repairs = _read_file(path, fmt="rdfxml")
    subjects = {t.subject.value for t in triples if t.predicate.value == RDF_TYPE}
    dataset = (
        "https://sig.oreme.org/geonetwork/srv/resources/datasets/"
        "0c456d2d-9548-4a2a-94ef-231d9d890ce2%20https://sig.oreme.org/geonetwork/srv/"
        "resources0c456d2d-9548-4a2a-94ef-231d9d890ce2"
    )
    assert dataset in subjects
    assert len(triples) == 42  # what rdflib reads of it (the text beside rdf:resource skipped)
    assert {r.kind for r in repairs} == {"bad-iri"}


@pytest.mark.parametrize("name", ["SkosAODNParameterVocabulary.rdf",
                                  "SkosAODNPlatformVocabulary.rdf"])  # fmt: skip
def test_corpus_rdfxml_declared_windows_1252(name):
    path = corpus_file("real", "vocabularies", "aodn-vocab", name)
    data = path.read_bytes()
    assert b'encoding="windows-1252"' in data[:100]
    triples, repairs = _read_file(path, fmt="rdfxml")
    as_utf8 = data.replace(b'encoding="windows-1252"', b'encoding="UTF-8"')
    expected = list(ox.parse(data.decode("cp1252").encode() if False else as_utf8,
                             ox.RdfFormat.RDF_XML, base_iri=path.as_uri()))  # fmt: skip
    assert len(triples) == len(expected) > 0 and repairs == []


@pytest.mark.parametrize(
    "parts",
    [
        ("datacite-xml", "utf16-lupo-fixture", "utf-16.xml"),
        ("datacite-xml", "doi-10.25664", "utf-8_bom.xml"),
        ("eml", "gbif-dwca-io", "metadata__eml-utf16LE.xml"),
        ("eml", "gbif-dwca-io", "metadata__eml-utf16_declared_as_utf8.xml"),
        ("eml", "gbif-dwca-io", "metadata__eml-utf16_no_LE_declared.xml"),
        ("eml", "gbif-dwca-io", "metadata__eml_utf8_bom.xml"),
    ],
)
def test_corpus_xml_in_utf16_or_with_a_bom_parses(parts):
    path = corpus_file("real", *parts)
    root = parse_xml(path.read_bytes(), name=path.name)
    assert root.tag.rsplit("}", 1)[-1] in ("resource", "eml")


def test_an_xml_record_in_a_declared_8bit_encoding_is_read():
    """A capabilities document declared windows-1250 (Czech names) reads as its declaration
    says, whatever else the XML guard checks (entity declarations)."""
    text = (
        '<?xml version="1.0" encoding="windows-1250"?>\n'
        '<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms">'
        "<Service><Name>WMS</Name><Title>Mapy Stanislava Holého</Title>"
        '<OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" '
        'xlink:href="https://example.cz/wms"/></Service>'
        "<Capability><Layer><Title>Lesy</Title></Layer></Capability></WMS_Capabilities>"
    )
    from graph_loader.mappings.xmlsafe import parse_xml

    root = parse_xml(text.encode("windows-1250"), name="caps")
    titles = [e.text for e in root.iter("{http://www.opengis.net/wms}Title")]
    assert titles == ["Mapy Stanislava Holého", "Lesy"]
