"""Direct quotations, who said them, and the same statement across outlets.

A quote is text between quotation marks (“…”, "…" or ‘…’) of two words or more; a quote
left open at the end of a paragraph runs to the paragraph's end, as news copy writes
multi-paragraph quotes. Its speaker comes from the parse of the sentence around it:

- the subject of a speech verb outside the quote ("…,” Ruiz told reporters), or the
  object of "according to";
- a pronoun subject ("she said") is the last person named before the quote;
- with no attribution in its sentence, the speaker named in the sentence before
  (`Okafor was blunt. “We will not…”`), or of the quote just before it in the article;
- an unnamed subject ("a witness said") gives no speaker, only a description.

Names are then made full with :class:`~storyline.analyze.names.Names`. Quotes of
different articles are merged when their words overlap or their meaning is close
(MiniLM), which also joins rewordings and different translations of one statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storyline.analyze.groups import components
from storyline.analyze.names import Names, clean_name
from storyline.analyze.nlp import SPEECH_VERBS
from storyline.embed import Embedder
from storyline.model import Article, Quote, QuoteVariant

_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_OPEN = re.compile(r"[“\"‘«]")
_PRONOUNS = frozenset({"he", "she"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_STOPWORDS = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being "
    "it its this that these those we our you your they their i my me he his she her him "
    "will would can could should shall may might must do does did have has had not no so "
    "there here what which who whom whose than then very all any some more most".split()
)

#: Words that make two quotes one statement: share of the shorter quote's content words.
WORD_OVERLAP = 0.6
#: Meaning that makes two quotes of one speaker one statement (MiniLM cosine).
SAME_SPEAKER_COSINE = 0.62
#: Meaning that makes two quotes one statement whoever they are attributed to.
ANY_SPEAKER_COSINE = 0.9


@dataclass(frozen=True)
class Found:
    """A quote in one article with its attributed speaker ("" if unnamed)."""

    article: str
    start: int
    end: int
    text: str
    speaker: str
    description: str = ""


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of the text inside each quotation of two words or more."""
    spans = []
    position = 0
    while match := _OPEN.search(text, position):
        opener = match.group()
        closer = _PAIRS[opener]
        start = match.end()
        if opener == "‘":
            close = _closing_single(text, start)
        else:  # copy often opens with a straight mark and closes with a curly one
            found = [i for i in (text.find(closer, start), text.find("”", start)) if i >= 0]
            close = min(found, default=-1)
        paragraph_end = text.find("\n\n", start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        end = close if 0 <= close < paragraph_end else paragraph_end
        inner = text[start:end].strip()
        if len(inner.split()) >= 2 and not (opener == '"' and close < 0):
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((start + lead, start + lead + len(inner)))
        position = end + 1
    return spans


def _closing_single(text: str, start: int) -> int:
    """The ’ that closes a ‘ quote: one not followed by a letter (not an apostrophe)."""
    position = start
    while (close := text.find("’", position)) >= 0:
        if close + 1 >= len(text) or not text[close + 1].isalpha():
            return close
        position = close + 1
    return -1


def find_quotes(article: Article, doc: Any, names: Names) -> list[Found]:
    """Every quote of ``article`` with its speaker; ``doc`` is the parse of its text."""
    found: list[Found] = []
    spans = quote_spans(article.text)
    for start, end in spans:
        speaker, description = _attribute(doc, start, end, spans, names)
        if not speaker and not description and found and _near(article.text, found[-1], start):
            speaker, description = found[-1].speaker, found[-1].description
        found.append(Found(article.id, start, end, article.text[start:end], speaker, description))
    return found


def _near(text: str, previous: Found, start: int) -> bool:
    """Whether a quote follows the previous one within a paragraph or two."""
    return text.count("\n\n", previous.end, start) <= 1


def _attribute(
    doc: Any, start: int, end: int, spans: Sequence[tuple[int, int]], names: Names
) -> tuple[str, str]:
    """(speaker, description) of the quote at ``[start, end)``; ("", "") if unknown."""
    window = _window(doc, start, end)
    quoted = [(s - 1, e + 1) for s, e in spans]
    outside = [t for t in window if not any(s <= t.idx < e for s, e in quoted)]
    for token in sorted(outside, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))):
        subject = _speech_subject(token)
        if subject is not None:
            return _speaker(doc, subject, start, names)
    previous = _previous_sentence(doc, window)
    if previous is not None:
        for token in previous:
            subject = _speech_subject(token)
            if subject is not None:
                return _speaker(doc, subject, start, names)
        root = previous.root
        for child in root.children:
            if child.dep_ == "nsubj" and names.is_person(_proper_name(child)):
                return _speaker(doc, child, start, names)
    return "", ""


def _window(doc: Any, start: int, end: int) -> list[Any]:
    """Tokens of the sentences the quote starts and ends in, through the paragraph."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return []
    lo, hi = first.sent.start, last.sent.end
    # A closing attribution after a multi-sentence quote sits in the next sentence.
    if hi < len(doc) and doc[hi - 1].idx + len(doc[hi - 1]) <= end + 2:
        following = doc[hi].sent
        if "\n\n" not in doc.text[end : following.start_char]:
            hi = following.end
    return [t for t in doc[lo:hi] if "\n\n" not in doc.text[min(t.idx, start) : max(t.idx, start)]]


def _previous_sentence(doc: Any, window: Sequence[Any]) -> Any:
    if not window or window[0].i == 0:
        return None
    sentence = doc[window[0].i - 1].sent
    return sentence if sentence.text.strip() else None


def _speech_subject(token: Any) -> Any:
    """The subject of a speech verb, or the object of "according to"; else None."""
    if token.lemma_ == "accord" or token.lower_ == "according":
        for to in token.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_VERBS:
        return None
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if token.dep_ in ("xcomp", "advcl", "conj", "pcomp") and token.head.pos_ in ("VERB", "AUX"):
        for child in token.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def _speaker(doc: Any, subject: Any, start: int, names: Names) -> tuple[str, str]:
    """Turn the subject token of a speech verb into (full name, description)."""
    if subject.lower_ in _PRONOUNS:
        person = _last_person(doc, subject.idx, names)
        return (person, "") if person else ("", subject.text)
    name = _proper_name(subject)
    if name:
        if names.is_person(name) or subject.ent_type_ == "PERSON":
            return names.person(name), ""
        if subject.ent_type_ in ("ORG", "GPE", "NORP"):
            return names.group(name), ""
    for child in subject.children:
        if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
            return names.person(_proper_name(child)), ""
    if subject.pos_ == "NOUN" and any(c.lower_ == "the" for c in subject.children):
        group = _last_group(doc, subject.idx, subject.lemma_.lower())
        if group:
            return names.group(group), ""
    phrase = doc[subject.left_edge.i : subject.i + 1].text
    return "", phrase


def _proper_name(token: Any) -> str:
    """The proper name a token heads, with its compound parts; "" if not a proper noun."""
    if token.pos_ != "PROPN":
        return ""
    parts = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    first = parts[0].i if parts else token.i
    return clean_name(token.doc[first : token.i + 1].text)


def _last_group(doc: Any, before: int, noun: str) -> str:
    """The organization "the <noun>" refers to: the last one named before whose name
    holds the noun ("the ministry": "the Defence Ministry"), or for a word any group
    goes by ("the group", "the movement"), the last one named."""
    groups = [e for e in doc.ents if e.label_ == "ORG" and e.end_char <= before]
    for entity in reversed(groups):
        if noun in entity.text.lower().split():
            return entity.text
    return groups[-1].text if groups and noun in _ANY_GROUP else ""


_ANY_GROUP = frozenset("group movement organisation organization alliance coalition".split())


def _last_person(doc: Any, before: int, names: Names) -> str:
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= before]
    return names.person(people[-1].text) if people else ""


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOPWORDS}


def merge_quotes(found: Sequence[Found], embedder: Embedder) -> list[Quote]:
    """Group quotes of different articles that report one statement."""
    if not found:
        return []
    vectors = embedder.encode([f.text for f in found])
    words = [content_words(f.text) for f in found]
    cosines = vectors @ vectors.T

    def linked(i: int, j: int) -> bool:
        if found[i].article == found[j].article:
            return False
        return _same_statement(found[i], found[j], words[i], words[j], float(cosines[i, j]))

    groups = components(len(found), linked)
    return [_quote([found[i] for i in members]) for members in groups]


def _same_statement(a: Found, b: Found, wa: set[str], wb: set[str], cosine: float) -> bool:
    shorter = min(len(wa), len(wb))
    overlap = len(wa & wb) / shorter if shorter >= 2 else 0.0
    if cosine >= ANY_SPEAKER_COSINE or (overlap >= 0.9 and shorter >= 3):
        return True
    speakers_fit = a.speaker == b.speaker or not a.speaker or not b.speaker
    return speakers_fit and (overlap >= WORD_OVERLAP or cosine >= SAME_SPEAKER_COSINE)


def _quote(members: Sequence[Found]) -> Quote:
    named = [m.speaker for m in members if m.speaker]
    speaker = max(named, key=named.count) if named else ""  # ties: the first named
    description = next((m.description for m in members if m.description), "")
    first = max(members, key=lambda m: len(m.text))
    return Quote(
        speaker=speaker,
        text=first.text,
        variants=tuple(QuoteVariant(m.article, m.text, m.start, m.end) for m in members),
        description="" if speaker else description,
    )


def story_quotes(
    articles: Sequence[Article], docs: Mapping[str, Any], names: Names, embedder: Embedder
) -> list[Quote]:
    """The story's quotes, merged across articles, most widely reported first."""
    found = [q for a in articles for q in find_quotes(a, docs[a.id], names)]
    quotes = merge_quotes(found, embedder)
    return sorted(quotes, key=lambda q: -len({v.article for v in q.variants}))
