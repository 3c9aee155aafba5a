"""Citations: for a summary sentence, the sentence of every other article that says the same.

Candidates are found lexically: sentences of other articles sharing a good part of the
summary sentence's key words. A near-verbatim candidate (a wire copy, a quote reprinted) is
cited outright; any other is confirmed semantically by the embedding model, so only a few
sentences per story need a vector. Sentences whose numbers disagree never support each
other ("three killed" does not support "four killed").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.embed import Embedder
from storyline.lexical import key_overlap, numbers_disagree
from storyline.model import Citation, Sentence, SummarySentence


@dataclass(frozen=True)
class CitationConfig:
    support_overlap: float = 0.45  # share of the shorter sentence's key words to be a candidate
    verbatim_overlap: float = 0.85  # a candidate this close in words is cited without a vector
    support: float = 0.72  # cosine a candidate needs otherwise
    candidates_per_article: int = 2


def reports_same(similarity: float | None, a: str, b: str, config: CitationConfig) -> bool:
    """Whether two sentences report the same information.

    Embeddings alone confuse "Putin met Assad in 2015" with "Putin met Assad on Monday", so
    the two must share key words; ``similarity`` (cosine of their embeddings) is needed only
    when they are not near-verbatim.
    """
    if numbers_disagree(a, b):
        return False
    overlap = key_overlap(a, b)
    if overlap >= config.verbatim_overlap:
        return True
    return (
        overlap >= config.support_overlap
        and similarity is not None
        and similarity >= config.support
    )


def _needs_vector(a: str, b: str, config: CitationConfig) -> bool:
    return not numbers_disagree(a, b) and key_overlap(a, b) < config.verbatim_overlap


def cite(
    chosen: Sequence[Sentence],
    sentences: Mapping[str, Sequence[Sentence]],
    embedder: Embedder,
    config: CitationConfig = CitationConfig(),
) -> tuple[SummarySentence, ...]:
    """Each chosen sentence with its own citation first, then one per supporting article."""
    candidates = {s.id: _candidates(s, sentences, config) for s in chosen}
    pairs = [(s, o) for s in chosen for o in candidates[s.id]]
    texts = list(
        dict.fromkeys(
            t for s, o in pairs if _needs_vector(s.text, o.text, config) for t in (s.text, o.text)
        )
    )
    vectors = dict(zip(texts, embedder.encode(texts), strict=True)) if texts else {}
    result = []
    for sentence in chosen:
        citations = [Citation(sentence.article, sentence.start, sentence.end)]
        best: dict[str, tuple[float, Sentence]] = {}
        for other in candidates[sentence.id]:
            similarity = (
                float(np.dot(vectors[sentence.text], vectors[other.text]))
                if other.text in vectors and sentence.text in vectors
                else None
            )
            if not reports_same(similarity, sentence.text, other.text, config):
                continue
            rank = similarity if similarity is not None else 1.0
            if other.article not in best or rank > best[other.article][0]:
                best[other.article] = (rank, other)
        citations += [Citation(o.article, o.start, o.end) for _, o in best.values()]
        result.append(SummarySentence(sentence.text, tuple(citations)))
    return tuple(result)


def _candidates(
    sentence: Sentence, sentences: Mapping[str, Sequence[Sentence]], config: CitationConfig
) -> list[Sentence]:
    found = []
    for article, others in sentences.items():
        if article == sentence.article:
            continue
        scored = sorted(
            ((key_overlap(sentence.text, o.text), o) for o in others),
            key=lambda pair: -pair[0],
        )
        found += [
            o
            for overlap, o in scored[: config.candidates_per_article]
            if overlap >= config.support_overlap
        ]
    return found
