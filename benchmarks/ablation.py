"""Ablation of the summarizer: each component off in turn, on a tuning set.

    .venv/bin/python benchmarks/ablation.py [--set multi_news|duc2004] [--limit N]

Runs `storyline.evaluate.evaluate` for storyline only, with the shipped models and config
changed one component at a time, and prints a Markdown table: Multi-News validation at 250
words (F1) or DUC 2004 at 100 words (recall). Both sets are tuning sets, and the shipped
concept model was fitted on them, so the absolute figures are optimistic; the differences
between rows are what the table is for (held-out figures: benchmarks/train_concepts.py --cv).
"""

from __future__ import annotations

import argparse
import dataclasses

import numpy as np
from tuning_sets import SETS

import storyline.summarizer as summarizer
from storyline.evaluate import evaluate
from storyline.salience import FEATURES, Ranker
from storyline.summarizer import SummaryConfig


def only(feature: str) -> Ranker:
    """A ranker that orders sentences by one feature alone."""
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index(feature)] = 1.0
    return Ranker(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights, 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), default="multi_news")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    data, words, metric = SETS[args.set]
    base = SummaryConfig(words=words, overflow=10)
    variants: list[tuple[str, SummaryConfig, Ranker | None]] = [
        ("storyline (all components)", base, None),
        ("no concept coverage (ranker salience only)", dataclasses.replace(base, concepts=0), None),
        (
            "no ranker salience (concept coverage only)",
            dataclasses.replace(base, salience=0.0),
            None,
        ),
        ("ranker: position only, with coverage", base, only("inverse_position")),
        ("no shortening of sentences", dataclasses.replace(base, shorten=False), None),
        ("no standalone filter (dangling openers allowed)", base, None),
        (
            "no length filter (any sentence length)",
            dataclasses.replace(base, min_words=1, max_words=1000),
            None,
        ),
    ]
    print(f"{data.name} ({args.set}), {words} words, ROUGE {metric}")
    print(f"| variant | R-1 {metric} | R-2 {metric} | R-Lsum {metric} |")
    print("|---|---|---|---|")
    original = summarizer.standalone
    for name, config, ranker in variants:
        if name.startswith("no standalone"):
            summarizer.standalone = lambda text: True  # type: ignore[assignment]
        result = evaluate(
            data,
            words=words,
            systems=["storyline"],
            limit=args.limit,
            metric=metric,
            jobs=2,
            config=config,
            ranker=ranker,
        )
        summarizer.standalone = original
        s = result.systems[0]
        print(f"| {name} | {s.rouge1:.2f} | {s.rouge2:.2f} | {s.rougeLsum:.2f} |", flush=True)


if __name__ == "__main__":
    main()
