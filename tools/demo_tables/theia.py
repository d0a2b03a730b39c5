"""THEIA (land surfaces) datasets of the demo catalogue."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

from .spec import ds

__all__ = ["DATASETS"]

THEIA = "https://www.theia-land.fr/"
HYDROWEB = "https://hydroweb.theia-land.fr/"
OZCAR = "https://www.ozcar-ri.org/"
CATDS = "https://www.catds.fr/"


def _oso(year: int, start: str) -> object:
    return ds(
        f"oso-land-cover-{year}",
        "cesbio",
        f"OSO-{year}",
        (f"Carte d'occupation des sols OSO {year}", f"OSO land cover map {year}"),
        (
            f"Carte nationale d'occupation des sols de la France métropolitaine pour {year}, en 23 "
            "classes à 10 m de résolution. Elle est produite par la chaîne iota2 à partir des séries "
            "temporelles Sentinel-2.",
            f"National land cover map of metropolitan France for {year}, in 23 classes at 10 m "
            "resolution. It is produced by the iota2 processing chain from Sentinel-2 time series.",
        ),
        "occupation des sols/land cover; OSO/OSO; Sentinel-2/Sentinel-2",
        "land-cover-classes land-use crop-type",
        "france",
        start,
        f"{year}-12-31",
        land="https://www.theia-land.fr/ceslist/ces-occupation-des-sols/",
        fmt="GEOTIFF",
        svc="theia-wms",
        lic="etalab",
        eu="ENVI AGRI REGI",
        issued=f"{year + 1}-06-01",
        modified=f"{year + 1}-06-01",
    )


DATASETS = [
    ds(
        "theia-snow-sentinel2",
        "theia-cnes",
        "THEIA-SNOW-S2",
        (
            "Couverture de neige Theia Sentinel-2 et Landsat-8",
            "Theia snow cover from Sentinel-2 and Landsat-8",
        ),
        (
            "Cartes de présence de neige à 20 m produites par le logiciel let-it-snow à partir des "
            "réflectances Sentinel-2 et Landsat-8 corrigées par MAJA. Elles couvrent les principales "
            "chaînes de montagne d'Europe et du monde.",
            "Snow presence maps at 20 m produced by the let-it-snow software from Sentinel-2 and Landsat-8 "
            "reflectances corrected by MAJA. They cover the main mountain ranges of Europe and the "
            "world.",
        ),
        "neige/snow; montagne/mountain; Sentinel-2/Sentinel-2",
        "snow-cover",
        "french-mountains",
        "2016-09-01",
        freq="DAILY",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    ds(
        "theia-snow-cover-duration",
        "theia-cnes",
        "THEIA-SNOW-SCD",
        ("Durée d'enneigement annuelle Theia", "Theia annual snow cover duration"),
        (
            "Nombre de jours de neige par année hydrologique calculé par interpolation des séries de "
            "neige Sentinel-2. Le produit sert au suivi de l'enneigement et de l'écologie alpine.",
            "Number of snow days per hydrological year computed by interpolating the Sentinel-2 snow time "
            "series. The product serves snow monitoring and alpine ecology.",
        ),
        "durée d'enneigement/snow cover duration; neige/snow; année hydrologique/hydrological year",
        "snow-cover",
        "alps",
        "2017-09-01",
        freq="ANNUAL",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    _oso(2018, "2018-01-01"),
    _oso(2019, "2019-01-01"),
    _oso(2020, "2020-01-01"),
    _oso(2021, "2021-01-01"),
    _oso(2022, "2022-01-01"),
    ds(
        "sentinel2-l2a-maja",
        "theia-cnes",
        "SENTINEL2_L2A_MAJA",
        (
            "Sentinel-2 niveau 2A réflectances de surface MAJA",
            "Sentinel-2 level 2A MAJA surface reflectance",
        ),
        (
            "Réflectances de surface Sentinel-2 corrigées des effets atmosphériques et accompagnées de "
            "masques de nuages et d'ombres par la chaîne MAJA. Les produits incluent l'épaisseur optique "
            "des aérosols et la vapeur d'eau estimées.",
            "Sentinel-2 surface reflectances corrected for atmospheric effects with cloud and shadow masks "
            "by the MAJA processor. Products include estimated aerosol optical depth and water vapour.",
        ),
        "Sentinel-2/Sentinel-2; correction atmosphérique/atmospheric correction; MAJA/MAJA",
        "ndvi aerosol-optical-depth total-column-water-vapour",
        "france",
        "2015-07-04",
        freq="DAILY",
        land=THEIA,
        svc="theia-distribution-api",
        dist=[
            ("GEOTIFF", "https://theia.cnes.fr/atdistrib/rocket/", None, "theia-distribution-api"),
            ("ZIP", "https://catalogue.theia-land.fr/", None, "theia-distribution-api"),
        ],
    ),
    ds(
        "landsat8-l2a-maja",
        "theia-cnes",
        "LANDSAT8_OLITIRS_L2A",
        ("Landsat-8 niveau 2A réflectances de surface", "Landsat-8 level 2A surface reflectance"),
        (
            "Réflectances de surface Landsat-8 OLI sur la France traitées par MAJA avec masques de nuages "
            "et d'ombres. Le produit prolonge les séries Landsat pour le suivi des surfaces.",
            "Landsat-8 OLI surface reflectances over France processed by MAJA with cloud and shadow masks. "
            "The product extends the Landsat records for surface monitoring.",
        ),
        "Landsat/Landsat; réflectance/reflectance; France/France",
        "ndvi land-surface-temperature",
        "france",
        "2013-04-11",
        freq="DAILY",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    ds(
        "venus-l2a",
        "theia-cnes",
        "VENUS_L2A_MAJA",
        ("VENµS niveau 2A réflectances de surface", "VENµS level 2A surface reflectance"),
        (
            "Réflectances de surface à 5 m acquises tous les deux jours par le satellite franco-israélien "
            "VENµS sur des sites scientifiques. Les produits sont corrigés par MAJA.",
            "Surface reflectances at 5 m acquired every two days by the French-Israeli VENµS satellite over "
            "scientific sites. The products are corrected by MAJA.",
        ),
        "VENµS/VENµS; haute résolution/high resolution; réflectance/reflectance",
        "ndvi leaf-area-index",
        "global",
        "2017-11-01",
        "2020-11-01",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    ds(
        "sentinel2-l3a-monthly",
        "theia-cnes",
        "SENTINEL2_L3A",
        ("Synthèses mensuelles Sentinel-2 niveau 3A", "Sentinel-2 level 3A monthly syntheses"),
        (
            "Synthèses mensuelles de réflectance sans nuages produites par le processeur WASP à partir des "
            "produits MAJA. Elles facilitent la cartographie de la végétation.",
            "Cloud-free monthly reflectance syntheses produced by the WASP processor from MAJA products. "
            "They ease vegetation mapping.",
        ),
        "synthèse/composite; WASP/WASP; végétation/vegetation",
        "ndvi",
        "france",
        "2017-01-01",
        freq="MONTHLY",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    ds(
        "theia-biophysical-variables",
        "cesbio",
        "THEIA-BV-S2",
        (
            "Variables biophysiques de la végétation Sentinel-2",
            "Sentinel-2 vegetation biophysical variables",
        ),
        (
            "Indice de surface foliaire, fraction de couvert et fAPAR estimés par réseau de neurones à "
            "partir des réflectances Sentinel-2. Le produit est développé par le CES Variables "
            "biophysiques de Theia.",
            "Leaf area index, vegetation cover fraction and fAPAR estimated by neural network from "
            "Sentinel-2 reflectances. The product is developed by the Theia biophysical variables expertise "
            "centre.",
        ),
        "LAI/LAI; fAPAR/fAPAR; végétation/vegetation",
        "leaf-area-index ndvi",
        "france",
        "2017-01-01",
        freq="DAILY",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
        eu="ENVI AGRI",
    ),
    ds(
        "theia-surface-water-extent",
        "cesbio",
        "SURFWATER",
        ("Étendue des eaux de surface (SurfWater)", "Surface water extent (SurfWater)"),
        (
            "Masques d'eau de surface produits à partir de Sentinel-1 et Sentinel-2 pour suivre le "
            "remplissage des lacs et retenues. Le produit est issu du CES Eaux de surface de Theia.",
            "Surface water masks produced from Sentinel-1 and Sentinel-2 to monitor the filling of lakes and "
            "reservoirs. The product comes from the Theia surface water expertise centre.",
        ),
        "eaux de surface/surface water; retenues/reservoirs; Sentinel-1/Sentinel-1",
        "water-bodies-extent",
        "france",
        "2017-01-01",
        freq="MONTHLY",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    ds(
        "theia-water-quality",
        "cesbio",
        "OBS2CO-TURB",
        ("Qualité des eaux continentales et côtières", "Inland and coastal water quality"),
        (
            "Turbidité et matières en suspension estimées à partir des réflectances Sentinel-2 sur les "
            "lacs, estuaires et zones côtières. Le produit est issu de la chaîne Obs2Co du CES Qualité "
            "des eaux.",
            "Turbidity and suspended particulate matter estimated from Sentinel-2 reflectances over lakes, "
            "estuaries and coastal areas. The product comes from the Obs2Co chain of the water quality "
            "expertise centre.",
        ),
        "turbidité/turbidity; matières en suspension/suspended matter; lacs/lakes",
        "suspended-particulate-matter water-quality",
        "france",
        "2017-01-01",
        freq="DAILY",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
    ),
    ds(
        "theia-soil-moisture-s1",
        "cesbio",
        "S2MP",
        (
            "Humidité des sols à la parcelle Sentinel-1/Sentinel-2",
            "Plot-scale soil moisture from Sentinel-1/Sentinel-2",
        ),
        (
            "Humidité de surface du sol estimée à l'échelle de la parcelle agricole par inversion des "
            "rétrodiffusions radar Sentinel-1 et de l'indice de végétation Sentinel-2. Le produit est "
            "disponible sur la France métropolitaine.",
            "Surface soil moisture estimated at agricultural plot scale by inverting Sentinel-1 radar "
            "backscatter and the Sentinel-2 vegetation index. The product is available over metropolitan "
            "France.",
        ),
        "humidité du sol/soil moisture; radar/radar; parcelle/plot",
        "surface-soil-moisture",
        "france",
        "2017-01-01",
        freq="DAILY",
        land=THEIA,
        fmt="SHP",
        svc="theia-distribution-api",
        eu="ENVI AGRI",
    ),
    ds(
        "smos-l3-soil-moisture",
        "cesbio",
        "SMOS-L3SM-CATDS",
        ("SMOS humidité des sols niveau 3 (CATDS)", "SMOS level 3 soil moisture (CATDS)"),
        (
            "Humidité de surface du sol et épaisseur optique de la végétation restituées à partir des "
            "observations multi-angulaires en bande L de SMOS. Les produits journaliers sont produits par "
            "le CATDS.",
            "Surface soil moisture and vegetation optical depth retrieved from SMOS multi-angular L-band "
            "observations. Daily products are produced by CATDS.",
        ),
        "SMOS/SMOS; humidité du sol/soil moisture; bande L/L-band",
        "surface-soil-moisture biomass",
        "global",
        "2010-01-15",
        freq="DAILY",
        land=CATDS,
        svc="cersat-ftp",
    ),
    ds(
        "smos-ic-vegetation-optical-depth",
        "cesbio",
        "SMOS-IC",
        ("SMOS-IC épaisseur optique de la végétation", "SMOS-IC vegetation optical depth"),
        (
            "Épaisseur optique de la végétation en bande L et humidité du sol restituées par l'algorithme "
            "SMOS-IC indépendant de données auxiliaires. L'épaisseur optique est un indicateur de la "
            "biomasse aérienne.",
            "L-band vegetation optical depth and soil moisture retrieved by the SMOS-IC algorithm, "
            "independent of auxiliary data. Optical depth is a proxy of above-ground biomass.",
        ),
        "biomasse/biomass; SMOS/SMOS; végétation/vegetation",
        "biomass surface-soil-moisture",
        "global",
        "2010-06-01",
        freq="DAILY",
        land=CATDS,
        svc="cersat-ftp",
    ),
    ds(
        "theia-irrigated-areas",
        "cesbio",
        "THEIA-IRRIGATION",
        ("Cartes des surfaces irriguées", "Irrigated area maps"),
        (
            "Cartes annuelles des parcelles irriguées produites par classification des séries Sentinel-1 et "
            "Sentinel-2 sur le sud-ouest de la France. Elles servent à la gestion de la ressource en "
            "eau agricole.",
            "Annual maps of irrigated plots produced by classifying Sentinel-1 and Sentinel-2 time series "
            "over south-western France. They support agricultural water management.",
        ),
        "irrigation/irrigation; agriculture/agriculture; ressource en eau/water resources",
        "irrigation crop-type",
        "occitanie",
        "2017-01-01",
        freq="ANNUAL",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-wms",
        eu="AGRI ENVI",
    ),
    ds(
        "theia-evapotranspiration",
        "cesbio",
        "THEIA-ET",
        (
            "Évapotranspiration et température de surface",
            "Evapotranspiration and land surface temperature",
        ),
        (
            "Évapotranspiration réelle estimée par bilan d'énergie à partir de la température de surface "
            "Landsat et des variables de végétation. Le produit est élaboré par le CES Évapotranspiration "
            "de Theia.",
            "Actual evapotranspiration estimated by energy balance from Landsat land surface temperature "
            "and vegetation variables. The product is developed by the Theia evapotranspiration expertise "
            "centre.",
        ),
        "évapotranspiration/evapotranspiration; bilan d'énergie/energy balance; Landsat/Landsat",
        "evapotranspiration land-surface-temperature",
        "occitanie",
        "2013-04-11",
        freq="IRREG",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-distribution-api",
        eu="AGRI ENVI",
    ),
    ds(
        "theia-soil-organic-carbon",
        "cesbio",
        "THEIA-SOC",
        ("Carbone organique des sols par télédétection", "Soil organic carbon from remote sensing"),
        (
            "Teneur en carbone organique des sols agricoles cartographiée à partir des sols nus observés "
            "par Sentinel-2 et de mesures de laboratoire. Le produit est issu du CES Propriétés des "
            "sols.",
            "Organic carbon content of agricultural soils mapped from bare soils observed by Sentinel-2 and "
            "laboratory measurements. The product comes from the soil properties expertise centre.",
        ),
        "carbone organique/organic carbon; sol nu/bare soil; Sentinel-2/Sentinel-2",
        "soil-organic-carbon",
        "france",
        "2017-01-01",
        freq="IRREG",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-wms",
        eu="AGRI ENVI",
    ),
    ds(
        "theia-soil-texture",
        "cesbio",
        "THEIA-CLAY",
        ("Teneur en argile des sols de surface", "Topsoil clay content"),
        (
            "Cartes de la teneur en argile des horizons de surface des sols cultivés restituée à partir "
            "de Sentinel-2. Ces cartes complètent les bases de données pédologiques.",
            "Maps of the clay content of the surface horizons of cultivated soils retrieved from Sentinel-2. "
            "These maps complement soil databases.",
        ),
        "argile/clay; texture/texture; pédologie/soil science",
        "soil-texture",
        "france",
        "2017-01-01",
        freq="IRREG",
        land=THEIA,
        fmt="GEOTIFF",
        svc="theia-wms",
        eu="AGRI ENVI",
    ),
    ds(
        "hydroweb-lakes",
        "hydroweb",
        "HYDROWEB-LAKES",
        ("Hydroweb niveaux des lacs par altimétrie", "Hydroweb lake water levels from altimetry"),
        (
            "Séries temporelles de niveau et de volume des lacs et réservoirs calculées à partir des "
            "missions altimétriques depuis 1992. Hydroweb est développé par le LEGOS et le CNES.",
            "Time series of water level and volume of lakes and reservoirs computed from altimetry missions "
            "since 1992. Hydroweb is developed by LEGOS and CNES.",
        ),
        "lacs/lakes; altimétrie/altimetry; niveau d'eau/water level",
        "lake-water-level water-bodies-extent",
        "global",
        "1992-09-01",
        freq="UPDATE_CONT",
        land=HYDROWEB,
        fmt="CSV",
        svc="hydroweb-api",
    ),
    ds(
        "hydroweb-rivers",
        "hydroweb",
        "HYDROWEB-RIVERS",
        (
            "Hydroweb niveaux des rivières par altimétrie",
            "Hydroweb river water levels from altimetry",
        ),
        (
            "Hauteurs d'eau des rivières aux croisements des traces altimétriques (stations virtuelles) et "
            "débits estimés pour certains bassins. Les séries couvrent les grands fleuves du monde.",
            "River water heights at crossings of altimeter tracks (virtual stations) and estimated discharge "
            "for some basins. The series cover the world's large rivers.",
        ),
        "rivières/rivers; stations virtuelles/virtual stations; débit/discharge",
        "river-discharge",
        "global",
        "2002-01-01",
        freq="UPDATE_CONT",
        land=HYDROWEB,
        fmt="CSV",
        svc="hydroweb-api",
    ),
    ds(
        "hydroweb-swot-lakes",
        "hydroweb",
        "SWOT_L2_HR_LakeSP",
        ("Lacs SWOT : niveau et superficie", "SWOT lakes: level and area"),
        (
            "Niveau d'eau et superficie des lacs mesurés par l'interféromètre KaRIn de SWOT et diffusés "
            "par hydroweb.next. SWOT observe les lacs de plus de 250 m par 250 m.",
            "Water level and area of lakes measured by the SWOT KaRIn interferometer and distributed by "
            "hydroweb.next. SWOT observes lakes larger than 250 m by 250 m.",
        ),
        "SWOT/SWOT; lacs/lakes; interférométrie/interferometry",
        "lake-water-level water-bodies-extent",
        "global",
        "2023-07-26",
        freq="DAILY",
        land=HYDROWEB,
        fmt="SHP",
        svc="hydroweb-api",
    ),
    ds(
        "ozcar-amma-catch",
        "ozcar",
        "AMMA-CATCH",
        ("Observatoire AMMA-CATCH (Afrique de l'Ouest)", "AMMA-CATCH observatory (West Africa)"),
        (
            "Pluie, humidité du sol, flux de surface et débits mesurés sur les sites méso-échelle du Bénin, "
            "du Niger et du Mali depuis 1990. AMMA-CATCH est un observatoire du réseau OZCAR.",
            "Rainfall, soil moisture, surface fluxes and discharge measured at the mesoscale sites of Benin, "
            "Niger and Mali since 1990. AMMA-CATCH is an observatory of the OZCAR network.",
        ),
        "Sahel/Sahel; hydrologie/hydrology; zone critique/critical zone",
        "rainfall-accumulation surface-soil-moisture evapotranspiration",
        "niger-benin-mali",
        "1990-01-01",
        freq="ANNUAL",
        land="https://www.amma-catch.org/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-ohmcv",
        "ozcar",
        "OHM-CV",
        (
            "Observatoire OHM-CV crues éclair Cévennes-Vivarais",
            "OHM-CV Cévennes-Vivarais flash flood observatory",
        ),
        (
            "Pluies, débits et humidité du sol observés dans les bassins cévenols sujets aux crues éclair. "
            "L'observatoire combine radars, pluviomètres et stations hydrométriques.",
            "Rainfall, discharge and soil moisture observed in Cévennes catchments prone to flash floods. "
            "The observatory combines radars, rain gauges and hydrometric stations.",
        ),
        "crues éclair/flash floods; Cévennes/Cevennes; pluies intenses/heavy rainfall",
        "rainfall-accumulation river-discharge floods",
        "cevennes",
        "2000-01-01",
        freq="ANNUAL",
        land="https://www.ohmcv.fr/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-agrhys",
        "ozcar",
        "AGRHYS",
        ("Observatoire AgrHyS (Bretagne)", "AgrHyS observatory (Brittany)"),
        (
            "Niveaux de nappe, débits et concentrations en nitrate mesurés dans les bassins agricoles de "
            "Kervidy-Naizin et du Létty. L'observatoire étudie les transferts de polluants agricoles.",
            "Groundwater levels, discharge and nitrate concentrations measured in the agricultural "
            "catchments of Kervidy-Naizin and Létty. The observatory studies agricultural pollutant "
            "transfer.",
        ),
        "nitrate/nitrate; nappe/groundwater; bassin agricole/agricultural catchment",
        "groundwater-level river-discharge nutrients",
        "brittany",
        "1993-01-01",
        freq="ANNUAL",
        land="https://www6.inrae.fr/ore_agrhys/",
        fmt="CSV",
        svc="ozcar-theia-portal",
        eu="ENVI AGRI",
    ),
    ds(
        "ozcar-h-plus-ploemeur",
        "ozcar",
        "HPLUS-PLOEMEUR",
        ("Réseau H+ site hydrogéologique de Ploemeur", "H+ network Ploemeur hydrogeological site"),
        (
            "Niveaux piézométriques et températures mesurés dans l'aquifère cristallin fracturé de "
            "Ploemeur. Le site du réseau H+ sert à l'étude des écoulements souterrains.",
            "Piezometric levels and temperatures measured in the fractured crystalline aquifer of Ploemeur. "
            "The H+ network site is used to study groundwater flow.",
        ),
        "aquifère/aquifer; piézométrie/piezometry; H+/H+",
        "groundwater-level",
        "ploemeur",
        "2003-01-01",
        freq="MONTHLY",
        land="https://hplus.ore.fr/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-orgeval",
        "ozcar",
        "ORACLE-ORGEVAL",
        ("Observatoire ORACLE bassin de l'Orgeval", "ORACLE Orgeval catchment observatory"),
        (
            "Pluies, débits et qualité de l'eau mesurés dans le bassin agricole de l'Orgeval (Seine-et-Marne) "
            "depuis 1962. C'est l'un des plus anciens bassins de recherche en France.",
            "Rainfall, discharge and water quality measured in the agricultural Orgeval catchment "
            "(Seine-et-Marne) since 1962. It is one of the oldest research catchments in France.",
        ),
        "bassin versant/catchment; Seine/Seine; qualité de l'eau/water quality",
        "river-discharge rainfall-accumulation water-quality",
        "orgeval",
        "1962-01-01",
        freq="ANNUAL",
        land="https://gisoracle.inrae.fr/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-strengbach",
        "ozcar",
        "OHGE-STRENGBACH",
        ("Observatoire hydrogéochimique du Strengbach", "Strengbach hydro-geochemical observatory"),
        (
            "Débits, chimie des eaux et des pluies mesurés dans le bassin forestier du Strengbach (Vosges) "
            "depuis 1986. L'observatoire suit les effets des dépôts acides sur la forêt.",
            "Discharge, stream and rain chemistry measured in the forested Strengbach catchment (Vosges) "
            "since 1986. The observatory monitors the effects of acid deposition on forest.",
        ),
        "forêt/forest; géochimie/geochemistry; Vosges/Vosges",
        "river-discharge rainfall-accumulation",
        "strengbach",
        "1986-01-01",
        freq="ANNUAL",
        land="https://ohge.unistra.fr/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-glacioclim",
        "ozcar",
        "GLACIOCLIM-ALPES",
        (
            "GLACIOCLIM bilans de masse des glaciers alpins",
            "GLACIOCLIM Alpine glacier mass balance",
        ),
        (
            "Bilans de masse annuels et saisonniers des glaciers d'Argentière, de la Mer de Glace, de "
            "Saint-Sorlin et de Gébroulaz. Le service d'observation GLACIOCLIM est porté par l'IGE.",
            "Annual and seasonal mass balance of the Argentière, Mer de Glace, Saint-Sorlin and Gébroulaz "
            "glaciers. The GLACIOCLIM observation service is run by IGE.",
        ),
        "glaciers/glaciers; bilan de masse/mass balance; Alpes/Alps",
        "glacier-mass-balance",
        "alps",
        "1949-10-01",
        freq="ANNUAL",
        land="https://glacioclim.osug.fr/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-col-de-porte",
        "ozcar",
        "CRYOBSCLIM-CDP",
        (
            "Col de Porte : observations nivo-météorologiques",
            "Col de Porte snow and weather observations",
        ),
        (
            "Hauteur et équivalent en eau de la neige, rayonnement et météorologie mesurés au col de Porte "
            "(1325 m, Chartreuse). La série sert à l'évaluation des modèles de manteau neigeux.",
            "Snow depth and snow water equivalent, radiation and meteorology measured at Col de Porte "
            "(1325 m, Chartreuse). The series is used to evaluate snowpack models.",
        ),
        "neige/snow; manteau neigeux/snowpack; Chartreuse/Chartreuse",
        "snow-water-equivalent snow-cover air-temperature",
        "col-de-porte",
        "1993-10-01",
        freq="ANNUAL",
        land=OZCAR,
        fmt="NETCDF",
        svc="ozcar-theia-portal",
    ),
    ds(
        "ozcar-draix-bleone",
        "ozcar",
        "DRAIX-BLEONE",
        ("Observatoire de Draix-Bléone érosion", "Draix-Bléone erosion observatory"),
        (
            "Pluies, débits liquides et flux de sédiments mesurés dans les petits bassins marneux de "
            "Draix (Alpes-de-Haute-Provence). L'observatoire quantifie l'érosion des terres noires.",
            "Rainfall, water discharge and sediment fluxes measured in the small marly catchments of Draix "
            "(Alpes-de-Haute-Provence). The observatory quantifies black marl erosion.",
        ),
        "érosion/erosion; sédiments/sediments; terres noires/black marls",
        "suspended-particulate-matter river-discharge rainfall-accumulation",
        "draix",
        "1983-01-01",
        freq="ANNUAL",
        land="https://oredraixbleone.inrae.fr/",
        fmt="CSV",
        svc="ozcar-theia-portal",
    ),
]
