"""Render a :class:`Report` as JSON (schema ``storyline.report/1``), Markdown or HTML."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from storyline.model import SCHEMA, Article, Citation, Report, Story, SummarySentence
from storyline.report_analysis import analysis_dict, analysis_markdown, analysis_view
from storyline.summarizer import word_count

# ---------------------------------------------------------------------------- JSON


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, following docs/schema.md."""
    threads = _threads(report)
    home = {story.id: thread.id for thread in threads for story in thread.stories}
    return {
        "schema": SCHEMA,
        "words": report.words,
        "articles": [_article_dict(a) for a in report.articles],
        "stories": [_story_dict(report, s, home) for s in report.stories],
        "storylines": [
            {"id": t.id, "title": t.title, "stories": [s.id for s in t.stories]} for t in threads
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "notices": [{"path": n.path, "message": n.message} for n in report.notices],
    }


def to_json(report: Report, indent: int | None = 2) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent) + "\n"


def _article_dict(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "path": article.path,
        "line": article.line,
        "source": article.source,
        "source_from": article.source_from,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "date_from": article.date_from,
        "url": article.url,
        "credits": list(article.credits),
        "duplicate_of": article.duplicate_of,
        "text": article.text,
        "headings": [{"start": h.start, "end": h.end} for h in article.headings],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def _story_dict(report: Report, story: Story, home: dict[str, str]) -> dict[str, Any]:
    first, last = _span(report, story)
    return {
        "id": story.id,
        "title": story.title,
        "storyline": home.get(story.id, story.storyline),
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "articles": list(story.articles),
        "undated_articles": list(story.undated),
        "summary": [
            {
                "text": s.text,
                "citations": [
                    {"article": c.article, "start": c.start, "end": c.end} for c in s.citations
                ],
            }
            for s in story.summary
        ],
        **analysis_dict(story.analysis),
    }


# ------------------------------------------------------------------------ Markdown


def to_markdown(report: Report) -> str:
    numbers = _numbers(report)
    lines = ["# storyline report", ""]
    for thread in _threads(report):
        lines += _thread_markdown(report, thread, numbers)
    lines += ["## Sources", ""]
    for article in report.articles:
        lines.append(f"[{numbers[article.id]}] {_source_line(article, numbers)}  ")
    lines.append("")
    lines += _removed_markdown(report, numbers)
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- `{s.path}`: {s.reason}" for s in report.skipped]
        lines.append("")
    if report.notices:
        lines += ["## Notices", ""]
        lines += [f"- `{n.path}`: {n.message}" for n in report.notices]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _thread_markdown(report: Report, thread: _Thread, numbers: dict[str, int]) -> list[str]:
    """A storyline of one event is shown as that event; a longer one heads its events."""
    if len(thread.stories) == 1:
        return _story_markdown(report, thread.stories[0], numbers, "##")
    lines = [f"## {thread.title}", "", f"*{_thread_facts(report, thread)}*", ""]
    for story in thread.stories:
        lines += _story_markdown(report, story, numbers, "###")
    return lines


def _story_markdown(
    report: Report, story: Story, numbers: dict[str, int], heading: str
) -> list[str]:
    lines = [f"{heading} {story.title}", "", f"*{_story_facts(report, story)}*", ""]
    undated = _undated(story, numbers)
    if undated:
        refs = ", ".join(f"[{n}]" for n in undated.numbers)
        lines += [f"*{undated.lead}{f' ({refs})' if refs else ''}; {undated.tail}*", ""]
    for sentence in story.summary:
        lines += [f"{sentence.text} [{', '.join(map(str, _refs(sentence, numbers)))}]", ""]
    if not story.summary:
        lines += ["*(no sentence fits the word budget)*", ""]
    lines += analysis_markdown(story.analysis, lambda a: numbers[a], heading + "#")
    return lines


def _removed_markdown(report: Report, numbers: dict[str, int]) -> list[str]:
    lines = ["## Removed page furniture", ""]
    for article in report.articles:
        if not article.removed:
            continue
        lines.append(f"[{numbers[article.id]}] {article.source}: {len(article.removed)} removed")
        for removal in article.removed:
            lines.append(f"  - {removal.reason}: “{_clip(removal.text, 90)}”")
    if len(lines) == 2:
        lines.append("Nothing was removed.")
    lines.append("")
    return lines


def _source_line(article: Article, numbers: dict[str, int]) -> str:
    title = f"“{article.title}”" if article.title else "(no headline)"
    origin = "" if article.source_from == "metadata" else f" (source from {article.source_from})"
    date = f"{article.date.isoformat()} ({article.date_from})" if article.date else "date unknown"
    where = article.path if article.line is None else f"{article.path}:{article.line}"
    line = f"**{article.source}**{origin} — {title} — {date} — `{where}`"
    if article.duplicate_of:
        line += f" — copy of {_original(article.duplicate_of, numbers)}"
    return line


def _original(article_id: str, numbers: dict[str, int]) -> str:
    """``[n]`` for an article of the report, else its id (a copy of something not shown)."""
    number = numbers.get(article_id)
    return f"[{number}]" if number else f"article {article_id}"


# ---------------------------------------------------------------------------- HTML


@dataclass(frozen=True)
class _Piece:
    """A run of an article's text, marked when a summary sentence cites it."""

    text: str
    anchor: str | None


def to_html(report: Report) -> str:
    numbers = _numbers(report)
    cited = _cited_spans(report)
    articles = [
        {
            "article": a,
            "number": numbers[a.id],
            "original": numbers.get(a.duplicate_of) if a.duplicate_of else None,
            "paragraphs": _paragraphs(a, cited.get(a.id, set()), numbers[a.id]),
            "reasons": Counter(r.reason for r in a.removed),
        }
        for a in report.articles
    ]
    threads = [
        {
            "thread": t,
            "facts": _thread_facts(report, t),
            "stories": [_story_view(report, s, numbers) for s in t.stories],
        }
        for t in _threads(report)
    ]
    return _template().render(report=report, threads=threads, articles=articles)


def _story_view(report: Report, story: Story, numbers: dict[str, int]) -> dict[str, Any]:
    """What the template needs to show one story."""
    return {
        "story": story,
        "facts": _story_facts(report, story),
        "undated": _undated(story, numbers),
        "summary": [
            {
                "text": sentence.text,
                "citations": [
                    {
                        "number": numbers[c.article],
                        "source": report.article(c.article).source,
                        "anchor": _anchor(numbers[c.article], c.start, c.end),
                        "quote": report.article(c.article).text[c.start : c.end],
                    }
                    for c in _by_number(sentence.citations, numbers)
                ],
            }
            for sentence in story.summary
        ],
        "analysis": analysis_view(story.analysis, lambda a: numbers[a]),
    }


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("report.html.j2")


def _cited_spans(report: Report) -> dict[str, set[tuple[int, int]]]:
    spans: dict[str, set[tuple[int, int]]] = {}
    for story in report.stories:
        for sentence in story.summary:
            for c in sentence.citations:
                spans.setdefault(c.article, set()).add((c.start, c.end))
    return spans


def _paragraphs(article: Article, cited: set[tuple[int, int]], number: int) -> list[dict[str, Any]]:
    headings = {(h.start, h.end) for h in article.headings}
    paragraphs = []
    start = 0
    for block in article.text.split("\n\n"):
        end = start + len(block)
        pieces: list[_Piece] = []
        cursor = start
        for s, e in sorted(x for x in cited if start <= x[0] and x[1] <= end):
            if s < cursor:
                continue  # overlapping citations: the first one is marked
            if s > cursor:
                pieces.append(_Piece(article.text[cursor:s], None))
            pieces.append(_Piece(article.text[s:e], _anchor(number, s, e)))
            cursor = e
        if cursor < end:
            pieces.append(_Piece(article.text[cursor:end], None))
        paragraphs.append({"heading": (start, end) in headings, "pieces": pieces})
        start = end + 2
    return paragraphs


# ------------------------------------------------------------------ storylines

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class _Thread:
    """A storyline as shown: its stories are records, in date order (undated last)."""

    id: str
    title: str
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class _Undated:
    """The note on a story's undated articles: ``lead (refs); tail``."""

    lead: str
    numbers: tuple[int, ...]
    tail: str


def _threads(report: Report) -> list[_Thread]:
    """The report's storylines; a story that no storyline lists stands alone.

    Reports made without storylines (older callers) thus show each story as its own.
    """
    by_id = {story.id: story for story in report.stories}
    threads = []
    for line in report.storylines:
        stories = [by_id[i] for i in line.stories if i in by_id]
        if stories:
            threads.append(_Thread(line.id, line.title, _in_date_order(report, stories)))
    threaded = {story.id for thread in threads for story in thread.stories}
    for story in report.stories:
        if story.id not in threaded:
            threads.append(_Thread(story.id, story.title, (story,)))
    return threads


def _in_date_order(report: Report, stories: list[Story]) -> tuple[Story, ...]:
    def key(story: Story) -> tuple[bool, dt.date]:
        first = _span(report, story)[0]
        return (first is None, first or dt.date.min)

    return tuple(sorted(stories, key=key))


def _span(report: Report, story: Story) -> tuple[dt.date | None, dt.date | None]:
    """The story's first and last dates; from its articles when the story does not say."""
    if story.first or story.last:
        return story.first or story.last, story.last or story.first
    dates = [a.date for a in _articles(report, story) if a.date]
    return (min(dates), max(dates)) if dates else (None, None)


def _when(first: dt.date | None, last: dt.date | None) -> str:
    """``20 Nov 2017``, ``20–21 Nov 2017``, ``30 Nov – 2 Dec 2017`` or ``date unknown``."""
    if first is None or last is None:
        return "date unknown"
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_day(last)}"
    if first.year == last.year:
        return f"{first.day} {_MONTHS[first.month - 1]} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def _day(date: dt.date) -> str:
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _thread_facts(report: Report, thread: _Thread) -> str:
    spans = [_span(report, story) for story in thread.stories]
    firsts = [first for first, _ in spans if first]
    lasts = [last for _, last in spans if last]
    when = _when(min(firsts), max(lasts)) if firsts and lasts else "date unknown"
    return f"{_count(len(thread.stories), 'event')} · {when}"


def _story_facts(report: Report, story: Story) -> str:
    articles = _articles(report, story)
    originals = [a for a in articles if not a.duplicate_of]
    outlets = {a.source for a in originals}
    counts = f"{_count(len(originals), 'article')} from {_count(len(outlets), 'outlet')}"
    copies = len(articles) - len(originals)
    if copies:
        counts += f", plus {_count(copies, 'copy', 'copies')}"
    words = sum(word_count(s.text) for s in story.summary)
    summary = f"summary of {words} words (budget {report.words})"
    return " · ".join([_when(*_span(report, story)), counts, summary])


def _undated(story: Story, numbers: dict[str, int]) -> _Undated | None:
    if not story.undated:
        return None
    one = len(story.undated) == 1
    return _Undated(
        lead=f"{_count(len(story.undated), 'article')} {'carries' if one else 'carry'} no date",
        numbers=tuple(numbers[i] for i in story.undated if i in numbers),
        tail=f"{'it was' if one else 'they were'} grouped with this event by content alone.",
    )


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


# -------------------------------------------------------------------------- shared


def _numbers(report: Report) -> dict[str, int]:
    """Reference numbers: articles in report order, from 1."""
    return {a.id: n for n, a in enumerate(report.articles, start=1)}


def _articles(report: Report, story: Story) -> list[Article]:
    return [report.article(a) for a in story.articles]


def _refs(sentence: SummarySentence, numbers: dict[str, int]) -> list[int]:
    """The reference numbers a summary sentence cites, in ascending order."""
    return [numbers[c.article] for c in _by_number(sentence.citations, numbers)]


def _by_number(citations: Iterable[Citation], numbers: dict[str, int]) -> list[Citation]:
    return sorted(citations, key=lambda c: numbers[c.article])


def _anchor(number: int, start: int, end: int) -> str:
    return f"a{number}-{start}-{end}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
