"""Grid-search the event clustering thresholds on the tuning halves of two labelled streams.

Only the "tune" half of each set's labels is used (storyline.evaluate_clusters.PARTS);
report on the "test" half with `storyline evaluate-clusters DATA --part test`. DUC 2004 labels are
TDT topics and are scored against storylines; UCI labels are Google News stories and are
scored against events (storyline.evaluate_clusters explains why). One configuration must
serve both sets, so configurations are ranked by their mean B-cubed F1.

    .venv/bin/python benchmarks/tune_clusters.py
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import statistics
from pathlib import Path

from storyline.cluster import ClusterConfig
from storyline.embed import MiniLMEmbedder
from storyline.evaluate_clusters import cluster_stream, read_labelled, score
from storyline.pipeline import prepare

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"
#: Each set with the level its labels mean (0: events, 1: storylines; see evaluate_clusters).
SETS = {
    "duc2004_topics": (DATA / "duc2004_events_clustering" / "test.jsonl", 1),
    "uci_stories": (DATA / "uci_news_aggregator" / "sample.jsonl", 0),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--thresholds", default="0.10,0.14,0.18,0.22,0.26")
    parser.add_argument("--weights", default="0.4,0.6,0.8")
    parser.add_argument("--decays", default="0,0.003,0.01")
    parser.add_argument("--windows", default="3,7")
    parser.add_argument("--storyline-thresholds", default="0.06,0.08,0.1")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    embedder = MiniLMEmbedder()
    streams = {}
    for name, (path, level) in SETS.items():
        documents, labels, _ = read_labelled(path, "tune")
        articles = prepare(documents).articles
        streams[name] = (articles, [labels[a.id] for a in articles], level)
        print(f"{name}: {len(articles)} articles in the tuning half")
    rows = []
    grid = itertools.product(
        _floats(args.thresholds),
        _floats(args.storyline_thresholds),
        _floats(args.weights),
        _floats(args.decays),
        _floats(args.windows),
    )
    for threshold, storyline, weight, decay, window in grid:
        if storyline > threshold:
            continue
        config = dataclasses.replace(
            ClusterConfig(),
            threshold=threshold,
            storyline_threshold=storyline,
            lexical_weight=weight,
            decay=decay,
            window_days=int(window),
        )
        f1 = {}
        for name, (articles, gold, level) in streams.items():
            placed, _ = cluster_stream(articles, embedder, config)
            f1[name] = score([placed[a.id][level] for a in articles], gold).b3_f1
        rows.append((statistics.mean(f1.values()), f1, config))
        print(
            f"{threshold:.2f}/{storyline:.2f} w={weight:.1f} decay={decay:.3f} "
            f"window={window:.0f}  {_fmt(f1)}",
            flush=True,
        )
    rows.sort(key=lambda r: -r[0])
    print("\nbest by mean B3 F1:")
    for mean, f1, config in rows[: args.top]:
        print(
            f"mean {mean:.3f}  {_fmt(f1)}  threshold={config.threshold} "
            f"storyline_threshold={config.storyline_threshold} "
            f"lexical_weight={config.lexical_weight} decay={config.decay} "
            f"window_days={config.window_days}"
        )


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x.strip()]


def _fmt(f1: dict[str, float]) -> str:
    return "  ".join(f"{name} {value:.3f}" for name, value in f1.items())


if __name__ == "__main__":
    main()
