"""Cheap per-sentence salience features and the learned ranker that combines them.

Features are computed from the words alone (no embeddings), so every sentence of a story can
be scored in milliseconds; the embedding model is then needed only for the few sentences a
summary keeps and for the sentences that may cite them. The ranker is a linear model whose
weights were fitted on the Multi-News validation set (see benchmarks/train_ranker.py and
docs/evaluation.md) and ship in ``ranker.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

FEATURES = (
    "inverse_position",
    "relative_position",
    "first_sentence",
    "length",
    "short",
    "cluster_centrality",
    "document_centrality",
    "word_probability",
    "cross_document_support",
    "capitalized",
    "digits",
    "quotation",
    "standalone",
    "boilerplate",
    "question",
    "documents",
    "document_length",
    "stopwords",
)

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those he she they his her their them him we our you your i me my
    said says say told would will could can may might must should has have had do does did
    not no so than then there here which who whom whose what when where why how all any both
    each more most other some such only also into over after before about up out s t""".split()
)
_BOILERPLATE = re.compile(
    r"https?://|www\.|\.com\b|@\w|©|\bcookies?\b|\bsubscrib|\bnewsletter|\bclick\b|"
    r"\badvertis|\bsign up\b|\bemail\b|\blearn more\b|\bfollow us\b|all rights reserved|"
    r"\bjavascript\b|\bbrowser\b|\btweet\b|\bsponsored\b|\bread more\b|\bshare this\b|"
    r"\bphoto:|\bimage:|\bcredit:|\bwatch:|\bvideo:",
    re.IGNORECASE,
)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens."""
    return _TOKEN.findall(text.lower())


def content_words(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS and len(t) > 1]


def features(
    documents: Sequence[Sequence[str]], standalone: Sequence[Sequence[bool]]
) -> np.ndarray:
    """One row of :data:`FEATURES` per sentence, documents in order, sentences in order."""
    bags = [[Counter(content_words(s)) for s in document] for document in documents]
    flat = [bag for document in bags for bag in document]
    n_docs = len(documents)
    df = Counter(word for bag in flat for word in bag)
    idf = {w: math.log((1 + len(flat)) / (1 + c)) + 1 for w, c in df.items()}
    vectors = [_tfidf(bag, idf) for bag in flat]
    cluster_centre = _normalize(_sum(vectors))
    totals: Counter[str] = Counter()
    for bag in flat:
        totals.update(bag)
    total_words = sum(totals.values()) or 1
    rows = []
    row = 0
    for d, document in enumerate(documents):
        doc_centre = _normalize(_sum(vectors[row : row + len(document)]))
        for i, sentence in enumerate(document):
            words = sentence.split()
            bag = bags[d][i]
            raw = tokens(sentence)
            rows.append(
                [
                    1.0 / (1.0 + i),
                    i / max(len(document), 1),
                    float(i == 0),
                    min(len(words), 80) / 40.0,
                    float(len(words) < 10),
                    _dot(vectors[row + i], cluster_centre),
                    _dot(vectors[row + i], doc_centre),
                    sum(totals[w] / total_words for w in bag) / max(len(bag), 1) * 100,
                    _support(bag, bags, d) / max(n_docs - 1, 1),
                    sum(1 for w in words[1:] if w[:1].isupper()) / max(len(words) - 1, 1),
                    float(any(c.isdigit() for c in sentence)),
                    float('"' in sentence or "“" in sentence),
                    float(standalone[d][i]),
                    float(bool(_BOILERPLATE.search(sentence))),
                    float(sentence.rstrip().endswith("?")),
                    min(n_docs, 10) / 10.0,
                    min(len(document), 100) / 100.0,
                    sum(1 for t in raw if t in STOPWORDS) / max(len(raw), 1),
                ]
            )
        row += len(document)
    return np.array(rows, dtype=np.float64).reshape(-1, len(FEATURES))


def _tfidf(bag: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    return _normalize({w: c * idf[w] for w, c in bag.items()})


def _sum(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    return dict(total)


def _normalize(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
    return {w: x / norm for w, x in vector.items()}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _support(bag: Counter[str], bags: Sequence[Sequence[Counter[str]]], own: int) -> int:
    """How many other documents have a sentence sharing 40 % of this one's content words."""
    if not bag:
        return 0
    words = set(bag)
    count = 0
    for d, document in enumerate(bags):
        if d == own:
            continue
        if any(
            len(words & other.keys()) >= 0.4 * min(len(words), len(other))
            for other in document
            if other
        ):
            count += 1
    return count


@dataclass(frozen=True)
class Ranker:
    """A linear model over standardized features: score = w · (x - mean) / scale + bias."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def score(self, rows: np.ndarray) -> np.ndarray:
        if rows.size == 0:
            return np.zeros(0)
        return ((rows - self.mean) / self.scale) @ self.weights + self.bias

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(FEATURES),
                "mean": self.mean.tolist(),
                "scale": self.scale.tolist(),
                "weights": self.weights.tolist(),
                "bias": self.bias,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> Ranker:
        data = json.loads(text)
        if list(data["features"]) != list(FEATURES):
            raise ValueError("ranker weights were fitted on other features; retrain them")
        return cls(
            np.array(data["mean"]),
            np.array(data["scale"]),
            np.array(data["weights"]),
            float(data["bias"]),
        )


@lru_cache(maxsize=1)
def default_ranker() -> Ranker:
    """The shipped ranker (storyline/ranker.json)."""
    text = resources.files("storyline").joinpath("ranker.json").read_text(encoding="utf-8")
    return Ranker.from_json(text)
