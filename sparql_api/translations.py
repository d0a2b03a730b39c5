"""The interface strings of the HTML pages, in French and English (templates hold none)."""

from __future__ import annotations

__all__ = ["UI", "PLURALS", "ui", "count_text", "catalogue"]

#: every string the pages show around the data, in French and English
UI: dict[str, dict[str, str]] = {
    "site_name": {"fr": "GAIA Data – graphe de connaissances", "en": "GAIA Data – knowledge graph"},
    "home_title": {
        "fr": "Découvrez les compartiments du système Terre",
        "en": "Discover the Earth-system compartments",
    },
    "home_intro": {
        "fr": "Choisissez un compartiment pour parcourir ses sous-domaines, ses variables "
        "et les centres de données qui les diffusent.",
        "en": "Choose a compartment to browse its sub-domains, its variables and the data "
        "centres that distribute them.",
    },
    "compartments": {"fr": "Compartiments", "en": "Compartments"},
    "home": {"fr": "Accueil", "en": "Home"},
    "compartment_title": {
        "fr": "Découvrez le compartiment {label}",
        "en": "Discover the {label} compartment",
    },
    "introduction": {"fr": "Introduction", "en": "Introduction"},
    "subdomains": {
        "fr": "Sous-domaines et variables relatives",
        "en": "Sub-domains and related variables",
    },
    "subdomains_hint": {
        "fr": "Cliquez sur une variable pour voir sa fiche et les données associées.",
        "en": "Click a variable to see its page and the related data.",
    },
    "data_centres": {
        "fr": "Centres de données & infrastructures",
        "en": "Data centres & infrastructures",
    },
    "no_data_centres": {
        "fr": "Aucun centre de données ne diffuse encore de jeu de données dans ce compartiment.",
        "en": "No data centre distributes a dataset in this compartment yet.",
    },
    "concept_of": {"fr": "Concept du thésaurus GAIA", "en": "GAIA thesaurus concept"},
    "breadcrumb": {"fr": "Fil d'Ariane", "en": "Breadcrumb"},
    "definition": {"fr": "Définition", "en": "Definition"},
    "alt_labels": {"fr": "Autres libellés :", "en": "Other labels:"},
    "broader": {"fr": "Concept générique", "en": "Broader concept"},
    "narrower": {"fr": "Concepts spécifiques", "en": "Narrower concepts"},
    "mappings": {"fr": "Alignements", "en": "Mappings"},
    "no_mappings": {"fr": "Aucun alignement.", "en": "No mapping."},
    "compartment_page": {
        "fr": "Page du compartiment {label}",
        "en": "Page of the {label} compartment",
    },
    "tagged_datasets": {"fr": "Jeux de données associés", "en": "Related datasets"},
    "first_datasets": {
        "fr": "Seuls les {shown} premiers sont listés.",
        "en": "Only the first {shown} are listed.",
    },
    "no_datasets": {"fr": "Aucun jeu de données associé.", "en": "No related dataset."},
    "untitled": {"fr": "(sans titre)", "en": "(untitled)"},
    "json": {"fr": "Ce concept en JSON", "en": "This concept as JSON"},
    "exactMatch": {"fr": "équivalent exact", "en": "exact match"},
    "closeMatch": {"fr": "équivalent proche", "en": "close match"},
    "broadMatch": {"fr": "plus générique", "en": "broader match"},
    "narrowMatch": {"fr": "plus spécifique", "en": "narrower match"},
    "relatedMatch": {"fr": "apparenté", "en": "related match"},
    "in_language": {"fr": "libellé en {language}", "en": "label in {language}"},
    "lang_fr": {"fr": "français", "en": "French"},
    "lang_en": {"fr": "anglais", "en": "English"},
    "switch_label": {"fr": "Read in English", "en": "Lire en français"},
    "switch_short": {"fr": "EN", "en": "FR"},
    "not_found_title": {"fr": "Page introuvable", "en": "Page not found"},
    "not_found_text": {
        "fr": "Aucun compartiment ni concept « {slug} » dans le thésaurus GAIA.",
        "en": "No compartment or concept '{slug}' in the GAIA thesaurus.",
    },
    "error_title": {"fr": "Erreur", "en": "Error"},
    "back_home": {"fr": "Retour à l'accueil", "en": "Back to the home page"},
    "footer": {
        "fr": "Données : Data Terra (AERIS, ODATIS, THEIA, ForM@Ter, PNDB). API : /api/concepts, "
        "/sparql, /openapi.json.",
        "en": "Data: Data Terra (AERIS, ODATIS, THEIA, ForM@Ter, PNDB). API: /api/concepts, "
        "/sparql, /openapi.json.",
    },
}

#: strings with a count: (singular, plural) per language
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "datasets": {
        "fr": ("{n} jeu de données", "{n} jeux de données"),
        "en": ("{n} dataset", "{n} datasets"),
    },
    "resources": {
        "fr": ("{n} ressource", "{n} ressources"),
        "en": ("{n} resource", "{n} resources"),
    },
}


def ui(key: str, lang: str, **params: object) -> str:
    """The interface string ``key`` in ``lang`` (fr or en), with ``params`` filled in.

    >>> ui("compartment_title", "fr", label="Atmosphère")
    'Découvrez le compartiment Atmosphère'
    """
    texts = UI[key]
    return texts.get(lang, texts["en"]).format(**params)


def catalogue(lang: str) -> dict[str, str]:
    """Every interface string without parameters in ``lang`` (what templates read as ``t``)."""
    return {key: texts.get(lang, texts["en"]) for key, texts in UI.items()}


def count_text(key: str, lang: str, n: int) -> str:
    """``n`` things of :data:`PLURALS` ``key``: singular for 0 and 1 in French, 1 in English.

    >>> count_text("datasets", "fr", 0), count_text("datasets", "en", 0)
    ('0 jeu de données', '0 datasets')
    """
    singular, plural = PLURALS[key].get(lang, PLURALS[key]["en"])
    one = n < 2 if lang == "fr" else n == 1
    return (singular if one else plural).format(n=n)
