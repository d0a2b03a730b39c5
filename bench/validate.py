"""Benchmark: the fast SHACL engine against pyshacl on N synthetic datasets.

Each dataset is its own named graph (as record graphs are): bilingual titles, theme, variable,
contact, bbox, temporal extent, 1–3 distributions; a few percent carry one defect.

    .venv/bin/python bench/validate.py --n 2000
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import pyoxigraph as ox

from graph_loader.validation import load_shapes, validate, validate_with_pyshacl

DCAT, DCT = "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
VCARD, XSD = "http://www.w3.org/2006/vcard/ns#", "http://www.w3.org/2001/XMLSchema#"
GEO, GAIA = "http://www.opengis.net/ont/geosparql#", "https://w3id.org/gaia-kg/ontology#"
TH, BASE = "https://w3id.org/gaia-kg/thesaurus/", "https://data.gaia-data.fr/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
VARIABLES = [
    "aerosol-optical-depth",
    "ozone",
    "sea-surface-temperature",
    "snow-cover",
    "ndvi",
    "ground-displacement",
    "species-occurrences",
    "precipitation-rate",
    "methane",
]
DEFECTS = [
    "no-title",
    "title-de",
    "bbox-lon-200",
    "start-after-end",
    "no-access-url",
    "bad-doi",
    "landing-page-literal",
    "no-licence",
]
ETALAB = ox.NamedNode("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
NETCDF = ox.NamedNode("http://publications.europa.eu/resource/authority/file-type/NETCDF")


def n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def dataset_quads(i: int, rng: random.Random, defect: str | None) -> list[ox.Quad]:
    """The quads of one synthetic dataset record, in its own named graph."""
    g, ds = n(f"{BASE}record/{i}"), n(f"{BASE}dataset/ds-{i}")
    out: list[ox.Quad] = []

    def add(s, p: str, o) -> None:
        out.append(ox.Quad(s, n(p), o, g))

    out.append(ox.Quad(ds, RDF_TYPE, n(DCAT + "Dataset"), g))
    if defect != "no-title":
        add(
            ds,
            DCT + "title",
            ox.Literal(f"Jeu {i}", language="de" if defect == "title-de" else "fr"),
        )
        if defect != "title-de":
            add(ds, DCT + "title", ox.Literal(f"Dataset {i}", language="en"))
    add(ds, DCT + "description", ox.Literal(f"Description du jeu {i}.", language="fr"))
    add(ds, DCT + "description", ox.Literal(f"Description of dataset {i}.", language="en"))
    add(ds, DCAT + "keyword", ox.Literal("climat", language="fr"))
    variable = rng.choice(VARIABLES)
    add(ds, DCAT + "theme", n(TH + variable))
    add(ds, GAIA + "variable", n(TH + variable))
    add(ds, DCT + "publisher", n("https://w3id.org/gaia-kg/org/" + rng.choice(["icare", "sedoo"])))
    if defect != "no-licence":
        add(ds, DCT + "license", ETALAB)
    page = f"https://catalogue.example.org/ds/{i}"
    add(ds, DCAT + "landingPage", ox.Literal(page) if defect == "landing-page-literal" else n(page))
    add(ds, DCT + "issued", ox.Literal("2021-03-04", datatype=n(XSD + "date")))
    doi = f"10.{'12' if defect == 'bad-doi' else '25326'}/ds.{i}"
    add(ds, DCT + "identifier", ox.Literal("https://doi.org/" + doi))
    contact = ox.BlankNode()
    add(ds, DCAT + "contactPoint", contact)
    add(contact, VCARD + "fn", ox.Literal("Data centre"))
    add(contact, VCARD + "hasEmail", n("mailto:contact@example.org"))
    location = ox.BlankNode()
    add(ds, DCT + "spatial", location)
    out.append(ox.Quad(location, RDF_TYPE, n(DCT + "Location"), g))
    west, south = rng.randint(-180, 150), rng.randint(-90, 60)
    east = 200 if defect == "bbox-lon-200" else west + 30
    wkt = (
        f"POLYGON(({west} {south}, {east} {south}, {east} {south + 30}, {west} {south + 30}, "
        f"{west} {south}))"
    )
    add(location, DCAT + "bbox", ox.Literal(wkt, datatype=n(GEO + "wktLiteral")))
    period = ox.BlankNode()
    add(ds, DCT + "temporal", period)
    out.append(ox.Quad(period, RDF_TYPE, n(DCT + "PeriodOfTime"), g))
    start, end = (2021, 2010) if defect == "start-after-end" else (2000, 2020)
    add(period, DCAT + "startDate", ox.Literal(f"{start}-01-01", datatype=n(XSD + "date")))
    add(period, DCAT + "endDate", ox.Literal(f"{end}-12-31", datatype=n(XSD + "date")))
    for k in range(rng.randint(1, 3)):
        dist = ox.BlankNode()
        add(ds, DCAT + "distribution", dist)
        out.append(ox.Quad(dist, RDF_TYPE, n(DCAT + "Distribution"), g))
        if not (defect == "no-access-url" and k == 0):
            add(dist, DCAT + "accessURL", n(f"https://data.example.org/ds/{i}/{k}"))
        add(dist, DCAT + "downloadURL", n(f"ftp://ftp.example.org/ds/{i}/{k}.nc"))
        add(dist, DCT + "license", ETALAB)
        add(dist, DCT + "format", NETCDF)
    return out


def build(count: int, defect_rate: float, seed: int = 7) -> ox.Store:
    """A store with ``count`` synthetic dataset records."""
    rng = random.Random(seed)
    store = ox.Store()
    quads = []
    for i in range(count):
        defect = rng.choice(DEFECTS) if rng.random() < defect_rate else None
        quads.extend(dataset_quads(i, rng, defect))
    store.bulk_extend(quads)
    return store


def timed(function, repeat: int) -> tuple[float, list]:
    times, result = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of datasets")
    parser.add_argument("--defects", type=float, default=0.04, help="share with one defect")
    parser.add_argument("--repeat", type=int, default=3, help="runs per engine (median)")
    parser.add_argument("--skip-pyshacl", action="store_true", help="time the fast engine only")
    args = parser.parse_args()
    store = build(args.n, args.defects)
    shapes = load_shapes()
    print(f"{args.n} datasets, {len(store)} triples, {len(shapes.checks)} compiled checks")
    fast_time, fast = timed(lambda: validate(store, shapes), args.repeat)
    print(
        f"fast engine: {fast_time:.3f} s ({args.n / fast_time:,.0f} datasets/s), "
        f"{len(fast)} problems"
    )
    if args.skip_pyshacl:
        return
    ref_time, ref = timed(lambda: validate_with_pyshacl(store, shapes), args.repeat)
    print(
        f"pyshacl:     {ref_time:.3f} s ({args.n / ref_time:,.0f} datasets/s), {len(ref)} problems"
    )
    same = {p.key for p in fast} == {p.key for p in ref}
    print(f"ratio: {ref_time / fast_time:.1f}x faster; same problems: {same}")


if __name__ == "__main__":
    main()
