"""CodeMeta (2.0, 3.0) software descriptions → ``schema:SoftwareSourceCode``.

The record is read as JSON-LD with a shipped CodeMeta context (schema.org terms plus the
``codemeta:`` ones, no network). The top-level software (SoftwareSourceCode or
SoftwareApplication) becomes one ``schema:SoftwareSourceCode`` record; it keeps its ``@id``
when that is an http(s) IRI, else its IRI is minted from its identifier, repository or name.
Decisions: the name is both ``schema:name`` (what the shapes ask) and ``dct:title``; authors
are ``dct:creator`` (ORCID ``@id`` kept); licences are SPDX IRIs ``http://spdx.org/licenses/<id>``
when the record names SPDX, else the given URL; publications given by IRI or DOI are
``dct:isReferencedBy``, in text ``schema:citation``; datasets the software works with
(``supportingData``, ``isBasedOn`` typed Dataset) are ``gaia:usedWithDataset``.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..errors import InputError
from ..iri import resource_iri
from ..namespaces import DCAT, DCT, GAIA, SDO
from .build import (
    A,
    Triples,
    date_literal,
    guess_language,
    is_url,
    licence_iri,
    text,
)
from .jsonld import Index, context_names, load_json, parse_jsonld
from .schemaorg.values import add_agent, language_of, strings

__all__ = ["sniff", "convert"]

_CM = "https://codemeta.github.io/terms/"
_SOFTWARE = (SDO.SoftwareSourceCode, SDO.SoftwareApplication)
_AGENTS = {
    "author": DCT.creator,
    "contributor": DCT.contributor,
    "publisher": DCT.publisher,
    "copyrightHolder": DCT.rightsHolder,
    "maintainer": SDO.maintainer,
}
_DATES = {"dateCreated": DCT.created, "dateModified": DCT.modified, "datePublished": DCT.issued}


def sniff(data: bytes) -> bool:
    """A JSON-LD object in a CodeMeta context, or in schema.org typed as software."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] != b"{" or not (b"codemeta" in data[:4096] or b"Software" in data):
        return False
    try:
        document = load_json(data)
    except InputError:
        return False
    names = [n.lower() for n in context_names(document)]
    if any("codemeta" in n for n in names):
        return True
    kinds = document.get("@type", document.get("type")) if isinstance(document, dict) else None
    kinds = kinds if isinstance(kinds, list) else [kinds]
    schema = any(n.rstrip("/").split("://")[-1] == "schema.org" for n in names)
    return schema and any(
        str(k).endswith(("SoftwareSourceCode", "SoftwareApplication")) for k in kinds
    )


def _values(idx: Index, node, *names: str) -> list:
    return [v for name in names for ns in (SDO, _CM) for v in idx.values(node, ns + name)]


def _url(value) -> ox.NamedNode | None:
    raw = value.value.strip() if isinstance(value, ox.Literal | ox.NamedNode) else ""
    return ox.NamedNode(raw) if raw and is_url(raw) else None


def _doi_iri(value: str) -> ox.NamedNode | None:
    match = re.match(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", value.strip())
    return ox.NamedNode("https://doi.org/" + match.group(1)) if match else None


def _identifiers(idx: Index, node) -> list[str]:
    found = []
    for value in _values(idx, node, "identifier"):
        if isinstance(value, ox.Literal):
            found.append(value.value.strip())
        elif isinstance(value, ox.NamedNode):
            found.append(value.value)
        else:
            found.extend(v.value.strip() for v in idx.values(value, SDO.value))
    return [f for f in found if f]


def _work_iri(idx: Index, node) -> ox.NamedNode | None:
    if isinstance(node, ox.Literal):
        return _doi_iri(node.value) or _url(node)
    if isinstance(node, ox.NamedNode) and is_url(node.value):
        return _doi_iri(node.value) or node
    for identifier in _identifiers(idx, node):
        if found := _doi_iri(identifier) or _url(ox.Literal(identifier)):
            return found
    return _url(idx.first(node, SDO.url))


def _software_iri(idx: Index, node, base_iri: str) -> ox.NamedNode:
    if isinstance(node, ox.NamedNode) and is_url(node.value):
        return node
    keys = [*_identifiers(idx, node), *(v.value for v in _values(idx, node, "codeRepository"))]
    keys += [v.value for v in strings(idx, node, SDO.name)]
    if not keys:
        raise InputError("CodeMeta software with no @id, identifier, repository or name")
    return ox.NamedNode(resource_iri("software", keys[0], base_iri))


def _repositories(idx: Index, node) -> list[ox.NamedNode]:
    found = [_url(v) for v in _values(idx, node, "codeRepository")]
    for source in _values(idx, node, "hasSourceCode"):
        found += [_url(v) for v in _values(idx, source, "codeRepository")]
    return [r for r in dict.fromkeys(found) if r is not None]


def _links(out: Triples, idx: Index, node, software) -> None:
    for value in _values(idx, node, "referencePublication", "citation"):
        work = _work_iri(idx, value)
        if work is not None:
            out.add(software, DCT.isReferencedBy, work)
        elif isinstance(value, ox.Literal):
            out.add(software, SDO.citation, text(value.value))
    for value in _values(idx, node, "supportingData", "isBasedOn"):
        if isinstance(value, ox.Literal) or str(SDO.Dataset) in idx.types(value):
            out.add(software, GAIA.usedWithDataset, _work_iri(idx, value))
    for prop in ("relatedLink", "downloadUrl", "issueTracker", "readme"):
        for value in _values(idx, node, prop):
            out.add(
                software, (_CM if prop in ("issueTracker", "readme") else SDO) + prop, _url(value)
            )


def _software(out: Triples, idx: Index, node, base_iri: str) -> None:
    software = _software_iri(idx, node, base_iri)
    names = strings(idx, node, SDO.name) or strings(idx, node, SDO.alternateName)
    if not names:  # the repository names the software (github.com/datacite/maremma)
        names = [ox.Literal(r.value.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git"))
                 for r in _repositories(idx, node)[:1]]  # fmt: skip
    if not names:
        raise InputError(
            f"CodeMeta software {software.value} has no name (name, alternateName or code "
            "repository): not a record"
        )
    descriptions = strings(idx, node, SDO.description)
    lang = language_of(idx, node) or guess_language(*(d.value for d in descriptions))
    out.add(software, A, ox.NamedNode(SDO.SoftwareSourceCode))
    for name in names:
        out.add(software, SDO.name, text(name.value))
        out.add(software, DCT.title, text(name.value, name.language or lang))
    for description in descriptions:
        out.add(software, DCT.description, text(description.value, lang))
    for repository in _repositories(idx, node):
        out.add(software, SDO.codeRepository, repository)
    for language in _values(idx, node, "programmingLanguage"):
        name = language if isinstance(language, ox.Literal) else idx.first(language, SDO.name)
        out.add(software, SDO.programmingLanguage, text(name.value) if name else None)
    for value in _values(idx, node, "license"):
        raw = value if not isinstance(value, ox.BlankNode) else idx.first(value, SDO.url)
        if raw is None:
            continue
        url = isinstance(raw, ox.NamedNode) or is_url(raw.value)
        licence = licence_iri(raw.value, field=url)
        if licence is None:  # "file LICENSE", "GPL (>= 3)": a rights statement
            statement = ox.BlankNode()
            out.add(statement, A, ox.NamedNode(DCT.RightsStatement))
            out.add(statement, "http://www.w3.org/2000/01/rdf-schema#label", text(raw.value))
            out.add(software, DCT.rights, statement)
        out.add(software, DCT.license, licence)
    for identifier in _identifiers(idx, node):
        out.add(software, DCT.identifier, text(identifier))
    for version in strings(idx, node, SDO.version) or strings(idx, node, SDO.softwareVersion):
        out.add(software, SDO.version, text(version.value))
    for prop, target in _DATES.items():
        for value in strings(idx, node, SDO[prop]):
            out.add(software, target, date_literal(value.value))
    for value in strings(idx, node, SDO.keywords):
        for word in (w for w in re.split(r"[,;]", value.value) if w.strip()):
            out.add(software, DCAT.keyword, text(word, value.language))
    for role, prop in _AGENTS.items():
        for agent in _values(idx, node, role):
            out.add(software, prop, add_agent(out, idx, agent))
    _links(out, idx, node, software)


#: CodeMeta 1.0 terms (still written under the "master" context IRI) -> CodeMeta 2.0 ones
_V1_TERMS = {
    "title": "name", "authors": "author", "licenseId": "license", "depends": "softwareRequirements",
    "downloadLink": "downloadUrl", "suggests": "softwareSuggestions",
}  # fmt: skip
#: CI_RoleCode of a CodeMeta 1.0 agent -> the CodeMeta 2.0 property naming it
_V1_ROLES = {
    "originator": "author", "author": "author", "principalInvestigator": "author",
    "contributor": "contributor", "copyrightHolder": "copyrightHolder", "publisher": "publisher",
    "maintainer": "maintainer", "pointOfContact": "maintainer",
}  # fmt: skip


def from_v1(node: object) -> object:
    """A CodeMeta 1.0 description in CodeMeta 2.0 terms: ``title`` is the ``name`` (when there is
    none), ``authors`` the ``author``, ``agents`` go to the properties of their role codes (and
    ``isMaintainer`` to ``maintainer``), ``licenseId`` is the ``license``; ``person`` and
    ``organization`` types are capitalised. Documents without those terms are unchanged."""
    if isinstance(node, list):
        return [from_v1(n) for n in node]
    if not isinstance(node, dict):
        return node
    out: dict = {}
    for key, value in node.items():
        if key == "@type" and value in ("person", "organization"):
            value = value.capitalize()
        if key == "agents":
            for agent in value if isinstance(value, list) else [value]:
                for prop in _agent_properties(agent):
                    out.setdefault(prop, []).append(from_v1(_without_v1(agent)))
            continue
        target = _V1_TERMS.get(key, key)
        if target in node and target != key:  # the 2.0 term is there too: it wins
            continue
        value = from_v1(value)
        if target in out:
            value = [*(out[target] if isinstance(out[target], list) else [out[target]]), value]
        out[target] = value
    return out


def _typed(document: object) -> object:
    """A top-level description without ``@type`` that describes software (a code repository,
    or a name and a version) is a SoftwareSourceCode."""
    if (
        isinstance(document, dict)
        and "@type" not in document
        and "type" not in document
        and (
            "codeRepository" in document
            or ("name" in document and ("version" in document or "softwareVersion" in document))
        )
    ):
        return {**document, "@type": "SoftwareSourceCode"}
    return document


def _agent_properties(agent: object) -> list[str]:
    if not isinstance(agent, dict):
        return ["author"]
    role = agent.get("role") if isinstance(agent.get("role"), dict) else {}
    codes = role.get("roleCode", [])
    codes = codes if isinstance(codes, list) else [codes]
    found = [_V1_ROLES[c] for c in codes if c in _V1_ROLES] or ["author"]
    if agent.get("isMaintainer") is True:
        found.append("maintainer")
    return list(dict.fromkeys(found))


def _without_v1(agent: object) -> object:
    if not isinstance(agent, dict):
        return agent
    drop = {"role", "mustBeCited", "isMaintainer", "isRightsHolder"}
    return {k: v for k, v in agent.items() if k not in drop}


def convert(data: bytes, *, base_iri: str) -> list[ox.Triple]:
    """The ``schema:SoftwareSourceCode`` triples of a CodeMeta record (1.0, 2.0 or 3.x)."""
    idx = Index(parse_jsonld(_typed(from_v1(load_json(data)))))
    # the top-level software; when software nodes point at each other (hasSourceCode /
    # isSourceCodeOf), the first one of the document
    roots = idx.roots(*_SOFTWARE) or idx.typed(*_SOFTWARE)[:1]
    if not roots:
        raise InputError("no SoftwareSourceCode or SoftwareApplication in this CodeMeta record")
    out = Triples()
    for node in roots:
        _software(out, idx, node, base_iri)
    return list(dict.fromkeys(out))
