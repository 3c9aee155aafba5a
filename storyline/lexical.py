"""Lexical helpers shared by selection and citation: word counts, key words, numbers,
and whether a sentence can stand alone in a summary."""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b[a-z]+\b", re.IGNORECASE)


def numbers(text: str) -> set[float]:
    """The numbers a sentence states, in digits or as words up to twenty and the tens."""
    found: set[float] = set()
    for token in _NUMBER.findall(text):
        if token[0].isdigit():
            try:
                found.add(float(token.replace(",", "")))
            except ValueError:
                continue
        elif token.lower() in _NUMBER_WORDS:
            found.add(float(_NUMBER_WORDS[token.lower()]))
    return found


def numbers_disagree(a: str, b: str) -> bool:
    """Both sentences state numbers and share none: "three killed" does not support "four"."""
    na, nb = numbers(a), numbers(b)
    return bool(na and nb and not na & nb)


_WORD = re.compile(r"[\w'’-]+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been
    being it its this that these those he she they his her their them him we our you
    your i me my said says say told tell would will could can may might must should has
    have had do does did not no nor so than then there here which who whom whose what
    when where why how all any both each few more most other some such only own same too
    very just also into over after before about against between through during under
    again further once up down out off while because until mr mrs ms""".split()
)


def key_words(text: str) -> set[str]:
    """Content words and numbers, lower-cased, crudely stemmed (plural and -ed/-ing)."""
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if not word or word in _STOP:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        words.add(word)
    return words


def key_overlap(a: str, b: str) -> float:
    """Share of the smaller sentence's key words that the other sentence also has."""
    wa, wb = key_words(a), key_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


_CONNECTIVES = frozenset(
    """but however and also yet still so then moreover furthermore additionally instead
    thus hence meanwhile nevertheless nonetheless otherwise likewise besides accordingly""".split()
)
_PRONOUNS = frozenset(
    """he she they it its his her their him them this these those that such both""".split()
)
_TIME_NOUNS = frozenset(
    """week month year morning afternoon evening night weekend time summer winter spring""".split()
)


def _open_quote(text: str) -> bool:
    """A quotation left open runs on into the next paragraph: the sentence is incomplete."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_PRONOUN_ATTRIBUTION = re.compile(
    r"\b(he|she|they)\s+(said|says|added|adds|told|noted|stressed|warned|explained|continued|"
    r"wrote|insisted|argued|declared|replied)\b",
    re.IGNORECASE,
)
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


def standalone(text: str) -> bool:
    """False for a sentence that leans on the one before it ("He said ...", "But ...")."""
    return _leans_on(text) is None


def bare_quotation(text: str) -> bool:
    """A sentence that is all quotation: readable only right after the one naming its speaker."""
    return _leans_on(text) == "bare quotation"


def _leans_on(text: str) -> str | None:
    """Why a sentence cannot stand alone, or None when it can."""
    stripped = text.lstrip("\"“‘'([ ")
    words = stripped.split()
    if not words or text.rstrip().endswith(":") or _open_quote(text):
        return "incomplete"
    first = words[0].strip(",;:").lower()
    # Inside a quotation a pronoun is the speaker's own; a connective still continues a
    # quotation that began in the previous sentence.
    openers = _CONNECTIVES if stripped != text.lstrip() else _CONNECTIVES | _PRONOUNS
    if first in openers:
        follower = words[1].strip(",.").lower() if len(words) > 1 else ""
        if not (first in ("this", "that") and follower in _TIME_NOUNS):
            return "opener"
    outside = _QUOTED.sub(" ", text)
    if not re.search(r"[A-Za-z]", outside):
        return "bare quotation"
    attribution = _PRONOUN_ATTRIBUTION.search(outside)
    if attribution and not _PROPER.search(outside[: attribution.start()]):
        return "pronoun attribution"
    return None
