"""Cutting records out of a page: bytes kept, inherited namespaces declared, encodings kept."""

from __future__ import annotations

from graph_loader.mappings.xmlsafe import parse_xml
from graph_loader.sources.xmlslice import child_documents

PAGE = (
    '<r:page xmlns:r="urn:r" xmlns="urn:d" xmlns:x="urn:x">'
    '<r:list><item x:a="1">un</item><x:item xmlns="urn:own"/><!-- c --><item>deux</item></r:list>'
    "<r:list><item>trois</item></r:list><other><r:list><item>four</item></r:list></other>"
    "</r:page>"
)
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def test_children_are_cut_out_with_their_inherited_namespaces() -> None:
    found = child_documents(PAGE.encode(), "urn:r list")
    assert [(n, d.decode()) for n, d in found] == [
        (1, HEAD + '<item xmlns="urn:d" xmlns:r="urn:r" xmlns:x="urn:x" x:a="1">un</item>'),
        (1, HEAD + '<x:item xmlns:r="urn:r" xmlns:x="urn:x" xmlns="urn:own"/>'),
        (1, HEAD + '<item xmlns="urn:d" xmlns:r="urn:r" xmlns:x="urn:x">deux</item>'),
        (2, HEAD + '<item xmlns="urn:d" xmlns:r="urn:r" xmlns:x="urn:x">trois</item>'),
        (3, HEAD + '<item xmlns="urn:d" xmlns:r="urn:r" xmlns:x="urn:x">four</item>'),
    ]
    tags = [parse_xml(d).tag for _, d in found]
    assert tags == ["{urn:d}item", "{urn:x}item", "{urn:d}item", "{urn:d}item", "{urn:d}item"]


def test_utf16_page_gives_utf8_records() -> None:
    page = ('<?xml version="1.0" encoding="UTF-16"?>' + PAGE.replace("un<", "été<")).encode(
        "utf-16"
    )
    first = child_documents(page, "urn:r list")[0][1]
    assert first == (
        HEAD + '<item xmlns="urn:d" xmlns:r="urn:r" xmlns:x="urn:x" x:a="1">été</item>'
    ).encode("utf-8")


def test_latin1_page_keeps_its_encoding() -> None:
    page = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + PAGE.replace("un<", "été<")).encode(
        "latin-1"
    )
    first = child_documents(page, "urn:r list")[0][1]
    assert parse_xml(first).text == "été"
    assert first.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<item')
