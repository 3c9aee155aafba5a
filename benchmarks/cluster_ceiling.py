"""How far could clustering on storyline's signals go? An oracle batch ceiling.

Reads a labelled clustering set (as ``storyline evaluate-clusters`` does), computes the
same three article signals the stream clusterer uses (MiniLM embedding of headline and
lead, TF-IDF of words and word pairs, TF-IDF of names; ``storyline.cluster.Vectorizer``),
then, for weighted sums of their cosine similarities minus a penalty per log day apart,
builds an average-linkage tree over *all* articles at once and cuts it at the threshold
that scores best against the answer key. That is more than a stream clusterer can do (it
sees the future and is tuned on the very labels it is scored on), so the best figure
printed is an upper estimate for any clustering of these signals, not a result:

    .venv/bin/python benchmarks/cluster_ceiling.py \\
        ../shared/eval/data/duc2004_events_clustering/test.jsonl [--part test]

Scores are extended B-cubed (``storyline.evaluate_clusters.score``).
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from storyline.cluster import Vectorizer
from storyline.embed import MiniLMEmbedder
from storyline.evaluate_clusters import read_labelled, score
from storyline.pipeline import prepare

WEIGHTS = (  # lexical, dense, names
    (1.0, 0.0, 0.0),
    (0.0, 1.0, 0.0),
    (0.0, 0.0, 1.0),
    (0.5, 0.5, 0.0),
    (0.3, 0.7, 0.0),
    (0.3, 0.5, 0.2),
)
DECAYS = (0.0, 0.05, 0.1)  # similarity taken off per log(1 + days apart)
CUTS = np.arange(0.2, 1.3, 0.04)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path")
    parser.add_argument("--part", default="test", choices=("all", "tune", "test"))
    args = parser.parse_args()

    documents, labels, _ = read_labelled(args.path, args.part)
    articles = list(prepare(documents).articles)
    gold = [labels[a.id] for a in articles]
    items = Vectorizer(512).encode(articles, MiniLMEmbedder(), 0.6)
    similarities = {
        "lexical": _cosines(sparse.vstack([i.lexical for i in items])),
        "dense": _cosines(sparse.csr_matrix(np.stack([i.dense for i in items]))),
        "names": _cosines(sparse.vstack([i.names for i in items])),
    }
    days = np.array([a.date.toordinal() if a.date else np.nan for a in articles])
    apart = np.nan_to_num(np.log1p(np.abs(days[:, None] - days[None, :])), nan=0.0)

    print(f"{args.path} ({args.part}): {len(articles)} articles, {len(set().union(*gold))} labels")
    print("lexical dense names  decay   best cut   B3 P   B3 R   B3 F1")
    best = 0.0
    for weights, decay in itertools.product(WEIGHTS, DECAYS):
        similarity = sum(w * similarities[k] for w, k in zip(weights, similarities, strict=True))
        distance = np.clip(1.0 - similarity + decay * apart, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        found = [
            (score([str(x) for x in fcluster(tree, cut, criterion="distance")], gold), cut)
            for cut in CUTS
        ]
        scores, cut = max(found, key=lambda pair: pair[0].b3_f1)
        best = max(best, scores.b3_f1)
        print(
            f"{weights[0]:7.1f} {weights[1]:5.1f} {weights[2]:5.1f}  {decay:5.2f}  {cut:9.2f}"
            f"  {scores.b3_precision:.3f}  {scores.b3_recall:.3f}  {scores.b3_f1:.3f}",
            flush=True,
        )
    print(f"ceiling (best B3 F1 over every combination and cut, answer key chosen): {best:.3f}")


def _cosines(rows: sparse.spmatrix) -> np.ndarray:
    """All pairwise cosines of the rows (rows of zeros have cosine 0 with everything)."""
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    unit = sparse.diags(1.0 / np.where(norms == 0, 1.0, norms)) @ rows
    return np.asarray((unit @ unit.T).toarray())


if __name__ == "__main__":
    main()
