"""The instants of an OGC time dimension (WMS ``Dimension``/``Extent``, WMTS ``Dimension``
values): lists of instants and ``start/end/period`` intervals, periods of years, months,
days, hours, minutes or seconds. Plain functions."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

__all__ = ["expand_times", "MAX_TIMES"]

#: at most so many instants are offered (the latest ones)
MAX_TIMES = 500
#: an interval expands to at most so many steps before the latest are kept
_MAX_STEPS = 100_000
_PERIOD = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _instant(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _add_months(value: datetime, months: int) -> datetime | None:
    month = value.month - 1 + months
    try:
        return value.replace(year=value.year + month // 12, month=month % 12 + 1)
    except ValueError:  # the 31st of a shorter month
        return None


def _interval(start: str, end: str, period: str) -> list[str]:
    step = _PERIOD.match(period)
    first, last = _instant(start), _instant(end)
    if not step or not any(step.groups()) or first is None or last is None:
        return [start, end]
    years, months, weeks, days, hours, minutes, seconds = (int(g or 0) for g in step.groups())
    delta = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    dated = bool(_DATE.match(start))
    found: list[str] = []
    n = 0
    while n < _MAX_STEPS:
        months_on = _add_months(first, (12 * years + months) * n) if years or months else first
        n += 1
        if months_on is None:
            continue
        value = months_on + delta * (n - 1)
        if value > last:
            break
        text = value.date().isoformat() if dated else value.isoformat().replace("+00:00", "Z")
        found.append(text)
    return found[-MAX_TIMES:]


def expand_times(spec: str) -> list[str]:
    """The instants of ``spec``, the latest :data:`MAX_TIMES`; an interval whose period
    cannot be read gives its two ends.

    >>> expand_times("2020-01-01, 2021-01-01")
    ['2020-01-01', '2021-01-01']
    >>> expand_times("2020-01-01/2020-03-01/P1M")
    ['2020-01-01', '2020-02-01', '2020-03-01']
    >>> expand_times("2020-01-01T00:00:00Z/2020-01-01T12:00:00Z/PT6H")
    ['2020-01-01T00:00:00Z', '2020-01-01T06:00:00Z', '2020-01-01T12:00:00Z']
    >>> expand_times("2000/2020/bad")
    ['2000', '2020']
    """
    out: list[str] = []
    for part in spec.split(","):
        pieces = [p.strip() for p in part.strip().split("/")]
        if not pieces[0]:
            continue
        out += _interval(*pieces[:3]) if len(pieces) >= 3 else pieces
    return out[-MAX_TIMES:]
