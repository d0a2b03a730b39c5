"""The other language's form of a word: French and English adjectives and nouns that share a
Latin or Greek root and differ by a regular ending (*océaniques* / *oceanic*, *observatoire* /
*observatory*, *humidité* / *humidity*, *polaire* / *polar*, *géologie* / *geology*).

The stemmers of the two languages cut such words differently (*magnétiques* is ``magnet`` in
French, ``magnétiqu`` in English), so a French query word would find an English-only record
only by its typos or its prefix. :func:`cognates` rewrites the ending of a folded word, both
ways, into the forms the other language writes; the search analyses each with that language's
analyzer and looks for it in that language's fields (:mod:`sparql_api.search.words`). A form
no word of the index has finds nothing: the rules may propose a form that does not exist.
"""

from __future__ import annotations

__all__ = ["cognates", "COGNATE_MIN_CHARS", "ENDINGS"]

#: words this long (folded) have cognates
COGNATE_MIN_CHARS = 6

#: (French ending, English ending) of words of the same root, folded; the singular and the
#: plural of each (*-iques*, *-ics*) are matched alike (:func:`_singular`)
ENDINGS: tuple[tuple[str, str], ...] = (
    ("ique", "ic"),  # magnétique / magnetic, géophysique / geophysics
    ("ique", "ical"),  # géologique / geological
    ("ite", "ity"),  # humidité / humidity
    ("oire", "ory"),  # observatoire / observatory
    ("aire", "ary"),  # sédimentaire / sedimentary
    ("aire", "ar"),  # polaire / polar
    ("ie", "y"),  # géologie / geology
    ("isme", "ism"),  # géomagnétisme / geomagnetism
    ("iste", "ist"),
    ("if", "ive"),  # radiatif / radiative
    ("el", "al"),  # naturel / natural
    ("elle", "al"),
    ("ale", "al"),  # sociale / social
    ("aux", "al"),  # tropicaux / tropical
    ("ain", "an"),  # urbain / urban
    ("aine", "an"),
    ("ien", "ian"),  # australien / australian
    ("ienne", "ian"),
    ("eux", "ous"),  # poreux / porous
    ("euse", "ous"),
    ("eur", "or"),  # détecteur / detector
    ("tre", "ter"),  # radiomètre / radiometer, centre / center
)
#: endings whose plural is the singular plus ``s`` (or ``x``: *tropicaux* is its own ending)
_PLURAL = ("s", "x")


def _singular(word: str) -> str:
    """``word`` less a final plural ``s`` or ``x`` (kept when the ending needs it)."""
    if word.endswith(_PLURAL) and not word.endswith(("aux", "eux", "ss", "us", "is")):
        return word[:-1]
    return word


def cognates(folded: str) -> dict[str, list[str]]:
    """The forms of ``folded`` in the other language, by the language that writes them:
    ``{"en": [...], "fr": [...]}`` (no form: empty lists).

    >>> cognates("oceaniques")["en"], cognates("observatoires")["en"]
    (['oceanic', 'oceanical'], ['observatory'])
    >>> cognates("geology")["fr"], cognates("magnetic")["fr"]
    (['geologie'], ['magnetique'])
    """
    out: dict[str, list[str]] = {"en": [], "fr": []}
    if len(folded) < COGNATE_MIN_CHARS or not folded.isalpha():
        return out
    word = _singular(folded)
    for french, english in ENDINGS:
        for source, target, lang in ((french, english, "en"), (english, french, "fr")):
            if word.endswith(source) and len(word) - len(source) >= 3:
                form = word[: len(word) - len(source)] + target
                if form != word and form not in out[lang]:
                    out[lang].append(form)
    return out
