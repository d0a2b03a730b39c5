"""The discovery assistant: ``/api/ask`` (JSON) and the ``/ask`` page (HTML, fr/en).

Both answer a question from the catalogue's records only (see :mod:`sparql_api.assistant`):
a short answer whose every statement cites its records, the filters understood (editable:
the form of the page sends them to ``/search``), the search URL and the SPARQL. With
``GAIA_KG_LLM_URL`` set, ``rephrased`` adds a paragraph by that model, kept only when it
passes :func:`sparql_api.assistant.rephrase.check`.
"""

from __future__ import annotations

from flask import Blueprint, Response, g, jsonify, render_template, request

from sparql_api.assistant import ask
from sparql_api.assistant.rephrase import rephrase
from sparql_api.portal.routes import bilingual
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError, error_response, request_lang
from sparql_api.web.i18n import LANGUAGES, WEB

__all__ = ["bp", "answer_for", "MAX_QUESTION"]

bp = Blueprint("assistant", __name__)

#: longest question accepted, in characters
MAX_QUESTION = 300


def answer_for(question: str | None, lang: str) -> dict:
    """The assistant's answer to ``question`` (400 ApiError when missing or too long)."""
    question = (question or "").strip()
    if not question:
        raise ApiError(400, WEB.mark("ask_missing"))
    if len(question) > MAX_QUESTION:
        raise ApiError(400, WEB.mark("ask_too_long"), length=len(question), limit=MAX_QUESTION)
    catalogue = get_catalogue()
    result = ask(catalogue.index(), catalogue.concepts(), question, lang)
    settings = catalogue.settings
    if settings.llm_url and result["found"]:
        result["rephrased"] = rephrase(
            result, settings.llm_url, settings.llm_model, settings.llm_key
        )
    return result


@bp.get("/api/ask")
def ask_json() -> Response:
    """The grounded answer to ``q`` as JSON (the answer's language is the question's)."""
    lang = request.args.get("lang")
    payload = answer_for(request.args.get("q"), lang if lang in LANGUAGES else request_lang())
    response = jsonify(payload)
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Content-Language"] = payload["lang"]
    return response


@bp.get("/ask")
def ask_page():
    """The question form, and the answer with its numbered citations when ``q`` is given."""
    question = request.args.get("q")
    result = answer_for(question, g.page_lang) if question is not None else None
    if result is not None:
        numbers = {r["iri"]: i for i, r in enumerate(result["records"], 1)}
        for statement in result["answer"]:
            statement["numbers"] = [(numbers[i], i) for i in statement["cites"] if i in numbers]
    return render_template("ask.html", result=result, question=question or "")


def _is_page() -> bool:
    return request.path == "/ask"


bilingual(bp, _is_page)


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    if not _is_page():
        response = error_response(exc.status, exc.key, **exc.params)
        response.headers.update(exc.headers)
        return response
    lang = g.get("page_lang", "en")
    text = WEB.text(exc.key, lang, **exc.params)
    return render_template("error.html", title=WEB.text("error_title", lang), text=text), exc.status
