"""Render a :class:`Report` as JSON (schema ``storyline.report/1``), Markdown or HTML."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from storyline.model import SCHEMA, Article, Report, Story
from storyline.summarizer import word_count

# ---------------------------------------------------------------------------- JSON


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data, following docs/schema.md."""
    return {
        "schema": SCHEMA,
        "words": report.words,
        "articles": [_article_dict(a) for a in report.articles],
        "stories": [_story_dict(s) for s in report.stories],
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
        "text": article.text,
        "headings": [{"start": h.start, "end": h.end} for h in article.headings],
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
    }


def _story_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "summary": [
            {
                "text": s.text,
                "citations": [
                    {"article": c.article, "start": c.start, "end": c.end} for c in s.citations
                ],
            }
            for s in story.summary
        ],
    }


# ------------------------------------------------------------------------ Markdown


def to_markdown(report: Report) -> str:
    numbers = _numbers(report)
    lines = ["# storyline report", ""]
    for story in report.stories:
        lines += _story_markdown(report, story, numbers)
    lines += ["## Sources", ""]
    for article in report.articles:
        lines.append(f"[{numbers[article.id]}] {_source_line(article)}  ")
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


def _story_markdown(report: Report, story: Story, numbers: dict[str, int]) -> list[str]:
    lines = [f"## {story.title}", "", f"*{_story_facts(report, story)}*", ""]
    for sentence in story.summary:
        refs = ", ".join(str(numbers[c.article]) for c in _by_number(sentence.citations, numbers))
        lines.append(f"{sentence.text} [{refs}]")
        lines.append("")
    if not story.summary:
        lines += ["*(no sentence fits the word budget)*", ""]
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


def _story_facts(report: Report, story: Story) -> str:
    articles = [report.article(a) for a in story.articles]
    sources = {a.source for a in articles}
    dates = sorted(a.date for a in articles if a.date)
    words = sum(word_count(s.text) for s in story.summary)
    parts = [
        f"{len(articles)} article{'s' * (len(articles) != 1)} from "
        f"{len(sources)} source{'s' * (len(sources) != 1)}"
    ]
    if dates:
        span = dates[0].isoformat()
        if dates[-1] != dates[0]:
            span += f" to {dates[-1].isoformat()}"
        parts.append(span)
    undated = sum(1 for a in articles if a.date is None)
    if undated:
        parts.append(f"{undated} undated")
    parts.append(f"summary of {words} words (budget {report.words})")
    return " · ".join(parts)


def _source_line(article: Article) -> str:
    title = f"“{article.title}”" if article.title else "(no headline)"
    origin = "" if article.source_from == "metadata" else f" (source from {article.source_from})"
    date = f"{article.date.isoformat()} ({article.date_from})" if article.date else "date unknown"
    where = article.path if article.line is None else f"{article.path}:{article.line}"
    return f"**{article.source}**{origin} — {title} — {date} — `{where}`"


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
            "paragraphs": _paragraphs(a, cited.get(a.id, set()), numbers[a.id]),
            "reasons": Counter(r.reason for r in a.removed),
        }
        for a in report.articles
    ]
    stories = [
        {
            "story": s,
            "facts": _story_facts(report, s),
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
                for sentence in s.summary
            ],
        }
        for s in report.stories
    ]
    return _template().render(report=report, stories=stories, articles=articles)


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


# -------------------------------------------------------------------------- shared


def _numbers(report: Report) -> dict[str, int]:
    """Reference numbers: articles in report order, from 1."""
    return {a.id: n for n, a in enumerate(report.articles, start=1)}


def _by_number(citations: Any, numbers: dict[str, int]) -> list[Any]:
    return sorted(citations, key=lambda c: numbers[c.article])


def _anchor(number: int, start: int, end: int) -> str:
    return f"a{number}-{start}-{end}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
