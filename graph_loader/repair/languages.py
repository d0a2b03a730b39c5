"""Language tags for a record's untagged text: the record's own language when it tells it,
else the source's, else py3langid's answer when it is sure.

>>> language_code("fre"), language_code("en-GB"), language_code("French"), language_code("xx-")
('fr', 'en-GB', 'fr', None)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pyoxigraph as ox

from ..namespaces import XSD
from ..terms import RDF_TYPE
from .model import Repair, subject_text
from .properties import AGENT_TYPES, LANGUAGE_PROPERTIES, SDO_NAME, TEXT_PROPERTIES, TITLED_TYPES

__all__ = [
    "DETECTABLE_LANGUAGES",
    "MIN_DETECTION_CHARS",
    "MIN_DETECTION_PROBABILITY",
    "language_code",
    "detect_language",
    "tag_languages",
]

#: languages py3langid may answer (ISO 639-1): those of European catalogues and of the
#: largest other producers of Earth-science metadata
DETECTABLE_LANGUAGES = (
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "
    "ca eu gl is no ru uk tr zh ja ko"
).split()

#: shorter texts are not given to language detection (unreliable)
MIN_DETECTION_CHARS = 20
#: detection below this probability is not trusted
MIN_DETECTION_PROBABILITY = 0.9

#: ISO 639-2/B, 639-2/T and English names of languages, to their 639-1 code
_LANGUAGE_CODES = {
    "fre": "fr", "fra": "fr", "french": "fr", "français": "fr", "francais": "fr",
    "eng": "en", "english": "en", "anglais": "en",
    "ger": "de", "deu": "de", "german": "de", "deutsch": "de",
    "spa": "es", "spanish": "es", "español": "es",
    "ita": "it", "italian": "it", "italiano": "it",
    "dut": "nl", "nld": "nl", "dutch": "nl", "nederlands": "nl",
    "por": "pt", "portuguese": "pt",
    "cze": "cs", "ces": "cs", "czech": "cs",
    "pol": "pl", "polish": "pl",
    "dan": "da", "danish": "da",
    "swe": "sv", "swedish": "sv",
    "fin": "fi", "finnish": "fi",
    "nor": "no", "nob": "nb", "nno": "nn", "norwegian": "no",
    "gre": "el", "ell": "el", "greek": "el",
    "hun": "hu", "hungarian": "hu",
    "rum": "ro", "ron": "ro", "romanian": "ro",
    "slo": "sk", "slk": "sk", "slovak": "sk",
    "slv": "sl", "slovenian": "sl",
    "hrv": "hr", "croatian": "hr",
    "bul": "bg", "bulgarian": "bg",
    "est": "et", "estonian": "et",
    "lav": "lv", "latvian": "lv",
    "lit": "lt", "lithuanian": "lt",
    "mlt": "mt", "maltese": "mt",
    "gle": "ga", "irish": "ga",
    "cat": "ca", "catalan": "ca",
    "baq": "eu", "eus": "eu", "basque": "eu",
    "glg": "gl", "galician": "gl",
    "ice": "is", "isl": "is", "icelandic": "is",
    "rus": "ru", "russian": "ru",
    "ukr": "uk", "ukrainian": "uk",
    "tur": "tr", "turkish": "tr",
    "chi": "zh", "zho": "zh", "chinese": "zh",
    "jpn": "ja", "japanese": "ja",
    "kor": "ko", "korean": "ko",
}  # fmt: skip

_STRING = ox.NamedNode(str(XSD.string))


def language_code(value: str) -> str | None:
    """The BCP 47 tag of a language given as a code (``fr``, ``fre``, ``en-GB``), a name
    (``French``) or an IRI (EU authority table, id.loc.gov), else ``None``."""
    text = value.strip().rstrip("/")
    if "/" in text or "#" in text:
        text = re.split(r"[/#]", text)[-1]
    lowered = text.lower()
    if re.fullmatch(r"[a-z]{2}(-[a-z0-9]{2,8})*", lowered):
        return text.split("-")[0].lower() + text[2:]
    return _LANGUAGE_CODES.get(lowered)


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(DETECTABLE_LANGUAGES)
    return identifier


def detect_language(text: str) -> str | None:
    """The language of ``text`` among :data:`DETECTABLE_LANGUAGES` when py3langid is sure of
    it; ``None`` for short texts and uncertain answers."""
    if len(text.strip()) < MIN_DETECTION_CHARS:
        return None
    lang, probability = _identifier().classify(text)
    return lang if probability >= MIN_DETECTION_PROBABILITY else None


def _is_text(triple: ox.Triple, titled: set) -> bool:
    predicate = triple.predicate.value
    if predicate in TEXT_PROPERTIES:
        return True
    return predicate in SDO_NAME and triple.subject in titled


def _untagged(term) -> bool:
    return (
        isinstance(term, ox.Literal)
        and term.language is None
        and term.datatype == _STRING
        and any(c.isalpha() for c in term.value)
    )


def _record_language(triples: list[ox.Triple], root, titled: set) -> str | None:
    """The language of the record's own tagged text literals (a strict plurality), else that
    of the root's dct:language / schema:inLanguage."""
    tags = Counter(
        t.object.language
        for t in triples
        if isinstance(t.object, ox.Literal) and t.object.language and _is_text(t, titled)
    )
    ranked = tags.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    declared = sorted(
        {
            code
            for t in triples
            if t.subject == root and t.predicate.value in LANGUAGE_PROPERTIES
            for code in [language_code(t.object.value)]
            if code and not isinstance(t.object, ox.BlankNode)
        }
    )
    return declared[0] if len(declared) == 1 else None


def _titled_subjects(triples: list[ox.Triple], root) -> set:
    agents = {
        t.subject for t in triples if t.predicate == RDF_TYPE and t.object.value in AGENT_TYPES
    }
    titled = {
        t.subject for t in triples if t.predicate == RDF_TYPE and t.object.value in TITLED_TYPES
    }
    titled.add(root)
    return titled - agents


def tag_languages(
    triples: list[ox.Triple | ox.Quad], root, language: str | None
) -> tuple[list[ox.Triple | ox.Quad], list[Repair]]:
    """``triples`` with their untagged texts tagged: the record's language (its own tagged
    texts, its dct:language), else ``language``, else the one py3langid detects."""
    titled = _titled_subjects(triples, root)
    untagged_at = [i for i, t in enumerate(triples) if _is_text(t, titled) and _untagged(t.object)]
    if not untagged_at:
        return triples, []
    known = _record_language(triples, root, titled) or (language_code(language or "") or None)
    whole = None
    if known is None:
        # the record's language, detected once from all its untagged texts together
        whole = detect_language(" ".join(triples[i].object.value for i in untagged_at))
    repairs = []
    out = list(triples)
    for i in untagged_at:
        t = triples[i]
        if known is not None:
            tag, kind = known, "language-tag"
        else:
            tag = detect_language(t.object.value) or whole
            kind = "language-detected"
        if tag is None:
            continue
        fixed = ox.Literal(t.object.value, language=tag)
        out[i] = type(t)(t.subject, t.predicate, fixed)  # a triple, or a default-graph quad
        repairs.append(
            Repair(kind, subject_text(t.subject), t.predicate.value, str(t.object), str(fixed))
        )
    return out, repairs
