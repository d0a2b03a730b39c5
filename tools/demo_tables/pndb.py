"""PNDB (biodiversity) datasets of the demo catalogue."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

from .spec import ds

__all__ = ["DATASETS"]

INPN = "https://inpn.mnhn.fr/"
VIGIE = "https://www.vigienature.fr/"
GBIF = "https://www.gbif.fr/"

DATASETS = [
    ds(
        "inpn-species-occurrences",
        "mnhn",
        "INPN-OPENOBS",
        ("Occurrences d'espèces de l'INPN (OpenObs)", "INPN species occurrences (OpenObs)"),
        (
            "Données d'observation d'espèces rassemblées par le Système d'information de l'inventaire du "
            "patrimoine naturel et diffusées par OpenObs. Plus de 100 millions d'occurrences couvrent "
            "la France métropolitaine et d'outre-mer.",
            "Species observation data gathered by the national natural heritage information system and "
            "distributed through OpenObs. More than 100 million occurrences cover metropolitan and "
            "overseas France.",
        ),
        "occurrences/occurrences; INPN/INPN; SINP/SINP",
        "species-occurrences",
        "france",
        "1900-01-01",
        freq="WEEKLY",
        lic="etalab",
        land="https://openobs.mnhn.fr/",
        fmt="CSV",
        svc="inpn-api",
    ),
    ds(
        "gbif-france-occurrences",
        "gbif-france",
        "GBIF-FR-OCC",
        ("Occurrences publiées par GBIF France", "Occurrences published through GBIF France"),
        (
            "Occurrences d'espèces publiées par les institutions françaises dans le système mondial "
            "d'information sur la biodiversité GBIF. Les jeux de données suivent le standard Darwin "
            "Core.",
            "Species occurrences published by French institutions in the Global Biodiversity Information "
            "Facility. The datasets follow the Darwin Core standard.",
        ),
        "GBIF/GBIF; Darwin Core/Darwin Core; biodiversité/biodiversity",
        "species-occurrences",
        "global",
        "1900-01-01",
        freq="WEEKLY",
        land=GBIF,
        fmt="CSV",
        svc="gbif-api",
    ),
    ds(
        "mnhn-herbarium-paris",
        "gbif-france",
        "MNHN-P",
        ("Herbier national du Muséum (P)", "National Herbarium of the Muséum (P)"),
        (
            "Spécimens numérisés de l'herbier national de Paris, l'un des plus grands au monde avec près "
            "de 8 millions de spécimens. Chaque spécimen porte son lieu et sa date de récolte.",
            "Digitised specimens of the Paris national herbarium, one of the largest in the world with "
            "nearly 8 million specimens. Each specimen carries its collection place and date.",
        ),
        "herbier/herbarium; collections/collections; botanique/botany",
        "species-occurrences",
        "global",
        "1700-01-01",
        freq="MONTHLY",
        land=GBIF,
        fmt="CSV",
        svc="gbif-api",
    ),
    ds(
        "vigie-nature-stoc",
        "mnhn",
        "STOC-EPS",
        ("Suivi temporel des oiseaux communs (STOC)", "French Breeding Bird Survey (STOC)"),
        (
            "Comptages standardisés des oiseaux nicheurs réalisés chaque printemps par des observateurs "
            "bénévoles depuis 1989. Le programme Vigie-Nature calcule les indicateurs d'abondance des "
            "espèces communes.",
            "Standardised counts of breeding birds made each spring by volunteer observers since 1989. The "
            "Vigie-Nature programme computes abundance indicators of common species.",
        ),
        "oiseaux/birds; sciences participatives/citizen science; Vigie-Nature/Vigie-Nature",
        "abundance species-occurrences",
        "france",
        "1989-01-01",
        freq="ANNUAL",
        land=VIGIE,
        fmt="CSV",
        svc="gbif-api",
        taxa="aves",
    ),
    ds(
        "vigie-nature-spipoll",
        "mnhn",
        "SPIPOLL",
        (
            "SPIPOLL suivi photographique des insectes pollinisateurs",
            "SPIPOLL photographic survey of pollinating insects",
        ),
        (
            "Collections photographiques d'insectes visitant les fleurs, réalisées par des participants "
            "selon un protocole de 20 minutes. Les identifications sont validées par la communauté.",
            "Photographic collections of insects visiting flowers, made by participants following a "
            "20-minute protocol. Identifications are validated by the community.",
        ),
        "pollinisateurs/pollinators; insectes/insects; sciences participatives/citizen science",
        "species-occurrences abundance",
        "france",
        "2010-01-01",
        freq="ANNUAL",
        land="https://www.spipoll.org/",
        fmt="CSV",
        svc="gbif-api",
        taxa="insecta",
    ),
    ds(
        "vigie-chiro",
        "mnhn",
        "VIGIE-CHIRO",
        ("Vigie-Chiro suivi acoustique des chauves-souris", "Vigie-Chiro acoustic bat monitoring"),
        (
            "Enregistrements ultrasonores et identifications automatiques des chauves-souris le long de "
            "circuits routiers et de points fixes. Le programme estime les tendances des populations "
            "depuis 2006.",
            "Ultrasound recordings and automatic bat identifications along road transects and fixed "
            "points. The programme estimates population trends since 2006.",
        ),
        "chauves-souris/bats; acoustique/acoustics; Vigie-Nature/Vigie-Nature",
        "abundance species-occurrences",
        "france",
        "2006-01-01",
        freq="ANNUAL",
        land="https://www.vigienature.fr/fr/chauves-souris",
        fmt="CSV",
        svc="gbif-api",
        taxa="chiroptera",
    ),
    ds(
        "sterf-butterflies",
        "mnhn",
        "STERF",
        (
            "Suivi temporel des rhopalocères de France (STERF)",
            "French butterfly monitoring scheme (STERF)",
        ),
        (
            "Comptages de papillons de jour le long de transects fixes parcourus plusieurs fois par an. "
            "Le programme contribue à l'indicateur européen des papillons de prairie.",
            "Butterfly counts along fixed transects walked several times a year. The scheme contributes to "
            "the European grassland butterfly indicator.",
        ),
        "papillons/butterflies; transects/transects; prairies/grasslands",
        "abundance",
        "france",
        "2005-01-01",
        freq="ANNUAL",
        land=VIGIE,
        fmt="CSV",
        svc="gbif-api",
        taxa="lepidoptera",
    ),
    ds(
        "znieff-inventory",
        "mnhn",
        "ZNIEFF",
        ("Inventaire des ZNIEFF", "ZNIEFF natural areas inventory"),
        (
            "Périmètres et descriptions des zones naturelles d'intérêt écologique, faunistique et "
            "floristique. L'inventaire recense les espèces et habitats déterminants de chaque zone.",
            "Boundaries and descriptions of the natural areas of ecological, faunal and floral interest. "
            "The inventory lists the key species and habitats of each area.",
        ),
        "ZNIEFF/ZNIEFF; espaces naturels/natural areas; patrimoine naturel/natural heritage",
        "habitat-maps species-occurrences",
        "france",
        "1982-01-01",
        freq="ANNUAL",
        lic="etalab",
        land=INPN,
        fmt="SHP",
        svc="inpn-api",
    ),
    ds(
        "carhab-vegetation-map",
        "mnhn",
        "CARHAB",
        ("CarHab carte nationale des habitats naturels", "CarHab national map of natural habitats"),
        (
            "Carte des végétations et habitats naturels et semi-naturels de France au 1:25 000 produite "
            "par le programme CarHab. Elle combine modélisation, télédétection et relevés de terrain.",
            "Map of natural and semi-natural vegetation and habitats of France at 1:25,000 produced by the "
            "CarHab programme. It combines modelling, remote sensing and field surveys.",
        ),
        "habitats/habitats; végétation/vegetation; cartographie/mapping",
        "habitat-maps land-cover-classes",
        "france",
        "2011-01-01",
        freq="ANNUAL",
        lic="etalab",
        land=INPN,
        fmt="SHP",
        svc="inpn-api",
    ),
    ds(
        "natura2000-sites",
        "mnhn",
        "NATURA2000-FR",
        ("Sites Natura 2000 de France", "Natura 2000 sites in France"),
        (
            "Périmètres et formulaires standards des sites Natura 2000 désignés au titre des directives "
            "Habitats et Oiseaux. Les données listent les habitats et espèces d'intérêt communautaire.",
            "Boundaries and standard data forms of the Natura 2000 sites designated under the Habitats and "
            "Birds directives. The data list habitats and species of community interest.",
        ),
        "Natura 2000/Natura 2000; aires protégées/protected areas; directive Habitats/Habitats directive",
        "habitat-maps",
        "france",
        "1992-05-21",
        freq="ANNUAL",
        lic="etalab",
        land=INPN,
        fmt="SHP",
        svc="inpn-api",
        eu="ENVI REGI",
    ),
    ds(
        "planete-revisitee-expeditions",
        "mnhn",
        "MNHN-LPR",
        ("Expéditions La Planète Revisitée", "Our Planet Reviewed expeditions"),
        (
            "Spécimens et occurrences d'invertébrés marins et terrestres collectés lors des grandes "
            "expéditions naturalistes du Muséum. Les inventaires ciblent les points chauds de "
            "biodiversité méconnus.",
            "Specimens and occurrences of marine and terrestrial invertebrates collected during the large "
            "naturalist expeditions of the Muséum. The inventories target poorly known biodiversity "
            "hotspots.",
        ),
        "expéditions/expeditions; invertébrés/invertebrates; inventaire/inventory",
        "species-occurrences benthic-fauna",
        "global",
        "2006-01-01",
        freq="IRREG",
        land="https://www.laplaneterevisitee.org/",
        fmt="CSV",
        svc="gbif-api",
    ),
    ds(
        "tara-oceans-eukaryotic-plankton",
        "mnhn",
        "TARA-OCEANS-V9",
        (
            "Tara Oceans plancton eucaryote par métabarcoding",
            "Tara Oceans eukaryotic plankton metabarcoding",
        ),
        (
            "Séquences du marqueur ADNr 18S V9 et tables d'abondance des eucaryotes planctoniques "
            "échantillonnés par l'expédition Tara Oceans. Les échantillons couvrent tous les océans "
            "de 2009 à 2013.",
            "18S rDNA V9 marker sequences and abundance tables of planktonic eukaryotes sampled by the Tara "
            "Oceans expedition. The samples cover all oceans from 2009 to 2013.",
        ),
        "Tara Oceans/Tara Oceans; ADN environnemental/environmental DNA; plancton/plankton",
        "environmental-dna plankton",
        "global",
        "2009-09-01",
        "2013-12-31",
        land="https://fondationtaraocean.org/",
        vert=(-1000, 0),
        fmt="TXT",
        svc="gbif-api",
    ),
    ds(
        "tara-oceans-plankton-imaging",
        "mnhn",
        "TARA-OCEANS-IMG",
        ("Tara Oceans imagerie du plancton", "Tara Oceans plankton imaging"),
        (
            "Images et classifications du zooplancton et du phytoplancton acquises par FlowCam, ZooScan et "
            "UVP pendant Tara Oceans. Les données sont annotées sur la plateforme EcoTaxa.",
            "Images and classifications of zooplankton and phytoplankton acquired by FlowCam, ZooScan and "
            "UVP during Tara Oceans. The data are annotated on the EcoTaxa platform.",
        ),
        "imagerie/imaging; zooplancton/zooplankton; EcoTaxa/EcoTaxa",
        "plankton abundance",
        "global",
        "2009-09-01",
        "2013-12-31",
        land="https://ecotaxa.obs-vlfr.fr/",
        fmt="CSV",
        svc="gbif-api",
    ),
    ds(
        "crbpo-bird-ringing",
        "mnhn",
        "CRBPO",
        ("Baguage des oiseaux (CRBPO)", "Bird ringing (CRBPO)"),
        (
            "Captures et reprises d'oiseaux bagués coordonnées par le Centre de recherches sur la "
            "biologie des populations d'oiseaux. Ces données renseignent sur la survie et les "
            "migrations.",
            "Captures and recoveries of ringed birds coordinated by the French bird population biology "
            "research centre. These data inform on survival and migration.",
        ),
        "baguage/ringing; migration/migration; oiseaux/birds",
        "abundance species-occurrences",
        "europe",
        "1960-01-01",
        freq="ANNUAL",
        land="https://crbpo.mnhn.fr/",
        fmt="CSV",
        svc="gbif-api",
        access="RESTRICTED",
        taxa="aves",
    ),
]
