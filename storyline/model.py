"""The records that flow through the pipeline, in flow order.

Every record is a frozen dataclass: a stage reads records and returns new ones, never
mutating what it was given. Offsets are character offsets into ``Article.text`` (Python
string indices), so ``article.text[start:end]`` is always the span they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

SCHEMA = "storyline.report/1"


@dataclass(frozen=True)
class Document:
    """One article as read from an input, before any cleaning.

    ``path`` names the file it came from and ``line`` the 1-based line (JSON Lines) or
    part number (``|||||``-separated files) inside it, when a file holds several articles.
    Metadata fields are ``None`` when the input did not carry them.
    """

    path: str
    raw: str
    line: int | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: dt.date | None = None
    collection: str | None = None  # cluster id of an evaluation JSONL line

    @property
    def locator(self) -> str:
        """``path`` or ``path:line``, for messages."""
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Cluster:
    """A cluster of an evaluation set: its documents and the human-written references."""

    id: str
    path: str
    line: int
    documents: tuple[Document, ...]
    references: tuple[str, ...]


@dataclass(frozen=True)
class Removal:
    """A piece of the raw input that cleaning left out of ``Article.text``, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Cleaned:
    """What cleaning learned from a document: the body text and the metadata it found."""

    text: str
    headings: tuple[Span, ...]
    removed: tuple[Removal, ...]
    title: str | None
    trailer_source: str | None  # outlet named by a trailer line ("Source: X and agencies")
    credits: tuple[str, ...]  # agencies named by credit lines ("With reporting by A, B")
    date_hint: dt.date | None  # a full date found in a caption or dateline
    date_hint_from: str | None


@dataclass(frozen=True)
class Article:
    """A cleaned article. ``id`` is a hash of its raw content, so it is stable across runs."""

    id: str
    path: str
    line: int | None
    source: str
    source_from: str  # "metadata", "url", "trailer", "credit line" or "file name"
    title: str | None
    date: dt.date | None
    date_from: str | None  # "metadata", "dateline", "caption" or None when unknown
    url: str | None
    text: str
    headings: tuple[Span, ...]
    removed: tuple[Removal, ...]
    credits: tuple[str, ...] = ()
    duplicate_of: str | None = None  # id of the canonical article this one is a copy of


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``text == article.text[start:end]``."""

    article: str
    index: int
    start: int
    end: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.article}:{self.index}"


@dataclass(frozen=True)
class Citation:
    """A sentence of ``article`` (by offsets into its text) that supports a summary sentence."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    """A summary sentence and every article sentence that reports the same information.

    The first citation is the sentence the text was taken from; ``text`` equals its slice.
    """

    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Claim:
    """A value an article states, with the sentence that states it.

    ``expression`` is the value as written ("at least 14 people"); ``value`` says it in a
    normalized form ("≥ 14"); ``start``/``end`` are the sentence's offsets.
    """

    article: str
    value: str
    expression: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Comparison:
    """Claims by different outlets about one quantity (``topic``).

    ``status`` is "conflict" (values of one quantity disagree beyond rounding), "possible
    conflict" (the same, but the claims are less surely one quantity), "possibly different"
    (the claims look alike but may count different things, so they are shown side by side,
    not called a conflict) or "agreement" (independent outlets state the same value).
    """

    topic: str
    status: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class QuoteVariant:
    """One outlet's wording of a quote, at ``[start, end)`` of the article's text."""

    article: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A statement and everyone who reported it; ``speaker`` is "" when unnamed.

    ``text`` is the first variant's wording; ``description`` says who spoke when no name
    is given ("a witness").
    """

    speaker: str
    text: str
    variants: tuple[QuoteVariant, ...]
    description: str = ""


@dataclass(frozen=True)
class DatedMention:
    """A date expression in a sentence of ``article`` and the date it resolves to.

    ``start``/``end`` are the sentence's offsets, ``mention_start``/``mention_end`` the
    expression's; ``date`` is None (with ``note``) when it could not be resolved.
    """

    article: str
    start: int
    end: int
    mention: str
    mention_start: int
    mention_end: int
    date: dt.date | None
    precision: str | None
    note: str | None = None


@dataclass(frozen=True)
class TimelineEntry:
    """An event on the timeline: what happened, when, and every sentence dating it.

    ``dates`` lists every other date outlets (or one article) give the same event, so a
    disagreement is visible; empty when all sources agree.
    """

    date: dt.date | None
    precision: str | None
    text: str
    citations: tuple[DatedMention, ...]
    dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Label:
    """A label an outlet uses for an entity ("regime leader") and the articles using it."""

    label: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Framing:
    """How the outlets label one person, group or place, where they differ."""

    entity: str
    kind: str  # "person", "group" or "place"
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Analysis:
    """What a story's outlets agree on, conflict on, quote, date and call things."""

    conflicts: tuple[Comparison, ...] = ()
    agreements: tuple[Comparison, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    framing: tuple[Framing, ...] = ()


@dataclass(frozen=True)
class Story:
    """One real-world event: its articles (canonical ones first, then copies) and summary.

    ``undated`` lists the articles that carried no date and were grouped by content alone.
    ``first`` and ``last`` are the earliest and latest article dates (``None`` if none).
    """

    id: str
    title: str
    articles: tuple[str, ...]
    summary: tuple[SummarySentence, ...]
    storyline: str = ""
    first: dt.date | None = None
    last: dt.date | None = None
    undated: tuple[str, ...] = ()
    analysis: Analysis = Analysis()


@dataclass(frozen=True)
class Storyline:
    """Related events threaded together; ``stories`` are story ids in date order."""

    id: str
    title: str
    stories: tuple[str, ...]


@dataclass(frozen=True)
class Skipped:
    """An input, or part of one, that produced no article, with the reason and what to do."""

    path: str
    reason: str


@dataclass(frozen=True)
class Notice:
    """A problem that did not stop an input from being used (e.g. a guessed encoding)."""

    path: str
    message: str


@dataclass(frozen=True)
class Report:
    """The result of a run. Renderers live in :mod:`storyline.report`."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    skipped: tuple[Skipped, ...] = ()
    notices: tuple[Notice, ...] = ()
    words: int = 250
    storylines: tuple[Storyline, ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        from storyline.report import to_dict

        return to_dict(self)

    def to_json(self, indent: int | None = 2) -> str:
        from storyline.report import to_json

        return to_json(self, indent=indent)

    def to_markdown(self) -> str:
        from storyline.report import to_markdown

        return to_markdown(self)

    def to_html(self) -> str:
        from storyline.report import to_html

        return to_html(self)
