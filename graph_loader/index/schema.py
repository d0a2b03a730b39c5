"""The tantivy schema of the search index and its text analyzers.

Text fields exist once per language (``title_fr``, ``title_en``…), each analysed with the
stemmer and stop words of its language; ``theme_fr`` / ``theme_en`` hold every label of every
concept a resource is tagged with and of their ancestors, so a query in either language finds
a resource described in the other. Facet values are raw (untokenised) fast fields, counted by
terms aggregations; ``theme`` holds the GAIA thesaurus concepts of a resource *and all their
ancestors*, deduplicated, so a resource counts once in each ancestor of each of its variables;
``taxon`` likewise holds the taxa of a resource (``gaia:taxon``) and every taxon above them
(``skos:broader``), so that a family finds the datasets of its species.
Extents are numeric fast fields (bbox as up to two longitude intervals, so one that crosses
the antimeridian is stored as two), dates as proleptic Gregorian day ordinals.
"""

from __future__ import annotations

import tantivy

__all__ = [
    "LANGS",
    "TEXT_FIELDS",
    "FACET_FIELDS",
    "ANALYZERS",
    "build_schema",
    "analyzer",
    "register_analyzers",
    "NO_LON",
]

#: languages with their own analysed fields (Snowball names)
LANGS = {"fr": "french", "en": "english"}
#: analysed text fields, one per language each: ``<name>_<lang>``; ``names`` holds the labels
#: of a resource's facet values (its publisher, data centre, platform…): searchable, but a
#: word naming a place does not look there (*Paris* in a data centre's name is no place of
#: the data)
TEXT_FIELDS = ("title", "description", "keyword", "theme", "names")
#: raw fast fields counted as facets
FACET_FIELDS = (
    "theme", "pole", "centre", "type", "format", "licence", "platform", "instrument", "taxon"
)  # fmt: skip
#: analyzer name per language
ANALYZERS = {lang: f"gaia_{lang}" for lang in LANGS}
#: the longitude of an absent second bbox interval (never inside any query interval)
NO_LON = 1000.0

_STORED_TEXT = {"title", "description"}


def analyzer(lang: str) -> tantivy.TextAnalyzer:
    """Words, lowercased, stop words of ``lang`` dropped, stemmed, accents folded.

    >>> analyzer("fr").analyze("Températures de l'océan")
    ['temperatur', 'ocean']
    """
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword(LANGS[lang]))
        .filter(tantivy.Filter.stemmer(LANGS[lang]))
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def register_analyzers(index: tantivy.Index) -> None:
    """Analyzers are not saved with an index: register them on every index opened."""
    for lang, name in ANALYZERS.items():
        index.register_tokenizer(name, analyzer(lang))


def build_schema() -> tantivy.Schema:
    """The schema (see the module docstring)."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("iri", stored=True, tokenizer_name="raw", index_option="basic")
    for name in TEXT_FIELDS:
        for lang in LANGS:
            sb.add_text_field(
                f"{name}_{lang}",
                stored=name in _STORED_TEXT,
                tokenizer_name=ANALYZERS[lang],
                index_option="position",  # BM25 needs frequencies, a run's phrase positions
            )
    sb.add_text_field("concepts", tokenizer_name="raw", index_option="basic")
    for name in FACET_FIELDS:
        sb.add_text_field(name, tokenizer_name="raw", fast=True, index_option="basic")
    for lang in LANGS:
        sb.add_text_field(
            f"title_key_{lang}", tokenizer_name="raw", fast=True, index_option="basic"
        )
    for name in ("west1", "east1", "west2", "east2", "south", "north", "vmin", "vmax"):
        sb.add_float_field(name, indexed=True, fast=True)
    for name in ("tstart", "tend", "date"):
        sb.add_integer_field(name, indexed=True, fast=True)
    sb.add_bytes_field("payload", stored=True)
    return sb.build()
