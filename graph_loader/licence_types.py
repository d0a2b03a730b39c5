"""What kind of licence a licence is, in the ADMS licence-type vocabulary that DCAT-AP asks
for on a ``dct:LicenseDocument`` (``dct:type``): read from the licence's canonical IRI
(:func:`graph_loader.mappings.licences.canonical_url`), never guessed for one it does not know.

>>> licence_types("http://creativecommons.org/licenses/by-nc-sa/4.0/")
('Attribution', 'NonCommercialUseOnly', 'ViralEffect-ShareAlike')
>>> licence_types("https://creativecommons.org/publicdomain/zero/1.0/")
('PublicDomain',)
>>> licence_types("http://spdx.org/licenses/GPL-3.0-or-later")
('ViralEffect-ShareAlike',)
>>> licence_types("https://example.org/our-terms")
()
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from .mappings.licences import (
    CC0,
    CC_PUBLIC_DOMAIN_MARK,
    ETALAB_1,
    ETALAB_2,
    ODBL,
    ODC_BY,
    PDDL,
    canonical_url,
)
from .namespaces import ADMS_LICENCE_TYPE, DCT, SKOS
from .terms import RDF_TYPE

__all__ = ["licence_types", "licence_type_triples"]

#: the vocabulary, as DCAT-AP's controlled-vocabulary shapes name it
SCHEME = ox.NamedNode(ADMS_LICENCE_TYPE["1.0"])

#: the elements of a Creative Commons licence code
_CC_ELEMENTS = {
    "by": "Attribution",
    "nc": "NonCommercialUseOnly",
    "nd": "NoDerivativeWork",
    "sa": "ViralEffect-ShareAlike",
}
_CC_LICENCE = re.compile(r"https://creativecommons\.org/licenses/([a-z-]+)/")
_KNOWN = {
    CC0: ("PublicDomain",),
    CC_PUBLIC_DOMAIN_MARK: ("PublicDomain",),
    PDDL: ("PublicDomain",),
    ODC_BY: ("Attribution",),
    ODBL: ("Attribution", "ViralEffect-ShareAlike"),
    ETALAB_1: ("Attribution",),
    ETALAB_2: ("Attribution",),
}
#: SPDX identifiers: permissive licences keep the notice, copyleft ones pass on their terms
_SPDX = re.compile(r"http://spdx\.org/licenses/(.+)")
_PERMISSIVE = re.compile(r"(MIT|Apache-\d\.\d|BSD-[234]-Clause|ISC|Zlib|CECILL-B)")
_COPYLEFT = re.compile(r"(A?GPL|LGPL|EUPL|MPL|CECILL)-[\d.]+(-only|-or-later)?")
_OGL = re.compile(r"https://www\.nationalarchives\.gov\.uk/doc/open-government-licence/")


def licence_types(iri: str) -> tuple[str, ...]:
    """The ADMS licence types (local names) of the licence ``iri``; () if not known."""
    url = canonical_url(iri)
    if url in _KNOWN:
        return _KNOWN[url]
    cc = _CC_LICENCE.match(url)
    if cc:
        return tuple(_CC_ELEMENTS[e] for e in ("by", "nc", "nd", "sa") if e in cc[1].split("-"))
    spdx = _SPDX.fullmatch(url)
    if spdx and _PERMISSIVE.fullmatch(spdx[1]):
        return ("Attribution",)
    if spdx and _COPYLEFT.fullmatch(spdx[1]):
        return ("ViralEffect-ShareAlike",)
    return ("Attribution",) if _OGL.match(url) else ()


def licence_type_triples(licence: ox.NamedNode) -> list[ox.Triple]:
    """``dct:type`` of ``licence``, each type a ``skos:Concept`` of the ADMS vocabulary with
    its own label (the vocabulary has English labels only)."""
    out = []
    for name in licence_types(licence.value):
        kind = ox.NamedNode(ADMS_LICENCE_TYPE[name])
        out += [
            ox.Triple(licence, ox.NamedNode(DCT.type), kind),
            ox.Triple(kind, RDF_TYPE, ox.NamedNode(SKOS.Concept)),
            ox.Triple(kind, ox.NamedNode(SKOS.inScheme), SCHEME),
            ox.Triple(kind, ox.NamedNode(SKOS.prefLabel), ox.Literal(name, language="en")),
        ]
    return out
