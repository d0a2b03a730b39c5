"""THREDDS catalogues, NcML and CDL (ACDD / CF): golden cases, the corpus, shapes, retention."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from helpers import (
    BASE,
    TESTS,
    as_graph,
    assert_case,
    assert_isomorphic,
    cases,
    corpus,
    corpus_file,
)
from rdflib import Graph, URIRef

from graph_loader.backends import open_store
from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.load.inputs import collect_files
from graph_loader.mappings import cdl, ncml, thredds
from graph_loader.pipeline import load_paths
from graph_loader.validation import load_shapes

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
NCML = "{http://www.unidata.ucar.edu/namespaces/netcdf/ncml-2.2}"
CAT = "{http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0}"
MODULES = {"thredds": thredds, "ncml": ncml, "cdl": cdl}
NO_DESCRIPTION = "A description (dct:description) is mandatory and must be a text."


@pytest.mark.parametrize("case", cases("thredds"), ids=lambda c: c.name)
def test_golden_catalogue(case):
    assert_case(thredds, case)


@pytest.mark.parametrize(
    "case", [*cases("ncml"), *cases("cdl")], ids=lambda c: f"{c.parent.name}/{c.name}"
)
def test_golden_netcdf_header_from_the_corpus(case):
    """NcML and CDL goldens read their input in the corpus (``source.txt``)."""
    path = corpus_file("real", (case / "source.txt").read_text().strip())
    module = MODULES[case.parent.name]
    data = path.read_bytes()
    assert module.sniff(data) and detect_format(data) == case.parent.name
    got = as_graph(module.convert(data, base_iri=BASE))
    expected = Graph().parse(case / "expected.ttl")
    assert_isomorphic(got, expected)


# --- every corpus file: its records or a named reason ---------------------------------------

#: file -> number of datasets, or the reason it gives none (checked against the sources)
OUTCOMES = {
    # catalogues: 8 = the top dataset (it holds the files test DODS and test FTP), the three
    # "Flux measurements" collections and "Model Output" (each holding files: CO2/NO2,
    # Jan/Feb/Mar), Doc examples and its 2 documented children ("Mar 17" is a file of it)
    "catalog__InvCatalog-1.0.xml": 8,
    "catalog__catgen1.0.xml": 12,  # the 12 "Latest …" resolver datasets (urlPath)
    "CA-BCM-Catalog.xml": 3,  # the collection and its 2 datasets; the datasetScan has nothing
    "catalog.xml": 159,  # 24 described collections + 135 urlPath datasets (each NcML-defined)
    "catalog__MetadataLink.xml": "THREDDS metadata document",
    "iclus__hd_union_meta.ncml": "NcML without a title attribute",
    "iclus__is_union_meta.ncml": "NcML without a title attribute",
    "bio_taxa.cdl": "CDL (unnamed): no title global attribute",
    "kibesillah.cdl": "CDL sea_water_temperature: no title global attribute",
    "ww3.cdl": "CDL ww3: no title global attribute",
}


def _datasets(triples) -> set[str]:
    return {
        t.subject.value
        for t in triples
        if t.predicate.value.endswith("#type") and t.object.value == DCAT + "Dataset"
    }


def test_every_corpus_file_gives_its_records_or_a_named_reason():
    files = corpus("real", "thredds")
    got = {}
    for path in files:
        data = path.read_bytes()
        fmt = detect_format(data)
        try:
            got[path.name] = len(_datasets(MODULES[fmt].convert(data, base_iri=BASE)))
        except InputError as exc:
            got[path.name] = str(exc)
    expected = {p.name: OUTCOMES.get(p.name, 1) for p in files}  # NcML / CDL: one dataset
    for name, reason in expected.items():
        if isinstance(reason, str):
            assert reason in got[name], (name, got[name])
            got[name] = reason
    assert got == expected
    assert {p.suffix for p in collect_files([files[0].parents[1]])[0]} == {".xml", ".ncml", ".cdl"}


def test_loaded_records_conform_or_miss_only_a_description_in_the_source():
    """The only Violation of the converted corpus is a THREDDS dataset without any
    documentation (a source defect: THREDDS makes none mandatory): those load flagged."""
    files = corpus("real", "thredds")
    report = load_paths(open_store(":memory:"), files, base_iri=BASE, shapes=load_shapes())
    statuses = {}
    for outcome in report.outcomes:
        if outcome.kind == "source":
            continue
        if outcome.defects:
            assert all(p.endswith(NO_DESCRIPTION) for p in outcome.defects), outcome.defects
            assert outcome.source.endswith(".xml")  # catalogues only: every NcML/CDL has one
        key = (outcome.kind, outcome.status, "flagged" if outcome.defects else "")
        statuses[key] = statuses.get(key, 0) + 1
    # 208 datasets: 182 from catalogues, 5 CDL, 23 NcML of which two pairs of files give one
    # id + naming_authority to two datasets (maurer future_1/_2, TTU_2019 gridded/station: a
    # source defect, each pair is one record); the one service with an absolute base (ACD's
    # OPeNDAP endpoint of test/eta2.nc, of the two documented "Mar 18, 2001" datasets)
    assert statuses == {
        ("dataset", "loaded", ""): 187,
        ("dataset", "loaded", "flagged"): 21,
        ("service", "loaded", ""): 1,
    }
    assert len(report.file_errors) == 6  # the six named reasons above


# --- field retention, against an independent reading of the sources -------------------------


def _ncml_attributes(path: Path) -> dict[str, str]:
    root = ElementTree.parse(path).getroot()
    return {a.get("name"): a.get("value", "") for a in root.findall(f"{NCML}attribute")}


def _cdl_attributes(path: Path) -> dict[str, str]:
    found = {}
    for name, value in re.findall(r'^\s*:(\w+) = "((?:[^"\\]|\\.)*)"', path.read_text(), re.M):
        found.setdefault(name, value)
    for name, value in re.findall(r"^\s*:(\w+) = (-?[0-9.eE+-]+)[fdsb]? ;", path.read_text(), re.M):
        found.setdefault(name, value)
    return found


def _check(graph: Graph, dataset: URIRef, attrs: dict[str, str]) -> tuple[int, list[str]]:
    """(fields expected, fields missing) of one NcML / CDL dataset."""
    values = {str(o) for o in graph.objects(dataset, None)}
    deep = {str(o) for s in graph.objects(dataset, None) for o in graph.objects(s, None)}
    deeper = {str(o) for s in graph.objects(dataset, None) for x in graph.objects(s, None)
              for o in graph.objects(x, None)} | deep  # fmt: skip
    checks = {
        "title": lambda v: v in values,
        "summary": lambda v: v.strip() in values,
        "keywords": lambda v: all(k.strip() in values for k in re.split(r",", v) if k.strip()),
        "creator_name": lambda v: v in deeper,
        "creator_email": lambda v: f"mailto:{v}" in deeper,
        "publisher_name": lambda v: v in deeper,
        "license": lambda v: v in deeper or any("licenses" in x for x in values),
        "id": lambda v: any(v in x for x in values),
        "geospatial_lat_min": lambda v: any(_num(v) in x for x in deep if "POLYGON" in x),
        "geospatial_lon_max": lambda v: any(_lon(v) in x for x in deep if "POLYGON" in x),
        "time_coverage_start": lambda v: any(x[:4] == v[:4] for x in deep if x[:1].isdigit()),
        "geospatial_vertical_max": lambda v: any(
            abs(abs(float(x)) - abs(float(v))) < 1e-6
            for x in values
            if re.fullmatch(r"-?[0-9.]+", x)
        ),
    }
    expected = [k for k in checks if attrs.get(k, "").strip()]
    missing = [k for k in expected if not checks[k](attrs[k])]
    return len(expected), missing


def _lon(value: str) -> str:
    """A longitude in -180..180 (0..360 ones are brought back)."""
    lon = float(value)
    return _num(str(lon - 360 if lon > 180 else lon))


def _num(value: str) -> str:
    return f"{float(value):.7f}".rstrip("0").rstrip(".")


def test_netcdf_headers_keep_at_least_95_percent_of_their_discovery_fields():
    total, lost = 0, []
    for path in corpus("real", "thredds"):
        if path.suffix not in (".ncml", ".cdl"):
            continue
        attrs = _ncml_attributes(path) if path.suffix == ".ncml" else _cdl_attributes(path)
        if not attrs.get("title"):
            continue
        module = ncml if path.suffix == ".ncml" else cdl
        triples = module.convert(path.read_bytes(), base_iri=BASE)
        graph = as_graph(triples)
        (dataset,) = _datasets(triples)
        n, missing = _check(graph, URIRef(dataset), attrs)
        total += n
        lost += [f"{path.name}: {m}" for m in missing]
    assert total > 250
    assert len(lost) <= total * 0.05, lost
    print(f"NcML/CDL fields kept: {total - len(lost)} / {total}")


def test_catalogue_datasets_keep_title_coverage_and_every_access_url():
    """Each dataset with a urlPath of the CIDA catalogue, served from a known URL (xml:base as
    the harvester sets it): title, and one endpoint or download URL per service of its
    serviceName; time coverage and box where the catalogue gives them."""
    path = corpus("real", "thredds")[0].parents[1] / "usgs-cida-gdp-catalogs/catalog.xml"
    if not path.is_file():
        pytest.skip("corpus catalogue absent")
    url = "https://cida.usgs.gov/thredds/catalog.xml"
    data = path.read_bytes().replace(b"<catalog ", f'<catalog xml:base="{url}" '.encode(), 1)
    graph = as_graph(thredds.convert(data, base_iri=BASE))
    root = ElementTree.fromstring(data)
    services = {s.get("name"): s for s in root.findall(f"{CAT}service")}
    titles = {str(o) for o in graph.objects(None, URIRef(DCT + "title"))}
    urls = {str(o) for o in graph.objects(None, URIRef(DCAT + "accessURL"))}
    expected, missing = 0, []
    for ds in root.iter(f"{CAT}dataset"):
        if not ds.get("urlPath") or not ds.get("serviceName"):
            continue
        expected += 1
        if ds.get("name") not in titles:
            missing.append(("title", ds.get("name")))
        for member in services[ds.get("serviceName")].findall(f"{CAT}service"):
            expected += 1
            if f"https://cida.usgs.gov{member.get('base')}{ds.get('urlPath')}" not in urls:
                missing.append((member.get("serviceType"), ds.get("urlPath")))
    assert expected > 300
    assert not missing


def _inherited_fields(root: ElementTree.Element) -> list[tuple[str, dict[str, list[str]]]]:
    """(ID, fields) of each catalogue dataset with an ID, read here on their own: the dataset's
    elements and metadata blocks, then the inherited blocks of its ancestors."""
    found = []

    def walk(el, inherited):
        blocks = [el, *el.findall(f"{CAT}metadata"), *inherited]
        fields = {
            "summary": [" ".join((d.text or "").split()) for b in blocks
                        for d in b.findall(f"{CAT}documentation")
                        if d.get("type", "").lower() == "summary"],
            "keyword": [" ".join((k.text or "").split()) for b in blocks
                        for k in b.findall(f"{CAT}keyword")],
            "creator": [(c.findtext(f"{CAT}name") or "").strip() for b in blocks
                        for c in b.findall(f"{CAT}creator")],
            "rights": [" ".join((d.text or "").split()) for b in blocks
                       for d in b.findall(f"{CAT}documentation")
                       if d.get("type", "").lower() == "rights"],
            "start": [(t.findtext(f"{CAT}start") or "")[:10] for b in blocks
                      for t in b.findall(f"{CAT}timeCoverage")][:1],
            "south": [g.findtext(f"{CAT}northsouth/{CAT}start") or "" for b in blocks
                      for g in b.findall(f"{CAT}geospatialCoverage")][:1],
        }  # fmt: skip
        if el.get("ID"):
            found.append((el.get("ID"), fields))
        own = [m for m in el.findall(f"{CAT}metadata") if m.get("inherited") == "true"]
        for child in el.findall(f"{CAT}dataset"):
            walk(child, [*own, *inherited])

    for top in root.findall(f"{CAT}dataset"):
        walk(top, [])
    return found


#: fields a catalogue gives wrong: latitudes -180..180 (the box is left out)
_CATALOGUE_DEFECTS = {("cida.usgs.gov/thredds/slr2d/", "south")}


def _kept(name: str, item: str, values: set[str], deep: set[str]) -> bool:
    if name in ("summary", "keyword"):
        return item in values
    if name == "creator":
        return item in deep
    if name == "rights":
        return item in deep or any("licenses" in x for x in values)
    if name == "start":
        return any(x.startswith(item) for x in deep)
    return any(f" {_num(item)}," in x for x in deep if "POLYGON" in x)  # south edge


def test_catalogue_datasets_keep_95_percent_of_their_inherited_discovery_fields():
    path = corpus("real", "thredds")[0].parents[1] / "usgs-cida-gdp-catalogs/catalog.xml"
    data = path.read_bytes()
    graph = as_graph(thredds.convert(data, base_iri=BASE))
    total, lost = 0, []
    by_id = {str(o): s for s, o in graph.subject_objects(URIRef(DCT + "identifier"))}
    for ident, fields in _inherited_fields(ElementTree.fromstring(data)):
        dataset = by_id[ident]
        values = {str(o) for o in graph.objects(dataset, None)}
        deep = {str(o) for x in graph.objects(dataset, None) for o in graph.objects(x, None)}
        for name, items in fields.items():
            for item in (i for i in items if i):
                total += 1
                ok = _kept(name, item, values, deep)
                if not ok and (ident, name) not in _CATALOGUE_DEFECTS:
                    lost.append((ident, name, item[:40]))
    assert total > 1000
    assert len(lost) <= total * 0.05, lost[:20]
    print(f"catalogue fields kept: {total - len(lost)} / {total}")


# --- units of the syntaxes ---------------------------------------------------------------


def test_cdl_tokens_escapes_typed_numbers_and_data_section():
    text = r"""// a comment
netcdf \2016x {
dimensions:
    time = UNLIMITED ; // (4 currently)
variables:
    double depth(time) ;
        depth:standard_name = "depth" ;
        depth:axis = "Z" ;
    float temp(time) ;
        temp:standard_name = "sea_water_temperature" ;
        temp:valid_range = 0.f, 40.f ;
    string :title = "A \"quoted\" title; with a semicolon" ;
    :summary = "line one\n", "line two" ;
    :geospatial_vertical_min = 5.f ;
    :geospatial_vertical_max = 2000.f ;
    :geospatial_vertical_positive = "down" ;
    :geospatial_lat_min = -10 ; :geospatial_lat_max = 10 ;
    :geospatial_lon_min = 350 ; :geospatial_lon_max = 355 ;
data:
    :title = "not read" ;
}"""
    name, attrs, variables = cdl.parse_cdl(text)
    assert name == "2016x"
    assert attrs["title"] == 'A "quoted" title; with a semicolon'
    assert attrs["summary"] == "line one\nline two"
    assert variables == [
        {"standard_name": "depth", "axis": "Z"},
        {"standard_name": "sea_water_temperature", "valid_range": "0., 40."},
    ]
    graph = as_graph(cdl.convert(text.encode(), base_iri=BASE))
    rows = graph.query(
        """PREFIX gaia: <https://w3id.org/gaia-kg/ontology#>
        PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?min ?max ?box ?v WHERE { ?d gaia:minimumAltitude ?min ; gaia:maximumAltitude ?max ;
          dct:spatial/dcat:bbox ?box ; <https://schema.org/variableMeasured> ?v }"""
    )
    assert [tuple(str(x) for x in row) for row in rows] == [
        (
            "-2000",
            "-5",
            "POLYGON((-10 -10, -5 -10, -5 10, -10 10, -10 -10))",
            "http://vocab.nerc.ac.uk/standard_name/sea_water_temperature/",
        )
    ]  # depths 5..2000 m down are altitudes -2000..-5; 350..355°E is -10..-5; depth is an axis


def test_cdl_groups_and_compound_types_do_not_end_the_reading():
    text = """netcdf g {
types:
  compound obs_t {
    float t ;
    int q ;
  }; // obs_t
dimensions:
  n = 2 ;
group: sub {
  variables:
    float sal(n) ;
      sal:standard_name = "sea_water_salinity" ;
  } // group sub
// global attributes:
  :title = "Grouped" ;
  :keywords = "a; b" ;
}"""
    name, attrs, variables = cdl.parse_cdl(text)
    assert (name, attrs) == ("g", {"title": "Grouped", "keywords": "a; b"})
    assert variables == [{"standard_name": "sea_water_salinity"}]


def test_a_doi_id_is_the_identity_and_dates_are_read_leniently():
    doc = b"""<netcdf xmlns="http://www.unidata.ucar.edu/namespaces/netcdf/ncml-2.2">
  <attribute name="title" value="Argo profiles"/>
  <attribute name="summary" value="Profiles."/>
  <attribute name="id" value="doi:10.17882/42182"/>
  <attribute name="naming_authority" value="org.argo"/>
  <attribute name="time_coverage_start" value="19970101"/>
  <attribute name="time_coverage_end" value="2013-10-1"/>
  <attribute name="license" value="https://creativecommons.org/licenses/by/4.0/"/>
</netcdf>"""
    graph = as_graph(ncml.convert(doc, base_iri=BASE))
    row = next(iter(graph.query(
        """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?d ?id ?page ?s ?e ?l WHERE { ?d dct:identifier ?id ; dcat:landingPage ?page ;
          dct:temporal [ dcat:startDate ?s ; dcat:endDate ?e ] ; dct:license ?l }"""
    )))  # fmt: skip
    assert [str(v) for v in row] == [
        BASE + "id/dataset/10.17882-42182-" + row[0].split("-")[-1],
        "10.17882/42182",
        "https://doi.org/10.17882/42182",
        "1997-01-01",
        "2013-10-01",
        "https://creativecommons.org/licenses/by/4.0/",
    ]


@pytest.mark.parametrize(
    ("module", "data", "message"),
    [
        (thredds, b"", "empty record"),
        (thredds, b"<catalog xmlns='http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0'>"
         b"<dataset name='x'>", "THREDDS catalogue: malformed XML"),
        (thredds, b"<!DOCTYPE c [<!ENTITY a 'b'>]><catalog/>", "entity declarations are refused"),
        (thredds, b"<catalog xmlns='http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0'>"
         b"<catalogRef xmlns:x='http://www.w3.org/1999/xlink' x:href='a.xml'/></catalog>",
         "THREDDS catalogue with no discovery record: 0 dataset(s)"),
        (ncml, b"<netcdf xmlns='http://www.unidata.ucar.edu/namespaces/netcdf/ncml-2.2'>",
         "NcML: malformed XML"),
        (cdl, b'netcdf x {\n :title = "unterminated ;\n}', "CDL: unexpected character"),
    ],
)  # fmt: skip
def test_bad_input_gives_a_named_input_error(module, data, message):
    with pytest.raises(InputError) as caught:
        module.convert(data, base_iri=BASE)
    assert message in str(caught.value)


def test_sniffing_is_by_content():
    ncml_doc = b'<?xml version="1.0"?><netcdf xmlns="http://www.unidata.ucar.edu/namespaces/netcdf/ncml-2.2"/>'
    assert ncml.sniff(ncml_doc) and not thredds.sniff(ncml_doc) and not cdl.sniff(ncml_doc)
    cat = b'<catalog xmlns="http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0"/>'
    assert thredds.sniff(cat) and not ncml.sniff(cat)
    assert cdl.sniff(b"// header\nnetcdf x {\n}") and cdl.sniff(b"netcdf {\n}")
    assert not cdl.sniff(b"@prefix netcdf: <http://x/> .") and not cdl.sniff(b"netcdf x")
    assert not thredds.sniff(b'<catalog xmlns="http://example.org/"/>')
    assert TESTS.is_dir()


SYNTHETIC = b"""<?xml version="1.0"?>
<catalog xmlns="http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0"
         xmlns:xlink="http://www.w3.org/1999/xlink" name="Ocean" xml:base="https://tds.example.org/thredds/ocean/catalog.xml">
  <service name="all" serviceType="Compound" base="">
    <service name="wms" serviceType="WMS" base="/thredds/wms/"/>
    <service name="http" serviceType="HTTPServer" base="/thredds/fileServer/"/>
    <service name="odap" serviceType="OPeNDAP" base="/thredds/dodsC/"/>
  </service>
  <dataset name="Glider section" ID="glider-42" authority="org.example" serviceName="all"
           urlPath="gliders/42.nc">
    <dataSize units="Mbytes">1.5</dataSize>
    <dataFormat>NetCDF</dataFormat>
    <dataType>Trajectory</dataType>
    <date type="created">2020-01-05</date>
    <date type="modified">2021-02-03T10:00:00Z</date>
    <documentation type="summary">Temperature and salinity sections of glider 42.</documentation>
    <contributor role="principalInvestigator">Ana Lopez</contributor>
    <variables vocabulary="CF-1.0">
      <variable name="TEMP" vocabulary_name="sea_water_temperature" units="degC"/>
      <variable name="LAT" vocabulary_name="latitude" units="degrees_north"/>
    </variables>
    <geospatialCoverage zpositive="down">
      <northsouth><start>43</start><size>2</size><units>degrees_north</units></northsouth>
      <eastwest><start>-10</start><size>4</size><units>degrees_east</units></eastwest>
      <updown><start>0</start><size>1000</size><units>m</units></updown>
    </geospatialCoverage>
    <timeCoverage><start>2020-01-01T00:00:00Z</start><duration>P10D</duration></timeCoverage>
  </dataset>
</catalog>"""


def test_catalogue_coverage_variables_sizes_and_every_kind_of_access():
    graph = as_graph(thredds.convert(SYNTHETIC, base_iri=BASE))
    (dataset,) = {s for s in graph.subjects(URIRef(DCT + "title"), None) if "dataset" in s}
    assert str(dataset) == BASE + "id/dataset/org.example-glider-42-" + dataset.split("-")[-1]
    q = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
    PREFIX gaia: <https://w3id.org/gaia-kg/ontology#>
    SELECT ?id ?box ?low ?high ?s ?e ?type ?created ?modified ?v ?role WHERE {
      ?d dct:identifier ?id ; dct:spatial/dcat:bbox ?box ; gaia:minimumAltitude ?low ;
         gaia:maximumAltitude ?high ; dct:temporal [ dcat:startDate ?s ; dcat:endDate ?e ] ;
         dct:type ?type ; dct:created ?created ; dct:modified ?modified ;
         <https://schema.org/variableMeasured> ?v ;
         <http://www.w3.org/ns/prov#qualifiedAttribution>/dcat:hadRole ?role }"""
    assert [[str(x) for x in row] for row in graph.query(q)] == [
        [
            "org.example:glider-42",
            "POLYGON((-10 43, -6 43, -6 45, -10 45, -10 43))",
            "-1000",  # 0..1000 m down
            "0",
            "2020-01-01T00:00:00+00:00",  # Z, as rdflib writes it back
            "2020-01-11T00:00:00+00:00",  # start + P10D
            "Trajectory",
            "2020-01-05",
            "2021-02-03T10:00:00+00:00",
            # latitude is a coordinate, not a measured variable
            "http://vocab.nerc.ac.uk/standard_name/sea_water_temperature/",
            "http://inspire.ec.europa.eu/metadata-codelist/ResponsiblePartyRole/principalInvestigator",
        ]
    ]
    q = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
    SELECT ?url ?download ?size ?media ?endpoint ?description ?protocol WHERE {
      ?d dcat:distribution ?x . ?x dcat:accessURL ?url .
      OPTIONAL { ?x dcat:downloadURL ?download ; dcat:byteSize ?size ; dcat:mediaType ?media }
      OPTIONAL { ?x dcat:accessService ?s . ?s dcat:endpointURL ?endpoint ;
                 dct:conformsTo ?protocol ; dcat:servesDataset ?d .
                 OPTIONAL { ?s dcat:endpointDescription ?description } }
    } ORDER BY ?url"""
    host = "https://tds.example.org/thredds/"
    rows = [[str(x) if x is not None else None for x in row] for row in graph.query(q)]
    assert rows == [
        [host + "dodsC/gliders/42.nc", None, None, None, host + "dodsC/gliders/42.nc",
         host + "dodsC/gliders/42.nc.dds", "https://www.opendap.org/pdf/ESE-RFC-004v1.2.pdf"],
        [host + "fileServer/gliders/42.nc", host + "fileServer/gliders/42.nc", "1500000",
         "https://www.iana.org/assignments/media-types/application/x-netcdf", None, None, None],
        [host + "wms/gliders/42.nc", None, None, None, host + "wms/gliders/42.nc",
         host + "wms/gliders/42.nc?service=WMS&version=1.3.0&request=GetCapabilities",
         "http://www.opengis.net/def/serviceType/ogc/wms"],
    ]  # fmt: skip
    pages = set(graph.objects(dataset, URIRef(DCAT + "landingPage")))
    assert pages == {URIRef(host + "ocean/catalog.html?dataset=glider-42")}


def _themes(store, resource: str) -> set[str]:
    from graph_loader.records import record_graph_iri

    return {
        t.object.value
        for t in store.graph_triples(record_graph_iri(resource))
        if t.predicate.value == "https://w3id.org/gaia-kg/ontology#variable"
    }


def test_cf_standard_names_land_on_thesaurus_variables(tmp_path):
    from graph_loader.bootstrap import initialise
    from graph_loader.store import EmbeddedStore

    header = tmp_path / "sst.cdl"
    header.write_text(
        "netcdf sst {\nvariables:\n  float sst(time) ;\n"
        '    sst:standard_name = "sea_surface_temperature" ;\n'
        '// global attributes:\n  :title = "SST" ;\n  :summary = "Daily SST." ;\n'
        '  :id = "sst-1" ;\n}\n'
    )
    store = EmbeddedStore(None)
    list(initialise(store, infer=False, quiet=True))
    load_paths(store, [header], base_iri=BASE)
    (dataset,) = _datasets(cdl.convert(header.read_bytes(), base_iri=BASE))
    assert _themes(store, dataset) == {"https://w3id.org/gaia-kg/thesaurus/sea-surface-temperature"}


def test_gcmd_keyword_paths_of_acdd_land_through_the_alignments(shared):
    from graph_loader.bootstrap import initialise
    from graph_loader.store import EmbeddedStore
    from graph_loader.vocab import load_vocabulary

    ghrsst = next(p for p in corpus("real", "thredds") if "GHRSST" in p.name)
    store = EmbeddedStore(None)
    list(initialise(store, infer=False, quiet=True))
    load_vocabulary(store, shared / "corpora" / "gcmd" / "sciencekeywords.rdf")
    report = load_paths(store, [ghrsst], base_iri=BASE)
    (dataset,) = _datasets(cdl.convert(ghrsst.read_bytes(), base_iri=BASE))
    # "Oceans > Ocean Temperature > Sea Surface Temperature" (GCMD, keywords_vocabulary)
    assert "https://w3id.org/gaia-kg/thesaurus/sea-surface-temperature" in _themes(store, dataset)
    assert report.keywords.linked[ghrsst.name] >= 1


def test_a_listing_of_files_is_found_by_its_collection():
    """What a datasetScan gives: files with a name, a urlPath, a size and a date only."""
    files = "".join(
        f'<dataset name="gfs_{d}.nc" ID="gfs/gfs_{d}.nc" urlPath="gfs/gfs_{d}.nc">'
        f'<dataSize units="Mbytes">12</dataSize><date type="modified">2024-01-0{d}</date></dataset>'
        for d in (1, 2, 3)
    )
    doc = f"""<catalog xmlns="http://www.unidata.ucar.edu/namespaces/thredds/InvCatalog/v1.0"
      name="scan" xml:base="https://tds.example.org/thredds/catalog/gfs/catalog.xml">
      <service name="odap" serviceType="OPeNDAP" base="/thredds/dodsC/"/>
      <dataset name="GFS 0.5 degree" ID="gfs"><metadata inherited="true">
        <serviceName>odap</serviceName><dataType>Grid</dataType></metadata>{files}</dataset>
    </catalog>""".encode()
    graph = as_graph(thredds.convert(doc, base_iri=BASE))
    q = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
    SELECT ?t ?dt ?url WHERE { ?d a dcat:Dataset ; dct:title ?t ;
      dcat:distribution [ dct:title ?dt ; dcat:accessURL ?url ] }"""
    assert [[str(v) for v in row] for row in graph.query(q)] == [
        [
            "GFS 0.5 degree",
            "THREDDS catalogue: 3 files",
            "https://tds.example.org/thredds/catalog/gfs/catalog.html?dataset=gfs",
        ]
    ]  # the three files are granules: no record, no service of their own
    assert not list(graph.subjects(URIRef(DCAT + "endpointURL"), None))


def test_acdd_doctests() -> None:
    import doctest

    from graph_loader.mappings import acdd
    from graph_loader.mappings.acdd import agents, attributes, dataset, extents, model

    for module in (acdd, model, attributes, agents, extents, dataset):
        assert doctest.testmod(module).failed == 0, module.__name__
