"""The deliberately invalid demo records, one defect each."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["INVALID", "InvalidCase"]


@dataclass(frozen=True)
class InvalidCase:
    """A file in ``demo/invalid/``: which record it copies and which defect it carries."""

    file: str
    kind: str
    base: str
    slug: str
    defect: str
    fr: str
    en: str


INVALID = [
    InvalidCase(
        "dataset-without-title.ttl",
        "dataset",
        "argo-gdac-profiles",
        "invalid-without-title",
        "no-title",
        "jeu de données sans dct:title",
        "dataset without dct:title",
    ),
    InvalidCase(
        "dataset-without-description.ttl",
        "dataset",
        "iagos-ozone",
        "invalid-without-description",
        "no-description",
        "jeu de données sans dct:description",
        "dataset without dct:description",
    ),
    InvalidCase(
        "dataset-bbox-out-of-range.ttl",
        "dataset",
        "theia-snow-sentinel2",
        "invalid-bbox-out-of-range",
        "bbox",
        "emprise dcat:bbox avec une longitude de 200",
        "dcat:bbox with longitude 200",
    ),
    InvalidCase(
        "dataset-start-after-end.ttl",
        "dataset",
        "eurec4a-radiosondes",
        "invalid-start-after-end",
        "dates",
        "dcat:startDate postérieure à dcat:endDate",
        "dcat:startDate after dcat:endDate",
    ),
    InvalidCase(
        "distribution-without-access-url.ttl",
        "dataset",
        "renag-gnss-positions",
        "invalid-distribution-without-access-url",
        "no-access-url",
        "distribution sans dcat:accessURL",
        "distribution without dcat:accessURL",
    ),
    InvalidCase(
        "service-without-endpoint.ttl",
        "service",
        "resif-fdsnws",
        "invalid-without-endpoint",
        "no-endpoint",
        "service de données sans dcat:endpointURL",
        "data service without dcat:endpointURL",
    ),
]
