"""The one place that chains the stages: inputs → articles → sentences → vectors → report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.articles import article_id, make_article
from storyline.clean import clean_all
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
    SummarySentence,
)
from storyline.segment import segment
from storyline.summarizer import SummaryConfig, summarize_story

#: ``progress(stage, done, total)`` is called as work advances; stages are named for people.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Corpus:
    """Usable articles with their sentences, and what could not be used."""

    articles: tuple[Article, ...]
    sentences: dict[str, tuple[Sentence, ...]]
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
    story = make_story(corpus, embedder or MiniLMEmbedder(), SummaryConfig(words=words), progress)
    return Report(
        articles=corpus.articles,
        stories=(story,),
        skipped=corpus.skipped,
        notices=corpus.notices,
        words=words,
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
    """Clean and segment documents; identical texts and articles without sentences are skipped."""
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
    sentences: dict[str, tuple[Sentence, ...]] = {}
    for document, cleaned in zip(unique, clean_all(unique), strict=True):
        article = make_article(document, cleaned)
        found = segment(article)
        if not found:
            skipped.append(
                Skipped(document.locator, "no sentences left after removing page furniture")
            )
            continue
        articles.append(article)
        sentences[article.id] = found
    return Corpus(tuple(articles), sentences, tuple(skipped), ())


def make_story(
    corpus: Corpus,
    embedder: Embedder,
    config: SummaryConfig,
    progress: Progress | None = None,
) -> Story:
    """All articles as one story (story clustering is a later stage)."""
    _tick(progress, "summarizing", 0, 1)
    summary = summarize_story(corpus.articles, corpus.sentences, embedder, config)
    _tick(progress, "summarizing", 1, 1)
    return Story(
        id="story-1",
        title=_story_title(corpus, summary),
        articles=tuple(a.id for a in corpus.articles),
        summary=summary,
    )


def _story_title(corpus: Corpus, summary: tuple[SummarySentence, ...]) -> str:
    """The headline of the article the summary leans on most, else the summary's start."""
    titles = {a.id: a.title for a in corpus.articles if a.title}
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
