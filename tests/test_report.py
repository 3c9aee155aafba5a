"""Rendering: the JSON schema, Markdown and HTML views of one report."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from storyline.pipeline import summarize
from storyline.shorten import shorten

from .conftest import EVENT, make_article


@pytest.fixture(scope="module")
def report():
    from storyline.embed import HashingEmbedder

    return summarize([EVENT], words=120, embedder=HashingEmbedder())


def test_json_follows_schema_v1(report):
    data = json.loads(report.to_json())
    assert data["schema"] == "storyline.report/1"
    assert set(data) >= {"articles", "stories", "skipped"}
    article = data["articles"][0]
    assert set(article) >= {"id", "path", "source", "title", "date", "text", "removed"}
    assert all(set(r) == {"text", "reason"} for r in article["removed"])
    story = data["stories"][0]
    assert set(story) >= {"id", "title", "articles", "summary"}
    assert set(story["articles"]) == {a["id"] for a in data["articles"]}
    for sentence in story["summary"]:
        assert set(sentence) == {"text", "citations"}
        for citation in sentence["citations"]:
            assert set(citation) == {"article", "start", "end"}


def test_json_citations_slice_the_cited_article_text(report):
    data = json.loads(report.to_json())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for sentence in data["stories"][0]["summary"]:
        first = sentence["citations"][0]
        assert shorten(texts[first["article"]][first["start"] : first["end"]]) == sentence["text"]


def test_json_dates_are_iso_or_null(report):
    data = json.loads(report.to_json())
    dates = {a["path"].rsplit("/", 1)[-1]: a["date"] for a in data["articles"]}
    assert dates["outlet_a.txt"] == "2026-03-09"
    assert dates["outlet_b.txt"] is None


def test_markdown_cites_every_sentence_with_reference_numbers(report):
    markdown = report.to_markdown()
    assert markdown.startswith("# storyline report")
    story = report.stories[0]
    assert f"## {story.title}" in markdown
    for sentence in story.summary:
        line = next(x for x in markdown.splitlines() if x.startswith(sentence.text))
        assert line.rstrip().endswith("]")
    assert "## Sources" in markdown
    assert "## Removed page furniture" in markdown
    assert "photo caption (printed twice)" in markdown


def test_markdown_lists_removed_furniture_per_article(report):
    markdown = report.to_markdown()
    removed_section = markdown.split("## Removed page furniture", 1)[1]
    assert "related-headlines block (other articles)" in removed_section
    assert "source trailer (kept as the source)" in removed_section


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("class") == "cite":
            self.links.append(attributes["href"])


def test_html_citation_links_point_at_marked_sentences(report):
    collector = _Collector()
    collector.feed(report.to_html())
    cited = sum(len(s.citations) for s in report.stories[0].summary)
    assert len(collector.links) == cited
    for link in collector.links:
        assert link.startswith("#") and link[1:] in collector.ids


def test_html_escapes_article_text():
    from storyline.model import Report

    article = make_article("A <script>alert(1)</script> tag appeared in a scraped sentence.")
    html = Report(articles=(article,), stories=()).to_html()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
