"""Discovery metadata of netCDF data (ACDD 1.3 global attributes, CF variables) → DCAT-AP 3.

Shared by the NcML (:mod:`..ncml`), CDL (:mod:`..cdl`) and THREDDS catalogue (:mod:`..thredds`)
converters: each reads its syntax into a :class:`Discovery` (:mod:`.model`; netCDF attributes
by :func:`from_attributes`, :mod:`.attributes`), and :func:`add_discovery` writes the dataset
(:mod:`.dataset`, with :mod:`.agents` and :mod:`.extents`). Decisions:

- texts carry no language in ACDD: they are tagged ``fr`` or ``en`` by
  :func:`~..build.guess_language` (title and summary together), English when unclear (the
  language of the convention and of nearly every netCDF file); a ``language`` attribute wins;
- ``keywords`` are split on commas (``;`` when the value has no comma); a GCMD path
  ("EARTH SCIENCE > OCEANS > …") is kept whole so that the loader links it through the GCMD
  alignments (:mod:`graph_loader.enrich`);
- CF ``standard_name`` of each data variable (coordinates aside: latitude, longitude, time,
  variables with an ``axis`` or a ``cf_role``) becomes
  ``schema:variableMeasured`` with the CF term of the NERC vocabulary server
  (``http://vocab.nerc.ac.uk/standard_name/<name>/``) and a ``dcat:keyword`` with the name in
  words ("sea water temperature"), which the loader links to the GAIA thesaurus variables;
- ``geospatial_lat/lon_min/max`` give the WKT box; a 0..360 longitude range is brought into
  -180..180; ``geospatial_vertical_min/max`` in metres (or km) give ``gaia:minimumAltitude`` /
  ``gaia:maximumAltitude``, negated and swapped when ``geospatial_vertical_positive`` is
  "down" (depths are negative altitudes); vertical extents in other units (Pa, sigma) are left;
- ``id`` with ``naming_authority`` is the identifier (``authority:id``, as ISO 19139 code spaces);
  a DOI (in ``id``, ``doi`` or a ``doi.org`` URL) is the dataset's identity: IRI minted from the
  DOI, ``https://doi.org/…`` as landing page;
- ``license``: a licence URL or a known licence named in the text gives its IRI, any other text
  a ``dct:LicenseDocument`` with the text as label;
- creators, publishers and contributors are ``foaf`` agents (``creator_type`` person /
  institution / group, else a ``foaf:Agent`` only); the first creator or publisher with an
  e-mail or URL is the contact point; ``institution`` is the creator's affiliation, or the
  creator when no creator is named; several comma-separated creator names are several
  creators only when as many e-mails are given (else one agent: "Flint, Lorraine" is one name);
- ``cdm_data_type`` / ``featureType`` → ``dct:type`` (the CF / CDM name as a literal);
  ``project`` and ``program`` → ``prov:wasGeneratedBy`` activities; ``references`` →
  ``dct:isReferencedBy`` (URLs, else a bibliographic resource with the citation);
  ``source``, ``processing_level`` and ``history``-free lineage → ``dct:provenance``;
  ``platform`` / ``instrument`` names (not IRIs: ACDD gives labels) → ``dcat:keyword``.
"""

from __future__ import annotations

from .attributes import from_attributes, measured, normalise_box, split_list, vertical_extent
from .dataset import CF_TERMS, add_discovery, dataset_iri, licence_term
from .extents import flexible_date
from .model import Discovery, Party

__all__ = [
    "measured",
    "Party",
    "Discovery",
    "from_attributes",
    "add_discovery",
    "flexible_date",
    "CF_TERMS",
    "dataset_iri",
    "licence_term",
    "normalise_box",
    "vertical_extent",
    "split_list",
]
