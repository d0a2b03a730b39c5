"""oai_dc converter: golden cases, bad input, and an OAI-PMH harvest of oai_dc records."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from fixture_server import Answer, serve
from helpers import BASE, assert_case, cases
from source_catalogues import OAICatalogue, OAIRecord, client, text_without_declaration

from graph_loader.bootstrap import initialise
from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.harvest import harvest
from graph_loader.harvest.config import SourceConfig
from graph_loader.mappings import oai_dc
from graph_loader.mappings.oai_dc_values import coverage, identifier, language_code, licence
from graph_loader.sources.oaipmh import OAIPMHSource
from graph_loader.store import EmbeddedStore

CASES = cases("oai_dc")
_BAD_DOI = (
    "error: the dataset « Ozone » <https://data.gaia-data.fr/id/dataset/https-example.org-o3-81142930>"
    ", DOI (dct:identifier) (value: « doi:10.12/o3 »): This identifier looks like a DOI but does "
    "not have DOI syntax (10.NNNN/suffix)."
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DCAT = "http://www.w3.org/ns/dcat#"
_DCT = "http://purl.org/dc/terms/"
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_GYEAR = ox.NamedNode(_XSD + "gYear")
_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/">'
)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path):
    """Each hand-checked expected.ttl is isomorphic to the conversion of its input."""
    assert detect_format(next(case.glob("input.*")).read_bytes()) == "oai_dc"
    assert_case(oai_dc, case)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty oai_dc record (notice oai_dc vide)"),
        (b"  \n", "empty oai_dc record (notice oai_dc vide)"),
        (
            _HEAD + b"<dc:title>Ozone</dc:title><dc:identifier>x</dc:identifier></oai_dc:d>",
            "oai_dc record: malformed XML: mismatched tag: line 2, column 174"
            " (notice oai_dc illisible)",
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
            + _HEAD[22:]
            + b"<dc:title>&lol2;</dc:title></oai_dc:dc>",
            "oai_dc record: XML entity declarations are refused (notice oai_dc illisible)",
        ),
        (
            b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            + _HEAD[22:]
            + b"<dc:title>&x;</dc:title></oai_dc:dc>",
            "oai_dc record: XML entity declarations are refused (notice oai_dc illisible)",
        ),
        (
            _HEAD + b"<dc:identifier>https://example.org/a</dc:identifier></oai_dc:dc>",
            "oai_dc record without a title (dc:title) (notice sans titre)",
        ),
        (
            _HEAD + b"<dc:title>Ozone</dc:title><dc:title> </dc:title></oai_dc:dc>",
            "oai_dc record without an identifier (dc:identifier) (notice sans identifiant)",
        ),
        (
            b'<dc xmlns="http://purl.org/dc/elements/1.1/"><title>Ozone</title></dc>',
            "not an oai_dc record: root element is {http://purl.org/dc/elements/1.1/}dc"
            " (pas une notice oai_dc : l'élément racine est {http://purl.org/dc/elements/1.1/}dc)",
        ),
    ],
    ids=["empty", "blank", "malformed", "entity-bomb", "external-entity", "no-title",
         "no-identifier", "wrong-root"],
)  # fmt: skip
def test_bad_input_is_a_clear_input_error(data: bytes, message: str):
    """Bad records raise InputError with a bilingual message, never a parser exception."""
    with pytest.raises(InputError) as caught:
        oai_dc.convert(data, base_iri=BASE)
    assert str(caught.value) == message


def test_sniff_takes_oai_dc_only():
    """oai_dc records are sniffed through any prefix; DataCite and plain DC roots are not."""
    plain = b'<dc xmlns="http://www.openarchives.org/OAI/2.0/oai_dc/"><title/></dc>'
    datacite = b'<resource xmlns="http://datacite.org/schema/kernel-4"><titles/></resource>'
    bare = b'<dc xmlns="http://purl.org/dc/elements/1.1/"/>'
    assert [oai_dc.sniff(d) for d in (_HEAD, plain, datacite, bare, b"", b"{}")] == [
        True, True, False, False, False, False,
    ]  # fmt: skip


def test_values_read_from_free_text():
    """Languages, identifiers, licences and coverage as repositories write them."""
    assert [language_code(v) for v in ("eng", "fr-FR", "ger", "anglais", "und", "")] == [
        "en", "fr", "de", "en", None, None,
    ]  # fmt: skip
    assert [identifier(v)[:2] for v in ("DOI: 10.1234/ABC", "10.12/x", "hdl:2042/56", "x y")] == [
        ("doi", "10.1234/ABC"), ("other", "10.12/x"), ("handle", "2042/56"), ("other", "x y"),
    ]  # fmt: skip
    assert [
        licence(v)
        for v in (
            "https://spdx.org/licenses/Apache-2.0.html",
            "Licence Ouverte Etalab 2.0",
            "https://example.org/terms",
            "Copyright",
            "CC0-1.0",
        )
    ] == [
        "http://spdx.org/licenses/Apache-2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        None,
        None,
        "https://creativecommons.org/publicdomain/zero/1.0/",
    ]
    pangaea = (
        "MEDIAN LATITUDE: -62.5 * MEDIAN LONGITUDE: -58.0 * SOUTH-BOUND LATITUDE: -63.0 * "
        "WEST-BOUND LONGITUDE: -59.0 * NORTH-BOUND LATITUDE: -62.0 * EAST-BOUND LONGITUDE: -57.0"
        " * DATE/TIME START: 1991-01-01T00:00:00 * DATE/TIME END: 1992-12-31"
    )
    texts = ("170, -50, -170, -40", "10, 95, 20, 100", "1990/2000", pangaea, "Paris: France")
    assert [coverage(v) for v in texts] == [
        [("box", (170.0, -50.0, -170.0, -40.0), "")],
        [("place", None, "10, 95, 20, 100")],
        [
            (
                "period",
                (ox.Literal("1990", datatype=_GYEAR), ox.Literal("2000", datatype=_GYEAR)),
                "",
            )
        ],
        [
            ("box", (-59.0, -63.0, -57.0, -62.0), ""),
            (
                "period",
                (
                    ox.Literal("1991-01-01T00:00:00", datatype=ox.NamedNode(_XSD + "dateTime")),
                    ox.Literal("1992-12-31", datatype=ox.NamedNode(_XSD + "date")),
                ),
                "",
            ),
        ],
        [("place", None, "Paris: France")],
    ]
    assert [
        licence(v)
        for v in (
            "Creative Commons Attribution Share Alike 4.0 International",
            "CC-BY-4.0: Creative Commons Attribution 4.0 International",
            "Attribution-NoDerivatives 4.0 International (CC BY-ND 4.0)",
            "Attribution required",
        )
    ] == [
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "https://creativecommons.org/licenses/by/4.0/",
        "https://creativecommons.org/licenses/by-nd/4.0/",
        None,
    ]
    assert identifier("url:https://zenodo.org/communities/gaia") == (
        "url",
        "https://zenodo.org/communities/gaia",
        "https://zenodo.org/communities/gaia",
    )


def test_an_oai_pmh_harvest_of_oai_dc_records_loads_them_all():
    """The case records served as oai_dc over OAI-PMH (three a page) are loaded (none rejected
    by the shapes), untagged texts take the source's language "en", tagged ones keep theirs; a
    record with a malformed DOI is loaded flagged with its defect, one without a title is
    rejected alone, with reasons."""
    store = EmbeddedStore(None)
    list(initialise(store, infer=False, quiet=True))
    records = [
        OAIRecord(
            f"oai:test:{case.name}", "2026-01-01", text_without_declaration(case / "input.xml")
        )
        for case in CASES
    ]
    bad_doi = _HEAD[39:].decode() + (
        "<dc:title>Ozone</dc:title><dc:description>Ozone at the Pic du Midi.</dc:description>"
        "<dc:identifier>https://example.org/o3</dc:identifier>"
        "<dc:identifier>doi:10.12/o3</dc:identifier></oai_dc:dc>"
    )
    records[2:2] = [
        OAIRecord("oai:test:bad-doi", "2026-01-01", bad_doi),
        OAIRecord("oai:test:no-title", "2026-01-01", _HEAD[39:].decode() + "</oai_dc:dc>"),
    ]
    config = SourceConfig("dc", "oai-pmh", {"url": "", "metadata_prefix": "oai_dc"}, language="en")
    with serve(OAICatalogue(records, page_size=3)) as server, client() as http:
        config.options["url"] = f"{server.url}/oai"
        report = harvest(store, config, client=http, base_iri=BASE, backoff=0)
    assert report.complete and not report.page_errors
    assert {r.identifier: (r.status, r.reasons) for r in report.results} == {
        f"oai:test:{case.name}": ("loaded", []) for case in CASES
    } | {
        "oai:test:bad-doi": ("loaded", []),  # loaded, flagged not conformant (below)
        "oai:test:no-title": (
            "rejected",
            ["oai:test:no-title: oai_dc record without a title (dc:title) (notice sans titre)"],
        ),
    }
    flagged = {r.identifier: r.defects for r in report.results if r.defects}
    assert flagged == {"oai:test:bad-doi": [_BAD_DOI]}
    titles = store.select(
        """SELECT ?r ?t WHERE { GRAPH ?g {
        ?g <https://w3id.org/gaia-kg/ontology#describes> ?r . ?r <http://purl.org/dc/terms/title> ?t
        } }""",
        {},
    )
    assert sorted((row["r"].value.split("/id/")[1], str(row["t"])) for row in titles) == [
        (
            "dataset/10.1594-pangaea.845678-963249a4",
            '"Seawater carbonate chemistry in the Drake Passage, 1991-1992"@en',
        ),
        (
            "dataset/10.25326-20-4804e1f6",
            '"IAGOS ozone and carbon monoxide measurements over Europe"@en',
        ),
        (
            "dataset/10.25326-20-4804e1f6",
            "\"Mesures d'ozone et de monoxyde de carbone IAGOS au-dessus de l'Europe\"@fr",
        ),
        ("dataset/20.500.11811-1234-db28f134", '"Soil moisture at the Lamasquère flux site"@en'),
        (
            "dataset/https-data.example.org-marel-carnot-sst-7c84f9ae",
            '"Sea surface temperature at the MAREL Carnot buoy, Boulogne-sur-Mer"@en',
        ),
        ("dataset/https-example.org-o3-81142930", '"Ozone"@en'),  # the malformed DOI, flagged
        (
            "publication/https-hal.science-hal-03512345-630fdc9d",
            '"Variabilité saisonnière de la chlorophylle dans le golfe du Lion"@fr',
        ),
        ("service/20.500.12345-land-cover-wms-5490c18a", '"Land cover WMS view service"@en'),
        (
            "service/20.500.12345-land-cover-wms-5490c18a",
            '"Service de visualisation WMS de l\'occupation des sols"@fr',
        ),
        (
            "software/10.5281-zenodo.8082837-4235d535",
            '"pyaerocom: a Python tool to evaluate aerosol models against observations"@en',
        ),
    ]


def test_oai_dc_prefixes_declared_on_the_page_root_reach_the_converter():
    """A repository that declares oai_dc and dc on the OAI-PMH root: the record cut out of the
    page keeps them (no envelope to open, unlike oai_datacite) and converts."""
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"'
        ' xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"><responseDate>2026-01-01T00:00:00Z'
        '</responseDate><request verb="ListRecords">http://127.0.0.1/oai</request><ListRecords>'
        "<record><header><identifier>oai:x:o3</identifier><datestamp>2026-01-01</datestamp>"
        '</header><metadata><oai_dc:dc><dc:title xml:lang="en">Ozone</dc:title>'
        "<dc:identifier>https://example.org/o3</dc:identifier></oai_dc:dc></metadata></record>"
        "</ListRecords></OAI-PMH>"
    )
    answer = Answer(200, "text/xml; charset=utf-8", page.encode())
    with serve(lambda request: answer) as server, client() as http:
        records = list(OAIPMHSource("x", f"{server.url}/oai").records(http))
    assert [(r.identifier, r.datestamp, detect_format(r.data)) for r in records] == [
        ("oai:x:o3", "2026-01-01", "oai_dc")
    ]
    dataset = ox.NamedNode(BASE + "id/dataset/https-example.org-o3-81142930")
    page_url = ox.NamedNode("https://example.org/o3")
    triples = oai_dc.convert(records[0].data, base_iri=BASE)
    distribution = next(
        t.subject for t in triples if t.object == ox.NamedNode(_DCAT + "Distribution")
    )
    assert set(triples) == {
        ox.Triple(dataset, _TYPE, ox.NamedNode(_DCAT + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(_DCT + "identifier"), ox.Literal(page_url.value)),
        ox.Triple(dataset, ox.NamedNode(_DCAT + "landingPage"), page_url),
        ox.Triple(dataset, ox.NamedNode(_DCT + "title"), ox.Literal("Ozone", language="en")),
        ox.Triple(dataset, ox.NamedNode(_DCAT + "distribution"), distribution),
        ox.Triple(distribution, _TYPE, ox.NamedNode(_DCAT + "Distribution")),
        ox.Triple(distribution, ox.NamedNode(_DCAT + "accessURL"), page_url),
    }
