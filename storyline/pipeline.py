"""The one place that chains the stages: inputs → articles → copies folded → events and
storylines → a cited summary and an analysis (facts, quotes, timeline, framing) per
event → report."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.analyze import analyze_story
from storyline.articles import article_id, make_article
from storyline.clean import clean_all
from storyline.cluster import Assignment, ClusterConfig, Clusterer
from storyline.dedup import Deduplicator
from storyline.embed import Embedder, MiniLMEmbedder
from storyline.errors import InputError, NoUsableInput
from storyline.ingest.readers import read
from storyline.ingest.sources import expand
from storyline.model import (
    Article,
    Document,
    Notice,
    Report,
    Sentence,
    Skipped,
    Story,
    Storyline,
    SummarySentence,
)
from storyline.segment import Sentences, has_sentences
from storyline.summarizer import SummaryConfig, summarize_story

#: ``progress(stage, done, total)`` is called as work advances; stages are named for people.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Corpus:
    """Usable articles with their sentences, and what could not be used."""

    articles: tuple[Article, ...]
    sentences: Mapping[str, tuple[Sentence, ...]]  # split on first use (segment.Sentences)
    skipped: tuple[Skipped, ...]
    notices: tuple[Notice, ...]


def summarize(
    inputs: Sequence[str | Path] | str | Path,
    words: int = 250,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read ``inputs`` (files, directories, globs, ``-``) and write one cited story report.

    Raises :class:`NoUsableInput` when no input yields an article with a sentence; every
    other input problem is listed in ``Report.skipped`` instead of raised.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    corpus = load(inputs, progress)
    embedder = embedder or MiniLMEmbedder()
    articles, groups = group(corpus.articles, embedder, progress=progress)
    corpus = dataclasses.replace(corpus, articles=articles)
    stories, storylines = make_stories(
        corpus, groups, embedder, SummaryConfig(words=words), progress
    )
    return Report(
        articles=articles,
        stories=stories,
        skipped=corpus.skipped,
        notices=corpus.notices,
        words=words,
        storylines=storylines,
    )


def load(inputs: Sequence[str | Path], progress: Progress | None = None) -> Corpus:
    """Read, clean and segment every input; unusable ones become ``skipped`` entries."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    notices: list[Notice] = []
    sources = list(expand(inputs))
    for done, source in enumerate(sources, start=1):
        if isinstance(source, InputError):
            skipped.append(Skipped(source.locator, source.reason))
        else:
            result = read(source)
            documents.extend(result.documents)
            skipped.extend(Skipped(p.locator, p.reason) for p in result.problems)
            notices.extend(result.notices)
        _tick(progress, "reading", done, len(sources))
    corpus = prepare(documents)
    if not corpus.articles:
        raise NoUsableInput("no usable article in the inputs; nothing to summarize")
    return Corpus(corpus.articles, corpus.sentences, (*skipped, *corpus.skipped), tuple(notices))


def prepare(documents: Sequence[Document]) -> Corpus:
    """Clean documents; identical texts and articles without sentences are skipped.

    Sentences are split when first asked for (:class:`~storyline.segment.Sentences`).
    """
    skipped: list[Skipped] = []
    first_seen: dict[str, str] = {}
    unique: list[Document] = []
    for document in documents:
        key = article_id(document)
        if key in first_seen:
            skipped.append(Skipped(document.locator, f"same text as {first_seen[key]}"))
            continue
        first_seen[key] = document.locator
        unique.append(document)
    articles: list[Article] = []
    for document, cleaned in zip(unique, clean_all(unique), strict=True):
        article = make_article(document, cleaned)
        if not has_sentences(article):
            skipped.append(
                Skipped(document.locator, "no sentences left after removing page furniture")
            )
            continue
        articles.append(article)
    return Corpus(tuple(articles), Sentences(articles), tuple(skipped), ())


@dataclass(frozen=True)
class Group:
    """The articles of one event (canonical ones in date order, then copies)."""

    event: str
    storyline: str
    articles: tuple[Article, ...]


def group(
    articles: Sequence[Article],
    embedder: Embedder,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Article, ...], list[Group]]:
    """Fold copies and cluster the articles into events, fed a day at a time in date order.

    Returns the articles (copies now carry ``duplicate_of``) in input order, and the events.
    Undated articles come last and are grouped by content alone.
    """
    order = sorted(range(len(articles)), key=lambda i: (articles[i].date is None, articles[i].date))
    folded, placed = fold_and_cluster(
        _days([articles[i] for i in order]), embedder, config, progress
    )
    members: dict[str, list[Article]] = {}
    for article in sorted(folded.values(), key=lambda a: a.duplicate_of is not None):
        event = placed[article.duplicate_of or article.id]
        members.setdefault(event.event, []).append(article)
    groups = [
        Group(event, placed[items[0].id].storyline, tuple(items))
        for event, items in members.items()
    ]
    return tuple(folded[a.id] for a in articles), groups


def fold_and_cluster(
    batches: Sequence[Sequence[Article]],
    embedder: Embedder,
    config: ClusterConfig | None = None,
    progress: Progress | None = None,
) -> tuple[dict[str, Article], dict[str, Assignment]]:
    """Feed the batches in order to one deduplicator and one clusterer.

    Returns every article by id (copies now carry ``duplicate_of``) and the placement of
    every canonical article; a copy belongs wherever its canonical article was placed.
    """
    dedup = Deduplicator()
    clusterer = Clusterer(embedder, config)
    folded: dict[str, Article] = {}
    placed: dict[str, Assignment] = {}
    for done, batch in enumerate(batches, start=1):
        found = dedup.add(batch)
        folded.update((a.id, a) for a in found)
        originals = [a for a in found if a.duplicate_of is None]
        placed.update((x.article, x) for x in clusterer.add(originals))
        _tick(progress, "grouping", done, len(batches))
    return folded, placed


def _days(articles: Sequence[Article]) -> list[list[Article]]:
    """Consecutive articles of one date form a batch; undated articles form the last one."""
    batches: dict[object, list[Article]] = {}
    for article in articles:
        batches.setdefault(article.date, []).append(article)
    return list(batches.values())


def make_stories(
    corpus: Corpus,
    groups: Sequence[Group],
    embedder: Embedder,
    config: SummaryConfig,
    progress: Progress | None = None,
) -> tuple[tuple[Story, ...], tuple[Storyline, ...]]:
    """A cited story per event, numbered storyline by storyline, events in date order."""
    threads: dict[str, list[Group]] = {}
    for item in sorted(groups, key=_start):
        threads.setdefault(item.storyline, []).append(item)
    stories: list[Story] = []
    storylines: list[Storyline] = []
    for number, members in enumerate(threads.values(), start=1):
        first = len(stories)
        for item in members:
            stories.append(make_story(corpus, item, f"story-{len(stories) + 1}", embedder, config))
            _tick(progress, "summarizing", len(stories), len(groups))
        own = stories[first:]
        main = max(own, key=lambda s: (len(s.articles), -own.index(s)))
        storylines.append(Storyline(f"storyline-{number}", main.title, tuple(s.id for s in own)))
        stories[first:] = [dataclasses.replace(s, storyline=f"storyline-{number}") for s in own]
    return tuple(stories), tuple(storylines)


def _start(item: Group) -> tuple[bool, dt.date]:
    dates = [a.date for a in item.articles if a.date]
    return (not dates, min(dates) if dates else dt.date.max)


def make_story(
    corpus: Corpus, item: Group, story_id: str, embedder: Embedder, config: SummaryConfig
) -> Story:
    """Summarize one event from its canonical articles; copies are listed, never cited."""
    originals = [a for a in item.articles if a.duplicate_of is None]
    sentences = {a.id: corpus.sentences[a.id] for a in originals}
    summary = summarize_story(originals, sentences, embedder, config)
    analysis = analyze_story(originals, sentences, embedder)
    dates = [a.date for a in item.articles if a.date]
    return Story(
        id=story_id,
        title=_story_title(originals, summary),
        articles=tuple(a.id for a in item.articles),
        summary=summary,
        first=min(dates, default=None),
        last=max(dates, default=None),
        undated=tuple(a.id for a in item.articles if a.date is None),
        analysis=analysis,
    )


def _story_title(articles: Sequence[Article], summary: tuple[SummarySentence, ...]) -> str:
    """The headline of the article the summary leans on most, else the summary's start."""
    titles = {a.id: a.title for a in articles if a.title}
    cited = Counter(c.article for s in summary for c in s.citations if c.article in titles)
    if cited:
        return titles[cited.most_common(1)[0][0]]
    if titles:
        return next(iter(titles.values()))
    if summary:
        words = summary[0].text.split()
        return " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    return "Untitled story"


def _tick(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
