"""One licence normaliser for every converter: a licence written as a URL (http or https,
with or without ``www.`` or a trailing slash, ``legalcode``, ``deed.fr``…), an SPDX identifier
(``CC-BY-4.0``, ``MIT``) or a name (``CC-BY 4.0``, ``Creative Commons Attribution 4.0
International``, ``Licence Ouverte v2.0``, ``ODbL``) gives ONE canonical IRI, so that one
licence is one facet bucket whatever the format the record came in.

Canonical IRIs:

- Creative Commons: ``https://creativecommons.org/licenses/<code>/<version>/`` (a national
  port keeps its jurisdiction: ``…/by/2.0/fr/``), CC0 and the Public Domain Mark under
  ``https://creativecommons.org/publicdomain/…/1.0/``;
- Open Data Commons: ``https://opendatacommons.org/licenses/<odbl|pddl|by>/1-0/``;
- Etalab: Licence Ouverte 2.0 (and an unversioned mention)
  ``https://www.etalab.gouv.fr/licence-ouverte-open-licence`` (as in the GeoDCAT-AP reference
  examples), version 1.0
  ``https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf``;
- UK Open Government Licence: ``https://www.nationalarchives.gov.uk/doc/open-government-licence/version/<n>/``;
- any other SPDX licence: ``http://spdx.org/licenses/<id>`` (the IRI of the SPDX RDF list);
- any other URL is kept as written (its ``http://`` is not guessed into ``https://``).

>>> licence_iri("CC-BY-4.0").value
'https://creativecommons.org/licenses/by/4.0/'
>>> licence_iri("http://creativecommons.org/licenses/by/4.0/legalcode.fr").value
'https://creativecommons.org/licenses/by/4.0/'
>>> licence_iri("Licence Ouverte Etalab 2.0").value
'https://www.etalab.gouv.fr/licence-ouverte-open-licence'
>>> licence_iri("https://spdx.org/licenses/MIT.html").value
'http://spdx.org/licenses/MIT'
>>> licence_iri("Accès libre", field=False) is None
True
"""

from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = ["licence_iri", "find_licence", "is_licence_url", "canonical_url", "SPDX"]

_CC = "https://creativecommons.org/"
_ODC = "https://opendatacommons.org/licenses/"
ETALAB_2 = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
ETALAB_1 = "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf"
_OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/{}/"
_SPDX_BASE = "http://spdx.org/licenses/"
#: the canonical IRIs of the licences spelt in many ways
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
CC_PUBLIC_DOMAIN_MARK = "https://creativecommons.org/publicdomain/mark/1.0/"
ODBL = "https://opendatacommons.org/licenses/odbl/1-0/"
ODC_BY = "https://opendatacommons.org/licenses/by/1-0/"
PDDL = "https://opendatacommons.org/licenses/pddl/1-0/"
MIT = "http://spdx.org/licenses/MIT"

#: SPDX identifiers met in research data and software (lower case -> SPDX spelling)
SPDX = {
    spdx.lower(): spdx
    for spdx in (
        "CC0-1.0 CC-BY-1.0 CC-BY-2.0 CC-BY-2.5 CC-BY-3.0 CC-BY-4.0 CC-BY-SA-2.0 CC-BY-SA-2.5 "
        "CC-BY-SA-3.0 CC-BY-SA-4.0 CC-BY-NC-2.0 CC-BY-NC-3.0 CC-BY-NC-4.0 CC-BY-ND-3.0 "
        "CC-BY-ND-4.0 CC-BY-NC-SA-2.0 CC-BY-NC-SA-3.0 CC-BY-NC-SA-4.0 CC-BY-NC-ND-3.0 "
        "CC-BY-NC-ND-4.0 CC-PDDC MIT Apache-2.0 Apache-1.1 BSD-2-Clause BSD-3-Clause ISC "
        "Unlicense MPL-2.0 GPL-2.0 GPL-3.0 GPL-2.0-only GPL-2.0-or-later GPL-3.0-only "
        "GPL-3.0-or-later LGPL-2.1 LGPL-3.0 LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only "
        "LGPL-3.0-or-later AGPL-3.0 AGPL-3.0-only AGPL-3.0-or-later EUPL-1.1 EUPL-1.2 CECILL-2.1 "
        "CECILL-B CECILL-C ODbL-1.0 ODC-By-1.0 PDDL-1.0 etalab-2.0 OGL-UK-1.0 OGL-UK-2.0 "
        "OGL-UK-3.0 Artistic-2.0 BSL-1.0 EPL-2.0 Zlib WTFPL"
    ).split()
}
#: deprecated SPDX ids -> their current spelling (lower case)
_SPDX_DEPRECATED = {
    old: old + "-only" for old in ("gpl-2.0", "gpl-3.0", "lgpl-2.1", "lgpl-3.0", "agpl-3.0")
}
_CC_CODES = {"by", "by-sa", "by-nc", "by-nd", "by-nc-sa", "by-nc-nd"}
#: SPDX ids that have a canonical IRI of their own (not under spdx.org)
_SPDX_OWN = {
    "cc0-1.0": CC0,
    "odbl-1.0": ODBL,
    "odc-by-1.0": ODC_BY,
    "pddl-1.0": PDDL,
    "etalab-2.0": ETALAB_2,
    "ogl-uk-1.0": _OGL.format(1),
    "ogl-uk-2.0": _OGL.format(2),
    "ogl-uk-3.0": _OGL.format(3),
}
#: names written in free text (letters and digits only, lower case) -> canonical IRI
_NAMES = {
    "licenceouverte": ETALAB_2, "licenceouverteetalab": ETALAB_2, "etalablicenceouverte": ETALAB_2,
    "openlicence": ETALAB_2, "etalabopenlicence": ETALAB_2, "etalab": ETALAB_2,
    "cc0": CC0, "cczero": CC0, "publicdomaindedication": CC0, "creativecommonszero": CC0,
    "publicdomainmark": CC_PUBLIC_DOMAIN_MARK,
    "odbl": ODBL, "opendatabaselicense": ODBL, "opendatabaselicence": ODBL, "odcodbl": ODBL,
    "pddl": PDDL, "odcpddl": PDDL, "opendatacommonspublicdomaindedicationandlicense": PDDL,
    "odcby": ODC_BY, "opendatacommonsattributionlicense": ODC_BY,
    "ogl": _OGL.format(3), "opengovernmentlicence": _OGL.format(3),
    "opengovernmentlicense": _OGL.format(3), "ukopengovernmentlicence": _OGL.format(3),
    "mit": MIT, "cc010universal": CC0, "cc0universal": CC0,
    "licenceouverteopenlicence": ETALAB_2, "opendatabaselicenseodbl": ODBL,
    "opendatabaselicenceodbl": ODBL, "mitlicense": MIT,
}  # fmt: skip
_VERSIONED_NAMES = {  # name + version (digits only) -> canonical IRI
    ("licenceouverte", "1"): ETALAB_1,
    ("licenceouverte", "2"): ETALAB_2,
    ("openlicence", "1"): ETALAB_1,
    ("openlicence", "2"): ETALAB_2,
    ("odbl", "1"): ODBL,
    ("pddl", "1"): PDDL,
    ("odcby", "1"): ODC_BY,
    ("cc0", "1"): CC0,
    ("ogl", "1"): _OGL.format(1),
    ("ogl", "2"): _OGL.format(2),
    ("ogl", "3"): _OGL.format(3),
    ("opengovernmentlicence", "3"): _OGL.format(3),
    ("opengovernmentlicence", "2"): _OGL.format(2),
}
_NAME_ALIASES = {
    "licenceouverteetalab": "licenceouverte",
    "etalablicenceouverte": "licenceouverte",
    "etalab": "licenceouverte",
    "etalabopenlicence": "openlicence",
    "odcodbl": "odbl",
    "odcpddl": "pddl",
    "cc": "cc0",
    "ukopengovernmentlicence": "opengovernmentlicence",
    "opengovernmentlicense": "opengovernmentlicence",
    "ogluk": "ogl",
    "licenceouverteopenlicence": "licenceouverte",
    "opendatabaselicenseodbl": "odbl",
    "opendatabaselicenceodbl": "odbl",
    "opendatabaselicense": "odbl",
    "opendatabaselicence": "odbl",
}
_VERSION = re.compile(r"^(.*?)(?:version|v|ver)?(\d)(?:0)?$")

#: hosts and paths whose URLs are licences (also when the field may hold other rights texts)
_LICENCE_URL = re.compile(
    r"^https?://(www\.)?(creativecommons\.org/(licenses|licences|publicdomain)/"
    r"|opensource\.org/licenses?/|spdx\.org/licenses/|opendatacommons\.org/licenses/"
    r"|gnu\.org/licenses/|etalab\.gouv\.fr/(licence|wp-content/uploads/.*licence)"
    r"|data\.europa\.eu/eli/|publications\.europa\.eu/resource/authority/licence/"
    r"|nationalarchives\.gov\.uk/doc/open-government-licence/|data\.gouv\.fr/licences?"
    r"|apache\.org/licenses/|choosealicense\.com/licenses/|mozilla\.org/MPL/)",
    re.IGNORECASE,
)
_URL = re.compile(r"^(https?|ftp)://[^/?#:@\s]+[^\s<>\"{}|\\^`]*$", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'()\[\]]+")
_BARE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]*$")
_CC_URL = re.compile(
    r"^https?://(?:www\.)?creativecommons\.org/licen[cs]es/([a-z-]+)/(\d\.\d)"
    r"(?:/([a-z]{2}(?:-[a-z]{2})?)(?=/|$))?(?:/.*)?$",
    re.IGNORECASE,
)
_CC_PD_URL = re.compile(
    r"^https?://(?:www\.)?creativecommons\.org/publicdomain/(zero|mark)/(\d\.\d)(?:/.*)?$",
    re.IGNORECASE,
)
_ODC_URL = re.compile(
    r"^https?://(?:www\.)?opendatacommons\.org/licenses/(odbl|pddl|by)(?:/.*)?$", re.IGNORECASE
)
_SPDX_URL = re.compile(
    r"^https?://(?:www\.)?spdx\.org/licenses/([^/#?]+?)(?:\.html|\.json|\.txt)?/?$", re.IGNORECASE
)
_OSI_URL = re.compile(
    r"^https?://(?:www\.)?opensource\.org/licenses?/([^/#?]+?)(?:\.html|\.php)?/?$", re.IGNORECASE
)
_OGL_URL = re.compile(
    r"^https?://(?:www\.)?nationalarchives\.gov\.uk/doc/open-government-licence/"
    r"(?:version/(\d)|open-government-licence\.htm)",
    re.IGNORECASE,
)
_APACHE_URL = re.compile(
    r"^https?://(?:www\.)?apache\.org/licenses/LICENSE-(\d\.\d)(?:\.html|\.txt)?/?$", re.IGNORECASE
)
_ETALAB_URL = re.compile(r"^https?://(?:www\.)?etalab\.gouv\.fr/(.*)$", re.IGNORECASE)
_EU_AUTHORITY = re.compile(
    r"^https?://publications\.europa\.eu/resource/authority/licence/([A-Z0-9_]+)$", re.IGNORECASE
)
_GNU_URL = re.compile(
    r"^https?://(?:www\.)?gnu\.org/licenses/(a?gpl|lgpl)(?:-(\d(?:\.\d)?))?(?:\.html|\.txt)?/?$",
    re.IGNORECASE,
)
#: a Creative Commons licence written as a name: ``CC-BY 4.0``, ``CC BY-NC-SA 3.0``,
#: ``Creative Commons Attribution-ShareAlike 4.0 International`` (with optional "(CC BY…)")
_CC_CODE_NAME = re.compile(
    r"(?i)\b(?:creative\s*commons\s*)?CC[\s_-]*BY((?:[\s_-]*(?:NC|SA|ND)\b)*)[\s_-]*"
    r"(?:licen[cs]e\s*)?(?:v(?:ersion)?\s*)?(\d(?:[._]\d)?)?"
)
_CC_LONG_NAME = re.compile(
    r"(?i)(?:creative\s*commons\s*)?(?:licen[cs]e\s*)?attribution((?:[\s,-]+(?:non-?\s*commercial"
    r"|share-?\s*alike|no-?\s*deriv(?:ative)?s?))*)[\s,-]+(?:licen[cs]e\s*)?(?:v(?:ersion)?\s*)?"
    r"(\d\.\d)"
)


def _cc(code_words: str, version: str | None) -> str | None:
    """The CC licence IRI of ``by`` + its terms (NC, SA, ND in any spelling) and a version."""
    words = re.sub(r"[\s_,-]", "", code_words.lower())
    code = "by" + "".join(
        suffix
        for keys, suffix in ((("nc", "noncommercial"), "-nc"), (("nd", "noderiv"), "-nd"))
        if any(k in words for k in keys)
    )
    if "sa" in words.replace("noncommercial", "") or "sharealike" in words:
        code += "-sa"
    if code not in _CC_CODES or not version:
        return None
    version = version.replace("_", ".")
    version = version if "." in version else version + ".0"
    return f"{_CC}licenses/{code}/{version}/"


def _spdx(identifier: str) -> str | None:
    """The canonical IRI of a (known) SPDX identifier, or None."""
    key = re.sub(r"[\s_]+", "-", identifier.strip().lower().removeprefix("spdx:"))
    if key in _SPDX_OWN:
        return _SPDX_OWN[key]
    key = _SPDX_DEPRECATED.get(key, key)
    spelled = SPDX.get(key)
    if spelled is None:
        return None
    cc = re.match(r"^cc-(by(?:-nc)?(?:-nd|-sa)?)-(\d\.\d)$", key)
    if cc:
        return f"{_CC}licenses/{cc.group(1)}/{cc.group(2)}/"
    return _SPDX_BASE + spelled


def canonical_url(url: str) -> str:
    """The canonical IRI of a licence URL (``url`` itself when it names no known licence)."""
    url = url.strip()
    m = _CC_URL.match(url)
    if m and m.group(1).lower() in _CC_CODES:
        port = f"{m.group(3).lower()}/" if m.group(3) and m.group(3).lower() != "legalcode" else ""
        if m.group(3) and m.group(3).lower() in ("deed",):
            port = ""
        return f"{_CC}licenses/{m.group(1).lower()}/{m.group(2)}/{port}"
    m = _CC_PD_URL.match(url)
    if m:
        return f"{_CC}publicdomain/{m.group(1).lower()}/{m.group(2)}/"
    m = _ODC_URL.match(url)
    if m:
        return f"{_ODC}{m.group(1).lower()}/1-0/"
    m = _SPDX_URL.match(url) or _OSI_URL.match(url)
    if m:
        found = _spdx(m.group(1))
        if found:
            return found
        if _SPDX_URL.match(url):
            return _SPDX_BASE + m.group(1)
    m = _GNU_URL.match(url)
    if m:
        version = m.group(2) or "3.0"
        version = version if "." in version else version + ".0"
        return _SPDX_BASE + f"{m.group(1).upper()}-{version}-only"
    m = _APACHE_URL.match(url)
    if m:
        return _SPDX_BASE + f"Apache-{m.group(1)}"
    m = _OGL_URL.match(url)
    if m:
        return _OGL.format(m.group(1) or "3")
    m = _ETALAB_URL.match(url)
    if m:
        path = m.group(1).lower()
        # v2.0 (2017), its English text among them (uploads/2018/11/open-licence.pdf)
        if "licence-ouverte-open-licence" in path or re.search(
            r"v2|2\.0|2017|2018/\d+/open-licence", path
        ):
            return ETALAB_2
        if re.search(r"licence_?ouverte|open_?licence", path):
            return ETALAB_1
    m = _EU_AUTHORITY.match(url)
    if m:
        code = m.group(1).upper()
        if code == "CC0":
            return CC0
        if code in ("ODC_BL", "ODBL"):
            return ODBL
        if code in ("ETALAB_2_0", "LO_OL_V2", "ETALAB-2.0"):
            return ETALAB_2
        cc = re.match(r"^CC_(BY(?:SA|NC|ND|NCSA|NCND)?)_(\d)_(\d)$", code)
        if cc:
            return _cc(cc.group(1)[2:], f"{cc.group(2)}.{cc.group(3)}") or url
        return "http://publications.europa.eu/resource/authority/licence/" + code
    return url


def is_licence_url(url: str) -> bool:
    """Whether ``url`` is the address of a licence (by its host and path)."""
    return bool(_LICENCE_URL.match(url.strip()))


def _named(value: str) -> str | None:
    """The IRI of a licence written as a name (whole value), or None."""
    key = re.sub(r"[^a-z0-9]", "", value.lower())
    if not key:
        return None
    if key in _NAMES:
        return _NAMES[key]
    m = _VERSION.match(key)
    if m and m.group(1):
        base = _NAME_ALIASES.get(m.group(1), m.group(1))
        base = re.sub(r"(version|v|ver)$", "", base)
        base = _NAME_ALIASES.get(base, base)
        if (base, m.group(2)) in _VERSIONED_NAMES:
            return _VERSIONED_NAMES[(base, m.group(2))]
    return None


def _cc_name(value: str, *, whole: bool) -> str | None:
    """The CC licence IRI of a name such as ``CC-BY 4.0`` or ``Attribution 4.0 International``."""
    for pattern in (_CC_CODE_NAME, _CC_LONG_NAME):
        m = (pattern.fullmatch if whole else pattern.search)(
            re.sub(
                r"(?i)\s*(international|generic|unported|\(cc[^)]*\)|licen[cs]e)\s*", " ", value
            ).strip(" .,;")
            if whole
            else value
        )
        if m:
            found = _cc(m.group(1) or "", m.group(2))
            if found:
                return found
    return None


def licence_iri(value: str, *, field: bool = True, spdx: bool | None = None) -> ox.NamedNode | None:
    """The canonical IRI of a licence written as a URL, an SPDX identifier or a name.

    With ``field`` (the value is in a field that can only hold a licence: schema.org or
    CodeMeta ``license``, a DataCite ``rightsURI`` with an SPDX scheme), any URL is taken
    (canonicalised when it is a known licence) and any bare identifier is read as SPDX; without
    it (free rights texts), only recognised licences are returned, else None.

    ``spdx`` (the former signature of ``build.licence_iri``) takes any URL, and reads unknown
    bare identifiers as SPDX only when true.
    """
    value = " ".join(value.split())
    if not value:
        return None
    any_url = field if spdx is None else True
    field = field if spdx is None else spdx
    if _URL.match(value):
        if not any_url and not is_licence_url(value):
            return None
        try:
            return ox.NamedNode(canonical_url(value))
        except ValueError:
            return None
    found = _spdx(value) or _named(value) or _cc_name(value, whole=True)
    if found:
        return ox.NamedNode(found)
    if field and _BARE_ID.match(value) and not value.isdigit():
        return ox.NamedNode(_SPDX_BASE + value)
    if ":" in value:  # "CC-BY-4.0: Creative Commons Attribution 4.0"
        for part in re.split(r"\s*:\s+", value):
            if part != value:
                found = licence_iri(part, field=False)
                if found:
                    return found
    return None


def find_licence(text: str) -> ox.NamedNode | None:
    """The canonical IRI of a licence linked or named inside a free text (``Licence : CC-BY
    4.0``, ``Voir https://creativecommons.org/licenses/by/4.0/.``), or None."""
    whole = licence_iri(text, field=False)
    if whole is not None:
        return whole
    for url in _URL_IN_TEXT.findall(text):
        url = url.rstrip(".,;:")
        if is_licence_url(url):
            try:
                return ox.NamedNode(canonical_url(url))
            except ValueError:
                continue
    found = _cc_name(text, whole=False)
    if found:
        return ox.NamedNode(found)
    for pattern, iri in _IN_TEXT:
        if pattern.search(text):
            return ox.NamedNode(iri)
    return None


_IN_TEXT = [
    (re.compile(r"(?i)\bCC0\b|CC[- ]zero"), CC0),
    (re.compile(r"(?i)licence ouverte[^.]*\b(v(ersion)?\s*)?1(\.0)?\b"), ETALAB_1),
    (re.compile(r"(?i)licence ouverte|open licence|etalab"), ETALAB_2),
    (re.compile(r"(?i)\bODbL\b|open database licen[cs]e"), ODBL),
    (re.compile(r"(?i)\bPDDL\b"), PDDL),
    (re.compile(r"(?i)open government licen[cs]e"), _OGL.format(3)),
]
