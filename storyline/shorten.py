"""Shorter summary sentences: words that cost budget and tell the reader little are dropped.

Only material outside quotation marks is touched, and only four kinds of it: bracketed
asides ("(205 km/h)", "(AP)"), bare weekday references ("on Friday", "Tuesday night"; the
cited article still has them, and the weekday alone does not date anything in a summary
spanning several days), a connective opening the sentence ("However, ", "Meanwhile, ") and
the wire-copy dash typed as an underscore. The citation still points at the full sentence.
"""

from __future__ import annotations

import re
from typing import Any

_QUOTED = re.compile(r"``.*?''|“.*?”|\"[^\"]*\"", re.DOTALL)
_RULES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(r"\s*\([^()]{1,60}\)"), ""),
    (
        re.compile(
            r"(?<![A-Za-z])(?P<before>\w+)?\s+(?P<prefix>(?:on|early|late|last|this|next)\s+)?"
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            r"(?:\s+(?:morning|afternoon|evening|night))?\b(?!['’])"
        ),
        lambda m: _weekday(m),
    ),
    (
        re.compile(
            r"^(?:However|But|And|Meanwhile|Also|Still|Yet|In addition|Moreover|"
            r"Nonetheless|Nevertheless),?\s+(?=\S)"
        ),
        "",
    ),
    (re.compile(r"\s+_\s+"), ", "),
)
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
_DOUBLE_COMMA = re.compile(r",\s*,")


def shorten(sentence: str) -> str:
    """``sentence`` without its asides; unchanged when nothing can go or too little is left."""
    pieces: list[str] = []
    cursor = 0
    for quoted in _QUOTED.finditer(sentence):
        pieces.append(_trim(sentence[cursor : quoted.start()], first=cursor == 0))
        pieces.append(quoted.group())
        cursor = quoted.end()
    pieces.append(_trim(sentence[cursor:], first=cursor == 0))
    text = _DOUBLE_COMMA.sub(",", _SPACE_BEFORE_PUNCTUATION.sub(r"\1", "".join(pieces))).strip()
    if len(text.split()) < len(sentence.split()) / 2:
        return sentence
    return text[:1].upper() + text[1:]


_KEEPS_WEEKDAY = frozenset("until by since from to before after through till of".split())


_PART_OF_WEEKDAY = frozenset(("early", "late"))  # "early on Tuesday" goes as a whole


def _weekday(match: re.Match[str]) -> str:
    """Drop "on Friday" but not "until Friday", which would leave "until" dangling."""
    before = match.group("before") or ""
    if not match.group("prefix") and before.lower() in _KEEPS_WEEKDAY:
        return match.group()
    if match.group("prefix") and before.lower() in _PART_OF_WEEKDAY:
        return ""
    return before


def _trim(text: str, first: bool) -> str:
    for pattern, replacement in _RULES:
        if pattern.pattern.startswith("^") and not first:
            continue
        text = pattern.sub(replacement, text)
    return text
