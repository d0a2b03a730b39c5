"""Problems in plain words a publisher can act on, in French or English."""

from __future__ import annotations

import pyoxigraph as ox

from ..messages import CLI
from .model import Problem

__all__ = ["KIND_WORDS", "describe", "kind_words"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABELS = [
    ox.NamedNode(iri)
    for iri in (
        "http://purl.org/dc/terms/title",
        "https://schema.org/name",
        "http://xmlns.com/foaf/0.1/name",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
        "http://www.w3.org/2006/vcard/ns#fn",
    )
]
#: the kind of a resource, by class or by the property pointing at a blank node
_KINDS = {
    "http://www.w3.org/ns/dcat#Dataset": "dataset",
    "http://www.w3.org/ns/dcat#DataService": "service",
    "http://www.w3.org/ns/dcat#Distribution": "distribution",
    "http://www.w3.org/ns/dcat#distribution": "distribution",
    "https://schema.org/ScholarlyArticle": "publication",
    "https://schema.org/SoftwareSourceCode": "software",
    "https://schema.org/SoftwareApplication": "software",
    "https://schema.org/LearningResource": "tutorial",
    "http://www.w3.org/2004/02/skos/core#Concept": "concept",
    "http://xmlns.com/foaf/0.1/Organization": "organisation",
    "https://w3id.org/gaia-kg/ontology#Pole": "pole",
    "https://w3id.org/gaia-kg/ontology#DataCentre": "data_centre",
    "http://xmlns.com/foaf/0.1/Person": "person",
    "http://xmlns.com/foaf/0.1/Agent": "agent",
    "http://www.w3.org/2006/vcard/ns#Kind": "contact_point",
    "http://www.w3.org/2006/vcard/ns#Organization": "contact_point",
    "http://www.w3.org/2006/vcard/ns#Individual": "contact_point",
    "http://www.w3.org/ns/dcat#contactPoint": "contact_point",
    "http://purl.org/dc/terms/Location": "location",
    "http://purl.org/dc/terms/spatial": "location",
    "http://purl.org/dc/terms/PeriodOfTime": "period",
    "http://purl.org/dc/terms/temporal": "period",
}
#: the message key naming each kind of resource (:data:`~graph_loader.messages.CLI`)
KIND_WORDS = {
    "dataset": CLI.mark("kind.dataset"),
    "service": CLI.mark("kind.service"),
    "catalog": CLI.mark("kind.catalog"),
    "publication": CLI.mark("kind.publication"),
    "software": CLI.mark("kind.software"),
    "tutorial": CLI.mark("kind.tutorial"),
    "resource": CLI.mark("kind.resource"),
    "distribution": CLI.mark("kind.distribution"),
    "concept": CLI.mark("kind.concept"),
    "organisation": CLI.mark("kind.organisation"),
    "pole": CLI.mark("kind.pole"),
    "data_centre": CLI.mark("kind.data_centre"),
    "person": CLI.mark("kind.person"),
    "agent": CLI.mark("kind.agent"),
    "contact_point": CLI.mark("kind.contact_point"),
    "location": CLI.mark("kind.location"),
    "period": CLI.mark("kind.period"),
}
_PREFIXES = {
    "http://www.w3.org/ns/dcat#": "dcat",
    "http://purl.org/dc/terms/": "dct",
    "https://schema.org/": "schema",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://www.w3.org/2004/02/skos/core#": "skos",
    "http://www.w3.org/2006/vcard/ns#": "vcard",
    "https://w3id.org/gaia-kg/ontology#": "gaia",
    "http://purl.org/spar/cito/": "cito",
    "http://www.w3.org/2002/07/owl#": "owl",
}


_SEVERITY_WORDS = {
    "Violation": CLI.mark("severity.violation"),
    "Warning": CLI.mark("severity.warning"),
    "Info": CLI.mark("severity.info"),
}


def kind_words(kind: str, lang: str) -> str:
    """The words naming a resource of ``kind`` ("the dataset"), in ``lang``.

    >>> kind_words("dataset", "fr"), kind_words("nothing known", "en")
    ('le jeu de données', 'the resource')
    """
    return CLI.text(KIND_WORDS.get(kind, KIND_WORDS["resource"]), lang)


def _pick(texts: dict[str, str], lang: str) -> str | None:
    """The text in ``lang``, else English, French, untagged, then any."""
    for key in (lang, "en", "fr", ""):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), None)


def _label(data: ox.Store, node, lang: str) -> str | None:
    for predicate in _LABELS:
        texts: dict[str, str] = {}
        for quad in data.quads_for_pattern(node, predicate, None, None):
            if isinstance(quad.object, ox.Literal):
                texts.setdefault((quad.object.language or "").split("-")[0], quad.object.value)
        if texts:
            return _pick(texts, lang)
    return None


def _kind(data: ox.Store, node, via: ox.NamedNode | None, lang: str) -> str:
    types = sorted(
        q.object.value
        for q in data.quads_for_pattern(node, _RDF_TYPE, None, None)
        if isinstance(q.object, ox.NamedNode)
    )
    for key in [*types, via.value if via else ""]:
        if key in _KINDS:
            return kind_words(_KINDS[key], lang)
    return kind_words("resource", lang)


def _name(data: ox.Store, node, lang: str, via=None) -> str:
    kind = _kind(data, node, via, lang)
    label = _label(data, node, lang)
    named = f"{kind} « {label} »" if label else kind
    return f"{named} <{node.value}>" if isinstance(node, ox.NamedNode) else named


def _owner(data: ox.Store, node, depth: int = 4):
    """The nearest IRI resource pointing at a blank node, and the property it uses."""
    frontier, seen = [node], {node}
    for _ in range(depth):
        nxt = []
        for current in frontier:
            for quad in data.quads_for_pattern(None, None, current, None):
                if isinstance(quad.subject, ox.NamedNode):
                    return quad.subject, quad.predicate
                if quad.subject not in seen:
                    seen.add(quad.subject)
                    nxt.append(quad.subject)
        frontier = nxt
    return None, None


def _focus(problem: Problem, data: ox.Store, lang: str) -> str:
    focus = problem.focus
    if not isinstance(focus, ox.BlankNode):
        return _name(data, focus, lang)
    owner, via = _owner(data, focus)
    incoming = [q.predicate for q in data.quads_for_pattern(None, None, focus, None)]
    here = _name(data, focus, lang, via=incoming[0] if incoming else None)
    if owner is None:
        return CLI.text("describe.anonymous", lang, here=here)
    of = CLI.text("describe.of", lang, owner=_name(data, owner, lang))
    if of.startswith(" de le "):  # French contracts « de le » into « du »
        of = " du " + of[len(" de le ") :]
    return here + of


def _curie(iri: str) -> str:
    for namespace, prefix in _PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def describe(problem: Problem, data: ox.Store, lang: str = "en") -> str:
    """One sentence: which resource, which property, what is wrong (``lang`` "fr" or "en")."""
    subject = _focus(problem, data, lang)
    prop = ""
    if problem.path is not None:
        readable = _pick(problem.names, lang)
        curie = _curie(problem.path.value)
        prop = f"{readable} ({curie})" if readable else curie
    message = _pick(problem.messages, lang) or ""
    severity = problem.severity
    if severity in _SEVERITY_WORDS:
        severity = CLI.text(_SEVERITY_WORDS[severity], lang)
    value = ""
    shown_value = problem.value if problem.value != problem.focus else None
    if isinstance(shown_value, ox.Literal | ox.NamedNode) and problem.path is not None:
        shown = shown_value.value
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        value = CLI.text("describe.value", lang, value=shown)
    where = f", {prop}" if prop else ""
    return CLI.text(
        "describe.problem",
        lang,
        severity=severity,
        subject=subject,
        where=where,
        value=value,
        message=message,
    )
