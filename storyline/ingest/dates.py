"""Absolute dates written in metadata or text ("2017-11-20", "November 20, 2017")."""

from __future__ import annotations

import datetime as dt
import re
import warnings

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: Month abbreviations news text uses (May has none).
MONTH_ABBREVIATIONS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)

_MONTHS = "|".join(m.capitalize() for m in (*MONTHS, *MONTH_ABBREVIATIONS))
#: A full calendar date with day, month and year, in the forms news text uses.
FULL_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)


def parse_date(value: str) -> dt.date | None:
    """Parse a date given as metadata (ISO 8601 or a written date); ``None`` if unclear.

    Only dates with day, month and year are accepted: a bare month or year is not a
    publication date, and guessing the missing parts would invent one.
    """
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for written dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser warns about pytz internals
        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    return parsed.date() if parsed else None


def find_full_date(text: str) -> dt.date | None:
    """The first full date written in ``text``, if any."""
    for match in FULL_DATE.finditer(text):
        parsed = parse_date(match.group(0))
        if parsed is not None:
            return parsed
    return None
