"""FAIR measures of one record, as W3C DQV measurements (see :mod:`graph_loader.quality`).

>>> import pyoxigraph as ox
>>> r = ox.NamedNode("https://data.gaia-data.fr/id/dataset/x")
>>> t = [ox.Triple(r, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("X"))]
>>> outcomes = measure_record(r, "dataset", t)
>>> sum(outcomes.values()), len(outcomes), scores(outcomes)["score"]
(1, 14, 7)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from ..namespaces import DCAT, DCT, DQV, FOAF, GAIA, GQ, OWL, PROV, SDO, XSD
from ..paths import ontology_dir
from ..records import RECORD_KINDS
from ..terms import RDF_TYPE, THESAURUS_NS

__all__ = [
    "DQV",
    "GQ",
    "MEASURES",
    "DIMENSIONS",
    "KNOWN_LICENCE",
    "Measure",
    "measure_record",
    "scores",
    "percent",
    "quality_triples",
    "outcomes_from",
    "dqv_triples",
    "scored_kind",
    "FAILS",
    "metric_texts",
]

DIMENSIONS = ("findability", "accessibility", "interoperability", "reusability")
_URL = re.compile(r"^(https?|ftps?|sftp)://[^/?#:@ ]+", re.IGNORECASE)
_PID = re.compile(
    r"^(doi:|https?://(dx\.)?doi\.org/|10\.\d{4,9}/|hdl:|https?://hdl\.handle\.net/|ark:|"
    r"https?://n2t\.net/ark:|https?://[^/]+/ark:)",
    re.IGNORECASE,
)
#: same list as the shape gsh:Licence-known (shapes/dataset.ttl)
KNOWN_LICENCE = re.compile(
    r"^(https?://creativecommons\.org/(licenses|publicdomain)/"
    r"|https?://(www\.)?etalab\.gouv\.fr/(licence-ouverte-open-licence"
    r"|wp-content/uploads/[0-9/]+Licence_Ouverte)"
    r"|https?://(www\.)?nationalarchives\.gov\.uk/doc/open-government-licence/"
    r"|https?://opendatacommons\.org/licenses/|https?://spdx\.org/licenses/"
    r"|https?://publications\.europa\.eu/resource/authority/licence/"
    r"|https?://data\.europa\.eu/eli/dec_impl/2011/833/|https?://(www\.)?data\.gouv\.fr/licences?)"
)


class Facts:
    """The values of a record's resource, and of its distributions, by predicate IRI (a plain
    string: see :func:`_iris`)."""

    def __init__(self, resource: ox.NamedNode, triples: Iterable):
        by_subject: dict = {}
        for t in triples:
            by_subject.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)
        self.own = by_subject.get(resource, {})
        self.parts = [by_subject.get(d, {}) for d in self.own.get(str(DCAT.distribution), [])]

    def values(self, *predicates: str, parts: bool = False) -> list:
        """Objects of the predicates on the resource (and its distributions with ``parts``)."""
        found = [v for p in predicates for v in self.own.get(p, [])]
        if parts:
            found += [v for part in self.parts for p in predicates for v in part.get(p, [])]
        return found

    def has(self, *predicates: str, parts: bool = False) -> bool:
        return bool(self.values(*predicates, parts=parts))


Test = Callable[[Facts], bool]


def _iris(*terms) -> tuple[str, ...]:
    """The IRIs of rdflib terms as plain strings: the keys of :class:`Facts`, looked up
    without a conversion on each of the millions of lookups of a large load."""
    return tuple(str(t) for t in terms)


_TITLE = _iris(DCT.title, SDO.name, FOAF.name)
_DESCRIPTION = _iris(DCT.description, SDO.description, SDO.abstract)
_KEYWORD = _iris(DCAT.keyword, SDO.keywords)
_THEME = _iris(DCAT.theme, SDO.about, GAIA.variable)
_IDENTIFIER = _iris(DCT.identifier, SDO.identifier, OWL.sameAs, SDO.sameAs, SDO.url)
_ACCESS = _iris(
    DCAT.accessURL,
    DCAT.downloadURL,
    DCAT.endpointURL,
    SDO.codeRepository,
    SDO.url,
    SDO.downloadUrl,
    DCAT.landingPage,
)
_LICENCE = _iris(DCT.license, SDO.license, DCT.rights)
_FORMAT = _iris(DCT.format, DCAT.mediaType, SDO.encodingFormat)
_PROVENANCE = _iris(
    DCT.publisher,
    DCT.creator,
    SDO.author,
    SDO.publisher,
    SDO.creator,
    DCT.provenance,
    PROV.wasGeneratedBy,
    PROV.wasAttributedTo,
)
_CONTACT = _iris(DCAT.contactPoint, SDO.maintainer, SDO.contactPoint)
_SDO_IDENTIFIER, _DCAT_THEME, _CONFORMS_TO = _iris(SDO.identifier, DCAT.theme, DCT.conformsTo)


def _urls(f: Facts) -> list[str]:
    """Access IRIs; a publication's DOI IRI (schema:identifier) leads to the article."""
    found = f.values(*_ACCESS, parts=True) + f.values(_SDO_IDENTIFIER)
    return [v.value for v in found if isinstance(v, ox.NamedNode)]


def _fr_or_en(values: list) -> bool:
    return any(
        isinstance(v, ox.Literal) and (v.language or "").split("-")[0] in ("fr", "en")
        for v in values
    )


def _readable(f: Facts) -> bool:
    """A title in French or English, and so is the description when there is one."""
    descriptions = f.values(*_DESCRIPTION)
    return _fr_or_en(f.values(*_TITLE)) and (not descriptions or _fr_or_en(descriptions))


def _licences(f: Facts) -> list:
    return f.values(*_LICENCE[:2], parts=True)


@dataclass(frozen=True)
class Measure:
    """One metric (``gq:<name>``): its FAIR dimension, the kinds it applies to, its test."""

    name: str
    dimension: str
    kinds: frozenset[str]
    test: Test

    @property
    def iri(self) -> ox.NamedNode:
        return ox.NamedNode(GQ[self.name])


_ALL = frozenset({"dataset", "service", "publication", "software"})
_DATA = frozenset({"dataset", "service"})
MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("title", "findability", _ALL, lambda f: f.has(*_TITLE)),
        Measure("description", "findability", _ALL, lambda f: f.has(*_DESCRIPTION)),
        Measure("frenchOrEnglish", "findability", _ALL, _readable),
        Measure("keyword", "findability", _ALL, lambda f: f.has(*_KEYWORD)),
        Measure(
            "gaiaTheme",
            "findability",
            _DATA,
            lambda f: any(v.value.startswith(THESAURUS_NS) for v in f.values(*_THEME)),
        ),
        Measure(
            "persistentIdentifier",
            "findability",
            frozenset({"dataset", "publication", "software"}),
            lambda f: any(_PID.match(v.value) for v in f.values(*_IDENTIFIER)),
        ),
        Measure("accessURL", "accessibility", _ALL, lambda f: bool(_urls(f))),
        Measure(
            "openProtocol", "accessibility", _ALL, lambda f: any(_URL.match(u) for u in _urls(f))
        ),
        Measure("licence", "accessibility", _ALL, lambda f: bool(_licences(f))),
        Measure(
            "themeIRI",
            "interoperability",
            _DATA,
            lambda f: any(isinstance(v, ox.NamedNode) for v in f.values(_DCAT_THEME)),
        ),
        Measure(
            "format",
            "interoperability",
            frozenset({"dataset"}),
            lambda f: any(isinstance(v, ox.NamedNode) for v in f.values(*_FORMAT, parts=True)),
        ),
        Measure(
            "conformsTo",
            "interoperability",
            frozenset({"service"}),
            lambda f: f.has(_CONFORMS_TO),
        ),
        Measure(
            "knownLicence",
            "reusability",
            _ALL,
            lambda f: any(
                isinstance(v, ox.NamedNode) and KNOWN_LICENCE.match(v.value) for v in _licences(f)
            ),
        ),
        Measure("provenance", "reusability", _ALL, lambda f: f.has(*_PROVENANCE)),
        Measure("contact", "reusability", _DATA, lambda f: f.has(*_CONTACT)),
    )
}
_DQV_VALUE = ox.NamedNode(DQV.value)
_TRUE, _FALSE = (ox.Literal(v, datatype=ox.NamedNode(XSD.boolean)) for v in ("true", "false"))
_INTEGER = ox.NamedNode(XSD.integer)


def measure_record(resource: ox.NamedNode, kind: str, triples: Iterable) -> dict[str, bool]:
    """Each applicable metric's outcome for one record (empty for kinds without measures)."""
    facts = Facts(resource, triples)
    return {name: m.test(facts) for name, m in MEASURES.items() if kind in m.kinds}


def percent(met: int, total: int) -> int:
    """Share in whole percent, rounded half up."""
    return (200 * met + total) // (2 * total) if total else 0


def scores(outcomes: dict[str, bool]) -> dict[str, int]:
    """``score`` and ``<dimension>Score`` (percent) from the measures' outcomes."""
    found = {"score": percent(sum(outcomes.values()), len(outcomes))}
    for dimension in DIMENSIONS:
        mine = [v for n, v in outcomes.items() if MEASURES[n].dimension == dimension]
        if mine:
            found[dimension + "Score"] = percent(sum(mine), len(mine))
    return found


#: record graph -> a measure its resource fails (the compact form, see docs/quality.md)
FAILS = ox.NamedNode(GQ.fails)


def quality_triples(
    resource: ox.NamedNode, kind: str, triples: Iterable, graph: ox.NamedNode
) -> list[ox.Triple]:
    """The compact quality of one record, to store in its graph: ``<graph> gq:fails
    gq:<metric>`` for each applicable measure it fails, nothing for those it meets.

    The scores and the full DQV measurements are derived on read (:func:`outcomes_from`,
    :func:`dqv_triples`): the applicable measures follow from the record's kind.
    """
    outcomes = measure_record(resource, kind, triples)
    return [ox.Triple(graph, FAILS, MEASURES[n].iri) for n, ok in outcomes.items() if not ok]


def outcomes_from(kind: str, failed: Iterable[str]) -> dict[str, bool]:
    """Each applicable measure's outcome for a record of ``kind`` failing ``failed``."""
    failed = set(failed)
    return {name: name not in failed for name, m in MEASURES.items() if kind in m.kinds}


def dqv_triples(
    resource: ox.NamedNode, outcomes: dict[str, bool], graph: ox.NamedNode
) -> list[ox.Triple]:
    """The W3C DQV view of a record's outcomes (what versions before the compact form stored).

    Each measurement ``<graph>#quality-<metric>`` is a ``dqv:QualityMeasurement``
    ``dqv:computedOn`` the resource, ``dqv:isMeasurementOf gq:<metric>``, with a ``dqv:value``
    (boolean for a measure, integer percent for a score); ``[]`` for kinds without measures.
    """
    if not outcomes:
        return []
    values: list[tuple[str, ox.Literal]] = [
        (name, _TRUE if ok else _FALSE) for name, ok in outcomes.items()
    ]
    values += [(n, ox.Literal(str(v), datatype=_INTEGER)) for n, v in scores(outcomes).items()]
    out: list[ox.Triple] = []
    for name, value in values:
        m = ox.NamedNode(f"{graph.value}#quality-{name}")
        out += [
            ox.Triple(resource, ox.NamedNode(DQV.hasQualityMeasurement), m),
            ox.Triple(m, RDF_TYPE, ox.NamedNode(DQV.QualityMeasurement)),
            ox.Triple(m, ox.NamedNode(DQV.computedOn), resource),
            ox.Triple(m, ox.NamedNode(DQV.isMeasurementOf), ox.NamedNode(GQ[name])),
            ox.Triple(m, _DQV_VALUE, value),
        ]
    return out


def scored_kind(types: Iterable[str]) -> str | None:
    """The kind a resource of these rdf:types is scored as (None: not scored); the first of
    :data:`~graph_loader.records.RECORD_KINDS` wins for a resource typed as two kinds."""
    found = set(types)
    for iri, kind in RECORD_KINDS.items():
        if iri in found and any(kind in m.kinds for m in MEASURES.values()):
            return kind
    return None


@cache
def _ontology() -> dict[str, dict[str, dict[str, str]]]:
    store = ox.Store()
    store.load(path=str(ontology_dir() / "quality.ttl"), format=ox.RdfFormat.TURTLE)
    texts: dict[str, dict[str, dict[str, str]]] = {}
    for quad in store:
        if quad.subject.value.startswith(GQ) and isinstance(quad.object, ox.Literal):
            name = quad.subject.value[len(GQ) :]
            field = quad.predicate.value.rsplit("#", 1)[-1]
            texts.setdefault(name, {}).setdefault(field, {})[quad.object.language or ""] = (
                quad.object.value
            )
    return texts


def metric_texts(name: str, lang: str) -> dict[str, str]:
    """``label``, ``definition`` and ``hint`` of metric or dimension ``gq:<name>`` in ``lang``."""
    texts = _ontology().get(name, {})

    def pick(field: str) -> str:
        found = texts.get(field, {})
        return found.get(lang) or found.get("en") or next(iter(found.values()), name)

    return {"label": pick("prefLabel"), "definition": pick("definition"), "hint": pick("scopeNote")}
