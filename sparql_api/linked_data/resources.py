"""One resource as JSON: its types, labels, descriptions, properties and record provenance.

A plain function over a :class:`graph_loader.store.Store`; the view only parses and renders.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pyoxigraph as ox

from graph_loader.namespaces import DCT, FOAF, RDFS, SDO, SKOS
from graph_loader.parsing import web_url
from graph_loader.store import Store
from graph_loader.terms import (
    CONTENT_HASH,
    DESCRIBES,
    GENERATED_AT,
    NOT_CONFORMANT,
    RDF_TYPE,
    SOURCE,
    VALIDATION_MESSAGE,
    VALIDATION_OUTCOME,
    VIOLATION_COUNT,
    WARNING_COUNT,
)
from sparql_api.core.rq import load_query
from sparql_api.web.i18n import LANGUAGES, pick_label

__all__ = ["describe_resource", "LABEL_PREDICATES", "DESCRIPTION_PREDICATES", "PICTURES"]

#: where a resource's label is read, in order of preference
LABEL_PREDICATES: tuple[str, ...] = tuple(
    str(p) for p in (SKOS.prefLabel, DCT.title, RDFS.label, SDO["name"], FOAF.name)
)
#: where a resource's description is read, in order of preference
DESCRIPTION_PREDICATES: tuple[str, ...] = tuple(
    str(p) for p in (DCT.description, SKOS.definition, SDO.description, RDFS.comment)
)

#: where a resource's pictures are (the first http(s) one is its ``thumbnail``)
PICTURES: tuple[str, ...] = tuple(str(p) for p in (FOAF.depiction, SDO.thumbnailUrl, SDO.image))


def describe_resource(store: Store, iri: ox.NamedNode, lang: str = "en") -> dict | None:
    """The JSON description of ``iri``, or None when nothing is said about it.

    Labels of IRI values are given in ``lang`` (falling back to the other language).
    ``thumbnail`` is the least http(s) URL among its pictures (:data:`PICTURES`), or None.
    """
    rows = store.select(load_query("resource_properties"), {"iri": iri})
    if not rows:
        return None
    labelled = _labels_of(store, [row["o"] for row in rows if isinstance(row["o"], ox.NamedNode)])
    values: dict[str, dict[tuple, dict]] = defaultdict(dict)
    value_labels: dict[tuple, dict[str, str]] = defaultdict(dict)
    for row in rows:
        key = _value_key(row["o"])
        values[row["p"].value][key] = _value(row["o"])
        for label in labelled.get(row["o"], ()):
            # several in one language: keep the smallest (deterministic)
            current = value_labels[key].get(_lang_key(label))
            if current is None or label.value < current:
                value_labels[key][_lang_key(label)] = label.value
    for by_key in values.values():
        for key, value in by_key.items():
            if key in value_labels:
                value["label"] = pick_label(value_labels[key], lang)
    types = sorted(v["value"] for v in values.pop(RDF_TYPE.value, {}).values())
    return {
        "iri": iri.value,
        "types": types,
        "labels": _texts(values, LABEL_PREDICATES),
        "descriptions": _texts(values, DESCRIPTION_PREDICATES),
        "thumbnail": min(
            (
                url
                for p in PICTURES
                for v in values.get(p, {}).values()
                if v["type"] != "bnode" and (url := web_url(v["value"]))
            ),
            default=None,
        ),
        "properties": [
            {"predicate": predicate, "values": sorted(by_key.values(), key=_sort_key)}
            for predicate, by_key in sorted(values.items())
        ],
        "record": _record(store, iri),
    }


#: IRIs per query reading their labels
_LABEL_CHUNK = 200


def _labels_of(store: Store, iris: list[ox.NamedNode]) -> dict[ox.NamedNode, list[ox.Literal]]:
    """The labels of each of ``iris`` (query ``value_labels``), kept while the store's
    snapshot is the same (:class:`graph_loader.memo.SnapshotMemo`)."""

    def read(keys: list) -> dict:
        found: dict = {key: [] for key in keys}
        for start in range(0, len(keys), _LABEL_CHUNK):
            chunk = keys[start : start + _LABEL_CHUNK]
            block = "VALUES ?o { " + " ".join(str(key[1]) for key in chunk) + " }"
            text = load_query("value_labels").replace("VALUES ?o { }", block)
            for row in store.select(text):
                found[("value_labels", row["o"])].append(row["label"])
        return found

    keys = [("value_labels", iri) for iri in iris]
    kept = store.memo.get_many(store.snapshot(), keys, read)
    return {key[1]: labels for key, labels in kept.items()}


def _lang_key(literal: ox.Literal) -> str:
    return (literal.language or "").split("-")[0].lower()


def _value_key(term: object) -> tuple:
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language or "", term.datatype.value)
    return ("bnode" if isinstance(term, ox.BlankNode) else "iri", term.value, "", "")


def _value(term: object) -> dict:
    if isinstance(term, ox.Literal):
        datatype = None if term.language else term.datatype.value
        return {"value": term.value, "type": "literal", "lang": term.language, "datatype": datatype}
    kind = "bnode" if isinstance(term, ox.BlankNode) else "iri"
    return {"value": term.value, "type": kind, "lang": None, "datatype": None}


def _sort_key(value: dict) -> tuple:
    return (value["type"], value["value"], value["lang"] or "", value["datatype"] or "")


def _texts(values: dict[str, dict[tuple, dict]], predicates: tuple[str, ...]) -> dict:
    """For each language, the first predicate's literal in it, else an untagged literal."""
    found: dict[str, str | None] = {lang: None for lang in LANGUAGES}
    untagged: str | None = None
    for predicate in predicates:
        literals = sorted(
            (v for v in values.get(predicate, {}).values() if v["type"] == "literal"),
            key=_sort_key,
        )
        for literal in literals:
            lang = (literal["lang"] or "").split("-")[0].lower()
            if lang in found and found[lang] is None:
                found[lang] = literal["value"]
            elif not lang and untagged is None:
                untagged = literal["value"]
    return {lang: text if text is not None else untagged for lang, text in found.items()}


def _record(store: Store, iri: ox.NamedNode) -> dict | None:
    bindings = {
        "iri": iri,
        "describes": DESCRIBES,
        "sourceP": SOURCE,
        "contentHash": CONTENT_HASH,
        "generatedAt": GENERATED_AT,
        "validationOutcome": VALIDATION_OUTCOME,
        "warningCount": WARNING_COUNT,
        "violationCount": VIOLATION_COUNT,
    }
    rows = store.select(load_query("resource_record"), bindings)
    if not rows:
        return None
    row = rows[0]
    warnings = row.get("warnings")
    violations = row.get("violations")
    defects: dict[str, list[str]] = {"fr": [], "en": []}
    # a problem is said in French and English: the warnings are the English messages that
    # are not violations (graphs written before this derivation stored gaia:warningCount)
    messages = store.select(
        "SELECT ?m WHERE { GRAPH ?g { ?g ?message ?m } }",
        {"g": row["g"], "message": VALIDATION_MESSAGE},
    )
    if warnings is None and "outcome" in row:
        # each message is said once in every language: count those of the most frequent one
        said = max(Counter(m["m"].language for m in messages).values(), default=0)
        warnings = said - (int(violations.value) if violations is not None else 0)
    elif warnings is not None:
        warnings = int(warnings.value)
    if violations is not None:
        # the defects of a record loaded flagged: its messages of severity "error"
        for m in messages:
            text, code = m["m"].value, m["m"].language
            if code in defects and text.startswith(("error:", "erreur :")):
                defects[code].append(text)
    return {
        "graph": row["g"].value,
        "source": row["source"].value if "source" in row else None,
        "contentHash": row["hash"].value if "hash" in row else None,
        "loadedAt": row["loadedAt"].value if "loadedAt" in row else None,
        "validationOutcome": row["outcome"].value if "outcome" in row else None,
        "warningCount": warnings,
        "violationCount": int(violations.value) if violations is not None else None,
        "notConformant": "outcome" in row and row["outcome"] == NOT_CONFORMANT,
        "defects": {code: sorted(texts) for code, texts in defects.items()},
    }
