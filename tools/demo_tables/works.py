"""Real publications and software of the demo catalogue."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

from .spec import Publication, Software

__all__ = ["PUBLICATIONS", "SOFTWARE"]

P = Publication
PUBLICATIONS = [
    P(
        "petzold-2015-iagos",
        "Global-scale atmosphere monitoring by in-service aircraft – current achievements and future "
        "prospects of the European Research Infrastructure IAGOS",
        "Surveillance de l'atmosphère à l'échelle globale par avions de ligne : acquis et perspectives "
        "de l'infrastructure de recherche européenne IAGOS",
        ("Petzold, Andreas", "Thouret, Valérie", "Gerbig, Christoph", "Zahn, Andreas"),
        2015,
        "Tellus B: Chemical and Physical Meteorology",
        "10.3402/tellusb.v67.28452",
        ("iagos-ozone", "iagos-carbon-monoxide", "iagos-water-vapour", "iagos-greenhouse-gases"),
    ),
    P(
        "winker-2009-calipso",
        "Overview of the CALIPSO Mission and CALIOP Data Processing Algorithms",
        "Présentation de la mission CALIPSO et des algorithmes de traitement des données CALIOP",
        ("Winker, David M.", "Vaughan, Mark A.", "Omar, Ali", "Hu, Yongxiang"),
        2009,
        "Journal of Atmospheric and Oceanic Technology",
        "10.1175/2009JTECHA1281.1",
        (
            "calipso-caliop-l1b",
            "calipso-caliop-l2-aerosol-profile",
            "calipso-caliop-l2-cloud-layers",
        ),
    ),
    P(
        "wong-2020-argo",
        "Argo Data 1999–2019: Two Million Temperature-Salinity Profiles and Subsurface Velocity "
        "Observations From a Global Array of Profiling Floats",
        "Données Argo 1999-2019 : deux millions de profils de température et salinité et de vitesses "
        "subsurface issus d'un réseau global de flotteurs profilants",
        ("Wong, Annie P. S.", "Wijffels, Susan E.", "Riser, Stephen C."),
        2020,
        "Frontiers in Marine Science",
        "10.3389/fmars.2020.00700",
        ("argo-gdac-profiles", "argo-biogeochemical"),
    ),
    P(
        "gascoin-2019-theia-snow",
        "Theia Snow collection: high-resolution operational snow cover maps from Sentinel-2 and "
        "Landsat-8 data",
        "Collection Theia Neige : cartes opérationnelles de couverture neigeuse à haute résolution "
        "à partir de Sentinel-2 et Landsat-8",
        (
            "Gascoin, Simon",
            "Grizonnet, Manuel",
            "Bouchet, Marine",
            "Salgues, Germain",
            "Hagolle, Olivier",
        ),
        2019,
        "Earth System Science Data",
        "10.5194/essd-11-493-2019",
        ("theia-snow-sentinel2", "theia-snow-cover-duration"),
    ),
    P(
        "inglada-2017-oso",
        "Operational High Resolution Land Cover Map Production at the Country Scale Using Satellite "
        "Image Time Series",
        "Production opérationnelle de cartes d'occupation des sols à haute résolution à l'échelle "
        "nationale à partir de séries temporelles d'images satellitaires",
        (
            "Inglada, Jordi",
            "Vincent, Arthur",
            "Arias, Marcela",
            "Tardy, Benjamin",
            "Morin, David",
            "Rodes, Isabel",
        ),
        2017,
        "Remote Sensing",
        "10.3390/rs9010095",
        ("oso-land-cover-2018", "oso-land-cover-2019", "oso-land-cover-2020"),
    ),
    P(
        "clerbaux-2009-iasi",
        "Monitoring of atmospheric composition using the thermal infrared IASI/MetOp sounder",
        "Surveillance de la composition atmosphérique avec le sondeur infrarouge thermique IASI/MetOp",
        (
            "Clerbaux, Cathy",
            "Boynard, Anne",
            "Clarisse, Lieven",
            "George, Maya",
            "Hadji-Lazaro, Juliette",
        ),
        2009,
        "Atmospheric Chemistry and Physics",
        "10.5194/acp-9-6041-2009",
        ("iasi-ozone", "iasi-carbon-monoxide", "iasi-sulphur-dioxide"),
    ),
    P(
        "vandamme-2018-ammonia",
        "Industrial and agricultural ammonia point sources exposed",
        "Mise en évidence des sources ponctuelles industrielles et agricoles d'ammoniac",
        (
            "Van Damme, Martin",
            "Clarisse, Lieven",
            "Whitburn, Simon",
            "Hadji-Lazaro, Juliette",
            "Hurtmans, Daniel",
            "Clerbaux, Cathy",
            "Coheur, Pierre-François",
        ),
        2018,
        "Nature",
        "10.1038/s41586-018-0747-1",
        ("iasi-ammonia",),
    ),
    P(
        "hagolle-2010-cloud-detection",
        "A multi-temporal method for cloud detection, applied to FORMOSAT-2, VENµS, LANDSAT and "
        "SENTINEL-2 images",
        "Une méthode multi-temporelle de détection des nuages appliquée aux images FORMOSAT-2, VENµS, "
        "LANDSAT et SENTINEL-2",
        ("Hagolle, Olivier", "Huc, Mireille", "Villa Pascual, David", "Dedieu, Gérard"),
        2010,
        "Remote Sensing of Environment",
        "10.1016/j.rse.2010.03.002",
        ("sentinel2-l2a-maja", "venus-l2a"),
    ),
    P(
        "hagolle-2015-maja-aot",
        "A Multi-Temporal and Multi-Spectral Method to Estimate Aerosol Optical Thickness over Land, "
        "for the Atmospheric Correction of FormoSat-2, LandSat, VENμS and Sentinel-2 Images",
        "Une méthode multi-temporelle et multi-spectrale d'estimation de l'épaisseur optique des "
        "aérosols sur terre pour la correction atmosphérique des images FormoSat-2, Landsat, VENµS "
        "et Sentinel-2",
        ("Hagolle, Olivier", "Huc, Mireille", "Villa Pascual, David", "Dedieu, Gérard"),
        2015,
        "Remote Sensing",
        "10.3390/rs70302668",
        ("sentinel2-l2a-maja", "landsat8-l2a-maja"),
    ),
    P(
        "stevens-2021-eurec4a",
        "EUREC4A",
        "EUREC4A",
        ("Stevens, Bjorn", "Bony, Sandrine", "Farrell, David", "Ament, Felix"),
        2021,
        "Earth System Science Data",
        "10.5194/essd-13-4067-2021",
        ("eurec4a-atr42", "eurec4a-radiosondes"),
    ),
    P(
        "redelsperger-2006-amma",
        "African Monsoon Multidisciplinary Analysis: An International Research Project and Field "
        "Campaign",
        "Analyse multidisciplinaire de la mousson africaine : un projet de recherche et une campagne "
        "de terrain internationaux",
        (
            "Redelsperger, Jean-Luc",
            "Thorncroft, Chris D.",
            "Diedhiou, Arona",
            "Lebel, Thierry",
            "Parker, Douglas J.",
            "Polcher, Jan",
        ),
        2006,
        "Bulletin of the American Meteorological Society",
        "10.1175/BAMS-87-12-1739",
        ("amma-radiosondes", "amma-atr42-aircraft", "mbour-aeronet"),
    ),
    P(
        "drobinski-2014-hymex",
        "HyMeX: A 10-Year Multidisciplinary Program on the Mediterranean Water Cycle",
        "HyMeX : un programme multidisciplinaire de 10 ans sur le cycle de l'eau en Méditerranée",
        ("Drobinski, Philippe", "Ducrocq, Véronique", "Alpert, Pinhas"),
        2014,
        "Bulletin of the American Meteorological Society",
        "10.1175/BAMS-D-12-00242.1",
        ("hymex-sop1-precipitation", "hymex-lightning"),
    ),
    P(
        "kerr-2010-smos",
        "The SMOS Mission: New Tool for Monitoring Key Elements of the Global Water Cycle",
        "La mission SMOS : un nouvel outil de suivi d'éléments clés du cycle global de l'eau",
        ("Kerr, Yann H.", "Waldteufel, Philippe", "Wigneron, Jean-Pierre"),
        2010,
        "Proceedings of the IEEE",
        "10.1109/JPROC.2010.2043032",
        ("smos-l3-soil-moisture", "smos-sea-surface-salinity"),
    ),
    P(
        "cretaux-2011-hydroweb",
        "SOLS: A lake database to monitor in the Near Real Time water level and storage variations "
        "from remote sensing data",
        "SOLS : une base de données de lacs pour suivre en temps quasi réel les variations de niveau "
        "et de volume par télédétection",
        ("Crétaux, Jean-François", "Jelinski, W.", "Calmant, Stéphane"),
        2011,
        "Advances in Space Research",
        "10.1016/j.asr.2011.01.004",
        ("hydroweb-lakes",),
    ),
    P(
        "gaillardet-2018-ozcar",
        "OZCAR: The French Network of Critical Zone Observatories",
        "OZCAR : le réseau français des observatoires de la zone critique",
        ("Gaillardet, Jérôme", "Braud, Isabelle", "Hankard, Fatim"),
        2018,
        "Vadose Zone Journal",
        "10.2136/vzj2018.04.0067",
        ("ozcar-amma-catch", "ozcar-agrhys", "ozcar-strengbach", "ozcar-orgeval"),
    ),
    P(
        "thollard-2021-flatsim",
        "FLATSIM: The ForM@Ter LArge-Scale Multi-Temporal Sentinel-1 InterferoMetry Service",
        "FLATSIM : le service ForM@Ter d'interférométrie multi-temporelle Sentinel-1 à grande échelle",
        ("Thollard, Franck", "Clesse, Dominique", "Doin, Marie-Pierre"),
        2021,
        "Remote Sensing",
        "10.3390/rs13183734",
        ("flatsim-tibet", "flatsim-afar", "flatsim-central-andes"),
    ),
    P(
        "beyreuther-2010-obspy",
        "ObsPy: A Python Toolbox for Seismology",
        "ObsPy : une boîte à outils Python pour la sismologie",
        (
            "Beyreuther, Moritz",
            "Barsch, Robert",
            "Krischer, Lion",
            "Megies, Tobias",
            "Behr, Yannik",
            "Wassermann, Joachim",
        ),
        2010,
        "Seismological Research Letters",
        "10.1785/gssrl.81.3.530",
        ("resif-fr-broadband",),
    ),
    P(
        "devargas-2015-tara",
        "Eukaryotic plankton diversity in the sunlit ocean",
        "Diversité du plancton eucaryote dans l'océan éclairé",
        ("de Vargas, Colomban", "Audic, Stéphane", "Henry, Nicolas"),
        2015,
        "Science",
        "10.1126/science.1261605",
        ("tara-oceans-eukaryotic-plankton",),
    ),
    P(
        "pesant-2015-tara-data",
        "Open science resources for the discovery and analysis of Tara Oceans data",
        "Ressources de science ouverte pour la découverte et l'analyse des données Tara Oceans",
        ("Pesant, Stéphane", "Not, Fabrice", "Picheral, Marc"),
        2015,
        "Scientific Data",
        "10.1038/sdata.2015.23",
        ("tara-oceans-eukaryotic-plankton", "tara-oceans-plankton-imaging"),
    ),
    P(
        "cabanes-2013-cora",
        "The CORA dataset: validation and diagnostics of in-situ ocean temperature and salinity "
        "measurements",
        "Le jeu de données CORA : validation et diagnostics des mesures in situ de température et "
        "salinité océaniques",
        ("Cabanes, Cécile", "Grouazel, Antoine", "von Schuckmann, Karina"),
        2013,
        "Ocean Science",
        "10.5194/os-9-1-2013",
        ("cora-global-insitu",),
    ),
    P(
        "pujol-2016-duacs",
        "DUACS DT2014: the new multi-mission altimeter data set reprocessed over 20 years",
        "DUACS DT2014 : le nouveau jeu de données altimétriques multi-missions retraité sur 20 ans",
        ("Pujol, Marie-Isabelle", "Faugère, Yannice", "Taburet, Guillaume"),
        2016,
        "Ocean Science",
        "10.5194/os-12-1067-2016",
        ("duacs-sea-level-anomaly",),
    ),
    P(
        "lavergne-2019-osisaf",
        "Version 2 of the EUMETSAT OSI SAF and ESA CCI sea-ice concentration climate data records",
        "Version 2 des séries climatiques de concentration de glace de mer de l'OSI SAF d'EUMETSAT et "
        "du CCI de l'ESA",
        ("Lavergne, Thomas", "Sørensen, Atle Macdonald", "Kern, Stefan"),
        2019,
        "The Cryosphere",
        "10.5194/tc-13-49-2019",
        ("osisaf-sea-ice-concentration",),
    ),
    P(
        "tanre-2011-parasol",
        "Remote sensing of aerosols by using polarized, directional and spectral measurements within "
        "the A-Train: the PARASOL mission",
        "Télédétection des aérosols par mesures polarisées, directionnelles et spectrales dans "
        "l'A-Train : la mission PARASOL",
        ("Tanré, Didier", "Bréon, François-Marie", "Deuzé, Jean-Luc"),
        2011,
        "Atmospheric Measurement Techniques",
        "10.5194/amt-4-1383-2011",
        ("parasol-polder-aerosols-ocean", "parasol-polder-aerosols-land", "parasol-grasp-aerosols"),
    ),
    P(
        "haeffelin-2005-sirta",
        "SIRTA, a ground-based atmospheric observatory for cloud and aerosol research",
        "SIRTA, un observatoire atmosphérique au sol pour la recherche sur les nuages et les aérosols",
        ("Haeffelin, Martial", "Barthès, Laurent", "Bock, Olivier"),
        2005,
        "Annales Geophysicae",
        "10.5194/angeo-23-253-2005",
        ("sirta-aerosol-lidar", "sirta-meteorology", "sirta-radiation-bsrn"),
    ),
    P(
        "levy-2013-modis-c6",
        "The Collection 6 MODIS aerosol products over land and ocean",
        "Les produits aérosols MODIS de la collection 6 sur terre et sur océan",
        ("Levy, Robert C.", "Mattoo, Shana", "Munchak, Leigh A."),
        2013,
        "Atmospheric Measurement Techniques",
        "10.5194/amt-6-2989-2013",
        ("modis-aqua-aerosols", "modis-terra-aerosols"),
    ),
    P(
        "mallet-2016-charmex",
        "Overview of the Chemistry-Aerosol Mediterranean Experiment/Aerosol Direct Radiative Forcing on "
        "the Mediterranean Climate (ChArMEx/ADRIMED) summer 2013 campaign",
        "Présentation de la campagne d'été 2013 ChArMEx/ADRIMED sur le forçage radiatif direct des "
        "aérosols en Méditerranée",
        ("Mallet, Marc", "Dulac, François", "Formenti, Paola"),
        2016,
        "Atmospheric Chemistry and Physics",
        "10.5194/acp-16-455-2016",
        ("charmex-adrimed-aircraft", "charmex-cape-corsica"),
    ),
    P(
        "maze-2020-argopy",
        "argopy: A Python library for Argo ocean data analysis",
        "argopy : une bibliothèque Python pour l'analyse des données océaniques Argo",
        ("Maze, Guillaume", "Balem, Kevin"),
        2020,
        "Journal of Open Source Software",
        "10.21105/joss.02425",
        ("argo-gdac-profiles",),
    ),
    P(
        "hoyer-2017-xarray",
        "xarray: N-D labeled Arrays and Datasets in Python",
        "xarray : tableaux et jeux de données étiquetés à N dimensions en Python",
        ("Hoyer, Stephan", "Hamman, Joseph"),
        2017,
        "Journal of Open Research Software",
        "10.5334/jors.148",
        ("duacs-sea-level-anomaly",),
    ),
]

S = Software
SOFTWARE = [
    S(
        "maja",
        "MAJA",
        (
            "Chaîne de correction atmosphérique et de détection des nuages multi-temporelle du CNES et du "
            "CESBIO, utilisée pour les produits THEIA de niveau 2A.",
            "Multi-temporal atmospheric correction and cloud detection processor from CNES and CESBIO, used "
            "for THEIA level 2A products.",
        ),
        "https://github.com/CNES/MAJA",
        "C++",
        "gpl-3",
        ("sentinel2-l2a-maja", "landsat8-l2a-maja", "venus-l2a"),
    ),
    S(
        "let-it-snow",
        "let-it-snow (LIS)",
        (
            "Logiciel de détection de la neige dans les images Sentinel-2 et Landsat-8 corrigées par MAJA, "
            "qui produit la collection Theia Neige.",
            "Snow detection software for MAJA-corrected Sentinel-2 and Landsat-8 images, producing the Theia "
            "Snow collection.",
        ),
        "https://gitlab.orfeo-toolbox.org/remote_modules/let-it-snow",
        "Python",
        "agpl-3",
        ("theia-snow-sentinel2", "theia-snow-cover-duration"),
    ),
    S(
        "iota2",
        "iota2",
        (
            "Chaîne de classification supervisée de séries temporelles d'images satellitaires qui produit "
            "les cartes d'occupation des sols OSO.",
            "Supervised classification chain for satellite image time series that produces the OSO land "
            "cover maps.",
        ),
        "https://framagit.org/iota2-project/iota2",
        "Python",
        "agpl-3",
        (
            "oso-land-cover-2018",
            "oso-land-cover-2019",
            "oso-land-cover-2020",
            "oso-land-cover-2021",
            "oso-land-cover-2022",
        ),
    ),
    S(
        "orfeo-toolbox",
        "Orfeo ToolBox",
        (
            "Bibliothèque libre de traitement d'images de télédétection développée par le CNES, sur "
            "laquelle reposent MAJA, let-it-snow et iota2.",
            "Open-source remote sensing image processing library developed by CNES, on which MAJA, "
            "let-it-snow and iota2 rely.",
        ),
        "https://gitlab.orfeo-toolbox.org/orfeotoolbox/otb",
        "C++",
        "apache-2",
        ("sentinel2-l2a-maja", "theia-biophysical-variables"),
    ),
    S(
        "isce2",
        "ISCE2",
        (
            "Environnement de calcul interférométrique radar (InSAR) du JPL et de Caltech, utilisé pour "
            "traiter les données Sentinel-1.",
            "InSAR Scientific Computing Environment from JPL and Caltech, used to process Sentinel-1 "
            "data.",
        ),
        "https://github.com/isce-framework/isce2",
        "Python",
        "apache-2",
        ("piton-fournaise-insar", "flatsim-afar"),
    ),
    S(
        "obspy",
        "ObsPy",
        (
            "Boîte à outils Python pour la sismologie : lecture des formats miniSEED et StationXML et "
            "client des services web FDSN.",
            "Python toolbox for seismology: miniSEED and StationXML readers and FDSN web service "
            "client.",
        ),
        "https://github.com/obspy/obspy",
        "Python",
        "lgpl-3",
        ("resif-fr-broadband", "resif-ra-accelerometric", "geoscope-network"),
        ("beyreuther-2010-obspy",),
    ),
    S(
        "seiscomp",
        "SeisComP",
        (
            "Logiciel d'acquisition, de traitement et de localisation automatique des séismes utilisé "
            "par les observatoires sismologiques.",
            "Software for seismic data acquisition, processing and automatic earthquake location used by "
            "seismological observatories.",
        ),
        "https://github.com/SeisComP/seiscomp",
        "C++",
        "agpl-3",
        ("renass-bulletin", "ovpf-seismicity"),
    ),
    S(
        "argopy",
        "argopy",
        (
            "Bibliothèque Python d'accès et d'analyse des données des flotteurs Argo.",
            "Python library to access and analyse Argo float data.",
        ),
        "https://github.com/euroargodev/argopy",
        "Python",
        "mit",
        ("argo-gdac-profiles", "argo-biogeochemical"),
        ("maze-2020-argopy",),
    ),
    S(
        "copernicusmarine",
        "Copernicus Marine Toolbox",
        (
            "Interface en ligne de commande et API Python pour découvrir et télécharger les données du "
            "service marin Copernicus.",
            "Command line interface and Python API to discover and download Copernicus Marine Service "
            "data.",
        ),
        "https://github.com/mercator-ocean/copernicus-marine-toolbox",
        "Python",
        "eupl-1.2",
        ("cora-global-insitu", "coriolis-nrt-insitu", "duacs-sea-level-anomaly"),
    ),
    S(
        "pyaerocom",
        "pyaerocom",
        (
            "Outils Python du projet AeroCom pour lire, co-localiser et comparer modèles et observations "
            "d'aérosols.",
            "Python tools of the AeroCom project to read, collocate and compare aerosol models and "
            "observations.",
        ),
        "https://github.com/metno/pyaerocom",
        "Python",
        "gpl-3",
        ("modis-aqua-aerosols", "modis-terra-aerosols", "lille-aeronet"),
    ),
    S(
        "xarray",
        "xarray",
        (
            "Bibliothèque Python de tableaux multidimensionnels étiquetés, adaptée aux fichiers NetCDF.",
            "Python library of labelled multi-dimensional arrays, suited to NetCDF files.",
        ),
        "https://github.com/pydata/xarray",
        "Python",
        "apache-2",
        ("duacs-sea-level-anomaly", "cmip6-ipsl-cm6a-lr", "era5-climserv"),
        ("hoyer-2017-xarray",),
    ),
]
