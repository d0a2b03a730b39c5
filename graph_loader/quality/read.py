"""Reading the stored measurements back: one record's quality, and the dashboard's averages."""

from __future__ import annotations

import re

import pyoxigraph as ox

from ..messages import CLI
from ..queries import load_query
from ..validation.describe import kind_words
from .measures import DIMENSIONS, GQ, MEASURES, metric_texts, percent

__all__ = ["record_quality", "quality_summary", "problem_text"]


def _pick(texts: dict[str, str], lang: str) -> str | None:
    for key in (lang, "en", "fr", ""):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), None)


def _kind(iri: str) -> str:
    match = re.search(r"/id/([a-z]+)/[^/]+$", iri)
    return match.group(1) if match else "resource"


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
    if not rows:
        return None
    values = {r["metric"].value[len(GQ) :]: r["value"].value for r in rows}
    sources = sorted({r["source"].value for r in rows if "source" in r})
    titles, messages, centres = _about(store, resource, lang)
    kind = _kind(iri)
    title = _pick(titles, lang) or iri
    measures = _measures(values, lang)
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


def _measures(values: dict[str, str], lang: str) -> list[dict]:
    """The measures taken of a record (in the order of :data:`MEASURES`), passed or not."""
    return [
        {
            "metric": GQ + name,
            "id": name,
            "dimension": m.dimension,
            "value": values[name] == "true",
            **metric_texts(name, lang),
        }
        for name, m in MEASURES.items()
        if name in values
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
    per = _scores(store)
    flagged, flagged_records = _flagged(store)
    fails = _failures(store)
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


def _scores(store) -> Scores:
    """Every score of every scored record, grouped by source and by data centre."""
    per: Scores = {"source": {}, "centre": {}}
    for r in store.select(load_query("quality/scores")):
        keys = {"source": r["source"].value, "centre": r["centre"].value if "centre" in r else ""}
        for axis, key in keys.items():
            per[axis].setdefault(key, {}).setdefault(r["resource"].value, {})[
                r["metric"].value[len(GQ) :]
            ] = int(r["value"].value)
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


def _failures(store) -> dict[tuple[str, str], dict[str, int]]:
    """How many records fail each measure, per (axis, key)."""
    fails: dict[tuple[str, str], dict[str, int]] = {}
    for r in store.select(load_query("quality/failures")):
        metric = r["metric"].value[len(GQ) :]
        for axis, key in (("source", r["source"].value), ("centre", r.get("centre"))):
            key = key.value if isinstance(key, ox.NamedNode) else (key or "")
            counts = fails.setdefault((axis, key), {})
            counts[metric] = counts.get(metric, 0) + int(r["n"].value)
    return fails


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
