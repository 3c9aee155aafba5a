"""Extractive multi-document summary with a citation to every article that reports each line.

Selection: every body sentence of reasonable length that can stand alone is a candidate.
A candidate scores by centrality (closeness to the story's centroid, each article weighted
equally), cross-outlet support (how many other articles carry a sentence saying the same),
and position (news puts the key facts first). Sentences are picked greedily by maximal
marginal relevance within the word budget, and a candidate too close to a picked one is
never picked. The picked sentences are ordered by where they appear in their articles.

Citation: a summary sentence cites, in every article, the sentence that says the same
thing, when the two are close in embedding space and share their key words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyline.model import Article, Citation, Sentence, SummarySentence


@dataclass(frozen=True)
class SummaryConfig:
    """Knobs of the summarizer. Similarities are cosines of unit embeddings."""

    words: int = 250
    min_words: int = 8  # shorter sentences rarely carry a fact on their own
    max_words: int = 55  # longer ones are run-ons or lists that eat the budget
    redundancy: float = 0.65  # a candidate this close to a picked sentence repeats it
    support: float = 0.72  # two sentences this close, sharing key words, say the same thing
    support_overlap: float = 0.45  # share of key words they must have in common
    same: float = 0.85  # two sentences this close say the same thing whatever their words
    mmr_lambda: float = 0.75
    support_weight: float = 0.35
    position_weight: float = 0.15
    overflow: bool = False  # let the last sentence run past the budget (for truncating scorers)


@dataclass(frozen=True)
class _Pool:
    """All sentences of a story with their vectors; row i of ``vectors`` is ``sentences[i]``."""

    sentences: tuple[Sentence, ...]
    vectors: np.ndarray
    article_of: np.ndarray  # row -> article number
    n_articles: int


def summarize_story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    vectors: Mapping[str, np.ndarray],
    config: SummaryConfig = SummaryConfig(),
) -> tuple[SummarySentence, ...]:
    """Summarize one story. ``sentences[a.id]`` and ``vectors[a.id]`` are aligned per article."""
    pool = _pool(articles, sentences, vectors)
    if not pool.sentences:
        return ()
    picked = _select(pool, config)
    order = sorted(picked, key=lambda row: _reading_position(pool, sentences, row))
    return tuple(_cite(pool, row, config) for row in order)


def _pool(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    vectors: Mapping[str, np.ndarray],
) -> _Pool:
    rows: list[Sentence] = []
    blocks: list[np.ndarray] = []
    owner: list[int] = []
    for number, article in enumerate(articles):
        mine = sentences.get(article.id, ())
        if not mine:
            continue
        rows.extend(mine)
        blocks.append(vectors[article.id])
        owner.extend([number] * len(mine))
    matrix = np.vstack(blocks) if blocks else np.zeros((0, 1), dtype=np.float32)
    return _Pool(tuple(rows), matrix, np.array(owner, dtype=int), len(articles))


def _select(pool: _Pool, config: SummaryConfig) -> list[int]:
    candidates = _candidates(pool, config)
    if not candidates:
        return []
    salience = _salience(pool, candidates, config)
    similarity = pool.vectors[candidates] @ pool.vectors[candidates].T
    chosen: list[int] = []  # positions in ``candidates``
    budget = config.words
    available = set(range(len(candidates)))
    while available:
        best, best_value = -1, -np.inf
        for k in available:
            redundancy = max((similarity[k, c] for c in chosen), default=0.0)
            if redundancy >= config.redundancy:
                continue
            value = config.mmr_lambda * salience[k] - (1 - config.mmr_lambda) * redundancy
            if value > best_value:
                best, best_value = k, value
        if best < 0:
            break
        available.discard(best)
        length = word_count(pool.sentences[candidates[best]].text)
        if length <= budget:
            chosen.append(best)
            budget -= length
        elif config.overflow and budget > 0:
            chosen.append(best)  # fills the budget; the caller truncates
            break
    return [candidates[k] for k in chosen]


def _candidates(pool: _Pool, config: SummaryConfig) -> list[int]:
    seen: set[str] = set()
    rows = []
    for row, sentence in enumerate(pool.sentences):
        key = re.sub(r"\W+", " ", sentence.text).casefold().strip()
        if key in seen:
            continue  # the same sentence in another article (a copy) is not a new candidate
        seen.add(key)
        if config.min_words <= word_count(sentence.text) <= config.max_words and standalone(
            sentence.text
        ):
            rows.append(row)
    return rows


def _salience(pool: _Pool, candidates: list[int], config: SummaryConfig) -> np.ndarray:
    vectors = pool.vectors
    article_means = [
        vectors[pool.article_of == a].mean(axis=0)
        for a in range(pool.n_articles)
        if (pool.article_of == a).any()
    ]
    centroid = np.mean(article_means, axis=0)
    centroid = centroid / (np.linalg.norm(centroid) or 1.0)
    centrality = vectors[candidates] @ centroid
    support = _support_counts(pool, candidates, config.support)
    others = max(len(article_means) - 1, 1)
    index = np.array([pool.sentences[r].index for r in candidates], dtype=float)
    position = 1.0 / np.sqrt(1.0 + index)
    return centrality + config.support_weight * support / others + config.position_weight * position


def _support_counts(pool: _Pool, candidates: list[int], threshold: float) -> np.ndarray:
    """For each candidate, the number of other articles with a sentence close to it."""
    similarity = pool.vectors[candidates] @ pool.vectors.T
    counts = np.zeros(len(candidates))
    for a in np.unique(pool.article_of):
        best = similarity[:, pool.article_of == a].max(axis=1)
        mine = pool.article_of[candidates] == a
        counts += (best >= threshold) & ~mine
    return counts


def _reading_position(
    pool: _Pool, sentences: Mapping[str, Sequence[Sentence]], row: int
) -> tuple[float, int]:
    sentence = pool.sentences[row]
    total = len(sentences[sentence.article])
    return sentence.index / total, int(pool.article_of[row])


def _cite(pool: _Pool, row: int, config: SummaryConfig) -> SummarySentence:
    sentence = pool.sentences[row]
    citations = [Citation(sentence.article, sentence.start, sentence.end)]
    similarity = pool.vectors @ pool.vectors[row]
    own = pool.article_of[row]
    for a in np.unique(pool.article_of):
        if a == own:
            continue
        rows = np.flatnonzero(pool.article_of == a)
        best = rows[int(np.argmax(similarity[rows]))]
        other = pool.sentences[best]
        if reports_same(float(similarity[best]), sentence.text, other.text, config):
            citations.append(Citation(other.article, other.start, other.end))
    return SummarySentence(sentence.text, tuple(citations))


def reports_same(similarity: float, a: str, b: str, config: SummaryConfig) -> bool:
    """Whether two sentences with this embedding similarity report the same information.

    Embeddings alone confuse "Putin met Assad in 2015" with "Putin met Assad on Monday";
    below ``config.same`` the two must also share a good part of their key words.
    """
    if numbers_disagree(a, b):
        return False
    if similarity >= config.same:
        return True
    return similarity >= config.support and key_overlap(a, b) >= config.support_overlap


_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b[a-z]+\b", re.IGNORECASE)


def numbers(text: str) -> set[float]:
    """The numbers a sentence states, in digits or as words up to twenty and the tens."""
    found: set[float] = set()
    for token in _NUMBER.findall(text):
        if token[0].isdigit():
            try:
                found.add(float(token.replace(",", "")))
            except ValueError:
                continue
        elif token.lower() in _NUMBER_WORDS:
            found.add(float(_NUMBER_WORDS[token.lower()]))
    return found


def numbers_disagree(a: str, b: str) -> bool:
    """Both sentences state numbers and share none: "three killed" does not support "four"."""
    na, nb = numbers(a), numbers(b)
    return bool(na and nb and not na & nb)


_WORD = re.compile(r"[\w'’-]+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been
    being it its this that these those he she they his her their them him we our you
    your i me my said says say told tell would will could can may might must should has
    have had do does did not no nor so than then there here which who whom whose what
    when where why how all any both each few more most other some such only own same too
    very just also into over after before about against between through during under
    again further once up down out off while because until mr mrs ms""".split()
)


def key_words(text: str) -> set[str]:
    """Content words and numbers, lower-cased, crudely stemmed (plural and -ed/-ing)."""
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if not word or word in _STOP:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(word) > len(suffix) + 3 and word.endswith(suffix):
                word = word[: -len(suffix)]
                break
        words.add(word)
    return words


def key_overlap(a: str, b: str) -> float:
    """Share of the smaller sentence's key words that the other sentence also has."""
    wa, wb = key_words(a), key_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


_CONNECTIVES = frozenset(
    """but however and also yet still so then moreover furthermore additionally instead
    thus hence meanwhile nevertheless nonetheless otherwise likewise besides accordingly""".split()
)
_PRONOUNS = frozenset(
    """he she they it its his her their him them this these those that such both""".split()
)
_TIME_NOUNS = frozenset(
    """week month year morning afternoon evening night weekend time summer winter spring""".split()
)


def _open_quote(text: str) -> bool:
    """A quotation left open runs on into the next paragraph: the sentence is incomplete."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_PRONOUN_ATTRIBUTION = re.compile(
    r"\b(he|she|they)\s+(said|says|added|adds|told|noted|stressed|warned|explained|continued|"
    r"wrote|insisted|argued|declared|replied)\b",
    re.IGNORECASE,
)
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")


def standalone(text: str) -> bool:
    """False for a sentence that leans on the one before it ("He said ...", "But ...")."""
    stripped = text.lstrip("\"“‘'([ ")
    words = stripped.split()
    if not words or text.rstrip().endswith(":") or _open_quote(text):
        return False
    first = words[0].strip(",;:").lower()
    # Inside a quotation a pronoun is the speaker's own; a connective still continues a
    # quotation that began in the previous sentence.
    openers = _CONNECTIVES if stripped != text.lstrip() else _CONNECTIVES | _PRONOUNS
    if first in openers:
        follower = words[1].strip(",.").lower() if len(words) > 1 else ""
        if not (first in ("this", "that") and follower in _TIME_NOUNS):
            return False
    outside = _QUOTED.sub(" ", text)
    attribution = _PRONOUN_ATTRIBUTION.search(outside)
    return not (attribution and not _PROPER.search(outside[: attribution.start()]))
