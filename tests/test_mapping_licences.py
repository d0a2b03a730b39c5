"""One licence, one IRI, whatever the converter (issue 16, item 9).

Each licence form is put where each converter reads a licence (ISO ``otherConstraints`` as text
and as an Anchor link, DataCite XML ``rights``/``rightsURI``, DataCite JSON ``rightsList``,
oai_dc ``dc:rights``, schema.org and CodeMeta ``license``, OGC ``AccessConstraints``, EML
``intellectualRights``, Project Open Data and STAC ``license``), converted
by that converter, and its ``dct:license`` must be the one canonical IRI of the licence.
"""

from __future__ import annotations

import json
import re
from xml.sax.saxutils import escape, quoteattr

import pytest
from helpers import BASE, TESTS

from graph_loader.mappings import mapping

CASES = TESTS / "cases"
LICENSE = "http://purl.org/dc/terms/license"

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
ETALAB_2 = "https://www.etalab.gouv.fr/licence-ouverte-open-licence"
ETALAB_1 = "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf"
ODBL = "https://opendatacommons.org/licenses/odbl/1-0/"
PDDL = "https://opendatacommons.org/licenses/pddl/1-0/"
OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

#: canonical IRI -> the forms records write it in (URLs, SPDX ids, names)
FORMS = {
    CC_BY: [
        "http://creativecommons.org/licenses/by/4.0/",
        "https://creativecommons.org/licenses/by/4.0",
        "http://creativecommons.org/licenses/by/4.0",
        "https://creativecommons.org/licenses/by/4.0/legalcode",
        "https://creativecommons.org/licenses/by/4.0/legalcode.fr",
        "https://creativecommons.org/licenses/by/4.0/deed.fr",
        "http://www.creativecommons.org/licenses/by/4.0/deed.en",
        "https://spdx.org/licenses/CC-BY-4.0",
        "https://spdx.org/licenses/CC-BY-4.0.html",
        "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
        "CC-BY-4.0",
        "CC-BY 4.0",
        "CC BY 4.0",
        "Creative Commons Attribution 4.0 International",
        "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    ],
    CC_BY_SA: [
        "http://creativecommons.org/licenses/by-sa/4.0/",
        "CC-BY-SA-4.0",
        "CC BY-SA 4.0",
        "Attribution-ShareAlike 4.0 International",
    ],
    CC0: [
        "http://creativecommons.org/publicdomain/zero/1.0/",
        "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
        "CC0-1.0",
        "CC0",
        "CC0 1.0 Universal",
    ],
    ETALAB_2: [
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "http://www.etalab.gouv.fr/licence-ouverte-open-licence",
        "https://www.etalab.gouv.fr/wp-content/uploads/2018/11/open-licence.pdf",
        "etalab-2.0",
        "Licence Ouverte",
        "Licence Ouverte v2.0",
        "Licence Ouverte Etalab 2.0",
        "Licence Ouverte / Open Licence version 2.0",
    ],
    ETALAB_1: ["Licence Ouverte v1.0", "Licence Ouverte version 1.0"],
    ODBL: [
        "http://opendatacommons.org/licenses/odbl/1.0/",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "https://opendatacommons.org/licenses/odbl/",
        "ODbL-1.0",
        "ODbL",
        "Open Database License (ODbL) v1.0",
    ],
    PDDL: ["http://opendatacommons.org/licenses/pddl/1.0/", "PDDL-1.0", "PDDL"],
    OGL: [
        "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "OGL-UK-3.0",
        "Open Government Licence v3.0",
    ],
}


def _is_url(form: str) -> bool:
    return bool(re.match(r"^https?://", form))


def _iso_text(form: str) -> bytes:
    data = (CASES / "iso19139" / "dataset-bilingual" / "input.xml").read_text()
    anchor = '<gmx:Anchor xlink:href="https://spdx.org/licenses/CC-BY-4.0">CC-BY 4.0</gmx:Anchor>'
    assert anchor in data
    if _is_url(form):
        replacement = f"<gmx:Anchor xlink:href={quoteattr(form)}>Licence</gmx:Anchor>"
    else:
        replacement = f"<gco:CharacterString>{escape(form)}</gco:CharacterString>"
    return data.replace(anchor, replacement).encode()


def _datacite_xml(form: str) -> bytes:
    data = (CASES / "datacite-xml" / "kernel3-orcid-etalab" / "input.xml").read_text()
    rights = (
        '<rights rightsURI="https://www.etalab.gouv.fr/licence-ouverte-open-licence">'
        "Licence Ouverte</rights>"
    )
    assert rights in data
    if _is_url(form):
        replacement = f"<rights rightsURI={quoteattr(form)}>Licence</rights>"
    else:
        replacement = f"<rights>{escape(form)}</rights>"
    return data.replace(rights, replacement).encode()


def _datacite_json(form: str) -> bytes:
    record = json.loads(
        (CASES / "datacite-json" / "software-orcid-versions" / "input.json").read_text()
    )
    record["rightsList"] = [{"rightsUri": form} if _is_url(form) else {"rights": form}]
    return json.dumps(record).encode()


def _oai_dc(form: str) -> bytes:
    data = (CASES / "oai_dc" / "minimal-dataset" / "input.xml").read_text()
    return data.replace(
        "</oai_dc:dc>", f"<dc:rights>{escape(form)}</dc:rights></oai_dc:dc>"
    ).encode()


def _schemaorg(form: str) -> bytes:
    record = json.loads(
        (CASES / "schemaorg" / "bilingual-box-period-terms" / "input.jsonld").read_text()
    )
    record["license"] = form
    return json.dumps(record).encode()


def _codemeta(form: str) -> bytes:
    record = json.loads(
        (CASES / "codemeta" / "codemeta3-doi-dataset-links" / "input.json").read_text()
    )
    record["license"] = form
    return json.dumps(record).encode()


def _ogc(form: str) -> bytes:
    data = (CASES / "ogc-capabilities" / "wfs-2.0.0-two-feature-types" / "input.xml").read_text()
    old = "<ows:AccessConstraints>https://www.etalab.gouv.fr/licence-ouverte-open-licence/</ows:AccessConstraints>"
    assert old in data
    return data.replace(
        old, f"<ows:AccessConstraints>{escape(form)}</ows:AccessConstraints>"
    ).encode()


_EML = """<?xml version="1.0" encoding="UTF-8"?>
<eml:eml xmlns:eml="eml://ecoinformatics.org/eml-2.1.1" packageId="pkg.1.1" system="http://gbif.org">
  <dataset>
    <title xml:lang="en">Herbarium specimens of the Wildlife Institute of India</title>
    <creator><organizationName>Wildlife Institute of India</organizationName></creator>
    <abstract><para>Specimens kept in the herbarium of the institute.</para></abstract>
    <intellectualRights><para>{rights}</para></intellectualRights>
  </dataset>
</eml:eml>"""


def _eml(form: str) -> bytes:
    if _is_url(form):  # as GBIF IPT writes it: a link in the rights text
        rights = f"This work is licensed under <ulink url={quoteattr(form)}><citetitle>a licence"
        rights += "</citetitle></ulink>."
    else:
        rights = escape(form)
    return _EML.format(rights=rights).encode()


def _pod(form: str) -> bytes:
    dataset = {"@type": "dcat:Dataset", "title": "Widgets", "description": "All the widgets",
               "identifier": "widgets-1", "keyword": ["widgets"], "modified": "2020-01-01",
               "publisher": {"name": "Agency"}, "accessLevel": "public", "license": form,
               "contactPoint": {"fn": "Desk", "hasEmail": "mailto:desk@example.org"}}  # fmt: skip
    return json.dumps(
        {"conformsTo": "https://project-open-data.cio.gov/v1.1/schema", "dataset": [dataset]}
    ).encode()


def _stac(form: str) -> bytes:
    extent = {"spatial": {"bbox": [[-5, 43, -1, 48]]},
              "temporal": {"interval": [["2020-01-01T00:00:00Z", None]]}}  # fmt: skip
    collection = {"stac_version": "1.0.0", "type": "Collection", "id": "sst", "title": "SST",
                  "description": "Sea surface temperature", "license": form, "links": [],
                  "extent": extent}  # fmt: skip
    if _is_url(form):  # STAC: "other" and a link whose relation is "license"
        collection["license"] = "other"
        collection["links"] = [{"rel": "license", "href": form}]
    return json.dumps(collection).encode()


BUILDERS = {
    "iso19139": _iso_text,
    "datacite-xml": _datacite_xml,
    "datacite-json": _datacite_json,
    "oai_dc": _oai_dc,
    "schemaorg": _schemaorg,
    "codemeta": _codemeta,
    "ogc-capabilities": _ogc,
    "eml": _eml,
    "pod-json": _pod,
    "stac": _stac,
}
PAIRS = [(iri, form) for iri, forms in FORMS.items() for form in forms]


@pytest.mark.parametrize("converter", list(BUILDERS))
def test_each_licence_form_gives_one_iri(converter: str):
    module = mapping(converter)
    got = {}
    for _iri, form in PAIRS:
        data = BUILDERS[converter](form)
        assert module.sniff(data), form
        triples = module.convert(data, base_iri=BASE)
        got[form] = sorted({t.object.value for t in triples if t.predicate.value == LICENSE})
    assert got == {form: [iri] for iri, form in PAIRS}


def test_one_bucket_per_licence_over_converters():
    """The licences of all the converters, all forms together, are exactly the canonical IRIs."""
    seen = set()
    for converter, build in BUILDERS.items():
        module = mapping(converter)
        for _iri, form in PAIRS:
            triples = module.convert(build(form), base_iri=BASE)
            seen |= {t.object.value for t in triples if t.predicate.value == LICENSE}
    assert seen == set(FORMS)


def test_canonical_iris_are_known_licences():
    """The quality measure (and the shape gsh:Licence-known, same list) knows every canonical
    IRI the normaliser gives, Etalab 1.0 and the Open Government Licence included."""
    from graph_loader.quality import KNOWN_LICENCE

    assert [iri for iri in FORMS if not KNOWN_LICENCE.match(iri)] == []
