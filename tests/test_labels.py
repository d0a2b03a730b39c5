"""The names of properties, relations, protocols, ranks and types, and the OAI-PMH errors, come
from the gettext domain ``labels`` in French and English, as the tables they replace gave them."""

import pytest

from graph_loader.mappings.ogc_capabilities import STANDARDS
from graph_loader.mappings.thredds import PROTOCOLS
from graph_loader.namespaces import CITO, DCT
from sparql_api.linked_data.related import RELATION_LABELS
from sparql_api.linked_data.resource_page import PROPERTY_LABELS
from sparql_api.oai.provider import ARGUMENT_DETAILS, ERRORS
from sparql_api.portal.data_services import protocol_label
from sparql_api.portal.taxa import RANKS
from sparql_api.search.facets import TYPE_LABELS
from sparql_api.web.labels import LABELS


@pytest.mark.parametrize(
    ("key", "fr", "en"),
    [
        (
            PROPERTY_LABELS[str(DCT.accrualPeriodicity)],
            "fréquence de mise à jour",
            "update frequency",
        ),
        (PROPERTY_LABELS[str(DCT.accessRights)], "droits d'accès", "access rights"),
        (
            RELATION_LABELS[str(CITO.citesAsDataSource)],
            "cite comme source de données",
            "cites as data source",
        ),
        (
            RELATION_LABELS["urn:gaia-kg:inCatalog"],
            "recensé dans le catalogue",
            "listed in catalogue",
        ),
        (RANKS["phylum"], "embranchement", "phylum"),
        (RANKS["subspecies"], "sous-espèce", "subspecies"),
        (TYPE_LABELS["service"], "Service de données", "Data service"),
        (
            ERRORS["noRecordsMatch"],
            "Aucune fiche ne correspond à la requête.",
            "No record matches the request.",
        ),
    ],
)
def test_label_in_each_language(key, fr, en):
    assert (LABELS.text(key, "fr"), LABELS.text(key, "en")) == (fr, en)


def test_oai_messages_are_filled_in():
    detail = LABELS.text(ARGUMENT_DETAILS["date"], "fr", name="from", value="hier")
    assert detail == "« from » doit être AAAA-MM-JJ ou AAAA-MM-JJThh:mm:ssZ, pas « hier »."
    text = LABELS.text(ERRORS["cannotDisseminateFormat"], "en", value="x", known="oai_dc, dcat")
    assert text == "Unknown metadata format 'x'; known: oai_dc, dcat."


def test_protocol_names():
    fdsn = "https://www.fdsn.org/webservices/"
    assert (protocol_label(fdsn, "fr"), protocol_label(fdsn, "en")) == (
        "services web FDSN",
        "FDSN web services",
    )
    ncss = PROTOCOLS["ncss"][1]
    assert protocol_label(ncss, "fr") == "Service de sous-ensembles NetCDF (NCSS)"
    assert protocol_label(ncss, "en") == "NetCDF Subset Service"
    assert protocol_label(STANDARDS["wfs"], "fr") == "WFS"


def test_every_known_service_type_is_named():
    """The OGC service types and the THREDDS services the loader writes are named in both
    languages (as the loader's English name for THREDDS, its acronym for OGC)."""
    for kind, iri in STANDARDS.items():
        assert protocol_label(iri, "fr") == protocol_label(iri, "en") == kind.upper()
    for name, iri, _suffix in PROTOCOLS.values():
        if iri is not None:
            assert protocol_label(iri, "en") == name
            assert protocol_label(iri, "fr")


def test_every_table_key_is_in_both_catalogues():
    tables = (PROPERTY_LABELS, RELATION_LABELS, RANKS, TYPE_LABELS, ERRORS, ARGUMENT_DETAILS)
    keys = {key for table in tables for key in table.values()}
    for lang in ("fr", "en"):
        assert keys <= LABELS.keys(lang)
    assert LABELS.missing() == {"en": [], "fr": []}
