"""Shared tables of the demo catalogue: areas, licences, organisations, vocabularies."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

__all__ = [
    "AREAS",
    "LICENCES",
    "ACCESS_RIGHTS",
    "FILE_TYPES",
    "FREQUENCIES",
    "DATA_THEMES",
    "LANGUAGES",
    "STANDARDS",
    "POLES",
    "CENTRES",
    "INFRASTRUCTURE",
    "TAXA",
]

# name -> (min lon, min lat, max lon, max lat); stations are tiny boxes around the site.
AREAS = {
    "global": (-180, -90, 180, 90),
    "europe": (-25, 34, 45, 72),
    "france": (-5.5, 41.2, 9.8, 51.2),
    "mediterranean": (-6, 30, 36.5, 46),
    "arctic": (-180, 60, 180, 90),
    "antarctic": (-180, -90, 180, -50),
    "polar": (-180, -90, 180, 90),
    "west-africa": (-20, 0, 20, 25),
    "msg-disk": (-70, -70, 70, 70),
    "tropics": (-180, -30, 180, 30),
    "north-atlantic": (-80, 0, 10, 70),
    "ovide": (-45, 40, -8, 62),
    "tropical-atlantic": (-40, -20, 15, 25),
    "bay-of-biscay": (-10, 43, -1, 48.5),
    "brittany": (-5.2, 47.2, -1, 48.9),
    "french-coasts": (-5.5, 41.3, 9.6, 51.1),
    "alps": (5, 43.5, 16, 48.5),
    "french-mountains": (-2, 41.3, 10, 48.5),
    "occitanie": (-0.4, 42.3, 4.9, 45.1),
    "eurec4a": (-60, 11, -50, 16),
    "tibet": (78, 27, 105, 40),
    "afar": (39, 8, 44, 15),
    "central-andes": (-75, -28, -63, -13),
    "anatolia": (26, 35, 45, 42),
    "reunion": (55.2, -21.4, 55.9, -20.8),
    "guadeloupe": (-61.9, 15.8, -61.1, 16.6),
    "martinique": (-61.3, 14.3, -60.8, 14.9),
    "ligurian-sea": (7.0, 42.8, 9.0, 44.0),
    "southern-ocean": (-180, -75, 180, -40),
    "cevennes": (3.5, 43.8, 4.8, 45.2),
    "niger-benin-mali": (-2.5, 9.0, 3.0, 16.0),
    "sirta": (2.205, 48.710, 2.215, 48.720),
    "puy-de-dome": (2.960, 45.768, 2.970, 45.776),
    "ohp": (5.705, 43.928, 5.718, 43.936),
    "maido": (55.378, -21.084, 55.388, -21.075),
    "lille": (3.138, 50.608, 3.148, 50.616),
    "pic-du-midi": (0.138, 42.932, 0.146, 42.940),
    "mbour": (-16.964, 14.390, -16.954, 14.398),
    "cape-corsica": (9.355, 42.965, 9.365, 42.974),
    "chambon-la-foret": (2.255, 48.020, 2.265, 48.028),
    "strasbourg": (7.680, 48.618, 7.690, 48.626),
    "kerguelen": (70.255, -49.357, 70.265, -49.350),
    "col-de-porte": (5.760, 45.292, 5.770, 45.300),
    "orgeval": (3.0, 48.78, 3.35, 48.92),
    "strengbach": (7.190, 48.208, 7.210, 48.220),
    "ploemeur": (-3.45, 47.72, -3.40, 47.76),
    "draix": (6.33, 44.12, 6.40, 44.17),
    "dyfamed": (7.85, 43.40, 7.88, 43.43),
    "piton-fournaise": (55.65, -21.30, 55.78, -21.18),
}

LICENCES = {
    "cc-by": ("http://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
    "cc-by-nc": ("http://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"),
    "cc0": ("http://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
    "etalab": ("https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "Licence Ouverte 2.0"),
    "odbl": ("https://opendatacommons.org/licenses/odbl/1-0/", "ODbL 1.0"),
    "gpl-3": ("http://spdx.org/licenses/GPL-3.0-or-later", "GPL-3.0-or-later"),
    "agpl-3": ("http://spdx.org/licenses/AGPL-3.0-or-later", "AGPL-3.0-or-later"),
    "lgpl-3": ("http://spdx.org/licenses/LGPL-3.0-or-later", "LGPL-3.0-or-later"),
    "apache-2": ("http://spdx.org/licenses/Apache-2.0", "Apache-2.0"),
    "mit": ("http://spdx.org/licenses/MIT", "MIT"),
    "eupl-1.2": ("http://spdx.org/licenses/EUPL-1.2", "EUPL-1.2"),
    "bsd-3": ("http://spdx.org/licenses/BSD-3-Clause", "BSD-3-Clause"),
}

# EU authority tables: code -> (label fr, label en).
ACCESS_RIGHTS = {"PUBLIC": ("public", "public"), "RESTRICTED": ("restreint", "restricted")}
FILE_TYPES = {
    "NETCDF": ("NetCDF", "NetCDF"),
    "HDF": ("HDF", "HDF"),
    "CSV": ("CSV", "CSV"),
    "GEOTIFF": ("GeoTIFF", "GeoTIFF"),
    "TIFF": ("TIFF", "TIFF"),
    "JSON": ("JSON", "JSON"),
    "GEOJSON": ("GeoJSON", "GeoJSON"),
    "SHP": ("Esri Shape", "Esri Shape"),
    "TXT": ("Texte brut", "Plain text"),
    "XML": ("XML", "XML"),
    "ZIP": ("ZIP", "ZIP"),
    "BIN": ("Données binaires", "Binary Data"),
    "JPEG2000": ("JPEG 2000", "JPEG 2000"),
    "WMS_SRVC": ("WMS", "WMS"),
}
FREQUENCIES = {
    "CONT": ("continuel", "continuous"),
    "UPDATE_CONT": ("mise à jour continuelle", "continuously updated"),
    "HOURLY": ("toutes les heures", "hourly"),
    "DAILY": ("quotidien", "daily"),
    "WEEKLY": ("hebdomadaire", "weekly"),
    "MONTHLY": ("mensuel", "monthly"),
    "ANNUAL": ("annuel", "annual"),
    "IRREG": ("irrégulier", "irregular"),
    "NEVER": ("jamais", "never"),
}
DATA_THEMES = {
    "ENVI": ("Environnement", "Environment"),
    "TECH": ("Science et technologie", "Science and technology"),
    "AGRI": (
        "Agriculture, pêche, sylviculture et alimentation",
        "Agriculture, fisheries, forestry and food",
    ),
    "REGI": ("Régions et villes", "Regions and cities"),
    "HEAL": ("Santé", "Health"),
    "TRAN": ("Transports", "Transport"),
}
LANGUAGES = {"FRA": ("français", "French"), "ENG": ("anglais", "English")}

# key -> (IRI, title)
STANDARDS = {
    "opendap": ("https://www.opendap.org/pdf/ESE-RFC-004v1.2.pdf", "OPeNDAP DAP 2.0 (ESE-RFC-004)"),
    "thredds": (
        "https://docs.unidata.ucar.edu/tds/current/userguide/",
        "THREDDS Data Server catalogue services",
    ),
    "erddap": ("https://coastwatch.pfeg.noaa.gov/erddap/rest.html", "ERDDAP RESTful web services"),
    "wms": ("http://www.opengis.net/def/serviceType/ogc/wms", "OGC Web Map Service"),
    "wfs": ("http://www.opengis.net/def/serviceType/ogc/wfs", "OGC Web Feature Service"),
    "csw": ("http://www.opengis.net/def/serviceType/ogc/csw", "OGC Catalogue Service for the Web"),
    "fdsnws": ("https://www.fdsn.org/webservices/", "FDSN web services"),
    "stac": ("https://api.stacspec.org/v1.0.0/core", "STAC API 1.0 core"),
    "opensearch": ("https://github.com/dewitt/opensearch", "OpenSearch 1.1"),
    "oai-pmh": ("http://www.openarchives.org/OAI/2.0/", "OAI-PMH 2.0"),
    "ftp": ("https://www.rfc-editor.org/rfc/rfc959", "File Transfer Protocol (RFC 959)"),
    "sftp": ("https://www.rfc-editor.org/rfc/rfc4253", "SSH transport (RFC 4253) / SFTP"),
    "http": ("https://www.rfc-editor.org/rfc/rfc9110", "HTTP semantics (RFC 9110)"),
    "openapi": ("https://spec.openapis.org/oas/v3.0.3", "OpenAPI 3.0.3"),
    "imag": ("https://intermagnet.org/data_download.html", "INTERMAGNET GIN web service"),
    "gbif-api": ("https://techdocs.gbif.org/en/openapi/", "GBIF REST API"),
}

# taxa the biodiversity datasets cover (as gaia:taxon, the way the EML mapping writes them):
# slug -> (rank, scientific name, (vernacular fr, vernacular en), parent slug or None)
TAXA = {
    "animalia": ("kingdom", "Animalia", ("animaux", "animals"), None),
    "chordata": ("phylum", "Chordata", ("chordés", "chordates"), "animalia"),
    "aves": ("class", "Aves", ("oiseaux", "birds"), "chordata"),
    "mammalia": ("class", "Mammalia", ("mammifères", "mammals"), "chordata"),
    "chiroptera": ("order", "Chiroptera", ("chauves-souris", "bats"), "mammalia"),
    "arthropoda": ("phylum", "Arthropoda", ("arthropodes", "arthropods"), "animalia"),
    "insecta": ("class", "Insecta", ("insectes", "insects"), "arthropoda"),
    "lepidoptera": ("order", "Lepidoptera", ("papillons", "butterflies and moths"), "insecta"),
}

# slug -> (name fr, name en, homepage, contact e-mail)
INFRASTRUCTURE = {
    "data-terra": (
        "Data Terra, infrastructure de recherche pour les données du système Terre",
        "Data Terra, research infrastructure for Earth-system data",
        "https://www.data-terra.org/",
        "contact@data-terra.org",
    ),
}
POLES = {
    "aeris": (
        "AERIS, pôle de données atmosphère",
        "AERIS atmosphere data hub",
        "https://www.aeris-data.fr/",
        "contact@aeris-data.fr",
    ),
    "odatis": (
        "ODATIS, pôle de données océan",
        "ODATIS ocean data hub",
        "https://www.odatis-ocean.fr/",
        "contact@odatis-ocean.fr",
    ),
    "theia": (
        "THEIA, pôle de données surfaces continentales",
        "THEIA land surface data hub",
        "https://www.theia-land.fr/",
        "contact@theia-land.fr",
    ),
    "formater": (
        "ForM@Ter, pôle de données Terre solide",
        "ForM@Ter solid Earth data hub",
        "https://www.poleterresolide.fr/",
        "contact@poleterresolide.fr",
    ),
    "pndb": (
        "PNDB, pôle national de données de biodiversité",
        "PNDB national biodiversity data hub",
        "https://www.pndb.fr/",
        "contact@pndb.fr",
    ),
}
# slug -> (pole, name fr, name en, homepage, contact e-mail)
CENTRES = {
    "icare": (
        "aeris",
        "Centre de données ICARE (Lille)",
        "ICARE data centre (Lille)",
        "https://www.icare.univ-lille.fr/",
        "contact@icare.univ-lille.fr",
    ),
    "espri": (
        "aeris",
        "Centre de données ESPRI (IPSL)",
        "ESPRI data centre (IPSL)",
        "https://www.ipsl.fr/",
        "espri-contact@ipsl.fr",
    ),
    "sedoo": (
        "aeris",
        "Service de données SEDOO (OMP Toulouse)",
        "SEDOO data service (OMP Toulouse)",
        "https://www.sedoo.fr/",
        "contact@sedoo.fr",
    ),
    "satmos": (
        "aeris",
        "Centre SATMOS (Météo-France, CMS Lannion)",
        "SATMOS centre (Météo-France, CMS Lannion)",
        "https://www.satmos.meteo.fr/",
        "satmos@meteo.fr",
    ),
    "coriolis": (
        "odatis",
        "Centre de données Coriolis",
        "Coriolis data centre",
        "https://www.coriolis.eu.org/",
        "codac@ifremer.fr",
    ),
    "sismer": (
        "odatis",
        "SISMER, données marines de l'Ifremer",
        "SISMER Ifremer marine data centre",
        "https://data.ifremer.fr/SISMER",
        "sismer@ifremer.fr",
    ),
    "cersat": (
        "odatis",
        "CERSAT, centre de données satellitaires de l'Ifremer",
        "CERSAT Ifremer satellite data centre",
        "https://cersat.ifremer.fr/",
        "cersat@ifremer.fr",
    ),
    "seanoe": (
        "odatis",
        "SEANOE, éditeur de données marines",
        "SEANOE marine data publisher",
        "https://www.seanoe.org/",
        "seanoe@ifremer.fr",
    ),
    "ctoh": (
        "odatis",
        "CTOH, centre de topographie des océans et de l'hydrosphère",
        "CTOH ocean and hydrosphere topography centre",
        "http://ctoh.legos.obs-mip.fr/",
        "ctoh@legos.obs-mip.fr",
    ),
    "aviso": (
        "odatis",
        "AVISO+, altimétrie satellitaire (CNES)",
        "AVISO+ satellite altimetry (CNES)",
        "https://www.aviso.altimetry.fr/",
        "aviso@altimetry.fr",
    ),
    "theia-cnes": (
        "theia",
        "Centre de production THEIA du CNES",
        "CNES THEIA production centre",
        "https://www.theia-land.fr/",
        "theia@cnes.fr",
    ),
    "cesbio": (
        "theia",
        "CESBIO (Toulouse)",
        "CESBIO (Toulouse)",
        "https://www.cesbio.cnrs.fr/",
        "contact@cesbio.cnes.fr",
    ),
    "hydroweb": (
        "theia",
        "Hydroweb, niveaux d'eau par altimétrie",
        "Hydroweb altimetric water levels",
        "https://hydroweb.theia-land.fr/",
        "hydroweb@legos.obs-mip.fr",
    ),
    "ozcar": (
        "theia",
        "OZCAR, observatoires de la zone critique",
        "OZCAR critical zone observatories",
        "https://www.ozcar-ri.org/",
        "contact@ozcar-ri.org",
    ),
    "isdeform": (
        "formater",
        "Service ISDeform (ForM@Ter)",
        "ISDeform service (ForM@Ter)",
        "https://www.poleterresolide.fr/",
        "isdeform@poleterresolide.fr",
    ),
    "resif": (
        "formater",
        "Centre de données Résif-DC",
        "Résif-DC seismological data centre",
        "https://seismology.resif.fr/",
        "sismo-help@resif.fr",
    ),
    "ipgp-datacentre": (
        "formater",
        "Centre de données de l'IPGP",
        "IPGP data centre",
        "https://datacenter.ipgp.fr/",
        "datacenter@ipgp.fr",
    ),
    "renag": (
        "formater",
        "RENAG, réseau national GNSS permanent",
        "RENAG French permanent GNSS network",
        "https://renag.resif.fr/",
        "renag@resif.fr",
    ),
    "bcmt": (
        "formater",
        "BCMT, bureau central de magnétisme terrestre",
        "BCMT French central bureau of geomagnetism",
        "https://www.bcmt.fr/",
        "bcmt@ipgp.fr",
    ),
    "mnhn": (
        "pndb",
        "Muséum national d'Histoire naturelle",
        "French National Museum of Natural History",
        "https://www.mnhn.fr/",
        "inpn@mnhn.fr",
    ),
    "gbif-france": ("pndb", "GBIF France", "GBIF France", "https://www.gbif.fr/", "gbif@gbif.fr"),
}
