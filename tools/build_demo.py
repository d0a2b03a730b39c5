"""Write the demo catalogue (``graph_loader/demo/*.ttl``) from the TOML files of ``demo_tables``.

Run ``python tools/build_demo.py`` from the repository root; the output is deterministic.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS as DCT

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import demo_records  # noqa: E402
from demo_rdf import (  # noqa: E402
    CITO,
    DCAT,
    DWC,
    EU,
    FOAF,
    GAIA,
    ORG,
    SDO,
    SKOS,
    THESAURUS,
    VCARD,
    bilingual,
    iri,
    new_graph,
    wkt,
)

__all__ = ["build", "main"]

_COMMON = demo_records.common()
AREAS = _COMMON["areas"]
LICENCES = _COMMON["licences"]
STANDARDS = _COMMON["standards"]
FILE_TYPES = _COMMON["file_types"]
LANGUAGES = _COMMON["languages"]
TAXA = _COMMON["taxa"]
#: every publisher agent: slug -> {"name": (fr, en), "homepage", "email"[, "pole"]}
AGENTS = _COMMON["infrastructure"] | _COMMON["poles"] | _COMMON["centres"]
SERVICES = demo_records.services()
PUBLICATIONS = demo_records.publications()
SOFTWARE = demo_records.software()
TUTORIALS = demo_records.tutorials()
DEMO_DIR = Path(__file__).resolve().parent.parent / "graph_loader" / "demo"


def centre_terms(centre: str) -> tuple[URIRef, URIRef, URIRef]:
    """Pole, data centre and publisher agent IRIs of a data centre slug."""
    pole = AGENTS[centre]["pole"]
    return URIRef(ORG + pole), URIRef(ORG + centre), iri("agent", centre)


def add_dataset(g: Graph, d, services: dict[str, set[str]], *, defect: str | None = None) -> None:
    """Write one dataset with its location, period, vertical extent and distributions; record
    served datasets."""
    s = iri("dataset", d.slug)
    pole, centre, agent = centre_terms(d.centre)
    g.add((s, RDF.type, DCAT.Dataset))
    if defect != "no-title":
        bilingual(g, s, DCT.title, d.title)
    if defect != "no-description":
        bilingual(g, s, DCT.description, d.description)
    g.add((s, DCT.identifier, Literal(d.identifier)))
    for pair in d.keywords:
        bilingual(g, s, DCAT.keyword, pair)
    for var in d.variables:
        g.add((s, GAIA.variable, URIRef(THESAURUS + var)))
        g.add((s, DCAT.theme, URIRef(THESAURUS + var)))
    for code in d.eu_themes:
        g.add((s, DCAT.theme, URIRef(EU + "data-theme/" + code)))
    g.add((s, GAIA.pole, pole))
    g.add((s, GAIA.dataCentre, centre))
    g.add((s, DCT.publisher, agent))
    g.add((s, DCAT.contactPoint, URIRef(str(agent) + "#contact")))
    loc = URIRef(f"{s}#spatial")
    g.add((s, DCT.spatial, loc))
    g.add((loc, RDF.type, DCT.Location))
    box = AREAS[d.area] if defect != "bbox" else (160, 10, 200, 20)
    g.add((loc, DCAT.bbox, wkt(box)))
    period = URIRef(f"{s}#temporal")
    g.add((s, DCT.temporal, period))
    g.add((period, RDF.type, DCT.PeriodOfTime))
    start, end = (d.start, d.end) if defect != "dates" else ("2021-06-01", "2020-06-01")
    g.add((period, DCAT.startDate, Literal(start, datatype=XSD.date)))
    if end:
        g.add((period, DCAT.endDate, Literal(end, datatype=XSD.date)))
    g.add((s, DCT.issued, Literal(d.issued, datatype=XSD.date)))
    g.add((s, DCT.modified, Literal(d.modified, datatype=XSD.date)))
    low, high = d.vertical or (None, None)
    if low is not None:
        g.add((s, GAIA.minimumAltitude, Literal(str(low), datatype=XSD.decimal)))
    if high is not None:
        g.add((s, GAIA.maximumAltitude, Literal(str(high), datatype=XSD.decimal)))
    g.add((s, DCT.license, URIRef(LICENCES[d.licence][0])))
    g.add((s, DCT.accessRights, URIRef(EU + "access-right/" + d.access)))
    g.add((s, DCAT.landingPage, URIRef(d.landing)))
    g.add((URIRef(d.landing), RDF.type, FOAF.Document))
    for taxon in d.taxa:
        g.add((s, GAIA.taxon, add_taxon(g, taxon)))
    if d.frequency:
        g.add((s, DCT.accrualPeriodicity, URIRef(EU + "frequency/" + d.frequency)))
    add_distributions(g, d, services, defect=defect)


def add_distributions(g: Graph, d, services: dict[str, set[str]], *, defect: str | None) -> None:
    """Write the distributions of dataset ``d``; record the datasets each service serves."""
    s = iri("dataset", d.slug)
    for n, (fmt, access, download, service) in enumerate(d.distributions, start=1):
        dist = iri("distribution", f"{d.slug}-{n}")
        g.add((s, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        label = FILE_TYPES[fmt]
        bilingual(g, dist, DCT.title, (f"{d.title[0]} ({label[0]})", f"{d.title[1]} ({label[1]})"))
        if defect != "no-access-url":
            g.add((dist, DCAT.accessURL, URIRef(access)))
        if download:
            g.add((dist, DCAT.downloadURL, URIRef(download)))
        g.add((dist, DCT.format, URIRef(EU + "file-type/" + fmt)))
        g.add((dist, DCT.license, URIRef(LICENCES[d.licence][0])))
        if service and defect is None:
            g.add((dist, DCAT.accessService, iri("service", service)))
            services.setdefault(service, set()).add(d.slug)


def add_taxon(g: Graph, slug: str) -> URIRef:
    """Write a taxon and those above it as the EML mapping does (scientific name, rank,
    vernacular names, skos:broader; IRI minted from rank and name); its IRI."""
    taxon = TAXA[slug]
    rank, name, vernacular = (taxon[k] for k in ("rank", "name", "vernacular"))
    parent = taxon.get("parent")
    t = iri("taxon", f"{rank}-{name.lower()}")
    g.add((t, RDF.type, GAIA.Taxon))
    g.add((t, DWC.scientificName, Literal(name)))
    g.add((t, DWC.taxonRank, Literal(rank)))
    bilingual(g, t, DWC.vernacularName, vernacular)
    if parent:
        g.add((t, SKOS.broader, add_taxon(g, parent)))
    return t


def add_service(g: Graph, svc, served: set[str], *, defect: str | None = None) -> None:
    """Write one data service and the datasets it serves."""
    s = iri("service", svc.slug)
    pole, centre, agent = centre_terms(svc.centre)
    g.add((s, RDF.type, DCAT.DataService))
    bilingual(g, s, DCT.title, svc.title)
    bilingual(g, s, DCT.description, svc.description)
    if defect != "no-endpoint":
        g.add((s, DCAT.endpointURL, URIRef(svc.endpoint)))
        g.add((URIRef(svc.endpoint), RDF.type, RDFS.Resource))
    g.add((s, DCAT.endpointDescription, URIRef(svc.endpoint_description)))
    g.add((URIRef(svc.endpoint_description), RDF.type, RDFS.Resource))
    standard, name = STANDARDS[svc.standard]
    g.add((s, DCT.conformsTo, URIRef(standard)))
    # each record says what it needs of what it links to: its own file is all it owns
    g.add((URIRef(standard), RDF.type, DCT.Standard))
    g.add((URIRef(standard), DCT.title, Literal(name)))
    g.add((s, DCAT.landingPage, URIRef(svc.landing)))
    g.add((URIRef(svc.landing), RDF.type, FOAF.Document))
    g.add((s, GAIA.pole, pole))
    g.add((s, GAIA.dataCentre, centre))
    g.add((s, DCT.publisher, agent))
    g.add((s, DCAT.contactPoint, URIRef(str(agent) + "#contact")))
    g.add((s, DCT.license, URIRef(LICENCES[svc.licence][0])))
    g.add((s, DCT.accessRights, URIRef(EU + "access-right/PUBLIC")))
    for slug in sorted(served):
        g.add((s, DCAT.servesDataset, iri("dataset", slug)))


def add_agent(g: Graph, slug: str) -> None:
    """Write a publisher agent, its contact point and its link to the organisation scheme."""
    names, home, mail = (AGENTS[slug][k] for k in ("name", "homepage", "email"))
    a = iri("agent", slug)
    g.add((a, RDF.type, FOAF.Agent))
    g.add((a, RDF.type, FOAF.Organization))
    bilingual(g, a, FOAF.name, names)
    g.add((a, FOAF.homepage, URIRef(home)))
    g.add((a, RDFS.seeAlso, URIRef(ORG + slug)))
    c = URIRef(str(a) + "#contact")
    g.add((c, RDF.type, VCARD.Organization))
    g.add((c, RDF.type, VCARD.Kind))
    g.add((c, VCARD.fn, Literal(names[0], lang="fr")))
    g.add((c, VCARD.fn, Literal(names[1], lang="en")))
    g.add((c, VCARD.hasEmail, URIRef("mailto:" + mail)))
    g.add((c, VCARD.hasURL, URIRef(home)))


def agents_graph() -> Graph:
    """Data Terra, the five poles and every data centre as publishers."""
    g = new_graph()
    for slug in AGENTS:
        add_agent(g, slug)
    return g


def describe_agents(g: Graph) -> None:
    """Add to ``g`` the description of every agent it names (publisher, contact point): a
    record graph holds only what its own file says, so each file describes its agents."""
    prefix = str(iri("agent", ""))
    named = {str(o)[len(prefix) :].split("#")[0] for o in g.objects() if str(o).startswith(prefix)}
    for slug in sorted(named & set(AGENTS)):
        add_agent(g, slug)


def references_graph() -> Graph:
    """EU authority terms, licences and standards the demo points to, typed for DCAT-AP."""
    g = new_graph()
    tables = [
        ("access-right", _COMMON["access_rights"], DCT.RightsStatement),
        ("file-type", FILE_TYPES, DCT.MediaTypeOrExtent),
        ("frequency", _COMMON["frequencies"], DCT.Frequency),
        ("data-theme", _COMMON["data_themes"], None),
        ("language", LANGUAGES, DCT.LinguisticSystem),
    ]
    for scheme, table, extra in tables:
        sch = URIRef(EU + scheme)
        g.add((sch, RDF.type, SKOS.ConceptScheme))
        g.add((sch, DCT.title, Literal(scheme, lang="en")))
        for code, pair in table.items():
            c = URIRef(f"{EU}{scheme}/{code}")
            g.add((c, RDF.type, SKOS.Concept))
            if extra is not None:
                g.add((c, RDF.type, extra))
            g.add((c, SKOS.inScheme, sch))
            g.add((c, SKOS.notation, Literal(code)))
            bilingual(g, c, SKOS.prefLabel, pair)
    for uri, title in LICENCES.values():
        g.add((URIRef(uri), RDF.type, DCT.LicenseDocument))
        g.add((URIRef(uri), DCT.title, Literal(title)))
    for uri, title in STANDARDS.values():
        g.add((URIRef(uri), RDF.type, DCT.Standard))
        g.add((URIRef(uri), DCT.title, Literal(title)))
    return g


def publications_graph() -> Graph:
    """Scholarly articles, with ``cito:citesAsDataSource`` to the datasets they use."""
    g = new_graph()
    for p in PUBLICATIONS:
        s = iri("publication", p.slug)
        g.add((s, RDF.type, SDO.ScholarlyArticle))
        g.add((s, DCT.title, Literal(p.title, lang="en")))
        g.add((s, DCT.title, Literal(p.title_fr, lang="fr")))
        g.add((s, SDO.name, Literal(p.title, lang="en")))
        for name in p.creators:
            g.add((s, DCT.creator, Literal(name)))
        g.add((s, DCT.issued, Literal(str(p.year), datatype=XSD.gYear)))
        g.add((s, SDO.isPartOf, Literal(p.journal)))
        if p.doi:
            g.add((s, DCT.identifier, Literal(p.doi)))
            g.add((s, SDO.identifier, URIRef("https://doi.org/" + p.doi)))
        for slug in p.cites:
            g.add((s, CITO.citesAsDataSource, iri("dataset", slug)))
    return g


def software_graph() -> Graph:
    """Software source code, with ``gaia:usedWithDataset`` links."""
    g = new_graph()
    for sw in SOFTWARE:
        s = iri("software", sw.slug)
        g.add((s, RDF.type, SDO.SoftwareSourceCode))
        g.add((s, SDO.name, Literal(sw.name)))
        bilingual(g, s, DCT.title, (sw.name, sw.name))
        bilingual(g, s, DCT.description, sw.description)
        g.add((s, SDO.codeRepository, URIRef(sw.repository)))
        g.add((s, SDO.programmingLanguage, Literal(sw.language)))
        g.add((s, DCT.license, URIRef(LICENCES[sw.licence][0])))
        for slug in sw.used_with:
            g.add((s, GAIA.usedWithDataset, iri("dataset", slug)))
        for slug in sw.cited_by:
            g.add((s, DCT.isReferencedBy, iri("publication", slug)))
        for slug in sw.themes:
            g.add((s, DCAT.theme, URIRef(THESAURUS + slug)))
    return g


def tutorials_graph() -> Graph:
    """Tutorials (``schema:LearningResource``), with their themes, datasets and software."""
    g = new_graph()
    for t in TUTORIALS:
        s = iri("tutorial", t.slug)
        g.add((s, RDF.type, SDO.LearningResource))
        g.add((s, SDO.name, Literal(t.name)))
        bilingual(g, s, DCT.title, (t.name, t.name))
        bilingual(g, s, DCT.description, t.description)
        g.add((s, SDO.url, URIRef(t.url)))
        g.add((s, SDO.inLanguage, Literal(t.language)))
        for slug in t.themes:
            g.add((s, DCAT.theme, URIRef(THESAURUS + slug)))
        for slug in t.datasets:
            g.add((s, DCT.relation, iri("dataset", slug)))
        for slug in t.software:
            g.add((s, DCT.relation, iri("software", slug)))
    return g


def catalog_graph(datasets: list, services: list) -> Graph:
    """The demo ``dcat:Catalog`` listing every dataset and service."""
    g = new_graph()
    c = iri("catalog", "gaia-data-demo")
    info = _COMMON["catalog"]
    g.add((c, RDF.type, DCAT.Catalog))
    bilingual(g, c, DCT.title, info["title"])
    bilingual(g, c, DCT.description, info["description"])
    g.add((c, DCT.publisher, iri("agent", info["publisher"])))
    g.add((c, FOAF.homepage, URIRef(info["homepage"])))
    g.add((URIRef(info["homepage"]), RDF.type, FOAF.Document))
    g.add((c, DCT.license, URIRef(LICENCES[info["licence"]][0])))
    g.add((c, DCT.issued, Literal(info["issued"], datatype=XSD.date)))
    g.add((c, DCT.modified, Literal(info["modified"], datatype=XSD.date)))
    for code in LANGUAGES:
        g.add((c, DCT.language, URIRef(EU + "language/" + code)))
    g.add((c, DCAT.themeTaxonomy, URIRef(EU + "data-theme")))
    g.add((c, DCAT.themeTaxonomy, URIRef(THESAURUS + "gaia")))
    for d in datasets:
        g.add((c, DCAT.dataset, iri("dataset", d.slug)))
    for s in services:
        g.add((c, DCAT.service, iri("service", s.slug)))
    return g


def build(out: Path = DEMO_DIR) -> dict[str, int]:
    """Write every demo file under ``out``; return the triple count per file."""
    served: dict[str, set[str]] = {}
    graphs: dict[str, Graph] = {}
    all_datasets = []
    for pole in demo_records.POLES:
        g = new_graph()
        for d in demo_records.datasets(pole):
            add_dataset(g, d, served)
            all_datasets.append(d)
        graphs[pole] = g
    by_slug = {d.slug: d for d in all_datasets}
    pubs = publications_graph()
    for p in PUBLICATIONS:
        for slug in p.cites:
            pole = AGENTS[by_slug[slug].centre]["pole"]
            graphs[pole].add((iri("dataset", slug), DCT.isReferencedBy, iri("publication", p.slug)))
    svc_graph = new_graph()
    for svc in SERVICES:
        add_service(svc_graph, svc, served.get(svc.slug, set()))
    graphs.update(
        services=svc_graph,
        publications=pubs,
        software=software_graph(),
        tutorials=tutorials_graph(),
        agents=agents_graph(),
        references=references_graph(),
        catalog=catalog_graph(all_datasets, SERVICES),
    )
    for name, g in graphs.items():
        if name not in ("agents", "references"):
            describe_agents(g)
    counts = {}
    out.mkdir(parents=True, exist_ok=True)
    for name, g in graphs.items():
        g.serialize(out / f"{name}.ttl", format="turtle")
        counts[f"{name}.ttl"] = len(g)
    counts.update(write_invalid(out / "invalid", by_slug))
    return counts


def write_invalid(out: Path, by_slug: dict) -> dict[str, int]:
    """Write one small file per deliberate defect, plus the README listing them."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    lines = [
        "# Invalid demo records / Enregistrements invalides de démonstration",
        "",
        "Each file is a complete record carrying exactly one defect. "
        "Chaque fichier est un enregistrement complet portant un seul défaut.",
        "",
        "| file | défaut (fr) | defect (en) |",
        "|---|---|---|",
    ]
    for case in demo_records.invalid_cases():
        g = new_graph()
        if case.kind == "service":
            svc = next(s for s in SERVICES if s.slug == case.base)
            svc = type(svc)(**{**svc.__dict__, "slug": case.slug})
            add_service(g, svc, set(), defect=case.defect)
        else:
            base = by_slug[case.base]
            d = type(base)(**{**base.__dict__, "slug": case.slug})
            add_dataset(g, d, {}, defect=case.defect)
        g.serialize(out / case.file, format="turtle")
        counts[f"invalid/{case.file}"] = len(g)
        lines.append(f"| `{case.file}` | {case.fr} | {case.en} |")
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def main() -> None:
    """Build the demo and print the triple count of each file."""
    for name, n in sorted(build().items()):
        print(f"{name:45s} {n:6d}")


if __name__ == "__main__":
    main()
