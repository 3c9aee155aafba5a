"""Group a stream of articles into events and thread the events into storylines.

Each article gets three vectors: the MiniLM embedding of its headline and lead, a TF-IDF
vector of the words and word pairs of its whole text, and a TF-IDF vector of the names it
mentions (document frequencies counted over the stream so far).

An article is compared with each candidate event through :data:`FEATURES` (average-linkage
similarities computed exactly from the event's summed vectors, the article's length, the
days between them, the event's size); a logistic regression (:class:`Scorer`, trained by
``benchmarks/train_cluster_scorer.py``) gives the probability that it belongs there. It
joins its most probable event when that reaches ``join``, otherwise it opens a new event.
Events stay open ``window_days`` after their latest article, so two similar articles
months apart make two events. Candidate events come from the nearest articles in a faiss
inner-product index per time slice over search vectors (the embedding beside a random
projection of the TF-IDF vector); slices that fall out of the window are dropped, so the
cost per article does not grow with the history. An article without a date is compared by
content alone, except that it does not join a dated event whose days differ from every
weekday its opening names.

A new event joins the storyline of the most probable earlier event of the last
``storyline_days`` (days apart not counted) when that reaches ``storyline_join``.

Incremental and deterministic: :meth:`Clusterer.add` assigns a batch without revisiting
earlier assignments, and the same articles in the same order give the same result.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import faiss
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.random_projection import SparseRandomProjection

from storyline.embed import Embedder
from storyline.ingest.dates import WEEKDAYS
from storyline.model import Article
from storyline.salience import STOPWORDS

_FEATURES = 2**20
_LEAD_CHARS = 300
_OPENING_CHARS = 800  # where an undated article's weekdays are looked for


#: What the article–event scorer looks at, in the order of :attr:`Scorer.weights`.
FEATURES = (
    "lexical",  # average TF-IDF cosine with the event's articles
    "dense",  # average embedding cosine with the event's articles
    "names",  # average TF-IDF cosine of the names mentioned (people, places, bodies)
    "lexical_long",  # lexical · length, so long and short texts get their own cut
    "dense_long",  # dense · length
    "long",  # the article's length: log(1 + words) / log(1000), at most 1
    "gap",  # log(1 + days between the article and the event's dates)
    "size",  # log of the event's number of articles
)


@dataclass(frozen=True)
class Scorer:
    """Logistic regression over :data:`FEATURES`: the probability that an article belongs
    to an event. The defaults come from ``benchmarks/train_cluster_scorer.py`` (fitted on
    the tuning halves of DUC 2004 and UCI; docs/clustering.md)."""

    weights: tuple[float, ...] = (11.08, 15.295, 10.353, 7.425, 1.784, -0.874, -1.213, -0.357)
    bias: float = -4.654

    def probability(self, features: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(features @ np.asarray(self.weights) + self.bias)))


@dataclass(frozen=True)
class ClusterConfig:
    """How articles are scored and joined (docs/clustering.md says where each came from).

    An article joins its best event when :attr:`scorer` gives at least ``join`` (texts
    under ``brief_words`` words: ``join_brief``; the two differ in how calibrated the
    scorer's best candidate is, measured on the tuning halves); a new
    event joins the storyline of its best earlier event (days apart not counted) at
    ``storyline_join``.
    """

    scorer: Scorer = Scorer()
    join: float = 0.1
    join_brief: float = 0.05  # for texts under ``brief_words`` words (headlines, flashes)
    brief_words: int = 30
    storyline_join: float = 0.8
    lexical_weight: float = 0.6  # the share of TF-IDF in the search vectors
    window_days: int = 90
    storyline_days: int = 400
    neighbours: int = 20
    slice_days: int = 7
    projection: int = 512


@dataclass(frozen=True)
class Assignment:
    """Where :meth:`Clusterer.add` put an article. ``dated`` is false when the article had
    no date and was grouped by content alone."""

    article: str
    event: str
    storyline: str
    new_event: bool
    dated: bool


@dataclass
class EventVectors:
    """Sums of an event's article vectors, its size and its first and last dates."""

    id: str
    storyline: str
    dense: np.ndarray  # sums of the members' vectors
    lexical: sparse.csr_matrix
    projected: np.ndarray
    names: sparse.csr_matrix
    size: int = 0
    first: int | None = None  # proleptic ordinals of the earliest and latest article dates
    last: int | None = None
    weekdays: set[int] = field(default_factory=set)  # its articles' weekdays (see below)

    @classmethod
    def empty(cls, id: str, like: ArticleVectors, storyline: str = "") -> EventVectors:
        """An event with no article yet, its sums shaped like ``like``'s vectors."""
        return cls(
            id,
            storyline,
            np.zeros_like(like.dense),
            sparse.csr_matrix(like.lexical.shape, dtype=np.float32),
            np.zeros_like(like.projected),
            sparse.csr_matrix(like.names.shape, dtype=np.float32),
        )

    def add(self, item: ArticleVectors, day: int | None) -> None:
        self.dense = self.dense + item.dense
        self.lexical = _sorted(self.lexical + item.lexical)
        self.projected = self.projected + item.projected
        self.names = _sorted(self.names + item.names)
        self.size += 1
        self.weekdays |= item.weekdays
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)

    def gap(self, day: int | None) -> int:
        """Days between ``day`` and the event's dates; 0 when either is unknown or inside."""
        if day is None or self.first is None or self.last is None:
            return 0
        return max(self.first - day, day - self.last, 0)


@dataclass(frozen=True)
class ArticleVectors:
    """One article's vectors: unit embedding, unit TF-IDF row, its random projection, and
    the search vector made of both."""

    dense: np.ndarray
    lexical: sparse.csr_matrix
    projected: np.ndarray
    search: np.ndarray
    names: sparse.csr_matrix
    words: int
    weekdays: frozenset[int]  # its date's weekday and the weekdays its opening names


@dataclass
class _Slice:
    """Search vectors of one time slice (or of undated articles) and their events."""

    index: faiss.IndexFlatIP
    events: list[int] = field(default_factory=list)


class Clusterer:
    def __init__(self, embedder: Embedder, config: ClusterConfig | None = None) -> None:
        self.embedder = embedder
        self.config = config or ClusterConfig()
        self._vectors = Vectorizer(self.config.projection)
        self._events: list[EventVectors] = []
        self._slices: dict[int | None, _Slice] = {}
        self._storyline_count = 0
        self._newest: int | None = None
        # every event's mean search vector and latest day (inf when undated): storyline links
        self._means = np.zeros((0, 0), dtype=np.float32)
        self._latest = np.zeros(0, dtype=np.float64)

    def add(self, articles: Sequence[Article]) -> list[Assignment]:
        """Assign each article to an event (existing or new) and each new event to a storyline."""
        if not articles:
            return []
        items = self._vectors.encode(articles, self.embedder, self.config.lexical_weight)
        search = np.stack([item.search for item in items])
        days = [a.date.toordinal() if a.date else None for a in articles]
        prior = self._prior_candidates(search, days)
        assignments: list[Assignment] = []
        chosen: list[int] = []
        for row, article in enumerate(articles):
            candidates = prior[row] | self._batch_candidates(search, row, chosen)
            event, new = self._place(items[row], days[row], candidates)
            chosen.append(event)
            found = self._events[event]
            assignments.append(
                Assignment(article.id, found.id, found.storyline, new, days[row] is not None)
            )
        self._remember(search, days, chosen)
        return assignments

    # ------------------------------------------------------------------ candidates

    def _prior_candidates(self, search: np.ndarray, days: list[int | None]) -> list[set[int]]:
        """Events of each article's nearest neighbours among earlier batches, in its window."""
        found: list[set[int]] = [set() for _ in days]
        for key, piece in self._slices.items():
            rows = [r for r, day in enumerate(days) if self._in_window(key, day)]
            if not rows or piece.index.ntotal == 0:
                continue
            k = min(self.config.neighbours, piece.index.ntotal)
            _, neighbours = piece.index.search(np.ascontiguousarray(search[rows]), k)
            for row, hits in zip(rows, neighbours, strict=True):
                found[row].update(piece.events[h] for h in hits if h >= 0)
        return found

    def _in_window(self, key: int | None, day: int | None) -> bool:
        if key is None or day is None:
            return True
        start = key * self.config.slice_days
        end = start + self.config.slice_days - 1
        reach = self.config.window_days
        return start - reach <= day <= end + reach

    def _batch_candidates(self, search: np.ndarray, row: int, chosen: list[int]) -> set[int]:
        """Events of the most similar articles placed earlier in this batch."""
        if row == 0:
            return set()
        scores = search[:row] @ search[row]
        k = min(self.config.neighbours, row)
        best = np.argpartition(-scores, k - 1)[:k]
        return {chosen[i] for i in best}

    # ------------------------------------------------------------------- placement

    def _features(self, item: ArticleVectors, events: Sequence[int], day: int | None) -> np.ndarray:
        """One row of :data:`FEATURES` per event: how the article compares with it."""
        found = [self._events[e] for e in events]
        return pair_features(item, found, [event.gap(day) for event in found])

    def _compatible(self, item: ArticleVectors, day: int | None, event: EventVectors) -> bool:
        """Within the window; and an undated article whose opening names the day of the news
        ("met on Thursday") does not join a dated event whose articles' dates and openings
        name only other days."""
        if day is None and item.weekdays and event.first is not None:
            return bool(item.weekdays & event.weekdays)
        return event.gap(day) <= self.config.window_days

    def _place(
        self, item: ArticleVectors, day: int | None, candidates: set[int]
    ) -> tuple[int, bool]:
        config = self.config
        events = sorted(e for e in candidates if self._compatible(item, day, self._events[e]))
        best = -1
        if events:
            chances = config.scorer.probability(self._features(item, events, day))
            top = int(np.argmax(chances))  # ties go to the earliest event
            brief = item.words < config.brief_words
            if chances[top] >= (config.join_brief if brief else config.join):
                best = events[top]
        new = best < 0
        if new:
            best = self._open(item, day)
        self._events[best].add(item, day)
        self._track(best)
        return best, new

    def _open(self, item: ArticleVectors, day: int | None) -> int:
        """A new event, in the storyline of the most similar recent event if one is close."""
        count = len(self._events)
        storyline = None
        if count:
            scores = self._means[:count] @ item.search
            if day is not None:
                scores[self._latest[:count] < day - self.config.storyline_days] = -np.inf
            nearest = [int(e) for e in np.argsort(-scores)[: self.config.neighbours]]
            nearest = sorted(e for e in nearest if np.isfinite(scores[e]))
            if nearest:
                # content alone: days apart do not count against a storyline
                chances = self.config.scorer.probability(self._features(item, nearest, None))
                top = int(np.argmax(chances))
                if chances[top] >= self.config.storyline_join:
                    storyline = self._events[nearest[top]].storyline
        if storyline is None:
            self._storyline_count += 1
            storyline = f"storyline-{self._storyline_count}"
        self._events.append(EventVectors.empty(f"event-{count + 1}", item, storyline))
        return count

    def _track(self, index: int) -> None:
        """Keep the event's row of the mean and latest-day arrays current."""
        event = self._events[index]
        if index >= len(self._means):
            grown = max(64, 2 * len(self._means))
            means = np.zeros((grown, self._vectors.width), dtype=np.float32)
            if len(self._means):
                means[: len(self._means)] = self._means
            latest = np.full(grown, np.inf)
            latest[: len(self._latest)] = self._latest
            self._means, self._latest = means, latest
        self._means[index] = _search_vectors(
            event.dense, event.projected, self.config.lexical_weight
        )[0]
        self._latest[index] = np.inf if event.last is None else event.last

    # ------------------------------------------------------------------ the index

    def _remember(self, search: np.ndarray, days: list[int | None], events: list[int]) -> None:
        for row, (day, event) in enumerate(zip(days, events, strict=True)):
            key = None if day is None else day // self.config.slice_days
            piece = self._slices.get(key)
            if piece is None:
                piece = self._slices[key] = _Slice(faiss.IndexFlatIP(search.shape[1]))
            piece.index.add(search[row : row + 1])
            piece.events.append(event)
            if day is not None:
                self._newest = day if self._newest is None else max(self._newest, day)
        self._forget()

    def _forget(self) -> None:
        """Drop slices that no article within the window of the newest date can reach."""
        if self._newest is None:
            return
        horizon = self._newest - self.config.window_days - self.config.slice_days
        for key in [k for k in self._slices if k is not None]:
            if (key + 1) * self.config.slice_days - 1 < horizon:
                del self._slices[key]


class Vectorizer:
    """Articles → :class:`ArticleVectors`: headline-and-lead embedding, TF-IDF of the whole
    text's words and word pairs, and TF-IDF of the names it mentions.

    Document frequencies are counted over the stream so far, the current batch included.
    The search vector concatenates the embedding with a random projection of the TF-IDF
    row, each part weighted so that a dot product approximates the combined similarity.
    """

    def __init__(self, projection: int) -> None:
        self._words = _StreamingTfidf(
            HashingVectorizer(
                n_features=_FEATURES,
                ngram_range=(1, 2),
                stop_words=sorted(STOPWORDS),
                alternate_sign=False,
                norm=None,
                token_pattern=r"(?u)\b\w\w+\b",
            )
        )
        self._names = _StreamingTfidf(
            HashingVectorizer(
                n_features=_FEATURES, analyzer=_names, alternate_sign=False, norm=None
            )
        )
        self._projection = _projection(projection)
        self.width = 0

    def encode(
        self, articles: Sequence[Article], embedder: Embedder, weight: float
    ) -> list[ArticleVectors]:
        dense = np.asarray(embedder.encode([_headline_and_lead(a) for a in articles]))
        texts = [_full_text(a) for a in articles]
        lexical = self._words.transform(texts)
        names = self._names.transform(texts)
        projected = np.asarray((lexical @ self._projection).toarray(), dtype=np.float32)
        search = _search_vectors(dense, projected, weight)
        self.width = search.shape[1]
        return [
            ArticleVectors(
                dense[row],
                lexical[row],
                projected[row],
                search[row],
                names=names[row],
                words=len(article.text.split()),
                weekdays=_weekdays(article),
            )
            for row, article in enumerate(articles)
        ]


class _StreamingTfidf:
    """Unit-length TF-IDF rows (log term frequency) with document frequencies counted over
    every text transformed so far."""

    def __init__(self, hashing: HashingVectorizer) -> None:
        self._hashing = hashing
        self._document_frequency = np.zeros(hashing.n_features, dtype=np.int64)
        self._documents = 0

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        counts = sparse.csr_matrix(self._hashing.transform(texts), dtype=np.float32)
        self._document_frequency += np.bincount(
            counts.indices, minlength=len(self._document_frequency)
        )
        self._documents += len(texts)
        idf = np.log((1 + self._documents) / (1 + self._document_frequency)) + 1.0
        counts.data = (1.0 + np.log(counts.data)) * idf[counts.indices].astype(np.float32)
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        return _sorted(sparse.csr_matrix(sparse.diags(1.0 / np.maximum(norms, 1e-9)) @ counts))


_NAME = re.compile(
    r"(?<![.!?\n\"“] )(?<![\"“‘'(\n])(?<!^)"  # not opening a sentence, quote or line
    r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al|bin|de|van|von))*"
)


def _names(text: str) -> list[str]:
    """Capitalized word runs not opening a sentence: the people, places and organizations
    a text names ("Bashar al Assad", "Sochi"), lower-cased."""
    return [m.group(0).casefold() for m in _NAME.finditer(text)]


def _sorted(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """``matrix`` with its column indices in ascending order, as :func:`_sparse_dot` needs."""
    matrix.sort_indices()
    return matrix


def _sparse_dot(event: sparse.csr_matrix, item: sparse.csr_matrix) -> float:
    """Dot product of two one-row matrices with sorted columns: the article's few columns
    are looked up in the event's many, so a large event costs no more than a small one."""
    if not event.nnz or not item.nnz:
        return 0.0
    found = np.minimum(np.searchsorted(event.indices, item.indices), event.nnz - 1)
    shared = event.indices[found] == item.indices
    return float(event.data[found[shared]] @ item.data[shared])


def pair_features(
    item: ArticleVectors, events: Sequence[EventVectors], gaps: Sequence[int]
) -> np.ndarray:
    """Rows of :data:`FEATURES` comparing one article with each event (``gaps`` in days)."""
    sizes = np.array([e.size for e in events], dtype=np.float64)
    lexical = np.array([_sparse_dot(e.lexical, item.lexical) for e in events]) / sizes
    dense = np.stack([e.dense for e in events]) @ item.dense / sizes
    names = np.array([_sparse_dot(e.names, item.names) for e in events]) / sizes
    long = np.full(len(events), min(np.log1p(item.words) / np.log(1000), 1.0))
    gap = np.log1p(np.asarray(gaps, dtype=np.float64))
    return np.column_stack(
        [lexical, dense, names, lexical * long, dense * long, long, gap, np.log(sizes)]
    )


def _full_text(article: Article) -> str:
    """Headline and text, the headline once (a headline-only item's text is its headline)."""
    headline = _headline_before(article, article.text)
    return f"{headline}\n{article.text}" if headline else article.text


def _headline_before(article: Article, opening: str) -> str | None:
    """The headline to put before ``opening``, unless ``opening`` already starts with it."""
    if not article.title or opening.startswith(article.title):
        return None
    return article.title


def _search_vectors(dense: np.ndarray, projected: np.ndarray, weight: float) -> np.ndarray:
    """Rows of ``[√(1 − w)·dense, √w·projected]``, each part scaled to unit length."""
    parts = []
    for part, share in ((np.atleast_2d(dense), 1 - weight), (np.atleast_2d(projected), weight)):
        norms = np.maximum(np.linalg.norm(part, axis=1, keepdims=True), 1e-9)
        parts.append(np.sqrt(share) * part / norms)
    return np.ascontiguousarray(np.hstack(parts), dtype=np.float32)


@functools.cache
def _projection(width: int) -> sparse.csr_matrix:
    """A fixed sparse random projection of the hashed TF-IDF space, features × ``width``."""
    projection = SparseRandomProjection(n_components=width, random_state=0)
    projection.fit(sparse.csr_matrix((1, _FEATURES), dtype=np.float32))
    return sparse.csr_matrix(projection.components_.T, dtype=np.float32)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def _weekdays(article: Article) -> frozenset[int]:
    """The weekday of the article's date and those its opening names ("met on Monday")."""
    named = _WEEKDAY.findall(article.text[:_OPENING_CHARS])
    days = {WEEKDAYS.index(name.lower()) for name in named}
    if article.date is not None:
        days.add(article.date.weekday())
    return frozenset(days)


def _headline_and_lead(article: Article) -> str:
    """The headline and the opening of the text, cut at a sentence or word boundary."""
    lead = article.text[: _LEAD_CHARS + 100]
    ends = [m.end() for m in _SENTENCE_END.finditer(lead) if m.end() <= _LEAD_CHARS]
    if ends:
        lead = lead[: ends[-1]]
    elif len(lead) > _LEAD_CHARS:
        lead = lead[:_LEAD_CHARS].rsplit(" ", 1)[0]
    lead = lead.strip()
    headline = _headline_before(article, lead)
    return f"{headline}. {lead}" if headline else lead
