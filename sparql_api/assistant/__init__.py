"""The discovery assistant: questions in French or English answered from the records.

:func:`~sparql_api.assistant.understand.understand` turns a question into search filters
(concepts, place, time, season, type, pole, centre); :func:`~sparql_api.assistant.answer.ask`
runs that search and writes a short answer in which every statement cites its records.
Nothing here imports Flask.
"""

from sparql_api.assistant.answer import ask, organisation_acronyms
from sparql_api.assistant.gazetteer import Place, find_place, places
from sparql_api.assistant.understand import Understanding, guess_language, understand

__all__ = [
    "ask",
    "organisation_acronyms",
    "Place",
    "find_place",
    "places",
    "Understanding",
    "guess_language",
    "understand",
]
