"""gaia-kg HTTP layer: the Flask app factory and the blueprints it wires.

>>> from graph_loader.config import Settings
>>> app = create_app(Settings(store=":memory:"))
>>> sorted(bp for bp in app.blueprints)  # doctest: +NORMALIZE_WHITESPACE
['accounts', 'assistant', 'capabilities', 'catalog', 'collections', 'concepts', 'crawlers',
 'editor', 'health', 'history', 'linkeddata', 'oai', 'oidc', 'openapi', 'pages', 'quality',
 'resources', 'search', 'sources', 'sparql', 'sparql_write', 'stac', 'tokens']
"""

from __future__ import annotations

from flask import Flask

from graph_loader.config import Settings
from graph_loader.store import Store
from sparql_api.web.limits import MAX_QUERY_BYTES

__all__ = ["create_app", "make_app", "MAX_QUERY_BYTES"]


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> Flask:
    """A Flask app over ``store``, or over ``settings.store`` opened on first use."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    from sparql_api.accounts import blueprints as accounts
    from sparql_api.assistant import routes as assistant
    from sparql_api.core.catalogue import Catalogue
    from sparql_api.linked_data import catalog_routes as catalog_views
    from sparql_api.linked_data import crawlers_routes as crawler_views
    from sparql_api.linked_data import resources_routes as resources
    from sparql_api.linked_data import routes as linkeddata
    from sparql_api.oai import routes as oai_views
    from sparql_api.portal import capabilities_routes as capabilities
    from sparql_api.portal import routes as pages
    from sparql_api.quality import routes as quality
    from sparql_api.search import concepts_routes as concepts
    from sparql_api.search.autocomplete import matcher_for
    from sparql_api.search.routes import bp as search_bp
    from sparql_api.sparql import editor_routes as editor
    from sparql_api.sparql import routes as sparql
    from sparql_api.sparql import write_routes as sparql_write
    from sparql_api.stac import routes as stac_views
    from sparql_api.web import health, sources
    from sparql_api.web import openapi_routes as openapi
    from sparql_api.web.catalogue import EXTENSION
    from sparql_api.web.headers import init_headers, security_headers
    from sparql_api.web.hosts import init_hosts
    from sparql_api.web.http_errors import register_error_handlers
    from sparql_api.web.i18n import init_templates
    from sparql_api.web.lang_check import init_lang_check
    from sparql_api.web.limits import init_paths
    from sparql_api.web.static_files import init_static, static_version

    settings = settings or Settings.from_env()
    version = static_version()  # static URLs carry it: cached for good, changed with a file
    app = Flask(__name__, static_url_path=f"/static/{version}")
    app.config["STATIC_VERSION"] = version
    app.config["MAX_CONTENT_LENGTH"] = MAX_QUERY_BYTES
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions[EXTENSION] = Catalogue(settings, store, prepare=matcher_for)
    init_paths(app)  # before any route: a path value past its bound matches none (404)
    init_hosts(app, settings)  # first: a forged Host is refused before any view runs
    init_headers(app, settings)
    init_static(app, security_headers(settings))  # compressed, cached, before Flask
    init_lang_check(app)  # an unknown ?lang= is refused where the description declares lang
    init_templates(app)
    for module in (sparql, sparql_write, editor, resources, health, concepts, openapi, pages):
        app.register_blueprint(module.bp)
    for module in (linkeddata, catalog_views, oai_views, stac_views, crawler_views):
        app.register_blueprint(module.bp)
    app.register_blueprint(search_bp)
    for module in (sources, quality, assistant, capabilities):
        app.register_blueprint(module.bp)
    accounts.init_app(app)  # the personal space: /account, /collections, /shared
    register_error_handlers(app)
    if settings.trusted_proxies > 0:  # outermost: every layer sees the client's address
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)
    return app


def make_app() -> Flask:
    """The app configured from ``GAIA_KG_*`` variables (for ``waitress-serve --call``)."""
    return create_app(Settings.from_env())
