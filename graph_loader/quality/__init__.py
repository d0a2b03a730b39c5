"""FAIR quality per record, stored as W3C DQV measurements in the record graph, and readers.

At load time :func:`quality_triples` looks at one record's own triples (no store access) and
returns DQV measurements for its graph: one boolean per applicable metric, a score per FAIR
dimension and an overall score, in percent. The metrics, their dimensions and their fr/en
labels, definitions and fix hints live in ``ontology/quality.ttl`` (namespace
``https://w3id.org/gaia-kg/quality#``, prefix ``gq:``). :func:`score_store` (re)scores the
records already in a store. Readers for the API, the pages and the CLI: :func:`record_quality`
(one record: score, measures, problems in plain words) and :func:`quality_summary` (averages
per source and per data centre).
"""

from .measures import (
    DIMENSIONS,
    DQV,
    GQ,
    KNOWN_LICENCE,
    MEASURES,
    Measure,
    measure_record,
    metric_texts,
    quality_triples,
    scores,
)
from .read import problem_text, quality_summary, record_quality
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
    "metric_texts",
    "problem_text",
    "record_quality",
    "quality_summary",
    "score_store",
]
