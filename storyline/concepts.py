"""Concepts (stemmed words and word pairs) of a story and how likely a summary should cover each.

A summary is good when it covers the story's important concepts once, in few words (the
coverage view of Gillick and Favre's ICSI summarizer). Which concepts matter is learned: each
concept gets cheap features (in how many articles it appears, how early, how often, whether
it is a name or a number, ...) and a gradient-boosted regression model, fitted by
``benchmarks/train_concepts.py`` on Multi-News validation and DUC 2004 (see
docs/evaluation.md), predicts the share of human reference summaries that contain it. The
model ships in ``concepts.pkl``.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from nltk.stem.porter import PorterStemmer

from storyline.salience import STOPWORDS

Concept = tuple[str, ...]

FEATURES = (
    "documents",
    "document_share",
    "occurrences",
    "first_position",
    "mean_position",
    "lead_sentences",
    "early_sentences",
    "capitalized",
    "number",
    "unigram",
    "starts_with_stopword",
    "story_documents",
    "sentence_length",
)

_WORD = re.compile(r"[A-Za-z0-9]+")
_EARLY = 3  # sentences counted as an article's opening


@lru_cache(maxsize=1)
def stemmer() -> PorterStemmer:
    """NLTK's Porter stemmer, the one ROUGE uses too; one instance per process."""
    return PorterStemmer()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return stemmer().stem(word) if len(word) > 3 else word


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    return frozenset(STOPWORDS) | {_stem(w) for w in STOPWORDS}


def _words(text: str) -> list[tuple[str, bool]]:
    """Stemmed lower-case words, each with whether it was capitalized mid-sentence."""
    found = _WORD.findall(text)
    return [(_stem(w.lower()), n > 0 and w[0].isupper()) for n, w in enumerate(found)]


def concepts(text: str) -> frozenset[Concept]:
    """Content words and word pairs of ``text`` (a pair of two stopwords is not a concept)."""
    return frozenset(_flags(text))


@lru_cache(maxsize=16384)
def _flags(text: str) -> dict[Concept, bool]:
    """Concepts of ``text``, each with whether it opens with a capitalized word (cached)."""
    return _concepts(_words(text))


def _concepts(words: list[tuple[str, bool]]) -> dict[Concept, bool]:
    stop = _stop_stems()
    found: dict[Concept, bool] = {}
    for n, (word, capital) in enumerate(words):
        if word not in stop and len(word) > 1:
            found[(word,)] = found.get((word,), False) or capital
        if n + 1 < len(words):
            following = words[n + 1][0]
            if not (word in stop and following in stop):
                found[(word, following)] = found.get((word, following), False) or capital
    return found


@dataclass
class _Tally:
    documents: set[int] = field(default_factory=set)
    occurrences: int = 0
    first: float = 1.0
    positions: float = 0.0
    lead: int = 0
    early: int = 0
    capitalized: int = 0
    lengths: int = 0


def concept_features(documents: Sequence[Sequence[str]]) -> tuple[list[Concept], np.ndarray]:
    """Every concept of a story (sentences grouped by article) and one row of FEATURES each."""
    tallies: dict[Concept, _Tally] = {}
    for d, document in enumerate(documents):
        for i, sentence in enumerate(document):
            position = i / max(len(document), 1)
            length = len(sentence.split())
            for concept, capital in _flags(sentence).items():
                tally = tallies.setdefault(concept, _Tally())
                tally.documents.add(d)
                tally.occurrences += 1
                tally.first = min(tally.first, position)
                tally.positions += position
                tally.lead += i == 0
                tally.early += i < _EARLY
                tally.capitalized += capital
                tally.lengths += length
    n = len(documents)
    stop = _stop_stems()
    keys = list(tallies)
    rows = [
        [
            len(t.documents),
            len(t.documents) / max(n, 1),
            t.occurrences,
            t.first,
            t.positions / t.occurrences,
            t.lead,
            t.early,
            t.capitalized / t.occurrences,
            float(any(ch.isdigit() for part in key for ch in part)),
            float(len(key) == 1),
            float(key[0] in stop),
            n,
            t.lengths / t.occurrences,
        ]
        for key, t in ((k, tallies[k]) for k in keys)
    ]
    return keys, np.array(rows, dtype=np.float64).reshape(-1, len(FEATURES))


@dataclass(frozen=True)
class ConceptModel:
    """Predicts, from :data:`FEATURES`, the share of reference summaries covering a concept."""

    estimator: Any  # a fitted scikit-learn regressor
    features: tuple[str, ...] = FEATURES

    def weights(self, documents: Sequence[Sequence[str]]) -> dict[Concept, float]:
        keys, rows = concept_features(documents)
        if not keys:
            return {}
        predicted = np.clip(self.estimator.predict(rows), 0.0, None)
        return dict(zip(keys, predicted.tolist(), strict=True))

    def dumps(self) -> bytes:
        return pickle.dumps({"features": list(self.features), "estimator": self.estimator})

    @classmethod
    def loads(cls, data: bytes) -> ConceptModel:
        # Only the file shipped inside the package is ever loaded (see default_concept_model).
        content = pickle.loads(data)
        if list(content["features"]) != list(FEATURES):
            raise ValueError("concept model was fitted on other features; retrain it")
        return cls(content["estimator"])


@lru_cache(maxsize=1)
def default_concept_model() -> ConceptModel:
    """The shipped model (storyline/concepts.pkl)."""
    data = resources.files("storyline").joinpath("concepts.pkl").read_bytes()
    return ConceptModel.loads(data)
