"""Problems in plain words a publisher can act on, in French or English."""

from __future__ import annotations

import pyoxigraph as ox

from .model import Problem

__all__ = ["describe"]

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
# Kind of a resource, by class or by the property pointing at a blank node: (fr, en).
_KINDS = {
    "http://www.w3.org/ns/dcat#Dataset": ("le jeu de données", "the dataset"),
    "http://www.w3.org/ns/dcat#DataService": ("le service de données", "the data service"),
    "http://www.w3.org/ns/dcat#Distribution": ("la distribution", "the distribution"),
    "http://www.w3.org/ns/dcat#distribution": ("la distribution", "the distribution"),
    "https://schema.org/ScholarlyArticle": ("la publication", "the publication"),
    "https://schema.org/SoftwareSourceCode": ("le logiciel", "the software"),
    "http://www.w3.org/2004/02/skos/core#Concept": ("le concept", "the concept"),
    "http://xmlns.com/foaf/0.1/Organization": ("l'organisation", "the organisation"),
    "https://w3id.org/gaia-kg/ontology#Pole": ("le pôle", "the pole"),
    "https://w3id.org/gaia-kg/ontology#DataCentre": ("le centre de données", "the data centre"),
    "http://xmlns.com/foaf/0.1/Person": ("la personne", "the person"),
    "http://xmlns.com/foaf/0.1/Agent": ("l'agent", "the agent"),
    "http://www.w3.org/2006/vcard/ns#Kind": ("le point de contact", "the contact point"),
    "http://www.w3.org/2006/vcard/ns#Organization": ("le point de contact", "the contact point"),
    "http://www.w3.org/2006/vcard/ns#Individual": ("le point de contact", "the contact point"),
    "http://www.w3.org/ns/dcat#contactPoint": ("le point de contact", "the contact point"),
    "http://purl.org/dc/terms/Location": ("le lieu", "the location"),
    "http://purl.org/dc/terms/spatial": ("le lieu", "the location"),
    "http://purl.org/dc/terms/PeriodOfTime": ("la période", "the period"),
    "http://purl.org/dc/terms/temporal": ("la période", "the period"),
}
_RESOURCE = ("la ressource", "the resource")
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
    "Violation": ("erreur", "error"),
    "Warning": ("avertissement", "warning"),
    "Info": ("information", "note"),
}


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


def _kind(data: ox.Store, node, via: ox.NamedNode | None, index: int) -> str:
    types = sorted(
        q.object.value
        for q in data.quads_for_pattern(node, _RDF_TYPE, None, None)
        if isinstance(q.object, ox.NamedNode)
    )
    for key in [*types, via.value if via else ""]:
        if key in _KINDS:
            return _KINDS[key][index]
    return _RESOURCE[index]


def _name(data: ox.Store, node, lang: str, index: int, via=None) -> str:
    kind = _kind(data, node, via, index)
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


def _focus(problem: Problem, data: ox.Store, lang: str, index: int) -> str:
    focus = problem.focus
    if not isinstance(focus, ox.BlankNode):
        return _name(data, focus, lang, index)
    owner, via = _owner(data, focus)
    incoming = [q.predicate for q in data.quads_for_pattern(None, None, focus, None)]
    here = _name(data, focus, lang, index, via=incoming[0] if incoming else None)
    if owner is None:
        return here + (" sans identifiant" if index == 0 else " without identifier")
    owner_name = _name(data, owner, lang, index)
    if index == 0:
        return here + (
            " du " + owner_name[3:] if owner_name.startswith("le ") else " de " + owner_name
        )
    return here + " of " + owner_name


def _curie(iri: str) -> str:
    for namespace, prefix in _PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def describe(problem: Problem, data: ox.Store, lang: str = "en") -> str:
    """One sentence: which resource, which property, what is wrong (``lang`` "fr" or "en")."""
    index = 0 if lang == "fr" else 1
    subject = _focus(problem, data, lang, index)
    prop = ""
    if problem.path is not None:
        readable = _pick(problem.names, lang)
        curie = _curie(problem.path.value)
        prop = f"{readable} ({curie})" if readable else curie
    message = _pick(problem.messages, lang) or ""
    severity = _SEVERITY_WORDS.get(problem.severity, (problem.severity,) * 2)[index]
    value = ""
    shown_value = problem.value if problem.value != problem.focus else None
    if isinstance(shown_value, ox.Literal | ox.NamedNode) and problem.path is not None:
        shown = shown_value.value
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        value = (" (valeur : « " if index == 0 else " (value: « ") + shown + " »)"
    colon = " : " if index == 0 else ": "
    where = f", {prop}" if prop else ""
    return f"{severity}{colon}{subject}{where}{value}{colon}{message}"
