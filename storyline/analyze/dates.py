"""Dates mentioned in a text, resolved against the article's date.

News writes most dates relative to the day of publication: "on Monday", "yesterday",
"last month", "November 28" (no year), "two weeks ago", "next week". :func:`find_dates`
finds such expressions with rules (the forms below) and resolves each against an anchor
date, the article's own or, when it has none, the story's, into a :class:`DateMention`:
the first day of the period it names and how precise that is (day, week, month or year).

The rules follow English news usage:

- a bare weekday ("on Monday") is the latest such day on or before the anchor, unless its
  clause speaks of the future ("will", "is due to") — then the first on or after it;
  "last Monday" is strictly before, "next Monday" and "(called a strike) for Monday"
  strictly after; "Wednesday, March 31" is March 31;
- a day and month without a year ("November 28") is the occurrence nearest the anchor;
  a month alone ("in March", "the end of June") is the latest occurrence, or the next
  in a future clause, at month precision; a deadline or limit ("before October", "by
  the end of June") is the nearest; "September next year" is that year's;
- "at the weekend" is the coming weekend in a future clause, else the latest (precision
  week); a year written alone ("the 1974 dam") is that year;
- "last week / month / year", "this ...", "next ...", "earlier in the week", "later this
  month", "N days / weeks / months / years ago",
  "in N days / weeks" move the anchor by calendar units;
- "two days earlier", "a week later", "the previous day", "the following morning", "the
  day before." count from the day the text named last (given to :func:`find_dates` as
  ``previous`` for what came before the text), not from the anchor.

A relative expression with no anchor is kept, with ``value`` None and a ``note`` saying
why: a date is never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from storyline.ingest.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

Precision = Literal["day", "week", "month", "year"]

#: Month names and abbreviations → month number ("sept" → 9).
_MONTH_NUMBERS = {
    word: next(i for i, month in enumerate(MONTHS, start=1) if month.startswith(word))
    for word in (*MONTHS, *MONTH_ABBREVIATIONS)
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
#: Ordinal words from first to nineteenth.
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
#: Days of a month written as words ("the first of October", "the twenty-first of June").
_ORDINAL_DAYS = {
    **{word: day for day, word in enumerate(_ORDINALS, start=1)},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty{sep}{word}": 20 + day for sep in "- " for day, word in enumerate(_ORDINALS[:9], 1)},
    **{f"thirty{sep}first": 31 for sep in "- "},
}
_ORDINAL_DAY = rf"(?:{'|'.join(sorted(_ORDINAL_DAYS, key=len, reverse=True))})"
_FUTURE = re.compile(
    r"\b(will|won't|shall|'ll|is due|are due|is to|are to|is expected|are expected|"
    r"is scheduled|are scheduled|set for|plans? to|planned for|intends? to|next|upcoming|"
    r"going to|due to (?!(?:the|a|an|its|his|her|their|this|that|these|those)\b)[a-z]+)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:and|but)\b|\band\b")

_MONTH = rf"(?:{'|'.join(MONTHS)}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?)(?![a-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
#: A day before its month: "3 May", "3rd of May", "the third of May".
_DAY_OF = (
    rf"(?:{_DAY}\s+(?:of\s+)?"
    rf"|(?:the\s+)?{_ORDINAL_DAY}\s+of\s+)"
)
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_COUNT = rf"(?:\d{{1,3}}|{'|'.join(_NUMBERS)})"
_UNIT = r"(?:day|week|month|year)s?"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
#: Parts of a day: "the following morning".
_DAYTIME = r"(?:morning|afternoon|evening|night)"
#: Words before a month: "in March", "until the end of June".
_LEADING = r"(?:in|since|until|by|before|from|for|early|late)"
#: Parts of a month: "the end of June" names June.
_PARTS = r"(?:end|beginning|start|middle)"
#: A year written alone ("the 1974 dam", "between 2029 and 2031"): this century or the
#: last.
_WRITTEN_YEAR = r"(?:19|20)\d\d"
#: A month named alone, in full ("ahead of March"); not May, which is also a name and a
#: verb.
_BARE_MONTH = rf"(?:{'|'.join(m for m in MONTHS if m != 'may')})"

#: One alternative per form; the group name says which rule resolves it. Longer forms
#: come first so that "November 28, 2017" is not read as "November 28".
_PATTERN = re.compile(
    "|".join(
        (
            r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)",
            rf"(?P<mdy>\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b)",
            rf"(?P<dmy>\b{_DAY_OF}{_MONTH},?\s+{_YEAR}\b)",
            rf"(?P<md>\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d))",
            rf"(?P<dm>\b(?:{_WEEKDAY},?\s+)?{_DAY_OF}{_MONTH}(?!\s*,?\s*\d))",
            rf"(?P<my>\b{_MONTH},?\s+{_YEAR}\b)",
            rf"(?P<ago>\b{_COUNT}\s+{_UNIT}\s+ago\b)",
            rf"(?P<then>\b(?:{_COUNT}\s+{_UNIT}\s+(?:earlier|later)\b"
            rf"|the\s+(?:previous|preceding|following)\s+(?:{_UNIT}|{_DAYTIME})\b"
            rf"|the\s+next\s+(?:day|{_DAYTIME})\b|the\s+(?:day|night)\s+(?:before|after)(?=\s*[.,;])))",
            rf"(?P<ahead>\bin\s+{_COUNT}\s+{_UNIT}(?:(?:'|’)?\s+time\b)?(?!\s+of\b))",
            r"(?P<shift>\b(?:last|next|this|(?:earlier|later)\s+(?:this|in\s+the))\s+(?:week|month|year)\b)",
            rf"(?P<weekday>\b(?:(?:last|next|this)\s+|(?:on|by|until|since|from|for)\s+(?!{_WEEKDAY}['’]s))?{_WEEKDAY}\b(?!,?\s+(?:{_MONTH}\s+{_DAY}|{_DAY_OF}{_MONTH})))",
            r"(?P<deictic>\b(?:yesterday|today|tomorrow|tonight|last night|this morning|"
            r"this afternoon|this evening)\b)",
            rf"(?P<shifted>\b(?:{_LEADING}\s+)?{_MONTH}\s+(?:of\s+)?(?:next|last|this)\s+year\b)",
            rf"(?P<within>\b(?:{_LEADING}\s+(?:at\s+least\s+)?)?(?:the\s+)?{_PARTS}\s+of\s+{_MONTH}(?!\s*,?\s*\d))",
            rf"(?P<month>\b(?:{_LEADING}\s+|mid-?){_MONTH}(?!\s*,?\s*\d))",
            r"(?P<part>\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:the|this|next|last)"
            r"\s+(?:month|year)\b)",
            rf"(?P<bare>\b(?<!-){_BARE_MONTH}\b(?!-))",
            rf"(?P<year>\b(?:in|since|until|by|from|during|of|to)\s+{_YEAR}\b)",
            r"(?P<weekend>\b(?:(?:at|over|during|on)\s+the|this|last|next)\s+weekend\b)",
            rf"(?P<written>(?<![\d$£€.,:/-])\b{_WRITTEN_YEAR}\b(?!\s*(?:%|per\s*cent|percent)|[.,:/–-]\d))",
        )
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``[start, end)`` of the text, resolved when possible.

    ``value`` is the first day of the period named (the Monday of a week, the 1st of a
    month, 1 January of a year); ``relative`` says whether it was resolved against the
    anchor date; ``note`` says why ``value`` is None.
    """

    text: str
    start: int
    end: int
    value: dt.date | None
    precision: Precision | None
    relative: bool
    note: str | None = None


def find_dates(
    text: str,
    anchor: dt.date | None,
    offset: int = 0,
    looks_ahead: Callable[[int], bool | None] | None = None,
    previous: dt.date | None = None,
) -> list[DateMention]:
    """Every date expression in ``text`` in order, resolved against ``anchor``.

    ``offset`` is added to the positions (for a sentence cut from a longer text).
    ``previous`` is the last day named before ``text`` ("two days earlier" counts from
    it until ``text`` names another).
    ``looks_ahead(position)`` may say, from a parse, whether the clause at an (offset)
    position speaks of the future (True: "Putin hosts the summit on Wednesday"), of the
    past (False: "the spokesman said on Tuesday" after a quote saying "will"), or leave
    it to the words (None).
    """
    found: list[DateMention] = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup or ""
        if kind in _MONTH_RULES and not _month_capitalized(match.group(kind)):
            continue  # "officials may 5 ..." is not May
        parsed = looks_ahead(offset + match.start()) if looks_ahead else None
        future = _future(text, match.start()) if parsed is None else parsed
        start = last_day(found, previous) if kind == "then" else anchor
        resolved = _RULES[kind](match.group(kind), start, future)
        absolute = kind in _ABSOLUTE
        value, precision, relative = resolved if resolved else (None, None, not absolute)
        note = None
        if value is None:
            unanchored = start is None and not absolute
            note = "not a valid date"
            if unanchored:
                note = "no earlier day to count from" if kind == "then" else _NO_ANCHOR
        found.append(
            DateMention(
                match.group(kind),
                offset + match.start(),
                offset + match.end(),
                value,
                precision,
                relative,
                note,
            )
        )
    return found


def last_day(mentions: list[DateMention], before: dt.date | None = None) -> dt.date | None:
    """The last day ``mentions`` name to the day, else ``before``: what "two days
    earlier" counts from."""
    return next((m.value for m in reversed(mentions) if m.value and m.precision == "day"), before)


Resolved = tuple[dt.date | None, Precision | None, bool] | None
_NO_ANCHOR = "no date to resolve it against"


def _future(text: str, position: int) -> bool:
    """Whether the clause around ``position`` speaks of the future."""
    ends = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    start = ends[-1] if ends else 0
    following = _CLAUSE_END.search(text, position)
    end = following.start() if following else len(text)
    return bool(_FUTURE.search(text, start, end))


def _iso(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    try:
        return dt.date.fromisoformat(expression), "day", False
    except ValueError:
        return None


def _full(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    month, day, year = _month_in(expression), _day_in(expression), _year_in(expression)
    return _valid(year, month, day, relative=False)


def _day_month(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    if anchor is None:
        return None
    month, day = _month_in(expression), _day_in(expression)
    candidates = [_safe(anchor.year + k, month, day) for k in (-1, 0, 1)]
    dates = [c for c in candidates if c is not None]
    if not dates:
        return None
    return min(dates, key=lambda d: abs((d - anchor).days)), "day", True


def _month_year(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    return _valid(_year_in(expression), _month_in(expression), 1, relative=False, precision="month")


#: Words that make a month a deadline or a limit ("before October").
_BOUNDS = ("before", "by", "until")


def _month_alone(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    """The month's latest occurrence up to the anchor's month (the first from it on, when
    the clause speaks of the future): "in March" in a November article is last March.
    A deadline or limit ("no relief before October", said in August) is the nearest
    occurrence, whatever the tense of the clause that states it."""
    if anchor is None:
        return None
    month = _month_in(expression)
    year = anchor.year
    first = expression.lower().split()[0]
    future = future and first != "since"
    if first in _BOUNDS and abs(month - anchor.month) != 6:
        future = (month - anchor.month) % 12 < 6  # a bound is set near its time: the nearest
    if future and month < anchor.month:
        year += 1
    elif not future and month > anchor.month:
        year -= 1
    return dt.date(year, month, 1), "month", True


def _part(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    """ "The end of the month", "the start of next year": that month or year."""
    if anchor is None:
        return None
    words = expression.lower().split()
    step = {"next": 1, "last": -1}.get(words[-2], 0)
    if words[-1] == "year":
        return dt.date(anchor.year + step, 1, 1), "year", True
    months = 12 * anchor.year + anchor.month - 1 + step
    return dt.date(months // 12, months % 12 + 1, 1), "month", True


def _shifted_month(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    """ "September next year", "March last year": that month of the year named."""
    if anchor is None:
        return None
    step = {"next": 1, "last": -1}.get(expression.lower().split()[-2], 0)
    return dt.date(anchor.year + step, _month_in(expression), 1), "month", True


def _weekend(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    """ "At the weekend": the coming weekend in a clause that speaks of the future (or
    "next weekend"), else the latest one; precision week, the week of its Saturday."""
    if anchor is None:
        return None
    first = expression.lower().split()[0]
    saturday = 5
    if first == "next" or (future and first != "last"):
        day = anchor + dt.timedelta(days=(saturday - anchor.weekday()) % 7)
    else:
        day = anchor - dt.timedelta(days=(anchor.weekday() - saturday) % 7)
    return day - dt.timedelta(days=day.weekday()), "week", True


def _year(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    return dt.date(_year_in(expression), 1, 1), "year", False


def _weekday(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    if anchor is None:
        return None
    words = expression.lower().split()
    target = WEEKDAYS.index(words[-1])
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if words[0] == "last":
        return anchor - dt.timedelta(days=back or 7), "day", True
    if words[0] in ("next", "for"):
        return anchor + dt.timedelta(days=ahead or 7), "day", True
    if future and words[0] != "since":
        return anchor + dt.timedelta(days=ahead), "day", True
    return anchor - dt.timedelta(days=back), "day", True


def _deictic(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    if anchor is None:
        return None
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(expression.lower(), 0)
    return anchor + dt.timedelta(days=shift), "day", True


def _shift(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    if anchor is None:
        return None
    words = expression.lower().split()
    unit, step = words[-1], {"last": -1, "next": 1}.get(words[0], 0)
    return _moved(anchor, unit, step)


def _ago(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    if anchor is None:
        return None
    count, unit = expression.lower().split()[:2]
    return _moved(anchor, unit.rstrip("s"), -_count(count), keep_day=True)


def _ahead(expression: str, anchor: dt.date | None, future: bool) -> Resolved:
    if anchor is None:
        return None
    count, unit = expression.lower().split()[1:3]
    return _moved(anchor, unit.rstrip("'’").rstrip("s"), _count(count), keep_day=True)


def _then(expression: str, previous: dt.date | None, future: bool) -> Resolved:
    """A day counted from the last one named: "two days earlier", "the previous day"."""
    if previous is None:
        return None
    words = expression.lower().split()
    if words[0] == "the":  # "the previous day", "the following morning", "the day before"
        step = -1 if {"previous", "preceding", "before"} & set(words) else 1
        unit = next((w for w in words if w in ("week", "month", "year")), "day")
        return _moved(previous, unit, step, keep_day=True)
    step = _count(words[0]) * (-1 if words[2] == "earlier" else 1)
    return _moved(previous, words[1].rstrip("s"), step, keep_day=True)


def _moved(anchor: dt.date, unit: str, step: int, keep_day: bool = False) -> Resolved:
    """The anchor moved ``step`` units; the result names the whole unit unless
    ``keep_day`` (for "three days ago", "two weeks ago": a day, roughly)."""
    if unit == "day":
        return anchor + dt.timedelta(days=step), "day", True
    if unit == "week":
        moved = anchor + dt.timedelta(weeks=step)
        if keep_day:
            return moved, "week", True
        return moved - dt.timedelta(days=moved.weekday()), "week", True
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        year, month = divmod(index, 12)
        if keep_day:
            day = min(anchor.day, calendar.monthrange(year, month + 1)[1])
            return dt.date(year, month + 1, day), "month", True
        return dt.date(year, month + 1, 1), "month", True
    return dt.date(anchor.year + step, 1, 1), "year", True


_ABSOLUTE = ("iso", "mdy", "dmy", "my", "year", "written")  # forms that need no anchor
_MONTH_RULES = ("mdy", "dmy", "md", "dm", "my", "shifted", "within", "month", "bare")


def _month_capitalized(expression: str) -> bool:
    """Whether the month word is written with a capital, as a month is."""
    words = re.findall(r"[A-Za-z]+", expression)
    return any(w[0].isupper() for w in words if w.lower() in _MONTH_NUMBERS)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _month_in(expression: str) -> int:
    for word in re.findall(r"[a-z]+", expression.lower()):
        if word in _MONTH_NUMBERS:
            return _MONTH_NUMBERS[word]
    raise ValueError(f"no month in {expression!r}")


def _day_in(expression: str) -> int:
    digits = re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", expression)
    if digits:
        return int(digits[0])
    word = re.search(rf"\b{_ORDINAL_DAY}\b", expression.lower())
    return _ORDINAL_DAYS[word.group()] if word else 0


def _year_in(expression: str) -> int:
    return int(re.findall(r"\d{4}", expression)[-1])


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _valid(
    year: int, month: int, day: int, relative: bool, precision: Precision = "day"
) -> Resolved:
    found = _safe(year, month, day)
    return (found, precision, relative) if found else None


_RULES = {
    "iso": _iso,
    "mdy": _full,
    "dmy": _full,
    "md": _day_month,
    "dm": _day_month,
    "my": _month_year,
    "ago": _ago,
    "then": _then,
    "ahead": _ahead,
    "shift": _shift,
    "weekday": _weekday,
    "deictic": _deictic,
    "shifted": _shifted_month,
    "within": _month_alone,
    "month": _month_alone,
    "bare": _month_alone,
    "part": _part,
    "year": _year,
    "weekend": _weekend,
    "written": _year,
}
