"""Fit the concept-weight model shipped in storyline/concepts.pkl; print its cross-validation.

    .venv/bin/python benchmarks/train_concepts.py [--cv] [--out storyline/concepts.pkl]

Training data: every concept (stemmed word or word pair, storyline.concepts) of every
cluster of Multi-News validation (250 clusters) and DUC 2004 (50 clusters), with its features
computed on the shortened sentences the summarizer sees, and as target the share of the
cluster's reference summaries that contain it. Model: scikit-learn's
HistGradientBoostingRegressor (200 rounds, learning rate 0.05, 31 leaves, at least 100
concepts per leaf, no early stopping, so the fit is deterministic).

``--cv`` first prints held-out figures through ``storyline.evaluate``: DUC 2004 in 5 folds
(each fold summarized by a model fitted on the other 40 DUC clusters and all of Multi-News
validation; 100 words, recall) and Multi-News validation in 5 folds likewise (250 words,
F1). DUC 2004 is both a tuning set and the reported set of issue 3, so these held-out
figures are the honest ones; docs/evaluation.md reports both.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingRegressor
from tuning_sets import SETS

from storyline.concepts import ConceptModel, concept_features, concepts
from storyline.embed import MiniLMEmbedder
from storyline.evaluate import evaluate
from storyline.ingest.clusters import read_clusters
from storyline.pipeline import prepare
from storyline.shorten import shorten

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 5


@dataclass(frozen=True)
class Rows:
    cluster: str
    features: np.ndarray
    target: np.ndarray


def rows(path: Path) -> list[Rows]:
    clusters, _ = read_clusters(path)
    out = []
    for cluster in clusters:
        corpus = prepare(cluster.documents)
        texts = [[shorten(s.text) for s in corpus.sentences[a.id]] for a in corpus.articles]
        keys, x = concept_features(texts)
        if not keys:
            continue
        covered = [concepts(reference) for reference in cluster.references]
        target = np.array([sum(k in c for c in covered) / len(covered) for k in keys])
        out.append(Rows(cluster.id, x, target))
    return out


def fit(parts: list[Rows]) -> ConceptModel:
    x = np.vstack([p.features for p in parts])
    y = np.concatenate([p.target for p in parts])
    estimator = HistGradientBoostingRegressor(
        max_iter=200,
        learning_rate=0.05,
        max_leaf_nodes=31,
        min_samples_leaf=100,
        early_stopping=False,
        random_state=0,
    )
    return ConceptModel(estimator.fit(x, y))


def cross_validate(data: dict[str, list[Rows]]) -> None:
    embedder = MiniLMEmbedder()
    for name, (path, words, metric) in SETS.items():
        other = [r for n, parts in data.items() if n != name for r in parts]
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        totals = np.zeros(3)
        count = 0
        for fold in range(FOLDS):
            held = {json.loads(line)["id"] for line in lines[fold::FOLDS]}
            model = fit(other + [r for r in data[name] if r.cluster not in held])
            with tempfile.TemporaryDirectory() as tmp:
                part = Path(tmp) / f"{name}-fold{fold}.jsonl"
                part.write_text("\n".join(lines[fold::FOLDS]) + "\n", encoding="utf-8")
                evaluation = evaluate(
                    part,
                    words=words,
                    systems=("storyline",),
                    metric=metric,
                    embedder=embedder,
                    concept_model=model,
                )
            result, n = evaluation.systems[0], len(evaluation.clusters)
            totals += n * np.array([result.rouge1, result.rouge2, result.rougeLsum])
            count += n
            print(f"{name} fold {fold}: R-1 {result.rouge1:.2f} R-2 {result.rouge2:.2f}")
        r1, r2, rl = totals / count
        print(
            f"{name} {FOLDS}-fold held-out ({metric}, {words} words, {count} clusters): "
            f"R-1 {r1:.2f}  R-2 {r2:.2f}  R-Lsum {rl:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print held-out figures first")
    parser.add_argument("--out", type=Path, default=ROOT / "storyline" / "concepts.pkl")
    args = parser.parse_args()
    data = {name: rows(path) for name, (path, _, _) in SETS.items()}
    if args.cv:
        cross_validate(data)
    model = fit([r for parts in data.values() for r in parts])
    args.out.write_bytes(model.dumps())
    size = sum(len(r.target) for parts in data.values() for r in parts)
    print(f"fitted on {size} concepts of {sum(map(len, data.values()))} clusters; wrote {args.out}")


if __name__ == "__main__":
    main()
