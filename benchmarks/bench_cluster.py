"""Throughput and peak memory of copy folding and event clustering on a synthetic stream.

For each size, a fresh process generates that many fictional articles
(benchmarks/synthetic_stream.py, not timed), loads MiniLM (timed apart), then times end
to end: ``prepare`` (clean and segment), then ``Deduplicator.add`` and ``Clusterer.add``
fed ``--batch-days`` days of articles at a time in date order; only canonical articles
(``duplicate_of is None``) go to the clusterer. Peak memory is the child's own max RSS.
Quality is B-cubed F1 against the generator's gold events (a copy counts in the event of
its canonical article). Run from the repository root:

    .venv/bin/python benchmarks/bench_cluster.py [--sizes 10000 50000] [--batch-days 1]
        [--threads N]

Target: at least 100 articles/s end to end at 50,000 articles with peak RSS under 4 GiB
on 2 cores. Stage times sum to the end-to-end time; embedding is part of clustering.
Run it on an idle machine: the CPU other processes used meanwhile is printed, and with
another busy process torch's default of one thread per core runs several times slower
than ``--threads 1``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from storyline.embed import Embedder
from storyline.model import Article

TARGET_RATE = 100.0  # articles/s end to end at the largest size
TARGET_PEAK_MIB = 4096.0
BUSY_CORES = 0.2  # other processes using more than this many cores make timings unreliable


@dataclass
class Result:
    """What one child process measured for one stream size."""

    size: int
    articles: int  # after prepare
    copies: int  # articles the deduplicator folded
    gold_copies: int
    copies_right: int  # folds that join two articles of one generated copy family
    generate_s: float
    model_s: float
    prepare_s: float
    dedup_s: float
    cluster_s: float
    embed_s: float  # part of cluster_s
    early_ms: float  # cluster ms/article over the first tenth of the batches
    late_ms: float  # ... and over the last tenth
    batches: int
    events: int
    gold_events: int
    b3_f1: float
    b3_precision: float
    b3_recall: float
    storylines: int
    gold_storylines: int
    storyline_b3_f1: float
    rss_before_mib: float  # peak RSS after generating and loading the model
    peak_mib: float
    torch_threads: int
    faiss_threads: int
    config: str  # the clusterer's configuration, which is still being tuned
    own_cpu_s: float  # CPU seconds this process used in the timed stages
    other_cpu_s: float  # CPU seconds every other process used meanwhile (from /proc/stat)

    @property
    def seconds(self) -> float:
        return self.prepare_s + self.dedup_s + self.cluster_s

    @property
    def rate(self) -> float:
        return self.size / self.seconds


class TimedEmbedder:
    """Wraps an embedder and adds up the seconds spent in ``encode``."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        start = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - start


def own_cpu() -> float:
    """CPU seconds (user and system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def machine_cpu() -> float:
    """Busy CPU seconds of the whole machine since boot, summed over cores (Linux)."""
    with open("/proc/stat") as stat:
        ticks = [int(x) for x in stat.readline().split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def peak_mib() -> float:
    """This process's max resident set size so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float]:
    """B-cubed precision and recall of a flat clustering, items given in the same order."""
    both = Counter(zip(predicted, gold, strict=True))
    pred_sizes, gold_sizes = Counter(predicted), Counter(gold)
    precision = sum(n * n / pred_sizes[p] for (p, _), n in both.items()) / len(predicted)
    recall = sum(n * n / gold_sizes[g] for (_, g), n in both.items()) / len(gold)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def batches(articles: Sequence[Article], days: int) -> Iterator[list[Article]]:
    """Consecutive runs of articles whose dates fall in the same ``days``-day window."""
    batch: list[Article] = []
    key: int | None = None
    for article in articles:
        here = article.date.toordinal() // days if article.date else None
        if batch and here != key:
            yield batch
            batch = []
        key = here
        batch.append(article)
    if batch:
        yield batch


def run_size(size: int, batch_days: int, seed: int, threads: int | None) -> Result:
    """Generate, prepare, fold copies and cluster ``size`` articles; measure each stage."""
    import faiss
    import torch
    from synthetic_stream import generate

    if threads:
        torch.set_num_threads(threads)

    from storyline.cluster import Clusterer
    from storyline.dedup import Deduplicator
    from storyline.embed import MiniLMEmbedder
    from storyline.pipeline import prepare

    start = time.perf_counter()
    stream = generate(size, seed)
    generate_s = time.perf_counter() - start

    start = time.perf_counter()
    embedder = TimedEmbedder(MiniLMEmbedder())
    embedder.encode(["warm-up"])  # load the model outside the timed stages
    model_s = time.perf_counter() - start
    embedder.seconds = 0.0
    rss_before = peak_mib()
    cpu_before = own_cpu(), machine_cpu()

    start = time.perf_counter()
    corpus = prepare(stream.documents)
    prepare_s = time.perf_counter() - start

    deduplicator = Deduplicator()
    clusterer = Clusterer(embedder)
    event_of: dict[str, str] = {}
    storyline_of: dict[str, str] = {}
    canonical_of: dict[str, str] = {}
    dedup_s = cluster_s = 0.0
    per_article_ms: list[float] = []
    for number, batch in enumerate(batches(corpus.articles, batch_days), start=1):
        start = time.perf_counter()
        folded = deduplicator.add(batch)
        middle = time.perf_counter()
        canonical = [a for a in folded if a.duplicate_of is None]
        assignments = clusterer.add(canonical)
        end = time.perf_counter()
        dedup_s += middle - start
        cluster_s += end - middle
        per_article_ms.append(1000 * (end - middle) / max(1, len(canonical)))
        for article in folded:
            canonical_of[article.id] = article.duplicate_of or article.id
        for assignment in assignments:
            event_of[assignment.article] = assignment.event
            storyline_of[assignment.article] = assignment.storyline
        if number % 10 == 0:
            done = len(event_of)
            print(
                f"  [{size}] batch {number}: {done} canonical articles clustered, "
                f"dedup {dedup_s:.0f} s, cluster {cluster_s:.0f} s "
                f"(embedding {embedder.seconds:.0f} s), peak {peak_mib():.0f} MiB",
                file=sys.stderr,
                flush=True,
            )

    # score every article, copies in the event of their canonical article
    gold_event = {d.line: str(d.collection) for d in stream.documents}
    rows = [(a, canonical_of[a.id]) for a in corpus.articles]
    predicted = [event_of.get(c, f"unplaced:{c}") for _, c in rows]
    gold = [gold_event[a.line] for a, _ in rows]
    precision, recall = b_cubed(predicted, gold)
    predicted_lines = [storyline_of.get(c, f"unplaced:{c}") for _, c in rows]
    gold_lines = [stream.storylines[g] for g in gold]
    line_precision, line_recall = b_cubed(predicted_lines, gold_lines)

    line_of = {a.id: a.line or 0 for a in corpus.articles}
    folded_pairs = {(line_of[a.id], line_of[c]) for a, c in rows if c != a.id}
    tenth = max(1, len(per_article_ms) // 10)
    return Result(
        size=size,
        articles=len(corpus.articles),
        copies=len(folded_pairs),
        gold_copies=len(stream.copies),
        copies_right=sum(
            stream.copies.get(copy, copy) == stream.copies.get(original, original)
            for copy, original in folded_pairs
        ),
        generate_s=generate_s,
        model_s=model_s,
        prepare_s=prepare_s,
        dedup_s=dedup_s,
        cluster_s=cluster_s,
        embed_s=embedder.seconds,
        early_ms=float(np.mean(per_article_ms[:tenth])),
        late_ms=float(np.mean(per_article_ms[-tenth:])),
        batches=len(per_article_ms),
        events=len(set(predicted)),
        gold_events=len(set(gold)),
        b3_f1=f1(precision, recall),
        b3_precision=precision,
        b3_recall=recall,
        storylines=len(set(predicted_lines)),
        gold_storylines=len(set(gold_lines)),
        storyline_b3_f1=f1(line_precision, line_recall),
        rss_before_mib=rss_before,
        peak_mib=peak_mib(),
        torch_threads=torch.get_num_threads(),
        faiss_threads=faiss.omp_get_max_threads(),
        config=repr(clusterer.config),
        own_cpu_s=own_cpu() - cpu_before[0],
        other_cpu_s=machine_cpu() - cpu_before[1] - (own_cpu() - cpu_before[0]),
    )


def measure(size: int, batch_days: int, seed: int, threads: int | None) -> Result | None:
    """Run one size in a fresh child process, so its peak RSS is its own."""
    options = ["--batch-days", str(batch_days), "--seed", str(seed)]
    if threads:
        options += ["--threads", str(threads)]
    child = subprocess.run(
        [sys.executable, __file__, "--child", str(size), *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    if child.returncode != 0:
        print(f"\n{size} articles: the child process failed (exit status {child.returncode})")
        return None
    return Result(**json.loads(child.stdout.splitlines()[-1]))


def report(result: Result) -> None:
    r = result
    print(f"\n{r.size} articles ({r.articles} after prepare, {r.batches} daily batches)")
    print(f"  not timed: generate {r.generate_s:.1f} s, model load {r.model_s:.1f} s")
    print(
        f"  prepare {r.prepare_s:.1f} s | dedup {r.dedup_s:.1f} s | cluster {r.cluster_s:.1f} s "
        f"(of which embedding {r.embed_s:.1f} s) | total {r.seconds:.1f} s"
    )
    print(
        f"  end to end {r.rate:.1f} articles/s ({1000 / r.rate:.2f} ms/article); "
        f"cluster {r.early_ms:.2f} ms/canonical article in the first tenth of batches, "
        f"{r.late_ms:.2f} in the last"
    )
    print(f"  peak RSS {r.peak_mib:.0f} MiB ({r.rss_before_mib:.0f} MiB before the timed stages)")
    print(
        f"  copies folded {r.copies} (generator made {r.gold_copies}); {r.copies_right} folds "
        f"join a copy and its original, {r.copies - r.copies_right} join unrelated articles"
    )
    print(
        f"  events found {r.events} vs gold {r.gold_events}; B-cubed P {r.b3_precision:.3f} "
        f"R {r.b3_recall:.3f} F1 {r.b3_f1:.3f}"
    )
    print(
        f"  storylines found {r.storylines} vs gold {r.gold_storylines}; "
        f"storyline B-cubed F1 {r.storyline_b3_f1:.3f}"
    )
    cores = os.cpu_count() or 1
    print(f"  {r.config}")
    print(
        f"  threads: torch {r.torch_threads}, faiss {r.faiss_threads}; CPU in the timed stages: "
        f"this process {r.own_cpu_s / r.seconds:.2f} cores, other processes "
        f"{max(0.0, r.other_cpu_s) / r.seconds:.2f} of {cores}"
    )
    if r.other_cpu_s / r.seconds > BUSY_CORES:
        print("  WARNING: other processes shared the cores; these timings are pessimistic")


def growth(results: Sequence[Result]) -> None:
    """How the cost per article grows from the smallest size to the largest."""
    small, large = results[0], results[-1]
    if small.size == large.size:
        return

    def ratio(stage: str) -> float:
        a, b = getattr(small, stage) / small.size, getattr(large, stage) / large.size
        return b / a if a else float("nan")

    print(
        f"\ngrowth {small.size} -> {large.size} ({large.size / small.size:.0f}x articles): "
        f"s/article x{(large.seconds / large.size) / (small.seconds / small.size):.2f} "
        f"(prepare x{ratio('prepare_s'):.2f}, dedup x{ratio('dedup_s'):.2f}, "
        f"cluster x{ratio('cluster_s'):.2f}, embedding x{ratio('embed_s'):.2f}); "
        f"peak RSS {small.peak_mib:.0f} -> {large.peak_mib:.0f} MiB "
        f"(x{large.peak_mib / small.peak_mib:.2f})"
    )


def verdict(result: Result) -> None:
    rate_ok = result.rate >= TARGET_RATE
    memory_ok = result.peak_mib < TARGET_PEAK_MIB
    print(
        f"\ntarget at {result.size}: >= {TARGET_RATE:.0f} articles/s: "
        f"{'met' if rate_ok else 'NOT met'} ({result.rate:.1f}); "
        f"peak < {TARGET_PEAK_MIB / 1024:.0f} GiB: {'met' if memory_ok else 'NOT met'} "
        f"({result.peak_mib:.0f} MiB)"
    )


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    knobs = ", ".join(
        f"{name}={os.environ[name]}"
        for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "TORCH_NUM_THREADS")
        if name in os.environ
    )
    return (
        f"machine: os.cpu_count() {os.cpu_count()}, usable cores {cores}, "
        f"Python {sys.version.split()[0]}" + (f", {knobs}" if knobs else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--batch-days", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="torch threads (default: torch's own choice, one per core); use 1 when other "
        "work shares the cores, where two threads are several times slower",
    )
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        result = run_size(args.child, args.batch_days, args.seed, args.threads)
        print(json.dumps(asdict(result)))
        return
    print(machine())
    threads = args.threads or "torch default"
    print(
        f"batches of {args.batch_days} day(s), seed {args.seed}, torch threads: {threads}; "
        f"each size in a fresh process"
    )
    results: list[Result] = []
    for size in args.sizes:
        measured = measure(size, args.batch_days, args.seed, args.threads)
        if measured is not None:
            report(measured)
            results.append(measured)
    if results:
        growth(results)
        verdict(results[-1])
    if len(results) < len(args.sizes):
        sys.exit(1)


if __name__ == "__main__":
    main()
