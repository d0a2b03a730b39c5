"""The real records of ``../shared/corpora/real`` (about 190 producers) through the real load,
as ``python bench/corpus.py`` runs it: nothing silent, no traceback, at least 97 % of the
records met loaded, and each file refused for a reason read in the file itself."""

from __future__ import annotations

import sys

import pytest
from helpers import REAL, ROOT

sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

#: every file refused, with what its reason must say — each checked by reading the file:
#: broken on purpose by its authors, or not a metadata record at all
REFUSED = {
    "codemeta/clariah-proycon-tests/labirinto.codemeta-harvest.json": "no SoftwareSourceCode",
    "datacite-xml/doi-10.2973/datacite-crossref.xml": "<crossref_result> is not a supported",
    "dcat/geocat-ch-gn-formatter-output/amphibians-eu-geodcat-ap-semiceu.xml": "not valid rdfxml",
    "eml/metadig-testdocs/test-run.xml": "<mdq:run> is not a supported format",
    "iso19139/aodn-imos-mcp/328_update_metadata_gogoduck_link__imos-srs.xml": "malformed XML",
    "iso19139/aodn-imos-mcp/geonetwork_update_backlogs_324__argo.xml": "malformed XML",
    "iso19139/aodn-imos-mcp/geonetwork_update_backlogs_324__imos-mest-srs.xml": "malformed XML",
    "iso19139/eea/eea-migrate-201811-test.xml": "has no title",
    "iso19139/mineral-resources-tasmania/0302d72f-d759-4585-aeee-c7fc7894c5ca.xml": (
        "not valid UTF-8 at line 134"
    ),
    "iso19139/mineral-resources-tasmania/0f307d0a-0540-46f0-a0a8-ee82b11b9963.xml": (
        "not valid UTF-8 at line 829"
    ),
    "iso19139/noaa-ngmp-samples/measure_sample.xml": "no file identifier, resource identifier",
    "iso19139/noaa-ngmp-samples/model_sample.xml": "no file identifier, resource identifier",
    "iso19139/usgs-sciencebase/ScienceBase_WAF_dump_01E34059-AA19-47C9-BB0F-C8E05A26855A.xml": (
        "malformed XML"
    ),
    "oai-pmh/datacite-oai-viringo/oai_listidentifiers.xml": "ListIdentifiers answer",
    "oai-pmh/datacite-oai-viringo/oai_listmetadataformats.xml": "ListMetadataFormats answer",
    "oai-pmh/datacite-oai-viringo/oai_listsets.xml": "ListSets answer",
    "oai-pmh/dspace-erasmus-eur/fake1__00000.xml": "ListSets answer",
    "oai-pmh/dspace-erasmus-eur/fake1__00002.xml": "ListMetadataFormats answer",
    "oai-pmh/dspace-erasmus-eur/fake1__00003.xml": "ListIdentifiers answer",
    "oai-pmh/dspace-erasmus-eur/fake2__00000.xml": "records are all deleted",
    "oai-pmh/fi-helda-ida-kata/cmdi_2.xml": "metadata format CMDI is not read",
    "oai-pmh/fi-helda-ida-kata/ida.xml": "without a title",
    "oai-pmh/fi-helda-ida-kata/ida2.xml": "without a title",
    "oai-pmh/fi-helda-ida-kata/ida3.xml": "without a title",
    "oai-pmh/fi-helda-ida-kata/listidentifiers.xml": "ListIdentifiers answer",
    "thredds/ioos-real-datasets-cdl/bio_taxa.cdl": "no title global attribute",
    "thredds/ioos-real-datasets-cdl/kibesillah.cdl": "no title global attribute",
    "thredds/ioos-real-datasets-cdl/ww3.cdl": "no title global attribute",
    "thredds/unidata-tds-test-catalogs/catalog__MetadataLink.xml": "names no dataset",
    "thredds/usgs-cida-gdp-ncml/iclus__hd_union_meta.ncml": "NcML without a title",
    "thredds/usgs-cida-gdp-ncml/iclus__is_union_meta.ncml": "NcML without a title",
    "vocabularies/epos-vocabularies/catalog-v001.xml": "<catalog> is not a supported format",
}


@pytest.fixture(scope="module")
def rows():
    if not REAL.is_dir():
        pytest.skip("../shared/corpora/real is absent (fresh clone): corpus tests skipped")
    return corpus.run(REAL)


def test_nothing_is_silent_and_nothing_escapes(rows):
    everything = corpus.totals(rows)["all"]
    assert (everything.tracebacks, everything.nothing, everything.silent_files) == (0, 0, [])


def test_at_least_97_percent_of_the_records_met_load(rows):
    sums = corpus.totals(rows)
    assert sums["all"].loaded_share >= 0.97
    low = {k: round(r.loaded_share, 3) for k, r in sums.items() if r.loaded_share < 0.95}
    assert low == {}
    # rejected only for what cannot be a record
    assert set(sums["all"].reasons) <= {"no title", "no identifier"}


def test_each_refused_file_is_named_with_its_reason(rows):
    got = {
        f"{r.kind}/{r.producer}/{name}": reason
        for r in rows
        for name, reason in r.unreadable_files.items()
    }
    assert set(got) == set(REFUSED)
    wrong = {f: got[f] for f, expected in REFUSED.items() if expected not in got[f]}
    assert wrong == {}
    assert all("Traceback" not in reason for reason in got.values())


def test_files_that_make_no_record_say_what_they_held(rows):
    """A file of statements that make no record (agents alone, EPOS equipment) is named with
    its rdf:types; its statements stay in the file's source graph."""
    held = {name: why for r in rows for name, why in r.empty_files.items()}
    assert held, "the corpus has such files"
    assert all("types:" in why or "no statement" in why for why in held.values())
