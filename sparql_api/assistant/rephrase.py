"""Optional rephrasing of an answer by a language model behind an OpenAI-compatible endpoint.

The assistant's own statements are the answer; a configured model (``GAIA_KG_LLM_URL``) may
only turn them into a paragraph. Its text is **checked** before it is shown, and dropped
(the statements stay) when it does not pass:

- every sentence ends with ``[n]`` markers, each the number of a statement;
- every number in it (markers aside) is written in the statements;
- every word with a capital letter or a digit (names, acronyms, places; a sentence's first
  word aside) is a word of the statements or of the question, so the model cannot bring a
  centre, place or date the records did not give.

The endpoint failing (network, status, malformed JSON) is no error either: the answer keeps
its statements and says why there is no rephrasing.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

from graph_loader.parsing import fold, words
from sparql_api.web.i18n import WEB

__all__ = ["rephrase", "check"]

_MARK = re.compile(r"\[(\d+)\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _words(text: str) -> set[str]:
    return {fold(w) for w in words(text)}


def check(text: str, statements: list[str], question: str = "") -> str | None:
    """None when ``text`` keeps to ``statements`` (see the module docstring), else why not."""
    source = " ".join(statements)
    known_numbers = set(_NUMBER.findall(source))
    known_words = _words(source) | _words(question)
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    if not sentences:
        return "empty text"
    for sentence in sentences:
        marks = [int(m) for m in _MARK.findall(sentence)]
        if not marks:
            return f"a sentence cites no statement: {sentence[:80]!r}"
        if any(not 1 <= m <= len(statements) for m in marks):
            return f"a marker names no statement: {sentence[:80]!r}"
    bare = _MARK.sub(" ", text)
    for number in _NUMBER.findall(bare):
        if number not in known_numbers:
            return f"a number not in the records: {number}"
    for sentence in sentences:
        for word in words(_MARK.sub(" ", sentence))[1:]:  # a sentence starts with a capital
            named = any(c.isupper() or c.isdigit() for c in word)
            if named and fold(word) not in known_words:
                return f"a name not in the records: {word}"
    return None


def rephrase(
    answer: dict, url: str, model: str | None = None, key: str | None = None, timeout=20.0
) -> dict:
    """``{"text", "error"}``: the checked paragraph of ``answer`` (a :func:`ask` result), or
    None and the reason it was not kept."""
    statements = [s["text"] for s in answer["answer"]]
    lang = answer["lang"]
    numbered = "\n".join(f"[{i}] {text}" for i, text in enumerate(statements, 1))
    body = {
        "model": model or "default",
        "temperature": 0,
        "messages": [
            {"role": "system", "content": WEB.text("answer_prompt", lang)},
            {"role": "user", "content": numbered},
        ],
    }
    headers = {"Content-Type": "application/json"}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        url.rstrip("/") + "/chat/completions",
        data=json.dumps(body).encode("utf-8"),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
        text = payload["choices"][0]["message"]["content"]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        return {"text": None, "error": f"the model endpoint failed: {exc}"}
    if not isinstance(text, str):
        return {"text": None, "error": "the model endpoint sent no text"}
    reason = check(text, statements, answer.get("question", ""))
    if reason is not None:
        return {"text": None, "error": f"rephrasing dropped: {reason}"}
    return {"text": text.strip(), "error": None}
