"""Score event clustering against a labelled stream: B-cubed and pairwise precision/recall/F1.

Input: JSON Lines, one article a line with a ``cluster`` label (the clustering sets of
../shared/eval/data). Articles go through the same reading, cleaning, copy folding and
clustering as ``storyline summarize``, in file order (the stream order). An article listed
under two labels (DUC 2004 has eleven) counts once and belongs to both, so B-cubed is the
extended form of Amigó et al. (2009) and a pair is related when the labels overlap.

Both levels are scored: events (one thing that happened) and storylines (events threaded
together). Which level a set's labels mean is a property of the set: Google News story
clusters (UCI) are events; TDT topics (DUC 2004), "a seminal event along with all directly
related events", are storylines.

Baselines computed in the same run: every article alone, all in one cluster, and TF-IDF
vectors with average-linkage agglomerative clustering cut at the single best threshold for
the data scored (an oracle choice, which flatters the baseline).

``part`` picks half of the labels by a hash of the label ("tune" or "test"), so thresholds
can be tuned on one half and reported on the other.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyline.articles import article_id
from storyline.cluster import ClusterConfig
from storyline.embed import Embedder, MiniLMEmbedder
from storyline.errors import InputError, NoUsableInput
from storyline.ingest.decode import decode
from storyline.ingest.readers import ReadResult, json_lines, read_object
from storyline.model import Article, Document, Skipped
from storyline.pipeline import fold_and_cluster, prepare

PARTS = ("all", "tune", "test")


@dataclass(frozen=True)
class Scores:
    b3_precision: float
    b3_recall: float
    b3_f1: float
    pair_precision: float
    pair_recall: float
    pair_f1: float
    clusters: int

    def row(self, name: str) -> str:
        return (
            f"{name:<28} {self.b3_precision:6.3f} {self.b3_recall:6.3f} {self.b3_f1:6.3f}"
            f"   {self.pair_precision:6.3f} {self.pair_recall:6.3f} {self.pair_f1:6.3f}"
            f" {self.clusters:6d}"
        )


@dataclass(frozen=True)
class ClusterResult:
    path: str
    part: str
    articles: int
    labels: int
    copies: int
    undated: int
    seconds: float
    systems: dict[str, Scores]
    skipped: tuple[Skipped, ...]

    def table(self) -> str:
        header = (
            f"{'system':<28} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
            f"   {'pair P':>6} {'pair R':>6} {'pair F1':>6} {'groups':>6}"
        )
        return "\n".join([header, *(s.row(name) for name, s in self.systems.items())])

    def to_dict(self) -> dict[str, object]:
        return {
            "data": self.path,
            "part": self.part,
            "articles": self.articles,
            "labels": self.labels,
            "copies": self.copies,
            "undated": self.undated,
            "seconds": round(self.seconds, 2),
            "systems": {name: vars(s) for name, s in self.systems.items()},
        }


def evaluate_clusters(
    path: str | Path,
    part: str = "all",
    config: ClusterConfig | None = None,
    embedder: Embedder | None = None,
    batch_days: int = 1,
    baselines: bool = True,
) -> ClusterResult:
    """Cluster the labelled stream at ``path`` and score it (see the module docstring)."""
    if part not in PARTS:
        raise ValueError(f"part must be one of {', '.join(PARTS)}")
    documents, labels, problems = read_labelled(path, part)
    corpus = prepare(documents)
    if not corpus.articles:
        raise NoUsableInput(f"{path}: no usable labelled article")
    articles = list(corpus.articles)
    started = time.perf_counter()
    placed, copies = cluster_stream(articles, embedder or MiniLMEmbedder(), config, batch_days)
    seconds = time.perf_counter() - started
    gold = [labels[a.id] for a in articles]
    systems = {
        "storyline events": score([placed[a.id][0] for a in articles], gold),
        "storyline storylines": score([placed[a.id][1] for a in articles], gold),
    }
    if baselines:
        systems["tf-idf agglomerative (best)"] = _agglomerative_baseline(articles, gold)
        systems["one per article"] = score([a.id for a in articles], gold)
        systems["all in one"] = score(["all"] * len(articles), gold)
    skipped = (*(Skipped(p.locator, p.reason) for p in problems), *corpus.skipped)
    return ClusterResult(
        path=str(path),
        part=part,
        articles=len(articles),
        labels=len({label for g in gold for label in g}),
        copies=copies,
        undated=sum(1 for a in articles if a.date is None),
        seconds=seconds,
        systems=systems,
        skipped=skipped,
    )


def read_labelled(
    path: str | Path, part: str = "all"
) -> tuple[list[Document], dict[str, frozenset[str]], list[InputError]]:
    """Documents of the part, the labels of each article id, and the unusable lines."""
    name = str(path)
    try:
        text = decode(name, Path(path).read_bytes()).text
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from exc
    result = ReadResult()
    problems: list[InputError] = []
    for item in json_lines(name, text):
        if isinstance(item, InputError):
            problems.append(item)
        else:
            read_object(name, item[0], item[1], result)
    problems.extend(result.problems)
    labels: dict[str, set[str]] = defaultdict(set)
    documents: list[Document] = []
    for document in result.documents:
        if document.collection is None:
            problems.append(InputError(name, "no cluster label; skipped", document.line))
            continue
        if not _in_part(document.collection, part):
            continue
        key = article_id(document)
        if key not in labels:
            documents.append(document)
        labels[key].add(document.collection)
    return documents, {k: frozenset(v) for k, v in labels.items()}, problems


def _in_part(label: str, part: str) -> bool:
    if part == "all":
        return True
    tune = hashlib.sha1(label.encode()).digest()[0] % 2 == 0
    return tune == (part == "tune")


def cluster_stream(
    articles: Sequence[Article],
    embedder: Embedder,
    config: ClusterConfig | None = None,
    batch_days: int = 1,
) -> tuple[dict[str, tuple[str, str]], int]:
    """Event and storyline ids of every article (fed in order, ``batch_days`` days a batch)
    and the number of copies folded. A copy takes the place of its canonical article;
    undated articles go with the batch they appear in.
    """
    folded, placed = fold_and_cluster(day_batches(articles, batch_days), embedder, config)
    events = {}
    for article in folded.values():
        where = placed[article.duplicate_of or article.id]
        events[article.id] = (where.event, where.storyline)
    copies = sum(1 for a in folded.values() if a.duplicate_of is not None)
    return events, copies


def day_batches(articles: Sequence[Article], days: int) -> list[list[Article]]:
    batches: list[list[Article]] = []
    current: list[Article] = []
    start: int | None = None
    for article in articles:
        day = article.date.toordinal() if article.date else None
        if day is not None and start is not None and day - start >= days and current:
            batches.append(current)
            current, start = [], None
        if start is None and day is not None:
            start = day
        current.append(article)
    if current:
        batches.append(current)
    return batches


def score(predicted: Sequence[str], gold: Sequence[frozenset[str]]) -> Scores:
    """Extended B-cubed and pair-counting scores of ``predicted`` against ``gold`` label sets."""
    members: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(predicted):
        members[p].append(i)
    holders: dict[str, list[int]] = defaultdict(list)
    for i, labels in enumerate(gold):
        for label in labels:
            holders[label].append(i)
    n = len(predicted)
    precision = recall = 0.0
    same_and_related = related = same = 0
    for i in range(n):
        cluster = members[predicted[i]]
        precision += sum(min(1, len(gold[i] & gold[j])) for j in cluster) / len(cluster)
        peers = {j for label in gold[i] for j in holders[label]}
        recall += sum(1 for j in peers if predicted[j] == predicted[i]) / len(peers)
        same += len(cluster) - 1
        related += len(peers) - 1
        same_and_related += sum(1 for j in cluster if j != i and gold[i] & gold[j])
    precision, recall = precision / n, recall / n
    pair_p = same_and_related / same if same else 1.0
    pair_r = same_and_related / related if related else 1.0
    return Scores(
        b3_precision=precision,
        b3_recall=recall,
        b3_f1=_f1(precision, recall),
        pair_precision=pair_p,
        pair_recall=pair_r,
        pair_f1=_f1(pair_p, pair_r),
        clusters=len(members),
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _agglomerative_baseline(articles: Sequence[Article], gold: Sequence[frozenset[str]]) -> Scores:
    """TF-IDF cosine, average linkage, cut at the threshold that scores best here."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(articles) < 2:
        return score([a.id for a in articles], gold)
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distances = np.clip(pdist(vectors.toarray(), metric="cosine"), 0.0, 2.0)
    tree = linkage(np.nan_to_num(distances, nan=1.0), method="average")
    cuts = [
        score([str(x) for x in fcluster(tree, t, criterion="distance")], gold)
        for t in np.arange(0.30, 1.0, 0.025)
    ]
    return max(cuts, key=lambda s: s.b3_f1)
