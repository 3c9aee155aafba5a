"""Ablation of the summarizer on Multi-News validation: each component off in turn.

    .venv/bin/python benchmarks/ablation.py [--data PATH] [--limit N]

Runs `storyline.evaluate.evaluate` for storyline only, with the shipped ranker and config
changed one component at a time, and prints a Markdown table of ROUGE F1 at 250 words.
Validation data only: these are the numbers the design was chosen on.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import numpy as np

from storyline.evaluate import evaluate
from storyline.salience import FEATURES, Ranker, default_ranker
from storyline.summarizer import SummaryConfig

DATA = (
    Path(__file__).resolve().parent.parent.parent / "shared/eval/data/multi_news/validation.jsonl"
)


def only(feature: str) -> Ranker:
    """A ranker that orders sentences by one feature alone."""
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index(feature)] = 1.0
    return Ranker(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights, 0.0)


def without(groups: tuple[str, ...]) -> Ranker:
    """The shipped ranker with some features' weights set to zero."""
    ranker = default_ranker()
    weights = ranker.weights.copy()
    for feature in groups:
        weights[FEATURES.index(feature)] = 0.0
    return dataclasses.replace(ranker, weights=weights)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    base = SummaryConfig(words=250, overflow=True)
    variants = [
        ("storyline (all components)", base, None),
        ("ranker: position only (lead-like)", base, only("inverse_position")),
        ("ranker: TF-IDF centrality only", base, only("cluster_centrality")),
        (
            "ranker without position features",
            base,
            without(("inverse_position", "relative_position", "first_sentence")),
        ),
        (
            "ranker without centrality/support",
            base,
            without(
                (
                    "cluster_centrality",
                    "document_centrality",
                    "word_probability",
                    "cross_document_support",
                )
            ),
        ),
        (
            "ranker without boilerplate/style cues",
            base,
            without(("boilerplate", "capitalized", "question", "stopwords", "quotation")),
        ),
        ("no redundancy control", dataclasses.replace(base, redundancy=1.01), None),
        ("no standalone filter (dangling openers allowed)", base, None),
        (
            "no length filter (any sentence length)",
            dataclasses.replace(base, min_words=1, max_words=1000),
            None,
        ),
    ]
    print("| variant | R-1 F1 | R-2 F1 | R-Lsum F1 |")
    print("|---|---|---|---|")
    for name, config, ranker in variants:
        if name.startswith("no standalone"):
            import storyline.summarizer as summarizer

            original = summarizer.standalone
            summarizer.standalone = lambda text: True  # type: ignore[assignment]
        result = evaluate(
            args.data,
            words=250,
            systems=["storyline"],
            limit=args.limit,
            jobs=2,
            config=config,
            ranker=ranker,
        )
        if name.startswith("no standalone"):
            summarizer.standalone = original
        s = result.systems[0]
        print(f"| {name} | {s.rouge1:.2f} | {s.rouge2:.2f} | {s.rougeLsum:.2f} |", flush=True)


if __name__ == "__main__":
    main()
