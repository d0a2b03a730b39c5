r"""CDL (the text of ``ncdump -h``) → one ``dcat:Dataset`` from its ACDD global attributes.

A small tokenizer reads ``netcdf NAME { dimensions: … variables: … // global attributes: … }``:
comments (``//``), quoted strings with their escapes (``\"``, ``\n``), typed numbers
(``1.5f``, ``-32768s``, ``9.9e+36``), names with escaped characters (``\20160919…``). A
statement ``var:att = values ;`` is a variable attribute, ``:att = values ;`` a global one
(``string :att = …`` of netCDF-4 too); several strings of one attribute are joined, numbers
are kept as their text, comma-separated. A ``data:`` section ends the reading. :mod:`.acdd`
maps the attributes; the IRI comes from ``naming_authority:id``, else the ``netcdf`` name.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..errors import InputError
from .acdd import add_discovery, dataset_iri, from_attributes
from .build import Triples
from .xmlsafe import MAX_RECORD_BYTES

__all__ = ["sniff", "convert", "parse_cdl"]

_HEAD = re.compile(r"^\s*(?://[^\n]*\n\s*)*netcdf(?:\s+([^\s{]+))?\s*\{")
_TOKEN = re.compile(
    r'\s+|//[^\n]*|"((?:\\.|[^"\\])*)"|((?:\\.|[A-Za-z0-9_.+\-@#])+)|([{}()=,;:])', re.DOTALL
)
_SECTIONS = {"dimensions", "variables", "data", "types"}
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "'": "'"}
_TYPES = {
    "char", "byte", "ubyte", "short", "ushort", "int", "uint", "long", "int64", "uint64",
    "float", "real", "double", "string",
}  # fmt: skip


def sniff(data: bytes) -> bool:
    """The text begins (after ``//`` comments) with ``netcdf NAME {`` (or ``netcdf {``)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if not head.lstrip().startswith((b"netcdf", b"//")):
        return False
    return bool(_HEAD.match(head.decode("utf-8", "replace")))


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), value)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, value) tokens: kind ``s`` string, ``w`` word or number, ``p`` punctuation."""
    found = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            line = text.count("\n", 0, pos) + 1
            raise InputError(f"CDL: unexpected character {text[pos]!r} at line {line}")
        pos = match.end()
        string, word, punct = match.groups()
        if string is not None:
            found.append(("s", _unescape(string)))
        elif word is not None:
            found.append(("w", _unescape(word)))
        elif punct is not None:
            found.append(("p", punct))
    return found


def _value(tokens: list[tuple[str, str]]) -> str:
    """The text of an attribute's values: strings joined, numbers without their type letter."""
    strings = [v for k, v in tokens if k == "s"]
    if strings:
        return "".join(strings)
    numbers = [re.sub(r"(?<=[0-9.])[bBsSlLfFdD]$|(?<=[0-9])(UB|US|U|LL|ULL)$", "", v)
               for k, v in tokens if k == "w"]  # fmt: skip
    return ", ".join(numbers)


def parse_cdl(text: str) -> tuple[str, dict[str, str], list[dict[str, str]]]:
    """(name, global attributes, attributes of each variable) of a CDL text."""
    head = _HEAD.match(text)
    if head is None:
        raise InputError("CDL: no 'netcdf NAME {' header")
    tokens = _tokens(text[head.end() :])
    globals_: dict[str, str] = {}
    variables: dict[str, dict[str, str]] = {}
    statement: list[tuple[str, str]] = []
    depth = 0  # braces opened inside the dataset: groups, compound types, enums
    section = ""
    for kind, value in tokens:
        if kind == "p" and value == ";":
            _statement(statement, globals_, variables, declares=section == "variables")
            statement = []
            continue
        if kind == "p" and value in "{}":
            if value == "}" and depth == 0:
                break  # the end of the dataset
            depth += 1 if value == "{" else -1
            statement = []  # "group: g {", "compound t {", "}"
            continue
        statement.append((kind, value))
        words = [v for _k, v in statement]
        if len(words) == 2 and words[0] in _SECTIONS and words[1] == ":":
            if words[0] == "data":
                break
            section, statement = words[0], []
    return _unescape(head.group(1) or ""), globals_, list(variables.values())


def _statement(statement, globals_: dict, variables: dict, *, declares: bool) -> None:
    words = [v for _k, v in statement]
    if "=" not in words:
        # a variable declaration: TYPE NAME [(dims)] (not a member of a compound type)
        if declares and len(words) >= 2 and words[0] in _TYPES:
            variables.setdefault(words[1], {})
        return
    at = words.index("=")
    target = words[:at]
    if target and target[0] in _TYPES and len(target) > 1:
        target = target[1:]  # netCDF-4 typed attribute
    if target[:1] == [":"] and len(target) == 2:
        globals_.setdefault(target[1], _value(statement[at + 1 :]))
    elif len(target) == 3 and target[1] == ":":
        variables.setdefault(target[0], {}).setdefault(target[2], _value(statement[at + 1 :]))


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The dataset described by the global attributes of a CDL header."""
    if not data.strip():
        raise InputError("empty record")
    if len(data) > MAX_RECORD_BYTES:
        raise InputError(f"CDL: {len(data)} bytes is over the {MAX_RECORD_BYTES} bytes limit")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    name, attrs, variables = parse_cdl(text)
    found = from_attributes(attrs, variables)
    if not found.title:
        raise InputError(
            f"CDL {name or '(unnamed)'}: no title global attribute, not a discovery record "
            f"(pas d'attribut global title : pas une notice de découverte)"
        )
    subject, key = dataset_iri(found, base_iri, f"netcdf:{name}:{found.title}")
    out = Triples()
    add_discovery(out, subject, found, key)
    return list(dict.fromkeys(out))
