"""Quantitative claims and how the outlets' claims compare.

A claim is a number phrase (:func:`.values.find_numbers`, plus spaCy's number entities it
misses), or a date the timeline resolved (:func:`find_date_claims`: "on Monday" as a day),
with what it counts or dates, read from the parse:

- the counted noun ("14 *people*", "$2 million in *aid*") and the verb it hangs from
  ("were *killed*"); the casualty-like meanings news compares most are folded into one
  *concept* each ("killed", "death toll", "died", "lost their lives" → killed), and the
  counted nouns into classes ("soldiers", "troops"; "fighters", "rebels", "militants");
- qualifiers that change what is counted ("first", "so far", "daily", "originally
  proposed", "now", "still", "alone"; a value changed *from*, "from £9,800 to £12,500"; a
  day something is due, *ahead*, or still went on, *ongoing*), and whether it counts part
  of a group ("four of them", "2,400 of its 4,600 schools") or the whole;
- the words of its clause (:class:`Context`) and the periods its sentence dates
  (:func:`with_periods`).

Two claims of different outlets in one unit are scored by :class:`PairScorer`, a
logistic regression fitted on the dev stories: how likely they count the same quantity,
from what they count (:meth:`Found.match`: concept, noun class, verb, subject,
qualifiers; the name the number belongs to), how alike their sentences, clauses and the
words around the numbers are (MiniLM cosines, numbers masked), whether their sentences
date them to one period or two, and how far apart the values are; dates have weights of
their own. Each claim is paired
with at most one of the other outlet's, the pairing with the most probability
(:func:`_pairs`); values that cannot both be true (:meth:`Quantity.conflicts`) need a
surer pair. A sentence that reports a dispute itself ("organisers said 90,000; police put
the figure at 12,000") links its two figures too (:func:`_disputes`). Paired values that
conflict make a conflict, one per dispute (:func:`_disputed`), two days only when the
claims name one happening (:meth:`Found.same_event`), and only when its conflicting
pairs make it certain enough (:func:`_certainty`, :meth:`PairScorer.needs`; dates need
more): a less certain one is shown as a
*possible conflict* (durations of two things, "lasted" / "stayed", as *possibly
different*), so that the conflicts listed are ones a reader can trust and none is
hidden; paired values stating
the same fact make an agreement. Unpaired claims that count the same noun or unit but differ in
verb, subject or qualifiers ("the meeting lasted three hours" / "he stayed four hours")
are shown side by side as *possibly different*, never as a conflict. Numbers that are
not claims are skipped: years, ages ("Vell, 71,"), dates, times of day, numbers after
"No.", "page", "Route"…, street numbers, and small counts without a concept.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from storyline.analyze.groups import components
from storyline.analyze.nlp import SPEECH_VERBS, governing_verb
from storyline.analyze.timeline import Event, looks_ahead
from storyline.analyze.values import (
    DATE_UNITS,
    MEASURES,
    MONEY,
    Quantity,
    date_quantity,
    find_numbers,
    parse_quantity,
)
from storyline.embed import Embedder
from storyline.ingest.dates import MONTH_ABBREVIATIONS, MONTHS
from storyline.model import Article, Claim, Comparison, DatedMention, Sentence

#: spaCy number entities kept when :func:`find_numbers` has no phrase there.
_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME")
_NOT_A_COUNT = re.compile(
    r"(?:\bno\.|\bnumber|\bpage|\broute|\bhighway|\bflight|\barticle|\bsection|\bgate|"
    r"\bplatform|\bbus|\broom|\bline|\bchapter|\bapartment|\bunit|\bbuilding|\baged|#)\s*$",
    re.IGNORECASE,
)
_AGE = re.compile(r"^\s*(?:-|‐)?\s*(?:year|years)(?:-|‐|\s)old|^\s*,\s*(?:was|is)?\s*$")
_ADDRESS = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){0,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Boulevard|"
    r"Way|Drive|Place|Quay|Embankment)\b"
)
#: A month's name as a date writes it ("March", "Sept."), not the word "march" or a
#: town "Marrowick".
_MONTH = rf"(?:{'|'.join(m.capitalize() for m in (*MONTHS, *MONTH_ABBREVIATIONS))})\.?(?![a-z])"
_DATE_BEFORE = re.compile(rf"\b{_MONTH}\s*$")
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}")

#: Lemmas whose presence names what is counted, folded into one concept.
CONCEPTS = {
    "killed": {"kill", "die", "dead", "death", "toll", "fatality", "life", "body", "perish",
               "fatal", "killing", "loss", "martyr"},
    "injured": {"injure", "wound", "hurt", "injury", "wounded", "injured"},
    "missing": {"missing", "unaccounted"},
    "hospitalised": {"hospitalise", "hospitalize", "hospitalised", "hospitalized",
                     "hospital", "treat", "treatment"},
    "arrested": {"arrest", "detain", "detention", "custody", "arrested", "detained"},
    "evacuated": {"evacuate", "evacuee", "evacuated", "displace", "displaced", "flee"},
    "rescued": {"rescue", "rescued", "save", "pull"},
    "freed": {"free", "freed", "release", "released", "liberate"},
}  # fmt: skip
#: Concept lemmas that name the concept only when people are counted.
_PEOPLE_ONLY = frozenset({"pull"})
#: Concept lemmas that name the concept only when a kind of person is counted, not
#: people in general or nothing ("released 12 hostages", not "figures released").
_PERSONS_ONLY = frozenset(CONCEPTS["freed"])
#: Noun classes of persons.
_PERSONS = frozenset({"people", "soldier", "fighter", "prisoner", "worker", "spectator"})
_CONCEPT_OF = {lemma: concept for concept, lemmas in CONCEPTS.items() for lemma in lemmas}
#: Words that change which quantity a number is.
QUALIFIERS = frozenset(
    "first initial initially total overall so-far daily weekly monthly annual annually "
    "yearly per each average additional another more further new extra remaining "
    "original originally planned expected projected target budgeted proposed final "
    "officially confirmed estimated capacity now latest alone including still core headline "
    "underlying league".split()
)
#: Verbs above a number that make it a plan, not a fact ("had proposed cutting 120").
_PLANS = frozenset("propose plan consider draft".split())
#: Nouns that count the same kind of thing.
NOUN_CLASSES = {
    "people": {"people", "person", "resident", "civilian", "passenger", "citizen", "patient",
               "villager", "inhabitant", "individual", "man", "woman", "adult", "other"},
    "home": {"home", "house", "dwelling", "building", "property", "residence"},
    "vote": {"vote", "ballot"},
    "soldier": {"soldier", "troop", "serviceman", "servicemen"},
    "fighter": {"fighter", "rebel", "militant", "insurgent", "terrorist", "separatist",
                "guerrilla", "combatant", "gunman", "jihadist"},
    "prisoner": {"prisoner", "detainee", "captive", "hostage"},
    "worker": {"worker", "employee", "staff", "striker", "miner", "nurse"},
    "spectator": {"spectator", "fan", "supporter", "attendee", "visitor"},
    "deal": {"deal", "agreement", "framework", "package", "accord", "pact"},
    "increase": {"increase", "rise", "raise", "hike"},
    "cut": {"cut", "reduction", "decrease"},
}  # fmt: skip
_CLASS_OF = {noun: name for name, nouns in NOUN_CLASSES.items() for noun in nouns}


@dataclass(frozen=True)
class Context:
    """What a number counts or a date dates, read from the parse (:func:`_context`)."""

    concept: str  # "killed", "injured"… or ""
    noun: str  # the counted noun's class ("" for people in general or none)
    verb: str  # the verb above it, folded ("go on" → "last")
    subject: str  # that verb's subject noun
    qualifiers: frozenset[str]
    owner: str  # the name it belongs to ("44 percent for Vell")
    event: str  # the words of its clause: subject, verb, objects ("people took part march")
    attribution: str = ""  # who the sentence says gives it ("police said 40,000") or ""
    denied: bool = False  # the sentence rejects it ("not the 72 percent announced")
    keys: frozenset[str] = frozenset()  # lemmas of what happened (:func:`_keys`)
    label: str = ""  # its subject and verb as written ("Assad stayed"), for topics


@dataclass(frozen=True)
class Found:
    """A claim with what it counts: the key claims must share to be compared."""

    claim: Claim
    quantity: Quantity
    source: str
    concept: str
    noun: str  # noun class ("" for people in general or none)
    verb: str
    subject: str
    qualifiers: frozenset[str]
    masked: str  # the sentence with the number replaced, for pairing
    local: str = ""  # the words around the number (masked), for pairing
    names: frozenset[str] = frozenset()  # proper nouns of the sentence, lowercased
    owner: str = ""  # the name the number belongs to ("44 percent for Vell")
    periods: frozenset[tuple[int, int]] = frozenset()  # see with_periods
    event: str = ""  # the words of its clause (Context.event), for pairing
    attribution: str = ""  # Context.attribution
    denied: bool = False  # Context.denied
    keys: frozenset[str] = frozenset()  # Context.keys
    position: float = 0.0  # how far into its article its sentence starts, 0 to 1 (with_order)
    rank: int = 0  # which of its article's values in its unit it states, 0 the first (with_order)
    label: str = ""  # Context.label

    def same_event(self, other: Found) -> bool:
        """Whether two dated claims name one happening: the same concept, subject or a
        word of what happened ("prosecutors arrested Drey on Wednesday" / "his arrest on
        Thursday"). Without one, two days are as likely two events of the story as one
        event dated twice ("the strike began this morning" / "a second day Tuesday")."""
        if self.concept and self.concept == other.concept:
            return True
        return bool(self.subject and self.subject == other.subject) or bool(self.keys & other.keys)

    def match(self, other: Found) -> int:
        """How surely two claims count the same thing: 2 (same concept and noun, or the
        same verb), 1 (nothing contradicts it: one names no noun, or the verbs differ)
        or 0 (they count different things)."""
        if self.quantity.unit != other.quantity.unit or self.qualifiers != other.qualifiers:
            return 0
        if self.quantity.unit == "votes":
            return 2
        if self.quantity.unit == "seconds":  # durations: same verb, same subject
            if self.verb != other.verb or self.concept != other.concept:
                return 0
            return 2 if self.subject == other.subject else int(not (self.subject and other.subject))
        if self.concept != other.concept:
            return 0
        if self.noun or other.noun:
            if self.noun and other.noun:
                return 2 if self.noun == other.noun else 0
            return 0 if self.concept else 1  # "three people" killed, "two firefighters"
        if self.concept or (self.verb == other.verb and self.verb not in _WEAK_VERBS):
            return 2
        return 1

    @property
    def loose(self) -> tuple[str, str]:
        """Claims with equal loose keys look alike (shown as possibly different): the
        same unit and counted noun, or any two durations ("lasted" / "stayed"). Dates never
        look alike: two days an outlet gives two events are not a question."""
        if self.quantity.unit in DATE_UNITS:
            return self.quantity.unit, ""
        if self.quantity.unit == "seconds":
            return "seconds", "duration"
        return self.quantity.unit, self.noun or self.concept or self.verb


def find_claims(
    article: Article,
    doc: Any,
    sentences: Sequence[Sentence],
) -> list[Found]:
    """The quantitative claims of ``article`` (``doc`` is the parse of its text)."""
    starts = [s.start for s in sentences]
    found = []
    for span in _number_spans(doc):
        quantity = parse_quantity(span.text)
        if quantity is None or not _is_claim(span, quantity):
            continue
        index = bisect.bisect_right(starts, span.start_char) - 1
        if index < 0:
            continue
        context = _context(span)
        if quantity.unit == "votes":
            context = replace(context, concept="", noun="tally", qualifiers=frozenset())
        if not context.concept and not context.noun and not context.verb:
            continue
        if not quantity.unit and _small_count(quantity.nominal, context.concept):
            continue  # "two countries", "three leaders": counts nobody disputes
        if quantity.nominal == 1 and (
            context.verb in SPEECH_VERBS
            or not (span.end < len(doc) and doc[span.end].pos_ == "NOUN")
        ):
            continue  # "one of them", "one evacuee said": only "one worker died" counts
        rate = _rate(doc.text[span.end_char : span.end_char + 12])
        former = frozenset({"former"}) if _former(span) else frozenset()
        context = replace(context, qualifiers=context.qualifiers | rate | former)
        found.append(
            _found(article, sentences, index, span, span.text, span.start_char, quantity, context)
        )
    return found


def find_date_claims(
    article: Article,
    doc: Any,
    sentences: Sequence[Sentence],
    mentions: Iterable[tuple[DatedMention, Event, str]],
) -> list[Found]:
    """The dates ``article`` gives events (``mentions``: the story's resolved date
    mentions), as claims: not the day of a statement ("said on Tuesday") and not a bound
    ("until Friday"). A day something is due to happen ("will meet on Thursday") is
    qualified "ahead", a day something still went on ("remained on strike on Tuesday")
    "ongoing": neither is the day a happening took place."""
    starts = [s.start for s in sentences]
    ahead = looks_ahead(doc)
    found = []
    for mention, event, _ in mentions:
        if mention.article != article.id or mention.date is None or not mention.precision:
            continue
        if event.speech or event.bound not in ("", "since"):
            continue
        span = doc.char_span(mention.mention_start, mention.mention_end, alignment_mode="expand")
        if span is None:
            continue
        context = _context(span)
        dated = _dated_noun(span)
        if dated is not None:  # "his arrest on Thursday", "Monday's meeting"
            context = replace(context, label=dated.text)
        qualifiers = {event.bound} if event.bound else set()
        if ahead(mention.mention_start) or (article.date and mention.date > article.date):
            qualifiers.add("ahead")
        if _ongoing(span):
            qualifiers.add("ongoing")
        context = replace(context, qualifiers=context.qualifiers | qualifiers)
        found.append(
            _found(
                article,
                sentences,
                bisect.bisect_right(starts, mention.start) - 1,
                span,
                mention.mention,
                mention.mention_start,
                date_quantity(mention.date, mention.precision),
                context,
                mask="that day",
            )
        )
    return found


def _former(span: Any) -> bool:
    """Whether a number is what a value changed from ("raised fees from £9,800 to
    £12,500", "the toll rose to 14 from 11", "five hours a day, up from four"): an
    earlier value, not the one reported. Read from the words, which the parser often
    folds into a range."""
    text = span.doc.text
    before = text[max(0, span.start_char - 40) : span.start_char]
    after = text[span.end_char : span.end_char + 40]
    if re.search(r"\b(?:up|down)\s+from\s+$", before, re.IGNORECASE):
        return True
    if not re.search(r"\bfrom\s+$", before, re.IGNORECASE):
        return False
    return bool(_TO_VALUE.match(after) or _TO_VALUE_FROM.search(before))


#: "… to 5.00" after a number, and "to 14 from" before one: the two ends of a change.
_TO_VALUE = re.compile(r"\s*(?:[^\s,.;]+\s+){0,3}?to\s+[$€£¥]?\d")
_TO_VALUE_FROM = re.compile(r"\bto\s+[$€£¥]?[\d.,]+\s*(?:%|[a-z]+)?\s+from\s+$")


def _ongoing(span: Any) -> bool:
    """Whether a date is a day something went on, not began: "kept up their strike on
    Tuesday", "the toll stood at nine on Thursday", "entered its third day today", "was
    still in force this morning"."""
    verb = governing_verb(span.root, 4)
    if verb is None:
        return False
    return verb.lemma_.lower() in _GOES_ON or any(
        c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children
    )


#: Verbs of a state that goes on (:func:`_ongoing`).
_GOES_ON = frozenset("remain stay keep continue stand enter persist".split())


def _dated_noun(span: Any) -> Any:
    """The noun a date dates ("his *arrest* on Thursday", "Monday's *meeting*"), not the
    verb above it; None when it dates a verb or only a time of day ("failed in the early
    *morning* of 3 March" dates the failure)."""
    root = span.root
    if root.dep_ == "pobj":
        root = root.head
    if root.dep_ not in ("prep", "poss") or root.head.pos_ != "NOUN":
        return None
    return None if root.head.lemma_.lower() in _TIMES_OF_DAY else root.head


#: Nouns that only say when in a day: a date on them dates the verb above.
_TIMES_OF_DAY = frozenset("morning afternoon evening night hour day dawn midnight noon".split())


def _found(
    article: Article,
    sentences: Sequence[Sentence],
    index: int,
    span: Any,
    written: str,
    at: int,
    quantity: Quantity,
    context: Context,
    mask: str = "several",
) -> Found:
    """The record of a value ``written`` at offset ``at`` (``span`` in the parse) of the
    article's sentence ``index``, with its :func:`_context`; ``mask`` stands for the value
    in the sentence used for pairing. A sum or a measure counts no one: its concept is
    dropped ("put business losses at $210 million", "a $4.2 billion rescue package")."""
    sentence = sentences[index]
    offset = at - sentence.start
    claim = Claim(
        article.id, quantity.describe(), written, sentence.text, sentence.start, sentence.end
    )
    return Found(
        claim,
        quantity,
        article.source,
        "" if quantity.unit in MONEY | MEASURES else context.concept,
        context.noun,
        context.verb,
        context.subject,
        context.qualifiers,
        sentence.text[:offset] + mask + sentence.text[offset + len(written) :],
        _local(span, sentence.start, sentence.end),
        _names(span, sentence.start, sentence.end),
        context.owner,
        event=context.event,
        attribution=context.attribution,
        denied=context.denied,
        keys=context.keys,
        label=context.label,
    )


def _names(span: Any, start: int, end: int) -> frozenset[str]:
    """The proper nouns (lowercased) of the sentence at ``[start, end)``, outside ``span``."""
    tokens = span.doc.char_span(start, end, alignment_mode="expand") or ()
    return frozenset(t.lower_ for t in tokens if t.pos_ == "PROPN" and t not in span)


def _local(span: Any, start: int, end: int) -> str:
    """Up to :data:`LOCAL_WORDS` words either side of a number inside its sentence, the
    number masked: what a sentence of many numbers says about this one."""
    doc = span.doc
    before = [t for t in doc[max(0, span.start - LOCAL_WORDS) : span.start] if t.idx >= start]
    after = [t for t in doc[span.end : span.end + LOCAL_WORDS] if t.idx < end]
    return " ".join([*(t.text for t in before), "several", *(t.text for t in after)])


LOCAL_WORDS = 6


def _owner(span: Any, verb: Any) -> str:
    """The name a number belongs to: "for Vell" after it, "Vell's" before its noun, else
    the subject of ``verb`` (the verb above it) when that is a name ("Oster won 52
    percent")."""
    root = span.root
    heads = [root, root.head] if root.head != root else [root]
    for token in heads:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                names = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if names:
                    return names[0].lower_
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                return child.lower_
    subjects = [] if verb is None else [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects[0].lower_ if subjects and subjects[0].pos_ == "PROPN" else ""


def _small_count(value: float, concept: str) -> bool:
    """A whole number too small to be disputed unless it counts a concept ("one worker
    was killed"); decimals ("magnitude 6.1") are never small counts."""
    return value == int(value) and value < (1 if concept else 10)


def _number_spans(doc: Any) -> list[Any]:
    """The number phrases of a parsed text as spaCy spans: :func:`find_numbers`' and,
    where it found none, spaCy's number entities."""
    spans = [doc.char_span(a, b, alignment_mode="expand") for a, b in find_numbers(doc.text)]
    spans = [s for s in spans if s is not None]
    taken = [(s.start_char, s.end_char) for s in spans]
    for entity in doc.ents:
        if entity.label_ in _LABELS and not any(
            entity.start_char < b and a < entity.end_char for a, b in taken
        ):
            spans.append(entity)
    return sorted(spans, key=lambda s: s.start_char)


def _rate(after: str) -> frozenset[str]:
    """ "$18 million a day" counts per day."""
    match = re.match(r"\s*(?:a|an|per|each)\s+(day|week|month|year|hour)\b", after)
    return frozenset({f"per-{match.group(1)}"}) if match else frozenset()


def _is_claim(span: Any, quantity: Quantity) -> bool:
    """Whether a number phrase is a claim to compare (not a year, age, date, time…)."""
    text = span.text
    doc = span.doc
    before = doc.text[max(0, span.start_char - 12) : span.start_char]
    after = doc.text[span.end_char : span.end_char + 12]
    if quantity.unit == "votes":
        return True
    if quantity.unit == "seconds":
        return not re.match(r"[\s-]*(ago|later|earlier|old)\b", after)
    if getattr(span, "label_", "") in ("DATE", "TIME"):
        return False
    if re.search(r"\d\s*(?:[ap]m|[ap]\.m\.?)$", text, re.IGNORECASE):
        return False  # "9.15pm": a time of day
    if re.fullmatch(r"\d{1,2}:\d\d(?::\d\d)?", text.strip()):
        return False  # "the 18:40 service": a time of day
    if re.search(r"\d(?:st|nd|rd|th)\b", text) or span.root.head.lemma_ == "age":
        return False  # "the 30th minute", "aged between 16 and 70"
    if re.fullmatch(r"(?:1[89]|20|21)\d\d", text.strip()):
        return False  # a year
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return False  # "March 1", "3 March"
    if _ADDRESS.match(doc.text[span.end_char : span.end_char + 40]):
        return False  # "221 Harbour Street"
    if (
        _NOT_A_COUNT.search(before)
        or _AGE.match(after)
        or re.match(r"(?:[.:]\d\d)?\s*(?:a\.m|p\.m|am\b|pm\b|:\d|o'clock)", after)
        or re.search(r"\d:$", before)
    ):
        return False
    if re.search(r"[A-Z][\w'’-]+,\s*$", before) and re.match(r"\s*,", after):
        return False  # "Vell, 71, thanked voters": an age
    if re.match(r"\s*[-–]\s*\d", after) or re.search(r"\d\s*[-–]\s*$", before):
        return False  # a range written with a dash
    return not (span.root.dep_ == "npadvmod" and span.root.head.lemma_ == "old")


def _context(span: Any) -> Context:
    """What the number (or date) ``span`` counts (or dates)."""
    noun = _counted_noun(span)
    anchor = noun if noun is not None else span.root
    verb = _verb(anchor)
    measured = _measured_subject(span, noun, verb)
    if measured is not None:
        noun = measured
    words = {t.lemma_.lower() for t in span}
    if noun is not None:
        words.add(noun.lemma_.lower())
        words.update(c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod"))
    if verb is not None:
        words.add(verb.lemma_.lower())
        for child in verb.children:
            if child.dep_ in (*_CLOSE, "auxpass"):
                words.update(_head_words(child))
                words.update(c.lemma_.lower() for c in child.children if c.dep_ in _CLOSE)
            elif child.dep_ == "prep" and child.lower_ == "to":  # "crushed to death"
                words.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
            elif child.dep_ in ("nsubj", "nsubjpass") and noun is None:
                words.update(_head_words(child))  # "the death toll stood at 19"
    noun_class = _CLASS_OF.get(noun.lemma_.lower(), noun.lemma_.lower()) if noun is not None else ""
    if noun_class not in ("", "people"):
        words -= _PEOPLE_ONLY  # boxes "pulled" from the shelves were not rescued
    if noun_class not in _PERSONS:
        words -= _PERSONS_ONLY
    concept = _own_concept(noun) or next(
        (_CONCEPT_OF[w] for w in sorted(words) if w in _CONCEPT_OF), ""
    )
    if noun_class in _CONCEPT_OF or noun_class == "people":
        noun_class = ""  # "deaths", "people": the concept says it all
    verb_lemma = verb.lemma_.lower() if verb is not None else ""
    verb_lemma = _VERB_CLASS.get(verb_lemma, verb_lemma)
    subject = ""
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if (
            subjects
            and subjects[0].pos_ in ("NOUN", "PROPN")
            and subjects[0] not in span
            and subjects[0] != noun  # "five people were arrested": no subject but them
        ):
            subject = subjects[0].lemma_.lower()
    clause = _clause(span, noun, verb)
    return Context(
        concept,
        noun_class,
        verb_lemma,
        subject,
        _qualifiers(span, noun, verb),
        _owner(span, verb),
        " ".join(t.text for t in clause),
        _attribution(span.root),
        any(c.dep_ == "neg" for t in {span.root, anchor} for c in t.children),
        _keys(clause, noun),
        _label(span, noun, verb),
    )


def _own_concept(noun: Any) -> str:
    """The concept a word right after the counted noun gives it, however it is parsed:
    "leaving nine people dead", "three workers were killed and 11 people injured" (the
    11 were injured, whatever the verb above says)."""
    if noun is None or noun.i + 1 >= len(noun.doc):
        return ""
    after = noun.doc[noun.i + 1]
    if after.pos_ != "ADJ" and not (after.dep_ == "acl" and after.head == noun):
        return ""
    return _CONCEPT_OF.get(after.lower_) or _CONCEPT_OF.get(after.lemma_.lower(), "")


def _head_words(token: Any) -> set[str]:
    """Lemmas of a subject or object that may name what a number without a noun counts:
    the word, its modifiers and what it is "of" ("the number of dead rose to 19")."""
    words = {token.lemma_.lower()}
    for child in token.children:
        if child.dep_ in ("compound", "amod"):
            words.add(child.lemma_.lower())
        elif child.dep_ == "prep" and child.lower_ == "of":
            words.update(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return words


def _label(span: Any, noun: Any, verb: Any) -> str:
    """The subject and verb above a value as written, in sentence order ("Assad stayed",
    "the meeting happened"; a clause on a noun takes the noun, "talks set"), or its noun
    when there is no verb; weak verbs, dates and the value's own words left out."""
    words = []
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("acl", "relcl") and not any(c.pos_ != "PRON" for c in subjects):
            subjects = [verb.head]  # "talks set for November 28", "talks, which were set"
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            subject = subjects[0]
            words += [c for c in subject.children if c.dep_ == "compound"] + [subject]
        if verb.lemma_.lower() not in _WEAK_VERBS:
            words += [verb, *(c for c in verb.children if c.dep_ == "prt")]
    elif noun is not None:
        words.append(noun)
    kept = sorted(
        (w for w in words if w not in span and w.ent_type_ not in ("DATE", "TIME")),
        key=lambda t: t.i,
    )
    return " ".join(t.text for t in kept)


#: How many heads up from a number :func:`_attribution` looks for who gives it.
_ATTRIBUTION_STEPS = 8


def _attribution(token: Any) -> str:
    """Who the sentence says gives the number at ``token``: the subject of the first
    speech verb above it ("organisers said 90,000 took part", "police put the crowd at
    40,000"), the agent of a report of it ("the 72 percent announced by the commission")
    or the source of "according to"; "" when the sentence names none. A speech verb across a
    semicolon from the number is another clause's, whatever the parse says."""
    number = token
    for _ in range(_ATTRIBUTION_STEPS):
        for child in token.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_ in SPEECH_VERBS:
                agents = _objects(child, "agent")
                if agents:
                    return agents[0]
            if child.dep_ == "prep" and child.lower_ == "according":
                sources = _objects(child, "prep")
                if sources:
                    return sources[0]
        if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB" and not _across(number, token):
            subjects = [c.lemma_.lower() for c in token.children if c.dep_ == "nsubj"]
            return (subjects or _objects(token, "agent") or [""])[0]
        if token.head == token:
            break
        token = token.head
    return ""


def _across(a: Any, b: Any) -> bool:
    """Whether a semicolon stands between two tokens of a sentence."""
    low, high = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[low:high])


def _objects(token: Any, dep: str) -> list[str]:
    """The lemmas of the objects of ``token``'s ``dep`` children ("by the commission")."""
    return [
        o.lemma_.lower()
        for c in token.children
        if c.dep_ == dep
        for o in c.children
        if o.dep_ == "pobj"
    ]


#: Dependents of a verb that say what its clause is about.
_EVENT_DEPS = frozenset("nsubj nsubjpass dobj prt attr acomp oprd agent dative".split())


def _clause(span: Any, noun: Any, verb: Any) -> list[Any]:
    """The tokens of the clause a value stands in (:attr:`Context.event`), in sentence
    order and outside the value: the verb with its particle, subject and objects (each
    with its compounds) and the objects of its prepositions, dates left out; the counted
    noun and its head when there is no verb.
    "About 12,000 people took part in the march" → "people took part march"."""
    heads = [verb] if verb is not None else [t for t in (noun, span.root.head) if t is not None]
    words = set(heads)
    for head in heads:
        for child in head.children:
            if child.dep_ in _EVENT_DEPS:
                words.add(child)
            elif child.dep_ == "prep":
                words.update(c for c in child.children if c.dep_ == "pobj")
    words |= {c for w in list(words) for c in w.children if c.dep_ == "compound"}
    kept = (t for t in sorted(words, key=lambda t: t.i) if t not in span)
    return [t for t in kept if t.ent_type_ not in ("DATE", "TIME")]


def _keys(clause: Sequence[Any], noun: Any) -> frozenset[str]:
    """The lemmas of what happened around a value: its ``clause``'s common words (not
    names, stop words or weak verbs) and the ``noun`` it hangs on ("his *arrest* on
    Thursday")."""
    tokens = [*clause, *([noun] if noun is not None else [])]
    return frozenset(
        _EVENT_CLASS.get(t.lemma_.lower(), t.lemma_.lower())
        for t in tokens
        if t.pos_ in ("NOUN", "VERB", "ADJ")
        and not t.is_stop
        and t.lemma_.lower() not in _WEAK_VERBS
        and len(t.text) > 2
    )


#: Verbs that measure the same duration ("the talks lasted / went on / ran for").
_VERB_CLASS = {
    "go": "last", "continue": "last", "run": "last", "rage": "last",
    "slash": "cut", "trim": "cut", "reduce": "cut", "remove": "cut", "eliminate": "cut",
    "lower": "cut", "increase": "raise", "lift": "raise", "hike": "raise", "rise": "raise",
    "capsize": "sink",
}  # fmt: skip
#: Words that name one happening in different ways ("the fire *broke* out" / "*began*"),
#: folded for :func:`_keys`.
_EVENT_CLASS = {
    "start": "begin", "erupt": "begin", "break": "begin", "outbreak": "begin",
    "back": "approve", "endorse": "approve", "adopt": "approve", "pass": "approve",
    "approval": "approve",
    "inspection": "inspect", "inspector": "inspect", "check": "inspect", "examine": "inspect",
    "discover": "detect", "spot": "detect", "notice": "detect", "uncover": "detect",
    "detection": "detect", "discovery": "detect",
    "alert": "notify", "inform": "notify", "notification": "notify",
    "restart": "resume", "reopen": "resume",
}  # fmt: skip
#: Verbs too general to say what a number counts.
_WEAK_VERBS = frozenset({"", "be", "have", "say", "include", "make", "get", "take"})


_CLOSE = ("acomp", "oprd", "xcomp", "dobj", "attr", "prt")


def _counted_noun(span: Any) -> Any:
    """The noun a number counts: the one it modifies, the one it is worth ("deals worth
    $2 billion"), or the object of its "of"/"in" ("$2 million in aid"); else None."""
    root = span.root
    if root.pos_ == "NOUN" and root.lemma_.lower() not in _UNIT_NOUNS:
        return root
    token = root
    for _ in range(3):
        if token.head == token or token.head.pos_ in ("VERB", "AUX"):
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


#: Verbs whose subject is what the number after them measures ("turnout was 58
#: percent", "the toll stood at 19", "the recount took 31 hours").
_MEASURE_VERBS = frozenset("be stand reach hit total top take last cost number".split())
#: Verbs that set a value on their object: "police put the crowd at 65,000", "the
#: crowd was estimated at 30,000".
_ESTIMATE_VERBS = frozenset("put estimate place peg set value".split())
#: Subjects that only say "a number": what they are "of" is what is counted.
_NUMBER_NOUNS = frozenset("number figure total count tally".split())


def _measured_subject(span: Any, noun: Any, verb: Any) -> Any:
    """The subject a number is the measure of, when the number completes a verb of
    measure ("turnout was 71 percent of 1.9 million voters" counts turnout, not voters),
    or the object a verb of estimate sets it on ("police put the crowd at 65,000");
    else None."""
    lemma = "" if verb is None else verb.lemma_.lower()
    if lemma not in _MEASURE_VERBS | _ESTIMATE_VERBS:
        return None
    if noun is not None and not (noun.head.dep_ == "prep" and noun.head.head == span.root):
        return None  # the number counts a noun of its own ("58 people")
    top = span.root
    if top.head.dep_ == "prep" and top.head.lower_ == "at":  # "stood at 19"
        top = top.head
    if lemma in _ESTIMATE_VERBS:
        if top.lower_ != "at" or not (
            top.head == verb or (top.head.dep_ == "dobj" and top.head.head == verb)
        ):
            return None  # "put 300 officers on standby": the number counts its own noun
        roles: tuple[str, ...] = ("dobj", "nsubjpass")
    elif top.head != verb or top.dep_ not in ("attr", "dobj", "npadvmod", "prep"):
        return None
    else:
        roles = ("nsubj",)
    subjects = [c for c in verb.children if c.dep_ in roles and c.pos_ == "NOUN"]
    if not subjects or subjects[0].lemma_.lower() in _UNIT_NOUNS:
        return None
    subject = subjects[0]
    if subject.lemma_.lower() in _NUMBER_NOUNS:
        of = [g for c in subject.children if c.lower_ == "of" for g in c.children]
        return next((g for g in of if g.pos_ == "NOUN"), None)
    return subject


_UNIT_NOUNS = frozenset(
    "million billion thousand hundred percent dollar euro pound hour minute day week "
    "month year second kilometre kilometer mile metre meter tonne ton hectare acre "
    "km kg % m bn mn k c ° cent per half third quarter fifth tenth".split()
)


def _verb(token: Any) -> Any:
    """The verb above a token (not the token itself), at most six heads up."""
    return None if token.head == token else governing_verb(token.head, 5)


#: Words that make a number a total, before it ("a total of", "in all,") or after it in
#: its clause ("injured in total").
_TOTAL_BEFORE = re.compile(
    r"\b(?:(?:a|the)\s+total\s+of|(?:in\s+all|all\s+told|altogether),)\s+$", re.IGNORECASE
)
_TOTAL_AFTER = re.compile(
    r"[^.;,]*?\b(?:in\s+total|in\s+all|all\s+told|altogether)\b(?=\s*(?:[.,;]|$))",
    re.IGNORECASE,
)


def _qualifiers(span: Any, noun: Any, verb: Any) -> frozenset[str]:
    """Qualifier words around a number: in its phrase, its noun's, its verb's adverbs,
    and a planning verb above it with that verb's subject ("her original draft had
    proposed cutting 120 jobs")."""
    inside = {t.i for t in span}
    tokens = []
    plan = False
    if noun is not None:
        tokens += [t for t in noun.subtree if t.i < noun.i + 3]
    tokens += [c for c in span.root.children if c.dep_ == "prep"]  # "€52m, including bonuses"
    if verb is not None:
        tokens += [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep")]
        tokens += [t for c in verb.children if c.dep_ == "prep" for t in _phrase(c)]
        tokens += [  # "Marrowick alone has evacuated 4,200"
            t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.children
        ]
        above = verb.head
        if above != verb and above.pos_ == "VERB" and above.lemma_.lower() in _PLANS:
            tokens.append(above)
            plan = True
            for child in above.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    tokens += [c for c in child.children if c.dep_ == "amod"]
    tokens = [t for t in tokens if t.i not in inside]
    text = " ".join(t.lower_ for t in tokens)
    # "well above the bank's 2 percent target", "five people, including two officials":
    # words over another number qualify that number
    tokens = [
        t for t in tokens if not any(w.pos_ == "NUM" and w.i not in inside for w in t.subtree)
    ]
    found = {
        t.lower_
        for t in tokens
        if t.lower_ in QUALIFIERS and not (t.lower_ == "each" and t.nbor(1).lower_ == "other")
    }
    if _TOTAL_BEFORE.search(span.doc.text[max(0, span.start_char - 30) : span.start_char]) or (
        _TOTAL_AFTER.match(span.doc.text[span.end_char : span.sent.end_char])
    ):
        found.add("total")  # "a total of 52", "seven people injured in total"
    if any(  # "four of them", "2,400 of its 4,600 schools": part of a group
        child.dep_ == "prep" and child.lower_ == "of" and _is_group(c)
        for child in span.root.children
        for c in child.children
    ):
        found.add("of-them")
    whole = noun.head if noun is not None else span.root.head
    if (
        whole.dep_ == "prep"
        and whole.lower_ == "of"
        and whole.head.like_num
        and whole.head not in span
    ):
        found.add("whole")  # the 4,600 of "2,400 of its 4,600 schools"
    if plan:
        found.add("proposed")
    if _risen(span, noun, verb):
        found.add("risen")
    if "so far" in text:
        found.add("so-far")
    return frozenset(found)


#: Verbs of a figure that grew since it was last given.
_RISES = frozenset("rise climb jump increase grow swell mount soar".split())


def _risen(span: Any, noun: Any, verb: Any) -> bool:
    """Whether a number is what a figure rose to ("the death toll rose to seven"): an
    update of an earlier figure, another quantity than the first reports'."""
    head = (noun if noun is not None else span.root).head
    return (
        verb is not None
        and verb.lemma_.lower() in _RISES
        and head.dep_ == "prep"
        and head.lower_ == "to"
        and head.head == verb
    )


#: Dependents that open a clause of their own.
_CLAUSES = frozenset("relcl ccomp advcl acl xcomp csubj".split())


def _phrase(token: Any) -> list[Any]:
    """The subtree of ``token`` without the clauses in it: "according to figures from the
    police" of "…, who say the number is still rising"."""
    phrase = [token]
    for child in token.children:
        if child.dep_ not in _CLAUSES:
            phrase += _phrase(child)
    return phrase


def _is_group(token: Any) -> bool:
    """A pronoun or a counted noun: what "four of them", "2,400 of its 4,600 schools" take
    a part of."""
    return token.pos_ == "PRON" or any(c.dep_ == "nummod" for c in token.children)


#: How sure a comparison of differing values is, surest first: a conflict; a possible
#: conflict (paired as one quantity, but less surely than PairScorer.needs); possibly
#: different (look-alikes that may count different things).
STATUSES = ("conflict", "possible conflict", "possibly different")


def compare(
    found: Sequence[Found], cosines: Any, scorer: PairScorer | None = None
) -> tuple[list[Comparison], list[Comparison]]:
    """(conflicts and possibly-different pairs, agreements) among different outlets;
    ``cosines[:, i, j]`` are how alike the masked sentences, surroundings and clauses of
    ``found[i]`` and ``found[j]`` are."""
    scorer = scorer or PairScorer()
    pairs = _pairs(found, cosines, scorer) | dict.fromkeys(_disputes(found), 1.0)
    sure = {pair for pair, chance in pairs.items() if chance >= scorer.sure}
    conflicts: list[Comparison] = []
    agreements: list[Comparison] = []
    shown: set[int] = set()
    for group in components(len(found), lambda i, j: (i, j) in pairs):
        if len(group) < 2:
            continue
        for part in _sure_parts(group, found, sure):
            for disputed in _disputed(part, found, pairs):
                members = [found[i] for i in disputed]
                edges = [
                    (found[i], found[j]) for i in disputed for j in disputed if (i, j) in pairs
                ]
                if _conflicting(members, edges):
                    status = _status(edges, _certainty(disputed, found, pairs), scorer)
                    conflicts.append(Comparison(_topic(members), status, _claims(members)))
                    shown.update(disputed)
        agreements.extend(_agreements(group, found, pairs))
    conflicts.extend(_possibly_different(found, sure, shown))
    return sorted(conflicts, key=lambda c: STATUSES.index(c.status)), agreements


def _status(edges: Sequence[tuple[Found, Found]], certainty: float, scorer: PairScorer) -> str:
    """Which of :data:`STATUSES` paired claims with conflicting values get, ``certainty``
    being how surely they hold one quantity (:func:`_certainty`)."""
    if not _one_event(edges):
        return "possibly different"
    if certainty >= scorer.needs(pair_kind(*edges[0])):
        return "conflict"
    return "possible conflict" if _one_measure(edges) else "possibly different"


def _disputes(found: Sequence[Found]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of two numbers one sentence gives for the same thing from two
    sources ("organisers said 90,000 took part; the ministry put the figure at 12,000") or
    while rejecting one ("barely 55 percent, not the 72 percent announced"): a dispute
    the outlet itself reports, which links the outlets that give either figure."""
    pairs = []
    for (i, a), (j, b) in combinations(enumerate(found), 2):
        if (a.claim.article, a.claim.start) != (b.claim.article, b.claim.start):
            continue
        if a.quantity.unit in DATE_UNITS or not a.quantity.conflicts(b.quantity):
            continue
        if a.quantity.unit != b.quantity.unit or a.qualifiers != b.qualifiers:
            continue
        if (a.concept and b.concept and a.concept != b.concept) or (
            a.noun and b.noun and a.noun != b.noun
        ):
            continue  # "12 soldiers were wounded; officials put the figure at 20" is one
        sources = {a.attribution, b.attribution}
        if a.denied or b.denied or ("" not in sources and len(sources) == 2):
            pairs.append((i, j))
    return pairs


def _sure_parts(
    group: Sequence[int], found: Sequence[Found], sure: Set[tuple[int, int]]
) -> list[list[int]]:
    """The parts of a paired group a conflict is judged on: those its ``sure`` pairs (of at
    least :attr:`PairScorer.sure`, or a dispute one sentence reports) hold together,
    so that a weakly paired day of another event ("the village was emptied on Monday")
    cannot make an outlet seem to date one event twice, nor a weak pair join two
    disputes."""
    parts = components(len(group), lambda a, b: (group[a], group[b]) in sure)
    return [[group[k] for k in part] for part in parts if len(part) > 1]


def _disputed(
    part: Sequence[int], found: Sequence[Found], pairs: Mapping[tuple[int, int], float]
) -> list[list[int]]:
    """The conflicts of a part of paired claims: each pair of conflicting values with the
    claims paired to either that state the same value; conflicts sharing a claim are one
    (14, 9 and 12 dead). Pairing chains through loose values ("more than half" pairs with
    55 and with 52 percent), so a whole part could hold two disputes. Dates stay one part."""
    if found[part[0]].quantity.unit in DATE_UNITS:
        return [list(part)]  # see _conflicting: an outlet's two dates veto the part
    edges = [(i, j) for i, j in combinations(sorted(part), 2) if (i, j) in pairs]
    alike: dict[int, set[int]] = {i: {i} for i in part}
    for i, j in edges:
        if found[i].quantity.agrees(found[j].quantity):
            alike[i].add(j)
            alike[j].add(i)
    disputes = [
        sorted(alike[i] | alike[j])
        for i, j in edges
        if found[i].quantity.conflicts(found[j].quantity)
    ]
    linked = components(len(disputes), lambda a, b: bool(set(disputes[a]) & set(disputes[b])))
    return [sorted({i for k in group for i in disputes[k]}) for group in linked]


def _agreements(
    group: Sequence[int], found: Sequence[Found], pairs: Mapping[tuple[int, int], float]
) -> list[Comparison]:
    """The values of one paired group that at least two outlets state alike."""

    def agree(a: int, b: int) -> bool:
        i, j = group[a], group[b]
        return (i, j) in pairs and found[i].quantity.agrees(found[j].quantity)

    result = []
    for cluster in components(len(group), agree):
        same = [found[group[k]] for k in cluster]
        if len({x.source for x in same}) >= 2:
            result.append(Comparison(_topic(same), "agreement", _claims(same)))
    return result


def _pairs(
    found: Sequence[Found], cosines: Any, scorer: PairScorer
) -> dict[tuple[int, int], float]:
    """Index pairs (i < j) of claims paired across outlets, with the scorer's probability
    that they count the same thing: for each two outlets, the one-to-one pairing with the
    most probability among pairs of at least :attr:`PairScorer.pair`."""
    pairs: dict[tuple[int, int], float] = {}
    by_source: dict[str, list[int]] = {}
    for index, item in enumerate(found):
        by_source.setdefault(item.source, []).append(index)
    for first, second in combinations(sorted(by_source), 2):
        rows, cols = by_source[first], by_source[second]
        weight = np.zeros((len(rows), len(cols)))
        for r, i in enumerate(rows):
            for c, j in enumerate(cols):
                if found[i].quantity.unit == found[j].quantity.unit:
                    differ = found[i].quantity.conflicts(found[j].quantity)
                    if differ and _far_apart(found[i].quantity, found[j].quantity):
                        continue
                    kind = pair_kind(found[i], found[j])
                    chance = scorer.chance(found[i], found[j], cosines[:, i, j])
                    if chance >= scorer.needed(kind, differ):
                        weight[r, c] = chance
        for r, c in zip(*linear_sum_assignment(weight, maximize=True), strict=True):
            if weight[r, c] > 0:
                pairs[min(rows[r], cols[c]), max(rows[r], cols[c])] = float(weight[r, c])
    return pairs


#: How far apart two dates of one happening, told differently, may lie, in their unit's
#: steps (days, months, years).
_FARTHEST = {"date:day": 31, "date:week": 31, "date:month": 12, "date:year": 3}


def _far_apart(a: Quantity, b: Quantity) -> bool:
    """Whether two dates lie too far apart to be one happening dated two ways (a visit
    in October 2015, the meeting "yesterday" in 2017): outlets that disagree on a day
    disagree by days, not by years."""
    farthest = _FARTHEST.get(a.unit)
    return farthest is not None and abs(a.nominal - b.nominal) > farthest


#: What :class:`PairScorer` weighs about two claims of different outlets in one unit.
PAIR_FEATURES = (
    "cosine",  # MiniLM cosine of their sentences, numbers masked
    "local",  # MiniLM cosine of the words around the numbers
    "sure",  # Found.match says surely the same thing (concept and noun, or verb)
    "unsure",  # Found.match says maybe (one names no noun, or the verbs differ)
    "same_concept",  # both count one concept ("killed")
    "other_concept",  # their concepts differ
    "same_noun",  # both count one class of noun
    "other_noun",  # both name a counted noun, of different classes
    "same_verb",  # one verb, not a weak one ("be", "have", "say")
    "same_subject",  # one subject noun
    "other_subject",  # two different subject nouns
    "same_owner",  # the number belongs to the same name ("Vell's", "for Vell")
    "other_owner",  # to two different names
    "other_qualifiers",  # "first" / "total", "proposed" / none, …
    "names",  # Jaccard overlap of the sentences' proper nouns
    "ratio",  # |ln(a / b)| of the values (ln(1 + days) of dates), at most 3
    "agree",  # the values state the same fact
    "same_period",  # their sentences name days or months that overlap ("on Thursday")
    "other_period",  # both name some, none overlap: a toll by Wednesday, another Thursday
    "event",  # MiniLM cosine of their clauses' words (Found.event)
    "early",  # 1 - the later of their positions in their articles (Found.position)
    "rank_apart",  # how many values of the unit apart they stand (Found.rank), at most 3
    "both_first",  # each is the first value of the unit its article states
    "same_happening",  # one concept, subject or word of what happened (Found.same_event)
)


def pair_features(a: Found, b: Found, cosine: float, local: float, event: float) -> np.ndarray:
    """:data:`PAIR_FEATURES` of two claims (one unit, different outlets); ``cosine``,
    ``local`` and ``event`` are how alike their masked sentences, surroundings and clauses
    are."""
    match = a.match(b)
    low, high = sorted(max(abs(x.quantity.nominal), 1e-9) for x in (a, b))
    apart = np.log1p(high - low) if a.quantity.unit in DATE_UNITS else np.log(high / low)
    union = a.names | b.names
    return np.array(
        [
            cosine,
            local,
            match == 2,
            match == 1,
            bool(a.concept) and a.concept == b.concept,
            a.concept != b.concept,
            bool(a.noun) and a.noun == b.noun,
            bool(a.noun and b.noun) and a.noun != b.noun,
            a.verb == b.verb and a.verb not in _WEAK_VERBS,
            bool(a.subject) and a.subject == b.subject,
            bool(a.subject and b.subject) and a.subject != b.subject,
            bool(a.owner) and a.owner == b.owner,
            bool(a.owner and b.owner) and a.owner != b.owner,
            a.qualifiers != b.qualifiers,
            len(a.names & b.names) / len(union) if union else 0.0,
            min(3.0, float(apart)),
            a.quantity.agrees(b.quantity),
            _overlap(a.periods, b.periods),
            bool(a.periods and b.periods) and not _overlap(a.periods, b.periods),
            event,
            1.0 - max(a.position, b.position),
            min(3, abs(a.rank - b.rank)),
            a.rank == b.rank == 0,
            a.same_event(b),
        ],
        dtype=float,
    )


#: The kinds of claim pair :class:`PairScorer` weighs apart.
PAIR_KINDS = ("numbers", "dates")


def pair_kind(a: Found, b: Found) -> str:
    """Which of :data:`PAIR_KINDS` two claims of one unit make."""
    return "dates" if a.quantity.unit in DATE_UNITS else "numbers"


@dataclass(frozen=True)
class Regression:
    """Logistic weights over :data:`PAIR_FEATURES` and a bias."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, features: np.ndarray) -> float:
        return float(1.0 / (1.0 + np.exp(-(features @ np.asarray(self.weights) + self.bias))))


@dataclass(frozen=True)
class PairScorer:
    """The probability that two claims count the same quantity of the same event: one
    logistic regression over :data:`PAIR_FEATURES` per :data:`PAIR_KINDS`. Claims pair at
    ``pair`` or more, and at ``conflict`` (``date_conflict`` for dates) or more when their
    values conflict (a false conflict costs more than a missed one); pairs of ``sure`` or
    more hold the parts together that conflicts are judged on (:func:`_sure_parts`); a
    conflict is reported as one when its certainty (:func:`_certainty`) reaches
    ``certain`` (``date_certain`` for dates), else as a possible conflict (precision first:
    see docs/analysis.md; outlets' days of one happening are the least certain). The
    defaults come from ``benchmarks/train_claim_pairs.py`` (fitted on the dev stories;
    docs/analysis.md)."""

    models: Mapping[str, Regression] = field(default_factory=lambda: dict(_FITTED))
    pair: float = 0.5
    conflict: float = 0.5
    date_conflict: float = 0.6
    sure: float = 0.5
    certain: float = 0.9
    date_certain: float = 0.9

    def probability(self, features: np.ndarray, kind: str) -> float:
        return self.models[kind].probability(features)

    def chance(self, a: Found, b: Found, cosines: Sequence[float]) -> float:
        """The probability that ``a`` and ``b`` count the same quantity, ``cosines``
        being how alike their masked sentences, surroundings and clauses are."""
        return self.probability(pair_features(a, b, *cosines), pair_kind(a, b))

    def needed(self, kind: str, differ: bool) -> float:
        """The probability a pair of ``kind`` needs, its values conflicting or not."""
        if not differ:
            return self.pair
        return self.date_conflict if kind == "dates" else self.conflict

    def needs(self, kind: str) -> float:
        """The certainty a conflict of ``kind`` needs to be reported as one."""
        return self.date_certain if kind == "dates" else self.certain


_FITTED: dict[str, Regression] = {
    "numbers": Regression(
        (2.246, 2.497, 0.269, 0.085, -0.493, -2.061, 0.351, -0.07, -0.303, -0.714,
         -0.299, 0.94, -1.508, -0.795, -0.544, -1.695, 2.619, -0.063, -0.579, 0.574,
         2.085, -0.228, 1.063, 0.549),
        -2.208,
    ),
    "dates": Regression(
        (3.051, 2.953, -0.112, 0.108, -0.604, -0.921, -1.366, -1.008, 0.684, -1.155,
         -0.571, 1.788, -0.733, -0.427, -0.649, -0.879, 0.917, -1.387, -0.036, 1.955,
         2.237, -0.407, -0.428, 1.164),
        -2.901,
    ),
}  # fmt: skip


def _conflicting(members: Sequence[Found], edges: Sequence[tuple[Found, Found]]) -> bool:
    """Whether paired claims conflict. An outlet may give two of the group's numbers: one
    that reports another's figure beside its own ("82 percent, the union said; the
    ministry said a third") shows the dispute itself. An outlet that gives two of its
    dates dates two events ("met on Monday", "the summit on Wednesday"), so the group
    holds two quantities, not a conflict."""
    if members[0].quantity.unit in DATE_UNITS:
        for source in {m.source for m in members}:
            own = [m for m in members if m.source == source]
            if any(a.quantity.conflicts(b.quantity) for a, b in combinations(own, 2)):
                return False
    return any(a.quantity.conflicts(b.quantity) for a, b in edges)


def _certainty(
    members: Sequence[int], found: Sequence[Found], pairs: Mapping[tuple[int, int], float]
) -> float:
    """How surely a group of paired claims holds one quantity stated two ways: the chance
    that at least one of its pairs whose values conflict is right (1 - the product of
    their doubts), so that a figure two outlets dispute with a third is surer than one
    pair alone."""
    doubt = 1.0
    for (i, j), chance in pairs.items():
        if i in members and j in members and found[i].quantity.conflicts(found[j].quantity):
            doubt *= 1.0 - chance
    return 1.0 - doubt


def _one_event(edges: Sequence[tuple[Found, Found]]) -> bool:
    """Whether a conflicting pair of claims surely counts or dates one thing: numbers are
    paired by what they count, but a figure that rose since ("the toll rose to seven")
    is a later count than one that did not; two days must name the same happening
    (:meth:`Found.same_event`), both as done or both as due ("will meet on Thursday" /
    "began meeting this afternoon": plans change) and neither as a day it went on, or
    they are shown as possibly different."""
    return any(
        a.quantity.conflicts(b.quantity)
        and all((word in a.qualifiers) == (word in b.qualifiers) for word in _UPDATES)
        and (a.quantity.unit not in DATE_UNITS or a.same_event(b))
        and not {"ongoing"} & (a.qualifiers | b.qualifiers)
        for a, b in edges
    )


#: Qualifiers that make two values of one thing two moments of it (:func:`_one_event`).
_UPDATES = ("risen", "ahead", "former")


def _one_measure(edges: Sequence[tuple[Found, Found]]) -> bool:
    """Whether a conflicting pair, short of certain, may be one quantity: durations only
    when they measure one thing ("the talks lasted three hours" / "he stayed four hours"
    are two, :meth:`Found.match`)."""
    return any(
        a.quantity.conflicts(b.quantity) and (a.quantity.unit != "seconds" or a.match(b) > 0)
        for a, b in edges
    )


def _possibly_different(
    found: Sequence[Found], settled: Set[tuple[int, int]], shown: Set[int] = frozenset()
) -> list[Comparison]:
    """Look-alike claims of different outlets with different values, not surely paired
    (``settled``: too weakly paired to judge a conflict on, or not at all); each group
    holds claims linked by such look-alike pairs. Two claims paired to one loose value
    ("330,000" and "400,000", both to "more than 330,000") are shown too; two claims
    both ``shown`` side by side already are not shown again."""
    partners: dict[int, set[int]] = {}
    for i, j in settled:
        partners.setdefault(i, set()).add(j)
        partners.setdefault(j, set()).add(i)

    def alike(i: int, j: int) -> bool:
        a, b = found[i], found[j]
        if a.source == b.source or a.loose != b.loose or not a.loose[1]:
            return False
        if (i, j) in settled or not a.quantity.conflicts(b.quantity) or {i, j} <= shown:
            return False
        theirs = partners.get(i, set()), partners.get(j, set())
        if all(theirs) and not theirs[0] & theirs[1] and a.match(b) == 2:
            return False  # each has its own counterpart
        low, high = sorted(abs(x.quantity.nominal) for x in (a, b))
        return high <= 3 * low  # "four hours" and "two years" do not look alike

    groups = [g for g in components(len(found), alike) if len(g) >= 2]
    return [
        Comparison(
            _topic([found[i] for i in g]), "possibly different", _claims([found[i] for i in g])
        )
        for g in groups
    ]


def _topic(group: Sequence[Found]) -> str:
    first = group[0]
    if first.quantity.unit == "votes":
        return "vote tally"
    if first.quantity.unit in DATE_UNITS:  # "day: the landslide hit"
        return f"{first.quantity.unit.removeprefix('date:')}: {_common_label(group) or 'event'}"
    words = [first.noun or first.subject, first.concept]
    if not first.concept and not first.noun:
        words.append(first.verb)
    if first.quantity.unit == "seconds":
        words = [_common_label(group) or first.verb, "(duration)"]
    elif first.quantity.unit and first.quantity.unit not in ("%",):
        words.append(f"({first.quantity.unit})")
    return " ".join(w for w in words if w) or "value"


def _common_label(group: Sequence[Found]) -> str:
    """The label (:attr:`Found.label`) of what most outlets of a group name, by its last
    word (the verb, or the noun: "Iran declared", "President Hassan Rohani declared"),
    the earliest on a tie, and of those the shortest that names a subject: a day many
    happenings share is named after the one most outlets date."""
    outlets: dict[str, set[str]] = {}
    for item in group:
        if item.label:
            outlets.setdefault(_last_word(item.label), set()).add(item.source)
    if not outlets:
        return ""
    best = max(outlets, key=lambda word: len(outlets[word]))  # the first of equals
    labels = [x.label for x in group if x.label and _last_word(x.label) == best]
    return min(labels, key=lambda label: (" " not in label, len(label)))


def _last_word(label: str) -> str:
    return label.rsplit(maxsplit=1)[-1].lower()


def _claims(group: Sequence[Found]) -> tuple[Claim, ...]:
    return tuple(sorted((i.claim for i in group), key=lambda c: (c.article, c.start)))


def story_claims(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    docs: Mapping[str, Any],
    mentions: Sequence[tuple[DatedMention, Event, str]],
    embedder: Embedder,
) -> tuple[list[Comparison], list[Comparison]]:
    """(conflicts incl. possibly different, agreements) among a story's articles;
    ``mentions`` are their resolved date mentions."""
    found = story_found(articles, sentences, docs, mentions)
    if not found:
        return [], []
    return compare(found, claim_cosines(found, embedder))


def story_found(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    docs: Mapping[str, Any],
    mentions: Sequence[tuple[DatedMention, Event, str]],
) -> list[Found]:
    """The number and date claims of a story's articles, with the periods their
    sentences date (:func:`with_periods`): what :func:`compare` pairs."""
    found = [
        claim
        for a in articles
        for claim in (
            find_claims(a, docs[a.id], sentences[a.id])
            + find_date_claims(a, docs[a.id], sentences[a.id], mentions)
        )
    ]
    return with_order(with_periods(found, mentions), articles)


def with_periods(
    found: Sequence[Found], mentions: Sequence[tuple[DatedMention, Event, str]]
) -> list[Found]:
    """``found`` with the periods (first and last day, as ordinals) that each claim's
    sentence dates besides the claim itself (:attr:`Found.periods`): a count "by Wednesday"
    and one "on Thursday", or inflation "in March" and "in April", are two quantities."""
    named: dict[tuple[str, int], list[tuple[int, tuple[int, int]]]] = {}
    for mention, _, _ in mentions:
        if mention.date is not None and mention.precision:
            period = _period(mention.date, mention.precision)
            named.setdefault((mention.article, mention.start), []).append(
                (mention.mention_start, period)
            )
    result = []
    for item in found:
        own = _at(item)
        periods = named.get((item.claim.article, item.claim.start), [])
        result.append(replace(item, periods=frozenset(p for at, p in periods if at != own)))
    return result


def with_order(found: Sequence[Found], articles: Sequence[Article]) -> list[Found]:
    """``found`` with where each claim stands in its article (:attr:`Found.position`,
    :attr:`Found.rank`). Outlets tell a story top down: the figures a lede gives are the
    ones the other outlets give too, and in much the same order, so "the first sum of
    money" of two articles is likely one quantity."""
    length = {a.id: max(1, len(a.text)) for a in articles}
    order = sorted(range(len(found)), key=lambda k: (found[k].claim.article, _at(found[k])))
    seen: dict[tuple[str, str], list[Quantity]] = {}
    placed: dict[int, Found] = {}
    for k in order:
        item = found[k]
        values = seen.setdefault((item.claim.article, item.quantity.unit), [])
        rank = next((r for r, v in enumerate(values) if v.agrees(item.quantity)), len(values))
        if rank == len(values):
            values.append(item.quantity)
        position = item.claim.start / length.get(item.claim.article, 1)
        placed[k] = replace(item, position=min(1.0, position), rank=rank)
    return [placed[k] for k in range(len(found))]


def _at(item: Found) -> int:
    """Where a claim's expression starts in its article."""
    return item.claim.start + item.claim.text.find(item.claim.expression)


def _period(date: dt.date, precision: str) -> tuple[int, int]:
    """The first and last day (ordinals) of the day, week, month or year of ``date``."""
    if precision == "week":
        first = date - dt.timedelta(days=date.weekday())
        return first.toordinal(), first.toordinal() + 6
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return date.replace(day=1).toordinal(), date.replace(day=last).toordinal()
    if precision == "year":
        return dt.date(date.year, 1, 1).toordinal(), dt.date(date.year, 12, 31).toordinal()
    return date.toordinal(), date.toordinal()


def _overlap(a: frozenset[tuple[int, int]], b: frozenset[tuple[int, int]]) -> bool:
    return any(x0 <= y1 and y0 <= x1 for x0, x1 in a for y0, y1 in b)


def claim_cosines(found: Sequence[Found], embedder: Embedder) -> np.ndarray:
    """Array [3, n, n]: MiniLM cosines of the claims' masked sentences, surroundings and
    clauses."""
    vectors = [embedder.encode([getattr(f, key) for f in found]) for key in _ENCODED]
    return np.stack([v @ v.T for v in vectors])


_ENCODED = ("masked", "local", "event")
