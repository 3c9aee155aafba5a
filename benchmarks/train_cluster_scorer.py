"""Fit the article–event scorer of storyline.cluster on the tuning halves of two labelled
streams, then pick the join probability by clustering those halves.

Only the "tune" half of each set's labels is used (storyline.evaluate_clusters.PARTS);
report on the "test" half with `storyline evaluate-clusters DATA --part test`. Both sets'
labels are scored as events: DUC 2004 clusters (full-length newswire) and UCI Google News
stories (headlines only), so one scorer must serve long and short texts alike.

Training pairs come from the gold clustering replayed as a stream (teacher forcing): each
article, in stream order, is compared with every gold event open in the window so far;
the pair is positive when the article belongs to it. The two sets weigh the same.

    .venv/bin/python benchmarks/train_cluster_scorer.py
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import statistics
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.cluster import (
    FEATURES,
    ClusterConfig,
    EventVectors,
    Scorer,
    Vectorizer,
    pair_features,
)
from storyline.dedup import Deduplicator
from storyline.embed import Embedder, MiniLMEmbedder
from storyline.evaluate_clusters import cluster_stream, day_batches, read_labelled, score
from storyline.model import Article
from storyline.pipeline import prepare

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"
SETS = {
    "duc2004": DATA / "duc2004_events_clustering" / "test.jsonl",
    "uci": DATA / "uci_news_aggregator" / "sample.jsonl",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--joins", default="0.05,0.1,0.15,0.2")
    parser.add_argument("--brief-joins", default="0.01,0.02,0.05,0.1")
    parser.add_argument("--storyline-joins", default="0.2,0.5,0.8,0.95,0.99")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularization")
    args = parser.parse_args()
    embedder = MiniLMEmbedder()
    config = ClusterConfig()
    streams = {}
    rows, labels, weights = [], [], []
    for name, path in SETS.items():
        documents, gold_of, _ = read_labelled(path, "tune")
        articles = list(prepare(documents).articles)
        streams[name] = (articles, [gold_of[a.id] for a in articles])
        x, y = replay(articles, gold_of, embedder, config)
        rows.append(x)
        labels.append(y)
        weights.append(np.full(len(y), 1.0 / len(y)))
        print(f"{name}: {len(articles)} articles, {len(y)} pairs, {int(y.sum())} positive")
    model = LogisticRegression(C=args.c, max_iter=5000)
    sample = np.concatenate(weights)
    model.fit(np.vstack(rows), np.concatenate(labels), sample_weight=sample / sample.mean())
    scorer = Scorer(
        tuple(round(float(w), 3) for w in model.coef_[0]), round(float(model.intercept_[0]), 3)
    )
    for feature, weight in zip(FEATURES, scorer.weights, strict=True):
        print(f"  {feature:<14} {weight:+.3f}")
    print(f"  {'bias':<14} {scorer.bias:+.3f}")
    results = []
    for join, brief in itertools.product(_floats(args.joins), _floats(args.brief_joins)):
        trial = dataclasses.replace(config, scorer=scorer, join=join, join_brief=brief)
        f1 = {}
        for name, (articles, gold) in streams.items():
            placed, _ = cluster_stream(articles, embedder, trial)
            f1[name] = score([placed[a.id][0] for a in articles], gold).b3_f1
        results.append((statistics.mean(f1.values()), join, brief))
        print(
            f"join {join:.2f} brief {brief:.2f}  "
            + "  ".join(f"{n} {v:.3f}" for n, v in f1.items()),
            flush=True,
        )
    best = max(results)
    print(f"\nbest: join={best[1]} join_brief={best[2]} (mean B3 F1 {best[0]:.3f}) {scorer}")
    # Storylines: no set labels them, so the DUC topics stand in (an upper bound on how much
    # threading is right: related topics there, such as a crackdown and its trials, are
    # separate labels). The default is the value that scores best here.
    articles, gold = streams["duc2004"]
    for storyline_join in _floats(args.storyline_joins):
        trial = dataclasses.replace(
            config, scorer=scorer, join=best[1], join_brief=best[2], storyline_join=storyline_join
        )
        placed, _ = cluster_stream(articles, embedder, trial)
        found = score([placed[a.id][1] for a in articles], gold)
        print(f"storyline_join {storyline_join:.2f}  duc2004 storylines B3 F1 {found.b3_f1:.3f}")


def replay(
    articles: Sequence[Article],
    gold_of: dict[str, frozenset[str]],
    embedder: Embedder,
    config: ClusterConfig,
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows and 0/1 labels of every (article, open gold event) pair of the stream."""
    vectorizer = Vectorizer(config.projection)
    dedup = Deduplicator()
    events: dict[str, EventVectors] = {}
    rows: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for batch in day_batches(articles, 1):
        originals = [a for a in dedup.add(batch) if a.duplicate_of is None]
        if not originals:
            continue
        items = vectorizer.encode(originals, embedder, config.lexical_weight)
        for article, item in zip(originals, items, strict=True):
            day = article.date.toordinal() if article.date else None
            open_ = [(k, e) for k, e in events.items() if e.gap(day) <= config.window_days]
            if open_:
                found = [e for _, e in open_]
                rows.append(pair_features(item, found, [e.gap(day) for e in found]))
                labels.append(np.array([k in gold_of[article.id] for k, _ in open_], dtype=int))
            for label in gold_of[article.id]:
                if label not in events:
                    events[label] = EventVectors.empty(label, item)
                events[label].add(item, day)
    return np.vstack(rows), np.concatenate(labels)


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x.strip()]


if __name__ == "__main__":
    main()
