"""Numbers as news writes them, made comparable: "more than 330,000", "330k" and
"a third of a million" become ranges in one unit.

:func:`parse_quantity` reads the words spaCy marks as a number (CARDINAL, MONEY, PERCENT,
QUANTITY, or a duration) into a :class:`Quantity`: the value as written (``nominal``), the
range the words allow (``low``–``high``) and the unit it is counted in. Rules:

- a plain number allows its rounding: "330,000" is 327,500–332,500 (a quarter of a unit
  of its last non-zero digit, for numbers of 100 or more), "1.5 million" 1.475–1.525
  million; small numbers in words ("nine") are exact;
- "at least / more than / over X" is X and up; "nearly / almost X" is 90–100 % of X;
  "up to / less than X" is up to X; "about / some / an estimated X" and numbers in words
  ("a third of a million", "two dozen") are ±10 %;
- money keeps its currency (dollars and euros are never compared), durations are
  seconds, distances metres, weights kilograms, shares percent.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

#: Relative difference within which two nominal values state the same fact.
SAME_VALUE = 0.1

_LOWER = ("at least", "more than", "over", "upwards of", "in excess of", "above", "exceeding",
          "no fewer than", "no less than", "at minimum")  # fmt: skip
_UPPER = ("up to", "as many as", "as much as", "less than", "fewer than", "under", "below",
          "at most", "no more than")  # fmt: skip
#: Upper bounds that state the most there was: "up to 65,000 patients" is near 65,000
#: (but shares that fell "as much as 19%" may have closed 14 percent down).
_MAXIMA = ("up to", "as many as")
_NEARLY = ("nearly", "almost", "just under", "close to", "shy of")
_ABOUT = ("about", "around", "roughly", "some", "approximately", "an estimated", "estimated",
          "approx.", "approx", "circa", "c.", "roughly", "more or less", "or so")  # fmt: skip

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "single": 1,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6,
    "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
    "tn": 1e12, "dozen": 12,
}  # fmt: skip
_FRACTIONS = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
    "one-third": 1 / 3, "two thirds": 2 / 3, "two-thirds": 2 / 3, "a quarter": 0.25,
    "one quarter": 0.25, "one-quarter": 0.25, "three quarters": 0.75,
    "three-quarters": 0.75, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1,
}  # fmt: skip
_CURRENCIES = {
    "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD", "usd": "USD",
    "€": "EUR", "euro": "EUR", "euros": "EUR", "eur": "EUR", "£": "GBP", "pound": "GBP",
    "pounds": "GBP", "gbp": "GBP", "sterling": "GBP", "¥": "JPY", "yen": "JPY",
}  # fmt: skip
_UNITS = {
    "percent": ("%", 1), "per cent": ("%", 1), "%": ("%", 1), "pc": ("%", 1),
    "times": ("times", 1),
    "percentage points": ("percentage points", 1),
    "second": ("seconds", 1), "seconds": ("seconds", 1), "minute": ("seconds", 60),
    "minutes": ("seconds", 60), "hour": ("seconds", 3600), "hours": ("seconds", 3600),
    "day": ("seconds", 86400), "days": ("seconds", 86400), "night": ("seconds", 86400),
    "nights": ("seconds", 86400), "week": ("seconds", 604800),
    "weeks": ("seconds", 604800), "month": ("seconds", 2629800),
    "months": ("seconds", 2629800), "year": ("seconds", 31557600),
    "years": ("seconds", 31557600), "fortnight": ("seconds", 1209600),
    "fortnights": ("seconds", 1209600),
    "km": ("metres", 1000), "kilometres": ("metres", 1000), "kilometers": ("metres", 1000),
    "kilometre": ("metres", 1000), "kilometer": ("metres", 1000), "miles": ("metres", 1609.344),
    "nautical miles": ("metres", 1852), "nautical mile": ("metres", 1852),
    "mile": ("metres", 1609.344), "metres": ("metres", 1), "meters": ("metres", 1),
    "metre": ("metres", 1), "meter": ("metres", 1), "feet": ("metres", 0.3048),
    "foot": ("metres", 0.3048), "yards": ("metres", 0.9144), "yard": ("metres", 0.9144),
    "kg": ("kg", 1), "kilograms": ("kg", 1), "tonnes": ("kg", 1000),
    "tons": ("kg", 1000), "tonne": ("kg", 1000), "hectares": ("hectares", 1),
    "hectare": ("hectares", 1), "acres": ("hectares", 0.404686),
    "square kilometres": ("hectares", 100), "square km": ("hectares", 100),
    "sq km": ("hectares", 100), "square miles": ("hectares", 258.999),
    "degrees": ("degrees", 1), "litres": ("litres", 1), "liters": ("litres", 1),
    "litre": ("litres", 1), "liter": ("litres", 1), "cubic metres": ("litres", 1000),
    "cubic meters": ("litres", 1000), "cubic metre": ("litres", 1000),
    "cubic meter": ("litres", 1000), "barrels": ("litres", 158.987),
    "barrel": ("litres", 158.987), "gallons": ("litres", 3.785), "gallon": ("litres", 3.785),
    "km/h": ("km/h", 1), "kph": ("km/h", 1), "kmh": ("km/h", 1), "mph": ("km/h", 1.609344),
    "miles per hour": ("km/h", 1.609344), "miles an hour": ("km/h", 1.609344),
    "kilometres per hour": ("km/h", 1), "kilometres an hour": ("km/h", 1),
    "kilometers per hour": ("km/h", 1), "kilometers an hour": ("km/h", 1),
    "basis points": ("percentage points", 0.01), "basis point": ("percentage points", 0.01),
    "bps": ("percentage points", 0.01),
    "kilowatts": ("watts", 1e3), "kw": ("watts", 1e3), "megawatts": ("watts", 1e6),
    "megawatt": ("watts", 1e6), "mw": ("watts", 1e6), "gigawatts": ("watts", 1e9),
    "gigawatt": ("watts", 1e9), "gw": ("watts", 1e9),
}  # fmt: skip
#: Units written against the number ("12km", "-24C", "46°C"), as :data:`_UNITS` keys.
_GLUED = {
    **{u: u for u in ("%", "km", "kg", "km/h", "mph", "kph", "mw", "gw", "kw")},
    **{u: "degrees" for u in ("°c", "°")},
}
#: Scales written against the number ("$412m", "3bn"), read by :func:`_value`.
_GLUED_SCALES = ("m", "bn", "k", "mn")


def _either(*words: str) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


#: A number with a unit or scale written against it, as :func:`_unit` reads it.
_GLUED_TO = re.compile(rf"^(.*?\d)\s*({_either(*_GLUED, *_GLUED_SCALES)})$")
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

# Number phrases in running text: qualifier, currency, the number (digits, words or a
# fraction), scale and unit.
_Q = _either(*_LOWER, *_UPPER, *_NEARLY, *_ABOUT)
_ONES = "zero|one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORDS = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES})"
_SCALE = "hundred|thousand|million|billion|trillion|dozen"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_WORDS = _either(*(u for u in (*_UNITS, *_CURRENCIES) if u[0].isalpha()))
#: What the number finder reads glued to digits: the glued units but "%" (taken after
#: the number, spaced or not), the scales, and "c" (cents; Celsius when capitalised).
_GLUED_WORDS = _either(*(u for u in _GLUED if u != "%"), *_GLUED_SCALES, "million", "billion", "c")
_CORE = (
    rf"(?:(?:{_WORDS}|\d+)\s+and\s+a\s+half(?![\w])(?:[\s-]+(?:{_SCALE})(?![\w]))?"
    rf"|(?:{_DIGITS})(?:{_GLUED_WORDS})?(?![\w/])(?:[\s-]+(?:{_SCALE})(?![\w]))*"
    rf"|half\s+(?:a|an)\s+(?:{_SCALE})"
    r"|(?:a|one|two|three)[\s-](?:half|thirds|third|quarters|quarter|fifth|tenth)(?![\w])"
    rf"(?:\s+of\s+(?:a|an|one)\s+(?:{_SCALE}))?"
    rf"|{_WORDS}(?:[\s-]+(?:and\s+)?(?:{_WORDS}|{_SCALE}))*(?![\w])(?!-(?!(?:{_UNIT_WORDS})\b))"
    rf"|(?:a|an|one)\s+(?:{_SCALE})(?:\s+(?:{_SCALE}))*"
    r"|half(?!\s+(?:an?|the)\b))"
)
#: A minus sign or word before a number: "minus 30 degrees", "-24C".
_MINUS = r"(?:minus|negative)\s+(?=\d)|[-−](?=\d)"
_PHRASE = re.compile(
    rf"(?<![\w$€£¥.,-])(?:(?:{_Q})\s+)?(?:{_MINUS})?(?:(?:us\$|[$€£¥])\s?)?{_CORE}"
    rf"(?:\s*%|\s*(?:mph|kph|km/h)(?![\w/])|[\s-]+(?:{_UNIT_WORDS})(?![\w/]))?",
    re.IGNORECASE,
)
#: What stands between the parts of one duration: "three hours and 40 minutes".
_JOINER = r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
#: Units a duration may start from with "a" alone: "a minute and 34 seconds".
_WHOLE_UNITS = r"(?:minute|hour|day|week|month|year)"
_PERIOD = re.compile(
    rf"(?<![\w])(?:(?:(?:{_Q})\s+)?half\s+an?|(?:{_Q})\s+(?:a|an))\s+"
    r"(?:hour|day|week|month|year)(?![\w])"
    rf"|(?<![\w])(?:(?:{_Q})\s+)?(?:a|one)\s+fortnight(?![\w])"
    rf"|(?<![\w])(?:(?:{_Q})\s+)?(?:a|an|{_WORDS}|\d+)\s+(?:second|minute|hour|day|week|month|year)s?"
    r"\s+and\s+a\s+half(?![\w])"
    # "a minute" before a smaller part: "a minute and 34 seconds" (:func:`_joined_durations`)
    rf"|(?<![\w])(?:(?:{_Q})\s+)?(?:a|an)\s+{_WHOLE_UNITS}(?={_JOINER}(?:\d|(?:{_WORDS})\b))",
    re.IGNORECASE,
)
#: "four in five", "one in three": a share.
_SHARE = re.compile(
    rf"(?<![\w])(?:(?:{_Q})\s+)?(?:{_WORDS}|\d{{1,2}})\s+(?:in|out\s+of)\s+"
    rf"(?:two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})(?![\w])(?!\s+(?:{_SCALE}))",
    re.IGNORECASE,
)
_TALLY = re.compile(
    rf"(?<![\w.,-])(\d{{1,3}}|{_WORDS})(?:\s?[-–]\s?|\s+votes?\s+to\s+)(\d{{1,3}}|{_WORDS})(?![\w-]|[.,]\d)",
    re.IGNORECASE,
)
#: A tally written with "to" after a vote: "the council voted seven to two".
_VOTED_TO = re.compile(
    rf"\b(?:voted|split|ruled)\s+((?:\d{{1,2}}|{_WORDS})\s+to\s+(?:\d{{1,2}}|{_WORDS}))(?![\w-])",
    re.IGNORECASE,
)
_CONTEST = re.compile(
    r"\b(?:vot\w*|ballot|won|win|wins|beat|defeat\w*|lost|score\w*|margin|tally|split)\b",
    re.IGNORECASE,
)


_HYPHENATED_UNIT = re.compile(
    r"([\da-z])-((?:kilomet|met|mile|yard|foot|hour|minute|day|night|week|month|year|second|fortnight)[a-z]*)$"
)

_HYPHENATED_SCALE = re.compile(
    rf"(?<=[\da-z])-(?=(?:{_SCALE}|dollars?|euros?|pounds?|yen)\b)", re.IGNORECASE
)


def find_numbers(text: str) -> list[tuple[int, int]]:
    """Character spans of the number phrases in ``text``: "more than 330,000",
    "$412m", "Eleven", "a third of a million dollars", "nearly an hour", and vote
    tallies ("7-4", "eight votes to three") in sentences about a vote or a contest."""
    spans: list[tuple[int, int]] = []
    if _CONTEST.search(text):
        for match in _TALLY.finditer(text):
            if "vote" in match.group().lower() or re.search(r"\d\s?[-–]\s?\d", match.group()):
                spans.append(match.span())
        for match in _VOTED_TO.finditer(text):  # "voted seven to two"
            if not any(match.start(1) < end and start < match.end(1) for start, end in spans):
                spans.append(match.span(1))
    for pattern in (_SHARE, _PERIOD, _PHRASE):
        for match in pattern.finditer(text):
            if not any(match.start() < end and start < match.end() for start, end in spans):
                spans.append(match.span())
    return _joined_durations(text, sorted(spans))


def _joined_durations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a duration and a smaller one after it ("three hours and 40
    minutes", "two days, six hours", "a minute and 34 seconds") as one span: they state
    one length of time. A unit alone ("a day") left with nothing to join is dropped."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _JOIN.fullmatch(text[joined[-1][1] : start]):
            whole = parse_quantity(text[joined[-1][0] : end])
            if whole is not None and whole.unit == "seconds":
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return [(start, end) for start, end in joined if not _LONE_UNIT.fullmatch(text[start:end])]


#: "a day" with no part after it to join: no number ("a day and 40 people").
_LONE_UNIT = re.compile(rf"(?:a|an)\s+{_WHOLE_UNITS}", re.IGNORECASE)


_JOIN = re.compile(_JOINER)


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?|[$€£¥%]")


@dataclass(frozen=True)
class Quantity:
    """A value as written (``nominal``), the range its wording allows, and its unit.

    ``unit`` is "" for a plain count, a currency code, "%", "seconds", "metres", ….
    """

    nominal: float
    low: float
    high: float
    unit: str
    approximate: bool = False

    def conflicts(self, other: Quantity) -> bool:
        """Whether the two cannot both be true: same unit, ranges apart beyond rounding."""
        if self.unit != other.unit:
            return False
        if self.unit in DATE_UNITS:
            return self.nominal != other.nominal
        if _rounds_to(self, other) or _rounds_to(other, self):
            return False
        slack = 0.01 * max(abs(self.nominal), abs(other.nominal))
        if self.nominal != int(self.nominal) and other.nominal != int(other.nominal):
            slack = 0.0  # "46.8 degrees" and "47.1 degrees": decimals are written to be exact
        if self.high + slack < other.low or other.high + slack < self.low:
            return True
        # "about 3,900 metres" / "roughly 4,200 metres": two estimates, each outside
        # the other's rounding, are two figures even where their roundings meet
        return (
            _estimate(self)
            and _estimate(other)
            and not self.low <= other.nominal <= self.high
            and not other.low <= self.nominal <= other.high
        )

    def agrees(self, other: Quantity) -> bool:
        """Whether the two state the same value (ranges meet, nominal values within 10 %)."""
        if self.unit != other.unit or self.conflicts(other):
            return False
        scale = max(abs(self.nominal), abs(other.nominal)) or 1.0
        return abs(self.nominal - other.nominal) / scale <= SAME_VALUE

    def describe(self) -> str:
        """The value in short: "≥ 14", "≈ 333,333", "≤ 40 %", "2,300,000 USD", "3 h"."""
        if self.unit == "votes":
            return f"{self.nominal // 1000:.0f}–{self.nominal % 1000:.0f} votes"
        if self.unit in DATE_UNITS:
            return _calendar(self.nominal, self.unit)
        number = (
            _duration(self.nominal)
            if self.unit == "seconds"
            else _number(self.nominal) + (f" {self.unit}" if self.unit else "")
        )
        if math.isinf(self.high):
            return f"≥ {number}"
        if self.low == 0 and self.high == self.nominal and self.nominal:
            return f"≤ {number}"
        return f"≈ {number}" if self.approximate else number


def _estimate(value: Quantity) -> bool:
    """Whether a value is an estimate around its figure ("about 3,900"), neither a bound
    ("more than 300", "up to 40") nor exact."""
    return value.approximate and value.low < value.nominal < value.high


def _rounds_to(precise: Quantity, whole: Quantity) -> bool:
    """Whether a value with decimals rounds to a whole one under 100 ("27.6 percent" is
    "28 per cent" rounded); a half ("3.5 percent") is a figure of its own, rounded to
    neither neighbour."""
    return (
        precise.nominal != int(precise.nominal)
        and whole.nominal == int(whole.nominal)
        and abs(whole.nominal) < 100
        and abs(precise.nominal - whole.nominal) < 0.5
    )


#: Units of dates as quantities, one per precision: a day or week is its first day's
#: ordinal, a month 12 × year + month - 1, a year itself.
DATE_UNITS = frozenset({"date:day", "date:week", "date:month", "date:year"})


def date_quantity(date: dt.date, precision: str) -> Quantity:
    """A date at ``precision`` ("day", "week", "month", "year") as a quantity: dates of
    one precision compare, exactly."""
    if precision == "month":
        value = 12 * date.year + date.month - 1
    elif precision == "year":
        value = date.year
    else:
        value = date.toordinal()
    return Quantity(float(value), float(value), float(value), f"date:{precision}")


def _calendar(value: float, unit: str) -> str:
    number = int(value)
    if unit == "date:month":
        return f"{number // 12}-{number % 12 + 1:02d}"
    if unit == "date:year":
        return str(number)
    return dt.date.fromordinal(number).isoformat()


def parse_quantity(text: str) -> Quantity | None:
    """The quantity ``text`` states, or None when it states no usable number."""
    text = re.sub(r"(?<=\d)C\b", "°C", text)  # "-24C": Celsius
    text = re.sub(r"(?<=\d)c\b", " cents", text)  # "a 5c levy": cents
    lowered = " ".join(text.lower().replace("per cent", "percent").split()).rstrip(".,;:")
    lowered = _HYPHENATED_UNIT.sub(r"\1 \2", lowered)  # "4-kilometre", "three-hour"
    lowered = _HYPHENATED_SCALE.sub(" ", lowered)  # "a $2-billion deal", "40-million-euro"
    tally = _tally(lowered)
    if tally is not None:
        return tally
    parts = _duration_parts(lowered)
    if parts is not None:
        return parts
    qualifier, rest = _qualifier(lowered)
    minus = re.match(_MINUS, rest)
    if minus:  # "minus 30 degrees": read as 30, then turned below zero
        if qualifier and qualifier not in _ABOUT:
            return None  # "more than minus 30" is not worth the risk of a wrong bound
        positive = parse_quantity(f"{qualifier} {rest[minus.end() :]}")
        if positive is None:
            return None
        return Quantity(
            -positive.nominal, -positive.high, -positive.low, positive.unit, positive.approximate
        )
    share = re.fullmatch(r"(\S+)\s+(?:in|out of)\s+(\S+)", rest)
    ratio = False
    if share:  # "four in five": a percentage, as rounded as a fraction
        part, whole = (_value(side)[0] for side in share.groups())
        if part is not None and whole and part <= whole:
            rest = f"{100 * part / whole:.4g} percent"
            ratio = True
    rest = re.sub(r"^(.+?) (\w+) and a half$", r"\1 and-a-half \2", rest)
    rest = re.sub(r"^(\S+) and a half\b", r"\1 and-a-half", rest)  # "six and a half hours"
    unit, factor, rest = _unit(rest)
    if rest in ("half a", "half an"):
        rest = "0.5"
    if " and-a-half" in rest:  # "a minute and a half" (unit taken), "one and a half million"
        head, _, scale = rest.partition(" and-a-half")
        whole = _value(head)[0]
        rest = "" if whole is None else f"{whole + 0.5:g}{scale}"
    rest = re.sub(r"^half (?:a|an) ", "0.5 ", rest)
    value, written_in_words, step = _value(rest)
    if value is None:
        return None
    if not unit and _is_fraction(rest):
        unit = "%"
    if unit in MEASURES and not step:
        step = 1.0  # "11 miles" is a length to the mile, so it can be "18 kilometres"
    nominal = value * factor
    low, high = nominal - step * factor / 4, nominal + step * factor / 4
    if factor in _CALENDAR_LENGTHS:  # "three months" is 84 to 93 days, "90 days" among them
        shortest, longest = _CALENDAR_LENGTHS[factor]
        low, high = min(low, value * shortest), max(high, value * longest)
    approximate = written_in_words or ratio or qualifier in (*_ABOUT, *_NEARLY)
    if qualifier in _LOWER:
        low, high = nominal, math.inf
    elif qualifier in _MAXIMA:
        low, high = nominal * 0.8, nominal
    elif qualifier in _UPPER:
        low, high = 0.0, nominal
    elif qualifier in _NEARLY:
        low, high = nominal * 0.9, nominal
    elif approximate:
        fraction = ratio or _is_fraction(rest)
        spread = 0.1 * abs(nominal) if fraction else _spread(nominal, step * factor)
        low, high = min(low, nominal - spread), max(high, nominal + spread)
    return Quantity(nominal, low, high, unit, approximate)


def _duration_parts(text: str) -> Quantity | None:
    """The sum of a duration written in parts, larger first ("three hours and 40
    minutes" is 220 minutes), or None when ``text`` is no such thing."""
    for split in _JOIN.finditer(text):
        head, tail = text[: split.start()], text[split.end() :]
        if not tail or tail.startswith(("a half", "half")):
            continue
        first, second = parse_quantity(head), parse_quantity(tail)
        if first is None or second is None or first.unit != "seconds" != second.unit:
            continue
        if second.unit == "seconds" and first.nominal > second.nominal:
            return Quantity(
                first.nominal + second.nominal,
                first.low + second.low,
                first.high + second.high,
                "seconds",
                first.approximate or second.approximate,
            )
    return None


def _spread(nominal: float, step: float) -> float:
    """How far an approximate value ("about 38,000") may be from the truth: the unit of its
    last significant digit (1,000), at least 5 % and at most 10 % of it ("about 40,000"
    may be 36,000; "about 38,000" is not 41,000)."""
    size = abs(nominal)
    return min(0.1 * size, max(0.05 * size, step))


#: The shortest and longest calendar month and year (seconds), by their average length.
_CALENDAR_LENGTHS: dict[float, tuple[int, int]] = {
    _UNITS["month"][1]: (28 * 86400, 31 * 86400),
    _UNITS["year"][1]: (365 * 86400, 366 * 86400),
}

#: Units of physical measures, whose whole numbers are rounded to the unit written.
MEASURES = frozenset({"metres", "kg", "hectares", "degrees", "litres", "km/h", "watts"})
#: Units of sums of money.
MONEY = frozenset(_CURRENCIES.values())


def _tally(text: str) -> Quantity | None:
    """A vote tally ("7-4", "eight votes to three") as one exact value in unit "votes":
    votes for × 1000 + votes against, so that any two different tallies conflict."""
    match = re.fullmatch(r"(\d+)\s?[-–]\s?(\d+)", text) or re.fullmatch(
        r"(\S+)\s+(?:votes?\s+)?to\s+(\S+)", text
    )
    if match is None:
        return None
    sides = [_value(side)[0] for side in match.groups()]
    if sides[0] is None or sides[1] is None:
        return None
    value = sides[0] * 1000 + sides[1]
    return Quantity(value, value, value, "votes")


def _is_fraction(text: str) -> bool:
    return text.replace("-", " ") in {k.replace("-", " ") for k in _FRACTIONS}


def _qualifier(text: str) -> tuple[str, str]:
    text = text.removeprefix("the ").strip()
    for phrase in sorted((*_LOWER, *_UPPER, *_NEARLY, *_ABOUT), key=len, reverse=True):
        if text.startswith(phrase + " "):
            return phrase, text[len(phrase) :].strip()
    for phrase in ("or so", "or more", "and more", "plus"):
        if text.endswith(" " + phrase):
            return ("about" if phrase == "or so" else "at least"), text[: -len(phrase)].strip()
    return "", text


def _unit(text: str) -> tuple[str, float, str]:
    """(unit, factor to it, text without the unit words)."""
    for symbol, code in _CURRENCIES.items():
        if not symbol.isalpha() and text.startswith(symbol):
            return code, 1.0, text[len(symbol) :].strip()
    words = text.split()
    for size in (3, 2, 1):
        if len(words) > size:
            tail = " ".join(words[-size:])
            if tail in _CURRENCIES:
                return _CURRENCIES[tail], 1.0, " ".join(words[:-size])
            if tail in _UNITS:
                unit, factor = _UNITS[tail]
                return unit, factor, " ".join(words[:-size])
    match = _GLUED_TO.match(text)
    if match and match.group(2) in _GLUED:
        unit, factor = _UNITS[_GLUED[match.group(2)]]
        return unit, factor, match.group(1)
    return "", 1.0, text


def _value(text: str) -> tuple[float | None, bool, float]:
    """(value, whether written in words, rounding step) of a bare number phrase."""
    text = text.replace("-", " ") if not _NUMBER.search(text) else text
    for phrase, fraction in sorted(_FRACTIONS.items(), key=lambda kv: -len(kv[0])):
        if text == phrase or text.startswith(phrase + " of"):
            rest = text[len(phrase) :].removeprefix(" of").strip()
            scale = _scale_words(rest) if rest else None
            if scale is None:
                return (fraction * 100, True, 0.0) if not rest else (None, False, 0.0)
            return fraction * scale, True, 0.0
    match = _NUMBER.search(text)
    if match:
        digits = match.group().replace(",", "")
        number = float(digits)
        tail = text[match.end() :].strip().replace(" ", "")
        tail_scale = _SCALES.get(tail) if tail else 1.0
        if tail_scale is None:
            tail_scale = _scale_words(text[match.end() :].strip()) or 1.0
        if "." in digits:
            step = 10 ** -len(digits.split(".")[1])
        elif tail_scale > 1:
            step = 1.0
        else:
            step = _rounding(int(number))
        return number * tail_scale, False, step * tail_scale
    words = text.replace(" and ", " ").split()
    if not words or any(w not in _SMALL and w not in _SCALES for w in words):
        return None, False, 0.0
    total, current = 0.0, 0.0
    for word in words:
        if word in _SMALL:
            current += _SMALL[word]
        else:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
    value = total + current
    vague = any(w in ("dozen", "hundred", "thousand", "million", "billion") for w in words)
    return (value, vague, 0.0) if value or words == ["zero"] else (None, False, 0.0)


def _scale_words(text: str) -> float | None:
    words = text.split()
    value = 1.0
    for word in words:
        if word in ("a", "an", "one"):
            continue
        if word not in _SCALES:
            return None
        value *= _SCALES[word]
    return value if words else None


def _rounding(number: int) -> float:
    """Half-unit rounding a whole number shows: 330,000 → 10,000 (so ±5,000)."""
    if number < 100:
        return 0.0
    zeros = len(str(number)) - len(str(number).rstrip("0"))
    return float(10**zeros) if zeros else 0.0


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _duration(seconds: float) -> str:
    for unit, size in (("years", 31557600), ("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{_number(round(seconds / size, 2))} {unit}"
    return f"{_number(seconds)} s"
