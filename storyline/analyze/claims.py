"""Quantitative claims and how the outlets' claims compare.

A claim is a number spaCy finds (CARDINAL, MONEY, PERCENT, QUANTITY; a DATE or TIME only
when it is a duration such as "three hours") with what it counts, read from the parse:

- the counted noun ("14 *people*", "$2 million in *aid*") and the verb it hangs from
  ("were *killed*"); the casualty-like meanings news compares most are folded into one
  *concept* each ("killed", "death toll", "died", "lost their lives" → killed);
- qualifiers that change what is counted ("first", "so far", "daily", "more") and the
  days the sentence names.

Claims of different outlets compare when they count the same thing in the same unit:
one concept (or noun and verb), one subject for durations, the same qualifiers and days.
Values that cannot both be true (:meth:`Quantity.conflicts`) are a conflict; values that
state the same fact are an agreement. Claims that count the same noun or unit but differ
in verb, subject, qualifiers or day ("the meeting lasted three hours" / "he stayed four
hours") are shown side by side as *possibly different*, never as a conflict. Numbers
that are not claims are skipped: years, ages, times of day, numbers after "No.",
"page", "Route"…, and small counts without a noun.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from storyline.analyze.values import Quantity, parse_quantity
from storyline.model import Article, Claim, Comparison, Sentence

_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME")
_DURATION = re.compile(
    r"^(?:(?:about|around|nearly|almost|more than|over|some|roughly|at least|just over|"
    r"just under|less than|under|up to)\s+)?(?:[\d.,]+|[a-z]+(?:-[a-z]+)?)\s+"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)
_NOT_A_COUNT = re.compile(
    r"(?:\bno\.|\bnumber|\bpage|\broute|\bhighway|\bflight|\barticle|\bsection|\bgate|"
    r"\bplatform|\bbus|\broom|\bline|\bchapter|\bapartment|\bunit|\bbuilding|#)\s*$",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*(?:-|‐)?\s*(?:year|years)(?:-|‐|\s)old|^\s*,\s*(?:was|is)?\s*$")

#: Lemmas whose presence names what is counted, folded into one concept.
CONCEPTS = {
    "killed": {"kill", "die", "dead", "death", "toll", "fatality", "life", "body", "perish",
               "fatal", "killing"},
    "injured": {"injure", "wound", "hurt", "injury", "wounded", "injured"},
    "missing": {"missing", "unaccounted"},
    "hospitalised": {"hospitalise", "hospitalize", "hospitalised", "hospitalized",
                     "hospital"},
    "arrested": {"arrest", "detain", "detention", "custody", "arrested", "detained"},
    "evacuated": {"evacuate", "evacuee", "evacuated", "displace", "displaced"},
    "rescued": {"rescue", "rescued", "save", "pull"},
}  # fmt: skip
_CONCEPT_OF = {lemma: concept for concept, lemmas in CONCEPTS.items() for lemma in lemmas}
#: Words that change which quantity a number is.
QUALIFIERS = frozenset(
    "first initial initially total overall so-far daily weekly monthly annual annually "
    "yearly per each average additional another more further new extra remaining "
    "original planned expected projected target budgeted proposed final officially "
    "confirmed estimated".split()
)


@dataclass(frozen=True)
class Found:
    """A claim with what it counts: the key claims must share to be compared."""

    claim: Claim
    quantity: Quantity
    source: str
    counted: str  # concept or noun lemma ("" if none)
    verb: str
    subject: str
    qualifiers: frozenset[str]
    days: frozenset[str]

    @property
    def strict(self) -> tuple[str, ...]:
        """Claims with equal strict keys count the same thing."""
        duration = self.quantity.unit == "seconds"
        verb = self.verb if duration or not self.counted else ""
        return (self.quantity.unit, self.counted, verb, self.subject if duration else "")

    @property
    def loose(self) -> tuple[str, str]:
        """Claims with equal loose keys look alike (shown as possibly different): the
        same unit and counted thing, or any two durations ("lasted" / "stayed")."""
        if self.quantity.unit == "seconds":
            return "seconds", "duration"
        return self.quantity.unit, self.counted or self.verb

    @property
    def _concept(self) -> bool:
        return self.counted in CONCEPTS


def find_claims(
    article: Article,
    doc: Any,
    sentences: Sequence[Sentence],
    days: Mapping[int, frozenset[str]],
) -> list[Found]:
    """The quantitative claims of ``article`` (``doc`` is the parse of its text).

    ``days`` maps a sentence's start offset to the dates (ISO) that sentence names.
    """
    starts = [s.start for s in sentences]
    found = []
    for entity in doc.ents:
        if entity.label_ not in _LABELS or not _is_claim(entity):
            continue
        quantity = parse_quantity(entity.text)
        if quantity is None:
            continue
        index = bisect.bisect_right(starts, entity.start_char) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        counted, verb, subject, qualifiers = _context(entity)
        if not counted and not verb:
            continue
        if not quantity.unit and (
            quantity.nominal < 2 or (counted not in CONCEPTS and quantity.nominal < 10)
        ):
            continue  # "two countries", "three leaders": counts nobody disputes
        start, end = sentence.start, sentence.end
        claim = Claim(article.id, quantity.describe(), entity.text, sentence.text, start, end)
        found.append(
            Found(
                claim,
                quantity,
                article.source,
                counted,
                verb,
                subject,
                qualifiers,
                days.get(start, frozenset()),
            )
        )
    return found


def _is_claim(entity: Any) -> bool:
    """Whether a number entity is a claim to compare (not a year, age, time of day…)."""
    text = entity.text
    doc = entity.doc
    before = doc.text[max(0, entity.start_char - 12) : entity.start_char]
    after = doc.text[entity.end_char : entity.end_char + 12]
    if entity.label_ in ("DATE", "TIME"):
        return bool(_DURATION.match(text)) and not re.match(r"\s*(ago|later|earlier)", after)
    if re.fullmatch(r"(?:1[89]|20|21)\d\d", text.strip()):
        return False  # a year
    if (
        _NOT_A_COUNT.search(before)
        or _AGE.match(after)
        or re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|:\d)", after)
    ):
        return False
    if re.match(r"\s*[-–]\s*\d", after) or re.search(r"\d\s*[-–]\s*$", before):
        return False  # a score or a range written with a dash
    return not (entity.root.dep_ == "npadvmod" and entity.root.head.lemma_ == "old")


def _context(entity: Any) -> tuple[str, str, str, frozenset[str]]:
    """(counted concept or noun class, verb, subject, qualifiers) of a number."""
    noun = _counted_noun(entity)
    anchor = noun if noun is not None else entity.root
    verb = _verb(anchor)
    words = {t.lemma_.lower() for t in entity}
    if noun is not None:
        words.add(noun.lemma_.lower())
        words.update(c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod"))
    if verb is not None:
        words.add(verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd", "xcomp", "dobj", "attr", "prt", "auxpass"):
                words.add(child.lemma_.lower())
                words.update(c.lemma_.lower() for c in child.children if c.dep_ in _CLOSE)
    concept = next((_CONCEPT_OF[w] for w in sorted(words) if w in _CONCEPT_OF), "")
    noun_class = _noun_class(noun.lemma_.lower()) if noun is not None else ""
    if noun_class in _CONCEPT_OF or noun_class == "people":
        noun_class = ""  # "deaths", "people": the concept says it all
    counted = concept or noun_class
    verb_lemma = verb.lemma_.lower() if verb is not None else ""
    verb_lemma = _VERB_CLASS.get(verb_lemma, verb_lemma)
    subject = ""
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN") and subjects[0] not in entity:
            subject = subjects[0].lemma_.lower()
    return counted, verb_lemma, subject, _qualifiers(entity, noun, verb)


#: Verbs that measure the same duration ("the talks lasted / went on / ran for").
_VERB_CLASS = {"go": "last", "continue": "last", "run": "last", "rage": "last"}


_CLOSE = ("acomp", "oprd", "xcomp", "dobj", "attr", "prt")
#: Nouns that count the same kind of thing.
NOUN_CLASSES = {
    "people": {"people", "person", "resident", "civilian", "passenger", "citizen",
               "villager", "inhabitant", "individual", "man", "woman", "adult"},
    "home": {"home", "house", "dwelling", "building", "property", "residence"},
    "vote": {"vote", "ballot"},
    "soldier": {"soldier", "troop", "serviceman"},
    "prisoner": {"prisoner", "detainee", "captive", "hostage"},
    "worker": {"worker", "employee", "staff", "striker", "miner", "nurse"},
}  # fmt: skip
_CLASS_OF = {noun: name for name, nouns in NOUN_CLASSES.items() for noun in nouns}


def _noun_class(lemma: str) -> str:
    return _CLASS_OF.get(lemma, lemma)


def _counted_noun(entity: Any) -> Any:
    """The noun a number counts: the one it modifies, the one it is worth ("deals worth
    $2 billion"), or the object of its "of"/"in" ("$2 million in aid"); else None."""
    root = entity.root
    if root.pos_ == "NOUN" and root.lemma_.lower() not in _UNIT_NOUNS:
        return root
    token = root
    for _ in range(3):
        if token.head is token or token.head.pos_ in ("VERB", "AUX"):
            break
        token = token.head
        if token.pos_ == "NOUN" and token.lemma_.lower() not in _UNIT_NOUNS:
            return token
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            if objects:
                return objects[0]
    return None


_UNIT_NOUNS = frozenset(
    "million billion thousand hundred percent dollar euro pound hour minute day week "
    "month year second kilometre kilometer mile metre meter tonne ton hectare acre "
    "km kg %".split()
)


def _verb(token: Any) -> Any:
    seen = 0
    while token.head is not token and seen < 6:
        token = token.head
        seen += 1
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _qualifiers(entity: Any, noun: Any, verb: Any) -> frozenset[str]:
    """Qualifier words around a number: in its phrase, its noun's, or its verb's adverbs."""
    inside = {t.i for t in entity}
    tokens = []
    if noun is not None:
        tokens += [t for t in noun.subtree if t.i < noun.i + 3]
    if verb is not None:
        tokens += [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep")]
        tokens += [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]
    tokens = [t for t in tokens if t.i not in inside]
    text = " ".join(t.lower_ for t in tokens)
    found = {t.lower_ for t in tokens if t.lower_ in QUALIFIERS}
    if "so far" in text:
        found.add("so-far")
    return frozenset(found)


def compare(found: Sequence[Found]) -> tuple[list[Comparison], list[Comparison]]:
    """(conflicts and possibly-different pairs, agreements) among different outlets."""
    conflicts: list[Comparison] = []
    agreements: list[Comparison] = []
    by_key: dict[tuple[str, ...], list[Found]] = {}
    for item in found:
        by_key.setdefault(item.strict, []).append(item)
    settled: set[tuple[int, int]] = set()
    for items in by_key.values():
        sources = {i.source for i in items}
        if len(sources) < 2:
            continue
        for group in _split(items):
            outcome = _judge(group)
            if outcome == "conflict":
                conflicts.append(Comparison(_topic(group), "conflict", _claims(group)))
            elif outcome == "agreement":
                agreements.append(Comparison(_topic(group), "agreement", _claims(group)))
            settled.update((id(a), id(b)) for a in group for b in group)
    conflicts.extend(_possibly_different(found, settled))
    return conflicts, agreements


def _split(items: Sequence[Found]) -> list[list[Found]]:
    """Claims of one key split by qualifiers and days (different ones are not compared)."""
    groups: dict[tuple[frozenset[str], frozenset[str]], list[Found]] = {}
    for item in items:
        groups.setdefault((item.qualifiers, item.days), []).append(item)
    merged: list[list[Found]] = []
    for (qualifiers, days), members in groups.items():
        home = next(
            (
                g
                for g in merged
                if g[0].qualifiers == qualifiers
                and (not days or not g[0].days or days == g[0].days)
            ),
            None,
        )
        if home is None:
            merged.append(list(members))
        else:
            home.extend(members)
    return merged


def _judge(group: Sequence[Found]) -> str:
    """ "conflict", "agreement" or "" for claims counting one thing."""
    if len({i.source for i in group}) < 2:
        return ""
    for source in {i.source for i in group}:
        own = [i for i in group if i.source == source]
        if any(a.quantity.conflicts(b.quantity) for a, b in combinations(own, 2)):
            return ""  # one outlet gives two values: it counts two things
    pairs = [(a, b) for a, b in combinations(group, 2) if a.source != b.source]
    if any(a.quantity.conflicts(b.quantity) for a, b in pairs):
        return "conflict"
    if any(a.quantity.agrees(b.quantity) for a, b in pairs):
        return "agreement"
    return ""


def _possibly_different(found: Sequence[Found], settled: set[tuple[int, int]]) -> list[Comparison]:
    """Look-alike claims of different outlets with different values, not yet compared."""
    pairs: dict[tuple[str, str], list[Found]] = {}
    for a, b in combinations(found, 2):
        if a.source == b.source or a.loose != b.loose or not a.loose[1]:
            continue
        if (id(a), id(b)) in settled or not a.quantity.conflicts(b.quantity):
            continue
        low, high = sorted(abs(x.quantity.nominal) for x in (a, b))
        if high > 3 * low:
            continue  # "four hours" and "two years" do not look alike
        group = pairs.setdefault(a.loose, [])
        group.extend(x for x in (a, b) if x not in group)
    return [Comparison(_topic(g), "possibly different", _claims(g)) for g in pairs.values()]


def _topic(group: Sequence[Found]) -> str:
    first = group[0]
    words = [first.counted or first.subject, first.verb if first.counted not in CONCEPTS else ""]
    if first.quantity.unit == "seconds":
        words = [first.subject, first.verb, "(duration)"]
    elif first.quantity.unit and first.quantity.unit not in ("%",):
        words.append(f"({first.quantity.unit})")
    return " ".join(w for w in words if w) or "value"


def _claims(group: Sequence[Found]) -> tuple[Claim, ...]:
    return tuple(sorted((i.claim for i in group), key=lambda c: (c.article, c.start)))


def story_claims(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    docs: Mapping[str, Any],
    days: Mapping[str, Mapping[int, frozenset[str]]],
) -> tuple[list[Comparison], list[Comparison]]:
    """(conflicts incl. possibly different, agreements) among a story's articles."""
    found = [
        claim
        for a in articles
        for claim in find_claims(a, docs[a.id], sentences[a.id], days.get(a.id, {}))
    ]
    return compare(found)
