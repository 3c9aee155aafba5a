"""Extractive multi-document summary with a citation to every article that reports each line.

1. Candidates: sentences of reasonable length that can stand alone ("He said ..." cannot);
   a sentence repeated verbatim in several articles is one candidate.
2. Salience: a learned linear ranker over cheap features (position, length, TF-IDF
   centrality in the story and in its article, word probability, cross-article support,
   boilerplate and style cues; see :mod:`storyline.salience`).
3. Selection: best-ranked first, skipping a sentence that shares too many content words with
   one already picked, until the word budget is used.
4. Order: where each sentence appears in its article (the order information is told).
5. Citations: :mod:`storyline.cite` finds, in every other article, the sentence that says
   the same; only these few sentences are embedded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyline.cite import CitationConfig, cite
from storyline.embed import Embedder
from storyline.lexical import bare_quotation, standalone, word_count
from storyline.model import Article, Sentence, SummarySentence
from storyline.salience import Ranker, content_words, default_ranker, features


@dataclass(frozen=True)
class SummaryConfig:
    """Knobs of the summarizer; the defaults are the ones evaluated in docs/evaluation.md."""

    words: int = 250
    min_words: int = 6  # shorter sentences rarely carry a fact on their own
    max_words: int = 60  # longer ones are run-ons or lists that eat the budget
    redundancy: float = 0.4  # share of content words that makes a candidate a repeat
    overflow: bool = False  # let the last sentence run past the budget (truncating scorers)
    citation: CitationConfig = field(default_factory=CitationConfig)


def summarize_story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    embedder: Embedder,
    config: SummaryConfig = SummaryConfig(),
    ranker: Ranker | None = None,
) -> tuple[SummarySentence, ...]:
    """Summarize one story: ``sentences[a.id]`` are article ``a``'s sentences in order."""
    chosen = select(articles, sentences, config, ranker)
    return cite(chosen, sentences, embedder, config.citation)


def select(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    config: SummaryConfig = SummaryConfig(),
    ranker: Ranker | None = None,
) -> list[Sentence]:
    """The summary's sentences in reading order, within the word budget."""
    documents = [list(sentences.get(a.id, ())) for a in articles]
    documents = [d for d in documents if d]
    flat = [s for d in documents for s in d]
    if not flat:
        return []
    able = [[standalone(s.text) for s in d] for d in documents]
    scores = (ranker or default_ranker()).score(
        features([[s.text for s in d] for d in documents], able)
    )
    ok = [flag for d in able for flag in d]
    units = _greedy(flat, ok, scores, config)
    lengths = {d[0].article: len(d) for d in documents}
    order = {s.id: n for n, s in enumerate(flat)}
    units.sort(key=lambda u: (u[0].index / lengths[u[0].article], order[u[0].id]))
    return [sentence for unit in units for sentence in unit]


def _greedy(
    flat: list[Sentence], ok: list[bool], scores: np.ndarray, config: SummaryConfig
) -> list[list[Sentence]]:
    """Best-ranked first, as units: a sentence, or a bare quotation after its lead-in."""
    units: list[list[Sentence]] = []
    taken: set[str] = set()
    bags: list[set[str]] = []
    seen: set[str] = set()
    budget = config.words
    for k in np.argsort(-scores, kind="stable"):
        unit = _unit(flat, ok, int(k), taken, config)
        if not unit:
            continue
        keys = [" ".join(s.text.split()).casefold() for s in unit]
        unit_bags = [set(content_words(s.text)) for s in unit]
        if any(key in seen for key in keys) or any(
            _overlap(bag, other) >= config.redundancy for bag in unit_bags for other in bags
        ):
            continue
        length = sum(word_count(s.text) for s in unit)
        if length > budget and not (config.overflow and budget > 0):
            continue
        units.append(unit)
        taken.update(s.id for s in unit)
        bags += unit_bags
        seen.update(keys)
        budget -= length
        if budget <= 0:
            break
    return units


def _unit(
    flat: list[Sentence], ok: list[bool], k: int, taken: set[str], config: SummaryConfig
) -> list[Sentence]:
    """The sentences picking ``flat[k]`` brings in, or none when it cannot be picked."""
    sentence = flat[k]
    if sentence.id in taken or not _fits(sentence, config):
        return []
    if ok[k]:
        return [sentence]
    lead = flat[k - 1] if k > 0 else None
    if (
        bare_quotation(sentence.text)
        and lead is not None
        and lead.article == sentence.article
        and ok[k - 1]
        and lead.id not in taken
        and _fits(lead, config)
    ):
        return [lead, sentence]  # the quotation reads right after the sentence naming its speaker
    return []


def _fits(sentence: Sentence, config: SummaryConfig) -> bool:
    return config.min_words <= word_count(sentence.text) <= config.max_words


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
