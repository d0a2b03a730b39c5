"""Converters never produce what their own shapes reject (issue 16, item 6), for the record
kinds DataCite (XML, JSON), schema.org, CodeMeta and OAI-PMH.

Every corpus file of these kinds is converted and validated with the project's shapes: each
SHACL Violation must be a defect of the source, listed below and checked by reading the record.
One shape is left out: "title in French or English" (``gsh:Dataset-title-language``). Titles
in other languages are a Warning under the record policy of issue 16 (item 4), and titles the
source leaves untagged are tagged by the pipeline's language repair, not by the converters.
"""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
import pytest
from helpers import BASE, CORPORA

from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import mapping, oai_pmh
from graph_loader.validation import load_shapes, validate

KINDS = ("datacite-xml", "datacite-json", "schemaorg", "codemeta", "oai-pmh")
FORMATS = {"datacite-xml", "datacite-json", "schemaorg", "codemeta", "oai-pmh", "oai_dc"}
LEFT_OUT = {"https://w3id.org/gaia-kg/shapes#Dataset-title-language"}
_NO_DESCRIPTION = "Dataset-description"

#: (corpus file, shape) -> why it is the source's defect (each read in the file)
SOURCE_DEFECTS = {
    # no <descriptions> at all
    ("datacite-xml/ands-au/datacite-example-xs-string.xml", _NO_DESCRIPTION): "none",
    ("datacite-xml/datacite-testprefix-10.14454/datacite-geo.xml", _NO_DESCRIPTION): "none",
    ("datacite-xml/doi-10.15148/datacite_blank_name_identifier.xml", _NO_DESCRIPTION): "none",
    ("datacite-xml/fhnw/datacite-by-nd-4.0.xml", _NO_DESCRIPTION): "none",
    ("datacite-xml/pangaea/oai_oai_datacite.org_1819972.xml", _NO_DESCRIPTION): "none",
    ("datacite-json/datacite-api-lupo/nasa_error.json", _NO_DESCRIPTION): "no descriptions",
    # <descriptions/> or descriptions that are empty elements
    ("datacite-xml/cdl-dash-dataone/dataone-ark+=c5146=r3pk5h-mrt-datacite.xml",
     _NO_DESCRIPTION): "<description descriptionType='Other'></description>",
    ("datacite-xml/cdl-dash-dataone/dataone-ark+=c5146=r3pp45-mrt-datacite.xml",
     _NO_DESCRIPTION): "<descriptions/>",
    ("datacite-xml/cdl-dash-dataone/dataone-ark+=c5146=r3rp4s-mrt-datacite.xml",
     _NO_DESCRIPTION): "empty Abstract and Methods",
    ("datacite-xml/st-andrews-pure/pure.xml", _NO_DESCRIPTION): "empty Abstract",
    # schema.org Datasets without "description"
    ("schemaorg/dataguids-topmed/schema_org_topmed.json", _NO_DESCRIPTION): "none",
    ("schemaorg/gtex/schema_org_gtex.json", _NO_DESCRIPTION): "none",
    ("schemaorg/odis-vliz/vliz-003e0d842c444d584be79cbfbc9080e2889c787e.json",
     _NO_DESCRIPTION): "none",
    ("schemaorg/odis-vliz/vliz-187075651d1badbbea469bb0649c7dbb83d715c7.json",
     _NO_DESCRIPTION): "none",
    ("schemaorg/odis-vliz/vliz-1bb6c129bd7f1fa7823a333e0fa8d829584f83c1.json",
     _NO_DESCRIPTION): "none",
    # the dataset cites its parent PANGAEA.887470, described inline without a description
    ("schemaorg/pangaea/pangea_doi_10_1594_PANGAEA_887477.json", _NO_DESCRIPTION): "cited",
    # longitudes 0..360 (the pipeline's longitude repair brings them to -180..180)
    ("schemaorg/amgeo/Amgeo1.json", "Location-bbox-range"): "Place longitude 360",
    ("schemaorg/amgeo/MB_amgeo_data-01-06-2013-17-30-00.json", "Location-bbox-range"): "0..360",
    # ODIS Pacific Data Hub geometries east of the antimeridian written 180..360
    ("schemaorg/odis-pacificdatahub/pacificdatahub-03df2497-ab30-3636-8876-3869a4c27a03.json",
     "Location-bbox-range"): "POLYGON((191.47 -25.30, …, 205.19 …))",
    ("schemaorg/odis-pacificdatahub/pacificdatahub-0ddd9a63-9815-4967-a779-6a76d683a730.json",
     "Location-bbox-range"): "longitudes over 180",
    ("schemaorg/odis-pacificdatahub/pacificdatahub-0f3825b1-dce7-4613-8dd1-bcfc6b223039.json",
     "Location-bbox-range"): "longitudes over 180",
    ("schemaorg/odis-pacificdatahub/pacificdatahub-07b8dd4b-e4fb-30ae-ae10-e34099c1bc91.json",
     "Location-bbox-range"): "longitudes over 180",
}  # fmt: skip


def _converted(data: bytes) -> list[ox.Triple] | None:
    """The triples of a corpus file of our kinds (the readable records of an OAI page), or
    None when it is another format or refused (refusals are tested by each converter)."""
    try:
        fmt = detect_format(data)
    except InputError:
        return None
    if fmt not in FORMATS:
        return None
    try:
        if fmt == "oai-pmh":
            results = oai_pmh.convert_each(data, base_iri=BASE)
            return [t for r in results if not isinstance(r, InputError) for t in r]
        return mapping(fmt).convert(data, base_iri=BASE)
    except InputError:
        return None


def test_every_violation_is_a_listed_source_defect():
    folders = [CORPORA / "real" / kind for kind in KINDS]
    if not all(f.is_dir() for f in folders):
        pytest.skip("../shared/corpora/real is absent (fresh clone)")
    shapes = load_shapes()
    found: dict[tuple[str, str], int] = defaultdict(int)
    converted = 0
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            triples = _converted(path.read_bytes())
            if not triples:
                continue
            converted += 1
            store = ox.Store()
            store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            for problem in validate(store, shapes):
                shape = problem.shape.value if isinstance(problem.shape, ox.NamedNode) else ""
                if problem.severity.endswith("Violation") and shape not in LEFT_OUT:
                    name = path.relative_to(CORPORA / "real").as_posix()
                    found[(name, shape.rsplit("#", 1)[-1] or str(problem.messages))] += 1
    assert converted >= 380  # 385 files of these kinds convert today
    assert set(found) == set(SOURCE_DEFECTS)
