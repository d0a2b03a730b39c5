"""``?lang=`` outside the declared languages answers 400, on every operation whose OpenAPI
description takes ``lang`` (:data:`sparql_api.web.openapi_parts.LANG`): the description says
``en`` or ``fr``, and the server keeps to it rather than quietly falling back.
"""

from __future__ import annotations

import re
from functools import cache

from flask import Flask, g, request

from graph_loader.messages import LANGUAGES
from sparql_api.web.http_errors import ApiError, request_lang
from sparql_api.web.i18n import WEB

__all__ = ["init_lang_check", "openapi_path"]


def openapi_path(rule: str) -> str:
    """A Flask rule in OpenAPI path syntax.

    >>> openapi_path("/collections/<int:cid>/export/<name>")
    '/collections/{cid}/export/{name}'
    """
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule)


@cache
def takes_lang(rule: str, method: str) -> bool:
    """Whether the operation of ``rule`` and ``method`` declares the ``lang`` parameter."""
    from sparql_api.web.openapi import OPERATIONS
    from sparql_api.web.openapi_parts import LANG

    operation = OPERATIONS.get((openapi_path(rule), "get" if method == "HEAD" else method.lower()))
    return operation is not None and LANG in operation["parameters"]


def init_lang_check(app: Flask) -> None:
    """Refuse (400) a ``lang`` the operation does not declare, before any view runs."""

    @app.before_request
    def _check_lang():
        values = request.args.getlist("lang")
        if not values or request.url_rule is None:
            return
        if not takes_lang(request.url_rule.rule, request.method):
            return
        for value in values:
            if value not in LANGUAGES:
                g.page_lang = request_lang()  # the error page's: Accept-Language, else en
                known = ", ".join(LANGUAGES)
                raise ApiError(400, WEB.mark("bad_lang"), value=value, known=known)
