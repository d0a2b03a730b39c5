"""Synthetic DCAT-AP catalogues for the benchmarks: realistic, deterministic, N datasets.

About 29 triples per dataset, like the catalogue of ../shared/notes/performance.md: bilingual
titles and descriptions, keywords, 1–3 variables of the thesaurus, an EU data theme, a contact
point, a bbox, a temporal extent, 1–3 distributions, publisher, licence. All conform to the
shapes (no warnings), as a well-kept catalogue would.
"""

from __future__ import annotations

import random

NS = "https://data.gaia-data.fr/id/"
T = "https://w3id.org/gaia-kg/thesaurus/"
VARIABLES = [
    "aerosol-optical-depth",
    "ozone",
    "carbon-monoxide",
    "sea-surface-temperature",
    "sea-surface-salinity",
    "chlorophyll-a",
    "snow-cover",
    "land-cover-classes",
    "ndvi",
    "ground-displacement",
    "gnss-velocities",
    "species-occurrences",
    "precipitation-rate",
    "wind-speed",
    "cloud-fraction",
    "river-discharge",
    "surface-soil-moisture",
    "methane",
]
POLES = ["aeris", "odatis", "theia", "formater", "pndb"]
FORMATS = ["NETCDF", "CSV", "GEOTIFF", "HDF5", "JSON"]
WORDS = [
    "aerosol",
    "ocean",
    "snow",
    "glacier",
    "soil",
    "rain",
    "wind",
    "coast",
    "forest",
    "lake",
    "river",
    "plankton",
    "ozone",
    "cloud",
    "sea",
    "ice",
    "crop",
    "fault",
]


def lit(value: str, lang: str | None = None) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{datatype}>'


def dataset_ntriples(i: int, rng: random.Random) -> list[str]:
    d = f"<{NS}dataset/bench-{i}>"
    dcat, dct = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
    xsd = "http://www.w3.org/2001/XMLSchema#"
    w1, w2 = rng.sample(WORDS, 2)
    lines = [
        f"{d} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{dcat}Dataset> .",
        f"{d} <{dct}title> {lit(f'Série {i} : {w1} et {w2}', 'fr')} .",
        f"{d} <{dct}title> {lit(f'Series {i}: {w1} and {w2}', 'en')} .",
        f"{d} <{dct}description> {lit(f'Observations de {w1} et de {w2}, produit {i}.', 'fr')} .",
        f"{d} <{dct}description> {lit(f'Observations of {w1} and {w2}, product {i}.', 'en')} .",
        f"{d} <{dcat}keyword> {lit(w1, 'en')} .",
        f"{d} <{dct}identifier> {lit(f'BENCH-{i}')} .",
        f"{d} <{dct}license> <http://creativecommons.org/licenses/by/4.0/> .",
        f"{d} <{dct}publisher> <{NS}agent/{rng.choice(POLES)}> .",
        f"{d} <https://w3id.org/gaia-kg/ontology#pole> "
        f"<https://w3id.org/gaia-kg/org/{rng.choice(POLES)}> .",
    ]
    vcard = "http://www.w3.org/2006/vcard/ns#"
    pole = rng.choice(POLES)
    lines += [
        f"{d} <{dcat}theme> <http://publications.europa.eu/resource/authority/data-theme/ENVI> .",
        f"{d} <{dcat}contactPoint> _:cp{i} .",
        f"_:cp{i} <{vcard}fn> {lit(f'{pole.upper()} data centre')} .",
        f"_:cp{i} <{vcard}hasEmail> <mailto:contact@{pole}.example.org> .",
    ]
    for v in rng.sample(VARIABLES, rng.randint(1, 3)):
        lines.append(f"{d} <https://w3id.org/gaia-kg/ontology#variable> <{T}{v}> .")
    lon, lat = rng.uniform(-175, 170), rng.uniform(-85, 80)
    wkt = (
        f"POLYGON(({lon:.2f} {lat:.2f},{lon + 5:.2f} {lat:.2f},{lon + 5:.2f} {lat + 5:.2f},"
        f"{lon:.2f} {lat + 5:.2f},{lon:.2f} {lat:.2f}))"
    )
    start = 1990 + rng.randint(0, 30)
    lines += [
        f"{d} <{dct}spatial> _:loc{i} .",
        f"_:loc{i} <{dcat}bbox> {typed(wkt, 'http://www.opengis.net/ont/geosparql#wktLiteral')} .",
        f"{d} <{dct}temporal> _:per{i} .",
        f"_:per{i} <{dcat}startDate> {typed(f'{start}-01-01', xsd + 'date')} .",
        f"_:per{i} <{dcat}endDate> {typed(f'{start + rng.randint(1, 5)}-12-31', xsd + 'date')} .",
    ]
    for k in range(rng.randint(1, 3)):
        dist = f"<{NS}distribution/bench-{i}-{k}>"
        lines += [
            f"{d} <{dcat}distribution> {dist} .",
            f"{dist} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{dcat}Distribution> .",
            f"{dist} <{dcat}accessURL> <https://data.example.org/bench/{i}/{k}> .",
            f"{dist} <{dct}format> <http://publications.europa.eu/resource/authority/"
            f"file-type/{rng.choice(FORMATS)}> .",
        ]
    return lines


def write_catalogue(path, n: int, seed: int = 42, *, graphs: bool = False) -> int:
    """Write ``n`` datasets as N-Triples to ``path``; return the number of triples.

    With ``graphs``, write N-Quads instead, each dataset in a named graph of its own (what the
    store holds after a load, without the provenance).
    """
    rng = random.Random(seed)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            lines = dataset_ntriples(i, rng)
            count += len(lines)
            if graphs:
                g = f" <https://w3id.org/gaia-kg/graph/bench/{i}> .\n"
                out.write("".join(line[:-2] + g for line in lines))
            else:
                out.write("\n".join(lines) + "\n")
    return count
