"""Precision and recall of story analysis on storyline's own annotated stories.

Usage: python benchmarks/bench_analysis.py [--part dev|test|all] [--show]

Reads ``benchmarks/data/analysis/{dev,test}/*.json`` (fictional stories, each told by
three or four outlets, annotated by their authors; format in that folder's README.md),
runs the real pipeline stages on each story (cleaning, copy folding, sentences, then
``analyze_story`` with MiniLM and spaCy) and scores:

- conflicts: a reported conflict is right when two of its claims are two claims of one
  annotated conflict (from different articles, or from one article that reports the
  dispute itself); recall counts annotated conflicts found;
- agreements: the same, against annotated agreements;
- possibly different: pairs reported side by side as possibly different, the same way
  against the annotated look-alikes that count different things (informative: the
  issue sets no target; a look-alike reported as a conflict is a false conflict above);
- possible conflicts: conflicts reported as possible, scored as conflicts are
  (informative);
- conflicts shown: reported conflicts, possible conflicts and possibly-different pairs
  together against the annotated conflicts: how many real conflicts a reader sees side
  by side either way (informative);
- quotes: a quote is found when a reported variant overlaps an annotated one; speaker
  accuracy is over found quotes; merging is pairwise F1 over found variants;
- timeline: an annotated date expression is right when a reported mention overlapping
  it resolves to the same period (day; ISO week; month; year) at the same precision;
- framing: a reported (entity, label, article) is right when the annotation lists that
  label for that entity in that article (equal, or one contains the other).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.analyze import analyze_story
from storyline.dedup import Deduplicator
from storyline.embed import MiniLMEmbedder
from storyline.model import Analysis, Article, Document
from storyline.pipeline import prepare

DATA = Path(__file__).parent / "data" / "analysis"


@dataclass
class Tally:
    """Counts of one feature: true positives over predicted and over annotated."""

    predicted: int = 0
    correct: int = 0
    annotated: int = 0
    found: int = 0
    notes: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.found / self.annotated if self.annotated else 1.0


def load(part: str) -> list[dict[str, Any]]:
    parts = ["dev", "test"] if part == "all" else [part]
    return [
        json.loads(p.read_text()) for name in parts for p in sorted((DATA / name).glob("*.json"))
    ]


def articles_of(story: dict[str, Any]) -> tuple[list[Article], dict[str, Article], Any]:
    """Run cleaning and copy folding; map annotation ids to articles."""
    documents = [
        Document(
            path=f"{a['id']}.txt",
            raw=a["text"],
            title=a.get("title"),
            source=a["outlet"],
            date=dt.date.fromisoformat(a["date"]) if a.get("date") else None,
        )
        for a in story["articles"]
    ]
    corpus = prepare(documents)
    folded = Deduplicator().add(corpus.articles)
    by_gold = {a.path.removesuffix(".txt"): a for a in folded}
    originals = [a for a in folded if a.duplicate_of is None]
    return originals, by_gold, corpus.sentences


def locate(article: Article, text: str, context: str | None = None) -> tuple[int, int] | None:
    """Offsets of an annotated span in the cleaned article text."""
    if context is not None:
        at = article.text.find(context)
        if at < 0:
            return None
        inner = context.find(text)
        return at + inner, at + inner + len(text)
    at = article.text.find(text)
    return (at, at + len(text)) if at >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def expression_span(claim: Any) -> tuple[int, int]:
    """Offsets of a claim's value as written (the claim gives its sentence's)."""
    at = claim.text.find(claim.expression)
    if at < 0:
        return claim.start, claim.end
    return claim.start + at, claim.start + at + len(claim.expression)


def score_comparisons(
    predicted: Iterable[Any],
    gold: Sequence[dict[str, Any]],
    by_gold: dict[str, Article],
    tally: Tally,
    name: str,
    one_article: bool = False,
) -> None:
    """Match predicted comparisons (claims with sentence offsets) to annotated ones; with
    ``one_article``, two annotated claims of one article match (a dispute it reports)."""
    gold_claims = []
    for g in gold:
        claims = []
        for c in g["claims"]:
            article = by_gold[c["article"]]
            span = locate(article, c["text"])
            if span:
                claims.append((article.id, span))
        gold_claims.append(claims)
    tally.annotated += len(gold)
    hit = set()
    for comparison in predicted:
        tally.predicted += 1
        matched = False
        for k, claims in enumerate(gold_claims):
            articles, hits = set(), set()
            for claim in comparison.claims:
                for n, (article_id, span) in enumerate(claims):
                    if claim.article == article_id and overlaps(expression_span(claim), span):
                        articles.add(article_id)
                        hits.add(n)
            if len(articles) >= 2 or (one_article and len(hits) >= 2):
                matched = True
                hit.add(k)
                break
        if matched:
            tally.correct += 1
        else:
            tally.notes.append(
                f"{name} false: {comparison.topic}: "
                + " | ".join(f"{c.value} «{c.expression}»" for c in comparison.claims)
            )
    tally.found += len(hit)
    for k, g in enumerate(gold):
        if k not in hit:
            tally.notes.append(
                f"{name} missed: {g['topic']}: " + " | ".join(c["text"] for c in g["claims"])
            )


def score_quotes(
    analysis: Analysis,
    story: dict[str, Any],
    by_gold: dict[str, Article],
    tallies: dict[str, Tally],
) -> None:
    found = tallies["quote found"]
    speaker = tallies["quote speaker"]
    merge = tallies["quote merging"]
    gold_variants = []  # (group index, article id, span, speaker)
    for k, group in enumerate(story["quotes"]):
        for v in group["variants"]:
            article = by_gold[v["article"]]
            if article.duplicate_of:
                continue
            span = locate(article, v["text"])
            if span:
                gold_variants.append((k, article.id, span, group["speaker"]))
    found.annotated += len(gold_variants)
    predicted = [
        (q_index, v, q.speaker) for q_index, q in enumerate(analysis.quotes) for v in q.variants
    ]
    found.predicted += len(predicted)
    assigned = {}
    for g_index, (_, article_id, span, gold_speaker) in enumerate(gold_variants):
        match = next(
            (
                p
                for p in predicted
                if p[1].article == article_id and overlaps((p[1].start, p[1].end), span)
            ),
            None,
        )
        if match is None:
            found.notes.append(
                f"quote missed: {story['articles'][0]['id'][:3]} «{span}» {gold_speaker}"
            )
            continue
        found.found += 1
        assigned[g_index] = match[0]
        speaker.predicted += 1
        speaker.annotated += 1
        expected = "" if gold_speaker.lower() == "unknown" else gold_speaker
        if match[2] == expected:
            speaker.correct += 1
            speaker.found += 1
        else:
            speaker.notes.append(
                f"speaker: «{match[1].text[:60]}» got {match[2]!r} want {expected!r}"
            )
    matched_predictions = {
        id(p[1])
        for p in predicted
        for g in gold_variants
        if p[1].article == g[1] and overlaps((p[1].start, p[1].end), g[2])
    }
    found.correct += len(matched_predictions)
    for p in predicted:
        if id(p[1]) not in matched_predictions:
            found.notes.append(f"quote extra: «{p[1].text[:60]}» ({p[2]})")
    items = sorted(assigned)
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_gold = gold_variants[a][0] == gold_variants[b][0]
            same_pred = assigned[a] == assigned[b]
            merge.predicted += same_pred
            merge.annotated += same_gold
            merge.correct += same_pred and same_gold
            merge.found += same_pred and same_gold
            if same_pred != same_gold:
                merge.notes.append(
                    f"merge {'split' if same_gold else 'joined'}: "
                    f"{gold_variants[a][1][:6]}{gold_variants[a][2]} / "
                    f"{gold_variants[b][1][:6]}{gold_variants[b][2]}"
                )


def same_period(
    date: dt.date | None, precision: str | None, gold: str, gold_precision: str
) -> bool:
    if date is None or precision != gold_precision:
        return False
    if gold_precision == "day":
        return date.isoformat() == gold
    if gold_precision == "week":
        return date.isocalendar()[:2] == dt.date.fromisoformat(gold).isocalendar()[:2]
    if gold_precision == "month":
        return date.isoformat()[:7] == gold[:7]
    return date.isoformat()[:4] == gold[:4]


def score_timeline(
    analysis: Analysis, story: dict[str, Any], by_gold: dict[str, Article], tally: Tally
) -> None:
    mentions = [m for entry in analysis.timeline for m in entry.citations]
    for g in story["timeline"]:
        article = by_gold[g["article"]]
        if article.duplicate_of:
            continue
        span = locate(article, g["text"], g["context"])
        tally.annotated += 1
        tally.predicted += 1
        if span is None:
            tally.notes.append(f"timeline: context not found {g['context']!r}")
            continue
        match = next(
            (
                m
                for m in mentions
                if m.article == article.id and overlaps((m.mention_start, m.mention_end), span)
            ),
            None,
        )
        if match is not None and same_period(
            match.date, match.precision, g["date"], g["precision"]
        ):
            tally.correct += 1
            tally.found += 1
        else:
            got = f"{match.date} {match.precision} «{match.mention}»" if match else "nothing"
            tally.notes.append(
                f"date {g['article']} «{g['text']}» want {g['date']} {g['precision']}, got {got}"
            )


def label_matches(label: str, gold: str) -> bool:
    return (
        label == gold
        or label in gold.split(" , ")
        or (len(label) > 3 and (label in gold or gold in label))
    )


def score_framing(
    analysis: Analysis, story: dict[str, Any], by_gold: dict[str, Article], tally: Tally
) -> None:
    gold_of = {a.id: gid for gid, a in by_gold.items()}
    entities = story["framing"]
    tally.annotated += sum(len(lbl["articles"]) for e in entities for lbl in e["labels"])
    for framing in analysis.framing:
        entity = next(
            (e for e in entities if _same_entity(framing.entity, e["entity"])),
            None,
        )
        for label in framing.labels:
            for article_id in label.articles:
                tally.predicted += 1
                gid = gold_of.get(article_id)
                ok = entity is not None and any(
                    gid in g["articles"] and label_matches(label.label, g["label"].lower())
                    for g in entity["labels"]
                )
                if ok:
                    tally.correct += 1
                    tally.found += 1
                else:
                    tally.notes.append(f"label false: {framing.entity}: {label.label!r} in {gid}")


def _same_entity(predicted: str, gold: str) -> bool:
    p, g = predicted.lower(), gold.lower()
    return p == g or p in g or g in p


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--show", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    stories = load(args.part)
    if not stories:
        print(f"no stories under {DATA}/{args.part}", file=sys.stderr)
        return 1
    embedder = MiniLMEmbedder()
    names = (
        "conflicts",
        "agreements",
        "possible conflicts",
        "possibly different",
        "conflicts shown",
        "quote found",
        "quote speaker",
        "quote merging",
        "timeline dates",
        "framing labels",
    )
    tallies = {name: Tally() for name in names}
    for story in stories:
        known = {a["id"] for a in story["articles"]}
        refs = [
            c["article"]
            for key in ("conflicts", "agreements", "possibly_different")
            for g in story.get(key, [])
            for c in g["claims"]
        ]
        refs += [v["article"] for q in story["quotes"] for v in q["variants"]]
        refs += [t["article"] for t in story["timeline"]]
        if not set(refs) <= known:
            print(f"{story['story']}: skipped, it refers to unknown articles {set(refs) - known}")
            continue
        originals, by_gold, sentences = articles_of(story)
        analysis = analyze_story(originals, sentences, embedder)
        conflicts = [c for c in analysis.conflicts if c.status == "conflict"]
        score_comparisons(
            conflicts, story["conflicts"], by_gold, tallies["conflicts"], story["story"], True
        )
        score_comparisons(
            analysis.agreements, story["agreements"], by_gold, tallies["agreements"], story["story"]
        )
        score_comparisons(
            [c for c in analysis.conflicts if c.status == "possible conflict"],
            story["conflicts"],
            by_gold,
            tallies["possible conflicts"],
            story["story"],
            True,
        )
        score_comparisons(
            [c for c in analysis.conflicts if c.status == "possibly different"],
            story.get("possibly_different", []),
            by_gold,
            tallies["possibly different"],
            story["story"],
        )
        score_comparisons(
            analysis.conflicts,
            story["conflicts"],
            by_gold,
            tallies["conflicts shown"],
            story["story"],
            True,
        )
        score_quotes(analysis, story, by_gold, tallies)
        score_timeline(analysis, story, by_gold, tallies["timeline dates"])
        score_framing(analysis, story, by_gold, tallies["framing labels"])
    print(
        f"{len(stories)} stories ({args.part}), {sum(len(s['articles']) for s in stories)} articles"
    )
    print(f"{'feature':<18} {'precision':>9} {'recall':>7}  (predicted / annotated)")
    for name, tally in tallies.items():
        print(
            f"{name:<18} {tally.precision():>9.3f} {tally.recall():>7.3f}"
            f"  ({tally.predicted} / {tally.annotated})"
        )
    speaker = tallies["quote speaker"]
    merge = tallies["quote merging"]
    f1 = 2 * merge.precision() * merge.recall() / (merge.precision() + merge.recall() or 1)
    print(
        f"quote speaker accuracy {speaker.precision():.3f}; quote merging F1 {f1:.3f}; "
        f"timeline date accuracy {tallies['timeline dates'].recall():.3f}"
    )
    if args.show:
        for name, tally in tallies.items():
            for note in tally.notes:
                print(f"  [{name}] {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
