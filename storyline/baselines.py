"""Baseline summarizers that `storyline evaluate` runs beside storyline on the same input.

Every baseline gets the same cleaned, segmented sentences as storyline (a list of sentences
per document), so the comparison is between ways of choosing sentences. Each returns
sentences in the order it would print them, adding sentences until the word budget is
reached (the last one may overflow; the scorer truncates every system the same way).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from rouge_score import tokenize as rouge_tokenize
from rouge_score.rouge_scorer import _create_ngrams

from storyline.concepts import stemmer

Documents = Sequence[Sequence[str]]
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def lead(documents: Documents, words: int) -> list[str]:
    """Round robin over documents: every first sentence, then every second, and so on."""
    chosen: list[str] = []
    used = 0
    depth = max((len(d) for d in documents), default=0)
    for index in range(depth):
        for document in documents:
            if index < len(document) and used < words:
                chosen.append(document[index])
                used += len(document[index].split())
    return chosen


class _Tokenizer:
    """sumy's tokenizer protocol, backed by our sentence splitter; no NLTK data needed."""

    language = "english"

    @staticmethod
    def to_sentences(paragraph: str) -> tuple[str, ...]:
        from storyline.segment import split_paragraph

        return tuple(paragraph[s.start : s.end] for s in split_paragraph(paragraph))

    @staticmethod
    def to_words(sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def _budget(words: int) -> Callable[[Sequence[Any]], list[Any]]:
    """sumy's sentence count as a callable: best-rated sentences until ``words`` are used."""

    def take(ranked: Sequence[Any]) -> list[Any]:
        chosen, used = [], 0
        for info in ranked:
            if used >= words:
                break
            chosen.append(info)
            used += len(str(info.sentence).split())
        return chosen

    return take


def _sumy(kind: str, documents: Documents, words: int) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    tokenizer = _Tokenizer()
    model = ObjectDocumentModel(
        [
            Paragraph([Sentence(s, tokenizer) for s in document])
            for document in documents
            if document
        ]
    )
    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(
        Stemmer("english")
    )
    summarizer.stop_words = _stop_words()
    picked = summarizer(model, _budget(words))
    return [str(s) for s in picked]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


def lexrank(documents: Documents, words: int) -> list[str]:
    """sumy's LexRank (Erkan and Radev 2004), with stemming and English stopwords."""
    return _sumy("lexrank", documents, words)


def textrank(documents: Documents, words: int) -> list[str]:
    """sumy's TextRank (Mihalcea and Tarau 2004), with stemming and English stopwords."""
    return _sumy("textrank", documents, words)


# ------------------------------------------------------------------- greedy oracle


def _tokens(text: str) -> list[str]:
    return list(rouge_tokenize.tokenize(text, stemmer()))


def oracle(documents: Documents, words: int, references: Sequence[str]) -> list[str]:
    """Greedy extractive oracle: an upper bound for sentence extraction.

    Adds the sentence that most raises the mean over references of ROUGE-1 F1 + ROUGE-2 F1
    of the summary so far, until the budget is used or no sentence helps.
    """
    pool = [s for document in documents for s in document]
    tokens = [_tokens(s) for s in pool]
    targets = [
        (Counter(_create_ngrams(t, 1)), Counter(_create_ngrams(t, 2)))
        for t in (_tokens(r) for r in references)
    ]
    chosen: list[int] = []
    summary: list[str] = []
    best_value = 0.0
    while sum(len(pool[i].split()) for i in chosen) < words:
        best, best_gain = -1, best_value
        for i in range(len(pool)):
            if i in chosen:
                continue
            value = _oracle_value(summary + tokens[i], targets, words)
            if value > best_gain:
                best, best_gain = i, value
        if best < 0:
            break
        chosen.append(best)
        summary = summary + tokens[best]
        best_value = best_gain
    return [pool[i] for i in chosen]


def _oracle_value(
    summary: list[str], targets: list[tuple[Counter[Any], Counter[Any]]], words: int
) -> float:
    summary = summary[: int(words * 1.5)]  # stemmed tokens run a little longer than words
    uni, bi = Counter(_create_ngrams(summary, 1)), Counter(_create_ngrams(summary, 2))
    total = 0.0
    for ref_uni, ref_bi in targets:
        total += _f1(uni, ref_uni) + _f1(bi, ref_bi)
    return total / max(len(targets), 1)


def _f1(candidate: Counter[Any], reference: Counter[Any]) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)
