"""FAIR quality per record, stored compactly in the record graph, and readers.

At load time :func:`quality_triples` looks at one record's own triples (no store access) and
returns, for its graph, one ``gq:fails`` triple per applicable measure the record fails (none
when it meets them all). Everything else is derived on read from the record's kind: the
outcome of every applicable measure (:func:`outcomes_from`), a score per FAIR dimension and an
overall score in percent (:func:`scores`), and the W3C DQV measurements earlier versions
stored (:func:`dqv_triples`; for SPARQL, the CONSTRUCT ``queries/quality/dqv.rq``). The
metrics, their dimensions, the classes they apply to and their fr/en labels, definitions and
fix hints live in ``ontology/quality.ttl`` (namespace ``https://w3id.org/gaia-kg/quality#``,
prefix ``gq:``). :func:`score_store` (re)scores the
records already in a store. Readers for the API, the pages and the CLI: :func:`record_quality`
(one record: score, measures, problems in plain words) and :func:`quality_summary` (averages
per source and per data centre).
"""

from .measures import (
    DIMENSIONS,
    DQV,
    FAILS,
    GQ,
    KNOWN_LICENCE,
    MEASURES,
    Measure,
    dqv_triples,
    measure_record,
    metric_texts,
    outcomes_from,
    quality_triples,
    scored_kind,
    scores,
)
from .read import dqv_view, graph_scores, problem_text, quality_summary, record_quality
from .store import score_store

__all__ = [
    "DQV",
    "GQ",
    "DIMENSIONS",
    "MEASURES",
    "KNOWN_LICENCE",
    "Measure",
    "measure_record",
    "scores",
    "quality_triples",
    "outcomes_from",
    "dqv_triples",
    "scored_kind",
    "FAILS",
    "graph_scores",
    "dqv_view",
    "metric_texts",
    "problem_text",
    "record_quality",
    "quality_summary",
    "score_store",
]
