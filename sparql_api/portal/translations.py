"""The interface strings of the HTML pages, in French and English (templates hold none)."""

from __future__ import annotations

__all__ = ["UI", "PLURALS", "ui", "count_text", "catalogue"]

#: every string the pages show around the data, in French and English
UI: dict[str, dict[str, str]] = {
    # -- the discovery portal (W): search box, results, maps, dataset pages --
    "search_label": {"fr": "Rechercher des données", "en": "Search data"},
    "search_placeholder": {
        "fr": "ex. aérosols, ozone, température de surface de la mer…",
        "en": "e.g. aerosols, ozone, sea surface temperature…",
    },
    "search_button": {"fr": "Rechercher", "en": "Search"},
    "search_hint": {
        "fr": "Des suggestions du thésaurus GAIA apparaissent pendant la saisie "
        "(flèches pour choisir, Entrée pour ouvrir).",
        "en": "Suggestions from the GAIA thesaurus appear as you type "
        "(arrow keys to choose, Enter to open).",
    },
    "suggest_concepts": {"fr": "Variables et thèmes", "en": "Variables and themes"},
    "suggest_resources": {"fr": "Ressources", "en": "Resources"},
    "recent_title": {"fr": "Ajouts récents", "en": "Recent additions"},
    "no_recent": {"fr": "Aucun jeu de données chargé.", "en": "No dataset loaded yet."},
    "added_on": {"fr": "ajouté le {date}", "en": "added on {date}"},
    "search_title": {"fr": "Recherche", "en": "Search"},
    "acc_space": {"fr": "Mon espace", "en": "My space"},  # the personal space (issue 10)
    "results_for": {"fr": "Résultats pour « {q} »", "en": "Results for “{q}”"},
    "all_resources": {"fr": "Toutes les ressources", "en": "All resources"},
    "no_results": {
        "fr": "Aucun résultat. Retirez un filtre ou essayez un autre mot.",
        "en": "No result. Remove a filter or try another word.",
    },
    "refine": {"fr": "Affiner", "en": "Refine"},
    "facet_themes": {"fr": "Compartiments et variables", "en": "Compartments and variables"},
    "facet_pole": {"fr": "Pôle de données", "en": "Data hub"},
    "facet_centre": {"fr": "Centre de données", "en": "Data centre"},
    "facet_type": {"fr": "Type de ressource", "en": "Resource type"},
    "facet_format": {"fr": "Format", "en": "Format"},
    "facet_licence": {"fr": "Licence", "en": "Licence"},
    "facet_platform": {"fr": "Plateforme", "en": "Platform"},
    "facet_instrument": {"fr": "Instrument", "en": "Instrument"},
    "facet_taxon": {"fr": "Taxon", "en": "Taxon"},
    "active_filters": {"fr": "Filtres actifs", "en": "Active filters"},
    "remove_filter": {"fr": "Retirer le filtre « {label} »", "en": "Remove the filter “{label}”"},
    "clear_filters": {"fr": "Tout effacer", "en": "Clear all"},
    "chip_q": {"fr": "Texte", "en": "Text"},
    "chip_theme": {"fr": "Thème", "en": "Theme"},
    "chip_bbox": {"fr": "Zone", "en": "Area"},
    "chip_start": {"fr": "Depuis", "en": "From"},
    "chip_end": {"fr": "Jusqu'au", "en": "Until"},
    "chip_vmin": {"fr": "Altitude min.", "en": "Min. altitude"},
    "chip_vmax": {"fr": "Altitude max.", "en": "Max. altitude"},
    "sort_label": {"fr": "Trier par", "en": "Sort by"},
    "sort_relevance": {"fr": "pertinence", "en": "relevance"},
    "sort_date": {"fr": "date", "en": "date"},
    "sort_title": {"fr": "titre", "en": "title"},
    "apply": {"fr": "Appliquer", "en": "Apply"},
    "pagination": {"fr": "Pages de résultats", "en": "Result pages"},
    "page_prev": {"fr": "« Précédente", "en": "« Previous"},
    "page_next": {"fr": "Suivante »", "en": "Next »"},
    "page_of": {"fr": "Page {page} sur {pages}", "en": "Page {page} of {pages}"},
    "map_title": {"fr": "Emprises sur la carte", "en": "Footprints on the map"},
    "map_label": {
        "fr": "Carte des emprises des résultats",
        "en": "Map of the results' footprints",
    },
    "draw_box": {"fr": "Dessiner une zone", "en": "Draw an area"},
    "draw_hint": {
        "fr": "Cliquez-glissez sur la carte pour tracer un rectangle, ou saisissez ses bornes.",
        "en": "Click and drag on the map to draw a rectangle, or type its bounds.",
    },
    "search_area": {"fr": "Chercher dans cette zone", "en": "Search this area"},
    "bbox_west": {"fr": "Ouest", "en": "West"},
    "bbox_south": {"fr": "Sud", "en": "South"},
    "bbox_east": {"fr": "Est", "en": "East"},
    "bbox_north": {"fr": "Nord", "en": "North"},
    "show_sparql": {"fr": "Voir en SPARQL", "en": "Show as SPARQL"},
    "share_link": {"fr": "Lien de cette recherche", "en": "Link to this search"},
    "as_json": {"fr": "En JSON", "en": "As JSON"},
    "hub": {"fr": "Pôle", "en": "Hub"},
    "centre": {"fr": "Centre", "en": "Centre"},
    "period": {"fr": "Période", "en": "Period"},
    "found_via": {"fr": "trouvé par", "en": "found via"},
    "skip_to_content": {"fr": "Aller au contenu", "en": "Skip to content"},
    "search_subdomain": {"fr": "chercher", "en": "search"},
    "type_dataset": {"fr": "Jeu de données", "en": "Dataset"},
    "type_service": {"fr": "Service", "en": "Service"},
    "type_publication": {"fr": "Publication", "en": "Publication"},
    "type_software": {"fr": "Logiciel", "en": "Software"},
    "type_agent": {"fr": "Organisation", "en": "Organisation"},
    "type_catalog": {"fr": "Catalogue", "en": "Catalogue"},
    "at_a_glance": {"fr": "En bref", "en": "At a glance"},
    "summary_what": {"fr": "Quoi", "en": "What"},
    "summary_where": {"fr": "Où", "en": "Where"},
    "summary_when": {"fr": "Quand", "en": "When"},
    "summary_who": {"fr": "Qui", "en": "Who"},
    "open_ended": {"fr": "en cours", "en": "ongoing"},
    "footprint": {"fr": "Emprise géographique", "en": "Geographic footprint"},
    "footprint_map": {"fr": "Carte de l'emprise", "en": "Map of the footprint"},
    "temporal_extent": {"fr": "Étendue temporelle", "en": "Temporal extent"},
    "from_to": {"fr": "du {start} au {end}", "en": "from {start} to {end}"},
    "variables": {"fr": "Variables mesurées", "en": "Variables measured"},
    "datasets_with": {"fr": "autres jeux de données", "en": "other datasets"},
    "taxa": {"fr": "Taxons étudiés", "en": "Taxa covered"},
    "pictures": {"fr": "Aperçu", "en": "Preview"},
    "ways_to_reach": {"fr": "Accès aux données", "en": "Ways to reach the data"},
    "protocol": {"fr": "protocole", "en": "protocol"},
    "access": {"fr": "Accéder aux données", "en": "Access the data"},
    "download": {"fr": "Télécharger", "en": "Download"},
    "open_access": {"fr": "Accéder", "en": "Open"},
    "data_services": {"fr": "Services de données", "en": "Data services"},
    "endpoint": {"fr": "point d'accès", "en": "endpoint"},
    "standard": {"fr": "norme", "en": "standard"},
    "open_notebook": {"fr": "Ouvrir dans un notebook", "en": "Open in a notebook"},
    "landing_page": {"fr": "Page du producteur", "en": "Producer's page"},
    "no_access": {
        "fr": "Aucune distribution ni service n'est décrit pour ce jeu de données.",
        "en": "No distribution or service is described for this dataset.",
    },
    "how_to_cite": {"fr": "Comment citer", "en": "How to cite"},
    "bibtex": {"fr": "BibTeX", "en": "BibTeX"},
    "data_centre_label": {"fr": "Centre de données", "en": "Data centre"},
    "publisher_label": {"fr": "Diffusé par", "en": "Published by"},
    "creator_label": {"fr": "Produit par", "en": "Produced by"},
    "identifier_label": {"fr": "Identifiant", "en": "Identifier"},
    "dataset_quality_title": {"fr": "Qualité des métadonnées", "en": "Metadata quality"},
    "quality_details": {"fr": "Détail et corrections", "en": "Details and fixes"},
    "quality_none": {"fr": "Pas encore évaluée.", "en": "Not assessed yet."},
    "search_theme": {"fr": "Rechercher les données : {label}", "en": "Search the data: {label}"},
    "zoom_in": {"fr": "Zoomer", "en": "Zoom in"},
    "zoom_out": {"fr": "Dézoomer", "en": "Zoom out"},
    "colon": {"fr": " : ", "en": ": "},
    "colon_end": {"fr": " :", "en": ":"},
    "expanded_to": {
        "fr": "Recherche étendue aux concepts du thésaurus et à leurs concepts spécifiques",
        "en": "Search extended to the thesaurus concepts and their narrower concepts",
    },
    "chip_place": {"fr": "Lieu", "en": "Place"},
    "places_offered": {"fr": "Limiter au lieu", "en": "Restrict to the place"},
    "relaxed_hint": {
        "fr": "Peu de résultats avec tous les mots : les résultats en contiennent une partie",
        "en": "Few results with every word: the results hold some of them",
    },
    # -- end of the portal's strings (W) --
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
    # -- the SPARQL query editor (P) --
    "editor_title": {"fr": "Éditeur de requêtes SPARQL", "en": "SPARQL query editor"},
    "editor_intro": {
        "fr": "Interrogez le graphe de connaissances GAIA Data en SPARQL 1.1. Les préfixes du "
        "projet sont déclarés ; partez d'un exemple ci-dessous.",
        "en": "Query the GAIA Data knowledge graph in SPARQL 1.1. The project's prefixes are "
        "declared; start from an example below.",
    },
    "editor_examples": {"fr": "Exemples", "en": "Examples"},
    "editor_query": {"fr": "Requête SPARQL", "en": "SPARQL query"},
    "editor_run": {"fr": "Exécuter", "en": "Run"},
    "editor_limits": {
        "fr": "Les requêtes anonymes sont limitées en temps et en nombre de lignes (une coupure "
        "est toujours signalée). Point d'accès :",
        "en": "Anonymous queries are limited in time and rows (a cut is always stated). Endpoint:",
    },
    "error_title": {"fr": "Erreur", "en": "Error"},
    "back_home": {"fr": "Retour à l'accueil", "en": "Back to the home page"},
    # linked-data pages (sparql_api/linked_data/routes.py)
    "kind_dataset": {"fr": "Jeu de données", "en": "Dataset"},
    "kind_service": {"fr": "Service de données", "en": "Data service"},
    "kind_publication": {"fr": "Publication", "en": "Publication"},
    "kind_software": {"fr": "Logiciel", "en": "Software"},
    "kind_catalog": {"fr": "Catalogue", "en": "Catalogue"},
    "kind_distribution": {"fr": "Distribution", "en": "Distribution"},
    "kind_agent": {"fr": "Organisation ou personne", "en": "Organisation or person"},
    "kind_datacentre": {"fr": "Centre de données", "en": "Data centre"},
    "kind_pole": {"fr": "Pôle de données", "en": "Data hub"},
    "kind_concept": {"fr": "Concept", "en": "Concept"},
    "kind_resource": {"fr": "Ressource", "en": "Resource"},
    "properties": {"fr": "Propriétés", "en": "Properties"},
    "related": {"fr": "Ressources liées", "en": "Related resources"},
    "no_related": {"fr": "Aucune ressource liée.", "en": "No related resource."},
    "asserted_by": {"fr": "selon", "en": "according to"},
    "provenance": {"fr": "Provenance de la fiche", "en": "Record provenance"},
    "record_source": {"fr": "Source", "en": "Source"},
    "record_loaded": {"fr": "Chargée le", "en": "Loaded on"},
    "record_graph": {"fr": "Graphe nommé", "en": "Named graph"},
    "record_validation": {"fr": "Validation", "en": "Validation"},
    "not_conformant_title": {
        "fr": "Fiche non conforme.",
        "en": "Record not conformant.",
    },
    "not_conformant_text": {
        "fr": "Cette fiche est chargée telle que sa source la donne, mais elle ne respecte pas le "
        "profil GAIA (DCAT-AP) : ses défauts sont listés ci-dessous, à corriger à la source.",
        "en": "This record is loaded as its source gives it, but it does not follow the GAIA "
        "profile (DCAT-AP): its defects are listed below, to be fixed at the source.",
    },
    "outcome_Conforms": {"fr": "conforme", "en": "conforms"},
    "outcome_ConformsWithWarnings": {
        "fr": "conforme, avec avertissements",
        "en": "conforms, with warnings",
    },
    "outcome_NotConformant": {"fr": "non conforme", "en": "not conformant"},
    "machine_formats": {"fr": "Formats pour les machines", "en": "Machine-readable formats"},
    "format_ttl": {"fr": "Turtle", "en": "Turtle"},
    "format_jsonld": {"fr": "JSON-LD", "en": "JSON-LD"},
    "format_rdf": {"fr": "RDF/XML", "en": "RDF/XML"},
    "format_nt": {"fr": "N-Triples", "en": "N-Triples"},
    "format_linkset": {
        "fr": "Liens typés (FAIR Signposting)",
        "en": "Typed links (FAIR Signposting)",
    },
    "ld_not_found_title": {"fr": "Ressource introuvable", "en": "Resource not found"},
    "ld_not_found_text": {
        "fr": "Le graphe de connaissances ne dit rien de <{iri}>.",
        "en": "The knowledge graph says nothing about <{iri}>.",
    },
    "ld_suggestions": {"fr": "Vouliez-vous dire…", "en": "Did you mean…"},
    "ld_search_for": {"fr": "Rechercher « {words} »", "en": "Search for “{words}”"},
    "ld_suggested_concepts": {
        "fr": "Concepts du thésaurus proches :",
        "en": "Close thesaurus concepts:",
    },
    "footer": {
        "fr": "Données : Data Terra (AERIS, ODATIS, THEIA, ForM@Ter, PNDB). API : /api/concepts, "
        "/sparql, /openapi.json.",
        "en": "Data: Data Terra (AERIS, ODATIS, THEIA, ForM@Ter, PNDB). API: /api/concepts, "
        "/sparql, /openapi.json.",
    },
    # -- record quality (Q): /quality dashboard and /quality/<kind>/<slug> --
    "quality_title": {"fr": "Qualité des notices", "en": "Record quality"},
    "quality_of": {"fr": "Qualité de « {title} »", "en": "Quality of “{title}”"},
    "quality_kind": {"fr": "Qualité FAIR de la notice", "en": "FAIR quality of the record"},
    "quality_json": {"fr": "Cette évaluation en JSON", "en": "This assessment as JSON"},
    "quality_score": {"fr": "Score de qualité", "en": "Quality score"},
    "quality_source": {"fr": "Source", "en": "Source"},
    "quality_dimensions": {"fr": "Dimensions FAIR", "en": "FAIR dimensions"},
    "quality_dimension": {"fr": "Dimension", "en": "Dimension"},
    "quality_problems": {"fr": "Ce qu'il faut corriger", "en": "What to fix"},
    "quality_no_problem": {"fr": "Rien à corriger.", "en": "Nothing to fix."},
    "quality_measures": {"fr": "Mesures", "en": "Measures"},
    "quality_measure": {"fr": "Mesure", "en": "Measure"},
    "quality_result": {"fr": "Résultat", "en": "Result"},
    "quality_met": {"fr": "satisfaite", "en": "met"},
    "quality_unmet": {"fr": "non satisfaite", "en": "not met"},
    "quality_records": {"fr": "Notices", "en": "Records"},
    "quality_records_total": {"fr": "notices évaluées : {n}", "en": "records scored: {n}"},
    "quality_most_failed": {
        "fr": "Mesures les plus souvent manquées",
        "en": "Most failed measures",
    },
    "quality_per_source": {"fr": "Par source", "en": "Per source"},
    "quality_flagged": {"fr": "Non conformes", "en": "Not conformant"},
    "quality_flagged_head": {
        "fr": "Notices chargées avec défauts (non conformes)",
        "en": "Records loaded with defects (not conformant)",
    },
    "quality_flagged_total": {
        "fr": "{n} notice(s) chargée(s) telle(s) quelle(s) mais non conforme(s) au profil GAIA : "
        "chacune liste ses défauts, à corriger à la source.",
        "en": "{n} record(s) loaded as given but not conformant to the GAIA profile: each lists "
        "its defects, to be fixed at the source.",
    },
    "quality_flagged_none": {
        "fr": "Aucune notice non conforme.",
        "en": "No record is flagged as not conformant.",
    },
    "quality_per_centre": {"fr": "Par centre de données", "en": "Per data centre"},
    "quality_empty": {"fr": "Aucune notice évaluée.", "en": "No record scored."},
    "quality_intro": {
        "fr": "Chaque notice chargée est notée selon les principes FAIR (trouvable, accessible, "
        "interopérable, réutilisable) : le score est la part des mesures satisfaites.",
        "en": "Every loaded record is scored against the FAIR principles (findable, accessible, "
        "interoperable, reusable): the score is the share of measures met.",
    },
    "ask_title": {"fr": "Poser une question", "en": "Ask a question"},
    "ask_nav": {"fr": "Question", "en": "Ask"},
    "ask_intro": {
        "fr": "Posez une question en français ou en anglais : la réponse est écrite à partir "
        "des seules notices du catalogue, et chaque phrase cite ses notices.",
        "en": "Ask a question in French or English: the answer is written from the "
        "catalogue's records only, and every sentence cites its records.",
    },
    "ask_label": {"fr": "Votre question", "en": "Your question"},
    "ask_placeholder": {
        "fr": "quelles données de température de surface de la mer en Méditerranée depuis 2015 ?",
        "en": "aerosol optical depth over West Africa during the dry season",
    },
    "ask_submit": {"fr": "Demander", "en": "Ask"},
    "ask_answer": {"fr": "Réponse", "en": "Answer"},
    "ask_understood": {
        "fr": "Filtres compris (modifiables)",
        "en": "Filters understood (editable)",
    },
    "ask_concepts": {"fr": "Variables (concepts)", "en": "Variables (concepts)"},
    "ask_place": {"fr": "Emprise (ouest,sud,est,nord)", "en": "Area (west,south,east,north)"},
    "ask_start": {"fr": "Début", "en": "Start"},
    "ask_end": {"fr": "Fin", "en": "End"},
    "ask_season": {"fr": "Saison (mois gardés)", "en": "Season (months kept)"},
    "ask_season_default": {
        "fr": "mois par défaut : hémisphère nord",
        "en": "default months: northern hemisphere",
    },
    "ask_type": {"fr": "Type", "en": "Type"},
    "ask_words": {"fr": "Mots", "en": "Words"},
    "ask_orgs": {"fr": "Pôles et centres", "en": "Data hubs and centres"},
    "ask_edit": {"fr": "Chercher avec ces filtres", "en": "Search with these filters"},
    "ask_records": {"fr": "Notices citées", "en": "Records cited"},
    "ask_suggestions": {"fr": "Essayez plutôt", "en": "Try instead"},
    "ask_search_link": {"fr": "La même recherche", "en": "The same search"},
    "ask_sparql_link": {"fr": "La requête SPARQL", "en": "The SPARQL query"},
    "ask_best": {"fr": "Meilleures correspondances", "en": "Best matches"},
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
    "results": {
        "fr": ("{n} résultat", "{n} résultats"),
        "en": ("{n} result", "{n} results"),
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
