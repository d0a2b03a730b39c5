"""All IRI minting lives here: resource IRIs under the configured base, stable across loads.

>>> resource_iri("dataset", "FR-SEDOO/iagos-ozone", "https://data.gaia-data.fr/")
'https://data.gaia-data.fr/id/dataset/fr-sedoo-iagos-ozone-ae278137'
>>> resource_iri("dataset", "argo-gdac", "https://data.gaia-data.fr/")
'https://data.gaia-data.fr/id/dataset/argo-gdac'
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["resource_iri", "slug"]

_UNSAFE = re.compile(r"[^a-z0-9._~-]+")


def slug(identifier: str) -> str:
    """A readable, URL-safe rendering of ``identifier``, made unique by a short hash when the
    rendering lost information (case, slashes, spaces, accents)."""
    text = _UNSAFE.sub("-", identifier.strip().lower()).strip("-") or "x"
    if text == identifier:
        return text
    return f"{text[:80]}-{hashlib.sha1(identifier.encode()).hexdigest()[:8]}"


def resource_iri(kind: str, identifier: str, base: str) -> str:
    """The IRI of a resource of ``kind`` (dataset, service, publication, software, agent,
    distribution) known upstream by ``identifier`` (a file identifier, a DOI, a URL)."""
    return f"{base}id/{kind}/{slug(identifier)}"
