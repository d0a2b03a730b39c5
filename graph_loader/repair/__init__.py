"""Deterministic repairs of a record's statements, each one recorded.

Real records are written by many hands: an e-mail address without ``mailto:``, a landing
page given as a string, a date without its datatype, a box in 0–360 longitudes or with
latitude and longitude swapped, titles without a language tag, control characters XML cannot
carry. What can be repaired without guessing is repaired here, and every change is returned
as a :class:`Repair` (what, before, after) that :func:`provenance_triples` writes into the
record graph. Values that are not what their property expects and cannot be repaired without
guessing are left alone: the shapes flag them.

Read-level repairs (relative IRIs, invalid IRIs, text encodings) happen before records exist,
in :func:`graph_loader.formats.read_document`, which returns :class:`Repair` values too.

The parts: :mod:`.model` (the :class:`Repair` record and its kinds), :mod:`.properties` (which
properties each repair looks at), :mod:`.values` (control characters, e-mail addresses, URLs,
dates), :mod:`.boxes` (boxes), :mod:`.languages` (language tags), :mod:`.record` (one record's
statements), :mod:`.provenance` (what the record graph says of its repairs).
"""

from .languages import DETECTABLE_LANGUAGES, detect_language, language_code
from .model import KINDS, Repair, distinct, subject_text, term_text
from .provenance import provenance_triples
from .record import repair_triples
from .values import date_literal, email_iri, strip_control_chars

__all__ = [
    "Repair",
    "KINDS",
    "repair_triples",
    "provenance_triples",
    "distinct",
    "strip_control_chars",
    "term_text",
    "subject_text",
    "DETECTABLE_LANGUAGES",
    "date_literal",
    "detect_language",
    "language_code",
    "email_iri",
]
