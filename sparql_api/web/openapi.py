"""The OpenAPI 3.1 description of the HTTP API, in English or French (``?lang=``).

One table, :data:`OPERATIONS`, names every route with its summary in both languages and its
parameters; :func:`openapi_document` turns it into the document served at ``/openapi.json``.
A test checks that every route of the app is in the table and that the document is valid.
"""

from __future__ import annotations

from graph_loader import __version__
from sparql_api.accounts.operations import ACCOUNT_OPERATIONS

__all__ = ["OPERATIONS", "openapi_document"]


def _param(name, where, en, fr, *, required=False, schema=None):
    return {
        "name": name,
        "in": where,
        "required": required or where == "path",
        "description": {"en": en, "fr": fr},
        "schema": schema or {"type": "string"},
    }


LANG = _param(
    "lang",
    "query",
    "Language of labels and messages (default: Accept-Language).",
    "Langue des libellés et des messages (par défaut : Accept-Language).",
    schema={"type": "string", "enum": ["en", "fr"]},
)
QUERY = _param(
    "query",
    "query",
    "A SPARQL 1.1 query (GET, or POST form-encoded).",
    "Une requête SPARQL 1.1 (GET, ou POST encodé en formulaire).",
)
FORMAT = _param(
    "format",
    "query",
    "Result format, overriding Accept.",
    "Format du résultat, prioritaire sur Accept.",
    schema={
        "type": "string",
        "enum": ["json", "xml", "csv", "tsv", "ttl", "nt", "jsonld", "rdfxml"],
    },
)
GRAPH_URIS = [
    _param(
        "default-graph-uri",
        "query",
        "Graphs forming the default graph.",
        "Graphes formant le graphe par défaut.",
        schema={"type": "array", "items": {"type": "string"}},
    ),
    _param(
        "named-graph-uri",
        "query",
        "Graphs available to GRAPH.",
        "Graphes accessibles par GRAPH.",
        schema={"type": "array", "items": {"type": "string"}},
    ),
]
SLUG = _param(
    "slug",
    "path",
    "Local name of a GAIA thesaurus concept, e.g. sea-surface-temperature.",
    "Nom local d'un concept du thésaurus GAIA (ex. sea-surface-temperature).",
)
IRI = _param(
    "iri",
    "query",
    "Full IRI of the resource or concept.",
    "IRI complète de la ressource ou du concept.",
)

LD_FORMAT = _param(
    "f",
    "query",
    "Representation, overriding Accept (an extension overrides it).",
    "Représentation, prioritaire sur Accept (une extension l'emporte).",
    schema={
        "type": "string",
        "enum": ["html", "ttl", "jsonld", "rdf", "nt", "linkset", "turtle", "rdfxml", "ntriples"],
    },
)
GSP_GRAPH = _param(
    "graph",
    "query",
    "IRI of the named graph (Graph Store Protocol).",
    "IRI du graphe nommé (protocole Graph Store).",
)
GSP_NAME = _param(
    "name",
    "path",
    "Local name of a graph created by POST /sparql/graph (its IRI is this URL).",
    "Nom local d'un graphe créé par POST /sparql/graph (son IRI est cette URL).",
)
GSP_DEFAULT = _param(
    "default",
    "query",
    "The default graph instead of a named one (no value).",
    "Le graphe par défaut au lieu d'un graphe nommé (sans valeur).",
)
USING_GRAPHS = [
    _param(
        "using-graph-uri",
        "query",
        "Default graph of the update's WHERE (as USING); not with USING/WITH in the update.",
        "Graphe par défaut du WHERE de la mise à jour (comme USING) ; pas avec USING/WITH.",
        schema={"type": "array", "items": {"type": "string"}},
    ),
    _param(
        "using-named-graph-uri",
        "query",
        "Named graphs of the update's WHERE (as USING NAMED).",
        "Graphes nommés du WHERE de la mise à jour (comme USING NAMED).",
        schema={"type": "array", "items": {"type": "string"}},
    ),
]
GSP_BODY = [
    "text/turtle",
    "application/n-triples",
    "application/rdf+xml",
    "application/ld+json",
    "text/n3",
]
GSP_WRITE = {
    "201": "text/plain",
    "204": "text/plain",
    "400": "text/plain",
    "401": "text/plain",
    "415": "text/plain",
    "503": "text/plain",
}

LD_FORMAT = _param(
    "f",
    "query",
    "Representation, overriding Accept (an extension overrides it).",
    "Représentation, prioritaire sur Accept (une extension l'emporte).",
    schema={
        "type": "string",
        "enum": ["html", "ttl", "jsonld", "rdf", "nt", "linkset", "turtle", "rdfxml", "ntriples"],
    },
)

STAC_BBOX = _param(
    "bbox", "query", "west,south,east,north (degrees)", "ouest,sud,est,nord (degrés)"
)
STAC_DATETIME = _param(
    "datetime", "query", "RFC 3339 instant or interval", "Instant ou intervalle RFC 3339"
)
STAC_LIMIT = _param(
    "limit",
    "query",
    "Items per page (1-1000)",
    "Éléments par page (1-1000)",
    schema={"type": "integer", "minimum": 1, "maximum": 1000},
)
STAC_PAGE = _param(
    "page", "query", "Page, from 1", "Page, à partir de 1", schema={"type": "integer", "minimum": 1}
)
STAC_CID = _param("cid", "path", "Collection id (dataset slug)", "Identifiant de la collection")

#: (path, method) -> summary (en, fr), parameters, responses (status -> media type)
OPERATIONS: dict[tuple[str, str], dict] = {
    ("/health", "get"): {
        "summary": ("Store status and figures", "État et chiffres de l'entrepôt"),
        "parameters": [LANG],
        "responses": {"200": "application/json", "503": "application/json"},
    },
    ("/sparql", "get"): {
        "summary": (
            "SPARQL 1.1 query (read-only; time limit and row cap stated in headers)",
            "Requête SPARQL 1.1 (lecture seule ; limite de temps et de lignes "
            "signalées dans les en-têtes)",
        ),
        "parameters": [QUERY, FORMAT, *GRAPH_URIS],
        "responses": {
            "200": "application/sparql-results+json",
            "400": "text/plain",
            "401": "text/plain",
            "403": "text/plain",
            "406": "text/plain",
            "503": "text/plain",
            "504": "text/plain",
        },
    },
    ("/sparql", "post"): {
        "summary": (
            "SPARQL 1.1 query sent form-encoded or as application/sparql-query",
            "Requête SPARQL 1.1 envoyée en formulaire ou en application/sparql-query",
        ),
        "parameters": [FORMAT, *GRAPH_URIS],
        "body": ["application/x-www-form-urlencoded", "application/sparql-query"],
        "responses": {
            "200": "application/sparql-results+json",
            "400": "text/plain",
            "403": "text/plain",
            "415": "text/plain",
            "504": "text/plain",
        },
    },
    ("/sparql/update", "post"): {
        "summary": (
            "SPARQL 1.1 Update (form update= or application/sparql-update); needs a token",
            "Mise à jour SPARQL 1.1 (formulaire update= ou application/sparql-update) ; "
            "demande un jeton",
        ),
        "parameters": [*USING_GRAPHS, LANG],
        "body": ["application/x-www-form-urlencoded", "application/sparql-update"],
        "responses": {
            "204": "text/plain",
            "400": "text/plain",
            "401": "text/plain",
            "415": "text/plain",
            "503": "text/plain",
        },
    },
    ("/sparql/graph", "get"): {
        "summary": (
            "Graph Store Protocol: the triples of a graph (?graph=<IRI> or ?default)",
            "Protocole Graph Store : les triplets d'un graphe (?graph=<IRI> ou ?default)",
        ),
        "parameters": [GSP_GRAPH, GSP_DEFAULT, FORMAT, LANG],
        "responses": {
            "200": "text/turtle",
            "400": "text/plain",
            "404": "text/plain",
            "406": "text/plain",
        },
    },
    ("/sparql/graph", "put"): {
        "summary": (
            "Graph Store Protocol: replace a graph; needs a token",
            "Protocole Graph Store : remplacer un graphe ; demande un jeton",
        ),
        "parameters": [GSP_GRAPH, GSP_DEFAULT, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph", "post"): {
        "summary": (
            "Graph Store Protocol: add triples to a graph (none named: a new graph, 201 with "
            "its Location); needs a token",
            "Protocole Graph Store : ajouter des triplets à un graphe (aucun nommé : un "
            "nouveau graphe, 201 avec son Location) ; demande un jeton",
        ),
        "parameters": [GSP_GRAPH, GSP_DEFAULT, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph", "delete"): {
        "summary": (
            "Graph Store Protocol: delete a graph; needs a token",
            "Protocole Graph Store : supprimer un graphe ; demande un jeton",
        ),
        "parameters": [GSP_GRAPH, GSP_DEFAULT, LANG],
        "responses": {"204": "text/plain", "401": "text/plain", "404": "text/plain"},
    },
    ("/sparql/graph/{name}", "get"): {
        "summary": (
            "Graph Store Protocol, direct identification: a graph created by a POST",
            "Protocole Graph Store, identification directe : un graphe créé par un POST",
        ),
        "parameters": [GSP_NAME, FORMAT, LANG],
        "responses": {"200": "text/turtle", "404": "text/plain", "406": "text/plain"},
    },
    ("/sparql/graph/{name}", "put"): {
        "summary": (
            "Graph Store Protocol, direct identification: replace the graph; needs a token",
            "Protocole Graph Store, identification directe : remplacer le graphe ; "
            "demande un jeton",
        ),
        "parameters": [GSP_NAME, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph/{name}", "post"): {
        "summary": (
            "Graph Store Protocol, direct identification: add triples; needs a token",
            "Protocole Graph Store, identification directe : ajouter des triplets ; "
            "demande un jeton",
        ),
        "parameters": [GSP_NAME, LANG],
        "body": GSP_BODY,
        "responses": GSP_WRITE,
    },
    ("/sparql/graph/{name}", "delete"): {
        "summary": (
            "Graph Store Protocol, direct identification: delete the graph; needs a token",
            "Protocole Graph Store, identification directe : supprimer le graphe ; "
            "demande un jeton",
        ),
        "parameters": [GSP_NAME, LANG],
        "responses": {"204": "text/plain", "401": "text/plain", "404": "text/plain"},
    },
    ("/editor", "get"): {
        "summary": (
            "HTML: the SPARQL query editor (YASGUI), ?query= prefilled",
            "HTML : l'éditeur de requêtes SPARQL (YASGUI), ?query= prérempli",
        ),
        "parameters": [
            _param(
                "query",
                "query",
                "A query to open in the editor.",
                "Une requête à ouvrir dans l'éditeur.",
            ),
            LANG,
        ],
        "responses": {"200": "text/html"},
    },
    ("/api/resources", "get"): {
        "summary": ("A resource by its full IRI", "Une ressource par son IRI complète"),
        "parameters": [IRI, LANG],
        "responses": {
            "200": "application/json",
            "400": "application/json",
            "404": "application/json",
        },
    },
    ("/api/resources/{rid}", "get"): {
        "summary": (
            "A resource of the catalogue (<base>id/<kind>/<id>) with its record",
            "Une ressource du catalogue (<base>id/<sorte>/<id>) et sa fiche",
        ),
        "parameters": [
            _param(
                "rid",
                "path",
                "kind/id, e.g. dataset/iagos-ozone",
                "sorte/id, ex. dataset/iagos-ozone",
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts", "get"): {
        "summary": (
            "Top concepts of a vocabulary, or one concept by IRI",
            "Concepts de tête d'un vocabulaire, ou un concept par son IRI",
        ),
        "parameters": [
            _param(
                "vocabulary",
                "query",
                "Vocabulary name (default gaia).",
                "Nom du vocabulaire (gaia par défaut).",
            ),
            IRI,
            _param("tree", "query", "With iri: the subtree.", "Avec iri : le sous-arbre."),
            LANG,
        ],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts/{slug}", "get"): {
        "summary": (
            "A concept: labels, definition, broader chain, narrower, mappings, count",
            "Un concept : libellés, définition, ascendants, descendants, alignements, "
            "nombre de ressources",
        ),
        "parameters": [SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/concepts/{slug}/tree", "get"): {
        "summary": (
            "The subtree under a concept, with counts",
            "Le sous-arbre d'un concept, avec les nombres de ressources",
        ),
        "parameters": [SLUG, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/api/autocomplete", "get"): {
        "summary": (
            "Concept suggestions from every label, fr and en, typo-tolerant",
            "Suggestions de concepts sur tous les libellés, fr et en, tolérant "
            "les fautes de frappe",
        ),
        "parameters": [
            _param(
                "q", "query", "What the user typed.", "Ce que l'utilisateur a tapé.", required=True
            ),
            _param(
                "limit",
                "query",
                "How many suggestions (1-50).",
                "Nombre de suggestions (1-50).",
                schema={"type": "integer", "minimum": 1, "maximum": 50},
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/api/search", "get"): {
        "summary": (
            "Faceted search: text (fr/en, expanded to thesaurus concepts and to the places of "
            "the gazetteer), facet tree with exact counts, flat facets, bbox, time and depth "
            "ranges, sort and paging",
            "Recherche à facettes : texte (fr/en, étendu aux concepts du thésaurus et aux lieux "
            "du répertoire), arbre de facettes aux comptes exacts, facettes simples, emprise, "
            "périodes, profondeurs, tri et pagination",
        ),
        "parameters": [
            _param(
                "q",
                "query",
                "Words to find, in French or English. Words naming a thesaurus concept also "
                "find the resources tagged with it; words naming a place of the gazetteer rank "
                "first the resources whose bbox lies inside the place's box (each hit's why "
                "says so), then those covering it. Question and generic words (qui, données, "
                "data, products…) never filter; when the key words together find less than a "
                "page, any one suffices (relaxed, optional_words in the response).",
                "Mots recherchés, en français ou en anglais. Des mots qui nomment un concept du "
                "thésaurus trouvent aussi les ressources qui en portent le thème ; des mots qui "
                "nomment un lieu du répertoire classent d'abord les ressources dont l'emprise "
                "est dans celle du lieu (le why de chaque résultat le dit), puis celles qui le "
                "couvrent. Les mots de question et les mots génériques (qui, données, data, "
                "products…) ne filtrent jamais ; quand les mots clés ensemble trouvent moins "
                "d'une page, un seul suffit (relaxed, optional_words dans la réponse).",
            ),
            *[
                _param(
                    name,
                    "query",
                    f"Facet filter ({name}), repeatable: OR within a facet, AND across facets.",
                    f"Filtre de facette ({name}), répétable : OU dans une facette, "
                    "ET entre facettes.",
                    schema={"type": "array", "items": {"type": "string"}},
                )
                for name in ("theme", "pole", "centre", "type", "format", "licence")
            ],
            *[
                _param(
                    name,
                    "query",
                    f"Facet filter ({name}, an IRI), repeatable: OR within a facet, AND across "
                    "facets.",
                    f"Filtre de facette ({name}, une IRI), répétable : OU dans une facette, "
                    "ET entre facettes.",
                    schema={"type": "array", "items": {"type": "string"}},
                )
                for name in ("platform", "instrument")
            ],
            _param(
                "taxon",
                "query",
                "Taxon filter (an IRI), repeatable: the resources of the taxon or of a taxon "
                "below it (a family finds the datasets of its species); OR within, AND with "
                "the other facets.",
                "Filtre de taxon (une IRI), répétable : les ressources du taxon ou d'un taxon "
                "en dessous (une famille trouve les jeux de données de ses espèces) ; OU entre "
                "taxons, ET avec les autres facettes.",
                schema={"type": "array", "items": {"type": "string"}},
            ),
            _param(
                "bbox",
                "query",
                "west,south,east,north in degrees; west > east crosses the antimeridian.",
                "ouest,sud,est,nord en degrés ; ouest > est traverse l'antiméridien.",
            ),
            _param(
                "place",
                "query",
                "Place of the gazetteer (slug or IRI), repeatable: resources whose bbox overlaps "
                "it (the apply URL of a place in the response's places).",
                "Lieu du répertoire (identifiant court ou IRI), répétable : ressources dont "
                "l'emprise recoupe la sienne (l'URL apply d'un lieu de places dans la réponse).",
                schema={"type": "array", "items": {"type": "string"}},
            ),
            _param(
                "start",
                "query",
                "ISO date: resources whose temporal extent ends on or after it (overlap).",
                "Date ISO : ressources dont l'étendue temporelle finit à cette date ou après "
                "(chevauchement).",
            ),
            _param(
                "end",
                "query",
                "ISO date: resources whose temporal extent starts on or before it (overlap).",
                "Date ISO : ressources dont l'étendue temporelle commence à cette date ou avant "
                "(chevauchement).",
            ),
            _param(
                "vmin",
                "query",
                "Lowest altitude in metres (depth negative): vertical extent overlap.",
                "Altitude la plus basse en mètres (profondeur négative) : chevauchement vertical.",
                schema={"type": "number"},
            ),
            _param(
                "vmax",
                "query",
                "Highest altitude in metres (depth negative): vertical extent overlap.",
                "Altitude la plus haute en mètres (profondeur négative) : chevauchement vertical.",
                schema={"type": "number"},
            ),
            _param(
                "sort",
                "query",
                "Order of the hits.",
                "Ordre des résultats.",
                schema={"type": "string", "enum": ["relevance", "date", "title"]},
            ),
            _param(
                "page",
                "query",
                "Page number, from 1.",
                "Numéro de page, à partir de 1.",
                schema={"type": "integer", "minimum": 1},
            ),
            _param(
                "size",
                "query",
                "Hits per page (1-100).",
                "Résultats par page (1-100).",
                schema={"type": "integer", "minimum": 1, "maximum": 100},
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/", "get"): {
        "summary": (
            "HTML home: the compartments with their dataset counts",
            "Accueil HTML : les compartiments et leurs nombres de jeux de données",
        ),
        "parameters": [LANG],
        "responses": {"200": "text/html"},
    },
    ("/compartments/{slug}", "get"): {
        "summary": (
            "HTML page of a compartment: introduction, sub-domains, variables, data centres",
            "Page HTML d'un compartiment : introduction, sous-domaines, variables, "
            "centres de données",
        ),
        "parameters": [SLUG, LANG],
        "responses": {"200": "text/html", "302": "text/html", "404": "text/html"},
    },
    ("/concepts/{slug}", "get"): {
        "summary": (
            "HTML page of a concept: hierarchy, labels, definition, mappings, datasets",
            "Page HTML d'un concept : hiérarchie, libellés, définition, alignements, "
            "jeux de données",
        ),
        "parameters": [SLUG, LANG],
        "responses": {"200": "text/html", "404": "text/html"},
    },
    # the portal's results page (sparql_api/portal/routes.py)
    ("/search", "get"): {
        "summary": (
            "HTML results page: the /api/search parameters, with hits, facets, removable "
            "filters, sort, paging and a map; west/south/east/north redirect to one bbox",
            "Page HTML de résultats : les paramètres de /api/search, avec résultats, facettes, "
            "filtres amovibles, tri, pages et carte ; west/south/east/north redirigent vers bbox",
        ),
        "parameters": [
            _param("q", "query", "Words to find.", "Mots recherchés."),
            _param(
                "bbox",
                "query",
                "Area west,south,east,north (degrees).",
                "Zone ouest,sud,est,nord (degrés).",
            ),
            LANG,
        ],
        "responses": {"200": "text/html", "303": "text/html", "400": "text/html"},
    },
    # record quality (sparql_api/quality/routes.py)
    ("/api/records/{kind}/{slug}/quality", "get"): {
        "summary": (
            "A record's FAIR quality: score, dimension scores, measures (DQV) and what to fix, "
            "naming the record by title and IRI",
            "La qualité FAIR d'une notice : score, scores par dimension, mesures (DQV) et ce "
            "qu'il faut corriger, en nommant la notice par son titre et son IRI",
        ),
        "parameters": [
            _param(
                "kind",
                "path",
                "dataset, service, publication or software",
                "dataset, service, publication ou software",
            ),
            _param(
                "slug",
                "path",
                "Local name of the resource (/id/<kind>/<slug>).",
                "Nom local de la ressource (/id/<kind>/<slug>).",
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/quality/{kind}/{slug}", "get"): {
        "summary": (
            "HTML page of a record's FAIR quality",
            "Page HTML de la qualité FAIR d'une notice",
        ),
        "parameters": [
            _param(
                "kind",
                "path",
                "dataset, service, publication or software",
                "dataset, service, publication ou software",
            ),
            _param(
                "slug",
                "path",
                "Local name of the resource (/id/<kind>/<slug>).",
                "Nom local de la ressource (/id/<kind>/<slug>).",
            ),
            LANG,
        ],
        "responses": {"200": "text/html", "404": "text/html"},
    },
    ("/quality", "get"): {
        "summary": (
            "Quality dashboard: average FAIR scores per source and per data centre",
            "Tableau de bord de la qualité : scores FAIR moyens par source et par centre de "
            "données",
        ),
        "parameters": [LANG],
        "responses": {"200": "text/html"},
    },
    ("/api/ask", "get"): {
        "summary": (
            "Discovery assistant: a question in French or English answered from the records "
            "only, every statement citing its records' IRIs, with the filters understood, the "
            "search URL and the SPARQL",
            "Assistant de découverte : une question en français ou en anglais, répondue à partir "
            "des seules notices, chaque phrase citant les IRI de ses notices, avec les filtres "
            "compris, l'URL de recherche et le SPARQL",
        ),
        "parameters": [
            _param("q", "query", "The question.", "La question.", required=True),
            LANG,
        ],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/ask", "get"): {
        "summary": (
            "Ask page: the question form and the grounded answer with numbered citations",
            "Page Question : le formulaire et la réponse fondée sur les notices, citations "
            "numérotées",
        ),
        "parameters": [_param("q", "query", "The question.", "La question."), LANG],
        "responses": {"200": "text/html", "400": "text/html"},
    },
    # linked data (sparql_api/linked_data/routes.py)
    ("/id/{kind}/{slug}", "get"): {
        "summary": (
            "A resource: HTML, Turtle, JSON-LD, RDF/XML, N-Triples or linkset (extension, "
            "then f=, then Accept), with FAIR Signposting Link headers",
            "Une ressource : HTML, Turtle, JSON-LD, RDF/XML, N-Triples ou linkset (extension, "
            "puis f=, puis Accept), avec les en-têtes Link de FAIR Signposting",
        ),
        "parameters": [
            _param(
                "kind",
                "path",
                "dataset, service, publication, software, agent, distribution, catalog",
                "dataset, service, publication, software, agent, distribution, catalog",
            ),
            _param(
                "slug",
                "path",
                "Local name, optionally with .html, .ttl, .jsonld, .rdf or .nt",
                "Nom local, éventuellement suivi de .html, .ttl, .jsonld, .rdf ou .nt",
            ),
            LD_FORMAT,
            LANG,
        ],
        "responses": {
            "200": "text/html",
            "400": "application/json",
            "404": "text/html",
            "406": "application/json",
        },
    },
    ("/id", "get"): {
        "summary": (
            "Any IRI or external identifier: ours and known identifiers redirect (303) to "
            "their page, other described IRIs are served",
            "Toute IRI ou tout identifiant externe : les nôtres et les identifiants connus "
            "redirigent (303) vers leur page, les autres IRI décrites sont servies",
        ),
        "parameters": [
            _param("uri", "query", "The IRI.", "L'IRI.", required=True),
            LD_FORMAT,
            LANG,
        ],
        "responses": {
            "200": "text/html",
            "303": "text/html",
            "400": "application/json",
            "404": "text/html",
            "406": "application/json",
        },
    },
    ("/doi/{doi}", "get"): {
        "summary": (
            "The resource a record identifies by this DOI (303 to its page)",
            "La ressource qu'une fiche identifie par ce DOI (303 vers sa page)",
        ),
        "parameters": [_param("doi", "path", "A DOI, e.g. 10.1785/gssrl.81.3.530", "Un DOI")],
        "responses": {"303": "text/html", "404": "text/html"},
    },
    ("/catalog", "get"): {
        "summary": (
            "DCAT-AP 3 catalogue feed of the datasets and data services, paged with Hydra",
            "Flux DCAT-AP 3 du catalogue des jeux de données et services, paginé avec Hydra",
        ),
        "parameters": [
            _param(
                "modified-since",
                "query",
                "ISO date or date-time: records loaded or resources modified since.",
                "Date ou date-heure ISO : fiches chargées ou ressources modifiées depuis.",
            ),
            _param("pole", "query", "Hub slug or IRI, e.g. aeris.", "Pôle (ex. aeris)."),
            _param(
                "concept",
                "query",
                "Thesaurus concept slug or IRI (narrower included).",
                "Concept du thésaurus (concepts spécifiques inclus).",
            ),
            _param(
                "page",
                "query",
                "Page, from 1.",
                "Page, à partir de 1.",
                schema={"type": "integer", "minimum": 1},
            ),
            _param(
                "size",
                "query",
                "Members per page (1-500).",
                "Membres par page (1-500).",
                schema={"type": "integer", "minimum": 1, "maximum": 500},
            ),
            LD_FORMAT,
        ],
        "responses": {"200": "text/turtle", "400": "application/json", "406": "application/json"},
    },
    ("/oai", "get"): {
        "summary": (
            "OAI-PMH 2.0 provider: oai_dc, DataCite and DCAT records, sets by pole and compartment",
            "Fournisseur OAI-PMH 2.0 : fiches oai_dc, DataCite et DCAT, ensembles par pôle et "
            "compartiment",
        ),
        "parameters": [
            _param(
                "verb",
                "query",
                "Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord",
                "Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord",
            ),
            _param(
                "metadataPrefix",
                "query",
                "oai_dc, oai_datacite or dcat",
                "oai_dc, oai_datacite ou dcat",
            ),
            _param(
                "identifier", "query", "OAI identifier of an item", "Identifiant OAI d'un élément"
            ),
            _param("from", "query", "Datestamp lower bound", "Borne inférieure de date"),
            _param("until", "query", "Datestamp upper bound", "Borne supérieure de date"),
            _param(
                "set", "query", "pole:<slug> or compartment:<slug>", "pole:<id> ou compartment:<id>"
            ),
            _param(
                "resumptionToken", "query", "Token of the next page", "Jeton de la page suivante"
            ),
            LANG,
        ],
        "responses": {"200": "text/xml"},
    },
    ("/oai", "post"): {
        "summary": ("OAI-PMH 2.0 request sent form-encoded", "Requête OAI-PMH 2.0 en formulaire"),
        "parameters": [LANG],
        "body": ["application/x-www-form-urlencoded"],
        "responses": {"200": "text/xml"},
    },
    ("/stac", "get"): {
        "summary": ("STAC API landing page", "Page d'accueil de l'API STAC"),
        "parameters": [],
        "responses": {"200": "application/json"},
    },
    ("/stac/conformance", "get"): {
        "summary": ("STAC API conformance classes", "Classes de conformité de l'API STAC"),
        "parameters": [],
        "responses": {"200": "application/json"},
    },
    ("/stac/collections", "get"): {
        "summary": (
            "STAC Collections: the datasets with a footprint (bbox, datetime filters)",
            "Collections STAC : les jeux de données ayant une emprise (filtres bbox, datetime)",
        ),
        "parameters": [STAC_BBOX, STAC_DATETIME, LANG],
        "responses": {"200": "application/json", "400": "application/json"},
    },
    ("/stac/collections/{cid}", "get"): {
        "summary": ("One STAC Collection (a dataset)", "Une collection STAC (un jeu de données)"),
        "parameters": [STAC_CID, LANG],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/stac/collections/{cid}/items", "get"): {
        "summary": (
            "The Items (distributions) of a Collection",
            "Les éléments (distributions) d'une collection",
        ),
        "parameters": [STAC_CID, STAC_BBOX, STAC_DATETIME, STAC_LIMIT, STAC_PAGE],
        "responses": {
            "200": "application/geo+json",
            "400": "application/json",
            "404": "application/json",
        },
    },
    ("/stac/collections/{cid}/items/{iid}", "get"): {
        "summary": ("One STAC Item", "Un élément STAC"),
        "parameters": [
            STAC_CID,
            _param("iid", "path", "Item id", "Identifiant de l'élément"),
            LANG,
        ],
        "responses": {"200": "application/geo+json", "404": "application/json"},
    },
    ("/stac/search", "get"): {
        "summary": ("STAC item search", "Recherche d'éléments STAC"),
        "parameters": [
            STAC_BBOX,
            STAC_DATETIME,
            _param("collections", "query", "Collection ids, comma-separated", "Collections"),
            _param("ids", "query", "Item ids, comma-separated", "Identifiants d'éléments"),
            STAC_LIMIT,
            STAC_PAGE,
        ],
        "responses": {"200": "application/geo+json", "400": "application/json"},
    },
    ("/stac/search", "post"): {
        "summary": ("STAC item search (JSON body)", "Recherche d'éléments STAC (corps JSON)"),
        "parameters": [],
        "body": ["application/json"],
        "responses": {"200": "application/geo+json", "400": "application/json"},
    },
    ("/api/sources", "get"): {
        "summary": (
            "Harvest sources: declaration, records, unfinished harvest, last runs",
            "Sources moissonnées : déclaration, notices, moissonnage inachevé, derniers passages",
        ),
        "parameters": [LANG],
        "responses": {"200": "application/json", "503": "application/json"},
    },
    ("/api/sources/{name}", "get"): {
        "summary": (
            "One harvest source with its last 20 runs and their reports",
            "Une source moissonnée et les rapports de ses 20 derniers passages",
        ),
        "parameters": [
            _param(
                "name",
                "path",
                "The source's name in sources.toml",
                "Le nom de la source dans sources.toml",
            ),
            LANG,
        ],
        "responses": {"200": "application/json", "404": "application/json"},
    },
    ("/robots.txt", "get"): {
        "summary": ("Rules for crawlers", "Règles pour les robots d'indexation"),
        "parameters": [],
        "responses": {"200": "text/plain"},
    },
    ("/sitemap.xml", "get"): {
        "summary": (
            "Sitemap of the resource and concept pages, with lastmod",
            "Plan du site des pages de ressources et de concepts, avec lastmod",
        ),
        "parameters": [
            _param(
                "page",
                "query",
                "Part of a sitemap index (over 50,000 pages)",
                "Partie d'un index de plans (au-delà de 50 000 pages)",
                schema={"type": "integer", "minimum": 1},
            )
        ],
        "responses": {
            "200": "application/xml",
            "400": "application/json",
            "404": "application/json",
        },
    },
    ("/.well-known/void", "get"): {
        "summary": (
            "VoID description: counts per class, per graph and per record source",
            "Description VoID : nombres par classe, par graphe et par source de fiches",
        ),
        "parameters": [LD_FORMAT],
        "responses": {"200": "text/turtle", "400": "application/json", "406": "application/json"},
    },
    ("/openapi.json", "get"): {
        "summary": ("This description", "Cette description"),
        "parameters": [LANG],
        "responses": {"200": "application/json"},
    },
}
# the results page takes every parameter of /api/search, and west/south/east/north
OPERATIONS[("/search", "get")]["parameters"] = [
    *OPERATIONS[("/api/search", "get")]["parameters"],
    *(
        _param(
            side,
            "query",
            f"Area side '{side}' (degrees): the four redirect to one bbox.",
            f"Côté « {side} » de la zone (degrés) : les quatre redirigent vers un bbox.",
        )
        for side in ("west", "south", "east", "north")
    ),
]
OPERATIONS.update(ACCOUNT_OPERATIONS)  # the personal space (sparql_api/accounts/operations.py)


def openapi_document(lang: str = "en") -> dict:
    """The OpenAPI 3.1 document with summaries and descriptions in ``lang``."""
    pick = 1 if lang == "fr" else 0
    paths: dict[str, dict] = {}
    for (path, method), op in OPERATIONS.items():
        operation = {
            "summary": op["summary"][pick],
            "operationId": f"{method}_{path.strip('/').replace('/', '_').replace('{', '')}".replace(
                "}", ""
            ).replace(".", "_")
            or "root",
            "parameters": [
                {**p, "description": p["description"]["fr" if pick else "en"]}
                for p in op["parameters"]
            ],
            "responses": {
                status: {
                    "description": status,
                    "content": {media: {"schema": {}}},
                }
                for status, media in op["responses"].items()
            },
        }
        if "body" in op:
            operation["requestBody"] = {
                "content": {media: {"schema": {"type": "string"}} for media in op["body"]}
            }
        paths.setdefault(path, {})[method] = operation
    title = (
        "gaia-kg — graphe de connaissances GAIA Data"
        if pick
        else "gaia-kg — the GAIA Data knowledge graph"
    )
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": __version__},
        "paths": paths,
    }
