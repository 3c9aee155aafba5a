"""Citations: for a summary sentence, the sentence of every other article that says the same.

Candidates are found lexically (sentences sharing key words with the summary sentence), then
confirmed semantically with the embedding model, so only a few sentences per story need a
vector. Two sentences report the same information when their embeddings are very close, or
close and sharing a good part of their key words; never when their numbers disagree.
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
    same: float = 0.85  # cosine at which two sentences say the same whatever their words
    support: float = 0.72  # cosine at which they do if they also share key words ...
    support_overlap: float = 0.45  # ... this share of the shorter one's key words
    candidate_overlap: float = 0.3  # key-word share for a sentence to be checked at all
    candidates_per_article: int = 2


def reports_same(similarity: float, a: str, b: str, config: CitationConfig) -> bool:
    """Whether two sentences with this embedding similarity report the same information.

    Embeddings alone confuse "Putin met Assad in 2015" with "Putin met Assad on Monday";
    below ``config.same`` the two must also share key words, and numbers must agree.
    """
    if numbers_disagree(a, b):
        return False
    if similarity >= config.same:
        return True
    return similarity >= config.support and key_overlap(a, b) >= config.support_overlap


def cite(
    chosen: Sequence[Sentence],
    sentences: Mapping[str, Sequence[Sentence]],
    embedder: Embedder,
    config: CitationConfig = CitationConfig(),
) -> tuple[SummarySentence, ...]:
    """Each chosen sentence with its own citation first, then one per supporting article."""
    candidates = {s.id: _candidates(s, sentences, config) for s in chosen}
    texts = list(
        dict.fromkeys(
            [s.text for s in chosen] + [c.text for found in candidates.values() for c in found]
        )
    )
    vectors = dict(zip(texts, embedder.encode(texts), strict=True)) if texts else {}
    result = []
    for sentence in chosen:
        citations = [Citation(sentence.article, sentence.start, sentence.end)]
        best: dict[str, tuple[float, Sentence]] = {}
        for other in candidates[sentence.id]:
            similarity = float(np.dot(vectors[sentence.text], vectors[other.text]))
            if reports_same(similarity, sentence.text, other.text, config) and (
                other.article not in best or similarity > best[other.article][0]
            ):
                best[other.article] = (similarity, other)
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
            if overlap >= config.candidate_overlap
        ]
    return found
