"""Values of schema.org nodes read as DCAT-AP: strings, languages, texts, URLs, agents and
contact points (shared with the CodeMeta converter).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ...namespaces import FOAF, SDO, VCARD
from ..build import (
    LANGUAGES,
    A,
    Triples,
    is_url,
    text,
)
from ..datacite_terms import language_iri
from ..jsonld import Index
from ..oai_dc_values import language_code

__all__ = [
    "strings",
    "language_of",
    "add_agent",
    "add_contact",
    "language_iri_of",
    "add_texts",
    "url_node",
]


def strings(idx: Index, node, prop: str) -> list[ox.Literal]:
    """The literal values of ``node prop`` (names of nodes given as values are taken too)."""
    out = []
    for value in idx.values(node, prop):
        if isinstance(value, ox.Literal):
            out.append(value)
        elif isinstance(value, ox.NamedNode) and str(prop) == str(SDO.url):
            out.append(ox.Literal(value.value))
    return out


def language_of(idx: Index, node) -> str | None:
    """The ISO 639-1 code of ``inLanguage`` (``en``, ``en-US``, ``eng``, ``English`` or a
    Language node) if the record gives one."""
    for value in idx.values(node, SDO.inLanguage):
        code = value.value if isinstance(value, ox.Literal) else None
        if code is None:
            name = idx.first(value, SDO.alternateName) or idx.first(value, SDO.name)
            code = name.value if isinstance(name, ox.Literal) else ""
        found = language_code(code)
        if found:
            return found
    return None


def language_iri_of(code: str) -> ox.NamedNode | None:
    found = LANGUAGES.get(code) or language_iri(code)
    return ox.NamedNode(found) if found else None


def add_texts(out: Triples, idx: Index, node, prop: str, target, pred: str, lang) -> None:
    for value in strings(idx, node, prop):
        out.add(target, pred, value if value.language else text(value.value, lang))


def url_node(value) -> ox.NamedNode | None:
    raw = value.value if isinstance(value, ox.Literal | ox.NamedNode) else ""
    return ox.NamedNode(raw.strip()) if raw and is_url(raw) else None


def add_agent(out: Triples, idx: Index, node) -> ox.NamedNode | ox.BlankNode | None:
    """A foaf agent for a schema.org Person/Organization (or a bare name); None if nameless."""
    if isinstance(node, ox.Literal):
        agent = ox.BlankNode()
        out.add(agent, A, ox.NamedNode(FOAF.Agent))
        out.add(agent, FOAF.name, text(node.value))
        return agent
    types = idx.types(node)
    name = idx.first(node, SDO.name) or idx.first(node, SDO.legalName)
    if name is None:  # every given name (a list in some records), then the family names
        parts = [v for p in ("givenName", "familyName") for v in idx.values(node, SDO + p)]
        parts = list(dict.fromkeys(parts))  # a person described twice (author, maintainer)
        joined = " ".join(p.value.strip() for p in parts if isinstance(p, ox.Literal))
        name = ox.Literal(joined) if joined else None
    if not isinstance(name, ox.Literal):
        return None
    agent = node if isinstance(node, ox.NamedNode) and is_url(node.value) else ox.BlankNode()
    person = str(SDO.Person) in types
    out.add(agent, A, ox.NamedNode(FOAF + ("Person" if person else "Organization")))
    out.add(agent, A, ox.NamedNode(FOAF.Agent))
    out.add(agent, FOAF.name, name)
    for page in idx.values(node, SDO.url):
        out.add(agent, FOAF.homepage, url_node(page))
    for mail in strings(idx, node, SDO.email):
        address = mail.value.strip().removeprefix("mailto:")
        if re.match(r"^[^@\s]+@[^@\s]+$", address):
            out.add(agent, FOAF.mbox, ox.NamedNode("mailto:" + address))
    return agent


def add_contact(out: Triples, idx: Index, node) -> ox.BlankNode | None:
    name = idx.first(node, SDO.name) or idx.first(node, SDO.contactType)
    mail = idx.first(node, SDO.email)
    if not isinstance(name, ox.Literal) and not isinstance(mail, ox.Literal):
        return None
    contact = ox.BlankNode()
    out.add(contact, A, ox.NamedNode(VCARD.Kind))
    out.add(contact, VCARD.fn, text(name.value) if isinstance(name, ox.Literal) else None)
    if isinstance(mail, ox.Literal) and "@" in mail.value:
        out.add(contact, VCARD.hasEmail, ox.NamedNode("mailto:" + mail.value.strip()))
    out.add(contact, VCARD.hasURL, url_node(idx.first(node, SDO.url)))
    return contact
