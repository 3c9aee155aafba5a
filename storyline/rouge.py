"""ROUGE as summarization papers report it, through Google's ``rouge-score`` package.

Settings: ROUGE-1, ROUGE-2 and ROUGE-Lsum with the Porter stemmer and stopwords kept; the
summary is truncated to the word budget (whitespace tokens, like ROUGE-1.5.5's ``-l``);
Lsum compares one sentence per line; the Multi-News house-style "– " opening a reference
is stripped; with several references every figure is the mean over them (ROUGE-1.5.5's
``-f A``), not the best. See docs/evaluation.md for how close this comes to ROUGE-1.5.5.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rouge_score import rouge_scorer

from storyline.segment import split_paragraph

TYPES = ("rouge1", "rouge2", "rougeLsum")
_LEADING_DASH = re.compile(r"^\s*[–—-]\s+")


@dataclass(frozen=True)
class Rouge:
    """Scores of one summary, each a fraction in [0, 1]."""

    rouge1_recall: float
    rouge1_f: float
    rouge2_recall: float
    rouge2_f: float
    rougeLsum_recall: float
    rougeLsum_f: float


def truncate(sentences: Sequence[str], words: int | None) -> list[str]:
    """The sentences cut to at most ``words`` whitespace tokens; the last one may be cut."""
    if words is None:
        return [s for s in sentences if s.strip()]
    kept: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if left <= 0:
            break
        if tokens:
            kept.append(" ".join(tokens[:left]))
            left -= len(tokens)
    return kept


@lru_cache(maxsize=4096)
def _reference_target(reference: str) -> str:
    return "\n".join(reference_sentences(reference))


def reference_sentences(reference: str) -> list[str]:
    """A reference as sentences: its lines, each split further by the sentence splitter."""
    text = _LEADING_DASH.sub("", reference.strip())
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(line[s.start : s.end] for s in split_paragraph(line))
    return sentences


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(TYPES), use_stemmer=True)


def score(summary: Sequence[str], references: Sequence[str], words: int | None) -> Rouge:
    """Score ``summary`` (its sentences) against each reference and average over them."""
    candidate = "\n".join(truncate(summary, words))
    totals = dict.fromkeys(("r1r", "r1f", "r2r", "r2f", "lr", "lf"), 0.0)
    for reference in references:
        result = _scorer().score(_reference_target(reference), candidate)
        totals["r1r"] += result["rouge1"].recall
        totals["r1f"] += result["rouge1"].fmeasure
        totals["r2r"] += result["rouge2"].recall
        totals["r2f"] += result["rouge2"].fmeasure
        totals["lr"] += result["rougeLsum"].recall
        totals["lf"] += result["rougeLsum"].fmeasure
    n = max(len(references), 1)
    return Rouge(
        rouge1_recall=totals["r1r"] / n,
        rouge1_f=totals["r1f"] / n,
        rouge2_recall=totals["r2r"] / n,
        rouge2_f=totals["r2f"] / n,
        rougeLsum_recall=totals["lr"] / n,
        rougeLsum_f=totals["lf"] / n,
    )
