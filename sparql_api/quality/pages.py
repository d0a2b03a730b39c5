"""What the quality API and pages show, built from :mod:`graph_loader.quality` (no Flask)."""

from __future__ import annotations

import pyoxigraph as ox

from graph_loader.quality import quality_summary, record_quality
from graph_loader.store import Store
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["SCORED_KINDS", "record_iri", "record_payload", "summary_payload"]

#: the kinds of resource that are scored (path segment of /id/<kind>/<slug>)
SCORED_KINDS = ("dataset", "service", "publication", "software")


def record_iri(base: str, kind: str, slug: str) -> str:
    """The resource IRI of ``/id/<kind>/<slug>``; a kind that is never scored is a 404."""
    if kind not in SCORED_KINDS:
        raise ApiError(
            404, WEB.mark("quality_kind_unknown"), kind=kind, kinds=", ".join(SCORED_KINDS)
        )
    return f"{base}id/{kind}/{slug}"


def record_payload(store: Store, base: str, kind: str, slug: str, lang: str) -> dict:
    """One record's quality (see :func:`graph_loader.quality.record_quality`), with links."""
    iri = record_iri(base, kind, slug)
    try:
        ox.NamedNode(iri)
    except ValueError:  # no record can have it (e.g. a slug holding ">")
        raise ApiError(404, WEB.mark("quality_not_found"), iri=iri) from None
    found = record_quality(store, iri, lang)
    if found is None:
        raise ApiError(404, WEB.mark("quality_not_found"), iri=iri)
    found["lang"] = lang
    found["links"] = {
        "resource": f"/id/{kind}/{slug}",
        "html": f"/quality/{kind}/{slug}?lang={lang}",
        "self": f"/api/records/{kind}/{slug}/quality?lang={lang}",
    }
    return found


def summary_payload(store: Store, base: str, lang: str) -> dict:
    """The dashboard: averages per source and per data centre (links to centres' pages)."""
    summary = quality_summary(store, lang)
    for centre in summary["centres"]:
        key = centre["key"]
        centre["href"] = "/id/" + key[len(base) + 3 :] if key.startswith(base + "id/") else key
    summary["lang"] = lang
    return summary
