"""The story's timeline: dated events in order, each with every sentence that dates it.

Each article's date expressions are resolved against its *anchor*, the day it was
published:

- a date from the article's metadata or dateline is its publication day;
- a caption date is the day of a photo, the event's day, and an article without a date
  takes the story's; either is only a starting point: the anchor is the day, from two
  days before it to six after, whose reading fits the dated articles best (its lead on
  the day theirs lead with, a "last week" in its lead holding that day, no weekday
  before the story began) and then makes the article's weekday mentions hang together
  most tightly ("the Kremlin said on Tuesday" about a Monday meeting was written on
  Tuesday);
- with no date anywhere in the story, the latest full date the article writes.

A mention's *event* is the verb (or noun, "Monday's meeting") its date attaches to, with
the names and nouns around that word. Mentions of one date and one event (or very close
sentences, or one sentence) become one entry; one event given different days by different
outlets (or twice in one article) is flagged on the entry. The same resolved mentions are
the claims module's dates: it compares them across outlets, with what they date, as it
compares numbers (:func:`storyline.analyze.claims.find_date_claims`).

An article's *lead date* is the first day-precise date in its first two sentences that
dates an event (not a statement, a state such as "remained on strike", or a bound such
as "by Wednesday"); the anchors of undated articles line it up with the dated ones'.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.dates import find_dates, last_day
from storyline.analyze.groups import components
from storyline.analyze.nlp import SPEECH_VERBS, governing_verb
from storyline.embed import Embedder
from storyline.ingest.dates import WEEKDAYS
from storyline.model import Article, DatedMention, Sentence, TimelineEntry

PUBLISHED = ("metadata", "dateline")
#: An article's lead is its first sentences, this many.
LEAD_SENTENCES = 2
#: Verbs of a state, not an event: their date says when the state held.
_STATES = frozenset("remain stay be miss continue wait".split())
#: Sentences this close (MiniLM cosine) with one date are one timeline entry.
SAME_ENTRY_COSINE = 0.7
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "attr")


@dataclass(frozen=True)
class Event:
    """What a date mention dates: a word's lemma and the lemmas of its arguments."""

    word: str
    arguments: frozenset[str]
    speech: bool
    verb: bool = True  # False for a noun ("Monday's meeting") or a bound ("until Tuesday")
    bound: str = ""  # "until", "since", "by"… before the date
    possessive: bool = False  # "from Saturday's crush": the date is the crush's, no bound


def anchors(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    docs: Mapping[str, Any],
) -> dict[str, dt.date | None]:
    """The publication day to resolve each article's relative dates against."""
    published = [a.date for a in articles if a.date and a.date_from in PUBLISHED]
    others = [a.date for a in articles if a.date and a.date_from not in PUBLISHED]
    story = _median(published) or (min(others) if others else None)
    dated = {a.id: a.date for a in articles if a.date and a.date_from in PUBLISHED}
    told = _story(articles, sentences, docs, dated)
    result: dict[str, dt.date | None] = dict(dated)
    for article in articles:
        if article.id in result:
            continue
        base = article.date or story or _latest_full_date(sentences[article.id])
        result[article.id] = base and _tightest(base, sentences[article.id], docs[article.id], told)
    return result


def _lead_day(sentences: Sequence[Sentence], doc: Any, anchor: dt.date) -> dt.date | None:
    """The day an article's lead dates, read against ``anchor``."""
    lead = _lead(_mentions("", sentences[:LEAD_SENTENCES], doc, anchor))
    return lead[0].date if lead is not None else None


def _lead(
    items: Iterable[tuple[DatedMention, Event, str]],
) -> tuple[DatedMention, Event, str] | None:
    """An article's lead date: the first of its opening mentions that dates an event."""
    return next((item for item in items if _dates_event(item[0], item[1])), None)


def _mentions(
    article: str, sentences: Sequence[Sentence], doc: Any, anchor: dt.date | None
) -> Iterator[tuple[DatedMention, Event, str]]:
    """Each date mention of ``sentences`` resolved against ``anchor``, with its event
    and its sentence's text; "two days earlier" counts from the last day named before."""
    last: dt.date | None = None
    for sentence in sentences:
        found = find_dates(sentence.text, anchor, sentence.start, looks_ahead(doc), last)
        last = last_day(found, last)
        for m in found:
            dated = DatedMention(
                article,
                sentence.start,
                sentence.end,
                m.text,
                m.start,
                m.end,
                m.value,
                m.precision,
                m.note,
            )
            yield dated, event_of(doc, m.start, m.end), sentence.text


def _median(dates: Sequence[dt.date]) -> dt.date | None:
    if not dates:
        return None
    return dt.date.fromordinal(math.ceil(statistics.mean(d.toordinal() for d in dates)))


def _latest_full_date(sentences: Sequence[Sentence]) -> dt.date | None:
    days = [
        m.value
        for s in sentences
        for m in find_dates(s.text, None, s.start)
        if m.value and m.precision == "day" and not m.relative
    ]
    return max(days, default=None)


@dataclass(frozen=True)
class Story:
    """What the dated articles of a story say happened when: the days their leads date
    (with how many leads) and the first day they date in the week before their
    publication."""

    leads: Counter[dt.date]
    first: dt.date | None

    def evidence(
        self,
        mentions: Sequence[tuple[DatedMention, Event, str]],
        lead: dt.date | None,
        lead_end: int = 0,
    ) -> int:
        """How well an undated article's mentions, read against one anchor, fit the
        story (higher is better):

        - its lead on the day of a dated article's lead (+2 for each such article), or
          else a day from one (+1: outlets date one night's happening a day apart);
        - a week in its lead sentences (up to ``lead_end``) holding such a day ("last
          week's collision", +2);
        - each weekday falling more than a day before the story's first day (-2): a
          weekday names a day of the story's week, not one before it began.
        """
        score = 0
        if lead:
            near = any(self.leads[lead + dt.timedelta(days=k)] for k in (-1, 1))
            score = 2 * self.leads[lead] or int(near)
        for mention, _, _ in mentions:
            if mention.date is None:
                continue
            if mention.precision == "week" and mention.start < lead_end:
                week = range(mention.date.toordinal(), mention.date.toordinal() + 7)
                score += 2 * any(day.toordinal() in week for day in self.leads)
            if mention.precision != "day":
                continue
            weekday = mention.mention.lower().split()[-1] in WEEKDAYS
            if weekday and self.first and (self.first - mention.date).days > 1:
                score -= 2
        return score


def _story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    docs: Mapping[str, Any],
    published: Mapping[str, dt.date],
) -> Story:
    """The story as its dated articles tell it; a lead on a day after its article's
    ("rationing starts on Monday") announces, it does not date the story."""
    leads: Counter[dt.date] = Counter()
    recent: list[dt.date] = []
    for i, day in published.items():
        lead = _lead_day(sentences[i], docs[i], day)
        if lead is not None and lead <= day:
            leads[lead] += 1
        recent += [
            mention.date
            for mention, _, _ in _mentions(i, sentences[i], docs[i], day)
            if mention.date and mention.precision == "day" and 0 <= (day - mention.date).days < 7
        ]
    return Story(leads, min(recent, default=None))


def _tightest(base: dt.date, sentences: Sequence[Sentence], doc: Any, story: Story) -> dt.date:
    """The day from ``base`` to six days after it that keeps the article's day-precise
    relative mentions (with ``base``) in the shortest span; the earliest on a tie. When
    the article's mentions fit the dated articles better read against some anchors
    than others (:meth:`Story.evidence`: "the quake struck yesterday" where they date
    the quake), the anchor (from two days before ``base``) is one of those."""

    def span(anchor: dt.date) -> int:
        days = [base] + [
            m.value
            for s in sentences
            for m in find_dates(s.text, anchor, s.start, looks_ahead(doc))
            if m.value and m.precision == "day" and m.relative
        ]
        return (max(days) - min(days)).days

    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].end if sentences else 0

    def fit(anchor: dt.date) -> int:
        mentions = list(_mentions("", sentences, doc, anchor))
        lead = _lead(item for item in mentions if item[0].start < lead_end)
        return story.evidence(mentions, lead[0].date if lead is not None else None, lead_end)

    candidates = [base + dt.timedelta(days=k) for k in range(-2, 7)]
    return min(candidates, key=lambda day: (-fit(day), day < base, span(day), day))


def looks_ahead(doc: Any) -> Any:
    """A ``find_dates`` hook: a clause with "will" or "would", an infinitive ("agreed
    to meet in March") and a present-tense clause ("Putin hosts the summit on
    Wednesday", unless its verb reports speech) look ahead; a past-tense verb looks
    back."""

    def check(position: int) -> bool | None:
        span = doc.char_span(position, position + 1, alignment_mode="expand")
        if span is None:
            return None
        token = span[0]
        bound = token.lower_ if token.dep_ == "prep" else ""
        if token.dep_ == "prep":  # "on Thursday": the date is the preposition's object
            token = next((c for c in token.children if c.dep_ == "pobj"), token)
        if token.dep_ == "poss" and token.head.pos_ == "NOUN":
            return _thing_ahead(token.head)  # "reopens Wednesday's vote": not the verb's
        if _dates_a_thing(token):
            own = _AFTER.get(token.head.lower_)  # "no relief before October": ahead
            thing = token.head.head  # "following his arrest on Thursday": the past
            return own if own is not None else _thing_ahead(thing)
        verb = governing_verb(span[0], 8)
        return None if verb is None else _verb_ahead(verb, bound)

    return check


def _verb_ahead(verb: Any, bound: str = "") -> bool | None:
    """Whether a verb's clause speaks of the future (True), the past (False) or neither
    (None); ``bound`` is the preposition before the date ("until")."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.lemma_ != "be" and auxiliaries & {"will", "would", "'ll", "shall"}:
        return True  # "will meet", "would be held"
    bare = verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in auxiliaries)  # "be lost"
    if bare and auxiliaries & {"must", "should", "may", "might"}:
        return True  # "must decide by Friday", "may strike on Monday"
    reported = verb.head.tag_ in ("VBD", "VBN") and verb.dep_ == "ccomp"
    if bare and auxiliaries & {"could", "can"} and (bound == "by" or reported):
        return True  # "could be lost by Friday", "were told they could return on Thursday"
    if verb.tag_ == "VBG" and auxiliaries & {"is", "are", "am", "'s", "'re"}:
        return verb.lemma_ not in SPEECH_VERBS or None  # "is demanding a ransom by Friday"
    if verb.tag_ == "VBN" and auxiliaries & {"is", "are"} and _intends(verb):
        return True  # "an election in January is widely expected"
    if verb.lemma_ != "be" and verb.tag_ == "VB" and "to" in auxiliaries:
        return _infinitive_ahead(verb)
    if verb.tag_ == "VBG" and verb.lemma_ in ("start", "begin") and verb.dep_ != "ROOT":
        return True  # "three days of mourning starting on Monday"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries & {"was", "were", "had"}):
        return False  # "was recovered on Friday", "had left on Monday"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxiliaries and not _intends(verb):
        return False  # "after a recount completed on Friday", not "a vote scheduled for May"
    perfect = verb.tag_ == "VBN" and auxiliaries & {"has", "have", "'ve"}
    if perfect and (bound in ("until", "till") or _intends(verb)):
        return True  # "has suspended sailings until Monday", "has called a rally on Sunday"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in SPEECH_VERBS and verb.lemma_ != "be":
        return True
    return None


#: Verbs of intent: what they plan, call or promise lies ahead of them ("agreed to meet
#: in March", "has called a rally on Sunday").
_INTENT = frozenset(
    "agree plan vow promise pledge decide vote want hope expect intend aim threaten "
    "prepare seek ask urge order schedule set propose offer choose resolve arrange "
    "call invite tell wish need move chose sought told".split()
)


def _intends(verb: Any) -> bool:
    """Whether a verb is one of intent (by lemma, or its past form less "-d"/"-ed", as
    the lemmatizer reads "hoped" as "hop")."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word, word.removesuffix("d"), word.removesuffix("ed")}
    return bool(forms & _INTENT)


def _infinitive_ahead(verb: Any) -> bool:
    """An infinitive looks ahead ("agreed to meet in March", "is due to open"), except
    under a past verb that is no intention: "declined to comment on Monday", "failed to
    reach orbit late Tuesday" and "met to approve the rise on Tuesday" happened then."""
    head = verb.head
    past = head.tag_ == "VBD" and verb.dep_ in ("xcomp", "advcl")
    return not (past and not _intends(head))


def _thing_ahead(thing: Any) -> bool | None:
    """Whether a dated noun lies ahead, from the preposition it is the object of:
    "following his arrest on Thursday" behind, "ahead of the election in September"
    ahead."""
    if thing.dep_ != "pobj":
        return None
    preposition = thing.head
    if preposition.lower_ in ("of", "to") and preposition.head.lower_ in _AFTER:
        preposition = preposition.head  # "ahead of", "prior to"
    if preposition.lower_ in _AFTER:
        return _AFTER[preposition.lower_]
    if preposition.head.pos_ == "VERB":  # "has called a rally in the capital on Sunday"
        return _verb_ahead(preposition.head)
    if _misread_verb(preposition.head):  # "before Mr Putin hosts talks on Wednesday"
        return True
    return None


def _misread_verb(token: Any) -> bool:
    """Whether a word tagged a plural noun has a subject or an object: a present-tense verb
    ("before Mr Putin *hosts* the leaders")."""
    return token.tag_ == "NNS" and any(c.dep_ in ("nsubj", "dobj") for c in token.children)


#: Prepositions whose object happened before (False) or will happen after (True).
_AFTER = {
    "following": False,
    "after": False,
    "since": False,
    "before": True,
    "ahead": True,
    "prior": True,
}


def _dates_a_thing(token: Any) -> bool:
    """Whether a date modifies a noun that is not a clause's subject ("a premium to the
    closing price on Friday"): the tense of the clause above does not date it."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    noun = token.head.head
    return noun.pos_ == "NOUN" and noun.dep_ not in ("nsubj", "nsubjpass", "ROOT")


def event_of(doc: Any, start: int, end: int) -> Event:
    """The word a date expression at ``[start, end)`` dates, and that word's arguments."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return Event("", frozenset(), False)
    token = span.root
    while token.head != token and (
        token.head.i in range(span.start, span.end) or token.dep_ in ("pobj", "npadvmod", "prep")
    ):
        token = token.head
        if token.pos_ in ("VERB", "AUX", "NOUN"):
            break
    head = token if token.pos_ in ("VERB", "AUX", "NOUN") else token.head
    arguments = frozenset(
        child.lemma_.lower()
        for child in head.children
        if child.dep_ in _ARGUMENTS
        and child.pos_ in ("PROPN", "NOUN")
        and not (span.start <= child.i < span.end)
    )
    before = span[0].lower_ if span[0].lower_ in _BOUNDS else ""
    if not before and span.start > 0 and doc[span.start - 1].lower_ in _BOUNDS:
        before = doc[span.start - 1].lower_
    return Event(
        head.lemma_.lower(),
        arguments,
        head.lemma_.lower() in SPEECH_VERBS and not _performs(head),
        head.pos_ in ("VERB", "AUX") and not before,
        before,
        span.end < len(doc) and doc[span.end].tag_ == "POS",
    )


_BOUNDS = ("until", "since", "by", "from", "before", "after")
#: Speech verbs that make something happen when they have a thing as object or passive
#: subject ("announced the recall", "the first case was confirmed").
_PERFORMATIVE = frozenset("announce declare confirm call reveal".split())


def _performs(verb: Any) -> bool:
    """Whether a speech verb dates the thing it announces, not a statement: "the recall
    was announced on Tuesday", "declared a state of emergency on Monday", "declared the
    vote void on Monday" (but "said on Monday", "told reporters on Monday" are
    statements)."""
    if verb.lemma_.lower() not in _PERFORMATIVE:
        return False
    return any(
        (c.dep_ in ("nsubjpass", "dobj") and c.pos_ == "NOUN")
        or (c.dep_ == "ccomp" and c.pos_ == "ADJ")  # a ruling: "declared it unlawful"
        for c in verb.children
    )


def story_timeline(
    articles: Sequence[Article],
    mentions: Sequence[tuple[DatedMention, Event, str]],
    embedder: Embedder,
) -> list[TimelineEntry]:
    """The timeline entries in date order (unresolved mentions last); ``mentions`` are
    the story's (:func:`dated_mentions`)."""
    if not mentions:
        return []
    vectors = embedder.encode([text for _, _, text in mentions])
    groups = _group(mentions, vectors @ vectors.T)
    sure = {a.id for a in articles if a.date and a.date_from in PUBLISHED}
    return _entries(groups, mentions, sure)


def dated_mentions(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    docs: Mapping[str, Any],
) -> list[tuple[DatedMention, Event, str]]:
    """Every date mention of the story's articles, resolved against each article's
    anchor, with its event and its sentence's text."""
    anchor = anchors(articles, sentences, docs)
    return [
        item
        for a in articles
        for item in _mentions(a.id, sentences[a.id], docs[a.id], anchor[a.id])
    ]


def _same_event(a: Event, b: Event) -> bool:
    return (
        a.verb and b.verb and a.word == b.word and not a.speech and bool(a.arguments & b.arguments)
    )


def _group(mentions: Sequence[tuple[DatedMention, Event, str]], cosines: Any) -> list[list[int]]:
    """Mentions of one date and one event (or near-identical sentences), grouped."""

    def linked(i: int, j: int) -> bool:
        (a, event_a, _), (b, event_b, _) = mentions[i], mentions[j]
        if a.date is None or (a.date, a.precision) != (b.date, b.precision):
            return False
        if a.article == b.article and a.start == b.start:
            return True  # one sentence naming one day twice ("today [Tuesday]") is one entry
        return _same_event(event_a, event_b) or cosines[i, j] >= SAME_ENTRY_COSINE

    return components(len(mentions), linked)


def _entries(
    groups: Sequence[Sequence[int]],
    mentions: Sequence[tuple[DatedMention, Event, str]],
    sure: set[str],
) -> list[TimelineEntry]:
    """Timeline entries with other dates of the same event flagged."""
    rivals: dict[int, set[int]] = {g: set() for g in range(len(groups))}
    for g, members in enumerate(groups):
        for h in range(g + 1, len(groups)):
            if _disagree(members, groups[h], mentions, sure):
                rivals[g].add(h)
                rivals[h].add(g)
    entries = []
    for g, members in enumerate(groups):
        first, _, text = mentions[members[0]]
        dates = sorted({_label(mentions[groups[h][0]][0]) for h in rivals[g]})
        entries.append(
            TimelineEntry(
                first.date,
                first.precision,
                text,
                tuple(mentions[i][0] for i in members),
                tuple(dates),
            )
        )
    order = sorted(entries, key=lambda e: (e.date is None, e.date or dt.date.min))
    return order


def _disagree(
    a: Sequence[int],
    b: Sequence[int],
    mentions: Sequence[tuple[DatedMention, Event, str]],
    sure: set[str],
) -> bool:
    """Whether two entries date one event differently, as read in articles whose
    publication day is known (an inferred anchor is a guess, not a conflict)."""
    first, second = mentions[a[0]][0], mentions[b[0]][0]
    if first.date is None or second.date is None or first.precision != "day":
        return False
    if second.precision != "day" or first.date == second.date:
        return False
    return any(
        _same_event(mentions[i][1], mentions[j][1])
        and {mentions[i][0].article, mentions[j][0].article} <= sure
        and (mentions[i][0].article, mentions[i][0].start)
        != (mentions[j][0].article, mentions[j][0].start)
        for i in a
        for j in b
    )


def _label(mention: DatedMention) -> str:
    return mention.date.isoformat() if mention.date else mention.mention


def _dates_event(mention: DatedMention, event: Event) -> bool:
    """Whether a mention dates an event that happened (a day, not a statement or state)."""
    if mention.date is None or mention.precision != "day" or event.speech:
        return False
    return (event.bound in ("", "since") or event.possessive) and event.word not in _STATES
