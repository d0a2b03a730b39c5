"""Hand-written alignment of the GAIA thesaurus to the EPOS categories (solid earth).

The EPOS thematic core services tag datasets and web services with category concepts
(``dcat:theme <epos:SeismicWaveform>``, ``<epos:GNSSProductsPortal>``) and, in the older
EPOS-DCAT-AP XML, with ``eposap:domain`` / ``eposap:subDomain`` names (``GEOELECTROMAGNETISM``,
``reservoir impoundment``). Each row is ``(EPOS concept name, relation, GAIA slug)``; the EPOS
concept is written ``<epos:NAME>`` as the thematic services write it, and the converter finds a
row by the name with case, spaces and punctuation folded (``MAGNETIC ACTIVITY`` finds
``Magneticactivity``). The relation is read from the GAIA side as in ``gcmd.py``: ``narrow`` when
the EPOS category is narrower than the GAIA concept (it lands there), ``broad`` when it is
broader. Every row lands in the solid-earth compartment. Generic tool categories (converters,
visualisations, download tools, software catalogues) have no row: they say nothing of the data.
"""

from __future__ import annotations

__all__ = ["ROWS", "NAMESPACE"]

#: how the thematic services write their category concepts (an IRI of scheme ``epos:``)
NAMESPACE = "epos:"

ROWS: list[tuple[str, str, str]] = [
    # --- seismology -----------------------------------------------------------------------
    ("Seismology", "exact", "seismicity"),
    ("SeismicWaveform", "exact", "seismic-waveforms"),
    ("SeismicWaveforms", "exact", "seismic-waveforms"),
    ("SeismicStation", "narrow", "seismicity"),
    ("SeismicStations", "narrow", "seismicity"),
    ("SeismicNetwork", "narrow", "seismicity"),
    ("Seismicdataservices", "narrow", "seismicity"),
    ("SeismicHazardproducts", "narrow", "seismicity"),
    ("ProbabilisticSeismicHazardAnalysis", "narrow", "seismicity"),
    ("EarthquakeCatalogue", "exact", "earthquake-catalogue"),
    ("SeismicEvent", "close", "earthquake-catalogue"),
    ("EarthquakeParameters", "close", "earthquake-catalogue"),
    ("HistoricalEarthquakes", "narrow", "earthquake-catalogue"),
    # --- near-fault observatories ---------------------------------------------------------
    ("NearFaultObservations", "narrow", "seismicity"),
    ("StrainData", "close", "strain-rate"),
    ("Geohazards", "narrow", "solid-earth"),
    ("Hazardmap", "narrow", "solid-earth"),
    ("SusceptibilityMap", "narrow", "solid-earth"),
    # --- anthropogenic hazards: induced seismicity episodes and their analysis ------------
    ("Anthropogenichazards", "narrow", "seismicity"),
    ("AnthropogenicHazardObservations", "narrow", "seismicity"),
    ("Episodes", "narrow", "seismicity"),
    ("Reservoirimpoundment", "narrow", "seismicity"),
    ("Geothermalenergyproduction", "narrow", "seismicity"),
    ("Geothermal", "narrow", "seismicity"),
    ("Coalmining", "narrow", "seismicity"),
    ("Hardrockmining", "narrow", "seismicity"),
    ("Saltsolutionsmining", "narrow", "seismicity"),
    ("Saltsolutionmining", "narrow", "seismicity"),
    ("Mine", "narrow", "seismicity"),
    ("Conventionalhydrocarbonextraction", "narrow", "seismicity"),
    ("Unconventionalhydrocarbonextraction", "narrow", "seismicity"),
    ("shale", "narrow", "seismicity"),
    ("Storage", "narrow", "seismicity"),
    ("UndergroundGasStorage", "narrow", "seismicity"),
    ("CollectivePropertiesOfSeismicityAnalysis", "narrow", "seismicity"),
    ("EarthquakeInteractionsAnalysis", "narrow", "seismicity"),
    ("SourceParameterEstimation", "narrow", "seismicity"),
    ("StressFieldModeling", "narrow", "seismicity"),
    ("EventDetectionAlgorithms", "narrow", "seismicity"),
    ("SeismogramAnalysisTools", "narrow", "seismic-waveforms"),
    # --- GNSS and geodesy -----------------------------------------------------------------
    ("Geodesy", "exact", "geodesy"),
    ("GeodeticData", "close", "geodesy"),
    ("GNSSData", "narrow", "geodesy"),
    ("GNSSDataGatewayPortal", "narrow", "geodesy"),
    ("GNSSProductsPortal", "narrow", "geodesy"),
    ("GNSSStations", "narrow", "geodesy"),
    ("GNSSVelocities", "exact", "gnss-velocities"),
    ("GNSSTimeSeries", "close", "gnss-positions"),
    # --- satellite data: InSAR ground deformation -----------------------------------------
    ("InSAR", "narrow", "ground-deformation"),
    ("RadarInterferometry", "narrow", "ground-deformation"),
    ("SatelliteData", "narrow", "ground-deformation"),
    ("SatelliteObservations", "narrow", "ground-deformation"),
    ("WrappedInterferograms", "exact", "interferograms"),
    ("UnwrappedInterferograms", "exact", "interferograms"),
    ("LOSDisplacementTimeSeries", "close", "ground-displacement"),
    ("TiltmeterStation", "narrow", "ground-deformation"),
    ("TiltmeterWaveform", "narrow", "ground-deformation"),
    # --- geomagnetism ---------------------------------------------------------------------
    ("Geomagnetism", "exact", "geomagnetism"),
    ("Geoelectromagnetism", "close", "geomagnetism"),
    ("Magnetotellurics", "narrow", "geomagnetism"),
    ("Magneticfield", "exact", "magnetic-field"),
    ("Magneticactivity", "close", "magnetic-indices"),
    ("GeomagneticIndices", "exact", "magnetic-indices"),
    # --- volcano observations -------------------------------------------------------------
    ("Volcanology", "exact", "volcanology"),
    ("VolcanologicalData", "narrow", "volcanology"),
    ("VolcanoObservations", "narrow", "volcanology"),
    ("Volcanic-Reports", "narrow", "volcanology"),
    ("volcanic-activity", "narrow", "volcanology"),
    ("Volcanological/petrological", "narrow", "volcanology"),
    ("GeochemicalData", "narrow", "volcanology"),
    ("DopplerRadar", "narrow", "volcanology"),
    ("Ground-basedremotesensingdata&products", "narrow", "volcanology"),
    ("Thermalmonitoring", "close", "thermal-anomalies"),
    ("Atmosphericmonitoring", "broad", "volcanic-gas-emissions"),
    # --- geology --------------------------------------------------------------------------
    ("Geology", "exact", "geology"),
    ("GeologicalData", "close", "geology"),
    ("GeologicalMap", "exact", "geological-maps"),
    ("GeologicUnit", "narrow", "geological-maps"),
    ("Borehole", "exact", "boreholes"),
    ("BoreholeData", "exact", "boreholes"),
    ("3D/4Dmodel", "narrow", "geology"),
    ("3D/4Dmodels", "narrow", "geology"),
]
