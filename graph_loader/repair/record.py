"""The repairs of one record's statements, in one pass, then its language tags."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from .boxes import box_steps
from .languages import tag_languages
from .model import Repair, subject_text, term_text
from .properties import BOX_PROPERTIES, DATE_PROPERTIES, EMAIL_PROPERTIES, RESOURCE_PROPERTIES
from .values import CONTROL, date_repair, email_iri, strip_control_chars, url_iri, with_value

__all__ = ["repair_triples"]

#: the properties whose objects a repair may change (any literal: control characters)
_WATCHED = frozenset(EMAIL_PROPERTIES | RESOURCE_PROPERTIES | DATE_PROPERTIES | BOX_PROPERTIES)

#: note(kind, object before, object after) of the statement being repaired
Note = Callable[[str, object, object], None]


def _noter(repairs: list[Repair], t: ox.Triple) -> Note:
    """The note function that records the repairs of statement ``t`` in ``repairs``."""

    def note(kind: str, before, after) -> None:
        after_text = "" if after is None else term_text(after)
        subject = subject_text(t.subject)
        repairs.append(Repair(kind, subject, t.predicate.value, term_text(before), after_text))

    return note


def _repaired_object(predicate: str, obj, note: Note):
    """The object of one statement with ``predicate``, repaired, each step noted."""
    if isinstance(obj, ox.Literal) and CONTROL.search(obj.value):
        cleaned = with_value(obj, strip_control_chars(obj.value))
        note("control-chars", obj, cleaned)
        obj = cleaned
    if predicate in EMAIL_PROPERTIES and not isinstance(obj, ox.BlankNode):
        iri = email_iri(obj.value)
        if iri is not None and not (isinstance(obj, ox.NamedNode) and obj.value == iri):
            fixed = ox.NamedNode(iri)
            note("mailto", obj, fixed)
            obj = fixed
    elif predicate in RESOURCE_PROPERTIES and isinstance(obj, ox.Literal):
        fixed = url_iri(obj.value)
        if fixed is not None:
            note("literal-url", obj, fixed)
            obj = fixed
    elif predicate in DATE_PROPERTIES and isinstance(obj, ox.Literal):
        fixed = date_repair(obj)
        if fixed is not None:
            note("typed-date", obj, fixed)
            obj = fixed
    elif predicate in BOX_PROPERTIES and isinstance(obj, ox.Literal):
        for kind, value in box_steps(obj.value):
            fixed = with_value(obj, value)
            note(kind, obj, fixed)
            obj = fixed
    return obj


def repair_triples(
    triples: list[ox.Triple | ox.Quad], *, root: ox.NamedNode, language: str | None = None
) -> tuple[list[ox.Triple | ox.Quad], list[Repair]]:
    """Deterministic repairs of one record's statements (triples, or quads of the default
    graph); `language` is the source's declared language (or None): untagged literals get the
    record's language (from the record's own tagged literals / dct:language, else `language`,
    else py3langid detection, recorded as kind "language-detected")."""
    repairs: list[Repair] = []
    out: list[ox.Triple | ox.Quad] = []
    watched, control, literal = _WATCHED, CONTROL.search, ox.Literal
    # quads of the default graph are kept as they are (a copy as a triple costs more than
    # the repair), and a repaired statement is made of the same type as the one it replaces
    for t in triples:
        o = t.object
        if t.predicate.value not in watched and not (type(o) is literal and control(o.value)):
            out.append(t)  # most statements: nothing to repair (no closure, no call)
            continue
        obj = _repaired_object(t.predicate.value, o, _noter(repairs, t))
        out.append(t if obj is o else type(t)(t.subject, t.predicate, obj))

    out, language_repairs = tag_languages(out, root, language)
    repairs.extend(language_repairs)
    return list(dict.fromkeys(out)), repairs
