"""`storyline evaluate`: ROUGE of storyline and baselines against human references.

Every system summarizes the same clusters at the same word budget in one process; every
summary is truncated to the budget and scored by :mod:`storyline.rouge`. Scoring runs in
``jobs`` worker processes. Confidence intervals are 95 % percentile bootstraps over clusters.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

from storyline import baselines, rouge
from storyline.concepts import ConceptModel
from storyline.embed import Embedder, MiniLMEmbedder
from storyline.errors import InputError, NoUsableInput
from storyline.ingest.clusters import read_clusters
from storyline.model import Cluster, Skipped
from storyline.pipeline import Progress, prepare
from storyline.salience import Ranker
from storyline.segment import split_paragraph
from storyline.summarizer import SummaryConfig, summarize_story

SYSTEMS = ("storyline", "lead", "lexrank", "textrank", "oracle")
METRICS = ("f1", "recall")
_BOOTSTRAP = 1000


@dataclass(frozen=True)
class Output:
    """One system's summary of one cluster, with its ROUGE scores."""

    cluster: str
    system: str
    sentences: tuple[str, ...]
    seconds: float
    scores: rouge.Rouge


@dataclass(frozen=True)
class SystemResult:
    """A system's mean scores in percent, with 95 % bootstrap intervals."""

    name: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    rouge1_ci: tuple[float, float]
    rouge2_ci: tuple[float, float]
    seconds_per_cluster: float
    words: float


@dataclass(frozen=True)
class Evaluation:
    data: str
    words: int
    metric: str
    clusters: tuple[str, ...]
    systems: tuple[SystemResult, ...]
    outputs: tuple[Output, ...]
    skipped: tuple[Skipped, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``--out`` JSON; see docs/evaluation.md."""
        return {
            "data": self.data,
            "words": self.words,
            "metric": self.metric,
            "n_clusters": len(self.clusters),
            "systems": {
                s.name: {
                    "rouge1": round(s.rouge1, 2),
                    "rouge2": round(s.rouge2, 2),
                    "rougeLsum": round(s.rougeLsum, 2),
                    "rouge1_ci": [round(x, 2) for x in s.rouge1_ci],
                    "rouge2_ci": [round(x, 2) for x in s.rouge2_ci],
                    "seconds_per_cluster": round(s.seconds_per_cluster, 4),
                    "words": round(s.words, 1),
                }
                for s in self.systems
            },
            "clusters": [
                {
                    "id": o.cluster,
                    "system": o.system,
                    "summary": "\n".join(rouge.truncate(o.sentences, self.words)),
                    **{k: round(v, 2) for k, v in _percent(o.scores, self.metric).items()},
                }
                for o in self.outputs
            ],
            "skipped": [{"path": s.path, "reason": s.reason} for s in self.skipped],
        }

    def table(self) -> str:
        """A Markdown table of the systems, best first by ROUGE-1 + ROUGE-2."""
        label = "F1" if self.metric == "f1" else "recall"
        lines = [
            f"| system | R-1 {label} | 95% CI | R-2 {label} | 95% CI | R-Lsum {label} "
            "| words | s/cluster |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for s in sorted(self.systems, key=lambda s: -(s.rouge1 + s.rouge2)):
            lines.append(
                f"| {s.name} | {s.rouge1:.2f} | {s.rouge1_ci[0]:.1f}–{s.rouge1_ci[1]:.1f} "
                f"| {s.rouge2:.2f} | {s.rouge2_ci[0]:.1f}–{s.rouge2_ci[1]:.1f} "
                f"| {s.rougeLsum:.2f} | {s.words:.0f} | {s.seconds_per_cluster:.3f} |"
            )
        return "\n".join(lines)


def evaluate(
    data: str | Path,
    *,
    words: int = 250,
    systems: Sequence[str] = SYSTEMS,
    limit: int | None = None,
    seed: int = 0,
    jobs: int = 1,
    metric: str = "f1",
    compare: str | Path | None = None,
    embedder: Embedder | None = None,
    config: SummaryConfig | None = None,
    ranker: Ranker | None = None,
    concept_model: ConceptModel | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """Summarize every cluster of ``data`` with each system and score it.

    ``limit`` picks that many clusters at random (by ``seed``), kept in file order.
    ``compare`` adds precomputed summaries (``{cluster, system, summary}`` per line) as
    extra systems. Raises :class:`NoUsableInput` when no cluster can be scored.
    """
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        raise InputError(",".join(sorted(unknown)), f"unknown system; choose from {SYSTEMS}")
    if metric not in METRICS:
        raise InputError(metric, f"unknown metric; choose from {METRICS}")
    clusters, problems = read_clusters(data)
    skipped = [Skipped(p.locator, p.reason) for p in problems]
    if limit is not None and limit < len(clusters):
        keep = set(random.Random(seed).sample(range(len(clusters)), limit))
        clusters = [c for i, c in enumerate(clusters) if i in keep]
    extra = _read_compare(compare, {c.id for c in clusters}, skipped) if compare else {}
    generated = _generate(
        clusters, systems, words, embedder, config, (ranker, concept_model), skipped, progress
    )
    generated.extend(_extra_outputs(extra))
    if not generated:
        raise NoUsableInput(f"{data}: no cluster could be summarized; nothing to score")
    references = {c.id: c.references for c in clusters}
    scored = _score(generated, references, words, jobs, progress)
    names = [*systems, *sorted({o.system for o in generated} - set(systems))]
    results = tuple(_aggregate(name, scored, words, metric, seed) for name in names)
    return Evaluation(
        data=str(data),
        words=words,
        metric=metric,
        clusters=tuple(c.id for c in clusters if any(o.cluster == c.id for o in scored)),
        systems=results,
        outputs=tuple(scored),
        skipped=tuple(skipped),
    )


@dataclass(frozen=True)
class _Generated:
    cluster: str
    system: str
    sentences: tuple[str, ...]
    seconds: float


def _generate(
    clusters: Sequence[Cluster],
    systems: Sequence[str],
    words: int,
    embedder: Embedder | None,
    config: SummaryConfig | None,
    models: tuple[Ranker | None, ConceptModel | None],
    skipped: list[Skipped],
    progress: Progress | None,
) -> list[_Generated]:
    embedder = embedder or (MiniLMEmbedder() if "storyline" in systems else None)
    config = config or SummaryConfig(words=words, overflow=10)
    out: list[_Generated] = []
    for done, cluster in enumerate(clusters, start=1):
        corpus = prepare(cluster.documents)
        if not corpus.articles:
            skipped.append(
                Skipped(
                    f"{cluster.path}:{cluster.line}",
                    f"cluster {cluster.id}: no usable sentence in its documents",
                )
            )
            continue
        documents = [[s.text for s in corpus.sentences[a.id]] for a in corpus.articles]
        for system in systems:
            start = time.perf_counter()
            if system == "storyline":
                assert embedder is not None
                summary = summarize_story(
                    corpus.articles, corpus.sentences, embedder, config, *models
                )
                sentences = [s.text for s in summary]
            elif system == "oracle":
                sentences = baselines.oracle(documents, words, cluster.references)
            else:
                sentences = getattr(baselines, system)(documents, words)
            seconds = time.perf_counter() - start
            out.append(_Generated(cluster.id, system, tuple(sentences), seconds))
        if progress:
            progress("summarizing", done, len(clusters))
    return out


def _read_compare(
    path: str | Path, wanted: set[str], skipped: list[Skipped]
) -> dict[tuple[str, str], tuple[str, ...]]:
    summaries: dict[tuple[str, str], tuple[str, ...]] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
            key = (str(value["cluster"]), str(value["system"]))
            text = str(value["summary"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            skipped.append(
                Skipped(f"{path}:{number}", f"not a {{cluster, system, summary}} object ({exc})")
            )
            continue
        if key[0] in wanted:
            summaries[key] = tuple(_sentences(text))
    return summaries


def _sentences(text: str) -> list[str]:
    """A precomputed summary as sentences: its lines, split further where needed."""
    return [line[s.start : s.end] for line in text.splitlines() for s in split_paragraph(line)]


def _extra_outputs(extra: dict[tuple[str, str], tuple[str, ...]]) -> Iterable[_Generated]:
    for (cluster, system), sentences in extra.items():
        yield _Generated(cluster, system, sentences, float("nan"))


def _score_one(task: tuple[_Generated, tuple[str, ...], int]) -> Output:
    generated, references, words = task
    scores = rouge.score(generated.sentences, references, words)
    return Output(
        generated.cluster, generated.system, generated.sentences, generated.seconds, scores
    )


def _score(
    generated: Sequence[_Generated],
    references: dict[str, tuple[str, ...]],
    words: int,
    jobs: int,
    progress: Progress | None,
) -> list[Output]:
    tasks = [(g, references[g.cluster], words) for g in generated]
    if jobs <= 1:
        results = []
        for done, task in enumerate(tasks, start=1):
            results.append(_score_one(task))
            if progress:
                progress("scoring", done, len(tasks))
        return results
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        results = []
        for done, result in enumerate(pool.map(_score_one, tasks, chunksize=16), start=1):
            results.append(result)
            if progress:
                progress("scoring", done, len(tasks))
        return results


def _percent(scores: rouge.Rouge, metric: str) -> dict[str, float]:
    if metric == "f1":
        values = (scores.rouge1_f, scores.rouge2_f, scores.rougeLsum_f)
    else:
        values = (scores.rouge1_recall, scores.rouge2_recall, scores.rougeLsum_recall)
    return {k: 100 * v for k, v in zip(("rouge1", "rouge2", "rougeLsum"), values, strict=True)}


def _aggregate(
    name: str, outputs: Sequence[Output], words: int, metric: str, seed: int
) -> SystemResult:
    mine = [o for o in outputs if o.system == name]
    table = np.array([list(_percent(o.scores, metric).values()) for o in mine])
    seconds = [o.seconds for o in mine if o.seconds == o.seconds]  # NaN for precomputed
    lengths = [sum(len(s.split()) for s in rouge.truncate(o.sentences, words)) for o in mine]
    return SystemResult(
        name=name,
        rouge1=float(table[:, 0].mean()),
        rouge2=float(table[:, 1].mean()),
        rougeLsum=float(table[:, 2].mean()),
        rouge1_ci=_bootstrap(table[:, 0], seed),
        rouge2_ci=_bootstrap(table[:, 1], seed),
        seconds_per_cluster=float(np.mean(seconds)) if seconds else float("nan"),
        words=float(np.mean(lengths)),
    )


def _bootstrap(values: np.ndarray, seed: int) -> tuple[float, float]:
    """95 % percentile interval of the mean, resampling clusters with replacement."""
    rng = np.random.default_rng(seed)
    samples = rng.choice(values, size=(_BOOTSTRAP, len(values)), replace=True).mean(axis=1)
    low, high = np.percentile(samples, [2.5, 97.5])
    return float(low), float(high)


def plot(evaluation: Evaluation, path: str | Path) -> None:
    """A bar chart of ROUGE-1 and ROUGE-2 per system with 95 % intervals as error bars."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = sorted(evaluation.systems, key=lambda s: -(s.rouge1 + s.rouge2))
    x = np.arange(len(systems))
    fig, ax = plt.subplots(figsize=(max(6, 0.9 * len(systems) + 2), 4), dpi=120)
    for offset, key in ((-0.2, "rouge1"), (0.2, "rouge2")):
        means = [getattr(s, key) for s in systems]
        cis = [getattr(s, f"{key}_ci") for s in systems]
        errors = np.array(
            [
                [m - lo for m, (lo, _) in zip(means, cis, strict=True)],
                [hi - m for m, (_, hi) in zip(means, cis, strict=True)],
            ]
        )
        ax.bar(x + offset, means, 0.4, yerr=errors, capsize=3, label=key.replace("rouge", "ROUGE-"))
    ax.set_xticks(x, [s.name for s in systems], rotation=30, ha="right")
    label = "F1" if evaluation.metric == "f1" else "recall"
    ax.set_ylabel(f"{label} (%)")
    ax.set_title(
        f"{Path(evaluation.data).name}: {len(evaluation.clusters)} clusters, "
        f"{evaluation.words} words"
    )
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
