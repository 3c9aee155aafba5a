"""Fit the claim-pair scorer of storyline.analyze.claims on the dev stories, and choose
its pairing and conflict thresholds by leave-one-story-out runs.

Every two claims of different outlets in one unit make a training pair; it is positive
when the story's annotation puts both in one conflict or agreement (they count the same
quantity), negative otherwise. For each held-out story the scorer is fitted on the other
dev stories; the conflicts and agreements it then finds among that story's numbers and
dates are scored as bench_analysis.py scores them. Numbers and dates have a regression
each. The test stories are never read.

    .venv/bin/python benchmarks/train_claim_pairs.py [--drop event,names] [--certain 0,0.9]
        [--date-certain 0.9,1] [--show 0.5 0.8 0.7 0.7 0.9 0.95]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from bench_analysis import Tally, articles_of, expression_span, load, locate, overlaps
from bench_analysis import score_comparisons as score
from sklearn.linear_model import LogisticRegression

from storyline.analyze.claims import (
    PAIR_FEATURES,
    PAIR_KINDS,
    Found,
    PairScorer,
    Regression,
    claim_cosines,
    compare,
    pair_features,
    pair_kind,
    story_found,
)
from storyline.analyze.nlp import parse
from storyline.analyze.timeline import dated_mentions
from storyline.embed import MiniLMEmbedder


@dataclass(frozen=True)
class Story:
    """One annotated story's claims, their sentences' cosines, the training pairs and the
    annotated conflicts and agreements its claims point at."""

    name: str
    by_gold: dict
    found: list[Found]
    cosines: np.ndarray
    rows: np.ndarray
    labels: np.ndarray
    kinds: np.ndarray
    conflicts: list[dict]
    agreements: list[dict]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularization")
    parser.add_argument("--pairs", default="0.3,0.4,0.5,0.6")
    parser.add_argument("--conflicts", default="0.5,0.6,0.7,0.8")
    parser.add_argument("--date-conflicts", default="0.7,0.8,0.9")
    parser.add_argument("--sure", default="0.7", help="pairs that hold a part together")
    parser.add_argument("--certain", default="0", help="conflicts less sure are possible conflicts")
    parser.add_argument("--date-certain", help="the same for dates (default: as --certain)")
    parser.add_argument(
        "--show",
        type=float,
        nargs=6,
        help="errors at these pair, conflict, date, sure, certain, date-certain",
    )
    parser.add_argument("--drop", default="", help="features to leave out, comma-separated")
    args = parser.parse_args()
    stories = dev_stories()
    pairs = sum(len(s.labels) for s in stories)
    positive = sum(int(s.labels.sum()) for s in stories)
    print(f"{len(stories)} dev stories, {pairs} claim pairs, {positive} positive")
    drop = [name for name in args.drop.split(",") if name]
    held_out = [fit([t for t in stories if t is not s], args.c, drop) for s in stories]
    print(
        f"{'pair':>5} {'conflict':>8} {'dates':>5} {'sure':>5} {'certain':>7} {'dates':>5}"
        "  conflicts P / R   agreements P / R"
    )
    grid = itertools.product(
        floats(args.pairs),
        floats(args.conflicts),
        floats(args.date_conflicts),
        floats(args.sure),
        floats(args.certain),
        floats(args.date_certain) if args.date_certain else [None],
    )
    for pair, conflict, dates, sure, certain, date_certain in grid:
        if min(conflict, dates) < pair:
            continue
        if date_certain is None:
            date_certain = certain
        thresholds = (pair, conflict, dates, sure, certain, date_certain)
        conflicts, agreements = Tally(), Tally()
        for story, scorer in zip(stories, held_out, strict=True):
            run(story, with_thresholds(scorer, thresholds), conflicts, agreements)
        print(
            f"{pair:>5.2f} {conflict:>8.2f} {dates:>5.2f} {sure:>5.2f} {certain:>7.2f}"
            f" {date_certain:>5.2f}"
            f"  {conflicts.precision():.3f} / {conflicts.recall():.3f}"
            f"    {agreements.precision():.3f} / {agreements.recall():.3f}"
            f"   ({conflicts.correct}/{conflicts.predicted} right, {conflicts.found} found)"
        )
    if args.show:
        conflicts, agreements = Tally(), Tally()
        for story, scorer in zip(stories, held_out, strict=True):
            run(story, with_thresholds(scorer, args.show), conflicts, agreements)
        for note in conflicts.notes + agreements.notes:
            print("  ", note)
    final = fit(stories, args.c, drop)
    print(f"  {'feature':<17} " + " ".join(f"{k:>13}" for k in PAIR_KINDS))
    for index, feature in enumerate((*PAIR_FEATURES, "bias")):
        weights = [(*final.models[k].weights, final.models[k].bias)[index] for k in PAIR_KINDS]
        print(f"  {feature:<17} " + " ".join(f"{w:+13.3f}" for w in weights))
    for kind in PAIR_KINDS:
        print(f"{kind!r}: {final.models[kind]},")


def dev_stories() -> list[Story]:
    """Every dev story's claims, cosines, training pairs and annotated groups."""
    embedder = MiniLMEmbedder()
    stories = []
    for data in load("dev"):
        originals, by_gold, sentences = articles_of(data)
        docs = parse([a.text for a in originals])
        by_id = dict(zip([a.id for a in originals], docs, strict=True))
        mentions = dated_mentions(originals, sentences, by_id)
        found = story_found(originals, sentences, by_id, mentions)
        cosines = claim_cosines(found, embedder)
        rows, labels, kinds = training_pairs(data, by_gold, found, cosines)
        numeric = {
            key: [g for g in data[key] if gold_groups(by_gold, found, g)]
            for key in ("conflicts", "agreements")
        }
        stories.append(
            Story(
                data["story"],
                by_gold,
                found,
                cosines,
                rows,
                labels,
                kinds,
                numeric["conflicts"],
                numeric["agreements"],
            )
        )
    return stories


def training_pairs(
    data: dict, by_gold: dict, found: Sequence[Found], cosines: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    groups = [
        gold_groups(by_gold, found, g) for key in ("conflicts", "agreements") for g in data[key]
    ]
    rows, labels, kinds = [], [], []
    for i, j in itertools.combinations(range(len(found)), 2):
        a, b = found[i], found[j]
        if a.source == b.source or a.quantity.unit != b.quantity.unit:
            continue
        rows.append(pair_features(a, b, *cosines[:, i, j]))
        labels.append(any(i in g and j in g for g in groups))
        kinds.append(pair_kind(a, b))
    return (
        np.array(rows).reshape(-1, len(PAIR_FEATURES)),
        np.array(labels, dtype=float),
        np.array(kinds),
    )


def gold_groups(by_gold: dict, found: Sequence[Found], group: dict) -> set[int]:
    """Indices of the found claims that an annotated group's claims point at."""
    members = set()
    for claim in group["claims"]:
        article = by_gold[claim["article"]]
        span = locate(article, claim["text"])
        if span is None:
            continue
        for index, item in enumerate(found):
            if item.claim.article == article.id and overlaps(expression_span(item.claim), span):
                members.add(index)
    return members


def fit(stories: Sequence[Story], c: float, drop: Sequence[str] = ()) -> PairScorer:
    """The scorer's regressions, one per :data:`PAIR_KINDS`, fitted on ``stories``; the
    features named in ``drop`` are left out (held at zero, so their weights are zero)."""
    rows = np.vstack([s.rows for s in stories])
    rows[:, [PAIR_FEATURES.index(name) for name in drop]] = 0
    labels = np.concatenate([s.labels for s in stories])
    kinds = np.concatenate([s.kinds for s in stories])
    models = {}
    for kind in PAIR_KINDS:
        part = kinds == kind
        model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        model.fit(rows[part], labels[part])
        models[kind] = Regression(
            tuple(round(float(w), 3) for w in model.coef_[0]),
            round(float(model.intercept_[0]), 3),
        )
    return PairScorer(models)


def run(story: Story, scorer: PairScorer, conflicts: Tally, agreements: Tally) -> None:
    found_conflicts, found_agreements = compare(story.found, story.cosines, scorer)
    reported = [c for c in found_conflicts if c.status == "conflict"]
    score(reported, story.conflicts, story.by_gold, conflicts, story.name, True)
    score(found_agreements, story.agreements, story.by_gold, agreements, story.name)


def with_thresholds(scorer: PairScorer, thresholds: Sequence[float]) -> PairScorer:
    """``scorer`` with the pair, conflict, date-conflict, sure, certain and date-certain
    thresholds given (the last defaults to certain)."""
    pair, conflict, dates, sure, certain, *rest = thresholds
    return dataclasses.replace(
        scorer,
        pair=pair,
        conflict=conflict,
        date_conflict=dates,
        sure=sure,
        certain=certain,
        date_certain=rest[0] if rest else certain,
    )


def floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",")]


if __name__ == "__main__":
    main()
