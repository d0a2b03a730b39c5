"""ODATIS (ocean) datasets of the demo catalogue."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

from .spec import ds

__all__ = ["DATASETS"]

CORIOLIS = "https://www.coriolis.eu.org/"
AVISO = "https://www.aviso.altimetry.fr/"
CERSAT = "https://cersat.ifremer.fr/"
SEANOE = "https://www.seanoe.org/"
SISMER = "https://data.ifremer.fr/SISMER"
CTOH = "http://ctoh.legos.obs-mip.fr/"

DATASETS = [
    ds(
        "argo-gdac-profiles",
        "coriolis",
        "10.17882/42182",
        ("Profils Argo du centre global de données (GDAC)", "Argo float profiles from the GDAC"),
        (
            "Profils de température et de salinité des flotteurs profilants Argo de 0 à 2000 m, collectés "
            "par le centre global de données Argo de Coriolis. Le réseau compte près de 4000 flotteurs "
            "actifs sur tous les océans.",
            "Temperature and salinity profiles from 0 to 2000 m by Argo profiling floats, gathered by the "
            "Coriolis Argo global data assembly centre. The array counts nearly 4000 active floats in all "
            "oceans.",
        ),
        "Argo/Argo; flotteurs profilants/profiling floats; hydrologie/hydrography",
        "ocean-temperature-profile salinity-profile",
        "global",
        "1999-01-01",
        freq="DAILY",
        land="https://argo.ucsd.edu/",
        vert=(-2000, 0),
        svc="argo-gdac",
        dist=[
            (
                "NETCDF",
                "https://data-argo.ifremer.fr/",
                "https://data-argo.ifremer.fr/dac/",
                "argo-gdac",
            ),
            (
                "CSV",
                "https://erddap.ifremer.fr/erddap/tabledap/ArgoFloats.html",
                None,
                "ifremer-erddap",
            ),
        ],
    ),
    ds(
        "argo-biogeochemical",
        "coriolis",
        "BGC-ARGO",
        ("Profils Argo biogéochimiques", "Biogeochemical Argo profiles"),
        (
            "Profils d'oxygène dissous, de nitrate, de pH et de chlorophylle mesurés par les flotteurs "
            "BGC-Argo. Les données ajustées en temps différé suivent les procédures de contrôle Argo.",
            "Dissolved oxygen, nitrate, pH and chlorophyll profiles measured by BGC-Argo floats. Delayed-mode "
            "adjusted data follow the Argo quality control procedures.",
        ),
        "BGC-Argo/BGC-Argo; oxygène/oxygen; nitrate/nitrate",
        "dissolved-oxygen nutrients ocean-ph chlorophyll-a deoxygenation",
        "global",
        "2008-01-01",
        freq="DAILY",
        land="https://biogeochemical-argo.org/",
        vert=(-2000, 0),
        svc="argo-gdac",
    ),
    ds(
        "cora-global-insitu",
        "coriolis",
        "CORA",
        (
            "CORA, base de données in situ pour les réanalyses",
            "CORA in situ dataset for reanalysis",
        ),
        (
            "Profils de température et de salinité contrôlés en qualité et rassemblés par Coriolis à partir "
            "des navires, flotteurs, mouillages et planeurs. CORA alimente les réanalyses océaniques "
            "globales.",
            "Quality-controlled temperature and salinity profiles gathered by Coriolis from ships, floats, "
            "moorings and gliders. CORA feeds global ocean reanalyses.",
        ),
        "CORA/CORA; réanalyse/reanalysis; contrôle qualité/quality control",
        "ocean-temperature-profile salinity-profile",
        "global",
        "1950-01-01",
        freq="ANNUAL",
        land=CORIOLIS,
        svc="ifremer-erddap",
    ),
    ds(
        "coriolis-nrt-insitu",
        "coriolis",
        "CORIOLIS-NRT-TS",
        (
            "Coriolis observations in situ en temps réel",
            "Coriolis near-real-time in situ observations",
        ),
        (
            "Observations de température et de salinité reçues chaque jour par Coriolis et diffusées en "
            "moins de 24 heures après contrôle automatique. Elles servent à l'océanographie "
            "opérationnelle.",
            "Temperature and salinity observations received daily by Coriolis and delivered within 24 hours "
            "after automatic checks. They serve operational oceanography.",
        ),
        "temps réel/near real time; océanographie opérationnelle/operational oceanography",
        "ocean-temperature-profile salinity-profile sea-surface-temperature",
        "global",
        "2001-01-01",
        freq="DAILY",
        land=CORIOLIS,
        svc="ifremer-erddap",
    ),
    ds(
        "isas-gridded-analysis",
        "coriolis",
        "ISAS20",
        (
            "ISAS analyse mensuelle de température et salinité",
            "ISAS monthly temperature and salinity analysis",
        ),
        (
            "Champs mensuels de température et de salinité sur 187 niveaux produits par interpolation "
            "optimale des profils Argo et in situ. ISAS est développé au LOPS et diffusé par Coriolis.",
            "Monthly temperature and salinity fields on 187 levels produced by optimal interpolation of "
            "Argo and in situ profiles. ISAS is developed at LOPS and distributed by Coriolis.",
        ),
        "analyse objective/objective analysis; ISAS/ISAS; climatologie/climatology",
        "ocean-temperature-profile salinity-profile temperature-anomaly",
        "global",
        "2002-01-01",
        freq="ANNUAL",
        land=SEANOE,
        svc="ifremer-thredds",
    ),
    ds(
        "coriolis-gliders",
        "coriolis",
        "CORIOLIS-GLIDERS",
        ("Sections des planeurs sous-marins", "Underwater glider sections"),
        (
            "Profils à haute résolution de température, salinité et oxygène mesurés par les planeurs "
            "sous-marins européens et collectés par Coriolis. Les sections répétées documentent les "
            "courants de bord et la convection.",
            "High-resolution temperature, salinity and oxygen profiles measured by European underwater "
            "gliders and gathered by Coriolis. Repeated sections document boundary currents and "
            "convection.",
        ),
        "planeurs/gliders; sections/sections; Méditerranée/Mediterranean",
        "ocean-temperature-profile salinity-profile dissolved-oxygen",
        "mediterranean",
        "2008-01-01",
        freq="DAILY",
        land=CORIOLIS,
        vert=(-1000, 0),
        svc="ifremer-erddap",
    ),
    ds(
        "gosud-thermosalinographs",
        "coriolis",
        "GOSUD",
        (
            "GOSUD salinité de surface des thermosalinographes",
            "GOSUD thermosalinograph surface salinity",
        ),
        (
            "Température et salinité de surface mesurées en route par les thermosalinographes des navires "
            "de recherche et d'opportunité. Le projet GOSUD en assure la collecte et le contrôle.",
            "Sea surface temperature and salinity measured underway by the thermosalinographs of research "
            "and voluntary ships. The GOSUD project collects and checks these data.",
        ),
        "thermosalinographe/thermosalinograph; navires/ships; GOSUD/GOSUD",
        "sea-surface-salinity sea-surface-temperature",
        "global",
        "2001-01-01",
        freq="MONTHLY",
        land="https://www.gosud.org/",
        svc="ifremer-erddap",
    ),
    ds(
        "sismer-ctd-cruises",
        "sismer",
        "SISMER-CTD",
        ("SISMER profils CTD des campagnes françaises", "SISMER CTD profiles from French cruises"),
        (
            "Profils de conductivité, température et pression acquis lors des campagnes de la Flotte "
            "océanographique française et archivés par SISMER. Chaque profil est rattaché à sa campagne "
            "et à son navire.",
            "Conductivity, temperature and depth profiles acquired during cruises of the French "
            "oceanographic fleet and archived by SISMER. Each profile is linked to its cruise and "
            "vessel.",
        ),
        "CTD/CTD; campagnes/cruises; Flotte océanographique/oceanographic fleet",
        "ocean-temperature-profile salinity-profile",
        "global",
        "1960-01-01",
        freq="IRREG",
        land=SISMER,
        svc="sextant-csw",
    ),
    ds(
        "sismer-multibeam-bathymetry",
        "sismer",
        "SISMER-MBES",
        ("SISMER bathymétrie multifaisceau", "SISMER multibeam bathymetry"),
        (
            "Données brutes et traitées des sondeurs multifaisceaux des navires de l'Ifremer et de la Flotte "
            "océanographique française. Elles décrivent la profondeur et la morphologie des fonds.",
            "Raw and processed data of the multibeam echosounders of Ifremer and French oceanographic fleet "
            "vessels. They describe seafloor depth and morphology.",
        ),
        "bathymétrie/bathymetry; sondeur multifaisceau/multibeam echosounder",
        "seafloor-depth",
        "global",
        "1990-01-01",
        freq="IRREG",
        land=SISMER,
        svc="sextant-csw",
        fmt="BIN",
    ),
    ds(
        "ifremer-bathymetric-dtm",
        "sismer",
        "MNT-BATHY-ATL",
        ("MNT bathymétrique des côtes françaises", "Bathymetric DTM of the French coasts"),
        (
            "Modèle numérique de terrain bathymétrique des façades Atlantique, Manche et Méditerranée "
            "compilé par l'Ifremer. Le maillage fin est adapté à la modélisation côtière.",
            "Bathymetric digital terrain model of the French Atlantic, Channel and Mediterranean coasts "
            "compiled by Ifremer. The fine grid suits coastal modelling.",
        ),
        "MNT/DTM; bathymétrie/bathymetry; côtes/coasts",
        "seafloor-depth elevation shoreline-change",
        "french-coasts",
        "2008-01-01",
        "2018-12-31",
        land="https://sextant.ifremer.fr/",
        fmt="GEOTIFF",
        svc="sextant-wms",
        lic="etalab",
    ),
    ds(
        "sismer-sediment-cores",
        "sismer",
        "SISMER-CORES",
        ("Carottes sédimentaires de l'Ifremer", "Ifremer sediment cores"),
        (
            "Inventaire et mesures des carottes sédimentaires prélevées lors des campagnes françaises, "
            "dont les carottes géantes Calypso du Marion Dufresne. Ces archives servent à reconstruire "
            "les climats passés.",
            "Inventory and measurements of sediment cores taken during French cruises, including the "
            "Calypso giant cores of the Marion Dufresne. These archives are used to reconstruct past "
            "climates.",
        ),
        "carottes/cores; paléoclimat/palaeoclimate; sédiments/sediments",
        "sediment-cores",
        "global",
        "1970-01-01",
        freq="IRREG",
        land=SISMER,
        fmt="CSV",
        svc="sextant-csw",
    ),
    ds(
        "rephy-phytoplankton",
        "seanoe",
        "10.17882/47248",
        ("REPHY phytoplancton et hydrologie côtière", "REPHY coastal phytoplankton and hydrology"),
        (
            "Observations du phytoplancton et des paramètres hydrologiques des eaux côtières françaises "
            "depuis 1987 par le réseau REPHY de l'Ifremer. Le jeu de données est publié sur SEANOE.",
            "Observations of phytoplankton and hydrological parameters in French coastal waters since 1987 "
            "by the Ifremer REPHY network. The dataset is published on SEANOE.",
        ),
        "phytoplancton/phytoplankton; REPHY/REPHY; eaux côtières/coastal waters",
        "plankton chlorophyll-a nutrients",
        "french-coasts",
        "1987-01-01",
        freq="ANNUAL",
        land=SEANOE,
        fmt="CSV",
        svc="seanoe-oai",
    ),
    ds(
        "smos-sea-surface-salinity",
        "cersat",
        "SMOS-L3-SSS-CATDS",
        (
            "SMOS salinité de surface de la mer niveau 3 (CATDS)",
            "SMOS level 3 sea surface salinity (CATDS)",
        ),
        (
            "Cartes de salinité de surface de la mer restituées à partir du radiomètre interférométrique "
            "SMOS et produites par le centre d'expertise CATDS. Les moyennes sur 9 et 18 jours sont "
            "fournies sur grille EASE.",
            "Sea surface salinity maps retrieved from the SMOS interferometric radiometer and produced by "
            "the CATDS expertise centre. Nine and eighteen day averages are provided on the EASE grid.",
        ),
        "SMOS/SMOS; salinité/salinity; bande L/L-band",
        "sea-surface-salinity",
        "global",
        "2010-01-15",
        freq="DAILY",
        land="https://www.catds.fr/",
        svc="cersat-ftp",
    ),
    ds(
        "osisaf-sea-ice-concentration",
        "cersat",
        "OSI-401-b",
        ("OSI SAF concentration de la glace de mer", "OSI SAF sea ice concentration"),
        (
            "Concentration journalière de la glace de mer dans les deux hémisphères à partir des "
            "radiomètres hyperfréquences SSMIS et AMSR2. Le produit est issu de l'OSI SAF d'EUMETSAT.",
            "Daily sea ice concentration in both hemispheres from the SSMIS and AMSR2 microwave radiometers. "
            "The product comes from the EUMETSAT OSI SAF.",
        ),
        "glace de mer/sea ice; OSI SAF/OSI SAF; hyperfréquences/microwave",
        "sea-ice-concentration",
        "polar",
        "2005-10-01",
        freq="DAILY",
        land="https://osi-saf.eumetsat.int/",
        svc="cersat-ftp",
    ),
    ds(
        "cryosat-sea-ice-thickness",
        "ctoh",
        "CTOH-CS2-SIT",
        ("Épaisseur de la glace de mer arctique CryoSat-2", "CryoSat-2 Arctic sea ice thickness"),
        (
            "Épaisseur de la glace de mer arctique estimée à partir du franc-bord mesuré par l'altimètre "
            "radar de CryoSat-2. Les cartes mensuelles couvrent les saisons de croissance de la glace.",
            "Arctic sea ice thickness estimated from the freeboard measured by the CryoSat-2 radar "
            "altimeter. Monthly maps cover the ice growth seasons.",
        ),
        "CryoSat-2/CryoSat-2; glace de mer/sea ice; Arctique/Arctic",
        "sea-ice-thickness",
        "arctic",
        "2010-11-01",
        freq="MONTHLY",
        land=CTOH,
        svc="aviso-thredds",
    ),
    ds(
        "odyssea-sst",
        "cersat",
        "ODYSSEA-GLOB-SST",
        ("ODYSSEA température de surface de la mer", "ODYSSEA sea surface temperature analysis"),
        (
            "Analyse journalière de la température de surface de la mer à 10 km obtenue en fusionnant "
            "les capteurs infrarouges et hyperfréquences. Le système ODYSSEA est opéré par l'Ifremer.",
            "Daily sea surface temperature analysis at 10 km obtained by merging infrared and microwave "
            "sensors. The ODYSSEA system is run by Ifremer.",
        ),
        "température de surface/sea surface temperature; ODYSSEA/ODYSSEA; GHRSST/GHRSST",
        "sea-surface-temperature marine-heatwaves",
        "global",
        "2007-01-01",
        freq="DAILY",
        land=CERSAT,
        svc="ifremer-thredds",
    ),
    ds(
        "cfosat-swim-waves",
        "cersat",
        "CFOSAT-SWIM-L2",
        ("CFOSAT/SWIM spectres de vagues", "CFOSAT/SWIM wave spectra"),
        (
            "Spectres directionnels de vagues et hauteur significative mesurés par le radar SWIM du "
            "satellite franco-chinois CFOSAT. L'Ifremer produit et diffuse les produits de niveau 2.",
            "Directional wave spectra and significant wave height measured by the SWIM radar of the "
            "French-Chinese CFOSAT satellite. Ifremer produces and distributes the level 2 products.",
        ),
        "vagues/waves; CFOSAT/CFOSAT; spectre/spectrum",
        "significant-wave-height",
        "global",
        "2019-04-01",
        freq="DAILY",
        land=CERSAT,
        svc="cersat-ftp",
    ),
    ds(
        "ascat-gridded-winds",
        "cersat",
        "IFR-ASCAT-DAILY",
        ("Champs de vent ASCAT sur grille", "ASCAT gridded wind fields"),
        (
            "Vent de surface journalier sur les océans à 0,25° estimé à partir des diffusiomètres ASCAT "
            "des satellites Metop. Les champs sont produits par l'Ifremer.",
            "Daily ocean surface wind at 0.25 degree estimated from the ASCAT scatterometers on the Metop "
            "satellites. The fields are produced by Ifremer.",
        ),
        "vent/wind; diffusiomètre/scatterometer; ASCAT/ASCAT",
        "wind-speed wind-direction",
        "global",
        "2007-04-01",
        freq="DAILY",
        land=CERSAT,
        svc="cersat-ftp",
    ),
    ds(
        "altimeter-wave-climate",
        "cersat",
        "IFR-ALTI-SWH",
        ("Hauteur des vagues par altimétrie multi-missions", "Multi-mission altimeter wave height"),
        (
            "Hauteur significative des vagues calibrée et inter-comparée à partir de toutes les missions "
            "altimétriques depuis 1992. Le produit sert aux études de climatologie des vagues.",
            "Calibrated and cross-compared significant wave height from all altimeter missions since 1992. "
            "The product supports wave climate studies.",
        ),
        "altimétrie/altimetry; vagues/waves; climat/climate",
        "significant-wave-height",
        "global",
        "1992-01-01",
        freq="MONTHLY",
        land=CERSAT,
        svc="cersat-ftp",
    ),
    ds(
        "globcolour-chlorophyll",
        "cersat",
        "GLOBCOLOUR-CHL1",
        ("GlobColour chlorophylle-a multi-capteurs", "GlobColour multi-sensor chlorophyll-a"),
        (
            "Concentration en chlorophylle-a de surface issue de la fusion des capteurs de couleur de "
            "l'océan SeaWiFS, MODIS, MERIS, VIIRS et OLCI. La série GlobColour commence en 1997.",
            "Surface chlorophyll-a concentration from merged SeaWiFS, MODIS, MERIS, VIIRS and OLCI ocean "
            "colour sensors. The GlobColour record starts in 1997.",
        ),
        "couleur de l'océan/ocean colour; chlorophylle/chlorophyll; GlobColour/GlobColour",
        "chlorophyll-a suspended-particulate-matter",
        "global",
        "1997-09-01",
        freq="DAILY",
        land="https://www.globcolour.info/",
        svc="ifremer-thredds",
    ),
    ds(
        "duacs-sea-level-anomaly",
        "aviso",
        "DUACS-L4-SLA",
        ("DUACS anomalies du niveau de la mer (niveau 4)", "DUACS sea level anomalies (level 4)"),
        (
            "Cartes journalières d'anomalie du niveau de la mer et de courants géostrophiques calculées "
            "par le système DUACS à partir de toutes les missions altimétriques. La série commence en "
            "1993.",
            "Daily maps of sea level anomaly and geostrophic currents computed by the DUACS system from all "
            "altimeter missions. The record starts in 1993.",
        ),
        "altimétrie/altimetry; DUACS/DUACS; courants géostrophiques/geostrophic currents",
        "sea-level-anomaly sea-surface-height ocean-currents sea-level-rise",
        "global",
        "1993-01-01",
        freq="DAILY",
        land=AVISO,
        svc="aviso-thredds",
    ),
    ds(
        "jason3-gdr",
        "aviso",
        "JA3_GPN_2P",
        ("Jason-3 enregistrements géophysiques (GDR)", "Jason-3 geophysical data records (GDR)"),
        (
            "Mesures le long de la trace de hauteur de mer, de hauteur des vagues et de vent de l'altimètre "
            "Poseidon-3B de Jason-3. Les GDR incluent toutes les corrections géophysiques.",
            "Along-track sea surface height, wave height and wind measurements from the Jason-3 Poseidon-3B "
            "altimeter. The GDRs include all geophysical corrections.",
        ),
        "Jason-3/Jason-3; altimètre/altimeter; GDR/GDR",
        "sea-surface-height significant-wave-height",
        "global",
        "2016-02-12",
        freq="DAILY",
        land=AVISO,
        svc="aviso-thredds",
    ),
    ds(
        "sentinel3-sral-sea-level",
        "aviso",
        "S3-SRAL-L2-SSH",
        ("Sentinel-3 SRAL hauteur de mer niveau 2", "Sentinel-3 SRAL level 2 sea surface height"),
        (
            "Hauteur de la surface de la mer mesurée par l'altimètre SAR SRAL des satellites Sentinel-3A "
            "et 3B. Le mode SAR améliore la résolution le long de la trace près des côtes.",
            "Sea surface height measured by the SRAL SAR altimeter of the Sentinel-3A and 3B satellites. "
            "SAR mode improves along-track resolution near the coasts.",
        ),
        "Sentinel-3/Sentinel-3; SAR/SAR; Copernicus/Copernicus",
        "sea-surface-height sea-level-anomaly",
        "global",
        "2016-03-01",
        freq="DAILY",
        land=AVISO,
        svc="aviso-thredds",
    ),
    ds(
        "swot-l2-lr-ssh",
        "aviso",
        "SWOT_L2_LR_SSH",
        (
            "SWOT hauteur de mer large fauchée (KaRIn L2)",
            "SWOT wide-swath sea surface height (KaRIn L2)",
        ),
        (
            "Hauteur de la surface de la mer sur deux fauchées de 50 km mesurée par l'interféromètre "
            "KaRIn de la mission SWOT. Le produit résout des structures océaniques de 15 à 30 km.",
            "Sea surface height over two 50 km swaths measured by the KaRIn interferometer of the SWOT "
            "mission. The product resolves ocean features of 15 to 30 km.",
        ),
        "SWOT/SWOT; interférométrie/interferometry; sous-méso-échelle/submesoscale",
        "sea-surface-height sea-level-anomaly",
        "global",
        "2023-03-29",
        freq="DAILY",
        land=AVISO,
        svc="aviso-thredds",
    ),
    ds(
        "cnes-cls-mdt",
        "aviso",
        "MDT_CNES-CLS18",
        ("Topographie dynamique moyenne CNES-CLS18", "CNES-CLS18 mean dynamic topography"),
        (
            "Topographie dynamique moyenne de l'océan calculée à partir de l'altimétrie, de la gravimétrie "
            "GOCE et des données in situ. Elle permet de reconstruire la hauteur absolue de la mer.",
            "Mean dynamic topography of the ocean computed from altimetry, GOCE gravimetry and in situ data. "
            "It allows absolute sea level to be reconstructed.",
        ),
        "topographie dynamique/dynamic topography; géoïde/geoid; circulation/circulation",
        "sea-surface-height ocean-currents",
        "global",
        "1993-01-01",
        "2012-12-31",
        land=AVISO,
        svc="aviso-thredds",
        issued="2019-06-01",
        modified="2019-06-01",
    ),
    ds(
        "fes2014-tides",
        "aviso",
        "FES2014",
        ("Atlas de marées océaniques FES2014", "FES2014 ocean tide atlas"),
        (
            "Élévations et courants de marée de 34 composantes calculés par assimilation des données "
            "altimétriques dans un modèle hydrodynamique. FES2014 sert à corriger les mesures "
            "altimétriques.",
            "Tidal elevations and currents for 34 constituents computed by assimilating altimetry into a "
            "hydrodynamic model. FES2014 is used to correct altimeter measurements.",
        ),
        "marée/tide; FES/FES; atlas/atlas",
        "sea-surface-height ocean-currents",
        "global",
        "1993-01-01",
        "2014-12-31",
        land=AVISO,
        svc="aviso-thredds",
        issued="2016-01-01",
        modified="2017-05-01",
    ),
    ds(
        "xtrack-coastal-altimetry",
        "ctoh",
        "X-TRACK-L2P",
        ("X-TRACK altimétrie côtière le long des traces", "X-TRACK along-track coastal altimetry"),
        (
            "Anomalies du niveau de la mer le long des traces retraitées par le logiciel X-TRACK pour "
            "améliorer les mesures près des côtes. Les produits régionaux couvrent notamment la "
            "Méditerranée et l'Atlantique Nord-Est.",
            "Along-track sea level anomalies reprocessed by the X-TRACK software to improve measurements "
            "near the coasts. Regional products cover in particular the Mediterranean and the North-East "
            "Atlantic.",
        ),
        "altimétrie côtière/coastal altimetry; X-TRACK/X-TRACK; niveau de la mer/sea level",
        "sea-level-anomaly sea-level-rise",
        "mediterranean",
        "1993-01-01",
        freq="ANNUAL",
        land=CTOH,
        svc="aviso-thredds",
    ),
    ds(
        "ctoh-ice-sheet-elevation",
        "ctoh",
        "CTOH-ICESHEET-DH",
        (
            "Variations d'altitude des calottes polaires par altimétrie",
            "Ice sheet elevation change from altimetry",
        ),
        (
            "Variations d'altitude de surface des calottes antarctique et groenlandaise calculées à partir "
            "des altimètres radar depuis 1992. Elles servent à estimer le bilan de masse des calottes.",
            "Surface elevation change of the Antarctic and Greenland ice sheets computed from radar "
            "altimeters since 1992. They are used to estimate ice sheet mass balance.",
        ),
        "calotte polaire/ice sheet; altimétrie/altimetry; bilan de masse/mass balance",
        "glacier-mass-balance elevation",
        "antarctic",
        "1992-01-01",
        freq="ANNUAL",
        land=CTOH,
        svc="aviso-thredds",
    ),
    ds(
        "ovide-hydrography",
        "seanoe",
        "OVIDE",
        (
            "Section hydrographique OVIDE (Atlantique Nord)",
            "OVIDE hydrographic section (North Atlantic)",
        ),
        (
            "Mesures hydrographiques répétées tous les deux ans entre le Portugal et le Groenland depuis "
            "2002. La section OVIDE suit la circulation méridienne de retournement de l'Atlantique.",
            "Hydrographic measurements repeated every two years between Portugal and Greenland since 2002. "
            "The OVIDE section monitors the Atlantic meridional overturning circulation.",
        ),
        "OVIDE/OVIDE; circulation méridienne/overturning circulation; CTD/CTD",
        "ocean-temperature-profile salinity-profile dissolved-oxygen ocean-currents",
        "ovide",
        "2002-06-01",
        freq="IRREG",
        land=SEANOE,
        fmt="CSV",
        svc="seanoe-oai",
    ),
    ds(
        "snapo-co2",
        "seanoe",
        "SNAPO-CO2",
        ("SNAPO-CO2 système des carbonates océaniques", "SNAPO-CO2 ocean carbonate system"),
        (
            "Mesures d'alcalinité totale et de carbone inorganique dissous réalisées par le service "
            "national d'analyse SNAPO-CO2 du LOCEAN. Les données couvrent les campagnes et les "
            "observatoires français.",
            "Total alkalinity and dissolved inorganic carbon measurements made by the SNAPO-CO2 national "
            "analysis facility at LOCEAN. The data cover French cruises and observatories.",
        ),
        "carbonates/carbonates; alcalinité/alkalinity; acidification/acidification",
        "seawater-pco2 ocean-ph",
        "global",
        "1993-01-01",
        freq="ANNUAL",
        land=SEANOE,
        fmt="CSV",
        svc="seanoe-oai",
    ),
    ds(
        "pirata-moorings",
        "seanoe",
        "PIRATA",
        ("Mouillages PIRATA de l'Atlantique tropical", "PIRATA tropical Atlantic moorings"),
        (
            "Température, salinité et météorologie mesurées par les bouées ancrées du réseau PIRATA dans "
            "l'Atlantique tropical. Le réseau est opéré par la France, le Brésil et les États-Unis.",
            "Temperature, salinity and meteorology measured by the moored buoys of the PIRATA array in "
            "the tropical Atlantic. The array is operated by France, Brazil and the United States.",
        ),
        "PIRATA/PIRATA; bouées/buoys; Atlantique tropical/tropical Atlantic",
        "sea-surface-temperature ocean-temperature-profile wind-speed",
        "tropical-atlantic",
        "1997-09-01",
        freq="DAILY",
        land="https://www.brest.ird.fr/pirata/",
        vert=(-500, 0),
        svc="ifremer-erddap",
    ),
    ds(
        "dyfamed-time-series",
        "seanoe",
        "DYFAMED",
        ("Série temporelle DYFAMED (mer Ligure)", "DYFAMED time series (Ligurian Sea)"),
        (
            "Mesures mensuelles de nutriments, d'oxygène et de chlorophylle au site DYFAMED, au large de "
            "Nice. La série documente la biogéochimie de la Méditerranée nord-occidentale.",
            "Monthly measurements of nutrients, oxygen and chlorophyll at the DYFAMED site off Nice. The "
            "record documents the biogeochemistry of the north-western Mediterranean.",
        ),
        "DYFAMED/DYFAMED; nutriments/nutrients; série temporelle/time series",
        "nutrients dissolved-oxygen chlorophyll-a",
        "dyfamed",
        "1991-01-01",
        freq="MONTHLY",
        land=SEANOE,
        vert=(-2000, 0),
        fmt="CSV",
        svc="seanoe-oai",
    ),
    ds(
        "evhoe-bottom-trawl",
        "sismer",
        "EVHOE",
        ("Campagnes EVHOE de chalutage de fond", "EVHOE bottom trawl surveys"),
        (
            "Captures par espèce, tailles et abondances relevées lors des campagnes annuelles EVHOE de "
            "l'Ifremer dans le golfe de Gascogne et en mer Celtique depuis 1987. Les données servent à "
            "l'évaluation des stocks halieutiques.",
            "Catches per species, lengths and abundances recorded during the annual Ifremer EVHOE surveys "
            "in the Bay of Biscay and Celtic Sea since 1987. The data support fish stock assessment.",
        ),
        "halieutique/fisheries; chalutage/trawling; golfe de Gascogne/Bay of Biscay",
        "fish-stocks benthic-fauna abundance",
        "bay-of-biscay",
        "1987-10-01",
        freq="ANNUAL",
        land=SISMER,
        fmt="CSV",
        svc="sextant-csw",
        eu="ENVI AGRI",
    ),
    ds(
        "rebent-benthic-habitats",
        "sismer",
        "REBENT",
        (
            "REBENT habitats et faune benthiques de Bretagne",
            "REBENT benthic habitats and fauna of Brittany",
        ),
        (
            "Cartographie des habitats benthiques côtiers et inventaires de la macrofaune réalisés par le "
            "réseau REBENT en Bretagne. Les données suivent l'état des herbiers et des fonds meubles.",
            "Mapping of coastal benthic habitats and macrofauna inventories by the REBENT network in "
            "Brittany. The data monitor seagrass beds and soft bottoms.",
        ),
        "benthos/benthos; habitats/habitats; herbiers/seagrass",
        "benthic-fauna habitat-maps",
        "brittany",
        "2003-01-01",
        freq="ANNUAL",
        land="https://sextant.ifremer.fr/",
        fmt="SHP",
        svc="sextant-wms",
        lic="etalab",
    ),
]
