"""Read the dates articles carry in their front-matter, in every form found in real exports.

Forms (the ``form`` names of :class:`ParsedDate`):

* ``'ISO 8601'``: ``2013-11-06``, ``2026-05-20T03:11:47.161Z``, ``2024-02-15T10:00:00+01:00``,
  and the YAML-style ``2001-01-01 12:00:00 +02:00`` (space separators);
* ``'YAML date'`` / ``'YAML datetime'``: a ``datetime.date`` / ``datetime.datetime`` that the
  front-matter loader already built (YAML timestamps, TOML dates);
* ``'JavaScript Date.toString()'``: ``Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal
  Time)``, as Hashnode exports it; any offset, the zone name in brackets optional;
* ``'RFC 2822'``: ``Tue, 10 Dec 2025 13:57:52 +0000`` (weekday, seconds and zone optional);
* ``'YYYY/MM/DD'``: ``2024/02/15``, optionally with a time;
* ``'MM/DD/YYYY'`` and ``'DD/MM/YYYY'``: ``02/20/2019`` as Microsoft Docs writes ``ms.date``;
  read as US month-first unless the first number is over 12. When both numbers are 12 or
  less and differ, the date is ``ambiguous``.

Only ``re`` and ``datetime``: no dateutil, and no guessing beyond these forms.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

__all__ = ["ParsedDate", "parse_date"]


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date understood from a front-matter value.

    ``value`` is a ``datetime`` when the text had a time (aware when it had a zone or offset),
    else a ``date``. ``is_iso`` is true for ISO 8601 / RFC 3339 text and for native dates.
    """

    value: datetime.datetime | datetime.date
    is_iso: bool
    ambiguous: bool
    form: str


_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?"
_TIME = r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
# Named North American zones of RFC 2822 (section 4.3), in hours from UTC.
_RFC_ZONES = {"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5}
_RFC_ZONES |= {"MST": -7, "MDT": -6, "PST": -8, "PDT": -7}

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    rf"(?:[Tt ]{_TIME}[ \t]?(?P<zone>[Zz]|[+-]\d{{2}}(?::?\d{{2}})?)?)?"
)
_JS = re.compile(
    rf"{_WEEKDAY}\s+{_MONTH}\s+(\d{{1,2}})\s+(\d{{4}})\s+{_TIME}"
    r"\s+GMT(?P<zone>[+-]\d{2}:?\d{2})?(?:\s*\([^()]*\))?",
    re.IGNORECASE,
)
_RFC2822 = re.compile(
    rf"(?:{_WEEKDAY}\s*,?\s*)?(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})\s+{_TIME}"
    r"(?:\s*(?P<zone>[+-]\d{4}|[A-Za-z]{1,3}))?",
    re.IGNORECASE,
)
_YMD_SLASH = re.compile(rf"(\d{{4}})/(\d{{1,2}})/(\d{{1,2}})(?:[ T]{_TIME})?")
_DMY_SLASH = re.compile(
    rf"(\d{{1,2}})/(\d{{1,2}})/(\d{{4}})(?:,?\s+{_TIME}\s*(?P<ampm>[AaPp][Mm])?)?"
)

_LONGEST = 100  # no date form is longer; skips the regexes for body-sized strings


def parse_date(value: object) -> ParsedDate | None:
    """Understand ``value`` as a date; None when it is not a date in a form we know.

    Impossible calendar dates (``2025-02-30``) and times (``25:00``) give None.
    """
    if isinstance(value, datetime.datetime):  # before date: a datetime is a date too
        return ParsedDate(value, True, False, "YAML datetime")
    if isinstance(value, datetime.date):
        return ParsedDate(value, True, False, "YAML date")
    if not isinstance(value, str) or len(value) > _LONGEST:
        return None
    text = value.strip()
    try:
        return _parse_text(text)
    except ValueError:  # out-of-range day, month, hour or offset
        return None


def _parse_text(text: str) -> ParsedDate | None:
    found = _ISO.fullmatch(text)
    if found is not None:
        year, month, day = int(found[1]), int(found[2]), int(found[3])
        if found[4] is None:
            return ParsedDate(datetime.date(year, month, day), True, False, "ISO 8601")
        moment = _datetime(year, month, day, found, 4, found["zone"])
        return ParsedDate(moment, True, False, "ISO 8601")

    found = _JS.fullmatch(text)
    if found is not None:
        month, day, year = _MONTHS[found[1][:3].lower()], int(found[2]), int(found[3])
        # A bare 'GMT' is what Date.toString() never writes, but it means UTC all the same.
        moment = _datetime(year, month, day, found, 4, found["zone"] or "+0000")
        return ParsedDate(moment, False, False, "JavaScript Date.toString()")

    found = _RFC2822.fullmatch(text)
    if found is not None:
        day, month, year = int(found[1]), _MONTHS[found[2][:3].lower()], int(found[3])
        zone = found["zone"]
        if zone is not None and zone[0] not in "+-":
            hours = _RFC_ZONES.get(zone.upper())
            if hours is None:
                return None
            zone = f"{hours:+03d}00"
        moment = _datetime(year, month, day, found, 4, zone)
        return ParsedDate(moment, False, False, "RFC 2822")

    found = _YMD_SLASH.fullmatch(text)
    if found is not None:
        year, month, day = int(found[1]), int(found[2]), int(found[3])
        return ParsedDate(_date_or_time(year, month, day, found, 4), False, False, "YYYY/MM/DD")

    found = _DMY_SLASH.fullmatch(text)
    if found is not None:
        first, second, year = int(found[1]), int(found[2]), int(found[3])
        if first > 12:  # cannot be a month: the writer put the day first
            month, day, form, ambiguous = second, first, "DD/MM/YYYY", False
        else:
            month, day, form = first, second, "MM/DD/YYYY"
            ambiguous = second <= 12 and first != second
        when = _date_or_time(year, month, day, found, 4, found["ampm"])
        return ParsedDate(when, False, ambiguous, form)
    return None


def _datetime(
    year: int, month: int, day: int, found: re.Match[str], group: int, zone: str | None
) -> datetime.datetime:
    """Build the datetime whose time fields start at regex group ``group``."""
    hour, minute = int(found[group]), int(found[group + 1])
    second = int(found[group + 2] or 0)
    fraction = found[group + 3]
    micro = int(fraction[:6].ljust(6, "0")) if fraction else 0
    return datetime.datetime(year, month, day, hour, minute, second, micro, _zone(zone))


def _date_or_time(
    year: int,
    month: int,
    day: int,
    found: re.Match[str],
    group: int,
    ampm: str | None = None,
) -> datetime.datetime | datetime.date:
    if found[group] is None:
        return datetime.date(year, month, day)
    moment = _datetime(year, month, day, found, group, None)
    if ampm is not None:
        if not 1 <= moment.hour <= 12:
            raise ValueError("a 12-hour clock runs from 1 to 12")
        hour = moment.hour % 12 + (12 if ampm.lower() == "pm" else 0)
        moment = moment.replace(hour=hour)
    return moment


def _zone(text: str | None) -> datetime.tzinfo | None:
    if text is None:
        return None
    if text in ("Z", "z"):
        return datetime.timezone.utc
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if minutes > 59:
        raise ValueError("offset minutes run from 0 to 59")
    offset = datetime.timedelta(hours=hours, minutes=minutes)
    return datetime.timezone(-offset if text[0] == "-" else offset)
