"""The places the assistant knows: ``gazetteer.json`` (seas, oceans, regions, countries).

Each place has French and English names, a bounding box ``[west, south, east, north]``
(WGS84 degrees; west > east crosses the antimeridian) and, for tropical places, the months
of its dry and wet seasons. :func:`find_place` finds the longest name in a folded text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graph_loader.parsing import tokens

__all__ = ["Place", "places", "find_place", "GAZETTEER"]

GAZETTEER = Path(__file__).with_name("gazetteer.json")


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer."""

    id: str
    kind: str
    names: dict[str, tuple[str, ...]]
    bbox: tuple[float, float, float, float]
    seasons: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def hemisphere(self) -> str:
        """``N`` or ``S``: where the middle of the box lies."""
        return "S" if (self.bbox[1] + self.bbox[3]) / 2 < 0 else "N"

    def name(self, lang: str) -> str:
        """The first name in ``lang`` (else in English)."""
        return (self.names.get(lang) or self.names["en"])[0]

    def as_dict(self, lang: str) -> dict:
        """The place as JSON."""
        return {"id": self.id, "kind": self.kind, "name": self.name(lang), "bbox": list(self.bbox)}


@cache
def places() -> tuple[Place, ...]:
    """Every place of ``gazetteer.json``."""
    doc = json.loads(GAZETTEER.read_text("utf-8"))
    return tuple(
        Place(
            p["id"],
            p["kind"],
            {k: tuple(v) for k, v in p["names"].items()},
            tuple(float(x) for x in p["bbox"]),
            {k: tuple(v) for k, v in p.get("seasons", {}).items()},
        )
        for p in doc["places"]
    )


@cache
def _names() -> list[tuple[str, Place]]:
    out = {}
    for place in places():
        for names in place.names.values():
            for name in names:
                out.setdefault(" ".join(tokens(name)), place)
    return sorted(out.items(), key=lambda kv: (-len(kv[0]), kv[0]))


def find_place(text: str) -> tuple[Place | None, str]:
    """The place named in ``text`` (folded words) and the text without its name.

    >>> place, rest = find_place("sst en mediterranee depuis 2015")
    >>> place.id, rest.split()
    ('mediterranean-sea', ['sst', 'en', 'depuis', '2015'])
    """
    for name, place in _names():
        m = re.search(r"\b" + re.escape(name) + r"\b", text)
        if m:
            return place, text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    return None, text
