"""Messages in French and English, read from gettext catalogues (Babel ``.po`` files).

Each part of the project that speaks to people has one *domain*: a folder
``locale/<lang>/LC_MESSAGES/<domain>.po`` beside its code, one catalogue per language of
:data:`LANGUAGES`. A message is found by its key (``msgid``), and both catalogues give its text
(``msgstr``), so a message missing in English is as visible as one missing in French
(:meth:`Domain.missing`). Texts take ``{name}`` parameters (``python-brace-format``); plural
messages have a ``msgid_plural`` and follow each language's rule (French: 0 and 1 are singular).

The catalogues are compiled in memory on first use, so the repository holds no ``.mo`` file.
``pybabel extract`` finds the keys in the code (see ``babel.cfg``).

>>> from pathlib import Path
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> for lang, one, many in (("en", "{n} dataset", "{n} datasets"),
...                         ("fr", "{n} jeu de données", "{n} jeux de données")):
...     po = folder / lang / "LC_MESSAGES" / "demo.po"
...     po.parent.mkdir(parents=True)
...     _ = po.write_text(f'msgid "datasets"\\nmsgid_plural "datasets"\\n'
...                       f'msgstr[0] "{one}"\\nmsgstr[1] "{many}"\\n', encoding="utf-8")
>>> demo = Domain("demo", folder)
>>> demo.plural("datasets", 0, "fr"), demo.plural("datasets", 0, "en")
('0 jeu de données', '0 datasets')
>>> demo.plural("datasets", 2, "fr")
'2 jeux de données'
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = ["CLI", "LANGUAGES", "Domain", "MissingMessage", "pick_lang"]

#: the languages every message exists in; the first is the fallback
LANGUAGES = ("en", "fr")

#: the plural rule of each language, imposed on its catalogue (CLDR, hence ``pybabel init``,
#: gives French three forms; the project's texts have two: 0 and 1 singular, then plural)
PLURAL_FORMS = {"en": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);"}


class MissingMessage(KeyError):
    """A key that a catalogue does not hold (a programming error, found by the tests)."""


def pick_lang(lang: str | None) -> str:
    """``lang`` if it is one of :data:`LANGUAGES`, else the fallback (English).

    >>> pick_lang("fr"), pick_lang("de"), pick_lang(None)
    ('fr', 'en', 'en')
    """
    return lang if lang in LANGUAGES else LANGUAGES[0]


@dataclass
class Domain:
    """The messages of one part of the project: ``<folder>/<lang>/LC_MESSAGES/<name>.po``."""

    name: str
    folder: Path
    _cache: dict[str, tuple[Translations, frozenset[str]]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def po_path(self, lang: str) -> Path:
        """The catalogue file of ``lang``."""
        return self.folder / lang / "LC_MESSAGES" / f"{self.name}.po"

    def _load(self, lang: str) -> tuple[Translations, frozenset[str]]:
        with self._lock:
            if lang not in self._cache:
                with self.po_path(lang).open("rb") as po:
                    catalog = read_po(po, locale=lang, domain=self.name)
                catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[lang])]
                buffer = io.BytesIO()
                write_mo(buffer, catalog)
                buffer.seek(0)
                keys = frozenset(
                    m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id
                )
                self._cache[lang] = (Translations(buffer, domain=self.name), keys)
            return self._cache[lang]

    def mark(self, key: str) -> str:
        """Mark ``key`` as a message of this domain, looked up later (``pybabel extract`` sees it).

        >>> Domain("demo", Path(".")).mark("datasets")
        'datasets'
        """
        return key

    def keys(self, lang: str) -> frozenset[str]:
        """The keys the catalogue of ``lang`` translates."""
        return self._load(lang)[1]

    def text(self, key: str, lang: str, **params: object) -> str:
        """The message ``key`` in ``lang`` (the fallback language for any other), filled in."""
        translations, keys = self._load(pick_lang(lang))
        if key not in keys:
            raise MissingMessage(f"{self.name}: no message {key!r} in {pick_lang(lang)}")
        text = translations.gettext(key)
        return text.format(**params) if params else text

    def plural(self, key: str, n: int, lang: str, **params: object) -> str:
        """The message ``key`` for ``n`` things in ``lang``, ``{n}`` filled in with the others."""
        translations, keys = self._load(pick_lang(lang))
        if key not in keys:
            raise MissingMessage(f"{self.name}: no message {key!r} in {pick_lang(lang)}")
        return translations.ngettext(key, key, n).format(n=n, **params)

    def all_texts(self, lang: str) -> dict[str, str]:
        """Every singular message of ``lang`` by key (what a template reads as a table)."""
        translations, keys = self._load(pick_lang(lang))
        return {key: translations.gettext(key) for key in sorted(keys)}

    def missing(self) -> dict[str, list[str]]:
        """For each language, the keys another language has and it lacks or leaves empty."""
        everyone = frozenset().union(*(self.keys(lang) for lang in LANGUAGES))
        report = {}
        for lang in LANGUAGES:
            with self.po_path(lang).open("rb") as po:
                catalog = read_po(po, locale=lang)
            filled = {
                (m.id if isinstance(m.id, str) else m.id[0])
                for m in catalog
                if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
            }
            report[lang] = sorted(everyone - filled)
        return report


#: the messages of the command line and of the loader's reports (:mod:`graph_loader`)
CLI = Domain("cli", Path(__file__).resolve().parent / "locale")
