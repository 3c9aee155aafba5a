"""Extractive multi-document summary with a citation to every article that reports each line.

1. Candidates: sentences of reasonable length that can stand alone ("He said ..." cannot),
   each shortened by :mod:`storyline.shorten`; a bare quotation comes as one unit with the
   sentence before it, which names the speaker.
2. Concepts: the story's stemmed words and word pairs, each weighted by a learned model of
   how likely a human summary covers it (:mod:`storyline.concepts`).
3. Salience: a learned linear ranker over cheap sentence features (position, length, TF-IDF
   centrality, cross-article support, boilerplate and style cues; :mod:`storyline.salience`).
4. Selection: the units that together cover the most concept weight plus ranker salience
   within the word budget, found exactly by integer linear programming (scipy's HiGHS). A
   concept counts once however many picked sentences hold it, so repeats earn nothing.
5. Order: where each sentence appears in its article (the order information is told).
6. Citations: :mod:`storyline.cite` finds, in every other article, the sentence that says
   the same; only these few sentences are embedded.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from storyline.cite import CitationConfig, cite
from storyline.concepts import Concept, ConceptModel, concepts, default_concept_model
from storyline.embed import Embedder
from storyline.lexical import bare_quotation, standalone, word_count
from storyline.model import Article, Sentence, SummarySentence
from storyline.salience import Ranker, default_ranker, features
from storyline.shorten import shorten


@dataclass(frozen=True)
class SummaryConfig:
    """Knobs of the summarizer; the defaults are the ones evaluated in docs/evaluation.md."""

    words: int = 250
    min_words: int = 6  # shorter sentences rarely carry a fact on their own
    max_words: int = 60  # longer ones are run-ons or lists that eat the budget
    concepts: int = 400  # the best-weighted concepts the selection tries to cover
    salience: float = 0.5  # weight of ranker salience (per word) against concept coverage
    overflow: int = 0  # words the last sentence may run past the budget (truncating scorers)
    shorten: bool = True  # drop asides from summary sentences (storyline.shorten)
    time_limit: float = 5.0  # seconds for the exact selection before the best found is kept
    citation: CitationConfig = field(default_factory=CitationConfig)


@dataclass(frozen=True)
class _Unit:
    """What picking one candidate brings in: a sentence, or a lead-in and its quotation."""

    sentences: tuple[Sentence, ...]
    texts: tuple[str, ...]
    words: int
    salience: float


def summarize_story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    embedder: Embedder,
    config: SummaryConfig = SummaryConfig(),
    ranker: Ranker | None = None,
    concept_model: ConceptModel | None = None,
) -> tuple[SummarySentence, ...]:
    """Summarize one story: ``sentences[a.id]`` are article ``a``'s sentences in order."""
    chosen = select(articles, sentences, config, ranker, concept_model)
    summary = cite([s for s, _ in chosen], sentences, embedder, config.citation)
    return tuple(
        dataclasses.replace(line, text=text)
        for line, (_, text) in zip(summary, chosen, strict=True)
    )


def select(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    config: SummaryConfig = SummaryConfig(),
    ranker: Ranker | None = None,
    concept_model: ConceptModel | None = None,
) -> list[tuple[Sentence, str]]:
    """The summary's sentences in reading order with their (shortened) text, within budget."""
    documents = [list(sentences.get(a.id, ())) for a in articles]
    documents = [d for d in documents if d]
    if not documents:
        return []
    units = _units(documents, config, ranker or default_ranker())
    if not units:
        return []
    texts = [[_text(s, config) for s in d] for d in documents]
    weights = (concept_model or default_concept_model()).weights(texts)
    best = dict(sorted(weights.items(), key=lambda item: -item[1])[: config.concepts])
    picked = _cover(units, best, config)
    lengths = {d[0].article: len(d) for d in documents}
    order = {s.id: n for n, s in enumerate(s for d in documents for s in d)}
    picked.sort(
        key=lambda u: (
            u.sentences[0].index / lengths[u.sentences[0].article],
            order[u.sentences[0].id],
        )
    )
    return [pair for unit in picked for pair in zip(unit.sentences, unit.texts, strict=True)]


def _text(sentence: Sentence, config: SummaryConfig) -> str:
    return shorten(sentence.text) if config.shorten else sentence.text


def _units(documents: list[list[Sentence]], config: SummaryConfig, ranker: Ranker) -> list[_Unit]:
    """Candidate units with their length and ranker salience; exact repeats only once."""
    able = [[standalone(s.text) for s in d] for d in documents]
    scores = ranker.score(features([[s.text for s in d] for d in documents], able))
    flat = [s for d in documents for s in d]
    ok = [flag for d in able for flag in d]
    units: list[_Unit] = []
    seen: set[str] = set()
    for k, sentence in enumerate(flat):
        picked = _unit(flat, ok, k, config)
        key = " ".join(sentence.text.split()).casefold()
        if not picked or key in seen:
            continue
        seen.add(key)
        texts = tuple(_text(s, config) for s in picked)
        units.append(_Unit(picked, texts, sum(word_count(t) for t in texts), float(scores[k])))
    return units


def _unit(
    flat: list[Sentence], ok: list[bool], k: int, config: SummaryConfig
) -> tuple[Sentence, ...]:
    """The sentences picking ``flat[k]`` brings in, or none when it cannot be picked."""
    sentence = flat[k]
    if not _fits(sentence, config):
        return ()
    if ok[k]:
        return (sentence,)
    lead = flat[k - 1] if k > 0 else None
    if (
        bare_quotation(sentence.text)
        and lead is not None
        and lead.article == sentence.article
        and ok[k - 1]
        and _fits(lead, config)
    ):
        return (lead, sentence)  # the quotation reads right after the sentence naming its speaker
    return ()


def _fits(sentence: Sentence, config: SummaryConfig) -> bool:
    return config.min_words <= word_count(sentence.text) <= config.max_words


def _cover(units: list[_Unit], weights: dict[Concept, float], config: SummaryConfig) -> list[_Unit]:
    """The units maximizing covered concept weight + salience × words within the budget.

    Variables: x_u (unit picked) and z_c (concept covered), all binary. Constraints: the
    picked units' words fit the budget; z_c ≤ Σ x_u over units holding c; a sentence is in
    at most one picked unit (a lead-in alone and with its quotation).
    """
    index = {c: n for n, c in enumerate(weights)}
    n_units, n_concepts = len(units), len(index)
    rows, cols, values = [], [], []
    row = 0
    for n, concept_ids in enumerate(
        {index[c] for t in unit.texts for c in concepts(t) if c in index} for unit in units
    ):
        for c in concept_ids:
            rows.append(c)
            cols.append(n)
            values.append(-1.0)
    rows += list(range(n_concepts))
    cols += [n_units + c for c in range(n_concepts)]
    values += [1.0] * n_concepts
    row = n_concepts
    holders: dict[str, list[int]] = {}
    for n, unit in enumerate(units):
        for sentence in unit.sentences:
            holders.setdefault(sentence.id, []).append(n)
    for members in (m for m in holders.values() if len(m) > 1):
        rows += [row] * len(members)
        cols += members
        values += [1.0] * len(members)
        row += 1
    rows += [row] * n_units
    cols += list(range(n_units))
    values += [float(u.words) for u in units]
    matrix = coo_array((values, (rows, cols)), shape=(row + 1, n_units + n_concepts))
    upper = np.concatenate(
        [np.zeros(n_concepts), np.ones(row - n_concepts), [config.words + config.overflow]]
    )
    objective = -np.concatenate(
        [
            [config.salience * u.salience * u.words for u in units],
            list(weights.values()),
        ]
    )
    result = milp(
        objective,
        constraints=LinearConstraint(matrix.tocsr(), -np.inf, upper),
        integrality=np.ones(n_units + n_concepts),
        bounds=Bounds(0, 1),
        options={"time_limit": config.time_limit},
    )
    if result.x is None:  # no solution within the time limit: best-ranked units that fit
        return _by_salience(units, config)
    return [unit for unit, x in zip(units, result.x[:n_units], strict=True) if x > 0.5]


def _by_salience(units: list[_Unit], config: SummaryConfig) -> list[_Unit]:
    picked: list[_Unit] = []
    used: set[str] = set()
    left = config.words + config.overflow
    for unit in sorted(units, key=lambda u: -u.salience):
        ids = {s.id for s in unit.sentences}
        if unit.words <= left and not ids & used:
            picked.append(unit)
            used |= ids
            left -= unit.words
    return picked
