"""The names the linked-data and catalogue surfaces give to things, in English and French.

Property and relation names of the resource pages (``prop.dct.title``, ``rel.dct.references``),
protocol names of the data services (``protocol.wms``), taxonomic ranks (``rank.genus``),
resource types of the search facets (``type.dataset``) and the OAI-PMH error messages
(``oai.badVerb``, ``oai.arg.missing``) are messages of the gettext domain :data:`LABELS`
(``sparql_api/locale/<lang>/LC_MESSAGES/labels.po``). A module that names things by an IRI or
a code keeps a table from that IRI or code to a key marked with ``LABELS.mark("key")``, and
reads the text when it renders, with ``LABELS.text(key, lang)``.

>>> LABELS.text("prop.dct.title", "fr"), LABELS.text("rank.genus", "en")
('titre', 'genus')
>>> LABELS.text("oai.arg.missing", "fr", name="set")
'Argument « set » manquant.'
"""

from __future__ import annotations

from pathlib import Path

from graph_loader.messages import Domain

__all__ = ["LABELS"]

#: the names of properties, relations, protocols, ranks and types, and the OAI-PMH errors
LABELS = Domain("labels", Path(__file__).resolve().parents[1] / "locale")
