"""What the DCAT-AP feed (``/catalog``) and ``gaia-kg export`` say of each record's conformance.

A record loaded with defects flagged (``gaia:NotConformant``) must not pass for a conformant
one downstream. Each record leaves as a ``dcat:CatalogRecord`` (DCAT-AP 3), named by its
record graph, that a DCAT consumer reads without knowing gaia-kg:

- ``foaf:primaryTopic`` the dataset or service, ``dct:modified`` when it was loaded,
  ``dct:issued`` when it was first loaded;
- ``adms:status`` (DCAT-AP's "change type", the ADMS change-type vocabulary): ``Created``
  while the record is as first loaded, ``Updated`` once a changed version replaced it;
  records withdrawn upstream are dropped, never ``Deleted``;
- ``dcat:centroid`` of each location with one box (:mod:`.centroid`).

The first load and the change type are derived on read (:func:`first_load`): a graph as
first loaded stores neither, its first load is its load time (``prov:generatedAtTime``); a
replaced graph stores its first load (``dct:issued``), or, when the graph it replaced did not
say it, ``adms:status Updated`` alone (no date is made up).
- a record that conforms ``dct:conformsTo`` the GAIA profile (:data:`PROFILE`, a
  ``dct:Standard``: the SHACL shapes of ``shapes/``); a record that does not has no such
  statement, but a ``dct:description`` in French and English listing its defects;
- ``gaia:validationOutcome`` and ``gaia:violationCount`` for gaia-kg's own readers.

Both also carry what the store says of the IRIs their records link to without describing them
(:func:`references`): the thesaurus concepts of ``dcat:theme`` typed ``skos:Concept`` with their
labels and scheme, licences, authority-table concepts, standards; DCAT-AP requires those types.

See ``docs/quality.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from .licence_types import licence_type_triples
from .messages import CLI, LANGUAGES
from .namespaces import ADMS_CHANGE_TYPE, DCAT, DCT, GAIA_GRAPH, SKOS, XSD
from .queries import load_query
from .store import Store
from .terms import (
    CHANGE_TYPE,
    CREATED,
    FIRST_LOADED,
    GENERATED_AT,
    NOT_CONFORMANT,
    RDF_TYPE,
    UPDATED,
    VALIDATION_MESSAGE,
    VALIDATION_OUTCOME,
    VIOLATION_COUNT,
)

__all__ = [
    "PROFILE",
    "catalog_record",
    "first_load",
    "first_load_triples",
    "licence_types_of",
    "profile_triples",
    "references",
]

#: the GAIA application profile of DCAT-AP 3, as its SHACL shapes
PROFILE = ox.NamedNode("https://w3id.org/gaia-kg/shapes")
_FOAF_TOPIC = ox.NamedNode("http://xmlns.com/foaf/0.1/primaryTopic")
_RECORD = ox.NamedNode(DCAT.CatalogRecord)
_CONFORMS_TO = ox.NamedNode(DCT.conformsTo)
_MODIFIED = ox.NamedNode(DCT.modified)
_DESCRIPTION = ox.NamedNode(DCT.description)
_DATETIME = ox.NamedNode(XSD.dateTime)
#: the vocabulary, named as the ADMS status and licence-type ones are (``…/1.0``)
CHANGE_TYPE_SCHEME = ox.NamedNode(ADMS_CHANGE_TYPE["1.0"])


def profile_triples() -> list[ox.Triple]:
    """The profile a conformant record conforms to, typed for DCAT-AP (``dct:Standard``)."""
    title = ox.NamedNode(DCT.title)
    return [
        ox.Triple(PROFILE, RDF_TYPE, ox.NamedNode(DCT.Standard)),
        ox.Triple(PROFILE, title, ox.Literal("Profil GAIA de DCAT-AP 3", language="fr")),
        ox.Triple(PROFILE, title, ox.Literal("GAIA profile of DCAT-AP 3", language="en")),
    ]


@cache
def _error_prefixes() -> dict[str, str]:
    """How a record's errors begin, in each language ("error: "): its warnings are left out."""
    prefixes = {}
    for lang in LANGUAGES:
        error = CLI.text("severity.violation", lang)
        sentence = CLI.text(
            "describe.problem", lang, severity=error, subject="\0", where="", value="", message=""
        )
        prefixes[lang] = sentence.split("\0")[0]
    return prefixes


def first_load(
    loaded: ox.Literal | None, issued: ox.Literal | None, change: ox.NamedNode | None
) -> tuple[ox.Literal | None, ox.NamedNode | None]:
    """When a record graph was first loaded and its change type, from what it stores: its
    load time ``loaded``, and the ``dct:issued`` and ``adms:status`` it says (None if not).

    >>> now, then = ox.Literal("2026-02-01"), ox.Literal("2026-01-01")
    >>> first_load(now, None, None) == (now, CREATED)
    True
    >>> first_load(now, then, None) == (then, UPDATED)
    True
    >>> first_load(now, None, UPDATED) == (None, UPDATED)
    True
    """
    if change is None:
        change = UPDATED if issued is not None else CREATED
    if issued is None and change != UPDATED:
        issued = loaded
    return issued, change


def first_load_triples(graph: ox.NamedNode, provenance: Iterable[ox.Triple]) -> list[ox.Triple]:
    """``dct:issued`` and ``adms:status`` of a record graph as :func:`first_load` derives
    them from its provenance statements; [] if they are not a record graph's."""
    loaded = issued = change = None
    for t in provenance:
        if t.subject != graph:
            continue
        if t.predicate == GENERATED_AT:
            loaded = t.object
        elif t.predicate == FIRST_LOADED:
            issued = t.object
        elif t.predicate == CHANGE_TYPE:
            change = t.object
    if loaded is None:
        return []
    issued, change = first_load(loaded, issued, change)
    out = [ox.Triple(graph, CHANGE_TYPE, change)]
    return out + [ox.Triple(graph, FIRST_LOADED, issued)] if issued is not None else out


_FIELDS = {
    VALIDATION_OUTCOME: "outcome",
    GENERATED_AT: "loaded",
    FIRST_LOADED: "issued",
    CHANGE_TYPE: "change",
    VIOLATION_COUNT: "violations",
}


def _read_provenance(graph: ox.NamedNode, provenance: Iterable[ox.Triple]):
    """The graph's provenance values (by :data:`_FIELDS` name) and its error messages by
    language."""
    fields: dict[str, ox.Term | None] = dict.fromkeys(_FIELDS.values())
    messages: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    errors = _error_prefixes()
    for t in provenance:
        if t.subject != graph:
            continue
        if t.predicate in _FIELDS:
            fields[_FIELDS[t.predicate]] = t.object
        elif t.predicate == VALIDATION_MESSAGE and isinstance(t.object, ox.Literal):
            text = t.object.value
            if t.object.language in messages and text.startswith(errors[t.object.language]):
                messages[t.object.language].append(text)
    return fields, messages


def _change_triples(graph: ox.NamedNode, change) -> list[ox.Triple]:
    """``adms:status`` and the change-type concept, typed as DCAT-AP requires."""
    if not (isinstance(change, ox.NamedNode) and change.value.startswith(str(ADMS_CHANGE_TYPE))):
        return []
    name = change.value.removeprefix(str(ADMS_CHANGE_TYPE))
    return [
        ox.Triple(graph, CHANGE_TYPE, change),
        ox.Triple(change, RDF_TYPE, ox.NamedNode(SKOS.Concept)),
        ox.Triple(change, ox.NamedNode(SKOS.inScheme), CHANGE_TYPE_SCHEME),
        # the vocabulary's own label (it has no other language)
        ox.Triple(change, ox.NamedNode(SKOS.prefLabel), ox.Literal(name, language="en")),
    ]


def _outcome_triples(graph: ox.NamedNode, outcome, violations, messages) -> list[ox.Triple]:
    """The validation outcome: conformance to the profile, or the defects in each language."""
    if outcome is None:
        return []
    out = [ox.Triple(graph, VALIDATION_OUTCOME, outcome)]
    if outcome != NOT_CONFORMANT:
        return out + [ox.Triple(graph, _CONFORMS_TO, PROFILE)]
    if violations is not None:
        out.append(ox.Triple(graph, VIOLATION_COUNT, violations))
    for code, texts in messages.items():
        text = (
            CLI.text("conformance.defects", code, defects=" ; ".join(sorted(texts)))
            if texts
            else CLI.text("conformance.not_conformant", code)
        )
        out.append(ox.Triple(graph, _DESCRIPTION, ox.Literal(text, language=code)))
    return out


def catalog_record(
    graph: ox.NamedNode, resource: ox.NamedNode, provenance: Iterable[ox.Triple]
) -> list[ox.Triple]:
    """The ``dcat:CatalogRecord`` of one record graph, from its provenance statements
    (those whose subject is the graph); [] for a file's source graph."""
    if resource.value.startswith(GAIA_GRAPH["source/"]):
        return []
    fields, messages = _read_provenance(graph, provenance)
    loaded, issued, change = fields["loaded"], fields["issued"], fields["change"]
    if loaded is not None:
        issued, change = first_load(loaded, issued, change)
    out = [
        ox.Triple(graph, RDF_TYPE, _RECORD),
        ox.Triple(graph, _FOAF_TOPIC, resource),
        # DCAT 3: datasets and services are resources (said, for readers without inference)
        ox.Triple(resource, RDF_TYPE, ox.NamedNode(DCAT.Resource)),
    ]
    for when, predicate in ((loaded, _MODIFIED), (issued, FIRST_LOADED)):
        if when is not None:
            out.append(ox.Triple(graph, predicate, ox.Literal(when.value, datatype=_DATETIME)))
    out += _change_triples(graph, change)
    return out + _outcome_triples(graph, fields["outcome"], fields["violations"], messages)


def references(store: Store, triples: Iterable[ox.Triple]) -> set[ox.Triple]:
    """What the store's graphs say of the IRIs ``triples`` link to without describing them
    (``data/queries/export/references.rq``; classes, the objects of ``rdf:type``, aside)."""
    triples = list(triples)
    subjects = {t.subject for t in triples}
    linked = sorted(
        {
            t.object
            for t in triples
            if isinstance(t.object, ox.NamedNode) and t.predicate != RDF_TYPE
        }
        - subjects,
        key=lambda n: n.value,
    )
    found: set[ox.Triple] = set()
    query = load_query("export/references")
    for x in linked:  # one small query each: a VALUES join over them is far slower
        for r in store.select(query, {"x": x}):
            found.add(ox.Triple(r["s"], r["p"], r["o"]))
    return found | licence_types_of([*triples, *found])


def licence_types_of(said: Iterable[ox.Triple]) -> set[ox.Triple]:
    """The ADMS licence types of the licences ``said`` links to or types that say none
    (:mod:`graph_loader.licence_types`), derived on read wherever records leave."""
    licence, document, kind = (
        ox.NamedNode(i) for i in (DCT.license, DCT.LicenseDocument, DCT.type)
    )
    said = list(said)
    licences = {t.object for t in said if t.predicate == licence}
    licences |= {t.subject for t in said if t.predicate == RDF_TYPE and t.object == document}
    typed = {t.subject for t in said if t.predicate == kind}
    return {
        t for x in licences - typed if isinstance(x, ox.NamedNode) for t in licence_type_triples(x)
    }
