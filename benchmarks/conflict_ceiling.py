"""How far could conflict finding go with storyline's claims? Ceilings on the dev stories.

Conflicts are found in three steps: claims are read from the text (a number or a date
with what it counts), claims of two outlets are paired by the scorer, and paired claims
whose values differ are grouped and judged. This script measures each step's ceiling on
the annotated dev stories (the test stories are never read):

1. extraction: the annotated conflicts with a claim found for them in two outlets whose
   values differ (so that some pairing could find them);
2. annotated pairing: the claims paired exactly as the annotation pairs them (both in
   one annotated conflict or agreement), everything after that as shipped;
3. the scorer fitted on all dev stories and scored on the same stories (in-sample), over
   a grid of certainties: the best it could do if the dev stories were all there is;
4. the same, each story scored by a scorer fitted on the other stories (held-out), which
   is what the shipped thresholds are chosen on.

    .venv/bin/python benchmarks/conflict_ceiling.py   # ~4 min on 2 cores

Figures are conflicts P / R as benchmarks/train_claim_pairs.py prints them (recall over
the annotated conflicts whose claims are found at all).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from bench_analysis import Tally
from train_claim_pairs import Story, dev_stories, fit, gold_groups, run, with_thresholds

from storyline.analyze.claims import Found, PairScorer

PAIRING = (0.5, 0.5, 0.6, 0.5)  # pair, conflict, date conflict, sure: the shipped values
CERTAIN = (0.0, 0.5, 0.6, 0.7, 0.8, 0.82, 0.86, 0.9, 0.93, 0.95, 0.97, 0.99)
DATE_CERTAIN = (0.0, 0.8, 0.9, 0.97, 1.0)
TARGET = 0.9  # conflicts precision the issue asks for


@dataclass(frozen=True)
class AnnotatedPairs(PairScorer):
    """A scorer that pairs two claims exactly when the annotation does."""

    same: frozenset[frozenset[Found]] = frozenset()

    def chance(self, a: Found, b: Found, cosines: Sequence[float]) -> float:
        return float(frozenset((a, b)) in self.same)


def main() -> None:
    stories = dev_stories()
    annotated = sum(len(s.conflicts) for s in stories)
    print(f"{len(stories)} dev stories, {annotated} annotated conflicts whose claims are found")
    print(f"extraction: {extractable(stories)} of them have two outlets' differing claims")

    conflicts, agreements = Tally(), Tally()
    for story in stories:
        run(story, annotated_pairs(story), conflicts, agreements)
    print(
        f"annotated pairing: conflicts {conflicts.precision():.3f} / {conflicts.recall():.3f}"
        f", agreements {agreements.precision():.3f} / {agreements.recall():.3f}"
    )

    every = fit(stories, 1.0)
    curve("in-sample scorer", stories, [every] * len(stories))
    held_out = [fit([t for t in stories if t is not s], 1.0) for s in stories]
    curve("held-out scorer", stories, held_out)


def extractable(stories: Sequence[Story]) -> int:
    """Annotated conflicts with two claims of different outlets whose values differ."""
    count = 0
    for story in stories:
        for group in story.conflicts:
            members = [story.found[i] for i in gold_groups(story.by_gold, story.found, group)]
            count += any(
                a.source != b.source
                and a.quantity.unit == b.quantity.unit
                and a.quantity.conflicts(b.quantity)
                for a, b in itertools.combinations(members, 2)
            )
    return count


def annotated_pairs(story: Story) -> PairScorer:
    """A scorer pairing ``story``'s claims as its annotation does, certain of each pair."""
    same = set()
    for group in (*story.conflicts, *story.agreements):
        members = gold_groups(story.by_gold, story.found, group)
        same.update(frozenset((story.found[i], story.found[j])) for i in members for j in members)
    return with_thresholds(AnnotatedPairs(same=frozenset(same)), (*PAIRING, 0.5, 0.5))


def curve(name: str, stories: Sequence[Story], scorers: Sequence[PairScorer]) -> None:
    """Conflicts P / R over the certainty grid; the best recall at the target precision."""
    best = None
    for certain, date_certain in itertools.product(CERTAIN, DATE_CERTAIN):
        conflicts, agreements = Tally(), Tally()
        for story, scorer in zip(stories, scorers, strict=True):
            thresholds = (*PAIRING, certain, date_certain)
            run(story, with_thresholds(scorer, thresholds), conflicts, agreements)
        point = (conflicts.recall(), conflicts.precision(), certain, date_certain)
        if certain == date_certain == 0.0:
            print(f"{name}, pairing alone: conflicts {point[1]:.3f} / {point[0]:.3f}")
        if point[1] >= TARGET and (best is None or point > best):
            best = point
    if best is None:
        print(f"{name}: precision never reaches {TARGET}")
    else:
        recall, precision, certain, date_certain = best
        print(
            f"{name}, best recall at precision {TARGET} or more: {precision:.3f} / "
            f"{recall:.3f} (certainty {certain} for numbers, {date_certain} for dates)"
        )


if __name__ == "__main__":
    main()
