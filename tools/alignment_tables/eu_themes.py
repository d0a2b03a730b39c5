"""Hand-written alignment of the GAIA thesaurus to the EU data themes (DCAT-AP ``dcat:theme``).

Each row is ``(GAIA slug, relation, data-theme code)``, the relation read from the GAIA side as in
``gcmd.py``: ``broad`` when the EU theme contains the GAIA concept, ``close`` when they are near
equivalents, ``related`` when the theme is only a use of the data (solar and wind energy, maritime
transport, public safety). Every compartment is placed under ``ENVI``; sub-domains are listed
only when a second theme applies.
"""

from __future__ import annotations

__all__ = ["ROWS"]

ROWS: list[tuple[str, str, str]] = [
    # compartments
    ("atmosphere", "broad", "ENVI"),
    ("oceans", "broad", "ENVI"),
    ("land-surfaces", "broad", "ENVI"),
    ("solid-earth", "broad", "ENVI"),
    ("climate", "broad", "ENVI"),
    ("biodiversity", "broad", "ENVI"),
    ("agro-environment", "broad", "ENVI"),
    ("agro-environment", "broad", "AGRI"),
    # agriculture, fisheries, forestry and food
    ("crops", "broad", "AGRI"),
    ("soil-properties", "broad", "AGRI"),
    ("agricultural-practices", "close", "AGRI"),
    ("water-resources", "related", "AGRI"),
    ("fish-stocks", "broad", "AGRI"),
    # health
    ("air-quality", "related", "HEAL"),
    # regions and cities
    ("land-use", "related", "REGI"),
    ("land-cover", "related", "REGI"),
    # energy
    ("surface-solar-radiation", "related", "ENER"),
    ("wind-speed", "related", "ENER"),
    # transport
    ("sea-state", "related", "TRAN"),
    ("sea-ice", "related", "TRAN"),
    # justice, legal system and public safety
    ("weather-events", "related", "JUST"),
    ("seismicity", "related", "JUST"),
    ("volcanology", "related", "JUST"),
    # science and technology
    ("climate-models", "related", "TECH"),
    ("geodesy", "related", "TECH"),
]
