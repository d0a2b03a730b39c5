"""AERIS (atmosphere) datasets of the demo catalogue."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

from .spec import ds

__all__ = ["DATASETS"]

IAGOS = "https://www.iagos.org/"
ICARE = "https://www.icare.univ-lille.fr/"
ESPRI_IASI = "https://iasi.aeris-data.fr/"
SIRTA = "https://sirta.ipsl.fr/"

DATASETS = [
    ds(
        "iagos-ozone",
        "sedoo",
        "IAGOS-O3",
        ("Ozone IAGOS mesuré à bord d'avions de ligne", "IAGOS ozone measured aboard airliners"),
        (
            "Concentrations d'ozone mesurées en continu par les avions de ligne équipés IAGOS (ex-MOZAIC) "
            "en croisière et lors des montées et descentes. La série couvre la haute troposphère et la "
            "basse stratosphère depuis 1994.",
            "Ozone mixing ratios measured continuously by IAGOS-equipped airliners (formerly MOZAIC) during "
            "cruise, take-off and landing. The record covers the upper troposphere and lower stratosphere "
            "since 1994.",
        ),
        "ozone/ozone; avion de ligne/airliner; IAGOS/IAGOS",
        "ozone",
        "global",
        "1994-08-01",
        freq="DAILY",
        land=IAGOS,
        vert=(0, 12000),
        svc="iagos-data-portal",
        dl=None,
    ),
    ds(
        "iagos-carbon-monoxide",
        "sedoo",
        "IAGOS-CO",
        (
            "Monoxyde de carbone IAGOS mesuré par avions de ligne",
            "IAGOS carbon monoxide from airliners",
        ),
        (
            "Mesures de monoxyde de carbone réalisées par l'analyseur infrarouge embarqué sur les avions "
            "IAGOS. Elles documentent le transport des panaches de feux et de pollution dans la "
            "troposphère libre.",
            "Carbon monoxide measured by the infrared analyser flown on IAGOS aircraft. The data document "
            "the transport of fire and pollution plumes in the free troposphere.",
        ),
        "monoxyde de carbone/carbon monoxide; pollution/pollution; IAGOS/IAGOS",
        "carbon-monoxide wildfires air-pollution-episodes",
        "global",
        "2001-12-01",
        freq="DAILY",
        land=IAGOS,
        vert=(0, 12000),
        svc="iagos-data-portal",
    ),
    ds(
        "iagos-water-vapour",
        "sedoo",
        "IAGOS-H2O",
        ("Vapeur d'eau et humidité relative IAGOS", "IAGOS water vapour and relative humidity"),
        (
            "Humidité relative et rapport de mélange de vapeur d'eau mesurés par le capteur capacitif des "
            "avions IAGOS. La série sert à l'étude de la sursaturation en glace et des traînées de "
            "condensation.",
            "Relative humidity and water vapour mixing ratio measured by the capacitive sensor of IAGOS "
            "aircraft. The record is used to study ice supersaturation and contrail formation.",
        ),
        "vapeur d'eau/water vapour; humidité/humidity; IAGOS/IAGOS",
        "specific-humidity",
        "global",
        "1994-08-01",
        freq="DAILY",
        land=IAGOS,
        svc="iagos-data-portal",
    ),
    ds(
        "iagos-nitrogen-oxides",
        "sedoo",
        "IAGOS-NOx",
        ("Oxydes d'azote IAGOS (module NOx)", "IAGOS nitrogen oxides (NOx package)"),
        (
            "Mesures de NO et NO2 par chimiluminescence réalisées par le module optionnel NOx des avions "
            "IAGOS. Elles renseignent sur les émissions de l'aviation et des éclairs en haute troposphère.",
            "NO and NO2 measured by chemiluminescence with the optional NOx package of IAGOS aircraft. They "
            "inform on aviation and lightning emissions in the upper troposphere.",
        ),
        "dioxyde d'azote/nitrogen dioxide; NOx/NOx; aviation/aviation",
        "nitrogen-dioxide",
        "global",
        "2011-07-01",
        freq="DAILY",
        land=IAGOS,
        svc="iagos-data-portal",
    ),
    ds(
        "iagos-greenhouse-gases",
        "sedoo",
        "IAGOS-GHG",
        ("CO2 et CH4 IAGOS mesurés par avions de ligne", "IAGOS CO2 and CH4 measured by airliners"),
        (
            "Rapports de mélange de dioxyde de carbone et de méthane mesurés par spectroscopie à cavité "
            "résonante à bord des avions IAGOS. Ces profils complètent les réseaux au sol et les "
            "observations satellitaires de gaz à effet de serre.",
            "Carbon dioxide and methane mixing ratios measured by cavity ring-down spectroscopy aboard IAGOS "
            "aircraft. These profiles complement ground networks and satellite greenhouse gas "
            "observations.",
        ),
        "gaz à effet de serre/greenhouse gases; CO2/CO2; méthane/methane",
        "carbon-dioxide methane",
        "global",
        "2014-01-01",
        freq="DAILY",
        land=IAGOS,
        svc="iagos-data-portal",
    ),
    ds(
        "iagos-vertical-profiles",
        "sedoo",
        "IAGOS-PROFILES",
        (
            "Profils verticaux IAGOS au-dessus des aéroports",
            "IAGOS vertical profiles above airports",
        ),
        (
            "Profils de température, de vent et de composition mesurés lors des décollages et atterrissages "
            "des avions IAGOS. Plus de 300 aéroports sont documentés, ce qui en fait une climatologie "
            "unique de la troposphère.",
            "Temperature, wind and composition profiles measured during take-off and landing of IAGOS "
            "aircraft. More than 300 airports are documented, making it a unique tropospheric "
            "climatology.",
        ),
        "profil vertical/vertical profile; aéroport/airport; température/temperature",
        "temperature-profile wind-speed ozone",
        "global",
        "1994-08-01",
        freq="DAILY",
        land=IAGOS,
        vert=(0, 12000),
        svc="iagos-data-portal",
    ),
    ds(
        "iagos-time-series",
        "sedoo",
        "IAGOS-L3-TS",
        ("Séries temporelles mensuelles IAGOS (niveau 3)", "IAGOS monthly time series (level 3)"),
        (
            "Moyennes mensuelles d'ozone et de monoxyde de carbone calculées par région et par couche "
            "atmosphérique à partir des vols IAGOS. Le produit facilite l'analyse des tendances "
            "troposphériques.",
            "Monthly means of ozone and carbon monoxide computed per region and atmospheric layer from IAGOS "
            "flights. The product eases the analysis of tropospheric trends.",
        ),
        "tendance/trend; ozone/ozone; climatologie/climatology",
        "ozone carbon-monoxide",
        "global",
        "1994-08-01",
        freq="MONTHLY",
        land=IAGOS,
        svc="iagos-data-portal",
        fmt="CSV",
    ),
    ds(
        "calipso-caliop-l1b",
        "icare",
        "CAL_LID_L1-Standard-V4",
        (
            "CALIPSO/CALIOP rétrodiffusion atténuée niveau 1B",
            "CALIPSO/CALIOP level 1B attenuated backscatter",
        ),
        (
            "Profils de rétrodiffusion atténuée à 532 et 1064 nm et de dépolarisation mesurés par le lidar "
            "CALIOP. ICARE archive et redistribue la série complète de la mission CALIPSO.",
            "Attenuated backscatter profiles at 532 and 1064 nm and depolarisation measured by the CALIOP "
            "lidar. ICARE archives and redistributes the complete record of the CALIPSO mission.",
        ),
        "lidar/lidar; CALIPSO/CALIPSO; rétrodiffusion/backscatter",
        "aerosol-extinction-profile cloud-top-height",
        "global",
        "2006-06-13",
        "2023-08-01",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "calipso-caliop-l2-aerosol-profile",
        "icare",
        "CAL_LID_L2_05kmAPro-Standard-V4",
        (
            "CALIPSO/CALIOP profils d'aérosols niveau 2 (5 km)",
            "CALIPSO/CALIOP level 2 aerosol profiles (5 km)",
        ),
        (
            "Profils d'extinction et de rétrodiffusion des aérosols restitués à 5 km de résolution "
            "horizontale, avec le type d'aérosol. Le produit fournit aussi l'épaisseur optique en colonne.",
            "Aerosol extinction and backscatter profiles retrieved at 5 km horizontal resolution, with "
            "aerosol subtype. The product also provides column optical depth.",
        ),
        "aérosols/aerosols; lidar/lidar; extinction/extinction",
        "aerosol-extinction-profile aerosol-optical-depth",
        "global",
        "2006-06-13",
        "2023-08-01",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "calipso-caliop-l2-cloud-layers",
        "icare",
        "CAL_LID_L2_01kmCLay-Standard-V4",
        ("CALIPSO/CALIOP couches nuageuses niveau 2", "CALIPSO/CALIOP level 2 cloud layers"),
        (
            "Altitude du sommet et de la base des couches nuageuses détectées par CALIOP à 1 km de "
            "résolution. La phase thermodynamique (glace, eau liquide) est fournie pour chaque couche.",
            "Top and base altitudes of cloud layers detected by CALIOP at 1 km resolution. The "
            "thermodynamic phase (ice, liquid water) is given for each layer.",
        ),
        "nuages/clouds; CALIPSO/CALIPSO; phase nuageuse/cloud phase",
        "cloud-top-height cloud-phase",
        "global",
        "2006-06-13",
        "2023-08-01",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "calipso-iir-l2",
        "icare",
        "CAL_IIR_L2_Track-Standard-V4",
        ("CALIPSO/IIR propriétés des nuages de glace", "CALIPSO/IIR ice cloud properties"),
        (
            "Émissivité et taille effective des particules des nuages restituées par le radiomètre "
            "infrarouge IIR de CALIPSO. Le produit est co-localisé avec les couches détectées par CALIOP.",
            "Cloud emissivity and ice particle effective size retrieved by the CALIPSO Imaging Infrared "
            "Radiometer. The product is collocated with the layers detected by CALIOP.",
        ),
        "infrarouge/infrared; nuages de glace/ice clouds; CALIPSO/CALIPSO",
        "cloud-phase",
        "global",
        "2006-06-13",
        "2023-08-01",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "dardar-cloud",
        "icare",
        "DARDAR-CLOUD",
        ("DARDAR-CLOUD, nuages de glace radar-lidar", "DARDAR-CLOUD radar-lidar ice cloud product"),
        (
            "Contenu en glace, rayon effectif et extinction des nuages de glace restitués par la "
            "combinaison du radar CloudSat et du lidar CALIOP. Le produit est développé au LATMOS et au "
            "LOA et distribué par ICARE.",
            "Ice water content, effective radius and extinction of ice clouds retrieved by combining the "
            "CloudSat radar and the CALIOP lidar. The product is developed at LATMOS and LOA and "
            "distributed by ICARE.",
        ),
        "radar/radar; lidar/lidar; nuages de glace/ice clouds",
        "cloud-phase cloud-top-height",
        "global",
        "2006-06-15",
        "2017-12-31",
        land=ICARE,
        fmt="NETCDF",
        svc="icare-archive",
    ),
    ds(
        "dardar-mask",
        "icare",
        "DARDAR-MASK",
        ("DARDAR-MASK, classification des hydrométéores", "DARDAR-MASK hydrometeor classification"),
        (
            "Classification verticale des cibles (glace, eau liquide, pluie, aérosols) issue de la synergie "
            "CloudSat-CALIPSO. Elle sert de masque d'entrée aux restitutions DARDAR.",
            "Vertical target classification (ice, liquid water, rain, aerosols) from the CloudSat-CALIPSO "
            "synergy. It is the input mask of the DARDAR retrievals.",
        ),
        "classification/classification; hydrométéores/hydrometeors; A-Train/A-Train",
        "cloud-phase cloud-fraction",
        "global",
        "2006-06-15",
        "2017-12-31",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "parasol-polder-aerosols-ocean",
        "icare",
        "PARASOL_PM02-L2",
        (
            "PARASOL/POLDER aérosols sur océan niveau 2",
            "PARASOL/POLDER level 2 aerosols over ocean",
        ),
        (
            "Épaisseur optique, coefficient d'Ångström et fraction fine des aérosols restitués sur les "
            "océans à partir des mesures multidirectionnelles et polarisées de POLDER. La mission PARASOL a "
            "volé dans l'A-Train de 2004 à 2013.",
            "Aerosol optical depth, Ångström exponent and fine-mode fraction retrieved over ocean from "
            "POLDER multi-directional polarised measurements. The PARASOL mission flew in the A-Train from "
            "2004 to 2013.",
        ),
        "polarisation/polarisation; aérosols/aerosols; PARASOL/PARASOL",
        "aerosol-optical-depth aerosol-size-distribution",
        "global",
        "2005-03-01",
        "2013-10-10",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "parasol-polder-aerosols-land",
        "icare",
        "PARASOL_PM02-L2-LAND",
        ("PARASOL/POLDER aérosols fins sur terre", "PARASOL/POLDER fine-mode aerosols over land"),
        (
            "Épaisseur optique du mode fin restituée sur les continents grâce à la lumière polarisée "
            "mesurée par POLDER. Ce produit est sensible aux aérosols de pollution et de feux.",
            "Fine-mode aerosol optical depth retrieved over land from the polarised light measured by "
            "POLDER. The product is sensitive to pollution and smoke aerosols.",
        ),
        "aérosols/aerosols; continent/land; POLDER/POLDER",
        "aerosol-optical-depth",
        "global",
        "2005-03-01",
        "2013-10-10",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "parasol-grasp-aerosols",
        "icare",
        "PARASOL-GRASP",
        ("Aérosols GRASP restitués depuis PARASOL", "GRASP aerosol retrievals from PARASOL"),
        (
            "Propriétés complètes des aérosols (épaisseur optique, distribution en taille, albédo de "
            "simple diffusion) restituées par l'algorithme GRASP appliqué à POLDER. Le produit couvre "
            "toute la mission PARASOL.",
            "Complete aerosol properties (optical depth, size distribution, single scattering albedo) "
            "retrieved by the GRASP algorithm applied to POLDER. The product covers the whole PARASOL "
            "mission.",
        ),
        "GRASP/GRASP; aérosols/aerosols; albédo/albedo",
        "aerosol-optical-depth aerosol-size-distribution",
        "global",
        "2005-03-01",
        "2013-10-10",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "parasol-polder-clouds",
        "icare",
        "PARASOL_RB2-L2",
        ("PARASOL/POLDER nuages et bilan radiatif", "PARASOL/POLDER clouds and radiation budget"),
        (
            "Fraction nuageuse, phase thermodynamique et pression au sommet des nuages restituées par "
            "POLDER. Les mesures polarisées discriminent les nuages d'eau liquide et de glace.",
            "Cloud fraction, thermodynamic phase and cloud top pressure retrieved by POLDER. Polarised "
            "measurements discriminate liquid water and ice clouds.",
        ),
        "nuages/clouds; POLDER/POLDER; phase/phase",
        "cloud-fraction cloud-phase",
        "global",
        "2005-03-01",
        "2013-10-10",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "modis-aqua-aerosols",
        "icare",
        "MYD04_L2",
        (
            "MODIS/Aqua aérosols niveau 2 (copie ICARE)",
            "MODIS/Aqua level 2 aerosols (ICARE mirror)",
        ),
        (
            "Épaisseur optique des aérosols à 550 nm restituée par les algorithmes Dark Target et Deep Blue "
            "de la NASA à partir de MODIS sur Aqua. ICARE en maintient une copie co-localisée avec les "
            "produits de l'A-Train.",
            "Aerosol optical depth at 550 nm retrieved by the NASA Dark Target and Deep Blue algorithms "
            "from MODIS on Aqua. ICARE keeps a copy collocated with the A-Train products.",
        ),
        "MODIS/MODIS; aérosols/aerosols; Aqua/Aqua",
        "aerosol-optical-depth",
        "global",
        "2002-07-04",
        freq="DAILY",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "modis-terra-aerosols",
        "icare",
        "MOD04_L2",
        (
            "MODIS/Terra aérosols niveau 2 (copie ICARE)",
            "MODIS/Terra level 2 aerosols (ICARE mirror)",
        ),
        (
            "Épaisseur optique et paramètres de taille des aérosols restitués à partir de MODIS sur le "
            "satellite Terra. La série, commencée en 2000, est l'une des plus longues observations "
            "satellitaires des aérosols.",
            "Aerosol optical depth and size parameters retrieved from MODIS on the Terra satellite. The "
            "record, started in 2000, is one of the longest satellite aerosol records.",
        ),
        "MODIS/MODIS; aérosols/aerosols; Terra/Terra",
        "aerosol-optical-depth",
        "global",
        "2000-02-24",
        freq="DAILY",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "viirs-deep-blue-aerosols",
        "icare",
        "AERDB_L2_VIIRS_SNPP",
        ("VIIRS Deep Blue aérosols niveau 2", "VIIRS Deep Blue level 2 aerosols"),
        (
            "Épaisseur optique des aérosols restituée par l'algorithme Deep Blue à partir de l'imageur "
            "VIIRS de Suomi NPP. Le produit assure la continuité des séries MODIS au-dessus des déserts.",
            "Aerosol optical depth retrieved by the Deep Blue algorithm from the VIIRS imager on Suomi NPP. "
            "The product continues the MODIS records over deserts.",
        ),
        "VIIRS/VIIRS; Deep Blue/Deep Blue; aérosols désertiques/desert aerosols",
        "aerosol-optical-depth dust",
        "global",
        "2012-03-01",
        freq="DAILY",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "seviri-aerosols-ocean",
        "icare",
        "SEV_AER-OC-L2",
        ("MSG/SEVIRI aérosols sur océan", "MSG/SEVIRI aerosols over ocean"),
        (
            "Épaisseur optique des aérosols restituée toutes les 15 minutes au-dessus des océans à partir "
            "de l'imageur SEVIRI des satellites Meteosat Seconde Génération. Le produit est élaboré par le "
            "LOA et ICARE.",
            "Aerosol optical depth retrieved every 15 minutes over the oceans from the SEVIRI imager of the "
            "Meteosat Second Generation satellites. The product is developed by LOA and ICARE.",
        ),
        "SEVIRI/SEVIRI; géostationnaire/geostationary; aérosols/aerosols",
        "aerosol-optical-depth",
        "msg-disk",
        "2005-01-01",
        freq="DAILY",
        land=ICARE,
        fmt="HDF",
        svc="icare-archive",
    ),
    ds(
        "seviri-dust-africa",
        "icare",
        "SEV_AER-DUST",
        ("MSG/SEVIRI poussières désertiques sur l'Afrique", "MSG/SEVIRI desert dust over Africa"),
        (
            "Détection et épaisseur optique des poussières désertiques au-dessus du Sahara et de "
            "l'Atlantique tropical à partir des canaux infrarouges de SEVIRI. Le produit suit les "
            "soulèvements et le transport de poussières à haute fréquence.",
            "Detection and optical depth of desert dust over the Sahara and the tropical Atlantic from "
            "SEVIRI infrared channels. The product follows dust uplift and transport at high frequency.",
        ),
        "poussières/dust; Sahara/Sahara; SEVIRI/SEVIRI",
        "dust aerosol-optical-depth",
        "west-africa",
        "2006-01-01",
        freq="DAILY",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "megha-tropiques-saphir",
        "icare",
        "MT1SAPSL1A",
        (
            "Megha-Tropiques/SAPHIR humidité troposphérique",
            "Megha-Tropiques/SAPHIR tropospheric humidity",
        ),
        (
            "Températures de brillance du sondeur hyperfréquence SAPHIR et profils d'humidité relative "
            "restitués dans la bande tropicale. Megha-Tropiques est une mission franco-indienne CNES-ISRO.",
            "Brightness temperatures of the SAPHIR microwave sounder and relative humidity profiles "
            "retrieved in the tropical belt. Megha-Tropiques is a French-Indian CNES-ISRO mission.",
        ),
        "hyperfréquences/microwave; tropiques/tropics; humidité/humidity",
        "specific-humidity total-column-water-vapour",
        "tropics",
        "2011-10-13",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "megha-tropiques-scarab",
        "icare",
        "MT1SCAL1A",
        ("Megha-Tropiques/ScaRaB flux radiatifs", "Megha-Tropiques/ScaRaB radiative fluxes"),
        (
            "Luminances et flux radiatifs au sommet de l'atmosphère mesurés par le radiomètre ScaRaB. Le "
            "produit fournit le rayonnement grandes longueurs d'onde sortant et le flux solaire réfléchi.",
            "Top-of-atmosphere radiances and fluxes measured by the ScaRaB radiometer. The product provides "
            "outgoing longwave radiation and reflected solar flux.",
        ),
        "bilan radiatif/radiation budget; ScaRaB/ScaRaB; sommet de l'atmosphère/top of atmosphere",
        "outgoing-longwave-radiation",
        "tropics",
        "2011-10-13",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "megha-tropiques-tapeer",
        "icare",
        "TAPEER-BRAIN",
        (
            "TAPEER-BRAIN cumuls de précipitations tropicales",
            "TAPEER-BRAIN tropical rainfall accumulation",
        ),
        (
            "Cumuls de précipitations à 1° et 1 jour estimés en combinant les radiomètres hyperfréquences de "
            "la constellation GPM et l'infrarouge géostationnaire. L'algorithme TAPEER a été développé "
            "pour Megha-Tropiques.",
            "Rainfall accumulations at 1 degree and 1 day estimated by combining GPM constellation "
            "microwave radiometers and geostationary infrared. The TAPEER algorithm was developed for "
            "Megha-Tropiques.",
        ),
        "précipitations/precipitation; tropiques/tropics; GPM/GPM",
        "precipitation-rate rainfall-accumulation",
        "tropics",
        "2012-01-01",
        freq="DAILY",
        land=ICARE,
        svc="icare-archive",
    ),
    ds(
        "iasi-ozone",
        "espri",
        "IASI-FORLI-O3",
        ("IASI ozone FORLI", "IASI FORLI ozone"),
        (
            "Profils et colonnes totales d'ozone restitués par l'algorithme FORLI à partir du sondeur "
            "infrarouge IASI des satellites Metop. Les produits sont élaborés par le LATMOS et l'ULB et "
            "distribués par AERIS.",
            "Ozone profiles and total columns retrieved by the FORLI algorithm from the IASI infrared "
            "sounder on the Metop satellites. The products are developed by LATMOS and ULB and distributed "
            "by AERIS.",
        ),
        "IASI/IASI; ozone/ozone; Metop/Metop",
        "ozone",
        "global",
        "2008-01-01",
        freq="DAILY",
        land=ESPRI_IASI,
        svc="espri-thredds",
    ),
    ds(
        "iasi-carbon-monoxide",
        "espri",
        "IASI-FORLI-CO",
        ("IASI monoxyde de carbone FORLI", "IASI FORLI carbon monoxide"),
        (
            "Colonnes totales et profils de monoxyde de carbone restitués deux fois par jour à partir de "
            "IASI. Ils permettent de suivre les panaches de feux de biomasse à l'échelle du globe.",
            "Carbon monoxide total columns and profiles retrieved twice daily from IASI. They allow "
            "biomass burning plumes to be tracked across the globe.",
        ),
        "IASI/IASI; monoxyde de carbone/carbon monoxide; feux/fires",
        "carbon-monoxide wildfires",
        "global",
        "2007-10-01",
        freq="DAILY",
        land=ESPRI_IASI,
        svc="espri-thredds",
    ),
    ds(
        "iasi-ammonia",
        "espri",
        "IASI-ANNI-NH3",
        ("IASI ammoniac ANNI", "IASI ANNI ammonia"),
        (
            "Colonnes totales d'ammoniac restituées par le réseau de neurones ANNI développé à l'ULB. "
            "L'ammoniac, émis surtout par l'agriculture, est un précurseur des particules fines "
            "secondaires.",
            "Ammonia total columns retrieved by the ANNI neural network developed at ULB. Ammonia, mostly "
            "emitted by agriculture, is a precursor of secondary fine particulate matter.",
        ),
        "ammoniac/ammonia; agriculture/agriculture; IASI/IASI",
        "particulate-matter",
        "global",
        "2007-10-01",
        freq="DAILY",
        land=ESPRI_IASI,
        svc="espri-thredds",
        eu="ENVI AGRI",
    ),
    ds(
        "iasi-sulphur-dioxide",
        "espri",
        "IASI-SO2",
        ("IASI dioxyde de soufre", "IASI sulphur dioxide"),
        (
            "Colonnes de dioxyde de soufre et altitude des panaches restituées à partir de IASI. Le produit "
            "sert à la surveillance des éruptions volcaniques et des émissions industrielles.",
            "Sulphur dioxide columns and plume altitude retrieved from IASI. The product supports the "
            "monitoring of volcanic eruptions and industrial emissions.",
        ),
        "dioxyde de soufre/sulphur dioxide; volcan/volcano; IASI/IASI",
        "sulphur-dioxide volcanic-gas-emissions",
        "global",
        "2007-10-01",
        freq="DAILY",
        land=ESPRI_IASI,
        svc="espri-thredds",
    ),
    ds(
        "iasi-methane",
        "espri",
        "IASI-LMD-CH4",
        ("IASI méthane troposphérique (LMD)", "IASI mid-tropospheric methane (LMD)"),
        (
            "Colonnes de méthane de la moyenne troposphère restituées par le LMD à partir de IASI par "
            "réseaux de neurones. La série documente la croissance du méthane atmosphérique depuis 2007.",
            "Mid-tropospheric methane columns retrieved by LMD from IASI using neural networks. The record "
            "documents the growth of atmospheric methane since 2007.",
        ),
        "méthane/methane; gaz à effet de serre/greenhouse gas; IASI/IASI",
        "methane",
        "tropics",
        "2007-07-01",
        freq="MONTHLY",
        land=ESPRI_IASI,
        svc="espri-thredds",
    ),
    ds(
        "iasi-temperature-humidity",
        "espri",
        "IASI-L2-PPF",
        ("IASI profils de température et d'humidité", "IASI temperature and humidity profiles"),
        (
            "Profils atmosphériques de température et d'humidité restitués à partir des spectres IASI par "
            "le segment sol d'EUMETSAT. ESPRI en conserve une copie pour la recherche.",
            "Atmospheric temperature and humidity profiles retrieved from IASI spectra by the EUMETSAT "
            "ground segment. ESPRI keeps a copy for research use.",
        ),
        "sondage/sounding; température/temperature; humidité/humidity",
        "temperature-profile specific-humidity",
        "global",
        "2008-01-01",
        freq="DAILY",
        land=ESPRI_IASI,
        svc="espri-thredds",
    ),
    ds(
        "sirta-aerosol-lidar",
        "espri",
        "SIRTA-LNA",
        ("SIRTA lidar aérosols multi-longueurs d'onde", "SIRTA multi-wavelength aerosol lidar"),
        (
            "Profils de rétrodiffusion et de dépolarisation mesurés par le lidar de l'observatoire SIRTA "
            "à Palaiseau. Ces observations alimentent le réseau européen ACTRIS.",
            "Backscatter and depolarisation profiles measured by the lidar of the SIRTA observatory in "
            "Palaiseau. These observations feed the European ACTRIS network.",
        ),
        "lidar/lidar; ACTRIS/ACTRIS; SIRTA/SIRTA",
        "aerosol-extinction-profile",
        "sirta",
        "2002-01-01",
        freq="DAILY",
        land=SIRTA,
        svc="espri-thredds",
    ),
    ds(
        "sirta-cloud-radar",
        "espri",
        "SIRTA-BASTA",
        ("SIRTA radar nuage BASTA", "SIRTA BASTA cloud radar"),
        (
            "Réflectivité et vitesse Doppler mesurées par le radar nuage BASTA à 95 GHz installé au SIRTA. "
            "Le produit permet de restituer la structure verticale des nuages en continu.",
            "Reflectivity and Doppler velocity measured by the 95 GHz BASTA cloud radar at SIRTA. The product "
            "gives the continuous vertical structure of clouds.",
        ),
        "radar nuage/cloud radar; Doppler/Doppler; ACTRIS/ACTRIS",
        "cloud-fraction cloud-top-height",
        "sirta",
        "2014-01-01",
        freq="DAILY",
        land=SIRTA,
        svc="espri-thredds",
    ),
    ds(
        "sirta-meteorology",
        "espri",
        "SIRTA-METEO",
        ("SIRTA mesures météorologiques de surface", "SIRTA surface meteorology"),
        (
            "Température, humidité, pression et vent mesurés en continu sur le site instrumenté SIRTA. Les "
            "données sont moyennées à la minute et contrôlées en qualité.",
            "Temperature, humidity, pressure and wind measured continuously at the SIRTA instrumented site. "
            "Data are averaged over one minute and quality controlled.",
        ),
        "météorologie/meteorology; station/station; SIRTA/SIRTA",
        "air-temperature surface-pressure wind-speed wind-direction",
        "sirta",
        "2003-01-01",
        freq="DAILY",
        land=SIRTA,
        svc="espri-thredds",
    ),
    ds(
        "sirta-radiation-bsrn",
        "espri",
        "BSRN-PAL",
        (
            "SIRTA rayonnement de surface (station BSRN Palaiseau)",
            "SIRTA surface radiation (BSRN Palaiseau)",
        ),
        (
            "Rayonnements solaire global, direct, diffus et infrarouge descendant mesurés à la station "
            "Palaiseau du réseau BSRN. Les mesures suivent les normes de qualité du Baseline Surface "
            "Radiation Network.",
            "Global, direct, diffuse solar and downward longwave radiation measured at the Palaiseau BSRN "
            "station. Measurements follow the Baseline Surface Radiation Network quality standards.",
        ),
        "rayonnement/radiation; BSRN/BSRN; pyranomètre/pyranometer",
        "surface-solar-radiation",
        "sirta",
        "2003-06-01",
        freq="MONTHLY",
        land=SIRTA,
        fmt="CSV",
        svc="espri-thredds",
    ),
    ds(
        "sirta-boundary-layer",
        "espri",
        "SIRTA-PBL",
        ("SIRTA hauteur de couche limite", "SIRTA boundary layer height"),
        (
            "Hauteur de la couche limite atmosphérique déduite des profils de céilomètre et de lidar au "
            "SIRTA. Le produit est calculé par l'algorithme STRAT et sert à évaluer les modèles.",
            "Atmospheric boundary layer height derived from ceilometer and lidar profiles at SIRTA. The "
            "product is computed by the STRAT algorithm and used for model evaluation.",
        ),
        "couche limite/boundary layer; céilomètre/ceilometer; SIRTA/SIRTA",
        "boundary-layer-height",
        "sirta",
        "2008-01-01",
        freq="DAILY",
        land=SIRTA,
        svc="espri-thredds",
    ),
    ds(
        "puy-de-dome-aerosol-in-situ",
        "sedoo",
        "PUY-AEROSOL",
        ("Puy de Dôme propriétés des aérosols in situ", "Puy de Dôme in situ aerosol properties"),
        (
            "Distribution en taille, concentration en nombre et propriétés optiques des aérosols mesurées "
            "à la station du puy de Dôme (1465 m). La station fait partie des réseaux ACTRIS et GAW.",
            "Aerosol size distribution, number concentration and optical properties measured at the "
            "puy de Dôme station (1465 m). The station belongs to the ACTRIS and GAW networks.",
        ),
        "aérosols/aerosols; montagne/mountain; ACTRIS/ACTRIS",
        "aerosol-size-distribution particulate-matter",
        "puy-de-dome",
        "2000-01-01",
        freq="MONTHLY",
        land="https://wwwobs.univ-bpclermont.fr/SO/mesures/pdd.php",
        vert=(1465, 1465),
        fmt="CSV",
        svc="aeris-catalogue-api",
    ),
    ds(
        "puy-de-dome-trace-gases",
        "sedoo",
        "PUY-GASES",
        (
            "Puy de Dôme gaz réactifs et gaz à effet de serre",
            "Puy de Dôme reactive and greenhouse gases",
        ),
        (
            "Ozone, monoxyde de carbone, dioxyde de carbone et méthane mesurés en continu au sommet du "
            "puy de Dôme. La station représente l'air de fond de l'Europe de l'Ouest.",
            "Ozone, carbon monoxide, carbon dioxide and methane measured continuously at the summit of the "
            "puy de Dôme. The station samples Western European background air.",
        ),
        "gaz traces/trace gases; ICOS/ICOS; ozone/ozone",
        "ozone carbon-monoxide carbon-dioxide methane",
        "puy-de-dome",
        "2000-01-01",
        freq="MONTHLY",
        land="https://wwwobs.univ-bpclermont.fr/SO/mesures/pdd.php",
        fmt="CSV",
        svc="aeris-catalogue-api",
    ),
    ds(
        "puy-de-dome-cloud-microphysics",
        "sedoo",
        "PUY-CLOUD",
        ("Puy de Dôme microphysique des nuages", "Puy de Dôme cloud microphysics"),
        (
            "Contenu en eau liquide et spectres de gouttelettes mesurés dans les nuages qui enveloppent le "
            "sommet du puy de Dôme. Ces observations documentent les interactions aérosols-nuages.",
            "Liquid water content and droplet spectra measured in the clouds enveloping the puy de Dôme "
            "summit. These observations document aerosol-cloud interactions.",
        ),
        "nuages/clouds; gouttelettes/droplets; microphysique/microphysics",
        "cloud-phase",
        "puy-de-dome",
        "2004-01-01",
        freq="IRREG",
        land="https://wwwobs.univ-bpclermont.fr/SO/mesures/pdd.php",
        fmt="CSV",
        svc="aeris-catalogue-api",
    ),
    ds(
        "maido-lidars",
        "sedoo",
        "OPAR-MAIDO-LIDAR",
        (
            "Observatoire du Maïdo lidars ozone et aérosols",
            "Maïdo observatory ozone and aerosol lidars",
        ),
        (
            "Profils d'ozone stratosphérique et d'aérosols mesurés par les lidars de l'observatoire du "
            "Maïdo à La Réunion (2160 m). Le site contribue au réseau NDACC dans l'hémisphère Sud "
            "tropical.",
            "Stratospheric ozone and aerosol profiles measured by the lidars of the Maïdo observatory on "
            "Réunion island (2160 m). The site contributes to NDACC in the southern tropics.",
        ),
        "lidar/lidar; NDACC/NDACC; La Réunion/Reunion island",
        "ozone aerosol-extinction-profile",
        "maido",
        "2013-01-01",
        freq="MONTHLY",
        land="https://osur.univ-reunion.fr/observations/opar/",
        vert=(2160, None),
        svc="aeris-catalogue-api",
    ),
    ds(
        "ohp-ozone-lidar",
        "espri",
        "OHP-LIO3S",
        (
            "Observatoire de Haute-Provence lidar ozone stratosphérique",
            "Haute-Provence observatory stratospheric ozone lidar",
        ),
        (
            "Profils d'ozone stratosphérique et de température mesurés par lidar à l'Observatoire de "
            "Haute-Provence depuis 1985. Cette série NDACC est une référence pour les tendances de "
            "l'ozone.",
            "Stratospheric ozone and temperature profiles measured by lidar at the Haute-Provence "
            "Observatory since 1985. This NDACC record is a reference for ozone trends.",
        ),
        "ozone stratosphérique/stratospheric ozone; NDACC/NDACC; lidar/lidar",
        "ozone temperature-profile",
        "ohp",
        "1985-07-01",
        freq="MONTHLY",
        land="https://www.obs-hp.fr/",
        svc="espri-thredds",
    ),
    ds(
        "lille-aeronet",
        "icare",
        "AERONET-LILLE",
        ("Photomètre AERONET de Lille", "Lille AERONET sun photometer"),
        (
            "Épaisseur optique spectrale et propriétés inversées des aérosols mesurées par le photomètre "
            "de Lille. Le LOA gère ce site du réseau AERONET depuis 1994.",
            "Spectral aerosol optical depth and inverted aerosol properties measured by the Lille sun "
            "photometer. LOA has operated this AERONET site since 1994.",
        ),
        "photomètre/sun photometer; AERONET/AERONET; aérosols/aerosols",
        "aerosol-optical-depth aerosol-size-distribution",
        "lille",
        "1994-01-01",
        freq="DAILY",
        land="https://aeronet.gsfc.nasa.gov/",
        fmt="CSV",
        svc="icare-archive",
    ),
    ds(
        "mbour-aeronet",
        "icare",
        "AERONET-MBOUR",
        ("Photomètre AERONET de M'Bour (Sénégal)", "M'Bour (Senegal) AERONET sun photometer"),
        (
            "Épaisseur optique des aérosols mesurée à M'Bour, sur la côte sénégalaise, sur la trajectoire "
            "des poussières sahariennes. Le site a été installé pendant le programme AMMA.",
            "Aerosol optical depth measured at M'Bour on the Senegalese coast, on the path of Saharan "
            "dust. The site was set up during the AMMA programme.",
        ),
        "poussières/dust; Sénégal/Senegal; AERONET/AERONET",
        "aerosol-optical-depth dust",
        "mbour",
        "2003-12-01",
        freq="DAILY",
        land="https://aeronet.gsfc.nasa.gov/",
        fmt="CSV",
        svc="icare-archive",
    ),
    ds(
        "pic-du-midi-ozone",
        "sedoo",
        "P2OA-PDM-O3",
        ("Pic du Midi ozone de surface (P2OA)", "Pic du Midi surface ozone (P2OA)"),
        (
            "Ozone et monoxyde de carbone mesurés à l'observatoire du Pic du Midi (2877 m) de la "
            "plateforme P2OA. Le site prolonge des mesures historiques d'ozone commencées au XIXe siècle.",
            "Ozone and carbon monoxide measured at the Pic du Midi observatory (2877 m) of the P2OA "
            "platform. The site extends historical ozone measurements begun in the nineteenth century.",
        ),
        "ozone/ozone; Pyrénées/Pyrenees; P2OA/P2OA",
        "ozone carbon-monoxide",
        "pic-du-midi",
        "2001-01-01",
        freq="MONTHLY",
        land="https://p2oa.aeris-data.fr/",
        vert=(2877, 2877),
        fmt="CSV",
        svc="aeris-catalogue-api",
    ),
    ds(
        "amma-radiosondes",
        "sedoo",
        "AMMA-RS-2006",
        ("AMMA radiosondages 2006 en Afrique de l'Ouest", "AMMA 2006 West African radiosondes"),
        (
            "Profils de température, d'humidité et de vent du réseau renforcé de radiosondages de la "
            "campagne AMMA en 2006. Plus de 7000 sondages documentent la mousson ouest-africaine.",
            "Temperature, humidity and wind profiles from the enhanced radiosonde network of the 2006 "
            "AMMA campaign. More than 7000 soundings document the West African monsoon.",
        ),
        "mousson/monsoon; radiosondage/radiosounding; AMMA/AMMA",
        "temperature-profile specific-humidity wind-speed",
        "west-africa",
        "2006-01-01",
        "2006-12-31",
        land="https://baobab.sedoo.fr/",
        vert=(0, 30000),
        fmt="TXT",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "amma-atr42-aircraft",
        "sedoo",
        "AMMA-SOP-ATR42",
        ("AMMA mesures aéroportées de l'ATR 42 SAFIRE", "AMMA SAFIRE ATR 42 airborne measurements"),
        (
            "Mesures d'aérosols, de gaz traces et de thermodynamique réalisées par l'ATR 42 de SAFIRE "
            "depuis Niamey pendant les périodes d'observation spéciales AMMA de 2006. Les vols "
            "documentaient les soulèvements de poussières et la chimie de la mousson.",
            "Aerosol, trace gas and thermodynamic measurements made by the SAFIRE ATR 42 from Niamey during "
            "the 2006 AMMA special observing periods. The flights documented dust uplift and "
            "monsoon chemistry.",
        ),
        "avion de recherche/research aircraft; SAFIRE/SAFIRE; mousson/monsoon",
        "dust ozone air-temperature",
        "west-africa",
        "2006-06-01",
        "2006-08-31",
        land="https://baobab.sedoo.fr/",
        fmt="TXT",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "dacciwa-campaign",
        "sedoo",
        "DACCIWA-2016",
        (
            "DACCIWA campagne 2016 sud de l'Afrique de l'Ouest",
            "DACCIWA 2016 southern West Africa campaign",
        ),
        (
            "Observations aéroportées et au sol des aérosols, des nuages bas et de la chimie réalisées en "
            "juin-juillet 2016 au sud de l'Afrique de l'Ouest. Le projet DACCIWA étudiait l'effet de la "
            "pollution sur la mousson.",
            "Airborne and ground observations of aerosols, low clouds and chemistry made in June-July 2016 "
            "over southern West Africa. The DACCIWA project studied the effect of pollution on the "
            "monsoon.",
        ),
        "DACCIWA/DACCIWA; nuages bas/low clouds; pollution/pollution",
        "aerosol-optical-depth cloud-fraction air-pollution-episodes",
        "west-africa",
        "2016-06-01",
        "2016-07-31",
        land="https://baobab.sedoo.fr/",
        fmt="NETCDF",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "hymex-sop1-precipitation",
        "sedoo",
        "HYMEX-SOP1-RAD",
        ("HyMeX SOP1 précipitations radar", "HyMeX SOP1 radar precipitation"),
        (
            "Lames d'eau et intensités de précipitation issues des radars opérationnels et de recherche "
            "pendant la période d'observation spéciale HyMeX de l'automne 2012. Les données documentent "
            "les épisodes de pluies intenses méditerranéens.",
            "Rainfall amounts and precipitation rates from operational and research radars during the "
            "HyMeX special observing period of autumn 2012. The data document Mediterranean heavy "
            "precipitation events.",
        ),
        "pluies intenses/heavy precipitation; radar/radar; HyMeX/HyMeX",
        "precipitation-rate rainfall-accumulation",
        "mediterranean",
        "2012-09-05",
        "2012-11-06",
        land="https://mistrals.sedoo.fr/HyMeX/",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "hymex-lightning",
        "sedoo",
        "HYMEX-LMA",
        ("HyMeX réseau de détection des éclairs (LMA)", "HyMeX lightning mapping array"),
        (
            "Sources VHF des décharges électriques localisées en trois dimensions par le Lightning Mapping "
            "Array déployé dans le sud de la France pour HyMeX. Les données décrivent l'activité "
            "électrique des orages.",
            "VHF sources of lightning discharges located in three dimensions by the Lightning Mapping Array "
            "deployed in southern France for HyMeX. The data describe the electrical activity of "
            "thunderstorms.",
        ),
        "éclairs/lightning; orages/thunderstorms; HyMeX/HyMeX",
        "lightning storms",
        "cevennes",
        "2012-09-01",
        "2012-11-30",
        land="https://mistrals.sedoo.fr/HyMeX/",
        fmt="TXT",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "charmex-adrimed-aircraft",
        "sedoo",
        "CHARMEX-ADRIMED",
        ("ChArMEx/ADRIMED campagne aéroportée 2013", "ChArMEx/ADRIMED 2013 airborne campaign"),
        (
            "Propriétés optiques et microphysiques des aérosols mesurées par l'ATR 42 et le Falcon 20 de "
            "SAFIRE au-dessus de la Méditerranée occidentale en juin-juillet 2013. La campagne étudiait "
            "le forçage radiatif direct des aérosols.",
            "Aerosol optical and microphysical properties measured by the SAFIRE ATR 42 and Falcon 20 over "
            "the western Mediterranean in June-July 2013. The campaign studied aerosol direct radiative "
            "forcing.",
        ),
        "ChArMEx/ChArMEx; forçage radiatif/radiative forcing; Méditerranée/Mediterranean",
        "aerosol-optical-depth aerosol-size-distribution dust",
        "mediterranean",
        "2013-06-10",
        "2013-07-15",
        land="https://mistrals.sedoo.fr/ChArMEx/",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "charmex-cape-corsica",
        "sedoo",
        "CHARMEX-ERSA",
        ("ChArMEx station du Cap Corse (Ersa)", "ChArMEx Cape Corsica station (Ersa)"),
        (
            "Mesures in situ d'aérosols et de gaz réactifs à la station d'Ersa au Cap Corse, site "
            "superviseur de ChArMEx. La station observe les masses d'air méditerranéennes loin des "
            "sources.",
            "In situ aerosol and reactive gas measurements at the Ersa station on Cape Corsica, the ChArMEx "
            "supersite. The station observes Mediterranean air masses far from sources.",
        ),
        "Corse/Corsica; aérosols/aerosols; ozone/ozone",
        "particulate-matter ozone",
        "cape-corsica",
        "2012-06-01",
        freq="MONTHLY",
        land="https://mistrals.sedoo.fr/ChArMEx/",
        fmt="CSV",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "eurec4a-atr42",
        "sedoo",
        "EUREC4A-ATR",
        ("EUREC4A mesures de l'ATR 42 SAFIRE", "EUREC4A SAFIRE ATR 42 measurements"),
        (
            "Mesures de nuages, de turbulence et de thermodynamique réalisées par l'ATR 42 de SAFIRE au "
            "large de la Barbade en janvier-février 2020. La campagne EUREC4A étudiait les cumulus des "
            "alizés.",
            "Cloud, turbulence and thermodynamic measurements made by the SAFIRE ATR 42 off Barbados in "
            "January-February 2020. The EUREC4A campaign studied trade-wind cumulus.",
        ),
        "EUREC4A/EUREC4A; cumulus/cumulus; alizés/trade winds",
        "cloud-fraction specific-humidity wind-speed",
        "eurec4a",
        "2020-01-20",
        "2020-02-13",
        land="https://eurec4a.aeris-data.fr/",
        svc="sedoo-campaign-databases",
    ),
    ds(
        "eurec4a-radiosondes",
        "sedoo",
        "EUREC4A-RS",
        ("EUREC4A radiosondages", "EUREC4A radiosondes"),
        (
            "Plus de 2500 profils de radiosondage lancés depuis la Barbade et quatre navires de recherche "
            "pendant EUREC4A. Les profils décrivent la température, l'humidité et le vent de la couche "
            "des alizés.",
            "More than 2500 radiosonde profiles launched from Barbados and four research vessels during "
            "EUREC4A. The profiles describe temperature, humidity and wind in the trade-wind layer.",
        ),
        "radiosondage/radiosounding; EUREC4A/EUREC4A; Barbade/Barbados",
        "temperature-profile specific-humidity wind-speed",
        "eurec4a",
        "2020-01-08",
        "2020-02-19",
        land="https://eurec4a.aeris-data.fr/",
        vert=(0, 30000),
        svc="sedoo-campaign-databases",
    ),
    ds(
        "satmos-seviri-imagery",
        "satmos",
        "SATMOS-MSG-SEVIRI",
        ("Images MSG/SEVIRI reçues à Lannion", "MSG/SEVIRI imagery received in Lannion"),
        (
            "Images des douze canaux de l'imageur SEVIRI des satellites Meteosat reçues et archivées par le "
            "Centre de météorologie spatiale de Météo-France. Elles servent au suivi des nuages et des "
            "systèmes convectifs.",
            "Images of the twelve channels of the SEVIRI imager on the Meteosat satellites received and "
            "archived by the Météo-France Centre de météorologie spatiale. They support the monitoring of "
            "clouds and convective systems.",
        ),
        "Meteosat/Meteosat; imagerie/imagery; nuages/clouds",
        "cloud-fraction storms",
        "msg-disk",
        "2004-01-29",
        freq="HOURLY",
        land="https://www.satmos.meteo.fr/",
        fmt="HDF",
        svc="aeris-catalogue-api",
        lic="etalab",
    ),
    ds(
        "satmos-nwcsaf-cloud-type",
        "satmos",
        "NWCSAF-CT",
        ("NWC SAF type de nuages sur l'Europe", "NWC SAF cloud type over Europe"),
        (
            "Type de nuage et altitude du sommet restitués par les logiciels du NWC SAF à partir de "
            "SEVIRI. Le produit est calculé toutes les 15 minutes par Météo-France.",
            "Cloud type and cloud top height retrieved by the NWC SAF software from SEVIRI. The product is "
            "computed every 15 minutes by Météo-France.",
        ),
        "type de nuage/cloud type; NWC SAF/NWC SAF; prévision immédiate/nowcasting",
        "cloud-phase cloud-top-height",
        "europe",
        "2010-01-01",
        freq="HOURLY",
        land="https://www.satmos.meteo.fr/",
        svc="aeris-catalogue-api",
        lic="etalab",
    ),
    ds(
        "satmos-osisaf-surface-radiation",
        "satmos",
        "OSI-304",
        ("OSI SAF rayonnement solaire de surface", "OSI SAF surface solar irradiance"),
        (
            "Rayonnement solaire descendant à la surface de la mer estimé à partir des satellites "
            "géostationnaires par le Centre de météorologie spatiale. Le produit horaire couvre "
            "l'Atlantique et l'Europe.",
            "Downward solar irradiance at the sea surface estimated from geostationary satellites by the "
            "Centre de météorologie spatiale. The hourly product covers the Atlantic and Europe.",
        ),
        "rayonnement solaire/solar radiation; OSI SAF/OSI SAF; flux radiatifs/radiative fluxes",
        "surface-solar-radiation",
        "msg-disk",
        "2004-07-01",
        freq="HOURLY",
        land="https://osi-saf.eumetsat.int/",
        svc="aeris-catalogue-api",
        lic="etalab",
    ),
    ds(
        "era5-climserv",
        "espri",
        "ERA5-ESPRI",
        ("Réanalyse ERA5 (copie ESPRI)", "ERA5 reanalysis (ESPRI copy)"),
        (
            "Sélection de variables horaires et mensuelles de la réanalyse ERA5 du Centre européen mise à "
            "disposition sur les serveurs de calcul de l'IPSL. La copie locale évite les téléchargements "
            "répétés depuis le Climate Data Store.",
            "Selection of hourly and monthly variables of the ECMWF ERA5 reanalysis made available on the "
            "IPSL computing servers. The local copy avoids repeated downloads from the Climate Data "
            "Store.",
        ),
        "réanalyse/reanalysis; ERA5/ERA5; Copernicus/Copernicus",
        "atmospheric-reanalysis air-temperature surface-pressure wind-speed",
        "global",
        "1940-01-01",
        freq="MONTHLY",
        land="https://climserv.ipsl.polytechnique.fr/",
        svc="espri-thredds",
        access="RESTRICTED",
    ),
    ds(
        "cmip6-ipsl-cm6a-lr",
        "espri",
        "CMIP6.IPSL.IPSL-CM6A-LR",
        ("Simulations CMIP6 du modèle IPSL-CM6A-LR", "CMIP6 simulations of the IPSL-CM6A-LR model"),
        (
            "Sorties historiques et scénarios SSP du modèle de climat IPSL-CM6A-LR produites pour CMIP6. "
            "Elles sont distribuées par le nœud ESGF de l'IPSL.",
            "Historical and SSP scenario outputs of the IPSL-CM6A-LR climate model produced for CMIP6. "
            "They are distributed by the IPSL ESGF node.",
        ),
        "CMIP6/CMIP6; projections climatiques/climate projections; IPSL/IPSL",
        "climate-projections air-temperature precipitation-rate",
        "global",
        "1850-01-01",
        "2100-12-31",
        land="https://esgf-node.ipsl.upmc.fr/",
        svc="espri-thredds",
        issued="2018-07-01",
        modified="2023-06-30",
    ),
    ds(
        "euro-cordex-projections",
        "espri",
        "EURO-CORDEX-EUR11",
        ("Projections régionales EURO-CORDEX", "EURO-CORDEX regional projections"),
        (
            "Simulations climatiques régionales à 12 km sur l'Europe réalisées dans le cadre "
            "d'EURO-CORDEX, dont celles du modèle WRF de l'IPSL. Elles fournissent des projections de "
            "température et de précipitations jusqu'en 2100.",
            "Regional climate simulations at 12 km over Europe performed within EURO-CORDEX, including those "
            "of the IPSL WRF model. They provide temperature and precipitation projections up to 2100.",
        ),
        "CORDEX/CORDEX; descente d'échelle/downscaling; Europe/Europe",
        "climate-projections air-temperature precipitation-rate",
        "europe",
        "1950-01-01",
        "2100-12-31",
        land="https://www.euro-cordex.net/",
        svc="espri-thredds",
        issued="2014-01-01",
        modified="2022-12-31",
    ),
    ds(
        "icos-france-atmosphere",
        "espri",
        "ICOS-FR-ATM",
        (
            "ICOS France concentrations atmosphériques de CO2 et CH4",
            "ICOS France atmospheric CO2 and CH4 concentrations",
        ),
        (
            "Concentrations de dioxyde de carbone et de méthane mesurées sur les tours et stations "
            "atmosphériques françaises du réseau ICOS. Les mesures sont calibrées sur l'échelle de "
            "l'OMM.",
            "Carbon dioxide and methane concentrations measured at the French atmospheric towers and "
            "stations of the ICOS network. Measurements are calibrated on the WMO scale.",
        ),
        "ICOS/ICOS; gaz à effet de serre/greenhouse gases; tours/towers",
        "carbon-dioxide methane carbon-emissions",
        "france",
        "2015-01-01",
        freq="MONTHLY",
        land="https://www.icos-france.fr/",
        fmt="CSV",
        svc="espri-thredds",
    ),
]
