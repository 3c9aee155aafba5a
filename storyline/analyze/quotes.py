"""Direct quotations, who said them, and the same statement across outlets.

A quote is text between quotation marks (“…”, "…" or ‘…’) of two words or more, or one
word a speech verb reports ('called the plan “reckless”'); a quote left open at the end
of a paragraph runs to the paragraph's end, as news copy writes multi-paragraph quotes.
Its speaker comes from the parse of the sentence around it (its own sentences first,
then the sentence after it):

- the subject of a speech verb outside the quote ("…,” Ruiz told reporters), of any verb
  whose clause is the quote ("…,” she sobbed), of a verb of blame ("accused them of
  “…”"; "dismissed the plan as “…”"), or the object of "according to"; "who" is the
  person the clause is about; a title or a number with a name beside it is that person
  ("The Finance Minister, Pavel Irnik,", "One of the freed officers, Piet Halvard,");
- a spokesperson or statement, unnamed, speaks for its organization ("a spokesperson
  for the union" is the union last so called);
- a pronoun subject ("she said") is the person named as a subject before it in its
  sentence, else the person the sentence before is about (by name, by the name beside
  a role: "the minister, Ivo Brandt,"; through a pronoun there, the sentence before
  that; or the person it quotes), else the last person named before the quote;
- "the minister said" is the person last given that title ("Interior Minister Oriana
  Castell"; "the mayor, Hanna Ilves,"), or the one person the story's articles give it,
  "the agency said" the organization last called so ("the roads agency, Valroad,"); a
  role nobody was given is the person the sentence before is about;
- with no attribution in its sentence, the speaker named in the sentence before
  (`Okafor was blunt. “We will not…”`), or of the quote just before it in the article;
- an unnamed subject ("a witness said") gives no speaker, only a description.

Names are then made full with :class:`~storyline.analyze.names.Names`. Quotes of
different articles are merged when their words overlap or their meaning is close
(MiniLM), which also joins rewordings and different translations of one statement;
closeness counts for less when each is the only remark its speaker is quoted making in
its article. The two halves of a quote split by its attribution (“We will,” she said,
“rebuild.”) are one statement.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from storyline.analyze.groups import components
from storyline.analyze.names import DESCRIPTORS, ROLES, Names, clean_name
from storyline.analyze.nlp import SPEECH_VERBS
from storyline.embed import Embedder
from storyline.model import Article, Quote, QuoteVariant

_PAIRS = {"“": "”", '"': '"', "‘": "’", "«": "»"}
_OPEN = re.compile(r"[“\"‘«]")
_PRONOUNS = frozenset({"he", "she"})
#: Nouns of a person given no name ("a woman", "one man").
_PEOPLE = frozenset("woman man girl boy person resident villager local mother father".split())
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
#: Meaning that makes two quotes one statement when each is the only thing their
#: speaker is quoted saying in its article (outlets quote the same remark of a speaker).
SOLE_QUOTE_COSINE = 0.5
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
    continues: bool = False  # the second half of a quote split by its attribution


def quote_spans(text: str, min_words: int = 2) -> list[tuple[int, int]]:
    """``[start, end)`` of the text inside each quotation of ``min_words`` words or more."""
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
        if len(inner.split()) >= min_words and not (opener == '"' and close < 0):
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
    spans = quote_spans(article.text, min_words=1)
    for start, end in spans:
        if " " not in article.text[start:end] and not _reported_word(doc, start, end, spans):
            continue
        if _is_name(article.text[start:end]):
            continue
        speaker, description = _attribute(doc, start, end, spans, names)
        if not speaker and not description and found and _near(article.text, found[-1], start):
            speaker, description = found[-1].speaker, found[-1].description
        continues = bool(found) and _continues(article.text, found[-1], start)
        text = article.text[start:end]
        found.append(Found(article.id, start, end, text, speaker, description, continues))
    return found


def _is_name(quoted: str) -> bool:
    """Whether a quotation of a few words is a name in quotation marks (a “Syrian People’s
    Congress”, an “Operation Clean Sweep”), not a statement: each word capitalised but
    for small joining words, and no closing punctuation."""
    words = quoted.split()
    if not 1 < len(words) <= 6 or quoted[-1] in ".,;:!?…":
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w in _JOINING for w in words)


_JOINING = frozenset({"of", "the", "and", "for", "in", "on", "de", "al", "el", "&"})


def _reported_word(doc: Any, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a one-word quotation is someone's word, not a name or a scare quote: the
    word a speech verb of its sentence reports ('called the plan “reckless”', 'said the
    team was “shattered”'), or the first half of a split quote (“Tenants,” she said,
    “must wait.”)."""
    following = [s for s, _ in spans if s > end]
    if following and doc.text[end - 1] == "," and _SPLIT.fullmatch(doc.text[end : following[0]]):
        return True
    word = doc.char_span(start, end, alignment_mode="expand")
    if word is None:
        return False
    for verb in word.root.ancestors:
        if verb.lemma_.lower() in _QUOTE_VERBS and not start <= verb.idx < end:
            return True
    return False


def _continues(text: str, previous: Found, start: int) -> bool:
    """Whether a quote finishes the sentence of the quote before, split by its
    attribution: ``“We will,” she said, “rebuild.”``."""
    return previous.text.endswith(",") and bool(_SPLIT.fullmatch(text[previous.end : start]))


_SPLIT = re.compile(r"[”\"]\s+[^.!?:;\n“”\"]+,\s*[“\"]")


def _near(text: str, previous: Found, start: int) -> bool:
    """Whether a quote follows the previous one within a paragraph or two."""
    return text.count("\n\n", previous.end, start) <= 1


def _attribute(
    doc: Any, start: int, end: int, spans: Sequence[tuple[int, int]], names: Names
) -> tuple[str, str]:
    """(speaker, description) of the quote at ``[start, end)``; ("", "") if unknown.

    The quote's own sentences are searched first, the sentence after a quote that ends
    one only when they hold no attribution (``"…now." He said the vote…`` is not it)."""
    own, following = _window(doc, start, end)
    quoted = [(s - 1, e + 1) for s, e in spans]
    previous = _previous_sentence(doc, own)
    context = _Context(doc, names, quoted, previous)
    for part in (own, following):
        outside = [t for t in part if not context.inside_quote(t.idx)]
        for token in sorted(outside, key=lambda t: min(abs(t.idx - start), abs(t.idx - end))):
            subject = _speech_subject(token, (start, end))
            if subject is not None:
                return context.speaker(subject)
    if previous is not None:
        earlier = _Context(doc, names, quoted, _previous_sentence(doc, list(previous)))
        for token in previous:
            subject = None if context.inside_quote(token.idx) else _speech_subject(token)
            if subject is not None:  # "he" there is who the sentence before that is about
                return earlier.speaker(subject)
        person = context.topic()
        if person:
            return person, ""
        return "", context.unnamed()  # a quote after "A shopkeeper … was blunt."
    return "", ""


def _window(doc: Any, start: int, end: int) -> tuple[list[Any], list[Any]]:
    """Tokens of the sentences the quote starts and ends in, and of the sentence after
    when the quote ends its sentence (where a closing attribution after a
    multi-sentence quote sits), within the quote's paragraph."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    if first is None or last is None:
        return [], []
    lo, hi = first.sent.start, last.sent.end
    after = hi
    if hi < len(doc) and doc[hi - 1].idx + len(doc[hi - 1]) <= end + 2:
        following = doc[hi].sent
        if "\n\n" not in doc.text[end : following.start_char]:
            after = following.end

    def paragraph(tokens: Any) -> list[Any]:
        return [t for t in tokens if "\n\n" not in doc.text[min(t.idx, start) : max(t.idx, start)]]

    return paragraph(doc[lo:hi]), paragraph(doc[hi:after])


def _previous_sentence(doc: Any, window: Sequence[Any]) -> Any:
    if not window or window[0].i == 0:
        return None
    sentence = doc[window[0].i - 1].sent
    return sentence if sentence.text.strip() else None


def _speech_subject(token: Any, quote: tuple[int, int] = (0, 0)) -> Any:
    """The subject of a speech verb, or the object of "according to"; else None. A verb
    whose clausal complement is in the ``quote`` (``[start, end)``) is one whatever it
    is ("“We lost everything,” she sobbed")."""
    if token.lemma_ == "accord" or token.lower_ == "according":
        for to in token.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    says = any(c.dep_ == "ccomp" and quote[0] <= c.idx < quote[1] for c in token.children)
    if not says and token.lemma_.lower() not in _QUOTE_VERBS:
        return None
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:  # the nearest: "During his meeting Mr Assad, the Russian president said"
        return min(subjects, key=lambda c: abs(c.i - token.i))
    if token.dep_ in ("xcomp", "advcl", "conj", "pcomp") and token.head.pos_ in ("VERB", "AUX"):
        for child in token.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    # A past-tense speech verb read as a relative clause of its subject: "The Health
    # Minister, Ruth Okello, on Tuesday called …", "a sum the mayor, Della Hart, called “…”".
    if token.dep_ in ("relcl", "acl") and token.tag_ == "VBD" and token.head.pos_ in _NOUNS:
        return token.head
    return None


@dataclass(frozen=True)
class _Context:
    """What a speech verb's subject is resolved against: the parse, the story's names,
    the quotes (``[start, end)`` with their marks) and the sentence before."""

    doc: Any
    names: Names
    quoted: Sequence[tuple[int, int]]
    previous: Any

    def speaker(self, subject: Any) -> tuple[str, str]:
        """(full name, description) of the subject token of a speech verb."""
        names = self.names
        if subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Orin, who has called them …": Orin
        if subject.lower_ in _PRONOUNS:
            person = self._earlier_subject(subject) or self.topic()
            if not person and not self.unnamed():
                person = self._last_person(subject.idx)
            return (person, "") if person else ("", subject.text)
        beside = self._beside(subject)
        if beside:  # "The Finance Minister, Pavel Irnik, dismissed…", "One of them, Piet Hal…"
            return beside, ""
        voice = _represented(subject)
        group = self._group(voice) if voice is not None else ""
        if group:
            return group, ""
        entity = next(
            (
                e
                for e in subject.doc.ents
                if e.start <= subject.i < e.end and (e.label_ == "PERSON" or e.label_ in _GROUPS)
            ),
            None,
        )  # not "One (of them) called it…", a number
        whole = _proper_name(subject)
        name = clean_name(entity.text) if entity is not None else whole
        if name and whole.endswith(" " + name):  # the tagger cut "Harbour and" off
            name = whole
        if name and name.lower() not in ROLES:  # "the President said" is a role
            label = entity.label_ if entity is not None else ""
            if label in _GROUPS and not names.is_person(name):
                return names.group(name, short=True), ""
            return names.person(name), ""
        for child in subject.children:
            if (
                child.dep_ in ("appos", "compound")
                and child.pos_ == "PROPN"
                and child.lower_ not in ROLES
            ):
                return names.person(_proper_name(child)), ""
        if subject.pos_ in ("NOUN", "PROPN"):
            noun = subject.lemma_.lower()
            named = self._titled(noun, subject.idx, _modifiers(subject))
            if named:
                return named, ""
            definite = any(c.lower_ in ("the", "this") for c in subject.children)
            if definite and noun in ROLES:
                person = self.names.titled(noun, _words_before(subject)) or self.topic()
                if person:
                    return person, ""
            if definite:
                group = _last_group(self.doc, subject.idx, noun)
                if group:
                    return names.group(group), ""
        phrase = self.doc[subject.left_edge.i : subject.i + 1].text
        return "", phrase

    def _beside(self, subject: Any) -> str:
        """The person named beside a subject that is a title or a number: "The Finance
        Minister, Pavel Irnik,", "One of the freed officers, Piet Halvard," (a person's
        name anywhere in the subject's phrase, as the parser may hang it on its last
        noun)."""
        if subject.lemma_.lower() not in ROLES and subject.pos_ != "NUM":
            return ""
        for child in subject.subtree:  # "The chairman of the union, Bertil Marsh,"
            if child.dep_ != "appos" or child.ent_type_ in _GROUPS:
                continue
            if child.head != subject and child.ent_type_ != "PERSON":
                continue
            name = _proper_name(child)
            if name and name.lower() not in ROLES:
                return self.names.person(name)
        return ""

    def _group(self, token: Any) -> str:
        """The organization (or person) a spokesperson or statement speaks for: one named
        ("the University of Arden"), or "the union" for the last one so called."""
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        if (entity is not None and entity.label_ == "PERSON") or self.names.is_person(token.text):
            return self.names.person(entity.text if entity is not None else token.text)
        if token.pos_ == "PROPN":  # a name of several words is kept whole ("St Ann's")
            name = _organization_name(token)
            return name if " " in name else self.names.group(name, short=True)
        group = _last_group(self.doc, token.idx, token.lemma_.lower())
        return self.names.group(group) if group else ""

    def topic(self, depth: int = 2) -> str:
        """The person the sentence before is about: its subject, if it is one (a pronoun
        there is who the sentence before that is about: "…," she told reporters. "…,"
        she added; up to ``depth`` sentences further back), else the person it quotes
        ("…," according to the chief volcanologist, Ines Okoro-Bell)."""
        if self.previous is None:
            return ""
        if self._all_quoted(self.previous):  # “…patient. That patience has run out,” she said.
            return replace(self, previous=_previous_sentence(self.doc, list(self.previous))).topic(
                depth
            )
        for token in self.previous:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ not in ("ROOT", "conj"):
                continue
            if self.inside_quote(token.idx):
                continue
            if token.lower_ in _PRONOUNS and depth > 0:
                earlier = _previous_sentence(self.doc, list(self.previous))
                return replace(self, previous=earlier).topic(depth - 1)
            person = self.person(token)
            if person:
                return person
        for token in self.previous:  # '"…," said chief forecaster Amara Quell', "according to"
            if self.inside_quote(token.idx):
                continue
            speaker = _speech_subject(token)
            person = self.person(speaker) if speaker is not None else ""
            if person:
                return person
        return ""

    def unnamed(self) -> str:
        """The phrase of the sentence before's subject when it is a person left unnamed
        ("A woman who had been travelling in the third carriage described…", "A shopkeeper
        … was blunt."): whom a pronoun or an unattributed quote after it stands for."""
        if self.previous is None:
            return ""
        for token in self.previous:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.head.dep_ != "ROOT":
                continue
            if self.inside_quote(token.idx) or token.pos_ != "NOUN":
                return ""
            indefinite = any(c.lower_ in ("a", "an", "one") for c in token.children)
            kind = token.lemma_.lower()
            person = kind in _PEOPLE or kind in DESCRIPTORS or kind in ROLES
            if indefinite and person and not self.person(token):
                return self.doc[token.left_edge.i : token.i + 1].text
            return ""
        return ""

    def _all_quoted(self, sentence: Any) -> bool:
        return all(self.inside_quote(t.idx) for t in sentence if not t.is_punct and not t.is_space)

    def _earlier_subject(self, pronoun: Any) -> str:
        """The person a subject before ``pronoun`` in its sentence names ("His lawyer,
        Rosa Ferne, said he would appeal against what she called …")."""
        for token in pronoun.sent:
            if token.i >= pronoun.i:
                break
            if token.dep_ in ("nsubj", "nsubjpass") and not self.inside_quote(token.idx):
                person = self.person(token)
                if person:
                    return person
        return ""

    def person(self, subject: Any) -> str:
        """The person a subject names: by name, by a name beside it ("the minister,
        Ivo Brandt,"), or by a role last given to someone ("the minister"); else ""."""
        name = _proper_name(subject)
        titled = subject.lower_ in ROLES and any(c.dep_ == "appos" for c in subject.children)
        if name and not titled:  # "The Transport Secretary, Ines Calloway,": her name
            if subject.ent_type_ not in _GROUPS or self.names.is_person(name):
                return self.names.person(name)
            return ""
        for child in subject.children:
            name = _proper_name(child) if child.dep_ == "appos" else ""
            role = subject.lemma_.lower() in ROLES
            if name and (role or child.ent_type_ not in _GROUPS or self.names.is_person(name)):
                return self.names.person(name)
        definite = any(c.lower_ in ("the", "this") or c.dep_ == "poss" for c in subject.children)
        noun = subject.lemma_.lower()
        if subject.pos_ == "NOUN" and definite and noun in ROLES:
            named = self._titled(noun, subject.idx, _modifiers(subject))
            return named or self.names.titled(noun, _words_before(subject))
        return ""

    def _titled(self, noun: str, before: int, modifiers: frozenset[str] = frozenset()) -> str:
        """The person or organization last given the title ``noun`` before ``before``:
        "Interior Minister Oriana Castell", "the mayor, Hanna Ilves," or "Ilves, the
        mayor,"; with ``modifiers`` ("the *Russian* president") only a title written
        with them ("Russian president Vladimir Putin")."""
        for token in reversed(self.doc[: self._index(before)]):
            if token.lemma_.lower() != noun and token.lower_ != noun:
                continue
            if self.inside_quote(token.idx):
                continue
            if not modifiers <= {t.lower_ for t in self.doc[max(0, token.i - 3) : token.i]}:
                continue
            near = [c for c in token.children if c.dep_ == "appos"]
            if token.dep_ in ("compound", "appos"):
                near.append(token.head)
            for candidate in near:
                name = _proper_name(candidate)
                if not name:
                    continue
                if candidate.ent_type_ in _GROUPS and not self.names.is_person(name):
                    return self.names.group(name, short=True)
                return self.names.person(name)
        return ""

    def _last_person(self, before: int) -> str:
        people = [
            e
            for e in self.doc.ents
            if e.label_ == "PERSON" and e.end_char <= before and not self.inside_quote(e.start_char)
        ]
        return self.names.person(people[-1].text) if people else ""

    def inside_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def _index(self, offset: int) -> int:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span.start if span is not None else len(self.doc)


_GROUPS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
_NOUNS = ("NOUN", "PROPN")
#: Speech verbs, and verbs that quote words a speaker used of someone ("accused the
#: union of “holding pupils hostage”").
_QUOTE_VERBS = SPEECH_VERBS | frozenset(
    "accuse brand dub label condemn criticise criticize blast slam decry hail defend dismiss "
    "praise denounce reject welcome".split()
)


_VOICES = frozenset(
    "spokesperson spokesman spokeswoman spokespeople spokesmen representative statement".split()
)


def _represented(subject: Any) -> Any:
    """Whom a spokesperson or statement speaks for: the token of "for the union" ("of",
    "from"), "the ministry's" or "a company" (statement); else None."""
    if subject.lemma_.lower() not in _VOICES:
        return None
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for child in subject.children:
        if child.dep_ in ("poss", "compound") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _organization_name(token: Any) -> str:
    """The whole name a proper noun heads, without "the": "St Ann's Hospital",
    "the University of Arden"."""
    first = token.left_edge.i
    while first < token.i and token.doc[first].pos_ == "DET":
        first += 1
    last = token
    while of := next((c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"), None):
        objects = [c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        if not objects:
            break
        last = objects[0]
    return token.doc[first : last.i + 1].text.strip(" ,")


def _words_before(subject: Any) -> frozenset[str]:
    """The adjectives and nouns before a title, lowercased: "prime" of "the prime minister"."""
    return frozenset(c.lower_ for c in subject.lefts if c.dep_ in ("amod", "compound"))


def _modifiers(subject: Any) -> frozenset[str]:
    """The words that say whose title a subject is: "Russian" of "the Russian president"."""
    return frozenset(
        c.lower_ for c in subject.children if c.dep_ in ("amod", "compound") and c.ent_type_
    )


def _proper_name(token: Any) -> str:
    """The proper name a token heads, with its compound parts; "" if not a proper noun
    (a capitalized word inside a sentence counts: the parser tags some surnames NOUN)."""
    capitalized = token.text[:1].isupper() and not token.is_sent_start and token.pos_ == "NOUN"
    if token.pos_ != "PROPN" and not capitalized:
        return ""
    parts = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    first = parts[0].i if parts else token.i
    joined = [t for t in token.lefts if t.dep_ == "nmod" and t.pos_ == "PROPN"]
    if joined:  # "the Competition and Markets Board": one name joined by "and"
        whole = token.doc[joined[0].left_edge.i : token.i + 1]
        if all(t.pos_ in ("PROPN", "CCONJ", "DET") for t in whole):
            first = min(first, whole.start)
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


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOPWORDS}


def merge_quotes(found: Sequence[Found], embedder: Embedder) -> list[Quote]:
    """Group quotes of different articles that report one statement."""
    if not found:
        return []
    vectors = embedder.encode([f.text for f in found])
    words = [content_words(f.text) for f in found]
    cosines = vectors @ vectors.T

    statements = Counter((f.article, f.speaker) for f in found if f.speaker and not f.continues)

    def linked(i: int, j: int) -> bool:
        a, b = found[i], found[j]
        if a.article == b.article:
            return j == i + 1 and b.continues
        cosine = float(cosines[i, j])
        sole = a.speaker == b.speaker and statements[a.article, a.speaker] == 1
        if sole and statements[b.article, b.speaker] == 1 and cosine >= SOLE_QUOTE_COSINE:
            return True
        return _same_statement(a, b, words[i], words[j], cosine)

    groups = components(len(found), linked)
    return [_quote([found[i] for i in members]) for members in groups]


def _same_statement(a: Found, b: Found, wa: set[str], wb: set[str], cosine: float) -> bool:
    shorter = min(len(wa), len(wb))
    overlap = len(wa & wb) / shorter if shorter >= 2 else 0.0
    if cosine >= ANY_SPEAKER_COSINE or (overlap >= 0.9 and shorter >= 3):
        return True
    speakers_fit = a.speaker == b.speaker or not a.speaker or not b.speaker
    if a.speaker and a.speaker == b.speaker and shorter == 1 and (wa <= wb or wb <= wa):
        return True  # a one-word quote ("necessary") of the speaker's longer one
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
