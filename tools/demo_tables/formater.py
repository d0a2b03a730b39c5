"""ForM@Ter (solid Earth) datasets of the demo catalogue."""
# ruff: noqa: E501  (prose tables: long bilingual sentences kept whole)

from __future__ import annotations

from .spec import ds

__all__ = ["DATASETS"]

FORMATER = "https://www.poleterresolide.fr/"
RESIF = "https://seismology.resif.fr/"
IPGP = "https://datacenter.ipgp.fr/"
BCMT = "https://www.bcmt.fr/"


def _flatsim(region: str, name: tuple[str, str], area: str, start: str) -> object:
    return ds(
        f"flatsim-{region}",
        "isdeform",
        f"FLATSIM-{region.upper()}",
        (f"FLATSIM séries temporelles InSAR : {name[0]}", f"FLATSIM InSAR time series: {name[1]}"),
        (
            f"Interférogrammes Sentinel-1 et séries temporelles de déplacement du sol calculés par le "
            f"service FLATSIM de ForM@Ter sur la région {name[0]}. La chaîne NSBAS traite "
            "automatiquement de grandes zones à partir des données Copernicus.",
            f"Sentinel-1 interferograms and ground displacement time series computed by the ForM@Ter "
            f"FLATSIM service over the {name[1]} region. The NSBAS chain automatically processes large "
            "areas from Copernicus data.",
        ),
        "InSAR/InSAR; Sentinel-1/Sentinel-1; déformation/deformation",
        "ground-displacement interferograms",
        area,
        start,
        "2021-12-31",
        land="https://www.poleterresolide.fr/projets/flatsim/",
        fmt="GEOTIFF",
        svc="formater-catalogue",
        issued="2022-06-01",
        modified="2023-03-01",
    )


DATASETS = [
    _flatsim("tibet", ("Tibet-Himalaya", "Tibet-Himalaya"), "tibet", "2015-01-01"),
    _flatsim("afar", ("Afar", "Afar"), "afar", "2015-01-01"),
    _flatsim("central-andes", ("Andes centrales", "Central Andes"), "central-andes", "2015-01-01"),
    _flatsim("anatolia", ("Anatolie", "Anatolia"), "anatolia", "2015-01-01"),
    ds(
        "gdm-opt-sentinel2",
        "isdeform",
        "GDM-OPT",
        (
            "GDM-OPT déplacements par corrélation optique",
            "GDM-OPT displacements by optical correlation",
        ),
        (
            "Champs de déplacement horizontal du sol mesurés par corrélation d'images Sentinel-2 avec le "
            "service GDM-OPT de ForM@Ter. Ils documentent glissements de terrain, glaciers et séismes.",
            "Horizontal ground displacement fields measured by correlating Sentinel-2 images with the "
            "ForM@Ter GDM-OPT service. They document landslides, glaciers and earthquakes.",
        ),
        "corrélation d'images/image correlation; glissement de terrain/landslide; Sentinel-2/Sentinel-2",
        "ground-displacement landslides",
        "global",
        "2016-01-01",
        freq="IRREG",
        land=FORMATER,
        fmt="GEOTIFF",
        svc="formater-catalogue",
    ),
    ds(
        "dsm-opt-pleiades",
        "isdeform",
        "DSM-OPT",
        (
            "DSM-OPT modèles numériques de surface Pléiades",
            "DSM-OPT Pléiades digital surface models",
        ),
        (
            "Modèles numériques de surface calculés à la demande à partir de couples stéréoscopiques "
            "Pléiades et SPOT par le service DSM-OPT. Les modèles atteignent une résolution de 1 à 4 m.",
            "Digital surface models computed on demand from Pléiades and SPOT stereo pairs by the DSM-OPT "
            "service. The models reach 1 to 4 m resolution.",
        ),
        "stéréoscopie/stereoscopy; Pléiades/Pléiades; MNS/DSM",
        "elevation",
        "global",
        "2012-01-01",
        freq="IRREG",
        land=FORMATER,
        fmt="GEOTIFF",
        svc="formater-catalogue",
        access="RESTRICTED",
    ),
    ds(
        "piton-fournaise-insar",
        "isdeform",
        "OVPF-INSAR",
        ("Interférogrammes du Piton de la Fournaise", "Piton de la Fournaise interferograms"),
        (
            "Interférogrammes et cartes de déplacement du volcan du Piton de la Fournaise calculés à partir "
            "des satellites radar. Ils décrivent les intrusions de magma et les éruptions.",
            "Interferograms and displacement maps of Piton de la Fournaise volcano computed from radar "
            "satellites. They describe magma intrusions and eruptions.",
        ),
        "volcan/volcano; InSAR/InSAR; La Réunion/Reunion island",
        "interferograms ground-displacement",
        "piton-fournaise",
        "2015-01-01",
        freq="IRREG",
        land=FORMATER,
        fmt="GEOTIFF",
        svc="formater-catalogue",
    ),
    ds(
        "renag-gnss-positions",
        "renag",
        "RENAG-POS",
        ("RENAG positions journalières GNSS", "RENAG daily GNSS positions"),
        (
            "Séries temporelles des positions journalières des stations GNSS permanentes du réseau RENAG. "
            "Elles sont calculées dans le repère ITRF et servent à la géodésie et à la tectonique.",
            "Time series of daily positions of the permanent GNSS stations of the RENAG network. They are "
            "computed in the ITRF frame and support geodesy and tectonics.",
        ),
        "GNSS/GNSS; géodésie/geodesy; RENAG/RENAG",
        "gnss-positions",
        "france",
        "1997-01-01",
        freq="DAILY",
        land="https://renag.resif.fr/",
        fmt="TXT",
        svc="renag-data-access",
    ),
    ds(
        "renag-velocity-field",
        "renag",
        "RENAG-VEL",
        ("Champ de vitesses GNSS de la France", "GNSS velocity field of France"),
        (
            "Vitesses horizontales et verticales des stations GNSS françaises et taux de déformation "
            "dérivés. Le champ montre la faible déformation des Alpes et des Pyrénées.",
            "Horizontal and vertical velocities of French GNSS stations and derived strain rates. The field "
            "shows the slow deformation of the Alps and the Pyrenees.",
        ),
        "vitesses/velocities; déformation/deformation; tectonique/tectonics",
        "gnss-velocities strain-rate",
        "france",
        "1997-01-01",
        freq="ANNUAL",
        land="https://renag.resif.fr/",
        fmt="TXT",
        svc="renag-data-access",
    ),
    ds(
        "resif-fr-broadband",
        "resif",
        "10.15778/RESIF.FR",
        (
            "Réseau sismologique large bande permanent RESIF (FR)",
            "RESIF permanent broadband network (FR)",
        ),
        (
            "Formes d'onde continues des stations sismologiques large bande du réseau permanent français "
            "RLBP. Les données sont distribuées en miniSEED par les services web FDSN de Résif-DC.",
            "Continuous waveforms of the broadband seismic stations of the French permanent network RLBP. "
            "The data are distributed in miniSEED by the Résif-DC FDSN web services.",
        ),
        "sismologie/seismology; formes d'onde/waveforms; miniSEED/miniSEED",
        "seismic-waveforms",
        "france",
        "1995-01-01",
        freq="CONT",
        land=RESIF,
        fmt="BIN",
        svc="resif-fdsnws",
    ),
    ds(
        "resif-ra-accelerometric",
        "resif",
        "10.15778/RESIF.RA",
        (
            "Réseau accélérométrique permanent RESIF (RA)",
            "RESIF permanent accelerometric network (RA)",
        ),
        (
            "Enregistrements des mouvements forts du sol par les accéléromètres du réseau RAP. Ils servent "
            "à l'étude de l'aléa sismique et des effets de site.",
            "Strong ground motion recordings by the accelerometers of the RAP network. They serve seismic "
            "hazard and site effect studies.",
        ),
        "accélérométrie/accelerometry; aléa sismique/seismic hazard; RAP/RAP",
        "seismic-waveforms",
        "france",
        "1995-01-01",
        freq="CONT",
        land=RESIF,
        fmt="BIN",
        svc="resif-fdsnws",
    ),
    ds(
        "geoscope-network",
        "ipgp-datacentre",
        "10.18715/GEOSCOPE.G",
        ("Réseau sismologique mondial GEOSCOPE (G)", "GEOSCOPE global seismic network (G)"),
        (
            "Formes d'onde large bande des stations GEOSCOPE installées sur tous les continents depuis "
            "1982. Le réseau est opéré par l'IPGP et l'EOST.",
            "Broadband waveforms of GEOSCOPE stations installed on all continents since 1982. The network "
            "is operated by IPGP and EOST.",
        ),
        "GEOSCOPE/GEOSCOPE; sismologie globale/global seismology; large bande/broadband",
        "seismic-waveforms",
        "global",
        "1982-01-01",
        freq="CONT",
        land="http://geoscope.ipgp.fr/",
        fmt="BIN",
        svc="ipgp-fdsnws",
    ),
    ds(
        "renass-bulletin",
        "resif",
        "BCSF-RENASS",
        (
            "Bulletin de sismicité de la France (BCSF-RéNaSS)",
            "French seismicity bulletin (BCSF-RéNaSS)",
        ),
        (
            "Catalogue des séismes localisés en France métropolitaine et dans les régions frontalières, "
            "avec magnitudes et intensités. Le bulletin est produit par le BCSF-RéNaSS à Strasbourg.",
            "Catalogue of earthquakes located in metropolitan France and neighbouring regions, with "
            "magnitudes and intensities. The bulletin is produced by BCSF-RéNaSS in Strasbourg.",
        ),
        "séismes/earthquakes; catalogue/catalogue; magnitude/magnitude",
        "earthquake-catalogue",
        "france",
        "1980-01-01",
        freq="DAILY",
        land="https://renass.unistra.fr/",
        fmt="CSV",
        svc="resif-fdsnws",
    ),
    ds(
        "strasbourg-superconducting-gravimeter",
        "resif",
        "RESIF-GMOB-J9",
        (
            "Gravimètre supraconducteur de Strasbourg (J9)",
            "Strasbourg superconducting gravimeter (J9)",
        ),
        (
            "Variations temporelles de la pesanteur mesurées par le gravimètre supraconducteur de "
            "l'observatoire de Strasbourg. Les séries contiennent marées terrestres et signaux "
            "hydrologiques.",
            "Temporal gravity variations measured by the superconducting gravimeter of the Strasbourg "
            "observatory. The series contain Earth tides and hydrological signals.",
        ),
        "gravimétrie/gravimetry; marées terrestres/Earth tides; pesanteur/gravity",
        "gravity-anomaly",
        "strasbourg",
        "1997-01-01",
        freq="CONT",
        land=RESIF,
        fmt="TXT",
        svc="resif-fdsnws",
    ),
    ds(
        "ovpf-seismicity",
        "ipgp-datacentre",
        "OVPF-CAT",
        ("Sismicité du Piton de la Fournaise (OVPF)", "Piton de la Fournaise seismicity (OVPF)"),
        (
            "Catalogue des séismes volcano-tectoniques enregistrés par l'Observatoire volcanologique du "
            "Piton de la Fournaise. Les formes d'onde du réseau PF sont également disponibles.",
            "Catalogue of volcano-tectonic earthquakes recorded by the Piton de la Fournaise volcano "
            "observatory. Waveforms of the PF network are also available.",
        ),
        "volcan/volcano; sismicité/seismicity; OVPF/OVPF",
        "earthquake-catalogue seismic-waveforms",
        "piton-fournaise",
        "1980-01-01",
        freq="DAILY",
        land=IPGP,
        fmt="CSV",
        svc="ipgp-fdsnws",
    ),
    ds(
        "ovpf-gnss",
        "ipgp-datacentre",
        "OVPF-GNSS",
        ("GNSS permanent du Piton de la Fournaise", "Piton de la Fournaise permanent GNSS"),
        (
            "Positions journalières des stations GNSS installées sur le Piton de la Fournaise. Elles "
            "mesurent le gonflement de l'édifice avant les éruptions.",
            "Daily positions of the GNSS stations installed on Piton de la Fournaise. They measure the "
            "inflation of the edifice before eruptions.",
        ),
        "GNSS/GNSS; volcan/volcano; gonflement/inflation",
        "gnss-positions ground-displacement",
        "piton-fournaise",
        "2004-01-01",
        freq="DAILY",
        land=IPGP,
        fmt="TXT",
        svc="ipgp-fdsnws",
    ),
    ds(
        "ovsg-soufriere",
        "ipgp-datacentre",
        "OVSG",
        ("Observatoire de la Soufrière de Guadeloupe", "La Soufrière de Guadeloupe observatory"),
        (
            "Sismicité, émissions de gaz des fumerolles et températures mesurées par l'Observatoire "
            "volcanologique et sismologique de Guadeloupe. Le volcan est en activité hydrothermale "
            "croissante depuis 1992.",
            "Seismicity, fumarole gas emissions and temperatures measured by the Guadeloupe volcanological "
            "and seismological observatory. The volcano has shown increasing hydrothermal activity since "
            "1992.",
        ),
        "Soufrière/Soufriere; fumerolles/fumaroles; Guadeloupe/Guadeloupe",
        "volcanic-gas-emissions earthquake-catalogue",
        "guadeloupe",
        "1992-01-01",
        freq="DAILY",
        land=IPGP,
        fmt="CSV",
        svc="ipgp-fdsnws",
    ),
    ds(
        "ovsm-pelee",
        "ipgp-datacentre",
        "OVSM",
        ("Observatoire de la montagne Pelée (Martinique)", "Mount Pelée observatory (Martinique)"),
        (
            "Catalogue de la sismicité volcanique et régionale enregistrée par l'Observatoire "
            "volcanologique et sismologique de Martinique. La montagne Pelée connaît un regain "
            "d'activité depuis 2019.",
            "Catalogue of volcanic and regional seismicity recorded by the Martinique volcanological and "
            "seismological observatory. Mount Pelée has shown renewed activity since 2019.",
        ),
        "montagne Pelée/Mount Pelee; sismicité/seismicity; Martinique/Martinique",
        "earthquake-catalogue",
        "martinique",
        "1980-01-01",
        freq="DAILY",
        land=IPGP,
        fmt="CSV",
        svc="ipgp-fdsnws",
    ),
    ds(
        "bcmt-chambon-la-foret",
        "bcmt",
        "BCMT-CLF",
        (
            "Observatoire magnétique de Chambon-la-Forêt (CLF)",
            "Chambon-la-Forêt magnetic observatory (CLF)",
        ),
        (
            "Composantes du champ magnétique terrestre mesurées à la minute à l'observatoire de "
            "Chambon-la-Forêt, en service depuis 1936. Les données définitives sont diffusées via "
            "INTERMAGNET.",
            "Components of the geomagnetic field measured every minute at the Chambon-la-Forêt "
            "observatory, in operation since 1936. Definitive data are distributed through "
            "INTERMAGNET.",
        ),
        "géomagnétisme/geomagnetism; observatoire/observatory; INTERMAGNET/INTERMAGNET",
        "magnetic-field",
        "chambon-la-foret",
        "1936-01-01",
        freq="DAILY",
        land=BCMT,
        fmt="TXT",
        svc="intermagnet-gin",
    ),
    ds(
        "bcmt-observatory-network",
        "bcmt",
        "BCMT-NETWORK",
        (
            "Réseau mondial d'observatoires magnétiques du BCMT",
            "BCMT worldwide magnetic observatory network",
        ),
        (
            "Données minute et valeurs définitives des observatoires magnétiques français d'outre-mer et "
            "partenaires, de Dumont d'Urville à Tamanrasset. Elles contribuent aux modèles du champ "
            "principal.",
            "Minute data and definitive values of French overseas and partner magnetic observatories, from "
            "Dumont d'Urville to Tamanrasset. They contribute to main field models.",
        ),
        "champ magnétique/magnetic field; observatoires/observatories; IGRF/IGRF",
        "magnetic-field",
        "global",
        "1957-01-01",
        freq="DAILY",
        land=BCMT,
        fmt="TXT",
        svc="intermagnet-gin",
    ),
    ds(
        "bcmt-kerguelen",
        "bcmt",
        "BCMT-PAF",
        (
            "Observatoire magnétique de Port-aux-Français (Kerguelen)",
            "Port-aux-Français magnetic observatory (Kerguelen)",
        ),
        (
            "Mesures vectorielles et scalaires du champ magnétique à l'observatoire de Port-aux-Français. "
            "Ce site subantarctique comble un vide d'observations dans l'océan Indien austral.",
            "Vector and scalar magnetic field measurements at the Port-aux-Français observatory. This "
            "sub-Antarctic site fills an observation gap in the southern Indian Ocean.",
        ),
        "Kerguelen/Kerguelen; géomagnétisme/geomagnetism; subantarctique/sub-Antarctic",
        "magnetic-field",
        "kerguelen",
        "1957-01-01",
        freq="DAILY",
        land=BCMT,
        fmt="TXT",
        svc="intermagnet-gin",
    ),
]
