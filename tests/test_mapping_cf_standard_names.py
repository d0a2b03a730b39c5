"""The CF standard-name table as a SKOS vocabulary: a small table whole, the real table."""

from __future__ import annotations

import re

import pytest
from helpers import BASE, as_graph, corpus_file
from rdflib import Graph
from rdflib.compare import isomorphic

from graph_loader.backends import open_store
from graph_loader.errors import InputError
from graph_loader.formats import detect_format
from graph_loader.mappings import cf_standard_names
from graph_loader.vocab import load_vocabulary

TABLE = b"""<?xml version="1.0"?>
<standard_name_table xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
   <version_number>72</version_number>
   <entry id="sea_water_temperature">
      <canonical_units>K</canonical_units>
      <grib></grib>
      <description>Sea water temperature is the in situ
        temperature of the sea water.</description>
   </entry>
   <entry id="isotropic_longwave_radiance_in_air">
      <canonical_units>W m-2 sr-1</canonical_units>
      <description></description>
   </entry>
   <alias id="longwave_radiance"><entry_id>isotropic_longwave_radiance_in_air</entry_id></alias>
   <alias id="gone"><entry_id>no_such_entry</entry_id></alias>
</standard_name_table>
"""

EXPECTED = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sn: <http://vocab.nerc.ac.uk/standard_name/> .
sn: a skos:ConceptScheme ; skos:prefLabel "CF standard names"@en ; owl:versionInfo "72" .
sn:sea_water_temperature\\/ a skos:Concept ; skos:inScheme sn: ; skos:topConceptOf sn: ;
    skos:notation "sea_water_temperature" ; skos:prefLabel "sea water temperature"@en ;
    skos:definition "Sea water temperature is the in situ temperature of the sea water."@en ;
    skos:scopeNote "canonical units: K"@en .
sn:isotropic_longwave_radiance_in_air\\/ a skos:Concept ; skos:inScheme sn: ;
    skos:topConceptOf sn: ; skos:notation "isotropic_longwave_radiance_in_air" ;
    skos:prefLabel "isotropic longwave radiance in air"@en ;
    skos:scopeNote "canonical units: W m-2 sr-1"@en ;
    skos:hiddenLabel "longwave_radiance"@en .
"""


def test_a_small_table_whole():
    assert detect_format(TABLE) == "cf-standard-names"
    got = as_graph(cf_standard_names.convert(TABLE, base_iri=BASE))
    assert isomorphic(got, Graph().parse(data=EXPECTED, format="turtle"))


def test_a_table_without_entries_is_refused_by_name():
    with pytest.raises(InputError, match="no <entry>"):
        cf_standard_names.convert(b"<standard_name_table/>", base_iri=BASE)


def test_the_real_table_loads_as_a_vocabulary(tmp_path):
    path = corpus_file("real", "vocabularies", "cf-standard-names", "cf-standard-name-table.xml")
    text = path.read_text("utf-8")
    entries = set(re.findall(r'<entry id="([^"]+)"', text))
    aliases = re.findall(r'<alias id="[^"]+">\s*<entry_id>([^<]+)</entry_id>', text)
    loaded = load_vocabulary(open_store(":memory:"), path, name="cf")
    assert (loaded.name, loaded.concepts) == ("cf", len(entries))
    triples = cf_standard_names.convert(path.read_bytes(), base_iri=BASE)
    hidden = [t for t in triples if t.predicate.value.endswith("hiddenLabel")]
    assert len(hidden) == sum(1 for a in aliases if a.strip() in entries)
