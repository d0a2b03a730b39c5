"""Reading the stored measurements back: one record's quality, and the dashboard's averages."""

from __future__ import annotations

import pyoxigraph as ox

from ..messages import CLI
from ..queries import load_query
from ..validation.describe import kind_words
from .measures import (
    DIMENSIONS,
    GQ,
    MEASURES,
    metric_texts,
    outcomes_from,
    percent,
    scored_kind,
    scores,
)

__all__ = ["record_quality", "quality_summary", "problem_text", "graph_scores", "dqv_view"]


def _pick(texts: dict[str, str], lang: str) -> str | None:
    for key in (lang, "en", "fr", ""):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), None)


def problem_text(kind: str, title: str, iri: str, metric: str, lang: str) -> str:
    """One failed measure in plain words: the record by title and IRI, the property, the fix."""
    who = kind_words(kind, lang)
    return f"{who} « {title} » <{iri}> {metric_texts(metric, lang)['hint']}."


def record_quality(store, iri: str, lang: str = "en") -> dict | None:
    """One resource's score, dimension scores, measures and problems; None if never scored.

    ``problems`` lists the defects of a record loaded not conformant (``defects``, its SHACL
    Violations), the failed measures (fix hints), then the record's validation warnings, in
    ``lang``; they name the record by title and IRI, never a blank node.
    """
    resource = ox.NamedNode(iri)
    rows = store.select(load_query("quality/record"), {"resource": resource})
    kind = scored_kind(r["type"].value for r in rows)
    if kind is None:
        return None
    failed = {r["failed"].value[len(GQ) :] for r in rows if "failed" in r}
    outcomes = outcomes_from(kind, failed)
    values = scores(outcomes)
    sources = sorted({r["source"].value for r in rows if "source" in r})
    titles, messages, centres = _about(store, resource, lang)
    title = _pick(titles, lang) or iri
    measures = _measures(outcomes, lang)
    failed = [problem_text(kind, title, iri, m["id"], lang) for m in measures if not m["value"]]
    # a record loaded not conformant: its defects (Violations) come first in what to fix
    defects = sorted({m for m in messages if m.startswith(("error:", "erreur :"))})
    others = sorted(set(messages) - set(defects))
    return {
        "iri": iri,
        "kind": kind,
        "title": title,
        "score": int(values.get("score", 0)),
        "dimensions": [
            {"id": d, "label": metric_texts(d, lang)["label"], "score": int(values[d + "Score"])}
            for d in DIMENSIONS
            if d + "Score" in values
        ],
        "measures": measures,
        "problems": defects + failed + others,
        "conformant": not defects,
        "defects": defects,
        "sources": sources,
        "centres": [
            {"iri": c, "label": _pick(names, lang) or c} for c, names in sorted(centres.items())
        ],
    }


def _about(store, resource: ox.NamedNode, lang: str) -> tuple[dict, list[str], dict]:
    """A resource's titles by language, its validation messages in ``lang`` (or untagged),
    and the names of its data centres by language."""
    titles: dict[str, str] = {}
    messages: list[str] = []
    centres: dict[str, dict[str, str]] = {}
    for r in store.select(load_query("quality/about"), {"resource": resource}):
        if "title" in r:
            titles.setdefault(r["title"].language or "", r["title"].value)
        if "message" in r and (r["message"].language or "") in (lang, ""):
            messages.append(r["message"].value)
        if "centre" in r:
            names = centres.setdefault(r["centre"].value, {})
            if "centreName" in r:
                names.setdefault(r["centreName"].language or "", r["centreName"].value)
    return titles, messages, centres


def _measures(outcomes: dict[str, bool], lang: str) -> list[dict]:
    """The measures taken of a record (in the order of :data:`MEASURES`), passed or not."""
    return [
        {
            "metric": GQ + name,
            "id": name,
            "dimension": MEASURES[name].dimension,
            "value": ok,
            **metric_texts(name, lang),
        }
        for name, ok in outcomes.items()
    ]


def _group(label: str, key: str) -> dict:
    return {"key": key, "label": label, "records": 0, "score": 0, "dimensions": {}, "failing": []}


#: ``axis -> group key -> resource -> measure -> value`` (axes: "source", "centre")
Scores = dict[str, dict[str, dict[str, dict[str, int]]]]


def quality_summary(store, lang: str = "en") -> dict:
    """Average scores per source and per data centre, with their most failed measures and
    their records loaded not conformant (``flagged``; ``flaggedRecords`` lists the first 200)."""
    names: dict[str, dict[str, str]] = {}
    for r in store.select(load_query("quality/names")):
        names.setdefault(r["centre"].value, {})[r["name"].language or ""] = r["name"].value
    records = _records(store)
    per = _scores(records)
    flagged, flagged_records = _flagged(store)
    fails = _failures(records)
    out: dict[str, list[dict]] = {}
    for axis, groups in per.items():
        rows = []
        for key, records in groups.items():
            if axis == "source":
                label = key
            else:
                none = CLI.text("quality.no_centre", lang)
                label = (_pick(names.get(key, {}), lang) or key) if key else none
            group = _summary_group(label, key, records)
            group["flagged"] = flagged.get((axis, key), 0)
            group["failing"] = [
                {"id": m, "label": metric_texts(m, lang)["label"], "records": n}
                for m, n in sorted(fails.get((axis, key), {}).items(), key=lambda i: (-i[1], i[0]))
            ]
            rows.append(group)
        out[axis] = sorted(rows, key=lambda g: (g["score"], g["label"]))
    every = {iri: r for records in per["source"].values() for iri, r in records.items()}
    return {
        "records": len(every),
        "score": _mean([r.get("score", 0) for r in every.values()]),
        # records loaded with defects flagged as not conformant (gaia:NotConformant)
        "flagged": len(flagged_records),
        "flaggedRecords": flagged_records[:200],
        "dimensions": [{"id": d, "label": metric_texts(d, lang)["label"]} for d in DIMENSIONS],
        "sources": out["source"],
        "centres": out["centre"],
    }


def _records(store) -> dict[str, dict]:
    """Every scored record graph: its resource, kind, source, data centres and failed measures."""
    records: dict[str, dict] = {}
    for r in store.select(load_query("quality/scores")):
        found = records.setdefault(
            r["g"].value,
            {"resource": r["resource"].value, "source": r["source"].value, "types": set()},
        )
        found["types"].add(r["type"].value)
        found.setdefault("centres", set()).add(r["centre"].value if "centre" in r else "")
    failed: dict[str, set[str]] = {}
    for r in store.select(load_query("quality/failures")):
        failed.setdefault(r["g"].value, set()).add(r["metric"].value[len(GQ) :])
    for g, found in list(records.items()):
        kind = scored_kind(found.pop("types"))
        if kind is None:
            del records[g]
        else:
            found["outcomes"] = outcomes_from(kind, failed.get(g, ()))
    return records


def _scores(records: dict[str, dict]) -> Scores:
    """Every score of every scored record, grouped by source and by data centre."""
    per: Scores = {"source": {}, "centre": {}}
    for found in records.values():
        values = scores(found["outcomes"])
        for centre in found["centres"]:
            per["centre"].setdefault(centre, {})[found["resource"]] = values
        per["source"].setdefault(found["source"], {})[found["resource"]] = values
    return per


def _flagged(store) -> tuple[dict[tuple[str, str], int], list[dict]]:
    """The records loaded not conformant: their count per (axis, key), and each of them."""
    flagged: dict[tuple[str, str], int] = {}
    flagged_records: list[dict] = []
    for r in store.select(load_query("quality/flagged")):
        centre = r["centre"].value if "centre" in r else ""
        for key in (("source", r["source"].value), ("centre", centre)):
            flagged[key] = flagged.get(key, 0) + 1
        flagged_records.append(
            {
                "iri": r["resource"].value,
                "source": r["source"].value,
                "violations": int(r["violations"].value) if "violations" in r else None,
            }
        )
    return flagged, flagged_records


def _failures(records: dict[str, dict]) -> dict[tuple[str, str], dict[str, int]]:
    """How many records fail each measure, per (axis, key)."""
    failing: dict[tuple[str, str], dict[str, set[str]]] = {}
    for found in records.values():
        keys = [("source", found["source"])] + [("centre", c) for c in found["centres"]]
        for name, ok in found["outcomes"].items():
            if not ok:
                for key in keys:
                    failing.setdefault(key, {}).setdefault(name, set()).add(found["resource"])
    return {key: {n: len(r) for n, r in names.items()} for key, names in failing.items()}


def _summary_group(label: str, key: str, records: dict[str, dict[str, int]]) -> dict:
    """A group of records (a source, a data centre): its record count and mean scores."""
    group = _group(label, key)
    group["records"] = len(records)
    group["score"] = _mean([r.get("score", 0) for r in records.values()])
    for d in DIMENSIONS:
        found = [r[d + "Score"] for r in records.values() if d + "Score" in r]
        if found:
            group["dimensions"][d] = _mean(found)
    return group


def _mean(values: list[int]) -> int:
    return percent(sum(values), 100 * len(values)) if values else 0


def graph_scores(rows) -> dict[str, int]:
    """The overall score of each record graph from rows binding ``?g``, ``?type`` and, for
    each measure the record fails, ``?failed`` (the query harvest/quality.rq)."""
    types: dict[str, set[str]] = {}
    failed: dict[str, set[str]] = {}
    for r in rows:
        types.setdefault(r["g"].value, set()).add(r["type"].value)
        if "failed" in r:
            failed.setdefault(r["g"].value, set()).add(r["failed"].value[len(GQ) :])
    kinds = {g: scored_kind(t) for g, t in types.items()}
    return {
        g: scores(outcomes_from(kind, failed.get(g, ())))["score"]
        for g, kind in kinds.items()
        if kind is not None
    }


def dqv_view(store, resource: ox.NamedNode | None = None) -> set[ox.Triple]:
    """The W3C DQV measurements of every scored record, or of ``resource``, derived from the
    compact form by the CONSTRUCT ``queries/quality/dqv.rq`` (what SPARQL users run)."""
    bindings = {"resource": resource} if resource is not None else None
    return set(store.query(load_query("quality/dqv"), bindings))
